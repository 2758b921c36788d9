// One JS API score of a large workload in Node, for scripts/bench.sh memory: prints a JSON line
// with the time, the process's peak RSS, the answer's type and the answer's length in UTF-16
// code units (what a JS string holds).
//   node bench/memory/api.mjs PKG_DIR WORKLOAD_DIR full|summary
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, dir, detail] = process.argv.slice(2);
const ulo = await import(pathToFileURL(path.resolve(pkg, 'ulo.js')).href);
await ulo.init(readFileSync(path.resolve(pkg, 'ulo_wasm_bg.wasm')));
const read = (f) => readFileSync(path.join(dir, f), 'utf8');
const loaded = ulo.loadProtocol(read('protocol.json'));
if (loaded.type !== 'success') throw new Error(JSON.stringify(loaded.errors));
const engine = loaded.result;
const tender = read('tender.json');
const bids = read('bids.json');
const started = performance.now();
let answer;
let length = 0;
try {
  answer = detail === 'summary' ? engine.score(tender, bids, { detail: 'summary' }) : engine.score(tender, bids);
  length = JSON.stringify(answer).length;
} catch (e) {
  answer = { type: 'threw', errors: [{ code: String(e && e.message ? e.message : e).slice(0, 80) }] };
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({
  seconds: Number(seconds.toFixed(2)),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  type: answer.type,
  code: answer.errors?.[0]?.code,
  answer_chars: length,
  input_bytes: bids.length,
}));

// Times the benchmark workloads in wasm in headless Chromium, then prints native and wasm side by
// side with the ratios against the budgets of issue 7. Run by scripts/bench.sh, which builds the
// wasm bench into DIR and the native figures into NATIVE first:
//   node bench/wasm/run.mjs DIR NATIVE.json [PROFILE]
// The timing policy is the native one (bench/src/bin/figures.rs): a warm-up run, then samples of
// enough runs to last at least 20 ms each (timed with performance.now() around one call that
// runs the measure that many times), until at least 5 samples and a second in all; the figure is
// the median sample's time per run. Exit status 1 if any budget is over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch } from '../../tests/e2e/harness.mjs';

const [dir, nativeFile, profile = 'wasm-app'] = process.argv.slice(2);
if (!dir || !nativeFile) {
  console.error('usage: node bench/wasm/run.mjs DIR NATIVE.json');
  process.exit(2);
}
const SIZES = [[12, 25, 4], [1000, 50, 5]];
const native = JSON.parse(readFileSync(nativeFile, 'utf8'));

const server = await startServer(path.resolve(dir), 8093);
const browser = await launch();
let wasm;
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
  await page.goto(`${server.origin}/index.html`);
  wasm = await page.evaluate(async (sizes) => {
    const mod = await import('./ulo_bench_wasm.js');
    await mod.default();
    const rows = [];
    for (const [b, c, e] of sizes) {
      const bench = new mod.Bench(b, c, e);
      for (const m of mod.measures()) {
        const once = (n) => {
          const start = performance.now();
          bench.run(m, n);
          return performance.now() - start;
        };
        const first = Math.max(once(1), 0.001);
        const reps = Math.min(Math.max(Math.ceil(20 / first), 1), 100000);
        const samples = [];
        let spent = 0;
        while (samples.length < 5 || (spent < 1000 && samples.length < 50)) {
          const t = once(reps);
          spent += t;
          samples.push(t / reps);
        }
        samples.sort((x, y) => x - y);
        rows.push({ size: `${b}x${c}x${e}`, measure: m, ms: samples[Math.floor(samples.length / 2)] });
      }
      bench.free();
    }
    return rows;
  }, SIZES);
} finally {
  await browser.close();
  server.stop();
}

const get = (rows, size, measure) => rows.find((r) => r.size === size && r.measure === measure)?.ms;
const ms = (v) => (v === undefined ? '-' : v < 10 ? v.toFixed(3) : v.toFixed(1));
const measures = [...new Set([...native, ...wasm].map((r) => r.measure))];

console.log(`\nTimes (median ms per run; wasm: ${profile} profile + wasm-opt -Oz, as shipped, in headless Chromium)`);
console.log(`${'size'.padEnd(11)}${'measure'.padEnd(18)}${'native'.padStart(12)}${'wasm'.padStart(12)}${'wasm/native'.padStart(13)}`);
for (const [b, c, e] of SIZES) {
  const size = `${b}x${c}x${e}`;
  for (const m of measures) {
    const n = get(native, size, m);
    const w = get(wasm, size, m);
    const ratio = n && w ? (w / n).toFixed(2) : '-';
    console.log(`${size.padEnd(11)}${m.padEnd(18)}${ms(n).padStart(12)}${ms(w).padStart(12)}${ratio.padStart(13)}`);
  }
}

// Budgets: [label, figure, limit, unit].
const budgets = [];
const has = (m) => measures.includes(m);
const rescore = has('score-lean') ? 'score-lean' : 'score-full';
budgets.push([`12x25x4 re-scored in wasm (${rescore})`, get(wasm, '12x25x4', rescore), 1, 'ms']);
budgets.push([`1000x50x5 re-scored in wasm (${rescore})`, get(wasm, '1000x50x5', rescore), 50, 'ms']);
for (const [b, c, e] of SIZES) {
  const size = `${b}x${c}x${e}`;
  for (const m of measures) {
    const n = get(native, size, m);
    const w = get(wasm, size, m);
    if (n && w) budgets.push([`${size} ${m}: wasm / native`, w / n, 2, 'x']);
  }
}
for (const [label, rows] of [['native', native], ['wasm', wasm]]) {
  for (const [b, c, e] of SIZES) {
    const size = `${b}x${c}x${e}`;
    const parse = get(rows, size, 'parse-only');
    for (const m of measures.filter((x) => x.startsWith('end-to-end'))) {
      const t = get(rows, size, m);
      if (parse && t) budgets.push([`${size} ${m} / parse-only (${label})`, t / parse, 2, 'x']);
    }
  }
}
console.log('\nBudgets');
let over = 0;
for (const [label, v, limit, unit] of budgets) {
  const ok = v !== undefined && v <= limit;
  if (!ok) over++;
  const shown = v === undefined ? '-' : unit === 'ms' ? `${ms(v)} ms` : `${v.toFixed(2)}x`;
  console.log(`${label.padEnd(52)}${shown.padStart(12)}  (budget ${limit}${unit === 'ms' ? ' ms' : 'x'})  ${ok ? 'within' : 'OVER'}`);
}
console.log(over ? `\n${over} budget(s) over.` : '\nAll speed budgets within.');
process.exit(over ? 1 : 0);

// Tests of the JavaScript API (dist/pkg/ulo.js over the wasm engine), run in Node: every
// function, success and failure answers, the conformance cases compared with their recorded
// results, the OCDS import of every real release checked against the hand-read expectations,
// and inputs that must never make a call throw. It also writes the real answers it saw into
// target/api-types/answers.ts, typed with ulo.d.ts, for `tsc --noEmit` to check the
// declarations against what the engine really returns (tests/api/tsconfig.json).
//
// Prints "N passed, N failed"; exits non-zero on any failure.

import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { deepStrictEqual } from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const pkg = path.join(root, 'dist/pkg');
const read = (p) => readFileSync(path.join(root, p), 'utf8');
const ulo = await import(pathToFileURL(path.join(pkg, 'ulo.js')).href);

let passed = 0;
let failed = 0;
const typed = []; // [name, type, answer] for the TypeScript check

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   api: ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL api: ${name}: ${e.message}`);
  }
}

function isAnswer(a) {
  return a && typeof a === 'object' && (
    (a.type === 'success' && 'result' in a && Array.isArray(a.warnings))
    || (a.type === 'failure' && Array.isArray(a.errors) && a.errors.length > 0
      && a.errors.every((e) => typeof e.code === 'string' && typeof e.message === 'string'
        && typeof e.help === 'string' && typeof e.pointer === 'string')));
}

function failureCode(a, code) {
  assert(isAnswer(a), `not a tagged answer: ${JSON.stringify(a).slice(0, 200)}`);
  assert(a.type === 'failure', `expected a failure, got success`);
  assert(a.errors.some((e) => e.code === code), `expected ${code}, got ${a.errors.map((e) => e.code).join(', ')}`);
  return a.errors.find((e) => e.code === code);
}

function success(a) {
  assert(isAnswer(a), `not a tagged answer: ${JSON.stringify(a).slice(0, 200)}`);
  assert(a.type === 'success', `expected success, got ${JSON.stringify(a.errors)}`);
  return a.result;
}

const EXAMPLE = {
  protocol: read('core/protocols/ulcp.json'),
  tender: read('core/protocols/example-tender.json'),
  bids: read('core/protocols/example-bids.json'),
  selfCheck: read('core/protocols/example-self-check.json'),
};

// --- before init -----------------------------------------------------------------------------

await test('calls before init answer ulo::not-initialised, never throw', () => {
  const e = ulo.shippedProtocol();
  failureCode(e.checkTender(EXAMPLE.tender), 'ulo::not-initialised');
  failureCode(e.score(EXAMPLE.tender, EXAMPLE.bids), 'ulo::not-initialised');
  failureCode(ulo.validate('tender', EXAMPLE.tender), 'ulo::not-initialised');
  failureCode(ulo.loadProtocol(EXAMPLE.protocol), 'ulo::not-initialised');
  assert(ulo.version() === undefined, 'no version before init');
});

await test('init with bytes that are not WebAssembly resolves false (in a fresh process)', () => {
  const script = `const u = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'ulo.js')).href)});
    const ok = await u.init(new Uint8Array([1, 2, 3, 4]));
    const a = u.shippedProtocol().checkTender('{}');
    console.log(JSON.stringify({ ok, why: u.initFailure(), code: a.errors[0].code }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert(r.status === 0, `child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert(out.ok === false && typeof out.why === 'string' && out.why.length > 0, JSON.stringify(out));
  assert(out.code === 'ulo::not-initialised', out.code);
});

const loaded = await ulo.init(readFileSync(path.join(pkg, 'ulo_wasm_bg.wasm')));

await test('init loads the engine once; version matches the crate', async () => {
  assert(loaded === true, `init gave ${loaded}: ${ulo.initFailure()}`);
  assert((await ulo.init()) === true, 'a second init is a no-op');
  const cargo = read('Cargo.toml').match(/^version = "([^"]+)"/m)[1];
  assert(ulo.version() === cargo, `version ${ulo.version()} vs ${cargo}`);
});

const engine = ulo.shippedProtocol();

await test('shippedProtocol describes the shipped protocol', () => {
  const p = JSON.parse(EXAMPLE.protocol);
  const info = engine.protocol;
  assert(info.id === p.id && info.version === p.version && info.title === p.title, JSON.stringify(info));
  assert(info.effective_date === p.effective_date, info.effective_date);
  assert(/^[0-9a-f]{64}$/.test(info.digest), info.digest);
});

// --- the conformance cases, through the API ----------------------------------------------------

// The protocol and worked example as shipped in version 1.0.0, for the cases pinned to them.
const PINNED = {
  protocol: 'core/protocols/ulcp-1.0.0.json',
  tender: 'tests/pinned/example-tender-1.0.0.json',
  bids: 'tests/pinned/example-bids-1.0.0.json',
  self_check: 'tests/pinned/example-self-check-1.0.0.json',
};

function caseInput(dir, spec, key, shipped) {
  const name = spec[key];
  if (name === 'shipped') return shipped;
  if (name === 'shipped-1.0.0') return read(PINNED[key]);
  if (name.startsWith('shared:')) return read(`tests/shared/${name.slice(7)}.json`);
  return read(`tests/cases/${dir}/${name}`);
}

const cases = readdirSync(path.join(root, 'tests/cases')).filter((d) => existsSync(path.join(root, 'tests/cases', d, 'case.json'))).sort();
await test(`all ${cases.length} conformance cases give their recorded results through the API`, () => {
  assert(cases.length >= 30, `only ${cases.length} cases`);
  const problems = [];
  let byteIdentical = 0;
  for (const dir of cases) {
    const spec = JSON.parse(read(`tests/cases/${dir}/case.json`));
    const recordedText = read(`tests/cases/${dir}/result.json`);
    const recorded = JSON.parse(recordedText);
    const loadedProtocol = ulo.loadProtocol(caseInput(dir, spec, 'protocol', EXAMPLE.protocol));
    let answer;
    if (loadedProtocol.type === 'failure') {
      answer = loadedProtocol;
    } else {
      const e = loadedProtocol.result;
      const tender = caseInput(dir, spec, 'tender', EXAMPLE.tender);
      if (spec.command === 'check-tender') answer = e.checkTender(tender);
      else if (spec.command === 'score') answer = e.score(tender, caseInput(dir, spec, 'bids', EXAMPLE.bids));
      else if (spec.command === 'self-check') answer = e.selfCheck(tender, caseInput(dir, spec, 'self_check', EXAMPLE.selfCheck));
      e.free();
    }
    if (!isAnswer(answer)) { problems.push(`${dir}: not a tagged answer`); continue; }
    const got = answer.type === 'success' ? answer.result : { document: 'errors', errors: answer.errors };
    try {
      deepStrictEqual(got, recorded);
      if (`${JSON.stringify(got, null, 2)}\n` === recordedText) byteIdentical++;
    } catch {
      problems.push(`${dir}: differs from result.json`);
    }
    if (answer.type === 'success') {
      const type = { 'check-tender': 'TenderCheck', score: 'ScoreResult', 'self-check': 'SelfCheckResult' }[spec.command];
      typed.push([`case_${dir.replace(/[^a-z0-9]/gi, '_')}`, `Answer<${type}>`, answer]);
    } else {
      typed.push([`case_${dir.replace(/[^a-z0-9]/gi, '_')}`, 'Answer<never>', answer]);
    }
  }
  assert(problems.length === 0, problems.join('; '));
  assert(byteIdentical === cases.length, `${cases.length - byteIdentical} results are equal but not byte-identical`);
});

// --- each function, success and failure --------------------------------------------------------

await test('checkTender: success for the worked example, as object or text alike', () => {
  const fromText = engine.checkTender(EXAMPLE.tender);
  const fromObject = engine.checkTender(JSON.parse(EXAMPLE.tender));
  const r = success(fromText);
  deepStrictEqual(fromObject, fromText);
  assert(r.document === 'tender-check' && r.tender.id === 'example-ils-2026', r.tender.id);
  const s = r.summary;
  assert(r.checks.length > 0 && s.met + s.must + s.should + s.not_stated + (s.not_applicable ?? 0) + (s.regime_not_stated ?? 0) === r.checks.length,
    'summary counts add up to the checks');
  assert(r.regime && r.regime.regime === 'pa2023_light_touch', 'the regime is decided first');
  typed.push(['checkTender_example', 'Answer<TenderCheck>', fromText]);
});

await test('checkTender: located failures for a broken tender', () => {
  const t = JSON.parse(EXAMPLE.tender);
  delete t.lots[0].value;
  t.lots[1].months = 0;
  const a = engine.checkTender(t);
  const missing = failureCode(a, 'ulo::missing-field');
  assert(missing.pointer === '/lots/0' && missing.document === 'tender', JSON.stringify(missing));
  const range = failureCode(a, 'ulo::out-of-range');
  assert(range.pointer === '/lots/1/months' && range.found && range.expected, JSON.stringify(range));
  typed.push(['checkTender_failure', 'Answer<TenderCheck>', a]);
  failureCode(engine.checkTender('{"document": "tender", "id": "a", "id": "b"}'), 'ulo::duplicate-key');
  failureCode(engine.checkTender('{ not json'), 'ulo::json-syntax');
  failureCode(engine.checkTender(EXAMPLE.bids), 'ulo::wrong-document');
});

await test('a lone surrogate is refused alike as text and as an object, at its pointer, in words the caller wrote', () => {
  const t = JSON.parse(EXAMPLE.tender);
  t.title = 'Support \ud800 service';
  const asObject = engine.checkTender(t);
  // The same document as text, the lone surrogate as it is in the JS string (not an escape).
  const raw = JSON.stringify(t).replace('\\ud800', '\ud800');
  assert(raw.includes('\ud800') && !raw.includes('\\ud800'), 'the text holds the lone surrogate itself');
  const asText = engine.checkTender(raw);
  // And as text where the caller wrote the escape.
  const escaped = engine.checkTender(JSON.stringify(t));
  for (const [form, a] of [['object', asObject], ['text', asText], ['escaped text', escaped]]) {
    const e = failureCode(a, 'ulo::lone-surrogate');
    assert(e.pointer === '/title' && e.document === 'tender', `${form}: ${JSON.stringify(e)}`);
    assert(e.message.includes('a lone surrogate (\\ud800) is not valid text'), `${form}: ${e.message}`);
    assert(!e.message.includes('hex escape'), `${form}: ${e.message}`);
  }
  deepStrictEqual(asText, asObject);
  // A trailing half alone, in a key's value deeper down; a pair (an emoji) is one character.
  const d = JSON.parse(EXAMPLE.tender);
  d.lots[0].title = 'x\udc00';
  deepStrictEqual(engine.checkTender(JSON.stringify(d).replace('\\udc00', '\udc00')), engine.checkTender(d));
  failureCode(engine.checkTender(d), 'ulo::lone-surrogate');
  const ok = JSON.parse(EXAMPLE.tender);
  ok.title = 'Support \ud83d\ude00 service';
  success(engine.checkTender(ok));
  success(engine.checkTender(JSON.stringify(ok)));
  // Outside a string, or after a backslash, it is not JSON: a syntax error, as before.
  failureCode(engine.checkTender('{"title": \ud800}'), 'ulo::json-syntax');
  failureCode(engine.checkTender('{"title": "\\\ud800"}'), 'ulo::json-syntax');
});

await test('numbers are read from their digits: a score just under a whole number is refused, not rounded', () => {
  const b = JSON.parse(EXAMPLE.bids);
  const text = JSON.stringify(b);
  const first = '"score":4';
  assert(text.includes(first), 'the example has a score of 4');
  const at = (s) => text.replace(first, `"score":${s}`);
  const whole = success(engine.score(EXAMPLE.tender, at('4')));
  for (const spelling of ['4.0', '4e0', '40e-1']) {
    const r = success(engine.score(EXAMPLE.tender, at(spelling)));
    deepStrictEqual(r.lots, whole.lots, spelling);
  }
  for (const bad of ['2.9999999999999999999', '1e-400', '3.5']) {
    const e = failureCode(engine.score(EXAMPLE.tender, at(bad)), 'ulo::invalid-value');
    assert(e.pointer.endsWith('/score') && e.document === 'bids', `${bad}: ${JSON.stringify(e)}`);
    assert(e.message.includes(`${bad} is not a whole number`), `${bad}: ${e.message}`);
  }
});

await test('score: the worked example ranks as the hand-worked case says', () => {
  const a = engine.score(EXAMPLE.tender, EXAMPLE.bids);
  const r = success(a);
  // From the worked example's notes (the app's end-to-end test checks the same figures).
  assert(r.lots[0].ranking[0].bidder === 'Northfield Centre for Independent Living', r.lots[0].ranking[0].bidder);
  assert(r.lots[0].ranking[0].total === '77.18', r.lots[0].ranking[0].total);
  typed.push(['score_example', 'Answer<ScoreResult>', a]);
});

await test('score: failures for bids that do not fit the tender', () => {
  const b = JSON.parse(EXAMPLE.bids);
  b.bids[0].lot = 'lot-9';
  const a = engine.score(EXAMPLE.tender, b);
  const e = failureCode(a, 'ulo::unknown-reference');
  assert(e.document === 'bids' && e.pointer === '/bids/0/lot', JSON.stringify(e));
  typed.push(['score_failure', 'Answer<ScoreResult>', a]);
  failureCode(engine.score(EXAMPLE.tender, undefined), 'ulo::missing-document');
  failureCode(engine.score('{}', EXAMPLE.bids), 'ulo::missing-field');
});

await test('score: the summary has every bid\'s figures; explained bids are byte for byte their full entries', () => {
  const full = success(engine.score(EXAMPLE.tender, EXAMPLE.bids));
  const a = engine.score(EXAMPLE.tender, EXAMPLE.bids, { detail: 'summary' });
  const s = success(a);
  assert(s.document === 'score-summary', s.document);
  assert(JSON.stringify(s.lots) === JSON.stringify(full.lots), 'the lots differ from the full result');
  assert(s.explained.length === 0, 'a summary explains no bid unless asked');
  for (const [i, b] of full.bids.entries()) {
    const x = s.bids[i];
    assert(x.bid === b.bid && x.status === b.status && x.rank === b.rank && x.total === b.total, JSON.stringify(x));
    for (const c of b.criteria) assert(x.marks[c.criterion] === (c.marks ?? null), `${b.bid} ${c.criterion}`);
    assert(JSON.stringify(x.flags.map((f) => f.code)) === JSON.stringify(b.flags.map((f) => f.code)), `${b.bid} flags`);
  }
  typed.push(['score_summary', 'Answer<ScoreSummary>', a]);
  const last = full.bids[full.bids.length - 1];
  const one = engine.score(EXAMPLE.tender, EXAMPLE.bids, { explain: [last.bid] });
  const e = success(one);
  assert(e.document === 'score-summary' && e.explained.length === 1, JSON.stringify(e.explained.map((b) => b.bid)));
  assert(JSON.stringify(e.explained[0]) === JSON.stringify(last), 'the explained bid differs from its full entry');
  typed.push(['score_summary_explained', 'Answer<ScoreSummary>', one]);
  const missing = engine.score(EXAMPLE.tender, EXAMPLE.bids, { detail: 'summary', explain: ['no-such-bid'] });
  failureCode(missing, 'ulo::unknown-reference');
  for (const bad of [{ detail: 'brief' }, { explain: 'b-1' }, { explain: [1] }, { detail: 'full', explain: [last.bid] }, 'summary']) {
    const f = failureCode(engine.score(EXAMPLE.tender, EXAMPLE.bids, bad), 'ulo::invalid-value');
    assert(f.help.includes('summary'), f.help);
  }
});

/** A tender on the mini protocol with a panel of 30 and `n` bids, every member scoring each. */
function wide(n) {
  const tender = JSON.parse(read('tests/cases/001-score-basic/tender.json'));
  tender.panel = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, name: `Member ${i}`, role: 'officer' }));
  const panel = Object.fromEntries(tender.panel.map((m, i) => [m.id, { score: i % 5 }]));
  const bids = {
    document: 'bids',
    tender: tender.id,
    bids: Array.from({ length: n }, (_, i) => ({
      id: `b${String(i).padStart(5, '0')}`,
      lot: 'lot-1',
      organisation: { name: `Bidder ${i}` },
      price: String(80000 + i),
      gates: { insured: 'pass' },
      scores: { q1: panel, q2: panel },
    })),
  };
  return { tender: JSON.stringify(tender), bids: JSON.stringify(bids) };
}

await test('score: a full result past the limit is refused with its figures; the summary is answered', () => {
  const mini = success(ulo.loadProtocol(read('tests/shared/mini.json')));
  const big = wide(2300); // 2,300 bids x 3 scored criteria x 30 evaluators = 207,000
  const f = failureCode(mini.score(big.tender, big.bids), 'ulo::result-too-large');
  assert(f.message.includes('2300 bids x 3 scored criteria x 30 evaluators (207000)'), f.message);
  assert(f.message.includes('at most 200000'), f.message);
  assert(f.help.includes('summary') && f.help.includes('explain'), f.help);
  assert(f.pointer === '/bids' && f.document === 'bids', JSON.stringify(f));
  const s = success(mini.score(big.tender, big.bids, { detail: 'summary', explain: ['b00007'] }));
  assert(s.bids.length === 2300 && s.explained.length === 1 && s.explained[0].bid === 'b00007', 'summary');
  const text = JSON.stringify(s);
  assert(text.length < 2 * big.bids.length, `summary ${text.length} bytes for ${big.bids.length} of bids`);
  success(mini.score(big.tender, wide(2200).bids)); // 198,000: under the limit, answered in full
  mini.free();
});

await test('selfCheck: success and failure', () => {
  const a = engine.selfCheck(EXAMPLE.tender, EXAMPLE.selfCheck);
  const r = success(a);
  assert(r.document === 'self-check-result' && Number(r.projected.low) <= Number(r.projected.high), JSON.stringify(r.projected));
  typed.push(['selfCheck_example', 'Answer<SelfCheckResult>', a]);
  const d = JSON.parse(EXAMPLE.selfCheck);
  d.price = 'lots';
  const f = engine.selfCheck(EXAMPLE.tender, d);
  const e = failureCode(f, 'ulo::invalid-value');
  assert(e.pointer === '/price' && e.document === 'self_check', JSON.stringify(e));
  typed.push(['selfCheck_failure', 'Answer<SelfCheckResult>', f]);
});

await test('loadProtocol: success gives a working engine; failures list every problem', () => {
  const a = ulo.loadProtocol(JSON.parse(EXAMPLE.protocol));
  const e = success(a);
  assert(e instanceof ulo.Engine, 'an Engine');
  deepStrictEqual(e.protocol, engine.protocol);
  deepStrictEqual(e.score(EXAMPLE.tender, EXAMPLE.bids), engine.score(EXAMPLE.tender, EXAMPLE.bids));
  e.free();
  const p = JSON.parse(EXAMPLE.protocol);
  p.award_model.criteria[0].weight = '60';
  const f = ulo.loadProtocol(p);
  const w = failureCode(f, 'ulo::weights-not-100');
  assert(w.pointer === '/award_model/criteria' && w.found === '110', JSON.stringify(w));
  p.rounding.places = 9;
  const r = failureCode(ulo.loadProtocol(p), 'ulo::out-of-range');
  assert(r.pointer === '/rounding/places', r.pointer);
  typed.push(['loadProtocol_failure', 'Answer<never>', f]);
  const g = ulo.loadProtocol(JSON.stringify({ document: 'protocol' }));
  assert(failureCode(g, 'ulo::missing-field') && g.errors.length > 3, `${g.errors.length} problems`);
});

await test('validate: each kind of document, and a kind that does not exist', () => {
  for (const [kind, doc] of [['protocol', EXAMPLE.protocol], ['tender', EXAMPLE.tender], ['bids', EXAMPLE.bids], ['self-check', EXAMPLE.selfCheck]]) {
    const a = ulo.validate(kind, doc);
    assert(success(a) === null, `${kind}: ${JSON.stringify(a)}`);
    typed.push([`validate_${kind.replace('-', '_')}`, 'Answer<null>', a]);
  }
  const wrong = ulo.validate('tender', EXAMPLE.bids);
  failureCode(wrong, 'ulo::wrong-document');
  const unknown = ulo.validate('poem', '{}');
  const e = failureCode(unknown, 'ulo::invalid-value');
  assert(e.found === '"poem"', e.found);
  typed.push(['validate_failure', 'Answer<null>', unknown]);
  failureCode(ulo.validate('tender', JSON.stringify({ ...JSON.parse(EXAMPLE.tender), colour: 'red' })), 'ulo::unknown-field');
});

await test('inputs that cannot be JSON are failures, not exceptions', () => {
  const cyclic = { document: 'tender' };
  cyclic.self = cyclic;
  const e = failureCode(engine.checkTender(cyclic), 'ulo::not-json');
  assert(e.document === 'tender', e.document);
  failureCode(engine.checkTender({ n: 10n }), 'ulo::not-json');
  failureCode(engine.checkTender(() => 1), 'ulo::not-json');
  failureCode(engine.checkTender(null), 'ulo::missing-document');
  failureCode(engine.importOcds(undefined), 'ulo::missing-document');
  let deep = '1';
  for (let i = 0; i < 100; i++) deep = `[${deep}]`;
  failureCode(engine.checkTender(deep), 'ulo::too-deep');
});

await test('no call throws, whatever it is given', () => {
  const odd = [undefined, null, 0, -1, NaN, '', ' ', '{}', '[]', 'null', '"x"', '1e999', [], {}, true, Symbol('s'),
    () => 1, 10n, '\u0000', '\ud800', 'x'.repeat(100000), { document: 'tender' }, { lots: [{}] }, new Date(0), new Map()];
  let calls = 0;
  for (const x of odd) {
    for (const y of odd.slice(0, 8)) {
      for (const a of [
        () => engine.checkTender(x), () => engine.score(x, y), () => engine.selfCheck(x, y), () => engine.importOcds(x),
        () => ulo.validate(x, y), () => ulo.validate('tender', x), () => ulo.loadProtocol(x),
      ]) {
        let answer;
        try {
          answer = a();
        } catch (e) {
          throw new Error(`threw ${e} for ${String(typeof x === 'symbol' ? 'a symbol' : x).slice(0, 40)}`);
        }
        assert(isAnswer(answer), `not an answer for ${String(typeof x === 'symbol' ? 'a symbol' : x).slice(0, 40)}`);
        if (answer.type === 'success' && answer.result instanceof ulo.Engine) answer.result.free();
        calls++;
      }
    }
  }
  // The engine still works after all that.
  success(engine.score(EXAMPLE.tender, EXAMPLE.bids));
  assert(calls > 1000, `${calls} calls`);
});

await test('free: later calls answer ulo::engine-freed; freeing twice is harmless', () => {
  const e = ulo.shippedProtocol();
  success(e.checkTender(EXAMPLE.tender));
  e.free();
  e.free();
  failureCode(e.checkTender(EXAMPLE.tender), 'ulo::engine-freed');
  failureCode(e.importOcds('{}'), 'ulo::engine-freed');
  success(engine.checkTender(EXAMPLE.tender));
});

// --- OCDS import of every real release ---------------------------------------------------------

const expected = JSON.parse(read('tests/ocds/expected.json')).files;
const pointer = (doc, p) => {
  if (p === '') return doc;
  let cur = doc;
  for (const raw of p.slice(1).split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
};

for (const [name, e] of Object.entries(expected)) {
  await test(`importOcds ${name}: fields as read by hand`, () => {
    const text = read(`tests/ocds/${name}`);
    const input = JSON.parse(text);
    const a = engine.importOcds(text);
    const r = success(a);
    typed.push([`import_${name.replace(/[^a-z0-9]/gi, '_')}`, 'Answer<OcdsImport>', a]);
    assert(r.source.form === e.form, `form ${r.source.form}`);
    assert(r.complete === e.complete, `complete ${r.complete}: ${JSON.stringify(r.problems)}`);
    assert(a.warnings.some((w) => w.code === 'ulo::ocds-draft-incomplete') === !e.complete, 'incomplete warning');
    for (const [k, v] of Object.entries(e.tender)) deepStrictEqual(r.tender[k], v, `${k}`);
    assert(r.tender.lots.length === e.lots.length, 'lots');
    e.lots.forEach((lot, i) => { for (const [k, v] of Object.entries(lot)) deepStrictEqual(r.tender.lots[i][k], v, `lot ${i} ${k}`); });
    for (const k of e.absent) assert(!(k in r.tender), `${k} should stay missing`);
    for (const [to, from] of Object.entries(e.mapped)) {
      const m = r.mapped.find((x) => x.to === to);
      assert(m && m.from === from, `${to} from ${m && m.from}`);
    }
    for (const from of e.not_mapped) assert(r.not_mapped.some((n) => n.from === from), `${from} not reported`);
    deepStrictEqual(r.award_criteria.map((c) => [c.lot ?? null, c.type ?? null, c.weight_percent ?? null, c.weight_from ?? null]), e.award_criteria);
    deepStrictEqual(r.to_supply.filter((s) => s.required).map((s) => s.field).sort(), e.required);
    // Every pointer is real; every mapped value is in the draft where it says.
    for (const m of r.mapped) {
      assert(pointer(input, m.from) !== undefined, `mapped from ${m.from} is not in the input`);
      deepStrictEqual(pointer(r.tender, m.to), m.value, `mapped to ${m.to}`);
    }
    for (const n of r.not_mapped) assert(pointer(input, n.from) !== undefined, `not-mapped ${n.from} is not in the input`);
    // A complete draft is a tender the engine checks as it is.
    if (r.complete) success(engine.checkTender(r.tender));
  });
}

await test('importOcds: inputs that are not one OCDS release or record', () => {
  const a = engine.importOcds('[]');
  const e = failureCode(a, 'ulo::wrong-type');
  assert(e.document === 'ocds', e.document);
  typed.push(['import_failure', 'Answer<OcdsImport>', a]);
  failureCode(engine.importOcds(JSON.parse(EXAMPLE.tender)), 'ulo::ocds-not-recognised');
  failureCode(engine.importOcds({ releases: [{ tender: {} }, { tender: {} }] }), 'ulo::ocds-several-releases');
  failureCode(engine.importOcds({ records: [{ ocid: 'x' }] }), 'ulo::ocds-no-compiled-release');
  failureCode(engine.importOcds('{"ocid": 1, "ocid": 2}'), 'ulo::duplicate-key');
});

// --- recovery after a trap ------------------------------------------------------------------------

await test('after a trap the engine restarts by itself; engines loaded before say so (in a fresh process)', () => {
  assert(typeof ulo.ready === 'function', 'ready() is exported');
  // An honest trap, in a process of its own so that nothing before it has grown the heap: the
  // live instance's memory is grown to all that wasm32 allows (as an input that exhausted
  // memory would leave it), so the engine's next allocation fails and the instance traps (Rust
  // aborts on a failed allocation). The glue module is the one ulo.js imported (same URL), so
  // its default export gives the live instance's exports.
  const href = (f) => JSON.stringify(pathToFileURL(path.join(pkg, f)).href);
  const script = `const u = await import(${href('ulo.js')});
    const fs = await import('node:fs');
    const tender = fs.readFileSync(${JSON.stringify(path.join(root, 'core/protocols/example-tender.json'))}, 'utf8');
    const bids = fs.readFileSync(${JSON.stringify(path.join(root, 'core/protocols/example-bids.json'))}, 'utf8');
    await u.init(fs.readFileSync(${JSON.stringify(path.join(pkg, 'ulo_wasm_bg.wasm'))}));
    const armed = await u.ready();
    const engine = u.shippedProtocol();
    const ok = engine.checkTender(tender).type;
    const glue = await import(${href('ulo_wasm.js')});
    const wasm = await glue.default();
    for (let pages = 32768; pages >= 1; pages = Math.floor(pages / 2)) {
      try { while (true) wasm.memory.grow(pages); } catch { /* full at this step */ }
    }
    const crash = engine.checkTender(' '.repeat(1 << 20) + tender);
    const stale = engine.score(tender, bids);
    const fresh = u.shippedProtocol().score(tender, bids);
    const valid = u.validate('tender', tender).type;
    const rearmed = await u.ready();
    console.log(JSON.stringify({ armed, ok, crash: crash.errors?.[0], stale: stale.errors?.[0]?.code,
      total: fresh.result?.lots[0].ranking[0].total, valid, rearmed, version: u.version() }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert(r.status === 0, `child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert(out.armed === true && out.ok === 'success', JSON.stringify(out));
  assert(out.crash?.code === 'ulo::engine-crashed' && out.crash.message.includes('has restarted'), JSON.stringify(out.crash));
  assert(out.stale === 'ulo::engine-restarted', out.stale);
  assert(out.total === '77.18', `a new engine scores after the restart: ${JSON.stringify(out)}`);
  assert(out.valid === 'success' && typeof out.version === 'string', JSON.stringify(out));
  assert(out.rearmed === true, 'another standby is armed after the restart');
});

// --- the declarations against real answers ------------------------------------------------------

await test('real answers written for the TypeScript check', () => {
  const dir = path.join(root, 'target/api-types');
  mkdirSync(dir, { recursive: true });
  const types = new Set(['Answer', 'TenderCheck', 'ScoreResult', 'ScoreSummary', 'SelfCheckResult', 'OcdsImport']);
  const lines = [
    '// Generated by tests/api/api.test.mjs: real answers of the engine, typed with ulo.d.ts.',
    '// tsc rejects any answer with a field the declarations lack, or without one they require.',
    `import type { ${[...types].join(', ')} } from '../../dist/pkg/ulo.js';`,
    '',
  ];
  for (const [name, type, answer] of typed) {
    lines.push(`export const ${name}: ${type} = ${JSON.stringify(answer)};`);
  }
  writeFileSync(path.join(dir, 'answers.ts'), `${lines.join('\n')}\n`);
  assert(typed.length > 20, `${typed.length} answers`);
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

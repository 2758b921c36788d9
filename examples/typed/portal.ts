// A typed example: a portal written in TypeScript against the ulo package (copied to ./ulo in a
// real site; here it is the built package in dist/pkg). `tsc --noEmit` checks it against
// ulo.d.ts in the test suite (tests/api/tsconfig.json).
import {
  init,
  shippedProtocol,
  loadProtocol,
  validate,
  type Answer,
  type Engine,
  type TenderDocument,
  type BidsDocument,
  type ScoreResult,
  type OcdsImport,
  type Problem,
} from '../../dist/pkg/ulo.js';

const tender: TenderDocument = {
  document: 'tender',
  id: 'typed-example',
  title: 'Independent living support',
  authority: 'Example Borough Council',
  published: '2026-05-11',
  response_deadline: '2026-06-22',
  lots: [{ id: 'lot-1', title: 'Peer support', value: '360000', months: 36 }],
  payment: { terms_days: 30, in_arrears: false },
  panel: [
    { id: 'e1', name: 'Officer A', role: 'officer' },
    { id: 'e2', name: 'Expert by experience B', role: 'lived_experience' },
  ],
};

const bids: BidsDocument = {
  document: 'bids',
  tender: 'typed-example',
  bids: [
    {
      id: 'b1',
      lot: 'lot-1',
      organisation: { name: 'Northfield CIL', board: { voting_members: 8, disabled_or_service_users: 7 } },
      price: '350000',
      scores: { 'q-outcomes': { e1: { score: 4 }, e2: { score: 4, rationale: 'Clear outcomes.' } } },
    },
  ],
};

function explain(errors: Problem[]): string[] {
  return errors.map((e) => `${e.code} at ${e.pointer || 'the whole document'}: ${e.message} (${e.help})`);
}

function leaders(answer: Answer<ScoreResult>): string[] {
  if (answer.type === 'failure') return explain(answer.errors);
  return answer.result.lots.map((lot) => {
    const first = lot.ranking[0];
    return first ? `${lot.title}: ${first.bidder} with ${first.total} marks` : `${lot.title}: no ranked bids`;
  });
}

function stillToSupply(answer: Answer<OcdsImport>): string[] {
  if (answer.type === 'failure') return explain(answer.errors);
  return answer.result.to_supply.filter((s) => s.required).map((s) => `${s.field}: ${s.reason}`);
}

export async function run(ocdsText: string): Promise<string[]> {
  if (!(await init())) return ['the engine could not be loaded'];
  const engine: Engine = shippedProtocol();
  const out: string[] = [];
  const check = engine.checkTender(tender);
  if (check.type === 'success') {
    out.push(check.result.summary.headline);
    for (const f of check.result.findings) out.push(`${f.severity} ${f.status}: ${f.title}`);
  }
  out.push(...leaders(engine.score(tender, bids)));
  out.push(...stillToSupply(engine.importOcds(ocdsText)));
  const valid = validate('tender', tender);
  if (valid.type === 'failure') out.push(...explain(valid.errors));
  const own = loadProtocol('{"document": "protocol"}');
  if (own.type === 'failure') out.push(`${own.errors.length} problems with that protocol`);
  else own.result.free();
  engine.free();
  return out;
}

// Type declarations for ulo.js, the JavaScript API of ulo (the commissioning protocol engine for
// user-led organisations). Inputs follow the JSON Schemas in ulo's `schemas/` folder; outputs
// follow the engine's result types. Every figure is a string holding an exact decimal (never a
// JS number), so a portal reads the same figure the engine decided.

// ---------------------------------------------------------------------------------------------
// Scalars

/** A short id: a letter or digit, then up to 63 letters, digits, dots, dashes or underscores. */
export type Id = string;
/** Pounds as text: plain digits, at most 2 decimal places, e.g. "250000" or "1250.50". */
export type Money = string;
/** A percentage from 0 to 100 as text, at most 2 decimal places, e.g. "30" or "12.5". */
export type Percent = string;
/** A non-negative figure as text, at most 4 decimal places. */
export type Figure = string;
/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;
/** An exact decimal ("28.50") or fraction ("10/3") produced by the engine. */
export type ExactText = string;
/** A JSON pointer (RFC 6901), "" for the whole document. */
export type JsonPointer = string;

// ---------------------------------------------------------------------------------------------
// Answers

/** A note that does not stop the call but that a portal should show. */
export interface Warning {
  code: string;
  message: string;
}

/** Which document a problem was found in. */
export type ProblemDocument = 'protocol' | 'tender' | 'bids' | 'self_check' | 'ocds';

/** One problem with an input, located by JSON pointer. */
export interface Problem {
  /** A stable code, e.g. "ulo::missing-field". */
  code: string;
  /** The document at fault (absent when the problem is not in one document). */
  document?: ProblemDocument;
  /** JSON pointer of the value at fault. */
  pointer: JsonPointer;
  /** What is wrong, in lowercase words. */
  message: string;
  /** How to put it right. */
  help: string;
  /** The value found, when the problem is about one value. */
  found?: string;
  /** What was expected. */
  expected?: string;
}

export interface Success<T> {
  type: 'success';
  result: T;
  warnings: Warning[];
}

export interface Failure {
  type: 'failure';
  /** The first 100 problems, in document order. */
  errors: Problem[];
  /** How many more problems there were after these; absent when all are listed. */
  more?: number;
}

/** Every call answers with one of these; none throws. */
export type Answer<T> = Success<T> | Failure;

// ---------------------------------------------------------------------------------------------
// Functions

/**
 * Loads the WebAssembly module; call and await it once first. `source`: where
 * `ulo_wasm_bg.wasm` is, its bytes, or a compiled module (default: next to ulo.js).
 * Resolves to false (never rejects) if it cannot be loaded.
 */
export function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<Response>,
): Promise<boolean>;

/** Why `init` failed, or null. */
export function initFailure(): string | null;

/**
 * Resolves to true once a second, idle instance of the engine is ready to take over if the live
 * one ever traps (init() starts it; after a trap another is started). Calls need not wait for it.
 * After a trap, the trapping call answers "ulo::engine-crashed", engines loaded before answer
 * "ulo::engine-restarted" (load the protocol again), and everything else works at once.
 */
export function ready(): Promise<boolean>;

/** The engine's version, or undefined before init. */
export function version(): string | undefined;

/** The shipped User-Led Commissioning Protocol. */
export function shippedProtocol(): Engine;

/** Reads and checks a protocol; success holds the engine. */
export function loadProtocol(protocol: ProtocolDocument | string): Answer<Engine>;

/** Checks one document on its own against its schema (and a protocol's consistency). */
export function validate(
  kind: 'protocol' | 'tender' | 'bids' | 'self-check',
  document: ProtocolDocument | TenderDocument | BidsDocument | SelfCheckDocument | string,
): Answer<null>;

/** A protocol read once, ready to check and score any number of tenders. */
export class Engine {
  private constructor();
  /**
   * The protocol's id, title, version, effective date and digest; undefined only for an engine
   * made before init() resolved (whose calls all answer "ulo::not-initialised").
   */
  readonly protocol: ProtocolInfo | undefined;
  checkTender(tender: TenderDocument | string): Answer<TenderCheck>;
  /**
   * Scores the bids. By default the full result (every figure explained), refused before
   * scoring with "ulo::result-too-large" when bids x scored criteria x evaluators is over
   * 200,000; `{ detail: "summary" }` gives every bid's figures without the explanations, and
   * `explain` (which implies the summary) the full explanation of the bids named.
   */
  score(tender: TenderDocument | string, bids: BidsDocument | string, options?: { detail?: 'full' }): Answer<ScoreResult>;
  score(
    tender: TenderDocument | string,
    bids: BidsDocument | string,
    options: { detail: 'summary'; explain?: Id[] } | { detail?: 'summary'; explain: Id[] },
  ): Answer<ScoreSummary>;
  selfCheck(tender: TenderDocument | string, draft: SelfCheckDocument | string): Answer<SelfCheckResult>;
  importOcds(ocds: object | string): Answer<OcdsImport>;
  /** Releases the engine's memory; later calls answer "ulo::engine-freed". */
  free(): void;
}

export interface ProtocolInfo {
  id: Id;
  title: string;
  version: string;
  effective_date: IsoDate;
  /** SHA-256 of the protocol's canonical JSON. */
  digest: string;
}

// ---------------------------------------------------------------------------------------------
// Input: the tender (schemas/tender.schema.json)

export type InsuranceKind = 'public_liability' | 'employers_liability' | 'professional_indemnity' | 'other';
export type Role = 'officer' | 'lived_experience';

export interface TenderDocument {
  $schema?: string;
  document: 'tender';
  id: Id;
  title: string;
  authority: string;
  service?: string;
  published?: IsoDate;
  response_deadline?: IsoDate;
  /** How the tender is procured, for deciding which law governs it. */
  procurement?: Procurement;
  reserved_for_user_led?: boolean;
  /** From 1 to 50 lots; a contract not divided into lots has one. */
  lots: Lot[];
  no_lots_reason?: string;
  conditions?: Conditions;
  /** Weights changed from the protocol's defaults, by criterion id. */
  weights?: Record<Id, Percent>;
  payment?: Payment;
  panel?: Evaluator[];
  electronic_auction?: boolean;
  abnormally_low_procedure_published?: boolean;
  tupe_information_given?: boolean;
  users_involved_in_design?: boolean;
}

/** The law that governs a tender (see README, "Which law applies"). */
export type Regime =
  | 'pa2023' | 'pa2023_light_touch' | 'pa2023_below_threshold'
  | 'pcr2015' | 'pcr2015_light_touch' | 'pcr2015_below_threshold'
  | 'scotland' | 'scotland_light_touch' | 'scotland_below_threshold'
  | 'psr' | 'grant';
/** The buyer's nation. */
export type Nation = 'england' | 'wales' | 'scotland' | 'northern_ireland';
/** Whether a rule stands on the governing law (a must) or on the protocol's policy (a should). */
export type Standing = 'law' | 'policy';

/** What a tender says about how it is procured: the regime outright, or the facts it is derived from. */
export interface Procurement {
  regime?: Regime;
  route?: 'contract' | 'grant';
  nation?: Nation;
  authority_type?:
    | 'council' | 'combined_authority' | 'central_government' | 'nhs_england'
    | 'integrated_care_board' | 'nhs_trust' | 'other';
  /** The date the procurement began. */
  started?: IsoDate;
  /** CPV codes: eight digits, with or without the check digit. From 1 to 50. */
  cpv?: string[];
  /** The estimated value of the whole contract including VAT. */
  value_including_vat?: Money;
  planned_procurement_notice?: boolean;
}

export interface Lot {
  id: Id;
  title: string;
  description?: string;
  /** Estimated value over the whole contract period. */
  value: Money;
  /** Contract length in months, 1 to 240. */
  months: number;
  price_ceiling?: Money;
  price_floor?: Money;
  /** For the benchmark price formula (Bid Evaluation Guidance Note 7.3). */
  price_benchmark?: {
    price: Money;
    marks_at_benchmark_percent: Percent;
    gain_per_percent_below: Figure;
    loss_per_percent_above: Figure;
  };
  /** A basket of rates: a bid's price is each rate times its volume, added up. */
  rates?: {
    id: Id;
    title: string;
    kind: 'day' | 'night' | 'weekend' | 'sleep_in' | 'waking_night' | 'other';
    unit: string;
    volume: Figure;
    ceiling?: Money;
  }[];
  /** How the lot's bids are evaluated; absent, the weighted total. */
  evaluation?: Evaluation;
}

export type EvaluationModel =
  | 'weighted' | 'price_per_quality_point' | 'sequential' | 'quality_only' | 'price_only';

/** A lot's evaluation model (one of the protocol's models_allowed). */
export type Evaluation = { price_formula?: PriceFormula } & (
  | { model: 'weighted' }
  | { model: 'price_per_quality_point'; quality_threshold_percent?: Percent }
  | { model: 'sequential'; pass_mark_percent: Percent; then: 'lowest_price' | 'weighted' }
  | { model: 'quality_only'; fixed_price: Money }
  | { model: 'price_only'; basis?: 'price' | 'whole_life_cost' }
);

export type PriceFormula = 'lowest_price_ratio' | 'linear_ceiling_floor' | 'benchmark';

export interface Conditions {
  minimum_turnover?: Money;
  insurance?: { kind: InsuranceKind; amount: Money }[];
  performance_bond?: Money;
  accreditations?: string[];
}

export interface Payment {
  terms_days: number;
  in_arrears: boolean;
  by_results_percent?: Percent;
  core_costs_contribution?: boolean;
}

export interface Evaluator {
  id: Id;
  name: string;
  role: Role;
}

// ---------------------------------------------------------------------------------------------
// Input: bids and a self-check (schemas/bids.schema.json, schemas/self-check.schema.json)

export type LegalForm =
  | 'charity'
  | 'charitable_incorporated_organisation'
  | 'company_limited_by_guarantee'
  | 'community_interest_company'
  | 'cooperative_society'
  | 'community_benefit_society'
  | 'unincorporated_association'
  | 'company_limited_by_shares'
  | 'public_limited_company'
  | 'partnership'
  | 'sole_trader'
  | 'public_body';

export interface Organisation {
  name: string;
  legal_form?: LegalForm;
  annual_turnover?: Money;
  board?: { voting_members: number; disabled_or_service_users: number };
  /** 0 paid staff: a staff-share test does not apply. */
  staff?: { total: number; disabled: number };
  /** 0 volunteers: a volunteers test does not apply. */
  volunteers?: { total: number; disabled: number };
  /** PA 2023 s.32(4): the workforce performing the contract. */
  workforce?: { total: number; disabled_or_disadvantaged: number };
  employment_purpose?: boolean;
  public_service_purpose?: boolean;
  not_for_profit_or_member_profits?: boolean;
  employee_controlled?: boolean;
  comparable_mutual_contract_in_3_years?: boolean;
  /** PPN 005: where the organisation is based or established ("UK", a county or borough). */
  established_in?: string[];
  sme?: boolean;
  vcse?: boolean;
  accountable_to_members?: boolean;
  social_model_commitment?: boolean;
  based_in_area?: boolean;
}

export interface BidsDocument {
  $schema?: string;
  document: 'bids';
  tender: Id;
  bids: Bid[];
}

export interface Bid {
  id: Id;
  lot: Id;
  organisation: Organisation;
  /** Optional for a lot with rates (the basket is the price); if given there, equal to it. */
  price?: Money;
  /** For a lot with rates: the price per unit of each, by rate id. */
  rates?: Record<Id, Money>;
  /** Figures for banded criteria, by bid fact id. */
  facts?: Record<Id, Figure>;
  gates?: Record<Id, 'pass' | 'fail'>;
  /** Panel scores: criterion id, then evaluator id. */
  scores?: Record<Id, Record<Id, { score: number; rationale?: string }>>;
  /** Moderated consensus scores, by criterion id. */
  consensus?: Record<Id, { score: number; rationale: string }>;
}

export interface SelfCheckDocument {
  $schema?: string;
  document: 'self-check';
  tender: Id;
  lot: Id;
  organisation: Organisation;
  /** Optional for a lot with rates (the basket is the price). */
  price?: Money;
  rates?: Record<Id, Money>;
  facts?: Record<Id, Figure>;
  gates?: Record<Id, 'pass' | 'fail' | 'unsure'>;
  /** The score the bidder expects on each panel criterion, or a range. */
  expected?: Record<Id, { score: number } | { low: number; high: number }>;
  competitor_lowest_price?: Money;
}

// ---------------------------------------------------------------------------------------------
// Input: a protocol (schemas/protocol.schema.json)

export type Category = 'price' | 'quality' | 'social_value' | 'user_leadership';
export type TenderFact =
  | 'lot_count' | 'total_value' | 'largest_lot_value' | 'no_lots_reason_given' | 'reserved_for_user_led'
  | 'response_window_days' | 'payment_terms_days' | 'payment_in_arrears' | 'payment_by_results_percent'
  | 'core_costs_contribution' | 'price_weight_percent' | 'quality_weight_percent'
  | 'social_value_weight_percent' | 'user_leadership_weight_percent' | 'panel_size'
  | 'lived_experience_evaluators' | 'lived_experience_percent' | 'electronic_auction'
  | 'abnormally_low_procedure_published' | 'tupe_information_given' | 'users_involved_in_design'
  | 'minimum_turnover' | 'public_liability_cover' | 'employers_liability_cover'
  | 'professional_indemnity_cover' | 'performance_bond' | 'lot_value' | 'lot_months'
  | 'lot_annual_value' | 'turnover_multiple' | 'turnover_to_annual_value'
  | 'audited_accounts_from_every_bidder' | 'insurance_before_award' | 'planned_procurement_notice'
  | 'reservation_lawful'
  | 'lot_price_per_quality_point'
  | 'lot_quality_threshold_percent'
  | 'lot_price_only'
  | 'lot_rate_count'
  | 'lot_overnight_share_percent';

export interface Cite {
  source: Id;
  clause: string;
}

/** An award model cite: shown only under `regimes` when the tender's regime is decided. */
export interface AwardCite extends Cite {
  regimes?: NonNullable<Procurement['regime']>[];
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ fact: TenderFact } & (
      | { at_most: Figure }
      | { at_least: Figure }
      | { less_than: Figure }
      | { more_than: Figure }
      | { equals: Figure }
      | { is: boolean }
    ));

export type Method =
  | { type: 'panel'; scale: Id; minimum?: { score: number; disqualifies: boolean } }
  | { type: 'banded'; fact: Id; bands: { from: Figure; to?: Figure; points: number }[]; out_of: number }
  | { type: 'price'; formula: PriceFormula };

export interface Criterion {
  id: Id;
  title: string;
  description?: string;
  weight: Percent;
  category?: Category;
  cites?: AwardCite[];
  /** A group has children; a leaf has a method (up to three levels). */
  children?: Criterion[];
  method?: Method;
}

export type EligibilityRule =
  | { type: 'board_share'; op: 'at_least' | 'more_than'; percent: Percent }
  | { type: 'staff_share'; op: 'at_least' | 'more_than'; percent: Percent }
  | { type: 'volunteer_share'; op: 'at_least' | 'more_than'; percent: Percent }
  | { type: 'declaration'; declaration: 'accountable_to_members' | 'social_model_commitment' }
  | { type: 'legal_form'; allowed: LegalForm[] };

export interface ProtocolDocument {
  $schema?: string;
  document: 'protocol';
  id: Id;
  title: string;
  version: string;
  effective_date: IsoDate;
  publisher?: string;
  summary?: string;
  rounding: { places: number; mode: 'half_up' | 'half_even' | 'down' };
  sources: {
    id: Id;
    title: string;
    kind: 'legislation' | 'statutory_guidance' | 'guidance' | 'research' | 'local_policy';
    url?: string;
  }[];
  scales: { id: Id; title: string; points: { score: number; label: string; descriptor: string }[] }[];
  eligibility: {
    summary: string;
    tests: { id: Id; title: string; rule: EligibilityRule; optional?: boolean; cites: Cite[] }[];
  };
  barriers: {
    id: Id;
    title: string;
    scope: 'tender' | 'lot';
    severity: 'must' | 'should';
    require: Condition;
    finding: string;
    why: string;
    fix: string;
    question: string;
    cites: Cite[];
  }[];
  award_model: {
    /** What a criterion's weight is a share of: its group (the default) or the whole award. */
    weights_as?: 'share_of_parent' | 'share_of_whole';
    criteria: Criterion[];
    gates: { id: Id; title: string; description: string; cites: AwardCite[] }[];
    moderation:
      | { method: 'consensus'; variance_limit: number; cites: AwardCite[] }
      | { method: 'mean'; lived_experience_share?: Percent; variance_limit: number; cites: AwardCite[] }
      | { method: 'median'; variance_limit: number; cites: AwardCite[] };
    abnormally_low: { compare_to: 'mean_of_other_bids' | 'lot_estimate'; below_percent: Percent; cites: AwardCite[] };
    affordability: { over_ceiling: 'exclude' | 'flag'; cites: AwardCite[] };
    tie_break: ({ rule: 'higher_score_in'; criterion: Id } | { rule: 'higher_score_in'; category: Category } | { rule: 'lower_price' } | { rule: 'user_led_first' })[];
    cites: AwardCite[];
    /** The price formulas a lot may publish instead of the price criterion's own. */
    price_formulas_allowed?: PriceFormula[];
    /** The lot evaluation models a tender may choose; absent, the weighted total only. */
    models_allowed?: EvaluationModel[];
  };
  tunable: { criterion: Id; min: Percent; max: Percent }[];
  bid_facts: { id: Id; title: string; kind: 'percent' | 'count' | 'money' | 'figure' }[];
}

// ---------------------------------------------------------------------------------------------
// Output: shared parts

export interface EngineRef {
  name: 'ulo';
  version: string;
}

export interface ProtocolRef {
  id: Id;
  title: string;
  version: string;
  effective_date: IsoDate;
}

export interface TenderRef {
  id: Id;
  title: string;
  authority: string;
}

export interface RoundingRef {
  places: number;
  mode: 'half_up' | 'half_even' | 'down';
}

export interface CiteRef {
  source: Id;
  title: string;
  clause: string;
  url?: string;
}

/** How one figure was produced, down to the clause. */
export interface Trace {
  rule: string;
  criterion?: Id;
  inputs: { name: string; label: string; value: string }[];
  formula: string;
  exact: ExactText;
  result: string;
  rounding?: string;
  cites: CiteRef[];
}

// ---------------------------------------------------------------------------------------------
// Output: the barrier check

export interface FactShown {
  fact: TenderFact;
  label: string;
  /** The value, or "not stated". */
  value: string;
}

/** Which law governs the tender, and how that was decided; first in every result of a protocol
 * whose rules know regimes. */
export interface RegimeDecision {
  /** Absent when the regime is not stated and cannot be derived. */
  regime?: Regime;
  title: string;
  jurisdiction?: Nation;
  decided: 'stated' | 'derived' | 'not_stated';
  /** The decision in a sentence, with the figures that settled it. */
  reason: string;
  steps: { text: string; cites: CiteRef[] }[];
}

/** What a rule would be under some regimes, when the tender's regime is not known. */
export interface AppliesUnder {
  regimes: Regime[];
  nations?: Nation[];
  standing: Standing;
  severity: 'must' | 'should';
}

export interface Finding {
  rule: Id;
  title: string;
  severity: 'must' | 'should';
  /** `barrier`: the rule is not met; `not_stated`: the tender does not say enough to tell;
   * `regime_not_stated`: not met, and whether it is law or policy depends on a regime the tender
   * does not settle. */
  status: 'barrier' | 'not_stated' | 'regime_not_stated';
  /** Law or policy under the tender's regime (regime-aware protocols only). */
  standing?: Standing;
  lot?: Id;
  requirement: string;
  facts: FactShown[];
  finding: string;
  why: string;
  fix: string;
  question: string;
  /** Why the rule holds as it does under the tender's regime. */
  regime_note?: string;
  /** When the regime is not known: what the rule would be under each regime it lists. */
  applies_under?: AppliesUnder[];
  cites: CiteRef[];
}

export interface CheckRow {
  rule: Id;
  lot?: Id;
  status: 'met' | 'barrier' | 'not_stated' | 'regime_not_stated' | 'not_applicable';
  /** Why the rule does not apply, when it does not. */
  reason?: string;
}

export interface TenderCheck {
  document: 'tender-check';
  engine: EngineRef;
  protocol: ProtocolRef;
  tender: TenderRef;
  input_hash: string;
  regime?: RegimeDecision;
  summary: {
    barrier_free: boolean;
    must: number;
    should: number;
    not_stated: number;
    met: number;
    /** Regime-aware protocols only. */
    regime_not_stated?: number;
    /** Regime-aware protocols only. */
    not_applicable?: number;
    headline: string;
  };
  findings: Finding[];
  checks: CheckRow[];
}

// ---------------------------------------------------------------------------------------------
// Output: scoring

export interface EligibilityResult {
  verdict: 'yes' | 'no' | 'not_enough_information';
  reason: string;
  tests: {
    test: Id;
    title: string;
    outcome: TestOutcome;
    /** Present (true) for a test that is reported but does not decide the verdict. */
    optional?: boolean;
    reason: string;
    to_add?: string;
    cites: CiteRef[];
  }[];
}

export type TestOutcome = 'met' | 'not_met' | 'unknown' | 'not_applicable';

/** A bidder tested against the ground on which the contract is reserved. */
export interface ReservationRow {
  basis: string;
  outcome: TestOutcome;
  reason: string;
  to_add?: string;
  cites: CiteRef[];
}

export interface GateRow {
  gate: Id;
  title: string;
  outcome: 'pass' | 'fail' | 'not_assessed' | 'unsure';
  cites: CiteRef[];
}

export type FlagCode =
  | 'abnormally_low' | 'threshold_failed' | 'over_ceiling' | 'high_variance' | 'gate_failed'
  | 'ineligible' | 'eligibility_unknown' | 'incomplete' | 'partial_panel' | 'threshold_at_risk'
  | 'gate_unsure' | 'reservation_not_met' | 'reservation_unknown' | 'reservation_not_applied'
  | 'rate_abnormally_low' | 'rate_over_ceiling'
  | 'model_excluded';

export interface Flag {
  code: FlagCode;
  criterion?: Id;
  /** Whether the flag takes the bid out of the ranking. */
  excludes: boolean;
  message: string;
  action: string;
  trace?: Trace;
  cites: CiteRef[];
}

export interface CriterionResult {
  criterion: Id;
  title: string;
  parent?: Id;
  depth: number;
  method: 'group' | 'panel' | 'banded' | 'price';
  category: Category;
  weight: Percent;
  available: string;
  marks?: string;
  panel?: {
    scale: Id;
    scale_max: number;
    scores: {
      evaluator: Id;
      name: string;
      role: Role;
      score: number;
      label: string;
      rationale?: string;
    }[];
    spread?: number;
    moderated?: ExactText;
    consensus_rationale?: string;
    not_scored_by: Id[];
  };
  trace?: Trace;
  missing?: string;
  /** Why the criterion does not count under the lot's evaluation model. */
  not_counted?: string;
}

export interface BidResult {
  bid: Id;
  bidder: string;
  lot: Id;
  price: Money;
  status: 'ranked' | 'excluded' | 'incomplete';
  rank?: number;
  total?: string;
  available: string;
  total_trace?: Trace;
  /** Quality marks re-weighted to 100 (price per quality point, sequential, quality only). */
  quality_marks?: string;
  /** Price divided by quality marks, 2 places (price per quality point). */
  cost_per_quality_point?: string;
  /** The lot model's steps, explained. */
  stage?: Trace[];
  eligibility: EligibilityResult;
  gates: GateRow[];
  reservation?: ReservationRow;
  criteria: CriterionResult[];
  flags: Flag[];
  /** For a lot with rates: each rate times its volume, added up. */
  basket?: Trace;
}

export interface RankRow {
  /** 1 is best; tied bids share a rank. */
  rank: number;
  bid: Id;
  bidder: string;
  total: string;
  price: Money;
  cost_per_quality_point?: string;
  flags: FlagCode[];
  tie?: { tied_with: Id[]; decided_by?: string; reason: string };
}

export interface LotResult {
  lot: Id;
  title: string;
  /** Present only when the lot is not evaluated by the weighted total. */
  model?: EvaluationModel;
  lowest_price?: Money;
  ranking: RankRow[];
  not_ranked: { bid: Id; bidder: string; status: 'excluded' | 'incomplete'; reasons: string[] }[];
}

export interface ScoreResult {
  document: 'score-result';
  engine: EngineRef;
  protocol: ProtocolRef;
  tender: TenderRef;
  input_hash: string;
  regime?: RegimeDecision;
  rounding: RoundingRef;
  findings: Finding[];
  lots: LotResult[];
  bids: BidResult[];
}

/** One bid in a summary: every figure that decides its place, without the explanations. */
export interface BidSummary {
  bid: Id;
  bidder: string;
  lot: Id;
  price: Money;
  status: 'ranked' | 'excluded' | 'incomplete';
  rank?: number;
  total?: string;
  quality_marks?: string;
  cost_per_quality_point?: string;
  available: string;
  eligibility: 'yes' | 'no' | 'not_enough_information';
  gates: { gate: Id; outcome: 'pass' | 'fail' | 'not_assessed' | 'unsure' }[];
  reservation?: TestOutcome;
  /** Each criterion's marks by id, in the award model's order; null where not worked out yet. */
  marks: { [criterion: string]: string | null };
  flags: { code: FlagCode; criterion?: Id; excludes: boolean }[];
}

/**
 * Scores without explanations (`score(..., { detail: "summary" })`), with the bids asked for
 * explained in full, each exactly as in the full result.
 */
export interface ScoreSummary {
  document: 'score-summary';
  engine: EngineRef;
  protocol: ProtocolRef;
  tender: TenderRef;
  input_hash: string;
  regime?: RegimeDecision;
  rounding: RoundingRef;
  findings: Finding[];
  lots: LotResult[];
  bids: BidSummary[];
  explained: BidResult[];
}

// ---------------------------------------------------------------------------------------------
// Output: a self-check

export interface SelfCheckRow {
  criterion: Id;
  title: string;
  method: 'panel' | 'banded' | 'price';
  available: string;
  expected_low?: string;
  expected_high?: string;
  to_gain?: string;
  threshold?: { minimum: number; disqualifies: boolean; status: 'clear' | 'at_risk' | 'fails' };
  assumption?: string;
  missing?: string;
  trace_low?: Trace;
  trace_high?: Trace;
}

export interface SelfCheckResult {
  document: 'self-check-result';
  engine: EngineRef;
  protocol: ProtocolRef;
  tender: TenderRef;
  input_hash: string;
  regime?: RegimeDecision;
  rounding: RoundingRef;
  lot: Id;
  bidder: string;
  price: Money;
  eligibility: EligibilityResult;
  gates: GateRow[];
  projected: { low: string; high: string; available: string; not_estimated: Id[] };
  criteria: SelfCheckRow[];
  flags: Flag[];
  findings: Finding[];
  /** The result in short, plain sentences (an easy-read summary for the bidder). */
  easy_read: string[];
  /** The projection under the lot's evaluation model, when it is not the weighted total. */
  model?: {
    model: EvaluationModel;
    quality_low?: string;
    quality_high?: string;
    cost_per_quality_point_low?: string;
    cost_per_quality_point_high?: string;
    threshold?: string;
    threshold_outcome?: 'passes' | 'at_risk' | 'fails';
    fixed_price?: string;
    at_fixed_price?: boolean;
    note: string;
  };
  /** For a lot with rates: the draft's basket. */
  basket?: Trace;
  /** The price marks under each formula the lot could publish. */
  price_under?: { formula: PriceFormula; published: boolean; low: string; high: string; assumption?: string }[];
}

// ---------------------------------------------------------------------------------------------
// Output: an OCDS import

export interface OcdsImport {
  document: 'ocds-import';
  source: {
    form: 'release_package' | 'record_package' | 'release' | 'record';
    /** Where in the input the release that was read is. */
    release_pointer: JsonPointer;
    ocid?: string;
    release_id?: string;
    date?: string;
    tags: string[];
    publisher?: string;
    license?: string;
  };
  /**
   * The draft tender. When `complete` it is a valid TenderDocument for this engine's protocol;
   * otherwise required values are missing (listed in `to_supply` and `problems`).
   */
  tender: Omit<Partial<TenderDocument>, 'document' | 'lots'> & { document: 'tender'; lots: Partial<Lot>[] };
  complete: boolean;
  /** What the engine finds wrong with the draft; empty when complete. */
  problems: Problem[];
  /** OCDS value (pointer into the input) carried to a draft field (pointer into `tender`). */
  mapped: { from: JsonPointer; to: JsonPointer; value: string | number | boolean | object; note?: string }[];
  /** OCDS values present but not used, with the reason. */
  not_mapped: { from: JsonPointer; found: string; reason: string }[];
  /** The award criteria the notice states, with weights read as percentages. */
  award_criteria: {
    from: JsonPointer;
    lot?: string;
    type?: string;
    name?: string;
    weight_percent?: ExactText;
    weight_from?: 'percentageExact' | 'decimalExact' | 'description';
  }[];
  /** What the commissioner must still supply: required fields, then facts the rules use. */
  to_supply: { field: JsonPointer; required: boolean; reason: string; facts: TenderFact[] }[];
}

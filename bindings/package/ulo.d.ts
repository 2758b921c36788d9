// Type declarations for ulo.js, the JavaScript API of ulo (the commissioning protocol engine for
// user-led organisations). Inputs follow the JSON Schemas in ulo's `schemas/` folder. Outputs
// (the results and the problems, at the end of this file) are generated from the engine's Rust
// types by ulo's bindings/tests/declarations.rs; the rest is written by hand. Every figure is a
// string holding an exact decimal (never a JS number), so a portal reads the same figure the
// engine decided.

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

export interface Success<T> {
  type: 'success';
  result: T;
  warnings: Warning[];
}

export interface Failure {
  type: 'failure';
  /** The first 100 problems, in document order (`Problem` is declared with the outputs below). */
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
  /** The ground on which the contract is reserved, if it is. */
  reservation?: { basis: ReservationBasis; location?: string; sme_vcse?: boolean };
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

/** A lot's evaluation model (one of the protocol's models_allowed). */
export type Evaluation = { price_formula?: PriceFormula } & (
  | { model: 'weighted' }
  | { model: 'price_per_quality_point'; quality_threshold_percent?: Percent }
  | { model: 'sequential'; pass_mark_percent: Percent; then: 'lowest_price' | 'weighted' }
  | { model: 'quality_only'; fixed_price: Money }
  | { model: 'price_only'; basis?: 'price' | 'whole_life_cost' }
);

export interface Conditions {
  minimum_turnover?: Money;
  insurance?: { kind: InsuranceKind; amount: Money }[];
  performance_bond?: Money;
  accreditations?: string[];
  /** Whom audited accounts are asked of. */
  audited_accounts?: 'not_asked' | 'only_if_legally_required' | 'from_every_bidder';
  /** Whether insurance must be in place before the contract is awarded. */
  insurance_before_award?: boolean;
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

// <generated from the Rust types by bindings/tests/declarations.rs: do not edit>

// ---------------------------------------------------------------------------------------------
// Problems: what a failure answer lists

/** A problem as the JS API, the CLI's `--json` and the web app receive it. */
export interface Problem {
  /** Stable code, e.g. `ulo::missing-field`. */
  code: string;
  /**
   * The input it is in: always given by the engine, so optional in the JS API's declarations only
   * for the problems `ulo.js` makes itself (the engine not loaded, crashed or freed).
   */
  document?: ProblemDocument;
  /** JSON pointer of the value at fault. */
  pointer: JsonPointer;
  /** What is wrong. */
  message: string;
  /** How to put it right. */
  help: string;
  /** The value found, when the problem is about one value. */
  found?: string;
  /** What was expected, when there is one clear answer. */
  expected?: string;
}

export type ProblemDocument = 'protocol' | 'tender' | 'bids' | 'self_check' | 'ocds';

// ---------------------------------------------------------------------------------------------
// Output: the barrier check (checkTender)

/** The barrier check of a tender. */
export interface TenderCheck {
  /** Always `tender-check`. */
  document: 'tender-check';
  /** The engine. */
  engine: EngineRef;
  /** The protocol. */
  protocol: ProtocolRef;
  /** The tender. */
  tender: TenderRef;
  /** Hash of the inputs. */
  input_hash: string;
  /**
   * Which law governs the tender and how that was decided, first, because every finding depends on
   * it (only for a protocol that knows regimes).
   */
  regime?: RegimeDecision;
  /** Counts. */
  summary: FindingSummary;
  /** Findings, `must` before `should`, then in the protocol's rule order. */
  findings: Finding[];
  /** Every rule's outcome. */
  checks: CheckRow[];
}

/** What a rule would be under some regimes, shown when the tender's regime is not known. */
export interface AppliesUnder {
  /** The regimes. */
  regimes: Regime[];
  /** The buyer's nations, when the rule depends on them. */
  nations?: Nation[];
  /** Law or policy there. */
  standing: Standing;
  /** And so must or should. */
  severity: Severity;
}

/** The outcome of every rule, met or not. */
export interface CheckRow {
  /** The rule's id. */
  rule: Id;
  /** The lot, for lot rules. */
  lot?: Id;
  /** `met`, `barrier`, `not_stated`, `regime_not_stated` or `not_applicable`. */
  status: CheckStatus;
  /** Why the rule does not apply, when it does not. */
  reason?: string;
}

export type CheckStatus = 'met' | 'barrier' | 'not_stated' | 'regime_not_stated' | 'not_applicable';

/** A citation resolved against the protocol's sources. */
export interface CiteRef {
  /** The source id. */
  source: Id;
  /** The source's title. */
  title: string;
  /** The clause. */
  clause: string;
  /** Where to read it. */
  url?: string;
}

export type Decided = 'stated' | 'derived' | 'not_stated';

export type EngineName = 'ulo';

/** Which engine produced a result. */
export interface EngineRef {
  /** Always `ulo`. */
  name: EngineName;
  /** The engine's version. */
  version: string;
}

/** A fact a finding rests on. */
export interface FactShown {
  /** The fact's name. */
  fact: TenderFact;
  /** In words. */
  label: string;
  /** Its value, or `not stated`. */
  value: string;
}

/** A barrier found in a tender's design (or a rule the tender gives too little to check). */
export interface Finding {
  /** The rule's id. */
  rule: Id;
  /** The rule's title. */
  title: string;
  /**
   * `must` or `should`. Under a protocol that knows regimes, `must` only where the governing law
   * imposes the rule.
   */
  severity: Severity;
  /**
   * `barrier` (the rule is not met), `not_stated` (the tender does not say enough), or
   * `regime_not_stated` (not met, and whether law or policy depends on the regime).
   */
  status: FindingStatus;
  /**
   * Whether the rule stands on the governing law or on the protocol's policy, when the protocol
   * says so for the tender's regime.
   */
  standing?: Standing;
  /** The lot, for lot rules. */
  lot?: Id;
  /** What the rule requires, in words. */
  requirement: string;
  /** The facts it looked at. */
  facts: FactShown[];
  /** What is wrong. */
  finding: string;
  /** Why it matters to user-led organisations. */
  why: string;
  /** The change to suggest. */
  fix: string;
  /** A clarification question a bidder can send. */
  question: string;
  /** Why the rule holds as it does under the tender's regime, in a sentence. */
  regime_note?: string;
  /** When the regime is not known: what the rule would be under each regime that it lists. */
  applies_under?: AppliesUnder[];
  /** The clauses. */
  cites: CiteRef[];
}

export type FindingStatus = 'barrier' | 'not_stated' | 'regime_not_stated';

/** Counts of findings. */
export interface FindingSummary {
  /** True when no rule found a barrier and none lacked information. */
  barrier_free: boolean;
  /** Barriers against `must` rules. */
  must: number;
  /** Barriers against `should` rules. */
  should: number;
  /** Rules the tender does not give enough information to check. */
  not_stated: number;
  /** Rules met. */
  met: number;
  /**
   * Rules not met whose standing depends on a regime the tender does not settle (only for a
   * protocol that knows regimes).
   */
  regime_not_stated?: number;
  /** Rules that do not hold under the tender's law (only for a protocol that knows regimes). */
  not_applicable?: number;
  /** A sentence saying so. */
  headline: string;
}

export type Nation = 'england' | 'wales' | 'scotland' | 'northern_ireland';

/** Which protocol a result applies. */
export interface ProtocolRef {
  /** Id. */
  id: Id;
  /** Title. */
  title: string;
  /** Version. */
  version: string;
  /** Effective date. */
  effective_date: IsoDate;
}

export type Regime =
  | 'pa2023'
  | 'pa2023_light_touch'
  | 'pa2023_below_threshold'
  | 'pcr2015'
  | 'pcr2015_light_touch'
  | 'pcr2015_below_threshold'
  | 'scotland'
  | 'scotland_light_touch'
  | 'scotland_below_threshold'
  | 'psr'
  | 'grant';

/** Which law governs a tender, and how that was decided. */
export interface RegimeDecision {
  /** The regime; absent when it is not stated and cannot be derived. */
  regime?: Regime;
  /** The regime's name, or "Not stated". */
  title: string;
  /** The buyer's nation, when known. */
  jurisdiction?: Nation;
  /** Stated, derived or not stated. */
  decided: Decided;
  /** The decision in a sentence, with the figures that settled it. */
  reason: string;
  /** Each step, in the order taken. */
  steps: RegimeStep[];
}

/** One step of the decision, with its figures and the clause it rests on. */
export interface RegimeStep {
  /** What was found, in a sentence. */
  text: string;
  /** The clauses. */
  cites: CiteRef[];
}

export type Severity = 'must' | 'should';

export type Standing = 'law' | 'policy';

export type TenderFact =
  | 'lot_count'
  | 'total_value'
  | 'largest_lot_value'
  | 'no_lots_reason_given'
  | 'reserved_for_user_led'
  | 'response_window_days'
  | 'payment_terms_days'
  | 'payment_in_arrears'
  | 'payment_by_results_percent'
  | 'core_costs_contribution'
  | 'price_weight_percent'
  | 'quality_weight_percent'
  | 'social_value_weight_percent'
  | 'user_leadership_weight_percent'
  | 'panel_size'
  | 'lived_experience_evaluators'
  | 'lived_experience_percent'
  | 'electronic_auction'
  | 'abnormally_low_procedure_published'
  | 'tupe_information_given'
  | 'users_involved_in_design'
  | 'minimum_turnover'
  | 'public_liability_cover'
  | 'employers_liability_cover'
  | 'professional_indemnity_cover'
  | 'performance_bond'
  | 'lot_value'
  | 'lot_months'
  | 'lot_annual_value'
  | 'turnover_multiple'
  | 'turnover_to_annual_value'
  | 'audited_accounts_from_every_bidder'
  | 'insurance_before_award'
  | 'planned_procurement_notice'
  | 'reservation_lawful'
  | 'lot_rate_count'
  | 'lot_overnight_share_percent'
  | 'lot_price_per_quality_point'
  | 'lot_quality_threshold_percent'
  | 'lot_price_only';

/** Which tender a result is for. */
export interface TenderRef {
  /** Id. */
  id: Id;
  /** Title. */
  title: string;
  /** Contracting authority. */
  authority: string;
}

// ---------------------------------------------------------------------------------------------
// Output: scoring (score)

/** The result of scoring a tender's bids. */
export interface ScoreResult {
  /** Always `score-result`. */
  document: 'score-result';
  /** The engine. */
  engine: EngineRef;
  /** The protocol. */
  protocol: ProtocolRef;
  /** The tender. */
  tender: TenderRef;
  /** Hash of the inputs. */
  input_hash: string;
  /**
   * Which law governs the tender and how that was decided, first, because every finding depends on
   * it (only for a protocol that knows regimes).
   */
  regime?: RegimeDecision;
  /** Rounding. */
  rounding: RoundingRef;
  /** The tender's barrier findings, for the record. */
  findings: Finding[];
  /** Each lot's ranking. */
  lots: LotResult[];
  /** Each bid, in id order. */
  bids: BidResult[];
}

/** One bid's result. */
export interface BidResult {
  /** Bid id. */
  bid: Id;
  /** Bidder's name. */
  bidder: string;
  /** Lot. */
  lot: Id;
  /** Price. */
  price: Money;
  /** `ranked`, `excluded` or `incomplete`. */
  status: BidStatus;
  /** Rank within the lot, when ranked. */
  rank?: number;
  /** Total marks, when every criterion could be scored. */
  total?: string;
  /** Marks available in all. */
  available: string;
  /** How the total was added up. */
  total_trace?: Trace;
  /**
   * The quality marks re-weighted to 100, under a model that uses them (price per quality point,
   * sequential, quality only).
   */
  quality_marks?: string;
  /** The price divided by the quality marks, to 2 places (price per quality point only). */
  cost_per_quality_point?: string;
  /**
   * The lot model's own steps for this bid (quality marks, a threshold or pass mark, the cost per
   * quality point, the fixed price), each explained and cited.
   */
  stage?: Trace[];
  /** Eligibility. */
  eligibility: EligibilityResult;
  /** Gates. */
  gates: GateRow[];
  /**
   * The reservation basis's test of the bidder, when the tender reserves the contract in its
   * `reservation` block (absent otherwise, so older results keep their bytes).
   */
  reservation?: ReservationRow;
  /** Criteria in tree order. */
  criteria: CriterionResult[];
  /** Flags. */
  flags: Flag[];
  /**
   * For a lot priced by a basket of rates: how the price was worked out, each rate times its
   * published volume, added up (absent otherwise, so older results keep their bytes).
   */
  basket?: Trace;
}

export type BidStatus = 'ranked' | 'excluded' | 'incomplete';

export type Category = 'price' | 'quality' | 'social_value' | 'user_leadership';

export type CriterionMethod = 'group' | 'panel' | 'banded' | 'price';

/** One criterion of one bid. */
export interface CriterionResult {
  /** Criterion id. */
  criterion: Id;
  /** Title. */
  title: string;
  /** The group it belongs to. */
  parent?: Id;
  /** 1 for top-level criteria. */
  depth: number;
  /** `group`, `panel`, `banded` or `price`. */
  method: CriterionMethod;
  /** `price`, `quality`, `social_value` or `user_leadership`. */
  category: Category;
  /**
   * Weight in percent, in the protocol's terms: within its group, or of the whole award
   * (`weights_as: share_of_whole`).
   */
  weight: Percent;
  /** Marks available. */
  available: string;
  /** Marks awarded; absent when inputs are missing. */
  marks?: string;
  /** The panel's scores, for panel criteria. */
  panel?: PanelDetail;
  /** How the marks were worked out. */
  trace?: Trace;
  /** What is missing, when marks could not be worked out. */
  missing?: string;
  /**
   * Why the criterion does not count under the lot's evaluation model (price criteria under price
   * per quality point, say); it then has no marks.
   */
  not_counted?: string;
}

/** Is the bidder a user-led organisation under the protocol? */
export interface EligibilityResult {
  /** `yes`, `no` or `not_enough_information`. */
  verdict: Verdict;
  /** The verdict in a sentence. */
  reason: string;
  /** Each test. */
  tests: EligibilityRow[];
}

/** One test of eligibility. */
export interface EligibilityRow {
  /** The test's id. */
  test: Id;
  /** Its title. */
  title: string;
  /** `met`, `not_met`, `unknown` or `not_applicable`. */
  outcome: TestOutcome;
  /**
   * The protocol marks the test optional: it is reported, but its outcome does not decide the
   * verdict. Written only when true, so a protocol without optional tests gives the rows it always
   * gave.
   */
  optional?: boolean;
  /** Why, with the figures. */
  reason: string;
  /** What to add when the outcome is unknown. */
  to_add?: string;
  /** The clauses. */
  cites: CiteRef[];
}

export type EvaluationModel =
  | 'weighted'
  | 'price_per_quality_point'
  | 'sequential'
  | 'quality_only'
  | 'price_only';

/** One evaluator's score as shown. */
export interface EvaluatorScore {
  /** Evaluator id. */
  evaluator: Id;
  /** Name. */
  name: string;
  /** `officer` or `lived_experience`. */
  role: Role;
  /** Score. */
  score: number;
  /** The scale point's label. */
  label: string;
  /** Reasons. */
  rationale?: string;
}

/** Something the commissioner must look at. */
export interface Flag {
  /** What the flag is about. */
  code: FlagCode;
  /** The criterion concerned, if any. */
  criterion?: Id;
  /** Whether the flag takes the bid out of the ranking. */
  excludes: boolean;
  /** What was found. */
  message: string;
  /** What to do. */
  action: string;
  /** How it was worked out. */
  trace?: Trace;
  /** The clauses. */
  cites: CiteRef[];
}

export type FlagCode =
  | 'abnormally_low'
  | 'threshold_failed'
  | 'threshold_at_risk'
  | 'over_ceiling'
  | 'high_variance'
  | 'gate_failed'
  | 'gate_unsure'
  | 'ineligible'
  | 'eligibility_unknown'
  | 'incomplete'
  | 'partial_panel'
  | 'reservation_not_met'
  | 'reservation_unknown'
  | 'reservation_not_applied'
  | 'rate_abnormally_low'
  | 'rate_over_ceiling'
  | 'model_excluded';

/** A gate's outcome for a bid. */
export interface GateRow {
  /** The gate's id. */
  gate: Id;
  /** Its title. */
  title: string;
  /** `pass`, `fail` or `not_assessed` (or, in a self-check, `unsure`). */
  outcome: GateStatus;
  /** The clauses. */
  cites: CiteRef[];
}

export type GateStatus = 'pass' | 'fail' | 'not_assessed' | 'unsure';

/** One lot's outcome. */
export interface LotResult {
  /** Lot id. */
  lot: Id;
  /** Title. */
  title: string;
  /** The lot's evaluation model, when it is not the weighted total. */
  model?: EvaluationModel;
  /**
   * The lowest price among the bids that compete, which relative price formulas use; `None` when no
   * bid for the lot is in competition (their price marks, worked out for the record, then use the
   * lowest price of all the lot's bids, and their traces say so).
   */
  lowest_price?: Money;
  /** The ranking. */
  ranking: RankRow[];
  /** Bids not ranked. */
  not_ranked: NotRanked[];
}

/** A bid left out of a ranking, and why. */
export interface NotRanked {
  /** Bid id. */
  bid: Id;
  /** Bidder. */
  bidder: string;
  /** `excluded` or `incomplete`. */
  status: NotRankedStatus;
  /** Why. */
  reasons: string[];
}

export type NotRankedStatus = 'excluded' | 'incomplete';

/** The panel's work on one criterion of one bid. */
export interface PanelDetail {
  /** The scale's id. */
  scale: Id;
  /** The scale's top score. */
  scale_max: number;
  /** Each evaluator's score. */
  scores: EvaluatorScore[];
  /** Highest minus lowest score. */
  spread?: number;
  /** The moderated score, exactly (`3`, `3.5`, `10/3`). */
  moderated?: ExactText;
  /** The moderator's reasons, for a consensus score. */
  consensus_rationale?: string;
  /** Panel members who gave no score. */
  not_scored_by: Id[];
}

/** A place in a lot's ranking. */
export interface RankRow {
  /** Rank (1 is best); tied bids share a rank. */
  rank: number;
  /** Bid id. */
  bid: Id;
  /** Bidder. */
  bidder: string;
  /** Total marks. */
  total: string;
  /** Price. */
  price: Money;
  /**
   * The price divided by the quality marks, to 2 places (price per quality point only), on whose
   * exact value the lot is ranked.
   */
  cost_per_quality_point?: string;
  /** Flags still open (e.g. abnormally low: clarification required). */
  flags: FlagCode[];
  /** How a tie on total marks was settled. */
  tie?: TieNote;
}

export type ReservationBasis =
  | 'none'
  | 'supported_employment'
  | 'public_service_mutual'
  | 'below_threshold_location'
  | 'pcr_reg77'
  | 'supported_business_scotland'
  | 'grant_user_led'
  | 'user_led';

/** A bidder tested against the ground on which the contract is reserved. */
export interface ReservationRow {
  /** The ground, as the tender names it. */
  basis: ReservationBasis;
  /** `met`, `not_met`, `unknown`, or `not_applicable` when the reservation is not applied. */
  outcome: TestOutcome;
  /** Why, with the figures. */
  reason: string;
  /** What to add when the outcome is unknown. */
  to_add?: string;
  /** The clauses relied on. */
  cites: CiteRef[];
}

export type Role = 'officer' | 'lived_experience';

export type RoundingMode = 'half_up' | 'half_even' | 'down';

/** The rounding applied to marks. */
export interface RoundingRef {
  /** Decimal places. */
  places: number;
  /** Mode. */
  mode: RoundingMode;
}

export type TestOutcome = 'met' | 'not_met' | 'unknown' | 'not_applicable';

/** How a tie was settled (or not). */
export interface TieNote {
  /** The bids it tied with on total marks. */
  tied_with: Id[];
  /** The tie-break rule that separated them, if one did. */
  decided_by?: string;
  /** The reason in words. */
  reason: string;
}

/** How one figure was produced. */
export interface Trace {
  /** The rule that produced it, e.g. `award.price.lowest_price_ratio`. */
  rule: string;
  /** The criterion it belongs to, if any. */
  criterion?: Id;
  /** The inputs. */
  inputs: TraceInput[];
  /** The formula with the values put in. */
  formula: string;
  /** The exact value before rounding (a decimal, or a fraction `n/d`). */
  exact: ExactText;
  /** The figure as published. */
  result: string;
  /** How it was rounded, if it was. */
  rounding?: string;
  /** The clauses it rests on. */
  cites: CiteRef[];
}

/** One input to a figure. */
export interface TraceInput {
  /** A stable name (`bid_price`, `e2`...). */
  name: string;
  /** What it is, in words. */
  label: string;
  /** Its value as shown. */
  value: string;
}

export type Verdict = 'yes' | 'no' | 'not_enough_information';

// ---------------------------------------------------------------------------------------------
// Output: scoring in summary (score with detail "summary" or explain)

/**
 * Scores and rankings without explanations: what a commissioner needs to see every bid's standing,
 * small enough for any number of bids the engine reads, with the full explanation of the bids asked
 * for by name. Each explained bid is exactly (byte for byte) its entry in the full `ScoreResult`.
 */
export interface ScoreSummary {
  /** Always `score-summary`. */
  document: 'score-summary';
  /** The engine. */
  engine: EngineRef;
  /** The protocol. */
  protocol: ProtocolRef;
  /** The tender. */
  tender: TenderRef;
  /** Hash of the inputs (the same as the full result's). */
  input_hash: string;
  /** Which law governs the tender (only for a protocol that knows regimes). */
  regime?: RegimeDecision;
  /** Rounding. */
  rounding: RoundingRef;
  /** The tender's barrier findings, for the record. */
  findings: Finding[];
  /** Each lot's ranking, as in the full result. */
  lots: LotResult[];
  /** Each bid, in id order. */
  bids: BidSummary[];
  /** The bids asked for by name, explained in full, in id order. */
  explained: BidResult[];
}

/**
 * One bid as a summary gives it: every figure of its `BidResult` that decides its place (status,
 * rank, total, price, eligibility verdict, gate outcomes, each criterion's marks, its flags'
 * codes), without the explanations.
 */
export interface BidSummary {
  /** Bid id. */
  bid: Id;
  /** Bidder's name. */
  bidder: string;
  /** Lot. */
  lot: Id;
  /** Price. */
  price: Money;
  /** `ranked`, `excluded` or `incomplete`. */
  status: BidStatus;
  /** Rank within the lot, when ranked. */
  rank?: number;
  /** Total marks, when every criterion could be scored. */
  total?: string;
  /** The quality marks re-weighted to 100, under a model that uses them. */
  quality_marks?: string;
  /** The price divided by the quality marks, to 2 places (price per quality point only). */
  cost_per_quality_point?: string;
  /** Marks available in all. */
  available: string;
  /** Whether the bidder is user-led under the protocol. */
  eligibility: Verdict;
  /** Each gate's outcome, in the protocol's order. */
  gates: GateOutcomeRow[];
  /** The reservation basis's outcome, when the tender reserves the contract. */
  reservation?: TestOutcome;
  /** Each criterion's marks (groups and leaves), in tree order. */
  marks: { [criterion: string]: string | null };
  /** Flags, in the order the full result lists them. */
  flags: FlagBrief[];
}

/** A flag as a summary gives it: what it is about, never its words. */
export interface FlagBrief {
  /** What the flag is about. */
  code: FlagCode;
  /** The criterion concerned, if any. */
  criterion?: Id;
  /** Whether the flag takes the bid out of the ranking. */
  excludes: boolean;
}

/** A gate's outcome as a summary gives it. */
export interface GateOutcomeRow {
  /** The gate's id. */
  gate: Id;
  /** `pass`, `fail` or `not_assessed`. */
  outcome: GateStatus;
}

// ---------------------------------------------------------------------------------------------
// Output: a self-check (selfCheck)

/** The result of a bidder's self-check. */
export interface SelfCheckResult {
  /** Always `self-check-result`. */
  document: 'self-check-result';
  /** The engine. */
  engine: EngineRef;
  /** The protocol. */
  protocol: ProtocolRef;
  /** The tender. */
  tender: TenderRef;
  /** Hash of the inputs. */
  input_hash: string;
  /**
   * Which law governs the tender and how that was decided, first, because every finding depends on
   * it (only for a protocol that knows regimes).
   */
  regime?: RegimeDecision;
  /** Rounding. */
  rounding: RoundingRef;
  /** The lot. */
  lot: Id;
  /** The bidder. */
  bidder: string;
  /** The price. */
  price: Money;
  /** Eligibility. */
  eligibility: EligibilityResult;
  /** Gates as the bidder expects them. */
  gates: GateRow[];
  /** The projected total. */
  projected: Projection;
  /** Scored criteria, where the most can be gained first. */
  criteria: SelfCheckRow[];
  /** Flags (price over the ceiling, abnormally low, a threshold at risk). */
  flags: Flag[];
  /** The tender's barrier findings, each with a clarification question. */
  findings: Finding[];
  /** The result in easy read: short sentences, one idea each, for a board of members. */
  easy_read: string[];
  /** The projection under the lot's evaluation model, when it is not the weighted total. */
  model?: ModelProjection;
  /**
   * For a lot priced by a basket of rates: the draft's price worked out, each rate times its
   * published volume (absent otherwise, so older results keep their bytes).
   */
  basket?: Trace;
  /**
   * The price marks, low and high, under each formula the lot could publish (only for a lot with
   * rates or a protocol that lets a lot choose its formula).
   */
  price_under?: PriceUnder[];
}

export type LeafMethod = 'panel' | 'banded' | 'price';

/**
 * A self-check's projection under the lot's evaluation model, when it is not the weighted total:
 * the quality marks re-weighted to 100 at each end, and what the model makes of them.
 */
export interface ModelProjection {
  /** The lot's model. */
  model: EvaluationModel;
  /**
   * The quality marks re-weighted to 100 at the low end (when every quality criterion is
   * estimated).
   */
  quality_low?: string;
  /** The same at the high end. */
  quality_high?: string;
  /**
   * Price per quality point: the price over the quality marks at the high end (the best case), to 2
   * places.
   */
  cost_per_quality_point_low?: string;
  /**
   * The price over the quality marks at the low end (the worst case), to 2 places; absent when the
   * low end has no quality marks.
   */
  cost_per_quality_point_high?: string;
  /** The quality threshold or pass mark, percent of the quality marks available. */
  threshold?: string;
  /**
   * Whether the projected quality clears it: `passes` at both ends, `at_risk` (the low end is below
   * it), `fails` (both ends are below it).
   */
  threshold_outcome?: ThresholdOutcome;
  /** The fixed price of a quality-only lot. */
  fixed_price?: string;
  /** Whether the draft's price is the fixed price (quality only). */
  at_fixed_price?: boolean;
  /** What the model means for this bid, in words. */
  note: string;
}

export type PriceFormula = 'lowest_price_ratio' | 'linear_ceiling_floor' | 'benchmark';

/** A draft's price marks under one price formula, at the low and the high end. */
export interface PriceUnder {
  /** The formula. */
  formula: PriceFormula;
  /** Whether it is the formula the lot publishes. */
  published: boolean;
  /** Marks at the low end. */
  low: string;
  /** Marks at the high end. */
  high: string;
  /** What the figures assume about other bids, if anything. */
  assumption?: string;
}

/** The projected total. */
export interface Projection {
  /** The lowest total expected. */
  low: string;
  /** The highest total expected. */
  high: string;
  /** Marks available in all. */
  available: string;
  /**
   * Criteria with no expected score, which the projection counts as 0 at the low end and full marks
   * at the high end.
   */
  not_estimated: Id[];
}

/** One criterion in a self-check. */
export interface SelfCheckRow {
  /** Criterion id. */
  criterion: Id;
  /** Title. */
  title: string;
  /** `panel`, `banded` or `price`. */
  method: LeafMethod;
  /** Marks available. */
  available: string;
  /** Marks expected at the low end. */
  expected_low?: string;
  /** Marks expected at the high end. */
  expected_high?: string;
  /** Marks that could still be won: available minus the low end. */
  to_gain?: string;
  /** The minimum score, if the criterion has one. */
  threshold?: ThresholdCheck;
  /** An assumption the figures rest on, in words. */
  assumption?: string;
  /** What is missing, if the figures could not be worked out. */
  missing?: string;
  /** How the low end was worked out. */
  trace_low?: Trace;
  /** How the high end was worked out. */
  trace_high?: Trace;
}

/** A self-check threshold warning. */
export interface ThresholdCheck {
  /** The minimum score. */
  minimum: number;
  /** Whether failing it disqualifies. */
  disqualifies: boolean;
  /** `clear`, `at_risk` or `fails`. */
  status: ThresholdStatus;
}

export type ThresholdOutcome = 'passes' | 'at_risk' | 'fails';

export type ThresholdStatus = 'clear' | 'at_risk' | 'fails';

// ---------------------------------------------------------------------------------------------
// Output: an OCDS import (importOcds)

/** The result of importing an OCDS release or record. */
export interface OcdsImport {
  /** Always `ocds-import`. */
  document: ImportDocument;
  /** What was read. */
  source: OcdsSource;
  /** The draft ulo tender document. */
  tender: Omit<Partial<TenderDocument>, 'document' | 'lots'> & { document: 'tender'; lots: Partial<Lot>[] };
  /**
   * True when the draft passes the engine's tender check against the protocol, so it can be checked
   * for barriers as it is.
   */
  complete: boolean;
  /**
   * What the engine finds wrong with the draft (empty when complete): mostly required values the
   * notice does not give.
   */
  problems: Problem[];
  /** What was carried over. */
  mapped: Mapped[];
  /** What was present but not carried over, and why. */
  not_mapped: NotMapped[];
  /** The award criteria the notice states, with their weights. */
  award_criteria: AwardCriterion[];
  /** What the commissioner must still supply. */
  to_supply: ToSupply[];
}

/**
 * An award criterion as the notice states it, with its weight read as a percentage when the notice
 * gives one.
 */
export interface AwardCriterion {
  /** JSON pointer of the criterion in the input. */
  from: JsonPointer;
  /** The OCDS lot it belongs to (absent for tender-wide criteria). */
  lot?: string;
  /** `price`, `cost` or `quality` (as the notice says; absent when it does not). */
  type?: string;
  /** The criterion's name. */
  name?: string;
  /** Its weight in percent, exactly. */
  weight_percent?: ExactText;
  /**
   * Where the weight was read from: `percentageExact`, `decimalExact` (the `numbers` list of the
   * award criteria extension) or `description` (the older shape of Public Contracts Scotland and
   * Sell2Wales, with the weight written as the description).
   */
  weight_from?: WeightFrom;
}

export type ImportDocument = 'ocds-import';

/** One OCDS value carried into the draft tender. */
export interface Mapped {
  /** JSON pointer of the OCDS value in the input. */
  from: JsonPointer;
  /** JSON pointer of the ulo field in the draft tender. */
  to: JsonPointer;
  /** The value as put in the draft. */
  value: string | number | boolean | object;
  /** How the value was converted, when it was. */
  note?: string;
}

/** One OCDS value present in the input that the draft does not use. */
export interface NotMapped {
  /** JSON pointer of the OCDS value in the input. */
  from: JsonPointer;
  /** The value, briefly. */
  found: string;
  /** Why it was not used. */
  reason: string;
}

/**
 * The shape the import came from, where in it the release was found, and what it says about itself.
 */
export interface OcdsSource {
  /** `release_package`, `record_package`, `release` or `record`. */
  form: SourceForm;
  /** JSON pointer of the release that was read (`""` for a bare release). */
  release_pointer: JsonPointer;
  /** The contracting process's OCID. */
  ocid?: string;
  /** The release's id. */
  release_id?: string;
  /** The release's date, as written. */
  date?: string;
  /** The release's tags (`tender`, `tenderAmendment`, `award`...). */
  tags: string[];
  /** The package's publisher. */
  publisher?: string;
  /** The licence the package declares. */
  license?: string;
}

export type SourceForm = 'release_package' | 'record_package' | 'release' | 'record';

/** Something the commissioner must still add to the draft. */
export interface ToSupply {
  /** JSON pointer of the ulo field in the draft tender. */
  field: JsonPointer;
  /**
   * Whether the tender cannot be read without it (a required field), as opposed to a fact the
   * barrier rules need, which would otherwise show as not stated.
   */
  required: boolean;
  /** Why it is needed. */
  reason: string;
  /** The protocol's tender facts that depend on it. */
  facts: TenderFact[];
}

export type WeightFrom = 'percentageExact' | 'decimalExact' | 'description';
// </generated>

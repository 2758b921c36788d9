//! The results the engine produces: the shape of `schemas/result.schema.json`.
//!
//! Every figure is a string holding an exact decimal (`"28.50"`), never a JSON float, so that a
//! portal in any language reads the same number the engine decided. Lists are in a fixed order
//! (tender order for lots and criteria, id order for bids) so the same inputs give the same bytes.

use crate::choice::choice;
use crate::exact::RoundingMode;
use crate::explain::{CiteRef, Trace};
use crate::protocol::{CriterionBody, Method};
use crate::regime::{Decision, Nation, Regime};
use crate::tender::Role;
use crate::vocab::{Category, Severity, Standing};
use serde::Serialize;

choice! {
    /// A pass/fail condition's outcome for a bid as shown: the panel's (or, in a self-check, the
    /// bidder's own) answer, or none yet.
    #[derive(Hash)]
    pub enum GateStatus as "a gate outcome" {
        /// The condition is met.
        Pass = "pass",
        /// The condition is not met: the bid is excluded.
        Fail = "fail",
        /// No outcome is recorded yet: the bid cannot be ranked until there is one.
        NotAssessed = "not_assessed",
        /// In a self-check: the bidder is not sure it meets the condition.
        Unsure = "unsure",
    }
}

impl GateStatus {
    /// The outcome in plain words, as reports print it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            GateStatus::Pass => "pass",
            GateStatus::Fail => "fail",
            GateStatus::NotAssessed => "not assessed",
            GateStatus::Unsure => "unsure",
        }
    }
}

choice! {
    /// Which result a document is: its `document` field, so that a reader of a saved result
    /// knows which shape follows.
    #[derive(Hash)]
    pub enum ResultDocument as "a kind of result" {
        /// A barrier check ([`TenderCheck`]).
        TenderCheck = "tender-check",
        /// Scores and rankings ([`ScoreResult`]).
        ScoreResult = "score-result",
        /// A bidder's self-check ([`SelfCheckResult`]).
        SelfCheckResult = "self-check-result",
        /// Scores and rankings without the explanations, with the full explanation of the bids
        /// asked for by name ([`ScoreSummary`]).
        ScoreSummary = "score-summary",
    }
}

choice! {
    /// Why a barrier rule became a finding: the tender fails it, or says too little to tell
    /// (which is reported, never passed quietly).
    #[derive(Hash)]
    pub enum FindingStatus as "a finding status" {
        /// The tender's design does not meet the rule.
        Barrier = "barrier",
        /// The tender does not give the facts the rule needs.
        NotStated = "not_stated",
        /// The rule is not met, and whether it is law or policy depends on which law governs
        /// the tender, which the tender does not settle.
        RegimeNotStated = "regime_not_stated",
    }
}

choice! {
    /// The outcome of one barrier rule on the tender (or one lot), met or not.
    #[derive(Hash)]
    pub enum CheckStatus as "a check status" {
        /// The rule is met.
        Met = "met",
        /// The rule is not met: a barrier.
        Barrier = "barrier",
        /// The tender does not give the facts the rule needs.
        NotStated = "not_stated",
        /// The rule is not met, and its standing depends on a regime the tender does not settle.
        RegimeNotStated = "regime_not_stated",
        /// The rule does not hold under the law that governs this tender.
        NotApplicable = "not_applicable",
    }
}

choice! {
    /// The outcome of one test of the user-led definition.
    #[derive(Hash)]
    pub enum TestOutcome as "a test outcome" {
        /// The organisation meets the test.
        Met = "met",
        /// The organisation does not meet it.
        NotMet = "not_met",
        /// The profile does not give what the test needs; the row says what to add.
        Unknown = "unknown",
        /// The test does not bear on this organisation (a share of paid staff when it has no
        /// paid staff), so it neither passes nor fails and never asks for more information.
        NotApplicable = "not_applicable",
    }
}

impl TestOutcome {
    /// The outcome in plain words, as reports print it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            TestOutcome::Met => "met",
            TestOutcome::NotMet => "not met",
            TestOutcome::Unknown => "unknown",
            TestOutcome::NotApplicable => "not applicable",
        }
    }
}

choice! {
    /// Whether a bidder is a user-led organisation under the protocol. Never a guess: missing
    /// details give `not_enough_information`, not `no`.
    #[derive(Hash)]
    pub enum Verdict as "a verdict" {
        /// Every test is met.
        Yes = "yes",
        /// A test is not met.
        No = "no",
        /// No test fails, but at least one cannot be applied for want of information.
        NotEnoughInformation = "not_enough_information",
    }
}

impl Verdict {
    /// The verdict in plain words, as reports print it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
            Verdict::NotEnoughInformation => "not enough information",
        }
    }
}

choice! {
    /// How a scored criterion's marks are worked out, as a self-check row shows it: only leaves
    /// are scored directly.
    #[derive(Hash)]
    pub enum LeafMethod as "a scoring method" {
        /// Evaluators' scores, moderated.
        Panel = "panel",
        /// A banded table over a figure about the bidder.
        Banded = "banded",
        /// A price formula.
        Price = "price",
    }
}

impl From<&Method> for LeafMethod {
    fn from(method: &Method) -> LeafMethod {
        match method {
            Method::Panel { .. } => LeafMethod::Panel,
            Method::Banded { .. } => LeafMethod::Banded,
            Method::Price(_) => LeafMethod::Price,
        }
    }
}

choice! {
    /// How a criterion's marks are worked out on a scorecard: a group adds its criteria, a leaf
    /// has a method of its own.
    #[derive(Hash)]
    pub enum CriterionMethod as "a scoring method" {
        /// The sum of its criteria's marks.
        Group = "group",
        /// Evaluators' scores, moderated.
        Panel = "panel",
        /// A banded table over a figure about the bidder.
        Banded = "banded",
        /// A price formula.
        Price = "price",
    }
}

impl From<LeafMethod> for CriterionMethod {
    fn from(method: LeafMethod) -> CriterionMethod {
        match method {
            LeafMethod::Panel => CriterionMethod::Panel,
            LeafMethod::Banded => CriterionMethod::Banded,
            LeafMethod::Price => CriterionMethod::Price,
        }
    }
}

impl From<&CriterionBody> for CriterionMethod {
    fn from(body: &CriterionBody) -> CriterionMethod {
        match body {
            CriterionBody::Group(_) => CriterionMethod::Group,
            CriterionBody::Leaf(method) => LeafMethod::from(method).into(),
        }
    }
}

choice! {
    /// What a flag is about, so that a portal or the app can act on a kind of flag without
    /// reading its message.
    #[derive(Hash)]
    pub enum FlagCode as "a flag code" {
        /// The price is abnormally low: clarification required, never rejection.
        AbnormallyLow = "abnormally_low",
        /// A moderated (or, in a self-check, expected) score is below a criterion's minimum.
        ThresholdFailed = "threshold_failed",
        /// In a self-check, the low end of an expected range is below a criterion's minimum.
        ThresholdAtRisk = "threshold_at_risk",
        /// The price is above the lot's affordability ceiling.
        OverCeiling = "over_ceiling",
        /// Evaluators' scores are further apart than the protocol allows.
        HighVariance = "high_variance",
        /// The bid fails (or, in a self-check, expects to fail) a pass/fail condition.
        GateFailed = "gate_failed",
        /// In a self-check, the bidder has not confirmed that it passes a condition.
        GateUnsure = "gate_unsure",
        /// The contract is reserved and the bidder is not user-led.
        Ineligible = "ineligible",
        /// The contract is reserved and the bid says too little to tell whether it is user-led.
        EligibilityUnknown = "eligibility_unknown",
        /// Scores or information are missing, so the bid cannot be ranked yet.
        Incomplete = "incomplete",
        /// Not every panel member scored a criterion.
        PartialPanel = "partial_panel",
        /// The contract is lawfully reserved (PA 2023 s.32 or s.33, PPN 005) and the bidder does
        /// not meet the basis's test: excluded.
        ReservationNotMet = "reservation_not_met",
        /// The contract is lawfully reserved and the bid says too little to apply the basis's
        /// test: incomplete until it does.
        ReservationUnknown = "reservation_unknown",
        /// The tender reserves the contract on a ground the governing law does not allow (for
        /// user-led organisations, say), or one whose test the engine does not hold: the bid is
        /// not excluded on it.
        ReservationNotApplied = "reservation_not_applied",
        /// One rate of a basket is abnormally low against the same rate in the other bids (or
        /// the rate's ceiling): clarification required, never rejection unheard (PA 2023
        /// s.19(3)(c) and (4)).
        RateAbnormallyLow = "rate_abnormally_low",
        /// One rate of a basket is above the ceiling the tender sets for it (the authority's
        /// policy): flagged, or excluded where the protocol excludes over the ceiling.
        RateOverCeiling = "rate_over_ceiling",
        /// The lot's evaluation model excludes the bid before price is looked at: quality
        /// below a price per quality point threshold or a sequential pass mark, no quality
        /// marks to divide a price by, or a price other than a quality-only lot's fixed price.
        ModelExcluded = "model_excluded",
    }
}

choice! {
    /// Where a bid stands in its lot.
    #[derive(Hash)]
    pub enum BidStatus as "a bid status" {
        /// In the ranking.
        Ranked = "ranked",
        /// Out of the ranking, with the reasons listed.
        Excluded = "excluded",
        /// Not ranked until what is missing is supplied; never scored as zero.
        Incomplete = "incomplete",
    }
}

choice! {
    /// Why a bid is left out of its lot's ranking: the statuses of [`BidStatus`] that are not
    /// `ranked`, so a bid left out can never say it is ranked.
    #[derive(Hash)]
    pub enum NotRankedStatus as "a reason for not ranking" {
        /// Excluded, with the reasons listed.
        Excluded = "excluded",
        /// Incomplete until what is missing is supplied.
        Incomplete = "incomplete",
    }
}

impl From<NotRankedStatus> for BidStatus {
    fn from(status: NotRankedStatus) -> BidStatus {
        match status {
            NotRankedStatus::Excluded => BidStatus::Excluded,
            NotRankedStatus::Incomplete => BidStatus::Incomplete,
        }
    }
}

choice! {
    /// A self-check's expected score against a criterion's minimum.
    #[derive(Hash)]
    pub enum ThresholdStatus as "a threshold status" {
        /// Even the low end of the expected range meets the minimum.
        Clear = "clear",
        /// The low end is below the minimum, the high end is not.
        AtRisk = "at_risk",
        /// Even the high end is below the minimum.
        Fails = "fails",
    }
}

impl ThresholdStatus {
    /// The status in plain words, as reports print it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            ThresholdStatus::Clear => "clear",
            ThresholdStatus::AtRisk => "at risk",
            ThresholdStatus::Fails => "fails",
        }
    }
}

/// Which engine produced a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EngineRef {
    /// Always `ulo`.
    #[cfg_attr(feature = "ts", ts(type = "'ulo'"))]
    pub name: &'static str,
    /// The engine's version.
    pub version: &'static str,
}

impl EngineRef {
    /// This engine.
    #[must_use]
    pub fn this() -> EngineRef {
        EngineRef {
            name: "ulo",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Which protocol a result applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ProtocolRef {
    /// Id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// Effective date.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::IsoDate"))]
    pub effective_date: String,
}

/// Which tender a result is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TenderRef {
    /// Id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub id: String,
    /// Title.
    pub title: String,
    /// Contracting authority.
    pub authority: String,
}

/// The rounding applied to marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoundingRef {
    /// Decimal places.
    pub places: u32,
    /// Mode.
    pub mode: RoundingMode,
}

/// A fact a finding rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct FactShown {
    /// The fact's name.
    #[cfg_attr(feature = "ts", ts(as = "crate::facts::TenderFact"))]
    pub fact: String,
    /// In words.
    pub label: String,
    /// Its value, or `not stated`.
    pub value: String,
}

/// A barrier found in a tender's design (or a rule the tender gives too little to check).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Finding {
    /// The rule's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub rule: String,
    /// The rule's title.
    pub title: String,
    /// `must` or `should`. Under a protocol that knows regimes, `must` only where the governing
    /// law imposes the rule.
    pub severity: Severity,
    /// `barrier` (the rule is not met), `not_stated` (the tender does not say enough), or
    /// `regime_not_stated` (not met, and whether law or policy depends on the regime).
    pub status: FindingStatus,
    /// Whether the rule stands on the governing law or on the protocol's policy, when the
    /// protocol says so for the tender's regime.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    /// The lot, for lot rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub lot: Option<String>,
    /// What the rule requires, in words.
    pub requirement: String,
    /// The facts it looked at.
    pub facts: Vec<FactShown>,
    /// What is wrong.
    pub finding: String,
    /// Why it matters to user-led organisations.
    pub why: String,
    /// The change to suggest.
    pub fix: String,
    /// A clarification question a bidder can send.
    pub question: String,
    /// Why the rule holds as it does under the tender's regime, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime_note: Option<String>,
    /// When the regime is not known: what the rule would be under each regime that it lists.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<AppliesUnder>>"))]
    pub applies_under: Vec<AppliesUnder>,
    /// The clauses.
    pub cites: Vec<CiteRef>,
}

/// What a rule would be under some regimes, shown when the tender's regime is not known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AppliesUnder {
    /// The regimes.
    pub regimes: Vec<Regime>,
    /// The buyer's nations, when the rule depends on them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nations: Option<Vec<Nation>>,
    /// Law or policy there.
    pub standing: Standing,
    /// And so must or should.
    pub severity: Severity,
}

/// The outcome of every rule, met or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CheckRow {
    /// The rule's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub rule: String,
    /// The lot, for lot rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub lot: Option<String>,
    /// `met`, `barrier`, `not_stated`, `regime_not_stated` or `not_applicable`.
    pub status: CheckStatus,
    /// Why the rule does not apply, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Counts of findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct FindingSummary {
    /// True when no rule found a barrier and none lacked information.
    pub barrier_free: bool,
    /// Barriers against `must` rules.
    pub must: usize,
    /// Barriers against `should` rules.
    pub should: usize,
    /// Rules the tender does not give enough information to check.
    pub not_stated: usize,
    /// Rules met.
    pub met: usize,
    /// Rules not met whose standing depends on a regime the tender does not settle (only for
    /// a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime_not_stated: Option<usize>,
    /// Rules that do not hold under the tender's law (only for a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<usize>,
    /// A sentence saying so.
    pub headline: String,
}

/// The barrier check of a tender.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TenderCheck {
    /// Always `tender-check`.
    #[cfg_attr(feature = "ts", ts(type = "'tender-check'"))]
    pub document: ResultDocument,
    /// The engine.
    pub engine: EngineRef,
    /// The protocol.
    pub protocol: ProtocolRef,
    /// The tender.
    pub tender: TenderRef,
    /// Hash of the inputs.
    pub input_hash: String,
    /// Which law governs the tender and how that was decided, first, because every finding
    /// depends on it (only for a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Decision>,
    /// Counts.
    pub summary: FindingSummary,
    /// Findings, `must` before `should`, then in the protocol's rule order.
    pub findings: Vec<Finding>,
    /// Every rule's outcome.
    pub checks: Vec<CheckRow>,
}

/// One test of eligibility.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EligibilityRow {
    /// The test's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub test: String,
    /// Its title.
    pub title: String,
    /// `met`, `not_met`, `unknown` or `not_applicable`.
    pub outcome: TestOutcome,
    /// The protocol marks the test optional: it is reported, but its outcome does not decide
    /// the verdict. Written only when true, so a protocol without optional tests gives the
    /// rows it always gave.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>"))]
    pub optional: bool,
    /// Why, with the figures.
    pub reason: String,
    /// What to add when the outcome is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_add: Option<String>,
    /// The clauses.
    pub cites: Vec<CiteRef>,
}

/// Is the bidder a user-led organisation under the protocol?
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EligibilityResult {
    /// `yes`, `no` or `not_enough_information`.
    pub verdict: Verdict,
    /// The verdict in a sentence.
    pub reason: String,
    /// Each test.
    pub tests: Vec<EligibilityRow>,
}

/// A gate's outcome for a bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct GateRow {
    /// The gate's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub gate: String,
    /// Its title.
    pub title: String,
    /// `pass`, `fail` or `not_assessed` (or, in a self-check, `unsure`).
    pub outcome: GateStatus,
    /// The clauses.
    pub cites: Vec<CiteRef>,
}

/// One evaluator's score as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EvaluatorScore {
    /// Evaluator id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub evaluator: String,
    /// Name.
    pub name: String,
    /// `officer` or `lived_experience`.
    pub role: Role,
    /// Score.
    pub score: i64,
    /// The scale point's label.
    pub label: String,
    /// Reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
}

/// The panel's work on one criterion of one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PanelDetail {
    /// The scale's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub scale: String,
    /// The scale's top score.
    pub scale_max: i64,
    /// Each evaluator's score.
    pub scores: Vec<EvaluatorScore>,
    /// Highest minus lowest score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread: Option<i64>,
    /// The moderated score, exactly (`3`, `3.5`, `10/3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::ExactText>"))]
    pub moderated: Option<String>,
    /// The moderator's reasons, for a consensus score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consensus_rationale: Option<String>,
    /// Panel members who gave no score.
    #[cfg_attr(feature = "ts", ts(as = "Vec<crate::typescript::Id>"))]
    pub not_scored_by: Vec<String>,
}

/// One criterion of one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CriterionResult {
    /// Criterion id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub criterion: String,
    /// Title.
    pub title: String,
    /// The group it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub parent: Option<String>,
    /// 1 for top-level criteria.
    pub depth: u8,
    /// `group`, `panel`, `banded` or `price`.
    pub method: CriterionMethod,
    /// `price`, `quality`, `social_value` or `user_leadership`.
    pub category: Category,
    /// Weight in percent, in the protocol's terms: within its group, or of the whole award
    /// (`weights_as: share_of_whole`).
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Percent"))]
    pub weight: String,
    /// Marks available.
    pub available: String,
    /// Marks awarded; absent when inputs are missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<String>,
    /// The panel's scores, for panel criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub panel: Option<PanelDetail>,
    /// How the marks were worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
    /// What is missing, when marks could not be worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    /// Why the criterion does not count under the lot's evaluation model (price criteria under
    /// price per quality point, say); it then has no marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_counted: Option<String>,
}

/// Something the commissioner must look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Flag {
    /// What the flag is about.
    pub code: FlagCode,
    /// The criterion concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub criterion: Option<String>,
    /// Whether the flag takes the bid out of the ranking.
    pub excludes: bool,
    /// What was found.
    pub message: String,
    /// What to do.
    pub action: String,
    /// How it was worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
    /// The clauses.
    pub cites: Vec<CiteRef>,
}

/// One bid's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct BidResult {
    /// Bid id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub bid: String,
    /// Bidder's name.
    pub bidder: String,
    /// Lot.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub lot: String,
    /// Price.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Money"))]
    pub price: String,
    /// `ranked`, `excluded` or `incomplete`.
    pub status: BidStatus,
    /// Rank within the lot, when ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Total marks, when every criterion could be scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// Marks available in all.
    pub available: String,
    /// How the total was added up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_trace: Option<Trace>,
    /// The quality marks re-weighted to 100, under a model that uses them (price per quality
    /// point, sequential, quality only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_marks: Option<String>,
    /// The price divided by the quality marks, to 2 places (price per quality point only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_quality_point: Option<String>,
    /// The lot model's own steps for this bid (quality marks, a threshold or pass mark, the
    /// cost per quality point, the fixed price), each explained and cited.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Trace>>"))]
    pub stage: Vec<Trace>,
    /// Eligibility.
    pub eligibility: EligibilityResult,
    /// Gates.
    pub gates: Vec<GateRow>,
    /// The reservation basis's test of the bidder, when the tender reserves the contract in
    /// its `reservation` block (absent otherwise, so older results keep their bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation: Option<ReservationRow>,
    /// Criteria in tree order.
    pub criteria: Vec<CriterionResult>,
    /// Flags.
    pub flags: Vec<Flag>,
    /// For a lot priced by a basket of rates: how the price was worked out, each rate times
    /// its published volume, added up (absent otherwise, so older results keep their bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basket: Option<Trace>,
}

/// A bidder tested against the ground on which the contract is reserved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ReservationRow {
    /// The ground, as the tender names it.
    pub basis: crate::tender::ReservationBasis,
    /// `met`, `not_met`, `unknown`, or `not_applicable` when the reservation is not applied.
    pub outcome: TestOutcome,
    /// Why, with the figures.
    pub reason: String,
    /// What to add when the outcome is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_add: Option<String>,
    /// The clauses relied on.
    pub cites: Vec<CiteRef>,
}

/// How a tie was settled (or not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TieNote {
    /// The bids it tied with on total marks.
    #[cfg_attr(feature = "ts", ts(as = "Vec<crate::typescript::Id>"))]
    pub tied_with: Vec<String>,
    /// The tie-break rule that separated them, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// The reason in words.
    pub reason: String,
}

/// A place in a lot's ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RankRow {
    /// Rank (1 is best); tied bids share a rank.
    pub rank: u32,
    /// Bid id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub bid: String,
    /// Bidder.
    pub bidder: String,
    /// Total marks.
    pub total: String,
    /// Price.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Money"))]
    pub price: String,
    /// The price divided by the quality marks, to 2 places (price per quality point only),
    /// on whose exact value the lot is ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_quality_point: Option<String>,
    /// Flags still open (e.g. abnormally low: clarification required).
    pub flags: Vec<FlagCode>,
    /// How a tie on total marks was settled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tie: Option<TieNote>,
}

/// A bid left out of a ranking, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct NotRanked {
    /// Bid id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub bid: String,
    /// Bidder.
    pub bidder: String,
    /// `excluded` or `incomplete`.
    pub status: NotRankedStatus,
    /// Why.
    pub reasons: Vec<String>,
}

/// One lot's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct LotResult {
    /// Lot id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub lot: String,
    /// Title.
    pub title: String,
    /// The lot's evaluation model, when it is not the weighted total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<crate::tender::evaluation::ModelKind>,
    /// The lowest price among the bids that compete, which relative price formulas use; `None`
    /// when no bid for the lot is in competition (their price marks, worked out for the record,
    /// then use the lowest price of all the lot's bids, and their traces say so).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Money>"))]
    pub lowest_price: Option<String>,
    /// The ranking.
    pub ranking: Vec<RankRow>,
    /// Bids not ranked.
    pub not_ranked: Vec<NotRanked>,
}

/// The ranking alone, as [`crate::Protocol::rank`] gives it: each lot exactly as in the full
/// [`ScoreResult`]'s `lots`, without the explained results of every bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranking {
    /// Each lot's ranking.
    pub lots: Vec<LotResult>,
}

/// The result of scoring a tender's bids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ScoreResult {
    /// Always `score-result`.
    #[cfg_attr(feature = "ts", ts(type = "'score-result'"))]
    pub document: ResultDocument,
    /// The engine.
    pub engine: EngineRef,
    /// The protocol.
    pub protocol: ProtocolRef,
    /// The tender.
    pub tender: TenderRef,
    /// Hash of the inputs.
    pub input_hash: String,
    /// Which law governs the tender and how that was decided, first, because every finding
    /// depends on it (only for a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Decision>,
    /// Rounding.
    pub rounding: RoundingRef,
    /// The tender's barrier findings, for the record.
    pub findings: Vec<Finding>,
    /// Each lot's ranking.
    pub lots: Vec<LotResult>,
    /// Each bid, in id order.
    pub bids: Vec<BidResult>,
}

/// A flag as a summary gives it: what it is about, never its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct FlagBrief {
    /// What the flag is about.
    pub code: FlagCode,
    /// The criterion concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub criterion: Option<String>,
    /// Whether the flag takes the bid out of the ranking.
    pub excludes: bool,
}

/// A gate's outcome as a summary gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct GateOutcomeRow {
    /// The gate's id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub gate: String,
    /// `pass`, `fail` or `not_assessed`.
    pub outcome: GateStatus,
}

/// Each criterion's marks for one bid, in tree order, written as one JSON object from
/// criterion id to marks (`null` where the marks could not be worked out yet). An object
/// rather than a list of rows because a summary's size is what it is for: the id and figure
/// alone, once each. Kept as a list, so the order is the tree's and never a hash map's.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CriterionMarks(pub Vec<(String, Option<String>)>);

impl Serialize for CriterionMarks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (criterion, marks) in &self.0 {
            map.serialize_entry(criterion, marks)?;
        }
        map.end()
    }
}

/// One bid as a summary gives it: every figure of its [`BidResult`] that decides its place
/// (status, rank, total, price, eligibility verdict, gate outcomes, each criterion's marks,
/// its flags' codes), without the explanations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct BidSummary {
    /// Bid id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub bid: String,
    /// Bidder's name.
    pub bidder: String,
    /// Lot.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub lot: String,
    /// Price.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Money"))]
    pub price: String,
    /// `ranked`, `excluded` or `incomplete`.
    pub status: BidStatus,
    /// Rank within the lot, when ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Total marks, when every criterion could be scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// The quality marks re-weighted to 100, under a model that uses them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_marks: Option<String>,
    /// The price divided by the quality marks, to 2 places (price per quality point only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_quality_point: Option<String>,
    /// Marks available in all.
    pub available: String,
    /// Whether the bidder is user-led under the protocol.
    pub eligibility: Verdict,
    /// Each gate's outcome, in the protocol's order.
    pub gates: Vec<GateOutcomeRow>,
    /// The reservation basis's outcome, when the tender reserves the contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation: Option<TestOutcome>,
    /// Each criterion's marks (groups and leaves), in tree order.
    #[cfg_attr(feature = "ts", ts(type = "{ [criterion: string]: string | null }"))]
    pub marks: CriterionMarks,
    /// Flags, in the order the full result lists them.
    pub flags: Vec<FlagBrief>,
}

/// Scores and rankings without explanations: what a commissioner needs to see every bid's
/// standing, small enough for any number of bids the engine reads, with the full explanation
/// of the bids asked for by name. Each explained bid is exactly (byte for byte) its entry in
/// the full [`ScoreResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ScoreSummary {
    /// Always `score-summary`.
    #[cfg_attr(feature = "ts", ts(type = "'score-summary'"))]
    pub document: ResultDocument,
    /// The engine.
    pub engine: EngineRef,
    /// The protocol.
    pub protocol: ProtocolRef,
    /// The tender.
    pub tender: TenderRef,
    /// Hash of the inputs (the same as the full result's).
    pub input_hash: String,
    /// Which law governs the tender (only for a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Decision>,
    /// Rounding.
    pub rounding: RoundingRef,
    /// The tender's barrier findings, for the record.
    pub findings: Vec<Finding>,
    /// Each lot's ranking, as in the full result.
    pub lots: Vec<LotResult>,
    /// Each bid, in id order.
    pub bids: Vec<BidSummary>,
    /// The bids asked for by name, explained in full, in id order.
    pub explained: Vec<BidResult>,
}

/// A self-check threshold warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ThresholdCheck {
    /// The minimum score.
    pub minimum: i64,
    /// Whether failing it disqualifies.
    pub disqualifies: bool,
    /// `clear`, `at_risk` or `fails`.
    pub status: ThresholdStatus,
}

/// One criterion in a self-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct SelfCheckRow {
    /// Criterion id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub criterion: String,
    /// Title.
    pub title: String,
    /// `panel`, `banded` or `price`.
    pub method: LeafMethod,
    /// Marks available.
    pub available: String,
    /// Marks expected at the low end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_low: Option<String>,
    /// Marks expected at the high end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_high: Option<String>,
    /// Marks that could still be won: available minus the low end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_gain: Option<String>,
    /// The minimum score, if the criterion has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdCheck>,
    /// An assumption the figures rest on, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumption: Option<String>,
    /// What is missing, if the figures could not be worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    /// How the low end was worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_low: Option<Trace>,
    /// How the high end was worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_high: Option<Trace>,
}

/// The projected total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Projection {
    /// The lowest total expected.
    pub low: String,
    /// The highest total expected.
    pub high: String,
    /// Marks available in all.
    pub available: String,
    /// Criteria with no expected score, which the projection counts as 0 at the low end and
    /// full marks at the high end.
    #[cfg_attr(feature = "ts", ts(as = "Vec<crate::typescript::Id>"))]
    pub not_estimated: Vec<String>,
}

choice! {
    /// Whether a self-check's projected quality clears a lot model's threshold or pass mark.
    pub enum ThresholdOutcome as "a threshold outcome" {
        /// At both ends of the range.
        Passes = "passes",
        /// Only at the high end.
        AtRisk = "at_risk",
        /// At neither end.
        Fails = "fails",
    }
}

/// A self-check's projection under the lot's evaluation model, when it is not the weighted
/// total: the quality marks re-weighted to 100 at each end, and what the model makes of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ModelProjection {
    /// The lot's model.
    pub model: crate::tender::evaluation::ModelKind,
    /// The quality marks re-weighted to 100 at the low end (when every quality criterion is
    /// estimated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_low: Option<String>,
    /// The same at the high end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_high: Option<String>,
    /// Price per quality point: the price over the quality marks at the high end (the best
    /// case), to 2 places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_quality_point_low: Option<String>,
    /// The price over the quality marks at the low end (the worst case), to 2 places; absent
    /// when the low end has no quality marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_quality_point_high: Option<String>,
    /// The quality threshold or pass mark, percent of the quality marks available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Whether the projected quality clears it: `passes` at both ends, `at_risk` (the low end
    /// is below it), `fails` (both ends are below it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold_outcome: Option<ThresholdOutcome>,
    /// The fixed price of a quality-only lot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_price: Option<String>,
    /// Whether the draft's price is the fixed price (quality only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_fixed_price: Option<bool>,
    /// What the model means for this bid, in words.
    pub note: String,
}

/// The result of a bidder's self-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct SelfCheckResult {
    /// Always `self-check-result`.
    #[cfg_attr(feature = "ts", ts(type = "'self-check-result'"))]
    pub document: ResultDocument,
    /// The engine.
    pub engine: EngineRef,
    /// The protocol.
    pub protocol: ProtocolRef,
    /// The tender.
    pub tender: TenderRef,
    /// Hash of the inputs.
    pub input_hash: String,
    /// Which law governs the tender and how that was decided, first, because every finding
    /// depends on it (only for a protocol that knows regimes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Decision>,
    /// Rounding.
    pub rounding: RoundingRef,
    /// The lot.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub lot: String,
    /// The bidder.
    pub bidder: String,
    /// The price.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Money"))]
    pub price: String,
    /// Eligibility.
    pub eligibility: EligibilityResult,
    /// Gates as the bidder expects them.
    pub gates: Vec<GateRow>,
    /// The projected total.
    pub projected: Projection,
    /// Scored criteria, where the most can be gained first.
    pub criteria: Vec<SelfCheckRow>,
    /// Flags (price over the ceiling, abnormally low, a threshold at risk).
    pub flags: Vec<Flag>,
    /// The tender's barrier findings, each with a clarification question.
    pub findings: Vec<Finding>,
    /// The result in easy read: short sentences, one idea each, for a board of members.
    pub easy_read: Vec<String>,
    /// The projection under the lot's evaluation model, when it is not the weighted total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelProjection>,
    /// For a lot priced by a basket of rates: the draft's price worked out, each rate times its
    /// published volume (absent otherwise, so older results keep their bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basket: Option<Trace>,
    /// The price marks, low and high, under each formula the lot could publish (only for a lot
    /// with rates or a protocol that lets a lot choose its formula).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<PriceUnder>>"))]
    pub price_under: Vec<PriceUnder>,
}

/// A draft's price marks under one price formula, at the low and the high end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PriceUnder {
    /// The formula.
    pub formula: crate::protocol::PriceFormula,
    /// Whether it is the formula the lot publishes.
    pub published: bool,
    /// Marks at the low end.
    pub low: String,
    /// Marks at the high end.
    pub high: String,
    /// What the figures assume about other bids, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumption: Option<String>,
}

//! The result of scoring a tender's bids: each bid explained criterion by criterion, with its
//! flags, and each lot's ranking with its ties and the bids left out.

use crate::explain::{CiteRef, Trace};
use crate::regime::Decision;
use crate::tender::Role;
use crate::vocab::Category;
use serde::Serialize;

use super::eligibility::{EligibilityResult, ReservationRow};
use super::refs::{EngineRef, ProtocolRef, ResultDocument, RoundingRef, TenderRef};
use super::tender_check::Finding;
use super::words::{BidStatus, CriterionMethod, FlagCode, GateStatus, NotRankedStatus};

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

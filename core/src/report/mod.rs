//! The results the engine produces: the shape of `schemas/result.schema.json`.
//!
//! Every figure is a string holding an exact decimal (`"28.50"`), never a JSON float, so that a
//! portal in any language reads the same number the engine decided. Lists are in a fixed order
//! (tender order for lots and criteria, id order for bids) so the same inputs give the same bytes.
//!
//! By part: `refs.rs` the header every result opens with, `tender_check.rs` the barrier
//! check, `eligibility.rs` the user-led tests and a reservation's, `score.rs` scores and
//! rankings, `summary.rs` the same in summary, `self_check.rs` a bidder's self-check, and
//! `words.rs` the closed sets of words they share. Every type is re-exported here, so callers
//! name `report::ScoreResult`.

mod eligibility;
mod refs;
mod score;
mod self_check;
mod summary;
mod tender_check;
mod words;

pub use eligibility::{EligibilityResult, EligibilityRow, ReservationRow, TestOutcome, Verdict};
pub use refs::{EngineName, EngineRef, ProtocolRef, ResultDocument, RoundingRef, TenderRef};
pub use score::{
    BidResult, CriterionResult, EvaluatorScore, Flag, GateRow, LotResult, NotRanked, PanelDetail,
    RankRow, Ranking, ScoreResult, TieNote,
};
pub use self_check::{
    ModelProjection, PriceUnder, Projection, SelfCheckResult, SelfCheckRow, ThresholdCheck,
    ThresholdOutcome, ThresholdStatus,
};
pub use summary::{BidSummary, CriterionMarks, FlagBrief, GateOutcomeRow, ScoreSummary};
pub use tender_check::{
    AppliesUnder, CheckRow, CheckStatus, FactShown, Finding, FindingStatus, FindingSummary,
    TenderCheck,
};
pub use words::{BidStatus, CriterionMethod, FlagCode, GateStatus, LeafMethod, NotRankedStatus};

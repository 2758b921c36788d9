//! Scores and rankings in summary: every bid's figures without the explanations, and the full
//! explanation of the bids asked for by name.

use crate::regime::Decision;
use serde::Serialize;

use super::eligibility::{TestOutcome, Verdict};
use super::refs::{EngineRef, ProtocolRef, ResultDocument, RoundingRef, TenderRef};
use super::score::{BidResult, LotResult};
use super::tender_check::Finding;
use super::words::{BidStatus, FlagCode, GateStatus};

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
/// the full [`ScoreResult`](super::ScoreResult).
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

//! The result of a bidder's self-check: its draft projected criterion by criterion, low and
//! high, under the lot's model, with the flags and findings that concern it.

use crate::choice::choice;
use crate::explain::Trace;
use crate::regime::Decision;
use serde::Serialize;

use super::eligibility::EligibilityResult;
use super::refs::{EngineRef, ProtocolRef, ResultDocument, RoundingRef, TenderRef};
use super::score::{Flag, GateRow};
use super::tender_check::Finding;
use super::words::LeafMethod;

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

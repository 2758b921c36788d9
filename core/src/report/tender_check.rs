//! The barrier check's result: each rule's outcome on the tender's design, and the findings
//! (barriers, and rules the tender gives too little to check), each with its fix.

use crate::choice::choice;
use crate::explain::CiteRef;
use crate::regime::{Decision, Nation, Regime};
use crate::vocab::{Severity, Standing};
use serde::Serialize;

use super::refs::{EngineRef, ProtocolRef, ResultDocument, TenderRef};

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

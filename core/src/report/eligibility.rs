//! Whether a bidder is user-led under the protocol, test by test, and how it fares against the
//! ground on which a contract is reserved.

use crate::choice::choice;
use crate::explain::CiteRef;
use serde::Serialize;

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

//! A bidder's own draft for a self-check: the bid it means to make, with the scores and gate
//! outcomes it expects instead of the panel's.

use crate::choice::choice;
use crate::exact::Exact;

use super::organisation::Organisation;

choice! {
    /// A gate outcome a bidder expects.
    pub enum ExpectedGate as "an expected gate outcome" {
        /// Expects to pass.
        Pass = "pass",
        /// Expects to fail.
        Fail = "fail",
        /// Does not know.
        Unsure = "unsure",
    }
}

/// An expected score: one value or a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The lowest score expected.
    pub low: i64,
    /// The highest score expected.
    pub high: i64,
    /// Given as one value (`"score"`) rather than a range.
    pub single: bool,
}

/// A bidder's draft response, for a self-check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftBid {
    /// The tender's id.
    pub tender: String,
    /// The lot.
    pub lot: String,
    /// The bidder.
    pub organisation: Organisation,
    /// The price.
    pub price: Exact,
    /// The price as the document writes it, quoted back in problems.
    pub price_written: String,
    /// Whether the draft gives a price (see [`Bid::price_given`](super::Bid::price_given)).
    pub price_given: bool,
    /// The price per unit of each of its lot's rates, by rate id.
    pub rates: Vec<(String, Exact)>,
    /// Figures for banded criteria.
    pub facts: Vec<(String, Exact)>,
    /// Expected gate outcomes.
    pub gates: Vec<(String, ExpectedGate)>,
    /// Expected scores by panel criterion.
    pub expected: Vec<(String, Expected)>,
    /// The lowest price the bidder expects from others, if it has a view.
    pub competitor_lowest_price: Option<Exact>,
    /// That lowest price as the document writes it, quoted back in problems.
    pub competitor_lowest_price_written: Option<String>,
}

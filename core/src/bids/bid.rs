//! A bid as the authority records it: who bid, for which lot, at what price, the gates it
//! passed and what the panel scored it; and the bids of one tender, read and then checked.

use crate::choice::choice;
use crate::exact::Exact;

use super::organisation::Organisation;

choice! {
    /// A gate outcome recorded by the authority.
    pub enum GateOutcome as "a gate outcome" {
        /// Passed.
        Pass = "pass",
        /// Failed.
        Fail = "fail",
    }
}

/// One evaluator's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelScore {
    /// Evaluator id.
    pub evaluator: String,
    /// The score on the criterion's scale.
    pub score: i64,
    /// The evaluator's reasons.
    pub rationale: Option<String>,
}

/// A moderator's consensus score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsensusScore {
    /// The agreed score.
    pub score: i64,
    /// The reasons recorded.
    pub rationale: String,
}

/// One bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bid {
    /// Id.
    pub id: String,
    /// The lot bid for.
    pub lot: String,
    /// The bidder.
    pub organisation: Organisation,
    /// The total price over the contract, in pounds.
    pub price: Exact,
    /// The price as the document writes it (`"0.00"`), so that a problem with it quotes what
    /// was written rather than the number's shortest form.
    pub price_written: String,
    /// Whether the bid gives a price: for a lot with a basket of rates it may leave it out,
    /// and `price` is then the basket, worked out when the bids are checked.
    pub price_given: bool,
    /// The price per unit of each of its lot's rates, by rate id.
    pub rates: Vec<(String, Exact)>,
    /// Figures for banded criteria, by fact id.
    pub facts: Vec<(String, Exact)>,
    /// Gate outcomes, by gate id.
    pub gates: Vec<(String, GateOutcome)>,
    /// Evaluators' scores, by criterion id.
    pub scores: Vec<(String, Vec<PanelScore>)>,
    /// Consensus scores, by criterion id.
    pub consensus: Vec<(String, ConsensusScore)>,
}

impl Bid {
    /// A fact the bid supplies.
    #[must_use]
    pub fn fact(&self, id: &str) -> Option<Exact> {
        lookup(&self.facts, id).copied()
    }

    /// The gate outcome recorded.
    #[must_use]
    pub fn gate(&self, id: &str) -> Option<GateOutcome> {
        lookup(&self.gates, id).copied()
    }
}

/// Looks up a key in a sorted list of pairs (as maps are read).
pub fn lookup<'a, T>(pairs: &'a [(String, T)], key: &str) -> Option<&'a T> {
    pairs
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|i| &pairs[i].1)
}

/// Bids as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidsDoc {
    /// The tender's id.
    pub tender: String,
    /// The bids.
    pub bids: Vec<Bid>,
}

/// Bids checked against a protocol and tender, sorted by id.
#[derive(Clone, Debug)]
pub struct Bids {
    pub(super) tender: String,
    pub(super) sorted: Vec<Bid>,
    pub(super) digest: String,
}

impl Bids {
    /// The bids, sorted by id (so results never depend on the order bids were entered).
    pub fn iter(&self) -> impl Iterator<Item = &Bid> {
        self.sorted.iter()
    }

    /// The bids as a slice, sorted by id.
    #[must_use]
    pub fn as_slice(&self) -> &[Bid] {
        &self.sorted
    }

    /// The tender id the bids are for.
    #[must_use]
    pub fn tender_id(&self) -> &str {
        &self.tender
    }

    /// SHA-256 of the canonical bids document (bids sorted by id).
    #[must_use]
    pub fn digest(&self) -> &str {
        &self.digest
    }
}

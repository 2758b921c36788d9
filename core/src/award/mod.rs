//! Award scoring: every bid through gates, eligibility, moderation, price and thresholds, then a
//! ranking per lot.
//!
//! Marks are worked out leaf by leaf: a leaf's share of its marks (a moderated score over the
//! scale's top, banded points over their maximum, or a price formula) times the marks available,
//! rounded as the protocol says. Groups and totals add rounded marks exactly, so a published
//! scorecard always adds up. Bids are taken in id order, and nothing depends on input order.
//!
//! A run goes: `run` works out what every bid shares, then each bid's own work (`conditions`,
//! `panel` and `banded` criteria, raising `flags`); `lot` adds the price marks and the
//! abnormally-low test, which depend on the other bids; `status` adds up the totals, decides
//! each bid's status and ranks the lot ([`ranking`]). `marks` is where every mark is rounded.

mod banded;
mod bid;
mod conditions;
mod flags;
mod lot;
mod marks;
pub mod moderation;
mod panel;
pub mod price;
pub mod ranking;
mod run;
mod status;

pub(crate) use banded::banded;
pub use banded::bid_fact_value;
pub use marks::fixed_or_exact;
pub(crate) use marks::Ctx;

use crate::bids::Bids;
use crate::error::Problems;
use crate::protocol::Protocol;
use crate::report::{Ranking, ResultDocument, ScoreResult};
use crate::tender::Tender;
use run::Run;

/// Scores a tender's bids: eligibility, gates, moderation, price, thresholds, flags, and a
/// ranking per lot with the tie-break reasons; every figure explained.
///
/// # Errors
///
/// A figure too large for exact arithmetic, named with the bid it arose in. The bids have been
/// read against the protocol and tender already, so nothing else can go wrong.
pub fn score(protocol: &Protocol, tender: &Tender, bids: &Bids) -> Result<ScoreResult, Problems> {
    let scored = Run::new(protocol, tender, true).score(bids)?;
    let (findings, _) = crate::barriers::findings(protocol, tender);
    let header = crate::provenance::header(protocol, tender, &[("bids", bids.digest())]);
    Ok(ScoreResult {
        document: ResultDocument::ScoreResult,
        engine: header.engine,
        protocol: header.protocol,
        tender: header.tender,
        input_hash: header.input_hash,
        regime: header.regime,
        rounding: crate::provenance::rounding_ref(protocol),
        findings,
        lots: scored.lots,
        bids: scored.bids,
    })
}

/// Ranks a tender's bids without explaining them: each lot's ranking exactly as [`score`]
/// gives it in its `lots` (totals, ranks, open flag codes, tie notes, bids not ranked and why),
/// from the same code with the explanations left out. For callers that re-score many times and
/// need only the order, such as the what-if sweep; anything shown or published as a result
/// should come from `score`.
///
/// # Errors
///
/// As [`score`]: a figure too large for exact arithmetic.
pub fn rank(protocol: &Protocol, tender: &Tender, bids: &Bids) -> Result<Ranking, Problems> {
    let scored = Run::new(protocol, tender, false).score(bids)?;
    Ok(Ranking { lots: scored.lots })
}

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
//!
//! A full result's size grows with bids x scored criteria x evaluators (every evaluator's score
//! and its label are shown, for every criterion of every bid), so it is bounded
//! ([`MAX_EXPLAINED`]) and refused, before any scoring, past the bound; the [`summary`] has every
//! bid's figures without the explanations, and explains in full only the bids named.

mod banded;
mod bid;
mod conditions;
mod flags;
mod lot;
mod marks;
pub mod model;
pub mod moderation;
mod panel;
pub mod price;
pub mod ranking;
mod run;
mod status;
mod stream;

pub(crate) use banded::banded;
pub use banded::bid_fact_value;
pub use marks::fixed_or_exact;
pub(crate) use marks::Ctx;
pub use stream::ScoreStream;

use crate::bids::Bids;
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::protocol::{CriterionBody, Protocol};
use crate::report::{Ranking, ResultDocument, ScoreResult, ScoreSummary};
use crate::tender::Tender;
use run::{Explain, Run};

/// The largest bids x scored criteria x evaluators explained at once: a full result, or the
/// bids a summary explains. Each unit is about 290 bytes of compact JSON (an evaluator's score
/// with its label, in the panel and again in the trace, plus each criterion's row), so a full
/// result at the limit is about 60 MB; well inside what a JavaScript string holds (about
/// 512 MB in V8) and what wasm32's memory holds while it is built. Past it, the summary is
/// answered whatever its size (its size grows with bids x criteria only, and is a few times
/// smaller than the bids read), with the bids needed explained by name.
pub const MAX_EXPLAINED: usize = 200_000;

/// How big an explanation of `bids` bids would be, as the limit counts it: the bids, the scored
/// (leaf) criteria, and the panel's evaluators (at least 1, since banded and price criteria
/// are explained too); refused past [`MAX_EXPLAINED`].
///
/// # Errors
///
/// `ulo::result-too-large`, with the figures and the limit.
pub fn check_explained(protocol: &Protocol, tender: &Tender, bids: usize) -> Result<(), Problems> {
    let criteria = protocol
        .tree()
        .iter()
        .filter(|n| {
            protocol
                .criterion(&n.id)
                .is_some_and(|c| matches!(c.body, CriterionBody::Leaf(_)))
        })
        .count()
        .max(1);
    let evaluators = tender.doc().panel.as_ref().map_or(0, Vec::len).max(1);
    let units = bids.saturating_mul(criteria).saturating_mul(evaluators);
    if units <= MAX_EXPLAINED {
        return Ok(());
    }
    Err(Problems(vec![Problem::new(
        Document::Bids,
        "/bids",
        ProblemKind::ResultTooLarge {
            bids,
            criteria,
            evaluators,
            limit: MAX_EXPLAINED,
        },
    )]))
}

/// Scores a tender's bids: eligibility, gates, moderation, price, thresholds, flags, and a
/// ranking per lot with the tie-break reasons; every figure explained.
///
/// # Errors
///
/// A result larger than [`MAX_EXPLAINED`] allows (refused before scoring: ask for the
/// [`summary`]), or a figure too large for exact arithmetic, named with the bid it arose in.
/// The bids have been read against the protocol and tender already, so nothing else can go
/// wrong.
pub fn score(protocol: &Protocol, tender: &Tender, bids: &Bids) -> Result<ScoreResult, Problems> {
    check_explained(protocol, tender, bids.as_slice().len())?;
    let scored = Run::new(protocol, tender, Explain::All, false).score(bids)?;
    Ok(stream::score_result(
        protocol,
        tender,
        bids,
        scored.lots,
        scored.bids,
    ))
}

/// Scores a tender's bids as [`score`] does, but explains each bid only as it is written: the
/// result before its bids is worked out at once, each bid's full result when asked for (see
/// [`ScoreStream`]). Serialised, it gives [`score`]'s result byte for byte, while holding one
/// bid's explanation at a time; for writing a large full result out.
///
/// # Errors
///
/// As [`score`].
pub fn score_stream<'a>(
    protocol: &'a Protocol,
    tender: &'a Tender,
    bids: &'a Bids,
) -> Result<ScoreStream<'a>, Problems> {
    check_explained(protocol, tender, bids.as_slice().len())?;
    ScoreStream::new(protocol, tender, bids)
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
    let scored = Run::new(protocol, tender, Explain::None, false).score(bids)?;
    Ok(Ranking { lots: scored.lots })
}

/// Scores a tender's bids without explaining them, except the bids named in `explain`: every
/// bid's status, rank, total, price, eligibility verdict, gate outcomes, marks per criterion and
/// flag codes, the lots' rankings as [`score`] gives them, and the named bids' full results,
/// byte for byte as in [`score`]'s `bids`. From the same run as [`rank`] and [`score`] (the
/// summary is kept as the lean run goes, never cut from a full result), so it costs about what
/// ranking costs, plus the named bids.
///
/// # Errors
///
/// A name in `explain` that is no bid's id; more bids named than [`MAX_EXPLAINED`] allows to
/// explain at once; or, as [`score`], a figure too large for exact arithmetic.
pub fn summary(
    protocol: &Protocol,
    tender: &Tender,
    bids: &Bids,
    explain: &[String],
) -> Result<ScoreSummary, Problems> {
    let unknown: Vec<Problem> = explain
        .iter()
        .filter(|id| {
            // Bids are held in id order.
            bids.as_slice()
                .binary_search_by(|b| b.id.as_str().cmp(id.as_str()))
                .is_err()
        })
        .map(|id| {
            let known = bids.as_slice();
            Problem::new(
                Document::Bids,
                "/bids",
                ProblemKind::UnknownReference {
                    id: id.clone(),
                    what: "bid",
                    // A short list helps spot a slip; thousands of ids would drown the message.
                    known: if known.len() <= 20 {
                        known.iter().map(|b| b.id.clone()).collect()
                    } else {
                        Vec::new()
                    },
                },
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(Problems(unknown));
    }
    let mut named: Vec<&String> = explain.iter().collect();
    named.sort_unstable();
    named.dedup();
    check_explained(protocol, tender, named.len())?;
    let scored = Run::new(protocol, tender, Explain::Only(explain), true).score(bids)?;
    let (findings, _) = crate::barriers::findings(protocol, tender);
    let header = crate::provenance::header(protocol, tender, &[("bids", bids.digest())]);
    Ok(ScoreSummary {
        document: ResultDocument::ScoreSummary,
        engine: header.engine,
        protocol: header.protocol,
        tender: header.tender,
        input_hash: header.input_hash,
        regime: header.regime,
        rounding: crate::provenance::rounding_ref(protocol),
        findings,
        lots: scored.lots,
        bids: scored.summaries,
        explained: scored.bids,
    })
}

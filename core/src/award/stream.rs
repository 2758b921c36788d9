//! A full result written one bid at a time.
//!
//! A full result at the limit ([`super::MAX_EXPLAINED`]) holds tens of megabytes of
//! explanations; built whole, it peaks at about fifty times the bids read. Yet a bid's
//! explanation needs of the other bids only what its lot shares (the lowest price, the prices in
//! competition) and its rank. So a lean run (the one [`super::rank`] makes) works out the lots,
//! what each lot shares and every rank; then each bid is explained alone, by the same code that
//! explains it in a whole run (`Run::start`, `Run::price_bid`, `status::settle`), and can be
//! written and dropped before the next is made. The bytes are those of the whole [`ScoreResult`],
//! which `core/tests/stream.rs` checks over every conformance case and generated ones.

use super::lot::{overflow, LotPlan};
use super::run::{Explain, Run};
use super::status;
use crate::bids::Bids;
use crate::error::Problems;
use crate::regime::Decision;
use crate::report::{
    BidResult, EngineRef, Finding, LotResult, ProtocolRef, ResultDocument, RoundingRef,
    ScoreResult, TenderRef,
};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use std::cell::RefCell;

/// A full result whose bids are explained as they are asked for: everything before `bids`
/// (header, findings, lots) worked out, and for each bid what its explanation needs of the
/// others. Serialised, it gives exactly the bytes of [`super::score`]'s result, holding one
/// bid's explanation at a time.
pub struct ScoreStream<'a> {
    /// The explaining run, prepared once (blank rows, resolved clauses, panel labels).
    run: Run<'a>,
    /// The bids, in id order.
    bids: &'a Bids,
    /// The result with no bids.
    head: ScoreResult,
    /// What each lot's bids share, in tender order.
    plans: Vec<LotPlan>,
    /// For each bid: its lot's position in `plans` and its rank (none for a bid no result
    /// lists).
    placed: Vec<Option<(usize, Option<u32>)>>,
    /// The problem that stopped a serialisation part-way, for [`ScoreStream::failure`].
    failed: RefCell<Option<Problems>>,
}

impl<'a> ScoreStream<'a> {
    /// Everything a full result holds but its bids, and what explaining each bid needs. The
    /// caller has checked the result's size (`check_explained`, as `score_stream` does).
    ///
    /// # Errors
    ///
    /// As `score`: a figure too large for exact arithmetic.
    pub(super) fn new(
        protocol: &'a crate::protocol::Protocol,
        tender: &'a crate::tender::Tender,
        bids: &'a Bids,
    ) -> Result<ScoreStream<'a>, Problems> {
        let lean = Run::new(protocol, tender, Explain::None, false).score(bids)?;
        let head = score_result(protocol, tender, bids, lean.lots, Vec::new());
        Ok(ScoreStream {
            run: Run::new(protocol, tender, Explain::All, false),
            bids,
            head,
            plans: lean.plans,
            placed: lean.placed,
            failed: RefCell::new(None),
        })
    }

    /// The result without its bids (`bids` is empty).
    pub fn head(&self) -> &ScoreResult {
        &self.head
    }

    /// How many bids the result lists.
    pub fn len(&self) -> usize {
        self.placed.iter().flatten().count()
    }

    /// Whether the result lists no bids.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each bid's full result, in id order, made as it is asked for.
    pub fn bids(&self) -> impl Iterator<Item = Result<BidResult, Problems>> + '_ {
        let lots = &self.run.ctx.tender.doc().lots;
        self.bids
            .iter()
            .zip(&self.placed)
            .filter_map(move |(bid, placed)| {
                let (lot, rank) = (*placed)?;
                let explained = (|| {
                    let mut w = self.run.start(bid)?;
                    self.run.price_bid(&mut w, &lots[lot], &self.plans[lot])?;
                    status::settle(&self.run, &mut w).map(|(_, result, _)| result)
                })();
                Some(match explained {
                    Ok(Some(mut result)) => {
                        result.rank = rank;
                        Ok(result)
                    }
                    // An explaining run explains every bid.
                    Ok(None) | Err(_) => Err(overflow(&bid.id)),
                })
            })
    }

    /// The problem that stopped the last serialisation part-way, if one did: a figure too large
    /// for exact arithmetic met while explaining a bid (the lean run met none, so this is met
    /// only in the explanations' own arithmetic).
    pub fn failure(&self) -> Option<Problems> {
        self.failed.borrow_mut().take()
    }
}

/// The bids, explained one at a time as they are written.
struct Lazy<'s, 'a>(&'s ScoreStream<'a>);

impl Serialize for Lazy<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for bid in self.0.bids() {
            match bid {
                Ok(bid) => seq.serialize_element(&bid)?,
                Err(problems) => {
                    let message = problems.to_string();
                    *self.0.failed.borrow_mut() = Some(problems);
                    return Err(S::Error::custom(message));
                }
            }
        }
        seq.end()
    }
}

impl Serialize for ScoreStream<'_> {
    /// As [`ScoreResult`] serialises, field for field, with the bids made as they are written.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// [`ScoreResult`]'s shape, with the bids lazy. Bound field by field below, so that a
        /// field added to `ScoreResult` fails to compile here until it is added.
        #[derive(Serialize)]
        struct Shape<'r, B> {
            document: &'r ResultDocument,
            engine: &'r EngineRef,
            protocol: &'r ProtocolRef,
            tender: &'r TenderRef,
            input_hash: &'r str,
            #[serde(skip_serializing_if = "Option::is_none")]
            regime: Option<&'r Decision>,
            rounding: &'r RoundingRef,
            findings: &'r [Finding],
            lots: &'r [LotResult],
            bids: B,
        }
        let ScoreResult {
            document,
            engine,
            protocol,
            tender,
            input_hash,
            regime,
            rounding,
            findings,
            lots,
            bids: _,
        } = &self.head;
        Shape {
            document,
            engine,
            protocol,
            tender,
            input_hash,
            regime: regime.as_ref(),
            rounding,
            findings,
            lots,
            bids: Lazy(self),
        }
        .serialize(s)
    }
}

/// A full score result around its lots and bids: the header, rounding and findings are the
/// same whether the bids are explained at once ([`score`]) or one at a time ([`ScoreStream`],
/// which passes no bids and writes them after).
pub(super) fn score_result(
    protocol: &crate::protocol::Protocol,
    tender: &crate::tender::Tender,
    bids: &Bids,
    lots: Vec<LotResult>,
    entries: Vec<BidResult>,
) -> ScoreResult {
    let (findings, _) = crate::barriers::findings(protocol, tender);
    let header = crate::provenance::header(protocol, tender, &[("bids", bids.digest())]);
    ScoreResult {
        document: ResultDocument::ScoreResult,
        engine: header.engine,
        protocol: header.protocol,
        tender: header.tender,
        input_hash: header.input_hash,
        regime: header.regime,
        rounding: crate::provenance::rounding_ref(protocol),
        findings,
        lots,
        bids: entries,
    }
}

//! Reading bids and drafts: accepts exactly what `schemas/bids.schema.json` and
//! `schemas/self-check.schema.json` accept, every problem located by a JSON pointer.

use crate::error::{Document, Problems};
use crate::exact::Exact;
use crate::read::{read_document, At, DecimalKind, Reader, TEXT_MAX};
use serde_json::Value;

use super::bid::{Bid, BidsDoc, ConsensusScore, GateOutcome, PanelScore};
use super::draft::{DraftBid, Expected, ExpectedGate};
use super::organisation::read_organisation;

/// A bid's (or draft's) rates: a price per unit by rate id.
fn read_rates(r: &mut Reader, at: Option<At>) -> Option<Vec<(String, Exact)>> {
    r.optional(at, |r, at| {
        r.map(Some(at), |r, _, at| r.decimal(Some(at), DecimalKind::Money))
    })
    .map(Option::unwrap_or_default)
}

fn read_facts(r: &mut Reader, at: Option<At>) -> Option<Vec<(String, Exact)>> {
    r.optional(at, |r, at| {
        r.map(Some(at), |r, _, at| {
            r.decimal(Some(at), DecimalKind::Figure)
        })
    })
    .map(Option::unwrap_or_default)
}

pub(super) fn read_bid(r: &mut Reader, at: At) -> Option<Bid> {
    let f = r.object(
        at,
        &[
            "id",
            "lot",
            "organisation",
            "price",
            "rates",
            "facts",
            "gates",
            "scores",
            "consensus",
        ],
        &["id", "lot", "organisation"],
    )?;
    let id = r.id(f.get("id"));
    let lot = r.id(f.get("lot"));
    let organisation = f
        .get("organisation")
        .and_then(|at| read_organisation(r, at));
    let price = r.optional(f.get("price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_written = written(f.get("price"));
    let rates = read_rates(r, f.get("rates"));
    let facts = read_facts(r, f.get("facts"));
    let gates = r
        .optional(f.get("gates"), |r, at| {
            r.map(Some(at), |r, _, at| r.choice::<GateOutcome>(Some(at)))
        })
        .map(Option::unwrap_or_default);
    let scores = r
        .optional(f.get("scores"), |r, at| {
            r.map(Some(at), |r, _, at| {
                let by_evaluator = r.map(Some(at), |r, evaluator, at| {
                    let f = r.object(at, &["score", "rationale"], &["score"])?;
                    let score = r.int(f.get("score"), 0, 100);
                    let rationale =
                        r.optional(f.get("rationale"), |r, at| r.text(Some(at), TEXT_MAX));
                    Some(PanelScore {
                        evaluator: evaluator.to_string(),
                        score: score?,
                        rationale: rationale?,
                    })
                })?;
                Some(by_evaluator.into_iter().map(|(_, s)| s).collect::<Vec<_>>())
            })
        })
        .map(Option::unwrap_or_default);
    let consensus = r
        .optional(f.get("consensus"), |r, at| {
            r.map(Some(at), |r, _, at| {
                let f = r.object(at, &["score", "rationale"], &["score", "rationale"])?;
                let score = r.int(f.get("score"), 0, 100);
                let rationale = r.text(f.get("rationale"), TEXT_MAX);
                Some(ConsensusScore {
                    score: score?,
                    rationale: rationale?,
                })
            })
        })
        .map(Option::unwrap_or_default);
    let price = price?;
    Some(Bid {
        id: id?,
        lot: lot?,
        organisation: organisation?,
        price_given: price.is_some(),
        price: price.unwrap_or(Exact::ZERO),
        price_written,
        rates: rates?,
        facts: facts?,
        gates: gates?,
        scores: scores?,
        consensus: consensus?,
    })
}

/// Reads a bids document: accepts exactly what the bids schema accepts.
///
/// # Errors
///
/// The document breaks the bids schema: every problem, each located.
pub fn read(value: &Value) -> Result<BidsDoc, Problems> {
    read_document(Document::Bids, value, read_bids_doc)
}

pub(crate) fn read_bids_doc(r: &mut Reader, at: At) -> Option<BidsDoc> {
    let f = r.object(
        at,
        &["$schema", "document", "tender", "bids"],
        &["document", "tender", "bids"],
    )?;
    r.document_tag(&f);
    let tender = r.id(f.get("tender"));
    let bids = r.list(f.get("bids"), 0, 5000, read_bid);
    Some(BidsDoc {
        tender: tender?,
        bids: bids?,
    })
}

/// The text of an amount as written, to quote back in a problem ("0.00", not "0").
fn written(at: Option<At>) -> String {
    at.and_then(|at| at.value.as_str())
        .unwrap_or_default()
        .to_string()
}

/// Reads a self-check document: accepts exactly what the self-check schema accepts.
///
/// # Errors
///
/// The document breaks the self-check schema: every problem, each located.
pub fn read_draft(value: &Value) -> Result<DraftBid, Problems> {
    read_document(Document::SelfCheck, value, read_draft_doc)
}

pub(crate) fn read_draft_doc(r: &mut Reader, at: At) -> Option<DraftBid> {
    let f = r.object(
        at,
        &[
            "$schema",
            "document",
            "tender",
            "lot",
            "organisation",
            "price",
            "rates",
            "facts",
            "gates",
            "expected",
            "competitor_lowest_price",
        ],
        &["document", "tender", "lot", "organisation"],
    )?;
    r.document_tag(&f);
    let tender = r.id(f.get("tender"));
    let lot = r.id(f.get("lot"));
    let organisation = f
        .get("organisation")
        .and_then(|at| read_organisation(r, at));
    let price = r.optional(f.get("price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_written = written(f.get("price"));
    let rates = read_rates(r, f.get("rates"));
    let facts = read_facts(r, f.get("facts"));
    let gates = r
        .optional(f.get("gates"), |r, at| {
            r.map(Some(at), |r, _, at| r.choice::<ExpectedGate>(Some(at)))
        })
        .map(Option::unwrap_or_default);
    let expected = r
        .optional(f.get("expected"), |r, at| {
            r.map(Some(at), |r, _, at| read_expected(r, at))
        })
        .map(Option::unwrap_or_default);
    let competitor = r.optional(f.get("competitor_lowest_price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price = price?;
    Some(DraftBid {
        tender: tender?,
        lot: lot?,
        organisation: organisation?,
        price_given: price.is_some(),
        price: price.unwrap_or(Exact::ZERO),
        price_written,
        rates: rates?,
        facts: facts?,
        gates: gates?,
        expected: expected?,
        competitor_lowest_price_written: f
            .get("competitor_lowest_price")
            .map(|at| written(Some(at))),
        competitor_lowest_price: competitor?,
    })
}

/// An expected score: `{"score": 3}`, or a range `{"low": 2, "high": 4}`.
fn read_expected(r: &mut Reader, at: At) -> Option<Expected> {
    let (f, which) = r.variant_by_keys(at, &[&["score"], &["low", "high"]])?;
    if which == 0 {
        let s = r.int(f.get("score"), 0, 100)?;
        Some(Expected {
            low: s,
            high: s,
            single: true,
        })
    } else {
        let low = r.int(f.get("low"), 0, 100);
        let high = r.int(f.get("high"), 0, 100);
        Some(Expected {
            low: low?,
            high: high?,
            single: false,
        })
    }
}

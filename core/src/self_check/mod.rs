//! Self-check: a bidder runs the same engine over its own draft before it submits.
//!
//! The bidder gives the scores it expects (one value or a low/high range) instead of a panel's.
//! The engine answers with the eligibility verdict, the gates, the projected total as a range,
//! and, criterion by criterion, the marks available against the marks expected, ordered by where
//! the most can still be gained. Price marks under a relative formula depend on other bids; the
//! engine states the assumption it makes rather than hiding it.
//!
//! A run goes: the [`draft`](CheckedDraft) is read and checked; `gates` lists the outcomes the
//! bidder expects; `criteria` projects each scored criterion by its method (`panel`, `banded`,
//! `price`, each giving an `estimate`); `flags` says what could exclude the bid or needs
//! checking; `total` adds the projection up and orders the criteria; `easy_read` says it all
//! again in short sentences.

mod banded;
mod criteria;
mod draft;
mod easy_read;
mod estimate;
mod flags;
mod gates;
mod model;
mod panel;
mod price;
mod total;

pub use draft::{checked_draft, checked_draft_from_json, CheckedDraft};
pub use easy_read::{easy_read, easy_read_pictured, Picture};

use crate::award::Ctx;
use crate::eligibility;
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Overflow;
use crate::protocol::Protocol;
use crate::provenance::{header, rounding_ref};
use crate::report::{ResultDocument, SelfCheckResult};
use crate::tender::Tender;

/// Runs a self-check: the bidder's draft projected against the protocol and tender.
///
/// # Errors
///
/// A figure too large to compute exactly.
pub fn run(
    protocol: &Protocol,
    tender: &Tender,
    draft: &CheckedDraft,
) -> Result<SelfCheckResult, Problems> {
    project(protocol, tender, draft).map_err(|_| {
        Problems(vec![Problem::new(
            Document::SelfCheck,
            "",
            ProblemKind::FigureTooLarge {
                detail: "while projecting the marks".into(),
            },
        )])
    })
}

fn project(
    protocol: &Protocol,
    tender: &Tender,
    checked: &CheckedDraft,
) -> Result<SelfCheckResult, Overflow> {
    let draft = &checked.draft;
    let ctx = Ctx {
        protocol,
        tender,
        rounding: protocol.doc().rounding,
    };
    let (verdict, eligibility) = eligibility::assess(protocol, &draft.organisation);
    let lot = tender.lot(&draft.lot);
    let gates = gates::rows(&ctx, draft);
    let mut flags = flags::gates(&gates);
    flags.extend(flags::reservation(
        tender,
        !protocol.regime_aware(),
        &draft.organisation,
        verdict,
    ));
    if let Some(lot) = lot {
        flags.extend(flags::price(&protocol.doc().award, draft, lot)?);
    }
    let mut criteria = criteria::project(&ctx, draft, lot)?;
    let lot_model = lot.map(|l| l.evaluation.model.clone()).unwrap_or_default();
    let model = model::project(&ctx, &lot_model, &criteria, draft.price)?;
    let available = model::restrict(&ctx, &lot_model, &mut criteria);
    flags.extend(criteria.flags);
    let (findings, _) = crate::barriers::findings(protocol, tender);
    let header = header(protocol, tender, &[("self-check", &checked.digest)]);
    let mut result = SelfCheckResult {
        document: ResultDocument::SelfCheckResult,
        engine: header.engine,
        protocol: header.protocol,
        tender: header.tender,
        input_hash: header.input_hash,
        regime: header.regime,
        rounding: rounding_ref(protocol),
        lot: draft.lot.clone(),
        bidder: draft.organisation.name.clone(),
        price: draft.price.to_fixed(2),
        eligibility,
        gates,
        projected: total::projection(&ctx, &criteria.rows, criteria.not_estimated, available)?,
        criteria: total::by_gain(criteria.rows),
        flags,
        findings,
        easy_read: Vec::new(),
        basket: match lot {
            Some(l) => price::basket(draft, l)?,
            None => None,
        },
        price_under: match lot {
            Some(l) => price::under_each(&ctx, draft, l)?,
            None => Vec::new(),
        },
        model,
    };
    result.easy_read = easy_read(&result);
    Ok(result)
}

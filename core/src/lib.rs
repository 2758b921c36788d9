//! # ulo-core: the rules of user-led commissioning
//!
//! A pure library (no I/O, no clock, no randomness, no floating point) that:
//! 1. checks a tender's design against a commissioning protocol for barriers to user-led
//!    organisations ([`Protocol::check_tender`]);
//! 2. decides whether a bidder is a user-led organisation ([`eligibility`]);
//! 3. scores bids against the protocol's award model ([`Protocol::score`]) and projects a
//!    bidder's own draft ([`Protocol::self_check`]),
//!
//! with every figure explained and traced to the clause that produced it ([`explain`]).
//!
//! Start with [`Protocol`]: read one once (or take [`Protocol::shipped`]), then read tenders and
//! bids against it and score them. Inputs are JSON documents whose contract is in `schemas/`;
//! problems come back as [`Problems`], each located by a JSON pointer.
//!
//! ```
//! use ulo_core::{Protocol, shipped};
//! let protocol = Protocol::shipped();
//! let tender = protocol.tender_from_json(shipped::EXAMPLE_TENDER).unwrap();
//! let bids = protocol.bids_from_json(&tender, shipped::EXAMPLE_BIDS).unwrap();
//! let result = protocol.score(&tender, &bids).unwrap();
//! assert_eq!(result.lots[0].ranking[0].rank, 1);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audit;
pub mod award;
pub mod barriers;
pub mod bids;
pub mod condition;
pub mod dates;
pub mod eligibility;
pub mod error;
pub mod exact;
pub mod explain;
pub mod export;
pub mod facts;
pub mod json;
pub mod ocds;
pub mod protocol;
pub mod read;
pub mod report;
pub mod self_check;
pub mod shipped;
pub mod tender;
pub mod what_if;

pub use bids::{Bids, DraftBid};
pub use error::{
    Document, Input, OcdsProblem, Problem, ProblemKind, ProblemReport, Problems, Reports,
};
pub use exact::Exact;
pub use protocol::Protocol;
pub use report::{ScoreResult, SelfCheckResult, TenderCheck};
pub use self_check::CheckedDraft;
pub use tender::Tender;

use report::{ProtocolRef, RoundingRef, TenderRef};

pub(crate) fn protocol_ref(p: &Protocol) -> ProtocolRef {
    let d = p.doc();
    ProtocolRef {
        id: d.id.clone(),
        title: d.title.clone(),
        version: d.version.clone(),
        effective_date: d.effective_date.to_string(),
    }
}

pub(crate) fn tender_ref(t: &Tender) -> TenderRef {
    let d = t.doc();
    TenderRef {
        id: d.id.clone(),
        title: d.title.clone(),
        authority: d.authority.clone(),
    }
}

pub(crate) fn rounding_ref(p: &Protocol) -> RoundingRef {
    let r = p.doc().rounding;
    RoundingRef {
        places: r.places,
        mode: r.mode.as_str(),
    }
}

/// Checks a document on its own: well formed (exactly what its schema accepts), and for a
/// protocol, consistent. Tenders, bids and self-checks are checked against a protocol (and bids
/// against a tender) when they are used; this is the check that needs no other document.
pub fn validate(document: Document, text: &str) -> Result<(), Problems> {
    let value = json::parse(text, document).map_err(|p| Problems(vec![p]))?;
    validate_value(document, &value)
}

/// As [`validate`], for a value already parsed.
pub fn validate_value(document: Document, value: &serde_json::Value) -> Result<(), Problems> {
    match document {
        Document::Protocol => Protocol::from_value(value).map(|_| ()),
        Document::Tender => tender::read(value).map(|_| ()),
        Document::Bids => bids::read(value).map(|_| ()),
        Document::SelfCheck => bids::read_draft(value).map(|_| ()),
    }
}

/// The kind of a document, from its `"document"` field.
pub fn document_kind(value: &serde_json::Value) -> Option<Document> {
    value
        .get("document")
        .and_then(serde_json::Value::as_str)
        .and_then(Document::from_tag)
}

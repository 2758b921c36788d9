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

// The modules split out in issue 11 are held to clippy's pedantic lints (test.sh's
// `clippy -- -D warnings` keeps them clean); the rest of the crate will follow as it is
// reworked. A pedantic lint is allowed only where its fix would hurt clarity, with the reason.

pub mod audit;
#[warn(clippy::pedantic)]
pub mod award;
pub mod barriers;
#[warn(clippy::pedantic)]
pub mod bids;
#[warn(clippy::pedantic)]
pub mod choice;
pub mod condition;
pub mod dates;
pub mod eligibility;
#[warn(clippy::pedantic)]
pub mod error;
pub mod exact;
pub mod explain;
pub mod export;
pub mod facts;
pub mod json;
#[warn(clippy::pedantic)]
pub mod ocds;
#[warn(clippy::pedantic)]
pub mod protocol;
mod provenance;
pub mod read;
pub mod regime;
#[warn(clippy::pedantic)]
pub mod report;
pub mod reserved;
#[warn(clippy::pedantic)]
pub mod self_check;
pub mod shipped;
pub mod shown;
#[warn(clippy::pedantic)]
pub mod tender;
#[cfg(feature = "ts")]
pub mod typescript;
#[warn(clippy::pedantic)]
pub mod vocab;
pub mod what_if;

pub use bids::{Bids, DraftBid};
pub use error::{
    CappedReports, Document, Input, OcdsProblem, Problem, ProblemKind, ProblemReport, Problems,
    Reports, PROBLEMS_LISTED,
};
pub use exact::Exact;
pub use protocol::Protocol;
pub use report::{ScoreResult, ScoreSummary, SelfCheckResult, TenderCheck};
pub use self_check::CheckedDraft;
pub use tender::Tender;

use serde_json::Value;
use tender::TenderDoc;
use what_if::Sweep;

/// What a protocol is used for, gathered in one place. Each operation lives in its domain
/// module as a function that takes the protocol (`barriers::check_tender`, `bids::read_for`...);
/// these methods only hand over to it, so that callers can write `protocol.check_tender(...)`.
impl Protocol {
    /// Imports a tender from OCDS data (see [`ocds`]).
    ///
    /// # Errors
    ///
    /// As [`ocds::import`].
    pub fn import_ocds(&self, input: &Value) -> Result<ocds::Import, error::Reports> {
        ocds::import(self, input)
    }

    /// Scores a tender's bids, explaining each bid as it is written; see [`award::score_stream`].
    ///
    /// # Errors
    ///
    /// As [`award::score`].
    pub fn score_stream<'a>(
        &'a self,
        tender: &'a Tender,
        bids: &'a Bids,
    ) -> Result<award::ScoreStream<'a>, Problems> {
        award::score_stream(self, tender, bids)
    }

    /// Scores a tender's bids; see [`award::score`]. A method, so that callers holding a protocol
    /// find scoring where they find reading.
    ///
    /// # Errors
    ///
    /// As [`award::score`]: a figure too large for exact arithmetic.
    pub fn score(&self, tender: &Tender, bids: &Bids) -> Result<ScoreResult, Problems> {
        award::score(self, tender, bids)
    }

    /// Scores a tender's bids in summary, explaining in full only the bids named in `explain`;
    /// see [`award::summary`]. For tenders whose full result would be too large
    /// ([`award::MAX_EXPLAINED`]), and for callers that need the figures, not the reasons.
    ///
    /// # Errors
    ///
    /// As [`award::summary`]: a name that is no bid's, too many bids named, or a figure too
    /// large for exact arithmetic.
    pub fn summary(
        &self,
        tender: &Tender,
        bids: &Bids,
        explain: &[String],
    ) -> Result<ScoreSummary, Problems> {
        award::summary(self, tender, bids, explain)
    }

    /// Ranks a tender's bids without explaining them; see [`award::rank`].
    ///
    /// # Errors
    ///
    /// As [`award::rank`]: a figure too large for exact arithmetic.
    pub fn rank(&self, tender: &Tender, bids: &Bids) -> Result<report::Ranking, Problems> {
        award::rank(self, tender, bids)
    }

    /// Parses, reads and checks a tender against this protocol.
    ///
    /// # Errors
    ///
    /// The JSON is not well formed, or the tender breaks its schema or this protocol:
    /// every problem, each located by a JSON pointer.
    pub fn tender_from_json(&self, text: &str) -> Result<Tender, Problems> {
        tender::check::from_json(self, text)
    }

    /// Reads and checks a tender against this protocol.
    ///
    /// # Errors
    ///
    /// The tender breaks its schema or this protocol: every problem, each located.
    pub fn tender(&self, value: &Value) -> Result<Tender, Problems> {
        tender::check::read_for(self, value)
    }

    /// Checks a read tender against this protocol and resolves its weights.
    ///
    /// # Errors
    ///
    /// The tender breaks this protocol: every problem, each located.
    pub fn check_tender_doc(&self, doc: TenderDoc, digest: String) -> Result<Tender, Problems> {
        tender::check::check(self, doc, digest)
    }

    /// Checks a tender's design against the protocol's barrier rules.
    #[must_use]
    pub fn check_tender(&self, tender: &Tender) -> TenderCheck {
        barriers::check_tender(self, tender)
    }

    /// Parses, reads and checks bids for a tender.
    ///
    /// # Errors
    ///
    /// The JSON is not well formed, or the bids break their schema, this protocol or
    /// the tender: every problem, each located.
    pub fn bids_from_json(&self, tender: &Tender, text: &str) -> Result<Bids, Problems> {
        bids::from_json(self, tender, text)
    }

    /// Reads and checks bids for a tender.
    ///
    /// # Errors
    ///
    /// The bids break their schema, this protocol or the tender: every problem, each located.
    pub fn bids(&self, tender: &Tender, value: &Value) -> Result<Bids, Problems> {
        bids::read_for(self, tender, value)
    }

    /// Checks read bids against this protocol and a tender.
    ///
    /// # Errors
    ///
    /// The bids break this protocol or the tender: every problem, each located.
    pub fn check_bids(
        &self,
        tender: &Tender,
        doc: bids::BidsDoc,
        digest: String,
    ) -> Result<Bids, Problems> {
        bids::check(self, tender, doc, digest)
    }

    /// Parses, reads and checks a self-check draft for a tender.
    ///
    /// # Errors
    ///
    /// The JSON is not well formed, or the draft breaks its schema, this protocol or
    /// the tender: every problem, each located.
    pub fn draft_from_json(&self, tender: &Tender, text: &str) -> Result<DraftBid, Problems> {
        bids::draft_from_json(self, tender, text)
    }

    /// Reads and checks a self-check draft for a tender.
    ///
    /// # Errors
    ///
    /// The draft breaks its schema, this protocol or the tender: every problem, each located.
    pub fn draft(&self, tender: &Tender, value: &Value) -> Result<DraftBid, Problems> {
        bids::read_draft_for(self, tender, value)
    }

    /// Reads and checks a self-check draft, keeping its digest.
    ///
    /// # Errors
    ///
    /// As [`Protocol::draft`].
    pub fn checked_draft(&self, tender: &Tender, value: &Value) -> Result<CheckedDraft, Problems> {
        self_check::checked_draft(self, tender, value)
    }

    /// Parses, reads and checks a self-check draft from JSON text.
    ///
    /// # Errors
    ///
    /// As [`Protocol::draft_from_json`].
    pub fn checked_draft_from_json(
        &self,
        tender: &Tender,
        text: &str,
    ) -> Result<CheckedDraft, Problems> {
        self_check::checked_draft_from_json(self, tender, text)
    }

    /// Runs a self-check.
    ///
    /// # Errors
    ///
    /// A figure too large to compute exactly.
    pub fn self_check(
        &self,
        tender: &Tender,
        draft: &CheckedDraft,
    ) -> Result<SelfCheckResult, Problems> {
        self_check::run(self, tender, draft)
    }

    /// Sweeps `criterion`'s weight across its allowed range in steps of `step` percentage
    /// points, moving `partner` (a sibling) the other way, and reports where rankings change.
    ///
    /// # Errors
    ///
    /// The tender or bids are not valid, the criteria cannot be swept together, or the
    /// step is not a positive figure with at most 2 decimal places.
    pub fn sweep(
        &self,
        tender: &Value,
        bids: &Value,
        criterion: &str,
        partner: &str,
        step: Exact,
    ) -> Result<Sweep, Problems> {
        what_if::sweep(self, tender, bids, criterion, partner, step)
    }
}

/// Checks a document on its own: well formed (exactly what its schema accepts), and for a
/// protocol, consistent. Tenders, bids and self-checks are checked against a protocol (and bids
/// against a tender) when they are used; this is the check that needs no other document.
///
/// # Errors
///
/// Every problem found in the document, each located by a JSON pointer.
pub fn validate(document: Document, text: &str) -> Result<(), Problems> {
    let value = json::parse(text, document).map_err(|p| Problems(vec![p]))?;
    validate_value(document, &value)
}

/// As [`validate`], for a value already parsed.
///
/// # Errors
///
/// Every problem found in the document, each located by a JSON pointer.
pub fn validate_value(document: Document, value: &Value) -> Result<(), Problems> {
    match document {
        Document::Protocol => Protocol::from_value(value).map(|_| ()),
        Document::Tender => tender::read(value).map(|_| ()),
        Document::Bids => bids::read(value).map(|_| ()),
        Document::SelfCheck => bids::read_draft(value).map(|_| ()),
    }
}

/// Reads a document with its kind's typed reader, as [`validate_value`] does before a protocol
/// is compiled, recording every object read with the fields the reader allowed and required
/// there ([`read::FieldsRead`]). For tests that hold the readers' field lists against the
/// schemas; the reading itself, and its problems, are those of any other read. Only with the
/// `record-fields` feature (see [`read::FieldsRead`] for why).
#[cfg(feature = "record-fields")]
pub fn fields_read(
    document: Document,
    value: &Value,
) -> (Result<(), Problems>, Vec<read::FieldsRead>) {
    use read::read_document_recording as record;
    match document {
        Document::Protocol => record(document, value, |r, at| protocol::read_doc(r, at).map(drop)),
        Document::Tender => record(document, value, |r, at| tender::read_doc(r, at).map(drop)),
        Document::Bids => record(document, value, |r, at| {
            bids::read_bids_doc(r, at).map(drop)
        }),
        Document::SelfCheck => record(document, value, |r, at| {
            bids::read_draft_doc(r, at).map(drop)
        }),
    }
}

/// The kind of a document, from its `"document"` field.
pub fn document_kind(value: &Value) -> Option<Document> {
    value
        .get("document")
        .and_then(Value::as_str)
        .and_then(Document::from_tag)
}

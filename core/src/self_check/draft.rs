//! The draft a self-check reads: checked against the protocol and tender, and kept with its
//! digest for the audit trail.

use crate::bids::DraftBid;
use crate::error::{Document, Problems};
use crate::protocol::Protocol;
use crate::tender::Tender;
use serde_json::Value;

/// A draft checked against a protocol and tender, with its digest for the audit trail.
#[derive(Clone, Debug)]
pub struct CheckedDraft {
    /// The draft.
    pub draft: DraftBid,
    /// SHA-256 of its canonical JSON.
    pub digest: String,
}

/// Reads and checks a self-check draft, keeping its digest.
///
/// # Errors
///
/// The draft breaks its schema, the protocol or the tender: every problem, each located.
pub fn checked_draft(
    protocol: &Protocol,
    tender: &Tender,
    value: &Value,
) -> Result<CheckedDraft, Problems> {
    let draft = crate::bids::read_draft_for(protocol, tender, value)?;
    Ok(CheckedDraft {
        draft,
        digest: crate::audit::digest(value),
    })
}

/// Parses, reads and checks a self-check draft from JSON text.
///
/// # Errors
///
/// The JSON is not well formed, or the draft breaks its schema, the protocol or the tender:
/// every problem, each located.
pub fn checked_draft_from_json(
    protocol: &Protocol,
    tender: &Tender,
    text: &str,
) -> Result<CheckedDraft, Problems> {
    let value = crate::json::parse(text, Document::SelfCheck).map_err(|p| Problems(vec![p]))?;
    checked_draft(protocol, tender, &value)
}

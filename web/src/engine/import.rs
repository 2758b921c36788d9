//! Files the user picks, read and checked by the core before anything in the app changes.

use super::model::protocol;
use crate::state::Workspace;
use serde_json::Value;
use ulo_core::error::Reports;
use ulo_core::ocds::Import;
use ulo_core::{Document, Problem, ProblemKind, Problems, Protocol};

/// Parses a file's text strictly (duplicate keys, size and depth refused).
fn parse(kind: Document, text: &str) -> Result<Value, Problems> {
    ulo_core::json::parse(text, kind).map_err(|p| Problems(vec![p]))
}

/// Reads an imported file as the given kind of document, checking it as far as the rest of the
/// workspace allows (a tender against the protocol; bids against the tender, when it is valid).
/// The workspace is changed only if this succeeds.
pub fn import(kind: Document, text: &str, ws: &Workspace) -> Result<Value, Problems> {
    let value = parse(kind, text)?;
    if let Some(found) = ulo_core::document_kind(&value) {
        if found != kind {
            return Err(Problems(vec![Problem::new(
                kind,
                "/document",
                ProblemKind::WrongDocument {
                    found: found.tag().into(),
                    expected: kind.tag(),
                },
            )]));
        }
    }
    match kind {
        Document::Protocol => {
            Protocol::from_value(&value)?;
        }
        Document::Tender => {
            protocol(ws)?.tender(&value)?;
        }
        Document::Bids => {
            let protocol = protocol(ws)?;
            match protocol.tender(&ws.tender) {
                Ok(t) => {
                    protocol.bids(&t, &value)?;
                }
                Err(_) => {
                    ulo_core::bids::read(&value)?;
                }
            }
        }
        Document::SelfCheck => {
            ulo_core::bids::read_draft(&value)?;
        }
    }
    Ok(value)
}

/// Reads a tender file for a bidder's self-check, checked against the protocol.
pub fn tender_file(protocol: &Protocol, text: &str) -> Result<Value, Problems> {
    parse(Document::Tender, text).and_then(|v| protocol.tender(&v).map(|_| v))
}

/// A draft tender from Open Contracting (OCDS) JSON text, with what mapped, what did not and
/// what the commissioner must still supply.
pub fn ocds_tender(protocol: &Protocol, text: &str) -> Result<Import, Reports> {
    ulo_core::ocds::import_json(protocol, text)
}

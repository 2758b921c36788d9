//! Bids: who bid, for which lot, at what price, and what the panel scored them.
//!
//! Also the bidder's own draft for a self-check, which carries expected scores instead of the
//! panel's. Reading accepts exactly what `schemas/bids.schema.json` and
//! `schemas/self-check.schema.json` accept; [`check`] and [`check_draft`] then check every
//! reference (lot, criterion, evaluator, gate, fact) and every score against its scale.
//!
//! By part: `bid.rs` a bid and the bids of a tender, `draft.rs` a self-check draft, `read.rs`
//! reading both documents, `check.rs` checking them, `organisation.rs` the bidder's
//! organisation, `stream.rs` a large document read a bid at a time, and [`csv`] bids from a
//! spreadsheet. Every item is re-exported here, so callers name `bids::Bid`, `bids::check`.

use crate::audit;
use crate::error::{Document, Problems};
use crate::protocol::Protocol;
use crate::read::read_document;
use crate::tender::Tender;
use serde_json::Value;

mod bid;
mod check;
pub mod csv;
mod draft;
mod organisation;
mod read;
mod stream;
pub use stream::{split, Top};

pub use bid::{lookup, Bid, Bids, BidsDoc, ConsensusScore, GateOutcome, PanelScore};
pub use check::{check, check_draft, panel_criteria};
pub use draft::{DraftBid, Expected, ExpectedGate};
pub use organisation::{
    read_organisation_value, Board, Organisation, Staff, Volunteers, Workforce,
};
use read::read_bid;
pub(crate) use read::read_bids_doc;
#[cfg(feature = "record-fields")]
pub(crate) use read::read_draft_doc;
pub use read::{read, read_draft};

/// Parses, reads and checks bids for a tender.
///
/// # Errors
///
/// The JSON is not well formed, or the bids break their schema, the protocol or the tender:
/// every problem, each located.
pub fn from_json(protocol: &Protocol, tender: &Tender, text: &str) -> Result<Bids, Problems> {
    // A valid document is read a bid at a time (see `stream`); anything else is read whole, so
    // that its problems are reported exactly as they always were.
    if let Some((doc, digest)) = read_a_bid_at_a_time(text) {
        return check(protocol, tender, doc, digest);
    }
    let value = crate::json::parse(text, Document::Bids).map_err(|p| Problems(vec![p]))?;
    read_for(protocol, tender, &value)
}

/// A valid bids document read a bid at a time (see `stream`), with its digest; `None` for
/// anything else.
fn read_a_bid_at_a_time(text: &str) -> Option<(BidsDoc, String)> {
    let mut doc = None;
    let mut bids = Vec::new();
    let digest = stream::each_bid(
        text,
        |top| {
            doc = Some(read_document(Document::Bids, top, read_bids_doc).ok()?);
            Some(())
        },
        |v| {
            bids.push(read_document(Document::Bids, v, read_bid).ok()?);
            Some(())
        },
    )?;
    let mut doc = doc?;
    doc.bids = bids;
    Some((doc, digest))
}

/// Reads and checks bids for a tender.
///
/// # Errors
///
/// The bids break their schema, the protocol or the tender: every problem, each located.
pub fn read_for(protocol: &Protocol, tender: &Tender, value: &Value) -> Result<Bids, Problems> {
    let doc = read(value)?;
    check(protocol, tender, doc, audit::bids_digest(value))
}

/// Parses, reads and checks a self-check draft for a tender.
///
/// # Errors
///
/// The JSON is not well formed, or the draft breaks its schema, the protocol or the tender:
/// every problem, each located.
pub fn draft_from_json(
    protocol: &Protocol,
    tender: &Tender,
    text: &str,
) -> Result<DraftBid, Problems> {
    let value = crate::json::parse(text, Document::SelfCheck).map_err(|p| Problems(vec![p]))?;
    read_draft_for(protocol, tender, &value)
}

/// Reads and checks a self-check draft for a tender.
///
/// # Errors
///
/// The draft breaks its schema, the protocol or the tender: every problem, each located.
pub fn read_draft_for(
    protocol: &Protocol,
    tender: &Tender,
    value: &Value,
) -> Result<DraftBid, Problems> {
    let mut draft = read_draft(value)?;
    draft.price = check_draft(protocol, tender, &draft)?;
    Ok(draft)
}

#[cfg(test)]
mod stream_tests {
    use super::*;
    use crate::json;

    /// The document read whole, as the fallback reads it.
    fn whole(text: &str) -> Option<(BidsDoc, String)> {
        let v = json::parse(text, Document::Bids).ok()?;
        let doc = read(&v).ok()?;
        Some((doc, crate::audit::bids_digest(&v)))
    }

    fn same(text: &str) {
        let a = read_a_bid_at_a_time(text).map(|(d, h)| (format!("{d:?}"), h));
        let b = whole(text).map(|(d, h)| (format!("{d:?}"), h));
        assert!(a.is_some(), "not read a bid at a time: {text}");
        assert_eq!(a, b, "{text}");
    }

    #[test]
    fn a_bid_at_a_time_reads_what_the_whole_document_reads() {
        same(crate::shipped::EXAMPLE_BIDS);
        // Text that looks like structure inside strings, escapes, keys in any order, spacing.
        same(
            "\r\n { \"bids\" : [ {\"id\":\"a\",\"lot\":\"l\",\"price\":\"1\",\"organisation\":{\"name\":\"x ] } , [ \\\" \\\\\"}} ,\n{\"organisation\":{\"name\":\"\\u0041\"},\"id\":\"b\",\"lot\":\"l\",\"price\":\"2\"}\t] , \"tender\" : \"t\", \"document\":\"bids\" } \n",
        );
        same("{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]}");
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_document_reader() {
        for text in [
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[],\"bids\":[]}",
            "{\"document\":\"bids\",\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[1 2]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[],}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]} x",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":{}}",
            "{\"document\":\"bids\",\"tender\":\"t\"}",
            "[]",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[{\"id\":\"a\"}]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[\"unterminated]}",
        ] {
            assert!(read_a_bid_at_a_time(text).is_none(), "{text}");
        }
    }
}

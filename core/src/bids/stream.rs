//! Reading a large bids document one bid at a time, so that the parsed JSON of the whole
//! document is never held at once.
//!
//! A parsed `serde_json::Value` costs about forty times its text for a bids document (every
//! evaluator's `{"score": 3}` is a map of its own), which made reading 64 MB of bids take
//! several gigabytes. Here the document's text is split into its bids' texts first (borrowed,
//! not copied), and each bid is parsed, read, fingerprinted and dropped in turn, so the peak is
//! the text, the typed bids and one bid's parse.
//!
//! This is the path for valid documents only: anything it does not accept as it stands (a
//! syntax error, a duplicate key, a bid the reader refuses, too many bids, nesting near the
//! limit) gives `None`, and the caller reads the whole document as before, so every problem
//! is reported exactly as it always was, with the same pointers and words.

use super::{read_bid, read_bids_doc, BidsDoc};
use crate::error::Document;
use crate::json::{self, write_canonical, MAX_DEPTH, MAX_DOCUMENT_BYTES};
use crate::read::read_document;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::fmt;

/// The most bids a document may hold (as the reader and the schema say).
const MAX_BIDS: usize = 5000;

/// The top level of a bids document, split: each field's text, and each bid's text.
struct Top<'a> {
    fields: Vec<(String, &'a RawValue)>,
    bids: Option<Vec<&'a RawValue>>,
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a bids document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let mut top = Top {
            fields: Vec::new(),
            bids: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            let repeated = top.fields.iter().any(|(k, _)| *k == key)
                || (key == "bids" && top.bids.is_some());
            if repeated {
                return Err(de::Error::custom("duplicate key"));
            }
            if key == "bids" {
                top.bids = Some(map.next_value()?);
            } else {
                top.fields.push((key, map.next_value()?));
            }
        }
        Ok(top)
    }
}

/// How deeply a value nests containers (a scalar is 0).
fn depth(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A valid bids document read one bid at a time, with its digest (the same as
/// [`crate::audit::bids_digest`] of the whole); `None` for anything else.
pub(super) fn read(text: &str) -> Option<(BidsDoc, String)> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let top = de.deserialize_map(TopVisitor).ok()?;
    de.end().ok()?;
    let raw_bids = top.bids?;
    if raw_bids.len() > MAX_BIDS {
        return None;
    }
    // Everything but the bids, parsed as the whole document would be, with the bids left empty
    // for the document's own reader.
    let mut rest = Map::new();
    for (key, raw) in top.fields {
        let v = json::parse(raw.get(), Document::Bids).ok()?;
        if depth(&v) + 2 >= MAX_DEPTH {
            return None;
        }
        rest.insert(key, v);
    }
    rest.insert("bids".into(), Value::Array(Vec::new()));
    let rest = Value::Object(rest);
    let mut doc = read_document(Document::Bids, &rest, read_bids_doc).ok()?;
    let mut canonical = Vec::with_capacity(raw_bids.len());
    for raw in raw_bids {
        let v = json::parse(raw.get(), Document::Bids).ok()?;
        if depth(&v) + 2 >= MAX_DEPTH {
            return None;
        }
        let bid = read_document(Document::Bids, &v, read_bid).ok()?;
        let id = v.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let mut text = Vec::new();
        write_canonical(&v, &mut text);
        canonical.push((id, text));
        doc.bids.push(bid);
    }
    let digest = crate::audit::bids_digest_parts(rest.as_object()?, Some(canonical));
    Some((doc, digest))
}

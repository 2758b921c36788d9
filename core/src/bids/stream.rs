//! Reading a large bids document one bid at a time, so that the parsed JSON of the whole
//! document is never held at once.
//!
//! A parsed `serde_json::Value` costs about forty times its text for a bids document (every
//! evaluator's `{"score": 3}` is a map of its own), which made reading 64 MB of bids take
//! several gigabytes. Here the document's text is split into its bids' texts first (borrowed,
//! not copied, by a scan of its brackets and strings; `serde_json`'s `RawValue` would do it but
//! costs 17 KB gzipped in the JS package), and each bid is parsed, read, fingerprinted and dropped in turn, so the peak is
//! the text, the typed bids and one bid's parse.
//!
//! This is the path for valid documents only: anything it does not accept as it stands (a
//! syntax error, a duplicate key, a bid the reader refuses, too many bids, nesting near the
//! limit) gives `None`, and the caller reads the whole document as before, so every problem
//! is reported exactly as it always was, with the same pointers and words.

use crate::error::Document;
use crate::json::{self, write_canonical, MAX_DEPTH, MAX_DOCUMENT_BYTES};
use serde_json::{Map, Value};

/// The most bids a document may hold (as the reader and the schema say).
const MAX_BIDS: usize = 5000;

/// The top level of a bids document, split into texts: each field's, and each bid's.
#[derive(Debug)]
pub struct Top<'a> {
    /// Each field but `bids`: its name and its value's text.
    pub fields: Vec<(String, &'a str)>,
    /// Each bid's text (`None` when the document has no `bids`).
    pub bids: Option<Vec<&'a str>>,
}

/// Past JSON whitespace.
fn ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Just past the string that opens at `i`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut escaped = false;
    for (j, &c) in b.iter().enumerate().skip(i + 1) {
        match c {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(j + 1),
            _ => {}
        }
    }
    None
}

/// Where the value that starts at `i` ends: the first `,`, `}` or `]` outside it. The text is
/// only split here; each piece is then parsed strictly, which refuses anything this lets by.
fn value_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = string_end(b, i)?;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' | b',' if depth == 0 => return Some(i),
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some(i)
}

/// The elements of the list whose text is `t[i..end]`.
#[allow(
    clippy::many_single_char_names,
    reason = "a scanner of bytes: `t` the text, `b` its bytes, `i`, `j` and `e` places in it, as in `value_end`"
)]
fn elements(t: &str, i: usize, end: usize) -> Option<Vec<&str>> {
    let b = t.as_bytes();
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut out = Vec::new();
    let mut j = ws(b, i + 1);
    if b.get(j) == Some(&b']') {
        return (ws(b, j + 1) == end).then_some(out);
    }
    loop {
        let e = value_end(b, j)?;
        out.push(&t[j..e]);
        match b.get(e) {
            Some(b',') => j = ws(b, e + 1),
            Some(b']') => return (ws(b, e + 1) == end).then_some(out),
            _ => return None,
        }
    }
}

/// Splits a document's text into its top-level fields and its bids' texts, without parsing
/// them; `None` for anything that is not plainly an object with a list, or that names a key
/// twice. For a caller that checks each bid on its own (the command line's JSON Schema check).
#[must_use]
pub fn split(t: &str) -> Option<Top<'_>> {
    let b = t.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(b, i + 1);
    let mut top = Top {
        fields: Vec::new(),
        bids: None,
    };
    loop {
        let k = string_end(b, i)?;
        let Ok(Value::String(key)) = json::parse(&t[i..k], Document::Bids) else {
            return None;
        };
        i = ws(b, k);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = ws(b, i + 1);
        let end = value_end(b, i)?;
        let repeated =
            top.fields.iter().any(|(f, _)| *f == key) || (key == "bids" && top.bids.is_some());
        if repeated {
            return None;
        }
        if key == "bids" {
            top.bids = Some(elements(t, i, end)?);
        } else {
            top.fields.push((key, &t[i..end]));
        }
        match b.get(end) {
            Some(b',') => i = ws(b, end + 1),
            Some(b'}') => return (ws(b, end + 1) == b.len()).then_some(top),
            _ => return None,
        }
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

/// Walks a bids document a bid at a time: `top` is given the document's other fields (with
/// `bids` empty), then `bid` each bid's parsed value in turn, which is dropped after; gives the
/// document's digest (the same as [`crate::audit::bids_digest`] of the whole). `None` as soon as
/// anything is unusual, or `top` or `bid` gives `None`.
pub(super) fn each_bid(
    text: &str,
    top: impl FnOnce(&Value) -> Option<()>,
    mut bid: impl FnMut(&Value) -> Option<()>,
) -> Option<String> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return None;
    }
    let split = split(text)?;
    let raw_bids = split.bids?;
    if raw_bids.len() > MAX_BIDS {
        return None;
    }
    // Everything but the bids, parsed as the whole document would be.
    let mut rest = Map::new();
    for (key, raw) in split.fields {
        let v = json::parse(raw, Document::Bids).ok()?;
        if depth(&v) + 2 >= MAX_DEPTH {
            return None;
        }
        rest.insert(key, v);
    }
    rest.insert("bids".into(), Value::Array(Vec::new()));
    let rest = Value::Object(rest);
    top(&rest)?;
    let mut canonical = Vec::with_capacity(raw_bids.len());
    for raw in raw_bids {
        let v = json::parse(raw, Document::Bids).ok()?;
        if depth(&v) + 2 >= MAX_DEPTH {
            return None;
        }
        bid(&v)?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let mut text = Vec::new();
        write_canonical(&v, &mut text);
        canonical.push((id, text));
    }
    Some(crate::audit::bids_digest_parts(
        rest.as_object()?,
        Some(canonical),
    ))
}

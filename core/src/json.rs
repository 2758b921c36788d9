//! Reading JSON text strictly.
//!
//! `serde_json` quietly keeps the last of two equal keys; a tender whose `"value"` appears twice
//! could then be scored on a figure nobody meant. This reader refuses duplicate keys, caps the
//! size and nesting of a document, and reports where it stopped as a JSON pointer as well as a
//! line and column.

use crate::error::{Input, Problem, ProblemKind};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// The largest document accepted, in bytes (64 MiB: 1,000 bids of 50 criteria scored by five
/// evaluators, with rationales, fits well inside).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of objects and lists accepted. Real documents need about ten.
pub const MAX_DEPTH: usize = 32;

#[derive(Default)]
struct Trail {
    path: Vec<Step>,
    duplicate: Option<String>,
    too_deep: bool,
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// One step of the path to where the parser is: written out only if there is an error, so
/// that parsing a good document allocates nothing for it.
enum Step {
    Index(usize),
    Key(String),
}

fn pointer_of(path: &[Step]) -> String {
    path.iter()
        .map(|t| match t {
            Step::Index(i) => format!("/{i}"),
            Step::Key(k) => format!("/{}", escape_token(k)),
        })
        .collect()
}

struct ValueSeed<'t> {
    trail: &'t RefCell<Trail>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter::<A::Error>()?;
        let mut out = Vec::new();
        loop {
            self.trail.borrow_mut().path.push(Step::Index(out.len()));
            match seq.next_element_seed(ValueSeed { trail: self.trail })? {
                Some(v) => {
                    self.trail.borrow_mut().path.pop();
                    out.push(v);
                }
                None => {
                    self.trail.borrow_mut().path.pop();
                    break;
                }
            }
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter::<A::Error>()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                // The pointer names the repeated key itself, so even a duplicate at the top
                // level of a document is located.
                let mut t = self.trail.borrow_mut();
                t.path.push(Step::Key(key.clone()));
                t.duplicate = Some(key);
                return Err(de::Error::custom("duplicate key"));
            }
            // The key waits on the path while its value is read, and is taken back after.
            self.trail.borrow_mut().path.push(Step::Key(key));
            let v = map.next_value_seed(ValueSeed { trail: self.trail })?;
            if let Some(Step::Key(key)) = self.trail.borrow_mut().path.pop() {
                out.insert(key, v);
            }
        }
        Ok(Value::Object(out))
    }
}

impl ValueSeed<'_> {
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        let mut t = self.trail.borrow_mut();
        if t.path.len() >= MAX_DEPTH {
            t.too_deep = true;
            return Err(E::custom("too deep"));
        }
        Ok(())
    }
}

/// Parses JSON text into a value, refusing duplicate keys, oversized documents and deep
/// nesting. The error is located by JSON pointer (and line and column for syntax errors).
// One located problem is the whole answer here, and callers wrap it in `Problems` at once;
// boxing it would only add an allocation to every caller.
#[allow(clippy::result_large_err)]
pub fn parse(text: &str, document: impl Into<Input>) -> Result<Value, Problem> {
    let document = document.into();
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::new(
            document,
            "",
            ProblemKind::TooLarge {
                bytes: text.len(),
                limit: MAX_DOCUMENT_BYTES,
            },
        ));
    }
    let trail = RefCell::new(Trail::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let result = ValueSeed { trail: &trail }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|_| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            let t = trail.into_inner();
            let pointer = pointer_of(&t.path);
            let kind = if let Some(key) = t.duplicate {
                ProblemKind::DuplicateKey { key }
            } else if t.too_deep || e.to_string().starts_with("recursion limit exceeded") {
                ProblemKind::TooDeep { limit: MAX_DEPTH }
            } else {
                ProblemKind::Syntax {
                    detail: syntax_detail(&e),
                    line: e.line(),
                    column: e.column(),
                }
            };
            Err(Problem::new(document, pointer, kind))
        }
    }
}

/// The parser's message without its own " at line X column Y" tail (we add ours).
fn syntax_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let cut = text.find(" at line ").unwrap_or(text.len());
    let detail = &text[..cut];
    match detail {
        "EOF while parsing a value"
        | "EOF while parsing an object"
        | "EOF while parsing a list"
        | "EOF while parsing a string" => "the text ends too soon".to_string(),
        "trailing characters" => "there is more text after the end of the document".to_string(),
        "trailing comma" => "there is a comma before a closing bracket".to_string(),
        "key must be a string" => "object keys must be in double quotes".to_string(),
        _ => detail.to_lowercase(),
    }
}

/// Writes `value` as canonical JSON to the end of `out`: object keys sorted by their bytes, no
/// whitespace, serde_json's escaping. Used for the audit hash, so that the same inputs give the
/// same hash whatever order their keys were written in, on any platform and with any serde_json
/// features; the digests hash these bytes without building a string per value.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            out.push(b'{');
            for (i, (k, v)) in sorted_entries(map).into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(k, out);
                out.push(b':');
                write_canonical(v, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(v, out);
            }
            out.push(b']');
        }
        // Writing to a Vec cannot fail, and a number or string always serialises.
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

/// An object's entries in key order, whatever serde_json's features: its maps iterate in key
/// order unless `preserve_order` is on, so the sort is nearly always skipped.
pub fn sorted_entries(map: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    if !entries.is_sorted_by(|a, b| a.0 <= b.0) {
        entries.sort_by(|a, b| a.0.cmp(b.0));
    }
    entries
}

/// Writes `text` as a JSON string, escaped as serde_json escapes it.
pub fn write_string(text: &str, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *out, text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Document;

    #[test]
    fn refuses_duplicate_keys_with_pointer() {
        let e = parse(
            r#"{"lots":[{"id":"a","value":"1","value":"2"}]}"#,
            Document::Tender,
        )
        .unwrap_err();
        assert_eq!(e.pointer, "/lots/0/value");
        assert_eq!(
            e.kind,
            ProblemKind::DuplicateKey {
                key: "value".into()
            }
        );
        let top = parse(r#"{"a": 1, "a": 2}"#, Document::Tender).unwrap_err();
        assert_eq!(top.pointer, "/a");
    }

    #[test]
    fn reports_syntax_errors_with_line_and_pointer() {
        let e = parse("{\n \"a\": [1, 2,, 3]\n}", Document::Bids).unwrap_err();
        assert_eq!(e.pointer, "/a/2");
        match e.kind {
            ProblemKind::Syntax { line, .. } => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn refuses_deep_nesting() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = parse(&text, Document::Protocol).unwrap_err();
        assert_eq!(e.kind, ProblemKind::TooDeep { limit: MAX_DEPTH });
    }

    #[test]
    fn canonical_form_sorts_keys() {
        let v = parse(
            r#"{"b": [1, {"d": true, "c": null}], "a": "x"}"#,
            Document::Tender,
        )
        .unwrap();
        let mut out = Vec::new();
        write_canonical(&v, &mut out);
        assert_eq!(out, br#"{"a":"x","b":[1,{"c":null,"d":true}]}"#);
    }
}

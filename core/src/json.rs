//! Reading JSON text strictly.
//!
//! `serde_json` quietly keeps the last of two equal keys; a tender whose `"value"` appears twice
//! could then be scored on a figure nobody meant. This reader refuses duplicate keys, caps the
//! size and nesting of a document, and reports where it stopped as a JSON pointer as well as a
//! line and column.
//!
//! **Numbers keep their text.** Read through a float, `2.9999999999999999999` is 3 and `1e-400`
//! is 0, and a score so written changed a total without a word. So every number is kept as the
//! digits written (serde_json's `arbitrary_precision` feature, on for the whole workspace), and
//! the typed reader decides from those digits whether it is a whole number in range
//! ([`crate::read::Reader::int`]), as the OCDS import does for amounts and weights. Of the three
//! ways to keep a number's text, this is the smallest that is correct: `RawValue` cannot be
//! asked for inside a `Value` tree, and a pre-scan of the text recording each number's text by
//! pointer would be a second JSON lexer kept in step with serde_json's (and could only refuse,
//! at the parser, a number a float cannot hold, wherever it is: a long coordinate in an OCDS
//! release the import never reads would refuse the whole release). Its costs: a number is
//! handed to a visitor as a one-entry map with a private key (handled in `visit_map`, and the
//! key refused when a document writes it itself); a number holds its text on the heap (peak
//! memory reading 1,000 bids of 100 criteria by 7 evaluators, 700,000 scores: 652 to 674 MB); the JS package grows by about 6 KB gzipped; and the audit
//! hash spells a number as written (an exponent as serde_json normalises it, `4e0` as `4e+0`),
//! which for a number written as an integer or a float's shortest form (`4`, `4.0`) is the
//! spelling it always had, so every recorded result is unchanged.
//!
//! **Text is whole characters.** A `\ud800` escape with no partner is not a character; it is
//! refused at its pointer as a lone surrogate, in words that do not assume the caller wrote the
//! escape (the JS API writes it when it turns a JS string with a lone surrogate into JSON).

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

/// The key under which serde_json (with `arbitrary_precision`) hands a number's text to a
/// visitor, as the one entry of a map. Not public in serde_json; the tests fail if it changes.
const NUMBER_KEY: &str = "$serde_json::private::Number";

#[derive(Default)]
struct Trail {
    path: Vec<Step>,
    duplicate: Option<String>,
    too_deep: bool,
    /// A document wrote serde_json's private number key itself.
    posing: bool,
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
    /// Never called: with `arbitrary_precision`, serde_json hands a number that is not a plain
    /// integer over as its text (`visit_map`). Written out so that the default, which formats
    /// the float into its message, does not bring float formatting into the wasm package.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Err(E::custom("a number read through a float"))
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
        let mut out = Map::new();
        let mut first = true;
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_KEY {
                // A number's text (the only entry of its map), unless a document wrote the key
                // itself: `NumberText` tells the two apart and refuses the second.
                self.trail.borrow_mut().path.push(Step::Key(key));
                if !first {
                    self.trail.borrow_mut().posing = true;
                    return Err(de::Error::custom(POSING));
                }
                let n = map.next_value_seed(NumberText { trail: self.trail })?;
                self.trail.borrow_mut().path.pop();
                return Ok(Value::Number(n));
            }
            if first {
                // Only now is this known to be an object, which nests one level deeper.
                self.enter::<A::Error>()?;
                first = false;
            }
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
        if first {
            self.enter::<A::Error>()?;
        }
        Ok(Value::Object(out))
    }
}

/// Reads a number's text from serde_json's one-entry number map. serde_json gives that text as
/// an owned `String` (`visit_string`); a JSON string in a document is given borrowed
/// (`visit_borrowed_str` or `visit_str`), so a document that writes
/// `{"$serde_json::private::Number": "3"}` is refused here instead of becoming the number 3.
struct NumberText<'t> {
    trail: &'t RefCell<Trail>,
}

impl<'de> DeserializeSeed<'de> for NumberText<'_> {
    type Value = serde_json::Number;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // Marked before reading: any answer but serde_json's own is refused by the visitor.
        self.trail.borrow_mut().posing = true;
        let n = d.deserialize_any(NumberTextVisitor)?;
        self.trail.borrow_mut().posing = false;
        Ok(n)
    }
}

struct NumberTextVisitor;

const POSING: &str = "private number key";

impl<'de> Visitor<'de> for NumberTextVisitor {
    type Value = serde_json::Number;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number's text")
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        text.parse().map_err(|_| E::custom("not a number"))
    }

    // Anything else is a document posing as a number. Each is refused in its own words rather
    // than by serde's defaults, whose message formats the value found: that formatting (floats
    // included) would otherwise enter the wasm package for an error nobody reads.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom(POSING))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom(POSING))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom(POSING))
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
            } else if t.posing {
                ProblemKind::Syntax {
                    detail: format!("the key \"{NUMBER_KEY}\" is reserved for the JSON reader"),
                    line: e.line(),
                    column: e.column(),
                }
            } else if let Some(unit) = lone_surrogate(text, &e) {
                ProblemKind::LoneSurrogate { unit }
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

/// The lone surrogate behind a serde_json "hex escape" error: the last `\uXXXX` escape of a
/// surrogate before where the parser stopped. serde_json stops just after the lone escape, or
/// after the escape or character that follows it, which is never more than 12 bytes on.
fn lone_surrogate(text: &str, e: &serde_json::Error) -> Option<u16> {
    let message = e.to_string();
    if !message.starts_with("lone leading surrogate in hex escape")
        && !message.starts_with("unexpected end of hex escape")
    {
        return None;
    }
    // Lines are counted by '\n' and columns in bytes, from 1.
    let line_start = if e.line() <= 1 {
        0
    } else {
        text.match_indices('\n').nth(e.line() - 2)?.0 + 1
    };
    let end = (line_start + e.column()).min(text.len());
    let bytes = text.as_bytes();
    let from = end.saturating_sub(12 + 6);
    (from..end.saturating_sub(5))
        .rev()
        .filter(|&i| bytes[i] == b'\\' && bytes[i + 1] == b'u')
        .filter_map(|i| u16::from_str_radix(text.get(i + 2..i + 6)?, 16).ok())
        .find(|unit| (0xD800..=0xDFFF).contains(unit))
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

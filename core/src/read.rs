//! Reading a parsed JSON value into the typed model, collecting every problem on the way.
//!
//! The rules here mirror the JSON Schemas in `schemas/` exactly (types, required and allowed
//! fields, patterns, bounds, lengths); the conformance tests prove the two accept and reject the
//! same documents. Each `read` returns `None` when the value is unusable, after recording why,
//! so that a whole document is read and every problem reported in one pass.

// Kept at its old path for the modules that still name it here (award/, ocds.rs).
pub(crate) use crate::choice::Choice;
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Exact;
use crate::json::escape_token;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The longest title (of a protocol, tender, lot, criterion...) any document may hold.
pub const TITLE_MAX: usize = 200;
/// The longest text (a description, a rationale, a finding...) any document may hold.
pub const TEXT_MAX: usize = 2000;

/// Where a value is in its document, as a chain of steps back to the root. Building a path
/// costs nothing; the JSON pointer is written out only when a problem is reported.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The JSON pointer (RFC 6901).
    pub fn pointer(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => format!("{}/{}", parent.pointer(), escape_token(key)),
            Path::Index(parent, i) => format!("{}/{}", parent.pointer(), i),
        }
    }
}

/// A value and where it is.
#[derive(Clone, Copy)]
pub struct At<'a> {
    /// The value.
    pub value: &'a Value,
    /// Where it is.
    pub path: Path<'a>,
}

impl<'a> At<'a> {
    /// The root of a document.
    pub fn root(value: &'a Value) -> At<'a> {
        At {
            value,
            path: Path::Root,
        }
    }

    /// The JSON pointer of this value.
    pub fn pointer(&self) -> String {
        self.path.pointer()
    }
}

/// A JSON object whose keys have been checked against the allowed set.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: Path<'a>,
}

impl<'a> Fields<'a> {
    /// A field, if present.
    pub fn get<'s>(&'s self, key: &'s str) -> Option<At<'s>> {
        self.map.get(key).map(|value| At {
            value,
            path: Path::Key(&self.path, key),
        })
    }

    /// The object's own pointer.
    pub fn pointer(&self) -> String {
        self.path.pointer()
    }

    /// The pointer of one of its fields (present or not).
    pub fn ptr_of(&self, key: &str) -> String {
        format!("{}/{}", self.path.pointer(), escape_token(key))
    }
}

/// The kinds of exact decimal the formats use, each with its schema pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalKind {
    /// Pounds and pence: up to 13 whole digits, up to 2 places. `"250000.00"`.
    Money,
    /// A percentage from 0 to 100, up to 2 places. `"37.5"`.
    Percent,
    /// Any other non-negative figure (a multiple, a bid fact): up to 13 whole digits, 4 places.
    Figure,
}

impl DecimalKind {
    /// The regular expression the schemas use for this kind.
    pub fn pattern(self) -> &'static str {
        match self {
            DecimalKind::Money => r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$",
            DecimalKind::Percent => r"^(100(\.0{1,2})?|[1-9]?[0-9](\.[0-9]{1,2})?)$",
            DecimalKind::Figure => r"^(0|[1-9][0-9]{0,12})(\.[0-9]{1,4})?$",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            DecimalKind::Money => "an amount in pounds written as text, such as \"250000\" or \"1250.50\" (no commas or symbols, at most 2 decimal places)",
            DecimalKind::Percent => "a percentage from 0 to 100 written as text, such as \"30\" or \"12.5\" (at most 2 decimal places)",
            DecimalKind::Figure => "a figure of zero or more written as text, such as \"2\" or \"0.75\" (at most 4 decimal places)",
        }
    }

    /// Checks the text against the pattern, by hand, so the core needs no regex engine.
    fn accepts(self, s: &str) -> bool {
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (s, None),
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) {
            return false;
        }
        if let Some(f) = frac {
            if !digits(f) {
                return false;
            }
        }
        let places = frac.map_or(0, str::len);
        match self {
            DecimalKind::Money | DecimalKind::Figure => {
                let max_places = if self == DecimalKind::Money { 2 } else { 4 };
                (whole == "0" || (!whole.starts_with('0') && whole.len() <= 13))
                    && (frac.is_none() || (1..=max_places).contains(&places))
            }
            DecimalKind::Percent => {
                if whole == "100" {
                    frac.is_none_or(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b == b'0'))
                } else {
                    let whole_ok =
                        whole.len() == 1 || (whole.len() == 2 && !whole.starts_with('0'));
                    whole_ok && (frac.is_none() || (1..=2).contains(&places))
                }
            }
        }
    }
}

/// The whole number a JSON number's text is, worked out from its digits: `Some(Some(n))`,
/// `Some(None)` for a whole number beyond `i64` (out of range for any field), or `None` when it
/// is not a whole number. `text` is JSON's number grammar, as serde_json keeps it.
pub(crate) fn whole_number(text: &str) -> Option<Option<i64>> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e),
        None => (rest, "0"),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The exponent, saturated: anything past 10^12 is far beyond any document's digits.
    let (exp_negative, exp_digits) = match exponent.as_bytes().first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    let exp = exp_digits.bytes().fold(0i64, |e, d| {
        (e * 10 + i64::from(d - b'0')).min(1_000_000_000_000)
    });
    let exp = if exp_negative { -exp } else { exp };
    // The value is `digits x 10^scale`, `digits` with no leading or trailing zeros.
    let all = || whole.bytes().chain(fraction.bytes());
    let leading = all().take_while(|&d| d == b'0').count();
    let digits: Vec<u8> = all().skip(leading).collect();
    let significant = digits.len() - digits.iter().rev().take_while(|&&d| d == b'0').count();
    if significant == 0 {
        return Some(Some(0));
    }
    let trailing = (digits.len() - significant) as i64;
    let scale = exp - fraction.len() as i64 + trailing;
    if scale < 0 {
        // The last significant digit is after the point: not a whole number.
        return None;
    }
    if significant as i64 + scale > 18 {
        return Some(None);
    }
    let mut n: i64 = 0;
    for &d in &digits[..significant] {
        n = n * 10 + i64::from(d - b'0');
    }
    for _ in 0..scale {
        n *= 10;
    }
    Some(Some(if negative { -n } else { n }))
}

/// Describes a JSON value for an error message: `the number 12.5`, `the text "abc"`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let count = s.chars().count();
            if count > 60 {
                let head: String = s.chars().take(40).collect();
                format!("the text \"{head}…\" ({count} characters)")
            } else {
                format!("the text \"{s}\"")
            }
        }
        Value::Array(a) => format!("a list of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// Checks a full date `YYYY-MM-DD` as RFC 3339 (and the schemas' `format: date`) define it.
pub fn is_full_date(s: &str) -> bool {
    crate::dates::Date::parse(s).is_some()
}

/// Reads a whole document with `read`, from its root: the value when the document is well
/// formed, or every problem found in it when it is not.
///
/// # Errors
///
/// Every problem `read` recorded, each located by a JSON pointer.
pub fn read_document<T>(
    document: Document,
    value: &Value,
    read: impl FnOnce(&mut Reader, At) -> Option<T>,
) -> Result<T, Problems> {
    let mut r = Reader::new(document);
    match read(&mut r, At::root(value)) {
        Some(doc) if !r.has_problems() => Ok(doc),
        _ => Err(Problems(r.into_problems())),
    }
}

/// As [`read_document`], with [`Reader::record_fields`] on: also every object read, with the
/// fields its reader allowed and required, in the order read (whether or not the document is
/// well formed).
#[cfg(feature = "record-fields")]
pub fn read_document_recording<T>(
    document: Document,
    value: &Value,
    read: impl FnOnce(&mut Reader, At) -> Option<T>,
) -> (Result<T, Problems>, Vec<FieldsRead>) {
    let mut r = Reader::new(document);
    r.record_fields();
    let doc = read(&mut r, At::root(value));
    let fields = r.fields_read.take().unwrap_or_default();
    let doc = match doc {
        Some(doc) if !r.has_problems() => Ok(doc),
        _ => Err(Problems(r.into_problems())),
    };
    (doc, fields)
}

/// One object as a reader read it: where it is, and the field lists the reader gave
/// [`Reader::object`]. Recorded only when asked for ([`Reader::record_fields`]), so that a test
/// can hold the readers' field lists against the schemas' `properties` and `required` at the
/// same place (`tests/tests/reader_fields.rs`): the two are written separately, and nothing
/// else checks that their names agree. Compiled only with the `record-fields` feature, which
/// that test turns on: always compiled, the recorder added 2,182 bytes to the JS API's wasm
/// (before wasm-opt) that no page ever runs.
#[cfg(feature = "record-fields")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldsRead {
    /// The object's JSON pointer in its document.
    pub pointer: String,
    /// The fields the reader allowed.
    pub allowed: Vec<&'static str>,
    /// The fields the reader required.
    pub required: Vec<&'static str>,
}

/// Collects problems while a document is read.
pub struct Reader {
    document: Document,
    problems: Vec<Problem>,
    /// Every object read, when recording ([`Reader::record_fields`]); `None` by default.
    #[cfg(feature = "record-fields")]
    fields_read: Option<Vec<FieldsRead>>,
}

impl Reader {
    /// A reader for one document.
    pub fn new(document: Document) -> Reader {
        Reader {
            document,
            problems: Vec::new(),
            #[cfg(feature = "record-fields")]
            fields_read: None,
        }
    }

    /// From now on, records every object read with the field lists it was read with (see
    /// [`FieldsRead`] and [`read_document_recording`]). What is read, and every problem, stay
    /// the same.
    #[cfg(feature = "record-fields")]
    pub fn record_fields(&mut self) {
        self.fields_read.get_or_insert_with(Vec::new);
    }

    /// The objects recorded so far (empty unless [`Reader::record_fields`] was called).
    #[cfg(feature = "record-fields")]
    pub fn fields_read(&self) -> &[FieldsRead] {
        self.fields_read.as_deref().unwrap_or_default()
    }

    /// The document being read.
    pub fn document(&self) -> Document {
        self.document
    }

    /// Records a problem.
    pub fn report(&mut self, pointer: impl Into<String>, kind: ProblemKind) {
        self.problems
            .push(Problem::new(self.document, pointer.into(), kind));
    }

    /// True once any problem has been recorded.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The problems recorded, in the order found.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    fn wrong_type(&mut self, at: At, expected: &str) {
        self.report(
            at.pointer(),
            ProblemKind::WrongType {
                expected: expected.to_string(),
                found: describe(at.value),
            },
        );
    }

    /// An object with only the `allowed` keys, every one of `required` present.
    pub fn object<'a>(
        &mut self,
        at: At<'a>,
        allowed: &[&'static str],
        required: &[&'static str],
    ) -> Option<Fields<'a>> {
        let Value::Object(map) = at.value else {
            self.wrong_type(at, "an object in curly brackets");
            return None;
        };
        #[cfg(feature = "record-fields")]
        if let Some(record) = &mut self.fields_read {
            record.push(FieldsRead {
                pointer: at.pointer(),
                allowed: allowed.to_vec(),
                required: required.to_vec(),
            });
        }
        for (k, _) in crate::json::sorted_entries(map) {
            if !allowed.contains(&k.as_str()) {
                self.report(
                    format!("{}/{}", at.pointer(), escape_token(k)),
                    ProblemKind::UnknownField {
                        field: k.clone(),
                        allowed: allowed.to_vec(),
                    },
                );
            }
        }
        for r in required {
            if !map.contains_key(*r) {
                self.report(
                    at.pointer(),
                    ProblemKind::MissingField {
                        field: (*r).to_string(),
                    },
                );
            }
        }
        // Unknown or missing fields are recorded, and the known fields are still read by the
        // caller so that their own problems are reported too; any problem fails the document.
        Some(Fields { map, path: at.path })
    }

    /// An object whose allowed fields depend on a tag field (`"type"`, `"method"`, `"rule"`).
    /// Each variant lists its tag value, allowed fields and required fields (the tag included).
    /// Returns the fields and the index of the variant.
    pub fn variant<'a>(
        &mut self,
        at: At<'a>,
        tag: &'static str,
        variants: &[(&'static str, &[&'static str], &[&'static str])],
    ) -> Option<(Fields<'a>, usize)> {
        let Value::Object(map) = at.value else {
            self.wrong_type(at, "an object in curly brackets");
            return None;
        };
        let names = variants
            .iter()
            .map(|(n, ..)| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let tag_path = Path::Key(&at.path, tag);
        match map.get(tag) {
            None => {
                self.report(
                    at.pointer(),
                    ProblemKind::MissingField {
                        field: tag.to_string(),
                    },
                );
                None
            }
            Some(v) => {
                let found = v
                    .as_str()
                    .and_then(|s| variants.iter().position(|(n, ..)| *n == s));
                match found {
                    Some(i) => {
                        let (_, allowed, required) = variants[i];
                        let f = self.object(at, allowed, required)?;
                        Some((f, i))
                    }
                    None => {
                        let kind = if v.is_string() {
                            ProblemKind::InvalidValue {
                                found: describe(v),
                                expected: format!("one of {names}"),
                            }
                        } else {
                            ProblemKind::WrongType {
                                expected: format!("text: one of {names}"),
                                found: describe(v),
                            }
                        };
                        self.report(tag_path.pointer(), kind);
                        None
                    }
                }
            }
        }
    }

    /// An object that takes one of several sets of fields, told apart by which are present
    /// (`{"score": 3}` or `{"low": 2, "high": 4}`). Each set is both allowed and required.
    pub fn variant_by_keys<'a>(
        &mut self,
        at: At<'a>,
        variants: &[&[&'static str]],
    ) -> Option<(Fields<'a>, usize)> {
        let Value::Object(map) = at.value else {
            self.wrong_type(at, "an object in curly brackets");
            return None;
        };
        match variants
            .iter()
            .position(|keys| keys.iter().any(|k| map.contains_key(*k)))
        {
            Some(i) => Some((self.object(at, variants[i], variants[i])?, i)),
            None => {
                self.report(
                    at.pointer(),
                    ProblemKind::MissingFieldSet {
                        sets: variants.iter().map(|keys| keys.to_vec()).collect(),
                    },
                );
                None
            }
        }
    }

    /// The document's `"document"` tag and an optional `"$schema"`.
    pub fn document_tag(&mut self, f: &Fields) {
        if let Some(at) = f.get("document") {
            match at.value.as_str() {
                Some(t) if t == self.document.tag() => {}
                Some(t) => {
                    let kind = ProblemKind::WrongDocument {
                        found: t.chars().take(60).collect(),
                        expected: self.document.tag(),
                    };
                    self.report(at.pointer(), kind);
                }
                None => self.wrong_type(at, &format!("the text \"{}\"", self.document.tag())),
            }
        }
        self.text(f.get("$schema"), 500);
    }

    /// Non-blank text of at most `max` characters.
    pub fn text(&mut self, at: Option<At>, max: usize) -> Option<String> {
        let at = at?;
        let Some(s) = at.value.as_str() else {
            self.wrong_type(at, "text in double quotes");
            return None;
        };
        let count = s.chars().count();
        if count > max {
            self.report(
                at.pointer(),
                ProblemKind::OutOfRange {
                    found: format!("text of {count} characters"),
                    expected: format!("at most {max} characters"),
                },
            );
            return None;
        }
        if !s.chars().any(|c| !c.is_whitespace()) {
            self.report(
                at.pointer(),
                ProblemKind::InvalidValue {
                    found: describe(at.value),
                    expected: "text with at least one letter or digit in it".into(),
                },
            );
            return None;
        }
        Some(s.to_string())
    }

    /// An identifier: a letter or digit, then up to 63 letters, digits, dots, dashes or
    /// underscores.
    pub fn id(&mut self, at: Option<At>) -> Option<String> {
        let at = at?;
        let Some(s) = at.value.as_str() else {
            self.wrong_type(at, "an id in double quotes");
            return None;
        };
        if is_id(s) {
            Some(s.to_string())
        } else {
            self.report(
                at.pointer(),
                ProblemKind::InvalidValue {
                    found: describe(at.value),
                    expected: ID_RULE.into(),
                },
            );
            None
        }
    }

    /// A yes/no value.
    pub fn boolean(&mut self, at: Option<At>) -> Option<bool> {
        let at = at?;
        match at.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(at, "true or false");
                None
            }
        }
    }

    /// A whole number from `min` to `max`, read from the digits written, never through a float
    /// (through one, `2.9999999999999999999` is 3 and `1e-400` is 0). Like JSON Schema, `3.0`
    /// and `3e0` count as the whole number 3; anything else is refused, never rounded.
    pub fn int(&mut self, at: Option<At>, min: i64, max: i64) -> Option<i64> {
        let at = at?;
        let n = match at.value {
            Value::Number(n) => match whole_number(n.as_str()) {
                Some(n) => n,
                None => {
                    self.report(
                        at.pointer(),
                        ProblemKind::InvalidValue {
                            found: describe(at.value),
                            expected: "a whole number".into(),
                        },
                    );
                    return None;
                }
            },
            _ => {
                self.wrong_type(at, "a whole number (not in quotes)");
                return None;
            }
        };
        match n {
            Some(i) if (min..=max).contains(&i) => Some(i),
            _ => {
                self.report(
                    at.pointer(),
                    ProblemKind::OutOfRange {
                        found: describe(at.value),
                        expected: format!("a whole number from {min} to {max}"),
                    },
                );
                None
            }
        }
    }

    /// An exact decimal written as text.
    pub fn decimal(&mut self, at: Option<At>, kind: DecimalKind) -> Option<Exact> {
        let at = at?;
        let Some(s) = at.value.as_str() else {
            self.wrong_type(at, kind.describe());
            return None;
        };
        if !kind.accepts(s) {
            self.report(
                at.pointer(),
                ProblemKind::InvalidValue {
                    found: describe(at.value),
                    expected: kind.describe().into(),
                },
            );
            return None;
        }
        match Exact::parse_decimal(s) {
            Some(v) => Some(v),
            None => {
                self.report(
                    at.pointer(),
                    ProblemKind::InvalidValue {
                        found: describe(at.value),
                        expected: kind.describe().into(),
                    },
                );
                None
            }
        }
    }

    /// A calendar date `YYYY-MM-DD`.
    pub fn date(&mut self, at: Option<At>) -> Option<crate::dates::Date> {
        let at = at?;
        let Some(s) = at.value.as_str() else {
            self.wrong_type(at, "a date written as text, such as \"2026-03-31\"");
            return None;
        };
        match crate::dates::Date::parse(s) {
            Some(d) => Some(d),
            None => {
                self.report(
                    at.pointer(),
                    ProblemKind::InvalidValue {
                        found: describe(at.value),
                        expected:
                            "a real calendar date written as year-month-day, such as \"2026-03-31\""
                                .into(),
                    },
                );
                None
            }
        }
    }

    /// One of a closed set of words.
    pub fn choice<C: Choice>(&mut self, at: Option<At>) -> Option<C> {
        let at = at?;
        let words: Vec<&str> = C::ALL.iter().map(|(w, _)| *w).collect();
        let expected = format!(
            "{}: one of {}",
            C::WHAT,
            words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let Some(s) = at.value.as_str() else {
            self.wrong_type(at, &expected);
            return None;
        };
        match C::ALL.iter().find(|(w, _)| *w == s) {
            Some((_, v)) => Some(*v),
            None => {
                self.report(
                    at.pointer(),
                    ProblemKind::InvalidValue {
                        found: describe(at.value),
                        expected,
                    },
                );
                None
            }
        }
    }

    /// A list of `min` to `max` items, each read by `item`. Every item is read, even after a
    /// bad one, so that all problems are found.
    pub fn list<T>(
        &mut self,
        at: Option<At>,
        min: usize,
        max: usize,
        mut item: impl FnMut(&mut Reader, At) -> Option<T>,
    ) -> Option<Vec<T>> {
        let at = at?;
        let Value::Array(items) = at.value else {
            self.wrong_type(at, "a list in square brackets");
            return None;
        };
        if items.len() < min || items.len() > max {
            let expected = if max == usize::MAX {
                format!("at least {min} item{}", if min == 1 { "" } else { "s" })
            } else {
                format!("from {min} to {max} items")
            };
            self.report(
                at.pointer(),
                ProblemKind::OutOfRange {
                    found: describe(at.value),
                    expected,
                },
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            let path = Path::Index(&at.path, i);
            match item(self, At { value: v, path }) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// An object used as a map from ids to values, in sorted key order. Keys must be ids.
    pub fn map<T>(
        &mut self,
        at: Option<At>,
        mut item: impl FnMut(&mut Reader, &str, At) -> Option<T>,
    ) -> Option<Vec<(String, T)>> {
        let at = at?;
        let Value::Object(map) = at.value else {
            self.wrong_type(at, "an object in curly brackets");
            return None;
        };
        let mut out = Vec::with_capacity(map.len());
        let mut ok = true;
        for (k, value) in crate::json::sorted_entries(map) {
            let path = Path::Key(&at.path, k);
            if !is_id(k) {
                ok = false;
                self.report(
                    path.pointer(),
                    ProblemKind::InvalidValue {
                        found: format!("the key \"{}\"", k.chars().take(60).collect::<String>()),
                        expected: ID_RULE.into(),
                    },
                );
                continue;
            }
            match item(self, k, At { value, path }) {
                Some(t) => out.push((k.clone(), t)),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Reads an optional field: `Some(None)` when absent, `Some(Some(v))` when present and
    /// good, `None` when present and bad.
    pub fn optional<T>(
        &mut self,
        at: Option<At>,
        read: impl FnOnce(&mut Reader, At) -> Option<T>,
    ) -> Option<Option<T>> {
        match at {
            None => Some(None),
            Some(at) => read(self, at).map(Some),
        }
    }
}

/// Records ids as they are met and reports the second use of any: ids must be unique within
/// their list, and the problem points at the second use and names the first.
pub(crate) struct IdSet<'a> {
    seen: BTreeMap<&'a str, String>,
}

impl<'a> IdSet<'a> {
    /// An empty set.
    pub(crate) fn new() -> Self {
        IdSet {
            seen: BTreeMap::new(),
        }
    }

    /// Records `id`, found at `pointer`, or reports it in `doc` if it was met before.
    pub(crate) fn add(
        &mut self,
        id: &'a str,
        pointer: String,
        problems: &mut Vec<Problem>,
        doc: Document,
    ) {
        if let Some(first) = self.seen.get(id) {
            problems.push(Problem::new(
                doc,
                pointer,
                ProblemKind::DuplicateId {
                    id: id.to_string(),
                    first: first.clone(),
                },
            ));
        } else {
            self.seen.insert(id, pointer);
        }
    }
}

/// The id rule in words.
pub const ID_RULE: &str = "an id: a letter or digit, then up to 63 letters, digits, dots, dashes or underscores, with no spaces";

/// The schemas' id pattern, `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`, checked by hand.
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_kinds_follow_their_patterns() {
        use DecimalKind::*;
        for (kind, good, bad) in [
            (
                Money,
                vec!["0", "1", "250000", "1250.5", "1250.50", "9999999999999.99"],
                vec![
                    "",
                    "01",
                    "1.",
                    ".5",
                    "1.234",
                    "-1",
                    "1e3",
                    "10000000000000",
                    "1,000",
                ],
            ),
            (
                Percent,
                vec!["0", "5", "30", "99.99", "100", "100.0", "100.00", "12.5"],
                vec!["05", "100.01", "101", "1000", "-1", "50.123", "100.", ""],
            ),
            (
                Figure,
                vec!["0", "2", "0.75", "1.2345", "123"],
                vec!["0.12345", "00", "-0.5", " 1"],
            ),
        ] {
            for g in good {
                assert!(kind.accepts(g), "{kind:?} should accept {g:?}");
            }
            for b in bad {
                assert!(!kind.accepts(b), "{kind:?} should refuse {b:?}");
            }
        }
    }

    #[test]
    fn ids() {
        assert!(is_id("lot-1"));
        assert!(is_id("Q1.a_b"));
        assert!(!is_id("-lot"));
        assert!(!is_id("lot 1"));
        assert!(!is_id(&"a".repeat(65)));
        assert!(is_id(&"a".repeat(64)));
    }
}

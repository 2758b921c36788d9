//! Reading input files: strict JSON, then the published JSON Schema, then the core's checks.
//!
//! Every document that enters from outside is validated against its schema with the
//! `jsonschema` crate (through `ulo-schemas`) as well as read by the core's typed model; the
//! test suite proves the two agree, and if they ever did not, the schema's complaint is reported
//! rather than silently ignored.

use serde_json::Value;
use std::process::ExitCode;
use ulo_core::{
    bids, json, tender, Bids, CheckedDraft, Document, Problem, ProblemKind, Problems, Protocol,
    Tender,
};

/// Why a command could not finish.
pub enum Failure {
    /// A file could not be read (a usage error).
    Unreadable(String, String),
    /// An input is invalid: the problems, and the file they are in.
    Invalid(Problems, String),
    /// Something that should not happen; reported rather than hidden.
    Internal(String),
}

impl Failure {
    /// Prints the failure and gives the exit code.
    pub fn report(self, as_json: bool) -> ExitCode {
        match self {
            Failure::Unreadable(file, why) => {
                eprintln!("error: cannot read \"{file}\": {why}");
                ExitCode::from(2)
            }
            Failure::Invalid(problems, file) => {
                for p in problems.iter() {
                    eprintln!("{}", crate::render::problem(p, &file));
                }
                let n = problems.len();
                eprintln!(
                    "{n} problem{} found in \"{file}\"; nothing was scored.",
                    if n == 1 { "" } else { "s" }
                );
                if as_json {
                    let out = serde_json::json!({"type": "failure", "file": file, "errors": problems.reports()});
                    if let Ok(text) = serde_json::to_string_pretty(&out) {
                        println!("{text}");
                    }
                }
                ExitCode::from(1)
            }
            Failure::Internal(why) => {
                eprintln!("internal error: {why}");
                ExitCode::from(1)
            }
        }
    }
}

fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Unreadable(path.into(), e.to_string()))?;
    if bytes.len() > json::MAX_DOCUMENT_BYTES {
        return Err(Failure::Invalid(
            Problems(vec![Problem::new(
                Document::Bids,
                "",
                ProblemKind::TooLarge {
                    bytes: bytes.len(),
                    limit: json::MAX_DOCUMENT_BYTES,
                },
            )]),
            path.into(),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::Unreadable(path.into(), "the file is not UTF-8 text".into()))
}

/// Reads a file as JSON, strictly, as the given kind of document (or any kind when `None`).
fn parse(path: &str, kind: Document) -> Result<Value, Failure> {
    let text = read_text(path)?;
    json::parse(&text, kind).map_err(|p| Failure::Invalid(Problems(vec![p]), path.into()))
}

/// Validates a parsed document against its JSON Schema and the core's typed reader.
pub fn typed(kind: Document, value: &Value, path: &str) -> Result<(), Failure> {
    let typed = match kind {
        Document::Protocol => ulo_core::protocol::read(value).map(|_| ()),
        Document::Tender => tender::read(value).map(|_| ()),
        Document::Bids => bids::read(value).map(|_| ()),
        Document::SelfCheck => bids::read_draft(value).map(|_| ()),
    };
    let schema_errors = ulo_schemas::validate(ulo_schemas::for_document(kind), value);
    match typed {
        Err(p) => Err(Failure::Invalid(p, path.into())),
        Ok(()) if schema_errors.is_empty() => Ok(()),
        Ok(()) => Err(Failure::Invalid(
            Problems(
                schema_errors
                    .into_iter()
                    .map(|e| {
                        Problem::new(
                            kind,
                            e.pointer,
                            ProblemKind::InvalidValue {
                                found: "a value the schema does not allow".into(),
                                expected: e.message,
                            },
                        )
                    })
                    .collect(),
            ),
            path.into(),
        )),
    }
}

fn load(path: &str, kind: Document) -> Result<Value, Failure> {
    let value = parse(path, kind)?;
    if let Some(found) = ulo_core::document_kind(&value) {
        if found != kind {
            return Err(Failure::Invalid(
                Problems(vec![Problem::new(
                    kind,
                    "/document",
                    ProblemKind::WrongDocument {
                        found: found.tag().into(),
                        expected: kind.tag(),
                    },
                )]),
                path.into(),
            ));
        }
    }
    typed(kind, &value, path)?;
    Ok(value)
}

/// Reads a file whose kind is given by its `"document"` field.
pub fn read_any(path: &str) -> Result<(Document, Value), Failure> {
    let text = read_text(path)?;
    // The kind is not known until the text is parsed; reports name the file, not the kind.
    let value = json::parse(&text, Document::Protocol)
        .map_err(|p| Failure::Invalid(Problems(vec![p]), path.into()))?;
    match ulo_core::document_kind(&value) {
        Some(kind) => Ok((kind, value)),
        None => Err(Failure::Invalid(
            Problems(vec![Problem::new(
                Document::Protocol,
                "/document",
                ProblemKind::InvalidValue {
                    found: value
                        .get("document")
                        .map_or("nothing".into(), ulo_core::read::describe),
                    expected: "one of \"protocol\", \"tender\", \"bids\" or \"self-check\", saying what the file is".into(),
                },
            )]),
            path.into(),
        )),
    }
}

/// The protocol in `path`, or the shipped one.
pub fn load_protocol(path: Option<&str>) -> Result<Protocol, Failure> {
    match path {
        None => Ok(Protocol::shipped()),
        Some(p) => {
            let value = load(p, Document::Protocol)?;
            Protocol::from_value(&value).map_err(|e| Failure::Invalid(e, p.into()))
        }
    }
}

/// A tender, checked against the protocol.
pub fn load_tender(protocol: &Protocol, path: &str) -> Result<Tender, Failure> {
    let value = load(path, Document::Tender)?;
    protocol
        .tender(&value)
        .map_err(|e| Failure::Invalid(e, path.into()))
}

/// Valid bids read a bid at a time: each bid checked against the schema in a document of its
/// own (with the document's other fields), then read by the core a bid at a time, so the whole
/// document's parsed JSON (about 40x its text) is never held. `None` for anything else, which
/// is then read whole, so that every problem is reported exactly as before.
fn bids_a_bid_at_a_time(protocol: &Protocol, tender: &Tender, text: &str) -> Option<Bids> {
    let split = bids::split(text)?;
    let mut top = serde_json::Map::new();
    for (key, field) in &split.fields {
        top.insert(key.clone(), json::parse(field, Document::Bids).ok()?);
    }
    let schema = ulo_schemas::for_document(Document::Bids);
    let texts = split.bids?;
    let mut one = |bid: Option<Value>| {
        top.insert("bids".into(), Value::Array(bid.into_iter().collect()));
        let doc = Value::Object(std::mem::take(&mut top));
        let ok = ulo_schemas::validate(schema, &doc).is_empty();
        if let Value::Object(m) = doc {
            top = m;
        }
        ok
    };
    if !one(None)
        || !texts
            .iter()
            .all(|t| json::parse(t, Document::Bids).is_ok_and(|v| one(Some(v))))
    {
        return None;
    }
    protocol.bids_from_json(tender, text).ok()
}

/// Bids, checked against the protocol and tender.
pub fn load_bids(protocol: &Protocol, tender: &Tender, path: &str) -> Result<Bids, Failure> {
    if let Some(bids) = bids_a_bid_at_a_time(protocol, tender, &read_text(path)?) {
        return Ok(bids);
    }
    let value = load(path, Document::Bids)?;
    protocol
        .bids(tender, &value)
        .map_err(|e| Failure::Invalid(e, path.into()))
}

/// A self-check draft, checked against the protocol and tender.
pub fn load_draft(
    protocol: &Protocol,
    tender: &Tender,
    path: &str,
) -> Result<CheckedDraft, Failure> {
    let value = load(path, Document::SelfCheck)?;
    protocol
        .checked_draft(tender, &value)
        .map_err(|e| Failure::Invalid(e, path.into()))
}

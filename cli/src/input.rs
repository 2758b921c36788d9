//! Reading input files: strict JSON, then the published JSON Schema, then the core's checks.
//!
//! Every document that enters from outside is validated against its schema with the
//! `jsonschema` crate (through `ulo-schemas`) as well as read by the core's typed model; the
//! test suite proves the two agree, and if they ever did not, the schema's complaint is reported
//! rather than silently ignored.

use crate::out::{self, WriteError, CLOSED_PIPE};
use serde_json::Value;
use std::io::Read;
use std::process::ExitCode;
use ulo_core::{
    bids, json, tender, Bids, CheckedDraft, Document, Problem, ProblemKind, Problems, Protocol,
    Tender, PROBLEMS_LISTED,
};

/// Why a command could not finish.
pub enum Failure {
    /// A file could not be read (a usage error).
    Unreadable(String, String),
    /// An input is invalid: the problems, and the file they are in.
    Invalid(Problems, String),
    /// Something that should not happen; reported rather than hidden.
    Internal(String),
    /// The output could not be written.
    Write(WriteError),
    /// An input is invalid and its problems are already printed: the closing line to print.
    Printed(String),
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Self {
        Failure::Write(e)
    }
}

impl Failure {
    /// Prints the failure and gives the exit code.
    pub fn report(self, as_json: bool) -> ExitCode {
        match self {
            Failure::Unreadable(file, why) => {
                out::stderr_line(&format!("error: cannot read \"{file}\": {why}"));
                ExitCode::from(2)
            }
            Failure::Invalid(problems, file) => {
                // The first problems one by one, then a count of the rest: 200,000 unknown keys
                // would otherwise write 74 MB of messages.
                for p in problems.iter().take(PROBLEMS_LISTED) {
                    out::stderr_line(&crate::render::problem(p, &file));
                }
                let capped = problems.capped(PROBLEMS_LISTED);
                if let Some(more) = capped.more_line() {
                    out::stderr_line(&format!("... {more}"));
                }
                let n = capped.total();
                out::stderr_line(&format!(
                    "{} problem{} found in \"{}\"; nothing was scored.",
                    ulo_core::error::grouped(n),
                    if n == 1 { "" } else { "s" },
                    out::visible(&file)
                ));
                if as_json {
                    let mut answer = serde_json::json!({"type": "failure", "file": file, "errors": capped.errors});
                    if capped.more > 0 {
                        answer["more"] = capped.more.into();
                    }
                    if let Ok(text) = serde_json::to_string_pretty(&answer) {
                        if let Err(e) = out::stdout(&format!("{text}\n")) {
                            return Failure::Write(e).report(false);
                        }
                    }
                }
                ExitCode::from(1)
            }
            Failure::Printed(line) => {
                out::stderr_line(&line);
                ExitCode::from(1)
            }
            Failure::Internal(why) => {
                out::stderr_line(&format!("internal error: {why}"));
                ExitCode::from(1)
            }
            Failure::Write(WriteError::Closed) => ExitCode::from(CLOSED_PIPE),
            Failure::Write(WriteError::Failed(why)) => {
                out::stderr_line(&format!("error: cannot write the output: {why}"));
                ExitCode::from(1)
            }
        }
    }
}

/// A UTF-8 byte order mark. Editors on Windows often start a file with one; the app accepts it
/// (the browser's `FileReader.readAsText` drops it), so the command line does too.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How far into a file to look for its `"document"` field when the file is too large to parse.
const SNIFF_BYTES: usize = 64 * 1024;

/// The kind a document says it is, read from its first bytes without parsing it: the value of
/// the first `"document"` key, when it is one of ulo's kinds. Used only to name a file too
/// large to parse; a document whose first bytes do not say is named by the command instead.
fn sniff_kind(head: &[u8]) -> Option<Document> {
    let text = String::from_utf8_lossy(&head[..head.len().min(SNIFF_BYTES)]);
    let after = &text[text.find("\"document\"")? + "\"document\"".len()..];
    let value = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Document::from_tag(&value[..value.find('"')?])
}

/// The problem with text that is not UTF-8: where the first bad byte is, as a byte offset in
/// the file (counting from 0) and as a line and column, since JSON is UTF-8 by definition.
fn not_utf8(bytes: &[u8], start: usize, e: &std::str::Utf8Error, kind: Document) -> Problem {
    let good = &bytes[start..start + e.valid_up_to()];
    // The prefix is valid UTF-8, by the error's own account.
    let good = std::str::from_utf8(good).unwrap_or_default();
    let line = good.matches('\n').count() + 1;
    let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let offset = start + e.valid_up_to();
    Problem::new(
        kind,
        "",
        ProblemKind::Syntax {
            detail: format!(
                "the text is not UTF-8: the byte 0x{:02x} at byte offset {offset} starts no character; save the file as UTF-8",
                bytes[offset]
            ),
            line,
            column,
        },
    )
}

/// Reads a file as text, bounded while reading: at most [`json::MAX_DOCUMENT_BYTES`] + 1 bytes
/// are ever taken, so `/dev/zero` or an endless pipe is refused with the limit instead of
/// filling the memory. `kind` names the document in problems when the file itself cannot say:
/// the kind the command expects, or `None` when any kind will do (`validate`).
pub fn read_text(path: &str, kind: Option<Document>) -> Result<String, Failure> {
    let unreadable = |e: std::io::Error| Failure::Unreadable(path.into(), e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // A regular file says its size; a pipe or device does not, and is measured by reading.
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let limit = json::MAX_DOCUMENT_BYTES;
    let mut bytes = Vec::new();
    if size.is_none_or(|n| n <= limit as u64) {
        file.take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    } else {
        // Too large by its size: the first bytes are enough to say what it is.
        file.take(SNIFF_BYTES as u64)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    }
    let named = |bytes: &[u8]| sniff_kind(bytes).or(kind).unwrap_or(Document::Protocol);
    if bytes.len() > limit || size.is_some_and(|n| n > limit as u64) {
        let known = size.map_or(bytes.len(), |n| usize::try_from(n).unwrap_or(usize::MAX));
        return Err(Failure::Invalid(
            Problems(vec![Problem::new(
                named(&bytes),
                "",
                ProblemKind::TooLarge {
                    bytes: known,
                    limit,
                },
            )]),
            path.into(),
        ));
    }
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    match std::str::from_utf8(&bytes[start..]) {
        Ok(_) => {
            bytes.drain(..start);
            // Checked just above; no second scan can fail.
            String::from_utf8(bytes).map_err(|e| Failure::Internal(e.to_string()))
        }
        Err(e) => Err(Failure::Invalid(
            Problems(vec![not_utf8(&bytes, start, &e, named(&bytes))]),
            path.into(),
        )),
    }
}

/// Reads a file as JSON, strictly, as the given kind of document (or any kind when `None`).
fn parse(path: &str, kind: Document) -> Result<Value, Failure> {
    let text = read_text(path, Some(kind))?;
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
    let text = read_text(path, None)?;
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
    if let Some(bids) =
        bids_a_bid_at_a_time(protocol, tender, &read_text(path, Some(Document::Bids))?)
    {
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

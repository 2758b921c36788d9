//! The JSON Schemas in `schemas/` and the typed readers in `ulo-core` accept exactly the same
//! documents.
//!
//! Every case below is judged twice, once by the schema (jsonschema, draft 2020-12, formats
//! checked) and once by the typed reader (`protocol::read`, `tender::read`, `bids::read`,
//! `bids::read_draft`), and the two verdicts must agree. The cases are the shipped documents and
//! hand-made variations of them (`tests/documents/valid`), malformed files
//! (`tests/documents/invalid`), edits of the shipped documents made here by JSON pointer, text
//! that is not acceptable JSON at all (`tests/documents/broken`, and hostile text built here),
//! and random edits drawn by proptest.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use ulo_core::choice::Choice;
use ulo_core::read::DecimalKind;
use ulo_core::{shipped, Document, Input, OcdsProblem, Problem, ProblemKind, Problems, Protocol};
use ulo_schemas::{for_document, walk_subschemas, Schema, SchemaError};

// ---------------------------------------------------------------------------------------------
// Judging one document
// ---------------------------------------------------------------------------------------------

/// Reads a value with the typed reader for its kind.
fn typed(kind: Document, value: &Value) -> Result<(), Problems> {
    match kind {
        Document::Protocol => ulo_core::protocol::read(value).map(|_| ()),
        Document::Tender => ulo_core::tender::read(value).map(|_| ()),
        Document::Bids => ulo_core::bids::read(value).map(|_| ()),
        Document::SelfCheck => ulo_core::bids::read_draft(value).map(|_| ()),
    }
}

/// Both verdicts on one value.
struct Verdicts {
    schema: Vec<SchemaError>,
    typed: Result<(), Problems>,
}

impl Verdicts {
    fn schema_valid(&self) -> bool {
        self.schema.is_empty()
    }

    fn typed_valid(&self) -> bool {
        self.typed.is_ok()
    }

    /// Both error lists, for a failure message.
    fn show(&self) -> String {
        let schema = if self.schema.is_empty() {
            "    (none)".to_string()
        } else {
            self.schema
                .iter()
                .map(|e| format!("    {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let typed = match &self.typed {
            Ok(()) => "    (none)".to_string(),
            Err(p) => p
                .iter()
                .map(|p| format!("    {p}"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        format!("  schema errors:\n{schema}\n  typed problems:\n{typed}")
    }
}

/// Judges a value with both validators. A panic in either is caught and reported as a failure
/// of the case, so one bad case cannot hide the others.
fn judge(kind: Document, value: &Value) -> Result<Verdicts, String> {
    catch_unwind(AssertUnwindSafe(|| Verdicts {
        schema: ulo_schemas::validate(for_document(kind), value),
        typed: typed(kind, value),
    }))
    .map_err(|_| "a validator panicked".to_string())
}

/// A problem's location is usable: a JSON pointer that leads to a value in the document (the
/// value at fault, or the object a field is missing from). The empty pointer (the whole
/// document) is accepted only where the whole document is what is wrong: a required top-level
/// field is missing, or the document is not an object at all.
fn located(problem: &Problem, value: &Value) -> Result<(), String> {
    if value.pointer(&problem.pointer).is_none() {
        return Err(format!(
            "the pointer \"{}\" does not lead to a value in the document: {problem}",
            problem.pointer
        ));
    }
    if problem.pointer.is_empty()
        && !matches!(
            problem.kind,
            ProblemKind::MissingField { .. } | ProblemKind::WrongType { .. }
        )
    {
        return Err(format!("the problem is not located: {problem}"));
    }
    Ok(())
}

/// A problem from the strict parser is located by a pointer or by a line and column. (The
/// column is 0 when the text ends at the start of a line, as serde_json counts it.)
fn parser_located(problem: &Problem) -> Result<(), String> {
    match &problem.kind {
        ProblemKind::Syntax { line, .. } if *line > 0 => Ok(()),
        _ if !problem.pointer.is_empty() => Ok(()),
        _ => Err(format!("the parser's problem is not located: {problem:?}")),
    }
}

/// What a case is expected to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Valid,
    Invalid,
}

/// Judges one case and returns what went wrong, if anything.
fn check_case(name: &str, kind: Document, value: &Value, expect: Expect) -> Option<String> {
    let v = match judge(kind, value) {
        Ok(v) => v,
        Err(e) => return Some(format!("{name}: {e}")),
    };
    let mut wrong = Vec::new();
    if v.schema_valid() != v.typed_valid() {
        wrong.push(format!(
            "the schema and the typed reader disagree (schema says {}, typed reader says {})",
            if v.schema_valid() { "valid" } else { "invalid" },
            if v.typed_valid() { "valid" } else { "invalid" },
        ));
    }
    match expect {
        Expect::Valid => {
            if !v.schema_valid() {
                wrong.push("the schema rejects a valid document".into());
            }
            if !v.typed_valid() {
                wrong.push("the typed reader rejects a valid document".into());
            }
        }
        Expect::Invalid => {
            if v.schema_valid() {
                wrong.push("the schema accepts a malformed document".into());
            }
            match &v.typed {
                Ok(()) => wrong.push("the typed reader accepts a malformed document".into()),
                Err(problems) => {
                    if problems.is_empty() {
                        wrong.push("the typed reader failed without saying why".into());
                    }
                    for p in problems.iter() {
                        if let Err(e) = located(p, value) {
                            wrong.push(e);
                        }
                    }
                }
            }
        }
    }
    if wrong.is_empty() {
        None
    } else {
        Some(format!(
            "{name} ({}):\n  {}\n{}",
            kind.tag(),
            wrong.join("\n  "),
            v.show()
        ))
    }
}

/// Fails the test with every failure listed.
fn assert_no_failures(failures: &[String], what: &str, count: usize) {
    assert!(
        failures.is_empty(),
        "{} of {count} {what} failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

fn documents() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("documents")
}

fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/protocols")
}

/// The `.json` files in a folder, sorted by name.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The kind of a test file, from the start of its name (`tender-...json`).
fn kind_from_name(name: &str) -> Document {
    [
        Document::SelfCheck,
        Document::Protocol,
        Document::Tender,
        Document::Bids,
    ]
    .into_iter()
    .find(|d| name.starts_with(&format!("{}-", d.tag())))
    .unwrap_or_else(|| panic!("{name}: a test file's name starts with its kind"))
}

/// The kind of a shipped file, from its `"document"` field.
fn kind_of(name: &str, value: &Value) -> Document {
    ulo_core::document_kind(value).unwrap_or_else(|| panic!("{name}: no \"document\" field"))
}

fn parse_strict(name: &str, kind: Document, text: &str) -> Value {
    ulo_core::json::parse(text, kind).unwrap_or_else(|p| panic!("{name}: not valid JSON: {p}"))
}

// ---------------------------------------------------------------------------------------------
// Valid documents
// ---------------------------------------------------------------------------------------------

#[test]
fn valid_documents_pass_both() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in json_files(&shipped_dir()) {
        let name = format!("core/protocols/{}", file_name(&path));
        let text = fs::read_to_string(&path).expect("readable");
        let value = ulo_core::json::parse(&text, Document::Protocol).expect("shipped JSON parses");
        let kind = kind_of(&name, &value);
        count += 1;
        failures.extend(check_case(&name, kind, &value, Expect::Valid));
    }
    assert_eq!(
        count, 5,
        "the four shipped documents and the protocol 1.0.0 are checked"
    );
    for path in json_files(&documents().join("valid")) {
        let name = format!("documents/valid/{}", file_name(&path));
        let kind = kind_from_name(&file_name(&path));
        let value = parse_strict(&name, kind, &fs::read_to_string(&path).expect("readable"));
        count += 1;
        failures.extend(check_case(&name, kind, &value, Expect::Valid));
    }
    println!("{count} valid documents checked");
    assert_no_failures(&failures, "valid documents", count);
}

/// The shipped documents are used whole as well: they also read and check against the shipped
/// protocol, so the valid variations start from real documents.
#[test]
fn shipped_examples_are_consistent() {
    let protocol = Protocol::shipped();
    let tender = protocol
        .tender_from_json(shipped::EXAMPLE_TENDER)
        .expect("example tender");
    protocol
        .bids_from_json(&tender, shipped::EXAMPLE_BIDS)
        .expect("example bids");
    protocol
        .checked_draft_from_json(&tender, shipped::EXAMPLE_SELF_CHECK)
        .expect("example self-check");
}

/// Drafts imported from the real OCDS releases in `tests/ocds/` (with their `procurement`
/// block: nation, start, CPV codes, value) are tender documents in the schema's form whenever
/// the engine's reader accepts them.
#[test]
fn imported_ocds_drafts_match_the_tender_schema() {
    let protocol = Protocol::shipped();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ocds");
    let mut checked = 0;
    for path in json_files(&dir) {
        if file_name(&path) == "expected.json" {
            continue;
        }
        let text = fs::read_to_string(&path).expect("an OCDS file");
        let import = ulo_core::ocds::import_json(&protocol, &text).expect("it imports");
        // Where the import asks for a lot's initial term (its notice's contract period may
        // include extensions), the commissioner's answer is supplied, as a real import is
        // completed: the draft is then checked like any other.
        let mut tender = import.tender.clone();
        for ask in &import.to_supply {
            if ask.field.ends_with("/months") && ask.reason.contains("initial term") {
                let lot = ask.field.trim_end_matches("/months");
                if let Some(lot) = tender.pointer_mut(lot) {
                    lot["months"] = serde_json::json!(12);
                }
            }
        }
        let complete = protocol.tender(&tender).is_ok();
        let schema = ulo_schemas::validate(for_document(Document::Tender), &tender);
        let typed = typed(Document::Tender, &tender);
        assert_eq!(
            schema.is_empty(),
            typed.is_ok(),
            "{}: the schema ({schema:?}) and the reader ({typed:?}) disagree",
            file_name(&path)
        );
        if complete {
            assert!(schema.is_empty(), "{}: {schema:?}", file_name(&path));
            assert!(tender.get("procurement").is_some());
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} complete drafts");
}

// ---------------------------------------------------------------------------------------------
// Malformed files
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_files_fail_both() {
    let files = json_files(&documents().join("invalid"));
    assert!(files.len() >= 40, "only {} malformed files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = format!("documents/invalid/{}", file_name(path));
        let kind = kind_from_name(&file_name(path));
        let value = parse_strict(&name, kind, &fs::read_to_string(path).expect("readable"));
        failures.extend(check_case(&name, kind, &value, Expect::Invalid));
    }
    println!("{} malformed files checked", files.len());
    assert_no_failures(&failures, "malformed files", files.len());
}

/// Files that are not acceptable JSON: the strict parser refuses them before either validator
/// sees a value, and says where.
#[test]
fn broken_files_fail_the_strict_parser() {
    let files = json_files(&documents().join("broken"));
    assert!(files.len() >= 6, "only {} broken files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = format!("documents/broken/{}", file_name(path));
        let kind = kind_from_name(&file_name(path));
        let text = fs::read_to_string(path).expect("readable");
        match catch_unwind(|| ulo_core::json::parse(&text, kind).map_err(Box::new)) {
            Err(_) => failures.push(format!("{name}: the parser panicked")),
            Ok(Ok(_)) => failures.push(format!("{name}: the strict parser accepts it")),
            Ok(Err(p)) => {
                if let Err(e) = parser_located(&p) {
                    failures.push(format!("{name}: {e}"));
                }
            }
        }
    }
    assert_no_failures(&failures, "broken files", files.len());
}

// ---------------------------------------------------------------------------------------------
// Edits of the shipped documents
// ---------------------------------------------------------------------------------------------

/// One change to a document, by JSON pointer.
enum Edit {
    /// Sets the value at the pointer (adding the field, or appending to a list, if need be).
    Set(String, Value),
    /// Removes the field or list item at the pointer.
    Remove(String),
}

/// `set(value)(pointer)`: the value first, as it is usually the longer part.
fn set(v: Value) -> impl Fn(&str) -> Edit {
    move |p| Edit::Set(p.to_string(), v.clone())
}

fn remove(p: &str) -> Edit {
    Edit::Remove(p.to_string())
}

fn split(pointer: &str) -> (&str, String) {
    let i = pointer.rfind('/').unwrap_or(0);
    let token = pointer[i + 1..].replace("~1", "/").replace("~0", "~");
    (&pointer[..i], token)
}

fn apply(doc: &mut Value, edit: &Edit) -> Result<(), String> {
    let (pointer, new) = match edit {
        Edit::Set(p, v) => (p.as_str(), Some(v.clone())),
        Edit::Remove(p) => (p.as_str(), None),
    };
    if pointer.is_empty() {
        *doc = new.unwrap_or(Value::Null);
        return Ok(());
    }
    let (parent, token) = split(pointer);
    let target = doc
        .pointer_mut(parent)
        .ok_or_else(|| format!("no value at \"{parent}\""))?;
    match (target, new) {
        (Value::Object(map), Some(v)) => {
            map.insert(token, v);
        }
        (Value::Object(map), None) => {
            map.remove(&token)
                .ok_or_else(|| format!("no field at \"{pointer}\""))?;
        }
        (Value::Array(items), new) => {
            let i: usize = token
                .parse()
                .map_err(|_| format!("\"{token}\" is not an index"))?;
            match new {
                Some(v) if i == items.len() => items.push(v),
                Some(v) if i < items.len() => items[i] = v,
                None if i < items.len() => {
                    items.remove(i);
                }
                _ => return Err(format!("no item at \"{pointer}\"")),
            }
        }
        _ => return Err(format!("\"{parent}\" is not an object or a list")),
    }
    Ok(())
}

fn base(kind: Document) -> Value {
    let text = match kind {
        Document::Protocol => shipped::PROTOCOL,
        Document::Tender => shipped::EXAMPLE_TENDER,
        Document::Bids => shipped::EXAMPLE_BIDS,
        Document::SelfCheck => shipped::EXAMPLE_SELF_CHECK,
    };
    ulo_core::json::parse(text, kind).expect("shipped documents parse")
}

fn text_of(len: usize) -> Value {
    Value::String("a".repeat(len))
}

fn list_of(item: Value, len: usize) -> Value {
    Value::Array(vec![item; len])
}

fn cite() -> Value {
    json!({"source": "PA23", "clause": "s.18"})
}

fn leaf(id: &str) -> Value {
    json!({"id": id, "title": "T", "weight": "100", "method": {"type": "panel", "scale": "five-point"}})
}

/// Edits that leave each document valid: the edges of each rule, from inside.
#[rustfmt::skip] // A table: one edit a line reads best.
fn still_valid() -> Vec<(Document, &'static str, Vec<Edit>)> {
    use Document::*;
    vec![
        (Protocol, "no $schema", vec![remove("/$schema")]),
        (Protocol, "two-part version", vec![set(json!("0.0"))("/version")]),
        (Protocol, "largest version", vec![set(json!("999999.999999.999999"))("/version")]),
        (Protocol, "places as 6.0", vec![set(json!(6.0))("/rounding/places")]),
        (Protocol, "places as 2.0", vec![set(json!(2.0))("/rounding/places")]),
        (Protocol, "year 0000 leap day", vec![set(json!("0000-02-29"))("/effective_date")]),
        (Protocol, "http url", vec![set(json!("http://x"))("/sources/0/url")]),
        (Protocol, "url of 500 characters", vec![set(Value::String(format!("https://{}", "a".repeat(492))))("/sources/0/url")]),
        (Protocol, "no url", vec![remove("/sources/0/url")]),
        (Protocol, "64-character id", vec![set(Value::String(format!("Z{}", "9._-".repeat(15) + "abc")))("/id")]),
        (Protocol, "title of 200 characters", vec![set(text_of(200))("/title")]),
        (Protocol, "title in other scripts", vec![set(json!("Protocole d’accès — 利用者主導"))("/title")]),
        (Protocol, "title of a byte-order mark (not white space to Rust)", vec![set(json!("\u{feff}"))("/title")]),
        (Protocol, "title with spaces around", vec![set(json!("\u{85}\u{3000} x \t"))("/title")]),
        (Protocol, "label of 60 characters", vec![set(text_of(60))("/scales/0/points/0/label")]),
        (Protocol, "clause of 100 characters", vec![set(json!([{"source": "PA23", "clause": "a".repeat(100)}]))("/award_model/cites")]),
        (Protocol, "20 cites", vec![set(list_of(cite(), 20))("/award_model/cites")]),
        (Protocol, "award cite without regimes", vec![remove("/award_model/cites/0/regimes")]),
        (Protocol, "award cite under 11 regimes", vec![set(list_of(json!("grant"), 11))("/award_model/cites/0/regimes")]),
        (Protocol, "criterion cite under a regime", vec![set(json!(["scotland"]))("/award_model/criteria/0/cites/0/regimes")]),
        (Protocol, "gate cite under a regime", vec![set(json!(["psr"]))("/award_model/gates/0/cites/0/regimes")]),
        (Protocol, "moderation cite under a regime", vec![set(json!(["grant"]))("/award_model/moderation/cites/0/regimes")]),
        (Protocol, "affordability cite under a regime", vec![set(json!(["pcr2015"]))("/award_model/affordability/cites/0/regimes")]),
        (Protocol, "no publisher or summary", vec![remove("/publisher"), remove("/summary")]),
        (Protocol, "percent 100.00", vec![set(json!("100.00"))("/award_model/abnormally_low/below_percent")]),
        (Protocol, "percent 0.5", vec![set(json!("0.5"))("/award_model/abnormally_low/below_percent")]),
        (Protocol, "median moderation", vec![set(json!({"method": "median", "variance_limit": 0, "cites": [cite()]}))("/award_model/moderation")]),
        (Protocol, "consensus moderation", vec![set(json!({"method": "consensus", "variance_limit": 100, "cites": [cite()]}))("/award_model/moderation")]),
        (Protocol, "mean without a share", vec![remove("/award_model/moderation/lived_experience_share")]),
        (Protocol, "condition: not of not", vec![set(json!({"not": {"not": {"all": [{"any": [{"fact": "lot_count", "equals": "0.0001"}]}]}}}))("/barriers/0/require")]),
        (Protocol, "condition: every operator", vec![set(json!({"all": [
            {"fact": "lot_count", "at_most": "9999999999999.9999"}, {"fact": "lot_count", "at_least": "0"},
            {"fact": "lot_count", "less_than": "1"}, {"fact": "lot_count", "more_than": "1.5"},
            {"fact": "lot_count", "equals": "2"}, {"fact": "reserved_for_user_led", "is": true}]}))("/barriers/0/require")]),
        (Protocol, "condition: 20 parts", vec![set(json!({"any": vec![json!({"fact": "lot_count", "at_least": "2"}); 20]}))("/barriers/0/require")]),
        (Protocol, "criteria three levels deep", vec![set(json!([{"id": "a", "title": "A", "weight": "100", "category": "quality", "children": [
            {"id": "b", "title": "B", "weight": "100", "children": [leaf("c")]}]}]))("/award_model/criteria")]),
        (Protocol, "panel with minimum", vec![set(json!({"type": "panel", "scale": "x", "minimum": {"score": 0, "disqualifies": false}}))("/award_model/criteria/0/children/0/method")]),
        (Protocol, "band without to", vec![remove("/award_model/criteria/2/children/1/method/bands/1/to")]),
        (Protocol, "no gates, no tie-break", vec![set(json!([]))("/award_model/gates"), set(json!([]))("/award_model/tie_break")]),
        (Protocol, "no barriers, scales, tunable or bid facts", vec![set(json!([]))("/barriers"), set(json!([]))("/scales"), set(json!([]))("/tunable"), set(json!([]))("/bid_facts")]),
        (Protocol, "eleven-point scale", vec![set(list_of(json!({"score": 1, "label": "l", "descriptor": "d"}), 11))("/scales/0/points")]),
        (Protocol, "score -0.0", vec![set(json!(-0.0))("/scales/0/points/0/score")]),
        (Tender, "months as 36.0", vec![set(json!(36.0))("/lots/0/months")]),
        (Tender, "months written 1e2", vec![set(json!(100.0))("/lots/0/months")]),
        (Tender, "terms_days -0.0", vec![set(json!(-0.0))("/payment/terms_days")]),
        (Tender, "money with 13 digits and 2 places", vec![set(json!("9999999999999.99"))("/lots/0/value")]),
        (Tender, "money 0.5", vec![set(json!("0.5"))("/lots/0/price_ceiling")]),
        (Tender, "leap day", vec![set(json!("2024-02-29"))("/published"), set(json!("2000-02-29"))("/response_deadline")]),
        (Tender, "empty weights", vec![set(json!({}))("/weights")]),
        (Tender, "empty conditions", vec![set(json!({}))("/conditions")]),
        (Tender, "ten insurances", vec![set(list_of(json!({"kind": "other", "amount": "1"}), 10))("/conditions/insurance")]),
        (Tender, "fifty lots", vec![set(list_of(json!({"id": "l", "title": "L", "value": "1", "months": 1}), 50))("/lots")]),
        (Tender, "thirty evaluators", vec![set(list_of(json!({"id": "e", "name": "N", "role": "officer"}), 30))("/panel")]),
        (Tender, "no optional flags", vec![remove("/electronic_auction"), remove("/reservation"), remove("/payment")]),
        (Tender, "description of 2000 characters", vec![set(text_of(2000))("/lots/0/description")]),
        (Bids, "no bids", vec![set(json!([]))("/bids")]),
        (Bids, "5000 bids", vec![set(list_of(json!({"id": "b", "lot": "l", "organisation": {"name": "N"}, "price": "1"}), 5000))("/bids")]),
        (Bids, "score 100 and 0", vec![set(json!(100))("/bids/0/scores/q-outcomes/e1/score"), set(json!(0))("/bids/0/scores/q-outcomes/e2/score")]),
        (Bids, "empty scores for a criterion", vec![set(json!({}))("/bids/0/scores/q-outcomes")]),
        (Bids, "fact with 4 places", vec![set(json!("0.1234"))("/bids/0/facts/local_staff_percent")]),
        (Bids, "organisation with a name only", vec![set(json!({"name": "N"}))("/bids/0/organisation")]),
        (Bids, "staff of a million", vec![set(json!({"total": 1_000_000, "disabled": 1_000_000}))("/bids/0/organisation/staff")]),
        (SelfCheck, "single expected score", vec![set(json!({"score": 0}))("/expected/q-outcomes")]),
        (SelfCheck, "empty expected", vec![set(json!({}))("/expected")]),
        (SelfCheck, "competitor price", vec![set(json!("1"))("/competitor_lowest_price")]),
        (SelfCheck, "all gate words", vec![set(json!({"a": "pass", "b": "fail", "c": "unsure"}))("/gates")]),
    ]
}

/// Edits that break each document, one rule at a time.
#[rustfmt::skip] // A table: one edit a line reads best.
fn malformed() -> Vec<(Document, &'static str, Vec<Edit>)> {
    use Document::*;
    let long_key = "k".repeat(65);
    vec![
        // Protocol: the document itself.
        (Protocol, "not an object", vec![set(json!(["protocol"]))("")]),
        (Protocol, "null", vec![set(Value::Null)("")]),
        (Protocol, "missing document", vec![remove("/document")]),
        (Protocol, "document of another kind", vec![set(json!("bids"))("/document")]),
        (Protocol, "document as a number", vec![set(json!(1))("/document")]),
        (Protocol, "$schema blank", vec![set(json!(""))("/$schema")]),
        (Protocol, "$schema of 501 characters", vec![set(text_of(501))("/$schema")]),
        (Protocol, "$schema as a number", vec![set(json!(5))("/$schema")]),
        (Protocol, "unknown top-level field", vec![set(json!(true))("/notes")]),
        (Protocol, "missing id", vec![remove("/id")]),
        (Protocol, "missing tunable", vec![remove("/tunable")]),
        (Protocol, "id starting with a dash", vec![set(json!("-ulcp"))("/id")]),
        (Protocol, "id with a space", vec![set(json!("ul cp"))("/id")]),
        (Protocol, "id of 65 characters", vec![set(text_of(65))("/id")]),
        (Protocol, "id with a trailing newline", vec![set(json!("ulcp\n"))("/id")]),
        (Protocol, "id with an accent", vec![set(json!("ulcp-é"))("/id")]),
        (Protocol, "title of 201 characters", vec![set(text_of(201))("/title")]),
        (Protocol, "title of next-line characters only", vec![set(json!("\u{85}\u{85}"))("/title")]),
        (Protocol, "title of ideographic spaces only", vec![set(json!("\u{3000}"))("/title")]),
        (Protocol, "empty title", vec![set(json!(""))("/title")]),
        (Protocol, "version with four parts", vec![set(json!("1.0.0.0"))("/version")]),
        (Protocol, "version with one part", vec![set(json!("1"))("/version")]),
        (Protocol, "version part of 7 digits", vec![set(json!("1.1234567"))("/version")]),
        (Protocol, "version with a trailing newline", vec![set(json!("1.0\n"))("/version")]),
        (Protocol, "version as a number", vec![set(json!(1.0))("/version")]),
        (Protocol, "month 13", vec![set(json!("2026-13-01"))("/effective_date")]),
        (Protocol, "date and time", vec![set(json!("2026-04-01T00:00:00Z"))("/effective_date")]),
        (Protocol, "1900 was not a leap year", vec![set(json!("1900-02-29"))("/effective_date")]),
        (Protocol, "places -1", vec![set(json!(-1))("/rounding/places")]),
        (Protocol, "places 2.5", vec![set(json!(2.5))("/rounding/places")]),
        (Protocol, "places in quotes", vec![set(json!("2"))("/rounding/places")]),
        (Protocol, "places 1e30", vec![set(json!(1e30))("/rounding/places")]),
        (Protocol, "places beyond 64 bits", vec![set(json!(u64::MAX))("/rounding/places")]),
        (Protocol, "rounding without mode", vec![remove("/rounding/mode")]),
        // Sources and scales.
        (Protocol, "unknown source kind", vec![set(json!("law"))("/sources/0/kind")]),
        (Protocol, "source field misspelt", vec![set(json!("https://x"))("/sources/0/link")]),
        (Protocol, "url without scheme", vec![set(json!("www.legislation.gov.uk"))("/sources/0/url")]),
        (Protocol, "url with a tab", vec![set(json!("https://x\ty"))("/sources/0/url")]),
        (Protocol, "url with a no-break space", vec![set(json!("https://x\u{a0}y"))("/sources/0/url")]),
        (Protocol, "url of 501 characters", vec![set(Value::String(format!("https://{}", "a".repeat(493))))("/sources/0/url")]),
        (Protocol, "101 sources", vec![set(list_of(json!({"id": "S", "title": "S", "kind": "research"}), 101))("/sources")]),
        (Protocol, "scale with one point", vec![remove("/scales/0/points/1"), remove("/scales/0/points/1"), remove("/scales/0/points/1"), remove("/scales/0/points/1"), remove("/scales/0/points/1")]),
        (Protocol, "scale with twelve points", vec![set(list_of(json!({"score": 1, "label": "l", "descriptor": "d"}), 12))("/scales/0/points")]),
        (Protocol, "label of 61 characters", vec![set(text_of(61))("/scales/0/points/0/label")]),
        (Protocol, "score 101", vec![set(json!(101))("/scales/0/points/0/score")]),
        (Protocol, "scales not a list", vec![set(json!({}))("/scales")]),
        // Eligibility.
        (Protocol, "no eligibility tests", vec![set(json!([]))("/eligibility/tests")]),
        (Protocol, "unknown rule type", vec![set(json!("board"))("/eligibility/tests/0/rule/type")]),
        (Protocol, "rule type missing", vec![remove("/eligibility/tests/0/rule/type")]),
        (Protocol, "rule type as a number", vec![set(json!(1))("/eligibility/tests/0/rule/type")]),
        (Protocol, "unknown share comparison", vec![set(json!("over"))("/eligibility/tests/0/rule/op")]),
        (Protocol, "percent 101", vec![set(json!("101"))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "percent 100.01", vec![set(json!("100.01"))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "percent 05", vec![set(json!("05"))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "percent with 3 places", vec![set(json!("75.125"))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "percent with a leading space", vec![set(json!(" 75"))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "percent as a number", vec![set(json!(75))("/eligibility/tests/0/rule/percent")]),
        (Protocol, "share rule with a declaration field", vec![set(json!("accountable_to_members"))("/eligibility/tests/0/rule/declaration")]),
        (Protocol, "unknown declaration", vec![set(json!("not_for_profit"))("/eligibility/tests/2/rule/declaration")]),
        (Protocol, "no legal forms allowed", vec![set(json!([]))("/eligibility/tests/5/rule/allowed")]),
        (Protocol, "unknown legal form", vec![set(json!("llp"))("/eligibility/tests/5/rule/allowed/0")]),
        (Protocol, "test without cites", vec![remove("/eligibility/tests/0/cites")]),
        // Cites.
        (Protocol, "empty cites", vec![set(json!([]))("/award_model/cites")]),
        (Protocol, "21 cites", vec![set(list_of(cite(), 21))("/award_model/cites")]),
        (Protocol, "cite without clause", vec![remove("/award_model/cites/0/clause")]),
        (Protocol, "clause of 101 characters", vec![set(text_of(101))("/award_model/cites/0/clause")]),
        (Protocol, "cite source not an id", vec![set(json!("PA 23"))("/award_model/cites/0/source")]),
        (Protocol, "award cite under no regime", vec![set(json!([]))("/award_model/cites/0/regimes")]),
        (Protocol, "award cite under 12 regimes", vec![set(list_of(json!("grant"), 12))("/award_model/cites/0/regimes")]),
        (Protocol, "award cite under an unknown regime", vec![set(json!(["england"]))("/award_model/abnormally_low/cites/0/regimes")]),
        (Protocol, "award cite regimes as text", vec![set(json!("pa2023"))("/award_model/cites/0/regimes")]),
        (Protocol, "eligibility cite under a regime", vec![set(json!(["pa2023"]))("/eligibility/tests/0/cites/0/regimes")]),
        (Protocol, "barrier cite under a regime", vec![set(json!(["pa2023"]))("/barriers/0/applies/0/cites/0/regimes")]),
        // Barriers and conditions.
        (Protocol, "unknown scope", vec![set(json!("contract"))("/barriers/0/scope")]),
        (Protocol, "unknown severity", vec![set(json!("may"))("/barriers/0/severity")]),
        (Protocol, "barrier without question", vec![remove("/barriers/0/question")]),
        (Protocol, "condition as text", vec![set(json!("lot_count >= 2"))("/barriers/0/require")]),
        (Protocol, "empty condition", vec![set(json!({}))("/barriers/0/require")]),
        (Protocol, "comparison with is and at_least", vec![set(json!({"fact": "lot_count", "at_least": "2", "is": true}))("/barriers/0/require")]),
        (Protocol, "comparison without fact", vec![set(json!({"at_least": "2"}))("/barriers/0/require")]),
        (Protocol, "comparison with a negative limit", vec![set(json!({"fact": "lot_count", "at_least": "-2"}))("/barriers/0/require")]),
        (Protocol, "comparison with 5 places", vec![set(json!({"fact": "lot_count", "at_least": "0.00001"}))("/barriers/0/require")]),
        (Protocol, "comparison with an unknown operator", vec![set(json!({"fact": "lot_count", "above": "2"}))("/barriers/0/require")]),
        (Protocol, "not with a fact beside it", vec![set(json!({"not": {"fact": "lot_count", "at_least": "2"}, "fact": "lot_count"}))("/barriers/0/require")]),
        (Protocol, "any with 21 parts", vec![set(json!({"any": vec![json!({"fact": "lot_count", "at_least": "2"}); 21]}))("/barriers/0/require")]),
        (Protocol, "bad part deep inside", vec![set(json!({"all": [{"not": {"any": [{"fact": "lot_count", "at_least": "2"}, {"fact": "lot_count", "is": 1}]}}]}))("/barriers/0/require")]),
        // Criteria.
        (Protocol, "children and method", vec![set(json!({"type": "panel", "scale": "five-point"}))("/award_model/criteria/0/method")]),
        (Protocol, "neither children nor method", vec![remove("/award_model/criteria/0/children")]),
        (Protocol, "five levels of criteria", vec![set(json!([{"id": "b", "title": "B", "weight": "100", "children": [{"id": "c", "title": "C", "weight": "100", "children": [{"id": "d", "title": "D", "weight": "100", "children": [leaf("e")]}]}]}]))("/award_model/criteria/0/children")]),
        (Protocol, "four levels of criteria", vec![set(json!([{"id": "d", "title": "D", "weight": "100", "children": [{"id": "e", "title": "E", "weight": "100", "children": [leaf("f")]}]}]))("/award_model/criteria/0/children")]),
        (Protocol, "third level without method", vec![set(json!([{"id": "d", "title": "D", "weight": "100", "children": [{"id": "e", "title": "E", "weight": "100"}]}]))("/award_model/criteria/0/children")]),
        (Protocol, "31 criteria", vec![set(list_of(leaf("x"), 31))("/award_model/criteria")]),
        (Protocol, "no criteria", vec![set(json!([]))("/award_model/criteria")]),
        (Protocol, "weight with a % sign", vec![set(json!("50%"))("/award_model/criteria/0/weight")]),
        (Protocol, "criterion without weight", vec![remove("/award_model/criteria/0/weight")]),
        (Protocol, "unknown category", vec![set(json!("social"))("/award_model/criteria/0/category")]),
        (Protocol, "description of 2001 characters", vec![set(text_of(2001))("/award_model/criteria/0/children/0/description")]),
        (Protocol, "unknown method type", vec![set(json!({"type": "formula", "formula": "lowest_price_ratio"}))("/award_model/criteria/0/children/0/method")]),
        (Protocol, "method without type", vec![set(json!({"scale": "five-point"}))("/award_model/criteria/0/children/0/method")]),
        (Protocol, "panel without scale", vec![set(json!({"type": "panel"}))("/award_model/criteria/0/children/0/method")]),
        (Protocol, "panel with a formula", vec![set(json!({"type": "panel", "scale": "five-point", "formula": "lowest_price_ratio"}))("/award_model/criteria/0/children/0/method")]),
        (Protocol, "minimum without disqualifies", vec![remove("/award_model/criteria/0/children/0/method/minimum/disqualifies")]),
        (Protocol, "minimum score 101", vec![set(json!(101))("/award_model/criteria/0/children/0/method/minimum/score")]),
        (Protocol, "disqualifies as text", vec![set(json!("yes"))("/award_model/criteria/0/children/0/method/minimum/disqualifies")]),
        (Protocol, "no bands", vec![set(json!([]))("/award_model/criteria/2/children/1/method/bands")]),
        (Protocol, "band without from", vec![remove("/award_model/criteria/2/children/1/method/bands/0/from")]),
        (Protocol, "band with a label", vec![set(json!("low"))("/award_model/criteria/2/children/1/method/bands/0/label")]),
        (Protocol, "out_of 0", vec![set(json!(0))("/award_model/criteria/2/children/1/method/out_of")]),
        (Protocol, "unknown price formula", vec![set(json!({"type": "price", "formula": "cheapest"}))("/award_model/criteria/0/children/0/method")]),
        // The rest of the award model.
        (Protocol, "unknown moderation method", vec![set(json!("average"))("/award_model/moderation/method")]),
        (Protocol, "median with a share", vec![set(json!("median"))("/award_model/moderation/method")]),
        (Protocol, "share of 150", vec![set(json!("150"))("/award_model/moderation/lived_experience_share")]),
        (Protocol, "variance limit 101", vec![set(json!(101))("/award_model/moderation/variance_limit")]),
        (Protocol, "unknown benchmark", vec![set(json!("median_bid"))("/award_model/abnormally_low/compare_to")]),
        (Protocol, "unknown ceiling action", vec![set(json!("reject"))("/award_model/affordability/over_ceiling")]),
        (Protocol, "31 gates", vec![set(list_of(json!({"id": "g", "title": "G", "description": "D", "cites": [cite()]}), 31))("/award_model/gates")]),
        (Protocol, "unknown tie-break rule", vec![set(json!({"rule": "coin_toss"}))("/award_model/tie_break/0")]),
        (Protocol, "tie-break without criterion", vec![set(json!({"rule": "higher_score_in"}))("/award_model/tie_break/0")]),
        (Protocol, "lower price with a criterion", vec![set(json!({"rule": "lower_price", "criterion": "price"}))("/award_model/tie_break/0")]),
        (Protocol, "11 tie-break rules", vec![set(list_of(json!({"rule": "lower_price"}), 11))("/award_model/tie_break")]),
        (Protocol, "award model without gates", vec![remove("/award_model/gates")]),
        (Protocol, "tunable minimum not a percentage", vec![set(json!("abc"))("/tunable/0/min")]),
        (Protocol, "unknown bid fact kind", vec![set(json!("ratio"))("/bid_facts/0/kind")]),
        (Protocol, "51 bid facts", vec![set(list_of(json!({"id": "f", "title": "F", "kind": "count"}), 51))("/bid_facts")]),
        // Tender.
        (Tender, "not an object", vec![set(json!("tender"))("")]),
        (Tender, "document of another kind", vec![set(json!("protocol"))("/document")]),
        (Tender, "unknown field", vec![set(json!("1000000"))("/budget")]),
        (Tender, "missing lots", vec![remove("/lots")]),
        (Tender, "51 lots", vec![set(list_of(json!({"id": "l", "title": "L", "value": "1", "months": 1}), 51))("/lots")]),
        (Tender, "lot without months", vec![remove("/lots/0/months")]),
        (Tender, "months 241", vec![set(json!(241))("/lots/0/months")]),
        (Tender, "months 1e30", vec![set(json!(1e30))("/lots/0/months")]),
        (Tender, "months in quotes", vec![set(json!("36"))("/lots/0/months")]),
        (Tender, "value with a pound sign", vec![set(json!("£360000"))("/lots/0/value")]),
        (Tender, "value with 3 places", vec![set(json!("360000.123"))("/lots/0/value")]),
        (Tender, "negative value", vec![set(json!("-5"))("/lots/0/value")]),
        (Tender, "value with a leading zero", vec![set(json!("0360000"))("/lots/0/value")]),
        (Tender, "value of 14 digits", vec![set(json!("10000000000000"))("/lots/0/value")]),
        (Tender, "value in exponent form", vec![set(json!("3.6e5"))("/lots/0/value")]),
        (Tender, "value with a trailing newline", vec![set(json!("360000\n"))("/lots/0/value")]),
        (Tender, "value in full-width digits", vec![set(json!("３６００００"))("/lots/0/value")]),
        (Tender, "value ending in a point", vec![set(json!("360000."))("/lots/0/value")]),
        (Tender, "price ceiling as text", vec![set(json!("not known"))("/lots/0/price_ceiling")]),
        (Tender, "lot id with a space", vec![set(json!("lot 1"))("/lots/0/id")]),
        (Tender, "lot with a budget", vec![set(json!("1"))("/lots/0/budget")]),
        (Tender, "date with slashes", vec![set(json!("2026/05/11"))("/published")]),
        (Tender, "day first", vec![set(json!("11-05-2026"))("/published")]),
        (Tender, "31 April", vec![set(json!("2026-04-31"))("/response_deadline")]),
        (Tender, "date as a number", vec![set(json!(20_260_511))("/published")]),
        (Tender, "reserved as text", vec![set(json!("no"))("/reserved_for_user_led")]),
        (Tender, "auction as 0", vec![set(json!(0))("/electronic_auction")]),
        (Tender, "flag as null", vec![set(Value::Null)("/users_involved_in_design")]),
        (Tender, "unknown insurance kind", vec![set(json!("fire"))("/conditions/insurance/0/kind")]),
        (Tender, "11 insurances", vec![set(list_of(json!({"kind": "other", "amount": "1"}), 11))("/conditions/insurance")]),
        (Tender, "blank accreditation", vec![set(json!([""]))("/conditions/accreditations")]),
        (Tender, "21 accreditations", vec![set(list_of(json!("a"), 21))("/conditions/accreditations")]),
        (Tender, "unknown condition", vec![set(json!("1"))("/conditions/minimum_reserves")]),
        (Tender, "conditions as text", vec![set(json!("none"))("/conditions")]),
        (Tender, "weight as a number", vec![set(json!(30))("/weights/price")]),
        (Tender, "weight 101", vec![set(json!("101"))("/weights/price")]),
        (Tender, "weight key too long", vec![set(json!("1"))(&format!("/weights/{long_key}"))]),
        (Tender, "weights as a list", vec![set(json!([]))("/weights")]),
        (Tender, "payment terms 366 days", vec![set(json!(366))("/payment/terms_days")]),
        (Tender, "payment terms -1 days", vec![set(json!(-1))("/payment/terms_days")]),
        (Tender, "results percent 100.5", vec![set(json!("100.5"))("/payment/by_results_percent")]),
        (Tender, "core costs as text", vec![set(json!("yes"))("/payment/core_costs_contribution")]),
        (Tender, "31 evaluators", vec![set(list_of(json!({"id": "e", "name": "N", "role": "officer"}), 31))("/panel")]),
        (Tender, "unknown role", vec![set(json!("chair"))("/panel/0/role")]),
        (Tender, "evaluator without name", vec![remove("/panel/0/name")]),
        (Tender, "service of 2001 characters", vec![set(text_of(2001))("/service")]),
        (Tender, "blank reasons for no lots", vec![set(json!("\n\n"))("/no_lots_reason")]),
        // Bids.
        (Bids, "not an object", vec![set(json!([]))("")]),
        (Bids, "missing tender", vec![remove("/tender")]),
        (Bids, "tender id blank", vec![set(json!(""))("/tender")]),
        (Bids, "bids as an object", vec![set(json!({}))("/bids")]),
        (Bids, "5001 bids", vec![set(list_of(json!({"id": "b", "lot": "l", "organisation": {"name": "N"}, "price": "1"}), 5001))("/bids")]),
        (Bids, "bid with notes", vec![set(json!("late"))("/bids/0/notes")]),
        (Bids, "bid without organisation", vec![remove("/bids/0/organisation")]),
        (Bids, "price with 3 places", vec![set(json!("352000.001"))("/bids/0/price")]),
        (Bids, "lot as a number", vec![set(json!(1))("/bids/0/lot")]),
        (Bids, "unknown legal form", vec![set(json!("ltd"))("/bids/0/organisation/legal_form")]),
        (Bids, "turnover as a number", vec![set(json!(310_000))("/bids/0/organisation/annual_turnover")]),
        (Bids, "board of 1001", vec![set(json!(1001))("/bids/0/organisation/board/disabled_or_service_users")]),
        (Bids, "board without voting members", vec![remove("/bids/0/organisation/board/voting_members")]),
        (Bids, "board with an extra field", vec![set(json!(3))("/bids/0/organisation/board/observers")]),
        (Bids, "-1 staff", vec![set(json!(-1))("/bids/0/organisation/staff/total")]),
        (Bids, "-1 disabled staff", vec![set(json!(-1))("/bids/0/organisation/staff/disabled")]),
        (Bids, "staff beyond a million", vec![set(json!(1_000_001))("/bids/0/organisation/staff/total")]),
        (Bids, "accountable as text", vec![set(json!("yes"))("/bids/0/organisation/accountable_to_members")]),
        (Bids, "organisation as text", vec![set(json!("Northfield"))("/bids/0/organisation")]),
        (Bids, "fact as a number", vec![set(json!(80))("/bids/0/facts/local_staff_percent")]),
        (Bids, "fact with 5 places", vec![set(json!("80.12345"))("/bids/0/facts/local_staff_percent")]),
        (Bids, "fact key with a space", vec![set(json!("80"))("/bids/0/facts/local staff")]),
        (Bids, "gate outcome passed", vec![set(json!("passed"))("/bids/0/gates/data-protection")]),
        (Bids, "gate outcome unsure (self-checks only)", vec![set(json!("unsure"))("/bids/0/gates/data-protection")]),
        (Bids, "score 4.5", vec![set(json!(4.5))("/bids/0/scores/q-outcomes/e1/score")]),
        (Bids, "score -1", vec![set(json!(-1))("/bids/0/scores/q-outcomes/e1/score")]),
        (Bids, "blank rationale", vec![set(json!(" "))("/bids/0/scores/q-outcomes/e1/rationale")]),
        (Bids, "score with a comment", vec![set(json!("good"))("/bids/0/scores/q-outcomes/e1/comment")]),
        (Bids, "score without score", vec![remove("/bids/0/scores/q-outcomes/e2/score")]),
        (Bids, "evaluator score as a number", vec![set(json!(4))("/bids/0/scores/q-outcomes/e1")]),
        (Bids, "evaluator key with a space", vec![set(json!({"score": 4}))("/bids/0/scores/q-outcomes/e 5")]),
        (Bids, "scores as a list", vec![set(json!([]))("/bids/0/scores")]),
        (Bids, "consensus without rationale", vec![set(json!({"q-outcomes": {"score": 3}}))("/bids/0/consensus")]),
        (Bids, "consensus score 101", vec![set(json!({"q-outcomes": {"score": 101, "rationale": "r"}}))("/bids/0/consensus")]),
        // Self-check.
        (SelfCheck, "not an object", vec![set(json!(true))("")]),
        (SelfCheck, "document of another kind", vec![set(json!("bids"))("/document")]),
        (SelfCheck, "missing lot", vec![remove("/lot")]),
        (SelfCheck, "missing organisation", vec![remove("/organisation")]),
        (SelfCheck, "unknown field", vec![set(json!("draft 2"))("/notes")]),
        (SelfCheck, "price as a number", vec![set(json!(352_000))("/price")]),
        (SelfCheck, "competitor price as text", vec![set(json!("n/a"))("/competitor_lowest_price")]),
        (SelfCheck, "gate outcome maybe", vec![set(json!("maybe"))("/gates/data-protection")]),
        (SelfCheck, "empty expected score", vec![set(json!({}))("/expected/q-outcomes")]),
        (SelfCheck, "score and low", vec![set(json!({"score": 3, "low": 1}))("/expected/q-outcomes")]),
        (SelfCheck, "low without high", vec![set(json!({"low": 1}))("/expected/q-outcomes")]),
        (SelfCheck, "high without low", vec![set(json!({"high": 1}))("/expected/q-outcomes")]),
        (SelfCheck, "range and score", vec![set(json!({"low": 1, "high": 2, "score": 3}))("/expected/q-outcomes")]),
        (SelfCheck, "range with an extra field", vec![set(json!({"low": 1, "high": 2, "likely": 1}))("/expected/q-outcomes")]),
        (SelfCheck, "expected score 101", vec![set(json!({"score": 101}))("/expected/q-outcomes")]),
        (SelfCheck, "expected score in quotes", vec![set(json!({"score": "3"}))("/expected/q-outcomes")]),
        (SelfCheck, "expected high of -1", vec![set(json!({"low": 0, "high": -1}))("/expected/q-outcomes")]),
        (SelfCheck, "expected as a number", vec![set(json!(3))("/expected/q-outcomes")]),
        (SelfCheck, "expected key not an id", vec![set(json!({"score": 3}))("/expected/_q")]),
        (SelfCheck, "organisation name of 201 characters", vec![set(text_of(201))("/organisation/name")]),
    ]
}

fn run_edits(
    cases: Vec<(Document, &'static str, Vec<Edit>)>,
    expect: Expect,
) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let count = cases.len();
    for (kind, what, edits) in cases {
        let name = format!("edit of the shipped {}: {what}", kind.tag());
        let mut doc = base(kind);
        if let Some(e) = edits.iter().find_map(|e| apply(&mut doc, e).err()) {
            failures.push(format!("{name}: the edit does not apply: {e}"));
            continue;
        }
        failures.extend(check_case(&name, kind, &doc, expect));
    }
    (count, failures)
}

#[test]
fn edits_at_the_edges_stay_valid() {
    let (count, failures) = run_edits(still_valid(), Expect::Valid);
    println!("{count} still-valid edits checked");
    assert_no_failures(&failures, "still-valid edits", count);
}

#[test]
fn malformed_edits_fail_both() {
    let (count, failures) = run_edits(malformed(), Expect::Invalid);
    let kinds: BTreeSet<&str> = malformed().iter().map(|(k, ..)| k.tag()).collect();
    assert_eq!(kinds.len(), 4, "every input kind has malformed edits");
    println!("{count} malformed edits checked");
    assert_no_failures(&failures, "malformed edits", count);
}

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

/// The example tender with one field's JSON text replaced.
fn tender_text_with(field: &str, json_text: &str) -> String {
    let mut v = base(Document::Tender);
    v[field] = Value::String("@@".into());
    serde_json::to_string(&v)
        .expect("serialises")
        .replace("\"@@\"", json_text)
}

#[test]
fn a_ten_megabyte_string_is_refused_by_both() {
    let text = tender_text_with("title", &format!("\"{}\"", "x".repeat(10 * 1024 * 1024)));
    let value = ulo_core::json::parse(&text, Document::Tender).expect("under the size limit");
    let failure = check_case("10 MB title", Document::Tender, &value, Expect::Invalid);
    assert!(failure.is_none(), "{}", failure.unwrap_or_default());
    let errors = ulo_schemas::validate(Schema::Tender, &value);
    assert!(errors.iter().any(|e| e.pointer == "/title"), "{errors:?}");
    assert!(
        errors.iter().all(|e| e.message.len() < 2_000),
        "messages are capped"
    );
    let problems = ulo_core::tender::read(&value).expect_err("refused");
    assert!(
        problems.iter().all(|p| p.to_string().len() < 2_000),
        "messages are short"
    );
}

#[test]
fn huge_and_negative_numbers() {
    // Large, fractional and negative numbers where counts belong: both refuse them. Numbers
    // keep their text, so one beyond a double, or one a double would round to a whole number
    // (2.9999999999999999999 to 3, 1e-400 to 0), reaches both readers as written.
    let mut failures = Vec::new();
    for (field_text, label) in [
        ("1e400", "1e400"),
        ("2.9999999999999999999", "2.9999999999999999999"),
        ("36.000000000000000001", "36.000000000000000001"),
        ("1e-400", "1e-400"),
        ("1e30", "1e30"),
        ("-1e30", "-1e30"),
        ("1e19", "1e19"),
        ("18446744073709551616", "2^64"),
        ("-1", "-1"),
        ("-0.5", "-0.5"),
        ("1.0000001", "1.0000001"),
    ] {
        let mut v = base(Document::Tender);
        v["lots"][0]["months"] = Value::String("@@".into());
        let text = serde_json::to_string(&v)
            .expect("serialises")
            .replace("\"@@\"", field_text);
        let value = ulo_core::json::parse(&text, Document::Tender).expect("parses");
        failures.extend(check_case(
            &format!("months {label}"),
            Document::Tender,
            &value,
            Expect::Invalid,
        ));
    }
    assert_no_failures(&failures, "number cases", 11);
}

#[test]
fn duplicate_keys_are_refused_with_a_pointer() {
    for (kind, text, pointer) in [
        (
            Document::Tender,
            r#"{"document": "tender", "lots": [{"id": "a", "value": "1", "value": "2"}]}"#,
            "/lots/0/value",
        ),
        (
            Document::Bids,
            r#"{"document": "bids", "bids": [{"scores": {"q": {"e1": {"score": 1}, "e1": {"score": 2}}}}]}"#,
            "/bids/0/scores/q/e1",
        ),
        (
            Document::Protocol,
            r#"{"document": "protocol", "award_model": {"moderation": {"method": "mean", "method": "median"}}}"#,
            "/award_model/moderation/method",
        ),
        (
            Document::Tender,
            r#"{"document": "tender", "document": "tender"}"#,
            "/document",
        ),
    ] {
        let p = ulo_core::json::parse(text, kind).expect_err("duplicate keys are refused");
        assert!(matches!(p.kind, ProblemKind::DuplicateKey { .. }), "{p:?}");
        assert_eq!(p.pointer, pointer, "{p:?}");
        assert!(parser_located(&p).is_ok());
    }
}

#[test]
fn deep_nesting_is_refused_with_a_pointer() {
    let depth = 10_000;
    for (kind, text) in [
        (
            Document::Protocol,
            format!(
                "{{\"barriers\": [{{\"require\": {}{{\"fact\": \"lot_count\", \"is\": true}}{}}}]}}",
                "{\"not\": ".repeat(depth),
                "}".repeat(depth)
            ),
        ),
        (
            Document::Bids,
            format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        ),
    ] {
        let p = ulo_core::json::parse(&text, kind).expect_err("deep nesting is refused");
        assert!(matches!(p.kind, ProblemKind::TooDeep { .. }), "{p:?}");
        assert!(parser_located(&p).is_ok(), "{p:?}");
    }
    // Nesting well within the parser's limit is judged the same by both.
    let nested = (0..20).fold(
        json!({"fact": "lot_count", "is": true}),
        |c, _| json!({"not": c}),
    );
    let mut doc = base(Document::Protocol);
    doc["barriers"][0]["require"] = nested;
    let failure = check_case("20 nested nots", Document::Protocol, &doc, Expect::Valid);
    assert!(failure.is_none(), "{}", failure.unwrap_or_default());
}

#[test]
fn broken_json_text_is_located() {
    for (text, what) in [
        ("", "empty"),
        ("{", "unclosed"),
        ("{\"document\": \"tender\",}", "trailing comma"),
        ("{\"document\" \"tender\"}", "missing colon"),
        ("[1, 2,, 3]", "double comma"),
        ("{\"a\": tru}", "misspelt true"),
        ("{\"a\": \"\\x\"}", "bad escape"),
        ("{\"a\": 01}", "leading zero"),
        ("{\"a\": NaN}", "NaN"),
        ("\u{feff}{}", "byte-order mark"),
        ("{} {}", "two documents"),
    ] {
        let outcome =
            catch_unwind(|| ulo_core::json::parse(text, Document::Tender).map_err(Box::new));
        match outcome {
            Err(_) => panic!("{what}: the parser panicked"),
            Ok(Ok(v)) => panic!("{what}: the strict parser accepts it as {v}"),
            Ok(Err(p)) => assert!(parser_located(&p).is_ok(), "{what}: {p:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Random edits
// ---------------------------------------------------------------------------------------------

/// Every JSON pointer in a value, the root included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Values near the edges of the rules, to drop in anywhere.
fn pool() -> Vec<Value> {
    let mut out = vec![
        json!(""),
        json!(" "),
        json!("\u{85}"),
        json!("\u{feff}"),
        json!("x"),
        json!("lot-1"),
        json!("-x"),
        Value::String("i".repeat(64)),
        Value::String("i".repeat(65)),
        Value::String("t".repeat(200)),
        Value::String("t".repeat(201)),
        json!("2026-02-28"),
        json!("2026-02-30"),
        json!("0"),
        json!("01"),
        json!("1.5"),
        json!("1.12345"),
        json!("100"),
        json!("100.00"),
        json!("100.001"),
        json!("9999999999999.99"),
        json!("https://x"),
        json!("1.0.0"),
        json!(0),
        json!(-1),
        json!(1),
        json!(3.0),
        json!(2.5),
        json!(100),
        json!(101),
        json!(1e30),
        json!(true),
        json!(false),
        Value::Null,
        json!([]),
        json!([1]),
        json!({}),
        json!({"score": 1}),
        json!({"low": 1, "high": 2}),
        json!({"fact": "lot_count", "at_least": "2"}),
        json!({"not": {"fact": "electronic_auction", "is": false}}),
        json!({"type": "panel", "scale": "x"}),
        json!({"source": "S", "clause": "c"}),
    ];
    // Every word of every closed set, so that edits sometimes swap one word for another.
    for words in choice_lists().into_iter().map(|(_, w)| w) {
        out.extend(words.into_iter().map(Value::from));
    }
    out
}

#[derive(Clone, Debug)]
enum RandomEdit {
    Replace(usize, usize),
    Remove(usize),
    AddField(usize, usize),
}

fn random_edit() -> impl Strategy<Value = (usize, RandomEdit)> {
    let edit = prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(p, v)| RandomEdit::Replace(p, v)),
        2 => any::<usize>().prop_map(RandomEdit::Remove),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(p, v)| RandomEdit::AddField(p, v)),
    ];
    (0usize..4, edit)
}

fn random_case(which: usize, edit: &RandomEdit, pool: &[Value]) -> (Document, String, Value) {
    let kind = [
        Document::Protocol,
        Document::Tender,
        Document::Bids,
        Document::SelfCheck,
    ][which];
    let mut doc = base(kind);
    let mut all = Vec::new();
    pointers(&doc, String::new(), &mut all);
    let described;
    match edit {
        RandomEdit::Replace(p, v) => {
            let p = &all[p % all.len()];
            let v = &pool[v % pool.len()];
            described = format!("set {p} to {v}");
            if p.is_empty() {
                doc = v.clone();
            } else if let Some(slot) = doc.pointer_mut(p) {
                *slot = v.clone();
            }
        }
        RandomEdit::Remove(p) => {
            let p = &all[p % all.len()];
            described = format!("remove {p}");
            if !p.is_empty() {
                let (parent, token) = split(p);
                match doc.pointer_mut(parent) {
                    Some(Value::Object(m)) => {
                        m.remove(&token);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = token.parse::<usize>() {
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        RandomEdit::AddField(p, v) => {
            let p = &all[p % all.len()];
            let v = &pool[v % pool.len()];
            described = format!("add field \"extra\" = {v} at {p}");
            if let Some(Value::Object(m)) = doc.pointer_mut(p) {
                m.insert("extra".into(), v.clone());
            }
        }
    }
    (kind, described, doc)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any single edit of a shipped document is judged the same by the schema and the reader.
    #[test]
    fn random_edits_are_judged_alike((which, edit) in random_edit()) {
        let pool = pool();
        let (kind, described, doc) = random_case(which, &edit, &pool);
        let v = judge(kind, &doc).map_err(TestCaseError::fail)?;
        prop_assert_eq!(
            v.schema_valid(),
            v.typed_valid(),
            "{} edit \"{}\":\n{}",
            kind.tag(),
            described,
            v.show()
        );
        if let Err(problems) = &v.typed {
            for p in problems.iter() {
                prop_assert!(located(p, &doc).is_ok(), "{}", located(p, &doc).unwrap_err());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Closed sets of words and decimal patterns
// ---------------------------------------------------------------------------------------------

fn words<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|(w, _)| *w).collect()
}

/// Each closed set of words the readers know, with the `$defs` name the schemas give it.
fn choice_lists() -> Vec<(&'static str, Vec<&'static str>)> {
    use ulo_core::bids::{ExpectedGate, GateOutcome};
    use ulo_core::exact::RoundingMode;
    use ulo_core::facts::{BidFactKind, TenderFact};
    use ulo_core::protocol::{
        Declaration, LegalForm, LowBenchmark, OverCeiling, PriceFormula, ShareOp, WeightsAs,
    };
    use ulo_core::regime::{AuthorityType, Nation, Regime, Route};
    use ulo_core::tender::{AuditedAccounts, InsuranceKind, RateKind, ReservationBasis, Role};
    use ulo_core::vocab::{Category, Scope, Severity, SourceKind, Standing};
    vec![
        ("severity", words::<Severity>()),
        ("scope", words::<Scope>()),
        ("category", words::<Category>()),
        ("priceFormula", words::<PriceFormula>()),
        ("weightsAs", words::<WeightsAs>()),
        ("lowBenchmark", words::<LowBenchmark>()),
        ("overCeiling", words::<OverCeiling>()),
        ("roundingMode", words::<RoundingMode>()),
        ("sourceKind", words::<SourceKind>()),
        ("shareOp", words::<ShareOp>()),
        ("declaration", words::<Declaration>()),
        ("legalForm", words::<LegalForm>()),
        ("bidFactKind", words::<BidFactKind>()),
        ("tenderFact", words::<TenderFact>()),
        ("insuranceKind", words::<InsuranceKind>()),
        ("role", words::<Role>()),
        ("gateOutcome", words::<GateOutcome>()),
        ("expectedGate", words::<ExpectedGate>()),
        ("regime", words::<Regime>()),
        ("nation", words::<Nation>()),
        ("standing", words::<Standing>()),
        ("authorityType", words::<AuthorityType>()),
        ("route", words::<Route>()),
        ("auditedAccounts", words::<AuditedAccounts>()),
        ("reservationBasis", words::<ReservationBasis>()),
        ("rateKind", words::<RateKind>()),
        (
            "evaluationModel",
            words::<ulo_core::tender::evaluation::ModelKind>(),
        ),
        (
            "sequentialThen",
            words::<ulo_core::tender::evaluation::Then>(),
        ),
        (
            "priceBasis",
            words::<ulo_core::tender::evaluation::PriceBasis>(),
        ),
    ]
}

fn schema(s: Schema) -> Value {
    serde_json::from_str(ulo_schemas::schema_text(s)).expect("the schema is JSON")
}

#[test]
fn every_choice_list_equals_its_schema_enum() {
    const INPUTS: [Schema; 4] = [
        Schema::Protocol,
        Schema::Tender,
        Schema::Bids,
        Schema::SelfCheck,
    ];
    let lists = choice_lists();
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for s in Schema::ALL {
        let root = schema(s);
        // Every enum in the schemas is one of the `$defs` above, with exactly the reader's words
        // in the reader's order.
        walk_subschemas(&root, "", &mut |at, v| {
            let Some(list) = v.get("enum") else { return };
            let def = at.strip_prefix("/$defs/").unwrap_or("");
            let words: Vec<&str> = list
                .as_array()
                .expect("an enum is a list")
                .iter()
                .map(|w| w.as_str().expect("enum words are text"))
                .collect();
            match lists.iter().find(|(name, _)| *name == def) {
                Some((name, expected)) => {
                    assert_eq!(&words, expected, "{} {at}", s.file_name());
                    found.insert(name);
                }
                None => assert!(
                    s == Schema::Result,
                    "{} {at}: an enum outside the shared $defs",
                    s.file_name()
                ),
            }
        });
    }
    for (name, _) in &lists {
        assert!(found.contains(name), "no schema has the enum {name}");
    }
    // Every closed set the input readers use is in an input schema.
    let in_inputs: BTreeSet<String> = INPUTS
        .iter()
        .flat_map(|s| {
            schema(*s)["$defs"]
                .as_object()
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
        .collect();
    for (name, _) in &lists {
        assert!(in_inputs.contains(*name), "no input schema defines {name}");
    }
}

/// The words the values of a result enum serialise to, in its order.
fn serialised<T: serde::Serialize + std::fmt::Debug>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| match serde_json::to_value(v) {
            Ok(Value::String(word)) => word,
            other => panic!("{v:?} serialises to {other:?}, not a word"),
        })
        .collect()
}

/// The values of a closed set, in its order.
fn values<C: Copy>(all: &[(&'static str, C)]) -> Vec<C> {
    all.iter().map(|(_, v)| *v).collect()
}

/// Each closed set of words only results hold, with the places in the result schema that list
/// its words: an `enum`, or for the document kinds, the `const` of each kind.
fn result_word_lists() -> Vec<(Vec<&'static str>, Vec<String>)> {
    use ulo_core::report::{
        BidStatus, CheckStatus, CriterionMethod, EngineName, FindingStatus, FlagCode, GateStatus,
        LeafMethod, NotRankedStatus, ResultDocument, TestOutcome, ThresholdOutcome,
        ThresholdStatus, Verdict,
    };
    vec![
        (
            vec!["/$defs/engine/properties/name"],
            serialised(&values(EngineName::ALL)),
        ),
        (
            vec!["/$defs/modelProjection/properties/threshold_outcome"],
            serialised(&values(ThresholdOutcome::ALL)),
        ),
        (
            vec![
                "/$defs/tenderCheck/properties/document",
                "/$defs/scoreResult/properties/document",
                "/$defs/selfCheckResult/properties/document",
                "/$defs/scoreSummary/properties/document",
            ],
            serialised(&values(ResultDocument::ALL)),
        ),
        (
            vec!["/$defs/finding/properties/status"],
            serialised(&values(FindingStatus::ALL)),
        ),
        (
            vec!["/$defs/checkRow/properties/status"],
            serialised(&values(CheckStatus::ALL)),
        ),
        (
            vec!["/$defs/eligibilityRow/properties/outcome"],
            serialised(&values(TestOutcome::ALL)),
        ),
        (
            vec!["/$defs/bidSummary/properties/reservation"],
            serialised(&values(TestOutcome::ALL)),
        ),
        (
            vec!["/$defs/eligibility/properties/verdict"],
            serialised(&values(Verdict::ALL)),
        ),
        (
            vec!["/$defs/bidSummary/properties/eligibility"],
            serialised(&values(Verdict::ALL)),
        ),
        (
            vec!["/$defs/criterionResult/properties/method"],
            serialised(&values(CriterionMethod::ALL)),
        ),
        (
            vec!["/$defs/selfCheckRow/properties/method"],
            serialised(&values(LeafMethod::ALL)),
        ),
        (vec!["/$defs/flagCode"], serialised(&values(FlagCode::ALL))),
        (
            vec!["/$defs/bidResult/properties/status"],
            serialised(&values(BidStatus::ALL)),
        ),
        (
            vec!["/$defs/bidSummary/properties/status"],
            serialised(&values(BidStatus::ALL)),
        ),
        (
            vec!["/$defs/notRanked/properties/status"],
            serialised(&values(NotRankedStatus::ALL)),
        ),
        (
            vec!["/$defs/thresholdCheck/properties/status"],
            serialised(&values(ThresholdStatus::ALL)),
        ),
        (
            vec!["/$defs/gateRow/properties/outcome"],
            serialised(&values(GateStatus::ALL)),
        ),
        (
            vec!["/$defs/gateOutcome/properties/outcome"],
            serialised(&values(GateStatus::ALL)),
        ),
        (
            vec!["/$defs/regimeDecision/properties/decided"],
            serialised(&values(ulo_core::regime::Decided::ALL)),
        ),
        (
            vec!["/$defs/problem/properties/document"],
            serialised(&[
                Input::from(Document::Protocol),
                Input::from(Document::Tender),
                Input::from(Document::Bids),
                Input::from(Document::SelfCheck),
                Input::Ocds,
            ]),
        ),
    ]
}

/// Closed sets in the result schema that results still hold as plain text: none now (the
/// engine's name, the last, is [`ulo_core::report::EngineName`]); a new one is named here.
const RESULT_TEXT: [&str; 0] = [];

/// The words a place in a schema allows: its `enum`, or its `const`.
fn schema_words<'a>(root: &'a Value, at: &str) -> Vec<&'a str> {
    let place = root
        .pointer(at)
        .unwrap_or_else(|| panic!("no {at} in the schema"));
    match (place.get("enum"), place.get("const")) {
        (Some(list), None) => list
            .as_array()
            .expect("an enum is a list")
            .iter()
            .map(|w| w.as_str().expect("enum words are text"))
            .collect(),
        (None, Some(word)) => vec![word.as_str().expect("a const is text")],
        _ => panic!("{at}: neither an enum nor a const"),
    }
}

#[test]
fn every_result_enum_equals_its_schema_words() {
    let root = schema(Schema::Result);
    let lists = result_word_lists();
    for (places, words) in &lists {
        let listed: Vec<&str> = places
            .iter()
            .flat_map(|at| schema_words(&root, at))
            .collect();
        assert_eq!(
            &listed, words,
            "{places:?}: the schema's words, the engine's"
        );
    }
    // Every closed set in the result schema is an input enum's, one of the result enums above,
    // or named as still text.
    let inputs: BTreeSet<&str> = choice_lists().into_iter().map(|(name, _)| name).collect();
    walk_subschemas(&root, "", &mut |at, v| {
        if v.get("enum").is_none() && v.get("const").is_none() {
            return;
        }
        let input = at
            .strip_prefix("/$defs/")
            .is_some_and(|def| inputs.contains(def));
        let result = lists.iter().any(|(places, _)| places.contains(&at));
        // Problem codes are held against the engine's by the test of problem codes below.
        let code = at.starts_with("/$defs/problemCode/");
        assert!(
            input || result || code || RESULT_TEXT.contains(&at),
            "{at}: a closed set of words with no enum in the engine"
        );
    });
}

#[test]
fn every_decimal_pattern_is_in_the_schemas() {
    let mut patterns: Vec<(Schema, String)> = Vec::new();
    for s in Schema::ALL {
        walk_subschemas(&schema(s), "", &mut |_, v| {
            if let Some(p) = v.get("pattern").and_then(Value::as_str) {
                patterns.push((s, p.to_string()));
            }
        });
    }
    for kind in [
        DecimalKind::Money,
        DecimalKind::Percent,
        DecimalKind::Figure,
    ] {
        assert!(
            patterns.iter().any(|(_, p)| p == kind.pattern()),
            "{kind:?}'s pattern {} is in no schema",
            kind.pattern()
        );
    }
    // Every input schema that uses a decimal uses exactly the reader's patterns.
    for (s, p) in &patterns {
        let looks_decimal = p.contains("[1-9][0-9]{0,12}") || p.starts_with("^(100");
        if looks_decimal && *s != Schema::Result {
            assert!(
                [
                    DecimalKind::Money,
                    DecimalKind::Percent,
                    DecimalKind::Figure
                ]
                .iter()
                .any(|k| k.pattern() == p),
                "{}: a decimal pattern the reader does not use: {p}",
                s.file_name()
            );
        }
    }
}

#[test]
fn every_property_is_described_with_an_example() {
    for s in Schema::ALL {
        let root = schema(s);
        assert_eq!(
            root["$schema"],
            "https://json-schema.org/draft/2020-12/schema",
            "{}",
            s.file_name()
        );
        assert_eq!(
            root["$id"],
            format!("https://ulo.example/schemas/{}", s.file_name()),
            "{}",
            s.file_name()
        );
        assert!(root["title"].is_string() && root["description"].is_string());
        let mut missing = Vec::new();
        walk_subschemas(&root, "", &mut |at, v| {
            if let Some(props) = v.get("properties").and_then(Value::as_object) {
                for (name, p) in props {
                    let described = p
                        .get("description")
                        .and_then(Value::as_str)
                        .is_some_and(|d| !d.trim().is_empty());
                    let example = p
                        .get("examples")
                        .and_then(Value::as_array)
                        .is_some_and(|e| !e.is_empty());
                    if !described || !example {
                        missing.push(format!("{at}/properties/{name}"));
                    }
                }
            }
        });
        assert!(
            missing.is_empty(),
            "{}: properties without a description or an example: {missing:?}",
            s.file_name()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The conformance cases' documents
// ---------------------------------------------------------------------------------------------

/// Every `.json` file of the hand-worked conformance cases (`tests/cases/*/`) and their shared
/// protocols (`tests/shared/`). Missing folders give no files.
fn conformance_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("shared")];
    if let Ok(entries) = fs::read_dir(root.join("cases")) {
        dirs.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir()),
        );
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter(|d| d.is_dir())
        .flat_map(|d| json_files(d))
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The inputs of the conformance cases, valid or deliberately not, are judged alike too.
#[test]
fn conformance_case_inputs_are_judged_alike() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in conformance_files() {
        let name = relative(&path);
        let text = fs::read_to_string(&path).expect("readable");
        let value = match ulo_core::json::parse(&text, Document::Bids) {
            Ok(v) => v,
            Err(p) => {
                // A case about broken JSON: the strict parser must say where.
                if let Err(e) = parser_located(&p) {
                    failures.push(format!("{name}: {e}"));
                }
                continue;
            }
        };
        let Some(kind) = ulo_core::document_kind(&value) else {
            continue; // Not an input document (a case description, an expected result...).
        };
        count += 1;
        let v = match judge(kind, &value) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if v.schema_valid() != v.typed_valid() {
            failures.push(format!(
                "{name} ({}): the schema and the typed reader disagree\n{}",
                kind.tag(),
                v.show()
            ));
        }
        if let Err(problems) = &v.typed {
            for p in problems.iter() {
                if let Err(e) = located(p, &value) {
                    failures.push(format!("{name}: {e}"));
                }
            }
        }
    }
    println!("{count} conformance-case inputs checked");
    assert_no_failures(&failures, "conformance-case inputs", count);
}

/// Every result the conformance cases record (`result.json`: tender checks, scores,
/// self-checks) matches the result schema. (`expected.json` holds only the figures a case pins
/// down, so it is not a whole result.)
#[test]
fn conformance_case_results_match_the_result_schema() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in conformance_files() {
        if file_name(&path) != "result.json" {
            continue;
        }
        let name = relative(&path);
        let Ok(value) =
            serde_json::from_str::<Value>(&fs::read_to_string(&path).expect("readable"))
        else {
            continue;
        };
        let kind = value.get("document").and_then(Value::as_str).unwrap_or("");
        if !["tender-check", "score-result", "self-check-result"].contains(&kind) {
            continue;
        }
        count += 1;
        let errors = ulo_schemas::validate(Schema::Result, &value);
        if !errors.is_empty() {
            failures.push(format!(
                "{name} ({kind}):\n{}",
                errors
                    .iter()
                    .map(|e| format!("  {e}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
    }
    println!("{count} conformance-case results checked");
    assert_no_failures(&failures, "conformance-case results", count);
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

#[test]
fn results_of_the_shipped_example_match_the_result_schema() {
    let protocol = Protocol::shipped();
    let tender = protocol
        .tender_from_json(shipped::EXAMPLE_TENDER)
        .expect("example tender");
    let bids = protocol
        .bids_from_json(&tender, shipped::EXAMPLE_BIDS)
        .expect("example bids");
    let score = protocol.score(&tender, &bids).expect("scores");
    let check = protocol.check_tender(&tender);
    let draft = protocol
        .checked_draft_from_json(&tender, shipped::EXAMPLE_SELF_CHECK)
        .expect("example self-check");
    let self_check = protocol.self_check(&tender, &draft).expect("self-checks");
    let results = [
        (
            "score-result",
            serde_json::to_value(&score).expect("serialises"),
        ),
        (
            "tender-check",
            serde_json::to_value(&check).expect("serialises"),
        ),
        (
            "self-check-result",
            serde_json::to_value(&self_check).expect("serialises"),
        ),
    ];
    for (kind, value) in &results {
        assert_eq!(value["document"], *kind);
        let errors = ulo_schemas::validate(Schema::Result, value);
        assert!(
            errors.is_empty(),
            "the {kind} does not match result.schema.json:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    // And the result schema is not a rubber stamp: each result with one thing wrong fails.
    for (kind, value) in &results {
        for (what, pointer, bad) in [
            ("another document", "/document", json!("score")),
            ("a float figure", "/input_hash", json!(1.5)),
            ("an unknown field", "/extra", json!(true)),
        ] {
            let mut v = value.clone();
            let (parent, token) = split(pointer);
            if let Some(Value::Object(m)) = v.pointer_mut(parent) {
                m.insert(token, bad);
            }
            assert!(
                !ulo_schemas::validate(Schema::Result, &v).is_empty(),
                "the {kind} with {what} passes the result schema"
            );
        }
    }
    // Nothing in an input schema accepts a result, and the result schema accepts no input.
    for s in [
        Schema::Protocol,
        Schema::Tender,
        Schema::Bids,
        Schema::SelfCheck,
    ] {
        for (kind, value) in &results {
            assert!(
                !ulo_schemas::is_valid(s, value),
                "{} accepts a {kind}",
                s.file_name()
            );
        }
        if let Some(d) = s.document() {
            assert!(!ulo_schemas::is_valid(Schema::Result, &base(d)));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Problem codes
// ---------------------------------------------------------------------------------------------

/// One problem of every kind the engine reports, with made-up context.
fn one_problem_of_each_kind() -> Vec<ProblemKind> {
    let text = || "x".to_string();
    let texts = || vec!["a".to_string(), "b".to_string()];
    vec![
        ProblemKind::Syntax {
            detail: text(),
            line: 1,
            column: 2,
        },
        ProblemKind::DuplicateKey { key: text() },
        ProblemKind::LoneSurrogate { unit: 0xd800 },
        ProblemKind::TooDeep { limit: 64 },
        ProblemKind::TooLarge {
            bytes: 10,
            limit: 5,
        },
        ProblemKind::WrongDocument {
            found: text(),
            expected: "tender",
        },
        ProblemKind::WrongType {
            expected: text(),
            found: text(),
        },
        ProblemKind::MissingField { field: text() },
        ProblemKind::UnknownField {
            field: text(),
            allowed: vec!["id"],
        },
        ProblemKind::InvalidValue {
            found: text(),
            expected: text(),
        },
        ProblemKind::OutOfRange {
            found: text(),
            expected: text(),
        },
        ProblemKind::DuplicateId {
            id: text(),
            first: text(),
        },
        ProblemKind::UnknownReference {
            id: text(),
            what: "criterion",
            known: texts(),
        },
        ProblemKind::WeightsNot100 {
            group: text(),
            total: text(),
        },
        ProblemKind::WeightsNotGroupWeight {
            group: text(),
            total: text(),
            target: text(),
        },
        ProblemKind::RangeOutOfOrder { detail: text() },
        ProblemKind::ModelNotAllowed {
            model: text(),
            allowed: texts(),
        },
        ProblemKind::ModelNeedsCriteria {
            model: text(),
            needs: "a price criterion",
        },
        ProblemKind::WeightNotTunable {
            criterion: text(),
            tunable: texts(),
        },
        ProblemKind::WeightOutsideRange {
            criterion: text(),
            found: text(),
            min: text(),
            max: text(),
        },
        ProblemKind::ScoreOutsideScale {
            found: 7,
            allowed: vec![0, 1],
            scale: text(),
        },
        ProblemKind::MismatchedFact {
            fact: text(),
            holds: "a count",
            found: text(),
        },
        ProblemKind::MissingFieldSet {
            sets: vec![vec!["score"], vec!["low", "high"]],
        },
        ProblemKind::NotOneComparison { found: texts() },
        ProblemKind::LotFactInTenderRule { fact: text() },
        ProblemKind::GroupWithMethod,
        ProblemKind::PriceFormulaOutsidePrice { category: None },
        ProblemKind::PriceFormulaNotAllowed {
            formula: text(),
            allowed: texts(),
        },
        ProblemKind::PriceNotBasket {
            price: text(),
            basket: text(),
        },
        ProblemKind::RateMissing {
            rate: text(),
            lot: text(),
        },
        ProblemKind::WrongTender {
            found: text(),
            loaded: text(),
        },
        ProblemKind::BoardCountTooHigh {
            counted: 5,
            voting_members: 4,
        },
        ProblemKind::StaffCountTooHigh {
            disabled: 5,
            total: 4,
        },
        ProblemKind::CountTooHigh {
            counted: 5,
            total: 4,
            whom: "volunteers",
            counted_as: "disabled people",
        },
        ProblemKind::BuiltInFactGiven { fact: text() },
        ProblemKind::NotPanelScored { criterion: text() },
        ProblemKind::SweepNotTunable {
            criterion: text(),
            partner: text(),
        },
        ProblemKind::SweepNotSiblings {
            criterion: text(),
            partner: text(),
        },
        ProblemKind::SweepStep { step: text() },
        ProblemKind::LawWithoutLegislation { rule: text() },
        ProblemKind::RegimeListedTwice {
            rule: text(),
            regime: text(),
        },
        ProblemKind::FigureTooLarge { detail: text() },
        ProblemKind::ResultTooLarge {
            bids: 3,
            criteria: 2,
            evaluators: 1,
            limit: 5,
        },
        ProblemKind::Ocds(OcdsProblem::NotRecognised),
    ]
}

/// One OCDS import problem of each kind: they share the `Ocds` kind above, and give several codes.
fn one_ocds_problem_of_each_kind() -> Vec<OcdsProblem> {
    let found = || "a number".to_string();
    vec![
        OcdsProblem::NotObject { found: found() },
        OcdsProblem::NotRecognised,
        OcdsProblem::NotAList {
            list: "releases",
            found: found(),
        },
        OcdsProblem::EmptyPackage { list: "releases" },
        OcdsProblem::SeveralReleases {
            list: "releases",
            count: 2,
        },
        OcdsProblem::NoCompiledRelease,
        OcdsProblem::NoTender,
        OcdsProblem::TenderNotObject { found: found() },
    ]
}

/// Lists every kind of problem once: defines `KINDS`, their number, and `kind_index`, the place
/// of a problem's kind in the list. The list is checked to be complete by an exhaustive `match`,
/// so a new kind of problem does not compile until it is listed, and the test below then fails
/// until it has a sample.
macro_rules! problem_kinds {
    ($($kind:pat),* $(,)?) => {
        const KINDS: usize = [$(stringify!($kind)),*].len();

        fn kind_index(kind: &ProblemKind) -> usize {
            match kind {
                $($kind => {})*
            }
            let mut place = 0;
            $(
                if matches!(kind, $kind) {
                    return place;
                }
                place += 1;
            )*
            place
        }
    };
}

problem_kinds! {
    ProblemKind::Syntax { .. },
    ProblemKind::DuplicateKey { .. },
    ProblemKind::LoneSurrogate { .. },
    ProblemKind::TooDeep { .. },
    ProblemKind::TooLarge { .. },
    ProblemKind::WrongDocument { .. },
    ProblemKind::WrongType { .. },
    ProblemKind::MissingField { .. },
    ProblemKind::UnknownField { .. },
    ProblemKind::InvalidValue { .. },
    ProblemKind::OutOfRange { .. },
    ProblemKind::DuplicateId { .. },
    ProblemKind::UnknownReference { .. },
    ProblemKind::WeightsNot100 { .. },
    ProblemKind::WeightsNotGroupWeight { .. },
    ProblemKind::RangeOutOfOrder { .. },
    ProblemKind::ModelNotAllowed { .. },
    ProblemKind::ModelNeedsCriteria { .. },
    ProblemKind::WeightNotTunable { .. },
    ProblemKind::WeightOutsideRange { .. },
    ProblemKind::ScoreOutsideScale { .. },
    ProblemKind::MismatchedFact { .. },
    ProblemKind::MissingFieldSet { .. },
    ProblemKind::NotOneComparison { .. },
    ProblemKind::LotFactInTenderRule { .. },
    ProblemKind::GroupWithMethod,
    ProblemKind::PriceFormulaOutsidePrice { .. },
    ProblemKind::PriceFormulaNotAllowed { .. },
    ProblemKind::PriceNotBasket { .. },
    ProblemKind::RateMissing { .. },
    ProblemKind::WrongTender { .. },
    ProblemKind::BoardCountTooHigh { .. },
    ProblemKind::StaffCountTooHigh { .. },
    ProblemKind::CountTooHigh { .. },
    ProblemKind::BuiltInFactGiven { .. },
    ProblemKind::NotPanelScored { .. },
    ProblemKind::SweepNotTunable { .. },
    ProblemKind::SweepNotSiblings { .. },
    ProblemKind::SweepStep { .. },
    ProblemKind::LawWithoutLegislation { .. },
    ProblemKind::RegimeListedTwice { .. },
    ProblemKind::FigureTooLarge { .. },
    ProblemKind::ResultTooLarge { .. },
    ProblemKind::Ocds(_),
}

#[test]
fn every_problem_code_is_listed_in_the_schema_with_its_meaning() {
    let samples = one_problem_of_each_kind();
    let places: Vec<usize> = samples.iter().map(kind_index).collect();
    assert_eq!(
        places,
        (0..KINDS).collect::<Vec<_>>(),
        "one sample of each kind of problem, in the order of problem_kinds!"
    );

    let root = schema(Schema::Result);
    let listed: Vec<&str> = root["$defs"]["problemCode"]["oneOf"]
        .as_array()
        .expect("problemCode lists its codes")
        .iter()
        .map(|c| {
            let meaning = c["description"].as_str().unwrap_or("");
            assert!(!meaning.trim().is_empty(), "{c} has no meaning");
            c["const"].as_str().expect("each code is a const")
        })
        .collect();
    let problems: Vec<Problem> = samples
        .into_iter()
        .filter(|k| !matches!(k, ProblemKind::Ocds(_)))
        .map(|k| Problem::new(Document::Protocol, "/id", k))
        .chain(
            one_ocds_problem_of_each_kind()
                .into_iter()
                .map(|o| Problem::new(Input::Ocds, "", ProblemKind::Ocds(o))),
        )
        .collect();
    let mut produced: Vec<String> = Vec::new();
    for code in problems.iter().map(Problem::code) {
        if !produced.contains(&code) {
            produced.push(code);
        }
    }
    assert_eq!(
        listed, produced,
        "the codes in result.schema.json's problemCode, in the engine's order"
    );

    // Each problem, as reported, has the fields the schema's problem describes.
    let shape = &root["$defs"]["problem"];
    let properties = shape["properties"].as_object().expect("properties");
    for p in &problems {
        let report = serde_json::to_value(ulo_core::ProblemReport::from(p)).expect("JSON");
        let fields = report.as_object().expect("an object");
        for key in fields.keys() {
            assert!(properties.contains_key(key), "{key} is not described");
        }
        for key in shape["required"].as_array().expect("required") {
            assert!(
                fields.contains_key(key.as_str().expect("text")),
                "{key} missing"
            );
        }
        let message = p.kind.message();
        assert!(
            message.starts_with(|c: char| !c.is_uppercase()),
            "{message}"
        );
    }
}

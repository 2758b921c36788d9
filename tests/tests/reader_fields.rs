//! The typed readers' field lists name the same fields as the JSON Schemas (issue 11).
//!
//! Each reader in `ulo-core` checks an object with `Reader::object(at, FIELDS, REQUIRED)`, and
//! each schema closes the same object with `properties`, `required` and
//! `additionalProperties: false`: two lists of the same names, written apart. The agreement tests
//! (`schema_agreement.rs`) prove the two accept the same documents; this test proves the names
//! agree wherever a document reaches.
//!
//! Every valid document the tests know (the shipped documents, `tests/documents/valid`, the
//! inputs of the hand-worked cases and the documents they share, the OCDS drafts, and any
//! `.json` document under `examples/`) is read with recording on ([`ulo_core::fields_read`]).
//! Each object read is found in its schema by its pointer (through `properties`, `items`,
//! `additionalProperties`, `$ref`, `allOf`, and the `oneOf`, `anyOf` or `if`-`then`-`else`
//! branches the object satisfies), and there:
//! - the reader's allowed fields are the schema's `properties`, name for name;
//! - the reader's required fields include every field the schema requires outright, and are
//!   among those the schema requires outright or in the branch the object took (a `oneOf` of
//!   `required` lists, such as a criterion's `children` or `method`, is the reader's own check);
//! - the schema closes the object (`additionalProperties: false`).
//!
//! Where a reader reads as one shape what the schema splits in several (a criterion at every
//! level; a tie-break by criterion or by category), the difference is named, exactly, in
//! [`BY_DESIGN`] with the reader's own check that makes the schema's distinction.
//!
//! Then every closed object in the input schemas must have been reached by some document, or be
//! named in [`UNREACHED`] with the reason.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use ulo_conformance::{pinned, CASES, SHARED};
use ulo_core::read::FieldsRead;
use ulo_core::{shipped, Document, Protocol};
use ulo_schemas::{for_document, schema_value, walk_subschemas, Schema};

/// Closed objects of the input schemas that no valid document reaches, each with the reason.
/// Empty: every one is reached (add a document under `tests/documents/valid` before adding a
/// line here).
const UNREACHED: &[(&str, &str)] = &[];

// ---------------------------------------------------------------------------------------------
// A schema, searched by the place of a value
// ---------------------------------------------------------------------------------------------

/// A subschema and its JSON pointer in its schema file.
#[derive(Clone, Copy)]
struct Node<'s> {
    at: &'s str,
    schema: &'s Value,
}

/// A subschema that applies to a value, and whether the `required` it lists holds for every
/// value there (`true`), or only in a branch the value took that adds required fields to the
/// same object (`false`: `oneOf: [{"required": ["children"]}, {"required": ["method"]}]`).
struct Applying<'s> {
    node: Node<'s>,
    outright: bool,
}

/// One input schema, with the validators of its branches built as they are needed.
struct SchemaFile {
    schema: Schema,
    root: &'static Value,
    /// Pointers interned, so that nodes can borrow them (a few hundred, leaked for the run).
    pointers: RefCell<BTreeSet<&'static str>>,
    /// Whether a value satisfies a branch, by the branch's pointer: built once each.
    validators: RefCell<HashMap<String, jsonschema::Validator>>,
}

impl SchemaFile {
    fn new(schema: Schema) -> SchemaFile {
        SchemaFile {
            schema,
            root: schema_value(schema).expect("the schema parses"),
            pointers: RefCell::new(BTreeSet::new()),
            validators: RefCell::new(HashMap::new()),
        }
    }

    fn intern(&self, pointer: String) -> &'static str {
        let mut set = self.pointers.borrow_mut();
        if let Some(p) = set.get(pointer.as_str()) {
            return p;
        }
        let p: &'static str = Box::leak(pointer.into_boxed_str());
        set.insert(p);
        p
    }

    fn node(&self, at: String) -> Node<'static> {
        let at = self.intern(at);
        Node {
            at,
            schema: self.root.pointer(at).expect("a pointer into the schema"),
        }
    }

    /// True when `value` satisfies the subschema at `at` (with the file's `$defs` in reach).
    fn satisfies(&self, node: Node, value: &Value) -> bool {
        let mut validators = self.validators.borrow_mut();
        let validator = validators.entry(node.at.to_string()).or_insert_with(|| {
            let mut sub = node.schema.clone();
            if let (Some(map), Some(defs)) = (sub.as_object_mut(), self.root.get("$defs")) {
                map.insert("$defs".into(), defs.clone());
            }
            jsonschema::draft202012::options()
                .build(&sub)
                .unwrap_or_else(|e| panic!("{} {}: {e}", self.schema.file_name(), node.at))
        });
        validator.is_valid(value)
    }

    /// Every subschema that applies to `value` at `node`: the node, what it refers to, and the
    /// branches the value takes, depth first.
    fn applying(
        &self,
        node: Node<'static>,
        value: &Value,
        outright: bool,
    ) -> Vec<Applying<'static>> {
        let mut out = vec![Applying { node, outright }];
        let Some(map) = node.schema.as_object() else {
            return out;
        };
        if let Some(target) = map.get("$ref").and_then(Value::as_str) {
            let at = target
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{}: a $ref outside the file", node.at));
            out.extend(self.applying(self.node(at.to_string()), value, outright));
        }
        if let Some(all) = map.get("allOf").and_then(Value::as_array) {
            for i in 0..all.len() {
                let branch = self.node(format!("{}/allOf/{i}", node.at));
                out.extend(self.applying(branch, value, outright));
            }
        }
        for key in ["oneOf", "anyOf"] {
            let Some(branches) = map.get(key).and_then(Value::as_array) else {
                continue;
            };
            for i in 0..branches.len() {
                let branch = self.node(format!("{}/{key}/{i}", node.at));
                if self.satisfies(branch, value) {
                    // A branch that is a whole shape of its own (a tagged variant) is what the
                    // value is; a branch with no properties only adds to the object around it.
                    let shape = self
                        .applying(branch, value, outright)
                        .iter()
                        .any(|a| a.node.schema.get("properties").is_some());
                    out.extend(self.applying(branch, value, outright && shape));
                }
            }
        }
        if map.contains_key("if") {
            let condition = self.node(format!("{}/if", node.at));
            let taken = if self.satisfies(condition, value) {
                "then"
            } else {
                "else"
            };
            if map.contains_key(taken) {
                let branch = self.node(format!("{}/{taken}", node.at));
                out.extend(self.applying(branch, value, false));
            }
        }
        out
    }

    /// The subschemas of the value at `pointer` in `document`: from the root, each step through
    /// `properties` or `additionalProperties` of an object, or `items` of a list.
    fn place(&self, document: &Value, pointer: &str) -> Result<Vec<Applying<'static>>, String> {
        let mut value = document;
        let mut nodes = vec![self.node(String::new())];
        let mut walked = String::new();
        for token in pointer.split('/').skip(1) {
            let key = token.replace("~1", "/").replace("~0", "~");
            let child = match value {
                Value::Object(m) => m.get(&key),
                Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
            .ok_or_else(|| format!("{pointer} is not in the document"))?;
            let mut next = Vec::new();
            for a in nodes.iter().flat_map(|n| self.applying(*n, value, true)) {
                let at = a.node.at;
                let s = a.node.schema;
                match value {
                    Value::Object(_) => {
                        if s.get("properties").and_then(|p| p.get(&key)).is_some() {
                            next.push(self.node(format!("{at}/properties/{token}")));
                        } else if s.get("additionalProperties").is_some_and(Value::is_object) {
                            next.push(self.node(format!("{at}/additionalProperties")));
                        }
                    }
                    _ => {
                        if s.get("items").is_some_and(Value::is_object) {
                            next.push(self.node(format!("{at}/items")));
                        }
                    }
                }
            }
            walked.push('/');
            walked.push_str(token);
            if next.is_empty() {
                return Err(format!(
                    "the schema says nothing of {walked} (on the way to {pointer})"
                ));
            }
            nodes = next;
            value = child;
        }
        Ok(nodes
            .iter()
            .flat_map(|n| self.applying(*n, value, true))
            .collect())
    }
}

/// An object as the schema describes it at one place.
struct Shape {
    /// Where: the closed subschemas that describe it.
    closed: Vec<&'static str>,
    properties: BTreeSet<String>,
    /// Required wherever the object is.
    required: BTreeSet<String>,
    /// Required only in the branch the object took.
    required_in_branch: BTreeSet<String>,
}

fn shape(applying: &[Applying<'static>]) -> Shape {
    let mut s = Shape {
        closed: Vec::new(),
        properties: BTreeSet::new(),
        required: BTreeSet::new(),
        required_in_branch: BTreeSet::new(),
    };
    for a in applying {
        let node = a.node.schema;
        if node.get("additionalProperties") == Some(&Value::Bool(false))
            && !s.closed.contains(&a.node.at)
        {
            s.closed.push(a.node.at);
        }
        if let Some(p) = node.get("properties").and_then(Value::as_object) {
            s.properties.extend(p.keys().cloned());
        }
        let required = node
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string);
        if a.outright {
            s.required.extend(required);
        } else {
            s.required_in_branch.extend(required);
        }
    }
    s
}

fn list(names: &BTreeSet<String>) -> String {
    if names.is_empty() {
        return "(none)".into();
    }
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// How one object read differs from its schema: names on one side only.
#[derive(Default, PartialEq, Eq)]
struct Difference {
    /// The schema leaves the object open (no `additionalProperties: false`).
    open: bool,
    /// Fields the reader allows that are not among the schema's properties.
    reader_allows: BTreeSet<String>,
    /// Properties of the schema the reader does not allow.
    schema_allows: BTreeSet<String>,
    /// Fields the schema requires outright that the reader does not require.
    schema_requires: BTreeSet<String>,
    /// Fields the reader requires that the schema does not (outright or in the branch taken).
    reader_requires: BTreeSet<String>,
}

impl Difference {
    fn of(read: &FieldsRead, shape: &Shape) -> Difference {
        let allowed = set(&read.allowed);
        let required = set(&read.required);
        let either: BTreeSet<String> = shape
            .required
            .union(&shape.required_in_branch)
            .cloned()
            .collect();
        Difference {
            open: shape.closed.is_empty(),
            reader_allows: allowed.difference(&shape.properties).cloned().collect(),
            schema_allows: shape.properties.difference(&allowed).cloned().collect(),
            schema_requires: shape.required.difference(&required).cloned().collect(),
            reader_requires: required.difference(&either).cloned().collect(),
        }
    }

    /// The difference a [`ByDesign`] entry allows.
    fn allowed_by(entry: &ByDesign) -> Difference {
        Difference {
            reader_allows: set(entry.reader_allows),
            schema_requires: set(entry.schema_requires),
            ..Difference::default()
        }
    }

    /// In words, one line for each kind of difference, with both lists.
    fn describe(&self, read: &FieldsRead, shape: &Shape) -> Vec<String> {
        let mut out = Vec::new();
        if self.open {
            out.push(
                "the schema does not close this object (no additionalProperties: false)".into(),
            );
        }
        if !self.reader_allows.is_empty() || !self.schema_allows.is_empty() {
            out.push(format!(
                "the reader allows {}; the schema's properties are {}",
                list(&set(&read.allowed)),
                list(&shape.properties)
            ));
        }
        if !self.schema_requires.is_empty() || !self.reader_requires.is_empty() {
            out.push(format!(
                "the reader requires {}; the schema requires {}{}",
                list(&set(&read.required)),
                list(&shape.required),
                if shape.required_in_branch.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", and in the branch taken {}",
                        list(&shape.required_in_branch)
                    )
                }
            ));
        }
        out
    }
}

/// A difference between a reader's field lists and its schema that is there by design: the
/// reader reads one shape where the schema has several, so that it can say what is wrong in
/// the domain's words, and makes the schema's distinction with a check of its own. Each entry
/// names that check, and the agreement tests prove that it refuses what the schema refuses.
/// The difference met must be exactly this one; an entry no document meets fails the test.
struct ByDesign {
    /// The schema and its closed object, as the test names them.
    place: &'static str,
    /// Fields the reader allows here that the schema does not.
    reader_allows: &'static [&'static str],
    /// Fields the schema requires here that the reader does not require.
    schema_requires: &'static [&'static str],
    /// Why, and the reader's own check.
    why: &'static str,
}

const BY_DESIGN: &[ByDesign] = &[
    ByDesign {
        place: "protocol.schema.json /$defs/criterion3",
        reader_allows: &["children"],
        schema_requires: &["method"],
        why: "the reader reads a criterion the same way at every level (read_criterion); at the \
              third level it refuses children itself, saying that criteria nest at most 3 \
              levels deep, and reports a missing method as at any level (schema_agreement.rs: \
              \"four levels of criteria\", \"third level without method\")",
    },
    ByDesign {
        place: "protocol.schema.json /$defs/higherScoreTieBreak",
        reader_allows: &["category"],
        schema_requires: &["criterion"],
        why: "the reader reads one higher_score_in rule, by criterion or by category, and asks \
              for exactly one of the two itself (read_tie_break: a missing field set); the \
              schema gives the two forms a shape each (tests/documents/invalid/\
              protocol-tie-break-criterion-and-category.json)",
    },
    ByDesign {
        place: "protocol.schema.json /$defs/higherCategoryTieBreak",
        reader_allows: &["criterion"],
        schema_requires: &["category"],
        why: "the other form of the same rule: see higherScoreTieBreak",
    },
];

// ---------------------------------------------------------------------------------------------
// The documents
// ---------------------------------------------------------------------------------------------

/// A document to read: where it came from, its kind and its text.
struct Source {
    name: String,
    kind: Document,
    text: String,
    /// An input of a case whose recorded result is the errors document: it may be one of the
    /// inputs rejected. Every other document must be valid.
    may_be_rejected: bool,
}

fn manifest() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The `.json` files under a folder, at any depth, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            out.extend(json_files(&p));
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
    out
}

/// A JSON file that is one of the four input documents, by its `"document"` field.
fn document_file(path: &Path, root: &Path) -> Option<Source> {
    let text = fs::read_to_string(path).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    Some(Source {
        name: path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string(),
        kind: ulo_core::document_kind(&value)?,
        text,
        may_be_rejected: false,
    })
}

/// Every document the tests know, each once (the first name it is met under).
fn sources() -> Vec<Source> {
    let root = manifest().join("..");
    let mut out: Vec<Source> = Vec::new();
    for dir in ["core/protocols", "tests/documents/valid", "examples"] {
        out.extend(
            json_files(&root.join(dir))
                .iter()
                .filter_map(|p| document_file(p, &root)),
        );
    }
    for (name, text) in [
        ("shipped protocol", shipped::PROTOCOL),
        ("shipped example tender", shipped::EXAMPLE_TENDER),
        ("shipped example bids", shipped::EXAMPLE_BIDS),
        ("shipped example self-check", shipped::EXAMPLE_SELF_CHECK),
        ("tests/pinned protocol 1.0.0", pinned::PROTOCOL),
        ("tests/pinned example tender", pinned::EXAMPLE_TENDER),
        ("tests/pinned example bids", pinned::EXAMPLE_BIDS),
        (
            "tests/pinned example self-check",
            pinned::EXAMPLE_SELF_CHECK,
        ),
    ] {
        let value: Value = serde_json::from_str(text).expect("a shipped document parses");
        let kind = ulo_core::document_kind(&value).expect("a shipped document says its kind");
        out.push(Source {
            name: name.into(),
            kind,
            text: text.into(),
            may_be_rejected: false,
        });
    }
    for (name, text) in SHARED {
        let value: Value = serde_json::from_str(text).expect("a shared document parses");
        if let Some(kind) = ulo_core::document_kind(&value) {
            out.push(Source {
                name: format!("tests/shared/{name}.json"),
                kind,
                text: (*text).into(),
                may_be_rejected: false,
            });
        }
    }
    for case in CASES {
        let d = case.documents().unwrap_or_else(|e| panic!("{e}"));
        let other = match d.command {
            "score" => Some(Document::Bids),
            "self-check" => Some(Document::SelfCheck),
            _ => None,
        };
        let rejected = case
            .file("result.json")
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
            .is_some_and(|r| r["document"] == "errors");
        let mut add = |role: &str, kind: Document, text: &str| {
            out.push(Source {
                name: format!("tests/cases/{} ({role})", case.name),
                kind,
                text: text.into(),
                may_be_rejected: rejected,
            });
        };
        add("protocol", Document::Protocol, d.protocol);
        add("tender", Document::Tender, d.tender);
        if let (Some(kind), Some(text)) = (other, d.other) {
            add(kind.tag(), kind, text);
        }
    }
    // The drafts imported from real OCDS notices, completed as schema_agreement.rs completes
    // them.
    let protocol = Protocol::shipped();
    for path in json_files(&manifest().join("ocds")) {
        if path.file_name().is_some_and(|n| n == "expected.json") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("an OCDS file");
        let Ok(import) = ulo_core::ocds::import_json(&protocol, &text) else {
            continue;
        };
        let mut tender = import.tender.clone();
        for ask in &import.to_supply {
            if ask.field.ends_with("/months") && ask.reason.contains("initial term") {
                if let Some(lot) = tender.pointer_mut(ask.field.trim_end_matches("/months")) {
                    lot["months"] = serde_json::json!(12);
                }
            }
        }
        out.push(Source {
            name: format!(
                "tests/ocds/{} (imported)",
                path.file_name().unwrap_or_default().to_string_lossy()
            ),
            kind: Document::Tender,
            text: serde_json::to_string(&tender).expect("JSON"),
            // A draft may still lack what the commissioner must supply.
            may_be_rejected: true,
        });
    }
    let mut seen = BTreeSet::new();
    out.retain(|s| seen.insert((s.kind.tag(), s.text.clone())));
    out
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

#[test]
fn the_readers_field_lists_are_the_schemas_properties() {
    let files: BTreeMap<&str, SchemaFile> = [
        Document::Protocol,
        Document::Tender,
        Document::Bids,
        Document::SelfCheck,
    ]
    .into_iter()
    .map(|d| (d.tag(), SchemaFile::new(for_document(d))))
    .collect();

    // Each kind of disagreement once, with the documents and pointers where it was met.
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut visited: BTreeSet<(Schema, &'static str)> = BTreeSet::new();
    let mut met = BTreeSet::new();
    let (mut documents, mut objects, mut skipped) = (0, 0, Vec::new());
    for source in sources() {
        let file = &files[source.kind.tag()];
        let value = ulo_core::json::parse(&source.text, source.kind).ok();
        let read = value
            .as_ref()
            .map(|v| ulo_core::fields_read(source.kind, v));
        let (Some(value), Some((Ok(()), fields))) = (&value, read) else {
            if source.may_be_rejected {
                // An input a case rejects, or an incomplete draft: the agreement tests judge
                // those.
                skipped.push(source.name);
            } else {
                wrong
                    .entry("a valid document is refused by its reader".into())
                    .or_default()
                    .push(source.name);
            }
            continue;
        };
        if !ulo_schemas::is_valid(file.schema, value) {
            wrong
                .entry("a document its reader reads is refused by its schema".into())
                .or_default()
                .push(source.name);
            continue;
        }
        documents += 1;
        for read in &fields {
            objects += 1;
            let place = format!(
                "{} {}",
                source.name,
                if read.pointer.is_empty() {
                    "(the document)"
                } else {
                    &read.pointer
                }
            );
            let applying = match file.place(value, &read.pointer) {
                Ok(a) => a,
                Err(e) => {
                    wrong
                        .entry(format!("{}: {e}", file.schema.file_name()))
                        .or_default()
                        .push(place);
                    continue;
                }
            };
            let shape = shape(&applying);
            for at in &shape.closed {
                visited.insert((file.schema, at));
            }
            let at = if shape.closed.is_empty() {
                "(no closed object)".to_string()
            } else {
                shape.closed.join(" + ")
            };
            let at = format!("{} {at}", file.schema.file_name());
            let difference = Difference::of(read, &shape);
            let by_design = BY_DESIGN.iter().position(|d| d.place == at);
            let expected = by_design.map_or_else(Difference::default, |i| {
                Difference::allowed_by(&BY_DESIGN[i])
            });
            if let Some(i) = by_design {
                met.insert(i);
            }
            if difference != expected {
                let mut what = difference.describe(read, &shape);
                if let Some(i) = by_design {
                    let d = &BY_DESIGN[i];
                    what.push(format!(
                        "BY_DESIGN allows here only: the reader also allows {}, and the schema \
                         also requires {}",
                        list(&set(d.reader_allows)),
                        list(&set(d.schema_requires))
                    ));
                }
                wrong
                    .entry(format!("{at}:\n    {}", what.join("\n    ")))
                    .or_default()
                    .push(place.clone());
            }
        }
    }
    println!(
        "{documents} valid documents read, {objects} objects compared with their schemas; {} \
         inputs of cases that test a rejection, or incomplete drafts, skipped: {}",
        skipped.len(),
        skipped.join(", ")
    );
    assert!(documents >= 100, "only {documents} valid documents");
    let report: Vec<String> = wrong
        .iter()
        .map(|(what, places)| {
            let shown: Vec<&str> = places.iter().take(3).map(String::as_str).collect();
            format!(
                "{what}\n    at {}{}",
                shown.join("\n    at "),
                if places.len() > 3 {
                    format!("\n    and {} more", places.len() - 3)
                } else {
                    String::new()
                }
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} disagreements between the readers' field lists and the schemas:\n\n{}",
        report.len(),
        report.join("\n\n")
    );

    let stale: Vec<&str> = BY_DESIGN
        .iter()
        .enumerate()
        .filter(|(i, _)| !met.contains(i))
        .map(|(_, d)| d.place)
        .collect();
    assert!(
        stale.is_empty(),
        "BY_DESIGN names objects no document reached: {stale:?}"
    );
    for d in BY_DESIGN {
        println!(
            "by design at {}: the reader also allows {} and the schema also requires {}: {}",
            d.place,
            list(&set(d.reader_allows)),
            list(&set(d.schema_requires)),
            d.why
        );
    }

    // Coverage: every closed object of the input schemas is reached by some document.
    let mut unreached = Vec::new();
    for file in files.values() {
        walk_subschemas(file.root, "", &mut |at, v| {
            if v.get("additionalProperties") == Some(&Value::Bool(false))
                && !visited.contains(&(file.schema, at))
            {
                let key = format!("{} {at}", file.schema.file_name());
                if !UNREACHED.iter().any(|(k, _)| *k == key) {
                    unreached.push(key);
                }
            }
        });
    }
    assert!(
        unreached.is_empty(),
        "{} closed objects of the schemas are reached by no valid document (add one under \
         tests/documents/valid, or name it in UNREACHED with the reason):\n  {}",
        unreached.len(),
        unreached.join("\n  ")
    );
    // An allowance for an object that is reached after all is out of date.
    for (key, _) in UNREACHED {
        let reached = visited
            .iter()
            .any(|(s, at)| format!("{} {at}", s.file_name()) == *key);
        assert!(
            !reached,
            "{key} is reached by a document: take it out of UNREACHED"
        );
    }
}

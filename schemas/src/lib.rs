//! # ulo-schemas: the public contract of ulo's documents
//!
//! The JSON Schemas in this folder describe every document ulo reads (protocols, tenders, bids
//! and self-checks) and every result it writes. They are the contract other tools rely on: a
//! council's portal can check a file with any JSON Schema validator, in any language, and know
//! that the engine will accept exactly the same files. The conformance tests prove that each
//! input schema accepts exactly what the typed reader in `ulo-core` accepts.
//!
//! The schemas are embedded in the binary, so validation needs no network and no file system
//! (it runs the same in a browser). Each schema is self-contained: shared shapes are repeated in
//! each file's `$defs` rather than referenced across files.
//!
//! ```
//! use ulo_schemas::{validate, Schema};
//! let tender: serde_json::Value = serde_json::from_str(ulo_core::shipped::EXAMPLE_TENDER).unwrap();
//! assert!(validate(Schema::Tender, &tender).is_empty());
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use serde_json::Value;
use std::fmt;
use std::sync::OnceLock;
use ulo_core::Document;

/// One of ulo's schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Schema {
    /// A commissioning protocol (`protocol.schema.json`).
    Protocol,
    /// A tender (`tender.schema.json`).
    Tender,
    /// The bids received for a tender (`bids.schema.json`).
    Bids,
    /// A bidder's draft for a self-check (`self-check.schema.json`).
    SelfCheck,
    /// The engine's results: tender-check, score-result and self-check-result
    /// (`result.schema.json`).
    Result,
}

impl Schema {
    /// Every schema, inputs first, so callers (and tests) can walk them all.
    pub const ALL: [Schema; 5] = [
        Schema::Protocol,
        Schema::Tender,
        Schema::Bids,
        Schema::SelfCheck,
        Schema::Result,
    ];

    /// The file name the schema is published under, e.g. `tender.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            Schema::Protocol => "protocol.schema.json",
            Schema::Tender => "tender.schema.json",
            Schema::Bids => "bids.schema.json",
            Schema::SelfCheck => "self-check.schema.json",
            Schema::Result => "result.schema.json",
        }
    }

    /// The document kind an input schema describes; `None` for the result schema, which
    /// describes outputs.
    pub fn document(self) -> Option<Document> {
        match self {
            Schema::Protocol => Some(Document::Protocol),
            Schema::Tender => Some(Document::Tender),
            Schema::Bids => Some(Document::Bids),
            Schema::SelfCheck => Some(Document::SelfCheck),
            Schema::Result => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Schema::Protocol => 0,
            Schema::Tender => 1,
            Schema::Bids => 2,
            Schema::SelfCheck => 3,
            Schema::Result => 4,
        }
    }
}

/// The schema that describes an input document, so a caller holding a [`Document`] (from a
/// file's `"document"` field, say) can pick the right schema without a match of its own.
pub fn for_document(document: Document) -> Schema {
    match document {
        Document::Protocol => Schema::Protocol,
        Document::Tender => Schema::Tender,
        Document::Bids => Schema::Bids,
        Document::SelfCheck => Schema::SelfCheck,
    }
}

const TEXTS: [&str; 5] = [
    include_str!("../protocol.schema.json"),
    include_str!("../tender.schema.json"),
    include_str!("../bids.schema.json"),
    include_str!("../self-check.schema.json"),
    include_str!("../result.schema.json"),
];

/// The schema's JSON text, exactly as published, so a CLI or web app can hand it out without
/// reading files.
pub fn schema_text(schema: Schema) -> &'static str {
    TEXTS[schema.index()]
}

/// The schema parsed, once. `None` only if the embedded text were not JSON, which the tests
/// rule out; it is an `Option` so that no input, and no build, can make this panic.
pub fn schema_value(schema: Schema) -> Option<&'static Value> {
    static VALUES: [OnceLock<Option<Value>>; 5] = [const { OnceLock::new() }; 5];
    VALUES[schema.index()]
        .get_or_init(|| serde_json::from_str(schema_text(schema)).ok())
        .as_ref()
}

/// One way a value breaks a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// JSON pointer (RFC 6901) of the value at fault in the instance; empty for the whole
    /// document.
    pub pointer: String,
    /// What is wrong, as the validator says it. Values are masked and the text is capped, so a
    /// hostile document (a 10 MB string, say) cannot blow up an error report.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "at the whole document: {}", self.message)
        } else {
            write!(f, "at \"{}\": {}", self.pointer, self.message)
        }
    }
}

impl std::error::Error for SchemaError {}

/// The longest message kept, in characters.
const MESSAGE_MAX: usize = 500;

type Built = Result<jsonschema::Validator, String>;

fn validator(schema: Schema) -> &'static Built {
    static VALIDATORS: [OnceLock<Built>; 5] = [const { OnceLock::new() }; 5];
    VALIDATORS[schema.index()].get_or_init(|| {
        let value = schema_value(schema)
            .ok_or_else(|| format!("{} is not valid JSON", schema.file_name()))?;
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(value)
            .map_err(|e| format!("{} could not be compiled: {e}", schema.file_name()))
    })
}

fn cap(mut message: String) -> String {
    if let Some((i, _)) = message.char_indices().nth(MESSAGE_MAX) {
        message.truncate(i);
        message.push('…');
    }
    message
}

/// How deep to follow the closest branch of nested `oneOf`s (conditions nest).
const BRANCH_DEPTH: usize = 8;

/// The branch of a failed `oneOf` the value came closest to: of the branches whose tag (`const`)
/// matched, the one with the fewest errors. A criterion, a condition or a method is one of
/// several forms; "matches none of the forms" alone does not say what to fix.
fn closest<'a>(
    branches: &'a [Vec<ValidationError<'static>>],
) -> Option<&'a [ValidationError<'static>]> {
    let tag_failed = |b: &Vec<ValidationError>| {
        b.iter()
            .any(|e| matches!(e.kind(), ValidationErrorKind::Constant { .. }))
    };
    branches
        .iter()
        .filter(|b| !tag_failed(b))
        .min_by_key(|b| b.len())
        .or_else(|| branches.iter().min_by_key(|b| b.len()))
        .map(Vec::as_slice)
}

fn collect(e: &ValidationError, depth: usize, out: &mut Vec<SchemaError>) {
    out.push(SchemaError {
        pointer: e.instance_path().to_string(),
        message: cap(e.masked_with("the value").to_string()),
    });
    if depth < BRANCH_DEPTH {
        if let ValidationErrorKind::OneOfNotValid { context }
        | ValidationErrorKind::AnyOf { context } = e.kind()
        {
            for inner in closest(context).unwrap_or_default() {
                collect(inner, depth + 1, out);
            }
        }
    }
}

/// Validates a value against a schema (draft 2020-12, with `format` checked) and returns every
/// problem found, in the validator's order; an empty list means the value is valid. When a value
/// matches none of the forms a `oneOf` allows, the errors of the closest form follow, so that the
/// list says what to fix. Validators are built once per process and shared.
pub fn validate(schema: Schema, instance: &Value) -> Vec<SchemaError> {
    match validator(schema) {
        Ok(v) => {
            let mut out = Vec::new();
            for e in v.iter_errors(instance) {
                collect(&e, 0, &mut out);
            }
            out
        }
        Err(message) => vec![SchemaError {
            pointer: String::new(),
            message: cap(message.clone()),
        }],
    }
}

/// True when the value satisfies the schema: quicker than [`validate`] when only the answer is
/// needed.
pub fn is_valid(schema: Schema, instance: &Value) -> bool {
    match validator(schema) {
        Ok(v) => v.is_valid(instance),
        Err(_) => false,
    }
}

/// Calls `f` with every subschema of a schema and its JSON pointer (examples, consts and enums
/// are data, not subschemas): for checks that run over a whole schema, here and in the
/// agreement tests.
pub fn walk_subschemas(value: &Value, at: &str, f: &mut impl FnMut(&str, &Value)) {
    f(at, value);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if !matches!(k.as_str(), "examples" | "const" | "enum") {
                    walk_subschemas(v, &format!("{at}/{k}"), f);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk_subschemas(v, &format!("{at}/{i}"), f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_compiles() {
        for s in Schema::ALL {
            assert!(validator(s).is_ok(), "{:?}", validator(s).as_ref().err());
        }
    }

    #[test]
    fn a_failed_form_says_what_to_fix() {
        let mut draft: Value = serde_json::from_str(ulo_core::shipped::EXAMPLE_SELF_CHECK).unwrap();
        draft["expected"]["q-outcomes"] = serde_json::json!({"low": 3, "high": "4"});
        let errors = validate(Schema::SelfCheck, &draft);
        assert!(
            errors
                .iter()
                .any(|e| e.pointer == "/expected/q-outcomes/high" && e.message.contains("integer")),
            "{errors:?}"
        );
    }

    #[test]
    fn every_schema_is_a_valid_draft_2020_12_schema() {
        for s in Schema::ALL {
            let value = schema_value(s).expect("JSON");
            let result = jsonschema::draft202012::meta::validate(value);
            assert!(result.is_ok(), "{}: {:?}", s.file_name(), result.err());
        }
    }

    /// Every example in every schema satisfies the schema it illustrates, and every property and
    /// shared shape is described: the schemas are documentation, and wrong examples mislead.
    #[test]
    fn every_example_is_valid_and_every_shape_described() {
        for s in Schema::ALL {
            let root = schema_value(s).expect("JSON");
            let defs = root["$defs"].clone();
            let mut wrong = Vec::new();
            walk_subschemas(root, "", &mut |at, v| {
                let is_property = at.rsplit('/').nth(1) == Some("properties");
                let is_def = at.rsplit('/').nth(1) == Some("$defs");
                if (is_property || is_def)
                    && v.get("description")
                        .and_then(Value::as_str)
                        .is_none_or(|d| d.trim().is_empty())
                {
                    wrong.push(format!("{at}: no description"));
                }
                let Some(examples) = v.get("examples").and_then(Value::as_array) else {
                    if is_property {
                        wrong.push(format!("{at}: no examples"));
                    }
                    return;
                };
                let mut sub = v.clone();
                if let Some(map) = sub.as_object_mut() {
                    map.insert("$defs".into(), defs.clone());
                }
                let built = jsonschema::draft202012::options()
                    .should_validate_formats(true)
                    .build(&sub);
                match built {
                    Err(e) => wrong.push(format!("{at}: does not compile alone: {e}")),
                    Ok(check) => {
                        for (i, example) in examples.iter().enumerate() {
                            if let Some(e) = check.iter_errors(example).next() {
                                wrong.push(format!("{at}/examples/{i}: {e}"));
                            }
                        }
                    }
                }
            });
            assert!(wrong.is_empty(), "{}:\n{}", s.file_name(), wrong.join("\n"));
        }
    }

    #[test]
    fn messages_are_capped() {
        let huge = Value::String("x".repeat(100_000));
        let errors = validate(Schema::Tender, &huge);
        assert!(!errors.is_empty());
        assert!(errors
            .iter()
            .all(|e| e.message.chars().count() <= MESSAGE_MAX + 1));
    }
}

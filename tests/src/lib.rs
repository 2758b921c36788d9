//! The conformance harness: data-driven cases, run the same way natively and in wasm.
//!
//! Each case is a folder in `tests/cases/` (embedded at build time by `build.rs`):
//! - `case.json`: `{"title", "command": "score" | "check-tender" | "self-check", "protocol",
//!   "tender", "bids", "self_check"}`; each input names a file in the folder, `"shipped"` for the
//!   shipped protocol or worked example, `"shipped-1.0.0"` for the protocol and worked example as
//!   shipped in version 1.0.0 ([`pinned`]), or `"shared:<name>"` for `tests/shared/<name>.json`;
//! - the input files;
//! - `notes.md`: how the expected figures were worked out by hand;
//! - `expected.json`: those hand-worked figures, as a subset of the result (every key given must
//!   match; lists must have the same length);
//! - `result.json`: the engine's whole result, byte for byte. Native and wasm runs must both
//!   reproduce it exactly. Regenerate with `ULO_BLESS=1` after checking the hand-worked figures.
//!
//! A case whose inputs are invalid produces `{"document": "errors", "errors": [...]}`.

use serde_json::Value;
use ulo_core::{shipped, ProblemReport, Problems, Protocol};

pub mod formula;
pub mod fuzzing;
pub mod generate;
pub mod invariants;

/// The shipped protocol and worked example as they were in protocol version 1.0.0, so that the
/// cases and generated hashes written against 1.0.0 keep reproducing its results byte for byte
/// after the shipped protocol moved on. Kept here, not in `ulo-core`, so that the old texts do
/// not weigh on the wasm packages; the CLI reaches 1.0.0 with
/// `--protocol core/protocols/ulcp-1.0.0.json`.
pub mod pinned {
    /// The User-Led Commissioning Protocol 1.0.0.
    pub const PROTOCOL: &str = include_str!("../../core/protocols/ulcp-1.0.0.json");
    /// The worked example tender as shipped with 1.0.0.
    pub const EXAMPLE_TENDER: &str = include_str!("../pinned/example-tender-1.0.0.json");
    /// The worked example's bids as shipped with 1.0.0.
    pub const EXAMPLE_BIDS: &str = include_str!("../pinned/example-bids-1.0.0.json");
    /// The worked self-check as shipped with 1.0.0.
    pub const EXAMPLE_SELF_CHECK: &str = include_str!("../pinned/example-self-check-1.0.0.json");
}

/// The result of a case whose inputs are rejected.
#[derive(serde::Serialize)]
struct Errors {
    document: &'static str,
    errors: Vec<ProblemReport>,
}

/// What a case runs: the command and its documents as text.
pub struct Documents {
    /// `check-tender`, `score` or `self-check`.
    pub command: &'static str,
    /// The protocol.
    pub protocol: &'static str,
    /// The tender.
    pub tender: &'static str,
    /// The bids for `score`, the draft for `self-check`.
    pub other: Option<&'static str>,
}

/// One embedded case.
pub struct Case {
    /// The folder name.
    pub name: &'static str,
    /// Its files: (name, contents).
    pub files: &'static [(&'static str, &'static str)],
}

/// Every case, in name order.
pub static CASES: &[Case] = include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// Documents shared between cases: (name, contents).
pub static SHARED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shared.rs"));

impl Case {
    /// A file of the case.
    pub fn file(&self, name: &str) -> Option<&'static str> {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    fn spec(&self) -> Result<Value, String> {
        let text = self
            .file("case.json")
            .ok_or_else(|| format!("{}: no case.json", self.name))?;
        serde_json::from_str(text).map_err(|e| format!("{}: case.json: {e}", self.name))
    }

    /// The text of an input named in case.json.
    fn input(
        &self,
        spec: &Value,
        key: &str,
        shipped_text: &'static str,
        pinned_text: &'static str,
    ) -> Result<&'static str, String> {
        let name = spec
            .get(key)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}: case.json has no \"{key}\"", self.name))?;
        if name == "shipped" {
            return Ok(shipped_text);
        }
        if name == "shipped-1.0.0" {
            return Ok(pinned_text);
        }
        if let Some(shared) = name.strip_prefix("shared:") {
            return SHARED
                .iter()
                .find(|(n, _)| *n == shared)
                .map(|(_, t)| *t)
                .ok_or_else(|| format!("{}: no shared document {shared}", self.name));
        }
        self.file(name)
            .ok_or_else(|| format!("{}: no file {name}", self.name))
    }

    /// Runs the case and returns the result as pretty JSON with a final newline: the bytes
    /// `result.json` must hold.
    pub fn run(&self) -> Result<String, String> {
        let d = self.documents()?;
        // Serialised straight from the result types (never through a JSON map), so the bytes
        // do not depend on serde_json's features.
        result_text(run_texts(d.command, d.protocol, d.tender, d.other)?)
    }

    /// The command and input documents named in case.json.
    pub fn documents(&self) -> Result<Documents, String> {
        let spec = self.spec()?;
        let command = match spec.get("command").and_then(Value::as_str).unwrap_or("") {
            "check-tender" => "check-tender",
            "score" => "score",
            "self-check" => "self-check",
            other => return Err(format!("{}: unknown command {other:?}", self.name)),
        };
        let other = match command {
            "score" => {
                Some(self.input(&spec, "bids", shipped::EXAMPLE_BIDS, pinned::EXAMPLE_BIDS)?)
            }
            "self-check" => Some(self.input(
                &spec,
                "self_check",
                shipped::EXAMPLE_SELF_CHECK,
                pinned::EXAMPLE_SELF_CHECK,
            )?),
            _ => None,
        };
        Ok(Documents {
            command,
            protocol: self.input(&spec, "protocol", shipped::PROTOCOL, pinned::PROTOCOL)?,
            tender: self.input(
                &spec,
                "tender",
                shipped::EXAMPLE_TENDER,
                pinned::EXAMPLE_TENDER,
            )?,
            other,
        })
    }

    /// The hand-worked expectations.
    pub fn expected(&self) -> Result<Value, String> {
        let text = self
            .file("expected.json")
            .ok_or_else(|| format!("{}: no expected.json", self.name))?;
        serde_json::from_str(text).map_err(|e| format!("{}: expected.json: {e}", self.name))
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

/// Runs `command` (`check-tender`, `score` or `self-check`) over documents given as text: the
/// one path every case takes, hand-worked or generated, natively and in wasm. `other` is the
/// bids for `score` and the draft for `self-check`. The outer error is a harness mistake (an
/// unknown command); the inner one is the engine rejecting the inputs.
pub fn run_texts(
    command: &str,
    protocol_text: &str,
    tender_text: &str,
    other: Option<&str>,
) -> Result<Result<String, Problems>, String> {
    let protocol = match Protocol::from_json(protocol_text) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let tender = match protocol.tender_from_json(tender_text) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let other = || other.ok_or_else(|| format!("{command} needs a second document"));
    Ok(match command {
        "check-tender" => Ok(pretty(&protocol.check_tender(&tender))?),
        "score" => match protocol
            .bids_from_json(&tender, other()?)
            .and_then(|b| protocol.score(&tender, &b))
        {
            Ok(r) => Ok(pretty(&r)?),
            Err(e) => Err(e),
        },
        "self-check" => match protocol
            .checked_draft_from_json(&tender, other()?)
            .and_then(|d| protocol.self_check(&tender, &d))
        {
            Ok(r) => Ok(pretty(&r)?),
            Err(e) => Err(e),
        },
        other => return Err(format!("unknown command {other:?}")),
    })
}

/// The bytes a run gives: the result as pretty JSON, or the errors document when the inputs are
/// rejected, with a final newline (what `result.json` holds).
pub fn result_text(run: Result<String, Problems>) -> Result<String, String> {
    let mut text = match run {
        Ok(text) => text,
        Err(problems) => pretty(&Errors {
            document: "errors",
            errors: problems.reports(),
        })?,
    };
    text.push('\n');
    Ok(text)
}

/// Checks that every key in `expected` is in `actual` with an equal value (recursively); lists
/// must have the same length and match item by item. Returns the first difference.
pub fn subset_mismatch(expected: &Value, actual: &Value, at: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().find_map(|(k, ev)| match a.get(k) {
            None => Some(format!("{at}/{k}: missing from the result")),
            Some(av) => subset_mismatch(ev, av, &format!("{at}/{k}")),
        }),
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!(
                    "{at}: expected {} items, found {}",
                    e.len(),
                    a.len()
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .find_map(|(i, (ev, av))| subset_mismatch(ev, av, &format!("{at}/{i}")))
        }
        (e, a) if e == a => None,
        (e, a) => Some(format!("{at}: expected {e}, found {a}")),
    }
}

/// Runs one case against both its hand-worked expectations and its recorded result.
/// Returns the problems found (empty when the case passes).
pub fn check(case: &Case) -> Vec<String> {
    check_with(case, true)
}

/// As [`check`]; `recorded` false skips the comparison with `result.json` (used while blessing).
pub fn check_with(case: &Case, recorded: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let actual = match case.run() {
        Ok(a) => a,
        Err(e) => return vec![e],
    };
    match (case.expected(), serde_json::from_str::<Value>(&actual)) {
        (Ok(e), Ok(a)) => {
            if let Some(m) = subset_mismatch(&e, &a, "") {
                problems.push(format!("{}: hand-worked figure differs: {m}", case.name));
            }
        }
        (Err(e), _) => problems.push(e),
        (_, Err(e)) => problems.push(format!("{}: result is not JSON: {e}", case.name)),
    }
    if !recorded {
        return problems;
    }
    match case.file("result.json") {
        Some(recorded) if recorded == actual => {}
        Some(_) => problems.push(format!(
            "{}: result differs from result.json (run with ULO_BLESS=1 to see; check the figures by hand first)",
            case.name
        )),
        None => problems.push(format!("{}: no result.json", case.name)),
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn subset_matching_is_strict_where_it_should_be() {
        let actual = json!({"a": 1, "b": [1, 2], "c": {"d": "x", "e": "y"}});
        assert_eq!(subset_mismatch(&json!({"a": 1}), &actual, ""), None);
        assert_eq!(
            subset_mismatch(&json!({"c": {"d": "x"}}), &actual, ""),
            None
        );
        assert!(subset_mismatch(&json!({"a": 2}), &actual, "").is_some());
        assert!(subset_mismatch(&json!({"b": [1]}), &actual, "").is_some());
        assert!(subset_mismatch(&json!({"z": 1}), &actual, "").is_some());
    }
}

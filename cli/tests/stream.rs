//! `ulo score --json` writes the full result one bid at a time; its bytes must be exactly the
//! recorded `result.json` of every conformance case that scores (the core's whole result,
//! pretty, with a final newline).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The file a case names for `key`: its own, shared, or shipped (now or as in 1.0.0).
fn input(case: &Path, spec: &Value, key: &str) -> PathBuf {
    let name = spec[key]
        .as_str()
        .unwrap_or_else(|| panic!("{case:?}: no {key}"));
    let r = root();
    let shipped = |now: &str, pinned: &str| match name {
        "shipped" => Some(r.join(now)),
        "shipped-1.0.0" => Some(r.join(pinned)),
        _ => None,
    };
    let known = match key {
        "protocol" => shipped("core/protocols/ulcp.json", "core/protocols/ulcp-1.0.0.json"),
        "tender" => shipped(
            "core/protocols/example-tender.json",
            "tests/pinned/example-tender-1.0.0.json",
        ),
        _ => shipped(
            "core/protocols/example-bids.json",
            "tests/pinned/example-bids-1.0.0.json",
        ),
    };
    known.unwrap_or_else(|| match name.strip_prefix("shared:") {
        Some(shared) => r.join(format!("tests/shared/{shared}.json")),
        None => case.join(name),
    })
}

#[test]
fn score_json_is_the_recorded_result_byte_for_byte_in_every_scoring_case() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let mut compared = 0;
    let mut failures = Vec::new();
    for dir in dirs {
        let spec: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
        if spec["command"] != "score" {
            continue;
        }
        let out = Command::new(env!("CARGO_BIN_EXE_ulo"))
            .arg("score")
            .arg(input(&dir, &spec, "tender"))
            .arg(input(&dir, &spec, "bids"))
            .arg("--protocol")
            .arg(input(&dir, &spec, "protocol"))
            .arg("--json")
            .output()
            .expect("ulo runs");
        if out.status.code() != Some(0) {
            // Refused inputs: the CLI's errors document names the file, so it is not the
            // recorded one; refusals are the conformance tests' business.
            continue;
        }
        let recorded = std::fs::read(dir.join("result.json")).unwrap();
        if out.stdout != recorded {
            failures.push(format!("{}", dir.display()));
        }
        compared += 1;
    }
    assert!(failures.is_empty(), "output differs: {failures:?}");
    assert!(compared >= 40, "only {compared} cases compared");
}

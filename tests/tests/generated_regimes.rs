//! The generated regime cases (`tests/src/regimes.rs`), natively: every case's check result
//! must match the SHA-256 recorded in `tests/generated/regime-hashes.txt` (the wasm run in
//! headless Chromium, `wasm_conformance.rs`, recomputes them too), every result must keep the
//! regime invariants, and across the cases every regime, every way of deciding and every
//! standing must occur.
//!
//! With `ULO_BLESS=1` the file is rewritten from the engine (after a deliberate change to the
//! results, the test protocol or the generator; the hand-worked cases 200-239 must pass first).

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use ulo_conformance::generate::recorded_lines;
use ulo_conformance::regimes::{
    check_tender_text, compare_lines, hash_line, protocol_text, result, tender, REGIME_CASES,
};
use ulo_core::choice::Choice;
use ulo_core::regime::Regime;

fn hashes_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/regime-hashes.txt")
}

const HEADER: &str = "\
# Generated regime cases (tests/src/regimes.rs), one line per seed: the seed, the first 16 hex
# digits of the SHA-256 of its tender, the regime decided (- when not stated, rejected when the
# tender is refused), and the SHA-256 of its check result against tests/shared/regimes.json.
# The native test (tests/tests/generated_regimes.rs) checks every line; the wasm test in
# headless Chromium (tests/tests/wasm_conformance.rs) recomputes every line.
# Regenerate after a deliberate change:
#   ULO_BLESS=1 cargo test -p ulo-conformance --test generated_regimes
";

#[test]
fn every_regime_case_gives_its_recorded_result() {
    if std::env::var_os("ULO_BLESS").is_some() {
        let mut text = String::from(HEADER);
        for seed in 0..REGIME_CASES {
            text.push_str(&hash_line(seed).unwrap_or_else(|e| panic!("case {seed}: {e}")));
            text.push('\n');
        }
        std::fs::write(hashes_path(), text).unwrap();
    }
    let recorded = std::fs::read_to_string(hashes_path())
        .expect("tests/generated/regime-hashes.txt (create it with ULO_BLESS=1)");
    assert_eq!(recorded_lines(&recorded).len() as u64, REGIME_CASES);
    let differences = compare_lines(&recorded, 10);
    assert!(
        differences.is_empty(),
        "regime cases differ from tests/generated/regime-hashes.txt:\n{}",
        differences.join("\n")
    );
}

#[test]
fn every_regime_case_keeps_the_regime_invariants() {
    let mut failures = Vec::new();
    for seed in 0..REGIME_CASES {
        for f in check_tender_text(&tender(seed)) {
            failures.push(format!("case {seed}: {f}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_invariants_catch_a_wrong_standing() {
    // A result edited to call a policy finding law, or to give a MUST with no regime, must be
    // caught: the invariants are not vacuous.
    let t = tender(0);
    let r = result(protocol_text(), &t).unwrap();
    let p: Value = serde_json::from_str(protocol_text()).unwrap();
    let tv: Value = serde_json::from_str(&t).unwrap();
    let mut rv: Value = serde_json::from_str(&r).unwrap();
    rv["summary"]["must"] = serde_json::json!(99);
    assert!(!ulo_conformance::regimes::invariants(&p, &tv, &rv).is_empty());
    let mut found = false;
    for seed in 0..REGIME_CASES {
        let t = tender(seed);
        let mut rv: Value = serde_json::from_str(&result(protocol_text(), &t).unwrap()).unwrap();
        let tv: Value = serde_json::from_str(&t).unwrap();
        let Some(f) = rv["findings"]
            .as_array_mut()
            .and_then(|fs| fs.iter_mut().find(|f| f["standing"] == "policy"))
        else {
            continue;
        };
        f["standing"] = serde_json::json!("law");
        f["severity"] = serde_json::json!("must");
        assert!(
            !ulo_conformance::regimes::invariants(&p, &tv, &rv).is_empty(),
            "case {seed}: a policy finding called law went unnoticed"
        );
        found = true;
        break;
    }
    assert!(found, "no generated case has a policy finding");
}

fn count(counts: &mut BTreeMap<String, u32>, key: impl Into<String>) {
    *counts.entry(key.into()).or_default() += 1;
}

#[test]
fn the_regime_cases_cover_every_regime_and_standing() {
    let mut counts = BTreeMap::new();
    for seed in 0..REGIME_CASES {
        let r: Value =
            serde_json::from_str(&result(protocol_text(), &tender(seed)).unwrap()).unwrap();
        if r["document"] == "errors" {
            count(&mut counts, "rejected");
            continue;
        }
        let d = &r["regime"];
        count(
            &mut counts,
            format!("regime {}", d["regime"].as_str().unwrap_or("not stated")),
        );
        count(
            &mut counts,
            format!("decided {}", d["decided"].as_str().unwrap_or("?")),
        );
        for f in r["findings"].as_array().into_iter().flatten() {
            count(
                &mut counts,
                format!(
                    "finding {} {}",
                    f["status"].as_str().unwrap_or("?"),
                    f["standing"].as_str().unwrap_or("-")
                ),
            );
        }
        for c in r["checks"].as_array().into_iter().flatten() {
            if c["status"] == "not_applicable" {
                count(&mut counts, "check not_applicable");
            }
        }
    }
    for (k, v) in &counts {
        println!("{v:6}  {k}");
    }
    // Every regime the core knows, and "not stated".
    let mut needed: Vec<String> = Regime::ALL
        .iter()
        .map(|(w, _)| *w)
        .chain(["not stated"])
        .map(|r| format!("regime {r}"))
        .collect();
    needed.extend(
        [
            "decided stated",
            "decided derived",
            "decided not_stated",
            "finding barrier law",
            "finding barrier policy",
            "finding regime_not_stated -",
            "finding not_stated law",
            "check not_applicable",
        ]
        .map(String::from),
    );
    let missing: Vec<&String> = needed
        .iter()
        .filter(|k| counts.get(*k).copied().unwrap_or(0) < 2)
        .collect();
    assert!(
        missing.is_empty(),
        "the regime cases exercise these fewer than twice: {missing:?}"
    );
}

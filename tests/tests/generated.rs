//! The generated equivalence cases, natively: every case's results must match the SHA-256
//! recorded in `tests/generated/hashes.txt`, which the wasm run in headless Chromium
//! (`wasm_conformance.rs`) recomputes too, so native and wasm give byte-identical results on
//! every generated case.
//!
//! With `ULO_BLESS=1` the file is rewritten from the engine (after a deliberate change to the
//! results or to the generator; the hand-worked conformance cases must pass first).
//!
//! A second test proves the cases are worth comparing: across them, every outcome the award
//! model has (each moderation method, both price formulas, every rounding mode, exclusions of
//! every kind, incomplete bids, ties settled and unsettled, abnormally low prices...) occurs.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use ulo_conformance::generate::{
    case, compare_lines, hash_line, recorded_lines, results, GENERATED_CASES,
};

fn hashes_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/hashes.txt")
}

const HEADER: &str = "\
# Generated equivalence cases (tests/src/generate.rs), one line per seed: the seed, the first
# 16 hex digits of the SHA-256 of its input documents, and the SHA-256 of its score result and
# of its self-check result (the bytes a result.json would hold). The native test
# (tests/tests/generated.rs) checks every line; the wasm test in headless Chromium
# (tests/tests/wasm_conformance.rs) recomputes every line, so both give identical bytes.
# Regenerate after a deliberate change: ULO_BLESS=1 cargo test -p ulo-conformance --test generated
";

#[test]
fn every_generated_case_gives_its_recorded_results() {
    if std::env::var_os("ULO_BLESS").is_some() {
        let mut text = String::from(HEADER);
        for seed in 0..GENERATED_CASES {
            text.push_str(&hash_line(seed).unwrap_or_else(|e| panic!("case {seed}: {e}")));
            text.push('\n');
        }
        std::fs::create_dir_all(hashes_path().parent().unwrap()).unwrap();
        std::fs::write(hashes_path(), text).unwrap();
    }
    let recorded = std::fs::read_to_string(hashes_path())
        .expect("tests/generated/hashes.txt (create it with ULO_BLESS=1)");
    assert!(
        recorded_lines(&recorded).len() as u64 >= 1000,
        "at least 1,000 generated cases"
    );
    let differences = compare_lines(&recorded, 10);
    assert!(
        differences.is_empty(),
        "generated cases differ from tests/generated/hashes.txt:\n{}",
        differences.join("\n")
    );
}

fn count(counts: &mut BTreeMap<String, u32>, key: impl Into<String>) {
    *counts.entry(key.into()).or_default() += 1;
}

/// What a case exercises, read from its documents and results.
fn features(seed: u64, counts: &mut BTreeMap<String, u32>) {
    let g = case(seed);
    let (score, self_check) = results(&g).unwrap();
    let protocol: Value = serde_json::from_str(&g.protocol).unwrap();
    let tender: Value = serde_json::from_str(&g.tender).unwrap();
    let bids: Value = serde_json::from_str(&g.bids).unwrap();
    let score: Value = serde_json::from_str(&score).unwrap();
    let self_check: Value = serde_json::from_str(&self_check).unwrap();
    let award = &protocol["award_model"];
    let moderation = award["moderation"]["method"].as_str().unwrap_or("?");
    let le = award["moderation"].get("lived_experience_share").is_some();
    count(
        counts,
        format!(
            "moderation {moderation}{}",
            if le {
                " with lived-experience share"
            } else {
                ""
            }
        ),
    );
    count(
        counts,
        format!(
            "rounding {} {}",
            protocol["rounding"]["mode"].as_str().unwrap_or("?"),
            protocol["rounding"]["places"]
        ),
    );
    let text = g.protocol.as_str();
    for (needle, name) in [
        ("linear_ceiling_floor", "price formula linear_ceiling_floor"),
        ("lowest_price_ratio", "price formula lowest_price_ratio"),
        ("\"banded\"", "banded criterion"),
        ("\"disqualifies\":true", "disqualifying minimum"),
        ("\"disqualifies\":false", "non-disqualifying minimum"),
        ("\"children\"", "groups of criteria"),
        ("user_led_first", "tie-break user_led_first"),
    ] {
        if text.contains(needle) {
            count(counts, name);
        }
    }
    if tender["reserved_for_user_led"] == true {
        count(counts, "reserved contract");
    }
    if tender.get("weights").is_some() {
        count(counts, "tuned weights");
    }
    let n = bids["bids"].as_array().map_or(0, Vec::len);
    count(counts, format!("bids {:02}", n));
    if score["document"] == "errors" {
        count(counts, "score: inputs rejected");
        return;
    }
    count(counts, "score: scored");
    for b in score["bids"].as_array().into_iter().flatten() {
        count(
            counts,
            format!("bid status {}", b["status"].as_str().unwrap_or("?")),
        );
        for f in b["flags"].as_array().into_iter().flatten() {
            count(
                counts,
                format!("flag {}", f["code"].as_str().unwrap_or("?")),
            );
        }
    }
    for lot in score["lots"].as_array().into_iter().flatten() {
        for r in lot["ranking"].as_array().into_iter().flatten() {
            if let Some(t) = r.get("tie") {
                count(
                    counts,
                    if t.get("decided_by").is_some() {
                        "tie settled by a rule"
                    } else {
                        "tie left to the authority"
                    },
                );
            }
        }
    }
    if self_check["document"] == "self-check-result" {
        count(counts, "self-check: projected");
    } else {
        count(counts, "self-check: inputs rejected");
    }
}

#[test]
fn the_generated_cases_cover_the_award_model() {
    let mut counts = BTreeMap::new();
    for seed in 0..GENERATED_CASES {
        features(seed, &mut counts);
    }
    for (k, v) in &counts {
        println!("{v:6}  {k}");
    }
    let needed = [
        "moderation consensus",
        "moderation mean",
        "moderation mean with lived-experience share",
        "moderation median",
        "rounding half_up 0",
        "rounding half_even 2",
        "rounding down 6",
        "price formula linear_ceiling_floor",
        "price formula lowest_price_ratio",
        "banded criterion",
        "disqualifying minimum",
        "non-disqualifying minimum",
        "groups of criteria",
        "reserved contract",
        "tuned weights",
        "bids 01",
        "bids 12",
        "bid status ranked",
        "bid status excluded",
        "bid status incomplete",
        "flag abnormally_low",
        "flag threshold_failed",
        "flag over_ceiling",
        "flag gate_failed",
        "flag ineligible",
        "flag eligibility_unknown",
        "flag incomplete",
        "flag high_variance",
        "flag partial_panel",
        "tie settled by a rule",
        "tie left to the authority",
        "self-check: projected",
    ];
    let scored = counts.get("score: scored").copied().unwrap_or(0);
    let mut missing = Vec::new();
    for k in needed {
        if counts.get(k).copied().unwrap_or(0) < 5 {
            missing.push(k);
        }
    }
    assert!(
        missing.is_empty(),
        "the generated cases exercise these fewer than 5 times: {missing:?}"
    );
    assert!(
        u64::from(scored) * 100 >= GENERATED_CASES * 90,
        "only {scored} of {GENERATED_CASES} generated cases are valid enough to score"
    );
}

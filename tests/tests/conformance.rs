//! Runs every conformance case natively. With `ULO_BLESS=1`, writes each case's `result.json`
//! from the engine (check the hand-worked figures in `expected.json` pass first).

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use ulo_conformance::{check_with, CASES};

#[test]
fn every_case_matches_its_hand_worked_figures_and_recorded_result() {
    let bless = std::env::var_os("ULO_BLESS").is_some();
    if bless {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
        for case in CASES {
            let text = case.run().unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(root.join(case.name).join("result.json"), text).unwrap();
        }
    }
    let failures: Vec<String> = CASES.iter().flat_map(|c| check_with(c, !bless)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn there_are_at_least_thirty_cases() {
    assert!(CASES.len() >= 30, "only {} conformance cases", CASES.len());
}

/// Issue 12 asks for at least four hand-worked cases under each regime (and for tenders whose
/// regime cannot be told): counted from what each case's recorded result decided.
#[test]
fn every_regime_has_at_least_four_hand_worked_cases() {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for case in CASES {
        let Some(text) = case.file("result.json") else {
            continue;
        };
        let Ok(result) = serde_json::from_str::<serde_json::Value>(text) else {
            continue;
        };
        let Some(decision) = result.get("regime") else {
            continue;
        };
        let group = match decision["regime"].as_str() {
            None => "not stated",
            Some("pa2023") => "PA 2023 standard",
            Some("pa2023_light_touch") => "PA 2023 light-touch",
            Some("pa2023_below_threshold") => "PA 2023 below threshold",
            Some(r) if r.starts_with("pcr2015") => "PCR 2015",
            Some(r) if r.starts_with("scotland") => "Scotland",
            Some("psr") => "Provider Selection Regime",
            Some("grant") => "grant",
            Some(_) => "another regime",
        };
        *counts.entry(group).or_default() += 1;
    }
    for group in [
        "PA 2023 standard",
        "PA 2023 light-touch",
        "PA 2023 below threshold",
        "PCR 2015",
        "Scotland",
        "Provider Selection Regime",
        "grant",
        "not stated",
    ] {
        let n = counts.get(group).copied().unwrap_or(0);
        assert!(
            n >= 4,
            "only {n} hand-worked cases under {group}: {counts:?}"
        );
    }
}

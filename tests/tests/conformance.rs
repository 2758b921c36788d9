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

//! The conformance cases compiled to wasm32 and run in headless Chromium: each result must be
//! byte-identical to the native run's (both are compared with the same `result.json`). Then the
//! generated cases (`tests/src/generate.rs`): the same seeds give the same documents here, and
//! their results must hash to the SHA-256 recorded natively in `tests/generated/hashes.txt`;
//! and the generated regime cases (`tests/src/regimes.rs`), whose check results must hash to
//! `tests/generated/regime-hashes.txt` and keep the regime invariants.
//!
//! Run with `cargo test -p ulo-conformance --target wasm32-unknown-unknown --test wasm_conformance`
//! (the runner, wasm-bindgen-test-runner, is set in .cargo/config.toml; chromedriver on PATH).

#![cfg(target_arch = "wasm32")]

use ulo_conformance::generate::{compare_lines, recorded_lines};
use ulo_conformance::{check, CASES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_case_gives_the_native_bytes_in_the_browser() {
    let failures: Vec<String> = CASES.iter().flat_map(check).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ in wasm:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
    web_sys_log(&format!(
        "{} conformance cases byte-identical in wasm",
        CASES.len()
    ));
}

/// The native run's hashes, built into the test so the browser needs no file system.
const RECORDED: &str = include_str!("../generated/hashes.txt");

#[wasm_bindgen_test]
fn every_generated_case_gives_the_native_bytes_in_the_browser() {
    let cases = recorded_lines(RECORDED).len();
    assert!(cases >= 1000, "only {cases} generated cases recorded");
    let differences = compare_lines(RECORDED, 10);
    assert!(
        differences.is_empty(),
        "generated cases differ in wasm from the native hashes:\n{}",
        differences.join("\n")
    );
    web_sys_log(&format!(
        "{cases} generated cases byte-identical in wasm (score and self-check results)"
    ));
}

/// The native run's hashes of the regime cases.
const RECORDED_REGIMES: &str = include_str!("../generated/regime-hashes.txt");

#[wasm_bindgen_test]
fn every_regime_case_gives_the_native_bytes_in_the_browser() {
    use ulo_conformance::regimes::{check_tender_text, compare_lines, tender, REGIME_CASES};
    assert_eq!(recorded_lines(RECORDED_REGIMES).len() as u64, REGIME_CASES);
    let differences = compare_lines(RECORDED_REGIMES, 10);
    assert!(
        differences.is_empty(),
        "regime cases differ in wasm from the native hashes:\n{}",
        differences.join("\n")
    );
    let broken: Vec<String> = (0..REGIME_CASES)
        .flat_map(|seed| {
            check_tender_text(&tender(seed))
                .into_iter()
                .map(move |f| format!("case {seed}: {f}"))
        })
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    web_sys_log(&format!(
        "{REGIME_CASES} generated regime cases byte-identical in wasm, invariants kept"
    ));
}

/// The native run's hashes of the weights family (shares of the whole, category tie-breaks).
const RECORDED_WEIGHTS: &str = include_str!("../generated/weights-hashes.txt");

#[wasm_bindgen_test]
fn every_weights_case_gives_the_native_bytes_in_the_browser() {
    use ulo_conformance::generate::{compare_weights_lines, WEIGHTS_CASES};
    assert_eq!(recorded_lines(RECORDED_WEIGHTS).len() as u64, WEIGHTS_CASES);
    let differences = compare_weights_lines(RECORDED_WEIGHTS, 10);
    assert!(
        differences.is_empty(),
        "weights cases differ in wasm from the native hashes:\n{}",
        differences.join("\n")
    );
    web_sys_log(&format!(
        "{WEIGHTS_CASES} generated weights cases byte-identical in wasm"
    ));
}

fn web_sys_log(text: &str) {
    wasm_bindgen_test::console_log!("{}", text);
}

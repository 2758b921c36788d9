//! The conformance cases compiled to wasm32 and run in headless Chromium: each result must be
//! byte-identical to the native run's (both are compared with the same `result.json`). Then the
//! generated cases (`tests/src/generate.rs`): the same seeds give the same documents here, and
//! their results must hash to the SHA-256 recorded natively in `tests/generated/hashes.txt`.
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

fn web_sys_log(text: &str) {
    wasm_bindgen_test::console_log!("{}", text);
}

//! The conformance cases compiled to wasm32 and run in headless Chromium: each result must be
//! byte-identical to the native run's (both are compared with the same `result.json`).
//!
//! Run with `cargo test -p ulo-conformance --target wasm32-unknown-unknown --test wasm_conformance`
//! (the runner, wasm-bindgen-test-runner, is set in .cargo/config.toml; chromedriver on PATH).

#![cfg(target_arch = "wasm32")]

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

fn web_sys_log(text: &str) {
    wasm_bindgen_test::console_log!("{}", text);
}

//! The fuzzer's bytes as the regime generator's choices: tenders with a procurement block
//! (nation, start date, CPV codes, value, stated regime, reservation) whose regime is decided
//! and whose rules are weighed under it, each result held to the regime invariants
//! (`ulo_conformance::fuzzing::regimes`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ulo_conformance::fuzzing::regimes(data));

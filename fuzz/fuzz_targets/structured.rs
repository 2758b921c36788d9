//! The fuzzer's bytes as the case generator's choices: well-shaped protocols, tenders, bids and
//! drafts that reach moderation, price formulas, thresholds, ranking, tie-breaks and the what-if
//! sweep, each result checked against the invariants (`ulo_conformance::fuzzing::structured`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ulo_conformance::fuzzing::structured(data));

//! The fuzzer's bytes as the weights family's choices: protocols whose weights are shares of
//! the whole award and whose tie-breaks name categories, with tenders that tune them; each
//! result checked against the invariants (`ulo_conformance::fuzzing::weights`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ulo_conformance::fuzzing::weights(data));

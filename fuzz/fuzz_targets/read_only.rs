//! Any bytes, as text, through the strict parser, the typed readers and the semantic checks of
//! every kind of document, without scoring (`ulo_conformance::fuzzing::read_only`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ulo_conformance::fuzzing::read_only(data));

//! Any bytes, as text, through the strict parser, the schema-mirroring readers and, for what
//! reads, the barrier check, scoring and self-check (`ulo_conformance::fuzzing::raw_text`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ulo_conformance::fuzzing::raw_text(data));

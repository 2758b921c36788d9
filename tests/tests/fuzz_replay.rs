//! Every seed of the fuzz targets (`fuzz/seeds/<target>/`, where each crash ever found is added
//! once fixed) replayed through the targets' bodies on the stable toolchain, so a fixed crash
//! stays fixed without cargo-fuzz. The fuzzing itself: `scripts/fuzz.sh`.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use ulo_conformance::fuzzing::{raw_text, read_only, regimes, structured};

fn replay(target: &str, body: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // A panic names the seed, so a failure says which input to look at.
        let outcome = std::panic::catch_unwind(|| body(&bytes));
        assert!(outcome.is_ok(), "{target}: seed {} fails", path.display());
        count += 1;
    }
    count
}

#[test]
fn raw_text_seeds_replay() {
    assert!(replay("raw_text", raw_text) >= 5);
}

#[test]
fn structured_seeds_replay() {
    assert!(replay("structured", structured) >= 5);
}

#[test]
fn read_only_seeds_replay() {
    assert!(replay("read_only", read_only) >= 5);
}

#[test]
fn regimes_seeds_replay() {
    assert!(replay("regimes", regimes) >= 5);
}

#[test]
fn weights_seeds_replay() {
    assert!(replay("weights", ulo_conformance::fuzzing::weights) >= 5);
}

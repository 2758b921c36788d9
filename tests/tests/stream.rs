//! The full result written bid by bid (issue 13, bounded work): for every conformance case that
//! scores and the first generated cases, `ScoreStream` serialises to exactly the bytes of the
//! whole `ScoreResult`, its bids one by one are the whole result's bids, and it refuses exactly
//! what `score` refuses.

#![cfg(not(target_arch = "wasm32"))]

use ulo_conformance::{generate, CASES};
use ulo_core::Protocol;

/// How many generated cases are compared (each is small; the conformance cases cover the
/// rarer shapes by hand).
const GENERATED: u64 = 200;

/// Compares the stream with the whole result for one set of inputs. `Ok(true)` when they
/// were scored, `Ok(false)` when both refused the inputs alike.
fn compare(name: &str, protocol: &str, tender: &str, bids: &str) -> Result<bool, String> {
    let Ok(p) = Protocol::from_json(protocol) else {
        return Ok(false);
    };
    let Ok(t) = p.tender_from_json(tender) else {
        return Ok(false);
    };
    let Ok(b) = p.bids_from_json(&t, bids) else {
        return Ok(false);
    };
    let (full, stream) = match (p.score(&t, &b), p.score_stream(&t, &b)) {
        (Ok(full), Ok(stream)) => (full, stream),
        (Err(a), Err(b)) if a == b => return Ok(false),
        (a, b) => {
            return Err(format!(
                "{name}: score gives {:?}, the stream {:?}",
                a.err(),
                b.err()
            ))
        }
    };
    let whole = serde_json::to_string_pretty(&full).map_err(|e| e.to_string())?;
    let streamed = serde_json::to_string_pretty(&stream).map_err(|e| format!("{name}: {e}"))?;
    if let Some(p) = stream.failure() {
        return Err(format!("{name}: the stream failed: {p}"));
    }
    if whole != streamed {
        let at = whole
            .bytes()
            .zip(streamed.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(whole.len().min(streamed.len()));
        let from = at.saturating_sub(200);
        return Err(format!(
            "{name}: the bytes differ at {at}:\n{}\n---\n{}",
            &whole[from..(at + 200).min(whole.len())],
            &streamed[from..(at + 200).min(streamed.len())]
        ));
    }
    let bids: Vec<_> = stream
        .bids()
        .collect::<Result<_, _>>()
        .map_err(|p| format!("{name}: {p}"))?;
    if bids != full.bids || stream.len() != full.bids.len() {
        return Err(format!(
            "{name}: the bids one by one differ from the result's"
        ));
    }
    if stream.head().lots != full.lots || !stream.head().bids.is_empty() {
        return Err(format!("{name}: the head differs from the result's"));
    }
    Ok(true)
}

#[test]
fn the_stream_is_the_full_result_byte_for_byte_in_every_scoring_case() {
    let mut scored = 0;
    let mut failures = Vec::new();
    for case in CASES {
        let d = case.documents().unwrap();
        if d.command != "score" {
            continue;
        }
        match compare(case.name, d.protocol, d.tender, d.other.unwrap()) {
            Ok(true) => scored += 1,
            Ok(false) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Most cases score; a harness that compared nothing would pass vacuously.
    assert!(scored >= 40, "only {scored} conformance cases scored");
}

#[test]
fn the_stream_is_the_full_result_byte_for_byte_in_generated_cases() {
    let mut scored = 0;
    let mut failures = Vec::new();
    for seed in 0..GENERATED {
        let g = generate::case(seed);
        match compare(&format!("seed {seed}"), &g.protocol, &g.tender, &g.bids) {
            Ok(true) => scored += 1,
            Ok(false) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        scored >= GENERATED / 2,
        "only {scored} generated cases scored"
    );
}

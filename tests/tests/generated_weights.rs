//! The generated weights family (`tests/src/generate.rs`, [`weights_case`]): protocols whose
//! weights are shares of the whole award and whose tie-breaks often name a category. Every
//! case's results must match the SHA-256 recorded in `tests/generated/weights-hashes.txt` (the
//! wasm run in headless Chromium, `wasm_conformance.rs`, recomputes them too), every score must
//! keep the invariants (which recompute each criterion's marks available from the weights, and
//! each category tie-break from the bids' marks), and across the cases the new weights and
//! tie-breaks must actually be exercised.
//!
//! A family of its own, so that the first family's 1,200 hashes stay as they were. With
//! `ULO_BLESS=1` the file is rewritten from the engine (after a deliberate change; the
//! hand-worked cases 500-513 must pass first).

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::Path;
use ulo_conformance::generate::{
    compare_weights_lines, recorded_lines, results, weights_case, weights_hash_line, WEIGHTS_CASES,
};
use ulo_conformance::invariants::check_score;
use ulo_core::protocol::TieBreak;
use ulo_core::Protocol;

fn hashes_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/weights-hashes.txt")
}

const HEADER: &str = "\
# Generated weights-family cases (tests/src/generate.rs, weights_case): protocols whose weights
# are shares of the whole award, tie-breaks by category. One line per seed: the seed, the first
# 16 hex digits of the SHA-256 of its input documents, and the SHA-256 of its score result and
# of its self-check result. The native test (tests/tests/generated_weights.rs) checks every
# line; the wasm test in headless Chromium (tests/tests/wasm_conformance.rs) recomputes them.
# Regenerate after a deliberate change:
#   ULO_BLESS=1 cargo test -p ulo-conformance --test generated_weights
";

#[test]
fn every_weights_case_gives_its_recorded_results() {
    if std::env::var_os("ULO_BLESS").is_some() {
        let mut text = String::from(HEADER);
        for seed in 0..WEIGHTS_CASES {
            text.push_str(&weights_hash_line(seed).unwrap_or_else(|e| panic!("case {seed}: {e}")));
            text.push('\n');
        }
        std::fs::write(hashes_path(), text).unwrap();
    }
    let recorded = std::fs::read_to_string(hashes_path())
        .expect("tests/generated/weights-hashes.txt (create it with ULO_BLESS=1)");
    assert_eq!(recorded_lines(&recorded).len() as u64, WEIGHTS_CASES);
    let differences = compare_weights_lines(&recorded, 10);
    assert!(
        differences.is_empty(),
        "weights cases differ from tests/generated/weights-hashes.txt:\n{}",
        differences.join("\n")
    );
}

/// Every case that scores keeps the invariants; and the family does what it is for: most
/// cases score, tuned tenders move groups, and category tie-breaks settle ties.
#[test]
fn every_weights_case_keeps_the_invariants_and_exercises_them() {
    let mut failures = Vec::new();
    let (mut scored, mut tuned, mut category_ties, mut fractions) = (0u64, 0u64, 0u64, 0u64);
    for seed in 0..WEIGHTS_CASES {
        let g = weights_case(seed);
        let Ok(p) = Protocol::from_json(&g.protocol) else {
            continue;
        };
        let Ok(t) = p.tender_from_json(&g.tender) else {
            continue;
        };
        let Ok(b) = p.bids_from_json(&t, &g.bids) else {
            continue;
        };
        let Ok(r) = p.score(&t, &b) else {
            continue;
        };
        scored += 1;
        if !t.doc().weights.is_empty() {
            tuned += 1;
        }
        let report = check_score(&p, &t, &r);
        for f in report.failures {
            failures.push(format!("case {seed}: {f}"));
        }
        // Ties on total marks under a protocol that breaks them by a category: the rule is
        // applied (settling the tie or passing it on), and the invariants re-settle it.
        let by_category = p
            .doc()
            .award
            .tie_break
            .iter()
            .any(|t| matches!(t, TieBreak::HigherScoreInCategory(_)));
        if by_category
            && r.lots
                .iter()
                .any(|l| l.ranking.iter().any(|x| x.tie.is_some()))
        {
            category_ties += 1;
        }
        if r.bids
            .iter()
            .flat_map(|b| &b.criteria)
            .any(|c| c.available.contains('/'))
        {
            fractions += 1;
        }
        // Both results are produced (and serialise) for every valid case.
        results(&g).unwrap_or_else(|e| panic!("case {seed}: {e}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        scored * 10 >= WEIGHTS_CASES * 9,
        "only {scored} of {WEIGHTS_CASES} weights cases score"
    );
    assert!(tuned >= 20, "only {tuned} tuned tenders");
    assert!(
        category_ties >= 5,
        "only {category_ties} cases with ties under a category tie-break"
    );
    assert!(
        fractions >= 5,
        "only {fractions} cases with marks that are not short decimals"
    );
}

/// The first family is untouched: its protocols never say how weights are read.
#[test]
fn the_first_family_still_writes_shares_of_the_parent() {
    for seed in 0..50 {
        let p: Value =
            serde_json::from_str(&ulo_conformance::generate::case(seed).protocol).unwrap();
        assert!(p["award_model"].get("weights_as").is_none());
    }
}

/// The new invariants are not vacuous: a result edited to show other marks available, or to
/// rank a category tie the other way, is caught.
#[test]
fn the_invariants_catch_wrong_weights_and_a_wrong_tie() {
    let case = ulo_conformance::CASES
        .iter()
        .find(|c| c.name == "510-weights-tie-category-quality")
        .unwrap();
    let d = case.documents().unwrap();
    let p = Protocol::from_json(d.protocol).unwrap();
    let t = p.tender_from_json(d.tender).unwrap();
    let b = p.bids_from_json(&t, d.other.unwrap()).unwrap();
    let r = p.score(&t, &b).unwrap();
    assert!(check_score(&p, &t, &r).is_clean());

    let mut wrong = r.clone();
    wrong.bids[0].criteria[0].available = "31".into();
    let found = check_score(&p, &t, &wrong).failures;
    assert!(
        found.iter().any(|f| f.contains("but the weights give")),
        "{found:?}"
    );

    let mut swapped = r.clone();
    let ranking = &mut swapped.lots[0].ranking;
    ranking.swap(0, 1);
    ranking[0].rank = 1;
    ranking[1].rank = 2;
    for b in &mut swapped.bids {
        b.rank = swapped.lots[0]
            .ranking
            .iter()
            .find(|x| x.bid == b.bid)
            .map(|x| x.rank);
    }
    let found = check_score(&p, &t, &swapped).failures;
    assert!(
        found.iter().any(|f| f.contains("tie-break rule")),
        "{found:?}"
    );
}

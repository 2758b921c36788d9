//! Bounded work on the command line (issue 13): a fully explained result past the engine's limit
//! is refused before scoring, with its figures; `--summary` and `--explain BID` answer instead.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ulo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ulo"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("ulo runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A tender on the mini protocol with a panel of 30 and `n` bids, every member scoring each
/// criterion: `n` x 3 scored criteria x 30 evaluators. Written to a folder of its own.
fn wide(n: usize) -> (PathBuf, PathBuf, u64) {
    let dir = std::env::temp_dir().join(format!("ulo-bounded-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = std::fs::read_to_string(root().join("tests/cases/001-score-basic/tender.json"));
    let mut tender: Value = serde_json::from_str(&base.unwrap()).unwrap();
    let panel: Vec<Value> = (0..30)
        .map(|i| json!({"id": format!("e{i}"), "name": format!("Member {i}"), "role": "officer"}))
        .collect();
    let scores: serde_json::Map<String, Value> = (0..30)
        .map(|i| (format!("e{i}"), json!({"score": i % 5})))
        .collect();
    tender["panel"] = Value::Array(panel);
    let bids: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("b{i:05}"), "lot": "lot-1",
                "organisation": {"name": format!("Bidder {i}")}, "price": format!("{}", 80000 + i),
                "gates": {"insured": "pass"}, "scores": {"q1": scores, "q2": scores}})
        })
        .collect();
    let doc = json!({"document": "bids", "tender": "t-basic", "bids": bids});
    let (t, b) = (dir.join("tender.json"), dir.join("bids.json"));
    std::fs::write(&t, tender.to_string()).unwrap();
    let bids_text = doc.to_string();
    std::fs::write(&b, &bids_text).unwrap();
    (t, b, bids_text.len() as u64)
}

#[test]
fn a_full_result_past_the_limit_is_refused_with_its_figures_and_a_summary_is_answered() {
    let (t, b, size) = wide(2300);
    let (t, b) = (t.to_str().unwrap(), b.to_str().unwrap());
    let p = "tests/shared/mini.json";
    let out = ulo(&["score", t, b, "--protocol", p]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("ulo::result-too-large"), "{err}");
    assert!(
        err.contains("2300 bids x 3 scored criteria x 30 evaluators (207000)"),
        "{err}"
    );
    assert!(
        err.contains("at most 200000") && err.contains("--summary"),
        "{err}"
    );
    let out = ulo(&["score", t, b, "--protocol", p, "--summary", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["document"], "score-summary");
    assert_eq!(s["bids"].as_array().unwrap().len(), 2300);
    assert!(
        (out.stdout.len() as u64) <= 10 * size,
        "{} bytes out for {size} in",
        out.stdout.len()
    );
    let out = ulo(&[
        "score",
        t,
        b,
        "--protocol",
        p,
        "--explain",
        "b00007",
        "--json",
    ]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["explained"][0]["bid"], "b00007");
    let out = ulo(&["score", t, b, "--protocol", p, "--summary"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Summary of 2300 bids"));
}

#[test]
fn an_explained_bid_is_its_entry_in_the_full_result() {
    let (t, b) = (
        "core/protocols/example-tender.json",
        "core/protocols/example-bids.json",
    );
    let full: Value = serde_json::from_slice(&ulo(&["score", t, b, "--json"]).stdout).unwrap();
    let last = full["bids"].as_array().unwrap().last().unwrap().clone();
    let id = last["bid"].as_str().unwrap();
    let out = ulo(&["score", t, b, "--json", "--explain", id]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["explained"], json!([last]));
    assert_eq!(s["lots"], full["lots"]);
    let out = ulo(&["score", t, b, "--explain"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ulo(&["score", t, b, "--explain", "nobody"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no bid with the id \"nobody\""));
}

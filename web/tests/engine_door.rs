//! `engine` is the app's only door to the core (ARCHITECTURE.md, "The app and the core").
//!
//! Every file of `web/src` outside `engine/` is read with its comments left out and its quoted
//! text emptied, and must neither name `ulo_core` nor call one of the core's operations on a
//! type the engine re-exports (`protocol.score(...)`): screens show what the engine hands them
//! and never work out a figure.

use std::fs;
use std::path::{Path, PathBuf};

/// The core's operations: reading, checking, scoring, assessing, sweeping, rounding.
const OPERATIONS: [&str; 12] = [
    ".score(",
    ".rank(",
    ".tender(",
    ".bids(",
    ".check_tender(",
    ".checked_draft(",
    ".self_check(",
    ".sweep(",
    ".round(",
    "::from_json(",
    "::from_value(",
    "::shipped(",
];

/// Every `.rs` file under `dir`, but those under `engine/`.
fn outside_engine(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("web/src can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if !path.ends_with("engine") {
                out.extend(outside_engine(&path));
            }
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out
}

/// The code of a file without its comments, and with quoted text emptied (the app has no raw
/// strings and no `'"'`).
fn code(source: &str) -> String {
    let mut out = String::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                out.push_str("\"\"");
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => out.push('\n'),
                        _ => {}
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn only_the_engine_names_the_core_or_calls_its_operations() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = outside_engine(&src);
    assert!(
        files.len() > 20,
        "the app's files are found ({})",
        files.len()
    );
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a source file can be read");
        for (n, line) in code(&text).lines().enumerate() {
            for bad in std::iter::once("ulo_core").chain(OPERATIONS) {
                if line.contains(bad) {
                    found.push(format!("{}:{}: {bad}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "only web/src/engine may name ulo_core or call the core's operations:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_code_and_not_comments_or_text() {
    let seen = code("let r = p.score(t, &b); // p.rank(\nlet s = \"ulo_core \\\" .round(\";\n");
    assert!(seen.contains(".score("));
    assert!(!seen.contains(".rank(") && !seen.contains("ulo_core") && !seen.contains(".round("));
    assert_eq!(seen.lines().count(), 2, "lines keep their numbers");
}

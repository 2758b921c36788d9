//! Every JSON pointer the app binds a field to exists in the schemas (issue 11: one source for
//! the contract).
//!
//! Forms edit the documents by JSON pointer (ARCHITECTURE.md, "Forms edit the documents by JSON
//! pointer"), so a field bound to a pointer the schemas do not define would be saved, exported
//! and then refused by the engine, or silently ignored. This test reads every `.rs` file under
//! `web/src`, takes each quoted text that is a pointer (`"/lots"`, `"/conditions/minimum_turnover"`,
//! `format!("/bids/{i}/scores/{}/{}/score", ..)`, `format!("{base}/value")`), and resolves it in
//! the input schemas: from a schema's root or from any object within it (a pointer such as
//! `"/value"` is written relative to a lot), with `{...}` and numbers standing for an array
//! index or a map key.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The documents the app edits.
const SCHEMAS: [&str; 4] = [
    "tender.schema.json",
    "bids.schema.json",
    "self-check.schema.json",
    "protocol.schema.json",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("web/src can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The quoted texts of a source file that are JSON pointers, or pointers relative to a
/// `{base}`: made only of lowercase words, digits, underscores and `{...}` placeholders.
fn pointers(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let text = &after[..end];
        rest = &after[end + 1..];
        let text = text.strip_prefix("{base}").unwrap_or(text);
        // `format!("{base}/organisation{rest}")`: a prefix to which a pointer is appended.
        let text = match text.rfind('{') {
            Some(i) if text.ends_with('}') && !text[..i].ends_with('/') => &text[..i],
            _ => text,
        };
        let shaped = text.starts_with('/')
            && text.len() > 1
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_/{}".contains(c));
        // A page's address (`format!("/{}", page.slug())`) is not a pointer.
        if shaped && text != "/{}" {
            found.push(text.to_string());
        }
    }
    found
}

/// Follows `$ref`s within one schema document.
fn deref<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .map_or(node, |target| deref(root, target)),
        None => node,
    }
}

/// The subschemas a node stands for: itself and each branch of its combinators.
fn branches<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let node = deref(root, node);
    let mut out = vec![node];
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            for b in list {
                out.extend(branches(root, b));
            }
        }
    }
    for key in ["then", "else"] {
        if let Some(b) = node.get(key) {
            out.extend(branches(root, b));
        }
    }
    out
}

/// Whether `segments` lead somewhere from `node`.
fn resolves(root: &Value, node: &Value, segments: &[&str]) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return true;
    };
    let placeholder =
        first.starts_with('{') || (!first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()));
    branches(root, node).into_iter().any(|n| {
        let mut next: Vec<&Value> = Vec::new();
        if let Some(p) = n.get("properties").and_then(|p| p.get(*first)) {
            next.push(p);
        }
        if placeholder {
            for key in ["items", "additionalProperties"] {
                if let Some(v) = n.get(key).filter(|v| v.is_object()) {
                    next.push(v);
                }
            }
            if let Some(map) = n.get("patternProperties").and_then(Value::as_object) {
                next.extend(map.values());
            }
        }
        next.into_iter().any(|v| resolves(root, v, rest))
    })
}

/// Every object schema within a schema document: the places a relative pointer may start.
fn objects<'a>(node: &'a Value, out: &mut Vec<&'a Value>) {
    match node {
        Value::Object(map) => {
            if map.contains_key("properties") {
                out.push(node);
            }
            map.values().for_each(|v| objects(v, out));
        }
        Value::Array(list) => list.iter().for_each(|v| objects(v, out)),
        _ => {}
    }
}

#[test]
fn every_pointer_the_app_binds_is_in_the_schemas() {
    let web = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schemas: Vec<Value> = SCHEMAS
        .iter()
        .map(|name| {
            let text = fs::read_to_string(web.join("../schemas").join(name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect();
    let mut files = Vec::new();
    rust_files(&web.join("src"), &mut files);
    files.sort();
    let mut checked = 0;
    let mut missing = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).expect("a source file");
        for pointer in pointers(&source) {
            let segments: Vec<&str> = pointer[1..].split('/').collect();
            let found = schemas.iter().any(|schema| {
                let mut starts = Vec::new();
                objects(schema, &mut starts);
                starts.into_iter().any(|s| resolves(schema, s, &segments))
            });
            checked += 1;
            if !found {
                missing.push(format!(
                    "{}: \"{pointer}\"",
                    file.strip_prefix(web).unwrap_or(file).display()
                ));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} pointers found: is the scan broken?"
    );
    assert!(
        missing.is_empty(),
        "pointers the app binds but no schema defines:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_misspelt_pointer_is_caught() {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/tender.schema.json"),
        )
        .expect("the tender schema"),
    )
    .expect("JSON");
    let mut starts = Vec::new();
    objects(&schema, &mut starts);
    let ok = |p: &str| {
        let segments: Vec<&str> = p[1..].split('/').collect();
        starts.iter().any(|s| resolves(&schema, s, &segments))
    };
    assert!(ok("/conditions/minimum_turnover"));
    assert!(ok("/lots/{i}/value"));
    assert!(!ok("/conditions/minimum_turnovr"));
    assert!(!ok("/lots/{i}/valeu"));
}

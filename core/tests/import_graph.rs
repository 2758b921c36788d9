//! The core's modules import each other without a loop.
//!
//! Every file of `core/src` is read (a folder module's files one by one), every path it names
//! into the crate is collected (`use crate::...`, `crate::x::y(...)`, `super::...`, and a
//! module's own children such as `check::read_for` in `tender/mod.rs`), and each path is
//! resolved to the file that defines the module it names. The graph of those edges must have no
//! cycle: a loop of imports means no module in it can be understood, tested or moved alone.
//! Comments and text in quotes are skipped, so a doc link or a message does not count.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module's path from the crate root (`["protocol", "read"]`); the root is empty.
type ModPath = Vec<String>;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

/// The module a file defines: `lib.rs` is the root, `a/mod.rs` and `a.rs` are `a`.
fn module_of(relative: &str) -> ModPath {
    let mut parts: Vec<String> = relative
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file with comments removed and quoted text emptied, as tokens: identifiers,
/// `::`, and single punctuation characters.
fn tokens(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_string(&chars, i) {
            i = skip_raw_string(&chars, i);
            out.push("\"\"".to_string());
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push("\"\"".to_string());
        } else if c == '\'' {
            // A character literal ('a', '\n', '"'), or a lifetime ('a) which is skipped whole.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && next == Some(':') {
            out.push("::".to_string());
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

fn is_raw_string(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    if before.is_some_and(|b| b.is_alphanumeric() || b == '_') {
        return false; // the end of an identifier such as `for`
    }
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    chars.get(j) == Some(&'"')
}

fn skip_raw_string(chars: &[char], i: usize) -> usize {
    let mut j = i + 1;
    let mut hashes = 0;
    while chars[j] == '#' {
        hashes += 1;
        j += 1;
    }
    j += 1;
    loop {
        if j >= chars.len() {
            return j;
        }
        if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
            return j + 1 + hashes;
        }
        j += 1;
    }
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Reads a path tree at `tokens[i]` (`a::b`, `a::{b, c::d}`, `a::*`) and appends each full
/// path, after `base`, to `out`. Returns the index after it.
fn path_tree(tokens: &[String], mut i: usize, base: &ModPath, out: &mut Vec<ModPath>) -> usize {
    let mut path = base.clone();
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("{") => {
                i += 1;
                while tokens.get(i).is_some_and(|t| t != "}") {
                    i = path_tree(tokens, i, &path, out);
                    if tokens.get(i).is_some_and(|t| t == ",") {
                        i += 1;
                    }
                }
                return i + 1;
            }
            Some("*") => {
                out.push(path);
                return i + 1;
            }
            Some(t) if is_ident(t) => {
                if t != "self" {
                    path.push(t.to_string());
                }
                i += 1;
                if tokens.get(i).is_some_and(|t| t == "::") {
                    i += 1;
                } else {
                    out.push(path);
                    return i;
                }
            }
            _ => {
                // `f::<T>()`: a function with its types named; the path so far ends at `f`.
                if path.len() > base.len() {
                    out.push(path);
                }
                return i;
            }
        }
    }
}

/// Every path into the crate that a file names, from the crate root.
fn crate_paths(source: &str, module: &ModPath, modules: &BTreeSet<ModPath>) -> Vec<ModPath> {
    let toks = tokens(source);
    let mut out = Vec::new();
    // Inline modules (`mod tests { ... }`) open at a brace depth; `super` inside one is the
    // file's own module.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        let prev = i.checked_sub(1).map(|j| toks[j].as_str());
        let after_path = matches!(prev, Some("::" | "." | "$"));
        let here: ModPath = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let next_is_path = toks.get(i + 1).is_some_and(|n| n == "::");
        match t {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "mod" if toks.get(i + 2).is_some_and(|b| b == "{") => {
                inline.push((toks[i + 1].clone(), depth));
            }
            "crate" if !after_path && next_is_path => {
                i = path_tree(&toks, i + 2, &Vec::new(), &mut out);
                continue;
            }
            // `pub(in super::x)` names where an item is visible, not something it uses.
            "super" | "self" if !after_path && next_is_path && prev != Some("in") => {
                let mut base = here.clone();
                let mut j = i;
                while toks.get(j).is_some_and(|t| t == "super") && toks[j + 1] == "::" {
                    base.pop();
                    j += 2;
                }
                if t == "self" {
                    j += 2;
                }
                i = path_tree(&toks, j, &base, &mut out);
                continue;
            }
            _ if !after_path && next_is_path && is_ident(t) => {
                let mut child = here.clone();
                child.push(t.to_string());
                if modules.contains(&child) {
                    i = path_tree(&toks, i, &here, &mut out);
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The file that defines the longest module prefix of `path`.
fn resolve<'a>(path: &ModPath, files: &'a BTreeMap<ModPath, String>) -> &'a str {
    (0..=path.len())
        .rev()
        .find_map(|n| files.get(&path[..n].to_vec()))
        .expect("the crate root is always a file")
}

/// The import graph of the files under `src`: file -> the files it names, by relative path.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files: BTreeMap<ModPath, String> = BTreeMap::new();
    let mut sources = Vec::new();
    for p in rust_files(src) {
        let relative = p
            .strip_prefix(src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        files.insert(module_of(&relative), relative.clone());
        sources.push((relative, fs::read_to_string(&p).expect("a readable file")));
    }
    let modules: BTreeSet<ModPath> = files.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (relative, source) in &sources {
        let here = module_of(relative);
        let targets = edges.entry(relative.clone()).or_default();
        for path in crate_paths(source, &here, &modules) {
            let to = resolve(&path, &files);
            if to != relative {
                targets.insert(to.to_string());
            }
        }
    }
    edges
}

/// Every cycle's files, one cycle per strongly connected group, each as `a -> b -> ... -> a`.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    // A cycle through `start` exists when `start` can be reached again; the shortest such walk
    // is found breadth first. Each group of files in a loop is reported once.
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for start in edges.keys() {
        if reported.contains(start) {
            continue;
        }
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.as_str()]);
        let mut found = None;
        while let Some(at) = queue.pop_front() {
            for next in edges.get(at).into_iter().flatten() {
                if next == start {
                    found = Some(at);
                    break;
                }
                if !came_from.contains_key(next.as_str()) {
                    came_from.insert(next, at);
                    queue.push_back(next);
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(last) = found {
            let mut walk = vec![last];
            let mut at = last;
            while at != start {
                at = came_from[at];
                walk.push(at);
            }
            walk.reverse();
            walk.push(start);
            reported.extend(walk.iter().map(ToString::to_string));
            out.push(walk.join(" -> "));
        }
    }
    out
}

#[test]
fn the_core_has_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    let count: usize = edges.values().map(BTreeSet::len).sum();
    // Not vacuous: the whole crate was read, and the paths it names were found.
    assert!(edges.len() >= 25, "only {} files read", edges.len());
    assert!(count >= 100, "only {count} edges found");
    for (from, to) in [
        ("lib.rs", "tender/check.rs"),
        ("barriers.rs", "protocol/mod.rs"),
        ("protocol/mod.rs", "protocol/compile.rs"),
        ("protocol/compile.rs", "protocol/model.rs"),
        ("tender/check.rs", "tender/mod.rs"),
        ("condition.rs", "vocab.rs"),
        ("award/mod.rs", "provenance.rs"),
    ] {
        assert!(
            edges.get(from).is_some_and(|t| t.contains(to)),
            "expected {from} -> {to}; {from} names {:?}",
            edges.get(from)
        );
    }
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "the core's imports go round in a loop:\n{}",
        found.join("\n")
    );
}

#[test]
fn paths_are_found_in_every_form() {
    let modules: BTreeSet<ModPath> = [
        vec![],
        vec!["a".to_string()],
        vec!["a".to_string(), "b".to_string()],
        vec!["c".to_string()],
    ]
    .into_iter()
    .collect();
    let source = r#"
        use crate::{c::X, a::{b::Y, Z}};
        // use crate::not_a_comment_edge;
        const S: &str = "crate::not_a_string_edge::x";
        fn f<'t>(x: &'t str) -> char { let _ = b::g(); '"' }
        mod tests { use super::*; }
        fn h() { super::c::k(); self::b::m::<u8>(); r.read::<u8>(); }
        pub(in super::super) struct V;
    "#;
    let here = vec!["a".to_string()];
    let found: BTreeSet<ModPath> = crate_paths(source, &here, &modules).into_iter().collect();
    let p = |s: &[&str]| s.iter().map(ToString::to_string).collect::<ModPath>();
    let expected: BTreeSet<ModPath> = [
        p(&["c", "X"]),
        p(&["a", "b", "Y"]),
        p(&["a", "Z"]),
        p(&["a", "b", "g"]),
        p(&["a"]),
        p(&["c", "k"]),
        p(&["a", "b", "m"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_loop_is_found_and_named() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")] {
        edges.entry(from.into()).or_default().insert(to.into());
        edges.entry(to.into()).or_default();
    }
    assert_eq!(cycles(&edges), vec!["a -> b -> c -> a".to_string()]);
    edges.get_mut("c").unwrap().remove("a");
    assert!(cycles(&edges).is_empty());
}

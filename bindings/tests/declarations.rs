//! The results and problems in `package/ulo.d.ts` are written from the core's Rust types.
//!
//! The JS API's declarations have two parts. The API itself (its functions, the `Engine` class,
//! the answer envelope that `ulo.js` also makes), the input documents (which follow the JSON
//! Schemas) and the scalar aliases are written by hand. Everything the engine answers with (the
//! results and the problems) is generated here from the types that produce that JSON, through
//! ulo-core's `ts` feature (ts-rs), into the region between [`BEGIN`] and [`END`], so the
//! declarations cannot drift from what the engine emits.
//!
//! This test fails when the checked-in file differs from what the types give; run it with
//! `ULO_BLESS=1` to rewrite the region. The order is fixed: one section per kind of answer, its
//! root type first, then each type it alone brings in, by name.

#![cfg(not(target_arch = "wasm32"))]

use std::any::TypeId;
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::{Config, TypeVisitor, TS};
use ulo_core::error::ProblemReport;
use ulo_core::ocds::Import;
use ulo_core::{ScoreResult, ScoreSummary, SelfCheckResult, TenderCheck};

/// The line that opens the generated region.
const BEGIN: &str =
    "// <generated from the Rust types by bindings/tests/declarations.rs: do not edit>";
/// The line that closes it.
const END: &str = "// </generated>";
/// How to bring the file up to date.
const BLESS: &str = "ULO_BLESS=1 cargo test -p ulo-wasm --test declarations";
/// The widest line the region writes (doc comments are wrapped to it).
const WIDTH: usize = 100;

/// One type to declare, as ts-rs gives it.
struct Declared {
    name: String,
    decl: String,
    docs: Option<String>,
}

/// Every type with a declaration of its own (not a wrapper such as `Vec` nor a scalar alias)
/// that a root reaches, keyed by its Rust type.
#[derive(Default)]
struct Reach {
    cfg: Config,
    found: BTreeMap<TypeId, Declared>,
    order: Vec<TypeId>,
}

impl Reach {
    fn new() -> Reach {
        Reach {
            // i64 and usize fields hold counts and scores: JSON numbers, never bigints.
            cfg: Config::new().with_large_int("number"),
            ..Reach::default()
        }
    }
}

impl TypeVisitor for Reach {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let id = TypeId::of::<T>();
        if T::output_path().is_none() || self.found.contains_key(&id) {
            return;
        }
        self.found.insert(
            id,
            Declared {
                name: T::ident(&self.cfg),
                decl: T::decl(&self.cfg),
                docs: T::docs(),
            },
        );
        self.order.push(id);
        T::visit_dependencies(self);
    }
}

/// A section of the region: a title and the root type it is about.
struct Section {
    title: &'static str,
    visit: fn(&mut Reach),
}

fn root<T: TS + 'static>(r: &mut Reach) {
    r.visit::<T>();
}

/// The sections, in the order the region lists them.
fn sections() -> Vec<Section> {
    vec![
        Section {
            title: "Problems: what a failure answer lists",
            visit: root::<ProblemReport>,
        },
        Section {
            title: "Output: the barrier check (checkTender)",
            visit: root::<TenderCheck>,
        },
        Section {
            title: "Output: scoring (score)",
            visit: root::<ScoreResult>,
        },
        Section {
            title: "Output: scoring in summary (score with detail \"summary\" or explain)",
            visit: root::<ScoreSummary>,
        },
        Section {
            title: "Output: a self-check (selfCheck)",
            visit: root::<SelfCheckResult>,
        },
        Section {
            title: "Output: an OCDS import (importOcds)",
            visit: root::<Import>,
        },
    ]
}

/// The generated region, without its opening and closing lines.
fn region() -> (String, Vec<String>) {
    let mut reach = Reach::new();
    let mut out = String::new();
    let mut names = Vec::new();
    for section in sections() {
        let before = reach.order.len();
        (section.visit)(&mut reach);
        let mut new: Vec<&Declared> = reach.order[before..]
            .iter()
            .map(|id| &reach.found[id])
            .collect();
        // The root first, then the types it brings in by name: ts-rs visits a type's fields
        // in no fixed order, so the order is made here.
        if let Some(rest) = new.get_mut(1..) {
            rest.sort_by(|a, b| a.name.cmp(&b.name));
        }
        out.push_str(&format!(
            "\n// {}\n// {}\n",
            "-".repeat(WIDTH - 7),
            section.title
        ));
        for d in new {
            out.push('\n');
            out.push_str(&declaration(d));
            names.push(d.name.clone());
        }
    }
    (out, names)
}

/// One declaration: an object type as an interface, one field a line, each with its doc
/// comment; a union of words as a type, one word a line when it is long.
fn declaration(d: &Declared) -> String {
    let mut out = String::new();
    if let Some(docs) = &d.docs {
        out.push_str(&doc_comment(docs, ""));
    }
    let body = d
        .decl
        .strip_prefix(&format!("type {} = ", d.name))
        .and_then(|b| b.strip_suffix(';'))
        .unwrap_or_else(|| panic!("unexpected declaration of {}: {}", d.name, d.decl));
    match body.strip_prefix("{ ").and_then(|b| b.strip_suffix(" }")) {
        Some(fields) => {
            out.push_str(&format!("export interface {} {{\n", d.name));
            for field in split_top(fields, ',') {
                let field = field.trim();
                if field.is_empty() {
                    continue;
                }
                let (docs, member) = match field.strip_prefix("/**") {
                    Some(rest) => {
                        let (docs, member) = rest.split_once("*/").expect("a closed comment");
                        (Some(docs), member.trim())
                    }
                    None => (None, field),
                };
                if let Some(docs) = docs {
                    out.push_str(&doc_comment(docs, "  "));
                }
                out.push_str(&format!("  {};\n", arrays(member)));
            }
            out.push_str("}\n");
        }
        None => {
            let one_line = format!("export type {} = {};", d.name, arrays(body));
            if one_line.len() <= WIDTH {
                out.push_str(&one_line);
                out.push('\n');
            } else {
                out.push_str(&format!("export type {} =\n", d.name));
                let words = split_top(body, '|');
                let last = words.len() - 1;
                for (i, w) in words.iter().enumerate() {
                    let end = if i == last { ";" } else { "" };
                    out.push_str(&format!("  | {}{end}\n", w.trim()));
                }
            }
        }
    }
    out
}

/// `text` split at each `sep` outside brackets, quotes and comments.
fn split_top(text: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let part = parts.last_mut().expect("never empty");
        if comment {
            if c == '/' && i > 0 && chars[i - 1] == '*' {
                comment = false;
            }
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            comment = true;
        } else if c == '\'' || c == '"' {
            quote = Some(c);
        } else if "{[(<".contains(c) {
            depth += 1;
        } else if "}])>".contains(c) {
            depth -= 1;
        } else if c == sep && depth == 0 {
            parts.push(String::new());
            continue;
        }
        part.push(c);
    }
    parts
}

/// `Array<T>` written `T[]` for a named `T`, as the hand-written declarations do.
fn arrays(ty: &str) -> String {
    let mut out = ty.to_owned();
    while let Some(start) = out.find("Array<") {
        let inner_start = start + "Array<".len();
        let Some(len) = out[inner_start..].find('>') else {
            break;
        };
        let inner = &out[inner_start..inner_start + len];
        if !inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '[' || c == ']')
        {
            break;
        }
        out = format!(
            "{}{inner}[]{}",
            &out[..start],
            &out[inner_start + len + 1..]
        );
    }
    out
}

/// A doc comment from ts-rs's (`\n * line\n * line\n `), its Rust links (``[`Name`]``) made
/// plain, rewrapped to [`WIDTH`]: on one line when it fits.
fn doc_comment(docs: &str, indent: &str) -> String {
    let lines: Vec<String> = docs
        .lines()
        .map(|l| l.trim())
        .map(|l| l.strip_prefix("/**").unwrap_or(l))
        .map(|l| l.strip_suffix("*/").unwrap_or(l))
        .map(|l| {
            l.trim()
                .strip_prefix('*')
                .unwrap_or(l.trim())
                .trim()
                .to_owned()
        })
        .collect();
    // Paragraphs: runs of lines, split at blank ones.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| plain_links(p)).collect();
    if let [only] = paragraphs.as_slice() {
        let one = format!("{indent}/** {only} */");
        if one.len() <= WIDTH {
            return one + "\n";
        }
    }
    let mut out = format!("{indent}/**\n");
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("{indent} *\n"));
        }
        let mut line = String::new();
        for word in p.split(' ') {
            if !line.is_empty() && indent.len() + 3 + line.len() + 1 + word.len() > WIDTH {
                out.push_str(&format!("{indent} * {line}\n"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&format!("{indent} * {line}\n"));
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

/// ``[`Name`]`` and ``[`Name`](target)`` as ``` `Name` ```.
fn plain_links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(len) = rest[start + 1..].find("`]") else {
            break;
        };
        let code_end = start + 1 + len + 1;
        out.push_str(&rest[..start]);
        out.push_str(&rest[start + 1..code_end]);
        rest = &rest[code_end + 1..];
        if rest.starts_with('(') {
            if let Some(close) = rest.find(')') {
                rest = &rest[close + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn ulo_d_ts_declares_the_results_and_problems_as_the_rust_types_do() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("package/ulo.d.ts");
    let text = std::fs::read_to_string(&path).expect("bindings/package/ulo.d.ts");
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("ulo.d.ts has no generated region: put the lines\n{BEGIN}\n{END}\nwhere it goes");
    };
    let (head, tail) = (&text[..begin], &text[end + END.len()..]);
    let (generated, names) = region();

    // The hand-written part must not declare a generated name again: two interfaces of one
    // name merge in TypeScript without a word.
    for name in &names {
        for hand in [head, tail] {
            for form in [
                format!("interface {name} "),
                format!("interface {name}<"),
                format!("type {name} "),
                format!("type {name}<"),
            ] {
                assert!(
                    !hand.contains(&form),
                    "the hand-written part of ulo.d.ts declares {name}, which is generated: remove it"
                );
            }
        }
    }

    let expected = format!("{head}{BEGIN}\n{generated}{END}{tail}");
    if std::env::var_os("ULO_BLESS").is_some() {
        if expected != text {
            std::fs::write(&path, &expected).expect("write ulo.d.ts");
        }
        return;
    }
    if expected != text {
        let line = expected
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(text.lines().count()));
        let want = expected.lines().nth(line).unwrap_or("(end of file)");
        let have = text.lines().nth(line).unwrap_or("(end of file)");
        panic!(
            "bindings/package/ulo.d.ts differs from the Rust types at line {}:\n  types give: {want}\n  file has:   {have}\nregenerate it with: {BLESS}",
            line + 1
        );
    }
}

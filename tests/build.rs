//! Embeds every conformance case (tests/cases/<name>/*) in the harness, so the same cases run
//! natively and compiled to wasm32, where there is no file system.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut names: Vec<String> = fs::read_dir(&root)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for name in names {
        let dir = root.join(&name);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<String> = fs::read_dir(&dir)
            .expect("case folder readable")
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        files.sort();
        writeln!(out, "    Case {{ name: {name:?}, files: &[").unwrap();
        for f in files {
            let path = dir.join(&f);
            println!("cargo:rerun-if-changed={}", path.display());
            writeln!(
                out,
                "        ({f:?}, include_str!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "    ] }},").unwrap();
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("cases.rs");
    fs::write(dest, out).unwrap();

    // Documents shared by several cases (tests/shared/<name>.json, named "shared:<name>").
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("shared");
    println!("cargo:rerun-if-changed={}", shared.display());
    let mut files: Vec<String> = fs::read_dir(&shared)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for f in files {
        let path = shared.join(&f);
        println!("cargo:rerun-if-changed={}", path.display());
        let name = f.trim_end_matches(".json");
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("shared.rs");
    fs::write(dest, out).unwrap();
}

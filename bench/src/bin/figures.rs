//! Native timings of every measure at both budget sizes, for `scripts/bench.sh`.
//!
//! `figures` prints a table; `figures --json FILE` also writes the figures as JSON for the wasm
//! bench's report, which sets native and wasm side by side against the budgets. Build it in
//! release (`cargo run --release -p ulo-bench --bin figures`): a debug build measures nothing
//! useful. The timing policy is the same as the wasm bench's (`bench/wasm/run.mjs`): one warm-up
//! run, then samples of enough runs to last at least 20 ms each, until at least 5 samples and a
//! second in all; the figure is the median sample's time per run.

use std::hint::black_box;
use std::time::Instant;
use ulo_bench::{Measure, Prepared, SIZES};

/// Median time per run, in milliseconds.
fn time(p: &Prepared, m: Measure) -> Result<f64, String> {
    let once = |n: u32| -> Result<f64, String> {
        let start = Instant::now();
        for _ in 0..n {
            black_box(p.run(m)?);
        }
        Ok(start.elapsed().as_secs_f64() * 1000.0)
    };
    let first = once(1)?.max(0.001);
    let reps = ((20.0 / first).ceil() as u32).clamp(1, 100_000);
    let mut samples = Vec::new();
    let mut spent = 0.0;
    while samples.len() < 5 || (spent < 1000.0 && samples.len() < 50) {
        let t = once(reps)?;
        spent += t;
        samples.push(t / f64::from(reps));
    }
    samples.sort_by(f64::total_cmp);
    Ok(samples[samples.len() / 2])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json_out = match args.as_slice() {
        [] => None,
        [flag, file] if flag == "--json" => Some(file.clone()),
        _ => {
            eprintln!("usage: figures [--json FILE]");
            std::process::exit(2);
        }
    };
    let mut rows = Vec::new();
    println!("native (release), median ms per run");
    for (b, c, e) in SIZES {
        let size = format!("{b}x{c}x{e}");
        let p = match Prepared::new(b, c, e) {
            Ok(p) => p,
            Err(err) => {
                eprintln!("{size}: {err}");
                std::process::exit(1);
            }
        };
        for m in Measure::ALL {
            match time(&p, m) {
                Ok(ms) => {
                    println!("  {size:<10} {:<18} {ms:>12.3}", m.name());
                    rows.push(format!(
                        "{{\"size\":\"{size}\",\"measure\":\"{}\",\"ms\":{ms}}}",
                        m.name()
                    ));
                }
                Err(err) => {
                    eprintln!("{size} {}: {err}", m.name());
                    std::process::exit(1);
                }
            }
        }
    }
    if let Some(file) = json_out {
        let text = format!("[{}]\n", rows.join(",\n"));
        if let Err(err) = std::fs::write(&file, text) {
            eprintln!("cannot write {file}: {err}");
            std::process::exit(1);
        }
    }
}

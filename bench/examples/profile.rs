//! Runs one measure on the large workload a few times, for profilers:
//! `cargo build --release -p ulo-bench --example profile && perf record -g target/release/examples/profile score-full [RUNS]`.
use ulo_bench::{Measure, Prepared};

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "score-full".into());
    let Some(m) = Measure::from_name(&name) else {
        eprintln!("unknown measure {name}");
        std::process::exit(2);
    };
    let p = Prepared::new(1000, 50, 5).unwrap_or_else(|e| panic!("{e}"));
    let runs: u32 = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        std::hint::black_box(p.run(m).unwrap_or_else(|e| panic!("{e}")));
    }
}

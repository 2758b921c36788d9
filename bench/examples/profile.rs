//! Runs one measure on the large workload a few times, for profilers:
//! `cargo build --release -p ulo-bench --example profile && perf record -g target/release/examples/profile score-full [RUNS] [small]`.
use ulo_bench::{Measure, Prepared};

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "score-full".into());
    let Some(m) = Measure::from_name(&name) else {
        eprintln!("unknown measure {name}");
        std::process::exit(2);
    };
    let small = std::env::args().nth(3).is_some_and(|a| a == "small");
    let (b, c, e) = if small { (12, 25, 4) } else { (1000, 50, 5) };
    let p = Prepared::new(b, c, e).unwrap_or_else(|e| panic!("{e}"));
    let runs: u32 = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        std::hint::black_box(p.run(m).unwrap_or_else(|e| panic!("{e}")));
    }
}

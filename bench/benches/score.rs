//! Scoring benchmarks (criterion): 12 bids x 25 criteria x 4 evaluators (a typical tender) and
//! 1,000 x 50 x 5 (a large framework), over the same measures as `scripts/bench.sh` (see
//! `ulo_bench::Measure`), the time serde_json takes only to parse the input among them.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use ulo_bench::{Measure, Prepared, SIZES};

fn bench(c: &mut Criterion) {
    for (bids, criteria, evaluators) in SIZES {
        let p = Prepared::new(bids, criteria, evaluators).expect("a valid workload");
        let mut group = c.benchmark_group(format!("{bids}x{criteria}x{evaluators}"));
        if bids > 100 {
            group.sample_size(10);
        }
        for m in Measure::ALL {
            group.bench_function(m.name(), |b| {
                b.iter(|| p.run(black_box(m)).expect("the workload scores"))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

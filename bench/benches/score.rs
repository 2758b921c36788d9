//! Scoring benchmarks (criterion): 12 bids x 25 criteria x 4 evaluators (a typical tender) and
//! 1,000 x 50 x 5 (a large framework), with the time serde_json takes only to parse the bids.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use ulo_bench::workload;
use ulo_core::Protocol;

fn bench(c: &mut Criterion) {
    for (bids, criteria, evaluators) in [(12, 25, 4), (1000, 50, 5)] {
        let w = workload(bids, criteria, evaluators);
        let name = format!("{bids}x{criteria}x{evaluators}");
        let protocol = Protocol::from_json(&w.protocol).expect("valid protocol");
        let tender = protocol.tender_from_json(&w.tender).expect("valid tender");
        let read = protocol
            .bids_from_json(&tender, &w.bids)
            .expect("valid bids");
        let mut group = c.benchmark_group(&name);
        if bids > 100 {
            group.sample_size(10);
        }
        group.bench_function("parse only (serde_json to Value)", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&w.bids)).unwrap())
        });
        group.bench_function("score (bids already read)", |b| {
            b.iter(|| {
                protocol
                    .score(black_box(&tender), black_box(&read))
                    .unwrap()
            })
        });
        group.bench_function("end to end (read tender and bids, score, serialise)", |b| {
            b.iter(|| {
                let t = protocol.tender_from_json(black_box(&w.tender)).unwrap();
                let bids = protocol.bids_from_json(&t, black_box(&w.bids)).unwrap();
                serde_json::to_string(&protocol.score(&t, &bids).unwrap()).unwrap()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Times the phases of reading bids on the large workload (strict parse, typed read, checks,
//! audit digest, dropping the parsed value), to see where reading spends its time.
use std::time::Instant;
use ulo_bench::Prepared;
use ulo_core::Document;

fn main() {
    let p = Prepared::new(1000, 50, 5).unwrap_or_else(|e| panic!("{e}"));
    let text = &p.workload.bids;
    println!("bids text: {} bytes", text.len());
    for _ in 0..3 {
        let t = Instant::now();
        let plain: serde_json::Value = serde_json::from_str(text).unwrap();
        let a = t.elapsed();
        drop(plain);
        let t = Instant::now();
        let v = ulo_core::json::parse(text, Document::Bids).unwrap();
        let b = t.elapsed();
        let t = Instant::now();
        let doc = ulo_core::bids::read(&v).unwrap_or_else(|e| panic!("{e}"));
        let c = t.elapsed();
        let t = Instant::now();
        let digest = ulo_core::audit::bids_digest(&v);
        let d = t.elapsed();
        let t = Instant::now();
        let bids = p.protocol.check_bids(&p.tender, doc, digest).unwrap();
        let e = t.elapsed();
        let t = Instant::now();
        drop(v);
        let f = t.elapsed();
        let t = Instant::now();
        let r = p.protocol.score(&p.tender, &bids).unwrap();
        let g = t.elapsed();
        let t = Instant::now();
        let s = serde_json::to_string(&r).unwrap();
        let h = t.elapsed();
        let t = Instant::now();
        drop(r);
        let i = t.elapsed();
        println!(
            "plain parse {a:?}  strict parse {b:?}  read {c:?}  digest {d:?}  check {e:?}  drop value {f:?}  score {g:?}  serialise {h:?} ({} bytes)  drop result {i:?}",
            s.len()
        );
    }
}

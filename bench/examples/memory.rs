//! Peak memory (VmHWM) after each phase of scoring a large workload from files, to see what
//! dominates: `cargo run --release -p ulo-bench --example memory -- DIR [summary|full|stream]`, DIR
//! holding protocol.json, tender.json and bids.json (see the `dump` example).
use ulo_core::Protocol;

fn peak() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0)
            / 1024
    };
    format!("now {} MB, peak {} MB", kb("VmRSS:"), kb("VmHWM:"))
}

fn main() {
    let dir = std::env::args().nth(1).expect("a directory");
    let mode = std::env::args().nth(2).unwrap_or_else(|| "summary".into());
    let read = |n: &str| std::fs::read_to_string(format!("{dir}/{n}")).unwrap();
    let protocol = Protocol::from_json(&read("protocol.json")).unwrap();
    let tender = protocol.tender_from_json(&read("tender.json")).unwrap();
    let text = read("bids.json");
    println!("text {} MB: {}", text.len() >> 20, peak());
    let bids = protocol.bids_from_json(&tender, &text).unwrap();
    println!("bids read and checked: {}", peak());
    drop(text);
    let mut out = std::io::BufWriter::new(std::io::sink());
    if mode == "stream" {
        let r = protocol.score_stream(&tender, &bids).unwrap();
        println!("scored lean: {}", peak());
        serde_json::to_writer_pretty(&mut out, &r).unwrap();
    } else if mode == "full" {
        let r = protocol.score(&tender, &bids).unwrap();
        println!("scored: {}", peak());
        serde_json::to_writer(&mut out, &r).unwrap();
    } else {
        let r = protocol.summary(&tender, &bids, &[]).unwrap();
        println!("summarised: {}", peak());
        serde_json::to_writer(&mut out, &r).unwrap();
    }
    println!("written: {}", peak());
}

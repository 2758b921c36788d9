use ulo_bench::workload;
fn main() {
    let a: Vec<usize> = std::env::args()
        .skip(1)
        .take(3)
        .map(|s| s.parse().unwrap())
        .collect();
    let w = workload(a[0], a[1], a[2]);
    let d = std::env::args().nth(4).unwrap();
    std::fs::write(format!("{d}/protocol.json"), w.protocol).unwrap();
    std::fs::write(format!("{d}/tender.json"), w.tender).unwrap();
    std::fs::write(format!("{d}/bids.json"), w.bids).unwrap();
}

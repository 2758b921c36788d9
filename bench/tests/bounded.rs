//! Issue 13's bounded work on the workload it was measured on: 1,000 bids x 100 criteria x 7
//! evaluators (12.8 MB of bids). The full result (408 MB pretty, 200 MB compact before) is
//! refused before scoring with its figures; the summary is answered within 10x its input.

use ulo_bench::workload;
use ulo_core::Protocol;

#[test]
fn the_summary_of_1000_x_100_x_7_is_within_ten_times_its_input_and_the_full_result_is_refused() {
    let w = workload(1000, 100, 7);
    let protocol = Protocol::from_json(&w.protocol).unwrap();
    let tender = protocol.tender_from_json(&w.tender).unwrap();
    let bids = protocol.bids_from_json(&tender, &w.bids).unwrap();
    let refused = protocol.score(&tender, &bids).unwrap_err();
    let r = &refused.reports()[0];
    assert_eq!(r.code, "ulo::result-too-large");
    assert!(
        r.message
            .contains("1000 bids x 100 scored criteria x 7 evaluators (700000)"),
        "{}",
        r.message
    );
    let summary = protocol.summary(&tender, &bids, &[]).unwrap();
    let input = w.bids.len();
    let compact = serde_json::to_vec(&summary).unwrap().len();
    let pretty = serde_json::to_vec_pretty(&summary).unwrap().len();
    assert!(compact <= 10 * input, "{compact} bytes for {input} of bids");
    assert!(
        pretty <= 10 * input,
        "{pretty} bytes pretty for {input} of bids"
    );
    // A named bid explained in full, as the full result would give it.
    let named = protocol
        .summary(&tender, &bids, &[bids.as_slice()[17].id.clone()])
        .unwrap();
    assert_eq!(named.explained.len(), 1);
    assert_eq!(
        named.explained[0].criteria.len(),
        summary.bids[17].marks.0.len()
    );
}

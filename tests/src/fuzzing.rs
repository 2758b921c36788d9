//! The bodies of the fuzz targets in `fuzz/`, kept here rather than there so that the seed
//! corpus and every crash ever found replay as ordinary tests on the stable toolchain
//! (`tests/tests/fuzz_replay.rs`), without cargo-fuzz or nightly.
//!
//! - [`raw_text`]: any bytes, as text, through the strict parser and every reader (protocol,
//!   tender, bids, self-check, OCDS), and whatever reads through to the barrier check, scoring
//!   and self-check against the shipped protocol and worked example (and the example with a
//!   basket of rates on its first lot, for bids and drafts that give rates).
//! - [`read_only`]: any bytes through reading and checking alone (fast, for many executions).
//! - [`structured`]: the fuzzer's bytes as the choices of [`crate::generate`], so that nearly
//!   every input is a well-shaped protocol, tender, bids and draft (some with values out of
//!   range) and reaches moderation, price formulas, thresholds, ranking and tie-breaks.
//! - [`regimes`]: the fuzzer's bytes as the choices of [`crate::regimes`], so every input is a
//!   tender with a `procurement` block (nation, start date, CPV codes, value, a stated regime,
//!   a reservation) checked against the regime-aware test protocol and the shipped one, each
//!   result held to the regime invariants.
//!
//! Both panic, so that libFuzzer records a crash, when the engine panics or when a result breaks
//! an invariant of [`crate::invariants`]; bid order must not change a result's bytes either.

use crate::generate::generate;
use crate::invariants::{check_score, check_self_check};
use serde_json::Value;
use std::sync::OnceLock;
use ulo_core::explain::{render, Trace};
use ulo_core::{
    shipped, Document, Exact, Problems, Protocol, ScoreResult, SelfCheckResult, Tender,
};

fn shipped_protocol() -> &'static Protocol {
    static P: OnceLock<Protocol> = OnceLock::new();
    P.get_or_init(Protocol::shipped)
}

fn example_tender() -> &'static Tender {
    static T: OnceLock<Tender> = OnceLock::new();
    T.get_or_init(|| {
        shipped_protocol()
            .tender_from_json(shipped::EXAMPLE_TENDER)
            .expect("the worked example reads")
    })
}

/// The worked example with a basket of rates on lot-1 (and a benchmark the shipped protocol
/// does not use): any text read as bids or a draft for it reaches the basket, its check
/// against a price given, and the per-rate tests.
fn basket_tender() -> &'static Tender {
    static T: OnceLock<Tender> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).expect("JSON");
        t["lots"][0]["rates"] = serde_json::json!([
            {"id": "day", "title": "Day support, per hour", "kind": "day", "unit": "hour", "volume": "10400", "ceiling": "24.00"},
            {"id": "sleep", "title": "Sleep-in, per night", "kind": "sleep_in", "unit": "night", "volume": "365.5"}
        ]);
        t["lots"][0]["price_benchmark"] = serde_json::json!({
            "price": "300000", "marks_at_benchmark_percent": "50",
            "gain_per_percent_below": "1", "loss_per_percent_above": "2.5"
        });
        shipped_protocol()
            .tender_from_json(&t.to_string())
            .expect("the basket example reads")
    })
}

/// Problems must render as text and as reports (codes, pointers, messages, help) without
/// panicking, whatever the input that caused them.
fn render_problems(p: &Problems) {
    let reports = p.reports();
    assert!(!reports.is_empty(), "a rejection with no problem in it");
    let _ = p.to_string();
    let _ = serde_json::to_string(&reports).expect("problems serialise");
}

fn render_traces<'a>(traces: impl Iterator<Item = &'a Trace>) {
    for t in traces {
        let text = render(t);
        assert!(!text.is_empty(), "an empty explanation");
    }
}

/// Everything checkable about a score result: its invariants, its explanations, its CSV export
/// and its serialisation.
fn score_checks(protocol: &Protocol, tender: &Tender, result: &ScoreResult) {
    let report = check_score(protocol, tender, result);
    assert!(
        report.is_clean(),
        "invariants broken:\n{}",
        report.failures.join("\n")
    );
    for b in &result.bids {
        render_traces(
            b.criteria
                .iter()
                .filter_map(|c| c.trace.as_ref())
                .chain(b.total_trace.iter())
                .chain(b.flags.iter().filter_map(|f| f.trace.as_ref())),
        );
    }
    let _ = ulo_core::export::csv(result);
    serde_json::to_string(result).expect("a result serialises");
}

fn self_check_checks(result: &SelfCheckResult) {
    let report = check_self_check(result);
    assert!(
        report.is_clean(),
        "invariants broken:\n{}",
        report.failures.join("\n")
    );
    render_traces(
        result
            .criteria
            .iter()
            .flat_map(|c| c.trace_low.iter().chain(c.trace_high.iter())),
    );
    serde_json::to_string(result).expect("a result serialises");
}

/// Scores `bids_text`, checks the result, and checks that the bids in reverse order give the
/// same result (all but the input hash, which records the document as given).
fn score_both_ways(protocol: &Protocol, tender: &Tender, bids_text: &str) {
    let bids = match protocol.bids_from_json(tender, bids_text) {
        Ok(b) => b,
        Err(p) => return render_problems(&p),
    };
    let result = match protocol.score(tender, &bids) {
        Ok(r) => r,
        Err(p) => return render_problems(&p),
    };
    score_checks(protocol, tender, &result);
    let Ok(mut value) = serde_json::from_str::<Value>(bids_text) else {
        return;
    };
    if let Some(list) = value.get_mut("bids").and_then(Value::as_array_mut) {
        list.reverse();
    }
    let reversed = protocol
        .bids_from_json(tender, &value.to_string())
        .and_then(|b| protocol.score(tender, &b));
    match reversed {
        Ok(mut r) => {
            r.input_hash = result.input_hash.clone();
            assert!(r == result, "bid order changed the result");
        }
        Err(p) => panic!("bids in reverse order are refused: {p}"),
    }
}

fn self_check(protocol: &Protocol, tender: &Tender, draft_text: &str) {
    match protocol
        .checked_draft_from_json(tender, draft_text)
        .and_then(|d| protocol.self_check(tender, &d))
    {
        Ok(r) => self_check_checks(&r),
        Err(p) => render_problems(&p),
    }
}

/// Any bytes through reading alone, as every kind of document: the strict parser, the typed
/// readers and the semantic checks (against the shipped protocol and worked example), with every
/// problem rendered. No scoring, so many times faster than [`raw_text`], which goes on to score.
pub fn read_only(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let protocol = shipped_protocol();
    let tender = example_tender();
    if let Err(p) = Protocol::from_json(text) {
        render_problems(&p);
    }
    if let Err(p) = protocol.tender_from_json(text) {
        render_problems(&p);
    }
    if let Err(p) = protocol.bids_from_json(tender, text) {
        render_problems(&p);
    }
    if let Err(p) = protocol.checked_draft_from_json(tender, text) {
        render_problems(&p);
    }
}

/// Any bytes as a document of every kind.
pub fn raw_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for document in [
        Document::Protocol,
        Document::Tender,
        Document::Bids,
        Document::SelfCheck,
    ] {
        match ulo_core::json::parse(text, document) {
            Ok(value) => {
                if let Err(p) = ulo_core::validate_value(document, &value) {
                    render_problems(&p);
                }
            }
            Err(p) => render_problems(&Problems(vec![p])),
        }
    }
    let protocol = shipped_protocol();
    let tender = example_tender();
    // As a protocol: the worked example against it.
    match Protocol::from_json(text) {
        Ok(p) => {
            if let Ok(t) = p.tender_from_json(shipped::EXAMPLE_TENDER) {
                serde_json::to_string(&p.check_tender(&t)).expect("serialises");
                score_both_ways(&p, &t, shipped::EXAMPLE_BIDS);
                self_check(&p, &t, shipped::EXAMPLE_SELF_CHECK);
            }
        }
        Err(p) => render_problems(&p),
    }
    // As a tender for the shipped protocol: its barrier check, and the example bids.
    match protocol.tender_from_json(text) {
        Ok(t) => {
            serde_json::to_string(&protocol.check_tender(&t)).expect("serialises");
            score_both_ways(protocol, &t, shipped::EXAMPLE_BIDS);
            self_check(protocol, &t, shipped::EXAMPLE_SELF_CHECK);
        }
        Err(p) => render_problems(&p),
    }
    // As bids and as a draft for the worked example, and for it with a basket of rates.
    score_both_ways(protocol, tender, text);
    self_check(protocol, tender, text);
    score_both_ways(protocol, basket_tender(), text);
    self_check(protocol, basket_tender(), text);
    // As OCDS data.
    let _ = ulo_core::ocds::import_json(protocol, text);
}

/// The fuzzer's bytes as the choices of the regime generator: a tender with a procurement block,
/// its regime decided and every rule weighed under it. Panics when a result breaks a regime
/// invariant or the same tender gives different bytes twice.
pub fn regimes(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    let text = crate::regimes::generate(&mut u, true);
    let broken = crate::regimes::check_tender_text(&text);
    assert!(
        broken.is_empty(),
        "regime invariants broken:\n{}",
        broken.join("\n")
    );
    // The shipped protocol too: whatever its version, a result serialises, and if it knows
    // regimes its result keeps the same invariants.
    let protocol = shipped_protocol();
    match protocol.tender_from_json(&text) {
        Ok(t) => {
            let check = serde_json::to_string(&protocol.check_tender(&t)).expect("serialises");
            if protocol.regime_aware() {
                let (Ok(p), Ok(tv), Ok(r)) = (
                    serde_json::from_str::<Value>(shipped::PROTOCOL),
                    serde_json::from_str::<Value>(&text),
                    serde_json::from_str::<Value>(&check),
                ) else {
                    panic!("a shipped document or a result is not JSON");
                };
                let broken = crate::regimes::invariants(&p, &tv, &r);
                assert!(broken.is_empty(), "shipped protocol: {}", broken.join("\n"));
            }
        }
        Err(p) => render_problems(&p),
    }
}

/// The fuzzer's bytes as the choices of the generator: well-shaped documents, deep checks.
pub fn structured(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    structured_case(&generate(&mut u, true));
}

/// The fuzzer's bytes as the choices of the weights family (weights as shares of the whole
/// award, tie-breaks by category; `generate::generate_weights`): reaches the resolution of
/// tuned weights, groups moved in proportion, a category's marks added up, and the sweep under
/// shares of the whole, each score held to the invariants as in [`structured`].
pub fn weights(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    structured_case(&crate::generate::generate_weights(&mut u, true));
}

fn structured_case(g: &crate::generate::Generated) {
    let protocol = match Protocol::from_json(&g.protocol) {
        Ok(p) => p,
        Err(p) => return render_problems(&p),
    };
    let tender = match protocol.tender_from_json(&g.tender) {
        Ok(t) => t,
        Err(p) => return render_problems(&p),
    };
    let check = protocol.check_tender(&tender);
    serde_json::to_string(&check).expect("serialises");
    score_both_ways(&protocol, &tender, &g.bids);
    self_check(&protocol, &tender, &g.self_check);
    // What-if: move the first tunable weight against the second across their ranges.
    let tunable = &protocol.doc().tunable;
    if let [a, b, ..] = tunable.as_slice() {
        let (Ok(t), Ok(bids)) = (
            serde_json::from_str::<Value>(&g.tender),
            serde_json::from_str::<Value>(&g.bids),
        ) else {
            return;
        };
        let step = Exact::ratio(5, 2).expect("2.5");
        if let Ok(sweep) = protocol.sweep(&t, &bids, &a.criterion, &b.criterion, step) {
            serde_json::to_string(&sweep).expect("serialises");
        }
    }
}

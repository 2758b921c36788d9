//! The summary score (issue 13, bounded work): for every conformance case that scores and the
//! first generated cases, the summary agrees with the full result figure for figure, the bids it
//! explains on request are byte for byte their entries in the full result, and it is valid
//! against the result schema.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use ulo_conformance::{generate, CASES};
use ulo_core::report::{BidResult, FlagBrief, ScoreResult, ScoreSummary};
use ulo_core::Protocol;
use ulo_schemas::{validate, Schema};

/// The full result, the summary explaining nothing, and the summary explaining each bid in
/// turn and then all of them, for one set of inputs; `None` when the inputs are refused.
struct Run {
    full: ScoreResult,
    plain: ScoreSummary,
    one_by_one: Vec<ScoreSummary>,
    all: ScoreSummary,
}

fn run(protocol: &str, tender: &str, bids: &str) -> Option<Run> {
    let p = Protocol::from_json(protocol).ok()?;
    let t = p.tender_from_json(tender).ok()?;
    let b = p.bids_from_json(&t, bids).ok()?;
    let full = p.score(&t, &b).ok()?;
    let ids: Vec<String> = full.bids.iter().map(|r| r.bid.clone()).collect();
    let plain = p
        .summary(&t, &b, &[])
        .expect("a summary where the full result is answered");
    let one_by_one = ids
        .iter()
        .map(|id| p.summary(&t, &b, std::slice::from_ref(id)).unwrap())
        .collect();
    // Named in reverse and twice: explained in id order, once each.
    let mut named: Vec<String> = ids.iter().rev().cloned().collect();
    named.extend(ids.iter().cloned());
    let all = p.summary(&t, &b, &named).unwrap();
    Some(Run {
        full,
        plain,
        one_by_one,
        all,
    })
}

fn bytes(r: &BidResult) -> String {
    serde_json::to_string_pretty(r).unwrap()
}

/// Every way the summary must agree with the full result; the first difference, named.
fn agreement(name: &str, r: &Run) -> Result<(), String> {
    let full = &r.full;
    let s = &r.plain;
    let same = |what: &str, a: String, b: String| {
        if a == b {
            Ok(())
        } else {
            Err(format!("{name}: {what} differs:\n{a}\n---\n{b}"))
        }
    };
    let json = |v: &dyn erased::Ser| v.text();
    same("input_hash", full.input_hash.clone(), s.input_hash.clone())?;
    same("lots", json(&full.lots), json(&s.lots))?;
    same("findings", json(&full.findings), json(&s.findings))?;
    same("regime", json(&full.regime), json(&s.regime))?;
    if !s.explained.is_empty() {
        return Err(format!(
            "{name}: a summary explaining nothing explained some bids"
        ));
    }
    if s.bids.len() != full.bids.len() {
        return Err(format!(
            "{name}: {} bids in the summary, {} in full",
            s.bids.len(),
            full.bids.len()
        ));
    }
    for (f, b) in full.bids.iter().zip(&s.bids) {
        let at = format!("bid {}", f.bid);
        same(&format!("{at} id"), f.bid.clone(), b.bid.clone())?;
        same(
            &format!("{at} bidder, lot, price"),
            format!("{}|{}|{}", f.bidder, f.lot, f.price),
            format!("{}|{}|{}", b.bidder, b.lot, b.price),
        )?;
        same(
            &format!("{at} status, rank, total"),
            json(&(f.status, f.rank, &f.total, &f.available)),
            json(&(b.status, b.rank, &b.total, &b.available)),
        )?;
        same(
            &format!("{at} eligibility"),
            json(&f.eligibility.verdict),
            json(&b.eligibility),
        )?;
        let gates: Vec<_> = f.gates.iter().map(|g| (&g.gate, g.outcome)).collect();
        let sgates: Vec<_> = b.gates.iter().map(|g| (&g.gate, g.outcome)).collect();
        same(&format!("{at} gates"), json(&gates), json(&sgates))?;
        same(
            &format!("{at} reservation"),
            json(&f.reservation.as_ref().map(|r| r.outcome)),
            json(&b.reservation),
        )?;
        let marks: Vec<_> = f
            .criteria
            .iter()
            .map(|c| (c.criterion.clone(), c.marks.clone()))
            .collect();
        same(&format!("{at} marks"), json(&marks), json(&b.marks.0))?;
        let flags: Vec<FlagBrief> = f
            .flags
            .iter()
            .map(|x| FlagBrief {
                code: x.code,
                criterion: x.criterion.clone(),
                excludes: x.excludes,
            })
            .collect();
        same(&format!("{at} flags"), json(&flags), json(&b.flags))?;
    }
    for (i, one) in r.one_by_one.iter().enumerate() {
        let want = &full.bids[i];
        if one.explained.len() != 1 {
            return Err(format!(
                "{name}: explaining {} gave {} bids",
                want.bid,
                one.explained.len()
            ));
        }
        same(
            &format!("bid {} explained alone", want.bid),
            bytes(want),
            bytes(&one.explained[0]),
        )?;
        same(
            &format!("the rest of the summary explaining {}", want.bid),
            json(&(&one.lots, &one.bids)),
            json(&(&s.lots, &s.bids)),
        )?;
    }
    let all: Vec<String> = r.all.explained.iter().map(bytes).collect();
    let want: Vec<String> = full.bids.iter().map(bytes).collect();
    same("every bid explained", want.join("\n"), all.join("\n"))
}

/// Serialising anything to text, for comparisons.
mod erased {
    pub trait Ser {
        fn text(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn text(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

fn schema_errors(name: &str, s: &ScoreSummary) -> Result<(), String> {
    let value: Value = serde_json::to_value(s).unwrap();
    let errors = validate(Schema::Result, &value);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name}: the summary breaks the result schema: {errors:?}"
        ))
    }
}

#[test]
fn summaries_agree_with_full_results_and_explain_bids_byte_for_byte() {
    let mut failures = Vec::new();
    let mut scored = 0;
    for case in CASES {
        let d = case.documents().unwrap();
        let (Some(bids), "score") = (d.other, d.command) else {
            continue;
        };
        let Some(r) = run(d.protocol, d.tender, bids) else {
            continue;
        };
        scored += 1;
        if let Err(e) = agreement(case.name, &r)
            .and_then(|()| schema_errors(case.name, &r.plain))
            .and_then(|()| schema_errors(case.name, &r.all))
        {
            failures.push(e);
        }
    }
    for seed in 0..150 {
        let g = generate::case(seed);
        let Some(r) = run(&g.protocol, &g.tender, &g.bids) else {
            continue;
        };
        scored += 1;
        let name = format!("generated case {seed}");
        if let Err(e) = agreement(&name, &r).and_then(|()| schema_errors(&name, &r.all)) {
            failures.push(e);
        }
    }
    assert!(scored >= 100, "only {scored} cases scored");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_name_that_is_no_bid_is_refused_with_the_bids_that_exist() {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(ulo_core::shipped::EXAMPLE_TENDER)
        .unwrap();
    let b = p
        .bids_from_json(&t, ulo_core::shipped::EXAMPLE_BIDS)
        .unwrap();
    let first = b.as_slice()[0].id.clone();
    let e = p
        .summary(&t, &b, &["no-such-bid".into(), first])
        .unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    let r = &e.reports()[0];
    assert_eq!(r.code, "ulo::unknown-reference");
    assert!(
        r.message.contains("no bid with the id \"no-such-bid\""),
        "{}",
        r.message
    );
}

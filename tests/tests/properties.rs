//! Properties the engine must keep for any bids, checked on generated inputs (proptest).
//!
//! - The order bids are entered in changes nothing: the result is byte-identical.
//! - Raising one evaluator's score never lowers that bid's total.
//! - Scaling all the weights of a group by the same factor changes no criterion's marks.
//! - No total exceeds the marks available, and rankings follow totals.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use ulo_core::tender::check::marks_table;
use ulo_core::{shipped, Exact, Protocol, Tender};

const PANEL_CRITERIA: [&str; 5] = [
    "q-outcomes",
    "q-peer-support",
    "q-safeguarding",
    "ul-coproduction",
    "sv-plan",
];
const EVALUATORS: [&str; 4] = ["e1", "e2", "e3", "e4"];
const LOTS: [&str; 3] = ["lot-1", "lot-2", "lot-3"];

/// A generated bid for the shipped example tender.
#[derive(Clone, Debug)]
struct GenBid {
    lot: usize,
    price_thousands: u32,
    board: Option<(u32, u32)>,
    local_staff: u32,
    /// scores[criterion][evaluator]; None = not scored.
    scores: Vec<Vec<Option<u8>>>,
}

fn gen_bid() -> impl Strategy<Value = GenBid> {
    (
        0..LOTS.len(),
        150u32..480,
        prop::option::weighted(0.9, (1u32..15).prop_flat_map(|v| (Just(v), 0..=v))),
        0u32..=100,
        prop::collection::vec(
            prop::collection::vec(prop::option::weighted(0.95, 0u8..=5), EVALUATORS.len()),
            PANEL_CRITERIA.len(),
        ),
    )
        .prop_map(
            |(lot, price_thousands, board, local_staff, scores)| GenBid {
                lot,
                price_thousands,
                board,
                local_staff,
                scores,
            },
        )
}

fn bid_json(i: usize, b: &GenBid) -> Value {
    let mut scores = serde_json::Map::new();
    for (c, row) in PANEL_CRITERIA.iter().zip(&b.scores) {
        let mut by = serde_json::Map::new();
        for (e, s) in EVALUATORS.iter().zip(row) {
            if let Some(s) = s {
                by.insert(e.to_string(), json!({ "score": s }));
            }
        }
        scores.insert(c.to_string(), Value::Object(by));
    }
    let mut org = json!({
        "name": format!("Bidder {i}"),
        "legal_form": "charity",
        "staff": {"total": 10, "disabled": 6},
        "accountable_to_members": true,
        "social_model_commitment": true
    });
    if let Some((v, u)) = b.board {
        org["board"] = json!({"voting_members": v, "disabled_or_service_users": u});
    }
    json!({
        "id": format!("bid-{i:02}"),
        "lot": LOTS[b.lot],
        "organisation": org,
        "price": format!("{}000", b.price_thousands),
        "facts": {"local_staff_percent": b.local_staff.to_string()},
        "gates": {"safeguarding-policy": "pass", "data-protection": "pass"},
        "scores": scores
    })
}

fn doc(bids: &[Value]) -> String {
    json!({"document": "bids", "tender": "example-ils-2026", "bids": bids}).to_string()
}

fn setup() -> (Protocol, Tender) {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(shipped::EXAMPLE_TENDER)
        .expect("example tender");
    (p, t)
}

fn score_text(p: &Protocol, t: &Tender, text: &str) -> String {
    let bids = p.bids_from_json(t, text).expect("generated bids are valid");
    serde_json::to_string(&p.score(t, &bids).expect("scores")).expect("serialises")
}

fn totals(p: &Protocol, t: &Tender, text: &str) -> BTreeMap<String, Option<Exact>> {
    let bids = p.bids_from_json(t, text).expect("generated bids are valid");
    let r = p.score(t, &bids).expect("scores");
    r.bids
        .iter()
        .map(|b| {
            (
                b.bid.clone(),
                b.total.as_deref().and_then(Exact::parse_decimal),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn bid_order_changes_nothing(bids in prop::collection::vec(gen_bid(), 1..8), seed in any::<u64>()) {
        let (p, t) = setup();
        let values: Vec<Value> = bids.iter().enumerate().map(|(i, b)| bid_json(i, b)).collect();
        let mut shuffled = values.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(score_text(&p, &t, &doc(&values)), score_text(&p, &t, &doc(&shuffled)));
    }

    #[test]
    fn raising_a_panel_score_never_lowers_that_bids_total(
        bids in prop::collection::vec(gen_bid(), 1..6),
        which in any::<prop::sample::Index>(),
        criterion in 0..PANEL_CRITERIA.len(),
        evaluator in 0..EVALUATORS.len(),
    ) {
        let (p, t) = setup();
        let i = which.index(bids.len());
        let current = bids[i].scores[criterion][evaluator].unwrap_or(0);
        prop_assume!(current < 5);
        let mut raised = bids.clone();
        raised[i].scores[criterion][evaluator] = Some(current + 1);
        let before_bids: Vec<Value> = bids.iter().enumerate().map(|(k, b)| bid_json(k, b)).collect();
        let after_bids: Vec<Value> = raised.iter().enumerate().map(|(k, b)| bid_json(k, b)).collect();
        // An unscored evaluator given a score is a different panel; compare only real raises.
        prop_assume!(bids[i].scores[criterion][evaluator].is_some());
        let before = totals(&p, &t, &doc(&before_bids));
        let after = totals(&p, &t, &doc(&after_bids));
        let id = format!("bid-{i:02}");
        if let (Some(Some(b)), Some(Some(a))) = (before.get(&id), after.get(&id)) {
            prop_assert!(a >= b, "total fell from {} to {}", b, a);
        }
    }

    #[test]
    fn totals_stay_within_the_marks_available_and_rankings_follow_totals(bids in prop::collection::vec(gen_bid(), 1..8)) {
        let (p, t) = setup();
        let values: Vec<Value> = bids.iter().enumerate().map(|(i, b)| bid_json(i, b)).collect();
        let parsed = p.bids_from_json(&t, &doc(&values)).expect("valid");
        let r = p.score(&t, &parsed).expect("scores");
        for b in &r.bids {
            if let Some(total) = b.total.as_deref().and_then(Exact::parse_decimal) {
                prop_assert!(total <= Exact::HUNDRED && !total.is_negative());
            }
        }
        for lot in &r.lots {
            for pair in lot.ranking.windows(2) {
                let a = Exact::parse_decimal(&pair[0].total).unwrap();
                let b = Exact::parse_decimal(&pair[1].total).unwrap();
                prop_assert!(a >= b);
                prop_assert!(pair[0].rank <= pair[1].rank);
                if pair[0].rank == pair[1].rank {
                    // A shared rank only for equal totals that no tie-break rule separates.
                    prop_assert_eq!(a, b);
                    prop_assert!(pair[0].tie.as_ref().is_some_and(|t| t.decided_by.is_none()));
                }
                if a != b {
                    prop_assert!(pair[0].rank < pair[1].rank);
                }
            }
        }
    }

    #[test]
    fn scaling_a_groups_weights_changes_no_marks(
        group in 0usize..5,
        numer in 1i128..50,
        denom in 1i128..50,
    ) {
        let p = Protocol::shipped();
        let criteria = &p.doc().award.criteria;
        let base: BTreeMap<String, Exact> = BTreeMap::new();
        let before = marks_table(criteria, &base, Exact::HUNDRED).unwrap();
        // The groups: the top level, then each group's children.
        let groups: Vec<Vec<String>> = std::iter::once(criteria.iter().map(|c| c.id.clone()).collect())
            .chain(p.tree().iter().filter(|n| !n.children.is_empty()).map(|n| n.children.clone()))
            .collect();
        let ids = &groups[group % groups.len()];
        let k = Exact::ratio(numer, denom).unwrap();
        let scaled: BTreeMap<String, Exact> = ids
            .iter()
            .map(|id| (id.clone(), p.criterion(id).unwrap().weight.mul(k).unwrap()))
            .collect();
        let after = marks_table(criteria, &scaled, Exact::HUNDRED).unwrap();
        prop_assert_eq!(before, after);
    }
}

//! Weights as a council publishes them (issue 15): shares of the whole award
//! (`"weights_as": "share_of_whole"`), and a tie-break that names a category.
//!
//! The protocols are the conformance suite's shared ones (tests/shared): `mini-parent` writes
//! "Quality 55%: Q1 20%, Q2 15%, Q3 10%, Q4 10%" the only way a protocol could before, as
//! shares of quality (36.36, 27.27, 18.18, 18.19); `mini-whole` writes the same table as
//! published, as shares of the whole; `mini-split` has its quality criteria at the top level.

use serde_json::{json, Value};
use ulo_core::vocab::Category;
use ulo_core::{Problems, Protocol, Tender};

const PARENT: &str = include_str!("../../tests/shared/mini-parent.json");
const WHOLE: &str = include_str!("../../tests/shared/mini-whole.json");
const SPLIT: &str = include_str!("../../tests/shared/mini-split.json");

fn protocol(text: &str) -> Protocol {
    Protocol::from_json(text).unwrap_or_else(|e| panic!("{e}"))
}

fn changed(text: &str, change: impl FnOnce(&mut Value)) -> Result<Protocol, Problems> {
    let mut v: Value = serde_json::from_str(text).unwrap();
    change(&mut v);
    Protocol::from_value(&v)
}

fn tender_json(weights: Option<Value>) -> Value {
    let mut t = json!({
        "document": "tender",
        "id": "t-weights",
        "title": "Weights",
        "authority": "Test Council",
        "published": "2026-01-05",
        "response_deadline": "2026-02-16",
        "lots": [{"id": "lot-1", "title": "Whole service", "value": "100000", "months": 12}],
        "conditions": {"minimum_turnover": "150000"},
        "panel": [{"id": "e1", "name": "Officer One", "role": "officer"}]
    });
    if let Some(w) = weights {
        t["weights"] = w;
    }
    t
}

fn tender(p: &Protocol, weights: Option<Value>) -> Result<Tender, Problems> {
    p.tender(&tender_json(weights))
}

fn marks(t: &Tender, id: &str) -> String {
    t.max_marks(id).to_exact_string()
}

fn codes(e: &Problems) -> Vec<(String, String, String)> {
    e.iter()
        .map(|p| (p.code(), p.pointer.clone(), p.kind.message()))
        .collect()
}

/// The example: what a share-of-parent protocol gives today, and the exact marks of
/// the same table read as published.
#[test]
fn the_published_table_gives_exactly_its_marks() {
    let today = tender(&protocol(PARENT), None).unwrap();
    let q: Vec<String> = ["q1", "q2", "q3", "q4"]
        .iter()
        .map(|id| marks(&today, id))
        .collect();
    assert_eq!(q, ["19.998", "14.9985", "9.999", "10.0045"]);

    let whole = tender(&protocol(WHOLE), None).unwrap();
    let q: Vec<String> = ["q1", "q2", "q3", "q4"]
        .iter()
        .map(|id| marks(&whole, id))
        .collect();
    assert_eq!(q, ["20", "15", "10", "10"]);
    assert_eq!(marks(&whole, "quality"), "55");
    assert_eq!(marks(&whole, "price"), "45");
    // The weight shown is the published one.
    assert_eq!(whole.weight("q2").to_exact_string(), "15");
}

/// A full score on every question earns exactly the published marks, shown as such.
#[test]
fn scoring_shows_the_published_marks() {
    let p = protocol(WHOLE);
    let t = tender(&p, None).unwrap();
    let scores: Value = ["q1", "q2", "q3", "q4"]
        .iter()
        .map(|q| (q.to_string(), json!({"e1": {"score": 4}})))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let bids = json!({"document": "bids", "tender": "t-weights", "bids": [
        {"id": "a", "lot": "lot-1", "organisation": {"name": "Alpha"}, "price": "90000",
         "gates": {"insured": "pass"}, "scores": scores}
    ]});
    let b = p.bids(&t, &bids).unwrap_or_else(|e| panic!("{e}"));
    let r = p.score(&t, &b).unwrap_or_else(|e| panic!("{e}"));
    let rows = &r.bids[0].criteria;
    let row = |id: &str| rows.iter().find(|c| c.criterion == id).unwrap();
    assert_eq!(row("q1").available, "20.00");
    assert_eq!(row("q1").marks.as_deref(), Some("20.00"));
    assert_eq!(row("q1").weight, "20");
    assert_eq!(row("q4").available, "10.00");
    assert_eq!(row("quality").marks.as_deref(), Some("55.00"));
    assert_eq!(r.bids[0].total.as_deref(), Some("100.00"));
}

/// Compile checks: the top level makes 100; a group's children make the group's own weight.
#[test]
fn a_group_must_share_out_exactly_its_own_weight() {
    let e = changed(WHOLE, |v| {
        v["award_model"]["criteria"][0]["children"][3]["weight"] = json!("5");
    })
    .unwrap_err();
    assert_eq!(
        codes(&e),
        [(
            "ulo::weights-not-group-weight".to_string(),
            "/award_model/criteria/0/children".to_string(),
            "the weights in \"quality\" add up to 50, not 55, the weight of \"quality\" itself (each weight is a share of the whole award)".to_string()
        )]
    );
    // Quality children adding to 100 (the share-of-parent habit) are refused the same way.
    let e = changed(PARENT, |v| {
        v["award_model"]["weights_as"] = json!("share_of_whole");
    })
    .unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::weights-not-group-weight");
    // The top level still makes 100.
    let e = changed(WHOLE, |v| {
        v["award_model"]["criteria"][1]["weight"] = json!("40");
        v["tunable"] = json!([]);
    })
    .unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::weights-not-100");
    // Written as shares of the parent, the same table is refused by the old check.
    let e = changed(WHOLE, |v| {
        v["award_model"]["weights_as"] = json!("share_of_parent");
    })
    .unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::weights-not-100");
    assert_eq!(e.0[0].pointer, "/award_model/criteria/0/children", "{e}");
}

/// A tender's weights are read in the same terms; a group moved without its criteria keeps
/// their published proportions; criteria set by the tender must make their group's weight.
#[test]
fn tender_weights_are_shares_of_the_whole_too() {
    let p = protocol(WHOLE);
    // Price 40, quality 60: Q1..Q4 keep 20:15:10:10 of quality, each x 60/55.
    let t = tender(&p, Some(json!({"price": "40", "quality": "60"}))).unwrap();
    assert_eq!(marks(&t, "quality"), "60");
    assert_eq!(marks(&t, "q1"), "240/11");
    assert_eq!(marks(&t, "q2"), "180/11");
    assert_eq!(t.weight("q1").to_exact_string(), "240/11");
    // Q1 25 and Q2 10 inside the published 55: exactly those marks.
    let t = tender(&p, Some(json!({"q1": "25", "q2": "10"}))).unwrap();
    assert_eq!(
        ["q1", "q2", "q3", "q4", "quality"].map(|id| marks(&t, id)),
        ["25", "10", "10", "10", "55"]
    );
    // Q1 25 alone leaves quality's criteria at 60, not 55.
    let e = tender(&p, Some(json!({"q1": "25"}))).unwrap_err();
    assert_eq!(
        codes(&e),
        [(
            "ulo::weights-not-group-weight".to_string(),
            "/weights".to_string(),
            "the weights in \"quality\" add up to 60, not 55, the weight of \"quality\" itself (each weight is a share of the whole award)".to_string()
        )]
    );
    // Quality 60 with Q1 25, Q2 15 (and Q3, Q4 as published) makes 60.
    let t = tender(
        &p,
        Some(json!({"price": "40", "quality": "60", "q1": "25", "q2": "15"})),
    )
    .unwrap();
    assert_eq!(
        ["q1", "q2", "q3", "q4"].map(|id| marks(&t, id)),
        ["25", "15", "10", "10"]
    );
    // Out of range is out of range, in the same terms.
    let e = tender(&p, Some(json!({"q1": "26", "q2": "9"}))).unwrap_err();
    assert!(e.iter().any(|p| p.code() == "ulo::weight-outside-range"));
    // The top level still makes 100.
    let e = tender(&p, Some(json!({"price": "40"}))).unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::weights-not-100");
}

/// The barrier facts that are weight percentages mean the share of all marks, however the
/// protocol writes its weights.
#[test]
fn weight_facts_mean_the_same_both_ways() {
    for (tuned, price, quality) in [(None, "45", "55"), (Some(("40", "60")), "40", "60")] {
        let w = tuned.map(|(p, q)| json!({"price": p, "quality": q}));
        let a = tender(&protocol(PARENT), w.clone()).unwrap();
        let b = tender(&protocol(WHOLE), w).unwrap();
        for t in [&a, &b] {
            assert_eq!(
                t.category_weight(Category::Price)
                    .unwrap()
                    .to_exact_string(),
                price
            );
            assert_eq!(
                t.category_weight(Category::Quality)
                    .unwrap()
                    .to_exact_string(),
                quality
            );
        }
        // The shipped-style rule "price at most 40%" finds the same either way.
        let fa = protocol(PARENT).check_tender(&a);
        let fb = protocol(WHOLE).check_tender(&b);
        let facts = |c: &ulo_core::report::TenderCheck| {
            serde_json::to_value(&c.findings).unwrap().to_string()
        };
        assert_eq!(facts(&fa), facts(&fb));
    }
}

/// The reproduction: quality criteria not under one parent cannot be named by id.
#[test]
fn a_category_that_is_no_criterion_is_refused_by_id() {
    let e = changed(SPLIT, |v| {
        v["award_model"]["tie_break"][0] =
            json!({"rule": "higher_score_in", "criterion": "quality"});
    })
    .unwrap_err();
    assert_eq!(
        codes(&e)[0].2,
        "there is no criterion with the id \"quality\""
    );
    // Named as a category, it is accepted.
    protocol(SPLIT);
    // A category no scored criterion has could never separate two bids.
    let e = changed(SPLIT, |v| {
        v["award_model"]["tie_break"][0] =
            json!({"rule": "higher_score_in", "category": "user_leadership"});
    })
    .unwrap_err();
    assert_eq!(
        codes(&e),
        [(
            "ulo::unknown-reference".to_string(),
            "/award_model/tie_break/0/category".to_string(),
            "there is no category with a scored criterion with the id \"user_leadership\""
                .to_string()
        )]
    );
    // Both, or neither, is refused.
    let e = changed(SPLIT, |v| {
        v["award_model"]["tie_break"][0] =
            json!({"rule": "higher_score_in", "category": "quality", "criterion": "q1"});
    })
    .unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::missing-field-set");
    // Twice is once too many.
    let e = changed(SPLIT, |v| {
        v["award_model"]["tie_break"][1] =
            json!({"rule": "higher_score_in", "category": "quality"});
    })
    .unwrap_err();
    assert_eq!(e.0[0].code(), "ulo::duplicate-id");
}

/// Two bids tied on total: the quality criteria's marks, added up, settle it, and the note
/// says which category and each bid's marks in it.
#[test]
fn a_tie_is_settled_by_the_marks_of_a_category() {
    let p = protocol(SPLIT);
    let t = tender(&p, None).unwrap();
    // a: q1 4 (30), q2 2 (10), sv 0 (0), price 80,000 -> 40 x 80/80 = 40: total 80.
    // b: q1 2 (15), q2 3 (15), sv 4 (10), price 80,000 -> 40: total 80.
    // Quality: a 40, b 30; social value would have favoured b.
    let bid = |id: &str, q1: i64, q2: i64, sv: i64| {
        json!({"id": id, "lot": "lot-1", "organisation": {"name": format!("Bidder {id}")},
               "price": "80000", "gates": {"insured": "pass"},
               "scores": {"q1": {"e1": {"score": q1}}, "q2": {"e1": {"score": q2}},
                          "sv": {"e1": {"score": sv}}}})
    };
    let bids = json!({"document": "bids", "tender": "t-weights",
                      "bids": [bid("b", 2, 3, 4), bid("a", 4, 2, 0)]});
    let b = p.bids(&t, &bids).unwrap_or_else(|e| panic!("{e}"));
    let r = p.score(&t, &b).unwrap_or_else(|e| panic!("{e}"));
    let ranking = &r.lots[0].ranking;
    assert_eq!(ranking[0].bid, "a");
    assert_eq!(ranking[0].total, "80.00");
    assert_eq!(ranking[1].bid, "b");
    assert_eq!(ranking[1].total, "80.00");
    let tie = ranking[0].tie.as_ref().unwrap();
    assert_eq!(
        tie.decided_by.as_deref(),
        Some("more marks in the quality criteria, added up")
    );
    assert_eq!(
        tie.reason,
        "Tied on 80.00 marks; settled by tie-break rule 1 (more marks in the quality criteria, added up): Bidder a 40.00, Bidder b 30.00."
    );
}

/// The what-if sweep under shares of the whole: moving price up by a point moves quality down
/// by one, every other top-level weight stays, and quality's criteria keep their published
/// proportions (each x quality's new weight / 55). Worked by hand: a (full marks on every
/// question, £160,000) and b (3, 1, 2, 2 on the four questions, £80,000) swap places between a
/// price weight of 48 (a 75.99, b 75.19) and 49 (a 75.50, b 75.67).
#[test]
fn the_sweep_moves_shares_of_the_whole() {
    let p = protocol(WHOLE);
    let bid = |id: &str, price: &str, s: [i64; 4]| {
        json!({"id": id, "lot": "lot-1", "organisation": {"name": format!("Bidder {id}")},
               "price": price, "gates": {"insured": "pass"},
               "scores": {"q1": {"e1": {"score": s[0]}}, "q2": {"e1": {"score": s[1]}},
                          "q3": {"e1": {"score": s[2]}}, "q4": {"e1": {"score": s[3]}}}})
    };
    let bids = json!({"document": "bids", "tender": "t-weights",
                      "bids": [bid("a", "160000", [4, 4, 4, 4]), bid("b", "80000", [3, 1, 2, 2])]});
    let s = p
        .sweep(
            &tender_json(None),
            &bids,
            "price",
            "quality",
            ulo_core::Exact::ONE,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.current, "45");
    let weights: Vec<(&str, &str)> = s
        .points
        .iter()
        .map(|x| (x.weight.as_str(), x.partner_weight.as_str()))
        .collect();
    assert_eq!(weights.first(), Some(&("40", "60")));
    assert_eq!(weights.last(), Some(&("50", "50")));
    let above = s.change_above.as_ref().unwrap();
    assert_eq!(
        (above.weight.as_str(), above.partner_weight.as_str()),
        ("49", "51")
    );
    assert!(s.change_below.is_none());
    // At 48 the order still holds, with the hand-worked totals.
    let t = tender(&p, Some(json!({"price": "48", "quality": "52"}))).unwrap();
    let b = p.bids(&t, &bids).unwrap();
    let r = p.score(&t, &b).unwrap();
    let totals: Vec<(&str, &str)> = r.lots[0]
        .ranking
        .iter()
        .map(|x| (x.bid.as_str(), x.total.as_str()))
        .collect();
    assert_eq!(totals, [("a", "75.99"), ("b", "75.19")]);
    let t = tender(&p, Some(json!({"price": "49", "quality": "51"}))).unwrap();
    let r = p.score(&t, &p.bids(&t, &bids).unwrap()).unwrap();
    let totals: Vec<(&str, &str)> = r.lots[0]
        .ranking
        .iter()
        .map(|x| (x.bid.as_str(), x.total.as_str()))
        .collect();
    assert_eq!(totals, [("b", "75.67"), ("a", "75.50")]);
}

/// Two criteria inside a group sweep against each other without touching the group: the
/// group's share of the whole (and so every barrier fact) stays as published.
#[test]
fn sweeping_within_a_group_keeps_the_group() {
    let p = protocol(WHOLE);
    let bids = json!({"document": "bids", "tender": "t-weights", "bids": [
        {"id": "a", "lot": "lot-1", "organisation": {"name": "A"}, "price": "100000",
         "gates": {"insured": "pass"},
         "scores": {"q1": {"e1": {"score": 4}}, "q2": {"e1": {"score": 0}},
                    "q3": {"e1": {"score": 2}}, "q4": {"e1": {"score": 2}}}},
        {"id": "b", "lot": "lot-1", "organisation": {"name": "B"}, "price": "100000",
         "gates": {"insured": "pass"},
         "scores": {"q1": {"e1": {"score": 0}}, "q2": {"e1": {"score": 4}},
                    "q3": {"e1": {"score": 2}}, "q4": {"e1": {"score": 2}}}}
    ]});
    let s = p
        .sweep(&tender_json(None), &bids, "q1", "q2", ulo_core::Exact::ONE)
        .unwrap_or_else(|e| panic!("{e}"));
    // q1 15..25 and q2 10..20 with q1 + q2 = 35: q1 from 15 to 25.
    assert_eq!(s.points.first().unwrap().weight, "15");
    assert_eq!(s.points.last().unwrap().weight, "25");
    // a leads on q1, b on q2: at q1 17, q2 18 b leads; at q1 18, q2 17 a does.
    let below = s.change_below.as_ref().unwrap();
    assert_eq!(below.weight, "17");
    for x in &s.points {
        let t = tender(
            &p,
            Some(json!({"q1": x.weight.as_str(), "q2": x.partner_weight.as_str()})),
        )
        .unwrap();
        assert_eq!(marks(&t, "quality"), "55");
        assert_eq!(
            t.category_weight(Category::Price)
                .unwrap()
                .to_exact_string(),
            "45"
        );
    }
}

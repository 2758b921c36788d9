//! Lot evaluation models (issue 15) beyond the hand-worked cases: the what-if sweep under every
//! model, what the tie-break order means under price per quality point, and a model a
//! protocol's criteria cannot carry.

use serde_json::{json, Value};
use ulo_core::exact::Exact;
use ulo_core::Protocol;

const PROTOCOL: &str = include_str!("../../tests/shared/mini-models.json");
const TENDER: &str = include_str!("../../tests/cases/301-model-ppqp-threshold/tender.json");
const BIDS: &str = include_str!("../../tests/cases/301-model-ppqp-threshold/bids.json");

fn protocol(edit: impl FnOnce(&mut Value)) -> Protocol {
    let mut p: Value = serde_json::from_str(PROTOCOL).expect("protocol JSON");
    edit(&mut p);
    Protocol::from_json(&p.to_string()).expect("the protocol compiles")
}

fn tender(evaluation: Value) -> Value {
    let mut t: Value = serde_json::from_str(TENDER).expect("tender JSON");
    t["lots"][0]["evaluation"] = evaluation;
    t
}

fn bids() -> Value {
    serde_json::from_str(BIDS).expect("bids JSON")
}

/// The ranking of lot-1 as bid ids, rank order.
fn ranking(p: &Protocol, t: &Value) -> Vec<(u32, String)> {
    let tender = p.tender(t).expect("the tender reads");
    let bids = p.bids(&tender, &bids()).expect("the bids read");
    let r = p.score(&tender, &bids).expect("scored");
    r.lots[0]
        .ranking
        .iter()
        .map(|row| (row.rank, row.bid.clone()))
        .collect()
}

#[test]
fn the_what_if_sweep_runs_under_every_model() {
    // Case 300's bids: no two are within a rounding step of each other. (Case 301's exact tie at
    // 960 a point does split at other weights: the quality marks add the leaves' rounded marks,
    // as the scorecard shows them, and a leaf's rounding depends on the marks it carries.)
    let p = protocol(|_| {});
    let tender = |evaluation: Value| {
        let mut t: Value =
            serde_json::from_str(include_str!("../../tests/cases/300-model-ppqp/tender.json"))
                .expect("tender JSON");
        t["lots"][0]["evaluation"] = evaluation;
        t
    };
    let bids = || -> Value {
        serde_json::from_str(include_str!("../../tests/cases/300-model-ppqp/bids.json"))
            .expect("bids JSON")
    };
    for evaluation in [
        json!({"model": "weighted"}),
        json!({"model": "price_per_quality_point", "quality_threshold_percent": "62.5"}),
        json!({"model": "sequential", "pass_mark_percent": "62.5", "then": "lowest_price"}),
        json!({"model": "sequential", "pass_mark_percent": "62.5", "then": "weighted"}),
        json!({"model": "quality_only", "fixed_price": "75000"}),
        json!({"model": "price_only"}),
    ] {
        let sweep = p
            .sweep(
                &tender(evaluation.clone()),
                &bids(),
                "price",
                "quality",
                Exact::int(5),
            )
            .unwrap_or_else(|e| panic!("{evaluation}: {e:?}"));
        assert_eq!(sweep.points.len(), 5, "{evaluation}: 30 to 50 by 5");
        // Price per quality point divides the price by the quality marks re-weighted to 100,
        // and a sequential evaluation decided on the lowest price never marks price: moving
        // weight between price and quality cannot change their order.
        let price_weight_irrelevant = matches!(
            evaluation["model"].as_str(),
            Some("price_per_quality_point" | "quality_only" | "price_only")
        ) || evaluation["then"] == "lowest_price";
        if price_weight_irrelevant {
            assert!(
                sweep.points.iter().all(|pt| !pt.changed),
                "{evaluation}: the order moved with the price weight"
            );
        }
    }
    // The weighted total does move with the price weight on these bids (a control: the
    // assertion above could otherwise never fail).
    let (t301, b301) = (self::tender(json!({"model": "weighted"})), self::bids());
    let weighted = p
        .sweep(&t301, &b301, "price", "quality", Exact::int(5))
        .expect("sweep");
    assert!(weighted.points.iter().any(|pt| pt.changed));
}

#[test]
fn under_price_per_quality_point_the_tie_break_order_applies_as_published() {
    let evaluation =
        json!({"model": "price_per_quality_point", "quality_threshold_percent": "62.5"});
    // c (90,000 / 93.75) and e (60,000 / 62.5) both cost exactly 960 a quality point.
    let quality_first = protocol(|_| {});
    let order = ranking(&quality_first, &tender(evaluation.clone()));
    assert_eq!(
        order,
        vec![
            (1, "d".to_string()),
            (2, "c".to_string()),
            (3, "e".to_string()),
            (4, "b".to_string())
        ]
    );
    let cheaper_first = protocol(|p| {
        p["award_model"]["tie_break"] =
            json!([{"rule": "lower_price"}, {"rule": "higher_score_in", "criterion": "quality"}]);
    });
    let order = ranking(&cheaper_first, &tender(evaluation.clone()));
    assert_eq!(
        order,
        vec![
            (1, "d".to_string()),
            (2, "e".to_string()),
            (3, "c".to_string()),
            (4, "b".to_string())
        ]
    );
    let t = cheaper_first.tender(&tender(evaluation)).expect("tender");
    let b = cheaper_first.bids(&t, &bids()).expect("bids");
    let r = cheaper_first.score(&t, &b).expect("scored");
    let tie = r.lots[0].ranking[1].tie.as_ref().expect("a tie note");
    assert_eq!(tie.decided_by.as_deref(), Some("the lower price"));
    assert!(
        tie.reason
            .starts_with("Tied on a cost per quality point of exactly 960;"),
        "{}",
        tie.reason
    );
}

#[test]
fn a_model_the_criteria_cannot_carry_is_a_located_problem() {
    let price_only_protocol = protocol(|p| {
        p["award_model"]["criteria"] = json!([{
            "id": "price", "title": "Price", "weight": "100", "category": "price",
            "method": {"type": "price", "formula": "lowest_price_ratio"}
        }]);
        p["award_model"]["tie_break"] = json!([{"rule": "lower_price"}]);
        p["tunable"] = json!([]);
        p["barriers"] = json!([]);
    });
    for model in ["price_per_quality_point", "quality_only", "sequential"] {
        let evaluation = match model {
            "quality_only" => json!({"model": model, "fixed_price": "70000"}),
            "sequential" => {
                json!({"model": model, "pass_mark_percent": "60", "then": "lowest_price"})
            }
            _ => json!({"model": model}),
        };
        let problems = price_only_protocol
            .tender(&tender(evaluation))
            .expect_err("refused");
        let p = &problems.0[0];
        assert_eq!(p.kind.code(), "model-needs-criteria", "{model}");
        assert_eq!(p.pointer, "/lots/0/evaluation/model");
    }
    // Price only is what such a protocol can carry.
    assert!(price_only_protocol
        .tender(&tender(json!({"model": "price_only"})))
        .is_ok());
}

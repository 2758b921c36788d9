//! The award model's citations under each regime (issue 12): a scorecard or self-check of a
//! tender whose regime is decided cites no clause of a law that does not govern it, while an
//! English light-touch one still cites PA 2023 s.23, and a tender whose regime is not stated
//! sees every clause, as before regimes.

use serde_json::{json, Value};
use ulo_core::{shipped, Protocol};

/// Every `(source, clause)` pair anywhere in a result's JSON (criteria, explanations, flags).
fn cites_in(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(s)), Some(Value::String(c))) =
                (m.get("source"), m.get("clause"))
            {
                out.push((s.clone(), c.clone()));
            }
            m.values().for_each(|x| cites_in(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| cites_in(x, out)),
        _ => {}
    }
}

/// The worked example with `procurement` replaced: its tender, scored, as JSON, with the regime
/// word the tender was decided under.
fn score_example(procurement: Value) -> (Value, Option<String>) {
    let p = Protocol::shipped();
    let mut t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).expect("example tender");
    t["procurement"] = procurement;
    let tender = p.tender(&t).expect("the edited example reads");
    let bids = p
        .bids_from_json(&tender, shipped::EXAMPLE_BIDS)
        .expect("the example bids read");
    let result = p.score(&tender, &bids).expect("the example scores");
    let word = tender.regime().regime.map(|r| r.word().to_string());
    (
        serde_json::to_value(&result).expect("a result is JSON"),
        word,
    )
}

fn self_check_example(procurement: Value) -> Value {
    let p = Protocol::shipped();
    let mut t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).expect("example tender");
    t["procurement"] = procurement;
    let tender = p.tender(&t).expect("the edited example reads");
    let draft = p
        .checked_draft_from_json(&tender, shipped::EXAMPLE_SELF_CHECK)
        .expect("the example draft reads");
    let result = p.self_check(&tender, &draft).expect("the example checks");
    serde_json::to_value(&result).expect("a result is JSON")
}

/// The clauses a result cites outside its `regime`: the decision's own trace cites PA 2023
/// s.2(5)(a) and s.119(2) to say why the Act does not govern a Scottish buyer, which is right.
fn cited(v: &Value) -> Vec<(String, String)> {
    let mut v = v.clone();
    if let Some(m) = v.as_object_mut() {
        m.remove("regime");
    }
    let mut out = Vec::new();
    cites_in(&v, &mut out);
    assert!(!out.is_empty(), "the result cites nothing");
    out
}

fn cites_source(v: &Value, source: &str) -> bool {
    cited(v).iter().any(|(s, _)| s == source)
}

fn cites_clause(v: &Value, source: &str, clause: &str) -> bool {
    cited(v).iter().any(|(s, c)| s == source && c == clause)
}

fn scottish_buyer() -> Value {
    json!({
        "nation": "scotland",
        "authority_type": "council",
        "started": "2025-06-02",
        "cpv": ["85312000"],
        "value_including_vat": "1050000"
    })
}

#[test]
fn a_scottish_scorecard_cites_no_clause_of_pa_2023_or_pcr_2015() {
    for (procurement, want) in [
        (scottish_buyer(), None),
        (
            json!({"regime": "scotland_light_touch"}),
            Some("scotland_light_touch"),
        ),
    ] {
        let (result, regime) = score_example(procurement);
        let regime = regime.expect("the regime is decided");
        assert!(regime.starts_with("scotland"), "decided {regime}");
        if let Some(w) = want {
            assert_eq!(regime, w);
        }
        assert!(
            !cites_source(&result, "PA23"),
            "{regime}: the scorecard cites PA 2023"
        );
        assert!(
            !cites_source(&result, "PCR15"),
            "{regime}: the scorecard cites PCR 2015"
        );
        // English law and guidance do not show either: the Care Act's statutory guidance, the
        // Social Value Act and the Cabinet Office's social value note.
        for english in ["CSSG", "SVA12", "PPN002"] {
            assert!(
                !cites_source(&result, english),
                "{regime}: the scorecard cites {english}"
            );
        }
        // The protocol's other sources still show: the cites are filtered, not dropped whole.
        assert!(
            cites_source(&result, "COBEG"),
            "{regime}: the Cabinet Office evaluation guidance is still cited"
        );
    }
}

#[test]
fn an_english_light_touch_scorecard_cites_pa_2023_s23_and_not_pcr_2015() {
    let (result, regime) = score_example(json!({
        "nation": "england",
        "authority_type": "council",
        "started": "2026-05-11",
        "cpv": ["85312000"],
        "value_including_vat": "1050000"
    }));
    assert_eq!(regime.as_deref(), Some("pa2023_light_touch"));
    assert!(cites_clause(&result, "PA23", "s.23"));
    assert!(cites_clause(&result, "PA23", "s.23 (award criteria)"));
    assert!(
        !cites_source(&result, "PCR15"),
        "a PA 2023 scorecard cites PCR 2015"
    );
}

#[test]
fn a_pcr_2015_light_touch_scorecard_cites_reg_76_and_not_pa_2023() {
    let (result, regime) = score_example(json!({"regime": "pcr2015_light_touch"}));
    assert_eq!(regime.as_deref(), Some("pcr2015_light_touch"));
    assert!(cites_clause(&result, "PCR15", "reg 76"));
    assert!(!cites_clause(&result, "PCR15", "reg 69"));
    assert!(!cites_source(&result, "PA23"));
}

#[test]
fn a_tender_whose_regime_is_not_stated_sees_every_clause() {
    let (result, regime) = score_example(json!({}));
    assert_eq!(regime, None);
    for (s, c) in [
        ("PA23", "s.23"),
        ("PA23", "s.19 (most advantageous tender)"),
        ("PCR15", "reg 76"),
    ] {
        assert!(cites_clause(&result, s, c), "{s} {c} is not shown");
    }
}

#[test]
fn a_scottish_self_check_cites_no_clause_of_pa_2023() {
    let english = self_check_example(json!({"regime": "pa2023_light_touch"}));
    assert!(
        cites_source(&english, "PA23"),
        "the English self-check cites PA 2023 (so the Scottish test can fail)"
    );
    let scottish = self_check_example(scottish_buyer());
    assert!(!cites_source(&scottish, "PA23"));
    assert!(!cites_source(&scottish, "PCR15"));
}

#[test]
fn an_award_cite_under_an_unknown_regime_is_refused_where_it_is() {
    let mut p: Value = serde_json::from_str(shipped::PROTOCOL).expect("the shipped protocol");
    p["award_model"]["criteria"][1]["cites"][0]["regimes"] = json!(["pa2023", "england"]);
    let problems = Protocol::from_json(&p.to_string()).expect_err("an unknown regime is refused");
    let pointers: Vec<&str> = problems.iter().map(|x| x.pointer.as_str()).collect();
    assert_eq!(pointers, ["/award_model/criteria/1/cites/0/regimes/1"]);
}

#[test]
fn a_barrier_cite_may_not_name_regimes() {
    let mut p: Value = serde_json::from_str(shipped::PROTOCOL).expect("the shipped protocol");
    p["barriers"][0]["applies"][0]["cites"][0]["regimes"] = json!(["pa2023"]);
    let problems = Protocol::from_json(&p.to_string()).expect_err("regimes on a barrier cite");
    let pointers: Vec<&str> = problems.iter().map(|x| x.pointer.as_str()).collect();
    assert_eq!(pointers, ["/barriers/0/applies/0/cites/0/regimes"]);
}

//! Reservations and eligibility where the conformance cases do not reach: the 1.0.0 flag read
//! by a protocol that knows regimes (a user-led reservation, so no one is excluded), a regime
//! not stated (a user-led reservation is never applied on a guess), a PCR 2015 reg 77
//! reservation (a test this engine does not hold: no one is excluded), a user-led reservation on
//! a grant (tested on the verdict), and counts larger than their whole refused with their code.

use serde_json::{json, Value};
use ulo_core::report::{BidStatus, FlagCode, ScoreResult, TestOutcome};
use ulo_core::Protocol;

/// The `mini` protocol; `regime_aware` adds one rule that lists regimes, which is what makes a
/// protocol regime-aware.
fn protocol(regime_aware: bool) -> Protocol {
    let mut p: Value =
        serde_json::from_str(include_str!("../../tests/shared/mini.json")).expect("mini protocol");
    if regime_aware {
        let barriers = p["barriers"].as_array_mut().expect("barriers");
        barriers.push(json!({
            "id": "reservation",
            "title": "A reservation the law allows",
            "scope": "tender",
            "require": {"fact": "reservation_lawful", "is": true},
            "finding": "The reservation has no basis in law.",
            "why": "Excluding suppliers needs a lawful ground.",
            "fix": "Use a lawful route.",
            "question": "Which route do you rely on?",
            "applies": [{"regimes": ["pa2023", "pa2023_light_touch", "pcr2015_light_touch", "grant"],
                         "standing": "law", "cites": [{"source": "PA23", "clause": "s.32"}]}]
        }));
    }
    Protocol::from_value(&p).expect("the protocol compiles")
}

fn tender(extra: Value) -> Value {
    let mut t = json!({
        "document": "tender", "id": "t", "title": "Peer support", "authority": "Test Council",
        "lots": [{"id": "lot-1", "title": "Whole service", "value": "100000", "months": 12}],
        "panel": [{"id": "e1", "name": "Officer One", "role": "officer"}]
    });
    for (k, v) in extra.as_object().expect("an object") {
        t[k] = v.clone();
    }
    t
}

/// Two bids: a is user-led (board 4 of 5), b is not (board 1 of 5).
fn bids(org_extra: Value) -> Value {
    let bid = |id: &str, users: i64, price: &str| {
        let mut org = json!({"name": format!("Bidder {id}"),
            "board": {"voting_members": 5, "disabled_or_service_users": users},
            "accountable_to_members": true});
        for (k, v) in org_extra.as_object().expect("an object") {
            org[k] = v.clone();
        }
        json!({"id": id, "lot": "lot-1", "organisation": org, "price": price,
               "gates": {"insured": "pass"},
               "scores": {"q1": {"e1": {"score": 3}}, "q2": {"e1": {"score": 2}}}})
    };
    json!({"document": "bids", "tender": "t",
           "bids": [bid("a", 4, "80000"), bid("b", 1, "90000")]})
}

fn score(p: &Protocol, t: Value, b: Value) -> ScoreResult {
    let t = p.tender(&t).expect("the tender reads");
    let b = p.bids(&t, &b).expect("the bids read");
    p.score(&t, &b).expect("the bids score")
}

fn statuses(r: &ScoreResult) -> Vec<BidStatus> {
    r.bids.iter().map(|b| b.status).collect()
}

fn codes(r: &ScoreResult, bid: usize) -> Vec<FlagCode> {
    r.bids[bid].flags.iter().map(|f| f.code).collect()
}

#[test]
fn the_old_flag_excludes_under_an_old_protocol_and_not_under_a_regime_aware_one() {
    let t = tender(json!({"reserved_for_user_led": true, "procurement": {"regime": "pa2023"}}));
    let old = score(&protocol(false), t.clone(), bids(json!({})));
    assert_eq!(statuses(&old), [BidStatus::Ranked, BidStatus::Excluded]);
    assert_eq!(codes(&old, 1), [FlagCode::Ineligible]);
    assert!(old.bids[1].reservation.is_none());

    let new = score(&protocol(true), t, bids(json!({})));
    assert_eq!(statuses(&new), [BidStatus::Ranked, BidStatus::Ranked]);
    assert_eq!(codes(&new, 1), [FlagCode::ReservationNotApplied]);
    let row = new.bids[1].reservation.as_ref().expect("a reservation row");
    assert_eq!(row.outcome, TestOutcome::NotApplicable);
}

#[test]
fn a_user_led_reservation_is_not_applied_when_the_regime_is_not_known() {
    let t = tender(json!({"reservation": {"basis": "user_led"}}));
    let r = score(&protocol(true), t, bids(json!({})));
    assert_eq!(statuses(&r), [BidStatus::Ranked, BidStatus::Ranked]);
    assert_eq!(codes(&r, 0), [FlagCode::ReservationNotApplied]);
}

#[test]
fn a_user_led_reservation_on_a_grant_is_tested_on_the_verdict() {
    let t =
        tender(json!({"procurement": {"regime": "grant"}, "reservation": {"basis": "user_led"}}));
    let r = score(&protocol(true), t, bids(json!({})));
    assert_eq!(statuses(&r), [BidStatus::Ranked, BidStatus::Excluded]);
    assert_eq!(codes(&r, 1), [FlagCode::Ineligible]);
}

#[test]
fn a_reg_77_reservation_excludes_no_one_because_its_test_is_not_held() {
    let t = tender(json!({"procurement": {"regime": "pcr2015_light_touch"},
                          "reservation": {"basis": "pcr_reg77"}}));
    let r = score(&protocol(true), t, bids(json!({})));
    assert_eq!(statuses(&r), [BidStatus::Ranked, BidStatus::Ranked]);
    let row = r.bids[0].reservation.as_ref().expect("a reservation row");
    assert!(
        row.reason.contains("does not hold the supplier test"),
        "{}",
        row.reason
    );
}

#[test]
fn a_supported_employment_reservation_under_pa_2023_is_tested() {
    let t = tender(json!({"procurement": {"regime": "pa2023"},
                          "reservation": {"basis": "supported_employment"}}));
    let fail = score(
        &protocol(false),
        t.clone(),
        bids(
            json!({"workforce": {"total": 10, "disabled_or_disadvantaged": 2},
                    "employment_purpose": true}),
        ),
    );
    assert_eq!(statuses(&fail), [BidStatus::Excluded, BidStatus::Excluded]);
    let pass = score(
        &protocol(false),
        t,
        bids(
            json!({"workforce": {"total": 10, "disabled_or_disadvantaged": 3},
                    "employment_purpose": true}),
        ),
    );
    assert_eq!(statuses(&pass), [BidStatus::Ranked, BidStatus::Ranked]);
}

#[test]
fn counts_larger_than_their_whole_are_refused() {
    let p = protocol(false);
    let t = p.tender(&tender(json!({}))).expect("the tender reads");
    for (extra, pointer) in [
        (
            json!({"volunteers": {"total": 3, "disabled": 4}}),
            "/bids/0/organisation/volunteers/disabled",
        ),
        (
            json!({"workforce": {"total": 3, "disabled_or_disadvantaged": 4}}),
            "/bids/0/organisation/workforce/disabled_or_disadvantaged",
        ),
    ] {
        let problems = p.bids(&t, &bids(extra)).expect_err("refused");
        let reports = problems.reports();
        assert!(
            reports
                .iter()
                .any(|r| r.code == "ulo::count-too-high" && r.pointer == pointer),
            "{reports:?}"
        );
    }
}

//! Each check that cross-checks values reports its own code, at the value at fault: one small
//! change to the shipped example for each.

use serde_json::{json, Value};
use ulo_core::{shipped, Problems, Protocol};

fn value(text: &str) -> Value {
    serde_json::from_str(text).expect("the shipped example is JSON")
}

/// The code and pointer of each problem.
fn found(problems: &Problems) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.code(), p.pointer.clone()))
        .collect()
}

fn protocol_problems(change: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut p = value(shipped::PROTOCOL);
    change(&mut p);
    found(&Protocol::from_value(&p).expect_err("the change makes the protocol invalid"))
}

fn expect(found: &[(String, String)], code: &str, pointer: &str) {
    assert!(
        found.iter().any(|(c, p)| c == code && p == pointer),
        "expected {code} at {pointer}, found {found:?}"
    );
}

#[test]
fn protocol_checks_have_their_own_codes() {
    let f = protocol_problems(|p| {
        p["award_model"]["criteria"][0]["method"] =
            json!({"type": "price", "formula": "lowest_price_ratio"});
    });
    expect(&f, "ulo::group-with-method", "/award_model/criteria/0");

    let f = protocol_problems(|p| {
        p["award_model"]["criteria"][0]["children"][0]["method"] =
            json!({"type": "price", "formula": "lowest_price_ratio"});
    });
    expect(
        &f,
        "ulo::price-formula-outside-price",
        "/award_model/criteria/0/children/0/method",
    );

    let f = protocol_problems(|p| {
        p["barriers"][0]["require"] = json!({"fact": "lot_count", "at_least": "2", "at_most": "9"});
    });
    expect(&f, "ulo::not-one-comparison", "/barriers/0/require");

    let f = protocol_problems(|p| {
        p["barriers"][0]["require"] = json!({"fact": "lot_value", "at_most": "100000"});
    });
    expect(
        &f,
        "ulo::lot-fact-in-tender-rule",
        "/barriers/0/require/fact",
    );
}

fn bids_problems(change: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let protocol = Protocol::shipped();
    let tender = protocol
        .tender_from_json(shipped::EXAMPLE_TENDER)
        .expect("the shipped tender is valid");
    let mut b = value(shipped::EXAMPLE_BIDS);
    change(&mut b);
    found(
        &protocol
            .bids(&tender, &b)
            .expect_err("the change makes the bids invalid"),
    )
}

#[test]
fn bids_checks_have_their_own_codes() {
    let f = bids_problems(|b| b["tender"] = json!("another-tender"));
    expect(&f, "ulo::wrong-tender", "/tender");

    let f = bids_problems(|b| {
        b["bids"][0]["organisation"]["board"]["disabled_or_service_users"] = json!(13);
    });
    expect(
        &f,
        "ulo::board-count-too-high",
        "/bids/0/organisation/board/disabled_or_service_users",
    );

    let f = bids_problems(|b| b["bids"][0]["organisation"]["staff"]["disabled"] = json!(23));
    expect(
        &f,
        "ulo::staff-count-too-high",
        "/bids/0/organisation/staff/disabled",
    );

    let f = bids_problems(|b| b["bids"][0]["facts"]["board_user_share_percent"] = json!("90"));
    expect(
        &f,
        "ulo::built-in-fact-given",
        "/bids/0/facts/board_user_share_percent",
    );

    let f = bids_problems(|b| b["bids"][0]["scores"]["quality"] = json!({}));
    expect(&f, "ulo::not-panel-scored", "/bids/0/scores/quality");
}

#[test]
fn a_self_check_expectation_needs_a_score_or_a_range() {
    let protocol = Protocol::shipped();
    let tender = protocol
        .tender_from_json(shipped::EXAMPLE_TENDER)
        .expect("the shipped tender is valid");
    let mut d = value(shipped::EXAMPLE_SELF_CHECK);
    d["expected"]["q-outcomes"] = json!({});
    let f = found(&protocol.draft(&tender, &d).expect_err("invalid"));
    expect(&f, "ulo::missing-field-set", "/expected/q-outcomes");
}

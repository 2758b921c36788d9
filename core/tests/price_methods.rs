//! Price methods (issue 15): a basket of rates scored and self-checked from the shipped protocol
//! and worked example, the basket facts the barrier rules read, and a lot's own price formula
//! accepted only where the protocol allows it. The hand-worked figures are in the conformance
//! cases 400-405; these tests hold what the cases do not reach (the self-check, the facts, the
//! shipped protocol).

use serde_json::{json, Value};
use ulo_core::facts::{FactValue, TenderFact};
use ulo_core::{shipped, Exact, Protocol};

/// The worked example with a basket of rates on lot-1: day support (10,400 hours, ceiling 24.00)
/// and sleep-ins (365 nights, ceiling 100.00).
fn basket_tender() -> Value {
    let mut t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).expect("example tender");
    t["lots"][0]["rates"] = json!([
        {"id": "day", "title": "Day support, per hour", "kind": "day", "unit": "hour", "volume": "10400", "ceiling": "24.00"},
        {"id": "sleep", "title": "Sleep-in, per night", "kind": "sleep_in", "unit": "night", "volume": "365", "ceiling": "100.00"}
    ]);
    t
}

/// The example's lot-1 bids, priced by rates instead of a price.
fn basket_bids(rates: &[(&str, &str)]) -> Value {
    let mut b: Value = serde_json::from_str(shipped::EXAMPLE_BIDS).expect("example bids");
    let all = b["bids"].as_array().expect("bids").clone();
    let lot1: Vec<Value> = all
        .into_iter()
        .filter(|x| x["lot"] == "lot-1")
        .zip(rates)
        .map(|(mut x, (day, sleep))| {
            x.as_object_mut().expect("bid").remove("price");
            x["rates"] = json!({"day": day, "sleep": sleep});
            x
        })
        .collect();
    b["bids"] = Value::Array(lot1);
    b
}

#[test]
fn a_basket_is_each_rate_times_its_volume_and_is_the_price() {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(&basket_tender().to_string())
        .expect("tender");
    let bids = basket_bids(&[("19.50", "85.00"), ("21.00", "90.00")]);
    let checked = p.bids_from_json(&t, &bids.to_string()).expect("bids");
    let r = serde_json::to_value(p.score(&t, &checked).expect("scores")).expect("JSON");
    let first = &r["bids"][0];
    // 19.50 x 10,400 + 85 x 365 = 202,800 + 31,025; 21 x 10,400 + 90 x 365 = 218,400 + 32,850.
    let prices: Vec<&str> = r["bids"]
        .as_array()
        .expect("bids")
        .iter()
        .map(|b| b["price"].as_str().expect("price"))
        .collect();
    let mut sorted = prices.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["233825.00", "251250.00"], "{prices:?}");
    assert_eq!(first["basket"]["rule"], "award.price.basket");
    assert_eq!(first["basket"]["inputs"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["lots"][0]["lowest_price"], "233825.00");
}

#[test]
fn a_price_given_must_equal_the_basket_and_every_rate_is_needed() {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(&basket_tender().to_string())
        .expect("tender");
    let mut bids = basket_bids(&[("19.50", "85.00"), ("21.00", "90.00")]);
    bids["bids"][0]["price"] = json!("233825");
    p.bids_from_json(&t, &bids.to_string())
        .expect("a price equal to the basket is accepted");
    bids["bids"][0]["price"] = json!("233825.01");
    bids["bids"][1]["rates"] = json!({"day": "21.00"});
    let e = p
        .bids_from_json(&t, &bids.to_string())
        .expect_err("refused");
    let codes: Vec<(&str, &str)> =
        e.0.iter()
            .map(|x| (x.kind.code(), x.pointer.as_str()))
            .collect();
    assert!(
        codes.contains(&("price-not-basket", "/bids/0/price")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("rate-missing", "/bids/1/rates")),
        "{codes:?}"
    );
}

#[test]
fn a_self_check_shows_the_basket_the_formulas_and_a_rate_over_its_ceiling() {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(&basket_tender().to_string())
        .expect("tender");
    let mut d: Value = serde_json::from_str(shipped::EXAMPLE_SELF_CHECK).expect("draft");
    d["lot"] = json!("lot-1");
    d.as_object_mut().expect("draft").remove("price");
    d["rates"] = json!({"day": "25.00", "sleep": "85.00"});
    let draft = p
        .checked_draft_from_json(&t, &d.to_string())
        .expect("draft");
    let r = serde_json::to_value(p.self_check(&t, &draft).expect("self-check")).expect("JSON");
    // 25 x 10,400 + 85 x 365 = 260,000 + 31,025.
    assert_eq!(r["price"], "291025.00");
    assert_eq!(r["basket"]["result"], "291025.00");
    let codes: Vec<&str> = r["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"rate_over_ceiling"), "{codes:?}");
    let under = r["price_under"].as_array().expect("price_under");
    assert_eq!(under[0]["formula"], "lowest_price_ratio");
    assert_eq!(under[0]["published"], true);
}

#[test]
fn the_basket_facts_read_overnight_support_at_the_ceilings() {
    let p = Protocol::shipped();
    let t = p
        .tender_from_json(&basket_tender().to_string())
        .expect("tender");
    let lot = t.lot("lot-1").expect("lot-1");
    // At the ceilings: day 24 x 10,400 = 249,600; sleep-in 100 x 365 = 36,500; overnight share
    // 36,500 / 286,100 x 100.
    let want = Exact::int(3_650_000)
        .div(Exact::int(286_100))
        .expect("a share");
    assert_eq!(
        ulo_core::tender::facts::value(&t, Some(lot), TenderFact::LotOvernightSharePercent),
        FactValue::Number(want)
    );
    assert_eq!(
        ulo_core::tender::facts::value(&t, Some(lot), TenderFact::LotRateCount),
        FactValue::Number(Exact::int(2))
    );
    // A lot priced as a whole has no rates, and no overnight share to state.
    let lot2 = t.lot("lot-2").expect("lot-2");
    assert_eq!(
        ulo_core::tender::facts::value(&t, Some(lot2), TenderFact::LotOvernightSharePercent),
        FactValue::Unknown
    );
    // A rate with no ceiling leaves the share unknown, never guessed.
    let mut tv = basket_tender();
    tv["lots"][0]["rates"][1]
        .as_object_mut()
        .expect("rate")
        .remove("ceiling");
    let t = p.tender_from_json(&tv.to_string()).expect("tender");
    assert_eq!(
        ulo_core::tender::facts::value(&t, t.lot("lot-1"), TenderFact::LotOvernightSharePercent),
        FactValue::Unknown
    );
}

#[test]
fn a_lot_may_choose_only_a_formula_the_protocol_allows() {
    let mut proto: Value = serde_json::from_str(shipped::PROTOCOL).expect("protocol");
    let mut t = basket_tender();
    t["lots"][0]["evaluation"] = json!({"model": "weighted", "price_formula": "benchmark"});
    t["lots"][0]["price_benchmark"] = json!({
        "price": "300000", "marks_at_benchmark_percent": "50",
        "gain_per_percent_below": "1", "loss_per_percent_above": "2"
    });
    let shipped = Protocol::from_json(&proto.to_string()).expect("protocol");
    let e = shipped
        .tender_from_json(&t.to_string())
        .expect_err("not allowed by the shipped protocol");
    assert_eq!(e.0[0].kind.code(), "price-formula-not-allowed");
    proto["award_model"]["price_formulas_allowed"] = json!(["benchmark"]);
    let allowing = Protocol::from_json(&proto.to_string()).expect("protocol");
    let tender = allowing
        .tender_from_json(&t.to_string())
        .expect("allowed now");
    let bids = basket_bids(&[("19.50", "85.00"), ("21.00", "90.00")]);
    let checked = allowing
        .bids_from_json(&tender, &bids.to_string())
        .expect("bids");
    let r = serde_json::to_value(allowing.score(&tender, &checked).expect("scores")).expect("JSON");
    let rules: Vec<&str> = r["bids"][0]["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .filter_map(|c| c["trace"]["rule"].as_str())
        .filter(|r| r.starts_with("award.price."))
        .collect();
    assert_eq!(rules, ["award.price.benchmark"]);
}

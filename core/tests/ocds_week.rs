//! The OCDS import on what a commissioner's real week turned up (issue 16, item 18): real
//! releases from `tests/ocds`, each changed in one place to the shape met in notices the import
//! had not seen, so each test names the one thing it is about.

use serde_json::{json, Value};
use ulo_core::ocds::{import, Import, MAX_LOTS, PLACEHOLDER_BELOW};
use ulo_core::Protocol;

const DUDLEY: &str =
    include_str!("../../tests/ocds/cf-2025-tender-domestic-abuse-support-adults.json");
const GLASGOW: &str =
    include_str!("../../tests/ocds/pcs-tender-glasgow-residential-recovery-services.json");
const IDVA: &str = include_str!("../../tests/ocds/cf-2025-award-domestic-abuse-IDVA-advocacy.json");
const HYWEL: &str =
    include_str!("../../tests/ocds/s2w-tender-hywel-dda-adult-mental-health-services.json");
const NORTH_AYRSHIRE: &str = include_str!(
    "../../tests/ocds/pcs-tender-north-ayrshire-early-prevention-support-service.json"
);

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn imported(input: &Value) -> Import {
    import(&Protocol::shipped(), input).expect("the release imports")
}

fn not_used<'a>(i: &'a Import, from: &str) -> &'a str {
    i.not_mapped
        .iter()
        .find(|n| n.from == from)
        .map(|n| n.reason.as_str())
        .unwrap_or_else(|| panic!("{from} is not reported as not used: {:#?}", i.not_mapped))
}

fn to_supply<'a>(i: &'a Import, field: &str) -> &'a ulo_core::ocds::ToSupply {
    i.to_supply
        .iter()
        .find(|s| s.field == field)
        .unwrap_or_else(|| panic!("{field} is not asked for: {:#?}", i.to_supply))
}

/// A value of 0.01 is a placeholder the portal made the buyer type: it is not carried into the
/// lot (where the lot-size rule would pass a one-penny lot) nor into the regime's value.
#[test]
fn a_placeholder_value_is_taken_as_not_given() {
    for tiny in [json!(0.01), json!(1), json!(999.99)] {
        let mut input = value(DUDLEY);
        input["releases"][0]["tender"]["value"]["amount"] = tiny.clone();
        let i = imported(&input);
        assert!(i.tender["lots"][0].get("value").is_none(), "{tiny}");
        assert!(i.tender["procurement"].get("value_including_vat").is_none());
        let why = not_used(&i, "/releases/0/tender/value");
        assert!(why.contains("placeholder"), "{why}");
        let ask = to_supply(&i, "/lots/0/value");
        assert!(
            ask.required && ask.reason.contains("placeholder"),
            "{}",
            ask.reason
        );
        assert!(
            !i.complete,
            "a draft without the lot's value cannot be checked"
        );
    }
    // At the line, a value is a value.
    let mut input = value(DUDLEY);
    input["releases"][0]["tender"]["value"]["amount"] = json!(PLACEHOLDER_BELOW);
    assert_eq!(imported(&input).tender["lots"][0]["value"], "1000");
}

/// A contract period that the description says includes extensions is not the initial term:
/// the months are not carried over, and the commissioner is asked for the initial term.
#[test]
fn a_contract_period_with_extensions_asks_for_the_initial_term() {
    // "a 2 years term with a potential extension of up to 12 months", over a 36-month period.
    let i = imported(&value(IDVA));
    assert!(i.tender["lots"][0].get("months").is_none());
    let ask = to_supply(&i, "/lots/0/months");
    assert!(ask.required);
    assert!(
        ask.reason.contains("36 months")
            && ask
                .reason
                .contains("potential extension of up to 12 months")
            && ask.reason.contains("initial term"),
        "{}",
        ask.reason
    );
    let why = not_used(&i, "/releases/0/tender/contractPeriod/startDate");
    assert!(why.contains("extensions"), "{why}");
    // The lot's renewal text counts too: 36 months of "twelve months ... may be extended for up
    // to two (2) periods of twelve (12) months".
    let i = imported(&value(NORTH_AYRSHIRE));
    assert!(i.tender["lots"][0].get("months").is_none());
    assert!(to_supply(&i, "/lots/0/months")
        .reason
        .contains("may be extended"));
    // Without the words, the period is the term.
    let mut input = value(IDVA);
    input["releases"][0]["tender"]["description"] = json!("A domestic abuse advocacy service.");
    let i = imported(&input);
    assert_eq!(i.tender["lots"][0]["months"], 36);
}

/// An e-tendering portal named as the buyer is not the contracting authority.
#[test]
fn an_e_tendering_portal_is_not_the_authority() {
    let mut input = value(DUDLEY);
    let r = &mut input["releases"][0];
    r["buyer"]["name"] = json!("EU SUPPLY LIMITED");
    r["parties"] = json!([
        {"id": "p1", "name": "EU Supply Limited", "roles": ["buyer"]},
        {"id": "p2", "name": "Dudley Metropolitan Borough Council", "roles": ["buyer"]}
    ]);
    let i = imported(&input);
    assert_eq!(i.tender["authority"], "Dudley Metropolitan Borough Council");
    let why = not_used(&i, "/releases/0/buyer/name");
    assert!(why.contains("e-tendering portal"), "{why}");
    // With no other name, the authority is asked for, not filled with the portal's.
    let mut input = value(DUDLEY);
    input["releases"][0]["buyer"]["name"] = json!("Delta eSourcing");
    input["releases"][0]["parties"][0]["name"] = json!("Delta eSourcing");
    let i = imported(&input);
    assert!(i.tender.get("authority").is_none());
    assert!(to_supply(&i, "/authority").required);
}

/// Public Contracts Scotland and Sell2Wales date a tender notice by the release's date.
#[test]
fn scottish_and_welsh_releases_are_published_on_their_release_date() {
    for (text, date, name) in [
        (HYWEL, "2025-02-12", "Sell2Wales"),
        (GLASGOW, "2019-04-15", "Public Contracts Scotland"),
    ] {
        let i = imported(&value(text));
        assert_eq!(i.tender["published"], date);
        let m = i.mapped.iter().find(|m| m.to == "/published").unwrap();
        assert_eq!(m.from, "/date");
        assert!(
            m.note.as_deref().unwrap_or("").contains(name),
            "{:?}",
            m.note
        );
    }
    // A release of theirs that is not a tender notice is dated by its own event, not the
    // tender's publication.
    let mut input = value(HYWEL);
    input["tag"] = json!(["award"]);
    let i = imported(&input);
    assert!(i.tender.get("published").is_none());
    not_used(&i, "/date");
}

/// A notice dated on or after its own deadline (an award notice) gives no response window.
#[test]
fn a_notice_published_after_its_deadline_has_no_window() {
    let mut input = value(DUDLEY);
    input["releases"][0]["tender"]["datePublished"] = json!("2025-03-01T09:00:00Z");
    let i = imported(&input);
    assert!(i.tender.get("published").is_none(), "{}", i.tender);
    let why = not_used(&i, "/releases/0/tender/datePublished");
    assert!(
        why.contains("not before the response deadline") && why.contains("unknown"),
        "{why}"
    );
    assert!(!to_supply(&i, "/published").facts.is_empty());
    // The same day as the deadline is a window of 0 days: not the tender's date either.
    input["releases"][0]["tender"]["datePublished"] = json!("2025-02-14T09:00:00Z");
    assert!(imported(&input).tender.get("published").is_none());
}

/// Lots whose values add up to more than the tender's total are flagged.
#[test]
fn lots_worth_more_than_the_total_are_flagged() {
    let mut input = value(GLASGOW);
    input["tender"]["value"]["amount"] = json!(7000000);
    let i = imported(&input);
    let why = not_used(&i, "/tender/value");
    assert!(
        why.contains(
            "add up to GBP 7,500,000, more than the tender's total value of GBP 7,000,000"
        ),
        "{why}"
    );
    let lot_value = i.mapped.iter().find(|m| m.to == "/lots/0/value").unwrap();
    assert!(lot_value
        .note
        .as_deref()
        .unwrap_or("")
        .contains("add up to"));
    // As published (2,500,000 + 5,000,000 = 7,500,000), nothing is flagged.
    let i = imported(&value(GLASGOW));
    assert!(!not_used(&i, "/tender/value").contains("add up to"));
}

/// An 83-lot notice is told the real blocker: a ulo tender holds at most 50 lots.
#[test]
fn too_many_lots_is_the_blocker_not_the_values() {
    let schema: Value =
        serde_json::from_str(include_str!("../../schemas/tender.schema.json")).unwrap();
    assert_eq!(
        schema["properties"]["lots"]["maxItems"].as_u64(),
        Some(MAX_LOTS as u64),
        "MAX_LOTS is the schema's limit"
    );
    let mut input = value(GLASGOW);
    let lot = input["tender"]["lots"][0].clone();
    let lots: Vec<Value> = (1..=83)
        .map(|k| {
            let mut l = lot.clone();
            l["id"] = json!(k.to_string());
            l.as_object_mut().unwrap().remove("value");
            l
        })
        .collect();
    input["tender"]["lots"] = json!(lots);
    let i = imported(&input);
    let first = &i.to_supply[0];
    assert_eq!(first.field, "/lots");
    assert!(first.required);
    assert!(
        first.reason.contains("83 lots") && first.reason.contains("at most 50"),
        "{}",
        first.reason
    );
    assert!(
        !i.to_supply.iter().any(|s| s.field.starts_with("/lots/")),
        "no list of values for lots that cannot be one tender"
    );
}

/// Weights given out of 1,000 (or 10) are read as shares of that total.
#[test]
fn weights_out_of_a_thousand_are_shares() {
    let mut input = value(GLASGOW);
    for lot in input["tender"]["lots"].as_array_mut().unwrap() {
        lot["awardCriteria"]["criteria"][0]["description"] = json!("700");
        lot["awardCriteria"]["criteria"][1]["description"] = json!("300");
    }
    let i = imported(&input);
    let weights: Vec<_> = i
        .award_criteria
        .iter()
        .map(|c| c.weight_percent.as_deref())
        .collect();
    assert_eq!(weights, [Some("70"), Some("30"), Some("70"), Some("30")]);
    assert!(
        !i.not_mapped
            .iter()
            .any(|n| n.reason.contains("without a weight")),
        "{:#?}",
        i.not_mapped
    );
    // Out of 10 too; a total that is no common one (900) is a partial list, not shares.
    for (q, p, ok) in [("7", "3", true), ("600", "300", false)] {
        let mut input = value(GLASGOW);
        for lot in input["tender"]["lots"].as_array_mut().unwrap() {
            lot["awardCriteria"]["criteria"][0]["description"] = json!(q);
            lot["awardCriteria"]["criteria"][1]["description"] = json!(p);
        }
        let i = imported(&input);
        let first = i.award_criteria[0].weight_percent.as_deref();
        if ok {
            assert_eq!(first, Some("70"));
        } else {
            assert_eq!(first, Some("600"));
            assert!(i
                .not_mapped
                .iter()
                .any(|n| n.reason.contains("add up to 900")));
        }
    }
}

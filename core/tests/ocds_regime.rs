//! OCDS in feeds the regime: the import fills the tender's `procurement` block (nation, start,
//! CPV codes, value including VAT, a regime the legal basis names outright) from what the
//! notice says plainly, traces each value to its OCDS field, and says why when it leaves one
//! out; a regime-aware protocol then decides which law applies from the imported facts.
//!
//! Real releases from `tests/ocds/` (Public Contracts Scotland, Contracts Finder); where a case
//! needs a fact no real file has (a procurement begun after 24 February 2025 in England), the
//! change to the real file, or the synthetic release, is said at the test.

use serde_json::{json, Value};
use ulo_core::ocds::{import, Import};
use ulo_core::regime::{Decided, Decision, Nation, Regime};
use ulo_core::report::TenderCheck;
use ulo_core::Protocol;

const GLASGOW: &str =
    include_str!("../../tests/ocds/pcs-tender-glasgow-residential-recovery-services.json");
const LUTON: &str =
    include_str!("../../tests/ocds/cf-2025-tender-children-looked-after-AT1299.json");
const IDVA: &str = include_str!("../../tests/ocds/cf-2025-award-domestic-abuse-IDVA-advocacy.json");

/// A small regime-aware protocol: one lot rule (yearly lot value at most GBP 500,000), the
/// protocol's own policy under every regime it lists, so the test cites no law of its own; the
/// law cited is the regime decision's (`core/src/regime/law.rs`).
fn protocol() -> Protocol {
    let mut p: Value =
        serde_json::from_str(include_str!("../../tests/shared/mini.json")).expect("mini protocol");
    // The mini protocol's sources already include LOCAL, its own settings.
    p["barriers"] = json!([{
        "id": "lot-size",
        "title": "Lots small enough for local organisations",
        "scope": "lot",
        "require": {"fact": "lot_annual_value", "at_most": "500000"},
        "finding": "A lot is large.",
        "why": "Large lots shut out small organisations.",
        "fix": "Split it.",
        "question": "Could it be split?",
        "applies": [
            {"regimes": ["pa2023", "pa2023_light_touch", "pcr2015", "pcr2015_light_touch",
                         "scotland", "scotland_light_touch"],
             "standing": "policy",
             "cites": [{"source": "LOCAL", "clause": "lot size"}]}
        ]
    }]);
    Protocol::from_value(&p).expect("the protocol compiles")
}

fn imported(p: &Protocol, input: &Value) -> Import {
    import(p, input).expect("the release imports")
}

fn mapped<'a>(i: &'a Import, to: &str) -> Option<&'a ulo_core::ocds::Mapped> {
    i.mapped.iter().find(|m| m.to == to)
}

/// What the import reports as present but not used, at an OCDS pointer.
fn not_used<'a>(i: &'a Import, from: &str) -> &'a ulo_core::ocds::NotMapped {
    i.not_mapped
        .iter()
        .find(|n| n.from == from)
        .unwrap_or_else(|| panic!("{from} is not reported as not used"))
}

/// The draft with each lot's initial term supplied where the import asks for it, as the
/// commissioner would: Glasgow's notice says the contract "will run for 3 years, with an option
/// to extend", so its contract period is not taken as the initial term (issue 16, item 18).
fn initial_term(mut i: Import, months: i64) -> Import {
    for lot in i.tender["lots"].as_array_mut().into_iter().flatten() {
        if lot.get("months").is_none() {
            lot["months"] = json!(months);
        }
    }
    i
}

fn check(p: &Protocol, i: &Import) -> TenderCheck {
    let t = p.tender(&i.tender).expect("the draft reads");
    p.check_tender(&t)
}

fn decision(c: &TenderCheck) -> &Decision {
    c.regime
        .as_ref()
        .expect("a regime-aware protocol shows the regime")
}

fn cited(d: &Decision) -> Vec<(String, String)> {
    d.steps
        .iter()
        .flat_map(|s| s.cites.iter().map(|c| (c.source.clone(), c.clause.clone())))
        .collect()
}

#[test]
fn a_public_contracts_scotland_release_is_scottish() {
    let p = protocol();
    let input: Value = serde_json::from_str(GLASGOW).unwrap();
    let i = initial_term(imported(&p, &input), 36);
    let block = &i.tender["procurement"];
    assert_eq!(block["nation"], "scotland");
    assert_eq!(block["cpv"], json!(["85000000"]));
    assert_eq!(block["value_including_vat"], "7500000");
    // The tender period gives no start: the release's date stands for it, and the report says so.
    assert_eq!(block["started"], "2019-04-15");
    let started = mapped(&i, "/procurement/started").unwrap();
    assert_eq!(started.from, "/date");
    assert!(
        started
            .note
            .as_deref()
            .unwrap()
            .contains("the release's date"),
        "{:?}",
        started.note
    );
    let nation = mapped(&i, "/procurement/nation").unwrap();
    assert_eq!(nation.from, "/ocid");
    let note = nation.note.as_deref().unwrap();
    assert!(
        note.contains("Public Contracts Scotland")
            && note.contains("UKM82")
            && note.contains("G2 1DU"),
        "{note}"
    );
    let value = mapped(&i, "/procurement/value_including_vat").unwrap();
    assert_eq!(value.from, "/tender/value/amount");
    assert!(value
        .note
        .as_deref()
        .unwrap()
        .contains("does not say whether this includes VAT"));
    // The legal basis (Directive 2014/24/EU) does not settle a regime, and the report says why.
    let basis = not_used(&i, "/tender/legalBasis");
    assert!(
        basis.reason.contains("Directive 2014/24/EU"),
        "{}",
        basis.reason
    );
    assert!(block.get("regime").is_none());
    // As published (2019): that period's Scottish light-touch threshold was GBP 615,278 net of
    // VAT; GBP 7,500,000 reaches it whatever VAT it includes, so the release is Scottish
    // light-touch, with Scottish law cited and never the Procurement Act 2023's thresholds.
    let c = check(&p, &i);
    let d = decision(&c);
    assert_eq!(d.jurisdiction, Some(Nation::Scotland));
    assert_eq!(d.regime, Some(Regime::ScotlandLightTouch));
    assert!(
        d.steps
            .iter()
            .any(|s| s.text.contains("615,278 (net of VAT)")),
        "{:?}",
        d.steps
    );
    assert!(d.steps[0].text.contains("not the Procurement Act 2023"));
    let cites = cited(d);
    assert!(
        cites.contains(&("PRSA14".into(), "s.1".into()))
            && cites.contains(&("PCSR15".into(), "reg 5".into())),
        "{cites:?}"
    );
    assert!(
        !cites.iter().any(|(s, _)| s == "PR24" || s == "PATA25"),
        "{cites:?}"
    );
}

#[test]
fn a_scottish_release_begun_in_2025_is_scottish_light_touch_with_scottish_law() {
    // The real Glasgow release with one change: its date moved to 2 June 2025, a period whose
    // Scottish thresholds the engine holds.
    let p = protocol();
    let mut input: Value = serde_json::from_str(GLASGOW).unwrap();
    input["date"] = json!("2025-06-02T00:00:00Z");
    input["tender"]["tenderPeriod"]["endDate"] = json!("2025-07-14T12:00:00Z");
    let i = imported(&p, &input);
    let asked: Vec<&str> = i
        .to_supply
        .iter()
        .filter(|s| s.required)
        .map(|s| s.field.as_str())
        .collect();
    assert_eq!(
        asked,
        ["/lots/0/months", "/lots/1/months"],
        "{:?}",
        i.problems
    );
    let i = initial_term(i, 36);
    assert_eq!(i.tender["procurement"]["started"], "2025-06-02");
    let c = check(&p, &i);
    let d = decision(&c);
    assert_eq!(d.regime, Some(Regime::ScotlandLightTouch));
    assert_eq!(d.decided, Decided::Derived);
    assert_eq!(d.jurisdiction, Some(Nation::Scotland));
    assert!(
        d.reason.contains("CPV 85000000") && d.reason.contains("GBP 7,500,000 >= GBP 663,540"),
        "{}",
        d.reason
    );
    let cites = cited(d);
    assert!(
        cites.contains(&("PCSR15".into(), "Sch 3".into()))
            && cites.contains(&("PCSR15".into(), "reg 5".into())),
        "{cites:?}"
    );
    // PA 2023 is cited only to say it does not apply (s.2(5)); no PA 2023 threshold or list.
    assert!(
        !cites.iter().any(|(s, _)| s == "PR24" || s == "PATA25"),
        "{cites:?}"
    );
    // The rule holds under the Scottish regime as the protocol's policy.
    let f = c.findings.iter().find(|f| f.rule == "lot-size").unwrap();
    assert!(f.cites.iter().all(|c| c.source == "LOCAL"), "{:?}", f.cites);
}

#[test]
fn an_english_release_begun_before_24_february_2025_is_pcr_light_touch() {
    // Luton (Contracts Finder): England from the address, the tender notice published on
    // 2025-01-16, CPV 85300000, GBP 118,000,000: the PCR 2015 light-touch regime.
    let p = protocol();
    let input: Value = serde_json::from_str(LUTON).unwrap();
    let i = imported(&p, &input);
    let block = &i.tender["procurement"];
    assert_eq!(block["nation"], "england");
    assert_eq!(block["started"], "2025-01-16");
    assert_eq!(
        mapped(&i, "/procurement/started").unwrap().from,
        "/releases/0/tender/datePublished"
    );
    let c = check(&p, &i);
    let d = decision(&c);
    assert_eq!(d.regime, Some(Regime::Pcr2015LightTouch), "{}", d.reason);
    assert!(d.reason.contains("CPV 85300000"), "{}", d.reason);
}

/// A release in Find a Tender's shape. SYNTHETIC: written for this test (no genuine Find a
/// Tender release was available); the figures and the buyer are made up.
fn synthetic_english(classification: Option<Value>) -> Value {
    let mut tender = json!({
        "id": "synthetic-care-1",
        "title": "Synthetic supported living service",
        "description": "A made-up tender for testing the regime import.",
        "value": {"amount": 875000, "amountGross": 1050000, "currency": "GBP"},
        "tenderPeriod": {"startDate": "2026-04-20T09:00:00+01:00", "endDate": "2026-06-01T12:00:00+01:00"},
        "contractPeriod": {"durationInMonths": 36},
        "legalBasis": {"scheme": "UKPGA", "id": "2023/54"}
    });
    if let Some(c) = classification {
        tender["classification"] = c;
    }
    json!({
        "uri": "https://example.invalid/synthetic-package",
        "version": "1.1",
        "publisher": {"name": "Synthetic test publisher"},
        "releases": [{
            "ocid": "ocds-h6vhtk-000001",
            "id": "synthetic-2",
            "date": "2026-04-20T09:00:00Z",
            "tag": ["tender"],
            "buyer": {"id": "GB-PPON-SYNTH", "name": "Synthetic Borough Council"},
            "parties": [{
                "id": "GB-PPON-SYNTH",
                "name": "Synthetic Borough Council",
                "roles": ["buyer"],
                "address": {"locality": "Luton", "postalCode": "LU1 2BQ", "countryName": "United Kingdom"}
            }],
            "tender": tender
        }]
    })
}

#[test]
fn an_english_light_touch_release_derives_pa2023_light_touch() {
    let p = protocol();
    let input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000-9"})));
    let i = imported(&p, &input);
    let block = &i.tender["procurement"];
    assert_eq!(block["nation"], "england");
    assert_eq!(block["cpv"], json!(["85312000"]));
    assert_eq!(block["started"], "2026-04-20");
    // The gross amount is the value including VAT, preferred over the net amount.
    assert_eq!(block["value_including_vat"], "1050000");
    let value = mapped(&i, "/procurement/value_including_vat").unwrap();
    assert_eq!(value.from, "/releases/0/tender/value/amountGross");
    let code = mapped(&i, "/procurement/cpv/0").unwrap();
    assert_eq!(code.from, "/releases/0/tender/classification/id");
    assert!(code.note.as_deref().unwrap().contains("written 85312000-9"));
    // PA 2023 named as the legal basis does not say which of its regimes: reported, not stated.
    let basis = not_used(&i, "/releases/0/tender/legalBasis");
    assert!(
        basis.reason.contains("Procurement Act 2023"),
        "{}",
        basis.reason
    );
    let c = check(&p, &i);
    let d = decision(&c);
    assert_eq!(d.regime, Some(Regime::Pa2023LightTouch), "{}", d.reason);
    assert!(
        d.reason.contains("CPV 85312000 is a light-touch service")
            && d.reason.contains("GBP 1,050,000 >= GBP 663,540"),
        "{}",
        d.reason
    );
}

#[test]
fn without_cpv_codes_the_regime_is_not_stated_and_the_import_says_why() {
    let p = protocol();
    let i = imported(&p, &synthetic_english(None));
    assert!(i.tender["procurement"].get("cpv").is_none());
    let gap = i
        .to_supply
        .iter()
        .find(|s| s.field == "/procurement/cpv")
        .expect("the missing CPV codes are listed to supply");
    assert!(gap.reason.contains("no CPV code"), "{}", gap.reason);
    let c = check(&p, &i);
    let d = decision(&c);
    assert_eq!(d.decided, Decided::NotStated);
    assert_eq!(d.regime, None);
    assert!(d.reason.contains("CPV codes"), "{}", d.reason);
}

#[test]
fn a_find_a_tender_net_amount_is_not_taken_as_including_vat() {
    let p = protocol();
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000"})));
    input["releases"][0]["tender"]["value"] = json!({"amount": 875000, "currency": "GBP"});
    let i = imported(&p, &input);
    assert!(i.tender["procurement"].get("value_including_vat").is_none());
    let n = not_used(&i, "/releases/0/tender/value/amount");
    assert!(n.reason.contains("excluding VAT"), "{}", n.reason);
    assert!(i
        .to_supply
        .iter()
        .any(|s| s.field == "/procurement/value_including_vat"));
}

#[test]
fn a_nation_is_never_guessed() {
    let p = protocol();
    // A UK-wide address: no nation, and the report says why at the address.
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000"})));
    input["releases"][0]["parties"][0]["address"] =
        json!({"locality": "Somewhere", "postalCode": "SY1 1AA", "countryName": "United Kingdom"});
    let i = imported(&p, &input);
    assert!(i.tender["procurement"].get("nation").is_none());
    let n = not_used(&i, "/releases/0/parties/0/address");
    assert!(
        n.reason.contains("cannot be told") && n.reason.contains("SY1 1AA"),
        "{}",
        n.reason
    );
    // Sources that disagree: left out, both named.
    let mut input: Value = serde_json::from_str(GLASGOW).unwrap();
    input["parties"][0]["address"]["postalCode"] = json!("LU1 2BQ");
    let i = imported(&p, &input);
    assert!(i.tender["procurement"].get("nation").is_none());
    let n = not_used(&i, "/parties/0/address");
    assert!(n.reason.contains("more than one nation"), "{}", n.reason);
    // An office in Scotland under the Procurement Act 2023 is a reserved body's, or mislabelled:
    // the Act does not govern devolved Scottish authorities, so the nation is left out.
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000"})));
    input["releases"][0]["parties"][0]["address"] = json!({"postalCode": "EH1 1YZ"});
    let i = imported(&p, &input);
    assert!(i.tender["procurement"].get("nation").is_none());
    let n = not_used(&i, "/releases/0/tender/legalBasis");
    assert!(n.reason.contains("reserved body"), "{}", n.reason);
    // Without that legal basis, the address gives Scotland, with a caution.
    input["releases"][0]["tender"]
        .as_object_mut()
        .unwrap()
        .remove("legalBasis");
    let i = imported(&p, &input);
    assert_eq!(i.tender["procurement"]["nation"], "scotland");
    let note = mapped(&i, "/procurement/nation")
        .unwrap()
        .note
        .clone()
        .unwrap();
    assert!(note.contains("reserved UK body"), "{note}");
    // Find a Tender's devolved-regulations classification names the nation.
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000"})));
    input["releases"][0]["parties"][0]["address"] = json!({"postalCode": "EH1 1YZ"});
    input["releases"][0]["parties"][0]["details"] =
        json!({"classifications": [{"scheme": "UK_CA_DEVOLVED_REGULATIONS", "id": "GB-SCT"}]});
    input["releases"][0]["tender"]
        .as_object_mut()
        .unwrap()
        .remove("legalBasis");
    let i = imported(&p, &input);
    assert_eq!(i.tender["procurement"]["nation"], "scotland");
    let note = mapped(&i, "/procurement/nation")
        .unwrap()
        .note
        .clone()
        .unwrap();
    assert!(!note.contains("reserved UK body"), "{note}");
}

#[test]
fn an_award_release_date_is_not_the_start_and_other_schemes_are_reported() {
    let p = protocol();
    // The Bedfordshire award: no tender period start or publication date, and the release is an
    // award, so its date is after the procurement began.
    let input: Value = serde_json::from_str(IDVA).unwrap();
    let i = imported(&p, &input);
    assert!(i.tender["procurement"].get("started").is_none());
    let gap = i
        .to_supply
        .iter()
        .find(|s| s.field == "/procurement/started")
        .unwrap();
    assert!(gap.reason.contains("\"award\""), "{}", gap.reason);
    // A classification in another scheme is reported with its pointer, not read as CPV.
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312000"})));
    input["releases"][0]["tender"]["additionalClassifications"] =
        json!([{"scheme": "UNSPSC", "id": "85101500"}, {"scheme": "CPV", "id": "8531"}]);
    let i = imported(&p, &input);
    assert_eq!(i.tender["procurement"]["cpv"], json!(["85312000"]));
    let reason = |from: &str| not_used(&i, from).reason.clone();
    assert!(reason("/releases/0/tender/additionalClassifications/0").contains("UNSPSC"));
    assert!(reason("/releases/0/tender/additionalClassifications/1/id").contains("not a CPV code"));
}

#[test]
fn a_legal_basis_naming_the_provider_selection_regime_states_it() {
    let p = protocol();
    let mut input = synthetic_english(Some(json!({"scheme": "CPV", "id": "85312500"})));
    input["releases"][0]["tender"]["legalBasis"] = json!({"scheme": "UKSI", "id": "2023/1348"});
    let i = imported(&p, &input);
    assert_eq!(i.tender["procurement"]["regime"], "psr");
    assert_eq!(
        mapped(&i, "/procurement/regime").unwrap().from,
        "/releases/0/tender/legalBasis/id"
    );
    let d = decision(&check(&p, &i)).clone();
    assert_eq!((d.regime, d.decided), (Some(Regime::Psr), Decided::Stated));
}

//! Rules that know where they hold: a rule listing regimes is a legal MUST only under the regime
//! whose law it cites, the protocol's policy (a SHOULD) elsewhere it lists, not applicable where
//! it lists nothing, and "depends on which law applies" when the tender does not settle its
//! regime. Built on a small protocol so each case is worked out by hand.

use serde_json::{json, Value};
use ulo_core::regime::Regime;
use ulo_core::report::{CheckStatus, FindingStatus, TenderCheck};
use ulo_core::vocab::{Severity, Standing};
use ulo_core::{Problems, Protocol};

/// A protocol with one lot rule: minimum turnover at most twice the lot's value. Law under
/// PCR 2015 (reg 58(9)), policy under PA 2023 (standard and light-touch), and, for buyers in
/// England only, law under PA 2023 Part 6 (a stand-in for s.85's England-only reach).
fn protocol_json() -> Value {
    let mut p: Value =
        serde_json::from_str(include_str!("../../tests/shared/mini.json")).expect("mini protocol");
    p["sources"] = json!([
        {"id": "PA23", "title": "Procurement Act 2023", "kind": "legislation"},
        {"id": "PCR15", "title": "Public Contracts Regulations 2015", "kind": "legislation"},
        {"id": "LOCAL", "title": "Local settings", "kind": "local_policy"}
    ]);
    p["barriers"] = json!([{
        "id": "turnover",
        "title": "Turnover at most twice the lot",
        "scope": "lot",
        "require": {"fact": "turnover_multiple", "at_most": "2"},
        "finding": "Turnover test too high.",
        "why": "Excludes small organisations.",
        "fix": "Lower it.",
        "question": "Would you lower it?",
        "applies": [
            {"regimes": ["pcr2015"], "standing": "law",
             "cites": [{"source": "PCR15", "clause": "reg 58(9)"}]},
            {"regimes": ["pa2023", "pa2023_light_touch"], "standing": "policy",
             "cites": [{"source": "PA23", "clause": "s.22"}, {"source": "LOCAL", "clause": "2x"}],
             "note": "PA 2023 sets no turnover multiple; twice the value is this protocol's policy."},
            {"regimes": ["pa2023_below_threshold"], "nations": ["england"], "standing": "law",
             "cites": [{"source": "PA23", "clause": "s.85"}]}
        ]
    }]);
    p
}

fn protocol() -> Protocol {
    Protocol::from_value(&protocol_json()).expect("the protocol compiles")
}

/// A one-lot tender (value 300,000 over 36 months) asking a turnover of 900,000: three times
/// the lot, so the rule is not met whatever the regime.
fn tender(procurement: Value) -> Value {
    json!({
        "document": "tender",
        "id": "t",
        "title": "Peer support",
        "authority": "Test Council",
        "procurement": procurement,
        "lots": [{"id": "lot-1", "title": "Peer support", "value": "300000", "months": 36}],
        "conditions": {"minimum_turnover": "900000"}
    })
}

fn check(procurement: Value) -> TenderCheck {
    let p = protocol();
    let t = p.tender(&tender(procurement)).expect("the tender reads");
    p.check_tender(&t)
}

#[test]
fn law_under_the_regime_whose_clause_it_cites() {
    let c = check(json!({"regime": "pcr2015"}));
    assert_eq!(
        c.regime.as_ref().and_then(|d| d.regime),
        Some(Regime::Pcr2015)
    );
    let f = &c.findings[0];
    assert_eq!(
        (f.status, f.severity, f.standing),
        (FindingStatus::Barrier, Severity::Must, Some(Standing::Law))
    );
    assert_eq!(f.cites[0].clause, "reg 58(9)");
    assert_eq!(c.summary.must, 1);
    assert!(
        c.summary.headline.contains("the law requires"),
        "{}",
        c.summary.headline
    );
}

#[test]
fn policy_where_the_law_sets_no_such_figure() {
    let c = check(json!({"regime": "pa2023_light_touch"}));
    let f = &c.findings[0];
    assert_eq!(
        (f.severity, f.standing),
        (Severity::Should, Some(Standing::Policy))
    );
    assert!(f.regime_note.as_deref().unwrap_or("").contains("policy"));
    assert_eq!((c.summary.must, c.summary.should), (0, 1));
}

#[test]
fn not_applicable_where_no_entry_lists_the_regime() {
    let c = check(json!({"regime": "psr"}));
    assert!(c.findings.is_empty());
    assert_eq!(c.checks[0].status, CheckStatus::NotApplicable);
    let reason = c.checks[0].reason.as_deref().unwrap_or("");
    assert!(reason.contains("Provider Selection Regime"), "{reason}");
    assert_eq!(c.summary.not_applicable, Some(1));
    assert!(c.summary.barrier_free);
}

#[test]
fn nations_narrow_an_entry() {
    let england = check(json!({"regime": "pa2023_below_threshold", "nation": "england"}));
    assert_eq!(england.findings[0].severity, Severity::Must);
    let wales = check(json!({"regime": "pa2023_below_threshold", "nation": "wales"}));
    assert_eq!(wales.checks[0].status, CheckStatus::NotApplicable);
    // The regime is stated but not the nation the entry depends on: the engine cannot tell.
    let unknown = check(json!({"regime": "pa2023_below_threshold"}));
    assert_eq!(unknown.findings[0].status, FindingStatus::RegimeNotStated);
}

#[test]
fn an_unknown_regime_says_what_the_rule_would_be_under_each() {
    let c = check(json!({}));
    let d = c
        .regime
        .as_ref()
        .expect("a regime-aware protocol shows the regime");
    assert_eq!(d.regime, None);
    assert!(d.reason.contains("nation"), "{}", d.reason);
    let f = &c.findings[0];
    assert_eq!(f.status, FindingStatus::RegimeNotStated);
    assert_eq!(f.standing, None);
    assert_eq!(f.applies_under.len(), 3);
    assert_eq!(f.applies_under[0].severity, Severity::Must);
    assert_eq!(f.applies_under[1].standing, Standing::Policy);
    assert_eq!(c.summary.regime_not_stated, Some(1));
    assert_eq!(
        c.summary.must, 0,
        "never a legal must before the regime is known"
    );
}

#[test]
fn a_met_rule_is_met_whatever_the_regime() {
    let p = protocol();
    let mut t = tender(json!({}));
    t["conditions"]["minimum_turnover"] = json!("300000");
    let c = p.check_tender(&p.tender(&t).expect("reads"));
    assert!(c.findings.is_empty());
    assert_eq!(c.checks[0].status, CheckStatus::Met);
}

fn problems(p: Value) -> Problems {
    Protocol::from_value(&p).expect_err("the protocol is refused")
}

#[test]
fn law_must_cite_legislation() {
    let mut p = protocol_json();
    p["barriers"][0]["applies"][0]["cites"] = json!([{"source": "LOCAL", "clause": "2x"}]);
    let e = problems(p);
    assert_eq!(e.0[0].code(), "ulo::law-without-legislation");
    assert_eq!(e.0[0].pointer, "/barriers/0/applies/0/standing");
}

#[test]
fn a_regime_listed_twice_is_refused() {
    let mut p = protocol_json();
    p["barriers"][0]["applies"][1]["regimes"] = json!(["pa2023", "pcr2015"]);
    let e = problems(p);
    assert_eq!(e.0[0].code(), "ulo::regime-listed-twice");
    // The same regime for two different nations is fine.
    let mut ok = protocol_json();
    ok["barriers"][0]["applies"][1]["nations"] = json!(["wales"]);
    ok["barriers"][0]["applies"][1]["regimes"] = json!(["pa2023_below_threshold"]);
    assert!(Protocol::from_value(&ok).is_ok());
}

#[test]
fn severity_or_applies_never_both() {
    let mut both = protocol_json();
    both["barriers"][0]["severity"] = json!("must");
    both["barriers"][0]["cites"] = json!([{"source": "PA23", "clause": "s.22"}]);
    assert_eq!(problems(both).0[0].code(), "ulo::missing-field-set");
    let mut neither = protocol_json();
    neither["barriers"][0]
        .as_object_mut()
        .expect("an object")
        .remove("applies");
    assert_eq!(problems(neither).0[0].code(), "ulo::missing-field-set");
}

#[test]
fn a_protocol_without_regimes_shows_none() {
    let p: Value =
        serde_json::from_str(include_str!("../../tests/shared/mini.json")).expect("mini");
    let p = Protocol::from_value(&p).expect("compiles");
    assert!(!p.regime_aware());
    let t = p
        .tender(&tender(json!({"regime": "pcr2015"})))
        .expect("reads");
    let c = p.check_tender(&t);
    assert!(c.regime.is_none());
    assert_eq!(c.summary.not_applicable, None);
    let text = serde_json::to_string(&c).expect("json");
    assert!(
        !text.contains("\"regime\""),
        "1.0.0 results keep their shape"
    );
}

//! The shipped protocol (ulcp 2.0.0) against the law: every clause it cites is in the table of
//! the law (docs/law.md) under the regimes it is cited for; no rule cites the Procurement Act 2023
//! under a regime the Act does not govern, nor the Care Act 2014 for a buyer outside England; a
//! rule is law only on a clause of the governing regime's own legislation; and the worked example
//! is a light-touch contract with no legal MUST that PA 2023 does not impose on one.

use serde_json::{json, Value};
use ulo_core::choice::Choice;
use ulo_core::regime::{Decided, Nation, Regime};
use ulo_core::report::TenderCheck;
use ulo_core::vocab::{Severity, Standing};
use ulo_core::{shipped, Protocol};

const LAW_TABLE: &str = include_str!("../../docs/law.md");

fn protocol_json() -> Value {
    serde_json::from_str(shipped::PROTOCOL).expect("the shipped protocol is JSON")
}

/// The instruments whose clauses may make a rule law under `regime`: its own legislation.
fn own_law(regime: Regime) -> &'static [&'static str] {
    match regime {
        Regime::Pa2023 | Regime::Pa2023LightTouch | Regime::Pa2023BelowThreshold => {
            &["PA23", "PR24"]
        }
        Regime::Pcr2015 | Regime::Pcr2015LightTouch | Regime::Pcr2015BelowThreshold => &["PCR15"],
        Regime::Scotland | Regime::ScotlandLightTouch | Regime::ScotlandBelowThreshold => {
            &["PRSA14", "PCSR15"]
        }
        Regime::Psr => &["PSR23", "NHSA06"],
        Regime::Grant => &[],
    }
}

fn is_pa2023(regime: Regime) -> bool {
    own_law(regime).contains(&"PA23")
}

/// Care Act 2014 and its statutory guidance: England only.
const ENGLAND_ONLY: &[&str] = &["CA14", "CSSG"];

fn regime(word: &str) -> Regime {
    Regime::ALL
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, r)| *r)
        .unwrap_or_else(|| panic!("{word:?} is not a regime"))
}

fn nation(word: &str) -> Nation {
    Nation::ALL
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("{word:?} is not a nation"))
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// One `applies` entry of a barrier rule.
struct Entry {
    rule: String,
    regimes: Vec<Regime>,
    nations: Option<Vec<Nation>>,
    law: bool,
    cites: Vec<(String, String)>,
}

fn entries(p: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    for b in p["barriers"].as_array().expect("barriers") {
        let rule = b["id"].as_str().unwrap_or("").to_string();
        assert!(
            b.get("severity").is_none() && b.get("applies").is_some(),
            "{rule}: every shipped rule says where it holds (applies), none holds everywhere"
        );
        for a in b["applies"].as_array().expect("applies") {
            out.push(Entry {
                rule: rule.clone(),
                regimes: strs(&a["regimes"]).iter().map(|w| regime(w)).collect(),
                nations: a
                    .get("nations")
                    .map(|n| strs(n).iter().map(|w| nation(w)).collect()),
                law: a["standing"] == "law",
                cites: a["cites"]
                    .as_array()
                    .expect("cites")
                    .iter()
                    .map(|c| {
                        (
                            c["source"].as_str().unwrap_or("").to_string(),
                            c["clause"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

fn source_kind(p: &Value, id: &str) -> String {
    p["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == id))
        .and_then(|s| s["kind"].as_str())
        .unwrap_or_else(|| panic!("no source {id}"))
        .to_string()
}

/// Every citation anywhere in the protocol outside barrier rules' `applies`.
fn other_cites(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(s)), Some(Value::String(c))) =
                (m.get("source"), m.get("clause"))
            {
                out.push((s.clone(), c.clone()));
                return;
            }
            for (k, x) in m {
                if k != "applies" {
                    other_cites(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| other_cites(x, out)),
        _ => {}
    }
}

/// The award model's citations that name the regimes they are shown under.
fn award_cites_with_regimes(v: &Value, out: &mut Vec<(String, String, Vec<Regime>)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(s)), Some(Value::String(c)), Some(g)) =
                (m.get("source"), m.get("clause"), m.get("regimes"))
            {
                let regimes = strs(g).iter().map(|w| regime(w)).collect();
                out.push((s.clone(), c.clone(), regimes));
                return;
            }
            m.values().for_each(|x| award_cites_with_regimes(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| award_cites_with_regimes(x, out)),
        _ => {}
    }
}

/// A row of the table of the law.
struct Row {
    source: String,
    clause: String,
    regimes: Vec<Regime>,
    nation: Option<Nation>,
    in_force: String,
}

fn table() -> Vec<Row> {
    let mut rows = Vec::new();
    for line in LAW_TABLE.lines() {
        let Some(inner) = line.strip_prefix('|') else {
            continue;
        };
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        if cells.len() < 5 || cells[0] == "Source" || cells[0].starts_with("---") {
            continue;
        }
        let (list, nation_word) = match cells[2].split_once(" (") {
            Some((l, n)) => (l, Some(n.trim_end_matches(')').to_lowercase())),
            None => (cells[2], None),
        };
        let regimes = list
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(regime)
            .collect();
        rows.push(Row {
            source: cells[0].to_string(),
            clause: cells[1].to_string(),
            regimes,
            nation: nation_word.map(|w| nation(&w)),
            in_force: cells[3].to_string(),
        });
    }
    rows
}

fn is_law_source(p: &Value, id: &str) -> bool {
    matches!(
        source_kind(p, id).as_str(),
        "legislation" | "statutory_guidance"
    )
}

#[test]
fn the_table_of_the_law_has_a_regime_and_a_date_on_every_row() {
    let rows = table();
    assert!(rows.len() > 20, "the table is read ({} rows)", rows.len());
    for r in &rows {
        assert!(
            !r.regimes.is_empty(),
            "{} {}: no regime in the table",
            r.source,
            r.clause
        );
        assert!(
            !r.in_force.is_empty(),
            "{} {}: no in-force date",
            r.source,
            r.clause
        );
    }
}

#[test]
fn every_clause_of_law_the_protocol_cites_is_in_the_table_under_its_regimes() {
    let p = protocol_json();
    let rows = table();
    let row = |s: &str, c: &str| rows.iter().find(|r| r.source == s && r.clause == c);
    let mut missing = Vec::new();
    for e in entries(&p) {
        for (s, c) in &e.cites {
            if !is_law_source(&p, s) {
                continue;
            }
            match row(s, c) {
                None => missing.push(format!("{}: {s} {c} is not in docs/law.md", e.rule)),
                Some(r) => {
                    for g in &e.regimes {
                        if !r.regimes.contains(g) {
                            missing.push(format!(
                                "{}: {s} {c} is cited under {} but its row does not list it",
                                e.rule,
                                g.word()
                            ));
                        }
                    }
                    if let Some(n) = r.nation {
                        if e.nations.as_deref() != Some(&[n][..]) {
                            missing.push(format!(
                                "{}: {s} {c} is for {} buyers only, but the entry is not limited to them",
                                e.rule,
                                n.word()
                            ));
                        }
                    }
                }
            }
        }
    }
    let mut others = Vec::new();
    other_cites(&p, &mut others);
    for (s, c) in others {
        if is_law_source(&p, &s) && row(&s, &c).is_none() {
            missing.push(format!("{s} {c} is cited but not in docs/law.md"));
        }
    }
    // An award model clause shown only under some regimes is shown only where its row lists it.
    let mut award = Vec::new();
    award_cites_with_regimes(&p["award_model"], &mut award);
    assert!(
        !award.is_empty(),
        "the award model's clauses name their regimes"
    );
    for (s, c, regimes) in award {
        let Some(r) = row(&s, &c) else { continue };
        for g in regimes.iter().filter(|g| !r.regimes.contains(g)) {
            missing.push(format!(
                "award model: {s} {c} is shown under {} but its row does not list it",
                g.word()
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // And the table lists nothing the protocol does not cite.
    let mut all: Vec<(String, String)> = entries(&p).into_iter().flat_map(|e| e.cites).collect();
    other_cites(&p, &mut all);
    for r in &rows {
        assert!(
            all.iter().any(|(s, c)| *s == r.source && *c == r.clause),
            "docs/law.md lists {} {}, which the protocol does not cite",
            r.source,
            r.clause
        );
    }
}

#[test]
fn every_rule_under_every_regime_cites_only_the_law_that_governs_it() {
    let p = protocol_json();
    let mut wrong = Vec::new();
    for e in entries(&p) {
        for g in &e.regimes {
            for (s, c) in &e.cites {
                if (s == "PA23" || s == "PR24") && !is_pa2023(*g) {
                    wrong.push(format!(
                        "{}: cites {s} {c} under {}, which PA 2023 does not govern",
                        e.rule,
                        g.word()
                    ));
                }
                if ENGLAND_ONLY.contains(&s.as_str())
                    && e.nations.as_deref() != Some(&[Nation::England][..])
                {
                    wrong.push(format!(
                        "{}: cites {s} {c} for buyers outside England",
                        e.rule
                    ));
                }
            }
            if e.law {
                let own = own_law(*g);
                let on_own_law = e.cites.iter().any(|(s, _)| own.contains(&s.as_str()));
                let foreign: Vec<&(String, String)> = e
                    .cites
                    .iter()
                    .filter(|(s, _)| {
                        source_kind(&p, s) == "legislation" && !own.contains(&s.as_str())
                    })
                    .collect();
                if !on_own_law || !foreign.is_empty() {
                    wrong.push(format!(
                        "{}: law under {} must rest on that regime's own legislation only ({own:?})",
                        e.rule,
                        g.word()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The worked example with its `procurement` block replaced, checked.
fn check_example(edit: impl FnOnce(&mut Value)) -> TenderCheck {
    let p = Protocol::shipped();
    let mut t: Value = serde_json::from_str(shipped::EXAMPLE_TENDER).expect("example tender");
    edit(&mut t);
    let tender = p.tender(&t).expect("the edited example reads");
    p.check_tender(&tender)
}

#[test]
fn findings_under_every_regime_and_nation_cite_the_law_that_governs_them() {
    for (_, g) in Regime::ALL {
        for (nw, n) in Nation::ALL {
            let c = check_example(|t| {
                t["procurement"] = json!({"regime": g.word(), "nation": nw});
                // A tender with barriers of every kind, so that many rules give findings.
                t["response_deadline"] = json!("2026-05-25");
                t["payment"]["terms_days"] = json!(60);
                t["conditions"]["audited_accounts"] = json!("from_every_bidder");
                t["conditions"]["insurance_before_award"] = json!(true);
                t["reservation"] = json!({"basis": "user_led"});
            });
            assert_eq!(c.regime.as_ref().and_then(|d| d.regime), Some(*g));
            for f in &c.findings {
                for cite in &f.cites {
                    assert!(
                        is_pa2023(*g) || (cite.source != "PA23" && cite.source != "PR24"),
                        "{} under {} ({nw}) cites {} {}",
                        f.rule,
                        g.word(),
                        cite.source,
                        cite.clause
                    );
                    assert!(
                        *n == Nation::England || !ENGLAND_ONLY.contains(&cite.source.as_str()),
                        "{} under {} ({nw}) cites {} {}",
                        f.rule,
                        g.word(),
                        cite.source,
                        cite.clause
                    );
                }
                if f.standing == Some(Standing::Law) {
                    assert!(
                        f.cites
                            .iter()
                            .any(|cite| own_law(*g).contains(&cite.source.as_str())),
                        "{} is law under {} without that regime's legislation",
                        f.rule,
                        g.word()
                    );
                }
                if f.severity == Severity::Must {
                    assert_eq!(f.standing, Some(Standing::Law), "{}: a MUST is law", f.rule);
                }
            }
        }
    }
}

#[test]
fn the_worked_example_is_light_touch_with_no_must_the_act_does_not_impose() {
    let c = check_example(|_| {});
    let d = c.regime.as_ref().expect("the regime is decided and shown");
    assert_eq!(
        (d.regime, d.decided),
        (Some(Regime::Pa2023LightTouch), Decided::Derived)
    );
    assert!(
        d.reason.contains("85312000") && d.reason.contains("663,540"),
        "{}",
        d.reason
    );
    for f in &c.findings {
        assert!(
            f.severity != Severity::Must,
            "{}: the worked example has no legal MUST",
            f.rule
        );
    }

    // Light-touch with a short window: 14 days is the protocol's policy, never a s.54 MUST.
    let short = |regime: Option<&str>| {
        check_example(|t| {
            t["response_deadline"] = json!("2026-05-25");
            if let Some(r) = regime {
                t["procurement"]["regime"] = json!(r);
            }
        })
    };
    let lt = short(None);
    let window = lt
        .findings
        .iter()
        .find(|f| f.rule == "response-window-minimum")
        .expect("a 14-day window is reported");
    assert_eq!(
        (window.severity, window.standing),
        (Severity::Should, Some(Standing::Policy))
    );
    assert!(
        lt.findings
            .iter()
            .filter(|f| f.severity == Severity::Must)
            .all(|f| !f.cites.iter().any(|c| c.clause.starts_with("s.54"))),
        "no s.54 MUST under light-touch"
    );
    // The same window under the Act's standard rules is the s.54 minimum: a MUST in law.
    let std = short(Some("pa2023"));
    let window = std
        .findings
        .iter()
        .find(|f| f.rule == "response-window-minimum")
        .expect("reported");
    assert_eq!(
        (window.severity, window.standing),
        (Severity::Must, Some(Standing::Law))
    );
    assert_eq!(window.cites[0].clause, "s.54");
}

#[test]
fn the_worked_example_begun_in_2024_is_pcr_2015_and_cites_it() {
    let c = check_example(|t| {
        t["procurement"]["started"] = json!("2024-06-03");
        t["payment"]["terms_days"] = json!(45);
    });
    let d = c.regime.as_ref().expect("the regime is shown");
    assert_eq!(d.regime, Some(Regime::Pcr2015LightTouch), "{}", d.reason);
    assert!(
        d.steps
            .iter()
            .flat_map(|s| &s.cites)
            .any(|c| c.source == "PCR15"),
        "the decision cites PCR 2015"
    );
    let pay = c
        .findings
        .iter()
        .find(|f| f.rule == "prompt-payment")
        .expect("45-day terms are reported");
    assert_eq!(
        (pay.severity, pay.standing),
        (Severity::Must, Some(Standing::Law))
    );
    assert_eq!(
        (pay.cites[0].source.as_str(), pay.cites[0].clause.as_str()),
        ("PCR15", "reg 113")
    );
    for f in &c.findings {
        assert!(
            f.cites.iter().all(|c| c.source != "PA23"),
            "{}: a PCR 2015 tender cites no PA 2023 clause",
            f.rule
        );
    }
}

#[test]
fn a_turnover_gate_below_threshold_is_a_must_in_england_only() {
    let gate = |nation: &str| {
        check_example(|t| {
            t["procurement"] = json!({"regime": "pa2023_below_threshold", "nation": nation});
        })
    };
    let england = gate("england");
    let f = england
        .findings
        .iter()
        .find(|f| f.rule == "no-suitability-gate-below-threshold")
        .expect("the GBP 500,000 turnover gate is reported");
    assert_eq!(
        (f.severity, f.standing),
        (Severity::Must, Some(Standing::Law))
    );
    assert_eq!(f.cites[0].clause, "s.85");
    let wales = gate("wales");
    let f = wales
        .findings
        .iter()
        .find(|f| f.rule == "no-suitability-gate-below-threshold")
        .expect("reported as policy");
    assert_eq!(
        (f.severity, f.standing),
        (Severity::Should, Some(Standing::Policy))
    );
}

#[test]
fn a_reservation_for_user_led_organisations_is_a_must_under_the_act_and_lawful_for_a_grant() {
    let reserve = |procurement: Value| {
        check_example(|t| {
            t["procurement"] = procurement;
            t["reservation"] = json!({"basis": "user_led"});
        })
    };
    let pa = reserve(json!({"regime": "pa2023_light_touch", "nation": "england"}));
    let f = pa
        .findings
        .iter()
        .find(|f| f.rule == "reservation-basis")
        .expect("an unlawful reservation is reported");
    assert_eq!(
        (f.severity, f.standing),
        (Severity::Must, Some(Standing::Law))
    );
    let grant = reserve(json!({"regime": "grant", "nation": "england"}));
    assert!(grant.findings.iter().all(|f| f.rule != "reservation-basis"));
}

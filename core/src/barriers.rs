//! The barrier check: does this tender's design shut out user-led organisations?
//!
//! Each of the protocol's barrier rules is evaluated on the tender (or on each lot), and every
//! rule that is not met becomes a finding with the figures it looked at, why it matters, the fix
//! to suggest, a clarification question, and the clause it rests on. A rule the tender gives too
//! little information to check is reported as `not_stated`, never passed quietly.

use crate::condition::Truth;
use crate::exact::RoundingMode;
use crate::explain::{self, percent};
use crate::facts::{FactKind, FactValue, TenderFact};
use crate::protocol::{BarrierRule, Protocol};
use crate::provenance::header;
use crate::report::{
    CheckRow, CheckStatus, FactShown, Finding, FindingStatus, FindingSummary, ResultDocument,
    TenderCheck,
};
use crate::tender::{Lot, Tender};
use crate::vocab::{money, Scope, Severity};

/// A fact's value as shown to people.
pub fn show_fact(fact: TenderFact, v: FactValue) -> String {
    match v {
        FactValue::Unknown => "not stated".into(),
        FactValue::YesNo(b) => if b { "yes" } else { "no" }.into(),
        FactValue::Number(n) => match fact.kind() {
            FactKind::Money => money(n),
            FactKind::Percent => percent(n),
            FactKind::Count => n.to_exact_string(),
            FactKind::Figure | FactKind::YesNo => {
                if n.has_at_most_places(4) {
                    n.to_exact_string()
                } else {
                    n.round(4, RoundingMode::HalfUp).map_or_else(
                        |_| n.to_string(),
                        |r| format!("about {}", r.to_exact_string()),
                    )
                }
            }
        },
    }
}

fn evaluate(
    protocol: &Protocol,
    tender: &Tender,
    rule: &BarrierRule,
    lot: Option<&Lot>,
) -> (Truth, Option<Finding>) {
    let lookup = |f: TenderFact| crate::tender::facts::value(tender, lot, f);
    let truth = rule.require.eval(&lookup);
    let status = match truth {
        Truth::Yes => return (truth, None),
        Truth::No => FindingStatus::Barrier,
        Truth::Unknown => FindingStatus::NotStated,
    };
    let facts = rule
        .require
        .facts()
        .into_iter()
        .map(|f| FactShown {
            fact: f.name().to_string(),
            label: f.label().to_string(),
            value: show_fact(f, lookup(f)),
        })
        .collect();
    let finding = Finding {
        rule: rule.id.clone(),
        title: rule.title.clone(),
        severity: rule.severity,
        status,
        lot: lot.map(|l| l.id.clone()),
        requirement: rule.require.describe(),
        facts,
        finding: rule.finding.clone(),
        why: rule.why.clone(),
        fix: rule.fix.clone(),
        question: rule.question.clone(),
        cites: explain::cites(protocol.sources(), &rule.cites),
    };
    (truth, Some(finding))
}

/// Every finding, `must` before `should`, barriers before rules not stated, then protocol order.
pub fn findings(protocol: &Protocol, tender: &Tender) -> (Vec<Finding>, Vec<CheckRow>) {
    let mut found: Vec<(Severity, bool, usize, Finding)> = Vec::new();
    let mut checks = Vec::new();
    let mut n = 0;
    for rule in &protocol.doc().barriers {
        let lots: Vec<Option<&Lot>> = match rule.scope {
            Scope::Tender => vec![None],
            Scope::Lot => tender.doc().lots.iter().map(Some).collect(),
        };
        for lot in lots {
            let (truth, finding) = evaluate(protocol, tender, rule, lot);
            checks.push(CheckRow {
                rule: rule.id.clone(),
                lot: lot.map(|l| l.id.clone()),
                status: match truth {
                    Truth::Yes => CheckStatus::Met,
                    Truth::No => CheckStatus::Barrier,
                    Truth::Unknown => CheckStatus::NotStated,
                },
            });
            if let Some(f) = finding {
                found.push((rule.severity, truth == Truth::Unknown, n, f));
            }
            n += 1;
        }
    }
    found.sort_by_key(|a| (a.0, a.1, a.2));
    (found.into_iter().map(|(.., f)| f).collect(), checks)
}

/// Counts findings and says in a sentence what they come to.
pub fn summarise(findings: &[Finding], checks: &[CheckRow]) -> FindingSummary {
    let count = |sev: Severity| {
        findings
            .iter()
            .filter(|f| f.status == FindingStatus::Barrier && f.severity == sev)
            .count()
    };
    let must = count(Severity::Must);
    let should = count(Severity::Should);
    let not_stated = findings
        .iter()
        .filter(|f| f.status == FindingStatus::NotStated)
        .count();
    let met = checks
        .iter()
        .filter(|c| c.status == CheckStatus::Met)
        .count();
    let barrier_free = findings.is_empty();
    let headline = if barrier_free {
        format!("No barriers found: the tender meets all {met} checks of the protocol.")
    } else {
        let mut parts = Vec::new();
        if must > 0 {
            parts.push(format!(
                "{must} barrier{} the protocol requires to be removed",
                if must == 1 { "" } else { "s" }
            ));
        }
        if should > 0 {
            parts.push(format!(
                "{should} barrier{} it recommends removing",
                if should == 1 { "" } else { "s" }
            ));
        }
        if not_stated > 0 {
            parts.push(format!(
                "{not_stated} check{} the tender does not give enough information for",
                if not_stated == 1 { "" } else { "s" }
            ));
        }
        format!("Found {}; {met} checks met.", parts.join(", "))
    };
    FindingSummary {
        barrier_free,
        must,
        should,
        not_stated,
        met,
        headline,
    }
}

/// Checks a tender's design against the protocol's barrier rules.
#[must_use]
pub fn check_tender(protocol: &Protocol, tender: &Tender) -> TenderCheck {
    let (findings, checks) = findings(protocol, tender);
    let header = header(protocol, tender, &[]);
    TenderCheck {
        document: ResultDocument::TenderCheck,
        engine: header.engine,
        protocol: header.protocol,
        tender: header.tender,
        input_hash: header.input_hash,
        summary: summarise(&findings, &checks),
        findings,
        checks,
    }
}

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
use crate::protocol::{Applies, BarrierRule, Holding, Protocol};
use crate::provenance::header;
use crate::regime::Decision;
use crate::report::{
    AppliesUnder, CheckRow, CheckStatus, FactShown, Finding, FindingStatus, FindingSummary,
    ResultDocument, TenderCheck,
};
use crate::tender::{Lot, Tender};
use crate::vocab::{money, Cite, Scope, Severity, Standing};

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

/// Where a rule stands for this tender.
enum Here<'r> {
    /// It holds, with this severity and these sources; for a regime entry, also its standing
    /// and the note saying why it holds here.
    Holds {
        severity: Severity,
        cites: &'r [Cite],
        standing: Option<Standing>,
        note: Option<&'r str>,
    },
    /// No entry lists the tender's regime (and nation): the rule does not apply.
    NotApplicable(String),
    /// The regime, or a nation an entry depends on, is not known: the rule is checked, and a
    /// failure is reported with what it would be under each regime.
    Unknown(&'r [Applies]),
}

/// Where `rule` stands under the tender's regime.
fn here<'r>(rule: &'r BarrierRule, decision: &Decision) -> Here<'r> {
    let entries = match &rule.holding {
        Holding::Everywhere { severity, cites } => {
            return Here::Holds {
                severity: *severity,
                cites,
                standing: None,
                note: None,
            }
        }
        Holding::ByRegime(entries) => entries,
    };
    let Some(regime) = decision.regime else {
        return Here::Unknown(entries);
    };
    let mut unknown = false;
    for e in entries {
        match e.covers(regime, decision.jurisdiction) {
            Some(true) => {
                return Here::Holds {
                    severity: e.standing.severity(),
                    cites: &e.cites,
                    standing: Some(e.standing),
                    note: e.note.as_deref(),
                }
            }
            Some(false) => {}
            None => unknown = true,
        }
    }
    if unknown {
        return Here::Unknown(entries);
    }
    Here::NotApplicable(format!(
        "applies only under {}; this tender is under {}",
        regimes_in_words(entries),
        regime.title()
    ))
}

/// The regimes a rule's entries list, in words.
fn regimes_in_words(entries: &[Applies]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for r in entries.iter().flat_map(|e| e.regimes.iter()) {
        if !titles.contains(&r.title()) {
            titles.push(r.title());
        }
    }
    match titles.split_last() {
        None => "no regime".into(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// What each entry of a rule would make of a failure, when the regime is not known.
fn under_each(entries: &[Applies]) -> Vec<AppliesUnder> {
    entries
        .iter()
        .map(|e| AppliesUnder {
            regimes: e.regimes.clone(),
            nations: e.nations.clone(),
            standing: e.standing,
            severity: e.standing.severity(),
        })
        .collect()
}

/// One rule on the tender (or one lot): its check row, and a finding when it is not met.
fn evaluate(
    protocol: &Protocol,
    tender: &Tender,
    rule: &BarrierRule,
    lot: Option<&Lot>,
) -> (CheckRow, Option<Finding>) {
    let row = |status, reason| CheckRow {
        rule: rule.id.clone(),
        lot: lot.map(|l| l.id.clone()),
        status,
        reason,
    };
    let here = here(rule, tender.regime());
    if let Here::NotApplicable(reason) = here {
        return (row(CheckStatus::NotApplicable, Some(reason)), None);
    }
    let lookup = |f: TenderFact| crate::tender::facts::value(tender, lot, f);
    let truth = rule.require.eval(&lookup);
    let (status, check) = match (truth, &here) {
        (Truth::Yes, _) => return (row(CheckStatus::Met, None), None),
        (_, Here::Unknown(_)) => (FindingStatus::RegimeNotStated, CheckStatus::RegimeNotStated),
        (Truth::No, _) => (FindingStatus::Barrier, CheckStatus::Barrier),
        (Truth::Unknown, _) => (FindingStatus::NotStated, CheckStatus::NotStated),
    };
    let (severity, cites, standing, note, applies_under) = match here {
        Here::Holds {
            severity,
            cites,
            standing,
            note,
        } => (severity, cites.to_vec(), standing, note, Vec::new()),
        Here::Unknown(entries) => {
            let law = entries.iter().any(|e| e.standing == Standing::Law);
            let mut cites: Vec<Cite> = Vec::new();
            for c in entries.iter().flat_map(|e| e.cites.iter()) {
                if !cites.contains(c) {
                    cites.push(c.clone());
                }
            }
            let severity = if law {
                Severity::Must
            } else {
                Severity::Should
            };
            (severity, cites, None, None, under_each(entries))
        }
        Here::NotApplicable(_) => unreachable!("returned above"),
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
        severity,
        status,
        standing,
        lot: lot.map(|l| l.id.clone()),
        requirement: rule.require.describe(),
        facts,
        finding: rule.finding.clone(),
        why: rule.why.clone(),
        fix: rule.fix.clone(),
        question: rule.question.clone(),
        regime_note: note.map(str::to_string),
        applies_under,
        cites: explain::cites(protocol.sources(), &cites),
    };
    (row(check, None), Some(finding))
}

/// Every finding, `must` before `should`; barriers, then rules whose standing depends on a
/// regime not known, then rules not stated; then protocol order.
pub fn findings(protocol: &Protocol, tender: &Tender) -> (Vec<Finding>, Vec<CheckRow>) {
    let mut found: Vec<(Severity, u8, usize, Finding)> = Vec::new();
    let mut checks = Vec::new();
    for rule in &protocol.doc().barriers {
        let lots: Vec<Option<&Lot>> = match rule.scope {
            Scope::Tender => vec![None],
            Scope::Lot => tender.doc().lots.iter().map(Some).collect(),
        };
        for lot in lots {
            let (row, finding) = evaluate(protocol, tender, rule, lot);
            if let Some(f) = finding {
                let order = match f.status {
                    FindingStatus::Barrier => 0,
                    FindingStatus::RegimeNotStated => 1,
                    FindingStatus::NotStated => 2,
                };
                found.push((f.severity, order, checks.len(), f));
            }
            checks.push(row);
        }
    }
    found.sort_by_key(|a| (a.0, a.1, a.2));
    (found.into_iter().map(|(.., f)| f).collect(), checks)
}

/// Counts findings and says in a sentence what they come to. A protocol that knows regimes
/// speaks of the law (its MUSTs stand on law only) and counts the rules that do not apply.
pub fn summarise(findings: &[Finding], checks: &[CheckRow], regime_aware: bool) -> FindingSummary {
    let count = |sev: Severity| {
        findings
            .iter()
            .filter(|f| f.status == FindingStatus::Barrier && f.severity == sev)
            .count()
    };
    let status = |s: FindingStatus| findings.iter().filter(|f| f.status == s).count();
    let rows = |s: CheckStatus| checks.iter().filter(|c| c.status == s).count();
    let must = count(Severity::Must);
    let should = count(Severity::Should);
    let not_stated = status(FindingStatus::NotStated);
    let regime_not_stated = status(FindingStatus::RegimeNotStated);
    let met = rows(CheckStatus::Met);
    let not_applicable = rows(CheckStatus::NotApplicable);
    let barrier_free = findings.is_empty();
    let who = if regime_aware {
        "the law"
    } else {
        "the protocol"
    };
    let headline = if barrier_free {
        format!("No barriers found: the tender meets all {met} checks of the protocol.")
    } else {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut parts = Vec::new();
        if must > 0 {
            parts.push(format!(
                "{must} barrier{} {who} requires to be removed",
                plural(must)
            ));
        }
        if should > 0 {
            let whom = if regime_aware { "the protocol" } else { "it" };
            parts.push(format!(
                "{should} barrier{} {whom} recommends removing",
                plural(should)
            ));
        }
        if regime_not_stated > 0 {
            parts.push(format!(
                "{regime_not_stated} check{} whose weight depends on which law applies",
                plural(regime_not_stated)
            ));
        }
        if not_stated > 0 {
            parts.push(format!(
                "{not_stated} check{} the tender does not give enough information for",
                plural(not_stated)
            ));
        }
        format!(
            "Found {}; {met} check{} met.",
            parts.join(", "),
            plural(met)
        )
    };
    let headline = if regime_aware && not_applicable > 0 {
        format!(
            "{headline} {not_applicable} check{} do{} not apply under this tender's law.",
            if not_applicable == 1 { "" } else { "s" },
            if not_applicable == 1 { "es" } else { "" }
        )
    } else {
        headline
    };
    FindingSummary {
        barrier_free,
        must,
        should,
        not_stated,
        met,
        regime_not_stated: regime_aware.then_some(regime_not_stated),
        not_applicable: regime_aware.then_some(not_applicable),
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
        regime: header.regime,
        summary: summarise(&findings, &checks, protocol.regime_aware()),
        findings,
        checks,
    }
}

//! Which law applies, as the core decided it: the regime's title and jurisdiction, how it was
//! decided, and each step of the trace with its figures and clauses. Shown first wherever a
//! result is (the tender screen, results, the printable report, the bidder's result), because
//! every barrier finding and citation depends on it. These parts only show the core's
//! `Decision`; they decide nothing.

use crate::engine::{
    AppliesUnder, CheckStatus, Decided, Decision, Nation, Protocol, RegimeStep, Standing,
    TenderCheck,
};
use crate::views::fields::sentence;
use yew::prelude::*;

/// How the regime was arrived at, in words.
fn decided_words(d: Decided) -> &'static str {
    match d {
        Decided::Stated => "Stated by the commissioner",
        Decided::Derived => "Worked out from what the tender says",
        Decided::NotStated => "It cannot be told from what the tender says yet",
    }
}

/// The regime's title as a line to read ("Regime not stated" when there is none).
pub fn title_line(d: &Decision) -> String {
    if d.regime.is_some() {
        d.title.clone()
    } else {
        "Regime not stated".to_string()
    }
}

/// One step of the trace: what was found, then the clauses it rests on.
fn step(s: &RegimeStep) -> Html {
    let sources = s
        .cites
        .iter()
        .map(|c| format!("{}, {}", c.title, c.clause))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <li class="regime__step">
            { &s.text }
            if !sources.is_empty() {
                <span class="hint block">{ "Source: " }{ sources }</span>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub decision: Decision,
    /// An id for the block, so tests and links can find it.
    pub id: AttrValue,
    /// Put the trace in a `<details>` (results, report, self-check) rather than showing it
    /// open (the tender screen, where the commissioner is giving the facts).
    #[prop_or_default]
    pub collapsed: bool,
    /// When collapsed, start with the trace open (the printable report).
    #[prop_or_default]
    pub open: bool,
}

/// The decision: title, jurisdiction, how it was decided, why, and the trace.
#[function_component(RegimeDecision)]
pub fn regime_decision(p: &DecisionProps) -> Html {
    let d = &p.decision;
    let steps_id = format!("{}-steps", p.id);
    let trace = html! {
        <ol class="regime__steps" id={steps_id.clone()}>
            { for d.steps.iter().map(step) }
        </ol>
    };
    let count = d.steps.len();
    html! {
        <div class={classes!("regime", d.regime.is_none().then_some("regime--unstated"))} id={p.id.clone()}>
            <p class="regime__title"><strong>{ title_line(d) }</strong></p>
            <dl class="summary-list">
                <dt>{ "Jurisdiction" }</dt>
                <dd>{ d.jurisdiction.map(Nation::title).unwrap_or("Not stated") }</dd>
                <dt>{ "How it was decided" }</dt>
                <dd>{ decided_words(d.decided) }</dd>
            </dl>
            <p class="regime__reason">{ &d.reason }</p>
            if count > 0 {
                if p.collapsed {
                    <details class="trace regime__trace" open={p.open}>
                        <summary>{ format!("How this was decided ({count} step{})", if count == 1 { "" } else { "s" }) }</summary>
                        <div class="trace__body">{ trace }</div>
                    </details>
                } else {
                    <p class="label" id={format!("{}-steps-label", p.id)}>{ "How it was decided, step by step" }</p>
                    { trace }
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub decision: Decision,
    /// Start with the trace open (the printable report).
    #[prop_or_default]
    pub open: bool,
}

/// "Which law applies", as the first section of a result, with the trace folded away.
#[function_component(RegimeSection)]
pub fn regime_section(p: &SectionProps) -> Html {
    html! {
        <section class="notice regime-section" aria-labelledby="regime-heading">
            <h2 id="regime-heading" class="heading-m">{ "Which law applies" }</h2>
            <RegimeDecision decision={p.decision.clone()} id="regime" collapsed={true} open={p.open} />
        </section>
    }
}

/// A standing in words: the law's requirement or the adopting authority's own policy (words,
/// not colour alone).
pub fn standing_words(s: Standing) -> &'static str {
    match s {
        Standing::Law => "The law requires this",
        Standing::Policy => "The council's policy, not a requirement of the law",
    }
}

/// What a rule would be under each regime it lists, for a finding whose regime is not known.
pub fn applies_under(list: &[AppliesUnder]) -> Html {
    html! {
        <ul class="applies-under">
            { for list.iter().map(|a| {
                let regimes = a.regimes.iter().map(|r| r.title()).collect::<Vec<_>>().join(" or ");
                let nations = a.nations.as_ref().map(|ns| format!(" (buyers in {} only)", ns.iter().map(|n| n.title()).collect::<Vec<_>>().join(" or "))).unwrap_or_default();
                let what = match a.standing {
                    Standing::Law => "the law requires it (must fix)",
                    Standing::Policy => "the council's policy (should fix)",
                };
                html! { <li><strong>{ format!("Under {regimes}{nations}: ") }</strong>{ what }</li> }
            }) }
            <li><strong>{ "Under any other law: " }</strong>{ "it does not apply" }</li>
        </ul>
    }
}

/// The rules that do not hold under the tender's law, each with the reason the core gives
/// (empty when there are none).
pub fn not_applicable(check: &TenderCheck, protocol: &Protocol) -> Html {
    let rows: Vec<Html> = check
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::NotApplicable)
        .map(|c| {
            let title = protocol
                .doc()
                .barriers
                .iter()
                .find(|b| b.id == c.rule)
                .map(|b| b.title.clone())
                .unwrap_or_else(|| c.rule.clone());
            let lot = c
                .lot
                .as_ref()
                .map(|l| format!(" (lot {l})"))
                .unwrap_or_default();
            html! {
                <li><strong>{ format!("{title}{lot}: ") }</strong>{ c.reason.as_deref().map(sentence).unwrap_or_default() }</li>
            }
        })
        .collect();
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <section class="not-applicable" aria-labelledby="not-applicable-heading">
            <h3 id="not-applicable-heading" class="heading-s">{ format!("Rules that do not apply under this tender's law ({})", rows.len()) }</h3>
            <ul id="not-applicable-list">{ for rows }</ul>
        </section>
    }
}

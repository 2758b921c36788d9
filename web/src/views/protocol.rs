//! The protocol screen: the criteria tree with weights and scales, the barrier rules and the
//! eligibility definition, each with its sources; loading another protocol; and the weights a
//! tender may tune, within their ranges.

use crate::app::{dispatch, use_ctx};
use crate::engine::{
    cites, Applies, Cite, CriterionBody, Document, EligibilityRule, Holding, Method, PriceFormula,
    Protocol, Scope, Severity, ShareOp, Standing,
};
use crate::pointer::field_id;
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, ErrorSummary, Field, Kind};
use crate::views::import::ImportButton;
use yew::prelude::*;

fn sources(p: &Protocol, c: &[Cite]) -> String {
    cites(p.sources(), c)
        .iter()
        .map(|c| format!("{}, {}", c.title, c.clause))
        .collect::<Vec<_>>()
        .join("; ")
}

fn method_words(p: &Protocol, body: &CriterionBody) -> String {
    match body {
        CriterionBody::Group(_) => "Group of the criteria below".into(),
        CriterionBody::Leaf(Method::Panel { scale, minimum }) => {
            let s = p.scale(scale).map(|s| s.title.clone()).unwrap_or_default();
            match minimum {
                Some(m) => format!("Scored by the panel on the {s}; minimum {}{}", m.score, if m.disqualifies { ", below which the bid is excluded" } else { "" }),
                None => format!("Scored by the panel on the {s}"),
            }
        }
        CriterionBody::Leaf(Method::Banded { fact, bands, out_of }) => format!(
            "Worked out from the bid: {} ({})",
            p.bid_fact_title(fact),
            bands.iter().map(|b| match b.to {
                Some(to) => format!("{} to under {}: {} of {out_of} points", b.from.to_exact_string(), to.to_exact_string(), b.points),
                None => format!("{} or more: {} of {out_of} points", b.from.to_exact_string(), b.points),
            }).collect::<Vec<_>>().join("; ")
        ),
        CriterionBody::Leaf(Method::Price(f)) => match f {
            PriceFormula::LowestPriceRatio => "Price: lowest price ÷ this price × the marks".into(),
            PriceFormula::LinearCeilingFloor => "Price: full marks at or below the floor, none at or above the ceiling, a straight line between".into(),
            PriceFormula::Benchmark => "Price: against the lot's published benchmark, more marks below it and fewer above".into(),
        },
    }
}

fn rule_words(r: &EligibilityRule) -> String {
    let op = |o: &ShareOp| match o {
        ShareOp::AtLeast => "at least",
        ShareOp::MoreThan => "more than",
    };
    match r {
        EligibilityRule::BoardShare { op: o, percent } => format!(
            "Voting board members who are disabled people or use support services: {} {}%",
            op(o),
            percent.to_exact_string()
        ),
        EligibilityRule::StaffShare { op: o, percent } => format!(
            "Staff who are disabled people: {} {}%",
            op(o),
            percent.to_exact_string()
        ),
        EligibilityRule::VolunteerShare { op: o, percent } => format!(
            "Volunteers who are disabled people: {} {}%",
            op(o),
            percent.to_exact_string()
        ),
        EligibilityRule::Declaration(d) => {
            format!("The organisation declares: {}", d.word().replace('_', " "))
        }
        EligibilityRule::LegalForm(forms) => format!(
            "Legal form: {}",
            forms
                .iter()
                .map(|f| f.describe())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A criterion's weight as this tender uses it: the tender's own where it sets one (the one
/// the results use), with the protocol's default beside it as context.
fn weight_cell(tender: &serde_json::Value, id: &str, default: &str) -> Html {
    let pointer = format!("/weights/{}", crate::pointer::escape(id));
    let set = crate::pointer::text(tender, &pointer);
    if set.is_empty() || set == default {
        html! { <>{ format!("{default}%") }<span class="hint">{ " (the protocol's default)" }</span></> }
    } else {
        html! { <><strong>{ format!("{set}%") }</strong><span class="hint">{ format!(" (set by this tender; default {default}%)") }</span></> }
    }
}

#[function_component(ProtocolView)]
pub fn protocol_view() -> Html {
    let ctx = use_ctx();
    let use_shipped = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch(&ctx, Action::Protocol(None));
            ctx.announce
                .emit("Now using the shipped User-Led Commissioning Protocol.".into());
        })
    };
    let loader = html! {
        <section class="card" aria-labelledby="load-heading">
            <h2 id="load-heading" class="heading-m">{ "Use another protocol" }</h2>
            <ImportButton kind={Document::Protocol} label="Load a protocol file" />
            if ctx.ws.protocol_text.is_some() {
                <button type="button" class="button button--secondary" onclick={use_shipped}>{ "Go back to the shipped protocol" }</button>
            }
        </section>
    };
    let p = match &ctx.model.protocol {
        Ok(p) => p.clone(),
        Err(problems) => {
            return html! {
                <>
                    <h1 id="page-heading" tabindex="-1">{ "Protocol" }</h1>
                    <ErrorSummary doc="protocol" problems={problems.clone()} title="The protocol cannot be read" />
                    { loader }
                </>
            }
        }
    };
    let d = p.doc();
    let tender_problems = ctx.model.tender_problems.clone();
    // Issue 15: weights published as shares of the whole award ("Quality 55%: Q1 20%, Q2
    // 15%..."), and what each lot may choose.
    let choices = crate::engine::lot_choices(&ctx.ws);
    let of_whole = choices.weights_as == "share_of_whole";
    let weight_words = if of_whole {
        "share of the whole award"
    } else {
        "weight"
    };
    let weight_fields = d.tunable.iter().map(|t| {
        let title = p.criterion(&t.criterion).map(|c| c.title.clone()).unwrap_or_default();
        let pointer = format!("/weights/{}", crate::pointer::escape(&t.criterion));
        let default = p.criterion(&t.criterion).map(|c| c.weight.to_exact_string()).unwrap_or_default();
        let value = crate::pointer::text(&ctx.ws.tender, &pointer);
        let ctx2 = ctx.clone();
        let ptr = pointer.clone();
        let onchange = Callback::from(move |v: String| {
            dispatch(&ctx2, Action::Set { doc: Doc::Tender, pointer: ptr.clone(), value: crate::views::form::value_of(Kind::Decimal, &v) });
        });
        html! {
            <Field id={field_id("tender", &pointer)} label={format!("{title}: {weight_words} (%)")}
                hint={Some(AttrValue::from(format!("From {} to {}. The protocol's default is {default}; leave empty to use it.", t.min.to_exact_string(), t.max.to_exact_string())))}
                value={value} error={error_at(tender_problems.as_ref(), &pointer).or_else(|| error_at(tender_problems.as_ref(), "/weights"))}
                kind={Kind::Decimal} class={Some("w-5")} {onchange} />
        }
    });
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Protocol" }</h1>
            <p class="lede">{ format!("{} {}, effective {}.", d.title, d.version, d.effective_date) }
                if let Some(s) = &d.summary { { " " }{ s } }</p>

            <section class="card" aria-labelledby="weights-heading">
                <h2 id="weights-heading" class="heading-m">{ "Weights this tender may tune" }</h2>
                if of_whole {
                    <p class="hint" id="weights-as">{ "This protocol publishes each weight as a share of the whole award: a group's criteria add up to the group's own weight, and the top-level weights to 100. Try the What if screen to see whether a change would alter the ranking." }</p>
                } else {
                    <p class="hint" id="weights-as">{ "Weights in each group must still add up to 100. Try the What if screen to see whether a change would alter the ranking." }</p>
                }
                <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>{ for weight_fields }</form>
            </section>

            <h2 class="heading-l">{ "Award criteria" }</h2>
            <div class="scroll" role="region" tabindex="0" aria-labelledby="criteria-caption">
            <table class="table" id="criteria-table">
                <caption id="criteria-caption">{ "Criteria, the weights this tender uses, and how each is scored" }</caption>
                <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col" class="num">{ if of_whole { "Share of the whole award (this tender)" } else { "Weight in its group (this tender)" } }</th><th scope="col">{ "How it is scored" }</th><th scope="col">{ "Sources" }</th></tr></thead>
                <tbody>
                    { for p.tree().iter().filter_map(|n| p.criterion(&n.id).map(|c| (n, c))).map(|(n, c)| html! {
                        <tr>
                            <th scope="row" class={format!("depth-{}", n.depth)}>{ &c.title }</th>
                            <td class="num">{ weight_cell(&ctx.ws.tender, &c.id, &c.weight.to_exact_string()) }</td>
                            <td>{ method_words(&p, &c.body) }</td>
                            <td>{ sources(&p, &c.cites) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <h3 class="heading-m">{ "How each lot may be evaluated" }</h3>
            <p>{ "The tender chooses, for each lot, one of these models, and must then apply it as published:" }</p>
            <ul id="models-allowed">{ for choices.models.iter().map(|m| {
                let (l, h) = crate::views::lot_model::model_words(m);
                html! { <li><strong>{ l }</strong>{ ". " }{ h }</li> }
            }) }</ul>
            if !choices.formulas.is_empty() {
                <p>{ "A lot may choose how its price is scored:" }</p>
                <ul id="formulas-allowed">{ for choices.formulas.iter().map(|f| html! { <li>{ crate::views::lot_model::formula_words(f) }</li> }) }</ul>
            }
            { for d.scales.iter().map(|s| html! {
                <details class="details">
                    <summary>{ format!("The {} and its descriptors", s.title) }</summary>
                    <dl class="scale">{ for s.points.iter().map(|pt| html!{ <><dt>{ format!("{}: {}", pt.score, pt.label) }</dt><dd>{ &pt.descriptor }</dd></> }) }</dl>
                </details>
            }) }

            <h2 class="heading-l">{ "What makes a user-led organisation" }</h2>
            <p>{ &d.eligibility.summary }</p>
            <ul class="rules">
                { for d.eligibility.tests.iter().map(|t| html! {
                    <li><strong>{ &t.title }</strong>{ ". " }{ rule_words(&t.rule) }{ "." }<br /><span class="hint">{ "Source: " }{ sources(&p, &t.cites) }</span></li>
                }) }
            </ul>

            <h2 class="heading-l">{ "Barrier rules" }</h2>
            <ul class="rules">
                { for d.barriers.iter().map(|b| html! {
                    <li>
                        <strong><span class="tag">{ match &b.holding {
                            Holding::Everywhere { severity: Severity::Must, .. } => "Must",
                            Holding::Everywhere { severity: Severity::Should, .. } => "Should",
                            Holding::ByRegime(_) => "By regime",
                        } }</span>{ " " }{ &b.title }</strong>
                        { match b.scope { Scope::Lot => " (checked for each lot)", Scope::Tender => "" } }<br />
                        { crate::views::fields::sentence(&b.require.describe()) }<br />
                        { match &b.holding {
                            Holding::Everywhere { cites, .. } => html! {
                                <span class="hint">{ "Source: " }{ sources(&p, cites) }</span>
                            },
                            Holding::ByRegime(entries) => html! {
                                <ul>{ for entries.iter().map(|e| applies_item(&p, e)) }</ul>
                            },
                        } }
                    </li>
                }) }
            </ul>

            <h2 class="heading-l">{ "Sources" }</h2>
            <ul class="rules">
                { for d.sources.iter().map(|s| html! {
                    <li><strong>{ &s.id }</strong>{ ": " }{ &s.title }{ format!(" ({})", s.kind.word().replace('_', " ")) }
                        if let Some(u) = &s.url { { " " }<span class="url">{ u }</span> }</li>
                }) }
            </ul>
            { loader }
        </>
    }
}

/// Where a rule holds under some regimes: the standing (law, so a must; or policy, a should)
/// and the sources there.
fn applies_item(p: &Protocol, e: &Applies) -> Html {
    let standing = match e.standing {
        Standing::Law => "Law (must)",
        Standing::Policy => "Policy (should)",
    };
    let regimes: Vec<&str> = e.regimes.iter().map(|r| r.title()).collect();
    html! {
        <li>
            <strong>{ standing }</strong>{ format!(" under {}", regimes.join("; ")) }
            if let Some(n) = &e.note { { ". " }{ n } }
            <br /><span class="hint">{ "Source: " }{ sources(p, &e.cites) }</span>
        </li>
    }
}

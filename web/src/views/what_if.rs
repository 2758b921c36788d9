//! What if: move a tunable weight within its range and see whether the ranking changes, and at
//! which weight it would. Every ranking shown is the core's, re-scored at that weight.

use crate::app::{dispatch, use_ctx};
use crate::engine;
use crate::state::{Action, Doc};
use crate::views::fields::Select;
use crate::views::results::NotScored;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(WhatIf)]
pub fn what_if() -> Html {
    let ctx = use_ctx();
    let pair = use_state(|| 0usize);
    let step = use_state(|| None::<usize>);
    let (Ok(protocol), Some(result)) = (ctx.model.protocol.clone(), ctx.model.result()) else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "What if" }</h1><NotScored /></> };
    };
    // Pairs of tunable criteria in the same group.
    let tunable: Vec<&str> = protocol
        .doc()
        .tunable
        .iter()
        .map(|t| t.criterion.as_str())
        .collect();
    let parent = |id: &str| {
        protocol
            .tree()
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.parent.clone())
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for a in &tunable {
        for b in &tunable {
            if a != b && parent(a) == parent(b) {
                pairs.push((a.to_string(), b.to_string()));
            }
        }
    }
    if pairs.is_empty() {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "What if" }</h1><p>{ "This protocol lets a tender tune no pair of weights." }</p></> };
    }
    let title = |id: &str| {
        protocol
            .criterion(id)
            .map(|c| c.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let pi = (*pair).min(pairs.len() - 1);
    let (a, b) = pairs[pi].clone();
    let sweep = {
        let docs = ctx.model.scored.clone();
        let protocol = protocol.clone();
        let (a, b) = (a.clone(), b.clone());
        use_memo((docs, a, b), move |(docs, a, b)| match docs {
            Some(d) => engine::sweep(&protocol, d, a, b),
            None => Err(crate::engine::Problems(Vec::new())),
        })
    };
    let options: Vec<(String, String)> = pairs
        .iter()
        .enumerate()
        .map(|(i, (x, y))| {
            (
                i.to_string(),
                format!("{} (against {})", title(x), title(y)),
            )
        })
        .collect();
    let on_pair = {
        let pair = pair.clone();
        let step = step.clone();
        Callback::from(move |v: String| {
            pair.set(v.parse().unwrap_or(0));
            step.set(None);
        })
    };

    let body = match &*sweep {
        Err(p) => {
            html! { <p>{ format!("The sweep cannot be run: {}", p.iter().map(|x| x.kind.message()).collect::<Vec<_>>().join("; ")) }</p> }
        }
        Ok(s) => {
            let now = s
                .points
                .iter()
                .position(|p| p.weight == s.current)
                .unwrap_or(0);
            let at = step.unwrap_or(now).min(s.points.len().saturating_sub(1));
            let point = &s.points[at];
            let on_slide = {
                let step = step.clone();
                Callback::from(move |e: InputEvent| {
                    let v: HtmlInputElement = e.target_unchecked_into();
                    step.set(v.value().parse().ok());
                })
            };
            let apply = {
                let ctx = ctx.clone();
                let (a, b) = (a.clone(), b.clone());
                let (wa, wb) = (point.weight.clone(), point.partner_weight.clone());
                Callback::from(move |_: MouseEvent| {
                    dispatch(
                        &ctx,
                        Action::Set {
                            doc: Doc::Tender,
                            pointer: format!("/weights/{a}"),
                            value: Some(Value::String(wa.clone())),
                        },
                    );
                    dispatch(
                        &ctx,
                        Action::Set {
                            doc: Doc::Tender,
                            pointer: format!("/weights/{b}"),
                            value: Some(Value::String(wb.clone())),
                        },
                    );
                    ctx.announce.emit(format!(
                        "The tender now weights {a} at {wa}% and {b} at {wb}%."
                    ));
                })
            };
            let name = |id: &str| {
                result
                    .bids
                    .iter()
                    .find(|x| x.bid == id)
                    .map_or(id.to_string(), |x| x.bidder.clone())
            };
            html! {
                <>
                    <div class="field">
                        <label class="label" for="what-if-slider">{ format!("Weight of {} (%)", title(&a)) }</label>
                        <div class="hint" id="what-if-hint">{ format!("From {} to {}, in steps of 0.5. {} moves the other way so the group still makes 100.", s.points.first().map(|p| p.weight.as_str()).unwrap_or(""), s.points.last().map(|p| p.weight.as_str()).unwrap_or(""), title(&b)) }</div>
                        <input type="range" id="what-if-slider" class="range" min="0" max={(s.points.len() - 1).to_string()} step="1"
                            value={at.to_string()} aria-describedby="what-if-hint what-if-now"
                            aria-valuetext={format!("{}% {}, {}% {}", point.weight, title(&a), point.partner_weight, title(&b))} oninput={on_slide} />
                    </div>
                    <p id="what-if-now" role="status" aria-live="polite">
                        <strong>{ format!("{} {}%, {} {}%. ", title(&a), point.weight, title(&b), point.partner_weight) }</strong>
                        { if point.changed { "The ranking would change." } else { "The ranking would not change." } }
                    </p>
                    <ul class="rules">
                        <li>{ match &s.change_above { Some(c) => format!("Raising {} to {}% would change the ranking: {}.", title(&a), c.weight, c.text), None => format!("Raising {} as far as the protocol allows would not change the ranking.", title(&a)) } }</li>
                        <li>{ match &s.change_below { Some(c) => format!("Lowering {} to {}% would change the ranking: {}.", title(&a), c.weight, c.text), None => format!("Lowering {} as far as the protocol allows would not change the ranking.", title(&a)) } }</li>
                    </ul>
                    { for point.lots.iter().map(|l| html! {
                        <div class="lot">
                            <h2 class="heading-m">{ format!("Lot {} at these weights", l.lot) }</h2>
                            <ol class="ranking-list">{ for l.order.iter().map(|(r, id)| html!{ <li>{ format!("Rank {r}: {}", name(id)) }</li> }) }</ol>
                        </div>
                    }) }
                    <button type="button" class="button button--secondary" onclick={apply}>{ "Use these weights in the tender" }</button>
                </>
            }
        }
    };
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "What if" }</h1>
            <p class="lede">{ "See how robust the ranking is: move a weight and the bids are scored again by the engine at every step." }</p>
            <Select id="what-if-pair" label="Weight to move" options={options} selected={pi.to_string()} onchange={on_pair} />
            { body }
        </>
    }
}

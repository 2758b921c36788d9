//! Scoring: each evaluator's scores with the scale's descriptors beside them and a rationale
//! for each; and moderation: each criterion's spread, the variance flags and the moderated score.

use crate::app::{dispatch, use_ctx};
use crate::engine::{FlagCode, ModerationMethod};
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, ErrorSummary, Field, Kind, Radios, Select};
use crate::views::results::NotScored;
use serde_json::{json, Value};
use yew::prelude::*;

fn list(v: &Value, key: &str) -> Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

#[function_component(Scoring)]
pub fn scoring() -> Html {
    let ctx = use_ctx();
    let Ok(protocol) = ctx.model.protocol.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1><NotScored /></> };
    };
    let panel = list(&ctx.ws.tender, "panel");
    let bids = list(&ctx.ws.bids, "bids");
    let evaluator = use_state(|| {
        panel
            .first()
            .map(|e| str_at(e, "id").to_string())
            .unwrap_or_default()
    });
    let bid_index = use_state(|| 0usize);
    let problems = ctx.model.bid_problems.clone();
    let pr = problems.as_ref();
    let criteria = crate::engine::panel_criteria(&protocol);
    if panel.is_empty() || bids.is_empty() {
        return html! {
            <>
                <h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1>
                <p>{ "Add evaluators to the panel on the Tender screen, and bids on the Bids screen, to score them here." }</p>
            </>
        };
    }
    let bi = (*bid_index).min(bids.len() - 1);
    let bid = &bids[bi];
    let bidder = bid
        .pointer("/organisation/name")
        .and_then(Value::as_str)
        .unwrap_or("this bid")
        .to_string();
    let ev = (*evaluator).clone();
    let ev_name = panel
        .iter()
        .find(|e| str_at(e, "id") == ev)
        .map(|e| str_at(e, "name").to_string())
        .unwrap_or(ev.clone());

    let evaluators: Vec<(String, String)> = panel
        .iter()
        .map(|e| {
            let role = if str_at(e, "role") == "lived_experience" {
                "lived experience"
            } else {
                "officer"
            };
            (
                str_at(e, "id").to_string(),
                format!("{} ({role})", str_at(e, "name")),
            )
        })
        .collect();
    let bid_options: Vec<(String, String)> = bids
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (
                i.to_string(),
                format!(
                    "{} (lot {})",
                    b.pointer("/organisation/name")
                        .and_then(Value::as_str)
                        .unwrap_or("?"),
                    str_at(b, "lot")
                ),
            )
        })
        .collect();

    let on_evaluator = {
        let e = evaluator.clone();
        Callback::from(move |v: String| e.set(v))
    };
    let on_bid = {
        let b = bid_index.clone();
        Callback::from(move |v: String| b.set(v.parse().unwrap_or(0)))
    };

    let forms = criteria.iter().map(|(id, title, description, scale)| {
        let score_ptr = format!("/bids/{bi}/scores/{}/{}/score", pointer::escape(id), pointer::escape(&ev));
        let rationale_ptr = format!("/bids/{bi}/scores/{}/{}/rationale", pointer::escape(id), pointer::escape(&ev));
        let cell_ptr = format!("/bids/{bi}/scores/{}/{}", pointer::escape(id), pointer::escape(&ev));
        let current = pointer::text(&ctx.ws.bids, &score_ptr);
        let mut options: Vec<(String, String, Option<String>)> = scale.points.iter()
            .map(|p| (p.score.to_string(), format!("{}: {}", p.score, p.label), Some(p.descriptor.clone()))).collect();
        options.push(("none".into(), "Not scored yet".into(), None));
        let on_score = {
            let ctx = ctx.clone();
            let cell_ptr = cell_ptr.clone();
            let score_ptr = score_ptr.clone();
            let bidder = bidder.clone();
            let title = title.clone();
            let ev_name = ev_name.clone();
            Callback::from(move |v: String| {
                match v.parse::<i64>() {
                    Ok(n) => {
                        dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: score_ptr.clone(), value: Some(json!(n)) });
                        ctx.announce.emit(format!("{ev_name} scored {bidder} {n} for {title}."));
                    }
                    Err(_) => {
                        dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: cell_ptr.clone(), value: None });
                        ctx.announce.emit(format!("{ev_name}'s score for {bidder} on {title} removed."));
                    }
                }
            })
        };
        let on_rationale = {
            let ctx = ctx.clone();
            let rationale_ptr = rationale_ptr.clone();
            Callback::from(move |v: String| {
                let value = (!v.trim().is_empty()).then_some(Value::String(v));
                dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: rationale_ptr.clone(), value });
            })
        };
        let scored = !current.is_empty();
        html! {
            <section class="card criterion-score" aria-labelledby={format!("crit-{id}")}>
                <h2 class="heading-m" id={format!("crit-{id}")}>{ title }</h2>
                if let Some(d) = description { <p class="hint">{ d }</p> }
                <Radios id={field_id("bids", &score_ptr)} legend={format!("{ev_name}'s score for {bidder}")}
                    options={options} selected={if scored { current } else { "none".to_string() }}
                    error={error_at(pr, &score_ptr)} onchange={on_score} />
                if scored {
                    <Field id={field_id("bids", &rationale_ptr)} label={format!("Reasons for the score (optional)")}
                        hint={Some(AttrValue::from("Say what in the answer led to the score, in the words of the descriptor."))}
                        value={pointer::text(&ctx.ws.bids, &rationale_ptr)} error={error_at(pr, &rationale_ptr)} kind={Kind::Area} onchange={on_rationale} />
                }
            </section>
        }
    });

    let grid_caption = format!("Scores given by {ev_name}");
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1>
            <p class="lede">{ "Each evaluator scores each answer on the protocol's scale. The descriptor of each score is shown with it." }</p>
            if let Some(p) = &problems { <ErrorSummary doc="bids" problems={p.clone()} /> }
            <div class="row">
                <Select id="score-evaluator" label="Evaluator" options={evaluators} selected={ev.clone()} onchange={on_evaluator} />
                <Select id="score-bid" label="Bid" options={bid_options} selected={bi.to_string()} onchange={on_bid} />
            </div>
            { for forms }
            <div class="scroll" role="region" tabindex="0" aria-labelledby="grid-caption">
            <table class="table">
                <caption id="grid-caption">{ grid_caption }</caption>
                <thead><tr><th scope="col">{ "Bid" }</th>
                    { for criteria.iter().map(|(_, t, _, _)| html!{ <th scope="col" class="num">{ t }</th> }) }</tr></thead>
                <tbody>
                    { for bids.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ b.pointer("/organisation/name").and_then(Value::as_str).unwrap_or("?") }</th>
                            { for criteria.iter().map(|(id, _, _, _)| {
                                let s = b.pointer(&format!("/scores/{}/{}/score", pointer::escape(id), pointer::escape(&ev)));
                                html!{ <td class="num">{ s.map(|v| v.to_string()).unwrap_or_else(|| "not scored".into()) }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

#[function_component(ModerationView)]
pub fn moderation_view() -> Html {
    let ctx = use_ctx();
    let Ok(protocol) = ctx.model.protocol.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Moderation" }</h1><NotScored /></> };
    };
    let Some(result) = ctx.model.result.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Moderation" }</h1><NotScored /></> };
    };
    let m = &protocol.doc().award.moderation;
    let method = match &m.method {
        ModerationMethod::Consensus => "a consensus score agreed by the panel and recorded by the moderator".to_string(),
        ModerationMethod::Median => "the median of the evaluators' scores".to_string(),
        ModerationMethod::Mean { lived_experience_share: Some(s) } => format!("the mean of the evaluators' scores, with evaluators who have lived experience counting for {}% of it", s.to_exact_string()),
        ModerationMethod::Mean { lived_experience_share: None } => "the mean of the evaluators' scores".to_string(),
    };
    let consensus = matches!(m.method, ModerationMethod::Consensus);
    let bids = list(&ctx.ws.bids, "bids");
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Moderation" }</h1>
            <p class="lede">{ format!("The moderated score is {method}. A spread of more than {} points between evaluators is flagged for discussion.", m.variance_limit) }</p>
            { for result.bids.iter().map(|b| {
                let bi = bids.iter().position(|x| str_at(x, "id") == b.bid).unwrap_or(0);
                let caption_id = format!("moderation-{}", b.bid);
                html! {
                    <div class="moderation-bid">
                        <div class="scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                        <table class="table">
                            <caption id={caption_id}>{ format!("{} (lot {})", b.bidder, b.lot) }</caption>
                            <thead><tr>
                                <th scope="col">{ "Criterion" }</th><th scope="col">{ "Scores" }</th>
                                <th scope="col" class="num">{ "Spread" }</th><th scope="col">{ "Flag" }</th>
                                <th scope="col" class="num">{ "Moderated" }</th><th scope="col" class="num">{ "Marks" }</th>
                            </tr></thead>
                            <tbody>
                                { for b.criteria.iter().filter_map(|c| c.panel.as_ref().map(|p| (c, p))).map(|(c, p)| {
                                    let flagged = b.flags.iter().any(|f| f.code == FlagCode::HighVariance && f.criterion.as_deref() == Some(c.criterion.as_str()));
                                    html! {
                                        <tr>
                                            <th scope="row">{ &c.title }</th>
                                            <td>{ p.scores.iter().map(|s| format!("{} {}", s.name, s.score)).collect::<Vec<_>>().join("; ") }</td>
                                            <td class="num">{ p.spread.map(|s| s.to_string()).unwrap_or_else(|| "-".into()) }</td>
                                            <td>{ if flagged { "High variance: discuss" } else { "" } }</td>
                                            <td class="num">{ p.moderated.clone().unwrap_or_else(|| "not yet".into()) }</td>
                                            <td class="num">{ c.marks.clone().unwrap_or_else(|| "-".into()) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        </div>
                        if consensus {
                            { for b.criteria.iter().filter(|c| c.panel.is_some()).map(|c| {
                                let base = format!("/bids/{bi}/consensus/{}", pointer::escape(&c.criterion));
                                let on_score = { let ctx = ctx.clone(); let p = format!("{base}/score");
                                    Callback::from(move |v: String| dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: p.clone(), value: crate::views::form::value_of(Kind::Whole, &v) })) };
                                let on_why = { let ctx = ctx.clone(); let p = format!("{base}/rationale");
                                    Callback::from(move |v: String| dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: p.clone(), value: crate::views::form::value_of(Kind::Area, &v) })) };
                                html! {
                                    <fieldset class="fieldset card">
                                        <legend class="legend">{ format!("Consensus for {}: {}", b.bidder, c.title) }</legend>
                                        <Field id={field_id("bids", &format!("{base}/score"))} label="Agreed score" value={pointer::text(&ctx.ws.bids, &format!("{base}/score"))} kind={Kind::Whole} class={Some("w-5")} onchange={on_score} />
                                        <Field id={field_id("bids", &format!("{base}/rationale"))} label="Reasons recorded by the moderator" value={pointer::text(&ctx.ws.bids, &format!("{base}/rationale"))} kind={Kind::Area} onchange={on_why} />
                                    </fieldset>
                                }
                            }) }
                        }
                    </div>
                }
            }) }
        </>
    }
}

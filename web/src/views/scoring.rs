//! Scoring: a grid of every score (bids x criteria for one evaluator, or criteria x evaluators
//! for one bid), moved about by arrow keys, with the descriptors of the cell in focus and a reason
//! for each score; and moderation: each criterion's spread, the variance flags and the moderated score.

use crate::app::{dispatch, use_ctx};
use crate::engine::{FlagCode, ModerationMethod, Scale};
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, ErrorSummary, Field, Kind, Radios, Select};
use crate::views::results::NotScored;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
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

/// How the scoring grid is cut: every bid against every question for one evaluator, or every
/// evaluator against every question for one bid. Both are one screen; before the grid, scoring
/// 7 bids by 3 evaluators took 21 screens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    ByEvaluator,
    ByBid,
}

/// One cell of the grid: whose score of which bid on which criterion.
#[derive(Clone, PartialEq)]
struct Cell {
    /// The bid's index in the bids document (scores are edited by pointer into it).
    bid: usize,
    bidder: String,
    criterion: usize,
    evaluator: String,
    evaluator_name: String,
}

impl Cell {
    fn base(&self, criterion: &str) -> String {
        format!(
            "/bids/{}/scores/{}/{}",
            self.bid,
            pointer::escape(criterion),
            pointer::escape(&self.evaluator)
        )
    }
}

/// A row of the grid: its heading, a line under the heading (the bid's lot), and its cells.
type Row = (String, Option<String>, Vec<Cell>);

/// The scale's scores in words, for the message when something else is typed.
fn scale_words(scale: &Scale) -> String {
    let mut scores: Vec<String> = scale.points.iter().map(|p| p.score.to_string()).collect();
    match scores.pop() {
        Some(last) if scores.is_empty() => last,
        Some(last) => format!("{} or {last}", scores.join(", ")),
        None => String::new(),
    }
}

/// Moves focus to a cell of the grid (roving tabindex: the cell takes tabindex 0 when it is
/// focused, so Tab leaves the grid and comes back to the same cell).
fn focus_cell(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn cell_id(r: usize, c: usize) -> String {
    format!("grid-cell-{r}-{c}")
}

#[function_component(Scoring)]
pub fn scoring() -> Html {
    let ctx = use_ctx();
    let panel = list(&ctx.ws.tender, "panel");
    let cut = use_state(|| Cut::ByEvaluator);
    let evaluator = use_state(|| {
        panel
            .first()
            .map(|e| str_at(e, "id").to_string())
            .unwrap_or_default()
    });
    let bid_index = use_state(|| 0usize);
    // The cell last focused (row, column): the one in the Tab order, whose descriptors and
    // reasons are shown below the grid.
    let active = use_state(|| (0usize, 0usize));
    // Text typed in a cell that is not a score on the scale: kept (and said to be wrong) while
    // the cell has focus, never written to the bids.
    let bad = use_state(|| None::<(usize, usize, String)>);
    let Ok(protocol) = ctx.model.protocol.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1><NotScored /></> };
    };
    let bids = list(&ctx.ws.bids, "bids");
    let problems = ctx.model.bid_problems.clone();
    let pr = problems.as_ref();
    let criteria = crate::engine::panel_criteria(&protocol);
    if panel.is_empty() || bids.is_empty() || criteria.is_empty() {
        return html! {
            <>
                <h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1>
                <p>{ "Add evaluators to the panel on the Tender screen, and bids on the Bids screen, to score them here." }</p>
            </>
        };
    }
    let name_of = |e: &Value| {
        let role = if str_at(e, "role") == "lived_experience" {
            "lived experience"
        } else {
            "officer"
        };
        (
            str_at(e, "id").to_string(),
            str_at(e, "name").to_string(),
            role,
        )
    };
    let evaluators: Vec<(String, String, &str)> = panel.iter().map(name_of).collect();
    let ev = if evaluators.iter().any(|(id, _, _)| *id == *evaluator) {
        (*evaluator).clone()
    } else {
        evaluators[0].0.clone()
    };
    let bidder_of = |b: &Value| {
        b.pointer("/organisation/name")
            .and_then(Value::as_str)
            .unwrap_or("this bid")
            .to_string()
    };
    // Bids grouped by lot (in the order of the document within a lot).
    let mut order: Vec<usize> = (0..bids.len()).collect();
    order.sort_by(|a, b| str_at(&bids[*a], "lot").cmp(str_at(&bids[*b], "lot")));
    let bi = (*bid_index).min(bids.len() - 1);

    // The grid as rows of cells, with the rows' and columns' headings.
    let (caption, corner, col_heads, rows): (String, &str, Vec<String>, Vec<Row>) = match *cut {
        Cut::ByEvaluator => {
            let (_, ev_name, _) = evaluators
                .iter()
                .find(|(id, _, _)| *id == ev)
                .cloned()
                .unwrap_or_default();
            (
                format!("Scores given by {ev_name}"),
                "Bid",
                criteria.iter().map(|(_, t, _, _)| t.clone()).collect(),
                order
                    .iter()
                    .map(|&i| {
                        let bidder = bidder_of(&bids[i]);
                        let cells = (0..criteria.len())
                            .map(|c| Cell {
                                bid: i,
                                bidder: bidder.clone(),
                                criterion: c,
                                evaluator: ev.clone(),
                                evaluator_name: ev_name.clone(),
                            })
                            .collect();
                        (
                            bidder,
                            Some(format!("lot {}", str_at(&bids[i], "lot"))),
                            cells,
                        )
                    })
                    .collect(),
            )
        }
        Cut::ByBid => {
            let bidder = bidder_of(&bids[bi]);
            (
                format!(
                    "Every evaluator's scores for {bidder} (lot {})",
                    str_at(&bids[bi], "lot")
                ),
                "Criterion",
                evaluators
                    .iter()
                    .map(|(_, n, role)| format!("{n} ({role})"))
                    .collect(),
                criteria
                    .iter()
                    .enumerate()
                    .map(|(c, (_, title, _, _))| {
                        let cells = evaluators
                            .iter()
                            .map(|(id, n, _)| Cell {
                                bid: bi,
                                bidder: bidder.clone(),
                                criterion: c,
                                evaluator: id.clone(),
                                evaluator_name: n.clone(),
                            })
                            .collect();
                        (title.clone(), None, cells)
                    })
                    .collect(),
            )
        }
    };
    let n_rows = rows.len();
    let n_cols = col_heads.len();
    let (ar, ac) = (
        active.0.min(n_rows - 1),
        active.1.min(n_cols.saturating_sub(1)),
    );
    let given = rows
        .iter()
        .flat_map(|(_, _, cells)| cells.iter())
        .filter(|cell| {
            !pointer::text(
                &ctx.ws.bids,
                &format!("{}/score", cell.base(&criteria[cell.criterion].0)),
            )
            .is_empty()
        })
        .count();

    let on_cut = {
        let cut = cut.clone();
        let active = active.clone();
        Callback::from(move |v: String| {
            active.set((0, 0));
            cut.set(if v == "bid" {
                Cut::ByBid
            } else {
                Cut::ByEvaluator
            });
        })
    };
    let on_evaluator = {
        let e = evaluator.clone();
        Callback::from(move |v: String| e.set(v))
    };
    let on_bid = {
        let b = bid_index.clone();
        Callback::from(move |v: String| b.set(v.parse().unwrap_or(0)))
    };
    let bid_options: Vec<(String, String)> = order
        .iter()
        .map(|&i| {
            (
                i.to_string(),
                format!("{} (lot {})", bidder_of(&bids[i]), str_at(&bids[i], "lot")),
            )
        })
        .collect();

    let cell_html = |r: usize, c: usize, cell: &Cell| -> Html {
        let (crit_id, title, _, scale) = &criteria[cell.criterion];
        let base = cell.base(crit_id);
        let score_ptr = format!("{base}/score");
        let saved = pointer::text(&ctx.ws.bids, &score_ptr);
        let typed = bad
            .as_ref()
            .filter(|(br, bc, _)| *br == r && *bc == c)
            .map(|(_, _, t)| t.clone());
        let error = error_at(pr, &score_ptr);
        let invalid = typed.is_some() || error.is_some();
        let oninput = {
            let ctx = ctx.clone();
            let bad = bad.clone();
            let scale = scale.clone();
            let (base, score_ptr, cell, title) =
                (base.clone(), score_ptr.clone(), cell.clone(), title.clone());
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let text = text.trim();
                if text.is_empty() {
                    bad.set(None);
                    dispatch(
                        &ctx,
                        Action::Set {
                            doc: Doc::Bids,
                            pointer: base.clone(),
                            value: None,
                        },
                    );
                    ctx.announce.emit(format!(
                        "{}'s score for {} on {title} removed.",
                        cell.evaluator_name, cell.bidder
                    ));
                } else if let Some(p) = text
                    .parse::<i64>()
                    .ok()
                    .and_then(|n| scale.points.iter().find(|p| p.score == n))
                {
                    bad.set(None);
                    dispatch(
                        &ctx,
                        Action::Set {
                            doc: Doc::Bids,
                            pointer: score_ptr.clone(),
                            value: Some(json!(p.score)),
                        },
                    );
                    ctx.announce.emit(format!(
                        "{} scored {} {} ({}) for {title}.",
                        cell.evaluator_name, cell.bidder, p.score, p.label
                    ));
                } else {
                    bad.set(Some((r, c, text.to_string())));
                }
            })
        };
        let onfocus = {
            let active = active.clone();
            Callback::from(move |e: FocusEvent| {
                e.target_unchecked_into::<HtmlInputElement>().select();
                active.set((r, c));
            })
        };
        let onblur = {
            let bad = bad.clone();
            Callback::from(move |_: FocusEvent| {
                if bad.as_ref().is_some_and(|(br, bc, _)| *br == r && *bc == c) {
                    bad.set(None);
                }
            })
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowUp" => Some((r.saturating_sub(1), c)),
                "ArrowDown" | "Enter" => Some(((r + 1).min(n_rows - 1), c)),
                "ArrowLeft" => Some((r, c.saturating_sub(1))),
                "ArrowRight" => Some((r, (c + 1).min(n_cols - 1))),
                "Home" if e.ctrl_key() => Some((0, 0)),
                "End" if e.ctrl_key() => Some((n_rows - 1, n_cols - 1)),
                "Home" => Some((r, 0)),
                "End" => Some((r, n_cols - 1)),
                "PageUp" => Some((0, c)),
                "PageDown" => Some((n_rows - 1, c)),
                _ => None,
            };
            if let Some((tr, tc)) = to {
                e.prevent_default();
                focus_cell(&cell_id(tr, tc));
            }
        });
        let has_reason = !pointer::text(&ctx.ws.bids, &format!("{base}/rationale")).is_empty();
        html! {
            <td class={classes!("grid__cell", invalid.then_some("grid__cell--error"))}>
                <input id={cell_id(r, c)} class={classes!("input", "grid__input", invalid.then_some("input--error"))} type="text"
                    inputmode="numeric" autocomplete="off" spellcheck="false"
                    tabindex={if (r, c) == (ar, ac) { "0" } else { "-1" }}
                    aria-label={format!("{title}: {}, scored by {}", cell.bidder, cell.evaluator_name)}
                    aria-describedby="grid-keys cell-detail-heading"
                    aria-invalid={invalid.then_some("true")}
                    data-pointer={score_ptr.clone()}
                    value={typed.unwrap_or(saved)}
                    {oninput} {onfocus} {onblur} {onkeydown} />
                if has_reason { <span class="grid__reason" aria-hidden="true">{ "R" }</span><span class="visually-hidden">{ "Reason recorded" }</span> }
            </td>
        }
    };

    // The active cell: its criterion's descriptors and the evaluator's reasons for the mark.
    let detail = {
        let cell = &rows[ar].2[ac];
        let (crit_id, title, description, scale) = &criteria[cell.criterion];
        let base = cell.base(crit_id);
        let score_ptr = format!("{base}/score");
        let rationale_ptr = format!("{base}/rationale");
        let saved = pointer::text(&ctx.ws.bids, &score_ptr);
        let typed = bad
            .as_ref()
            .filter(|(br, bc, _)| (*br, *bc) == (ar, ac))
            .map(|(_, _, t)| t.clone());
        let on_rationale = {
            let ctx = ctx.clone();
            let rationale_ptr = rationale_ptr.clone();
            Callback::from(move |v: String| {
                let value = (!v.trim().is_empty()).then_some(Value::String(v));
                dispatch(
                    &ctx,
                    Action::Set {
                        doc: Doc::Bids,
                        pointer: rationale_ptr.clone(),
                        value,
                    },
                );
            })
        };
        html! {
            <section class="card grid__detail" id="cell-detail" aria-labelledby="cell-detail-heading">
                <h2 class="heading-m" id="cell-detail-heading">{ format!("{title}: {}, scored by {}", cell.bidder, cell.evaluator_name) }</h2>
                if let Some(d) = description { <p class="hint">{ d }</p> }
                if let Some(t) = &typed {
                    <p class="error-message" id="cell-error">
                        <span class="visually-hidden">{ "Error: " }</span>
                        { format!("\"{t}\" is not a score on this scale. Type one of {}; the saved score is kept.", scale_words(scale)) }
                    </p>
                }
                if let Some(e) = error_at(pr, &score_ptr) { <p class="error-message">{ e }</p> }
                <dl class="scale">
                    { for scale.points.iter().map(|p| {
                        let current = saved == p.score.to_string();
                        html! {
                            <div class={classes!("scale__point", current.then_some("scale__point--current"))}>
                                <dt>{ format!("{}: {}", p.score, p.label) }{ if current { " (the score given)" } else { "" } }</dt>
                                <dd>{ &p.descriptor }</dd>
                            </div>
                        }
                    }) }
                </dl>
                if saved.is_empty() {
                    <p class="hint">{ "Give a score in the grid first; then record the reasons for it here." }</p>
                } else {
                    <div key={rationale_ptr.clone()}>
                        <Field id={field_id("bids", &rationale_ptr)} label={format!("Reasons for the score of {saved}")}
                            hint={Some(AttrValue::from("Say what in the answer led to the score, in the words of the descriptor. The reasons are kept with the score and shown in the report."))}
                            value={pointer::text(&ctx.ws.bids, &rationale_ptr)} error={error_at(pr, &rationale_ptr)} kind={Kind::Area} onchange={on_rationale} />
                    </div>
                }
            </section>
        }
    };

    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Scoring" }</h1>
            <p class="lede">{ "Each evaluator scores each answer on the protocol's scale. The grid holds every score; the descriptors of the question in focus, and the reasons for its score, are below it." }</p>
            if let Some(p) = &problems { <ErrorSummary doc="bids" problems={p.clone()} /> }
            <Radios id="score-cut" legend="Score" inline=true
                options={vec![("evaluator".into(), "By evaluator: every bid".into(), None), ("bid".into(), "By bid: every evaluator".into(), None)]}
                selected={if *cut == Cut::ByBid { "bid" } else { "evaluator" }} onchange={on_cut} />
            if *cut == Cut::ByEvaluator {
                <Select id="score-evaluator" label="Evaluator"
                    options={evaluators.iter().map(|(id, n, role)| (id.clone(), format!("{n} ({role})"))).collect::<Vec<_>>()}
                    selected={ev.clone()} onchange={on_evaluator} />
            } else {
                <Select id="score-bid" label="Bid" options={bid_options} selected={bi.to_string()} onchange={on_bid} />
            }
            <p class="hint" id="grid-keys">{ "Type a score in a cell. Arrow keys move between cells; Home and End go to the start and end of a row. R beside a score: its reasons are recorded. Tab goes on to the descriptors and the reasons for the score." }</p>
            <div class="scroll grid-scroll" role="region" tabindex="0" aria-labelledby="grid-caption">
                <table class="table grid" id="score-grid">
                    <caption id="grid-caption">{ format!("{caption}: {given} of {} scores given", n_rows * n_cols) }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="grid__corner">{ corner }</th>
                            { for col_heads.iter().map(|t| html! { <th scope="col" class="grid__col">{ t }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(r, (head, sub, cells))| html! {
                            <tr>
                                <th scope="row" class="grid__row">{ head }
                                    if let Some(s) = sub { <span class="hint block">{ s }</span> }</th>
                                { for cells.iter().enumerate().map(|(c, cell)| cell_html(r, c, cell)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { detail }
        </>
    }
}

#[function_component(ModerationView)]
pub fn moderation_view() -> Html {
    let ctx = use_ctx();
    let Ok(protocol) = ctx.model.protocol.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Moderation" }</h1><NotScored /></> };
    };
    let Some(result) = ctx.model.result() else {
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

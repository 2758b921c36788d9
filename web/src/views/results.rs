//! The results screen: rankings per lot, the chart, a scorecard per bid whose every figure opens
//! its explanation, and two bids side by side.

use crate::app::{use_ctx, View};
use crate::views::fields::{ErrorSummary, Select};
use crate::views::ranking::LotRanking;
use crate::views::scorecard::Scorecard;
use std::rc::Rc;
use ulo_core::report::{BidResult, ScoreResult};
use ulo_core::Exact;
use yew::prelude::*;

/// A link-styled button to another screen.
#[derive(Properties, PartialEq)]
pub struct GoProps {
    pub to: View,
    pub label: AttrValue,
}

#[function_component(GoTo)]
pub fn go_to(p: &GoProps) -> Html {
    let ctx = use_ctx();
    let to = p.to;
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        ctx.go.emit(to);
    });
    html! { <a href={format!("#/{}", to.slug())} {onclick}>{ &p.label }</a> }
}

/// Shown on screens that need scores when the documents cannot be scored yet.
#[function_component(NotScored)]
pub fn not_scored() -> Html {
    let ctx = use_ctx();
    let m = &ctx.model;
    html! {
        <>
            if let Err(p) = &m.protocol {
                <ErrorSummary doc="protocol" problems={p.clone()} title="The protocol cannot be read" />
                <p><GoTo to={View::Protocol} label="Go to the protocol screen to load another protocol" /></p>
            }
            if let Some(p) = &m.tender_problems {
                <div class="notice">
                    <h2 class="heading-m">{ format!("The tender has {} problem{} to fix before bids can be scored", p.len(), if p.len() == 1 { "" } else { "s" }) }</h2>
                    <ul>{ for p.iter().map(|x| html!{ <li>{ crate::views::fields::sentence(&x.kind.message()) }{ format!(" (at {})", x.pointer) }</li> }) }</ul>
                    <p><GoTo to={View::Tender} label="Go to the tender screen to fix them" /></p>
                </div>
            }
            if let Some(p) = &m.bid_problems {
                <div class="notice">
                    <h2 class="heading-m">{ format!("The bids have {} problem{} to fix before they can be scored", p.len(), if p.len() == 1 { "" } else { "s" }) }</h2>
                    <ul>{ for p.iter().map(|x| html!{ <li>{ crate::views::fields::sentence(&x.kind.message()) }{ format!(" (at {})", x.pointer) }</li> }) }</ul>
                    <p><GoTo to={View::Bids} label="Go to the bids screen to fix them" /></p>
                </div>
            }
        </>
    }
}

/// Width in pixels for some marks (6 px a mark), for drawing only.
fn px(marks: &str) -> String {
    Exact::parse_decimal(marks)
        .and_then(|m| m.mul(Exact::int(6)).ok())
        .and_then(|w| w.round(1, ulo_core::exact::RoundingMode::HalfUp).ok())
        .map(|w| w.to_fixed(1))
        .unwrap_or_else(|| "0".into())
}

const FILLS: [&str; 4] = ["#1d70b8", "#00703c", "#912b88", "#b58840"];
const PATTERNS: [&str; 4] = ["solid", "stripes", "dots", "cross"];

#[derive(Properties, PartialEq)]
struct ChartProps {
    lot: String,
    title: String,
    result: Rc<ScoreResult>,
}

/// Each ranked bid's marks by top-level criterion, as stacked bars. Groups are told apart by
/// pattern and by the table beside the chart, never by colour alone.
#[function_component(Chart)]
fn chart(p: &ChartProps) -> Html {
    // The ranked bids, best first (excluded and incomplete bids are listed under the ranking).
    let bids: Vec<&BidResult> = p
        .result
        .lots
        .iter()
        .filter(|l| l.lot == p.lot)
        .flat_map(|l| l.ranking.iter())
        .filter_map(|row| p.result.bids.iter().find(|b| b.bid == row.bid))
        .collect();
    let groups: Vec<(String, String)> = bids
        .first()
        .map(|b| {
            b.criteria
                .iter()
                .filter(|c| c.depth == 1)
                .map(|c| (c.criterion.clone(), c.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    if bids.is_empty() {
        return html! { <p>{ format!("No bid for lot {} is ranked yet, so there is nothing to chart.", p.lot) }</p> };
    }
    let row_h = 34;
    let height = 40 + row_h * bids.len();
    let title_id = format!("chart-title-{}", p.lot);
    let desc_id = format!("chart-desc-{}", p.lot);
    html! {
        <figure class="chart">
            <svg role="img" aria-labelledby={format!("{title_id} {desc_id}")} viewBox={format!("0 0 860 {height}")} width="100%" focusable="false">
                <title id={title_id}>{ format!("Marks by criterion group, lot {}: {}", p.lot, p.title) }</title>
                <desc id={desc_id}>{ "Each bar is one bid's total out of 100, divided into its criterion groups. The same figures are in the table that follows." }</desc>
                <defs>
                    <pattern id="pat-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="8" height="8" fill={FILLS[1]} /><rect width="3" height="8" fill="#ffffff" />
                    </pattern>
                    <pattern id="pat-dots" width="8" height="8" patternUnits="userSpaceOnUse">
                        <rect width="8" height="8" fill={FILLS[2]} /><circle cx="4" cy="4" r="2" fill="#ffffff" />
                    </pattern>
                    <pattern id="pat-cross" width="8" height="8" patternUnits="userSpaceOnUse">
                        <rect width="8" height="8" fill={FILLS[3]} /><path d="M0 4H8M4 0V8" stroke="#ffffff" stroke-width="1.5" />
                    </pattern>
                </defs>
                { for bids.iter().enumerate().map(|(i, b)| {
                    let y = 10 + i * row_h;
                    let mut x = Exact::ZERO;
                    let segs = groups.iter().enumerate().map(|(g, (id, _))| {
                        let marks = b.criteria.iter().find(|c| &c.criterion == id).and_then(|c| c.marks.clone()).unwrap_or_default();
                        let w = px(&marks);
                        let start = x.to_exact_string();
                        x = x.add(Exact::parse_decimal(&w).unwrap_or(Exact::ZERO)).unwrap_or(x);
                        let fill = if g == 0 { FILLS[0].to_string() } else { format!("url(#pat-{})", PATTERNS[g % 4]) };
                        html! { <rect x={start} y={y.to_string()} width={w} height="24" fill={fill} stroke="#0b0c0c" stroke-width="0.5" /> }
                    });
                    html! {
                        <g transform="translate(220 0)">
                            <text x="-8" y={(y + 17).to_string()} text-anchor="end" font-size="13">{ b.bidder.chars().take(30).collect::<String>() }</text>
                            { for segs }
                            <text x={format!("{}", x.to_exact_string().parse::<f32>().unwrap_or(0.0) + 6.0)} y={(y + 17).to_string()} font-size="13">{ b.total.clone().unwrap_or_default() }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <ul class="chart-legend">
                    { for groups.iter().enumerate().map(|(g, (_, title))| html! {
                        <li><svg width="18" height="14" aria-hidden="true" focusable="false"><rect width="18" height="14"
                            fill={ if g == 0 { FILLS[0].to_string() } else { format!("url(#pat-{})", PATTERNS[g % 4]) } } stroke="#0b0c0c" /></svg>
                            { format!(" {} ({})", title, PATTERNS[g % 4]) }</li>
                    }) }
                </ul>
            </figcaption>
            <div class="scroll" role="region" tabindex="0" aria-labelledby={format!("chart-table-{}", p.lot)}>
            <table class="table">
                <caption id={format!("chart-table-{}", p.lot)}>{ format!("Marks by criterion group, lot {}", p.lot) }</caption>
                <thead><tr><th scope="col">{ "Bidder" }</th>
                    { for groups.iter().map(|(_, t)| html!{ <th scope="col" class="num">{ t }</th> }) }
                    <th scope="col" class="num">{ "Total" }</th></tr></thead>
                <tbody>
                    { for bids.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ &b.bidder }</th>
                            { for groups.iter().map(|(id, _)| html!{ <td class="num">{ b.criteria.iter().find(|c| &c.criterion == id).and_then(|c| c.marks.clone()).unwrap_or_default() }</td> }) }
                            <td class="num">{ b.total.clone().unwrap_or_default() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct CompareProps {
    result: Rc<ScoreResult>,
}

/// Two bids side by side, criterion by criterion.
#[function_component(Compare)]
fn compare(p: &CompareProps) -> Html {
    let bids = &p.result.bids;
    let first = use_state(|| bids.first().map(|b| b.bid.clone()).unwrap_or_default());
    let second = use_state(|| bids.get(1).map(|b| b.bid.clone()).unwrap_or_default());
    let options: Vec<(String, String)> = bids
        .iter()
        .map(|b| (b.bid.clone(), format!("{} (lot {})", b.bidder, b.lot)))
        .collect();
    let a = bids.iter().find(|b| b.bid == *first);
    let b = bids.iter().find(|b| b.bid == *second);
    let set = |h: UseStateHandle<String>| Callback::from(move |v: String| h.set(v));
    html! {
        <section aria-labelledby="compare-heading">
            <h2 id="compare-heading" class="heading-l">{ "Compare two bids" }</h2>
            <div class="row">
                <Select id="compare-a" label="First bid" options={options.clone()} selected={(*first).clone()} onchange={set(first.clone())} />
                <Select id="compare-b" label="Second bid" options={options} selected={(*second).clone()} onchange={set(second.clone())} />
            </div>
            if let (Some(a), Some(b)) = (a, b) {
                <div class="scroll" role="region" tabindex="0" aria-labelledby="compare-caption">
                <table class="table">
                    <caption id="compare-caption">{ format!("{} and {}, side by side", a.bidder, b.bidder) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Criterion" }</th>
                        <th scope="col" class="num">{ "Available" }</th>
                        <th scope="col" class="num">{ &a.bidder }</th>
                        <th scope="col" class="num">{ &b.bidder }</th>
                    </tr></thead>
                    <tbody>
                        { for a.criteria.iter().map(|c| {
                            let other = b.criteria.iter().find(|x| x.criterion == c.criterion);
                            html! {
                                <tr>
                                    <th scope="row" class={format!("depth-{}", c.depth)}>{ &c.title }</th>
                                    <td class="num">{ &c.available }</td>
                                    <td class="num">{ c.marks.clone().unwrap_or_else(|| "not scored".into()) }</td>
                                    <td class="num">{ other.and_then(|o| o.marks.clone()).unwrap_or_else(|| "not scored".into()) }</td>
                                </tr>
                            }
                        }) }
                        <tr class="total-row">
                            <th scope="row">{ "Total" }</th>
                            <td class="num">{ &a.available }</td>
                            <td class="num">{ a.total.clone().unwrap_or_else(|| "not scored".into()) }</td>
                            <td class="num">{ b.total.clone().unwrap_or_else(|| "not scored".into()) }</td>
                        </tr>
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}

#[function_component(Results)]
pub fn results() -> Html {
    let ctx = use_ctx();
    let Some(result) = ctx.model.result.clone() else {
        return html! {
            <>
                <h1 id="page-heading" tabindex="-1">{ "Results" }</h1>
                <NotScored />
            </>
        };
    };
    let findings = ctx.model.check.as_ref().map(|c| c.summary.clone());
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Results" }</h1>
            <p class="lede">
                { format!("{} · {}. Scored under {} {} (effective {}).", result.tender.title, result.tender.authority, result.protocol.title, result.protocol.version, result.protocol.effective_date) }
            </p>
            if let Some(f) = findings {
                <div class={classes!("notice", (!f.barrier_free).then_some("notice--warning"))}>
                    <p><strong>{ if f.barrier_free { "Tender design: " } else { "Tender design: barriers found. " } }</strong>{ &f.headline }{ " " }
                        <GoTo to={View::Tender} label="See the findings" /></p>
                </div>
            }
            <section aria-labelledby="rankings-heading">
                <h2 id="rankings-heading" class="heading-l">{ "Rankings" }</h2>
                { for result.lots.iter().map(|lot| html! { <LotRanking lot={lot.clone()} /> }) }
            </section>
            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading" class="heading-l">{ "Marks by criterion group" }</h2>
                { for result.lots.iter().map(|lot| html! { <Chart lot={lot.lot.clone()} title={lot.title.clone()} result={result.clone()} /> }) }
            </section>
            <section aria-labelledby="scorecards-heading">
                <h2 id="scorecards-heading" class="heading-l">{ "Scorecards" }</h2>
                <p class="hint">{ "Open a scorecard to see every figure. Each figure opens to show how it was worked out and the clause it rests on." }</p>
                { for result.bids.iter().map(|b| html! { <Scorecard bid={b.clone()} open={false} /> }) }
            </section>
            <Compare result={result.clone()} />
        </>
    }
}

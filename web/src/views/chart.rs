//! The results chart: each ranked bid's marks by top-level criterion as a stacked bar, with
//! the same figures in a table. Its geometry comes from the engine ([`engine::stacked_bar`]), so
//! the chart does no arithmetic on marks.

use crate::engine::{self, BidResult, ScoreResult};
use std::rc::Rc;
use yew::prelude::*;

/// Pixels a mark: a bar of 100 marks fills the chart's width beside the names.
const PX_PER_MARK: i128 = 6;
const FILLS: [&str; 4] = ["#1d70b8", "#00703c", "#912b88", "#b58840"];
const PATTERNS: [&str; 4] = ["solid", "stripes", "dots", "cross"];

/// A group's fill: the first solid, the others patterned.
fn fill(group: usize) -> String {
    if group == 0 {
        FILLS[0].to_string()
    } else {
        format!("url(#pat-{})", PATTERNS[group % 4])
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub lot: String,
    pub title: String,
    pub result: Rc<ScoreResult>,
}

/// Each ranked bid's marks by top-level criterion, as stacked bars. Groups are told apart by
/// pattern and by the table beside the chart, never by colour alone.
#[function_component(Chart)]
pub fn chart(p: &ChartProps) -> Html {
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
        return html! { <p>{ format!("No bid for {} is ranked yet, so there is nothing to chart.", p.title) }</p> };
    }
    // Each bar has its bidder's whole name on the line above it, so no name is cut short.
    let row_h = 52;
    let height = 40 + row_h * bids.len();
    let title_id = format!("chart-title-{}", p.lot);
    let desc_id = format!("chart-desc-{}", p.lot);
    html! {
        <figure class="chart">
            <svg role="img" aria-labelledby={format!("{title_id} {desc_id}")} viewBox={format!("0 0 860 {height}")} width="100%" focusable="false">
                <title id={title_id}>{ format!("Marks by criterion group: {}", p.title) }</title>
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
                    let marks: Vec<String> = groups.iter().map(|(id, _)| {
                        b.criteria.iter().find(|c| &c.criterion == id).and_then(|c| c.marks.clone()).unwrap_or_default()
                    }).collect();
                    let bar = engine::stacked_bar(&marks, PX_PER_MARK);
                    let segs = bar.segments.into_iter().enumerate().map(|(g, s)| {
                        html! { <rect x={s.x} y={y.to_string()} width={s.width} height="24" fill={fill(g)} stroke="#0b0c0c" stroke-width="0.5" /> }
                    });
                    html! {
                        <g>
                            <text x="0" y={(y + 11).to_string()} font-size="13">{ b.bidder.clone() }</text>
                            <g transform="translate(0 16)">
                                { for segs }
                                <text x={format!("{}", bar.length.parse::<f32>().unwrap_or(0.0) + 6.0)} y={(y + 17).to_string()} font-size="13">{ b.total.clone().unwrap_or_default() }</text>
                            </g>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <ul class="chart-legend">
                    { for groups.iter().enumerate().map(|(g, (_, title))| html! {
                        <li><svg width="18" height="14" aria-hidden="true" focusable="false"><rect width="18" height="14"
                            fill={fill(g)} stroke="#0b0c0c" /></svg>
                            { format!(" {} ({})", title, PATTERNS[g % 4]) }</li>
                    }) }
                </ul>
            </figcaption>
            <div class="scroll" role="region" tabindex="0" aria-labelledby={format!("chart-table-{}", p.lot)}>
            <table class="table">
                <caption id={format!("chart-table-{}", p.lot)}>{ format!("Marks by criterion group: {}", p.title) }</caption>
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

//! A lot's ranking as an accessible table.

use ulo_core::report::LotResult;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lot: LotResult,
}

fn flag_words(code: &str) -> &'static str {
    match code {
        "abnormally_low" => "Abnormally low price: clarification required",
        "high_variance" => "Evaluators disagree: discuss at moderation",
        "partial_panel" => "Not every evaluator scored",
        "threshold_failed" => "Below a minimum score",
        "over_ceiling" => "Over the affordability ceiling",
        "eligibility_unknown" => "Eligibility not yet known",
        _ => "See the scorecard",
    }
}

#[function_component(LotRanking)]
pub fn lot_ranking(props: &Props) -> Html {
    let lot = &props.lot;
    let caption = format!("Lot {}: {}", lot.lot, lot.title);
    let caption_id = format!("caption-{}", lot.lot);
    html! {
        // Wide tables scroll sideways on small screens; the region is focusable so keyboard
        // users can scroll it too.
        <div class="lot" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="ranking" id={format!("ranking-{}", lot.lot)}>
                <caption id={caption_id}>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Rank" }</th>
                        <th scope="col">{ "Bidder" }</th>
                        <th scope="col" class="num">{ "Total (of 100)" }</th>
                        <th scope="col" class="num">{ "Price (GBP)" }</th>
                        <th scope="col">{ "Flags" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for lot.ranking.iter().map(|row| html! {
                        <tr data-bid={row.bid.clone()}>
                            <td>{ row.rank }</td>
                            <th scope="row">{ &row.bidder }</th>
                            <td class="num">{ &row.total }</td>
                            <td class="num">{ &row.price }</td>
                            <td>
                                { for row.flags.iter().map(|f| html!{ <span class="flag">{ flag_words(f) }</span> }) }
                                { row.tie.as_ref().map(|t| html!{ <span class="tie">{ &t.reason }</span> }).unwrap_or_default() }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !lot.not_ranked.is_empty() {
                <ul class="not-ranked">
                    { for lot.not_ranked.iter().map(|n| html! {
                        <li>{ format!("Not ranked: {} ({}): {}", n.bidder, n.status, n.reasons.join("; ")) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

//! A lot's ranking as an accessible table.

use crate::engine::{FlagCode, LotResult};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lot: LotResult,
    /// Each bid's cost per quality point, by bid id, where the lot is evaluated by price per
    /// quality point (the core's figures, from the bids' results).
    #[prop_or_default]
    pub per_point: std::collections::BTreeMap<String, String>,
}

/// A flag still open on a ranked bid, in a few words for the ranking table.
fn flag_words(code: FlagCode) -> &'static str {
    match code {
        FlagCode::AbnormallyLow => "Abnormally low price: clarification required",
        FlagCode::HighVariance => "Evaluators disagree: discuss at moderation",
        FlagCode::PartialPanel => "Not every evaluator scored",
        FlagCode::ThresholdFailed => "Below a minimum score",
        FlagCode::OverCeiling => "Over the affordability ceiling",
        FlagCode::EligibilityUnknown => "Eligibility not yet known",
        FlagCode::ReservationNotApplied => "Reservation not applied: see the scorecard",
        FlagCode::RateAbnormallyLow => "A rate is abnormally low: clarification required",
        FlagCode::RateOverCeiling => "A rate is over its ceiling",
        // Not open on a ranked bid (they exclude it, leave it unranked, or are raised only in a
        // self-check); the scorecard says more if one ever is.
        FlagCode::ThresholdAtRisk
        | FlagCode::GateFailed
        | FlagCode::GateUnsure
        | FlagCode::Ineligible
        | FlagCode::ReservationNotMet
        | FlagCode::ReservationUnknown
        | FlagCode::Incomplete
        | FlagCode::ModelExcluded => "See the scorecard",
    }
}

/// A lot's name as people say it: its title, or "Lot" and its reference when it has none
/// (never "Lot lot-1").
pub fn lot_name(lot: &LotResult) -> String {
    if !lot.title.trim().is_empty() {
        lot.title.clone()
    } else if lot.lot.to_lowercase().starts_with("lot") {
        lot.lot.clone()
    } else {
        format!("Lot {}", lot.lot)
    }
}

#[function_component(LotRanking)]
pub fn lot_ranking(props: &Props) -> Html {
    let lot = &props.lot;
    let model = crate::engine::lot_model(lot);
    let caption = match &model {
        Some(m) => format!(
            "Ranking: {} (evaluated by {})",
            lot_name(lot),
            crate::views::lot_model::model_words(m).0.to_lowercase()
        ),
        None => format!("Ranking: {}", lot_name(lot)),
    };
    let per_point = &props.per_point;
    let show_per_point = !per_point.is_empty();
    let caption_id = format!("caption-{}", lot.lot);
    html! {
        // Wide tables scroll sideways on small screens; the region is focusable so keyboard
        // users can scroll it too.
        <div class="lot" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="ranking table--reflow" id={format!("ranking-{}", lot.lot)}>
                <caption id={caption_id}>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Rank" }</th>
                        <th scope="col">{ "Bidder" }</th>
                        <th scope="col" class="num">{ "Total (of 100)" }</th>
                        <th scope="col" class="num">{ "Price" }</th>
                        if show_per_point {
                            <th scope="col" class="num">{ "Cost per quality point" }</th>
                        }
                        <th scope="col">{ "Flags" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for lot.ranking.iter().map(|row| html! {
                        <tr data-bid={row.bid.clone()}>
                            <td data-label="Rank">{ row.rank }</td>
                            <th scope="row">{ &row.bidder }</th>
                            <td class="num" data-label="Total">{ &row.total }</td>
                            <td class="num" data-label="Price">{ crate::engine::pounds(&row.price) }</td>
                            if show_per_point {
                                <td class="num" data-label="Cost per quality point" data-figure="cost_per_quality_point">
                                    { per_point.get(&row.bid).map(|c| crate::engine::pounds(c)).unwrap_or_else(|| "-".into()) }</td>
                            }
                            <td class="flags">
                                { for row.flags.iter().map(|f| html!{ <span class="flag">{ flag_words(*f) }</span> }) }
                                { row.tie.as_ref().map(|t| html!{ <span class="tie">{ &t.reason }</span> }).unwrap_or_default() }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !lot.not_ranked.is_empty() {
                <ul class="not-ranked">
                    { for lot.not_ranked.iter().map(|n| html! {
                        <li>{ format!("Not ranked: {} ({}): {}", n.bidder, n.status.word(), n.reasons.join("; ")) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

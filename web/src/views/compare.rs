//! Two bids side by side, criterion by criterion, each chosen from a list.

use crate::engine::ScoreResult;
use crate::views::fields::Select;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub result: Rc<ScoreResult>,
}

/// Two bids side by side, criterion by criterion.
#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let bids = &p.result.bids;
    let first = use_state(|| bids.first().map(|b| b.bid.clone()).unwrap_or_default());
    let second = use_state(|| bids.get(1).map(|b| b.bid.clone()).unwrap_or_default());
    let options: Vec<(String, String)> = bids
        .iter()
        .map(|b| {
            let lot = (p.result.lots.iter().find(|l| l.lot == b.lot))
                .map(crate::views::ranking::lot_name)
                .unwrap_or_else(|| b.lot.clone());
            (b.bid.clone(), format!("{} ({lot})", b.bidder))
        })
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

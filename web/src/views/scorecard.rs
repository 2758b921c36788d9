//! One bid's scorecard: eligibility, gates, every criterion with its marks, each figure opening
//! its explanation (the formula with values put in, and the clause it rests on), and flags.

use crate::engine::{
    bid_figures, explain, BidResult, BidStatus, GateStatus, TestOutcome, Trace, Verdict,
};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TraceProps {
    pub trace: Trace,
}

/// A figure's explanation.
#[function_component(TraceView)]
pub fn trace_view(p: &TraceProps) -> Html {
    let t = &p.trace;
    html! {
        <details class="trace">
            <summary><span class="trace__summary">{ "How this was worked out" }</span></summary>
            <div class="trace__body">
                <p>{ explain(t) }</p>
                if !t.inputs.is_empty() {
                    <dl class="trace__inputs">
                        { for t.inputs.iter().map(|i| html! { <><dt>{ &i.label }</dt><dd>{ &i.value }</dd></> }) }
                    </dl>
                }
                <p class="hint">{ format!("Rule: {}. Exact value: {}.", t.rule, t.exact) }</p>
            </div>
        </details>
    }
}

/// The basket of rates a bid's price is made of, as the core worked it out: each rate times
/// its volume, and the sum, with the explanation. Nothing until the bid is scored.
pub fn basket(bid: Option<&BidResult>) -> Html {
    let Some(t) = bid.and_then(|b| bid_figures(b).basket) else {
        return Html::default();
    };
    html! {
        <div class="basket">
            <p><strong>{ format!("Basket price: {}", crate::engine::pounds(&t.result)) }</strong>{ " (each rate times its indicative volume, added up)" }</p>
            if !t.inputs.is_empty() {
                <ul class="basket__rates">
                    { for t.inputs.iter().map(|i| html! { <li>{ &i.label }{ ": " }<strong>{ &i.value }</strong></li> }) }
                </ul>
            }
            <TraceView trace={t.clone()} />
        </div>
    }
}

/// A bid's figures under its lot's model, beyond the weighted total: cost per quality point,
/// quality marks, how each stage was decided, and the basket of rates.
fn model_figures(b: &BidResult, sub: &'static str) -> Html {
    let f = bid_figures(b);
    if f.cost_per_quality_point.is_none()
        && f.quality_marks.is_none()
        && f.stages.is_empty()
        && f.basket.is_none()
    {
        return Html::default();
    }
    html! {
        <div class="model-figures">
            <@{sub} class="heading-s">{ format!("How the lot's model decided: {}", b.bidder) }</@>
            <dl class="figures">
                if let Some(q) = &f.quality_marks {
                    <dt>{ "Quality marks (out of 100)" }</dt><dd data-figure="quality_marks">{ q }</dd>
                }
                if let Some(c) = &f.cost_per_quality_point {
                    <dt>{ "Cost per quality point" }</dt><dd data-figure="cost_per_quality_point">{ crate::engine::pounds(c) }</dd>
                }
            </dl>
            { for f.stages.iter().map(|t| html! {
                <div class="stage">
                    <p>{ explain(t) }</p>
                    <TraceView trace={t.clone()} />
                </div>
            }) }
            { basket(Some(b)) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bid: BidResult,
    pub open: bool,
    /// In the report: a section under the bidder's own heading (so that it is in the contents
    /// and the document outline), not a disclosure.
    #[prop_or_default]
    pub report: bool,
    /// The protocol publishes weights as shares of the whole award (issue 15), so the weight
    /// column says so rather than "within its group".
    #[prop_or_default]
    pub of_whole: bool,
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "Yes, a user-led organisation",
        Verdict::No => "No, not a user-led organisation",
        Verdict::NotEnoughInformation => "Not enough information to say",
    }
}

fn status_words(b: &BidResult) -> String {
    match (b.status, b.rank) {
        (BidStatus::Ranked, Some(r)) => format!("rank {r} in lot {}", b.lot),
        (BidStatus::Excluded, _) => format!("excluded from lot {}", b.lot),
        (BidStatus::Incomplete, _) | (BidStatus::Ranked, None) => {
            format!("not yet complete, lot {}", b.lot)
        }
    }
}

#[function_component(Scorecard)]
pub fn scorecard(p: &Props) -> Html {
    let b = &p.bid;
    let total = b.total.clone().unwrap_or_else(|| "not yet scored".into());
    let caption_id = format!("scorecard-caption-{}", b.bid);
    // Each part is named with the bidder, so that a heading read alone ("Eligibility:
    // Northfield CIL"), in a list of headings or on a printed page, says whose it is.
    let sub = if p.report { "h4" } else { "h3" };
    let named = |part: &str| format!("{part}: {}", b.bidder);
    let meta = format!(
        "{} of {} marks · {} · price {}",
        total,
        b.available,
        status_words(b),
        b.price
    );
    let body = html! {
            <div class="scorecard__body">
                if let Some(t) = &b.total_trace {
                    <p><strong>{ format!("Total {}: ", total) }</strong>{ explain(t) }</p>
                }
                { model_figures(b, sub) }
                <@{sub} class="heading-s">{ named("Eligibility") }</@>
                <p><strong>{ verdict_words(b.eligibility.verdict) }</strong>{ ". " }{ &b.eligibility.reason }</p>
                <ul class="checks">
                    { for b.eligibility.tests.iter().map(|t| html! {
                        <li>
                            <strong>{ match t.outcome { TestOutcome::Met => "Met: ", TestOutcome::NotMet => "Not met: ", TestOutcome::Unknown => "Unknown: ", TestOutcome::NotApplicable => "Not applicable: " } }</strong>
                            { &t.title }{ ". " }{ crate::views::fields::sentence(&t.reason) }
                            if let Some(a) = &t.to_add { { " To add: " }{ crate::views::fields::sentence(a) } }
                        </li>
                    }) }
                </ul>
                if !b.gates.is_empty() {
                    <@{sub} class="heading-s">{ named("Pass/fail conditions") }</@>
                    <ul class="checks">
                        { for b.gates.iter().map(|g| html! {
                            <li><strong>{ match g.outcome { GateStatus::Pass => "Pass: ", GateStatus::Fail => "Fail: ", GateStatus::NotAssessed | GateStatus::Unsure => "Not assessed: " } }</strong>{ &g.title }</li>
                        }) }
                    </ul>
                }
                if !b.flags.is_empty() {
                    <@{sub} class="heading-s">{ named("Flags") }</@>
                    <ul class="flags">
                        { for b.flags.iter().map(|f| html! {
                            <li>
                                <strong>{ if f.excludes { "Excludes the bid: " } else { "Look at this: " } }</strong>
                                { &f.message }{ " " }{ &f.action }
                                if let Some(t) = &f.trace { <TraceView trace={t.clone()} /> }
                            </li>
                        }) }
                    </ul>
                }
                <div class="scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                <table class="table scorecard__table">
                    <caption id={caption_id}>{ format!("Marks for {}, lot {}", b.bidder, b.lot) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Criterion" }</th>
                            <th scope="col" class="num">{ if p.of_whole { "Share of the whole award" } else { "Weight" } }</th>
                            <th scope="col" class="num">{ "Marks" }</th>
                            <th scope="col" class="num">{ "Available" }</th>
                            <th scope="col">{ "How it was worked out" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for b.criteria.iter().map(|c| html! {
                            <tr class={format!("depth-{}", c.depth)}>
                                <th scope="row" class={format!("depth-{}", c.depth)}>{ &c.title }</th>
                                <td class="num">{ format!("{}%", c.weight) }</td>
                                <td class="num">{ c.marks.clone().unwrap_or_else(|| if c.not_counted.is_some() { "not counted".into() } else { "not scored".into() }) }</td>
                                <td class="num">{ &c.available }</td>
                                <td>
                                    if let Some(t) = &c.trace { <TraceView trace={t.clone()} /> }
                                    if let Some(m) = &c.missing { <span>{ crate::views::fields::sentence(m) }</span> }
                                    if let Some(n) = &c.not_counted { <span class="not-counted">{ crate::views::fields::sentence(n) }</span> }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </div>
    };
    if p.report {
        let heading_id = format!("scorecard-heading-{}", b.bid);
        return html! {
            <section class="scorecard scorecard--report" id={format!("scorecard-{}", b.bid)} aria-labelledby={heading_id.clone()}>
                <h3 class="heading-m" id={heading_id} tabindex="-1">{ &b.bidder }<span class="scorecard__lot">{ format!(" (lot {})", b.lot) }</span></h3>
                <p class="scorecard__meta">{ meta }</p>
                { body }
            </section>
        };
    }
    html! {
        <details class="scorecard" id={format!("scorecard-{}", b.bid)} open={p.open}>
            <summary>
                <span class="scorecard__title">{ &b.bidder }</span>
                <span class="scorecard__meta">{ format!(" · {meta}") }</span>
            </summary>
            { body }
        </details>
    }
}

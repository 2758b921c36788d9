//! The results screen: rankings per lot, the chart, a scorecard per bid whose every figure opens
//! its explanation, and two bids side by side.

use crate::app::{use_ctx, View};
use crate::shell::{follow, Page};
use crate::views::chart::Chart;
use crate::views::compare::Compare;
use crate::views::fields::ErrorSummary;
use crate::views::ranking::LotRanking;
use crate::views::regime::RegimeSection;
use crate::views::scorecard::Scorecard;
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
    html! { <a href={p.to.href()} onclick={follow(&ctx.go, p.to)}>{ &p.label }</a> }
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
            if let Some(d) = &result.regime {
                <RegimeSection decision={d.clone()} />
            }
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

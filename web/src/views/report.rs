//! The printable report: the protocol (id, version, effective date), the input hash, the tender's
//! barrier findings, the rankings and every scorecard, laid out for paper by the print styles.

use crate::app::use_ctx;
use crate::views::ranking::LotRanking;
use crate::views::regime::{not_applicable, RegimeSection};
use crate::views::results::NotScored;
use crate::views::scorecard::Scorecard;
use crate::views::tender::FindingView;
use yew::prelude::*;

#[function_component(Report)]
pub fn report() -> Html {
    let ctx = use_ctx();
    let Some(r) = ctx.model.result.clone() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Report" }</h1><NotScored /></> };
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <article class="report">
            <h1 id="page-heading" tabindex="-1">{ format!("Evaluation report: {}", r.tender.title) }</h1>
            <button type="button" class="button button--secondary no-print" onclick={print}>{ "Print this report" }</button>
            <dl class="summary-list">
                <dt>{ "Contracting authority" }</dt><dd>{ &r.tender.authority }</dd>
                <dt>{ "Tender reference" }</dt><dd>{ &r.tender.id }</dd>
                <dt>{ "Protocol" }</dt><dd>{ format!("{} ({}), version {}, effective {}", r.protocol.title, r.protocol.id, r.protocol.version, r.protocol.effective_date) }</dd>
                <dt>{ "Rounding" }</dt><dd>{ format!("{} to {} decimal places, per criterion", r.rounding.mode.word().replace('_', " "), r.rounding.places) }</dd>
                <dt>{ "Input hash (SHA-256)" }</dt><dd class="hash">{ &r.input_hash }</dd>
                <dt>{ "Engine" }</dt><dd>{ format!("{} {}", r.engine.name, r.engine.version) }</dd>
            </dl>
            if let Some(d) = &r.regime {
                <RegimeSection decision={d.clone()} open={true} />
            }
            <h2 class="heading-l">{ "Barrier findings" }</h2>
            if r.findings.is_empty() {
                <p>{ "No barriers found in the tender's design." }</p>
            } else {
                { for r.findings.iter().map(|f| html!{ <FindingView finding={f.clone()} /> }) }
            }
            if let (Some(check), Ok(p)) = (&ctx.model.check, &ctx.model.protocol) {
                { not_applicable(check, p) }
            }
            <h2 class="heading-l">{ "Rankings" }</h2>
            { for r.lots.iter().map(|l| html!{ <LotRanking lot={l.clone()} /> }) }
            <h2 class="heading-l">{ "Scorecards" }</h2>
            { for r.bids.iter().map(|b| html!{ <Scorecard bid={b.clone()} open={true} /> }) }
        </article>
    }
}

//! The printable report, in the order a reader of an award decision needs it: the
//! recommendation and ranking of each lot first, which law applies, the panel and each
//! evaluator's marks with their reasons, every scorecard under its bidder's name, and the
//! tender's barrier findings last; a contents list links to each part. The print styles lay it
//! out for A4 paper.

use crate::app::use_ctx;
use crate::engine::{BidResult, FlagCode, LotResult, ScoreResult};
use crate::views::ranking::LotRanking;
use crate::views::regime::{not_applicable, RegimeSection};
use crate::views::results::{NotScored, PartialNotice};
use crate::views::scorecard::Scorecard;
use crate::views::tender::FindingView;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// A link within the report. The app's pages live in the address's fragment (`#/report`), so
/// a plain `#part` link would leave the page: the click moves focus to the part instead, and
/// the `href` still serves a printed PDF's own links.
fn part_link(id: &str, text: String) -> Html {
    let target = id.to_string();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = gloo::utils::document()
            .get_element_by_id(&target)
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    html! { <a href={format!("#{id}")} {onclick}>{ text }</a> }
}

/// A flag still open on the first-ranked bid, in words, for the recommendation.
fn before_award(code: FlagCode) -> Option<&'static str> {
    match code {
        FlagCode::AbnormallyLow => Some("its abnormally low price must be explained first"),
        FlagCode::HighVariance => Some("the evaluators' spread of scores must be discussed first"),
        FlagCode::PartialPanel => Some("not every evaluator has scored it"),
        FlagCode::EligibilityUnknown => Some("its eligibility is not yet known"),
        FlagCode::OverCeiling => Some("its price is over the affordability ceiling"),
        FlagCode::ThresholdFailed => Some("it is below a minimum score"),
        FlagCode::ReservationNotApplied => {
            Some("the reservation was not applied (see its scorecard)")
        }
        _ => None,
    }
}

/// A lot's recommendation: the first-ranked bid, as the core ranked it, with anything still to
/// settle before award; then the ranking itself.
fn recommendation(lot: &LotResult, per_point: std::collections::BTreeMap<String, String>) -> Html {
    let first: Vec<_> = lot.ranking.iter().filter(|r| r.rank == 1).collect();
    let words = match first.as_slice() {
        [] => "No bid can be recommended: no bid for this lot is ranked.".to_string(),
        [one] => {
            let settle: Vec<&str> = one.flags.iter().filter_map(|f| before_award(*f)).collect();
            let mut w = format!(
                "Recommended for award: {}, ranked first with {} marks out of 100 at a price of {}.",
                one.bidder, one.total, one.price
            );
            if !settle.is_empty() {
                w.push_str(&format!(" Before award: {}.", settle.join("; ")));
            }
            w
        }
        tied => format!(
            "Tied in first place: {}. The panel decides between them.",
            tied.iter()
                .map(|r| r.bidder.as_str())
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    };
    html! {
        <section class="report-lot" aria-labelledby={format!("recommendation-{}", lot.lot)}>
            <h3 class="heading-m" id={format!("recommendation-{}", lot.lot)}>{ format!("{} ({})", lot.title, lot.lot) }</h3>
            <p class="recommendation"><strong>{ words }</strong></p>
            <LotRanking lot={lot.clone()} {per_point} />
        </section>
    }
}

fn role_words(role: &str) -> &'static str {
    if role == "lived_experience" {
        "Evaluator with lived experience"
    } else {
        "Officer"
    }
}

/// One evaluator's marks: every bid against every question they scored, then the reasons they
/// recorded, as the result holds them (the core's `panel.scores`).
fn evaluator_marks(r: &ScoreResult, id: &str, name: &str) -> Html {
    let criteria: Vec<(String, String)> = r
        .bids
        .iter()
        .flat_map(|b| b.criteria.iter())
        .filter(|c| c.panel.is_some())
        .fold(Vec::new(), |mut acc, c| {
            if !acc.iter().any(|(id, _)| *id == c.criterion) {
                acc.push((c.criterion.clone(), c.title.clone()));
            }
            acc
        });
    // (score, its label, the reasons) given by this evaluator.
    let score_of = |b: &BidResult, crit: &str| {
        b.criteria
            .iter()
            .find(|c| c.criterion == crit)
            .and_then(|c| c.panel.as_ref())
            .and_then(|p| p.scores.iter().find(|s| s.evaluator == id))
            .map(|s| (s.score, s.label.clone(), s.rationale.clone()))
    };
    let reasons: Vec<Html> = r
        .bids
        .iter()
        .flat_map(|b| {
            criteria.iter().filter_map(move |(crit, title)| {
                let (score, label, why) = score_of(b, crit)?;
                let why = why?;
                Some(html! {
                    <li><strong>{ format!("{}, {title}: {score} ({label}). ", b.bidder) }</strong>{ why }</li>
                })
            })
        })
        .collect();
    let caption_id = format!("marks-{id}");
    html! {
        <section class="report-evaluator" aria-labelledby={format!("evaluator-{id}")}>
            <h3 class="heading-m" id={format!("evaluator-{id}")}>{ name }</h3>
            <div class="scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                <table class="table marks">
                    <caption id={caption_id}>{ format!("Scores given by {name}") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Bid" }</th>
                        { for criteria.iter().map(|(_, t)| html!{ <th scope="col">{ t }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for r.bids.iter().map(|b| html! {
                            <tr>
                                <th scope="row">{ &b.bidder }<span class="hint block">{ format!("lot {}", b.lot) }</span></th>
                                { for criteria.iter().map(|(crit, _)| html! {
                                    <td class="num">{ score_of(b, crit).map(|(score, _, _)| score.to_string()).unwrap_or_else(|| "not scored".into()) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if reasons.is_empty() {
                <p class="hint">{ format!("{name} recorded no reasons.") }</p>
            } else {
                <h4 class="heading-s">{ format!("Reasons recorded by {name}") }</h4>
                <ul class="reasons">{ for reasons }</ul>
            }
        </section>
    }
}

#[function_component(Report)]
pub fn report() -> Html {
    let ctx = use_ctx();
    let of_whole = crate::engine::lot_choices(&ctx.ws).weights_as == "share_of_whole";
    let Some(r) = ctx.model.result() else {
        return html! { <><h1 id="page-heading" tabindex="-1">{ "Report" }</h1><NotScored /></> };
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let panel: Vec<(String, String, String)> = ctx
        .ws
        .tender
        .get("panel")
        .and_then(Value::as_array)
        .map(|p| {
            p.iter()
                .map(|e| {
                    let at = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                    (at("id"), at("name"), at("role"))
                })
                .collect()
        })
        .unwrap_or_default();
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
                <dt>{ "Engine" }</dt><dd>{ format!("{} {}", r.engine.name.word(), r.engine.version) }</dd>
            </dl>
            <PartialNotice />
            <nav class="contents" aria-labelledby="contents-heading">
                <h2 class="heading-m" id="contents-heading">{ "Contents" }</h2>
                <ol>
                    if r.regime.is_some() { <li>{ part_link("regime-part", "Which law applies".into()) }</li> }
                    <li>{ part_link("recommendation", "Recommendation and ranking".into()) }
                        <ol>{ for r.lots.iter().map(|l| html!{ <li>{ part_link(&format!("recommendation-{}", l.lot), format!("{} ({})", l.title, l.lot)) }</li> }) }</ol></li>
                    <li>{ part_link("panel", "The panel".into()) }</li>
                    <li>{ part_link("evaluator-marks", "Each evaluator's marks".into()) }
                        <ol>{ for panel.iter().map(|(id, name, _)| html!{ <li>{ part_link(&format!("evaluator-{id}"), name.clone()) }</li> }) }</ol></li>
                    <li>{ part_link("scorecards", "Scorecards".into()) }
                        <ol>{ for r.bids.iter().map(|b| html!{ <li>{ part_link(&format!("scorecard-heading-{}", b.bid), format!("{} (lot {})", b.bidder, b.lot)) }</li> }) }</ol></li>
                    <li>{ part_link("findings", "Barrier findings".into()) }</li>
                </ol>
            </nav>

            if let Some(d) = &r.regime {
                <div id="regime-part" tabindex="-1"><RegimeSection decision={d.clone()} open={true} /></div>
            }

            <h2 class="heading-l" id="recommendation" tabindex="-1">{ "Recommendation and ranking" }</h2>
            { for r.lots.iter().map(|l| recommendation(l, crate::views::results::per_point(&r, &l.lot))) }

            <h2 class="heading-l" id="panel" tabindex="-1">{ "The panel" }</h2>
            <div class="scroll" role="region" tabindex="0" aria-labelledby="panel-caption">
                <table class="table">
                    <caption id="panel-caption">{ format!("The evaluation panel ({} members)", panel.len()) }</caption>
                    <thead><tr><th scope="col">{ "Evaluator" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "Reference" }</th></tr></thead>
                    <tbody>
                        { for panel.iter().map(|(id, name, role)| html! {
                            <tr><th scope="row">{ name }</th><td>{ role_words(role) }</td><td>{ id }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h2 class="heading-l" id="evaluator-marks" tabindex="-1">{ "Each evaluator's marks" }</h2>
            <p>{ "The score each evaluator gave each bid on each question, on the protocol's scale, before moderation, with the reasons they recorded. Each scorecard below shows the moderated score and the marks it earns." }</p>
            { for panel.iter().map(|(id, name, _)| evaluator_marks(&r, id, name)) }

            <h2 class="heading-l" id="scorecards" tabindex="-1">{ "Scorecards" }</h2>
            { for r.bids.iter().map(|b| html!{ <Scorecard bid={b.clone()} open={true} report={true} {of_whole} /> }) }

            <h2 class="heading-l" id="findings" tabindex="-1">{ "Barrier findings" }</h2>
            if r.findings.is_empty() {
                <p>{ "No barriers found in the tender's design." }</p>
            } else {
                { for r.findings.iter().map(|f| {
                    let lot_title = f.lot.as_ref().and_then(|l| r.lots.iter().find(|x| x.lot == *l)).map(|x| x.title.clone());
                    html!{ <FindingView finding={f.clone()} {lot_title} /> }
                }) }
            }
            if let (Some(check), Ok(p)) = (&ctx.model.check, &ctx.model.protocol) {
                { not_applicable(check, p) }
            }
        </article>
    }
}

//! The results screen: rankings per lot, the chart, a scorecard per bid whose every figure opens
//! its explanation, and two bids side by side.

use crate::app::{use_ctx, Ctx, View};
use crate::engine::{ExcludedBid, Problem};
use crate::pointer::field_id;
use crate::shell::{follow, Page};
use crate::views::chart::Chart;
use crate::views::compare::Compare;
use crate::views::fields::{plain, ErrorSummary, Labels};
use crate::views::ranking::LotRanking;
use crate::views::regime::RegimeSection;
use crate::views::scorecard::Scorecard;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
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

thread_local! {
    /// The field a fix link is taking the user to, on a screen not drawn yet: that screen reads
    /// it when it opens (the bids screen opens that bid's editor; a form shows its fields not
    /// given yet as errors).
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The field id a fix link is on its way to, if any.
pub fn pending_field() -> Option<String> {
    PENDING.with(|p| p.borrow().clone())
}

/// The screen that holds the field at `pointer` in a commissioner's document: the weights are
/// set on the Protocol screen and the panel's scores on the Scoring screen.
pub fn screen_of(doc: &str, pointer: &str) -> View {
    match doc {
        "tender" if pointer.starts_with("/weights") => View::Protocol,
        "tender" => View::Tender,
        _ if pointer.contains("/scores") => View::Scoring,
        _ => View::Bids,
    }
}

/// Goes to the screen holding the field at `pointer` and moves focus to the field, once the
/// screen is drawn (after the shell has moved focus to the new page's heading).
pub fn go_to_field(ctx: &Ctx, doc: &str, pointer: &str) {
    let id = field_id(doc, pointer);
    PENDING.with(|p| *p.borrow_mut() = Some(id.clone()));
    ctx.go.emit(screen_of(doc, pointer));
    let tries = Rc::new(RefCell::new(0u8));
    fn attempt(id: String, tries: Rc<RefCell<u8>>) {
        gloo::timers::callback::Timeout::new(40, move || {
            // A field list's own pointer (the weights) stands for its first field.
            let doc = gloo::utils::document();
            let el = doc.get_element_by_id(&id).or_else(|| {
                doc.query_selector(&format!("[id^=\"{id}-\"]:is(input, select, textarea)"))
                    .ok()
                    .flatten()
            });
            match el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                Some(h) => {
                    h.scroll_into_view();
                    let _ = h.focus();
                    PENDING.with(|p| *p.borrow_mut() = None);
                }
                None if *tries.borrow() < 10 => {
                    *tries.borrow_mut() += 1;
                    attempt(id, tries);
                }
                None => PENDING.with(|p| *p.borrow_mut() = None),
            }
        })
        .forget();
    }
    attempt(id, tries);
}

/// The labels of a commissioner's document's fields, for messages shown away from them.
pub fn labels(ctx: &Ctx, doc: &str) -> Labels {
    let titles: BTreeMap<String, String> = match &ctx.model.protocol {
        Ok(p) => p
            .tree()
            .iter()
            .filter_map(|n| p.criterion(&n.id))
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect(),
        Err(_) => BTreeMap::new(),
    };
    Labels {
        doc: Rc::new(if doc == "tender" {
            ctx.ws.tender.clone()
        } else {
            ctx.ws.bids.clone()
        }),
        titles: Rc::new(titles),
    }
}

/// A problem in a commissioner's document as a link to its field, on whichever screen holds it.
pub fn fix_link(ctx: &Ctx, labels: &Labels, doc: &'static str, p: &Problem) -> Html {
    let target = crate::views::fields::target_pointer(p);
    let text = plain(p, labels.of(doc, p).as_deref());
    let href = screen_of(doc, &target).href().to_string();
    let ctx2 = ctx.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        go_to_field(&ctx2, doc, &target);
    });
    html! { <a class="fix-link" {href} {onclick}>{ text }</a> }
}

/// Shown on screens that need scores when the documents cannot be scored yet: each problem in
/// the commissioner's words, a link to its field.
#[function_component(NotScored)]
pub fn not_scored() -> Html {
    let ctx = use_ctx();
    let m = &ctx.model;
    let tl = labels(&ctx, "tender");
    let bl = labels(&ctx, "bids");
    html! {
        <>
            if let Err(p) = &m.protocol {
                <ErrorSummary doc="protocol" problems={p.clone()} title="The protocol cannot be read" />
                <p><GoTo to={View::Protocol} label="Go to the protocol screen to load another protocol" /></p>
            }
            if let (Some(p), None) = (&m.tender_problems, &m.summary) {
                <div class="notice">
                    <h2 class="heading-m">{ format!("The tender has {} problem{} to fix before bids can be scored", p.len(), if p.len() == 1 { "" } else { "s" }) }</h2>
                    <ul>{ for p.iter().map(|x| html!{ <li>{ fix_link(&ctx, &tl, "tender", x) }</li> }) }</ul>
                </div>
            }
            if let (Some(p), None, None) = (&m.bid_problems, &m.tender_problems, &m.summary) {
                <div class="notice">
                    <h2 class="heading-m">{ format!("The bids have {} problem{} to fix before they can be scored", p.len(), if p.len() == 1 { "" } else { "s" }) }</h2>
                    <ul>{ for p.iter().map(|x| html!{ <li>{ fix_link(&ctx, &bl, "bids", x) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

/// The bids left out of a lot's result, each with the reason and a link to put it right.
fn excluded_bids(ctx: &Ctx, labels: &Labels, bids: &[&ExcludedBid]) -> Html {
    if bids.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="not-ranked not-scored">
            { for bids.iter().map(|b| {
                let who = if b.bidder.trim().is_empty() { format!("Bid {}", b.index + 1) } else { b.bidder.clone() };
                html! {
                    <li data-excluded-bid={b.id.clone()}>
                        <strong>{ format!("Not scored: {who}.") }</strong>{ " " }
                        if b.problems.is_empty() {
                            { "Its lot is not scored yet (see below)." }
                        } else {
                            { "Left out of this ranking until this is put right: " }
                            { for b.problems.iter().map(|p| html!{ <>{ fix_link(ctx, labels, "bids", p) }{ " " }</> }) }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Says that the result leaves some lots or bids out, where a result is shown or exported
/// (the export and report screens can show it too), so a partial result is never taken for
/// the whole.
#[function_component(PartialNotice)]
pub fn partial_notice() -> Html {
    let ctx = use_ctx();
    let m = &ctx.model;
    if !m.partial() || m.summary.is_none() {
        return Html::default();
    }
    let names: Vec<String> = (m.excluded_lots.iter())
        .map(|l| {
            if l.title.trim().is_empty() {
                format!("Lot {}", l.index + 1)
            } else {
                l.title.clone()
            }
        })
        .chain(
            m.excluded_bids
                .iter()
                .filter(|b| !b.problems.is_empty())
                .map(|b| {
                    if b.bidder.trim().is_empty() {
                        format!("bid {}", b.index + 1)
                    } else {
                        format!("the bid from {}", b.bidder)
                    }
                }),
        )
        .collect();
    html! {
        <div class="notice notice--warning" id="partial-notice">
            <p><strong>{ "Some lots or bids are not scored yet: " }</strong>{ names.join("; ") }{ ". " }
                { "The results and exports leave them out until what is listed on the Results screen is put right; everything else is scored." }</p>
        </div>
    }
}

/// What is left out of a partial result: the lots not scored, with the reasons, and the bids
/// for a lot the result does not have.
#[function_component(LeftOut)]
fn left_out() -> Html {
    let ctx = use_ctx();
    let m = &ctx.model;
    let tl = labels(&ctx, "tender");
    let bl = labels(&ctx, "bids");
    let lots_in: Vec<String> = m
        .summary
        .as_ref()
        .map(|r| r.lots.iter().map(|l| l.lot.clone()).collect())
        .unwrap_or_default();
    let orphans: Vec<&ExcludedBid> = m
        .excluded_bids
        .iter()
        .filter(|b| !lots_in.contains(&b.lot))
        .collect();
    html! {
        <>
            { for m.excluded_lots.iter().map(|l| {
                let name = if l.title.trim().is_empty() { format!("Lot {}", l.index + 1) } else { format!("Lot {}: {}", l.index + 1, l.title) };
                html! {
                    <div class="lot lot--excluded" id={format!("excluded-lot-{}", l.index)}>
                        <h3 class="heading-m">{ format!("{name}: not scored yet") }</h3>
                        <p>{ "This lot and its bids are left out of the results until this is put right:" }</p>
                        <ul>{ for l.problems.iter().map(|p| html!{ <li>{ fix_link(&ctx, &tl, "tender", p) }</li> }) }</ul>
                    </div>
                }
            }) }
            { excluded_bids(&ctx, &bl, &orphans) }
        </>
    }
}

/// Each bid's cost per quality point in a lot, by bid id (empty unless the lot is evaluated by
/// price per quality point): the core's figures, for the ranking table.
pub fn per_point(result: &crate::engine::ScoreResult, lot: &str) -> BTreeMap<String, String> {
    (result.bids.iter())
        .filter(|b| b.lot == lot)
        .filter_map(|b| {
            Some((
                b.bid.clone(),
                crate::engine::bid_figures(b).cost_per_quality_point?,
            ))
        })
        .collect()
}

#[function_component(Results)]
pub fn results() -> Html {
    let ctx = use_ctx();
    let Some(result) = ctx.model.result() else {
        return html! {
            <>
                <h1 id="page-heading" tabindex="-1">{ "Results" }</h1>
                <NotScored />
                <LeftOut />
            </>
        };
    };
    let findings = ctx.model.check.as_ref().map(|c| c.summary.clone());
    let bl = labels(&ctx, "bids");
    let of_whole = crate::engine::lot_choices(&ctx.ws).weights_as == "share_of_whole";
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
            <PartialNotice />
            <section aria-labelledby="rankings-heading">
                <h2 id="rankings-heading" class="heading-l">{ "Rankings" }</h2>
                { for result.lots.iter().map(|lot| {
                    let out: Vec<&ExcludedBid> = ctx.model.excluded_bids.iter().filter(|b| b.lot == lot.lot).collect();
                    html! { <>
                        <LotRanking lot={lot.clone()} per_point={per_point(&result, &lot.lot)} />
                        { excluded_bids(&ctx, &bl, &out) }
                    </> }
                }) }
                <LeftOut />
            </section>
            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading" class="heading-l">{ "Marks by criterion group" }</h2>
                { for result.lots.iter().map(|lot| html! {
                    <section class="chart-lot" aria-labelledby={format!("chart-lot-{}", lot.lot)}>
                        <h3 class="heading-m" id={format!("chart-lot-{}", lot.lot)}>{ crate::views::ranking::lot_name(lot) }</h3>
                        <Chart lot={lot.lot.clone()} title={lot.title.clone()} result={result.clone()} />
                    </section>
                }) }
            </section>
            <section aria-labelledby="scorecards-heading">
                <h2 id="scorecards-heading" class="heading-l">{ "Scorecards" }</h2>
                <p class="hint">{ "Open a scorecard to see every figure. Each figure opens to show how it was worked out and the clause it rests on." }</p>
                { for result.bids.iter().map(|b| html! { <Scorecard bid={b.clone()} open={false} {of_whole} /> }) }
            </section>
            <Compare result={result.clone()} />
        </>
    }
}

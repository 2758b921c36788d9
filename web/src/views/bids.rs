//! The bids screen: the bids received, each bidder's profile with its eligibility shown live,
//! lot, price, figures and pass/fail conditions; add, remove and import.

use crate::app::{dispatch, use_ctx};
use crate::engine::{self, Document, TestOutcome, Verdict};
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, shown, ErrorSummary, Kind, Radios, Select};
use crate::views::form::Bind;
use crate::views::import::ImportButton;
use serde_json::{json, Value};
use yew::prelude::*;

#[function_component(BidsView)]
pub fn bids_view() -> Html {
    let ctx = use_ctx();
    // A fix link from the results opens the bid it is about, and shows its fields not given yet.
    let pending = crate::views::results::pending_field().filter(|f| f.starts_with("f-bids-bids-"));
    let show_missing = use_state(|| pending.is_some());
    let asked = use_state(|| 0u32);
    let problems = shown(ctx.model.bid_problems.as_ref(), *show_missing);
    let pr = problems.as_ref();
    let bids = ctx
        .ws
        .bids
        .get("bids")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let selected = use_state(move || {
        pending
            .and_then(|f| {
                f.strip_prefix("f-bids-bids-")?
                    .split('-')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .unwrap_or(0)
    });
    // Whether the editor was opened by the user (Edit, Add a bid): then it is scrolled into
    // view and focus moves to its heading, once it is drawn with the bid chosen.
    let opened = use_state(|| 0u32);
    {
        use_effect_with(*opened, move |n| {
            if *n > 0 {
                if let Some(h) = gloo::utils::document()
                    .get_element_by_id("bid-editor-heading")
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    h.scroll_into_view();
                    let _ = h.focus();
                }
            }
            || ()
        });
    }
    let check = {
        let ctx = ctx.clone();
        let asked = asked.clone();
        let show_missing = show_missing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            show_missing.set(true);
            asked.set(*asked + 1);
            match &ctx.model.bid_problems {
                None => ctx.announce.emit("The bids have no problems.".into()),
                Some(p) => ctx.announce.emit(format!(
                    "The bids have {} problem{}: the list is at the top of the page.",
                    p.len(),
                    if p.len() == 1 { "" } else { "s" }
                )),
            }
        })
    };
    let index = (*selected).min(bids.len().saturating_sub(1));
    let protocol = ctx.model.protocol.clone().ok();
    let lots = crate::engine::lot_options(&ctx.ws.tender);

    let add = {
        let ctx = ctx.clone();
        let selected = selected.clone();
        let opened = opened.clone();
        let n = bids.len();
        let lot = lots.first().map(|l| l.0.clone()).unwrap_or_default();
        let existing: Vec<String> = bids
            .iter()
            .filter_map(|b| b.get("id")?.as_str().map(str::to_string))
            .collect();
        Callback::from(move |_: MouseEvent| {
            let mut k = n + 1;
            while existing.contains(&format!("bid-{k}")) {
                k += 1;
            }
            dispatch(
                &ctx,
                Action::Push {
                    doc: Doc::Bids,
                    pointer: "/bids".into(),
                    // No price: a "0" would be an error the user did not make. Until it is
                    // given, the results leave the bid out and say why.
                    value: json!({"id": format!("bid-{k}"), "lot": lot, "organisation": {"name": format!("New bidder {k}")}}),
                },
            );
            selected.set(n);
            opened.set(*opened + 1);
            ctx.announce.emit(format!(
                "Bid bid-{k} added. Fill in the bidder's details and price below."
            ));
        })
    };

    let row = |(i, b): (usize, &Value)| {
        let name = b
            .pointer("/organisation/name")
            .and_then(Value::as_str)
            .unwrap_or("(no name)")
            .to_string();
        let id = b
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        // The bid's standing as the lean summary has it (the full result is not needed here).
        let result = ctx
            .model
            .summary
            .as_ref()
            .and_then(|r| r.bids.iter().find(|x| x.bid == id).cloned());
        let left_out = ctx.model.excluded_bids.iter().any(|x| x.index == i);
        let edit = {
            let selected = selected.clone();
            let opened = opened.clone();
            Callback::from(move |_: MouseEvent| {
                selected.set(i);
                opened.set(*opened + 1);
            })
        };
        let remove = {
            let ctx = ctx.clone();
            let selected = selected.clone();
            let name = name.clone();
            Callback::from(move |_: MouseEvent| {
                if gloo::dialogs::confirm(&format!(
                    "Remove the bid from {name}? Its scores are removed with it."
                )) {
                    dispatch(
                        &ctx,
                        Action::Set {
                            doc: Doc::Bids,
                            pointer: format!("/bids/{i}"),
                            value: None,
                        },
                    );
                    selected.set(0);
                    ctx.announce
                        .emit(format!("The bid from {name} was removed."));
                }
            })
        };
        // A lot priced as a basket of rates: the price is the basket, as the core worked it out.
        let price = b
            .get("price")
            .and_then(Value::as_str)
            .map(engine::pounds)
            .or_else(|| result.as_ref().map(|r| engine::pounds(&r.price)))
            .unwrap_or_else(|| "not given yet".into());
        let status = match (&result, left_out) {
            (Some(r), _) => r.status.word().to_string(),
            (None, true) => "not scored: see Results".to_string(),
            (None, false) => "-".to_string(),
        };
        html! {
            <tr>
                <th scope="row">{ &name }</th>
                <td data-label="Reference">{ &id }</td>
                <td class="num" data-label="Price">{ price }</td>
                <td data-label="User-led?">{ result.as_ref().map(|r| r.eligibility.describe().to_string()).unwrap_or_else(|| "-".into()) }</td>
                <td data-label="Status">{ status }</td>
                <td class="actions">
                    <button type="button" class="button button--link" onclick={edit} aria-label={format!("Edit the bid from {name}")}>{ "Edit" }</button>
                    <button type="button" class="button button--link" onclick={remove} aria-label={format!("Remove the bid from {name}")}>{ "Remove" }</button>
                </td>
            </tr>
        }
    };
    // The bids grouped by the lot they are for, in the tender's order of lots; a bid for a lot
    // the tender does not have is listed last, under its own heading.
    let mut groups: Vec<(String, String)> = lots.clone();
    for b in &bids {
        let l = b
            .get("lot")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if !groups.iter().any(|(id, _)| *id == l) {
            groups.push((
                l.clone(),
                if l.is_empty() {
                    "No lot chosen".into()
                } else {
                    format!("A lot the tender does not have ({l})")
                },
            ));
        }
    }
    let tables = groups.iter().enumerate().filter_map(|(g, (lot, label))| {
        let mine: Vec<(usize, &Value)> = bids.iter().enumerate().filter(|(_, b)| b.get("lot").and_then(Value::as_str).unwrap_or("") == lot).collect();
        if mine.is_empty() {
            return None;
        }
        let caption_id = format!("bids-caption-{g}");
        let count = format!("{}: {} bid{}", label, mine.len(), if mine.len() == 1 { "" } else { "s" });
        Some(html! {
            <div class="scroll bids-lot" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="table table--reflow">
                <caption id={caption_id}>{ count }</caption>
                <thead><tr>
                    <th scope="col">{ "Bidder" }</th><th scope="col">{ "Reference" }</th>
                    <th scope="col" class="num">{ "Price" }</th><th scope="col">{ "User-led?" }</th><th scope="col">{ "Status" }</th>
                    <th scope="col">{ "Actions" }</th>
                </tr></thead>
                <tbody>{ for mine.into_iter().map(row) }</tbody>
            </table>
            </div>
        })
    }).collect::<Vec<Html>>();

    let elsewhere = {
        let ctx = ctx.clone();
        Callback::from(move |pointer: String| {
            crate::views::results::go_to_field(&ctx, "bids", &pointer)
        })
    };
    let editor = bids.get(index).map(|b| {
        let base = format!("/bids/{index}");
        let mut bind = Bind::workspace(&ctx, Doc::Bids);
        bind.problems = problems.clone();
        let f = |p: &str, l: &str, h: Option<&str>, k: Kind, c: Option<&'static str>| bind.field(&format!("{base}{p}"), l, h, k, c);
        let org = b.get("organisation").cloned().unwrap_or(Value::Null);
        let verdict = protocol.as_ref().map(|p| engine::eligibility(p, &org));
        let lot_now = b.get("lot").and_then(Value::as_str).unwrap_or("").to_string();
        let rates = lot_rates(&ctx.ws.tender, &lot_now);
        let set = |p: String| {
            let ctx = ctx.clone();
            Callback::from(move |v: String| dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: p.clone(), value: (!v.is_empty()).then_some(Value::String(v)) }))
        };
        let legal_forms = crate::views::fields::legal_form_options("Not stated");
        let declared_facts = protocol.as_ref().map(|p| p.doc().bid_facts.clone()).unwrap_or_default();
        let gates = protocol.as_ref().map(|p| p.doc().award.gates.clone()).unwrap_or_default();
        let name = org.get("name").and_then(Value::as_str).unwrap_or("this bidder").to_string();
        html! {
            <section class="card" aria-labelledby="bid-editor-heading">
                <h2 id="bid-editor-heading" class="heading-l" tabindex="-1">{ format!("Bid from {name}") }</h2>
                <form onsubmit={check.clone()} novalidate=true>
                    <fieldset class="fieldset">
                        <legend class="legend legend--m">{ "The bid" }</legend>
                        { f("/id", "Bid reference", None, Kind::Text, Some("w-10")) }
                        <Select id={field_id("bids", &format!("{base}/lot"))} label="Lot bid for" options={lots.clone()} selected={lot_now}
                            error={error_at(pr, &format!("{base}/lot"))} onchange={set(format!("{base}/lot"))} />
                        if rates.is_empty() {
                            { f("/price", "Total price over the contract (GBP)", Some("In pounds, such as 352,000."), Kind::Decimal, Some("w-10")) }
                        } else {
                            { f("/price", "Total price over the contract (GBP, optional)", Some("Leave empty: the price is the basket of rates below. If given, it must equal the basket."), Kind::Decimal, Some("w-10")) }
                        }
                    </fieldset>
                    if !rates.is_empty() {
                        { bid_rates(&bind, &base, &rates, ctx.model.result().as_ref().and_then(|r| r.bids.iter().find(|x| Some(x.bid.as_str()) == b.get("id").and_then(Value::as_str)))) }
                    }
                    <fieldset class="fieldset">
                        <legend class="legend legend--m">{ "The organisation" }</legend>
                        { f("/organisation/name", "Name", None, Kind::Text, None) }
                        <Select id={field_id("bids", &format!("{base}/organisation/legal_form"))} label="Legal form" options={legal_forms}
                            selected={pointer::text(b, "/organisation/legal_form")} error={error_at(pr, &format!("{base}/organisation/legal_form"))}
                            onchange={set(format!("{base}/organisation/legal_form"))} />
                        { f("/organisation/annual_turnover", "Annual turnover (GBP)", None, Kind::Decimal, Some("w-10")) }
                        { f("/organisation/board/voting_members", "Voting members of the board", Some("Leave both board figures empty if not known."), Kind::Whole, Some("w-5")) }
                        { f("/organisation/board/disabled_or_service_users", "Of them, disabled people or people who use support services", None, Kind::Whole, Some("w-5")) }
                        { f("/organisation/staff/total", "Paid staff", Some("0 if it has none: a staff test then does not apply."), Kind::Whole, Some("w-5")) }
                        { f("/organisation/staff/disabled", "Of them, disabled people", None, Kind::Whole, Some("w-5")) }
                        { f("/organisation/volunteers/total", "Volunteers", Some("0 if it has none. Leave both volunteer figures empty if not known."), Kind::Whole, Some("w-5")) }
                        { f("/organisation/volunteers/disabled", "Of them, disabled people", None, Kind::Whole, Some("w-5")) }
                        { bind.yes_no(&format!("{base}/organisation/accountable_to_members"), "Is it accountable to its members or the people who use its services?", None, true) }
                        { bind.yes_no(&format!("{base}/organisation/social_model_commitment"), "Is it committed to the social model of disability?", None, true) }
                        { bind.yes_no(&format!("{base}/organisation/based_in_area"), "Is it based in the authority's area?", None, true) }
                    </fieldset>
                    { reservation_facts(&ctx, &bind, &base) }
                    <div class="eligibility-live" aria-live="polite">
                        <h3 class="heading-m">{ "Eligibility" }</h3>
                        { match verdict {
                            Some(Ok(e)) => html! {
                                <>
                                    <p><strong>{ match e.verdict { Verdict::Yes => "Yes: ", Verdict::No => "No: ", Verdict::NotEnoughInformation => "Not enough information: " } }</strong>{ &e.reason }</p>
                                    <ul>{ for e.tests.iter().filter(|t| t.outcome != TestOutcome::Met).map(|t| html!{
                                        <li>{ &t.title }{ ": " }{ crate::views::fields::sentence(&t.reason) }
                                            if let Some(a) = &t.to_add { { " To add: " }{ crate::views::fields::sentence(a) } }</li>
                                    }) }</ul>
                                </>
                            },
                            Some(Err(p)) => html! { <p>{ format!("Eligibility appears once the profile's {} problem{} fixed.", p.len(), if p.len() == 1 { " is" } else { "s are" }) }</p> },
                            None => html! {},
                        } }
                    </div>
                    if !declared_facts.is_empty() {
                        <fieldset class="fieldset">
                            <legend class="legend legend--m">{ "Figures from the bid" }</legend>
                            { for declared_facts.iter().map(|fact| f(&format!("/facts/{}", pointer::escape(&fact.id)), crate::views::fields::sentence(&fact.title).trim_end_matches('.'), None, Kind::Decimal, Some("w-10"))) }
                        </fieldset>
                    }
                    { for gates.iter().map(|g| {
                        let p = format!("{base}/gates/{}", pointer::escape(&g.id));
                        let current = pointer::text(b, &format!("/gates/{}", pointer::escape(&g.id)));
                        let ctx = ctx.clone();
                        let p2 = p.clone();
                        let onchange = Callback::from(move |v: String| dispatch(&ctx, Action::Set { doc: Doc::Bids, pointer: p2.clone(),
                            value: (v != "not_assessed").then_some(Value::String(v)) }));
                        html! {
                            <Radios id={field_id("bids", &p)} legend={g.title.clone()} hint={Some(AttrValue::from(g.description.clone()))}
                                options={vec![("pass".into(), "Pass".into(), None), ("fail".into(), "Fail".into(), None), ("not_assessed".into(), "Not assessed yet".into(), None)]}
                                selected={if current.is_empty() { "not_assessed".to_string() } else { current }} inline={true}
                                error={error_at(pr, &p)} {onchange} />
                        }
                    }) }
                    <button type="submit" class="button" id="check-bids">{ "Check the bids" }</button>
                </form>
            </section>
        }
    });

    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Bids" }</h1>
            <p class="lede">{ "The bids received. Panel scores are entered on the Scoring screen." }</p>
            if let Some(p) = &problems {
                <ErrorSummary doc="bids" problems={p.clone()} focus={false} asked={*asked}
                    labels={crate::views::results::labels(&ctx, "bids")} elsewhere={elsewhere} />
            }
            <p id="bids-count">{ format!("{} bid{} received.", bids.len(), if bids.len() == 1 { "" } else { "s" }) }</p>
            { for tables }
            <div class="button-group">
                <button type="button" class="button" onclick={add}>{ "Add a bid" }</button>
                <ImportButton kind={Document::Bids} label="Import bids from a file" />
            </div>
            { editor.unwrap_or_default() }
        </>
    }
}

/// The rates of the tender's lot `lot` (its basket), empty when it has none.
pub fn lot_rates(tender: &Value, lot: &str) -> Vec<Value> {
    (tender.get("lots").and_then(Value::as_array))
        .and_then(|ls| {
            ls.iter()
                .find(|l| l.get("id").and_then(Value::as_str) == Some(lot))
        })
        .and_then(|l| l.get("rates"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// A bid's rates for a lot priced as a basket: one field per rate the lot publishes, and the
/// basket as the core worked it out (each rate times its volume, added up), once it is scored.
fn bid_rates(bind: &Bind, base: &str, rates: &[Value], result: Option<&engine::BidResult>) -> Html {
    html! {
        <fieldset class="fieldset">
            <legend class="legend legend--m">{ "Rates offered" }</legend>
            <p class="hint">{ "The lot is priced as a basket: each rate times its indicative volume, added up." }</p>
            { for rates.iter().map(|r| {
                let id = r.get("id").and_then(Value::as_str).unwrap_or("");
                let title = r.get("title").and_then(Value::as_str).filter(|t| !t.trim().is_empty()).unwrap_or(id);
                let unit = r.get("unit").and_then(Value::as_str).unwrap_or("unit");
                let volume = r.get("volume").and_then(Value::as_str).unwrap_or("not given");
                let hint = match r.get("ceiling").and_then(Value::as_str) {
                    Some(c) => format!("Indicative volume: {volume} ({unit}s). Ceiling: {}.", engine::pounds(c)),
                    None => format!("Indicative volume: {volume} ({unit}s)."),
                };
                bind.field(&format!("{base}/rates/{}", pointer::escape(id)), &format!("{title} (GBP per {unit})"), Some(&hint), Kind::Decimal, Some("w-10"))
            }) }
            { crate::views::scorecard::basket(result) }
        </fieldset>
    }
}

/// The facts the tender's reservation ground tests on each bid (PA 2023 s.32 supported
/// employment, s.33 public service mutuals, PPN 005 location and SME/VCSE), asked only when the
/// tender is reserved on that ground; the core decides whether the bid meets it.
fn reservation_facts(ctx: &crate::app::Ctx, bind: &Bind, base: &str) -> Html {
    let basis = pointer::text(&ctx.ws.tender, "/reservation/basis");
    let sme_vcse = matches!(
        pointer::get(&ctx.ws.tender, "/reservation/sme_vcse"),
        Some(Value::Bool(true))
    );
    let p = |rest: &str| format!("{base}/organisation{rest}");
    let fields = match basis.as_str() {
        "supported_employment" => html! { <>
            { bind.field(&p("/workforce/total"), "People in the workforce that will perform the contract", Some("A head count."), Kind::Whole, Some("w-5")) }
            { bind.field(&p("/workforce/disabled_or_disadvantaged"), "Of them, disabled or disadvantaged people", Some("The law asks for at least 30%."), Kind::Whole, Some("w-5")) }
            { bind.yes_no(&p("/employment_purpose"), "Does it operate, wholly or partly, to provide employment or employment-related support to disabled or disadvantaged people?", None, true) }
        </> },
        "public_service_mutual" => html! { <>
            { bind.yes_no(&p("/public_service_purpose"), "Does it operate to deliver public services, mainly the light-touch services that may be reserved?", None, true) }
            { bind.yes_no(&p("/not_for_profit_or_member_profits"), "Is it run not for profit, or does it pay profits only to its members?", None, true) }
            { bind.yes_no(&p("/employee_controlled"), "Is it managed and controlled by its employees?", None, true) }
            { bind.yes_no(&p("/comparable_mutual_contract_in_3_years"), "Has it had a comparable contract from this authority, reserved to mutuals, in the last three years?", Some("Yes means it cannot be awarded this one."), true) }
        </> },
        "below_threshold_location" => html! { <>
            { bind.list(&p("/established_in"), "Where it is established and has substantial business operations", Some("Places separated by commas, such as UK, Kent. The tender names the place it is reserved to."), Some("w-20")) }
            if sme_vcse {
                { bind.yes_no(&p("/sme"), "Is it a small or medium-sized enterprise?", None, true) }
                { bind.yes_no(&p("/vcse"), "Is it a voluntary, community or social enterprise?", None, true) }
            }
        </> },
        _ => return Html::default(),
    };
    html! {
        <fieldset class="fieldset">
            <legend class="legend legend--m">{ "The ground the contract is reserved on" }</legend>
            <p class="hint">{ "The tender reserves the contract; these are the facts its ground tests on each bid." }</p>
            { fields }
        </fieldset>
    }
}

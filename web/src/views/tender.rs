//! The tender screen: a form for the tender's design, with its barrier findings beside it, live.

use crate::app::{dispatch, use_ctx, Ctx};
use crate::engine::{Finding, FindingStatus, Problems, Severity};
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, shown, ErrorSummary, Field, Kind, Select};
use crate::views::form::Bind;
use crate::views::regime::{applies_under, not_applicable, standing_words};
use serde_json::{json, Value};
use yew::prelude::*;

const INSURANCE: [(&str, &str); 3] = [
    ("public_liability", "Public liability cover asked for (GBP)"),
    (
        "employers_liability",
        "Employer's liability cover asked for (GBP)",
    ),
    (
        "professional_indemnity",
        "Professional indemnity cover asked for (GBP)",
    ),
];

fn insurance_field(
    ctx: &Ctx,
    problems: Option<&Problems>,
    kind: &'static str,
    label: &'static str,
) -> Html {
    let list = pointer::get(&ctx.ws.tender, "/conditions/insurance")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let index = list
        .iter()
        .position(|i| i.get("kind").and_then(Value::as_str) == Some(kind));
    let value = index
        .and_then(|i| list[i].get("amount"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let err_pointer = index
        .map(|i| format!("/conditions/insurance/{i}/amount"))
        .unwrap_or_default();
    let ctx2 = ctx.clone();
    let onchange = Callback::from(move |text: String| {
        let mut list: Vec<Value> = pointer::get(&ctx2.ws.tender, "/conditions/insurance")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        list.retain(|i| i.get("kind").and_then(Value::as_str) != Some(kind));
        if !text.trim().is_empty() {
            let t = text.trim();
            let amount = crate::engine::amount(t).unwrap_or_else(|| t.to_string());
            list.push(json!({"kind": kind, "amount": amount}));
        }
        let value = (!list.is_empty()).then_some(Value::Array(list));
        dispatch(
            &ctx2,
            Action::Set {
                doc: Doc::Tender,
                pointer: "/conditions/insurance".into(),
                value,
            },
        );
    });
    html! {
        <Field id={field_id("tender", &format!("/conditions/insurance/{kind}"))} label={label} hint={Some(AttrValue::from("Leave empty if none is asked for."))}
            value={value} error={error_at(problems, &err_pointer)} kind={Kind::Decimal} class={Some("w-10")} {onchange} />
    }
}

/// The first reference `{prefix}{k}` not already used in `list`, counting from `from`: after
/// "lot-2" is removed from lot-1, lot-2, lot-3, a new lot is "lot-4", never a second "lot-3".
pub fn unused_id(list: &[Value], prefix: &str, from: usize) -> String {
    let used: Vec<&str> = list.iter().filter_map(|v| v.get("id")?.as_str()).collect();
    let mut k = from.max(1);
    while used.contains(&format!("{prefix}{k}").as_str()) {
        k += 1;
    }
    format!("{prefix}{k}")
}

/// Radios saying whether an optional part of the tender is stated at all.
fn stated(
    ctx: &Ctx,
    pointer: &'static str,
    legend: &'static str,
    hint: &'static str,
    empty: Value,
) -> Html {
    let on = pointer::get(&ctx.ws.tender, pointer).is_some();
    let ctx2 = ctx.clone();
    let onchange = Callback::from(move |v: String| {
        let value = (v == "yes").then(|| empty.clone());
        dispatch(
            &ctx2,
            Action::Set {
                doc: Doc::Tender,
                pointer: pointer.into(),
                value,
            },
        );
    });
    html! {
        <crate::views::fields::Radios id={field_id("tender", &format!("{pointer}-stated"))} legend={legend} hint={Some(AttrValue::from(hint))}
            options={vec![("yes".into(), "Yes".into(), None), ("no".into(), "No, not stated".into(), None)]}
            selected={if on { "yes".to_string() } else { "no".to_string() }} inline={true} {onchange} />
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingProps {
    pub finding: Finding,
    /// The title of the finding's lot, when the caller has the tender (the bidder's entry and
    /// the report may not).
    #[prop_or_default]
    pub lot_title: Option<String>,
}

/// One barrier finding: severity and standing in words (not colour alone), the figures, why,
/// the fix, the clause; under a regime-aware protocol, why the rule holds as it does here, or,
/// when the regime is not known, what it would be under each regime.
#[function_component(FindingView)]
pub fn finding_view(p: &FindingProps) -> Html {
    let f = &p.finding;
    // The lot by its title where the caller knows it (never "lot lot-1").
    let lot = f
        .lot
        .as_ref()
        .map(|l| p.lot_title.clone().unwrap_or_else(|| format!("lot {l}")));
    let (tag, class) = match (f.status, f.severity) {
        (FindingStatus::NotStated, _) => ("Not stated", "unstated"),
        (FindingStatus::RegimeNotStated, _) => ("Depends on which law applies", "unstated"),
        (FindingStatus::Barrier, Severity::Must) => ("Must fix", "must"),
        (FindingStatus::Barrier, Severity::Should) => ("Should fix", "should"),
    };
    html! {
        <div class={classes!("finding", format!("finding--{class}"), f.standing.map(|s| format!("finding--{}", s.word())))} data-rule={f.rule.clone()}>
            <h3 class="heading-s"><span class="tag">{ tag }</span>{ " " }{ &f.title }
                if let Some(l) = &lot { { format!(" ({l})") } }</h3>
            if let Some(s) = f.standing {
                <p class="standing"><strong>{ standing_words(s) }{ "." }</strong>
                    if let Some(n) = &f.regime_note { { " " }{ n } }</p>
            }
            if f.status == FindingStatus::RegimeNotStated {
                <p class="standing"><strong>{ "Depends on which law applies." }</strong>{ " The tender does not settle which law governs it, so whether the law requires this cannot be told yet. It would be:" }</p>
                { applies_under(&f.applies_under) }
            }
            <p>{ &f.finding }</p>
            <ul class="facts">
                { for f.facts.iter().map(|x| html!{ <li>{ crate::views::fields::sentence(&x.label).trim_end_matches('.') }{ ": " }<strong>{ &x.value }</strong></li> }) }
            </ul>
            <p><strong>{ "The protocol asks: " }</strong>{ crate::views::fields::sentence(&f.requirement) }</p>
            <p><strong>{ "Why it matters: " }</strong>{ &f.why }</p>
            <p><strong>{ "Suggested fix: " }</strong>{ &f.fix }</p>
            <p class="hint">{ "Source: " }{ f.cites.iter().map(|c| format!("{}, {}", c.title, c.clause)).collect::<Vec<_>>().join("; ") }</p>
        </div>
    }
}

/// A lot's title in the tender, by its reference, when it has one.
fn lot_title(tender: &Value, id: Option<&str>) -> Option<String> {
    let id = id?;
    (tender.get("lots").and_then(Value::as_array))?
        .iter()
        .find(|x| x.get("id").and_then(Value::as_str) == Some(id))?
        .get("title")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_string)
}

/// The number of barrier findings, for a polite live region: it changes when a finding comes
/// or goes, not on every keystroke, so a screen reader hears it only then.
fn findings_count(ctx: &Ctx) -> String {
    match &ctx.model.check {
        Some(c) => {
            let barriers = c
                .findings
                .iter()
                .filter(|f| f.status == FindingStatus::Barrier)
                .count();
            match barriers {
                0 => "Barrier findings: none.".to_string(),
                1 => "Barrier findings: 1 barrier.".to_string(),
                n => format!("Barrier findings: {n} barriers."),
            }
        }
        None => "Barrier findings: waiting for the problems in the form to be fixed.".to_string(),
    }
}

#[function_component(TenderView)]
pub fn tender_view() -> Html {
    let ctx = use_ctx();
    // Fields not given yet are not errors while the tender is being filled in: they show once
    // the user asks for a check, or arrives by a link to fix one.
    let show_missing = use_state(|| {
        crate::views::results::pending_field().is_some_and(|f| f.starts_with("f-tender"))
    });
    let asked = use_state(|| 0u32);
    let problems = shown(ctx.model.tender_problems.as_ref(), *show_missing);
    let pr = problems.as_ref();
    let t = &ctx.ws.tender;
    let lots = t
        .get("lots")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let panel = t
        .get("panel")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut bind = Bind::workspace(&ctx, Doc::Tender);
    bind.problems = problems.clone();
    let choices = crate::engine::lot_choices(&ctx.ws);
    let check = {
        let ctx = ctx.clone();
        let asked = asked.clone();
        let show_missing = show_missing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            show_missing.set(true);
            asked.set(*asked + 1);
            match &ctx.model.tender_problems {
                None => ctx.announce.emit("The tender has no problems.".into()),
                Some(p) => ctx.announce.emit(format!(
                    "The tender has {} problem{}: the list is at the top of the form.",
                    p.len(),
                    if p.len() == 1 { "" } else { "s" }
                )),
            }
        })
    };
    let f = |p: &str, l: &str, h: Option<&str>, k: Kind, c: Option<&'static str>| {
        bind.field(p, l, h, k, c)
    };

    // A new lot is given a reference no other lot has, and no figures: a "0" would be an
    // error the user did not make. Until its value and length are given, the results leave it
    // out and say why.
    let add_lot = {
        let ctx = ctx.clone();
        let n = lots.len() + 1;
        let id = unused_id(&lots, "lot-", n);
        Callback::from(move |_: MouseEvent| {
            dispatch(
                &ctx,
                Action::Push {
                    doc: Doc::Tender,
                    pointer: "/lots".into(),
                    value: json!({"id": id, "title": format!("Lot {n}")}),
                },
            );
            ctx.announce.emit(format!(
                "Lot {n} added. Give its value and contract length below."
            ));
        })
    };
    let add_evaluator = {
        let ctx = ctx.clone();
        let n = panel.len() + 1;
        let id = unused_id(&panel, "e", n);
        Callback::from(move |_: MouseEvent| {
            dispatch(
                &ctx,
                Action::Push {
                    doc: Doc::Tender,
                    pointer: "/panel".into(),
                    value: json!({"id": id, "name": format!("Evaluator {n}"), "role": "officer"}),
                },
            );
            ctx.announce
                .emit(format!("Evaluator {n} added to the panel."));
        })
    };

    let elsewhere = {
        let ctx = ctx.clone();
        Callback::from(move |pointer: String| {
            crate::views::results::go_to_field(&ctx, "tender", &pointer)
        })
    };
    let findings = html! {
        <aside class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading" class="heading-l">{ "Barrier findings" }</h2>
            if let Some(check) = &ctx.model.check {
                <p class={classes!("headline", check.summary.barrier_free.then_some("headline--clear"))}>
                    <strong>{ if check.summary.barrier_free { "No barriers found. " } else { "" } }</strong>{ &check.summary.headline }
                </p>
                { for check.findings.iter().map(|f| html!{ <FindingView finding={f.clone()} lot_title={lot_title(t, f.lot.as_deref())} /> }) }
                if let Ok(p) = &ctx.model.protocol {
                    { not_applicable(check, p) }
                }
            } else {
                <p>{ "The findings appear when the problems in the form are fixed." }</p>
            }
        </aside>
    };

    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Tender" }</h1>
            <p class="lede">{ "Describe the tender's design. The barrier check beside the form (below it on a narrow screen) updates as you go, with the clause each finding rests on. " }
                <a href="#findings-heading" class="findings-jump">{ "Go to the barrier findings" }</a></p>
            <p class="findings-count" aria-live="polite" aria-atomic="true">{ findings_count(&ctx) }</p>
            if let Some(p) = &problems {
                <ErrorSummary doc="tender" problems={p.clone()} focus={false} asked={*asked}
                    labels={crate::views::results::labels(&ctx, "tender")} elsewhere={elsewhere} />
            }
            <div class="two-columns">
                <form class="tender-form" id="tender-form" onsubmit={check} novalidate=true>
                    <crate::views::procurement::WhichLaw />
                    <h2 class="heading-l">{ "About the tender" }</h2>
                    { f("/title", "Title", None, Kind::Text, None) }
                    { f("/authority", "Contracting authority", None, Kind::Text, None) }
                    { f("/id", "Reference", Some("Letters, digits, dots, dashes; no spaces. Bids quote it."), Kind::Text, Some("w-20")) }
                    { f("/service", "The service", Some("In a sentence or two."), Kind::Area, None) }
                    { f("/published", "Date published", None, Kind::Date, Some("w-10")) }
                    { f("/response_deadline", "Deadline for responses", None, Kind::Date, Some("w-10")) }
                    // A protocol written before regimes reserves by this yes/no; a regime-aware
                    // one asks for the legal ground instead (the reservation section), and
                    // reads a leftover "yes" as a reservation for user-led organisations.
                    if !ctx.model.regime_aware {
                        { bind.yes_no("/reserved_for_user_led", "Is the contract reserved for user-led organisations?", Some("Only user-led organisations may then be ranked."), false) }
                    }
                    <crate::views::procurement::ReservationFields />

                    <h2 class="heading-l">{ "Lots" }</h2>
                    { for lots.iter().enumerate().map(|(i, lot)| {
                        let base = format!("/lots/{i}");
                        let name = lot.get("title").and_then(Value::as_str).unwrap_or("lot").to_string();
                        let remove = {
                            let ctx = ctx.clone();
                            let base = base.clone();
                            let name = name.clone();
                            Callback::from(move |_: MouseEvent| {
                                if gloo::dialogs::confirm(&format!("Remove the lot \"{name}\"? Bids for it will show as errors until they are moved.")) {
                                    dispatch(&ctx, Action::Set { doc: Doc::Tender, pointer: base.clone(), value: None });
                                    ctx.announce.emit(format!("Lot \"{name}\" removed."));
                                }
                            })
                        };
                        html! {
                            <fieldset class="fieldset card">
                                <legend class="legend">{ format!("Lot {}: {}", i + 1, name) }</legend>
                                { f(&format!("{base}/title"), "Title", None, Kind::Text, None) }
                                { f(&format!("{base}/id"), "Lot reference", None, Kind::Text, Some("w-10")) }
                                { f(&format!("{base}/value"), "Estimated value over the whole contract (GBP)", Some("In pounds, such as 360,000."), Kind::Decimal, Some("w-10")) }
                                { f(&format!("{base}/months"), "Contract length in months", None, Kind::Whole, Some("w-5")) }
                                { f(&format!("{base}/price_ceiling"), "Affordability ceiling (GBP)", Some("The most the authority can pay. Leave empty if none."), Kind::Decimal, Some("w-10")) }
                                { f(&format!("{base}/price_floor"), "Price floor (GBP)", Some("Only for the straight-line price formula."), Kind::Decimal, Some("w-10")) }
                                { crate::views::lot_model::lot_evaluation(&ctx, &bind, &choices, i, lot) }
                                if lots.len() > 1 {
                                    <button type="button" class="button button--secondary" onclick={remove}>{ format!("Remove lot {}", i + 1) }</button>
                                }
                            </fieldset>
                        }
                    }) }
                    <button type="button" class="button button--secondary" onclick={add_lot}>{ "Add a lot" }</button>
                    { f("/no_lots_reason", "Reasons for not dividing into lots", Some("Needed when the contract is one lot."), Kind::Area, None) }

                    <h2 class="heading-l">{ "Conditions of participation" }</h2>
                    { stated(&ctx, "/conditions", "Does the tender state its conditions of participation?", "Turnover, insurance and bonds asked of bidders.", json!({})) }
                    if t.get("conditions").is_some() {
                        { f("/conditions/minimum_turnover", "Minimum yearly turnover asked for (GBP)", Some("Leave empty if none is asked for."), Kind::Decimal, Some("w-10")) }
                        { for INSURANCE.iter().map(|(k, l)| insurance_field(&ctx, pr, k, l)) }
                        { f("/conditions/performance_bond", "Performance bond or guarantee (GBP)", Some("Leave empty if none is asked for."), Kind::Decimal, Some("w-10")) }
                        { crate::views::procurement::s22_conditions(&bind) }
                    }

                    <h2 class="heading-l">{ "Payment" }</h2>
                    { stated(&ctx, "/payment", "Does the tender state its payment terms?", "How and when the provider is paid.", json!({"terms_days": 30, "in_arrears": false})) }
                    if t.get("payment").is_some() {
                        { f("/payment/terms_days", "Days to pay a valid invoice", None, Kind::Whole, Some("w-5")) }
                        { bind.yes_no("/payment/in_arrears", "Is the service paid for in arrears?", None, false) }
                        { f("/payment/by_results_percent", "Share of the price paid only on results (%)", Some("0 if none."), Kind::Decimal, Some("w-5")) }
                        { bind.yes_no("/payment/core_costs_contribution", "May the price include a contribution to core costs?", None, true) }
                    }

                    <h2 class="heading-l">{ "Evaluation panel" }</h2>
                    { for panel.iter().enumerate().map(|(i, e)| {
                        let base = format!("/panel/{i}");
                        let name = e.get("name").and_then(Value::as_str).unwrap_or("evaluator").to_string();
                        let role = e.get("role").and_then(Value::as_str).unwrap_or("officer").to_string();
                        let set_role = {
                            let ctx = ctx.clone();
                            let p = format!("{base}/role");
                            Callback::from(move |v: String| dispatch(&ctx, Action::Set { doc: Doc::Tender, pointer: p.clone(), value: Some(Value::String(v)) }))
                        };
                        let remove = {
                            let ctx = ctx.clone();
                            let base = base.clone();
                            let name = name.clone();
                            Callback::from(move |_: MouseEvent| {
                                if gloo::dialogs::confirm(&format!("Remove {name} from the panel? Their scores stay in the bids and will show as errors.")) {
                                    dispatch(&ctx, Action::Set { doc: Doc::Tender, pointer: base.clone(), value: None });
                                    ctx.announce.emit(format!("{name} removed from the panel."));
                                }
                            })
                        };
                        html! {
                            <fieldset class="fieldset card">
                                <legend class="legend">{ format!("Evaluator {}: {}", i + 1, name) }</legend>
                                { f(&format!("{base}/name"), "Name or initials", None, Kind::Text, Some("w-20")) }
                                { f(&format!("{base}/id"), "Evaluator reference", None, Kind::Text, Some("w-5")) }
                                <Select id={field_id("tender", &format!("{base}/role"))} label="Role"
                                    options={vec![("officer".into(), "Officer".into()), ("lived_experience".into(), "Person with lived experience (expert by experience)".into())]}
                                    selected={role} error={error_at(pr, &format!("{base}/role"))} onchange={set_role} />
                                <button type="button" class="button button--secondary" onclick={remove}>{ format!("Remove evaluator {}", i + 1) }</button>
                            </fieldset>
                        }
                    }) }
                    <button type="button" class="button button--secondary" onclick={add_evaluator}>{ "Add an evaluator" }</button>

                    <h2 class="heading-l">{ "Procedure" }</h2>
                    { bind.yes_no("/electronic_auction", "Is a reverse electronic auction used?", None, true) }
                    { bind.yes_no("/abnormally_low_procedure_published", "Does the tender say how abnormally low prices will be handled?", None, true) }
                    { bind.yes_no("/tupe_information_given", "Is staff transfer (TUPE) information given?", None, true) }
                    { bind.yes_no("/users_involved_in_design", "Did people who use the service help design the tender?", None, true) }
                    <p class="hint">{ "Award weights are set on the Protocol screen, within the ranges the protocol allows." }</p>
                    <button type="submit" class="button" id="check-tender">{ "Check the tender" }</button>
                </form>
                { findings }
            </div>
            <crate::views::ocds_import::OcdsImport />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::unused_id;
    use serde_json::json;

    #[test]
    fn a_new_reference_is_one_not_already_used() {
        // Lot 2 removed from three: the next is lot-4, not a second lot-3.
        let lots = [json!({"id": "lot-1"}), json!({"id": "lot-3"})];
        assert_eq!(unused_id(&lots, "lot-", 3), "lot-4");
        let panel = [
            json!({"id": "e1"}),
            json!({"id": "e3"}),
            json!({"id": "e4"}),
        ];
        assert_eq!(unused_id(&panel, "e", 4), "e5");
        assert_eq!(unused_id(&[], "lot-", 1), "lot-1");
    }
}

//! The self-check's pages: the task list, one page per section, and the result.

use super::pictures::PictureView;
use super::state::Change;
use super::{use_ctx, Ctx, Step};
use crate::engine::{
    self, GateStatus, Problem, Problems, Scale, TestOutcome, ThresholdOutcome, ThresholdStatus,
    Verdict,
};
use crate::pointer::{self, field_id};
use crate::shell::{follow, Page};
use crate::views::fields::{sentence, Kind, Radios, Select};
use crate::views::file_picker::{FilePicker, Picked};
use crate::views::form::Bind;
use crate::views::import::FileProblems;
use crate::views::regime::RegimeSection;
use crate::views::tender::FindingView;
use serde_json::{json, Value};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    NotStarted,
    InProgress,
    Completed,
    CannotStart,
}

impl Status {
    fn words(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::CannotStart => "Cannot start yet",
        }
    }
}

/// The draft's problems in one section (by the pointers the section edits).
fn section_problems(ctx: &Ctx, prefixes: &[&str]) -> Option<Problems> {
    let all = ctx.assessment.draft_problems.as_ref()?;
    let here: Vec<Problem> = all
        .iter()
        .filter(|p| {
            let t = crate::views::fields::target_pointer(p);
            prefixes
                .iter()
                .any(|pre| t == *pre || t.starts_with(&format!("{pre}/")))
        })
        .cloned()
        .collect();
    (!here.is_empty()).then_some(Problems(here))
}

/// Fields bound to the draft. As in the GOV.UK pattern, problems are shown once the user asks
/// to save the section (`checked`), not while they are still filling it in: a message that
/// appears or goes as each field is left would move the form under their pointer.
fn bind(ctx: &Ctx, checked: bool, prefixes: &[&str]) -> Bind {
    let check = ctx.check.clone();
    Bind {
        name: "draft",
        doc: ctx.check.draft.clone(),
        problems: if checked {
            section_problems(ctx, prefixes)
        } else {
            None
        },
        defer: false,
        set: Callback::from(move |(p, v): (String, Option<Value>)| {
            check.dispatch(Change::Set(p, v))
        }),
    }
}

fn has(d: &Value, p: &str) -> bool {
    match d.pointer(p) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

fn status_of(filled: usize, of: usize) -> Status {
    match filled {
        0 => Status::NotStarted,
        n if n >= of => Status::Completed,
        _ => Status::InProgress,
    }
}

fn panel_criteria(ctx: &Ctx) -> Vec<(String, String, Option<String>, Scale)> {
    engine::panel_criteria(&ctx.assessment.protocol)
}

fn statuses(ctx: &Ctx) -> [(Step, &'static str, Status); 6] {
    let d = &ctx.check.draft;
    let tender_ok = matches!(ctx.assessment.tender, Some(Ok(_)));
    let org_fields = [
        "/organisation/name",
        "/organisation/legal_form",
        "/organisation/board",
        "/organisation/staff",
        "/organisation/accountable_to_members",
        "/organisation/social_model_commitment",
    ];
    let org = org_fields.iter().filter(|p| has(d, p)).count();
    let price = ["/lot", "/price"].iter().filter(|p| has(d, p)).count();
    let criteria = panel_criteria(ctx);
    let scores = criteria
        .iter()
        .filter(|(id, ..)| has(d, &format!("/expected/{}", pointer::escape(id))))
        .count();
    let gates = &ctx.assessment.protocol.doc().award.gates;
    let answered = gates
        .iter()
        .filter(|g| has(d, &format!("/gates/{}", pointer::escape(&g.id))))
        .count();
    let needs_tender = |s: Status| if tender_ok { s } else { Status::CannotStart };
    let result = if ctx.assessment.result.is_some() {
        Status::NotStarted
    } else {
        Status::CannotStart
    };
    [
        (
            Step::Tender,
            "Choose the tender",
            if tender_ok {
                Status::Completed
            } else {
                Status::NotStarted
            },
        ),
        (
            Step::Organisation,
            "Tell us about your organisation",
            needs_tender(status_of(org, org_fields.len())),
        ),
        (
            Step::Price,
            "Your lot and price",
            needs_tender(status_of(price, 2)),
        ),
        (
            Step::Scores,
            "The scores you expect",
            needs_tender(status_of(scores, criteria.len())),
        ),
        (
            Step::Gates,
            "Pass or fail conditions",
            needs_tender(status_of(answered, gates.len())),
        ),
        (Step::Result, "Check your result", result),
    ]
}

/// A link to a page that moves focus there.
fn link(ctx: &Ctx, to: Step, text: &str, id: Option<String>) -> Html {
    html! { <a href={to.href()} {id} onclick={follow(&ctx.go, to)}>{ text }</a> }
}

fn back_to_tasks(ctx: &Ctx) -> Html {
    save_and_return(ctx, None, &[])
}

/// "Save and return": back to the task list, unless the section has problems; then they are
/// shown, with a summary linking to each.
fn save_and_return(
    ctx: &Ctx,
    checked: Option<UseStateHandle<bool>>,
    prefixes: &'static [&'static str],
) -> Html {
    let go = ctx.go.clone();
    let has_problems = section_problems(ctx, prefixes).is_some();
    let onclick = Callback::from(move |_: MouseEvent| match (&checked, has_problems) {
        (Some(c), true) => c.set(true),
        _ => go.emit(Step::Tasks),
    });
    html! {
        <div class="button-group">
            <button type="button" class="button" id="save-and-return" {onclick}>{ "Save and return to the task list" }</button>
        </div>
    }
}

/// The error summary for a section, once the user has asked to save it.
fn summary(ctx: &Ctx, checked: bool, prefixes: &[&str]) -> Html {
    match (checked, section_problems(ctx, prefixes)) {
        (true, Some(p)) => {
            html! { <crate::views::fields::ErrorSummary doc="draft" problems={p} /> }
        }
        _ => html! {},
    }
}

/// The projected range, live, on the pages that change it. Always in place (with a note until
/// it can be worked out) so the page never shifts when it first appears.
fn projection(ctx: &Ctx) -> Html {
    let text = match &ctx.assessment.result {
        Some(r) => format!(
            "{} to {} out of {}",
            r.projected.low, r.projected.high, r.projected.available
        ),
        None => "shown here once your organisation, lot and price are filled in".to_string(),
    };
    html! {
        <div class="notice projection" id="projection" aria-live="polite" aria-atomic="true">
            <p><strong>{ "Your projected total: " }</strong><span id="projection-range">{ text }</span></p>
        </div>
    }
}

#[function_component(TaskList)]
pub fn task_list() -> Html {
    let ctx = use_ctx();
    let rows = statuses(&ctx);
    let done = rows[..5]
        .iter()
        .filter(|r| r.2 == Status::Completed)
        .count();
    let restart = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm("Start again? Your answers in this browser will be cleared. Download them first from the result page if you may need them.") {
                ctx.check.dispatch(Change::Reset);
                ctx.announce.emit("Started again.".into());
            }
        })
    };
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Check your tender response" }</h1>
            <p class="lede">{ "Find out, before you submit, whether you count as a user-led organisation under the council's rules, whether you pass its conditions, the score you might get, and where you could gain marks." }</p>
            <p>{ format!("You have completed {done} of 5 sections.") }</p>
            <ol class="task-list">
                { for rows.iter().map(|(step, name, status)| {
                    let id = format!("task-{}", step.slug());
                    html! {
                        <li class="task-list__item">
                            <span class="task-list__name">
                                if *status == Status::CannotStart { <span id={id.clone()}>{ *name }</span> } else { { link(&ctx, *step, name, Some(id.clone())) } }
                            </span>
                            <strong class={classes!("task-list__status", format!("task-list__status--{}", status.words().to_lowercase().replace(' ', "-")))}
                                id={format!("{id}-status")}>{ status.words() }</strong>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" class="button button--secondary" onclick={restart}>{ "Start again" }</button>
        </>
    }
}

#[function_component(TenderStep)]
pub fn tender_step() -> Html {
    let ctx = use_ctx();
    let problems = use_state(|| None::<(String, Option<Problems>)>);
    let use_example = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.check.dispatch(Change::Tender(engine::example_tender()));
            ctx.announce
                .emit("You are checking against the worked example tender.".into());
        })
    };
    let on_pick = {
        let ctx = ctx.clone();
        let problems = problems.clone();
        Callback::from(move |p: Picked| {
            let text = match p.text {
                Ok(t) => t,
                Err(why) => return problems.set(Some((why, None))),
            };
            let checked = engine::tender_file(&ctx.assessment.protocol, &text);
            match checked {
                Ok(v) => {
                    ctx.check.dispatch(Change::Tender(v));
                    problems.set(None);
                    ctx.announce.emit(format!(
                        "You are checking against the tender in \"{}\".",
                        p.name
                    ));
                }
                Err(e) => problems.set(Some((
                    format!("\"{}\" could not be used. Nothing was changed.", p.name),
                    Some(e),
                ))),
            }
        })
    };
    let current = ctx
        .check
        .tender
        .as_ref()
        .and_then(|t| t.get("title"))
        .and_then(Value::as_str)
        .map(str::to_string);
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Choose the tender" }</h1>
            if let Some(t) = &current {
                <p class="notice">{ "You are checking against: " }<strong>{ t }</strong></p>
            }
            if let Some(d) = &ctx.assessment.regime {
                <RegimeSection decision={d.clone()} />
            }
            <p>{ "Use the tender file the council published with ulo, or try the worked example." }</p>
            <FilePicker id="bidder-tender-file" label="The council's tender file" hint="A JSON file from the council. It is read on this computer." {on_pick} />
            <FileProblems id="bidder-tender-problems" outcome={(*problems).clone()} />
            <div class="button-group">
                <button type="button" class="button button--secondary" id="use-example" onclick={use_example}>{ "Use the worked example tender" }</button>
            </div>
            { back_to_tasks(&ctx) }
        </>
    }
}

#[function_component(OrganisationStep)]
pub fn organisation_step() -> Html {
    let ctx = use_ctx();
    const HERE: &[&str] = &["/organisation"];
    let checked = use_state(|| false);
    let b = bind(&ctx, *checked, HERE);
    let set = {
        let check = ctx.check.clone();
        Callback::from(move |v: String| {
            check.dispatch(Change::Set(
                "/organisation/legal_form".into(),
                (!v.is_empty()).then_some(Value::String(v)),
            ))
        })
    };
    let forms = crate::views::fields::legal_form_options("Choose your legal form");
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Tell us about your organisation" }</h1>
            { summary(&ctx, *checked, HERE) }
            <p class="lede">{ "These answers decide whether you count as a user-led organisation under the council's rules." }</p>
            <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                { b.field("/organisation/name", "Name of your organisation", None, Kind::Text, None) }
                <Select id={field_id("draft", "/organisation/legal_form")} label="Legal form" options={forms}
                    selected={pointer::text(&ctx.check.draft, "/organisation/legal_form")} error={b.error("/organisation/legal_form")} onchange={set} />
                { b.field("/organisation/annual_turnover", "Annual income or turnover (GBP)", Some("Pounds, no commas, such as 120000."), Kind::Decimal, Some("w-10")) }
                <fieldset class="fieldset">
                    <legend class="legend legend--m">{ "Your board or management committee" }</legend>
                    { b.field("/organisation/board/voting_members", "How many voting members does it have?", None, Kind::Whole, Some("w-5")) }
                    { b.field("/organisation/board/disabled_or_service_users", "How many of them are disabled people or people who use support services?", None, Kind::Whole, Some("w-5")) }
                </fieldset>
                <fieldset class="fieldset">
                    <legend class="legend legend--m">{ "Your staff" }</legend>
                    { b.field("/organisation/staff/total", "How many paid staff do you have?", Some("Count people, not full-time equivalents. Enter 0 if you have no paid staff: a staff test then does not apply to you."), Kind::Whole, Some("w-5")) }
                    { b.field("/organisation/staff/disabled", "How many of them are disabled people?", None, Kind::Whole, Some("w-5")) }
                </fieldset>
                <fieldset class="fieldset">
                    <legend class="legend legend--m">{ "Your volunteers" }</legend>
                    { b.field("/organisation/volunteers/total", "How many volunteers do you have?", Some("Count people. Enter 0 if you have none."), Kind::Whole, Some("w-5")) }
                    { b.field("/organisation/volunteers/disabled", "How many of them are disabled people?", None, Kind::Whole, Some("w-5")) }
                </fieldset>
                { b.yes_no("/organisation/accountable_to_members", "Are you accountable to your members, or to the people who use your services?", None, true) }
                { b.yes_no("/organisation/social_model_commitment", "Are you committed to the social model of disability?", None, true) }
                { b.yes_no("/organisation/based_in_area", "Are you based in the council's area?", None, true) }
            </form>
            { save_and_return(&ctx, Some(checked.clone()), HERE) }
        </>
    }
}

#[function_component(PriceStep)]
pub fn price_step() -> Html {
    let ctx = use_ctx();
    const HERE: &[&str] = &[
        "/lot",
        "/price",
        "/rates",
        "/competitor_lowest_price",
        "/facts",
    ];
    let checked = use_state(|| false);
    let b = bind(&ctx, *checked, HERE);
    let lots = ctx
        .check
        .tender
        .as_ref()
        .map(engine::lot_options)
        .unwrap_or_default();
    let set_lot = {
        let check = ctx.check.clone();
        Callback::from(move |v: String| {
            check.dispatch(Change::Set("/lot".into(), Some(Value::String(v))))
        })
    };
    let facts = ctx.assessment.protocol.doc().bid_facts.clone();
    // A lot priced as a basket of rates asks for each rate; the basket is then the price.
    let rates = ctx
        .check
        .tender
        .as_ref()
        .map(|t| crate::views::bids::lot_rates(t, &pointer::text(&ctx.check.draft, "/lot")))
        .unwrap_or_default();
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Your lot and price" }</h1>
            { summary(&ctx, *checked, HERE) }
            { projection(&ctx) }
            <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <Select id={field_id("draft", "/lot")} label="Which lot are you bidding for?" options={lots}
                    selected={pointer::text(&ctx.check.draft, "/lot")} error={b.error("/lot")} onchange={set_lot} />
                if rates.is_empty() {
                    { b.field("/price", "Your total price for the whole contract (GBP)", Some("Pounds, no commas, such as 352000. Include a fair share of your core costs."), Kind::Decimal, Some("w-10")) }
                } else {
                    <fieldset class="fieldset">
                        <legend class="legend">{ "Your rates" }</legend>
                        <p class="hint">{ "This lot is priced as a basket: each rate times the volume the council publishes, added up. Include a fair share of your core costs in each rate." }</p>
                        { for rates.iter().map(|r| {
                            let id = r.get("id").and_then(Value::as_str).unwrap_or("");
                            let title = r.get("title").and_then(Value::as_str).filter(|t| !t.trim().is_empty()).unwrap_or(id);
                            let unit = r.get("unit").and_then(Value::as_str).unwrap_or("unit");
                            let volume = r.get("volume").and_then(Value::as_str).unwrap_or("not given");
                            b.field(&format!("/rates/{}", pointer::escape(id)), &format!("{title} (GBP per {unit})"), Some(&format!("The council's indicative volume: {volume} ({unit}s).")), Kind::Decimal, Some("w-10"))
                        }) }
                    </fieldset>
                }
                { b.field("/competitor_lowest_price", "The lowest price you expect from another bidder, if you have a view (GBP)", Some("Optional. Price marks depend on the other bids; without this, ulo shows a range."), Kind::Decimal, Some("w-10")) }
                { for facts.iter().map(|f| b.field(&format!("/facts/{}", pointer::escape(&f.id)), sentence(&f.title).trim_end_matches('.'), Some("A percentage, such as 80."), Kind::Decimal, Some("w-5"))) }
            </form>
            { save_and_return(&ctx, Some(checked.clone()), HERE) }
        </>
    }
}

#[function_component(ScoresStep)]
pub fn scores_step() -> Html {
    let ctx = use_ctx();
    const HERE: &[&str] = &["/expected"];
    let checked = use_state(|| false);
    let b = bind(&ctx, *checked, HERE);
    let criteria = panel_criteria(&ctx);
    let d = ctx.check.draft.clone();
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "The scores you expect" }</h1>
            { summary(&ctx, *checked, HERE) }
            <p class="lede">{ "For each question, choose the score you expect your answer to get. If you are not sure, say how high it might go." }</p>
            { projection(&ctx) }
            { for criteria.iter().map(|(id, title, description, scale)| {
                let base = format!("/expected/{}", pointer::escape(id));
                let e = d.pointer(&base).cloned().unwrap_or(Value::Null);
                let low = e.get("score").or_else(|| e.get("low")).and_then(Value::as_i64);
                let high = e.get("high").and_then(Value::as_i64);
                let set = |low: Option<i64>, high: Option<i64>| -> Option<Value> {
                    match (low, high) {
                        (Some(l), Some(h)) if h > l => Some(json!({"low": l, "high": h})),
                        (Some(l), _) => Some(json!({"score": l})),
                        (None, _) => None,
                    }
                };
                let on_low = {
                    let check = ctx.check.clone();
                    let base = base.clone();
                    Callback::from(move |v: String| check.dispatch(Change::Set(base.clone(), set(v.parse().ok(), high))))
                };
                let on_high = {
                    let check = ctx.check.clone();
                    let base = base.clone();
                    Callback::from(move |v: String| check.dispatch(Change::Set(base.clone(), set(low, v.parse().ok()))))
                };
                let options: Vec<(String, String, Option<String>)> = scale.points.iter()
                    .map(|p| (p.score.to_string(), format!("{}: {}", p.score, p.label), Some(p.descriptor.clone()))).collect();
                let higher: Vec<(String, String)> = std::iter::once((String::new(), "No, this is my estimate".to_string()))
                    .chain(scale.points.iter().filter(|p| low.is_some_and(|l| p.score > l)).map(|p| (p.score.to_string(), format!("{}: {}", p.score, p.label))))
                    .collect();
                html! {
                    <section class="card" aria-labelledby={format!("q-{id}")}>
                        <h2 class="heading-m" id={format!("q-{id}")}>{ title }</h2>
                        if let Some(desc) = description { <p class="hint">{ desc }</p> }
                        <Radios id={field_id("draft", &base)} legend={format!("The score you expect for {}", title.to_lowercase())}
                            options={options} selected={low.map(|l| l.to_string()).unwrap_or_default()}
                            error={b.error(&format!("{base}/score")).or_else(|| b.error(&format!("{base}/low")))} onchange={on_low} />
                        if low.is_some() {
                            <Select id={field_id("draft", &format!("{base}/high"))} label="Could it score higher? If so, how high?"
                                options={higher} selected={high.map(|h| h.to_string()).unwrap_or_default()}
                                error={b.error(&format!("{base}/high"))} onchange={on_high} />
                        }
                    </section>
                }
            }) }
            { save_and_return(&ctx, Some(checked.clone()), HERE) }
        </>
    }
}

#[function_component(GatesStep)]
pub fn gates_step() -> Html {
    let ctx = use_ctx();
    let gates = ctx.assessment.protocol.doc().award.gates.clone();
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Pass or fail conditions" }</h1>
            <p class="lede">{ "Failing any of these stops a bid, whatever its score." }</p>
            { for gates.iter().map(|g| {
                let p = format!("/gates/{}", pointer::escape(&g.id));
                let current = pointer::text(&ctx.check.draft, &p);
                let check = ctx.check.clone();
                let p2 = p.clone();
                let onchange = Callback::from(move |v: String| check.dispatch(Change::Set(p2.clone(), Some(Value::String(v)))));
                html! {
                    <Radios id={field_id("draft", &p)} legend={g.title.clone()} hint={Some(AttrValue::from(g.description.clone()))}
                        options={vec![("pass".into(), "We meet this".into(), None), ("fail".into(), "We do not meet this".into(), None), ("unsure".into(), "We are not sure".into(), None)]}
                        selected={current} {onchange} />
                }
            }) }
            { back_to_tasks(&ctx) }
        </>
    }
}

#[function_component(ResultStep)]
pub fn result_step() -> Html {
    let ctx = use_ctx();
    let Some(r) = ctx.assessment.result.clone() else {
        return html! {
            <>
                <h1 id="page-heading" tabindex="-1">{ "Check your result" }</h1>
                <p>{ "Complete the sections on the task list first." }</p>
                if let Some(p) = &ctx.assessment.draft_problems {
                    <ul>{ for p.iter().map(|x| html!{ <li>{ sentence(&x.kind.message()) }</li> }) }</ul>
                }
                { back_to_tasks(&ctx) }
            </>
        };
    };
    let download = {
        let r = r.clone();
        Callback::from(move |_: MouseEvent| {
            crate::download::offer(
                "self-check-result.json",
                "application/json",
                &serde_json::to_string_pretty(&*r).unwrap_or_default(),
            )
        })
    };
    let download_answers = {
        let d = ctx.check.draft.clone();
        Callback::from(move |_: MouseEvent| {
            crate::download::offer(
                "my-self-check-answers.json",
                "application/json",
                &serde_json::to_string_pretty(&d).unwrap_or_default(),
            )
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    // What stops the bid comes before any score, plainly, right after which law applies (the
    // decision every result opens with): a score range means nothing for a bid that would be
    // excluded (issue 16, item 13).
    let stops: Vec<_> = r.flags.iter().filter(|f| f.excludes).cloned().collect();
    let easy = crate::engine::easy_read_pictured(&r);
    let verdict = match r.eligibility.verdict {
        Verdict::Yes => "Yes: you count as a user-led organisation",
        Verdict::No => "No: you do not count as a user-led organisation under these rules",
        Verdict::NotEnoughInformation => "Not enough information to say yet",
    };
    html! {
        <article class="report">
            <h1 id="page-heading" tabindex="-1">{ "Your result" }</h1>
            <p class="lede">{ format!("{} · lot {} · price {} · {}", r.bidder, r.lot, r.price, r.tender.title) }</p>

            if let Some(d) = &r.regime {
                <RegimeSection decision={d.clone()} />
            }

            if !stops.is_empty() {
                <section aria-labelledby="stop-heading" class="stop" id="stop">
                    <h2 id="stop-heading" class="heading-l">{ "Your bid would be excluded" }</h2>
                    <p>{ if stops.len() == 1 { "On your answers, this would stop your bid, whatever it scores:" } else { "On your answers, each of these would stop your bid, whatever it scores:" } }</p>
                    <ul>
                        { for stops.iter().map(|f| html!{ <li><strong>{ &f.message }</strong>{ " " }{ &f.action }</li> }) }
                    </ul>
                </section>
            }

            <section aria-labelledby="easy-heading" class="notice">
                <h2 id="easy-heading" class="heading-m">{ "In easy read" }</h2>
                <ul class="easy-read">{ for easy.iter().map(|(picture, l)| html!{
                    <li class="easy-read__item"><PictureView picture={*picture} /><span>{ l }</span></li>
                }) }</ul>
            </section>

            <h2 class="heading-l">{ "Are you a user-led organisation?" }</h2>
            <p id="verdict"><strong>{ verdict }</strong>{ ". " }{ &r.eligibility.reason }</p>
            <ul class="checks">
                { for r.eligibility.tests.iter().map(|t| html! {
                    <li>
                        <strong>{ match t.outcome { TestOutcome::Met => "Met: ", TestOutcome::NotMet => "Not met: ", TestOutcome::Unknown => "Not enough information: ", TestOutcome::NotApplicable => "Not applicable: " } }</strong>
                        { &t.title }{ ". " }{ sentence(&t.reason) }
                        if let Some(a) = &t.to_add { <br /><strong>{ "What to add: " }</strong>{ sentence(a) }{ " " }{ link(&ctx, Step::Organisation, "Change your answers", None) } }
                    </li>
                }) }
            </ul>

            <h2 class="heading-l">{ "Pass or fail conditions" }</h2>
            <ul class="checks">
                { for r.gates.iter().map(|g| html! {
                    <li><strong>{ match g.outcome { GateStatus::Pass => "You meet this: ", GateStatus::Fail => "You do not meet this: ", GateStatus::Unsure | GateStatus::NotAssessed => "Check this: " } }</strong>{ &g.title }</li>
                }) }
            </ul>

            <h2 class="heading-l">{ if stops.is_empty() { "Your projected score" } else { "What your bid would score if it were not excluded" } }</h2>
            <p class="projected" id="projected"><strong>{ format!("{} to {}", r.projected.low, r.projected.high) }</strong>{ format!(" out of {}", r.projected.available) }</p>
            // What would stop the bid is said at the top; here, what to look at.
            if r.flags.iter().any(|f| !f.excludes) {
                <ul class="flags">
                    { for r.flags.iter().filter(|f| !f.excludes).map(|f| html!{ <li><strong>{ "Look at this: " }</strong>{ &f.message }{ " " }{ &f.action }</li> }) }
                </ul>
            }
            { price_methods(&r) }
            <div class="scroll" role="region" tabindex="0" aria-labelledby="gain-caption">
            <table class="table">
                <caption id="gain-caption">{ "Where you can gain marks (most first)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Question" }</th><th scope="col" class="num">{ "Marks available" }</th>
                    <th scope="col" class="num">{ "You expect" }</th><th scope="col" class="num">{ "Marks you could still gain" }</th>
                    <th scope="col">{ "Minimum score" }</th>
                </tr></thead>
                <tbody>
                    { for r.criteria.iter().map(|c| html! {
                        <tr>
                            <th scope="row">{ &c.title }
                                if let Some(a) = &c.assumption { <span class="hint block">{ a }</span> }
                                if let Some(m) = &c.missing { <span class="hint block">{ sentence(m) }</span> }</th>
                            <td class="num">{ &c.available }</td>
                            <td class="num">{ match (&c.expected_low, &c.expected_high) { (Some(l), Some(h)) if l == h => l.clone(), (Some(l), Some(h)) => format!("{l} to {h}"), _ => "-".into() } }</td>
                            <td class="num">{ c.to_gain.clone().unwrap_or_default() }</td>
                            <td>{ c.threshold.as_ref().map(|t| format!("{}: {}", t.minimum, match t.status { ThresholdStatus::Clear => "clear", ThresholdStatus::AtRisk => "at risk", ThresholdStatus::Fails => "below it" })).unwrap_or_else(|| "none".into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>

            <h2 class="heading-l">{ "Barriers in this tender you can raise with the council" }</h2>
            if r.findings.is_empty() {
                <p>{ "We found no barriers to user-led organisations in how this tender is set up." }</p>
            }
            { for r.findings.iter().enumerate().map(|(i, f)| html! {
                <div>
                    <FindingView finding={f.clone()} />
                    <label class="label" for={format!("question-{i}")}>{ "A clarification question you can send" }</label>
                    <textarea class="input" id={format!("question-{i}")} readonly=true rows="2" value={f.question.clone()} />
                </div>
            }) }

            <div class="button-group no-print">
                <button type="button" class="button" onclick={print}>{ "Print this result" }</button>
                <button type="button" class="button button--secondary" id="download-result" onclick={download}>{ "Download the result (JSON)" }</button>
                <button type="button" class="button button--secondary" onclick={download_answers}>{ "Download your answers (JSON)" }</button>
            </div>
            <p class="hint">{ format!("Checked under {} {} (effective {}). Input hash {}.", r.protocol.title, r.protocol.version, r.protocol.effective_date, r.input_hash) }</p>
            { back_to_tasks(&ctx) }
        </article>
    }
}

/// The draft's basket of rates, as the core worked it out, and its price marks under each
/// formula the lot could publish (issue 15): what a different published method would give.
fn price_methods(r: &crate::engine::SelfCheckResult) -> Html {
    let f = engine::self_check_figures(r);
    let range = |low: &Option<String>, high: &Option<String>, shown: &dyn Fn(&str) -> String| match (
        low, high,
    ) {
        (Some(l), Some(h)) if l == h => shown(l),
        (Some(l), Some(h)) => format!("{} to {}", shown(l), shown(h)),
        (Some(x), None) | (None, Some(x)) => shown(x),
        (None, None) => "not yet known".to_string(),
    };
    html! {
        <>
            if let Some(m) = &r.model {
                <section class="model-projection" id="model-projection" aria-labelledby="model-projection-heading">
                    <h3 class="heading-m" id="model-projection-heading">{ format!("How this lot is evaluated: {}", crate::views::lot_model::model_words(m.model.word()).0.to_lowercase()) }</h3>
                    <p>{ sentence(&m.note) }</p>
                    <dl class="figures">
                        if m.quality_low.is_some() || m.quality_high.is_some() {
                            <dt>{ "Your quality marks (out of 100)" }</dt>
                            <dd>{ range(&m.quality_low, &m.quality_high, &|x| x.to_string()) }</dd>
                        }
                        if m.cost_per_quality_point_low.is_some() || m.cost_per_quality_point_high.is_some() {
                            <dt>{ "Your cost per quality point" }</dt>
                            <dd>{ range(&m.cost_per_quality_point_low, &m.cost_per_quality_point_high, &|x| engine::pounds(x)) }</dd>
                        }
                        if let Some(t) = &m.threshold {
                            <dt>{ "Quality needed" }</dt>
                            <dd>{ format!("{t}% of the quality marks") }
                                if let Some(o) = m.threshold_outcome { { format!(": {}", match o { ThresholdOutcome::Passes => "you clear it", ThresholdOutcome::AtRisk => "at risk (your low end is below it)", ThresholdOutcome::Fails => "below it" }) } }</dd>
                        }
                        if let Some(p) = &m.fixed_price {
                            <dt>{ "The fixed price" }</dt>
                            <dd>{ engine::pounds(p) }
                                if let Some(at) = m.at_fixed_price { { if at { ": your price is the fixed price" } else { ": your price is not the fixed price, so the bid would be excluded" } } }</dd>
                        }
                    </dl>
                </section>
            }
            if let Some(t) = &f.basket {
                <div class="basket" id="self-check-basket">
                    <p><strong>{ format!("Your basket price: {}", engine::pounds(&t.result)) }</strong>{ " (each rate times the council's volume, added up)" }</p>
                    <ul class="basket__rates">
                        { for t.inputs.iter().map(|i| html! { <li>{ &i.label }{ ": " }<strong>{ &i.value }</strong></li> }) }
                    </ul>
                </div>
            }
            if !f.price_under.is_empty() {
                <div class="scroll" role="region" tabindex="0" aria-labelledby="price-under-caption">
                <table class="table" id="price-under">
                    <caption id="price-under-caption">{ "Your price marks under each way this lot could score price" }</caption>
                    <thead><tr><th scope="col">{ "How price is scored" }</th><th scope="col" class="num">{ "Your price marks" }</th><th scope="col">{ "Assumes" }</th></tr></thead>
                    <tbody>
                        { for f.price_under.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{ crate::views::lot_model::formula_words(&p.formula) }
                                    if p.published { <strong>{ " (the one this lot publishes)" }</strong> }</th>
                                <td class="num">{ if p.low == p.high { p.low.clone() } else { format!("{} to {}", p.low, p.high) } }</td>
                                <td>{ p.assumption.clone().unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </>
    }
}

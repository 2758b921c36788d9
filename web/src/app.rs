//! The commissioner app: its screens, its work (the tender open in this tab, and what the core
//! says about it), the list of tenders it is one of, autosave, undo, and announcing changed
//! totals. Navigation, the live region and the frame are the shell's (`shell/`).
//!
//! The root, [`App`], knows which tender this tab has open; everything about that tender (its
//! workspace, its undo history, its saving and its lock) lives in a [`TenderDesk`] keyed by the
//! tender's storage key, so that opening another tender starts all of it afresh and lets go of
//! the lock on the one left.

use crate::engine::Model;
use crate::shell::{self, follow, use_shell, Frame, Page};
use crate::state::{self, Action, History, Workspace};
use crate::storage::{self, tenders};
use crate::views;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The screens.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    /// The list of tenders: the start page.
    #[default]
    Tenders,
    Results,
    Tender,
    Bids,
    Scoring,
    Moderation,
    Protocol,
    WhatIf,
    Export,
    Report,
}

impl Page for View {
    const ALL: &'static [View] = &[
        View::Tenders,
        View::Results,
        View::Tender,
        View::Bids,
        View::Scoring,
        View::Moderation,
        View::Protocol,
        View::WhatIf,
        View::Export,
        View::Report,
    ];

    fn slug(self) -> &'static str {
        match self {
            View::Tenders => "tenders",
            View::Results => "results",
            View::Tender => "tender",
            View::Bids => "bids",
            View::Scoring => "scoring",
            View::Moderation => "moderation",
            View::Protocol => "protocol",
            View::WhatIf => "what-if",
            View::Export => "export",
            View::Report => "report",
        }
    }
}

impl View {
    /// The name in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            View::Tenders => "Your tenders",
            View::Results => "Results",
            View::Tender => "Tender",
            View::Bids => "Bids",
            View::Scoring => "Scoring",
            View::Moderation => "Moderation",
            View::Protocol => "Protocol",
            View::WhatIf => "What if",
            View::Export => "Save and export",
            View::Report => "Report",
        }
    }
}

/// The commissioner's work, which every screen reads from its context (`ctx.ws`, `ctx.model`).
#[derive(Clone)]
pub struct Work {
    /// The workspace and its changes.
    pub ws: UseReducerHandle<Workspace>,
    /// What the core says about it.
    pub model: Rc<Model>,
    /// The tender open in this tab, and the way to open another.
    pub desk: Desk,
}

/// The model is worked out afresh (a new `Rc`) exactly when the workspace changes.
impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        self.ws == other.ws && Rc::ptr_eq(&self.model, &other.model) && self.desk == other.desk
    }
}

/// The tender open in this tab: its key, the way to open another, and its undo history.
#[derive(Clone)]
pub struct Desk {
    /// The storage key of the open tender (`None`: no tender is open, the list is empty).
    pub key: Option<Rc<str>>,
    /// Opens another tender (or none) in this tab.
    pub open: Callback<Opening>,
    /// The workspace with every change made so far, ahead of the reducer until it renders:
    /// two changes dispatched before a render each start from the one before.
    latest: Rc<RefCell<Workspace>>,
    /// The changes that can be undone.
    history: Rc<RefCell<History>>,
    /// When the open tender was last saved (so that the list of tenders shows it).
    pub saved_at: Option<String>,
}

impl PartialEq for Desk {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.saved_at == other.saved_at
    }
}

/// A tender to open in this tab.
#[derive(Clone, PartialEq, Debug)]
pub struct Opening {
    /// Its key (`None`: none; the list is shown).
    pub key: Option<String>,
    /// What to say once it is open.
    pub message: Option<String>,
    /// The screen to open it on.
    pub page: View,
}

/// What every screen can reach: the work, `announce` and `go`.
pub type Ctx = shell::Ctx<Work, View>;

/// The commissioner entry: which tender this tab has open, and that tender's desk.
#[function_component(App)]
pub fn app() -> Html {
    let opening = use_state(|| {
        let s = tenders::start();
        (
            Opening {
                key: s.key,
                message: s.message,
                page: View::default(),
            },
            false,
        )
    });
    let open = {
        let opening = opening.clone();
        Callback::from(move |next: Opening| {
            tenders::remember(next.key.as_deref());
            shell::to_address(next.page);
            opening.set((next, true));
        })
    };
    let (o, arrived) = &*opening;
    html! {
        <TenderDesk key={o.key.clone().unwrap_or_default()} tender={o.key.as_deref().map(Rc::from)}
            message={o.message.clone()} arrived={*arrived} {open} />
    }
}

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    /// The key of the tender to open (`None`: none).
    pub tender: Option<Rc<str>>,
    /// What to say first.
    pub message: Option<String>,
    /// Whether the user opened it from within the app (focus then moves to the page heading).
    pub arrived: bool,
    /// Opens another tender in this tab.
    pub open: Callback<Opening>,
}

/// One tender's screens, its saving and its undo.
#[function_component(TenderDesk)]
pub fn tender_desk(p: &DeskProps) -> Html {
    let tender = p.tender.clone();
    let start = {
        let tender = tender.clone();
        use_memo((), move |_| match &tender {
            Some(k) => storage::open_at::<Workspace>(k),
            None => storage::Opened {
                value: Workspace::example(),
                message: None,
                unusable: None,
                found: false,
                saved_at: None,
            },
        })
    };
    let ws = {
        let start = start.clone();
        use_reducer_eq(move || start.value.clone())
    };
    let latest = {
        let start = start.clone();
        use_mut_ref(move || start.value.clone())
    };
    let history = use_mut_ref(History::default);
    let first = [p.message.clone(), start.message.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let shell = use_shell::<View>((!first.is_empty()).then_some(first));
    let page = if tender.is_none() {
        View::Tenders
    } else {
        shell.page
    };
    {
        let arrived = p.arrived;
        use_effect_with((), move |_| {
            if arrived {
                shell::focus_heading();
            }
        });
    }
    let model = {
        let w = (*ws).clone();
        use_memo(w, Model::of)
    };
    use_announce_changed_totals(&model, &shell.message);
    let mut desk = Desk {
        key: tender.clone(),
        open: p.open.clone(),
        latest,
        history,
        saved_at: None,
    };

    // Ctrl+Z (or Cmd+Z) outside a text field undoes the last change; in a text field it is the
    // field's own undo.
    {
        let ws = ws.clone();
        let desk = desk.clone();
        let announce = shell.announce.clone();
        use_effect_with((), move |_| {
            // Not passive: the browser's own undo (which would move focus to the last text
            // field edited and undo its typing) is prevented.
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if (e.ctrl_key() || e.meta_key())
                        && !e.shift_key()
                        && !e.alt_key()
                        && e.key().eq_ignore_ascii_case("z")
                        && !typing(e.target())
                    {
                        e.prevent_default();
                        undo(&ws, &desk, &announce);
                    }
                },
            );
            move || drop(listener)
        });
    }

    // Autosave after every change, by this tab only while it is the one that saves.
    let saving = {
        let restore = {
            let ws = ws.clone();
            let desk = desk.clone();
            Callback::from(move |w: Workspace| {
                // Other work replaces this (the latest save, taken over): its undo does not apply.
                desk.history.borrow_mut().clear();
                *desk.latest.borrow_mut() = w.clone();
                ws.dispatch(Action::Reset(w))
            })
        };
        storage::use_saving_at(
            tender.clone(),
            start,
            (*ws).clone(),
            restore,
            shell.announce.clone(),
        )
    };
    desk.saved_at = saving.saved_at.clone();

    let body = match page {
        View::Tenders => html! { <views::tenders::TendersView /> },
        View::Results => html! { <views::results::Results /> },
        View::Tender => html! { <views::tender::TenderView /> },
        View::Bids => html! { <views::bids::BidsView /> },
        View::Scoring => html! { <views::scoring::Scoring /> },
        View::Moderation => html! { <views::scoring::ModerationView /> },
        View::Protocol => html! { <views::protocol::ProtocolView /> },
        View::WhatIf => html! { <views::what_if::WhatIf /> },
        View::Export => html! { <views::export::Export /> },
        View::Report => html! { <views::report::Report /> },
    };

    let nav = View::ALL
        .iter()
        .filter(|&&v| tender.is_some() || v == View::Tenders)
        .map(|&v| {
            let current = page == v;
            html! {
                <li class={classes!("nav__item", current.then_some("nav__item--current"))}>
                    <a class="nav__link" id={format!("nav-{}", v.slug())} href={v.href()}
                        aria-current={current.then_some("page")} onclick={follow(&shell.go, v)}>{ v.title() }</a>
                </li>
            }
        });

    let title = match &model.summary {
        Some(r) => r.tender.title.clone(),
        None => tenders::title_of(&ws.tender),
    };

    let undo_button = {
        let next = desk.history.borrow().next().map(String::from);
        let onclick = {
            let ws = ws.clone();
            let desk = desk.clone();
            let announce = shell.announce.clone();
            Callback::from(move |_: MouseEvent| {
                undo(&ws, &desk, &announce);
                // The button goes with the last change undone: focus goes to the page heading
                // rather than falling to the page's body.
                if desk.history.borrow().next().is_none() {
                    shell::focus_heading();
                }
            })
        };
        match next {
            Some(what) => html! {
                <button type="button" class="button button--secondary button--small" id="undo" {onclick}
                    aria-keyshortcuts="Control+Z">{ format!("Undo: {what}") }</button>
            },
            None => html! {},
        }
    };
    let working_on = match &tender {
        None => html! {
            <div class="working-on"><p class="working-on__title">{ "No tender is open: start one, or import one, below." }</p></div>
        },
        Some(_) => html! {
            <div class="working-on">
                <p class="working-on__title"><span class="working-on__label">{ "Working on: " }</span>{ title }</p>
                // Polite, and only when the minute shown changes: not on every change.
                <p class="working-on__saved" role="status" id="saved-at">{ saving.saved_at.as_deref().map(saved_words).unwrap_or_default() }</p>
                { undo_button }
            </div>
        },
    };

    let header = html! {
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-name">{ "ulo" }<span class="site-mode">{ " · commissioner" }</span></p>
                <p class="site-strap">{ "Commissioning that user-led organisations can win. Your work stays on this computer: nothing is sent anywhere. " }
                    <a class="site-switch" href="bidder.html">{ "Bidding? Check your response" }</a></p>
            </div>
            <nav class="nav" aria-label="Screens">
                <ul class="nav__list">{ for nav }</ul>
            </nav>
            { working_on }
        </header>
    };
    let footer = html! {
        <footer class="site-footer">
            <p>{ "ulo runs entirely in your browser. Bids never leave this computer. " }
               <a href={View::Report.href()} onclick={follow(&shell.go, View::Report)}>{ "Printable report" }</a></p>
        </footer>
    };
    shell.render(
        Work { ws, model, desk },
        Frame {
            header,
            main: html! { <>{ saving.notices }{ body }</> },
            footer,
        },
    )
}

/// Whether a key press is going to a text field (whose own undo Ctrl+Z is).
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(e) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    match e.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            e.get_attribute("type").as_deref(),
            Some("radio" | "checkbox" | "button" | "submit" | "reset" | "file" | "range" | "color")
        ),
        _ => e.is_content_editable(),
    }
}

/// "Saved at 14:32" (local time), or "Saved on 2 December 2026 at 14:32" on another day.
fn saved_words(iso: &str) -> String {
    let at = js_sys::Date::new(&iso.into());
    if at.get_time().is_nan() {
        return String::new();
    }
    let today = js_sys::Date::new_0();
    let time = format!("{:02}:{:02}", at.get_hours(), at.get_minutes());
    if at.to_date_string() == today.to_date_string() {
        format!("Saved at {time}")
    } else {
        format!("Saved on {} at {time}", day_words(&at))
    }
}

/// "2 December 2026", in local time.
pub fn day_words(d: &js_sys::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        d.get_date(),
        MONTHS.get(d.get_month() as usize).unwrap_or(&""),
        d.get_full_year()
    )
}

/// Undoes the newest change, and says what was undone.
fn undo(ws: &UseReducerHandle<Workspace>, desk: &Desk, announce: &Callback<String>) {
    let step = desk.history.borrow_mut().undo();
    match step {
        Some((before, said)) => {
            *desk.latest.borrow_mut() = before.clone();
            ws.dispatch(Action::Reset(before));
            announce.emit(format!("Undone: {said}."));
        }
        None => announce.emit("There is nothing to undo.".into()),
    }
}

/// When totals change, says so after what the live region already says: which bid, its new
/// total and rank, and what they were. A change to one bid is worth announcing; a new
/// workspace (more than three bids changed) is not. Likewise when the law that applies changes
/// (a fact given or a regime stated on the tender screen), since the decision is shown away
/// from the field that changed it; the first decision, on opening the app, is not announced.
#[hook]
fn use_announce_changed_totals(model: &Rc<Model>, message: &UseStateHandle<String>) {
    let last_totals = use_mut_ref(BTreeMap::<String, (Option<String>, Option<u32>)>::new);
    let last_regime = use_mut_ref(|| None::<String>);
    let message = message.clone();
    let m = model.clone();
    // The model is worked out afresh (a new Rc) exactly when the workspace changes.
    use_effect_with(Rc::as_ptr(model) as usize, move |_| {
        let mut said = Vec::new();
        if let Some(d) = &m.regime {
            let now = views::regime::title_line(d);
            if last_regime.borrow().as_ref().is_some_and(|b| *b != now) {
                said.push(format!("Which law applies: {now}."));
            }
            *last_regime.borrow_mut() = Some(now);
        }
        // The lean summary has every bid's total, rank and status as the full result has them.
        if let Some(r) = &m.summary {
            let now: BTreeMap<String, (Option<String>, Option<u32>)> = r
                .bids
                .iter()
                .map(|b| (b.bid.clone(), (b.total.clone(), b.rank)))
                .collect();
            let regime_said = said.len();
            {
                let before = last_totals.borrow();
                if !before.is_empty() {
                    for b in &r.bids {
                        if let Some((t, rank)) = before.get(&b.bid) {
                            if *t != b.total || *rank != b.rank {
                                said.push(format!(
                                    "{}: total {} (was {}), {}.",
                                    b.bidder,
                                    b.total.clone().unwrap_or_else(|| "not yet scored".into()),
                                    t.clone().unwrap_or_else(|| "not scored".into()),
                                    match b.rank {
                                        Some(r) if Some(r) == *rank =>
                                            format!("still rank {r} in lot {}", b.lot),
                                        Some(r) => format!("now rank {r} in lot {}", b.lot),
                                        None => format!("not ranked ({})", b.status.word()),
                                    }
                                ));
                            }
                        }
                    }
                }
            }
            if said.len() - regime_said > 3 {
                said.truncate(regime_said);
            }
            *last_totals.borrow_mut() = now;
        }
        if !said.is_empty() {
            message.set(
                format!("{} {}", *message, said.join(" "))
                    .trim()
                    .to_string(),
            );
        }
        || ()
    });
}

/// The context every screen uses.
#[hook]
pub fn use_ctx() -> Ctx {
    shell::use_ctx()
}

/// Makes a change to the open tender, remembered so that it can be undone. Every change a
/// screen makes comes through here; one that changes nothing is not remembered.
pub fn dispatch(ctx: &Ctx, action: Action) {
    let desk = &ctx.desk;
    let before = desk.latest.borrow().clone();
    let said = state::describe(&action, &before);
    let next = yew::Reducible::reduce(Rc::new(before.clone()), action);
    if *next == before {
        return;
    }
    desk.history.borrow_mut().record(before, said);
    *desk.latest.borrow_mut() = (*next).clone();
    ctx.ws.dispatch(Action::Reset((*next).clone()));
}

//! The app shell: the workspace, navigation between screens, autosave, and announcements.

use crate::engine::Model;
use crate::state::{Action, Workspace};
use crate::storage;
use crate::views;
use std::rc::Rc;
use yew::prelude::*;

/// The screens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
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

impl View {
    pub const ALL: [View; 9] = [
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

    /// The name in the address (`#/tender`).
    pub fn slug(self) -> &'static str {
        match self {
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

    /// The name in the navigation.
    pub fn title(self) -> &'static str {
        match self {
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

    fn from_hash(hash: &str) -> Option<View> {
        let slug = hash.strip_prefix("#/")?;
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// What every screen can reach.
#[derive(Clone)]
pub struct Ctx {
    /// The workspace and its changes.
    pub ws: UseReducerHandle<Workspace>,
    /// What the core says about it.
    pub model: Rc<Model>,
    /// Says something to screen-reader users (and shows it).
    pub announce: Callback<String>,
    /// Moves to another screen.
    pub go: Callback<View>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.ws == other.ws && Rc::ptr_eq(&self.model, &other.model)
    }
}

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

fn initial() -> (Workspace, Option<String>) {
    match storage::load() {
        storage::Loaded::Nothing => (Workspace::example(), None),
        storage::Loaded::Restored(ws, false) => (ws, Some("Your saved work has been restored.".into())),
        storage::Loaded::Restored(ws, true) => (
            ws,
            Some("Your saved work has been restored and updated to this version of ulo.".into()),
        ),
        storage::Loaded::Unreadable(why) => (
            Workspace::example(),
            Some(format!(
                "Your saved work could not be read ({why}). It has been kept in this browser under \"{}\", and the worked example is shown instead.",
                storage::UNREADABLE_KEY
            )),
        ),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let start = use_memo((), |_| initial());
    let ws = {
        let start = start.clone();
        use_reducer_eq(move || start.0.clone())
    };
    let message = use_state(|| start.1.clone().unwrap_or_default());
    let view = use_state(|| View::from_hash(&current_hash()).unwrap_or(View::Results));
    let model = {
        let w = (*ws).clone();
        use_memo(w, Model::of)
    };

    // When totals change, say so: which bid, its new total and rank, and what they were.
    let last_totals =
        use_mut_ref(std::collections::BTreeMap::<String, (Option<String>, Option<u32>)>::new);
    {
        let message = message.clone();
        let last_totals = last_totals.clone();
        let m = model.clone();
        // The model is worked out afresh (a new Rc) exactly when the workspace changes.
        use_effect_with(Rc::as_ptr(&model) as usize, move |_| {
            if let Some(r) = &m.result {
                let now: std::collections::BTreeMap<String, (Option<String>, Option<u32>)> = r
                    .bids
                    .iter()
                    .map(|b| (b.bid.clone(), (b.total.clone(), b.rank)))
                    .collect();
                let mut said = Vec::new();
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
                // A change to one bid is worth announcing; a new workspace is not.
                if !said.is_empty() && said.len() <= 3 {
                    message.set(
                        format!("{} {}", *message, said.join(" "))
                            .trim()
                            .to_string(),
                    );
                }
                *last_totals.borrow_mut() = now;
            }
            || ()
        });
    }

    // Autosave after every change.
    {
        let message = message.clone();
        use_effect_with((*ws).clone(), move |w| {
            if let Err(why) = storage::save(w) {
                message.set(why);
            }
            || ()
        });
    }

    // Follow the address when the user goes back or forward.
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(v) = View::from_hash(&current_hash()) {
                        view.set(v);
                    }
                });
            move || drop(listener)
        });
    }

    let announce = {
        let message = message.clone();
        Callback::from(move |m: String| message.set(m))
    };
    let go = {
        let view = view.clone();
        Callback::from(move |v: View| {
            let _ = gloo::utils::window()
                .location()
                .set_hash(&format!("/{}", v.slug()));
            view.set(v);
        })
    };

    // Move focus to the new screen's heading, so screen-reader users hear where they are. Not
    // on first load: then focus stays at the top of the page, where the skip link is.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(*view, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(h) = gloo::utils::document().get_element_by_id("page-heading") {
                if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                    let _ = h.focus();
                }
            }
        });
    }

    let ctx = Ctx {
        ws: ws.clone(),
        model: model.clone(),
        announce,
        go: go.clone(),
    };

    let body = match *view {
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

    let nav = View::ALL.iter().map(|v| {
        let v = *v;
        let go = go.clone();
        let current = *view == v;
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            go.emit(v);
        });
        html! {
            <li class={classes!("nav__item", current.then_some("nav__item--current"))}>
                <a class="nav__link" id={format!("nav-{}", v.slug())} href={format!("#/{}", v.slug())}
                    aria-current={current.then_some("page")} {onclick}>{ v.title() }</a>
            </li>
        }
    });

    let title = match &model.result {
        Some(r) => r.tender.title.clone(),
        None => ws
            .tender
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or("Untitled tender")
            .to_string(),
    };

    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                if let Some(m) = gloo::utils::document().get_element_by_id("main") {
                    e.prevent_default();
                    if let Ok(m) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m) {
                        let _ = m.focus();
                    }
                }
            })}>{ "Skip to main content" }</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-name">{ "ulo" }<span class="site-mode">{ " · commissioner" }</span></p>
                    <p class="site-strap">{ "Commissioning that user-led organisations can win. Your work stays on this computer: nothing is sent anywhere. " }
                        <a class="site-switch" href="bidder.html">{ "Bidding? Check your response" }</a></p>
                </div>
                <nav class="nav" aria-label="Screens">
                    <ul class="nav__list">{ for nav }</ul>
                </nav>
                <p class="working-on"><span class="working-on__label">{ "Working on: " }</span>{ title }</p>
            </header>
            <div role="status" aria-live="polite" aria-atomic="true" class="announce" id="announce">{ (*message).clone() }</div>
            <main id="main" tabindex="-1">
                { body }
            </main>
            <footer class="site-footer">
                <p>{ "ulo runs entirely in your browser. Bids never leave this computer. " }
                   <a href="#/report" onclick={ let go = go.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); go.emit(View::Report) }) }>{ "Printable report" }</a></p>
            </footer>
        </ContextProvider<Ctx>>
    }
}

/// The context every screen uses.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("screens are rendered inside the app")
}

/// A shorthand for dispatching a change.
pub fn dispatch(ctx: &Ctx, action: Action) {
    ctx.ws.dispatch(action);
}

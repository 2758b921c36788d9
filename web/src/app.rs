//! The commissioner app: its screens, its work (the workspace and what the core says about it),
//! autosave, and announcing changed totals. Navigation, the live region and the frame are the
//! shell's (`shell/`).

use crate::engine::Model;
use crate::shell::{self, follow, use_shell, Frame, Page};
use crate::state::{Action, Workspace};
use crate::storage;
use crate::views;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The screens.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
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
}

/// The model is worked out afresh (a new `Rc`) exactly when the workspace changes.
impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        self.ws == other.ws && Rc::ptr_eq(&self.model, &other.model)
    }
}

/// What every screen can reach: the work, `announce` and `go`.
pub type Ctx = shell::Ctx<Work, View>;

#[function_component(App)]
pub fn app() -> Html {
    let start = use_memo((), |_| storage::open::<Workspace>());
    let ws = {
        let start = start.clone();
        use_reducer_eq(move || start.value.clone())
    };
    let shell = use_shell::<View>(start.message.clone());
    let model = {
        let w = (*ws).clone();
        use_memo(w, Model::of)
    };
    use_announce_changed_totals(&model, &shell.message);

    // Autosave after every change, by this tab only while it is the one that saves.
    let notices = {
        let restore = {
            let ws = ws.clone();
            Callback::from(move |w: Workspace| ws.dispatch(Action::Reset(w)))
        };
        storage::use_saving(start, (*ws).clone(), restore, shell.announce.clone())
    };

    let body = match shell.page {
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

    let nav = View::ALL.iter().map(|&v| {
        let current = shell.page == v;
        html! {
            <li class={classes!("nav__item", current.then_some("nav__item--current"))}>
                <a class="nav__link" id={format!("nav-{}", v.slug())} href={v.href()}
                    aria-current={current.then_some("page")} onclick={follow(&shell.go, v)}>{ v.title() }</a>
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
            <p class="working-on"><span class="working-on__label">{ "Working on: " }</span>{ title }</p>
        </header>
    };
    let footer = html! {
        <footer class="site-footer">
            <p>{ "ulo runs entirely in your browser. Bids never leave this computer. " }
               <a href={View::Report.href()} onclick={follow(&shell.go, View::Report)}>{ "Printable report" }</a></p>
        </footer>
    };
    shell.render(
        Work { ws, model },
        Frame {
            header,
            main: html! { <>{ notices }{ body }</> },
            footer,
        },
    )
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
        if let Some(r) = &m.result {
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

/// A shorthand for dispatching a change.
pub fn dispatch(ctx: &Ctx, action: Action) {
    ctx.ws.dispatch(action);
}

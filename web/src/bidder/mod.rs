//! Bidder self-check: a user-led organisation checks its draft response, privately, before it
//! submits. A task list (the GOV.UK pattern) leads through the tender, the organisation, the lot
//! and price, the expected scores and the pass/fail conditions, to the result: eligibility, gates,
//! the projected score range, where marks can be gained, the tender's barriers with questions to
//! send, and an easy read summary. Nothing leaves the browser.

mod pictures;
mod state;
mod steps;

use crate::engine::Assessment;
use crate::shell::{self, use_shell, Frame, Page};
use state::SelfCheck;
use std::rc::Rc;
use yew::prelude::*;

/// The pages.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Step {
    #[default]
    Tasks,
    Tender,
    Organisation,
    Price,
    Scores,
    Gates,
    Result,
}

impl Page for Step {
    const ALL: &'static [Step] = &[
        Step::Tasks,
        Step::Tender,
        Step::Organisation,
        Step::Price,
        Step::Scores,
        Step::Gates,
        Step::Result,
    ];

    fn slug(self) -> &'static str {
        match self {
            Step::Tasks => "tasks",
            Step::Tender => "tender",
            Step::Organisation => "organisation",
            Step::Price => "price",
            Step::Scores => "scores",
            Step::Gates => "gates",
            Step::Result => "result",
        }
    }
}

/// The bidder's work, which every page reads from its context (`ctx.check`, `ctx.assessment`).
#[derive(Clone)]
pub struct Work {
    /// The self-check and its changes.
    pub check: UseReducerHandle<SelfCheck>,
    /// What the core says about it.
    pub assessment: Rc<Assessment>,
}

/// The assessment is worked out afresh (a new `Rc`) exactly when the self-check changes.
impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        self.check == other.check && Rc::ptr_eq(&self.assessment, &other.assessment)
    }
}

/// What every page can reach: the work, `announce` and `go`.
pub type Ctx = shell::Ctx<Work, Step>;

/// The context every page uses.
#[hook]
pub fn use_ctx() -> Ctx {
    shell::use_ctx()
}

#[function_component(BidderApp)]
pub fn bidder_app() -> Html {
    let start = use_memo((), |_| crate::storage::open::<SelfCheck>());
    let check = {
        let start = start.clone();
        use_reducer_eq(move || start.value.clone())
    };
    let shell = use_shell::<Step>(start.message.clone());
    let assessment = {
        let c = (*check).clone();
        use_memo(c, |c| Assessment::of(c.tender.as_ref(), &c.draft))
    };
    // Autosave after every change, by this tab only while it is the one that saves.
    let notices = {
        let restore = {
            let check = check.clone();
            Callback::from(move |c: SelfCheck| check.dispatch(state::Change::Restore(c)))
        };
        crate::storage::use_saving(start, (*check).clone(), restore, shell.announce.clone())
    };
    let page = match shell.page {
        Step::Tasks => html! { <steps::TaskList /> },
        Step::Tender => html! { <steps::TenderStep /> },
        Step::Organisation => html! { <steps::OrganisationStep /> },
        Step::Price => html! { <steps::PriceStep /> },
        Step::Scores => html! { <steps::ScoresStep /> },
        Step::Gates => html! { <steps::GatesStep /> },
        Step::Result => html! { <steps::ResultStep /> },
    };
    shell.render(
        Work { check, assessment },
        Frame {
            header: html! {
                <header class="site-header">
                    <div class="site-header__inner">
                        <p class="site-name">{ "ulo" }<span class="site-mode">{ " · check your bid" }</span></p>
                        <p class="site-strap">{ "For user-led organisations: check a tender response before you submit it. Your answers stay on this computer." }</p>
                    </div>
                </header>
            },
            main: html! { <>{ notices }{ page }</> },
            footer: html! {
                <footer class="site-footer">
                    <p>{ "Nothing you enter is sent anywhere. " }<a href="index.html">{ "Commissioners: score a tender" }</a></p>
                </footer>
            },
        },
    )
}

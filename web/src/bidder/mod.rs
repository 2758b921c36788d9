//! Bidder self-check: a user-led organisation checks its draft response, privately, before it
//! submits. A task list (the GOV.UK pattern) leads through the tender, the organisation, the lot
//! and price, the expected scores and the pass/fail conditions, to the result: eligibility, gates,
//! the projected score range, where marks can be gained, the tender's barriers with questions to
//! send, and an easy read summary. Nothing leaves the browser.

mod state;
mod steps;

use state::{Assessment, SelfCheck};
use std::rc::Rc;
use yew::prelude::*;

/// The pages.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    Tasks,
    Tender,
    Organisation,
    Price,
    Scores,
    Gates,
    Result,
}

impl Step {
    const ALL: [Step; 7] = [
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

    fn from_hash(h: &str) -> Option<Step> {
        let slug = h.strip_prefix("#/")?;
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// What every page can reach.
#[derive(Clone)]
pub struct Ctx {
    pub check: UseReducerHandle<SelfCheck>,
    pub assessment: Rc<Assessment>,
    pub announce: Callback<String>,
    pub go: Callback<Step>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.check == other.check && Rc::ptr_eq(&self.assessment, &other.assessment)
    }
}

#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("pages are rendered inside the self-check app")
}

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

#[function_component(BidderApp)]
pub fn bidder_app() -> Html {
    let start = use_memo((), |_| state::load());
    let check = {
        let start = start.clone();
        use_reducer_eq(move || start.0.clone())
    };
    let message = use_state(|| start.1.clone().unwrap_or_default());
    let step = use_state(|| Step::from_hash(&hash()).unwrap_or(Step::Tasks));
    let assessment = {
        let c = (*check).clone();
        use_memo(c, Assessment::of)
    };
    {
        let message = message.clone();
        use_effect_with((*check).clone(), move |c| {
            if let Err(why) = state::save(c) {
                message.set(why);
            }
        });
    }
    {
        let step = step.clone();
        use_effect_with((), move |_| {
            let l =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(s) = Step::from_hash(&hash()) {
                        step.set(s);
                    }
                });
            move || drop(l)
        });
    }
    {
        let first = use_mut_ref(|| true);
        use_effect_with(*step, move |_| {
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
    let go = {
        let step = step.clone();
        Callback::from(move |s: Step| {
            let _ = gloo::utils::window()
                .location()
                .set_hash(&format!("/{}", s.slug()));
            step.set(s);
        })
    };
    let ctx = Ctx {
        check: check.clone(),
        assessment: assessment.clone(),
        announce: {
            let m = message.clone();
            Callback::from(move |s: String| m.set(s))
        },
        go,
    };
    let page = match *step {
        Step::Tasks => html! { <steps::TaskList /> },
        Step::Tender => html! { <steps::TenderStep /> },
        Step::Organisation => html! { <steps::OrganisationStep /> },
        Step::Price => html! { <steps::PriceStep /> },
        Step::Scores => html! { <steps::ScoresStep /> },
        Step::Gates => html! { <steps::GatesStep /> },
        Step::Result => html! { <steps::ResultStep /> },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                if let Some(m) = gloo::utils::document().get_element_by_id("main") {
                    e.prevent_default();
                    if let Ok(m) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m) { let _ = m.focus(); }
                }
            })}>{ "Skip to main content" }</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-name">{ "ulo" }<span class="site-mode">{ " · check your bid" }</span></p>
                    <p class="site-strap">{ "For user-led organisations: check a tender response before you submit it. Your answers stay on this computer." }</p>
                </div>
            </header>
            <div role="status" aria-live="polite" aria-atomic="true" class="announce" id="announce">{ (*message).clone() }</div>
            <main id="main" tabindex="-1">{ page }</main>
            <footer class="site-footer">
                <p>{ "Nothing you enter is sent anywhere. " }<a href="index.html">{ "Commissioners: score a tender" }</a></p>
            </footer>
        </ContextProvider<Ctx>>
    }
}

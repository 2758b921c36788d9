//! What every entry of the app shares: pages addressed by the location hash, a live region
//! that tells screen-reader users what changed, focus moved to each new page's heading, and
//! the frame around every page. An entry brings its pages (a [`Page`] enum), its header and
//! footer, and its own state; the commissioner app, the bidder's self-check and any later
//! entry get the same navigation and the same announcements from this one place.

mod frame;
mod page;

pub use frame::Frame;
pub use page::{follow, to_address, Page};

/// Moves focus to the page's heading (`#page-heading`), as a new page does: for a page drawn
/// afresh by the entry itself (another tender opened), which the shell does not see as a move.
pub fn focus_heading() {
    frame::focus("page-heading");
}

use std::ops::Deref;
use yew::prelude::*;

/// What every page of an entry can reach: the entry's own state `S` (read through `Deref`, so
/// a page writes `ctx.ws` rather than `ctx.state.ws`) and the shell's two callbacks.
#[derive(Clone)]
pub struct Ctx<S, P> {
    state: S,
    /// Says something to screen-reader users (and shows it).
    pub announce: Callback<String>,
    /// Moves to another page.
    pub go: Callback<P>,
}

/// The callbacks are made afresh on every render and change nothing a page shows, so only the
/// entry's state decides whether its pages are drawn again.
impl<S: PartialEq, P> PartialEq for Ctx<S, P> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl<S, P> Deref for Ctx<S, P> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.state
    }
}

/// The context of a page of an entry whose state is `S` and whose pages are `P`.
#[hook]
pub fn use_ctx<S: Clone + PartialEq + 'static, P: Page>() -> Ctx<S, P> {
    use_context::<Ctx<S, P>>().expect("pages are rendered inside their entry's shell")
}

/// The shell as an entry's root component holds it.
pub struct Shell<P> {
    /// The page shown.
    pub page: P,
    /// What the live region says now; an entry may add to it rather than replace it.
    pub message: UseStateHandle<String>,
    /// Replaces what the live region says.
    pub announce: Callback<String>,
    /// Moves to another page, and writes it into the address.
    pub go: Callback<P>,
}

/// The shell's state, for an entry's root component: the page the address names (or the
/// default), kept in step with the browser's back and forward; the live region, first saying
/// `first_message` (what loading the saved work found, say); and focus on each new page's
/// heading.
#[hook]
pub fn use_shell<P: Page>(first_message: Option<String>) -> Shell<P> {
    let message = use_state(move || first_message.unwrap_or_default());
    let page = use_state(|| page::in_address::<P>().unwrap_or_default());

    // Follow the address when the user goes back or forward.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(p) = page::in_address::<P>() {
                        page.set(p);
                    }
                });
            move || drop(listener)
        });
    }

    // Move focus to the new page's heading, so screen-reader users hear where they are. Not on
    // first load: then focus stays at the top of the page, where the skip link is.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(*page, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                frame::focus("page-heading");
            }
        });
    }

    let announce = {
        let message = message.clone();
        Callback::from(move |m: String| message.set(m))
    };
    let go = {
        let page = page.clone();
        let message = message.clone();
        Callback::from(move |p: P| {
            // What was said about the last screen is not left standing on the next one.
            if *page != p {
                message.set(String::new());
            }
            page::to_address(p);
            page.set(p);
        })
    };
    Shell {
        page: *page,
        message,
        announce,
        go,
    }
}

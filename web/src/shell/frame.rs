//! The frame around every page of every entry, in the GOV.UK order: a skip link, the entry's
//! header, the live region, the page in `<main>`, the entry's footer.

use super::{Ctx, Page, Shell};
use yew::prelude::*;

/// An entry's own parts of the frame.
pub struct Frame {
    /// The header (the `<header>` element itself): the entry's name and navigation.
    pub header: Html,
    /// The page.
    pub main: Html,
    /// The footer (the `<footer>` element itself).
    pub footer: Html,
}

impl<P: Page> Shell<P> {
    /// Draws an entry: its frame around the page, every page given `state` (with the shell's
    /// callbacks) as its context.
    pub fn render<S: Clone + PartialEq + 'static>(&self, state: S, frame: Frame) -> Html {
        let ctx = Ctx {
            state,
            announce: self.announce.clone(),
            go: self.go.clone(),
        };
        let Frame {
            header,
            main,
            footer,
        } = frame;
        html! {
            <ContextProvider<Ctx<S, P>> context={ctx}>
                <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                    if let Some(m) = element("main") {
                        e.prevent_default();
                        let _ = m.focus();
                    }
                })}>{ "Skip to main content" }</a>
                { header }
                <div role="status" aria-live="polite" aria-atomic="true" class="announce" id="announce">{ (*self.message).clone() }</div>
                <main id="main" tabindex="-1">{ main }</main>
                { footer }
            </ContextProvider<Ctx<S, P>>>
        }
    }
}

/// The element with this id, as one that can take focus.
fn element(id: &str) -> Option<web_sys::HtmlElement> {
    let e = gloo::utils::document().get_element_by_id(id)?;
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
}

/// Moves focus to the element with this id, if there is one.
pub(super) fn focus(id: &str) {
    if let Some(e) = element(id) {
        let _ = e.focus();
    }
}

//! ulo in the browser: a Yew app over `ulo-core` compiled to WebAssembly.
//!
//! Everything runs on the user's machine: bids are commercially confidential and never leave
//! it. The app holds the documents (protocol, tender, bids) as JSON and shows what the core
//! computes from them; it never computes a score itself (`engine/` is its only door to the
//! core). Work is saved in the browser after every change (`storage.rs`). Both entries share
//! their navigation, announcements and frame (`shell/`).

mod app;
mod bidder;
mod download;
mod engine;
mod pointer;
mod shell;
mod state;
mod storage;
mod views;

fn main() {
    // One build, two entries: `index.html` for commissioners, `bidder.html` (whose body says
    // `data-mode="bidder"`) for a bidder's private self-check.
    let bidder = gloo::utils::body().get_attribute("data-mode").as_deref() == Some("bidder");
    if bidder {
        yew::Renderer::<bidder::BidderApp>::new().render();
    } else {
        yew::Renderer::<app::App>::new().render();
    }
}

//! ulo in the browser: a Yew app over `ulo-core` compiled to WebAssembly.
//!
//! Everything runs on the user's machine: bids are commercially confidential and never leave
//! it. The app holds the documents (protocol, tender, bids) and shows what the core computes;
//! it never computes a score itself (see `engine.rs`, the only module that calls the core).

mod app;
mod engine;
mod state;
mod views;

fn main() {
    yew::Renderer::<app::App>::new().render();
}

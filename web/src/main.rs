//! ulo in the browser: a Yew app over `ulo-core` compiled to WebAssembly.
//!
//! Everything runs on the user's machine: bids are commercially confidential and never leave
//! it. The app holds the documents (protocol, tender, bids) as JSON and shows what the core
//! computes from them; it never computes a score itself (`engine.rs` is its only door to the
//! core). Work is saved in the browser after every change (`storage.rs`).

mod app;
mod engine;
mod pointer;
mod state;
mod storage;
mod views;

fn main() {
    yew::Renderer::<app::App>::new().render();
}

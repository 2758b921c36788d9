//! Save and export: the result as JSON (the schema's) and CSV, the documents as JSON files, the
//! printable report, and starting again (which asks first and offers an export).

use crate::app::{dispatch, use_ctx, View};
use crate::download;
use crate::engine::{self, Document};
use crate::state::{Action, Workspace};
use crate::storage;
use crate::views::import::ImportButton;
use crate::views::results::NotScored;
use yew::prelude::*;

fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[function_component(Export)]
pub fn export() -> Html {
    let ctx = use_ctx();
    let confirming = use_state(|| false);
    let id = ctx
        .ws
        .tender
        .get("id")
        .and_then(|v| v.as_str())
        .map(slug)
        .unwrap_or_else(|| "tender".into());

    let result_buttons = match ctx.model.result.clone() {
        None => html! { <NotScored /> },
        Some(r) => {
            let json = {
                let r = r.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    download::offer(
                        &format!("{id}-result.json"),
                        "application/json",
                        &serde_json::to_string_pretty(&*r).unwrap_or_default(),
                    );
                })
            };
            let csv = {
                let r = r.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    download::offer(
                        &format!("{id}-scores.csv"),
                        "text/csv;charset=utf-8",
                        &engine::csv(&r),
                    );
                })
            };
            let print = {
                let go = ctx.go.clone();
                Callback::from(move |_: MouseEvent| {
                    go.emit(View::Report);
                    let _ = gloo::timers::callback::Timeout::new(300, || {
                        let _ = gloo::utils::window().print();
                    })
                    .forget();
                })
            };
            html! {
                <div class="button-group">
                    <button type="button" class="button" id="export-json" onclick={json}>{ "Download the result (JSON)" }</button>
                    <button type="button" class="button" id="export-csv" onclick={csv}>{ "Download the scores (CSV, for spreadsheets)" }</button>
                    <button type="button" class="button button--secondary" onclick={print}>{ "Print the report" }</button>
                </div>
            }
        }
    };
    let save_docs = {
        let ws = ctx.ws.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            download::offer(
                &format!("{id}-tender.json"),
                "application/json",
                &serde_json::to_string_pretty(&ws.tender).unwrap_or_default(),
            );
            download::offer(
                &format!("{id}-bids.json"),
                "application/json",
                &serde_json::to_string_pretty(&ws.bids).unwrap_or_default(),
            );
        })
    };
    let save_workspace = {
        let ws = ctx.ws.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            download::offer(
                &format!("{id}-ulo-work.json"),
                "application/json",
                &serde_json::to_string_pretty(&storage::to_json(&ws)).unwrap_or_default(),
            );
        })
    };
    let ask = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(true))
    };
    let cancel = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(false))
    };
    let restart = |ws: fn(&crate::state::Workspace) -> Workspace, said: &'static str| {
        let ctx = ctx.clone();
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch(&ctx, Action::Reset(ws(&ctx.ws)));
            c.set(false);
            ctx.announce.emit(said.to_string());
            ctx.go.emit(View::Tender);
        })
    };
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Save and export" }</h1>
            <p class="lede">{ "Your work is saved in this browser after every change. Download it to keep a copy or to share it. Files are made on this computer; nothing is uploaded." }</p>
            <h2 class="heading-l">{ "The result" }</h2>
            { result_buttons }
            <h2 class="heading-l">{ "Your documents" }</h2>
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={save_docs}>{ "Download the tender and bids (JSON)" }</button>
                <button type="button" class="button button--secondary" onclick={save_workspace}>{ "Download all your work (one file)" }</button>
            </div>
            <ImportButton kind={Document::Tender} label="Import a tender from a file" />
            <h2 class="heading-l">{ "Start again" }</h2>
            if *confirming {
                <div class="warning-panel" role="alertdialog" aria-labelledby="restart-heading" aria-describedby="restart-text">
                    <h3 id="restart-heading" class="heading-m">{ "Are you sure you want to start again?" }</h3>
                    <p id="restart-text">{ "Starting again replaces the tender and bids in this browser. Download your work first if you may need it." }</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" onclick={save_workspace_again(&ctx)}>{ "Download my work first" }</button>
                        <button type="button" class="button button--warning" onclick={restart(|w| Workspace::blank(w.protocol_text.clone()), "Started again with a blank tender.")}>{ "Start again with a blank tender" }</button>
                        <button type="button" class="button button--warning" onclick={restart(|_| Workspace::example(), "Started again with the worked example.")}>{ "Start again with the worked example" }</button>
                        <button type="button" class="button button--link" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="button button--warning" onclick={ask}>{ "Start again" }</button>
            }
        </>
    }
}

fn save_workspace_again(ctx: &crate::app::Ctx) -> Callback<MouseEvent> {
    let ws = ctx.ws.clone();
    Callback::from(move |_: MouseEvent| {
        download::offer(
            "ulo-work.json",
            "application/json",
            &serde_json::to_string_pretty(&storage::to_json(&ws)).unwrap_or_default(),
        );
    })
}

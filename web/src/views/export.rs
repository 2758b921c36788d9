//! Save and export: the result as JSON (the schema's) and CSV, the documents as JSON files, the
//! printable report, the one-file backup and restoring one (as a new tender: a new start is
//! made from the list of tenders, and never replaces this one).

use crate::app::{use_ctx, View};
use crate::download;
use crate::engine;
use crate::engine::Document;
use crate::shell::{follow, Page};
use crate::storage;
use crate::views::import::{ImportButton, RestoreButton};
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
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Save and export" }</h1>
            <p class="lede">{ "Your work is saved in this browser after every change. Download it to keep a copy or to share it. Files are made on this computer; nothing is uploaded." }</p>
            <h2 class="heading-l">{ "The result" }</h2>
            { result_buttons }
            <h2 class="heading-l">{ "Your documents" }</h2>
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={save_docs}>{ "Download the tender and bids (JSON)" }</button>
                <button type="button" class="button button--secondary" id="export-backup" onclick={save_workspace}>{ "Download all your work on this tender (one file)" }</button>
            </div>
            <ImportButton kind={Document::Tender} label="Import a tender from a file, in place of this tender's (you can undo it)" />
            <h2 class="heading-l">{ "Restore a backup" }</h2>
            <p>{ "A backup (the one file above) or a tender file is opened as a new tender, beside this one: nothing is overwritten. To start a new tender, go to " }
                <a href={View::Tenders.href()} onclick={follow(&ctx.go, View::Tenders)}>{ "Your tenders" }</a>{ "." }</p>
            <RestoreButton id="restore-file" label="Restore a backup or import a tender" />
        </>
    }
}

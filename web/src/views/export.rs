//! Save and export: the result as JSON (the schema's) and CSV, the documents as JSON files, the
//! printable report, the one-file backup and restoring one (as a new tender), and starting
//! again (a new tender beside this one, which stays in the list: nothing is replaced).

use crate::app::{use_ctx, View};
use crate::download;
use crate::engine;
use crate::engine::Document;
use crate::shell::{follow, Page};
use crate::state::Workspace;
use crate::storage;
use crate::views::import::{ImportButton, RestoreButton};
use crate::views::results::{NotScored, PartialNotice};
use crate::views::tenders::start_with;
use web_sys::HtmlDialogElement;
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

    let result_buttons = match ctx.model.result() {
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
            let wide = {
                let r = r.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    download::offer(
                        &format!("{id}-bids.csv"),
                        "text/csv;charset=utf-8",
                        &engine::csv_wide(&r),
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
                <>
                <PartialNotice />
                <div class="button-group">
                    <button type="button" class="button" id="export-json" onclick={json}>{ "Download the result (JSON)" }</button>
                    <button type="button" class="button" id="export-csv-wide" onclick={wide}>{ "Download one row per bid (CSV: prices, totals, ranks, flags)" }</button>
                    <button type="button" class="button button--secondary" id="export-csv" onclick={csv}>{ "Download every mark (CSV: one row per bid and criterion)" }</button>
                    <button type="button" class="button button--secondary" onclick={print}>{ "Print the report" }</button>
                </div>
                </>
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
    // Starting again opens a new tender beside this one (which stays in Your tenders); it asks
    // first, in a modal dialog that takes focus, keeps it, closes on Esc and gives focus back.
    let asking = use_state(|| false);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let was_open = use_mut_ref(|| false);
        use_effect_with(*asking, move |asking| {
            if *asking {
                if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                    let _ = d.show_modal();
                }
            } else if std::mem::replace(&mut *was_open.borrow_mut(), false) {
                focus("export-start-again");
            }
            *was_open.borrow_mut() |= *asking;
        });
    }
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let closed = {
        let asking = asking.clone();
        Callback::from(move |_: Event| asking.set(false))
    };
    let restart = |blank: bool| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if blank {
                let ws = Workspace::blank(ctx.ws.protocol_text.clone());
                start_with(&ctx, &ws, View::Tender, "Started again with a blank tender. The one you were working on is still in Your tenders.");
            } else {
                start_with(&ctx, &Workspace::example(), View::Tender, "Started again with the worked example. The one you were working on is still in Your tenders.");
            }
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
            <h2 class="heading-l">{ "Start again" }</h2>
            <p>{ "Starting again opens a new tender; this one stays in Your tenders, as it is." }</p>
            <button type="button" class="button button--warning" id="export-start-again" onclick={ask}>{ "Start again" }</button>
            if *asking {
                <dialog ref={dialog} class="dialog" id="restart-dialog" aria-labelledby="restart-heading" aria-describedby="restart-text" onclose={closed}>
                    <h2 id="restart-heading" class="heading-m">{ "Start again?" }</h2>
                    <p id="restart-text">{ "A new tender opens, and the one you are working on stays in Your tenders: nothing is replaced." }</p>
                    <div class="button-group">
                        <button type="button" class="button" id="restart-blank" onclick={restart(true)}>{ "Start again with a blank tender" }</button>
                        <button type="button" class="button button--secondary" id="restart-example" onclick={restart(false)}>{ "Start again with the worked example" }</button>
                        <button type="button" class="button button--link" id="restart-cancel" onclick={close}>{ "Cancel" }</button>
                    </div>
                </dialog>
            }
        </>
    }
}

/// Focuses the element with this id, if there is one.
fn focus(id: &str) {
    if let Some(e) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = e.focus();
    }
}

//! Your tenders: the start page. Every tender kept in this browser, with its title, last change
//! and how many lots and bids it has; a new tender, the worked example, or a file to start
//! from; and, for each, open, rename, duplicate and delete (which asks first, in a modal
//! dialog that takes focus, closes on Esc and gives focus back to the button that opened it).

use crate::app::{dispatch, use_ctx, Ctx, Opening, View};
use crate::state::{Action, Doc, Workspace};
use crate::storage::tenders::{self, Entry};
use crate::views::import::RestoreButton;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

/// "3 December 2026 at 14:32", in local time, or "not saved yet".
fn changed_words(iso: Option<&str>) -> String {
    let Some(iso) = iso else {
        return "Not saved yet".into();
    };
    let d = js_sys::Date::new(&iso.into());
    if d.get_time().is_nan() {
        return "Not known".into();
    }
    format!(
        "{} at {:02}:{:02}",
        crate::app::day_words(&d),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Opens a new tender made from `ws` in this tab, on `page`, saying `said`.
pub fn start_with(ctx: &Ctx, ws: &Workspace, page: View, said: &str) {
    match tenders::create(ws) {
        Ok(key) => ctx.desk.open.emit(Opening {
            key: Some(key),
            message: Some(said.into()),
            page,
        }),
        Err(why) => ctx
            .announce
            .emit(format!("No new tender was started: {why}.")),
    }
}

/// Focuses the element with this id, if there is one.
fn focus(id: &str) {
    if let Some(e) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

#[function_component(TendersView)]
pub fn tenders_view() -> Html {
    let ctx = use_ctx();
    let refresh = use_force_update();
    // Another tab's saves change what the list shows.
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| {
            let l =
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |_| {
                    refresh.force_update()
                });
            move || drop(l)
        });
    }
    // The tender being deleted (its key, title and the id of the button that asked), and the
    // one being renamed (its key).
    let deleting = use_state(|| None::<(String, String, String)>);
    let renaming = use_state(|| None::<String>);
    // Where focus goes once a dialog or a rename form closes.
    let return_to = use_mut_ref(|| None::<String>);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let return_to = return_to.clone();
        use_effect_with(((*deleting).clone(), (*renaming).clone()), move |(d, r)| {
            if d.is_some() {
                if let Some(el) = dialog.cast::<HtmlDialogElement>() {
                    if !el.open() {
                        let _ = el.show_modal();
                    }
                }
            } else if let Some(r) = r {
                focus(&format!("rename-{}", id_of(r)));
            } else if let Some(id) = return_to.borrow_mut().take() {
                focus(&id);
            }
        });
    }

    let entries = tenders::list();
    let open_key = ctx.desk.key.clone();

    let new_tender = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            start_with(
                &ctx,
                &Workspace::blank(None),
                View::Tender,
                "Started a new tender. Your other tenders are unchanged.",
            )
        })
    };
    let example = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            start_with(
                &ctx,
                &Workspace::example(),
                View::Results,
                "Opened a new copy of the worked example. Your other tenders are unchanged.",
            )
        })
    };

    let rows = entries.iter().map(|e| {
        let Entry {
            key,
            title,
            lots,
            bids,
            changed,
            readable,
        } = e.clone();
        let here = open_key.as_deref() == Some(key.as_str());
        let id = id_of(&key);
        let open = {
            let ctx = ctx.clone();
            let key = key.clone();
            let title = title.clone();
            Callback::from(move |_: MouseEvent| {
                if here {
                    ctx.go.emit(View::Results);
                } else {
                    ctx.desk.open.emit(Opening {
                        key: Some(key.clone()),
                        message: Some(format!("Opened \"{title}\".")),
                        page: View::Results,
                    });
                }
            })
        };
        let duplicate = {
            let ctx = ctx.clone();
            let key = key.clone();
            let title = title.clone();
            let refresh = refresh.clone();
            Callback::from(move |_: MouseEvent| match tenders::duplicate(&key) {
                Ok(_) => {
                    ctx.announce.emit(format!(
                        "Made a copy of \"{title}\", called \"{title} (copy)\", at the end of the list."
                    ));
                    refresh.force_update();
                }
                Err(why) => ctx
                    .announce
                    .emit(format!("\"{title}\" was not copied: {why}.")),
            })
        };
        let ask_delete = {
            let deleting = deleting.clone();
            let key = key.clone();
            let title = title.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                deleting.set(Some((key.clone(), title.clone(), format!("delete-{id}"))))
            })
        };
        let ask_rename = {
            let renaming = renaming.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(key.clone())))
        };
        let name_cell = if renaming.as_deref() == Some(key.as_str()) {
            let save = {
                let ctx = ctx.clone();
                let key = key.clone();
                let renaming = renaming.clone();
                let return_to = return_to.clone();
                let refresh = refresh.clone();
                let id = id.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let input = gloo::utils::document()
                        .get_element_by_id(&format!("rename-{id}"))
                        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
                    let Some(new) = input.map(|i| i.value().trim().to_string()) else {
                        return;
                    };
                    if new.is_empty() {
                        ctx.announce.emit("Give the tender a name, or cancel.".into());
                        return;
                    }
                    let done = if here {
                        // The open tender is renamed by an edit: saved as any other, and undoable.
                        dispatch(
                            &ctx,
                            Action::Set {
                                doc: Doc::Tender,
                                pointer: "/title".into(),
                                value: Some(Value::String(new.clone())),
                            },
                        );
                        Ok(())
                    } else {
                        tenders::rename(&key, &new)
                    };
                    match done {
                        Ok(()) => ctx.announce.emit(format!("Renamed to \"{new}\".")),
                        Err(why) => ctx.announce.emit(format!("Not renamed: {why}.")),
                    }
                    *return_to.borrow_mut() = Some(format!("rename-button-{id}"));
                    renaming.set(None);
                    refresh.force_update();
                })
            };
            let cancel = {
                let renaming = renaming.clone();
                let return_to = return_to.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| {
                    *return_to.borrow_mut() = Some(format!("rename-button-{id}"));
                    renaming.set(None);
                })
            };
            html! {
                <form class="rename" onsubmit={save}>
                    <label class="label" for={format!("rename-{id}")}>{ format!("New name for \"{title}\"") }</label>
                    <input class="input" type="text" id={format!("rename-{id}")} value={title.clone()} />
                    <div class="button-group">
                        <button type="submit" class="button">{ "Save the name" }</button>
                        <button type="button" class="button button--link" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </form>
            }
        } else {
            html! {
                <>
                    <button type="button" class="button--link tender-title" id={format!("open-{id}")} onclick={open.clone()}>{ &title }</button>
                    if here { <span class="tag">{ "open in this tab" }</span> }
                    if !readable { <span class="hint">{ " Its save cannot be read: open it to see why and to download it." }</span> }
                </>
            }
        };
        html! {
            <tr data-key={key.clone()}>
                <th scope="row">{ name_cell }</th>
                <td>{ changed_words(changed.as_deref()) }</td>
                <td class="num">{ lots }</td>
                <td class="num">{ bids }</td>
                <td>
                    <div class="button-group button-group--tight">
                        <button type="button" class="button button--secondary button--small" onclick={open}>
                            { "Open" }<span class="visually-hidden">{ format!(" \"{title}\"") }</span></button>
                        <button type="button" class="button button--secondary button--small" id={format!("rename-button-{id}")} onclick={ask_rename}>
                            { "Rename" }<span class="visually-hidden">{ format!(" \"{title}\"") }</span></button>
                        <button type="button" class="button button--secondary button--small" id={format!("duplicate-{id}")} onclick={duplicate}>
                            { "Duplicate" }<span class="visually-hidden">{ format!(" \"{title}\"") }</span></button>
                        <button type="button" class="button button--warning button--small" id={format!("delete-{id}")} onclick={ask_delete}>
                            { "Delete" }<span class="visually-hidden">{ format!(" \"{title}\"") }</span></button>
                    </div>
                </td>
            </tr>
        }
    });

    let delete_dialog = match &*deleting {
        None => html! {},
        Some((key, title, opener)) => {
            // The dialog closes (Esc, Cancel, or after deleting): focus goes back where it was.
            let onclose = {
                let deleting = deleting.clone();
                let return_to = return_to.clone();
                let opener = opener.clone();
                Callback::from(move |_: Event| {
                    let mut r = return_to.borrow_mut();
                    if r.is_none() {
                        *r = Some(opener.clone());
                    }
                    deleting.set(None);
                })
            };
            let cancel = {
                let dialog = dialog.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                        d.close();
                    }
                })
            };
            let confirm = {
                let ctx = ctx.clone();
                let key = key.clone();
                let title = title.clone();
                let dialog = dialog.clone();
                let return_to = return_to.clone();
                Callback::from(move |_: MouseEvent| {
                    let deleted = tenders::delete(&key);
                    *return_to.borrow_mut() = Some("page-heading".into());
                    if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                        d.close();
                    }
                    if !deleted {
                        ctx.announce
                            .emit(format!("\"{title}\" could not be deleted."));
                        return;
                    }
                    let said = format!("Deleted \"{title}\".");
                    if ctx.desk.key.as_deref() == Some(key.as_str()) {
                        // The open tender is gone: this tab shows the list with none open.
                        ctx.desk.open.emit(Opening {
                            key: None,
                            message: Some(said),
                            page: View::Tenders,
                        });
                    } else {
                        ctx.announce.emit(said);
                    }
                })
            };
            html! {
                <dialog ref={dialog.clone()} class="dialog" id="delete-dialog" aria-labelledby="delete-heading" aria-describedby="delete-text" {onclose}>
                    <h2 id="delete-heading" class="heading-m">{ format!("Delete \"{title}\"?") }</h2>
                    <p id="delete-text">{ "Its tender, bids and scores are removed from this browser, and cannot be undone. Download it first (Save and export, \"Download all your work on this tender\") if you may need it." }</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" id="delete-confirm" onclick={confirm}>{ format!("Delete \"{title}\"") }</button>
                        <button type="button" class="button button--secondary" id="delete-cancel" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </dialog>
            }
        }
    };

    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ "Your tenders" }</h1>
            <p class="lede">{ "Each tender is kept in this browser, saved after every change. Nothing is sent anywhere. Two tabs can work on two different tenders." }</p>
            <div class="button-group">
                <button type="button" class="button" id="tenders-new" onclick={new_tender}>{ "Start a new tender" }</button>
                <button type="button" class="button button--secondary" id="tenders-example" onclick={example}>{ "Open the worked example" }</button>
            </div>
            <RestoreButton id="restore-file" label="Import a tender or restore a backup" />
            if entries.is_empty() {
                <p id="tenders-none">{ "There are no tenders in this browser yet." }</p>
            } else {
                <div class="table-scroll">
                    <table id="tenders-list">
                        <caption class="visually-hidden">{ "Your tenders" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Tender" }</th>
                            <th scope="col">{ "Last change" }</th>
                            <th scope="col" class="num">{ "Lots" }</th>
                            <th scope="col" class="num">{ "Bids" }</th>
                            <th scope="col">{ "Actions" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            { delete_dialog }
        </>
    }
}

/// An id made from a storage key (`ulo.workspace.2` is `ulo-workspace-2`).
fn id_of(key: &str) -> String {
    key.replace('.', "-")
}

//! Importing a file: read in the browser (never uploaded), checked by the core, and only then
//! allowed to replace the current document. A bad file leaves the work untouched and says what
//! is wrong and where.

use crate::app::{dispatch, use_ctx};
use crate::engine;
use crate::state::{Action, Doc};
use crate::views::fields::sentence;
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use ulo_core::{Document, Problems};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The largest file accepted for import (16 MiB).
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub kind: Document,
    pub label: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Problems(String, Problems),
    Refused(String),
}

#[function_component(ImportButton)]
pub fn import_button(p: &Props) -> Html {
    let ctx = use_ctx();
    let outcome = use_state(|| Outcome::None);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let id = format!("import-{}", p.kind.tag());
    let kind = p.kind;
    let onchange = {
        let outcome = outcome.clone();
        let reader = reader.clone();
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if file.size() > MAX_IMPORT_BYTES {
                outcome.set(Outcome::Refused(format!(
                    "The file \"{name}\" is {} MB; ulo imports files of up to 16 MB. Nothing was changed.",
                    file.size() / (1024 * 1024)
                )));
                return;
            }
            let outcome = outcome.clone();
            let ctx = ctx.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| {
                let Ok(text) = res else {
                    outcome.set(Outcome::Refused(format!("The file \"{name}\" could not be read as text. Nothing was changed.")));
                    return;
                };
                match engine::import(kind, &text, &ctx.ws) {
                    Ok(value) => {
                        match kind {
                            Document::Protocol => dispatch(&ctx, Action::Protocol(Some(text.as_str().into()))),
                            Document::Tender => dispatch(&ctx, Action::Replace { doc: Doc::Tender, value }),
                            _ => dispatch(&ctx, Action::Replace { doc: Doc::Bids, value }),
                        }
                        outcome.set(Outcome::None);
                        ctx.announce.emit(format!("Imported \"{name}\"."));
                    }
                    Err(problems) => {
                        ctx.announce.emit(format!("\"{name}\" was not imported: {} problem{} found. Your work is unchanged.",
                            problems.len(), if problems.len() == 1 { "" } else { "s" }));
                        outcome.set(Outcome::Problems(name, problems));
                    }
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    html! {
        <div class="import">
            <label class="label" for={id.clone()}>{ &p.label }</label>
            <div class="hint" id={format!("{id}-hint")}>{ "A JSON file. It is read on this computer and checked before anything changes." }</div>
            <input type="file" id={id.clone()} class="file-upload" accept=".json,application/json" aria-describedby={format!("{id}-hint")} {onchange} />
            { match &*outcome {
                Outcome::None => html! {},
                Outcome::Refused(why) => html! {
                    <div class="error-summary" role="alert" id={format!("{id}-problems")}>
                        <h2 class="error-summary__title">{ "The file was not imported" }</h2>
                        <p>{ why }</p>
                    </div>
                },
                Outcome::Problems(name, problems) => html! {
                    <div class="error-summary" role="alert" id={format!("{id}-problems")}>
                        <h2 class="error-summary__title">{ format!("\"{name}\" was not imported. Your work is unchanged.") }</h2>
                        <ul class="error-summary__list">
                            { for problems.iter().map(|x| html! {
                                <li>
                                    <strong>{ if x.pointer.is_empty() { "In the file: ".to_string() } else { format!("At {}: ", x.pointer) } }</strong>
                                    { sentence(&x.kind.message()) }{ " " }<span class="hint">{ sentence(&x.kind.help()) }</span>
                                </li>
                            }) }
                        </ul>
                    </div>
                },
            } }
        </div>
    }
}

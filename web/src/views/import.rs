//! Importing a file into the workspace: read on this computer, checked by the core, and only
//! then allowed to replace the current document. A bad file leaves the work untouched and says
//! what is wrong and where.

use crate::app::{dispatch, use_ctx};
use crate::engine::{self, Document, Problems};
use crate::state::{Action, Doc};
use crate::views::fields::sentence;
use crate::views::file_picker::{FilePicker, Picked};
use yew::prelude::*;

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
    let id = format!("import-{}", p.kind.tag());
    let kind = p.kind;
    let on_pick = {
        let outcome = outcome.clone();
        Callback::from(move |picked: Picked| {
            let Picked { name, text } = picked;
            let text = match text {
                Ok(t) => t,
                Err(why) => return outcome.set(Outcome::Refused(why)),
            };
            match engine::import(kind, &text, &ctx.ws) {
                Ok(value) => {
                    match kind {
                        Document::Protocol => {
                            dispatch(&ctx, Action::Protocol(Some(text.as_str().into())))
                        }
                        Document::Tender => dispatch(
                            &ctx,
                            Action::Replace {
                                doc: Doc::Tender,
                                value,
                            },
                        ),
                        _ => dispatch(
                            &ctx,
                            Action::Replace {
                                doc: Doc::Bids,
                                value,
                            },
                        ),
                    }
                    outcome.set(Outcome::None);
                    ctx.announce.emit(format!("Imported \"{name}\"."));
                }
                Err(problems) => {
                    ctx.announce.emit(format!(
                        "\"{name}\" was not imported: {} problem{} found. Your work is unchanged.",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    ));
                    outcome.set(Outcome::Problems(name, problems));
                }
            }
        })
    };
    html! {
        <div>
            <FilePicker id={id.clone()} label={p.label.clone()} hint="A JSON file. It is read on this computer and checked before anything changes." {on_pick} />
            <FileProblems id={format!("{id}-problems")} outcome={match &*outcome {
                Outcome::None => None,
                Outcome::Refused(why) => Some((why.clone(), None)),
                Outcome::Problems(name, p) => Some((format!("\"{name}\" was not imported. Your work is unchanged."), Some(p.clone()))),
            }} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub id: AttrValue,
    /// The heading, and the problems (none when the file could not be read at all).
    pub outcome: Option<(String, Option<Problems>)>,
}

/// What was wrong with a file, each problem with its place in the file.
#[function_component(FileProblems)]
pub fn file_problems(p: &ProblemsProps) -> Html {
    let Some((title, problems)) = &p.outcome else {
        return html! {};
    };
    html! {
        <div class="error-summary" role="alert" id={p.id.clone()}>
            <h2 class="error-summary__title">{ title }</h2>
            if let Some(problems) = problems {
                <ul class="error-summary__list">
                    { for problems.iter().map(|x| html! {
                        <li>
                            <strong>{ if x.pointer.is_empty() { "In the file: ".to_string() } else { format!("At {}: ", x.pointer) } }</strong>
                            { sentence(&x.kind.message()) }{ " " }<span class="hint">{ sentence(&x.kind.help()) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

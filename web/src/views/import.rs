//! Importing a file into the workspace: read on this computer, checked by the core, and only
//! then allowed to replace the current document. A bad file leaves the work untouched and says
//! what is wrong and where.

use crate::app::{dispatch, use_ctx, Opening, View};
use crate::download;
use crate::engine::{self, Document, Problems};
use crate::state::{Action, Doc};
use crate::storage::restore::{self, Held, Refused};
use crate::storage::tenders;
use crate::views::fields::sentence;
use crate::views::file_picker::{FilePicker, Picked};
use std::rc::Rc;
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
    let spreadsheet = (kind == Document::Bids).then(|| html! { <BidsFromSpreadsheet /> });
    html! {
        <div>
            <FilePicker id={id.clone()} label={p.label.clone()} hint="A JSON file. It is read on this computer and checked before anything changes." {on_pick} />
            <FileProblems id={format!("{id}-problems")} outcome={match &*outcome {
                Outcome::None => None,
                Outcome::Refused(why) => Some((why.clone(), None)),
                Outcome::Problems(name, p) => Some((format!("\"{name}\" was not imported. Your work is unchanged."), Some(p.clone()))),
            }} />
            { spreadsheet }
        </div>
    }
}

/// Bids from a spreadsheet: a CSV file (one row per bid, as the template) or cells pasted from
/// one. Every problem is shown by row and column, and nothing is imported unless there is none;
/// what is imported replaces the bids, which can be undone.
#[function_component(BidsFromSpreadsheet)]
fn bids_from_spreadsheet() -> Html {
    let ctx = use_ctx();
    let problems = use_state(|| None::<(String, Vec<String>)>);
    let paste = use_node_ref();
    let take = {
        let ctx = ctx.clone();
        let problems = problems.clone();
        Rc::new(
            move |name: String, text: String| match engine::bids_csv(&text, &ctx.ws) {
                Ok(value) => {
                    let n = value
                        .get("bids")
                        .and_then(|b| b.as_array())
                        .map_or(0, Vec::len);
                    dispatch(
                        &ctx,
                        Action::Replace {
                            doc: Doc::Bids,
                            value,
                        },
                    );
                    problems.set(None);
                    ctx.announce.emit(format!(
                    "Imported {n} bid{} from {name}. They replace the bids that were here: undo brings those back.",
                    if n == 1 { "" } else { "s" }
                ));
                }
                Err(found) => {
                    let said = format!(
                    "The bids from {name} were not imported: {} problem{} found. Your work is unchanged.",
                    found.len(),
                    if found.len() == 1 { "" } else { "s" }
                );
                    ctx.announce.emit(said.clone());
                    problems.set(Some((said, found)));
                }
            },
        )
    };
    let on_pick = {
        let take = take.clone();
        let problems = problems.clone();
        Callback::from(move |picked: Picked| match picked.text {
            Ok(text) => take(format!("\"{}\"", picked.name), text),
            Err(why) => problems.set(Some((why, Vec::new()))),
        })
    };
    let on_paste = {
        let paste = paste.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = paste.cast::<web_sys::HtmlTextAreaElement>() {
                take("what was pasted".into(), engine::pasted_to_csv(&t.value()));
            }
        })
    };
    let template = Callback::from(|_: MouseEvent| {
        download::offer(
            "bids-template.csv",
            "text/csv;charset=utf-8",
            engine::BIDS_TEMPLATE,
        )
    });
    html! {
        <div class="import" id="bids-spreadsheet">
            <h2 class="heading-m">{ "Bids from a spreadsheet" }</h2>
            <p>{ "One row per bid, with the columns of the template: bid id, lot, organisation name, price and the organisation's facts. Amounts may be written as £185,000. Scores are not read: enter them in Scoring. Importing replaces the bids here; you can undo it." }</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" id="bids-template" onclick={template}>{ "Download the template (CSV)" }</button>
            </div>
            <FilePicker id="import-bids-csv" label="Import bids from CSV" hint="A CSV file saved from a spreadsheet, read on this computer and checked before anything changes." accept=".csv,text/csv" {on_pick} />
            <label class="label" for="paste-bids">{ "Paste bids from a spreadsheet" }</label>
            <div class="hint" id="paste-bids-hint">{ "Copy the rows, with the heading row, from your spreadsheet and paste them here." }</div>
            <textarea class="input" id="paste-bids" rows="5" aria-describedby="paste-bids-hint" ref={paste} />
            <div class="button-group">
                <button type="button" class="button" id="paste-bids-import" onclick={on_paste}>{ "Import the pasted bids" }</button>
            </div>
            if let Some((said, found)) = &*problems {
                <div class="error-summary" role="alert" id="bids-spreadsheet-problems">
                    <h2 class="error-summary__title">{ said }</h2>
                    <ul class="error-summary__list">{ for found.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                </div>
            }
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

#[derive(Properties, PartialEq)]
pub struct RestoreProps {
    pub id: AttrValue,
    pub label: AttrValue,
}

/// Restoring a backup ("Download all your work (one file)") or importing a tender file: checked
/// as a whole first, then opened as a new tender in the list, so that nothing is overwritten.
/// A file that cannot be restored is refused with what is wrong and where; nothing changes.
#[function_component(RestoreButton)]
pub fn restore_button(p: &RestoreProps) -> Html {
    let ctx = use_ctx();
    let outcome = use_state(|| None::<(String, Option<Problems>)>);
    let on_pick = {
        let outcome = outcome.clone();
        Callback::from(move |picked: Picked| {
            let Picked { name, text } = picked;
            let text = match text {
                Ok(t) => t,
                Err(why) => return outcome.set(Some((why, None))),
            };
            let refused = |said: String, problems: Option<Problems>| {
                ctx.announce.emit(said.clone());
                outcome.set(Some((said, problems)));
            };
            match restore::read(&name, &text) {
                Err(Refused::Plain(said)) => refused(said, None),
                Err(Refused::Problems(said, p)) => refused(said, Some(p)),
                Ok((ws, held)) => match tenders::create(&ws) {
                    Err(why) => refused(
                        format!("\"{name}\" was not restored: {why}. Your work is unchanged."),
                        None,
                    ),
                    Ok(key) => {
                        outcome.set(None);
                        let title = tenders::title_of(&ws.tender);
                        ctx.desk.open.emit(Opening {
                            key: Some(key),
                            message: Some(match held {
                                Held::Backup => format!("Restored \"{title}\" from \"{name}\" as a new tender. Your other tenders are unchanged."),
                                Held::Tender => format!("Imported the tender \"{title}\" from \"{name}\" as a new tender, with no bids yet. Your other tenders are unchanged."),
                            }),
                            page: View::Results,
                        });
                    }
                },
            }
        })
    };
    html! {
        <div>
            <FilePicker id={p.id.clone()} label={p.label.clone()} hint="A backup of your work (the one file from Save and export) or a tender file (JSON). It is read on this computer, checked, and opened as a new tender: nothing is overwritten." {on_pick} />
            <FileProblems id={format!("{}-problems", p.id)} outcome={(*outcome).clone()} />
        </div>
    }
}

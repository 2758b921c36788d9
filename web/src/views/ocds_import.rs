//! Importing a tender from Open Contracting (OCDS) data, such as a Find a Tender or Contracts
//! Finder release: the core builds a draft tender and says what mapped, what did not, and what
//! the commissioner must still supply. The draft replaces the tender only when the user says so.

use crate::app::{dispatch, use_ctx};
use crate::engine::{self, Import};
use crate::state::{Action, Doc};
use crate::views::fields::sentence;
use crate::views::file_picker::{FilePicker, Picked};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Refused(String, Vec<String>),
    Ready(String, Box<Import>),
}

#[function_component(OcdsImport)]
pub fn ocds_import() -> Html {
    let ctx = use_ctx();
    let outcome = use_state(|| Outcome::None);
    let on_pick = {
        let outcome = outcome.clone();
        let ctx = ctx.clone();
        Callback::from(move |p: Picked| {
            let text = match p.text {
                Ok(t) => t,
                Err(why) => return outcome.set(Outcome::Refused(why, Vec::new())),
            };
            let Ok(protocol) = ctx.model.protocol.clone() else {
                return outcome.set(Outcome::Refused(
                    "The protocol cannot be read, so nothing can be imported against it.".into(),
                    Vec::new(),
                ));
            };
            match engine::ocds_tender(&protocol, &text) {
                Ok(imp) => {
                    ctx.announce.emit(format!("Read \"{}\": {} fields mapped. Check the report below, then use the tender.", p.name, imp.mapped.len()));
                    outcome.set(Outcome::Ready(p.name, Box::new(imp)));
                }
                Err(e) => outcome.set(Outcome::Refused(
                    format!("\"{}\" could not be imported. Nothing was changed.", p.name),
                    e.0.iter()
                        .map(|x| {
                            format!(
                                "{}{}",
                                if x.pointer.is_empty() {
                                    String::new()
                                } else {
                                    format!("At {}: ", x.pointer)
                                },
                                sentence(&x.message)
                            )
                        })
                        .collect(),
                )),
            }
        })
    };
    let body = match &*outcome {
        Outcome::None => html! {},
        Outcome::Refused(title, lines) => html! {
            <div class="error-summary" role="alert" id="ocds-problems">
                <h2 class="error-summary__title">{ title }</h2>
                <ul class="error-summary__list">{ for lines.iter().map(|l| html!{ <li>{ l }</li> }) }</ul>
            </div>
        },
        Outcome::Ready(name, imp) => {
            let use_it = {
                let ctx = ctx.clone();
                let tender = imp.tender.clone();
                let outcome = outcome.clone();
                Callback::from(move |_: MouseEvent| {
                    if gloo::dialogs::confirm("Replace the current tender with the imported one? Download your work first if you may need it.") {
                        dispatch(&ctx, Action::Replace { doc: Doc::Tender, value: tender.clone() });
                        outcome.set(Outcome::None);
                        ctx.announce.emit("The imported tender is now in use. Fill in what it still needs.".into());
                    }
                })
            };
            html! {
                <section class="card" id="ocds-report" aria-labelledby="ocds-report-heading">
                    <h3 id="ocds-report-heading" class="heading-m">{ format!("What \"{name}\" gives") }</h3>
                    <p>{ if imp.complete { "The tender is complete enough to check and score." } else { "The tender still needs some details before it can be checked: they are listed below." } }</p>
                    <details class="details" open=true>
                        <summary>{ format!("{} fields mapped", imp.mapped.len()) }</summary>
                        <ul>{ for imp.mapped.iter().map(|m| html!{ <li>{ format!("{} → {}: {}", m.from, m.to, m.value) }{ m.note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default() }</li> }) }</ul>
                    </details>
                    <details class="details">
                        <summary>{ format!("{} not used", imp.not_mapped.len()) }</summary>
                        <ul>{ for imp.not_mapped.iter().map(|m| html!{ <li>{ format!("{} ({}): {}", m.from, m.found, m.reason) }</li> }) }</ul>
                    </details>
                    <details class="details" open=true>
                        <summary>{ format!("{} to supply", imp.to_supply.len()) }</summary>
                        <ul>{ for imp.to_supply.iter().map(|s| html!{ <li><strong>{ if s.required { "Required: " } else { "For the barrier check: " } }</strong>{ format!("{}: {}", s.field, s.reason) }</li> }) }</ul>
                    </details>
                    <button type="button" class="button" id="ocds-use" onclick={use_it}>{ "Use this tender" }</button>
                </section>
            }
        }
    };
    html! {
        <section aria-labelledby="ocds-heading">
            <h2 id="ocds-heading" class="heading-l">{ "Import from Open Contracting data" }</h2>
            <FilePicker id="import-ocds" label="An OCDS release, record or package" hint="For example a notice from Find a Tender or Contracts Finder, saved as JSON. It is read on this computer." {on_pick} />
            { body }
        </section>
    }
}

//! Building form fields bound to places in a document, by JSON pointer.

use crate::app::{dispatch, Ctx};
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, Field, Kind, Radios};
use serde_json::Value;
use ulo_core::Problems;
use yew::prelude::*;

/// The value a field's text stands for: text stays text (exact decimals are text in ulo's
/// formats); whole numbers become JSON numbers when they read as one, and otherwise stay text so
/// that the core can say what is wrong with them. Empty means "remove".
pub fn value_of(kind: Kind, text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Some(match kind {
        Kind::Whole => t
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(t.to_string())),
        Kind::Text | Kind::Area => Value::String(text.to_string()),
        _ => Value::String(t.to_string()),
    })
}

/// A text field editing `pointer` in `doc`.
#[allow(clippy::too_many_arguments)]
pub fn field(
    ctx: &Ctx,
    doc: Doc,
    problems: Option<&Problems>,
    pointer: &str,
    label: &str,
    hint: Option<&str>,
    kind: Kind,
    class: Option<&'static str>,
) -> Html {
    let ws = ctx.ws.clone();
    let p = pointer.to_string();
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |text: String| {
            dispatch(
                &ctx,
                Action::Set {
                    doc,
                    pointer: p.clone(),
                    value: value_of(kind, &text),
                },
            )
        })
    };
    html! {
        <Field id={field_id(doc.name(), pointer)} label={label.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
            value={pointer::text(ws.doc(doc), pointer)} error={error_at(problems, pointer)} {kind} {class} {onchange} />
    }
}

/// Yes / no / not stated radios for an optional yes-or-no field (`not stated` removes it).
pub fn yes_no(
    ctx: &Ctx,
    doc: Doc,
    problems: Option<&Problems>,
    pointer: &str,
    legend: &str,
    hint: Option<&str>,
    allow_unstated: bool,
) -> Html {
    let current = match pointer::get(ctx.ws.doc(doc), pointer) {
        Some(Value::Bool(true)) => "yes",
        Some(Value::Bool(false)) => "no",
        _ => "unstated",
    };
    let mut options = vec![
        ("yes".to_string(), "Yes".to_string(), None),
        ("no".to_string(), "No".to_string(), None),
    ];
    if allow_unstated {
        options.push(("unstated".to_string(), "Not stated".to_string(), None));
    }
    let p = pointer.to_string();
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |v: String| {
            let value = match v.as_str() {
                "yes" => Some(Value::Bool(true)),
                "no" => Some(Value::Bool(false)),
                _ => None,
            };
            dispatch(
                &ctx,
                Action::Set {
                    doc,
                    pointer: p.clone(),
                    value,
                },
            )
        })
    };
    html! {
        <Radios id={field_id(doc.name(), pointer)} legend={legend.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
            {options} selected={current.to_string()} error={error_at(problems, pointer)} inline={true} {onchange} />
    }
}

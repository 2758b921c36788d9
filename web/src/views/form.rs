//! Building form fields bound to places in a document, by JSON pointer.
//!
//! A [`Bind`] ties fields to one document (the tender, the bids, a bidder's draft): each field
//! reads its value at a pointer, shows the core's problem at that pointer, and on change sends
//! the new value to be set there. The commissioner and bidder screens share it.

use crate::app::{dispatch, Ctx};
use crate::engine::Problems;
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{error_at, Field, Kind, Radios};
use serde_json::Value;
use yew::prelude::*;

/// The value a field's text stands for: text stays text (exact decimals are text in ulo's
/// formats); whole numbers become JSON numbers when they read as one, and otherwise stay text so
/// that the core can say what is wrong with them; amounts may carry commas and a pound sign.
/// Empty means "remove".
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
        // Amounts as people write them ("£185,000") are stored as the format writes them.
        Kind::Decimal => Value::String(crate::engine::amount(t).unwrap_or_else(|| t.to_string())),
        _ => Value::String(t.to_string()),
    })
}

/// Fields bound to one document.
#[derive(Clone)]
pub struct Bind {
    /// The document's name in field ids ("tender", "bids", "draft").
    pub name: &'static str,
    /// The document as it stands.
    pub doc: Value,
    /// The core's problems with it.
    pub problems: Option<Problems>,
    /// Sets (or with `None` removes) the value at a pointer.
    pub set: Callback<(String, Option<Value>)>,
    /// Whether text fields report changes a moment after losing focus (needed where problems
    /// show as the user goes, so a message appearing cannot move a control mid-click).
    pub defer: bool,
}

impl Bind {
    /// Fields for one of the commissioner's documents.
    pub fn workspace(ctx: &Ctx, doc: Doc) -> Bind {
        let ctx2 = ctx.clone();
        Bind {
            name: doc.name(),
            doc: ctx.ws.doc(doc).clone(),
            problems: match doc {
                Doc::Tender => ctx.model.tender_problems.clone(),
                Doc::Bids => ctx.model.bid_problems.clone(),
            },
            set: Callback::from(move |(pointer, value): (String, Option<Value>)| {
                dispatch(
                    &ctx2,
                    Action::Set {
                        doc,
                        pointer,
                        value,
                    },
                )
            }),
            defer: true,
        }
    }

    /// The problem at a pointer, as a sentence.
    pub fn error(&self, pointer: &str) -> Option<String> {
        error_at(self.problems.as_ref(), pointer)
    }

    /// A text field editing `pointer`.
    pub fn field(
        &self,
        pointer: &str,
        label: &str,
        hint: Option<&str>,
        kind: Kind,
        class: Option<&'static str>,
    ) -> Html {
        let set = self.set.clone();
        let p = pointer.to_string();
        let onchange =
            Callback::from(move |text: String| set.emit((p.clone(), value_of(kind, &text))));
        html! {
            <Field id={field_id(self.name, pointer)} label={label.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
                value={pointer::text(&self.doc, pointer)} error={self.error(pointer)} {kind} {class} defer={self.defer} {onchange} />
        }
    }

    /// A list of short texts as one text field, items separated by commas (CPV codes, places):
    /// the core checks each item, and its problem with any of them shows here. Empty removes
    /// the list.
    pub fn list(
        &self,
        pointer: &str,
        label: &str,
        hint: Option<&str>,
        class: Option<&'static str>,
    ) -> Html {
        let value = pointer::get(&self.doc, pointer)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let set = self.set.clone();
        let p = pointer.to_string();
        let onchange = Callback::from(move |text: String| {
            let items: Vec<Value> = text
                .split([',', ';'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| Value::String(c.to_string()))
                .collect();
            set.emit((
                p.clone(),
                (!items.is_empty()).then_some(Value::Array(items)),
            ))
        });
        html! {
            <Field id={field_id(self.name, pointer)} label={label.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
                {value} error={self.error(pointer)} kind={Kind::Text} {class} defer={self.defer} {onchange} />
        }
    }

    /// Yes / no (/ not stated) radios for an optional yes-or-no field; "not stated" removes it.
    pub fn yes_no(
        &self,
        pointer: &str,
        legend: &str,
        hint: Option<&str>,
        allow_unstated: bool,
    ) -> Html {
        let current = match pointer::get(&self.doc, pointer) {
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
        let set = self.set.clone();
        let p = pointer.to_string();
        let onchange = Callback::from(move |v: String| {
            let value = match v.as_str() {
                "yes" => Some(Value::Bool(true)),
                "no" => Some(Value::Bool(false)),
                _ => None,
            };
            set.emit((p.clone(), value))
        });
        html! {
            <Radios id={field_id(self.name, pointer)} legend={legend.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
                {options} selected={current.to_string()} error={self.error(pointer)} inline={true} {onchange} />
        }
    }
}

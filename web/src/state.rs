//! The workspace: the documents being worked on, and the changes a user can make to them.
//!
//! Documents are kept as JSON values, exactly as they would be exported, so that what is saved,
//! exported and scored is always the same thing. Every change goes through [`Action`]; the
//! reducer only edits JSON, it never scores.

use crate::engine;
use crate::pointer;
use serde_json::{json, Value};
use std::rc::Rc;
use yew::Reducible;

/// Which document an action edits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Doc {
    /// The tender.
    Tender,
    /// The bids.
    Bids,
}

impl Doc {
    /// The document's name in field ids.
    pub fn name(self) -> &'static str {
        match self {
            Doc::Tender => "tender",
            Doc::Bids => "bids",
        }
    }
}

/// Everything the user is working on.
#[derive(Clone, PartialEq, Debug)]
pub struct Workspace {
    /// The protocol's JSON text; `None` means the shipped protocol.
    pub protocol_text: Option<Rc<str>>,
    /// The tender document.
    pub tender: Value,
    /// The bids document.
    pub bids: Value,
}

impl Workspace {
    /// The shipped protocol with the worked example.
    pub fn example() -> Workspace {
        Workspace {
            protocol_text: None,
            tender: engine::example_tender(),
            bids: engine::example_bids(),
        }
    }

    /// A clean slate: one empty lot, no bids, the same protocol.
    pub fn blank(protocol_text: Option<Rc<str>>) -> Workspace {
        Workspace {
            protocol_text,
            tender: json!({
                "document": "tender",
                "id": "new-tender",
                "title": "New tender",
                "authority": "Your council",
                "lots": [{"id": "lot-1", "title": "Lot 1"}]
            }),
            bids: json!({"document": "bids", "tender": "new-tender", "bids": []}),
        }
    }

    /// The document an action edits.
    pub fn doc(&self, doc: Doc) -> &Value {
        match doc {
            Doc::Tender => &self.tender,
            Doc::Bids => &self.bids,
        }
    }

    fn doc_mut(&mut self, doc: Doc) -> &mut Value {
        match doc {
            Doc::Tender => &mut self.tender,
            Doc::Bids => &mut self.bids,
        }
    }
}

/// A change to the workspace.
pub enum Action {
    /// Set the value at a pointer (`None` removes it).
    Set {
        /// The document.
        doc: Doc,
        /// Where.
        pointer: String,
        /// The new value.
        value: Option<Value>,
    },
    /// Append to the list at a pointer.
    Push {
        /// The document.
        doc: Doc,
        /// The list.
        pointer: String,
        /// The new item.
        value: Value,
    },
    /// Replace a whole document (an import).
    Replace {
        /// The document.
        doc: Doc,
        /// Its new contents.
        value: Value,
    },
    /// Use another protocol (`None`: the shipped one).
    Protocol(Option<Rc<str>>),
    /// Start again from this workspace.
    Reset(Workspace),
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set {
                doc,
                pointer,
                value,
            } => {
                pointer::set(next.doc_mut(doc), &pointer, value);
                // Keep the bids pointing at the tender they belong to.
                if doc == Doc::Tender && pointer == "/id" {
                    if let Some(id) = next.tender.get("id").cloned() {
                        pointer::set(&mut next.bids, "/tender", Some(id));
                    }
                }
            }
            Action::Push {
                doc,
                pointer,
                value,
            } => {
                let target = next.doc_mut(doc);
                match target.pointer_mut(&pointer) {
                    Some(Value::Array(items)) => items.push(value),
                    _ => pointer::set(target, &pointer, Some(Value::Array(vec![value]))),
                }
            }
            Action::Replace { doc, value } => *next.doc_mut(doc) = value,
            Action::Protocol(text) => next.protocol_text = text,
            Action::Reset(ws) => next = ws,
        }
        Rc::new(next)
    }
}

/// How many changes can be undone (the issue asks for at least the last 20).
pub const UNDO_DEPTH: usize = 30;
const _: () = assert!(UNDO_DEPTH >= 20);

/// The last changes, each with the workspace as it was before it and what it did in words
/// ("remove lot 2"), so that the newest can be undone. Kept beside [`Workspace`], not in it:
/// undoing is not part of the work, is not saved, and is not scored.
#[derive(Clone, Default, PartialEq, Debug)]
pub struct History {
    steps: Vec<(Workspace, String)>,
}

impl History {
    /// Records that `before` was changed by what `said` says; the oldest step is forgotten
    /// past [`UNDO_DEPTH`].
    pub fn record(&mut self, before: Workspace, said: String) {
        self.steps.push((before, said));
        if self.steps.len() > UNDO_DEPTH {
            self.steps.remove(0);
        }
    }

    /// What undoing would undo, if anything.
    pub fn next(&self) -> Option<&str> {
        self.steps.last().map(|(_, s)| s.as_str())
    }

    /// Takes the newest step: the workspace before it, and what it did.
    pub fn undo(&mut self) -> Option<(Workspace, String)> {
        self.steps.pop()
    }

    /// Forgets every step (when other work is opened in its place).
    pub fn clear(&mut self) {
        self.steps.clear();
    }
}

/// A change in words, for "Undo: remove lot 2": what it does to what, named as the user sees
/// it (a lot or evaluator by its position, a bid by its bidder), never by pointer.
pub fn describe(action: &Action, before: &Workspace) -> String {
    match action {
        Action::Set {
            doc,
            pointer,
            value,
        } => {
            let what = thing(*doc, pointer, before);
            match value {
                None => format!("remove {what}"),
                Some(_) => format!("change {what}"),
            }
        }
        Action::Push { pointer, .. } => match pointer.rsplit('/').next().unwrap_or("") {
            "lots" => "add a lot".into(),
            "bids" => "add a bid".into(),
            "evaluators" => "add an evaluator".into(),
            other => format!("add to {}", words(other)),
        },
        Action::Replace { doc, .. } => format!("import the {}", doc.name()),
        Action::Protocol(_) => "change the protocol".into(),
        Action::Reset(_) => "replace the work".into(),
    }
}

/// "lot 2", "lot 2's value", "Northfield's price", "the title".
fn thing(doc: Doc, pointer: &str, ws: &Workspace) -> String {
    let parts = pointer::tokens(pointer);
    let owner = match parts.as_slice() {
        [list, i, ..] if i.parse::<usize>().is_ok() => {
            let n = i.parse::<usize>().unwrap_or(0);
            let named = ws
                .doc(doc)
                .get(list)
                .and_then(|items| items.get(n))
                .and_then(|item| item.get("organisation"))
                .and_then(|o| o.get("name"))
                .and_then(Value::as_str);
            Some(match (list.as_str(), named) {
                ("bids", Some(name)) => (format!("the bid from {name}"), name.to_string()),
                (list, _) => {
                    let o = format!("{} {}", singular(list), n + 1);
                    (o.clone(), o)
                }
            })
        }
        _ => None,
    };
    let field = parts
        .iter()
        .rev()
        .find(|p| p.parse::<usize>().is_err())
        .map(|p| words(p));
    match (owner, parts.len()) {
        (Some((whole, _)), 2) => whole,
        (Some((whole, o)), _) => match field {
            Some(f) => format!("{o}'s {f}"),
            None => whole,
        },
        (None, _) => format!("the {}", field.unwrap_or_else(|| doc.name().into())),
    }
}

fn singular(list: &str) -> String {
    match list {
        "lots" => "lot".into(),
        "bids" => "bid".into(),
        "evaluators" => "evaluator".into(),
        "criteria" => "criterion".into(),
        other => words(other.strip_suffix('s').unwrap_or(other)),
    }
}

fn words(name: &str) -> String {
    name.replace(['_', '-'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(doc: Doc, pointer: &str, value: Option<Value>) -> Action {
        Action::Set {
            doc,
            pointer: pointer.into(),
            value,
        }
    }

    #[test]
    fn changes_are_named_as_the_user_sees_them() {
        let ws = Workspace::example();
        for (action, said) in [
            (set(Doc::Tender, "/lots/1", None), "remove lot 2"),
            (
                set(Doc::Tender, "/lots/0/value", Some(json!("1"))),
                "change lot 1's value",
            ),
            (
                set(Doc::Tender, "/title", Some(json!("T"))),
                "change the title",
            ),
            (
                set(Doc::Bids, "/bids/0/price", Some(json!("1"))),
                "change Northfield Centre for Independent Living's price",
            ),
            (
                Action::Push {
                    doc: Doc::Tender,
                    pointer: "/lots".into(),
                    value: json!({}),
                },
                "add a lot",
            ),
        ] {
            assert_eq!(describe(&action, &ws), said);
        }
    }

    #[test]
    fn undo_forgets_the_oldest_past_its_depth() {
        let mut h = History::default();
        for n in 0..UNDO_DEPTH + 5 {
            h.record(Workspace::example(), format!("step {n}"));
        }
        assert_eq!(h.next(), Some(format!("step {}", UNDO_DEPTH + 4).as_str()));
        let mut undone = 0;
        while h.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_DEPTH);
    }
}

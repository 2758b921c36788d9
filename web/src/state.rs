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

//! The workspace: the documents being worked on, and the changes a user can make to them.
//!
//! Documents are kept as JSON values, exactly as they would be exported, so that what is saved,
//! exported and scored is always the same thing.

use serde_json::{json, Value};
use std::rc::Rc;
use ulo_core::{shipped, Protocol};
use yew::Reducible;

/// Everything the user is working on.
#[derive(Clone, PartialEq)]
pub struct Workspace {
    /// The protocol's JSON text.
    pub protocol_text: Rc<str>,
    /// The tender document.
    pub tender: Value,
    /// The bids document.
    pub bids: Value,
}

impl Workspace {
    /// The shipped protocol with the worked example.
    pub fn example() -> Workspace {
        Workspace {
            protocol_text: shipped::PROTOCOL.into(),
            tender: serde_json::from_str(shipped::EXAMPLE_TENDER).unwrap_or(Value::Null),
            bids: serde_json::from_str(shipped::EXAMPLE_BIDS).unwrap_or(Value::Null),
        }
    }

    /// The protocol, read by the core (the shipped one is read once and cached).
    pub fn protocol(&self) -> Result<Protocol, ulo_core::Problems> {
        if &*self.protocol_text == shipped::PROTOCOL {
            Ok(Protocol::shipped())
        } else {
            Protocol::from_json(&self.protocol_text)
        }
    }
}

/// A change to the workspace.
pub enum Action {
    /// Set one evaluator's score for one criterion of one bid.
    SetScore {
        /// Bid id.
        bid: String,
        /// Criterion id.
        criterion: String,
        /// Evaluator id.
        evaluator: String,
        /// The new score.
        score: i64,
    },
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetScore {
                bid,
                criterion,
                evaluator,
                score,
            } => {
                if let Some(b) = next
                    .bids
                    .get_mut("bids")
                    .and_then(Value::as_array_mut)
                    .and_then(|list| {
                        list.iter_mut()
                            .find(|b| b.get("id").and_then(Value::as_str) == Some(bid.as_str()))
                    })
                {
                    let scores = b
                        .as_object_mut()
                        .map(|o| o.entry("scores").or_insert_with(|| json!({})));
                    if let Some(Value::Object(by_criterion)) = scores {
                        let entry = by_criterion
                            .entry(criterion)
                            .or_insert_with(|| json!({}));
                        if let Value::Object(by_evaluator) = entry {
                            let cell = by_evaluator.entry(evaluator).or_insert_with(|| json!({}));
                            cell["score"] = json!(score);
                        }
                    }
                }
            }
        }
        Rc::new(next)
    }
}

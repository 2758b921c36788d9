//! The app's only door to the rules: every figure the app shows comes through here from
//! `ulo-core`. Nothing in the app computes, rounds or ranks.

use serde_json::Value;
use std::rc::Rc;
use ulo_core::{Problems, Protocol, ScoreResult};

/// A scored workspace: the core's result, or the problems found in the documents.
pub struct Scored {
    /// The result, or why there is none.
    pub result: Result<Rc<ScoreResult>, Problems>,
}

/// Reads the tender and bids against the protocol and scores them.
pub fn score(protocol: &Protocol, tender: &Value, bids: &Value) -> Scored {
    let tender = match protocol.tender(tender) {
        Ok(t) => t,
        Err(p) => return Scored { result: Err(p) },
    };
    let result = protocol
        .bids(&tender, bids)
        .and_then(|b| protocol.score(&tender, &b))
        .map(Rc::new);
    Scored { result }
}

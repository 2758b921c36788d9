//! The bidder's self-check: the tender it is checking against and its draft answers, saved in
//! the browser after every change (separately from any commissioner's work on the same machine),
//! by the same autosave as the commissioner's workspace (`crate::storage`).

use crate::storage::{self, Saved, Words};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::Reducible;

/// The saved format.
pub const FORMAT: u64 = 1;

/// The bidder's work.
#[derive(Clone, PartialEq, Debug)]
pub struct SelfCheck {
    /// The tender being checked against (`None`: none chosen yet).
    pub tender: Option<Value>,
    /// The draft self-check document.
    pub draft: Value,
}

impl SelfCheck {
    /// Nothing chosen yet.
    pub fn empty() -> SelfCheck {
        SelfCheck {
            tender: None,
            draft: json!({"document": "self-check", "tender": "", "lot": "", "organisation": {}, "price": ""}),
        }
    }

    /// Starts from a tender: the draft points at it and its first lot.
    pub fn with_tender(&self, tender: Value) -> SelfCheck {
        let mut next = self.clone();
        let id = tender.get("id").cloned().unwrap_or(Value::Null);
        let lot = tender.pointer("/lots/0/id").cloned().unwrap_or(Value::Null);
        next.draft["tender"] = id;
        if next
            .draft
            .get("lot")
            .and_then(Value::as_str)
            .unwrap_or("")
            .is_empty()
        {
            next.draft["lot"] = lot;
        }
        next.tender = Some(tender);
        next
    }
}

/// A change.
pub enum Change {
    /// Set (or with `None` remove) a value in the draft.
    Set(String, Option<Value>),
    /// Use this tender.
    Tender(Value),
    /// Start again.
    Reset,
    /// Use this self-check (the latest save, when this tab takes over from another).
    Restore(SelfCheck),
}

impl Reducible for SelfCheck {
    type Action = Change;
    fn reduce(self: Rc<Self>, action: Change) -> Rc<Self> {
        Rc::new(match action {
            Change::Set(pointer, value) => {
                let mut next = (*self).clone();
                crate::pointer::set(&mut next.draft, &pointer, value);
                next
            }
            Change::Tender(t) => self.with_tender(t),
            Change::Reset => SelfCheck::empty(),
            Change::Restore(s) => s,
        })
    }
}

impl Saved for SelfCheck {
    const KEY: &'static str = "ulo.selfcheck";
    const WORDS: Words = Words {
        yours: "Your saved answers",
        plain: "your answers",
        restored: "Your answers have been restored.",
        migrated: "Your answers have been restored and updated to this version of ulo.",
        fresh: "an empty self-check",
        replace: "Start again with an empty self-check and replace it",
        file: "ulo-unreadable-answers.txt",
        refused: "download them to keep them",
    };

    fn to_json(&self) -> Value {
        json!({"format": FORMAT, "saved_by": concat!("ulo ", env!("CARGO_PKG_VERSION")), "tender": self.tender, "draft": self.draft})
    }

    /// Reads a saved self-check, checked as a whole: the tender `null` (none chosen yet) or an
    /// object with a list of lots, and the draft an object.
    fn read_saved(v: &Value) -> Result<(SelfCheck, bool), String> {
        storage::format(v, FORMAT)?;
        let tender = match v.get("tender") {
            None | Some(Value::Null) => None,
            Some(t @ Value::Object(_)) => {
                storage::list_of_objects(t, "tender", "lots")?;
                Some(t.clone())
            }
            Some(other) => {
                return Err(format!(
                    "its \"tender\" is {}, not an object or null",
                    storage::kind(other)
                ))
            }
        };
        let draft = storage::object(v, "draft")?.clone();
        Ok((SelfCheck { tender, draft }, false))
    }

    fn fresh() -> SelfCheck {
        SelfCheck::empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_self_check_reads_back_as_it_was() {
        let s = SelfCheck::empty().with_tender(json!({"id": "t", "lots": [{"id": "l"}]}));
        assert_eq!(SelfCheck::read_saved(&s.to_json()), Ok((s, false)));
    }

    #[test]
    fn a_self_check_that_could_not_be_edited_is_not_restored() {
        for (v, said) in [
            (
                json!({"format": 1, "tender": null, "draft": null}),
                "\"draft\" is null",
            ),
            (
                json!({"format": 1, "tender": "t", "draft": {}}),
                "\"tender\" is text",
            ),
            (
                json!({"format": 1, "tender": {"lots": 1}, "draft": {}}),
                "not a list",
            ),
            (
                json!({"format": 0, "tender": null, "draft": {}}),
                "not a format this version",
            ),
            (json!({"format": 2, "tender": null, "draft": {}}), "newer"),
        ] {
            let why = SelfCheck::read_saved(&v).unwrap_err();
            assert!(why.contains(said), "{why} (expected {said})");
        }
    }
}

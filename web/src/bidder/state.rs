//! The bidder's self-check: the tender it is checking against and its draft answers, saved in
//! the browser after every change (separately from any commissioner's work on the same machine).

use gloo::storage::{LocalStorage, Storage};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::Reducible;

/// Where the self-check is saved.
pub const KEY: &str = "ulo.selfcheck";
/// Where an unreadable save is moved, so nothing is lost.
pub const UNREADABLE_KEY: &str = "ulo.selfcheck.unreadable";
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
        })
    }
}

/// Saves the self-check.
pub fn save(s: &SelfCheck) -> Result<(), String> {
    let v = json!({"format": FORMAT, "saved_by": concat!("ulo ", env!("CARGO_PKG_VERSION")), "tender": s.tender, "draft": s.draft});
    LocalStorage::raw()
        .set_item(KEY, &v.to_string())
        .map_err(|_| "the browser did not let ulo save your answers (storage may be full or switched off); download them to keep them".to_string())
}

/// Loads the saved self-check, and a message to announce.
pub fn load() -> (SelfCheck, Option<String>) {
    let Ok(Some(text)) = LocalStorage::raw().get_item(KEY) else {
        return (SelfCheck::empty(), None);
    };
    let parsed = serde_json::from_str::<Value>(&text).ok().and_then(|v| {
        (v.get("format")?.as_u64()? == FORMAT).then_some(())?;
        Some(SelfCheck {
            tender: v.get("tender").filter(|t| !t.is_null()).cloned(),
            draft: v.get("draft")?.clone(),
        })
    });
    match parsed {
        Some(s) => (s, Some("Your answers have been restored.".into())),
        None => {
            let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &text);
            (
                SelfCheck::empty(),
                Some(format!("Your saved answers could not be read. They have been kept in this browser under \"{UNREADABLE_KEY}\".")),
            )
        }
    }
}

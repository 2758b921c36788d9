//! Saving work in the browser so that none is ever lost, for every entry of the app (the
//! commissioner's workspace and the bidder's self-check share this one implementation: an entry
//! brings a [`Saved`] type and calls [`open`] and [`use_saving`]).
//!
//! - **Every write is checked.** A save the browser refuses is announced, and recorded in a small
//!   marker, so that after a reload the app says the last changes may not have been saved
//!   instead of claiming everything was restored.
//! - **A save that cannot be used is never written over until the user chooses.** It is read and
//!   checked as a whole (format, then the shape of every document); if anything is wrong it is
//!   copied to a spare key of its own (`<key>.unreadable.1`, `.2`, ...: an earlier spare is never
//!   overwritten). If the browser has no room for the copy, the original is left where it is,
//!   nothing is saved, and the user is offered it as a download and asked what to do.
//! - **One tab saves.** The tab that holds the entry's Web Lock saves; another tab opened on the
//!   same work says so and offers to take over, and the tab taken over from stops saving and says
//!   so (`tabs.rs`). A save made elsewhere (the `storage` event) also stops this tab saving.

mod notice;
pub mod restore;
mod tabs;
pub mod tenders;
mod workspace;

pub use notice::{use_saving, use_saving_at};
pub use workspace::to_json;

use serde_json::Value;
use std::rc::Rc;

/// Something an entry saves: how it is written and read, and the words for it.
pub trait Saved: Clone + PartialEq + 'static {
    /// Where it is saved; also the name of the lock held by the tab that saves it.
    const KEY: &'static str;
    /// The words used to tell the user about it.
    const WORDS: Words;
    /// The saved form.
    fn to_json(&self) -> Value;
    /// Reads a saved form, checked as a whole: the value, and whether it was migrated from an
    /// older format; or why it cannot be used, in lowercase words.
    fn read_saved(v: &Value) -> Result<(Self, bool), String>;
    /// What the entry starts from when nothing usable is saved.
    fn fresh() -> Self;
}

/// The words an entry's messages about its saved work are made of.
pub struct Words {
    /// "Your saved work" (the start of a sentence).
    pub yours: &'static str,
    /// "your work" (inside a sentence).
    pub plain: &'static str,
    /// What is said when it is restored as saved.
    pub restored: &'static str,
    /// What is said when it is restored from an older format.
    pub migrated: &'static str,
    /// What is shown instead of an unusable save: "the worked example".
    pub fresh: &'static str,
    /// The button that replaces an unusable save: "Start again from the example and replace it".
    pub replace: &'static str,
    /// The name of the file an unusable save is downloaded as.
    pub file: &'static str,
    /// What the user is told to do when a save is refused.
    pub refused: &'static str,
}

/// What was found that could not be used, and where it is now.
#[derive(Clone, PartialEq, Debug)]
pub enum Unusable {
    /// A copy was kept under `spare`; the entry may save over the original.
    KeptAside {
        /// Why it could not be used.
        why: String,
        /// The key of the copy.
        spare: String,
        /// The saved text, exactly as found.
        text: Rc<str>,
    },
    /// No copy could be kept (the browser's storage is full): the original is left as it was
    /// and nothing is saved until the user chooses.
    NoRoom {
        /// Why it could not be used.
        why: String,
        /// The saved text, exactly as found.
        text: Rc<str>,
    },
}

/// What opening an entry's saved work found: what to start from, what to say, and any save
/// that could not be used.
pub struct Opened<T> {
    /// The value to start from.
    pub value: T,
    /// What the live region says first.
    pub message: Option<String>,
    /// A save that could not be used, if there was one.
    pub unusable: Option<Unusable>,
    /// Whether anything was saved at all.
    pub found: bool,
    /// When it was last saved (an ISO 8601 time in UTC), if the save says.
    pub saved_at: Option<String>,
}

/// The browser's local storage, if it has one and lets the page use it.
fn local() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The storage of this tab's session (for the save marker when local storage is full).
fn session() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

/// Where the marker of the last save's outcome is kept: `"ok"` or `"no"`. Both are two
/// characters, so that writing "no" over "ok" needs no more room, even when storage is full.
fn marker_key(key: &str) -> String {
    format!("{key}.last-save")
}

/// Writes `text` under `key`, and reads it back: a write is only trusted once it is there.
fn write(storage: &web_sys::Storage, key: &str, text: &str) -> bool {
    storage.set_item(key, text).is_ok()
        && storage.get_item(key).ok().flatten().as_deref() == Some(text)
}

/// Reads the format number of a saved form: a whole number from 1 to `known`. A bigger number
/// is a newer format; anything else (0, a fraction, text, none) is no format this version knows.
pub fn format(v: &Value, known: u64) -> Result<u64, String> {
    match v.get("format") {
        None => Err("it has no format number".into()),
        Some(f) => match f.as_u64() {
            Some(n) if (1..=known).contains(&n) => Ok(n),
            Some(n) if n > known => Err(format!(
                "format {n} is newer than this version of ulo, which reads formats 1 to {known}"
            )),
            _ => Err(format!(
                "its format, {f}, is not a format this version of ulo knows (it reads formats 1 to {known})"
            )),
        },
    }
}

/// Says what kind of JSON value `v` is, for a message.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The member `name` of a saved form, which must be a JSON object.
pub fn object<'v>(v: &'v Value, name: &str) -> Result<&'v Value, String> {
    match v.get(name) {
        None => Err(format!("it has no \"{name}\"")),
        Some(o @ Value::Object(_)) => Ok(o),
        Some(other) => Err(format!("its \"{name}\" is {}, not an object", kind(other))),
    }
}

/// Checks that `doc[member]`, if present, is a list of objects (the lots of a tender, the bids).
pub fn list_of_objects(doc: &Value, name: &str, member: &str) -> Result<(), String> {
    match doc.get(member) {
        None => Ok(()),
        Some(Value::Array(items)) => match items.iter().position(|i| !i.is_object()) {
            None => Ok(()),
            Some(at) => Err(format!(
                "item {} of its \"{name}\" \"{member}\" is {}, not an object",
                at + 1,
                kind(&items[at])
            )),
        },
        Some(other) => Err(format!(
            "its \"{name}\" \"{member}\" is {}, not a list",
            kind(other)
        )),
    }
}

/// Keeps `text` under a spare key of its own: the first of `<key>.unreadable.1`, `.2`, ... that
/// is free, or the one that already holds exactly this text. Never overwrites a spare. Gives
/// the spare's key, or `None` if the browser would not store the copy.
fn keep_aside(storage: &web_sys::Storage, key: &str, text: &str) -> Option<String> {
    for n in 1..10_000 {
        let spare = format!("{key}.unreadable.{n}");
        match storage.get_item(&spare).ok()? {
            Some(kept) if kept == text => return Some(spare),
            Some(_) => continue,
            None => return write(storage, &spare, text).then_some(spare),
        }
    }
    None
}

/// Opens an entry's saved work: restored if it can be used, else kept aside (or, if there is no
/// room for a copy, left alone) with a fresh start, and a true account of what happened.
pub fn open<T: Saved>() -> Opened<T> {
    open_at::<T>(T::KEY)
}

/// The time now, as an ISO 8601 time in UTC: when a save was made.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Opens the saved work kept under `key` (an entry with several, such as the commissioner's
/// tenders, keeps each under its own key), as [`open`] does.
pub fn open_at<T: Saved>(key: &str) -> Opened<T> {
    let w = &T::WORDS;
    let Some(storage) = local() else {
        return Opened {
            value: T::fresh(),
            message: Some(format!(
                "This browser does not let ulo save anything, so {} will not be kept: {}.",
                w.plain, w.refused
            )),
            unusable: None,
            found: false,
            saved_at: None,
        };
    };
    let Some(text) = storage.get_item(key).ok().flatten() else {
        return Opened {
            value: T::fresh(),
            message: None,
            unusable: None,
            found: false,
            saved_at: None,
        };
    };
    let json = serde_json::from_str::<Value>(&text).map_err(|e| format!("it is not JSON: {e}"));
    let saved_at = json
        .as_ref()
        .ok()
        .and_then(|v| v.get("saved_at"))
        .and_then(Value::as_str)
        .map(String::from);
    let read = json.and_then(|v| T::read_saved(&v));
    match read {
        Ok((value, migrated)) => {
            let marker = marker_key(key);
            let refused = [
                storage.get_item(&marker),
                session().map_or(Ok(None), |s| s.get_item(&marker)),
            ]
            .iter()
            .any(|m| matches!(m, Ok(Some(m)) if m == "no"));
            let message = if refused {
                format!(
                    "{} has been reopened as it was last saved, but your last changes may not have been saved: the browser refused to save them (its storage may be full). Check your latest changes, and {}.",
                    w.yours, w.refused
                )
            } else if migrated {
                w.migrated.into()
            } else {
                w.restored.into()
            };
            Opened {
                value,
                message: Some(message),
                unusable: None,
                found: true,
                // A migrated save is saved again at once, in the current format.
                saved_at: saved_at.filter(|_| !migrated),
            }
        }
        Err(why) => {
            let text: Rc<str> = text.into();
            match keep_aside(&storage, key, &text) {
                Some(spare) => Opened {
                    value: T::fresh(),
                    message: Some(format!(
                        "{} could not be read ({why}). A copy has been kept in this browser under \"{spare}\", and {} is shown instead.",
                        w.yours, w.fresh
                    )),
                    unusable: Some(Unusable::KeptAside { why, spare, text }),
                    found: true,
                    saved_at: None,
                },
                None => Opened {
                    value: T::fresh(),
                    // The notice (an alert) says what happened and what to do.
                    message: None,
                    unusable: Some(Unusable::NoRoom { why, text }),
                    found: true,
                    saved_at: None,
                },
            }
        }
    }
}

/// The saved form of `value`, stamped with when it was saved.
pub fn stamped<T: Saved>(value: &T, at: &str) -> Value {
    let mut v = value.to_json();
    if let Value::Object(members) = &mut v {
        members.insert("saved_at".into(), Value::String(at.into()));
    }
    v
}

/// Saves `value` under `key`, stamped `at`, and records whether the browser took it. Gives why
/// not, if it refused.
pub fn save_at<T: Saved>(key: &str, value: &T, at: &str) -> Result<(), String> {
    let refused = || {
        format!(
            "the browser did not let ulo save {} (storage may be full or switched off); {}",
            T::WORDS.plain,
            T::WORDS.refused
        )
    };
    let storage = local().ok_or_else(refused)?;
    let marker = marker_key(key);
    if storage
        .set_item(key, &stamped(value, at).to_string())
        .is_ok()
    {
        // "ok" over "no" needs no more room, so this only fails where there was no marker
        // (nothing refused since); either way no marker is left saying "no".
        let _ = storage.set_item(&marker, "ok");
        if let Some(s) = session() {
            let _ = s.remove_item(&marker);
        }
        Ok(())
    } else {
        // "no" over "ok" needs no more room; the session's storage is the fallback for a first
        // save refused. If both refuse, the user is still told now (the error returned).
        if !write(&storage, &marker, "no") {
            if let Some(s) = session() {
                let _ = s.set_item(&marker, "no");
            }
        }
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_a_bigger_number_is_newer() {
        assert_eq!(format(&json!({"format": 2}), 2), Ok(2));
        assert!(format(&json!({"format": 3}), 2)
            .unwrap_err()
            .contains("newer"));
        for bad in [json!(0), json!(-1), json!(1.5), json!("2"), json!(null)] {
            let why = format(&json!({ "format": bad }), 2).unwrap_err();
            assert!(why.contains("not a format this version"), "{why}");
            assert!(!why.contains("newer"), "{why}");
        }
        assert!(format(&json!({}), 2).unwrap_err().contains("no format"));
    }

    #[test]
    fn documents_must_have_their_shape() {
        assert!(object(&json!({"tender": null}), "tender")
            .unwrap_err()
            .contains("null, not an object"));
        assert!(object(&json!({"tender": {}}), "tender").is_ok());
        assert!(list_of_objects(&json!({"lots": 3}), "tender", "lots").is_err());
        assert!(list_of_objects(&json!({"lots": [{}, 1]}), "tender", "lots")
            .unwrap_err()
            .contains("item 2"));
        assert!(list_of_objects(&json!({}), "tender", "lots").is_ok());
    }
}

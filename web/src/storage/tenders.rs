//! The commissioner's tenders, kept side by side: each tender's work under a key of its own, and
//! an index (`ulo.tenders`) of those keys in the order they were made.
//!
//! - **The first tender keeps the key earlier versions saved the one workspace under**
//!   (`ulo.workspace`): a save from an earlier version is the first tender in the list as it
//!   was, with nothing copied (so nothing can be lost in a copy, even with the storage full),
//!   and its marker of a refused save still holds. Later tenders are `ulo.workspace.2`, `.3`...
//! - **Each tender is saved only under its own key**, so two tabs on two tenders never write
//!   the same key, and each has its own Web Lock (named after its key). The index only changes
//!   when a tender is made or deleted; what the list shows (title, lots, bids, last change) is
//!   read from each tender's own save.
//! - **A key the index lost is found again**: the list is the index's keys and then any tender
//!   key in the storage that it does not name.
//! - Which tender a tab has open is kept in that tab's session storage (`ulo.open`), so a
//!   reload reopens it, and a new tab opens the one changed last.

use super::{local, session, stamped, Saved};
use crate::state::Workspace;
use serde_json::{json, Value};

/// The key of the index.
pub const INDEX: &str = "ulo.tenders";
/// The key of the first tender (the key earlier versions saved their one workspace under).
pub const FIRST: &str = "ulo.workspace";
/// The key, in a tab's session storage, of the tender the tab has open.
const OPEN: &str = "ulo.open";

/// Whether `key` is a tender's key (not a spare copy, a marker or anything else).
pub fn is_tender_key(key: &str) -> bool {
    key == FIRST || number(key).is_some()
}

/// The number of a later tender's key (`ulo.workspace.7` is 7).
fn number(key: &str) -> Option<u64> {
    let n = key.strip_prefix(FIRST)?.strip_prefix('.')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// The index: the tenders' keys, and the number the next tender's key takes.
struct Index {
    keys: Vec<String>,
    next: u64,
}

impl Index {
    fn to_json(&self) -> Value {
        json!({"format": 1, "tenders": self.keys, "next": self.next})
    }
}

/// Every tender key in the storage, the first first, then by number.
fn present(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_tender_key(k))
        .collect();
    keys.sort_by_key(|k| number(k).unwrap_or(0));
    keys
}

/// The index as saved, if there is one that can be read.
fn read_index(storage: &web_sys::Storage) -> Option<Index> {
    let text = storage.get_item(INDEX).ok().flatten()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    let keys = v
        .get("tenders")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| is_tender_key(k))
        .map(String::from)
        .fold(Vec::<String>::new(), |mut keys, k| {
            // A key named twice (two tabs writing the index at once) is listed once.
            if !keys.contains(&k) {
                keys.push(k);
            }
            keys
        });
    let next = v.get("next").and_then(Value::as_u64).unwrap_or(2);
    Some(Index { keys, next })
}

/// The index, with any tender key it does not name added: nothing saved is left out.
fn index(storage: &web_sys::Storage) -> (Index, bool) {
    let (mut index, found) = match read_index(storage) {
        Some(i) => (i, true),
        None => (
            Index {
                keys: Vec::new(),
                next: 2,
            },
            false,
        ),
    };
    for k in present(storage) {
        if !index.keys.contains(&k) {
            index.keys.push(k);
        }
    }
    let highest = index
        .keys
        .iter()
        .filter_map(|k| number(k))
        .max()
        .unwrap_or(1);
    index.next = index.next.max(highest + 1);
    (index, found)
}

fn write_index(storage: &web_sys::Storage, index: &Index) -> bool {
    super::write(storage, INDEX, &index.to_json().to_string())
}

/// A tender as the list shows it.
#[derive(Clone, PartialEq, Debug)]
pub struct Entry {
    /// Its key.
    pub key: String,
    /// Its title ("Untitled tender" if it has none).
    pub title: String,
    /// How many lots it has.
    pub lots: usize,
    /// How many bids it has.
    pub bids: usize,
    /// When it was last changed (ISO 8601, UTC), if its save says.
    pub changed: Option<String>,
    /// Whether its save can be read (one that cannot is kept aside when it is opened).
    pub readable: bool,
}

/// What the list says about the save under `key`.
fn entry(storage: &web_sys::Storage, key: &str) -> Entry {
    let text = storage.get_item(key).ok().flatten();
    let saved = text
        .as_deref()
        .and_then(|t| serde_json::from_str::<Value>(t).ok());
    let readable = match (&text, &saved) {
        (None, _) => true,
        (Some(_), Some(v)) => Workspace::read_saved(v).is_ok(),
        (Some(_), None) => false,
    };
    let (tender, bids) = match &saved {
        Some(v) => (v.get("tender"), v.get("bids")),
        None if text.is_none() => {
            // Not saved yet: the worked example, which is what opening it gives.
            let ws = Workspace::fresh();
            return Entry {
                key: key.into(),
                title: title_of(&ws.tender),
                lots: count(Some(&ws.tender), "lots"),
                bids: count(Some(&ws.bids), "bids"),
                changed: None,
                readable: true,
            };
        }
        None => (None, None),
    };
    Entry {
        key: key.into(),
        title: tender
            .map(title_of)
            .unwrap_or_else(|| "Untitled tender".into()),
        lots: count(tender, "lots"),
        bids: count(bids, "bids"),
        changed: saved
            .as_ref()
            .and_then(|v| v.get("saved_at"))
            .and_then(Value::as_str)
            .map(String::from),
        readable,
    }
}

/// A tender's title, or "Untitled tender".
pub fn title_of(tender: &Value) -> String {
    match tender.get("title").and_then(Value::as_str).map(str::trim) {
        Some(t) if !t.is_empty() => t.into(),
        _ => "Untitled tender".into(),
    }
}

fn count(doc: Option<&Value>, member: &str) -> usize {
    doc.and_then(|d| d.get(member))
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// The tenders, in the order they were made.
pub fn list() -> Vec<Entry> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let (index, _) = index(&storage);
    index.keys.iter().map(|k| entry(&storage, k)).collect()
}

/// Which tender a tab opens, and anything to say about the list.
pub struct Start {
    /// The tender's key (`None`: every tender has been deleted; the list is shown).
    pub key: Option<String>,
    /// What to say first, if anything.
    pub message: Option<String>,
}

/// Which tender this tab opens: the one it had open (a reload), else the one changed last,
/// else (the first visit) the first key, where the worked example is saved. An earlier
/// version's single save is already the first tender; the index is written naming it.
pub fn start() -> Start {
    let Some(storage) = local() else {
        return Start {
            key: Some(FIRST.into()),
            message: None,
        };
    };
    let (mut index, found) = index(&storage);
    let mut message = None;
    if !found {
        if index.keys.is_empty() {
            index.keys.push(FIRST.into());
        } else if index.keys.iter().any(|k| k == FIRST) {
            message = Some(
                "Your saved work is now the first tender in your list of tenders (Your tenders)."
                    .to_string(),
            );
        }
        // If the browser refuses, the index is worked out again next time: nothing is lost.
        let _ = write_index(&storage, &index);
    }
    let mine = session()
        .and_then(|s| s.get_item(OPEN).ok().flatten())
        .filter(|k| index.keys.contains(k));
    let key = mine.or_else(|| latest(&storage, &index.keys));
    remember(key.as_deref());
    Start { key, message }
}

/// The tender changed last (the first of equals), if there is any.
fn latest(storage: &web_sys::Storage, keys: &[String]) -> Option<String> {
    let mut best: Option<(String, String)> = None;
    for k in keys {
        let changed = entry(storage, k).changed.unwrap_or_default();
        if best.as_ref().is_none_or(|(_, b)| changed > *b) {
            best = Some((k.clone(), changed));
        }
    }
    best.map(|(k, _)| k)
}

/// Records which tender this tab has open, so that a reload reopens it.
pub fn remember(key: Option<&str>) {
    if let Some(s) = session() {
        let _ = match key {
            Some(k) => s.set_item(OPEN, k),
            None => s.remove_item(OPEN),
        };
    }
}

/// Saves `ws` as a new tender, under a key of its own, and lists it. Gives its key, or why the
/// browser would not keep it.
pub fn create(ws: &Workspace) -> Result<String, String> {
    let storage = local().ok_or_else(no_storage)?;
    let (mut index, _) = index(&storage);
    let mut n = index.next;
    while storage.get_item(&key_of(n)).ok().flatten().is_some() {
        n += 1;
    }
    let key = key_of(n);
    if !super::write(&storage, &key, &stamped(ws, &super::now()).to_string()) {
        let _ = storage.remove_item(&key);
        return Err(full());
    }
    index.keys.push(key.clone());
    index.next = n + 1;
    // The tender is saved; were the index refused, the key is found again next time.
    let _ = write_index(&storage, &index);
    Ok(key)
}

fn key_of(n: u64) -> String {
    format!("{FIRST}.{n}")
}

fn no_storage() -> String {
    "this browser does not let ulo save anything".into()
}

fn full() -> String {
    "the browser did not let ulo save it (its storage may be full): delete a tender you no longer need, or download your work".into()
}

/// Reads the workspace saved under `key`, if it can be read.
pub fn read(key: &str) -> Option<Workspace> {
    let text = local()?.get_item(key).ok().flatten()?;
    let v = serde_json::from_str::<Value>(&text).ok()?;
    Workspace::read_saved(&v).ok().map(|(ws, _)| ws)
}

/// Makes a copy of the tender under `key`, called "<title> (copy)". Gives the copy's key.
pub fn duplicate(key: &str) -> Result<String, String> {
    let mut ws = read(key).ok_or_else(|| {
        "it could not be read; open it, and its save is kept aside for you to download".to_string()
    })?;
    let title = format!("{} (copy)", title_of(&ws.tender));
    crate::pointer::set(&mut ws.tender, "/title", Some(Value::String(title)));
    create(&ws)
}

/// Renames the tender under `key` (one that this tab does not have open: the open one is
/// renamed by an edit, which can be undone).
pub fn rename(key: &str, title: &str) -> Result<(), String> {
    let storage = local().ok_or_else(no_storage)?;
    let mut ws = read(key).ok_or_else(|| "it could not be read".to_string())?;
    crate::pointer::set(&mut ws.tender, "/title", Some(Value::String(title.into())));
    if super::write(&storage, key, &stamped(&ws, &super::now()).to_string()) {
        Ok(())
    } else {
        Err(full())
    }
}

/// Deletes the tender under `key` (its save and its marker; a spare copy of an unreadable save
/// is kept), and takes it off the list.
pub fn delete(key: &str) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    let (mut index, _) = index(&storage);
    index.keys.retain(|k| k != key);
    let gone = storage.remove_item(key).is_ok();
    let _ = storage.remove_item(&super::marker_key(key));
    // The key must not come back as "unlisted": written after it is removed.
    gone && write_index(&storage, &index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tender_keys_are_tenders() {
        assert!(is_tender_key("ulo.workspace"));
        assert!(is_tender_key("ulo.workspace.12"));
        for not in [
            "ulo.workspace.",
            "ulo.workspace.last-save",
            "ulo.workspace.unreadable.1",
            "ulo.workspace.2.unreadable.1",
            "ulo.workspace.2.last-save",
            "ulo.tenders",
            "ulo.selfcheck",
        ] {
            assert!(!is_tender_key(not), "{not}");
        }
    }

    #[test]
    fn a_title_is_never_empty() {
        assert_eq!(title_of(&json!({"title": "  "})), "Untitled tender");
        assert_eq!(title_of(&json!({"title": "Advocacy"})), "Advocacy");
        assert_eq!(title_of(&json!({})), "Untitled tender");
    }
}

//! Autosave: the workspace is kept in the browser's local storage after every change and
//! restored on reload. The saved form carries a format number; older formats are migrated, and
//! anything unreadable is kept aside (never deleted) while the app starts from the example.

use crate::state::Workspace;
use gloo::storage::{LocalStorage, Storage};
use serde_json::{json, Value};

/// Where the workspace is saved.
pub const KEY: &str = "ulo.workspace";
/// Where an unreadable saved workspace is moved, so nothing is lost.
pub const UNREADABLE_KEY: &str = "ulo.workspace.unreadable";
/// The current format.
pub const FORMAT: u64 = 2;

/// What loading found.
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// A workspace, and whether it was migrated from an older format.
    Restored(Workspace, bool),
    /// Something saved that could not be read (kept under [`UNREADABLE_KEY`]).
    Unreadable(String),
}

/// The saved form of a workspace.
pub fn to_json(ws: &Workspace) -> Value {
    json!({
        "format": FORMAT,
        "saved_by": concat!("ulo ", env!("CARGO_PKG_VERSION")),
        "protocol": ws.protocol_text.as_deref(),
        "tender": ws.tender,
        "bids": ws.bids,
    })
}

/// Reads a saved workspace of any known format.
///
/// - Format 1 (ulo 0.1 previews) held `{"format": 1, "tender", "bids"}` and always used the
///   shipped protocol.
/// - Format 2 adds `"protocol"`: the text of a loaded protocol, or `null` for the shipped one.
pub fn from_json(v: &Value) -> Result<(Workspace, bool), String> {
    let format = v
        .get("format")
        .and_then(Value::as_u64)
        .ok_or("no format number")?;
    let doc = |k: &str| v.get(k).cloned().ok_or_else(|| format!("no \"{k}\""));
    match format {
        1 => Ok((
            Workspace {
                protocol_text: None,
                tender: doc("tender")?,
                bids: doc("bids")?,
            },
            true,
        )),
        2 => Ok((
            Workspace {
                protocol_text: v.get("protocol").and_then(Value::as_str).map(Into::into),
                tender: doc("tender")?,
                bids: doc("bids")?,
            },
            false,
        )),
        n => Err(format!("format {n} is newer than this version of ulo")),
    }
}

/// Loads the saved workspace.
pub fn load() -> Loaded {
    let Ok(text) = LocalStorage::raw().get_item(KEY) else {
        return Loaded::Nothing;
    };
    let Some(text) = text else {
        return Loaded::Nothing;
    };
    let parsed = serde_json::from_str::<Value>(&text)
        .map_err(|e| e.to_string())
        .and_then(|v| from_json(&v));
    match parsed {
        Ok((ws, migrated)) => Loaded::Restored(ws, migrated),
        Err(why) => {
            let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &text);
            Loaded::Unreadable(why)
        }
    }
}

/// Saves the workspace. Returns why not, if the browser refused (storage full or disabled).
pub fn save(ws: &Workspace) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(KEY, &to_json(ws).to_string())
        .map_err(|_| "the browser did not let ulo save your work (storage may be full or switched off); export it to keep it".to_string())
}

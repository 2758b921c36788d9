//! The commissioner's workspace as it is saved: a format number, the protocol's text (or `null`
//! for the shipped one), the tender and the bids. Older formats are migrated.

use super::{format, list_of_objects, object, Saved, Words};
use crate::state::Workspace;
use serde_json::{json, Value};

/// The current format.
pub const FORMAT: u64 = 2;

/// The saved form of a workspace (also the exported "work" file).
pub fn to_json(ws: &Workspace) -> Value {
    ws.to_json()
}

impl Saved for Workspace {
    const KEY: &'static str = "ulo.workspace";
    const WORDS: Words = Words {
        yours: "Your saved work",
        plain: "your work",
        restored: "Your saved work has been restored.",
        migrated: "Your saved work has been restored and updated to this version of ulo.",
        fresh: "the worked example",
        replace: "Start again from the example and replace it",
        file: "ulo-unreadable-save.txt",
        refused: "export it to keep it",
    };

    fn to_json(&self) -> Value {
        json!({
            "format": FORMAT,
            "saved_by": concat!("ulo ", env!("CARGO_PKG_VERSION")),
            "protocol": self.protocol_text.as_deref(),
            "tender": self.tender,
            "bids": self.bids,
        })
    }

    /// Reads a saved workspace of any known format, checked as a whole so that what is called
    /// restored can be edited: the tender and the bids must be objects, their lots and bids lists
    /// of objects, and the protocol text or `null`.
    ///
    /// - Format 1 (ulo 0.1 previews) held `{"format": 1, "tender", "bids"}` and always used the
    ///   shipped protocol.
    /// - Format 2 adds `"protocol"`: the text of a loaded protocol, or `null` for the shipped one.
    fn from_json(v: &Value) -> Result<(Workspace, bool), String> {
        let n = format(v, FORMAT)?;
        let tender = object(v, "tender")?;
        list_of_objects(tender, "tender", "lots")?;
        let bids = object(v, "bids")?;
        list_of_objects(bids, "bids", "bids")?;
        let protocol_text = match (n, v.get("protocol")) {
            (1, _) | (_, None | Some(Value::Null)) => None,
            (_, Some(Value::String(t))) => Some(t.as_str().into()),
            (_, Some(other)) => {
                return Err(format!(
                    "its \"protocol\" is {}, not text or null",
                    super::kind(other)
                ))
            }
        };
        Ok((
            Workspace {
                protocol_text,
                tender: tender.clone(),
                bids: bids.clone(),
            },
            n < FORMAT,
        ))
    }

    fn fresh() -> Workspace {
        Workspace::example()
    }
}

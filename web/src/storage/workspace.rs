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
    fn read_saved(v: &Value) -> Result<(Workspace, bool), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(tender: Value, bids: Value) -> Value {
        json!({"format": 2, "protocol": null, "tender": tender, "bids": bids})
    }

    #[test]
    fn a_saved_workspace_reads_back_as_it_was() {
        let ws = Workspace::example();
        assert_eq!(Workspace::read_saved(&ws.to_json()), Ok((ws, false)));
    }

    #[test]
    fn format_1_is_migrated_and_uses_the_shipped_protocol() {
        let v = json!({"format": 1, "protocol": "ignored", "tender": {}, "bids": {"bids": []}});
        let (ws, migrated) = Workspace::read_saved(&v).unwrap();
        assert!(migrated && ws.protocol_text.is_none());
    }

    #[test]
    fn a_workspace_that_could_not_be_edited_is_not_restored() {
        let bids = json!({"document": "bids", "bids": []});
        for (v, said) in [
            (saved(Value::Null, bids.clone()), "\"tender\" is null"),
            (saved(json!([]), bids.clone()), "\"tender\" is a list"),
            (
                saved(json!({"lots": {}}), bids.clone()),
                "\"tender\" \"lots\" is an object, not a list",
            ),
            (saved(json!({}), json!("bids")), "\"bids\" is text"),
            (
                saved(json!({}), json!({"bids": [1]})),
                "item 1 of its \"bids\" \"bids\"",
            ),
            (
                json!({"format": 2, "protocol": 7, "tender": {}, "bids": {}}),
                "\"protocol\" is a number",
            ),
            (json!({"format": 2, "bids": {}}), "no \"tender\""),
        ] {
            let why = Workspace::read_saved(&v).unwrap_err();
            assert!(why.contains(said), "{why} (expected {said})");
        }
    }
}

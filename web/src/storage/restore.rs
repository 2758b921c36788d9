//! Restoring work from a file: the one-file backup ("Download all your work (one file)", the
//! saved form itself) or a tender file. What is restored becomes a new tender in the list, so
//! nothing is ever overwritten; a file that cannot be restored is refused with what is wrong
//! and where, and nothing changes.

use super::workspace::FORMAT;
use super::Saved;
use crate::engine::{self, Document, Problems};
use crate::state::Workspace;
use serde_json::{json, Value};

/// What a restored file held.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Held {
    /// A backup of a whole tender's work.
    Backup,
    /// A tender file (its bids start empty).
    Tender,
}

/// Why a file was not restored.
#[derive(Clone, PartialEq)]
pub enum Refused {
    /// One plain sentence.
    Plain(String),
    /// The problems the core found in the tender (or protocol) it holds, each located.
    Problems(String, Problems),
}

/// Reads the file `name` with text `text` as a backup or a tender file, checked as a whole: the
/// format, the shape of every document, and the tender (and any protocol) as the core reads it.
pub fn read(name: &str, text: &str) -> Result<(Workspace, Held), Refused> {
    let plain = |why: String| {
        Refused::Plain(format!(
            "\"{name}\" was not restored: {why}. Your work is unchanged."
        ))
    };
    let v: Value = serde_json::from_str(text)
        .map_err(|e| plain(format!("it is not a JSON file that ulo can read ({e})")))?;
    if !v.is_object() {
        return Err(plain(format!(
            "it holds {}, not a ulo backup or tender",
            super::kind(&v)
        )));
    }
    if v.get("format").is_some() {
        let (ws, _) = super::format(&v, FORMAT)
            .and_then(|_| Workspace::read_saved(&v))
            .map_err(|why| plain(format!("it is a ulo backup, but {why}")))?;
        check(name, &ws)?;
        return Ok((ws, Held::Backup));
    }
    match v.get("document").and_then(Value::as_str) {
        Some("tender") => {
            let ws = Workspace::fresh();
            let tender = engine::import(Document::Tender, text, &ws).map_err(|p| {
                Refused::Problems(
                    format!("\"{name}\" was not restored: the tender in it has {}. Your work is unchanged.", problems(&p)),
                    p,
                )
            })?;
            let id = tender.get("id").cloned().unwrap_or(Value::Null);
            Ok((
                Workspace {
                    protocol_text: None,
                    tender,
                    bids: json!({"document": "bids", "tender": id, "bids": []}),
                },
                Held::Tender,
            ))
        }
        Some("bids") => Err(plain(
            "it is a bids file, which holds no tender; open the tender the bids belong to, and import them on its Bids screen"
                .into(),
        )),
        Some(other) => Err(plain(format!(
            "it is a \"{other}\" file, not a backup of your work or a tender"
        ))),
        None => Err(plain(
            "it is JSON, but not from ulo: a backup has a \"format\" number and a tender file says \"document\": \"tender\""
                .into(),
        )),
    }
}

/// A backup's protocol and tender, as the core reads them.
fn check(name: &str, ws: &Workspace) -> Result<(), Refused> {
    if let Some(text) = &ws.protocol_text {
        engine::import(Document::Protocol, text, ws).map_err(|p| {
            Refused::Problems(
                format!("\"{name}\" was not restored: the protocol in it has {}. Your work is unchanged.", problems(&p)),
                p,
            )
        })?;
    }
    engine::import(Document::Tender, &ws.tender.to_string(), ws).map_err(|p| {
        Refused::Problems(
            format!(
                "\"{name}\" was not restored: the tender in it has {}. Your work is unchanged.",
                problems(&p)
            ),
            p,
        )
    })?;
    Ok(())
}

fn problems(p: &Problems) -> String {
    match p.len() {
        1 => "a problem".into(),
        n => format!("{n} problems"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(r: Result<(Workspace, Held), Refused>) -> String {
        match r {
            Ok(_) => panic!("restored"),
            Err(Refused::Plain(s)) => s,
            Err(Refused::Problems(s, p)) => {
                let at: Vec<String> = p.iter().map(|x| x.pointer.to_string()).collect();
                format!("{s} {}", at.join(" "))
            }
        }
    }

    #[test]
    fn a_backup_restores_as_it_was_saved() {
        let ws = Workspace::example();
        let text = super::super::stamped(&ws, "2026-12-03T14:32:00.000Z").to_string();
        let (back, held) = read("b.json", &text).unwrap_or_else(|_| panic!("refused"));
        assert_eq!((back, held), (ws, Held::Backup));
    }

    #[test]
    fn a_tender_file_restores_with_no_bids() {
        let ws = Workspace::example();
        let (back, held) =
            read("t.json", &ws.tender.to_string()).unwrap_or_else(|_| panic!("refused"));
        assert_eq!(held, Held::Tender);
        assert_eq!(back.tender, ws.tender);
        assert_eq!(back.bids["bids"], json!([]));
        assert_eq!(back.bids["tender"], ws.tender["id"]);
    }

    #[test]
    fn a_bad_file_is_refused_saying_what_is_wrong_and_where() {
        let mut newer = Workspace::example().to_json();
        newer["format"] = json!(FORMAT + 1);
        let mut bad = Workspace::example().to_json();
        bad["tender"]["lots"][0]["value"] = json!(5);
        for (text, words) in [
            ("nope".to_string(), "not a JSON file that ulo can read"),
            ("{\"format\": 2,\n \"tender\": }".into(), "line 2"),
            ("[1]".into(), "holds a list"),
            ("{\"name\": \"x\"}".into(), "not from ulo"),
            (newer.to_string(), "newer than this version"),
            (
                json!({"document": "bids", "bids": []}).to_string(),
                "bids file",
            ),
            (
                json!({"format": 2, "bids": {}}).to_string(),
                "no \"tender\"",
            ),
            (bad.to_string(), "/lots/0/value"),
        ] {
            let s = said(read("f.json", &text));
            assert!(s.starts_with("\"f.json\" was not restored"), "{s}");
            assert!(s.contains(words), "{s} (expected {words})");
        }
    }
}

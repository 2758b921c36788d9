//! The JavaScript API: the one thin layer that owns the JS-facing types.
//!
//! A portal loads a protocol once into an [`Engine`] handle and calls it for each tender, so a
//! large protocol is never re-sent. Inputs and answers cross the boundary as JSON text (the
//! package's `ulo.js` turns them into plain objects); every answer is tagged in the manner of
//! cedar-wasm, `{"type": "success", "result", "warnings"}` or `{"type": "failure", "errors"}`,
//! each error with `code`, `message`, `help` and `pointer`. Invalid input never throws.

use serde::Serialize;
use ulo_core::{Document, ProblemReport, Problems, Protocol};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Answer<T: Serialize> {
    Success { result: T, warnings: Vec<String> },
    Failure { errors: Vec<ProblemReport> },
}

fn answer<T: Serialize>(r: Result<T, Problems>) -> String {
    let a = match r {
        Ok(result) => Answer::Success {
            result,
            warnings: Vec::new(),
        },
        Err(p) => Answer::Failure {
            errors: p.reports(),
        },
    };
    serde_json::to_string(&a).unwrap_or_else(|e| {
        format!(
            r#"{{"type":"failure","errors":[{{"code":"ulo::internal","message":{},"help":"report this to the ulo developers","pointer":"","document":"protocol"}}]}}"#,
            serde_json::Value::String(e.to_string())
        )
    })
}

/// A protocol read once, ready to check and score any number of tenders.
#[wasm_bindgen]
pub struct Engine {
    protocol: Protocol,
}

/// What `loadProtocol` gives back: the engine, or the problems with the protocol.
#[wasm_bindgen]
pub struct Loaded {
    engine: Option<Engine>,
    answer: String,
}

#[wasm_bindgen]
impl Loaded {
    /// The tagged answer as JSON: success with the protocol's id and version, or failure.
    #[wasm_bindgen(getter)]
    pub fn answer(&self) -> String {
        self.answer.clone()
    }

    /// The engine, when the protocol was valid (takes it out of this value).
    #[wasm_bindgen(js_name = takeEngine)]
    pub fn take_engine(&mut self) -> Option<Engine> {
        self.engine.take()
    }
}

#[derive(Serialize)]
struct ProtocolInfo<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    effective_date: String,
}

/// Reads and checks a protocol.
#[wasm_bindgen(js_name = loadProtocol)]
pub fn load_protocol(json: &str) -> Loaded {
    match Protocol::from_json(json) {
        Ok(protocol) => {
            let d = protocol.doc();
            let text = answer::<ProtocolInfo>(Ok(ProtocolInfo {
                id: &d.id,
                title: &d.title,
                version: &d.version,
                effective_date: d.effective_date.to_string(),
            }));
            Loaded {
                engine: Some(Engine { protocol }),
                answer: text,
            }
        }
        Err(p) => Loaded {
            engine: None,
            answer: answer::<()>(Err(p)),
        },
    }
}

/// The shipped User-Led Commissioning Protocol.
#[wasm_bindgen(js_name = shippedProtocol)]
pub fn shipped_protocol() -> Engine {
    Engine {
        protocol: Protocol::shipped(),
    }
}

#[wasm_bindgen]
impl Engine {
    /// Checks a tender's design for barriers.
    #[wasm_bindgen(js_name = checkTender)]
    pub fn check_tender(&self, tender: &str) -> String {
        answer(
            self.protocol
                .tender_from_json(tender)
                .map(|t| self.protocol.check_tender(&t)),
        )
    }

    /// Scores bids for a tender.
    pub fn score(&self, tender: &str, bids: &str) -> String {
        let p = &self.protocol;
        answer(p.tender_from_json(tender).and_then(|t| {
            p.bids_from_json(&t, bids).and_then(|b| p.score(&t, &b))
        }))
    }

    /// Runs a bidder's self-check.
    #[wasm_bindgen(js_name = selfCheck)]
    pub fn self_check(&self, tender: &str, draft: &str) -> String {
        let p = &self.protocol;
        answer(p.tender_from_json(tender).and_then(|t| {
            p.checked_draft_from_json(&t, draft)
                .and_then(|d| p.self_check(&t, &d))
        }))
    }
}

/// Checks a document on its own (`kind`: "protocol", "tender", "bids", "self-check"): exactly
/// what its schema accepts and, for a protocol, its consistency.
#[wasm_bindgen]
pub fn validate(kind: &str, json: &str) -> String {
    match Document::from_tag(kind) {
        Some(doc) => answer(ulo_core::validate(doc, json).map(|_| serde_json::Value::Null)),
        None => answer::<()>(Err(Problems(vec![ulo_core::Problem::new(
            Document::Protocol,
            "",
            ulo_core::ProblemKind::InvalidValue {
                found: format!("\"{}\"", kind.chars().take(40).collect::<String>()),
                expected: "a kind of document: \"protocol\", \"tender\", \"bids\" or \"self-check\"".into(),
            },
        )]))),
    }
}

//! The JavaScript API: the one thin layer that owns the JS-facing types.
//!
//! A portal loads a protocol once into an [`Engine`] handle and calls it for each tender, so a
//! large protocol is never re-sent. Documents cross the boundary as JSON text and answers come
//! back as JSON text: the package's hand-written `ulo.js` turns plain JS objects into text and
//! answers back into objects. Text keeps `serde-wasm-bindgen` (and its code size) out of the
//! package, and lets the core's strict parser see the portal's own text when it passes a string,
//! so a duplicate key is refused instead of silently dropped by `JSON.parse`.
//!
//! Every answer is tagged, in the manner of cedar-wasm: `{"type": "success", "result",
//! "warnings"}` or `{"type": "failure", "errors"}`, each error with `code`, `message`, `help` and
//! JSON `pointer`. Invalid input never throws: it is a failure answer.

use serde::Serialize;
use ulo_core::ocds::{self, Import};
use ulo_core::{CappedReports, Document, ProblemKind, Problems, Protocol, PROBLEMS_LISTED};
use wasm_bindgen::prelude::*;

/// A note that does not stop the call but that the portal should show.
#[derive(Serialize)]
struct Warning {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Answer<T: Serialize> {
    Success {
        result: T,
        warnings: Vec<Warning>,
    },
    /// `{"type": "failure", "errors": [...], "more": N}`: at most [`PROBLEMS_LISTED`] problems
    /// one by one and the count of the rest, so a document with 200,000 unknown keys answers in
    /// a few kilobytes instead of tens of megabytes.
    Failure(CappedReports),
}

/// Serialises an answer. Serialising the result types cannot fail (they hold strings, numbers
/// and lists), but if it ever did the portal still gets a failure answer, not an exception.
fn to_text<T: Serialize>(a: &Answer<T>) -> String {
    serde_json::to_string(a).unwrap_or_else(|e| {
        format!(
            r#"{{"type":"failure","errors":[{{"code":"ulo::internal","document":"protocol","pointer":"","message":{},"help":"report this to the ulo developers"}}]}}"#,
            serde_json::Value::String(e.to_string())
        )
    })
}

fn answer<T: Serialize>(r: Result<T, Problems>) -> String {
    match r {
        Ok(result) => to_text(&Answer::Success {
            result,
            warnings: Vec::new(),
        }),
        Err(p) => to_text::<()>(&Answer::Failure(p.capped(PROBLEMS_LISTED))),
    }
}

/// A protocol read once, ready to check and score any number of tenders.
#[wasm_bindgen]
pub struct Engine {
    protocol: Protocol,
}

/// What `loadProtocol` gives back: the tagged answer, and the engine when the protocol is valid.
#[wasm_bindgen]
pub struct Loaded {
    engine: Option<Engine>,
    answer: String,
}

#[wasm_bindgen]
impl Loaded {
    /// The tagged answer as JSON: success with the protocol's id, title, version and effective
    /// date, or failure with the problems.
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
    digest: &'a str,
}

fn info(p: &Protocol) -> ProtocolInfo<'_> {
    let d = p.doc();
    ProtocolInfo {
        id: &d.id,
        title: &d.title,
        version: &d.version,
        effective_date: d.effective_date.to_string(),
        digest: p.digest(),
    }
}

/// Reads and checks a protocol.
#[wasm_bindgen(js_name = loadProtocol)]
pub fn load_protocol(json: &str) -> Loaded {
    match Protocol::from_json(json) {
        Ok(protocol) => {
            let text = answer::<ProtocolInfo>(Ok(info(&protocol)));
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

/// The engine's version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Warnings for an import: what a portal should say before offering the draft.
fn import_warnings(i: &Import) -> Vec<Warning> {
    let mut w = Vec::new();
    let required = i.to_supply.iter().filter(|s| s.required).count();
    if !i.complete {
        w.push(Warning {
            code: "ulo::ocds-draft-incomplete",
            message: format!(
                "the draft tender cannot be checked yet: {required} required value{} the notice does not give must be supplied first",
                if required == 1 { "" } else { "s" }
            ),
        });
    }
    let tags = &i.source.tags;
    if tags
        .iter()
        .any(|t| t.starts_with("award") || t.starts_with("contract"))
    {
        w.push(Warning {
            code: "ulo::ocds-not-a-tender-notice",
            message: "this release records an award or contract; its tender section describes a procurement that has already run".into(),
        });
    }
    w
}

#[wasm_bindgen]
impl Engine {
    /// The protocol's id, title, version, effective date and digest, as JSON.
    pub fn info(&self) -> String {
        answer::<ProtocolInfo>(Ok(info(&self.protocol)))
    }

    /// Checks a tender's design for barriers.
    #[wasm_bindgen(js_name = checkTender)]
    pub fn check_tender(&self, tender: &str) -> String {
        answer(
            self.protocol
                .tender_from_json(tender)
                .map(|t| self.protocol.check_tender(&t)),
        )
    }

    /// Scores bids for a tender in summary (every bid's figures, no explanations), explaining
    /// in full the bids whose ids `explain` lists, one to a line (a bid id never holds a line
    /// break; text rather than a JSON list keeps another deserialiser out of the package).
    #[wasm_bindgen(js_name = scoreSummary)]
    pub fn score_summary(&self, tender: &str, bids: &str, explain: &str) -> String {
        let p = &self.protocol;
        let explain: Vec<String> = explain
            .split('\n')
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect();
        answer(p.tender_from_json(tender).and_then(|t| {
            p.bids_from_json(&t, bids)
                .and_then(|b| p.summary(&t, &b, &explain))
        }))
    }

    /// Scores bids for a tender: the full result, every figure explained (refused, before
    /// scoring, past the engine's limit; see `scoreSummary`).
    pub fn score(&self, tender: &str, bids: &str) -> String {
        let p = &self.protocol;
        answer(
            p.tender_from_json(tender)
                .and_then(|t| p.bids_from_json(&t, bids).and_then(|b| p.score(&t, &b))),
        )
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

    /// Builds a draft tender from an OCDS release, record or package, with the account of what
    /// mapped, what did not and what is still to supply.
    #[wasm_bindgen(js_name = importOcds)]
    pub fn import_ocds(&self, ocds_json: &str) -> String {
        match ocds::import_json(&self.protocol, ocds_json) {
            Ok(i) => {
                let warnings = import_warnings(&i);
                to_text(&Answer::Success {
                    result: i,
                    warnings,
                })
            }
            Err(e) => to_text::<()>(&Answer::Failure(CappedReports {
                errors: e.0,
                more: 0,
            })),
        }
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
            ProblemKind::InvalidValue {
                found: format!("\"{}\"", kind.chars().take(40).collect::<String>()),
                expected:
                    "a kind of document: \"protocol\", \"tender\", \"bids\" or \"self-check\""
                        .into(),
            },
        )]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn answers_are_tagged() {
        let e = shipped_protocol();
        let ok = parse(&e.check_tender(ulo_core::shipped::EXAMPLE_TENDER));
        assert_eq!(ok["type"], "success");
        assert_eq!(ok["warnings"], serde_json::json!([]));
        assert_eq!(ok["result"]["document"], "tender-check");
        let bad = parse(&e.check_tender("{"));
        assert_eq!(bad["type"], "failure");
        assert_eq!(bad["errors"][0]["code"], "ulo::json-syntax");
        let bad = parse(&validate("poem", "{}"));
        assert_eq!(bad["errors"][0]["code"], "ulo::invalid-value");
        let imp = parse(&e.import_ocds("{\"ocid\": \"ocds-x-1\", \"tender\": {}}"));
        assert_eq!(imp["type"], "success");
        assert_eq!(imp["warnings"][0]["code"], "ulo::ocds-draft-incomplete");
        let imp = parse(&e.import_ocds("[]"));
        assert_eq!(imp["errors"][0]["document"], "ocds");
        let s = parse(&e.score_summary(
            ulo_core::shipped::EXAMPLE_TENDER,
            ulo_core::shipped::EXAMPLE_BIDS,
            "",
        ));
        assert_eq!(s["result"]["document"], "score-summary");
        assert_eq!(s["result"]["explained"], serde_json::json!([]));
        let bad = parse(&e.score_summary(
            ulo_core::shipped::EXAMPLE_TENDER,
            ulo_core::shipped::EXAMPLE_BIDS,
            "nobody\n",
        ));
        assert_eq!(bad["errors"][0]["code"], "ulo::unknown-reference");
        let mut loaded = load_protocol("{}");
        assert!(loaded.take_engine().is_none());
        assert_eq!(parse(&loaded.answer())["type"], "failure");
    }

    #[test]
    fn a_long_problem_list_is_capped_with_the_count_of_the_rest() {
        let e = shipped_protocol();
        let mut tender: Value = parse(ulo_core::shipped::EXAMPLE_TENDER);
        for k in 0..20_000 {
            tender[format!("unknown{k}")] = Value::Bool(true);
        }
        let bad = parse(&e.check_tender(&tender.to_string()));
        assert_eq!(bad["type"], "failure");
        assert_eq!(
            bad["errors"].as_array().map(Vec::len),
            Some(PROBLEMS_LISTED)
        );
        assert_eq!(bad["more"], 20_000 - PROBLEMS_LISTED);
        // A short list is whole, with no count.
        let bad = parse(&e.check_tender("{"));
        assert!(bad.get("more").is_none());
    }
}

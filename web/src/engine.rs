//! The app's only door to the rules: every figure the app shows comes through here from
//! `ulo-core`. Nothing in the app computes, rounds or ranks.

use crate::state::Workspace;
use serde_json::Value;
use std::rc::Rc;
use ulo_core::report::EligibilityResult;
use ulo_core::what_if::Sweep;
use ulo_core::{Document, Exact, Problems, Protocol, ScoreResult, TenderCheck};

/// Everything the core says about the workspace, worked out once per change.
pub struct Model {
    /// The protocol, or why it cannot be read.
    pub protocol: Result<Rc<Protocol>, Problems>,
    /// Problems with the tender (empty when it is valid).
    pub tender_problems: Option<Problems>,
    /// The barrier check, when the tender is valid.
    pub check: Option<Rc<TenderCheck>>,
    /// Problems with the bids (empty when they are valid).
    pub bid_problems: Option<Problems>,
    /// The scores, when everything is valid.
    pub result: Option<Rc<ScoreResult>>,
}

impl Model {
    /// Reads and scores the workspace.
    pub fn of(ws: &Workspace) -> Model {
        let protocol = match ws.protocol() {
            Ok(p) => Rc::new(p),
            Err(e) => {
                return Model {
                    protocol: Err(e),
                    tender_problems: None,
                    check: None,
                    bid_problems: None,
                    result: None,
                }
            }
        };
        let tender = protocol.tender(&ws.tender);
        let (tender_problems, check, bid_problems, result) = match &tender {
            Err(p) => (
                Some(p.clone()),
                None,
                ulo_core::bids::read(&ws.bids).err(),
                None,
            ),
            Ok(t) => {
                let check = Some(Rc::new(protocol.check_tender(t)));
                match protocol.bids(t, &ws.bids) {
                    Err(p) => (None, check, Some(p), None),
                    Ok(b) => match protocol.score(t, &b) {
                        Ok(r) => (None, check, None, Some(Rc::new(r))),
                        Err(p) => (None, check, Some(p), None),
                    },
                }
            }
        };
        Model {
            protocol: Ok(protocol),
            tender_problems,
            check,
            bid_problems,
            result,
        }
    }
}

/// The eligibility verdict for an organisation profile, as it stands in a form.
pub fn eligibility(
    protocol: &Protocol,
    organisation: &Value,
) -> Result<EligibilityResult, Problems> {
    let org = ulo_core::bids::read_organisation_value(organisation, Document::Bids)?;
    Ok(ulo_core::eligibility::assess(protocol, &org).1)
}

/// The what-if sweep of one weight against a partner.
pub fn sweep(
    protocol: &Protocol,
    ws: &Workspace,
    criterion: &str,
    partner: &str,
) -> Result<Sweep, Problems> {
    let half = Exact::ratio(1, 2).map_err(|_| Problems(Vec::new()))?;
    protocol.sweep(&ws.tender, &ws.bids, criterion, partner, half)
}

/// The result as CSV.
pub fn csv(result: &ScoreResult) -> String {
    ulo_core::export::csv(result)
}

/// Reads an imported file as the given kind of document, checking it as far as the rest of the
/// workspace allows (a tender against the protocol; bids against the tender, when it is valid).
/// The workspace is changed only if this succeeds.
pub fn import(kind: Document, text: &str, ws: &Workspace) -> Result<Value, Problems> {
    let value = ulo_core::json::parse(text, kind).map_err(|p| Problems(vec![p]))?;
    if let Some(found) = ulo_core::document_kind(&value) {
        if found != kind {
            return Err(Problems(vec![ulo_core::Problem::new(
                kind,
                "/document",
                ulo_core::ProblemKind::WrongDocument {
                    found: found.tag().into(),
                    expected: kind.tag(),
                },
            )]));
        }
    }
    match kind {
        Document::Protocol => {
            Protocol::from_value(&value)?;
        }
        Document::Tender => {
            ws.protocol()?.tender(&value)?;
        }
        Document::Bids => {
            let protocol = ws.protocol()?;
            match protocol.tender(&ws.tender) {
                Ok(t) => {
                    protocol.bids(&t, &value)?;
                }
                Err(_) => {
                    ulo_core::bids::read(&value)?;
                }
            }
        }
        Document::SelfCheck => {
            ulo_core::bids::read_draft(&value)?;
        }
    }
    Ok(value)
}

/// The plain-English sentence for a trace.
pub fn explain(trace: &ulo_core::explain::Trace) -> String {
    ulo_core::explain::render(trace)
}

/// The criteria the panel scores, in tree order: (id, title, question, scale). What the scoring
/// forms ask about; read from the protocol, never worked out.
pub fn panel_criteria(
    p: &Protocol,
) -> Vec<(String, String, Option<String>, ulo_core::protocol::Scale)> {
    use ulo_core::protocol::{CriterionBody, Method};
    p.tree()
        .iter()
        .filter_map(|n| {
            let c = p.criterion(&n.id)?;
            match &c.body {
                CriterionBody::Leaf(Method::Panel { scale, .. }) => Some((
                    c.id.clone(),
                    c.title.clone(),
                    c.description.clone(),
                    p.scale(scale)?.clone(),
                )),
                _ => None,
            }
        })
        .collect()
}

/// A tender's lots as (id, label) for a drop-down list.
pub fn lot_options(tender: &Value) -> Vec<(String, String)> {
    tender
        .get("lots")
        .and_then(Value::as_array)
        .map(|ls| {
            ls.iter()
                .filter_map(|l| {
                    let id = l.get("id")?.as_str()?;
                    let title = l.get("title").and_then(Value::as_str).unwrap_or("");
                    Some((id.to_string(), format!("{title} ({id})")))
                })
                .collect()
        })
        .unwrap_or_default()
}

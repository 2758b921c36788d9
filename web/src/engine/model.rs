//! What the core says about the commissioner's workspace, worked out once per change.

use crate::state::Workspace;
use std::rc::Rc;
use ulo_core::regime::Decision;
use ulo_core::{Problems, Protocol, ScoreResult, TenderCheck};

/// Everything the core says about the workspace.
pub struct Model {
    /// The protocol, or why it cannot be read.
    pub protocol: Result<Rc<Protocol>, Problems>,
    /// Problems with the tender (empty when it is valid).
    pub tender_problems: Option<Problems>,
    /// Which law governs the tender, as the core decides it from the tender's `procurement`
    /// block, whenever the tender is valid. Shown on the tender screen under any protocol, so
    /// that the commissioner sees the decision while giving its facts; results carry it only
    /// when the protocol is regime-aware.
    pub regime: Option<Rc<Decision>>,
    /// Whether the protocol's rules depend on the regime (false for ulcp 1.0.0).
    pub regime_aware: bool,
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
        let protocol = match protocol(ws) {
            Ok(p) => Rc::new(p),
            Err(e) => {
                return Model {
                    protocol: Err(e),
                    tender_problems: None,
                    regime: None,
                    regime_aware: false,
                    check: None,
                    bid_problems: None,
                    result: None,
                }
            }
        };
        let tender = protocol.tender(&ws.tender);
        let regime = tender.as_ref().ok().map(|t| Rc::new(t.regime().clone()));
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
            regime_aware: protocol.regime_aware(),
            protocol: Ok(protocol),
            tender_problems,
            regime,
            check,
            bid_problems,
            result,
        }
    }
}

/// The workspace's protocol, read by the core: the shipped one (read once and cached by the
/// core) or the text the user loaded.
pub(super) fn protocol(ws: &Workspace) -> Result<Protocol, Problems> {
    match &ws.protocol_text {
        None => Ok(Protocol::shipped()),
        Some(text) => Protocol::from_json(text),
    }
}

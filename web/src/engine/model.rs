//! What the core says about the commissioner's workspace, worked out once per change.

use crate::state::Workspace;
use std::rc::Rc;
use ulo_core::{Problems, Protocol, ScoreResult, TenderCheck};

/// Everything the core says about the workspace.
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
        let protocol = match protocol(ws) {
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

/// The workspace's protocol, read by the core: the shipped one (read once and cached by the
/// core) or the text the user loaded.
pub(super) fn protocol(ws: &Workspace) -> Result<Protocol, Problems> {
    match &ws.protocol_text {
        None => Ok(Protocol::shipped()),
        Some(text) => Protocol::from_json(text),
    }
}

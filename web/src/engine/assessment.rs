//! What the core says about a bidder's self-check, worked out once per change.

use serde_json::Value;
use std::rc::Rc;
use ulo_core::regime::Decision;
use ulo_core::{CheckedDraft, Problems, Protocol, SelfCheckResult, Tender};

/// Everything the core says about the self-check.
pub struct Assessment {
    /// The protocol (the shipped one).
    pub protocol: Rc<Protocol>,
    /// The tender, read and checked, or its problems.
    pub tender: Option<Result<Tender, Problems>>,
    /// Which law governs the chosen tender, when the protocol's rules depend on it: shown as
    /// soon as the tender is chosen, before the bidder answers anything.
    pub regime: Option<Decision>,
    /// Problems with the draft, once a tender is chosen.
    pub draft_problems: Option<Problems>,
    /// The result, when the draft can be checked.
    pub result: Option<Rc<SelfCheckResult>>,
}

impl Assessment {
    /// Checks a draft against the tender chosen (`None`: none chosen yet).
    pub fn of(tender: Option<&Value>, draft: &Value) -> Assessment {
        let protocol = Rc::new(Protocol::shipped());
        let tender = tender.map(|t| protocol.tender(t));
        let (draft_problems, result) = match &tender {
            Some(Ok(t)) => match protocol
                .checked_draft(t, draft)
                .and_then(|d: CheckedDraft| protocol.self_check(t, &d))
            {
                Ok(r) => (None, Some(Rc::new(r))),
                Err(p) => (Some(p), None),
            },
            _ => (None, None),
        };
        let regime = match &tender {
            Some(Ok(t)) if protocol.regime_aware() => Some(t.regime().clone()),
            _ => None,
        };
        Assessment {
            protocol,
            tender,
            regime,
            draft_problems,
            result,
        }
    }
}

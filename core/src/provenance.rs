//! What a result rests on: the protocol, tender and rounding it was worked out under, named in
//! every result so that anyone can tell which rules and which tender produced it.

use crate::protocol::Protocol;
use crate::regime::Decision;
use crate::report::{ProtocolRef, RoundingRef, TenderRef};
use crate::tender::Tender;

/// The protocol a result was worked out under: id, title, version and effective date.
pub(crate) fn protocol_ref(p: &Protocol) -> ProtocolRef {
    let d = p.doc();
    ProtocolRef {
        id: d.id.clone(),
        title: d.title.clone(),
        version: d.version.clone(),
        effective_date: d.effective_date.to_string(),
    }
}

/// The tender a result is about: id, title and authority.
pub(crate) fn tender_ref(t: &Tender) -> TenderRef {
    let d = t.doc();
    TenderRef {
        id: d.id.clone(),
        title: d.title.clone(),
        authority: d.authority.clone(),
    }
}

/// How a result's marks were rounded, as the protocol says.
pub(crate) fn rounding_ref(p: &Protocol) -> RoundingRef {
    let r = p.doc().rounding;
    RoundingRef {
        places: r.places,
        mode: r.mode,
    }
}

/// The regime decision a result shows first, for a protocol that knows regimes.
pub(crate) fn regime(p: &Protocol, t: &Tender) -> Option<Decision> {
    p.regime_aware().then(|| t.regime().clone())
}

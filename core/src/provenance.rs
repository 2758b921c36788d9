//! What a result rests on: the protocol, tender and rounding it was worked out under, named in
//! every result so that anyone can tell which rules and which tender produced it.

use crate::protocol::Protocol;
use crate::regime::Decision;
use crate::report::{EngineRef, ProtocolRef, RoundingRef, TenderRef};
use crate::tender::Tender;

/// What every result names first: the engine, the protocol, the tender, and the hash of all the
/// inputs it was worked out from.
pub(crate) struct Header {
    /// The engine.
    pub engine: EngineRef,
    /// The protocol.
    pub protocol: ProtocolRef,
    /// The tender.
    pub tender: TenderRef,
    /// Hash of the inputs: the protocol, the tender, then the others.
    pub input_hash: String,
    /// Which law governs the tender, for a protocol that knows regimes.
    pub regime: Option<Decision>,
}

/// The header of a result worked out under `protocol` for `tender` from the `others` documents
/// besides them (each named, with its digest).
pub(crate) fn header(protocol: &Protocol, tender: &Tender, others: &[(&str, &str)]) -> Header {
    let mut inputs = vec![("protocol", protocol.digest()), ("tender", tender.digest())];
    inputs.extend_from_slice(others);
    Header {
        engine: EngineRef::this(),
        protocol: protocol_ref(protocol),
        tender: tender_ref(tender),
        input_hash: crate::audit::input_hash(&inputs),
        regime: regime(protocol, tender),
    }
}

/// The protocol a result was worked out under: id, title, version and effective date.
fn protocol_ref(p: &Protocol) -> ProtocolRef {
    let d = p.doc();
    ProtocolRef {
        id: d.id.clone(),
        title: d.title.clone(),
        version: d.version.clone(),
        effective_date: d.effective_date.to_string(),
    }
}

/// The tender a result is about: id, title and authority.
fn tender_ref(t: &Tender) -> TenderRef {
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
fn regime(p: &Protocol, t: &Tender) -> Option<Decision> {
    p.regime_aware().then(|| t.regime().clone())
}

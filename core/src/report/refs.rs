//! A result's header: which kind of result it is, and which engine, protocol, tender and
//! rounding produced it (see `crate::provenance`, which fills it in).

use crate::choice::choice;
use crate::exact::RoundingMode;
use serde::Serialize;

choice! {
    /// Which result a document is: its `document` field, so that a reader of a saved result
    /// knows which shape follows.
    #[derive(Hash)]
    pub enum ResultDocument as "a kind of result" {
        /// A barrier check ([`TenderCheck`](super::TenderCheck)).
        TenderCheck = "tender-check",
        /// Scores and rankings ([`ScoreResult`](super::ScoreResult)).
        ScoreResult = "score-result",
        /// A bidder's self-check ([`SelfCheckResult`](super::SelfCheckResult)).
        SelfCheckResult = "self-check-result",
        /// Scores and rankings without the explanations, with the full explanation of the bids
        /// asked for by name ([`ScoreSummary`](super::ScoreSummary)).
        ScoreSummary = "score-summary",
    }
}

choice! {
    /// The engine's name in a result's header: a set of one word (the schema's `const`), so
    /// that a result read back names no other engine.
    #[derive(Hash)]
    pub enum EngineName as "an engine name" {
        /// This engine.
        Ulo = "ulo",
    }
}

/// Which engine produced a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct EngineRef {
    /// Always `ulo`.
    pub name: EngineName,
    /// The engine's version.
    pub version: &'static str,
}

impl EngineRef {
    /// This engine.
    #[must_use]
    pub fn this() -> EngineRef {
        EngineRef {
            name: EngineName::Ulo,
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Which protocol a result applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ProtocolRef {
    /// Id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// Effective date.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::IsoDate"))]
    pub effective_date: String,
}

/// Which tender a result is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TenderRef {
    /// Id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub id: String,
    /// Title.
    pub title: String,
    /// Contracting authority.
    pub authority: String,
}

/// The rounding applied to marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoundingRef {
    /// Decimal places.
    pub places: u32,
    /// Mode.
    pub mode: RoundingMode,
}

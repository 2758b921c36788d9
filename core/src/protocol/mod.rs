//! The protocol: the rules a council or consortium adopts, once, and scores every tender by.
//!
//! Reading happens in two steps that mirror the public contract. [`read`] turns JSON into the
//! typed model ([`ProtocolDoc`]) and accepts exactly what `schemas/protocol.schema.json` accepts.
//! [`Protocol::compile`] then checks what a schema cannot (weights that make 100, references that
//! exist, bands in order) and yields a [`Protocol`] that scores any number of tenders without
//! being read again.
//!
//! This module holds the compiled [`Protocol`] and how to look things up in it. What a protocol
//! is used for (reading tenders and bids against it, checking and scoring them) lives in the
//! domain modules, which take a `&Protocol`; the crate root gathers those operations as methods.

mod compile;
mod model;
mod read;

pub use compile::{LeafInfo, TreeNode};
pub use model::{
    AbnormallyLow, Affordability, Applies, AwardModel, Band, BarrierRule, BidFact, Criterion,
    CriterionBody, Declaration, Eligibility, EligibilityRule, EligibilityTest, Gate, Holding,
    LegalForm, LowBenchmark, Method, Minimum, ModelKind, Moderation, ModerationMethod, OverCeiling,
    PriceFormula, ProtocolDoc, Rounding, Scale, ScalePoint, ShareOp, TieBreak, Tunable, WeightsAs,
};
#[cfg(feature = "record-fields")]
pub(crate) use read::read_doc;
pub use read::{read, MAX_CRITERIA_DEPTH, PROTOCOL_FIELDS};
// Kept at their old paths for the modules that still name them here (award/, ocds.rs).
pub(crate) use crate::read::{TEXT_MAX, TITLE_MAX};
pub(crate) use crate::vocab::{Category, Cite};

use crate::error::{Document, Problems};
use crate::facts::{built_in_bid_fact_title, BidFactKind, TenderFact, BUILT_IN_BID_FACTS};
use crate::vocab::Source;
use compile::Index;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A protocol checked and ready to score: read once, used for any number of tenders and bids.
#[derive(Clone, Debug)]
pub struct Protocol {
    doc: ProtocolDoc,
    digest: String,
    index: Index,
}

impl Protocol {
    /// Parses, reads and checks a protocol from JSON text.
    ///
    /// # Errors
    ///
    /// The JSON is not well formed, or the protocol breaks its schema or is not
    /// consistent: every problem, each located by a JSON pointer.
    pub fn from_json(text: &str) -> Result<Protocol, Problems> {
        let value = crate::json::parse(text, Document::Protocol).map_err(|p| Problems(vec![p]))?;
        Protocol::from_value(&value)
    }

    /// Reads and checks a protocol from a parsed JSON value.
    ///
    /// # Errors
    ///
    /// The protocol breaks its schema or is not consistent: every problem, each located.
    pub fn from_value(value: &Value) -> Result<Protocol, Problems> {
        let doc = read(value)?;
        Protocol::compile(doc, crate::audit::digest(value))
    }

    /// Checks a read protocol for what the schema cannot express, and prepares it for scoring.
    ///
    /// # Errors
    ///
    /// The protocol is not consistent (weights, references, bands, scales): every
    /// problem, each located.
    pub fn compile(doc: ProtocolDoc, digest: String) -> Result<Protocol, Problems> {
        let index = compile::compile(&doc)?;
        Ok(Protocol { doc, digest, index })
    }

    /// The protocol shipped with ulo, the User-Led Commissioning Protocol, read and checked
    /// once per process.
    ///
    /// # Panics
    ///
    /// Never in a release: the shipped protocol is checked by the test suite.
    #[must_use]
    pub fn shipped() -> Protocol {
        static CELL: OnceLock<Protocol> = OnceLock::new();
        CELL.get_or_init(|| match Protocol::from_json(crate::shipped::PROTOCOL) {
            Ok(p) => p,
            Err(e) => panic!("the shipped protocol is invalid: {e}"),
        })
        .clone()
    }

    /// The protocol as read.
    #[must_use]
    pub fn doc(&self) -> &ProtocolDoc {
        &self.doc
    }

    /// SHA-256 of the protocol's canonical JSON, for the audit trail.
    #[must_use]
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// A criterion by id.
    #[must_use]
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.index.criteria.get(id)
    }

    /// Every criterion id, in tree order.
    #[must_use]
    pub fn criterion_ids(&self) -> Vec<String> {
        self.index.tree.iter().map(|n| n.id.clone()).collect()
    }

    /// Every criterion's place in the tree, in tree order (depth first).
    #[must_use]
    pub fn tree(&self) -> &[TreeNode] {
        &self.index.tree
    }

    /// A criterion's position in [`Protocol::tree`].
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.positions.get(id).copied()
    }

    /// A leaf criterion's resolved category and path.
    #[must_use]
    pub fn leaf(&self, id: &str) -> Option<&LeafInfo> {
        self.index.leaves.get(id)
    }

    /// A source by id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index.sources.get(id)
    }

    /// Every source by id, for resolving citations.
    #[must_use]
    pub fn sources(&self) -> &BTreeMap<String, Source> {
        &self.index.sources
    }

    /// A scale by id.
    #[must_use]
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.doc.scales.iter().find(|s| s.id == id)
    }

    /// The tunable range of a criterion's weight, if tenders may tune it.
    #[must_use]
    pub fn tunable(&self, id: &str) -> Option<&Tunable> {
        self.doc.tunable.iter().find(|t| t.criterion == id)
    }

    /// The kind of a bid fact, built in or declared.
    #[must_use]
    pub fn bid_fact(&self, id: &str) -> Option<BidFactKind> {
        BUILT_IN_BID_FACTS
            .iter()
            .find(|(n, _)| *n == id)
            .map(|(_, k)| *k)
            .or_else(|| {
                self.doc
                    .bid_facts
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.kind)
            })
    }

    /// The title of a bid fact, for explanations.
    #[must_use]
    pub fn bid_fact_title(&self, id: &str) -> String {
        built_in_bid_fact_title(id)
            .map(str::to_string)
            .or_else(|| {
                self.doc
                    .bid_facts
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.title.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }

    /// Whether the protocol's rules know regimes (any rule says under which regimes it holds):
    /// then results show the regime first and speak of law and policy. A protocol written
    /// before regimes (ulcp 1.0.0) gives results byte for byte as it always did.
    #[must_use]
    pub fn regime_aware(&self) -> bool {
        self.doc
            .barriers
            .iter()
            .any(|b| matches!(b.holding, Holding::ByRegime(_)))
    }

    /// Whether a tender fact is used by any rule (for the importer's "still to supply" list).
    #[must_use]
    pub fn uses_fact(&self, fact: TenderFact) -> bool {
        self.doc.barriers.iter().any(|b| b.require.uses(fact))
    }
}

//! Importing a tender from Open Contracting Data Standard (OCDS) data.
//!
//! Councils already publish their tenders as OCDS (Contracts Finder, Find a Tender, Public
//! Contracts Scotland, Sell2Wales), so a commissioner should not have to retype what is already
//! published before ulo can check it. [`import`] reads what an OCDS release or record says about
//! a tender's design and builds a draft ulo tender document from it, with a full account:
//!
//! - **mapped**: which OCDS field (a JSON pointer into the input) went to which ulo field (a
//!   pointer into the draft), with the value, and a note where the value was converted;
//! - **not mapped**: which OCDS fields were present but could not be used, and why;
//! - **to supply**: what the commissioner must still add, required fields first, then the facts
//!   the protocol's barrier rules use that the notice does not give;
//! - whether the draft is **complete** (it passes [`Protocol::tender`]) and, if not, the
//!   problems the engine finds with it.
//!
//! The draft's `procurement` block carries what the notice says about which law applies (the
//! buyer's nation, when the procurement began, the CPV codes, the value including VAT, and a
//! regime its legal basis names outright), so that a regime-aware protocol can decide the regime
//! from the published notice; each of these facts it leaves out is listed to supply with the
//! reason (see `map::procurement` for the OCDS fields read).
//!
//! It never guesses. A value the notice does not give stays missing, so the barrier check says
//! "not stated" rather than passing quietly; figures written in prose are not read out of it;
//! a price weight is only carried over when the protocol's weights still make 100 without
//! choosing which other weight to change. Conversions that are arithmetic, not judgement (a
//! date-time to its date, a contract period to whole months, `0.3` as a decimal weight to 30%),
//! are made and each is noted.
//!
//! Accepted inputs: a release package holding one release, a record package holding one record,
//! a single release, or a record with its `compiledRelease`. Like the rest of the core this is
//! pure: no I/O, no clock, no floating-point arithmetic (OCDS numbers are read through their
//! shortest decimal text), and no panic on any input.
//!
//! The import runs in stages, one module each: `release` finds the release to read and says
//! what it is; `map` carries what it says about the tender's design into a typed `draft`
//! tender (reading OCDS values through `values`); `unused` accounts for everything present but
//! not carried over; `supply` reads what is still to supply off the draft's missing fields.
//! Problems that stop an import are the core's own ([`crate::error::OcdsProblem`]).

mod draft;
mod map;
mod release;
mod skipped;
mod supply;
mod unused;
mod values;

pub use draft::Mapped;
pub use map::{AwardCriterion, WeightFrom};
pub use map::{EXTENSION_WORDS, PLACEHOLDER_BELOW, PORTALS};
pub use release::{Source, SourceForm};
pub use skipped::NotMapped;
pub use supply::{ToSupply, MAX_LOTS};

use crate::choice::choice;
use crate::error::{Input, ProblemReport, Reports};
use crate::protocol::Protocol;
use serde::Serialize;
use serde_json::Value;

choice! {
    /// Which result an import is: its `document` field, as the other results carry theirs, so
    /// that a reader of a saved import knows which shape follows.
    pub enum ImportDocument as "a kind of import" {
        /// A draft tender imported from OCDS data ([`Import`]).
        OcdsImport = "ocds-import",
    }
}

/// The result of importing an OCDS release or record.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "OcdsImport", optional_fields)
)]
pub struct Import {
    /// Always `ocds-import`.
    pub document: ImportDocument,
    /// What was read.
    pub source: Source,
    /// The draft ulo tender document.
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "Omit<Partial<TenderDocument>, 'document' | 'lots'> & { document: 'tender'; lots: Partial<Lot>[] }"
        )
    )]
    pub tender: Value,
    /// True when the draft passes the engine's tender check against the protocol, so it can be
    /// checked for barriers as it is.
    pub complete: bool,
    /// What the engine finds wrong with the draft (empty when complete): mostly required values
    /// the notice does not give.
    pub problems: Vec<ProblemReport>,
    /// What was carried over.
    pub mapped: Vec<Mapped>,
    /// What was present but not carried over, and why.
    pub not_mapped: Vec<NotMapped>,
    /// The award criteria the notice states, with their weights.
    pub award_criteria: Vec<AwardCriterion>,
    /// What the commissioner must still supply.
    pub to_supply: Vec<ToSupply>,
}

/// Parses OCDS JSON text strictly (duplicate keys, size and depth refused) and imports it.
///
/// # Errors
///
/// The text is not JSON, or not OCDS data that holds a tender (see [`import`]).
pub fn import_json(protocol: &Protocol, text: &str) -> Result<Import, Reports> {
    let value = crate::json::parse(text, Input::Ocds).map_err(Reports::from)?;
    import(protocol, &value)
}

/// Imports a tender from an OCDS release package, record package, release or record, against
/// `protocol` (whose weights, tunable ranges and barrier rules decide what can be mapped and
/// what must still be supplied).
///
/// # Errors
///
/// Why there is nothing to import (not OCDS data, a package of several releases, a record
/// without its compiled release, a release without a tender): one problem, since nothing past
/// it can be read. Anything less is reported in the [`Import`], never refused.
pub fn import(protocol: &Protocol, input: &Value) -> Result<Import, Reports> {
    let notice = release::read(input)?;
    let mut skipped = skipped::Skipped::default();
    let mapping = map::map(protocol, &notice, &mut skipped);
    unused::report(&notice, &mut skipped);
    let to_supply = supply::to_supply(protocol, &mapping.draft, &mapping.mentions, &mapping.gaps);
    let tender = mapping.draft.to_json();
    let (complete, problems) = match protocol.tender(&tender) {
        Ok(_) => (true, Vec::new()),
        Err(p) => (false, p.reports()),
    };
    Ok(Import {
        document: ImportDocument::OcdsImport,
        source: notice.source,
        tender,
        complete,
        problems,
        mapped: mapping.draft.mapped(),
        not_mapped: skipped.into_list(),
        award_criteria: mapping.criteria,
        to_supply,
    })
}

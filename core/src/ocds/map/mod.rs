//! Mapping: what the notice says about the tender's design, carried into the typed draft.
//!
//! One module a topic: the tender's own fields (`tender`), lots with their values and contract
//! periods (`lots`), award criteria and the price weight (`award`, against the protocol in
//! `price`), selection criteria (`selection`), and which law applies (`procurement`, the
//! buyer's nation in `place`). Each reads only what it can use exactly and
//! notes everything else it reads in [`Skipped`] with the reason, in the order met.

mod award;
mod lots;
mod place;
mod price;
mod procurement;
mod selection;
mod tender;
mod text;

pub use super::values::PLACEHOLDER_BELOW;
pub use award::{AwardCriterion, WeightFrom};
pub use lots::EXTENSION_WORDS;
pub(super) use procurement::Gap;
pub(super) use selection::{Mention, Topic};
pub use tender::PORTALS;

use super::draft::DraftTender;
use super::release::Notice;
use super::skipped::Skipped;
use crate::error::Document;
use crate::protocol::Protocol;

/// What the mapping gives: the draft, the notice's award criteria, and where its free text
/// mentions a figure the commissioner should enter.
pub(super) struct Mapping {
    pub draft: DraftTender,
    pub criteria: Vec<AwardCriterion>,
    pub mentions: Vec<Mention>,
    /// The facts of the `procurement` block the notice does not give, and why.
    pub gaps: Vec<Gap>,
}

/// Maps the notice `n` into a draft tender under `protocol`, noting what it cannot use. The
/// order of the steps is the order of the account of what was not used.
pub(super) fn map(protocol: &Protocol, n: &Notice, skipped: &mut Skipped) -> Mapping {
    let id = tender::id(n, skipped);
    let title = tender::title(n, skipped);
    let authority = tender::authority(n, skipped);
    let service = tender::service(n, skipped);
    let (published, response_deadline) = tender::dates(n, skipped);
    let (procurement, gaps) = procurement::procurement(n, skipped);
    let lots = lots::lots(n, skipped);
    let no_lots_reason = lots::no_lots_reason(n, skipped);
    let (criteria, weights) = award::award(protocol, n, skipped);
    let (conditions, mentions) = selection::conditions(n, skipped);
    let electronic_auction = tender::electronic_auction(n, skipped);
    let draft = DraftTender {
        document: Document::Tender.tag(),
        id,
        title,
        authority,
        service,
        published,
        response_deadline,
        procurement,
        lots,
        no_lots_reason,
        weights,
        conditions,
        electronic_auction,
    };
    Mapping {
        draft,
        criteria,
        mentions,
        gaps,
    }
}

/// Whether the mapping reads the tender's field `key` (the rest are reported as having no place
/// in a ulo tender).
pub(super) fn reads(key: &str) -> bool {
    [
        tender::KEYS,
        lots::KEYS,
        award::KEYS,
        selection::KEYS,
        procurement::KEYS,
    ]
    .iter()
    .any(|keys| keys.contains(&key))
}

//! The tender's own fields: id, title, authority, service, the dates of the response window,
//! and whether there is an electronic auction.

use super::super::draft::{Text, Traced};
use super::super::release::Notice;
use super::super::skipped::{Skipped, NO_FIELD};
use super::super::values::{brief, date_note, date_part, fit, get, number_text, slug};
use super::text::{fitted, shortened};
use crate::dates::Date;
use crate::protocol::{TEXT_MAX, TITLE_MAX};
use crate::read::is_id;
use serde_json::Value;

/// The tender's fields read here.
pub(super) const KEYS: &[&str] = &[
    "id",
    "title",
    "procuringEntity",
    "description",
    "tenderPeriod",
    "datePublished",
    "techniques",
];

/// The tender's id as it is, else made to fit ulo's id form, else the process's OCID.
pub(super) fn id(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    if let Some(v) = n.tender(&["id"]) {
        let from = n.tender_at(&["id"]);
        let text = number_text(v).unwrap_or_default();
        if is_id(&text) {
            return Some(Traced::new(text, from, None));
        }
        if let Some(s) = slug(&text) {
            let note = format!(
                "changed from {} to fit ulo's id form (letters, digits, dots, dashes and underscores, up to 64)",
                brief(v)
            );
            return Some(Traced::new(s, from, Some(note)));
        }
        skipped.add(from, v, "it has no letters or digits to make an id from");
    }
    let s = n.release(&["ocid"])?.as_str().and_then(slug)?;
    let note = "the tender has no usable id, so the process's OCID is used";
    Some(Traced::new(s, n.at(&["ocid"]), Some(note.into())))
}

/// The tender's text at `key`, fitted to `max` characters.
fn text(n: &Notice, skipped: &mut Skipped, key: &str, max: usize) -> Option<Text> {
    let v = n.tender(&[key])?;
    let whole = " (ulo's limit); the notice has the full text";
    fitted(skipped, n.tender_at(&[key]), v, max, whole)
}

pub(super) fn title(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    text(n, skipped, "title", TITLE_MAX)
}

/// The service, from the tender's description.
pub(super) fn service(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    let mut service = text(n, skipped, "description", TEXT_MAX)?;
    if n.is_amendment() {
        let amended = "this release amends the tender, so its description may describe the change rather than the service";
        service.note = Some(match service.note.take() {
            Some(note) => format!("{note}; {amended}"),
            None => amended.to_string(),
        });
    }
    Some(service)
}

/// E-tendering portals and their operators, which notices sometimes name as the buyer or the
/// procuring entity because the portal filed the notice: the words are matched in the name,
/// ignoring case. Why a list: a portal is not the contracting authority, and a tender checked
/// under the wrong authority's name misleads everyone who reads the result; the list is of
/// the portals UK authorities use, and a name on it is reported as not used.
pub const PORTALS: &[&str] = &[
    "eu supply",
    "eu-supply",
    "delta esourcing",
    "delta e-sourcing",
    "in-tend",
    "intend ltd",
    "proactis",
    "due north",
    "jaggaer",
    "bravosolution",
    "bravo solution",
    "atamis",
    "mercell",
    "adam hti",
    "achilles",
    "tenders electronic daily",
    "procontract",
    "supplying the south west",
    "sell2wales",
    "public contracts scotland",
];

/// The portal `name` is one of, by [`PORTALS`].
fn portal(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    PORTALS.iter().copied().find(|p| lower.contains(p))
}

/// The contracting authority: the buyer, else a party with the role "buyer", else the
/// procuring entity; the first that is usable text and not an e-tendering portal
/// ([`PORTALS`]; a portal named is reported as not used).
pub(super) fn authority(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    let mut candidates: Vec<(String, &Value, Option<&str>)> = Vec::new();
    if let Some(v) = n.release(&["buyer", "name"]) {
        candidates.push((n.at(&["buyer", "name"]), v, None));
    }
    let parties = n.release(&["parties"]).and_then(Value::as_array);
    let is_buyer = |p: &Value| {
        p.get("roles")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some("buyer")))
    };
    let buyers = parties
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, p)| is_buyer(p))
        .filter_map(|(i, p)| get(p, &["name"]).map(|v| (i, v)));
    for (i, v) in buyers {
        let idx = i.to_string();
        candidates.push((
            n.at(&["parties", &idx, "name"]),
            v,
            Some("the party with the role \"buyer\""),
        ));
    }
    if let Some(v) = n.tender(&["procuringEntity", "name"]) {
        candidates.push((
            n.tender_at(&["procuringEntity", "name"]),
            v,
            Some("the procuring entity, as the release names no buyer"),
        ));
    }
    let mut portals_seen = Vec::new();
    candidates.into_iter().find_map(|(from, v, note)| {
        let (text, short) = fit(v, TITLE_MAX)?;
        if let Some(p) = portal(&text) {
            // Each place a portal is named is reported once.
            if !portals_seen.contains(&from) {
                skipped.add(
                    from.clone(),
                    v,
                    format!("this names an e-tendering portal (\"{p}\"), which filed the notice, not the contracting authority; ulo takes the authority from another party or asks for it"),
                );
                portals_seen.push(from);
            }
            return None;
        }
        let note = match (note, short) {
            (Some(n), true) => Some(format!("{n}; {}", shortened(TITLE_MAX))),
            (Some(n), false) => Some(n.to_string()),
            (None, true) => Some(shortened(TITLE_MAX)),
            (None, false) => None,
        };
        Some(Traced::new(text, from, note))
    })
}

/// The publication date and the response deadline.
pub(super) fn dates(
    n: &Notice,
    skipped: &mut Skipped,
) -> (Option<Traced<Date>>, Option<Traced<Date>>) {
    let published = published(n, skipped);
    let deadline = n.tender(&["tenderPeriod", "endDate"]).and_then(|v| {
        let from = n.tender_at(&["tenderPeriod", "endDate"]);
        date(skipped, from, v, date_part(v).and_then(|d| date_note(v, d)))
    });
    for key in ["durationInDays", "maxExtentDate"] {
        if let Some(v) = n.tender(&["tenderPeriod", key]) {
            skipped.add(
                n.tender_at(&["tenderPeriod", key]),
                v,
                "ulo counts the response window from the publication date to the deadline",
            );
        }
    }
    let mut published = published.or_else(|| release_date(n, skipped));
    // A publication date on or after the deadline is not the tender's: an award notice dates
    // itself after the tender closed, and a window of 0 days or less would be a false finding.
    if let (Some(p), Some(d)) = (&published, &deadline) {
        if p.value >= d.value {
            if let Some(v) = n.value_at(&p.from) {
                skipped.add(
                    p.from.clone(),
                    v,
                    format!(
                        "this date ({}) is not before the response deadline ({}), so it is not when the tender was published (an award or later notice dates itself); the tender's publication date is unknown",
                        p.value, d.value
                    ),
                );
            }
            published = None;
        }
    }
    (published, deadline)
}

/// OCID prefixes of publishers whose tender releases carry the notice's publication date in
/// the release's `date`, with the publisher's name: Public Contracts Scotland and Sell2Wales
/// give the tender no date of its own (checked on their releases in tests/ocds).
const RELEASE_DATE_IS_PUBLISHED: &[(&str, &str)] = &[
    ("ocds-r6ebe6-", "Public Contracts Scotland"),
    ("ocds-kuma6s-", "Sell2Wales"),
];

/// The release's date as the tender's publication date, for a tender release from a publisher
/// that dates its notices that way ([`RELEASE_DATE_IS_PUBLISHED`]); otherwise `None`, with the
/// release's date reported as not used.
fn release_date(n: &Notice, skipped: &mut Skipped) -> Option<Traced<Date>> {
    let v = n.release(&["date"])?;
    let from = n.at(&["date"]);
    let ocid = n.source.ocid.as_deref().unwrap_or("");
    let publisher = RELEASE_DATE_IS_PUBLISHED
        .iter()
        .find(|(prefix, _)| ocid.starts_with(prefix))
        .map(|(_, name)| *name);
    let tender_notice = n.source.tags.iter().any(|t| t == "tender");
    if let (Some(name), true, Some(d)) = (publisher, tender_notice, date_part(v)) {
        let note = format!(
            "the release's date: {name} publishes a tender notice's publication date there, and the tender gives none of its own{}",
            date_note(v, d).map(|n| format!("; {n}")).unwrap_or_default()
        );
        Some(Traced::new(d, from, Some(note)))
    } else {
        skipped.add(
            from,
            v,
            "this is when the release was published, which need not be when the tender was; the notice gives no publication date for the tender",
        );
        None
    }
}

/// The date at `v` with `note`, or `v` reported as not a date.
fn date(
    skipped: &mut Skipped,
    from: String,
    v: &Value,
    note: Option<String>,
) -> Option<Traced<Date>> {
    let Some(d) = date_part(v) else {
        skipped.add(from, v, "it is not a date");
        return None;
    };
    Some(Traced::new(d, from, note))
}

/// The publication date: the start of the tender period, else the date the notice was first
/// published.
fn published(n: &Notice, skipped: &mut Skipped) -> Option<Traced<Date>> {
    let start = n.tender(&["tenderPeriod", "startDate"]).and_then(|v| {
        let from = n.tender_at(&["tenderPeriod", "startDate"]);
        date(skipped, from, v, date_part(v).and_then(|d| date_note(v, d)))
    });
    let Some(v) = n.tender(&["datePublished"]) else {
        return start;
    };
    let from = n.tender_at(&["datePublished"]);
    if start.is_some() {
        skipped.add(
            from,
            v,
            "the tender period's start date was used as the publication date",
        );
        return start;
    }
    let note = date_part(v).map(|d| {
        format!(
            "the date the tender notice was first published (the tender period gives no start date){}",
            date_note(v, d).map(|n| format!("; {n}")).unwrap_or_default()
        )
    });
    date(skipped, from, v, note)
}

/// Whether the notice says there is an electronic auction; the other techniques have no place
/// in a ulo tender.
pub(super) fn electronic_auction(n: &Notice, skipped: &mut Skipped) -> Option<Traced<bool>> {
    let mut found = None;
    for (from, key, v) in n.entries("techniques") {
        match (key, v) {
            ("hasElectronicAuction", Value::Bool(b)) => found = Some(Traced::new(*b, from, None)),
            ("hasElectronicAuction", _) => skipped.add(from, v, "it is not true or false"),
            _ => skipped.add(from, v, NO_FIELD),
        }
    }
    found
}

//! The `procurement` block: what the notice says about which law applies. The regime decision
//! ([`crate::regime::decide`]) reads the buyer's nation, the date the procurement began, the CPV
//! codes and the estimated value including VAT; this carries each over only when the notice
//! gives it plainly, with where it came from, and says why when it does not, so that "which law
//! applies" is never answered from a guess.
//!
//! OCDS fields read: the OCDS 1.1 release schema
//! (<https://standard.open-contracting.org/1.1/en/schema/reference/>), the legal basis extension
//! (<https://extensions.open-contracting.org/en/extensions/legalBasis/>) and the OCDS for the
//! United Kingdom extension (<https://github.com/cabinetoffice/ocds_uk_extension>):
//! - CPV codes: `tender.classification`, `tender.additionalClassifications`,
//!   `tender.items[].classification`, `tender.items[].additionalClassifications` (each a
//!   `Classification`: `scheme` "CPV" and `id`; the tender-level two are not in the 1.1 core
//!   schema, but Contracts Finder and the Scottish and Welsh portals publish them); other
//!   schemes are reported, not read;
//! - the legal basis: `tender.legalBasis` (legal basis extension; a `Classification`: `scheme` CELEX, UKPGA, UKSI, SSI
//!   or ASP and `id`, or a legislation.gov.uk `uri`); a regime only when it names one outright;
//! - the nation: see `place`;
//! - the kind of buyer: `parties[].details.classifications` with the scheme `UK_CA_TYPE` (UK
//!   extension), central government only;
//! - the start: `tender.tenderPeriod.startDate`, else `tender.datePublished`, else the
//!   release's `date` for a release tagged `tender`;
//! - the value: `tender.value.amountGross` (UK extension: the amount including all taxes), else
//!   `tender.value.amount` with a note that the notice does not say whether it includes VAT
//!   (except from Find a Tender, whose `amount` excludes VAT).

use super::super::draft::{DraftProcurement, Text, Traced};
use super::super::release::Notice;
use super::super::skipped::Skipped;
use super::super::values::{brief, date_note, date_part, get, money_at, number_text};
use super::place::{self, Found, Platform, Published};
use crate::dates::Date;
use crate::regime::cpv::Cpv;
use crate::regime::{AuthorityType, Nation, Regime};
use serde_json::Value;

/// The tender's fields read here (the value and the tender period are read with the lots and
/// the dates too).
pub(super) const KEYS: &[&str] = &[
    "classification",
    "additionalClassifications",
    "items",
    "legalBasis",
];

/// The most CPV codes a tender takes (the tender schema's limit).
const CPV_MAX: usize = 50;

/// A fact of the block the notice does not give, and why: for the account of what is still to
/// supply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Gap {
    /// JSON pointer of the field in the draft tender.
    pub field: &'static str,
    /// Why it is missing, in a sentence.
    pub why: String,
}

/// The block, when the notice gives any of it, and the facts it leaves missing.
pub(super) fn procurement(
    n: &Notice,
    skipped: &mut Skipped,
) -> (Option<DraftProcurement>, Vec<Gap>) {
    let mut gaps = Vec::new();
    let published = place::platform(n);
    let found = place::nation(n, published.as_ref());
    let scotland = matches!(&found, Found::Nation(t) if t.value == Nation::Scotland.word());
    let (regime, law) = legal_basis(n, scotland, skipped);
    let found = match found {
        // The Act does not govern devolved Scottish authorities (s.2(5)): a notice under it from
        // a buyer in Scotland is a reserved body's, or mislabelled; either way not guessed.
        Found::Nation(t) if scotland && law == Some(Law::Pa2023) => Found::Unsure {
            from: None,
            why: format!("the buyer reads as Scottish ({}), but the notice names the Procurement Act 2023 as its legal basis, which governs only reserved bodies in Scotland; state the nation and the regime", t.note.unwrap_or_default()),
        },
        other => other,
    };
    let nation = match found {
        Found::Nation(t) => Some(t),
        Found::Unsure { from, why } => {
            if let Some((at, v)) = from {
                skipped.push(at, brief(&v), why.clone());
            }
            gaps.push(Gap {
                field: "/procurement/nation",
                why,
            });
            None
        }
    };
    let authority_type = authority_type(n, skipped);
    let started = started(n).map_err(|why| {
        gaps.push(Gap {
            field: "/procurement/started",
            why,
        });
    });
    let cpv = cpv(n, skipped);
    if cpv.is_empty() {
        gaps.push(Gap {
            field: "/procurement/cpv",
            why: "the notice gives no CPV code; the codes decide whether the contract is light-touch or health care under the Provider Selection Regime".into(),
        });
    }
    let value = value(n, published.as_ref(), skipped).map_err(|why| {
        gaps.push(Gap {
            field: "/procurement/value_including_vat",
            why,
        });
    });
    if regime.is_some() {
        // The regime is stated: the facts it would be derived from are not needed.
        gaps.clear();
    }
    let block = DraftProcurement {
        regime,
        nation,
        authority_type,
        started: started.ok(),
        cpv,
        value_including_vat: value.ok(),
    };
    ((!block.is_empty()).then_some(block), gaps)
}

/// Every CPV code the notice gives, in the order met, without repeats; other schemes, codes
/// that are not CPV codes, repeats and codes past the 50th are reported.
fn cpv(n: &Notice, skipped: &mut Skipped) -> Vec<Text> {
    let mut found: Vec<(String, &Value, &'static str)> = Vec::new();
    if let Some(c) = n.tender(&["classification"]) {
        found.push((
            n.tender_at(&["classification"]),
            c,
            "the tender's main classification",
        ));
    }
    list(
        n,
        &mut found,
        &["additionalClassifications"],
        "an additional classification of the tender",
    );
    items(n, &mut found, skipped);
    let mut codes: Vec<Text> = Vec::new();
    for (from, c, what) in found {
        let Some(obj) = c.as_object() else {
            skipped.add(
                from,
                c,
                "a classification should be an object with a scheme and an id",
            );
            continue;
        };
        let scheme = obj
            .get("scheme")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        if !scheme.eq_ignore_ascii_case("CPV") {
            let why = if scheme.is_empty() {
                "it names no scheme, so it is not read as a CPV code".to_string()
            } else {
                format!("ulo reads CPV codes only (for which law applies); this is a \"{scheme}\" classification")
            };
            skipped.add(from, c, why);
            continue;
        }
        let at = format!("{from}/id");
        let Some(id_value) = obj.get("id").filter(|v| !v.is_null()) else {
            skipped.add(from, c, "a CPV classification without an id");
            continue;
        };
        let text = number_text(id_value).unwrap_or_default();
        let Some(code) = Cpv::parse(&text) else {
            skipped.add(
                at,
                id_value,
                "not a CPV code: eight digits, with or without a check digit",
            );
            continue;
        };
        let word = code.to_string();
        if let Some(first) = codes.iter().find(|t| t.value == word) {
            let why = format!("CPV {word} again; it is already read from {}", first.from);
            skipped.add(at, id_value, why);
            continue;
        }
        if codes.len() == CPV_MAX {
            skipped.add(at, id_value, "ulo's tender takes at most 50 CPV codes");
            continue;
        }
        let written = if text == word {
            String::new()
        } else {
            format!(", written {text}")
        };
        codes.push(Traced::new(word, at, Some(format!("{what}{written}"))));
    }
    codes
}

/// The classifications of the tender's items; everything else an item says is reported, since
/// ulo's tender has no field for it.
fn items<'a>(
    n: &Notice<'a>,
    found: &mut Vec<(String, &'a Value, &'static str)>,
    skipped: &mut Skipped,
) {
    match n.tender(&["items"]) {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let idx = i.to_string();
                let Some(obj) = item.as_object() else {
                    skipped.add(
                        n.tender_at(&["items", &idx]),
                        item,
                        "an item should be an object with its classification",
                    );
                    continue;
                };
                if let Some(c) = get(item, &["classification"]) {
                    found.push((
                        n.tender_at(&["items", &idx, "classification"]),
                        c,
                        "an item's classification",
                    ));
                }
                list(
                    n,
                    found,
                    &["items", &idx, "additionalClassifications"],
                    "an item's additional classification",
                );
                for (k, v) in obj {
                    if v.is_null()
                        || matches!(
                            k.as_str(),
                            "id" | "classification" | "additionalClassifications"
                        )
                    {
                        continue;
                    }
                    skipped.add(
                        n.tender_at(&["items", &idx, k]),
                        v,
                        "only an item's CPV codes are read (for which law applies); ulo's tender has no field for the rest of an item",
                    );
                }
            }
        }
        Some(other) => skipped.add(n.tender_at(&["items"]), other, "items should be a list"),
        None => {}
    }
}

/// The classifications in the list at `path` inside the tender.
fn list<'a>(
    n: &Notice<'a>,
    found: &mut Vec<(String, &'a Value, &'static str)>,
    path: &[&str],
    what: &'static str,
) {
    let Some(v) = n.tender(path) else { return };
    match v.as_array() {
        Some(a) => {
            for (j, c) in a.iter().enumerate() {
                let mut p = path.to_vec();
                let jdx = j.to_string();
                p.push(&jdx);
                found.push((n.tender_at(&p), c, what));
            }
        }
        None => found.push((n.tender_at(path), v, what)),
    }
}

/// An instrument a legal basis can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Law {
    Directive2014_24,
    Directive2014_23,
    Directive2014_25,
    Pa2023,
    Pcr2015,
    Psr2023,
    Pcsr2015,
    Prsa2014,
}

impl Law {
    fn title(self) -> &'static str {
        match self {
            Law::Directive2014_24 => "Directive 2014/24/EU on public procurement",
            Law::Directive2014_23 => "Directive 2014/23/EU on concession contracts",
            Law::Directive2014_25 => "Directive 2014/25/EU on utilities procurement",
            Law::Pa2023 => "the Procurement Act 2023",
            Law::Pcr2015 => "the Public Contracts Regulations 2015 (SI 2015/102)",
            Law::Psr2023 => "the Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)",
            Law::Pcsr2015 => "the Public Contracts (Scotland) Regulations 2015 (SSI 2015/446)",
            Law::Prsa2014 => "the Procurement Reform (Scotland) Act 2014",
        }
    }

    /// The regime the instrument settles on its own, or why it does not settle one.
    fn regime(self) -> Result<Regime, &'static str> {
        match self {
            Law::Psr2023 => Ok(Regime::Psr),
            Law::Directive2014_24 => Err("the Public Contracts Regulations 2015 and the Public Contracts (Scotland) Regulations 2015 both implement it, and neither name says whether the contract is above threshold, light-touch or below threshold"),
            Law::Pa2023 => Err("the Act has several regimes (above threshold, light-touch, below threshold) and does not govern devolved Scottish authorities"),
            Law::Pcr2015 | Law::Pcsr2015 => Err("the regulations have several regimes (above threshold, light-touch regs 74-76, below threshold)"),
            Law::Prsa2014 => Err("the Act governs regulated procurements above and below the Public Contracts (Scotland) Regulations thresholds"),
            Law::Directive2014_23 | Law::Directive2014_25 => Err("concessions and utilities are not regimes ulo holds"),
        }
    }
}

/// The instrument a legal basis names: a CELEX number, a legislation.gov.uk type, year and
/// number (`scheme` UKPGA, UKSI, SSI or ASP with `id` "2023/54"), or a legislation.gov.uk
/// address in `id` or `uri`.
fn named(basis: &Value) -> Option<Law> {
    let text = |k: &str| {
        get(basis, &[k])
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    };
    let (scheme, id, uri) = (text("scheme"), text("id"), text("uri"));
    if scheme == "celex" {
        return match id.as_str() {
            "32014l0024" => Some(Law::Directive2014_24),
            "32014l0023" => Some(Law::Directive2014_23),
            "32014l0025" => Some(Law::Directive2014_25),
            _ => None,
        };
    }
    let key = if ["ukpga", "uksi", "ssi", "asp"].contains(&scheme.as_str()) {
        format!("{scheme}/{id}")
    } else {
        [id.as_str(), uri.as_str()].into_iter().find_map(|s| {
            s.split_once("legislation.gov.uk/")
                .map(|(_, rest)| rest.to_string())
        })?
    };
    let key = key.trim_end_matches('/');
    [
        ("ukpga/2023/54", Law::Pa2023),
        ("uksi/2015/102", Law::Pcr2015),
        ("uksi/2023/1348", Law::Psr2023),
        ("ssi/2015/446", Law::Pcsr2015),
        ("asp/2014/12", Law::Prsa2014),
    ]
    .into_iter()
    .find(|(k, _)| key == *k || key.starts_with(&format!("{k}/")))
    .map(|(_, l)| l)
}

/// A regime from the legal basis, only when the instrument it names settles one (the Provider
/// Selection Regime); otherwise the legal basis is reported with what it names. `scotland` says
/// the buyer reads as Scottish, which a Procurement Act 2023 basis contradicts.
fn legal_basis(n: &Notice, scotland: bool, skipped: &mut Skipped) -> (Option<Text>, Option<Law>) {
    let Some(v) = n.tender(&["legalBasis"]) else {
        return (None, None);
    };
    let from = n.tender_at(&["legalBasis"]);
    let Some(law) = named(v) else {
        skipped.add(from, v, "not a legal basis ulo recognises (it reads CELEX numbers and legislation.gov.uk references), so no regime is stated from it");
        return (None, None);
    };
    match law.regime() {
        Ok(regime) => {
            let at = if get(v, &["id"]).is_some() {
                format!("{from}/id")
            } else {
                from
            };
            let note = format!("the notice names {} as its legal basis", law.title());
            (
                Some(Traced::new(regime.word().to_string(), at, Some(note))),
                Some(law),
            )
        }
        Err(why) => {
            let mut reason = format!("the notice names {} as its legal basis, which does not settle the regime: {why}; the regime is derived from the nation, start, CPV codes and value instead", law.title());
            if scotland && law == Law::Pa2023 {
                reason.push_str("; the buyer reads as Scottish, which the Act does not govern unless it is a reserved body, so the nation is left out too");
            }
            skipped.add(from, v, reason);
            (None, Some(law))
        }
    }
}

/// The buyer's kind, when Find a Tender classifies the buyer as central government (PA 2023's
/// own term, which is what the central government thresholds turn on); other kinds are not
/// told apart by the notice the way the regime needs (a council and another sub-central body
/// differ under the Provider Selection Regime), so they are reported.
fn authority_type(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    let (i, party) = place::buyer_party(n)?;
    let idx = i.to_string();
    let classes = get(party, &["details", "classifications"]).and_then(Value::as_array)?;
    let mut found = None;
    for (j, c) in classes.iter().enumerate() {
        if get(c, &["scheme"]).and_then(Value::as_str) != Some("UK_CA_TYPE") {
            continue;
        }
        let jdx = j.to_string();
        let at = n.at(&["parties", &idx, "details", "classifications", &jdx, "id"]);
        let Some(id) = get(c, &["id"]) else { continue };
        if id.as_str() == Some("publicAuthorityCentralGovernment") && found.is_none() {
            let note = "the buyer is classified as a central government authority (UK_CA_TYPE)";
            found = Some(Traced::new(
                AuthorityType::CentralGovernment.word().to_string(),
                at,
                Some(note.into()),
            ));
        } else {
            skipped.add(at, id, "ulo's kinds of buyer (council, combined authority, NHS body...) cannot be told from this classification; state the buyer's kind if the regime needs it");
        }
    }
    found
}

/// The date the procurement began, or why it cannot be told. The tender notice is the latest it
/// can have begun; an earlier step (a planned procurement notice, market engagement) may make it
/// earlier, so each note says to check it.
fn started(n: &Notice) -> Result<Traced<Date>, String> {
    const CHECK: &str = "the procurement may have begun earlier (a planned procurement or market engagement notice, or other first approach to suppliers); check it";
    let end = n.tender(&["tenderPeriod", "endDate"]).and_then(date_part);
    let within = |d: Date| end.is_none_or(|e| d <= e);
    let with_note = |v: &Value, d: Date, what: &str| {
        let part = date_note(v, d)
            .map(|x| format!("; {x}"))
            .unwrap_or_default();
        format!("{what}, taken as the date the procurement began; {CHECK}{part}")
    };
    if let Some(v) = n.tender(&["tenderPeriod", "startDate"]) {
        if let Some(d) = date_part(v).filter(|d| within(*d)) {
            let note = with_note(v, d, "the start of the tender period");
            return Ok(Traced::new(
                d,
                n.tender_at(&["tenderPeriod", "startDate"]),
                Some(note),
            ));
        }
    }
    if let Some(v) = n.tender(&["datePublished"]) {
        if let Some(d) = date_part(v).filter(|d| within(*d)) {
            let note = with_note(
                v,
                d,
                "the date the tender notice was first published (the tender period gives no start)",
            );
            return Ok(Traced::new(d, n.tender_at(&["datePublished"]), Some(note)));
        }
    }
    let tags = &n.source.tags;
    let is_tender = tags.iter().any(|t| t == "tender");
    let later = tags
        .iter()
        .find(|t| !matches!(t.as_str(), "tender" | "planning"));
    let Some(v) = n.release(&["date"]) else {
        return Err("the notice gives no tender period start, publication date or release date, so when the procurement began cannot be told; state it".into());
    };
    match (is_tender, later, date_part(v)) {
        (true, None, Some(d)) if within(d) => {
            let note = with_note(v, d, "the release's date (this release publishes the tender, and the notice gives no tender period start or publication date)");
            Ok(Traced::new(d, n.at(&["date"]), Some(note)))
        }
        (_, Some(tag), _) => Err(format!("the notice gives no tender period start or publication date, and this release is tagged \"{tag}\", so its date is after the procurement began; state when it began")),
        _ => Err("the notice gives no tender period start or publication date, and the release's date cannot stand for it; state when the procurement began".into()),
    }
}

/// The estimated value including VAT, or why it cannot be told.
fn value(n: &Notice, published: Option<&Published>, skipped: &mut Skipped) -> Result<Text, String> {
    let Some(v) = n.tender(&["value"]) else {
        return Err("the notice gives no estimated value for the whole tender; it is compared with the thresholds".into());
    };
    let from = n.tender_at(&["value"]);
    if get(v, &["amountGross"]).is_some() {
        return match money_at(v, "amountGross") {
            Ok(a) => Ok(Traced::new(
                a,
                format!("{from}/amountGross"),
                Some(
                    "the gross amount, including all taxes (amountGross): the value including VAT"
                        .into(),
                ),
            )),
            Err(why) => {
                skipped.add(
                    format!("{from}/amountGross"),
                    v.get("amountGross").unwrap_or(&Value::Null),
                    why.clone(),
                );
                Err(format!("the notice's gross amount cannot be used ({why})"))
            }
        };
    }
    let Some(amount) = get(v, &["amount"]) else {
        return Err("the notice's value gives no amount".into());
    };
    if published.is_some_and(|p| p.platform == Platform::FindATender) {
        let why = "Find a Tender gives the value excluding VAT in amount and including VAT in amountGross, which this notice does not give; the regime's thresholds are compared with the value including VAT, so state it";
        skipped.add(format!("{from}/amount"), amount, why);
        return Err(why.into());
    }
    match money_at(v, "amount") {
        Ok(a) => Ok(Traced::new(a, format!("{from}/amount"), Some("the notice's estimated value (amount); it gives no gross amount, so it does not say whether this includes VAT, and the regime's thresholds are compared with the value including VAT: check it".into()))),
        Err(why) => Err(format!("the notice's value cannot be used ({why})")),
    }
}

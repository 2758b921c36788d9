//! The buyer's nation, which decides whose procurement law applies (a devolved Scottish
//! authority follows Scottish law, not the Procurement Act 2023), read from what the notice
//! says plainly: the platform that published it, the buyer's address, and the devolved
//! regulations Find a Tender records for the buyer.
//!
//! It is never guessed. Each source that names a nation is evidence; the nation is carried over
//! only when at least one source names it and none names another. Addresses that straddle a
//! border are not read: a postcode area is used only when all of it lies in one nation, a
//! country name only when it names a nation rather than the United Kingdom.
//!
//! OCDS fields read (OCDS 1.1 release schema,
//! <https://standard.open-contracting.org/1.1/en/schema/reference/>): `ocid` (its prefix
//! names the publisher), `buyer.id`, `parties[].id`, `parties[].roles`, `parties[].address`
//! (`region`, `postalCode`, `countryName`), and `parties[].details.classifications` with the
//! scheme `UK_CA_DEVOLVED_REGULATIONS` of the OCDS for the United Kingdom extension
//! (`cabinetoffice/ocds_uk_extension`: `GB-SCT`, `GB-WLS`, `GB-NIR`).

use super::super::draft::{Text, Traced};
use super::super::release::Notice;
use super::super::values::get;
use crate::regime::Nation;
use serde_json::Value;

/// The platform that published the notice, by the OCID prefix the Open Contracting Partnership
/// registered for it, or by the package's publisher name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Platform {
    /// Public Contracts Scotland (`ocds-r6ebe6`): Scottish procurements.
    PublicContractsScotland,
    /// Sell2Wales (`ocds-kuma6s`): Welsh procurements.
    Sell2Wales,
    /// Contracts Finder (`ocds-b5fd17`): England, and UK-wide bodies.
    ContractsFinder,
    /// Find a Tender (`ocds-h6vhtk`): every UK nation.
    FindATender,
}

impl Platform {
    fn name(self) -> &'static str {
        match self {
            Platform::PublicContractsScotland => "Public Contracts Scotland",
            Platform::Sell2Wales => "Sell2Wales",
            Platform::ContractsFinder => "Contracts Finder",
            Platform::FindATender => "Find a Tender",
        }
    }

    /// The nation whose notices the platform carries, when it carries one nation's only.
    fn nation(self) -> Option<Nation> {
        match self {
            Platform::PublicContractsScotland => Some(Nation::Scotland),
            Platform::Sell2Wales => Some(Nation::Wales),
            Platform::ContractsFinder | Platform::FindATender => None,
        }
    }
}

/// Where the platform was read from, and how it was recognised.
pub(super) struct Published {
    pub platform: Platform,
    pub from: String,
    pub how: String,
}

/// The platform that published the notice, when the OCID or the package names one.
pub(super) fn platform(n: &Notice) -> Option<Published> {
    const PREFIXES: &[(&str, Platform)] = &[
        ("ocds-r6ebe6-", Platform::PublicContractsScotland),
        ("ocds-kuma6s-", Platform::Sell2Wales),
        ("ocds-b5fd17-", Platform::ContractsFinder),
        ("ocds-h6vhtk-", Platform::FindATender),
    ];
    if let Some(ocid) = n.release(&["ocid"]).and_then(Value::as_str) {
        if let Some((prefix, p)) = PREFIXES.iter().find(|(pre, _)| ocid.starts_with(pre)) {
            return Some(Published {
                platform: *p,
                from: n.at(&["ocid"]),
                how: format!(
                    "the OCID prefix {} is {}'s",
                    prefix.trim_end_matches('-'),
                    p.name()
                ),
            });
        }
    }
    let name = n.source.publisher.as_deref()?;
    let is_package = n.source.form.is_package();
    let lower = name.to_lowercase();
    let p = [
        (
            "public contracts scotland",
            Platform::PublicContractsScotland,
        ),
        ("sell2wales", Platform::Sell2Wales),
        ("contracts finder", Platform::ContractsFinder),
        ("find a tender", Platform::FindATender),
    ]
    .into_iter()
    .find(|(w, _)| lower.contains(w))?
    .1;
    is_package.then(|| Published {
        platform: p,
        from: "/publisher/name".to_string(),
        how: format!("the package's publisher is \"{name}\""),
    })
}

/// One source that names a nation.
struct Evidence {
    nation: Nation,
    from: String,
    what: String,
    /// Whether the source speaks of the authority's law (the platform of one nation's
    /// procurements, the devolved-regulations classification) rather than of where its office is.
    devolved: bool,
}

/// The nation, or why it is left out (`Err`, a sentence), with `from` a pointer in the input to
/// report it at when the notice has a place for it.
pub(super) enum Found {
    Nation(Text),
    Unsure {
        from: Option<(String, Value)>,
        why: String,
    },
}

/// The buyer's nation, from the platform and the buyer party.
pub(super) fn nation(n: &Notice, published: Option<&Published>) -> Found {
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut silent: Vec<String> = Vec::new();
    if let Some(p) = published {
        match p.platform.nation() {
            Some(nation) => evidence.push(Evidence {
                nation,
                from: p.from.clone(),
                what: format!(
                    "{} ({}) publishes {} procurements",
                    p.platform.name(),
                    p.how,
                    adjective(nation)
                ),
                devolved: true,
            }),
            None => silent.push(format!(
                "{} ({}) publishes for more than one nation",
                p.platform.name(),
                p.how
            )),
        }
    }
    let buyer = buyer_party(n);
    // Where to say why the nation is left out: the buyer's address, else the buyer, else the
    // platform's mark.
    let mut address_at: Option<(String, Value)> = n
        .release(&["buyer"])
        .map(|b| (n.at(&["buyer"]), b.clone()))
        .or_else(|| {
            let p = published?;
            let v = if p.from == "/publisher/name" {
                Value::from(n.source.publisher.clone().unwrap_or_default())
            } else {
                n.release(&["ocid"])?.clone()
            };
            Some((p.from.clone(), v))
        });
    if let Some((i, party)) = buyer {
        let idx = i.to_string();
        address_at = Some(match get(party, &["address"]) {
            Some(addr) => (n.at(&["parties", &idx, "address"]), addr.clone()),
            None => (n.at(&["parties", &idx]), party.clone()),
        });
        for (key, read) in [
            ("region", region as fn(&str) -> Option<Nation>),
            ("countryName", country),
            ("postalCode", postcode),
        ] {
            let Some(text) = get(party, &["address", key]).and_then(Value::as_str) else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let what = match key {
                "region" => format!("the buyer's region code is \"{text}\""),
                "countryName" => format!("the buyer's country is \"{text}\""),
                _ => format!("the buyer's postcode is \"{text}\""),
            };
            match read(text) {
                Some(nation) => evidence.push(Evidence {
                    nation,
                    from: n.at(&["parties", &idx, "address", key]),
                    what: format!("{what} ({})", nation.title()),
                    devolved: false,
                }),
                None => silent.push(format!("{what}, which names no one nation")),
            }
        }
        classified(n, party, &idx, &mut evidence, &mut silent);
    } else {
        silent.push("the notice names no buyer party with an address".into());
    }
    decide(&evidence, &silent, address_at)
}

/// What the buyer's classifications under the devolved-regulations scheme of the OCDS for the
/// United Kingdom extension say of its nation (`parties[idx]` is the buyer).
fn classified(
    n: &Notice,
    party: &Value,
    idx: &str,
    evidence: &mut Vec<Evidence>,
    silent: &mut Vec<String>,
) {
    let classes = get(party, &["details", "classifications"]).and_then(Value::as_array);
    for (j, c) in classes.into_iter().flatten().enumerate() {
        let scheme = get(c, &["scheme"]).and_then(Value::as_str);
        if scheme != Some("UK_CA_DEVOLVED_REGULATIONS") {
            continue;
        }
        let id = get(c, &["id"]).and_then(Value::as_str).unwrap_or("");
        let nation = match id.trim() {
            "GB-SCT" => Some(Nation::Scotland),
            "GB-WLS" => Some(Nation::Wales),
            "GB-NIR" => Some(Nation::NorthernIreland),
            _ => None,
        };
        let jdx = j.to_string();
        let at = n.at(&["parties", idx, "details", "classifications", &jdx, "id"]);
        match nation {
            Some(nation) => evidence.push(Evidence {
                nation,
                from: at,
                what: format!(
                    "the buyer is classified as under {}'s devolved regulations ({id})",
                    nation.title()
                ),
                devolved: true,
            }),
            None => silent.push(format!(
                "the buyer's devolved-regulations classification \"{id}\" is not one ulo knows"
            )),
        }
    }
}

/// The nation when the evidence agrees, else why not.
fn decide(evidence: &[Evidence], silent: &[String], address_at: Option<(String, Value)>) -> Found {
    let Some(first) = evidence.first() else {
        let why = if silent.is_empty() {
            "the notice says nothing about where the buyer is".to_string()
        } else {
            silent.join("; ")
        };
        return Found::Unsure {
            from: address_at,
            why: format!("the buyer's nation cannot be told: {why}; state it, since it decides whose law applies"),
        };
    };
    let said: Vec<&str> = evidence.iter().map(|e| e.what.as_str()).collect();
    if evidence.iter().any(|e| e.nation != first.nation) {
        return Found::Unsure {
            from: address_at,
            why: format!(
                "the notice names more than one nation ({}), so the buyer's nation is left out; state it",
                said.join("; ")
            ),
        };
    }
    // An office in Scotland does not make a devolved Scottish authority: a reserved UK body
    // there follows the Procurement Act 2023 (s.2(5)). Only the address says Scotland here.
    let reserved = if first.nation == Nation::Scotland && !evidence.iter().any(|e| e.devolved) {
        "; only the address says so, and a reserved UK body based in Scotland follows the Procurement Act 2023 instead: check it"
    } else {
        ""
    };
    let note = format!("{}: {}{reserved}", first.nation.title(), said.join("; "));
    Found::Nation(Traced::new(
        first.nation.word().to_string(),
        first.from.clone(),
        Some(note),
    ))
}

fn adjective(n: Nation) -> &'static str {
    match n {
        Nation::England => "English",
        Nation::Wales => "Welsh",
        Nation::Scotland => "Scottish",
        Nation::NorthernIreland => "Northern Irish",
    }
}

/// The buyer among the parties, with its index: the party whose id is the release's `buyer.id`,
/// else the first party with the role "buyer".
pub(super) fn buyer_party<'a>(n: &Notice<'a>) -> Option<(usize, &'a Value)> {
    let parties = n.release(&["parties"]).and_then(Value::as_array)?;
    let buyer_id = n.release(&["buyer", "id"]).and_then(Value::as_str);
    if let Some(id) = buyer_id {
        let by_id = parties
            .iter()
            .enumerate()
            .find(|(_, p)| get(p, &["id"]).and_then(Value::as_str) == Some(id));
        if by_id.is_some() {
            return by_id;
        }
    }
    parties.iter().enumerate().find(|(_, p)| {
        get(p, &["roles"])
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some("buyer")))
    })
}

/// A NUTS (to 2020) or ITL (from 2021) region code: the first level names the nation (UKC to
/// UKK and TLC to TLK are England's regions; UKL/TLL Wales; UKM/TLM Scotland; UKN/TLN
/// Northern Ireland). "UK" alone, or an extra-regio code (UKZ, TLZ), names none.
fn region(code: &str) -> Option<Nation> {
    let c = code.to_ascii_uppercase();
    let c = c.strip_prefix("UK").or_else(|| c.strip_prefix("TL"))?;
    if !c.bytes().all(|b| b.is_ascii_alphanumeric()) || c.len() > 3 {
        return None;
    }
    match c.bytes().next()? {
        b'C'..=b'K' => Some(Nation::England),
        b'L' => Some(Nation::Wales),
        b'M' => Some(Nation::Scotland),
        b'N' => Some(Nation::NorthernIreland),
        _ => None,
    }
}

/// A country name that is a nation (its name, or its ISO 3166-2:GB code with or without the
/// `GB-`); "United Kingdom", "UK" and "GB" name none.
fn country(name: &str) -> Option<Nation> {
    let n = name.trim().to_ascii_lowercase();
    let n = n.strip_prefix("gb-").unwrap_or(&n);
    match n {
        "england" | "eng" => Some(Nation::England),
        "wales" | "cymru" | "wls" => Some(Nation::Wales),
        "scotland" | "sct" => Some(Nation::Scotland),
        "northern ireland" | "nir" => Some(Nation::NorthernIreland),
        _ => None,
    }
}

/// Postcode areas that lie wholly in Scotland. DG and TD are left out: TD (Berwick-upon-Tweed,
/// Cornhill) crosses into England, and the border is not read from a postcode.
const SCOTLAND: &[&str] = &[
    "AB", "DD", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE",
];

/// Postcode areas that lie wholly in Wales. CH, LD, LL, NP and SY are left out: they include
/// English addresses, or may.
const WALES: &[&str] = &["CF", "SA"];

/// Postcode areas that lie wholly in England. Areas with addresses across a border (CA, CH, DG,
/// GL, HR, LD, LL, NP, SY, TD) are left out, as are the Crown dependencies (GY, JE, IM), which
/// are not England.
const ENGLAND: &[&str] = &[
    "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "CB", "CM", "CO", "CR", "CT", "CV",
    "CW", "DA", "DE", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EN", "EX", "FY", "GU", "HA", "HD",
    "HG", "HP", "HU", "HX", "IG", "IP", "KT", "L", "LA", "LE", "LN", "LS", "LU", "M", "ME", "MK",
    "N", "NE", "NG", "NN", "NR", "NW", "OL", "OX", "PE", "PL", "PO", "PR", "RG", "RH", "RM", "S",
    "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "TA", "TF", "TN", "TQ",
    "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO",
];

/// The nation of a UK postcode, by its area (the letters before the first digit), when the
/// whole area lies in one nation; BT is Northern Ireland.
fn postcode(code: &str) -> Option<Nation> {
    let c = code.trim().to_ascii_uppercase();
    let area: String = c.chars().take_while(char::is_ascii_alphabetic).collect();
    let rest = &c[area.len()..];
    // A postcode's area is one or two letters followed by a digit.
    if area.is_empty() || area.len() > 2 || !rest.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let area = area.as_str();
    if area == "BT" {
        Some(Nation::NorthernIreland)
    } else if SCOTLAND.contains(&area) {
        Some(Nation::Scotland)
    } else if WALES.contains(&area) {
        Some(Nation::Wales)
    } else if ENGLAND.contains(&area) {
        Some(Nation::England)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_countries_and_postcodes_name_a_nation_only_when_plain() {
        assert_eq!(region("UKM82"), Some(Nation::Scotland));
        assert_eq!(region("UKL18"), Some(Nation::Wales));
        assert_eq!(region("UKI"), Some(Nation::England));
        assert_eq!(region("TLN0"), Some(Nation::NorthernIreland));
        assert_eq!(region("UK"), None);
        assert_eq!(region("UKZZZ"), None);
        assert_eq!(region("Glasgow"), None);
        assert_eq!(country("England"), Some(Nation::England));
        assert_eq!(country("ENG"), Some(Nation::England));
        assert_eq!(country("GB-SCT"), Some(Nation::Scotland));
        assert_eq!(country("United Kingdom"), None);
        assert_eq!(country("GB"), None);
        assert_eq!(postcode("G2 1DU"), Some(Nation::Scotland));
        assert_eq!(postcode("KA12 8EE"), Some(Nation::Scotland));
        assert_eq!(postcode("CF15 7QZ"), Some(Nation::Wales));
        assert_eq!(postcode("BT1 5GS"), Some(Nation::NorthernIreland));
        assert_eq!(postcode("LU1 2BQ"), Some(Nation::England));
        assert_eq!(postcode("GL1 2TG"), None, "GL is left out");
        assert_eq!(
            postcode("TD15 1BG"),
            None,
            "Berwick is in England, TD9 in Scotland"
        );
        assert_eq!(postcode("SY1 1AA"), None);
        assert_eq!(postcode("Cv34dz"), Some(Nation::England));
        assert_eq!(postcode(""), None);
        assert_eq!(postcode("GIR 0AA"), None);
    }
}

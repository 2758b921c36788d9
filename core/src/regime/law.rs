//! The legislation the regime decision rests on, cited by the engine itself: which law governs a
//! tender is a matter of law, not a setting of the authority adopting a protocol, so these
//! citations do not come from a protocol's sources.

use crate::explain::CiteRef;

/// An instrument the decision cites: id, title, address.
const LAWS: &[(&str, &str, &str)] = &[
    ("PA23", "Procurement Act 2023", "https://www.legislation.gov.uk/ukpga/2023/54"),
    (
        "PR24",
        "Procurement Regulations 2024 (SI 2024/692)",
        "https://www.legislation.gov.uk/uksi/2024/692",
    ),
    (
        "PACR24",
        "Procurement Act 2023 (Commencement No. 3 and Transitional and Saving Provisions) Regulations 2024 (SI 2024/716)",
        "https://www.legislation.gov.uk/uksi/2024/716",
    ),
    (
        "PATA25",
        "Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025 (SI 2025/1200)",
        "https://www.legislation.gov.uk/uksi/2025/1200",
    ),
    (
        "PCR15",
        "Public Contracts Regulations 2015 (SI 2015/102)",
        "https://www.legislation.gov.uk/uksi/2015/102",
    ),
    (
        "PSR23",
        "Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)",
        "https://www.legislation.gov.uk/uksi/2023/1348",
    ),
    (
        "NHSA06",
        "National Health Service Act 2006",
        "https://www.legislation.gov.uk/ukpga/2006/41",
    ),
    (
        "PRSA14",
        "Procurement Reform (Scotland) Act 2014",
        "https://www.legislation.gov.uk/asp/2014/12",
    ),
    (
        "PCSR15",
        "Public Contracts (Scotland) Regulations 2015 (SSI 2015/446)",
        "https://www.legislation.gov.uk/ssi/2015/446",
    ),
];

/// A citation of `clause` in the instrument `id` (one of [`LAWS`]).
pub fn cite(id: &str, clause: &str) -> CiteRef {
    let (title, url) = LAWS
        .iter()
        .find(|(i, _, _)| *i == id)
        .map_or((id, None), |(_, t, u)| (*t, Some((*u).to_string())));
    CiteRef {
        source: id.to_string(),
        title: title.to_string(),
        clause: clause.to_string(),
        url,
    }
}

/// Every instrument the decision can cite, as (id, title, address): for the table of the law.
#[must_use]
pub fn instruments() -> &'static [(&'static str, &'static str, &'static str)] {
    LAWS
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_citation_names_a_known_instrument() {
        let c = super::cite("PA23", "s.9");
        assert_eq!(c.title, "Procurement Act 2023");
        assert!(c.url.is_some());
    }
}

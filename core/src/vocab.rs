//! The shared vocabulary: terms that the protocol, the rule language, tenders and results all
//! speak, kept apart so that none of those modules has to import another to name them.
//!
//! It imports nothing above `exact` and `choice`, so any module may use it without closing a
//! loop of imports.

use crate::choice::choice;
use crate::exact::{Exact, RoundingMode};

choice! {
    /// Whether a barrier rule looks at the tender as a whole or at each lot.
    pub enum Scope as "a scope" {
        /// Once per tender.
        Tender = "tender",
        /// Once per lot.
        Lot = "lot",
    }
}

choice! {
    /// How serious a barrier is.
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Severity as "a severity" {
        /// The protocol (often the law) requires it.
        Must = "must",
        /// The protocol recommends it.
        Should = "should",
    }
}

choice! {
    /// On what a barrier rule stands under a regime: the law of that regime, or the adopting
    /// authority's own policy. Only the law makes a finding a MUST; a policy is a SHOULD,
    /// however firmly the authority holds it, so that the engine never calls a setting law.
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Standing as "a standing" {
        /// A clause of the governing law requires it.
        Law = "law",
        /// The authority adopting the protocol chose it.
        Policy = "policy",
    }
}

impl Standing {
    /// The severity a finding on this standing carries.
    #[must_use]
    pub fn severity(self) -> Severity {
        match self {
            Standing::Law => Severity::Must,
            Standing::Policy => Severity::Should,
        }
    }
}

choice! {
    /// The kind of criterion, for the weight checks (price cap, quality floor...).
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Category as "a category" {
        /// Price or cost.
        Price = "price",
        /// Quality of the service.
        Quality = "quality",
        /// Social value (Public Services (Social Value) Act 2012).
        SocialValue = "social_value",
        /// User leadership and the involvement of people who use services.
        UserLeadership = "user_leadership",
    }
}

choice! {
    /// The standing of a source, so a reader can tell law from good practice.
    #[derive(Hash)]
    pub enum SourceKind as "a kind of source" {
        /// An Act of Parliament or statutory instrument.
        Legislation = "legislation",
        /// Statutory guidance, which authorities must have regard to.
        StatutoryGuidance = "statutory_guidance",
        /// Non-statutory guidance or a policy note.
        Guidance = "guidance",
        /// Research or a report.
        Research = "research",
        /// The authority's or consortium's own policy.
        LocalPolicy = "local_policy",
    }
}

/// Where a rule comes from: an Act, a regulation, guidance, research, or local policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Short id the rules cite, e.g. `PA23`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Where to read it, if public.
    pub url: Option<String>,
}

/// A rule's citation: which source, which clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cite {
    /// The source's id.
    pub source: String,
    /// The clause, section, regulation or paragraph, e.g. `s.18` or `reg 58(9)`.
    pub clause: String,
    /// The words of the regimes under which the clause is shown (award model cites only; the
    /// reader accepts only `Regime` words): a scorecard of a tender whose regime is decided
    /// leaves out a clause of a law that does not govern it. `None` shows it whatever the
    /// regime, as every cite did before regimes. Words, not `Regime`, so that this module does
    /// not import `regime` (which imports it).
    pub regimes: Option<Vec<&'static str>>,
}

impl Cite {
    /// Whether the clause is shown for a tender under the regime with this word (`None`: not
    /// stated, so every clause shows, as before regimes).
    #[must_use]
    pub fn shown_under(&self, regime: Option<&str>) -> bool {
        match (&self.regimes, regime) {
            (Some(list), Some(r)) => list.contains(&r),
            _ => true,
        }
    }
}

/// An amount in pounds for people: `GBP 250,000` or `GBP 1,250.50`. Rules, problems and
/// explanations all write money this way, so a figure reads the same wherever it appears.
#[must_use]
pub fn money(v: Exact) -> String {
    let places = if v.has_at_most_places(0) { 0 } else { 2 };
    let rounded = v.round(places, RoundingMode::HalfUp).unwrap_or(v);
    let text = rounded.to_fixed(places);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(t) => ("-", t),
        None => ("", text.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let point = if frac.is_empty() { "" } else { "." };
    format!("{sign}GBP {grouped}{point}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped() {
        let m = |s: &str| money(Exact::parse_decimal(s).unwrap());
        assert_eq!(m("250000"), "GBP 250,000");
        assert_eq!(m("1250.5"), "GBP 1,250.50");
        assert_eq!(m("999"), "GBP 999");
        assert_eq!(m("1000000"), "GBP 1,000,000");
        assert_eq!(m("-1250.5"), "-GBP 1,250.50");
        assert_eq!(m("0.5"), "GBP 0.50");
    }
}

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

/// The most digits an amount may have before its point: the schemas' `money` pattern allows 13
/// (up to GBP 9,999,999,999,999), so an amount read here is always one the documents accept.
pub const AMOUNT_WHOLE_DIGITS: usize = 13;

/// Why text typed as an amount of money cannot be read. Each says what is wrong in plain words
/// and how to write it instead, so a form or an import can show it as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing but spaces (or a pound sign) was written.
    Empty,
    /// A minus sign: an amount of money here is never below zero.
    Negative,
    /// A currency other than pounds (`$`, `€`, `EUR`...).
    OtherCurrency,
    /// A character that has no place in an amount (a letter, `k`, `+`, `e`...).
    Unexpected(char),
    /// More than one decimal point.
    TwoPoints,
    /// A decimal point with nothing after it.
    NothingAfterPoint,
    /// A comma or space after the decimal point (`1.000,50`).
    SeparatorAfterPoint,
    /// More than two places after the point: amounts are in pounds and pence.
    TooManyPlaces,
    /// Commas that do not separate thousands (`1,85,000`, `1000,000`, `185,00`).
    Commas,
    /// Spaces that do not separate thousands (`18 5000`, two spaces in a row).
    Spaces,
    /// Both commas and spaces between the digits.
    MixedSeparators,
    /// More digits before the point than any document accepts.
    TooLarge,
}

impl AmountError {
    /// A short stable code, for tests and for callers that wrap it in their own problems.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            AmountError::Empty => "amount-empty",
            AmountError::Negative => "amount-negative",
            AmountError::OtherCurrency => "amount-currency",
            AmountError::Unexpected(_) => "amount-character",
            AmountError::TwoPoints => "amount-two-points",
            AmountError::NothingAfterPoint => "amount-point",
            AmountError::SeparatorAfterPoint => "amount-separator-after-point",
            AmountError::TooManyPlaces => "amount-places",
            AmountError::Commas => "amount-commas",
            AmountError::Spaces => "amount-spaces",
            AmountError::MixedSeparators => "amount-mixed-separators",
            AmountError::TooLarge => "amount-too-large",
        }
    }

    /// What is wrong, in lowercase plain words.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            AmountError::Empty => "no amount is written".into(),
            AmountError::Negative => "an amount cannot be below zero".into(),
            AmountError::OtherCurrency => "amounts are in pounds (£), not another currency".into(),
            AmountError::Unexpected(c) => format!("\"{c}\" has no place in an amount"),
            AmountError::TwoPoints => "an amount has at most one decimal point".into(),
            AmountError::NothingAfterPoint => "a decimal point must be followed by pence".into(),
            AmountError::SeparatorAfterPoint => {
                "commas and spaces can only come before the decimal point".into()
            }
            AmountError::TooManyPlaces => "an amount has at most two decimal places (pence)".into(),
            AmountError::Commas => "commas must separate thousands".into(),
            AmountError::Spaces => "spaces must separate thousands".into(),
            AmountError::MixedSeparators => {
                "use either commas or spaces between thousands, not both".into()
            }
            AmountError::TooLarge => format!(
                "an amount has at most {AMOUNT_WHOLE_DIGITS} digits before the decimal point"
            ),
        }
    }

    /// How to write it instead.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            AmountError::Empty => "write the amount in pounds, for example 185000 or £185,000.50",
            AmountError::Negative => "write the amount without a minus sign",
            AmountError::OtherCurrency => "write the amount in pounds, for example £185,000",
            AmountError::Unexpected(_) => {
                "write the amount in full, in digits, for example 185000, 185,000 or £185,000.50"
            }
            AmountError::TwoPoints | AmountError::SeparatorAfterPoint => {
                "write pounds, then a point, then pence, for example 185,000.50"
            }
            AmountError::NothingAfterPoint => "remove the point or add pence, as in 185000.50",
            AmountError::TooManyPlaces => "round to whole pence, for example 12.35",
            AmountError::Commas => {
                "put a comma before each group of three digits, as in 1,185,000, or leave commas out"
            }
            AmountError::Spaces => {
                "put one space before each group of three digits, as in 1 185 000, or leave spaces out"
            }
            AmountError::MixedSeparators => "write 1,185,000 or 1 185 000 or 1185000",
            AmountError::TooLarge => "check the amount: it is more than any contract is worth",
        }
    }
}

impl std::fmt::Display for AmountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Whether `c` separates thousands as a space: an ordinary space, or the no-break and thin
/// spaces that word processors and spreadsheets put in numbers.
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Reads an amount of money as a person types it and returns its exact decimal text, as the
/// documents hold it (`"185000"`, `"185000.50"`), or says in plain words what is wrong.
///
/// Why: people copy amounts from letters and spreadsheets (`£185,000`), and a form that refuses
/// them for a pound sign makes them retype figures, which is where mistakes creep in. What is
/// accepted is still unambiguous:
///
/// - spaces around the amount are ignored; a pound sign `£` or `GBP` (any case) may come first,
///   with or without a space after it (so the engine's own `GBP 185,000` reads back);
/// - thousands may be separated by commas (`185,000`) or by single spaces (`185 000`, also the
///   no-break and thin spaces), but every group after the first must have exactly three digits
///   and one amount uses one kind of separator: `1,85,000` (Indian grouping), `185,00` and
///   `1.000,50` (a decimal comma) are refused rather than guessed at;
/// - at most one decimal point and at most two places after it (pounds and pence); `.50` reads
///   as `0.50`, and the pence are kept as written (`5.50` stays `5.50`);
/// - never a minus sign, another currency, an exponent or a suffix like `k`;
/// - at most [`AMOUNT_WHOLE_DIGITS`] digits before the point. Leading zeros are dropped, so the
///   text returned always matches the schemas' `money` pattern.
///
/// Whether zero is allowed is the caller's question: `"0"` reads as `"0"`.
///
/// # Errors
/// An [`AmountError`] naming the first thing wrong.
pub fn read_amount(text: &str) -> Result<String, AmountError> {
    let mut rest = text.trim();
    if rest.starts_with('-') || rest.starts_with('\u{2212}') {
        return Err(AmountError::Negative);
    }
    for other in ['$', '€', '¥', '₹'] {
        if rest.starts_with(other) || rest.ends_with(other) {
            return Err(AmountError::OtherCurrency);
        }
    }
    let upper = rest.to_ascii_uppercase();
    if ["EUR", "USD"]
        .iter()
        .any(|c| upper.starts_with(c) || upper.ends_with(c))
    {
        return Err(AmountError::OtherCurrency);
    }
    if let Some(r) = rest.strip_prefix('£') {
        rest = r;
    } else if upper.starts_with("GBP") {
        rest = &rest[3..];
    }
    rest = rest.trim_start();
    if rest.starts_with('-') || rest.starts_with('\u{2212}') {
        return Err(AmountError::Negative);
    }
    if rest.is_empty() {
        return Err(AmountError::Empty);
    }
    if let Some(c) = rest
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ',' || *c == '.' || is_space_separator(*c)))
    {
        return Err(AmountError::Unexpected(c));
    }
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    if let Some(f) = frac {
        if f.contains('.') {
            return Err(AmountError::TwoPoints);
        }
        if f.contains(',') || f.chars().any(is_space_separator) {
            return Err(AmountError::SeparatorAfterPoint);
        }
        if f.is_empty() {
            return Err(AmountError::NothingAfterPoint);
        }
        if f.len() > 2 {
            return Err(AmountError::TooManyPlaces);
        }
    }
    let commas = whole.contains(',');
    let spaces = whole.chars().any(is_space_separator);
    let digits: String = match (commas, spaces) {
        (true, true) => return Err(AmountError::MixedSeparators),
        (false, false) => whole.to_string(),
        (true, false) => grouped(whole, |c| c == ',').ok_or(AmountError::Commas)?,
        (false, true) => grouped(whole, is_space_separator).ok_or(AmountError::Spaces)?,
    };
    let digits = digits.trim_start_matches('0');
    if digits.len() > AMOUNT_WHOLE_DIGITS {
        return Err(AmountError::TooLarge);
    }
    let whole = if digits.is_empty() { "0" } else { digits };
    Ok(match frac {
        Some(f) => format!("{whole}.{f}"),
        None => whole.to_string(),
    })
}

/// The digits of `whole` if its separators (as `sep` says) each come before a group of exactly
/// three digits and the first group has one to three; `None` otherwise.
fn grouped(whole: &str, sep: impl Fn(char) -> bool) -> Option<String> {
    let groups: Vec<&str> = whole.split(sep).collect();
    let (first, others) = groups.split_first()?;
    if first.is_empty() || first.len() > 3 || others.iter().any(|g| g.len() != 3) {
        return None;
    }
    Some(groups.concat())
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

    #[test]
    fn amounts_are_read_as_people_type_them() {
        let ok = |s: &str| read_amount(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(ok("185000"), "185000");
        assert_eq!(ok("185,000"), "185000");
        assert_eq!(ok("£185,000"), "185000");
        assert_eq!(ok("£185,000.50"), "185000.50");
        assert_eq!(ok(" 185 000 "), "185000");
        assert_eq!(ok("1\u{a0}185\u{a0}000.5"), "1185000.5");
        assert_eq!(ok("£ 1,185,000"), "1185000");
        assert_eq!(ok("GBP 250,000"), "250000");
        assert_eq!(ok("gbp250000.00"), "250000.00");
        assert_eq!(ok("0"), "0");
        assert_eq!(ok("0.00"), "0.00");
        assert_eq!(ok(".5"), "0.5");
        assert_eq!(ok("007"), "7");
        assert_eq!(ok("999"), "999");
        assert_eq!(ok("9,999,999,999,999.99"), "9999999999999.99");
    }

    #[test]
    fn what_the_engine_writes_reads_back() {
        for s in ["250000", "1250.5", "0.5", "1000000", "999"] {
            let text = money(Exact::parse_decimal(s).unwrap());
            let back = read_amount(&text).unwrap();
            assert_eq!(
                Exact::parse_decimal(&back).unwrap(),
                Exact::parse_decimal(s).unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn wrong_amounts_are_refused_with_their_reason() {
        let err = |s: &str| read_amount(s).expect_err(s);
        assert_eq!(err("1,85,000"), AmountError::Commas);
        assert_eq!(err("185,00"), AmountError::Commas);
        assert_eq!(err("1000,000"), AmountError::Commas);
        assert_eq!(err(",185"), AmountError::Commas);
        assert_eq!(err("185,"), AmountError::Commas);
        assert_eq!(err("18 5000"), AmountError::Spaces);
        assert_eq!(err("185  000"), AmountError::Spaces);
        assert_eq!(err("1,185 000"), AmountError::MixedSeparators);
        assert_eq!(err("£-5"), AmountError::Negative);
        assert_eq!(err("-£5"), AmountError::Negative);
        assert_eq!(err("-5"), AmountError::Negative);
        assert_eq!(err("12.345"), AmountError::TooManyPlaces);
        assert_eq!(err("1.000,50"), AmountError::SeparatorAfterPoint);
        assert_eq!(err("1.2.3"), AmountError::TwoPoints);
        assert_eq!(err("5."), AmountError::NothingAfterPoint);
        assert_eq!(err(""), AmountError::Empty);
        assert_eq!(err("  £ "), AmountError::Empty);
        assert_eq!(err("$500"), AmountError::OtherCurrency);
        assert_eq!(err("500 EUR"), AmountError::OtherCurrency);
        assert_eq!(err("185k"), AmountError::Unexpected('k'));
        assert_eq!(err("1e5"), AmountError::Unexpected('e'));
        assert_eq!(err("+5"), AmountError::Unexpected('+'));
        assert_eq!(err("10000000000000"), AmountError::TooLarge);
    }

    #[test]
    fn amount_errors_speak_plainly() {
        let all = [
            AmountError::Empty,
            AmountError::Negative,
            AmountError::OtherCurrency,
            AmountError::Unexpected('k'),
            AmountError::TwoPoints,
            AmountError::NothingAfterPoint,
            AmountError::SeparatorAfterPoint,
            AmountError::TooManyPlaces,
            AmountError::Commas,
            AmountError::Spaces,
            AmountError::MixedSeparators,
            AmountError::TooLarge,
        ];
        let mut codes = std::collections::BTreeSet::new();
        for e in all {
            assert!(codes.insert(e.code()), "{} twice", e.code());
            let m = e.message();
            assert_eq!(m, m.to_lowercase(), "{m}");
            assert!(!e.help().is_empty());
        }
        assert_eq!(
            AmountError::Commas.to_string(),
            "commas must separate thousands"
        );
    }
}

//! Reading OCDS values: text, ids, numbers, money, dates and contract periods, each read exactly
//! or not at all. A value that cannot be read gives `None` or the reason in words (`Err`), which
//! the mapping reports; nothing here guesses, rounds money or reads figures out of prose.

use crate::dates::Date;
use crate::exact::Exact;
use crate::read::is_id;
use serde_json::Value;

/// A value in a few words, for `found`.
pub(super) fn brief(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let count = s.chars().count();
            if count > 80 {
                let head: String = s.chars().take(77).collect();
                format!("\"{head}...\" ({count} characters)")
            } else {
                format!("\"{s}\"")
            }
        }
        Value::Array(a) => match a.len() {
            1 => "a list of 1 item".into(),
            n => format!("a list of {n} items"),
        },
        Value::Object(o) => {
            let keys: Vec<&str> = o.keys().map(String::as_str).take(6).collect();
            let more = if o.len() > 6 { ", ..." } else { "" };
            format!("an object with {}{more}", keys.join(", "))
        }
    }
}

/// The value at `path` (object keys, or list indexes written as numbers), treating JSON null
/// as absent (OCDS publishers write null for "none").
pub(super) fn get<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    let mut cur = v;
    for key in path {
        cur = match cur {
            Value::Object(o) => o.get(*key)?,
            Value::Array(a) => a.get(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    (!cur.is_null()).then_some(cur)
}

/// The text at `v`, when it is text.
pub(super) fn text_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// Text trimmed and fitted to `max` characters; the bool says whether it was shortened.
/// `None` when the value is not text or is blank.
pub(super) fn fit(v: &Value, max: usize) -> Option<(String, bool)> {
    let s = v.as_str()?.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().count() <= max {
        return Some((s.to_string(), false));
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('\u{2026}');
    Some((out, true))
}

/// An id in ulo's form made from any text: characters outside letters, digits, dots, dashes and
/// underscores become dashes, runs of dashes collapse, and it is cut to 64 characters.
pub(super) fn slug(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    let trimmed = out.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let cut: String = trimmed.chars().take(64).collect();
    let cut = cut.trim_end_matches('-').to_string();
    is_id(&cut).then_some(cut)
}

/// A non-negative decimal written in plain digits, normalised (no leading zeros, no trailing
/// zeros after the point). `Err` says why not.
pub(super) fn plain_decimal(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err("it is negative".into());
    }
    if t.contains(['e', 'E']) {
        // A JSON number's exponent is written out by `number_text` when it can be; one left
        // here is too large or too small to write out, or is text.
        return Err(match plain_number(t) {
            Err(why) => why,
            Ok(_) => "it is written with an exponent".into(),
        });
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (t.contains('.') && frac.is_empty())
    {
        return Err("it is not a plain number".into());
    }
    let whole = whole.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Ok(if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    })
}

/// The decimal text of an OCDS number (or numeric text): the digits the publisher wrote (the
/// strict parser keeps a number's text, never a float's rounding of it), with an exponent
/// written out in full when that takes at most 40 characters (`9e5` is `900000`).
pub(super) fn number_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(plain_number(n.as_str()).unwrap_or_else(|_| n.to_string())),
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// A JSON number's text written out without an exponent, exactly (`1.5e3` is `1500`,
/// `25e-2` is `0.25`); `Err` says why not when that would take more than 40 characters
/// (`1e-400`: ulo reads no figure with hundreds of decimal places, and rounds none).
#[allow(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "lengths are of one number's text, far below i64::MAX, and `point` is checked to within 40 of 0 before it is cast back"
)]
pub(super) fn plain_number(text: &str) -> Result<String, String> {
    const LONGEST: i64 = 40;
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let Some((mantissa, exponent)) = rest.split_once(['e', 'E']) else {
        return Ok(text.to_string());
    };
    let Ok(exp) = exponent.trim_start_matches('+').parse::<i64>() else {
        return Err(if exponent.starts_with('-') {
            "it has more decimal places than ulo reads".into()
        } else {
            "it has more digits than ulo reads".into()
        });
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{}", frac.trim_end_matches('0'));
    // The point sits `point` digits from the left of `digits`.
    let point = whole.len() as i64 + exp;
    if point > LONGEST {
        return Err("it has more digits than ulo reads".into());
    }
    if digits.len() as i64 - point > LONGEST {
        return Err("it has more decimal places than ulo reads".into());
    }
    let (int_part, frac_part) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{digits}", "0".repeat((-point) as usize)),
        )
    } else if point as usize >= digits.len() {
        (
            format!("{digits}{}", "0".repeat(point as usize - digits.len())),
            String::new(),
        )
    } else {
        let (i, f) = digits.split_at(point as usize);
        (i.to_string(), f.to_string())
    };
    let int_part = match int_part.trim_start_matches('0') {
        "" => "0",
        i => i,
    };
    let frac_part = frac_part.trim_end_matches('0');
    Ok(if frac_part.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    })
}

/// An OCDS `Value` (`{amount, currency}`) as a ulo amount in pounds. `Err` says why not.
pub(super) fn money(v: &Value) -> Result<String, String> {
    money_at(v, "amount")
}

/// The amount at `key` of an OCDS `Value` (`amount`, or the UK extension's `amountGross`) in
/// pounds. `Err` says why not.
pub(super) fn money_at(v: &Value, key: &str) -> Result<String, String> {
    let Some(amount) = get(v, &[key]) else {
        return Err(format!("it gives no {key}"));
    };
    let Some(text) = number_text(amount) else {
        return Err(format!("the amount is {}, not a number", brief(amount)));
    };
    match get(v, &["currency"]).and_then(Value::as_str) {
        Some("GBP") => {}
        Some(c) => {
            return Err(format!(
                "the amount is in {c}; ulo works in pounds sterling (GBP) and does not convert currencies"
            ))
        }
        None => {
            return Err(
                "no currency is given; ulo works in pounds sterling and does not assume a currency"
                    .into(),
            )
        }
    }
    let d =
        plain_decimal(&text).map_err(|why| format!("the amount {text} cannot be used: {why}"))?;
    let (whole, frac) = d.split_once('.').unwrap_or((&d, ""));
    if frac.len() > 2 {
        return Err(format!(
            "the amount {d} has more than two decimal places; ulo does not round it"
        ));
    }
    if whole.len() > 13 {
        return Err(format!(
            "the amount {d} is larger than ulo accepts (13 digits)"
        ));
    }
    if d == "0" {
        return Err("the amount is 0; an estimated value above 0 is needed".into());
    }
    if Exact::parse_decimal(&d).is_some_and(|a| a < Exact::int(i128::from(PLACEHOLDER_BELOW))) {
        return Err(format!(
            "the amount {d} is below GBP 1,000, which no tendered service contract is worth: it is read as a placeholder the portal required (such as 0.01 or 1), not as an estimate, so the value is taken as not given"
        ));
    }
    Ok(d)
}

/// An amount below this many pounds is read as a placeholder, not an estimate. Why: portals make
/// the value field mandatory, so buyers who will not publish one type 0.01 or 1; carried over,
/// such a value passes every rule that compares a lot's value with a limit (the lot-size rule
/// passes a "lot" of one penny). No contract worth tendering and publishing is worth under
/// GBP 1,000 (the lowest publication threshold, Contracts Finder's, has been GBP 10,000 and
/// more), so nothing real is lost by asking for the value instead.
pub const PLACEHOLDER_BELOW: i64 = 1_000;

/// A bare number written as text, as the older Scottish and Welsh notices give weights (`"70"`,
/// `"17.5"`, `"30%"`).
pub(super) fn bare_number(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    plain_decimal(t).ok()
}

/// A money figure written as text in a selection criterion's `minimum` (`"300000"`,
/// `"300,000"`, `"£300,000"`, `"GBP 300,000"`): digits with optional thousands commas in groups
/// of three and a pound sign or GBP. Anything more (words, ranges) is not read.
pub(super) fn money_text(s: &str) -> Option<String> {
    let mut t = s.trim();
    for affix in ["GBP", "£"] {
        if let Some(r) = t.strip_prefix(affix) {
            t = r.trim_start();
        }
        if let Some(r) = t.strip_suffix(affix) {
            t = r.trim_end();
        }
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok {
        return None;
    }
    let digits = groups.concat();
    let joined = if t.contains('.') {
        format!("{digits}.{frac}")
    } else {
        digits
    };
    plain_decimal(&joined).ok()
}

/// The date part of an OCDS date-time (`2025-02-20T12:00:00Z` gives 2025-02-20, the date as the
/// publisher wrote it, in its own time zone).
pub(super) fn date_part(v: &Value) -> Option<Date> {
    let s = v.as_str()?.trim();
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    Date::parse(head)
}

/// A note for a date read from a date-time: which part was taken.
pub(super) fn date_note(v: &Value, d: Date) -> Option<String> {
    let s = v.as_str().unwrap_or("").trim();
    (s.len() > 10).then(|| format!("the date part of {s}, as written: {d}"))
}

/// Whole months from `start` to `end` inclusive (a period ending 2026-03-31 that starts on
/// 2025-04-01 is 12 months). A period that is not a whole number of months is rounded to the
/// nearest month, and the note says so.
fn months_between(start: Date, end: Date) -> Result<(i64, Option<String>), String> {
    let stop = end
        .next_day()
        .ok_or_else(|| "the end date is out of range".to_string())?;
    if stop <= start {
        return Err(format!(
            "the end date {end} is before the start date {start}"
        ));
    }
    let (sy, sm, _) = start.ymd();
    let (ey, em, _) = stop.ymd();
    let mut n = (i64::from(ey) - i64::from(sy)) * 12 + (i64::from(em) - i64::from(sm));
    while n > 0 && start.add_months(n).is_none_or(|d| d > stop) {
        n -= 1;
    }
    let base = start
        .add_months(n)
        .ok_or_else(|| "the period is out of range".to_string())?;
    let rest = base.days_until(stop);
    if rest == 0 {
        return Ok((n, None));
    }
    let next = start
        .add_months(n + 1)
        .ok_or_else(|| "the period is out of range".to_string())?;
    let span = base.days_until(next);
    let rounded = if 2 * rest >= span { n + 1 } else { n };
    Ok((
        rounded,
        Some(format!(
            "from {start} to {end} is {n} months and {rest} day{}, rounded to the nearest whole month",
            if rest == 1 { "" } else { "s" }
        )),
    ))
}

/// Months from a duration in days. Notices that state a duration in months give it in days as
/// 30-day months (36 months is written 1080 days), so an exact multiple of 30 is read that way;
/// any other count is converted at 365.25 / 12 days a month and rounded.
fn months_from_days(days: i64) -> Result<(i64, String), String> {
    if days <= 0 {
        return Err(format!("the duration is {days} days"));
    }
    if days % 30 == 0 {
        return Ok((
            days / 30,
            format!("{days} days is exactly {} months of 30 days", days / 30),
        ));
    }
    // Nearest whole number of days * 12 / 365.25, in integers: (days * 48 + 1461 / 2) / 1461.
    let months = (days.saturating_mul(96).saturating_add(1461)) / 2922;
    Ok((
        months,
        format!("{days} days at 365.25 / 12 days a month, rounded to {months} months"),
    ))
}

/// A contract length in months, read from an OCDS `Period`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Months {
    /// Whole months.
    pub count: i64,
    /// The key of the period it was read from (`durationInMonths`, `startDate` or
    /// `durationInDays`), so the account points at the value that gave it.
    pub key: &'static str,
    /// How it was worked out, when it was not given in months.
    pub note: Option<String>,
}

/// The contract length of `period` in months when it is one ulo takes (1 to 240); `Err` is the
/// reason it cannot be used.
pub(super) fn contract_months(period: &Value) -> Result<Months, String> {
    match period_months(period) {
        Ok(m) if (1..=240).contains(&m.count) => Ok(m),
        Ok(m) => Err(format!(
            "it comes to {} months; ulo takes contracts of 1 to 240 months",
            m.count
        )),
        Err(why) => Err(format!("no contract length in months: {why}")),
    }
}

/// The contract length of `period` in months, from its duration in months, else its start and
/// end dates, else its duration in days. `Err` says why it cannot be.
fn period_months(period: &Value) -> Result<Months, String> {
    let months = |count, key, note| Months { count, key, note };
    if let Some(m) = get(period, &["durationInMonths"]) {
        return match m.as_i64() {
            Some(n) => Ok(months(n, "durationInMonths", None)),
            None => Err(format!(
                "durationInMonths is {}, not a whole number",
                brief(m)
            )),
        };
    }
    let start = get(period, &["startDate"]);
    let end = get(period, &["endDate"]);
    if let (Some(s), Some(e)) = (start, end) {
        let (Some(sd), Some(ed)) = (date_part(s), date_part(e)) else {
            return Err("its start or end is not a date".into());
        };
        let (n, note) = months_between(sd, ed)?;
        return Ok(months(n, "startDate", note));
    }
    if let Some(d) = get(period, &["durationInDays"]) {
        let Some(days) = d.as_i64() else {
            return Err(format!(
                "durationInDays is {}, not a whole number",
                brief(d)
            ));
        };
        let (n, note) = months_from_days(days)?;
        return Ok(months(n, "durationInDays", Some(note)));
    }
    if start.is_some() || get(period, &["maxExtentDate"]).is_some() {
        return Err("it gives no end date or duration".into());
    }
    Err("it gives no dates or duration".into())
}

#[cfg(test)]
#[allow(
    clippy::unreadable_literal,
    reason = "amounts are written as they appear in the OCDS files"
)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn exponents_are_written_out_exactly_or_refused() {
        for (text, plain) in [
            ("9e+5", "900000"),
            ("1.5e+3", "1500"),
            ("25e-2", "0.25"),
            ("0.0000001e+10", "1000"),
            ("1.50e+1", "15"),
            ("4", "4"),
            ("2.50", "2.50"),
            ("-1e+2", "-100"),
            ("1e-40", "0.0000000000000000000000000000000000000001"),
        ] {
            assert_eq!(plain_number(text).as_deref(), Ok(plain), "{text}");
        }
        for (text, why) in [
            ("1e-400", "more decimal places"),
            ("1e+41", "more digits"),
            ("1e+99999999999999999999", "more digits"),
            ("1e-99999999999999999999", "more decimal places"),
        ] {
            assert!(plain_number(text).unwrap_err().contains(why), "{text}");
            assert!(plain_decimal(text).unwrap_err().contains(why), "{text}");
        }
    }

    #[test]
    fn months_count_inclusive_periods() {
        assert_eq!(
            months_between(d("2025-04-01"), d("2026-03-31")),
            Ok((12, None))
        );
        assert_eq!(
            months_between(d("2025-04-01"), d("2028-03-31")),
            Ok((36, None))
        );
        let (n, note) = months_between(d("2024-10-01"), d("2029-09-29")).unwrap();
        assert_eq!(n, 60);
        assert!(note.unwrap().contains("59 months and 29 days"));
        let (n, note) = months_between(d("2025-04-01"), d("2035-04-01")).unwrap();
        assert_eq!(n, 120);
        assert!(note.unwrap().contains("120 months and 1 day,"));
        assert_eq!(
            months_between(d("2025-01-31"), d("2025-02-27")).unwrap().0,
            1
        );
        assert!(months_between(d("2025-04-01"), d("2025-03-01")).is_err());
        assert_eq!(
            months_between(d("2025-04-01"), d("2025-04-10")).unwrap().0,
            0
        );
    }

    #[test]
    fn months_from_day_counts() {
        assert_eq!(months_from_days(1080).unwrap().0, 36);
        assert_eq!(months_from_days(360).unwrap().0, 12);
        assert_eq!(months_from_days(1095).unwrap().0, 36);
        assert_eq!(months_from_days(365).unwrap().0, 12);
        assert_eq!(months_from_days(45).unwrap().0, 1);
        assert!(months_from_days(0).is_err());
        assert!(months_from_days(-5).is_err());
        assert!(months_from_days(i64::MAX).is_ok());
    }

    #[test]
    fn money_is_read_exactly_or_not_at_all() {
        let m = |v: Value| money(&v);
        assert_eq!(
            m(serde_json::json!({"amount": 1018044.14, "currency": "GBP"})),
            Ok("1018044.14".into())
        );
        assert_eq!(
            m(serde_json::json!({"amount": 7500000.0, "currency": "GBP"})),
            Ok("7500000".into())
        );
        assert_eq!(
            m(serde_json::json!({"amount": 118000000, "currency": "GBP"})),
            Ok("118000000".into())
        );
        assert!(m(serde_json::json!({"amount": 10.005, "currency": "GBP"})).is_err());
        // Placeholders are not estimates.
        for tiny in [
            serde_json::json!(0.01),
            serde_json::json!(1),
            serde_json::json!(999.99),
        ] {
            let why = m(serde_json::json!({"amount": tiny, "currency": "GBP"})).unwrap_err();
            assert!(why.contains("placeholder"), "{why}");
        }
        assert_eq!(
            m(serde_json::json!({"amount": 1000, "currency": "GBP"})),
            Ok("1000".into())
        );
        assert!(m(serde_json::json!({"amount": 100, "currency": "EUR"}))
            .unwrap_err()
            .contains("EUR"));
        assert!(m(serde_json::json!({"amount": 100}))
            .unwrap_err()
            .contains("no currency"));
        assert!(m(serde_json::json!({"amount": 0, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"amount": -5, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"amount": 1e20, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"currency": "GBP"})).is_err());
    }

    #[test]
    fn numbers_in_text() {
        assert_eq!(bare_number("70"), Some("70".into()));
        assert_eq!(bare_number(" 17.5 "), Some("17.5".into()));
        assert_eq!(bare_number("30%"), Some("30".into()));
        assert_eq!(bare_number("Quality 70"), None);
        assert_eq!(money_text("300,000"), Some("300000".into()));
        assert_eq!(money_text("£1,250,000.50"), Some("1250000.5".into()));
        assert_eq!(money_text("GBP 300000"), Some("300000".into()));
        assert_eq!(money_text("300000 GBP"), Some("300000".into()));
        assert_eq!(money_text("30,00"), None);
        assert_eq!(money_text("a turnover of 300,000"), None);
    }

    #[test]
    fn ids_and_text_fit_ulo() {
        assert_eq!(
            slug("IT-234-38233-MVDC - 038233").as_deref(),
            Some("IT-234-38233-MVDC-038233")
        );
        assert_eq!(
            slug("ocds-kuma6s-145895-tender-147806-CCS/24/236").as_deref(),
            Some("ocds-kuma6s-145895-tender-147806-CCS-24-236")
        );
        assert_eq!(slug("  !!"), None);
        assert_eq!(slug(&"x".repeat(100)).map(|s| s.len()), Some(64));
        let (t, short) = fit(&Value::from("a".repeat(2500)), 2000).unwrap();
        assert!(short);
        assert_eq!(t.chars().count(), 2000);
        assert_eq!(fit(&Value::from("  "), 200), None);
        assert_eq!(
            date_part(&Value::from("2025-02-20T12:00:00Z")),
            Some(d("2025-02-20"))
        );
        assert_eq!(date_part(&Value::from("2025-02-20")), Some(d("2025-02-20")));
        assert_eq!(date_part(&Value::from("2025-02-30T12:00:00Z")), None);
        assert_eq!(date_part(&Value::from("20 Feb 2025")), None);
        assert_eq!(date_part(&Value::from("é")), None);
    }
}

//! Figures as a reader expects them in a text report: a fraction such as `8/3` shown as the
//! decimal `2.67`, with the exact fraction kept beside it in brackets, `2.67 (8/3)`.
//!
//! Why: traces keep every unrounded value exact, so a mean of three scores is `8/3`, and a
//! report full of fractions ("8/3 / 4 × 35 = 70/3") reads as an error to a commissioner. The
//! result documents keep the exact fractions (they are the record, and the invariants recompute
//! them); only the words shown change. The decimal is rounded half up to [`PLACES`] places, the
//! rounding is stated by [`ROUNDING_NOTE`], and the fraction stays in brackets so nothing is
//! lost.

use crate::exact::{Exact, RoundingMode};
use crate::explain::Trace;

/// The places a fraction is shown to.
pub const PLACES: u32 = 2;

/// What a report says once about how fractions are shown.
pub const ROUNDING_NOTE: &str =
    "Fractions are shown as decimals rounded half up to 2 places, with the exact value in brackets: 2.67 (8/3).";

/// `text` with every fraction written `n/d` (whole numbers, no spaces around the slash, not
/// part of a longer run such as a date `2026/05/11` or a word `24/7a`; a standalone `24/7`
/// in prose would be shown as a fraction, which is why only engine-written fields are passed) shown as
/// `decimal (n/d)`. Anything else is left as it is.
#[must_use]
pub fn with_decimals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((end, shown)) = fraction_at(&chars, i) {
            out.push_str(&shown);
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A trace whose input values, formula and exact value show fractions as decimals (labels,
/// rule and citations, which are words, are left alone), for rendering with
/// [`crate::explain::render`].
#[must_use]
pub fn trace_with_decimals(t: &Trace) -> Trace {
    let mut t = t.clone();
    for i in &mut t.inputs {
        i.value = with_decimals(&i.value);
    }
    t.formula = with_decimals(&t.formula);
    t.exact = with_decimals(&t.exact);
    t
}

/// Whether `c` joins a run of characters that a fraction must not be part of.
fn joins(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | ',')
}

/// The fraction starting at `i` (an optional minus sign, digits, a slash, digits), if it stands
/// alone, with where it ends and how it is shown.
fn fraction_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    if i > 0 && joins(chars[i - 1]) {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'-') {
        j += 1;
    }
    let num_start = j;
    while chars.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if j == num_start || chars.get(j) != Some(&'/') {
        return None;
    }
    let num: String = chars[i..j].iter().collect();
    j += 1;
    let den_start = j;
    while chars.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if j == den_start {
        return None;
    }
    // A fraction ends a sentence ("= 70/3.") or a clause, but is not followed by more of a word
    // or number ("2026/05/11", "24/7am", "1/2.5").
    let next_is_digit = chars.get(j + 1).is_some_and(char::is_ascii_digit);
    match chars.get(j) {
        Some('.' | ',') if next_is_digit => return None,
        Some(&c) if c != '.' && c != ',' && joins(c) => return None,
        _ => {}
    }
    let den: String = chars[den_start..j].iter().collect();
    let value = Exact::ratio(num.parse().ok()?, den.parse().ok()?).ok()?;
    let rounded = value.round(PLACES, RoundingMode::HalfUp).ok()?;
    Some((j, format!("{} ({num}/{den})", rounded.to_fixed(PLACES))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_show_as_decimals_with_the_exact_value_kept() {
        assert_eq!(
            with_decimals("8/3 / 4 × 35 = 70/3"),
            "2.67 (8/3) / 4 × 35 = 23.33 (70/3)"
        );
        assert_eq!(
            with_decimals("mean 8/3; 1/8."),
            "mean 2.67 (8/3); 0.13 (1/8)."
        );
        assert_eq!(with_decimals("-2/3"), "-0.67 (-2/3)");
        assert_eq!(with_decimals("900/47, rounded"), "19.15 (900/47), rounded");
    }

    #[test]
    fn other_slashes_are_left_alone() {
        for s in [
            "2026/05/11",
            "support 24/7a",
            "a/b",
            "1/2.5",
            "lot-1/2",
            "x 1/0",
            "1 / 3",
            "v1.2/3",
        ] {
            assert_eq!(with_decimals(s), s, "{s}");
        }
    }
}

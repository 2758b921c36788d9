//! Exact numbers.
//!
//! Every figure that can decide a contract is held as an exact rational number (an `i128`
//! numerator over a positive `i128` denominator, always in lowest terms). There is no floating
//! point anywhere in the engine: a bid must never win or lose on binary rounding noise, and the
//! native and browser builds must print the same bytes. Rounding happens only where the protocol
//! says, by [`Exact::round`], in the mode the protocol names.
//!
//! Arithmetic is checked. Inputs are bounded by the schemas (money below 10^13 with two decimal
//! places, weights with two decimal places, criteria trees three levels deep), which keeps every
//! intermediate value far inside `i128`; should a figure still overflow, the operation returns
//! [`Overflow`] and the engine reports it as an error instead of panicking.

use crate::choice::choice;
use std::cmp::Ordering;
use std::fmt::{self, Write as _};

/// An exact rational number in lowest terms with a positive denominator.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Exact {
    num: i128,
    den: i128,
}

/// A figure grew beyond what the engine computes exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

choice! {
    /// How a figure is rounded to the protocol's number of decimal places.
    #[derive(Hash)]
    pub enum RoundingMode as "a rounding mode" {
        /// Halves go away from zero (2.345 -> 2.35): the convention of most evaluation spreadsheets.
        HalfUp = "half_up",
        /// Halves go to the even neighbour (2.345 -> 2.34), "banker's rounding".
        HalfEven = "half_even",
        /// Everything after the last place is dropped (2.349 -> 2.34).
        Down = "down",
    }
}

impl RoundingMode {
    /// How the mode reads in an explanation.
    pub fn describe(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "rounded half up",
            RoundingMode::HalfEven => "rounded half to even",
            RoundingMode::Down => "rounded down",
        }
    }
}

/// Greatest common divisor (a zero pair gives zero). Callers never pass `i128::MIN`
/// ([`Exact::ratio`] refuses it), so the result always fits.
///
/// Scoring reduces fractions constantly, and `i128` remainders are slow: a software routine on
/// every target, and far slower in wasm. Almost every figure fits in 64 bits, so those take
/// Stein's binary algorithm on `u64` (shifts and subtractions only); the rest take it on `u128`.
/// The answer is the same either way; only the time differs.
fn gcd(a: i128, b: i128) -> i128 {
    let (a, b) = (a.unsigned_abs(), b.unsigned_abs());
    let g = match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(binary_gcd_u64(a, b)),
        _ => binary_gcd_u128(a, b),
    };
    i128::try_from(g).unwrap_or(1)
}

/// Stein's binary GCD, written once for the two widths [`gcd`] uses.
macro_rules! binary_gcd {
    ($name:ident, $t:ty) => {
        fn $name(mut a: $t, mut b: $t) -> $t {
            if a == 0 || b == 0 {
                return a | b;
            }
            let shift = (a | b).trailing_zeros();
            a >>= a.trailing_zeros();
            loop {
                b >>= b.trailing_zeros();
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                b -= a;
                if b == 0 {
                    return a << shift;
                }
            }
        }
    };
}
binary_gcd!(binary_gcd_u64, u64);
binary_gcd!(binary_gcd_u128, u128);

/// `a / b` for `b != 0` and `(a, b) != (i128::MIN, -1)`, in 64 bits when both fit (the common
/// case; 128-bit division is a slow software routine, see [`gcd`]).
fn quotient(a: i128, b: i128) -> i128 {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) => x.checked_div(y).map_or_else(|| a / b, i128::from),
        _ => a / b,
    }
}

/// Floor division and its non-negative remainder for `b > 0`, in 64 bits when both fit.
fn div_rem_euclid(a: i128, b: i128) -> (i128, i128) {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) => (i128::from(x.div_euclid(y)), i128::from(x.rem_euclid(y))),
        _ => (a.div_euclid(b), a.rem_euclid(b)),
    }
}

/// How many times 2 and 5 divide `n`, and what is left: a fraction with denominator `n` has a
/// finite decimal form exactly when what is left is 1, and then it needs as many places as the
/// larger count.
fn twos_and_fives(n: u128) -> (u32, u32, u128) {
    if n == 0 {
        return (0, 0, 0);
    }
    let twos = n.trailing_zeros();
    let mut n = n >> twos;
    let mut fives = 0;
    // In 64 bits when it fits: 128-bit remainders are slow (see gcd).
    if let Ok(mut small) = u64::try_from(n) {
        while small % 5 == 0 {
            small /= 5;
            fives += 1;
        }
        return (twos, fives, u128::from(small));
    }
    while n.is_multiple_of(5) {
        n /= 5;
        fives += 1;
    }
    (twos, fives, n)
}

/// Ten to the power `places`, for the small powers the engine uses.
fn pow10(places: u32) -> Result<i128, Overflow> {
    10i128.checked_pow(places).ok_or(Overflow)
}

// The arithmetic is checked: `add`, `sub`, `neg`, `mul` and `div` return `Result` so that an
// overflow is an error, never a panic or a wrapped figure, which `std::ops` cannot express.
#[allow(clippy::should_implement_trait)]
impl Exact {
    /// Zero.
    pub const ZERO: Exact = Exact { num: 0, den: 1 };
    /// One.
    pub const ONE: Exact = Exact { num: 1, den: 1 };
    /// One hundred: a whole weight, or a full score out of 100 marks.
    pub const HUNDRED: Exact = Exact { num: 100, den: 1 };

    /// The fraction `num / den`, reduced. Fails on a zero denominator.
    pub fn ratio(num: i128, den: i128) -> Result<Exact, Overflow> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return Err(Overflow);
        }
        if den == 1 {
            return Ok(Exact { num, den });
        }
        let g = gcd(num, den);
        let (mut n, mut d) = (quotient(num, g), quotient(den, g));
        if d < 0 {
            n = n.checked_neg().ok_or(Overflow)?;
            d = d.checked_neg().ok_or(Overflow)?;
        }
        Ok(Exact { num: n, den: d })
    }

    /// A whole number.
    pub fn int(n: i128) -> Exact {
        Exact { num: n, den: 1 }
    }

    /// The numerator in lowest terms.
    pub fn numer(self) -> i128 {
        self.num
    }

    /// The denominator in lowest terms (always positive).
    pub fn denom(self) -> i128 {
        self.den
    }

    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// True below zero.
    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    /// `self + rhs`.
    pub fn add(self, rhs: Exact) -> Result<Exact, Overflow> {
        if self.den == rhs.den {
            // Marks share their denominator (a power of ten once rounded): no cross products.
            let num = self.num.checked_add(rhs.num).ok_or(Overflow)?;
            return Exact::ratio(num, self.den);
        }
        let g = gcd(self.den, rhs.den);
        let l = quotient(self.den, g);
        let r = quotient(rhs.den, g);
        let num = self
            .num
            .checked_mul(r)
            .and_then(|a| rhs.num.checked_mul(l).and_then(|b| a.checked_add(b)))
            .ok_or(Overflow)?;
        let den = l.checked_mul(rhs.den).ok_or(Overflow)?;
        Exact::ratio(num, den)
    }

    /// `self - rhs`.
    pub fn sub(self, rhs: Exact) -> Result<Exact, Overflow> {
        self.add(rhs.neg()?)
    }

    /// `-self`.
    pub fn neg(self) -> Result<Exact, Overflow> {
        Ok(Exact {
            num: self.num.checked_neg().ok_or(Overflow)?,
            den: self.den,
        })
    }

    /// `self * rhs`, cross-reducing first so that products of weights stay small.
    pub fn mul(self, rhs: Exact) -> Result<Exact, Overflow> {
        let g1 = gcd(self.num, rhs.den).max(1);
        let g2 = gcd(rhs.num, self.den).max(1);
        let num = quotient(self.num, g1)
            .checked_mul(quotient(rhs.num, g2))
            .ok_or(Overflow)?;
        let den = quotient(self.den, g2)
            .checked_mul(quotient(rhs.den, g1))
            .ok_or(Overflow)?;
        // Both factors are in lowest terms with positive denominators, and the cross
        // cancellation above removed every common factor, so this is in lowest terms already:
        // no third GCD. (The property test against the reference arithmetic checks it.)
        if num == i128::MIN {
            return Err(Overflow);
        }
        Ok(Exact { num, den })
    }

    /// `self / rhs`; fails when `rhs` is zero.
    pub fn div(self, rhs: Exact) -> Result<Exact, Overflow> {
        if rhs.num == 0 {
            return Err(Overflow);
        }
        self.mul(Exact::ratio(rhs.den, rhs.num)?)
    }

    /// The smaller of two figures.
    pub fn min(self, rhs: Exact) -> Exact {
        if self <= rhs {
            self
        } else {
            rhs
        }
    }

    /// The larger of two figures.
    pub fn max(self, rhs: Exact) -> Exact {
        if self >= rhs {
            self
        } else {
            rhs
        }
    }

    /// Rounds to `places` decimal places in the given mode.
    pub fn round(self, places: u32, mode: RoundingMode) -> Result<Exact, Overflow> {
        let scale = pow10(places)?;
        let scaled_num = self.num.checked_mul(scale).ok_or(Overflow)?;
        let (q, r) = div_rem_euclid(scaled_num, self.den);
        // q is the floor; decide whether to step up by one.
        let twice_r = r.checked_mul(2).ok_or(Overflow)?;
        let up = match mode {
            RoundingMode::Down => {
                // toward zero: floor for positives, ceiling for negatives
                self.num < 0 && r != 0
            }
            RoundingMode::HalfUp => match twice_r.cmp(&self.den) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => self.num >= 0,
            },
            RoundingMode::HalfEven => match twice_r.cmp(&self.den) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => q % 2 != 0,
            },
        };
        let n = if up {
            q.checked_add(1).ok_or(Overflow)?
        } else {
            q
        };
        Exact::ratio(n, scale)
    }

    /// True when the figure is a whole multiple of `10^-places`.
    pub fn has_at_most_places(self, places: u32) -> bool {
        pow10(places).is_ok() && matches!(self.places(), Some(p) if p <= places)
    }

    /// The fewest decimal places that write the figure exactly, or `None` when no decimal does
    /// (a denominator with a prime factor other than 2 and 5, such as 1/3).
    pub fn places(self) -> Option<u32> {
        let (twos, fives, rest) = twos_and_fives(self.den.unsigned_abs());
        (rest == 1).then_some(twos.max(fives))
    }

    /// Prints the figure with exactly `places` decimal places. The figure must already have no
    /// more places than that (round it first); otherwise the exact fraction is printed.
    pub fn to_fixed(self, places: u32) -> String {
        let Ok(scale) = pow10(places) else {
            return self.to_string();
        };
        if !self.has_at_most_places(places) {
            return self.to_string();
        }
        let Some(scaled) = self.num.checked_mul(quotient(scale, self.den)) else {
            return self.to_string();
        };
        let sign = if scaled < 0 { "-" } else { "" };
        let abs = scaled.unsigned_abs();
        let scale = scale as u128;
        // 64-bit numbers divide and print much faster than 128-bit ones; the digits are the same.
        let (whole, frac) = match (u64::try_from(abs), u64::try_from(scale)) {
            (Ok(a), Ok(s)) => (u128::from(a / s), u128::from(a % s)),
            _ => (abs / scale, abs % scale),
        };
        let mut out = String::with_capacity(24);
        out.push_str(sign);
        match u64::try_from(whole) {
            Ok(w) => write!(out, "{w}"),
            Err(_) => write!(out, "{whole}"),
        }
        .ok();
        if places > 0 {
            match u64::try_from(frac) {
                Ok(f) => write!(out, ".{f:0width$}", width = places as usize),
                Err(_) => write!(out, ".{frac:0width$}", width = places as usize),
            }
            .ok();
        }
        out
    }

    /// Parses a plain decimal such as `"250000"`, `"12.5"` or `"-3.25"`: digits only, no
    /// exponent, no separators. The schemas constrain the text before it gets here; this
    /// returns `None` on anything else rather than guessing.
    pub fn parse_decimal(text: &str) -> Option<Exact> {
        let (neg, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, frac) = match body.split_once('.') {
            Some((w, f)) => (w, f),
            None => (body, ""),
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if body.contains('.') && frac.is_empty() {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if whole.len() + frac.len() > 30 {
            return None;
        }
        // At most 30 digits, checked above: always inside i128.
        let mut num: i128 = 0;
        for b in whole.bytes().chain(frac.bytes()) {
            num = num.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        if neg {
            num = -num;
        }
        let den = pow10(frac.len() as u32).ok()?;
        Exact::ratio(num, den).ok()
    }

    /// The figure as a short decimal when it has one (up to 12 places), else as `n/d`.
    /// Used in explanation traces, where the unrounded value must be shown exactly.
    pub fn to_exact_string(self) -> String {
        match self.places() {
            Some(places) if places <= 12 => self.to_fixed(places),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Ord for Exact {
    /// Exact comparison that cannot overflow: compares whole parts, then the reciprocals of the
    /// fractional parts (a continued-fraction walk), which always terminates.
    fn cmp(&self, other: &Self) -> Ordering {
        if self.den == other.den {
            return self.num.cmp(&other.num);
        }
        // Denominators are positive, so cross products compare as the fractions do; with every
        // part inside 64 bits the products cannot overflow 128 bits.
        if let (Ok(an), Ok(ad), Ok(bn), Ok(bd)) = (
            i64::try_from(self.num),
            i64::try_from(self.den),
            i64::try_from(other.num),
            i64::try_from(other.den),
        ) {
            return (i128::from(an) * i128::from(bd)).cmp(&(i128::from(bn) * i128::from(ad)));
        }
        continued_fraction_cmp(*self, *other)
    }
}

/// Compares two fractions by whole parts, then the reciprocals of the fractional parts: no
/// multiplication, so no overflow, and it always terminates.
fn continued_fraction_cmp(a: Exact, b: Exact) -> Ordering {
    let (mut an, mut ad, mut bn, mut bd) = (a.num, a.den, b.num, b.den);
    let mut flipped = false;
    loop {
        let aq = an.div_euclid(ad);
        let bq = bn.div_euclid(bd);
        if aq != bq {
            let o = aq.cmp(&bq);
            return if flipped { o.reverse() } else { o };
        }
        let ar = an.rem_euclid(ad);
        let br = bn.rem_euclid(bd);
        match (ar == 0, br == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => {
                let o = Ordering::Less;
                return if flipped { o.reverse() } else { o };
            }
            (false, true) => {
                let o = Ordering::Greater;
                return if flipped { o.reverse() } else { o };
            }
            (false, false) => {
                // compare ar/ad with br/bd  <=>  compare bd/br with ad/ar, reversed
                (an, ad, bn, bd) = (ad, ar, bd, br);
                flipped = !flipped;
            }
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Exact {
        Exact::parse_decimal(s).unwrap()
    }

    #[test]
    fn parses_and_prints_decimals() {
        assert_eq!(d("12.50").to_fixed(2), "12.50");
        assert_eq!(d("0.05").to_fixed(3), "0.050");
        assert_eq!(d("-3.25").to_fixed(2), "-3.25");
        assert_eq!(d("250000").to_fixed(0), "250000");
        assert_eq!(Exact::parse_decimal("1e3"), None);
        assert_eq!(Exact::parse_decimal("1."), None);
        assert_eq!(Exact::parse_decimal(".5"), None);
        assert_eq!(Exact::parse_decimal(""), None);
    }

    #[test]
    fn guidance_example_rounds_as_published() {
        // Cabinet Office example: 40 x 100 / 105 = 38.0952... -> 38.10
        let v = Exact::int(40)
            .mul(Exact::int(100))
            .unwrap()
            .div(Exact::int(105))
            .unwrap();
        assert_eq!(
            v.round(2, RoundingMode::HalfUp).unwrap().to_fixed(2),
            "38.10"
        );
        assert_eq!(v.to_exact_string(), "800/21");
    }

    #[test]
    fn rounding_modes_differ_only_on_halves() {
        let half = d("2.345");
        assert_eq!(
            half.round(2, RoundingMode::HalfUp).unwrap().to_fixed(2),
            "2.35"
        );
        assert_eq!(
            half.round(2, RoundingMode::HalfEven).unwrap().to_fixed(2),
            "2.34"
        );
        assert_eq!(
            half.round(2, RoundingMode::Down).unwrap().to_fixed(2),
            "2.34"
        );
        let neg = d("-2.345");
        assert_eq!(
            neg.round(2, RoundingMode::HalfUp).unwrap().to_fixed(2),
            "-2.35"
        );
        assert_eq!(
            neg.round(2, RoundingMode::Down).unwrap().to_fixed(2),
            "-2.34"
        );
        assert_eq!(
            d("2.355")
                .round(2, RoundingMode::HalfEven)
                .unwrap()
                .to_fixed(2),
            "2.36"
        );
    }

    #[test]
    fn comparison_is_exact_without_overflow() {
        let big = Exact::ratio(i128::MAX - 1, i128::MAX).unwrap();
        let bigger = Exact::ratio(i128::MAX - 2, i128::MAX - 1).unwrap();
        assert!(big > bigger);
        assert!(Exact::ratio(1, 3).unwrap() < Exact::ratio(1, 2).unwrap());
        assert!(Exact::ratio(-1, 3).unwrap() > Exact::ratio(-1, 2).unwrap());
        assert_eq!(Exact::ratio(2, 4).unwrap(), Exact::ratio(1, 2).unwrap());
    }

    #[test]
    fn overflow_is_reported_not_panicked() {
        let huge = Exact::int(i128::MAX / 2);
        assert_eq!(huge.mul(Exact::int(3)), Err(Overflow));
        assert_eq!(Exact::ONE.div(Exact::ZERO), Err(Overflow));
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// The arithmetic as first written (Euclid's algorithm and plain `i128` division
    /// throughout), kept to prove that the 64-bit fast paths and binary GCD give the same figures.
    mod reference {
        use super::super::{pow10, Exact, Overflow, RoundingMode};
        use std::cmp::Ordering;

        pub fn gcd(a: i128, b: i128) -> i128 {
            let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
            while b != 0 {
                let t = a % b;
                a = b;
                b = t;
            }
            i128::try_from(a).unwrap_or(1)
        }

        pub fn ratio(num: i128, den: i128) -> Result<Exact, Overflow> {
            if den == 0 || num == i128::MIN || den == i128::MIN {
                return Err(Overflow);
            }
            let g = gcd(num, den);
            let (mut n, mut d) = (num / g, den / g);
            if d < 0 {
                n = n.checked_neg().ok_or(Overflow)?;
                d = d.checked_neg().ok_or(Overflow)?;
            }
            Ok(Exact { num: n, den: d })
        }

        pub fn add(a: Exact, b: Exact) -> Result<Exact, Overflow> {
            let g = gcd(a.den, b.den);
            let l = a.den / g;
            let r = b.den / g;
            let num = a
                .num
                .checked_mul(r)
                .and_then(|x| b.num.checked_mul(l).and_then(|y| x.checked_add(y)))
                .ok_or(Overflow)?;
            let den = l.checked_mul(b.den).ok_or(Overflow)?;
            ratio(num, den)
        }

        pub fn mul(a: Exact, b: Exact) -> Result<Exact, Overflow> {
            let g1 = gcd(a.num, b.den).max(1);
            let g2 = gcd(b.num, a.den).max(1);
            let num = (a.num / g1).checked_mul(b.num / g2).ok_or(Overflow)?;
            let den = (a.den / g2).checked_mul(b.den / g1).ok_or(Overflow)?;
            ratio(num, den)
        }

        pub fn round(v: Exact, places: u32, mode: RoundingMode) -> Result<Exact, Overflow> {
            let scale = pow10(places)?;
            let scaled_num = v.num.checked_mul(scale).ok_or(Overflow)?;
            let q = scaled_num.div_euclid(v.den);
            let r = scaled_num.rem_euclid(v.den);
            let twice_r = r.checked_mul(2).ok_or(Overflow)?;
            let up = match mode {
                RoundingMode::Down => v.num < 0 && r != 0,
                RoundingMode::HalfUp => match twice_r.cmp(&v.den) {
                    Ordering::Greater => true,
                    Ordering::Less => false,
                    Ordering::Equal => v.num >= 0,
                },
                RoundingMode::HalfEven => match twice_r.cmp(&v.den) {
                    Ordering::Greater => true,
                    Ordering::Less => false,
                    Ordering::Equal => q % 2 != 0,
                },
            };
            ratio(
                if up {
                    q.checked_add(1).ok_or(Overflow)?
                } else {
                    q
                },
                scale,
            )
        }

        pub fn has_at_most_places(v: Exact, places: u32) -> bool {
            match pow10(places) {
                Ok(scale) => scale % v.den == 0,
                Err(_) => false,
            }
        }

        pub fn to_fixed(v: Exact, places: u32) -> String {
            let Ok(scale) = pow10(places) else {
                return v.to_string();
            };
            if scale % v.den != 0 {
                return v.to_string();
            }
            let Some(scaled) = v.num.checked_mul(scale / v.den) else {
                return v.to_string();
            };
            let sign = if scaled < 0 { "-" } else { "" };
            let abs = scaled.unsigned_abs();
            let scale = scale as u128;
            let whole = abs / scale;
            if places == 0 {
                return format!("{sign}{whole}");
            }
            let frac = abs % scale;
            format!("{sign}{whole}.{frac:0width$}", width = places as usize)
        }

        pub fn to_exact_string(v: Exact) -> String {
            for places in 0..=12 {
                if has_at_most_places(v, places) {
                    return to_fixed(v, places);
                }
            }
            v.to_string()
        }

        /// Comparison by the continued-fraction walk alone.
        pub fn cmp(a: Exact, b: Exact) -> Ordering {
            super::super::continued_fraction_cmp(a, b)
        }
    }

    /// Native only: proptest does not build for wasm32 (see core/Cargo.toml).
    #[cfg(not(target_arch = "wasm32"))]
    mod fast_paths {
        use super::*;
        use proptest::prelude::*;

        /// Numerators and denominators from tiny to near the top of `i128`, with many powers of 2
        /// and 5 among the denominators (as marks and prices have), so that every fast path and
        /// every fallback is taken.
        fn part() -> impl Strategy<Value = i128> {
            prop_oneof![
                -1000i128..1000,
                any::<i64>().prop_map(i128::from),
                (0u32..40, 0u32..20, 1i128..1000).prop_map(|(t, f, k)| {
                    (1i128 << t).saturating_mul(5i128.pow(f)).saturating_mul(k)
                }),
                any::<i128>().prop_filter("not MIN", |v| *v != i128::MIN),
            ]
        }

        fn figure() -> impl Strategy<Value = Exact> {
            (part(), part().prop_filter("non-zero", |d| *d != 0))
                .prop_filter_map("fits", |(n, d)| reference::ratio(n, d).ok())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4000))]

            #[test]
            fn fast_paths_agree_with_the_reference(a in figure(), b in figure(), places in 0u32..14) {
                prop_assert_eq!(gcd(a.num, b.den), reference::gcd(a.num, b.den));
                prop_assert_eq!(Exact::ratio(a.num, b.num), reference::ratio(a.num, b.num));
                prop_assert_eq!(a.add(b), reference::add(a, b));
                prop_assert_eq!(a.mul(b), reference::mul(a, b));
                prop_assert_eq!(a.cmp(&b), reference::cmp(a, b));
                prop_assert_eq!(a.has_at_most_places(places), reference::has_at_most_places(a, places));
                prop_assert_eq!(a.to_fixed(places), reference::to_fixed(a, places));
                prop_assert_eq!(a.to_exact_string(), reference::to_exact_string(a));
                for mode in [RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down] {
                    prop_assert_eq!(a.round(places, mode), reference::round(a, places, mode));
                }
            }

            #[test]
            fn decimals_parse_as_before(whole in "[0-9]{1,20}", frac in proptest::option::of("[0-9]{1,12}"), neg in any::<bool>()) {
                let text = format!("{}{whole}{}", if neg { "-" } else { "" }, frac.as_ref().map_or(String::new(), |f| format!(".{f}")));
                let digits = format!("{whole}{}", frac.clone().unwrap_or_default());
                let mut expected: i128 = digits.parse().unwrap();
                if neg {
                    expected = -expected;
                }
                let den = 10i128.pow(frac.map_or(0, |f| f.len() as u32));
                // More than 30 digits is refused, as before.
                let want = (digits.len() <= 30).then(|| reference::ratio(expected, den).ok()).flatten();
                prop_assert_eq!(Exact::parse_decimal(&text), want);
            }
        }
    }

    #[test]
    fn places_beyond_i128_are_refused_as_before() {
        let tiny = Exact::ratio(1, 1i128 << 100).unwrap();
        assert_eq!(tiny.places(), Some(100));
        assert!(!tiny.has_at_most_places(100));
        assert_eq!(tiny.to_fixed(100), tiny.to_string());
        assert_eq!(Exact::ratio(1, 3).unwrap().places(), None);
    }
}

//! An evaluator for the formula language of explanation traces, written apart from the engine so
//! that a trace can be checked against its own figure without trusting the engine's arithmetic.
//!
//! A trace's `formula` is what a commissioner reads to check a figure by hand ("3 ÷ 4 × 30",
//! "min(1, 80000 ÷ 100000) × 40", "50% × mean(3, 4) + 50% × mean(2)"). If it did not
//! evaluate to the trace's `exact` value, the explanation would be wrong even when the figure
//! is right, which is as bad in a challenge. The language:
//!
//! - numbers: `12`, `12.5`, and fractions `n/d` written without spaces (`10/3`);
//! - `+`, `−` (or `-`), `×` (or `*`), `÷`, with the usual precedence, left to right;
//! - parentheses, and a postfix `%` (divides by 100);
//! - `mean(…)`, `median(…)`, `min(…)`, `max(…)` over one or more comma-separated arguments.
//!
//! Arithmetic is on unbounded rationals (`num-rational` over `num-bigint`), so the check cannot
//! overflow where the engine did not, nor share a mistake with the engine's i128 rationals.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

/// An exact rational number.
pub type Q = BigRational;

/// A rounding mode, spelt as in the protocol (`half_up`, `half_even`, `down`).
pub fn round(value: &Q, places: u32, mode: &str) -> Result<Q, String> {
    let scale = BigRational::from_integer(BigInt::from(10u32).pow(places));
    let scaled = value * &scale;
    let floor = scaled.floor();
    let fraction = &scaled - &floor;
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    let rounded = match mode {
        // Towards zero.
        "down" => scaled.trunc(),
        // Halves away from zero.
        "half_up" => {
            if scaled.is_negative() {
                -round(&-value.clone(), places, mode)? * &scale
            } else if fraction >= half {
                floor + BigRational::one()
            } else {
                floor
            }
        }
        // Halves to the even neighbour.
        "half_even" => {
            let odd = floor.to_integer() % BigInt::from(2) != BigInt::zero();
            if fraction > half || (fraction == half && odd) {
                floor + BigRational::one()
            } else {
                floor
            }
        }
        other => return Err(format!("unknown rounding mode {other:?}")),
    };
    Ok(rounded / scale)
}

/// A number as the engine writes one: a decimal (`-12.50`) or a fraction (`10/3`).
pub fn number(text: &str) -> Option<Q> {
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = match body.split_once('/') {
        Some((n, d)) => {
            let d = decimal(d)?;
            if d.is_zero() {
                return None;
            }
            decimal(n)? / d
        }
        None => decimal(body)?,
    };
    Some(if neg { -value } else { value })
}

fn decimal(text: &str) -> Option<Q> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.contains('.') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let digits: BigInt = format!("{whole}{frac}").parse().ok()?;
    let scale = BigInt::from(10u32).pow(frac.len() as u32);
    Some(BigRational::new(digits, scale))
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Num(Q),
    Name(String),
    Plus,
    Minus,
    Times,
    Divide,
    Percent,
    Open,
    Close,
    Comma,
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => {
                i += 1;
                continue;
            }
            '+' => out.push(Token::Plus),
            '−' | '-' => out.push(Token::Minus),
            '×' | '*' => out.push(Token::Times),
            '÷' | '/' => out.push(Token::Divide),
            '%' => out.push(Token::Percent),
            '(' => out.push(Token::Open),
            ')' => out.push(Token::Close),
            ',' => out.push(Token::Comma),
            '0'..='9' => {
                // Digits, a decimal part, and a fraction's denominator written without spaces.
                let start = i;
                let digit_run = |mut j: usize| {
                    while j < chars.len() && chars[j].is_ascii_digit() {
                        j += 1;
                    }
                    j
                };
                i = digit_run(i);
                if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                    i = digit_run(i + 1);
                }
                if i + 1 < chars.len() && chars[i] == '/' && chars[i + 1].is_ascii_digit() {
                    i = digit_run(i + 1);
                    if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                        i = digit_run(i + 1);
                    }
                }
                let literal: String = chars[start..i].iter().collect();
                let value = number(&literal)
                    .ok_or_else(|| format!("bad number {literal:?} in {text:?}"))?;
                out.push(Token::Num(value));
                continue;
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
                out.push(Token::Name(chars[start..i].iter().collect()));
                continue;
            }
            other => return Err(format!("unexpected {other:?} in {text:?}")),
        }
        i += 1;
    }
    Ok(out)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    at: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn expect(&mut self, want: Token) -> Result<(), String> {
        match self.next() {
            Some(t) if t == want => Ok(()),
            other => Err(format!(
                "expected {want:?}, found {other:?} in {:?}",
                self.text
            )),
        }
    }

    fn expr(&mut self) -> Result<Q, String> {
        let mut value = self.term()?;
        loop {
            match self.peek() {
                Some(Token::Plus) => {
                    self.at += 1;
                    value += self.term()?;
                }
                Some(Token::Minus) => {
                    self.at += 1;
                    value -= self.term()?;
                }
                _ => return Ok(value),
            }
        }
    }

    fn term(&mut self) -> Result<Q, String> {
        let mut value = self.unary()?;
        loop {
            match self.peek() {
                Some(Token::Times) => {
                    self.at += 1;
                    value *= self.unary()?;
                }
                Some(Token::Divide) => {
                    self.at += 1;
                    let d = self.unary()?;
                    if d.is_zero() {
                        return Err(format!("division by zero in {:?}", self.text));
                    }
                    value /= d;
                }
                _ => return Ok(value),
            }
        }
    }

    fn unary(&mut self) -> Result<Q, String> {
        if self.peek() == Some(&Token::Minus) {
            self.at += 1;
            return Ok(-self.unary()?);
        }
        let mut value = self.primary()?;
        while self.peek() == Some(&Token::Percent) {
            self.at += 1;
            value /= BigRational::from_integer(BigInt::from(100));
        }
        Ok(value)
    }

    fn primary(&mut self) -> Result<Q, String> {
        match self.next() {
            Some(Token::Num(v)) => Ok(v),
            Some(Token::Open) => {
                let v = self.expr()?;
                self.expect(Token::Close)?;
                Ok(v)
            }
            Some(Token::Name(name)) => {
                self.expect(Token::Open)?;
                let mut args = vec![self.expr()?];
                while self.peek() == Some(&Token::Comma) {
                    self.at += 1;
                    args.push(self.expr()?);
                }
                self.expect(Token::Close)?;
                apply(&name, args).map_err(|e| format!("{e} in {:?}", self.text))
            }
            other => Err(format!("unexpected {other:?} in {:?}", self.text)),
        }
    }
}

fn apply(name: &str, mut args: Vec<Q>) -> Result<Q, String> {
    let n = BigRational::from_integer(BigInt::from(args.len()));
    match name {
        "mean" => Ok(args.iter().fold(Q::zero(), |a, b| a + b) / n),
        "median" => {
            args.sort();
            let k = args.len();
            Ok(if k % 2 == 1 {
                args[k / 2].clone()
            } else {
                (&args[k / 2 - 1] + &args[k / 2]) / BigRational::from_integer(BigInt::from(2))
            })
        }
        "min" => Ok(args.into_iter().min().unwrap_or_else(Q::zero)),
        "max" => Ok(args.into_iter().max().unwrap_or_else(Q::zero)),
        other => Err(format!("unknown function {other:?}")),
    }
}

/// Evaluates a trace formula exactly.
pub fn eval(formula: &str) -> Result<Q, String> {
    let mut p = Parser {
        tokens: tokens(formula)?,
        at: 0,
        text: formula,
    };
    let v = p.expr()?;
    if p.at != p.tokens.len() {
        return Err(format!("text left over in {formula:?}"));
    }
    Ok(v)
}

/// The numbers listed inside every `mean(…)` and `median(…)` of a formula, in order: the scores
/// a moderated value was worked out from.
pub fn listed_scores(formula: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["mean(", "median("] {
        let mut rest = formula;
        while let Some(at) = rest.find(name) {
            rest = &rest[at + name.len()..];
            let end = rest.find(')').unwrap_or(rest.len());
            out.extend(rest[..end].split(',').map(|s| s.trim().to_string()));
            rest = &rest[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Q {
        number(text).unwrap()
    }

    #[test]
    fn evaluates_the_engines_formulas() {
        assert_eq!(eval("100000 ÷ 105000 × 40").unwrap(), q("800/21"));
        assert_eq!(eval("min(1, 90000 ÷ 80000) × 40").unwrap(), q("40"));
        assert_eq!(eval("50% × mean(4, 3) + 50% × mean(2)").unwrap(), q("11/4"));
        assert_eq!(eval("median(1, 4, 3, 2)").unwrap(), q("5/2"));
        assert_eq!(eval("10/3 ÷ 4 × 25").unwrap(), q("125/6"));
        assert_eq!(
            eval("min(1, max(0, (120000 − 90000) ÷ (120000 − 60000))) × 40").unwrap(),
            q("20")
        );
        assert_eq!(eval("360000 × 75%").unwrap(), q("270000"));
        assert_eq!(eval("12.50 + 7.25 + 0").unwrap(), q("19.75"));
        assert_eq!(eval("-3 + 5").unwrap(), q("2"));
    }

    #[test]
    fn refuses_what_is_not_a_formula() {
        for bad in ["", "1 +", "(1", "1 2", "sqrt(4)", "1 ÷ 0", "1.", "GBP 3"] {
            assert!(eval(bad).is_err(), "{bad:?} should not evaluate");
        }
    }

    #[test]
    fn rounds_in_each_mode() {
        assert_eq!(round(&q("2.345"), 2, "half_up").unwrap(), q("2.35"));
        assert_eq!(round(&q("2.345"), 2, "half_even").unwrap(), q("2.34"));
        assert_eq!(round(&q("2.355"), 2, "half_even").unwrap(), q("2.36"));
        assert_eq!(round(&q("2.349"), 2, "down").unwrap(), q("2.34"));
        assert_eq!(round(&q("800/21"), 2, "half_up").unwrap(), q("38.10"));
        assert_eq!(round(&q("-2.5"), 0, "half_up").unwrap(), q("-3"));
        assert_eq!(round(&q("-2.5"), 0, "down").unwrap(), q("-2"));
        assert_eq!(round(&q("25.5"), 0, "half_even").unwrap(), q("26"));
    }

    #[test]
    fn finds_the_scores_a_moderated_value_lists() {
        assert_eq!(
            listed_scores("50% × mean(4, 3) + 50% × mean(2)"),
            ["4", "3", "2"]
        );
        assert_eq!(listed_scores("median(1, 5)"), ["1", "5"]);
        assert!(listed_scores("3").is_empty());
    }
}

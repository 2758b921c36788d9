//! Explanations: every figure in a result carries a trace of how it was made.
//!
//! A [`Trace`] is machine-readable (the rule, the inputs with their values, the formula with the
//! values put in, the exact result, the rounding, the clauses it rests on) and [`render`] turns
//! it into a plain-English sentence. Tests recompute each figure from its trace, so a trace can
//! never drift from the arithmetic that produced the figure.

use crate::exact::{Exact, RoundingMode};
use crate::vocab::{Cite, Source};
use serde::Serialize;
use std::collections::BTreeMap;

// Kept at its old path for the modules that still name it here (award/).
pub(crate) use crate::vocab::money;

/// A citation resolved against the protocol's sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct CiteRef {
    /// The source id.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::Id"))]
    pub source: String,
    /// The source's title.
    pub title: String,
    /// The clause.
    pub clause: String,
    /// Where to read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Resolves citations for output against a protocol's sources (by id), so that every cited
/// clause is shown with its source's title and address.
#[must_use]
pub fn cites(sources: &BTreeMap<String, Source>, cites: &[Cite]) -> Vec<CiteRef> {
    cites
        .iter()
        .map(|c| {
            let s = sources.get(&c.source);
            CiteRef {
                source: c.source.clone(),
                title: s.map_or_else(|| c.source.clone(), |s| s.title.clone()),
                clause: c.clause.clone(),
                url: s.and_then(|s| s.url.clone()),
            }
        })
        .collect()
}

/// One input to a figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "TraceInput", optional_fields)
)]
pub struct Input {
    /// A stable name (`bid_price`, `e2`...).
    pub name: String,
    /// What it is, in words.
    pub label: String,
    /// Its value as shown.
    pub value: String,
}

/// How one figure was produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Trace {
    /// The rule that produced it, e.g. `award.price.lowest_price_ratio`.
    pub rule: String,
    /// The criterion it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::Id>"))]
    pub criterion: Option<String>,
    /// The inputs.
    pub inputs: Vec<Input>,
    /// The formula with the values put in.
    pub formula: String,
    /// The exact value before rounding (a decimal, or a fraction `n/d`).
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::ExactText"))]
    pub exact: String,
    /// The figure as published.
    pub result: String,
    /// How it was rounded, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding: Option<String>,
    /// The clauses it rests on.
    pub cites: Vec<CiteRef>,
}

/// A percentage for people: `37.5%`.
pub fn percent(v: Exact) -> String {
    let shown = if v.has_at_most_places(2) {
        v.to_exact_string()
    } else {
        v.round(2, RoundingMode::HalfUp).map_or_else(
            |_| v.to_string(),
            |r| format!("about {}", r.to_exact_string()),
        )
    };
    format!("{shown}%")
}

/// Renders a trace as a plain-English sentence.
pub fn render(trace: &Trace) -> String {
    let mut out = String::new();
    if !trace.inputs.is_empty() {
        let parts: Vec<String> = trace
            .inputs
            .iter()
            .map(|i| format!("{} {}", i.label, i.value))
            .collect();
        out.push_str(&format!("From {}: ", parts.join("; ")));
    }
    out.push_str(&trace.formula);
    // The exact value is shown when it says more than the published figure ("900/47" before
    // "19.15"), not when it is the same number written with fewer places ("9" and "9.00").
    let same_number = matches!(
        (Exact::parse_decimal(&trace.exact), Exact::parse_decimal(&trace.result)),
        (Some(a), Some(b)) if a == b
    );
    if !same_number {
        out.push_str(&format!(" = {}", trace.exact));
    }
    match &trace.rounding {
        Some(r) => out.push_str(&format!(", {r} to {}.", trace.result)),
        None => out.push_str(&format!(" = {}.", trace.result)),
    }
    if !trace.cites.is_empty() {
        let c: Vec<String> = trace
            .cites
            .iter()
            .map(|c| format!("{}, {}", c.title, c.clause))
            .collect();
        out.push_str(&format!(" Source: {}.", c.join("; ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_sentence() {
        let t = Trace {
            rule: "award.price.lowest_price_ratio".into(),
            criterion: Some("price".into()),
            inputs: vec![Input {
                name: "lowest_price".into(),
                label: "lowest price".into(),
                value: "GBP 100,000".into(),
            }],
            formula: "100000 ÷ 105000 × 40".into(),
            exact: "800/21".into(),
            result: "38.10".into(),
            rounding: Some("rounded half up to 2 decimal places".into()),
            cites: vec![],
        };
        assert_eq!(
            render(&t),
            "From lowest price GBP 100,000: 100000 ÷ 105000 × 40 = 800/21, rounded half up to 2 decimal places to 38.10."
        );
    }
}

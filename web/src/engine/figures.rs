//! The figures issue 15's award models add to a result (the lot's model, a bid's cost per
//! quality point, quality marks, stage traces and basket), read for the screens in one place.
//!
//! They are read from the result as the core serialises it (the names of
//! `schemas/result.schema.json`: `model`, `cost_per_quality_point`, `quality_marks`, `stage`
//! or `stages`, `basket`), so the screens see one shape however the core's structs carry them,
//! and a result without them (every weighted lot) shows nothing new. Nothing is worked out
//! here: each figure and trace is the core's, as published.

use serde_json::Value;
use ulo_core::explain::{CiteRef, Input, Trace};
use ulo_core::report::{BidResult, LotResult, SelfCheckResult};

/// A bid's figures under its lot's model, beyond the weighted total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BidFigures {
    /// Price per quality point: the price divided by the quality marks, as published.
    pub cost_per_quality_point: Option<String>,
    /// The quality marks (re-weighted to 100), under price per quality point and sequential.
    pub quality_marks: Option<String>,
    /// How each stage of the model was decided, in order.
    pub stages: Vec<Trace>,
    /// The basket of rates: each rate times its volume, added up.
    pub basket: Option<Trace>,
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A trace from its published JSON.
fn trace(v: &Value) -> Option<Trace> {
    let o = v.as_object()?;
    let list = |k: &str| {
        o.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    Some(Trace {
        rule: text(v, "rule"),
        criterion: o
            .get("criterion")
            .and_then(Value::as_str)
            .map(str::to_string),
        inputs: list("inputs")
            .iter()
            .map(|i| Input {
                name: text(i, "name"),
                label: text(i, "label"),
                value: text(i, "value"),
            })
            .collect(),
        formula: text(v, "formula"),
        exact: text(v, "exact"),
        result: text(v, "result"),
        rounding: o
            .get("rounding")
            .and_then(Value::as_str)
            .map(str::to_string),
        cites: list("cites")
            .iter()
            .map(|c| CiteRef {
                source: text(c, "source"),
                title: text(c, "title"),
                clause: text(c, "clause"),
                url: c.get("url").and_then(Value::as_str).map(str::to_string),
            })
            .collect(),
    })
}

fn figure(v: &Value, key: &str) -> Option<String> {
    Some(text(v, key)).filter(|s| !s.is_empty())
}

/// The figures a bid's result carries under its lot's model.
pub fn bid_figures(b: &BidResult) -> BidFigures {
    let v = serde_json::to_value(b).unwrap_or(Value::Null);
    let stages = match v.get("stages").or_else(|| v.get("stage")) {
        Some(Value::Array(a)) => a.iter().filter_map(trace).collect(),
        Some(t @ Value::Object(_)) => trace(t).into_iter().collect(),
        _ => Vec::new(),
    };
    BidFigures {
        cost_per_quality_point: figure(&v, "cost_per_quality_point"),
        quality_marks: figure(&v, "quality_marks"),
        stages,
        basket: v.get("basket").and_then(trace),
    }
}

/// The lot's evaluation model's word, when it is not the weighted total (a weighted lot's
/// result does not name its model, so every earlier result keeps its bytes).
pub fn lot_model(l: &LotResult) -> Option<String> {
    let v = serde_json::to_value(l).unwrap_or(Value::Null);
    v.get("model")
        .and_then(Value::as_str)
        .filter(|m| *m != "weighted")
        .map(str::to_string)
}

/// A draft's price marks under one formula the lot could publish, low and high.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceUnder {
    /// The formula's word.
    pub formula: String,
    /// Whether the lot publishes it.
    pub published: bool,
    /// Marks at the low end.
    pub low: String,
    /// Marks at the high end.
    pub high: String,
    /// What the figures assume about the other bids.
    pub assumption: Option<String>,
}

/// What a self-check adds for issue 15's methods: the draft's basket of rates, and its price
/// marks under each formula the lot could publish.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfCheckFigures {
    /// The draft's price worked out: each rate times its published volume.
    pub basket: Option<Trace>,
    /// The price marks under each formula.
    pub price_under: Vec<PriceUnder>,
}

/// The figures a self-check result carries for a lot's model and price method.
pub fn self_check_figures(r: &SelfCheckResult) -> SelfCheckFigures {
    let v = serde_json::to_value(r).unwrap_or(Value::Null);
    SelfCheckFigures {
        basket: v.get("basket").and_then(trace),
        price_under: (v.get("price_under").and_then(Value::as_array))
            .map(|a| {
                a.iter()
                    .map(|p| PriceUnder {
                        formula: text(p, "formula"),
                        published: p.get("published").and_then(Value::as_bool) == Some(true),
                        low: text(p, "low"),
                        high: text(p, "high"),
                        assumption: figure(p, "assumption"),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::trace;
    use serde_json::json;

    #[test]
    fn a_trace_reads_back_as_the_core_published_it() {
        let t = json!({"rule": "award.price.basket", "inputs": [{"name": "day", "label": "Day rate x volume", "value": "19.50 x 10400"}],
            "formula": "19.50 x 10400", "exact": "202800", "result": "202800.00",
            "cites": [{"source": "COBEG", "title": "Guidance", "clause": "7.3"}]});
        let read = trace(&t).unwrap_or_else(|| panic!("a trace"));
        assert_eq!(serde_json::to_value(&read).ok(), Some(t));
        assert!(trace(&json!("text")).is_none());
    }
}

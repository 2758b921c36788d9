//! What a protocol lets a tender choose for each lot (issue 15): the evaluation models and the
//! price formulas. Read from the protocol as published (its JSON), so that the form offers
//! exactly what the core will accept, and nothing is worked out here.

use crate::state::Workspace;
use serde_json::Value;
use ulo_core::shipped;

/// The choices a protocol leaves to a lot.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LotChoices {
    /// The evaluation models a lot may use (`award_model.models_allowed`); absent means the
    /// weighted total only, as before issue 15.
    pub models: Vec<String>,
    /// The price formulas a lot may choose instead of the protocol's own
    /// (`award_model.price_formulas_allowed`); empty means only the protocol's own.
    pub formulas: Vec<String>,
    /// The formula of the protocol's price criterion, when it has one.
    pub own_formula: Option<String>,
    /// How the protocol writes its weights: `share_of_parent` (the default) or
    /// `share_of_whole`.
    pub weights_as: String,
}

/// The protocol's JSON: the loaded one, or the shipped one.
fn protocol_json(ws: &Workspace) -> Value {
    let text = ws.protocol_text.as_deref().unwrap_or(shipped::PROTOCOL);
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The award section of a protocol, whichever name it goes by.
fn award(p: &Value) -> Option<&Value> {
    p.get("award_model").or_else(|| p.get("award"))
}

fn words(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|w| w.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The formula of the first price criterion in a criteria tree.
fn price_formula(criteria: &Value) -> Option<String> {
    for c in criteria.as_array()? {
        if let Some(m) = c.get("method") {
            if m.get("type").and_then(Value::as_str) == Some("price") {
                return m.get("formula").and_then(Value::as_str).map(str::to_string);
            }
        }
        if let Some(f) = c.get("children").and_then(price_formula) {
            return Some(f);
        }
    }
    None
}

/// What the workspace's protocol lets each lot choose.
pub fn lot_choices(ws: &Workspace) -> LotChoices {
    let p = protocol_json(ws);
    let a = award(&p);
    let mut models = words(a.and_then(|a| a.get("models_allowed")));
    if models.is_empty() {
        models.push("weighted".into());
    }
    LotChoices {
        models,
        formulas: words(a.and_then(|a| a.get("price_formulas_allowed"))),
        own_formula: a.and_then(|a| a.get("criteria")).and_then(price_formula),
        weights_as: a
            .and_then(|a| a.get("weights_as"))
            .and_then(Value::as_str)
            .unwrap_or("share_of_parent")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_protocol_without_choices_offers_the_weighted_total_and_its_own_formula() {
        let ws = Workspace {
            protocol_text: Some(
                json!({"award_model": {"criteria": [
                    {"id": "q", "children": [{"id": "q1", "method": {"type": "panel"}}]},
                    {"id": "p", "method": {"type": "price", "formula": "linear_ceiling_floor"}}
                ]}})
                .to_string()
                .into(),
            ),
            ..Workspace::example()
        };
        let c = lot_choices(&ws);
        assert_eq!(c.models, vec!["weighted".to_string()]);
        assert!(c.formulas.is_empty());
        assert_eq!(c.own_formula.as_deref(), Some("linear_ceiling_floor"));
        assert_eq!(c.weights_as, "share_of_parent");
    }

    #[test]
    fn a_protocol_lists_the_models_and_formulas_a_lot_may_choose() {
        let ws = Workspace {
            protocol_text: Some(
                json!({"award_model": {
                    "models_allowed": ["weighted", "sequential"],
                    "price_formulas_allowed": ["benchmark"],
                    "weights_as": "share_of_whole",
                    "criteria": []
                }})
                .to_string()
                .into(),
            ),
            ..Workspace::example()
        };
        let c = lot_choices(&ws);
        assert_eq!(c.models, vec!["weighted", "sequential"]);
        assert_eq!(c.formulas, vec!["benchmark"]);
        assert_eq!(c.own_formula, None);
        assert_eq!(c.weights_as, "share_of_whole");
    }
}

//! A small form to change one evaluator's score, with the scale's descriptors.

use std::rc::Rc;
use ulo_core::protocol::{CriterionBody, Method};
use ulo_core::{Protocol, ScoreResult};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A change the user asked for.
pub struct ScoreChange {
    pub bid: String,
    pub criterion: String,
    pub evaluator: String,
    pub score: i64,
}

#[derive(Properties)]
pub struct Props {
    pub result: Rc<ScoreResult>,
    pub protocol: Rc<Protocol>,
    pub on_change: Callback<ScoreChange>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result) && Rc::ptr_eq(&self.protocol, &other.protocol)
    }
}

fn select_value(node: &NodeRef) -> String {
    node.cast::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[function_component(ScoreEditor)]
pub fn score_editor(props: &Props) -> Html {
    let bid_ref = use_node_ref();
    let criterion_ref = use_node_ref();
    let evaluator_ref = use_node_ref();
    let score_ref = use_node_ref();

    let protocol = &props.protocol;
    let panel: Vec<(String, String, String)> = protocol
        .tree()
        .iter()
        .filter_map(|n| {
            let c = protocol.criterion(&n.id)?;
            match &c.body {
                CriterionBody::Leaf(Method::Panel { scale, .. }) => {
                    Some((c.id.clone(), c.title.clone(), scale.clone()))
                }
                _ => None,
            }
        })
        .collect();
    // All panel criteria in the shipped protocol share one scale; show the first one's points.
    let scale = panel.first().and_then(|(_, _, s)| protocol.scale(s));
    let evaluators: Vec<(String, String)> = props
        .result
        .bids
        .iter()
        .flat_map(|b| b.criteria.iter())
        .filter_map(|c| c.panel.as_ref())
        .flat_map(|p| p.scores.iter().map(|s| (s.evaluator.clone(), s.name.clone())))
        .fold(Vec::new(), |mut acc, e| {
            if !acc.contains(&e) {
                acc.push(e);
            }
            acc
        });

    let onsubmit = {
        let (b, c, e, s) = (bid_ref.clone(), criterion_ref.clone(), evaluator_ref.clone(), score_ref.clone());
        let on_change = props.on_change.clone();
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Ok(score) = select_value(&s).parse::<i64>() {
                on_change.emit(ScoreChange {
                    bid: select_value(&b),
                    criterion: select_value(&c),
                    evaluator: select_value(&e),
                    score,
                });
            }
        })
    };

    html! {
        <form class="score-editor" {onsubmit}>
            <div class="field">
                <label for="edit-bid">{ "Bid" }</label>
                <select id="edit-bid" ref={bid_ref}>
                    { for props.result.bids.iter().map(|b| html!{
                        <option value={b.bid.clone()}>{ format!("{} (lot {})", b.bidder, b.lot) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="edit-criterion">{ "Criterion" }</label>
                <select id="edit-criterion" ref={criterion_ref}>
                    { for panel.iter().map(|(id, title, _)| html!{ <option value={id.clone()}>{ title }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="edit-evaluator">{ "Evaluator" }</label>
                <select id="edit-evaluator" ref={evaluator_ref}>
                    { for evaluators.iter().map(|(id, name)| html!{ <option value={id.clone()}>{ name }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="edit-score">{ "Score" }</label>
                <select id="edit-score" ref={score_ref}>
                    { for scale.iter().flat_map(|s| s.points.iter()).map(|p| html!{
                        <option value={p.score.to_string()}>{ format!("{}: {}. {}", p.score, p.label, p.descriptor) }</option>
                    }) }
                </select>
            </div>
            <button type="submit" class="button">{ "Save score" }</button>
        </form>
    }
}

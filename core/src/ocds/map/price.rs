//! The protocol's side of the price weight: which criterion carries the protocol's price marks,
//! the range a tender may set it in, and whether the notice's price weight leaves the
//! protocol's weights making 100 without ulo choosing which other weight to move.

use crate::exact::Exact;
use crate::protocol::{Category, Criterion, CriterionBody, Protocol, TreeNode};

/// The protocol's price criterion and its tunable range, in words, for reasons.
pub(super) fn range_text(protocol: &Protocol) -> String {
    match criterion(protocol) {
        Ok((id, default)) => match protocol.tunable(&id) {
            Some(t) => format!(
                "the protocol gives price {} and lets a tender set it from {} to {}",
                default.to_exact_string(),
                t.min.to_exact_string(),
                t.max.to_exact_string()
            ),
            None => format!("the protocol fixes price at {}", default.to_exact_string()),
        },
        Err(why) => why,
    }
}

/// The one criterion that carries the protocol's price marks (the top-most criterion in the
/// price category), with its default weight.
fn criterion(protocol: &Protocol) -> Result<(String, Exact), String> {
    let tree = protocol.tree();
    let tops: Vec<&TreeNode> = tree
        .iter()
        .filter(|n| n.category == Category::Price)
        .filter(|n| {
            n.parent
                .as_ref()
                .and_then(|p| tree.iter().find(|m| &m.id == p))
                .is_none_or(|p| p.category != Category::Price)
        })
        .collect();
    match tops.as_slice() {
        [] => Err("the protocol has no price criterion".into()),
        [one] => {
            let w = protocol
                .criterion(&one.id)
                .map_or(Exact::ZERO, |c| c.weight);
            Ok((one.id.clone(), w))
        }
        _ => Err("the protocol gives price marks through several criteria".into()),
    }
}

/// Whether the notice's price weight `p` can be the tender's price weight under `protocol`:
/// inside the protocol's tunable range, and with its group still making 100 when every other
/// weight stays at the protocol's default (ulo does not choose which other weight to move).
/// `Ok` holds the criterion id; `Err` the reason in words.
pub(super) fn weight(protocol: &Protocol, p: Exact) -> Result<String, String> {
    let pw = p.to_exact_string();
    let not = |why: String| format!("the notice weighs price at {pw}%, but {why}");
    let (id, default) = criterion(protocol).map_err(not)?;
    if !p.has_at_most_places(2) {
        return Err(not("ulo's weights have at most two decimal places".into()));
    }
    let Some(t) = protocol.tunable(&id) else {
        return Err(not(format!(
            "the protocol fixes the weight of \"{id}\" at {}",
            default.to_exact_string()
        )));
    };
    if p < t.min || p > t.max {
        return Err(not(format!(
            "the protocol lets a tender set the weight of \"{id}\" only from {} to {}; the tender keeps the protocol's {} unless you change it",
            t.min.to_exact_string(),
            t.max.to_exact_string(),
            default.to_exact_string()
        )));
    }
    let siblings = siblings_of(protocol, &id);
    let mut total = Exact::ZERO;
    for (sid, w) in &siblings {
        let w = if *sid == id { p } else { *w };
        total = total
            .add(w)
            .map_err(|_| not("the weights are too large".into()))?;
    }
    if total != Exact::HUNDRED {
        let others: Vec<String> = siblings
            .iter()
            .filter(|(sid, _)| *sid != id)
            .map(|(sid, w)| match protocol.tunable(sid) {
                Some(t) => format!(
                    "\"{sid}\" {} ({} to {})",
                    w.to_exact_string(),
                    t.min.to_exact_string(),
                    t.max.to_exact_string()
                ),
                None => format!("\"{sid}\" {} (fixed)", w.to_exact_string()),
            })
            .collect();
        let diff = total.sub(Exact::HUNDRED).unwrap_or(Exact::ZERO);
        let change = if diff.is_negative() {
            format!(
                "raise the others by {}",
                diff.neg().unwrap_or(diff).to_exact_string()
            )
        } else {
            format!("lower the others by {}", diff.to_exact_string())
        };
        return Err(not(format!(
            "with \"{id}\" at {pw} and the protocol's other weights the group adds up to {}, not 100; to use it, set \"{id}\" to {pw} and {change} between {} - ulo does not choose which",
            total.to_exact_string(),
            others.join(", ")
        )));
    }
    Ok(id)
}

/// The criteria in the same group as `id` (the top level, or its parent's children), with
/// their default weights.
fn siblings_of(protocol: &Protocol, id: &str) -> Vec<(String, Exact)> {
    fn find(list: &[Criterion], id: &str) -> Option<Vec<(String, Exact)>> {
        if list.iter().any(|c| c.id == id) {
            return Some(list.iter().map(|c| (c.id.clone(), c.weight)).collect());
        }
        list.iter().find_map(|c| match &c.body {
            CriterionBody::Group(children) => find(children, id),
            CriterionBody::Leaf(_) => None,
        })
    }
    find(&protocol.doc().award.criteria, id).unwrap_or_default()
}

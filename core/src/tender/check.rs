//! A tender checked against a protocol: lots and panel with unique ids, dates and price ranges
//! in order, weights tuned only where and as far as the protocol allows; then every criterion's
//! marks resolved, so that scoring never works them out again.

use super::{read, Lot, Tender, TenderDoc};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, Overflow};
use crate::protocol::{Criterion, CriterionBody, Method, PriceFormula, Protocol, WeightsAs};
use crate::read::IdSet;
use crate::vocab::{money, Category};
use serde_json::Value;
use std::collections::BTreeMap;

/// Parses, reads and checks a tender against `protocol`.
///
/// # Errors
///
/// The JSON is not well formed, or the tender breaks its schema or the protocol:
/// every problem, each located by a JSON pointer.
pub fn from_json(protocol: &Protocol, text: &str) -> Result<Tender, Problems> {
    let value = crate::json::parse(text, Document::Tender).map_err(|p| Problems(vec![p]))?;
    read_for(protocol, &value)
}

/// Reads and checks a tender against `protocol`.
///
/// # Errors
///
/// The tender breaks its schema or the protocol: every problem, each located.
pub fn read_for(protocol: &Protocol, value: &Value) -> Result<Tender, Problems> {
    let doc = read(value)?;
    check(protocol, doc, crate::audit::digest(value))
}

/// Checks a read tender against `protocol` and resolves its weights and marks.
///
/// # Errors
///
/// The tender breaks the protocol: every problem, each located.
pub fn check(protocol: &Protocol, doc: TenderDoc, digest: String) -> Result<Tender, Problems> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut report = |p: String, kind| problems.push(Problem::new(Document::Tender, p, kind));
    check_dates(&doc, &mut report);
    let mut own = Vec::new();
    price_formulas(&protocol.doc().award.criteria, &mut own);
    for (i, lot) in doc.lots.iter().enumerate() {
        check_lot(lot, i, &own, &mut report);
        check_lot_price(protocol, lot, i, &own, &mut report);
        check_model(protocol, lot, i, &mut report);
    }
    let weights = tuned_weights(protocol, &doc, &mut report);
    problems.extend(duplicate_ids(&doc));
    if !problems.is_empty() {
        problems.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        return Err(Problems(problems));
    }
    let too_large = |_| {
        Problems(vec![Problem::new(
            Document::Tender,
            "/weights",
            ProblemKind::FigureTooLarge {
                detail: "the marks for each criterion".into(),
            },
        )])
    };
    let criteria = &protocol.doc().award.criteria;
    let max_marks = match protocol.doc().award.weights_as {
        WeightsAs::ShareOfParent => marks_table(criteria, &weights, Exact::HUNDRED),
        WeightsAs::ShareOfWhole => whole_marks_table(&weights, Exact::HUNDRED),
    }
    .map_err(too_large)?;
    let category_weights = category_marks(protocol, &max_marks).map_err(too_large)?;
    let regime = crate::regime::decide(&doc.procurement.clone().unwrap_or_default());
    Ok(Tender {
        doc,
        digest,
        regime,
        weights,
        max_marks,
        category_weights,
    })
}

/// The second use of any lot or evaluator id.
fn duplicate_ids(doc: &TenderDoc) -> Vec<Problem> {
    let mut dup = Vec::new();
    let mut lot_ids = IdSet::new();
    for (i, l) in doc.lots.iter().enumerate() {
        lot_ids.add(&l.id, format!("/lots/{i}/id"), &mut dup, Document::Tender);
    }
    if let Some(panel) = &doc.panel {
        let mut ids = IdSet::new();
        for (i, e) in panel.iter().enumerate() {
            ids.add(&e.id, format!("/panel/{i}/id"), &mut dup, Document::Tender);
        }
    }
    dup
}

/// The response deadline is not before the publication date.
fn check_dates(doc: &TenderDoc, report: &mut impl FnMut(String, ProblemKind)) {
    if let (Some(p), Some(d)) = (doc.published, doc.response_deadline) {
        if d < p {
            report(
                "/response_deadline".into(),
                ProblemKind::RangeOutOfOrder {
                    detail: format!("the response deadline {d} is before the publication date {p}"),
                },
            );
        }
    }
}

/// A lot has a value, a price floor below its ceiling, and both when a price formula needs
/// them (the price criteria's own formulas are `own`; the lot may name its own instead).
fn check_lot(
    lot: &Lot,
    i: usize,
    own: &[PriceFormula],
    report: &mut impl FnMut(String, ProblemKind),
) {
    let needs_band = lot
        .formulas(own)
        .contains(&PriceFormula::LinearCeilingFloor);
    if lot.value.is_zero() {
        report(
            format!("/lots/{i}/value"),
            ProblemKind::OutOfRange {
                found: "\"0\"".into(),
                expected: "more than 0".into(),
            },
        );
    }
    if let (Some(floor), Some(ceiling)) = (lot.price_floor, lot.price_ceiling) {
        if floor >= ceiling {
            report(
                format!("/lots/{i}/price_floor"),
                ProblemKind::RangeOutOfOrder {
                    detail: format!(
                        "the price floor {} is not below the price ceiling {}",
                        money(floor),
                        money(ceiling)
                    ),
                },
            );
        }
    }
    if needs_band {
        for (field, v) in [
            ("price_ceiling", lot.price_ceiling),
            ("price_floor", lot.price_floor),
        ] {
            if v.is_none() {
                report(
                    format!("/lots/{i}"),
                    ProblemKind::MissingField {
                        field: field.into(),
                    },
                );
            }
        }
    }
}

/// Every criterion's weight within its group: the protocol's, or the tender's where the
/// protocol lets it tune one and it stays in range; groups must still make 100.
fn tuned_weights(
    protocol: &Protocol,
    doc: &TenderDoc,
    report: &mut impl FnMut(String, ProblemKind),
) -> BTreeMap<String, Exact> {
    let criteria = &protocol.doc().award.criteria;
    let mut weights: BTreeMap<String, Exact> = BTreeMap::new();
    collect_weights(criteria, &mut weights);
    let tunable: Vec<String> = protocol
        .doc()
        .tunable
        .iter()
        .map(|t| t.criterion.clone())
        .collect();
    for (id, w) in &doc.weights {
        let p = format!("/weights/{}", crate::json::escape_token(id));
        if protocol.criterion(id).is_none() {
            report(
                p,
                ProblemKind::UnknownReference {
                    id: id.clone(),
                    what: "criterion",
                    known: protocol.criterion_ids(),
                },
            );
            continue;
        }
        match protocol.tunable(id) {
            None => report(
                p,
                ProblemKind::WeightNotTunable {
                    criterion: id.clone(),
                    tunable: tunable.clone(),
                },
            ),
            Some(t) if *w < t.min || *w > t.max => report(
                p,
                ProblemKind::WeightOutsideRange {
                    criterion: id.clone(),
                    found: w.to_exact_string(),
                    min: t.min.to_exact_string(),
                    max: t.max.to_exact_string(),
                },
            ),
            Some(_) => {
                weights.insert(id.clone(), *w);
            }
        }
    }
    if doc.weights.is_empty() {
        return weights;
    }
    match protocol.doc().award.weights_as {
        WeightsAs::ShareOfParent => {
            check_groups(criteria, "the top-level criteria", &weights, report);
        }
        WeightsAs::ShareOfWhole => {
            // The tender's own figures, as `weights` now holds them over the published ones.
            let given: BTreeMap<String, Exact> = doc
                .weights
                .iter()
                .filter_map(|(id, _)| weights.get(id).map(|w| (id.clone(), *w)))
                .collect();
            resolve_whole(
                criteria,
                (Exact::HUNDRED, Exact::HUNDRED),
                None,
                &given,
                &mut weights,
                report,
            );
        }
    }
    weights
}

/// The formula of every price criterion, in tree order.
fn price_formulas(criteria: &[Criterion], out: &mut Vec<PriceFormula>) {
    for c in criteria {
        match &c.body {
            CriterionBody::Group(children) => price_formulas(children, out),
            CriterionBody::Leaf(Method::Price(f)) => out.push(*f),
            CriterionBody::Leaf(_) => {}
        }
    }
}

/// Resolves, under weights read as shares of the whole award, the weights of `children`: a
/// group (named `group`; `None` for the top level) whose published weight was `published.0`
/// and whose weight is now `published.1` (both 100 for the top level). A tender states a
/// criterion's share of the whole, as the protocol does (`given`), and every group must still
/// share out exactly its own weight.
///
/// - If the tender sets the weight of any of the children, each takes the tender's figure or
///   else its published one, and together they must make the group's weight now: a located
///   problem otherwise.
/// - If it sets none of them, they keep their published shares of the group: each is its
///   published weight x now / published (exact; the published weight itself when the group's
///   weight is unchanged). So a tender that moves Quality from 55 to 60 without naming Q1..Q4
///   scales each by 60/55: the proportions the protocol published, which is also what a
///   weight of a group has always meant under `share_of_parent`.
fn resolve_whole(
    children: &[Criterion],
    (published, now): (Exact, Exact),
    group: Option<&str>,
    given: &BTreeMap<String, Exact>,
    out: &mut BTreeMap<String, Exact>,
    report: &mut impl FnMut(String, ProblemKind),
) {
    let name = || group.map_or("the top-level criteria".to_string(), |g| format!("\"{g}\""));
    let set_here = children.iter().any(|c| given.contains_key(&c.id));
    let mut total = Exact::ZERO;
    let mut failed = false;
    for c in children {
        let w = if set_here {
            given.get(&c.id).copied().unwrap_or(c.weight)
        } else if now == published {
            c.weight
        } else if published.is_zero() {
            // A group published at 0 has nothing to share out in proportion.
            failed = true;
            c.weight
        } else if let Ok(v) = c.weight.mul(now).and_then(|v| v.div(published)) {
            v
        } else {
            report(
                "/weights".into(),
                ProblemKind::FigureTooLarge {
                    detail: format!("the weights in {}", name()),
                },
            );
            return;
        };
        total = total.add(w).unwrap_or(total);
        out.insert(c.id.clone(), w);
    }
    if (set_here || failed) && total != now {
        report(
            "/weights".into(),
            match group {
                None => ProblemKind::WeightsNot100 {
                    group: name(),
                    total: total.to_exact_string(),
                },
                Some(_) => ProblemKind::WeightsNotGroupWeight {
                    group: name(),
                    total: total.to_exact_string(),
                    target: now.to_exact_string(),
                },
            },
        );
    }
    for c in children {
        if let CriterionBody::Group(grandchildren) = &c.body {
            let now = out.get(&c.id).copied().unwrap_or(c.weight);
            resolve_whole(
                grandchildren,
                (c.weight, now),
                Some(&c.id),
                given,
                out,
                report,
            );
        }
    }
}

/// A lot's own price formula is one the protocol allows (PA 2023 s.23: the model the tender
/// publishes is the one applied, so it must be a lawful choice the protocol offers); the
/// benchmark formula has its benchmark, with a price above 0; rates have distinct ids and
/// volumes above 0.
fn check_lot_price(
    protocol: &Protocol,
    lot: &Lot,
    i: usize,
    own: &[PriceFormula],
    report: &mut impl FnMut(String, ProblemKind),
) {
    if let Some(f) = lot.evaluation.price_formula {
        let mut allowed: Vec<PriceFormula> = own.to_vec();
        allowed.extend(protocol.doc().award.price_formulas_allowed.iter().copied());
        allowed.sort_by_key(|f| f.word());
        allowed.dedup();
        if !allowed.contains(&f) {
            report(
                format!("/lots/{i}/evaluation/price_formula"),
                ProblemKind::PriceFormulaNotAllowed {
                    formula: f.word().to_string(),
                    allowed: allowed.iter().map(|f| f.word().to_string()).collect(),
                },
            );
        }
    }
    if lot.formulas(own).contains(&PriceFormula::Benchmark) {
        match &lot.price_benchmark {
            None => report(
                format!("/lots/{i}"),
                ProblemKind::MissingField {
                    field: "price_benchmark".into(),
                },
            ),
            Some(b) if b.price.is_zero() => report(
                format!("/lots/{i}/price_benchmark/price"),
                ProblemKind::OutOfRange {
                    found: "\"0\"".into(),
                    expected: "more than 0".into(),
                },
            ),
            Some(_) => {}
        }
    }
    let mut ids = IdSet::new();
    let mut dup = Vec::new();
    for (j, rate) in lot.rates.iter().enumerate() {
        ids.add(
            &rate.id,
            format!("/lots/{i}/rates/{j}/id"),
            &mut dup,
            Document::Tender,
        );
        if rate.volume.is_zero() {
            report(
                format!("/lots/{i}/rates/{j}/volume"),
                ProblemKind::OutOfRange {
                    found: "\"0\"".into(),
                    expected: "more than 0".into(),
                },
            );
        }
    }
    for p in dup {
        report(p.pointer, p.kind);
    }
}

/// The marks each criterion is worth, out of `total`, when weights are shares of the whole
/// award: a criterion's weight is its share of `total` itself, so nothing is divided by a
/// group's sum (a group weighted 0 has criteria worth 0, not a division by zero).
///
/// # Errors
///
/// A figure too large to compute exactly.
pub fn whole_marks_table(
    weights: &BTreeMap<String, Exact>,
    total: Exact,
) -> Result<BTreeMap<String, Exact>, Overflow> {
    let mut out = BTreeMap::new();
    for (id, w) in weights {
        out.insert(id.clone(), total.mul(*w)?.div(Exact::HUNDRED)?);
    }
    Ok(out)
}

fn collect_weights(criteria: &[Criterion], out: &mut BTreeMap<String, Exact>) {
    for c in criteria {
        out.insert(c.id.clone(), c.weight);
        if let CriterionBody::Group(children) = &c.body {
            collect_weights(children, out);
        }
    }
}

fn check_groups(
    criteria: &[Criterion],
    name: &str,
    weights: &BTreeMap<String, Exact>,
    report: &mut impl FnMut(String, ProblemKind),
) {
    let mut total = Exact::ZERO;
    for c in criteria {
        total = total.add(weights[&c.id]).unwrap_or(total);
    }
    if total != Exact::HUNDRED {
        report(
            "/weights".into(),
            ProblemKind::WeightsNot100 {
                group: name.to_string(),
                total: total.to_exact_string(),
            },
        );
    }
    for c in criteria {
        if let CriterionBody::Group(children) = &c.body {
            check_groups(children, &format!("\"{}\"", c.id), weights, report);
        }
    }
}

/// The marks each criterion is worth, out of `total` for the whole tree: a criterion's share
/// of its parent's marks is its weight over the sum of its group's weights. Protocols and
/// tenders are checked to make each group's weights add up to exactly 100, so the share is
/// simply weight / 100; dividing by the group's sum states the rule in a form that does not
/// depend on that, and lets the test suite prove that only relative weights matter.
///
/// # Errors
///
/// A figure too large to compute exactly.
pub fn marks_table(
    criteria: &[Criterion],
    weights: &BTreeMap<String, Exact>,
    total: Exact,
) -> Result<BTreeMap<String, Exact>, Overflow> {
    let mut out = BTreeMap::new();
    fill_marks(criteria, weights, total, &mut out)?;
    Ok(out)
}

fn fill_marks(
    criteria: &[Criterion],
    weights: &BTreeMap<String, Exact>,
    parent_marks: Exact,
    out: &mut BTreeMap<String, Exact>,
) -> Result<(), Overflow> {
    let weight = |c: &Criterion| weights.get(&c.id).copied().unwrap_or(c.weight);
    let mut sum = Exact::ZERO;
    for c in criteria {
        sum = sum.add(weight(c))?;
    }
    for c in criteria {
        let marks = parent_marks.mul(weight(c))?.div(sum)?;
        out.insert(c.id.clone(), marks);
        if let CriterionBody::Group(children) = &c.body {
            fill_marks(children, weights, marks, out)?;
        }
    }
    Ok(())
}

/// The share of all marks given to each category, from the marks of the leaves.
fn category_marks(
    protocol: &Protocol,
    max_marks: &BTreeMap<String, Exact>,
) -> Result<BTreeMap<Category, Exact>, Overflow> {
    let mut out = BTreeMap::new();
    for node in protocol.tree() {
        if node.children.is_empty() {
            let e = out.entry(node.category).or_insert(Exact::ZERO);
            *e = e.add(max_marks.get(&node.id).copied().unwrap_or(Exact::ZERO))?;
        }
    }
    Ok(out)
}

/// A lot's evaluation model is one the protocol allows (absent a list, the weighted total
/// alone), and one its criteria can carry: a model that divides or ranks by quality needs a
/// criterion not scored on price, price only needs a price criterion.
fn check_model(
    protocol: &Protocol,
    lot: &Lot,
    i: usize,
    report: &mut impl FnMut(String, ProblemKind),
) {
    use super::evaluation::ModelKind;
    let kind = lot.evaluation.model.kind();
    let allowed = protocol
        .doc()
        .award
        .models_allowed
        .clone()
        .unwrap_or_else(|| vec![ModelKind::Weighted]);
    if !allowed.contains(&kind) {
        report(
            format!("/lots/{i}/evaluation/model"),
            ProblemKind::ModelNotAllowed {
                model: kind.word().into(),
                allowed: allowed.iter().map(|m| m.word().to_string()).collect(),
            },
        );
        return;
    }
    let (mut price, mut quality) = (false, false);
    for node in protocol.tree() {
        if let Some(CriterionBody::Leaf(m)) = protocol.criterion(&node.id).map(|c| &c.body) {
            match m {
                Method::Price(_) => price = true,
                _ => quality = true,
            }
        }
    }
    let needs = match kind {
        ModelKind::PriceOnly if !price => "a price criterion",
        ModelKind::PricePerQualityPoint | ModelKind::Sequential | ModelKind::QualityOnly
            if !quality =>
        {
            "a criterion not scored on price"
        }
        _ => return,
    };
    report(
        format!("/lots/{i}/evaluation/model"),
        ProblemKind::ModelNeedsCriteria {
            model: kind.word().into(),
            needs,
        },
    );
}

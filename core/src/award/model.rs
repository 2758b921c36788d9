//! What a lot's evaluation model does to marks, exclusion and the ranking order.
//!
//! The tender publishes each lot's model (`tender::evaluation`), and the authority must apply
//! it as published (PA 2023 s.23; s.19 the award to the most advantageous tender assessed by
//! reference to the award criteria). Every model starts from the same leaf marks, worked out as
//! the protocol says (rounded once per leaf); a model then decides:
//!
//! - which criteria count ([`counted`]): price criteria are not turned into marks under price
//!   per quality point (the price itself is divided), quality only, or a sequential evaluation
//!   decided on the lowest price; under price only nothing but price counts;
//! - the **quality marks** ([`quality`]): the marks of every criterion not scored on price,
//!   re-weighted to 100 in their published proportion (price's weight left out): the sum of their
//!   rounded marks x 100 / the marks they carry, kept exact and shown to the protocol's places;
//! - who is excluded before price is looked at ([`stage_one`]): below a price per quality point
//!   threshold or a sequential pass mark (percent of the quality marks available; a bid exactly
//!   at it passes), or a quality-only bid not at the fixed price;
//! - the ranking key ([`Order`]): the total (highest first), the exact cost per quality point
//!   (lowest first; shown to 2 places), or the price (lowest first).
//!
//! Ties under a key other than the total go through the protocol's tie-break order unchanged:
//! the rules there (more marks in a criterion, the lower price, a user-led organisation first)
//! keep their meaning, so under price per quality point two bids at the same cost per point are
//! separated by whichever rule the protocol lists first.
//!
//! Why stage one is decided when a bid's own work ends (`Run::start`) rather than after the
//! lot's prices: it depends on the bid alone, and a bid the quality stage excludes must not set
//! the lowest price the relative price formula uses (Guidance Note 5.3: price is evaluated
//! only for the bids that pass).

use super::flags::Words;
use super::marks::sum;
use super::run::{Run, Work};
use crate::exact::{Exact, Overflow};
use crate::explain::{money, percent, CiteRef, Input, Trace};
use crate::protocol::{CriterionBody, Method};
use crate::regime::{law, Regime};
use crate::report::FlagCode;
use crate::tender::evaluation::{Model, ModelKind, Then};

/// The Guidance Note, cited at `clause`.
fn guidance(clause: &str) -> CiteRef {
    CiteRef {
        source: "COBEG".into(),
        title: "Cabinet Office, Bid Evaluation Guidance Note (May 2021)".into(),
        clause: clause.into(),
        url: None,
    }
}

/// The clauses a model's step rests on: the Guidance Note's section for the model (guidance,
/// not law), and PA 2023 s.19 and s.23 (award on the published criteria, applied as published)
/// where they govern: a covered procurement under the Act, standard or light-touch, or a tender
/// whose regime is not stated (as the award model's own clauses are then all shown). Not below
/// threshold (Part 6), nor under another regime's law, whose clause was not read for this.
pub(super) fn cites(run: &Run, kind: ModelKind) -> Vec<CiteRef> {
    if !run.explain {
        return Vec::new();
    }
    let section = match kind {
        ModelKind::Weighted => "8.1",
        ModelKind::PricePerQualityPoint => "7.3 and Appendix II",
        ModelKind::Sequential => "5.3",
        ModelKind::QualityOnly | ModelKind::PriceOnly => "5.1",
    };
    let mut out = vec![guidance(section)];
    match run.ctx.tender.regime().regime {
        None | Some(Regime::Pa2023 | Regime::Pa2023LightTouch) => {
            out.push(law::cite("PA23", "s.19"));
            out.push(law::cite("PA23", "s.23"));
        }
        Some(_) => {}
    }
    out
}

/// The model of the lot a bid is for (weighted for a lot the tender does not have, which no
/// result lists).
pub(super) fn of(run: &Run, lot: &str) -> Model {
    run.ctx
        .tender
        .lot(lot)
        .map(|l| l.evaluation.model.clone())
        .unwrap_or_default()
}

/// Whether a leaf is scored on price.
fn is_price(run: &Run, i: usize) -> bool {
    matches!(
        run.nodes[i].crit.map(|c| &c.body),
        Some(CriterionBody::Leaf(Method::Price(_)))
    )
}

/// Which criteria count under `model`, by tree position: a leaf as the model says, a group
/// when any of its criteria counts.
pub(super) fn counted(run: &Run, model: &Model) -> Vec<bool> {
    let mut out = vec![false; run.nodes.len()];
    for (i, node) in run.nodes.iter().enumerate().rev() {
        out[i] = if node.children.is_empty() {
            if is_price(run, i) {
                model.scores_price()
            } else {
                model.scores_quality()
            }
        } else {
            node.children.iter().any(|c| out[*c])
        };
    }
    out
}

/// Why a criterion does not count under `model`, in words.
pub(super) fn not_counted_reason(model: &Model) -> &'static str {
    match model.kind() {
        ModelKind::PricePerQualityPoint => {
            "not scored under price per quality point: the price is divided by the quality marks instead"
        }
        ModelKind::QualityOnly => "not scored: the lot competes on quality alone at a fixed price",
        ModelKind::Sequential => {
            "not scored: after the quality stage the lowest price wins among the bids that passed"
        }
        ModelKind::PriceOnly => "not scored: the lot is awarded on price alone",
        ModelKind::Weighted => "not scored under this lot's model",
    }
}

/// A bid's quality marks: the sum of the rounded marks of every leaf not scored on price,
/// re-weighted to 100 (x 100 / the marks those leaves carry); with the trace when explaining.
/// `None` while any of those leaves has no marks, or when there are none.
pub(super) fn quality(
    run: &Run,
    w: &Work,
    kind: ModelKind,
    bar: Option<(&str, Exact)>,
) -> Result<Option<(Exact, Option<Trace>)>, Overflow> {
    let mut parts = Vec::new();
    let mut available = Vec::new();
    for (i, node) in run.nodes.iter().enumerate() {
        if !node.children.is_empty() || node.crit.is_none() || is_price(run, i) {
            continue;
        }
        match w.marks[i] {
            Some(m) => parts.push(m),
            None => return Ok(None),
        }
        available.push(node.available);
    }
    let (got, out_of) = (sum(&parts)?, sum(&available)?);
    if out_of.is_zero() {
        return Ok(None);
    }
    let q = got.mul(Exact::HUNDRED)?.div(out_of)?;
    let trace = if w.explain {
        let ctx = &run.ctx;
        let rounded = ctx.round(q)?;
        let shown = |v: Exact| ctx.show(v);
        let mut inputs = vec![
            Input {
                name: "quality_marks_awarded".into(),
                label: "marks awarded on the criteria not scored on price".into(),
                value: shown(got),
            },
            Input {
                name: "quality_marks_available".into(),
                label: "marks those criteria carry".into(),
                value: shown(out_of),
            },
        ];
        if let Some((label, bar)) = bar {
            inputs.push(Input {
                name: "pass_mark".into(),
                label: label.into(),
                value: percent(bar),
            });
        }
        let added = if parts.is_empty() {
            "0".to_string()
        } else {
            parts
                .iter()
                .map(|p| shown(*p))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        Some(Trace {
            rule: format!("award.model.{}.quality", kind.word()),
            criterion: None,
            inputs,
            formula: format!("({added}) × 100 ÷ {}", out_of.to_exact_string()),
            exact: q.to_exact_string(),
            result: shown(rounded),
            rounding: (rounded != q).then(|| {
                format!(
                    "compared on the exact value, and shown {} to {} decimal places",
                    ctx.rounding.mode.describe(),
                    ctx.rounding.places
                )
            }),
            cites: cites(run, kind),
        })
    } else {
        None
    };
    Ok(Some((q, trace)))
}

/// Excludes a bid with the flag and reason the model gives.
fn exclude(run: &Run, w: &mut Work, reason: String, message: String, trace: Option<Trace>) {
    let kind = w.model.kind();
    let model_cites = cites(run, kind);
    w.flags.raise(FlagCode::ModelExcluded, None, true, || Words {
        message,
        action: "The bid takes no further part in this lot's evaluation, as the published model says; record the reason in the evaluation report.",
        cites: model_cites,
        trace,
    });
    w.excluded.push(reason);
}

/// The quality stage, once a bid's own criteria are scored: its quality marks under a model
/// that uses them, and the exclusions the model makes before price is looked at.
pub(super) fn stage_one(run: &Run, w: &mut Work) -> Result<(), Overflow> {
    let model = w.model.clone();
    let kind = model.kind();
    let bar = match &model {
        Model::Weighted | Model::PriceOnly { .. } => return Ok(()),
        Model::PricePerQualityPoint { threshold } => threshold.map(|t| {
            (
                "quality threshold (percent of the quality marks available)",
                t,
            )
        }),
        Model::Sequential { pass_mark, .. } => Some((
            "pass mark (percent of the quality marks available)",
            *pass_mark,
        )),
        Model::QualityOnly { .. } => None,
    };
    if let Model::QualityOnly { fixed_price } = model {
        if w.bid.price != fixed_price {
            exclude(
                run,
                w,
                format!(
                    "price {} is not the fixed price {} the lot competes at on quality alone",
                    money(w.bid.price),
                    money(fixed_price)
                ),
                format!(
                    "The lot is awarded on quality alone at a fixed price of {}; this bid's price is {}.",
                    money(fixed_price),
                    money(w.bid.price)
                ),
                None,
            );
        }
    }
    let Some((q, trace)) = quality(run, w, kind, bar)? else {
        return Ok(());
    };
    w.quality = Some(q);
    if let Some(t) = &trace {
        w.stage.push(t.clone());
    }
    if let Some((_, bar)) = bar {
        if q < bar {
            let shown = run.ctx.show(run.ctx.round(q)?);
            let what = if kind == ModelKind::Sequential {
                "pass mark"
            } else {
                "quality threshold"
            };
            exclude(
                run,
                w,
                format!(
                    "quality marks {shown} of 100 are below the {what} of {}",
                    percent(bar)
                ),
                format!(
                    "The bid's quality marks, re-weighted to 100, are {shown}: below the published {what} of {}, so its price is not evaluated.",
                    percent(bar)
                ),
                trace,
            );
            return Ok(());
        }
    }
    if kind == ModelKind::PricePerQualityPoint && q.is_zero() {
        exclude(
            run,
            w,
            "no quality marks, so no cost per quality point can be worked out".into(),
            "The bid earned no quality marks; a price cannot be divided by zero quality points, so the bid cannot be ranked under price per quality point.".into(),
            trace,
        );
    }
    Ok(())
}

/// What ranks a lot's bids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The total marks, highest first.
    Total,
    /// The exact cost per quality point, lowest first.
    CostPerQualityPoint,
    /// The price, lowest first.
    Price,
}

impl Order {
    /// The ranking key of `model`.
    #[must_use]
    pub fn of(model: &Model) -> Order {
        match model {
            Model::PricePerQualityPoint { .. } => Order::CostPerQualityPoint,
            Model::Sequential {
                then: Then::LowestPrice,
                ..
            } => Order::Price,
            _ => Order::Total,
        }
    }
}

/// The cost per quality point: the bid's price ÷ its quality marks, exact, with its trace
/// (shown to 2 places; the lot is ranked on the exact value).
pub(super) fn cost_per_point(
    run: &Run,
    w: &Work,
    q: Exact,
) -> Result<(Exact, Option<Trace>), Overflow> {
    let price = w.bid.price;
    let cost = price.div(q)?;
    let trace = w.explain.then(|| {
        let rounded = cost.round(2, run.ctx.rounding.mode).unwrap_or(cost);
        Trace {
            rule: "award.model.price_per_quality_point.cost".into(),
            criterion: None,
            inputs: vec![
                Input {
                    name: "bid_price".into(),
                    label: "this bid's price".into(),
                    value: money(price),
                },
                Input {
                    name: "quality_marks".into(),
                    label: "quality marks (re-weighted to 100)".into(),
                    value: q.to_exact_string(),
                },
            ],
            formula: format!("{} ÷ {}", price.to_exact_string(), q.to_exact_string()),
            exact: cost.to_exact_string(),
            result: rounded.to_fixed(2),
            rounding: (rounded != cost).then(|| {
                format!(
                    "ranked on the exact value, and shown {} to 2 decimal places",
                    run.ctx.rounding.mode.describe()
                )
            }),
            cites: cites(run, ModelKind::PricePerQualityPoint),
        }
    });
    Ok((cost, trace))
}

/// The model a lot result names: absent for the weighted total, so results of lots evaluated
/// as before keep their bytes.
pub(super) fn word(lot: &crate::tender::Lot) -> Option<ModelKind> {
    Some(lot.evaluation.model.kind()).filter(|k| *k != ModelKind::Weighted)
}

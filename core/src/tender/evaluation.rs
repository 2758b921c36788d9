//! A lot's evaluation model: how its bids are compared, as the tender publishes it.
//!
//! A council publishes its evaluation model with the tender and must then follow it exactly
//! (Procurement Act 2023 s.23: award criteria published with their relative importance and
//! applied as published; s.19: award to the most advantageous tender assessed by reference to
//! them). The Cabinet Office *Bid Evaluation Guidance Note* (May 2021) describes the models a
//! lot may use: a weighted price and quality total (8.1), price per quality point (7.3 and
//! Appendix II), sequential evaluation of quality then price (5.3), and competition on quality
//! alone at a fixed price or on price (or whole-life cost) alone (5.1). Which of them a tender
//! may choose is the protocol's `award_model.models_allowed`: the adopting authority's policy.
//! Absent, a lot is evaluated by the weighted total, as before.

use crate::choice::choice;
use crate::exact::Exact;
pub use crate::protocol::ModelKind;
use crate::protocol::PriceFormula;
use crate::read::{At, DecimalKind, Reader};

choice! {
    /// What ranks the bids that pass a sequential evaluation's quality stage.
    pub enum Then as "what follows the quality stage" {
        /// The lowest price wins.
        LowestPrice = "lowest_price",
        /// The weighted total of quality and price ranks them.
        Weighted = "weighted",
    }
}

choice! {
    /// What a price-only lot's price stands for. Only a name: the engine compares the figure
    /// each bid gives, and the tender says what it must include.
    pub enum PriceBasis as "a price basis" {
        /// The price for the contract.
        Price = "price",
        /// The whole-life cost the tender asks bidders to state.
        WholeLifeCost = "whole_life_cost",
    }
}

/// A lot's evaluation model, with its settings.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Model {
    /// Today's weighted total.
    #[default]
    Weighted,
    /// Price per quality point, with an optional quality threshold (percent of the quality
    /// marks available) below which a bid is excluded.
    PricePerQualityPoint {
        /// The threshold, if any.
        threshold: Option<Exact>,
    },
    /// Quality first with a pass mark (percent of the quality marks available), then price.
    Sequential {
        /// The pass mark.
        pass_mark: Exact,
        /// What ranks those who pass.
        then: Then,
    },
    /// Quality alone at a fixed price; a bid at any other price is excluded.
    QualityOnly {
        /// The price every bid must offer.
        fixed_price: Exact,
    },
    /// Price alone.
    PriceOnly {
        /// What the price stands for.
        basis: PriceBasis,
    },
}

impl Model {
    /// The model's name.
    #[must_use]
    pub fn kind(&self) -> ModelKind {
        match self {
            Model::Weighted => ModelKind::Weighted,
            Model::PricePerQualityPoint { .. } => ModelKind::PricePerQualityPoint,
            Model::Sequential { .. } => ModelKind::Sequential,
            Model::QualityOnly { .. } => ModelKind::QualityOnly,
            Model::PriceOnly { .. } => ModelKind::PriceOnly,
        }
    }

    /// Whether price criteria are turned into marks under this model (they are not under price
    /// per quality point, where the price itself is divided; nor under quality only; nor in a
    /// sequential evaluation decided on the lowest price).
    #[must_use]
    pub fn scores_price(&self) -> bool {
        match self {
            Model::Weighted | Model::PriceOnly { .. } => true,
            Model::Sequential { then, .. } => *then == Then::Weighted,
            Model::PricePerQualityPoint { .. } | Model::QualityOnly { .. } => false,
        }
    }

    /// Whether quality (every criterion not scored by a price formula) is scored under this
    /// model: every model but price only.
    #[must_use]
    pub fn scores_quality(&self) -> bool {
        !matches!(self, Model::PriceOnly { .. })
    }
}

/// A lot's `evaluation` block as read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Evaluation {
    /// The model.
    pub model: Model,
    /// A price formula overriding the protocol's own for this lot (from the protocol's
    /// `price_formulas_allowed`), for a model that scores price.
    pub price_formula: Option<PriceFormula>,
}

/// The fields every model's object may hold besides its own.
const COMMON: &[&str] = &["model", "price_formula"];

/// Reads a lot's `evaluation` block.
pub(super) fn read(r: &mut Reader, at: At) -> Option<Evaluation> {
    let (f, which) = r.variant(
        at,
        "model",
        &[
            ("weighted", COMMON, &["model"]),
            (
                "price_per_quality_point",
                &["model", "price_formula", "quality_threshold_percent"],
                &["model"],
            ),
            (
                "sequential",
                &["model", "price_formula", "pass_mark_percent", "then"],
                &["model", "pass_mark_percent", "then"],
            ),
            (
                "quality_only",
                &["model", "price_formula", "fixed_price"],
                &["model", "fixed_price"],
            ),
            (
                "price_only",
                &["model", "price_formula", "basis"],
                &["model"],
            ),
        ],
    )?;
    let price_formula = r.optional(f.get("price_formula"), |r, at| r.choice(Some(at)));
    let model = match which {
        0 => Some(Model::Weighted),
        1 => r
            .optional(f.get("quality_threshold_percent"), |r, at| {
                r.decimal(Some(at), DecimalKind::Percent)
            })
            .map(|threshold| Model::PricePerQualityPoint { threshold }),
        2 => {
            let pass_mark = r.decimal(f.get("pass_mark_percent"), DecimalKind::Percent);
            let then = r.choice(f.get("then"));
            Some(Model::Sequential {
                pass_mark: pass_mark?,
                then: then?,
            })
        }
        3 => r
            .decimal(f.get("fixed_price"), DecimalKind::Money)
            .map(|fixed_price| Model::QualityOnly { fixed_price }),
        _ => r
            .optional(f.get("basis"), |r, at| r.choice(Some(at)))
            .map(|basis| Model::PriceOnly {
                basis: basis.unwrap_or(PriceBasis::Price),
            }),
    };
    Some(Evaluation {
        model: model?,
        price_formula: price_formula?,
    })
}

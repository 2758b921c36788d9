//! Marks: a leaf's share of its criterion times the marks available, rounded once as the
//! protocol says; groups and totals add rounded marks exactly, so a scorecard adds up.
//!
//! This is the one place leaf marks are worked out and their traces written, for scoring and
//! for the self-check alike, so the two can never round differently.

use crate::exact::{Exact, Overflow};
use crate::explain::{self, CiteRef, Input, Trace};
use crate::protocol::{Cite, Protocol, Rounding};
use crate::regime::Regime;
use crate::tender::Tender;

/// What every mark depends on besides the bid: the protocol (for its rounding and clauses) and
/// the tender (for the marks each criterion is worth). Scoring and the self-check share it.
pub(crate) struct Ctx<'a> {
    /// The protocol.
    pub protocol: &'a Protocol,
    /// The tender.
    pub tender: &'a Tender,
    /// The protocol's rounding, copied out once.
    pub rounding: Rounding,
}

/// Prints a figure with the protocol's places when it has no more than those, else exactly.
#[must_use]
pub fn fixed_or_exact(v: Exact, places: u32) -> String {
    if v.has_at_most_places(places) {
        v.to_fixed(places)
    } else {
        v.to_exact_string()
    }
}

/// Adds figures exactly. Marks are rounded leaf by leaf, so their sum needs no rounding.
pub(super) fn sum(parts: &[Exact]) -> Result<Exact, Overflow> {
    let mut total = Exact::ZERO;
    for p in parts {
        total = total.add(*p)?;
    }
    Ok(total)
}

impl Ctx<'_> {
    /// Rounds a figure as the protocol says: the one rounding every leaf's marks get.
    pub fn round(&self, v: Exact) -> Result<Exact, Overflow> {
        v.round(self.rounding.places, self.rounding.mode)
    }

    /// A figure as results print it, in the protocol's places when that is exact.
    pub fn show(&self, v: Exact) -> String {
        fixed_or_exact(v, self.rounding.places)
    }

    /// Clauses resolved to their sources, as results name them: those the award model shows
    /// under the tender's regime (all of them when it is not stated), so a scorecard never cites
    /// a law that does not govern the tender.
    pub fn cites(&self, cites: &[Cite]) -> Vec<CiteRef> {
        let regime = self.tender.regime().regime.map(Regime::word);
        if cites.iter().all(|c| c.shown_under(regime)) {
            return explain::cites(self.protocol.sources(), cites);
        }
        let shown: Vec<Cite> = cites
            .iter()
            .filter(|c| c.shown_under(regime))
            .cloned()
            .collect();
        explain::cites(self.protocol.sources(), &shown)
    }

    fn rounding_text(&self) -> String {
        format!(
            "{} to {} decimal place{}",
            self.rounding.mode.describe(),
            self.rounding.places,
            if self.rounding.places == 1 { "" } else { "s" }
        )
    }

    /// The marks a share of `available` earns: exactly, and rounded as the protocol says. The
    /// one place leaf marks are worked out, whether explained or not.
    pub(super) fn marks(&self, available: Exact, share: Exact) -> Result<(Exact, Exact), Overflow> {
        let exact = available.mul(share)?;
        Ok((exact, self.round(exact)?))
    }

    /// The trace of a leaf's marks, from the figures [`Ctx::marks`] gave.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn leaf_trace(
        &self,
        criterion: &str,
        rule: &str,
        available: Exact,
        (exact, rounded): (Exact, Exact),
        formula: &str,
        inputs: Vec<Input>,
        cites: Vec<CiteRef>,
    ) -> Trace {
        Trace {
            rule: rule.to_string(),
            criterion: Some(criterion.to_string()),
            inputs,
            formula: formula.replace("{marks}", &available.to_exact_string()),
            exact: exact.to_exact_string(),
            result: self.show(rounded),
            rounding: (exact != rounded).then(|| self.rounding_text()),
            cites,
        }
    }

    /// The marks for a share of a criterion's available marks, with the trace that explains them.
    /// `formula` holds `{marks}` where the available marks go.
    pub fn leaf_marks(
        &self,
        criterion: &str,
        rule: &str,
        share: Exact,
        formula: &str,
        inputs: Vec<Input>,
    ) -> Result<(Exact, Trace), Overflow> {
        let available = self.tender.max_marks(criterion);
        let figures = self.marks(available, share)?;
        let cites = self
            .protocol
            .criterion(criterion)
            .map(|c| self.cites(&c.cites))
            .unwrap_or_default();
        let trace = self.leaf_trace(criterion, rule, available, figures, formula, inputs, cites);
        Ok((figures.1, trace))
    }

    /// The trace of a sum of marks.
    pub(super) fn sum_trace(
        &self,
        rule: &str,
        criterion: Option<&str>,
        parts: &[Exact],
        total: Exact,
        cites: Vec<CiteRef>,
    ) -> Trace {
        let formula = if parts.is_empty() {
            "0".to_string()
        } else {
            parts
                .iter()
                .map(|p| self.show(*p))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        Trace {
            rule: rule.to_string(),
            criterion: criterion.map(str::to_string),
            inputs: Vec::new(),
            formula,
            exact: total.to_exact_string(),
            result: self.show(total),
            rounding: None,
            cites,
        }
    }
}

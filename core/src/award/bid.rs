//! A bid's own work, before the lot's prices are known: eligibility, the conditions before marks
//! (gates, reservation, the affordability ceiling), and the panel and banded criteria.

use super::flags::Flags;
use super::run::{Run, Work};
use super::{banded, conditions, model, panel};
use crate::bids::Bid;
use crate::eligibility;
use crate::exact::Overflow;
use crate::protocol::{CriterionBody, Method};

impl Run<'_> {
    /// A bid's work before the lot's prices are known: eligibility, the conditions before
    /// marks, and every criterion but price.
    pub fn start<'b>(&self, bid: &'b Bid) -> Result<Work<'b>, Overflow> {
        let protocol = self.ctx.protocol;
        let explain = self.explains(bid);
        let (verdict, eligibility) = if explain {
            let (v, e) = eligibility::assess(protocol, &bid.organisation);
            (v, Some(e))
        } else {
            (eligibility::verdict(protocol, &bid.organisation), None)
        };
        let n = self.nodes.len();
        let mut w = Work {
            bid,
            explain,
            gate_outcomes: Vec::new(),
            reservation_outcome: None,
            verdict,
            eligibility,
            gates: Vec::new(),
            reservation: None,
            flags: Flags::new(explain, self.summary),
            rows: if explain { vec![None; n] } else { Vec::new() },
            marks: vec![None; n],
            excluded: Vec::new(),
            missing: Vec::new(),
            basket: None,
            model: model::of(self, &bid.lot),
            quality: None,
            cost: None,
            stage: Vec::new(),
        };
        conditions::gates(self, &mut w);
        conditions::reserved(self, &mut w);
        conditions::ceiling(self, &mut w);
        conditions::rate_ceilings(self, &mut w);
        self.leaves_before_price(&mut w)?;
        model::stage_one(self, &mut w)?;
        Ok(w)
    }

    /// The leaf criteria that do not depend on the other bids' prices: panel and banded.
    fn leaves_before_price(&self, w: &mut Work) -> Result<(), Overflow> {
        let bid = w.bid;
        let scores = self.per_node(&bid.scores);
        let consensus = self.per_node(&bid.consensus);
        // Under price only, quality is not evaluated: no score is needed, none is marked.
        let quality = w.model.scores_quality();
        for (i, node) in self.nodes.iter().enumerate() {
            let Some(crit) = node.crit else {
                continue;
            };
            if !quality {
                continue;
            }
            match &crit.body {
                CriterionBody::Group(_) | CriterionBody::Leaf(Method::Price(_)) => {}
                CriterionBody::Leaf(Method::Panel { minimum, .. }) => {
                    let given = panel::Given {
                        scores: scores
                            .get(i)
                            .copied()
                            .flatten()
                            .map_or(&[][..], Vec::as_slice),
                        consensus: consensus.get(i).copied().flatten(),
                    };
                    panel::leaf(self, w, i, given, *minimum)?;
                }
                CriterionBody::Leaf(Method::Banded {
                    fact,
                    bands,
                    out_of,
                }) => banded::leaf(self, w, i, fact, bands, *out_of)?,
            }
        }
        Ok(())
    }
}

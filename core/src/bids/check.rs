//! Checking read bids and drafts against a protocol and a tender: every reference (lot,
//! criterion, evaluator, gate, fact, rate) and every score against its scale.

use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Exact;
use crate::facts::{built_in_bid_fact_title, BidFactKind};
use crate::json::escape_token;
use crate::protocol::{CriterionBody, Method, Protocol, Scale};
use crate::read::IdSet;
use crate::tender::Tender;

use super::bid::{lookup, Bid, Bids, BidsDoc};
use super::draft::{DraftBid, Expected};
use super::organisation::Organisation;

struct Check<'p> {
    protocol: &'p Protocol,
    tender: &'p Tender,
    document: Document,
    problems: Vec<Problem>,
}

impl<'p> Check<'p> {
    fn report(&mut self, pointer: String, kind: ProblemKind) {
        self.problems
            .push(Problem::new(self.document, pointer, kind));
    }

    fn tender_id(&mut self, id: &str, pointer: &str) {
        if id != self.tender.doc().id {
            self.report(
                pointer.to_string(),
                ProblemKind::WrongTender {
                    found: id.to_string(),
                    loaded: self.tender.doc().id.clone(),
                },
            );
        }
    }

    fn lot(&mut self, lot: &str, pointer: String) {
        if self.tender.lot(lot).is_none() {
            let known = self
                .tender
                .doc()
                .lots
                .iter()
                .map(|l| l.id.clone())
                .collect();
            self.report(
                pointer,
                ProblemKind::UnknownReference {
                    id: lot.to_string(),
                    what: "lot",
                    known,
                },
            );
        }
    }

    /// A bid's (or draft's) price against its lot's basket of rates: every rate of the lot
    /// given, none it does not have; the price, if given, equal to the basket (the sum of each
    /// rate times its published volume); for a lot with no rates, a price given. Gives the
    /// price the bid stands for: the basket, or the price given.
    fn basket(
        &mut self,
        lot: &str,
        p: &str,
        given: Option<(Exact, &str)>,
        rates: &[(String, Exact)],
    ) -> Option<Exact> {
        let lot_rates = self.tender.lot(lot).map_or(&[][..], |l| l.rates.as_slice());
        let known: Vec<String> = lot_rates.iter().map(|r| r.id.clone()).collect();
        for (id, _) in rates {
            if !known.contains(id) {
                self.report(
                    format!("{p}/rates/{}", escape_token(id)),
                    ProblemKind::UnknownReference {
                        id: id.clone(),
                        what: "rate of the lot",
                        known: known.clone(),
                    },
                );
            }
        }
        if lot_rates.is_empty() {
            if given.is_none() && self.tender.lot(lot).is_some() {
                self.report(
                    p.to_string(),
                    ProblemKind::MissingField {
                        field: "price".into(),
                    },
                );
            }
            return given.map(|g| g.0);
        }
        let mut total = Exact::ZERO;
        let mut complete = true;
        for rate in lot_rates {
            let Some(v) = lookup(rates, &rate.id) else {
                complete = false;
                self.report(
                    format!("{p}/rates"),
                    ProblemKind::RateMissing {
                        rate: rate.id.clone(),
                        lot: lot.to_string(),
                    },
                );
                continue;
            };
            if let Ok(t) = v.mul(rate.volume).and_then(|x| total.add(x)) {
                total = t;
            } else {
                self.report(
                    format!("{p}/rates/{}", escape_token(&rate.id)),
                    ProblemKind::FigureTooLarge {
                        detail: "the basket of rates times volumes".into(),
                    },
                );
                complete = false;
            }
        }
        if !complete {
            return None;
        }
        if let Some((price, written)) = given {
            if price != total {
                self.report(
                    format!("{p}/price"),
                    ProblemKind::PriceNotBasket {
                        price: written.to_string(),
                        basket: total.to_fixed(2),
                    },
                );
            }
        }
        Some(total)
    }

    /// A price (or a price the bidder expects from others) must be more than 0: the lowest-price
    /// ratio divides by it, and a free bid is not a price. The problem quotes what was written.
    fn price(&mut self, price: Exact, written: &str, pointer: String) {
        if price.is_zero() {
            self.report(
                pointer,
                ProblemKind::OutOfRange {
                    found: format!("\"{written}\""),
                    expected: "more than 0".into(),
                },
            );
        }
    }

    fn organisation(&mut self, o: &Organisation, p: &str) {
        if let Some(b) = o.board {
            if b.disabled_or_service_users > b.voting_members {
                self.report(
                    format!("{p}/board/disabled_or_service_users"),
                    ProblemKind::BoardCountTooHigh {
                        counted: b.disabled_or_service_users,
                        voting_members: b.voting_members,
                    },
                );
            }
        }
        if let Some(s) = o.staff {
            if s.disabled > s.total {
                self.report(
                    format!("{p}/staff/disabled"),
                    ProblemKind::StaffCountTooHigh {
                        disabled: s.disabled,
                        total: s.total,
                    },
                );
            }
        }
        if let Some(v) = o.volunteers.filter(|v| v.disabled > v.total) {
            self.report(
                format!("{p}/volunteers/disabled"),
                ProblemKind::CountTooHigh {
                    counted: v.disabled,
                    total: v.total,
                    whom: "volunteers",
                    counted_as: "disabled people",
                },
            );
        }
        if let Some(w) = o
            .workforce
            .filter(|w| w.disabled_or_disadvantaged > w.total)
        {
            self.report(
                format!("{p}/workforce/disabled_or_disadvantaged"),
                ProblemKind::CountTooHigh {
                    counted: w.disabled_or_disadvantaged,
                    total: w.total,
                    whom: "workers",
                    counted_as: "disabled or disadvantaged individuals",
                },
            );
        }
    }

    fn facts(&mut self, facts: &[(String, Exact)], p: &str) {
        let declared: Vec<String> = self
            .protocol
            .doc()
            .bid_facts
            .iter()
            .map(|f| f.id.clone())
            .collect();
        for (id, v) in facts {
            let fp = format!("{p}/facts/{}", escape_token(id));
            let kind = self
                .protocol
                .doc()
                .bid_facts
                .iter()
                .find(|f| &f.id == id)
                .map(|f| f.kind);
            match kind {
                None => {
                    let kind = if built_in_bid_fact_title(id).is_some() {
                        ProblemKind::BuiltInFactGiven { fact: id.clone() }
                    } else {
                        ProblemKind::UnknownReference {
                            id: id.clone(),
                            what: "bid fact",
                            known: declared.clone(),
                        }
                    };
                    self.report(fp, kind);
                }
                Some(BidFactKind::Percent) if *v > Exact::HUNDRED => self.report(
                    fp,
                    ProblemKind::OutOfRange {
                        found: format!("\"{}\"", v.to_exact_string()),
                        expected: "a percentage from 0 to 100".into(),
                    },
                ),
                Some(BidFactKind::Count) if v.denom() != 1 => self.report(
                    fp,
                    ProblemKind::InvalidValue {
                        found: format!("\"{}\"", v.to_exact_string()),
                        expected: "a whole number".into(),
                    },
                ),
                Some(BidFactKind::Money) if !v.has_at_most_places(2) => self.report(
                    fp,
                    ProblemKind::InvalidValue {
                        found: format!("\"{}\"", v.to_exact_string()),
                        expected: "an amount with at most 2 decimal places".into(),
                    },
                ),
                Some(_) => {}
            }
        }
    }

    fn gate_ids<T>(&mut self, gates: &[(String, T)], p: &str) {
        let known: Vec<String> = self
            .protocol
            .doc()
            .award
            .gates
            .iter()
            .map(|g| g.id.clone())
            .collect();
        for (id, _) in gates {
            if !known.contains(id) {
                self.report(
                    format!("{p}/gates/{}", escape_token(id)),
                    ProblemKind::UnknownReference {
                        id: id.clone(),
                        what: "gate",
                        known: known.clone(),
                    },
                );
            }
        }
    }

    /// The scale of a panel criterion, or a problem if the id is not a panel criterion.
    fn panel_scale(
        &mut self,
        criterion: &str,
        pointer: impl FnOnce() -> String,
    ) -> Option<&'p Scale> {
        let protocol = self.protocol;
        match protocol.criterion(criterion).map(|c| &c.body) {
            Some(CriterionBody::Leaf(Method::Panel { scale, .. })) => protocol.scale(scale),
            Some(_) => {
                self.report(
                    pointer(),
                    ProblemKind::NotPanelScored {
                        criterion: criterion.to_string(),
                    },
                );
                None
            }
            None => {
                let known = panel_criteria(protocol);
                self.report(
                    pointer(),
                    ProblemKind::UnknownReference {
                        id: criterion.to_string(),
                        what: "panel criterion",
                        known,
                    },
                );
                None
            }
        }
    }

    /// Reports a score that is not a point of `scale`. The pointer is written only when there
    /// is something to report: bids carry thousands of scores, nearly all of them fine.
    fn score_on_scale(&mut self, score: i64, scale: &Scale, pointer: impl FnOnce() -> String) {
        if scale.point(score).is_none() {
            let kind = ProblemKind::ScoreOutsideScale {
                found: score,
                allowed: scale.scores(),
                scale: scale.title.clone(),
            };
            self.report(pointer(), kind);
        }
    }

    /// A bid's panel and consensus scores: each for a panel criterion, by an evaluator on the
    /// tender's panel, on the criterion's scale.
    fn panel_scores(&mut self, b: &Bid, p: &str) {
        let tender = self.tender;
        for (crit, scores) in &b.scores {
            let cp = || format!("{p}/scores/{}", escape_token(crit));
            let Some(scale) = self.panel_scale(crit, cp) else {
                continue;
            };
            for s in scores {
                let sp = || format!("{}/{}", cp(), escape_token(&s.evaluator));
                if tender.evaluator(&s.evaluator).is_none() {
                    let known = tender
                        .doc()
                        .panel
                        .iter()
                        .flatten()
                        .map(|e| e.id.clone())
                        .collect();
                    self.report(
                        sp(),
                        ProblemKind::UnknownReference {
                            id: s.evaluator.clone(),
                            what: "evaluator on the tender's panel",
                            known,
                        },
                    );
                }
                self.score_on_scale(s.score, scale, || format!("{}/score", sp()));
            }
        }
        for (crit, s) in &b.consensus {
            let cp = format!("{p}/consensus/{}", escape_token(crit));
            if let Some(scale) = self.panel_scale(crit, || cp.clone()) {
                self.score_on_scale(s.score, scale, || format!("{cp}/score"));
            }
        }
    }

    /// A draft's expected score for a panel criterion: on the scale, low not above high.
    fn expected_score(&mut self, crit: &str, e: &Expected) {
        let p = format!("/expected/{}", escape_token(crit));
        let Some(scale) = self.panel_scale(crit, || p.clone()) else {
            return;
        };
        if e.low > e.high {
            self.report(
                format!("{p}/low"),
                ProblemKind::RangeOutOfOrder {
                    detail: format!("the low score {} is above the high score {}", e.low, e.high),
                },
            );
        }
        if e.single {
            self.score_on_scale(e.low, scale, || format!("{p}/score"));
        } else {
            self.score_on_scale(e.low, scale, || format!("{p}/low"));
            self.score_on_scale(e.high, scale, || format!("{p}/high"));
        }
    }
}

/// The ids of the panel-scored criteria, in tree order.
#[must_use]
pub fn panel_criteria(protocol: &Protocol) -> Vec<String> {
    protocol
        .criterion_ids()
        .into_iter()
        .filter(|id| {
            matches!(
                protocol.criterion(id).map(|c| &c.body),
                Some(CriterionBody::Leaf(Method::Panel { .. }))
            )
        })
        .collect()
}

/// Checks read bids against a protocol and a tender, and sorts them by id.
///
/// # Errors
///
/// The bids break the protocol or the tender: every problem, each located.
pub fn check(
    protocol: &Protocol,
    tender: &Tender,
    doc: BidsDoc,
    digest: String,
) -> Result<Bids, Problems> {
    let mut c = Check {
        protocol,
        tender,
        document: Document::Bids,
        problems: Vec::new(),
    };
    c.tender_id(&doc.tender, "/tender");
    let mut ids = IdSet::new();
    let mut dups = Vec::new();
    let mut doc = doc;
    for (i, b) in doc.bids.iter_mut().enumerate() {
        let p = format!("/bids/{i}");
        ids.add(&b.id, format!("{p}/id"), &mut dups, Document::Bids);
        c.lot(&b.lot, format!("{p}/lot"));
        let given = b.price_given.then_some((b.price, b.price_written.as_str()));
        if let Some(price) = c.basket(&b.lot, &p, given, &b.rates) {
            let written = if b.price_given {
                b.price_written.clone()
            } else {
                price.to_fixed(2)
            };
            c.price(price, &written, format!("{p}/price"));
            b.price = price;
        }
        c.organisation(&b.organisation, &format!("{p}/organisation"));
        c.facts(&b.facts, &p);
        c.gate_ids(&b.gates, &p);
        c.panel_scores(b, &p);
    }
    let mut problems = c.problems;
    problems.extend(dups);
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let mut bids = doc.bids;
    bids.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Bids {
        tender: doc.tender,
        sorted: bids,
        digest,
    })
}

/// Checks a read self-check draft against a protocol and a tender. Gives the price the draft
/// stands for: the price given, or, for a lot with a basket of rates, the basket.
///
/// # Errors
///
/// The draft breaks the protocol or the tender: every problem, each located.
pub fn check_draft(protocol: &Protocol, tender: &Tender, d: &DraftBid) -> Result<Exact, Problems> {
    let mut c = Check {
        protocol,
        tender,
        document: Document::SelfCheck,
        problems: Vec::new(),
    };
    c.tender_id(&d.tender, "/tender");
    c.lot(&d.lot, "/lot".into());
    let given = d.price_given.then_some((d.price, d.price_written.as_str()));
    let price = c.basket(&d.lot, "", given, &d.rates);
    if let Some(price) = price {
        let written = if d.price_given {
            d.price_written.clone()
        } else {
            price.to_fixed(2)
        };
        c.price(price, &written, "/price".into());
    }
    if let Some(lowest) = d.competitor_lowest_price {
        let written = d.competitor_lowest_price_written.as_deref().unwrap_or("");
        c.price(lowest, written, "/competitor_lowest_price".into());
    }
    c.organisation(&d.organisation, "/organisation");
    c.facts(&d.facts, "");
    c.gate_ids(&d.gates, "");
    for (crit, e) in &d.expected {
        c.expected_score(crit, e);
    }
    if c.problems.is_empty() {
        Ok(price.unwrap_or(d.price))
    } else {
        Err(Problems(c.problems))
    }
}

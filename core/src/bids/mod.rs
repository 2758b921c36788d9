//! Bids: who bid, for which lot, at what price, and what the panel scored them.
//!
//! Also the bidder's own draft for a self-check, which carries expected scores instead of the
//! panel's. Reading accepts exactly what `schemas/bids.schema.json` and
//! `schemas/self-check.schema.json` accept; [`check`] and [`check_draft`] then check every
//! reference (lot, criterion, evaluator, gate, fact) and every score against its scale.

use crate::audit;
use crate::choice::choice;
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::Exact;
use crate::facts::{built_in_bid_fact_title, BidFactKind};
use crate::json::escape_token;
use crate::protocol::{CriterionBody, Method, Protocol, Scale};
use crate::read::{read_document, At, DecimalKind, IdSet, Reader, TEXT_MAX};
use crate::tender::Tender;
use serde_json::Value;

pub mod csv;
mod organisation;
mod stream;
pub use stream::{split, Top};

use organisation::read_organisation;
pub use organisation::{
    read_organisation_value, Board, Organisation, Staff, Volunteers, Workforce,
};

choice! {
    /// A gate outcome recorded by the authority.
    pub enum GateOutcome as "a gate outcome" {
        /// Passed.
        Pass = "pass",
        /// Failed.
        Fail = "fail",
    }
}

choice! {
    /// A gate outcome a bidder expects.
    pub enum ExpectedGate as "an expected gate outcome" {
        /// Expects to pass.
        Pass = "pass",
        /// Expects to fail.
        Fail = "fail",
        /// Does not know.
        Unsure = "unsure",
    }
}

/// One evaluator's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelScore {
    /// Evaluator id.
    pub evaluator: String,
    /// The score on the criterion's scale.
    pub score: i64,
    /// The evaluator's reasons.
    pub rationale: Option<String>,
}

/// A moderator's consensus score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsensusScore {
    /// The agreed score.
    pub score: i64,
    /// The reasons recorded.
    pub rationale: String,
}

/// One bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bid {
    /// Id.
    pub id: String,
    /// The lot bid for.
    pub lot: String,
    /// The bidder.
    pub organisation: Organisation,
    /// The total price over the contract, in pounds.
    pub price: Exact,
    /// The price as the document writes it (`"0.00"`), so that a problem with it quotes what
    /// was written rather than the number's shortest form.
    pub price_written: String,
    /// Whether the bid gives a price: for a lot with a basket of rates it may leave it out,
    /// and `price` is then the basket, worked out when the bids are checked.
    pub price_given: bool,
    /// The price per unit of each of its lot's rates, by rate id.
    pub rates: Vec<(String, Exact)>,
    /// Figures for banded criteria, by fact id.
    pub facts: Vec<(String, Exact)>,
    /// Gate outcomes, by gate id.
    pub gates: Vec<(String, GateOutcome)>,
    /// Evaluators' scores, by criterion id.
    pub scores: Vec<(String, Vec<PanelScore>)>,
    /// Consensus scores, by criterion id.
    pub consensus: Vec<(String, ConsensusScore)>,
}

impl Bid {
    /// A fact the bid supplies.
    pub fn fact(&self, id: &str) -> Option<Exact> {
        lookup(&self.facts, id).copied()
    }

    /// The gate outcome recorded.
    pub fn gate(&self, id: &str) -> Option<GateOutcome> {
        lookup(&self.gates, id).copied()
    }
}

/// Looks up a key in a sorted list of pairs (as maps are read).
pub fn lookup<'a, T>(pairs: &'a [(String, T)], key: &str) -> Option<&'a T> {
    pairs
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|i| &pairs[i].1)
}

/// Bids as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidsDoc {
    /// The tender's id.
    pub tender: String,
    /// The bids.
    pub bids: Vec<Bid>,
}

/// Bids checked against a protocol and tender, sorted by id.
#[derive(Clone, Debug)]
pub struct Bids {
    tender: String,
    bids: Vec<Bid>,
    digest: String,
}

impl Bids {
    /// The bids, sorted by id (so results never depend on the order bids were entered).
    pub fn iter(&self) -> impl Iterator<Item = &Bid> {
        self.bids.iter()
    }

    /// The bids as a slice, sorted by id.
    pub fn as_slice(&self) -> &[Bid] {
        &self.bids
    }

    /// The tender id the bids are for.
    pub fn tender_id(&self) -> &str {
        &self.tender
    }

    /// SHA-256 of the canonical bids document (bids sorted by id).
    pub fn digest(&self) -> &str {
        &self.digest
    }
}

/// An expected score: one value or a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The lowest score expected.
    pub low: i64,
    /// The highest score expected.
    pub high: i64,
    /// Given as one value (`"score"`) rather than a range.
    pub single: bool,
}

/// A bidder's draft response, for a self-check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftBid {
    /// The tender's id.
    pub tender: String,
    /// The lot.
    pub lot: String,
    /// The bidder.
    pub organisation: Organisation,
    /// The price.
    pub price: Exact,
    /// The price as the document writes it, quoted back in problems.
    pub price_written: String,
    /// Whether the draft gives a price (see [`Bid::price_given`]).
    pub price_given: bool,
    /// The price per unit of each of its lot's rates, by rate id.
    pub rates: Vec<(String, Exact)>,
    /// Figures for banded criteria.
    pub facts: Vec<(String, Exact)>,
    /// Expected gate outcomes.
    pub gates: Vec<(String, ExpectedGate)>,
    /// Expected scores by panel criterion.
    pub expected: Vec<(String, Expected)>,
    /// The lowest price the bidder expects from others, if it has a view.
    pub competitor_lowest_price: Option<Exact>,
    /// That lowest price as the document writes it, quoted back in problems.
    pub competitor_lowest_price_written: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// A bid's (or draft's) rates: a price per unit by rate id.
fn read_rates(r: &mut Reader, at: Option<At>) -> Option<Vec<(String, Exact)>> {
    r.optional(at, |r, at| {
        r.map(Some(at), |r, _, at| r.decimal(Some(at), DecimalKind::Money))
    })
    .map(Option::unwrap_or_default)
}

fn read_facts(r: &mut Reader, at: Option<At>) -> Option<Vec<(String, Exact)>> {
    r.optional(at, |r, at| {
        r.map(Some(at), |r, _, at| {
            r.decimal(Some(at), DecimalKind::Figure)
        })
    })
    .map(Option::unwrap_or_default)
}

fn read_bid(r: &mut Reader, at: At) -> Option<Bid> {
    let f = r.object(
        at,
        &[
            "id",
            "lot",
            "organisation",
            "price",
            "rates",
            "facts",
            "gates",
            "scores",
            "consensus",
        ],
        &["id", "lot", "organisation"],
    )?;
    let id = r.id(f.get("id"));
    let lot = r.id(f.get("lot"));
    let organisation = f
        .get("organisation")
        .and_then(|at| read_organisation(r, at));
    let price = r.optional(f.get("price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_written = written(f.get("price"));
    let rates = read_rates(r, f.get("rates"));
    let facts = read_facts(r, f.get("facts"));
    let gates = r
        .optional(f.get("gates"), |r, at| {
            r.map(Some(at), |r, _, at| r.choice::<GateOutcome>(Some(at)))
        })
        .map(Option::unwrap_or_default);
    let scores = r
        .optional(f.get("scores"), |r, at| {
            r.map(Some(at), |r, _, at| {
                let by_evaluator = r.map(Some(at), |r, evaluator, at| {
                    let f = r.object(at, &["score", "rationale"], &["score"])?;
                    let score = r.int(f.get("score"), 0, 100);
                    let rationale =
                        r.optional(f.get("rationale"), |r, at| r.text(Some(at), TEXT_MAX));
                    Some(PanelScore {
                        evaluator: evaluator.to_string(),
                        score: score?,
                        rationale: rationale?,
                    })
                })?;
                Some(by_evaluator.into_iter().map(|(_, s)| s).collect::<Vec<_>>())
            })
        })
        .map(Option::unwrap_or_default);
    let consensus = r
        .optional(f.get("consensus"), |r, at| {
            r.map(Some(at), |r, _, at| {
                let f = r.object(at, &["score", "rationale"], &["score", "rationale"])?;
                let score = r.int(f.get("score"), 0, 100);
                let rationale = r.text(f.get("rationale"), TEXT_MAX);
                Some(ConsensusScore {
                    score: score?,
                    rationale: rationale?,
                })
            })
        })
        .map(Option::unwrap_or_default);
    let price = price?;
    Some(Bid {
        id: id?,
        lot: lot?,
        organisation: organisation?,
        price_given: price.is_some(),
        price: price.unwrap_or(Exact::ZERO),
        price_written,
        rates: rates?,
        facts: facts?,
        gates: gates?,
        scores: scores?,
        consensus: consensus?,
    })
}

/// Reads a bids document: accepts exactly what the bids schema accepts.
pub fn read(value: &Value) -> Result<BidsDoc, Problems> {
    read_document(Document::Bids, value, read_bids_doc)
}

pub(crate) fn read_bids_doc(r: &mut Reader, at: At) -> Option<BidsDoc> {
    let f = r.object(
        at,
        &["$schema", "document", "tender", "bids"],
        &["document", "tender", "bids"],
    )?;
    r.document_tag(&f);
    let tender = r.id(f.get("tender"));
    let bids = r.list(f.get("bids"), 0, 5000, read_bid);
    Some(BidsDoc {
        tender: tender?,
        bids: bids?,
    })
}

/// The text of an amount as written, to quote back in a problem ("0.00", not "0").
fn written(at: Option<At>) -> String {
    at.and_then(|at| at.value.as_str())
        .unwrap_or_default()
        .to_string()
}

/// Reads a self-check document: accepts exactly what the self-check schema accepts.
pub fn read_draft(value: &Value) -> Result<DraftBid, Problems> {
    read_document(Document::SelfCheck, value, read_draft_doc)
}

pub(crate) fn read_draft_doc(r: &mut Reader, at: At) -> Option<DraftBid> {
    let f = r.object(
        at,
        &[
            "$schema",
            "document",
            "tender",
            "lot",
            "organisation",
            "price",
            "rates",
            "facts",
            "gates",
            "expected",
            "competitor_lowest_price",
        ],
        &["document", "tender", "lot", "organisation"],
    )?;
    r.document_tag(&f);
    let tender = r.id(f.get("tender"));
    let lot = r.id(f.get("lot"));
    let organisation = f
        .get("organisation")
        .and_then(|at| read_organisation(r, at));
    let price = r.optional(f.get("price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_written = written(f.get("price"));
    let rates = read_rates(r, f.get("rates"));
    let facts = read_facts(r, f.get("facts"));
    let gates = r
        .optional(f.get("gates"), |r, at| {
            r.map(Some(at), |r, _, at| r.choice::<ExpectedGate>(Some(at)))
        })
        .map(Option::unwrap_or_default);
    let expected = r
        .optional(f.get("expected"), |r, at| {
            r.map(Some(at), |r, _, at| read_expected(r, at))
        })
        .map(Option::unwrap_or_default);
    let competitor = r.optional(f.get("competitor_lowest_price"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price = price?;
    Some(DraftBid {
        tender: tender?,
        lot: lot?,
        organisation: organisation?,
        price_given: price.is_some(),
        price: price.unwrap_or(Exact::ZERO),
        price_written,
        rates: rates?,
        facts: facts?,
        gates: gates?,
        expected: expected?,
        competitor_lowest_price_written: f
            .get("competitor_lowest_price")
            .map(|at| written(Some(at))),
        competitor_lowest_price: competitor?,
    })
}

/// An expected score: `{"score": 3}`, or a range `{"low": 2, "high": 4}`.
fn read_expected(r: &mut Reader, at: At) -> Option<Expected> {
    let (f, which) = r.variant_by_keys(at, &[&["score"], &["low", "high"]])?;
    if which == 0 {
        let s = r.int(f.get("score"), 0, 100)?;
        Some(Expected {
            low: s,
            high: s,
            single: true,
        })
    } else {
        let low = r.int(f.get("low"), 0, 100);
        let high = r.int(f.get("high"), 0, 100);
        Some(Expected {
            low: low?,
            high: high?,
            single: false,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

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
            match lookup(rates, &rate.id) {
                Some(v) => match v.mul(rate.volume).and_then(|x| total.add(x)) {
                    Ok(t) => total = t,
                    Err(_) => {
                        self.report(
                            format!("{p}/rates/{}", escape_token(&rate.id)),
                            ProblemKind::FigureTooLarge {
                                detail: "the basket of rates times volumes".into(),
                            },
                        );
                        complete = false;
                    }
                },
                None => {
                    complete = false;
                    self.report(
                        format!("{p}/rates"),
                        ProblemKind::RateMissing {
                            rate: rate.id.clone(),
                            lot: lot.to_string(),
                        },
                    );
                }
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

/// Parses, reads and checks bids for a tender.
pub fn from_json(protocol: &Protocol, tender: &Tender, text: &str) -> Result<Bids, Problems> {
    // A valid document is read a bid at a time (see `stream`); anything else is read whole, so
    // that its problems are reported exactly as they always were.
    if let Some((doc, digest)) = read_a_bid_at_a_time(text) {
        return check(protocol, tender, doc, digest);
    }
    let value = crate::json::parse(text, Document::Bids).map_err(|p| Problems(vec![p]))?;
    read_for(protocol, tender, &value)
}

/// A valid bids document read a bid at a time (see `stream`), with its digest; `None` for
/// anything else.
fn read_a_bid_at_a_time(text: &str) -> Option<(BidsDoc, String)> {
    let mut doc = None;
    let mut bids = Vec::new();
    let digest = stream::each_bid(
        text,
        |top| {
            doc = Some(read_document(Document::Bids, top, read_bids_doc).ok()?);
            Some(())
        },
        |v| {
            bids.push(read_document(Document::Bids, v, read_bid).ok()?);
            Some(())
        },
    )?;
    let mut doc = doc?;
    doc.bids = bids;
    Some((doc, digest))
}

/// Reads and checks bids for a tender.
pub fn read_for(protocol: &Protocol, tender: &Tender, value: &Value) -> Result<Bids, Problems> {
    let doc = read(value)?;
    check(protocol, tender, doc, audit::bids_digest(value))
}

/// Checks read bids against a protocol and a tender, and sorts them by id.
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
        bids,
        digest,
    })
}

/// Parses, reads and checks a self-check draft for a tender.
pub fn draft_from_json(
    protocol: &Protocol,
    tender: &Tender,
    text: &str,
) -> Result<DraftBid, Problems> {
    let value = crate::json::parse(text, Document::SelfCheck).map_err(|p| Problems(vec![p]))?;
    read_draft_for(protocol, tender, &value)
}

/// Reads and checks a self-check draft for a tender.
pub fn read_draft_for(
    protocol: &Protocol,
    tender: &Tender,
    value: &Value,
) -> Result<DraftBid, Problems> {
    let mut draft = read_draft(value)?;
    draft.price = check_draft(protocol, tender, &draft)?;
    Ok(draft)
}

/// Checks a read self-check draft against a protocol and a tender. Gives the price the draft
/// stands for: the price given, or, for a lot with a basket of rates, the basket.
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

#[cfg(test)]
mod stream_tests {
    use super::*;
    use crate::json;

    /// The document read whole, as the fallback reads it.
    fn whole(text: &str) -> Option<(BidsDoc, String)> {
        let v = json::parse(text, Document::Bids).ok()?;
        let doc = read(&v).ok()?;
        Some((doc, crate::audit::bids_digest(&v)))
    }

    fn same(text: &str) {
        let a = read_a_bid_at_a_time(text).map(|(d, h)| (format!("{d:?}"), h));
        let b = whole(text).map(|(d, h)| (format!("{d:?}"), h));
        assert!(a.is_some(), "not read a bid at a time: {text}");
        assert_eq!(a, b, "{text}");
    }

    #[test]
    fn a_bid_at_a_time_reads_what_the_whole_document_reads() {
        same(crate::shipped::EXAMPLE_BIDS);
        // Text that looks like structure inside strings, escapes, keys in any order, spacing.
        same(
            "\r\n { \"bids\" : [ {\"id\":\"a\",\"lot\":\"l\",\"price\":\"1\",\"organisation\":{\"name\":\"x ] } , [ \\\" \\\\\"}} ,\n{\"organisation\":{\"name\":\"\\u0041\"},\"id\":\"b\",\"lot\":\"l\",\"price\":\"2\"}\t] , \"tender\" : \"t\", \"document\":\"bids\" } \n",
        );
        same("{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]}");
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_document_reader() {
        for text in [
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[],\"bids\":[]}",
            "{\"document\":\"bids\",\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[1 2]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[],}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[]} x",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":{}}",
            "{\"document\":\"bids\",\"tender\":\"t\"}",
            "[]",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[{\"id\":\"a\"}]}",
            "{\"document\":\"bids\",\"tender\":\"t\",\"bids\":[\"unterminated]}",
        ] {
            assert!(read_a_bid_at_a_time(text).is_none(), "{text}");
        }
    }
}

//! Self-check: a bidder runs the same engine over its own draft before it submits.
//!
//! The bidder gives the scores it expects (one value or a low/high range) instead of a panel's.
//! The engine answers with the eligibility verdict, the gates, the projected total as a range,
//! and, criterion by criterion, the marks available against the marks expected, ordered by where
//! the most can still be gained. Price marks under a relative formula depend on other bids; the
//! engine states the assumption it makes rather than hiding it.

use crate::award::{banded, bid_fact_value, Ctx};
use crate::bids::{DraftBid, ExpectedGate};
use crate::eligibility::{self, Verdict};
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, Overflow};
use crate::explain::{percent, Input};
use crate::protocol::{CriterionBody, LowBenchmark, Method, OverCeiling, PriceFormula, Protocol};
use crate::provenance::{protocol_ref, rounding_ref, tender_ref};
use crate::report::GateStatus;
use crate::report::{
    Flag, FlagCode, GateRow, LeafMethod, Projection, ResultDocument, SelfCheckResult, SelfCheckRow,
    TestOutcome, ThresholdCheck, ThresholdStatus,
};
use crate::tender::Tender;
use crate::vocab::money;
use serde_json::Value;

/// A draft checked against a protocol and tender, with its digest for the audit trail.
#[derive(Clone, Debug)]
pub struct CheckedDraft {
    /// The draft.
    pub draft: DraftBid,
    /// SHA-256 of its canonical JSON.
    pub digest: String,
}

/// Reads and checks a self-check draft, keeping its digest.
pub fn checked_draft(
    protocol: &Protocol,
    tender: &Tender,
    value: &Value,
) -> Result<CheckedDraft, Problems> {
    let draft = crate::bids::read_draft_for(protocol, tender, value)?;
    Ok(CheckedDraft {
        draft,
        digest: crate::audit::digest(value),
    })
}

/// Parses, reads and checks a self-check draft from JSON text.
pub fn checked_draft_from_json(
    protocol: &Protocol,
    tender: &Tender,
    text: &str,
) -> Result<CheckedDraft, Problems> {
    let value = crate::json::parse(text, Document::SelfCheck).map_err(|p| Problems(vec![p]))?;
    checked_draft(protocol, tender, &value)
}

/// Runs a self-check: the bidder's draft projected against the protocol and tender.
pub fn run(
    protocol: &Protocol,
    tender: &Tender,
    draft: &CheckedDraft,
) -> Result<SelfCheckResult, Problems> {
    project(protocol, tender, draft).map_err(|_| {
        Problems(vec![Problem::new(
            Document::SelfCheck,
            "",
            ProblemKind::FigureTooLarge {
                detail: "while projecting the marks".into(),
            },
        )])
    })
}

fn flag(
    code: FlagCode,
    criterion: Option<&str>,
    excludes: bool,
    message: String,
    action: &str,
) -> Flag {
    Flag {
        code,
        criterion: criterion.map(str::to_string),
        excludes,
        message,
        action: action.to_string(),
        trace: None,
        cites: Vec::new(),
    }
}

fn project(
    protocol: &Protocol,
    tender: &Tender,
    checked: &CheckedDraft,
) -> Result<SelfCheckResult, Overflow> {
    let d = &checked.draft;
    let ctx = Ctx {
        protocol,
        tender,
        rounding: protocol.doc().rounding,
    };
    let award = &protocol.doc().award;
    let (verdict, eligibility) = eligibility::assess(protocol, &d.organisation);
    let mut flags = Vec::new();

    let mut gates = Vec::new();
    for g in &award.gates {
        let expected = crate::bids::lookup(&d.gates, &g.id).copied();
        gates.push(GateRow {
            gate: g.id.clone(),
            title: g.title.clone(),
            outcome: match expected {
                Some(ExpectedGate::Pass) => GateStatus::Pass,
                Some(ExpectedGate::Fail) => GateStatus::Fail,
                Some(ExpectedGate::Unsure) => GateStatus::Unsure,
                None => GateStatus::NotAssessed,
            },
            cites: ctx.cites(&g.cites),
        });
        match expected {
            Some(ExpectedGate::Fail) => flags.push(flag(
                FlagCode::GateFailed,
                None,
                true,
                format!("You expect to fail \"{}\": a bid that fails it is excluded.", g.title),
                "Meet the condition before you submit, or ask the authority whether it is proportionate.",
            )),
            Some(ExpectedGate::Unsure) | None => flags.push(flag(
                FlagCode::GateUnsure,
                None,
                false,
                format!("You have not confirmed that you pass \"{}\".", g.title),
                "Check the condition against your evidence; failing it excludes the bid.",
            )),
            Some(ExpectedGate::Pass) => {}
        }
    }

    if tender.doc().reserved_for_user_led {
        match verdict {
            Verdict::No => flags.push(flag(
                FlagCode::Ineligible,
                None,
                true,
                "The contract is reserved for user-led organisations, and on these answers you are not one under the protocol.".into(),
                "Check the tests you do not meet; if your answers are wrong, correct them.",
            )),
            Verdict::NotEnoughInformation => flags.push(flag(
                FlagCode::EligibilityUnknown,
                None,
                false,
                "The contract is reserved for user-led organisations, and your answers do not yet show whether you are one.".into(),
                "Add the missing information listed under eligibility.",
            )),
            Verdict::Yes => {}
        }
    }

    let lot = tender.lot(&d.lot);
    if let Some(lot) = lot {
        if let Some(ceiling) = lot.price_ceiling {
            if d.price > ceiling {
                let excludes = award.affordability.over_ceiling == OverCeiling::Exclude;
                flags.push(flag(
                    FlagCode::OverCeiling,
                    None,
                    excludes,
                    format!(
                        "Your price {} is above the lot's affordability ceiling of {}.",
                        money(d.price),
                        money(ceiling)
                    ),
                    if excludes {
                        "A price above the ceiling excludes the bid under this protocol."
                    } else {
                        "A price above the ceiling is flagged under this protocol; the authority may not be able to afford it."
                    },
                ));
            }
        }
        if award.abnormally_low.compare_to == LowBenchmark::LotEstimate {
            let limit = lot
                .value
                .mul(award.abnormally_low.below_percent)?
                .div(Exact::HUNDRED)?;
            if d.price < limit {
                flags.push(flag(
                    FlagCode::AbnormallyLow,
                    None,
                    false,
                    format!(
                        "Your price {} is below {} of the lot's estimated value ({}).",
                        money(d.price),
                        percent(award.abnormally_low.below_percent),
                        money(lot.value)
                    ),
                    "Expect to be asked to explain the price. Make sure it covers the real cost of the service, including your core costs.",
                ));
            }
        }
    }

    let mut rows: Vec<(usize, SelfCheckRow, Exact, Exact)> = Vec::new();
    let mut not_estimated = Vec::new();
    for (order, node) in protocol.tree().iter().enumerate() {
        let Some(crit) = protocol.criterion(&node.id) else {
            continue;
        };
        let CriterionBody::Leaf(method) = &crit.body else {
            continue;
        };
        let available = tender.max_marks(&node.id);
        let mut row = SelfCheckRow {
            criterion: node.id.clone(),
            title: crit.title.clone(),
            method: LeafMethod::from(method),
            available: ctx.show(available),
            expected_low: None,
            expected_high: None,
            to_gain: None,
            threshold: None,
            assumption: None,
            missing: None,
            trace_low: None,
            trace_high: None,
        };
        let set = |row: &mut SelfCheckRow,
                   low: (Exact, crate::explain::Trace),
                   high: (Exact, crate::explain::Trace)| {
            row.expected_low = Some(ctx.show(low.0));
            row.expected_high = Some(ctx.show(high.0));
            row.trace_low = Some(low.1);
            row.trace_high = Some(high.1);
            (low.0, high.0)
        };
        let (low, high) = match method {
            Method::Panel { scale, minimum } => {
                let Some(scale) = protocol.scale(scale) else {
                    continue;
                };
                match crate::bids::lookup(&d.expected, &node.id) {
                    Some(e) => {
                        let top = i128::from(scale.max());
                        let one = |s: i64| -> Result<(Exact, crate::explain::Trace), Overflow> {
                            ctx.leaf_marks(
                                &node.id,
                                "self_check.panel",
                                Exact::ratio(i128::from(s), top)?,
                                &format!("{s} ÷ {top} × {{marks}}"),
                                vec![Input {
                                    name: "expected".into(),
                                    label: "the score you expect".into(),
                                    value: format!(
                                        "{s} ({})",
                                        scale.point(s).map_or("", |p| p.label.as_str())
                                    ),
                                }],
                            )
                        };
                        let (l, h) = (one(e.low)?, one(e.high)?);
                        if let Some(m) = minimum {
                            let status = if e.high < m.score {
                                ThresholdStatus::Fails
                            } else if e.low < m.score {
                                ThresholdStatus::AtRisk
                            } else {
                                ThresholdStatus::Clear
                            };
                            let raised = match status {
                                ThresholdStatus::Clear => None,
                                ThresholdStatus::AtRisk => Some(FlagCode::ThresholdAtRisk),
                                ThresholdStatus::Fails => Some(FlagCode::ThresholdFailed),
                            };
                            if let Some(code) = raised {
                                flags.push(flag(
                                    code,
                                    Some(&node.id),
                                    status == ThresholdStatus::Fails && m.disqualifies,
                                    format!(
                                        "{} has a minimum score of {}; you expect {}.",
                                        crit.title,
                                        m.score,
                                        if e.low == e.high {
                                            e.low.to_string()
                                        } else {
                                            format!("{} to {}", e.low, e.high)
                                        }
                                    ),
                                    if m.disqualifies {
                                        "Falling below this minimum excludes the bid: strengthen this answer first."
                                    } else {
                                        "Falling below this minimum is recorded against the bid: strengthen this answer."
                                    },
                                ));
                            }
                            row.threshold = Some(ThresholdCheck {
                                minimum: m.score,
                                disqualifies: m.disqualifies,
                                status,
                            });
                        }
                        set(&mut row, l, h)
                    }
                    None => {
                        not_estimated.push(node.id.clone());
                        row.missing = Some("no expected score given: counted as 0 at the low end and full marks at the high end".into());
                        (Exact::ZERO, available)
                    }
                }
            }
            Method::Banded {
                fact,
                bands,
                out_of,
            } => match bid_fact_value(&d.organisation, &d.facts, fact) {
                Some(v) => {
                    let m = banded(&ctx, &node.id, fact, v, bands, *out_of)?;
                    set(&mut row, m.clone(), m)
                }
                None => {
                    not_estimated.push(node.id.clone());
                    row.missing = Some(format!(
                        "{} is not given: counted as 0 at the low end and full marks at the high end",
                        protocol.bid_fact_title(fact)
                    ));
                    (Exact::ZERO, available)
                }
            },
            Method::Price(formula) => {
                let Some(lot) = lot else { continue };
                match (formula, d.competitor_lowest_price) {
                    (PriceFormula::LinearCeilingFloor, _) => {
                        let s = crate::award::price::share(*formula, d.price, d.price, "", lot)?;
                        let rule = format!("self_check.price.{}", formula.word());
                        let m = ctx.leaf_marks(&node.id, &rule, s.share, &s.formula, s.inputs)?;
                        set(&mut row, m.clone(), m)
                    }
                    (PriceFormula::LowestPriceRatio, Some(comp)) => {
                        let lowest = comp.min(d.price);
                        let s = crate::award::price::share(
                            *formula,
                            d.price,
                            lowest,
                            "the lowest price (yours, or the lowest you expect from others)",
                            lot,
                        )?;
                        row.assumption = Some(format!(
                            "You expect the lowest other price to be {}.",
                            money(comp)
                        ));
                        let m = ctx.leaf_marks(
                            &node.id,
                            "self_check.price.lowest_price_ratio",
                            s.share,
                            &s.formula,
                            s.inputs,
                        )?;
                        set(&mut row, m.clone(), m)
                    }
                    (PriceFormula::LowestPriceRatio, None) => {
                        let rule = &award.abnormally_low;
                        let (assumed, why) = match rule.compare_to {
                            LowBenchmark::LotEstimate => (
                                lot.value.mul(rule.below_percent)?.div(Exact::HUNDRED)?,
                                format!(
                                    "the lowest price the protocol would not question, {} of the lot's estimated value",
                                    percent(rule.below_percent)
                                ),
                            ),
                            LowBenchmark::MeanOfOtherBids => (
                                d.price.mul(rule.below_percent)?.div(Exact::HUNDRED)?,
                                format!(
                                    "{} of your price, about the lowest price the protocol would not question",
                                    percent(rule.below_percent)
                                ),
                            ),
                        };
                        // A price already below the protocol's limit is itself the lowest the
                        // projection assumes anyone offers.
                        let already_lowest = assumed >= d.price;
                        let assumed = assumed.min(d.price);
                        let high = crate::award::price::share(
                            *formula,
                            d.price,
                            d.price,
                            "the lowest price (yours)",
                            lot,
                        )?;
                        let low = crate::award::price::share(
                            *formula,
                            d.price,
                            assumed,
                            "the lowest price another bidder might offer",
                            lot,
                        )?;
                        row.assumption = Some(if already_lowest {
                            format!(
                                "Price marks depend on the other bids. Your price is already below {why}, so the projection assumes no other bidder offers less than you."
                            )
                        } else {
                            format!(
                                "Price marks depend on the other bids. The high end assumes yours is the lowest price; the low end assumes another bidder offers {} ({why}).",
                                money(assumed)
                            )
                        });
                        let rule_id = "self_check.price.lowest_price_ratio";
                        let l =
                            ctx.leaf_marks(&node.id, rule_id, low.share, &low.formula, low.inputs)?;
                        let h = ctx.leaf_marks(
                            &node.id,
                            rule_id,
                            high.share,
                            &high.formula,
                            high.inputs,
                        )?;
                        set(&mut row, l, h)
                    }
                }
            }
        };
        let gain = available.sub(low)?;
        row.to_gain = Some(ctx.show(gain));
        rows.push((order, row, low, high));
    }

    let mut total_low = Exact::ZERO;
    let mut total_high = Exact::ZERO;
    for (_, _, l, h) in &rows {
        total_low = total_low.add(*l)?;
        total_high = total_high.add(*h)?;
    }
    let mut sorted: Vec<(Exact, usize, SelfCheckRow)> = Vec::new();
    for (order, row, low, _) in rows {
        let gain = tender.max_marks(&row.criterion).sub(low)?;
        sorted.push((gain, order, row));
    }
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    let (findings, _) = crate::barriers::findings(protocol, tender);
    let mut result = SelfCheckResult {
        document: ResultDocument::SelfCheckResult,
        engine: crate::report::EngineRef::this(),
        protocol: protocol_ref(protocol),
        tender: tender_ref(tender),
        input_hash: crate::audit::input_hash(&[
            ("protocol", protocol.digest()),
            ("tender", tender.digest()),
            ("self-check", &checked.digest),
        ]),
        regime: crate::provenance::regime(protocol, tender),
        rounding: rounding_ref(protocol),
        lot: d.lot.clone(),
        bidder: d.organisation.name.clone(),
        price: d.price.to_fixed(2),
        eligibility,
        gates,
        projected: Projection {
            low: ctx.show(total_low),
            high: ctx.show(total_high),
            available: ctx.show(Exact::HUNDRED),
            not_estimated,
        },
        criteria: sorted.into_iter().map(|(.., r)| r).collect(),
        flags,
        findings,
        easy_read: Vec::new(),
    };
    result.easy_read = easy_read(&result);
    Ok(result)
}

fn lower_first(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The self-check in easy read: short sentences, one idea each, in the order a board would want
/// them (are we eligible, can we bid, what might we score, where to improve, what to ask).
pub fn easy_read(r: &SelfCheckResult) -> Vec<String> {
    let mut out = Vec::new();
    match r.eligibility.verdict {
        Verdict::Yes => {
            out.push("You are a user-led organisation under the rules for this tender.".to_string())
        }
        Verdict::No => {
            out.push(
                "You are not a user-led organisation under the rules for this tender.".to_string(),
            );
            for t in r
                .eligibility
                .tests
                .iter()
                .filter(|t| t.outcome == TestOutcome::NotMet)
            {
                out.push(format!(
                    "You do not meet this rule: {}.",
                    lower_first(&t.title)
                ));
            }
        }
        Verdict::NotEnoughInformation => {
            out.push("We cannot tell yet if you are a user-led organisation.".to_string());
            for t in r
                .eligibility
                .tests
                .iter()
                .filter(|t| t.outcome == TestOutcome::Unknown)
            {
                if let Some(a) = &t.to_add {
                    out.push(format!("Please {a}."));
                }
            }
        }
    }
    for g in &r.gates {
        out.push(match g.outcome {
            GateStatus::Pass => {
                format!("You expect to pass this check: {}.", lower_first(&g.title))
            }
            GateStatus::Fail => format!(
                "You expect to fail this check: {}. This would stop your bid.",
                lower_first(&g.title)
            ),
            GateStatus::Unsure | GateStatus::NotAssessed => {
                format!("Check this before you bid: {}.", lower_first(&g.title))
            }
        });
    }
    out.push(format!(
        "Your score could be between {} and {} out of {}.",
        r.projected.low, r.projected.high, r.projected.available
    ));
    for row in r
        .criteria
        .iter()
        .filter(|c| {
            c.to_gain
                .as_deref()
                .and_then(Exact::parse_decimal)
                .is_some_and(|g| g > Exact::ZERO)
        })
        .take(2)
    {
        out.push(format!(
            "You could win up to {} more marks on: {}.",
            row.to_gain.clone().unwrap_or_default(),
            lower_first(&row.title)
        ));
    }
    for f in &r.flags {
        let line = match f.code {
            FlagCode::ThresholdFailed | FlagCode::ThresholdAtRisk => {
                let title = f
                    .criterion
                    .as_deref()
                    .and_then(|c| r.criteria.iter().find(|x| x.criterion == c))
                    .map_or_else(String::new, |x| lower_first(&x.title));
                Some(format!(
                    "Your answer on {title} may score below the lowest score allowed. This could stop your bid."
                ))
            }
            FlagCode::OverCeiling => {
                Some("Your price is more than the council says it can pay.".to_string())
            }
            FlagCode::AbnormallyLow => {
                Some("Your price is very low. The council will ask you to explain it.".to_string())
            }
            // Said already, with eligibility and the gates above; or not raised in a self-check.
            FlagCode::GateFailed
            | FlagCode::GateUnsure
            | FlagCode::Ineligible
            | FlagCode::EligibilityUnknown
            | FlagCode::HighVariance
            | FlagCode::Incomplete
            | FlagCode::PartialPanel => None,
        };
        if let Some(l) = line {
            out.push(l);
        }
    }
    match r.findings.len() {
        0 => out.push(
            "We found no problems for user-led organisations in how this tender is set up."
                .to_string(),
        ),
        n => {
            out.push(format!(
                "We found {n} thing{} in how this tender is set up that can make it harder for user-led organisations.",
                if n == 1 { "" } else { "s" }
            ));
            out.push(
                "You can ask the council about them. We have written the questions for you."
                    .to_string(),
            );
        }
    }
    out
}

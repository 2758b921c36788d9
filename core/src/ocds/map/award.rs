//! Award criteria: listed as the notice states them, with their weights read as percentages,
//! and the price weight carried over when the notice's lists agree on it and the protocol
//! allows it.
//!
//! ulo scores bids with the protocol's own criteria, so the notice's quality criteria are shown
//! but not used. Only the share of the marks given to price can carry over, and only when every
//! list weighs all its criteria, the weights make 100 and every lot weighs price the same: a
//! partial list cannot say what price's share of the whole is.

use super::super::draft::Traced;
use super::super::release::Notice;
use super::super::skipped::Skipped;
use super::super::values::{bare_number, get, number_text, plain_decimal};
use super::price;
use crate::choice::choice;
use crate::exact::Exact;
use crate::protocol::Protocol;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The tender's fields read here.
pub(super) const KEYS: &[&str] = &["awardCriteria", "awardCriteriaDetails", "lotGroups"];

choice! {
    /// Where in a notice a criterion's weight was read, so that a commissioner can see how far
    /// to trust it: an exact figure of the award criteria extension, or a description that is
    /// only a number.
    pub enum WeightFrom as "a source of a weight" {
        /// A `numbers` entry weighted `percentageExact`: a percentage (or points out of a total).
        PercentageExact = "percentageExact",
        /// A `numbers` entry weighted `decimalExact`: a fraction of 1.
        DecimalExact = "decimalExact",
        /// The criterion's description, written as the weight alone (`"70"`, `"30%"`), as the
        /// older notices of Public Contracts Scotland and Sell2Wales give it.
        Description = "description",
    }
}

/// An award criterion as the notice states it, with its weight read as a percentage when the
/// notice gives one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct AwardCriterion {
    /// JSON pointer of the criterion in the input.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub from: String,
    /// The OCDS lot it belongs to (absent for tender-wide criteria).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// `price`, `cost` or `quality` (as the notice says; absent when it does not).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The criterion's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its weight in percent, exactly.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::typescript::ExactText>"))]
    pub weight_percent: Option<String>,
    /// Where the weight was read from: `percentageExact`, `decimalExact` (the `numbers` list of
    /// the award criteria extension) or `description` (the older shape of Public Contracts
    /// Scotland and Sell2Wales, with the weight written as the description).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_from: Option<WeightFrom>,
}

/// A criterion's weight in percent, with where it was read.
#[derive(Clone)]
struct Weight {
    percent: Exact,
    /// `percentageExact`, `decimalExact` or `description`.
    shape: WeightFrom,
    /// JSON pointer of the value it was read from.
    pointer: String,
}

/// A criterion's type and weight, as the price weight needs them.
struct Weighed {
    kind: Option<String>,
    weight: Option<Weight>,
}

impl Weighed {
    fn is_price(&self) -> bool {
        matches!(self.kind.as_deref(), Some("price" | "cost"))
    }
}

/// One list of award criteria: a lot's, or the tender's.
struct Group {
    /// The list, for messages (`lot "1"`, `the tender`).
    label: String,
    /// JSON pointer of the list.
    pointer: String,
    criteria: Vec<Weighed>,
    /// The total its weights were given out of, when not 100 (`1000`): they were read as
    /// shares of it.
    out_of: Option<Exact>,
}

/// Totals other than 100 that notices give weights out of (points out of 1,000 or out of 10).
/// A list whose weights add up to exactly one of these is read as shares of it, and said so;
/// any other total is a partial list and is not read.
pub const WEIGHT_TOTALS: &[i128] = &[10, 1000];

/// The most a single weight is read as: the largest of [`WEIGHT_TOTALS`].
const WEIGHT_MAX: i128 = 1000;

/// Reads the weights of `list` (whose criteria are the last `list.len()` of `criteria`) as
/// shares of their total, when every criterion is weighted and the total is one of
/// [`WEIGHT_TOTALS`]; returns that total.
fn as_shares(list: &mut [Weighed], criteria: &mut [AwardCriterion]) -> Option<Exact> {
    let mut total = Exact::ZERO;
    for c in list.iter() {
        let w = c.weight.as_ref()?;
        // Decimal weights are fractions of 1 already; only numbers of points are rescaled.
        match w.shape {
            WeightFrom::DecimalExact => return None,
            WeightFrom::PercentageExact | WeightFrom::Description => {}
        }
        total = total.add(w.percent).ok()?;
    }
    if !WEIGHT_TOTALS.iter().any(|t| Exact::int(*t) == total) {
        return None;
    }
    let start = criteria.len().checked_sub(list.len())?;
    for (c, shown) in list.iter_mut().zip(&mut criteria[start..]) {
        let w = c.weight.as_mut()?;
        w.percent = w.percent.mul(Exact::HUNDRED).ok()?.div(total).ok()?;
        shown.weight_percent = Some(w.percent.to_exact_string());
    }
    Some(total)
}

/// The notice's award criteria, and the price weight for the draft when it can be carried
/// over.
pub(super) fn award(
    protocol: &Protocol,
    n: &Notice,
    skipped: &mut Skipped,
) -> (Vec<AwardCriterion>, BTreeMap<String, Traced<Exact>>) {
    let mut criteria = Vec::new();
    let groups = groups(protocol, n, skipped, &mut criteria);
    let weights = price_weight(protocol, &groups, skipped);
    (criteria, weights)
}

/// The lists of award criteria, each lot's then the tender's, each criterion also listed in
/// `criteria`.
fn groups(
    protocol: &Protocol,
    n: &Notice,
    skipped: &mut Skipped,
    criteria: &mut Vec<AwardCriterion>,
) -> Vec<Group> {
    let mut groups = Vec::new();
    for (i, lot) in n.tender_list(&["lots"]).iter().enumerate() {
        let idx = i.to_string();
        let lot_id = get(lot, &["id"]).and_then(number_text);
        let label = match &lot_id {
            Some(id) => format!("lot \"{id}\""),
            None => format!("lot {}", i + 1),
        };
        let path = ["lots", idx.as_str(), "awardCriteria", "criteria"];
        groups.extend(group(
            n,
            skipped,
            criteria,
            &path,
            lot_id.as_deref(),
            &label,
        ));
    }
    match n.tender(&["awardCriteria"]) {
        Some(Value::Object(_)) => {
            let path = ["awardCriteria", "criteria"];
            groups.extend(group(n, skipped, criteria, &path, None, "the tender"));
        }
        Some(v @ Value::String(s)) => {
            let reason = basis_reason(protocol, s);
            skipped.add(n.tender_at(&["awardCriteria"]), v, reason);
        }
        _ => {}
    }
    for key in ["awardCriteriaDetails", "lotGroups"] {
        if let Some(v) = n.tender(&[key]) {
            let why = "free text or grouping that ulo does not read figures from";
            skipped.add(n.tender_at(&[key]), v, why);
        }
    }
    groups
}

/// Why an award basis named without weights (`priceOnly`...) is not carried over.
fn basis_reason(protocol: &Protocol, basis: &str) -> String {
    match basis {
        "priceOnly" | "costOnly" => format!(
            "the notice awards on price alone (\"{basis}\"), so price would decide all the marks; {}",
            price::range_text(protocol)
        ),
        "qualityOnly" => format!(
            "the notice awards on quality alone, with no marks for price; {}",
            price::range_text(protocol)
        ),
        _ => "the notice names its award basis but gives no weights".to_string(),
    }
}

/// The list of criteria at `path` (inside the tender), if it has any.
fn group(
    n: &Notice,
    skipped: &mut Skipped,
    criteria: &mut Vec<AwardCriterion>,
    path: &[&str],
    lot: Option<&str>,
    label: &str,
) -> Option<Group> {
    let mut list = Vec::new();
    for (j, c) in n.tender_list(path).iter().enumerate() {
        let jdx = j.to_string();
        let mut cpath = path.to_vec();
        cpath.push(&jdx);
        let from = n.tender_at(&cpath);
        let text = |key| get(c, &[key]).and_then(Value::as_str).map(str::to_string);
        let weight = numbers_weight(skipped, &from, c).or_else(|| description_weight(&from, c));
        criteria.push(AwardCriterion {
            lot: lot.map(str::to_string),
            kind: text("type"),
            name: text("name"),
            weight_percent: weight.as_ref().map(|w| w.percent.to_exact_string()),
            weight_from: weight.as_ref().map(|w| w.shape),
            from,
        });
        list.push(Weighed {
            kind: text("type"),
            weight,
        });
    }
    let out_of = as_shares(&mut list, criteria);
    (!list.is_empty()).then(|| Group {
        label: label.to_string(),
        pointer: n.tender_at(path),
        criteria: list,
        out_of,
    })
}

/// The first exact weight in the criterion's `numbers` (the award criteria extension); the
/// other numbers are reported.
fn numbers_weight(skipped: &mut Skipped, from: &str, c: &Value) -> Option<Weight> {
    let mut weight = None;
    let numbers = get(c, &["numbers"]).and_then(Value::as_array);
    for (k, num) in numbers.into_iter().flatten().enumerate() {
        let npath = format!("{from}/numbers/{k}");
        match get(num, &["weight"]).and_then(Value::as_str) {
            Some(s @ ("percentageExact" | "decimalExact")) => {
                let Some(text) = get(num, &["number"]).and_then(number_text) else {
                    continue;
                };
                if weight.is_some() {
                    continue;
                }
                let (scale, shape) = if s == "decimalExact" {
                    (Exact::HUNDRED, WeightFrom::DecimalExact)
                } else {
                    (Exact::ONE, WeightFrom::PercentageExact)
                };
                match plain_decimal(&text)
                    .ok()
                    .and_then(|d| Exact::parse_decimal(&d))
                    .and_then(|e| e.mul(scale).ok())
                {
                    // Up to the largest common total: a list out of 1,000 is read as shares of
                    // it once its total is known (`as_shares`).
                    Some(percent) if percent <= Exact::int(WEIGHT_MAX) => {
                        let pointer = format!("{npath}/number");
                        weight = Some(Weight { percent, shape, pointer });
                    }
                    _ => skipped.add(npath, num, "the weight is not a share from 0 to 100 (or out of 1,000)"),
                }
            }
            Some(s) => skipped.add(
                npath,
                num,
                format!("a \"{s}\" weight is not an exact share of the marks, so it is shown but not used"),
            ),
            None if get(num, &["threshold"]).is_some() => skipped.add(
                npath,
                num,
                "minimum scores come from the protocol's award model, not from the notice",
            ),
            None if get(num, &["fixed"]).is_some() => {
                skipped.add(npath, num, "a fixed price is not something ulo's tender records");
            }
            None => {}
        }
    }
    weight
}

/// A weight written as the criterion's whole description (`"70"`, `"30%"`), as the older
/// Scottish and Welsh notices give it.
fn description_weight(from: &str, c: &Value) -> Option<Weight> {
    let percent = get(c, &["description"])
        .and_then(Value::as_str)
        .and_then(bare_number)
        .and_then(|d| Exact::parse_decimal(&d))
        .filter(|w| *w <= Exact::int(WEIGHT_MAX))?;
    Some(Weight {
        percent,
        shape: WeightFrom::Description,
        pointer: format!("{from}/description"),
    })
}

/// The price weight for the draft, or nothing with the reason noted.
fn price_weight(
    protocol: &Protocol,
    groups: &[Group],
    skipped: &mut Skipped,
) -> BTreeMap<String, Traced<Exact>> {
    let Some(first) = groups.first() else {
        return BTreeMap::new();
    };
    for g in groups {
        skipped.push(
            g.pointer.clone(),
            "the notice's award criteria (listed under award_criteria)".into(),
            "ulo scores bids with the protocol's own criteria, scales and weights; only the price weight can be carried over",
        );
    }
    // Where the price weight is read: the first list's price criterion (when it has exactly
    // one), else the list itself.
    let prices: Vec<&Weight> = first
        .criteria
        .iter()
        .filter(|c| c.is_price())
        .filter_map(|c| c.weight.as_ref())
        .collect();
    let from = match prices.as_slice() {
        [one] => one.pointer.clone(),
        _ => first.pointer.clone(),
    };
    let Some(p) = agreed_price(groups, skipped) else {
        return BTreeMap::new();
    };
    match price::weight(protocol, p) {
        Ok(id) => {
            let shares = groups
                .iter()
                .find_map(|g| g.out_of)
                .map(|t| {
                    format!(
                        " (its weights are given out of {}, read as shares of that total)",
                        t.to_exact_string()
                    )
                })
                .unwrap_or_default();
            let note = format!(
                "the notice weighs price at {}% of the marks{shares}, which the protocol allows and which leaves its other weights making 100",
                p.to_exact_string()
            );
            BTreeMap::from([(id, Traced::new(p, from, Some(note)))])
        }
        Err(reason) => {
            skipped.push(
                from,
                format!("price weight {}", p.to_exact_string()),
                reason,
            );
            BTreeMap::new()
        }
    }
}

/// The share of the marks every list gives price, when each weighs all its criteria, its
/// weights make 100, and they agree; otherwise nothing, with the reason noted.
fn agreed_price(groups: &[Group], skipped: &mut Skipped) -> Option<Exact> {
    let mut price: Option<Exact> = None;
    for g in groups {
        let unweighted = g.criteria.iter().filter(|c| c.weight.is_none()).count();
        if unweighted > 0 {
            skipped.push(
                g.pointer.clone(),
                format!("{} criteria, {unweighted} without a weight", g.criteria.len()),
                format!("the price weight is not carried over: {} gives criteria without a weight as a percentage", g.label),
            );
            return None;
        }
        let mut total = Exact::ZERO;
        let mut p = Exact::ZERO;
        for c in &g.criteria {
            let w = c.weight.as_ref().map_or(Exact::ZERO, |w| w.percent);
            total = total.add(w).unwrap_or(total);
            if c.is_price() {
                p = p.add(w).unwrap_or(p);
            }
        }
        if total != Exact::HUNDRED {
            let total = total.to_exact_string();
            skipped.push(
                g.pointer.clone(),
                format!("weights adding up to {total}"),
                format!(
                    "the price weight is not carried over: the weights of {} add up to {total}, not 100, so the notice lists only some of the criteria or does not give shares of 100",
                    g.label
                ),
            );
            return None;
        }
        match price {
            Some(q) if q != p => {
                skipped.push(
                    g.pointer.clone(),
                    format!("price weight {}", p.to_exact_string()),
                    format!(
                        "the price weight is not carried over: the lots weigh price differently ({} and {}), and a ulo tender has one set of weights",
                        q.to_exact_string(),
                        p.to_exact_string()
                    ),
                );
                return None;
            }
            _ => price = Some(p),
        }
    }
    price
}

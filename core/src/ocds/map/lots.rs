//! Lots, with their values and contract periods, and the reasons for not dividing a contract
//! into lots.
//!
//! OCDS puts a value and a contract period on the tender and lets each lot override them. ulo
//! records both on each lot, so the tender's contract period is carried to every lot that does
//! not give its own, but the tender's value only to a lot that is the only one: for several
//! lots it is their total, and splitting it would be a guess.

use super::super::draft::{DraftLot, Text, Traced};
use super::super::release::Notice;
use super::super::skipped::{Skipped, NO_FIELD};
use super::super::values::{contract_months, fit, get, money, number_text, slug};
use super::text::{fitted, shortened};
use crate::exact::Exact;
use crate::protocol::{TEXT_MAX, TITLE_MAX};
use crate::read::is_id;
use serde_json::Value;
use std::collections::BTreeSet;

/// The tender's fields read here.
pub(super) const KEYS: &[&str] = &["lots", "value", "contractPeriod", "minValue", "lotDetails"];

/// The draft's lots: the notice's lots that are part of the tender, or the whole tender as one
/// lot when it has none.
pub(super) fn lots(n: &Notice, skipped: &mut Skipped) -> Vec<DraftLot> {
    let mut m = Lots {
        n,
        skipped,
        period_used: false,
        period_reported: false,
        placeholder: None,
    };
    let mut lots = m.all();
    m.report_tender_wide(&mut lots);
    lots
}

/// Words in a description that say the contract may run past its initial term. Why: notices
/// often give a contract period that includes optional extensions ("3 years with an option to
/// extend for a further 2 x 1 year periods" and a period of 60 months), while ulo's months are
/// the initial term, which the annual value and the lot-size rule are worked out from. When a
/// description (the lot's, its renewal's or options', the tender's or the release's) says this, the months are not carried over: the commissioner is asked for the
/// initial term, told what the period gives.
pub const EXTENSION_WORDS: &[&str] = &[
    "option to extend",
    "options to extend",
    "extension",
    "may be extended",
    "extend the contract",
    "extend for",
    "further period",
    "option to renew",
    "renewal",
];

/// The first of [`EXTENSION_WORDS`] in `text`, with a few words around it as a quote.
fn mentions_extension(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = EXTENSION_WORDS.iter().filter_map(|w| lower.find(w)).min()?;
    // Quote from a little before to a little after, on character boundaries.
    let start = lower[..at]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let end = lower[at..]
        .char_indices()
        .nth(60)
        .map_or(lower.len(), |(i, _)| at + i);
    // `to_lowercase` can change lengths outside ASCII: quote from the lowered text, which
    // says the same words, from a word's start.
    let quote = &lower[start..end];
    let quote = if start > 0 {
        quote.split_once(' ').map_or(quote, |(_, rest)| rest)
    } else {
        quote
    };
    Some(quote.trim().to_string())
}

/// The reasons the notice gives for not dividing the contract into lots; the other lot details
/// have no place in a ulo tender.
pub(super) fn no_lots_reason(n: &Notice, skipped: &mut Skipped) -> Option<Text> {
    let mut reason = None;
    for (from, key, v) in n.entries("lotDetails") {
        if key == "noLotsDivisionRationale" {
            reason = fitted(skipped, from, v, TEXT_MAX, "");
        } else {
            skipped.add(from, v, NO_FIELD);
        }
    }
    reason
}

struct Lots<'a> {
    n: &'a Notice<'a>,
    skipped: &'a mut Skipped,
    /// Whether the tender's contract period gave some lot its months.
    period_used: bool,
    /// Whether the tender's contract period has been reported as unusable (once is enough).
    period_reported: bool,
    /// Why the value last read was taken as a placeholder, if it was.
    placeholder: Option<String>,
}

impl Lots<'_> {
    fn all(&mut self) -> Vec<DraftLot> {
        let lots = self.n.tender_list(&["lots"]);
        let single = lots.len() == 1;
        let mut ids = BTreeSet::new();
        let mut out = Vec::new();
        for (i, lot) in lots.iter().enumerate() {
            let from = self.n.tender_at(&["lots", &i.to_string()]);
            let status = get(lot, &["status"]).and_then(Value::as_str);
            if let Some(s @ ("cancelled" | "unsuccessful" | "withdrawn")) = status {
                let why = format!("the lot's status is \"{s}\", so it is not part of the tender");
                self.skipped.add(from, lot, why);
            } else if lot.is_object() {
                let l = self.lot(lot, i, single, &mut ids);
                out.push(l);
            } else {
                let why = "a lot should be an object with an id, title and value";
                self.skipped.add(from, lot, why);
            }
        }
        if out.is_empty() {
            out.push(self.whole_tender());
        }
        out
    }

    /// Reports the tender-wide values that no lot took, and flags lots whose values add up to
    /// more than the tender's total (one of the figures is wrong, and the lot-size and
    /// turnover rules would rest on it).
    fn report_tender_wide(&mut self, lots: &mut [DraftLot]) {
        let n = self.n;
        if lots.len() > 1 {
            if let Some(v) = n.tender(&["value"]) {
                let why = match over_total(v, lots) {
                    Some(why) => {
                        for lot in lots.iter_mut() {
                            if let Some(value) = lot.value.as_mut() {
                                value.note = Some(why.clone());
                            }
                        }
                        why
                    }
                    None => "ulo records each lot's value; the tender's total is not split between lots (it may still be the whole procurement's value for which law applies: see what is mapped to /procurement)".to_string(),
                };
                self.skipped.add(n.tender_at(&["value"]), v, why);
            }
        }
        if !self.period_used && !self.period_reported {
            if let Some(v) = n.tender(&["contractPeriod"]) {
                let why = "every lot gives its own contract period, which is used instead";
                self.skipped.add(n.tender_at(&["contractPeriod"]), v, why);
            }
        }
        if let Some(v) = n.tender(&["minValue"]) {
            let why = "ulo takes one estimated value per lot; the notice's value (its maximum estimate) is used where it can be";
            self.skipped.add(n.tender_at(&["minValue"]), v, why);
        }
    }

    /// One lot from the whole tender, when the notice has no lots.
    fn whole_tender(&mut self) -> DraftLot {
        let n = self.n;
        let whole = "the notice has no lots, so the whole tender is one lot";
        // The value before the months, as the account of what was not used has always met them.
        self.placeholder = None;
        let value = self.tender_value(Some(whole.into()));
        let value_query = self.placeholder.take().filter(|_| value.is_none());
        let months = self.months(None);
        let extension = [n.tender(&["description"]), n.release(&["description"])]
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find_map(mentions_extension);
        let (months, months_query) = self.unless_extended(months, extension.as_deref());
        let id_note = format!("{whole}, given the id \"lot-1\"");
        let title = n.tender(&["title"]).and_then(|v| fit(v, TITLE_MAX));
        DraftLot {
            id: Traced::new("lot-1".into(), n.tender_at(&[]), Some(id_note)),
            title: title.map(|(t, _)| Traced::new(t, n.tender_at(&["title"]), Some(whole.into()))),
            description: None,
            value,
            value_query,
            months,
            months_query,
        }
    }

    /// The months, unless the notice's description mentions extensions (`extension`, a quote):
    /// then they are reported as not used, and the lot asks for the initial term.
    fn unless_extended(
        &mut self,
        months: Option<Traced<i64>>,
        extension: Option<&str>,
    ) -> (Option<Traced<i64>>, Option<String>) {
        let (Some(m), Some(quote)) = (&months, extension) else {
            return (months, None);
        };
        let why = format!(
            "the contract period gives {} months, but the notice's description mentions extending the contract (\"{quote}\"), so the period may include optional extensions; ulo's months are the initial term, which must be supplied",
            m.value
        );
        if let Some(v) = self.n.value_at(&m.from) {
            self.skipped.add_once(m.from.clone(), v, why.clone());
        }
        (None, Some(why))
    }

    /// Lot `i` of the notice (`single` when it is the notice's only lot).
    fn lot(&mut self, lot: &Value, i: usize, single: bool, ids: &mut BTreeSet<String>) -> DraftLot {
        let n = self.n;
        let idx = i.to_string();
        let at = |key: &str| n.tender_at(&["lots", &idx, key]);
        let id = self.lot_id(lot, i, ids);
        let title = match get(lot, &["title"]).and_then(|v| fit(v, TITLE_MAX)) {
            Some((t, short)) => Some(Traced::new(
                t,
                at("title"),
                short.then(|| shortened(TITLE_MAX)),
            )),
            None if single => n
                .tender(&["title"])
                .and_then(|v| fit(v, TITLE_MAX))
                .map(|(t, _)| {
                    let note = "the only lot has no title of its own, so it takes the tender's";
                    Traced::new(t, n.tender_at(&["title"]), Some(note.into()))
                }),
            None => None,
        };
        let description = get(lot, &["description"])
            .and_then(|v| fitted(self.skipped, at("description"), v, TEXT_MAX, ""));
        self.placeholder = None;
        let own_value = get(lot, &["value"]).and_then(|v| self.value(v, at("value"), None));
        let value = match own_value {
            None if single => {
                let note = "the only lot has no value of its own, so it takes the tender's";
                self.tender_value(Some(note.into()))
            }
            v => v,
        };
        let value_query = self.placeholder.take().filter(|_| value.is_none());
        if let Some(v) = get(lot, &["minimumValue"]) {
            let why =
                "ulo takes one estimated value per lot: the lot's value (its maximum estimate)";
            self.skipped.add(at("minimumValue"), v, why);
        }
        let texts = [
            get(lot, &["description"]),
            get(lot, &["renewal", "description"]),
            get(lot, &["options", "description"]),
            n.tender(&["description"]),
            n.release(&["description"]),
        ];
        let extension = texts
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find_map(mentions_extension);
        let months = self.months(Some(&idx));
        let (months, months_query) = self.unless_extended(months, extension.as_deref());
        for key in ["hasRenewal", "renewal", "hasOptions", "options"] {
            if let Some(v) = get(lot, &[key]) {
                let why = "ulo's months are the initial contract period; renewals and options are not counted";
                self.skipped.add(at(key), v, why);
            }
        }
        DraftLot {
            id,
            title,
            description,
            value,
            value_query,
            months,
            months_query,
        }
    }

    /// Lot `i`'s id: its own, made to fit ulo's id form if need be, or made from its place in
    /// the list; a number is added when it repeats an earlier lot's.
    fn lot_id(&self, lot: &Value, i: usize, ids: &mut BTreeSet<String>) -> Text {
        let raw_id = get(lot, &["id"]).and_then(number_text).unwrap_or_default();
        let (mut id, mut note) = if is_id(&raw_id) {
            (raw_id.clone(), None)
        } else if let Some(s) = slug(&raw_id) {
            (
                s,
                Some(format!("changed from \"{raw_id}\" to fit ulo's id form")),
            )
        } else {
            let made = "the lot has no usable id, so one was made from its place in the list";
            (format!("lot-{}", i + 1), Some(made.into()))
        };
        if ids.contains(&id) {
            let mut k = 2;
            while ids.contains(&format!("{id}-{k}")) {
                k += 1;
            }
            id = format!("{id}-{k}");
            note = Some("the lot's id repeats another lot's, so a number was added".into());
        }
        ids.insert(id.clone());
        let idx = i.to_string();
        let from = if get(lot, &["id"]).is_some() {
            self.n.tender_at(&["lots", &idx, "id"])
        } else {
            self.n.tender_at(&["lots", &idx])
        };
        Traced::new(id, from, note)
    }

    /// The OCDS `Value` at `v` (from `from`) as an amount in pounds, or `v` reported.
    fn value(&mut self, v: &Value, from: String, note: Option<String>) -> Option<Text> {
        match money(v) {
            Ok(amount) => Some(Traced::new(amount, format!("{from}/amount"), note)),
            Err(why) => {
                if why.contains("placeholder") {
                    self.placeholder = Some(why.clone());
                }
                self.skipped.add(from, v, why);
                None
            }
        }
    }

    /// The tender's value, for a lot that stands for the whole tender.
    fn tender_value(&mut self, note: Option<String>) -> Option<Text> {
        let v = self.n.tender(&["value"])?;
        self.value(v, self.n.tender_at(&["value"]), note)
    }

    /// The months of the notice's lot `idx` (or of the tender, for `None`): from the lot's own
    /// contract period, else from the tender's, which OCDS applies to every lot that does not
    /// override it.
    fn months(&mut self, idx: Option<&str>) -> Option<Traced<i64>> {
        if let Some(idx) = idx {
            let path = ["lots", idx, "contractPeriod"];
            if let Some(period) = self.n.tender(&path) {
                let from = self.n.tender_at(&path);
                match contract_months(period) {
                    Ok(m) => {
                        return Some(Traced::new(m.count, format!("{from}/{}", m.key), m.note))
                    }
                    Err(why) => self.skipped.add(from, period, why),
                }
            }
        }
        let period = self.n.tender(&["contractPeriod"])?;
        let from = self.n.tender_at(&["contractPeriod"]);
        match contract_months(period) {
            Ok(m) => {
                self.period_used = true;
                let via = idx.map(|_| {
                    "the tender's contract period, which applies to every lot that does not give its own".to_string()
                });
                let note = [via, m.note]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; ");
                let note = (!note.is_empty()).then_some(note);
                Some(Traced::new(m.count, format!("{from}/{}", m.key), note))
            }
            Err(why) => {
                if !self.period_reported {
                    self.period_reported = true;
                    self.skipped.add(from, period, why);
                }
                None
            }
        }
    }
}

/// Why the lots' values cannot all be right, when they add up to more than the tender's total
/// value `v` (both read exactly); `None` when they do not, or cannot be added.
fn over_total(v: &Value, lots: &[DraftLot]) -> Option<String> {
    let total = Exact::parse_decimal(&money(v).ok()?)?;
    let mut sum = Exact::ZERO;
    for lot in lots {
        let value = lot.value.as_ref()?;
        sum = sum.add(Exact::parse_decimal(&value.value)?).ok()?;
    }
    (sum > total).then(|| {
        format!(
            "the lots' values add up to {}, more than the tender's total value of {}: one of the figures is wrong, so check each lot's value before relying on the lot-size and turnover rules",
            crate::vocab::money(sum),
            crate::vocab::money(total)
        )
    })
}

//! The draft tender: a ulo tender document with holes.
//!
//! It has the tender's shape, but every field a notice may not give is an `Option`, because the
//! import never fills a gap with a guess; what is still `None` is what the commissioner must
//! supply. Each value carries the OCDS value it came from and how it was converted, so the
//! account of what mapped is read off the draft itself and cannot disagree with it.
//!
//! The draft is serialised with serde into the JSON tender the engine checks (a JSON object,
//! whose keys `serde_json` keeps sorted), with the missing fields left out.

use crate::dates::Date;
use crate::exact::Exact;
use crate::json::escape_token;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// One OCDS value carried into the draft tender.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Mapped {
    /// JSON pointer of the OCDS value in the input.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub from: String,
    /// JSON pointer of the ulo field in the draft tender.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub to: String,
    /// The value as put in the draft.
    #[cfg_attr(feature = "ts", ts(type = "string | number | boolean | object"))]
    pub value: Value,
    /// How the value was converted, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A value in the draft, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Traced<T> {
    /// The value, as the tender holds it.
    pub value: T,
    /// JSON pointer of the OCDS value it came from.
    pub from: String,
    /// How it was converted, when it was.
    pub note: Option<String>,
}

impl<T> Traced<T> {
    pub fn new(value: T, from: String, note: Option<String>) -> Traced<T> {
        Traced { value, from, note }
    }
}

/// A value the draft holds, written as the tender schema writes it: amounts and weights as
/// decimal text, dates as `YYYY-MM-DD`.
pub(super) trait Json {
    /// The value as JSON.
    fn json(&self) -> Value;
}

impl Json for String {
    fn json(&self) -> Value {
        Value::from(self.as_str())
    }
}

impl Json for i64 {
    fn json(&self) -> Value {
        Value::from(*self)
    }
}

impl Json for bool {
    fn json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Json for Date {
    fn json(&self) -> Value {
        Value::from(self.to_string())
    }
}

impl Json for Exact {
    fn json(&self) -> Value {
        Value::from(self.to_exact_string())
    }
}

/// Only the value goes into the tender; where it came from goes into the account.
impl<T: Json> Serialize for Traced<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.json().serialize(s)
    }
}

/// A text value in the draft.
pub(super) type Text = Traced<String>;

/// The draft tender.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct DraftTender {
    /// Always `tender`.
    pub document: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Traced<Date>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_deadline: Option<Traced<Date>>,
    /// What the notice says about which law applies; left out when it says nothing usable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procurement: Option<DraftProcurement>,
    /// Never empty: a notice without lots gives one lot, the whole tender.
    pub lots: Vec<DraftLot>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_lots_reason: Option<Text>,
    /// The price weight, when the notice's can be carried over (at most one entry).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, Traced<Exact>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<DraftConditions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub electronic_auction: Option<Traced<bool>>,
}

/// One lot of the draft. Only its id is always known (made up, and said so, when the notice
/// gives none).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct DraftLot {
    pub id: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Estimated value in pounds, as decimal text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Text>,
    /// Why the value was not carried over though the notice gives one (a placeholder such as
    /// 0.01), for the list of what to supply; never in the tender.
    #[serde(skip)]
    pub value_query: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<Traced<i64>>,
    /// Why the months were not carried over though the notice gives a contract period (its
    /// description mentions extensions), for the list of what to supply; never in the tender.
    #[serde(skip)]
    pub months_query: Option<String>,
}

/// The draft's `procurement` block: the facts the regime decision reads
/// ([`crate::regime::decide`]), each only when the notice gives it plainly. Words are kept as
/// the tender schema writes them (`"scotland"`, `"psr"`), CPV codes as eight digits.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub(super) struct DraftProcurement {
    /// A regime the notice's legal basis names unambiguously.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nation: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_type: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<Traced<Date>>,
    /// At most 50 (the tender schema's limit), in the order met, without repeats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cpv: Vec<Text>,
    /// In pounds, as decimal text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_including_vat: Option<Text>,
}

impl DraftProcurement {
    /// Whether the notice gave none of the facts (the block is then left out of the draft).
    pub fn is_empty(&self) -> bool {
        self == &DraftProcurement::default()
    }
}

/// The draft's conditions of participation: only ever a minimum turnover, the one condition
/// notices give as a figure. Its presence tells the engine the tender states its conditions,
/// so absent insurance and bonds then read as none asked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct DraftConditions {
    /// In pounds, as decimal text.
    pub minimum_turnover: Text,
}

impl DraftTender {
    /// The draft as the JSON tender document the engine reads.
    pub fn to_json(&self) -> Value {
        // Serialising cannot fail: the draft holds only text, whole numbers, booleans and maps
        // keyed by text. Were it ever to, null is reported as problems with the draft, not a
        // panic.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// What was carried over, field by field in the tender's order (the order they are mapped
    /// in).
    pub fn mapped(&self) -> Vec<Mapped> {
        let mut a = Account::default();
        a.add("/id", self.id.as_ref());
        a.add("/title", self.title.as_ref());
        a.add("/authority", self.authority.as_ref());
        a.add("/service", self.service.as_ref());
        a.add("/published", self.published.as_ref());
        a.add("/response_deadline", self.response_deadline.as_ref());
        if let Some(p) = &self.procurement {
            a.add("/procurement/regime", p.regime.as_ref());
            a.add("/procurement/nation", p.nation.as_ref());
            a.add("/procurement/authority_type", p.authority_type.as_ref());
            a.add("/procurement/started", p.started.as_ref());
            for (i, code) in p.cpv.iter().enumerate() {
                a.add(format!("/procurement/cpv/{i}"), Some(code));
            }
            let value = p.value_including_vat.as_ref();
            a.add("/procurement/value_including_vat", value);
        }
        for (i, lot) in self.lots.iter().enumerate() {
            a.add(format!("/lots/{i}/id"), Some(&lot.id));
            a.add(format!("/lots/{i}/title"), lot.title.as_ref());
            a.add(format!("/lots/{i}/description"), lot.description.as_ref());
            a.add(format!("/lots/{i}/value"), lot.value.as_ref());
            a.add(format!("/lots/{i}/months"), lot.months.as_ref());
        }
        a.add("/no_lots_reason", self.no_lots_reason.as_ref());
        for (id, weight) in &self.weights {
            a.add(format!("/weights/{}", escape_token(id)), Some(weight));
        }
        let turnover = self.conditions.as_ref().map(|c| &c.minimum_turnover);
        a.add("/conditions/minimum_turnover", turnover);
        a.add("/electronic_auction", self.electronic_auction.as_ref());
        a.0
    }
}

#[derive(Default)]
struct Account(Vec<Mapped>);

impl Account {
    fn add<T: Json>(&mut self, to: impl Into<String>, value: Option<&Traced<T>>) {
        if let Some(t) = value {
            self.0.push(Mapped {
                from: t.from.clone(),
                to: to.into(),
                value: t.value.json(),
                note: t.note.clone(),
            });
        }
    }
}

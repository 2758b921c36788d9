//! Selection criteria: a minimum turnover given as a figure becomes the draft's condition of
//! participation; everything else is free text, reported, with a note of where it mentions
//! turnover or insurance so the commissioner knows where to look for figures to enter.

use super::super::draft::{DraftConditions, Traced};
use super::super::release::Notice;
use super::super::skipped::Skipped;
use super::super::values::{get, money_text, number_text, plain_decimal};
use serde_json::Value;
use std::collections::BTreeSet;

/// The tender's fields read here.
pub(super) const KEYS: &[&str] = &["selectionCriteria"];

/// What a notice's free text mentions that ulo records as a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in super::super) enum Topic {
    Turnover,
    Insurance,
}

impl Topic {
    /// The topic in a word, for reasons.
    pub fn word(self) -> &'static str {
        match self {
            Topic::Turnover => "turnover",
            Topic::Insurance => "insurance",
        }
    }
}

/// A place where the notice's free text mentions a figure the commissioner should enter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in super::super) struct Mention {
    /// JSON pointer of the text in the input.
    pub at: String,
    pub topic: Topic,
}

/// A minimum turnover given as a figure, with where it was read.
struct Turnover {
    from: String,
    amount: String,
}

/// The draft's conditions of participation (a minimum turnover, when the notice gives one
/// figure for it), and where the notice's text mentions conditions given only in words.
pub(super) fn conditions(
    n: &Notice,
    skipped: &mut Skipped,
) -> (Option<DraftConditions>, Vec<Mention>) {
    let mut mentions = Vec::new();
    let mut turnovers = Vec::new();
    let mut lists = vec![vec![
        "selectionCriteria".to_string(),
        "criteria".to_string(),
    ]];
    for i in 0..n.tender_list(&["lots"]).len() {
        let lot = ["lots", &i.to_string(), "selectionCriteria", "criteria"].map(String::from);
        lists.push(lot.to_vec());
    }
    for list in lists {
        let path: Vec<&str> = list.iter().map(String::as_str).collect();
        for (j, c) in n.tender_list(&path).iter().enumerate() {
            let jdx = j.to_string();
            let mut cpath = path.clone();
            cpath.push(&jdx);
            let from = n.tender_at(&cpath);
            criterion(skipped, &mut turnovers, &mut mentions, from, c);
        }
    }
    if let Some(v) = n.tender(&["selectionCriteria", "description"]) {
        let from = n.tender_at(&["selectionCriteria", "description"]);
        skipped.add(from, v, "free text; ulo does not read figures out of prose");
    }
    (one_turnover(skipped, turnovers), mentions)
}

/// Reads one selection criterion: a minimum turnover as a figure, or free text reported.
fn criterion(
    skipped: &mut Skipped,
    turnovers: &mut Vec<Turnover>,
    mentions: &mut Vec<Mention>,
    from: String,
    c: &Value,
) {
    let words = ["subType", "description", "minimum"]
        .iter()
        .filter_map(|k| get(c, &[k]).and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if words.contains("turnover") {
        match turnover_figure(&from, c) {
            Some(t) if t.amount.split_once('.').is_none_or(|(_, f)| f.len() <= 2) => {
                turnovers.push(t);
            }
            _ => {
                let why = "it asks for a minimum turnover in words, not as a figure; ulo does not read figures out of prose";
                skipped.add(from.clone(), c, why);
                mentions.push(Mention {
                    at: from,
                    topic: Topic::Turnover,
                });
            }
        }
        return;
    }
    if words.contains("insurance") {
        mentions.push(Mention {
            at: from.clone(),
            topic: Topic::Insurance,
        });
    }
    skipped.add(
        from,
        c,
        "ulo records conditions of participation as figures (minimum turnover, insurance cover, bonds) and accreditations; this criterion is free text",
    );
}

/// The turnover figure of a criterion about turnover: its `minimum` written as money, else its
/// first number.
fn turnover_figure(from: &str, c: &Value) -> Option<Turnover> {
    let minimum = get(c, &["minimum"])
        .and_then(Value::as_str)
        .and_then(money_text)
        .map(|amount| Turnover {
            from: format!("{from}/minimum"),
            amount,
        });
    minimum.or_else(|| {
        get(c, &["numbers"])
            .and_then(Value::as_array)
            .and_then(|n| n.first())
            .and_then(|n| get(n, &["number"]))
            .and_then(number_text)
            .and_then(|t| plain_decimal(&t).ok())
            .map(|amount| Turnover {
                from: format!("{from}/numbers/0/number"),
                amount,
            })
    })
}

/// The conditions, when the notice's turnover figures agree; different figures are reported,
/// since a ulo tender has one.
fn one_turnover(skipped: &mut Skipped, turnovers: Vec<Turnover>) -> Option<DraftConditions> {
    let distinct: BTreeSet<&String> = turnovers.iter().map(|t| &t.amount).collect();
    if distinct.len() > 1 {
        for t in turnovers {
            let why = "the notice gives different minimum turnovers; ulo's tender has one";
            skipped.push(t.from, format!("\"{}\"", t.amount), why);
        }
        return None;
    }
    let t = turnovers.into_iter().next()?;
    Some(DraftConditions {
        minimum_turnover: Traced::new(t.amount, t.from, None),
    })
}

//! Exports of a result for people's own tools: CSV in two forms. The long form ([`csv`]) has a
//! row per bid and criterion, for pivot tables; the wide form ([`csv_wide`]) has one row per
//! bid, as a commissioner's own evaluation spreadsheet has it: prices, totals, ranks, each
//! criterion's marks, each evaluator's scores, eligibility and flags in words.
//!
//! The CSV opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents
//! and the pound sign), CRLF line ends, every field quoted as RFC 4180 says, and text that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) prefixed with an apostrophe, so a bidder's name can never run as a formula (OWASP's
//! advice on CSV injection). A figure is never negative, so no figure is changed by it.
//! Figures are the result's own decimal strings, unchanged: nothing is worked out here.
//!
//! A lot evaluated by another model than the weighted total (issue 15) adds its figures:
//! quality marks and cost per quality point, as rows of the long form and columns of the wide
//! one; a basket of rates adds its price as a column of the wide form. Each is present only
//! when the result has it, so every earlier export keeps its bytes.

use crate::report::{BidResult, ScoreResult};

/// The CSV's columns.
pub const CSV_HEADER: &[&str] = &[
    "lot",
    "bid",
    "bidder",
    "status",
    "rank",
    "criterion",
    "title",
    "group",
    "method",
    "weight",
    "available",
    "marks",
    "moderated",
    "flags",
];

fn field(out: &mut String, text: &str) {
    let guarded = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    out.push('"');
    out.push_str(&guarded.replace('"', "\"\""));
    out.push('"');
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, c);
    }
    out.push_str("\r\n");
}

/// The result as CSV: for each bid (in id order), a row per criterion (in tree order), then a
/// `total` row.
pub fn csv(result: &ScoreResult) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, CSV_HEADER);
    for b in &result.bids {
        let rank = b.rank.map(|r| r.to_string()).unwrap_or_default();
        for c in &b.criteria {
            let flags: Vec<&str> = b
                .flags
                .iter()
                .filter(|f| f.criterion.as_deref() == Some(c.criterion.as_str()))
                .map(|f| f.code.word())
                .collect();
            let moderated = c
                .panel
                .as_ref()
                .and_then(|p| p.moderated.clone())
                .unwrap_or_default();
            row(
                &mut out,
                &[
                    &b.lot,
                    &b.bid,
                    &b.bidder,
                    b.status.word(),
                    &rank,
                    &c.criterion,
                    &c.title,
                    c.parent.as_deref().unwrap_or(""),
                    c.method.word(),
                    &c.weight,
                    &c.available,
                    c.marks.as_deref().unwrap_or(""),
                    &moderated,
                    &flags.join(" "),
                ],
            );
        }
        let flags: Vec<&str> = b
            .flags
            .iter()
            .filter(|f| f.criterion.is_none())
            .map(|f| f.code.word())
            .collect();
        row(
            &mut out,
            &[
                &b.lot,
                &b.bid,
                &b.bidder,
                b.status.word(),
                &rank,
                "total",
                "Total",
                "",
                "total",
                "100",
                &b.available,
                b.total.as_deref().unwrap_or(""),
                "",
                &flags.join(" "),
            ],
        );
        // Under a lot model that decides on more than the total (issue 15), its figures follow
        // as rows of their own, their method the model's word; a weighted lot has none, so its
        // rows are as they were.
        let model = lot_model(result, &b.lot);
        for (id, title, available, figure) in [
            (
                "quality_marks",
                "Quality marks (re-weighted to 100)",
                "100",
                &b.quality_marks,
            ),
            (
                "cost_per_quality_point",
                "Cost per quality point",
                "",
                &b.cost_per_quality_point,
            ),
        ] {
            if let Some(figure) = figure {
                row(
                    &mut out,
                    &[
                        &b.lot,
                        &b.bid,
                        &b.bidder,
                        b.status.word(),
                        &rank,
                        id,
                        title,
                        "",
                        model,
                        "",
                        available,
                        figure,
                        "",
                        "",
                    ],
                );
            }
        }
    }
    out
}

/// The word of a lot's evaluation model in a result (`weighted` when the result names none).
fn lot_model<'r>(result: &'r ScoreResult, lot: &str) -> &'r str {
    result
        .lots
        .iter()
        .find(|l| l.lot == lot)
        .and_then(|l| l.model)
        .map_or("weighted", |m| m.word())
}

/// A column of the wide form for a lot model's figure: its heading and its cell for a bid.
type ModelColumn = (&'static str, fn(&ScoreResult, &BidResult) -> String);

/// The wide form's columns for the lot models' figures (issue 15), after "price marks": each
/// only when some bid in the result has it, so a result without them has the columns it had.
fn model_columns(result: &ScoreResult) -> Vec<ModelColumn> {
    let mut out: Vec<ModelColumn> = Vec::new();
    if result.lots.iter().any(|l| l.model.is_some()) {
        out.push(("model", |r, b| lot_model(r, &b.lot).to_string()));
    }
    if result.bids.iter().any(|b| b.quality_marks.is_some()) {
        out.push(("quality marks", |_, b| {
            b.quality_marks.clone().unwrap_or_default()
        }));
    }
    if result.bids.iter().any(|b| b.basket.is_some()) {
        out.push(("basket", |_, b| {
            b.basket
                .as_ref()
                .map(|t| t.result.clone())
                .unwrap_or_default()
        }));
    }
    if result
        .bids
        .iter()
        .any(|b| b.cost_per_quality_point.is_some())
    {
        out.push(("cost per quality point", |_, b| {
            b.cost_per_quality_point.clone().unwrap_or_default()
        }));
    }
    out
}

/// The wide form's columns before the criteria's; then, for each criterion in tree order, its
/// marks (`<title>: marks`) and, for criteria a panel scores, each evaluator's score
/// (`<title>: <evaluator name>`); then [`CSV_WIDE_TAIL`].
pub const CSV_WIDE_HEAD: &[&str] = &[
    "lot",
    "bid",
    "bidder",
    "status",
    "rank",
    "total",
    "available",
    "price",
    "price marks",
];

/// The wide form's last columns.
pub const CSV_WIDE_TAIL: &[&str] = &["eligibility", "eligibility reason", "flags"];

/// A column of the wide form after the head: a criterion's marks, or one evaluator's score on
/// it.
#[derive(PartialEq)]
enum Column {
    Marks {
        criterion: String,
        title: String,
    },
    Score {
        criterion: String,
        title: String,
        evaluator: String,
        name: String,
    },
}

impl Column {
    fn heading(&self) -> String {
        match self {
            Column::Marks { title, .. } => format!("{title}: marks"),
            Column::Score { title, name, .. } => format!("{title}: {name}"),
        }
    }

    fn cell(&self, b: &BidResult) -> String {
        match self {
            Column::Marks { criterion, .. } => b
                .criteria
                .iter()
                .find(|c| &c.criterion == criterion)
                .and_then(|c| c.marks.clone())
                .unwrap_or_default(),
            Column::Score {
                criterion,
                evaluator,
                ..
            } => b
                .criteria
                .iter()
                .find(|c| &c.criterion == criterion)
                .and_then(|c| c.panel.as_ref())
                .and_then(|p| p.scores.iter().find(|s| &s.evaluator == evaluator))
                .map(|s| s.score.to_string())
                .unwrap_or_default(),
        }
    }
}

/// The columns after the head, in the order met: criteria in tree order, each followed by the
/// evaluators who scored it on any bid (in the order the result lists them).
fn columns(result: &ScoreResult) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for b in &result.bids {
        for c in &b.criteria {
            let marks = Column::Marks {
                criterion: c.criterion.clone(),
                title: c.title.clone(),
            };
            if !out.contains(&marks) {
                out.push(marks);
            }
            for s in c.panel.iter().flat_map(|p| &p.scores) {
                let score = Column::Score {
                    criterion: c.criterion.clone(),
                    title: c.title.clone(),
                    evaluator: s.evaluator.clone(),
                    name: s.name.clone(),
                };
                if !out.contains(&score) {
                    // After the criterion's marks and any evaluator already placed.
                    let at =
                        out.iter()
                            .rposition(|col| match col {
                                Column::Marks { criterion, .. }
                                | Column::Score { criterion, .. } => criterion == &c.criterion,
                            })
                            .map_or(out.len(), |i| i + 1);
                    out.insert(at, score);
                }
            }
        }
    }
    out
}

/// The result as CSV, one row per bid (in id order): lot, bid, bidder, status, rank, total,
/// marks available, price (the one price a bid holds, as the tender states VAT), the marks for
/// price, each criterion's marks and each evaluator's score, the eligibility verdict and its
/// reason, and the flags in words (their messages, not their codes). A cell is empty where the
/// result holds nothing (a bid not ranked has no rank; a criterion not scored has no marks).
pub fn csv_wide(result: &ScoreResult) -> String {
    let cols = columns(result);
    let models = model_columns(result);
    let mut out = String::from("\u{feff}");
    let headings: Vec<String> = CSV_WIDE_HEAD
        .iter()
        .map(|h| (*h).to_string())
        .chain(models.iter().map(|(h, _)| (*h).to_string()))
        .chain(cols.iter().map(Column::heading))
        .chain(CSV_WIDE_TAIL.iter().map(|h| (*h).to_string()))
        .collect();
    let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
    row(&mut out, &refs);
    for b in &result.bids {
        let price_marks: Vec<&str> = b
            .criteria
            .iter()
            .filter(|c| c.category == crate::vocab::Category::Price)
            .filter_map(|c| c.marks.as_deref())
            .collect();
        let flags: Vec<&str> = b.flags.iter().map(|f| f.message.as_str()).collect();
        let mut cells: Vec<String> = vec![
            b.lot.clone(),
            b.bid.clone(),
            b.bidder.clone(),
            b.status.word().to_string(),
            b.rank.map(|r| r.to_string()).unwrap_or_default(),
            b.total.clone().unwrap_or_default(),
            b.available.clone(),
            b.price.clone(),
            // One price criterion gives its marks; several are each in their own column.
            match price_marks.as_slice() {
                [one] => (*one).to_string(),
                _ => String::new(),
            },
        ];
        cells.extend(models.iter().map(|(_, cell)| cell(result, b)));
        cells.extend(cols.iter().map(|c| c.cell(b)));
        cells.push(b.eligibility.verdict.describe().to_string());
        cells.push(b.eligibility.reason.clone());
        cells.push(flags.join(" "));
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        row(&mut out, &refs);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let mut s = String::new();
        row(
            &mut s,
            &["=HYPERLINK(\"x\")", "a \"quoted\" name", "-1", "plain"],
        );
        assert_eq!(
            s,
            "\"'=HYPERLINK(\"\"x\"\")\",\"a \"\"quoted\"\" name\",\"'-1\",\"plain\"\r\n"
        );
    }
}

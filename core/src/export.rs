//! Exports of a result for people's own tools: CSV, one row per bid and criterion.
//!
//! The CSV opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents
//! and the pound sign), CRLF line ends, every field quoted as RFC 4180 says, and text that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) prefixed with an apostrophe, so a bidder's name can never run as a formula.
//! Figures are the result's own decimal strings, unchanged.

use crate::report::ScoreResult;

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

//! Bids in from a spreadsheet, as a CSV file (the template: `docs/bids-template.csv`) or cells
//! pasted from one: read by the core (`bids::csv`), then checked against the tender like any
//! bids file, and every problem told by its row (as the spreadsheet numbers it) and column.
//! Nothing is imported unless there is no problem at all.

use super::import::import;
use crate::state::Workspace;
use serde_json::Value;
use ulo_core::Document;

/// The template, offered as a download beside the import.
pub const TEMPLATE: &str = include_str!("../../../docs/bids-template.csv");

/// Reads bids from CSV `text` for the workspace's tender: the bids document, or each problem
/// as a sentence that starts with its row and column.
pub fn bids_csv(text: &str, ws: &Workspace) -> Result<Value, Vec<String>> {
    let tender = ws.tender.get("id").and_then(Value::as_str).unwrap_or("");
    let (bids, rows) = ulo_core::bids::csv::read_rows(text, tender).map_err(|ps| {
        ps.iter()
            .map(|p| capital(&format!("{p}.")))
            .collect::<Vec<_>>()
    })?;
    import(Document::Bids, &bids.to_string(), ws).map_err(|ps| {
        ps.iter()
            .map(|p| {
                // A pointer into bid `i` is ["", "bids", i, where inside it].
                let at: Vec<&str> = p.pointer.splitn(4, '/').collect();
                let in_a_bid = at.get(1) == Some(&"bids");
                let row = at
                    .get(2)
                    .filter(|_| in_a_bid)
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| rows.get(i));
                let column = at.get(3).filter(|_| in_a_bid).map(|c| heading(c));
                let place = match (row, column) {
                    (Some(r), Some(c)) => format!("Row {r}, column \"{c}\": "),
                    (Some(r), None) => format!("Row {r}: "),
                    _ => String::new(),
                };
                format!(
                    "{place}{}; {}.",
                    p.kind.message(),
                    p.kind.help().trim_end_matches('.')
                )
            })
            .collect()
    })
}

/// The template's heading for a place inside a bid (`organisation/name` is "organisation name").
fn heading(inside: &str) -> String {
    match inside.split_once('/') {
        // A lot's rates have a column each, named after the rate (`rate:day`).
        Some(("rates", rate)) => format!("rate:{}", rate.replace("~1", "/").replace("~0", "~")),
        _ if inside == "id" => "bid id".into(),
        _ => inside.replace(['/', '_'], " "),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Cells pasted from a spreadsheet arrive separated by tabs, one row a line: as CSV, each cell
/// quoted. Text with no tab is taken to be CSV already. (A cell holding a line break, which a
/// spreadsheet pastes in quotes, is kept whole.)
pub fn pasted_to_csv(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_string();
    }
    let mut out = String::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut start = true;
    let end_cell = |out: &mut String, cell: &mut String| {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
        cell.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if start && !quoted => quoted = true,
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            }
            '\t' if !quoted => {
                end_cell(&mut out, &mut cell);
                out.push(',');
                start = true;
                continue;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                end_cell(&mut out, &mut cell);
                out.push('\n');
                start = true;
                continue;
            }
            c => cell.push(c),
        }
        start = false;
    }
    if !cell.is_empty() {
        end_cell(&mut out, &mut cell);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_is_told_by_its_own_column() {
        assert_eq!(heading("rates/day"), "rate:day");
        assert_eq!(heading("organisation/name"), "organisation name");
        assert_eq!(heading("id"), "bid id");
    }

    #[test]
    fn pasted_cells_become_csv() {
        assert_eq!(pasted_to_csv("a,b\n1,2"), "a,b\n1,2");
        assert_eq!(
            pasted_to_csv("bid id\tprice\r\nb-1\t£185,000\r\n"),
            "\"bid id\",\"price\"\n\"b-1\",\"£185,000\"\n"
        );
        assert_eq!(
            pasted_to_csv("x\t\"two\nlines\"\n"),
            "\"x\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn the_template_reads_for_the_example_and_a_bad_cell_is_told_by_row_and_column() {
        let ws = Workspace::example();
        let bids = bids_csv(TEMPLATE, &ws).unwrap_or_else(|p| panic!("{p:?}"));
        assert!(bids["bids"].as_array().is_some_and(|b| !b.is_empty()));
        let bad = TEMPLATE.replacen("\"£352,000\"", "\"£352,0\"", 1);
        let said = bids_csv(&bad, &ws).unwrap_err();
        assert!(
            said.iter()
                .any(|s| s.starts_with("Row 2, column \"price\"")),
            "{said:?}"
        );
        let unknown = TEMPLATE.replacen(",lot-1,", ",lot-9,", 1);
        let said = bids_csv(&unknown, &ws).unwrap_err();
        assert!(said.iter().any(|s| s.starts_with("Row 2")), "{said:?}");
    }
}

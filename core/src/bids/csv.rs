//! Bids in from a spreadsheet: a CSV with one row per bid (the template is
//! `docs/bids-template.csv`, described in `docs/bids-csv.md`), read into the bids JSON document
//! the engine reads.
//!
//! Why: councils keep the bids they receive in a spreadsheet, and retyping each into a form is
//! where figures go wrong. The reader takes the columns a commissioner fills (who bid, for
//! which lot, at what price, and the organisation's facts the eligibility and reservation tests
//! use), reads amounts as people type them ([`crate::vocab::read_amount`]: `£185,000.50`), and
//! reports every problem at once, each by its row (as the spreadsheet numbers it, the heading
//! row being 1) and its column's heading, in plain words. It never panics and never guesses:
//! an empty cell is a fact not given, not a zero.
//!
//! What it accepts: UTF-8, with or without a byte-order mark; CRLF or LF line ends; fields
//! quoted as RFC 4180 says (a quoted field may hold commas, quotes written twice, and line
//! breaks); headings in any order and any case, matched after trimming, so a column may be left
//! out; rows with every cell empty are skipped. Separators other than the comma (a semicolon,
//! as some Excel locales save) are not guessed at: the heading row is then one unknown column.
//! The panel's scores are not read here: they are entered per evaluator in the scoring grid.
//!
//! The JSON it writes is then read and checked by the engine like any bids document
//! ([`crate::Protocol::bids`]), which checks what a CSV cannot know (that the lot exists, that a
//! gate is the tender's); [`Column::pointer`] names the cell a pointer into it came from.

use crate::bids::GateOutcome;
use crate::choice::Choice;
use crate::protocol::LegalForm;
use crate::read::is_id;
use crate::vocab::{read_amount, AmountError};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// The most rows of bids read: the bids schema's limit.
pub const MAX_ROWS: usize = 5000;

/// The most characters in a cell (a bidder's name or a rationale is far shorter).
const CELL_MAX: usize = 2000;

/// What a column holds, and where it goes in a bid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// An id (bid id, lot).
    Id,
    /// Text.
    Text,
    /// An amount in pounds.
    Money,
    /// A whole number of people.
    Count,
    /// Yes or no.
    YesNo,
    /// A legal form's word.
    LegalForm,
    /// A figure for a banded criterion (a decimal of zero or more).
    Figure,
    /// A gate outcome: pass or fail.
    Gate,
}

/// The template's columns: heading, what it holds, where it goes in the bid (a JSON pointer
/// inside one bid), and whether every row must fill it.
const COLUMNS: &[(&str, Kind, &str, bool)] = &[
    ("bid id", Kind::Id, "/id", false),
    ("lot", Kind::Id, "/lot", true),
    ("organisation name", Kind::Text, "/organisation/name", true),
    // Required unless the file has rate columns: a lot priced by a basket of rates takes its
    // price from the rates (see `price_or_rates`).
    ("price", Kind::Money, "/price", false),
    (
        "legal form",
        Kind::LegalForm,
        "/organisation/legal_form",
        false,
    ),
    (
        "annual turnover",
        Kind::Money,
        "/organisation/annual_turnover",
        false,
    ),
    (
        "board voting members",
        Kind::Count,
        "/organisation/board/voting_members",
        false,
    ),
    (
        "board members disabled or using services",
        Kind::Count,
        "/organisation/board/disabled_or_service_users",
        false,
    ),
    (
        "paid staff",
        Kind::Count,
        "/organisation/staff/total",
        false,
    ),
    (
        "paid staff disabled",
        Kind::Count,
        "/organisation/staff/disabled",
        false,
    ),
    (
        "volunteers",
        Kind::Count,
        "/organisation/volunteers/total",
        false,
    ),
    (
        "volunteers disabled",
        Kind::Count,
        "/organisation/volunteers/disabled",
        false,
    ),
    (
        "accountable to members",
        Kind::YesNo,
        "/organisation/accountable_to_members",
        false,
    ),
    (
        "social model commitment",
        Kind::YesNo,
        "/organisation/social_model_commitment",
        false,
    ),
    (
        "based in area",
        Kind::YesNo,
        "/organisation/based_in_area",
        false,
    ),
    ("sme", Kind::YesNo, "/organisation/sme", false),
    ("vcse", Kind::YesNo, "/organisation/vcse", false),
];

/// A column of the file as read: one of the template's, or a fact (`fact: ID`), gate
/// (`gate: ID`) or rate of a lot's basket (`rate: ID`) the tender names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The heading as the file writes it.
    pub heading: String,
    kind: Kind,
    /// Where the cell goes inside a bid (a JSON pointer).
    at: String,
    required: bool,
}

impl Column {
    /// The JSON pointer, in the bids document written, of this column's cell on bid `index`.
    #[must_use]
    pub fn pointer(&self, index: usize) -> String {
        format!("/bids/{index}{}", self.at)
    }
}

/// Why a cell or the file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblemKind {
    /// The file has no heading row.
    Empty,
    /// A quoted field is not closed before the end of the file.
    OpenQuote,
    /// A heading is not one of the template's, nor `fact: ID` or `gate: ID`.
    UnknownColumn,
    /// A heading appears twice.
    DuplicateColumn,
    /// A column every row must fill is missing from the file.
    MissingColumn,
    /// A row has more cells than there are headings.
    ExtraCells,
    /// A required cell is empty.
    Required,
    /// An id is not letters, digits, dots, dashes and underscores (up to 64).
    BadId,
    /// A bid id repeats an earlier row's.
    DuplicateId,
    /// An amount cannot be read (why, in the amount reader's words).
    Amount(AmountError),
    /// A price of zero.
    ZeroPrice,
    /// Not a whole number of zero or more.
    Count,
    /// Not yes or no.
    YesNo,
    /// Not a legal form the protocol knows.
    LegalForm,
    /// Not a figure of zero or more with at most 4 decimal places.
    Figure,
    /// Not pass or fail.
    Gate,
    /// A cell longer than the most a cell holds.
    TooLong,
    /// More rows than a bids document holds.
    TooManyRows,
}

impl CsvProblemKind {
    /// A short stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            CsvProblemKind::Empty => "csv-empty",
            CsvProblemKind::OpenQuote => "csv-open-quote",
            CsvProblemKind::UnknownColumn => "csv-unknown-column",
            CsvProblemKind::DuplicateColumn => "csv-duplicate-column",
            CsvProblemKind::MissingColumn => "csv-missing-column",
            CsvProblemKind::ExtraCells => "csv-extra-cells",
            CsvProblemKind::Required => "csv-required",
            CsvProblemKind::BadId => "csv-id",
            CsvProblemKind::DuplicateId => "csv-duplicate-id",
            CsvProblemKind::Amount(e) => e.code(),
            CsvProblemKind::ZeroPrice => "csv-zero-price",
            CsvProblemKind::Count => "csv-count",
            CsvProblemKind::YesNo => "csv-yes-no",
            CsvProblemKind::LegalForm => "csv-legal-form",
            CsvProblemKind::Figure => "csv-figure",
            CsvProblemKind::Gate => "csv-gate",
            CsvProblemKind::TooLong => "csv-too-long",
            CsvProblemKind::TooManyRows => "csv-too-many-rows",
        }
    }

    /// What is wrong, in lowercase plain words.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            CsvProblemKind::Empty => "the file has no heading row".into(),
            CsvProblemKind::OpenQuote => "a quoted cell is not closed".into(),
            CsvProblemKind::UnknownColumn => "this column is not one the template has".into(),
            CsvProblemKind::DuplicateColumn => "this column appears twice".into(),
            CsvProblemKind::MissingColumn => "the file has no column with this heading".into(),
            CsvProblemKind::ExtraCells => "this row has more cells than there are headings".into(),
            CsvProblemKind::Required => "this cell is empty, and every bid needs it".into(),
            CsvProblemKind::BadId => "this is not a usable reference".into(),
            CsvProblemKind::DuplicateId => "this bid id is used on an earlier row".into(),
            CsvProblemKind::Amount(e) => e.message(),
            CsvProblemKind::ZeroPrice => "a price must be more than 0".into(),
            CsvProblemKind::Count => "this is not a whole number".into(),
            CsvProblemKind::YesNo => "this is not yes or no".into(),
            CsvProblemKind::LegalForm => "this is not a legal form ulo knows".into(),
            CsvProblemKind::Figure => "this is not a figure of zero or more".into(),
            CsvProblemKind::Gate => "this is not pass or fail".into(),
            CsvProblemKind::TooLong => format!("this cell is longer than {CELL_MAX} characters"),
            CsvProblemKind::TooManyRows => format!("the file has more than {MAX_ROWS} bids"),
        }
    }

    /// How to put it right.
    #[must_use]
    pub fn help(&self) -> String {
        match self {
            CsvProblemKind::Empty => "start from docs/bids-template.csv: its first row holds the headings".into(),
            CsvProblemKind::OpenQuote => "close the quote, or save the file again from the spreadsheet".into(),
            CsvProblemKind::UnknownColumn => format!(
                "use the template's headings ({}), or \"fact: ID\", \"gate: ID\" or \"rate: ID\" for a figure, a pass-or-fail condition or a rate of a basket the tender names; a file saved with semicolons must be saved again as comma-separated",
                COLUMNS.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
            ),
            CsvProblemKind::DuplicateColumn => "keep one column with this heading".into(),
            CsvProblemKind::MissingColumn => "add the column, with a cell on every row".into(),
            CsvProblemKind::ExtraCells => "remove the extra cells, or add a heading for them".into(),
            CsvProblemKind::Required => "fill in the cell".into(),
            CsvProblemKind::BadId => "use letters, digits, dots, dashes and underscores, starting with a letter or digit, up to 64, as in lot-1".into(),
            CsvProblemKind::DuplicateId => "give each bid its own id, or leave the column empty to number the bids by row".into(),
            CsvProblemKind::Amount(e) => e.help().into(),
            CsvProblemKind::ZeroPrice => "enter the total price bid over the whole contract".into(),
            CsvProblemKind::Count => "write a count of people in digits, such as 12, or leave the cell empty if not known".into(),
            CsvProblemKind::YesNo => "write yes or no, or leave the cell empty if not known".into(),
            CsvProblemKind::LegalForm => format!(
                "write one of: {}",
                LegalForm::ALL.iter().map(|(w, _)| w.replace('_', " ")).collect::<Vec<_>>().join(", ")
            ),
            CsvProblemKind::Figure => "write the figure in digits, such as 80 or 12.5, or leave the cell empty".into(),
            CsvProblemKind::Gate => "write pass or fail, or leave the cell empty if not yet assessed".into(),
            CsvProblemKind::TooLong => "shorten the text".into(),
            CsvProblemKind::TooManyRows => format!("split the bids into files of {MAX_ROWS} or fewer"),
        }
    }
}

/// A problem in the file, located by row and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The row as a spreadsheet numbers it: the heading row is 1, an empty row counts, and a
    /// cell holding a line break does not start a new row.
    pub row: usize,
    /// The column's heading (as written), when the problem is in one column.
    pub column: Option<String>,
    /// What the cell holds, when the problem is in one cell.
    pub found: Option<String>,
    /// What is wrong.
    pub kind: CsvProblemKind,
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.row)?;
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        write!(f, ": {}", self.kind.message())?;
        if let Some(found) = &self.found {
            write!(f, " (found \"{found}\")")?;
        }
        write!(f, "; {}", self.kind.help())
    }
}

/// Reads a CSV of bids (one row per bid) into the bids document for the tender with id
/// `tender`, or every problem found, each located by row and column.
///
/// # Errors
/// The problems, in row order (the heading row's first), when any cell cannot be read.
pub fn read(text: &str, tender: &str) -> Result<Value, Vec<CsvProblem>> {
    read_rows(text, tender).map(|(bids, _)| bids)
}

/// As [`read`], with the row each bid came from (bid `i` of the document is on row
/// `rows[i]`), so that what the engine then finds at `/bids/i/...` can be told by its row.
///
/// # Errors
/// As [`read`].
pub fn read_rows(text: &str, tender: &str) -> Result<(Value, Vec<usize>), Vec<CsvProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = records(text)?;
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((head_row, headings)) = rows.next() else {
        return Err(vec![problem(1, None, None, CsvProblemKind::Empty)]);
    };
    let mut problems = Vec::new();
    let columns = columns(head_row, &headings, &mut problems);
    let mut bids = Vec::new();
    let mut at_rows = Vec::new();
    let mut ids = BTreeSet::new();
    for (row, cells) in rows {
        if bids.len() == MAX_ROWS {
            problems.push(problem(row, None, None, CsvProblemKind::TooManyRows));
            break;
        }
        if let Some(bid) = bid(row, &cells, &columns, &mut ids, &mut problems) {
            bids.push(bid);
            at_rows.push(row);
        }
    }
    if problems.is_empty() {
        Ok((
            json!({"document": "bids", "tender": tender, "bids": bids}),
            at_rows,
        ))
    } else {
        Err(problems)
    }
}

fn problem(
    row: usize,
    column: Option<&str>,
    found: Option<&str>,
    kind: CsvProblemKind,
) -> CsvProblem {
    CsvProblem {
        row,
        column: column.map(str::to_string),
        found: found.map(str::to_string),
        kind,
    }
}

/// The file's records: each its row (as a spreadsheet numbers them, from 1) and its cells.
/// RFC 4180, with LF or CRLF.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Vec<CsvProblem>> {
    let mut out: Vec<(usize, Vec<String>)> = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            // A quote opens a field only at its start; elsewhere it is kept as written.
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                cells.push(std::mem::take(&mut cell));
                out.push((out.len() + 1, std::mem::take(&mut cells)));
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(vec![problem(
            out.len() + 1,
            None,
            None,
            CsvProblemKind::OpenQuote,
        )]);
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        out.push((out.len() + 1, cells));
    }
    Ok(out)
}

/// The file's columns, by heading; problems for unknown, repeated and missing ones.
fn columns(row: usize, headings: &[String], problems: &mut Vec<CsvProblem>) -> Vec<Option<Column>> {
    let mut out: Vec<Option<Column>> = Vec::new();
    for h in headings {
        let key = h.trim().to_lowercase();
        let found = COLUMNS
            .iter()
            .find(|(name, ..)| *name == key)
            .map(|(_, kind, at, required)| (*kind, (*at).to_string(), *required))
            .or_else(|| {
                let (what, id) = key.split_once(':')?;
                let id = id.trim();
                // The id as the tender writes it (case kept), from the heading as written.
                let written = h.split_once(':').map_or(id, |(_, i)| i.trim());
                if !is_id(written) {
                    return None;
                }
                let token = crate::json::escape_token(written);
                match what.trim() {
                    "fact" => Some((Kind::Figure, format!("/facts/{token}"), false)),
                    "gate" => Some((Kind::Gate, format!("/gates/{token}"), false)),
                    "rate" => Some((Kind::Money, format!("/rates/{token}"), false)),
                    _ => None,
                }
            });
        match found {
            _ if key.is_empty() => out.push(None),
            Some((kind, at, required)) => {
                if out.iter().flatten().any(|c| c.at == at) {
                    problems.push(problem(row, Some(h), None, CsvProblemKind::DuplicateColumn));
                    out.push(None);
                } else {
                    out.push(Some(Column {
                        heading: h.trim().to_string(),
                        kind,
                        at,
                        required,
                    }));
                }
            }
            None => {
                problems.push(problem(
                    row,
                    Some(h.trim()),
                    None,
                    CsvProblemKind::UnknownColumn,
                ));
                out.push(None);
            }
        }
    }
    let rates = out.iter().flatten().any(|c| c.at.starts_with("/rates/"));
    for (name, _, at, required) in COLUMNS {
        let required = *required || (*at == "/price" && !rates);
        if required && !out.iter().flatten().any(|c| c.at == *at) {
            problems.push(problem(
                row,
                Some(name),
                None,
                CsvProblemKind::MissingColumn,
            ));
        }
    }
    out
}

/// A row gives a price, or rates from which the engine works out a basket: a price cell left
/// empty is required only when the row fills no `rate:` cell (the engine then checks the rates
/// against the lot's, and a price given against the basket).
fn price_or_rates(
    row: usize,
    cells: &[String],
    columns: &[Option<Column>],
    problems: &mut Vec<CsvProblem>,
) {
    let filled = |i: usize| !cells.get(i).map_or("", String::as_str).trim().is_empty();
    let mut price = None;
    let mut any_rate = false;
    for (i, col) in columns.iter().enumerate() {
        let Some(col) = col else { continue };
        if col.at == "/price" {
            price = Some((col, filled(i)));
        } else if col.at.starts_with("/rates/") && filled(i) {
            any_rate = true;
        }
    }
    if let Some((col, false)) = price {
        if !any_rate {
            problems.push(problem(
                row,
                Some(&col.heading),
                None,
                CsvProblemKind::Required,
            ));
        }
    }
}

/// One row as a bid, or `None` with its problems added.
fn bid(
    row: usize,
    cells: &[String],
    columns: &[Option<Column>],
    ids: &mut BTreeSet<String>,
    problems: &mut Vec<CsvProblem>,
) -> Option<Value> {
    let before = problems.len();
    if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.trim().is_empty()) {
        problems.push(problem(row, None, None, CsvProblemKind::ExtraCells));
    }
    let mut bid = Value::Object(Map::new());
    for (i, col) in columns.iter().enumerate() {
        let Some(col) = col else { continue };
        let raw = cells.get(i).map_or("", String::as_str);
        let cell = raw.trim();
        let at = |kind| problem(row, Some(&col.heading), Some(cell), kind);
        if cell.chars().count() > CELL_MAX {
            problems.push(problem(
                row,
                Some(&col.heading),
                None,
                CsvProblemKind::TooLong,
            ));
            continue;
        }
        if cell.is_empty() {
            if col.required {
                problems.push(problem(
                    row,
                    Some(&col.heading),
                    None,
                    CsvProblemKind::Required,
                ));
            }
            continue;
        }
        let value = match col.kind {
            Kind::Id if is_id(cell) => Ok(json!(cell)),
            Kind::Id => Err(CsvProblemKind::BadId),
            Kind::Text => Ok(json!(cell)),
            Kind::Money => match read_amount(cell) {
                Ok(a) if col.at == "/price" && a.trim_start_matches(['0', '.']).is_empty() => {
                    Err(CsvProblemKind::ZeroPrice)
                }
                Ok(a) => Ok(json!(a)),
                Err(e) => Err(CsvProblemKind::Amount(e)),
            },
            Kind::Count => match cell.parse::<u32>() {
                Ok(n) if cell.bytes().all(|b| b.is_ascii_digit()) => Ok(json!(n)),
                _ => Err(CsvProblemKind::Count),
            },
            Kind::YesNo => match cell.to_lowercase().as_str() {
                "yes" | "y" | "true" => Ok(json!(true)),
                "no" | "n" | "false" => Ok(json!(false)),
                _ => Err(CsvProblemKind::YesNo),
            },
            Kind::LegalForm => {
                let word = cell.to_lowercase().replace([' ', '-'], "_");
                match LegalForm::ALL.iter().find(|(w, _)| *w == word) {
                    Some((w, _)) => Ok(json!(w)),
                    None => Err(CsvProblemKind::LegalForm),
                }
            }
            Kind::Figure => match figure(cell) {
                Some(f) => Ok(json!(f)),
                None => Err(CsvProblemKind::Figure),
            },
            Kind::Gate => {
                let word = cell.to_lowercase();
                match GateOutcome::ALL.iter().find(|(w, _)| *w == word) {
                    Some((w, _)) => Ok(json!(w)),
                    None => Err(CsvProblemKind::Gate),
                }
            }
        };
        match value {
            Ok(v) => put(&mut bid, &col.at, v),
            Err(kind) => problems.push(at(kind)),
        }
    }
    price_or_rates(row, cells, columns, problems);
    // A bid without an id is numbered by its row, which the commissioner can find again.
    let id = if let Some(id) = bid.get("id").and_then(Value::as_str) {
        id.to_string()
    } else {
        let made = format!("row-{row}");
        put(&mut bid, "/id", json!(made));
        made
    };
    if !ids.insert(id.clone()) {
        problems.push(problem(
            row,
            Some("bid id"),
            Some(&id),
            CsvProblemKind::DuplicateId,
        ));
    }
    (problems.len() == before).then_some(bid)
}

/// A figure as the schema writes it (zero or more, at most 4 places), from what was typed.
fn figure(cell: &str) -> Option<String> {
    let t = cell.trim_end_matches('%').trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 4 || whole.len() > 13 {
        return None;
    }
    if t.contains('.') && frac.is_empty() {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Some(if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    })
}

/// Sets `v` at the JSON pointer `at` inside `bid`, making the objects on the way.
fn put(bid: &mut Value, at: &str, v: Value) {
    let mut here = bid;
    let parts: Vec<String> = at
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let Some((last, path)) = parts.split_last() else {
        return;
    };
    for p in path {
        let Value::Object(map) = here else { return };
        here = map
            .entry(p.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = here {
        map.insert(last.clone(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let r = records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n").unwrap();
        assert_eq!(
            r[0],
            (1, vec!["a".into(), "b, c".into(), "say \"hi\"".into()])
        );
        assert_eq!(r[1], (2, vec!["two\nlines".into(), "x".into()]));
        assert!(records("\"open").is_err());
    }

    #[test]
    fn figures_are_written_as_the_schema_wants() {
        assert_eq!(figure("80").as_deref(), Some("80"));
        assert_eq!(figure("12.5%").as_deref(), Some("12.5"));
        assert_eq!(figure("007").as_deref(), Some("7"));
        assert_eq!(figure("1.23456"), None);
        assert_eq!(figure("-1"), None);
        assert_eq!(figure("5."), None);
    }
}

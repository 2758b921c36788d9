//! Importing a tender from Open Contracting Data Standard (OCDS) data.
//!
//! Councils already publish their tenders as OCDS (Contracts Finder, Find a Tender, Public
//! Contracts Scotland, Sell2Wales), so a commissioner should not have to retype what is already
//! published before ulo can check it. [`import`] reads what an OCDS release or record says about
//! a tender's design and builds a draft ulo tender document from it, with a full account:
//!
//! - **mapped**: which OCDS field (a JSON pointer into the input) went to which ulo field (a
//!   pointer into the draft), with the value, and a note where the value was converted;
//! - **not mapped**: which OCDS fields were present but could not be used, and why;
//! - **to supply**: what the commissioner must still add, required fields first, then the facts
//!   the protocol's barrier rules use that the notice does not give;
//! - whether the draft is **complete** (it passes [`Protocol::tender`]) and, if not, the
//!   problems the engine finds with it.
//!
//! It never guesses. A value the notice does not give stays missing, so the barrier check says
//! "not stated" rather than passing quietly; figures written in prose are not read out of it;
//! a price weight is only carried over when the protocol's weights still make 100 without
//! choosing which other weight to change. Conversions that are arithmetic, not judgement (a
//! date-time to its date, a contract period to whole months, `0.3` as a decimal weight to 30%),
//! are made and each is noted.
//!
//! Accepted inputs: a release package holding one release, a record package holding one record,
//! a single release, or a record with its `compiledRelease`. Like the rest of the core this is
//! pure: no I/O, no clock, no floating-point arithmetic (OCDS numbers are read through their
//! shortest decimal text), and no panic on any input.

use crate::dates::Date;
use crate::error::{Input, OcdsProblem, Problem, ProblemKind, ProblemReport, Reports};
use crate::exact::Exact;
use crate::facts::TenderFact;
use crate::protocol::{Category, CriterionBody, Protocol, TEXT_MAX, TITLE_MAX};
use crate::read::is_id;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The shape the import came from, where in it the release was found, and what it says about
/// itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// `release_package`, `record_package`, `release` or `record`.
    pub form: &'static str,
    /// JSON pointer of the release that was read (`""` for a bare release).
    pub release_pointer: String,
    /// The contracting process's OCID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocid: Option<String>,
    /// The release's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_id: Option<String>,
    /// The release's date, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The release's tags (`tender`, `tenderAmendment`, `award`...).
    pub tags: Vec<String>,
    /// The package's publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The licence the package declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

/// One OCDS value carried into the draft tender.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapped {
    /// JSON pointer of the OCDS value in the input.
    pub from: String,
    /// JSON pointer of the ulo field in the draft tender.
    pub to: String,
    /// The value as put in the draft.
    pub value: Value,
    /// How the value was converted, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One OCDS value present in the input that the draft does not use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NotMapped {
    /// JSON pointer of the OCDS value in the input.
    pub from: String,
    /// The value, briefly.
    pub found: String,
    /// Why it was not used.
    pub reason: String,
}

/// An award criterion as the notice states it, with its weight read as a percentage when the
/// notice gives one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AwardCriterion {
    /// JSON pointer of the criterion in the input.
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
    pub weight_percent: Option<String>,
    /// Where the weight was read from: `percentageExact`, `decimalExact` (the `numbers` list of
    /// the award criteria extension) or `description` (the older shape of Public Contracts
    /// Scotland and Sell2Wales, with the weight written as the description).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_from: Option<&'static str>,
}

/// Something the commissioner must still add to the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToSupply {
    /// JSON pointer of the ulo field in the draft tender.
    pub field: String,
    /// Whether the tender cannot be read without it (a required field), as opposed to a fact
    /// the barrier rules need, which would otherwise show as not stated.
    pub required: bool,
    /// Why it is needed.
    pub reason: String,
    /// The protocol's tender facts that depend on it.
    pub facts: Vec<&'static str>,
}

/// The result of importing an OCDS release or record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Import {
    /// Always `ocds-import`.
    pub document: &'static str,
    /// What was read.
    pub source: Source,
    /// The draft ulo tender document.
    pub tender: Value,
    /// True when the draft passes the engine's tender check against the protocol, so it can be
    /// checked for barriers as it is.
    pub complete: bool,
    /// What the engine finds wrong with the draft (empty when complete): mostly required values
    /// the notice does not give.
    pub problems: Vec<ProblemReport>,
    /// What was carried over.
    pub mapped: Vec<Mapped>,
    /// What was present but not carried over, and why.
    pub not_mapped: Vec<NotMapped>,
    /// The award criteria the notice states, with their weights.
    pub award_criteria: Vec<AwardCriterion>,
    /// What the commissioner must still supply.
    pub to_supply: Vec<ToSupply>,
}

impl Protocol {
    /// Imports a tender from OCDS data (see [`crate::ocds`]).
    pub fn import_ocds(&self, input: &Value) -> Result<Import, Reports> {
        import(self, input)
    }
}

/// Parses OCDS JSON text strictly (duplicate keys, size and depth refused) and imports it.
pub fn import_json(protocol: &Protocol, text: &str) -> Result<Import, Reports> {
    let value = crate::json::parse(text, Input::Ocds).map_err(Reports::from)?;
    import(protocol, &value)
}

/// Imports a tender from an OCDS release package, record package, release or record, against
/// `protocol` (whose weights, tunable ranges and barrier rules decide what can be mapped and
/// what must still be supplied).
pub fn import(protocol: &Protocol, input: &Value) -> Result<Import, Reports> {
    let located = locate(input).map_err(Reports::from)?;
    let release = located.release;
    let Some(tender) = release.get("tender").filter(|t| !t.is_null()) else {
        return Err(ocds(
            located.source.release_pointer.clone(),
            OcdsProblem::NoTender,
        )
        .into());
    };
    if !tender.is_object() {
        return Err(ocds(
            format!("{}/tender", located.source.release_pointer),
            OcdsProblem::TenderNotObject {
                found: brief(tender),
            },
        )
        .into());
    }
    let mut im = Importer {
        base: located.source.release_pointer.clone(),
        release,
        tender,
        draft: Map::new(),
        mapped: Vec::new(),
        not_mapped: Vec::new(),
        criteria: Vec::new(),
        used_tender_keys: BTreeSet::new(),
        has_conditions_from_import: false,
        text_mentions: Vec::new(),
        tender_period_used: false,
        tender_period_reported: false,
    };
    im.draft.insert("document".into(), Value::from("tender"));
    im.map_id();
    im.map_title();
    im.map_authority();
    im.map_service();
    im.map_dates();
    im.map_lots();
    im.map_no_lots_reason();
    im.map_award_criteria(protocol);
    im.map_selection_criteria();
    im.map_techniques();
    im.report_suitability();
    im.report_other_requirements();
    im.report_remaining();
    let to_supply = im.to_supply(protocol);
    let tender_value = Value::Object(im.draft);
    let (complete, problems) = match protocol.tender(&tender_value) {
        Ok(_) => (true, Vec::new()),
        Err(p) => (false, p.reports()),
    };
    Ok(Import {
        document: "ocds-import",
        source: located.source,
        tender: tender_value,
        complete,
        problems,
        mapped: im.mapped,
        not_mapped: im.not_mapped,
        award_criteria: im.criteria,
        to_supply,
    })
}

fn ocds(pointer: impl Into<String>, problem: OcdsProblem) -> Problem {
    Problem::new(Input::Ocds, pointer, ProblemKind::Ocds(problem))
}

fn compiled(record: &Value, pointer: String) -> Result<&Value, Problem> {
    record
        .get("compiledRelease")
        .filter(|c| c.is_object())
        .ok_or_else(|| ocds(pointer, OcdsProblem::NoCompiledRelease))
}

struct Located<'a> {
    release: &'a Value,
    source: Source,
}

fn text_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

fn locate(input: &Value) -> Result<Located<'_>, Problem> {
    let Some(obj) = input.as_object() else {
        return Err(ocds(
            "",
            OcdsProblem::NotObject {
                found: brief(input),
            },
        ));
    };
    let publisher = obj
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let license = text_of(obj.get("license"));
    let source = |form, pointer: String, release: &Value, ocid: Option<String>| Source {
        form,
        release_pointer: pointer,
        ocid: text_of(release.get("ocid")).or(ocid),
        release_id: text_of(release.get("id")),
        date: text_of(release.get("date")),
        tags: release
            .get("tag")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        publisher: publisher.clone(),
        license: license.clone(),
    };
    let only_one = |list: &'static str, items: &Value| -> Result<(), Problem> {
        let Some(a) = items.as_array() else {
            let found = brief(items);
            return Err(ocds(
                format!("/{list}"),
                OcdsProblem::NotAList { list, found },
            ));
        };
        match a.len() {
            1 => Ok(()),
            0 => Err(ocds(format!("/{list}"), OcdsProblem::EmptyPackage { list })),
            count => Err(ocds(
                format!("/{list}"),
                OcdsProblem::SeveralReleases { list, count },
            )),
        }
    };
    if let Some(releases) = obj.get("releases") {
        only_one("releases", releases)?;
        let release = &releases[0];
        return Ok(Located {
            release,
            source: source("release_package", "/releases/0".into(), release, None),
        });
    }
    if let Some(records) = obj.get("records") {
        only_one("records", records)?;
        let record = &records[0];
        let release = compiled(record, "/records/0".into())?;
        return Ok(Located {
            release,
            source: source(
                "record_package",
                "/records/0/compiledRelease".into(),
                release,
                text_of(record.get("ocid")),
            ),
        });
    }
    if obj.contains_key("compiledRelease") {
        let release = compiled(input, String::new())?;
        return Ok(Located {
            release,
            source: source(
                "record",
                "/compiledRelease".into(),
                release,
                text_of(obj.get("ocid")),
            ),
        });
    }
    if obj.contains_key("ocid") || obj.contains_key("tender") {
        return Ok(Located {
            release: input,
            source: source("release", String::new(), input, None),
        });
    }
    Err(ocds("", OcdsProblem::NotRecognised))
}

/// A value in a few words, for `found`.
fn brief(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let count = s.chars().count();
            if count > 80 {
                let head: String = s.chars().take(77).collect();
                format!("\"{head}...\" ({count} characters)")
            } else {
                format!("\"{s}\"")
            }
        }
        Value::Array(a) => match a.len() {
            1 => "a list of 1 item".into(),
            n => format!("a list of {n} items"),
        },
        Value::Object(o) => {
            let keys: Vec<&str> = o.keys().map(String::as_str).take(6).collect();
            let more = if o.len() > 6 { ", ..." } else { "" };
            format!("an object with {}{more}", keys.join(", "))
        }
    }
}

/// The value at `path` (object keys, or list indexes written as numbers), treating JSON null
/// as absent (OCDS publishers write null for "none").
fn get<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    let mut cur = v;
    for key in path {
        cur = match cur {
            Value::Object(o) => o.get(*key)?,
            Value::Array(a) => a.get(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    (!cur.is_null()).then_some(cur)
}

/// Text trimmed and fitted to `max` characters; the bool says whether it was shortened.
/// `None` when the value is not text or is blank.
fn fit(v: &Value, max: usize) -> Option<(String, bool)> {
    let s = v.as_str()?.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().count() <= max {
        return Some((s.to_string(), false));
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('\u{2026}');
    Some((out, true))
}

/// An id in ulo's form made from any text: characters outside letters, digits, dots, dashes and
/// underscores become dashes, runs of dashes collapse, and it is cut to 64 characters.
fn slug(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    let trimmed = out.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let cut: String = trimmed.chars().take(64).collect();
    let cut = cut.trim_end_matches('-').to_string();
    is_id(&cut).then_some(cut)
}

/// A non-negative decimal written in plain digits, normalised (no leading zeros, no trailing
/// zeros after the point). `Err` says why not.
fn plain_decimal(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err("it is negative".into());
    }
    if t.contains(['e', 'E']) {
        return Err("it is written with an exponent".into());
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (t.contains('.') && frac.is_empty())
    {
        return Err("it is not a plain number".into());
    }
    let whole = whole.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Ok(if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    })
}

/// The decimal text of an OCDS number (or numeric text): the shortest decimal that reads back
/// as the same number, which is what the publisher wrote.
fn number_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// An OCDS `Value` (`{amount, currency}`) as a ulo amount in pounds. `Err` says why not.
fn money(v: &Value) -> Result<String, String> {
    let Some(amount) = get(v, &["amount"]) else {
        return Err("it gives no amount".into());
    };
    let Some(text) = number_text(amount) else {
        return Err(format!("the amount is {}, not a number", brief(amount)));
    };
    match get(v, &["currency"]).and_then(Value::as_str) {
        Some("GBP") => {}
        Some(c) => {
            return Err(format!(
                "the amount is in {c}; ulo works in pounds sterling (GBP) and does not convert currencies"
            ))
        }
        None => {
            return Err(
                "no currency is given; ulo works in pounds sterling and does not assume a currency"
                    .into(),
            )
        }
    }
    let d =
        plain_decimal(&text).map_err(|why| format!("the amount {text} cannot be used: {why}"))?;
    let (whole, frac) = d.split_once('.').unwrap_or((&d, ""));
    if frac.len() > 2 {
        return Err(format!(
            "the amount {d} has more than two decimal places; ulo does not round it"
        ));
    }
    if whole.len() > 13 {
        return Err(format!(
            "the amount {d} is larger than ulo accepts (13 digits)"
        ));
    }
    if d == "0" {
        return Err("the amount is 0; an estimated value above 0 is needed".into());
    }
    Ok(d)
}

/// The date part of an OCDS date-time (`2025-02-20T12:00:00Z` gives 2025-02-20, the date as the
/// publisher wrote it, in its own time zone).
fn date_part(v: &Value) -> Option<Date> {
    let s = v.as_str()?.trim();
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    Date::parse(head)
}

/// Whole months from `start` to `end` inclusive (a period ending 2026-03-31 that starts on
/// 2025-04-01 is 12 months). A period that is not a whole number of months is rounded to the
/// nearest month, and the note says so.
fn months_between(start: Date, end: Date) -> Result<(i64, Option<String>), String> {
    let stop = end
        .next_day()
        .ok_or_else(|| "the end date is out of range".to_string())?;
    if stop <= start {
        return Err(format!(
            "the end date {end} is before the start date {start}"
        ));
    }
    let (sy, sm, _) = start.ymd();
    let (ey, em, _) = stop.ymd();
    let mut n = (i64::from(ey) - i64::from(sy)) * 12 + (i64::from(em) - i64::from(sm));
    while n > 0 && start.add_months(n).is_none_or(|d| d > stop) {
        n -= 1;
    }
    let base = start
        .add_months(n)
        .ok_or_else(|| "the period is out of range".to_string())?;
    let rest = base.days_until(stop);
    if rest == 0 {
        return Ok((n, None));
    }
    let next = start
        .add_months(n + 1)
        .ok_or_else(|| "the period is out of range".to_string())?;
    let span = base.days_until(next);
    let rounded = if 2 * rest >= span { n + 1 } else { n };
    Ok((
        rounded,
        Some(format!(
            "from {start} to {end} is {n} months and {rest} day{}, rounded to the nearest whole month",
            if rest == 1 { "" } else { "s" }
        )),
    ))
}

/// Months from a duration in days. Notices that state a duration in months give it in days as
/// 30-day months (36 months is written 1080 days), so an exact multiple of 30 is read that way;
/// any other count is converted at 365.25 / 12 days a month and rounded.
fn months_from_days(days: i64) -> Result<(i64, String), String> {
    if days <= 0 {
        return Err(format!("the duration is {days} days"));
    }
    if days % 30 == 0 {
        return Ok((
            days / 30,
            format!("{days} days is exactly {} months of 30 days", days / 30),
        ));
    }
    // Nearest whole number of days * 12 / 365.25, in integers: (days * 48 + 1461 / 2) / 1461.
    let months = (days.saturating_mul(96).saturating_add(1461)) / 2922;
    Ok((
        months,
        format!("{days} days at 365.25 / 12 days a month, rounded to {months} months"),
    ))
}

/// A bare number written as text, as the older Scottish and Welsh notices give weights (`"70"`,
/// `"17.5"`, `"30%"`).
fn bare_number(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    plain_decimal(t).ok()
}

/// A money figure written as text in a selection criterion's `minimum` (`"300000"`,
/// `"300,000"`, `"£300,000"`, `"GBP 300,000"`): digits with optional thousands commas in groups
/// of three and a pound sign or GBP. Anything more (words, ranges) is not read.
fn money_text(s: &str) -> Option<String> {
    let mut t = s.trim();
    for affix in ["GBP", "£"] {
        if let Some(r) = t.strip_prefix(affix) {
            t = r.trim_start();
        }
        if let Some(r) = t.strip_suffix(affix) {
            t = r.trim_end();
        }
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok {
        return None;
    }
    let digits = groups.concat();
    let joined = if t.contains('.') {
        format!("{digits}.{frac}")
    } else {
        digits
    };
    plain_decimal(&joined).ok()
}

/// An award criterion's type, and its weight in percent with the pointer of the value it was
/// read from, if the notice gives one.
type Weighed = (Option<String>, Option<(Exact, String)>);

struct Importer<'a> {
    base: String,
    release: &'a Value,
    tender: &'a Value,
    draft: Map<String, Value>,
    mapped: Vec<Mapped>,
    not_mapped: Vec<NotMapped>,
    criteria: Vec<AwardCriterion>,
    /// Keys of the OCDS tender the importer has looked at; the rest are reported as having no
    /// place in a ulo tender.
    used_tender_keys: BTreeSet<&'static str>,
    /// Whether the draft's `conditions` section was created by the import (from a minimum
    /// turnover), so the commissioner is told what its presence implies.
    has_conditions_from_import: bool,
    /// Things the notice's free text mentions that the commissioner should enter as figures.
    text_mentions: Vec<(String, &'static str)>,
    /// Whether the tender's contract period gave some lot its months.
    tender_period_used: bool,
    /// Whether the tender's contract period has been reported as unusable.
    tender_period_reported: bool,
}

impl Importer<'_> {
    fn at(&self, path: &[&str]) -> String {
        let mut p = self.base.clone();
        for t in path {
            p.push('/');
            p.push_str(&crate::json::escape_token(t));
        }
        p
    }

    fn tender_at(&self, path: &[&str]) -> String {
        let mut full = vec!["tender"];
        full.extend_from_slice(path);
        self.at(&full)
    }

    fn put(&mut self, from: String, to: &str, value: Value, note: Option<String>) {
        self.draft.insert(to.to_string(), value.clone());
        self.mapped.push(Mapped {
            from,
            to: format!("/{to}"),
            value,
            note,
        });
    }

    fn skip(&mut self, from: String, found: &Value, reason: impl Into<String>) {
        self.not_mapped.push(NotMapped {
            from,
            found: brief(found),
            reason: reason.into(),
        });
    }

    fn use_key(&mut self, key: &'static str) {
        self.used_tender_keys.insert(key);
    }

    fn map_id(&mut self) {
        self.use_key("id");
        if let Some(v) = get(self.tender, &["id"]) {
            let text = number_text(v).unwrap_or_default();
            if is_id(&text) {
                let from = self.tender_at(&["id"]);
                self.put(from, "id", Value::from(text), None);
                return;
            }
            if let Some(s) = slug(&text) {
                let from = self.tender_at(&["id"]);
                let note = format!(
                    "changed from {} to fit ulo's id form (letters, digits, dots, dashes and underscores, up to 64)",
                    brief(v)
                );
                self.put(from, "id", Value::from(s), Some(note));
                return;
            }
            let from = self.tender_at(&["id"]);
            self.skip(from, v, "it has no letters or digits to make an id from");
        }
        if let Some(ocid) = get(self.release, &["ocid"]) {
            if let Some(s) = ocid.as_str().and_then(slug) {
                let from = self.at(&["ocid"]);
                let note =
                    Some("the tender has no usable id, so the process's OCID is used".to_string());
                self.put(from, "id", Value::from(s), note);
            }
        }
    }

    fn map_text(&mut self, path: &[&'static str], to: &str, max: usize) -> bool {
        if let Some(v) = get(self.tender, path) {
            let from = self.tender_at(path);
            match fit(v, max) {
                Some((text, shortened)) => {
                    let note = shortened.then(|| {
                        format!(
                            "shortened to {max} characters (ulo's limit); the notice has the full text"
                        )
                    });
                    self.put(from, to, Value::from(text), note);
                    return true;
                }
                None => self.skip(from, v, "it is not text, or it is blank"),
            }
        }
        false
    }

    fn map_title(&mut self) {
        self.use_key("title");
        self.map_text(&["title"], "title", TITLE_MAX);
    }

    fn map_service(&mut self) {
        self.use_key("description");
        if self.map_text(&["description"], "service", TEXT_MAX) && self.is_amendment() {
            if let Some(m) = self.mapped.last_mut() {
                let amended = "this release amends the tender, so its description may describe the change rather than the service";
                m.note = Some(match m.note.take() {
                    Some(n) => format!("{n}; {amended}"),
                    None => amended.to_string(),
                });
            }
        }
    }

    fn is_amendment(&self) -> bool {
        get(self.release, &["tag"])
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|x| x.as_str() == Some("tenderAmendment")))
    }

    fn map_authority(&mut self) {
        self.use_key("procuringEntity");
        let mut candidates: Vec<(String, &Value, Option<&str>)> = Vec::new();
        if let Some(v) = get(self.release, &["buyer", "name"]) {
            candidates.push((self.at(&["buyer", "name"]), v, None));
        }
        if let Some(parties) = get(self.release, &["parties"]).and_then(Value::as_array) {
            for (i, p) in parties.iter().enumerate() {
                let is_buyer = p
                    .get("roles")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|x| x.as_str() == Some("buyer")));
                if let (true, Some(v)) = (is_buyer, get(p, &["name"])) {
                    let idx = i.to_string();
                    candidates.push((
                        self.at(&["parties", &idx, "name"]),
                        v,
                        Some("the party with the role \"buyer\""),
                    ));
                    break;
                }
            }
        }
        if let Some(v) = get(self.tender, &["procuringEntity", "name"]) {
            candidates.push((
                self.tender_at(&["procuringEntity", "name"]),
                v,
                Some("the procuring entity, as the release names no buyer"),
            ));
        }
        for (from, v, note) in candidates {
            if let Some((text, shortened)) = fit(v, TITLE_MAX) {
                let note = match (note, shortened) {
                    (Some(n), true) => Some(format!("{n}; shortened to {TITLE_MAX} characters")),
                    (Some(n), false) => Some(n.to_string()),
                    (None, true) => Some(format!("shortened to {TITLE_MAX} characters")),
                    (None, false) => None,
                };
                self.put(from, "authority", Value::from(text), note);
                return;
            }
        }
    }

    fn map_dates(&mut self) {
        self.use_key("tenderPeriod");
        self.use_key("datePublished");
        let start = get(self.tender, &["tenderPeriod", "startDate"]);
        let published = get(self.tender, &["datePublished"]);
        let mut used_start = false;
        if let Some(v) = start {
            let from = self.tender_at(&["tenderPeriod", "startDate"]);
            match date_part(v) {
                Some(d) => {
                    self.put(
                        from,
                        "published",
                        Value::from(d.to_string()),
                        date_note(v, d),
                    );
                    used_start = true;
                }
                None => self.skip(from, v, "it is not a date"),
            }
        }
        if let Some(v) = published {
            let from = self.tender_at(&["datePublished"]);
            if used_start {
                self.skip(
                    from,
                    v,
                    "the tender period's start date was used as the publication date",
                );
            } else {
                match date_part(v) {
                    Some(d) => {
                        let note = Some(format!(
                            "the date the tender notice was first published (the tender period gives no start date){}",
                            date_note(v, d).map(|n| format!("; {n}")).unwrap_or_default()
                        ));
                        self.put(from, "published", Value::from(d.to_string()), note);
                    }
                    None => self.skip(from, v, "it is not a date"),
                }
            }
        }
        if let Some(v) = get(self.tender, &["tenderPeriod", "endDate"]) {
            let from = self.tender_at(&["tenderPeriod", "endDate"]);
            match date_part(v) {
                Some(d) => {
                    let note = date_note(v, d);
                    self.put(from, "response_deadline", Value::from(d.to_string()), note);
                }
                None => self.skip(from, v, "it is not a date"),
            }
        }
        if let Some(period) = get(self.tender, &["tenderPeriod"]).and_then(Value::as_object) {
            for key in ["durationInDays", "maxExtentDate"] {
                if let Some(v) = period.get(key).filter(|v| !v.is_null()) {
                    let from = self.tender_at(&["tenderPeriod", key]);
                    self.skip(
                        from,
                        v,
                        "ulo counts the response window from the publication date to the deadline",
                    );
                }
            }
        }
        if !self.draft.contains_key("published") {
            if let Some(v) = get(self.release, &["date"]) {
                let from = self.at(&["date"]);
                self.skip(
                    from,
                    v,
                    "this is when the release was published, which need not be when the tender was; the notice gives no publication date for the tender",
                );
            }
        }
    }

    /// The contract length of `period` (an OCDS `Period`) in months, with a note on how it was
    /// worked out. `Err` says why it cannot be.
    fn period_months(&self, period: &Value) -> Result<(i64, String, Option<String>), String> {
        if let Some(m) = get(period, &["durationInMonths"]) {
            return match m.as_i64() {
                Some(n) => Ok((n, "durationInMonths".into(), None)),
                None => Err(format!(
                    "durationInMonths is {}, not a whole number",
                    brief(m)
                )),
            };
        }
        let start = get(period, &["startDate"]);
        let end = get(period, &["endDate"]);
        if let (Some(s), Some(e)) = (start, end) {
            let (Some(sd), Some(ed)) = (date_part(s), date_part(e)) else {
                return Err("its start or end is not a date".into());
            };
            let (n, note) = months_between(sd, ed)?;
            return Ok((n, "startDate".into(), note));
        }
        if let Some(d) = get(period, &["durationInDays"]) {
            let Some(days) = d.as_i64() else {
                return Err(format!(
                    "durationInDays is {}, not a whole number",
                    brief(d)
                ));
            };
            let (n, note) = months_from_days(days)?;
            return Ok((n, "durationInDays".into(), Some(note)));
        }
        if start.is_some() || get(period, &["maxExtentDate"]).is_some() {
            return Err("it gives no end date or duration".into());
        }
        Err("it gives no dates or duration".into())
    }

    /// The months of lot `out_index`: from the lot's own contract period, else from the
    /// tender's, which OCDS applies to every lot that does not override it.
    fn map_months(&mut self, lot_path: Option<&[&str]>, out_index: usize) -> Option<Value> {
        let to = format!("/lots/{out_index}/months");
        if let Some(lp) = lot_path {
            let mut p = lp.to_vec();
            p.push("contractPeriod");
            if let Some(period) = get(self.tender, &p).cloned() {
                let from = self.tender_at(&p);
                match self.period_months(&period) {
                    Ok((n, key, note)) if (1..=240).contains(&n) => {
                        self.mapped.push(Mapped {
                            from: format!("{from}/{key}"),
                            to,
                            value: Value::from(n),
                            note,
                        });
                        return Some(Value::from(n));
                    }
                    Ok((n, _, _)) => self.skip(from, &period, months_out_of_range(n)),
                    Err(why) => self.skip(
                        from,
                        &period,
                        format!("no contract length in months: {why}"),
                    ),
                }
            }
        }
        let period = get(self.tender, &["contractPeriod"])?.clone();
        let from = self.tender_at(&["contractPeriod"]);
        match self.period_months(&period) {
            Ok((n, key, note)) if (1..=240).contains(&n) => {
                self.tender_period_used = true;
                let via = lot_path.map(|_| {
                    "the tender's contract period, which applies to every lot that does not give its own".to_string()
                });
                let note = [via, note]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("; ");
                self.mapped.push(Mapped {
                    from: format!("{from}/{key}"),
                    to,
                    value: Value::from(n),
                    note: (!note.is_empty()).then_some(note),
                });
                Some(Value::from(n))
            }
            other => {
                if !self.tender_period_reported {
                    self.tender_period_reported = true;
                    let why = match other {
                        Ok((n, _, _)) => months_out_of_range(n),
                        Err(why) => format!("no contract length in months: {why}"),
                    };
                    self.skip(from, &period, why);
                }
                None
            }
        }
    }

    fn map_lots(&mut self) {
        self.use_key("lots");
        self.use_key("value");
        self.use_key("contractPeriod");
        self.use_key("minValue");
        let lots: Vec<Value> = get(self.tender, &["lots"])
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut out = Vec::new();
        if lots.is_empty() {
            out.push(self.lot_from_tender());
        } else {
            let mut ids: BTreeSet<String> = BTreeSet::new();
            let single = lots.len() == 1;
            let mut kept = 0usize;
            for (i, lot) in lots.iter().enumerate() {
                let idx = i.to_string();
                if let Some(status) = get(lot, &["status"]).and_then(Value::as_str) {
                    if matches!(status, "cancelled" | "unsuccessful" | "withdrawn") {
                        let from = self.tender_at(&["lots", &idx]);
                        self.skip(
                            from,
                            lot,
                            format!(
                                "the lot's status is \"{status}\", so it is not part of the tender"
                            ),
                        );
                        continue;
                    }
                }
                if !lot.is_object() {
                    let from = self.tender_at(&["lots", &idx]);
                    self.skip(
                        from,
                        lot,
                        "a lot should be an object with an id, title and value",
                    );
                    continue;
                }
                let l = self.lot(lot, i, kept, single, &mut ids);
                out.push(l);
                kept += 1;
            }
            if out.is_empty() {
                out.push(self.lot_from_tender());
            }
        }
        // The tender's value is a lot's value only when there is one lot; otherwise it is the
        // total, which ulo does not split between lots.
        if out.len() > 1 {
            if let Some(v) = get(self.tender, &["value"]).cloned() {
                let from = self.tender_at(&["value"]);
                self.skip(
                    from,
                    &v,
                    "ulo records each lot's value; the tender's total is not split between lots",
                );
            }
        }
        if !self.tender_period_used && !self.tender_period_reported {
            if let Some(v) = get(self.tender, &["contractPeriod"]).cloned() {
                let from = self.tender_at(&["contractPeriod"]);
                self.skip(
                    from,
                    &v,
                    "every lot gives its own contract period, which is used instead",
                );
            }
        }
        if let Some(v) = get(self.tender, &["minValue"]).cloned() {
            let from = self.tender_at(&["minValue"]);
            self.skip(
                from,
                &v,
                "ulo takes one estimated value per lot; the notice's value (its maximum estimate) is used where it can be",
            );
        }
        self.draft.insert("lots".into(), Value::Array(out));
    }

    /// One ulo lot from the whole tender, when the notice has no lots.
    fn lot_from_tender(&mut self) -> Value {
        let mut lot = Map::new();
        let whole = "the notice has no lots, so the whole tender is one lot";
        self.mapped.push(Mapped {
            from: self.tender_at(&[]),
            to: "/lots/0/id".into(),
            value: Value::from("lot-1"),
            note: Some(format!("{whole}, given the id \"lot-1\"")),
        });
        lot.insert("id".into(), Value::from("lot-1"));
        if let Some((title, _)) = get(self.tender, &["title"]).and_then(|v| fit(v, TITLE_MAX)) {
            self.mapped.push(Mapped {
                from: self.tender_at(&["title"]),
                to: "/lots/0/title".into(),
                value: Value::from(title.clone()),
                note: Some(whole.into()),
            });
            lot.insert("title".into(), Value::from(title));
        }
        if let Some(v) = get(self.tender, &["value"]).cloned() {
            let from = self.tender_at(&["value"]);
            match money(&v) {
                Ok(amount) => {
                    self.mapped.push(Mapped {
                        from: format!("{from}/amount"),
                        to: "/lots/0/value".into(),
                        value: Value::from(amount.clone()),
                        note: Some(whole.into()),
                    });
                    lot.insert("value".into(), Value::from(amount));
                }
                Err(why) => self.skip(from, &v, why),
            }
        }
        if let Some(m) = self.map_months(None, 0) {
            lot.insert("months".into(), m);
        }
        Value::Object(lot)
    }

    fn lot(
        &mut self,
        lot: &Value,
        i: usize,
        out_index: usize,
        single: bool,
        ids: &mut BTreeSet<String>,
    ) -> Value {
        let idx = i.to_string();
        let mut l = Map::new();
        let to = |field: &str| format!("/lots/{out_index}/{field}");
        // Id.
        let raw_id = get(lot, &["id"]).and_then(number_text).unwrap_or_default();
        let (mut id, mut note) = if is_id(&raw_id) {
            (raw_id.clone(), None)
        } else if let Some(s) = slug(&raw_id) {
            (
                s,
                Some(format!("changed from \"{raw_id}\" to fit ulo's id form")),
            )
        } else {
            (
                format!("lot-{}", i + 1),
                Some("the lot has no usable id, so one was made from its place in the list".into()),
            )
        };
        if ids.contains(&id) {
            let mut n = 2;
            while ids.contains(&format!("{id}-{n}")) {
                n += 1;
            }
            id = format!("{id}-{n}");
            note = Some("the lot's id repeats another lot's, so a number was added".into());
        }
        ids.insert(id.clone());
        let id_from = if get(lot, &["id"]).is_some() {
            self.tender_at(&["lots", &idx, "id"])
        } else {
            self.tender_at(&["lots", &idx])
        };
        self.mapped.push(Mapped {
            from: id_from,
            to: to("id"),
            value: Value::from(id.clone()),
            note,
        });
        l.insert("id".into(), Value::from(id));
        // Title: the lot's, or the tender's for the only lot.
        let title = match get(lot, &["title"]).and_then(|v| fit(v, TITLE_MAX)) {
            Some((t, short)) => Some((
                self.tender_at(&["lots", &idx, "title"]),
                t,
                short.then(|| format!("shortened to {TITLE_MAX} characters")),
            )),
            None if single => get(self.tender, &["title"])
                .and_then(|v| fit(v, TITLE_MAX))
                .map(|(t, _)| {
                    (
                        self.tender_at(&["title"]),
                        t,
                        Some(
                            "the only lot has no title of its own, so it takes the tender's".into(),
                        ),
                    )
                }),
            None => None,
        };
        if let Some((from, t, note)) = title {
            self.mapped.push(Mapped {
                from,
                to: to("title"),
                value: Value::from(t.clone()),
                note,
            });
            l.insert("title".into(), Value::from(t));
        }
        if let Some(v) = get(lot, &["description"]) {
            let from = self.tender_at(&["lots", &idx, "description"]);
            match fit(v, TEXT_MAX) {
                Some((t, short)) => {
                    self.mapped.push(Mapped {
                        from,
                        to: to("description"),
                        value: Value::from(t.clone()),
                        note: short.then(|| format!("shortened to {TEXT_MAX} characters")),
                    });
                    l.insert("description".into(), Value::from(t));
                }
                None => self.skip(from, v, "it is not text, or it is blank"),
            }
        }
        // Value: the lot's, or the tender's for the only lot.
        let mut value_done = false;
        if let Some(v) = get(lot, &["value"]) {
            let from = self.tender_at(&["lots", &idx, "value"]);
            match money(v) {
                Ok(a) => {
                    self.mapped.push(Mapped {
                        from: format!("{from}/amount"),
                        to: to("value"),
                        value: Value::from(a.clone()),
                        note: None,
                    });
                    l.insert("value".into(), Value::from(a));
                    value_done = true;
                }
                Err(why) => self.skip(from, v, why),
            }
        }
        if !value_done && single {
            if let Some(v) = get(self.tender, &["value"]).cloned() {
                let from = self.tender_at(&["value"]);
                match money(&v) {
                    Ok(a) => {
                        self.mapped.push(Mapped {
                            from: format!("{from}/amount"),
                            to: to("value"),
                            value: Value::from(a.clone()),
                            note: Some(
                                "the only lot has no value of its own, so it takes the tender's"
                                    .into(),
                            ),
                        });
                        l.insert("value".into(), Value::from(a));
                    }
                    Err(why) => self.skip(from, &v, why),
                }
            }
        }
        if let Some(v) = get(lot, &["minimumValue"]) {
            let from = self.tender_at(&["lots", &idx, "minimumValue"]);
            self.skip(
                from,
                v,
                "ulo takes one estimated value per lot: the lot's value (its maximum estimate)",
            );
        }
        let lot_path = ["lots", idx.as_str()];
        if let Some(m) = self.map_months(Some(&lot_path), out_index) {
            l.insert("months".into(), m);
        }
        for key in ["hasRenewal", "renewal", "hasOptions", "options"] {
            if let Some(v) = get(lot, &[key]) {
                let from = self.tender_at(&["lots", &idx, key]);
                self.skip(
                    from,
                    v,
                    "ulo's months are the initial contract period; renewals and options are not counted",
                );
            }
        }
        Value::Object(l)
    }

    fn map_no_lots_reason(&mut self) {
        self.use_key("lotDetails");
        let Some(details) = get(self.tender, &["lotDetails"])
            .and_then(Value::as_object)
            .cloned()
        else {
            return;
        };
        for (key, v) in &details {
            if v.is_null() {
                continue;
            }
            let from = self.tender_at(&["lotDetails", key]);
            if key == "noLotsDivisionRationale" {
                match fit(v, TEXT_MAX) {
                    Some((t, short)) => {
                        let note = short.then(|| format!("shortened to {TEXT_MAX} characters"));
                        self.put(from, "no_lots_reason", Value::from(t), note);
                    }
                    None => self.skip(from, v, "it is not text, or it is blank"),
                }
            } else {
                self.skip(from, v, "ulo's tender has no field for this");
            }
        }
    }

    /// The award criteria of one list, with weights as percentages.
    fn read_criteria(&mut self, path: &[&str], lot: Option<String>) -> Vec<Weighed> {
        let Some(list) = get(self.tender, path).and_then(Value::as_array).cloned() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (j, c) in list.iter().enumerate() {
            let jdx = j.to_string();
            let mut cpath = path.to_vec();
            cpath.push(&jdx);
            let from = self.tender_at(&cpath);
            let kind = get(c, &["type"])
                .and_then(Value::as_str)
                .map(str::to_string);
            let name = get(c, &["name"])
                .and_then(Value::as_str)
                .map(str::to_string);
            let mut weight: Option<(Exact, &'static str, String)> = None;
            if let Some(numbers) = get(c, &["numbers"]).and_then(Value::as_array) {
                for (k, n) in numbers.iter().enumerate() {
                    let npath = format!("{from}/numbers/{k}");
                    let shape = get(n, &["weight"]).and_then(Value::as_str);
                    let number = get(n, &["number"]).and_then(number_text);
                    match (shape, number) {
                        (Some(s @ ("percentageExact" | "decimalExact")), Some(text))
                            if weight.is_none() =>
                        {
                            let (scale, shape) = if s == "decimalExact" {
                                (Exact::HUNDRED, "decimalExact")
                            } else {
                                (Exact::ONE, "percentageExact")
                            };
                            match plain_decimal(&text)
                                .ok()
                                .and_then(|d| Exact::parse_decimal(&d))
                                .and_then(|e| e.mul(scale).ok())
                            {
                                Some(w) if w <= Exact::HUNDRED => {
                                    weight = Some((w, shape, format!("{npath}/number")))
                                }
                                _ => self.skip(
                                    npath,
                                    n,
                                    "the weight is not a percentage from 0 to 100",
                                ),
                            }
                        }
                        (Some(s), _) if s != "percentageExact" && s != "decimalExact" => self.skip(
                            npath,
                            n,
                            format!("a \"{s}\" weight is not an exact share of the marks, so it is shown but not used"),
                        ),
                        (None, _) if get(n, &["threshold"]).is_some() => self.skip(
                            npath,
                            n,
                            "minimum scores come from the protocol's award model, not from the notice",
                        ),
                        (None, _) if get(n, &["fixed"]).is_some() => self.skip(
                            npath,
                            n,
                            "a fixed price is not something ulo's tender records",
                        ),
                        _ => {}
                    }
                }
            }
            if weight.is_none() {
                if let Some(w) = get(c, &["description"])
                    .and_then(Value::as_str)
                    .and_then(bare_number)
                    .and_then(|d| Exact::parse_decimal(&d))
                    .filter(|w| *w <= Exact::HUNDRED)
                {
                    weight = Some((w, "description", format!("{from}/description")));
                }
            }
            out.push((
                kind.clone(),
                weight.as_ref().map(|(w, _, p)| (*w, p.clone())),
            ));
            self.criteria.push(AwardCriterion {
                from,
                lot: lot.clone(),
                kind,
                name,
                weight_percent: weight.as_ref().map(|(w, ..)| w.to_exact_string()),
                weight_from: weight.as_ref().map(|(_, s, _)| *s),
            });
        }
        out
    }

    fn map_award_criteria(&mut self, protocol: &Protocol) {
        self.use_key("awardCriteria");
        self.use_key("awardCriteriaDetails");
        self.use_key("lotGroups");
        // (label for messages, pointer of the list, criteria)
        let mut groups: Vec<(String, String, Vec<Weighed>)> = Vec::new();
        let lots: Vec<Value> = get(self.tender, &["lots"])
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (i, lot) in lots.iter().enumerate() {
            let idx = i.to_string();
            let lot_id = get(lot, &["id"]).and_then(number_text);
            let path = ["lots", idx.as_str(), "awardCriteria", "criteria"];
            let c = self.read_criteria(&path, lot_id.clone());
            if !c.is_empty() {
                let label = match &lot_id {
                    Some(id) => format!("lot \"{id}\""),
                    None => format!("lot {}", i + 1),
                };
                groups.push((label, self.tender_at(&path), c));
            }
        }
        let code = get(self.tender, &["awardCriteria"]).cloned();
        match &code {
            Some(Value::Object(_)) => {
                let path = ["awardCriteria", "criteria"];
                let c = self.read_criteria(&path, None);
                if !c.is_empty() {
                    groups.push(("the tender".into(), self.tender_at(&path), c));
                }
            }
            Some(v @ Value::String(s)) => {
                let from = self.tender_at(&["awardCriteria"]);
                let reason = match s.as_str() {
                    "priceOnly" | "costOnly" => format!(
                        "the notice awards on price alone (\"{s}\"), so price would decide all the marks; {}",
                        price_range_text(protocol)
                    ),
                    "qualityOnly" => format!(
                        "the notice awards on quality alone, with no marks for price; {}",
                        price_range_text(protocol)
                    ),
                    _ => "the notice names its award basis but gives no weights".to_string(),
                };
                self.skip(from, v, reason);
            }
            _ => {}
        }
        for key in ["awardCriteriaDetails", "lotGroups"] {
            if let Some(v) = get(self.tender, &[key]).cloned() {
                let from = self.tender_at(&[key]);
                self.skip(
                    from,
                    &v,
                    "free text or grouping that ulo does not read figures from",
                );
            }
        }
        if groups.is_empty() {
            return;
        }
        // Non-price criteria are the protocol's own in ulo.
        for (_, pointer, _) in &groups {
            self.not_mapped.push(NotMapped {
                from: pointer.clone(),
                found: "the notice's award criteria (listed under award_criteria)".into(),
                reason: "ulo scores bids with the protocol's own criteria, scales and weights; only the price weight can be carried over".into(),
            });
        }
        // The price weight, if every list gives weights that make 100 and agree on price.
        let mut price: Option<Exact> = None;
        // Where the price weight is read: the first list's price criterion (when it has exactly
        // one), else the list itself.
        let first_pointer = {
            let (_, list, crit) = &groups[0];
            let prices: Vec<&String> = crit
                .iter()
                .filter(|(k, _)| matches!(k.as_deref(), Some("price" | "cost")))
                .filter_map(|(_, w)| w.as_ref().map(|(_, p)| p))
                .collect();
            match prices.as_slice() {
                [one] => (*one).clone(),
                _ => list.clone(),
            }
        };
        for (label, pointer, crit) in &groups {
            let unweighted = crit.iter().filter(|(_, w)| w.is_none()).count();
            if unweighted > 0 {
                let found = format!("{} criteria, {unweighted} without a weight", crit.len());
                self.not_mapped.push(NotMapped {
                    from: pointer.clone(),
                    found,
                    reason: format!("the price weight is not carried over: {label} gives criteria without a weight as a percentage"),
                });
                return;
            }
            let mut total = Exact::ZERO;
            let mut p = Exact::ZERO;
            for (kind, w) in crit {
                let w = w.as_ref().map_or(Exact::ZERO, |(w, _)| *w);
                total = total.add(w).unwrap_or(total);
                if matches!(kind.as_deref(), Some("price" | "cost")) {
                    p = p.add(w).unwrap_or(p);
                }
            }
            if total != Exact::HUNDRED {
                self.not_mapped.push(NotMapped {
                    from: pointer.clone(),
                    found: format!("weights adding up to {}", total.to_exact_string()),
                    reason: format!(
                        "the price weight is not carried over: the weights of {label} add up to {}, not 100, so the notice lists only some of the criteria or does not give shares of 100",
                        total.to_exact_string()
                    ),
                });
                return;
            }
            match price {
                Some(q) if q != p => {
                    self.not_mapped.push(NotMapped {
                        from: pointer.clone(),
                        found: format!("price weight {}", p.to_exact_string()),
                        reason: format!(
                            "the price weight is not carried over: the lots weigh price differently ({} and {}), and a ulo tender has one set of weights",
                            q.to_exact_string(),
                            p.to_exact_string()
                        ),
                    });
                    return;
                }
                _ => price = Some(p),
            }
        }
        let Some(p) = price else { return };
        match price_weight(protocol, p) {
            Ok(id) => {
                let mut weights = Map::new();
                weights.insert(id.clone(), Value::from(p.to_exact_string()));
                self.draft.insert("weights".into(), Value::Object(weights));
                self.mapped.push(Mapped {
                    from: first_pointer,
                    to: format!("/weights/{}", crate::json::escape_token(&id)),
                    value: Value::from(p.to_exact_string()),
                    note: Some(format!(
                        "the notice weighs price at {}% of the marks, which the protocol allows and which leaves its other weights making 100",
                        p.to_exact_string()
                    )),
                });
            }
            Err(reason) => self.not_mapped.push(NotMapped {
                from: first_pointer,
                found: format!("price weight {}", p.to_exact_string()),
                reason,
            }),
        }
    }

    fn map_selection_criteria(&mut self) {
        self.use_key("selectionCriteria");
        let mut lists: Vec<Vec<String>> = vec![vec!["selectionCriteria".into(), "criteria".into()]];
        let lot_count = get(self.tender, &["lots"])
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for i in 0..lot_count {
            lists.push(vec![
                "lots".into(),
                i.to_string(),
                "selectionCriteria".into(),
                "criteria".into(),
            ]);
        }
        let mut turnover: Vec<(String, String)> = Vec::new();
        for list_path in lists {
            let path: Vec<&str> = list_path.iter().map(String::as_str).collect();
            let Some(list) = get(self.tender, &path).and_then(Value::as_array).cloned() else {
                continue;
            };
            for (j, c) in list.iter().enumerate() {
                let jdx = j.to_string();
                let mut cp = path.clone();
                cp.push(&jdx);
                let from = self.tender_at(&cp);
                let words = ["subType", "description", "minimum"]
                    .iter()
                    .filter_map(|k| get(c, &[k]).and_then(Value::as_str))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                let about_turnover = words.contains("turnover");
                if about_turnover {
                    let figure = get(c, &["minimum"])
                        .and_then(Value::as_str)
                        .and_then(money_text)
                        .map(|d| (format!("{from}/minimum"), d))
                        .or_else(|| {
                            get(c, &["numbers"])
                                .and_then(Value::as_array)
                                .and_then(|n| n.first())
                                .and_then(|n| get(n, &["number"]))
                                .and_then(number_text)
                                .and_then(|t| plain_decimal(&t).ok())
                                .map(|d| (format!("{from}/numbers/0/number"), d))
                        });
                    match figure {
                        Some((p, d)) if d.split_once('.').is_none_or(|(_, f)| f.len() <= 2) => {
                            turnover.push((p, d));
                        }
                        _ => {
                            self.skip(
                                from.clone(),
                                c,
                                "it asks for a minimum turnover in words, not as a figure; ulo does not read figures out of prose",
                            );
                            self.text_mentions.push((from, "turnover"));
                        }
                    }
                    continue;
                }
                if words.contains("insurance") {
                    self.text_mentions.push((from.clone(), "insurance"));
                }
                self.skip(
                    from,
                    c,
                    "ulo records conditions of participation as figures (minimum turnover, insurance cover, bonds) and accreditations; this criterion is free text",
                );
            }
        }
        if let Some(v) = get(self.tender, &["selectionCriteria", "description"]).cloned() {
            let from = self.tender_at(&["selectionCriteria", "description"]);
            self.skip(
                from,
                &v,
                "free text; ulo does not read figures out of prose",
            );
        }
        let distinct: BTreeSet<&String> = turnover.iter().map(|(_, d)| d).collect();
        match distinct.len() {
            0 => {}
            1 => {
                let (from, d) = turnover[0].clone();
                let mut conditions = Map::new();
                conditions.insert("minimum_turnover".into(), Value::from(d.clone()));
                self.draft
                    .insert("conditions".into(), Value::Object(conditions));
                self.has_conditions_from_import = true;
                self.mapped.push(Mapped {
                    from,
                    to: "/conditions/minimum_turnover".into(),
                    value: Value::from(d),
                    note: None,
                });
            }
            _ => {
                for (from, d) in turnover {
                    self.not_mapped.push(NotMapped {
                        from,
                        found: format!("\"{d}\""),
                        reason:
                            "the notice gives different minimum turnovers; ulo's tender has one"
                                .into(),
                    });
                }
            }
        }
    }

    fn map_techniques(&mut self) {
        self.use_key("techniques");
        let Some(t) = get(self.tender, &["techniques"])
            .and_then(Value::as_object)
            .cloned()
        else {
            return;
        };
        for (key, v) in &t {
            if v.is_null() {
                continue;
            }
            let from = self.tender_at(&["techniques", key]);
            match (key.as_str(), v) {
                ("hasElectronicAuction", Value::Bool(b)) => {
                    self.put(from, "electronic_auction", Value::Bool(*b), None)
                }
                ("hasElectronicAuction", _) => self.skip(from, v, "it is not true or false"),
                _ => self.skip(from, v, "ulo's tender has no field for this"),
            }
        }
    }

    fn report_suitability(&mut self) {
        self.use_key("suitability");
        let Some(s) = get(self.tender, &["suitability"])
            .and_then(Value::as_object)
            .cloned()
        else {
            return;
        };
        for (key, v) in &s {
            if v.is_null() {
                continue;
            }
            let from = self.tender_at(&["suitability", key]);
            let who = match key.as_str() {
                "sme" => "small and medium-sized enterprises",
                "vcse" => "voluntary, community and social enterprises",
                _ => "",
            };
            let reason = match (who, v.as_bool()) {
                ("", _) | (_, None) => "ulo's tender has no field for this".to_string(),
                (w, Some(true)) => format!("the notice marks the tender as suitable for {w}; ulo has no field for this (the barrier check tests the design itself)"),
                (w, Some(false)) => format!("the notice does not mark the tender as suitable for {w}; ulo has no field for this (the barrier check tests the design itself)"),
            };
            self.skip(from, v, reason);
        }
    }

    fn report_other_requirements(&mut self) {
        self.use_key("otherRequirements");
        let Some(o) = get(self.tender, &["otherRequirements"])
            .and_then(Value::as_object)
            .cloned()
        else {
            return;
        };
        for (key, v) in &o {
            if v.is_null() {
                continue;
            }
            let from = self.tender_at(&["otherRequirements", key]);
            if key == "reservedParticipation" {
                let codes: Vec<String> = match v {
                    Value::Array(a) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                    Value::String(s) => vec![s.clone()],
                    _ => Vec::new(),
                };
                let described: Vec<String> =
                    codes.iter().map(|c| describe_reservation(c)).collect();
                let reason = if described.is_empty() {
                    "the notice reserves participation, but not in a form ulo recognises"
                        .to_string()
                } else {
                    format!(
                        "the notice reserves the contract for {}; none of these is a reservation for user-led organisations, so \"reserved_for_user_led\" is left out (the engine reads that as not reserved)",
                        described.join(" and for ")
                    )
                };
                self.skip(from, v, reason);
            } else {
                self.skip(from, v, "ulo's tender has no field for this");
            }
        }
    }

    /// Lists what else the notice has, so nothing present goes unmentioned.
    fn report_remaining(&mut self) {
        if let Some(t) = self.tender.as_object() {
            let rest: Vec<(String, Value)> = t
                .iter()
                .filter(|(k, v)| !v.is_null() && !self.used_tender_keys.contains(k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in rest {
                let from = self.tender_at(&[&k]);
                let reason = match k.as_str() {
                    "status" | "procurementMethod" | "procurementMethodDetails" | "procurementMethodRationale"
                    | "mainProcurementCategory" | "additionalProcurementCategories" | "classification"
                    | "additionalClassifications" | "items" | "documents" | "milestones" | "amendments"
                    | "submissionMethod" | "submissionMethodDetails" | "submissionTerms" | "awardPeriod"
                    | "enquiryPeriod" | "hasEnquiries" | "bidOpening" | "communication" | "coveredBy"
                    | "legalBasis" | "reviewDetails" | "hasRecurrence" | "recurrence" | "tenderers"
                    | "numberOfTenderers" | "eligibilityCriteria" | "contractTerms" | "participationFees" => {
                        "ulo's tender has no field for this"
                    }
                    _ => "not part of the tender design ulo checks (or not standard OCDS); ulo's tender has no field for this",
                };
                self.skip(from, &v, reason);
            }
        }
        let Some(r) = self.release.as_object() else {
            return;
        };
        for (k, v) in r {
            if v.is_null() {
                continue;
            }
            let reason = match k.as_str() {
                // Identity and metadata: shown under `source`.
                "ocid" | "id" | "date" | "tag" | "initiationType" | "language" | "links" | "tender" | "buyer" => continue,
                "parties" => "used only for the buyer's name; ulo's tender records the authority, not contact details",
                "awards" | "contracts" => "award and contract records describe outcomes, not the tender's design",
                "description" => "free-text notes; ulo does not read facts out of prose, so read them for anything still to supply (reasons for not using lots, payment terms...)",
                "planning" => "planning information is not part of the tender's design",
                "relatedProcesses" => "links to other procedures; ulo's tender has no field for this",
                _ => "ulo's tender has no field for this",
            };
            let from = self.at(&[k]);
            self.skip(from, v, reason);
        }
    }

    fn to_supply(&self, protocol: &Protocol) -> Vec<ToSupply> {
        let mut out: Vec<ToSupply> = Vec::new();
        let has = |k: &str| self.draft.contains_key(k);
        let mut need = |field: &str, required: bool, reason: String, facts: Vec<&'static str>| {
            out.push(ToSupply {
                field: field.to_string(),
                required,
                reason,
                facts,
            });
        };
        for (k, what) in [
            ("id", "an id for the tender"),
            ("title", "the tender's title"),
            ("authority", "the contracting authority's name"),
        ] {
            if !has(k) {
                need(
                    &format!("/{k}"),
                    true,
                    format!("the notice does not give {what}"),
                    Vec::new(),
                );
            }
        }
        if let Some(lots) = self.draft.get("lots").and_then(Value::as_array) {
            for (i, l) in lots.iter().enumerate() {
                for (k, what) in [
                    ("title", "a title"),
                    ("value", "an estimated value in pounds"),
                    ("months", "a contract length in months"),
                ] {
                    if l.get(k).is_none() {
                        let facts = match k {
                            "value" => vec![
                                "lot_value",
                                "lot_annual_value",
                                "total_value",
                                "largest_lot_value",
                                "turnover_multiple",
                            ],
                            "months" => vec!["lot_months", "lot_annual_value"],
                            _ => Vec::new(),
                        };
                        let facts = facts.into_iter().filter(|f| uses(protocol, f)).collect();
                        need(
                            &format!("/lots/{i}/{k}"),
                            true,
                            format!("the notice does not give this lot {what}"),
                            facts,
                        );
                    }
                }
            }
        }
        let used = |facts: &[&'static str]| -> Vec<&'static str> {
            facts
                .iter()
                .copied()
                .filter(|f| uses(protocol, f))
                .collect()
        };
        let lot_count = self
            .draft
            .get("lots")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if !has("no_lots_reason") && lot_count < 2 {
            let f = used(&["no_lots_reason_given"]);
            if !f.is_empty() {
                need("/no_lots_reason", false, "the contract is not divided into lots and the notice gives no reasons in a field ulo can read (look in its free text); without them the lots rule finds a barrier".into(), f);
            }
        }
        for (field, facts, reason) in [
            ("/published", &["response_window_days"][..], "the notice gives no publication date for the tender, so the response window cannot be counted"),
            ("/response_deadline", &["response_window_days"][..], "the notice gives no deadline for responses, so the response window cannot be counted"),
        ] {
            if !has(&field[1..]) {
                let f = used(facts);
                if !f.is_empty() {
                    need(field, false, reason.into(), f);
                }
            }
        }
        let f = used(&[
            "payment_terms_days",
            "payment_in_arrears",
            "payment_by_results_percent",
            "core_costs_contribution",
        ]);
        if !f.is_empty() {
            need("/payment", false, "OCDS has no fields for payment terms (days to pay, in arrears, payment by results, core costs)".into(), f);
        }
        let f = used(&[
            "panel_size",
            "lived_experience_evaluators",
            "lived_experience_percent",
        ]);
        if !f.is_empty() {
            need(
                "/panel",
                false,
                "OCDS does not describe the evaluation panel".into(),
                f,
            );
        }
        for (field, fact, what) in [
            ("/electronic_auction", "electronic_auction", "whether a reverse electronic auction is used (the notice does not say)"),
            ("/abnormally_low_procedure_published", "abnormally_low_procedure_published", "whether the tender says how abnormally low prices are handled (OCDS has no field for it)"),
            ("/tupe_information_given", "tupe_information_given", "whether staff transfer (TUPE) information is given (OCDS has no field for it)"),
            ("/users_involved_in_design", "users_involved_in_design", "whether people who use the service helped design the tender (OCDS has no field for it)"),
        ] {
            if !has(&field[1..]) {
                let f = used(&[fact]);
                if !f.is_empty() {
                    need(field, false, what.into(), f);
                }
            }
        }
        let condition_facts = used(&[
            "minimum_turnover",
            "turnover_multiple",
            "public_liability_cover",
            "employers_liability_cover",
            "professional_indemnity_cover",
            "performance_bond",
        ]);
        if !condition_facts.is_empty() {
            let hint = |topic: &str| -> String {
                let at: Vec<&str> = self
                    .text_mentions
                    .iter()
                    .filter(|(_, t)| *t == topic)
                    .map(|(p, _)| p.as_str())
                    .collect();
                if at.is_empty() {
                    String::new()
                } else {
                    format!(" (the notice's text mentions {topic} at {})", at.join(", "))
                }
            };
            if self.has_conditions_from_import {
                need(
                    "/conditions/insurance",
                    false,
                    format!(
                        "the draft's conditions hold only the minimum turnover, and the engine reads absent insurance cover and bonds as none asked; add the cover and any bond the tender asks for{}",
                        hint("insurance")
                    ),
                    condition_facts
                        .iter()
                        .copied()
                        .filter(|f| !matches!(*f, "minimum_turnover" | "turnover_multiple"))
                        .collect(),
                );
            } else {
                need(
                    "/conditions",
                    false,
                    format!(
                        "the notice gives no conditions of participation as figures: add the minimum turnover, insurance cover and any bond asked for, or an empty section if none are{}{}",
                        hint("turnover"),
                        hint("insurance")
                    ),
                    condition_facts,
                );
            }
        }
        if !has("reserved_for_user_led") {
            let f = used(&["reserved_for_user_led"]);
            if !f.is_empty() {
                need("/reserved_for_user_led", false, "OCDS cannot say whether a contract is reserved for user-led organisations; the engine reads it as not reserved unless you say so".into(), f);
            }
        }
        out
    }
}

fn months_out_of_range(n: i64) -> String {
    format!("it comes to {n} months; ulo takes contracts of 1 to 240 months")
}

fn date_note(v: &Value, d: Date) -> Option<String> {
    let s = v.as_str().unwrap_or("").trim();
    (s.len() > 10).then(|| format!("the date part of {s}, as written: {d}"))
}

fn describe_reservation(code: &str) -> String {
    match code {
        "shelteredWorkshop" => {
            "supported employment providers (sheltered workshops; Procurement Act 2023 s.32)".into()
        }
        "publicServiceMissionOrganization" => {
            "public service mutuals (Procurement Act 2023 s.33)".into()
        }
        "smeVcse" => {
            "small and medium-sized enterprises and voluntary, community and social enterprises"
                .into()
        }
        other => format!("\"{other}\""),
    }
}

fn uses(protocol: &Protocol, fact: &str) -> bool {
    use crate::read::Choice;
    TenderFact::ALL
        .iter()
        .find(|(w, _)| *w == fact)
        .is_some_and(|(_, f)| protocol.uses_fact(*f))
}

/// The protocol's price criterion and its tunable range, in words, for reasons.
fn price_range_text(protocol: &Protocol) -> String {
    match price_criterion(protocol) {
        Ok((id, default)) => match protocol.tunable(&id) {
            Some(t) => format!(
                "the protocol gives price {} and lets a tender set it from {} to {}",
                default.to_exact_string(),
                t.min.to_exact_string(),
                t.max.to_exact_string()
            ),
            None => format!("the protocol fixes price at {}", default.to_exact_string()),
        },
        Err(why) => why,
    }
}

/// The one criterion that carries the protocol's price marks (the top-most criterion in the
/// price category), with its default weight.
fn price_criterion(protocol: &Protocol) -> Result<(String, Exact), String> {
    let tree = protocol.tree();
    let tops: Vec<&crate::protocol::TreeNode> = tree
        .iter()
        .filter(|n| n.category == Category::Price)
        .filter(|n| {
            n.parent
                .as_ref()
                .and_then(|p| tree.iter().find(|m| &m.id == p))
                .is_none_or(|p| p.category != Category::Price)
        })
        .collect();
    match tops.as_slice() {
        [] => Err("the protocol has no price criterion".into()),
        [one] => {
            let w = protocol
                .criterion(&one.id)
                .map_or(Exact::ZERO, |c| c.weight);
            Ok((one.id.clone(), w))
        }
        _ => Err("the protocol gives price marks through several criteria".into()),
    }
}

/// Whether the notice's price weight `p` can be the tender's price weight under `protocol`:
/// inside the protocol's tunable range, and with its group still making 100 when every other
/// weight stays at the protocol's default (ulo does not choose which other weight to move).
/// `Ok` holds the criterion id; `Err` the reason in words.
fn price_weight(protocol: &Protocol, p: Exact) -> Result<String, String> {
    let pw = p.to_exact_string();
    let not = |why: String| format!("the notice weighs price at {pw}%, but {why}");
    let (id, default) = price_criterion(protocol).map_err(not)?;
    if !p.has_at_most_places(2) {
        return Err(not("ulo's weights have at most two decimal places".into()));
    }
    let Some(t) = protocol.tunable(&id) else {
        return Err(not(format!(
            "the protocol fixes the weight of \"{id}\" at {}",
            default.to_exact_string()
        )));
    };
    if p < t.min || p > t.max {
        return Err(not(format!(
            "the protocol lets a tender set the weight of \"{id}\" only from {} to {}; the tender keeps the protocol's {} unless you change it",
            t.min.to_exact_string(),
            t.max.to_exact_string(),
            default.to_exact_string()
        )));
    }
    let siblings = siblings_of(protocol, &id);
    let mut total = Exact::ZERO;
    for (sid, w) in &siblings {
        let w = if *sid == id { p } else { *w };
        total = total
            .add(w)
            .map_err(|_| not("the weights are too large".into()))?;
    }
    if total != Exact::HUNDRED {
        let others: Vec<String> = siblings
            .iter()
            .filter(|(sid, _)| *sid != id)
            .map(|(sid, w)| match protocol.tunable(sid) {
                Some(t) => format!(
                    "\"{sid}\" {} ({} to {})",
                    w.to_exact_string(),
                    t.min.to_exact_string(),
                    t.max.to_exact_string()
                ),
                None => format!("\"{sid}\" {} (fixed)", w.to_exact_string()),
            })
            .collect();
        let diff = total.sub(Exact::HUNDRED).unwrap_or(Exact::ZERO);
        let change = if diff.is_negative() {
            format!(
                "raise the others by {}",
                diff.neg().unwrap_or(diff).to_exact_string()
            )
        } else {
            format!("lower the others by {}", diff.to_exact_string())
        };
        return Err(not(format!(
            "with \"{id}\" at {pw} and the protocol's other weights the group adds up to {}, not 100; to use it, set \"{id}\" to {pw} and {change} between {} - ulo does not choose which",
            total.to_exact_string(),
            others.join(", ")
        )));
    }
    Ok(id)
}

/// The criteria in the same group as `id` (the top level, or its parent's children), with
/// their default weights.
fn siblings_of(protocol: &Protocol, id: &str) -> Vec<(String, Exact)> {
    fn find(list: &[crate::protocol::Criterion], id: &str) -> Option<Vec<(String, Exact)>> {
        if list.iter().any(|c| c.id == id) {
            return Some(list.iter().map(|c| (c.id.clone(), c.weight)).collect());
        }
        list.iter().find_map(|c| match &c.body {
            CriterionBody::Group(children) => find(children, id),
            CriterionBody::Leaf(_) => None,
        })
    }
    find(&protocol.doc().award.criteria, id).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn months_count_inclusive_periods() {
        assert_eq!(
            months_between(d("2025-04-01"), d("2026-03-31")),
            Ok((12, None))
        );
        assert_eq!(
            months_between(d("2025-04-01"), d("2028-03-31")),
            Ok((36, None))
        );
        let (n, note) = months_between(d("2024-10-01"), d("2029-09-29")).unwrap();
        assert_eq!(n, 60);
        assert!(note.unwrap().contains("59 months and 29 days"));
        let (n, note) = months_between(d("2025-04-01"), d("2035-04-01")).unwrap();
        assert_eq!(n, 120);
        assert!(note.unwrap().contains("120 months and 1 day,"));
        assert_eq!(
            months_between(d("2025-01-31"), d("2025-02-27")).unwrap().0,
            1
        );
        assert!(months_between(d("2025-04-01"), d("2025-03-01")).is_err());
        assert_eq!(
            months_between(d("2025-04-01"), d("2025-04-10")).unwrap().0,
            0
        );
    }

    #[test]
    fn months_from_day_counts() {
        assert_eq!(months_from_days(1080).unwrap().0, 36);
        assert_eq!(months_from_days(360).unwrap().0, 12);
        assert_eq!(months_from_days(1095).unwrap().0, 36);
        assert_eq!(months_from_days(365).unwrap().0, 12);
        assert_eq!(months_from_days(45).unwrap().0, 1);
        assert!(months_from_days(0).is_err());
        assert!(months_from_days(-5).is_err());
        assert!(months_from_days(i64::MAX).is_ok());
    }

    #[test]
    fn money_is_read_exactly_or_not_at_all() {
        let m = |v: Value| money(&v);
        assert_eq!(
            m(serde_json::json!({"amount": 1018044.14, "currency": "GBP"})),
            Ok("1018044.14".into())
        );
        assert_eq!(
            m(serde_json::json!({"amount": 7500000.0, "currency": "GBP"})),
            Ok("7500000".into())
        );
        assert_eq!(
            m(serde_json::json!({"amount": 118000000, "currency": "GBP"})),
            Ok("118000000".into())
        );
        assert!(m(serde_json::json!({"amount": 10.005, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"amount": 100, "currency": "EUR"}))
            .unwrap_err()
            .contains("EUR"));
        assert!(m(serde_json::json!({"amount": 100}))
            .unwrap_err()
            .contains("no currency"));
        assert!(m(serde_json::json!({"amount": 0, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"amount": -5, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"amount": 1e20, "currency": "GBP"})).is_err());
        assert!(m(serde_json::json!({"currency": "GBP"})).is_err());
    }

    #[test]
    fn numbers_in_text() {
        assert_eq!(bare_number("70"), Some("70".into()));
        assert_eq!(bare_number(" 17.5 "), Some("17.5".into()));
        assert_eq!(bare_number("30%"), Some("30".into()));
        assert_eq!(bare_number("Quality 70"), None);
        assert_eq!(money_text("300,000"), Some("300000".into()));
        assert_eq!(money_text("£1,250,000.50"), Some("1250000.5".into()));
        assert_eq!(money_text("GBP 300000"), Some("300000".into()));
        assert_eq!(money_text("300000 GBP"), Some("300000".into()));
        assert_eq!(money_text("30,00"), None);
        assert_eq!(money_text("a turnover of 300,000"), None);
    }

    #[test]
    fn ids_and_text_fit_ulo() {
        assert_eq!(
            slug("IT-234-38233-MVDC - 038233").as_deref(),
            Some("IT-234-38233-MVDC-038233")
        );
        assert_eq!(
            slug("ocds-kuma6s-145895-tender-147806-CCS/24/236").as_deref(),
            Some("ocds-kuma6s-145895-tender-147806-CCS-24-236")
        );
        assert_eq!(slug("  !!"), None);
        assert_eq!(slug(&"x".repeat(100)).map(|s| s.len()), Some(64));
        let (t, short) = fit(&Value::from("a".repeat(2500)), 2000).unwrap();
        assert!(short);
        assert_eq!(t.chars().count(), 2000);
        assert_eq!(fit(&Value::from("  "), 200), None);
        assert_eq!(
            date_part(&Value::from("2025-02-20T12:00:00Z")),
            Some(d("2025-02-20"))
        );
        assert_eq!(date_part(&Value::from("2025-02-20")), Some(d("2025-02-20")));
        assert_eq!(date_part(&Value::from("2025-02-30T12:00:00Z")), None);
        assert_eq!(date_part(&Value::from("20 Feb 2025")), None);
        assert_eq!(date_part(&Value::from("é")), None);
    }
}

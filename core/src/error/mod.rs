//! Problems with the inputs, said so that a commissioner can fix them.
//!
//! Every problem names the document it was found in, the JSON pointer of the value at fault,
//! what was found and what was expected, a stable code for programs, and a help line for people.
//! Messages are lowercase and quote the user's own input; no Rust type name ever reaches them.
//! Reading never stops at the first problem: a document is read to the end so that an error
//! summary can list everything at once.
//!
//! Each kind of problem has its own code, so a program can tell them apart without reading the
//! message; `schemas/result.schema.json` lists every code with its meaning (`$defs/problemCode`),
//! and a test keeps that list equal to the codes this module gives.
//!
//! [`ProblemKind`] (in `kind.rs`) is each kind of problem with its code, the value found, what
//! was expected, its message and its help; [`OcdsProblem`] (in `ocds.rs`) is why OCDS data
//! cannot be imported at all. This file holds the inputs problems are found in and the
//! problems themselves, one by one and all together, as values and as reports.

mod kind;
mod ocds;

pub use kind::ProblemKind;
pub use ocds::OcdsProblem;

use serde::Serialize;
use std::fmt;

/// Which of ulo's documents a problem was found in (or which is to be read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Document {
    /// The commissioning protocol: the rules.
    Protocol,
    /// One procurement's design.
    Tender,
    /// The bids received for a tender, with the panel's scores.
    Bids,
    /// One bidder's own draft response, for a self-check.
    SelfCheck,
}

impl Document {
    /// The value of a document's `"document"` field.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Document::Protocol => "protocol",
            Document::Tender => "tender",
            Document::Bids => "bids",
            Document::SelfCheck => "self-check",
        }
    }

    /// Every kind of document, in the order the schemas list them.
    pub const ALL: [Document; 4] = [
        Document::Protocol,
        Document::Tender,
        Document::Bids,
        Document::SelfCheck,
    ];

    /// The kind of document named by a `"document"` tag.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.tag() == tag)
    }

    /// The name problem reports give the document (`self_check` where the tag is
    /// `self-check`: reports have always used the snake-case name).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Document::SelfCheck => "self_check",
            other => other.tag(),
        }
    }
}

impl Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The input a problem was found in: one of ulo's documents, or OCDS data being imported.
///
/// OCDS data is kept out of [`Document`] because it is not a ulo document: it is imported,
/// never validated, scored or written, and everything that dispatches on a [`Document`] (the
/// readers, the schemas, the app's workspace) has nothing to do with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// One of ulo's documents.
    Document(Document),
    /// OCDS data (a release, record or package) being imported as a draft tender.
    Ocds,
}

impl Input {
    /// The name problem reports give the input (`"ocds"` for OCDS data).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Input::Document(d) => d.name(),
            Input::Ocds => "ocds",
        }
    }
}

impl From<Document> for Input {
    fn from(d: Document) -> Self {
        Input::Document(d)
    }
}

impl Serialize for Input {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The names an input is reported by, as the union the JS API's declarations call
/// `ProblemDocument` (`'protocol' | ... | 'ocds'`).
#[cfg(feature = "ts")]
impl ts_rs::TS for Input {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(_: &ts_rs::Config) -> String {
        "ProblemDocument".to_owned()
    }

    fn inline(_: &ts_rs::Config) -> String {
        let documents = Document::ALL.map(Input::Document);
        let inputs = documents.iter().chain([Input::Ocds].iter());
        let words: Vec<String> = inputs.map(|i| format!("'{}'", i.name())).collect();
        words.join(" | ")
    }

    fn decl(cfg: &ts_rs::Config) -> String {
        format!(
            "type ProblemDocument = {};",
            <Self as ts_rs::TS>::inline(cfg)
        )
    }

    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        <Self as ts_rs::TS>::decl(cfg)
    }

    fn output_path() -> Option<std::path::PathBuf> {
        Some(std::path::PathBuf::from("ProblemDocument.ts"))
    }
}

/// An input equals the name its reports give it, so a program holding a [`ProblemReport`] can
/// compare its `document` with the text a portal sees.
impl PartialEq<&str> for Input {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

/// The input in words, for messages ("in the tender", "in the OCDS data").
impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Input::Document(d) => d.tag(),
            Input::Ocds => "OCDS data",
        })
    }
}

/// One located problem with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The input the problem is in.
    pub document: Input,
    /// JSON pointer (RFC 6901) of the value at fault; `""` is the whole document.
    pub pointer: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at `pointer` in `document`.
    pub fn new(
        document: impl Into<Input>,
        pointer: impl Into<String>,
        kind: ProblemKind,
    ) -> Problem {
        Problem {
            document: document.into(),
            pointer: pointer.into(),
            kind,
        }
    }

    /// The stable code, prefixed so it reads as ulo's own in a portal's logs.
    #[must_use]
    pub fn code(&self) -> String {
        format!("ulo::{}", self.kind.code())
    }

    /// One line on how to put it right: the kind's help, except where the fitting advice
    /// depends on the document. A tender too large to read is not put right by splitting bids,
    /// which is what a too-large bids file needs.
    #[must_use]
    pub fn help(&self) -> String {
        match (&self.kind, self.document) {
            (ProblemKind::TooLarge { .. }, Input::Document(d)) => match d {
                Document::Protocol => "a protocol is rarely more than a few hundred kilobytes: check that this is the file you meant".into(),
                Document::Tender => "a tender is rarely more than a few hundred kilobytes: check that this is the tender file you meant, and remove attachments or long texts pasted into its fields".into(),
                Document::Bids => "split the bids into smaller files (one per lot, say), or remove attachments pasted into text fields".into(),
                Document::SelfCheck => "a self-check is one bidder's draft, rarely more than a few hundred kilobytes: check that this is the file you meant, and remove attachments pasted into its text fields".into(),
            },
            (ProblemKind::TooLarge { .. }, Input::Ocds) => {
                "import one release or record at a time rather than a whole package".into()
            }
            (kind, _) => kind.help(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ProblemReport::from(self).fmt(f)
    }
}

/// A problem as the JS API, the CLI's `--json` and the web app receive it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "Problem", optional_fields)
)]
pub struct ProblemReport {
    /// Stable code, e.g. `ulo::missing-field`.
    pub code: String,
    /// The input it is in: always given by the engine, so optional in the JS API's declarations
    /// only for the problems `ulo.js` makes itself (the engine not loaded, crashed or freed).
    #[cfg_attr(feature = "ts", ts(as = "Option<Input>", optional))]
    pub document: Input,
    /// JSON pointer of the value at fault.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub pointer: String,
    /// What is wrong.
    pub message: String,
    /// How to put it right.
    pub help: String,
    /// The value found, when the problem is about one value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// What was expected, when there is one clear answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

impl fmt::Display for ProblemReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "the whole document".to_string()
        } else {
            format!("\"{}\"", self.pointer)
        };
        write!(
            f,
            "{} at {} in the {}: {}",
            self.code, at, self.document, self.message
        )
    }
}

impl From<&Problem> for ProblemReport {
    fn from(p: &Problem) -> Self {
        ProblemReport {
            code: p.code(),
            document: p.document,
            pointer: p.pointer.clone(),
            message: p.kind.message(),
            help: p.help(),
            found: p.kind.found(),
            expected: p.kind.expected(),
        }
    }
}

/// All the problems found in one or more inputs, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems, each ready to serialise.
    #[must_use]
    pub fn reports(&self) -> Vec<ProblemReport> {
        self.0.iter().map(ProblemReport::from).collect()
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// The number of problems.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none (never the case for an `Err`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first `limit` problems as reports and the count of the rest; only the problems shown
    /// are put into words, so a list of 200,000 costs no more to report than one of `limit`.
    #[must_use]
    pub fn capped(&self, limit: usize) -> CappedReports {
        CappedReports {
            errors: self.0.iter().take(limit).map(ProblemReport::from).collect(),
            more: self.0.len().saturating_sub(limit),
        }
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;

    /// The problems in order, so that `for p in &problems` reads as `problems.iter()`.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// How many problems the command line and the JS API list one by one; the rest are counted.
///
/// A document with 200,000 unknown keys has 200,000 problems, and listing each (74 MB of
/// text) helps no one: the first hundred show what is wrong, and the count says how much more.
pub const PROBLEMS_LISTED: usize = 100;

/// The first problems of a list as reports, and how many more there were: what a caller shows
/// when a list may be too long to show whole ([`Problems::capped`]).
///
/// Serialises as `{"errors": [...], "more": N}`, with `more` left out when nothing was cut, so
/// a failure answer that had fewer problems than the cap is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CappedReports {
    /// The first problems, in document order.
    pub errors: Vec<ProblemReport>,
    /// How many more problems there were after these.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `skip_serializing_if` passes the field by reference"
)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl CappedReports {
    /// How many problems there were in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.errors.len() + self.more
    }

    /// The line that stands for the problems left out ("and 199,900 more problems"), if any.
    #[must_use]
    pub fn more_line(&self) -> Option<String> {
        match self.more {
            0 => None,
            1 => Some("and 1 more problem".into()),
            n => Some(format!("and {} more problems", grouped(n))),
        }
    }
}

/// A count with its thousands grouped by commas ("199,900"), as people read large numbers.
#[must_use]
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One item a line.
fn lines<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lines(f, &self.0)
    }
}

impl std::error::Error for Problems {}

/// Problems already put into words: the answer of a call whose callers only show the problems
/// or pass them on, such as an OCDS import that cannot start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Reports(pub Vec<ProblemReport>);

impl From<Problem> for Reports {
    fn from(p: Problem) -> Self {
        Reports(vec![ProblemReport::from(&p)])
    }
}

impl fmt::Display for Reports {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lines(f, &self.0)
    }
}

impl std::error::Error for Reports {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let k = ProblemKind::UnknownField {
            field: "vaule".into(),
            allowed: vec!["id", "title", "value"],
        };
        assert!(
            k.help().starts_with("did you mean \"value\"?"),
            "{}",
            k.help()
        );
        let far = ProblemKind::UnknownField {
            field: "colour".into(),
            allowed: vec!["id", "title", "value"],
        };
        assert!(far.help().starts_with("remove it"), "{}", far.help());
    }

    #[test]
    fn inputs_are_reported_by_name() {
        let name = |i: Input| serde_json::to_string(&i).unwrap();
        let documents = [
            Document::Protocol,
            Document::Tender,
            Document::Bids,
            Document::SelfCheck,
        ];
        assert_eq!(
            documents.map(|d| name(d.into())),
            ["\"protocol\"", "\"tender\"", "\"bids\"", "\"self_check\""]
        );
        assert_eq!(name(Input::Ocds), "\"ocds\"");
        assert!(Input::Ocds == "ocds" && Input::from(Document::SelfCheck) == "self_check");
        let p = Problem::new(Input::Ocds, "", ProblemKind::Ocds(OcdsProblem::NoTender));
        assert_eq!(
            p.to_string(),
            "ulo::ocds-no-tender at the whole document in the OCDS data: the release has no \"tender\" section, so there is no tender design to import"
        );
    }

    #[test]
    fn a_long_list_is_capped_with_the_count_of_the_rest() {
        let unknown = |i: usize| {
            Problem::new(
                Document::Bids,
                format!("/k{i}"),
                ProblemKind::UnknownField {
                    field: format!("k{i}"),
                    allowed: vec!["id"],
                },
            )
        };
        let many = Problems((0..200_000).map(unknown).collect());
        let capped = many.capped(PROBLEMS_LISTED);
        assert_eq!(capped.errors.len(), 100);
        assert_eq!(capped.errors[99].pointer, "/k99");
        assert_eq!((capped.more, capped.total()), (199_900, 200_000));
        assert_eq!(
            capped.more_line().as_deref(),
            Some("and 199,900 more problems")
        );
        let json = serde_json::to_value(&capped).unwrap();
        assert_eq!(json["more"], 199_900);
        // A short list is whole, and says nothing about more.
        let few = Problems((0..3).map(unknown).collect()).capped(PROBLEMS_LISTED);
        assert_eq!((few.errors.len(), few.more, few.more_line()), (3, 0, None));
        assert!(serde_json::to_value(&few).unwrap().get("more").is_none());
        let one_more = Problems((0..101).map(unknown).collect()).capped(100);
        assert_eq!(one_more.more_line().as_deref(), Some("and 1 more problem"));
        assert_eq!(
            [0, 999, 1000, 1_234_567].map(grouped),
            ["0", "999", "1,000", "1,234,567"]
        );
    }

    #[test]
    fn a_document_too_large_gets_help_fitting_its_kind() {
        let too_large = |d: Input| {
            ProblemReport::from(&Problem::new(
                d,
                "",
                ProblemKind::TooLarge {
                    bytes: 100,
                    limit: 10,
                },
            ))
            .help
        };
        assert!(too_large(Document::Bids.into()).starts_with("split the bids"));
        let tender = too_large(Document::Tender.into());
        assert!(
            tender.contains("tender file") && !tender.contains("split the bids"),
            "{tender}"
        );
        assert!(too_large(Document::Protocol.into()).starts_with("a protocol is rarely"));
        assert!(too_large(Document::SelfCheck.into()).contains("self-check"));
        assert!(too_large(Input::Ocds).contains("one release"));
    }

    #[test]
    fn messages_are_lowercase_and_quote_input() {
        let p = Problem::new(
            Document::Tender,
            "/lots/0/value",
            ProblemKind::MissingField {
                field: "value".into(),
            },
        );
        assert_eq!(
            p.to_string(),
            "ulo::missing-field at \"/lots/0/value\" in the tender: the field \"value\" is missing"
        );
    }
}

//! Problems with the inputs, said so that a commissioner can fix them.
//!
//! Every problem names the document it was found in, the JSON pointer of the value at fault,
//! what was found and what was expected, a stable code for programs, and a help line for people.
//! Messages are lowercase and quote the user's own input; no Rust type name ever reaches them.
//! Reading never stops at the first problem: a document is read to the end so that an error
//! summary can list everything at once.

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
    pub fn tag(self) -> &'static str {
        match self {
            Document::Protocol => "protocol",
            Document::Tender => "tender",
            Document::Bids => "bids",
            Document::SelfCheck => "self-check",
        }
    }

    /// The kind of document named by a `"document"` tag.
    pub fn from_tag(tag: &str) -> Option<Document> {
        [
            Document::Protocol,
            Document::Tender,
            Document::Bids,
            Document::SelfCheck,
        ]
        .into_iter()
        .find(|d| d.tag() == tag)
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

/// What is wrong, with the context needed to say it well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON.
    Syntax {
        /// The parser's own account, lowercase.
        detail: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The same key appears twice in one object; JSON readers disagree on which one wins.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// Objects or lists nested deeper than any real document needs.
    TooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// The document is bigger than the engine accepts.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// The file is a different kind of document from the one asked for.
    WrongDocument {
        /// The `"document"` value found.
        found: String,
        /// The kind that was asked for.
        expected: &'static str,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What was expected, in words.
        expected: String,
        /// What was found, described.
        found: String,
    },
    /// A required field is absent.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A field the format does not have (often a misspelling).
    UnknownField {
        /// The field found.
        field: String,
        /// The fields allowed at this place.
        allowed: Vec<&'static str>,
    },
    /// A value of the right type but not of an allowed form (pattern, choice, date).
    InvalidValue {
        /// What was found, described.
        found: String,
        /// What was expected, in words.
        expected: String,
    },
    /// A number, length or count outside its bounds.
    OutOfRange {
        /// What was found, described.
        found: String,
        /// The bounds, in words.
        expected: String,
    },
    /// Two items share an id that must be unique.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The pointer of its first use.
        first: String,
    },
    /// A reference to something that does not exist.
    UnknownReference {
        /// The id referred to.
        id: String,
        /// What kind of thing it should name ("criterion", "source", ...).
        what: &'static str,
        /// The ids that do exist, to help spot a typing slip.
        known: Vec<String>,
    },
    /// Weights within one group do not add up to exactly 100.
    WeightsNot100 {
        /// The group (or "the top level").
        group: String,
        /// Their total, exactly.
        total: String,
    },
    /// A range whose ends are the wrong way round or that leaves gaps.
    RangeOutOfOrder {
        /// What is wrong, in words.
        detail: String,
    },
    /// A tender set a weight the protocol does not let tenders tune.
    WeightNotTunable {
        /// The criterion.
        criterion: String,
        /// The criteria that may be tuned.
        tunable: Vec<String>,
    },
    /// A tuned weight outside the range the protocol allows.
    WeightOutsideRange {
        /// The criterion.
        criterion: String,
        /// The weight found.
        found: String,
        /// The lowest weight allowed.
        min: String,
        /// The highest weight allowed.
        max: String,
    },
    /// An evaluator's score outside the criterion's descriptor scale.
    ScoreOutsideScale {
        /// The score found.
        found: i64,
        /// The scale's points.
        allowed: Vec<i64>,
        /// The scale's title.
        scale: String,
    },
    /// A rule compares a fact with the wrong kind of value (a yes/no fact with a number...).
    MismatchedFact {
        /// The fact.
        fact: String,
        /// What that fact holds.
        holds: &'static str,
        /// What the rule tried.
        found: String,
    },
    /// Values that cannot all be true together.
    Inconsistent {
        /// What is inconsistent, in words.
        detail: String,
    },
    /// A figure grew beyond what the engine can compute exactly.
    FigureTooLarge {
        /// Where in the computation.
        detail: String,
    },
    /// OCDS data that cannot be imported at all.
    Ocds(OcdsProblem),
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

fn list(items: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    match quoted.len() {
        0 => "none".to_string(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The closest of `known` to `word`, when it is close enough to be a likely typing slip.
fn closest<'a>(word: &str, known: &'a [impl AsRef<str>]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k.as_ref()), k.as_ref()))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(80).collect();
    let b: Vec<char> = b.chars().take(80).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl ProblemKind {
    /// A stable identifier for programs (the JS API, tests, portals).
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Syntax { .. } => "json-syntax",
            ProblemKind::DuplicateKey { .. } => "duplicate-key",
            ProblemKind::TooDeep { .. } => "too-deep",
            ProblemKind::TooLarge { .. } => "too-large",
            ProblemKind::WrongDocument { .. } => "wrong-document",
            ProblemKind::WrongType { .. } => "wrong-type",
            ProblemKind::MissingField { .. } => "missing-field",
            ProblemKind::UnknownField { .. } => "unknown-field",
            ProblemKind::InvalidValue { .. } => "invalid-value",
            ProblemKind::OutOfRange { .. } => "out-of-range",
            ProblemKind::DuplicateId { .. } => "duplicate-id",
            ProblemKind::UnknownReference { .. } => "unknown-reference",
            ProblemKind::WeightsNot100 { .. } => "weights-not-100",
            ProblemKind::RangeOutOfOrder { .. } => "range-out-of-order",
            ProblemKind::WeightNotTunable { .. } => "weight-not-tunable",
            ProblemKind::WeightOutsideRange { .. } => "weight-outside-range",
            ProblemKind::ScoreOutsideScale { .. } => "score-outside-scale",
            ProblemKind::MismatchedFact { .. } => "mismatched-fact",
            ProblemKind::Inconsistent { .. } => "inconsistent-values",
            ProblemKind::FigureTooLarge { .. } => "figure-too-large",
            ProblemKind::Ocds(o) => o.code(),
        }
    }

    /// What was found, when the problem is about one value.
    pub fn found(&self) -> Option<String> {
        match self {
            ProblemKind::WrongType { found, .. }
            | ProblemKind::InvalidValue { found, .. }
            | ProblemKind::OutOfRange { found, .. }
            | ProblemKind::WeightOutsideRange { found, .. } => Some(found.clone()),
            ProblemKind::WrongDocument { found, .. } => Some(format!("\"{found}\"")),
            ProblemKind::DuplicateKey { key } => Some(format!("\"{key}\"")),
            ProblemKind::UnknownField { field, .. } => Some(format!("\"{field}\"")),
            ProblemKind::DuplicateId { id, .. } | ProblemKind::UnknownReference { id, .. } => {
                Some(format!("\"{id}\""))
            }
            ProblemKind::WeightsNot100 { total, .. } => Some(total.clone()),
            ProblemKind::ScoreOutsideScale { found, .. } => Some(found.to_string()),
            ProblemKind::TooLarge { bytes, .. } => Some(format!("{bytes} bytes")),
            ProblemKind::Ocds(o) => o.found(),
            _ => None,
        }
    }

    /// What was expected, when there is one clear answer.
    pub fn expected(&self) -> Option<String> {
        match self {
            ProblemKind::WrongType { expected, .. }
            | ProblemKind::InvalidValue { expected, .. }
            | ProblemKind::OutOfRange { expected, .. } => Some(expected.clone()),
            ProblemKind::WrongDocument { expected, .. } => Some(format!("\"{expected}\"")),
            ProblemKind::WeightsNot100 { .. } => Some("100".to_string()),
            ProblemKind::WeightOutsideRange { min, max, .. } => {
                Some(format!("from {min} to {max}"))
            }
            ProblemKind::ScoreOutsideScale { allowed, .. } => Some(format!(
                "one of {}",
                allowed
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ProblemKind::TooLarge { limit, .. } => Some(format!("at most {limit} bytes")),
            ProblemKind::UnknownField { allowed, .. } => Some(list(allowed)),
            ProblemKind::Ocds(o) => o.expected(),
            _ => None,
        }
    }

    /// The message: lowercase, the user's input quoted.
    pub fn message(&self) -> String {
        match self {
            ProblemKind::Syntax {
                detail,
                line,
                column,
            } => format!("the file is not valid JSON: {detail} (line {line}, column {column})"),
            ProblemKind::DuplicateKey { key } => {
                format!("the key \"{key}\" appears twice in the same object")
            }
            ProblemKind::TooDeep { limit } => {
                format!("values are nested more than {limit} levels deep")
            }
            ProblemKind::TooLarge { bytes, limit } => {
                format!("the document is {bytes} bytes long; the engine accepts at most {limit}")
            }
            ProblemKind::WrongDocument { found, expected } => {
                format!("this is a \"{found}\" document, but a \"{expected}\" document was expected")
            }
            ProblemKind::WrongType { expected, found } => {
                format!("expected {expected}, but found {found}")
            }
            ProblemKind::MissingField { field } => format!("the field \"{field}\" is missing"),
            ProblemKind::UnknownField { field, .. } => {
                format!("there is no field called \"{field}\" here")
            }
            ProblemKind::InvalidValue { found, expected } => {
                format!("{found} is not {expected}")
            }
            ProblemKind::OutOfRange { found, expected } => {
                format!("{found} is out of range: it must be {expected}")
            }
            ProblemKind::DuplicateId { id, first } => {
                format!("the id \"{id}\" is already used at \"{first}\"")
            }
            ProblemKind::UnknownReference { id, what, .. } => {
                format!("there is no {what} with the id \"{id}\"")
            }
            ProblemKind::WeightsNot100 { group, total } => {
                format!("the weights in {group} add up to {total}, not 100")
            }
            ProblemKind::RangeOutOfOrder { detail } => detail.clone(),
            ProblemKind::WeightNotTunable { criterion, .. } => format!(
                "the protocol does not let a tender change the weight of \"{criterion}\""
            ),
            ProblemKind::WeightOutsideRange {
                criterion,
                found,
                min,
                max,
            } => format!(
                "the weight {found} for \"{criterion}\" is outside the range the protocol allows ({min} to {max})"
            ),
            ProblemKind::ScoreOutsideScale {
                found,
                allowed,
                scale,
            } => format!(
                "the score {found} is not a point on the scale \"{scale}\" ({})",
                allowed
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ProblemKind::MismatchedFact { fact, holds, found } => {
                format!("the fact \"{fact}\" holds {holds}, but the rule compares it with {found}")
            }
            ProblemKind::Inconsistent { detail } => detail.clone(),
            ProblemKind::FigureTooLarge { detail } => {
                format!("a figure is too large to compute exactly: {detail}")
            }
            ProblemKind::Ocds(o) => o.message(),
        }
    }

    /// One line on how to put it right.
    pub fn help(&self) -> String {
        match self {
            ProblemKind::Syntax { .. } => {
                "check for a missing comma, quote or bracket near that place; a JSON validator or editor will point at it".into()
            }
            ProblemKind::DuplicateKey { .. } => {
                "keep one of the two entries and delete the other".into()
            }
            ProblemKind::TooDeep { .. } => {
                "no ulo document needs this much nesting; check the file is the one you meant".into()
            }
            ProblemKind::TooLarge { .. } => {
                "split the bids into smaller files, or remove attachments pasted into text fields".into()
            }
            ProblemKind::WrongDocument { .. } => {
                "choose the right file, or correct its \"document\" field".into()
            }
            ProblemKind::WrongType { .. } => {
                "amounts, percentages and other exact figures are written as text in quotes, such as \"250000.00\"; counts and scores are plain whole numbers".into()
            }
            ProblemKind::MissingField { field } => format!("add \"{field}\"; the schema describes what it holds"),
            ProblemKind::UnknownField { field, allowed } => match closest(field, allowed) {
                Some(c) => format!("did you mean \"{c}\"? the fields allowed here are {}", list(allowed)),
                None => format!("remove it; the fields allowed here are {}", list(allowed)),
            },
            ProblemKind::InvalidValue { .. } => "write the value in the form shown".into(),
            ProblemKind::OutOfRange { .. } => "change the value so that it is within the bounds shown".into(),
            ProblemKind::DuplicateId { .. } => "give each item its own id".into(),
            ProblemKind::UnknownReference { id, known, .. } => match closest(id, known) {
                Some(c) => format!("did you mean \"{c}\"?"),
                None if known.is_empty() => "add the item it refers to, or remove the reference".into(),
                None => format!("use one of {}", list(known)),
            },
            ProblemKind::WeightsNot100 { .. } => {
                "change the weights so that together they make exactly 100".into()
            }
            ProblemKind::RangeOutOfOrder { .. } => {
                "put the lower figure first and make each band start where the one before it ends".into()
            }
            ProblemKind::WeightNotTunable { tunable, .. } => {
                if tunable.is_empty() {
                    "this protocol fixes every weight; remove \"weights\" from the tender".into()
                } else {
                    format!("remove it; a tender may set the weights of {}", list(tunable))
                }
            }
            ProblemKind::WeightOutsideRange { .. } => {
                "choose a weight inside the range, and adjust the other weights so the group still makes 100".into()
            }
            ProblemKind::ScoreOutsideScale { .. } => {
                "use one of the scale's points; each point's descriptor says what it means".into()
            }
            ProblemKind::MismatchedFact { .. } => {
                "compare yes/no facts with true or false, and figures with a number in quotes".into()
            }
            ProblemKind::Inconsistent { .. } => "correct whichever figure is wrong".into(),
            ProblemKind::FigureTooLarge { .. } => {
                "check the amounts and weights for a typing slip (an extra digit, say)".into()
            }
            ProblemKind::Ocds(o) => o.help().into(),
        }
    }
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
    pub fn code(&self) -> String {
        format!("ulo::{}", self.kind.code())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ProblemReport::from(self).fmt(f)
    }
}

/// A problem as the JS API, the CLI's `--json` and the web app receive it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ProblemReport {
    /// Stable code, e.g. `ulo::missing-field`.
    pub code: String,
    /// The input it is in.
    pub document: Input,
    /// JSON pointer of the value at fault.
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
            help: p.kind.help(),
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
    pub fn reports(&self) -> Vec<ProblemReport> {
        self.0.iter().map(ProblemReport::from).collect()
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// The number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none (never the case for an `Err`).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
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

/// Why OCDS data cannot be imported at all. The import stops at the first of these, since
/// nothing past it can be read; everything it can read but not use is reported in the import
/// itself, not as a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OcdsProblem {
    /// The input is not a JSON object, so it cannot be OCDS data.
    NotObject {
        /// What was found, described.
        found: String,
    },
    /// An object with none of the keys that mark OCDS data.
    NotRecognised,
    /// A package's list of releases or records is not a list.
    NotAList {
        /// `releases` or `records`.
        list: &'static str,
        /// What was found, described.
        found: String,
    },
    /// A package whose list of releases or records is empty.
    EmptyPackage {
        /// `releases` or `records`.
        list: &'static str,
    },
    /// A package holding more than one release or record: which one describes the tender is
    /// not for ulo to guess.
    SeveralReleases {
        /// `releases` or `records`.
        list: &'static str,
        /// How many it holds.
        count: usize,
    },
    /// A record without a compiled release: ulo does not merge a record's releases itself.
    NoCompiledRelease,
    /// A release without a tender section.
    NoTender,
    /// A tender section that is not an object.
    TenderNotObject {
        /// What was found, described.
        found: String,
    },
}

impl OcdsProblem {
    /// A stable identifier (a wrong JSON type shares `wrong-type` with ulo's own documents).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            OcdsProblem::NotObject { .. }
            | OcdsProblem::NotAList { .. }
            | OcdsProblem::TenderNotObject { .. } => "wrong-type",
            OcdsProblem::NotRecognised => "ocds-not-recognised",
            OcdsProblem::EmptyPackage { .. } => "ocds-empty-package",
            OcdsProblem::SeveralReleases { .. } => "ocds-several-releases",
            OcdsProblem::NoCompiledRelease => "ocds-no-compiled-release",
            OcdsProblem::NoTender => "ocds-no-tender",
        }
    }

    /// What was found, when the problem is about one value.
    #[must_use]
    pub fn found(&self) -> Option<String> {
        match self {
            OcdsProblem::NotObject { found }
            | OcdsProblem::NotAList { found, .. }
            | OcdsProblem::TenderNotObject { found } => Some(found.clone()),
            OcdsProblem::SeveralReleases { list, count } => Some(format!("{count} {list}")),
            _ => None,
        }
    }

    /// What was expected, when there is one clear answer.
    #[must_use]
    pub fn expected(&self) -> Option<String> {
        match self {
            OcdsProblem::SeveralReleases { .. } => Some("1".into()),
            _ => None,
        }
    }

    /// The message: lowercase, the input quoted.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            OcdsProblem::NotObject { found } => {
                format!("expected OCDS data (a JSON object), but found {found}")
            }
            OcdsProblem::NotRecognised => "this is not OCDS data: it has none of \"releases\", \"records\", \"compiledRelease\", \"ocid\" or \"tender\"".into(),
            OcdsProblem::NotAList { list, found } => {
                format!("expected \"{list}\" to be a list, but found {found}")
            }
            OcdsProblem::EmptyPackage { list } => format!("the package's \"{list}\" list is empty"),
            OcdsProblem::SeveralReleases { list, count } => {
                format!("the package holds {count} {list}; ulo imports one tender at a time")
            }
            OcdsProblem::NoCompiledRelease => "the record has no \"compiledRelease\"; ulo reads a record's compiled release and does not merge its releases itself".into(),
            OcdsProblem::NoTender => "the release has no \"tender\" section, so there is no tender design to import".into(),
            OcdsProblem::TenderNotObject { found } => {
                format!("expected the tender as an object, but found {found}")
            }
        }
    }

    /// One line on how to put it right.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            OcdsProblem::NotObject { .. } => {
                "choose an OCDS release, record, release package or record package"
            }
            OcdsProblem::NotRecognised => "choose an OCDS release, record, release package or record package (a ulo tender file is opened directly, not imported)",
            OcdsProblem::NotAList { .. } | OcdsProblem::TenderNotObject { .. } => {
                "check that the file is OCDS data as published"
            }
            OcdsProblem::EmptyPackage { .. } => {
                "choose a package that holds the tender's release or record"
            }
            OcdsProblem::SeveralReleases { .. } => "save the release or record for your tender on its own (or a package holding only it), then import that",
            OcdsProblem::NoCompiledRelease => "ask the publisher for the record with its compiled release, or import the tender's latest release instead",
            OcdsProblem::NoTender => "import a release tagged \"tender\" (or a record's compiled release), which describes the tender",
        }
    }
}

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

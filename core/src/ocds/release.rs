//! Reading: which shape the input is (a release package, a record package, a release or a
//! record), which release in it describes the tender, and what that release says about itself.
//!
//! Only one release is ever read. A package holding several is refused rather than guessed at,
//! and a record is read through its `compiledRelease`: merging a record's releases is the
//! publisher's job, done by the rules of the OCDS merge routine, not something to approximate.

use super::values::{brief, get, text_of};
use crate::choice::choice;
use crate::error::{Input, OcdsProblem, Problem, ProblemKind, Reports};
use crate::json::escape_token;
use serde::Serialize;
use serde_json::{Map, Value};

choice! {
    /// The shape an OCDS input came in, so that a reader of an import knows where the release
    /// was found (a package may say who published it; a bare release or record cannot).
    pub enum SourceForm as "an OCDS form" {
        /// A release package: `releases`, holding the one release read.
        ReleasePackage = "release_package",
        /// A record package: `records`, holding one record whose compiled release is read.
        RecordPackage = "record_package",
        /// A bare release.
        Release = "release",
        /// A bare record, read through its compiled release.
        Record = "record",
    }
}

impl SourceForm {
    /// Whether the input is a package, whose `publisher` speaks for the data.
    #[must_use]
    pub fn is_package(self) -> bool {
        match self {
            SourceForm::ReleasePackage | SourceForm::RecordPackage => true,
            SourceForm::Release | SourceForm::Record => false,
        }
    }
}

/// The shape the import came from, where in it the release was found, and what it says about
/// itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "OcdsSource", optional_fields)
)]
pub struct Source {
    /// `release_package`, `record_package`, `release` or `record`.
    pub form: SourceForm,
    /// JSON pointer of the release that was read (`""` for a bare release).
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
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

/// The release to import: where it is in the input, and its tender section (always an object).
pub(super) struct Notice<'a> {
    /// What was read, for the import's account.
    pub source: Source,
    /// The release.
    pub release: &'a Value,
    /// The release's `tender`.
    pub tender: &'a Map<String, Value>,
    /// The same, as a value, for reading by path.
    pub tender_value: &'a Value,
}

impl<'a> Notice<'a> {
    /// JSON pointer, in the input, of `path` inside the release.
    pub fn at(&self, path: &[&str]) -> String {
        let mut p = self.source.release_pointer.clone();
        for t in path {
            p.push('/');
            p.push_str(&escape_token(t));
        }
        p
    }

    /// The input's value at the JSON pointer `from`, a place inside the release read.
    pub fn value_at(&self, from: &str) -> Option<&'a Value> {
        let own = self.source.release_pointer.as_str();
        let rel = from.strip_prefix(own).unwrap_or(from);
        if rel.is_empty() {
            Some(self.release)
        } else {
            self.release.pointer(rel)
        }
    }

    /// JSON pointer, in the input, of `path` inside the release's tender.
    pub fn tender_at(&self, path: &[&str]) -> String {
        let mut full = vec!["tender"];
        full.extend_from_slice(path);
        self.at(&full)
    }

    /// The value at `path` inside the tender (JSON null counts as absent).
    pub fn tender(&self, path: &[&str]) -> Option<&'a Value> {
        get(self.tender_value, path)
    }

    /// The value at `path` inside the release (JSON null counts as absent).
    pub fn release(&self, path: &[&str]) -> Option<&'a Value> {
        get(self.release, path)
    }

    /// The tender's object at `key`, when there is one.
    pub fn tender_object(&self, key: &str) -> Option<&'a Map<String, Value>> {
        self.tender(&[key]).and_then(Value::as_object)
    }

    /// The entries of the tender's object at `section` that are not null, each with its
    /// pointer in the input.
    pub fn entries(
        &self,
        section: &'static str,
    ) -> impl Iterator<Item = (String, &'a str, &'a Value)> + '_ {
        self.tender_object(section)
            .into_iter()
            .flatten()
            .filter(|(_, v)| !v.is_null())
            .map(move |(k, v)| (self.tender_at(&[section, k]), k.as_str(), v))
    }

    /// The tender's list at `path`, or an empty one.
    pub fn tender_list(&self, path: &[&str]) -> &'a [Value] {
        self.tender(path)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the release amends the tender (tagged `tenderAmendment`), when its description
    /// may describe the change rather than the service.
    pub fn is_amendment(&self) -> bool {
        self.source.tags.iter().any(|t| t == "tenderAmendment")
    }
}

/// Finds the release in `input` and its tender. `Err` is why there is nothing to import.
pub(super) fn read(input: &Value) -> Result<Notice<'_>, Reports> {
    let (release, source) = locate(input)?;
    let Some(tender_value) = release.get("tender").filter(|t| !t.is_null()) else {
        return Err(problem(source.release_pointer, OcdsProblem::NoTender));
    };
    let Some(tender) = tender_value.as_object() else {
        return Err(problem(
            format!("{}/tender", source.release_pointer),
            OcdsProblem::TenderNotObject {
                found: brief(tender_value),
            },
        ));
    };
    Ok(Notice {
        source,
        release,
        tender,
        tender_value,
    })
}

/// The answer of an import that cannot start: one problem, since nothing past it can be read.
fn problem(pointer: impl Into<String>, problem: OcdsProblem) -> Reports {
    Reports::from(Problem::new(
        Input::Ocds,
        pointer,
        ProblemKind::Ocds(problem),
    ))
}

/// The release in `input`, by the input's shape, and what it says about itself.
fn locate(input: &Value) -> Result<(&Value, Source), Reports> {
    let Some(obj) = input.as_object() else {
        return Err(problem(
            "",
            OcdsProblem::NotObject {
                found: brief(input),
            },
        ));
    };
    let package = Package {
        publisher: text_of(obj.get("publisher").and_then(|p| p.get("name"))),
        license: text_of(obj.get("license")),
    };
    if let Some(releases) = obj.get("releases") {
        only_one("releases", releases)?;
        let release = &releases[0];
        let source = package.source(SourceForm::ReleasePackage, "/releases/0", release, None);
        return Ok((release, source));
    }
    if let Some(records) = obj.get("records") {
        only_one("records", records)?;
        let record = &records[0];
        let release = compiled(record, "/records/0")?;
        let ocid = text_of(record.get("ocid"));
        let source = package.source(
            SourceForm::RecordPackage,
            "/records/0/compiledRelease",
            release,
            ocid,
        );
        return Ok((release, source));
    }
    if obj.contains_key("compiledRelease") {
        let release = compiled(input, "")?;
        let ocid = text_of(obj.get("ocid"));
        return Ok((
            release,
            package.source(SourceForm::Record, "/compiledRelease", release, ocid),
        ));
    }
    if obj.contains_key("ocid") || obj.contains_key("tender") {
        return Ok((input, package.source(SourceForm::Release, "", input, None)));
    }
    Err(problem("", OcdsProblem::NotRecognised))
}

/// What a package says about itself (nothing, for a bare release or record).
struct Package {
    publisher: Option<String>,
    license: Option<String>,
}

impl Package {
    /// The account of a release found at `pointer`; `ocid` is the record's, used when the
    /// release gives none.
    fn source(
        &self,
        form: SourceForm,
        pointer: &str,
        release: &Value,
        ocid: Option<String>,
    ) -> Source {
        Source {
            form,
            release_pointer: pointer.to_string(),
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
            publisher: self.publisher.clone(),
            license: self.license.clone(),
        }
    }
}

/// Checks that a package's `releases` or `records` holds exactly one item.
fn only_one(list: &'static str, items: &Value) -> Result<(), Reports> {
    let Some(a) = items.as_array() else {
        let found = brief(items);
        return Err(problem(
            format!("/{list}"),
            OcdsProblem::NotAList { list, found },
        ));
    };
    match a.len() {
        1 => Ok(()),
        0 => Err(problem(
            format!("/{list}"),
            OcdsProblem::EmptyPackage { list },
        )),
        count => Err(problem(
            format!("/{list}"),
            OcdsProblem::SeveralReleases { list, count },
        )),
    }
}

/// A record's compiled release.
fn compiled<'v>(record: &'v Value, pointer: &str) -> Result<&'v Value, Reports> {
    record
        .get("compiledRelease")
        .filter(|c| c.is_object())
        .ok_or_else(|| problem(pointer, OcdsProblem::NoCompiledRelease))
}

//! Why OCDS data cannot be imported at all, in the same words as every other problem.

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

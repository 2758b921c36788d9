//! The account of what the notice gives but the draft does not use, kept as the mapping and the
//! report of unused sections go, in the order met.

use super::values::brief;
use serde::Serialize;
use serde_json::Value;

/// The reason for a field ulo's tender has no place for.
pub(super) const NO_FIELD: &str = "ulo's tender has no field for this";

/// One OCDS value present in the input that the draft does not use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct NotMapped {
    /// JSON pointer of the OCDS value in the input.
    #[cfg_attr(feature = "ts", ts(as = "crate::typescript::JsonPointer"))]
    pub from: String,
    /// The value, briefly.
    pub found: String,
    /// Why it was not used.
    pub reason: String,
}

/// The values not used so far, in the order they were met.
#[derive(Default)]
pub(super) struct Skipped(Vec<NotMapped>);

impl Skipped {
    /// Notes that the value `found` at `from` is not used, and why.
    pub fn add(&mut self, from: String, found: &Value, reason: impl Into<String>) {
        self.push(from, brief(found), reason);
    }

    /// As [`Skipped::add`], unless the value at `from` is already reported with this reason
    /// (a tender-wide value that several lots would each report).
    pub fn add_once(&mut self, from: String, found: &Value, reason: impl Into<String>) {
        let reason = reason.into();
        if !self.0.iter().any(|n| n.from == from && n.reason == reason) {
            self.add(from, found, reason);
        }
    }

    /// As [`Skipped::add`], with the value already described.
    pub fn push(&mut self, from: String, found: String, reason: impl Into<String>) {
        self.0.push(NotMapped {
            from,
            found,
            reason: reason.into(),
        });
    }

    /// The list.
    pub fn into_list(self) -> Vec<NotMapped> {
        self.0
    }
}

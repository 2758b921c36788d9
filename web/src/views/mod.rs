//! The screens and their parts. Views show what the core computed; they compute nothing.

pub mod bids;
pub mod chart;
pub mod compare;
pub mod export;
pub mod fields;
pub mod file_picker;
pub mod form;
pub mod import;
pub mod lot_model;
pub mod ocds_import;
pub mod procurement;
pub mod protocol;
pub mod ranking;
pub mod regime;
pub mod report;
pub mod results;
pub mod scorecard;
pub mod scoring;
pub mod tender;
pub mod tenders;
pub mod what_if;

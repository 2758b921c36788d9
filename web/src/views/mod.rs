//! The screens and their parts. Views show what the core computed; they compute nothing.

pub mod ranking;
pub mod score_editor;

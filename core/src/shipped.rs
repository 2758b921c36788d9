//! The protocol and worked example shipped with ulo.
//!
//! The User-Led Commissioning Protocol (`core/protocols/ulcp.json`) is built from the sources in
//! the project's domain notes, each rule citing its clause. The worked example is a tender for an
//! independent living support service in three lots, with bids that show each part of the engine.
//! This module holds the texts only; [`crate::Protocol::shipped`] reads and checks the protocol.

/// The User-Led Commissioning Protocol, as JSON.
pub const PROTOCOL: &str = include_str!("../protocols/ulcp.json");
/// The worked example tender, as JSON.
pub const EXAMPLE_TENDER: &str = include_str!("../protocols/example-tender.json");
/// The worked example's bids, with the panel's scores, as JSON.
pub const EXAMPLE_BIDS: &str = include_str!("../protocols/example-bids.json");
/// A worked self-check: a Centre for Independent Living's draft response to the example.
pub const EXAMPLE_SELF_CHECK: &str = include_str!("../protocols/example-self-check.json");

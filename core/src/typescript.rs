//! Names for the TypeScript declarations of the results (feature `ts` only).
//!
//! Results hold ids, amounts, percentages and exact figures as plain `String`s. The JS API's
//! declarations (bindings/package/ulo.d.ts) give those strings the names of the scalar aliases
//! it declares by hand (`Id`, `Money`, `Percent`...), so that a portal's developer reads what a
//! string holds. Each type here stands for one alias in a field's `#[ts(as = "...")]`: it is
//! named, never declared (the alias and its documentation are written in ulo.d.ts), and it is
//! never a value. This module imports nothing from the crate.
//!
//! Each output struct derives `TS` with `ts(optional_fields)`: every `Option` field of a result
//! is left out of the JSON when `None` (`skip_serializing_if`), never written as `null`, so it is
//! declared `field?: T`. A list or a flag left out when empty or false is declared the same way
//! with `as = "Option<...>"`. The tsc check over real answers (tests/api) fails if one is not.

/// Declares each marker type with the TypeScript name it stands for.
macro_rules! aliases {
    ($( $(#[$meta:meta])* $name:ident; )+) => {
        $(
            $(#[$meta])*
            pub struct $name;

            impl ts_rs::TS for $name {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;

                fn name(_: &ts_rs::Config) -> String {
                    stringify!($name).to_owned()
                }

                fn inline(cfg: &ts_rs::Config) -> String {
                    <Self as ts_rs::TS>::name(cfg)
                }
            }
        )+
    };
}

aliases! {
    /// A short id: a protocol's, a tender's, a lot's, a bid's, a criterion's...
    Id;
    /// Pounds as text, at most 2 decimal places.
    Money;
    /// A percentage from 0 to 100 as text.
    Percent;
    /// A calendar date, `YYYY-MM-DD`.
    IsoDate;
    /// An exact decimal or fraction produced by the engine (`28.50`, `10/3`).
    ExactText;
    /// A JSON pointer (RFC 6901).
    JsonPointer;
}

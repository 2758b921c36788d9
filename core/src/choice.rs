//! Closed sets of words: a field that holds one of a fixed list (a severity, a legal form...).
//!
//! Each set is declared once with [`choice!`], which writes the enum, its [`Choice`] table and
//! its `Serialize` impl from the same list, so a word cannot be spelt one way when read and
//! another when written. This module imports nothing from the crate: every other module, down to
//! `exact`'s rounding modes, may declare a set.

/// A closed set of words a field may hold. `ALL` lists them in the order the schema does;
/// tests compare the two.
pub trait Choice: Sized + Copy + 'static {
    /// Every allowed word and the value it stands for.
    const ALL: &'static [(&'static str, Self)];
    /// How to describe the set in an error message ("a severity").
    const WHAT: &'static str;

    /// The word for this value.
    fn word(self) -> &'static str;
}

/// Declares a closed set of words: the enum (`Clone`, `Copy`, `Debug`, `PartialEq`, `Eq`, and
/// whatever else its attributes derive), its `word`, its [`Choice`] impl, and `Serialize` as the
/// word; with the feature `ts`, also ts-rs's `TS` as the union of the words, named after the enum
/// or, after `in TypeScript "Name"`, as the JS API's declarations have always named it.
///
/// ```ignore
/// choice! {
///     /// How serious a barrier is.
///     pub enum Severity as "a severity" {
///         /// The protocol requires it.
///         Must = "must",
///         /// The protocol recommends it.
///         Should = "should",
///     }
/// }
/// ```
macro_rules! choice {
    (@ts_name $name:ident) => {
        stringify!($name)
    };
    (@ts_name $name:ident $ts_name:literal) => {
        $ts_name
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident as $what:literal $(in TypeScript $ts_name:literal)? {
            $( $(#[$variant_meta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }

        impl $name {
            /// The word documents hold for this value (also [`Choice::word`], here so that
            /// callers need not import the trait).
            #[must_use]
            #[allow(dead_code)]
            pub fn word(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($word, $name::$variant)),+];
            const WHAT: &'static str = $what;

            fn word(self) -> &'static str {
                $name::word(self)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::choice::Choice::word(*self))
            }
        }

        /// The union of the words, in the schema's order (`'must' | 'should'`), so that the
        /// JS API's declarations name exactly the words this set reads and writes.
        #[cfg(feature = "ts")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn name(_: &ts_rs::Config) -> String {
                $crate::choice::choice!(@ts_name $name $($ts_name)?).to_owned()
            }

            fn inline(_: &ts_rs::Config) -> String {
                [$(concat!("'", $word, "'")),+].join(" | ")
            }

            fn decl(cfg: &ts_rs::Config) -> String {
                format!(
                    "type {} = {};",
                    <Self as ts_rs::TS>::name(cfg),
                    <Self as ts_rs::TS>::inline(cfg)
                )
            }

            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <Self as ts_rs::TS>::decl(cfg)
            }

            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }
    };
}

pub(crate) use choice;

#[cfg(test)]
mod tests {
    use super::Choice;

    choice! {
        /// A set for the tests.
        enum Colour as "a colour" {
            /// Red.
            Red = "red",
            /// Dark blue.
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn words_round_trip_in_order() {
        assert_eq!(
            Colour::ALL,
            &[("red", Colour::Red), ("dark_blue", Colour::DarkBlue)]
        );
        for (word, value) in Colour::ALL {
            assert_eq!(value.word(), *word);
        }
        assert_eq!(Colour::WHAT, "a colour");
    }

    #[cfg(feature = "ts")]
    #[test]
    fn declares_the_union_of_its_words_in_typescript() {
        use ts_rs::TS;
        let cfg = ts_rs::Config::new();
        assert_eq!(Colour::decl(&cfg), "type Colour = 'red' | 'dark_blue';");
        choice! {
            /// A set named otherwise in the JS API's declarations.
            enum Shade as "a shade" in TypeScript "Tone" {
                /// Pale.
                Pale = "pale",
            }
        }
        assert_eq!(Shade::name(&cfg), "Tone");
        assert_eq!(Shade::inline(&cfg), "'pale'");
    }

    #[test]
    fn serialises_as_its_word() {
        assert_eq!(
            serde_json::to_string(&Colour::DarkBlue).unwrap(),
            "\"dark_blue\""
        );
    }
}

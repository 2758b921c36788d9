//! The rule language: comparisons of tender facts, combined with all / any / not.
//!
//! It is deliberately small. A condition is a finite tree of comparisons, so evaluating it
//! always terminates; every comparison names one fact and one limit, so a commissioner can read
//! it and the engine can say which figure failed. Logic is three-valued: a comparison with a fact
//! the tender does not state is *unknown*, and unknown never silently counts as met.

use crate::choice::{choice, Choice};
use crate::error::{Document, Problem, ProblemKind};
use crate::exact::Exact;
use crate::facts::{FactKind, FactValue, TenderFact};
use crate::read::{describe, At, DecimalKind, Reader};
use crate::vocab::{money, Scope};
use serde_json::Value;

choice! {
    /// A numeric comparison, named by the key a rule writes it with (`"at_most": "3"`).
    pub enum Op as "a comparison" {
        /// `fact <= limit`
        AtMost = "at_most",
        /// `fact >= limit`
        AtLeast = "at_least",
        /// `fact < limit`
        LessThan = "less_than",
        /// `fact > limit`
        MoreThan = "more_than",
        /// `fact == limit`
        Equals = "equals",
    }
}

impl Op {
    /// The comparison in words ("at most").
    pub fn phrase(self) -> &'static str {
        match self {
            Op::AtMost => "at most",
            Op::AtLeast => "at least",
            Op::LessThan => "less than",
            Op::MoreThan => "more than",
            Op::Equals => "exactly",
        }
    }

    fn holds(self, a: Exact, b: Exact) -> bool {
        match self {
            Op::AtMost => a <= b,
            Op::AtLeast => a >= b,
            Op::LessThan => a < b,
            Op::MoreThan => a > b,
            Op::Equals => a == b,
        }
    }
}

/// A condition over tender facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// A figure compared with a limit.
    Compare {
        /// The fact.
        fact: TenderFact,
        /// How.
        op: Op,
        /// The limit.
        limit: Exact,
    },
    /// A yes/no fact that must have this value.
    Is {
        /// The fact.
        fact: TenderFact,
        /// The required value.
        value: bool,
    },
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
}

/// Three-valued truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    /// Holds.
    Yes,
    /// Does not hold.
    No,
    /// Cannot tell: a fact it needs is not stated.
    Unknown,
}

/// The fields a comparison object may have.
pub const COMPARISON_FIELDS: &[&str] = &[
    "fact",
    "at_most",
    "at_least",
    "less_than",
    "more_than",
    "equals",
    "is",
];

impl Condition {
    /// Reads a condition: exactly one of `{"fact", <op>}`, `{"all": [...]}`, `{"any": [...]}`,
    /// `{"not": {...}}`.
    pub fn read(r: &mut Reader, at: At) -> Option<Condition> {
        let Value::Object(map) = at.value else {
            r.report(
                at.pointer(),
                ProblemKind::WrongType {
                    expected: "a condition: an object such as {\"fact\": \"lot_count\", \"at_least\": \"2\"}".into(),
                    found: describe(at.value),
                },
            );
            return None;
        };
        if map.contains_key("all") || map.contains_key("any") {
            let key = if map.contains_key("all") {
                "all"
            } else {
                "any"
            };
            let f = r.object(at, &[key], &[key])?;
            let parts = r.list(f.get(key), 1, 20, Condition::read)?;
            return Some(if key == "all" {
                Condition::All(parts)
            } else {
                Condition::Any(parts)
            });
        }
        if map.contains_key("not") {
            let f = r.object(at, &["not"], &["not"])?;
            return Some(Condition::Not(Box::new(Condition::read(r, f.get("not")?)?)));
        }
        let f = r.object(at, COMPARISON_FIELDS, &["fact"])?;
        let fact = r.choice::<TenderFact>(f.get("fact"));
        let ops: Vec<&str> = COMPARISON_FIELDS[1..]
            .iter()
            .copied()
            .filter(|k| map.contains_key(*k))
            .collect();
        if ops.len() != 1 {
            r.report(
                at.pointer(),
                ProblemKind::NotOneComparison {
                    found: ops.iter().map(ToString::to_string).collect(),
                },
            );
            return None;
        }
        let op_key = ops[0];
        if op_key == "is" {
            let value = r.boolean(f.get("is"));
            return Some(Condition::Is {
                fact: fact?,
                value: value?,
            });
        }
        let limit = r.decimal(f.get(op_key), DecimalKind::Figure);
        let op = Op::ALL
            .iter()
            .find(|(w, _)| *w == op_key)
            .map(|(_, o)| *o)?;
        Some(Condition::Compare {
            fact: fact?,
            op,
            limit: limit?,
        })
    }

    /// Checks each comparison against its fact's kind and the rule's scope.
    pub fn check(&self, scope: Scope, pointer: &str, problems: &mut Vec<Problem>) {
        let mut report = |p: String, kind| problems.push(Problem::new(Document::Protocol, p, kind));
        match self {
            Condition::Compare { fact, op, limit } => {
                if fact.kind() == FactKind::YesNo {
                    report(
                        format!("{pointer}/{}", op.word()),
                        ProblemKind::MismatchedFact {
                            fact: fact.name().into(),
                            holds: fact.kind().holds(),
                            found: format!("the figure \"{}\"", limit.to_exact_string()),
                        },
                    );
                }
                if fact.kind() == FactKind::Percent && *limit > Exact::HUNDRED {
                    report(
                        format!("{pointer}/{}", op.word()),
                        ProblemKind::OutOfRange {
                            found: format!("\"{}\"", limit.to_exact_string()),
                            expected: format!(
                                "at most 100, as \"{}\" is a percentage",
                                fact.name()
                            ),
                        },
                    );
                }
                check_scope(*fact, scope, pointer, &mut report);
            }
            Condition::Is { fact, value } => {
                if fact.kind() != FactKind::YesNo {
                    report(
                        format!("{pointer}/is"),
                        ProblemKind::MismatchedFact {
                            fact: fact.name().into(),
                            holds: fact.kind().holds(),
                            found: format!("{value}"),
                        },
                    );
                }
                check_scope(*fact, scope, pointer, &mut report);
            }
            Condition::All(parts) | Condition::Any(parts) => {
                let key = if matches!(self, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                for (i, c) in parts.iter().enumerate() {
                    c.check(scope, &format!("{pointer}/{key}/{i}"), problems);
                }
            }
            Condition::Not(c) => c.check(scope, &format!("{pointer}/not"), problems),
        }
    }

    /// Evaluates the condition, looking facts up with `fact`.
    pub fn eval(&self, fact: &impl Fn(TenderFact) -> FactValue) -> Truth {
        match self {
            Condition::Compare { fact: f, op, limit } => match fact(*f) {
                FactValue::Number(v) => truth(op.holds(v, *limit)),
                _ => Truth::Unknown,
            },
            Condition::Is { fact: f, value } => match fact(*f) {
                FactValue::YesNo(b) => truth(b == *value),
                _ => Truth::Unknown,
            },
            Condition::All(parts) => {
                let mut out = Truth::Yes;
                for p in parts {
                    match p.eval(fact) {
                        Truth::No => return Truth::No,
                        Truth::Unknown => out = Truth::Unknown,
                        Truth::Yes => {}
                    }
                }
                out
            }
            Condition::Any(parts) => {
                let mut out = Truth::No;
                for p in parts {
                    match p.eval(fact) {
                        Truth::Yes => return Truth::Yes,
                        Truth::Unknown => out = Truth::Unknown,
                        Truth::No => {}
                    }
                }
                out
            }
            Condition::Not(c) => match c.eval(fact) {
                Truth::Yes => Truth::No,
                Truth::No => Truth::Yes,
                Truth::Unknown => Truth::Unknown,
            },
        }
    }

    /// Every fact the condition reads, in order, without repeats.
    pub fn facts(&self) -> Vec<TenderFact> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<TenderFact>) {
        match self {
            Condition::Compare { fact, .. } | Condition::Is { fact, .. } => {
                if !out.contains(fact) {
                    out.push(*fact);
                }
            }
            Condition::All(parts) | Condition::Any(parts) => {
                for p in parts {
                    p.collect(out);
                }
            }
            Condition::Not(c) => c.collect(out),
        }
    }

    /// Whether the condition reads this fact.
    pub fn uses(&self, fact: TenderFact) -> bool {
        self.facts().contains(&fact)
    }

    /// The condition in plain English: "the number of lots is at least 2, or ...".
    pub fn describe(&self) -> String {
        match self {
            Condition::Compare { fact, op, limit } => {
                let shown = match fact.kind() {
                    FactKind::Money => money(*limit),
                    FactKind::Percent => format!("{}%", limit.to_exact_string()),
                    _ => limit.to_exact_string(),
                };
                format!("{} is {} {}", fact.label(), op.phrase(), shown)
            }
            Condition::Is { fact, value } => {
                let label = fact.label();
                let bare = label.strip_prefix("whether ").unwrap_or(label);
                if label.starts_with("whether ") {
                    if *value {
                        format!("yes: {bare}")
                    } else {
                        format!("no: it is not the case that {bare}")
                    }
                } else {
                    format!("{label} is {}", if *value { "yes" } else { "no" })
                }
            }
            Condition::All(parts) => join(parts, "and"),
            Condition::Any(parts) => join(parts, "or"),
            Condition::Not(c) => format!("not ({})", c.describe()),
        }
    }
}

fn join(parts: &[Condition], word: &str) -> String {
    let texts: Vec<String> = parts
        .iter()
        .map(|p| match p {
            Condition::All(_) | Condition::Any(_) => format!("({})", p.describe()),
            _ => p.describe(),
        })
        .collect();
    texts.join(&format!("; {word} "))
}

fn truth(b: bool) -> Truth {
    if b {
        Truth::Yes
    } else {
        Truth::No
    }
}

fn check_scope(
    fact: TenderFact,
    scope: Scope,
    pointer: &str,
    report: &mut impl FnMut(String, ProblemKind),
) {
    if fact.scope() == Scope::Lot && scope == Scope::Tender {
        report(
            format!("{pointer}/fact"),
            ProblemKind::LotFactInTenderRule {
                fact: fact.name().into(),
            },
        );
    }
}

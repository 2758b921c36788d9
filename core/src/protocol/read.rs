//! Reading a protocol document into the typed model: accepts exactly what
//! `schemas/protocol.schema.json` accepts, and reports every problem with its JSON pointer.

use super::model::{
    AbnormallyLow, Affordability, Applies, AwardModel, Band, BarrierRule, BidFact, Criterion,
    CriterionBody, Eligibility, EligibilityRule, EligibilityTest, Gate, Holding, LegalForm, Method,
    Minimum, Moderation, ModerationMethod, PriceFormula, ProtocolDoc, Rounding, Scale, ScalePoint,
    TieBreak, Tunable,
};
use crate::condition::Condition;
use crate::error::{Document, ProblemKind, Problems};
use crate::read::{describe, read_document, At, DecimalKind, Reader, TEXT_MAX, TITLE_MAX};
use crate::regime::Regime;
use crate::vocab::{Cite, Source};
use serde_json::Value;

/// The longest clause reference a citation may hold.
const CLAUSE_MAX: usize = 100;

fn read_cites(r: &mut Reader, at: Option<At>) -> Option<Vec<Cite>> {
    read_cites_of(r, at, false)
}

/// The award model's cites, which may each name the regimes they are shown under.
fn read_award_cites(r: &mut Reader, at: Option<At>) -> Option<Vec<Cite>> {
    read_cites_of(r, at, true)
}

fn read_cites_of(r: &mut Reader, at: Option<At>, award: bool) -> Option<Vec<Cite>> {
    let fields: &[&str] = if award {
        &["source", "clause", "regimes"]
    } else {
        &["source", "clause"]
    };
    r.list(at, 1, 20, |r, at| {
        let f = r.object(at, fields, &["source", "clause"])?;
        let source = r.id(f.get("source"));
        let clause = r.text(f.get("clause"), CLAUSE_MAX);
        let regimes = r.optional(f.get("regimes"), |r, at| {
            r.list(Some(at), 1, 11, |r, at| {
                r.choice(Some(at)).map(Regime::word)
            })
        });
        Some(Cite {
            source: source?,
            clause: clause?,
            regimes: regimes?,
        })
    })
}

fn read_source(r: &mut Reader, at: At) -> Option<Source> {
    let f = r.object(
        at,
        &["id", "title", "kind", "url"],
        &["id", "title", "kind"],
    )?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let kind = r.choice(f.get("kind"));
    let url = r.optional(f.get("url"), |r, at| {
        let s = r.text(Some(at), 500)?;
        if s.starts_with("https://") || s.starts_with("http://") {
            if s.chars().any(char::is_whitespace) {
                r.report(
                    at.pointer(),
                    ProblemKind::InvalidValue {
                        found: describe(at.value),
                        expected: "a web address with no spaces".into(),
                    },
                );
                return None;
            }
            Some(s)
        } else {
            r.report(
                at.pointer(),
                ProblemKind::InvalidValue {
                    found: describe(at.value),
                    expected: "a web address starting with https:// or http://".into(),
                },
            );
            None
        }
    });
    Some(Source {
        id: id?,
        title: title?,
        kind: kind?,
        url: url?,
    })
}

fn read_scale(r: &mut Reader, at: At) -> Option<Scale> {
    let f = r.object(at, &["id", "title", "points"], &["id", "title", "points"])?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let points = r.list(f.get("points"), 2, 11, |r, at| {
        let f = r.object(
            at,
            &["score", "label", "descriptor"],
            &["score", "label", "descriptor"],
        )?;
        let score = r.int(f.get("score"), 0, 100);
        let label = r.text(f.get("label"), 60);
        let descriptor = r.text(f.get("descriptor"), TEXT_MAX);
        Some(ScalePoint {
            score: score?,
            label: label?,
            descriptor: descriptor?,
        })
    });
    Some(Scale {
        id: id?,
        title: title?,
        points: points?,
    })
}

fn read_eligibility_rule(r: &mut Reader, at: At) -> Option<EligibilityRule> {
    let (f, which) = r.variant(
        at,
        "type",
        &[
            (
                "board_share",
                &["type", "op", "percent"],
                &["type", "op", "percent"],
            ),
            (
                "staff_share",
                &["type", "op", "percent"],
                &["type", "op", "percent"],
            ),
            (
                "volunteer_share",
                &["type", "op", "percent"],
                &["type", "op", "percent"],
            ),
            (
                "declaration",
                &["type", "declaration"],
                &["type", "declaration"],
            ),
            ("legal_form", &["type", "allowed"], &["type", "allowed"]),
        ],
    )?;
    match which {
        0..=2 => {
            let op = r.choice(f.get("op"));
            let percent = r.decimal(f.get("percent"), DecimalKind::Percent);
            let (op, percent) = (op?, percent?);
            Some(match which {
                0 => EligibilityRule::BoardShare { op, percent },
                1 => EligibilityRule::StaffShare { op, percent },
                _ => EligibilityRule::VolunteerShare { op, percent },
            })
        }
        3 => Some(EligibilityRule::Declaration(
            r.choice(f.get("declaration"))?,
        )),
        _ => {
            let allowed = r.list(f.get("allowed"), 1, 20, |r, at| {
                r.choice::<LegalForm>(Some(at))
            })?;
            Some(EligibilityRule::LegalForm(allowed))
        }
    }
}

fn read_eligibility(r: &mut Reader, at: At) -> Option<Eligibility> {
    let f = r.object(at, &["summary", "tests"], &["summary", "tests"])?;
    let summary = r.text(f.get("summary"), TEXT_MAX);
    let tests = r.list(f.get("tests"), 1, 20, |r, at| {
        let f = r.object(
            at,
            &["id", "title", "rule", "optional", "cites"],
            &["id", "title", "rule", "cites"],
        )?;
        let id = r.id(f.get("id"));
        let title = r.text(f.get("title"), TITLE_MAX);
        let rule = f.get("rule").and_then(|at| read_eligibility_rule(r, at));
        let optional = r.optional(f.get("optional"), |r, at| r.boolean(Some(at)));
        let cites = read_cites(r, f.get("cites"));
        Some(EligibilityTest {
            id: id?,
            title: title?,
            rule: rule?,
            optional: optional?.unwrap_or(false),
            cites: cites?,
        })
    });
    Some(Eligibility {
        summary: summary?,
        tests: tests?,
    })
}

fn read_barrier(r: &mut Reader, at: At) -> Option<BarrierRule> {
    const FIELDS: &[&str] = &[
        "id", "title", "scope", "severity", "require", "finding", "why", "fix", "question",
        "cites", "applies",
    ];
    const REQUIRED: &[&str] = &[
        "id", "title", "scope", "require", "finding", "why", "fix", "question",
    ];
    let pointer = at.pointer();
    let f = r.object(at, FIELDS, REQUIRED)?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let scope = r.choice(f.get("scope"));
    let require = f.get("require").and_then(|at| Condition::read(r, at));
    let finding = r.text(f.get("finding"), TEXT_MAX);
    let why = r.text(f.get("why"), TEXT_MAX);
    let fix = r.text(f.get("fix"), TEXT_MAX);
    let question = r.text(f.get("question"), TEXT_MAX);
    let holding = match (f.get("severity"), f.get("cites"), f.get("applies")) {
        (Some(severity), Some(cites), None) => {
            let severity = r.choice(Some(severity));
            let cites = read_cites(r, Some(cites));
            Some(Holding::Everywhere {
                severity: severity?,
                cites: cites?,
            })
        }
        (None, None, Some(applies)) => r
            .list(Some(applies), 1, 20, read_applies)
            .map(Holding::ByRegime),
        _ => {
            r.report(
                pointer,
                ProblemKind::MissingFieldSet {
                    sets: vec![vec!["severity", "cites"], vec!["applies"]],
                },
            );
            None
        }
    };
    Some(BarrierRule {
        id: id?,
        title: title?,
        scope: scope?,
        holding: holding?,
        require: require?,
        finding: finding?,
        why: why?,
        fix: fix?,
        question: question?,
    })
}

/// One entry of a rule's `applies`: where it holds and on what.
fn read_applies(r: &mut Reader, at: At) -> Option<Applies> {
    let f = r.object(
        at,
        &["regimes", "nations", "standing", "cites", "note"],
        &["regimes", "standing", "cites"],
    )?;
    let regimes = r.list(f.get("regimes"), 1, 11, |r, at| r.choice(Some(at)));
    let nations = r.optional(f.get("nations"), |r, at| {
        r.list(Some(at), 1, 4, |r, at| r.choice(Some(at)))
    });
    let standing = r.choice(f.get("standing"));
    let cites = read_cites(r, f.get("cites"));
    let note = r.optional(f.get("note"), |r, at| r.text(Some(at), TEXT_MAX));
    Some(Applies {
        regimes: regimes?,
        nations: nations?,
        standing: standing?,
        cites: cites?,
        note: note?,
    })
}

/// The deepest criteria tree: groups, subgroups, and leaves.
pub const MAX_CRITERIA_DEPTH: usize = 3;

fn read_method(r: &mut Reader, at: At) -> Option<Method> {
    let (f, which) = r.variant(
        at,
        "type",
        &[
            ("panel", &["type", "scale", "minimum"], &["type", "scale"]),
            (
                "banded",
                &["type", "fact", "bands", "out_of"],
                &["type", "fact", "bands", "out_of"],
            ),
            ("price", &["type", "formula"], &["type", "formula"]),
        ],
    )?;
    match which {
        0 => {
            let scale = r.id(f.get("scale"));
            let minimum = r.optional(f.get("minimum"), |r, at| {
                let f = r.object(at, &["score", "disqualifies"], &["score", "disqualifies"])?;
                let score = r.int(f.get("score"), 0, 100);
                let disqualifies = r.boolean(f.get("disqualifies"));
                Some(Minimum {
                    score: score?,
                    disqualifies: disqualifies?,
                })
            });
            Some(Method::Panel {
                scale: scale?,
                minimum: minimum?,
            })
        }
        1 => {
            let fact = r.id(f.get("fact"));
            let bands = r.list(f.get("bands"), 1, 20, |r, at| {
                let f = r.object(at, &["from", "to", "points"], &["from", "points"])?;
                let from = r.decimal(f.get("from"), DecimalKind::Figure);
                let to = r.optional(f.get("to"), |r, at| {
                    r.decimal(Some(at), DecimalKind::Figure)
                });
                let points = r.int(f.get("points"), 0, 100);
                Some(Band {
                    from: from?,
                    to: to?,
                    points: points?,
                })
            });
            let out_of = r.int(f.get("out_of"), 1, 100);
            Some(Method::Banded {
                fact: fact?,
                bands: bands?,
                out_of: out_of?,
            })
        }
        _ => Some(Method::Price(r.choice(f.get("formula"))?)),
    }
}

fn read_criterion(r: &mut Reader, at: At, depth: usize) -> Option<Criterion> {
    let f = r.object(
        at,
        &[
            "id",
            "title",
            "description",
            "weight",
            "category",
            "cites",
            "children",
            "method",
        ],
        &["id", "title", "weight"],
    )?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let description = r.optional(f.get("description"), |r, at| r.text(Some(at), TEXT_MAX));
    let weight = r.decimal(f.get("weight"), DecimalKind::Percent);
    let category = r.optional(f.get("category"), |r, at| r.choice(Some(at)));
    let cites = r
        .optional(f.get("cites"), |r, at| read_award_cites(r, Some(at)))
        .map(Option::unwrap_or_default);
    let body = match (f.get("children"), f.get("method")) {
        (Some(children), None) => {
            if depth >= MAX_CRITERIA_DEPTH {
                r.report(
                    children.pointer(),
                    ProblemKind::OutOfRange {
                        found: format!("a group at level {depth}"),
                        expected: format!(
                            "criteria nested at most {MAX_CRITERIA_DEPTH} levels deep (the last level holds only scored criteria)"
                        ),
                    },
                );
                None
            } else {
                r.list(Some(children), 1, 30, |r, at| {
                    read_criterion(r, at, depth + 1)
                })
                .map(CriterionBody::Group)
            }
        }
        (None, Some(method)) => read_method(r, method).map(CriterionBody::Leaf),
        (Some(_), Some(_)) => {
            r.report(f.pointer(), ProblemKind::GroupWithMethod);
            None
        }
        (None, None) => {
            r.report(
                f.pointer(),
                ProblemKind::MissingField {
                    field: "method".into(),
                },
            );
            None
        }
    };
    Some(Criterion {
        id: id?,
        title: title?,
        description: description?,
        weight: weight?,
        category: category?,
        cites: cites?,
        body: body?,
    })
}

fn read_moderation(r: &mut Reader, at: At) -> Option<Moderation> {
    let (f, which) = r.variant(
        at,
        "method",
        &[
            (
                "consensus",
                &["method", "variance_limit", "cites"],
                &["method", "variance_limit", "cites"],
            ),
            (
                "mean",
                &[
                    "method",
                    "lived_experience_share",
                    "variance_limit",
                    "cites",
                ],
                &["method", "variance_limit", "cites"],
            ),
            (
                "median",
                &["method", "variance_limit", "cites"],
                &["method", "variance_limit", "cites"],
            ),
        ],
    )?;
    let method = match which {
        0 => Some(ModerationMethod::Consensus),
        1 => r
            .optional(f.get("lived_experience_share"), |r, at| {
                r.decimal(Some(at), DecimalKind::Percent)
            })
            .map(|share| ModerationMethod::Mean {
                lived_experience_share: share,
            }),
        _ => Some(ModerationMethod::Median),
    };
    let variance_limit = r.int(f.get("variance_limit"), 0, 100);
    let cites = read_award_cites(r, f.get("cites"));
    Some(Moderation {
        method: method?,
        variance_limit: variance_limit?,
        cites: cites?,
    })
}

fn read_tie_break(r: &mut Reader, at: At) -> Option<TieBreak> {
    let (f, which) = r.variant(
        at,
        "rule",
        &[
            (
                "higher_score_in",
                &["rule", "criterion", "category"],
                &["rule"],
            ),
            ("lower_price", &["rule"], &["rule"]),
            ("user_led_first", &["rule"], &["rule"]),
        ],
    )?;
    match which {
        // A criterion (or group) by id, or a category: exactly one of the two.
        0 => match (f.get("criterion"), f.get("category")) {
            (Some(id), None) => Some(TieBreak::HigherScoreIn(r.id(Some(id))?)),
            (None, Some(category)) => {
                Some(TieBreak::HigherScoreInCategory(r.choice(Some(category))?))
            }
            _ => {
                r.report(
                    f.pointer(),
                    ProblemKind::MissingFieldSet {
                        sets: vec![vec!["rule", "criterion"], vec!["rule", "category"]],
                    },
                );
                None
            }
        },
        1 => Some(TieBreak::LowerPrice),
        _ => Some(TieBreak::UserLedFirst),
    }
}

fn read_award(r: &mut Reader, at: At) -> Option<AwardModel> {
    const FIELDS: &[&str] = &[
        "weights_as",
        "criteria",
        "gates",
        "moderation",
        "abnormally_low",
        "affordability",
        "tie_break",
        "cites",
        "price_formulas_allowed",
    ];
    // Required: all but the optional first (weights_as) and last (price_formulas_allowed).
    let f = r.object(
        at,
        &[FIELDS, &["models_allowed"]].concat(),
        &FIELDS[1..FIELDS.len() - 1],
    )?;
    let weights_as = r.optional(f.get("weights_as"), |r, at| r.choice(Some(at)));
    let criteria = r.list(f.get("criteria"), 1, 30, |r, at| read_criterion(r, at, 1));
    let gates = r.list(f.get("gates"), 0, 30, |r, at| {
        let f = r.object(
            at,
            &["id", "title", "description", "cites"],
            &["id", "title", "description", "cites"],
        )?;
        let id = r.id(f.get("id"));
        let title = r.text(f.get("title"), TITLE_MAX);
        let description = r.text(f.get("description"), TEXT_MAX);
        let cites = read_award_cites(r, f.get("cites"));
        Some(Gate {
            id: id?,
            title: title?,
            description: description?,
            cites: cites?,
        })
    });
    let moderation = f.get("moderation").and_then(|at| read_moderation(r, at));
    let abnormally_low = f.get("abnormally_low").and_then(|at| {
        let f = r.object(
            at,
            &["compare_to", "below_percent", "cites"],
            &["compare_to", "below_percent", "cites"],
        )?;
        let compare_to = r.choice(f.get("compare_to"));
        let below_percent = r.decimal(f.get("below_percent"), DecimalKind::Percent);
        let cites = read_award_cites(r, f.get("cites"));
        Some(AbnormallyLow {
            compare_to: compare_to?,
            below_percent: below_percent?,
            cites: cites?,
        })
    });
    let affordability = f.get("affordability").and_then(|at| {
        let f = r.object(at, &["over_ceiling", "cites"], &["over_ceiling", "cites"])?;
        let over_ceiling = r.choice(f.get("over_ceiling"));
        let cites = read_award_cites(r, f.get("cites"));
        Some(Affordability {
            over_ceiling: over_ceiling?,
            cites: cites?,
        })
    });
    let tie_break = r.list(f.get("tie_break"), 0, 10, read_tie_break);
    let cites = read_award_cites(r, f.get("cites"));
    let price_formulas_allowed = r.optional(f.get("price_formulas_allowed"), |r, at| {
        r.list(Some(at), 1, 3, |r, at| r.choice::<PriceFormula>(Some(at)))
    });
    let models_allowed = r.optional(f.get("models_allowed"), |r, at| {
        r.list(Some(at), 1, 5, |r, at| r.choice(Some(at)))
    });
    Some(AwardModel {
        weights_as: weights_as?.unwrap_or_default(),
        criteria: criteria?,
        gates: gates?,
        moderation: moderation?,
        abnormally_low: abnormally_low?,
        affordability: affordability?,
        tie_break: tie_break?,
        cites: cites?,
        price_formulas_allowed: price_formulas_allowed?.unwrap_or_default(),
        models_allowed: models_allowed?,
    })
}

/// The fields of a protocol document, in the schema's order.
pub const PROTOCOL_FIELDS: &[&str] = &[
    "$schema",
    "document",
    "id",
    "title",
    "version",
    "effective_date",
    "publisher",
    "summary",
    "rounding",
    "sources",
    "scales",
    "eligibility",
    "barriers",
    "award_model",
    "tunable",
    "bid_facts",
];

fn is_version(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 6
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

/// Reads a protocol document: accepts exactly what the protocol schema accepts.
///
/// # Errors
///
/// The document breaks the protocol schema: every problem, each located.
pub fn read(value: &Value) -> Result<ProtocolDoc, Problems> {
    read_document(Document::Protocol, value, read_doc)
}

pub(crate) fn read_doc(r: &mut Reader, at: At) -> Option<ProtocolDoc> {
    let f = r.object(
        at,
        PROTOCOL_FIELDS,
        &[
            "document",
            "id",
            "title",
            "version",
            "effective_date",
            "rounding",
            "sources",
            "scales",
            "eligibility",
            "barriers",
            "award_model",
            "tunable",
            "bid_facts",
        ],
    )?;
    r.document_tag(&f);
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let version = f.get("version").and_then(|at| read_version(r, at));
    let effective_date = r.date(f.get("effective_date"));
    let publisher = r.optional(f.get("publisher"), |r, at| r.text(Some(at), TITLE_MAX));
    let summary = r.optional(f.get("summary"), |r, at| r.text(Some(at), TEXT_MAX));
    let rounding = f.get("rounding").and_then(|at| read_rounding(r, at));
    let sources = r.list(f.get("sources"), 1, 100, read_source);
    let scales = r.list(f.get("scales"), 0, 20, read_scale);
    let eligibility = f.get("eligibility").and_then(|at| read_eligibility(r, at));
    let barriers = r.list(f.get("barriers"), 0, 100, read_barrier);
    let award = f.get("award_model").and_then(|at| read_award(r, at));
    let tunable = r.list(f.get("tunable"), 0, 30, read_tunable);
    let bid_facts = r.list(f.get("bid_facts"), 0, 50, read_bid_fact);
    Some(ProtocolDoc {
        id: id?,
        title: title?,
        version: version?,
        effective_date: effective_date?,
        publisher: publisher?,
        summary: summary?,
        rounding: rounding?,
        sources: sources?,
        scales: scales?,
        eligibility: eligibility?,
        barriers: barriers?,
        award: award?,
        tunable: tunable?,
        bid_facts: bid_facts?,
    })
}

fn read_version(r: &mut Reader, at: At) -> Option<String> {
    let s = r.text(Some(at), 20)?;
    if is_version(&s) {
        Some(s)
    } else {
        r.report(
            at.pointer(),
            ProblemKind::InvalidValue {
                found: describe(at.value),
                expected: "a version number such as \"1.0\" or \"2.1.3\"".into(),
            },
        );
        None
    }
}

fn read_rounding(r: &mut Reader, at: At) -> Option<Rounding> {
    let f = r.object(at, &["places", "mode"], &["places", "mode"])?;
    let places = r.int(f.get("places"), 0, 6);
    let mode = r.choice(f.get("mode"));
    Some(Rounding {
        // From 0 to 6, as read.
        places: u32::try_from(places?).ok()?,
        mode: mode?,
    })
}

fn read_tunable(r: &mut Reader, at: At) -> Option<Tunable> {
    let f = r.object(
        at,
        &["criterion", "min", "max"],
        &["criterion", "min", "max"],
    )?;
    let criterion = r.id(f.get("criterion"));
    let min = r.decimal(f.get("min"), DecimalKind::Percent);
    let max = r.decimal(f.get("max"), DecimalKind::Percent);
    Some(Tunable {
        criterion: criterion?,
        min: min?,
        max: max?,
    })
}

fn read_bid_fact(r: &mut Reader, at: At) -> Option<BidFact> {
    let f = r.object(at, &["id", "title", "kind"], &["id", "title", "kind"])?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let kind = r.choice(f.get("kind"));
    Some(BidFact {
        id: id?,
        title: title?,
        kind: kind?,
    })
}

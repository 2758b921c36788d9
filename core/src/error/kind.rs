//! Each kind of problem: its stable code, the value found, what was expected, its message and
//! its help line, in the words a commissioner reads.

use super::ocds::OcdsProblem;

/// What is wrong, with the context needed to say it well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON.
    Syntax {
        /// The parser's own account, lowercase.
        detail: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The same key appears twice in one object; JSON readers disagree on which one wins.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// A `\uXXXX` escape of half a UTF-16 pair with no other half: not a character. Named in
    /// its own words (`serde_json` speaks of a "hex escape", which a caller who passed a JS string
    /// never wrote).
    LoneSurrogate {
        /// The surrogate, from 0xD800 to 0xDFFF.
        unit: u16,
    },
    /// Objects or lists nested deeper than any real document needs.
    TooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// The document is bigger than the engine accepts.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// The file is a different kind of document from the one asked for.
    WrongDocument {
        /// The `"document"` value found.
        found: String,
        /// The kind that was asked for.
        expected: &'static str,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What was expected, in words.
        expected: String,
        /// What was found, described.
        found: String,
    },
    /// A required field is absent.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A field the format does not have (often a misspelling).
    UnknownField {
        /// The field found.
        field: String,
        /// The fields allowed at this place.
        allowed: Vec<&'static str>,
    },
    /// A value of the right type but not of an allowed form (pattern, choice, date).
    InvalidValue {
        /// What was found, described.
        found: String,
        /// What was expected, in words.
        expected: String,
    },
    /// A number, length or count outside its bounds.
    OutOfRange {
        /// What was found, described.
        found: String,
        /// The bounds, in words.
        expected: String,
    },
    /// Two items share an id that must be unique.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The pointer of its first use.
        first: String,
    },
    /// A reference to something that does not exist.
    UnknownReference {
        /// The id referred to.
        id: String,
        /// What kind of thing it should name ("criterion", "source", ...).
        what: &'static str,
        /// The ids that do exist, to help spot a typing slip.
        known: Vec<String>,
    },
    /// Weights within one group do not add up to exactly 100.
    WeightsNot100 {
        /// The group (or "the top level").
        group: String,
        /// Their total, exactly.
        total: String,
    },
    /// Weights read as shares of the whole award: a group's criteria do not add up to the
    /// group's own weight.
    WeightsNotGroupWeight {
        /// The group, quoted.
        group: String,
        /// Their total, exactly.
        total: String,
        /// The group's own weight, which they must make.
        target: String,
    },
    /// A range whose ends are the wrong way round or that leaves gaps.
    RangeOutOfOrder {
        /// What is wrong, in words.
        detail: String,
    },
    /// A lot chose an evaluation model its protocol does not allow.
    ModelNotAllowed {
        /// The model chosen.
        model: String,
        /// The models the protocol allows.
        allowed: Vec<String>,
    },
    /// A lot chose an evaluation model its protocol's criteria cannot carry (price per quality
    /// point with no quality criterion, price only with no price criterion).
    ModelNeedsCriteria {
        /// The model chosen.
        model: String,
        /// What it needs: "a price criterion" or "a criterion not scored on price".
        needs: &'static str,
    },
    /// A tender set a weight the protocol does not let tenders tune.
    WeightNotTunable {
        /// The criterion.
        criterion: String,
        /// The criteria that may be tuned.
        tunable: Vec<String>,
    },
    /// A tuned weight outside the range the protocol allows.
    WeightOutsideRange {
        /// The criterion.
        criterion: String,
        /// The weight found.
        found: String,
        /// The lowest weight allowed.
        min: String,
        /// The highest weight allowed.
        max: String,
    },
    /// An evaluator's score outside the criterion's descriptor scale.
    ScoreOutsideScale {
        /// The score found.
        found: i64,
        /// The scale's points.
        allowed: Vec<i64>,
        /// The scale's title.
        scale: String,
    },
    /// A rule compares a fact with the wrong kind of value (a yes/no fact with a number...).
    MismatchedFact {
        /// The fact.
        fact: String,
        /// What that fact holds.
        holds: &'static str,
        /// What the rule tried.
        found: String,
    },
    /// An object that gives none of the sets of fields it may take (`"score"`, or `"low"` and
    /// `"high"`).
    MissingFieldSet {
        /// The sets of fields, one of which is needed.
        sets: Vec<Vec<&'static str>>,
    },
    /// A comparison in a rule with no comparison word, or more than one.
    NotOneComparison {
        /// The comparison words found: none, or several.
        found: Vec<String>,
    },
    /// A rule about the whole tender compares a fact about each lot.
    LotFactInTenderRule {
        /// The fact.
        fact: String,
    },
    /// A criterion that is both a group (with children) and scored (with a method).
    GroupWithMethod,
    /// A criterion scored by a price formula outside the price category.
    PriceFormulaOutsidePrice {
        /// Its category (own or inherited), if it has one.
        category: Option<String>,
    },
    /// A lot's price formula that the protocol does not let a lot choose.
    PriceFormulaNotAllowed {
        /// The formula the lot names.
        formula: String,
        /// The formulas the lot may choose.
        allowed: Vec<String>,
    },
    /// A bid's price that is not the sum of its rates times the lot's volumes.
    PriceNotBasket {
        /// The price as written.
        price: String,
        /// The basket worked out from the rates.
        basket: String,
    },
    /// A bid that gives no rate for one of its lot's rates.
    RateMissing {
        /// The rate's id.
        rate: String,
        /// The lot.
        lot: String,
    },
    /// Bids or a draft made for another tender than the one loaded.
    WrongTender {
        /// The tender the bids name.
        found: String,
        /// The tender loaded.
        loaded: String,
    },
    /// More board members counted as disabled people or people who use services than there
    /// are voting members.
    BoardCountTooHigh {
        /// Members counted as disabled people or people who use services.
        counted: i64,
        /// Voting members.
        voting_members: i64,
    },
    /// More volunteers, or workers, counted than there are (a part larger than its whole).
    CountTooHigh {
        /// Those counted.
        counted: i64,
        /// All of them.
        total: i64,
        /// Who they are, in words ("volunteers", "workers").
        whom: &'static str,
        /// What they are counted as, in words.
        counted_as: &'static str,
    },
    /// More staff counted as disabled people than there are staff.
    StaffCountTooHigh {
        /// Staff counted as disabled people.
        disabled: i64,
        /// All staff.
        total: i64,
    },
    /// A bid fact the engine works out from the organisation profile, given as a fact.
    BuiltInFactGiven {
        /// The fact.
        fact: String,
    },
    /// Scores for a criterion the panel does not score (a group, or one computed from the bid).
    NotPanelScored {
        /// The criterion.
        criterion: String,
    },
    /// A what-if sweep over a weight the protocol does not let a tender tune.
    SweepNotTunable {
        /// The criterion moved.
        criterion: String,
        /// The criterion moved the other way.
        partner: String,
    },
    /// A what-if sweep over two criteria that are not different members of one group.
    SweepNotSiblings {
        /// The criterion moved.
        criterion: String,
        /// The criterion moved the other way.
        partner: String,
    },
    /// A what-if step that is not more than 0 with at most 2 decimal places.
    SweepStep {
        /// The step, exactly.
        step: String,
    },
    /// A rule entry that stands on law but cites no legislation: a MUST needs a clause of law.
    LawWithoutLegislation {
        /// The rule.
        rule: String,
    },
    /// A rule that lists the same regime (for the same nation) in two entries, so that which
    /// standing holds would depend on the order.
    RegimeListedTwice {
        /// The rule.
        rule: String,
        /// The regime.
        regime: String,
    },
    /// A figure grew beyond what the engine can compute exactly.
    FigureTooLarge {
        /// Where in the computation.
        detail: String,
    },
    /// A fully explained score result would be larger than the engine answers: its size grows
    /// with bids x scored criteria x evaluators, and past the limit the answer would not fit in
    /// memory or in a JavaScript string. A summary (and the explanation of named bids) is
    /// answered instead.
    ResultTooLarge {
        /// The bids whose full explanation was asked for.
        bids: usize,
        /// Scored (leaf) criteria.
        criteria: usize,
        /// Evaluators on the panel (at least 1).
        evaluators: usize,
        /// The largest product of the three that is explained in full.
        limit: usize,
    },
    /// OCDS data that cannot be imported at all.
    Ocds(OcdsProblem),
}

fn list(items: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    match quoted.len() {
        0 => "none".to_string(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Every item quoted, joined with commas: `"a", "b"`.
fn list_all(items: &[impl AsRef<str>]) -> String {
    items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sets of fields in words: `"score", or "low" and "high"`.
fn field_sets(sets: &[Vec<&'static str>]) -> String {
    sets.iter()
        .map(|keys| {
            keys.iter()
                .map(|k| format!("\"{k}\""))
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect::<Vec<_>>()
        .join(", or ")
}

/// The closest of `known` to `word`, when it is close enough to be a likely typing slip.
fn closest<'a>(word: &str, known: &'a [impl AsRef<str>]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k.as_ref()), k.as_ref()))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(80).collect();
    let b: Vec<char> = b.chars().take(80).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl ProblemKind {
    /// A stable identifier for programs (the JS API, tests, portals).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Syntax { .. } => "json-syntax",
            ProblemKind::DuplicateKey { .. } => "duplicate-key",
            ProblemKind::LoneSurrogate { .. } => "lone-surrogate",
            ProblemKind::TooDeep { .. } => "too-deep",
            ProblemKind::TooLarge { .. } => "too-large",
            ProblemKind::WrongDocument { .. } => "wrong-document",
            ProblemKind::WrongType { .. } => "wrong-type",
            ProblemKind::MissingField { .. } => "missing-field",
            ProblemKind::UnknownField { .. } => "unknown-field",
            ProblemKind::InvalidValue { .. } => "invalid-value",
            ProblemKind::OutOfRange { .. } => "out-of-range",
            ProblemKind::DuplicateId { .. } => "duplicate-id",
            ProblemKind::UnknownReference { .. } => "unknown-reference",
            ProblemKind::WeightsNot100 { .. } => "weights-not-100",
            ProblemKind::WeightsNotGroupWeight { .. } => "weights-not-group-weight",
            ProblemKind::RangeOutOfOrder { .. } => "range-out-of-order",
            ProblemKind::ModelNotAllowed { .. } => "model-not-allowed",
            ProblemKind::ModelNeedsCriteria { .. } => "model-needs-criteria",
            ProblemKind::WeightNotTunable { .. } => "weight-not-tunable",
            ProblemKind::WeightOutsideRange { .. } => "weight-outside-range",
            ProblemKind::ScoreOutsideScale { .. } => "score-outside-scale",
            ProblemKind::MismatchedFact { .. } => "mismatched-fact",
            ProblemKind::MissingFieldSet { .. } => "missing-field-set",
            ProblemKind::NotOneComparison { .. } => "not-one-comparison",
            ProblemKind::LotFactInTenderRule { .. } => "lot-fact-in-tender-rule",
            ProblemKind::GroupWithMethod => "group-with-method",
            ProblemKind::PriceFormulaOutsidePrice { .. } => "price-formula-outside-price",
            ProblemKind::PriceFormulaNotAllowed { .. } => "price-formula-not-allowed",
            ProblemKind::PriceNotBasket { .. } => "price-not-basket",
            ProblemKind::RateMissing { .. } => "rate-missing",
            ProblemKind::WrongTender { .. } => "wrong-tender",
            ProblemKind::BoardCountTooHigh { .. } => "board-count-too-high",
            ProblemKind::StaffCountTooHigh { .. } => "staff-count-too-high",
            ProblemKind::CountTooHigh { .. } => "count-too-high",
            ProblemKind::BuiltInFactGiven { .. } => "built-in-fact-given",
            ProblemKind::NotPanelScored { .. } => "not-panel-scored",
            ProblemKind::SweepNotTunable { .. } => "sweep-not-tunable",
            ProblemKind::SweepNotSiblings { .. } => "sweep-not-siblings",
            ProblemKind::SweepStep { .. } => "sweep-step",
            ProblemKind::LawWithoutLegislation { .. } => "law-without-legislation",
            ProblemKind::RegimeListedTwice { .. } => "regime-listed-twice",
            ProblemKind::FigureTooLarge { .. } => "figure-too-large",
            ProblemKind::ResultTooLarge { .. } => "result-too-large",
            ProblemKind::Ocds(o) => o.code(),
        }
    }

    /// What was found, when the problem is about one value.
    #[must_use]
    pub fn found(&self) -> Option<String> {
        match self {
            ProblemKind::WrongType { found, .. }
            | ProblemKind::InvalidValue { found, .. }
            | ProblemKind::OutOfRange { found, .. }
            | ProblemKind::WeightOutsideRange { found, .. } => Some(found.clone()),
            ProblemKind::WrongDocument { found, .. }
            | ProblemKind::WrongTender { found, .. }
            | ProblemKind::DuplicateKey { key: found }
            | ProblemKind::PriceNotBasket { price: found, .. } => Some(format!("\"{found}\"")),
            ProblemKind::LoneSurrogate { unit } => Some(format!("\\u{unit:04x}")),
            ProblemKind::UnknownField { field, .. } => Some(format!("\"{field}\"")),
            ProblemKind::DuplicateId { id, .. } | ProblemKind::UnknownReference { id, .. } => {
                Some(format!("\"{id}\""))
            }
            ProblemKind::WeightsNot100 { total, .. }
            | ProblemKind::WeightsNotGroupWeight { total, .. } => Some(total.clone()),
            ProblemKind::ScoreOutsideScale { found, .. } => Some(found.to_string()),
            ProblemKind::TooLarge { bytes, limit } if *bytes == limit.saturating_add(1) => {
                Some(format!("more than {limit} bytes"))
            }
            ProblemKind::TooLarge { bytes, .. } => Some(format!("{bytes} bytes")),
            ProblemKind::ResultTooLarge {
                bids,
                criteria,
                evaluators,
                ..
            } => Some(format!(
                "{bids} bids x {criteria} scored criteria x {evaluators} evaluators = {}",
                bids.saturating_mul(*criteria).saturating_mul(*evaluators)
            )),
            ProblemKind::LotFactInTenderRule { fact } | ProblemKind::BuiltInFactGiven { fact } => {
                Some(format!("\"{fact}\""))
            }
            ProblemKind::PriceFormulaOutsidePrice { category } => {
                category.as_ref().map(|c| format!("\"{c}\""))
            }
            ProblemKind::PriceFormulaNotAllowed { formula, .. } => Some(format!("\"{formula}\"")),
            ProblemKind::BoardCountTooHigh { counted, .. }
            | ProblemKind::StaffCountTooHigh {
                disabled: counted, ..
            }
            | ProblemKind::CountTooHigh { counted, .. } => Some(counted.to_string()),
            ProblemKind::NotPanelScored { criterion } => Some(format!("\"{criterion}\"")),
            ProblemKind::SweepStep { step } => Some(format!("\"{step}\"")),
            ProblemKind::RegimeListedTwice { regime, .. } => Some(format!("\"{regime}\"")),
            ProblemKind::Ocds(o) => o.found(),
            _ => None,
        }
    }

    /// What was expected, when there is one clear answer.
    #[must_use]
    pub fn expected(&self) -> Option<String> {
        match self {
            ProblemKind::WrongType { expected, .. }
            | ProblemKind::InvalidValue { expected, .. }
            | ProblemKind::OutOfRange { expected, .. } => Some(expected.clone()),
            ProblemKind::WrongDocument { expected, .. } => Some(format!("\"{expected}\"")),
            ProblemKind::WeightsNot100 { .. } => Some("100".to_string()),
            ProblemKind::WeightsNotGroupWeight { target, .. } => Some(target.clone()),
            ProblemKind::WeightOutsideRange { min, max, .. } => {
                Some(format!("from {min} to {max}"))
            }
            ProblemKind::ScoreOutsideScale { allowed, .. } => Some(format!(
                "one of {}",
                allowed
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ProblemKind::TooLarge { limit, .. } => Some(format!("at most {limit} bytes")),
            ProblemKind::ResultTooLarge { limit, .. } => {
                Some(format!("at most {limit} for a fully explained result"))
            }
            ProblemKind::UnknownField { allowed, .. } => Some(list(allowed)),
            ProblemKind::PriceFormulaOutsidePrice { .. } => Some("\"price\"".to_string()),
            ProblemKind::PriceFormulaNotAllowed { allowed, .. } => Some(
                allowed
                    .iter()
                    .map(|f| format!("\"{f}\""))
                    .collect::<Vec<_>>()
                    .join(" or "),
            ),
            ProblemKind::PriceNotBasket { basket, .. } => Some(format!("\"{basket}\"")),
            ProblemKind::WrongTender { loaded, .. } => Some(format!("\"{loaded}\"")),
            ProblemKind::BoardCountTooHigh { voting_members, .. } => {
                Some(format!("at most {voting_members}"))
            }
            ProblemKind::StaffCountTooHigh { total, .. }
            | ProblemKind::CountTooHigh { total, .. } => Some(format!("at most {total}")),
            ProblemKind::Ocds(o) => o.expected(),
            _ => None,
        }
    }

    /// The message: lowercase, the user's input quoted.
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per kind of problem: each kind's message reads beside its fields"
    )]
    pub fn message(&self) -> String {
        match self {
            ProblemKind::Syntax {
                detail,
                line,
                column,
            } => format!("the file is not valid JSON: {detail} (line {line}, column {column})"),
            ProblemKind::DuplicateKey { key } => {
                format!("the key \"{key}\" appears twice in the same object")
            }
            ProblemKind::LoneSurrogate { unit } => format!(
                "a lone surrogate (\\u{unit:04x}) is not valid text: it is half of a character \
                 written in two parts, and the other half is missing"
            ),
            ProblemKind::TooDeep { limit } => {
                format!("values are nested more than {limit} levels deep")
            }
            // A reader that stops one byte past the limit (the command line reading a pipe,
            // which has no size) knows only that: "more than" the limit is true either way.
            ProblemKind::TooLarge { bytes, limit } if *bytes == limit.saturating_add(1) => {
                format!("the document is more than {limit} bytes long; the engine accepts at most {limit}")
            }
            ProblemKind::TooLarge { bytes, limit } => {
                format!("the document is {bytes} bytes long; the engine accepts at most {limit}")
            }
            ProblemKind::WrongDocument { found, expected } => {
                format!("this is a \"{found}\" document, but a \"{expected}\" document was expected")
            }
            ProblemKind::WrongType { expected, found } => {
                format!("expected {expected}, but found {found}")
            }
            ProblemKind::MissingField { field } => format!("the field \"{field}\" is missing"),
            ProblemKind::UnknownField { field, .. } => {
                format!("there is no field called \"{field}\" here")
            }
            ProblemKind::InvalidValue { found, expected } => {
                format!("{found} is not {expected}")
            }
            ProblemKind::OutOfRange { found, expected } => {
                format!("{found} is out of range: it must be {expected}")
            }
            ProblemKind::DuplicateId { id, first } => {
                format!("the id \"{id}\" is already used at \"{first}\"")
            }
            ProblemKind::UnknownReference { id, what, .. } => {
                format!("there is no {what} with the id \"{id}\"")
            }
            ProblemKind::WeightsNot100 { group, total } => {
                format!("the weights in {group} add up to {total}, not 100")
            }
            ProblemKind::WeightsNotGroupWeight {
                group,
                total,
                target,
            } => format!(
                "the weights in {group} add up to {total}, not {target}, the weight of {group} itself (each weight is a share of the whole award)"
            ),
            ProblemKind::RangeOutOfOrder { detail } => detail.clone(),
            ProblemKind::ModelNotAllowed { model, allowed } => format!(
                "the protocol does not allow the evaluation model \"{model}\" (it allows {})",
                list(allowed)
            ),
            ProblemKind::ModelNeedsCriteria { model, needs } => format!(
                "the evaluation model \"{model}\" needs {needs}, and the protocol's criteria have none"
            ),
            ProblemKind::WeightNotTunable { criterion, .. } => format!(
                "the protocol does not let a tender change the weight of \"{criterion}\""
            ),
            ProblemKind::WeightOutsideRange {
                criterion,
                found,
                min,
                max,
            } => format!(
                "the weight {found} for \"{criterion}\" is outside the range the protocol allows ({min} to {max})"
            ),
            ProblemKind::ScoreOutsideScale {
                found,
                allowed,
                scale,
            } => format!(
                "the score {found} is not a point on the scale \"{scale}\" ({})",
                allowed
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ProblemKind::MismatchedFact { fact, holds, found } => {
                format!("the fact \"{fact}\" holds {holds}, but the rule compares it with {found}")
            }
            ProblemKind::MissingFieldSet { sets } => format!("give {}", field_sets(sets)),
            ProblemKind::NotOneComparison { found } => format!(
                "a comparison needs exactly one of \"at_most\", \"at_least\", \"less_than\", \"more_than\", \"equals\" or \"is\"; found {}",
                if found.is_empty() { "none".to_string() } else { list_all(found) }
            ),
            ProblemKind::LotFactInTenderRule { fact } => format!(
                "\"{fact}\" is a fact about each lot, so the rule's \"scope\" must be \"lot\""
            ),
            ProblemKind::GroupWithMethod => {
                "a criterion has either \"children\" (a group) or a \"method\" (scored), not both".into()
            }
            ProblemKind::PriceFormulaOutsidePrice { .. } => {
                "a criterion scored by a price formula must be in the \"price\" category".into()
            }
            ProblemKind::PriceFormulaNotAllowed { formula, allowed } => format!(
                "the lot names the price formula \"{formula}\", which the protocol does not let a lot choose (allowed: {})",
                allowed.join(", ")
            ),
            ProblemKind::PriceNotBasket { price, basket } => format!(
                "the price \"{price}\" is not the basket of the bid's rates, which comes to \"{basket}\""
            ),
            ProblemKind::RateMissing { rate, lot } => format!(
                "the bid gives no rate for \"{rate}\", one of the rates of the lot \"{lot}\""
            ),
            ProblemKind::WrongTender { found, loaded } => format!(
                "these bids are for the tender \"{found}\", but the tender loaded is \"{loaded}\""
            ),
            ProblemKind::BoardCountTooHigh { counted, voting_members } => format!(
                "{counted} board members are counted as disabled people or people who use services, but the board has only {voting_members} voting members"
            ),
            ProblemKind::StaffCountTooHigh { disabled, total } => format!(
                "{disabled} staff are counted as disabled people, but there are only {total} staff"
            ),
            ProblemKind::CountTooHigh { counted, total, whom, counted_as } => format!(
                "{counted} {whom} are counted as {counted_as}, but there are only {total} {whom}"
            ),
            ProblemKind::BuiltInFactGiven { fact } => format!(
                "\"{fact}\" is worked out from the organisation profile; it cannot be given as a fact"
            ),
            ProblemKind::NotPanelScored { criterion } => format!(
                "\"{criterion}\" is not scored by the panel (it is a group, or computed from the bid), so it takes no scores"
            ),
            ProblemKind::SweepNotTunable { criterion, partner } => format!(
                "\"{criterion}\" and \"{partner}\" must both be weights the protocol lets a tender tune"
            ),
            ProblemKind::SweepNotSiblings { criterion, partner } => format!(
                "\"{criterion}\" and \"{partner}\" must be two different criteria in the same group"
            ),
            ProblemKind::SweepStep { .. } => {
                "the step must be more than 0, with at most 2 decimal places".into()
            }
            ProblemKind::LawWithoutLegislation { rule } => format!(
                "the rule \"{rule}\" stands on law here, but none of its sources here is legislation"
            ),
            ProblemKind::RegimeListedTwice { rule, regime } => format!(
                "the rule \"{rule}\" lists the regime \"{regime}\" in two entries for the same nation"
            ),
            ProblemKind::FigureTooLarge { detail } => {
                format!("a figure is too large to compute exactly: {detail}")
            }
            ProblemKind::ResultTooLarge {
                bids,
                criteria,
                evaluators,
                limit,
            } => format!(
                "a fully explained result for {bids} bids x {criteria} scored criteria x {evaluators} evaluators ({}) is more than the engine explains at once (at most {limit})",
                bids.saturating_mul(*criteria).saturating_mul(*evaluators)
            ),
            ProblemKind::Ocds(o) => o.message(),
        }
    }

    /// One line on how to put it right.
    #[must_use]
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per kind of problem: each kind's help reads beside its fields"
    )]
    pub fn help(&self) -> String {
        match self {
            ProblemKind::Syntax { .. } => {
                "check for a missing comma, quote or bracket near that place; a JSON validator or editor will point at it".into()
            }
            ProblemKind::DuplicateKey { .. } => {
                "keep one of the two entries and delete the other".into()
            }
            ProblemKind::LoneSurrogate { .. } => {
                "delete the broken character or type it again; text cut in the middle of an emoji or a rare character leaves half of it behind".into()
            }
            ProblemKind::TooDeep { .. } => {
                "no ulo document needs this much nesting; check the file is the one you meant".into()
            }
            // Said for any kind of document; `Problem::help` gives the advice that fits the
            // document the problem is in.
            ProblemKind::TooLarge { .. } => {
                "check that this is the file you meant; remove attachments or long texts pasted into text fields, and split bids into smaller files".into()
            }
            ProblemKind::WrongDocument { .. } => {
                "choose the right file, or correct its \"document\" field".into()
            }
            ProblemKind::WrongType { .. } => {
                "amounts, percentages and other exact figures are written as text in quotes, such as \"250000.00\"; counts and scores are plain whole numbers".into()
            }
            ProblemKind::MissingField { field } => format!("add \"{field}\"; the schema describes what it holds"),
            ProblemKind::UnknownField { field, allowed } => match closest(field, allowed) {
                Some(c) => format!("did you mean \"{c}\"? the fields allowed here are {}", list(allowed)),
                None => format!("remove it; the fields allowed here are {}", list(allowed)),
            },
            ProblemKind::InvalidValue { .. } => "write the value in the form shown".into(),
            ProblemKind::OutOfRange { .. } => "change the value so that it is within the bounds shown".into(),
            ProblemKind::DuplicateId { .. } => "give each item its own id".into(),
            ProblemKind::UnknownReference { id, known, .. } => match closest(id, known) {
                Some(c) => format!("did you mean \"{c}\"?"),
                None if known.is_empty() => "add the item it refers to, or remove the reference".into(),
                None => format!("use one of {}", list(known)),
            },
            ProblemKind::WeightsNot100 { .. } => {
                "change the weights so that together they make exactly 100".into()
            }
            ProblemKind::WeightsNotGroupWeight { group, target, .. } => format!(
                "change the weights of the criteria in {group} so that together they make exactly {target}: with \"weights_as\": \"share_of_whole\" a group's criteria share out the group's own weight"
            ),
            ProblemKind::RangeOutOfOrder { .. } => {
                "put the lower figure first and make each band start where the one before it ends".into()
            }
            ProblemKind::ModelNotAllowed { allowed, .. } => format!(
                "choose one of {}; the protocol (the adopting authority's policy) lists the models a tender may publish",
                list(allowed)
            ),
            ProblemKind::ModelNeedsCriteria { .. } => {
                "choose a model this protocol's criteria can carry, or use a protocol that has the criteria it needs".into()
            }
            ProblemKind::WeightNotTunable { tunable, .. } => {
                if tunable.is_empty() {
                    "this protocol fixes every weight; remove \"weights\" from the tender".into()
                } else {
                    format!("remove it; a tender may set the weights of {}", list(tunable))
                }
            }
            ProblemKind::WeightOutsideRange { .. } => {
                "choose a weight inside the range, and adjust the other weights so the group still makes 100".into()
            }
            ProblemKind::ScoreOutsideScale { .. } => {
                "use one of the scale's points; each point's descriptor says what it means".into()
            }
            ProblemKind::MismatchedFact { .. } => {
                "compare yes/no facts with true or false, and figures with a number in quotes".into()
            }
            ProblemKind::MissingFieldSet { .. } => "add one of these, and only one".into(),
            ProblemKind::NotOneComparison { .. } => {
                "keep one comparison, such as \"at_least\": \"2\", or \"is\": true for a yes/no fact".into()
            }
            ProblemKind::LotFactInTenderRule { .. } => {
                "set the rule's \"scope\" to \"lot\", or compare a fact about the whole tender".into()
            }
            ProblemKind::GroupWithMethod => {
                "remove \"method\" to keep the group, or remove \"children\" to score the criterion itself".into()
            }
            ProblemKind::PriceFormulaOutsidePrice { .. } => {
                "give the criterion the \"price\" category, or score it another way".into()
            }
            ProblemKind::PriceFormulaNotAllowed { .. } => {
                "choose one of the formulas allowed, or leave the lot's price formula out to use the protocol's own".into()
            }
            ProblemKind::PriceNotBasket { .. } => {
                "correct the rates or the price, or leave the price out: for a lot with rates the basket is the price".into()
            }
            ProblemKind::RateMissing { .. } => {
                "give a rate for every rate of the lot (in the CSV, a column rate:<id> for each)".into()
            }
            ProblemKind::WrongTender { .. } => {
                "load the tender these bids are for, or correct the tender's id in the bids".into()
            }
            ProblemKind::BoardCountTooHigh { .. } => {
                "correct whichever figure is wrong: the members counted are some of the voting members".into()
            }
            ProblemKind::StaffCountTooHigh { .. } => {
                "correct whichever figure is wrong: the staff counted are some of all the staff".into()
            }
            ProblemKind::CountTooHigh { whom, .. } => format!(
                "correct whichever figure is wrong: the {whom} counted are some of all the {whom}"
            ),
            ProblemKind::BuiltInFactGiven { .. } => {
                "remove it from \"facts\"; fill in the organisation's board and staff instead".into()
            }
            ProblemKind::NotPanelScored { .. } => {
                "remove these scores; only criteria the panel scores take scores".into()
            }
            ProblemKind::SweepNotTunable { .. } => {
                "choose two criteria the protocol lists under \"tunable\"".into()
            }
            ProblemKind::SweepNotSiblings { .. } => {
                "choose a partner from the same group, so that the group still makes 100".into()
            }
            ProblemKind::SweepStep { .. } => "use a step such as \"1\" or \"0.5\"".into(),
            ProblemKind::LawWithoutLegislation { .. } => {
                "cite the clause of law the rule rests on, or make the entry's standing \"policy\"".into()
            }
            ProblemKind::RegimeListedTwice { .. } => {
                "list each regime once, or give the entries different \"nations\"".into()
            }
            ProblemKind::FigureTooLarge { .. } => {
                "check the amounts and weights for a typing slip (an extra digit, say)".into()
            }
            ProblemKind::ResultTooLarge { .. } => {
                "ask for the summary (every bid's status, rank, total and marks; `ulo score --summary`, or `detail: \"summary\"` in the JavaScript API) and the full explanation of the bids you need by name (`--explain BID`, or `explain: [\"BID\"]`)".into()
            }
            ProblemKind::Ocds(o) => o.help().into(),
        }
    }
}

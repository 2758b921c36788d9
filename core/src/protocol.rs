//! The protocol: the rules a council or consortium adopts, once, and scores every tender by.
//!
//! Reading happens in two steps that mirror the public contract. [`read`] turns JSON into the
//! typed model and accepts exactly what `schemas/protocol.schema.json` accepts. [`Protocol::compile`]
//! then checks what a schema cannot (weights that make 100, references that exist, bands in
//! order) and yields a [`Protocol`] that scores any number of tenders without being read again.

use crate::audit;
use crate::condition::Condition;
use crate::dates::Date;
use crate::error::{Document, Problem, ProblemKind, Problems};
use crate::exact::{Exact, RoundingMode};
use crate::facts::{BidFactKind, TenderFact, BUILT_IN_BID_FACTS};
use crate::read::{At, Choice, DecimalKind, Reader};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Where a rule comes from: an Act, a regulation, guidance, research, or local policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Short id the rules cite, e.g. `PA23`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Where to read it, if public.
    pub url: Option<String>,
}

/// The standing of a source, so a reader can tell law from good practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// An Act of Parliament or statutory instrument.
    Legislation,
    /// Statutory guidance, which authorities must have regard to.
    StatutoryGuidance,
    /// Non-statutory guidance or a policy note.
    Guidance,
    /// Research or a report.
    Research,
    /// The authority's or consortium's own policy.
    LocalPolicy,
}

impl Choice for SourceKind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("legislation", SourceKind::Legislation),
        ("statutory_guidance", SourceKind::StatutoryGuidance),
        ("guidance", SourceKind::Guidance),
        ("research", SourceKind::Research),
        ("local_policy", SourceKind::LocalPolicy),
    ];
    const WHAT: &'static str = "a kind of source";
}

/// A rule's citation: which source, which clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cite {
    /// The source's id.
    pub source: String,
    /// The clause, section, regulation or paragraph, e.g. `s.18` or `reg 58(9)`.
    pub clause: String,
}

/// One point on a descriptor scale, with the words evaluators score against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScalePoint {
    /// The score.
    pub score: i64,
    /// A one- or two-word label ("Good").
    pub label: String,
    /// What an answer must show to earn this score.
    pub descriptor: String,
}

/// A descriptor scale (0-4, 0-5...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Id criteria refer to.
    pub id: String,
    /// Title.
    pub title: String,
    /// Points, lowest first.
    pub points: Vec<ScalePoint>,
}

impl Scale {
    /// The highest score on the scale: a full score earns all of a criterion's marks.
    pub fn max(&self) -> i64 {
        self.points.iter().map(|p| p.score).max().unwrap_or(0)
    }

    /// The point with this score.
    pub fn point(&self, score: i64) -> Option<&ScalePoint> {
        self.points.iter().find(|p| p.score == score)
    }

    /// The scores of all points, lowest first.
    pub fn scores(&self) -> Vec<i64> {
        self.points.iter().map(|p| p.score).collect()
    }
}

/// Whether a share must reach a figure or pass it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOp {
    /// At least the figure (DH design criteria: "at least 75%").
    AtLeast,
    /// More than the figure (SCIE Guide 36: "over 50%").
    MoreThan,
}

impl Choice for ShareOp {
    const ALL: &'static [(&'static str, Self)] = &[
        ("at_least", ShareOp::AtLeast),
        ("more_than", ShareOp::MoreThan),
    ];
    const WHAT: &'static str = "a comparison";
}

/// A statement an organisation makes about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declaration {
    /// The organisation is accountable to its members or the people who use its services.
    AccountableToMembers,
    /// The organisation is committed to the social model of disability.
    SocialModelCommitment,
}

impl Choice for Declaration {
    const ALL: &'static [(&'static str, Self)] = &[
        ("accountable_to_members", Declaration::AccountableToMembers),
        (
            "social_model_commitment",
            Declaration::SocialModelCommitment,
        ),
    ];
    const WHAT: &'static str = "a declaration";
}

/// The legal forms an organisation may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LegalForm {
    /// A registered charity (trust or association).
    Charity,
    /// A charitable incorporated organisation.
    CharitableIncorporatedOrganisation,
    /// A company limited by guarantee.
    CompanyLimitedByGuarantee,
    /// A community interest company.
    CommunityInterestCompany,
    /// A co-operative society.
    CooperativeSociety,
    /// A community benefit society.
    CommunityBenefitSociety,
    /// An unincorporated association.
    UnincorporatedAssociation,
    /// A private company limited by shares.
    CompanyLimitedByShares,
    /// A public limited company.
    PublicLimitedCompany,
    /// A partnership or limited liability partnership.
    Partnership,
    /// A sole trader.
    SoleTrader,
    /// A public body.
    PublicBody,
}

impl Choice for LegalForm {
    const ALL: &'static [(&'static str, Self)] = &[
        ("charity", LegalForm::Charity),
        (
            "charitable_incorporated_organisation",
            LegalForm::CharitableIncorporatedOrganisation,
        ),
        (
            "company_limited_by_guarantee",
            LegalForm::CompanyLimitedByGuarantee,
        ),
        (
            "community_interest_company",
            LegalForm::CommunityInterestCompany,
        ),
        ("cooperative_society", LegalForm::CooperativeSociety),
        (
            "community_benefit_society",
            LegalForm::CommunityBenefitSociety,
        ),
        (
            "unincorporated_association",
            LegalForm::UnincorporatedAssociation,
        ),
        (
            "company_limited_by_shares",
            LegalForm::CompanyLimitedByShares,
        ),
        ("public_limited_company", LegalForm::PublicLimitedCompany),
        ("partnership", LegalForm::Partnership),
        ("sole_trader", LegalForm::SoleTrader),
        ("public_body", LegalForm::PublicBody),
    ];
    const WHAT: &'static str = "a legal form";
}

impl LegalForm {
    /// The form in plain words.
    pub fn describe(self) -> &'static str {
        match self {
            LegalForm::Charity => "a charity",
            LegalForm::CharitableIncorporatedOrganisation => {
                "a charitable incorporated organisation"
            }
            LegalForm::CompanyLimitedByGuarantee => "a company limited by guarantee",
            LegalForm::CommunityInterestCompany => "a community interest company",
            LegalForm::CooperativeSociety => "a co-operative society",
            LegalForm::CommunityBenefitSociety => "a community benefit society",
            LegalForm::UnincorporatedAssociation => "an unincorporated association",
            LegalForm::CompanyLimitedByShares => "a company limited by shares",
            LegalForm::PublicLimitedCompany => "a public limited company",
            LegalForm::Partnership => "a partnership",
            LegalForm::SoleTrader => "a sole trader",
            LegalForm::PublicBody => "a public body",
        }
    }
}

/// One test of whether a bidder is a user-led organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EligibilityRule {
    /// The share of voting board members who are disabled people or use support services.
    BoardShare {
        /// At least, or more than.
        op: ShareOp,
        /// The percentage.
        percent: Exact,
    },
    /// The share of staff who are disabled people.
    StaffShare {
        /// At least, or more than.
        op: ShareOp,
        /// The percentage.
        percent: Exact,
    },
    /// A statement the organisation must make.
    Declaration(Declaration),
    /// The legal forms that qualify.
    LegalForm(Vec<LegalForm>),
}

/// An eligibility test with its citation and what to ask for when information is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EligibilityTest {
    /// Id.
    pub id: String,
    /// What the test asks, as a heading.
    pub title: String,
    /// The test.
    pub rule: EligibilityRule,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// What makes a bidder a user-led organisation under this protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// The definition in a sentence.
    pub summary: String,
    /// Every test must be met.
    pub tests: Vec<EligibilityTest>,
}

/// How serious a barrier is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The protocol (often the law) requires it.
    Must,
    /// The protocol recommends it.
    Should,
}

impl Choice for Severity {
    const ALL: &'static [(&'static str, Self)] =
        &[("must", Severity::Must), ("should", Severity::Should)];
    const WHAT: &'static str = "a severity";
}

/// Whether a barrier rule looks at the tender as a whole or at each lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Once per tender.
    Tender,
    /// Once per lot.
    Lot,
}

impl Choice for Scope {
    const ALL: &'static [(&'static str, Self)] = &[("tender", Scope::Tender), ("lot", Scope::Lot)];
    const WHAT: &'static str = "a scope";
}

/// A check on a tender's design.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarrierRule {
    /// Id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Tender or lot.
    pub scope: Scope,
    /// Must or should.
    pub severity: Severity,
    /// What a barrier-free tender satisfies.
    pub require: Condition,
    /// What is wrong when it is not satisfied, in plain English.
    pub finding: String,
    /// Why it matters to user-led organisations.
    pub why: String,
    /// The change to suggest.
    pub fix: String,
    /// A clarification question a bidder can send the authority.
    pub question: String,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// The kind of criterion, for the weight checks (price cap, quality floor...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Price or cost.
    Price,
    /// Quality of the service.
    Quality,
    /// Social value (Public Services (Social Value) Act 2012).
    SocialValue,
    /// User leadership and the involvement of people who use services.
    UserLeadership,
}

impl Choice for Category {
    const ALL: &'static [(&'static str, Self)] = &[
        ("price", Category::Price),
        ("quality", Category::Quality),
        ("social_value", Category::SocialValue),
        ("user_leadership", Category::UserLeadership),
    ];
    const WHAT: &'static str = "a category";
}

/// A minimum score on a panel criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Minimum {
    /// The lowest moderated score that passes.
    pub score: i64,
    /// Whether failing it disqualifies the bid (PA23 s.23(3) requires this be published).
    pub disqualifies: bool,
}

/// One band of a banded table: values from `from` up to (not including) `to` earn `points`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// Lower bound, included.
    pub from: Exact,
    /// Upper bound, excluded; `None` for the top band.
    pub to: Option<Exact>,
    /// Points earned.
    pub points: i64,
}

/// A named price formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceFormula {
    /// Lowest price / bid price x marks (Cabinet Office, relative price scoring).
    LowestPriceRatio,
    /// Full marks at or below the lot's price floor, none at or above its affordability
    /// ceiling, straight line between.
    LinearCeilingFloor,
}

impl Choice for PriceFormula {
    const ALL: &'static [(&'static str, Self)] = &[
        ("lowest_price_ratio", PriceFormula::LowestPriceRatio),
        ("linear_ceiling_floor", PriceFormula::LinearCeilingFloor),
    ];
    const WHAT: &'static str = "a price formula";
}

/// How a leaf criterion is scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// Evaluators score on a descriptor scale; the scores are moderated.
    Panel {
        /// The scale's id.
        scale: String,
        /// An optional minimum score.
        minimum: Option<Minimum>,
    },
    /// Points from a banded table over a bid fact.
    Banded {
        /// The fact's id.
        fact: String,
        /// The bands, lowest first.
        bands: Vec<Band>,
        /// The points that earn full marks.
        out_of: i64,
    },
    /// A price formula.
    Price(PriceFormula),
}

/// A criterion: a group of weighted children, or a leaf with a scoring method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Id, unique across the whole tree.
    pub id: String,
    /// Title.
    pub title: String,
    /// What bidders are asked, or what is measured.
    pub description: Option<String>,
    /// Weight within its group, in percent.
    pub weight: Exact,
    /// Its kind; inherited from the parent when absent.
    pub category: Option<Category>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// Children or method.
    pub body: CriterionBody,
}

/// What is inside a criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CriterionBody {
    /// Weighted children.
    Group(Vec<Criterion>),
    /// A scoring method.
    Leaf(Method),
}

/// A pass/fail condition of award. A gate carries no marks; failing it excludes the bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gate {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What passes.
    pub description: String,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// How individual evaluators' scores become one moderated score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModerationMethod {
    /// A moderator records the panel's agreed score and reasons.
    Consensus,
    /// The mean of evaluators' scores; optionally lived-experience evaluators' mean counts for a
    /// fixed share whatever their number.
    Mean {
        /// The share (percent) given to lived-experience evaluators.
        lived_experience_share: Option<Exact>,
    },
    /// The median of evaluators' scores.
    Median,
}

/// Moderation rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moderation {
    /// The method.
    pub method: ModerationMethod,
    /// The largest spread (highest minus lowest score) allowed before a criterion is flagged.
    pub variance_limit: i64,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// What an abnormally low price is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LowBenchmark {
    /// The mean price of the other bids for the same lot.
    MeanOfOtherBids,
    /// The lot's estimated value in the tender.
    LotEstimate,
}

impl Choice for LowBenchmark {
    const ALL: &'static [(&'static str, Self)] = &[
        ("mean_of_other_bids", LowBenchmark::MeanOfOtherBids),
        ("lot_estimate", LowBenchmark::LotEstimate),
    ];
    const WHAT: &'static str = "a benchmark";
}

/// The abnormally-low-price rule: a flag that asks for an explanation, never a rejection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbnormallyLow {
    /// The benchmark.
    pub compare_to: LowBenchmark,
    /// A price below this percentage of the benchmark is flagged.
    pub below_percent: Exact,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// What happens to a price above the lot's affordability ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverCeiling {
    /// The bid is excluded from the ranking.
    Exclude,
    /// The bid is ranked but flagged.
    Flag,
}

impl Choice for OverCeiling {
    const ALL: &'static [(&'static str, Self)] = &[
        ("exclude", OverCeiling::Exclude),
        ("flag", OverCeiling::Flag),
    ];
    const WHAT: &'static str = "an action";
}

/// The affordability rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Affordability {
    /// What happens over the ceiling.
    pub over_ceiling: OverCeiling,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// One rule in the tie-break order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The bid with more marks in this criterion (or group) wins.
    HigherScoreIn(String),
    /// The cheaper bid wins.
    LowerPrice,
    /// A bid from a user-led organisation (verdict "yes") wins over one that is not.
    UserLedFirst,
}

/// The award model: criteria, gates and the rules around them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardModel {
    /// The weighted criteria tree.
    pub criteria: Vec<Criterion>,
    /// Pass/fail gates.
    pub gates: Vec<Gate>,
    /// Moderation.
    pub moderation: Moderation,
    /// Abnormally low prices.
    pub abnormally_low: AbnormallyLow,
    /// Affordability ceiling.
    pub affordability: Affordability,
    /// Tie-break order, first rule first.
    pub tie_break: Vec<TieBreak>,
    /// Sources for the model as a whole (most advantageous tender).
    pub cites: Vec<Cite>,
}

/// A weight a tender may change, and the range it may move in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tunable {
    /// The criterion.
    pub criterion: String,
    /// Lowest weight allowed.
    pub min: Exact,
    /// Highest weight allowed.
    pub max: Exact,
}

/// A figure bids supply for banded criteria (e.g. the share of staff living locally).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidFact {
    /// Id.
    pub id: String,
    /// Label.
    pub title: String,
    /// What kind of figure.
    pub kind: BidFactKind,
}

/// How scores are rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounding {
    /// Decimal places of each criterion's marks (totals add rounded marks exactly).
    pub places: u32,
    /// The rounding mode.
    pub mode: RoundingMode,
}

impl Choice for RoundingMode {
    const ALL: &'static [(&'static str, Self)] = &[
        ("half_up", RoundingMode::HalfUp),
        ("half_even", RoundingMode::HalfEven),
        ("down", RoundingMode::Down),
    ];
    const WHAT: &'static str = "a rounding mode";
}

/// A protocol as read from JSON: every field well formed, nothing yet cross-checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolDoc {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version, e.g. `1.0.0`.
    pub version: String,
    /// The date from which it applies.
    pub effective_date: Date,
    /// Who publishes it.
    pub publisher: Option<String>,
    /// What it is for.
    pub summary: Option<String>,
    /// Rounding.
    pub rounding: Rounding,
    /// Sources.
    pub sources: Vec<Source>,
    /// Descriptor scales.
    pub scales: Vec<Scale>,
    /// Eligibility.
    pub eligibility: Eligibility,
    /// Barrier rules.
    pub barriers: Vec<BarrierRule>,
    /// Award model.
    pub award: AwardModel,
    /// Tunable weights.
    pub tunable: Vec<Tunable>,
    /// Bid facts.
    pub bid_facts: Vec<BidFact>,
}

/// A leaf criterion with its place in the tree resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafInfo {
    /// Its category (own or inherited).
    pub category: Category,
    /// Ids from the top-level criterion down to this one.
    pub path: Vec<String>,
}

/// A criterion's place in the tree, resolved once when the protocol is compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeNode {
    /// Criterion id.
    pub id: String,
    /// The group it belongs to.
    pub parent: Option<String>,
    /// 1 for top-level criteria.
    pub depth: u8,
    /// Its category, own or inherited.
    pub category: Category,
    /// Its children's ids (empty for a leaf).
    pub children: Vec<String>,
}

/// A protocol checked and ready to score: read once, used for any number of tenders and bids.
#[derive(Clone, Debug)]
pub struct Protocol {
    doc: ProtocolDoc,
    digest: String,
    /// Every criterion in tree order (depth first).
    tree: Vec<TreeNode>,
    /// Each criterion's position in `tree`, so that scoring can hold per-criterion figures in
    /// plain vectors instead of searching the tree or keying maps by id for every bid.
    positions: BTreeMap<String, usize>,
    /// Every criterion by id, with its JSON pointer in the protocol.
    criteria_index: BTreeMap<String, (Criterion, String)>,
    /// Leaf criteria resolved (category, path).
    leaves: BTreeMap<String, LeafInfo>,
    /// Sources by id.
    sources: BTreeMap<String, Source>,
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

pub(crate) const TITLE_MAX: usize = 200;
pub(crate) const TEXT_MAX: usize = 2000;
pub(crate) const CLAUSE_MAX: usize = 100;

fn read_cites(r: &mut Reader, at: Option<At>) -> Option<Vec<Cite>> {
    r.list(at, 1, 20, |r, at| {
        let f = r.object(at, &["source", "clause"], &["source", "clause"])?;
        let source = r.id(f.get("source"));
        let clause = r.text(f.get("clause"), CLAUSE_MAX);
        Some(Cite {
            source: source?,
            clause: clause?,
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
                        found: crate::read::describe(at.value),
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
                    found: crate::read::describe(at.value),
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
                "declaration",
                &["type", "declaration"],
                &["type", "declaration"],
            ),
            ("legal_form", &["type", "allowed"], &["type", "allowed"]),
        ],
    )?;
    match which {
        0 | 1 => {
            let op = r.choice(f.get("op"));
            let percent = r.decimal(f.get("percent"), DecimalKind::Percent);
            let (op, percent) = (op?, percent?);
            Some(if which == 0 {
                EligibilityRule::BoardShare { op, percent }
            } else {
                EligibilityRule::StaffShare { op, percent }
            })
        }
        2 => Some(EligibilityRule::Declaration(
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
            &["id", "title", "rule", "cites"],
            &["id", "title", "rule", "cites"],
        )?;
        let id = r.id(f.get("id"));
        let title = r.text(f.get("title"), TITLE_MAX);
        let rule = f.get("rule").and_then(|at| read_eligibility_rule(r, at));
        let cites = read_cites(r, f.get("cites"));
        Some(EligibilityTest {
            id: id?,
            title: title?,
            rule: rule?,
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
        "id", "title", "scope", "severity", "require", "finding", "why", "fix", "question", "cites",
    ];
    let f = r.object(at, FIELDS, FIELDS)?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let scope = r.choice(f.get("scope"));
    let severity = r.choice(f.get("severity"));
    let require = f.get("require").and_then(|at| Condition::read(r, at));
    let finding = r.text(f.get("finding"), TEXT_MAX);
    let why = r.text(f.get("why"), TEXT_MAX);
    let fix = r.text(f.get("fix"), TEXT_MAX);
    let question = r.text(f.get("question"), TEXT_MAX);
    let cites = read_cites(r, f.get("cites"));
    Some(BarrierRule {
        id: id?,
        title: title?,
        scope: scope?,
        severity: severity?,
        require: require?,
        finding: finding?,
        why: why?,
        fix: fix?,
        question: question?,
        cites: cites?,
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
        .optional(f.get("cites"), |r, at| read_cites(r, Some(at)))
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
            r.report(
                f.pointer(),
                ProblemKind::Inconsistent {
                    detail: "a criterion has either \"children\" (a group) or a \"method\" (scored), not both".into(),
                },
            );
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
    let cites = read_cites(r, f.get("cites"));
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
                &["rule", "criterion"],
                &["rule", "criterion"],
            ),
            ("lower_price", &["rule"], &["rule"]),
            ("user_led_first", &["rule"], &["rule"]),
        ],
    )?;
    match which {
        0 => Some(TieBreak::HigherScoreIn(r.id(f.get("criterion"))?)),
        1 => Some(TieBreak::LowerPrice),
        _ => Some(TieBreak::UserLedFirst),
    }
}

fn read_award(r: &mut Reader, at: At) -> Option<AwardModel> {
    const FIELDS: &[&str] = &[
        "criteria",
        "gates",
        "moderation",
        "abnormally_low",
        "affordability",
        "tie_break",
        "cites",
    ];
    let f = r.object(at, FIELDS, FIELDS)?;
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
        let cites = read_cites(r, f.get("cites"));
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
        let cites = read_cites(r, f.get("cites"));
        Some(AbnormallyLow {
            compare_to: compare_to?,
            below_percent: below_percent?,
            cites: cites?,
        })
    });
    let affordability = f.get("affordability").and_then(|at| {
        let f = r.object(at, &["over_ceiling", "cites"], &["over_ceiling", "cites"])?;
        let over_ceiling = r.choice(f.get("over_ceiling"));
        let cites = read_cites(r, f.get("cites"));
        Some(Affordability {
            over_ceiling: over_ceiling?,
            cites: cites?,
        })
    });
    let tie_break = r.list(f.get("tie_break"), 0, 10, read_tie_break);
    let cites = read_cites(r, f.get("cites"));
    Some(AwardModel {
        criteria: criteria?,
        gates: gates?,
        moderation: moderation?,
        abnormally_low: abnormally_low?,
        affordability: affordability?,
        tie_break: tie_break?,
        cites: cites?,
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
pub fn read(value: &Value) -> Result<ProtocolDoc, Problems> {
    let mut r = Reader::new(Document::Protocol);
    let doc = read_doc(&mut r, At::root(value));
    match doc {
        Some(d) if !r.has_problems() => Ok(d),
        _ => Err(Problems(r.into_problems())),
    }
}

fn read_doc(r: &mut Reader, at: At) -> Option<ProtocolDoc> {
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
    let version = f.get("version").and_then(|at| {
        let s = r.text(Some(at), 20)?;
        if is_version(&s) {
            Some(s)
        } else {
            r.report(
                at.pointer(),
                ProblemKind::InvalidValue {
                    found: crate::read::describe(at.value),
                    expected: "a version number such as \"1.0\" or \"2.1.3\"".into(),
                },
            );
            None
        }
    });
    let effective_date = r.date(f.get("effective_date"));
    let publisher = r.optional(f.get("publisher"), |r, at| r.text(Some(at), TITLE_MAX));
    let summary = r.optional(f.get("summary"), |r, at| r.text(Some(at), TEXT_MAX));
    let rounding = f.get("rounding").and_then(|at| {
        let f = r.object(at, &["places", "mode"], &["places", "mode"])?;
        let places = r.int(f.get("places"), 0, 6);
        let mode = r.choice(f.get("mode"));
        Some(Rounding {
            places: places? as u32,
            mode: mode?,
        })
    });
    let sources = r.list(f.get("sources"), 1, 100, read_source);
    let scales = r.list(f.get("scales"), 0, 20, read_scale);
    let eligibility = f.get("eligibility").and_then(|at| read_eligibility(r, at));
    let barriers = r.list(f.get("barriers"), 0, 100, read_barrier);
    let award = f.get("award_model").and_then(|at| read_award(r, at));
    let tunable = r.list(f.get("tunable"), 0, 30, |r, at| {
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
    });
    let bid_facts = r.list(f.get("bid_facts"), 0, 50, |r, at| {
        let f = r.object(at, &["id", "title", "kind"], &["id", "title", "kind"])?;
        let id = r.id(f.get("id"));
        let title = r.text(f.get("title"), TITLE_MAX);
        let kind = r.choice(f.get("kind"));
        Some(BidFact {
            id: id?,
            title: title?,
            kind: kind?,
        })
    });
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

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

/// Records ids as they are met and reports the second use of any.
pub(crate) struct IdSet<'a> {
    seen: BTreeMap<&'a str, String>,
}

impl<'a> IdSet<'a> {
    pub(crate) fn new() -> Self {
        IdSet {
            seen: BTreeMap::new(),
        }
    }

    pub(crate) fn add(
        &mut self,
        id: &'a str,
        pointer: String,
        problems: &mut Vec<Problem>,
        doc: Document,
    ) {
        if let Some(first) = self.seen.get(id) {
            problems.push(Problem::new(
                doc,
                pointer,
                ProblemKind::DuplicateId {
                    id: id.to_string(),
                    first: first.clone(),
                },
            ));
        } else {
            self.seen.insert(id, pointer);
        }
    }
}

struct Checker<'a> {
    doc: &'a ProtocolDoc,
    problems: Vec<Problem>,
    source_ids: BTreeSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, pointer: String, kind: ProblemKind) {
        self.problems
            .push(Problem::new(Document::Protocol, pointer, kind));
    }

    fn cites(&mut self, cites: &'a [Cite], pointer: &str) {
        for (i, c) in cites.iter().enumerate() {
            if !self.source_ids.contains(c.source.as_str()) {
                let known = self.source_ids.iter().map(|s| s.to_string()).collect();
                self.report(
                    format!("{pointer}/cites/{i}/source"),
                    ProblemKind::UnknownReference {
                        id: c.source.clone(),
                        what: "source",
                        known,
                    },
                );
            }
        }
    }

    fn weights(&mut self, group: &'a [Criterion], pointer: &str, name: &str) {
        let mut total = Exact::ZERO;
        for c in group {
            total = total.add(c.weight).unwrap_or(total);
        }
        if total != Exact::HUNDRED {
            self.report(
                pointer.to_string(),
                ProblemKind::WeightsNot100 {
                    group: name.to_string(),
                    total: total.to_exact_string(),
                },
            );
        }
    }
}

/// Appends `criteria` to `out` depth-first, with pointers, inherited category and path.
fn walk<'a>(
    criteria: &'a [Criterion],
    pointer: &str,
    inherited: Option<Category>,
    path: &[String],
    out: &mut Vec<(&'a Criterion, String, Option<Category>, Vec<String>)>,
) {
    for (i, c) in criteria.iter().enumerate() {
        let p = format!("{pointer}/{i}");
        let cat = c.category.or(inherited);
        let mut here = path.to_vec();
        here.push(c.id.clone());
        out.push((c, p.clone(), cat, here.clone()));
        if let CriterionBody::Group(children) = &c.body {
            walk(children, &format!("{p}/children"), cat, &here, out);
        }
    }
}

impl Protocol {
    /// Parses, reads and checks a protocol from JSON text.
    pub fn from_json(text: &str) -> Result<Protocol, Problems> {
        let value = crate::json::parse(text, Document::Protocol).map_err(|p| Problems(vec![p]))?;
        Protocol::from_value(&value)
    }

    /// Reads and checks a protocol from a parsed JSON value.
    pub fn from_value(value: &Value) -> Result<Protocol, Problems> {
        let doc = read(value)?;
        Protocol::compile(doc, audit::digest(value))
    }

    /// The protocol shipped with ulo: the User-Led Commissioning Protocol.
    pub fn shipped() -> Protocol {
        crate::shipped::protocol()
    }

    /// Checks a read protocol for what the schema cannot express, and prepares it for scoring.
    pub fn compile(doc: ProtocolDoc, digest: String) -> Result<Protocol, Problems> {
        let mut c = Checker {
            doc: &doc,
            problems: Vec::new(),
            source_ids: BTreeSet::new(),
        };
        let d = c.doc;
        let mut problems = Vec::new();
        let mut ids = IdSet::new();
        for (i, s) in d.sources.iter().enumerate() {
            ids.add(
                &s.id,
                format!("/sources/{i}/id"),
                &mut problems,
                Document::Protocol,
            );
            c.source_ids.insert(&s.id);
        }
        c.problems.append(&mut problems);

        // Scales: unique ids, points strictly rising.
        let mut scale_ids = IdSet::new();
        for (i, s) in d.scales.iter().enumerate() {
            scale_ids.add(
                &s.id,
                format!("/scales/{i}/id"),
                &mut c.problems,
                Document::Protocol,
            );
            for (j, w) in s.points.windows(2).enumerate() {
                if w[1].score <= w[0].score {
                    c.report(
                        format!("/scales/{i}/points/{}/score", j + 1),
                        ProblemKind::RangeOutOfOrder {
                            detail: format!(
                                "the points of scale \"{}\" must rise: {} comes after {}",
                                s.id, w[1].score, w[0].score
                            ),
                        },
                    );
                }
            }
        }

        // Eligibility.
        let mut test_ids = IdSet::new();
        for (i, t) in d.eligibility.tests.iter().enumerate() {
            let p = format!("/eligibility/tests/{i}");
            test_ids.add(
                &t.id,
                format!("{p}/id"),
                &mut c.problems,
                Document::Protocol,
            );
            c.cites(&t.cites, &p);
        }

        // Bid facts: unique, and not one of the built-in names.
        let mut fact_ids = IdSet::new();
        for (name, _) in BUILT_IN_BID_FACTS {
            fact_ids.add(
                name,
                "(built in)".to_string(),
                &mut Vec::new(),
                Document::Protocol,
            );
        }
        for (i, f) in d.bid_facts.iter().enumerate() {
            fact_ids.add(
                &f.id,
                format!("/bid_facts/{i}/id"),
                &mut c.problems,
                Document::Protocol,
            );
        }

        // Barriers.
        let mut barrier_ids = IdSet::new();
        for (i, b) in d.barriers.iter().enumerate() {
            let p = format!("/barriers/{i}");
            barrier_ids.add(
                &b.id,
                format!("{p}/id"),
                &mut c.problems,
                Document::Protocol,
            );
            c.cites(&b.cites, &p);
            b.require
                .check(b.scope, &format!("{p}/require"), &mut c.problems);
        }

        // Criteria.
        let award = &d.award;
        let mut flat = Vec::new();
        walk(
            &award.criteria,
            "/award_model/criteria",
            None,
            &[],
            &mut flat,
        );
        let mut crit_ids = IdSet::new();
        let mut criteria_index = BTreeMap::new();
        let mut leaves = BTreeMap::new();
        c.weights(
            &award.criteria,
            "/award_model/criteria",
            "the top-level criteria",
        );
        let scale_by_id: BTreeMap<&str, &Scale> =
            d.scales.iter().map(|s| (s.id.as_str(), s)).collect();
        let fact_names: Vec<String> = BUILT_IN_BID_FACTS
            .iter()
            .map(|(n, _)| n.to_string())
            .chain(d.bid_facts.iter().map(|f| f.id.clone()))
            .collect();
        for (crit, p, cat, path) in &flat {
            crit_ids.add(
                &crit.id,
                format!("{p}/id"),
                &mut c.problems,
                Document::Protocol,
            );
            criteria_index
                .entry(crit.id.clone())
                .or_insert_with(|| ((*crit).clone(), p.clone()));
            c.cites(&crit.cites, p);
            if path.len() == 1 && crit.category.is_none() {
                c.report(
                    p.clone(),
                    ProblemKind::MissingField {
                        field: "category".into(),
                    },
                );
            }
            match &crit.body {
                CriterionBody::Group(children) => {
                    c.weights(
                        children,
                        &format!("{p}/children"),
                        &format!("\"{}\"", crit.id),
                    );
                }
                CriterionBody::Leaf(method) => {
                    if let Some(cat) = cat {
                        leaves.insert(
                            crit.id.clone(),
                            LeafInfo {
                                category: *cat,
                                path: path.clone(),
                            },
                        );
                    }
                    check_method(&mut c, method, *cat, p, &scale_by_id, &fact_names);
                }
            }
        }
        let criterion_ids: Vec<String> = flat.iter().map(|(c, ..)| c.id.clone()).collect();

        // Gates.
        let mut gate_ids = IdSet::new();
        for (i, g) in award.gates.iter().enumerate() {
            let p = format!("/award_model/gates/{i}");
            gate_ids.add(
                &g.id,
                format!("{p}/id"),
                &mut c.problems,
                Document::Protocol,
            );
            c.cites(&g.cites, &p);
        }
        c.cites(&award.moderation.cites, "/award_model/moderation");
        c.cites(&award.abnormally_low.cites, "/award_model/abnormally_low");
        c.cites(&award.affordability.cites, "/award_model/affordability");
        c.cites(&award.cites, "/award_model");

        // Tie-break order.
        let mut seen_rules = BTreeMap::new();
        for (i, t) in award.tie_break.iter().enumerate() {
            let p = format!("/award_model/tie_break/{i}");
            let key = match t {
                TieBreak::HigherScoreIn(id) => {
                    if !criteria_index.contains_key(id) {
                        c.report(
                            format!("{p}/criterion"),
                            ProblemKind::UnknownReference {
                                id: id.clone(),
                                what: "criterion",
                                known: criterion_ids.clone(),
                            },
                        );
                    }
                    format!("higher_score_in:{id}")
                }
                TieBreak::LowerPrice => "lower_price".into(),
                TieBreak::UserLedFirst => "user_led_first".into(),
            };
            if let Some(first) = seen_rules.insert(key.clone(), p.clone()) {
                c.report(p, ProblemKind::DuplicateId { id: key, first });
            }
        }

        // Tunable weights.
        let mut tunable_ids = IdSet::new();
        for (i, t) in d.tunable.iter().enumerate() {
            let p = format!("/tunable/{i}");
            tunable_ids.add(
                &t.criterion,
                format!("{p}/criterion"),
                &mut c.problems,
                Document::Protocol,
            );
            match criteria_index.get(&t.criterion) {
                None => c.report(
                    format!("{p}/criterion"),
                    ProblemKind::UnknownReference {
                        id: t.criterion.clone(),
                        what: "criterion",
                        known: criterion_ids.clone(),
                    },
                ),
                Some((crit, _)) => {
                    if t.min > t.max {
                        c.report(
                            format!("{p}/min"),
                            ProblemKind::RangeOutOfOrder {
                                detail: format!(
                                    "the lowest weight {} is above the highest {}",
                                    t.min.to_exact_string(),
                                    t.max.to_exact_string()
                                ),
                            },
                        );
                    } else if crit.weight < t.min || crit.weight > t.max {
                        c.report(
                            p.to_string(),
                            ProblemKind::WeightOutsideRange {
                                criterion: t.criterion.clone(),
                                found: crit.weight.to_exact_string(),
                                min: t.min.to_exact_string(),
                                max: t.max.to_exact_string(),
                            },
                        );
                    }
                }
            }
        }

        if let ModerationMethod::Mean {
            lived_experience_share: Some(s),
        } = award.moderation.method
        {
            if s == Exact::HUNDRED || s.is_zero() {
                c.report(
                    "/award_model/moderation/lived_experience_share".into(),
                    ProblemKind::OutOfRange {
                        found: format!("\"{}\"", s.to_exact_string()),
                        expected: "more than 0 and less than 100 (leave it out for a plain mean)"
                            .into(),
                    },
                );
            }
        }

        let problems = c.problems;
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let sources = doc
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.clone()))
            .collect();
        let tree: Vec<TreeNode> = flat
            .iter()
            .map(|(crit, _, cat, path)| TreeNode {
                id: crit.id.clone(),
                parent: (path.len() > 1).then(|| path[path.len() - 2].clone()),
                depth: path.len() as u8,
                // Checked above: every top-level criterion has a category.
                category: cat.unwrap_or(Category::Quality),
                children: match &crit.body {
                    CriterionBody::Group(children) => {
                        children.iter().map(|c| c.id.clone()).collect()
                    }
                    CriterionBody::Leaf(_) => Vec::new(),
                },
            })
            .collect();
        let positions = tree
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        Ok(Protocol {
            doc,
            digest,
            tree,
            positions,
            criteria_index,
            leaves,
            sources,
        })
    }

    /// The protocol as read.
    pub fn doc(&self) -> &ProtocolDoc {
        &self.doc
    }

    /// SHA-256 of the protocol's canonical JSON, for the audit trail.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// A criterion by id, with its pointer in the protocol.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria_index.get(id).map(|(c, _)| c)
    }

    /// Every criterion id, in tree order.
    pub fn criterion_ids(&self) -> Vec<String> {
        self.tree.iter().map(|n| n.id.clone()).collect()
    }

    /// Every criterion's place in the tree, in tree order (depth first).
    pub fn tree(&self) -> &[TreeNode] {
        &self.tree
    }

    /// A criterion's position in [`Protocol::tree`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// A leaf criterion's resolved category and path.
    pub fn leaf(&self, id: &str) -> Option<&LeafInfo> {
        self.leaves.get(id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// A scale by id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.doc.scales.iter().find(|s| s.id == id)
    }

    /// The tunable range of a criterion's weight, if tenders may tune it.
    pub fn tunable(&self, id: &str) -> Option<&Tunable> {
        self.doc.tunable.iter().find(|t| t.criterion == id)
    }

    /// The kind of a bid fact, built in or declared.
    pub fn bid_fact(&self, id: &str) -> Option<BidFactKind> {
        BUILT_IN_BID_FACTS
            .iter()
            .find(|(n, _)| *n == id)
            .map(|(_, k)| *k)
            .or_else(|| {
                self.doc
                    .bid_facts
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.kind)
            })
    }

    /// The title of a bid fact, for explanations.
    pub fn bid_fact_title(&self, id: &str) -> String {
        crate::facts::built_in_bid_fact_title(id)
            .map(str::to_string)
            .or_else(|| {
                self.doc
                    .bid_facts
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.title.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }

    /// Whether a tender fact is used by any rule (for the importer's "still to supply" list).
    pub fn uses_fact(&self, fact: TenderFact) -> bool {
        self.doc.barriers.iter().any(|b| b.require.uses(fact))
    }
}

fn check_method(
    c: &mut Checker,
    method: &Method,
    cat: Option<Category>,
    p: &str,
    scales: &BTreeMap<&str, &Scale>,
    facts: &[String],
) {
    match method {
        Method::Panel { scale, minimum } => match scales.get(scale.as_str()) {
            None => c.report(
                format!("{p}/method/scale"),
                ProblemKind::UnknownReference {
                    id: scale.clone(),
                    what: "scale",
                    known: scales.keys().map(|k| k.to_string()).collect(),
                },
            ),
            Some(s) => {
                if let Some(m) = minimum {
                    if s.point(m.score).is_none() {
                        c.report(
                            format!("{p}/method/minimum/score"),
                            ProblemKind::ScoreOutsideScale {
                                found: m.score,
                                allowed: s.scores(),
                                scale: s.title.clone(),
                            },
                        );
                    }
                }
            }
        },
        Method::Banded {
            fact,
            bands,
            out_of,
        } => {
            if !facts.contains(fact) {
                c.report(
                    format!("{p}/method/fact"),
                    ProblemKind::UnknownReference {
                        id: fact.clone(),
                        what: "bid fact",
                        known: facts.to_vec(),
                    },
                );
            }
            if bands[0].from != Exact::ZERO {
                c.report(
                    format!("{p}/method/bands/0/from"),
                    ProblemKind::RangeOutOfOrder {
                        detail:
                            "the first band must start at \"0\" so that every value falls in a band"
                                .into(),
                    },
                );
            }
            for (i, b) in bands.iter().enumerate() {
                let bp = format!("{p}/method/bands/{i}");
                let last = i + 1 == bands.len();
                match (b.to, last) {
                    (None, false) => c.report(
                        bp.clone(),
                        ProblemKind::MissingField { field: "to".into() },
                    ),
                    (Some(_), true) => c.report(
                        format!("{bp}/to"),
                        ProblemKind::RangeOutOfOrder {
                            detail: "the last band has no upper bound (leave out \"to\") so that every value falls in a band".into(),
                        },
                    ),
                    (Some(to), false) => {
                        if to <= b.from {
                            c.report(
                                format!("{bp}/to"),
                                ProblemKind::RangeOutOfOrder {
                                    detail: format!(
                                        "the band ends at {} but starts at {}",
                                        to.to_exact_string(),
                                        b.from.to_exact_string()
                                    ),
                                },
                            );
                        }
                        if bands[i + 1].from != to {
                            c.report(
                                format!("{p}/method/bands/{}/from", i + 1),
                                ProblemKind::RangeOutOfOrder {
                                    detail: format!(
                                        "this band starts at {} but the band before it ends at {}; bands must meet with no gap or overlap",
                                        bands[i + 1].from.to_exact_string(),
                                        to.to_exact_string()
                                    ),
                                },
                            );
                        }
                    }
                    (None, true) => {}
                }
                if b.points > *out_of {
                    c.report(
                        format!("{bp}/points"),
                        ProblemKind::OutOfRange {
                            found: b.points.to_string(),
                            expected: format!("at most \"out_of\", {out_of}"),
                        },
                    );
                }
            }
        }
        Method::Price(_) => {
            if cat != Some(Category::Price) {
                c.report(
                    format!("{p}/method"),
                    ProblemKind::Inconsistent {
                        detail: "a criterion scored by a price formula must be in the \"price\" category".into(),
                    },
                );
            }
        }
    }
}

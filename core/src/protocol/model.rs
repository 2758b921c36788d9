//! The typed model of a protocol: what reading yields from JSON, every field well formed and
//! nothing yet cross-checked; compiling then checks what a schema cannot say.

use crate::choice::choice;
use crate::condition::Condition;
use crate::dates::Date;
use crate::exact::{Exact, RoundingMode};
use crate::facts::BidFactKind;
use crate::regime::{Nation, Regime};
use crate::vocab::{Category, Cite, Scope, Severity, Source, Standing};

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
    #[must_use]
    pub fn max(&self) -> i64 {
        self.points.iter().map(|p| p.score).max().unwrap_or(0)
    }

    /// The point with this score.
    #[must_use]
    pub fn point(&self, score: i64) -> Option<&ScalePoint> {
        self.points.iter().find(|p| p.score == score)
    }

    /// The scores of all points, lowest first.
    #[must_use]
    pub fn scores(&self) -> Vec<i64> {
        self.points.iter().map(|p| p.score).collect()
    }
}

choice! {
    /// Whether a share must reach a figure or pass it.
    pub enum ShareOp as "a comparison" {
        /// At least the figure (DH design criteria: "at least 75%").
        AtLeast = "at_least",
        /// More than the figure (SCIE Guide 36: "over 50%").
        MoreThan = "more_than",
    }
}

choice! {
    /// A statement an organisation makes about itself.
    pub enum Declaration as "a declaration" {
        /// The organisation is accountable to its members or the people who use its services.
        AccountableToMembers = "accountable_to_members",
        /// The organisation is committed to the social model of disability.
        SocialModelCommitment = "social_model_commitment",
    }
}

choice! {
    /// The legal forms an organisation may take.
    #[derive(PartialOrd, Ord)]
    pub enum LegalForm as "a legal form" {
        /// A registered charity (trust or association).
        Charity = "charity",
        /// A charitable incorporated organisation.
        CharitableIncorporatedOrganisation = "charitable_incorporated_organisation",
        /// A company limited by guarantee.
        CompanyLimitedByGuarantee = "company_limited_by_guarantee",
        /// A community interest company.
        CommunityInterestCompany = "community_interest_company",
        /// A co-operative society.
        CooperativeSociety = "cooperative_society",
        /// A community benefit society.
        CommunityBenefitSociety = "community_benefit_society",
        /// An unincorporated association.
        UnincorporatedAssociation = "unincorporated_association",
        /// A private company limited by shares.
        CompanyLimitedByShares = "company_limited_by_shares",
        /// A public limited company.
        PublicLimitedCompany = "public_limited_company",
        /// A partnership or limited liability partnership.
        Partnership = "partnership",
        /// A sole trader.
        SoleTrader = "sole_trader",
        /// A public body.
        PublicBody = "public_body",
    }
}

impl LegalForm {
    /// The form in plain words.
    #[must_use]
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
    /// The share of volunteers who are disabled people (the Office for Disability Issues'
    /// DPULO programme: at least 50% of volunteers).
    VolunteerShare {
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
    /// Reported, but not deciding the verdict: a test the protocol's sources use for some
    /// organisations and not others (a share of staff, where many user-led organisations are
    /// run by volunteers). Absent in the JSON means required.
    pub optional: bool,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// What makes a bidder a user-led organisation under this protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// The definition in a sentence.
    pub summary: String,
    /// Every required test that applies must be met; optional tests are reported only.
    pub tests: Vec<EligibilityTest>,
}

/// Where a barrier rule holds, and on what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holding {
    /// Under any regime, with one severity: the form of protocols written before the engine
    /// knew regimes (ulcp 1.0.0), kept so their results can be reproduced byte for byte.
    Everywhere {
        /// Must or should.
        severity: Severity,
        /// Sources.
        cites: Vec<Cite>,
    },
    /// Only under the regimes listed, each with its own standing and sources: a rule is a legal
    /// MUST only where the governing law imposes it, and not applicable where no entry lists
    /// the tender's regime.
    ByRegime(Vec<Applies>),
}

/// One place a rule holds: the regimes (and, if it matters, the nations), the standing, and
/// the clauses it rests on there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applies {
    /// The regimes.
    pub regimes: Vec<Regime>,
    /// The buyer's nations, when the law differs within a regime (PA 2023 s.85 is not for
    /// devolved Welsh authorities); `None` is every nation.
    pub nations: Option<Vec<Nation>>,
    /// Law or policy: a finding's severity follows from it.
    pub standing: Standing,
    /// Sources.
    pub cites: Vec<Cite>,
    /// Why it holds here, in a sentence (shown with a finding).
    pub note: Option<String>,
}

impl Applies {
    /// Whether this entry covers a tender under `regime` in `nation`: `Some(true)` or
    /// `Some(false)`, or `None` when the entry depends on a nation that is not known.
    #[must_use]
    pub fn covers(&self, regime: Regime, nation: Option<Nation>) -> Option<bool> {
        if !self.regimes.contains(&regime) {
            return Some(false);
        }
        match (&self.nations, nation) {
            (None, _) => Some(true),
            (Some(list), Some(n)) => Some(list.contains(&n)),
            (Some(_), None) => None,
        }
    }
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
    /// Where the rule holds, with its severity or standing and its sources.
    pub holding: Holding,
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
}

impl BarrierRule {
    /// Every citation of the rule, under whatever regime.
    pub fn all_cites(&self) -> impl Iterator<Item = &Cite> {
        let (one, many): (&[Cite], &[Applies]) = match &self.holding {
            Holding::Everywhere { cites, .. } => (cites, &[]),
            Holding::ByRegime(entries) => (&[], entries),
        };
        one.iter().chain(many.iter().flat_map(|a| a.cites.iter()))
    }
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

choice! {
    /// A named price formula.
    pub enum PriceFormula as "a price formula" {
        /// Lowest price / bid price x marks (Cabinet Office, relative price scoring).
        LowestPriceRatio = "lowest_price_ratio",
        /// Full marks at or below the lot's price floor, none at or above its affordability
        /// ceiling, straight line between.
        LinearCeilingFloor = "linear_ceiling_floor",
        /// Marks against a benchmark price the tender publishes for the lot (Bid Evaluation
        /// Guidance Note 7.3): a set share of the marks at the benchmark, more for each 1% below
        /// it, fewer for each 1% above, kept between none and all of them.
        Benchmark = "benchmark",
    }
}

choice! {
    /// The name of a lot evaluation model: the protocol lists those a tender may choose
    /// (`models_allowed`), a tender's lot names the one it uses (`tender::evaluation`).
    pub enum ModelKind as "an evaluation model" in TypeScript "EvaluationModel" {
        /// Quality and price marks added up; the highest total wins (Guidance Note 8.1).
        Weighted = "weighted",
        /// The price divided by the quality marks; the lowest cost per quality point wins
        /// (Guidance Note 7.3, Appendix II).
        PricePerQualityPoint = "price_per_quality_point",
        /// A quality stage with a pass mark, then price among those who passed (Guidance
        /// Note 5.3).
        Sequential = "sequential",
        /// Quality alone, at a price the authority fixes.
        QualityOnly = "quality_only",
        /// Price (or whole-life cost) alone.
        PriceOnly = "price_only",
    }
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
    /// Weight in percent: of its group, or of the whole award (see [`WeightsAs`]).
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

choice! {
    /// What an abnormally low price is measured against.
    pub enum LowBenchmark as "a benchmark" {
        /// The mean price of the other bids for the same lot.
        MeanOfOtherBids = "mean_of_other_bids",
        /// The lot's estimated value in the tender.
        LotEstimate = "lot_estimate",
    }
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

choice! {
    /// What happens to a price above the lot's affordability ceiling.
    pub enum OverCeiling as "an action" {
        /// The bid is excluded from the ranking.
        Exclude = "exclude",
        /// The bid is ranked but flagged.
        Flag = "flag",
    }
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
    /// The bid with more marks in every leaf criterion of this category (its own or inherited)
    /// wins: "higher quality score first" where the quality criteria are not one group.
    HigherScoreInCategory(Category),
    /// The cheaper bid wins.
    LowerPrice,
    /// A bid from a user-led organisation (verdict "yes") wins over one that is not.
    UserLedFirst,
}

choice! {
    /// What a criterion's `weight` is a share of. Councils publish weights both ways: "Quality
    /// 55%: Q1 36.36%, ..." (of the group) or "Quality 55%: Q1 20%, Q2 15%, ..." (of the whole
    /// award); the Cabinet Office Bid Evaluation Guidance Note (May 2021), Appendix III,
    /// describes weighting the criteria and their sub-criteria, and PA 2023 s.23 requires the
    /// award to follow the weights as published, so the engine reads them the way they were
    /// written instead of asking for a conversion that cannot be exact (20/55 is 36.3636...%).
    #[derive(Default)]
    pub enum WeightsAs as "a way of reading weights" {
        /// Each weight is its share of its group (its parent), in percent; each group's
        /// children add up to 100. The meaning of every protocol written before this choice.
        #[default]
        ShareOfParent = "share_of_parent",
        /// Each weight is its share of the whole award, in percent: the top level adds up to
        /// 100 and a group's children add up to the group's own weight.
        ShareOfWhole = "share_of_whole",
    }
}

/// The award model: criteria, gates and the rules around them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardModel {
    /// What each criterion's weight is a share of (absent in the JSON: its parent).
    pub weights_as: WeightsAs,
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
    /// The price formulas a tender's lot may choose instead of the price criterion's own
    /// (`evaluation.price_formula`); empty: only the criterion's own. The published model is
    /// then the lot's (PA 2023 s.23), so the protocol says which a council may publish.
    pub price_formulas_allowed: Vec<PriceFormula>,
    /// The lot evaluation models a tender may choose (the adopting authority's policy);
    /// `None` when the protocol does not say, which allows the weighted total alone.
    pub models_allowed: Option<Vec<ModelKind>>,
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

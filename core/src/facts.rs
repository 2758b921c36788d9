//! Facts about a tender's design, which the barrier rules compare with the protocol's limits.
//!
//! A fact is a named, typed figure derived from the tender (and, for weights, from the protocol):
//! `turnover_multiple` is the minimum turnover divided by the lot's value, `price_weight_percent`
//! the share of all marks that price decides. Rules may only compare facts, so a commissioner can
//! read every rule, and the engine can always say which figure decided a finding. A fact the
//! tender does not state is *unknown*, never zero: the barrier check then says it cannot tell.
//!
//! This module names the facts (their words, kinds, scope and labels), which the rule language
//! and the protocol need; their values for one tender are worked out in [`crate::tender::facts`].

use crate::choice::choice;
use crate::exact::Exact;
use crate::vocab::Scope;

/// What a fact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// A whole number of things or days.
    Count,
    /// An amount in pounds.
    Money,
    /// A percentage.
    Percent,
    /// Any other figure (a multiple).
    Figure,
    /// Yes or no.
    YesNo,
}

impl FactKind {
    /// In words, for error messages.
    pub fn holds(self) -> &'static str {
        match self {
            FactKind::Count => "a count",
            FactKind::Money => "an amount of money",
            FactKind::Percent => "a percentage",
            FactKind::Figure => "a figure",
            FactKind::YesNo => "yes or no",
        }
    }
}

/// The value of a fact for one tender or lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactValue {
    /// A figure.
    Number(Exact),
    /// Yes or no.
    YesNo(bool),
    /// The tender does not say.
    Unknown,
}

/// Declares every tender fact once: its word (a closed set of words, as rules write it), what it
/// holds, whether it belongs to the tender or to each lot, and its label in plain English.
macro_rules! tender_facts {
    ($( $variant:ident = $word:literal, $kind:ident, $scope:ident, $label:literal; )*) => {
        choice! {
            /// A fact about a tender's design (see the module documentation).
            #[derive(PartialOrd, Ord, Hash)]
            pub enum TenderFact as "a tender fact" {
                $(
                    #[doc = $label]
                    $variant = $word,
                )*
            }
        }

        impl TenderFact {
            /// What the fact holds.
            pub fn kind(self) -> FactKind {
                match self { $(TenderFact::$variant => FactKind::$kind,)* }
            }

            /// Whether the fact belongs to the whole tender or to one lot.
            pub fn scope(self) -> Scope {
                match self { $(TenderFact::$variant => Scope::$scope,)* }
            }

            /// The fact in plain English.
            pub fn label(self) -> &'static str {
                match self { $(TenderFact::$variant => $label,)* }
            }
        }
    };
}

tender_facts! {
    LotCount = "lot_count", Count, Tender, "the number of lots";
    TotalValue = "total_value", Money, Tender, "the total estimated value of the contract";
    LargestLotValue = "largest_lot_value", Money, Tender, "the estimated value of the largest lot";
    NoLotsReasonGiven = "no_lots_reason_given", YesNo, Tender, "whether the tender gives reasons for not dividing the contract into lots";
    ReservedForUserLed = "reserved_for_user_led", YesNo, Tender, "whether the contract is reserved for user-led organisations";
    ResponseWindowDays = "response_window_days", Count, Tender, "the number of days from publication to the response deadline";
    PaymentTermsDays = "payment_terms_days", Count, Tender, "the number of days the authority takes to pay a valid invoice";
    PaymentInArrears = "payment_in_arrears", YesNo, Tender, "whether payment is made in arrears";
    PaymentByResultsPercent = "payment_by_results_percent", Percent, Tender, "the share of the price paid only when results are achieved";
    CoreCostsContribution = "core_costs_contribution", YesNo, Tender, "whether the price may include a contribution to the provider's core costs";
    PriceWeightPercent = "price_weight_percent", Percent, Tender, "the share of all marks decided by price";
    QualityWeightPercent = "quality_weight_percent", Percent, Tender, "the share of all marks for quality";
    SocialValueWeightPercent = "social_value_weight_percent", Percent, Tender, "the share of all marks for social value";
    UserLeadershipWeightPercent = "user_leadership_weight_percent", Percent, Tender, "the share of all marks for user leadership and involvement";
    PanelSize = "panel_size", Count, Tender, "the number of evaluators on the panel";
    LivedExperienceEvaluators = "lived_experience_evaluators", Count, Tender, "the number of evaluators with lived experience (people who use services)";
    LivedExperiencePercent = "lived_experience_percent", Percent, Tender, "the share of evaluators with lived experience";
    ElectronicAuction = "electronic_auction", YesNo, Tender, "whether a reverse electronic auction is used";
    AbnormallyLowProcedurePublished = "abnormally_low_procedure_published", YesNo, Tender, "whether the tender says how abnormally low prices will be handled";
    TupeInformationGiven = "tupe_information_given", YesNo, Tender, "whether staff transfer (TUPE) information is given";
    UsersInvolvedInDesign = "users_involved_in_design", YesNo, Tender, "whether people who use the service helped design the tender";
    MinimumTurnover = "minimum_turnover", Money, Tender, "the minimum yearly turnover asked of bidders";
    PublicLiabilityCover = "public_liability_cover", Money, Tender, "the public liability insurance cover asked for";
    EmployersLiabilityCover = "employers_liability_cover", Money, Tender, "the employer's liability insurance cover asked for";
    ProfessionalIndemnityCover = "professional_indemnity_cover", Money, Tender, "the professional indemnity insurance cover asked for";
    PerformanceBond = "performance_bond", Money, Tender, "the performance bond or guarantee asked for";
    LotValue = "lot_value", Money, Lot, "the estimated value of the lot";
    LotMonths = "lot_months", Count, Lot, "the length of the lot's contract in months";
    LotAnnualValue = "lot_annual_value", Money, Lot, "the estimated value of the lot per year";
    TurnoverMultiple = "turnover_multiple", Figure, Lot, "the minimum turnover as a multiple of the lot's value";
    TurnoverToAnnualValue = "turnover_to_annual_value", Figure, Lot, "the minimum yearly turnover as a multiple of the lot's value per year";
    AuditedAccountsFromEveryBidder = "audited_accounts_from_every_bidder", YesNo, Tender, "whether audited accounts are asked of every bidder, including those the law does not require to have them";
    InsuranceBeforeAward = "insurance_before_award", YesNo, Tender, "whether insurance must be in place before the contract is awarded";
    PlannedProcurementNotice = "planned_procurement_notice", YesNo, Tender, "whether a qualifying planned procurement notice was published";
    ReservationLawful = "reservation_lawful", YesNo, Tender, "whether the contract's reservation, if any, has a basis in the governing law";
    LotRateCount = "lot_rate_count", Count, Lot, "the number of rates in the lot's basket (0 for a lot priced as a whole)";
    LotOvernightSharePercent = "lot_overnight_share_percent", Percent, Lot, "the share of the lot's basket, valued at its rate ceilings, paid at night, sleep-in or waking-night rates";
    LotPricePerQualityPoint = "lot_price_per_quality_point", YesNo, Lot, "whether the lot is evaluated by price per quality point (the price divided by the quality marks)";
    LotQualityThresholdPercent = "lot_quality_threshold_percent", Percent, Lot, "the least quality marks, as a percentage of those available, a bid needs under the lot's evaluation model (a price per quality point threshold or a sequential pass mark; 0 when none is set)";
    LotPriceOnly = "lot_price_only", YesNo, Lot, "whether the lot is awarded on price (or whole-life cost) alone";
}

impl TenderFact {
    /// The word rules use for this fact.
    pub fn name(self) -> &'static str {
        self.word()
    }
}

choice! {
    /// What a bid fact holds.
    pub enum BidFactKind as "a kind of figure" {
        /// A percentage from 0 to 100.
        Percent = "percent",
        /// A whole number.
        Count = "count",
        /// An amount in pounds.
        Money = "money",
        /// Any other non-negative figure.
        Figure = "figure",
    }
}

/// Bid facts every protocol may use, computed from the organisation profile.
pub const BUILT_IN_BID_FACTS: &[(&str, BidFactKind)] = &[
    ("board_user_share_percent", BidFactKind::Percent),
    ("staff_disabled_share_percent", BidFactKind::Percent),
];

/// The title of a built-in bid fact.
pub fn built_in_bid_fact_title(id: &str) -> Option<&'static str> {
    match id {
        "board_user_share_percent" => Some(
            "share of voting board members who are disabled people or people who use support services",
        ),
        "staff_disabled_share_percent" => Some("share of staff who are disabled people"),
        _ => None,
    }
}

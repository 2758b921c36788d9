//! The closed sets of words that scores, summaries and self-checks share: a gate's outcome, a
//! criterion's method, a flag's code and a bid's standing.

use crate::choice::choice;
use crate::protocol::{CriterionBody, Method};

choice! {
    /// A pass/fail condition's outcome for a bid as shown: the panel's (or, in a self-check, the
    /// bidder's own) answer, or none yet.
    #[derive(Hash)]
    pub enum GateStatus as "a gate outcome" {
        /// The condition is met.
        Pass = "pass",
        /// The condition is not met: the bid is excluded.
        Fail = "fail",
        /// No outcome is recorded yet: the bid cannot be ranked until there is one.
        NotAssessed = "not_assessed",
        /// In a self-check: the bidder is not sure it meets the condition.
        Unsure = "unsure",
    }
}

impl GateStatus {
    /// The outcome in plain words, as reports print it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            GateStatus::Pass => "pass",
            GateStatus::Fail => "fail",
            GateStatus::NotAssessed => "not assessed",
            GateStatus::Unsure => "unsure",
        }
    }
}

choice! {
    /// How a scored criterion's marks are worked out, as a self-check row shows it: only leaves
    /// are scored directly.
    #[derive(Hash)]
    pub enum LeafMethod as "a scoring method" {
        /// Evaluators' scores, moderated.
        Panel = "panel",
        /// A banded table over a figure about the bidder.
        Banded = "banded",
        /// A price formula.
        Price = "price",
    }
}

impl From<&Method> for LeafMethod {
    fn from(method: &Method) -> LeafMethod {
        match method {
            Method::Panel { .. } => LeafMethod::Panel,
            Method::Banded { .. } => LeafMethod::Banded,
            Method::Price(_) => LeafMethod::Price,
        }
    }
}

choice! {
    /// How a criterion's marks are worked out on a scorecard: a group adds its criteria, a leaf
    /// has a method of its own.
    #[derive(Hash)]
    pub enum CriterionMethod as "a scoring method" {
        /// The sum of its criteria's marks.
        Group = "group",
        /// Evaluators' scores, moderated.
        Panel = "panel",
        /// A banded table over a figure about the bidder.
        Banded = "banded",
        /// A price formula.
        Price = "price",
    }
}

impl From<LeafMethod> for CriterionMethod {
    fn from(method: LeafMethod) -> CriterionMethod {
        match method {
            LeafMethod::Panel => CriterionMethod::Panel,
            LeafMethod::Banded => CriterionMethod::Banded,
            LeafMethod::Price => CriterionMethod::Price,
        }
    }
}

impl From<&CriterionBody> for CriterionMethod {
    fn from(body: &CriterionBody) -> CriterionMethod {
        match body {
            CriterionBody::Group(_) => CriterionMethod::Group,
            CriterionBody::Leaf(method) => LeafMethod::from(method).into(),
        }
    }
}

choice! {
    /// What a flag is about, so that a portal or the app can act on a kind of flag without
    /// reading its message.
    #[derive(Hash)]
    pub enum FlagCode as "a flag code" {
        /// The price is abnormally low: clarification required, never rejection.
        AbnormallyLow = "abnormally_low",
        /// A moderated (or, in a self-check, expected) score is below a criterion's minimum.
        ThresholdFailed = "threshold_failed",
        /// In a self-check, the low end of an expected range is below a criterion's minimum.
        ThresholdAtRisk = "threshold_at_risk",
        /// The price is above the lot's affordability ceiling.
        OverCeiling = "over_ceiling",
        /// Evaluators' scores are further apart than the protocol allows.
        HighVariance = "high_variance",
        /// The bid fails (or, in a self-check, expects to fail) a pass/fail condition.
        GateFailed = "gate_failed",
        /// In a self-check, the bidder has not confirmed that it passes a condition.
        GateUnsure = "gate_unsure",
        /// The contract is reserved and the bidder is not user-led.
        Ineligible = "ineligible",
        /// The contract is reserved and the bid says too little to tell whether it is user-led.
        EligibilityUnknown = "eligibility_unknown",
        /// Scores or information are missing, so the bid cannot be ranked yet.
        Incomplete = "incomplete",
        /// Not every panel member scored a criterion.
        PartialPanel = "partial_panel",
        /// The contract is lawfully reserved (PA 2023 s.32 or s.33, PPN 005) and the bidder does
        /// not meet the basis's test: excluded.
        ReservationNotMet = "reservation_not_met",
        /// The contract is lawfully reserved and the bid says too little to apply the basis's
        /// test: incomplete until it does.
        ReservationUnknown = "reservation_unknown",
        /// The tender reserves the contract on a ground the governing law does not allow (for
        /// user-led organisations, say), or one whose test the engine does not hold: the bid is
        /// not excluded on it.
        ReservationNotApplied = "reservation_not_applied",
        /// One rate of a basket is abnormally low against the same rate in the other bids (or
        /// the rate's ceiling): clarification required, never rejection unheard (PA 2023
        /// s.19(3)(c) and (4)).
        RateAbnormallyLow = "rate_abnormally_low",
        /// One rate of a basket is above the ceiling the tender sets for it (the authority's
        /// policy): flagged, or excluded where the protocol excludes over the ceiling.
        RateOverCeiling = "rate_over_ceiling",
        /// The lot's evaluation model excludes the bid before price is looked at: quality
        /// below a price per quality point threshold or a sequential pass mark, no quality
        /// marks to divide a price by, or a price other than a quality-only lot's fixed price.
        ModelExcluded = "model_excluded",
    }
}

choice! {
    /// Where a bid stands in its lot.
    #[derive(Hash)]
    pub enum BidStatus as "a bid status" {
        /// In the ranking.
        Ranked = "ranked",
        /// Out of the ranking, with the reasons listed.
        Excluded = "excluded",
        /// Not ranked until what is missing is supplied; never scored as zero.
        Incomplete = "incomplete",
    }
}

choice! {
    /// Why a bid is left out of its lot's ranking: the statuses of [`BidStatus`] that are not
    /// `ranked`, so a bid left out can never say it is ranked.
    #[derive(Hash)]
    pub enum NotRankedStatus as "a reason for not ranking" {
        /// Excluded, with the reasons listed.
        Excluded = "excluded",
        /// Incomplete until what is missing is supplied.
        Incomplete = "incomplete",
    }
}

impl From<NotRankedStatus> for BidStatus {
    fn from(status: NotRankedStatus) -> BidStatus {
        match status {
            NotRankedStatus::Excluded => BidStatus::Excluded,
            NotRankedStatus::Incomplete => BidStatus::Incomplete,
        }
    }
}

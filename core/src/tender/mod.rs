//! A tender: one procurement's design, described by the commissioner (or imported from OCDS).
//!
//! As with protocols, [`read`] accepts exactly what `schemas/tender.schema.json` accepts, and
//! [`check`] checks the tender against a protocol (weights tuned only where and as far as the
//! protocol allows, ranges in order) and resolves each criterion's marks into a [`Tender`].
//! [`facts`] works out the figures of its design that the barrier rules compare. This module,
//! the tender as read, knows nothing of protocols: only `check` does.

pub mod check;
pub mod evaluation;
pub mod facts;
pub mod reservation;

use crate::choice::choice;
use crate::dates::Date;
use crate::error::{Document, ProblemKind, Problems};
use crate::exact::Exact;
use crate::protocol::PriceFormula;
use crate::read::{describe, read_document, At, DecimalKind, Reader, TEXT_MAX, TITLE_MAX};
use crate::regime::cpv::Cpv;
use crate::regime::{Decision, Procurement};
use crate::vocab::Category;
use serde_json::Value;
use std::collections::BTreeMap;

/// One lot: a separately awarded part of the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lot {
    /// Id bids refer to.
    pub id: String,
    /// Title.
    pub title: String,
    /// What it covers.
    pub description: Option<String>,
    /// Estimated total value over the contract period, in pounds.
    pub value: Exact,
    /// Contract length in months.
    pub months: i64,
    /// Affordability ceiling: the most the authority can pay.
    pub price_ceiling: Option<Exact>,
    /// Price floor, for the linear price formula (full marks at or below it).
    pub price_floor: Option<Exact>,
    /// The published benchmark, for the benchmark price formula.
    pub price_benchmark: Option<PriceBenchmark>,
    /// A basket of rates: with any, a bid's price for the lot is the sum of its rates times
    /// their volumes.
    pub rates: Vec<Rate>,
    /// How the lot's bids are evaluated (weighted, when the tender does not say).
    pub evaluation: evaluation::Evaluation,
}

/// A benchmark price and how marks move away from it (Bid Evaluation Guidance Note 7.3):
/// a bid at the benchmark earns `marks_at_benchmark_percent`% of the price marks, each 1%
/// below it `gain_per_percent_below` percentage points more, each 1% above it
/// `loss_per_percent_above` fewer, kept between 0% and 100%. The figures are the authority's
/// own published choice, not law.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceBenchmark {
    /// The benchmark price, in pounds.
    pub price: Exact,
    /// The share of the price marks, in percent, a bid at the benchmark earns.
    pub marks_at_benchmark_percent: Exact,
    /// Percentage points of the marks gained for each 1% below the benchmark.
    pub gain_per_percent_below: Exact,
    /// Percentage points of the marks lost for each 1% above the benchmark.
    pub loss_per_percent_above: Exact,
}

choice! {
    /// What a rate in a basket pays for. Night, sleep-in and waking-night support are named
    /// apart because few small user-led organisations offer them (a barrier rule reads their
    /// share of the basket).
    pub enum RateKind as "a kind of rate" {
        /// Day support.
        Day = "day",
        /// Night support.
        Night = "night",
        /// Weekend support.
        Weekend = "weekend",
        /// A sleep-in shift.
        SleepIn = "sleep_in",
        /// A waking night.
        WakingNight = "waking_night",
        /// Anything else.
        Other = "other",
    }
}

impl RateKind {
    /// Whether the rate is for support overnight: night, sleep-in or waking night.
    #[must_use]
    pub fn overnight(self) -> bool {
        matches!(
            self,
            RateKind::Night | RateKind::SleepIn | RateKind::WakingNight
        )
    }
}

/// One rate of a lot's basket: a unit price each bid gives, times the volume the tender
/// publishes (indicative hours, nights or visits over the contract).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Id bids refer to (`rates.<id>`, CSV column `rate:<id>`).
    pub id: String,
    /// Title.
    pub title: String,
    /// What it pays for.
    pub kind: RateKind,
    /// The unit a rate is per ("hour", "night").
    pub unit: String,
    /// The published volume over the contract, in units.
    pub volume: Exact,
    /// The most the authority will pay per unit, if it says (its own policy).
    pub ceiling: Option<Exact>,
}

impl Lot {
    /// The price formula this lot applies in place of a price criterion's own (`own`): its own
    /// published choice, if it makes one.
    #[must_use]
    pub fn formula(&self, own: PriceFormula) -> PriceFormula {
        self.evaluation.price_formula.unwrap_or(own)
    }

    /// The price formulas the lot applies, given the price criteria's own.
    #[must_use]
    pub fn formulas(&self, own: &[PriceFormula]) -> Vec<PriceFormula> {
        match self.evaluation.price_formula {
            Some(f) if !own.is_empty() => vec![f],
            _ => own.to_vec(),
        }
    }

    /// Value per year: value x 12 / months.
    #[must_use]
    pub fn annual_value(&self) -> Option<Exact> {
        self.value
            .mul(Exact::int(12))
            .ok()?
            .div(Exact::int(i128::from(self.months)))
            .ok()
    }
}

choice! {
    /// Kinds of insurance a tender may ask for.
    pub enum InsuranceKind as "a kind of insurance" {
        /// Public liability.
        PublicLiability = "public_liability",
        /// Employer's liability.
        EmployersLiability = "employers_liability",
        /// Professional indemnity.
        ProfessionalIndemnity = "professional_indemnity",
        /// Any other cover.
        Other = "other",
    }
}

/// An insurance requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insurance {
    /// Kind.
    pub kind: InsuranceKind,
    /// Cover asked for, in pounds.
    pub amount: Exact,
}

choice! {
    /// Whom a tender asks for audited accounts: PA 2023 s.22(3)(a) forbids asking them of a
    /// supplier the law does not require to have its accounts audited.
    pub enum AuditedAccounts as "an audited accounts requirement" {
        /// Not asked.
        NotAsked = "not_asked",
        /// Only of suppliers the law requires to have their accounts audited.
        OnlyIfLegallyRequired = "only_if_legally_required",
        /// Of every supplier.
        FromEveryBidder = "from_every_bidder",
    }
}

choice! {
    /// The ground on which a tender reserves the contract to some suppliers. Each has its own
    /// law and its own test of the bidder; `user_led` has no basis in any procurement law and is
    /// reported as a barrier (a grant can fund user-led organisations instead).
    pub enum ReservationBasis as "a reservation basis" {
        /// Not reserved.
        None = "none",
        /// Supported employment providers (PA 2023 s.32).
        SupportedEmployment = "supported_employment",
        /// Public service mutuals, light-touch services only (PA 2023 s.33).
        PublicServiceMutual = "public_service_mutual",
        /// Below threshold, by supplier location and then SMEs/VCSEs (PPN 005).
        BelowThresholdLocation = "below_threshold_location",
        /// Certain services for organisations pursuing a public service mission (PCR 2015 reg 77).
        PcrRegulation77 = "pcr_reg77",
        /// Supported businesses, Scotland (Procurement Reform (Scotland) Act 2014 s.11).
        SupportedBusinessScotland = "supported_business_scotland",
        /// A grant open only to user-led organisations (not a procurement).
        GrantUserLed = "grant_user_led",
        /// User-led organisations only, in a procurement: no law provides for it.
        UserLed = "user_led",
    }
}

/// A tender's reservation of the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reservation {
    /// The ground.
    pub basis: ReservationBasis,
    /// For a location reservation: the county (or London borough), or "UK".
    pub location: Option<String>,
    /// For a location reservation: whether it is further reserved to SMEs and VCSEs.
    pub sme_vcse: Option<bool>,
}

/// Conditions of participation (PA23 s.22).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conditions {
    /// Minimum yearly turnover asked of bidders; `None` means none is asked.
    pub minimum_turnover: Option<Exact>,
    /// Insurance cover asked for.
    pub insurance: Vec<Insurance>,
    /// Performance bond or parent-company guarantee asked for; `None` means none.
    pub performance_bond: Option<Exact>,
    /// Accreditations or registrations asked for.
    pub accreditations: Vec<String>,
    /// Whom audited accounts are asked of, if the tender says.
    pub audited_accounts: Option<AuditedAccounts>,
    /// Whether insurance must be in place before the contract is awarded (rather than by the
    /// start of the contract), if the tender says.
    pub insurance_before_award: Option<bool>,
}

/// Payment terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// Days to pay a valid invoice.
    pub terms_days: i64,
    /// Whether payment is made after the service is delivered.
    pub in_arrears: bool,
    /// Share of the price paid only on results.
    pub by_results_percent: Exact,
    /// Whether the price may include a contribution to core costs.
    pub core_costs_contribution: Option<bool>,
}

choice! {
    /// An evaluator's role on the panel.
    #[derive(PartialOrd, Ord)]
    pub enum Role as "a role" {
        /// An officer of the authority (or an adviser).
        Officer = "officer",
        /// A person who uses services: an "expert by experience".
        LivedExperience = "lived_experience",
    }
}

impl Role {
    /// In words.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::LivedExperience => "lived-experience evaluator",
        }
    }
}

/// A member of the evaluation panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluator {
    /// Id scores refer to.
    pub id: String,
    /// Name or initials.
    pub name: String,
    /// Role.
    pub role: Role,
}

/// A tender as read: well formed, not yet checked against a protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenderDoc {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The contracting authority.
    pub authority: String,
    /// The service, in a sentence or two.
    pub service: Option<String>,
    /// Date the tender was published.
    pub published: Option<Date>,
    /// Deadline for responses.
    pub response_deadline: Option<Date>,
    /// How the tender is procured, for deciding which law governs it.
    pub procurement: Option<Procurement>,
    /// The ground on which the contract is reserved, if it is.
    pub reservation: Option<Reservation>,
    /// Whether only user-led organisations may be awarded the contract.
    pub reserved_for_user_led: bool,
    /// Lots.
    pub lots: Vec<Lot>,
    /// Reasons given for not dividing into lots.
    pub no_lots_reason: Option<String>,
    /// Conditions of participation.
    pub conditions: Option<Conditions>,
    /// Weights tuned from the protocol's defaults, by criterion.
    pub weights: Vec<(String, Exact)>,
    /// Payment terms.
    pub payment: Option<Payment>,
    /// The evaluation panel.
    pub panel: Option<Vec<Evaluator>>,
    /// Whether a reverse electronic auction is used.
    pub electronic_auction: Option<bool>,
    /// Whether the tender says how abnormally low tenders are handled.
    pub abnormally_low_procedure_published: Option<bool>,
    /// Whether TUPE (staff transfer) information is given.
    pub tupe_information_given: Option<bool>,
    /// Whether people who use the service helped design the tender.
    pub users_involved_in_design: Option<bool>,
}

/// A tender checked against a protocol, with every criterion's weight and marks resolved.
#[derive(Clone, Debug)]
pub struct Tender {
    doc: TenderDoc,
    digest: String,
    /// Which law governs it, decided once when the tender is checked.
    regime: Decision,
    /// Effective weight of each criterion within its group.
    weights: BTreeMap<String, Exact>,
    /// Marks available for each criterion, out of 100 for the whole tender.
    max_marks: BTreeMap<String, Exact>,
    /// Share of all marks by category.
    category_weights: BTreeMap<Category, Exact>,
}

/// The fields of a tender document.
pub const TENDER_FIELDS: &[&str] = &[
    "$schema",
    "document",
    "id",
    "title",
    "authority",
    "service",
    "published",
    "response_deadline",
    "procurement",
    "reservation",
    "reserved_for_user_led",
    "lots",
    "no_lots_reason",
    "conditions",
    "weights",
    "payment",
    "panel",
    "electronic_auction",
    "abnormally_low_procedure_published",
    "tupe_information_given",
    "users_involved_in_design",
];

fn read_lot(r: &mut Reader, at: At) -> Option<Lot> {
    let f = r.object(
        at,
        &[
            "id",
            "title",
            "description",
            "value",
            "months",
            "price_ceiling",
            "price_floor",
            "price_benchmark",
            "rates",
            "evaluation",
        ],
        &["id", "title", "value", "months"],
    )?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let description = r.optional(f.get("description"), |r, at| r.text(Some(at), TEXT_MAX));
    let value = r.decimal(f.get("value"), DecimalKind::Money);
    let months = r.int(f.get("months"), 1, 240);
    let price_ceiling = r.optional(f.get("price_ceiling"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_floor = r.optional(f.get("price_floor"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let price_benchmark = r.optional(f.get("price_benchmark"), read_price_benchmark);
    let rates = r.optional(f.get("rates"), |r, at| r.list(Some(at), 1, 30, read_rate));
    let evaluation = r.optional(f.get("evaluation"), evaluation::read);
    Some(Lot {
        id: id?,
        title: title?,
        description: description?,
        value: value?,
        months: months?,
        price_ceiling: price_ceiling?,
        price_floor: price_floor?,
        price_benchmark: price_benchmark?,
        rates: rates?.unwrap_or_default(),
        evaluation: evaluation?.unwrap_or_default(),
    })
}

/// A lot's `price_benchmark`.
fn read_price_benchmark(r: &mut Reader, at: At) -> Option<PriceBenchmark> {
    const FIELDS: &[&str] = &[
        "price",
        "marks_at_benchmark_percent",
        "gain_per_percent_below",
        "loss_per_percent_above",
    ];
    let f = r.object(at, FIELDS, FIELDS)?;
    let price = r.decimal(f.get("price"), DecimalKind::Money);
    let at_benchmark = r.decimal(f.get("marks_at_benchmark_percent"), DecimalKind::Percent);
    let gain = r.decimal(f.get("gain_per_percent_below"), DecimalKind::Figure);
    let loss = r.decimal(f.get("loss_per_percent_above"), DecimalKind::Figure);
    Some(PriceBenchmark {
        price: price?,
        marks_at_benchmark_percent: at_benchmark?,
        gain_per_percent_below: gain?,
        loss_per_percent_above: loss?,
    })
}

/// One rate of a lot's basket.
fn read_rate(r: &mut Reader, at: At) -> Option<Rate> {
    let f = r.object(
        at,
        &["id", "title", "kind", "unit", "volume", "ceiling"],
        &["id", "title", "kind", "unit", "volume"],
    )?;
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let kind = r.choice(f.get("kind"));
    let unit = r.text(f.get("unit"), TITLE_MAX);
    let volume = r.decimal(f.get("volume"), DecimalKind::Figure);
    let ceiling = r.optional(f.get("ceiling"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    Some(Rate {
        id: id?,
        title: title?,
        kind: kind?,
        unit: unit?,
        volume: volume?,
        ceiling: ceiling?,
    })
}

fn read_conditions(r: &mut Reader, at: At) -> Option<Conditions> {
    let f = r.object(
        at,
        &[
            "minimum_turnover",
            "insurance",
            "performance_bond",
            "accreditations",
            "audited_accounts",
            "insurance_before_award",
        ],
        &[],
    )?;
    let minimum_turnover = r.optional(f.get("minimum_turnover"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let insurance = r.optional(f.get("insurance"), |r, at| {
        r.list(Some(at), 0, 10, |r, at| {
            let f = r.object(at, &["kind", "amount"], &["kind", "amount"])?;
            let kind = r.choice(f.get("kind"));
            let amount = r.decimal(f.get("amount"), DecimalKind::Money);
            Some(Insurance {
                kind: kind?,
                amount: amount?,
            })
        })
    });
    let performance_bond = r.optional(f.get("performance_bond"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let accreditations = r.optional(f.get("accreditations"), |r, at| {
        r.list(Some(at), 0, 20, |r, at| r.text(Some(at), TITLE_MAX))
    });
    let audited_accounts = r.optional(f.get("audited_accounts"), |r, at| r.choice(Some(at)));
    let insurance_before_award =
        r.optional(f.get("insurance_before_award"), |r, at| r.boolean(Some(at)));
    Some(Conditions {
        minimum_turnover: minimum_turnover?,
        insurance: insurance?.unwrap_or_default(),
        performance_bond: performance_bond?,
        accreditations: accreditations?.unwrap_or_default(),
        audited_accounts: audited_accounts?,
        insurance_before_award: insurance_before_award?,
    })
}

/// The `procurement` block: how the tender is procured, for the regime decision.
fn read_procurement(r: &mut Reader, at: At) -> Option<Procurement> {
    let f = r.object(
        at,
        &[
            "regime",
            "route",
            "nation",
            "authority_type",
            "started",
            "cpv",
            "value_including_vat",
            "planned_procurement_notice",
        ],
        &[],
    )?;
    let regime = r.optional(f.get("regime"), |r, at| r.choice(Some(at)));
    let route = r.optional(f.get("route"), |r, at| r.choice(Some(at)));
    let nation = r.optional(f.get("nation"), |r, at| r.choice(Some(at)));
    let authority_type = r.optional(f.get("authority_type"), |r, at| r.choice(Some(at)));
    let started = r.optional(f.get("started"), |r, at| r.date(Some(at)));
    let cpv = r.optional(f.get("cpv"), |r, at| r.list(Some(at), 1, 50, read_cpv));
    let value = r.optional(f.get("value_including_vat"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let notice = r.optional(f.get("planned_procurement_notice"), |r, at| {
        r.boolean(Some(at))
    });
    Some(Procurement {
        regime: regime?,
        route: route?,
        nation: nation?,
        authority_type: authority_type?,
        started: started?,
        cpv: cpv?.unwrap_or_default(),
        value_including_vat: value?,
        planned_procurement_notice: notice?,
    })
}

/// A CPV code: eight digits, with or without its check digit.
fn read_cpv(r: &mut Reader, at: At) -> Option<Cpv> {
    let text = r.text(Some(at), 10)?;
    let code = Cpv::parse(&text);
    if code.is_none() {
        r.report(
            at.pointer(),
            ProblemKind::InvalidValue {
                found: describe(at.value),
                expected: "a CPV code: eight digits, with or without its check digit, such as \"85312000\" or \"85312000-8\"".into(),
            },
        );
    }
    code
}

/// The `reservation` block.
fn read_reservation(r: &mut Reader, at: At) -> Option<Reservation> {
    let f = r.object(at, &["basis", "location", "sme_vcse"], &["basis"])?;
    let basis = r.choice(f.get("basis"));
    let location = r.optional(f.get("location"), |r, at| r.text(Some(at), TITLE_MAX));
    let sme_vcse = r.optional(f.get("sme_vcse"), |r, at| r.boolean(Some(at)));
    Some(Reservation {
        basis: basis?,
        location: location?,
        sme_vcse: sme_vcse?,
    })
}

fn read_payment(r: &mut Reader, at: At) -> Option<Payment> {
    let f = r.object(
        at,
        &[
            "terms_days",
            "in_arrears",
            "by_results_percent",
            "core_costs_contribution",
        ],
        &["terms_days", "in_arrears"],
    )?;
    let terms_days = r.int(f.get("terms_days"), 0, 365);
    let in_arrears = r.boolean(f.get("in_arrears"));
    let by_results = r.optional(f.get("by_results_percent"), |r, at| {
        r.decimal(Some(at), DecimalKind::Percent)
    });
    let core = r.optional(f.get("core_costs_contribution"), |r, at| {
        r.boolean(Some(at))
    });
    Some(Payment {
        terms_days: terms_days?,
        in_arrears: in_arrears?,
        by_results_percent: by_results?.unwrap_or(Exact::ZERO),
        core_costs_contribution: core?,
    })
}

fn read_evaluator(r: &mut Reader, at: At) -> Option<Evaluator> {
    let f = r.object(at, &["id", "name", "role"], &["id", "name", "role"])?;
    let id = r.id(f.get("id"));
    let name = r.text(f.get("name"), TITLE_MAX);
    let role = r.choice(f.get("role"));
    Some(Evaluator {
        id: id?,
        name: name?,
        role: role?,
    })
}

/// Reads a tender document: accepts exactly what the tender schema accepts.
///
/// # Errors
///
/// The document breaks the tender schema: every problem, each located.
pub fn read(value: &Value) -> Result<TenderDoc, Problems> {
    read_document(Document::Tender, value, read_doc)
}

pub(crate) fn read_doc(r: &mut Reader, at: At) -> Option<TenderDoc> {
    let f = r.object(
        at,
        TENDER_FIELDS,
        &["document", "id", "title", "authority", "lots"],
    )?;
    r.document_tag(&f);
    let id = r.id(f.get("id"));
    let title = r.text(f.get("title"), TITLE_MAX);
    let authority = r.text(f.get("authority"), TITLE_MAX);
    let service = r.optional(f.get("service"), |r, at| r.text(Some(at), TEXT_MAX));
    let published = r.optional(f.get("published"), |r, at| r.date(Some(at)));
    let response_deadline = r.optional(f.get("response_deadline"), |r, at| r.date(Some(at)));
    let procurement = r.optional(f.get("procurement"), read_procurement);
    let reservation = r.optional(f.get("reservation"), read_reservation);
    let reserved = r.optional(f.get("reserved_for_user_led"), |r, at| r.boolean(Some(at)));
    let lots = r.list(f.get("lots"), 1, 50, read_lot);
    let no_lots_reason = r.optional(f.get("no_lots_reason"), |r, at| r.text(Some(at), TEXT_MAX));
    let conditions = r.optional(f.get("conditions"), read_conditions);
    let weights = r.optional(f.get("weights"), |r, at| {
        r.map(Some(at), |r, _, at| {
            r.decimal(Some(at), DecimalKind::Percent)
        })
    });
    let payment = r.optional(f.get("payment"), read_payment);
    let panel = r.optional(f.get("panel"), |r, at| {
        r.list(Some(at), 1, 30, read_evaluator)
    });
    let mut flag = |key: &str| r.optional(f.get(key), |r, at| r.boolean(Some(at)));
    let electronic_auction = flag("electronic_auction");
    let abnormally_low = flag("abnormally_low_procedure_published");
    let tupe = flag("tupe_information_given");
    let users = flag("users_involved_in_design");
    Some(TenderDoc {
        id: id?,
        title: title?,
        authority: authority?,
        service: service?,
        published: published?,
        response_deadline: response_deadline?,
        procurement: procurement?,
        reservation: reservation?,
        reserved_for_user_led: reserved?.unwrap_or(false),
        lots: lots?,
        no_lots_reason: no_lots_reason?,
        conditions: conditions?,
        weights: weights?.unwrap_or_default(),
        payment: payment?,
        panel: panel?,
        electronic_auction: electronic_auction?,
        abnormally_low_procedure_published: abnormally_low?,
        tupe_information_given: tupe?,
        users_involved_in_design: users?,
    })
}

impl Tender {
    /// Which law governs the tender, and how that was decided.
    #[must_use]
    pub fn regime(&self) -> &Decision {
        &self.regime
    }

    /// The tender as read.
    #[must_use]
    pub fn doc(&self) -> &TenderDoc {
        &self.doc
    }

    /// SHA-256 of the tender's canonical JSON.
    #[must_use]
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// A lot by id.
    #[must_use]
    pub fn lot(&self, id: &str) -> Option<&Lot> {
        self.doc.lots.iter().find(|l| l.id == id)
    }

    /// The weight of a criterion after tuning, in the protocol's terms: within its group, or
    /// (`weights_as: share_of_whole`) its share of the whole award, exact.
    #[must_use]
    pub fn weight(&self, criterion: &str) -> Exact {
        self.weights.get(criterion).copied().unwrap_or(Exact::ZERO)
    }

    /// The marks a criterion is worth, out of 100 for the whole tender.
    #[must_use]
    pub fn max_marks(&self, criterion: &str) -> Exact {
        self.max_marks
            .get(criterion)
            .copied()
            .unwrap_or(Exact::ZERO)
    }

    /// The share of all marks given to a category.
    #[must_use]
    pub fn category_weight(&self, category: Category) -> Option<Exact> {
        Some(
            self.category_weights
                .get(&category)
                .copied()
                .unwrap_or(Exact::ZERO),
        )
    }

    /// The sum of all lots' values.
    #[must_use]
    pub fn total_value(&self) -> Option<Exact> {
        let mut total = Exact::ZERO;
        for l in &self.doc.lots {
            total = total.add(l.value).ok()?;
        }
        Some(total)
    }

    /// An evaluator by id.
    #[must_use]
    pub fn evaluator(&self, id: &str) -> Option<&Evaluator> {
        self.doc.panel.as_ref()?.iter().find(|e| e.id == id)
    }
}

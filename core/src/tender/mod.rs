//! A tender: one procurement's design, described by the commissioner (or imported from OCDS).
//!
//! As with protocols, [`read`] accepts exactly what `schemas/tender.schema.json` accepts, and
//! [`check`] checks the tender against a protocol (weights tuned only where and as far as the
//! protocol allows, ranges in order) and resolves each criterion's marks into a [`Tender`].
//! [`facts`] works out the figures of its design that the barrier rules compare. This module,
//! the tender as read, knows nothing of protocols: only `check` does.

pub mod check;
pub mod facts;

use crate::choice::choice;
use crate::dates::Date;
use crate::error::{Document, Problems};
use crate::exact::Exact;
use crate::read::{read_document, At, DecimalKind, Reader, TEXT_MAX, TITLE_MAX};
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
}

impl Lot {
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
    Some(Lot {
        id: id?,
        title: title?,
        description: description?,
        value: value?,
        months: months?,
        price_ceiling: price_ceiling?,
        price_floor: price_floor?,
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
    Some(Conditions {
        minimum_turnover: minimum_turnover?,
        insurance: insurance?.unwrap_or_default(),
        performance_bond: performance_bond?,
        accreditations: accreditations?.unwrap_or_default(),
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

fn read_doc(r: &mut Reader, at: At) -> Option<TenderDoc> {
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

    /// The weight of a criterion within its group, after tuning.
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

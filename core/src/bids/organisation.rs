//! A bidder's organisation: who governs it, who works and volunteers for it, and the facts a
//! reservation ground tests (PA 2023 s.32 supported employment, s.33 public service mutuals,
//! PPN 005 location, SME and VCSE). Read as the bids schema's `organisation` accepts it, on its
//! own too, so a form can show a bidder's eligibility while the rest of its bid is being filled in.

use crate::error::{Document, Problems};
use crate::exact::Exact;
use crate::protocol::LegalForm;
use crate::read::{read_document, At, DecimalKind, Reader, TITLE_MAX};
use serde_json::Value;

/// The board of an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Board {
    /// Voting members of the board or management committee.
    pub voting_members: i64,
    /// Of them, disabled people or people who use support services.
    pub disabled_or_service_users: i64,
}

/// The staff of an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Staff {
    /// Paid staff (head count). Zero says the organisation has no paid staff (many user-led
    /// organisations are run by volunteers): a staff-share test then does not apply.
    pub total: i64,
    /// Of them, disabled people.
    pub disabled: i64,
}

/// The volunteers of an organisation (head count; zero when it has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Volunteers {
    /// Volunteers (head count).
    pub total: i64,
    /// Of them, disabled people.
    pub disabled: i64,
}

/// The workforce PA 2023 s.32(4) counts for a supported employment provider: the
/// organisation's, or the part of it, or the organisations together, that will perform the
/// contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Workforce {
    /// Head count.
    pub total: i64,
    /// Of them, disabled or disadvantaged individuals.
    pub disabled_or_disadvantaged: i64,
}

/// A bidder's organisation profile: what eligibility and banded criteria read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    /// Name.
    pub name: String,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Annual turnover in pounds.
    pub annual_turnover: Option<Exact>,
    /// Board composition.
    pub board: Option<Board>,
    /// Staff composition.
    pub staff: Option<Staff>,
    /// Volunteers' composition.
    pub volunteers: Option<Volunteers>,
    /// The workforce that performs the contract (PA 2023 s.32(4)).
    pub workforce: Option<Workforce>,
    /// Operates wholly or partly to provide employment, or employment-related support, to
    /// disabled or disadvantaged individuals (PA 2023 s.32(4)).
    pub employment_purpose: Option<bool>,
    /// Operates to deliver public services, mainly reservable light-touch services
    /// (PA 2023 s.33(6)(a)).
    pub public_service_purpose: Option<bool>,
    /// Run not for profit, or distributes profits only to members (PA 2023 s.33(6)(b)).
    pub not_for_profit_or_member_profits: Option<bool>,
    /// Under the management and control of its employees (PA 2023 s.33(6)(c)).
    pub employee_controlled: Option<bool>,
    /// Has had a comparable contract (same kind of services, same authority, reserved under
    /// s.33) in the three years before this award (PA 2023 s.33(5)).
    pub comparable_mutual_contract_in_3_years: Option<bool>,
    /// Where the organisation is based or established and has substantive business operations
    /// ("UK", a county or a London borough), for a PPN 005 location reservation.
    pub established_in: Option<Vec<String>>,
    /// A small or medium-sized enterprise.
    pub sme: Option<bool>,
    /// A voluntary, community or social enterprise.
    pub vcse: Option<bool>,
    /// Accountable to members or the people who use its services.
    pub accountable_to_members: Option<bool>,
    /// Committed to the social model of disability.
    pub social_model_commitment: Option<bool>,
    /// Based in the authority's area.
    pub based_in_area: Option<bool>,
}

/// Reads an organisation profile on its own (as the bids schema's `organisation` accepts it),
/// so a form can show a bidder's eligibility while the rest of its bid is still being filled in.
///
/// # Errors
///
/// The profile breaks the schema: every problem, each located in `document`.
pub fn read_organisation_value(
    value: &Value,
    document: Document,
) -> Result<Organisation, Problems> {
    read_document(document, value, read_organisation)
}

pub(super) fn read_organisation(r: &mut Reader, at: At) -> Option<Organisation> {
    let f = r.object(
        at,
        &[
            "name",
            "legal_form",
            "annual_turnover",
            "board",
            "staff",
            "volunteers",
            "workforce",
            "employment_purpose",
            "public_service_purpose",
            "not_for_profit_or_member_profits",
            "employee_controlled",
            "comparable_mutual_contract_in_3_years",
            "established_in",
            "sme",
            "vcse",
            "accountable_to_members",
            "social_model_commitment",
            "based_in_area",
        ],
        &["name"],
    )?;
    let name = r.text(f.get("name"), TITLE_MAX);
    let legal_form = r.optional(f.get("legal_form"), |r, at| r.choice(Some(at)));
    let annual_turnover = r.optional(f.get("annual_turnover"), |r, at| {
        r.decimal(Some(at), DecimalKind::Money)
    });
    let board = r.optional(f.get("board"), read_board);
    let staff = r.optional(f.get("staff"), read_staff);
    let volunteers = r.optional(f.get("volunteers"), read_volunteers);
    let workforce = r.optional(f.get("workforce"), read_workforce);
    let established_in = r.optional(f.get("established_in"), |r, at| {
        r.list(Some(at), 1, 50, |r, at| r.text(Some(at), TITLE_MAX))
    });
    let mut flag = |key: &str| r.optional(f.get(key), |r, at| r.boolean(Some(at)));
    let employment_purpose = flag("employment_purpose");
    let public_service_purpose = flag("public_service_purpose");
    let not_for_profit = flag("not_for_profit_or_member_profits");
    let employee_controlled = flag("employee_controlled");
    let comparable = flag("comparable_mutual_contract_in_3_years");
    let sme = flag("sme");
    let vcse = flag("vcse");
    let accountable = flag("accountable_to_members");
    let social_model = flag("social_model_commitment");
    let local = flag("based_in_area");
    Some(Organisation {
        name: name?,
        legal_form: legal_form?,
        annual_turnover: annual_turnover?,
        board: board?,
        staff: staff?,
        volunteers: volunteers?,
        workforce: workforce?,
        employment_purpose: employment_purpose?,
        public_service_purpose: public_service_purpose?,
        not_for_profit_or_member_profits: not_for_profit?,
        employee_controlled: employee_controlled?,
        comparable_mutual_contract_in_3_years: comparable?,
        established_in: established_in?,
        sme: sme?,
        vcse: vcse?,
        accountable_to_members: accountable?,
        social_model_commitment: social_model?,
        based_in_area: local?,
    })
}

fn read_board(r: &mut Reader, at: At) -> Option<Board> {
    let f = r.object(
        at,
        &["voting_members", "disabled_or_service_users"],
        &["voting_members", "disabled_or_service_users"],
    )?;
    let voting = r.int(f.get("voting_members"), 1, 1000);
    let users = r.int(f.get("disabled_or_service_users"), 0, 1000);
    Some(Board {
        voting_members: voting?,
        disabled_or_service_users: users?,
    })
}

fn read_staff(r: &mut Reader, at: At) -> Option<Staff> {
    let f = r.object(at, &["total", "disabled"], &["total", "disabled"])?;
    let total = r.int(f.get("total"), 0, 1_000_000);
    let disabled = r.int(f.get("disabled"), 0, 1_000_000);
    Some(Staff {
        total: total?,
        disabled: disabled?,
    })
}

fn read_volunteers(r: &mut Reader, at: At) -> Option<Volunteers> {
    let f = r.object(at, &["total", "disabled"], &["total", "disabled"])?;
    let total = r.int(f.get("total"), 0, 1_000_000);
    let disabled = r.int(f.get("disabled"), 0, 1_000_000);
    Some(Volunteers {
        total: total?,
        disabled: disabled?,
    })
}

fn read_workforce(r: &mut Reader, at: At) -> Option<Workforce> {
    let f = r.object(
        at,
        &["total", "disabled_or_disadvantaged"],
        &["total", "disabled_or_disadvantaged"],
    )?;
    let total = r.int(f.get("total"), 1, 1_000_000);
    let counted = r.int(f.get("disabled_or_disadvantaged"), 0, 1_000_000);
    Some(Workforce {
        total: total?,
        disabled_or_disadvantaged: counted?,
    })
}

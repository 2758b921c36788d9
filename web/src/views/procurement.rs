//! The parts of the tender form that decide which law applies and on what ground a contract is
//! reserved: the `procurement` block (the regime stated, or the facts the core derives it from),
//! with the core's decision shown live under it; the `reservation` block; and the two
//! conditions of participation the Procurement Act 2023 s.22 limits (audited accounts,
//! insurance before award). Forms in the GOV.UK manner: every control labelled, hints and
//! errors tied to it, radios in fieldsets. The decision is the core's: this only shows it.

use crate::app::use_ctx;
use crate::engine::{AuditedAccounts, AuthorityType, Choice, Nation, Regime, ReservationBasis};
use crate::pointer::{self, field_id};
use crate::state::Doc;
use crate::views::fields::{error_at, Kind, Radios, Select};
use crate::views::form::Bind;
use crate::views::regime::RegimeDecision;
use serde_json::{json, Value};
use yew::prelude::*;

/// A kind of authority in words.
fn authority_words(a: AuthorityType) -> &'static str {
    match a {
        AuthorityType::Council => "A council (county, district, unitary or London borough)",
        AuthorityType::CombinedAuthority => "A combined authority",
        AuthorityType::CentralGovernment => "A central government department or body",
        AuthorityType::NhsEngland => "NHS England",
        AuthorityType::IntegratedCareBoard => "An integrated care board",
        AuthorityType::NhsTrust => "An NHS trust or foundation trust",
        AuthorityType::Other => "Another contracting authority",
    }
}

/// A reservation ground in words, with a hint saying what it needs.
fn basis_words(b: ReservationBasis) -> (&'static str, &'static str) {
    match b {
        ReservationBasis::None => ("Not reserved", "Any supplier may bid."),
        ReservationBasis::SupportedEmployment => (
            "Supported employment providers (Procurement Act 2023 s.32)",
            "Suppliers whose main purpose is the employment of disabled or disadvantaged people, at least 30% of whose employees are.",
        ),
        ReservationBasis::PublicServiceMutual => (
            "Public service mutuals (Procurement Act 2023 s.33)",
            "Light-touch services only, for a contract of 5 years or less.",
        ),
        ReservationBasis::BelowThresholdLocation => (
            "Below threshold, by where suppliers are (PPN 005)",
            "Below-threshold contracts only: suppliers in the UK, or in one county or London borough, and optionally only small businesses and voluntary, community and social enterprises.",
        ),
        ReservationBasis::PcrRegulation77 => (
            "Organisations with a public service mission (Public Contracts Regulations 2015 reg 77)",
            "Procurements begun before 24 February 2025, for certain light-touch services, for at most 3 years.",
        ),
        ReservationBasis::SupportedBusinessScotland => (
            "Supported businesses in Scotland (Procurement Reform (Scotland) Act 2014 s.11)",
            "Scottish authorities, below the Public Contracts (Scotland) Regulations thresholds.",
        ),
        ReservationBasis::GrantUserLed => (
            "A grant open only to user-led organisations",
            "Not a procurement: the authority funds an organisation's own activities. Say that it is a grant under \"Which law applies\".",
        ),
        ReservationBasis::UserLed => (
            "User-led organisations only, in a procurement",
            "No procurement law provides for this, so it is reported as a barrier. A grant can fund user-led organisations instead.",
        ),
    }
}

/// A drop-down list editing one word at `pointer`; the first option ("") removes it.
fn word_select(
    bind: &Bind,
    pointer: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    first: &'static str,
    words: Vec<(String, String)>,
) -> Html {
    let options: Vec<(String, String)> = std::iter::once((String::new(), first.to_string()))
        .chain(words)
        .collect();
    let set = bind.set.clone();
    let onchange = Callback::from(move |v: String| {
        set.emit((pointer.into(), (!v.is_empty()).then_some(Value::String(v))))
    });
    html! {
        <Select id={field_id(bind.name, pointer)} {label} hint={hint.map(AttrValue::from)} {options}
            selected={pointer::text(&bind.doc, pointer)} error={bind.error(pointer)} {onchange} />
    }
}

/// Radios editing one word at `pointer`, with "Not stated" last (which removes it).
fn word_radios(
    bind: &Bind,
    pointer: &'static str,
    legend: &'static str,
    hint: Option<&'static str>,
    words: Vec<(String, String, Option<String>)>,
) -> Html {
    let options: Vec<(String, String, Option<String>)> = words
        .into_iter()
        .chain(std::iter::once((
            "unstated".to_string(),
            "Not stated".to_string(),
            None,
        )))
        .collect();
    let current = match pointer::get(&bind.doc, pointer) {
        Some(Value::String(s)) => s.clone(),
        _ => "unstated".to_string(),
    };
    let set = bind.set.clone();
    let onchange = Callback::from(move |v: String| {
        set.emit((
            pointer.into(),
            (v != "unstated").then_some(Value::String(v)),
        ))
    });
    html! {
        <Radios id={field_id(bind.name, pointer)} {legend} hint={hint.map(AttrValue::from)} {options}
            selected={current} error={bind.error(pointer)} {onchange} />
    }
}

const CPV: &str = "/procurement/cpv";

/// The CPV codes as one text field, codes separated by commas: the core checks each (eight
/// digits, with or without the check digit), and its problem with any of them shows here.
fn cpv_field(bind: &Bind) -> Html {
    bind.list(
        CPV,
        "CPV codes of what is bought",
        Some("Eight digits each, separated by commas, such as 85312000, 85311000. They say whether the contract is light-touch or a health care service."),
        Some("w-20"),
    )
}

/// "Which law applies": the regime stated, or its facts; and under them, live, the core's
/// decision with every step of its trace.
#[function_component(WhichLaw)]
pub fn which_law() -> Html {
    let ctx = use_ctx();
    let bind = Bind::workspace(&ctx, Doc::Tender);
    let f = |p: &str, l: &str, h: Option<&str>, k: Kind, c: Option<&'static str>| {
        bind.field(p, l, h, k, c)
    };
    let regimes = Regime::ALL
        .iter()
        .map(|(w, r)| (w.to_string(), r.title().to_string()))
        .collect();
    let nations = Nation::ALL
        .iter()
        .map(|(w, n)| (w.to_string(), n.title().to_string()))
        .collect();
    let kinds = AuthorityType::ALL
        .iter()
        .map(|(w, a)| (w.to_string(), authority_words(*a).to_string()))
        .collect();
    let routes = vec![
        (
            "contract".to_string(),
            "Buying services (a procurement)".to_string(),
            None,
        ),
        (
            "grant".to_string(),
            "Giving a grant (not a procurement)".to_string(),
            Some("The authority funds an organisation's own activities rather than buying a service for itself.".to_string()),
        ),
    ];
    let protocol_note = match (&ctx.model.protocol, ctx.model.regime_aware) {
        (Ok(p), false) => Some(format!(
            "The protocol in use ({} {}) does not depend on which law applies: its findings are the same whatever the law.",
            p.doc().title,
            p.doc().version
        )),
        _ => None,
    };
    html! {
        <section class="which-law" aria-labelledby="which-law-heading">
            <h2 id="which-law-heading" class="heading-l">{ "Which law applies" }</h2>
            <p>{ "Every barrier rule and every clause depends on which law governs the tender. Say which if you know it, or give the facts and ulo works it out." }</p>
            { word_select(&bind, "/procurement/regime", "The law that governs the tender", Some("If you choose one, ulo uses it as stated and does not work it out."), "Not stated: work it out from the facts below", regimes) }
            <h3 class="heading-m">{ "The facts it is worked out from" }</h3>
            { word_radios(&bind, "/procurement/route", "Is the authority buying services or giving a grant?", None, routes) }
            { word_select(&bind, "/procurement/nation", "Where the buyer is", Some("Scottish authorities follow Scottish law."), "Not stated", nations) }
            { word_select(&bind, "/procurement/authority_type", "What kind of body the buyer is", Some("It decides the threshold that applies, and whether the Provider Selection Regime can."), "Not stated", kinds) }
            { f("/procurement/started", "Date the procurement began", Some("The date of the tender notice, or of the first approach to suppliers, such as 2026-04-20."), Kind::Date, Some("w-10")) }
            { f("/procurement/value_including_vat", "Estimated value of the whole contract, including VAT (GBP)", Some("With options and extensions, in pounds, such as 1,260,000."), Kind::Decimal, Some("w-10")) }
            { cpv_field(&bind) }
            { bind.yes_no("/procurement/planned_procurement_notice", "Was a planned procurement notice published?", Some("It can shorten the minimum time for tenders under the Procurement Act 2023 (s.54)."), true) }
            <div class="regime-decision" aria-labelledby="regime-decision-heading">
                <h3 id="regime-decision-heading" class="heading-m">{ "The law that applies" }</h3>
                if let Some(d) = &ctx.model.regime {
                    <RegimeDecision decision={(**d).clone()} id="regime-decision" />
                } else {
                    <p id="regime-decision">{ "The decision appears when the problems in the form are fixed." }</p>
                }
                if let Some(n) = protocol_note {
                    <p class="hint">{ n }</p>
                }
            </div>
        </section>
    }
}

/// The ground on which the contract is reserved, if it is; with a location reservation's place
/// and whether it is further reserved to small businesses and VCSEs.
#[function_component(ReservationFields)]
pub fn reservation_fields() -> Html {
    let ctx = use_ctx();
    let bind = Bind::workspace(&ctx, Doc::Tender);
    let basis = pointer::text(&bind.doc, "/reservation/basis");
    let options: Vec<(String, String, Option<String>)> = ReservationBasis::ALL
        .iter()
        .map(|(w, b)| {
            let (label, hint) = basis_words(*b);
            (w.to_string(), label.to_string(), Some(hint.to_string()))
        })
        .collect();
    let set = bind.set.clone();
    let onchange = Callback::from(move |v: String| {
        // A ground other than location keeps no place or SME/VCSE answer.
        set.emit(("/reservation".into(), Some(json!({ "basis": v }))))
    });
    let location = ReservationBasis::BelowThresholdLocation.word();
    html! {
        <>
            <h2 class="heading-l">{ "Reserving the contract" }</h2>
            <Radios id={field_id("tender", "/reservation/basis")} legend="Is the contract reserved to some kinds of supplier?"
                hint={Some(AttrValue::from("Choose the legal ground. ulo checks that the law that applies allows it."))}
                {options} selected={basis.clone()} error={bind.error("/reservation/basis").or_else(|| error_at(bind.problems.as_ref(), "/reservation"))} {onchange} />
            if basis == location {
                { bind.field("/reservation/location", "Where suppliers must be", Some("A county or London borough, or UK."), Kind::Text, Some("w-20")) }
                { bind.yes_no("/reservation/sme_vcse", "Is it further reserved to small businesses and voluntary, community and social enterprises?", None, true) }
            }
        </>
    }
}

/// The two conditions of participation that PA 2023 s.22 limits.
pub fn s22_conditions(bind: &Bind) -> Html {
    let words = AuditedAccounts::ALL
        .iter()
        .map(|(w, a)| {
            let label = match a {
                AuditedAccounts::NotAsked => "They are not asked for",
                AuditedAccounts::OnlyIfLegallyRequired => {
                    "Only of suppliers the law requires to have their accounts audited"
                }
                AuditedAccounts::FromEveryBidder => "Of every supplier",
            };
            (w.to_string(), label.to_string(), None)
        })
        .collect();
    html! {
        <>
            { word_radios(bind, "/conditions/audited_accounts", "Whom are audited accounts asked of?", Some("The Procurement Act 2023 (s.22) does not allow asking for audited accounts from a supplier the law does not require to have them."), words) }
            { bind.yes_no("/conditions/insurance_before_award", "Must insurance be in place before the contract is awarded?", Some("Rather than by the time the contract starts. The Procurement Act 2023 (s.22) does not allow requiring it before award."), true) }
        </>
    }
}

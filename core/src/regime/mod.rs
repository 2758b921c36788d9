//! Which law governs a tender: decided first, because every barrier rule and every citation
//! depends on it.
//!
//! A tender states its regime outright, or the engine derives it from what the tender says:
//! the buyer's nation, the date the procurement began, the buyer's kind, the CPV codes of what is
//! bought, and the estimated value including VAT, held against the thresholds in force on that
//! date and the lists of light-touch and health care services. Each step is traced with its
//! figures and the clause it rests on. Nothing is guessed: when an input the decision needs is
//! missing, or the law held here cannot settle the case (a mixed procurement, a threshold not
//! confirmed), the regime is *not stated*, with the reason, and every rule that depends on the
//! regime then says it cannot tell.

pub mod cpv;
pub mod law;
mod thresholds;

use crate::choice::choice;
use crate::dates::Date;
use crate::exact::Exact;
use crate::explain::CiteRef;
use crate::vocab::money;
use cpv::{Cpv, Listed};
use law::cite;
use serde::Serialize;
use thresholds::Thresholds;

choice! {
    /// The law that governs a tender (see `docs/law.md` for each regime's sources).
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Regime as "a regime" {
        /// Procurement Act 2023, a covered procurement above threshold, not light-touch.
        Pa2023 = "pa2023",
        /// Procurement Act 2023, a light-touch contract (s.9; PR 2024 reg 42, Sch 1).
        Pa2023LightTouch = "pa2023_light_touch",
        /// Procurement Act 2023 Part 6, a regulated below-threshold contract (ss.84-88).
        Pa2023BelowThreshold = "pa2023_below_threshold",
        /// Public Contracts Regulations 2015, for procurements begun before 24 February 2025.
        Pcr2015 = "pcr2015",
        /// PCR 2015 regs 74-76: social and other specific services (Sch 3) above threshold.
        Pcr2015LightTouch = "pcr2015_light_touch",
        /// PCR 2015 below the thresholds (Part 4 still applies, e.g. reg 113).
        Pcr2015BelowThreshold = "pcr2015_below_threshold",
        /// A devolved Scottish authority: the Procurement Reform (Scotland) Act 2014 and the
        /// Public Contracts (Scotland) Regulations 2015 above their threshold.
        Scotland = "scotland",
        /// PC(S)R 2015 regs 74-76: social and other specific services above threshold.
        ScotlandLightTouch = "scotland_light_touch",
        /// Scotland below the PC(S)R thresholds (a regulated procurement under the 2014 Act
        /// from GBP 50,000 excluding VAT).
        ScotlandBelowThreshold = "scotland_below_threshold",
        /// The Provider Selection Regime (SI 2023/1348): health care services in England.
        Psr = "psr",
        /// A grant: funding, not a contract for services to the authority.
        Grant = "grant",
    }
}

impl Regime {
    /// The regime's name, as a commissioner would say it.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Regime::Pa2023 => "Procurement Act 2023 (above threshold)",
            Regime::Pa2023LightTouch => "Procurement Act 2023: light-touch contract",
            Regime::Pa2023BelowThreshold => {
                "Procurement Act 2023: regulated below-threshold contract (Part 6)"
            }
            Regime::Pcr2015 => "Public Contracts Regulations 2015",
            Regime::Pcr2015LightTouch => {
                "Public Contracts Regulations 2015: light-touch regime (regs 74-76)"
            }
            Regime::Pcr2015BelowThreshold => {
                "Public Contracts Regulations 2015: below threshold (Part 4)"
            }
            Regime::Scotland => {
                "Procurement Reform (Scotland) Act 2014 and Public Contracts (Scotland) Regulations 2015"
            }
            Regime::ScotlandLightTouch => {
                "Public Contracts (Scotland) Regulations 2015: social and other specific services (regs 74-76)"
            }
            Regime::ScotlandBelowThreshold => {
                "Procurement Reform (Scotland) Act 2014, below the Public Contracts (Scotland) Regulations thresholds"
            }
            Regime::Psr => "Provider Selection Regime (health care services)",
            Regime::Grant => "A grant, not a procurement",
        }
    }

    /// Whether the regime is a procurement at all (a grant is not).
    #[must_use]
    pub fn is_procurement(self) -> bool {
        self != Regime::Grant
    }
}

choice! {
    /// The nation of the buyer, which decides which legislature's law applies.
    #[derive(PartialOrd, Ord, Hash)]
    pub enum Nation as "a nation" {
        /// England.
        England = "england",
        /// Wales.
        Wales = "wales",
        /// Scotland.
        Scotland = "scotland",
        /// Northern Ireland.
        NorthernIreland = "northern_ireland",
    }
}

impl Nation {
    /// The nation's name.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }
}

choice! {
    /// What kind of body the buyer is: it decides which threshold applies (central government
    /// or sub-central, PR 2024 reg 44 and Sch 2) and whether the Provider Selection Regime can
    /// (a "relevant authority", NHS Act 2006 s.12ZB(7)).
    pub enum AuthorityType as "a kind of authority" {
        /// A local authority (county, district, unitary or London borough council).
        Council = "council",
        /// A combined authority.
        CombinedAuthority = "combined_authority",
        /// A central government department or body (PR 2024 Sch 2).
        CentralGovernment = "central_government",
        /// NHS England.
        NhsEngland = "nhs_england",
        /// An integrated care board.
        IntegratedCareBoard = "integrated_care_board",
        /// An NHS trust or NHS foundation trust.
        NhsTrust = "nhs_trust",
        /// Any other contracting authority.
        Other = "other",
    }
}

impl AuthorityType {
    /// Central government for thresholds: the Crown and the bodies of PR 2024 Sch 2, which
    /// include NHS England and NHS trusts; every other authority is sub-central (Sch 1 para 5).
    fn is_central(self) -> bool {
        matches!(
            self,
            AuthorityType::CentralGovernment | AuthorityType::NhsEngland | AuthorityType::NhsTrust
        )
    }

    /// A relevant authority for the PSR (NHS Act 2006 s.12ZB(7)).
    fn is_psr_relevant(self) -> bool {
        !matches!(
            self,
            AuthorityType::CentralGovernment | AuthorityType::Other
        )
    }
}

choice! {
    /// Whether the authority is buying (a contract) or funding (a grant).
    pub enum Route as "a route" {
        /// A contract for services supplied to the authority.
        Contract = "contract",
        /// A grant: the authority funds an organisation's own activities.
        Grant = "grant",
    }
}

/// What a tender says about how it is procured: every field optional, so a commissioner can
/// state the regime outright or give the facts it is derived from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Procurement {
    /// The regime, stated outright.
    pub regime: Option<Regime>,
    /// Contract or grant.
    pub route: Option<Route>,
    /// The buyer's nation.
    pub nation: Option<Nation>,
    /// The buyer's kind.
    pub authority_type: Option<AuthorityType>,
    /// The date the procurement began (the tender notice or first approach to suppliers).
    pub started: Option<Date>,
    /// The CPV codes of what is bought.
    pub cpv: Vec<Cpv>,
    /// The estimated value of the whole contract including VAT (PA 2023 Sch 3, s.123(2)).
    pub value_including_vat: Option<Exact>,
    /// Whether a qualifying planned procurement notice was published, which shortens the
    /// minimum tendering period (PA 2023 s.54(4)); not part of the regime decision.
    pub planned_procurement_notice: Option<bool>,
}

choice! {
    /// How the regime was arrived at.
    pub enum Decided as "a way of deciding" {
        /// The commissioner stated it.
        Stated = "stated",
        /// The engine derived it from the tender's facts.
        Derived = "derived",
        /// It cannot be told from what the tender says.
        NotStated = "not_stated",
    }
}

/// One step of the decision, with its figures and the clause it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "RegimeStep", optional_fields)
)]
pub struct Step {
    /// What was found, in a sentence.
    pub text: String,
    /// The clauses.
    pub cites: Vec<CiteRef>,
}

/// Which law governs a tender, and how that was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "RegimeDecision", optional_fields)
)]
pub struct Decision {
    /// The regime; absent when it is not stated and cannot be derived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// The regime's name, or "Not stated".
    pub title: String,
    /// The buyer's nation, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Nation>,
    /// Stated, derived or not stated.
    pub decided: Decided,
    /// The decision in a sentence, with the figures that settled it.
    pub reason: String,
    /// Each step, in the order taken.
    pub steps: Vec<Step>,
}

/// The 24 February 2025 start of PA 2023 (SI 2024/716 reg 2(2), reg 5).
const PA_START: Date = Date::known(2025, 2, 24);
/// The 1 January 2024 start of the PSR (SI 2023/1348 reg 1(1)).
const PSR_START: Date = Date::known(2024, 1, 1);

/// Decides the regime of a tender from what it says (see the module documentation).
#[must_use]
pub fn decide(p: &Procurement) -> Decision {
    let mut d = Deciding {
        p,
        steps: Vec::new(),
        services: String::new(),
    };
    d.run()
}

/// The decision under way: the facts, the steps taken so far, and what the CPV codes were
/// found to be (for the closing sentence).
struct Deciding<'a> {
    p: &'a Procurement,
    steps: Vec<Step>,
    services: String,
}

/// Why a decision stopped short, in a sentence.
type Stop = String;

impl Deciding<'_> {
    fn step(&mut self, text: String, cites: Vec<CiteRef>) {
        self.steps.push(Step { text, cites });
    }

    fn run(&mut self) -> Decision {
        if let Some(r) = self.p.regime {
            self.step(
                format!("The commissioner states the regime: {}.", r.title()),
                Vec::new(),
            );
            return self.finish(
                Ok((r, format!("{}, as the commissioner states.", r.title()))),
                Decided::Stated,
            );
        }
        let outcome = self.derive();
        self.finish(outcome, Decided::Derived)
    }

    fn finish(&mut self, outcome: Result<(Regime, String), Stop>, how: Decided) -> Decision {
        let steps = std::mem::take(&mut self.steps);
        match outcome {
            Ok((regime, reason)) => Decision {
                regime: Some(regime),
                title: regime.title().to_string(),
                jurisdiction: self.p.nation,
                decided: how,
                reason,
                steps,
            },
            Err(why) => Decision {
                regime: None,
                title: "Not stated".to_string(),
                jurisdiction: self.p.nation,
                decided: Decided::NotStated,
                reason: format!("Which law applies cannot be told: {why}"),
                steps,
            },
        }
    }

    fn derive(&mut self) -> Result<(Regime, String), Stop> {
        if self.p.route == Some(Route::Grant) {
            self.step(
                "The commissioner states that this is a grant: the authority funds an organisation's own activities rather than buying services for itself, so it is not a public contract.".into(),
                vec![cite("PA23", "s.3(2)")],
            );
            return Ok((
                Regime::Grant,
                "A grant, as the commissioner states: not a contract for the supply of services to the authority (PA 2023 s.3(2)).".into(),
            ));
        }
        let nation = self.nation()?;
        let started = self.started()?;
        let codes = self.codes()?;
        match nation {
            Nation::Scotland => return self.scotland(started, &codes),
            Nation::England if started >= PSR_START => {
                if let Some(done) = self.psr(&codes)? {
                    return Ok(done);
                }
            }
            Nation::Wales if started >= PA_START && codes.iter().any(|c| cpv::psr(*c)) => {
                self.step(
                    "The buyer is in Wales and the CPV codes include health care services: Wales has had its own provider selection regime for health services since 24 February 2025, which this engine does not hold.".into(),
                    Vec::new(),
                );
                return Err("Wales's provider selection regime for health services is not held by this engine; state the regime.".into());
            }
            _ => {}
        }
        if started < PA_START {
            self.pcr(started, &codes)
        } else {
            self.pa2023(started, &codes)
        }
    }

    fn nation(&mut self) -> Result<Nation, Stop> {
        let Some(n) = self.p.nation else {
            return Err("the buyer's nation is not stated; it decides whose law applies (PA 2023 does not apply to devolved Scottish authorities, s.2(5)).".into());
        };
        let text = match n {
            Nation::Scotland => "The buyer is in Scotland: a devolved Scottish authority follows the Procurement Reform (Scotland) Act 2014 and the Public Contracts (Scotland) Regulations 2015, not the Procurement Act 2023.".to_string(),
            other => format!("The buyer is in {}.", other.title()),
        };
        let cites = match n {
            Nation::Scotland => vec![
                cite("PRSA14", "s.1"),
                cite("PA23", "s.2(5)(a)"),
                cite("PA23", "s.119(2)"),
            ],
            _ => Vec::new(),
        };
        self.step(text, cites);
        Ok(n)
    }

    fn started(&mut self) -> Result<Date, Stop> {
        let Some(d) = self.p.started else {
            return Err("the date the procurement began is not stated; the Procurement Act 2023 governs procurements begun on or after 24 February 2025 and the Public Contracts Regulations 2015 earlier ones (SI 2024/716 reg 5).".into());
        };
        let text = if d < PA_START {
            format!("The procurement began on {d}, before 24 February 2025.")
        } else {
            format!("The procurement began on {d}, on or after 24 February 2025.")
        };
        self.step(text, vec![cite("PACR24", "reg 5")]);
        Ok(d)
    }

    fn codes(&mut self) -> Result<Vec<Cpv>, Stop> {
        if self.p.cpv.is_empty() {
            return Err("the CPV codes of what is bought are not stated; they decide whether the contract is light-touch (PR 2024 Sch 1) or health care under the Provider Selection Regime.".into());
        }
        Ok(self.p.cpv.clone())
    }

    fn value(&mut self) -> Result<Exact, Stop> {
        self.p.value_including_vat.ok_or_else(|| {
            "the estimated value including VAT is not stated; it is compared with the thresholds (PA 2023 Sch 1 and Sch 3, s.123(2)).".to_string()
        })
    }

    /// The PSR, for a buyer in England from 1 January 2024: `Ok(None)` when it does not apply.
    fn psr(&mut self, codes: &[Cpv]) -> Result<Option<(Regime, String)>, Stop> {
        let health: Vec<Cpv> = codes.iter().copied().filter(|c| cpv::psr(*c)).collect();
        if health.is_empty() {
            return Ok(None);
        }
        if health.len() < codes.len() {
            self.step(
                format!(
                    "The CPV codes mix health care services of the Provider Selection Regime ({}) with other services.",
                    list(&health)
                ),
                vec![cite("PSR23", "reg 3(3)-(4)"), cite("PSR23", "Sch 1")],
            );
            return Err("a mixed procurement: the Provider Selection Regime applies if health care services are its main subject-matter by value (PSR reg 3(3)-(4)); state the regime.".into());
        }
        let Some(kind) = self.p.authority_type else {
            return Err("every CPV code is a health care service of the Provider Selection Regime, which applies only to relevant authorities (councils, combined authorities, ICBs, NHS England, NHS trusts); the buyer's kind is not stated.".into());
        };
        if !kind.is_psr_relevant() {
            self.step(
                "The buyer is not a relevant authority of the Provider Selection Regime, so it does not apply.".into(),
                vec![cite("NHSA06", "s.12ZB(7)")],
            );
            return Ok(None);
        }
        let conditions: Vec<String> = health
            .iter()
            .filter_map(|c| cpv::psr_condition(*c).map(|w| format!("{c}: {w}")))
            .collect();
        let in_part = if conditions.is_empty() {
            String::new()
        } else {
            format!(
                " Schedule 1 lists some codes only in part ({}).",
                conditions.join("; ")
            )
        };
        let text = format!(
            "Every CPV code ({}) is a relevant health care service (PSR Sch 1) and the buyer is a relevant authority: the Provider Selection Regime applies, and the Procurement Act 2023 does not (PR 2024 reg 43).{in_part}",
            list(&health)
        );
        self.step(
            text,
            vec![
                cite("PSR23", "reg 3(1)"),
                cite("PSR23", "Sch 1"),
                cite("NHSA06", "s.12ZB(7)"),
                cite("PR24", "reg 43"),
            ],
        );
        Ok(Some((
            Regime::Psr,
            format!(
                "Provider Selection Regime: CPV {} {} health care service{} of PSR Sch 1, bought by a relevant authority in England.",
                list(&health),
                if health.len() == 1 { "is a" } else { "are" },
                if health.len() == 1 { "" } else { "s" }
            ),
        )))
    }

    fn pa2023(&mut self, started: Date, codes: &[Cpv]) -> Result<(Regime, String), Stop> {
        let t = thresholds::pa2023(started);
        let lt = self.light_touch(codes, cpv::light_touch, "PR 2024 Sch 1", "PR24", "Sch 1")?;
        let value = self.value()?;
        self.above(
            &t,
            lt,
            value,
            (
                Regime::Pa2023LightTouch,
                Regime::Pa2023,
                Regime::Pa2023BelowThreshold,
            ),
        )
    }

    fn pcr(&mut self, started: Date, codes: &[Cpv]) -> Result<(Regime, String), Stop> {
        let Some(t) = thresholds::pcr2015(started) else {
            return Err(format!("the procurement began on {started}; this engine holds the PCR 2015 thresholds from 1 January 2018 only; state the regime."));
        };
        let lt = self.light_touch(codes, cpv::schedule_3, "PCR 2015 Sch 3", "PCR15", "Sch 3")?;
        let value = self.value()?;
        self.above(
            &t,
            lt,
            value,
            (
                Regime::Pcr2015LightTouch,
                Regime::Pcr2015,
                Regime::Pcr2015BelowThreshold,
            ),
        )
    }

    fn scotland(&mut self, started: Date, codes: &[Cpv]) -> Result<(Regime, String), Stop> {
        let Some(t) = thresholds::scotland(started) else {
            return Err(format!("the procurement began on {started}; this engine holds the Public Contracts (Scotland) Regulations 2015 thresholds from 1 January 2018 only; state the regime."));
        };
        let lt = self.light_touch(
            codes,
            cpv::schedule_3,
            "PC(S)R 2015 Sch 3",
            "PCSR15",
            "Sch 3",
        )?;
        let value = self.value()?;
        self.above(
            &t,
            lt,
            value,
            (
                Regime::ScotlandLightTouch,
                Regime::Scotland,
                Regime::ScotlandBelowThreshold,
            ),
        )
    }

    /// Whether every code is on the light-touch list (`Ok(true)`), none is (`Ok(false)`), or
    /// the codes are mixed (which the engine cannot settle).
    fn light_touch(
        &mut self,
        codes: &[Cpv],
        listed: fn(Cpv) -> Listed,
        list_name: &str,
        law: &str,
        clause: &str,
    ) -> Result<bool, Stop> {
        let found: Vec<(Cpv, Listed)> = codes.iter().map(|c| (*c, listed(*c))).collect();
        let on: Vec<String> = found
            .iter()
            .filter_map(|(c, l)| match l {
                Listed::Exactly => Some(c.to_string()),
                Listed::ByParent(p) => Some(format!("{c} (under {p})")),
                Listed::No => None,
            })
            .collect();
        let off: Vec<Cpv> = found
            .iter()
            .filter(|(_, l)| *l == Listed::No)
            .map(|(c, _)| *c)
            .collect();
        let cites = vec![cite(law, clause)];
        if off.is_empty() {
            self.services = format!(
                "CPV {} {} light-touch service{} ({list_name})",
                on.join(", "),
                if on.len() == 1 { "is a" } else { "are" },
                if on.len() == 1 { "" } else { "s" }
            );
            self.step(format!("{}.", self.services), cites);
            Ok(true)
        } else if on.is_empty() {
            self.services = format!(
                "CPV {} {} not on the light-touch list ({list_name})",
                list(&off),
                if off.len() == 1 { "is" } else { "are" }
            );
            self.step(format!("{}.", self.services), cites);
            Ok(false)
        } else {
            self.step(
                format!(
                    "The CPV codes mix light-touch services ({}) with others ({}).",
                    on.join(", "),
                    list(&off)
                ),
                cites,
            );
            Err("a mixed contract is light-touch only if it is wholly or mainly for light-touch services and the rest could not reasonably be bought separately (PA 2023 s.10); state the regime.".into())
        }
    }

    /// Above or below the threshold in force: light-touch, standard or below threshold.
    fn above(
        &mut self,
        t: &Thresholds,
        light_touch: bool,
        value: Exact,
        (lt, standard, below): (Regime, Regime, Regime),
    ) -> Result<(Regime, String), Stop> {
        let threshold = if light_touch {
            t.light_touch
                .ok_or_else(|| format!("the light-touch threshold {} is not confirmed in this engine; state the regime.", t.period))?
        } else {
            match (t.central, t.sub_central, self.p.authority_type) {
                (Some(c), Some(_), Some(k)) if k.is_central() => c,
                (Some(_), Some(s), Some(_)) => s,
                (Some(c), Some(s), None) => {
                    let (low, high) = if c < s { (c, s) } else { (s, c) };
                    if side(value, high, t.net_of_vat) == Some(true) {
                        high
                    } else if side(value, low, t.net_of_vat) == Some(false) {
                        low
                    } else {
                        return Err(format!("{} including VAT lies between the central government threshold ({}) and the sub-central one ({}) {}; the buyer's kind is not stated.", money(value), money(c), money(s), t.period));
                    }
                }
                _ => {
                    return Err(format!(
                        "the thresholds for this buyer {} are not confirmed in this engine; state the regime.",
                        t.period
                    ))
                }
            }
        };
        let Some(is_above) = side(value, threshold, t.net_of_vat) else {
            return Err(format!("{} including VAT may or may not reach the {}threshold of {} {}: that threshold is net of VAT, and whether the value without its VAT{} reaches it depends on the VAT it includes; state the regime.", money(value), if light_touch { "light-touch " } else { "" }, money(threshold), t.period, without_vat(value)));
        };
        let (regime, word) = match (light_touch, is_above) {
            (true, true) => (lt, "Light-touch"),
            (false, true) => (standard, "Above threshold"),
            (_, false) => (below, "Below threshold"),
        };
        let cmp = if is_above { ">=" } else { "<" };
        self.step(
            {
                // Before 2022 the threshold is net of VAT: say so, and why the answer holds
                // whatever VAT the value includes.
                let (net, why) = match (t.net_of_vat, is_above) {
                    (false, _) => ("", String::new()),
                    (true, true) => (
                        " (net of VAT)",
                        format!(
                            ": it reaches the threshold even without VAT of up to 20%{}",
                            without_vat(value)
                        ),
                    ),
                    (true, false) => (
                        " (net of VAT)",
                        ": without its VAT it is lower still".into(),
                    ),
                };
                format!(
                    "{} including VAT is {} the {}threshold of {}{net} in force {}{why}.",
                    money(value),
                    if is_above { "at or above" } else { "below" },
                    if light_touch { "light-touch " } else { "" },
                    money(threshold),
                    t.period
                )
            },
            t.cites.clone(),
        );
        Ok((
            regime,
            format!(
                "{word}: {} and {} {cmp} {} ({}).",
                self.services,
                money(value),
                money(threshold),
                regime.title()
            ),
        ))
    }
}

/// Whether a value including VAT is at or above a threshold: plainly when the threshold includes
/// VAT; when it is net of VAT (before 2022), only where every rate of VAT from 0 to 20% gives the
/// same answer, and `None` otherwise (never a guess).
fn side(value: Exact, threshold: Exact, net_of_vat: bool) -> Option<bool> {
    if !net_of_vat {
        return Some(value >= threshold);
    }
    // At or above for certain when the value reaches the threshold with 20% VAT added to it.
    let with_vat = Exact::ratio(6, 5).and_then(|r| threshold.mul(r)).ok()?;
    if value < threshold {
        Some(false)
    } else if value >= with_vat {
        Some(true)
    } else {
        None
    }
}

/// The least a value including VAT can be without it (VAT at the standard 20%), in words; empty
/// if the figure cannot be worked out.
fn without_vat(value: Exact) -> String {
    Exact::ratio(5, 6)
        .and_then(|r| value.mul(r))
        .map(|v| format!(" (at least {})", money(v)))
        .unwrap_or_default()
}

fn list(codes: &[Cpv]) -> String {
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(nation: Nation, started: &str, codes: &[&str], value: i128) -> Procurement {
        Procurement {
            nation: Some(nation),
            authority_type: Some(AuthorityType::Council),
            started: Date::parse(started),
            cpv: codes.iter().map(|c| Cpv::parse(c).unwrap()).collect(),
            value_including_vat: Some(Exact::int(value)),
            ..Procurement::default()
        }
    }

    fn regime(p: &Procurement) -> Option<Regime> {
        decide(p).regime
    }

    #[test]
    fn care_in_england_is_light_touch_above_the_threshold() {
        let d = decide(&p(Nation::England, "2026-04-20", &["85312000"], 1_050_000));
        assert_eq!(d.regime, Some(Regime::Pa2023LightTouch));
        assert_eq!(d.decided, Decided::Derived);
        assert!(
            d.reason.contains("CPV 85312000 is a light-touch service")
                && d.reason.contains("GBP 1,050,000 >= GBP 663,540"),
            "{}",
            d.reason
        );
    }

    #[test]
    fn below_the_light_touch_threshold_is_part_6() {
        let below = p(Nation::England, "2026-04-20", &["85312000"], 600_000);
        assert_eq!(regime(&below), Some(Regime::Pa2023BelowThreshold));
    }

    #[test]
    fn begun_before_24_february_2025_is_pcr_2015() {
        let old = p(Nation::England, "2024-06-01", &["85312000"], 1_050_000);
        assert_eq!(regime(&old), Some(Regime::Pcr2015LightTouch));
        let older = p(Nation::England, "2017-06-01", &["85312000"], 1_050_000);
        assert_eq!(regime(&older), None, "thresholds before 2018 are not held");
    }

    #[test]
    fn a_welsh_health_service_begun_before_the_act_is_pcr() {
        // Wales's own provider selection regime began with PA 2023 on 24 February 2025; a Welsh
        // health service begun before then was procured under PCR 2015 (light-touch here).
        let w = p(Nation::Wales, "2024-06-01", &["85312500"], 1_050_000);
        assert_eq!(regime(&w), Some(Regime::Pcr2015LightTouch));
        let w = p(Nation::Wales, "2025-06-01", &["85312500"], 1_050_000);
        assert_eq!(regime(&w), None);
    }

    #[test]
    fn scotland_2022_to_2023_has_its_vat_inclusive_thresholds() {
        let s = p(Nation::Scotland, "2023-06-01", &["85312000"], 700_000);
        assert_eq!(regime(&s), Some(Regime::ScotlandLightTouch));
        let s = p(Nation::Scotland, "2023-06-01", &["85312000"], 600_000);
        assert_eq!(regime(&s), Some(Regime::ScotlandBelowThreshold));
    }

    #[test]
    fn before_2022_a_net_threshold_decides_only_where_any_vat_rate_agrees() {
        // 2018-19 light-touch: GBP 615,278 net of VAT; with 20% VAT, 738,333.60.
        let above = p(Nation::Scotland, "2019-06-01", &["85312000"], 1_050_000);
        assert_eq!(regime(&above), Some(Regime::ScotlandLightTouch));
        let d = decide(&above);
        assert!(
            d.steps.iter().any(|s| s.text.contains("net of VAT")),
            "{d:?}"
        );
        let below = p(Nation::England, "2019-06-01", &["85312000"], 600_000);
        assert_eq!(regime(&below), Some(Regime::Pcr2015BelowThreshold));
        // 700,000 including VAT: 583,333.33 to 700,000 without it, either side of 615,278.
        let between = p(Nation::England, "2019-06-01", &["85312000"], 700_000);
        assert_eq!(regime(&between), None);
        assert!(decide(&between).reason.contains("net of VAT"));
        // 2020-21: 663,540 net; 796,248 with VAT.
        let edge = p(Nation::England, "2021-06-01", &["85312000"], 796_248);
        assert_eq!(regime(&edge), Some(Regime::Pcr2015LightTouch));
        let under_edge = p(Nation::England, "2021-06-01", &["85312000"], 796_247);
        assert_eq!(regime(&under_edge), None);
        // Before 2018 nothing is held.
        assert_eq!(
            regime(&p(Nation::England, "2017-06-01", &["85312000"], 1_050_000)),
            None
        );
    }

    #[test]
    fn scotland_names_its_own_law() {
        let d = decide(&p(Nation::Scotland, "2025-06-01", &["85312000"], 1_050_000));
        assert!(d.steps[0].cites.iter().any(|c| c.source == "PRSA14"));
    }

    #[test]
    fn scotland_follows_its_own_law() {
        let s = p(Nation::Scotland, "2025-06-01", &["85312000"], 1_050_000);
        assert_eq!(regime(&s), Some(Regime::ScotlandLightTouch));
        let d = decide(&p(Nation::Scotland, "2026-06-01", &["85312000"], 1_050_000));
        assert_eq!(
            d.regime, None,
            "the 2026 Scottish light-touch figure is not confirmed"
        );
        assert!(d.reason.contains("not confirmed"), "{}", d.reason);
    }

    #[test]
    fn health_care_by_a_council_is_psr() {
        let h = p(Nation::England, "2026-04-20", &["85312500"], 2_000_000);
        assert_eq!(regime(&h), Some(Regime::Psr));
        let mixed = p(
            Nation::England,
            "2026-04-20",
            &["85312500", "85311200"],
            2_000_000,
        );
        assert_eq!(regime(&mixed), None);
        let mut central = h.clone();
        central.authority_type = Some(AuthorityType::CentralGovernment);
        assert_eq!(regime(&central), Some(Regime::Pa2023LightTouch));
        let wales = p(Nation::Wales, "2026-04-20", &["85312500"], 2_000_000);
        assert_eq!(regime(&wales), None, "Wales's own PSR is not held");
    }

    #[test]
    fn other_services_use_the_buyers_threshold() {
        let it = |value, kind| {
            let mut x = p(Nation::England, "2026-04-20", &["72000000"], value);
            x.authority_type = kind;
            regime(&x)
        };
        assert_eq!(
            it(250_000, Some(AuthorityType::Council)),
            Some(Regime::Pa2023)
        );
        assert_eq!(
            it(150_000, Some(AuthorityType::Council)),
            Some(Regime::Pa2023BelowThreshold)
        );
        assert_eq!(
            it(150_000, Some(AuthorityType::NhsTrust)),
            Some(Regime::Pa2023)
        );
        assert_eq!(
            it(210_000, None),
            Some(Regime::Pa2023),
            "above both thresholds"
        );
        assert_eq!(it(100_000, None), Some(Regime::Pa2023BelowThreshold));
        assert_eq!(
            it(180_000, None),
            None,
            "between the two: the buyer's kind decides"
        );
    }

    #[test]
    fn mixed_light_touch_and_other_codes_are_not_guessed() {
        let m = p(
            Nation::England,
            "2026-04-20",
            &["85312000", "72000000"],
            1_050_000,
        );
        let d = decide(&m);
        assert_eq!(d.regime, None);
        assert!(d.reason.contains("s.10"), "{}", d.reason);
    }

    #[test]
    fn stated_and_grant_and_missing_inputs() {
        let stated = Procurement {
            regime: Some(Regime::Pcr2015),
            ..Procurement::default()
        };
        assert_eq!(decide(&stated).decided, Decided::Stated);
        let grant = Procurement {
            route: Some(Route::Grant),
            ..Procurement::default()
        };
        assert_eq!(regime(&grant), Some(Regime::Grant));
        let nothing = decide(&Procurement::default());
        assert_eq!(nothing.decided, Decided::NotStated);
        assert!(nothing.reason.contains("nation"), "{}", nothing.reason);
        let mut no_value = p(Nation::England, "2026-04-20", &["85312000"], 1);
        no_value.value_including_vat = None;
        assert!(decide(&no_value).reason.contains("value including VAT"));
    }
}

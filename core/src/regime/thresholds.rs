//! The thresholds in force on the date a procurement began, including VAT. Each table names
//! the period it covers and the instruments that set it; a figure this engine has not confirmed
//! in the legislation is `None`, and the decision then asks the commissioner to state the regime
//! rather than guess.

use super::law::cite;
use crate::dates::Date;
use crate::exact::Exact;
use crate::explain::CiteRef;

/// The thresholds for one period.
pub(super) struct Thresholds {
    /// Light-touch (social and other specific services) contracts.
    pub light_touch: Option<Exact>,
    /// Services bought by central government authorities.
    pub central: Option<Exact>,
    /// Services bought by sub-central authorities (councils among them).
    pub sub_central: Option<Exact>,
    /// The period in words ("for procurements begun from 1 January 2026").
    pub period: &'static str,
    /// True before 1 January 2022, when thresholds were net of VAT: a value including VAT is
    /// then above only when even without 20% VAT it reaches the threshold, below only when it is
    /// under the threshold with its VAT, and otherwise cannot be told.
    pub net_of_vat: bool,
    /// The instruments that set them.
    pub cites: Vec<CiteRef>,
}

/// A threshold this engine has confirmed in the legislation, in whole pounds.
#[allow(
    clippy::unnecessary_wraps,
    reason = "an unconfirmed threshold is None beside it"
)]
fn pounds(n: i128) -> Option<Exact> {
    Some(Exact::int(n))
}

/// PA 2023 Sch 1, as amended by SI 2025/163 (from 24 February 2025) and SI 2025/1200 (for
/// procurements begun from 1 January 2026).
pub(super) fn pa2023(started: Date) -> Thresholds {
    if started >= Date::known(2026, 1, 1) {
        Thresholds {
            light_touch: pounds(663_540),
            central: pounds(135_018),
            sub_central: pounds(207_720),
            period: "for procurements begun from 1 January 2026",
            cites: vec![cite("PA23", "Sch 1"), cite("PATA25", "regs 2-3")],
            net_of_vat: false,
        }
    } else {
        Thresholds {
            light_touch: pounds(663_540),
            central: pounds(139_688),
            sub_central: pounds(214_904),
            period: "for procurements begun from 24 February 2025 to 31 December 2025",
            cites: vec![cite("PA23", "Sch 1")],
            net_of_vat: false,
        }
    }
}

/// PCR 2015 reg 5, VAT-inclusive from 1 January 2022 (SI 2021/1221), with the figures of
/// 1 January 2024 (SI 2023/1117). Earlier periods are not held.
pub(super) fn pcr2015(started: Date) -> Option<Thresholds> {
    if started >= Date::known(2024, 1, 1) {
        Some(Thresholds {
            light_touch: pounds(663_540),
            central: pounds(139_688),
            sub_central: pounds(214_904),
            period: "for procurements begun from 1 January 2024 to 23 February 2025",
            cites: vec![cite("PCR15", "reg 5")],
            net_of_vat: false,
        })
    } else if started >= Date::known(2022, 1, 1) {
        Some(Thresholds {
            light_touch: pounds(663_540),
            central: pounds(138_760),
            sub_central: pounds(213_477),
            period: "for procurements begun from 1 January 2022 to 31 December 2023",
            cites: vec![cite("PCR15", "reg 5")],
            net_of_vat: false,
        })
    } else {
        net_before_2022(started, false, cite("PCR15", "reg 5"))
    }
}

/// PC(S)R 2015 reg 5 (VAT-inclusive since 1 January 2022). From 1 January 2026 only the
/// central government figure is confirmed here.
pub(super) fn scotland(started: Date) -> Option<Thresholds> {
    if started >= Date::known(2026, 1, 1) {
        Some(Thresholds {
            light_touch: None,
            central: pounds(135_018),
            sub_central: None,
            period: "for Scottish procurements begun from 1 January 2026",
            cites: vec![cite("PCSR15", "reg 5")],
            net_of_vat: false,
        })
    } else if started >= Date::known(2024, 1, 1) {
        Some(Thresholds {
            light_touch: pounds(663_540),
            central: pounds(139_688),
            sub_central: pounds(214_904),
            period: "for Scottish procurements begun from 1 January 2024 to 31 December 2025",
            cites: vec![cite("PCSR15", "reg 5")],
            net_of_vat: false,
        })
    } else if started >= Date::known(2022, 1, 1) {
        // The first VAT-inclusive figures (Scottish Government, "Procurement threshold values:
        // updated - from 1 January 2022", and SPPN 8/2021). Before 2022 thresholds were net of
        // VAT, which a value including VAT cannot be compared with, so none is held.
        Some(Thresholds {
            light_touch: pounds(663_540),
            central: pounds(138_760),
            sub_central: pounds(213_477),
            period: "for Scottish procurements begun from 1 January 2022 to 31 December 2023",
            cites: vec![cite("PCSR15", "reg 5")],
            net_of_vat: false,
        })
    } else {
        net_before_2022(started, true, cite("PCSR15", "reg 5"))
    }
}

/// The thresholds of 2018-2019 and 2020-2021, net of VAT, the same in the PCR 2015 and the
/// Scottish regulations (the euro thresholds of Directive 2014/24/EU in sterling): sub-central
/// GBP 181,302 then 189,330, light-touch 615,278 then 663,540, central government 122,976 from
/// 2020 (the 2018 central figure is not confirmed here). Earlier ones are not held.
fn net_before_2022(started: Date, scottish: bool, law: CiteRef) -> Option<Thresholds> {
    // (light-touch, central, sub-central, period for England and Wales, period for Scotland)
    let (light_touch, central, sub_central, english, scots) = if started >= Date::known(2020, 1, 1)
    {
        (
            663_540,
            Some(122_976),
            189_330,
            "for procurements begun from 1 January 2020 to 31 December 2021 (net of VAT)",
            "for Scottish procurements begun from 1 January 2020 to 31 December 2021 (net of VAT)",
        )
    } else if started >= Date::known(2018, 1, 1) {
        (
            615_278,
            None,
            181_302,
            "for procurements begun from 1 January 2018 to 31 December 2019 (net of VAT)",
            "for Scottish procurements begun from 1 January 2018 to 31 December 2019 (net of VAT)",
        )
    } else {
        return None;
    };
    let period = if scottish { scots } else { english };
    Some(Thresholds {
        light_touch: pounds(light_touch),
        central: central.map(Exact::int),
        sub_central: pounds(sub_central),
        period,
        cites: vec![law],
        net_of_vat: true,
    })
}

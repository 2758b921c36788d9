//! CPV codes and the three lists the regime decision reads them against: the light-touch
//! services of the Procurement Regulations 2024 (Schedule 1, Table 1, with the services that may
//! be reserved to public service mutuals marked), the social and other specific services of the
//! Public Contracts Regulations 2015 (Schedule 3, which the Scottish regulations share), and the
//! relevant health care services of the Provider Selection Regime (Schedule 1).
//!
//! The lists are law, not an authority's setting, so they live here rather than in a protocol.
//! They were copied from the instruments as made: the Procurement Regulations 2024 (SI 2024/692)
//! Sch 1, the Public Contracts Regulations 2015 (SI 2015/102) Sch 3 and the Health Care Services
//! (Provider Selection Regime) Regulations 2023 (SI 2023/1348) Sch 1, whose citations `law.rs` holds.

#![allow(
    clippy::unreadable_literal,
    reason = "CPV codes are identifiers, written as the schedules print them"
)]

use std::fmt;

/// A CPV (Common Procurement Vocabulary) code: eight digits, written with or without its check
/// digit (`85312000` or `85312000-8`). The check digit is not used: the lists name codes by
/// their eight digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cpv(u32);

impl Cpv {
    /// Reads a code as a tender or an OCDS release writes it.
    #[must_use]
    pub fn parse(text: &str) -> Option<Cpv> {
        let digits = match text.split_once('-') {
            Some((d, check)) if check.len() == 1 && check.bytes().all(|b| b.is_ascii_digit()) => d,
            Some(_) => return None,
            None => text,
        };
        if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(Cpv)
    }

    /// The code's digits before its trailing zeros: `85312000` -> `85312`. A code covers every
    /// code that starts with these digits (the CPV is a tree written into the digits).
    fn stem(self) -> String {
        let s = format!("{:08}", self.0);
        let kept = s.trim_end_matches('0');
        // Divisions are two digits: 85000000 is the division 85, not the digit 8.
        if kept.len() < 2 {
            s[..2].to_string()
        } else {
            kept.to_string()
        }
    }

    /// Whether `self` is `other` or falls under it in the tree.
    fn under(self, other: Cpv) -> bool {
        format!("{:08}", self.0).starts_with(&other.stem())
    }
}

impl fmt::Display for Cpv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:08}", self.0)
    }
}

/// How a code was found in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// The list names the code itself.
    Exactly,
    /// The list names a code above it in the tree (`85312000` covers `85312100`).
    ByParent(Cpv),
    /// The list does not cover it.
    No,
}

/// Light-touch services, Procurement Regulations 2024 Schedule 1 Table 1: (code, reservable
/// under PA 2023 s.33, marked "R" in column 3).
const LIGHT_TOUCH: &[(u32, bool)] = &[
    // Health, social and related services.
    (75231200, false),
    (75231240, false),
    (79611000, false),
    (79622000, true),
    (79624000, true),
    (79625000, true),
    (85000000, true),
    (85100000, true),
    (85110000, true),
    (85111000, true),
    (85111100, true),
    (85111200, true),
    (85111300, true),
    (85111310, true),
    (85111320, true),
    (85111400, true),
    (85111500, true),
    (85111600, true),
    (85111700, true),
    (85111800, true),
    (85111810, true),
    (85111820, true),
    (85111900, true),
    (85112000, true),
    (85112100, true),
    (85112200, true),
    (85120000, true),
    (85121000, true),
    (85121100, true),
    (85121200, true),
    (85121210, true),
    (85121220, true),
    (85121230, true),
    (85121231, true),
    (85121232, true),
    (85121240, true),
    (85121250, true),
    (85121251, true),
    (85121252, true),
    (85121270, true),
    (85121271, true),
    (85121280, true),
    (85121281, true),
    (85121282, true),
    (85121283, true),
    (85121290, true),
    (85121291, true),
    (85121292, true),
    (85121300, true),
    (85130000, true),
    (85131000, true),
    (85131100, true),
    (85131110, true),
    (85140000, true),
    (85141000, true),
    (85141100, true),
    (85141200, true),
    (85141210, true),
    (85141211, true),
    (85141220, true),
    (85142000, true),
    (85142100, true),
    (85142200, true),
    (85142300, true),
    (85142400, true),
    (85143000, true),
    (85144000, true),
    (85144100, true),
    (85145000, true),
    (85146000, true),
    (85146100, true),
    (85146200, true),
    (85147000, true),
    (85148000, true),
    (85149000, true),
    (85150000, true),
    (85160000, true),
    (85170000, true),
    (85171000, true),
    (85172000, true),
    (85200000, true),
    (85210000, true),
    (85300000, true),
    (85310000, true),
    (85311000, true),
    (85311100, true),
    (85311200, true),
    (85311300, true),
    (85312000, true),
    (85312100, true),
    (85312110, true),
    (85312120, true),
    (85312200, true),
    (85312300, true),
    (85312310, true),
    (85312320, true),
    (85312330, true),
    (85312400, true),
    (85312500, true),
    (85312510, true),
    (85320000, true),
    (85321000, true),
    (85322000, true),
    (85323000, true),
    (98133000, true),
    (98133100, true),
    (98200000, false),
    (98500000, false),
    (98513000, false),
    (98513100, false),
    (98513200, false),
    (98513300, false),
    (98513310, false),
    (98514000, false),
    // Administrative social, educational, healthcare and cultural services.
    (75000000, false),
    (75121000, true),
    (75122000, true),
    (75124000, false),
    (79950000, false),
    (79951000, false),
    (79952000, false),
    (79952100, false),
    (79953000, false),
    (79954000, false),
    (79955000, false),
    (79956000, false),
    (79995000, false),
    (79995100, false),
    (79995200, false),
    (80000000, false),
    (80100000, false),
    (80110000, true),
    (80200000, false),
    (80210000, false),
    (80211000, false),
    (80212000, false),
    (80300000, true),
    (80310000, true),
    (80320000, true),
    (80330000, true),
    (80340000, true),
    (80400000, false),
    (80410000, false),
    (80411000, false),
    (80411100, false),
    (80411200, false),
    (80412000, false),
    (80413000, false),
    (80414000, false),
    (80415000, false),
    (80420000, true),
    (80430000, true),
    (80490000, false),
    (80500000, false),
    (80510000, false),
    (80511000, true),
    (80512000, false),
    (80513000, false),
    (80520000, true),
    (80521000, true),
    (80522000, true),
    (80530000, false),
    (80531000, false),
    (80531100, false),
    (80531200, false),
    (80532000, false),
    (80533000, false),
    (80533100, false),
    (80533200, false),
    (80540000, false),
    (80550000, false),
    (80560000, false),
    (80561000, false),
    (80562000, false),
    (80570000, false),
    (80580000, false),
    (80590000, true),
    (80600000, false),
    (80610000, false),
    (80620000, false),
    (80630000, false),
    (80640000, false),
    (80650000, false),
    (80660000, false),
    (92000000, false),
    (92500000, true),
    (92510000, true),
    (92511000, true),
    (92512000, true),
    (92512100, true),
    (92520000, true),
    (92521000, true),
    (92521100, true),
    (92521200, true),
    (92521210, true),
    (92521220, true),
    (92522000, true),
    (92522100, true),
    (92522200, true),
    (92530000, true),
    (92531000, true),
    (92532000, true),
    (92533000, true),
    (92534000, true),
    (92600000, true),
    (92610000, true),
    (92620000, true),
    (92621000, true),
    (92622000, true),
    (92700000, false),
    // Compulsory social security; benefit services.
    (75300000, false),
    (75310000, false),
    (75311000, false),
    (75312000, false),
    (75313000, false),
    (75313100, false),
    (75314000, false),
    (75320000, false),
    (75330000, false),
    (75340000, false),
    // Other community, social and personal services; religious services.
    (98000000, false),
    (98120000, false),
    (98130000, false),
    (98132000, false),
    (98133110, true),
    (98131000, false),
    // Hotel and restaurant services.
    (55100000, false),
    (55110000, false),
    (55120000, false),
    (55130000, false),
    (55200000, false),
    (55210000, false),
    (55220000, false),
    (55221000, false),
    (55240000, false),
    (55241000, false),
    (55242000, false),
    (55243000, false),
    (55250000, false),
    (55260000, false),
    (55270000, false),
    (55300000, false),
    (55310000, false),
    (55311000, false),
    (55312000, false),
    (55320000, false),
    (55321000, false),
    (55322000, false),
    (55330000, false),
    (55400000, false),
    (55410000, false),
    (55510000, false),
    (55511000, false),
    (55512000, false),
    (55520000, false),
    (55521000, false),
    (55521100, false),
    (55521200, false),
    (55522000, false),
    (55523000, false),
    (55523100, false),
    (55524000, false),
    // Legal services (to the extent not exempt).
    (75231100, false),
    (79100000, false),
    (79110000, false),
    (79111000, false),
    (79112000, false),
    (79112100, false),
    (79120000, false),
    (79121000, false),
    (79121100, false),
    (79130000, false),
    (79131000, false),
    (79132000, false),
    (79132100, false),
    (79140000, false),
    // Other administrative and government services.
    (75100000, false),
    (75110000, false),
    (75111000, false),
    (75111100, false),
    (75111200, false),
    (75112000, false),
    (75112100, false),
    (75120000, false),
    (75123000, true),
    (75125000, false),
    (75130000, false),
    (75131000, false),
    // Provision of services to the community.
    (75200000, false),
    (75210000, false),
    (75211000, false),
    (75211100, false),
    (75211110, false),
    (75211200, false),
    (75211300, false),
    (75220000, false),
    (75221000, false),
    (75222000, false),
    (75230000, false),
    (75231000, false),
    // Prison-related, public security and rescue services (to the extent not exempt).
    (75231210, false),
    (75231220, false),
    (75231230, false),
    (75240000, false),
    (75241000, false),
    (75241100, false),
    (75242000, false),
    (75242100, false),
    (75242110, false),
    (75250000, false),
    (75251000, false),
    (75251100, false),
    (75251110, false),
    (75251120, false),
    (75252000, false),
    (79430000, false),
    (98113100, false),
    // Investigation and security services.
    (79700000, false),
    (79710000, false),
    (79711000, false),
    (79713000, false),
    (79714000, false),
    (79714100, false),
    (79714110, false),
    (79715000, false),
    (79716000, false),
    (79720000, false),
    (79721000, false),
    (79722000, false),
    (79723000, false),
    // International, postal and miscellaneous services.
    (98900000, false),
    (98910000, false),
    (64000000, false),
    (64100000, false),
    (64110000, false),
    (64111000, false),
    (64112000, false),
    (64113000, false),
    (64114000, false),
    (64115000, false),
    (64116000, false),
    (64122000, false),
    (50116510, false),
    (71550000, false),
];

/// Relevant health care services, Health Care Services (Provider Selection Regime) Regulations
/// 2023 Schedule 1. Named one by one: a child of a listed code is not covered unless listed
/// (85312500 is, 85312510 is not). Three are listed only in part (see [`psr_condition`]).
const PSR: &[u32] = &[
    85100000, 85110000, 85111000, 85111100, 85111200, 85111300, 85111310, 85111320, 85111400,
    85111500, 85111600, 85111700, 85111800, 85111810, 85111820, 85111900, 85112200, 85120000,
    85121000, 85121100, 85121200, 85121210, 85121220, 85121230, 85121231, 85121232, 85121240,
    85121250, 85121251, 85121252, 85121270, 85121271, 85121280, 85121281, 85121282, 85121283,
    85121290, 85121291, 85121292, 85121300, 85130000, 85131000, 85131100, 85131110, 85140000,
    85141000, 85141100, 85141200, 85141210, 85141211, 85141220, 85142000, 85142100, 85143000,
    85144000, 85144100, 85145000, 85146000, 85146100, 85146200, 85148000, 85149000, 85150000,
    85160000, 85323000, 85312330, 85312500,
];

/// Social and other specific services, PCR 2015 Schedule 3 (and the Public Contracts
/// (Scotland) Regulations 2015 Schedule 3): inclusive ranges of codes, as the schedule gives
/// them.
const SCHEDULE_3: &[(u32, u32)] = &[
    (75200000, 75200000),
    (75231200, 75231200),
    (75231240, 75231240),
    (79611000, 79611000),
    (79622000, 79622000),
    (79624000, 79624000),
    (79625000, 79625000),
    (85000000, 85323000),
    (98133000, 98133000),
    (98133100, 98133100),
    (98200000, 98200000),
    (98500000, 98500000),
    (98513000, 98514000),
    (75000000, 75000000),
    (75121000, 75121000),
    (75122000, 75122000),
    (75124000, 75124000),
    (79995000, 79995200),
    (80000000, 80660000),
    (92000000, 92700000),
    (79950000, 79956000),
    (75300000, 75300000),
    (75310000, 75340000),
    (98000000, 98000000),
    (98120000, 98120000),
    (98130000, 98133110),
    (55100000, 55524000),
    (79100000, 79140000),
    (75231100, 75231100),
    (75100000, 75120000),
    (75123000, 75123000),
    (75125000, 75131000),
    (75200000, 75231000),
    (75231210, 75231230),
    (75240000, 75252000),
    (79430000, 79430000),
    (98113100, 98113100),
    (79700000, 79723000),
    (98900000, 98900000),
    (98910000, 98910000),
    (64000000, 64122000),
    (50116510, 50116510),
    (71550000, 71550000),
];

/// Whether a code is a light-touch service under PA 2023 (PR 2024 Sch 1 Table 1), and how.
#[must_use]
pub fn light_touch(code: Cpv) -> Listed {
    find(code, LIGHT_TOUCH.iter().map(|(c, _)| Cpv(*c)))
}

/// Whether a light-touch code may be reserved to a public service mutual (PA 2023 s.33; the
/// "R" of PR 2024 Sch 1): the code's own entry, or the parent entry that covers it.
#[must_use]
pub fn reservable(code: Cpv) -> bool {
    let entry = match light_touch(code) {
        Listed::Exactly => code,
        Listed::ByParent(parent) => parent,
        Listed::No => return false,
    };
    LIGHT_TOUCH.iter().any(|(c, r)| *c == entry.0 && *r)
}

/// Whether a code is a social or other specific service of PCR 2015 (and PC(S)R 2015)
/// Schedule 3, which names ranges of codes.
#[must_use]
pub fn schedule_3(code: Cpv) -> Listed {
    if SCHEDULE_3
        .iter()
        .any(|(low, high)| (*low..=*high).contains(&code.0))
    {
        Listed::Exactly
    } else {
        Listed::No
    }
}

/// Whether a code is a relevant health care service of the PSR (named exactly).
#[must_use]
pub fn psr(code: Cpv) -> bool {
    PSR.contains(&code.0)
}

/// The condition the PSR's Schedule 1 puts on a code it lists only in part, in its own words.
#[must_use]
pub fn psr_condition(code: Cpv) -> Option<&'static str> {
    match code.0 {
        85323000 => Some("only community health services delivered to individuals"),
        85312330 => Some("only services provided to individuals to support sexual and reproductive health"),
        85312500 => Some("only services provided to individuals to tackle substance misuse or to rehabilitate their mental or physical health"),
        _ => None,
    }
}

/// The most specific listed code covering `code`: itself, else its nearest listed ancestor.
fn find(code: Cpv, listed: impl Iterator<Item = Cpv> + Clone) -> Listed {
    if listed.clone().any(|c| c == code) {
        return Listed::Exactly;
    }
    listed
        .filter(|c| code.under(*c))
        .max_by_key(|c| c.stem().len())
        .map_or(Listed::No, Listed::ByParent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cpv(s: &str) -> Cpv {
        Cpv::parse(s).unwrap()
    }

    #[test]
    fn codes_are_read_with_or_without_a_check_digit() {
        assert_eq!(cpv("85312000-8"), cpv("85312000"));
        for bad in [
            "8531200",
            "853120000",
            "85312000-",
            "85312000-88",
            "8531200x",
            "",
        ] {
            assert_eq!(Cpv::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn light_touch_by_code_or_by_parent() {
        assert_eq!(light_touch(cpv("85312000")), Listed::Exactly);
        // Not listed itself: covered by 85311200, welfare services for disabled people.
        assert_eq!(
            light_touch(cpv("85311210")),
            Listed::ByParent(cpv("85311200"))
        );
        assert_eq!(light_touch(cpv("72000000")), Listed::No);
        assert!(reservable(cpv("85311200")));
        assert!(!reservable(cpv("98200000")));
        assert!(!reservable(cpv("72000000")));
    }

    #[test]
    fn psr_names_codes_one_by_one() {
        assert!(psr(cpv("85312500")));
        assert!(!psr(cpv("85312510")));
        assert!(
            !psr(cpv("85311200")),
            "welfare services for disabled people are social care"
        );
        assert!(psr_condition(cpv("85312500")).is_some());
    }

    #[test]
    fn schedule_3_by_range() {
        assert_eq!(schedule_3(cpv("85311200")), Listed::Exactly);
        assert_eq!(schedule_3(cpv("85323000")), Listed::Exactly);
        assert_eq!(schedule_3(cpv("85400000")), Listed::No);
        assert_eq!(schedule_3(cpv("72000000")), Listed::No);
    }
}

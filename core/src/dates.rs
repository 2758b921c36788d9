//! Calendar dates, enough for response windows and effective dates.
//!
//! The core has no clock: every date comes from an input. Dates are proleptic Gregorian
//! `YYYY-MM-DD`, as RFC 3339 `full-date` (the schemas' `format: date`).

use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date written in the code (a commencement date, a threshold's start). Only for real
    /// dates known when the code is written: input is read with [`Date::parse`].
    #[must_use]
    pub(crate) const fn known(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`; `None` unless it is a real date.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day)
    }

    /// The date `n` calendar months later (earlier if negative), on the same day of the month
    /// or the month's last day when it is shorter (31 January + 1 month = 28 or 29 February),
    /// as contract periods are counted. `None` outside the years 0 to 9999.
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(n)?;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        if !(0..=9999).contains(&year) {
            return None;
        }
        let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
        let day = self.day.min(days_in_month(year, month));
        Some(Date { year, month, day })
    }

    /// The next day. `None` after 9999-12-31.
    pub fn next_day(self) -> Option<Date> {
        if self.day < days_in_month(self.year, self.month) {
            Some(Date {
                day: self.day + 1,
                ..self
            })
        } else if self.month < 12 {
            Some(Date {
                month: self.month + 1,
                day: 1,
                ..self
            })
        } else if self.year < 9999 {
            Some(Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            })
        } else {
            None
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert!(Date::parse("2026-01-00").is_none());
        assert!(Date::parse("+026-01-01").is_none());
    }

    #[test]
    fn adds_months_and_days() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2025-01-31").add_months(1), Some(d("2025-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-04-01").add_months(36), Some(d("2028-04-01")));
        assert_eq!(d("2025-04-01").add_months(-4), Some(d("2024-12-01")));
        assert_eq!(d("9999-12-01").add_months(1), None);
        assert_eq!(d("2025-02-28").next_day(), Some(d("2025-03-01")));
        assert_eq!(d("2024-02-28").next_day(), Some(d("2024-02-29")));
        assert_eq!(d("2025-12-31").next_day(), Some(d("2026-01-01")));
        assert_eq!(d("9999-12-31").next_day(), None);
        assert_eq!(d("2025-06-30").ymd(), (2025, 6, 30));
    }

    #[test]
    fn counts_days() {
        let a = Date::parse("2025-02-24").unwrap();
        let b = Date::parse("2025-03-21").unwrap();
        assert_eq!(a.days_until(b), 25);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }
}

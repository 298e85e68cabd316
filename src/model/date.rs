//! Calendar dates as councils write them: sometimes only a month ("October 2011").

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A civil date, with the day optional because reviews are often dated by month only.
///
/// Stored as ISO text (`"2015-11"` or `"2015-11-17"`); shown in GOV.UK style
/// (`"November 2015"`, `"17 November 2015"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: Option<u8>,
}

/// Why a piece of text is not a date, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write it as YYYY-MM-DD (e.g. 2015-11-17) or YYYY-MM (e.g. 2015-11)")]
    Format(String),
    #[error("`{0}` is not a real date: month must be 1–12 and the day must exist in that month")]
    OutOfRange(String),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A full date; `None` if it does not exist (e.g. 31 April).
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        let exists = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Date { year, month, day: Some(day) })
    }

    /// A month-only date such as "October 2011".
    pub fn ym(year: u16, month: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Date { year, month, day: None })
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn month(&self) -> u8 {
        self.month
    }

    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The last day this date can mean: a month-only date is due at the end of its month.
    pub fn last_day(&self) -> Date {
        Date { day: Some(self.day.unwrap_or_else(|| days_in_month(self.year, self.month))), ..*self }
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        Date::from_unix_days((secs / 86_400) as i64)
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year: year.clamp(1, 9999) as u16, month, day: Some(day) }
    }

    /// Days since 1970-01-01 of [`Date::last_day`]; used for PDF creation dates and comparisons.
    pub fn to_unix_days(&self) -> i64 {
        let d = self.last_day();
        let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day.unwrap_or(1)));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// ISO form, as stored in files: `2015-11` or `2015-11-17`.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM` (surrounding spaces allowed).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let num = |s: &str, len: usize| -> Result<u16, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| DateError::Format(t.to_owned()))
            } else {
                Err(DateError::Format(t.to_owned()))
            }
        };
        let out_of_range = || DateError::OutOfRange(t.to_owned());
        match parts.as_slice() {
            [y, m] => Date::ym(num(y, 4)?, num(m, 2)? as u8).ok_or_else(out_of_range),
            [y, m, d] => Date::ymd(num(y, 4)?, num(m, 2)? as u8, num(d, 2)? as u8).ok_or_else(out_of_range),
            _ => Err(DateError::Format(t.to_owned())),
        }
    }
}

/// GOV.UK style: "17 November 2015" or "November 2015".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month - 1)];
        match self.day {
            Some(d) => write!(f, "{d} {month} {}", self.year),
            None => write!(f, "{month} {}", self.year),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_gov_uk_style() {
        let d = Date::parse("2015-11-17").unwrap();
        assert_eq!(d.to_string(), "17 November 2015");
        assert_eq!(d.iso(), "2015-11-17");
        let m = Date::parse("2011-10").unwrap();
        assert_eq!(m.to_string(), "October 2011");
        assert_eq!(m.iso(), "2011-10");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(matches!(Date::parse("2015-02-29"), Err(DateError::OutOfRange(_))));
        assert!(Date::parse("2016-02-29").is_ok());
        assert!(matches!(Date::parse("2015-13"), Err(DateError::OutOfRange(_))));
        assert!(matches!(Date::parse("17/11/2015"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("2015-1-1"), Err(DateError::Format(_))));
    }

    #[test]
    fn unix_days_round_trip() {
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_days(16_756).iso(), "2015-11-17");
        for days in [-1000, 0, 59, 11_016, 20_000, 30_000] {
            assert_eq!(Date::from_unix_days(days).to_unix_days(), days);
        }
        assert_eq!(Date::ym(2024, 2).unwrap().last_day().iso(), "2024-02-29");
    }

    #[test]
    fn month_only_dates_order_with_full_dates() {
        let month = Date::ym(2015, 11).unwrap();
        assert!(month.last_day() > Date::ymd(2015, 11, 17).unwrap());
    }
}

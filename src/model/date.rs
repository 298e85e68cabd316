//! Calendar dates as councils write them: sometimes only a month ("October 2011").
//!
//! Files keep the ISO form (`2015-11-17`, `2015-11`); people see GOV.UK style ("17 November
//! 2015") and may type any of the forms UK officers use (see [`Date::parse_uk`]). The calendar
//! arithmetic (month lengths, weekdays) is jiff's.

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
    /// Text in a file that is not in the file's ISO form.
    #[error("`{0}` is not a date: write it as YYYY-MM-DD (e.g. 2015-11-17) or YYYY-MM (e.g. 2015-11)")]
    Format(String),
    /// Typed text in none of the forms PeerBrief reads.
    #[error("“{0}” is not a date PeerBrief can read: write it like 17/03/2026, 17 March 2026 or March 2026")]
    Unrecognised(String),
    /// A file's ISO date that does not exist: "`2026-02-30` is not a real date: February 2026 has
    /// 28 days". The ISO text is what the user will find in the file.
    #[error("`{text}` is not a real date: {why}")]
    NotReal { text: String, why: String },
    /// A day the month does not have: "31 February 2026".
    #[error("{} is not a date: {} has {} days", no_such_day(*year, *month, *day), month_year(*year, *month), days_in_month(*year, *month))]
    NoSuchDay { year: u16, month: u8, day: u8 },
    /// A month number outside 1–12.
    #[error("“{text}” is not a date: there is no month {month} (write dates day/month/year)")]
    NoSuchMonth { text: String, month: u32 },
    /// Numbers in US order (month first), which PeerBrief never guesses at: "03/17/2026".
    #[error("“{text}” is not a date: dates are day/month/year, and there is no month {month}{hint}")]
    MonthFirst { text: String, month: u32, hint: String },
    /// A two-digit year: "17/03/26".
    #[error("“{text}” is not a date: write the year in full, e.g. {suggestion}")]
    ShortYear { text: String, suggestion: String },
    /// Year 0 or after 9999.
    #[error("“{0}” is not a date: the year must be from 1 to 9999")]
    NoSuchYear(String),
    /// A weekday that does not match the date: "Monday 17 March 2026".
    #[error("{date} is a {actual}, not a {typed}")]
    WrongWeekday { date: String, actual: &'static str, typed: &'static str },
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

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn month_name(month: u8) -> &'static str {
    MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

fn month_year(year: u16, month: u8) -> String {
    format!("{} {year}", month_name(month))
}

fn no_such_day(year: u16, month: u8, day: u8) -> String {
    format!("{day} {}", month_year(year, month))
}

/// Days in a month (0 for a month that does not exist).
fn days_in_month(year: u16, month: u8) -> u8 {
    civil(year, month, 1).map_or(0, |d| d.days_in_month() as u8)
}

fn civil(year: u16, month: u8, day: u8) -> Option<jiff::civil::Date> {
    if year == 0 || year > 9999 {
        return None;
    }
    jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()
}

impl Date {
    /// 1 January 1970, the Unix epoch.
    pub const EPOCH: Date = Date { year: 1970, month: 1, day: Some(1) };

    /// A full date; `None` if it does not exist (e.g. 31 April).
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        civil(year, month, day).map(|_| Date { year, month, day: Some(day) })
    }

    /// A month-only date such as "October 2011".
    pub fn ym(year: u16, month: u8) -> Option<Date> {
        civil(year, month, 1).map(|_| Date { year, month, day: None })
    }

    /// The date of a jiff civil date; `None` before year 1.
    pub fn from_civil(date: jiff::civil::Date) -> Option<Date> {
        let year = u16::try_from(date.year()).ok()?;
        Date::ymd(year, date.month() as u8, date.day() as u8)
    }

    /// As a jiff civil date; a month-only date is its last day (see [`Date::last_day`]).
    pub fn to_civil(&self) -> jiff::civil::Date {
        let d = self.last_day();
        // Every `Date` is a real date by construction.
        jiff::civil::Date::new(d.year as i16, d.month as i8, d.day.unwrap_or(1) as i8)
            .unwrap_or(jiff::civil::Date::constant(1970, 1, 1))
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

    /// Today's date in the computer's local time zone.
    ///
    /// Kept so existing callers compile; new code should call [`crate::store::today`], which is
    /// where reading the clock belongs (the model itself does no I/O).
    pub fn today() -> Date {
        crate::store::today()
    }

    /// ISO form, as stored in files: `2015-11` or `2015-11-17`.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// Parses the file form: `YYYY-MM-DD` or `YYYY-MM` (surrounding spaces allowed).
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
        let result = match parts.as_slice() {
            [y, m] => checked(t, num(y, 4)?.into(), num(m, 2)?.into(), None),
            [y, m, d] => checked(t, num(y, 4)?.into(), num(m, 2)?.into(), Some(num(d, 2)?.into())),
            _ => return Err(DateError::Format(t.to_owned())),
        };
        result.map_err(|e| {
            let why = match e {
                DateError::NoSuchDay { year, month, .. } => {
                    format!("{} has {} days", month_year(year, month), days_in_month(year, month))
                }
                DateError::NoSuchMonth { month, .. } => format!("there is no month {month}"),
                _ => "the year must be from 1 to 9999".to_owned(),
            };
            DateError::NotReal { text: t.to_owned(), why }
        })
    }

    /// Parses a date as a UK user types it, day before month:
    ///
    /// * `17/03/2026`, `17/3/2026`, `17.03.2026`, `17-03-2026`, `03/2026` (month only);
    /// * `17 March 2026`, `17 Mar 2026`, `17th March 2026`, `Tuesday 17 March 2026`,
    ///   `March 2026`, `Mar 2026`, and `March 17, 2026` (a month in words is never ambiguous);
    /// * ISO `2026-03-17`, `2026-03`.
    ///
    /// Numbers in month/day order (`03/17/2026`) are refused, never guessed at, and so are
    /// impossible dates (`31/02/2026`), two-digit years and a weekday that does not match.
    pub fn parse_uk(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let unrecognised = || DateError::Unrecognised(t.to_owned());
        let mut tokens = tokens(t).ok_or_else(unrecognised)?;
        let weekday = match tokens.first() {
            Some(Token::Word(w)) => weekday_of(w),
            _ => None,
        };
        if weekday.is_some() {
            tokens.remove(0);
        }
        use Token::{Num, Word};
        let year = |n: &Number| (n.digits == 4).then_some(n.value);
        let small = |n: &Number| (n.digits <= 2).then_some(n.value);
        let (y, m, d): (u32, u32, Option<u32>) = match tokens.as_slice() {
            // ISO order, year first.
            [Num(y), Num(m), Num(d)] if year(y).is_some() && small(m).is_some() && small(d).is_some() => {
                (y.value, m.value, Some(d.value))
            }
            [Num(y), Num(m)] if year(y).is_some() && small(m).is_some() => (y.value, m.value, None),
            // Day/month/year.
            [Num(d), Num(m), Num(y)] if small(d).is_some() && small(m).is_some() && year(y).is_some() => {
                if m.value > 12 && (1..=12).contains(&d.value) {
                    // Not a guess: the user is told, and types it again.
                    let hint = checked(t, y.value, d.value, Some(m.value)).map_or_else(
                        |_| String::new(),
                        |meant| format!(" (for {meant}, type {}/{:02}/{})", m.value, d.value, y.value),
                    );
                    return Err(DateError::MonthFirst { text: t.to_owned(), month: m.value, hint });
                }
                (y.value, m.value, Some(d.value))
            }
            [Num(d), Num(m), Num(y)] if small(d).is_some() && small(m).is_some() && y.digits == 2 => {
                return Err(DateError::ShortYear {
                    text: t.to_owned(),
                    suggestion: format!("{}/{:02}/20{:02}", d.value, m.value, y.value),
                });
            }
            [Num(m), Num(y)] if small(m).is_some() && year(y).is_some() => (y.value, m.value, None),
            // Months in words.
            [Num(d), Word(w), Num(y)] if small(d).is_some() && year(y).is_some() => {
                (y.value, month_of(w).ok_or_else(unrecognised)?, Some(d.value))
            }
            [Num(d), Word(w), Num(y)] if small(d).is_some() && y.digits == 2 && month_of(w).is_some() => {
                let month = month_of(w).unwrap_or(1);
                return Err(DateError::ShortYear {
                    text: t.to_owned(),
                    suggestion: format!("{} {} 20{:02}", d.value, month_name(month as u8), y.value),
                });
            }
            [Word(w), Num(d), Num(y)] if small(d).is_some() && year(y).is_some() => {
                (y.value, month_of(w).ok_or_else(unrecognised)?, Some(d.value))
            }
            [Word(w), Num(y)] if year(y).is_some() && weekday.is_none() => {
                (y.value, month_of(w).ok_or_else(unrecognised)?, None)
            }
            _ => return Err(unrecognised()),
        };
        let date = checked(t, y, m, d)?;
        if let Some(typed) = weekday {
            let actual = WEEKDAYS[usize::from(date.to_civil().weekday().to_monday_zero_offset() as u8)];
            if actual != typed {
                return Err(DateError::WrongWeekday { date: date.to_string(), actual, typed });
            }
        }
        Ok(date)
    }
}

/// A date from its numbers, or why it does not exist.
fn checked(text: &str, year: u32, month: u32, day: Option<u32>) -> Result<Date, DateError> {
    let year = u16::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| DateError::NoSuchYear(text.to_owned()))?;
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth { text: text.to_owned(), month });
    }
    let month = month as u8;
    match day {
        None => Date::ym(year, month).ok_or_else(|| DateError::NoSuchYear(text.to_owned())),
        Some(day) => {
            let day = u8::try_from(day).unwrap_or(u8::MAX);
            Date::ymd(year, month, day).ok_or(DateError::NoSuchDay { year, month, day })
        }
    }
}

#[derive(Debug)]
struct Number {
    value: u32,
    digits: usize,
}

#[derive(Debug)]
enum Token {
    Num(Number),
    /// Letters, lower-cased.
    Word(String),
}

/// Numbers and words between separators (spaces, `/ - . ,`); `None` for anything else.
/// An ordinal suffix (`17th`) belongs to its number.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            if digits.len() > 6 {
                return None;
            }
            let mut suffix = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                suffix.extend(l.to_lowercase());
                chars.next();
            }
            if !suffix.is_empty() && !matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                return None;
            }
            out.push(Token::Num(Number { value: digits.parse().ok()?, digits: digits.len() }));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                word.extend(l.to_lowercase());
                chars.next();
            }
            out.push(Token::Word(word));
        } else if c.is_whitespace() || matches!(c, '/' | '-' | '.' | ',') {
            chars.next();
        } else {
            return None;
        }
    }
    Some(out)
}

/// The month a word names: its full name, or at least its first three letters ("Sept" too).
fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.to_lowercase().starts_with(word)).map(|i| i as u32 + 1)
}

/// The weekday a word names (full, or three or more letters: "Tue", "Tues", "Thurs").
fn weekday_of(word: &str) -> Option<&'static str> {
    if word.len() < 3 {
        return None;
    }
    WEEKDAYS.iter().find(|d| d.to_lowercase().starts_with(word)).copied()
}

/// GOV.UK style: "17 November 2015" or "November 2015".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = month_name(self.month);
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
    fn file_form_is_iso_only_and_rejects_impossible_dates() {
        assert_eq!(
            Date::parse("2015-02-29").unwrap_err().to_string(),
            "`2015-02-29` is not a real date: February 2015 has 28 days"
        );
        assert!(Date::parse("2016-02-29").is_ok());
        assert_eq!(
            Date::parse("2015-13").unwrap_err().to_string(),
            "`2015-13` is not a real date: there is no month 13"
        );
        assert!(matches!(Date::parse("17/11/2015"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("17 November 2015"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("2015-1-1"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("0000-01"), Err(DateError::NotReal { .. })));
    }

    /// What a UK user may type, and what PeerBrief makes of it (ISO), or the start of the error.
    const TYPED: &[(&str, Result<&str, &str>)] = &[
        ("17/03/2026", Ok("2026-03-17")),
        ("17/3/2026", Ok("2026-03-17")),
        ("7/3/2026", Ok("2026-03-07")),
        (" 17/03/2026 ", Ok("2026-03-17")),
        ("17.03.2026", Ok("2026-03-17")),
        ("17-03-2026", Ok("2026-03-17")),
        ("17 March 2026", Ok("2026-03-17")),
        ("17 march 2026", Ok("2026-03-17")),
        ("17 Mar 2026", Ok("2026-03-17")),
        ("17 Sept 2026", Ok("2026-09-17")),
        ("17th March 2026", Ok("2026-03-17")),
        ("1st Mar 2026", Ok("2026-03-01")),
        ("Tuesday 17 March 2026", Ok("2026-03-17")),
        ("Tue, 17 March 2026", Ok("2026-03-17")),
        ("17-Mar-2026", Ok("2026-03-17")),
        ("March 17, 2026", Ok("2026-03-17")),
        ("March 2026", Ok("2026-03")),
        ("Mar 2026", Ok("2026-03")),
        ("03/2026", Ok("2026-03")),
        ("3/2026", Ok("2026-03")),
        ("2026-03-17", Ok("2026-03-17")),
        ("2026-3-17", Ok("2026-03-17")),
        ("2026-03", Ok("2026-03")),
        ("29/02/2024", Ok("2024-02-29")),
        ("31/02/2026", Err("31 February 2026 is not a date: February 2026 has 28 days")),
        ("29 Feb 2025", Err("29 February 2025 is not a date: February 2025 has 28 days")),
        ("31/04/2026", Err("31 April 2026 is not a date: April 2026 has 30 days")),
        ("0/04/2026", Err("0 April 2026 is not a date: April 2026 has 30 days")),
        ("03/17/2026", Err("“03/17/2026” is not a date: dates are day/month/year, and there is no month 17")),
        ("17/13/2026", Err("“17/13/2026” is not a date: there is no month 13")),
        ("2026-13-01", Err("“2026-13-01” is not a date: there is no month 13")),
        ("13/2026", Err("“13/2026” is not a date: there is no month 13")),
        ("17/03/26", Err("“17/03/26” is not a date: write the year in full, e.g. 17/03/2026")),
        ("17 March 26", Err("“17 March 26” is not a date: write the year in full, e.g. 17 March 2026")),
        ("Monday 17 March 2026", Err("17 March 2026 is a Tuesday, not a Monday")),
        ("17 Marchember 2026", Err("“17 Marchember 2026” is not a date PeerBrief can read")),
        ("17 Ma 2026", Err("“17 Ma 2026” is not a date PeerBrief can read")),
        ("17/03", Err("“17/03” is not a date PeerBrief can read")),
        ("March", Err("“March” is not a date PeerBrief can read")),
        ("March 17", Err("“March 17” is not a date PeerBrief can read")),
        ("17/03/202", Err("“17/03/202” is not a date PeerBrief can read")),
        ("tomorrow", Err("“tomorrow” is not a date PeerBrief can read")),
        ("17/03/2026!", Err("“17/03/2026!” is not a date PeerBrief can read")),
        ("17xx March 2026", Err("“17xx March 2026” is not a date PeerBrief can read")),
        ("99999999999/1/2026", Err("“99999999999/1/2026” is not a date PeerBrief can read")),
        ("", Err("“” is not a date PeerBrief can read")),
        ("Tuesday March 2026", Err("“Tuesday March 2026” is not a date PeerBrief can read")),
    ];

    #[test]
    fn uk_forms_parse_and_mistakes_say_why() {
        for (typed, expected) in TYPED {
            match (Date::parse_uk(typed), expected) {
                (Ok(date), Ok(iso)) => assert_eq!(date.iso(), *iso, "{typed}"),
                (Err(e), Err(start)) => {
                    assert!(e.to_string().starts_with(start), "{typed}: {e}\n  expected to start: {start}")
                }
                (got, _) => panic!("{typed}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn us_order_is_never_guessed_even_when_both_orders_exist() {
        // 03/04/2026 is 3 April in the UK: day first, always.
        assert_eq!(Date::parse_uk("03/04/2026").unwrap().to_string(), "3 April 2026");
        let e = Date::parse_uk("12/25/2026").unwrap_err().to_string();
        assert!(e.contains("day/month/year") && e.contains("for 25 December 2026, type 25/12/2026"), "{e}");
        // No hint when the swapped date does not exist either.
        let e = Date::parse_uk("02/31/2026").unwrap_err().to_string();
        assert!(e.ends_with("there is no month 31"), "{e}");
    }

    #[test]
    fn every_shown_date_reads_back_as_itself() {
        for iso in ["2026-03-17", "2026-03", "2024-02-29", "1066-10-14", "2011-10"] {
            let date = Date::parse(iso).unwrap();
            assert_eq!(Date::parse_uk(&date.to_string()), Ok(date), "{date}");
            assert_eq!(Date::parse_uk(&date.iso()), Ok(date), "{iso}");
        }
    }

    #[test]
    fn civil_dates_convert_both_ways() {
        let d = Date::from_civil(jiff::civil::date(2015, 11, 17)).unwrap();
        assert_eq!(d.iso(), "2015-11-17");
        assert_eq!(d.to_civil(), jiff::civil::date(2015, 11, 17));
        assert_eq!(Date::ym(2024, 2).unwrap().to_civil(), jiff::civil::date(2024, 2, 29));
        assert_eq!(Date::from_civil(jiff::civil::date(0, 1, 1)), None);
        assert_eq!(Date::ym(2024, 2).unwrap().last_day().iso(), "2024-02-29");
    }

    #[test]
    fn month_only_dates_order_with_full_dates() {
        let month = Date::ym(2015, 11).unwrap();
        assert!(month.last_day() > Date::ymd(2015, 11, 17).unwrap());
    }
}

//! Dates of birth: a date (12/03/2009, 12 March 2009, March 2009, 2009-03-12) close after
//! "born", "DOB", "D.O.B." or "date of birth".

use std::ops::Range;

use super::patterns::{Phrases, boundary_at, phrase_at, word_start};

const MONTHS: Phrases = Phrases::new(&[
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
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]);

/// A date at `i`: 12/03/2009, 12.03.09, 2009-03-12, 12 March 2009, 12th March 2009, March 2009.
fn date_at(t: &[u8], i: usize) -> Option<usize> {
    let digits = |from: usize| t[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let d1 = digits(i);
    if d1 > 0 {
        let sep = t.get(i + d1).copied();
        if let Some(s @ (b'/' | b'.' | b'-')) = sep {
            let d2 = digits(i + d1 + 1);
            if (1..=2).contains(&d2) && t.get(i + d1 + 1 + d2) == Some(&s) {
                let d3 = digits(i + d1 + d2 + 2);
                if (2..=4).contains(&d3) && (1..=4).contains(&d1) {
                    return Some(d1 + d2 + d3 + 2);
                }
            }
        }
        if d1 <= 2 {
            let mut j = i + d1;
            for suffix in ["st", "nd", "rd", "th"] {
                if t[j..].starts_with(suffix.as_bytes()) {
                    j += 2;
                }
            }
            if t.get(j) == Some(&b' ') {
                let e = phrase_at(t, j + 1, &MONTHS, false)?;
                return month_year(t, e).map(|e| e - i);
            }
        }
        return None;
    }
    let e = phrase_at(t, i, &MONTHS, false)?;
    month_year(t, e).map(|e| e - i)
}

/// After a month name: " 2009" or " 12, 2009"; returns the end.
fn month_year(t: &[u8], e: usize) -> Option<usize> {
    let year = |from: usize| {
        let n = t[from..].iter().take_while(|b| b.is_ascii_digit()).count();
        (n == 4 && boundary_at(t, from + n)).then_some(from + 4)
    };
    if t.get(e) != Some(&b' ') {
        return None;
    }
    if let Some(y) = year(e + 1) {
        return Some(y);
    }
    let n = t[e + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&n) && t[e + 1 + n..].starts_with(b", ") {
        return year(e + 3 + n);
    }
    None
}

/// "born 12/03/2009", "DOB: 12.03.09", "date of birth 3 May 2010", "born in March 2011".
pub(super) fn date_of_birth(t: &[u8], i: usize) -> Option<Range<usize>> {
    const KEYWORDS: Phrases =
        Phrases::new(&["born", "dob", "d.o.b", "d.o.b.", "date of birth", "birth date", "birthdate"]);
    let k = phrase_at(t, i, &KEYWORDS, true).or_else(|| {
        // "d.o.b." ends in a dot, which is not a word boundary before a space.
        let p = b"d.o.b.";
        t.get(i..i + p.len()).is_some_and(|g| g.eq_ignore_ascii_case(p)).then_some(i + p.len())
    })?;
    // The date must follow within a few words ("born on", "born in", "DOB:").
    let mut j = k;
    let limit = (k + 16).min(t.len());
    while j < limit {
        if (j == k || word_start(t, j))
            && t[j].is_ascii_alphanumeric()
            && let Some(n) = date_at(t, j)
        {
            return Some(i..j + n);
        }
        j += 1;
    }
    None
}

//! Finding personal data in one text: every detector, run at every word start, then overlaps
//! resolved so each stretch of text is reported once, under its most specific kind.

use std::ops::Range;

use super::numbers::{nhs_number, ni_number, phone, postcode};
use super::{DisclosureKind as K, ScanOptions};

/// One match in a text: its kind and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub kind: K,
    pub range: Range<usize>,
}

const PERSON_NOUNS: &[&str] = &[
    "children",
    "child",
    "young people",
    "young person",
    "families",
    "family",
    "girls",
    "girl",
    "boys",
    "boy",
    "babies",
    "baby",
    "infants",
    "infant",
    "teenagers",
    "teenager",
    "pupils",
    "pupil",
    "students",
    "student",
    "learners",
    "parents",
    "parent",
    "mothers",
    "mother",
    "fathers",
    "father",
    "carers",
    "carer",
    "siblings",
    "sibling",
    "adopters",
    "care leavers",
    "care leaver",
    "victims",
    "victim",
    "survivors",
    "households",
    "household",
    "people",
    "person",
    "individuals",
    "individual",
    "adults",
    "adult",
    "residents",
    "women",
    "woman",
    "men",
    "man",
    "sons",
    "daughters",
    "brothers",
    "sisters",
    "twins",
];

/// Singular people an age can be attached to ("a girl aged 14").
const SINGULAR_PEOPLE: &[&str] = &[
    "child",
    "young person",
    "girl",
    "boy",
    "baby",
    "infant",
    "teenager",
    "pupil",
    "student",
    "son",
    "daughter",
    "mother",
    "father",
    "sibling",
    "brother",
    "sister",
    "man",
    "woman",
    "person",
    "individual",
    "adult",
    "learner",
];

/// Labels that stand for one person or case: "Child X", "Case A", "Young person B", "Sibling 2".
const CASE_LABELS: &[&str] = &["Child", "Case", "Young person", "Young Person", "Sibling", "Baby", "Person", "Adult"];

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"];

/// Words after a number that are not a describing word before a noun ("two areas where children…").
const NOT_MODIFIERS: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "where", "which", "that",
    "who", "whose", "their", "our", "its", "his", "her", "are", "were", "was", "is", "be", "been", "have", "has",
    "had", "than", "per", "each", "every", "out", "into", "over", "under", "about", "as", "so", "not",
];

/// Words before a number that make it something other than a count of people.
const NOT_COUNTS_AFTER: &[&str] = &[
    "than",
    "under",
    "below",
    "in",
    "top",
    "aged",
    "age",
    "ages",
    "year",
    "years",
    "stage",
    "tier",
    "level",
    "section",
    "paragraph",
    "page",
    "pages",
    "item",
    "appendix",
    "part",
    "phase",
    "priority",
    "step",
    "ks",
    "schedule",
    "table",
    "figure",
    "chart",
    "option",
    "round",
];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn word_start(t: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(t[i - 1])
}

fn boundary_at(t: &[u8], i: usize) -> bool {
    t.get(i).is_none_or(|&b| !is_word_byte(b))
}

/// The ASCII word (letters, digits, inner hyphens and apostrophes) starting at `i`.
fn word_at(t: &[u8], i: usize) -> Range<usize> {
    let mut j = i;
    while j < t.len() {
        let b = t[j];
        if b.is_ascii_alphanumeric()
            || ((b == b'-' || b == b'\'') && t.get(j + 1).is_some_and(u8::is_ascii_alphanumeric))
        {
            j += 1;
        } else {
            break;
        }
    }
    i..j
}

/// Skips spaces (and one comma or opening bracket when `punct`) from `i`.
fn skip_space(t: &[u8], mut i: usize) -> usize {
    while t.get(i) == Some(&b' ') || t.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

/// A phrase from `list` at `i`, case-insensitively, ending at a word boundary; returns its end.
fn phrase_at(t: &[u8], i: usize, list: &[&str], ignore_case: bool) -> Option<usize> {
    let first = *t.get(i)?;
    list.iter()
        .filter(|p| p.as_bytes().first().is_some_and(|c| c.eq_ignore_ascii_case(&first)))
        .filter_map(|p| {
            let p = p.as_bytes();
            let got = t.get(i..i + p.len())?;
            let same = if ignore_case { got.eq_ignore_ascii_case(p) } else { got == p };
            (same && boundary_at(t, i + p.len())).then_some(i + p.len())
        })
        .max()
}

/// A number at `i` (digits, or a number word), with its value and end.
fn number_at(t: &[u8], i: usize) -> Option<(u32, usize)> {
    let n = t[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let w = i..i + n;
    let word = std::str::from_utf8(&t[w.clone()]).ok()?;
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return Some((word.parse().ok()?, w.end));
    }
    NUMBER_WORDS.iter().position(|n| n.eq_ignore_ascii_case(word)).map(|v| (v as u32, w.end))
}

/// The word before `i` (lower case), skipping spaces.
fn word_before(t: &[u8], i: usize) -> String {
    let mut j = i;
    while j > 0 && t[j - 1] == b' ' {
        j -= 1;
    }
    let end = j;
    while j > 0 && (t[j - 1].is_ascii_alphanumeric() || t[j - 1] == b'-') {
        j -= 1;
    }
    String::from_utf8_lossy(&t[j..end]).to_ascii_lowercase()
}

/// Every match in `text`. In `relaxed` fields (contact points, the review team, background
/// papers) names, phones, e-mails and postcodes are expected and not reported.
pub fn scan_text(text: &str, options: &ScanOptions, relaxed: bool) -> Vec<Match> {
    let t = text.as_bytes();
    let mut found: Vec<Match> = Vec::new();
    let mut push = |kind, range: Range<usize>| found.push(Match { kind, range });
    for i in 0..t.len() {
        if !text.is_char_boundary(i) {
            continue;
        }
        let b = t[i];
        if b == b'@' {
            if let Some(r) = email_around(t, i) {
                push(K::Email, r);
            }
            continue;
        }
        if !word_start(t, i) && b != b'+' && b != b'(' {
            continue;
        }
        if b.is_ascii_digit() || b == b'+' || b == b'(' {
            if let Some(n) = nhs_number(t, i) {
                push(K::NhsNumber, i..i + n);
            }
            if let Some(n) = phone(t, i) {
                push(K::Phone, i..i + n);
            }
            if b.is_ascii_digit() {
                if let Some(n) = long_number(t, i) {
                    push(K::Reference, i..i + n);
                }
                if let Some(r) = small_number(t, i, options.small_number_threshold) {
                    push(K::SmallNumber, r);
                }
                if let Some(r) = year_old(t, i) {
                    push(K::Age, r);
                }
            }
            continue;
        }
        if !b.is_ascii_alphabetic() {
            continue;
        }
        if let Some(n) = postcode(t, i) {
            push(K::Postcode, i..i + n);
        }
        // Without its suffix letter an NI number counts only after words that name it.
        let ni = ni_number(t, i, false).or_else(|| {
            let n = ni_number(t, i, true)?;
            let mut from = i.saturating_sub(32);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text[from..i].to_ascii_lowercase();
            let before = before.trim_end_matches([' ', ':']);
            ["national insurance number", "ni number", "nino", "ni no", "ni no."]
                .iter()
                .any(|k| before.ends_with(k))
                .then_some(n)
        });
        if let Some(n) = ni {
            push(K::NiNumber, i..i + n);
        }
        if let Some(r) = date_of_birth(t, i) {
            push(K::DateOfBirth, r);
        }
        if let Some(r) = titled_name(t, i) {
            push(K::TitledName, r);
        }
        if let Some(r) = reference(t, i) {
            push(K::Reference, r);
        }
        if let Some(r) = small_number(t, i, options.small_number_threshold) {
            push(K::SmallNumber, r);
        }
        if let Some(r) = case_age(t, i) {
            push(K::Age, r);
        }
        if let Some(r) = year_old(t, i) {
            push(K::Age, r);
        }
    }
    if relaxed {
        found.retain(|m| !matches!(m.kind, K::TitledName | K::Phone | K::Email | K::Postcode));
    }
    // Most specific first; a match overlapping one already kept is dropped.
    found.sort_by_key(|m| (m.kind.priority(), m.range.start));
    let mut kept: Vec<Match> = Vec::new();
    for m in found {
        if !kept.iter().any(|k| k.range.start < m.range.end && m.range.start < k.range.end) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.range.start);
    kept
}

fn email_around(t: &[u8], at: usize) -> Option<Range<usize>> {
    let local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-'".contains(&b);
    let mut s = at;
    while s > 0 && local(t[s - 1]) {
        s -= 1;
    }
    let mut e = at + 1;
    while e < t.len() && (t[e].is_ascii_alphanumeric() || t[e] == b'.' || t[e] == b'-') {
        e += 1;
    }
    while e > at + 1 && t[e - 1] == b'.' {
        e -= 1;
    }
    let domain = &t[at + 1..e];
    (s < at && domain.contains(&b'.') && !domain.starts_with(b".") && !domain.ends_with(b".")).then_some(s..e)
}

/// Seven or more digits in a row that are not money, a phone or an NHS number: a record number.
fn long_number(t: &[u8], i: usize) -> Option<usize> {
    let n = t[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let money = i > 0 && matches!(t[i - 1], b'$') || text_before_is_pound(t, i);
    (n >= 7 && boundary_at(t, i + n) && !money).then_some(n)
}

fn text_before_is_pound(t: &[u8], i: usize) -> bool {
    t[..i].ends_with("£".as_bytes()) || t[..i].ends_with("€".as_bytes())
}

/// "Case ref 12345", "file no. CP/2021/0045", "Mosaic ID 1234567", or a reference-shaped token
/// ("CP-2019-0457", "LAC/00123", "MOS123456").
fn reference(t: &[u8], i: usize) -> Option<Range<usize>> {
    const KEYWORDS: &[&str] = &[
        "case reference",
        "case ref",
        "case number",
        "case no",
        "file reference",
        "file ref",
        "file number",
        "file no",
        "reference number",
        "reference no",
        "ref no",
        "ref",
        "record number",
        "client id",
        "child id",
        "person id",
        "mosaic id",
        "mosaic number",
        "lcs number",
        "lcs id",
        "id number",
        "id",
        "crime number",
        "crime reference",
    ];
    let token = |from: usize| {
        let mut j = from;
        while j < t.len()
            && (t[j].is_ascii_alphanumeric()
                || ((t[j] == b'/' || t[j] == b'-') && t.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)))
        {
            j += 1;
        }
        j
    };
    if let Some(k) = phrase_at(t, i, KEYWORDS, true) {
        // "ID" only in capitals, so "id" inside prose ("the id") is not a keyword.
        let keyword = &t[i..k];
        if !keyword.eq_ignore_ascii_case(b"id") || keyword == b"ID" {
            let mut j = k;
            while j < t.len() && matches!(t[j], b' ' | b':' | b'.' | b'#') {
                j += 1;
            }
            if j < t.len() && j - k <= 4 {
                let e = token(j);
                let digits = t[j..e].iter().filter(|b| b.is_ascii_digit()).count();
                let year_span = t[j..e].iter().all(|b| b.is_ascii_digit() || *b == b'/' || *b == b'-') && e - j <= 9;
                if digits >= 3 && !year_span {
                    return Some(i..e);
                }
            }
        }
    }
    // Shape: capitals, then a separator and digits, or five or more digits straight after.
    let letters = t[i..].iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(1..=5).contains(&letters) {
        return None;
    }
    let e = token(i);
    let rest = &t[i + letters..e];
    let digits = rest.iter().filter(|b| b.is_ascii_digit()).count();
    let direct = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let separated = matches!(rest.first(), Some(b'/' | b'-')) && digits >= 4;
    (boundary_at(t, e) && (separated || direct >= 5)).then_some(i..e)
}

/// "Mrs Smith", "Dr. A. Okafor", "Mr John Smith" — but not an anonymised "Mr A".
fn titled_name(t: &[u8], i: usize) -> Option<Range<usize>> {
    let mut j = phrase_at(t, i, TITLES, false)?;
    if t.get(j) == Some(&b'.') {
        j += 1;
    }
    if t.get(j) != Some(&b' ') {
        return None;
    }
    j += 1;
    let mut end = None;
    let mut initials = 0;
    for _ in 0..3 {
        let w = word_at(t, j);
        let word = &t[w.clone()];
        let capital = word.first().is_some_and(u8::is_ascii_uppercase);
        if !capital {
            break;
        }
        if word.len() == 1 {
            initials += 1;
            let mut k = w.end;
            if t.get(k) == Some(&b'.') {
                k += 1;
            }
            if t.get(k) != Some(&b' ') {
                break;
            }
            j = k + 1;
            continue;
        }
        if !word[1..].iter().all(|b| b.is_ascii_lowercase() || *b == b'\'' || *b == b'-' || b.is_ascii_uppercase()) {
            break;
        }
        if word.starts_with(b"Barnardo") || word == b"Teams" {
            return None;
        }
        end = Some(w.end);
        j = w.end;
        if t.get(j) != Some(&b' ') {
            break;
        }
        j += 1;
    }
    let _ = initials;
    end.map(|e| i..e)
}

/// A number of people below the threshold: "3 children", "two looked-after young people",
/// "four families". Not "two-year plan", "5 localities", "two children's homes", "fewer than 5
/// children", "1 in 4 children".
fn small_number(t: &[u8], i: usize, threshold: u32) -> Option<Range<usize>> {
    let (value, end) = number_at(t, i)?;
    if value == 0 || value >= threshold {
        return None;
    }
    // "one" is too common in prose ("one child, one plan", "no one"): only the digit counts.
    if t[i..end].eq_ignore_ascii_case(b"one") {
        return None;
    }
    if NOT_COUNTS_AFTER.contains(&word_before(t, i).as_str()) || (i > 0 && matches!(t[i - 1], b'<' | b'-' | b'/')) {
        return None;
    }
    if matches!(t.get(end), Some(b'-' | b'%' | b'.' | b'/' | b':' | b',')) && t.get(end + 1).is_some_and(|b| *b != b' ')
    {
        return None;
    }
    let mut j = skip_space(t, end);
    if j == end {
        return None;
    }
    // "two of the children", "three of our young people"
    for connector in ["of the ", "of our ", "of these ", "of those ", "of them were "] {
        if t[j..].starts_with(connector.as_bytes()) {
            j += connector.len();
            break;
        }
    }
    for _ in 0..3 {
        if let Some(e) = phrase_at(t, j, PERSON_NOUNS, true) {
            let possessive =
                t[e..].starts_with(b"'s") || t[e..].starts_with("’s".as_bytes()) || t[e..].starts_with(b"'");
            let compound = t.get(e) == Some(&b'-');
            // "two family hubs": a singular noun after a plural count is part of a compound.
            let noun = String::from_utf8_lossy(&t[j..e]).to_ascii_lowercase();
            let singular = SINGULAR_PEOPLE.contains(&noun.as_str()) || noun == "family" || noun == "household";
            return (!(possessive || compound || (singular && value > 1))).then_some(i..e);
        }
        let w = word_at(t, j);
        let word = String::from_utf8_lossy(&t[w.clone()]).into_owned();
        let plural_noun = word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("ous");
        if word.is_empty()
            || !word.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            || NOT_MODIFIERS.contains(&word.as_str())
            || plural_noun
            || word.bytes().any(|b| b.is_ascii_digit())
        {
            return None;
        }
        j = skip_space(t, w.end);
        if j == w.end {
            return None;
        }
    }
    None
}

/// "a 14-year-old girl", "the 15 year old": an age given to one person (not "5-year-olds").
fn year_old(t: &[u8], i: usize) -> Option<Range<usize>> {
    let (value, end) = number_at(t, i)?;
    if !(1..=25).contains(&value) && !t[i..end].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = &t[end..];
    let suffix = ["-year-old", " year old", " year-old", "-yr-old", "-month-old", " month old", "-week-old"]
        .iter()
        .find(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()))?;
    let e = end + suffix.len();
    if t.get(e).is_some_and(|b| *b == b's' || b.is_ascii_alphanumeric()) {
        return None;
    }
    // The person it describes ("14-year-old girl"), or it stands for them ("the 17-year-old
    // was placed"); not "the 2-year-old funding offer".
    let after = skip_space(t, e);
    if let Some(person) = phrase_at(t, after, SINGULAR_PEOPLE, true) {
        return Some(i..person);
    }
    const VERBS: &[&str] = &[
        "was",
        "is",
        "had",
        "has",
        "who",
        "told",
        "said",
        "did",
        "went",
        "lives",
        "lived",
        "remained",
        "remains",
        "and",
        "had",
        "says",
        "disclosed",
        "reported",
        "attends",
        "attended",
    ];
    let stands_alone = matches!(t.get(e), None | Some(b',' | b'.' | b';' | b':' | b')' | b'\''))
        || phrase_at(t, after, VERBS, true).is_some();
    stands_alone.then_some(i..e)
}

/// "Child X, aged 12", "Case A (aged 9)", "a girl aged 14", "Child B (12)".
fn case_age(t: &[u8], i: usize) -> Option<Range<usize>> {
    let label_end = if let Some(e) = phrase_at(t, i, CASE_LABELS, false) {
        // The label's letter or number: "Child X", "Sibling 2".
        if t.get(e) != Some(&b' ') {
            return None;
        }
        let w = word_at(t, e + 1);
        let id = &t[w.clone()];
        let ok = (id.len() == 1 && id[0].is_ascii_uppercase())
            || (!id.is_empty() && id.len() <= 2 && id.iter().all(u8::is_ascii_digit));
        if !ok {
            return None;
        }
        Some((w.end, true))
    } else if let Some(e) = phrase_at(t, i, SINGULAR_PEOPLE, true)
        && ["a", "an", "the", "one"].contains(&word_before(t, i).as_str())
    {
        Some((e, false))
    } else {
        None
    };
    let (mut j, labelled) = label_end?;
    while j < t.len() && matches!(t[j], b' ' | b',' | b'(') {
        j += 1;
    }
    let bracket = j > 0 && t[j - 1] == b'(';
    let aged = ["aged ", "age ", "age: "].iter().find(|a| t[j..].starts_with(a.as_bytes()));
    let k = match aged {
        Some(a) => j + a.len(),
        None if labelled && bracket => j,
        None => return None,
    };
    let (value, end) = number_at(t, k)?;
    if value > 120 || !(aged.is_some() || t.get(end) == Some(&b')')) {
        return None;
    }
    let end = if t.get(end) == Some(&b')') && bracket { end + 1 } else { end };
    Some(i..end)
}

const MONTHS: &[&str] = &[
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
];

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
                let e = phrase_at(t, j + 1, MONTHS, false)?;
                return month_year(t, e).map(|e| e - i);
            }
        }
        return None;
    }
    let e = phrase_at(t, i, MONTHS, false)?;
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
fn date_of_birth(t: &[u8], i: usize) -> Option<Range<usize>> {
    const KEYWORDS: &[&str] = &["born", "dob", "d.o.b", "d.o.b.", "date of birth", "birth date", "birthdate"];
    let k = phrase_at(t, i, KEYWORDS, true).or_else(|| {
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

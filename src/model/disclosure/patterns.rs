//! Finding personal data in one text: every detector, run at every word start, then overlaps
//! resolved so each stretch of text is reported once, under its most specific kind.

use std::ops::Range;

use super::ages::{SINGULAR_PEOPLE, case_age, year_old};
use super::dates::date_of_birth;
use super::numbers::{nhs_number, ni_number, phone, postcode};
use super::{DisclosureKind as K, ScanOptions};

/// One match in a text: its kind and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub kind: K,
    pub range: Range<usize>,
}

const PERSON_NOUNS: Phrases = Phrases::new(&[
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
]);

const NUMBER_WORDS: Phrases = Phrases::new(&[
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
]);

const TITLES: Phrases = Phrases::new(&["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"]);

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

pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub(super) fn word_start(t: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(t[i - 1])
}

pub(super) fn boundary_at(t: &[u8], i: usize) -> bool {
    t.get(i).is_none_or(|&b| !is_word_byte(b))
}

/// The ASCII word (letters, digits, inner hyphens and apostrophes) starting at `i`.
pub(super) fn word_at(t: &[u8], i: usize) -> Range<usize> {
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
pub(super) fn skip_space(t: &[u8], mut i: usize) -> usize {
    while t.get(i) == Some(&b' ') || t.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

/// A list of phrases, with the pairs of letters they start with: the check runs at every word of
/// every public print, and most words start no phrase of a list, so they are passed over at once.
pub(super) struct Phrases {
    pub list: &'static [&'static str],
    /// For each first byte's class ([`class`]), a bit for each second byte's class that some
    /// phrase starts with (either case); a one-letter phrase sets every bit.
    pairs: [u32; 28],
}

/// `a`–`z` (either case) are 0–25, a space 26, anything else 27.
const fn class(b: u8) -> usize {
    let lower = b.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        (lower - b'a') as usize
    } else if b == b' ' {
        26
    } else {
        27
    }
}

impl Phrases {
    pub(super) const fn new(list: &'static [&'static str]) -> Phrases {
        let mut pairs = [0u32; 28];
        let mut i = 0;
        while i < list.len() {
            let p = list[i].as_bytes();
            if p.len() == 1 {
                pairs[class(p[0])] = u32::MAX;
            } else if p.len() > 1 {
                pairs[class(p[0])] |= 1 << class(p[1]);
            }
            i += 1;
        }
        Phrases { list, pairs }
    }

    /// True if some phrase could start with the bytes of `t` at `i`.
    fn may_start_at(&self, t: &[u8], i: usize) -> bool {
        let Some(&first) = t.get(i) else { return false };
        let second = t.get(i + 1).map_or(27, |&b| class(b));
        self.pairs[class(first)] & (1 << second) != 0
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.list.contains(&word)
    }
}

/// A phrase from `list` at `i`, case-insensitively, ending at a word boundary; returns its end.
pub(super) fn phrase_at(t: &[u8], i: usize, list: &Phrases, ignore_case: bool) -> Option<usize> {
    if !list.may_start_at(t, i) {
        return None;
    }
    any_phrase_at(t, i, list, ignore_case)
}

/// [`phrase_at`] without the pair check: every phrase of the list is tried.
fn any_phrase_at(t: &[u8], i: usize, list: &Phrases, ignore_case: bool) -> Option<usize> {
    let first = *t.get(i)?;
    list.list
        .iter()
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
pub(super) fn number_at(t: &[u8], i: usize) -> Option<(u32, usize)> {
    let first = *t.get(i)?;
    if !first.is_ascii_digit() && !NUMBER_WORDS.may_start_at(t, i) {
        return None;
    }
    let n = t[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let w = i..i + n;
    let word = std::str::from_utf8(&t[w.clone()]).ok()?;
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return Some((word.parse().ok()?, w.end));
    }
    NUMBER_WORDS.list.iter().position(|n| n.eq_ignore_ascii_case(word)).map(|v| (v as u32, w.end))
}

/// The word before `i` (lower case), skipping spaces.
pub(super) fn word_before(t: &[u8], i: usize) -> String {
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
    const KEYWORDS: Phrases = Phrases::new(&[
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
    ]);
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
    if let Some(k) = phrase_at(t, i, &KEYWORDS, true) {
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
    let mut j = phrase_at(t, i, &TITLES, false)?;
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
        if let Some(e) = phrase_at(t, j, &PERSON_NOUNS, true) {
            let possessive =
                t[e..].starts_with(b"'s") || t[e..].starts_with("’s".as_bytes()) || t[e..].starts_with(b"'");
            let compound = t.get(e) == Some(&b'-');
            // "two family hubs": a singular noun after a plural count is part of a compound.
            let noun = String::from_utf8_lossy(&t[j..e]).to_ascii_lowercase();
            let singular = SINGULAR_PEOPLE.contains(noun.as_str()) || noun == "family" || noun == "household";
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_check_never_passes_over_a_phrase() {
        let lists: [&Phrases; 4] = [&PERSON_NOUNS, &TITLES, &NUMBER_WORDS, &super::super::ages::SINGULAR_PEOPLE];
        let mut text = String::new();
        for list in lists {
            for p in list.list {
                // As written, in capitals, run into a word, cut short, and at the very end.
                text.push_str(&format!("{p} {} {p}s {} x", p.to_uppercase(), &p[..p.len().min(2)]));
            }
        }
        text.push_str(" a I D. d.o.b: Mr");
        let t = text.as_bytes();
        for list in lists {
            for ignore_case in [true, false] {
                for i in 0..t.len() {
                    assert_eq!(
                        phrase_at(t, i, list, ignore_case),
                        any_phrase_at(t, i, list, ignore_case),
                        "at {i}: {:?}",
                        &text[i..]
                    );
                }
            }
        }
    }
}

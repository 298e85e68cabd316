//! Ages given to one person or case: "Child X, aged 12", "Case A (aged 9)", "a 14-year-old girl".
//! An age of a group ("children aged 10 to 17", "5-year-olds") is not reported.

use std::ops::Range;

use super::patterns::{Phrases, number_at, phrase_at, skip_space, word_at, word_before};

/// Singular people an age can be attached to ("a girl aged 14").
pub(super) const SINGULAR_PEOPLE: Phrases = Phrases::new(&[
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
]);

/// Labels that stand for one person or case: "Child X", "Case A", "Young person B", "Sibling 2".
pub(super) const CASE_LABELS: Phrases =
    Phrases::new(&["Child", "Case", "Young person", "Young Person", "Sibling", "Baby", "Person", "Adult"]);

/// "a 14-year-old girl", "the 15 year old": an age given to one person (not "5-year-olds").
pub(super) fn year_old(t: &[u8], i: usize) -> Option<Range<usize>> {
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
    if let Some(person) = phrase_at(t, after, &SINGULAR_PEOPLE, true) {
        return Some(i..person);
    }
    const VERBS: Phrases = Phrases::new(&[
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
    ]);
    let stands_alone = matches!(t.get(e), None | Some(b',' | b'.' | b';' | b':' | b')' | b'\''))
        || phrase_at(t, after, &VERBS, true).is_some();
    stands_alone.then_some(i..e)
}

/// "Child X, aged 12", "Case A (aged 9)", "a girl aged 14", "Child B (12)".
pub(super) fn case_age(t: &[u8], i: usize) -> Option<Range<usize>> {
    let label_end = if let Some(e) = phrase_at(t, i, &CASE_LABELS, false) {
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
    } else if let Some(e) = phrase_at(t, i, &SINGULAR_PEOPLE, true)
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

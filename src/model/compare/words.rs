//! The key words of a finding: lower-cased, stop words removed, lightly stemmed, so that
//! "Placement sufficiency is a pressure" and "placements were not sufficient" can be compared.

use std::collections::BTreeMap;

/// Words that say nothing about what a finding is about: English function words, and words every
/// review uses ("council", "should").
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "after",
    "all",
    "also",
    "always",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "do",
    "does",
    "each",
    "enough",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "how",
    "in",
    "into",
    "is",
    "it",
    "its",
    "less",
    "made",
    "make",
    "many",
    "may",
    "more",
    "most",
    "much",
    "must",
    "need",
    "needs",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "up",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "council",
    "councils",
    "county",
    "authority",
    "review",
    "team",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// A light English stemmer: enough to make plurals and simple verb forms meet
/// ("children's" → "children", "audited" → "audit", "placements" → "placement",
/// "agencies" → "agency"). Stems are never shorter than three letters.
pub fn stem(word: &str) -> String {
    let w = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word);
    let n = w.chars().count();
    let cut = |suffix: &str| -> Option<String> {
        let stem = w.strip_suffix(suffix)?;
        (stem.chars().count() >= 3).then(|| stem.to_owned())
    };
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.chars().count() >= 2) {
        return format!("{s}y");
    }
    if n > 4 && w.ends_with("sses") {
        return w[..w.len() - 2].to_owned();
    }
    for suffix in ["ingly", "edly", "ing", "ed", "ly"] {
        if let Some(s) = cut(suffix) {
            return undouble(&s);
        }
    }
    if !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && let Some(s) = cut("s")
    {
        return s;
    }
    w.to_owned()
}

/// "audited" → "audit" is fine, but "planned" → "plann" is not: undo a doubled final consonant.
fn undouble(stem: &str) -> String {
    let mut chars = stem.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a == b && !"aeioulsz".contains(a) => stem[..stem.len() - a.len_utf8()].to_owned(),
        _ => stem.to_owned(),
    }
}

/// The key words of a text: stem → the word as first written (lower case), in order of stem.
pub fn key_words(text: &str) -> BTreeMap<String, String> {
    let mut words = BTreeMap::new();
    let lower = text.to_lowercase().replace(['’', '‘'], "'");
    for raw in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let word = raw.trim_matches('\'');
        if word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit()) || is_stop_word(word) {
            continue;
        }
        let stemmed = stem(word);
        if is_stop_word(&stemmed) {
            continue;
        }
        let plain = word.strip_suffix("'s").unwrap_or(word).to_owned();
        words.entry(stemmed).or_insert(plain);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_verb_forms_meet() {
        assert_eq!(stem("placements"), "placement");
        assert_eq!(stem("children's"), "children");
        assert_eq!(stem("audited"), "audit");
        assert_eq!(stem("agencies"), "agency");
        assert_eq!(stem("planning"), "plan");
        assert_eq!(stem("planned"), "plan");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("focus"), "focus");
        assert_eq!(stem("red"), "red");
    }

    #[test]
    fn key_words_drop_stop_words_numbers_and_case() {
        let words = key_words("The Council should audit 24 of the children's files.");
        assert_eq!(words.keys().collect::<Vec<_>>(), ["audit", "children", "file"]);
        assert_eq!(words["children"], "children");
    }
}

//! `peerbrief compare OLD NEW`: "Since the last review" on the command line, as plain text or
//! (`--json`) for scripts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::FindingKind;
use crate::model::compare::{Comparison, Status, compare, same_council};
use crate::model::{Finding, Review};
use crate::store::load_review;

/// Loads both files, compares them and prints the result; exit 1 with the reason when a file
/// cannot be read or the two are reviews of different councils.
pub fn run(old: &Path, new: &Path, json: bool, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let load = |path: &Path| load_review(path).map(|l| l.review).map_err(|e| e.to_string());
    let (previous, current) = match (load(old), load(new)) {
        (Ok(p), Ok(c)) => (p, c),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(reason) = same_council(&previous, &current) {
        let _ = writeln!(err, "error: {}: cannot compare with {}: {reason}", old.display(), new.display());
        return ExitCode::FAILURE;
    }
    let comparison = compare(&previous, &current);
    let text = if json {
        to_json(&previous, &current, &comparison)
    } else {
        to_text(&previous, &current, &comparison, old, new)
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}

const KINDS: [(FindingKind, &str, &str); 2] = [
    (FindingKind::AreaForConsideration, "Areas for consideration", "areas_for_consideration"),
    (FindingKind::Strength, "Strengths", "strengths"),
];

fn themes(review: &Review, finding: &Finding) -> String {
    finding.themes.iter().map(|t| review.theme_label(t)).collect::<Vec<_>>().join("; ")
}

/// The comparison as plain text, one finding per block.
pub fn to_text(previous: &Review, current: &Review, comparison: &Comparison, old: &Path, new: &Path) -> String {
    let mut s = format!("Since the last review: {}\n", current.council);
    s += &format!(
        "  previous: {} ({})\n  current:  {} ({})\n",
        previous.title,
        old.display(),
        current.title,
        new.display()
    );
    if !comparison.themes_shared {
        s += "  (the two reviews share no theme, so findings are matched by wording alone)\n";
    }
    for (kind, heading, _) in KINDS {
        let k = comparison.of(kind);
        s += &format!(
            "\n{heading}: {} recurring, {} new, {} not raised again\n",
            k.recurring(),
            k.current.len() - k.recurring(),
            k.not_raised_again.len()
        );
        for item in &k.current {
            let f = &current.findings[item.index];
            s += &format!("  {:<17} {}\n", item.status.label(), f.text);
            s += &format!("  {:<17} theme: {}\n", "", themes(current, f));
            if let Status::Recurring { previous: p, shared, confirmed } = &item.status {
                s += &format!("  {:<17} previously: {}\n", "", previous.findings[*p].text);
                let why = if *confirmed { "confirmed by a person".to_owned() } else { String::new() };
                let words =
                    if shared.is_empty() { String::new() } else { format!("shared words: {}", shared.join(", ")) };
                let reason = [words, why].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join("; ");
                s += &format!("  {:<17} {reason}\n", "");
            }
            for p in &item.broken {
                s += &format!("  {:<17} match broken by a person with: {}\n", "", previous.findings[*p].text);
            }
        }
        for &p in &k.not_raised_again {
            let f = &previous.findings[p];
            s += &format!("  {:<17} {}\n", "not raised again", f.text);
            s += &format!("  {:<17} theme: {}\n", "", themes(previous, f));
        }
    }
    s
}

/// A JSON string literal with the escapes RFC 8259 requires.
pub fn json_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

fn json_list(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(", "))
}

/// The comparison as one JSON object:
/// `{"council", "previous", "current", "themes_shared", "areas_for_consideration": {...}, "strengths": {...}}`,
/// each kind with `current` (text, status, previous, shared_words, confirmed) and `not_raised_again` (texts).
pub fn to_json(previous: &Review, current: &Review, comparison: &Comparison) -> String {
    let mut kinds = Vec::new();
    for (kind, _, key) in KINDS {
        let k = comparison.of(kind);
        let items = k.current.iter().map(|item| {
            let text = json_string(&current.findings[item.index].text);
            match &item.status {
                Status::Recurring { previous: p, shared, confirmed } => format!(
                    "{{\"text\": {text}, \"status\": \"recurring\", \"previous\": {}, \"shared_words\": {}, \"confirmed\": {confirmed}}}",
                    json_string(&previous.findings[*p].text),
                    json_list(shared.iter().map(|w| json_string(w)))
                ),
                Status::New => format!("{{\"text\": {text}, \"status\": \"new\"}}"),
            }
        });
        let gone = k.not_raised_again.iter().map(|&p| json_string(&previous.findings[p].text));
        kinds.push(format!(
            "{}: {{\"current\": {}, \"not_raised_again\": {}}}",
            json_string(key),
            json_list(items),
            json_list(gone)
        ));
    }
    format!(
        "{{\"council\": {}, \"previous\": {}, \"current\": {}, \"themes_shared\": {}, {}}}\n",
        json_string(&current.council),
        json_string(&previous.title),
        json_string(&current.title),
        comparison.themes_shared,
        kinds.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(json_string("a \"b\" \\ c\nd\u{1}é’"), "\"a \\\"b\\\" \\\\ c\\nd\\u0001é’\"");
    }
}

//! Paragraph text: plain text with blank lines between paragraphs.

/// The paragraphs of a text field: split on blank lines, inner line breaks joined by a space,
/// empty paragraphs dropped. This is how every long field is typeset.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Placeholder text left over from a template ("XX xxx", "TBC", "[insert …]"), if any.
///
/// Returns the offending fragment so a warning can quote it.
pub fn placeholder_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for marker in ["[insert", "<insert", "lorem ipsum", "[tbc", "[date", "[name"] {
        if let Some(at) = lower.find(marker) {
            let end = text[at..].find([']', '>']).map_or(text.len().min(at + 30), |e| at + e + 1);
            return Some(text.get(at..end).unwrap_or(marker).to_owned());
        }
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '?')) {
        let is_x_run = word.len() >= 2 && word.chars().all(|c| c == 'x' || c == 'X');
        if is_x_run || matches!(word, "TBC" | "TBA" | "TBD" | "???") {
            return Some(word.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_on_blank_lines_and_joins_wrapped_lines() {
        let t = "First line\nwraps here.\n\n\n  Second.  \r\n\r\nThird";
        assert_eq!(paragraphs(t), vec!["First line wraps here.", "Second.", "Third"]);
        assert!(paragraphs("  \n\n ").is_empty());
    }

    #[test]
    fn finds_template_placeholders() {
        assert_eq!(placeholder_in("Meeting on XX xxx 2016").as_deref(), Some("XX"));
        assert_eq!(placeholder_in("Owner: TBC").as_deref(), Some("TBC"));
        assert_eq!(placeholder_in("See [insert link here] now").as_deref(), Some("[insert link here]"));
        assert_eq!(placeholder_in("Dear [Insert name"), Some("[Insert name".to_owned()));
        assert_eq!(placeholder_in("Worcestershire Safeguarding Children Board (WSCB)"), None);
        assert_eq!(placeholder_in("Box 2x and Xmas and exxon"), None);
    }
}

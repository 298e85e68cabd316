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
/// Returns the offending fragment so a warning can quote it. Validation runs this on every text
/// field, so it makes one pass over the bytes and allocates only for a hit (it was a third of
/// loading a 13 MB review when it lower-cased each text and searched it once per marker).
pub fn placeholder_in(text: &str) -> Option<String> {
    const MARKERS: [&str; 6] = ["[insert", "<insert", "lorem ipsum", "[tbc", "[date", "[name"];
    let bytes = text.as_bytes();
    // Words are runs of alphanumeric characters and '?'. Only all-ASCII words can be
    // placeholders, so non-ASCII characters are decoded only to tell letters from punctuation.
    let placeholder = |word: &[u8]| {
        (word.len() >= 2 && word.iter().all(|&c| c == b'x' || c == b'X'))
            || matches!(word, b"TBC" | b"TBA" | b"TBD" | b"???")
    };
    // The first place of each marker (ignoring ASCII case), and the first placeholder word.
    let mut found: [Option<usize>; 6] = [None; 6];
    let mut word_hit = None;
    let (mut start, mut ascii_word, mut at) = (0, true, 0);
    while at < bytes.len() {
        let b = bytes[at];
        if matches!(b, b'[' | b'<' | b'l' | b'L') {
            for (slot, marker) in found.iter_mut().zip(MARKERS) {
                if slot.is_none()
                    && bytes.get(at..at + marker.len()).is_some_and(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
                {
                    *slot = Some(at);
                }
            }
        }
        let (in_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'?', 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if in_word {
            ascii_word &= len == 1;
        } else {
            if word_hit.is_none() && ascii_word && placeholder(&bytes[start..at]) {
                word_hit = Some(start..at);
            }
            (start, ascii_word) = (at + len, true);
        }
        at += len;
    }
    if word_hit.is_none() && ascii_word && placeholder(&bytes[start..]) {
        word_hit = Some(start..bytes.len());
    }
    // Markers win over words, and markers earlier in the list over later ones.
    if let Some((at, marker)) = found.iter().zip(MARKERS).find_map(|(at, m)| at.map(|at| (at, m))) {
        let end = text[at..].find([']', '>']).map_or(text.len().min(at + 30), |e| at + e + 1);
        return Some(text.get(at..end).unwrap_or(marker).to_owned());
    }
    word_hit.map(|r| text[r].to_owned())
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
        // The earlier marker in the list wins over an earlier place in the text.
        assert_eq!(placeholder_in("Lorem ipsum dolor [INSERT name]").as_deref(), Some("[INSERT name]"));
        assert_eq!(placeholder_in("Text with Lorem Ipsum dolor sit").as_deref(), Some("Lorem Ipsum dolor sit"));
        // Non-ASCII text before a marker (byte offsets stay right).
        assert_eq!(placeholder_in("Siân’s note: [tbc]").as_deref(), Some("[tbc]"));
        // Words end at punctuation, ASCII or not; a non-ASCII letter is part of the word.
        assert_eq!(placeholder_in("Due: “TBA”").as_deref(), Some("TBA"));
        assert_eq!(placeholder_in("Ref xx–yy").as_deref(), Some("xx"));
        assert_eq!(placeholder_in("xxé and TBCé"), None);
        assert_eq!(placeholder_in("Ends with XXX").as_deref(), Some("XXX"));
        assert_eq!(placeholder_in("What???").as_deref(), None);
        assert_eq!(placeholder_in("What ???").as_deref(), Some("???"));
    }
}

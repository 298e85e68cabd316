//! Web and e-mail addresses in text become links: "https://…" and "www.…" open the page,
//! "name@council.gov.uk" starts an e-mail. Each is a Link element in the paragraph or list item
//! that holds it, with a link annotation over every line it spans.

use super::Composer;
use super::text::{Line, LineLink};
use crate::briefing::fonts::Fonts;
use crate::briefing::page::TextRun;
use crate::briefing::tags::{Detail, Role, Tag};

/// An address in cleaned text: byte range and what it opens.
#[derive(Debug, PartialEq)]
struct Address {
    start: usize,
    end: usize,
    uri: String,
    /// The annotation's description, read by a screen reader.
    contents: String,
}

/// Addresses in text whose words are separated by single spaces. Brackets and punctuation
/// around an address are not part of it.
fn addresses(text: &str) -> Vec<Address> {
    let mut out = Vec::new();
    let mut offset = 0;
    for word in text.split(' ') {
        let start_word = offset;
        offset += word.len() + 1;
        let trimmed_start = word.trim_start_matches(['(', '[', '<', '“', '"', '\'']);
        let core = trimmed_start.trim_end_matches([')', ']', '>', '.', ',', ';', ':', '”', '"', '\'', '!', '?']);
        if core.is_empty() {
            continue;
        }
        let start = start_word + (word.len() - trimmed_start.len());
        let end = start + core.len();
        let lower = core.to_ascii_lowercase();
        let (uri, contents) = if lower.starts_with("https://") || lower.starts_with("http://") {
            (core.to_owned(), format!("Web page: {core}"))
        } else if lower.starts_with("www.") && core.len() > 4 {
            (format!("https://{core}"), format!("Web page: {core}"))
        } else if is_email(core) {
            (format!("mailto:{core}"), format!("Email {core}"))
        } else {
            continue;
        };
        out.push(Address { start, end, uri, contents });
    }
    out
}

fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else { return false };
    let ok = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '\'');
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(ok)
        && domain.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

impl Composer {
    /// Makes the addresses in `text` links, splitting the runs of `lines` (just wrapped from
    /// `text`, one run each) so each address is a run of its own; the page looks the same.
    pub(crate) fn link_addresses(&mut self, text: &str, lines: &mut [Line]) {
        if !(text.contains('@') || text.contains("http") || text.contains("www.")) {
            return;
        }
        let clean = self.clean(text);
        let found = addresses(&clean);
        if found.is_empty() {
            return;
        }
        let fonts = Fonts::get();
        let mut elements: Vec<Option<Tag>> = vec![None; found.len()];
        let mut pos = 0;
        for line in lines.iter_mut() {
            let [run] = line.runs.as_slice() else { return };
            while clean[pos..].starts_with(' ') {
                pos += 1;
            }
            if !clean[pos..].starts_with(run.text.as_str()) {
                return; // not the text these lines were wrapped from
            }
            let (start, end) = (pos, pos + run.text.len());
            pos = end;
            let mut cuts = vec![start];
            for a in found.iter().filter(|a| a.start < end && a.end > start) {
                cuts.push(a.start.max(start));
                cuts.push(a.end.min(end));
            }
            if cuts.len() == 1 {
                continue;
            }
            cuts.push(end);
            cuts.dedup();
            let run = run.clone();
            let parent = match line.tag {
                Some(Tag::Elem(e)) => e,
                _ => self.open_element(),
            };
            let mut runs = Vec::with_capacity(cuts.len());
            // Where a reader draws a piece's first glyph within the unsplit run.
            let at = |i: usize| run.x + fonts.pdf_width(run.style, run.size, &clean[start..i]);
            for w in cuts.windows(2) {
                let piece = &clean[w[0]..w[1]];
                let x = at(w[0]);
                // Pieces meet exactly and together keep the run's measured width.
                let width = if w[1] == end { run.x + run.width - x } else { at(w[1]) - x };
                if let Some(k) = found.iter().position(|a| a.start <= w[0] && w[1] <= a.end) {
                    let tag = *elements[k].get_or_insert_with(|| {
                        let detail = Detail::Contents(found[k].contents.clone());
                        Tag::Elem(self.element_in(parent, Role::Link, detail))
                    });
                    line.links.push(LineLink { run: runs.len(), x, width, uri: found[k].uri.clone(), tag });
                }
                runs.push(TextRun { x, text: piece.to_owned(), width, ..run.clone() });
            }
            line.runs = runs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::compose::{Style, test_composer, wrap_clean};

    #[test]
    fn web_and_email_addresses_are_found_without_their_brackets() {
        let found = addresses("See (https://example.gov.uk/a-b). Mail j.bloggs@worcs.gov.uk, or www.lga.gov.uk.");
        let uris: Vec<&str> = found.iter().map(|a| a.uri.as_str()).collect();
        assert_eq!(uris, ["https://example.gov.uk/a-b", "mailto:j.bloggs@worcs.gov.uk", "https://www.lga.gov.uk"]);
        assert!(addresses("no @ here, nor a@b, nor @x.y").is_empty());
    }

    #[test]
    fn an_address_split_over_lines_is_one_link_with_an_area_on_each_line() {
        let mut c = test_composer();
        let text = "Papers: https://www.worcestershire.gov.uk/cms/democratic-services/minutes-and-agendas.aspx today";
        let mut lines = wrap_clean(text, Style::BODY, 10.0, 150.0, 0.0, 0.0);
        let before: Vec<(f32, String)> = lines.iter().map(|l| (l.runs[0].x, l.runs[0].text.clone())).collect();
        c.link_addresses(text, &mut lines);
        let links: Vec<&LineLink> = lines.iter().flat_map(|l| &l.links).collect();
        assert!(links.len() >= 2, "{links:?}");
        assert!(links.iter().all(|l| l.tag == links[0].tag), "one Link element");
        // The text and where it starts on each line are unchanged.
        for (l, (x, t)) in lines.iter().zip(before) {
            let joined: String = l.runs.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(joined, t);
            assert!((l.runs[0].x - x).abs() < 0.001);
            for w in l.runs.windows(2) {
                assert!((w[0].x + w[0].width - w[1].x).abs() < 0.001, "pieces meet: {w:?}");
            }
        }
        let Tag::Elem(e) = links[0].tag else { panic!("an element") };
        assert_eq!(c.structure.role(e), Some(Role::Link));
    }
}

//! Text: cleaning (NFC, control characters, glyph coverage), styles, runs, and greedy wrapping
//! with measured widths.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{ASCENT, BODY_SIZE, Composer, DESCENT, LEADING};
use crate::briefing::fonts::{FontStyle, Fonts};
use crate::briefing::page::{Colour, TextRun};
use crate::briefing::tags::Tag;

/// One laid-out line: runs relative to the line's top, and its height.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    pub(crate) runs: Vec<TextRun>,
    pub(crate) height: f32,
    /// The structure element the runs belong to; `None`: whatever is open when it is placed.
    pub(crate) tag: Option<Tag>,
    /// The first run's element instead, when that run is a list item's bullet or letter.
    pub(crate) marker: Option<Tag>,
    /// Web and e-mail addresses in the line (usually none: no allocation).
    pub(crate) links: Vec<LineLink>,
}

/// An address inside a line: run `run` is its text, drawn from `x` for `width` points.
#[derive(Clone, Debug)]
pub(crate) struct LineLink {
    pub(crate) run: usize,
    pub(crate) x: f32,
    pub(crate) width: f32,
    pub(crate) uri: String,
    /// Its Link element.
    pub(crate) tag: Tag,
}

impl Line {
    /// An empty line: vertical space.
    pub(crate) fn space(height: f32) -> Line {
        Line { height, ..Line::default() }
    }

    /// The tag of run `i`.
    pub(crate) fn tag_of(&self, i: usize) -> Option<Tag> {
        if i == 0 && self.marker.is_some() {
            return self.marker;
        }
        match self.links.iter().find(|l| l.run == i) {
            Some(l) => Some(l.tag),
            None => self.tag,
        }
    }

    /// Puts a run (a paragraph number) first, read with the line's text.
    pub(crate) fn prepend(&mut self, run: TextRun) {
        self.runs.insert(0, run);
        for l in &mut self.links {
            l.run += 1;
        }
    }

    /// Puts a marker run (bullet, number, letter) first, tagged `marker` (a `Lbl`).
    pub(crate) fn with_marker(&mut self, run: TextRun, marker: Option<Tag>) {
        self.prepend(run);
        self.marker = marker;
    }
}

/// A piece of styled text for wrapping.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) style: FontStyle,
    pub(crate) size: f32,
    pub(crate) colour: Colour,
}

impl Style {
    pub(crate) const BODY: Style = Style { style: FontStyle::Regular, size: BODY_SIZE, colour: Colour::TEXT };
    pub(crate) const BOLD: Style = Style { style: FontStyle::Bold, size: BODY_SIZE, colour: Colour::TEXT };
    pub(crate) const ITALIC: Style = Style { style: FontStyle::Italic, size: BODY_SIZE, colour: Colour::TEXT };

    pub(crate) const fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }

    pub(super) fn line_height(self) -> f32 {
        self.size * LEADING
    }

    pub(super) fn baseline(self) -> f32 {
        (self.line_height() - self.size * (ASCENT + DESCENT)) / 2.0 + self.size * ASCENT
    }
}

impl Style {
    pub(crate) fn with_colour(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }
}

impl Composer {
    /// NFC-normalises text, drops control characters and replaces characters the fonts cannot
    /// draw with a visible U+FFFD (or "?"), reporting each one. Runs of whitespace become one space.
    pub(crate) fn clean(&mut self, text: &str) -> String {
        let fonts = Fonts::get();
        let replacement = if fonts.covers('\u{FFFD}') { '\u{FFFD}' } else { '?' };
        let mut out = String::with_capacity(text.len());
        let mut last_space = false;
        // Text already in NFC (all ASCII text, and most of the rest: a curly apostrophe does not
        // change that) skips the normaliser, which was a tenth of a pack's layout.
        let chars: Box<dyn Iterator<Item = char>> =
            if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
                Box::new(text.chars())
            } else {
                Box::new(text.nfc())
            };
        for c in chars {
            // Every face draws every printable ASCII character (tested in fonts.rs): most
            // characters need no look-up in the four faces.
            if c.is_ascii_graphic() {
                out.push(c);
                last_space = false;
                continue;
            }
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            last_space = false;
            if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{FEFF}') {
                self.warn(format!("invisible control character U+{:04X} removed", c as u32));
                continue;
            }
            if fonts.covers(c) {
                out.push(c);
            } else {
                self.warn(format!(
                    "the PDF font cannot draw {c:?} (U+{:04X}); it is printed as {replacement}",
                    c as u32
                ));
                out.push(replacement);
            }
        }
        out.trim().to_owned()
    }

    /// Wraps cleaned text into lines no wider than `width`, with the first line indented by
    /// `first_indent` and the rest by `indent` (both relative to `x`). Words wider than a line
    /// are broken between characters rather than overflowing.
    pub(crate) fn wrap(
        &mut self,
        text: &str,
        style: Style,
        x: f32,
        width: f32,
        first_indent: f32,
        indent: f32,
    ) -> Vec<Line> {
        let text = self.clean(text);
        wrap_clean(&text, style, x, width, first_indent, indent)
    }
}

/// A single run at (x, baseline) relative to its line.
pub(crate) fn run(text: &str, style: Style, x: f32, baseline: f32) -> TextRun {
    TextRun {
        x,
        y: baseline,
        style: style.style,
        size: style.size,
        colour: style.colour,
        text: text.to_owned(),
        width: Fonts::get().width(style.style, style.size, text),
    }
}

/// A line holding one run at `x`.
pub(crate) fn single_line(text: &str, style: Style, x: f32) -> Line {
    Line { runs: vec![run(text, style, x, style.baseline())], height: style.line_height(), ..Line::default() }
}

/// Greedy wrapping of already-cleaned text (see [`Composer::wrap`]).
pub(crate) fn wrap_clean(text: &str, style: Style, x: f32, width: f32, first_indent: f32, indent: f32) -> Vec<Line> {
    let fonts = Fonts::get();
    let space = fonts.char_width(style.style, style.size, ' ');
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_w = 0.0;
    let limit = |lines: &Vec<Line>| width - if lines.is_empty() { first_indent } else { indent };
    let flush = |lines: &mut Vec<Line>, current: &mut String| {
        let at = x + if lines.is_empty() { first_indent } else { indent };
        lines.push(single_line(current, style, at));
        current.clear();
    };
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = fonts.width(style.style, style.size, word);
        if !current.is_empty() && current_w + space + w <= limit(&lines) + 0.01 {
            current.push(' ');
            current.push_str(word);
            current_w += space + w;
            continue;
        }
        if !current.is_empty() {
            flush(&mut lines, &mut current);
            current_w = 0.0;
        }
        if w <= limit(&lines) + 0.01 {
            current.push_str(word);
            current_w = w;
            continue;
        }
        // A word longer than the line: break it, after a "/" or "-" where possible (URLs),
        // otherwise between characters.
        let mut last_break: Option<usize> = None;
        for c in word.chars() {
            let cw = fonts.char_width(style.style, style.size, c);
            // Twice at most: once at the last break opportunity, then (if the carried-over
            // part plus this character still do not fit) between characters.
            while !current.is_empty() && current_w + cw > limit(&lines) + 0.01 {
                let rest = match last_break {
                    Some(at) if at < current.len() => current.split_off(at),
                    _ => String::new(),
                };
                flush(&mut lines, &mut current);
                current = rest;
                current_w = fonts.width(style.style, style.size, &current);
                last_break = None;
            }
            current.push(c);
            current_w += cw;
            if matches!(c, '/' | '-' | '–' | '_' | '?' | '&' | '=') {
                last_break = Some(current.len());
            }
        }
    }
    if !current.is_empty() {
        flush(&mut lines, &mut current);
    }
    lines
}

/// Shortens text with "…" so it fits `width`.
pub(crate) fn fit_with_ellipsis(text: &str, style: Style, width: f32) -> String {
    let fonts = Fonts::get();
    if fonts.width(style.style, style.size, text) <= width {
        return text.to_owned();
    }
    let ell = fonts.char_width(style.style, style.size, '…');
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = fonts.char_width(style.style, style.size, c);
        if w + cw + ell > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::compose::test_composer as composer;

    #[test]
    fn clean_normalises_to_nfc_and_collapses_whitespace() {
        let mut c = composer();
        assert_eq!(c.clean("Cafe\u{301}  and\tW\u{302}\n"), "Café and Ŵ");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn clean_reports_each_problem_once_per_place() {
        let mut c = composer();
        c.place = "Summary".into();
        let out = c.clean("a\u{200B}b \u{1F600} \u{1F600}");
        assert_eq!(
            out,
            "ab \u{FFFD} \u{FFFD}".replace('\u{FFFD}', if Fonts::get().covers('\u{FFFD}') { "\u{FFFD}" } else { "?" })
        );
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        assert!(c.warnings.iter().all(|w| w.place == "Summary"));
    }

    #[test]
    fn wrapping_fills_lines_without_exceeding_the_width_and_breaks_long_words() {
        let width = 200.0;
        let text = format!("{} {}", "word ".repeat(60), "X".repeat(300));
        let lines = wrap_clean(&text, Style::BODY, 10.0, width, 20.0, 5.0);
        assert!(lines.len() > 10);
        for (i, l) in lines.iter().enumerate() {
            let r = &l.runs[0];
            let indent = if i == 0 { 20.0 } else { 5.0 };
            assert!((r.x - (10.0 + indent)).abs() < 0.01);
            assert!(r.x + r.width <= 10.0 + width + 0.01, "line {i} too wide: {}", r.width);
        }
        let joined: String = lines.iter().map(|l| l.runs[0].text.replace(' ', "")).collect();
        assert_eq!(joined.matches('X').count(), 300, "nothing lost when breaking a long word");
        // Greedy fill: a line plus the next word would not have fitted.
        let fonts = Fonts::get();
        let first = &lines[1].runs[0].text;
        assert!(fonts.width(FontStyle::Regular, BODY_SIZE, &format!("{first} word")) > width - 5.0);
    }

    proptest::proptest! {
        #[test]
        fn wrapped_lines_fit_and_keep_every_character(text in "[a-zA-Z’£ŵ/ -]{0,400}", width in 20.0f32..400.0) {
            let clean = composer().clean(&text);
            let lines = wrap_clean(&clean, Style::BODY, 0.0, width, 0.0, 0.0);
            for l in &lines {
                let r = &l.runs[0];
                proptest::prop_assert!(r.width <= width + 0.01 || r.text.chars().count() == 1);
            }
            let kept: String = lines.iter().flat_map(|l| l.runs[0].text.chars()).filter(|c| *c != ' ').collect();
            let wanted: String = clean.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, wanted);
        }
    }

    #[test]
    fn long_urls_break_after_a_slash_where_they_can() {
        let url = "https://www.worcestershire.gov.uk/cms/democratic-services/minutes-and-agendas.aspx";
        let lines = wrap_clean(url, Style::BODY, 0.0, 150.0, 0.0, 0.0);
        assert!(lines.len() > 1);
        let texts: Vec<&str> = lines.iter().map(|l| l.runs[0].text.as_str()).collect();
        assert_eq!(texts.concat(), url);
        for t in &texts[..texts.len() - 1] {
            assert!(t.ends_with(['/', '-']), "{texts:?}");
        }
    }

    #[test]
    fn ellipsis_keeps_footer_text_inside_its_space() {
        let style = Style::BODY.sized(8.5);
        let long = "A very long committee name ".repeat(10);
        let short = fit_with_ellipsis(&long, style, 100.0);
        assert!(short.ends_with('…'));
        assert!(Fonts::get().width(style.style, style.size, &short) <= 100.0);
        assert_eq!(fit_with_ellipsis("Panel", style, 100.0), "Panel");
    }
}

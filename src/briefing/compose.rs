//! The page composer: wraps text with measured widths and places blocks on A4 pages with the
//! council report's grid (side headings in a left column, numbered paragraphs on the right),
//! keeping headings with their text and avoiding widow and orphan lines.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::fonts::{FontStyle, Fonts};
use super::page::{Colour, Item, Layout, LayoutWarning, MM, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, Page, TextRun};
use crate::model::ProtectiveMarking;

pub(crate) const MARGIN_LEFT: f32 = 20.0 * MM;
pub(crate) const MARGIN_RIGHT: f32 = 20.0 * MM;
pub(crate) const BODY_TOP: f32 = 24.0 * MM;
pub(crate) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 24.0 * MM;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Width of the side-heading column, as in printed council reports.
pub(crate) const SIDE_COLUMN: f32 = 42.0 * MM;
pub(crate) const TEXT_X: f32 = MARGIN_LEFT + SIDE_COLUMN;
pub(crate) const TEXT_WIDTH: f32 = CONTENT_WIDTH - SIDE_COLUMN;
/// Hanging indent of a numbered paragraph's text after its number.
pub(crate) const NUMBER_INDENT: f32 = 8.0 * MM;
pub(crate) const BODY_SIZE: f32 = 11.0;
pub(crate) const LEADING: f32 = 1.32;
const ASCENT: f32 = 0.905;
const DESCENT: f32 = 0.212;
const CELL_PAD: f32 = 4.0;

/// What the header and footer of a page say.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Running {
    pub marking: ProtectiveMarking,
    pub meeting: String,
}

/// One laid-out line: runs relative to the line's top, and its height.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    pub runs: Vec<TextRun>,
    pub height: f32,
}

impl Line {
    fn shifted(&self, top: f32) -> Vec<Item> {
        self.runs.iter().map(|r| Item::Text(TextRun { y: r.y + top, ..r.clone() })).collect()
    }
}

/// A piece of styled text for wrapping.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub style: FontStyle,
    pub size: f32,
    pub colour: Colour,
}

impl Style {
    pub const BODY: Style = Style { style: FontStyle::Regular, size: BODY_SIZE, colour: Colour::TEXT };
    pub const BOLD: Style = Style { style: FontStyle::Bold, size: BODY_SIZE, colour: Colour::TEXT };
    pub const ITALIC: Style = Style { style: FontStyle::Italic, size: BODY_SIZE, colour: Colour::TEXT };

    pub fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }

    fn line_height(self) -> f32 {
        self.size * LEADING
    }

    fn baseline(self) -> f32 {
        (self.line_height() - self.size * (ASCENT + DESCENT)) / 2.0 + self.size * ASCENT
    }
}

/// A block of lines to place: optional side heading, lines, and where it may break.
#[derive(Default)]
pub(crate) struct Block {
    pub side: Vec<Line>,
    pub lines: Vec<Line>,
    /// Lines at the start that must stay on one page (a heading plus the first two lines).
    pub keep_first: usize,
    pub space_before: f32,
    pub outline: Option<(String, u8)>,
}

/// A table column: header text and width in points.
pub(crate) struct Column {
    pub header: String,
    pub width: f32,
}

/// A table row: a shaded band across all columns (a theme), or one cell per column.
pub(crate) enum Row {
    Band(String),
    Cells(Vec<Vec<CellPara>>),
}

/// A paragraph inside a cell, optionally bulleted.
pub(crate) struct CellPara {
    pub text: String,
    pub bullet: bool,
}

/// Places content page by page. One composer makes a whole briefing or a whole pack, so page
/// numbers and bookmarks run on across items.
pub(crate) struct Composer {
    pub pages: Vec<Page>,
    running: Vec<Running>,
    pub outline: Vec<OutlineEntry>,
    warnings: Vec<LayoutWarning>,
    seen_warnings: HashSet<(String, String)>,
    pub y: f32,
    current: Running,
    /// Added to every outline level (1 inside a pack, where level 0 is the agenda item).
    pub outline_base: u8,
    /// Last paragraph number used; reports number paragraphs continuously.
    pub paragraph: u32,
    /// Where warnings say the text came from.
    pub place: String,
    /// Put before `place` in warnings: "Agenda item 4: " inside a pack.
    pub place_prefix: String,
}

impl Composer {
    pub fn new(running: Running) -> Composer {
        Composer {
            pages: Vec::new(),
            running: Vec::new(),
            outline: Vec::new(),
            warnings: Vec::new(),
            seen_warnings: HashSet::new(),
            y: BODY_TOP,
            current: running,
            outline_base: 0,
            paragraph: 0,
            place: String::new(),
            place_prefix: String::new(),
        }
    }

    /// A composer on a fresh page with the same settings, to measure how many pages something takes.
    pub fn scratch(&self) -> Composer {
        let mut c = Composer::new(self.current.clone());
        c.outline_base = self.outline_base;
        c.new_page();
        c
    }

    pub fn set_running(&mut self, running: Running) {
        self.current = running;
    }

    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.running.push(self.current.clone());
        self.y = BODY_TOP;
    }

    /// Starts a new page unless the current one is still empty.
    pub fn fresh_page(&mut self) {
        if self.pages.is_empty() || self.y > BODY_TOP + 0.5 {
            self.new_page();
        }
    }

    fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.5
    }

    pub fn push(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if let Some(p) = self.pages.last_mut() {
            p.items.push(item);
        }
    }

    pub fn warn(&mut self, message: String) {
        let place = format!("{}{}", self.place_prefix, self.place);
        if self.seen_warnings.insert((place.clone(), message.clone())) {
            self.warnings.push(LayoutWarning { place, message });
        }
    }

    pub fn add_outline(&mut self, title: &str, level: u8) {
        let title = self.clean(title);
        if self.pages.is_empty() {
            self.new_page();
        }
        self.outline.push(OutlineEntry { title, level: level + self.outline_base, page: self.page_index(), y: self.y });
    }

    /// NFC-normalises text, drops control characters and replaces characters the fonts cannot
    /// draw with a visible U+FFFD (or "?"), reporting each one. Runs of whitespace become one space.
    pub fn clean(&mut self, text: &str) -> String {
        let fonts = Fonts::get();
        let replacement = if fonts.covers('\u{FFFD}') { '\u{FFFD}' } else { '?' };
        let mut out = String::with_capacity(text.len());
        let mut last_space = false;
        for c in text.nfc() {
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
    pub fn wrap(&mut self, text: &str, style: Style, x: f32, width: f32, first_indent: f32, indent: f32) -> Vec<Line> {
        let text = self.clean(text);
        wrap_clean(&text, style, x, width, first_indent, indent)
    }

    /// Places a block, breaking it across pages without leaving fewer than two lines at the
    /// foot or the head of a page, and keeping any side heading with at least two of its lines.
    pub fn place(&mut self, block: Block) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let Block { side, lines, keep_first, space_before, outline } = block;
        if !self.at_top() {
            self.y += space_before;
        }
        let side_height: f32 = side.iter().map(|l| l.height).sum();
        let mut rest: &[Line] = &lines;
        let mut first = true;
        loop {
            let room = BODY_BOTTOM - self.y;
            let n = rest.len();
            let mut fit = 0;
            let mut used = 0.0;
            for l in rest {
                if used + l.height > room + 0.01 {
                    break;
                }
                used += l.height;
                fit += 1;
            }
            let needs_side = first && side_height > room + 0.01;
            let keep = if first { keep_first.max(2).min(n) } else { 2.min(n) };
            let mut take = fit;
            if fit < n {
                // Widow: leave at least two lines for the next page.
                if n - take < 2 {
                    take = n.saturating_sub(2);
                }
                if n <= 3 {
                    take = 0;
                }
            }
            if (take < keep || needs_side) && take < n && !self.at_top() {
                self.new_page();
                continue;
            }
            if take == 0 {
                // A fresh page that cannot hold even the kept lines: place what fits, at least one.
                take = fit.max(1).min(n);
            }
            if first {
                if let Some((title, level)) = &outline {
                    self.add_outline(title, *level);
                }
                let top = self.y;
                let mut y = top;
                let mut cut = false;
                for l in &side {
                    // A side heading longer than a whole page (a runaway title) is cut at the
                    // foot of the page rather than drawn off it, and reported.
                    if y + l.height > BODY_BOTTOM + 0.01 {
                        cut = true;
                        break;
                    }
                    for item in l.shifted(y) {
                        self.push(item);
                    }
                    y += l.height;
                }
                if cut {
                    self.warn("a side heading is too long for the page and was cut short; shorten it".into());
                }
                first = false;
            }
            for l in &rest[..take] {
                let top = self.y;
                for item in l.shifted(top) {
                    self.push(item);
                }
                self.y += l.height;
            }
            rest = &rest[take..];
            if rest.is_empty() {
                break;
            }
            self.new_page();
        }
        if side_height > 0.0 {
            // A side heading taller than its text still must not collide with the next block.
            let side_bottom = self.pages.last().map_or(self.y, |p| {
                p.texts().filter(|t| t.x < TEXT_X - 1.0).map(|t| t.y + t.size * DESCENT).fold(self.y, f32::max)
            });
            self.y = self.y.max(side_bottom);
        }
    }

    /// Places lines that must stay on one page together (headings, title blocks).
    pub fn place_together(&mut self, lines: Vec<Line>) {
        let keep = lines.len();
        self.place(Block { lines, keep_first: keep, ..Block::default() });
    }

    /// A full-width 1 pt rule at the current position (under title blocks).
    pub fn full_width_rule(&mut self) {
        let y = self.y;
        self.push(Item::Rule {
            x1: MARGIN_LEFT,
            y1: y,
            x2: MARGIN_LEFT + CONTENT_WIDTH,
            y2: y,
            width: 1.0,
            colour: Colour::TEXT,
        });
    }

    /// Vertical space, dropped at the top of a page.
    pub fn gap(&mut self, points: f32) {
        if !self.at_top() {
            self.y += points;
        }
    }

    /// A table that splits between lines of a row, repeating its header on every page.
    pub fn table(&mut self, columns: &[Column], rows: &[Row], place: &str) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let x0 = MARGIN_LEFT;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let style = Style::BODY.sized(9.5);
        let lh = style.line_height();
        let header_cells: Vec<Vec<Line>> = columns
            .iter()
            .map(|c| self.wrap(&c.header, Style::BOLD.sized(9.5), 0.0, c.width - 2.0 * CELL_PAD, 0.0, 0.0))
            .collect();
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(1);
        let header_h = header_lines as f32 * lh + 2.0 * CELL_PAD;
        let mut header_on_page: Option<usize> = None;
        let saved_place = std::mem::replace(&mut self.place, place.to_owned());
        let mut row_index = 0;
        while row_index < rows.len() {
            // Lay out the row and, for a band, the first lines of the row it introduces.
            let (cells, band): (Vec<Vec<Line>>, bool) = match &rows[row_index] {
                Row::Band(text) => {
                    (vec![self.wrap(text, Style::BOLD.sized(9.5), 0.0, total - 2.0 * CELL_PAD, 0.0, 0.0)], true)
                }
                Row::Cells(cells) => {
                    let mut out = Vec::new();
                    for (col, paras) in columns.iter().zip(cells) {
                        let mut lines = Vec::new();
                        for p in paras {
                            let w = col.width - 2.0 * CELL_PAD;
                            if p.bullet {
                                let mut ls = self.wrap(&p.text, style, 0.0, w, 9.0, 9.0);
                                if let Some(first) = ls.first_mut() {
                                    first.runs.push(run("•", style, 0.0, style.baseline()));
                                }
                                lines.extend(ls);
                            } else {
                                lines.extend(self.wrap(&p.text, style, 0.0, w, 0.0, 0.0));
                            }
                        }
                        if lines.is_empty() {
                            lines.push(Line { runs: Vec::new(), height: lh });
                        }
                        out.push(lines);
                    }
                    (out, false)
                }
            };
            let n = cells.iter().map(Vec::len).max().unwrap_or(1);
            let mut start = 0;
            while start < n {
                let need_header = header_on_page != Some(self.page_index());
                let head = if need_header { header_h } else { 0.0 };
                let room = BODY_BOTTOM - self.y - head - 2.0 * CELL_PAD;
                let fit = ((room + 0.01) / lh).floor().max(0.0) as usize;
                let remaining = n - start;
                // A band must come with two lines of the row after it.
                let band_extra = if band { 2.0 * lh + 2.0 * CELL_PAD } else { 0.0 };
                let mut take = remaining.min(fit);
                if take < remaining && remaining - take < 2 && remaining > 2 {
                    take = remaining - 2;
                }
                let too_small = take < remaining.min(2) || (band && room - (take as f32) * lh < band_extra);
                if too_small && !(self.at_top() || (need_header && self.y <= BODY_TOP + 0.5)) {
                    self.new_page();
                    continue;
                }
                let take = take.max(1);
                if need_header {
                    self.table_row(x0, columns, &header_cells, 0, header_lines, lh, Some(Colour::BAND));
                    header_on_page = Some(self.page_index());
                }
                if band {
                    let cols = [Column { header: String::new(), width: total }];
                    self.table_row(x0, &cols, &cells, start, take, lh, Some(Colour::SHADE));
                } else {
                    self.table_row(x0, columns, &cells, start, take, lh, None);
                }
                start += take;
                if start < n {
                    self.new_page();
                }
            }
            row_index += 1;
        }
        self.place = saved_place;
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        x0: f32,
        columns: &[Column],
        cells: &[Vec<Line>],
        start: usize,
        count: usize,
        lh: f32,
        fill: Option<Colour>,
    ) {
        let top = self.y;
        let height = count as f32 * lh + 2.0 * CELL_PAD;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        if let Some(fill) = fill {
            self.push(Item::Rect { x: x0, y: top, width: total, height, fill });
        }
        let mut x = x0;
        for (col, lines) in columns.iter().zip(cells) {
            let mut y = top + CELL_PAD;
            for l in lines.iter().skip(start).take(count) {
                for run in &l.runs {
                    self.push(Item::Text(TextRun { x: run.x + x + CELL_PAD, y: run.y + y, ..run.clone() }));
                }
                y += lh;
            }
            x += col.width;
        }
        let rule = |x1, y1, x2, y2| Item::Rule { x1, y1, x2, y2, width: 0.5, colour: Colour::RULE };
        self.push(rule(x0, top, x0 + total, top));
        self.push(rule(x0, top + height, x0 + total, top + height));
        let mut x = x0;
        self.push(rule(x, top, x, top + height));
        for col in columns {
            x += col.width;
            self.push(rule(x, top, x, top + height));
        }
        self.y = top + height;
    }

    /// Adds the header and footer to every page and returns the finished layout.
    pub fn finish(mut self, title: String, author: String, subject: String) -> Layout {
        let total = self.pages.len();
        for (i, (page, running)) in self.pages.iter_mut().zip(&self.running).enumerate() {
            decorate(page, running, i + 1, total);
        }
        Layout { pages: self.pages, outline: self.outline, warnings: self.warnings, title, author, subject }
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
    Line { runs: vec![run(text, style, x, style.baseline())], height: style.line_height() }
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

/// Header and footer: marking centred top and bottom, meeting on the left, "Page X of Y" on the right.
fn decorate(page: &mut Page, running: &Running, number: usize, total: usize) {
    let fonts = Fonts::get();
    let marking = running.marking.label();
    let bold = Style::BOLD.sized(10.0);
    let small = Style::BODY.sized(8.5).with_colour(Colour::MUTED);
    let mw = fonts.width(FontStyle::Bold, 10.0, marking);
    let centre = (PAGE_WIDTH - mw) / 2.0;
    page.items.push(Item::Text(run(marking, bold, centre, 12.0 * MM)));
    page.items.push(Item::Text(run(marking, bold, centre, PAGE_HEIGHT - 8.0 * MM)));
    let footer_y = PAGE_HEIGHT - 15.0 * MM;
    page.items.push(Item::Rule {
        x1: MARGIN_LEFT,
        y1: footer_y - 4.0 * MM,
        x2: PAGE_WIDTH - MARGIN_RIGHT,
        y2: footer_y - 4.0 * MM,
        width: 0.5,
        colour: Colour::RULE,
    });
    let number_text = format!("Page {number} of {total}");
    let nw = fonts.width(small.style, small.size, &number_text);
    page.items.push(Item::Text(run(&number_text, small, PAGE_WIDTH - MARGIN_RIGHT - nw, footer_y)));
    let meeting = fit_with_ellipsis(&running.meeting, small, CONTENT_WIDTH - nw - 6.0 * MM);
    page.items.push(Item::Text(run(&meeting, small, MARGIN_LEFT, footer_y)));
}

impl Style {
    pub fn with_colour(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }
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

    fn composer() -> Composer {
        Composer::new(Running { marking: ProtectiveMarking::Official, meeting: "Panel".into() })
    }

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
    fn a_block_never_leaves_a_single_line_at_the_foot_or_head_of_a_page() {
        for lines_before in 0..50 {
            let mut c = composer();
            c.new_page();
            c.y = BODY_TOP + lines_before as f32 * 14.52;
            let lines = wrap_clean(&"word ".repeat(120), Style::BODY, TEXT_X, TEXT_WIDTH, 0.0, 0.0);
            let n = lines.len();
            c.place(Block { lines, keep_first: 2, ..Block::default() });
            let counts: Vec<usize> = c.pages.iter().map(|p| p.texts().count()).filter(|&k| k > 0).collect();
            assert_eq!(counts.iter().sum::<usize>(), n);
            assert!(counts.iter().all(|&k| k >= 2 || k == n), "{lines_before}: {counts:?}");
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

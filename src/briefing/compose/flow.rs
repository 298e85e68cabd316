//! Block flow: places blocks of lines on pages, keeping headings with their text and side
//! headings with their paragraphs, and avoiding widow and orphan lines.

use super::text::Line;
use super::{BODY_BOTTOM, CONTENT_WIDTH, Composer, DESCENT, MARGIN_LEFT, TEXT_X};
use crate::briefing::page::{Colour, Item, TextRun};
use crate::briefing::tags::Artifact;

/// A block of lines to place: optional side heading, lines, and where it may break.
#[derive(Default)]
pub(crate) struct Block {
    pub(crate) side: Vec<Line>,
    pub(crate) lines: Vec<Line>,
    /// Lines at the start that must stay on one page (a heading plus the first two lines).
    pub(crate) keep_first: usize,
    pub(crate) space_before: f32,
    pub(crate) outline: Option<(String, u8)>,
}

impl Composer {
    /// Places a block, breaking it across pages without leaving fewer than two lines at the
    /// foot or the head of a page, and keeping any side heading with at least two of its lines.
    pub(crate) fn place(&mut self, block: Block) {
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
            // Too little of the block fits, or its side heading does not: start it on the next
            // page. A side heading is never split from its text, so it moves even when the
            // text itself would fit; only one taller than a whole page is cut (below).
            if ((take < keep && take < n) || needs_side) && !self.at_top() {
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
                    self.place_line(l, y);
                    y += l.height;
                }
                if cut {
                    self.warn("a side heading is too long for the page and was cut short; shorten it".into());
                }
                first = false;
            }
            for l in &rest[..take] {
                self.place_line(l, self.y);
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

    /// Draws a line's runs with their top at `top`, each with its tag.
    fn place_line(&mut self, l: &Line, top: f32) {
        for (i, r) in l.runs.iter().enumerate() {
            self.push_tagged(Item::Text(TextRun { y: r.y + top, ..r.clone() }), l.tag_of(i));
        }
        for link in &l.links {
            let item = Item::Uri { x: link.x, y: top, width: link.width, height: l.height, uri: link.uri.clone() };
            self.push_tagged(item, Some(link.tag));
        }
    }

    /// Places lines that must stay on one page together (headings, title blocks).
    pub(crate) fn place_together(&mut self, lines: Vec<Line>) {
        let keep = lines.len();
        self.place(Block { lines, keep_first: keep, ..Block::default() });
    }

    /// A full-width 1 pt rule at the current position (under title blocks).
    pub(crate) fn full_width_rule(&mut self) {
        let y = self.y;
        self.artifact(Artifact::Layout, |c| {
            c.push(Item::Rule {
                x1: MARGIN_LEFT,
                y1: y,
                x2: MARGIN_LEFT + CONTENT_WIDTH,
                y2: y,
                width: 1.0,
                colour: Colour::TEXT,
            })
        });
    }

    /// Vertical space, dropped at the top of a page.
    pub(crate) fn gap(&mut self, points: f32) {
        if !self.at_top() {
            self.y += points;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::compose::text::{Style, wrap_clean};
    use crate::briefing::compose::{BODY_TOP, SIDE_COLUMN, TEXT_WIDTH, test_composer as composer};
    use crate::briefing::page::MM;

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

    fn side_heading(text: &str) -> Vec<Line> {
        composer().wrap(text, Style::BOLD, MARGIN_LEFT, SIDE_COLUMN - 4.0 * MM, 0.0, 0.0)
    }

    #[test]
    fn a_two_line_side_heading_moves_to_the_next_page_with_its_one_line_paragraph() {
        let side = side_heading("Supporting Information");
        assert_eq!(side.len(), 2, "the heading wraps to two lines");
        let lines = wrap_clean("A short paragraph.", Style::BODY, TEXT_X, TEXT_WIDTH, 0.0, 0.0);
        assert_eq!(lines.len(), 1);
        let mut c = composer();
        c.new_page();
        // Room for the paragraph's one line, not for the heading's two.
        c.y = BODY_BOTTOM - 1.5 * lines[0].height;
        c.place(Block { side, lines, keep_first: 2, ..Block::default() });
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.pages.len(), 2);
        assert_eq!(c.pages[0].texts().count(), 0, "nothing left behind on the first page");
        let texts: Vec<&str> = c.pages[1].texts().map(|t| t.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "both heading lines and the paragraph: {texts:?}");
        assert!(texts.contains(&"A short paragraph."), "{texts:?}");
        assert!(c.pages[1].texts().all(|t| t.y < BODY_BOTTOM), "inside the body area");
    }

    #[test]
    fn only_a_side_heading_taller_than_a_page_is_cut_and_reported() {
        let side = side_heading(&"Runaway council name ".repeat(120));
        let side_lines = side.len();
        let lines = wrap_clean("A short paragraph.", Style::BODY, TEXT_X, TEXT_WIDTH, 0.0, 0.0);
        let mut c = composer();
        c.new_page();
        c.y = BODY_TOP + 100.0;
        c.place(Block { side, lines, keep_first: 2, ..Block::default() });
        assert_eq!(c.pages.len(), 2, "moved to a fresh page once, then cut there");
        let drawn = c.pages[1].texts().filter(|t| t.x < TEXT_X - 1.0).count();
        assert!(drawn < side_lines && drawn > 10, "{drawn} of {side_lines}");
        assert!(c.pages[1].texts().all(|t| t.y < BODY_BOTTOM));
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(c.warnings[0].message.contains("too long for the page"));
    }
}

//! Block flow: places blocks of lines on pages, keeping headings with their text and side
//! headings with their paragraphs, and avoiding widow and orphan lines.

use super::text::Line;
use super::{BODY_BOTTOM, CONTENT_WIDTH, Composer, DESCENT, MARGIN_LEFT, TEXT_X};
use crate::briefing::page::{Colour, Item};

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
    pub(crate) fn place_together(&mut self, lines: Vec<Line>) {
        let keep = lines.len();
        self.place(Block { lines, keep_first: keep, ..Block::default() });
    }

    /// A full-width 1 pt rule at the current position (under title blocks).
    pub(crate) fn full_width_rule(&mut self) {
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
    use crate::briefing::compose::{BODY_TOP, TEXT_WIDTH, test_composer as composer};

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
}

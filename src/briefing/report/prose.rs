//! The author's blocks: paragraphs, recommendations, the reviewers' quotation and implications.
//! (Bulleted and lettered lists are the grid's own, in [`super::blocks`].)

use super::Writer;
use crate::briefing::compose::Style;
use crate::briefing::page::MM;
use crate::model::{Implication, Recommendation, paragraphs};

impl Writer<'_> {
    /// Paragraphs separated by blank lines, numbered or not.
    pub(super) fn paragraphs_block(&mut self, text: &str, numbered: bool) {
        for p in paragraphs(text) {
            if numbered {
                self.numbered(&p);
            } else {
                self.plain(&p);
            }
        }
    }

    /// The reviewers' own words, in italics, as the seed prints its findings summary.
    pub(super) fn quotation(&mut self, text: &str) {
        for p in paragraphs(text) {
            self.quote(&p, Style::ITALIC);
        }
    }

    /// Each recommendation takes a paragraph number; its sub-items are lettered (a), (b)…
    pub(super) fn recommendations(&mut self, items: &[Recommendation]) {
        for r in items {
            let text = paragraphs(&r.text).join(" ");
            if text.is_empty() && r.sub_items.iter().all(|s| s.trim().is_empty()) {
                continue;
            }
            if text.is_empty() {
                // Sub-items without their lead: still numbered, so the lettering has a parent.
                self.numbered("Recommendation:");
            } else {
                self.numbered(&text);
            }
            self.lettered(&r.sub_items);
        }
    }

    /// The standard sub-headings, each over its text or "None arising from this report."
    pub(super) fn implications(&mut self, items: &[Implication]) {
        for imp in items {
            if imp.heading.trim().is_empty() && imp.text.trim().is_empty() {
                continue;
            }
            if !imp.heading.trim().is_empty() {
                self.plain_styled(imp.heading.trim(), Style::BOLD, 3.0 * MM);
            }
            let paras = paragraphs(&imp.text);
            if paras.is_empty() {
                self.numbered(Implication::NONE);
            }
            for p in paras {
                self.numbered(&p);
            }
        }
    }
}

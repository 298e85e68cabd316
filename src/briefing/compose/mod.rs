//! The page composer: wraps text with measured widths and places blocks on A4 pages with the
//! council report's grid (side headings in a left column, numbered paragraphs on the right),
//! keeping headings with their text and avoiding widow and orphan lines.
//!
//! By layout stage, as typst-layout splits its crate:
//! - [`text`]: cleaning (NFC, control characters, glyph coverage), styles, runs, wrapping;
//! - [`flow`]: blocks placed down the page and across pages (keep-with-next, widows, orphans);
//! - [`table`]: tables split across pages with repeated headers;
//! - [`links`]: web and e-mail addresses in text made into links;
//! - [`finish`]: running header and footer on every page, and the finished [`Layout`];
//! - [`tagging`]: the structure stack that says what each placed item is (tagged PDF).
//!
//! This file holds the page grid and the [`Composer`]'s state: pages, outline, warnings.

mod finish;
mod flow;
mod links;
mod table;
mod tagging;
mod text;

use std::collections::HashSet;

pub(crate) use finish::NOT_FOR_PUBLICATION;
pub(crate) use flow::Block;
pub(crate) use table::{CellPara, Column, Row};
pub(crate) use text::{Line, Style, fit_with_ellipsis, run, single_line, wrap_clean};

use super::page::{Item, LayoutWarning, MM, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, Page};
use super::tags::{Structure, Tag};
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

/// What the header and footer of a page say.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Running {
    pub(crate) marking: ProtectiveMarking,
    pub(crate) meeting: String,
}

/// Places content page by page. One composer makes a whole briefing or a whole pack, so page
/// numbers and bookmarks run on across items.
pub(crate) struct Composer {
    pub(crate) pages: Vec<Page>,
    running: Vec<Running>,
    pub(crate) outline: Vec<OutlineEntry>,
    warnings: Vec<LayoutWarning>,
    seen_warnings: HashSet<(String, String)>,
    pub(crate) y: f32,
    current: Running,
    /// Added to every outline level (1 inside a pack, where level 0 is the agenda item).
    pub(crate) outline_base: u8,
    /// Last paragraph number used; reports number paragraphs continuously.
    pub(crate) paragraph: u32,
    /// Where warnings say the text came from.
    pub(crate) place: String,
    /// Put before `place` in warnings: "Agenda item 4: " inside a pack.
    pub(crate) place_prefix: String,
    /// Private papers: every page's header says NOT FOR PUBLICATION.
    not_for_publication: bool,
    /// The document's structure elements, and the open ones (innermost last).
    pub(crate) structure: Structure,
    stack: Vec<Tag>,
    /// What keeps the document from claiming PDF/UA (see [`crate::briefing::Layout::untagged`]).
    pub(crate) untagged: Vec<String>,
}

impl Composer {
    pub(crate) fn new(running: Running) -> Composer {
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
            not_for_publication: false,
            structure: Structure::default(),
            stack: Vec::new(),
            untagged: Vec::new(),
        }
    }

    /// A composer on a fresh page with the same settings, to measure how many pages something takes.
    pub(crate) fn scratch(&self) -> Composer {
        let mut c = Composer::new(self.current.clone());
        c.outline_base = self.outline_base;
        c.new_page();
        c
    }

    /// Stamps every page NOT FOR PUBLICATION in its running header (private briefings and
    /// packs). The stamp sits above the body area, so page breaks are the same either way.
    pub(crate) fn mark_not_for_publication(&mut self) {
        self.not_for_publication = true;
    }

    pub(crate) fn set_running(&mut self, running: Running) {
        self.current = running;
    }

    pub(crate) fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.running.push(self.current.clone());
        self.y = BODY_TOP;
    }

    /// Starts a new page unless the current one is still empty.
    pub(crate) fn fresh_page(&mut self) {
        if self.pages.is_empty() || self.y > BODY_TOP + 0.5 {
            self.new_page();
        }
    }

    pub(crate) fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.5
    }

    /// Places an item in the innermost open structure element (or artifact).
    pub(crate) fn push(&mut self, item: Item) {
        self.push_tagged(item, None);
    }

    pub(crate) fn warn(&mut self, message: String) {
        let place = format!("{}{}", self.place_prefix, self.place);
        if self.seen_warnings.insert((place.clone(), message.clone())) {
            self.warnings.push(LayoutWarning { place, message });
        }
    }

    pub(crate) fn add_outline(&mut self, title: &str, level: u8) {
        let title = self.clean(title);
        if self.pages.is_empty() {
            self.new_page();
        }
        self.outline.push(OutlineEntry { title, level: level + self.outline_base, page: self.page_index(), y: self.y });
    }
}

/// A composer for unit tests: OFFICIAL, meeting "Panel".
#[cfg(test)]
pub(super) fn test_composer() -> Composer {
    Composer::new(Running { marking: ProtectiveMarking::Official, meeting: "Panel".into() })
}

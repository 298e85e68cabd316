//! What layout produces: pages of positioned items, independent of any output format.
//!
//! Units are PDF points (1/72 inch); the origin is the page's top-left corner and y grows
//! downwards, as a reader scans. Text positions are baselines. The PDF writer flips y.

use std::sync::Arc;

use super::fonts::FontStyle;
pub use super::import::ImportedPage;
use super::tags::{Structure, Tag};
use crate::model::Artwork;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const TEXT: Colour = Colour { r: 0x0b, g: 0x0c, b: 0x0c };
    pub const MUTED: Colour = Colour { r: 0x50, g: 0x5a, b: 0x5f };
    pub const RULE: Colour = Colour { r: 0xb1, g: 0xb4, b: 0xb6 };
    pub const SHADE: Colour = Colour { r: 0xf3, g: 0xf2, b: 0xf1 };
    pub const BAND: Colour = Colour { r: 0xde, g: 0xe0, b: 0xe2 };
    pub const LINK: Colour = Colour { r: 0x1d, g: 0x70, b: 0xb8 };
    /// The "NOT FOR PUBLICATION" band of private papers (7.1:1 against white text).
    pub const STAMP: Colour = Colour { r: 0x9e, g: 0x10, b: 0x1a };
    pub const WHITE: Colour = Colour { r: 0xff, g: 0xff, b: 0xff };
}

/// A run of text in one face, size and colour, starting at a baseline point.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    /// Baseline.
    pub y: f32,
    pub style: FontStyle,
    pub size: f32,
    pub colour: Colour,
    /// Already NFC-normalised and checked against the fonts.
    pub text: String,
    /// Width as measured from the font's advances.
    pub width: f32,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A straight line from (x1, y1) to (x2, y2).
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Colour,
    },
    /// A filled rectangle; (x, y) is its top-left corner.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Colour,
    },
    /// A picture (the council's logo) fitted to the box whose top-left corner is (x, y). The
    /// same artwork on many pages is written to the PDF once and referenced from each.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        artwork: Arc<Artwork>,
    },
    /// A clickable area that jumps to another page (0-based index).
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        target_page: usize,
    },
    /// A clickable area that opens a web address or starts an e-mail (`mailto:`).
    Uri {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        uri: String,
    },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// What each of `items` is in the document's structure (`tags[i]` for `items[i]`). Use
    /// [`Page::push`]; an item without a tag is written as content of the document root, so
    /// nothing drawn is lost to a screen reader, but it is read after everything else.
    pub tags: Vec<Tag>,
    /// A page of an imported PDF shown under `items` (which then hold only the pack's stamp and
    /// links, in the imported page's own size). `None`: an A4 page of PeerBrief's own.
    pub imported: Option<ImportedPage>,
}

impl Page {
    /// Adds an item with its place in the structure.
    pub fn push(&mut self, item: Item, tag: Tag) {
        // Keep the two lists aligned even if something pushed to `items` directly.
        self.tags.resize(self.items.len(), Tag::Elem(Structure::ROOT));
        self.items.push(item);
        self.tags.push(tag);
    }

    /// The tag of item `i` (the document root when it was pushed without one).
    pub fn tag(&self, i: usize) -> Tag {
        self.tags.get(i).copied().unwrap_or(Tag::Elem(Structure::ROOT))
    }

    /// Width and height in points: A4, or the imported page's displayed size.
    pub fn size(&self) -> (f32, f32) {
        match &self.imported {
            Some(i) => i.pdf.page_size(i.index),
            None => (PAGE_WIDTH, PAGE_HEIGHT),
        }
    }

    /// The text runs on the page, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// A bookmark: level 0 is the top (a report heading, or a pack's agenda item).
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading on its page.
    pub y: f32,
}

/// A problem with the text that the user should fix; layout continues regardless.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutWarning {
    /// Where the text came from: "Key strengths item 3", "Agenda item 2".
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for LayoutWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Layout {
    /// Why the PDF does not claim PDF/UA, naming the papers to fix; `None` when it does.
    pub fn accessibility_note(&self) -> Option<String> {
        let (last, rest) = self.untagged.split_last()?;
        let list = if rest.is_empty() { last.clone() } else { format!("{}; and {last}", rest.join("; ")) };
        let (paper, is) = if rest.is_empty() { ("paper", "is") } else { ("papers", "are") };
        Some(format!(
            "not marked as an accessible PDF (PDF/UA): the PDF {paper} of {list} {is} read as plain blocks of \
             text, without headings or tables; everything PeerBrief drew is tagged. For a paper with no tags, \
             ask its author for a tagged PDF (in Word: Save as PDF with \"Document structure tags for \
             accessibility\" ticked)."
        ))
    }
}

/// A finished document: pages, bookmarks, and the properties a PDF reader shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub warnings: Vec<LayoutWarning>,
    /// Document title (shown in the reader's title bar).
    pub title: String,
    /// The council.
    pub author: String,
    pub subject: String,
    /// The logical structure the pages' tags refer to.
    pub structure: Structure,
    /// Parts that keep the PDF from claiming PDF/UA (a pack's untagged PDF papers), each named
    /// as the user knows it: "Agenda item 5 (ofsted-letter.pdf)". Empty: everything is tagged.
    pub untagged: Vec<String>,
}

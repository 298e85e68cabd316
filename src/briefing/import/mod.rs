//! Existing PDFs as agenda items: parse and check the bytes the store read ([`parse`]), work
//! out where each page goes and what may travel ([`strip`]), where the pack's stamp goes
//! ([`stamp`]), and merge the pages into the written pack ([`merge`]).
//!
//! Nothing here touches files. Only a page's content stream and the resources it uses are ever
//! copied into the pack: the source's catalog (JavaScript, forms, attachments, open actions), its
//! Info and XMP metadata, its annotations' actions and its encryption never are.

mod graft;
mod merge;
mod parse;
mod place;
mod stamp;
mod strip;

use std::sync::Arc;

pub(crate) use graft::{Grafted, Target, graft};
pub(crate) use merge::merge_imported_pages;
pub use parse::{MAX_PAGES, parse};
pub(crate) use place::{place_document, stamp_imported};
pub(crate) use stamp::stamp_items;

/// Why a PDF cannot be used as an agenda item. The pack names the item and file around it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not a PDF (no `%PDF-` header)")]
    NotPdf,
    #[error("the PDF is damaged or truncated and cannot be read ({0}); save or export it again")]
    Damaged(String),
    #[error("the PDF is encrypted and needs a password; ask its author for an unprotected copy")]
    NeedsPassword,
    #[error("the PDF has no pages")]
    NoPages,
    #[error("the PDF has {0} pages; a pack paper may have at most 2,000")]
    TooManyPages(usize),
}

/// A checked source PDF, shared by the pages that show it (cheap to clone).
#[derive(Clone)]
pub struct ImportedPdf(Arc<parse::Parsed>);

impl ImportedPdf {
    pub fn page_count(&self) -> usize {
        self.0.pages.len()
    }

    /// Size of page `index` as displayed (after `/Rotate`), in points: (width, height).
    pub fn page_size(&self, index: usize) -> (f32, f32) {
        self.0.pages.get(index).map_or((0.0, 0.0), |p| (p.width, p.height))
    }

    /// How much page `index`'s content is scaled down to clear the foot band (1.0 = not at all).
    pub fn page_scale(&self, index: usize) -> f32 {
        self.0.pages.get(index).map_or(1.0, |p| p.scale)
    }

    /// Internal links on page `index`.
    pub fn page_links(&self, index: usize) -> &[PdfLink] {
        self.0.pages.get(index).map_or(&[], |p| &p.links)
    }

    /// The document's own bookmarks, in order.
    pub fn bookmarks(&self) -> &[PdfBookmark] {
        &self.0.bookmarks
    }

    /// The source says it is tagged (`/MarkInfo /Marked true` with a structure tree).
    pub fn is_tagged(&self) -> bool {
        !matches!(self.0.tags, graft::SourceTags::None)
    }

    /// The paper's own structure tree travels into the pack (its pages are read as tagged).
    pub fn carries_tags(&self) -> bool {
        matches!(self.0.tags, graft::SourceTags::Graftable { .. })
    }

    /// Why a tagged paper's tree cannot travel, if it cannot.
    pub fn unusable_tags(&self) -> Option<&str> {
        match &self.0.tags {
            graft::SourceTags::Unusable(why) => Some(why),
            _ => None,
        }
    }

    /// The source annotation of page `index`'s `link`-th link when a Link element of the
    /// paper's carried tree holds it.
    pub(crate) fn tagged_link(&self, index: usize, link: usize) -> Option<lopdf::ObjectId> {
        let graft::SourceTags::Graftable { link_annots } = &self.0.tags else { return None };
        let id = self.0.pages.get(index)?.link_annots.get(link).copied().flatten()?;
        link_annots.contains(&id).then_some(id)
    }

    /// The source's page object of page `index`.
    pub(crate) fn page_id(&self, index: usize) -> Option<lopdf::ObjectId> {
        self.0.pages.get(index).map(|p| p.id)
    }

    pub(crate) fn document(&self) -> &lopdf::Document {
        &self.0.doc
    }

    /// Problems found while reading that do not stop the import.
    pub fn warnings(&self) -> &[String] {
        &self.0.warnings
    }

    fn same(&self, other: &ImportedPdf) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ImportedPdf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ImportedPdf({} pages)", self.page_count())
    }
}

impl PartialEq for ImportedPdf {
    fn eq(&self, other: &ImportedPdf) -> bool {
        self.same(other)
    }
}

/// An internal link of an imported page: its rectangle on the page as displayed (top-left
/// origin, points) and the 0-based page of the same document it jumps to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PdfLink {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub target: usize,
}

/// A bookmark of an imported document.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfBookmark {
    pub title: String,
    /// 0 = top level.
    pub level: u8,
    /// 0-based page of the document.
    pub page: usize,
    /// From the top of the page, in points.
    pub y: f32,
}

/// A page of a layout that shows page `index` of an imported PDF under the layout's own items
/// (the pack's stamp and links).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedPage {
    pub pdf: ImportedPdf,
    pub index: usize,
    /// The paper's file as the manifest names it, for the window's preview of the page.
    pub file: std::sync::Arc<str>,
    /// The structure element the page's content is read as (a Div in the item's section): the
    /// paper's own tree hangs from the first page's Div when it carries tags
    /// ([`ImportedPdf::carries_tags`]); otherwise each page is read as one block.
    pub elem: crate::briefing::tags::ElemId,
}

/// A 2-D affine matrix as PDF writes it: x' = a x + c y + e, y' = b x + d y + f.
pub(crate) type Matrix = [f32; 6];

/// `m` then `n`.
pub(crate) fn then(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub(crate) fn apply(m: Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[cfg(test)]
mod tests {
    /// Layouts go from the printing thread to the window: imported documents must not stop that.
    #[test]
    fn layouts_with_imported_pages_can_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<super::ImportedPdf>();
        send_sync::<crate::briefing::Layout>();
    }
}

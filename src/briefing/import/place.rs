//! Placing an imported PDF's pages in a pack's layout, and stamping them once the pack's page
//! numbers are known.

use super::{ImportedPage, ImportedPdf, stamp_items};
use crate::briefing::compose::Composer;
use crate::briefing::page::{Item, Layout, OutlineEntry};
use crate::briefing::tags::{Artifact, Role, Structure, Tag};
use crate::model::ProtectiveMarking;

/// Puts every page of `pdf` into the pack from the composer's current (fresh) page on, with the
/// item's bookmark, the document's own bookmarks nested under it, and its internal links
/// pointing at the pack's pages. `file` names the document in warnings.
pub(crate) fn place_document(c: &mut Composer, title: &str, pdf: &ImportedPdf, file: &str) {
    c.fresh_page();
    let start = c.page_index();
    c.y = 0.0;
    c.add_outline(title, 0);
    let name: std::sync::Arc<str> = file.into();
    for index in 0..pdf.page_count() {
        if index > 0 {
            c.new_page();
        }
        // The source's own links are Link elements in the item's section.
        let tag = c.current_tag();
        let elem = c.element(Role::Div);
        if let Some(page) = c.pages.last_mut() {
            page.imported = Some(ImportedPage { pdf: pdf.clone(), index, file: name.clone(), elem });
            for l in pdf.page_links(index) {
                let (x, y, width, height) = (l.x, l.y, l.width, l.height);
                page.push(Item::Link { x, y, width, height, target_page: start + l.target }, tag);
            }
        }
    }
    let base = c.outline_base + 1;
    for b in pdf.bookmarks() {
        let level = base.saturating_add(b.level).min(12);
        c.outline.push(OutlineEntry { title: b.title.clone(), level, page: start + b.page, y: b.y });
    }
    for w in pdf.warnings() {
        c.warn(format!("{file}: {w}"));
    }
    // Later content starts on a page of its own.
    c.y = f32::MAX / 4.0;
}

/// Replaces the running header and footer the composer put on imported pages by the pack's
/// stamp: `label(i)` ("Page 14 of 30"), `notes[i]` if any, and the marking when above OFFICIAL.
pub(crate) fn stamp_imported(
    layout: &mut Layout,
    marking: ProtectiveMarking,
    label: impl Fn(usize) -> String,
    notes: &[Option<String>],
) {
    for (i, page) in layout.pages.iter_mut().enumerate() {
        if page.imported.is_none() {
            continue;
        }
        let (w, h) = page.size();
        let items = std::mem::take(&mut page.items);
        let tags = std::mem::take(&mut page.tags);
        let old = items.into_iter().zip(tags.into_iter().map(Some).chain(std::iter::repeat(None)));
        for (item, tag) in old.filter(|(item, _)| matches!(item, Item::Link { .. })) {
            page.push(item, tag.unwrap_or(Tag::Elem(Structure::ROOT)));
        }
        let note = notes.get(i).and_then(Option::as_deref);
        for item in stamp_items(w, h, &label(i), note, marking) {
            page.push(item, Tag::Artifact(Artifact::Stamp));
        }
    }
}

//! Merging imported pages into the written pack: each source page becomes a form XObject drawn
//! under the pack's own items (stamp, links) on a page of the source's displayed size.

use std::collections::HashMap;
use std::fmt::Write;

use lopdf::{Dictionary, Document, Object, Stream};

use super::strip::Copier;
use super::{ImportedPage, Matrix};
use crate::briefing::page::Page;
use crate::briefing::tagged_pdf::IMPORTED_MCID;

fn matrix_text(m: Matrix) -> String {
    m.iter().map(|v| format!("{:.5}", v)).collect::<Vec<_>>().join(" ")
}

/// A dictionary held directly or through a reference, as an owned copy.
fn owned_dict(doc: &Document, o: Option<&Object>) -> Dictionary {
    match o {
        Some(Object::Dictionary(d)) => d.clone(),
        Some(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        _ => Dictionary::new(),
    }
}

/// Puts each imported page's content under the page PeerBrief wrote for it (`pages[i]` is page
/// `i + 1` of `out`).
pub(crate) fn merge_imported_pages(out: &mut Document, pages: &[Page]) -> Result<(), String> {
    let ids: Vec<lopdf::ObjectId> = out.get_pages().values().copied().collect();
    let mut copiers: HashMap<*const (), Copier<'_>> = HashMap::new();
    for (page, &page_id) in pages.iter().zip(&ids) {
        let Some(ImportedPage { pdf, index, .. }) = &page.imported else { continue };
        let parsed = &*pdf.0;
        let Some(info) = parsed.pages.get(*index) else { continue };
        let key = std::sync::Arc::as_ptr(&pdf.0).cast::<()>();
        let copier = copiers.entry(key).or_insert_with(|| Copier::new(&parsed.doc));
        let resources = info.resources.as_ref().map_or(Object::Dictionary(Dictionary::new()), |r| copier.copy(out, r));
        let mut form = Dictionary::new();
        form.set("Type", Object::Name(b"XObject".to_vec()));
        form.set("Subtype", Object::Name(b"Form".to_vec()));
        form.set("BBox", Object::Array(info.bbox.iter().map(|v| Object::Real(*v)).collect()));
        form.set("Resources", resources);
        let form_id = out.add_object(Stream::new(form, info.content.clone()));
        let mut xobjects = vec![("PBImport".to_owned(), form_id)];
        // MCID 0 of the page, kept for it by the tagging plan: the paper's page is one
        // marked-content sequence of its Div element.
        let mut draw = format!("/Div <</MCID {IMPORTED_MCID}>> BDC q {} cm /PBImport Do\n", matrix_text(info.matrix));
        for (k, (ap, m)) in info.appearances.iter().enumerate() {
            let Some(new) = copier.copy_id(out, *ap) else { continue };
            if let Ok(Object::Stream(s)) = out.get_object_mut(new) {
                s.dict.set("Type", Object::Name(b"XObject".to_vec()));
                s.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            } else {
                continue;
            }
            let name = format!("PBAnnot{k}");
            let _ = writeln!(draw, "q {} cm /{name} Do Q", matrix_text(*m));
            xobjects.push((name, new));
        }
        draw.push_str("Q EMC\n");
        let draw_id = out.add_object(Stream::new(Dictionary::new(), draw.into_bytes()));

        let page_dict = out.get_dictionary(page_id).map_err(|e| e.to_string())?;
        let mut res = owned_dict(out, page_dict.get(b"Resources").ok());
        let mut xo = owned_dict(out, res.get(b"XObject").ok());
        for (name, id) in xobjects {
            xo.set(name.into_bytes(), Object::Reference(id));
        }
        res.set("XObject", Object::Dictionary(xo));
        let mut contents = vec![Object::Reference(draw_id)];
        match page_dict.get(b"Contents") {
            Ok(Object::Array(a)) => contents.extend(a.iter().cloned()),
            Ok(o @ Object::Reference(_)) => contents.push(o.clone()),
            _ => {}
        }
        let page_dict = out.get_dictionary_mut(page_id).map_err(|e| e.to_string())?;
        page_dict.set("Resources", Object::Dictionary(res));
        page_dict.set("Contents", Object::Array(contents));
    }
    Ok(())
}

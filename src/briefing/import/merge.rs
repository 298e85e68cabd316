//! Merging imported pages into the written pack: each source page becomes a form XObject drawn
//! under the pack's own items (stamp, links) on a page of the source's displayed size.

use std::collections::HashMap;
use std::fmt::Write;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::parse::PageInfo;
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
///
/// A paper whose tags travel ([`super::ImportedPdf::carries_tags`]) is drawn inline, its own
/// content stream as the page's, so its MCIDs keep pointing at its (grafted) elements; what
/// PeerBrief draws on the page (the stamp) becomes a form drawn over it as one artifact. Any
/// other paper's page is a form drawn inside one marked-content sequence of its Div.
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
        let mut appearances = Vec::new();
        for (k, (ap, m)) in info.appearances.iter().enumerate() {
            let Some(new) = copier.copy_id(out, *ap) else { continue };
            if let Ok(Object::Stream(s)) = out.get_object_mut(new) {
                s.dict.set("Type", Object::Name(b"XObject".to_vec()));
                s.dict.set("Subtype", Object::Name(b"Form".to_vec()));
                appearances.push((format!("PBAnnot{k}"), new, *m));
            }
        }
        if pdf.carries_tags() {
            merge_inline(out, page_id, info, resources, &appearances)?;
        } else {
            merge_as_form(out, page_id, info, resources, &appearances)?;
        }
    }
    Ok(())
}

/// A form XObject drawing `content` in `bbox` with `resources`.
fn form_xobject(bbox: Object, resources: Object, content: Vec<u8>) -> Stream {
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set("BBox", bbox);
    form.set("Resources", resources);
    Stream::new(form, content)
}

/// A page's `/Contents` as a list of stream references.
fn page_contents(page: &Dictionary) -> Vec<Object> {
    match page.get(b"Contents") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(o @ Object::Reference(_)) => vec![o.clone()],
        _ => Vec::new(),
    }
}

/// The untagged route: the source page is one form, read as its Div's MCID.
fn merge_as_form(
    out: &mut Document,
    page_id: ObjectId,
    info: &PageInfo,
    resources: Object,
    appearances: &[(String, ObjectId, Matrix)],
) -> Result<(), String> {
    let bbox = Object::Array(info.bbox.iter().map(|v| Object::Real(*v)).collect());
    let form_id = out.add_object(form_xobject(bbox, resources, info.content.clone()));
    let mut xobjects = vec![("PBImport".to_owned(), form_id)];
    // MCID 0 of the page, kept for it by the tagging plan: the paper's page is one
    // marked-content sequence of its Div element.
    let mut draw = format!("/Div <</MCID {IMPORTED_MCID}>> BDC q {} cm /PBImport Do\n", matrix_text(info.matrix));
    for (name, id, m) in appearances {
        let _ = writeln!(draw, "q {} cm /{name} Do Q", matrix_text(*m));
        xobjects.push((name.clone(), *id));
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
    contents.extend(page_contents(page_dict));
    let page_dict = out.get_dictionary_mut(page_id).map_err(|e| e.to_string())?;
    page_dict.set("Resources", Object::Dictionary(res));
    page_dict.set("Contents", Object::Array(contents));
    Ok(())
}

/// The tagged route: the source's content (MCIDs as they are) is the page's, clipped and placed
/// as the form would be; PeerBrief's own drawing on the page moves into a form, drawn last.
fn merge_inline(
    out: &mut Document,
    page_id: ObjectId,
    info: &PageInfo,
    resources: Object,
    appearances: &[(String, ObjectId, Matrix)],
) -> Result<(), String> {
    let page_dict = out.get_dictionary(page_id).map_err(|e| e.to_string())?;
    let own_resources = owned_dict(out, page_dict.get(b"Resources").ok());
    let media = page_dict.get(b"MediaBox").ok().cloned();
    let mut own_content = Vec::new();
    for s in &page_contents(page_dict) {
        let Ok(id) = s.as_reference() else { continue };
        if let Ok(Object::Stream(st)) = out.get_object(id) {
            own_content.extend(st.decompressed_content().unwrap_or_else(|_| st.content.clone()));
            own_content.push(b'\n');
        }
        out.objects.remove(&id);
    }
    let media = media.unwrap_or_else(|| Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]));
    let own_id = out.add_object(form_xobject(media, Object::Dictionary(own_resources), own_content));

    // The source's resources, with the pack's forms added under names it does not use.
    let mut res = owned_dict(out, Some(&resources));
    let mut xo = owned_dict(out, res.get(b"XObject").ok());
    let fresh = |base: &str| {
        let mut name = base.to_owned();
        let mut n = 0;
        while xo.has(name.as_bytes()) {
            n += 1;
            name = format!("{base}_{n}");
        }
        name
    };
    let own_name = fresh("PBPage");
    let names: Vec<String> = appearances.iter().map(|(name, ..)| fresh(name)).collect();
    xo.set(own_name.clone().into_bytes(), Object::Reference(own_id));
    for (name, (_, id, _)) in names.iter().zip(appearances) {
        xo.set(name.clone().into_bytes(), Object::Reference(*id));
    }
    res.set("XObject", Object::Dictionary(xo));

    let [x0, y0, x1, y1] = info.bbox;
    let before = format!("q {} cm {x0} {y0} {} {} re W n\n", matrix_text(info.matrix), x1 - x0, y1 - y0);
    let mut after = String::from("\nQ\n");
    if !appearances.is_empty() {
        after.push_str("/Artifact BMC\n");
        for (name, (_, _, m)) in names.iter().zip(appearances) {
            let _ = writeln!(after, "q {} cm q {} cm /{name} Do Q Q", matrix_text(info.matrix), matrix_text(*m));
        }
        after.push_str("EMC\n");
    }
    let _ = writeln!(after, "/Artifact <</Type /Pagination>> BDC q /{own_name} Do Q EMC");
    let contents = vec![
        Object::Reference(out.add_object(Stream::new(Dictionary::new(), before.into_bytes()))),
        Object::Reference(out.add_object(Stream::new(Dictionary::new(), info.content.clone()))),
        Object::Reference(out.add_object(Stream::new(Dictionary::new(), after.into_bytes()))),
    ];
    let page_dict = out.get_dictionary_mut(page_id).map_err(|e| e.to_string())?;
    page_dict.set("Resources", Object::Dictionary(res));
    page_dict.set("Contents", Object::Array(contents));
    Ok(())
}

//! Tagged PDF: turns the layout's tags into marked content and a structure tree.
//!
//! Before any page is written, [`Plan::new`] walks every page's items in the order layout
//! placed them: each run of items with the same tag is one segment (a marked-content sequence
//! per drawing pass), and an element joins its parent's reading order at its first content.
//! The page writer asks the plan for each item's marked-content sequence ([`Plan::begin`]);
//! afterwards [`Plan::finish`] writes, with lopdf, the structure elements, the ParentTree
//! number tree, `/StructParents`, the link annotations as indirect objects with
//! `/StructParent` and `/Contents` (each referenced by its Link element through an OBJR),
//! `/Tabs /S` and `/MarkInfo`.

use std::collections::HashMap;
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId};

use super::import::{self, ImportedPdf};
use super::page::{Item, Page};
use super::pdf_file;
use super::tags::{Artifact, Detail, ElemId, Numbering, Role, Structure, Tag};

/// No segment: the item is a link annotation, which is not drawn.
const NO_SEGMENT: u32 = u32::MAX;
const NO_MCID: u32 = u32::MAX;
/// The MCID of an imported paper's page (drawn before anything else on its page).
pub(crate) const IMPORTED_MCID: u32 = 0;

/// The two drawing passes of a page: shapes first, so text is drawn over table shading.
#[derive(Clone, Copy)]
pub(crate) enum Pass {
    Shapes = 0,
    Text = 1,
}

/// A run of items with one tag on one page.
struct Segment {
    tag: Tag,
    page: u32,
    /// The MCID given in each pass, or [`NO_MCID`].
    mcids: [u32; 2],
}

/// Something in an element's `/K`, in reading order.
#[derive(Clone, Copy)]
enum Kid {
    Elem(ElemId),
    Segment(u32),
    /// Index into [`Plan::links`].
    Annot(u32),
    /// An imported paper's page, on this page.
    Imported(u32),
    /// The top elements of graft `n` (a tagged paper's own tree).
    Graft(u32),
}

/// The structure tree, written: its root (in the document) and its elements and ParentTree as
/// bytes, by object id.
pub(crate) struct Finished {
    pub root: ObjectId,
    pub raw: Vec<(ObjectId, Vec<u8>)>,
}

/// One placement of a tagged paper whose own tree is carried into the pack.
struct GraftPlan {
    pdf: ImportedPdf,
    /// The Div of its first page, which the paper's tree hangs from.
    div: ElemId,
    /// (pack page, the paper's page index) for each of its pages.
    pages: Vec<(u32, usize)>,
}

/// A link annotation and the Link element that holds it.
struct LinkRef {
    page: u32,
    /// Its place among the page's annotations.
    annot: u32,
    elem: ElemId,
    contents: String,
    /// For a link of a tagged paper: the paper's annotation, held by one of its own Link
    /// elements (which then holds this one instead of `elem`).
    source: Option<ObjectId>,
}

pub(crate) struct Plan {
    structure: Structure,
    /// Per page, per item: its segment.
    item_segments: Vec<Vec<u32>>,
    segments: Vec<Segment>,
    kids: Vec<Vec<Kid>>,
    attached: Vec<bool>,
    links: Vec<LinkRef>,
    /// Per page: the element of each MCID, in MCID order.
    parent_tree: Vec<Vec<ElemId>>,
    grafts: Vec<GraftPlan>,
    /// Per page: the graft its content belongs to.
    page_graft: Vec<Option<u32>>,
}

impl Plan {
    pub(crate) fn new(pages: &[Page], structure: &Structure) -> Plan {
        let n = structure.elements.len();
        let mut plan = Plan {
            structure: structure.clone(),
            item_segments: Vec::with_capacity(pages.len()),
            segments: Vec::new(),
            kids: vec![Vec::new(); n],
            attached: vec![false; n],
            links: Vec::new(),
            parent_tree: vec![Vec::new(); pages.len()],
            grafts: Vec::new(),
            page_graft: vec![None; pages.len()],
        };
        for (p, page) in pages.iter().enumerate() {
            let mut segs = Vec::with_capacity(page.items.len());
            let mut last: Option<Tag> = None;
            let mut annot = 0u32;
            let mut link_of_paper = 0usize;
            if let Some(imported) = page.imported.as_ref().filter(|i| i.pdf.carries_tags()) {
                // A new placement starts at the paper's first page; its tree hangs from that
                // page's Div.
                let continues = p > 0
                    && plan.page_graft[p - 1].is_some_and(|g| {
                        let graft = &plan.grafts[g as usize];
                        graft.pdf == imported.pdf && graft.pages.last().is_some_and(|&(_, i)| i + 1 == imported.index)
                    });
                if !continues {
                    let e = plan.known(imported.elem);
                    plan.attach(e);
                    plan.kids[e.0 as usize].push(Kid::Graft(plan.grafts.len() as u32));
                    plan.grafts.push(GraftPlan { pdf: imported.pdf.clone(), div: e, pages: Vec::new() });
                }
                let g = plan.grafts.len() - 1;
                plan.grafts[g].pages.push((p as u32, imported.index));
                plan.page_graft[p] = Some(g as u32);
            } else if let Some(imported) = &page.imported {
                let e = plan.known(imported.elem);
                plan.attach(e);
                plan.kids[e.0 as usize].push(Kid::Imported(p as u32));
                plan.parent_tree[p].push(e);
                debug_assert_eq!(plan.parent_tree[p].len() as u32, IMPORTED_MCID + 1);
            }
            for (i, item) in page.items.iter().enumerate() {
                let tag = page.tag(i);
                let fallback = match item {
                    Item::Link { target_page, .. } => Some(format!("Go to page {}", target_page + 1)),
                    Item::Uri { uri, .. } => Some(uri.clone()),
                    _ => None,
                };
                if let Some(fallback) = fallback {
                    let source = match (&page.imported, plan.page_graft[p], item) {
                        (Some(imported), Some(_), Item::Link { .. }) => {
                            link_of_paper += 1;
                            imported.pdf.tagged_link(imported.index, link_of_paper - 1)
                        }
                        _ => None,
                    };
                    if let Some(source) = source {
                        let (elem, contents) = (Structure::ROOT, fallback);
                        plan.links.push(LinkRef { page: p as u32, annot, elem, contents, source: Some(source) });
                        annot += 1;
                        segs.push(NO_SEGMENT);
                        last = None;
                        continue;
                    }
                    let elem = plan.link_element(tag);
                    plan.attach(elem);
                    let contents = match plan.structure.get(elem).map(|e| &e.detail) {
                        Some(Detail::Contents(c)) => c.clone(),
                        _ => fallback,
                    };
                    let k = plan.links.len() as u32;
                    plan.links.push(LinkRef { page: p as u32, annot, elem, contents, source: None });
                    plan.kids[elem.0 as usize].push(Kid::Annot(k));
                    annot += 1;
                    segs.push(NO_SEGMENT);
                    last = None;
                    continue;
                }
                if last != Some(tag) {
                    let s = plan.segments.len() as u32;
                    plan.segments.push(Segment { tag, page: p as u32, mcids: [NO_MCID; 2] });
                    if let Tag::Elem(e) = tag {
                        let e = plan.known(e);
                        plan.attach(e);
                        plan.kids[e.0 as usize].push(Kid::Segment(s));
                    }
                    last = Some(tag);
                }
                segs.push(plan.segments.len() as u32 - 1);
            }
            plan.item_segments.push(segs);
        }
        plan.attach_empty_cells();
        plan
    }

    /// An element id the structure holds (the root for one it does not).
    fn known(&self, e: ElemId) -> ElemId {
        if (e.0 as usize) < self.structure.elements.len() { e } else { Structure::ROOT }
    }

    /// The Link element for a link annotation tagged `tag`: the element itself when it is a
    /// Link, else a new Link inside it (a link with no text of its own, as in an imported paper).
    fn link_element(&mut self, tag: Tag) -> ElemId {
        let parent = match tag {
            Tag::Elem(e) => self.known(e),
            Tag::Artifact(_) => Structure::ROOT,
        };
        if self.structure.role(parent) == Some(Role::Link) {
            return parent;
        }
        let id = self.structure.add(parent, Role::Link, Detail::None);
        self.kids.push(Vec::new());
        self.attached.push(false);
        id
    }

    /// Adds an element (and its ancestors) to the reading order, once.
    fn attach(&mut self, e: ElemId) {
        let mut e = e;
        loop {
            let i = e.0 as usize;
            if self.attached[i] {
                return;
            }
            self.attached[i] = true;
            let Some(parent) = self.structure.elements[i].parent else { return };
            self.kids[parent.0 as usize].push(Kid::Elem(e));
            e = parent;
        }
    }

    /// Table cells with no content still belong in their row, after the cells made before them.
    fn attach_empty_cells(&mut self) {
        for i in 0..self.structure.elements.len() {
            let el = &self.structure.elements[i];
            if self.attached[i] || !el.role.kept_when_empty() {
                continue;
            }
            let Some(parent) = el.parent else { continue };
            if !self.attached[parent.0 as usize] {
                continue;
            }
            let kids = &mut self.kids[parent.0 as usize];
            let at = kids.iter().rposition(|k| matches!(k, Kid::Elem(x) if (x.0 as usize) < i)).map_or(0, |p| p + 1);
            kids.insert(at, Kid::Elem(ElemId(i as u32)));
            self.attached[i] = true;
        }
    }

    /// The segment of page `page`'s item `item` ([`NO_SEGMENT`] for a link).
    pub(crate) fn segment(&self, page: usize, item: usize) -> u32 {
        self.item_segments.get(page).and_then(|s| s.get(item)).copied().unwrap_or(NO_SEGMENT)
    }

    /// Opens segment `s`'s marked-content sequence for `pass` on `page`, giving it the page's
    /// next MCID when it is content.
    /// Returns whether it opened one: nothing is marked on a page of a tagged paper, whose
    /// stamp is drawn inside one artifact (see `import::merge`).
    pub(crate) fn begin(&mut self, s: u32, page: usize, pass: Pass, out: &mut Vec<u8>) -> bool {
        if self.page_graft.get(page).copied().flatten().is_some() {
            return false;
        }
        let Some(seg) = self.segments.get_mut(s as usize) else { return false };
        match seg.tag {
            Tag::Elem(e) => {
                let tree = &mut self.parent_tree[page];
                let mcid = tree.len() as u32;
                tree.push(e);
                seg.mcids[pass as usize] = mcid;
                let role = self.structure.role(e).unwrap_or(Role::P);
                let _ = writeln!(out, "/{} <</MCID {mcid}>> BDC", role.name());
            }
            Tag::Artifact(kind) => {
                let properties: &[u8] = match kind {
                    Artifact::Header => b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
                    Artifact::Footer => b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
                    Artifact::RepeatedHeader | Artifact::Stamp => b"/Artifact <</Type /Pagination>> BDC\n",
                    Artifact::Layout => b"/Artifact <</Type /Layout>> BDC\n",
                };
                out.extend_from_slice(properties);
            }
        }
        true
    }

    /// Copies each tagged paper's own tree under its Div (`ids`: the written elements;
    /// `annot_ids`: the link annotations, in [`Plan::links`] order).
    fn graft_papers(
        &self,
        doc: &mut lopdf::Document,
        pages: &[ObjectId],
        ids: &[Option<ObjectId>],
        annot_ids: &[Option<ObjectId>],
    ) -> Vec<import::Grafted> {
        let mut out = Vec::with_capacity(self.grafts.len());
        for (g, plan) in self.grafts.iter().enumerate() {
            let mut annots = HashMap::new();
            for (link, annot) in self.links.iter().zip(annot_ids) {
                if let (Some(source), Some(annot)) = (link.source, annot)
                    && self.page_graft.get(link.page as usize).copied().flatten() == Some(g as u32)
                {
                    annots.insert(source, *annot);
                }
            }
            let page_map = plan
                .pages
                .iter()
                .filter_map(|&(p, index)| Some((plan.pdf.page_id(index)?, *pages.get(p as usize)?)))
                .collect();
            let Some(parent) = ids.get(plan.div.0 as usize).copied().flatten() else {
                out.push(import::Grafted::default());
                continue;
            };
            let target = import::Target { pages: page_map, annots: &annots, parent };
            out.push(import::graft(plan.pdf.document(), doc, &target));
        }
        out
    }

    /// Writes the structure tree into the finished document. `pages` are the page objects in
    /// order. The elements and the ParentTree come back as bytes, for [`pdf_file::to_bytes`] to
    /// write beside the document's objects.
    pub(crate) fn finish(self, doc: &mut lopdf::Document, pages: &[ObjectId]) -> lopdf::Result<Finished> {
        let root_id = doc.new_object_id();
        let n = self.structure.elements.len();
        let ids: Vec<Option<ObjectId>> =
            (0..n).map(|i| if self.attached[i] || i == 0 { Some(doc.new_object_id()) } else { None }).collect();

        // Link annotations: indirect objects with /StructParent and /Contents.
        let first_annot_key = pages.len() as i64;
        let mut annot_ids: Vec<Option<ObjectId>> = Vec::with_capacity(self.links.len());
        let mut page_annots: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
        let mut annots_read = vec![false; pages.len()];
        for (k, link) in self.links.iter().enumerate() {
            let p = link.page as usize;
            let Some(&page_id) = pages.get(p) else {
                annot_ids.push(None);
                continue;
            };
            if !annots_read[p] {
                annots_read[p] = true;
                page_annots[p] = match doc.get_dictionary(page_id)?.get(b"Annots") {
                    Ok(Object::Array(a)) => a.clone(),
                    Ok(Object::Reference(r)) => doc.get_object(*r)?.as_array().cloned().unwrap_or_default(),
                    _ => Vec::new(),
                };
            }
            let slot = page_annots[p].get(link.annot as usize).cloned();
            let mut annot = match slot {
                Some(Object::Dictionary(d)) => d,
                Some(Object::Reference(r)) => doc.get_dictionary(r)?.clone(),
                _ => {
                    annot_ids.push(None);
                    continue;
                }
            };
            annot.set("StructParent", Object::Integer(first_annot_key + k as i64));
            annot.set("Contents", lopdf::text_string(&link.contents));
            annot.set("P", Object::Reference(page_id));
            let id = doc.add_object(Object::Dictionary(annot));
            page_annots[p][link.annot as usize] = Object::Reference(id);
            annot_ids.push(Some(id));
        }
        let grafted = self.graft_papers(doc, pages, &ids, &annot_ids);
        for (p, &page_id) in pages.iter().enumerate() {
            let page = doc.get_dictionary_mut(page_id)?;
            page.set("StructParents", Object::Integer(p as i64));
            page.set("Tabs", Object::Name(b"S".to_vec()));
            if annots_read[p] {
                page.set("Annots", Object::Array(std::mem::take(&mut page_annots[p])));
            }
        }

        // Structure elements and the ParentTree, written as bytes (pdf_file.rs): a pack has
        // thousands of elements, and as lopdf dictionaries they were an eighth of its time and a
        // third of its memory.
        let mut raw: Vec<(ObjectId, Vec<u8>)> = Vec::with_capacity(ids.len() + 1);
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = *id else { continue };
            let el = &self.structure.elements[i];
            let mut d = Vec::with_capacity(96);
            d.extend_from_slice(b"<</Type/StructElem/S/");
            d.extend_from_slice(el.role.name().as_bytes());
            let parent = el.parent.and_then(|p| ids[p.0 as usize]).unwrap_or(root_id);
            d.extend_from_slice(b"/P ");
            pdf_file::reference(&mut d, parent);
            let home = self.kids[i].iter().find_map(|k| match k {
                Kid::Segment(s) => Some(self.segments[*s as usize].page),
                Kid::Annot(l) => Some(self.links[*l as usize].page),
                Kid::Imported(p) => Some(*p),
                Kid::Elem(_) | Kid::Graft(_) => None,
            });
            if let Some(pg) = home.and_then(|p| pages.get(p as usize)) {
                d.extend_from_slice(b"/Pg ");
                pdf_file::reference(&mut d, *pg);
            }
            // Each kid as its bytes: an element, an MCID, an MCR or an OBJR.
            let mut k: Vec<Vec<u8>> = Vec::new();
            let mcr = |page: u32, mcid: u32| {
                let pg = pages.get(page as usize)?;
                let mut b = b"<</Type/MCR/Pg ".to_vec();
                pdf_file::reference(&mut b, *pg);
                b.extend_from_slice(b"/MCID ");
                pdf_file::integer(&mut b, i64::from(mcid));
                b.extend_from_slice(b">>");
                Some(b)
            };
            for kid in &self.kids[i] {
                match *kid {
                    Kid::Elem(e) => {
                        if let Some(eid) = ids[e.0 as usize] {
                            let mut b = Vec::new();
                            pdf_file::reference(&mut b, eid);
                            k.push(b);
                        }
                    }
                    Kid::Segment(s) => {
                        let seg = &self.segments[s as usize];
                        for mcid in seg.mcids.into_iter().filter(|&m| m != NO_MCID) {
                            if Some(seg.page) == home {
                                let mut b = Vec::new();
                                pdf_file::integer(&mut b, i64::from(mcid));
                                k.push(b);
                            } else {
                                k.extend(mcr(seg.page, mcid));
                            }
                        }
                    }
                    Kid::Imported(p) => {
                        if Some(p) == home {
                            let mut b = Vec::new();
                            pdf_file::integer(&mut b, i64::from(IMPORTED_MCID));
                            k.push(b);
                        } else {
                            k.extend(mcr(p, IMPORTED_MCID));
                        }
                    }
                    Kid::Graft(g) => {
                        let top = grafted.get(g as usize).map_or(&[][..], |g| &g.top[..]);
                        for &id in top {
                            let mut b = Vec::new();
                            pdf_file::reference(&mut b, id);
                            k.push(b);
                        }
                    }
                    Kid::Annot(l) => {
                        let link = &self.links[l as usize];
                        if let (Some(Some(aid)), Some(pg)) = (annot_ids.get(l as usize), pages.get(link.page as usize))
                        {
                            let mut b = b"<</Type/OBJR/Obj ".to_vec();
                            pdf_file::reference(&mut b, *aid);
                            b.extend_from_slice(b"/Pg ");
                            pdf_file::reference(&mut b, *pg);
                            b.extend_from_slice(b">>");
                            k.push(b);
                        }
                    }
                }
            }
            // A single kid is written bare: some checkers mishandle `/K [0]`.
            match k.len() {
                0 => {}
                1 => {
                    d.extend_from_slice(b"/K ");
                    d.extend_from_slice(&k[0]);
                }
                _ => {
                    d.extend_from_slice(b"/K[");
                    for (n, kid) in k.iter().enumerate() {
                        if n > 0 {
                            d.push(b' ');
                        }
                        d.extend_from_slice(kid);
                    }
                    d.push(b']');
                }
            }
            match &el.detail {
                Detail::None | Detail::Contents(_) => {}
                Detail::Alt(alt) => {
                    d.extend_from_slice(b"/Alt");
                    pdf_file::object(&mut d, &lopdf::text_string(alt));
                }
                Detail::ColumnHeader { span } => {
                    d.extend_from_slice(b"/A<</O/Table/Scope/Column");
                    if *span > 1 {
                        d.extend_from_slice(b"/ColSpan ");
                        pdf_file::integer(&mut d, i64::from(*span));
                    }
                    d.extend_from_slice(b">>");
                }
                Detail::List(numbering) => {
                    let name: &[u8] = match numbering {
                        Numbering::Disc => b"Disc",
                        Numbering::LowerAlpha => b"LowerAlpha",
                        Numbering::Decimal => b"Decimal",
                    };
                    d.extend_from_slice(b"/A<</O/List/ListNumbering/");
                    d.extend_from_slice(name);
                    d.extend_from_slice(b">>");
                }
            }
            d.extend_from_slice(b">>");
            raw.push((id, d));
        }

        // ParentTree: one flat /Nums array, keys ascending; pages first, then annotations.
        let mut nums = b"<</Nums[".to_vec();
        for (p, tree) in self.parent_tree.iter().enumerate().take(pages.len()) {
            pdf_file::integer(&mut nums, p as i64);
            let paper = self.page_graft[p].and_then(|g| grafted.get(g as usize)?.page_trees.get(&pages[p]));
            match paper {
                Some(tree) => pdf_file::object(&mut nums, &Object::Array(tree.clone())),
                None => {
                    nums.push(b'[');
                    for (n, eid) in tree.iter().filter_map(|e| ids.get(e.0 as usize).copied().flatten()).enumerate() {
                        if n > 0 {
                            nums.push(b' ');
                        }
                        pdf_file::reference(&mut nums, eid);
                    }
                    nums.push(b']');
                }
            }
        }
        for (k, link) in self.links.iter().enumerate() {
            let elem = match (link.source, annot_ids.get(k).copied().flatten()) {
                (Some(_), Some(annot)) => grafted.iter().find_map(|g| g.links.get(&annot).copied()),
                (Some(_), None) => None,
                (None, _) => ids.get(link.elem.0 as usize).copied().flatten(),
            };
            if let Some(eid) = elem {
                nums.push(b' ');
                pdf_file::integer(&mut nums, first_annot_key + k as i64);
                nums.push(b' ');
                pdf_file::reference(&mut nums, eid);
            }
        }
        nums.extend_from_slice(b"]>>");
        let tree_id = doc.new_object_id();
        raw.push((tree_id, nums));

        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
        if let Some(document) = ids[0] {
            root.set("K", Object::Reference(document));
        }
        root.set("ParentTree", Object::Reference(tree_id));
        // The papers' custom roles and attribute classes (the pack's own roles are standard).
        let role_maps = grafted.iter().map(|g| &g.role_map);
        let class_maps = grafted.iter().map(|g| &g.class_map);
        for (key, merged) in [("RoleMap", merge_maps(role_maps)), ("ClassMap", merge_maps(class_maps))] {
            if !merged.is_empty() {
                root.set(key, Object::Dictionary(merged));
            }
        }
        root.set("ParentTreeNextKey", Object::Integer(first_annot_key + self.links.len() as i64));
        doc.objects.insert(root_id, Object::Dictionary(root));
        Ok(Finished { root: root_id, raw })
    }
}

/// The entries of several dictionaries, the first of each key kept.
fn merge_maps<'a>(maps: impl Iterator<Item = &'a Dictionary>) -> Dictionary {
    let mut merged = Dictionary::new();
    for map in maps {
        for (k, v) in map.iter() {
            if !merged.has(k) {
                merged.set(k.clone(), v.clone());
            }
        }
    }
    merged
}

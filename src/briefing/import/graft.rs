//! Carrying a tagged paper's own structure tree into the pack, so a screen reader reads the
//! minutes' headings, lists and links as their author tagged them, not one block per page.
//!
//! At import, [`check`] walks the source's tree once: a tree that is missing pieces, loops or is
//! absurdly large is not grafted (the paper is then read as one Div per page and the pack does
//! not claim PDF/UA). When the pack is written, the source's pages are drawn inline, MCIDs
//! untouched (see `merge`), and [`graft`] copies the elements under the agenda item's Div with
//! `/P`, `/Pg`, OBJRs and the ParentTree arrays pointing at the pack's objects.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::parse::deref;

/// Most structure elements taken from one paper.
const MAX_ELEMENTS: usize = 200_000;
/// Deepest structure nesting followed.
const MAX_DEPTH: usize = 100;
/// Deepest nesting of an attribute value copied (`/A`, `/C` …).
const MAX_VALUE_DEPTH: usize = 8;

/// What import found out about a paper's tags.
#[derive(Debug)]
pub(crate) enum SourceTags {
    /// No structure tree, or not marked as tagged.
    None,
    /// Tagged, but the tree cannot be carried over; why, in a reader's words.
    Unusable(String),
    /// The tree can be grafted. `link_annots`: the annotations a Link element holds (by OBJR).
    Graftable { link_annots: HashSet<ObjectId> },
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    deref(doc, o).as_dict().ok()
}

fn kids(o: Option<&Object>) -> Vec<Object> {
    match o {
        Some(Object::Array(a)) => a.clone(),
        Some(Object::Null) | None => Vec::new(),
        Some(other) => vec![other.clone()],
    }
}

fn struct_root(doc: &Document) -> Option<&Dictionary> {
    let catalog = doc.catalog().ok()?;
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|m| dict(doc, m))
        .and_then(|m| m.get(b"Marked").ok())
        .and_then(|m| m.as_bool().ok())
        .unwrap_or(false);
    if !marked {
        return None;
    }
    catalog.get(b"StructTreeRoot").ok().and_then(|r| dict(doc, r))
}

/// The ParentTree as one map (following `/Kids`, as number trees may be split).
fn parent_tree(doc: &Document, root: &Dictionary) -> Result<BTreeMap<i64, Object>, String> {
    fn walk(doc: &Document, node: &Dictionary, depth: usize, out: &mut BTreeMap<i64, Object>) -> Result<(), String> {
        if depth > 32 {
            return Err("its parent tree is nested too deeply".into());
        }
        if let Ok(Object::Array(nums)) = node.get(b"Nums").map(|o| deref(doc, o)) {
            for pair in nums.chunks(2) {
                if let [k, v] = pair
                    && let Ok(k) = k.as_i64()
                {
                    out.insert(k, v.clone());
                }
            }
        }
        if let Ok(Object::Array(kids)) = node.get(b"Kids").map(|o| deref(doc, o)) {
            for k in kids {
                let kid = dict(doc, k).ok_or("its parent tree has a broken branch")?;
                walk(doc, kid, depth + 1, out)?;
            }
        }
        Ok(())
    }
    let tree = root.get(b"ParentTree").ok().and_then(|t| dict(doc, t)).ok_or("it has no parent tree")?;
    let mut out = BTreeMap::new();
    walk(doc, tree, 0, &mut out)?;
    Ok(out)
}

fn is_element(d: &Dictionary) -> bool {
    d.get(b"S").and_then(Object::as_name).is_ok()
        && d.get(b"Type").and_then(Object::as_name).ok().is_none_or(|t| t == b"StructElem")
}

/// Checks that a tagged paper's tree can be grafted, so the pack never claims PDF/UA for a
/// paper whose tags would not hold there: every element reached once and within limits; every
/// MCID an element holds is on a page of the paper, held once, drawn in that page's content
/// (`contents`, decoded, in page order) and listed for that element in the parent tree; and
/// every piece of text and drawing on the pages is marked as content or as an artifact.
pub(crate) fn check(doc: &Document, pages: &[ObjectId], contents: &[&[u8]]) -> SourceTags {
    let Some(root) = struct_root(doc) else { return SourceTags::None };
    let unusable = |why: &str| SourceTags::Unusable(why.to_owned());
    let tree = match parent_tree(doc, root) {
        Ok(t) => t,
        Err(why) => return SourceTags::Unusable(why),
    };
    let page_set: HashSet<ObjectId> = pages.iter().copied().collect();
    let role_map = root.get(b"RoleMap").ok().and_then(|m| dict(doc, m));
    let role_of = |d: &Dictionary| standard_role(d.get(b"S").and_then(Object::as_name).unwrap_or_default(), role_map);
    let mut seen = HashSet::new();
    let mut link_annots = HashSet::new();
    // (page, MCID) → the element holding it.
    let mut owners: HashMap<(ObjectId, i64), ObjectId> = HashMap::new();
    let mut stack: Vec<(Object, usize)> = kids(root.get(b"K").ok()).into_iter().map(|k| (k, 0)).collect();
    while let Some((kid, depth)) = stack.pop() {
        let Object::Reference(id) = kid else { continue };
        let Some(d) = doc.get_dictionary(id).ok() else { return unusable("its tags point at missing objects") };
        if !is_element(d) {
            continue;
        }
        if !seen.insert(id) {
            return unusable("its tags list an element twice");
        }
        if seen.len() > MAX_ELEMENTS || depth > MAX_DEPTH {
            return unusable("its tags are too large or too deeply nested to carry over");
        }
        // The rules the pack's own tags keep (and its checks test): standard roles, directly or
        // through the role map; list items hold only labels and bodies; header cells a scope.
        let Some(role) = role_of(d) else {
            return unusable("its tags use a role that is not standard or mapped to one");
        };
        if role == b"TH" && !has_scope(doc, d) {
            return unusable("a table header cell of its tags has no scope");
        }
        let link = role == b"Link";
        let pg = d.get(b"Pg").and_then(Object::as_reference).ok();
        for k in kids(d.get(b"K").ok()) {
            let (page, mcid) = match &k {
                Object::Integer(mcid) => (pg, *mcid),
                Object::Reference(r) if doc.get_dictionary(*r).is_ok_and(is_element) => {
                    let kid_role = doc.get_dictionary(*r).ok().and_then(role_of);
                    if role == b"LI" && !matches!(kid_role, Some(b"Lbl" | b"LBody")) {
                        return unusable("a list item of its tags holds something besides a label and a body");
                    }
                    stack.push((k, depth + 1));
                    continue;
                }
                other => {
                    let Some(item) = dict(doc, other) else { continue };
                    match item.get(b"Type").and_then(Object::as_name).unwrap_or_default() {
                        b"OBJR" => {
                            if let (true, Ok(obj)) = (link, item.get(b"Obj").and_then(Object::as_reference)) {
                                link_annots.insert(obj);
                            }
                            continue;
                        }
                        // Content inside a form: not carried (see `content_item`).
                        b"MCR" if item.has(b"Stm") => continue,
                        b"MCR" => {
                            let Ok(mcid) = item.get(b"MCID").and_then(Object::as_i64) else { continue };
                            (item.get(b"Pg").and_then(Object::as_reference).ok().or(pg), mcid)
                        }
                        _ => continue,
                    }
                }
            };
            let Some(page) = page.filter(|p| page_set.contains(p)) else {
                return unusable("its tags point at content without saying which of its pages holds it");
            };
            if owners.insert((page, mcid), id).is_some() {
                return unusable("two of its tags claim the same content");
            }
        }
    }
    if seen.is_empty() {
        return unusable("its structure tree is empty");
    }
    for (n, &page) in pages.iter().enumerate() {
        let drawn = match contents.get(n).map(|c| all_marked(c)) {
            Some(Ok(drawn)) => drawn,
            Some(Err(why)) => return SourceTags::Unusable(format!("page {} has {why}", n + 1)),
            None => Drawn { named: true, ..Drawn::default() },
        };
        let held: BTreeMap<i64, ObjectId> =
            owners.iter().filter(|((p, _), _)| *p == page).map(|((_, m), e)| (*m, *e)).collect();
        // Named property lists hide their MCIDs: then the content cannot be compared.
        if !drawn.named && !drawn.mcids.iter().copied().eq(held.keys().copied()) {
            return SourceTags::Unusable(format!("page {}'s tags and its content do not match", n + 1));
        }
        if held.is_empty() {
            continue;
        }
        let key = doc.get_dictionary(page).ok().and_then(|p| p.get(b"StructParents").ok()?.as_i64().ok());
        let Some(Object::Array(arr)) = key.and_then(|k| tree.get(&k)).map(|a| deref(doc, a)) else {
            return unusable("a page's entry is missing from its parent tree");
        };
        for (mcid, elem) in &held {
            let listed = usize::try_from(*mcid).ok().and_then(|m| arr.get(m)).and_then(|o| o.as_reference().ok());
            if listed != Some(*elem) {
                return SourceTags::Unusable(format!("page {}'s parent tree does not match its tags", n + 1));
            }
        }
    }
    SourceTags::Graftable { link_annots }
}

/// PDF 1.7's standard structure types (ISO 32000-1, 14.8.4).
const STANDARD_ROLES: [&[u8]; 49] = [
    b"Document",
    b"Part",
    b"Art",
    b"Sect",
    b"Div",
    b"BlockQuote",
    b"Caption",
    b"TOC",
    b"TOCI",
    b"Index",
    b"NonStruct",
    b"Private",
    b"P",
    b"H",
    b"H1",
    b"H2",
    b"H3",
    b"H4",
    b"H5",
    b"H6",
    b"L",
    b"LI",
    b"Lbl",
    b"LBody",
    b"Table",
    b"TR",
    b"TH",
    b"TD",
    b"THead",
    b"TBody",
    b"TFoot",
    b"Span",
    b"Quote",
    b"Note",
    b"Reference",
    b"BibEntry",
    b"Code",
    b"Link",
    b"Annot",
    b"Ruby",
    b"RB",
    b"RT",
    b"RP",
    b"Warichu",
    b"WT",
    b"WP",
    b"Figure",
    b"Formula",
    b"Form",
];

/// The standard role `role` is, or is mapped to (following the role map a few steps).
fn standard_role<'a>(role: &'a [u8], map: Option<&'a Dictionary>) -> Option<&'static [u8]> {
    let mut role = role;
    for _ in 0..8 {
        if let Some(standard) = STANDARD_ROLES.iter().find(|s| **s == role) {
            return Some(standard);
        }
        role = map?.get(role).and_then(Object::as_name).ok()?;
    }
    None
}

/// A header cell's `/Scope`, in its attributes (a dictionary or an array of them).
fn has_scope(doc: &Document, d: &Dictionary) -> bool {
    let scoped = |a: &Object| dict(doc, a).is_some_and(|a| a.has(b"Scope"));
    match d.get(b"A").map(|a| deref(doc, a)) {
        Ok(Object::Array(list)) => list.iter().any(scoped),
        Ok(a) => scoped(a),
        Err(_) => false,
    }
}

/// What a page's content marks: its MCIDs in order, and whether it names property lists.
#[derive(Default)]
struct Drawn {
    mcids: BTreeSet<i64>,
    named: bool,
}

/// Text-showing and painting operators (as in the pack's own tagging check).
const MARKED_OPS: [&str; 16] =
    ["Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"];

/// Every text-showing or painting operator of `content` is inside a sequence with an MCID or an
/// artifact; returns the MCIDs it marks.
fn all_marked(content: &[u8]) -> Result<Drawn, String> {
    let ops =
        lopdf::content::Content::decode(content).map_err(|_| "drawing instructions that cannot be read".to_owned())?;
    let mut drawn = Drawn::default();
    // Per open sequence: does it (or one around it) mark content or an artifact?
    let mut open: Vec<bool> = Vec::new();
    for op in &ops.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = op.operands.first().and_then(|t| t.as_name().ok());
                // A property list named in the page's resources (not inline) is taken as the
                // MCID it nearly always is, except for optional content (`/OC`).
                let marks = match op.operands.get(1) {
                    Some(Object::Dictionary(p)) => match p.get(b"MCID").and_then(Object::as_i64) {
                        Ok(mcid) => {
                            if !drawn.mcids.insert(mcid) {
                                return Err(format!("two pieces of content marked {mcid}"));
                            }
                            true
                        }
                        Err(_) => false,
                    },
                    Some(Object::Name(_)) if tag != Some(b"OC") => {
                        drawn.named = true;
                        true
                    }
                    _ => false,
                };
                let outer = open.last().copied().unwrap_or(false);
                open.push(outer || marks || tag == Some(b"Artifact"));
            }
            "EMC" => {
                open.pop();
            }
            o if MARKED_OPS.contains(&o) && !open.last().copied().unwrap_or(false) => {
                return Err("text or drawing that is not tagged".to_owned());
            }
            _ => {}
        }
    }
    Ok(drawn)
}

/// The pack's side of one placement of a paper.
pub(crate) struct Target<'a> {
    /// Source page id → the pack page that shows it.
    pub pages: HashMap<ObjectId, ObjectId>,
    /// Source link annotation → the pack's annotation made for it.
    pub annots: &'a HashMap<ObjectId, ObjectId>,
    /// The element the paper's elements hang from (the item's Div).
    pub parent: ObjectId,
}

/// What a graft added to the pack's tree.
#[derive(Default)]
pub(crate) struct Grafted {
    /// The paper's top elements, in reading order, for the parent's `/K`.
    pub top: Vec<ObjectId>,
    /// Per pack page: its ParentTree array (the paper's, pointing at the copied elements).
    pub page_trees: HashMap<ObjectId, Vec<Object>>,
    /// The pack's annotation → the copied Link element that holds it.
    pub links: HashMap<ObjectId, ObjectId>,
    /// The paper's role map entries (its custom roles), for the pack's `/RoleMap`.
    pub role_map: Dictionary,
    pub class_map: Dictionary,
}

struct Copy<'a, 'b> {
    src: &'a Document,
    out: &'b mut Document,
    target: &'b Target<'b>,
    elems: HashMap<ObjectId, ObjectId>,
    links: HashMap<ObjectId, ObjectId>,
}

/// Copies a paper's tree into `out` under `target.parent`.
pub(crate) fn graft(src: &Document, out: &mut Document, target: &Target<'_>) -> Grafted {
    let mut grafted = Grafted::default();
    let Some(root) = struct_root(src) else { return grafted };
    let mut copy = Copy { src, out, target, elems: HashMap::new(), links: HashMap::new() };
    for kid in kids(root.get(b"K").ok()) {
        let Object::Reference(id) = kid else { continue };
        let Ok(d) = src.get_dictionary(id) else { continue };
        if !is_element(d) {
            continue;
        }
        // The paper's own Document element would be a Document inside a Sect: its children
        // hang from the item's Div instead, when it holds only elements.
        let document = d.get(b"S").and_then(Object::as_name).is_ok_and(|s| s == b"Document");
        let only_elements = kids(d.get(b"K").ok())
            .iter()
            .all(|k| matches!(k, Object::Reference(r) if src.get_dictionary(*r).is_ok_and(is_element)));
        if document && only_elements {
            for k in kids(d.get(b"K").ok()) {
                if let Object::Reference(r) = k
                    && let Some(new) = copy.element(r, target.parent, 0)
                {
                    grafted.top.push(new);
                }
            }
        } else if let Some(new) = copy.element(id, target.parent, 0) {
            if document && let Ok(Object::Dictionary(e)) = copy.out.get_object_mut(new) {
                e.set("S", Object::Name(b"Div".to_vec()));
            }
            grafted.top.push(new);
        }
    }
    if let Ok(tree) = parent_tree(src, root) {
        for (&src_page, &page) in &target.pages {
            let Some(key) = src.get_dictionary(src_page).ok().and_then(|p| p.get(b"StructParents").ok()) else {
                continue;
            };
            let Some(Object::Array(arr)) = key.as_i64().ok().and_then(|k| tree.get(&k)).map(|a| deref(src, a)) else {
                continue;
            };
            let mapped = arr
                .iter()
                .map(|e| match e {
                    Object::Reference(r) => copy.elems.get(r).map_or(Object::Null, |n| Object::Reference(*n)),
                    _ => Object::Null,
                })
                .collect();
            grafted.page_trees.insert(page, mapped);
        }
    }
    for (key, value) in ["RoleMap", "ClassMap"].iter().filter_map(|k| root.get(k.as_bytes()).ok().map(|v| (*k, v))) {
        let Some(map) = dict(src, value) else { continue };
        let into = if key == "RoleMap" { &mut grafted.role_map } else { &mut grafted.class_map };
        for (k, v) in map.iter() {
            if let Some(v) = inline(src, v, 0) {
                into.set(k.clone(), v);
            }
        }
    }
    grafted.links = copy.links;
    grafted
}

impl Copy<'_, '_> {
    fn page(&self, pg: Option<&Object>) -> Option<ObjectId> {
        pg.and_then(|p| p.as_reference().ok()).and_then(|p| self.target.pages.get(&p).copied())
    }

    /// Copies element `id` (and its subtree) under `parent`; its new id.
    fn element(&mut self, id: ObjectId, parent: ObjectId, depth: usize) -> Option<ObjectId> {
        if depth > MAX_DEPTH || self.elems.contains_key(&id) || self.elems.len() >= MAX_ELEMENTS {
            return None;
        }
        let src = self.src;
        let d = src.get_dictionary(id).ok().filter(|d| is_element(d))?;
        let new = self.out.new_object_id();
        self.elems.insert(id, new);
        let pg = self.page(d.get(b"Pg").ok());
        let mut e = Dictionary::new();
        e.set("Type", Object::Name(b"StructElem".to_vec()));
        for key in ["S", "A", "C", "Alt", "ActualText", "E", "Lang", "T", "R"] {
            if let Some(v) = d.get(key.as_bytes()).ok().and_then(|v| inline(src, v, 0)) {
                e.set(key, v);
            }
        }
        e.set("P", Object::Reference(parent));
        if let Some(pg) = pg {
            e.set("Pg", Object::Reference(pg));
        }
        let mut k = Vec::new();
        for kid in kids(d.get(b"K").ok()) {
            match &kid {
                Object::Integer(_) => {
                    if pg.is_some() {
                        k.push(kid.clone());
                    }
                }
                Object::Reference(r) if src.get_dictionary(*r).is_ok_and(is_element) => {
                    if let Some(child) = self.element(*r, new, depth + 1) {
                        k.push(Object::Reference(child));
                    }
                }
                _ => {
                    if let Some(item) = self.content_item(&kid, pg, new) {
                        k.push(item);
                    }
                }
            }
        }
        // A single kid bare, as the pack writes its own (some checkers mishandle `/K [0]`).
        match k.len() {
            0 => {}
            1 => e.set("K", k.pop().unwrap_or(Object::Null)),
            _ => e.set("K", Object::Array(k)),
        }
        self.out.objects.insert(new, Object::Dictionary(e));
        Some(new)
    }

    /// A marked-content or object reference, pointed at the pack's page or annotation; `None`
    /// for what the pack does not carry (content inside the paper's forms, dropped annotations).
    fn content_item(&mut self, kid: &Object, pg: Option<ObjectId>, elem: ObjectId) -> Option<Object> {
        let d = dict(self.src, kid)?;
        let page = d.get(b"Pg").ok().map_or(pg, |p| self.page(Some(p)))?;
        match d.get(b"Type").and_then(Object::as_name).ok()? {
            b"MCR" => {
                if d.has(b"Stm") {
                    return None;
                }
                let mcid = d.get(b"MCID").and_then(Object::as_i64).ok()?;
                let mut mcr = Dictionary::new();
                mcr.set("Type", Object::Name(b"MCR".to_vec()));
                mcr.set("Pg", Object::Reference(page));
                mcr.set("MCID", Object::Integer(mcid));
                Some(Object::Dictionary(mcr))
            }
            b"OBJR" => {
                let obj = d.get(b"Obj").and_then(Object::as_reference).ok()?;
                let annot = *self.target.annots.get(&obj)?;
                self.links.insert(annot, elem);
                let mut objr = Dictionary::new();
                objr.set("Type", Object::Name(b"OBJR".to_vec()));
                objr.set("Obj", Object::Reference(annot));
                objr.set("Pg", Object::Reference(page));
                Some(Object::Dictionary(objr))
            }
            _ => None,
        }
    }
}

/// A copy of a small value (names, numbers, strings, and dictionaries and arrays of them) with
/// references resolved; `None` for streams or anything nested too deeply.
fn inline(doc: &Document, o: &Object, depth: usize) -> Option<Object> {
    if depth > MAX_VALUE_DEPTH {
        return None;
    }
    match deref(doc, o) {
        Object::Array(a) => Some(Object::Array(a.iter().filter_map(|v| inline(doc, v, depth + 1)).collect())),
        Object::Dictionary(d) => {
            let mut out = Dictionary::new();
            for (k, v) in d.iter() {
                if let Some(v) = inline(doc, v, depth + 1) {
                    out.set(k.clone(), v);
                }
            }
            Some(Object::Dictionary(out))
        }
        Object::Stream(_) | Object::Reference(_) => None,
        other => Some(other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// The source page's content: the H1's MCID 0 and the Link's MCID 1.
    const PAGE: &[u8] = b"/H1 <</MCID 0>> BDC BT (a) Tj ET EMC /Link <</MCID 1>> BDC BT (b) Tj ET EMC";

    fn tagged_source() -> (Document, ObjectId, ObjectId, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let page = doc.new_object_id();
        let annot = doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Link" });
        let root = doc.new_object_id();
        let document = doc.new_object_id();
        let h1 = doc.add_object(dictionary! {
            "Type" => "StructElem", "S" => "H1", "P" => Object::Reference(document),
            "Pg" => Object::Reference(page), "K" => 0,
        });
        let link = doc.add_object(dictionary! {
            "Type" => "StructElem", "S" => "Link", "P" => Object::Reference(document), "Pg" => Object::Reference(page),
            "K" => vec![Object::Integer(1), Object::Dictionary(dictionary! { "Type" => "OBJR", "Obj" => Object::Reference(annot) })],
        });
        doc.objects.insert(
            document,
            Object::Dictionary(dictionary! {
                "Type" => "StructElem", "S" => "Document", "P" => Object::Reference(root),
                "K" => vec![Object::Reference(h1), Object::Reference(link)],
            }),
        );
        doc.objects.insert(
            root,
            Object::Dictionary(dictionary! {
                "Type" => "StructTreeRoot", "K" => Object::Reference(document),
                "ParentTree" => dictionary! { "Nums" => vec![
                    Object::Integer(0), Object::Reference(link),
                    Object::Integer(1), Object::Array(vec![Object::Reference(h1), Object::Reference(link)]),
                ] },
                "RoleMap" => dictionary! { "Title" => "P" },
            }),
        );
        doc.objects.insert(page, Object::Dictionary(dictionary! { "Type" => "Page", "StructParents" => 1 }));
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "StructTreeRoot" => Object::Reference(root),
            "MarkInfo" => dictionary! { "Marked" => true },
        });
        doc.trailer.set("Root", Object::Reference(catalog));
        (doc, page, annot, h1)
    }

    #[test]
    fn a_tagged_paper_is_grafted_under_the_item_with_its_pages_links_and_roles_renumbered() {
        let (src, page, annot, h1) = tagged_source();
        let SourceTags::Graftable { link_annots } = check(&src, &[page], &[PAGE]) else { panic!("graftable") };
        assert!(link_annots.contains(&annot));

        let mut out = Document::with_version("1.7");
        let pack_page = out.add_object(dictionary! { "Type" => "Page" });
        let pack_annot = out.add_object(dictionary! { "Type" => "Annot" });
        let div = out.new_object_id();
        let annots = HashMap::from([(annot, pack_annot)]);
        let target = Target { pages: HashMap::from([(page, pack_page)]), annots: &annots, parent: div };
        let g = graft(&src, &mut out, &target);

        // The Document element is dropped: its H1 and Link hang from the Div.
        assert_eq!(g.top.len(), 2);
        let new_h1 = out.get_dictionary(g.top[0]).unwrap();
        assert_eq!(new_h1.get(b"S").unwrap().as_name().unwrap(), b"H1");
        assert_eq!(new_h1.get(b"P").unwrap().as_reference().unwrap(), div);
        assert_eq!(new_h1.get(b"Pg").unwrap().as_reference().unwrap(), pack_page);
        assert_eq!(new_h1.get(b"K").unwrap().as_i64().unwrap(), 0);
        let tree = &g.page_trees[&pack_page];
        assert_eq!(tree, &vec![Object::Reference(g.top[0]), Object::Reference(g.top[1])]);
        let link = out.get_dictionary(g.top[1]).unwrap();
        let k = link.get(b"K").unwrap().as_array().unwrap();
        let objr = k[1].as_dict().unwrap();
        assert_eq!(objr.get(b"Obj").unwrap().as_reference().unwrap(), pack_annot);
        assert_eq!(g.links[&pack_annot], g.top[1]);
        assert_eq!(g.role_map.get(b"Title").unwrap().as_name().unwrap(), b"P");
        assert_ne!(g.top[0], h1, "copied, not shared");
    }

    #[test]
    fn trees_that_loop_or_lack_a_page_entry_are_not_grafted() {
        let (mut src, page, _, h1) = tagged_source();
        // The H1 lists its own parent: a loop.
        let document = src.get_dictionary(h1).unwrap().get(b"P").unwrap().as_reference().unwrap();
        src.get_dictionary_mut(h1).unwrap().set("K", Object::Reference(document));
        assert!(matches!(check(&src, &[page], &[PAGE]), SourceTags::Unusable(_)));

        let (mut src, page, _, _) = tagged_source();
        src.get_dictionary_mut(page).unwrap().set("StructParents", 7);
        assert!(matches!(check(&src, &[page], &[PAGE]), SourceTags::Unusable(why) if why.contains("parent tree")));

        // A page with text outside any tag (or a property list named, not inline: not counted).
        let (src, page, _, _) = tagged_source();
        let content: &[u8] = b"/Span <</MCID 0>> BDC BT (a) Tj ET EMC BT (b) Tj ET";
        assert!(
            matches!(check(&src, &[page], &[content]), SourceTags::Unusable(why) if why == "page 1 has text or drawing that is not tagged")
        );
        let content: &[u8] =
            b"/P <</MCID 0>> BDC BT (a) Tj ET EMC /Artifact BMC 0 0 m 1 1 l S EMC /Link <</MCID 1>> BDC EMC";
        assert!(matches!(check(&src, &[page], &[content]), SourceTags::Graftable { .. }));
        // Content and tags that disagree: an MCID no element holds, or a parent tree that
        // lists the wrong element.
        let content: &[u8] = b"/P <</MCID 0>> BDC BT (a) Tj ET EMC";
        assert!(matches!(check(&src, &[page], &[content]), SourceTags::Unusable(why) if why.contains("do not match")));
        let (mut src, page, _, h1) = tagged_source();
        let root = src.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap();
        let nums = vec![Object::Integer(1), Object::Array(vec![Object::Reference(h1), Object::Reference(h1)])];
        src.get_dictionary_mut(root).unwrap().set("ParentTree", dictionary! { "Nums" => nums });
        assert!(matches!(check(&src, &[page], &[PAGE]), SourceTags::Unusable(why) if why.contains("does not match")));

        let mut untagged = Document::with_version("1.7");
        let catalog = untagged.add_object(dictionary! { "Type" => "Catalog" });
        untagged.trailer.set("Root", Object::Reference(catalog));
        assert!(matches!(check(&untagged, &[], &[]), SourceTags::None));
    }
}

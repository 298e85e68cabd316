//! The tagged-PDF invariants (issue 13), checked with lopdf on any PDF PeerBrief writes:
//! `assert_tagged(&bytes)` from any test.
//!
//! - every text-showing, path-painting and image/form-painting (`Do`) operator is inside an
//!   MCID sequence or an artifact,
//!   and marked-content sequences with an MCID never nest inside another MCID or artifact;
//! - MCIDs are unique and contiguous (0, 1, 2 …) on each page;
//! - `ParentTree[page's /StructParents][mcid]` is the element whose `/K` holds that MCID;
//! - every StructElem has `/P` pointing at the element (or root) that lists it;
//! - every Link annotation is an indirect object with `/StructParent` and `/Contents`, and a
//!   Link element holds an OBJR back to it (found through the ParentTree too);
//! - TH has `/Scope`; LI holds only Lbl and LBody; `/MarkInfo /Marked true`, `/Lang`, and
//!   `/Tabs /S` on pages with annotations.
//!
//! Content inside form XObjects (an imported paper's pages) is not looked into.

use std::collections::{BTreeMap, HashMap, HashSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// What [`assert_tagged`] found, for further checks.
#[derive(Debug, Default)]
pub struct Tagged {
    /// Element types in reading order (depth first).
    pub roles: Vec<String>,
    /// Marked-content sequences with an MCID, over all pages.
    pub mcids: usize,
    /// Link annotations.
    pub links: usize,
    /// The XMP packet claims PDF/UA-1 (`pdfuaid:part`).
    pub claims_pdf_ua: bool,
}

fn name(o: &Object) -> Option<&[u8]> {
    o.as_name().ok()
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match o {
        Object::Dictionary(d) => Some(d),
        Object::Reference(r) => doc.get_dictionary(*r).ok(),
        _ => None,
    }
}

struct Walk<'a> {
    doc: &'a Document,
    /// (page, mcid) → element that holds it.
    owner: HashMap<(ObjectId, i64), ObjectId>,
    /// Annotation → Link element holding its OBJR.
    objr: HashMap<ObjectId, ObjectId>,
    roles: Vec<String>,
    seen: HashSet<ObjectId>,
}

impl Walk<'_> {
    fn element(&mut self, id: ObjectId, parent: ObjectId, inherited_pg: Option<ObjectId>) {
        assert!(self.seen.insert(id), "structure element {id:?} is listed twice");
        let doc = self.doc;
        let el = doc.get_dictionary(id).unwrap_or_else(|e| panic!("structure element {id:?}: {e}"));
        let role = el.get(b"S").ok().and_then(name).map(|s| String::from_utf8_lossy(s).into_owned());
        let role = role.unwrap_or_else(|| panic!("structure element {id:?} has no /S"));
        let p = el.get(b"P").and_then(Object::as_reference);
        assert_eq!(p.ok(), Some(parent), "{role} {id:?}: /P is not the element that lists it");
        self.roles.push(role.clone());
        let pg = el.get(b"Pg").and_then(Object::as_reference).ok().or(inherited_pg);
        let kids: Vec<Object> = match el.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        if role == "TH" {
            let a = el.get(b"A").ok().and_then(|a| dict(doc, a));
            assert!(a.is_some_and(|a| a.get(b"Scope").is_ok()), "TH {id:?} has no /Scope");
        }
        for kid in &kids {
            match kid {
                Object::Integer(mcid) => {
                    let page = pg.unwrap_or_else(|| panic!("{role} {id:?}: an MCID with no /Pg"));
                    assert!(self.owner.insert((page, *mcid), id).is_none(), "MCID {mcid} on {page:?} held twice");
                }
                Object::Reference(r) => {
                    let child = doc.get_dictionary(*r).unwrap_or_else(|e| panic!("{role} kid {r:?}: {e}"));
                    if role == "LI" {
                        let s = child.get(b"S").ok().and_then(name).unwrap_or(b"");
                        assert!(s == b"Lbl" || s == b"LBody", "LI {id:?} holds {}", String::from_utf8_lossy(s));
                    }
                    self.element(*r, id, pg);
                }
                Object::Dictionary(d) => {
                    let t = d.get(b"Type").ok().and_then(name).unwrap_or(b"");
                    assert!(role != "LI", "LI {id:?} holds content directly");
                    match t {
                        b"MCR" => {
                            let page = d.get(b"Pg").and_then(Object::as_reference).ok().or(pg).expect("MCR page");
                            let mcid = d.get(b"MCID").and_then(Object::as_i64).expect("MCR MCID");
                            assert!(self.owner.insert((page, mcid), id).is_none(), "MCID {mcid} held twice");
                        }
                        b"OBJR" => {
                            let obj = d.get(b"Obj").and_then(Object::as_reference).expect("OBJR /Obj");
                            assert_eq!(role, "Link", "an OBJR outside a Link element");
                            self.objr.insert(obj, id);
                        }
                        other => panic!("{role} {id:?}: unexpected kid type {}", String::from_utf8_lossy(other)),
                    }
                }
                other => panic!("{role} {id:?}: unexpected kid {other:?}"),
            }
        }
    }
}

/// The ParentTree's flat `/Nums` (with `/Kids` followed, as other writers use them).
fn numbers(doc: &Document, node: &Dictionary, out: &mut BTreeMap<i64, Object>) {
    if let Ok(Object::Array(nums)) = node.get(b"Nums") {
        let mut last = None;
        for pair in nums.chunks(2) {
            let key = pair[0].as_i64().expect("ParentTree key");
            assert!(last.is_none_or(|l| key > l), "ParentTree keys must ascend");
            last = Some(key);
            out.insert(key, pair[1].clone());
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids") {
        for k in kids {
            numbers(doc, dict(doc, k).expect("ParentTree kid"), out);
        }
    }
}

const TEXT_OPS: [&str; 4] = ["Tj", "TJ", "'", "\""];
/// Path painting, shading, and images or forms (`Do`, inline `EI`): an imported paper's page is
/// a form, drawn inside its Div's sequence.
const PAINT_OPS: [&str; 12] = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"];

/// Checks every invariant above and returns what it found; panics naming the first broken one.
pub fn assert_tagged(bytes: &[u8]) -> Tagged {
    let doc = Document::load_mem(bytes).expect("the PDF parses");
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog.get(b"MarkInfo").ok().and_then(|m| dict(&doc, m)).and_then(|m| m.get(b"Marked").ok());
    assert_eq!(marked.and_then(|m| m.as_bool().ok()), Some(true), "/MarkInfo /Marked true");
    assert!(catalog.get(b"Lang").is_ok(), "/Lang");
    let root_id = catalog.get(b"StructTreeRoot").and_then(Object::as_reference).expect("/StructTreeRoot");
    let root = doc.get_dictionary(root_id).expect("StructTreeRoot");
    let mut walk =
        Walk { doc: &doc, owner: HashMap::new(), objr: HashMap::new(), roles: Vec::new(), seen: HashSet::new() };
    let top: Vec<Object> = match root.get(b"K") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(o) => vec![o.clone()],
        Err(_) => Vec::new(),
    };
    for k in &top {
        walk.element(k.as_reference().expect("root kid is an element"), root_id, None);
    }
    let tree = root.get(b"ParentTree").ok().and_then(|t| dict(&doc, t)).expect("/ParentTree");
    let mut parent_tree = BTreeMap::new();
    numbers(&doc, tree, &mut parent_tree);
    let next_key = root.get(b"ParentTreeNextKey").and_then(Object::as_i64).expect("/ParentTreeNextKey");
    assert!(parent_tree.keys().all(|&k| k < next_key), "ParentTreeNextKey is above every key");

    let mut found = Tagged { roles: walk.roles.clone(), ..Tagged::default() };
    let mut held = 0;
    for (number, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).expect("page");
        let content = doc.get_page_content(page_id);
        let ops = Content::decode(&content).expect("content decodes").operations;
        // Open sequences: Some(mcid) for content, None for an artifact or other marks.
        let mut stack: Vec<(bool, Option<i64>)> = Vec::new();
        let mut mcids = Vec::new();
        for op in &ops {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let tag = op.operands.first().and_then(name).unwrap_or(b"");
                    let artifact = tag == b"Artifact";
                    let props = op.operands.get(1).and_then(|p| dict(&doc, p));
                    let mcid = props.and_then(|p| p.get(b"MCID").ok()).and_then(|m| m.as_i64().ok());
                    if mcid.is_some() || artifact {
                        assert!(
                            !stack.iter().any(|(a, m)| *a || m.is_some()),
                            "page {number}: a marked-content sequence nested inside another"
                        );
                    }
                    if let Some(m) = mcid {
                        mcids.push(m);
                    }
                    stack.push((artifact, mcid));
                }
                "EMC" => {
                    assert!(stack.pop().is_some(), "page {number}: EMC without BDC");
                }
                o if TEXT_OPS.contains(&o) || PAINT_OPS.contains(&o) => {
                    assert!(
                        stack.iter().any(|(a, m)| *a || m.is_some()),
                        "page {number}: `{o}` outside any MCID sequence or artifact"
                    );
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "page {number}: a marked-content sequence is not closed");
        let mut sorted = mcids.clone();
        sorted.sort_unstable();
        assert!(sorted.iter().copied().eq(0..mcids.len() as i64), "page {number}: MCIDs {mcids:?}");
        found.mcids += mcids.len();
        if !mcids.is_empty() {
            let key = page.get(b"StructParents").and_then(Object::as_i64).expect("/StructParents");
            let arr = parent_tree.get(&key).and_then(|o| o.as_array().ok()).expect("ParentTree page array");
            assert_eq!(arr.len(), mcids.len(), "page {number}: ParentTree array length");
            for (mcid, elem) in arr.iter().enumerate() {
                let holder = walk.owner.get(&(page_id, mcid as i64));
                assert_eq!(holder, elem.as_reference().ok().as_ref(), "page {number} MCID {mcid}: ParentTree");
                held += 1;
            }
        }
        let annots: Vec<Object> = match page.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(Object::Reference(r)) => doc.get_object(*r).and_then(Object::as_array).cloned().unwrap_or_default(),
            _ => Vec::new(),
        };
        if !annots.is_empty() {
            assert_eq!(page.get(b"Tabs").ok().and_then(name), Some(&b"S"[..]), "page {number}: /Tabs /S");
        }
        for a in &annots {
            let id = a.as_reference().unwrap_or_else(|_| panic!("page {number}: an annotation is not indirect"));
            let annot = doc.get_dictionary(id).expect("annotation");
            if annot.get(b"Subtype").ok().and_then(name) != Some(b"Link") {
                continue;
            }
            found.links += 1;
            let contents = annot.get(b"Contents").and_then(Object::as_str).expect("Link annotation /Contents");
            assert!(!contents.is_empty(), "page {number}: empty /Contents");
            let key = annot.get(b"StructParent").and_then(Object::as_i64).expect("Link /StructParent");
            let link = walk.objr.get(&id).unwrap_or_else(|| panic!("page {number}: no Link element holds {id:?}"));
            let via_tree = parent_tree.get(&key).and_then(|o| o.as_reference().ok());
            assert_eq!(via_tree, Some(*link), "page {number}: ParentTree[{key}] is not the annotation's Link");
        }
    }
    assert_eq!(held, walk.owner.len(), "every MCID the tree holds is drawn on its page");
    let metadata = catalog.get(b"Metadata").and_then(Object::as_reference).ok();
    let packet = metadata.and_then(|m| doc.get_object(m).ok()).and_then(|o| o.as_stream().ok());
    let packet = packet.expect("an XMP /Metadata stream");
    assert!(packet.dict.get(b"Filter").is_err(), "the XMP packet is uncompressed");
    let xml = String::from_utf8_lossy(&packet.content);
    assert!(xml.contains("<dc:title>"), "XMP dc:title");
    found.claims_pdf_ua = xml.contains("<pdfuaid:part>1</pdfuaid:part>");
    found
}

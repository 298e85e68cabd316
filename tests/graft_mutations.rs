//! A tagged paper's structure tree, damaged in many ways (issue 13: grafting): the pack is
//! always made; it claims PDF/UA only when the graft keeps every tagging invariant, and
//! otherwise names the paper whose tags could not be carried over.

mod pdf_support;

use std::path::Path;

use lopdf::{Document, Object, ObjectId};
use pdf_support::tagged::assert_tagged;
use peerbrief::briefing::{Layout, PackPart, Visibility, lay_out_pack_with_documents, write_pdf};
use peerbrief::store::load_pack;

fn minutes() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/papers/minutes-2026-01-20.pdf");
    Document::load(path).expect("the sample minutes load")
}

const MANIFEST: &str = r#"CommitteePack(
    council: "Ambleshire County Council",
    committee: "Panel",
    date: "2026-03-17",
    items: [AgendaItem(title: "Minutes of the last meeting", content: Document("papers/minutes.pdf"))],
)
"#;

/// The pack of one paper, `bytes`, laid out as `peerbrief pack` does.
fn pack_of(bytes: &[u8], dir: &Path) -> Result<Layout, String> {
    std::fs::create_dir_all(dir.join("papers")).unwrap();
    std::fs::write(dir.join("papers/minutes.pdf"), bytes).unwrap();
    std::fs::write(dir.join("p.peerpack"), MANIFEST).unwrap();
    let loaded = load_pack(&dir.join("p.peerpack")).map_err(|e| e.to_string())?;
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, Visibility::Public, PackPart::Main)
        .map_err(|e| e.to_string())
}

/// xorshift64*: the same cases on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

fn struct_elements(doc: &Document) -> Vec<ObjectId> {
    let mut ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict().is_ok_and(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"StructElem"))
        })
        .map(|(id, _)| *id)
        .collect();
    ids.sort();
    ids
}

/// One random injury to the tree.
fn damage(doc: &mut Document, rng: &mut Rng) -> String {
    let elems = struct_elements(doc);
    let target = elems[rng.below(elems.len())];
    let other = elems[rng.below(elems.len())];
    let catalog = doc.trailer.get(b"Root").and_then(Object::as_reference).expect("catalog");
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap();
    let kind = rng.below(10);
    let mcid = rng.below(60) as i64;
    let el = doc.get_dictionary_mut(target).expect("element");
    match kind {
        0 => el.set("K", Object::Integer(mcid)),
        1 => el.set("K", Object::Reference(other)),
        2 => el.set("K", Object::Array(vec![Object::Reference(other), Object::Integer(mcid)])),
        3 => {
            el.remove(b"Pg");
        }
        4 => el.set("Pg", Object::Reference(catalog)),
        5 => {
            el.remove(b"P");
        }
        6 => el.set("S", Object::Name(b"Fancy".to_vec())),
        7 => {
            doc.objects.remove(&target);
        }
        8 => {
            let tree = doc.get_dictionary_mut(root).unwrap().get_mut(b"ParentTree").unwrap();
            let nums = tree.as_dict_mut().unwrap().get_mut(b"Nums").unwrap().as_array_mut().unwrap();
            let at = 2 * rng.below(nums.len() / 2);
            nums.drain(at..at + 2);
        }
        _ => {
            let tree = doc.get_dictionary_mut(root).unwrap().get_mut(b"ParentTree").unwrap();
            let nums = tree.as_dict_mut().unwrap().get_mut(b"Nums").unwrap().as_array_mut().unwrap();
            if let Some(Object::Array(arr)) =
                nums.iter_mut().rev().find(|o| matches!(o, Object::Array(a) if a.len() > 1))
            {
                let (a, b) = (mcid as usize % arr.len(), (mcid as usize + 1) % arr.len());
                arr.swap(a, b);
            }
        }
    }
    format!("injury {kind} to {target:?} (other {other:?}, {mcid})")
}

#[test]
fn a_damaged_tree_is_either_grafted_whole_or_named_and_never_claims_pdf_ua_wrongly() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut grafted, mut refused) = (0, 0);
    for case in 0..150 {
        let mut doc = minutes();
        let injuries: Vec<String> = (0..1 + rng.below(3)).map(|_| damage(&mut doc, &mut rng)).collect();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("the damaged paper saves");
        let layout = pack_of(&bytes, dir.path()).unwrap_or_else(|e| panic!("case {case} {injuries:?}: no pack: {e}"));
        let pdf = write_pdf(&layout).unwrap_or_else(|e| panic!("case {case} {injuries:?}: no PDF: {e}"));
        if layout.untagged.is_empty() {
            // Claimed: every invariant must hold, as for PeerBrief's own pages.
            let found = std::panic::catch_unwind(|| assert_tagged(&pdf));
            assert!(found.as_ref().is_ok_and(|f| f.claims_pdf_ua), "case {case} {injuries:?}: claimed PDF/UA wrongly");
            grafted += 1;
        } else {
            assert!(
                layout.untagged[0].contains("papers/minutes.pdf, whose tags cannot be carried over: "),
                "{:?}",
                layout.untagged
            );
            // Still tagged for everything PeerBrief drew, the paper's pages one Div each.
            let found = assert_tagged(&pdf);
            assert!(!found.claims_pdf_ua);
            refused += 1;
        }
    }
    eprintln!("{grafted} damaged trees grafted whole, {refused} refused");
    // Both outcomes are exercised (an injury to an unused corner of the tree is harmless).
    assert!(grafted > 5 && refused > 50, "grafted {grafted}, refused {refused}");
}

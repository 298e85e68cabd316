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

/// Each page rendered by poppler (`pdftoppm`, 72 dpi, PPM bytes).
fn rendered_pages(pdf: &[u8], dir: &Path, stem: &str) -> Vec<Vec<u8>> {
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let prefix = dir.join(stem);
    let out = std::process::Command::new("pdftoppm")
        .args(["-r", "72"])
        .arg(&path)
        .arg(&prefix)
        .output()
        .expect("pdftoppm runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ppm")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(stem))
        })
        .collect();
    pages.sort();
    pages.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn a_grafted_paper_looks_exactly_as_it_does_when_drawn_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut tagged = Vec::new();
    minutes().save_to(&mut tagged).unwrap();
    // The same paper, saying it is not tagged: it takes the untagged route (one form per page).
    let mut doc = minutes();
    let catalog = doc.trailer.get(b"Root").and_then(Object::as_reference).unwrap();
    doc.get_dictionary_mut(catalog).unwrap().set("MarkInfo", lopdf::dictionary! { "Marked" => false });
    let mut untagged = Vec::new();
    doc.save_to(&mut untagged).unwrap();

    let grafted = pack_of(&tagged, &dir.path().join("a")).expect("pack");
    let plain = pack_of(&untagged, &dir.path().join("b")).expect("pack");
    assert!(grafted.untagged.is_empty() && !plain.untagged.is_empty());
    let (a, b) = (write_pdf(&grafted).unwrap(), write_pdf(&plain).unwrap());
    let (a, b) = (rendered_pages(&a, dir.path(), "grafted"), rendered_pages(&b, dir.path(), "plain"));
    assert_eq!(a.len(), 4);
    assert_eq!(a.len(), b.len());
    for (n, (a, b)) in a.iter().zip(&b).enumerate() {
        assert!(a == b, "page {} differs between the grafted and the untagged paper", n + 1);
    }
}

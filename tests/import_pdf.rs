//! PDF papers as agenda items (`Document(…)`): pages merged with their sizes, every imported page
//! stamped with the pack's page number, nothing dangerous carried over, bad files refused naming
//! the item and file. The PDFs in tests/fixtures/pdf come from other producers (see make.sh).

mod pdf_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pdf_support::{raw_uncompressed, tool};
use peerbrief::briefing::import::{ImportError, parse};
use peerbrief::briefing::{Layout, PackPart, Visibility, lay_out_pack_with_documents, write_pdf};
use peerbrief::store::{StoreError, load_pack};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf").join(name)
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).expect("fixture")
}

/// (title, file, extra RON fields) → a pack folder with the PDFs copied into `papers/`.
fn pack_dir(items: &[(&str, &str, &str)], marking: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("papers")).unwrap();
    let mut ron = format!(
        "CommitteePack(council: \"Ambleshire County Council\", committee: \"Test Panel\", date: \"2026-03-17\", marking: {marking}, items: [\n  AgendaItem(title: \"Apologies\", content: Standard(\"To receive apologies.\")),\n"
    );
    for (title, file, extra) in items {
        if fixture(file).exists() {
            fs::copy(fixture(file), dir.path().join("papers").join(file)).unwrap();
        }
        ron.push_str(&format!("  AgendaItem(title: \"{title}\", content: Document(\"papers/{file}\"){extra}),\n"));
    }
    ron.push_str("])\n");
    let manifest = dir.path().join("t.peerpack");
    fs::write(&manifest, ron).unwrap();
    (dir, manifest)
}

fn lay_out(manifest: &Path, visibility: Visibility, part: PackPart) -> Layout {
    let loaded = load_pack(manifest).expect("pack loads");
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, visibility, part).expect("pack lays out")
}

fn write(layout: &Layout, dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, write_pdf(layout).expect("PDF")).unwrap();
    path.display().to_string()
}

/// pdfinfo's (width, height, rotation) of every page.
fn page_sizes(path: &str) -> Vec<(f32, f32, i32)> {
    let info = tool("pdfinfo", &["-f", "1", "-l", "9999", path]);
    let mut out: Vec<(f32, f32, i32)> = Vec::new();
    for l in info.lines() {
        let w: Vec<&str> = l.split_whitespace().collect();
        if l.starts_with("Page") && w.get(2) == Some(&"size:") {
            out.push((w[3].parse().unwrap(), w[5].parse().unwrap(), 0));
        } else if l.starts_with("Page") && w.get(2) == Some(&"rot:") {
            out.last_mut().unwrap().2 = w[3].parse().unwrap();
        }
    }
    out
}

/// Displayed sizes (rotation applied) of a fixture's pages.
fn displayed(path: &str) -> Vec<(i32, i32)> {
    page_sizes(path)
        .into_iter()
        .map(
            |(w, h, r)| {
                if r % 180 == 90 { (h.round() as i32, w.round() as i32) } else { (w.round() as i32, h.round() as i32) }
            },
        )
        .collect()
}

const PRODUCERS: [(&str, &str); 6] = [
    ("Minutes of the last meeting", "typst-minutes.pdf"),
    ("Fostering report", "gs-report.pdf"),
    ("Work programme and budget", "gs-sizes.pdf"),
    ("Rotated report", "rotated.pdf"),
    ("Cairo report", "cairo-report.pdf"),
    ("Object streams", "qpdf-objstm.pdf"),
];

#[test]
fn imported_pages_keep_their_sizes_and_carry_the_pack_page_number() {
    let items: Vec<(&str, &str, &str)> = PRODUCERS.iter().map(|(t, f)| (*t, *f, "")).collect();
    let (dir, manifest) = pack_dir(&items, "Official");
    let layout = lay_out(&manifest, Visibility::Private, PackPart::Main);
    let out = write(&layout, dir.path(), "pack.pdf");
    assert!(tool("qpdf", &["--check", &out]).contains("No syntax or stream encoding errors"));
    let sizes = displayed(&out);
    let total = layout.pages.len();
    assert_eq!(sizes.len(), total);
    let mut expected: Vec<(i32, i32)> = vec![(595, 842); 2]; // cover, agenda
    for (_, f) in PRODUCERS {
        expected.extend(displayed(&fixture(f).display().to_string()));
    }
    assert_eq!(sizes, expected, "page sizes and orientation kept (rotation shown as the reader does)");
    assert!(sizes.contains(&(842, 1191)), "A3 kept");
    assert!(sizes.iter().filter(|s| s.0 > s.1).count() >= 2, "landscape and rotated pages kept");
    for n in 3..=total {
        let p = n.to_string();
        let page = tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, &out, "-"]);
        assert!(page.contains(&format!("Page {n} of {total}")), "page {n} lacks its stamp:\n{page}");
    }
    // The documents' own text came through too.
    let all = tool("pdftotext", &["-enc", "UTF-8", &out, "-"]);
    for s in ["Fostering sufficiency", "Placement stability", "A3 work programme chart", "Landscape budget table"] {
        assert!(all.contains(s), "{s} missing");
    }
}

#[test]
fn the_stamp_does_not_cover_the_documents_own_footer() {
    let (dir, manifest) = pack_dir(&[("Fostering report", "gs-report.pdf", "")], "Official");
    let layout = lay_out(&manifest, Visibility::Private, PackPart::Main);
    let out = write(&layout, dir.path(), "pack.pdf");
    // Page 3 is the report's first page: its own footer and the pack's stamp must not overlap.
    let page3 = dir.path().join("page3.pdf").display().to_string();
    tool("qpdf", &["--empty", "--pages", &out, "3", "--", &page3]);
    let on_page = pdf_support::words(&page3);
    let own = on_page.iter().find(|w| w.4 == "Fostering" && w.1 > 700.0).expect("the report's own footer");
    let stamp = on_page.iter().find(|w| w.4 == "Page").expect("stamp");
    assert!(own.3 <= stamp.1, "own footer (bottom {}) above the stamp (top {})", own.3, stamp.1);
    assert!(own.1 > 842.0 - 19.5 * 72.0 / 25.4 - 20.0, "shrunk by at most 5 %: own footer at {}", own.1);
}

#[test]
fn bookmarks_nest_under_the_item_and_internal_links_point_into_the_pack() {
    let (dir, manifest) = pack_dir(&[("Minutes of the last meeting", "typst-minutes.pdf", "")], "Official");
    let layout = lay_out(&manifest, Visibility::Private, PackPart::Main);
    let top = layout.outline.iter().position(|o| o.title == "2. Minutes of the last meeting").expect("item bookmark");
    let nested: Vec<_> =
        layout.outline[top + 1..].iter().filter(|o| o.level >= 1).map(|o| (&o.title, o.page)).collect();
    assert!(nested.iter().any(|(t, p)| t.contains("Fostering sufficiency") && *p == 3), "{nested:?}");
    assert!(nested.iter().any(|(t, p)| t.contains("Apologies") && *p == 2), "{nested:?}");
    // The minutes' contents links: page 1 of the minutes (pack index 2) links to index 3.
    let links: Vec<usize> = layout.pages[2]
        .items
        .iter()
        .filter_map(|i| match i {
            peerbrief::briefing::Item::Link { target_page, .. } => Some(*target_page),
            _ => None,
        })
        .collect();
    assert!(links.contains(&3) && links.contains(&2), "{links:?}");
    let out = write(&layout, dir.path(), "pack.pdf");
    let json = tool("qpdf", &["--json", "--json-key=outlines", &out]);
    assert!(json.contains("Fostering sufficiency"));
}

#[test]
fn javascript_forms_attachments_metadata_and_encryption_never_travel() {
    let (dir, manifest) = pack_dir(
        &[
            ("Form", "form-js.pdf", ""),
            ("Open encrypted", "encrypted-open.pdf", ""),
            ("Minutes", "typst-minutes.pdf", ""),
        ],
        "Official",
    );
    let layout = lay_out(&manifest, Visibility::Private, PackPart::Main);
    let out = write(&layout, dir.path(), "pack.pdf");
    assert!(tool("qpdf", &["--check", &out]).contains("No syntax or stream encoding errors"));
    let raw = raw_uncompressed(&out, dir.path());
    for bad in [
        "/JavaScript",
        "/JS",
        "FORMJS-MARKER",
        "/EmbeddedFile",
        "ATTACHED-FILE-MARKER",
        "/Encrypt",
        "/AcroForm",
        "/SubmitForm",
        "/OpenAction",
        "Secret-Author",
        "Democratic Services Officer",
        "/Widget",
    ] {
        assert!(!raw.contains(bad), "{bad} reached the pack");
    }
    let text = tool("pdftotext", &["-enc", "UTF-8", &out, "-"]);
    assert!(text.contains("Filled in: Anna Example"), "the form's filled-in value is drawn into the page");
    assert!(text.contains("Placement stability"), "the password-free encrypted PDF was imported");
    let info = pdf_support::squash(&tool("pdfinfo", &[&out]));
    assert!(info.contains("Encrypted: no"), "{info}");
}

fn load_error(manifest: &Path) -> String {
    match load_pack(manifest) {
        Err(e @ StoreError::PackItem { .. }) => e.to_string(),
        Err(e) => panic!("unexpected {e}"),
        Ok(loaded) => {
            let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
            lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, Visibility::Public, PackPart::Main)
                .expect_err("refused")
                .to_string()
        }
    }
}

#[test]
fn bad_pdfs_are_refused_naming_the_item_and_the_file() {
    let cases = [
        ("encrypted.pdf", "encrypted and needs a password"),
        ("truncated.pdf", "damaged or truncated"),
        ("missing.pdf", "cannot read the PDF"),
    ];
    for (file, message) in cases {
        let (_dir, manifest) = pack_dir(&[("Late report", file, "")], "Official");
        let e = load_error(&manifest);
        assert!(e.contains("agenda item 2") && e.contains("Late report") && e.contains(file), "{e}");
        assert!(e.contains(message), "{file}: {e}");
    }
    let (dir, manifest) = pack_dir(&[("Not a PDF", "notes.pdf", "")], "Official");
    fs::write(dir.path().join("papers/notes.pdf"), "Dear members,\n").unwrap();
    assert!(load_error(&manifest).contains("not a PDF"));
    fs::write(dir.path().join("papers/notes.pdf"), "").unwrap();
    assert!(load_error(&manifest).contains("empty"));
    let (_dir, manifest) = pack_dir(&[("Outside", "../../etc/passwd", "")], "Official");
    assert!(load_error(&manifest).contains("relative to the pack's folder"));
}

/// A minimal PDF with `n` pages (all sharing one empty content stream).
fn pdf_with_pages(n: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"".to_vec()));
    let kids: Vec<Object> = (0..n)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n as i64 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn empty_and_huge_documents_are_refused() {
    assert_eq!(parse(&pdf_with_pages(0)).unwrap_err(), ImportError::NoPages);
    assert_eq!(parse(&pdf_with_pages(2001)).unwrap_err(), ImportError::TooManyPages(2001));
    assert_eq!(parse(&pdf_with_pages(3)).unwrap().page_count(), 3);
    assert_eq!(parse(b"hello").unwrap_err(), ImportError::NotPdf);
}

#[test]
fn a_public_pack_withholds_an_exempt_pdf_with_the_same_page_numbers() {
    let items = [
        ("Minutes", "typst-minutes.pdf", ""),
        ("Placement", "secret.pdf", ", exempt: Some(1)"),
        ("Report", "gs-report.pdf", ""),
    ];
    let (dir, manifest) = pack_dir(&items, "OfficialSensitive");
    let public = lay_out(&manifest, Visibility::Public, PackPart::Main);
    let private = lay_out(&manifest, Visibility::Private, PackPart::Main);
    assert_eq!(public.pages.len(), private.pages.len());
    let starts = |l: &Layout| l.outline.iter().filter(|o| o.level == 0).map(|o| o.page).collect::<Vec<_>>();
    assert_eq!(starts(&public), starts(&private));
    let public_pdf = write(&public, dir.path(), "public.pdf");
    let private_pdf = write(&private, dir.path(), "private.pdf");
    let first_secret = private.outline.iter().find(|o| o.title == "4. Placement").expect("item bookmark").page + 1;
    let p = first_secret.to_string();
    let page = pdf_support::squash(&tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, &private_pdf, "-"]));
    assert!(page.contains("NOT FOR PUBLICATION: exempt, paragraph 1 of Part 1 of Schedule 12A"), "{page}");
    let raw_private = raw_uncompressed(&private_pdf, dir.path());
    assert!(raw_private.contains("ZZSECRET"), "the private pack prints it (so the check can see a leak)");
    let raw_public = raw_uncompressed(&public_pdf, dir.path());
    for s in ["ZZSECRET", "Larchwood", "Confidential-Author", "NimbusMono", "Courier"] {
        assert!(!raw_public.contains(s), "PUBLIC PACK LEAKS {s}");
    }
    assert!(!tool("pdftotext", &["-enc", "UTF-8", &public_pdf, "-"]).contains("ZZSECRET"));
    assert!(!tool("pdffonts", &[&public_pdf]).contains("Mono"), "no font of the exempt paper");
    // Nothing of the exempt PDF is even referenced by the public layout.
    let secret_pages = public
        .pages
        .iter()
        .filter(|p| {
            p.imported.as_ref().is_some_and(|i| i.pdf.page_count() == 2 && i.pdf.page_size(0).0 == 595.0 && i.index < 2)
        })
        .count();
    assert!(secret_pages <= 2, "only the minutes' pages");
    // The marking above OFFICIAL is on every imported page.
    for n in 1..=public.pages.len() {
        let p = n.to_string();
        let t = tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, &public_pdf, "-"]);
        assert!(t.contains("OFFICIAL-SENSITIVE"), "page {n} lacks the marking");
    }
}

#[test]
fn late_papers_follow_in_a_supplementary_pack_numbered_after_the_main_pack() {
    let items = [("Minutes", "typst-minutes.pdf", ""), ("Late report", "gs-report.pdf", ", to_follow: true")];
    let (dir, manifest) = pack_dir(&items, "Official");
    let main_out = dir.path().join("main.pdf");
    let supp_out = dir.path().join("supp.pdf");
    let bin = env!("CARGO_BIN_EXE_peerbrief");
    let run = |args: &[&str]| {
        let o = Command::new(bin).args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let (m, s) = (main_out.display().to_string(), supp_out.display().to_string());
    run(&["pack", &manifest.display().to_string(), "-o", &m]);
    run(&["pack", &manifest.display().to_string(), "--supplementary", "-o", &s]);
    let main_text = tool("pdftotext", &["-enc", "UTF-8", "-f", "2", "-l", "2", &m, "-"]);
    assert!(main_text.contains("(To follow)"), "{main_text}");
    assert!(
        !tool("pdftotext", &["-enc", "UTF-8", &m, "-"]).contains("Placement stability"),
        "late paper not in the main pack"
    );
    let main_pages = page_sizes(&m).len();
    let supp = tool("pdftotext", &["-enc", "UTF-8", &s, "-"]);
    assert!(supp.contains("Supplementary agenda"));
    assert!(supp.contains("Placement stability"));
    let supp_pages = page_sizes(&s).len();
    for n in 1..=supp_pages {
        let p = n.to_string();
        let t = tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, &s, "-"]);
        assert!(t.contains(&format!("Page {}", main_pages + n)), "supplementary page {n}: {t}");
    }
    let agenda = tool("pdftotext", &["-enc", "UTF-8", "-f", "2", "-l", "2", &s, "-"]);
    assert!(agenda.contains(&format!("(Pages {} – {})", main_pages + 3, main_pages + 5)), "{agenda}");
}

/// Truncations and bit flips of every fixture: parsing and laying out fail cleanly or succeed,
/// never panic (the fuzz target `import_pdf` does this at length).
#[test]
fn mutated_pdfs_never_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut tried = 0;
    for entry in fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        for k in 0..40 {
            let mut b = bytes.clone();
            if k % 2 == 0 {
                b.truncate((next() as usize) % (b.len() + 1));
            } else {
                for _ in 0..(1 + next() % 8) {
                    let at = (next() as usize) % b.len();
                    b[at] ^= 1 << (next() % 8);
                }
            }
            if let Ok(pdf) = parse(&b) {
                let _ = pdf.page_count();
            }
            tried += 1;
        }
    }
    assert!(tried >= 400, "{tried}");
}

#[test]
fn producers_fixtures_are_what_make_sh_says() {
    let info = |f: &str| pdf_support::squash(&tool("pdfinfo", &[&fixture(f).display().to_string()]));
    assert!(info("gs-report.pdf").contains("Ghostscript") && info("gs-report.pdf").contains("PDF version: 1.4"));
    assert!(info("cairo-report.pdf").contains("cairo"));
    assert!(info("typst-minutes.pdf").contains("PDF version: 1.7"));
    assert!(info("qpdf-objstm.pdf").contains("PDF version: 1.7"));
    assert!(fixture_bytes("qpdf-objstm.pdf").windows(11).any(|w| w == b"/Type /XRef" || w == b"/Type/XRef "));
}

#[test]
fn the_sample_pack_prints_its_pdf_papers_with_the_packs_page_numbers() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/children-and-families-panel.peerpack");
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_peerbrief");
    let mut outs = Vec::new();
    for (name, extra) in [("public.pdf", "--public"), ("private.pdf", "--private")] {
        let out = dir.path().join(name).display().to_string();
        let o = Command::new(bin).args(["pack", &manifest.display().to_string(), extra, "-o", &out]).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        outs.push(out);
    }
    let total = page_sizes(&outs[0]).len();
    assert_eq!(total, page_sizes(&outs[1]).len(), "public and private packs number identically");
    for out in &outs {
        assert!(tool("qpdf", &["--check", out]).contains("No syntax or stream encoding errors"));
        for n in 1..=total {
            let p = n.to_string();
            let t = tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, out, "-"]);
            assert!(t.contains(&format!("Page {n} of {total}")), "{out} page {n}:\n{t}");
        }
    }
    let private = tool("pdftotext", &["-enc", "UTF-8", &outs[1], "-"]);
    assert!(private.contains("Fostering sufficiency update") && private.contains("Signed as a correct record"));
    assert!(private.contains("Kestrel Care"), "the exempt paper is in the private pack");
    let public_raw = raw_uncompressed(&outs[0], dir.path());
    assert!(!public_raw.contains("Kestrel") && !public_raw.contains("Head of Commissioning"), "exempt paper in public");
    assert!(!public_raw.contains("Ofsted focused visit to"), "the late paper waits for the supplementary pack");
}

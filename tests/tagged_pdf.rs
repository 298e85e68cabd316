//! Tagged PDF/UA-1 output (issue 13): the lopdf invariants over every kind of PDF PeerBrief
//! writes, then what poppler (`pdfinfo`), pdfminer.six (`pdf2txt.py -t tag`) and `pdfua` 0.1.3
//! make of them. The two Python tools are installed by `.ci/run`; where they are missing
//! locally those checks are skipped with a note.

mod pdf_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use pdf_support::tagged::assert_tagged;
use pdf_support::{squash, tool};

use peerbrief::briefing::progress::lay_out_progress;
use peerbrief::briefing::tags::{Structure, Tag};
use peerbrief::briefing::{
    BriefingOptions, Item, Layout, PackPart, Visibility, lay_out_briefing, lay_out_pack_with_documents, write_pdf,
};
use peerbrief::store::{load_pack, load_review};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

const REVIEWS: [&str; 5] = [
    "worcestershire-2015.peerreview",
    "harbridge-2026.peerreview",
    "ambleshire-2019.peerreview",
    "ambleshire-2024.peerreview",
    "afonwen-2025-action-plan.peerreview",
];

fn briefing(name: &str, visibility: Visibility, action_plan: bool) -> Layout {
    let review = load_review(&sample(name)).expect("sample loads").review;
    lay_out_briefing(&review, &BriefingOptions { visibility, action_plan, ..BriefingOptions::default() })
}

fn pack(visibility: Visibility) -> Layout {
    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).expect("sample pack loads");
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, visibility, PackPart::Main).expect("pack")
}

/// Every item was placed with a tag, none by the root fallback.
fn assert_every_item_tagged(layout: &Layout, what: &str) {
    for (n, page) in layout.pages.iter().enumerate() {
        assert_eq!(page.tags.len(), page.items.len(), "{what} page {}: an item without a tag", n + 1);
        for (item, tag) in page.items.iter().zip(&page.tags) {
            if !matches!(item, Item::Link { .. }) {
                assert_ne!(*tag, Tag::Elem(Structure::ROOT), "{what} page {}: {item:?} fell back to the root", n + 1);
            }
        }
    }
}

fn write(layout: &Layout, dir: &Path, name: &str) -> (Vec<u8>, String) {
    let bytes = write_pdf(layout).expect("PDF written");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    (bytes, path.display().to_string())
}

#[test]
fn every_briefing_and_pack_keeps_the_tagging_invariants() {
    let dir = tempfile::tempdir().unwrap();
    let mut layouts = Vec::new();
    for name in REVIEWS {
        for visibility in [Visibility::Public, Visibility::Private] {
            layouts.push((format!("{name} {visibility:?}"), briefing(name, visibility, false)));
        }
        layouts.push((format!("{name} with the action plan"), briefing(name, Visibility::Public, true)));
    }
    for visibility in [Visibility::Public, Visibility::Private] {
        layouts.push((format!("sample pack {visibility:?}"), pack(visibility)));
    }
    for (what, layout) in &layouts {
        assert_every_item_tagged(layout, what);
        let (bytes, path) = write(layout, dir.path(), "t.pdf");
        let found = assert_tagged(&bytes);
        assert!(found.mcids > 20, "{what}: {found:?}");
        assert_eq!(found.roles.first().map(String::as_str), Some("Document"), "{what}");
        assert!(found.roles.iter().any(|r| r == "H1") && found.roles.iter().any(|r| r == "P"), "{what}");
        // Briefings claim PDF/UA-1; the sample pack has untagged PDF papers and must not.
        assert_eq!(found.claims_pdf_ua, !what.starts_with("sample pack"), "{what}");
        assert_eq!(found.claims_pdf_ua, layout.untagged.is_empty(), "{what}");
        let info = tool("pdfinfo", &[&path]);
        assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{what}: {info}");
        assert!(info.lines().any(|l| l.starts_with("PDF version:") && l.ends_with("1.7")), "{what}: {info}");
        assert!(tool("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"), "{what}");
    }
}

#[test]
fn charts_logos_and_the_progress_report_are_figures_with_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    let afonwen = load_review(&sample("afonwen-2025-action-plan.peerreview")).expect("sample loads").review;
    let charts = BriefingOptions { charts: true, action_plan: true, ..BriefingOptions::default() };
    let today = peerbrief::model::Date::ymd(2026, 12, 2).expect("a date");
    let layouts = [
        ("Afonwen briefing with charts", lay_out_briefing(&afonwen, &charts)),
        ("Afonwen progress report", lay_out_progress(&afonwen, today).expect("a plan to report")),
        ("Harbridge briefing (SVG logo)", briefing("harbridge-2026.peerreview", Visibility::Public, false)),
    ];
    for (what, layout) in &layouts {
        assert_every_item_tagged(layout, what);
        let (bytes, path) = write(layout, dir.path(), "f.pdf");
        let found = assert_tagged(&bytes);
        assert!(found.roles.iter().any(|r| r == "Figure"), "{what}: no Figure in {:?}", found.roles);
        assert!(found.claims_pdf_ua, "{what}");
        let info = tool("pdfinfo", &[&path]);
        assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{what}: {info}");
    }
}

#[test]
fn tables_lists_and_links_have_their_structure() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _) = write(&briefing(REVIEWS[0], Visibility::Public, true), dir.path(), "w.pdf");
    let found = assert_tagged(&bytes);
    for role in ["Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "BlockQuote"] {
        assert!(found.roles.iter().any(|r| r == role), "no {role} in {:?}", found.roles);
    }
    let (bytes, _) = write(&pack(Visibility::Public), dir.path(), "p.pdf");
    let found = assert_tagged(&bytes);
    assert!(found.links >= 3, "the agenda's page ranges are links: {found:?}");
    assert!(found.roles.iter().any(|r| r == "Link"));
}

#[test]
fn the_pack_names_the_papers_that_keep_it_from_claiming_pdf_ua() {
    let layout = pack(Visibility::Private);
    assert!(!layout.untagged.is_empty());
    for u in &layout.untagged {
        assert!(u.starts_with("agenda item ") && u.contains(".pdf, "), "{u}");
    }
    // The typst-made minutes carry their own tags; the Ghostscript papers have none.
    assert!(!layout.untagged.iter().any(|u| u.contains("minutes-2026-01-20.pdf")), "{:?}", layout.untagged);
    assert!(layout.untagged.iter().any(|u| u.contains("fostering-sufficiency-update.pdf, which has no tags")));
    let note = layout.accessibility_note().expect("a note");
    assert!(note.starts_with("not marked as an accessible PDF (PDF/UA): the PDF papers of agenda item "), "{note}");
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = write(&layout, dir.path(), "p.pdf");
    assert!(!tool("pdfinfo", &["-meta", &path]).contains("pdfuaid:part"), "no PDF/UA claim");
}

/// A pack whose only PDF paper is tagged (the typst-made minutes), beside a review.
fn pack_with_tagged_minutes(dir: &Path) -> Layout {
    std::fs::create_dir(dir.join("papers")).unwrap();
    let minutes = "papers/minutes-2026-01-20.pdf";
    std::fs::copy(sample(minutes), dir.join(minutes)).unwrap();
    std::fs::copy(sample(REVIEWS[0]), dir.join(REVIEWS[0])).unwrap();
    let manifest = format!(
        r#"CommitteePack(
    council: "Ambleshire County Council",
    committee: "Children and Families Overview and Scrutiny Panel",
    date: "2026-03-17",
    items: [
        AgendaItem(title: "Apologies and named substitutes", content: Standard("To receive any apologies.")),
        AgendaItem(title: "Minutes of the last meeting", content: Document("{minutes}")),
        AgendaItem(title: "", content: Review("{}")),
    ],
)
"#,
        REVIEWS[0]
    );
    let path = dir.join("tagged.peerpack");
    std::fs::write(&path, manifest).unwrap();
    let loaded = load_pack(&path).expect("the pack loads");
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, Visibility::Public, PackPart::Main).expect("pack")
}

#[test]
fn a_tagged_paper_keeps_its_own_tags_in_the_pack_which_then_claims_pdf_ua() {
    let dir = tempfile::tempdir().unwrap();
    let layout = pack_with_tagged_minutes(dir.path());
    assert!(layout.untagged.is_empty(), "{:?}", layout.untagged);
    let (bytes, path) = write(&layout, dir.path(), "tagged-pack.pdf");
    let found = assert_tagged(&bytes);
    assert!(found.claims_pdf_ua, "{found:?}");
    // The minutes' own lists and contents links (five, each with its OBJR) came with them,
    // besides the agenda's own page-range links.
    for role in ["L", "LI", "Lbl", "LBody", "Link"] {
        assert!(found.roles.iter().any(|r| r == role), "no {role} in {:?}", found.roles);
    }
    assert!(found.links >= 5 + 2, "{found:?}");
    assert!(tool("pdfinfo", &["-meta", &path]).contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(tool("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    // A screen reader reads the minutes' text, heading by heading, inside agenda item 2.
    let tree = tool("pdfinfo", &["-struct-text", &path]);
    let at = |text: &str| tree.find(text).unwrap_or_else(|| panic!("{text:?} not read:\n{tree}"));
    assert!(at("Minutes of the meeting held on 20 January 2026") < at("Declarations of interest"));
    assert!(at("Declarations of interest") < at("The Panel considered its work programme"));
    assert!(at("The Panel considered its work programme") < at("WORCESTERSHIRE SAFEGUARDING PEER REVIEW"));
    // The minutes' headings keep their level (H1 inside the item's section).
    assert!(tree.lines().any(|l| l.trim_start().starts_with("H1 \"Apologies and named substitutes\"")), "{tree}");
    // Every heading, the minutes' included, has text (pdfua's own heading rule, UA-14-001,
    // crashes on a heading whose /K is an array, as the minutes' multi-line headings are, and
    // skips itself; this is the same check).
    let lines: Vec<&str> = tree.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.len() > 2 && t.starts_with('H') && t.as_bytes()[1].is_ascii_digit() {
            let indent = line.len() - t.len();
            let text =
                lines[i + 1..].iter().take_while(|l| l.len() - l.trim_start().len() > indent).any(|l| l.contains('"'));
            assert!(text, "an empty heading: {line}");
        }
    }
    if let Some(pdfua) = python_tool("pdfua") {
        let out = Command::new(&pdfua).args(["check", &path]).output().unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "pdfua: {report}{}", String::from_utf8_lossy(&out.stderr));
        assert!(report.contains("errors=0 warnings=0"), "{report}");
        for skipped in report.lines().filter(|l| l.contains("[skip")) {
            assert!(skipped.contains("UA-14-001") && skipped.contains("type array"), "{report}");
        }
    }
}

/// Text in the order the layout placed it (headings before their paragraphs), leaving out
/// page furniture.
fn layout_reading_text(layout: &Layout) -> String {
    let mut out = String::new();
    for page in &layout.pages {
        for (item, tag) in page.items.iter().zip(&page.tags) {
            if let (Item::Text(t), Tag::Elem(_)) = (item, tag) {
                out.push_str(&t.text);
                out.push(' ');
            }
        }
    }
    squash(&out)
}

#[test]
fn a_screen_reader_reads_the_seed_briefing_in_the_reports_order() {
    let dir = tempfile::tempdir().unwrap();
    let layout = briefing(REVIEWS[0], Visibility::Public, false);
    let (_, path) = write(&layout, dir.path(), "w.pdf");
    assert!(tool("pdfinfo", &["-meta", &path]).contains("<pdfuaid:part>1</pdfuaid:part>"));
    let tree = tool("pdfinfo", &["-struct-text", &path]);
    // Headings in order, H1 first, never skipping a level.
    let mut level = 0;
    let mut headings = Vec::new();
    for line in tree.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('H').and_then(|r| r.chars().next()).and_then(|c| c.to_digit(10)) {
            assert!(rest <= level + 1, "H{rest} after H{level}: {line}");
            level = rest;
            headings.push(t.to_owned());
        }
    }
    assert!(headings.first().is_some_and(|h| h.starts_with("H1")), "{headings:?}");
    assert!(headings.iter().filter(|h| h.starts_with("H2")).count() >= 10, "{headings:?}");
    // pdfinfo prints each element's text in quotes: joined, they are the layout's order.
    let mut read = String::new();
    for line in tree.lines() {
        if let (Some(a), Some(b)) = (line.find('"'), line.rfind('"'))
            && b > a
        {
            read.push_str(&line[a + 1..b]);
            read.push(' ');
        }
    }
    // poppler joins a paragraph's lines without spaces, so compare the characters only.
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (read, placed) = (bare(&read), bare(&layout_reading_text(&layout)));
    assert!(read.len() > 5000, "{read}");
    assert_eq!(read, placed);
}

/// A Python tool from `.ci/run`'s virtual environment, when it is installed here. CI sets
/// `PEERBRIEF_REQUIRE_PDF_TOOLS`, so there a missing tool fails rather than skips.
fn python_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file());
    assert!(
        found.is_some() || std::env::var_os("PEERBRIEF_REQUIRE_PDF_TOOLS").is_none(),
        "{name} is required here (PEERBRIEF_REQUIRE_PDF_TOOLS) but not on PATH"
    );
    found
}

#[test]
fn pdfminer_finds_no_untagged_text() {
    let Some(pdf2txt) = python_tool("pdf2txt.py") else {
        eprintln!("note: pdf2txt.py (pdfminer.six) is not installed here; skipped (CI runs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = write(&briefing(REVIEWS[0], Visibility::Private, true), dir.path(), "w.pdf");
    let tagged = tags_and_text_outside(&pdf2txt, &path);
    assert!(tagged.contains("Worcestershire"), "{tagged}");
    // A pack with a tagged paper: the paper's own marked content, PeerBrief's stamp as an artifact.
    let (_, path) = write(&pack_with_tagged_minutes(dir.path()), dir.path(), "p.pdf");
    let tagged = tags_and_text_outside(&pdf2txt, &path);
    assert!(tagged.contains("Work programme") && tagged.contains("Page 4 of"), "{tagged}");
}

/// pdfminer's `-t tag` output of `path`, after checking that no text is outside every tag.
fn tags_and_text_outside(pdf2txt: &Path, path: &str) -> String {
    let out = Command::new(pdf2txt).args(["-t", "tag", path]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tagged = String::from_utf8_lossy(&out.stdout);
    // Everything pdfminer shows must be inside a tag: nothing left once tags are removed.
    let mut depth = 0i32;
    let mut outside = String::new();
    let mut rest = tagged.as_ref();
    while let Some(start) = rest.find('<') {
        if depth == 0 {
            outside.push_str(&rest[..start]);
        }
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        if tag.starts_with("</") {
            depth -= 1;
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        rest = &rest[end..];
    }
    outside.push_str(rest);
    assert!(outside.trim().is_empty(), "{path}: untagged text: {:?}", outside.trim());
    tagged.into_owned()
}

#[test]
fn pdfua_passes_the_briefings_the_packs_and_the_progress_report() {
    let Some(pdfua) = python_tool("pdfua") else {
        eprintln!("note: pdfua (PyPI, 0.1.3) is not installed here; skipped (CI runs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let afonwen = load_review(&sample(REVIEWS[4])).expect("sample loads").review;
    let today = peerbrief::model::Date::ymd(2026, 12, 2).expect("a date");
    let cases = [
        ("seed.pdf", briefing(REVIEWS[0], Visibility::Public, false)),
        ("seed-private.pdf", briefing(REVIEWS[0], Visibility::Private, true)),
        ("second.pdf", briefing(REVIEWS[3], Visibility::Public, true)),
        ("standard.pdf", briefing(REVIEWS[1], Visibility::Public, false)),
        ("pack.pdf", pack(Visibility::Public)),
        ("pack-private.pdf", pack(Visibility::Private)),
        ("progress.pdf", lay_out_progress(&afonwen, today).expect("a plan to report")),
    ];
    for (name, layout) in &cases {
        let (_, path) = write(layout, dir.path(), name);
        let out = Command::new(&pdfua).args(["check", &path]).output().unwrap();
        assert!(
            out.status.success(),
            "{name}: pdfua exit {:?}\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains("errors=0 warnings=0"), "{name}: {report}");
        // Only the heading rule's known crash on the grafted minutes' array `/K`s (see
        // `a_tagged_paper_keeps_its_own_tags_in_the_pack_which_then_claims_pdf_ua`).
        for skipped in report.lines().filter(|l| l.contains("[skip")) {
            assert!(name.starts_with("pack") && skipped.contains("UA-14-001"), "{name}: {report}");
        }
    }
}

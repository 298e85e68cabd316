//! Welsh councils: exempt information is described by Part 4 of Schedule 12A (paragraphs 12 to
//! 18, as substituted by SI 2007/969), English ones by Part 1 (1 to 7). Every printed notice
//! names the right Part and paragraph, and a paragraph of the other Part is pointed out.

mod pdf_support;

use std::path::{Path, PathBuf};

use pdf_support::{copy_folder, pdf, squash, text};

use peerbrief::briefing::{BriefingOptions, PackPart, Visibility, lay_out_briefing, lay_out_pack_with_documents};
use peerbrief::model::{Date, ExemptParagraph, Jurisdiction, Review, validate};
use peerbrief::store::{load_pack, load_review, parse_review};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn afonwen() -> Review {
    load_review(&sample("afonwen-2025-action-plan.peerreview")).expect("sample loads").review
}

fn printed(r: &Review, visibility: Visibility) -> String {
    let dir = tempfile::tempdir().unwrap();
    let layout = lay_out_briefing(r, &BriefingOptions { visibility, ..BriefingOptions::default() });
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    squash(&text(&pdf(&layout, dir.path(), "b.pdf")))
}

#[test]
fn the_welsh_sample_cites_part_4_in_its_public_and_private_briefings() {
    let r = afonwen();
    assert_eq!(r.jurisdiction, Jurisdiction::Wales);
    assert!(validate(&r, Date::ymd(2026, 1, 1).unwrap()).iter().all(|w| w.place.field != "exempt"));
    let public = printed(&r, Visibility::Public);
    assert!(
        public.contains(
            "This item is not for publication by virtue of paragraph 13 of Part 4 of Schedule 12A to the Local Government Act 1972 (information which is likely to reveal the identity of an individual)"
        ),
        "{public}"
    );
    assert!(public.contains("(exempt: not for publication by virtue of paragraph 13 of Part 4 of Schedule 12A"));
    assert!(!public.contains("Part 1"), "no English Part in a Welsh briefing");
    assert!(!public.contains("twelve cases in the north"), "exempt text withheld");
    let private = printed(&r, Visibility::Private);
    assert!(private.contains("NOT FOR PUBLICATION by virtue of paragraph 13 of Part 4 of Schedule 12A"));
    assert!(private.contains("twelve cases in the north"));
}

#[test]
fn english_reviews_still_cite_part_1() {
    let r = load_review(&sample("ambleshire-2024.peerreview")).unwrap().review;
    assert_eq!(r.jurisdiction, Jurisdiction::England);
    let public = printed(&r, Visibility::Public);
    assert!(public.contains("by virtue of paragraph 1 of Part 1 of Schedule 12A"), "{public}");
    assert!(!public.contains("Part 4"));
}

#[test]
fn welsh_paragraph_wording_reaches_the_notice() {
    let mut r = afonwen();
    r.appendices[1].exempt = ExemptParagraph::new(17);
    let public = printed(&r, Visibility::Public);
    assert!(public.contains(
        "paragraph 17 of Part 4 of Schedule 12A to the Local Government Act 1972 (information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment)"
    ), "{public}");
}

#[test]
fn a_paragraph_outside_both_parts_is_a_parse_error_with_line_and_column() {
    let text = std::fs::read_to_string(sample("afonwen-2025-action-plan.peerreview")).unwrap();
    let bad = text.replace("exempt: Some(13),", "exempt: Some(9),");
    let err = parse_review(&bad, Path::new("afonwen.peerreview")).expect_err("refused");
    let message = err.to_string();
    let line = bad.lines().position(|l| l.contains("Some(9)")).unwrap() + 1;
    assert!(message.starts_with(&format!("afonwen.peerreview:{line}:")), "{message}");
    assert!(
        message.contains("exempt paragraph must be 1 to 7 (Part 1 of Schedule 12A to the Local Government Act 1972, England) or 12 to 18 (Part 4, Wales), not 9"),
        "{message}"
    );
}

#[test]
fn a_paragraph_of_the_other_part_is_a_warning_at_its_place() {
    let mut r = afonwen();
    r.appendices[1].exempt = ExemptParagraph::new(2);
    let warnings = validate(&r, Date::ymd(2026, 1, 1).unwrap());
    let w = warnings.iter().find(|w| w.place.field == "exempt").expect("warned");
    assert_eq!(
        w.to_string(),
        "Exempt paragraph 2 is in Part 1 of Schedule 12A (England), but this is a Welsh file: use paragraphs 12 to 18 of Part 4 (at appendices[2].exempt)"
    );
    r.jurisdiction = Jurisdiction::England;
    assert!(validate(&r, Date::ymd(2026, 1, 1).unwrap()).iter().all(|w| w.place.field != "exempt"));
}

#[test]
fn a_welsh_pack_excludes_the_public_under_part_4() {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&sample(""), dir.path());
    let manifest = dir.path().join("children-and-families-panel.peerpack");
    let english = std::fs::read_to_string(&manifest).unwrap();
    let welsh = english
        .replacen("    council: ", "    jurisdiction: Wales,\n    council: ", 1)
        .replace("exempt: Some(3)", "exempt: Some(14)")
        .replace("exempt: Some(2)", "exempt: Some(13)");
    std::fs::write(&manifest, &welsh).unwrap();
    let loaded = load_pack(&manifest).expect("loads");
    assert!(loaded.pack.jurisdiction_problems().is_empty(), "{:?}", loaded.pack.jurisdiction_problems());
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    let layout =
        lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, Visibility::Public, PackPart::Main).unwrap();
    let public = squash(&text(&pdf(&layout, dir.path(), "pack.pdf")));
    assert!(
        public.contains("exempt information as defined in paragraphs 13 and 14 of Part 4 of Schedule 12A to the Act"),
        "{public}"
    );
    assert!(public.contains("(exempt: paragraph 14 of Part 4 of Schedule 12A)"));
    assert!(public.contains(
        "paragraph 13 of Part 4 of Schedule 12A to the Local Government Act 1972 (information which is likely"
    ));

    // English paragraphs left in a Welsh pack are named by `peerbrief check`.
    let mixed = welsh.replace("exempt: Some(14)", "exempt: Some(3)");
    std::fs::write(&manifest, mixed).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_peerbrief"))
        .arg("check")
        .arg(&manifest)
        .output()
        .expect("peerbrief runs");
    assert!(run.status.success(), "warnings only");
    let out = String::from_utf8(run.stdout).unwrap();
    assert!(
        out.contains(": warning: agenda item ")
            && out.contains("(exempt): paragraph 3 is in Part 1 of Schedule 12A (England), but this is a Welsh file"),
        "{out}"
    );
}

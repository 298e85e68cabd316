//! Format 3 (the report as sections and blocks): the migrated samples print exactly what format 2
//! printed, format 2 files migrate to the samples as they are now, the templates and their
//! command line, and the standard-template sample's implications.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod pdf_support;
use pdf_support::tool;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn peerbrief(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .output()
        .expect("run peerbrief")
}

/// The samples whose format-2 briefing text was saved before format 3 (tests/fixtures/briefing-text).
const FIXED: [&str; 4] = ["afonwen-2025-action-plan", "ambleshire-2019", "ambleshire-2024", "worcestershire-2015"];

/// `pdftotext -layout` and plain `pdftotext` of the briefing of `review` with `extra` options.
fn briefing_text(review: &Path, extra: &[&str], dir: &Path) -> (String, String) {
    let pdf = dir.join("out.pdf");
    let pdf_s = pdf.display().to_string();
    let mut args = vec!["briefing", review.to_str().unwrap(), "-o", &pdf_s];
    args.extend_from_slice(extra);
    let out = peerbrief(&args, dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (tool("pdftotext", &["-layout", &pdf_s, "-"]), tool("pdftotext", &[&pdf_s, "-"]))
}

/// The Afonwen sample became Welsh after format 2 was saved (issue 12 §5): `jurisdiction:
/// Wales` and an exempt appendix under paragraph 13 of Part 4. This is the sample without those
/// two additions, which must be exactly what format 2 migrates to and printed.
const WELSH_APPENDIX: &str = "Strategy discussion audit: cases reviewed";

fn as_format_2_had_it(name: &str) -> peerbrief::model::Review {
    let mut review = peerbrief::store::load_review(&root().join(format!("samples/{name}.peerreview"))).unwrap().review;
    if name == "afonwen-2025-action-plan" {
        assert_eq!(review.jurisdiction, peerbrief::model::Jurisdiction::Wales);
        let before = review.appendices.len();
        review.appendices.retain(|a| a.title != WELSH_APPENDIX);
        assert_eq!(review.appendices.len(), before - 1, "the Welsh appendix is in the sample");
        review.jurisdiction = peerbrief::model::Jurisdiction::England;
        // The action plans change (issue 12 §4) rewrote the sample's plan as three outcomes and
        // its conclusion to match; format 2 had one action per finding, which migrates as one
        // outcome per finding (tests/action_plan.rs checks that conversion in full).
        let old = root().join(format!("tests/fixtures/format2/{name}.peerreview"));
        let old = peerbrief::store::load_review(&old).unwrap().review;
        review.action_plan = old.action_plan;
        review.last_finding_number = old.last_finding_number;
        *review.report.text_mut("conclusion") = old.report.text("conclusion").to_owned();
    }
    review
}

/// The sample's path, or (Afonwen) a copy in `dir` without its Welsh additions.
fn sample_as_format_2_had_it(name: &str, dir: &Path) -> PathBuf {
    let path = root().join(format!("samples/{name}.peerreview"));
    if name != "afonwen-2025-action-plan" {
        return path;
    }
    let copy = dir.join(format!("{name}.peerreview"));
    fs::write(&copy, peerbrief::store::to_canonical_text(&as_format_2_had_it(name)).unwrap()).unwrap();
    copy
}

fn fixture(name: &str) -> String {
    fs::read_to_string(root().join("tests/fixtures/briefing-text").join(name)).unwrap()
}

/// The text is compared exactly: no page furniture differs (the briefing prints no print date).
fn assert_same_text(review: &Path, extra: &[&str], stem: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (layout, plain) = briefing_text(review, extra, dir.path());
    assert!(
        layout == fixture(&format!("{stem}.layout.txt")),
        "{} prints differently from format 2:\n{layout}",
        review.display()
    );
    assert!(plain == fixture(&format!("{stem}.txt")), "{}: plain text differs", review.display());
}

#[test]
fn the_migrated_samples_print_the_same_words_headings_and_numbers_as_format_2() {
    let dir = tempfile::tempdir().unwrap();
    for name in FIXED {
        assert_same_text(&sample_as_format_2_had_it(name, dir.path()), &[], name);
    }
    let worcestershire = root().join("samples/worcestershire-2015.peerreview");
    assert_same_text(&worcestershire, &["--private", "--action-plan"], "worcestershire-2015-private-action-plan");
}

#[test]
fn format_2_files_print_as_they_did() {
    for name in FIXED {
        assert_same_text(&root().join(format!("tests/fixtures/format2/{name}.peerreview")), &[], name);
    }
}

#[test]
fn every_format_2_sample_migrates_to_the_format_3_sample_and_fmt_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in FIXED {
        let old = root().join(format!("tests/fixtures/format2/{name}.peerreview"));
        let loaded = peerbrief::store::load_review(&old).unwrap();
        assert_eq!(loaded.migrated_from, Some(2));
        let now = peerbrief::store::to_canonical_text(&as_format_2_had_it(name)).unwrap();
        assert_eq!(peerbrief::store::to_canonical_text(&loaded.review).unwrap(), now, "{name}");

        let copy = dir.path().join(format!("{name}.peerreview"));
        fs::copy(&old, &copy).unwrap();
        let out = peerbrief(&["fmt", copy.to_str().unwrap()], dir.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(fs::read_to_string(&copy).unwrap(), now, "fmt rewrites {name} as format 3");
    }
}

#[test]
fn the_standard_template_sample_prints_header_facts_recommendations_and_implications() {
    let dir = tempfile::tempdir().unwrap();
    let (layout, plain) = briefing_text(&root().join("samples/harbridge-2026.peerreview"), &[], dir.path());
    for expected in [
        "Wards affected: All wards",
        "Key decision: No",
        "Purpose of the",
        "1.1 This report is for discussion.",
        "2.1 The Committee is recommended to note the findings",
        "(a) the strengths the reviewers found",
        "(b) in twelve months",
        "Financial",
        "Equality (Public Sector Equality Duty, s149 Equality Act 2010)",
        "Harbridge Borough Council – Overview and Scrutiny",
    ] {
        assert!(layout.contains(expected), "{expected:?} not printed:\n{layout}");
    }
    let squashed = pdf_support::squash(&plain);
    assert!(squashed.contains("Human resources 5.3 None arising from this report."), "{squashed}");
    assert!(squashed.contains("Climate and sustainability 5.7 None arising from this report."), "{squashed}");
}

#[test]
fn template_list_new_and_new_review() {
    let config = tempfile::tempdir().unwrap();
    let out = peerbrief(&["template", "list"], config.path());
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("worcestershire-scrutiny (version 1, built in)"), "{listed}");
    assert!(listed.contains("standard-committee-report (version 1, built in)"), "{listed}");

    let out =
        peerbrief(&["template", "new", "harbridge-committee", "--from", "standard-committee-report"], config.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = config.path().join("peerbrief/templates/harbridge-committee.peertemplate");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("PeerTemplate(\n    name: \"harbridge-committee\",\n    version: 1,"), "{text}");
    assert!(text.contains("heading: \"Implications\""), "readable RON: {text}");
    let out = peerbrief(&["template", "list"], config.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("harbridge-committee (version 1, "),
        "the user's folder is listed"
    );
    let again = peerbrief(&["template", "new", "harbridge-committee"], config.path());
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let out = peerbrief(&["check", file.to_str().unwrap()], config.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));

    let review = config.path().join("new.peerreview");
    let out = peerbrief(&["new", "--template", "harbridge-committee", "-o", review.to_str().unwrap()], config.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let loaded = peerbrief::store::load_review(&review).unwrap().review;
    assert_eq!(loaded.template.as_ref().map(|t| t.name.as_str()), Some("harbridge-committee"));
    assert_eq!(loaded.report.sections.len(), 10);
    assert_eq!(loaded.header_facts.len(), 3);

    let out = peerbrief(&["new", "--template", "nonesuch", "-o", "x.peerreview"], config.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no template called `nonesuch`; the templates are: "));
}

#[test]
fn a_malformed_template_is_reported_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.peertemplate");
    fs::write(&bad, "PeerTemplate(\n    name: \"bad\",\n    version: 1,\n    sections: [\n        (id: \"a\", heading: \"A\", blocks: [Table]),\n    ],\n)\n").unwrap();
    let out = peerbrief(&["check", bad.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with(&format!("{}:5:42: error: `Table` is not allowed in Block", bad.display())), "{said}");
    let out = peerbrief(&["new", "--template", bad.to_str().unwrap(), "-o", "x.peerreview"], dir.path());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.peertemplate:5:42:"), "the same error when used");
}

#[test]
fn a_review_lacking_a_section_its_template_requires_gets_a_warning_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let mut review = peerbrief::store::load_review(&root().join("samples/harbridge-2026.peerreview")).unwrap().review;
    review.report.sections.retain(|s| s.id != "implications");
    let path = dir.path().join("no-implications.peerreview");
    peerbrief::store::save_review(&path, &review).unwrap();
    let out = peerbrief(&["check", path.to_str().unwrap()], dir.path());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(
            "warning: Template standard-committee-report requires the section “Implications” (id `implications`)"
        ),
        "{said}"
    );
    let (layout, _) = briefing_text(&path, &[], dir.path());
    assert!(layout.contains("Consultation") && !layout.contains("Implications"), "it still prints");
}

#[test]
fn check_passes_on_every_sample() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<String> =
        fs::read_dir(root().join("samples")).unwrap().map(|e| e.unwrap().path().display().to_string()).collect();
    files.sort();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = peerbrief(&args, dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

//! `peerbrief briefing` and `peerbrief pack` run as real processes: exit codes, messages, and
//! nothing half-written left behind.

mod pdf_support;

use pdf_support::copy_folder;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name).display().to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn pdftext(path: &Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whitespace collapsed, so a phrase broken across lines is still found.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Copies the samples into a temp folder so a test can break one file without touching others.
fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"), dir.path());
    dir
}

#[test]
fn briefing_writes_a_pdf_with_the_chosen_marking_and_action_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let o = peerbrief(&[
        "briefing",
        &sample("afonwen-2025-action-plan.peerreview"),
        "-o",
        &out.display().to_string(),
        "--marking",
        "official-sensitive",
        "--action-plan",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = pdftext(&out);
    assert!(text.contains("OFFICIAL-SENSITIVE"));
    assert!(text.contains("Action plan"), "action plan appendix");
    let flat = squash(&text);
    for words in ["Status", "Officer", "Due", "Latest progress", "Not started", "At risk (amber)", "Complete"] {
        assert!(flat.contains(words), "{words}");
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "only the PDF: {leftovers:?}");
}

#[test]
fn pack_public_by_default_and_private_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public.pdf");
    let private = dir.path().join("private.pdf");
    let manifest = sample("children-and-families-panel.peerpack");
    let o = peerbrief(&["pack", &manifest, "-o", &public.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = peerbrief(&["pack", &manifest, "-o", &private.display().to_string(), "--private"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!pdftext(&public).contains("Oakfield"));
    assert!(pdftext(&private).contains("Oakfield"));
}

#[test]
fn public_and_private_together_is_a_usage_error() {
    let o =
        peerbrief(&["pack", &sample("children-and-families-panel.peerpack"), "-o", "x.pdf", "--public", "--private"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn missing_item_file_names_the_item_and_writes_nothing() {
    let dir = sample_folder();
    fs::remove_file(dir.path().join("ambleshire-2024.peerreview")).unwrap();
    let out = dir.path().join("pack.pdf");
    let o = peerbrief(&[
        "pack",
        &dir.path().join("children-and-families-panel.peerpack").display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("agenda item 5"), "{e}");
    assert!(e.contains("ambleshire-2024.peerreview") && e.contains("does not exist"), "{e}");
    assert!(!out.exists());
}

#[test]
fn bad_manifest_reports_file_line_and_column() {
    let dir = sample_folder();
    let manifest = dir.path().join("bad.peerpack");
    fs::write(&manifest, "CommitteePack(\n    committee: \"Panel\",\n    date: \"2026-02-30\",\n    items: [],\n)\n")
        .unwrap();
    let o =
        peerbrief(&["pack", &manifest.display().to_string(), "-o", &dir.path().join("p.pdf").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains(&format!("{}:3:", manifest.display())), "{e}");
    assert!(e.contains("not a real date"), "{e}");
}

#[test]
fn items_may_not_escape_the_pack_folder_or_be_the_manifest() {
    let dir = sample_folder();
    let sub = dir.path().join("pack");
    fs::create_dir(&sub).unwrap();
    let out = dir.path().join("p.pdf").display().to_string();
    for (file, expect) in [
        ("../worcestershire-2015.peerreview", "relative to the pack's folder"),
        ("/etc/passwd", "relative to the pack's folder"),
        ("me.peerpack", "the pack manifest itself"),
    ] {
        let manifest = sub.join("me.peerpack");
        fs::write(
            &manifest,
            format!(
                "CommitteePack(committee: \"Panel\", date: \"2026-03-17\", items: [AgendaItem(content: Review(\"{file}\"))])"
            ),
        )
        .unwrap();
        let o = peerbrief(&["pack", &manifest.display().to_string(), "-o", &out]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        assert!(stderr(&o).contains(expect), "{file}: {}", stderr(&o));
    }
}

#[test]
fn unwritable_output_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("brief.pdf");
    let o = peerbrief(&["briefing", &sample("worcestershire-2015.peerreview"), "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("cannot save") && e.contains("brief.pdf"), "{e}");
    assert!(!out.exists());
}

#[test]
fn bad_review_file_for_a_briefing_is_an_error_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.peerreview");
    fs::write(&bad, "PeerReview(\n    format_version: 2,\n    marking: Secret,\n)").unwrap();
    let o = peerbrief(&["briefing", &bad.display().to_string(), "-o", &dir.path().join("b.pdf").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("{}:3:14:", bad.display())), "{}", stderr(&o));
}

fn page_count(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap_or_else(|| panic!("{info}"));
    line.split_whitespace().last().unwrap().parse().unwrap()
}

fn page_text(path: &Path, page: usize) -> String {
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-f", &p, "-l", &p])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The exempt appendix of the Ambleshire sample (paragraph 1 of Schedule 12A).
const AMBLESHIRE_EXEMPT: [&str; 3] = ["Case A (aged 9)", "Case B (aged 15)", "placement moved three times"];

#[test]
fn briefing_is_public_by_default_and_private_marks_every_page_not_for_publication() {
    let dir = tempfile::tempdir().unwrap();
    let review = sample("ambleshire-2024.peerreview");
    let default = dir.path().join("default.pdf");
    let public = dir.path().join("public.pdf");
    let private = dir.path().join("private.pdf");
    let o = peerbrief(&["briefing", &review, "-o", &default.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = peerbrief(&["briefing", &review, "-o", &public.display().to_string(), "--public"]);
    assert_eq!(o.status.code(), Some(0), "--public is still accepted: {}", stderr(&o));
    let o = peerbrief(&["briefing", &review, "-o", &private.display().to_string(), "--private"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    for path in [&default, &public] {
        let text = squash(&pdftext(path));
        for secret in AMBLESHIRE_EXEMPT {
            assert!(!text.contains(secret), "{}: exempt text {secret:?} printed", path.display());
        }
        assert!(!text.contains("NOT FOR PUBLICATION"), "{}: public copy stamped", path.display());
        assert!(text.contains("not for publication by virtue of paragraph 1"), "the notice replaces it");
    }
    assert_eq!(pdftext(&default), pdftext(&public), "--public is the default");

    let text = squash(&pdftext(&private));
    for secret in AMBLESHIRE_EXEMPT {
        assert!(text.contains(secret), "private copy lacks {secret:?}");
    }
    let pages = page_count(&private);
    assert_eq!(pages, page_count(&public), "public and private briefings are numbered alike");
    assert!(pages >= 3, "{pages}");
    for n in 1..=pages {
        let on_page = page_text(&private, n);
        assert!(on_page.contains("NOT FOR PUBLICATION"), "private page {n} is not stamped:\n{on_page}");
        assert!(!page_text(&public, n).contains("NOT FOR PUBLICATION"), "public page {n} is stamped");
    }
    let info = Command::new("pdfinfo").arg(&private).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let title = info.lines().find(|l| l.starts_with("Title:")).unwrap_or("");
    assert!(title.ends_with("NOT FOR PUBLICATION"), "{info}");
}

#[test]
fn briefing_public_and_private_together_is_a_usage_error() {
    let o = peerbrief(&["briefing", &sample("ambleshire-2024.peerreview"), "-o", "x.pdf", "--public", "--private"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

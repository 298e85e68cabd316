//! `peerbrief check --public`, and public briefings and packs refused while findings are open.

mod pdf_support;

use pdf_support::copy_folder;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"), dir.path());
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let t = fs::read_to_string(path).unwrap();
    assert!(t.contains(from), "{from}");
    fs::write(path, t.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_samples_pass_the_public_check() {
    let dir = sample_folder();
    let mut args = vec!["check".to_owned(), "--public".to_owned()];
    for f in fs::read_dir(dir.path()).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            args.push(f.display().to_string());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = peerbrief(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(!text(&o.stdout).contains("personal data"), "{}", text(&o.stdout));
}

#[test]
fn findings_are_printed_at_their_line_and_column_and_fail_the_check() {
    let dir = sample_folder();
    let review = dir.path().join("ambleshire-2024.peerreview");
    // "Senior leaders" is in a finding; the same words are nowhere earlier in the file.
    edit(
        &review,
        "Senior leaders are visible",
        "Senior leaders met 3 children and Mr Hughes (NHS 943 476 5919) are visible",
    );
    let file_text = fs::read_to_string(&review).unwrap();
    let (line_no, line) = file_text.lines().enumerate().find(|(_, l)| l.contains("Mr Hughes")).unwrap();
    let col = |needle: &str| line[..line.find(needle).unwrap()].chars().count() + 1;
    let o = peerbrief(&["check", "--public", &review.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let p = review.display();
    let l = line_no + 1;
    for (needle, kind) in
        [("3 children", "small number of people"), ("Mr Hughes", "name with a title"), ("943 476 5919", "NHS number")]
    {
        let expected = format!("{p}:{l}:{}: warning: possible personal data ({kind}): \"{needle}\"", col(needle));
        assert!(out.contains(&expected), "{expected}\nin\n{out}");
    }
    // A threshold of 3 no longer counts "3 children".
    let o = peerbrief(&["check", "--public", "--small-numbers-below", "3", &review.display().to_string()]);
    assert!(!text(&o.stdout).contains("3 children"));
    // Without --public the file is only validated.
    assert_eq!(peerbrief(&["check", &review.display().to_string()]).status.code(), Some(0));
}

#[test]
fn public_briefings_and_packs_are_refused_while_findings_are_open_private_ones_print() {
    let dir = sample_folder();
    let review = dir.path().join("ambleshire-2024.peerreview");
    let pack = dir.path().join("children-and-families-panel.peerpack");
    let pdf = dir.path().join("out.pdf");
    let pdf_s = pdf.display().to_string();
    // The pack's exempt item made public: its child's age is now in the public pack.
    edit(&pack, "exempt: Some(2),", "");
    let o = peerbrief(&["pack", &pack.display().to_string(), "-o", &pdf_s]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let manifest_text = fs::read_to_string(&pack).unwrap();
    let (l, line) = manifest_text.lines().enumerate().find(|(_, l)| l.contains("Child X, aged 12")).unwrap();
    let at = format!("{}:{}:{}:", pack.display(), l + 1, line[..line.find("Child X").unwrap()].chars().count() + 1);
    assert!(
        err.contains(&format!("{at} warning: possible personal data (age of a person): \"Child X, aged 12\"")),
        "{err}"
    );
    assert!(err.contains("the public pack was not printed: 1 possible personal data finding open"), "{err}");
    assert!(!pdf.exists());
    let o = peerbrief(&["pack", &pack.display().to_string(), "-o", &pdf_s, "--private"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    fs::remove_file(&pdf).unwrap();
    edit(&review, "The review gives the council", "Two families told us the review gives the council");
    let o = peerbrief(&["briefing", &review.display().to_string(), "-o", &pdf_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("(small number of people): \"Two families\""), "{}", text(&o.stderr));
    assert!(!pdf.exists());
    // Recorded as reviewed in the file: the public briefing prints.
    edit(
        &review,
        "    ],\n)\n",
        "    ],\n    disclosure_reviewed: [\n        ReviewedDisclosure(\n            kind: SmallNumber,\n            text: \"Two families\",\n            reason: \"Quoted with their consent; not identifiable.\",\n            by: \"tester\",\n            on: \"2026-12-01\",\n        ),\n    ],\n)\n",
    );
    let o = peerbrief(&["briefing", &review.display().to_string(), "-o", &pdf_s]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

//! The command line's exit codes and message formats, run as a real process.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name).display().to_string()
}

#[test]
fn check_of_good_samples_exits_0() {
    let out = peerbrief(&["check", &sample("worcestershire-2015.peerreview"), &sample("ambleshire-2024.peerreview")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("error"));
}

#[test]
fn check_of_every_sample_file_including_the_pack_exits_0() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(files.iter().any(|f| f.ends_with(".peerpack")), "{files:?}");
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = peerbrief(&args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("error"), "{stdout}");
}

#[test]
fn check_of_a_pack_names_the_broken_item() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("p.peerpack");
    fs::write(&pack, "CommitteePack(committee: \"Panel\", date: \"2026-03-17\", items: [AgendaItem(content: Review(\"missing.peerreview\"))])").unwrap();
    let out = peerbrief(&["check", &pack.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{}: error: ", pack.display())) && stdout.contains("missing.peerreview"),
        "{stdout}"
    );
}

#[test]
fn check_prints_file_line_col_error_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.peerreview");
    fs::write(&bad, "PeerReview(\n    format_version: 2,\n    marking: Secret,\n)").unwrap();
    let out = peerbrief(&["check", &bad.display().to_string(), &sample("worcestershire-2015.peerreview")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = format!("{}:3:14: error: `Secret` is not allowed", bad.display());
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert!(stdout.contains("`OfficialSensitive`"), "{stdout}");
}

#[test]
fn check_prints_warnings_with_place_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.peerreview");
    let text = fs::read_to_string(sample("worcestershire-2015.peerreview"))
        .unwrap()
        .replacen("themes: [\n                \"vision\",\n            ],", "themes: [],", 1)
        .replace("01905 766303", "TBC");
    fs::write(&file, text).unwrap();
    let out = peerbrief(&["check", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let f = file.display();
    assert!(stdout.contains(&format!("{f}: warning: Strength 2 has no theme (at findings[2].themes)\n")), "{stdout}");
    assert!(
        stdout
            .contains(&format!("{f}: warning: `TBC` is not a valid UK phone number (at contacts.officers[1].phone)\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{f}: warning: Placeholder text `TBC` left in (at contacts.officers[1].phone)\n")),
        "{stdout}"
    );
}

#[test]
fn missing_file_is_an_error() {
    let out = peerbrief(&["check", "/nonexistent/x.peerreview"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("/nonexistent/x.peerreview: error: cannot read the file"), "{stdout}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(peerbrief(&["check"]).status.code(), Some(2));
    assert_eq!(peerbrief(&["frobnicate", "--nope"]).status.code(), Some(2));
    assert_eq!(peerbrief(&["--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let help = peerbrief(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("check") && text.contains("Usage"), "{text}");
    let version = peerbrief(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(
        String::from_utf8(version.stdout).unwrap().starts_with(&format!("peerbrief {}", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn fmt_canonicalises_and_keeps_a_backup_but_never_touches_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hand.peerreview");
    let original = fs::read_to_string(sample("worcestershire-2015.peerreview")).unwrap();
    let hand_edited = original.replace("    ", "  ");
    fs::write(&file, &hand_edited).unwrap();
    let out = peerbrief(&["fmt", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
    assert_eq!(fs::read_to_string(dir.path().join("hand.peerreview~")).unwrap(), hand_edited);

    let broken = dir.path().join("broken.peerreview");
    fs::write(&broken, "PeerReview(format_version: 2,").unwrap();
    let out = peerbrief(&["fmt", &broken.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&broken).unwrap(), "PeerReview(format_version: 2,");
    assert!(!dir.path().join("broken.peerreview~").exists());
}

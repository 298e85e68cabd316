//! `peerbrief progress` run as a real process on the Afonwen sample: what the report prints
//! (pdftotext), its exit codes, the refusal while possible personal data in its text is open, and
//! the message for a review with no action plan.

mod pdf_support;

use pdf_support::copy_folder;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdftext(path: &Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().expect("pdftotext");
    squash(&String::from_utf8_lossy(&out.stdout))
}

fn samples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"), dir.path());
    dir
}

fn path(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

const AFONWEN: &str = "afonwen-2025-action-plan.peerreview";

#[test]
fn the_afonwen_progress_report_prints_outcomes_actions_officers_statuses_and_due_date_changes() {
    let dir = samples();
    let out = dir.path().join("progress.pdf");
    let o = peerbrief(&["progress", &path(&dir, AFONWEN), "-o", &out.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("pages"));
    let text = pdftext(&out);
    for want in [
        "Afonwen County Borough Council",
        "Social Care and Wellbeing Scrutiny Committee",
        "PROGRESS ON THE ACTION PLAN",
        "Printed on ",
        // The status chart's key and the counts in words.
        "Actions by status",
        "Off track (red): 1 action",
        "There are 8 actions: 1 off track (red), 2 at risk (amber), 2 on track (green), 2 not started and 1 complete.",
        // Outcomes with their success indicators.
        "Outcome 1: Families get the same early help and protection wherever they live in the county borough",
        "Success indicators",
        "Health represented at 95% of strategy discussions",
        "Outcome 3: The whole council understands and acts on its duties as corporate parent",
        // An action with its finding, officer (name, role), due date, status in words and latest note.
        "Action 1.1: Introduce one early help assessment and a single referral route across the county borough.",
        "Responds to Early help is inconsistent between the valleys and the coastal towns.",
        "Officer Gareth Morgan, Early Help Service Manager",
        "Due 31 March 2027 (changed twice; see below)",
        "Status At risk (amber)",
        "Latest progress 2 October 2026: Single referral route live since April 2026",
        "Status Off track (red)",
        "Status Not started",
        "Status Complete",
        // Every due-date change with from → to, when and why.
        "31 December 2025 → 31 March 2026, changed on 20 November 2025: Case management system change delayed by the supplier.",
        "31 March 2026 → 31 March 2027, changed on 12 March 2026: Pilot extended to include the coastal towns after consultation.",
        "30 June 2026 → 31 January 2027, changed on 15 June 2026: Awaiting sign-off by the health board.",
        "Due dates have been changed 4 times, for 2 actions",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Progress report: "), "{info}");
    assert!(info.contains("A4"), "{info}");
}

#[test]
fn a_review_with_no_action_plan_gets_a_clear_message_and_no_pdf() {
    let dir = samples();
    let out = dir.path().join("none.pdf");
    let o = peerbrief(&["progress", &path(&dir, "worcestershire-2015.peerreview"), "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("no action plan") && err.contains("Action plan page"), "{err}");
    assert!(!out.exists());
}

#[test]
fn possible_personal_data_in_a_due_date_reason_refuses_the_report_until_it_is_fixed() {
    let dir = samples();
    let file = dir.path().join(AFONWEN);
    let original = fs::read_to_string(&file).unwrap();
    // The briefing never prints due-date reasons, the progress report does.
    let broken = original.replace("Health board restructure.", "Delayed while Mrs Jenkins was on leave.");
    assert_ne!(broken, original);
    fs::write(&file, &broken).unwrap();
    let out = dir.path().join("progress.pdf");
    let o = peerbrief(&["progress", &file.display().to_string(), "-o", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let line = broken.lines().position(|l| l.contains("Mrs Jenkins")).unwrap() + 1;
    assert!(err.contains(&format!("{AFONWEN}:{line}:")), "the finding at its line: {err}");
    assert!(err.contains("possible personal data") && err.contains("Mrs Jenkins"), "{err}");
    assert!(err.contains("the progress report was not printed: 1 possible personal data finding open"), "{err}");
    assert!(!out.exists(), "nothing written");
    // The briefing does not print the reason, so it is not refused for it.
    let b =
        peerbrief(&["briefing", &file.display().to_string(), "-o", &dir.path().join("b.pdf").display().to_string()]);
    assert!(b.status.success(), "{}", stderr(&b));

    fs::write(&file, &original).unwrap();
    let o = peerbrief(&["progress", &file.display().to_string(), "-o", &out.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.exists());
}

#[test]
fn bad_input_exits_1_with_the_reason_and_usage_errors_exit_2() {
    let dir = samples();
    let out = dir.path().join("x.pdf").display().to_string();
    let o = peerbrief(&["progress", &path(&dir, "no-such.peerreview"), "-o", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such.peerreview"), "{}", stderr(&o));
    let bad = dir.path().join("bad.peerreview");
    fs::write(&bad, "Review(council: ").unwrap();
    let o = peerbrief(&["progress", &bad.display().to_string(), "-o", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.peerreview:1:"), "line and column: {}", stderr(&o));
    let o = peerbrief(&["progress", &path(&dir, AFONWEN)]);
    assert_eq!(o.status.code(), Some(2), "no -o");
    assert!(!Path::new(&out).exists());
}

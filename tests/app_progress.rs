//! File → Print progress report and "Include charts", driven through the real window: the
//! progress report is made on a worker thread after the save dialog, and refused with a clear
//! message when there is no action plan or possible personal data in its text is open.

mod app_support;

use std::path::Path;

use app_support::{Scratch, Setup, WORCESTERSHIRE, wait_for_printing};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{DialogPurpose, PeerBriefApp, UICommand};

const AFONWEN: &str = "afonwen-2025-action-plan.peerreview";
const AMBLESHIRE: &str = "ambleshire-2024.peerreview";

fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Clicks a File menu item. Only steps after the click: printing may start at once, and its
/// spinner keeps the window repainting.
fn choose_from_file_menu(harness: &mut Harness<'static, PeerBriefApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.step();
    harness.step();
}

#[test]
fn file_print_progress_report_saves_the_afonwen_progress_report() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[AFONWEN]);
    setup.dialogs.answer(vec![scratch.path("progress")]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();

    choose_from_file_menu(&mut harness, "Print progress report…");
    wait_for_printing(&mut harness, "progress report");
    assert!(matches!(dialogs.asked().first(), Some(DialogPurpose::PrintProgress { .. })), "{:?}", dialogs.asked());
    assert_eq!(dialogs.suggested().first().map(|s| s.ends_with("progress report.pdf")), Some(true));
    harness.get_by_label("The progress report is ready");
    harness.get_by_label("Open PDF");
    let text = pdf_text(&scratch.path("progress.pdf"));
    for want in [
        "PROGRESS ON THE ACTION PLAN",
        "Actions by status",
        "Outcome 2: A stable, permanent workforce",
        "Officer Siân Evans, Safeguarding Partnership Manager",
        "Status Off track (red)",
        "30 June 2026 → 31 January 2027, changed on 15 June 2026: Awaiting sign-off by the health board.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
}

#[test]
fn a_review_with_no_action_plan_is_told_so_and_no_dialog_is_asked() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    harness.state_mut().send(UICommand::PrintProgress);
    harness.run();
    let status = harness.state().status_text().to_owned();
    assert!(status.contains("no action plan") && status.contains("Action plan page"), "{status}");
    assert!(dialogs.asked().is_empty());
    assert!(!harness.state().is_printing());
}

#[test]
fn open_personal_data_in_a_due_date_reason_refuses_the_report_and_shows_before_publishing() {
    let scratch = Scratch::new();
    let file = scratch.path(AFONWEN);
    let text =
        std::fs::read_to_string(&file).unwrap().replace("Health board restructure.", "Mrs Jenkins was on leave.");
    std::fs::write(&file, text).unwrap();
    let setup = Setup::new(&scratch, &[AFONWEN]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    choose_from_file_menu(&mut harness, "Print progress report…");
    harness.run();
    let status = harness.state().status_text().to_owned();
    assert!(
        status.contains("The progress report was not printed: 1 possible personal data finding open")
            && status.contains("Mrs Jenkins"),
        "{status}"
    );
    assert!(dialogs.asked().is_empty(), "no save dialog");
    let e = harness.state().current().unwrap().editing().unwrap();
    assert!(e.view.publishing.open, "the Before publishing panel is shown");
}

#[test]
fn include_charts_in_the_print_prompt_puts_the_charts_in_the_briefing_and_the_preview() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[AMBLESHIRE]);
    setup.dialogs.answer(vec![scratch.path("plain")]);
    setup.dialogs.answer(vec![scratch.path("charts")]);
    let mut harness = setup.build();
    let chart = "Strengths and areas for consideration by theme";

    // Off to start with: the briefing prints as it always has.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.key_press(Key::Enter);
    wait_for_printing(&mut harness, "public briefing");
    assert!(!pdf_text(&scratch.path("plain.pdf")).contains(chart));
    harness.get_by_label("Close").click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("Include charts").click();
    harness.run();
    harness.key_press(Key::Enter);
    wait_for_printing(&mut harness, "public briefing");
    let text = pdf_text(&scratch.path("charts.pdf"));
    assert!(text.contains(chart) && text.contains("Theme Strengths (key) Areas for consideration (key)"), "{text}");
    harness.get_by_label("Close").click();
    harness.run();

    // The choice stays for the preview, which shows what prints.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let previewed = |h: &Harness<'static, PeerBriefApp>| {
        let e = h.state().current().unwrap().editing().unwrap();
        e.view.preview.as_ref().unwrap().layout.pages.iter().flat_map(|p| p.texts()).any(|t| t.text == chart)
    };
    assert!(previewed(&harness));
    harness.get_by_label("Include charts").click();
    harness.run();
    assert!(!previewed(&harness), "unticked in the preview: laid out again without the charts");
}

//! File → Print briefing, the Preview view and Make committee pack, driven through the real
//! window: the PDF is made on a worker thread while the window keeps running, then Open PDF /
//! Print are offered.

mod app_support;

use std::path::Path;
use std::time::{Duration, Instant};

use app_support::{Scratch, Setup, WORCESTERSHIRE, wait_for_printing};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{DialogPurpose, PeerBriefApp, UICommand};
use peerbrief::briefing::Visibility;
use peerbrief::model::{Finding, FindingKind};

fn wait_for_file(path: &Path, harness: &mut Harness<'static, PeerBriefApp>) {
    let started = Instant::now();
    while !path.exists() {
        assert!(started.elapsed() < Duration::from_secs(10), "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

fn is_pdf(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"%PDF-") && b.len() > 10_000)
}

#[test]
fn ctrl_p_makes_the_briefing_pdf_then_print_sends_it_to_the_printer() {
    let scratch = Scratch::new();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.dialogs.answer(vec![scratch.path("panel briefing")]);
    let printed = scratch.path("printed.pdf");
    setup.print_command = vec!["sh".into(), "-c".into(), format!("cp \"$0\" '{}'", printed.display())];
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    wait_for_printing(&mut harness, "public briefing");
    // Nothing in the Worcestershire review is exempt: no question, the public version.
    assert!(matches!(
        dialogs.asked().first(),
        Some(DialogPurpose::PrintBriefing { visibility: Visibility::Public, .. })
    ));
    let pdf = scratch.path("panel briefing.pdf");
    assert!(is_pdf(&pdf), "no PDF at {}", pdf.display());
    let status = harness.state().status_text().to_owned();
    assert!(status.starts_with("Saved the public briefing to") && status.contains("pages"), "{status}");
    harness.get_by_label("The public briefing is ready");
    harness.get_by_label("Open PDF");

    harness.get_by_label("Print").click();
    // The box shows a spinner while the printer is asked: step, do not wait for it to settle.
    harness.step();
    wait_for_file(&printed, &mut harness);
    assert_eq!(std::fs::read(&printed).unwrap(), std::fs::read(&pdf).unwrap());
    let started = Instant::now();
    while !harness.state().status_text().starts_with("Sent") {
        assert!(started.elapsed() < Duration::from_secs(10), "{}", harness.state().status_text());
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
}

#[test]
fn a_missing_printer_is_explained_not_hidden() {
    let scratch = Scratch::new();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.dialogs.answer(vec![scratch.path("b.pdf")]);
    setup.print_command = vec!["peerbrief-test-no-such-lp".into()];
    let mut harness = setup.build();
    harness.state_mut().send(UICommand::PrintBriefing);
    wait_for_printing(&mut harness, "public briefing");
    harness.get_by_label("Print").click();
    let started = Instant::now();
    while !harness.state().status_text().contains("not installed") {
        assert!(started.elapsed() < Duration::from_secs(10), "{}", harness.state().status_text());
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    // The box stays, with the reason, and still offers Open PDF.
    harness.get_by_label("The public briefing is ready");
    assert_eq!(
        harness.query_all_by_label_contains("which is not installed").count(),
        2,
        "in the box and the status bar"
    );
    harness.get_by_label("Open PDF");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("The public briefing is ready").is_none());
}

#[test]
fn cancelling_the_save_dialog_makes_no_pdf() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.dialogs.answer(vec![]);
    let mut harness = setup.build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    assert!(!harness.state().is_printing());
    assert_eq!(harness.state().status_text(), "Printing cancelled (no file chosen).");
}

#[test]
fn preview_shows_the_briefing_pages_and_follows_edits() {
    let scratch = Scratch::new();
    let mut harness = Setup::new(&scratch, &[WORCESTERSHIRE]).build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let pages = |h: &Harness<'static, PeerBriefApp>| {
        let review = &h.state().current().unwrap().editing().unwrap().review;
        let options = peerbrief::app::printing::briefing_options(review, Visibility::Public, None, false);
        peerbrief::briefing::lay_out_briefing(review, &options).pages.len()
    };
    let n = pages(&harness);
    assert!(n >= 4, "{n}");
    harness.get_by_label(&format!("Public briefing: {n} pages"));
    harness.get_by_label(&format!("Page {n} of {n}")).click();
    harness.run();
    harness.get_by_label("Zoom in").click();
    harness.run();
    harness.get_by_label("Fit width").click();
    harness.run();

    // Forty more key strengths: the preview lays the briefing out again.
    {
        let e = harness.state_mut().current_mut().unwrap().editing_mut().unwrap();
        for i in 0..40 {
            e.review.findings.push(Finding::new(
                FindingKind::Strength,
                &format!("Extra strength number {i} with enough words to take a line or two of the page."),
                "vision",
                true,
            ));
        }
        e.note_change(false);
    }
    harness.run();
    let more = pages(&harness);
    assert!(more > n, "{more} pages after adding findings, {n} before");
    harness.get_by_label(&format!("Public briefing: {more} pages"));
}

fn pdf_pages(path: &Path) -> Option<usize> {
    let out = std::process::Command::new("pdfinfo").arg(path).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap_or(0)))
}

#[test]
fn make_committee_pack_public_and_private_with_the_same_page_count() {
    let scratch = Scratch::new();
    let manifest = scratch.path("children-and-families-panel.peerpack");
    let setup = Setup::new(&scratch, &[]);
    for name in ["public", "private"] {
        setup.dialogs.answer(vec![manifest.clone()]);
        setup.dialogs.answer(vec![scratch.path(name)]);
    }
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    for (choice, button, what) in [
        ("Public pack, for publication", "Public version: choose where to save…", "public"),
        ("Private pack, for members", "Private version: choose where to save…", "private"),
    ] {
        harness.state_mut().send(UICommand::MakePack);
        harness.run();
        harness.get_by_label("Make a committee pack");
        harness.get_by_label(choice).click();
        harness.run();
        harness.get_by_label(button).click();
        wait_for_printing(&mut harness, &format!("{what} committee pack"));
        let status = harness.state().status_text().to_owned();
        assert!(status.starts_with(&format!("Saved the {what} committee pack")), "{status}");
        assert!(is_pdf(&scratch.path(&format!("{what}.pdf"))));
        harness.get_by_label("Close").click();
        harness.run();
    }
    assert!(matches!(
        dialogs.asked()[..],
        [
            DialogPurpose::PackManifest { private: false },
            DialogPurpose::PackOutput { private: false, .. },
            DialogPurpose::PackManifest { private: true },
            DialogPurpose::PackOutput { private: true, .. }
        ]
    ));
    if let (Some(public), Some(private)) =
        (pdf_pages(&scratch.path("public.pdf")), pdf_pages(&scratch.path("private.pdf")))
    {
        assert_eq!(public, private);
        assert!(public > 10, "{public}");
    }
}

#[test]
fn a_pack_with_a_missing_report_fails_with_a_clear_message() {
    let scratch = Scratch::new();
    std::fs::remove_file(scratch.path("ambleshire-2024.peerreview")).unwrap();
    let setup = Setup::new(&scratch, &[]);
    setup.dialogs.answer(vec![scratch.path("children-and-families-panel.peerpack")]);
    setup.dialogs.answer(vec![scratch.path("pack.pdf")]);
    let mut harness = setup.build();
    harness.state_mut().send(UICommand::MakePack);
    harness.run();
    // Public is already chosen: Enter goes on with it.
    harness.key_press(Key::Enter);
    wait_for_printing(&mut harness, "public committee pack");
    let status = harness.state().status_text().to_owned();
    assert!(status.starts_with("No PDF made:") && status.contains("ambleshire-2024.peerreview"), "{status}");
    assert!(!scratch.path("pack.pdf").exists());
}

const AMBLESHIRE: &str = "ambleshire-2024.peerreview";

fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn print_briefing_is_public_unless_the_private_version_is_chosen() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[AMBLESHIRE]);
    setup.dialogs.answer(vec![scratch.path("public")]);
    setup.dialogs.answer(vec![scratch.path("private")]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    let exempt = "Case A (aged 9)";
    let review = &harness.state().current().unwrap().editing().unwrap().review;
    assert!(
        review.appendices.iter().any(|a| a.exempt.is_some() && a.body.contains(exempt)),
        "the sample's exempt text"
    );

    // Ctrl+P asks, with the public version chosen; Enter takes it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("Print the briefing");
    harness.get_by_label_contains("Every page is marked NOT FOR PUBLICATION");
    harness.key_press(Key::Enter);
    wait_for_printing(&mut harness, "public briefing");
    assert!(matches!(
        dialogs.asked().first(),
        Some(DialogPurpose::PrintBriefing { visibility: Visibility::Public, .. })
    ));
    assert_eq!(dialogs.suggested().first().map(|s| s.ends_with("briefing.pdf")), Some(true));
    // The save dialog starts beside the review, not in the home folder.
    let folder = scratch.path("public.pdf").parent().map(Path::to_path_buf);
    assert_eq!(dialogs.suggested_folders().first(), Some(&folder));
    let public = pdf_text(&scratch.path("public.pdf"));
    assert!(!public.contains(exempt), "the public briefing holds no exempt text");
    harness.get_by_label("Close").click();
    harness.run();

    // The private version only when chosen.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("Private version, for members and officers only").click();
    harness.run();
    harness.get_by_label("Private version: choose where to save…").click();
    wait_for_printing(&mut harness, "private briefing");
    assert!(dialogs.suggested()[1].contains("private"), "{:?}", dialogs.suggested());
    let private = pdf_text(&scratch.path("private.pdf"));
    assert!(private.contains(exempt), "the private briefing includes the exempt appendix");
}

#[test]
fn the_preview_shows_the_public_version_and_says_so() {
    let scratch = Scratch::new();
    let mut harness = Setup::new(&scratch, &[AMBLESHIRE]).build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label_contains("Public briefing:");
    harness.get_by_label("exempt appendices withheld");
    let shown = |h: &Harness<'static, PeerBriefApp>| {
        let e = h.state().current().unwrap().editing().unwrap();
        let layout = &e.view.preview.as_ref().unwrap().layout;
        layout.pages.iter().flat_map(|p| p.texts()).any(|t| t.text.contains("Case A (aged 9)"))
    };
    assert!(!shown(&harness));
    harness.get_by_label("Private version").click();
    harness.run();
    harness.get_by_label_contains("Private briefing:");
    harness.get_by_label("NOT FOR PUBLICATION: includes exempt appendices");
    assert!(shown(&harness));
}

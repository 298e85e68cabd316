//! Committee packs as documents in the window: a `.peerpack` opens as a pack tab, is edited,
//! saved and undone like a review, previewed from the layout engine and printed public or
//! private from the tab.

mod app_support;

use std::path::Path;
use std::time::Duration;

use app_support::{Scratch, Setup, finish_saving, open, wait_for, wait_for_printing};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{DialogPurpose, PeerBriefApp, UICommand};
use peerbrief::briefing::Visibility;
use peerbrief::model::AgendaContent;

const PACK: &str = "children-and-families-panel.peerpack";

fn pdf_pages(path: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo").arg(path).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap_or(0)))
        .unwrap_or(0)
}

#[test]
fn the_sample_pack_opens_as_a_pack_tab_and_saves_and_undoes_like_a_review() {
    let scratch = Scratch::new();
    let path = scratch.path(PACK);
    let mut harness = open(&scratch, &[PACK]);
    let doc = harness.state().current().expect("a tab");
    assert!(doc.pack().is_some(), "a pack tab, not the error page");
    harness.get_by_label("Items on the agenda");
    harness.get_by_label("Title of item 1");
    harness.get_by_label("Meeting").click();
    harness.run();
    let committee = harness.get_by_label("Committee");
    committee.focus();
    harness.key_press(Key::End);
    harness.get_by_label("Committee").type_text(" (edited)");
    harness.run();
    assert!(harness.state().current().unwrap().is_dirty());
    assert!(harness.state().window_title().starts_with("• children-and-families-panel.peerpack"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let saved = peerbrief::store::load_manifest(&path).unwrap();
    assert!(saved.pack.committee.ends_with("(edited)"), "{}", saved.pack.committee);
    assert!(!harness.state().current().unwrap().is_dirty());
    // Undo goes back to before the edit (the focus leaves the text box first).
    harness.get_by_label("Agenda").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let p = harness.state().current().unwrap().pack().unwrap();
    assert!(!p.pack.committee.ends_with("(edited)"));
    assert!(harness.state().current().unwrap().is_dirty());
}

#[test]
fn the_pack_preview_shows_its_pages_and_the_agenda_their_ranges() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[PACK]);
    harness.get_by_label("Preview").click();
    harness.run();
    harness.get_by_label_contains("Public committee pack:");
    harness.get_by_label("exempt items withheld");
    harness.get_by_label("Agenda").click();
    harness.run();
    // Item 4 is the Worcestershire report; its page range is shown beside its title.
    assert!(harness.query_all_by_label_contains("(Pages ").count() >= 3);
}

#[test]
fn a_pack_built_in_the_window_prints_public_and_private_with_the_same_page_count() {
    let scratch = Scratch::new();
    let manifest = scratch.path("march-panel.peerpack");
    let setup = Setup::new(&scratch, &[]);
    setup.dialogs.answer(vec![scratch.path("march-panel")]); // Save as (extension added)
    setup.dialogs.answer(vec![scratch.path("worcestershire-2015.peerreview")]); // Add a review
    setup.dialogs.answer(vec![scratch.path("ambleshire-2024.peerreview")]); // Add a review
    setup.dialogs.answer(vec![scratch.path("papers/minutes-2026-01-20.pdf")]); // Add a PDF document
    setup.dialogs.answer(vec![scratch.path("public")]); // public PDF
    setup.dialogs.answer(vec![scratch.path("private")]); // private PDF
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();

    harness.state_mut().send(UICommand::NewPack);
    harness.run();
    assert!(harness.state().current().unwrap().pack().is_some());
    harness.get_by_label("Meeting").click();
    harness.run();
    harness.get_by_label("Committee").focus();
    harness.get_by_label("Committee").type_text("Children and Families Panel");
    harness.run();
    harness.get_by_label("Meeting date").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Meeting date").type_text("17/03/2026");
    harness.run();
    harness.get_by_label("Agenda").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(manifest.exists(), "saved with the .peerpack extension");
    assert!(matches!(dialogs.asked().first(), Some(DialogPurpose::SaveAs { .. })));

    for _ in 0..2 {
        harness.get_by_label("Add a review…").click();
        finish_saving(&mut harness);
    }
    {
        let p = harness.state().current().unwrap().pack().unwrap();
        assert_eq!(p.pack.items.len(), 5, "three opening items and two reports");
        assert_eq!(p.pack.items[3].content, AgendaContent::Review("worcestershire-2015.peerreview".into()));
    }
    // The minutes of the last meeting arrive as a PDF made by another program (typst).
    harness.get_by_label("Add a PDF document…").click();
    finish_saving(&mut harness);
    {
        let p = harness.state().current().unwrap().pack().unwrap();
        assert_eq!(p.pack.items[5].content, AgendaContent::Document("papers/minutes-2026-01-20.pdf".into()));
    }
    // The Ambleshire report (item 5) is made exempt through its drop-down.
    harness.get_by_label("Exempt paragraph of item 5").click();
    harness.run();
    harness.get_by_label_contains("Exempt: paragraph 2 (").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let saved = peerbrief::store::load_manifest(&manifest).unwrap();
    assert_eq!(saved.pack.items[4].exempt.map(|p| p.number()), Some(2));
    assert_eq!(saved.pack.committee, "Children and Families Panel");
    assert_eq!(saved.pack.date.iso(), "2026-03-17");

    for (choice, what) in [(None, "public"), (Some("Private pack, for members"), "private")] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
        harness.run();
        harness.get_by_label("Make a committee pack");
        if let Some(choice) = choice {
            harness.get_by_label(choice).click();
            harness.run();
        }
        harness.key_press(Key::Enter);
        wait_for_printing(&mut harness, &format!("{what} committee pack"));
        // The minutes are tagged: their own tags travel, so nothing keeps the pack from
        // claiming PDF/UA and the box raises no accessibility note.
        assert!(harness.query_by_label_contains("not marked as an accessible PDF").is_none(), "{what}");
        harness.get_by_label("Accessible PDF: tagged for screen readers (PDF/UA-1).");
        harness.get_by_label("Close").click();
        harness.run();
    }
    assert!(
        dialogs
            .asked()
            .iter()
            .any(|p| matches!(p, DialogPurpose::PackTabOutput { visibility: Visibility::Private, .. }))
    );
    let (public, private) = (pdf_pages(&scratch.path("public.pdf")), pdf_pages(&scratch.path("private.pdf")));
    assert!(public > 6, "{public}");
    assert_eq!(public, private);
    // The PDF paper's pages are in both packs with the pack's page numbers on them; the exempt
    // report is only in the private one.
    let text = |name: &str| {
        let out = std::process::Command::new("pdftotext").arg(scratch.path(name)).arg("-").output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (public_text, private_text) = (text("public.pdf"), text("private.pdf"));
    for t in [&public_text, &private_text] {
        assert!(t.contains("Work programme"), "the minutes are in the pack");
        assert!(t.contains(&format!("Page {public} of {public}")), "numbered through to the last page");
    }
    assert!(!public_text.contains("Case A (aged 9)") && private_text.contains("Case A (aged 9)"));
    // …and with the minutes' own tags carried over, both claim PDF/UA-1.
    for name in ["public.pdf", "private.pdf"] {
        let out = std::process::Command::new("pdfinfo").arg("-meta").arg(scratch.path(name)).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains("<pdfuaid:part>1</pdfuaid:part>"), "{name}");
    }
}

#[test]
fn printing_a_pack_with_untagged_papers_says_which_keep_it_from_claiming_pdf_ua() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[PACK]);
    setup.dialogs.answer(vec![scratch.path("public")]);
    let mut harness = setup.build();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("Make a committee pack");
    harness.key_press(Key::Enter);
    wait_for_printing(&mut harness, "public committee pack");
    // The Ghostscript papers have no tags; the typst-made minutes do, and are not named.
    harness.get_by_label_contains("This PDF is not marked as an accessible PDF (PDF/UA)");
    harness.get_by_label_contains("(papers/fostering-sufficiency-update.pdf, which has no tags)");
    assert!(harness.query_by_label_contains("Accessible PDF: tagged").is_none());
    assert!(harness.query_by_label_contains("(papers/minutes-2026-01-20.pdf, ").is_none());
}

#[test]
fn an_agenda_report_opens_in_its_own_tab() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[PACK]);
    harness.get_by_label("Open item 4 in its own tab").click();
    harness.run();
    assert_eq!(harness.state().documents().len(), 2);
    let doc = harness.state().current().unwrap();
    assert_eq!(doc.path(), Some(scratch.path("worcestershire-2015.peerreview").as_path()));
    assert!(doc.editing().is_some());
}

#[test]
fn unsaved_pack_edits_are_recovered_after_a_crash_into_the_pack_tab() {
    let scratch = Scratch::new();
    let path = scratch.path(PACK);
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[PACK]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    harness.get_by_label("Meeting").click();
    harness.run();
    harness.get_by_label("Venue").focus();
    harness.key_press(Key::End);
    harness.get_by_label("Venue").type_text(" (moved)");
    harness.run();
    let files = |dir: &Path| peerbrief::store::recovery::list_recovery(dir).0;
    wait_for(&mut harness, "the recovery file", |_| !files(&rdir).is_empty());
    assert!(files(&rdir)[0].entry.pack.as_ref().is_some_and(|p| p.venue.ends_with("(moved)")));
    drop(harness); // the crash

    let mut harness = Setup::new(&scratch, &[PACK]).build();
    harness.get_by_label(&format!("Restore {}", path.display())).click();
    harness.run();
    assert_eq!(harness.state().documents().len(), 1, "restored into the open pack tab");
    let doc = harness.state().current().unwrap();
    assert!(doc.is_dirty());
    assert!(doc.pack().unwrap().pack.venue.ends_with("(moved)"));
}

#[test]
fn dragging_an_agenda_item_by_its_number_moves_it() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[PACK]);
    let titles = |h: &Harness<'static, PeerBriefApp>| -> Vec<String> {
        h.state().current().unwrap().pack().unwrap().pack.items.iter().map(|i| i.title.clone()).collect()
    };
    let before = titles(&harness);
    let from = harness.get_by_label("1.").rect().center();
    let to = harness.get_by_label("Title of item 3").rect().center();
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=10 {
        harness.hover_at(from + (to - from) * (k as f32 / 10.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.step();
    harness.run();
    let after = titles(&harness);
    assert_eq!(after[2], before[0], "item 1 now third: {after:?}");
    assert_eq!(after[0], before[1]);
    assert!(harness.state().current().unwrap().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(titles(&harness), before, "a drag is one undo step");
}

#[test]
fn a_paper_that_cannot_be_read_is_named_on_the_agenda_page() {
    let scratch = Scratch::new();
    std::fs::write(scratch.path("papers/minutes-2026-01-20.pdf"), b"%PDF-1.7\nthis file was cut short").unwrap();
    let mut harness = open(&scratch, &[PACK]);
    harness.run();
    let warning = harness.get_by_label_contains("The pack cannot be printed yet:");
    let text = format!("{warning:?}");
    assert!(text.contains("minutes-2026-01-20.pdf"), "the damaged paper is named: {text}");
}

#[test]
fn a_pack_changed_on_disk_is_not_overwritten_without_asking() {
    let scratch = Scratch::new();
    let path = scratch.path(PACK);
    let mut harness = open(&scratch, &[PACK]);
    harness.get_by_label("Meeting").click();
    harness.run();
    harness.get_by_label("Venue").focus();
    harness.key_press(Key::End);
    harness.get_by_label("Venue").type_text(" (mine)");
    harness.run();
    let theirs = std::fs::read_to_string(&path).unwrap().replace("Council Chamber", "Committee Room 2");
    std::fs::write(&path, &theirs).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    harness.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "not overwritten silently");
    harness.get_by_label("Reload").click();
    harness.run();
    let p = harness.state().current().unwrap().pack().unwrap();
    assert!(p.pack.venue.starts_with("Committee Room 2"));
    harness.get_by_label("Agenda").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let p = harness.state().current().unwrap().pack().unwrap();
    assert!(p.pack.venue.ends_with("(mine)"), "the edit is one undo away: {}", p.pack.venue);
}

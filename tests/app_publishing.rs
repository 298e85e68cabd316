//! The "Before publishing" panel in the real window: possible personal data in the public text
//! is resolved three ways (moved to an exempt appendix, edited, marked as reviewed), with undo,
//! and the public pack prints only once nothing is open.

mod app_support;

use std::time::{Duration, Instant};

use app_support::{Scratch, Setup, finish_saving};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{PeerBriefApp, UICommand};
use peerbrief::model::DisclosureKind;

const AMBLESHIRE: &str = "ambleshire-2024.peerreview";

fn edit(path: &std::path::Path, from: &str, to: &str) {
    let t = std::fs::read_to_string(path).unwrap();
    assert!(t.contains(from), "{from}");
    std::fs::write(path, t.replacen(from, to, 1)).unwrap();
}

fn review(harness: &Harness<'static, PeerBriefApp>) -> peerbrief::model::Review {
    harness.state().current().and_then(|d| d.editing()).unwrap().review.clone()
}

fn wait_for_printing(harness: &mut Harness<'static, PeerBriefApp>) -> String {
    let started = Instant::now();
    loop {
        harness.step();
        let status = harness.state().status_text().to_owned();
        if !harness.state().is_printing() && (status.starts_with("Saved the") || status.starts_with("No PDF made")) {
            harness.run();
            return status;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "printing did not finish: {status}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Make committee pack… with the public version (selected to start with).
fn make_public_pack(harness: &mut Harness<'static, PeerBriefApp>) -> String {
    harness.state_mut().send(UICommand::MakePack);
    harness.run();
    harness.get_by_label("Make a committee pack");
    harness.get_by_label("Public version: choose where to save…").click();
    wait_for_printing(harness)
}

#[test]
fn a_finding_is_resolved_three_ways_then_the_public_pack_prints() {
    let scratch = Scratch::new();
    let file = scratch.path(AMBLESHIRE);
    edit(
        &file,
        "in March 2024 and the council's initial response.",
        "in March 2024. Child X, aged 12, moved placement twice.",
    );
    edit(&file, "Senior leaders are visible,", "Two families said senior leaders are visible,");
    edit(
        &file,
        "The review gives the council confidence",
        "Mrs Jones praised the review. The review gives the council confidence",
    );
    let manifest = scratch.path("children-and-families-panel.peerpack");
    let setup = Setup::new(&scratch, &[AMBLESHIRE]);
    for name in ["refused", "public"] {
        setup.dialogs.answer(vec![manifest.clone()]);
        setup.dialogs.answer(vec![scratch.path(name)]);
    }
    let mut harness = setup.build();

    // With findings open the public pack is refused, with the count.
    let status = make_public_pack(&mut harness);
    assert!(status.starts_with("No PDF made") && status.contains("3 possible personal data findings open"), "{status}");
    assert!(!scratch.path("refused.pdf").exists());
    // So is the public briefing (Ctrl+P): the review has an exempt appendix, so the question
    // is asked, and its public choice says why it cannot be taken.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("Not printable yet: 3 possible personal data findings open (see Before publishing).");
    harness.get_by_label("Public version: choose where to save…").click();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!harness.state().is_dialog_open(), "the public briefing went on");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.get_by_label("Before publishing: 3 open").click();
    harness.run();
    harness.get_by_label("Before publishing (3 open)");
    harness.get_by_label("age of a person: “Child X, aged 12”");

    // 1. Move to an exempt appendix (paragraph 2): the sentence leaves the summary.
    harness.get_by_label("paragraph 2").click();
    harness.run();
    harness.get_all_by_label("Move to an exempt appendix").next().unwrap().click();
    harness.run();
    harness.get_by_label("Before publishing: 2 open");
    let r = review(&harness);
    assert!(
        r.report.text("summary").contains("in March 2024. (See exempt Appendix 3.)\n\nThe review was organised"),
        "{}",
        r.report.text("summary")
    );
    assert_eq!(r.appendices[2].body, "Child X, aged 12, moved placement twice.");
    assert_eq!(r.appendices[2].exempt.map(|p| p.number()), Some(2));
    // Undo and redo, like any edit.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label("Before publishing: 3 open");
    assert_eq!(review(&harness).appendices.len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.get_by_label("Before publishing: 2 open");

    // 2. Edit: the field is shown and focused; the words are changed.
    harness.get_all_by_label("Edit the text").next().unwrap().click();
    harness.run();
    let field = harness.get_by_label("Conclusion");
    assert!(field.is_focused());
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Conclusion")
        .type_text("The review gives the council confidence that its improvement plan is the right one.");
    harness.run();
    harness.get_by_label("Before publishing: 1 open");

    // 3. Mark as reviewed, with a reason: recorded with who and when.
    harness.get_by_label("small number of people: “Two families”");
    let reason = harness.get_all_by_label("Reason it may be published:").next().unwrap();
    reason.focus();
    reason.type_text("A figure from the council's published survey; no family can be identified.");
    harness.run();
    harness.get_all_by_label("Mark as reviewed").next().unwrap().click();
    harness.run();
    harness.get_by_label("Before publishing: nothing open");
    let record = review(&harness).disclosure_reviewed.last().cloned().unwrap();
    assert_eq!((record.kind, record.text.as_str()), (DisclosureKind::SmallNumber, "Two families"));
    assert_eq!(record.reason, "A figure from the council's published survey; no family can be identified.");
    assert!(!record.by.is_empty());

    harness.get_by_label("Before publishing (0 open)");
    // Saved, the file records the decision; then the public pack prints.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("disclosure_reviewed: [") && text.contains("kind: SmallNumber"), "{text}");
    assert!(!text.contains("Child X, aged 12, moved placement twice.\",\n    background"), "moved out of the summary");
    let status = make_public_pack(&mut harness);
    assert!(status.starts_with("Saved the public committee pack"), "{status}");
    assert!(std::fs::read(scratch.path("public.pdf")).unwrap().starts_with(b"%PDF-"));
}

//! The dashboard's "Since the last review" on the Ambleshire 2024 sample: recurring, new and not
//! raised again against the 2019 review it names; breaking a match is undoable and saved in the
//! file; a missing previous file is named with the reason.

mod app_support;

use app_support::{Scratch, finish_saving, open};
use egui_kittest::kittest::Queryable;

const AMBLESHIRE: &str = "ambleshire-2024.peerreview";
const PLACEMENT: &str = "Placement sufficiency is a pressure: too many children live more than 20 miles from home.";

#[test]
fn shows_recurring_new_and_not_raised_again_then_a_broken_match_is_undoable_and_saved() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[AMBLESHIRE]);
    harness.get_by_label("Since the last review");
    harness.get_by_label("Areas for consideration: 2 recurring, 2 new, 2 not raised again");
    harness.get_by_label("Strengths: 1 recurring, 4 new, 2 not raised again");
    harness.get_by_label(&format!("Recurring: {PLACEMENT}"));
    harness.get_by_label("Shared words: children, home, placement, sufficiency");
    harness.get_by_label(
        "New: The council and health partners should agree a joint approach to the mental health of children in care.",
    );
    harness.get_by_label(
        "Not raised again: The service relies heavily on agency social workers; it needs a plan for the recruitment and retention of permanent staff.",
    );

    // Below the charts in the side panel: scroll it into view first, as a person would.
    harness.get_by_label("Break match: Placement sufficiency is a pressure: too…").scroll_to_me();
    harness.run();
    harness.get_by_label("Break match: Placement sufficiency is a pressure: too…").click();
    harness.run();
    harness.get_by_label(&format!("New: {PLACEMENT}"));
    harness.get_by_label("Areas for consideration: 1 recurring, 3 new, 3 not raised again");
    assert!(harness.state().current().unwrap().is_dirty());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.get_by_label(&format!("Recurring: {PLACEMENT}"));

    // Below the charts in the side panel: scroll it into view first, as a person would.
    harness.get_by_label("Confirm match: Placement sufficiency is a pressure: too…").scroll_to_me();
    harness.run();
    harness.get_by_label("Confirm match: Placement sufficiency is a pressure: too…").click();
    harness.run();
    harness.get_by_label(&format!("Recurring (confirmed): {PLACEMENT}"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    finish_saving(&mut harness);
    let saved = std::fs::read_to_string(scratch.path(AMBLESHIRE)).unwrap();
    assert!(saved.contains("comparison: [") && saved.contains("keep: true"), "{saved}");
    assert!(saved.contains(&format!("current: \"{PLACEMENT}\"")));
}

#[test]
fn a_missing_previous_review_is_named_with_the_reason_and_the_rest_still_shows() {
    let scratch = Scratch::new();
    std::fs::remove_file(scratch.path("ambleshire-2019.peerreview")).unwrap();
    let harness = open(&scratch, &[AMBLESHIRE]);
    harness.get_by_label("Previous review `ambleshire-2019.peerreview` cannot be used");
    harness.get_by_label_contains("Reason: cannot read it: the file or folder does not exist");
    harness.get_by_label("Key areas for consideration (3)");
}

#[test]
fn a_review_naming_no_previous_review_says_how_to_name_one() {
    let scratch = Scratch::new();
    let harness = open(&scratch, &[app_support::WORCESTERSHIRE]);
    harness.get_by_label("Since the last review");
    harness.get_by_label_contains("This review names no previous review.");
    assert!(harness.query_by_label_contains("not raised again").is_none());
}

//! Editing a finding's text and theme in the editor, seeing the dashboard change, and undo/redo.

mod app_support;

use app_support::{Scratch, WORCESTERSHIRE, open};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const FIRST: &str = "We have a committed workforce, who are keen to make a difference to children and families.";
const EDITED: &str = "A committed, stable workforce.";

/// Scrolls the control into view, then clicks it, as a user would.
fn click(harness: &mut egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn dashboard(harness: &mut egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>) {
    harness.get_by_label("Dashboard").click();
    harness.run();
}

#[test]
fn edit_text_and_theme_then_undo_and_redo() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Vision, strategy and leadership, key strengths: 1");
    harness.get_by_label("Capacity and managing resources, key strengths: 2");

    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Findings and actions").click();
    harness.run();
    harness.get_by_label_contains("Strength 1, key: We have a committed workforce").click();
    harness.run();

    let text = harness.get_by_label("Finding text");
    text.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Finding text").type_text(EDITED);
    harness.run();
    assert_eq!(harness.get_by_label("Finding text").value().as_deref(), Some(EDITED));
    assert!(harness.state().window_title().starts_with("• "), "{}", harness.state().window_title());

    harness.get_by_label("Capacity and managing resources").click();
    harness.run();
    harness.get_by_label("Vision, strategy and leadership").click();
    harness.run();

    dashboard(&mut harness);
    harness.get_by_label(EDITED);
    harness.get_by_label("Vision, strategy and leadership, key strengths: 2");
    harness.get_by_label("Capacity and managing resources, key strengths: 1");

    // Three steps back: the theme added, the theme removed, the typing (one step).
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    harness.get_by_label(FIRST);
    harness.get_by_label("Vision, strategy and leadership, key strengths: 1");
    harness.get_by_label("Capacity and managing resources, key strengths: 2");
    assert!(!harness.state().current().unwrap().is_dirty(), "undone back to the file's content");
    assert!(!harness.state().window_title().contains('•'));

    // Redo with Ctrl+Shift+Z twice and Ctrl+Y once.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.get_by_label(EDITED);
    harness.get_by_label("Capacity and managing resources, key strengths: 1");
    harness.get_by_label("Vision, strategy and leadership, key strengths: 1");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label("Vision, strategy and leadership, key strengths: 2");
    assert!(harness.state().current().unwrap().is_dirty());
}

#[test]
fn ctrl_z_in_a_focused_text_box_is_the_text_box_s_own_undo() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    // Make one document-level change first (a new focus question), then type in a field.
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Themes and focus").click();
    harness.run();
    click(&mut harness, "Add focus question");
    let questions = |h: &egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>| {
        h.state().current().unwrap().editing().unwrap().review.focus_questions.len()
    };
    assert_eq!(questions(&harness), 6);
    harness.get_by_label("Report and meeting").click();
    harness.run();
    harness.get_by_label("Agenda item").focus();
    harness.run();
    harness.get_by_label("Agenda item").type_text("7");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    // The text box undid the typing; the added focus question is still there.
    assert_eq!(harness.get_by_label("Agenda item").value().as_deref(), Some(""));
    assert_eq!(questions(&harness), 6);
}

#[test]
fn mistyped_dates_show_an_inline_error_and_leave_the_review_alone() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    let field = harness.get_by_label("Meeting date");
    field.focus();
    harness.run();
    harness.get_by_label("Meeting date").type_text("2016-13-01");
    harness.run();
    harness.get_by_label_contains("is not a real date");
    assert_eq!(harness.state().current().unwrap().editing().unwrap().review.meeting.date, None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Meeting date").type_text("2016-03-17");
    harness.run();
    harness.get_by_label("17 March 2016");
    let date = harness.state().current().unwrap().editing().unwrap().review.meeting.date;
    assert_eq!(date.map(|d| d.iso()).as_deref(), Some("2016-03-17"));
}

#[test]
fn remove_and_reorder_team_members_undoably() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Review team").click();
    harness.run();
    let team = |h: &egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>| {
        h.state().current().unwrap().editing().unwrap().review.team.iter().map(|m| m.role.clone()).collect::<Vec<_>>()
    };
    let before = team(&harness);
    harness.get_by_label("Move team member 2 up").click();
    harness.run();
    let moved = team(&harness);
    assert_eq!(moved[0], before[1]);
    assert_eq!(moved[1], before[0]);
    click(&mut harness, "Remove team member 7");
    assert_eq!(team(&harness).len(), 6);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(team(&harness), moved);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(team(&harness), before);
}

#[test]
fn clicking_a_warning_jumps_to_and_focuses_its_field() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    // Blank the council's name: a warning appears; clicking it focuses the field.
    let council = harness.get_by_label("Council");
    council.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_label("Review team").click();
    harness.run();
    harness.get_by_label("The council's name is empty").click();
    harness.run();
    assert!(harness.get_by_label("Council").is_focused());
}

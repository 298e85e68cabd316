//! Editing a finding's text and theme in the editor, seeing the dashboard change, and undo/redo.

mod app_support;

use app_support::{Scratch, WORCESTERSHIRE, finish_saving, open};
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
    harness.get_by_label_contains("there is no month 13");
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

fn review(harness: &egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>) -> peerbrief::model::Review {
    harness.state().current().unwrap().editing().unwrap().review.clone()
}

/// Selects all of a field's text and types over it.
fn retype(harness: &mut egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn a_uk_date_typed_day_first_is_kept_as_iso_and_shown_gov_uk_style() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    // The sample's review started in November 2015 (`2015-11` in the file): shown in words.
    assert_eq!(harness.get_by_label("Review started").value().as_deref(), Some("November 2015"));
    retype(&mut harness, "Meeting date", "17/03/2026");
    assert_eq!(review(&harness).meeting.date.map(|d| d.iso()).as_deref(), Some("2026-03-17"));
    harness.get_by_label("17 March 2026");
    // Leaving the field shows the date as GOV.UK writes it.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.get_by_label("Meeting date").value().as_deref(), Some("17 March 2026"));
    // Other forms, in another date field.
    for (typed, iso) in [("17 Mar 2026", "2026-03-17"), ("March 2026", "2026-03"), ("2026-03-17", "2026-03-17")] {
        retype(&mut harness, "Previous review", typed);
        assert_eq!(review(&harness).previous_review.map(|d| d.iso()).as_deref(), Some(iso), "{typed}");
    }
    // The file keeps the ISO form.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let saved = std::fs::read_to_string(scratch.path(WORCESTERSHIRE)).unwrap();
    assert!(saved.contains("date: Some(\"2026-03-17\")"), "{saved}");
}

#[test]
fn an_impossible_or_month_first_date_says_why_and_changes_nothing() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    let before = review(&harness).review_start;
    retype(&mut harness, "Review started", "31/02/2026");
    harness.get_by_label("31 February 2026 is not a date: February 2026 has 28 days");
    harness.get_by_label("The date stays November 2015 until this is put right.");
    assert_eq!(review(&harness).review_start, before);
    // Text that is a date part of the way ("2026-03", "2026-03-17") and then is not: the old date
    // is back, not the last good one.
    retype(&mut harness, "Review started", "2026-03-17x");
    harness.get_by_label_contains("“2026-03-17x” is not a date PeerBrief can read");
    assert_eq!(review(&harness).review_start, before);
    // Month first is never guessed at.
    retype(&mut harness, "Review started", "03/17/2026");
    harness.get_by_label_contains("dates are day/month/year, and there is no month 17");
    assert_eq!(review(&harness).review_start, before);
    harness.key_press(Key::Tab);
    harness.run();
    // Still explained after leaving the field, and the document is untouched.
    harness.get_by_label_contains("there is no month 17");
    assert!(!harness.state().current().unwrap().is_dirty());
}

#[test]
fn moving_an_actions_due_date_takes_uk_dates_and_asks_why() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &["afonwen-2025-action-plan.peerreview"]);
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Action plan").click();
    harness.run();
    let moves = review(&harness).action_plan.outcomes[0].actions[0].due_history.len();
    retype(&mut harness, "Action 1.1: due date", "1/4/2027");
    let action = review(&harness).action_plan.outcomes[0].actions[0].clone();
    assert_eq!(action.due.map(|d| d.iso()).as_deref(), Some("2027-04-01"));
    // One move recorded for the whole typing, from the old date, awaiting its reason.
    assert_eq!(action.due_history.len(), moves + 1);
    let last = action.due_history.last().unwrap();
    assert_eq!(last.from.map(|d| d.iso()).as_deref(), Some("2027-03-31"));
    assert_eq!(last.changed_on, Some(peerbrief::store::today()));
    harness.get_by_label("Say why the due date moved: scrutiny members ask.");
    let reason = format!("Action 1.1, due date move {}: reason", moves + 1);
    retype(&mut harness, &reason, "Supplier delay.");
    let last = review(&harness).action_plan.outcomes[0].actions[0].due_history.last().cloned().unwrap();
    assert_eq!(last.reason, "Supplier delay.");
    assert!(harness.query_by_label("Say why the due date moved: scrutiny members ask.").is_none());
}

/// A review whose themes are `theme-1` and `theme-12`, with one finding in each.
fn two_themes(scratch: &Scratch) -> egui_kittest::Harness<'static, peerbrief::app::PeerBriefApp> {
    use peerbrief::model::{Finding, FindingKind, Theme};
    let mut review = peerbrief::store::load_review(&scratch.path(WORCESTERSHIRE)).expect("sample").review;
    review.themes = vec![Theme::new("theme-1", "One"), Theme::new("theme-12", "Twelve")];
    review.findings = vec![
        Finding::new(FindingKind::Strength, "In theme one.", "theme-1", true),
        Finding::new(FindingKind::Strength, "In theme twelve.", "theme-12", true),
    ];
    peerbrief::store::save_review(&scratch.path("themes.peerreview"), &review).expect("save");
    let mut harness = open(scratch, &["themes.peerreview"]);
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Themes and focus").click();
    harness.run();
    harness
}

fn finding_themes(harness: &egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>) -> Vec<Vec<String>> {
    review(harness).findings.iter().map(|f| f.themes.clone()).collect()
}

#[test]
fn renaming_a_theme_id_through_another_theme_s_id_does_not_merge_them() {
    let scratch = Scratch::new();
    let mut harness = two_themes(&scratch);
    // theme-12 → theme-13 by Backspace then "3": on the way the text is "theme-1", theme 1's id.
    harness.get_by_label("Id of theme 2").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_label("Id of theme 2").type_text("3");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let ids: Vec<String> = review(&harness).themes.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, ["theme-1", "theme-13"]);
    assert_eq!(finding_themes(&harness), [vec!["theme-1".to_owned()], vec!["theme-13".to_owned()]]);
    // One undo step brings both the theme and its finding back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(finding_themes(&harness), [vec!["theme-1".to_owned()], vec!["theme-12".to_owned()]]);
    assert_eq!(harness.get_by_label("Id of theme 2").value().as_deref(), Some("theme-12"));
}

#[test]
fn a_theme_id_another_theme_has_is_refused_and_reverted() {
    let scratch = Scratch::new();
    let mut harness = two_themes(&scratch);
    harness.get_by_label("Id of theme 2").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.key_press(Key::Backspace);
    harness.run();
    // Not applied while typing.
    assert_eq!(review(&harness).themes[1].id, "theme-12");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("“theme-1” is already the id of theme 1, One");
    assert_eq!(harness.get_by_label("Id of theme 2").value().as_deref(), Some("theme-12"));
    assert_eq!(finding_themes(&harness), [vec!["theme-1".to_owned()], vec!["theme-12".to_owned()]]);
    assert!(!harness.state().current().unwrap().is_dirty());
}

#[test]
fn a_theme_id_typed_then_left_for_another_page_is_applied() {
    let scratch = Scratch::new();
    let mut harness = two_themes(&scratch);
    harness.get_by_label("Id of theme 2").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Id of theme 2").type_text("-b");
    harness.run();
    harness.get_by_label("Review team").click();
    harness.run();
    assert_eq!(review(&harness).themes[1].id, "theme-12-b");
    assert_eq!(finding_themes(&harness)[1], ["theme-12-b"]);
}

#[test]
fn a_theme_id_still_being_typed_can_be_applied_before_saving() {
    let scratch = Scratch::new();
    let mut harness = two_themes(&scratch);
    harness.get_by_label("Id of theme 2").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Id of theme 2").type_text("-b");
    harness.run();
    assert_eq!(review(&harness).themes[1].id, "theme-12", "not applied while the field has focus");
    // What the app's Save does first (the field keeps its focus through Ctrl+S).
    let ctx = harness.ctx.clone();
    let doc = harness.state_mut().current_mut().and_then(|d| d.editing_mut()).unwrap();
    assert!(peerbrief::app::editor::apply_pending_edits(&ctx, doc));
    assert_eq!(finding_themes(&harness)[1], ["theme-12-b"]);
}

#[test]
fn a_theme_id_typed_in_one_tab_never_renames_the_same_theme_in_another() {
    let scratch = Scratch::new();
    std::fs::copy(scratch.path(WORCESTERSHIRE), scratch.path("copy.peerreview")).unwrap();
    let mut harness = open(&scratch, &[WORCESTERSHIRE, "copy.peerreview"]);
    let ids = |h: &egui_kittest::Harness<'_, peerbrief::app::PeerBriefApp>, tab: usize| {
        let doc = h.state().documents()[tab].editing().unwrap();
        doc.review.themes.iter().map(|t| t.id.clone()).collect::<Vec<_>>()
    };
    let before = ids(&harness, 0);
    harness.get_by_label(WORCESTERSHIRE).click();
    harness.run();
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Themes and focus").click();
    harness.run();
    harness.get_by_label("Id of theme 1").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_label("Id of theme 1").type_text("-x");
    harness.run();
    // Switch tabs with the id still being typed: the other review has the same theme ids.
    harness.get_by_label("copy.peerreview").click();
    harness.run();
    assert_eq!(ids(&harness, 1), before, "the other tab's themes are untouched");
    // The frame that took the click still drew the first tab, which applied its id then.
    harness.get_by_label(&format!("{WORCESTERSHIRE} •")).click();
    harness.run();
    assert_eq!(ids(&harness, 0)[0], format!("{}-x", before[0]), "applied in its own tab");
    assert_eq!(ids(&harness, 1), before);
}

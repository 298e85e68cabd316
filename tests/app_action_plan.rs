//! The Action plan page: an outcome with a success indicator and two actions answering one
//! finding, each with officer, due date, status and a progress note; saved, reopened and found
//! again; undo of an added action; the finding lists the actions answering it.

mod app_support;

use app_support::{Scratch, WORCESTERSHIRE, choose, finish_saving, open};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::PeerBriefApp;
use peerbrief::model::{RagStatus, Review};

/// The finding both actions answer (Worcestershire's first area for consideration).
const FINDING: &str =
    "Our social care practice is open to further improvement to help keep children safe moving forward.";

fn review(harness: &Harness<'_, PeerBriefApp>) -> Review {
    harness.state().current().unwrap().editing().unwrap().review.clone()
}

fn click(harness: &mut Harness<'static, PeerBriefApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'static, PeerBriefApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Fills action `n` ("1.1") of outcome 1.
fn fill_action(harness: &mut Harness<'static, PeerBriefApp>, n: &str, text: &str, officer: (&str, &str), due: &str) {
    type_into(harness, &format!("Action {n}: what will be done"), text);
    type_into(harness, &format!("Action {n}: officer's name"), officer.0);
    type_into(harness, &format!("Action {n}: officer's role"), officer.1);
    type_into(harness, &format!("Action {n}: due date"), due);
    choose(harness, &format!("Action {n}: link a finding"), "A7: Area for consideration");
}

#[test]
fn an_outcome_with_two_actions_answering_a_finding_is_saved_and_reopened() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Action plan").click();
    harness.run();
    assert!(review(&harness).action_plan.is_empty());
    assert_eq!(review(&harness).findings[6].text, FINDING);
    assert_eq!(review(&harness).findings[6].id, "A7");

    click(&mut harness, "Add outcome");
    type_into(&mut harness, "Outcome 1: desired outcome", "Children are safer because practice is consistently good");
    click(&mut harness, "Add success indicator to outcome 1");
    type_into(&mut harness, "Outcome 1, success indicator 1", "80% of audited cases rated good or better");

    click(&mut harness, "Add action to outcome 1");
    fill_action(
        &mut harness,
        "1.1",
        "Monthly practice audits with feedback to every social worker.",
        ("Sam Patel", "Principal Social Worker"),
        "17/03/2027",
    );
    choose(&mut harness, "Action 1.1: status", "On track (green)");
    click(&mut harness, "Add progress note to action 1.1");
    type_into(&mut harness, "Action 1.1, note 1: progress", "First audit round done in December.");

    click(&mut harness, "Add action to outcome 1");
    fill_action(
        &mut harness,
        "1.2",
        "Refresh the practice framework and train every team.",
        ("Jo Lee", "Head of Safeguarding"),
        "March 2027",
    );
    choose(&mut harness, "Action 1.2: status", "At risk (amber)");

    // The finding lists both actions answering it.
    click(&mut harness, "Findings and actions");
    harness.get_by_label_contains("Area for consideration 7, key: Our social care practice").click();
    harness.run();
    harness
        .get_by_label("Action 1.1: Monthly practice audits with feedback to every social worker. (on track (green))");
    click(&mut harness, "Action 1.2: Refresh the practice framework and train every team. (at risk (amber))");
    assert_eq!(harness.state().current().unwrap().editing().unwrap().view.page, peerbrief::app::EditorPage::ActionPlan);
    assert!(harness.get_by_label("Action 1.2: what will be done").is_focused(), "the action is open");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(!harness.state().current().unwrap().is_dirty());

    // Reopened from disk: everything is there.
    let saved = peerbrief::store::load_review(&scratch.path(WORCESTERSHIRE)).expect("saved file loads").review;
    let check = |r: &Review| {
        let outcome = &r.action_plan.outcomes[0];
        assert_eq!(outcome.title, "Children are safer because practice is consistently good");
        assert_eq!(outcome.success_indicators, ["80% of audited cases rated good or better"]);
        let [first, second] = &outcome.actions[..] else { panic!("two actions: {:?}", outcome.actions) };
        assert_eq!(first.text, "Monthly practice audits with feedback to every social worker.");
        assert_eq!(
            (first.officer.name.as_str(), first.officer.role.as_str()),
            ("Sam Patel", "Principal Social Worker")
        );
        assert_eq!(first.due.map(|d| d.iso()).as_deref(), Some("2027-03-17"));
        assert_eq!(first.status, RagStatus::Green);
        assert_eq!(first.progress.len(), 1);
        assert_eq!(first.progress[0].text, "First audit round done in December.");
        assert_eq!(first.progress[0].date, Some(peerbrief::store::today()), "a new note is dated today");
        assert_eq!(second.due.map(|d| d.iso()).as_deref(), Some("2027-03"));
        assert_eq!(second.status, RagStatus::Amber);
        assert_eq!((second.officer.name.as_str(), second.officer.role.as_str()), ("Jo Lee", "Head of Safeguarding"));
        assert!(first.due_history.is_empty() && second.due_history.is_empty(), "first due dates are not moves");
        for action in [first, second] {
            assert_eq!(action.answers, ["A7"]);
        }
        assert_ne!(first.id, second.id);
    };
    check(&saved);
    let reopened = open(&scratch, &[WORCESTERSHIRE]);
    check(&review(&reopened));
    // And the window shows it: the dashboard sums the plan up in words.
    reopened.get_by_label_contains("Action plan: 1 on track (green), 1 at risk (amber)");
}

#[test]
fn adding_and_removing_actions_undo_one_step_each() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &["afonwen-2025-action-plan.peerreview"]);
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Action plan").click();
    harness.run();
    let before = review(&harness).action_plan;
    assert_eq!(before.outcomes[0].actions.len(), 3);
    click(&mut harness, "Remove action 1.2");
    assert_eq!(review(&harness).action_plan.outcomes[0].actions.len(), 2);
    click(&mut harness, "Move outcome 2 up");
    assert_eq!(review(&harness).action_plan.outcomes[0].id, "O2");
    click(&mut harness, "Add action to outcome 1");
    let added = review(&harness).action_plan.outcomes[0].actions.last().cloned().unwrap();
    assert_eq!(added.id, "O2.4", "a fresh id under its outcome");
    assert!(harness.get_by_label("Action 1.4: what will be done").is_focused(), "ready to be written");
    // Leave the text box (Ctrl+Z there is the text box's own undo), then undo the three steps.
    harness.key_press(Key::Escape);
    harness.run();
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(review(&harness).action_plan, before);
}

#[test]
fn the_dashboard_shows_each_findings_actions_in_words_and_opens_an_action_from_the_lists() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &["afonwen-2025-action-plan.peerreview"]);
    // The early help finding is answered by three actions.
    harness.get_by_label_contains("· actions: at risk (amber), off track (red), on track (green)");
    harness.get_by_label_contains("· actions: complete, not started");
    harness.get_by_label("Theme: Working together · action: on track (green)");
    let moved = "Moved 2 times: Agree a protocol with the health board for health attendance at strategy \
                 discussions. (now due 31 January 2027)";
    click(&mut harness, moved);
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.page, peerbrief::app::EditorPage::ActionPlan);
    assert!(harness.get_by_role_and_label(Role::TextInput, "Action 1.2: due date").is_focused());
}

//! The dashboard's charts: a diverging bar per theme (strengths against areas for
//! consideration) whose click filters the lists, and the action plan's RAG bar with the
//! overdue and most-moved actions, each opening the editor at the action.

mod app_support;

use app_support::{Scratch, WORCESTERSHIRE, open};
use egui_kittest::kittest::{NodeT, Queryable};
use peerbrief::app::{EditorPage, View};

const AFONWEN: &str = "afonwen-2025-action-plan.peerreview";

const WORCESTERSHIRE_BARS: [&str; 5] = [
    "Vision, strategy and leadership: 1 strength (1 key), 1 area for consideration (1 key)",
    "Effective practice, service delivery and the voice of the child: 1 strength (1 key), 2 areas for consideration (2 key)",
    "Outcomes, impact and performance management: 1 strength (1 key), 0 areas for consideration (0 key)",
    "Working together (including LSCB and Health and Wellbeing Board): 1 strength (1 key), 3 areas for consideration (3 key)",
    "Capacity and managing resources: 2 strengths (2 key), 1 area for consideration (1 key)",
];

#[test]
fn worcestershire_shows_a_bar_per_theme_with_its_counts_in_words() {
    let scratch = Scratch::new();
    let harness = open(&scratch, &[WORCESTERSHIRE]);
    let bars: Vec<_> = WORCESTERSHIRE_BARS.iter().map(|name| harness.get_by_label(name)).collect();
    for bar in &bars {
        assert_eq!(bar.accesskit_node().role(), egui::accesskit::Role::Button);
    }
    // One under the other, in the review's order.
    let tops: Vec<f32> = bars.iter().map(|b| b.rect().min.y).collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "{tops:?}");
    harness.get_by_label_contains("Solid: key findings");
    // No action plan, no RAG chart.
    assert!(harness.query_by_label_contains("Action plan status chart").is_none());
}

#[test]
fn clicking_a_theme_bar_filters_the_lists_to_that_theme() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("All findings").click();
    harness.run();
    harness.get_by_label("Strengths (6)");
    harness.get_by_label(WORCESTERSHIRE_BARS[4]).scroll_to_me();
    harness.run();
    harness.get_by_label(WORCESTERSHIRE_BARS[4]).click();
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.filter.theme.as_deref(), Some("capacity"));
    assert_eq!(doc.view.current, View::Dashboard);
    harness.get_by_label("Strengths (2)");
    harness.get_by_label("Areas for consideration (1)");
    harness.get_by_label(WORCESTERSHIRE_BARS[1]).scroll_to_me();
    harness.run();
    harness.get_by_label(WORCESTERSHIRE_BARS[1]).click();
    harness.run();
    harness.get_by_label("Strengths (1)");
    harness.get_by_label("Areas for consideration (2)");
}

/// The Afonwen sample with the health protocol's due date put in the past, so it is overdue
/// whatever today is.
fn afonwen_with_an_overdue_action(scratch: &Scratch) {
    let path = scratch.path(AFONWEN);
    let text = std::fs::read_to_string(&path).expect("sample");
    assert!(text.contains("due: Some(\"2027-01-31\")"));
    std::fs::write(&path, text.replace("due: Some(\"2027-01-31\")", "due: Some(\"2020-01-31\")")).expect("write");
}

#[test]
fn the_action_plan_shows_a_rag_bar_and_an_overdue_action_opens_the_editor() {
    let scratch = Scratch::new();
    afonwen_with_an_overdue_action(&scratch);
    let mut harness = open(&scratch, &[AFONWEN]);
    let words = "1 off track (red), 2 at risk (amber), 2 on track (green), 2 not started, 1 complete";
    harness.get_by_label(&format!("Action plan status chart: {words}"));
    harness.get_by_label(&format!("In order: {words}."));
    harness.get_by_label("Overdue actions (1)");
    let overdue = "Overdue: Agree a protocol with the health board for health attendance at strategy discussions. \
                   (due 31 January 2020, off track (red))";
    harness.get_by_label(overdue).scroll_to_me();
    harness.run();
    harness.get_by_label(overdue).click();
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.current, View::Editor);
    assert_eq!(doc.view.page, EditorPage::ActionPlan);
    let due = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Action 1.2: due date");
    assert!(due.is_focused(), "the action's due date has focus");
    assert_eq!(due.value().as_deref(), Some("31 January 2020"));
}

#[test]
fn the_actions_whose_due_dates_moved_most_are_listed_and_open_the_editor() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[AFONWEN]);
    let moved = "Moved 2 times: Introduce one early help assessment and a single referral route across the \
                 county borough. (now due 31 March 2027)";
    harness.get_by_label_contains("Moved 2 times: Agree a protocol with the health board");
    harness.get_by_label(moved).scroll_to_me();
    harness.run();
    harness.get_by_label(moved).click();
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.current, View::Editor);
    assert_eq!(doc.view.page, EditorPage::ActionPlan);
    let due = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Action 1.1: due date");
    assert!(due.is_focused(), "the action's due date has focus");
    assert_eq!(due.value().as_deref(), Some("31 March 2027"));
}

#[test]
fn a_theme_bar_is_reached_and_pressed_from_the_keyboard() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label(WORCESTERSHIRE_BARS[0]).focus();
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label(WORCESTERSHIRE_BARS[1]).is_focused(), "Tab moves to the next theme's bar");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.filter.theme.as_deref(), Some("practice"));
}

//! The dashboard on the Worcestershire sample: six key strengths against six key areas, the
//! theme matrix as numbers, filters, and a click opening the finding in the editor.

mod app_support;

use app_support::{Scratch, Setup, WORCESTERSHIRE, open};
use egui_kittest::kittest::{NodeT, Queryable};
use peerbrief::app::View;

const KEY_STRENGTHS: [&str; 6] = [
    "We have a committed workforce, who are keen to make a difference to children and families.",
    "We have an overall sound strategy and backing from the whole council to make any necessary changes within our service.",
    "From observations made during their visit, timely decision making at the Access Centre was found and there is good evidence of the rationale of decision making.",
    "There are many examples of how our work is having a good impact. For example, the POD social work model in our schools, our in-house social worker recruitment drive and the Stronger Families Programme.",
    "We have strong and committed partners and tangible examples of partner engagement.",
    "We have prioritised resources and there is a commitment within our financial strategy to address cost pressures within Children's Services.",
];

const KEY_AREAS: [&str; 6] = [
    "Our social care practice is open to further improvement to help keep children safe moving forward.",
    "Our Family Front Door needs simplifying and there needs to be a clearer understanding of where the Multi Agency Safeguarding Hub will fit in.",
    "We need to look at the difference between the Worcestershire-wide early help strategy and the council commissioned early help services.",
    "The Health and Well-being Board could do more to add a unique children's focus in their current strategy.",
    "Worcestershire Safeguarding Children Board (WSCB) requires more pace and scrutiny, with some multi-agency areas slow to develop.",
    "We need to further develop consistent financial projections based on forecast demand and complexity.",
];

#[test]
fn shows_six_key_strengths_beside_six_key_areas_with_themes() {
    let scratch = Scratch::new();
    let harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Key strengths (6)");
    harness.get_by_label("Key areas for consideration (6)");
    let strength_x: Vec<f32> = KEY_STRENGTHS.iter().map(|t| harness.get_by_label(t).rect().min.x).collect();
    let area_x: Vec<f32> = KEY_AREAS.iter().map(|t| harness.get_by_label(t).rect().min.x).collect();
    // Side by side: every area sits to the right of every strength.
    let right_edge_of_strengths = strength_x.iter().cloned().fold(f32::MIN, f32::max);
    assert!(area_x.iter().all(|x| *x > right_edge_of_strengths + 100.0), "{strength_x:?} vs {area_x:?}");
    // Each item carries its theme label.
    assert!(!harness.get_all_by_label("Theme: Capacity and managing resources").collect::<Vec<_>>().is_empty());
    // Headline facts.
    harness.get_by_label("Local Government Association (LGA)");
    harness.get_by_label("7 members");
    harness.get_by_label("October 2011");
}

#[test]
fn theme_matrix_counts_are_text_with_spoken_names() {
    let scratch = Scratch::new();
    let harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Capacity and managing resources, key strengths: 2");
    harness.get_by_label(
        "Working together (including LSCB and Health and Wellbeing Board), key areas for consideration: 3",
    );
    harness.get_by_label("All themes, key strengths: 6");
    harness.get_by_label("All themes, key areas for consideration: 6");
}

#[test]
fn search_and_theme_filter_narrow_the_lists() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Search findings:").focus();
    harness.run();
    harness.get_by_label("Search findings:").type_text("financial");
    harness.run();
    harness.get_by_label("Key strengths (1)");
    harness.get_by_label("Key areas for consideration (1)");
    assert!(harness.query_by_label(KEY_STRENGTHS[0]).is_none());
    harness.get_by_label("Clear search").click();
    harness.run();
    harness.get_by_label("Key strengths (6)");
    harness.get_by_label("All findings").click();
    harness.run();
    harness.get_by_label("Strengths (6)");
    // Theme filter: only the theme's findings remain.
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    // The theme's name is in the matrix and in the open list; the list entry is a button.
    let entry = harness
        .get_all_by_label("Outcomes, impact and performance management")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("the theme in the drop-down list");
    entry.click();
    harness.run();
    harness.get_by_label("Strengths (1)");
    harness.get_by_label("Areas for consideration (0)");
}

#[test]
fn clicking_a_finding_opens_it_in_the_editor() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label(KEY_AREAS[1]).scroll_to_me();
    harness.run();
    harness.get_by_label(KEY_AREAS[1]).click();
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.current, View::Editor);
    assert_eq!(doc.view.selected_finding, Some(7));
    let text = harness.get_by_label("Finding text");
    assert!(text.is_focused(), "the finding's text box has focus");
    assert_eq!(text.value().as_deref(), Some(KEY_AREAS[1]));
}

#[test]
fn the_dashboard_settles_at_small_and_large_window_sizes() {
    // `Harness::run` panics if the UI keeps asking for repaints (a layout that never settles
    // would burn CPU in the real window).
    let scratch = Scratch::new();
    for size in [egui::vec2(720.0, 480.0), egui::vec2(1920.0, 1080.0)] {
        for file in [WORCESTERSHIRE, "ambleshire-2024.peerreview", "afonwen-2025-action-plan.peerreview"] {
            let mut setup = Setup::new(&scratch, &[file]);
            setup.size = size;
            let mut harness = setup.build();
            harness.get_by_label("All findings").click();
            harness.run();
        }
    }
}

#[test]
fn keyboard_alone_reaches_a_finding_and_opens_it() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Search findings:").focus();
    harness.run();
    // Tab from the search box until the first key strength has focus, then press Enter.
    let mut reached = false;
    for _ in 0..12 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        if harness.get_by_label(KEY_STRENGTHS[0]).is_focused() {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the first key strength");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.current, View::Editor);
    assert_eq!(doc.view.selected_finding, Some(0));
}

#[test]
fn a_long_list_lays_out_only_what_is_near_the_screen_and_tab_still_walks_it() {
    // 400 findings: over the virtualising threshold, so cards far below the window are left out
    // of the frame (and the accessibility tree) until they come near.
    let scratch = Scratch::new();
    let mut review = peerbrief::store::load_review(&scratch.path(WORCESTERSHIRE)).expect("sample").review;
    review.findings.clear();
    for i in 0..400 {
        let kind = if i % 2 == 0 {
            peerbrief::model::FindingKind::Strength
        } else {
            peerbrief::model::FindingKind::AreaForConsideration
        };
        let text = format!("Long list finding {i}: supervision is regular and reflective in most teams visited.");
        review.findings.push(peerbrief::model::Finding::new(kind, &text, "practice", false));
    }
    peerbrief::store::save_review(&scratch.path("long.peerreview"), &review).expect("save");
    let mut harness = open(&scratch, &["long.peerreview"]);
    harness.get_by_label("All findings").click();
    harness.run();
    harness.get_by_label("Strengths (200)");
    harness.get_by_label("Areas for consideration (200)");
    harness.get_by_label_contains("Long list finding 0:");
    assert!(harness.query_by_label_contains("Long list finding 398:").is_none(), "the far end is not laid out");
    // Tab from the first strength walks down the column, scrolling as it goes.
    harness.get_by_label_contains("Long list finding 0:").focus();
    harness.run();
    for _ in 0..60 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    assert!(harness.get_by_label_contains("Long list finding 120:").is_focused(), "Tab reached the 61st strength");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    assert_eq!(doc.view.current, View::Editor);
    assert_eq!(doc.view.selected_finding, Some(120));
}

#[test]
fn official_sensitive_reviews_carry_a_banner_and_official_ones_a_quiet_line() {
    let scratch = Scratch::new();
    let harness = open(&scratch, &["ambleshire-2024.peerreview"]);
    harness.get_by_label_contains("OFFICIAL-SENSITIVE: handle with care");
    let harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Protective marking: OFFICIAL");
    assert!(harness.query_by_label_contains("OFFICIAL-SENSITIVE").is_none());
}

#[test]
fn the_action_plan_is_summed_up_in_words_with_what_is_overdue() {
    use peerbrief::model::{Date, RagStatus};
    let scratch = Scratch::new();
    let path = scratch.path("afonwen-2025-action-plan.peerreview");
    let mut review = peerbrief::store::load_review(&path).expect("sample").review;
    // Two actions due long ago (one of them complete), the rest far ahead: independent of today.
    let mut actions: Vec<_> = review.action_plan.outcomes.iter_mut().flat_map(|o| o.actions.iter_mut()).collect();
    assert!(actions.len() >= 3, "the sample has an action plan");
    for (n, action) in actions.iter_mut().enumerate() {
        action.due = Date::ymd(2099, 1, 1);
        action.status = [RagStatus::Red, RagStatus::Amber, RagStatus::Complete][n.min(2)];
    }
    actions[0].due = Date::ym(2020, 1);
    actions[2].due = Date::ym(2020, 1);
    let complete = actions.len() - 2;
    peerbrief::store::save_review(&path, &review).expect("save");
    let harness = open(&scratch, &["afonwen-2025-action-plan.peerreview"]);
    harness
        .get_by_label(&format!("Action plan: 1 at risk (amber), 1 off track (red), {complete} complete · 1 overdue"));
    // A review without an action plan has no such line.
    let harness = open(&scratch, &[WORCESTERSHIRE]);
    assert!(harness.query_by_label_contains("Action plan:").is_none());
}

#[test]
fn a_finding_added_from_the_key_findings_view_is_key_and_stays_in_view() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("Add key strength").click();
    harness.run();
    {
        let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
        assert_eq!(doc.review.findings.len(), 13);
        let added = doc.review.findings.last().unwrap();
        assert!(added.key, "added while only key findings show, so it is key");
        assert_eq!(doc.view.current, View::Editor, "opened in the editor to be written");
        assert_eq!(doc.view.selected_finding, Some(12));
        assert!(harness.state().current().unwrap().is_dirty());
    }
    let text = harness.get_by_label("Finding text");
    assert!(text.is_focused());
    text.type_text("A new key strength.");
    harness.run();
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Key strengths (7)");
    harness.get_by_label("A new key strength.");
}

#[test]
fn a_finding_added_while_filtered_by_theme_and_searching_is_still_shown() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("All findings").click();
    harness.run();
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    let entry = harness
        .get_all_by_label("Outcomes, impact and performance management")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("the theme in the drop-down list");
    entry.click();
    harness.run();
    harness.get_by_label("Search findings:").focus();
    harness.run();
    harness.get_by_label("Search findings:").type_text("impact");
    harness.run();
    harness.get_by_label("Add area for consideration").click();
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review is open");
    let added = doc.review.findings.last().unwrap();
    assert!(!added.key, "added while all findings show: not key");
    assert_eq!(added.themes, [doc.view.filter.theme.clone().unwrap()]);
    assert_eq!(doc.view.filter.search, "", "the search is cleared so the new finding shows");
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.get_by_label("Areas for consideration (1)");
    harness.get_by_label("(no text yet)");
}

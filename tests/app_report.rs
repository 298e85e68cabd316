//! The editor's Report sections page and templates in the window, driven as a user would:
//! a new review from the standard template, a recommendation with lettered sub-items, an
//! implication, a section moved, a locked heading that cannot be renamed, a custom section,
//! undo and redo, save, reopen — and Apply template showing what it will change.

mod app_support;

use app_support::{Scratch, Setup, WORCESTERSHIRE, choose, finish_saving, open};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peerbrief::app::PeerBriefApp;
use peerbrief::model::{Block, RagStatus, Review};

type H = Harness<'static, PeerBriefApp>;

const RECOMMENDATION: &str = "Endorse the peer review's findings";
const SUB_ITEMS: [&str; 2] = ["note the key strengths", "ask for an action plan by June"];
const FINANCIAL: &str = "The review cost £4,000, met from the scrutiny budget.";

/// Scrolls the control into view, then clicks it, as a user would.
fn click(harness: &mut H, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Focuses the text box named `label` and types `text` into it.
fn type_into(harness: &mut H, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn review(harness: &H) -> &Review {
    &harness.state().current().and_then(|d| d.editing()).expect("a review is open").review
}

fn headings(review: &Review) -> Vec<&str> {
    review.report.sections.iter().map(|s| s.heading.as_str()).collect()
}

/// File → New review from a template…, choosing the standard committee report.
fn new_from_standard_template(harness: &mut H) {
    harness.get_by_label("File").click();
    harness.run();
    // The menu item (the welcome page, with no review open, has a button of the same name).
    let item = harness.get_all_by_label("New review from a template…").last().expect("the File menu item");
    item.click();
    harness.run();
    harness.get_by_label("New review from a template");
    harness.get_by_label("standard-committee-report (version 1)").click();
    harness.run();
    harness.get_by_label("Create review").click();
    harness.run();
}

/// Fills the report as the done-when test asks. (The action plan part — an outcome with
/// two actions linked to a finding — is added to this flow by the action-plan editor's tests.)
fn fill_the_report(harness: &mut H) {
    type_into(harness, "Recommendations: recommendation 1", RECOMMENDATION);
    for (i, sub) in SUB_ITEMS.iter().enumerate() {
        let letter = ["(a)", "(b)"][i];
        click(harness, &format!("Add sub-item {letter} to recommendation 1"));
        type_into(harness, &format!("Recommendations: recommendation 1 sub-item {letter}"), sub);
    }
    type_into(harness, "Implications: Financial implications", FINANCIAL);
}

/// The area for consideration the plan's actions answer (added in the new review).
const AREA: &str = "Early help is not yet offered the same way in every district.";

/// Adds a finding, then an outcome with two actions answering it, on the Action plan page.
fn plan_two_actions_for_a_finding(harness: &mut H) {
    click(harness, "Findings and actions");
    click(harness, "Add area for consideration");
    type_into(harness, "Finding text", AREA);
    click(harness, "Action plan");
    click(harness, "Add outcome");
    type_into(harness, "Outcome 1: desired outcome", "Families get the same early help everywhere");
    for (n, text, officer, status) in [
        (
            "1.1",
            "One early help assessment across the borough.",
            ("Rhys Evans", "Head of Early Help"),
            "On track (green)",
        ),
        ("1.2", "Quarterly audit of early help cases.", ("Ann Lloyd", "Principal Social Worker"), "At risk (amber)"),
    ] {
        click(harness, "Add action to outcome 1");
        type_into(harness, &format!("Action {n}: what will be done"), text);
        type_into(harness, &format!("Action {n}: officer's name"), officer.0);
        type_into(harness, &format!("Action {n}: officer's role"), officer.1);
        type_into(harness, &format!("Action {n}: due date"), "31/07/2027");
        choose(harness, &format!("Action {n}: status"), status);
        choose(harness, &format!("Action {n}: link a finding"), "A1: Area for consideration");
    }
}

fn check_plan(review: &Review) {
    let area = review.findings.iter().find(|f| f.text == AREA).expect("the finding");
    let outcome = &review.action_plan.outcomes[0];
    assert_eq!(outcome.title, "Families get the same early help everywhere");
    let [first, second] = &outcome.actions[..] else { panic!("two actions: {:?}", outcome.actions) };
    assert_eq!((first.officer.name.as_str(), first.status), ("Rhys Evans", RagStatus::Green));
    assert_eq!((second.officer.role.as_str(), second.status), ("Principal Social Worker", RagStatus::Amber));
    for action in [first, second] {
        assert_eq!(action.answers, std::slice::from_ref(&area.id));
        assert_eq!(action.due.map(|d| d.iso()).as_deref(), Some("2027-07-31"));
    }
}

#[test]
fn a_report_from_the_standard_template_is_written_saved_and_read_back() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[]);
    let path = scratch.path("harbridge.peerreview");
    setup.dialogs.answer(vec![path.clone()]);
    let mut harness = setup.build();

    new_from_standard_template(&mut harness);
    assert_eq!(review(&harness).template.as_ref().map(|t| t.name.as_str()), Some("standard-committee-report"));
    // The template's prompt shows in the empty box as hint text, and is its accessible description.
    let purpose = harness.get_by_label("Purpose of the report").accesskit_node().description().map(|d| d.to_string());
    assert!(purpose.is_some_and(|d| d.starts_with("Say whether the report is for decision")));

    fill_the_report(&mut harness);
    harness.get_by_label("(a)");
    harness.get_by_label("(b)");
    let empty_implication = "Empty: will print “None arising from this report.”";
    assert_eq!(harness.get_all_by_label(empty_implication).count(), 7, "the seven others print None arising");
    assert!(harness.state().current().is_some_and(|d| d.is_dirty()), "the tab marks itself dirty");

    // A fixed heading is locked: a label with the reason, no text box.
    assert!(harness.query_by_label("Section 1 heading").is_none(), "a fixed heading has no text box");
    let locked = harness.get_by_label_contains("Purpose of the report (locked").accesskit_node().value();
    assert!(locked.as_deref().is_some_and(|v| v.contains(peerbrief::app::editor::FIXED_HEADING)), "{locked:?}");

    // Next steps moves above Consultation; Undo puts it back, Redo again.
    click(&mut harness, "Move section 7 up");
    assert_eq!(&headings(review(&harness))[5..7], ["Next steps", "Consultation"]);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Undo Ctrl+Z").click();
    harness.run();
    assert_eq!(&headings(review(&harness))[5..7], ["Consultation", "Next steps"]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(&headings(review(&harness))[5..7], ["Next steps", "Consultation"]);

    // A custom section can be renamed.
    click(&mut harness, "Add section");
    harness.get_by_label("Custom section").click();
    harness.run();
    let custom = "Section 11 heading";
    harness.get_by_label(custom).scroll_to_me();
    harness.run();
    harness.get_by_label(custom).focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(custom).type_text("Comments of the Cabinet Member");
    harness.run();

    // The template's header facts are filled in on the Report and meeting page.
    click(&mut harness, "Report and meeting");
    type_into(&mut harness, "Wards affected", "All wards");

    // An outcome with two actions, both answering the finding they were written for.
    plan_two_actions_for_a_finding(&mut harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(path.exists(), "{}", harness.state().status_text());

    let saved = peerbrief::store::load_review(&path).expect("the saved file loads").review;
    check_report(&saved);
    check_plan(&saved);

    // Reopened in a new window, the words are on the page.
    let mut again = open(&scratch, &["harbridge.peerreview"]);
    check_report(review(&again));
    check_plan(review(&again));
    again.get_by_label("Editor").click();
    again.run();
    again.get_by_label("Report sections").click();
    again.run();
    assert_eq!(again.get_by_label("Recommendations: recommendation 1").value().as_deref(), Some(RECOMMENDATION));
    assert_eq!(again.get_by_label("Implications: Financial implications").value().as_deref(), Some(FINANCIAL));
}

fn check_report(review: &Review) {
    let report = &review.report;
    let recs = report.section("recommendations").and_then(|s| {
        s.blocks.iter().find_map(|b| match b {
            Block::Recommendations(r) => Some(r.clone()),
            _ => None,
        })
    });
    let recs = recs.expect("a recommendations block");
    assert_eq!(recs[0].text, RECOMMENDATION);
    assert_eq!(recs[0].sub_items, SUB_ITEMS);
    let implications = report.section("implications").and_then(|s| {
        s.blocks.iter().find_map(|b| match b {
            Block::Implications(i) => Some(i.clone()),
            _ => None,
        })
    });
    let implications = implications.expect("an implications block");
    assert_eq!(implications[0].heading, "Financial");
    assert_eq!(implications[0].text, FINANCIAL);
    let ids: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(&ids[5..7], ["next_steps", "consultation"]);
    assert_eq!(report.sections.last().map(|s| s.heading.as_str()), Some("Comments of the Cabinet Member"));
    assert_eq!(review.template.as_ref().map(|t| t.name.as_str()), Some("standard-committee-report"));
    let wards = review.header_facts.iter().find(|f| f.label == "Wards affected").map(|f| f.value.as_str());
    assert_eq!(wards, Some("All wards"));
}

#[test]
fn removing_a_section_with_text_asks_first_and_data_blocks_link_to_their_page() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[]);
    new_from_standard_template(&mut harness);
    type_into(&mut harness, "Consultation", "We consulted the Cabinet Member.");

    click(&mut harness, "Remove section 6");
    harness.get_by_label("Remove “Consultation” and everything written in it?");
    assert!(review(&harness).report.section("consultation").is_some(), "nothing goes before the answer");
    click(&mut harness, "Keep it");
    assert!(review(&harness).report.section("consultation").is_some());
    click(&mut harness, "Remove section 6");
    click(&mut harness, "Remove section");
    assert!(review(&harness).report.section("consultation").is_none());

    // An empty section goes at once, and the Add section menu offers it back in its place.
    click(&mut harness, "Remove section 6");
    assert!(review(&harness).report.section("next_steps").is_none());
    click(&mut harness, "Add section");
    harness.get_by_label("Next steps").click();
    harness.run();
    assert_eq!(review(&harness).report.sections.iter().position(|s| s.id == "next_steps"), Some(5));

    // A data block is a summary of what it prints, with a link to the page that edits it.
    harness.get_by_label("Prints: Review team — no members");
    click(&mut harness, "Edit review team on the page Review team");
    assert_eq!(
        harness.state().current().and_then(|d| d.editing()).map(|e| e.view.page),
        Some(peerbrief::app::EditorPage::Team)
    );
}

#[test]
fn blocks_are_added_moved_and_changed_in_kind() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[]);
    new_from_standard_template(&mut harness);
    click(&mut harness, "Add a block to section 6");
    harness.get_by_label("Bulleted list").click();
    harness.run();
    let kinds = |h: &H| -> Vec<&'static str> {
        review(h)
            .report
            .section("consultation")
            .map(|s| s.blocks.iter().map(Block::kind_label).collect())
            .unwrap_or_default()
    };
    assert_eq!(kinds(&harness), ["Numbered paragraphs", "Bulleted list"]);
    click(&mut harness, "Move section 6 block 2 up");
    assert_eq!(kinds(&harness), ["Bulleted list", "Numbered paragraphs"]);
    click(&mut harness, "Change the kind of section 6 block 1");
    harness.get_by_label("Lettered list").click();
    harness.run();
    assert_eq!(kinds(&harness), ["Lettered list", "Numbered paragraphs"]);
    click(&mut harness, "Remove section 6 block 1");
    assert_eq!(kinds(&harness), ["Numbered paragraphs"]);

    // Reordering is reachable from the keyboard: a focused Down button takes Enter.
    harness.get_by_label("Move section 1 down").focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(&headings(review(&harness))[..2], ["Recommendations", "Purpose of the report"]);
}

#[test]
fn warnings_about_the_report_jump_to_the_block() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[]);
    new_from_standard_template(&mut harness);
    // Press a warning about an empty implication: the editor shows and focuses its text.
    let warning = "The Legal implications have no text; say “None arising from this report.” if there are none";
    harness.get_by_label(warning).scroll_to_me();
    harness.run();
    harness.get_by_label(warning).click();
    harness.run();
    assert!(harness.get_by_label("Implications: Legal implications").is_focused());
}

#[test]
fn apply_template_shows_what_will_change_and_undo_reverses_it() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    let before = review(&harness).clone();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Apply template…").click();
    harness.run();
    harness.get_by_label("This review already follows that template: nothing will change.");
    harness.get_by_label("standard-committee-report (version 1)").click();
    harness.run();
    harness.get_by_label("What will change:");
    harness.get_by_label("• Added section “Implications”");
    let button = harness.get_by_label("Apply template");
    button.hover(); // as a user moves the mouse onto it; a click from nowhere lands before the modal is hit-tested
    harness.run();
    let button = harness.get_by_label("Apply template");
    button.click();
    harness.run();
    let status = harness.state().status_text().to_owned();
    let after = review(&harness);
    assert!(after.report.section("implications").is_some(), "{status}");
    assert_eq!(after.report.text("summary"), before.report.text("summary"), "not a word is lost");
    assert!(harness.state().status_text().starts_with("Applied standard-committee-report"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(review(&harness), &before, "one Undo takes it all back");
}

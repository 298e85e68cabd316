//! File → Save as template… makes a council's own template from the window (readable RON in the
//! user's template folder), and New review from a template… then offers it. One test in its own
//! binary: it points the template folder at a temp dir through the environment.

mod app_support;

use app_support::{Scratch, WORCESTERSHIRE, open};
use egui_kittest::kittest::Queryable;

#[test]
fn a_council_template_is_saved_from_a_review_and_offered_for_new_reviews() {
    let scratch = Scratch::new();
    let config = scratch.path("config");
    // SAFETY: set before the window (and any thread of this test binary's only test) starts.
    unsafe { std::env::set_var("XDG_CONFIG_HOME", &config) };
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);

    let save_as = |h: &mut egui_kittest::Harness<'static, peerbrief::app::PeerBriefApp>| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Save as template…").click();
        h.run();
    };
    save_as(&mut harness);
    let name = "Template name (lower-case letters, digits and hyphens)";
    harness.get_by_label(name).type_text("Harbridge");
    harness.run();
    harness.get_by_label("Use only lower-case letters, digits and hyphens, e.g. harbridge-committee.");
    harness.get_by_label(name).focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(name).type_text("harbridge-scrutiny");
    harness.get_by_label("Description").focus();
    harness.get_by_label("Description").type_text("Harbridge's scrutiny panel reports");
    harness.run();
    harness.get_by_label("Save template").hover();
    harness.run();
    harness.get_by_label("Save template").click();
    harness.run();

    let path = config.join("peerbrief/templates/harbridge-scrutiny.peertemplate");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", harness.state().status_text()));
    assert!(harness.state().status_text().starts_with("Saved the template harbridge-scrutiny"));
    let template = peerbrief::store::load_template(&path).expect("the saved template loads");
    let review = &harness.state().current().and_then(|d| d.editing()).expect("review").review;
    let headings = |s: &[peerbrief::model::ReportSection]| s.iter().map(|s| s.heading.clone()).collect::<Vec<_>>();
    assert_eq!(headings(&template.sections), headings(&review.report.sections));
    let summary = review.report.text("summary");
    assert!(!summary.is_empty() && !text.contains(summary), "the review's words stay out of the template");
    assert!(text.starts_with("PeerTemplate(") && text.contains("\n    name: \"harbridge-scrutiny\","), "{text}");

    // The same name again is refused in the question, which stays open.
    save_as(&mut harness);
    harness.get_by_label(name).type_text("harbridge-scrutiny");
    harness.run();
    harness.get_by_label("Save template").hover();
    harness.run();
    harness.get_by_label("Save template").click();
    harness.run();
    harness.get_by_label_contains("You already have a template called harbridge-scrutiny");
    harness.get_by_label("Cancel").click();
    harness.run();

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New review from a template…").click();
    harness.run();
    harness.get_by_label("Harbridge's scrutiny panel reports");
    harness.get_by_label("harbridge-scrutiny (version 1)").click();
    harness.run();
    harness.get_by_label("Create review").hover();
    harness.run();
    harness.get_by_label("Create review").click();
    harness.run();
    let new = &harness.state().current().and_then(|d| d.editing()).expect("new review").review;
    assert_eq!(new.template.as_ref().map(|t| t.name.as_str()), Some("harbridge-scrutiny"));
    assert_eq!(headings(&new.report.sections), headings(&template.sections));
    assert!(new.report.text("summary").is_empty());
}

//! Action plans end to end: a format 2 file's per-finding actions load as a plan, losing
//! nothing, and save back in the new shape; the Afonwen sample's plan; the briefing appendix as
//! pdftotext reads it; a review without a plan prints none.

mod pdf_support;

use std::path::{Path, PathBuf};

use pdf_support::{pdf, squash, text};
use peerbrief::briefing::{BriefingOptions, lay_out_briefing};
use peerbrief::model::{RagStatus, Review, validate};
use peerbrief::store::{load_review, save_review};

fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn sample(name: &str) -> Review {
    load_review(&root("samples").join(name)).expect("sample loads").review
}

#[test]
fn a_format_2_files_actions_become_outcomes_answering_their_findings_and_save_in_the_new_shape() {
    let legacy_path = root("tests/fixtures/format2-afonwen-action-plan.peerreview");
    let legacy_text = std::fs::read_to_string(&legacy_path).unwrap();
    assert!(legacy_text.contains("action: Some(ActionPlanEntry("), "the fixture is in the old shape");
    let r = load_review(&legacy_path).expect("an old file still opens").review;

    let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["S1", "S2", "S3", "A4", "A5", "A6", "A7", "A8"], "ids given in document order");
    assert!(r.findings.iter().all(|f| f.legacy_action.is_none()));
    let plan = &r.action_plan;
    assert_eq!(plan.outcomes.len(), 5, "one outcome per old action");
    for (outcome, finding) in plan.outcomes.iter().zip(&r.findings[3..]) {
        assert_eq!(outcome.title, finding.text);
        assert_eq!(outcome.actions.len(), 1);
        assert_eq!(outcome.actions[0].answers, std::slice::from_ref(&finding.id));
    }
    let early_help = &plan.outcomes[0].actions[0];
    assert_eq!(early_help.officer.role, "Early Help Service Manager");
    assert_eq!(early_help.status, RagStatus::Amber);
    assert_eq!(early_help.due.map(|d| d.iso()).as_deref(), Some("2027-03-31"));
    assert_eq!(early_help.due_history.len(), 2);
    assert_eq!(early_help.due_history[1].reason, "Pilot extended to include the coastal towns after consultation.");
    assert_eq!(
        early_help.latest_note().map(|n| n.text.as_str()),
        Some("Single referral route live since April 2026; the common assessment is in pilot in two areas.")
    );
    // Every word of the old actions is still in the review.
    for old in ["Grow-our-own social work degree scheme", "Democratic Services Manager", "attendance 94%"] {
        assert!(r.texts().iter().any(|(_, t)| t.contains(old)), "{old}");
    }

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.peerreview");
    save_review(&copy, &r).unwrap();
    let saved = std::fs::read_to_string(&copy).unwrap();
    assert!(!saved.contains("ActionPlanEntry") && !saved.contains("action: "), "the old shape is not written");
    assert!(saved.contains("action_plan: ActionPlan("));
    assert_eq!(load_review(&copy).unwrap().review, r, "the new shape reads back the same");
}

#[test]
fn afonwens_plan_has_outcomes_with_indicators_and_actions_answering_several_findings() {
    let r = sample("afonwen-2025-action-plan.peerreview");
    let plan = &r.action_plan;
    assert!((2..=4).contains(&plan.outcomes.len()));
    assert!(plan.outcomes.iter().all(|o| !o.success_indicators.is_empty() && o.actions.len() >= 2));
    assert!(plan.actions().any(|a| a.item.answers.len() > 1), "an action answering several findings");
    let early_help = r.findings.iter().find(|f| f.text.starts_with("Early help")).unwrap();
    assert!(plan.answering(&early_help.id).count() > 1, "a finding answered by several actions");
    for at in plan.actions() {
        for id in &at.item.answers {
            assert!(r.finding_by_id(id).is_some(), "{} answers unknown {id}", at.item.id);
        }
    }
    assert!(validate(&r, peerbrief::model::Date::ymd(2026, 11, 28).unwrap()).is_empty());
}

#[test]
fn the_appendix_prints_outcomes_indicators_and_actions_with_status_in_words() {
    let r = sample("afonwen-2025-action-plan.peerreview");
    let dir = tempfile::tempdir().unwrap();
    let options = BriefingOptions { action_plan: true, ..BriefingOptions::default() };
    let printed = squash(&text(&pdf(&lay_out_briefing(&r, &options), dir.path(), "afonwen.pdf")));
    // The Welsh sample has two appendices of its own; the plan comes after them.
    let appendix = printed.split("Appendix 3: Action plan").nth(1).expect("the appendix");
    // In plan order: each outcome, its indicators, then its actions.
    let mut at = 0;
    for expected in [
        "Outcome 1: Families get the same early help and protection wherever they live in the county borough",
        "Success indicators:",
        "Health represented at 95% of strategy discussions",
        "1.1 Introduce one early help assessment",
        "1.2 Agree a protocol with the health board",
        "1.3 Extend",
        "Outcome 2: A stable, permanent workforce",
        "2.1 Monthly performance clinics",
        "2.3 Report team-level performance",
        "Outcome 3: The whole council understands",
        "3.2 A corporate parenting champion",
    ] {
        let found = appendix[at..].find(expected).unwrap_or_else(|| panic!("{expected} after {at} in {appendix}"));
        at += found + expected.len();
    }
    // Table cells (pdftotext reads a table's columns in its own order).
    for cell in [
        "Officer",
        "Due",
        "Status",
        "Latest progress",
        "Gareth Morgan",
        "Early Help Service Manager",
        "31 January 2027",
        "At risk (amber)",
        "Off track (red)",
        "On track (green)",
        "Complete",
        "Not started",
        "2 October 2026: Single referral route live since April 2026",
    ] {
        assert!(appendix.contains(cell), "{cell} in {appendix}");
    }
    // Only the latest note: the April note is history.
    assert!(!appendix.contains("14 April 2026"), "older progress notes are not printed");
    // The first of Afonwen's progress notes is still printed nowhere else either.
    assert!(!printed.contains("Single referral route live across the county borough."));
}

#[test]
fn a_review_without_a_plan_prints_no_action_plan_appendix() {
    let r = sample("worcestershire-2015.peerreview");
    assert!(r.action_plan.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let with = BriefingOptions { action_plan: true, ..BriefingOptions::default() };
    let printed = text(&pdf(&lay_out_briefing(&r, &with), dir.path(), "with.pdf"));
    let plain = text(&pdf(&lay_out_briefing(&r, &BriefingOptions::default()), dir.path(), "plain.pdf"));
    assert!(!printed.contains("Action plan"));
    assert_eq!(printed, plain, "asking for the plan changes nothing when there is none");
}

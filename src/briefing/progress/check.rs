//! The disclosure check over exactly what the progress report prints: it is a public paper, so
//! it is not made while possible personal data in its text is open. Unlike the briefing, it
//! prints the reasons given for due-date changes, so those are checked here too.

use super::plan::ProgressPlan;
use crate::model::disclosure::{is_resolved, scan_text};
use crate::model::{Date, Disclosure, Place, Review, ScanOptions, Section};

/// The open findings in the report's text (title block and action plan), in print order.
/// Reviewed findings (recorded in the review) are left out.
pub fn open_progress_findings(review: &Review, options: &ScanOptions) -> Vec<Disclosure> {
    let mut texts: Vec<(Place, &str, bool)> = vec![
        (Place::doc("council"), review.council.as_str(), false),
        (Place::new(Section::Meeting, "panel"), review.meeting.panel.as_str(), false),
        (Place::doc("title"), review.title.as_str(), false),
    ];
    // The texts do not depend on the date; only whether an action is overdue does.
    let plan = ProgressPlan::of(review, Date::EPOCH);
    if let Some(plan) = &plan {
        texts.extend(plan.texts().into_iter().map(|p| (p.place, p.text.as_str(), p.relaxed)));
    }
    let mut out = Vec::new();
    for (place, text, relaxed) in texts {
        for m in scan_text(text, options, relaxed) {
            let found = &text[m.range.clone()];
            if !is_resolved(&review.disclosure_reviewed, m.kind, found) {
                out.push(Disclosure { kind: m.kind, text: found.to_owned(), place, at: m.range.start });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionPlan, DisclosureKind, DueDateChange, Officer, Outcome, ReviewedDisclosure};

    fn review(reason: &str) -> Review {
        let action = Action {
            text: "One assessment".into(),
            officer: Officer {
                name: "Jo Reid".into(),
                role: "Early Help Service Manager, jo.reid@afonwen.gov.uk".into(),
            },
            due_history: vec![DueDateChange { from: None, to: None, changed_on: None, reason: reason.into() }],
            ..Action::default()
        };
        let outcome = Outcome { title: "Early help everywhere".into(), actions: vec![action], ..Outcome::default() };
        Review {
            council: "Afonwen County Borough Council".into(),
            action_plan: ActionPlan { outcomes: vec![outcome] },
            ..Review::default()
        }
    }

    #[test]
    fn due_date_reasons_are_checked_and_officers_may_be_named() {
        let r = review("Delayed while Mrs Jenkins, the foster carer of Child A, aged 12, moved house.");
        let found = open_progress_findings(&r, &ScanOptions::default());
        let kinds: Vec<DisclosureKind> = found.iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&DisclosureKind::TitledName), "{found:?}");
        assert!(found.iter().all(|d| d.place == Place::new(Section::DueDateChange(0, 0, 0), "reason")), "{found:?}");
        assert!(open_progress_findings(&review("Supplier delay."), &ScanOptions::default()).is_empty());
    }

    #[test]
    fn a_reviewed_finding_is_no_longer_open() {
        let mut r = review("Mrs Jenkins asked for more time.");
        let found = open_progress_findings(&r, &ScanOptions::default());
        assert_eq!(found.len(), 1, "{found:?}");
        r.disclosure_reviewed.push(ReviewedDisclosure {
            kind: found[0].kind,
            text: found[0].text.clone(),
            reason: "Councillor, named in public minutes".into(),
            by: "officer".into(),
            on: Date::ymd(2026, 3, 17).unwrap(),
        });
        assert!(open_progress_findings(&r, &ScanOptions::default()).is_empty());
    }
}

//! The progress report for a follow-up panel: where each action of a review's action plan has
//! got to, for the members who ask why dates slip.
//!
//! - this file: [`lay_out_progress`] and the report's order (title block, summary, outcomes);
//! - [`plan`]: what the report prints, read out of the review's action plan;
//! - [`actions`]: one action's block (officer, due date, status, latest note, due-date changes);
//! - [`check`]: the disclosure check over exactly the text the report prints.
//!
//! The report is a public paper: callers refuse to print it while [`open_progress_findings`]
//! finds anything.

mod actions;
mod check;
mod plan;

pub use check::open_progress_findings;

use super::chart::{status_counts, status_figure, status_words};
use super::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, Running, Style};
use super::page::{Layout, MM};
use super::tags::Role;
use crate::model::{Date, Review};
use plan::ProgressPlan;

/// Why a progress report cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressError {
    /// The review has no action plan entries.
    NoActionPlan,
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::NoActionPlan => f.write_str(
                "this review has no action plan, so there is no progress to report: add its desired outcomes \
                 and actions on the editor's Action plan page first",
            ),
        }
    }
}

impl std::error::Error for ProgressError {}

/// Lays out the progress report of `review`'s action plan as it stands on `printed_on` (which
/// decides what is overdue and is printed in the title block).
pub fn lay_out_progress(review: &Review, printed_on: Date) -> Result<Layout, ProgressError> {
    let plan = ProgressPlan::of(review, printed_on).ok_or(ProgressError::NoActionPlan)?;
    let mut c = Composer::new(Running { marking: review.marking, meeting: String::new() });
    let meeting = c.clean(&review.meeting_line());
    c.set_running(Running { marking: review.marking, meeting });
    c.new_page();
    c.tagged(Role::Sect, |c| {
        title_block(c, review, printed_on);
        summary(c, &plan);
        for (n, outcome) in plan.outcomes.iter().enumerate() {
            actions::outcome(c, n + 1, outcome);
        }
    });
    let title = c.clean(&format!("Progress report: {}", review.title));
    let author = c.clean(&review.council);
    let subject = c.clean(&format!("Progress on the action plan, printed {printed_on}: {}", review.meeting_line()));
    Ok(c.finish(title, author, subject))
}

/// Full-width lines of one style.
fn lines(c: &mut Composer, text: &str, style: Style) -> Vec<super::compose::Line> {
    c.wrap(text, style, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0)
}

fn title_block(c: &mut Composer, review: &Review, printed_on: Date) {
    c.place = "Report heading".into();
    let mut head = lines(c, &review.council, Style::BOLD.sized(14.0));
    head.extend(lines(c, &review.meeting.panel, Style::BODY.sized(12.0)));
    if let Some(date) = review.meeting.date {
        head.extend(lines(c, &format!("Meeting on {date}"), Style::BODY.sized(12.0)));
    }
    let head = c.as_role(Role::P, head);
    c.place_together(head);
    c.gap(6.0 * MM);
    let title = lines(c, "PROGRESS ON THE ACTION PLAN", Style::BOLD.sized(13.0));
    let mut title = c.as_role(Role::H1, title);
    let name = lines(c, &review.title, Style::BOLD.sized(12.0));
    title.extend(c.as_role(Role::P, name));
    let printed = lines(c, &format!("Printed on {printed_on}"), Style::ITALIC);
    title.extend(c.as_role(Role::P, printed));
    c.place_together(title);
    c.gap(3.0 * MM);
    c.full_width_rule();
    c.gap(5.0 * MM);
}

/// A heading with a bookmark, kept with what follows.
fn heading(c: &mut Composer, text: &str, level: u8) {
    let size = if level == 0 { 13.0 } else { 11.5 };
    let l = lines(c, text, Style::BOLD.sized(size));
    let l = c.as_role(if level == 0 { Role::H2 } else { Role::H3 }, l);
    let keep = l.len() + 2;
    let title = c.clean(text);
    c.place(Block {
        lines: l,
        keep_first: keep,
        space_before: 5.0 * MM,
        outline: Some((title, level)),
        ..Block::default()
    });
}

fn paragraph(c: &mut Composer, text: &str) {
    let l = lines(c, text, Style::BODY);
    let l = c.as_role(Role::P, l);
    c.place(Block { lines: l, keep_first: 2, space_before: 2.0 * MM, ..Block::default() });
}

/// The status chart and the same counts in words, with the overdue actions named.
fn summary(c: &mut Composer, plan: &ProgressPlan) {
    c.place = "Summary".into();
    heading(c, "Summary", 0);
    c.gap(2.0 * MM);
    let counts = status_counts(plan.actions().map(|a| a.status));
    let figure = status_figure("Actions by status", &counts);
    c.place_figure(&figure);
    let total = plan.actions().count();
    let actions = if total == 1 { "There is 1 action" } else { &format!("There are {total} actions") };
    paragraph(c, &format!("{actions}: {}.", status_words(&counts)));
    let overdue: Vec<&str> = plan.actions().filter(|a| a.overdue).map(|a| a.text.text.as_str()).collect();
    match overdue.as_slice() {
        [] => paragraph(c, "No action is overdue."),
        [one] => paragraph(c, &format!("1 action is overdue (past its due date and not complete): {one}")),
        many => {
            paragraph(c, &format!("{} actions are overdue (past their due date and not complete):", many.len()));
            for a in many {
                let l = c.wrap(a, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 5.0 * MM, 5.0 * MM);
                let mut l = l;
                if let Some(first) = l.first_mut() {
                    let baseline = first.runs.first().map_or(0.0, |r| r.y);
                    first.runs.insert(0, super::compose::run("•", Style::BODY, MARGIN_LEFT + 1.0 * MM, baseline));
                }
                let l = c.as_role(Role::P, l);
                c.place(Block { lines: l, keep_first: 2, space_before: 1.0 * MM, ..Block::default() });
            }
        }
    }
    let moved: usize = plan.actions().filter(|a| !a.due_changes.is_empty()).count();
    let changes: usize = plan.actions().map(|a| a.due_changes.len()).sum();
    if changes > 0 {
        let times = if changes == 1 { "once".to_owned() } else { format!("{changes} times") };
        let of = if moved == 1 { "1 action".to_owned() } else { format!("{moved} actions") };
        paragraph(
            c,
            &format!("Due dates have been changed {times}, for {of}; each change is listed with its reason below."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionPlan, Outcome, RagStatus};

    fn all_text(layout: &Layout) -> String {
        layout.pages.iter().flat_map(|p| p.texts()).map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn no_action_plan_no_report() {
        let err = lay_out_progress(&Review::default(), Date::EPOCH).unwrap_err();
        assert_eq!(err, ProgressError::NoActionPlan);
        assert!(err.to_string().contains("no action plan"));
    }

    #[test]
    fn the_summary_says_the_counts_and_names_the_overdue_actions() {
        let actions = [(RagStatus::Red, Date::ymd(2026, 1, 31)), (RagStatus::Complete, Date::ymd(2026, 1, 31))]
            .map(|(status, due)| Action { text: format!("Act {status:?}"), status, due, ..Action::default() });
        let outcome = Outcome { title: "An outcome".into(), actions: actions.into(), ..Outcome::default() };
        let r = Review {
            title: "Peer review".into(),
            council: "Afonwen".into(),
            action_plan: ActionPlan { outcomes: vec![outcome] },
            ..Review::default()
        };
        let layout = lay_out_progress(&r, Date::ymd(2026, 3, 17).unwrap()).unwrap();
        let text = all_text(&layout);
        assert!(text.contains("Printed on 17 March 2026"), "{text}");
        assert!(text.contains("There are 2 actions: 1 off track (red) and 1 complete."), "{text}");
        assert!(text.contains("1 action is overdue (past its due date and not complete): Act Red"), "{text}");
        assert_eq!(layout.title, "Progress report: Peer review");
    }
}

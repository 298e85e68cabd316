//! The action plan at a glance: how many actions are at each RAG status, which are late and
//! whose due dates moved most.

use std::fmt;

use super::{Action, ActionPlan, RagStatus};
use crate::model::{Date, Review};

/// An action with where it is in the plan (0-based outcome and action indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActionAt<'a> {
    pub outcome: usize,
    pub action: usize,
    pub item: &'a Action,
}

impl Action {
    /// Past its due date and not complete. A month-only due date is due at the end of its month.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != RagStatus::Complete && self.due.is_some_and(|due| due.last_day() < today)
    }
}

impl ActionPlan {
    /// Actions past their due date and not complete, in plan order.
    pub fn overdue(&self, today: Date) -> Vec<ActionAt<'_>> {
        self.actions().filter(|a| a.item.is_overdue(today)).collect()
    }

    /// The `n` actions whose due dates moved most, most moves first (plan order among equals);
    /// actions never moved are left out.
    pub fn moved_most(&self, n: usize) -> Vec<ActionAt<'_>> {
        let mut moved: Vec<ActionAt<'_>> = self.actions().filter(|a| !a.item.due_history.is_empty()).collect();
        // A stable sort keeps plan order among equals.
        moved.sort_by_key(|a| std::cmp::Reverse(a.item.due_history.len()));
        moved.truncate(n);
        moved
    }
}

/// Counts of a review's actions by status, for the dashboard's summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionSummary {
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub not_started: usize,
    pub complete: usize,
    /// Not complete and past their due date.
    pub overdue: usize,
}

impl ActionSummary {
    pub fn total(&self) -> usize {
        self.green + self.amber + self.red + self.not_started + self.complete
    }
}

impl Review {
    /// The action plan's counts on `today`; `None` if the plan has no actions.
    pub fn action_summary(&self, today: Date) -> Option<ActionSummary> {
        let mut s = ActionSummary::default();
        for at in self.action_plan.actions() {
            *match at.item.status {
                RagStatus::Green => &mut s.green,
                RagStatus::Amber => &mut s.amber,
                RagStatus::Red => &mut s.red,
                RagStatus::NotStarted => &mut s.not_started,
                RagStatus::Complete => &mut s.complete,
            } += 1;
            s.overdue += usize::from(at.item.is_overdue(today));
        }
        (s.total() > 0).then_some(s)
    }
}

/// In words, statuses with no actions left out:
/// "Action plan: 3 on track (green), 2 at risk (amber), 4 complete · 2 overdue".
impl fmt::Display for ActionSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            (self.green, RagStatus::Green),
            (self.amber, RagStatus::Amber),
            (self.red, RagStatus::Red),
            (self.not_started, RagStatus::NotStarted),
            (self.complete, RagStatus::Complete),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, status)| format!("{n} {}", status.label().to_lowercase()))
        .collect();
        write!(f, "Action plan: {}", parts.join(", "))?;
        match self.overdue {
            0 => write!(f, " · none overdue"),
            n => write!(f, " · {n} overdue"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DueDateChange, Outcome};

    fn action(id: &str, status: RagStatus, due: Option<Date>, moves: usize) -> Action {
        let change = DueDateChange { from: None, to: None, changed_on: None, reason: String::new() };
        Action { id: id.into(), status, due, due_history: vec![change; moves], ..Action::default() }
    }

    fn plan(actions: Vec<Action>) -> ActionPlan {
        let (first, second) = actions.split_at(actions.len() / 2);
        ActionPlan {
            outcomes: vec![
                Outcome { id: "O1".into(), title: "One".into(), actions: first.to_vec(), ..Outcome::default() },
                Outcome { id: "O2".into(), title: "Two".into(), actions: second.to_vec(), ..Outcome::default() },
            ],
        }
    }

    #[test]
    fn counts_by_status_in_words_with_overdue_on_the_local_date() {
        let today = Date::ymd(2026, 3, 17).unwrap();
        let mut r = Review::default();
        assert_eq!(r.action_summary(today), None);
        let past = Date::ymd(2026, 3, 16);
        let this_month = Date::ym(2026, 3);
        r.action_plan = plan(vec![
            action("a", RagStatus::Green, Date::ymd(2027, 1, 1), 0),
            action("b", RagStatus::Green, this_month, 0),
            action("c", RagStatus::Green, None, 0),
            action("d", RagStatus::Amber, past, 0),
            action("e", RagStatus::Amber, today.into(), 0),
            action("f", RagStatus::Red, Date::ym(2026, 2), 0),
            action("g", RagStatus::Complete, past, 0),
            action("h", RagStatus::Complete, past, 0),
            action("i", RagStatus::Complete, None, 0),
            action("j", RagStatus::Complete, None, 0),
        ]);
        let s = r.action_summary(today).unwrap();
        assert_eq!(s.total(), 10);
        assert_eq!(
            s.to_string(),
            "Action plan: 3 on track (green), 2 at risk (amber), 1 off track (red), 4 complete · 2 overdue"
        );
        let overdue: Vec<(usize, usize, &str)> =
            r.action_plan.overdue(today).iter().map(|a| (a.outcome, a.action, a.item.id.as_str())).collect();
        assert_eq!(overdue, [(0, 3, "d"), (1, 0, "f")]);
        r.action_plan = plan(vec![action("a", RagStatus::Green, None, 0), action("b", RagStatus::NotStarted, None, 0)]);
        assert_eq!(
            r.action_summary(today).unwrap().to_string(),
            "Action plan: 1 on track (green), 1 not started · none overdue"
        );
    }

    #[test]
    fn moved_most_puts_the_most_moves_first_and_leaves_out_the_unmoved() {
        let p = plan(vec![
            action("a", RagStatus::Green, None, 1),
            action("b", RagStatus::Green, None, 0),
            action("c", RagStatus::Green, None, 3),
            action("d", RagStatus::Green, None, 1),
            action("e", RagStatus::Green, None, 2),
            action("f", RagStatus::Green, None, 1),
        ]);
        let ids = |n| p.moved_most(n).iter().map(|a| a.item.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(3), ["c", "e", "a"]);
        assert_eq!(ids(10), ["c", "e", "a", "d", "f"]);
    }
}

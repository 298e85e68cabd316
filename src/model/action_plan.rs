//! The action plan at a glance: how many actions are at each RAG status, and how many are late.

use std::fmt;

use super::{ActionPlanEntry, Date, RagStatus, Review};

impl ActionPlanEntry {
    /// Past its due date and not complete. A month-only due date is due at the end of its month.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status != RagStatus::Complete && self.due.is_some_and(|due| due.last_day() < today)
    }
}

/// Counts of a review's action plan entries by status, for the dashboard's summary line.
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
    /// The action plan's counts on `today`; `None` if no finding has an action plan entry.
    pub fn action_summary(&self, today: Date) -> Option<ActionSummary> {
        let mut s = ActionSummary::default();
        for action in self.findings.iter().filter_map(|f| f.action.as_ref()) {
            *match action.status {
                RagStatus::Green => &mut s.green,
                RagStatus::Amber => &mut s.amber,
                RagStatus::Red => &mut s.red,
                RagStatus::NotStarted => &mut s.not_started,
                RagStatus::Complete => &mut s.complete,
            } += 1;
            s.overdue += usize::from(action.is_overdue(today));
        }
        (s.total() > 0).then_some(s)
    }
}

/// In words, statuses with no actions left out:
/// "Action plan: 3 green, 2 amber, 1 red, 4 complete · 2 overdue".
impl fmt::Display for ActionSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            (self.green, "green"),
            (self.amber, "amber"),
            (self.red, "red"),
            (self.not_started, "not started"),
            (self.complete, "complete"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
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
    use crate::model::{Finding, FindingKind};

    fn area(status: RagStatus, due: Option<Date>) -> Finding {
        let mut f = Finding::new(FindingKind::AreaForConsideration, "x", "vision", true);
        f.action =
            Some(ActionPlanEntry { action: "Do it".into(), owner: "A".into(), due, status, ..Default::default() });
        f
    }

    #[test]
    fn counts_by_status_in_words_with_overdue_on_the_local_date() {
        let today = Date::ymd(2026, 3, 17).unwrap();
        let mut r = Review::default();
        assert_eq!(r.action_summary(today), None);
        let past = Date::ymd(2026, 3, 16);
        let this_month = Date::ym(2026, 3);
        r.findings = vec![
            area(RagStatus::Green, Date::ymd(2027, 1, 1)),
            area(RagStatus::Green, this_month),
            area(RagStatus::Green, None),
            area(RagStatus::Amber, past),
            area(RagStatus::Amber, today.into()),
            area(RagStatus::Red, Date::ym(2026, 2)),
            area(RagStatus::Complete, past),
            area(RagStatus::Complete, past),
            area(RagStatus::Complete, None),
            area(RagStatus::Complete, None),
            Finding::new(FindingKind::AreaForConsideration, "no plan", "vision", true),
        ];
        let s = r.action_summary(today).unwrap();
        assert_eq!(s.total(), 10);
        assert_eq!(s.to_string(), "Action plan: 3 green, 2 amber, 1 red, 4 complete · 2 overdue");
        r.findings.truncate(1);
        r.findings.push(area(RagStatus::NotStarted, None));
        assert_eq!(r.action_summary(today).unwrap().to_string(), "Action plan: 1 green, 1 not started · none overdue");
    }
}

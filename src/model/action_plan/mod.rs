//! Action plans as councils write them: desired outcomes, each with its success indicators and
//! the actions that get there. Every action has a named officer, a due date, a RAG status, dated
//! progress notes and the history of its due-date changes, and says which findings it answers
//! (one finding may have several actions, one action may answer several findings).

mod legacy;
mod summary;

use serde::{Deserialize, Serialize};

use super::Date;

pub use legacy::{LegacyAction, from_legacy};
pub use summary::{ActionAt, ActionSummary};

/// The review's follow-up plan. Not written while empty, so files without one save back as they
/// were.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
}

/// A desired outcome: what the council wants to be true once the actions are done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Stable id ("O2"), kept when outcomes are reordered.
    pub id: String,
    /// The desired outcome in words: "Families get the same early help wherever they live".
    pub title: String,
    /// How the council will know the outcome is reached.
    #[serde(default)]
    pub success_indicators: Vec<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One action towards an outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id ("O2.3": the third action first added to outcome O2), kept when reordered.
    pub id: String,
    pub text: String,
    /// Who the action is allocated to.
    #[serde(default)]
    pub officer: Officer,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: RagStatus,
    /// Progress notes, oldest first.
    #[serde(default)]
    pub progress: Vec<ProgressNote>,
    /// Every revision of the due date, oldest first: scrutiny members ask why dates slip.
    #[serde(default)]
    pub due_history: Vec<DueDateChange>,
    /// Ids of the findings this action answers.
    #[serde(default)]
    pub answers: Vec<String>,
}

/// The officer an action is allocated to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    #[serde(default)]
    pub name: String,
    /// Their job: "Early Help Service Manager".
    #[serde(default)]
    pub role: String,
}

impl Officer {
    /// "Rhian Pryce, Head of Children's Services", without empty parts.
    pub fn line(&self) -> String {
        [self.name.trim(), self.role.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
    }

    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.role.trim().is_empty()
    }
}

/// A dated note of progress on an action.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    #[serde(default)]
    pub date: Option<Date>,
    pub text: String,
}

/// One revision of an action's due date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DueDateChange {
    pub from: Option<Date>,
    pub to: Option<Date>,
    #[serde(default)]
    pub changed_on: Option<Date>,
    #[serde(default)]
    pub reason: String,
}

/// RAG status of an action, always shown with its words (never colour alone).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RagStatus {
    #[default]
    NotStarted,
    Red,
    Amber,
    Green,
    Complete,
}

impl RagStatus {
    pub const ALL: [RagStatus; 5] =
        [RagStatus::NotStarted, RagStatus::Red, RagStatus::Amber, RagStatus::Green, RagStatus::Complete];

    /// The status in words, with its colour where it has one: "On track (green)".
    pub fn label(self) -> &'static str {
        match self {
            RagStatus::NotStarted => "Not started",
            RagStatus::Red => "Off track (red)",
            RagStatus::Amber => "At risk (amber)",
            RagStatus::Green => "On track (green)",
            RagStatus::Complete => "Complete",
        }
    }
}

impl Action {
    /// The latest progress note (notes are kept oldest first).
    pub fn latest_note(&self) -> Option<&ProgressNote> {
        self.latest_note_index().map(|i| &self.progress[i])
    }

    /// Where the latest progress note with text is in `progress`.
    pub fn latest_note_index(&self) -> Option<usize> {
        self.progress.iter().rposition(|n| !n.text.trim().is_empty())
    }

    /// Moves the due date to `to` on day `on`, as it is typed, keeping the history: moving a set
    /// date opens a history entry awaiting its reason; further moves that day before a reason is
    /// given update that entry (so typing "1/4/2027" leaves one entry, not one per keystroke), and
    /// moving back to where it started removes it. Setting a first due date is not a move.
    pub fn move_due(&mut self, to: Option<Date>, on: Date) {
        if to == self.due {
            return;
        }
        // A date set before, or cleared by an earlier move.
        let was_set = self.due.is_some() || !self.due_history.is_empty();
        match self.due_history.last_mut() {
            Some(open) if open.changed_on == Some(on) && open.reason.trim().is_empty() => {
                if open.from == to {
                    self.due_history.pop();
                } else {
                    open.to = to;
                }
            }
            _ if was_set => {
                self.due_history.push(DueDateChange {
                    from: self.due,
                    to,
                    changed_on: Some(on),
                    reason: String::new(),
                });
            }
            _ => {}
        }
        self.due = to;
    }
}

impl Outcome {
    /// A new outcome's first action id is `<outcome>.1`; later ones count on from the highest.
    pub fn new_action_id(&self) -> String {
        let prefix = format!("{}.", self.id);
        let n = self.actions.iter().filter_map(|a| a.id.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("{prefix}{}", n + 1)
    }

    /// Adds an empty action with a fresh id; returns its index.
    pub fn add_action(&mut self) -> usize {
        let id = self.new_action_id();
        self.actions.push(Action { id, ..Action::default() });
        self.actions.len() - 1
    }
}

impl ActionPlan {
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty()
    }

    /// Every action with where it is, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = ActionAt<'_>> {
        self.outcomes.iter().enumerate().flat_map(|(o, outcome)| {
            outcome.actions.iter().enumerate().map(move |(a, action)| ActionAt { outcome: o, action: a, item: action })
        })
    }

    /// The next free outcome id: "O" and one more than the highest number in use.
    pub fn new_outcome_id(&self) -> String {
        let n = self.outcomes.iter().filter_map(|o| o.id.strip_prefix('O')?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("O{}", n + 1)
    }

    /// Adds an empty outcome with a fresh id; returns its index.
    pub fn add_outcome(&mut self) -> usize {
        let id = self.new_outcome_id();
        self.outcomes.push(Outcome { id, ..Outcome::default() });
        self.outcomes.len() - 1
    }

    /// The actions answering finding `id`, in plan order.
    pub fn answering<'a>(&'a self, id: &'a str) -> impl Iterator<Item = ActionAt<'a>> {
        self.actions().filter(move |a| a.item.answers.iter().any(|f| f == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_on_from_the_highest_so_reordering_never_repeats_one() {
        let mut plan = ActionPlan::default();
        assert_eq!(plan.add_outcome(), 0);
        plan.add_outcome();
        assert_eq!(plan.outcomes[1].id, "O2");
        plan.outcomes.swap(0, 1);
        assert_eq!(plan.new_outcome_id(), "O3");
        let o = &mut plan.outcomes[1];
        o.add_action();
        o.add_action();
        o.actions.swap(0, 1);
        assert_eq!(o.actions[0].id, "O1.2");
        assert_eq!(o.new_action_id(), "O1.3");
        assert_eq!(plan.actions().map(|a| a.item.id.as_str()).collect::<Vec<_>>(), ["O1.2", "O1.1"]);
    }

    #[test]
    fn moving_a_due_date_keeps_one_history_entry_per_move_awaiting_its_reason() {
        let mut a = Action::default();
        let on = Date::ymd(2026, 3, 12).unwrap();
        a.move_due(Date::ymd(2026, 3, 31), on);
        assert!(a.due_history.is_empty(), "a first due date is not a move");
        // Typed keystroke by keystroke: the parses on the way update one entry.
        a.move_due(Date::ymd(2027, 1, 1), on);
        a.move_due(Date::ymd(2027, 3, 31), on);
        let entry = |from, to, reason: &str| DueDateChange { from, to, changed_on: Some(on), reason: reason.into() };
        assert_eq!(a.due, Date::ymd(2027, 3, 31));
        assert_eq!(a.due_history, [entry(Date::ymd(2026, 3, 31), Date::ymd(2027, 3, 31), "")]);
        // Back where it started: no move after all.
        a.move_due(Date::ymd(2026, 3, 31), on);
        assert!(a.due_history.is_empty());
        // Once a reason is given, the next move is a new entry.
        a.move_due(Date::ymd(2027, 3, 31), on);
        a.due_history[0].reason = "Pilot extended.".into();
        a.move_due(None, on);
        assert_eq!(
            a.due_history,
            [
                entry(Date::ymd(2026, 3, 31), Date::ymd(2027, 3, 31), "Pilot extended."),
                entry(Date::ymd(2027, 3, 31), None, "")
            ]
        );
        // A move on another day is its own entry too.
        let next_day = Date::ymd(2026, 3, 13).unwrap();
        a.move_due(Date::ymd(2027, 6, 30), next_day);
        assert_eq!(a.due_history.len(), 3);
        assert_eq!(a.due_history[1].to, None, "the open entry of the 12th is left as it was");
    }

    #[test]
    fn the_latest_note_is_the_last_with_text_and_officers_read_as_a_line() {
        let mut a = Action::default();
        assert!(a.latest_note().is_none());
        a.progress = vec![
            ProgressNote { date: Date::ymd(2026, 1, 5), text: "Started.".into() },
            ProgressNote { date: Date::ymd(2026, 2, 5), text: "Half way.".into() },
            ProgressNote { date: None, text: " ".into() },
        ];
        assert_eq!(a.latest_note().map(|n| n.text.as_str()), Some("Half way."));
        let o = Officer { name: " ".into(), role: "Head of Service".into() };
        assert_eq!(o.line(), "Head of Service");
        assert!(!o.is_empty());
        assert!(Officer::default().is_empty());
    }

    #[test]
    fn statuses_are_in_words_with_their_colour() {
        let words: Vec<&str> = RagStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(words, ["Not started", "Off track (red)", "At risk (amber)", "On track (green)", "Complete"]);
    }
}

//! What the progress report prints, read out of a review's action plan: outcomes with their
//! success indicators, and actions with officer, due date, status, latest progress note and
//! due-date history. Every text carries its place in the review, so the disclosure check can
//! scan exactly what the report prints and say where each finding is.
//!
//! This file is the only one that reads the action plan model; the layout and the check work
//! on a [`ProgressPlan`].

use crate::model::{Date, Place, RagStatus, Review, Section};

/// A text the report prints, with where it comes from. `relaxed`: a field expected to name
/// officers (names, phones and e-mails there are not flagged).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Printed {
    pub(crate) text: String,
    pub(crate) place: Place,
    pub(crate) relaxed: bool,
}

impl Printed {
    fn new(text: &str, place: Place) -> Printed {
        Printed { text: text.trim().to_owned(), place, relaxed: false }
    }

    fn officer(text: &str, place: Place) -> Printed {
        Printed { relaxed: true, ..Printed::new(text, place) }
    }
}

/// The action plan as the progress report prints it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ProgressPlan {
    pub(crate) outcomes: Vec<Outcome>,
}

/// A desired outcome.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outcome {
    pub(crate) title: Printed,
    pub(crate) indicators: Vec<Printed>,
    pub(crate) actions: Vec<Action>,
}

/// One action and where it has got to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Action {
    pub(crate) text: Printed,
    /// The areas for consideration it answers.
    pub(crate) answers: Vec<Printed>,
    pub(crate) officer_name: Option<Printed>,
    pub(crate) officer_role: Option<Printed>,
    pub(crate) due: Option<Date>,
    pub(crate) status: RagStatus,
    /// Past its due date and not complete, on the day printed.
    pub(crate) overdue: bool,
    pub(crate) latest_note: Option<Note>,
    /// Oldest first.
    pub(crate) due_changes: Vec<DueChange>,
}

/// A progress note.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Note {
    pub(crate) date: Option<Date>,
    pub(crate) text: Printed,
}

/// One revision of a due date.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DueChange {
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) changed_on: Option<Date>,
    pub(crate) reason: Printed,
}

impl ProgressPlan {
    /// The review's action plan on `today`; `None` when it has no actions.
    pub(crate) fn of(review: &Review, today: Date) -> Option<ProgressPlan> {
        let plan = &review.action_plan;
        plan.actions().next()?;
        let outcomes = plan
            .outcomes
            .iter()
            .enumerate()
            .map(|(o, outcome)| Outcome {
                title: Printed::new(&outcome.title, Place::new(Section::Outcome(o), "title")),
                indicators: outcome
                    .success_indicators
                    .iter()
                    .enumerate()
                    .map(|(k, s)| Printed::new(s, Place::new(Section::SuccessIndicator(o, k), "")))
                    .filter(|p| !p.text.is_empty())
                    .collect(),
                actions: outcome
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(a, item)| action(review, o, a, item, today))
                    .collect(),
            })
            .collect();
        Some(ProgressPlan { outcomes })
    }

    pub(crate) fn actions(&self) -> impl Iterator<Item = &Action> {
        self.outcomes.iter().flat_map(|o| &o.actions)
    }

    /// Every text the report prints, in the order it prints them.
    pub(crate) fn texts(&self) -> Vec<&Printed> {
        let mut out = Vec::new();
        for o in &self.outcomes {
            out.push(&o.title);
            out.extend(&o.indicators);
            for a in &o.actions {
                out.push(&a.text);
                out.extend(&a.answers);
                out.extend(a.officer_name.iter().chain(&a.officer_role));
                out.extend(a.latest_note.as_ref().map(|n| &n.text));
                out.extend(a.due_changes.iter().map(|c| &c.reason));
            }
        }
        out.retain(|p| !p.text.is_empty());
        out
    }
}

/// One action as printed: the findings it answers by their text (ids that no longer match a
/// finding are left out), its latest note with text, and its due-date history.
fn action(review: &Review, o: usize, a: usize, action: &crate::model::Action, today: Date) -> Action {
    let at = Section::Action(o, a);
    let answers = action
        .answers
        .iter()
        .filter_map(|id| review.findings.iter().position(|f| f.id == *id))
        .map(|i| Printed::new(&review.findings[i].text, Place::new(Section::Finding(i), "text")))
        .collect();
    let named = |text: &str, field| (!text.trim().is_empty()).then(|| Printed::officer(text, Place::new(at, field)));
    Action {
        text: Printed::new(&action.text, Place::new(at, "text")),
        answers,
        officer_name: named(&action.officer.name, "officer.name"),
        officer_role: named(&action.officer.role, "officer.role"),
        due: action.due,
        status: action.status,
        overdue: action.is_overdue(today),
        latest_note: action.latest_note_index().map(|n| Note {
            date: action.progress[n].date,
            text: Printed::new(&action.progress[n].text, Place::new(Section::ProgressNote(o, a, n), "text")),
        }),
        due_changes: action
            .due_history
            .iter()
            .enumerate()
            .map(|(k, c)| DueChange {
                from: c.from,
                to: c.to,
                changed_on: c.changed_on,
                reason: Printed::new(&c.reason, Place::new(Section::DueDateChange(o, a, k), "reason")),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionPlan, DueDateChange, Finding, FindingKind, Officer, ProgressNote};

    fn review() -> Review {
        let mut r = Review::default();
        let mut f = Finding::new(FindingKind::AreaForConsideration, "Early help varies", "voice", true);
        f.id = "A1".into();
        r.findings = vec![Finding::new(FindingKind::Strength, "Good", "vision", true), f];
        let action = crate::model::Action {
            id: "O1.1".into(),
            text: "One early help assessment".into(),
            officer: Officer { name: "Rhian Pryce".into(), role: "Early Help Service Manager".into() },
            due: Date::ymd(2026, 3, 31),
            status: RagStatus::Amber,
            progress: vec![
                ProgressNote { date: Date::ymd(2026, 1, 5), text: "Started".into() },
                ProgressNote { date: Date::ymd(2026, 2, 5), text: "Pilot in two areas".into() },
                ProgressNote { date: None, text: "  ".into() },
            ],
            due_history: vec![DueDateChange {
                from: Date::ymd(2025, 12, 31),
                to: Date::ymd(2026, 3, 31),
                changed_on: Date::ymd(2025, 11, 20),
                reason: "Supplier delay".into(),
            }],
            answers: vec!["A1".into(), "gone".into()],
        };
        r.action_plan = ActionPlan {
            outcomes: vec![crate::model::Outcome {
                id: "O1".into(),
                title: "Families get the same early help everywhere".into(),
                success_indicators: vec!["One assessment in use".into(), " ".into()],
                actions: vec![action],
            }],
        };
        r
    }

    #[test]
    fn actions_are_read_under_their_outcome_with_every_field_and_its_place() {
        let today = Date::ymd(2026, 4, 1).unwrap();
        let plan = ProgressPlan::of(&review(), today).unwrap();
        let o = &plan.outcomes[0];
        assert_eq!(o.title.text, "Families get the same early help everywhere");
        assert_eq!(o.indicators.len(), 1, "an empty indicator is left out");
        let a = &o.actions[0];
        assert_eq!(a.text.place, Place::new(Section::Action(0, 0), "text"));
        assert_eq!(a.answers.len(), 1, "an id that matches no finding is left out");
        assert_eq!(a.answers[0].text, "Early help varies");
        assert_eq!(a.officer_name.as_ref().unwrap().text, "Rhian Pryce");
        assert!(a.officer_role.as_ref().unwrap().relaxed && !a.text.relaxed);
        assert!(a.overdue, "due 31 March, at risk, printed 1 April");
        let note = a.latest_note.as_ref().unwrap();
        assert_eq!((note.text.text.as_str(), note.date), ("Pilot in two areas", Date::ymd(2026, 2, 5)));
        assert_eq!(note.text.place, Place::new(Section::ProgressNote(0, 0, 1), "text"));
        assert_eq!(a.due_changes[0].reason.place, Place::new(Section::DueDateChange(0, 0, 0), "reason"));
        let texts: Vec<&str> = plan.texts().iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Families get the same early help everywhere",
                "One assessment in use",
                "One early help assessment",
                "Early help varies",
                "Rhian Pryce",
                "Early Help Service Manager",
                "Pilot in two areas",
                "Supplier delay"
            ]
        );
        assert!(!ProgressPlan::of(&review(), Date::ymd(2026, 3, 31).unwrap()).unwrap().outcomes[0].actions[0].overdue);
    }

    #[test]
    fn a_review_without_actions_has_no_plan() {
        let mut r = review();
        r.action_plan.outcomes[0].actions.clear();
        assert_eq!(ProgressPlan::of(&r, Date::ymd(2026, 1, 1).unwrap()), None, "an outcome with no actions");
        assert_eq!(ProgressPlan::of(&Review::default(), Date::ymd(2026, 1, 1).unwrap()), None);
    }
}

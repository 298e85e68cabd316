//! What the progress report prints, read out of a review's action plan: outcomes with their
//! success indicators, and actions with officer, due date, status, latest progress note and
//! due-date history. Every text carries its place in the review, so the disclosure check can
//! scan exactly what the report prints and say where each finding is.
//!
//! This file is the only one that reads the action plan model; the layout and the check work
//! on a [`ProgressPlan`].

use crate::model::{Date, FindingKind, Place, RagStatus, Review, Section};

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

/// A desired outcome (today: the theme the areas for consideration are under).
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
        let mut outcomes = Vec::new();
        let themed = |i: usize, id: Option<&str>| {
            let f = &review.findings[i];
            match id {
                Some(id) => f.themes.first().is_some_and(|t| t == id),
                None => f.themes.first().is_none_or(|t| review.theme(t).is_none()),
            }
        };
        for (t, id) in
            review.themes.iter().enumerate().map(|(t, th)| (Some(t), Some(th.id.as_str()))).chain([(None, None)])
        {
            let actions: Vec<Action> = review
                .findings_of(FindingKind::AreaForConsideration, false)
                .filter(|(i, _)| themed(*i, id))
                .filter_map(|(i, f)| f.action.as_ref().map(|a| (i, f, a)))
                .map(|(i, f, a)| Action {
                    text: Printed::new(&a.action, Place::new(Section::Action(i), "action")),
                    answers: vec![Printed::new(&f.text, Place::new(Section::Finding(i), "text"))],
                    officer_name: None,
                    officer_role: (!a.owner.trim().is_empty())
                        .then(|| Printed::officer(&a.owner, Place::new(Section::Action(i), "owner"))),
                    due: a.due,
                    status: a.status,
                    overdue: a.is_overdue(today),
                    latest_note: (!a.progress.trim().is_empty()).then(|| Note {
                        date: None,
                        text: Printed::new(&a.progress, Place::new(Section::Action(i), "progress")),
                    }),
                    due_changes: a
                        .due_history
                        .iter()
                        .enumerate()
                        .map(|(k, c)| DueChange {
                            from: c.from,
                            to: c.to,
                            changed_on: c.changed_on,
                            reason: Printed::new(&c.reason, Place::new(Section::DueDateChange(i, k), "reason")),
                        })
                        .collect(),
                })
                .collect();
            if actions.is_empty() {
                continue;
            }
            let title = match t {
                Some(t) => {
                    Printed::new(review.theme_label(&review.themes[t].id), Place::new(Section::Theme(t), "label"))
                }
                None => Printed::new("Other areas for consideration", Place::doc("")),
            };
            outcomes.push(Outcome { title, indicators: Vec::new(), actions });
        }
        (!outcomes.is_empty()).then_some(ProgressPlan { outcomes })
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

/// A status in words, for members who will not see the colour.
pub(crate) fn status_in_words(status: RagStatus) -> &'static str {
    match status {
        RagStatus::Red => "Red: off track",
        RagStatus::Amber => "Amber: at risk of delay",
        RagStatus::Green => "Green: on track",
        RagStatus::NotStarted => "Not started",
        RagStatus::Complete => "Complete",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionPlanEntry, DueDateChange, Finding, Theme};

    fn review() -> Review {
        let mut r = Review::default();
        r.themes = vec![Theme::new("vision", "Vision"), Theme::new("voice", "Voice of the child")];
        let mut a = Finding::new(FindingKind::AreaForConsideration, "Early help varies", "voice", true);
        a.action = Some(ActionPlanEntry {
            action: "One early help assessment".into(),
            owner: "Early Help Service Manager".into(),
            due: Date::ymd(2026, 3, 31),
            status: RagStatus::Amber,
            progress: "Pilot in two areas".into(),
            due_history: vec![DueDateChange {
                from: Date::ymd(2025, 12, 31),
                to: Date::ymd(2026, 3, 31),
                changed_on: Date::ymd(2025, 11, 20),
                reason: "Supplier delay".into(),
            }],
        });
        let plain = Finding::new(FindingKind::AreaForConsideration, "No plan yet", "vision", false);
        let strength = Finding::new(FindingKind::Strength, "Good", "vision", true);
        r.findings = vec![strength, plain, a];
        r
    }

    #[test]
    fn actions_are_grouped_under_their_outcome_with_every_field() {
        let today = Date::ymd(2026, 4, 1).unwrap();
        let plan = ProgressPlan::of(&review(), today).unwrap();
        assert_eq!(plan.outcomes.len(), 1, "a theme with no actions is left out");
        let o = &plan.outcomes[0];
        assert_eq!(o.title.text, "Voice of the child");
        let a = &o.actions[0];
        assert_eq!(a.text.text, "One early help assessment");
        assert_eq!(a.text.place, Place::new(Section::Action(2), "action"));
        assert_eq!(a.answers[0].text, "Early help varies");
        assert_eq!(a.officer_role.as_ref().unwrap().text, "Early Help Service Manager");
        assert!(a.officer_role.as_ref().unwrap().relaxed && !a.text.relaxed);
        assert!(a.overdue, "due 31 March, amber, printed 1 April");
        assert_eq!(a.due_changes[0].reason.place, Place::new(Section::DueDateChange(2, 0), "reason"));
        let texts: Vec<&str> = plan.texts().iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Voice of the child",
                "One early help assessment",
                "Early help varies",
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
        r.findings.truncate(2);
        assert_eq!(ProgressPlan::of(&r, Date::ymd(2026, 1, 1).unwrap()), None);
        assert_eq!(ProgressPlan::of(&Review::default(), Date::ymd(2026, 1, 1).unwrap()), None);
    }

    #[test]
    fn statuses_are_said_in_words() {
        assert_eq!(status_in_words(RagStatus::Red), "Red: off track");
        assert!(RagStatus::ALL.iter().all(|s| status_in_words(*s).starts_with(s.label())));
    }
}

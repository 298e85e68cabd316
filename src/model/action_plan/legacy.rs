//! Format 2's one action per finding (`Finding.action`), still read so every existing file opens,
//! and turned into an [`ActionPlan`] as it loads.

use serde::{Deserialize, Serialize};

use super::{Action, ActionPlan, DueDateChange, Officer, Outcome, ProgressNote, RagStatus};
use crate::model::{Date, Finding};

/// The action plan entry format 2 kept on an area for consideration. Read, never written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ActionPlanEntry", deny_unknown_fields)]
pub struct LegacyAction {
    pub action: String,
    pub owner: String,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: RagStatus,
    #[serde(default)]
    pub progress: String,
    #[serde(default)]
    pub due_history: Vec<DueDateChange>,
}

/// Takes the old per-finding actions out of `findings` and returns them as a plan, losing
/// nothing: each becomes the one action of an outcome named after its finding (format 2 had no
/// outcomes), answering that finding; its owner (format 2 asked for a job title) becomes the
/// officer's role, its progress text an undated note, and its due-date history is kept.
/// Findings must already have ids (see `Review::assign_finding_ids`).
pub fn from_legacy(findings: &mut [Finding]) -> ActionPlan {
    let mut plan = ActionPlan::default();
    for finding in findings.iter_mut() {
        let Some(old) = finding.legacy_action.take() else { continue };
        let i = plan.add_outcome();
        let outcome: &mut Outcome = &mut plan.outcomes[i];
        outcome.title = finding.text.clone();
        let id = outcome.new_action_id();
        let progress = if old.progress.trim().is_empty() {
            Vec::new()
        } else {
            vec![ProgressNote { date: None, text: old.progress }]
        };
        outcome.actions.push(Action {
            id,
            text: old.action,
            officer: Officer { name: String::new(), role: old.owner },
            due: old.due,
            status: old.status,
            progress,
            due_history: old.due_history,
            answers: if finding.id.is_empty() { Vec::new() } else { vec![finding.id.clone()] },
        });
    }
    plan
}

impl ActionPlan {
    /// Appends `other`'s outcomes, giving any whose id is taken a fresh one (and its actions
    /// ids under it), so a hand-made file holding both shapes loses nothing.
    pub fn absorb(&mut self, other: ActionPlan) {
        for mut outcome in other.outcomes {
            if self.outcomes.iter().any(|o| o.id == outcome.id) {
                let old = format!("{}.", outcome.id);
                outcome.id = self.new_outcome_id();
                for action in &mut outcome.actions {
                    if let Some(rest) = action.id.strip_prefix(&old) {
                        action.id = format!("{}.{rest}", outcome.id);
                    }
                }
            }
            self.outcomes.push(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FindingKind;

    fn finding(id: &str, text: &str, action: Option<LegacyAction>) -> Finding {
        let mut f = Finding::new(FindingKind::AreaForConsideration, text, "practice", true);
        f.id = id.into();
        f.legacy_action = action;
        f
    }

    #[test]
    fn each_old_action_becomes_an_outcome_answering_its_finding_with_nothing_lost() {
        let history = vec![DueDateChange {
            from: Date::ymd(2025, 12, 31),
            to: Date::ymd(2026, 3, 31),
            changed_on: Date::ymd(2025, 11, 20),
            reason: "Supplier delay.".into(),
        }];
        let mut findings = vec![
            finding("S1", "Strong support.", None),
            finding(
                "A2",
                "Early help is inconsistent.",
                Some(LegacyAction {
                    action: "One assessment.".into(),
                    owner: "Early Help Service Manager".into(),
                    due: Date::ymd(2026, 3, 31),
                    status: RagStatus::Amber,
                    progress: "Referral route live.".into(),
                    due_history: history.clone(),
                }),
            ),
            finding(
                "A3",
                "Training.",
                Some(LegacyAction { action: "Train members.".into(), owner: "".into(), ..LegacyAction::default() }),
            ),
        ];
        let plan = from_legacy(&mut findings);
        assert!(findings.iter().all(|f| f.legacy_action.is_none()), "taken out of the findings");
        assert_eq!(plan.outcomes.len(), 2);
        let o = &plan.outcomes[0];
        assert_eq!((o.id.as_str(), o.title.as_str()), ("O1", "Early help is inconsistent."));
        assert!(o.success_indicators.is_empty());
        assert_eq!(
            o.actions,
            [Action {
                id: "O1.1".into(),
                text: "One assessment.".into(),
                officer: Officer { name: String::new(), role: "Early Help Service Manager".into() },
                due: Date::ymd(2026, 3, 31),
                status: RagStatus::Amber,
                progress: vec![ProgressNote { date: None, text: "Referral route live.".into() }],
                due_history: history,
                answers: vec!["A2".into()],
            }]
        );
        let second = &plan.outcomes[1].actions[0];
        assert_eq!((second.id.as_str(), second.answers.as_slice()), ("O2.1", ["A3".to_owned()].as_slice()));
        assert!(second.progress.is_empty(), "no empty note for empty progress text");
        assert_eq!(second.status, RagStatus::NotStarted);
        // Run again: nothing left to convert.
        assert!(from_legacy(&mut findings).is_empty());

        // Absorbed into a plan that already has an O1: renumbered, nothing lost.
        let mut existing = ActionPlan::default();
        existing.add_outcome();
        existing.absorb(plan);
        let ids: Vec<(&str, &str)> =
            existing.actions().map(|a| (existing.outcomes[a.outcome].id.as_str(), a.item.id.as_str())).collect();
        assert_eq!(ids, [("O2", "O2.1"), ("O3", "O3.1")]);
    }
}

//! Findings (strengths and areas for consideration) and the action plan that follows them up.

use serde::{Deserialize, Serialize};

use super::Date;

/// Whether the reviewers found something to celebrate or something to work on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FindingKind {
    Strength,
    AreaForConsideration,
}

impl FindingKind {
    /// Singular label, as users say it.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Strength => "Strength",
            FindingKind::AreaForConsideration => "Area for consideration",
        }
    }

    /// Heading of the headline list in a report ("Key strengths").
    pub fn key_heading(self) -> &'static str {
        match self {
            FindingKind::Strength => "Key strengths",
            FindingKind::AreaForConsideration => "Key areas for consideration",
        }
    }
}

/// One finding of the review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub kind: FindingKind,
    pub text: String,
    /// Ids from the review's own theme set; usually one.
    #[serde(default)]
    pub themes: Vec<String>,
    /// In the headline lists ("Key strengths", "Key areas for consideration").
    #[serde(default)]
    pub key: bool,
    /// The follow-up for an area for consideration; strengths have none.
    #[serde(default)]
    pub action: Option<ActionPlanEntry>,
}

impl Finding {
    pub fn new(kind: FindingKind, text: &str, theme: &str, key: bool) -> Finding {
        Finding { kind, text: text.to_owned(), themes: vec![theme.to_owned()], key, action: None }
    }
}

/// RAG status of an action, always shown with its word (never colour alone).
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

    pub fn label(self) -> &'static str {
        match self {
            RagStatus::NotStarted => "Not started",
            RagStatus::Red => "Red",
            RagStatus::Amber => "Amber",
            RagStatus::Green => "Green",
            RagStatus::Complete => "Complete",
        }
    }
}

/// The action plan entry for one area for consideration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPlanEntry {
    pub action: String,
    pub owner: String,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: RagStatus,
    #[serde(default)]
    pub progress: String,
    /// Every revision of the due date, oldest first: scrutiny members ask why dates slip.
    #[serde(default)]
    pub due_history: Vec<DueDateChange>,
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

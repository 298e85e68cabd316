//! Findings (strengths and areas for consideration) and their stable ids.

use serde::{Deserialize, Serialize};

use super::{LegacyAction, Review};

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
    /// Stable id ("S3", "A7"): what actions answer and comparisons remember. Assigned when a
    /// finding is added or a file without ids is loaded; never given to another finding.
    #[serde(default)]
    pub id: String,
    pub kind: FindingKind,
    pub text: String,
    /// Ids from the review's own theme set; usually one.
    #[serde(default)]
    pub themes: Vec<String>,
    /// In the headline lists ("Key strengths", "Key areas for consideration").
    #[serde(default)]
    pub key: bool,
    /// Format 2's action for this finding: read, never written; moved into the review's action
    /// plan as the file loads (see [`super::action_plan::from_legacy`]).
    #[serde(default, rename = "action", skip_serializing)]
    pub legacy_action: Option<LegacyAction>,
}

impl Finding {
    /// A finding with no id yet: [`Review::add_finding`] gives it one.
    pub fn new(kind: FindingKind, text: &str, theme: &str, key: bool) -> Finding {
        Finding {
            id: String::new(),
            kind,
            text: text.to_owned(),
            themes: vec![theme.to_owned()],
            key,
            legacy_action: None,
        }
    }
}

/// The number in a finding id: 7 for "A7".
fn id_number(id: &str) -> Option<u32> {
    id.trim_start_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

/// "S" for a strength, "A" for an area for consideration.
fn id_prefix(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Strength => "S",
        FindingKind::AreaForConsideration => "A",
    }
}

impl Review {
    /// A fresh finding id: "S" for a strength, "A" for an area for consideration, and a number
    /// higher than any issued before in this review, so a removed finding's id is never reused.
    pub fn new_finding_id(&mut self, kind: FindingKind) -> String {
        let prefix = id_prefix(kind);
        let highest = self.findings.iter().filter_map(|f| id_number(&f.id)).max().unwrap_or(0);
        self.last_finding_number = self.last_finding_number.max(highest) + 1;
        format!("{prefix}{}", self.last_finding_number)
    }

    /// Gives every finding without an id one, in document order (for files written before ids).
    /// One pass, so a file of 100,000 findings without ids still loads at once.
    pub fn assign_finding_ids(&mut self) {
        if self.findings.iter().all(|f| !f.id.trim().is_empty()) {
            return;
        }
        let highest = self.findings.iter().filter_map(|f| id_number(&f.id)).max().unwrap_or(0);
        let mut last = self.last_finding_number.max(highest);
        for finding in self.findings.iter_mut().filter(|f| f.id.trim().is_empty()) {
            last += 1;
            finding.id = format!("{}{last}", id_prefix(finding.kind));
        }
        self.last_finding_number = last;
    }

    /// Appends `finding`, giving it a fresh id; returns its index.
    pub fn add_finding(&mut self, mut finding: Finding) -> usize {
        finding.id = self.new_finding_id(finding.kind);
        self.findings.push(finding);
        self.findings.len() - 1
    }

    /// The finding with this id and its index.
    pub fn finding_by_id(&self, id: &str) -> Option<(usize, &Finding)> {
        self.findings.iter().enumerate().find(|(_, f)| f.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_assigned_in_order_and_never_reused_after_a_removal() {
        let mut r = Review::default();
        r.findings.push(Finding::new(FindingKind::Strength, "a", "vision", true));
        r.findings.push(Finding::new(FindingKind::AreaForConsideration, "b", "vision", true));
        r.findings[1].id = "A5".into();
        r.findings.push(Finding::new(FindingKind::AreaForConsideration, "c", "vision", true));
        r.assign_finding_ids();
        let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["S6", "A5", "A7"]);
        r.findings.pop();
        let i = r.add_finding(Finding::new(FindingKind::Strength, "d", "vision", true));
        assert_eq!(r.findings[i].id, "S8", "A7 was removed, and is not given out again");
        assert_eq!(r.finding_by_id("A5").map(|(i, f)| (i, f.text.as_str())), Some((1, "b")));
        assert!(r.finding_by_id("A7").is_none());
    }
}

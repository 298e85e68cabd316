//! Format 1 and 2 review files, read as they were written, for migration to format 3.
//!
//! In those formats the seed report's paragraphs were fields of the review; format 3 keeps them
//! as report sections (see [`crate::model::seed`]).

use serde::Deserialize;

use crate::model::seed::{SEED_TEMPLATE, SeedText, seed_report};
use crate::model::{
    Appendix, BackgroundPaper, ContactPoints, Date, FORMAT_VERSION, Finding, MatchDecision, Meeting, Numbering,
    ProtectiveMarking, Review, ReviewedDisclosure, TeamMember, TemplateRef, Theme,
};

/// A review as formats 1 and 2 held it.
#[derive(Deserialize)]
#[serde(rename = "PeerReview", deny_unknown_fields)]
pub struct LegacyReview {
    pub format_version: u32,
    /// Format 1 called this `protective_marking`.
    #[serde(alias = "protective_marking")]
    marking: ProtectiveMarking,
    council: String,
    title: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    report_of: String,
    meeting: Meeting,
    #[serde(default)]
    facilitator: String,
    #[serde(default)]
    review_start: Option<Date>,
    #[serde(default)]
    review_end: Option<Date>,
    #[serde(default)]
    previous_review: Option<Date>,
    #[serde(default)]
    previous_review_file: Option<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    background: String,
    #[serde(default)]
    about_peer_review: String,
    #[serde(default)]
    themes_intro: String,
    themes: Vec<Theme>,
    #[serde(default)]
    focus_intro: String,
    #[serde(default)]
    focus_questions: Vec<String>,
    #[serde(default)]
    team_intro: String,
    #[serde(default)]
    team: Vec<TeamMember>,
    #[serde(default)]
    method: String,
    #[serde(default)]
    findings_intro: String,
    #[serde(default)]
    findings_summary: String,
    #[serde(default)]
    findings_note: String,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    conclusion: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    recommendations: Vec<String>,
    #[serde(default)]
    appendices: Vec<Appendix>,
    #[serde(default)]
    contacts: ContactPoints,
    #[serde(default)]
    background_papers_statement: String,
    #[serde(default)]
    background_papers: Vec<BackgroundPaper>,
    #[serde(default)]
    disclosure_reviewed: Vec<ReviewedDisclosure>,
    #[serde(default)]
    comparison: Vec<MatchDecision>,
}

impl LegacyReview {
    /// The same review in format 3: every prose field moves, word for word, into the
    /// `worcestershire-scrutiny` sections that printed it.
    pub fn into_review(self) -> Review {
        let text = SeedText {
            summary: self.summary,
            background: self.background,
            about_peer_review: self.about_peer_review,
            themes_intro: self.themes_intro,
            focus_intro: self.focus_intro,
            team_intro: self.team_intro,
            method: self.method,
            findings_intro: self.findings_intro,
            findings_summary: self.findings_summary,
            findings_note: self.findings_note,
            conclusion: self.conclusion,
            purpose: self.purpose,
            recommendations: self.recommendations,
            background_papers_statement: self.background_papers_statement,
        };
        let report = seed_report(&text, &self.subject, &self.council, !self.themes.is_empty());
        Review {
            format_version: FORMAT_VERSION,
            marking: self.marking,
            template: Some(TemplateRef { name: SEED_TEMPLATE.to_owned(), version: 1 }),
            council: self.council,
            // Format 2 had no jurisdiction: every earlier file is English.
            jurisdiction: Default::default(),
            title: self.title,
            subject: self.subject,
            report_of: self.report_of,
            meeting: self.meeting,
            header_facts: Vec::new(),
            numbering: Numbering::Continuous,
            house_style: Default::default(),
            facilitator: self.facilitator,
            review_start: self.review_start,
            review_end: self.review_end,
            previous_review: self.previous_review,
            previous_review_file: self.previous_review_file,
            themes: self.themes,
            focus_questions: self.focus_questions,
            team: self.team,
            findings: self.findings,
            last_finding_number: 0,
            action_plan: Default::default(),
            report,
            appendices: self.appendices,
            contacts: self.contacts,
            background_papers: self.background_papers,
            disclosure_reviewed: self.disclosure_reviewed,
            comparison: self.comparison,
        }
    }
}

//! The review document: everything a council's peer review report holds.

use serde::{Deserialize, Serialize};

use super::{
    ActionPlan, Date, FORMAT_VERSION, Finding, FindingKind, MatchDecision, ReviewedDisclosure, Theme, ThemeSet,
};

/// Government Security Classification marking printed at the top and bottom of every page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProtectiveMarking {
    #[default]
    Official,
    OfficialSensitive,
}

impl ProtectiveMarking {
    pub const ALL: [ProtectiveMarking; 2] = [ProtectiveMarking::Official, ProtectiveMarking::OfficialSensitive];

    /// As printed on the page.
    pub fn label(self) -> &'static str {
        match self {
            ProtectiveMarking::Official => "OFFICIAL",
            ProtectiveMarking::OfficialSensitive => "OFFICIAL-SENSITIVE",
        }
    }
}

/// The committee meeting the review goes to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// e.g. "Children and Families Overview and Scrutiny Panel".
    pub panel: String,
    #[serde(default)]
    pub date: Option<Date>,
    /// Agenda item number or label, e.g. "5".
    #[serde(default)]
    pub agenda_item: String,
}

/// One member of the review team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// Role on the team: "Programme Manager", "Health Peer", …
    pub role: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Their own job, if given: "Director of Children's Services".
    #[serde(default)]
    pub position: String,
    pub organisation: String,
}

impl TeamMember {
    /// As a report lists them: "Role, Name, Position, Organisation" without empty parts.
    pub fn line(&self) -> String {
        [Some(self.role.as_str()), self.name.as_deref(), Some(self.position.as_str()), Some(self.organisation.as_str())]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A paragraph of Schedule 12A to the Local Government Act 1972 (1–7) under which an item is exempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ExemptParagraph(u8);

impl ExemptParagraph {
    pub fn new(paragraph: u8) -> Option<ExemptParagraph> {
        (1..=7).contains(&paragraph).then_some(ExemptParagraph(paragraph))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The category the paragraph covers, for notices.
    pub fn description(self) -> &'static str {
        match self.0 {
            1 => "information relating to any individual",
            2 => "information which is likely to reveal the identity of an individual",
            3 => {
                "information relating to the financial or business affairs of any particular person (including the authority holding that information)"
            }
            4 => {
                "information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter"
            }
            5 => {
                "information in respect of which a claim to legal professional privilege could be maintained in legal proceedings"
            }
            6 => {
                "information which reveals that the authority proposes to give a notice or make an order or direction under any enactment"
            }
            _ => {
                "information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime"
            }
        }
    }
}

impl TryFrom<u8> for ExemptParagraph {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        ExemptParagraph::new(value).ok_or_else(|| {
            format!("exempt paragraph must be 1 to 7 (Local Government Act 1972, Schedule 12A), not {value}")
        })
    }
}

impl From<ExemptParagraph> for u8 {
    fn from(p: ExemptParagraph) -> u8 {
        p.0
    }
}

/// An appendix to the report; its body is printed in full only in private packs when exempt.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    pub title: String,
    #[serde(default)]
    pub exempt: Option<ExemptParagraph>,
    /// The appendix text itself, if the report carries it (paragraphs).
    #[serde(default)]
    pub body: String,
}

/// What a general contact line holds, so it can be checked and linked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactKind {
    #[default]
    Phone,
    Email,
    Web,
    Other,
}

/// A general contact line such as "County Council: 01905 763763".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactLine {
    pub label: String,
    #[serde(default)]
    pub kind: ContactKind,
    pub value: String,
}

/// The named officer to contact about this report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedOfficer {
    pub name: String,
    pub job_title: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// The report's "Contact Points" section.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPoints {
    /// Heading over the general lines, e.g. "County Council Contact Points:".
    #[serde(default)]
    pub general_heading: String,
    #[serde(default)]
    pub general: Vec<ContactLine>,
    #[serde(default)]
    pub officers: Vec<NamedOfficer>,
}

/// One statutory background paper.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackgroundPaper {
    pub text: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A council's peer review and the report that takes it to a scrutiny panel.
///
/// Long text fields hold paragraphs separated by blank lines (see [`super::paragraphs`]).
/// Field order here is the order in the file, so saves are stable and diff well.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PeerReview", deny_unknown_fields)]
pub struct Review {
    pub format_version: u32,
    /// Format 1 called this `protective_marking`.
    #[serde(alias = "protective_marking")]
    pub marking: ProtectiveMarking,
    /// "Worcestershire County Council".
    pub council: String,
    /// Report title: "Worcestershire Safeguarding Peer Review".
    pub title: String,
    /// The kind of review: "Children's Safeguarding Peer Review".
    #[serde(default)]
    pub subject: String,
    /// Who presents the report ("Report of …").
    #[serde(default)]
    pub report_of: String,
    pub meeting: Meeting,
    /// Who facilitated the review: "Local Government Association (LGA)".
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub review_start: Option<Date>,
    #[serde(default)]
    pub review_end: Option<Date>,
    #[serde(default)]
    pub previous_review: Option<Date>,
    /// The previous review's file, relative to this review's folder ("ambleshire-2019.peerreview"),
    /// for "Since the last review". Not written while unset, so older files save back byte for byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_review_file: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub background: String,
    /// "What is a safeguarding peer review?"
    #[serde(default)]
    pub about_peer_review: String,
    /// Lead-in to the theme list: "LGA safeguarding reviews focus on five key themes:".
    #[serde(default)]
    pub themes_intro: String,
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub focus_intro: String,
    #[serde(default)]
    pub focus_questions: Vec<String>,
    /// "Who conducted the review?" — text before the team list.
    #[serde(default)]
    pub team_intro: String,
    #[serde(default)]
    pub team: Vec<TeamMember>,
    /// How the review was done (time on site, who they met).
    #[serde(default)]
    pub method: String,
    /// Lead-in to the summary: "The reviewers concluded:".
    #[serde(default)]
    pub findings_intro: String,
    #[serde(default)]
    pub findings_summary: String,
    /// Text before the headline lists: "The letter and detailed findings are attached …".
    #[serde(default)]
    pub findings_note: String,
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The number in the last finding id issued ("A9" → 9), so a removed finding's id is never
    /// given to a new one. Not written while 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_finding_number: u32,
    /// Desired outcomes and the actions towards them. Not written while empty.
    #[serde(default, skip_serializing_if = "ActionPlan::is_empty")]
    pub action_plan: ActionPlan,
    #[serde(default)]
    pub conclusion: String,
    /// "Purpose of this Meeting".
    #[serde(default)]
    pub purpose: String,
    /// Numbered recommendations to the panel, if any.
    #[serde(default)]
    pub recommendations: Vec<String>,
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    #[serde(default)]
    pub contacts: ContactPoints,
    /// The proper officer's statement that opens "Background Papers".
    #[serde(default)]
    pub background_papers_statement: String,
    #[serde(default)]
    pub background_papers: Vec<BackgroundPaper>,
    /// Possible personal data in the public text that someone reviewed and decided may be
    /// published (see [`super::disclosure`]). Not written while empty, so older files save back
    /// byte for byte.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosure_reviewed: Vec<ReviewedDisclosure>,
    /// Matches with the previous review that someone confirmed or broke (see [`super::compare`]).
    /// Not written while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparison: Vec<MatchDecision>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Default for Review {
    /// A blank review with the LGA five themes, as File → New makes it.
    fn default() -> Self {
        Review {
            format_version: FORMAT_VERSION,
            marking: ProtectiveMarking::Official,
            council: String::new(),
            title: String::new(),
            subject: String::new(),
            report_of: String::new(),
            meeting: Meeting::default(),
            facilitator: String::new(),
            review_start: None,
            review_end: None,
            previous_review: None,
            previous_review_file: None,
            summary: String::new(),
            background: String::new(),
            about_peer_review: String::new(),
            themes_intro: String::new(),
            themes: ThemeSet::lga_five(),
            focus_intro: String::new(),
            focus_questions: Vec::new(),
            team_intro: String::new(),
            team: Vec::new(),
            method: String::new(),
            findings_intro: String::new(),
            findings_summary: String::new(),
            findings_note: String::new(),
            findings: Vec::new(),
            last_finding_number: 0,
            action_plan: ActionPlan::default(),
            conclusion: String::new(),
            purpose: String::new(),
            recommendations: Vec::new(),
            appendices: Vec::new(),
            contacts: ContactPoints::default(),
            background_papers_statement: String::new(),
            background_papers: Vec::new(),
            disclosure_reviewed: Vec::new(),
            comparison: Vec::new(),
        }
    }
}

impl Review {
    /// The theme with this id, if the review's theme set has it.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Label for a theme id; unknown ids are shown as they are, so nothing is hidden.
    pub fn theme_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.theme(id).map_or(id, |t| t.label.as_str())
    }

    /// Findings of one kind, optionally only the key ones, with their index in `findings`.
    pub fn findings_of(&self, kind: FindingKind, key_only: bool) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings.iter().enumerate().filter(move |(_, f)| f.kind == kind && (!key_only || f.key))
    }

    /// The meeting line used in headers: "Children and Families Overview and Scrutiny Panel – 17 March 2016".
    pub fn meeting_line(&self) -> String {
        match self.meeting.date {
            Some(d) => format!("{} – {}", self.meeting.panel, d),
            None => self.meeting.panel.clone(),
        }
    }
}

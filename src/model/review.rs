//! The review document: everything a council's peer review report holds.

use serde::{Deserialize, Serialize};

use super::seed::{SEED_TEMPLATE, SeedText, seed_report};
use super::{
    ActionPlan, Date, FORMAT_VERSION, Finding, FindingKind, HeaderFact, HouseStyle, Jurisdiction, Logo, MatchDecision,
    Numbering, Report, ReviewedDisclosure, TemplateRef, Theme, ThemeSet,
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

/// A paragraph of Schedule 12A to the Local Government Act 1972 under which an item is exempt:
/// 1–7 of Part 1 (England) or 12–18 of Part 4 (Wales). The number says which Part it is in;
/// whether it fits the file's [`Jurisdiction`] is checked by validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ExemptParagraph(u8);

impl ExemptParagraph {
    pub fn new(paragraph: u8) -> Option<ExemptParagraph> {
        Jurisdiction::ALL.iter().any(|j| j.paragraph_range().contains(&paragraph)).then_some(ExemptParagraph(paragraph))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The jurisdiction whose Part of Schedule 12A has this paragraph.
    pub fn jurisdiction(self) -> Jurisdiction {
        if Jurisdiction::Wales.paragraph_range().contains(&self.0) {
            Jurisdiction::Wales
        } else {
            Jurisdiction::England
        }
    }

    /// "Part 1" (England) or "Part 4" (Wales).
    pub fn part(self) -> &'static str {
        self.jurisdiction().part()
    }

    /// The category the paragraph covers, for notices, in its own Part's words.
    pub fn description(self) -> &'static str {
        super::jurisdiction::description(self.0)
    }
}

impl TryFrom<u8> for ExemptParagraph {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        ExemptParagraph::new(value).ok_or_else(|| {
            format!(
                "exempt paragraph must be 1 to 7 (Part 1 of Schedule 12A to the Local Government Act 1972, England) or 12 to 18 (Part 4, Wales), not {value}"
            )
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
/// The facts (council, dates, themes, team, findings, appendices, contacts…) are fields here; the
/// report's own words are in [`Review::report`], section by section. Long text holds paragraphs
/// separated by blank lines (see [`super::paragraphs`]). Field order here is the order in the
/// file, so saves are stable and diff well.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PeerReview", deny_unknown_fields)]
pub struct Review {
    pub format_version: u32,
    pub marking: ProtectiveMarking,
    /// The template the report was made from (its name and version), for Apply template.
    #[serde(default)]
    pub template: Option<TemplateRef>,
    /// "Worcestershire County Council".
    pub council: String,
    /// England or Wales: which Part of Schedule 12A its exempt appendices cite. Not written while
    /// England.
    #[serde(default, skip_serializing_if = "Jurisdiction::is_england")]
    pub jurisdiction: Jurisdiction,
    /// Report title: "Worcestershire Safeguarding Peer Review".
    pub title: String,
    /// The kind of review: "Children's Safeguarding Peer Review".
    #[serde(default)]
    pub subject: String,
    /// Who presents the report ("Report of …").
    #[serde(default)]
    pub report_of: String,
    pub meeting: Meeting,
    /// Facts printed in the header block: wards affected, key decision, forward plan reference.
    #[serde(default)]
    pub header_facts: Vec<HeaderFact>,
    #[serde(default)]
    pub numbering: Numbering,
    #[serde(default)]
    pub house_style: HouseStyle,
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
    /// for "Since the last review". Not written while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_review_file: Option<String>,
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub focus_questions: Vec<String>,
    #[serde(default)]
    pub team: Vec<TeamMember>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The number in the last finding id issued ("A9" → 9), so a removed finding's id is never
    /// given to a new one. Not written while 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_finding_number: u32,
    /// Desired outcomes and the actions towards them. Not written while empty.
    #[serde(default, skip_serializing_if = "ActionPlan::is_empty")]
    pub action_plan: ActionPlan,
    /// The report's sections, in printing order.
    #[serde(default)]
    pub report: Report,
    #[serde(default)]
    pub appendices: Vec<Appendix>,
    #[serde(default)]
    pub contacts: ContactPoints,
    #[serde(default)]
    pub background_papers: Vec<BackgroundPaper>,
    /// Possible personal data in the public text that someone reviewed and decided may be
    /// published (see [`super::disclosure`]). Not written while empty.
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
    /// A blank review with the LGA five themes in the seed's report layout, as File → New makes it.
    fn default() -> Self {
        Review {
            format_version: FORMAT_VERSION,
            marking: ProtectiveMarking::Official,
            template: Some(TemplateRef { name: SEED_TEMPLATE.to_owned(), version: 1 }),
            council: String::new(),
            jurisdiction: Jurisdiction::England,
            title: String::new(),
            subject: String::new(),
            report_of: String::new(),
            meeting: Meeting::default(),
            header_facts: Vec::new(),
            numbering: Numbering::Continuous,
            house_style: HouseStyle::default(),
            facilitator: String::new(),
            review_start: None,
            review_end: None,
            previous_review: None,
            previous_review_file: None,
            themes: ThemeSet::lga_five(),
            focus_questions: Vec::new(),
            team: Vec::new(),
            findings: Vec::new(),
            last_finding_number: 0,
            action_plan: ActionPlan::default(),
            report: seed_report(&SeedText::default(), "", "", false),
            appendices: Vec::new(),
            contacts: ContactPoints::default(),
            background_papers: Vec::new(),
            disclosure_reviewed: Vec::new(),
            comparison: Vec::new(),
        }
    }
}

impl Review {
    /// The logo to print, if the review has one.
    pub fn logo(&self) -> Option<&Logo> {
        self.house_style.logo.as_ref()
    }

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

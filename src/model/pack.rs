//! Committee packs: the agenda of one meeting, listing the reports and standard items in order.

use serde::{Deserialize, Serialize};

use super::{Date, ExemptParagraph, ProtectiveMarking, ReviewedDisclosure};

/// A committee pack manifest (`.peerpack`, RON): the meeting and its agenda in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "CommitteePack", deny_unknown_fields)]
pub struct CommitteePack {
    /// "Ambleshire County Council": the pack's author.
    #[serde(default)]
    pub council: String,
    /// "Children and Families Overview and Scrutiny Panel".
    pub committee: String,
    pub date: Date,
    /// "10.00 am".
    #[serde(default)]
    pub time: String,
    /// "Council Chamber, County Hall, Worcester".
    #[serde(default)]
    pub venue: String,
    /// Committee members as printed on the cover ("Cllr A Smith (Chair)").
    #[serde(default)]
    pub members: Vec<String>,
    /// Marking of the cover and agenda pages; report pages carry their own.
    #[serde(default)]
    pub marking: ProtectiveMarking,
    pub items: Vec<AgendaItem>,
    /// Reviewed possible personal data in the manifest's own public text (cover, agenda titles,
    /// standard items); each report keeps its own. Not written while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosure_reviewed: Vec<ReviewedDisclosure>,
}

/// One item on the agenda.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// As printed on the agenda. For a report, empty means "use the report's title".
    #[serde(default)]
    pub title: String,
    pub content: AgendaContent,
    /// Set when the whole item is exempt (Schedule 12A): printed only in the private pack.
    #[serde(default)]
    pub exempt: Option<ExemptParagraph>,
}

/// What an agenda item holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AgendaContent {
    /// A review file, relative to the manifest's folder.
    Review(String),
    /// A standard item with a short text: apologies, declarations of interest, minutes.
    Standard(String),
}

impl CommitteePack {
    /// The meeting line used in page footers: "Children and Families Panel – 17 March 2016".
    pub fn meeting_line(&self) -> String {
        format!("{} – {}", self.committee, self.date)
    }
}

//! Committee packs: the agenda of one meeting, listing the reports, PDF papers and standard items
//! in order.

use serde::{Deserialize, Serialize};

use super::{Date, ExemptParagraph, Jurisdiction, Logo, ProtectiveMarking, ReviewedDisclosure};

/// A committee pack manifest (`.peerpack`, RON): the meeting and its agenda in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "CommitteePack", deny_unknown_fields)]
pub struct CommitteePack {
    /// "Ambleshire County Council": the pack's author.
    #[serde(default)]
    pub council: String,
    /// England or Wales: which Part of Schedule 12A the exclusion resolution and exempt items
    /// cite. Not written while England.
    #[serde(default, skip_serializing_if = "Jurisdiction::is_england")]
    pub jurisdiction: Jurisdiction,
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
    /// The meeting's contact officer (Democratic Services), printed on the cover.
    #[serde(default)]
    pub contact: ContactOfficer,
    /// The public participation notice ("Members of the public may attend…"), printed on the
    /// cover. Paragraphs separated by blank lines; empty prints nothing.
    #[serde(default)]
    pub public_notice: String,
    /// Put the generated "Exclusion of the press and public" item (s100A(4) Local Government Act
    /// 1972) on the agenda before the first exempt item. On unless switched off.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub exclusion_item: bool,
    pub items: Vec<AgendaItem>,
    /// Reviewed possible personal data in the manifest's own public text (cover, agenda titles,
    /// standard items); each report keeps its own. Not written while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosure_reviewed: Vec<ReviewedDisclosure>,
    /// A logo file (PNG or SVG) for the cover, relative to the manifest's folder. Without one
    /// the cover shows the first report's logo. Not written while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The picture `logo` names, or why it cannot be used; read by `store` when the pack is
    /// loaded (never written).
    #[serde(skip)]
    pub logo_image: Option<Result<Logo, String>>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Who to contact about the meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactOfficer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

impl ContactOfficer {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.phone.trim().is_empty() && self.email.trim().is_empty()
    }
}

/// One item on the agenda.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// As printed on the agenda. For a report, empty means "use the report's title"; for a PDF
    /// document, the file name without its extension.
    #[serde(default)]
    pub title: String,
    pub content: AgendaContent,
    /// Set when the whole item is exempt (Schedule 12A): printed only in the private pack.
    #[serde(default)]
    pub exempt: Option<ExemptParagraph>,
    /// A late paper: listed "to follow" in the main pack and printed in the supplementary pack.
    #[serde(default, skip_serializing_if = "is_false")]
    pub to_follow: bool,
    /// For a standard (procedural) item: print it on a page of its own instead of on the agenda.
    #[serde(default, skip_serializing_if = "is_false")]
    pub own_page: bool,
}

/// What an agenda item holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AgendaContent {
    /// A review file, relative to the manifest's folder.
    Review(String),
    /// A standard item with a short text: apologies, declarations of interest, minutes.
    Standard(String),
    /// An existing PDF (minutes, another directorate's report), relative to the manifest's folder.
    Document(String),
}

impl AgendaContent {
    /// The file the item refers to, for review and document items.
    pub fn file(&self) -> Option<&str> {
        match self {
            AgendaContent::Review(f) | AgendaContent::Document(f) => Some(f),
            AgendaContent::Standard(_) => None,
        }
    }
}

/// One numbered line of the printed agenda: a manifest item or the generated exclusion item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaEntry {
    /// `items[index]`.
    Item(usize),
    /// "Exclusion of the press and public", before the first exempt item.
    Exclusion,
}

impl CommitteePack {
    /// The meeting line used in page footers: "Children and Families Panel – 17 March 2016".
    pub fn meeting_line(&self) -> String {
        format!("{} – {}", self.committee, self.date)
    }

    /// The agenda as printed, numbered from 1: every item in order, with the exclusion item
    /// before the first exempt one (when `exclusion_item` is on).
    pub fn agenda(&self) -> Vec<AgendaEntry> {
        let mut out = Vec::with_capacity(self.items.len() + 1);
        let mut excluded = !self.exclusion_item;
        for (i, item) in self.items.iter().enumerate() {
            if !excluded && item.exempt.is_some() {
                out.push(AgendaEntry::Exclusion);
                excluded = true;
            }
            out.push(AgendaEntry::Item(i));
        }
        out
    }

    /// The printed agenda number of `items[index]` (1-based).
    pub fn item_number(&self, index: usize) -> usize {
        self.agenda().iter().position(|e| *e == AgendaEntry::Item(index)).map_or(index + 1, |p| p + 1)
    }

    /// The Schedule 12A paragraphs of the exempt items, ascending, without repeats.
    pub fn exempt_paragraphs(&self) -> Vec<ExemptParagraph> {
        let mut v: Vec<ExemptParagraph> = self.items.iter().filter_map(|i| i.exempt).collect();
        v.sort_by_key(|p| p.number());
        v.dedup();
        v
    }

    /// Exempt items citing a paragraph of the other nation's Part of Schedule 12A, as
    /// "agenda item 4: paragraph 2 is in Part 1 …" (numbered as printed).
    pub fn jurisdiction_problems(&self) -> Vec<String> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let problem = self.jurisdiction.misplaced(item.exempt?)?;
                Some(format!("agenda item {} (exempt): {problem}", self.item_number(i)))
            })
            .collect()
    }
}

//! The report as data: an ordered list of sections, each a side heading over blocks.
//!
//! The review's facts (council, dates, themes, team, findings, appendices…) live on
//! [`super::Review`]; the report says what is printed where. Data blocks print those facts where the
//! author puts them, so nothing is typed twice. Templates ([`super::Template`]) supply the sections
//! a council's committee reports must have.

use serde::{Deserialize, Serialize};

use super::Logo;

/// The report's text, section by section, in printing order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub sections: Vec<ReportSection>,
}

/// One side-headed section of the report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSection {
    /// The template's id for this section ("purpose", "implications"); stable across renames,
    /// so Apply template can find it again.
    pub id: String,
    /// The side heading as printed.
    pub heading: String,
    /// The template locks the heading ("do not change section titles").
    #[serde(default)]
    pub fixed: bool,
    /// The template requires this section to have something in it: a warning while it is empty.
    #[serde(default)]
    pub required: bool,
    /// Guidance for the author, shown in the editor, never printed.
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A piece of a section. One layout code path per kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Paragraphs separated by blank lines; numbered paragraphs carry the report's paragraph numbers.
    Paragraphs {
        text: String,
        #[serde(default = "yes")]
        numbered: bool,
    },
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A lettered list, (a), (b)… — as many councils set out what a panel is asked to do.
    Lettered(Vec<String>),
    /// Numbered recommendations (they take paragraph numbers) with lettered sub-items.
    Recommendations(Vec<Recommendation>),
    /// The reviewers' own words, printed in italics.
    Quotation { text: String },
    /// The standard implications sub-headings, each with its text.
    Implications(Vec<Implication>),
    /// The review's structured data, printed here.
    Data(DataBlock),
}

fn yes() -> bool {
    true
}

/// One recommendation: its text and lettered sub-items (a), (b)…
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub text: String,
    #[serde(default)]
    pub sub_items: Vec<String>,
}

/// One implications sub-heading ("Financial", "Legal"…); empty text prints [`Implication::NONE`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implication {
    pub heading: String,
    #[serde(default)]
    pub text: String,
}

impl Implication {
    /// What an implication with no text says.
    pub const NONE: &'static str = "None arising from this report.";

    /// The standard sub-headings of a council committee report, all empty.
    pub fn standard() -> Vec<Implication> {
        [
            "Financial",
            "Legal",
            "Human resources",
            "Equality (Public Sector Equality Duty, s149 Equality Act 2010)",
            "Risk",
            "Data protection",
            "Climate and sustainability",
            "Health and wellbeing",
        ]
        .into_iter()
        .map(|heading| Implication { heading: heading.to_owned(), text: String::new() })
        .collect()
    }
}

/// The review's facts a data block prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataBlock {
    /// The review's themes as a bulleted list after a numbered lead-in (empty: a standard one).
    ThemeList {
        intro: String,
    },
    FocusQuestions,
    ReviewTeam,
    KeyStrengths,
    KeyAreas,
    FindingsByTheme,
    /// The action plan as a table, in the report itself.
    ActionPlan,
    /// "The following appendices are attached…" and the list (the action plan appendix too, when printed).
    Appendices,
    ContactPoints,
    BackgroundPapers,
    /// The findings against the previous review's, when the briefing is given it.
    SinceLastReview,
}

impl Block {
    /// A numbered paragraphs block.
    pub fn paragraphs(text: &str) -> Block {
        Block::Paragraphs { text: text.to_owned(), numbered: true }
    }

    /// The kind's name as shown to people.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Block::Paragraphs { numbered: true, .. } => "Numbered paragraphs",
            Block::Paragraphs { numbered: false, .. } => "Paragraphs",
            Block::Bullets(_) => "Bulleted list",
            Block::Lettered(_) => "Lettered list",
            Block::Recommendations(_) => "Recommendations",
            Block::Quotation { .. } => "Quotation",
            Block::Implications(_) => "Implications",
            Block::Data(d) => d.label(),
        }
    }

    /// True if the author has written nothing in this block (data blocks count as content).
    pub fn is_empty(&self) -> bool {
        let blank = |s: &str| s.trim().is_empty();
        match self {
            Block::Paragraphs { text, .. } | Block::Quotation { text } => blank(text),
            Block::Bullets(items) | Block::Lettered(items) => items.iter().all(|s| blank(s)),
            Block::Recommendations(items) => {
                items.iter().all(|r| blank(&r.text) && r.sub_items.iter().all(|s| blank(s)))
            }
            Block::Implications(items) => items.iter().all(|i| blank(&i.text)),
            Block::Data(_) => false,
        }
    }
}

impl DataBlock {
    pub fn label(&self) -> &'static str {
        match self {
            DataBlock::ThemeList { .. } => "Theme list",
            DataBlock::FocusQuestions => "Focus questions",
            DataBlock::ReviewTeam => "Review team",
            DataBlock::KeyStrengths => "Key strengths",
            DataBlock::KeyAreas => "Key areas for consideration",
            DataBlock::FindingsByTheme => "Findings by theme (table)",
            DataBlock::ActionPlan => "Action plan (table)",
            DataBlock::Appendices => "Appendices list",
            DataBlock::ContactPoints => "Contact points",
            DataBlock::BackgroundPapers => "Background papers list",
            DataBlock::SinceLastReview => "Since the last review (table)",
        }
    }
}

impl Report {
    /// The section with this template id.
    pub fn section(&self, id: &str) -> Option<&ReportSection> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn section_mut(&mut self, id: &str) -> Option<&mut ReportSection> {
        self.sections.iter_mut().find(|s| s.id == id)
    }

    /// The text of the first paragraphs block of a section: how code and tests reach "the
    /// summary" or "the conclusion" of a report in the seed's layout.
    pub fn text(&self, id: &str) -> &str {
        self.section(id)
            .and_then(|s| {
                s.blocks.iter().find_map(|b| match b {
                    Block::Paragraphs { text, .. } => Some(text.as_str()),
                    _ => None,
                })
            })
            .unwrap_or("")
    }

    /// Mutable [`Self::text`]; adds a paragraphs block (and the section) if there is none.
    pub fn text_mut(&mut self, id: &str) -> &mut String {
        let index = match self.sections.iter().position(|s| s.id == id) {
            Some(i) => i,
            None => {
                self.sections.push(ReportSection { id: id.to_owned(), heading: id.to_owned(), ..Default::default() });
                self.sections.len() - 1
            }
        };
        let section = &mut self.sections[index];
        let at = match section.blocks.iter().position(|b| matches!(b, Block::Paragraphs { .. })) {
            Some(i) => i,
            None => {
                section.blocks.insert(0, Block::paragraphs(""));
                0
            }
        };
        match &mut section.blocks[at] {
            Block::Paragraphs { text, .. } => text,
            _ => unreachable!("position() found a paragraphs block at this index"),
        }
    }

    /// The first lettered or bulleted list of a section (the seed's recommendations are the
    /// "purpose" section's lettered list); adds a lettered list if there is none.
    pub fn list_mut(&mut self, id: &str) -> &mut Vec<String> {
        self.text_mut(id);
        let Some(section) = self.sections.iter_mut().find(|s| s.id == id) else {
            unreachable!("text_mut added the section")
        };
        if !section.blocks.iter().any(|b| matches!(b, Block::Lettered(_) | Block::Bullets(_))) {
            section.blocks.push(Block::Lettered(Vec::new()));
        }
        match section.blocks.iter_mut().find(|b| matches!(b, Block::Lettered(_) | Block::Bullets(_))) {
            Some(Block::Lettered(items) | Block::Bullets(items)) => items,
            _ => unreachable!("a list block was just ensured"),
        }
    }

    /// The reviewers' own words: the first quotation block's text (the dashboard shows it).
    pub fn quotation(&self) -> &str {
        self.find(|b| matches!(b, Block::Quotation { .. }))
            .and_then(|(_, _, b)| match b {
                Block::Quotation { text } => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The first block of a kind anywhere in the report, with its section and block index.
    pub fn find(&self, pred: impl Fn(&Block) -> bool) -> Option<(usize, usize, &Block)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, sec)| sec.blocks.iter().enumerate().find(|(_, b)| pred(b)).map(|(i, b)| (s, i, b)))
    }

    /// True if some section holds this data block.
    pub fn has_data(&self, data: &DataBlock) -> bool {
        self.find(|b| matches!(b, Block::Data(d) if std::mem::discriminant(d) == std::mem::discriminant(data)))
            .is_some()
    }
}

impl ReportSection {
    /// True if the author has written nothing in the section. A section of data blocks alone
    /// (contact points, the appendices list) is never empty: the review's facts fill it.
    pub fn is_empty(&self) -> bool {
        let written: Vec<&Block> = self.blocks.iter().filter(|b| !matches!(b, Block::Data(_))).collect();
        !written.is_empty() && written.iter().all(|b| b.is_empty()) || self.blocks.is_empty()
    }
}

/// How paragraphs are numbered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Numbering {
    /// 1, 2, 3 … through the whole report.
    #[default]
    Continuous,
    /// 1.1, 1.2, 2.1 … restarting in each section.
    BySection,
}

/// A fact printed in the report's header block: "Wards affected: All".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderFact {
    pub label: String,
    #[serde(default)]
    pub value: String,
}

/// The council's house style, copied from the template so the file prints the same anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    /// Printed at the foot of every page's text, e.g. "Harbridge Borough Council – Overview and Scrutiny".
    #[serde(default)]
    pub footer: String,
    /// The council's logo (PNG or SVG, its bytes carried in the file), printed in the report
    /// heading and on a pack's cover. Not written while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

/// Which template a review was made from, so Apply template can update it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRef {
    pub name: String,
    pub version: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_mut_adds_what_is_missing_and_text_reads_it_back() {
        let mut r = Report::default();
        assert_eq!(r.text("summary"), "");
        r.text_mut("summary").push_str("Hello.");
        assert_eq!(r.text("summary"), "Hello.");
        assert_eq!(r.sections.len(), 1);
        r.sections[0].blocks.insert(0, Block::Data(DataBlock::ReviewTeam));
        assert_eq!(r.text("summary"), "Hello.");
    }

    #[test]
    fn emptiness_counts_words_not_blocks() {
        assert!(Block::paragraphs("  \n").is_empty());
        assert!(Block::Implications(Implication::standard()).is_empty());
        assert!(!Block::Data(DataBlock::KeyAreas).is_empty());
        let rec = Block::Recommendations(vec![Recommendation { text: String::new(), sub_items: vec!["x".into()] }]);
        assert!(!rec.is_empty());
    }

    #[test]
    fn has_data_ignores_the_theme_list_intro() {
        let mut r = Report::default();
        r.text_mut("about");
        r.sections[0].blocks.push(Block::Data(DataBlock::ThemeList { intro: "Our themes:".into() }));
        assert!(r.has_data(&DataBlock::ThemeList { intro: String::new() }));
        assert!(!r.has_data(&DataBlock::SinceLastReview));
    }
}

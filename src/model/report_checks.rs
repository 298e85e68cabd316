//! Warnings about the report's sections: required ones left empty, implications with no text.
//! (Placeholders are found in every text by [`super::validate`].)

use super::{Block, DataBlock, Place, Review, Section};

/// Adds the report's warnings through `warn(section, field, message)`.
pub(crate) fn check_report(review: &Review, warn: &mut impl FnMut(Section, &'static str, String)) {
    for (si, section) in review.report.sections.iter().enumerate() {
        if section.required && section.is_empty() {
            warn(
                Section::ReportSection(si),
                "heading",
                format!("The section “{}” is required by the template but is empty", section.heading.trim()),
            );
        }
        for (bi, block) in section.blocks.iter().enumerate() {
            if let Block::Implications(items) = block {
                for (i, imp) in items.iter().enumerate() {
                    if imp.text.trim().is_empty() {
                        warn(
                            Section::ReportItem(si, bi, i),
                            "text",
                            format!(
                                "The {} implications have no text; say “None arising from this report.” if there are none",
                                imp.heading.trim()
                            ),
                        );
                    }
                }
            }
        }
    }
}

impl Review {
    /// The report text at a place from [`Review::texts`] (headings are not body text: `None`).
    pub fn report_text_mut(&mut self, place: &Place) -> Option<&mut String> {
        fn block(r: &mut Review, s: usize, b: usize) -> Option<&mut Block> {
            r.report.sections.get_mut(s)?.blocks.get_mut(b)
        }
        match place.section {
            Section::ReportBlock(s, b) => match block(self, s, b)? {
                Block::Paragraphs { text, .. } | Block::Quotation { text } => Some(text),
                Block::Data(DataBlock::ThemeList { intro }) => Some(intro),
                _ => None,
            },
            Section::ReportItem(s, b, i) => match block(self, s, b)? {
                Block::Bullets(items) | Block::Lettered(items) => items.get_mut(i),
                Block::Recommendations(items) => Some(&mut items.get_mut(i)?.text),
                Block::Implications(items) if place.field == "text" => Some(&mut items.get_mut(i)?.text),
                _ => None,
            },
            Section::ReportSubItem(s, b, i, j) => match block(self, s, b)? {
                Block::Recommendations(items) => items.get_mut(i)?.sub_items.get_mut(j),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The place of a section's heading, for the editor to jump to.
pub fn section_place(index: usize) -> Place {
    Place::new(Section::ReportSection(index), "heading")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Implication, ReportSection};

    fn warnings(review: &Review) -> Vec<String> {
        let mut out = Vec::new();
        check_report(review, &mut |s, f, m| out.push(format!("{}: {m}", Place::new(s, f))));
        out
    }

    #[test]
    fn required_empty_sections_and_blank_implications_are_named() {
        let mut r = Review { report: Default::default(), ..Review::default() };
        r.report.sections.push(ReportSection {
            id: "purpose".into(),
            heading: "Purpose of the report".into(),
            required: true,
            blocks: vec![Block::paragraphs(" ")],
            ..Default::default()
        });
        let mut imps = Implication::standard();
        imps[0].text = "The review cost £4,000.".into();
        r.report.sections.push(ReportSection {
            id: "implications".into(),
            heading: "Implications".into(),
            blocks: vec![Block::Implications(imps)],
            ..Default::default()
        });
        let got = warnings(&r);
        assert_eq!(
            got[0],
            "report.sections[1].heading: The section “Purpose of the report” is required by the template but is empty"
        );
        assert_eq!(got.len(), 1 + 7, "{got:#?}");
        assert!(
            got[1].starts_with("report.sections[2].blocks[1].items[2].text: The Legal implications have no text"),
            "{got:#?}"
        );
        r.report.sections[0].blocks = vec![Block::paragraphs("To note the findings.")];
        assert_eq!(warnings(&r).len(), 7);
    }
}

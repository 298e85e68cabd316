//! The panel briefing for one review, in the order of a council committee report.
//!
//! The report is laid out generically: each of `review.report.sections` is a side heading over
//! blocks, and each block kind has one code path.
//!
//! - this file: the options, the report heading and header facts, the walk over the sections;
//! - [`blocks`]: the grid's primitives: numbered and plain paragraphs, side headings, lists;
//! - [`prose`]: the author's blocks: paragraphs, lists, recommendations, quotation, implications;
//! - [`data`]: data blocks that print the review's facts (themes, team, contacts…);
//! - [`findings`]: key findings, the findings-by-theme table and the action plan;
//! - [`since_last`]: the findings against the previous review's (recurring, new, not raised again);
//! - [`charts`]: the opt-in charts (findings by theme; the action plan by status);
//! - [`back_matter`]: contact points, appendices and the notices that replace exempt ones.

mod back_matter;
mod blocks;
mod charts;
mod data;
mod findings;
mod prose;
mod since_last;

pub(crate) use back_matter::exempt_notice;

use super::compose::{
    BODY_BOTTOM, Block as Placed, CONTENT_WIDTH, Composer, MARGIN_LEFT, NOT_FOR_PUBLICATION, Running, Style,
};
use super::logo;
use super::page::{Layout, MM};
use super::tags::Role;
use crate::model::{Block, DataBlock, Numbering, ProtectiveMarking, Review};

/// Whether exempt information (Schedule 12A) is printed or withheld.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    /// For publication: exempt text is replaced by notice pages of the same length.
    #[default]
    Public,
    /// For members and officers only: everything is printed.
    Private,
}

/// Choices for printing a briefing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BriefingOptions {
    /// Overrides the review's own protective marking.
    pub marking: Option<ProtectiveMarking>,
    /// Adds the action plan as a final appendix.
    pub action_plan: bool,
    pub visibility: Visibility,
    /// The previous review the review names (loaded by the caller through `store`), or why it
    /// could not be read: adds "Since the Last Review" after the findings. `None`: no section.
    pub previous: Option<Result<Box<Review>, String>>,
    /// Adds the charts (strengths and areas by theme; the action plan by status), each with its
    /// text equivalent. Off by default, so a briefing prints as it always has.
    pub charts: bool,
}

/// Lays out the panel briefing for one review.
pub fn lay_out_briefing(review: &Review, options: &BriefingOptions) -> Layout {
    let marking = options.marking.unwrap_or(review.marking);
    let mut c = Composer::new(Running { marking, meeting: String::new() });
    // The council's house style footer, when it has one, stands in for the meeting line.
    let footer = review.house_style.footer.trim();
    let meeting = if footer.is_empty() { review.meeting_line() } else { footer.to_owned() };
    let meeting = c.clean(&meeting);
    c.set_running(Running { marking, meeting });
    c.new_page();
    c.tagged(Role::Sect, |c| write_report(c, review, options, None));
    let mut title = c.clean(&review.title);
    let author = c.clean(&review.council);
    let mut subject = c.clean(&format!("Panel briefing: {}", review.meeting_line()));
    if options.visibility == Visibility::Private {
        // Every page says so (in the running header), and so does the reader's title bar.
        c.mark_not_for_publication();
        title = format!("{title} – {NOT_FOR_PUBLICATION}");
        subject = format!("{subject} (private copy with exempt information: {NOT_FOR_PUBLICATION})");
    }
    c.finish(title, author, subject)
}

/// Writes a report into a composer (used by briefings and by packs). `item` is the agenda item
/// number inside a pack.
pub(crate) fn write_report(c: &mut Composer, review: &Review, options: &BriefingOptions, item: Option<&str>) {
    c.paragraph = 0;
    let mut w = Writer::new(c);
    w.numbering = review.numbering;
    w.header_block(review, item);
    w.sections(review, options);
    w.flush();
}

pub(crate) struct Writer<'a> {
    pub(crate) c: &'a mut Composer,
    /// A side heading waiting for the next paragraph.
    side: Option<String>,
    /// A lead-in paragraph held back to stay with what follows.
    pending: Option<Placed>,
    numbering: Numbering,
    /// Sections that have printed a numbered paragraph (the "2" of "2.3" when numbering by section).
    numbered_sections: u32,
    /// Whether the current section has printed a numbered paragraph yet, and how many.
    in_section: Option<u32>,
}

impl Writer<'_> {
    pub(crate) fn new(c: &mut Composer) -> Writer<'_> {
        Writer {
            c,
            side: None,
            pending: None,
            numbering: Numbering::Continuous,
            numbered_sections: 0,
            in_section: None,
        }
    }

    fn header_block(&mut self, review: &Review, item: Option<&str>) {
        let c = &mut *self.c;
        c.place = "Report heading".into();
        // The logo sits at the top right; the heading's lines keep clear of it.
        let mut width = CONTENT_WIDTH;
        let mut logo_bottom = None;
        if let Some(art) = logo::artwork(c, review.logo()) {
            if c.y + logo::HEADING_HEIGHT > BODY_BOTTOM {
                c.new_page();
            }
            let top = c.y;
            let (w, h) = logo::place_in_heading(c, art, top);
            width = CONTENT_WIDTH - w - logo::HEADING_GAP;
            logo_bottom = Some((c.page_index(), top + h));
        }
        let lines = c.wrap(&review.council, Style::BOLD.sized(14.0), MARGIN_LEFT, width, 0.0, 0.0);
        let mut lines = c.as_role(Role::P, lines);
        let panel = c.wrap(&review.meeting.panel, Style::BODY.sized(12.0), MARGIN_LEFT, width, 0.0, 0.0);
        lines.extend(c.as_role(Role::P, panel));
        if let Some(date) = review.meeting.date {
            let date = c.wrap(&date.to_string(), Style::BODY.sized(12.0), MARGIN_LEFT, width, 0.0, 0.0);
            lines.extend(c.as_role(Role::P, date));
        }
        let agenda = item.map(str::to_owned).unwrap_or_else(|| review.meeting.agenda_item.clone());
        if !agenda.trim().is_empty() {
            let agenda =
                c.wrap(&format!("Agenda item {agenda}"), Style::BODY.sized(12.0), MARGIN_LEFT, width, 0.0, 0.0);
            lines.extend(c.as_role(Role::P, agenda));
        }
        c.place_together(lines);
        if let Some((page, bottom)) = logo_bottom
            && page == c.page_index()
        {
            c.y = c.y.max(bottom);
        }
        c.gap(6.0 * MM);
        let title = review.title.to_uppercase();
        let lines = c.wrap(&title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let mut lines = c.as_role(Role::H1, lines);
        if !review.report_of.trim().is_empty() {
            let report_of = c.wrap(
                &format!("Report of the {}", review.report_of.trim_start_matches("the ").trim_start_matches("The ")),
                Style::ITALIC,
                MARGIN_LEFT,
                CONTENT_WIDTH,
                0.0,
                0.0,
            );
            lines.extend(c.as_role(Role::P, report_of));
        }
        for fact in review.header_facts.iter().filter(|f| !f.label.trim().is_empty()) {
            let value = if fact.value.trim().is_empty() { "Not stated" } else { fact.value.trim() };
            let fact =
                c.wrap(&format!("{}: {value}", fact.label.trim()), Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            lines.extend(c.as_role(Role::P, fact));
        }
        c.place_together(lines);
        c.gap(3.0 * MM);
        c.full_width_rule();
        c.gap(5.0 * MM);
    }

    /// Every section in order, then the appendices' own pages. A section's side heading prints
    /// with its first block that prints anything; a section where nothing prints leaves no trace.
    fn sections(&mut self, review: &Review, options: &BriefingOptions) {
        let action_plan = options.action_plan && !review.action_plan.is_empty();
        // A review without a "Since the last review" block still gets the table after its findings.
        let since_after = match &options.previous {
            Some(_) if !review.report.has_data(&DataBlock::SinceLastReview) => review
                .report
                .sections
                .iter()
                .rposition(|s| s.blocks.iter().any(|b| matches!(b, Block::Data(DataBlock::FindingsByTheme))))
                .or(review.report.sections.len().checked_sub(1)),
            _ => None,
        };
        for (i, section) in review.report.sections.iter().enumerate() {
            self.start_section(&section.heading);
            self.in_section = None;
            self.c.place = section.heading.clone();
            for block in &section.blocks {
                self.block(review, options, block, action_plan);
            }
            self.side = None;
            if since_after == Some(i)
                && let Some(previous) = &options.previous
            {
                self.start_section("Since the Last Review");
                self.in_section = None;
                self.since_last(review, previous);
            }
        }
        for (i, a) in review.appendices.iter().enumerate().filter(|(_, a)| !a.body.trim().is_empty()) {
            self.appendix(i + 1, a, options.visibility);
        }
        if action_plan {
            self.action_plan(&review.action_plan, review.appendices.len() + 1, options.charts);
        }
    }

    /// One block: one code path per kind.
    fn block(&mut self, review: &Review, options: &BriefingOptions, block: &Block, action_plan: bool) {
        match block {
            Block::Paragraphs { text, numbered } => self.paragraphs_block(text, *numbered),
            Block::Bullets(items) => self.bullets(items),
            Block::Lettered(items) => self.lettered(items),
            Block::Recommendations(items) => self.recommendations(items),
            Block::Quotation { text } => self.quotation(text),
            Block::Implications(items) => self.implications(items),
            Block::Data(data) => self.data(review, options, data, action_plan),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(layout: &Layout) -> String {
        layout.pages.iter().flat_map(|p| p.texts()).map(|t| t.text.clone()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn numbering_by_section_restarts_in_each_section_that_has_numbers() {
        let mut r = Review { numbering: Numbering::BySection, themes: Vec::new(), ..Review::default() };
        *r.report.text_mut("summary") = "One.\n\nTwo.".into();
        *r.report.text_mut("conclusion") = "Three.".into();
        let text = words(&lay_out_briefing(&r, &BriefingOptions::default()));
        for n in ["1.1 One.", "1.2 Two.", "2.1 Three."] {
            let (number, word) = n.split_once(' ').unwrap_or_default();
            let at = text.find(number).unwrap_or_else(|| panic!("{number} not in {text}"));
            assert!(text[at..].starts_with(&format!("{number} {word}")), "{n}: {text}");
        }
    }

    #[test]
    fn without_its_block_the_previous_review_still_follows_the_findings() {
        let mut r = Review::default();
        r.findings.push(crate::model::Finding::new(crate::model::FindingKind::Strength, "Good.", "vision", true));
        r.report.sections.retain(|s| s.id != "since_last");
        *r.report.text_mut("conclusion") = "The end.".into();
        let options = BriefingOptions { previous: Some(Err("it was not found".into())), ..BriefingOptions::default() };
        let text = words(&lay_out_briefing(&r, &options));
        let since = text.find("Since the Last Review").unwrap_or_else(|| panic!("{text}"));
        assert!(text.find("Findings").is_some_and(|f| f < since), "{text}");
        assert!(text.find("The end.").is_some_and(|c| c > since), "{text}");
    }
}

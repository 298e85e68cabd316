//! The panel briefing for one review, in the order of a council committee report.
//!
//! - this file: the options, the report heading and the order of its sections;
//! - [`blocks`]: numbered and plain paragraphs, side headings, bulleted and lettered lists;
//! - [`findings`]: key findings, the findings-by-theme table and the action plan;
//! - [`since_last`]: the findings against the previous review's (recurring, new, not raised again);
//! - [`charts`]: the opt-in charts (findings by theme; the action plan by status);
//! - [`back_matter`]: contact points, appendices and the notices that replace exempt ones.

mod back_matter;
mod blocks;
mod charts;
mod findings;
mod since_last;

pub(crate) use back_matter::exempt_notice;

use super::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, NOT_FOR_PUBLICATION, Running, Style};
use super::page::{Layout, MM};
use crate::model::{Appendix, ProtectiveMarking, Review, paragraphs};

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
    let meeting = c.clean(&review.meeting_line());
    c.set_running(Running { marking, meeting });
    c.new_page();
    write_report(&mut c, review, options, None);
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
    w.header_block(review, item);
    w.sections(review, options);
    w.flush();
}

pub(crate) struct Writer<'a> {
    pub(crate) c: &'a mut Composer,
    /// A side heading waiting for the next paragraph.
    side: Option<String>,
    /// A lead-in paragraph held back to stay with what follows.
    pending: Option<Block>,
}

impl Writer<'_> {
    pub(crate) fn new(c: &mut Composer) -> Writer<'_> {
        Writer { c, side: None, pending: None }
    }

    fn header_block(&mut self, review: &Review, item: Option<&str>) {
        let c = &mut *self.c;
        c.place = "Report heading".into();
        let mut lines = c.wrap(&review.council, Style::BOLD.sized(14.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        lines.extend(c.wrap(&review.meeting.panel, Style::BODY.sized(12.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0));
        if let Some(date) = review.meeting.date {
            lines.extend(c.wrap(&date.to_string(), Style::BODY.sized(12.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0));
        }
        let agenda = item.map(str::to_owned).unwrap_or_else(|| review.meeting.agenda_item.clone());
        if !agenda.trim().is_empty() {
            lines.extend(c.wrap(
                &format!("Agenda item {agenda}"),
                Style::BODY.sized(12.0),
                MARGIN_LEFT,
                CONTENT_WIDTH,
                0.0,
                0.0,
            ));
        }
        c.place_together(lines);
        c.gap(6.0 * MM);
        let title = review.title.to_uppercase();
        let mut lines = c.wrap(&title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        if !review.report_of.trim().is_empty() {
            lines.extend(c.wrap(
                &format!("Report of the {}", review.report_of.trim_start_matches("the ").trim_start_matches("The ")),
                Style::ITALIC,
                MARGIN_LEFT,
                CONTENT_WIDTH,
                0.0,
                0.0,
            ));
        }
        c.place_together(lines);
        c.gap(3.0 * MM);
        c.full_width_rule();
        c.gap(5.0 * MM);
    }

    fn sections(&mut self, review: &Review, options: &BriefingOptions) {
        self.section("Summary", &review.summary);
        self.section("Background", &review.background);
        let about = if review.subject.trim().is_empty() {
            "What is a peer review?".to_owned()
        } else {
            format!("What is a {}?", review.subject.trim().to_lowercase())
        };
        let about = if about.len() > 60 { "What is a peer review?".to_owned() } else { about };
        self.section(&about, &review.about_peer_review);
        if !review.themes.is_empty() {
            if paragraphs(&review.about_peer_review).is_empty() {
                self.start_section("Themes");
            }
            self.c.place = "Themes".into();
            let intro = if review.themes_intro.trim().is_empty() {
                "The review looked at these themes:"
            } else {
                &review.themes_intro
            };
            self.numbered(intro);
            let labels: Vec<String> = review.themes.iter().map(|t| t.label.clone()).collect();
            self.bullets(&labels);
        }
        if !review.focus_questions.is_empty() || !review.focus_intro.trim().is_empty() {
            self.start_section(&format!("{} themes", short_council(&review.council)));
            self.c.place = "Focus questions".into();
            for p in paragraphs(&review.focus_intro) {
                self.numbered(&p);
            }
            self.bullets(&review.focus_questions);
        }
        if !review.team.is_empty() || !review.team_intro.trim().is_empty() || !review.method.trim().is_empty() {
            self.start_section("Who conducted the review?");
            self.c.place = "Review team".into();
            for p in paragraphs(&review.team_intro) {
                self.numbered(&p);
            }
            let team: Vec<String> = review.team.iter().map(|m| m.line()).collect();
            self.bullets(&team);
            for p in paragraphs(&review.method) {
                self.numbered(&p);
            }
        }
        self.findings(review, options.charts);
        if let Some(previous) = &options.previous {
            self.since_last(review, previous);
        }
        self.section("Conclusion", &review.conclusion);
        if !review.purpose.trim().is_empty() || !review.recommendations.is_empty() {
            self.start_section("Purpose of the Meeting");
            self.c.place = "Purpose of the meeting".into();
            for p in paragraphs(&review.purpose) {
                self.numbered(&p);
            }
            if !review.recommendations.is_empty() {
                let items: Vec<String> = review.recommendations.clone();
                self.lettered(&items);
            }
        }
        let with_body: Vec<(usize, &Appendix)> =
            review.appendices.iter().enumerate().filter(|(_, a)| !a.body.trim().is_empty()).collect();
        let action_plan = options.action_plan && !review.action_plan.is_empty();
        if !review.appendices.is_empty() || action_plan {
            self.start_section("Supporting Information");
            self.c.place = "Supporting information".into();
            let mut list: Vec<String> = review
                .appendices
                .iter()
                .enumerate()
                .map(|(i, a)| match a.exempt {
                    Some(p) => format!(
                        "Appendix {} – {} (exempt: not for publication by virtue of paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972)",
                        i + 1,
                        a.title,
                        p.number()
                    ),
                    None => format!("Appendix {} – {}", i + 1, a.title),
                })
                .collect();
            if action_plan {
                list.push(format!("Appendix {} – Action plan", review.appendices.len() + 1));
            }
            self.numbered("The following appendices are attached to this report:");
            self.bullets(&list);
        }
        self.contacts(review);
        if !review.background_papers_statement.trim().is_empty() || !review.background_papers.is_empty() {
            self.start_section("Background Papers");
            self.c.place = "Background papers".into();
            for p in paragraphs(&review.background_papers_statement) {
                self.plain(&p);
            }
            let papers: Vec<String> = review
                .background_papers
                .iter()
                .map(|p| match &p.url {
                    Some(u) => format!("{} ({u})", p.text),
                    None => p.text.clone(),
                })
                .collect();
            self.bullets(&papers);
        }
        for (i, a) in with_body {
            self.appendix(i + 1, a, options.visibility);
        }
        if action_plan {
            self.action_plan(&review.action_plan, review.appendices.len() + 1, options.charts);
        }
    }
}

/// "Worcestershire" from "Worcestershire County Council", for the seed's "Worcestershire themes".
fn short_council(council: &str) -> String {
    let trimmed = council.trim();
    for suffix in [
        " County Borough Council",
        " Metropolitan Borough Council",
        " County Council",
        " City Council",
        " Borough Council",
        " District Council",
        " Council",
    ] {
        if let Some(s) = trimmed.strip_suffix(suffix) {
            return s.to_owned();
        }
    }
    if trimmed.is_empty() { "Council".to_owned() } else { trimmed.to_owned() }
}

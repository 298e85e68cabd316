//! The panel briefing for one review, in the order of a council committee report.

use super::compose::{
    Block, CONTENT_WIDTH, CellPara, Column, Composer, Line, MARGIN_LEFT, NUMBER_INDENT, Row, Running, SIDE_COLUMN,
    Style, TEXT_WIDTH, TEXT_X, run, wrap_clean,
};
use super::fonts::FontStyle;
use super::page::{Colour, Layout, MM};
use crate::model::{Appendix, ExemptParagraph, FindingKind, ProtectiveMarking, Review, paragraphs};

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
}

/// Lays out the panel briefing for one review.
pub fn lay_out_briefing(review: &Review, options: &BriefingOptions) -> Layout {
    let marking = options.marking.unwrap_or(review.marking);
    let mut c = Composer::new(Running { marking, meeting: String::new() });
    let meeting = c.clean(&review.meeting_line());
    c.set_running(Running { marking, meeting });
    c.new_page();
    write_report(&mut c, review, options, None);
    let title = c.clean(&review.title);
    let author = c.clean(&review.council);
    let subject = c.clean(&format!("Panel briefing: {}", review.meeting_line()));
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
    pub c: &'a mut Composer,
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
        self.findings(review);
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
        let action_plan = options.action_plan && review.findings.iter().any(|f| f.action.is_some());
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
            self.action_plan(review, review.appendices.len() + 1);
        }
    }

    fn start_section(&mut self, heading: &str) {
        self.side = Some(heading.to_owned());
    }

    /// A section: side heading plus numbered paragraphs; nothing if the text is empty.
    fn section(&mut self, heading: &str, text: &str) {
        let paras = paragraphs(text);
        if paras.is_empty() {
            return;
        }
        self.start_section(heading);
        self.c.place = heading.to_owned();
        for p in paras {
            self.numbered(&p);
        }
    }

    fn take_side(&mut self) -> (Vec<Line>, Option<(String, u8)>) {
        match self.side.take() {
            Some(h) => {
                let lines = self.c.wrap(&h, Style::BOLD, MARGIN_LEFT, SIDE_COLUMN - 4.0 * MM, 0.0, 0.0);
                let title = self.c.clean(&h);
                (lines, Some((title, 0)))
            }
            None => (Vec::new(), None),
        }
    }

    /// A numbered paragraph: "12." in the text column, text hanging after it.
    pub(crate) fn numbered(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.c.paragraph += 1;
        let number = format!("{}.", self.c.paragraph);
        let mut lines = self.c.wrap(text, Style::BODY, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        if let Some(first) = lines.first_mut() {
            let baseline = first.runs.first().map_or(0.0, |r| r.y);
            first.runs.insert(0, run(&number, Style::BODY, TEXT_X, baseline));
        }
        let (side, outline) = self.take_side();
        let lead_in = text.trim_end().ends_with(':');
        self.emit(Block { side, lines, keep_first: 2, space_before: 3.0 * MM, outline }, lead_in);
    }

    /// Places a block, or holds it back to keep it with the next one (a lead-in ending in ":").
    fn emit(&mut self, block: Block, keep_with_next: bool) {
        let block = match self.pending.take() {
            Some(mut first) => {
                let own = first.lines.len();
                first.lines.push(Line { runs: Vec::new(), height: block.space_before });
                first.keep_first = own + 1 + block.keep_first.max(2).min(block.lines.len());
                first.lines.extend(block.lines);
                first
            }
            None => block,
        };
        if keep_with_next {
            self.pending = Some(block);
        } else {
            self.c.place(block);
        }
    }

    /// Places anything held back by [`Self::emit`].
    pub(crate) fn flush(&mut self) {
        if let Some(block) = self.pending.take() {
            self.c.place(block);
        }
    }

    /// An unnumbered paragraph in the text column.
    pub(crate) fn plain(&mut self, text: &str) {
        self.plain_styled(text, Style::BODY, 3.0 * MM);
    }

    /// An unnumbered paragraph aligned with numbered paragraphs' text. Bold text is a subheading
    /// and, like a lead-in ending in ":", stays with what follows.
    fn plain_styled(&mut self, text: &str, style: Style, space_before: f32) {
        if text.trim().is_empty() {
            return;
        }
        let lines = self.c.wrap(text, style, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        let (side, outline) = self.take_side();
        let keep_with_next = text.trim_end().ends_with(':') || style.style == FontStyle::Bold;
        self.emit(Block { side, lines, keep_first: 2, space_before, outline }, keep_with_next);
    }

    /// A subheading in the text column, kept with the first two lines that follow.
    fn subheading_then_bullets(&mut self, heading: &str, items: &[String]) {
        let head = self.c.wrap(heading, Style::BOLD, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        self.list(items, |_| "•".to_owned(), Some(head));
    }

    pub(crate) fn bullets(&mut self, items: &[String]) {
        self.list(items, |_| "•".to_owned(), None);
    }

    fn lettered(&mut self, items: &[String]) {
        self.list(items, |i| format!("({})", char::from(b'a' + (i % 26) as u8)), None);
    }

    /// A list with hanging indents; `lead` lines (a subheading) stay with the first item.
    fn list(&mut self, items: &[String], marker: impl Fn(usize) -> String, lead: Option<Vec<Line>>) {
        let mut lead = lead;
        let hang = 6.0 * MM;
        for (i, text) in items.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let x = TEXT_X + NUMBER_INDENT;
            let mut lines = self.c.wrap(text, Style::BODY, x, TEXT_WIDTH - NUMBER_INDENT, hang, hang);
            if let Some(first) = lines.first_mut() {
                let baseline = first.runs.first().map_or(0.0, |r| r.y);
                first.runs.insert(0, run(&marker(i), Style::BODY, x, baseline));
            }
            let mut keep = 2;
            if let Some(head) = lead.take() {
                keep += head.len();
                let mut all = head;
                all.push(Line { runs: Vec::new(), height: 1.5 * MM });
                keep += 1;
                all.extend(lines);
                lines = all;
            }
            let (side, outline) = self.take_side();
            self.emit(Block { side, lines, keep_first: keep, space_before: 1.5 * MM, outline }, false);
        }
    }

    fn findings(&mut self, review: &Review) {
        let has = !review.findings.is_empty()
            || !review.findings_summary.trim().is_empty()
            || !review.findings_intro.trim().is_empty();
        if !has {
            return;
        }
        self.start_section("Findings");
        self.c.place = "Findings".into();
        for p in paragraphs(&review.findings_intro) {
            self.numbered(&p);
        }
        for p in paragraphs(&review.findings_summary) {
            self.plain_styled(&p, Style::ITALIC, 3.0 * MM);
        }
        for p in paragraphs(&review.findings_note) {
            self.numbered(&p);
        }
        for kind in [FindingKind::Strength, FindingKind::AreaForConsideration] {
            let key: Vec<String> = review.findings_of(kind, true).map(|(_, f)| f.text.clone()).collect();
            if !key.is_empty() {
                self.c.place = kind.key_heading().to_owned();
                self.subheading_then_bullets(kind.key_heading(), &key);
            }
        }
        if review.findings.is_empty() {
            return;
        }
        self.c.place = "Findings by theme".into();
        self.numbered("The table below sets out all of the review’s findings by theme.");
        self.c.gap(3.0 * MM);
        let half = CONTENT_WIDTH / 2.0;
        let columns = [
            Column { header: "Strengths".into(), width: half },
            Column { header: "Areas for consideration".into(), width: CONTENT_WIDTH - half },
        ];
        let mut rows = Vec::new();
        let mut ids: Vec<&str> = review.themes.iter().map(|t| t.id.as_str()).collect();
        for f in &review.findings {
            for t in &f.themes {
                if !ids.contains(&t.as_str()) {
                    ids.push(t);
                }
            }
        }
        let cell = |kind: FindingKind, id: Option<&str>| -> Vec<CellPara> {
            review
                .findings
                .iter()
                .filter(|f| f.kind == kind)
                .filter(|f| match id {
                    Some(id) => f.themes.first().is_some_and(|t| t == id),
                    None => f.themes.is_empty(),
                })
                .map(|f| CellPara { text: f.text.clone(), bullet: true })
                .collect()
        };
        let mut push_theme = |label: &str, id: Option<&str>| {
            let s = cell(FindingKind::Strength, id);
            let a = cell(FindingKind::AreaForConsideration, id);
            if s.is_empty() && a.is_empty() {
                return;
            }
            rows.push(Row::Band(label.to_owned()));
            rows.push(Row::Cells(vec![s, a]));
        };
        for id in &ids {
            push_theme(review.theme_label(id), Some(id));
        }
        push_theme("No theme given", None);
        self.flush();
        self.c.table(&columns, &rows, "Findings by theme");
        self.c.gap(2.0 * MM);
    }

    fn contacts(&mut self, review: &Review) {
        let cp = &review.contacts;
        if cp.general.is_empty() && cp.officers.is_empty() {
            return;
        }
        self.start_section("Contact Points");
        self.c.place = "Contact points".into();
        if !cp.general_heading.trim().is_empty() {
            self.plain_styled(&cp.general_heading, Style::BOLD, 3.0 * MM);
        }
        for l in &cp.general {
            self.plain_styled(&format!("{}: {}", l.label, l.value), Style::BODY, 1.0 * MM);
        }
        if !cp.officers.is_empty() {
            self.plain_styled("Specific Contact Points for this report", Style::BOLD, 4.0 * MM);
            for o in &cp.officers {
                let mut text = format!("{}, {}", o.name, o.job_title);
                if !o.phone.trim().is_empty() {
                    text.push_str(&format!(". Tel: {}", o.phone));
                }
                if !o.email.trim().is_empty() {
                    text.push_str(&format!(". Email: {}", o.email));
                }
                self.plain_styled(&text, Style::BODY, 1.0 * MM);
            }
        }
    }

    fn appendix_heading(&mut self, title: &str) {
        self.flush();
        self.c.fresh_page();
        self.c.place = title.to_owned();
        let lines = self.c.wrap(title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let keep = lines.len();
        let t = self.c.clean(title);
        self.c.place(Block { lines, keep_first: keep, outline: Some((t, 0)), ..Block::default() });
        self.c.gap(3.0 * MM);
    }

    fn appendix(&mut self, number: usize, a: &Appendix, visibility: Visibility) {
        self.flush();
        let title = format!("Appendix {number}: {}", a.title);
        match (a.exempt, visibility) {
            (Some(paragraph), Visibility::Public) => {
                // Measure the private version on a scratch composer, then print notices instead.
                let mut scratch = self.c.scratch();
                let mut w = Writer::new(&mut scratch);
                w.appendix_body(&title, a);
                let pages = scratch.pages.len();
                exempt_notice(self.c, &title, paragraph, pages);
            }
            _ => self.appendix_body(&title, a),
        }
    }

    fn appendix_body(&mut self, title: &str, a: &Appendix) {
        self.appendix_heading(title);
        if let Some(p) = a.exempt {
            let notice = format!(
                "NOT FOR PUBLICATION by virtue of paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972: {}.",
                p.number(),
                p.description()
            );
            self.c.place = title.to_owned();
            let lines = self.c.wrap(&notice, Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            self.c.place(Block { lines, keep_first: 2, ..Block::default() });
        }
        for p in paragraphs(&a.body) {
            let lines = self.c.wrap(&p, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            self.c.place(Block { lines, keep_first: 2, space_before: 3.0 * MM, ..Block::default() });
        }
    }

    fn action_plan(&mut self, review: &Review, number: usize) {
        self.appendix_heading(&format!("Appendix {number}: Action plan"));
        let w = CONTENT_WIDTH;
        let columns = [
            Column { header: "Area for consideration".into(), width: w * 0.30 },
            Column { header: "Action".into(), width: w * 0.30 },
            Column { header: "Owner".into(), width: w * 0.16 },
            Column { header: "Due".into(), width: w * 0.12 },
            Column { header: "Status (RAG)".into(), width: w * 0.12 },
        ];
        let para = |t: &str| vec![CellPara { text: t.to_owned(), bullet: false }];
        let mut rows = Vec::new();
        for id in review.themes.iter().map(|t| Some(t.id.as_str())).chain([None]) {
            let entries: Vec<_> = review
                .findings_of(FindingKind::AreaForConsideration, false)
                .filter(|(_, f)| match id {
                    Some(id) => f.themes.first().is_some_and(|t| t == id),
                    None => f.themes.first().is_none_or(|t| review.theme(t).is_none()),
                })
                .filter_map(|(_, f)| f.action.as_ref().map(|a| (f, a)))
                .collect();
            if entries.is_empty() {
                continue;
            }
            rows.push(Row::Band(id.map_or("Other", |id| review.theme_label(id)).to_owned()));
            for (f, a) in entries {
                let mut action = para(&a.action);
                if !a.progress.trim().is_empty() {
                    action.push(CellPara { text: format!("Progress: {}", a.progress), bullet: false });
                }
                rows.push(Row::Cells(vec![
                    para(&f.text),
                    action,
                    para(&a.owner),
                    para(&a.due.map_or_else(|| "Not set".to_owned(), |d| d.to_string())),
                    para(a.status.label()),
                ]));
            }
        }
        self.c.table(&columns, &rows, "Action plan");
    }
}

/// Replaces exempt content by a notice, padded with blank pages to `pages` so public and
/// private packs are numbered alike.
pub(crate) fn exempt_notice(c: &mut Composer, title: &str, paragraph: ExemptParagraph, pages: usize) {
    c.fresh_page();
    let start = c.page_index();
    c.place = title.to_owned();
    let t = c.clean(title);
    let lines = c.wrap(title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let keep = lines.len();
    c.place(Block { lines, keep_first: keep, outline: Some((t, 0)), ..Block::default() });
    let text = format!(
        "This item is not for publication by virtue of paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972 ({}). It is included in the private papers for members of the committee only.",
        paragraph.number(),
        paragraph.description()
    );
    let lines = c.wrap(&text, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    c.place(Block { lines, keep_first: 2, space_before: 4.0 * MM, ..Block::default() });
    if pages > 1 {
        let more = format!("The exempt information fills {pages} pages; they are withheld from this public copy.");
        let lines = c.wrap(&more, Style::ITALIC, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        c.place(Block { lines, keep_first: 2, space_before: 3.0 * MM, ..Block::default() });
    }
    while c.page_index() + 1 < start + pages.max(1) {
        c.new_page();
        let line = wrap_clean(
            "This page is intentionally left blank: exempt information withheld.",
            Style::ITALIC.with_colour(Colour::MUTED),
            MARGIN_LEFT,
            CONTENT_WIDTH,
            0.0,
            0.0,
        );
        c.place(Block { lines: line, keep_first: 1, ..Block::default() });
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

//! Back matter: contact points, appendices, and the notices that replace exempt appendices and
//! items in public papers.

use super::{Visibility, Writer};
use crate::briefing::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, Style, wrap_clean};
use crate::briefing::page::{Colour, MM};
use crate::briefing::tags::Role;
use crate::model::{Appendix, ExemptParagraph, Review, paragraphs};

impl Writer<'_> {
    pub(super) fn contacts(&mut self, review: &Review) {
        let cp = &review.contacts;
        if cp.general.is_empty() && cp.officers.is_empty() {
            return;
        }
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

    pub(super) fn appendix_heading(&mut self, title: &str) {
        self.flush();
        self.c.fresh_page();
        self.c.place = title.to_owned();
        let lines = self.c.wrap(title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = self.c.as_role(Role::H2, lines);
        let keep = lines.len();
        let t = self.c.clean(title);
        self.c.place(Block { lines, keep_first: keep, outline: Some((t, 0)), ..Block::default() });
        self.c.gap(3.0 * MM);
    }

    pub(super) fn appendix(&mut self, number: usize, a: &Appendix, visibility: Visibility) {
        self.flush();
        let title = format!("Appendix {number}: {}", a.title);
        match (a.exempt, visibility) {
            (Some(paragraph), Visibility::Public) => {
                // Measure the private version on a scratch composer, then print notices instead.
                let mut scratch = self.c.scratch();
                let mut w = Writer::new(&mut scratch);
                w.appendix_body(&title, a);
                let pages = scratch.pages.len();
                exempt_notice(self.c, &title, paragraph, pages, Role::H2);
            }
            _ => self.appendix_body(&title, a),
        }
    }

    pub(super) fn appendix_body(&mut self, title: &str, a: &Appendix) {
        self.appendix_heading(title);
        if let Some(p) = a.exempt {
            let notice = format!(
                "NOT FOR PUBLICATION by virtue of paragraph {} of {} of Schedule 12A to the Local Government Act 1972: {}.",
                p.number(),
                p.part(),
                p.description()
            );
            self.c.place = title.to_owned();
            let lines = self.c.wrap(&notice, Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            let lines = self.c.as_role(Role::P, lines);
            self.c.place(Block { lines, keep_first: 2, ..Block::default() });
        }
        for p in paragraphs(&a.body) {
            let lines = self.c.wrap(&p, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            let lines = self.c.as_role(Role::P, lines);
            self.c.place(Block { lines, keep_first: 2, space_before: 3.0 * MM, ..Block::default() });
        }
    }
}

/// Replaces exempt content by a notice, padded with blank pages to `pages` so public and
/// private packs are numbered alike. `heading` is the title's level (H1 for a pack's item, H2
/// for an appendix).
pub(crate) fn exempt_notice(c: &mut Composer, title: &str, paragraph: ExemptParagraph, pages: usize, heading: Role) {
    c.fresh_page();
    let start = c.page_index();
    c.place = title.to_owned();
    let t = c.clean(title);
    let lines = c.wrap(title, Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let lines = c.as_role(heading, lines);
    let keep = lines.len();
    c.place(Block { lines, keep_first: keep, outline: Some((t, 0)), ..Block::default() });
    let text = format!(
        "This item is not for publication by virtue of paragraph {} of {} of Schedule 12A to the Local Government Act 1972 ({}). It is included in the private papers for members of the committee only.",
        paragraph.number(),
        paragraph.part(),
        paragraph.description()
    );
    let lines = c.wrap(&text, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let lines = c.as_role(Role::P, lines);
    c.place(Block { lines, keep_first: 2, space_before: 4.0 * MM, ..Block::default() });
    if pages > 1 {
        let more = format!("The exempt information fills {pages} pages; they are withheld from this public copy.");
        let lines = c.wrap(&more, Style::ITALIC, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::P, lines);
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
        let line = c.as_role(Role::P, line);
        c.place(Block { lines: line, keep_first: 1, ..Block::default() });
    }
}

//! Page finishing: the running header and footer (protective marking, meeting, "Page X of Y")
//! added to every page once the page count is known.

use super::text::{Style, fit_with_ellipsis, run};
use super::{ASCENT, CONTENT_WIDTH, Composer, DESCENT, MARGIN_LEFT, MARGIN_RIGHT, Running};
use crate::briefing::fonts::{FontStyle, Fonts};
use crate::briefing::page::{Colour, Item, Layout, MM, PAGE_HEIGHT, PAGE_WIDTH, Page};
use crate::briefing::tags::{Artifact, Tag};

impl Composer {
    /// Adds the header and footer to every page and returns the finished layout.
    pub(crate) fn finish(mut self, title: String, author: String, subject: String) -> Layout {
        let total = self.pages.len();
        for (i, (page, running)) in self.pages.iter_mut().zip(&self.running).enumerate() {
            decorate(page, running, i + 1, total);
            if self.not_for_publication {
                stamp(page);
            }
        }
        Layout {
            pages: self.pages,
            outline: self.outline,
            warnings: self.warnings,
            title,
            author,
            subject,
            structure: self.structure,
            untagged: self.untagged,
        }
    }
}

/// Header and footer: marking centred top and bottom, meeting on the left, "Page X of Y" on the right.
fn decorate(page: &mut Page, running: &Running, number: usize, total: usize) {
    let fonts = Fonts::get();
    let marking = running.marking.label();
    let bold = Style::BOLD.sized(10.0);
    let small = Style::BODY.sized(8.5).with_colour(Colour::MUTED);
    let mw = fonts.width(FontStyle::Bold, 10.0, marking);
    let centre = (PAGE_WIDTH - mw) / 2.0;
    let (header, footer) = (Tag::Artifact(Artifact::Header), Tag::Artifact(Artifact::Footer));
    page.push(Item::Text(run(marking, bold, centre, 12.0 * MM)), header);
    page.push(Item::Text(run(marking, bold, centre, PAGE_HEIGHT - 8.0 * MM)), footer);
    let footer_y = PAGE_HEIGHT - 15.0 * MM;
    page.push(
        Item::Rule {
            x1: MARGIN_LEFT,
            y1: footer_y - 4.0 * MM,
            x2: PAGE_WIDTH - MARGIN_RIGHT,
            y2: footer_y - 4.0 * MM,
            width: 0.5,
            colour: Colour::RULE,
        },
        footer,
    );
    let number_text = format!("Page {number} of {total}");
    let nw = fonts.width(small.style, small.size, &number_text);
    page.push(Item::Text(run(&number_text, small, PAGE_WIDTH - MARGIN_RIGHT - nw, footer_y)), footer);
    let meeting = fit_with_ellipsis(&running.meeting, small, CONTENT_WIDTH - nw - 6.0 * MM);
    page.push(Item::Text(run(&meeting, small, MARGIN_LEFT, footer_y)), footer);
}

/// The words private papers carry on every page.
pub(crate) const NOT_FOR_PUBLICATION: &str = "NOT FOR PUBLICATION";

/// "NOT FOR PUBLICATION" in white on a red band, centred under the top marking, above the body.
fn stamp(page: &mut Page) {
    let style = Style::BOLD.sized(9.0).with_colour(Colour::WHITE);
    let width = Fonts::get().width(style.style, style.size, NOT_FOR_PUBLICATION);
    let baseline = 19.0 * MM;
    let (pad_x, pad_y) = (3.0 * MM, 1.2 * MM);
    let x = (PAGE_WIDTH - width) / 2.0;
    let header = Tag::Artifact(Artifact::Header);
    page.push(
        Item::Rect {
            x: x - pad_x,
            y: baseline - style.size * ASCENT - pad_y,
            width: width + 2.0 * pad_x,
            height: style.size * (ASCENT + DESCENT) + 2.0 * pad_y,
            fill: Colour::STAMP,
        },
        header,
    );
    page.push(Item::Text(run(NOT_FOR_PUBLICATION, style, x, baseline)), header);
}

//! Paragraph and list blocks in the report's grid: side headings in the left column, numbered
//! paragraphs and lists in the text column, lead-ins kept with what follows.

use super::Writer;
use crate::briefing::compose::{Block, Line, MARGIN_LEFT, NUMBER_INDENT, SIDE_COLUMN, Style, TEXT_WIDTH, TEXT_X, run};
use crate::briefing::fonts::FontStyle;
use crate::briefing::page::MM;
use crate::briefing::tags::{Detail, Numbering as ListNumbering, Role, Tag};
use crate::model::Numbering;

impl Writer<'_> {
    pub(super) fn start_section(&mut self, heading: &str) {
        self.side = Some(heading.to_owned());
    }

    pub(super) fn take_side(&mut self) -> (Vec<Line>, Option<(String, u8)>) {
        match self.side.take() {
            Some(h) => {
                let lines = self.c.wrap(&h, Style::BOLD, MARGIN_LEFT, SIDE_COLUMN - 4.0 * MM, 0.0, 0.0);
                // Two columns on paper, one reading order: the heading, then its paragraphs.
                let section = self.c.section_element();
                let h2 = self.c.element_in(section, Role::H2, Detail::None);
                let lines = lines.into_iter().map(|l| Line { tag: Some(Tag::Elem(h2)), ..l }).collect();
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
        let number = self.next_number();
        let lines = self.c.wrap(text, Style::BODY, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        // The paragraph number is read as part of its paragraph.
        let mut lines = self.c.as_role(Role::P, lines);
        self.c.link_addresses(text, &mut lines);
        if let Some(first) = lines.first_mut() {
            let baseline = first.runs.first().map_or(0.0, |r| r.y);
            first.prepend(run(&number, Style::BODY, TEXT_X, baseline));
        }
        let (side, outline) = self.take_side();
        let lead_in = text.trim_end().ends_with(':');
        self.emit(Block { side, lines, keep_first: 2, space_before: 3.0 * MM, outline }, lead_in);
    }

    /// The next paragraph number: "12." (continuous) or "3.2." (by section).
    fn next_number(&mut self) -> String {
        self.c.paragraph += 1;
        match self.numbering {
            Numbering::Continuous => format!("{}.", self.c.paragraph),
            Numbering::BySection => {
                let n = match self.in_section {
                    Some(n) => n + 1,
                    None => {
                        self.numbered_sections += 1;
                        1
                    }
                };
                self.in_section = Some(n);
                format!("{}.{n}", self.numbered_sections)
            }
        }
    }

    /// Places a block, or holds it back to keep it with the next one (a lead-in ending in ":").
    pub(super) fn emit(&mut self, block: Block, keep_with_next: bool) {
        let block = match self.pending.take() {
            Some(mut first) => {
                let own = first.lines.len();
                first.lines.push(Line::space(block.space_before));
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
    pub(super) fn plain_styled(&mut self, text: &str, style: Style, space_before: f32) {
        if text.trim().is_empty() {
            return;
        }
        let lines = self.c.wrap(text, style, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        let subheading = style.style == FontStyle::Bold;
        let mut lines = self.c.as_role(if subheading { Role::H3 } else { Role::P }, lines);
        self.c.link_addresses(text, &mut lines);
        let (side, outline) = self.take_side();
        let keep_with_next = text.trim_end().ends_with(':') || subheading;
        self.emit(Block { side, lines, keep_first: 2, space_before, outline }, keep_with_next);
    }

    /// A quoted paragraph (the review's summary of its findings), read as a quotation.
    pub(crate) fn quote(&mut self, text: &str, style: Style) {
        if text.trim().is_empty() {
            return;
        }
        self.c.begin(Role::BlockQuote);
        self.plain_styled(text, style, 3.0 * MM);
        self.c.end();
    }

    /// A subheading in the text column, kept with the first two lines that follow.
    pub(super) fn subheading_then_bullets(&mut self, heading: &str, items: &[String]) {
        let head = self.c.wrap(heading, Style::BOLD, TEXT_X, TEXT_WIDTH, NUMBER_INDENT, NUMBER_INDENT);
        let head = self.c.as_role(Role::H3, head);
        self.list(items, |_| "•".to_owned(), Some(head));
    }

    pub(crate) fn bullets(&mut self, items: &[String]) {
        self.list(items, |_| "•".to_owned(), None);
    }

    pub(super) fn lettered(&mut self, items: &[String]) {
        self.list_numbered(items, |i| format!("({})", letters(i)), None, ListNumbering::LowerAlpha);
    }

    /// A bulleted list with hanging indents; `lead` lines (a subheading) stay with the first item.
    pub(super) fn list(&mut self, items: &[String], marker: impl Fn(usize) -> String, lead: Option<Vec<Line>>) {
        self.list_numbered(items, marker, lead, ListNumbering::Disc);
    }

    /// A list: L → LI → Lbl (the marker) and LBody (the text), one LI per printed item.
    fn list_numbered(
        &mut self,
        items: &[String],
        marker: impl Fn(usize) -> String,
        lead: Option<Vec<Line>>,
        numbering: ListNumbering,
    ) {
        let mut lead = lead;
        let parent = self.c.open_element();
        let list = self.c.element_in(parent, Role::L, Detail::List(numbering));
        let hang = 6.0 * MM;
        // Only printed items are counted, so an empty one leaves no gap in the lettering.
        let mut printed = 0;
        for text in items {
            if text.trim().is_empty() {
                continue;
            }
            let x = TEXT_X + NUMBER_INDENT;
            let mut lines = self.c.wrap(text, Style::BODY, x, TEXT_WIDTH - NUMBER_INDENT, hang, hang);
            if lines.is_empty() {
                continue;
            }
            let li = self.c.element_in(list, Role::LI, Detail::None);
            let lbl = self.c.element_in(li, Role::Lbl, Detail::None);
            let body = self.c.element_in(li, Role::LBody, Detail::None);
            for l in &mut lines {
                l.tag = Some(Tag::Elem(body));
            }
            self.c.link_addresses(text, &mut lines);
            let Some(first) = lines.first_mut() else { continue };
            let baseline = first.runs.first().map_or(0.0, |r| r.y);
            first.with_marker(run(&marker(printed), Style::BODY, x, baseline), Some(Tag::Elem(lbl)));
            printed += 1;
            let mut keep = 2;
            if let Some(head) = lead.take() {
                keep += head.len();
                let mut all = head;
                all.push(Line::space(1.5 * MM));
                keep += 1;
                all.extend(lines);
                lines = all;
            }
            let (side, outline) = self.take_side();
            self.emit(Block { side, lines, keep_first: keep, space_before: 1.5 * MM, outline }, false);
        }
        if let Some(head) = lead {
            // Nothing in the list printed: the subheading still does.
            let (side, outline) = self.take_side();
            self.emit(Block { side, keep_first: head.len(), lines: head, space_before: 1.5 * MM, outline }, false);
        }
    }
}

/// The letters of list item `i` (from 0): a … z, then aa, ab … az, ba … (as spreadsheet columns).
fn letters(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::letters;

    #[test]
    fn letters_run_on_past_z() {
        let got: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].iter().map(|&i| letters(i)).collect();
        assert_eq!(got, ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
    }
}

//! The agenda page of a committee pack, as councils print it: numbered items, procedural items
//! with their text on the agenda itself, each paper's page range "(Pages 6 – 10)" linked to it,
//! late papers "to follow", and the generated exclusion of the press and public before exempt
//! business. Page ranges are filled in once the items are laid out ([`fill_in`]).

use super::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, Style, run};
use super::page::{Item, MM};
use super::tags::{Artifact, Detail, ElemId, Role, Tag};
use crate::model::{AgendaContent, AgendaEntry, CommitteePack, ExemptParagraph, Jurisdiction, paragraphs};

const INDENT: f32 = 10.0 * MM;

/// Where an agenda line was placed, to receive its page range and link later.
pub(crate) struct Slot {
    /// The `items` index this line is for.
    pub item: usize,
    /// The entry's paragraph, which receives the page range's link.
    entry: ElemId,
    page: usize,
    /// Top of the whole entry and its height (for the link).
    top: f32,
    height: f32,
    /// Baseline of the reserved "(Pages …)" line.
    range_baseline: f32,
}

/// How an item appears in this pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Text printed on the agenda page, no page of its own.
    OnAgenda,
    /// Its own pages after the agenda.
    Paper,
    /// Late: "to follow" in the main pack.
    ToFollow,
}

/// How `items[i]` is printed. In the supplementary pack every listed item is a paper.
pub(crate) fn placement(pack: &CommitteePack, i: usize, supplementary: bool) -> Placement {
    let item = &pack.items[i];
    if item.to_follow && !supplementary {
        return Placement::ToFollow;
    }
    match item.content {
        // An exempt procedural item keeps a page of its own, so the public pack can withhold it.
        AgendaContent::Standard(_) if !item.own_page && item.exempt.is_none() => Placement::OnAgenda,
        _ => Placement::Paper,
    }
}

/// The s100A(4) resolution, naming the paragraphs that apply.
pub(crate) fn exclusion_text(paragraphs: &[ExemptParagraph], jurisdiction: Jurisdiction) -> String {
    let list: Vec<String> = paragraphs.iter().map(|p| p.number().to_string()).collect();
    let (word, list) = match list.len() {
        0 => ("paragraph", jurisdiction.paragraph_range().start().to_string()),
        1 => ("paragraph", list[0].clone()),
        n => ("paragraphs", format!("{} and {}", list[..n - 1].join(", "), list[n - 1])),
    };
    format!(
        "To consider passing the following resolution: “That under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in {word} {list} of {part} of Schedule 12A to the Act.”",
        part = jurisdiction.part()
    )
}

/// Lays out the agenda from the current position. `titles[i]` is item `i`'s printed title.
/// Returns a slot per paper, in order.
pub(crate) fn agenda(c: &mut Composer, pack: &CommitteePack, titles: &[String], supplementary: bool) -> Vec<Slot> {
    c.place = "Agenda".into();
    let heading = if supplementary { "Supplementary agenda" } else { "Agenda" };
    let lines = c.wrap(heading, Style::BOLD.sized(18.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let lines = c.as_role(Role::H1, lines);
    c.place(Block { lines, keep_first: 1, ..Block::default() });
    if supplementary {
        let note = "These papers were marked “to follow” on the agenda. Page numbers continue from the main pack.";
        let lines = c.wrap(note, Style::ITALIC, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::P, lines);
        c.place(Block { lines, keep_first: 2, space_before: 2.0 * MM, ..Block::default() });
    }
    c.gap(4.0 * MM);
    let mut slots = Vec::new();
    let title_style = Style::BODY.sized(12.0);
    for (n, entry) in pack.agenda().into_iter().enumerate() {
        let number = format!("{}.", n + 1);
        let i = match entry {
            AgendaEntry::Exclusion if !supplementary => {
                entry_lines(c, &number, "Exclusion of the press and public", title_style);
                body(c, &exclusion_text(&pack.exempt_paragraphs(), pack.jurisdiction));
                continue;
            }
            AgendaEntry::Exclusion => continue,
            AgendaEntry::Item(i) => i,
        };
        if supplementary && !pack.items[i].to_follow {
            continue;
        }
        let mut title = titles[i].clone();
        if let Some(p) = pack.items[i].exempt {
            title.push_str(&format!(" (exempt: paragraph {} of {} of Schedule 12A)", p.number(), p.part()));
        }
        match placement(pack, i, supplementary) {
            Placement::OnAgenda => {
                entry_lines(c, &number, &title, title_style);
                if let AgendaContent::Standard(text) = &pack.items[i].content {
                    for p in paragraphs(text) {
                        body(c, &p);
                    }
                }
            }
            Placement::ToFollow => {
                entry_lines(c, &number, &title, title_style);
                let lines = c.wrap("(To follow)", Style::ITALIC, MARGIN_LEFT, CONTENT_WIDTH, INDENT, INDENT);
                let lines = c.as_role(Role::P, lines);
                c.place(Block { lines, keep_first: 1, space_before: 1.0 * MM, ..Block::default() });
            }
            Placement::Paper => {
                let (page, top, entry) = entry_lines(c, &number, &title, title_style);
                // A line kept for "(Pages 6 – 10)", written once the pages are known.
                let mut range = super::compose::single_line(" ", Style::BODY, MARGIN_LEFT + INDENT);
                range.tag = Some(Tag::Artifact(Artifact::Layout));
                let range_height = range.height;
                let baseline_in_line = range.runs.first().map_or(0.0, |r| r.y);
                c.place(Block { lines: vec![range], keep_first: 1, space_before: 1.0 * MM, ..Block::default() });
                let range_top = c.y - range_height;
                let same_page = c.page_index() == page;
                slots.push(Slot {
                    item: i,
                    entry,
                    page: c.page_index(),
                    top: if same_page { top } else { range_top },
                    height: if same_page { c.y - top } else { range_height },
                    range_baseline: range_top + baseline_in_line,
                });
            }
        }
    }
    slots
}

/// The numbered title line(s) of an entry, a paragraph; returns (page, top, the paragraph).
fn entry_lines(c: &mut Composer, number: &str, title: &str, style: Style) -> (usize, f32, ElemId) {
    let entry = c.element(Role::P);
    let mut lines = c.wrap(title, style, MARGIN_LEFT, CONTENT_WIDTH, INDENT, INDENT);
    for l in &mut lines {
        l.tag = Some(Tag::Elem(entry));
    }
    if let Some(first) = lines.first_mut() {
        let baseline = first.runs.first().map_or(0.0, |r| r.y);
        first.runs.insert(0, run(number, style, MARGIN_LEFT, baseline));
    }
    let height: f32 = lines.iter().map(|l| l.height).sum();
    let keep = lines.len();
    c.place(Block { lines, keep_first: keep, space_before: 4.0 * MM, ..Block::default() });
    (c.page_index(), c.y - height, entry)
}

fn body(c: &mut Composer, text: &str) {
    let lines = c.wrap(text, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, INDENT, INDENT);
    let lines = c.as_role(Role::P, lines);
    c.place(Block { lines, keep_first: 2, space_before: 1.5 * MM, ..Block::default() });
}

/// Writes each paper's "(Pages a – b)" and links its entry to its first page. `ranges[k]` is
/// slot `k`'s first and last page index; `offset` is added to printed numbers (the
/// supplementary pack continues the main pack's numbering).
/// Each range is a Link in its entry's paragraph.
pub(crate) fn fill_in(c: &mut Composer, slots: &[Slot], ranges: &[(usize, usize)], offset: usize) {
    for (slot, &(first, last)) in slots.iter().zip(ranges) {
        let text = if first == last {
            format!("(Page {})", first + 1 + offset)
        } else {
            format!("(Pages {} – {})", first + 1 + offset, last + 1 + offset)
        };
        let style = Style::BODY.with_colour(super::page::Colour::LINK);
        let contents = format!("Go to page {}", first + 1 + offset);
        let link = Tag::Elem(c.element_in(slot.entry, Role::Link, Detail::Contents(contents)));
        if let Some(p) = c.pages.get_mut(slot.page) {
            p.push(Item::Text(run(&text, style, MARGIN_LEFT + INDENT, slot.range_baseline)), link);
            p.push(
                Item::Link {
                    x: MARGIN_LEFT,
                    y: slot.top,
                    width: CONTENT_WIDTH,
                    height: slot.height,
                    target_page: first,
                },
                link,
            );
        }
    }
}

/// The cover's meeting contact and public participation notice.
pub(crate) fn cover_notices(c: &mut Composer, pack: &CommitteePack) {
    if !pack.public_notice.trim().is_empty() {
        c.gap(6.0 * MM);
        let lines = c.wrap("Public participation", Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::H2, lines);
        c.place(Block { lines, keep_first: 1, ..Block::default() });
        for p in paragraphs(&pack.public_notice) {
            let lines = c.wrap(&p, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            let lines = c.as_role(Role::P, lines);
            c.place(Block { lines, keep_first: 2, space_before: 1.5 * MM, ..Block::default() });
        }
    }
    let contact = &pack.contact;
    if !contact.is_empty() {
        c.gap(6.0 * MM);
        let lines = c.wrap("Contact officer", Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::H2, lines);
        c.place(Block { lines, keep_first: 1, ..Block::default() });
        let fields = [("", &contact.name), ("Telephone: ", &contact.phone), ("Email: ", &contact.email)];
        for (label, value) in fields {
            if value.trim().is_empty() {
                continue;
            }
            let text = format!("{label}{value}");
            let lines = c.wrap(&text, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            let mut lines = c.as_role(Role::P, lines);
            c.link_addresses(&text, &mut lines);
            c.place(Block { lines, keep_first: 1, space_before: 1.0 * MM, ..Block::default() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolution_names_each_paragraph_once() {
        let p = |n| ExemptParagraph::new(n).unwrap();
        let england = Jurisdiction::England;
        assert!(exclusion_text(&[p(2)], england).contains("in paragraph 2 of Part 1 of Schedule 12A"));
        assert!(exclusion_text(&[p(1), p(2), p(3)], england).contains("paragraphs 1, 2 and 3 of Part 1"));
        assert!(exclusion_text(&[p(3)], england).contains("section 100A(4) of the Local Government Act 1972"));
    }

    #[test]
    fn a_welsh_resolution_cites_part_4() {
        let p = |n| ExemptParagraph::new(n).unwrap();
        let text = exclusion_text(&[p(12), p(14)], Jurisdiction::Wales);
        assert!(text.contains("paragraphs 12 and 14 of Part 4 of Schedule 12A"), "{text}");
        assert!(!text.contains("Part 1"));
    }
}

//! Committee packs: cover, agenda with page numbers and links, then every item in order with
//! page numbers running through the whole pack.

use super::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, NOT_FOR_PUBLICATION, Running, Style, run};
use super::fonts::Fonts;
use super::page::{Item, Layout, MM, PAGE_WIDTH};
use super::report::{BriefingOptions, Visibility, Writer, exempt_notice, write_report};
use crate::model::{AgendaContent, CommitteePack, Review, paragraphs};

/// Width kept free on the right of the agenda for page numbers.
const PAGE_NUMBER_COLUMN: f32 = 18.0 * MM;

/// Lays out a committee pack. `reviews` has one entry per agenda item (the review of a report
/// item; `None` for a standard item), as `store::load_pack` returns it.
pub fn lay_out_pack(pack: &CommitteePack, reviews: &[Option<Review>], visibility: Visibility) -> Layout {
    let pack_running = Running { marking: pack.marking, meeting: pack.meeting_line() };
    let mut c = Composer::new(pack_running.clone());
    let meeting = c.clean(&pack.meeting_line());
    let pack_running = Running { meeting, ..pack_running };
    c.set_running(pack_running.clone());
    c.new_page();
    cover(&mut c, pack, visibility);

    // Agenda: entries are placed now and given page numbers once the items are laid out.
    c.new_page();
    c.place = "Agenda".into();
    let lines = c.wrap("Agenda", Style::BOLD.sized(18.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    c.place(Block { lines, keep_first: 1, ..Block::default() });
    c.gap(4.0 * MM);
    let mut entries = Vec::new();
    for (i, item) in pack.items.iter().enumerate() {
        let title = item_title(pack, reviews, i);
        let mut text = title.clone();
        if let Some(p) = item.exempt {
            text.push_str(&format!(" (exempt: paragraph {} of Schedule 12A)", p.number()));
        }
        let number = format!("{}.", i + 1);
        let style = Style::BODY.sized(12.0);
        let mut lines = c.wrap(&text, style, MARGIN_LEFT, CONTENT_WIDTH - PAGE_NUMBER_COLUMN, 10.0 * MM, 10.0 * MM);
        if let Some(first) = lines.first_mut() {
            let baseline = first.runs.first().map_or(0.0, |r| r.y);
            first.runs.insert(0, run(&number, style, MARGIN_LEFT, baseline));
        }
        let height: f32 = lines.iter().map(|l| l.height).sum();
        let baseline_last = lines.last().and_then(|l| l.runs.first()).map_or(0.0, |r| r.y);
        let last_height = lines.last().map_or(0.0, |l| l.height);
        let keep = lines.len();
        c.place(Block { lines, keep_first: keep, space_before: 3.0 * MM, ..Block::default() });
        let top = c.y - height;
        entries.push((c.page_index(), top, height, top + height - last_height + baseline_last));
    }

    let mut starts = Vec::new();
    for (i, item) in pack.items.iter().enumerate() {
        c.outline_base = 0;
        // The item's marking (a report's own, else the pack's) is set before its first page is
        // started: a page takes the running header in force when it begins.
        let running = match reviews.get(i).and_then(Option::as_ref) {
            Some(r) => Running { marking: r.marking, meeting: pack_running.meeting.clone() },
            None => pack_running.clone(),
        };
        c.set_running(running);
        c.new_page();
        starts.push(c.page_index());
        let title = format!("{}. {}", i + 1, item_title(pack, reviews, i));
        match (item.exempt, visibility) {
            (Some(paragraph), Visibility::Public) => {
                let mut scratch = c.scratch();
                write_item(&mut scratch, pack, reviews, i, Visibility::Private);
                exempt_notice(&mut c, &title, paragraph, scratch.pages.len());
            }
            _ => write_item(&mut c, pack, reviews, i, visibility),
        }
    }

    // Fill in the agenda's page numbers and links.
    let fonts = Fonts::get();
    let style = Style::BODY.sized(12.0);
    for ((page, top, height, baseline), start) in entries.into_iter().zip(starts) {
        let text = (start + 1).to_string();
        let w = fonts.width(style.style, style.size, &text);
        if let Some(p) = c.pages.get_mut(page) {
            p.items.push(Item::Text(run(&text, style, PAGE_WIDTH - super::compose::MARGIN_RIGHT - w, baseline)));
            p.items.push(Item::Link { x: MARGIN_LEFT, y: top, width: CONTENT_WIDTH, height, target_page: start });
        }
    }
    let mut title = c.clean(&format!("{}: agenda and reports", pack.meeting_line()));
    let author = c.clean(&pack.council);
    let subject = match visibility {
        Visibility::Public => "Committee pack (public)".to_owned(),
        Visibility::Private => {
            // Every page says so in its running header; the stamp is outside the body area,
            // so the private pack keeps the public pack's page numbers.
            c.mark_not_for_publication();
            title = format!("{title} – {NOT_FOR_PUBLICATION}");
            format!("Committee pack (private: contains exempt information) – {NOT_FOR_PUBLICATION}")
        }
    };
    c.finish(title, author, subject)
}

fn item_title(pack: &CommitteePack, reviews: &[Option<Review>], i: usize) -> String {
    let item = &pack.items[i];
    if !item.title.trim().is_empty() {
        return item.title.clone();
    }
    reviews.get(i).and_then(Option::as_ref).map_or_else(|| "Untitled item".to_owned(), |r| r.title.clone())
}

/// One agenda item from the top of a fresh page.
fn write_item(c: &mut Composer, pack: &CommitteePack, reviews: &[Option<Review>], i: usize, visibility: Visibility) {
    let item = &pack.items[i];
    let title = format!("{}. {}", i + 1, item_title(pack, reviews, i));
    c.place = format!("Agenda item {}", i + 1);
    c.add_outline(&title, 0);
    c.place_prefix = format!("Agenda item {}, ", i + 1);
    c.outline_base = 1;
    if let (Some(p), Visibility::Private) = (item.exempt, visibility) {
        let notice = format!(
            "NOT FOR PUBLICATION by virtue of paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972: {}.",
            p.number(),
            p.description()
        );
        let lines = c.wrap(&notice, Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        c.place(Block { lines, keep_first: 3, ..Block::default() });
        c.gap(4.0 * MM);
    }
    match (&item.content, reviews.get(i).and_then(Option::as_ref)) {
        (AgendaContent::Review(_), Some(review)) => {
            let options = BriefingOptions { marking: None, action_plan: false, visibility };
            write_report(c, review, &options, Some(&(i + 1).to_string()));
        }
        (AgendaContent::Review(file), None) => {
            c.warn(format!("the review file {file} was not loaded"));
            heading(c, &title);
            let mut w = Writer::new(c);
            w.plain("The report for this item was not available when the pack was made.");
            w.flush();
        }
        (AgendaContent::Standard(text), _) => {
            heading(c, &title);
            let mut w = Writer::new(c);
            for p in paragraphs(text) {
                w.plain(&p);
            }
            w.flush();
        }
    }
    c.outline_base = 0;
    c.place_prefix.clear();
}

fn heading(c: &mut Composer, title: &str) {
    let lines = c.wrap(title, Style::BOLD.sized(14.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    c.place_together(lines);
    c.gap(2.0 * MM);
}

fn cover(c: &mut Composer, pack: &CommitteePack, visibility: Visibility) {
    c.place = "Cover".into();
    c.gap(20.0 * MM);
    c.y = c.y.max(40.0 * MM);
    let mut lines = c.wrap(&pack.council, Style::BOLD.sized(16.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    lines.extend(c.wrap(&pack.committee, Style::BOLD.sized(22.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0));
    c.place_together(lines);
    c.gap(8.0 * MM);
    c.full_width_rule();
    c.gap(6.0 * MM);
    let detail = |label: &str, value: &str| format!("{label}: {value}");
    let mut details = vec![detail("Date", &pack.date.to_string())];
    if !pack.time.trim().is_empty() {
        details.push(detail("Time", &pack.time));
    }
    if !pack.venue.trim().is_empty() {
        details.push(detail("Venue", &pack.venue));
    }
    for d in details {
        let lines = c.wrap(&d, Style::BODY.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        c.place(Block { lines, keep_first: 2, space_before: 2.0 * MM, ..Block::default() });
    }
    if !pack.members.is_empty() {
        c.gap(6.0 * MM);
        let lines = c.wrap("Membership", Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        c.place(Block { lines, keep_first: 1, ..Block::default() });
        for m in &pack.members {
            let lines = c.wrap(m, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            c.place(Block { lines, keep_first: 2, space_before: 1.0 * MM, ..Block::default() });
        }
    }
    c.gap(10.0 * MM);
    let note = match visibility {
        Visibility::Public => {
            "Public pack. Items and appendices containing exempt information are replaced by a notice; page numbers match the private pack."
        }
        Visibility::Private => {
            "Private pack: contains exempt information (Local Government Act 1972, Schedule 12A). Not for publication."
        }
    };
    let lines = c.wrap(note, Style::ITALIC, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    c.place(Block { lines, keep_first: 3, ..Block::default() });
}

//! Committee packs: cover, agenda with page numbers and links, then every item in order with
//! page numbers running through the whole pack.

use super::agenda::{self, Placement, placement};
use super::compose::{Block, CONTENT_WIDTH, Composer, MARGIN_LEFT, NOT_FOR_PUBLICATION, Running, Style};
use super::fonts::Fonts;
use super::import::{self, ImportError, ImportedPdf};
use super::logo;
use super::page::{Item, Layout, MM, TextRun};
use super::report::{BriefingOptions, Visibility, Writer, exempt_notice, write_report};
use super::tags::Role;
use crate::model::{AgendaContent, CommitteePack, Logo, Review, paragraphs};

/// Which pack to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PackPart {
    /// The agenda pack; late papers are listed "to follow".
    #[default]
    Main,
    /// The late papers only, with a "Supplementary agenda" cover; page numbers continue after
    /// the main pack's `main_pages` pages.
    Supplementary { main_pages: usize },
}

/// A PDF agenda item that could not be used; the message names the item and its file.
#[derive(Debug, thiserror::Error)]
#[error("agenda item {number} ({title}, {file}): {error}")]
pub struct PackError {
    pub number: usize,
    pub title: String,
    pub file: String,
    pub error: ImportError,
}

/// Lays out a committee pack. `reviews` has one entry per agenda item (the review of a report
/// item; `None` otherwise), as `store::load_pack` returns it. PDF document items print a
/// placeholder: use [`lay_out_pack_with_documents`] to include them.
pub fn lay_out_pack(pack: &CommitteePack, reviews: &[Option<Review>], visibility: Visibility) -> Layout {
    let none = vec![None; pack.items.len()];
    lay_out_pack_with_documents(pack, reviews, &none, visibility, PackPart::Main)
        .unwrap_or_else(|_| unreachable!("no documents, no import errors"))
}

/// Lays out a committee pack with its PDF items: `documents` has one entry per agenda item (the
/// PDF's bytes for a document item), as `store::load_pack` returns them. A PDF that cannot be
/// used is an error naming the item. In the public pack an exempt PDF is only counted: none of
/// its objects reach the layout.
pub fn lay_out_pack_with_documents(
    pack: &CommitteePack,
    reviews: &[Option<Review>],
    documents: &[Option<&[u8]>],
    visibility: Visibility,
    part: PackPart,
) -> Result<Layout, PackError> {
    let supplementary = matches!(part, PackPart::Supplementary { .. });
    let offset = match part {
        PackPart::Main => 0,
        PackPart::Supplementary { main_pages } => main_pages,
    };
    let titles: Vec<String> = (0..pack.items.len()).map(|i| item_title(pack, reviews, i)).collect();
    // Parse every PDF that prints, before any layout, so a bad file fails early and clearly.
    let mut pdfs: Vec<Option<ImportedPdf>> = vec![None; pack.items.len()];
    let mut withheld_pages: Vec<usize> = vec![0; pack.items.len()];
    for (i, item) in pack.items.iter().enumerate() {
        let (AgendaContent::Document(file), Some(Some(bytes))) = (&item.content, documents.get(i)) else { continue };
        if placement(pack, i, supplementary) != Placement::Paper {
            continue;
        }
        let error =
            |error| PackError { number: pack.item_number(i), title: titles[i].clone(), file: file.clone(), error };
        let pdf = import::parse(bytes).map_err(error)?;
        if item.exempt.is_some() && visibility == Visibility::Public {
            withheld_pages[i] = pdf.page_count();
        } else {
            pdfs[i] = Some(pdf);
        }
    }

    let pack_running = Running { marking: pack.marking, meeting: pack.meeting_line() };
    let mut c = Composer::new(pack_running.clone());
    let meeting = c.clean(&pack.meeting_line());
    let pack_running = Running { meeting, ..pack_running };
    c.set_running(pack_running.clone());
    c.new_page();
    if let Some(Err(message)) = &pack.logo_image {
        c.place = "Cover".into();
        c.warn(format!("The pack's logo is not printed: {message}"));
    }
    let own_logo = pack.logo_image.as_ref().and_then(|l| l.as_ref().ok());
    let cover_logo = own_logo.or_else(|| reviews.iter().flatten().find_map(Review::logo));
    c.tagged(Role::Sect, |c| cover(c, pack, cover_logo, visibility, supplementary));

    // Agenda: entries are placed now and given page ranges once the items are laid out.
    c.new_page();
    let slots = c.tagged(Role::Sect, |c| agenda::agenda(c, pack, &titles, supplementary));

    let mut ranges = Vec::new();
    let mut notes: Vec<(usize, usize, String)> = Vec::new();
    for slot in &slots {
        let i = slot.item;
        c.outline_base = 0;
        // The item's marking (a report's own, else the pack's) is set before its first page is
        // started: a page takes the running header in force when it begins.
        let running = match reviews.get(i).and_then(Option::as_ref) {
            Some(r) => Running { marking: r.marking, meeting: pack_running.meeting.clone() },
            None => pack_running.clone(),
        };
        c.set_running(running);
        c.new_page();
        // Each agenda item is a section of the pack's structure.
        c.begin(Role::Sect);
        let first = c.page_index();
        let title = format!("{}. {}", pack.item_number(i), titles[i]);
        let item = &pack.items[i];
        match (item.exempt, visibility) {
            (Some(paragraph), Visibility::Public) => {
                let pages = match &item.content {
                    AgendaContent::Document(_) => withheld_pages[i],
                    _ => {
                        let mut scratch = c.scratch();
                        write_item(&mut scratch, pack, reviews, &titles, i, Visibility::Private);
                        scratch.pages.len()
                    }
                };
                exempt_notice(&mut c, &title, paragraph, pages, Role::H1);
            }
            _ => match (&item.content, &pdfs[i]) {
                (AgendaContent::Document(file), Some(pdf)) => {
                    c.place = format!("Agenda item {}", pack.item_number(i));
                    import::place_document(&mut c, &title, pdf, file);
                    // A tagged paper's own tree is carried over; any other's pages are read one
                    // Div each, and the pack cannot claim PDF/UA.
                    if !pdf.carries_tags() {
                        let why = match pdf.unusable_tags() {
                            Some(problem) => format!("whose tags cannot be carried over: {problem}"),
                            None => "which has no tags".to_owned(),
                        };
                        c.untagged.push(format!("agenda item {} ({file}, {why})", pack.item_number(i)));
                    }
                    if let Some(p) = item.exempt {
                        let note = format!(
                            "NOT FOR PUBLICATION: exempt, paragraph {} of {} of Schedule 12A, Local Government Act 1972",
                            p.number(),
                            p.part()
                        );
                        notes.push((first, c.page_index(), note));
                    }
                }
                _ => write_item(&mut c, pack, reviews, &titles, i, visibility),
            },
        }
        c.end();
        ranges.push((first, c.page_index()));
    }

    agenda::fill_in(&mut c, &slots, &ranges, offset);
    let mut title = c.clean(&format!(
        "{}: {}",
        pack.meeting_line(),
        if supplementary { "supplementary agenda" } else { "agenda and reports" }
    ));
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
    let mut layout = c.finish(title, author, subject);
    let total = layout.pages.len();
    let label = |i: usize| {
        if supplementary { format!("Page {}", offset + i + 1) } else { format!("Page {} of {total}", i + 1) }
    };
    if supplementary {
        renumber(&mut layout, &label);
    }
    let mut page_notes = vec![None; total];
    for (first, last, note) in notes {
        for n in page_notes.iter_mut().take(last + 1).skip(first) {
            *n = Some(note.clone());
        }
    }
    import::stamp_imported(&mut layout, pack.marking, label, &page_notes);
    Ok(layout)
}

/// Rewrites the footer's "Page X of Y" on PeerBrief's own pages as `label(i)`, keeping it
/// right-aligned (the supplementary pack continues the main pack's numbers).
fn renumber(layout: &mut Layout, label: &impl Fn(usize) -> String) {
    let total = layout.pages.len();
    for (i, page) in layout.pages.iter_mut().enumerate() {
        let old = format!("Page {} of {total}", i + 1);
        for item in &mut page.items {
            if let Item::Text(t) = item
                && t.text == old
            {
                let right = t.x + t.width;
                let text = label(i);
                let width = Fonts::get().width(t.style, t.size, &text);
                *t = TextRun { x: right - width, width, text, ..t.clone() };
            }
        }
    }
}

fn item_title(pack: &CommitteePack, reviews: &[Option<Review>], i: usize) -> String {
    let item = &pack.items[i];
    if !item.title.trim().is_empty() {
        return item.title.clone();
    }
    if let AgendaContent::Document(file) = &item.content {
        let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned());
        return stem.unwrap_or_else(|| "Untitled paper".to_owned());
    }
    reviews.get(i).and_then(Option::as_ref).map_or_else(|| "Untitled item".to_owned(), |r| r.title.clone())
}

/// One agenda item from the top of a fresh page.
fn write_item(
    c: &mut Composer,
    pack: &CommitteePack,
    reviews: &[Option<Review>],
    titles: &[String],
    i: usize,
    visibility: Visibility,
) {
    let item = &pack.items[i];
    let number = pack.item_number(i);
    let title = format!("{number}. {}", titles[i]);
    c.place = format!("Agenda item {number}");
    c.add_outline(&title, 0);
    c.place_prefix = format!("Agenda item {number}, ");
    c.outline_base = 1;
    if let (Some(p), Visibility::Private) = (item.exempt, visibility) {
        let notice = format!(
            "NOT FOR PUBLICATION by virtue of paragraph {} of {} of Schedule 12A to the Local Government Act 1972: {}.",
            p.number(),
            p.part(),
            p.description()
        );
        let lines = c.wrap(&notice, Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::P, lines);
        c.place(Block { lines, keep_first: 3, ..Block::default() });
        c.gap(4.0 * MM);
    }
    match (&item.content, reviews.get(i).and_then(Option::as_ref)) {
        (AgendaContent::Review(_), Some(review)) => {
            let options =
                BriefingOptions { marking: None, action_plan: false, visibility, previous: None, charts: false };
            write_report(c, review, &options, Some(&number.to_string()));
        }
        (AgendaContent::Review(file) | AgendaContent::Document(file), _) => {
            c.warn(format!("the file {file} was not loaded"));
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
    let lines = c.as_role(Role::H1, lines);
    c.place_together(lines);
    c.gap(2.0 * MM);
}

/// `cover_logo`: the pack's own logo, else that of its first report with one.
fn cover(
    c: &mut Composer,
    pack: &CommitteePack,
    cover_logo: Option<&Logo>,
    visibility: Visibility,
    supplementary: bool,
) {
    c.place = "Cover".into();
    let top = c.y;
    c.gap(20.0 * MM);
    c.y = c.y.max(40.0 * MM);
    if let Some(art) = logo::artwork(c, cover_logo) {
        logo::place_on_cover(c, art, top);
    }
    let council = c.wrap(&pack.council, Style::BOLD.sized(16.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let mut lines = c.as_role(Role::P, council);
    let committee = c.wrap(&pack.committee, Style::BOLD.sized(22.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    lines.extend(c.as_role(Role::H1, committee));
    if supplementary {
        let s = c.wrap("Supplementary agenda", Style::BOLD.sized(16.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        lines.extend(c.as_role(Role::P, s));
    }
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
        let lines = c.as_role(Role::P, lines);
        c.place(Block { lines, keep_first: 2, space_before: 2.0 * MM, ..Block::default() });
    }
    if !pack.members.is_empty() {
        c.gap(6.0 * MM);
        let lines = c.wrap("Membership", Style::BOLD.sized(13.0), MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let lines = c.as_role(Role::H2, lines);
        c.place(Block { lines, keep_first: 1, ..Block::default() });
        for m in &pack.members {
            let lines = c.wrap(m, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            let lines = c.as_role(Role::P, lines);
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
    let lines = c.as_role(Role::P, lines);
    c.place(Block { lines, keep_first: 3, ..Block::default() });
    agenda::cover_notices(c, pack);
}

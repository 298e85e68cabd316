//! The report's heading facts, meeting and dates, and its paragraph text.

use egui::Ui;

use super::{Form, heading};
use crate::model::{Block, DataBlock, Jurisdiction, Place, ProtectiveMarking, Review, Section};

/// Page "Report and meeting".
pub fn show_report(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Report");
    form.text(ui, "Council", &mut review.council, Place::doc("council"));
    form.text(ui, "Report title", &mut review.title, Place::doc("title"));
    form.text(ui, "Kind of review", &mut review.subject, Place::doc("subject"));
    form.text(ui, "Report of", &mut review.report_of, Place::doc("report_of"));
    let markings: Vec<(ProtectiveMarking, String)> =
        ProtectiveMarking::ALL.iter().map(|m| (*m, m.label().to_owned())).collect();
    ui.add_space(4.0);
    form.choice(ui, "Protective marking", &mut review.marking, &markings, Place::doc("marking"));
    let nations: Vec<(Jurisdiction, String)> =
        Jurisdiction::ALL.iter().map(|j| (*j, format!("{} (Schedule 12A {})", j.label(), j.part()))).collect();
    ui.add_space(4.0);
    form.choice(ui, "Jurisdiction", &mut review.jurisdiction, &nations, Place::doc("jurisdiction"));

    heading(ui, "Meeting");
    let meeting = Section::Meeting;
    form.text(ui, "Panel or committee", &mut review.meeting.panel, Place::new(meeting, "panel"));
    form.date(ui, "Meeting date", &mut review.meeting.date, Place::new(meeting, "date"));
    form.text(ui, "Agenda item", &mut review.meeting.agenda_item, Place::new(meeting, "agenda_item"));

    heading(ui, "The review");
    form.text(ui, "Facilitated by", &mut review.facilitator, Place::doc("facilitator"));
    form.date(ui, "Review started", &mut review.review_start, Place::doc("review_start"));
    form.date(ui, "Review ended", &mut review.review_end, Place::doc("review_end"));
    form.date(ui, "Previous review", &mut review.previous_review, Place::doc("previous_review"));
    form.optional_text(
        ui,
        "Previous review file (in this review's folder)",
        &mut review.previous_review_file,
        Place::doc("previous_review_file"),
    );
}

/// Page "Report text": each report section's written blocks, under its heading. (A plain list
/// so every word stays editable; the Report page with sections and block kinds replaces it.)
pub fn show_text(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    ui.weak("Leave a blank line between paragraphs.");
    for (si, section) in review.report.sections.iter_mut().enumerate() {
        // A section with one text block labels it by the heading alone ("Conclusion"); others
        // get the heading above their blocks.
        let written = section.blocks.iter().filter(|b| !matches!(b, Block::Data(_))).count();
        if written != 1 {
            heading(ui, &section.heading);
        }
        if !section.prompt.trim().is_empty() {
            ui.weak(&section.prompt);
        }
        let name = section.heading.clone();
        for (bi, block) in section.blocks.iter_mut().enumerate() {
            let at = |field| Place::new(Section::ReportBlock(si, bi), field);
            let item = |i, field| Place::new(Section::ReportItem(si, bi, i), field);
            ui.add_space(4.0);
            let label =
                if written == 1 { name.clone() } else { format!("{name}: {}", block.kind_label().to_lowercase()) };
            match block {
                Block::Paragraphs { text, .. } | Block::Quotation { text } => {
                    form.paragraphs(ui, &label, text, at("text"));
                }
                Block::Data(DataBlock::ThemeList { intro }) => {
                    form.paragraphs(ui, &format!("{name}: lead-in to the themes"), intro, at("intro"));
                }
                Block::Bullets(items) | Block::Lettered(items) => {
                    for (i, text) in items.iter_mut().enumerate() {
                        form.paragraphs(ui, &format!("{label} {}", i + 1), text, item(i, ""));
                    }
                }
                Block::Recommendations(items) => {
                    for (i, r) in items.iter_mut().enumerate() {
                        form.paragraphs(ui, &format!("Recommendation {}", i + 1), &mut r.text, item(i, "text"));
                        for (j, sub) in r.sub_items.iter_mut().enumerate() {
                            let place = Place::new(Section::ReportSubItem(si, bi, i, j), "");
                            form.paragraphs(ui, &format!("Recommendation {} ({})", i + 1, j + 1), sub, place);
                        }
                    }
                }
                Block::Implications(items) => {
                    for (i, imp) in items.iter_mut().enumerate() {
                        form.paragraphs(ui, &format!("{} implications", imp.heading), &mut imp.text, item(i, "text"));
                    }
                }
                Block::Data(data) => {
                    ui.weak(format!("Printed here: {}", data.label().to_lowercase()));
                }
            }
        }
    }
}

//! The report's heading facts, meeting and dates (its sections are on the Report sections page).

use egui::Ui;

use super::{Form, heading};
use crate::model::{Jurisdiction, Place, ProtectiveMarking, Review, Section};

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

    if !review.header_facts.is_empty() {
        heading(ui, "Header facts");
        ui.weak("Printed in the report's header block, as the template asks.");
        for (n, fact) in review.header_facts.iter_mut().enumerate() {
            form.nth_text(ui, &fact.label, &mut fact.value, Place::doc("header_facts"), n);
        }
    }

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

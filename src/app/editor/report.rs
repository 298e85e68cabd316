//! The report's heading facts, meeting and dates, and its paragraph text.

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

/// Page "Report text": the numbered paragraphs under their side headings.
pub fn show_text(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    ui.weak("Leave a blank line between paragraphs.");
    let fields: [(&str, &'static str, &mut String); 9] = [
        ("Summary", "summary", &mut review.summary),
        ("Background", "background", &mut review.background),
        ("What is a peer review?", "about_peer_review", &mut review.about_peer_review),
        ("How the review was done", "method", &mut review.method),
        ("Lead-in to the findings", "findings_intro", &mut review.findings_intro),
        ("Findings summary", "findings_summary", &mut review.findings_summary),
        ("Note before the key findings", "findings_note", &mut review.findings_note),
        ("Conclusion", "conclusion", &mut review.conclusion),
        ("Purpose of this meeting", "purpose", &mut review.purpose),
    ];
    for (label, field, value) in fields {
        ui.add_space(4.0);
        form.paragraphs(ui, label, value, Place::doc(field));
    }
}

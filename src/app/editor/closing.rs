//! Recommendations, appendices, contact points and background papers.

use egui::Ui;

use super::{Form, heading};
use crate::model::{
    Appendix, BackgroundPaper, ContactKind, ContactLine, ExemptParagraph, NamedOfficer, Place, Review, Section,
};

/// Page "Appendices and contacts".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    recommendations(ui, form, review);
    appendices(ui, form, review);
    contacts(ui, form, review);
    background_papers(ui, form, review);
}

fn recommendations(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Recommendations");
    let len = review.recommendations.len();
    let mut op = None;
    for i in 0..len {
        ui.group(|ui| {
            let place = Place::new(Section::Recommendation(i), "");
            form.paragraphs(ui, &format!("Recommendation {}", i + 1), &mut review.recommendations[i], place);
            op = form.row_buttons(ui, "recommendation", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut review.recommendations);
    }
    if form.add_button(ui, "Add recommendation", Place::doc("recommendations")) {
        review.recommendations.push(String::new());
    }
}

fn appendices(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Appendices");
    let exempt_options: Vec<(Option<ExemptParagraph>, String)> = std::iter::once((None, "Not exempt".to_owned()))
        .chain((1..=7).filter_map(ExemptParagraph::new).map(|p| (Some(p), format!("Exempt: paragraph {}", p.number()))))
        .collect();
    let len = review.appendices.len();
    let mut op = None;
    for i in 0..len {
        let n = i + 1;
        let s = Section::Appendix(i);
        let appendix = &mut review.appendices[i];
        ui.group(|ui| {
            form.text(ui, &format!("Title of appendix {n}"), &mut appendix.title, Place::new(s, "title"));
            form.choice(
                ui,
                &format!("Exemption of appendix {n}"),
                &mut appendix.exempt,
                &exempt_options,
                Place::new(s, "exempt"),
            );
            if let Some(p) = appendix.exempt {
                ui.weak(format!("Schedule 12A paragraph {}: {}", p.number(), p.description()));
            }
            form.paragraphs(ui, &format!("Text of appendix {n}"), &mut appendix.body, Place::new(s, "body"));
            op = form.row_buttons(ui, "appendix", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut review.appendices);
    }
    if form.add_button(ui, "Add appendix", Place::doc("appendices")) {
        review.appendices.push(Appendix::default());
    }
}

fn contacts(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Contact points");
    let contacts = &mut review.contacts;
    form.text(
        ui,
        "Heading over the general contacts",
        &mut contacts.general_heading,
        Place::doc("contacts.general_heading"),
    );
    let kinds: Vec<(ContactKind, String)> = [
        (ContactKind::Phone, "Phone"),
        (ContactKind::Email, "Email"),
        (ContactKind::Web, "Web"),
        (ContactKind::Other, "Other"),
    ]
    .into_iter()
    .map(|(k, l)| (k, l.to_owned()))
    .collect();
    let len = contacts.general.len();
    let mut op = None;
    for i in 0..len {
        let n = i + 1;
        let s = Section::ContactLine(i);
        let line = &mut contacts.general[i];
        ui.group(|ui| {
            form.text(ui, &format!("Label of contact line {n}"), &mut line.label, Place::new(s, "label"));
            form.choice(ui, &format!("Kind of contact line {n}"), &mut line.kind, &kinds, Place::new(s, "kind"));
            form.text(ui, &format!("Number or address of contact line {n}"), &mut line.value, Place::new(s, "value"));
            op = form.row_buttons(ui, "contact line", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut contacts.general);
    }
    if form.add_button(ui, "Add contact line", Place::doc("contacts.general")) {
        contacts.general.push(ContactLine::default());
    }

    ui.add_space(6.0);
    ui.label("Named officers");
    let len = contacts.officers.len();
    let mut op = None;
    for i in 0..len {
        let n = i + 1;
        let s = Section::Officer(i);
        let officer = &mut contacts.officers[i];
        ui.group(|ui| {
            form.text(ui, &format!("Name of officer {n}"), &mut officer.name, Place::new(s, "name"));
            form.text(ui, &format!("Job title of officer {n}"), &mut officer.job_title, Place::new(s, "job_title"));
            form.text(ui, &format!("Phone of officer {n}"), &mut officer.phone, Place::new(s, "phone"));
            form.text(ui, &format!("Email of officer {n}"), &mut officer.email, Place::new(s, "email"));
            op = form.row_buttons(ui, "officer", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut contacts.officers);
    }
    if form.add_button(ui, "Add officer", Place::doc("contacts.officers")) {
        contacts.officers.push(NamedOfficer::default());
    }
}

fn background_papers(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Background papers");
    form.paragraphs(
        ui,
        "Statement before the background papers",
        &mut review.background_papers_statement,
        Place::doc("background_papers_statement"),
    );
    let len = review.background_papers.len();
    let mut op = None;
    for i in 0..len {
        let n = i + 1;
        let s = Section::BackgroundPaper(i);
        let paper = &mut review.background_papers[i];
        ui.group(|ui| {
            form.text(ui, &format!("Background paper {n}"), &mut paper.text, Place::new(s, "text"));
            form.optional_text(
                ui,
                &format!("Web address of background paper {n} (optional)"),
                &mut paper.url,
                Place::new(s, "url"),
            );
            op = form.row_buttons(ui, "background paper", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut review.background_papers);
    }
    if form.add_button(ui, "Add background paper", Place::doc("background_papers")) {
        review.background_papers.push(BackgroundPaper::default());
    }
}

//! Appendices, contact points and background papers.

use egui::Ui;

use super::{Form, ListSpec, heading};
use crate::model::{
    Appendix, BackgroundPaper, ContactKind, ContactLine, ExemptParagraph, NamedOfficer, Place, Review, Section,
};

/// Page "Appendices and contacts".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    appendices(ui, form, review);
    contacts(ui, form, review);
    background_papers(ui, form, review);
}

fn appendices(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Appendices");
    let exempt_options: Vec<(Option<ExemptParagraph>, String)> = std::iter::once((None, "Not exempt".to_owned()))
        .chain(
            review
                .jurisdiction
                .paragraphs()
                .map(|p| (Some(p), format!("Exempt: paragraph {} of {}", p.number(), p.part()))),
        )
        .collect();
    let spec = ListSpec::new("appendix", "Add appendix", Place::doc("appendices"));
    form.list(
        ui,
        &mut review.appendices,
        spec,
        |_| Appendix::default(),
        |form, ui, i, appendix| {
            let n = i + 1;
            let s = Section::Appendix(i);
            form.text(ui, &format!("Title of appendix {n}"), &mut appendix.title, Place::new(s, "title"));
            form.choice(
                ui,
                &format!("Exemption of appendix {n}"),
                &mut appendix.exempt,
                &exempt_options,
                Place::new(s, "exempt"),
            );
            if let Some(p) = appendix.exempt {
                ui.weak(format!("Schedule 12A {} paragraph {}: {}", p.part(), p.number(), p.description()));
            }
            form.paragraphs(ui, &format!("Text of appendix {n}"), &mut appendix.body, Place::new(s, "body"));
        },
    );
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
    let spec = ListSpec::new("contact line", "Add contact line", Place::doc("contacts.general"));
    form.list(
        ui,
        &mut contacts.general,
        spec,
        |_| ContactLine::default(),
        |form, ui, i, line| {
            let n = i + 1;
            let s = Section::ContactLine(i);
            form.text(ui, &format!("Label of contact line {n}"), &mut line.label, Place::new(s, "label"));
            form.choice(ui, &format!("Kind of contact line {n}"), &mut line.kind, &kinds, Place::new(s, "kind"));
            form.text(ui, &format!("Number or address of contact line {n}"), &mut line.value, Place::new(s, "value"));
        },
    );

    ui.add_space(6.0);
    ui.label("Named officers");
    let spec = ListSpec::new("officer", "Add officer", Place::doc("contacts.officers"));
    form.list(
        ui,
        &mut contacts.officers,
        spec,
        |_| NamedOfficer::default(),
        |form, ui, i, officer| {
            let n = i + 1;
            let s = Section::Officer(i);
            form.text(ui, &format!("Name of officer {n}"), &mut officer.name, Place::new(s, "name"));
            form.text(ui, &format!("Job title of officer {n}"), &mut officer.job_title, Place::new(s, "job_title"));
            form.text(ui, &format!("Phone of officer {n}"), &mut officer.phone, Place::new(s, "phone"));
            form.text(ui, &format!("Email of officer {n}"), &mut officer.email, Place::new(s, "email"));
        },
    );
}

fn background_papers(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Background papers");
    let spec = ListSpec::new("background paper", "Add background paper", Place::doc("background_papers"));
    form.list(
        ui,
        &mut review.background_papers,
        spec,
        |_| BackgroundPaper::default(),
        |form, ui, i, paper| {
            let n = i + 1;
            let s = Section::BackgroundPaper(i);
            form.text(ui, &format!("Background paper {n}"), &mut paper.text, Place::new(s, "text"));
            form.optional_text(
                ui,
                &format!("Web address of background paper {n} (optional)"),
                &mut paper.url,
                Place::new(s, "url"),
            );
        },
    );
}

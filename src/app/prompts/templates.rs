//! The template questions: which template a new review follows, what applying one to the
//! current review will change (asked before it is done), and the name of a council's own
//! template saved from the current review.

use egui::{Key, RichText, Ui};

use super::Answer;
use crate::model::Template;
use crate::store::TemplateSource;

/// A template offered in a list, with what applying it would change (for Apply template).
#[derive(Clone, Debug, PartialEq)]
pub struct Offered {
    pub template: Template,
    pub source: TemplateSource,
    /// Apply template only: one sentence per change; empty when the review already follows it.
    pub changes: Vec<String>,
}

/// The list of templates as radio buttons with their descriptions; Enter picks, Escape cancels.
fn choose(ui: &mut Ui, offered: &[Offered], choice: &mut usize) {
    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
        for (i, o) in offered.iter().enumerate() {
            let t = &o.template;
            let from = match &o.source {
                TemplateSource::BuiltIn => "built in".to_owned(),
                TemplateSource::File(path) => format!("your template, {}", path.display()),
            };
            ui.radio_value(choice, i, RichText::new(format!("{} (version {})", t.name, t.version)).strong());
            ui.indent(("template_help", i), |ui| {
                if !t.description.trim().is_empty() {
                    ui.label(&t.description);
                }
                let headings: Vec<&str> = t.sections.iter().map(|s| s.heading.as_str()).collect();
                ui.weak(format!("Sections: {}", headings.join(", ")));
                ui.weak(from);
            });
        }
    });
}

/// OK / Cancel, with Enter and Escape.
fn buttons(ui: &mut Ui, ok: &str, enabled: bool) -> Option<bool> {
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.add_enabled(enabled, egui::Button::new(ok)).clicked()
            || (enabled && ui.input(|i| i.key_pressed(Key::Enter)))
        {
            answer = Some(true);
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
            answer = Some(false);
        }
    });
    answer
}

/// File → New review from a template…
pub fn new_review(ctx: &egui::Context, offered: &[Offered], choice: &mut usize) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("new_from_template")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        ui.label(RichText::new("New review from a template").heading());
        ui.label("Which council template should the report follow? You can apply another one later.");
        ui.add_space(6.0);
        choose(ui, offered, choice);
        ui.add_space(8.0);
        answer = buttons(ui, "Create review", *choice < offered.len())
            .map(|ok| Answer::NewFromTemplate(ok.then_some(*choice)));
    });
    answer
}

/// File → Apply template…: the list, and what the chosen one will change.
pub fn apply(ctx: &egui::Context, offered: &[Offered], choice: &mut usize) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("apply_template")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        ui.label(RichText::new("Apply a template").heading());
        ui.label(
            "Adds the sections and header facts the template has and this review lacks, and takes its locked \
             headings, numbering and house style. Nothing you wrote is removed. Undo reverses it.",
        );
        ui.add_space(6.0);
        choose(ui, offered, choice);
        ui.add_space(6.0);
        let changes = offered.get(*choice).map(|o| o.changes.as_slice()).unwrap_or_default();
        if changes.is_empty() {
            ui.label(RichText::new("This review already follows that template: nothing will change.").strong());
        } else {
            ui.label(RichText::new("What will change:").strong());
            egui::ScrollArea::vertical().id_salt("template_changes").max_height(160.0).show(ui, |ui| {
                for change in changes {
                    ui.label(format!("• {change}"));
                }
            });
        }
        ui.add_space(8.0);
        answer =
            buttons(ui, "Apply template", !changes.is_empty()).map(|ok| Answer::ApplyTemplate(ok.then_some(*choice)));
    });
    answer
}

/// File → Save as template…: its name and description; `problem` says why the last try failed.
pub fn save_as(ctx: &egui::Context, name: &mut String, description: &mut String, problem: &str) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("save_as_template")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new("Save as a council template").heading());
        ui.label(
            "Saves this review's sections, headings, prompts and block kinds — not its text — as a template \
             of your own, which New review from a template… then offers.",
        );
        ui.add_space(6.0);
        let label = ui.label("Template name (lower-case letters, digits and hyphens)");
        let r = ui.text_edit_singleline(name).labelled_by(label.id);
        if !r.has_focus() && name.is_empty() {
            r.request_focus();
        }
        let label = ui.label("Description");
        ui.text_edit_singleline(description).labelled_by(label.id);
        let check = name_problem(name);
        let shown = if problem.is_empty() { check.clone().unwrap_or_default() } else { problem.to_owned() };
        if !shown.is_empty() && !name.is_empty() {
            ui.colored_label(ui.visuals().error_fg_color, shown);
        }
        ui.add_space(8.0);
        answer = buttons(ui, "Save template", check.is_none())
            .map(|ok| Answer::SaveAsTemplate(ok.then(|| (name.trim().to_owned(), description.trim().to_owned()))));
    });
    answer
}

/// Why a template name cannot be used (it becomes a file name and is typed on the command line).
pub fn name_problem(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Give the template a name, such as harbridge-committee.".to_owned());
    }
    if name.len() > 60 {
        return Some("Keep the name under 60 characters.".to_owned());
    }
    let ok = name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok || name.starts_with('-') {
        return Some("Use only lower-case letters, digits and hyphens, e.g. harbridge-committee.".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::name_problem;

    #[test]
    fn template_names_are_safe_file_names() {
        assert_eq!(name_problem("harbridge-committee-2"), None);
        for bad in ["", "  ", "Harbridge", "../x", "a b", "-x", "x.peertemplate"] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
    }
}

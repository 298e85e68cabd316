//! Public or private? Asked before a briefing or a pack is printed whenever there is exempt
//! information (Schedule 12A). The public version is selected to start with, so pressing Enter
//! never publishes exempt text; the private path says exactly what it adds.

use egui::{Key, RichText};

use super::Answer;
use crate::briefing::Visibility;
use crate::model::disclosure::open_findings;
use crate::model::{Review, ScanOptions};

/// The exempt appendices of a review, as "Appendix 2: Case file audit (paragraph 2)".
pub fn exempt_appendices(review: &Review) -> Vec<String> {
    review
        .appendices
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.exempt.map(|p| format!("Appendix {}: {} (paragraph {})", i + 1, a.title, p.number())))
        .collect()
}

pub fn briefing(ctx: &egui::Context, review: &Review, choice: &mut Visibility, charts: &mut bool) -> Option<Answer> {
    let exempt = exempt_appendices(review);
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("briefing_version")).show(ctx, |ui| {
        ui.set_max_width(540.0);
        ui.label(RichText::new("Print the briefing").heading());
        ui.label(format!(
            "This review has {} exempt appendix{} (Schedule 12A, Local Government Act 1972). Which version do you need?",
            exempt.len(),
            if exempt.len() == 1 { "" } else { "es" }
        ));
        ui.add_space(6.0);
        ui.radio_value(choice, Visibility::Public, RichText::new("Public version, for publication").strong());
        let open = open_findings(review, &ScanOptions::default()).len();
        ui.indent("public_help", |ui| {
            ui.label("Each exempt appendix is replaced by a notice naming the paragraph of Schedule 12A that applies.");
            if open > 0 {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "Not printable yet: {open} possible personal data finding{} open (see Before publishing).",
                        if open == 1 { "" } else { "s" }
                    ),
                );
            }
        });
        ui.radio_value(
            choice,
            Visibility::Private,
            RichText::new("Private version, for members and officers only").strong(),
        );
        ui.indent("private_help", |ui| {
            ui.label("Includes the exempt text of:");
            for line in &exempt {
                ui.label(format!("• {line}"));
            }
            ui.label("Every page is marked NOT FOR PUBLICATION.");
        });
        ui.add_space(6.0);
        ui.checkbox(charts, "Include charts").on_hover_text(
            "Strengths and areas by theme, and the action plan by status, each followed by its numbers in words",
        );
        ui.add_space(8.0);
        answer = buttons(ui, *choice, open > 0).map(Answer::BriefingVersion);
    });
    answer
}

pub fn pack(ctx: &egui::Context, choice: &mut Visibility) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("pack_version")).show(ctx, |ui| {
        ui.set_max_width(540.0);
        ui.label(RichText::new("Make a committee pack").heading());
        ui.label("Both versions have the same page numbers. Which do you need?");
        ui.add_space(6.0);
        ui.radio_value(choice, Visibility::Public, RichText::new("Public pack, for publication").strong());
        ui.indent("public_help", |ui| {
            ui.label("Exempt items (Schedule 12A) are replaced by a notice page.");
        });
        ui.radio_value(choice, Visibility::Private, RichText::new("Private pack, for members").strong());
        ui.indent("private_help", |ui| {
            ui.label("Includes the exempt items; every page is marked NOT FOR PUBLICATION.");
        });
        ui.add_space(8.0);
        answer = buttons(ui, *choice, false).map(Answer::PackVersion);
    });
    answer
}

/// "Choose where to save…" (or Enter) and "Cancel" (or Escape). `public_blocked`: the public
/// version has open disclosure findings and cannot be chosen.
fn buttons(ui: &mut egui::Ui, choice: Visibility, public_blocked: bool) -> Option<Option<Visibility>> {
    let mut answer = None;
    ui.horizontal(|ui| {
        let what = match choice {
            Visibility::Public => "Public version: choose where to save…",
            Visibility::Private => "Private version: choose where to save…",
        };
        let enabled = !(public_blocked && choice == Visibility::Public);
        if ui.add_enabled(enabled, egui::Button::new(what)).clicked()
            || (enabled && ui.input(|i| i.key_pressed(Key::Enter)))
        {
            answer = Some(Some(choice));
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
            answer = Some(None);
        }
    });
    answer
}

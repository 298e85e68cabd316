//! The PDF is ready: Open PDF / Print / Close. It stays open while the printer is asked and
//! shows a failure beside the buttons, so Open PDF is still there when printing did not work.

use egui::RichText;

use super::{Answer, PrintedChoice, PrinterState};
use crate::app::printing::Printed;

pub fn show(ctx: &egui::Context, printed: &Printed, printer: &PrinterState) -> Option<Answer> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("printed")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.label(RichText::new(format!("The {} is ready", printed.what)).heading());
        ui.label(format!("{} ({} pages)", printed.path.display(), printed.pages));
        if !printed.warnings.is_empty() {
            ui.add_space(6.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} characters could not be printed and were replaced:", printed.warnings.len()),
            );
            for w in printed.warnings.iter().take(8) {
                ui.label(w);
            }
        }
        ui.add_space(6.0);
        match &printed.accessibility {
            Some(note) => ui.colored_label(ui.visuals().warn_fg_color, format!("This PDF is {note}")),
            None => ui.label("Accessible PDF: tagged for screen readers (PDF/UA-1)."),
        };
        match printer {
            PrinterState::Idle => {}
            PrinterState::Sending => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Sending it to the printer…");
                });
            }
            PrinterState::Failed(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open PDF").on_hover_text("Open it in your PDF viewer").clicked() {
                choice = Some(PrintedChoice::OpenPdf);
            }
            let sending = *printer == PrinterState::Sending;
            if ui
                .add_enabled(!sending, egui::Button::new("Print"))
                .on_hover_text("Send it to your default printer")
                .clicked()
            {
                choice = Some(PrintedChoice::Print);
            }
            if ui.button("Close").clicked() {
                choice = Some(PrintedChoice::Close);
            }
        });
    });
    choice.map(Answer::Printed)
}

//! The shared-drive guard: the file changed on disk since it was read.

use egui::RichText;

use super::{Answer, ExternalChoice};

pub fn show(ctx: &egui::Context, name: &str) -> Option<Answer> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("external_change")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.label(RichText::new("The file changed on disk").heading());
        ui.label(format!(
            "{name} was changed by someone or something else since you opened it (a colleague on the shared \
             drive, or a sync client). Saving now would replace their changes."
        ));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Overwrite").on_hover_text("Replace the file on disk with your version").clicked() {
                choice = Some(ExternalChoice::Overwrite);
            }
            if ui.button("Save as a copy…").on_hover_text("Keep both: save yours under a new name").clicked() {
                choice = Some(ExternalChoice::SaveCopy);
            }
            let reload = "Read the file as it is now; your changes stay one Undo (Ctrl+Z) away";
            if ui.button("Reload").on_hover_text(reload).clicked() {
                choice = Some(ExternalChoice::Reload);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ExternalChoice::Cancel);
            }
        });
    });
    choice.map(Answer::ExternalChange)
}

//! Save / Discard / Cancel before closing a tab, quitting, or reading a file again.

use egui::RichText;

use super::{Answer, CloseReason, UnsavedChoice};

pub fn show(ctx: &egui::Context, names: &[String], reason: CloseReason) -> Option<Answer> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.label(RichText::new("Unsaved changes").heading());
        ui.label(match reason {
            CloseReason::Quit => "Save your changes before PeerBrief closes?",
            CloseReason::CloseTab => "Save your changes before closing?",
            CloseReason::Reopen => {
                "This file is already open with unsaved changes. Save them, or discard them and read the file again?"
            }
        });
        for name in names {
            ui.label(format!("• {name}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").on_hover_text("Lose the unsaved changes").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").on_hover_text("Keep editing").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    choice.map(Answer::Unsaved)
}

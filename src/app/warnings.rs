//! The warnings panel: what to fix before the report goes to the panel, each a link to its field.

use egui::{RichText, Ui};

use super::command::Action;
use super::document::Editing;

/// Draws the list of validation warnings; a click asks to jump to the field.
pub fn show(ui: &mut Ui, doc: &mut Editing) -> Option<Action> {
    let mut action = None;
    let warnings = doc.warnings();
    ui.label(RichText::new(format!("Warnings ({})", warnings.len())).strong());
    if warnings.is_empty() {
        ui.label("Nothing to fix: every check passes.");
        return None;
    }
    ui.weak("Click a warning to go to its field.");
    egui::ScrollArea::vertical().id_salt("warnings").auto_shrink(false).show(ui, |ui| {
        for warning in warnings {
            let r = ui
                .add(egui::Button::new(warning.message.as_str()).wrap().frame_when_inactive(false))
                .on_hover_text(format!("Go to {}", warning.place));
            if r.clicked() {
                action = Some(Action::JumpTo(warning.place));
            }
        }
    });
    action
}

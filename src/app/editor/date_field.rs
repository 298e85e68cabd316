//! Date fields: typed the way UK officers write dates, shown in GOV.UK style.

use egui::Ui;

use super::Form;
use crate::model::{Date, Place};

/// What a date field remembers between frames.
#[derive(Clone, Debug)]
struct DateEdit {
    /// The text in the box.
    buffer: String,
    /// The review's value when this was last drawn (to notice undo and other changes).
    shown: Option<Date>,
    /// The review's value before the current edit: what a mistyped date leaves in place.
    original: Option<Date>,
    /// Why the text is not a date, if it is not.
    error: Option<String>,
}

impl DateEdit {
    fn showing(value: Option<Date>) -> DateEdit {
        DateEdit { buffer: text_of(value), shown: value, original: value, error: None }
    }
}

fn text_of(value: Option<Date>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

impl Form {
    /// A date field; empty means none. It shows the date GOV.UK style ("17 March 2026") and
    /// accepts what people type: 17/03/2026, 17/3/2026, 17 March 2026, 17 Mar 2026, March 2026,
    /// 2026-03-17 (see [`Date::parse_uk`]). A date takes effect as soon as the text is one, so
    /// saving while the field has focus saves it; text that is not a date says why underneath and
    /// leaves the review's date as it was before the edit began.
    pub fn date(&mut self, ui: &mut Ui, label: &str, value: &mut Option<Date>, place: Place) {
        let id = ui.make_persistent_id(("date", place, self.doc));
        let current = *value;
        let focused = ui.memory(|m| m.has_focus(id));
        let mut edit = ui.data(|d| d.get_temp::<DateEdit>(id)).unwrap_or_else(|| DateEdit::showing(current));
        if edit.shown != current && !focused {
            // Changed elsewhere (undo, a load): show the review's value.
            edit = DateEdit::showing(current);
        }
        if !focused {
            edit.original = current;
            if edit.error.is_none() {
                // "17/03/2026" becomes "17 March 2026" once the field is left.
                edit.buffer = text_of(current);
            }
        }
        let label = ui.label(label);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut edit.buffer)
                    .id(id)
                    .hint_text("e.g. 17/03/2026 or March 2026")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        self.target(&r, place);
        if r.changed() {
            let parsed = if edit.buffer.trim().is_empty() { Ok(None) } else { Date::parse_uk(&edit.buffer).map(Some) };
            let (new, error) = match parsed {
                Ok(date) => (date, None),
                Err(e) => (edit.original, Some(e.to_string())),
            };
            edit.error = error;
            if new != *value {
                *value = new;
                self.changed = true;
            }
        }
        match &edit.error {
            Some(error) => {
                let still = edit.original.map_or_else(|| "empty".to_owned(), |d| d.to_string());
                // Quiet while typing (the date is usually just not finished yet), red once left.
                if r.has_focus() {
                    ui.weak(error);
                } else {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.weak(format!("The date stays {still} until this is put right."));
            }
            None => {
                if let Some(d) = value
                    && r.has_focus()
                    && edit.buffer.trim() != d.to_string()
                {
                    ui.weak(d.to_string());
                }
            }
        }
        edit.shown = *value;
        ui.data_mut(|d| d.insert_temp(id, edit));
    }
}

//! The review's own theme set and the council's focus questions.

use egui::Ui;

use super::{Form, heading};
use crate::model::{Place, Review, Section, Theme};

/// Page "Themes and focus".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Themes");
    form.paragraphs(ui, "Lead-in to the themes", &mut review.themes_intro, Place::doc("themes_intro"));
    ui.weak("Findings refer to a theme by its id; renaming an id also renames it in every finding.");
    let len = review.themes.len();
    let mut op = None;
    for i in 0..len {
        ui.group(|ui| {
            ui.label(format!("Theme {}", i + 1));
            let old_id = review.themes[i].id.clone();
            let r = form.text(
                ui,
                &format!("Id of theme {}", i + 1),
                &mut review.themes[i].id,
                Place::new(Section::Theme(i), "id"),
            );
            if r.changed() {
                let new_id = review.themes[i].id.clone();
                for f in &mut review.findings {
                    for t in &mut f.themes {
                        if *t == old_id {
                            t.clone_from(&new_id);
                        }
                    }
                }
            }
            form.text(
                ui,
                &format!("Label of theme {}", i + 1),
                &mut review.themes[i].label,
                Place::new(Section::Theme(i), "label"),
            );
            op = form.row_buttons(ui, "theme", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut review.themes);
    }
    if form.add_button(ui, "Add theme", Place::doc("themes")) {
        let n = review.themes.len() + 1;
        review.themes.push(Theme::new(&format!("theme-{n}"), ""));
    }

    heading(ui, "Focus questions");
    form.paragraphs(ui, "Lead-in to the focus questions", &mut review.focus_intro, Place::doc("focus_intro"));
    let len = review.focus_questions.len();
    let mut op = None;
    for i in 0..len {
        ui.group(|ui| {
            form.paragraphs(
                ui,
                &format!("Focus question {}", i + 1),
                &mut review.focus_questions[i],
                Place::new(Section::FocusQuestion(i), ""),
            );
            op = form.row_buttons(ui, "focus question", i, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut review.focus_questions);
    }
    if form.add_button(ui, "Add focus question", Place::doc("focus_questions")) {
        review.focus_questions.push(String::new());
    }
}

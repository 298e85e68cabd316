//! The editor: every field of a review, one page per group of sections.
//!
//! Fields are drawn through [`Form`], which records whether anything changed (for undo and the
//! dirty flag), gives every input an accessible name, and scrolls to and focuses the field a
//! warning points at.

mod action;
mod action_plan;
mod closing;
mod date_field;
mod findings;
mod list;
mod logo;
mod report;
mod report_blocks;
mod report_sections;
mod team;
mod themes;

use egui::{Response, RichText, Ui, WidgetInfo};

pub use list::ListSpec;
pub use report_sections::FIXED_HEADING;
pub use themes::{apply_pending_edits, commit_pending_theme_id};

use super::document::{Editing, EditorPage};
use crate::model::Place;

/// Per-frame state of the form being drawn.
pub struct Form {
    /// Something in the review changed this frame.
    pub changed: bool,
    /// The field to scroll to and focus (from a clicked warning or dashboard item).
    pub jump: Option<Place>,
    /// Set once the jump target was drawn.
    pub jumped: bool,
    /// Which open document this is (see [`doc_key`]), so fields that remember typing between
    /// frames never carry it over to another tab with the same fields.
    pub doc: usize,
    /// "Logo…" was clicked: the app asks for a file once the frame is drawn.
    pub choose_logo: bool,
    /// A link on the page asked to show another page (a data block's "Edit on …").
    pub go_to: Option<EditorPage>,
}

/// Tells open documents apart while they are open: the address of their `Editing`, which each tab
/// keeps boxed, so it stays put.
pub fn doc_key(doc: &Editing) -> usize {
    std::ptr::from_ref(doc) as usize
}

/// A change to a list, from its row buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListOp {
    Up(usize),
    Down(usize),
    Remove(usize),
}

impl ListOp {
    /// Applies the change; returns where the moved item went (or `None` if removed).
    pub fn apply<T>(self, list: &mut Vec<T>) -> Option<usize> {
        match self {
            ListOp::Up(i) if i > 0 && i < list.len() => {
                list.swap(i, i - 1);
                Some(i - 1)
            }
            ListOp::Down(i) if i + 1 < list.len() => {
                list.swap(i, i + 1);
                Some(i + 1)
            }
            ListOp::Remove(i) if i < list.len() => {
                list.remove(i);
                None
            }
            _ => None,
        }
    }
}

impl Form {
    pub fn new(jump: Option<Place>, doc: usize) -> Form {
        Form { changed: false, jump, jumped: false, doc, choose_logo: false, go_to: None }
    }

    /// Scrolls to and focuses `response` if it is the jump target. A target with an empty field
    /// name means "the first field of that section".
    pub fn target(&mut self, response: &Response, place: Place) {
        if self.jumped {
            return;
        }
        if let Some(jump) = self.jump
            && jump.section == place.section
            && (jump.field == place.field || jump.field.is_empty())
        {
            response.scroll_to_me(Some(egui::Align::Center));
            response.request_focus();
            self.jumped = true;
        }
    }

    /// A text field's id from its place, not its position on the page, so it keeps its focus and
    /// cursor when a line above it comes or goes (a date field's hint, a warning).
    fn field_id(&self, place: Place) -> egui::Id {
        egui::Id::unique(("field", place, self.doc))
    }

    fn track(&mut self, response: &Response, place: Place) {
        self.changed |= response.changed();
        self.target(response, place);
    }

    /// A one-line text field with its label above.
    pub fn text(&mut self, ui: &mut Ui, label: &str, value: &mut String, place: Place) -> Response {
        let label = ui.label(label);
        let r = ui
            .add(egui::TextEdit::singleline(value).id(self.field_id(place)).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        self.track(&r, place);
        r
    }

    /// Item `n` of a list of one-line fields that share a place (the template's header facts):
    /// each needs its own widget id.
    pub fn nth_text(&mut self, ui: &mut Ui, label: &str, value: &mut String, place: Place, n: usize) -> Response {
        let label = ui.label(label);
        let id = egui::Id::unique(("field", place, self.doc, n));
        let r = ui.add(egui::TextEdit::singleline(value).id(id).desired_width(f32::INFINITY)).labelled_by(label.id);
        self.track(&r, place);
        r
    }

    /// A text field whose empty value means "not given".
    pub fn optional_text(&mut self, ui: &mut Ui, label: &str, value: &mut Option<String>, place: Place) {
        let mut text = value.clone().unwrap_or_default();
        if self.text(ui, label, &mut text, place).changed() {
            *value = (!text.trim().is_empty()).then_some(text);
        }
    }

    /// Paragraphs: blank lines separate paragraphs, as in the printed report.
    pub fn paragraphs(&mut self, ui: &mut Ui, label: &str, value: &mut String, place: Place) -> Response {
        let label = ui.label(label);
        let edit =
            egui::TextEdit::multiline(value).id(self.field_id(place)).desired_rows(3).desired_width(f32::INFINITY);
        let r = ui.add(edit).labelled_by(label.id);
        self.track(&r, place);
        r
    }

    /// A combo box choosing one of `options` by label.
    pub fn choice<T: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        options: &[(T, String)],
        place: Place,
    ) {
        let selected = options.iter().find(|(o, _)| o == value).map_or("", |(_, l)| l.as_str()).to_owned();
        let r = egui::ComboBox::new(ui.make_persistent_id(("choice", place)), label).selected_text(selected).show_ui(
            ui,
            |ui| {
                for (option, text) in options {
                    if ui.selectable_value(value, *option, text.as_str()).changed() {
                        self.changed = true;
                    }
                }
            },
        );
        self.target(&r.response, place);
    }

    /// A checkbox.
    pub fn checkbox(&mut self, ui: &mut Ui, label: &str, value: &mut bool, place: Place) {
        let r = ui.checkbox(value, label);
        self.track(&r, place);
    }

    /// Up / Down / Remove buttons for row `i` of `len`, named for screen readers
    /// ("Move team member 2 up"). Removing is undoable, so it does not ask.
    pub fn row_buttons(&mut self, ui: &mut Ui, noun: &str, i: usize, len: usize) -> Option<ListOp> {
        let mut op = None;
        ui.horizontal(|ui| {
            if named_button(ui, i > 0, "Up", &format!("Move {noun} {} up", i + 1)) {
                op = Some(ListOp::Up(i));
            }
            if named_button(ui, i + 1 < len, "Down", &format!("Move {noun} {} down", i + 1)) {
                op = Some(ListOp::Down(i));
            }
            if named_button(ui, true, "Remove", &format!("Remove {noun} {}", i + 1)) {
                op = Some(ListOp::Remove(i));
            }
        });
        if op.is_some() {
            self.changed = true;
        }
        op
    }

    /// An "Add …" button that is also the jump target for warnings about the whole list.
    pub fn add_button(&mut self, ui: &mut Ui, text: &str, place: Place) -> bool {
        let r = ui.button(text);
        self.target(&r, place);
        if r.clicked() {
            self.changed = true;
        }
        r.clicked()
    }
}

/// A button showing short `text` whose accessible name is the longer `name`.
pub fn named_button(ui: &mut Ui, enabled: bool, text: &str, name: &str) -> bool {
    let r = ui.add_enabled(enabled, egui::Button::new(text).small()).on_hover_text(name);
    let name = name.to_owned();
    r.widget_info(move || WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    r.clicked()
}

/// A section heading inside a page.
pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).heading());
}

/// Draws the editor for `doc`; returns true if the review changed.
pub fn show(ui: &mut Ui, doc: &mut Editing) -> bool {
    let jump = doc.view.jump.take();
    if let Some(place) = jump {
        doc.view.page = page_of(place);
        if let crate::model::Section::Finding(i) = place.section {
            doc.view.selected_finding = Some(i);
        }
    }
    let mut form = Form::new(jump, doc_key(doc));
    egui::Panel::left("editor_pages").resizable(false).show(ui, |ui| {
        ui.add_space(4.0);
        ui.label(RichText::new("Sections").strong());
        for page in EditorPage::ALL {
            if ui.selectable_label(doc.view.page == page, page.label()).clicked() {
                doc.view.page = page;
            }
        }
    });
    egui::CentralPanel::default().show(ui, |ui| match doc.view.page {
        EditorPage::Findings => findings::show(ui, &mut form, doc),
        page => {
            egui::ScrollArea::vertical().id_salt(("editor_page", page_id(page))).auto_shrink(false).show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                match page {
                    EditorPage::Report => {
                        report::show_report(ui, &mut form, &mut doc.review);
                        let mut choose = false;
                        logo::show(ui, &mut form, &mut doc.review, &mut choose);
                        form.choose_logo |= choose;
                    }
                    EditorPage::Text => report_sections::show(ui, &mut form, &mut doc.review),
                    EditorPage::Themes => themes::show(ui, &mut form, &mut doc.review),
                    EditorPage::Team => team::show(ui, &mut form, &mut doc.review),
                    EditorPage::ActionPlan => action_plan::show(ui, &mut form, &mut doc.review),
                    EditorPage::Closing | EditorPage::Findings => closing::show(ui, &mut form, &mut doc.review),
                }
            });
        }
    });
    // A renamed theme id takes effect once its field loses focus (Enter, Tab, a click elsewhere,
    // another page): here, after every page, so the rename is not lost when the page changes.
    if commit_pending_theme_id(ui.ctx(), doc) {
        form.changed = true;
    }
    if let Some(page) = form.go_to {
        doc.view.page = page;
    }
    if form.jump.is_some() && !form.jumped {
        // The target is on a page not drawn until this frame: try again next frame.
        doc.view.jump = form.jump;
        ui.ctx().request_repaint();
    }
    doc.view.choose_logo |= form.choose_logo;
    form.changed
}

fn page_id(page: EditorPage) -> usize {
    EditorPage::ALL.iter().position(|p| *p == page).unwrap_or(0)
}

/// The editor page that holds a place.
pub fn page_of(place: Place) -> EditorPage {
    use crate::model::Section as S;
    match place.section {
        S::Document => match place.field {
            "council"
            | "title"
            | "subject"
            | "report_of"
            | "marking"
            | "jurisdiction"
            | "logo"
            | "facilitator"
            | "review_start"
            | "review_end"
            | "previous_review"
            | "previous_review_file"
            | "header_facts" => EditorPage::Report,
            "themes" | "themes_intro" | "focus_intro" => EditorPage::Themes,
            "team" | "team_intro" => EditorPage::Team,
            "findings" => EditorPage::Findings,
            "action_plan" => EditorPage::ActionPlan,
            f if f.starts_with("contacts") || f.starts_with("background_papers") => EditorPage::Closing,
            _ => EditorPage::Text,
        },
        S::Meeting => EditorPage::Report,
        S::Theme(_) | S::FocusQuestion(_) => EditorPage::Themes,
        S::TeamMember(_) => EditorPage::Team,
        S::Finding(_) => EditorPage::Findings,
        S::Outcome(_) | S::SuccessIndicator(..) | S::Action(..) | S::ProgressNote(..) | S::DueDateChange(..) => {
            EditorPage::ActionPlan
        }
        S::ReportSection(_) | S::ReportBlock(..) | S::ReportItem(..) | S::ReportSubItem(..) => EditorPage::Text,
        S::Appendix(_) | S::ContactLine(_) | S::Officer(_) | S::BackgroundPaper(_) => EditorPage::Closing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_ops_move_and_remove_within_bounds() {
        let mut v = vec![1, 2, 3];
        assert_eq!(ListOp::Up(0).apply(&mut v), None);
        assert_eq!(ListOp::Up(2).apply(&mut v), Some(1));
        assert_eq!(v, [1, 3, 2]);
        assert_eq!(ListOp::Down(0).apply(&mut v), Some(1));
        assert_eq!(v, [3, 1, 2]);
        assert_eq!(ListOp::Down(2).apply(&mut v), None);
        assert_eq!(ListOp::Remove(1).apply(&mut v), None);
        assert_eq!(v, [3, 2]);
        assert_eq!(ListOp::Remove(5).apply(&mut v), None);
    }

    #[test]
    fn every_warning_place_maps_to_a_page() {
        use crate::model::{Section, validate};
        let review = crate::model::Review::default();
        for w in validate(&review, crate::store::today()) {
            let page = page_of(w.place);
            assert!(EditorPage::ALL.contains(&page));
        }
        assert_eq!(page_of(Place::new(Section::Officer(0), "email")), EditorPage::Closing);
        assert_eq!(page_of(Place::doc("contacts.general_heading")), EditorPage::Closing);
        assert_eq!(page_of(Place::doc("summary")), EditorPage::Text);
    }
}

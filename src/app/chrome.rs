//! The window around the documents: menu bar, tabs, view switcher, status bar, the welcome page
//! and the error page of a file that could not be read. Everything here only sends actions.

use std::time::Duration;

use egui::{RichText, Ui, ViewportCommand};

use super::document::{Content, LoadFailure, View};
use super::pack::PackPage;
use super::{Action, PeerBriefApp, UICommand, dashboard, editor, preview, publishing, warnings};

impl PeerBriefApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let has_doc = self.current().is_some();
        let is_editing = self.current().is_some_and(|d| d.editing().is_some() || d.pack().is_some());
        let is_review = self.current().is_some_and(|d| d.editing().is_some());
        let (can_undo, can_redo) = self.current().map_or((false, false), |d| (d.can_undo(), d.can_redo()));
        let actions = &mut self.actions;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [UICommand::New, UICommand::NewFromTemplate, UICommand::NewPack, UICommand::Open] {
                    if c.menu_button(ui, true) {
                        actions.push(c.into());
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.settings.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            actions.push(Action::OpenPaths(vec![path.clone()]));
                        }
                    }
                });
                ui.separator();
                for c in [UICommand::Save, UICommand::SaveAs, UICommand::Close] {
                    if c.menu_button(ui, has_doc) {
                        actions.push(c.into());
                    }
                }
                ui.separator();
                for c in [UICommand::ApplyTemplate, UICommand::SaveAsTemplate] {
                    if c.menu_button(ui, is_review) {
                        actions.push(c.into());
                    }
                }
                ui.separator();
                for c in [UICommand::PrintBriefing, UICommand::PrintProgress] {
                    if c.menu_button(ui, is_editing) {
                        actions.push(c.into());
                    }
                }
                if UICommand::MakePack.menu_button(ui, true) {
                    actions.push(UICommand::MakePack.into());
                }
                ui.separator();
                if UICommand::Quit.menu_button(ui, true) {
                    actions.push(UICommand::Quit.into());
                }
            });
            ui.menu_button("Edit", |ui| {
                if UICommand::Undo.menu_button(ui, can_undo) {
                    actions.push(UICommand::Undo.into());
                }
                if UICommand::Redo.menu_button(ui, can_redo) {
                    actions.push(UICommand::Redo.into());
                }
            });
            ui.menu_button("View", |ui| {
                for c in [UICommand::ShowDashboard, UICommand::ShowEditor, UICommand::ShowPreview] {
                    if c.menu_button(ui, is_editing) {
                        actions.push(c.into());
                    }
                }
                ui.separator();
                egui::gui_zoom::zoom_menu_buttons(ui);
            });
        });
    }

    pub(super) fn tab_bar(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            for (i, doc) in self.docs.iter().enumerate() {
                let title = doc.tab_title();
                if ui
                    .selectable_label(i == self.current, &title)
                    .on_hover_text(doc.path().map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string()))
                    .clicked()
                {
                    self.actions.push(Action::SelectTab(doc.id));
                }
                if editor::named_button(ui, true, "×", &format!("Close {}", doc.name())) {
                    self.actions.push(Action::CloseTab(doc.id));
                }
                ui.separator();
            }
        });
    }

    pub(super) fn view_switcher(&mut self, ui: &mut Ui) {
        if let Some(p) = self.docs.get(self.current).and_then(super::Document::pack) {
            let page = p.view.page;
            let actions = &mut self.actions;
            ui.horizontal(|ui| {
                for (shown, c) in [
                    (PackPage::Meeting, UICommand::ShowDashboard),
                    (PackPage::Agenda, UICommand::ShowEditor),
                    (PackPage::Preview, UICommand::ShowPreview),
                ] {
                    let shortcut = c.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
                    if ui.selectable_label(page == shown, shown.label()).on_hover_text(shortcut).clicked() {
                        actions.push(c.into());
                    }
                }
            });
            return;
        }
        let Some(e) = self.docs.get_mut(self.current).and_then(super::Document::editing_mut) else { return };
        let actions = &mut self.actions;
        ui.horizontal(|ui| {
            for (view, c) in [
                (View::Dashboard, UICommand::ShowDashboard),
                (View::Editor, UICommand::ShowEditor),
                (View::Preview, UICommand::ShowPreview),
            ] {
                if ui.selectable_label(e.view.current == view, c.text()).on_hover_text(c.tooltip()).clicked() {
                    actions.push(c.into());
                }
            }
            ui.separator();
            let text = match e.warnings().len() {
                0 => "No warnings".to_owned(),
                1 => "1 warning".to_owned(),
                n => format!("{n} warnings"),
            };
            if ui.button(text).on_hover_text("Show the warnings beside the editor").clicked() {
                actions.push(UICommand::ShowEditor.into());
            }
            let open = publishing::findings(e).len();
            let hover = "Possible personal data in the text the public version would print";
            if ui.selectable_label(e.view.publishing.open, publishing::button_text(open)).on_hover_text(hover).clicked()
            {
                e.view.publishing.open = !e.view.publishing.open;
            }
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if self.printing.is_some() {
                ui.spinner();
            }
            if self.status.error {
                ui.colored_label(ui.visuals().error_fg_color, RichText::new(&self.status.text).strong());
            } else {
                ui.label(&self.status.text);
            }
        });
    }

    fn welcome(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.label(RichText::new("PeerBrief").heading().strong());
            ui.label("Peer review briefings for scrutiny panels");
            ui.add_space(12.0);
            for c in [UICommand::New, UICommand::NewFromTemplate, UICommand::NewPack, UICommand::Open] {
                if ui.button(c.text()).on_hover_text(c.tooltip()).clicked() {
                    self.actions.push(c.into());
                }
            }
            if !self.settings.recent_files.is_empty() {
                ui.add_space(12.0);
                ui.label(RichText::new("Recent files").strong());
                for path in &self.settings.recent_files {
                    if ui.link(path.display().to_string()).clicked() {
                        self.actions.push(Action::OpenPaths(vec![path.clone()]));
                    }
                }
            }
        });
    }

    /// The current tab: the dashboard, editor or preview of a review, or an error page.
    pub(super) fn document_view(&mut self, ui: &mut Ui) {
        let typing = ui.ctx().egui_wants_keyboard_input();
        let Some(doc) = self.docs.get_mut(self.current) else {
            egui::CentralPanel::default().show(ui, |ui| self.welcome(ui));
            return;
        };
        let mut action = None;
        let id = doc.id;
        match &mut doc.content {
            Content::Failed(f) => {
                let f = f.clone();
                egui::CentralPanel::default().show(ui, |ui| {
                    action = error_page(ui, &f, id);
                });
            }
            Content::Pack(p) => {
                if let Some(request) = super::pack::show(ui, p, typing) {
                    action = Some(Action::Pack(id, request));
                }
            }
            Content::Editing(e) => {
                // A click or a focus change ends a typing step before anything else changes, so
                // the typing and the click become separate undo steps.
                let pressed = ui.input(|i| i.pointer.any_pressed());
                e.settle(typing && !pressed);
                let mut changed = false;
                let (mut published_change, mut panel_action) = (false, None);
                if e.view.publishing.open {
                    egui::Panel::right("publishing_panel").resizable(true).default_size(340.0).show(ui, |ui| {
                        (published_change, panel_action) = publishing::show(ui, e);
                    });
                }
                if e.view.current == View::Editor {
                    egui::Panel::right("warnings_panel").resizable(true).default_size(300.0).show(ui, |ui| {
                        action = warnings::show(ui, e);
                    });
                }
                egui::CentralPanel::default().show(ui, |ui| match e.view.current {
                    View::Dashboard => action = dashboard::show(ui, e),
                    View::Editor => changed = editor::show(ui, e),
                    View::Preview => preview::show_for(ui, e, id),
                });
                if changed {
                    e.note_change(typing);
                }
                if std::mem::take(&mut e.view.choose_logo) {
                    action = Some(Action::ChooseLogo(id));
                }
                action = action.or(panel_action);
                if published_change {
                    // A button in the panel: its own undo step, never merged with typing.
                    e.note_change(false);
                }
                e.settle(typing);
                if e.is_pending() {
                    ui.ctx().request_repaint_after(Duration::from_millis(300));
                }
            }
        }
        if let Some(a) = action {
            self.actions.push(a);
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }
}

/// The error page of a file that failed to load: file, line and column, and what to do.
fn error_page(ui: &mut Ui, f: &LoadFailure, id: super::DocId) -> Option<Action> {
    let mut action = None;
    ui.label(RichText::new("This file could not be opened").heading());
    ui.label(RichText::new(f.path.display().to_string()).monospace());
    if let Some((line, col)) = f.position {
        ui.label(RichText::new(format!("Line {line}, column {col}")).strong());
    }
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(&f.message).monospace()).wrap());
    ui.add_space(6.0);
    ui.label("Fix the file in a text editor, then try again. PeerBrief never saves over a file it could not read.");
    ui.horizontal(|ui| {
        if ui.button("Try again").clicked() {
            action = Some(Action::Reload);
        }
        if ui.button("Close tab").clicked() {
            action = Some(Action::CloseTab(id));
        }
    });
    action
}

//! The picker's list of folders and files, and the New folder row: folders first, the selection
//! following keyboard focus, Ctrl+click for several reviews, a double-click or Enter to open or
//! choose.

use egui::{Button, Key, PointerButton, RichText, Role, TextEdit, Ui, WidgetInfo};

use super::super::folder::{Entry, size_text};
use super::{Act, FilePicker};

impl FilePicker {
    pub(super) fn list(&mut self, ui: &mut Ui, height: f32, act: &mut Option<Act>) {
        let visible: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| self.show_hidden || !e.hidden())
            .filter(|e| e.is_dir || self.all_files || self.kind.matches(&e.path))
            .collect();
        let focus_first = self.focus_pending && !self.saving();
        let mut row_focused = false;
        let mut focused_row = self.focused_row.clone();
        egui::Frame::group(ui.style()).inner_margin(2.0).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("picker_list")
                .min_scrolled_height(height)
                .max_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    if visible.is_empty() && self.error.is_none() {
                        let empty = if self.entries.is_empty() {
                            "This folder is empty."
                        } else {
                            "There are no folders or matching files here."
                        };
                        ui.label(RichText::new(empty).weak());
                    }
                    let several = self.several();
                    for (i, entry) in visible.iter().enumerate() {
                        let selected =
                            self.selected.as_deref() == Some(entry.path.as_path()) || self.also.contains(&entry.path);
                        let right = if entry.is_dir {
                            "Folder".to_owned()
                        } else {
                            entry.size.map(size_text).unwrap_or_default()
                        };
                        let row = ui.add(
                            Button::selectable(selected, {
                                let name = RichText::new(entry.name.as_str());
                                if entry.is_dir { name.strong() } else { name }
                            })
                            .right_text(RichText::new(right).weak())
                            .truncate()
                            .min_size(egui::vec2(ui.available_width(), 0.0)),
                        );
                        let name = entry.accessible_name();
                        row.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &name));
                        if focus_first && i == 0 {
                            row.request_focus();
                        }
                        // The selection follows the keyboard focus. (Not `gained_focus`: it
                        // misses focus moved by the arrow keys, which lands between frames.)
                        if row.has_focus() {
                            row_focused = true;
                            if focused_row.as_deref() != Some(entry.path.as_path()) {
                                focused_row = Some(entry.path.clone());
                                row.scroll_to_me(None);
                                if !selected {
                                    *act = Some(Act::Select((*entry).clone()));
                                }
                            }
                        }
                        let ctrl = ui.input(|i| i.modifiers.command);
                        if row.double_clicked() {
                            *act = Some(Act::Activate((*entry).clone()));
                        } else if row.clicked_by(PointerButton::Primary) && ctrl && several && !entry.is_dir {
                            row.request_focus();
                            focused_row = Some(entry.path.clone());
                            *act = Some(Act::Toggle((*entry).clone()));
                        } else if row.clicked_by(PointerButton::Primary) {
                            row.request_focus();
                            *act = Some(Act::Select((*entry).clone()));
                        } else if row.clicked() {
                            // Enter or Space on the focused row, or a screen reader's "press".
                            *act = Some(Act::Activate((*entry).clone()));
                        }
                    }
                });
        });
        if focus_first {
            self.focus_pending = false;
        }
        self.focused_row = if row_focused { focused_row } else { None };
        if row_focused
            && ui.input(|i| i.key_pressed(Key::Backspace))
            && let Some(parent) = self.folder.parent()
        {
            *act = Some(Act::Go(parent.to_owned()));
        }
    }

    pub(super) fn new_folder_row(&mut self, ui: &mut Ui, act: &mut Option<Act>) {
        let Some(name) = &mut self.new_folder else { return };
        let mut close = false;
        ui.horizontal(|ui| {
            let label = ui.label("New folder name");
            let edit = ui.add(TextEdit::singleline(name).id_salt("picker_new_folder").desired_width(220.0));
            let edit = edit.labelled_by(label.id);
            if std::mem::take(&mut self.focus_new_folder) {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if entered || ui.button("Create folder").clicked() {
                *act = Some(Act::CreateFolder);
            }
            if ui.button("Do not create").clicked() {
                close = true;
            }
        });
        if close {
            self.new_folder = None;
        }
    }
}

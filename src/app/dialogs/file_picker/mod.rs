//! PeerBrief's own file picker, drawn in the window as a modal: a folder bar (editable), Up and
//! Home, the folders and matching files of the folder (folders first, sorted, arrow keys move
//! between them, Enter or a double-click opens a folder or chooses a file), a file name box, the
//! file type filter, New folder, and Cancel. Saving over an existing file asks first.
//!
//! It only reads folders and, for New folder, creates one: the chosen path goes back to the app,
//! which does the writing as it does for the system dialog.

use std::io;
use std::path::{Path, PathBuf};

use egui::text::{CCursor, CCursorRange};
use egui::{Button, Id, Key, Modifiers, RichText, TextEdit, Ui};

mod list;

use super::FileKind;
use super::folder::{Entry, folder_error, home_folder, list_folder};

/// The picker's state while it is open.
pub(crate) struct FilePicker {
    kind: FileKind,
    /// `Some(suggested file name)` when saving.
    suggested: Option<String>,
    folder: PathBuf,
    /// The folder bar's text (edited by the user; reset on every move).
    folder_text: String,
    entries: Vec<Entry>,
    /// Why the folder could not be opened, or why the choice was refused.
    error: Option<String>,
    all_files: bool,
    show_hidden: bool,
    selected: Option<PathBuf>,
    /// Opening reviews: more files chosen with Ctrl+click, besides `selected`.
    also: Vec<PathBuf>,
    /// The row that had the keyboard focus last frame (the selection follows the focus).
    focused_row: Option<PathBuf>,
    file_name: String,
    /// Waiting for "Replace the file?" on this path.
    replace: Option<PathBuf>,
    /// The name being typed for a new folder.
    new_folder: Option<String>,
    /// Said once, at the top of the first picker of the session.
    notice: Option<String>,
    focus_pending: bool,
    focus_new_folder: bool,
}

/// What the user did this frame.
enum Act {
    Go(PathBuf),
    Activate(Entry),
    Select(Entry),
    /// Ctrl+click: add the file to the files chosen, or take it out.
    Toggle(Entry),
    Confirm,
    Cancel,
    CreateFolder,
}

impl FilePicker {
    /// A picker showing `folder` (or the error if it cannot be read).
    pub fn new(kind: FileKind, suggested: Option<&str>, folder: PathBuf, notice: Option<String>) -> FilePicker {
        let mut picker = FilePicker {
            kind,
            suggested: suggested.map(str::to_owned),
            folder_text: folder.display().to_string(),
            folder: folder.clone(),
            entries: Vec::new(),
            error: None,
            all_files: false,
            show_hidden: false,
            selected: None,
            also: Vec::new(),
            focused_row: None,
            file_name: suggested.unwrap_or_default().to_owned(),
            replace: None,
            new_folder: None,
            notice,
            focus_pending: true,
            focus_new_folder: false,
        };
        if !picker.go_to(folder) {
            picker.entries.clear();
        }
        picker
    }

    /// The folder on show (the next picker starts here).
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn saving(&self) -> bool {
        self.suggested.is_some()
    }

    /// Draws the picker; returns `Some(paths)` once the user has chosen (empty = cancelled).
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Vec<PathBuf>> {
        // Like a system dialog, the picker keeps the keyboard: egui's own Ctrl+Q (which would
        // close the window behind it) waits too. The app holds back its shortcuts (`is_open`).
        let quit = ctx.options(|o| o.quit_shortcuts.clone());
        ctx.input_mut(|i| {
            for shortcut in &quit {
                i.consume_shortcut(shortcut);
            }
        });
        let mut act = None;
        let frame = egui::Frame::popup(&ctx.global_style()).inner_margin(14.0);
        let modal = egui::Modal::new(Id::unique("peerbrief_file_picker"))
            .frame(frame)
            .show(ctx, |ui| self.contents(ui, &mut act));
        if let Some(target) = self.replace.clone() {
            return self.replace_prompt(ctx, &target);
        }
        if modal.is_top_modal && !modal.any_popup_open && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            if self.new_folder.is_some() {
                self.new_folder = None;
            } else {
                act = Some(Act::Cancel);
            }
        }
        match act? {
            Act::Go(folder) => {
                self.go_to(folder);
                None
            }
            Act::Select(entry) => {
                self.select(&entry);
                None
            }
            Act::Toggle(entry) => {
                self.toggle(&entry);
                None
            }
            Act::Activate(entry) => {
                self.select(&entry);
                if entry.is_dir {
                    self.go_to(entry.path);
                    None
                } else {
                    self.confirm()
                }
            }
            Act::Confirm => self.confirm(),
            Act::Cancel => Some(Vec::new()),
            Act::CreateFolder => {
                self.create_folder();
                None
            }
        }
    }

    fn contents(&mut self, ui: &mut Ui, act: &mut Option<Act>) {
        let screen = ui.ctx().content_rect();
        let width = (screen.width() - 80.0).clamp(280.0, 720.0);
        let list_height = (screen.height() - 270.0).clamp(80.0, 340.0);
        ui.set_width(width);
        ui.label(RichText::new(self.kind.title(self.saving())).heading());
        if let Some(notice) = &self.notice {
            egui::Frame::group(ui.style()).fill(ui.visuals().faint_bg_color).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(notice.as_str());
            });
        }
        ui.add_space(4.0);
        self.folder_bar(ui, act);
        self.list(ui, list_height, act);
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error.as_str());
        } else if self.several() {
            let key = if cfg!(target_os = "macos") { "Cmd" } else { "Ctrl" };
            ui.label(RichText::new(format!("To open more than one review, hold {key} and click each one.")).weak());
        }
        if self.new_folder.is_some() {
            self.new_folder_row(ui, act);
        }
        ui.add_space(4.0);
        self.name_and_type(ui, act);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let verb = if self.saving() { "Save" } else { "Open" };
            if ui.button(verb).clicked() {
                *act = Some(Act::Confirm);
            }
            if ui.button("Cancel").on_hover_text("Close this without choosing a file").clicked() {
                *act = Some(Act::Cancel);
            }
        });
    }

    fn folder_bar(&mut self, ui: &mut Ui, act: &mut Option<Act>) {
        let mut go = false;
        ui.horizontal(|ui| {
            let label = ui.label("Folder");
            let go_width = 40.0;
            let edit = ui.add(
                TextEdit::singleline(&mut self.folder_text)
                    .id_salt("picker_folder")
                    .desired_width(ui.available_width() - go_width - ui.spacing().item_spacing.x),
            );
            let edit = edit.labelled_by(label.id);
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            go = entered || ui.button("Go").on_hover_text("Go to the folder typed here").clicked();
        });
        if go {
            *act = Some(Act::Go(self.resolve(&self.folder_text)));
        }
        let saving = self.saving();
        let parent = self.folder.parent().map(Path::to_owned);
        ui.horizontal(|ui| {
            let up = ui.add_enabled(parent.is_some(), Button::new("Up")).on_hover_text("Go to the folder above");
            if up.clicked()
                && let Some(parent) = parent
            {
                *act = Some(Act::Go(parent));
            }
            if let Some(home) = home_folder()
                && ui.button("Home").on_hover_text("Go to your home folder").clicked()
            {
                *act = Some(Act::Go(home));
            }
            if saving
                && ui.button("New folder").on_hover_text("Make a new folder here").clicked()
                && self.new_folder.is_none()
            {
                self.new_folder = Some(String::new());
                self.focus_new_folder = true;
            }
            ui.checkbox(&mut self.show_hidden, "Show hidden files");
        });
    }

    fn name_and_type(&mut self, ui: &mut Ui, act: &mut Option<Act>) {
        let (kind_name, extensions) = self.kind.filter();
        let kind_text =
            format!("{kind_name} ({})", extensions.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", "));
        let saving = self.saving();
        egui::Grid::new("picker_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            let label = ui.label("File name");
            let out = TextEdit::singleline(&mut self.file_name)
                .id_salt("picker_file_name")
                .desired_width(ui.available_width().max(200.0))
                .show(ui);
            let response = out.response.response.clone().labelled_by(label.id);
            if self.focus_pending && saving {
                self.focus_pending = false;
                response.request_focus();
                // Select the name without its extension, ready to be typed over.
                let stem = self.file_name.rfind('.').filter(|&i| i > 0).unwrap_or(self.file_name.len());
                let mut state = out.state;
                let end = self.file_name[..stem].chars().count();
                state.cursor.set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(end))));
                state.store(ui.ctx(), response.id);
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                *act = Some(Act::Confirm);
            }
            ui.end_row();

            let label = ui.label("File type");
            let current = if self.all_files { "All files".to_owned() } else { kind_text.clone() };
            let combo = egui::ComboBox::from_id_salt("picker_file_type").selected_text(current).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.all_files, false, kind_text.as_str());
                ui.selectable_value(&mut self.all_files, true, "All files");
            });
            let _ = combo.response.labelled_by(label.id);
            ui.end_row();
        });
    }

    /// "Replace the file?" over the picker; returns the answer once the user agrees.
    fn replace_prompt(&mut self, ctx: &egui::Context, target: &Path) -> Option<Vec<PathBuf>> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = target.parent().map(|p| p.display().to_string()).unwrap_or_default();
        let mut choice = None;
        let modal = egui::Modal::new(Id::unique("peerbrief_file_picker_replace")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.label(RichText::new("Replace the existing file?").heading());
            ui.label(format!("There is already a file called “{name}” in {folder}. Saving will replace it."));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Replace the file").clicked() {
                    choice = Some(true);
                }
                if ui.button("Choose another name").clicked() {
                    choice = Some(false);
                }
            });
        });
        if modal.is_top_modal && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            choice = Some(false);
        }
        match choice? {
            true => Some(vec![self.replace.take().unwrap_or_else(|| target.to_owned())]),
            false => {
                self.replace = None;
                self.focus_pending = self.saving();
                None
            }
        }
    }

    /// A typed folder or file name as a path: `~` is the home folder, and a relative name is
    /// inside the folder on show.
    fn resolve(&self, typed: &str) -> PathBuf {
        let typed = typed.trim();
        let path = match (typed.strip_prefix('~'), home_folder()) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(['/', '\\']) => {
                home.join(rest.trim_start_matches(['/', '\\']))
            }
            _ => PathBuf::from(typed),
        };
        if path.is_absolute() { path } else { self.folder.join(path) }
    }

    /// Shows `folder`; on failure stays where it was and says why. Returns true if it moved.
    fn go_to(&mut self, folder: PathBuf) -> bool {
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        match list_folder(&folder) {
            Ok(entries) => {
                self.folder_text = folder.display().to_string();
                self.folder = folder;
                self.entries = entries;
                self.selected = None;
                self.also.clear();
                self.error = None;
                if !self.saving() {
                    // A file name typed or chosen in the last folder means nothing here.
                    self.file_name.clear();
                }
                true
            }
            Err(e) => {
                self.error = Some(folder_error(&folder, &e));
                self.folder_text = self.folder.display().to_string();
                false
            }
        }
    }

    fn select(&mut self, entry: &Entry) {
        self.selected = Some(entry.path.clone());
        self.also.clear();
        if !entry.is_dir {
            self.file_name = entry.name.clone();
        }
    }

    /// Can several files be chosen? (Opening reviews: each becomes a tab.)
    fn several(&self) -> bool {
        !self.saving() && self.kind == FileKind::Review
    }

    /// The files chosen with Ctrl+click (with the selected one), in list order.
    fn chosen(&self) -> Vec<PathBuf> {
        let is_chosen = |e: &&Entry| {
            !e.is_dir && (self.selected.as_deref() == Some(e.path.as_path()) || self.also.contains(&e.path))
        };
        self.entries.iter().filter(is_chosen).map(|e| e.path.clone()).collect()
    }

    /// The file name box while several files are chosen: each name in quotes.
    fn chosen_names(&self) -> String {
        let names: Vec<String> = self
            .chosen()
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| format!("\"{}\"", n.to_string_lossy()))
            .collect();
        names.join(" ")
    }

    fn toggle(&mut self, entry: &Entry) {
        let selected_file = self.selected_entry().filter(|e| !e.is_dir).map(|e| e.path);
        if self.also.contains(&entry.path) {
            self.also.retain(|p| p != &entry.path);
        } else if selected_file.as_deref() == Some(entry.path.as_path()) {
            self.selected = self.also.pop();
        } else {
            self.also.extend(selected_file);
            self.selected = Some(entry.path.clone());
        }
        self.file_name = match self.chosen().len() {
            0 => String::new(),
            1 => self.chosen()[0].file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            _ => self.chosen_names(),
        };
    }

    /// Save or Open (or Enter in the file name box).
    fn confirm(&mut self) -> Option<Vec<PathBuf>> {
        let typed = self.file_name.trim().to_owned();
        if self.several() && self.chosen().len() > 1 && typed == self.chosen_names() {
            return Some(self.chosen());
        }
        if typed.is_empty() {
            if !self.saving()
                && let Some(entry) = self.selected_entry()
            {
                if entry.is_dir {
                    self.go_to(entry.path);
                    return None;
                }
                return Some(vec![entry.path]);
            }
            self.error = Some(
                if self.saving() { "Enter a name for the file." } else { "Choose a file, or type its name." }.into(),
            );
            return None;
        }
        let target = self.resolve(&typed);
        if target.is_dir() {
            self.go_to(target);
            self.file_name = self.suggested.clone().unwrap_or_default();
            self.focus_pending = self.saving();
            return None;
        }
        if !self.saving() {
            if target.is_file() {
                return Some(vec![target]);
            }
            self.error = Some(format!("There is no file called “{typed}” in this folder."));
            return None;
        }
        let target = self.kind.with_extension(target);
        match target.parent() {
            Some(parent) if parent.is_dir() => {}
            parent => {
                let parent = parent.map(|p| p.display().to_string()).unwrap_or_default();
                self.error =
                    Some(format!("There is no folder called {parent}. Check the name, or make the folder first."));
                return None;
            }
        }
        if target.is_dir() {
            self.error = Some(format!("“{typed}” is a folder. Choose a different name for the file."));
            return None;
        }
        if target.exists() {
            self.replace = Some(target);
            return None;
        }
        Some(vec![target])
    }

    fn selected_entry(&self) -> Option<Entry> {
        let selected = self.selected.as_deref()?;
        self.entries.iter().find(|e| e.path == selected).cloned()
    }

    fn create_folder(&mut self) {
        let name = self.new_folder.as_deref().unwrap_or_default().trim().to_owned();
        if name.is_empty() {
            self.error = Some("Enter a name for the new folder.".into());
            return;
        }
        if name.contains(['/', '\\']) || name == "." || name == ".." {
            self.error = Some("A folder name cannot contain / or \\, or be . or ..".into());
            return;
        }
        let path = self.folder.join(&name);
        match std::fs::create_dir(&path) {
            Ok(()) => {
                self.new_folder = None;
                self.go_to(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                self.error = Some(format!("There is already a folder or file called “{name}” here."));
            }
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                self.error = Some(format!("You do not have permission to make a folder in {}.", self.folder.display()));
            }
            Err(e) => self.error = Some(format!("The folder “{name}” could not be made: {e}.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_folder_without_permission_is_explained_and_the_picker_stays_put() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let mut p = FilePicker::new(FileKind::Review, None, dir.path().into(), None);
        let folder = p.folder().to_owned();
        let moved = p.go_to(locked.clone());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        if moved {
            return; // Running as root: every folder can be read.
        }
        assert_eq!(p.folder(), folder);
        assert_eq!(
            p.error.as_deref(),
            Some(
                format!("You do not have permission to open the folder {}.", folder.join("locked").display()).as_str()
            )
        );
    }

    #[test]
    fn saving_adds_the_extension_and_asks_before_replacing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("old.peerreview"), "x").unwrap();
        let mut p = FilePicker::new(FileKind::Review, Some("Untitled review.peerreview"), dir.path().into(), None);
        let folder = p.folder().to_owned();
        p.file_name = "budget".into();
        assert_eq!(p.confirm(), Some(vec![folder.join("budget.peerreview")]));
        p.file_name = "old".into();
        assert_eq!(p.confirm(), None);
        assert_eq!(p.replace, Some(folder.join("old.peerreview")));
        p.replace = None;
        p.file_name = "nowhere/x".into();
        assert_eq!(p.confirm(), None);
        assert!(p.error.as_deref().unwrap().starts_with("There is no folder called"), "{:?}", p.error);
        p.file_name = String::new();
        assert_eq!(p.confirm(), None);
        assert_eq!(p.error.as_deref(), Some("Enter a name for the file."));
    }
}

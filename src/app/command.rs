//! Every user action, once: menus, buttons and keyboard shortcuts are all built from
//! [`UICommand`], so they never disagree (rerun's pattern). UI code only *sends* commands; the app
//! carries them out once per frame (`handle.rs`).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::document::DocId;
use super::pack::PackRequest;
use super::prompts::Answer;
use crate::model::Place;

/// An action a user can pick from a menu or trigger with a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UICommand {
    New,
    NewFromTemplate,
    NewPack,
    Open,
    Save,
    SaveAs,
    Close,
    ApplyTemplate,
    SaveAsTemplate,
    PrintBriefing,
    PrintProgress,
    Quit,
    Undo,
    Redo,
    ShowDashboard,
    ShowEditor,
    ShowPreview,
    MakePack,
}

impl UICommand {
    /// In menu order.
    pub const ALL: [UICommand; 18] = [
        UICommand::New,
        UICommand::NewFromTemplate,
        UICommand::NewPack,
        UICommand::Open,
        UICommand::Save,
        UICommand::SaveAs,
        UICommand::Close,
        UICommand::ApplyTemplate,
        UICommand::SaveAsTemplate,
        UICommand::PrintBriefing,
        UICommand::PrintProgress,
        UICommand::Quit,
        UICommand::Undo,
        UICommand::Redo,
        UICommand::ShowDashboard,
        UICommand::ShowEditor,
        UICommand::ShowPreview,
        UICommand::MakePack,
    ];

    /// Menu text, which is also the button's accessible name.
    pub fn text(self) -> &'static str {
        match self {
            UICommand::New => "New review",
            UICommand::NewFromTemplate => "New review from a template…",
            UICommand::ApplyTemplate => "Apply template…",
            UICommand::SaveAsTemplate => "Save as template…",
            UICommand::NewPack => "New committee pack",
            UICommand::Open => "Open…",
            UICommand::Save => "Save",
            UICommand::SaveAs => "Save as…",
            UICommand::Close => "Close tab",
            UICommand::PrintBriefing => "Print briefing…",
            UICommand::PrintProgress => "Print progress report…",
            UICommand::Quit => "Quit",
            UICommand::Undo => "Undo",
            UICommand::Redo => "Redo",
            UICommand::ShowDashboard => "Dashboard",
            UICommand::ShowEditor => "Editor",
            UICommand::ShowPreview => "Preview",
            UICommand::MakePack => "Make committee pack…",
        }
    }

    /// Tooltip: what the command does, in plain words.
    pub fn tooltip(self) -> &'static str {
        match self {
            UICommand::New => "Start a blank review with the LGA's five themes",
            UICommand::NewFromTemplate => "Start a review laid out by a council template: built-in or your own",
            UICommand::ApplyTemplate => {
                "Lay this review out by a template: shows what will change first; nothing you wrote is removed"
            }
            UICommand::SaveAsTemplate => "Make a council template of your own from this review's sections",
            UICommand::NewPack => "Start the agenda pack of a meeting: procedural items, reports and papers",
            UICommand::Open => "Open a review file (.peerreview or .ron)",
            UICommand::Save => "Save the review to its file",
            UICommand::SaveAs => "Save the review under a new name",
            UICommand::Close => "Close this review (asks first if it has unsaved changes)",
            UICommand::PrintBriefing => "Print the panel briefing for this review",
            UICommand::PrintProgress => {
                "Print the progress report on this review's action plan for a follow-up panel: status, owners, due dates and why they moved"
            }
            UICommand::Quit => "Close PeerBrief",
            UICommand::Undo => "Undo the last change to this review",
            UICommand::Redo => "Redo the change you undid",
            UICommand::ShowDashboard => "Key strengths against areas for consideration, by theme",
            UICommand::ShowEditor => "Edit every part of the review",
            UICommand::ShowPreview => "The panel briefing exactly as it will print",
            UICommand::MakePack => "Print a committee pack (several reports, one PDF) from a .peerpack manifest",
        }
    }

    /// The primary shortcut. Shift variants come first in [`UICommand::ALL_SHORTCUTS`] because
    /// egui matches shortcuts logically (Ctrl+Shift+S would otherwise also match Ctrl+S).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            UICommand::New => cmd(Key::N),
            // No Ctrl+Alt+N: egui would also read it as Ctrl+N, and on Windows Ctrl+Alt is AltGr.
            UICommand::NewFromTemplate | UICommand::ApplyTemplate | UICommand::SaveAsTemplate => None,
            UICommand::NewPack => Some(KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::N)),
            UICommand::Open => cmd(Key::O),
            UICommand::Save => cmd(Key::S),
            UICommand::SaveAs => Some(KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)),
            UICommand::Close => cmd(Key::W),
            UICommand::PrintBriefing => cmd(Key::P),
            UICommand::Quit => cmd(Key::Q),
            UICommand::Undo => cmd(Key::Z),
            UICommand::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)),
            UICommand::ShowDashboard => cmd(Key::Num1),
            UICommand::ShowEditor => cmd(Key::Num2),
            UICommand::ShowPreview => cmd(Key::Num3),
            UICommand::PrintProgress | UICommand::MakePack => None,
        }
    }

    /// Every shortcut with its command, most specific first (see [`UICommand::shortcut`]).
    /// Ctrl+Y is a second shortcut for Redo, as Windows users expect.
    pub fn all_shortcuts() -> Vec<(KeyboardShortcut, UICommand)> {
        let mut all: Vec<(KeyboardShortcut, UICommand)> =
            UICommand::ALL.iter().filter_map(|c| c.shortcut().map(|s| (s, *c))).collect();
        all.push((KeyboardShortcut::new(Modifiers::COMMAND, Key::Y), UICommand::Redo));
        all.sort_by_key(|(s, _)| std::cmp::Reverse(s.modifiers.shift));
        all
    }

    /// Whether a focused text box needs this shortcut for itself (its own undo/redo).
    pub fn text_box_owns_shortcut(self) -> bool {
        matches!(self, UICommand::Undo | UICommand::Redo)
    }

    /// A menu button for this command, with its shortcut shown; returns true if clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.text());
        if let Some(shortcut) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        ui.add_enabled(enabled, button).on_hover_text(self.tooltip()).clicked()
    }
}

/// Actions with data, sent by the UI and the outside world, handled with [`UICommand`]s.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(UICommand),
    /// Open these files as tabs (dropped, recent, command line, another instance).
    OpenPaths(Vec<PathBuf>),
    SelectTab(DocId),
    /// Close this tab (asks first if it has unsaved changes).
    CloseTab(DocId),
    /// Show the editor at this field of the current document and focus it.
    JumpTo(Place),
    /// Reload the current document from disk (error pages: "Try again").
    Reload,
    /// The user answered the question on screen.
    Answer(Answer),
    /// The editor's "Logo…" button: ask for a logo file for this review.
    ChooseLogo(DocId),
    /// A pack tab asks for something (a file to add, a review to open).
    Pack(DocId, PackRequest),
}

impl From<UICommand> for Action {
    fn from(c: UICommand) -> Action {
        Action::Command(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_shortcuts_are_checked_first_and_none_repeat() {
        let all = UICommand::all_shortcuts();
        let first_plain = all.iter().position(|(s, _)| !s.modifiers.shift).unwrap();
        assert!(all[..first_plain].iter().all(|(s, _)| s.modifiers.shift));
        assert!(all[first_plain..].iter().all(|(s, _)| !s.modifiers.shift));
        let mut seen = std::collections::HashSet::new();
        for (s, _) in &all {
            assert!(seen.insert((s.modifiers.shift, s.logical_key)), "shortcut used twice: {s:?}");
        }
    }
}

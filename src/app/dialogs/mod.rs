//! File dialogs behind a small trait, so the window uses the system dialog (rfd, async: the window
//! keeps painting while it is open) and tests answer with chosen paths instead.
//!
//! * [`system`]: [`SystemDialogs`], what the real window uses: the desktop's own dialog through
//!   rfd, or PeerBrief's in-window picker when the desktop has none (see that module for how
//!   this is detected, and `PEERBRIEF_FILE_DIALOG` to choose).
//! * [`in_window`]: [`BuiltinDialogs`], the in-window picker on its own (tests use it directly).
//! * [`file_picker`]: the picker's state and drawing (folder bar, list, file name, file type);
//!   [`folder`] reads the folders it shows.
//! * [`scripted`]: [`ScriptedDialogs`], the test double that answers with prepared paths.
//!
//! Every answer, whichever dialog gave it, goes to the `reply` channel the app passed in.

mod file_picker;
mod folder;
mod in_window;
mod scripted;
mod system;

use std::path::{Path, PathBuf};

pub use in_window::BuiltinDialogs;
pub use scripted::ScriptedDialogs;
pub use system::{DialogChoice, NO_DIALOG_NOTICE, NO_DIALOG_WITHIN, SystemDialogs};

use super::document::DocId;
use super::inbox::EventSender;
use crate::store::REVIEW_EXTENSIONS;

/// What kind of file a dialog is for: it sets the filter and the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Review,
    Pdf,
    Pack,
    /// A council logo: PNG or SVG.
    Logo,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Review => ("Peer review", &REVIEW_EXTENSIONS),
            FileKind::Pdf => ("PDF document", &["pdf"]),
            FileKind::Pack => ("Committee pack manifest", &["peerpack"]),
            FileKind::Logo => ("Logo (PNG or SVG)", &["png", "svg"]),
        }
    }

    /// The dialog's title.
    fn title(self, save: bool) -> &'static str {
        match (self, save) {
            (FileKind::Review, false) => "Open review",
            (FileKind::Review, true) => "Save review as",
            (FileKind::Pack, false) => "Choose the committee pack manifest",
            (FileKind::Pdf, false) => "Choose a PDF",
            (FileKind::Logo, false) => "Choose the council's logo (PNG or SVG)",
            (FileKind::Pdf | FileKind::Pack | FileKind::Logo, true) => "Save the PDF as",
        }
    }

    /// Does `path` have one of this kind's extensions (ignoring case)? Used to filter the list.
    fn matches(self, path: &Path) -> bool {
        let (_, extensions) = self.filter();
        path.extension().is_some_and(|e| extensions.iter().any(|k| e.eq_ignore_ascii_case(k)))
    }

    /// `path` with this kind's extension added if it has none of them, exactly as the app will
    /// do before writing (so the overwrite check looks at the file that will really be written).
    /// The extension is added, never swapped: "budget v1.2" becomes "budget v1.2.peerreview".
    fn with_extension(self, path: PathBuf) -> PathBuf {
        let known = match self {
            FileKind::Review => path.extension().is_some_and(|e| REVIEW_EXTENSIONS.iter().any(|k| e == *k)),
            FileKind::Pdf | FileKind::Pack | FileKind::Logo => {
                let (_, extensions) = self.filter();
                path.extension().is_some_and(|e| extensions.iter().any(|k| e.eq_ignore_ascii_case(k)))
            }
        };
        if known {
            return path;
        }
        let (_, extensions) = self.filter();
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".");
        name.push(extensions[0]);
        path.with_file_name(name)
    }
}

/// Why a dialog was asked for, so its answer is routed back to the right action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    /// Where to write the briefing PDF of document `id`.
    PrintBriefing {
        id: DocId,
        visibility: crate::briefing::Visibility,
    },
    /// Where to write the progress report PDF of document `id`.
    PrintProgress {
        id: DocId,
    },
    /// Which pack manifest to print; the public/private choice was made first.
    PackManifest {
        private: bool,
    },
    /// Where to write the pack PDF.
    PackOutput {
        manifest: PathBuf,
        private: bool,
    },
    /// A review to add to the agenda of pack `id`.
    AddAgendaReview {
        id: DocId,
    },
    /// A PDF document to add to the agenda of pack `id`.
    AddAgendaDocument {
        id: DocId,
    },
    /// A logo file for review `id` (Editor → Report → "Logo…").
    ChooseLogo {
        id: DocId,
    },
    /// Where to write the PDF of the pack open in tab `id`.
    PackTabOutput {
        id: DocId,
        visibility: crate::briefing::Visibility,
    },
    /// Save document `id` under a new name; then close it if `then_close`.
    SaveAs {
        id: DocId,
        then_close: bool,
    },
}

/// A dialog's answer: the chosen paths (empty if cancelled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswer {
    pub purpose: DialogPurpose,
    pub paths: Vec<PathBuf>,
}

/// Shows file dialogs without blocking the UI: the answer arrives later on `reply`, and the
/// implementation wakes the UI with `ctx.request_repaint()`.
pub trait FileDialogs {
    /// Ask for files of `kind` to open (several for reviews, one for a pack).
    fn pick_files(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    );
    /// Ask where to save a file of `kind`; `suggested` is the file name offered and the folder
    /// to start in.
    fn pick_save_path(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        suggested: &SaveAs,
        purpose: DialogPurpose,
        reply: EventSender,
    );
    /// Draws the in-window picker (a modal) while one is open. Called once a frame, after the
    /// document and before the app's own prompts. Dialogs shown by the system draw nothing.
    fn ui(&mut self, _ctx: &egui::Context) {}
    /// Is an in-window picker on screen? The app then leaves keyboard shortcuts to it.
    fn is_open(&self) -> bool {
        false
    }
}

/// One question for the in-window picker, with where its answer goes.
/// What a save dialog offers: a file name, and the folder of the document it comes from (so a
/// pack's PDF lands beside the pack, not in the home folder).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveAs {
    pub name: String,
    /// `None` for a document never saved: the dialog starts where the last one ended.
    pub folder: Option<PathBuf>,
}

impl SaveAs {
    /// `name`, offered in the folder of `document` (when it has one).
    pub fn beside(name: impl Into<String>, document: Option<&Path>) -> SaveAs {
        let folder = document.and_then(Path::parent).filter(|f| !f.as_os_str().is_empty());
        SaveAs { name: name.into(), folder: folder.map(Path::to_path_buf) }
    }
}

pub(crate) struct Request {
    pub kind: FileKind,
    /// `Some(suggestion)` to ask where to save; `None` to ask for a file to open.
    pub save_as: Option<SaveAs>,
    pub purpose: DialogPurpose,
    pub reply: EventSender,
    pub ctx: egui::Context,
}

impl Request {
    /// Sends the answer and wakes the UI. The app may have quit meanwhile; nothing to tell then.
    pub fn answer(self, paths: Vec<PathBuf>) {
        let _ = self.reply.send(DialogAnswer { purpose: self.purpose, paths });
        self.ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_added_not_swapped() {
        let r = FileKind::Review;
        assert_eq!(r.with_extension("a/budget v1.2".into()), PathBuf::from("a/budget v1.2.peerreview"));
        assert_eq!(r.with_extension("x.ron".into()), PathBuf::from("x.ron"));
        assert_eq!(r.with_extension("x.peerreview".into()), PathBuf::from("x.peerreview"));
        assert_eq!(FileKind::Pdf.with_extension("x.PDF".into()), PathBuf::from("x.PDF"));
        assert_eq!(FileKind::Pdf.with_extension("x".into()), PathBuf::from("x.pdf"));
        assert!(r.matches(Path::new("A.PeerReview")));
        assert!(!r.matches(Path::new("a.pdf")));
    }
}

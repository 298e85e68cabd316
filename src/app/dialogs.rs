//! File dialogs behind a small trait, so the window uses the system dialog (rfd, async: the window
//! keeps painting while it is open) and tests answer with chosen paths instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::document::DocId;
use super::inbox::EventSender;
use crate::store::REVIEW_EXTENSIONS;

/// What kind of file a dialog is for: it sets the filter and the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Review,
    Pdf,
    Pack,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Review => ("Peer review", &REVIEW_EXTENSIONS),
            FileKind::Pdf => ("PDF document", &["pdf"]),
            FileKind::Pack => ("Committee pack manifest", &["peerpack"]),
        }
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
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    );
    /// Ask where to save a file of `kind`; `suggested` is the file name offered.
    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        suggested: &str,
        purpose: DialogPurpose,
        reply: EventSender,
    );
}

/// The system's dialogs through rfd (xdg portal, zenity fallback, Windows and macOS natively).
#[derive(Debug, Default)]
pub struct SystemDialogs;

impl SystemDialogs {
    fn dialog(frame: &eframe::Frame, kind: FileKind) -> rfd::AsyncFileDialog {
        let (name, extensions) = kind.filter();
        rfd::AsyncFileDialog::new().add_filter(name, extensions).add_filter("All files", &["*"]).set_parent(frame)
    }
}

/// Awaits an rfd future on a worker thread and posts the answer (the future is created on the
/// UI thread, as macOS requires).
fn deliver(
    future: impl Future<Output = Vec<PathBuf>> + Send + 'static,
    ctx: &egui::Context,
    purpose: DialogPurpose,
    reply: EventSender,
) {
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let paths = pollster::block_on(future);
        // The app may have quit meanwhile; nothing to tell then.
        let _ = reply.send(DialogAnswer { purpose, paths });
        ctx.request_repaint();
    });
}

impl FileDialogs for SystemDialogs {
    fn pick_files(
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        let dialog = Self::dialog(frame, kind);
        let paths = match kind {
            FileKind::Review => {
                let future = dialog.set_title("Open review").pick_files();
                Box::pin(async move {
                    future.await.map(|files| files.iter().map(|f| f.path().to_owned()).collect()).unwrap_or_default()
                }) as std::pin::Pin<Box<dyn Future<Output = Vec<PathBuf>> + Send>>
            }
            FileKind::Pdf | FileKind::Pack => {
                let future = dialog.set_title("Choose the committee pack manifest").pick_file();
                Box::pin(async move { future.await.map(|f| vec![f.path().to_owned()]).unwrap_or_default() })
            }
        };
        deliver(paths, ctx, purpose, reply);
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        suggested: &str,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        let title = match kind {
            FileKind::Review => "Save review as",
            FileKind::Pdf | FileKind::Pack => "Save the PDF as",
        };
        let future = Self::dialog(frame, kind).set_title(title).set_file_name(suggested).save_file();
        let paths = async move { future.await.map(|f| vec![f.path().to_owned()]).unwrap_or_default() };
        deliver(paths, ctx, purpose, reply);
    }
}

/// Test double: answers each dialog with the next prepared list of paths (empty = Cancel) and
/// records what was asked.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Vec<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogPurpose>>>,
    suggested: Arc<Mutex<Vec<String>>>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn answer(&self, paths: Vec<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push_back(paths);
        }
    }

    /// The file names save dialogs offered so far.
    pub fn suggested(&self) -> Vec<String> {
        self.suggested.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The dialogs shown so far.
    pub fn asked(&self) -> Vec<DialogPurpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn respond(&self, ctx: &egui::Context, purpose: DialogPurpose, reply: EventSender) {
        let paths = self.answers.lock().ok().and_then(|mut a| a.pop_front()).unwrap_or_default();
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(purpose.clone());
        }
        let _ = reply.send(DialogAnswer { purpose, paths });
        ctx.request_repaint();
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_files(
        &self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        _kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        self.respond(ctx, purpose, reply);
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        _kind: FileKind,
        suggested: &str,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        if let Ok(mut s) = self.suggested.lock() {
            s.push(suggested.to_owned());
        }
        self.respond(ctx, purpose, reply);
    }
}

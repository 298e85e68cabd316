//! File dialogs behind a small trait, so the window uses the system dialog (rfd, async: the window
//! keeps painting while it is open) and tests answer with chosen paths instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use crate::store::REVIEW_EXTENSIONS;

/// Why a dialog was asked for, so its answer is routed back to the right action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    /// Save document `id` under a new name; then close it if `then_close`.
    SaveAs {
        id: String,
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
    /// Ask for one or more review files to open.
    fn pick_files(&self, ctx: &egui::Context, frame: &eframe::Frame, reply: Sender<DialogAnswer>);
    /// Ask where to save; `suggested` is the file name offered.
    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        suggested: &str,
        purpose: DialogPurpose,
        reply: Sender<DialogAnswer>,
    );
}

/// The system's dialogs through rfd (xdg portal, zenity fallback, Windows and macOS natively).
#[derive(Debug, Default)]
pub struct SystemDialogs;

impl SystemDialogs {
    fn dialog(frame: &eframe::Frame) -> rfd::AsyncFileDialog {
        rfd::AsyncFileDialog::new()
            .add_filter("Peer review", &REVIEW_EXTENSIONS)
            .add_filter("All files", &["*"])
            .set_parent(frame)
    }
}

/// Awaits an rfd future on a worker thread and posts the answer (the future is created on the
/// UI thread, as macOS requires).
fn deliver(
    future: impl Future<Output = Vec<PathBuf>> + Send + 'static,
    ctx: &egui::Context,
    purpose: DialogPurpose,
    reply: Sender<DialogAnswer>,
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
    fn pick_files(&self, ctx: &egui::Context, frame: &eframe::Frame, reply: Sender<DialogAnswer>) {
        let future = Self::dialog(frame).set_title("Open review").pick_files();
        let paths = async move {
            future.await.map(|files| files.iter().map(|f| f.path().to_owned()).collect()).unwrap_or_default()
        };
        deliver(paths, ctx, DialogPurpose::Open, reply);
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        suggested: &str,
        purpose: DialogPurpose,
        reply: Sender<DialogAnswer>,
    ) {
        let future = Self::dialog(frame).set_title("Save review as").set_file_name(suggested).save_file();
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
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn answer(&self, paths: Vec<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push_back(paths);
        }
    }

    /// The dialogs shown so far.
    pub fn asked(&self) -> Vec<DialogPurpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn respond(&self, ctx: &egui::Context, purpose: DialogPurpose, reply: Sender<DialogAnswer>) {
        let paths = self.answers.lock().ok().and_then(|mut a| a.pop_front()).unwrap_or_default();
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(purpose.clone());
        }
        let _ = reply.send(DialogAnswer { purpose, paths });
        ctx.request_repaint();
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_files(&self, ctx: &egui::Context, _frame: &eframe::Frame, reply: Sender<DialogAnswer>) {
        self.respond(ctx, DialogPurpose::Open, reply);
    }

    fn pick_save_path(
        &self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        _suggested: &str,
        purpose: DialogPurpose,
        reply: Sender<DialogAnswer>,
    ) {
        self.respond(ctx, purpose, reply);
    }
}

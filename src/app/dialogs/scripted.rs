//! Test double: answers each dialog with the next prepared list of paths (empty = Cancel) and
//! records what was asked.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::{DialogAnswer, DialogPurpose, FileDialogs, FileKind, SaveAs};
use crate::app::inbox::EventSender;

#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Vec<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogPurpose>>>,
    suggested: Arc<Mutex<Vec<SaveAs>>>,
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
        self.suggested.lock().map(|s| s.iter().map(|s| s.name.clone()).collect()).unwrap_or_default()
    }

    /// The folders save dialogs started in so far (`None`: wherever the last one ended).
    pub fn suggested_folders(&self) -> Vec<Option<PathBuf>> {
        self.suggested.lock().map(|s| s.iter().map(|s| s.folder.clone()).collect()).unwrap_or_default()
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
        &mut self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        _kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        self.respond(ctx, purpose, reply);
    }

    fn pick_save_path(
        &mut self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        _kind: FileKind,
        suggested: &SaveAs,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        if let Ok(mut s) = self.suggested.lock() {
            s.push(suggested.clone());
        }
        self.respond(ctx, purpose, reply);
    }
}

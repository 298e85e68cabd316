//! [`BuiltinDialogs`]: every file dialog is PeerBrief's own in-window picker. The real window
//! gets here through [`super::SystemDialogs`] when the desktop has no dialog of its own; tests
//! make one directly with a start folder.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::file_picker::FilePicker;
use super::folder::home_folder;
use super::{DialogPurpose, FileDialogs, FileKind, Request, SaveAs};
use crate::app::inbox::EventSender;

pub struct BuiltinDialogs {
    open: Option<(FilePicker, Request)>,
    /// Asked while a picker was open: shown one after the other.
    waiting: VecDeque<Request>,
    /// Where the next picker starts: the folder the last one ended in.
    folder: PathBuf,
    /// Shown at the top of the next picker only.
    notice: Option<String>,
}

impl BuiltinDialogs {
    /// Pickers start in `folder` (then wherever the previous one ended).
    pub fn new(folder: impl Into<PathBuf>) -> BuiltinDialogs {
        BuiltinDialogs { open: None, waiting: VecDeque::new(), folder: folder.into(), notice: None }
    }

    /// Pickers start in the home folder (else the current folder).
    pub fn in_home_folder() -> BuiltinDialogs {
        let folder = home_folder().or_else(|| std::env::current_dir().ok()).unwrap_or_else(|| PathBuf::from("."));
        BuiltinDialogs::new(folder)
    }

    /// A sentence shown at the top of the next picker (once).
    pub fn tell_once(&mut self, notice: impl Into<String>) {
        self.notice = Some(notice.into());
    }

    pub(crate) fn ask(&mut self, request: Request) {
        // The same question again (the shortcut pressed twice) is already on its way.
        let asked = |r: &Request| r.purpose == request.purpose;
        if self.open.as_ref().is_some_and(|(_, r)| asked(r)) || self.waiting.iter().any(asked) {
            return;
        }
        self.waiting.push_back(request);
        if let Some(r) = self.waiting.back() {
            r.ctx.request_repaint();
        }
    }

    fn request(
        ctx: &egui::Context,
        kind: FileKind,
        save_as: Option<&SaveAs>,
        purpose: DialogPurpose,
        reply: EventSender,
    ) -> Request {
        Request { kind, save_as: save_as.cloned(), purpose, reply, ctx: ctx.clone() }
    }
}

impl FileDialogs for BuiltinDialogs {
    fn pick_files(
        &mut self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        self.ask(Self::request(ctx, kind, None, purpose, reply));
    }

    fn pick_save_path(
        &mut self,
        ctx: &egui::Context,
        _frame: &eframe::Frame,
        kind: FileKind,
        suggested: &SaveAs,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        self.ask(Self::request(ctx, kind, Some(suggested), purpose, reply));
    }

    fn ui(&mut self, ctx: &egui::Context) {
        if self.open.is_none()
            && let Some(request) = self.waiting.pop_front()
        {
            // Saving starts in the document's folder when it still exists.
            let folder = request.save_as.as_ref().and_then(|s| s.folder.clone()).filter(|f| f.is_dir());
            let name = request.save_as.as_ref().map(|s| s.name.as_str());
            let picker =
                FilePicker::new(request.kind, name, folder.unwrap_or_else(|| self.folder.clone()), self.notice.take());
            self.open = Some((picker, request));
        }
        let Some((picker, _)) = &mut self.open else { return };
        if let Some(paths) = picker.show(ctx)
            && let Some((picker, request)) = self.open.take()
        {
            self.folder = picker.folder().to_owned();
            request.answer(paths);
        }
    }

    fn is_open(&self) -> bool {
        self.open.is_some() || !self.waiting.is_empty()
    }
}

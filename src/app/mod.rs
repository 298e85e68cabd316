//! The desktop window: tabs of open reviews, the dashboard, the editor, and file handling done
//! the way officers expect of an editor (unsaved-changes prompts, recovery after a crash, a guard
//! against overwriting a colleague's changes on a shared drive).
//!
//! UI code only sends [`Action`]s; [`PeerBriefApp::handle`] carries them out once per frame. File
//! I/O goes through `store`; dialogs through [`FileDialogs`] so tests never open a real one.
//!
//! ```no_run
//! // Build the app as `run` does, with open requests from another thread:
//! use peerbrief::app::{AppOptions, PeerBriefApp, open_request_channel};
//! let (sender, requests) = open_request_channel();
//! let options = AppOptions { open_requests: Some(requests), ..AppOptions::default() };
//! // eframe::run_native(.., Box::new(|cc| Ok(Box::new(PeerBriefApp::new(cc, options)))));
//! sender.send(vec!["/path/review.peerreview".into()]);
//! ```

pub mod command;
pub mod dashboard;
pub mod dialogs;
pub mod document;
pub mod editor;
pub mod preview;
pub mod printing;
pub mod recovery;
pub mod warnings;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{RichText, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

pub use command::{Action, UICommand};
pub use dialogs::{DialogAnswer, DialogPurpose, FileDialogs, FileKind, ScriptedDialogs, SystemDialogs};
pub use document::{Content, Document, Editing, EditorPage, View};

use crate::store::recovery::{Recovered, list_recovery};

pub use crate::desktop::APP_ID;

/// How many recent files File → Open recent lists.
const RECENT_FILES: usize = 10;

/// What is remembered between sessions (eframe persistence). Documents are never kept here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
}

impl Settings {
    fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}

/// Sends "open these files" to a running window from any thread (a second instance, a file
/// manager hand-off); wakes the window so it opens them at once.
#[derive(Clone)]
pub struct OpenRequestSender {
    tx: Sender<Vec<PathBuf>>,
    ctx: Arc<Mutex<Option<egui::Context>>>,
}

impl OpenRequestSender {
    /// Queues the paths; returns false if the window has closed.
    pub fn send(&self, paths: Vec<PathBuf>) -> bool {
        let sent = self.tx.send(paths).is_ok();
        if let Ok(ctx) = self.ctx.lock()
            && let Some(ctx) = ctx.as_ref()
        {
            ctx.request_repaint();
        }
        sent
    }
}

/// The receiving end, handed to [`PeerBriefApp`] through [`AppOptions::open_requests`].
pub struct OpenRequests {
    rx: Receiver<Vec<PathBuf>>,
    ctx: Arc<Mutex<Option<egui::Context>>>,
}

/// A channel for open requests from other threads.
pub fn open_request_channel() -> (OpenRequestSender, OpenRequests) {
    let (tx, rx) = channel();
    let ctx = Arc::new(Mutex::new(None));
    (OpenRequestSender { tx, ctx: ctx.clone() }, OpenRequests { rx, ctx })
}

/// How to start the app. `Default` is what the real window uses.
pub struct AppOptions {
    /// Files to open as tabs (already turned into paths, see [`crate::desktop::path_from_arg`]).
    pub files: Vec<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where recovery files go; `None` turns autosave off. Default: the app data folder's
    /// `recovery` subfolder.
    pub recovery_dir: Option<PathBuf>,
    /// How long after the last change unsaved edits are written to the recovery file.
    pub autosave_delay: Duration,
    pub open_requests: Option<OpenRequests>,
    /// When the process started, to print the first-frame time (`PEERBRIEF_TRACE_STARTUP=1`).
    pub trace_startup: Option<Instant>,
    /// The command that prints a PDF (the path is added last): `lp` (CUPS) by default.
    pub print_command: Vec<String>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            files: Vec::new(),
            dialogs: Box::new(SystemDialogs::default()),
            recovery_dir: eframe::storage_dir(APP_ID).map(|d| d.join("recovery")),
            autosave_delay: Duration::from_secs(2),
            open_requests: None,
            trace_startup: None,
            print_command: vec!["lp".to_owned()],
        }
    }
}

/// A question the app is waiting on.
#[derive(Clone, Debug, PartialEq)]
enum Prompt {
    /// Save / Discard / Cancel for these documents.
    Unsaved { ids: Vec<String>, reason: CloseReason },
    /// The file changed on disk since it was opened: Overwrite / Save a copy / Reload / Cancel.
    ExternalChange { id: String, then_close: bool },
    /// Public or private committee pack?
    PackKind,
    /// A PDF was made: Open PDF / Print / Close.
    Printed(printing::Printed),
}

#[derive(Clone, Debug, PartialEq)]
enum CloseReason {
    CloseTab,
    Quit,
    /// The file is opened again while its tab has unsaved changes.
    Reopen,
}

/// The status bar's message.
#[derive(Clone, Debug, Default)]
struct Status {
    text: String,
    error: bool,
}

enum SaveOutcome {
    Saved,
    /// Waiting for a dialog or a prompt.
    Waiting,
    Failed,
}

/// The PeerBrief window.
pub struct PeerBriefApp {
    docs: Vec<Document>,
    current: usize,
    actions: Vec<Action>,
    status: Status,
    settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    dialog_tx: Sender<DialogAnswer>,
    dialog_rx: Receiver<DialogAnswer>,
    dialog_open: bool,
    autosave: Option<recovery::Autosave>,
    autosave_delay: Duration,
    open_requests: Option<OpenRequests>,
    prompt: Option<Prompt>,
    recovered: Vec<Recovered>,
    quitting: bool,
    allowed_to_close: bool,
    last_title: String,
    session: String,
    next_id: u64,
    trace_startup: Option<Instant>,
    print_command: Vec<String>,
    /// A briefing or pack being made on a worker thread.
    printing: Option<printing::Running>,
    /// What the printer said (sent by the thread running `lp`).
    print_results: (Sender<PrinterAnswer>, Receiver<PrinterAnswer>),
}

impl PeerBriefApp {
    /// Builds the app: restores settings, opens `options.files`, finds recovery files.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> PeerBriefApp {
        let settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        let (dialog_tx, dialog_rx) = channel();
        if let Some(requests) = &options.open_requests
            && let Ok(mut ctx) = requests.ctx.lock()
        {
            *ctx = Some(cc.egui_ctx.clone());
        }
        let (mut recovered, recovery_errors) = options.recovery_dir.as_deref().map(list_recovery).unwrap_or_default();
        // Files of another PeerBrief still running are its live work, not lost work.
        recovered.retain(|r| !written_by_running_process(&r.file));
        let autosave = options.recovery_dir.map(|dir| {
            let ctx = cc.egui_ctx.clone();
            recovery::Autosave::start(dir, move || ctx.request_repaint())
        });
        let session = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
        );
        let mut app = PeerBriefApp {
            docs: Vec::new(),
            current: 0,
            actions: Vec::new(),
            status: Status::default(),
            settings,
            dialogs: options.dialogs,
            dialog_tx,
            dialog_rx,
            dialog_open: false,
            autosave,
            autosave_delay: options.autosave_delay,
            open_requests: options.open_requests,
            prompt: None,
            recovered,
            quitting: false,
            allowed_to_close: false,
            last_title: String::new(),
            session,
            next_id: 0,
            trace_startup: options.trace_startup,
            print_command: options.print_command,
            printing: None,
            print_results: channel(),
        };
        crate::briefing::preview::install_fonts(&cc.egui_ctx);
        for path in options.files {
            app.open_path(&path);
        }
        if app.docs.is_empty() {
            app.status = Status { text: "Open a review (File, then Open…) or start a new one.".into(), error: false };
        }
        if let Some(e) = recovery_errors.first() {
            app.error(format!("A recovery file could not be read and was left in place: {e}"));
        }
        app
    }

    // ----- queries, for tests and the integrations that follow -----

    /// The open documents, in tab order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Index of the tab showing.
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The document showing, if any.
    pub fn current(&self) -> Option<&Document> {
        self.docs.get(self.current)
    }

    pub fn current_mut(&mut self) -> Option<&mut Document> {
        self.docs.get_mut(self.current)
    }

    /// The status bar's text.
    pub fn status_text(&self) -> &str {
        &self.status.text
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The window title for the current state: `name.peerreview — PeerBrief`, `•` when unsaved.
    pub fn window_title(&self) -> String {
        match self.current() {
            Some(doc) if doc.is_dirty() => format!("• {} — PeerBrief", doc.name()),
            Some(doc) => format!("{} — PeerBrief", doc.name()),
            None => "PeerBrief".to_owned(),
        }
    }

    /// Queues an action, as a menu or button would.
    pub fn send(&mut self, action: impl Into<Action>) {
        self.actions.push(action.into());
    }

    // ----- status -----

    fn info(&mut self, text: impl Into<String>) {
        self.status = Status { text: text.into(), error: false };
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Status { text: text.into(), error: true };
    }

    // ----- documents -----

    fn new_id(&mut self) -> String {
        self.next_id += 1;
        format!("{}-{}", self.session, self.next_id)
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    fn add_document(&mut self, doc: Document) {
        if self.docs.get(self.current).is_some_and(Document::is_untouched_blank) {
            self.docs[self.current] = doc;
        } else {
            self.docs.push(doc);
            self.current = self.docs.len() - 1;
        }
    }

    /// Opens a file as a tab (or shows its tab if already open). A file that fails to load
    /// opens as an error page.
    pub fn open_path(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if let Some(i) = self.docs.iter().position(|d| d.path() == Some(path.as_path())) {
            self.current = i;
            if self.docs[i].is_dirty() {
                let id = self.docs[i].id.clone();
                self.prompt = Some(Prompt::Unsaved { ids: vec![id], reason: CloseReason::Reopen });
            } else {
                self.reload(i);
            }
            return;
        }
        let id = self.new_id();
        let doc = Document::from_load(id, &path, crate::store::load_review(&path));
        match &doc.content {
            Content::Editing(e) => {
                self.settings.remember(&path);
                match e.migrated_from {
                    Some(v) => self.info(format!(
                        "Opened {} (written by an older PeerBrief, format {v}; saving updates it)",
                        path.display()
                    )),
                    None => self.info(format!("Opened {}", path.display())),
                }
            }
            Content::Failed(f) => {
                let message = f.message.clone();
                self.error(format!("Could not open the file: {message}"));
            }
        }
        self.add_document(doc);
        eprintln!("peerbrief: opened {} (tabs: {})", path.display(), self.docs.len());
    }

    /// Reads tab `i` again from disk, dropping unsaved edits (the caller has asked).
    fn reload(&mut self, i: usize) {
        let Some(path) = self.docs[i].path().map(Path::to_owned) else { return };
        self.discard_recovery(i);
        let view = self.docs[i].editing().map(|e| (e.view, e.page));
        let mut doc = Document::from_load(self.docs[i].id.clone(), &path, crate::store::load_review(&path));
        if let (Some(e), Some((v, p))) = (doc.editing_mut(), view) {
            e.view = v;
            e.page = p;
        }
        match &doc.content {
            Content::Editing(_) => self.info(format!("Reloaded {} from disk", path.display())),
            Content::Failed(f) => {
                let message = f.message.clone();
                self.error(format!("Could not open the file: {message}"));
            }
        }
        self.docs[i] = doc;
    }

    fn discard_recovery(&mut self, i: usize) {
        if let Some(file) = self.docs[i].recovery_file.take()
            && let Some(autosave) = &self.autosave
        {
            autosave.remove(file);
        }
    }

    fn remove_document(&mut self, i: usize) {
        self.discard_recovery(i);
        let name = self.docs[i].name();
        self.docs.remove(i);
        if self.current >= self.docs.len() {
            self.current = self.docs.len().saturating_sub(1);
        } else if self.current > i {
            self.current -= 1;
        }
        self.info(format!("Closed {name}"));
    }

    fn close_tab(&mut self, i: usize) {
        if i >= self.docs.len() {
            return;
        }
        if self.docs[i].is_dirty() {
            self.current = i;
            self.prompt = Some(Prompt::Unsaved { ids: vec![self.docs[i].id.clone()], reason: CloseReason::CloseTab });
        } else {
            self.remove_document(i);
        }
    }

    // ----- saving -----

    /// Saves tab `i` to its file, asking for a name if it has none and asking what to do if the
    /// file changed on disk since it was read.
    fn save(&mut self, i: usize, then_close: bool, frame: &eframe::Frame, ctx: &egui::Context) -> SaveOutcome {
        let id = self.docs[i].id.clone();
        let path = match &self.docs[i].content {
            Content::Failed(f) => {
                let name = f.path.display().to_string();
                self.error(format!("{name} could not be read, so PeerBrief will not save over it. Fix or close it."));
                return SaveOutcome::Failed;
            }
            Content::Editing(e) => match (&e.path, &e.fingerprint) {
                (None, _) => None,
                (Some(path), fingerprint) => {
                    let changed = fingerprint.map_or(path.exists(), |f| f.changed_on_disk(path));
                    if changed {
                        self.current = i;
                        self.prompt = Some(Prompt::ExternalChange { id, then_close });
                        return SaveOutcome::Waiting;
                    }
                    Some(path.clone())
                }
            },
        };
        match path {
            Some(path) => self.write(i, &path, then_close),
            None => {
                self.ask_save_path(i, then_close, frame, ctx);
                SaveOutcome::Waiting
            }
        }
    }

    fn ask_save_path(&mut self, i: usize, then_close: bool, frame: &eframe::Frame, ctx: &egui::Context) {
        let doc = &self.docs[i];
        let suggested = match doc.path() {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            None => suggested_file_name(doc.editing().map(|e| &e.review)),
        };
        let purpose = DialogPurpose::SaveAs { id: doc.id.clone(), then_close };
        self.dialog_open = true;
        self.info("Choose where to save…");
        self.dialogs.pick_save_path(ctx, frame, FileKind::Review, &suggested, purpose, self.dialog_tx.clone());
    }

    /// Writes tab `i` to `path` (atomically, keeping a backup) without further questions.
    fn write(&mut self, i: usize, path: &Path, then_close: bool) -> SaveOutcome {
        let Some(editing) = self.docs[i].editing_mut() else { return SaveOutcome::Failed };
        match crate::store::save_review(path, &editing.review) {
            Ok(fingerprint) => {
                editing.mark_saved(path.to_owned(), fingerprint);
                self.discard_recovery(i);
                self.settings.remember(path);
                self.info(format!("Saved {}", path.display()));
                if then_close {
                    self.remove_document(i);
                    self.info(format!("Saved and closed {}", path.display()));
                }
                SaveOutcome::Saved
            }
            Err(e) => {
                self.quitting = false;
                self.error(format!("Not saved: {e}"));
                SaveOutcome::Failed
            }
        }
    }

    // ----- printing -----

    /// File → Print briefing: ask where to save the PDF, then make it on a worker thread.
    fn print_briefing(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(doc) = self.current() else { return self.error("Open a review to print its briefing.") };
        let Some(e) = doc.editing() else {
            return self.error("This file could not be opened, so it cannot be printed.");
        };
        if self.printing.is_some() {
            return self.info("Already making a PDF: wait for it to finish.");
        }
        let stem = if e.review.title.trim().is_empty() { doc.name() } else { e.review.title.clone() };
        let purpose = DialogPurpose::PrintBriefing { id: doc.id.clone() };
        if !self.dialog_open {
            self.dialog_open = true;
            let suggested = printing::suggested_pdf_name(&stem, "briefing");
            self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.dialog_tx.clone());
        }
    }

    fn start_printing(&mut self, job: printing::PrintJob, ctx: &egui::Context) {
        let ctx = ctx.clone();
        let running = printing::Running::start(job, move || ctx.request_repaint());
        self.info(format!("Making the {}…", running.what));
        self.printing = Some(running);
    }

    /// Picks up the worker's progress and results (once per frame).
    fn poll_printing(&mut self, ctx: &egui::Context) {
        if let Some(running) = &mut self.printing {
            match running.poll() {
                printing::Update::Working => {
                    let text = format!("Making the {}: {}", running.what, running.stage);
                    self.info(text);
                    ctx.request_repaint_after(Duration::from_millis(100));
                }
                printing::Update::Finished(result) => {
                    self.printing = None;
                    match result {
                        Ok(printed) => {
                            self.info(format!(
                                "Saved the {} to {} ({} pages, {} ms)",
                                printed.what,
                                printed.path.display(),
                                printed.pages,
                                printed.millis
                            ));
                            self.prompt = Some(Prompt::Printed(printed));
                        }
                        Err(e) => self.error(format!("No PDF made: {e}")),
                    }
                }
            }
        }
        while let Ok(result) = self.print_results.1.try_recv() {
            match result {
                Ok(text) => self.info(text),
                Err(text) => self.error(text),
            }
        }
    }

    /// True while a PDF is being made (tests wait on it).
    pub fn is_printing(&self) -> bool {
        self.printing.is_some()
    }

    fn printed_prompt(&mut self, ctx: &egui::Context, printed: &printing::Printed) {
        let mut close = false;
        egui::Modal::new(egui::Id::unique("printed")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new(format!("The {} is ready", printed.what)).heading());
            ui.label(format!("{} ({} pages)", printed.path.display(), printed.pages));
            if !printed.warnings.is_empty() {
                ui.add_space(6.0);
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{} characters could not be printed and were replaced:", printed.warnings.len()),
                );
                for w in printed.warnings.iter().take(8) {
                    ui.label(w);
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Open PDF").on_hover_text("Open it in your PDF viewer").clicked() {
                    match open::that_detached(&printed.path) {
                        Ok(()) => self.info(format!("Opened {}", printed.path.display())),
                        Err(e) => self.error(format!("Could not open the PDF viewer: {e}")),
                    }
                    close = true;
                }
                if ui.button("Print").on_hover_text("Send it to your default printer").clicked() {
                    let (command, path, tx) =
                        (self.print_command.clone(), printed.path.clone(), self.print_results.0.clone());
                    let ctx = ui.ctx().clone();
                    std::thread::spawn(move || {
                        let _ = tx.send(printing::send_to_printer(&command, &path));
                        ctx.request_repaint();
                    });
                    self.info(format!("Sending {} to the printer…", printed.path.display()));
                    close = true;
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.prompt = None;
        }
    }

    fn pack_kind_prompt(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("pack_kind")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new("Make a committee pack").heading());
            ui.label(
                "The public pack replaces exempt items (Schedule 12A) with a notice page; the private pack, \
                 for members, includes them. Both have the same page numbers.",
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Public pack").on_hover_text("For publication: exempt items withheld").clicked() {
                    choice = Some(Some(false));
                }
                if ui.button("Private pack").on_hover_text("For members: exempt items included").clicked() {
                    choice = Some(Some(true));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(None);
                }
            });
        });
        match choice {
            Some(Some(private)) => {
                self.prompt = None;
                if !self.dialog_open {
                    self.dialog_open = true;
                    let purpose = DialogPurpose::PackManifest { private };
                    self.dialogs.pick_files(ctx, frame, FileKind::Pack, purpose, self.dialog_tx.clone());
                }
            }
            Some(None) => self.prompt = None,
            None => {}
        }
    }

    // ----- the action handler -----

    /// Carries out the queued actions (once per frame, after drawing).
    fn handle(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let actions = std::mem::take(&mut self.actions);
        if !actions.is_empty() {
            // What an action changed (a prompt, a view) is drawn on the next frame.
            ctx.request_repaint();
        }
        for action in actions {
            self.handle_one(action, ctx, frame);
        }
    }

    fn handle_one(&mut self, action: Action, ctx: &egui::Context, frame: &eframe::Frame) {
        match action {
            Action::Command(c) => self.command(c, ctx, frame),
            Action::OpenPaths(paths) => {
                for path in paths {
                    self.open_path(&path);
                }
            }
            Action::SelectTab(i) if i < self.docs.len() => self.current = i,
            Action::SelectTab(_) => {}
            Action::CloseTab(i) => self.close_tab(i),
            Action::JumpTo(place) => {
                if let Some(e) = self.current_mut().and_then(Document::editing_mut) {
                    e.view = View::Editor;
                    e.jump = Some(place);
                }
            }
            Action::Reload => {
                if self.current < self.docs.len() {
                    if self.docs[self.current].is_dirty() {
                        let id = self.docs[self.current].id.clone();
                        self.prompt = Some(Prompt::Unsaved { ids: vec![id], reason: CloseReason::Reopen });
                    } else {
                        self.reload(self.current);
                    }
                }
            }
        }
    }

    fn command(&mut self, command: UICommand, ctx: &egui::Context, frame: &eframe::Frame) {
        let current = (self.current < self.docs.len()).then_some(self.current);
        match command {
            UICommand::New => {
                let id = self.new_id();
                self.docs.push(Document::new_blank(id));
                self.current = self.docs.len() - 1;
                self.info("New review: it starts with the LGA's five themes.");
            }
            UICommand::Open => {
                if !self.dialog_open {
                    self.dialog_open = true;
                    self.dialogs.pick_files(ctx, frame, FileKind::Review, DialogPurpose::Open, self.dialog_tx.clone());
                }
            }
            UICommand::Save => {
                if let Some(i) = current {
                    self.save(i, false, frame, ctx);
                }
            }
            UICommand::SaveAs => {
                if let Some(i) = current {
                    if self.docs[i].editing().is_some() {
                        self.ask_save_path(i, false, frame, ctx);
                    } else {
                        self.save(i, false, frame, ctx);
                    }
                }
            }
            UICommand::Close => {
                if let Some(i) = current {
                    self.close_tab(i);
                }
            }
            UICommand::PrintBriefing => self.print_briefing(ctx, frame),
            UICommand::MakePack => {
                if self.printing.is_some() {
                    self.info("Already making a PDF: wait for it to finish.");
                } else {
                    self.prompt = Some(Prompt::PackKind);
                }
            }
            UICommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            UICommand::Undo | UICommand::Redo => {
                let Some(e) = self.current_mut().and_then(Document::editing_mut) else { return };
                let done = if command == UICommand::Undo { e.undo() } else { e.redo() };
                if !done {
                    self.info(format!("Nothing to {}", command.text().to_lowercase()));
                } else {
                    self.info(command.text());
                }
            }
            UICommand::ShowDashboard | UICommand::ShowEditor | UICommand::ShowPreview => {
                if let Some(e) = self.current_mut().and_then(Document::editing_mut) {
                    e.view = match command {
                        UICommand::ShowDashboard => View::Dashboard,
                        UICommand::ShowEditor => View::Editor,
                        _ => View::Preview,
                    };
                }
            }
        }
    }

    fn dialog_answer(&mut self, answer: DialogAnswer, ctx: &egui::Context, frame: &eframe::Frame) {
        self.dialog_open = false;
        match answer.purpose {
            DialogPurpose::Open if answer.paths.is_empty() => self.info("Open cancelled (no file chosen)."),
            DialogPurpose::Open => {
                for path in answer.paths {
                    self.open_path(&path);
                }
            }
            DialogPurpose::PrintBriefing { id } => {
                let review = self.index_of(&id).and_then(|i| self.docs[i].editing()).map(|e| e.review.clone());
                match (answer.paths.into_iter().next(), review) {
                    (None, _) => self.info("Printing cancelled (no file chosen)."),
                    (Some(_), None) => self.error("That review was closed before its briefing could be made."),
                    (Some(out), Some(review)) => self.start_printing(
                        printing::PrintJob::Briefing { review: Box::new(review), out: with_pdf_extension(out) },
                        ctx,
                    ),
                }
            }
            DialogPurpose::PackManifest { private } => match answer.paths.into_iter().next() {
                None => self.info("Committee pack cancelled (no manifest chosen)."),
                Some(manifest) => {
                    let stem = manifest.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    let suggested =
                        printing::suggested_pdf_name(&stem, if private { "private pack" } else { "public pack" });
                    self.dialog_open = true;
                    let purpose = DialogPurpose::PackOutput { manifest, private };
                    self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.dialog_tx.clone());
                }
            },
            DialogPurpose::PackOutput { manifest, private } => match answer.paths.into_iter().next() {
                None => self.info("Committee pack cancelled (no file chosen)."),
                Some(out) => {
                    let visibility = if private {
                        crate::briefing::Visibility::Private
                    } else {
                        crate::briefing::Visibility::Public
                    };
                    self.start_printing(
                        printing::PrintJob::Pack { manifest, visibility, out: with_pdf_extension(out) },
                        ctx,
                    )
                }
            },
            DialogPurpose::SaveAs { id, then_close } => {
                let Some(i) = self.index_of(&id) else { return };
                match answer.paths.into_iter().next() {
                    None => {
                        self.quitting = false;
                        self.info("Save cancelled (no file chosen).");
                    }
                    Some(path) => {
                        let path = with_review_extension(path);
                        self.write(i, &path, then_close);
                    }
                }
            }
        }
        ctx.request_repaint();
        let _ = frame;
    }

    // ----- per-frame housekeeping -----

    fn drain_inputs(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        while let Ok(answer) = self.dialog_rx.try_recv() {
            self.dialog_answer(answer, ctx, frame);
        }
        let requests: Vec<Vec<PathBuf>> =
            self.open_requests.as_ref().map(|r| r.rx.try_iter().collect()).unwrap_or_default();
        if !requests.is_empty() {
            for paths in requests {
                self.actions.push(Action::OpenPaths(paths));
            }
            ctx.send_viewport_cmd(ViewportCommand::Focus);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if !dropped.is_empty() {
            self.actions.push(Action::OpenPaths(dropped));
        }
        let typing = ctx.egui_wants_keyboard_input();
        // While a question is on screen, its buttons are the only way on.
        let asking = self.prompt.is_some() || !self.recovered.is_empty() || self.dialogs.is_open();
        for (shortcut, command) in UICommand::all_shortcuts() {
            if asking {
                break;
            }
            if typing && command.text_box_owns_shortcut() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.actions.push(command.into());
            }
        }
        if let Some(autosave) = &self.autosave {
            for outcome in autosave.outcomes() {
                if let recovery::Outcome::Failed(message) = outcome {
                    self.error(message);
                }
            }
        }
    }

    /// Writes recovery copies of documents with changes older than the autosave delay.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(autosave) = &self.autosave else { return };
        let mut next_wake: Option<Duration> = None;
        for doc in &mut self.docs {
            let id = doc.id.clone();
            let Content::Editing(e) = &mut doc.content else { continue };
            if !e.is_dirty() {
                if let Some(file) = doc.recovery_file.take() {
                    autosave.remove(file);
                }
                continue;
            }
            let Some(since) = e.unsaved_since else { continue };
            let waited = since.elapsed();
            if waited >= self.autosave_delay {
                doc.recovery_file = Some(autosave.write(&id, e.path.clone(), &e.review));
                e.unsaved_since = None;
            } else {
                let left = self.autosave_delay - waited;
                next_wake = Some(next_wake.map_or(left, |w| w.min(left)));
            }
        }
        if let Some(wait) = next_wake {
            ctx.request_repaint_after(wait);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allowed_to_close {
            return;
        }
        let dirty: Vec<String> = self.docs.iter().filter(|d| d.is_dirty()).map(|d| d.id.clone()).collect();
        if dirty.is_empty() {
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.prompt = Some(Prompt::Unsaved { ids: dirty, reason: CloseReason::Quit });
    }

    fn continue_quit(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if !self.quitting || self.prompt.is_some() || self.dialog_open {
            return;
        }
        match self.docs.iter().position(Document::is_dirty) {
            None => {
                self.quitting = false;
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Some(i) => {
                self.current = i;
                if let SaveOutcome::Failed = self.save(i, false, frame, ctx) {
                    self.quitting = false;
                }
                ctx.request_repaint();
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    // ----- drawing -----

    fn menu_bar(&mut self, ui: &mut Ui) {
        let has_doc = self.current().is_some();
        let editing = self.current().and_then(Document::editing);
        let is_editing = editing.is_some();
        let (can_undo, can_redo) = editing.map_or((false, false), |e| (e.can_undo(), e.can_redo()));
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [UICommand::New, UICommand::Open] {
                    if c.menu_button(ui, true) {
                        self.actions.push(c.into());
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.settings.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            self.actions.push(Action::OpenPaths(vec![path.clone()]));
                        }
                    }
                });
                ui.separator();
                for c in [UICommand::Save, UICommand::SaveAs, UICommand::Close] {
                    if c.menu_button(ui, has_doc) {
                        self.actions.push(c.into());
                    }
                }
                ui.separator();
                if UICommand::PrintBriefing.menu_button(ui, is_editing) {
                    self.actions.push(UICommand::PrintBriefing.into());
                }
                if UICommand::MakePack.menu_button(ui, true) {
                    self.actions.push(UICommand::MakePack.into());
                }
                ui.separator();
                if UICommand::Quit.menu_button(ui, true) {
                    self.actions.push(UICommand::Quit.into());
                }
            });
            ui.menu_button("Edit", |ui| {
                if UICommand::Undo.menu_button(ui, can_undo) {
                    self.actions.push(UICommand::Undo.into());
                }
                if UICommand::Redo.menu_button(ui, can_redo) {
                    self.actions.push(UICommand::Redo.into());
                }
            });
            ui.menu_button("View", |ui| {
                for c in [UICommand::ShowDashboard, UICommand::ShowEditor, UICommand::ShowPreview] {
                    if c.menu_button(ui, is_editing) {
                        self.actions.push(c.into());
                    }
                }
                ui.separator();
                egui::gui_zoom::zoom_menu_buttons(ui);
            });
        });
    }

    fn tab_bar(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            for (i, doc) in self.docs.iter().enumerate() {
                let title = doc.tab_title();
                if ui
                    .selectable_label(i == self.current, &title)
                    .on_hover_text(doc.path().map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string()))
                    .clicked()
                {
                    self.actions.push(Action::SelectTab(i));
                }
                if editor::named_button(ui, true, "×", &format!("Close {}", doc.name())) {
                    self.actions.push(Action::CloseTab(i));
                }
                ui.separator();
            }
        });
    }

    fn view_switcher(&mut self, ui: &mut Ui) {
        let Some(e) = self.docs.get_mut(self.current).and_then(Document::editing_mut) else { return };
        ui.horizontal(|ui| {
            for (view, c) in [
                (View::Dashboard, UICommand::ShowDashboard),
                (View::Editor, UICommand::ShowEditor),
                (View::Preview, UICommand::ShowPreview),
            ] {
                let r = ui.selectable_label(e.view == view, c.text()).on_hover_text(c.tooltip());
                if r.clicked() {
                    e.view = view;
                }
            }
            ui.separator();
            let n = e.warnings().len();
            let text = match n {
                0 => "No warnings".to_owned(),
                1 => "1 warning".to_owned(),
                n => format!("{n} warnings"),
            };
            if ui.button(text).on_hover_text("Show the warnings beside the editor").clicked() {
                e.view = View::Editor;
            }
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
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
            for c in [UICommand::New, UICommand::Open] {
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

    fn document_view(&mut self, ui: &mut Ui) {
        let typing = ui.ctx().egui_wants_keyboard_input();
        let Some(doc) = self.docs.get_mut(self.current) else {
            egui::CentralPanel::default().show(ui, |ui| self.welcome(ui));
            return;
        };
        let mut action = None;
        match &mut doc.content {
            Content::Failed(f) => {
                let f = f.clone();
                egui::CentralPanel::default().show(ui, |ui| {
                    action = error_page(ui, &f, self.current);
                });
            }
            Content::Editing(e) => {
                // A click or a focus change ends a typing step before anything else changes, so
                // the typing and the click become separate undo steps.
                let pressed = ui.input(|i| i.pointer.any_pressed());
                e.settle(typing && !pressed);
                let mut changed = false;
                if e.view == View::Editor {
                    egui::Panel::right("warnings_panel").resizable(true).default_size(300.0).show(ui, |ui| {
                        action = warnings::show(ui, e);
                    });
                }
                egui::CentralPanel::default().show(ui, |ui| match e.view {
                    View::Dashboard => {
                        if let Some(a) = dashboard::show(ui, e) {
                            action = Some(a);
                        }
                    }
                    View::Editor => changed = editor::show(ui, e),
                    View::Preview => {
                        let revision = e.revision;
                        preview::show(ui, preview::PreviewState::refresh(&mut e.preview, &e.review, revision));
                    }
                });
                if changed {
                    e.note_change(typing);
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

    fn prompts(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if !self.recovered.is_empty() {
            self.recovery_offer(ctx);
            return;
        }
        let Some(prompt) = self.prompt.clone() else { return };
        match prompt {
            Prompt::Unsaved { ids, reason } => self.unsaved_prompt(ctx, frame, &ids, &reason),
            Prompt::ExternalChange { id, then_close } => self.external_change_prompt(ctx, frame, &id, then_close),
            Prompt::PackKind => self.pack_kind_prompt(ctx, frame),
            Prompt::Printed(printed) => self.printed_prompt(ctx, &printed),
        }
    }

    fn unsaved_prompt(&mut self, ctx: &egui::Context, frame: &eframe::Frame, ids: &[String], reason: &CloseReason) {
        let names: Vec<String> = ids.iter().filter_map(|id| self.index_of(id)).map(|i| self.docs[i].name()).collect();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(RichText::new("Unsaved changes").heading());
            let question = match reason {
                CloseReason::Quit => "Save your changes before PeerBrief closes?",
                CloseReason::CloseTab => "Save your changes before closing?",
                CloseReason::Reopen => "This file is already open with unsaved changes. Save them, or discard them and read the file again?",
            };
            ui.label(question);
            for name in &names {
                ui.label(format!("• {name}"));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some("save");
                }
                if ui.button("Discard").on_hover_text("Lose the unsaved changes").clicked() {
                    choice = Some("discard");
                }
                if ui.button("Cancel").on_hover_text("Keep editing").clicked() {
                    choice = Some("cancel");
                }
            });
        });
        let Some(choice) = choice else { return };
        self.prompt = None;
        let indices: Vec<usize> = ids.iter().filter_map(|id| self.index_of(id)).collect();
        match (choice, reason) {
            ("cancel", _) => {
                self.quitting = false;
                self.info("Cancelled: nothing was closed.");
            }
            ("save", CloseReason::Quit) => {
                self.quitting = true;
                self.continue_quit(ctx, frame);
            }
            ("save", r) => {
                if let Some(&i) = indices.first() {
                    self.save(i, *r == CloseReason::CloseTab, frame, ctx);
                }
            }
            ("discard", CloseReason::Quit) => {
                for i in indices {
                    self.discard_recovery(i);
                }
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            ("discard", CloseReason::CloseTab) => {
                if let Some(&i) = indices.first() {
                    self.remove_document(i);
                }
            }
            ("discard", CloseReason::Reopen) => {
                if let Some(&i) = indices.first() {
                    self.reload(i);
                }
            }
            _ => {}
        }
    }

    fn external_change_prompt(&mut self, ctx: &egui::Context, frame: &eframe::Frame, id: &str, then_close: bool) {
        let Some(i) = self.index_of(id) else {
            self.prompt = None;
            return;
        };
        let name = self.docs[i].name();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("external_change")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.label(RichText::new("The file changed on disk").heading());
            ui.label(format!(
                "{name} was changed by someone or something else since you opened it (a colleague on the shared \
                 drive, or a sync client). Saving now would replace their changes."
            ));
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Overwrite").on_hover_text("Replace the file on disk with your version").clicked() {
                    choice = Some("overwrite");
                }
                if ui.button("Save as a copy…").on_hover_text("Keep both: save yours under a new name").clicked() {
                    choice = Some("copy");
                }
                if ui.button("Reload").on_hover_text("Drop your changes and read the file as it is now").clicked() {
                    choice = Some("reload");
                }
                if ui.button("Cancel").clicked() {
                    choice = Some("cancel");
                }
            });
        });
        let Some(choice) = choice else { return };
        self.prompt = None;
        match choice {
            "overwrite" => {
                if let Some(path) = self.docs[i].path().map(Path::to_owned) {
                    self.write(i, &path, then_close);
                }
            }
            "copy" => self.ask_save_path(i, then_close, frame, ctx),
            "reload" => {
                self.quitting = false;
                self.reload(i);
            }
            _ => {
                self.quitting = false;
                self.info("Not saved: the file on disk was left as it is.");
            }
        }
    }

    fn recovery_offer(&mut self, ctx: &egui::Context) {
        let mut restore = None;
        let mut discard = None;
        egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(RichText::new("Recover unsaved work").heading());
            ui.label("PeerBrief closed without saving these reviews last time. Restore them to keep the changes.");
            ui.add_space(6.0);
            for (k, r) in self.recovered.iter().enumerate() {
                let name = recovered_name(r);
                ui.group(|ui| {
                    ui.label(RichText::new(&name).strong());
                    ui.weak(format!("Saved for recovery {}", ago(r.entry.written_at)));
                    ui.horizontal(|ui| {
                        if editor::named_button(ui, true, "Restore", &format!("Restore {name}")) {
                            restore = Some(k);
                        }
                        if editor::named_button(ui, true, "Discard", &format!("Discard {name}")) {
                            discard = Some(k);
                        }
                    });
                });
            }
        });
        if let Some(k) = restore {
            let r = self.recovered.remove(k);
            let name = recovered_name(&r);
            // The work moves to a recovery file of this session (written before the old one is
            // removed: the writer runs jobs in order), so another PeerBrief started later does
            // not offer it while it is open here.
            let id = self.new_id();
            let file = match &self.autosave {
                Some(autosave) => {
                    let file = autosave.write(&id, r.entry.original.clone(), &r.entry.review);
                    autosave.remove(r.file.clone());
                    file
                }
                None => r.file.clone(),
            };
            let doc = Document::restored(id, r.entry.review, r.entry.original.clone(), file);
            self.add_document(doc);
            if let Some(path) = &r.entry.original {
                eprintln!("peerbrief: opened {} (tabs: {})", path.display(), self.docs.len());
            }
            self.info(format!("Restored {name}: save it to keep the changes."));
        }
        if let Some(k) = discard {
            let r = self.recovered.remove(k);
            if let Some(autosave) = &self.autosave {
                autosave.remove(r.file.clone());
            }
            self.info(format!("Discarded the recovered changes to {}", recovered_name(&r)));
        }
    }
}

/// Whether a recovery file (named `<pid>-<session start>-<n>.recovery`) belongs to a PeerBrief
/// that is still running (same process id, named `peerbrief`). Known on Linux (`/proc`);
/// elsewhere every file is offered.
fn written_by_running_process(file: &Path) -> bool {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let Some(pid) = stem.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { return false };
    if pid == std::process::id() {
        return false;
    }
    // `/proc/<pid>/stat` is "pid (comm) state …"; a zombie (Z) or dead (X) process is not running.
    let stat = std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("stat")).unwrap_or_default();
    let Some((head, rest)) = stat.rsplit_once(')') else { return false };
    let running = !matches!(rest.trim_start().chars().next(), Some('Z' | 'X') | None);
    head.ends_with("(peerbrief") && running
}

fn recovered_name(r: &Recovered) -> String {
    match &r.entry.original {
        Some(p) => p.display().to_string(),
        None if !r.entry.review.title.trim().is_empty() => format!("{} (never saved)", r.entry.review.title),
        None => "Untitled review (never saved)".to_owned(),
    }
}

fn ago(written_at: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let secs = now.saturating_sub(written_at);
    match secs {
        0..=59 => "less than a minute ago".to_owned(),
        60..=3599 => format!("{} minutes ago", secs / 60),
        3600..=86_399 => format!("{} hours ago", secs / 3600),
        _ => format!("{} days ago", secs / 86_400),
    }
}

/// The error page of a file that failed to load: file, line and column, and what to do.
fn error_page(ui: &mut Ui, f: &document::LoadFailure, tab: usize) -> Option<Action> {
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
            action = Some(Action::CloseTab(tab));
        }
    });
    action
}

/// A file name for a review never saved: "Worcestershire Safeguarding Peer Review.peerreview".
fn suggested_file_name(review: Option<&crate::model::Review>) -> String {
    let title = review.map(|r| r.title.trim()).filter(|t| !t.is_empty()).unwrap_or("Untitled review");
    let safe: String = title.chars().map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c }).collect();
    format!("{safe}.peerreview")
}

/// Adds `.peerreview` when the chosen name has no review extension.
fn with_review_extension(path: PathBuf) -> PathBuf {
    let known = path.extension().is_some_and(|e| crate::store::REVIEW_EXTENSIONS.iter().any(|k| e == *k));
    if known { path } else { path.with_extension("peerreview") }
}

/// The print command's outcome, as a sentence for the status bar.
type PrinterAnswer = Result<String, String>;

/// A PDF path always ends in `.pdf`.
fn with_pdf_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) { path } else { path.with_extension("pdf") }
}

impl eframe::App for PeerBriefApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.autosave(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(started) = self.trace_startup.take() {
            eprintln!("peerbrief: first frame after {} ms", started.elapsed().as_millis());
        }
        self.drain_inputs(&ctx, frame);
        self.poll_printing(&ctx);
        self.handle_close_request(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        if !self.docs.is_empty() {
            egui::Panel::top("tabs").show(ui, |ui| {
                self.tab_bar(ui);
                self.view_switcher(ui);
            });
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        self.document_view(ui);
        self.dialogs.ui(&ctx);
        self.prompts(&ctx, frame);
        self.handle(&ctx, frame);
        self.continue_quit(&ctx, frame);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// When `main` started, for the first-frame time (`PEERBRIEF_TRACE_STARTUP=1`).
static PROCESS_START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Records the process start; `main` calls this first thing. Later calls change nothing.
pub fn note_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Starts the window with full control of the options: the single-instance hand-off passes
/// `open_requests` here so a second `peerbrief FILE` opens tabs in this window.
/// `PEERBRIEF_TRACE_STARTUP=1` prints the time to the first frame from `options.trace_startup`,
/// else from the process start ([`note_process_start`]), else from this call.
pub fn run_with(mut options: AppOptions) -> ExitCode {
    if std::env::var_os("PEERBRIEF_TRACE_STARTUP").is_some_and(|v| v == "1") {
        options.trace_startup.get_or_insert_with(|| PROCESS_START.get().copied().unwrap_or_else(Instant::now));
    } else {
        options.trace_startup = None;
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("PeerBrief")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(include_bytes!(
        "../../assets/icons/hicolor/256x256/apps/org.peerbrief.PeerBrief.png"
    )) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(e) => eprintln!("peerbrief: window icon not loaded: {e}"),
    }
    let native = eframe::NativeOptions { viewport, ..Default::default() };
    match eframe::run_native("PeerBrief", native, Box::new(|cc| Ok(Box::new(PeerBriefApp::new(cc, options))))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peerbrief: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_and_extensions() {
        let mut r = crate::model::Review::default();
        assert_eq!(suggested_file_name(Some(&r)), "Untitled review.peerreview");
        r.title = "A/B review".into();
        assert_eq!(suggested_file_name(Some(&r)), "A-B review.peerreview");
        assert_eq!(with_review_extension("x".into()), PathBuf::from("x.peerreview"));
        assert_eq!(with_review_extension("x.ron".into()), PathBuf::from("x.ron"));
    }

    #[test]
    fn recent_files_keep_newest_first_without_repeats() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(Path::new(&format!("/r/{i}")));
        }
        s.remember(Path::new("/r/5"));
        assert_eq!(s.recent_files.len(), RECENT_FILES);
        assert_eq!(s.recent_files[0], PathBuf::from("/r/5"));
        assert_eq!(s.recent_files.iter().filter(|p| p.as_path() == Path::new("/r/5")).count(), 1);
    }
}

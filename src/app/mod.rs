//! The desktop window: tabs of open reviews, the dashboard, the editor, and file handling done
//! the way officers expect of an editor (unsaved-changes prompts, recovery after a crash, a guard
//! against overwriting a colleague's changes on a shared drive).
//!
//! UI code only sends [`Action`]s; `handle.rs` carries them out once per frame. Work done on
//! other threads (dialogs, saving, printing, autosave, other instances) reports through one
//! [`inbox`]. File I/O goes through `store`; dialogs through [`FileDialogs`] so tests never open
//! a real one.
//!
//! ```no_run
//! // Build the app as `run` does, with open requests from another thread:
//! use peerbrief::app::{AppOptions, PeerBriefApp, open_request_channel};
//! let (sender, requests) = open_request_channel();
//! let options = AppOptions { open_requests: Some(requests), ..AppOptions::default() };
//! // eframe::run_native(.., Box::new(|cc| Ok(Box::new(PeerBriefApp::new(cc, options)))));
//! sender.send(vec!["/path/review.peerreview".into()]);
//! ```
//!
//! The rooms of the window:
//! - [`document`], [`history`], [`view_state`]: one tab's review, its undo steps, its views;
//! - `files.rs`: open, reload, save, close and quit; [`saving`]: the save thread;
//! - `handle.rs`: actions, commands, dialog answers and inbox events;
//! - `chrome.rs`: menu, tabs, view switcher, status bar, welcome and error pages;
//! - [`prompts`]: one file per question; [`printing`]: PDFs on a worker thread;
//! - [`dashboard`], [`editor`], [`preview`], [`warnings`]: the views of a review;
//! - `templating.rs`: New review from a template, Apply template, Save as template;
//! - [`publishing`]: the "Before publishing" panel (possible personal data in public text);
//! - [`since_last`]: the dashboard's "Since the last review" (the previous review side by side);
//! - [`charts`]: the dashboard's charts (findings by theme, the action plan by status).

pub mod charts;
mod chrome;
pub mod command;
pub mod dashboard;
pub mod dialogs;
pub mod document;
mod files;
mod handle;
pub mod history;
pub mod inbox;
pub mod pack;
pub mod preview;
pub mod printing;
pub mod prompts;
pub mod publishing;
pub mod recovery;
pub mod saving;
pub mod since_last;
mod templating;
pub mod tracked;
pub mod view_state;
pub mod warnings;

pub mod editor;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::Ui;
use serde::{Deserialize, Serialize};

pub use command::{Action, UICommand};
pub use dialogs::{
    BuiltinDialogs, DialogAnswer, DialogPurpose, FileDialogs, FileKind, SaveAs, ScriptedDialogs, SystemDialogs,
};
pub use document::{Content, DocId, Document, Editing, EditorPage, View};
pub use inbox::{Event, EventSender, OpenRequestSender, OpenRequests, open_request_channel};
use prompts::Prompt;

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
    /// The inbox made before the window (see [`open_request_channel`]); else a new one.
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

/// The status bar's message.
#[derive(Clone, Debug, Default)]
struct Status {
    text: String,
    error: bool,
}

/// The PeerBrief window.
pub struct PeerBriefApp {
    docs: Vec<Document>,
    /// The tab showing (an index into `docs`, kept in range by `files.rs`).
    current: usize,
    next_id: u64,
    /// Names this run's recovery files: `<pid>-<start time>`.
    session: String,
    actions: Vec<Action>,
    inbox: inbox::Inbox,
    prompt: Option<Prompt>,
    recovered: Vec<Recovered>,
    status: Status,
    settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    dialog_open: bool,
    saver: saving::Saver,
    autosave: Option<recovery::Autosave>,
    autosave_delay: Duration,
    /// Set by Save in the quit prompt: save each dirty document, then close the window.
    quitting: bool,
    allowed_to_close: bool,
    last_title: String,
    trace_startup: Option<Instant>,
    print_command: Vec<String>,
    /// A briefing or pack being made on a worker thread.
    printing: Option<printing::Running>,
}

impl PeerBriefApp {
    /// Builds the app: restores settings, opens `options.files`, finds recovery files.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> PeerBriefApp {
        let settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        let inbox = options.open_requests.map(|r| r.0).unwrap_or_default();
        inbox.attach(&cc.egui_ctx);
        let (mut recovered, recovery_errors) = options.recovery_dir.as_deref().map(list_recovery).unwrap_or_default();
        // Files of another PeerBrief still running are its live work, not lost work.
        recovered.retain(|r| !files::written_by_running_process(&r.file));
        let autosave = options.recovery_dir.map(|dir| recovery::Autosave::start(dir, inbox.sender()));
        let session = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
        );
        let mut app = PeerBriefApp {
            docs: Vec::new(),
            current: 0,
            next_id: 0,
            session,
            actions: Vec::new(),
            saver: saving::Saver::start(inbox.sender()),
            inbox,
            prompt: None,
            recovered,
            status: Status::default(),
            settings,
            dialogs: options.dialogs,
            dialog_open: false,
            autosave,
            autosave_delay: options.autosave_delay,
            quitting: false,
            allowed_to_close: false,
            last_title: String::new(),
            trace_startup: options.trace_startup,
            print_command: options.print_command,
            printing: None,
        };
        crate::briefing::preview::install_fonts(&cc.egui_ctx);
        for path in options.files {
            app.open_path(&path);
        }
        if app.docs.is_empty() {
            app.info("Open a review (File, then Open…) or start a new one.");
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

    /// True while a PDF is being made (tests wait on it).
    pub fn is_printing(&self) -> bool {
        self.printing.is_some()
    }

    /// True while any document is being written on the save thread (tests wait on it).
    pub fn is_saving(&self) -> bool {
        self.docs.iter().any(|d| d.saving)
    }

    /// True while a file dialog is waiting for its answer.
    pub fn is_dialog_open(&self) -> bool {
        self.dialog_open
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
        // The in-window file picker, when the desktop has no file chooser.
        self.dialogs.ui(&ctx);
        if let Some(answer) = prompts::show(&ctx, self.prompt.as_mut(), &self.recovered, &self.docs) {
            self.actions.push(Action::Answer(answer));
        }
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

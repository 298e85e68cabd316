//! The window's one inbox. Everything that happens away from the UI thread — a file dialog's
//! answer, a save or a PDF finishing, the printer's reply, an autosave failure, another
//! `peerbrief FILE` handing over files — arrives here as an [`Event`], and the app drains it once
//! per frame (rerun's `CommandSender` pattern). Senders wake the window, so nothing waits for
//! the mouse to move.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::dialogs::DialogAnswer;
use super::printing::Progress;
use super::saving::Saved;

/// News for the UI thread.
#[derive(Debug)]
pub enum Event {
    /// Open these files as tabs (another instance, a file manager).
    Open(Vec<PathBuf>),
    /// A file dialog was answered (or cancelled: no paths).
    Dialog(DialogAnswer),
    /// A save finished on the save thread.
    Saved(Box<Saved>),
    /// The PDF worker's progress.
    Printing(Progress),
    /// What the printer command said, as a sentence for the user.
    Printer(Result<String, String>),
    /// A recovery copy could not be written or removed.
    RecoveryFailed(String),
}

impl From<DialogAnswer> for Event {
    fn from(answer: DialogAnswer) -> Event {
        Event::Dialog(answer)
    }
}

/// Posts events to the window from any thread and wakes it.
#[derive(Clone)]
pub struct EventSender {
    tx: Sender<Event>,
    ctx: Arc<Mutex<Option<egui::Context>>>,
}

impl std::fmt::Debug for EventSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventSender")
    }
}

impl EventSender {
    /// Queues the event; returns false if the window has closed.
    pub fn send(&self, event: impl Into<Event>) -> bool {
        let sent = self.tx.send(event.into()).is_ok();
        if let Ok(ctx) = self.ctx.lock()
            && let Some(ctx) = ctx.as_ref()
        {
            ctx.request_repaint();
        }
        sent
    }
}

/// The receiving end, owned by the app.
pub struct Inbox {
    rx: Receiver<Event>,
    sender: EventSender,
}

impl Default for Inbox {
    fn default() -> Self {
        let (tx, rx) = channel();
        Inbox { rx, sender: EventSender { tx, ctx: Arc::new(Mutex::new(None)) } }
    }
}

impl Inbox {
    /// A sender for workers, dialogs and other instances.
    pub fn sender(&self) -> EventSender {
        self.sender.clone()
    }

    /// Lets senders wake this window.
    pub fn attach(&self, ctx: &egui::Context) {
        if let Ok(mut slot) = self.sender.ctx.lock() {
            *slot = Some(ctx.clone());
        }
    }

    /// Everything that arrived since the last frame, in order.
    pub fn drain(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }
}

/// Sends "open these files" to a running window from any thread (a second instance, a file
/// manager hand-off); wakes the window so it opens them at once.
#[derive(Clone)]
pub struct OpenRequestSender(EventSender);

impl OpenRequestSender {
    /// Queues the paths; returns false if the window has closed.
    pub fn send(&self, paths: Vec<PathBuf>) -> bool {
        self.0.send(Event::Open(paths))
    }
}

/// The window's inbox, made before the window so open requests can be queued while it starts;
/// handed to the app through [`super::AppOptions::open_requests`].
pub struct OpenRequests(pub(crate) Inbox);

/// A channel for open requests from other threads: its receiving end becomes the app's inbox.
pub fn open_request_channel() -> (OpenRequestSender, OpenRequests) {
    let inbox = Inbox::default();
    (OpenRequestSender(inbox.sender()), OpenRequests(inbox))
}

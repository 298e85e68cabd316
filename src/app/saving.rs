//! Saving on a worker thread, as autosave does, so a slow shared drive never freezes the window.
//! The worker also makes the shared-drive check (has someone else changed the file since we read
//! it?) right before writing, where it is least likely to be stale.

use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};

use super::document::DocId;
use super::inbox::{Event, EventSender};
use crate::model::{CommitteePack, Review};
use crate::store::{Fingerprint, save_pack, save_review};

/// What a save writes: a review or a committee pack manifest.
#[derive(Clone, Debug)]
pub enum Body {
    Review(Box<Review>),
    Pack(Box<CommitteePack>),
}

/// Whether to check the file on disk before writing over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Write only if the file is as it was read (`None`: only if there is no file there).
    Unchanged(Option<Fingerprint>),
    /// The user chose to replace it (Overwrite, or a name picked in a save dialog).
    Overwrite,
}

/// One save to make.
#[derive(Debug)]
pub struct SaveJob {
    pub doc: DocId,
    pub path: PathBuf,
    pub body: Body,
    pub guard: Guard,
    /// Close the tab once saved (Save in the close-tab prompt).
    pub then_close: bool,
}

/// How a save went.
#[derive(Debug)]
pub enum SaveResult {
    Saved(Fingerprint),
    /// Someone else changed the file: nothing was written.
    ChangedOnDisk,
    Failed(String),
}

/// A finished save, posted to the window's inbox.
#[derive(Debug)]
pub struct Saved {
    pub doc: DocId,
    pub path: PathBuf,
    /// The document as written.
    pub body: Body,
    pub then_close: bool,
    pub result: SaveResult,
}

/// The save thread: jobs run in order.
pub struct Saver {
    jobs: Option<Sender<SaveJob>>,
    events: EventSender,
}

impl Saver {
    pub fn start(events: EventSender) -> Saver {
        let (jobs, rx) = channel::<SaveJob>();
        let out = events.clone();
        let spawned = std::thread::Builder::new().name("peerbrief-save".into()).spawn(move || {
            for job in rx {
                let saved = run(job);
                if !out.send(Event::Saved(Box::new(saved))) {
                    break;
                }
            }
        });
        if let Err(e) = &spawned {
            eprintln!("peerbrief: could not start the save thread ({e}); saving on the window's thread");
        }
        Saver { jobs: spawned.ok().map(|_| jobs), events }
    }

    /// Queues a save; its outcome arrives as [`Event::Saved`].
    pub fn save(&self, job: SaveJob) {
        match &self.jobs {
            Some(jobs) => {
                if let Err(returned) = jobs.send(job) {
                    self.events.send(Event::Saved(Box::new(run(returned.0))));
                }
            }
            None => {
                self.events.send(Event::Saved(Box::new(run(job))));
            }
        }
    }
}

fn run(job: SaveJob) -> Saved {
    let SaveJob { doc, path, body, guard, then_close } = job;
    let changed = match guard {
        Guard::Overwrite => false,
        Guard::Unchanged(Some(fingerprint)) => fingerprint.changed_on_disk(&path),
        Guard::Unchanged(None) => path.exists(),
    };
    let result = if changed {
        SaveResult::ChangedOnDisk
    } else {
        let written = match &body {
            Body::Review(review) => save_review(&path, review),
            Body::Pack(pack) => save_pack(&path, pack),
        };
        match written {
            Ok(fingerprint) => SaveResult::Saved(fingerprint),
            Err(e) => SaveResult::Failed(e.to_string()),
        }
    };
    Saved { doc, path, body, then_close, result }
}

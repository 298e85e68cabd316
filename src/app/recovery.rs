//! Autosave of unsaved edits into recovery files, on a worker thread so typing never waits for
//! the disk. Jobs run in order, so a removal after a save can never be overtaken by an older write.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::time::{SystemTime, UNIX_EPOCH};

use super::inbox::{Event, EventSender};
use super::saving::Body;
use crate::model::Review;
use crate::store::recovery::{RecoveryEntry, recovery_path, remove_recovery, write_recovery};

enum Job {
    Write { id: String, entry: Box<RecoveryEntry> },
    Remove(PathBuf),
}

/// Writes recovery files for open documents into one folder.
pub struct Autosave {
    dir: PathBuf,
    jobs: Option<Sender<Job>>,
}

impl Autosave {
    /// Starts the writer thread for `dir`; failures are posted to `events`.
    pub fn start(dir: PathBuf, events: EventSender) -> Autosave {
        let (jobs, job_rx) = channel::<Job>();
        let thread_dir = dir.clone();
        let spawned = std::thread::Builder::new().name("peerbrief-autosave".into()).spawn(move || {
            for job in job_rx {
                // Only failures are news: a written copy needs no repaint.
                let failure = match job {
                    Job::Write { id, entry } => write_recovery(&thread_dir, &id, &entry)
                        .err()
                        .map(|e| format!("Could not keep a recovery copy: {e}")),
                    Job::Remove(path) => {
                        remove_recovery(&path).err().map(|e| format!("Could not remove an old recovery copy: {e}"))
                    }
                };
                if let Some(message) = failure
                    && !events.send(Event::RecoveryFailed(message))
                {
                    break;
                }
            }
        });
        Autosave { dir, jobs: spawned.ok().map(|_| jobs) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file document `id` uses.
    pub fn file_for(&self, id: &str) -> PathBuf {
        recovery_path(&self.dir, id)
    }

    /// Queues a write of the document's unsaved work; returns the file it will be in.
    pub fn write(&self, id: &str, original: Option<PathBuf>, body: Body) -> PathBuf {
        let written_at = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let (review, pack) = match body {
            Body::Review(review) => (*review, None),
            Body::Pack(pack) => (Review::default(), Some(*pack)),
        };
        let entry = Box::new(RecoveryEntry { original, written_at, review, pack });
        self.send(Job::Write { id: id.to_owned(), entry });
        self.file_for(id)
    }

    /// Queues removal of a recovery file (after a save or a discard).
    pub fn remove(&self, file: PathBuf) {
        self.send(Job::Remove(file));
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // A dead writer thread only costs the recovery copy; the document itself is safe.
            let _ = jobs.send(job);
        }
    }
}

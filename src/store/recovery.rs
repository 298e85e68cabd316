//! Recovery files: unsaved edits kept in the app's data folder so a crash or a killed session
//! loses at most a few seconds of work.
//!
//! One file per open document, named `<id>.recovery`, holding RON text of a [`RecoveryEntry`].
//! Written atomically (temp file + fsync + rename) so a crash mid-write leaves the previous copy.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::model::{CommitteePack, Review};

/// File extension of recovery files.
pub const RECOVERY_EXTENSION: &str = "recovery";

/// What a recovery file holds: the unsaved review (or committee pack) and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PeerBriefRecovery")]
pub struct RecoveryEntry {
    /// The file the edits belong to; `None` for a document never saved.
    pub original: Option<PathBuf>,
    /// Seconds since 1970 when the copy was written, to tell the user how old it is.
    pub written_at: u64,
    /// The unsaved review (a blank one when the entry is a pack).
    #[serde(default)]
    pub review: Review,
    /// Set when the unsaved document is a committee pack manifest.
    #[serde(default)]
    pub pack: Option<CommitteePack>,
}

/// A recovery file found on disk.
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The recovery file itself (remove it once restored work is saved or discarded).
    pub file: PathBuf,
    pub entry: RecoveryEntry,
}

/// The recovery file for document `id` in `dir`.
pub fn recovery_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.{RECOVERY_EXTENSION}"))
}

/// Writes (or replaces) the recovery file for document `id`, creating `dir` if needed.
pub fn write_recovery(dir: &Path, id: &str, entry: &RecoveryEntry) -> Result<PathBuf, StoreError> {
    let path = recovery_path(dir, id);
    let write_err = |source| StoreError::Write { path: path.clone(), source };
    fs::create_dir_all(dir).map_err(write_err)?;
    let text = ron::ser::to_string_pretty(entry, ron::ser::PrettyConfig::new().escape_strings(false))
        .map_err(|e| StoreError::Serialize { path: path.clone(), message: e.to_string() })?;
    let mut tmp = tempfile::Builder::new().prefix(".").suffix(".tmp").tempfile_in(dir).map_err(write_err)?;
    tmp.write_all(text.as_bytes()).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(&path).map_err(|e| write_err(e.error))?;
    Ok(path)
}

/// Reads one recovery file.
pub fn read_recovery(file: &Path) -> Result<RecoveryEntry, StoreError> {
    let text = fs::read_to_string(file).map_err(|source| StoreError::Read { path: file.to_owned(), source })?;
    ron::Options::default().from_str(&text).map_err(|e| StoreError::from_ron(file, &text, &e))
}

/// Every readable recovery file in `dir`, oldest first. A missing folder means none; unreadable
/// files are returned as errors so the caller can report them rather than lose them silently.
pub fn list_recovery(dir: &Path) -> (Vec<Recovered>, Vec<StoreError>) {
    let Ok(read) = fs::read_dir(dir) else { return (Vec::new(), Vec::new()) };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == RECOVERY_EXTENSION))
        .collect();
    files.sort();
    let (mut found, mut errors) = (Vec::new(), Vec::new());
    for file in files {
        match read_recovery(&file) {
            Ok(entry) => found.push(Recovered { file, entry }),
            Err(e) => errors.push(e),
        }
    }
    found.sort_by_key(|r| r.entry.written_at);
    (found, errors)
}

/// Removes a recovery file; one already gone is fine.
pub fn remove_recovery(file: &Path) -> Result<(), StoreError> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Write { path: file.to_owned(), source: e })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_list_read_remove() {
        let dir = tempfile::tempdir().unwrap();
        let rdir = dir.path().join("recovery");
        assert!(list_recovery(&rdir).0.is_empty(), "missing folder means no recovery files");
        let review = Review { title: "Draft – café’s review".into(), ..Review::default() };
        let entry = RecoveryEntry { original: Some("/x/a.peerreview".into()), written_at: 5, review, pack: None };
        let file = write_recovery(&rdir, "doc-1", &entry).unwrap();
        write_recovery(&rdir, "doc-1", &entry).unwrap();
        fs::write(rdir.join("junk.recovery"), "not ron").unwrap();
        let (found, errors) = list_recovery(&rdir);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, entry);
        assert_eq!(found[0].file, file);
        assert_eq!(errors.len(), 1);
        remove_recovery(&file).unwrap();
        remove_recovery(&file).unwrap();
        assert!(!file.exists());
        let leftovers = fs::read_dir(&rdir).unwrap().filter(|e| e.as_ref().unwrap().path().ends_with(".tmp")).count();
        assert_eq!(leftovers, 0);
    }
}

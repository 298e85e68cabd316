//! Atomic replacement of a file, with the previous version kept as `name~`.
//!
//! Order of operations: write a temp file in the same folder, fsync it, keep the old file as the
//! backup (hard link, or copy where links are unsupported), rename the temp file over the target,
//! fsync the folder. A failure at any step leaves the original file untouched.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::StoreError;

/// Temp files older than this beside a review are leftovers of a save that was killed (a save
/// takes milliseconds), and are removed by the next successful save.
const STALE_TEMP_AGE: Duration = Duration::from_secs(15 * 60);

/// Where the previous version of `path` is kept: `name.peerreview~`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name: OsString = path.as_os_str().to_owned();
    name.push("~");
    PathBuf::from(name)
}

fn temp_in(dir: &Path, name: &str) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir)
}

/// Replaces `path` with `bytes` so that, whatever happens, the file holds either the old or the
/// new content in full, keeping the previous version as `name~`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace(path, bytes, true, Durability::Synced)
}

/// Writes an export (a PDF) atomically but keeps no backup: it can always be made again, and a
/// `briefing.pdf~` beside every PDF would only clutter the folder.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace(path, bytes, false, Durability::Regenerable)
}

/// Whether a write must be on disk before it counts as done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// A user's document: synced before and after the rename, so a power cut leaves the old file
    /// or the new one, never an empty one.
    Synced,
    /// A PDF PeerBrief can print again: still written beside and renamed over (a reader never
    /// sees half a file), but not synced — the two fsyncs were the largest part of a
    /// command-line briefing's time.
    Regenerable,
}

fn replace(path: &Path, bytes: &[u8], keep_previous: bool, durability: Durability) -> Result<(), StoreError> {
    let write_err = |source| StoreError::Write { path: path.to_owned(), source };
    // Save through symlinks to the real file rather than replacing the link.
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "review".into());
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(write_err(io::Error::from(io::ErrorKind::IsADirectory)));
        }
        if meta.permissions().readonly() {
            return Err(StoreError::Serialize {
                path: path.to_owned(),
                message: "the file is marked read-only; use Save As to save a copy".into(),
            });
        }
    }

    let mut tmp = temp_in(&dir, &name).map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    tmp.flush().map_err(write_err)?;
    if let Some(meta) = &existing {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(write_err)?;
    } else {
        default_permissions(tmp.path()).map_err(write_err)?;
    }
    if durability == Durability::Synced {
        tmp.as_file().sync_all().map_err(write_err)?;
    }

    if existing.is_some() && keep_previous {
        keep_backup(&target, &dir, &name).map_err(write_err)?;
    }
    tmp.persist(&target).map_err(|e| write_err(e.error))?;
    if durability == Durability::Synced {
        sync_dir(&dir);
    }
    sweep_stale_temps(&dir, &name);
    Ok(())
}

/// Best effort: removes `.name.XXXX.tmp` and `.name~.XXXX.tmp` files left by killed saves.
fn sweep_stale_temps(dir: &Path, name: &str) {
    let (ours, backup) = (format!(".{name}."), format!(".{name}~."));
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&ours) || file_name.starts_with(&backup)) || !file_name.ends_with(".tmp") {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| SystemTime::now().duration_since(modified).ok())
            .is_some_and(|age| age > STALE_TEMP_AGE);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes `name~` hold the current file: a hard link costs nothing; copy where links fail.
fn keep_backup(target: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let backup = backup_path(target);
    let staging = temp_in(dir, &format!("{name}~"))?.into_temp_path();
    fs::remove_file(&staging)?;
    if fs::hard_link(target, &staging).is_err() {
        fs::copy(target, &staging)?;
        fs::File::open(&staging)?.sync_all()?;
    }
    // `staging` removes itself on drop if the rename fails.
    fs::rename(&staging, &backup)?;
    staging.keep().map(|_| ()).map_err(|e| e.error)
}

#[cfg(unix)]
fn default_permissions(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: makes the rename itself durable; not all filesystems support it.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_previous_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.peerreview");
        write_atomically(&path, b"one").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!backup_path(&path).exists(), "no backup for a new file");
        write_atomically(&path, b"two").unwrap();
        write_atomically(&path, b"three").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
    }

    #[test]
    fn a_save_removes_temp_files_left_by_killed_saves_but_not_fresh_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.peerreview");
        let old = dir.path().join(".a.peerreview.AbC123.tmp");
        let old_backup = dir.path().join(".a.peerreview~.XyZ789.tmp");
        let fresh = dir.path().join(".a.peerreview.Fresh1.tmp");
        let other = dir.path().join(".b.peerreview.Other1.tmp");
        for p in [&old, &old_backup, &fresh, &other] {
            fs::write(p, b"partial").unwrap();
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&old, &old_backup, &other] {
            fs::File::options().write(true).open(p).unwrap().set_modified(hour_ago).unwrap();
        }
        write_atomically(&path, b"new").unwrap();
        assert!(!old.exists() && !old_backup.exists(), "stale temps kept");
        assert!(fresh.exists(), "a fresh temp may belong to a save in progress");
        assert!(other.exists(), "another file's temps are not ours");
    }

    #[test]
    fn exports_are_replaced_without_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing.pdf");
        write_export(&path, b"one").unwrap();
        write_export(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no backup, no temp files");
    }

    #[test]
    fn refuses_read_only_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.peerreview");
        fs::write(&path, b"original").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = write_atomically(&path, b"new").unwrap_err().to_string();
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"original");
    }

    #[cfg(unix)]
    #[test]
    fn saves_through_a_symlink_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.peerreview");
        let link = dir.path().join("link.peerreview");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}

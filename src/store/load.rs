//! Reading review files: size limit, BOM, CRLF, UTF-8 checks, and fingerprints for the
//! external-change guard.

use std::fs::{self, File, Metadata};
use std::hash::{DefaultHasher, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{StoreError, parse_review};
use crate::model::Review;

/// Files larger than this are refused: a real review is well under 1 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a file looked like when we read or wrote it, to notice changes made behind our back
/// (another officer on a shared drive, a sync client).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of_bytes(bytes: &[u8], meta: Option<Metadata>) -> Fingerprint {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint { len: bytes.len() as u64, modified: meta.and_then(|m| m.modified().ok()), hash: hasher.finish() }
    }

    /// True if the file at `path` no longer holds what this fingerprint saw. A changed mtime
    /// with identical content (a `touch`, a sync client) is not a change.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        match fs::metadata(path) {
            Err(_) => true,
            Ok(meta) if meta.len() == self.len && meta.modified().ok() == self.modified => false,
            Ok(_) => fingerprint(path).map(|now| now.hash != self.hash || now.len != self.len).unwrap_or(true),
        }
    }
}

/// Fingerprint of the file as it is now.
pub fn fingerprint(path: &Path) -> Result<Fingerprint, StoreError> {
    let (bytes, meta) = read_bytes(path)?;
    Ok(Fingerprint::of_bytes(&bytes, Some(meta)))
}

/// A review as loaded, with what is needed to save it back safely.
#[derive(Clone, Debug)]
pub struct LoadedReview {
    pub review: Review,
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
    /// The older format version the file had, if it was upgraded while loading.
    pub migrated_from: Option<u32>,
}

fn read_bytes(path: &Path) -> Result<(Vec<u8>, Metadata), StoreError> {
    let read_err = |source| StoreError::Read { path: path.to_owned(), source };
    let file = File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_owned(), size: meta.len(), limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    Ok((bytes, meta))
}

/// Reads a text file as PeerBrief does: size-limited, UTF-8 (BOM allowed), CRLF turned into LF.
pub fn read_text(path: &Path) -> Result<(String, Fingerprint), StoreError> {
    let (bytes, meta) = read_bytes(path)?;
    let fp = Fingerprint::of_bytes(&bytes, Some(meta));
    Ok((decode_text(path, &bytes)?, fp))
}

/// The text of a file's bytes: UTF-8 (a BOM is dropped), not blank, and CRLF turned into LF when
/// the file went through a Windows editor. `path` is only for messages. No I/O: fuzzed directly.
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, StoreError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            let good = &body[..e.valid_up_to()];
            // `good` is valid UTF-8 by construction.
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(StoreError::NotUtf8 { path: path.to_owned(), line, col, byte: body[e.valid_up_to()] });
        }
    };
    if text.trim().is_empty() {
        return Err(StoreError::Empty { path: path.to_owned() });
    }
    // A file whose first line ends in CRLF went through a Windows editor: every line break,
    // including those inside paragraphs, became CRLF. PeerBrief itself always writes LF, so text
    // that really contains CR is left alone.
    let first_line_crlf = text.split('\n').next().is_some_and(|l| l.ends_with('\r'));
    Ok(if first_line_crlf { text.replace("\r\n", "\n") } else { text.to_owned() })
}

/// Loads and, if needed, upgrades a review file.
pub fn load_review(path: &Path) -> Result<LoadedReview, StoreError> {
    let (text, fingerprint) = read_text(path)?;
    let (review, migrated_from) = parse_review(&text, path)?;
    Ok(LoadedReview { review, path: path.to_owned(), fingerprint, migrated_from })
}

//! Committee pack manifests (`.peerpack`, RON) and the review files they list.

use std::path::{Component, Path, PathBuf};

use super::{StoreError, load_review, read_text};
use crate::model::{AgendaContent, CommitteePack, Review};

/// File extension of pack manifests.
pub const PACK_EXTENSION: &str = "peerpack";

/// A manifest with every review it lists, loaded and in agenda order.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    pub pack: CommitteePack,
    pub path: PathBuf,
    /// One entry per agenda item: the review for a review item, `None` for a standard item.
    pub reviews: Vec<Option<Review>>,
}

/// Parses manifest text (already decoded by `read_text`); `path` is for messages. No I/O.
pub fn parse_pack(text: &str, path: &Path) -> Result<CommitteePack, StoreError> {
    let pack: CommitteePack = ron::Options::default()
        .with_recursion_limit(32)
        .from_str(text)
        .map_err(|e| StoreError::from_ron(path, text, &e))?;
    if pack.items.is_empty() {
        return Err(StoreError::Parse {
            path: path.to_owned(),
            line: 1,
            col: 1,
            message: "the pack has no agenda items; add at least one to `items: [ … ]`".into(),
        });
    }
    Ok(pack)
}

/// Loads a manifest and the reviews it lists. Item paths are relative to the manifest's folder
/// and may not leave it (a shared drive pack must not pull in files from elsewhere).
pub fn load_pack(path: &Path) -> Result<LoadedPack, StoreError> {
    let (text, _) = read_text(path)?;
    let pack = parse_pack(&text, path)?;
    resolve_pack(pack, path)
}

/// Loads the reviews a pack lists, for a manifest at `path` (which may be unsaved edits in the
/// window: `path` only names the folder the items are relative to, and the manifest itself).
pub fn resolve_pack(pack: CommitteePack, path: &Path) -> Result<LoadedPack, StoreError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let item_error = |number: usize, title: &str, message: String| StoreError::PackItem {
        path: path.to_owned(),
        number,
        title: title.to_owned(),
        message,
    };
    let canonical_folder = folder.canonicalize().map_err(|source| StoreError::Read { path: folder.clone(), source })?;
    // An unsaved manifest has no file yet: nothing can be "the manifest itself" then.
    let canonical_manifest = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let mut reviews = Vec::with_capacity(pack.items.len());
    for (i, item) in pack.items.iter().enumerate() {
        let number = i + 1;
        let file = match &item.content {
            AgendaContent::Standard(_) => {
                if item.title.trim().is_empty() {
                    return Err(item_error(number, "", "a standard item needs a `title`".into()));
                }
                reviews.push(None);
                continue;
            }
            AgendaContent::Review(file) => file,
        };
        let relative = Path::new(file);
        let escapes = file.trim().is_empty()
            || relative
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_)));
        if escapes {
            return Err(item_error(
                number,
                &item.title,
                format!("`{file}` must be a file name relative to the pack's folder (no `..`, no absolute paths)"),
            ));
        }
        let full = folder.join(relative);
        let canonical = full.canonicalize().map_err(|e| {
            item_error(
                number,
                &item.title,
                format!("cannot read the review file {}: {}", full.display(), super::plain_io(&e)),
            )
        })?;
        if !canonical.starts_with(&canonical_folder) {
            return Err(item_error(number, &item.title, format!("`{file}` leads outside the pack's folder")));
        }
        if canonical == canonical_manifest {
            return Err(item_error(number, &item.title, format!("`{file}` is the pack manifest itself, not a review")));
        }
        let loaded = load_review(&full).map_err(|e| item_error(number, &item.title, e.to_string()))?;
        reviews.push(Some(loaded.review));
    }
    Ok(LoadedPack { pack, path: path.to_owned(), reviews })
}

//! Committee pack manifests (`.peerpack`, RON) and the review and PDF files they list.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::{StoreError, load_review, read_text};
use crate::model::{AgendaContent, CommitteePack, Logo, Review};

/// File extension of pack manifests.
pub const PACK_EXTENSION: &str = "peerpack";

/// A manifest with every review it lists, loaded and in agenda order.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    pub pack: CommitteePack,
    pub path: PathBuf,
    /// One entry per agenda item: the review for a review item, `None` for other items.
    pub reviews: Vec<Option<Review>>,
    /// One entry per agenda item: the PDF's bytes for a document item, `None` for other items.
    /// Only read here; `briefing::import` parses and checks them.
    pub documents: Vec<Option<DocumentFile>>,
}

/// Largest PDF accepted as an agenda item (a 2,000-page scanned paper is well under this).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// A PDF agenda item's file as read from disk.
#[derive(Clone)]
pub struct DocumentFile {
    /// As written in the manifest, relative to its folder.
    pub file: String,
    pub bytes: Arc<[u8]>,
}

impl std::fmt::Debug for DocumentFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DocumentFile({}, {} bytes)", self.file, self.bytes.len())
    }
}

/// Cheap checks on a PDF item's bytes before anything parses them: not empty, and a `%PDF-`
/// header near the start (readers accept up to 1,024 bytes of junk before it).
pub fn check_pdf_header(bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() {
        return Err("the file is empty (0 bytes)".into());
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err("the file is not a PDF (no `%PDF-` header); export the paper as PDF first".into());
    }
    Ok(())
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
    let mut documents = Vec::with_capacity(pack.items.len());
    for (i, item) in pack.items.iter().enumerate() {
        let number = pack.item_number(i);
        let (file, is_document) = match &item.content {
            AgendaContent::Standard(_) => {
                if item.title.trim().is_empty() {
                    return Err(item_error(number, "", "a standard item needs a `title`".into()));
                }
                reviews.push(None);
                documents.push(None);
                continue;
            }
            AgendaContent::Review(file) => (file, false),
            AgendaContent::Document(file) => (file, true),
        };
        let kind = if is_document { "PDF" } else { "review file" };
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
                format!("cannot read the {kind} {}: {}", full.display(), super::plain_io(&e)),
            )
        })?;
        if !canonical.starts_with(&canonical_folder) {
            return Err(item_error(number, &item.title, format!("`{file}` leads outside the pack's folder")));
        }
        if canonical == canonical_manifest {
            return Err(item_error(number, &item.title, format!("`{file}` is the pack manifest itself, not a {kind}")));
        }
        if is_document {
            let bytes = read_document(&full).map_err(|m| item_error(number, &item.title, format!("{file}: {m}")))?;
            reviews.push(None);
            documents.push(Some(DocumentFile { file: file.clone(), bytes: bytes.into() }));
            continue;
        }
        let loaded = load_review(&full).map_err(|e| item_error(number, &item.title, e.to_string()))?;
        reviews.push(Some(loaded.review));
        documents.push(None);
    }
    let mut pack = pack;
    pack.logo_image = pack.logo.as_deref().map(|file| pack_logo(&folder, &canonical_folder, file, &pack.council));
    Ok(LoadedPack { pack, path: path.to_owned(), reviews, documents })
}

/// The pack's own cover logo, from a file in its folder. A logo that cannot be used does not
/// stop the pack: the cover is printed without it and the layout warns with this message.
fn pack_logo(folder: &Path, canonical_folder: &Path, file: &str, council: &str) -> Result<Logo, String> {
    let relative = Path::new(file);
    if file.trim().is_empty()
        || relative.components().any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_)))
    {
        return Err(format!("`{file}` must be a file name relative to the pack's folder (no `..`, no absolute paths)"));
    }
    let full = folder.join(relative);
    if full.canonicalize().is_ok_and(|c| !c.starts_with(canonical_folder)) {
        return Err(format!("`{file}` leads outside the pack's folder"));
    }
    super::read_logo(&full, council).map_err(|e| e.to_string())
}

/// Reads a PDF item with a size limit (a file growing while read is cut at the limit and refused).
fn read_document(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {}", super::plain_io(&e)))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err("is a folder, not a PDF file".into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {}", super::plain_io(&e)))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(format!("the file is larger than {} MB; PeerBrief does not import it", MAX_DOCUMENT_BYTES >> 20));
    }
    check_pdf_header(&bytes)?;
    Ok(bytes)
}

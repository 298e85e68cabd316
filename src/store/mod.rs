//! Review files on disk: the only code that reads or writes them.
//!
//! A `.peerreview` file is RON text. Loading checks size, encoding and format version and reports
//! problems with file, line and column; saving is atomic and keeps the previous version as a backup.

mod atomic;
mod clock;
mod error;
mod format;
mod legacy;
mod load;
mod locate;
mod logo;
mod manifest;
mod migrate;
mod pack;
mod previous;
pub mod recovery;
mod template;

pub use atomic::{backup_path, write_atomically, write_export};
pub use clock::{date_in, today};
pub use error::plain_io;
pub use error::{StoreError, describe_ron_error};
pub use format::{parse_review, to_canonical_text};
pub use load::{Fingerprint, LoadedReview, MAX_FILE_BYTES, decode_text, fingerprint, load_review, read_text};
pub use locate::{Anchors, locate, pack_anchors, review_anchors};
pub use logo::{LogoFileError, read_logo};
pub use manifest::{
    LoadedManifest, agenda_file, is_pack_file, load_manifest, pack_text, relative_to_folder, save_pack,
};
pub use pack::{
    DocumentFile, LoadedPack, MAX_DOCUMENT_BYTES, PACK_EXTENSION, check_pdf_header, load_pack, parse_pack, resolve_pack,
};
pub use previous::{PreviousError, load_previous_review};
pub use template::{
    BUILTIN_TEMPLATES, TEMPLATE_EXTENSION, TemplateSource, find_template, is_template_file, list_templates,
    load_template, parse_template, template_text, user_template_dir,
};

use std::path::Path;

use crate::model::Review;

/// File extensions PeerBrief opens as reviews. `.ron` files with the same content are accepted too.
pub const REVIEW_EXTENSIONS: [&str; 2] = ["peerreview", "ron"];

/// Saves a review atomically (temp file, fsync, rename), keeping the old file as `name~`.
///
/// Returns the fingerprint of what was written, for the next external-change check.
pub fn save_review(path: &Path, review: &Review) -> Result<Fingerprint, StoreError> {
    let text = to_canonical_text(review).map_err(|e| StoreError::Serialize { path: path.to_owned(), message: e })?;
    write_atomically(path, text.as_bytes())?;
    Ok(Fingerprint::of_bytes(text.as_bytes(), std::fs::metadata(path).ok()))
}

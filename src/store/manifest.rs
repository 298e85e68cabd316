//! A committee pack manifest as a document the window edits: read with its fingerprint (for the
//! shared-drive guard) without loading the reviews it lists, and saved atomically in canonical
//! pretty RON like a review.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use super::{Fingerprint, StoreError, parse_pack, read_text, write_atomically};
use crate::model::CommitteePack;

/// A manifest as read from disk.
#[derive(Clone, Debug)]
pub struct LoadedManifest {
    pub pack: CommitteePack,
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
}

/// Reads and parses a manifest (the files it lists are not opened).
pub fn load_manifest(path: &Path) -> Result<LoadedManifest, StoreError> {
    let (text, fingerprint) = read_text(path)?;
    let pack = parse_pack(&text, path)?;
    Ok(LoadedManifest { pack, path: path.to_owned(), fingerprint })
}

/// The exact text PeerBrief writes for a manifest (ends with a newline).
pub fn pack_text(pack: &CommitteePack) -> Result<String, String> {
    let pretty = PrettyConfig::new().struct_names(true).indentor("    ").new_line("\n").escape_strings(false);
    let mut text = ron::Options::default().to_string_pretty(pack, pretty).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Saves a manifest atomically, keeping the old file as `name~`.
pub fn save_pack(path: &Path, pack: &CommitteePack) -> Result<Fingerprint, StoreError> {
    let text = pack_text(pack).map_err(|e| StoreError::Serialize { path: path.to_owned(), message: e })?;
    write_atomically(path, text.as_bytes())?;
    Ok(Fingerprint::of_bytes(text.as_bytes(), std::fs::metadata(path).ok()))
}

/// Whether a file holds a committee pack manifest rather than a review: by extension, else by
/// its first word (`CommitteePack(`), so a pack saved as `.ron` still opens as a pack.
pub fn is_pack_file(path: &Path) -> bool {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case(super::PACK_EXTENSION)) {
        return true;
    }
    let Ok(mut file) = std::fs::File::open(path) else { return false };
    let mut head = [0u8; 256];
    let n = std::io::Read::read(&mut file, &mut head).unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    let text = text.trim_start_matches('\u{feff}');
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .unwrap_or_default();
    first.starts_with("CommitteePack")
}

/// Where an agenda item's file is, checked as `load_pack` checks it: relative to the pack's
/// folder, not leaving it, and there. The error says what is wrong in plain words.
pub fn agenda_file(folder: &Path, file: &str) -> Result<PathBuf, String> {
    let relative = Path::new(file);
    let escapes = file.trim().is_empty()
        || relative.components().any(|c| {
            matches!(
                c,
                std::path::Component::ParentDir | std::path::Component::RootDir | std::path::Component::Prefix(_)
            )
        });
    if escapes {
        return Err(format!("`{file}` must be a file in the pack's folder (no `..`, no absolute paths)"));
    }
    let full = folder.join(relative);
    match (full.canonicalize(), folder.canonicalize()) {
        (Ok(c), Ok(f)) if c.starts_with(&f) => Ok(full),
        (Ok(_), Ok(_)) => Err(format!("`{file}` leads outside the pack's folder")),
        (Err(e), _) => Err(format!("{} cannot be read: {}", full.display(), super::plain_io(&e))),
        (_, Err(e)) => Err(format!("the pack's folder {} cannot be read: {}", folder.display(), super::plain_io(&e))),
    }
}

/// The name to store for `chosen` (a file picked in a dialog) in a pack kept in `folder`: its
/// path relative to the folder, or an error if it is not inside it.
pub fn relative_to_folder(folder: &Path, chosen: &Path) -> Result<String, String> {
    let folder = folder.canonicalize().map_err(|e| format!("{}: {}", folder.display(), super::plain_io(&e)))?;
    let chosen_c = chosen.canonicalize().map_err(|e| format!("{}: {}", chosen.display(), super::plain_io(&e)))?;
    match chosen_c.strip_prefix(&folder) {
        Ok(rel) => Ok(rel.to_string_lossy().replace('\\', "/")),
        Err(_) => Err(format!(
            "{} is not in the pack's folder ({}). Copy it there first: a pack only holds papers from its own folder, \
             so it prints the same on any computer.",
            chosen.display(),
            folder.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_pack_saves_and_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/children-and-families-panel.peerpack");
        let loaded = load_manifest(&sample).unwrap();
        let out = dir.path().join("copy.ron");
        let fingerprint = save_pack(&out, &loaded.pack).unwrap();
        assert!(!fingerprint.changed_on_disk(&out));
        let again = load_manifest(&out).unwrap();
        assert_eq!(again.pack, loaded.pack);
        assert!(is_pack_file(&out), "a pack saved as .ron is still a pack");
        assert!(is_pack_file(&sample));
        let review = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview");
        assert!(!is_pack_file(&review));
        // Saving what was read writes the same text again.
        let text = std::fs::read_to_string(&out).unwrap();
        save_pack(&out, &again.pack).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    }
}

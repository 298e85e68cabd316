//! Reading a folder for the in-window picker: its folders and files in the order people
//! expect, and plain words for why a folder cannot be opened.

use std::io;
use std::path::{Path, PathBuf};

/// A folder or file in the list.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub size: Option<u64>,
}

impl Entry {
    pub fn hidden(&self) -> bool {
        self.name.starts_with('.')
    }

    /// The name a screen reader (and a test) finds the row by.
    pub fn accessible_name(&self) -> String {
        if self.is_dir { format!("{} (folder)", self.name) } else { self.name.clone() }
    }
}

/// The folders and files in `folder`, folders first, each group in name order (ignoring case).
pub(super) fn list_folder(folder: &Path) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for item in std::fs::read_dir(folder)? {
        let Ok(item) = item else { continue };
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        // Follow links: a link to a folder is a folder. A broken link is listed as a file.
        let meta = std::fs::metadata(&path).ok();
        let is_dir = meta.as_ref().map_or_else(|| item.file_type().is_ok_and(|t| t.is_dir()), |m| m.is_dir());
        let size = meta.filter(|m| m.is_file()).map(|m| m.len());
        entries.push(Entry { name, path, is_dir, size });
    }
    entries.sort_by(|a, b| {
        b.is_dir.cmp(&a.is_dir).then_with(|| natural_order(&a.name, &b.name)).then(a.name.cmp(&b.name))
    });
    Ok(entries)
}

/// Name order as people expect it: case ignored, and numbers by value ("review 2" before
/// "review 10").
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, text)) if *d == digit => text.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (a, b) = (chunks(a), chunks(b));
    for (x, y) in a.iter().zip(&b) {
        let order = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then_with(|| x.cmp(y))
            }
            ((_, x), (_, y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        };
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

/// Why a folder could not be opened, in plain words.
pub(super) fn folder_error(folder: &Path, e: &io::Error) -> String {
    let f = folder.display();
    match e.kind() {
        io::ErrorKind::PermissionDenied => format!("You do not have permission to open the folder {f}."),
        io::ErrorKind::NotFound => format!("There is no folder called {f}."),
        io::ErrorKind::NotADirectory => format!("{f} is a file, not a folder."),
        _ => format!("The folder {f} could not be opened: {e}."),
    }
}

pub(super) fn size_text(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{} KB", bytes.div_ceil(1024)),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

/// The user's home folder, if known.
pub(crate) fn home_folder() -> Option<PathBuf> {
    std::env::home_dir().filter(|h| !h.as_os_str().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.peerreview", "A.peerreview", "notes.txt"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        for f in ["review 10.peerreview", "review 2.peerreview"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        for d in ["zeta", "Alpha"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
        }
        let names: Vec<String> = list_folder(dir.path()).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(
            names,
            [
                "Alpha",
                "zeta",
                "A.peerreview",
                "b.peerreview",
                "notes.txt",
                "review 2.peerreview",
                "review 10.peerreview"
            ]
        );
    }

    #[test]
    fn folder_errors_are_plain() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone");
        let e = list_folder(&missing).unwrap_err();
        assert_eq!(folder_error(&missing, &e), format!("There is no folder called {}.", missing.display()));
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        let e = list_folder(&file).unwrap_err();
        assert_eq!(folder_error(&file, &e), format!("{} is a file, not a folder.", file.display()));
        assert_eq!(size_text(10), "10 bytes");
        assert_eq!(size_text(1025), "2 KB");
    }
}

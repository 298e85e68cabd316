//! Reading a logo file (PNG or SVG) from disk, for the editor's "Logo…" button, a pack's
//! `logo:` and a template's logo. The bytes are checked here so a bad file is refused with its
//! reason before it reaches a review.

use std::io::Read;
use std::path::Path;

use crate::model::logo::{self, MAX_LOGO_BYTES};
use crate::model::{Logo, LogoError};

/// Why a logo file cannot be used: "harbridge.jpg: the logo is a JPEG picture; use a PNG or SVG
/// version of the logo".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LogoFileError {
    pub path: String,
    pub message: String,
}

/// Reads and checks the logo at `path`; `alt` is the text read out in its place.
pub fn read_logo(path: &Path, alt: &str) -> Result<Logo, LogoFileError> {
    let error = |message: String| LogoFileError { path: path.display().to_string(), message };
    let file =
        std::fs::File::open(path).map_err(|e| error(format!("cannot read the logo: {}", super::plain_io(&e))))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(error("is a folder, not a logo file".into()));
    }
    let mut data = Vec::new();
    // One byte past the limit is enough to know it is too large; a huge file is never read whole.
    file.take(MAX_LOGO_BYTES as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| error(format!("cannot read the logo: {}", super::plain_io(&e))))?;
    if data.len() > MAX_LOGO_BYTES {
        let size = std::fs::metadata(path).map_or(data.len(), |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
        return Err(error(LogoError::TooLarge(size).to_string()));
    }
    let logo = Logo { alt: alt.to_owned(), data: data.into() };
    logo::decode(&logo).map_err(|e| error(e.to_string()))?;
    Ok(logo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/logos").join(name)
    }

    #[test]
    fn the_sample_logos_are_read_and_bad_files_are_refused_with_their_reason() {
        for name in ["harbridge.svg", "harbridge.png"] {
            let logo = read_logo(&sample(name), "Harbridge Borough Council").expect(name);
            assert_eq!(logo.alt, "Harbridge Borough Council");
            assert!(!logo.data.is_empty());
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = read_logo(&dir.path().join("none.png"), "").expect_err("missing");
        assert!(missing.message.contains("the file or folder does not exist"), "{missing}");
        let jpeg = dir.path().join("crest.jpg");
        std::fs::write(&jpeg, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F']).expect("write");
        let err = read_logo(&jpeg, "").expect_err("jpeg");
        assert!(
            err.to_string().ends_with("crest.jpg: the logo is a JPEG picture; use a PNG or SVG version of the logo")
        );
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; 6 * 1024 * 1024]).expect("write");
        let err = read_logo(&big, "").expect_err("big");
        assert!(err.message.starts_with("the logo is 6 MB; logos may be at most 4 MB"), "{err}");
        let folder = read_logo(dir.path(), "").expect_err("folder");
        assert!(folder.message.contains("folder"), "{folder}");
    }
}

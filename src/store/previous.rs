//! The previous review a review names (`previous_review_file`), for "Since the last review".

use std::path::{Component, Path, PathBuf};

use super::load_review;
use crate::model::Review;
use crate::model::compare::same_council;

/// Why the previous review named by a review cannot be used: the file as named and the reason,
/// in words for the panel ("ambleshire-2019.peerreview: the file or folder does not exist").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviousError {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for PreviousError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the previous review `{}` cannot be used: {}", self.file, self.reason)
    }
}

/// Loads the previous review `review` names, relative to the folder of `review_path` (the review's
/// own file; `None` while it is unsaved). `None` when the review names no previous file.
///
/// The name may not leave the review's folder (no `..`, no absolute path), may not be the review
/// itself, and must be a review of the same council. Never panics: every failure is a reason.
pub fn load_previous_review(review_path: Option<&Path>, review: &Review) -> Option<Result<Review, PreviousError>> {
    let file = review.previous_review_file.as_deref()?.trim();
    if file.is_empty() {
        return None;
    }
    let error = |reason: String| PreviousError { file: file.to_owned(), reason };
    Some(load(review_path, review, file).map_err(error))
}

fn load(review_path: Option<&Path>, review: &Review, file: &str) -> Result<Review, String> {
    let relative = Path::new(file);
    if relative.components().any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_))) {
        return Err("it must be a file name relative to this review's folder (no `..`, no absolute paths)".into());
    }
    let Some(review_path) = review_path else {
        return Err("this review has not been saved yet, so there is no folder to find it in".into());
    };
    let folder = match review_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let full = folder.join(relative);
    let canonical_folder =
        folder.canonicalize().map_err(|e| format!("cannot read the folder: {}", super::plain_io(&e)))?;
    let canonical = full.canonicalize().map_err(|e| format!("cannot read it: {}", super::plain_io(&e)))?;
    if !canonical.starts_with(&canonical_folder) {
        return Err("it leads outside this review's folder".into());
    }
    if review_path.canonicalize().is_ok_and(|own| own == canonical) {
        return Err("it is this review itself".into());
    }
    let previous = load_review(&full).map_err(|e| {
        // The error names the full path first; the panel already names the file.
        let text = e.to_string();
        let prefix = format!("{}:", full.display());
        text.strip_prefix(&prefix).map_or(text.clone(), |rest| format!("line {}", rest.trim_start()))
    })?;
    same_council(&previous.review, review)?;
    Ok(previous.review)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(file: &str) -> Review {
        Review {
            council: "Ambleshire County Council".into(),
            previous_review_file: Some(file.into()),
            ..Review::default()
        }
    }

    fn reason(dir: &Path, review: &Review) -> String {
        load_previous_review(Some(&dir.join("current.peerreview")), review).unwrap().unwrap_err().reason
    }

    #[test]
    fn the_sample_names_its_previous_review() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ambleshire-2024.peerreview");
        let current = load_review(&sample).unwrap().review;
        let previous = load_previous_review(Some(&sample), &current).unwrap().unwrap();
        assert_eq!(previous.title, "Ambleshire Children's Services Peer Review 2019");
        assert!(load_previous_review(Some(&sample), &Review::default()).is_none());
    }

    #[test]
    fn missing_escaping_broken_unsaved_self_and_other_council_files_give_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert!(reason(d, &named("gone.peerreview")).contains("does not exist"));
        assert!(reason(d, &named("../x.peerreview")).contains("relative to this review's folder"));
        assert!(reason(d, &named("/etc/passwd")).contains("relative to this review's folder"));
        std::fs::write(d.join("bad.peerreview"), "PeerReview(\n  format_version: 2,\n  oops").unwrap();
        let bad = reason(d, &named("bad.peerreview"));
        assert!(bad.starts_with("line 3:"), "{bad}");
        std::fs::write(d.join("current.peerreview"), "x").unwrap();
        assert_eq!(reason(d, &named("current.peerreview")), "it is this review itself");
        let other = Review { council: "Otherby Borough Council".into(), ..Review::default() };
        crate::store::save_review(&d.join("other.peerreview"), &other).unwrap();
        assert!(reason(d, &named("other.peerreview")).contains("another council (Otherby Borough Council"));
        let unsaved = load_previous_review(None, &named("other.peerreview")).unwrap().unwrap_err();
        assert!(unsaved.reason.contains("not been saved"), "{unsaved}");
        assert!(unsaved.to_string().contains("`other.peerreview`"));
    }
}

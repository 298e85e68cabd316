//! `peerbrief check` and `peerbrief fmt`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::{Date, ScanOptions, validate};
use crate::store::{
    PACK_EXTENSION, REVIEW_EXTENSIONS, TEMPLATE_EXTENSION, find_template, is_template_file, load_pack, load_review,
    load_template, save_review,
};

/// Prints `file:line:col: error: …` and `file: warning: … (at place)` lines. Pack manifests
/// (`.peerpack`) are checked with every review they list; templates (`.peertemplate`) are parsed.
/// A review is also checked against the template it names.
///
/// With `public` (`--public`), also prints each open disclosure finding and fails while any is.
pub fn check(files: &[PathBuf], public: Option<&ScanOptions>, out: &mut impl Write) -> ExitCode {
    let today = Date::today();
    let mut failed = false;
    for path in &with_folders_opened(files, out) {
        if path.extension().is_some_and(|e| e == PACK_EXTENSION) {
            match load_pack(path) {
                Ok(loaded) => {
                    for (i, review) in loaded.reviews.iter().enumerate() {
                        for warning in review.iter().flat_map(|r| validate(r, today)) {
                            let _ = writeln!(out, "{}: warning: agenda item {}: {warning}", path.display(), i + 1);
                        }
                    }
                    if let Some(options) = public {
                        failed |= super::disclosure::report_pack(&loaded, options, out) > 0;
                    }
                }
                Err(e) => {
                    failed = true;
                    let _ = writeln!(out, "{}", with_severity(&e.to_string()));
                }
            }
            continue;
        }
        if is_template_file(path) {
            if let Err(e) = load_template(path) {
                failed = true;
                let _ = writeln!(out, "{}", with_severity(&e.to_string()));
            }
            continue;
        }
        match load_review(path) {
            Ok(loaded) => {
                if let Some(v) = loaded.migrated_from {
                    let _ = writeln!(out, "{}: note: format version {v} will be upgraded when saved", path.display());
                }
                for warning in validate(&loaded.review, today) {
                    let _ = writeln!(out, "{}: warning: {warning}", path.display());
                }
                // Against the template it names, when this computer has it (a warning, never a refusal).
                if let Some(Ok((template, _))) = loaded.review.template.as_ref().map(|t| find_template(&t.name)) {
                    for warning in loaded.review.check_against(&template) {
                        let _ = writeln!(out, "{}: warning: {warning}", path.display());
                    }
                }
                if let Some(options) = public {
                    failed |= super::disclosure::report_review(path, &loaded.review, options, out) > 0;
                }
            }
            Err(e) => {
                failed = true;
                let _ = writeln!(out, "{}", with_severity(&e.to_string()));
            }
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// The files, with each folder replaced by the review, pack and template files in it (so
/// `peerbrief check samples/*` takes the papers folder in its stride).
fn with_folders_opened(files: &[PathBuf], out: &mut impl Write) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for path in files {
        if !path.is_dir() {
            all.push(path.clone());
            continue;
        }
        let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| {
                    REVIEW_EXTENSIONS.iter().any(|r| e == *r) || e == PACK_EXTENSION || e == TEMPLATE_EXTENSION
                })
            })
            .collect();
        if inside.is_empty() {
            let _ = writeln!(out, "{}: note: a folder with no review, pack or template files in it", path.display());
        }
        inside.sort();
        all.extend(inside);
    }
    all
}

/// Loads each file and writes it back canonically; unparsable files are never touched.
pub fn fmt(files: &[PathBuf], out: &mut impl Write) -> ExitCode {
    let mut failed = false;
    for path in files {
        let result = load_review(path).and_then(|loaded| save_review(path, &loaded.review).map(|_| ()));
        if let Err(e) = result {
            failed = true;
            let _ = writeln!(out, "{}", with_severity(&e.to_string()));
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// `file:1:2: message` → `file:1:2: error: message` (the prefix ends at the first ": ").
fn with_severity(message: &str) -> String {
    match message.split_once(": ") {
        Some((location, rest)) => format!("{location}: error: {rest}"),
        None => format!("error: {message}"),
    }
}

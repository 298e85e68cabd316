//! The disclosure check on the command line: `peerbrief check --public`, and the refusal of
//! `peerbrief briefing` / `peerbrief pack` (public versions) and `peerbrief progress` while
//! findings are open.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::briefing::progress::open_progress_findings;
use crate::model::disclosure::{Disclosure, PackPlace, open_findings, open_pack_findings};
use crate::model::{AgendaContent, Review, ScanOptions};
use crate::store::{Anchors, LoadedPack, locate, pack_anchors, read_text, review_anchors};

/// One line per finding: `file:line:col: warning: possible personal data (kind): "text"`, or
/// `file: warning: … (at place)` when the text cannot be found in the file.
fn line(file: &Path, file_text: Option<&str>, anchors: &Anchors, d_text: &str, message: &str, place: &str) -> String {
    match file_text.and_then(|t| locate(t, anchors, d_text)) {
        Some((l, c)) => format!("{}:{l}:{c}: warning: {message}", file.display()),
        None => format!("{}: warning: {message} (at {place})", file.display()),
    }
}

/// Prints the review's open findings; returns how many there are.
pub fn report_review(path: &Path, review: &Review, options: &ScanOptions, out: &mut impl Write) -> usize {
    report_found(path, &open_findings(review, options), out)
}

/// Prints the open findings in the text the progress report prints; returns how many.
pub fn report_progress(path: &Path, review: &Review, options: &ScanOptions, out: &mut impl Write) -> usize {
    report_found(path, &open_progress_findings(review, options), out)
}

fn report_found(path: &Path, found: &[Disclosure], out: &mut impl Write) -> usize {
    if found.is_empty() {
        return 0;
    }
    let text = read_text(path).ok().map(|(t, _)| t);
    for d in found {
        let _ = writeln!(
            out,
            "{}",
            line(path, text.as_deref(), &review_anchors(&d.place), &d.text, &d.to_string(), &d.place.to_string())
        );
    }
    found.len()
}

/// The review file of agenda item `i`, as the pack names it.
fn item_file(pack: &LoadedPack, i: usize) -> Option<PathBuf> {
    let folder = pack.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match &pack.pack.items.get(i)?.content {
        AgendaContent::Review(file) => Some(folder.join(file)),
        AgendaContent::Standard(_) | AgendaContent::Document(_) => None,
    }
}

/// Prints a pack's open findings (in the manifest, and in each public report at its own file);
/// returns how many there are.
pub fn report_pack(pack: &LoadedPack, options: &ScanOptions, out: &mut impl Write) -> usize {
    let found: Vec<Disclosure<PackPlace>> = open_pack_findings(&pack.pack, &pack.reviews, options);
    let manifest_text = read_text(&pack.path).ok().map(|(t, _)| t);
    for d in &found {
        let message = d.to_string();
        let text = match d.place {
            PackPlace::Report(i, place) => match item_file(pack, i) {
                Some(file) => {
                    let file_text = read_text(&file).ok().map(|(t, _)| t);
                    line(&file, file_text.as_deref(), &review_anchors(&place), &d.text, &message, &place.to_string())
                }
                None => format!("{}: warning: {message} (at {})", pack.path.display(), d.place),
            },
            place => {
                let anchors = pack_anchors(&place).unwrap_or_default();
                line(&pack.path, manifest_text.as_deref(), &anchors, &d.text, &message, &place.to_string())
            }
        };
        let _ = writeln!(out, "{text}");
    }
    found.len()
}

/// What a refused public print says after the list.
pub fn refusal(what: &str, open: usize) -> String {
    let s = if open == 1 { "" } else { "s" };
    format!(
        "error: the public {what} was not printed: {open} possible personal data finding{s} open. Move the text to an \
         exempt appendix, edit it, or mark it as reviewed in the window (Before publishing); or print --private."
    )
}

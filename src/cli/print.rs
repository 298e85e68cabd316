//! `peerbrief briefing` and `peerbrief pack`: print PDFs from the command line.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::briefing::progress::lay_out_progress;
use crate::briefing::{
    BriefingOptions, Layout, PackPart, Visibility, lay_out_briefing, lay_out_pack_with_documents, write_pdf,
};
use crate::model::disclosure::open_previous_findings;
use crate::model::{Date, ProtectiveMarking, ScanOptions};
use crate::store::{load_pack, load_previous_review, load_review, write_export};

/// `--marking` values, in the words printed on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MarkingArg {
    Official,
    OfficialSensitive,
}

impl From<MarkingArg> for ProtectiveMarking {
    fn from(m: MarkingArg) -> ProtectiveMarking {
        match m {
            MarkingArg::Official => ProtectiveMarking::Official,
            MarkingArg::OfficialSensitive => ProtectiveMarking::OfficialSensitive,
        }
    }
}

/// What `peerbrief briefing` was asked for.
pub struct BriefingChoices {
    pub marking: Option<MarkingArg>,
    pub action_plan: bool,
    pub private: bool,
    pub charts: bool,
}

/// Prints the panel briefing for one review: the public version (exempt appendices replaced by
/// notices) unless `private`, which prints everything and marks every page NOT FOR PUBLICATION.
pub fn briefing(file: &Path, out: &Path, choices: BriefingChoices) -> ExitCode {
    let BriefingChoices { marking, action_plan, private, charts } = choices;
    let loaded = match load_review(file) {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    let previous = load_previous_review(Some(file), &loaded.review);
    if !private {
        let mut open =
            super::disclosure::report_review(file, &loaded.review, &ScanOptions::default(), &mut std::io::stderr());
        // The "Since the Last Review" table prints the previous review's findings too.
        if let Some(Ok(prev)) = &previous {
            for d in open_previous_findings(&loaded.review, prev, &ScanOptions::default()) {
                eprintln!(
                    "{}: warning: {d} (in the previous review, printed in \"Since the Last Review\")",
                    file.display()
                );
                open += 1;
            }
        }
        if open > 0 {
            return fail_with(&super::disclosure::refusal("briefing", open));
        }
    }
    let options = BriefingOptions {
        marking: marking.map(Into::into),
        action_plan,
        visibility: if private { Visibility::Private } else { Visibility::Public },
        previous: previous.map(|r| r.map(Box::new).map_err(|e| e.to_string())),
        charts,
    };
    write(&lay_out_briefing(&loaded.review, &options), out)
}

/// Prints the progress report on the review's action plan as it stands on `today`, unless the
/// review has no action plan or possible personal data in the report's text is open.
pub fn progress(file: &Path, out: &Path, today: Date) -> ExitCode {
    let loaded = match load_review(file) {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    let layout = match lay_out_progress(&loaded.review, today) {
        Ok(layout) => layout,
        Err(e) => return fail(&format!("{}: {e}", file.display())),
    };
    let open =
        super::disclosure::report_progress(file, &loaded.review, &ScanOptions::default(), &mut std::io::stderr());
    if open > 0 {
        let s = if open == 1 { "" } else { "s" };
        return fail(&format!(
            "the progress report was not printed: {open} possible personal data finding{s} open in the text it \
             prints. Edit the text, or mark it as reviewed in the window (Before publishing)."
        ));
    }
    write(&layout, out)
}

/// Prints a committee pack from its manifest: the main pack, or with `supplementary` the late
/// papers marked `to_follow`, numbered on from the main pack's last page.
pub fn pack(manifest: &Path, out: &Path, private: bool, supplementary: bool) -> ExitCode {
    let loaded = match load_pack(manifest) {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    if !private {
        let open = super::disclosure::report_pack(&loaded, &ScanOptions::default(), &mut std::io::stderr());
        if open > 0 {
            return fail_with(&super::disclosure::refusal("pack", open));
        }
    }
    let visibility = if private { Visibility::Private } else { Visibility::Public };
    let documents: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    let lay_out = |part| {
        lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &documents, visibility, part)
            .map_err(|e| format!("{}: {e}", manifest.display()))
    };
    let part = if supplementary {
        if !loaded.pack.items.iter().any(|i| i.to_follow) {
            return fail(&format!("{}: no agenda item is marked `to_follow: true`", manifest.display()));
        }
        match lay_out(PackPart::Main) {
            Ok(main) => PackPart::Supplementary { main_pages: main.pages.len() },
            Err(e) => return fail(&e),
        }
    } else {
        PackPart::Main
    };
    match lay_out(part) {
        Ok(layout) => write(&layout, out),
        Err(e) => fail(&e),
    }
}

fn write(layout: &Layout, out: &Path) -> ExitCode {
    for w in &layout.warnings {
        eprintln!("warning: {w}");
    }
    let bytes = match write_pdf(layout) {
        Ok(b) => b,
        Err(e) => return fail(&format!("{}: {e}", out.display())),
    };
    if let Err(e) = write_export(out, &bytes) {
        return fail(&e.to_string());
    }
    println!("{}: {} pages", out.display(), layout.pages.len());
    if let Some(note) = layout.accessibility_note() {
        eprintln!("note: {note}");
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}

/// A message that already says `error:`.
fn fail_with(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(1)
}

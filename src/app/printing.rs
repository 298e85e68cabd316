//! Printing: the panel briefing and the progress report of one review, and committee packs, made on a worker thread so
//! the window keeps painting, with the stage shown in the status bar. When the PDF is written
//! the user is offered **Open PDF** (the system viewer) and **Print** (`lp`, CUPS).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::inbox::{Event, EventSender};
use crate::briefing::progress::{lay_out_progress, open_progress_findings};
use crate::briefing::{
    BriefingOptions, Layout, PackPart, Visibility, lay_out_briefing, lay_out_pack_with_documents, write_pdf,
};
use crate::model::disclosure::{open_findings, open_pack_findings, open_previous_findings};
use crate::model::{CommitteePack, Date, Review, ScanOptions};
use crate::store::{LoadedPack, load_pack, resolve_pack, write_export};

/// What to make.
#[derive(Clone, Debug)]
pub enum PrintJob {
    Briefing {
        review: Box<Review>,
        visibility: Visibility,
        out: PathBuf,
        /// The previous review, for "Since the Last Review" (see [`Previous`]).
        previous: Previous,
        /// "Include charts".
        charts: bool,
    },
    /// The progress report on a review's action plan as it stands on `today` (a public paper).
    Progress {
        review: Box<Review>,
        today: Date,
        out: PathBuf,
    },
    Pack {
        manifest: PathBuf,
        visibility: Visibility,
        out: PathBuf,
    },
    /// A pack open in a tab, as it is on screen (saved or not); `manifest` names its folder.
    OpenPack {
        pack: Box<CommitteePack>,
        manifest: PathBuf,
        visibility: Visibility,
        out: PathBuf,
    },
}

impl PrintJob {
    pub fn what(&self) -> &'static str {
        match self {
            PrintJob::Briefing { visibility: Visibility::Public, .. } => "public briefing",
            PrintJob::Briefing { .. } => "private briefing",
            PrintJob::Progress { .. } => "progress report",
            PrintJob::Pack { visibility: Visibility::Public, .. }
            | PrintJob::OpenPack { visibility: Visibility::Public, .. } => "public committee pack",
            PrintJob::Pack { .. } | PrintJob::OpenPack { .. } => "private committee pack",
        }
    }
}

/// A finished PDF, for the "Open PDF / Print" question.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    pub path: PathBuf,
    pub what: &'static str,
    pub pages: usize,
    pub warnings: Vec<String>,
    /// Why the PDF is not marked accessible (PDF/UA), naming the papers that prevent it.
    pub accessibility: Option<String>,
    pub millis: u128,
}

/// Messages from the worker, through the window's inbox.
#[derive(Debug)]
pub enum Progress {
    Stage(String),
    Done(Result<Printed, String>),
}

/// A job under way, as the status bar shows it.
#[derive(Debug)]
pub struct Running {
    pub what: &'static str,
    pub stage: String,
    pub started: Instant,
}

impl Running {
    /// Starts `job` on a worker thread; its progress arrives as [`Event::Printing`].
    pub fn start(job: PrintJob, events: EventSender) -> Running {
        let what = job.what();
        let started = Instant::now();
        let thread_events = events.clone();
        let spawned = std::thread::Builder::new().name("peerbrief-print".into()).spawn(move || {
            let result = make_pdf(&job, &thread_events, started);
            thread_events.send(Event::Printing(Progress::Done(result)));
        });
        if let Err(e) = spawned {
            events.send(Event::Printing(Progress::Done(Err(format!("could not start printing: {e}")))));
        }
        Running { what, stage: "Starting…".into(), started }
    }
}

/// The briefing options the preview and File → Print briefing share, so they never disagree:
/// the action plan is printed when there is one; exempt text only in the private version; the
/// charts when "Include charts" is ticked.
pub fn briefing_options(review: &Review, visibility: Visibility, previous: Previous, charts: bool) -> BriefingOptions {
    BriefingOptions {
        action_plan: !review.action_plan.is_empty(),
        visibility,
        previous,
        charts,
        ..BriefingOptions::default()
    }
}

/// The previous review a review names, as the briefing takes it: `None` when it names none,
/// otherwise the review or why it cannot be used.
pub type Previous = Option<Result<Box<Review>, String>>;

fn make_pdf(job: &PrintJob, events: &EventSender, started: Instant) -> Result<Printed, String> {
    let stage = |s: String| {
        events.send(Event::Printing(Progress::Stage(s)));
    };
    let (layout, out): (Layout, &Path) = match job {
        PrintJob::Briefing { review, visibility, out, previous, charts } => {
            let mut open = open_findings(review, &ScanOptions::default()).len();
            if let Some(Ok(prev)) = previous {
                open += open_previous_findings(review, prev, &ScanOptions::default()).len();
            }
            if *visibility == Visibility::Public && open > 0 {
                return Err(format!("{open} possible personal data finding(s) open in the public briefing"));
            }
            stage("Laying out the briefing…".into());
            (lay_out_briefing(review, &briefing_options(review, *visibility, previous.clone(), *charts)), out)
        }
        PrintJob::Progress { review, today, out } => {
            refuse_open_progress_findings(review)?;
            stage("Laying out the progress report…".into());
            (lay_out_progress(review, *today).map_err(|e| format!("No progress report: {e}."))?, out)
        }
        PrintJob::Pack { manifest, visibility, out } => {
            stage(format!("Reading {} and its papers…", manifest.display()));
            let loaded = load_pack(manifest).map_err(|e| e.to_string())?;
            refuse_open_findings(&loaded, *visibility)?;
            stage(format!("Laying out {} agenda items…", loaded.pack.items.len()));
            (lay_out_loaded_pack(&loaded, *visibility)?, out)
        }
        PrintJob::OpenPack { pack, manifest, visibility, out } => {
            stage(format!("Reading the {} papers of the pack…", pack.items.len()));
            let loaded = resolve_pack((**pack).clone(), manifest).map_err(|e| e.to_string())?;
            refuse_open_findings(&loaded, *visibility)?;
            stage(format!("Laying out {} agenda items…", loaded.pack.items.len()));
            (lay_out_loaded_pack(&loaded, *visibility)?, out)
        }
    };
    stage(format!("Writing {} pages…", layout.pages.len()));
    let bytes = write_pdf(&layout).map_err(|e| format!("Could not make the PDF: {e}"))?;
    write_export(out, &bytes).map_err(|e| e.to_string())?;
    Ok(Printed {
        path: out.to_owned(),
        what: job.what(),
        pages: layout.pages.len(),
        warnings: layout.warnings.iter().map(ToString::to_string).collect(),
        accessibility: layout.accessibility_note(),
        millis: started.elapsed().as_millis(),
    })
}

/// The main pack with its reports and PDF papers, as `peerbrief pack` prints it.
pub fn lay_out_loaded_pack(loaded: &LoadedPack, visibility: Visibility) -> Result<Layout, String> {
    let documents: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &documents, visibility, PackPart::Main)
        .map_err(|e| format!("{}: {e}", loaded.path.display()))
}

/// The progress report is a public paper: not made while possible personal data in the text it
/// prints is open. Says how many, and the first with its place.
pub fn refuse_open_progress_findings(review: &Review) -> Result<(), String> {
    let open = open_progress_findings(review, &ScanOptions::default());
    match open.first() {
        None => Ok(()),
        Some(first) => Err(format!(
            "The progress report was not printed: {} possible personal data finding{} open in the text it prints \
             (first: {first} at {}). Edit the text, or mark it as reviewed in Before publishing",
            open.len(),
            if open.len() == 1 { "" } else { "s" },
            first.place
        )),
    }
}

/// A public pack is not made while possible personal data in it is open.
fn refuse_open_findings(loaded: &LoadedPack, visibility: Visibility) -> Result<(), String> {
    if visibility == Visibility::Private {
        return Ok(());
    }
    let open = open_pack_findings(&loaded.pack, &loaded.reviews, &ScanOptions::default());
    match open.first() {
        None => Ok(()),
        Some(first) => Err(format!(
            "{} possible personal data finding{} open in the public pack (first: {first} at {}). Resolve them in \
             each review's Before publishing panel, or make the private pack",
            open.len(),
            if open.len() == 1 { "" } else { "s" },
            first.place
        )),
    }
}

/// Gives `pdf` to the printing command (`lp` by default; tests use their own), returning what
/// to tell the user.
pub fn send_to_printer(command: &[String], pdf: &Path) -> Result<String, String> {
    let Some((program, args)) = command.split_first() else { return Err("No print command is set.".into()) };
    match Command::new(program).args(args).arg(pdf).output() {
        Ok(out) if out.status.success() => {
            let said = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            Ok(if said.is_empty() { format!("Sent {} to the printer", pdf.display()) } else { said })
        }
        Ok(out) => Err(format!("The printer refused the PDF: {}", String::from_utf8_lossy(&out.stderr).trim())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
            "Printing needs `{program}` (CUPS), which is not installed: open the PDF and print it from your PDF viewer."
        )),
        Err(e) => Err(format!("Could not run `{program}`: {e}")),
    }
}

/// "Worcestershire Safeguarding Peer Review — briefing.pdf" from the review's title or file.
pub fn suggested_pdf_name(stem: &str, suffix: &str) -> String {
    let clean: String = stem
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '-' } else { c })
        .collect();
    let clean = clean.trim();
    format!("{} — {suffix}.pdf", if clean.is_empty() { "Review" } else { clean })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_names_are_safe_file_names() {
        assert_eq!(suggested_pdf_name("A/B: review", "briefing"), "A-B- review — briefing.pdf");
        assert_eq!(suggested_pdf_name("  ", "briefing"), "Review — briefing.pdf");
    }

    #[test]
    fn a_missing_print_command_says_what_to_do() {
        let err = send_to_printer(&["peerbrief-no-such-lp".into()], Path::new("/tmp/x.pdf")).unwrap_err();
        assert!(err.contains("not installed") && err.contains("PDF viewer"), "{err}");
        assert!(send_to_printer(&["true".into()], Path::new("/tmp/x.pdf")).unwrap().starts_with("Sent"));
        assert!(send_to_printer(&["false".into()], Path::new("/tmp/x.pdf")).is_err());
    }
}

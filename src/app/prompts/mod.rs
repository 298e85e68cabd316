//! The questions the window asks, one file each. A prompt only draws itself and returns the
//! user's [`Answer`]; the app carries the answer out (`handle.rs`), so every path through a
//! question is an ordinary, testable action.

mod external_change;
mod print_choice;
mod printed;
mod recovery_offer;
mod templates;
mod unsaved;

use super::document::{DocId, Document};
use super::printing::Printed;
use crate::briefing::Visibility;
use crate::store::recovery::Recovered;

pub use recovery_offer::recovered_name;
pub use templates::{Offered, name_problem};

/// A question the app is waiting on.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Save / Discard / Cancel for these documents.
    Unsaved { docs: Vec<DocId>, reason: CloseReason },
    /// The file changed on disk since it was opened: Overwrite / Save a copy / Reload / Cancel.
    ExternalChange { doc: DocId, then_close: bool },
    /// Public or private briefing? The choice starts on public. `charts`: "Include charts", as
    /// the document's preview has it to start with.
    BriefingVersion { doc: DocId, choice: Visibility, charts: bool },
    /// Public or private committee pack? The choice starts on public. `doc`: the pack tab to
    /// print, or `None` to pick a manifest file.
    PackVersion { doc: Option<DocId>, choice: Visibility },
    /// A PDF was made: Open PDF / Print / Close. Stays open while the printer is asked, so a
    /// failure is shown beside the buttons that still work.
    Printed { printed: Printed, printer: PrinterState },
    /// Which template a new review follows.
    NewFromTemplate { offered: Vec<Offered>, choice: usize },
    /// Which template to apply to this review, showing what it will change.
    ApplyTemplate { doc: DocId, offered: Vec<Offered>, choice: usize },
    /// The name of a council template made from this review; `problem`: why the last try failed.
    SaveAsTemplate { doc: DocId, name: String, description: String, problem: String },
}

/// Why the unsaved-changes question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseReason {
    CloseTab,
    Quit,
    /// The file is opened again while its tab has unsaved changes.
    Reopen,
}

/// Where sending a PDF to the printer has got to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PrinterState {
    #[default]
    Idle,
    Sending,
    Failed(String),
}

/// What the user answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Unsaved(UnsavedChoice),
    ExternalChange(ExternalChoice),
    /// `None`: cancelled.
    BriefingVersion(Option<Visibility>),
    PackVersion(Option<Visibility>),
    Printed(PrintedChoice),
    /// Restore or discard the recovered document at this place in the list.
    Recovery(usize, RecoveryChoice),
    /// The chosen template's place in the list; `None`: cancelled.
    NewFromTemplate(Option<usize>),
    ApplyTemplate(Option<usize>),
    /// Name and description; `None`: cancelled.
    SaveAsTemplate(Option<(String, String)>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChoice {
    Overwrite,
    SaveCopy,
    Reload,
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintedChoice {
    OpenPdf,
    Print,
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
}

/// Draws the recovery offer if there is recovered work, else the current prompt. The prompt is
/// `&mut` so a choice inside it (public or private) stays selected between frames.
pub fn show(
    ctx: &egui::Context,
    prompt: Option<&mut Prompt>,
    recovered: &[Recovered],
    docs: &[Document],
) -> Option<Answer> {
    if !recovered.is_empty() {
        return recovery_offer::show(ctx, recovered);
    }
    let name = |id: &DocId| docs.iter().find(|d| d.id == *id).map(Document::name);
    match prompt? {
        Prompt::Unsaved { docs: ids, reason } => {
            let names: Vec<String> = ids.iter().filter_map(name).collect();
            unsaved::show(ctx, &names, *reason)
        }
        Prompt::ExternalChange { doc, .. } => external_change::show(ctx, &name(doc).unwrap_or_default()),
        Prompt::BriefingVersion { doc, choice, charts } => {
            let review = docs.iter().find(|d| d.id == *doc).and_then(Document::editing).map(|e| &e.review)?;
            print_choice::briefing(ctx, review, choice, charts)
        }
        Prompt::PackVersion { choice, .. } => print_choice::pack(ctx, choice),
        Prompt::Printed { printed, printer } => printed::show(ctx, printed, printer),
        Prompt::NewFromTemplate { offered, choice } => templates::new_review(ctx, offered, choice),
        Prompt::ApplyTemplate { offered, choice, .. } => templates::apply(ctx, offered, choice),
        Prompt::SaveAsTemplate { name, description, problem, .. } => {
            templates::save_as(ctx, name, description, problem)
        }
    }
}

pub use print_choice::exempt_appendices;

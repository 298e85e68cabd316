//! The dashboard's "Since the last review": each current finding recurring or new against the
//! previous review the file names, the previous findings not raised again, and buttons to
//! confirm or break a match (stored in the review, undoable).
//!
//! The previous review is read through `store` only when the name (or this review's own file)
//! changes, and kept in the view state; a missing or bad file is named here with the reason.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::document::Editing;
use super::editor::named_button;
use crate::model::compare::{Comparison, Status, compare, decide, undecide};
use crate::model::{FindingKind, Review};
use crate::store::{PreviousError, load_previous_review};

/// What the panel remembers between frames (part of the document's view state).
#[derive(Debug, Default)]
pub struct SinceLastState {
    /// This review's path and the previous file's name the cache was loaded for.
    key: Option<(Option<PathBuf>, String)>,
    previous: Option<Result<Review, PreviousError>>,
    /// The comparison and the review revision and load it was made for.
    comparison: Option<(u64, u64, Comparison)>,
    loads: u64,
}

impl SinceLastState {
    /// Reads the previous review again if its name or this review's path changed (or `force`).
    fn refresh(&mut self, doc_path: Option<&PathBuf>, review: &Review, force: bool) {
        let name = review.previous_review_file.as_deref().map(str::trim).unwrap_or_default().to_owned();
        let key = (doc_path.cloned(), name);
        if force || self.key.as_ref() != Some(&key) {
            self.previous = load_previous_review(doc_path.map(PathBuf::as_path), review);
            self.key = Some(key);
            self.loads += 1;
            self.comparison = None;
        }
    }
}

impl SinceLastState {
    /// The previous review for the briefing (read through `store` if the name changed).
    pub fn for_briefing(&mut self, doc_path: Option<&PathBuf>, review: &Review) -> Option<Result<Box<Review>, String>> {
        self.refresh(doc_path, review, false);
        self.previous.as_ref().map(|r| r.clone().map(Box::new).map_err(|e| format!("`{}`: {}", e.file, e.reason)))
    }
}

/// A click on one of the panel's buttons.
enum Decision {
    Confirm(String, String),
    Break(String, String),
    Forget(String, String),
}

/// Draws the section (in the dashboard's side panel).
pub fn show(ui: &mut Ui, doc: &mut Editing) {
    ui.label(RichText::new("Since the last review").strong());
    let reload = doc.review.previous_review_file.is_some()
        && ui.button("Read the previous review again").on_hover_text("After it was changed on disk").clicked();
    doc.view.since_last.refresh(doc.path.as_ref(), &doc.review, reload);
    if reload {
        // The briefing preview shows the comparison too: lay it out again.
        doc.view.preview = None;
    }
    let state = &mut doc.view.since_last;
    let previous = match &state.previous {
        None => {
            ui.weak("This review names no previous review. Give its file in the editor (page Report and meeting, field Previous review file) to see which findings keep coming back.");
            return;
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Previous review `{}` cannot be used", e.file));
            ui.add(egui::Label::new(format!("Reason: {}", e.reason)).wrap());
            return;
        }
        Some(Ok(previous)) => previous,
    };
    let fresh = matches!(&state.comparison, Some((r, l, _)) if *r == doc.revision && *l == state.loads);
    if !fresh {
        state.comparison = Some((doc.revision, state.loads, compare(previous, &doc.review)));
    }
    let Some((_, _, comparison)) = &state.comparison else { return };
    ui.add(egui::Label::new(RichText::new(format!("Compared with: {}", previous.title)).weak()).wrap());
    if !comparison.themes_shared {
        ui.weak("The two reviews share no theme, so findings are matched by wording alone.");
    }
    let mut decision = None;
    for (kind, heading) in
        [(FindingKind::AreaForConsideration, "Areas for consideration"), (FindingKind::Strength, "Strengths")]
    {
        kind_list(ui, &doc.review, previous, comparison, kind, heading, &mut decision);
    }
    let Some(decision) = decision else { return };
    match decision {
        Decision::Confirm(c, p) => decide(&mut doc.review, &c, &p, true),
        Decision::Break(c, p) => decide(&mut doc.review, &c, &p, false),
        Decision::Forget(c, p) => undecide(&mut doc.review, &c, &p),
    }
    doc.note_change(false);
}

fn kind_list(
    ui: &mut Ui,
    current: &Review,
    previous: &Review,
    comparison: &Comparison,
    kind: FindingKind,
    heading: &str,
    decision: &mut Option<Decision>,
) {
    let k = comparison.of(kind);
    ui.add_space(6.0);
    let counts = format!(
        "{heading}: {} recurring, {} new, {} not raised again",
        k.recurring(),
        k.current.len() - k.recurring(),
        k.not_raised_again.len()
    );
    ui.label(RichText::new(counts).strong());
    for item in &k.current {
        let text = &current.findings[item.index].text;
        let shown = if text.trim().is_empty() { "(no text yet)" } else { text.as_str() };
        ui.push_id(("since_last", kind.label(), item.index), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let label = match &item.status {
                    Status::Recurring { confirmed: true, .. } => "Recurring (confirmed)",
                    Status::Recurring { .. } => "Recurring",
                    Status::New => "New",
                };
                ui.add(egui::Label::new(format!("{label}: {shown}")).wrap());
                if let Status::Recurring { previous: p, shared, confirmed } = &item.status {
                    let before = &previous.findings[*p].text;
                    ui.add(egui::Label::new(RichText::new(format!("Previously: {before}")).weak()).wrap());
                    let why = if shared.is_empty() {
                        "Matched by a person".to_owned()
                    } else {
                        format!("Shared words: {}", shared.join(", "))
                    };
                    ui.add(egui::Label::new(RichText::new(why).weak()).wrap());
                    ui.horizontal(|ui| {
                        let about = short(text);
                        if *confirmed {
                            if named_button(ui, true, "Undo confirm", &format!("Undo confirm: {about}")) {
                                *decision = Some(Decision::Forget(text.clone(), before.clone()));
                            }
                        } else if named_button(ui, true, "Confirm match", &format!("Confirm match: {about}")) {
                            *decision = Some(Decision::Confirm(text.clone(), before.clone()));
                        }
                        if named_button(ui, true, "Break match", &format!("Break match: {about}")) {
                            *decision = Some(Decision::Break(text.clone(), before.clone()));
                        }
                    });
                }
                for &p in &item.broken {
                    let before = &previous.findings[p].text;
                    ui.add(egui::Label::new(RichText::new(format!("Match broken with: {before}")).weak()).wrap());
                    if named_button(ui, true, "Restore match", &format!("Restore match: {}", short(text))) {
                        *decision = Some(Decision::Forget(text.clone(), before.clone()));
                    }
                }
            });
        });
    }
    for &p in &k.not_raised_again {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(format!("Not raised again: {}", previous.findings[p].text)).wrap());
        });
    }
}

/// The first words of a finding, to tell its buttons apart for screen readers ("Break match:
/// Placement sufficiency is a pressure: too…").
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 6 { words.join(" ") } else { format!("{}…", words[..6].join(" ")) }
}

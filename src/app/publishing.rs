//! The "Before publishing" panel: possible personal data in the text the public briefing would
//! print (see [`crate::model::disclosure`]). Each finding can be jumped to and edited, moved into
//! an exempt appendix, or marked as reviewed with a reason (recorded in the file with who and
//! when). Every change goes through the document's undo history like any other edit.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use egui::{RichText, Ui};

use super::command::Action;
use super::document::Editing;
use crate::model::disclosure::{Match, is_resolved, public_texts, scan_text};
use crate::model::{
    Appendix, Disclosure, DisclosureKind, ExemptParagraph, Place, Review, ReviewedDisclosure, ScanOptions, Section,
};

/// Title of the exempt appendix that moved text goes into.
pub const EXEMPT_TITLE: &str = "Exempt information withheld from the public report";

/// What the panel remembers for one review.
#[derive(Debug)]
pub struct PanelState {
    pub open: bool,
    /// The reason being typed for each finding, by (kind, text).
    pub reasons: HashMap<(DisclosureKind, String), String>,
    /// The paragraph of Schedule 12A that moved text is exempt under (1: information relating
    /// to an individual; 2: likely to reveal an individual's identity).
    pub paragraph: u8,
    cache: Option<(u64, Vec<Disclosure>)>,
    /// Matches of each public text by (place, hash of the text): after an edit only the fields
    /// that changed are scanned again, so typing stays quick in a long review.
    by_field: HashMap<(Place, u64), Vec<Match>>,
}

impl Default for PanelState {
    fn default() -> Self {
        PanelState { open: false, reasons: HashMap::new(), paragraph: 1, cache: None, by_field: HashMap::new() }
    }
}

/// The open findings of the review (as [`crate::model::disclosure::open_findings`] gives them),
/// recomputed only when it changed.
pub fn findings(doc: &mut Editing) -> &[Disclosure] {
    let revision = doc.revision;
    let state = &mut doc.view.publishing;
    if state.cache.as_ref().is_none_or(|(r, _)| *r != revision) {
        let options = ScanOptions::default();
        let mut by_field = HashMap::new();
        let mut found = Vec::new();
        for (place, text, relaxed) in public_texts(&doc.review) {
            let mut hasher = DefaultHasher::new();
            (text, relaxed).hash(&mut hasher);
            let key = (place, hasher.finish());
            let matches = state.by_field.remove(&key).unwrap_or_else(|| scan_text(text, &options, relaxed));
            for m in &matches {
                if !is_resolved(&doc.review.disclosure_reviewed, m.kind, &text[m.range.clone()]) {
                    found.push(Disclosure {
                        kind: m.kind,
                        text: text[m.range.clone()].to_owned(),
                        place,
                        at: m.range.start,
                    });
                }
            }
            by_field.insert(key, matches);
        }
        state.by_field = by_field;
        state.cache = Some((revision, found));
    }
    state.cache.as_ref().map_or(&[], |(_, f)| f.as_slice())
}

/// Who is deciding: the user name of this computer's account.
pub fn user_name() -> String {
    ["USER", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unknown user".to_owned())
}

/// "Before publishing: 2 open" for the view switcher.
pub fn button_text(open: usize) -> String {
    match open {
        0 => "Before publishing: nothing open".to_owned(),
        n => format!("Before publishing: {n} open"),
    }
}

/// The text field a finding is in, when text can be moved out of it.
fn field_mut<'a>(review: &'a mut Review, place: &Place) -> Option<&'a mut String> {
    Some(match (place.section, place.field) {
        (Section::Document, field) => match field {
            "summary" => &mut review.summary,
            "background" => &mut review.background,
            "about_peer_review" => &mut review.about_peer_review,
            "themes_intro" => &mut review.themes_intro,
            "focus_intro" => &mut review.focus_intro,
            "method" => &mut review.method,
            "findings_intro" => &mut review.findings_intro,
            "findings_summary" => &mut review.findings_summary,
            "findings_note" => &mut review.findings_note,
            "conclusion" => &mut review.conclusion,
            "purpose" => &mut review.purpose,
            _ => return None,
        },
        (Section::Finding(i), "text") => &mut review.findings.get_mut(i)?.text,
        (Section::Outcome(o), "title") => &mut review.action_plan.outcomes.get_mut(o)?.title,
        (Section::SuccessIndicator(o, k), _) => {
            review.action_plan.outcomes.get_mut(o)?.success_indicators.get_mut(k)?
        }
        (Section::Action(o, a), "text") => &mut review.action_plan.outcomes.get_mut(o)?.actions.get_mut(a)?.text,
        (Section::ProgressNote(o, a, n), "text") => {
            &mut review.action_plan.outcomes.get_mut(o)?.actions.get_mut(a)?.progress.get_mut(n)?.text
        }
        (Section::Recommendation(i), _) => review.recommendations.get_mut(i)?,
        (Section::FocusQuestion(i), _) => review.focus_questions.get_mut(i)?,
        (Section::Appendix(i), "body") if review.appendices.get(i)?.exempt.is_none() => &mut review.appendices[i].body,
        _ => return None,
    })
}

/// Whether the finding's text can be moved (it is in a body text field, and still there).
pub fn can_move(review: &mut Review, d: &Disclosure) -> bool {
    field_mut(review, &d.place).is_some_and(|t| t.get(d.at..d.at + d.text.len()) == Some(d.text.as_str()))
}

/// The sentence of `text` holding bytes `at..end`: from the end of the previous sentence (". ",
/// "? ", "! " or a blank line) to the end of this one.
fn sentence_around(text: &str, at: usize, end: usize) -> std::ops::Range<usize> {
    let before = &text[..at];
    let start =
        [". ", "? ", "! ", "\n\n"].iter().filter_map(|m| before.rfind(m).map(|i| i + m.len())).max().unwrap_or(0);
    let after = &text[end..];
    let stop = [". ", "? ", "! ", "\n\n"]
        .iter()
        .filter_map(|m| after.find(m).map(|i| end + i + if m.starts_with('\n') { 0 } else { 1 }))
        .min()
        .unwrap_or_else(|| text.trim_end().len().max(end));
    start..stop
}

/// Moves the sentence holding the finding into the exempt appendix for `paragraph` (made if
/// there is none yet), leaving "(See exempt Appendix N.)" in its place. Returns the appendix
/// number, or `None` if the text is not in a field it can be moved from.
pub fn move_to_exempt(review: &mut Review, d: &Disclosure, paragraph: ExemptParagraph) -> Option<usize> {
    if !can_move(review, d) {
        return None;
    }
    let index = match review.appendices.iter().position(|a| a.title == EXEMPT_TITLE && a.exempt == Some(paragraph)) {
        Some(i) => i,
        None => {
            review.appendices.push(Appendix {
                title: EXEMPT_TITLE.to_owned(),
                exempt: Some(paragraph),
                body: String::new(),
            });
            review.appendices.len() - 1
        }
    };
    let number = index + 1;
    let field = field_mut(review, &d.place)?;
    let range = sentence_around(field, d.at, d.at + d.text.len());
    let moved = field[range.clone()].trim().to_owned();
    field.replace_range(range, &format!("(See exempt Appendix {number}.)"));
    let body = &mut review.appendices[index].body;
    if !body.trim().is_empty() {
        body.push_str("\n\n");
    }
    body.push_str(&moved);
    Some(number)
}

/// Records the finding as reviewed.
pub fn mark_reviewed(review: &mut Review, d: &Disclosure, reason: &str, by: &str, on: crate::model::Date) {
    review.disclosure_reviewed.push(ReviewedDisclosure {
        kind: d.kind,
        text: d.text.clone(),
        reason: reason.trim().to_owned(),
        by: by.to_owned(),
        on,
    });
}

/// Draws the panel. Returns whether the review changed (the caller notes it for undo) and an
/// action (jump to a field).
pub fn show(ui: &mut Ui, doc: &mut Editing) -> (bool, Option<Action>) {
    let found = findings(doc).to_vec();
    let mut action = None;
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Before publishing ({} open)", found.len())).strong());
        if ui.button("Close").on_hover_text("Hide this panel").clicked() {
            doc.view.publishing.open = false;
        }
    });
    if found.is_empty() {
        ui.label("No possible personal data is left in the public text. The public version can be printed.");
        return (false, None);
    }
    ui.label("The public version will not print until each of these is moved, edited or marked as reviewed.");
    ui.horizontal(|ui| {
        ui.label("Move to an exempt appendix under Schedule 12A");
        let state = &mut doc.view.publishing;
        for (p, help) in
            [(1, "information relating to any individual"), (2, "likely to reveal an individual's identity")]
        {
            ui.radio_value(&mut state.paragraph, p, format!("paragraph {p}")).on_hover_text(help);
        }
    });
    let paragraph = ExemptParagraph::new(doc.view.publishing.paragraph).unwrap_or(ExemptParagraph::new(1).unwrap());
    egui::ScrollArea::vertical().id_salt("publishing").auto_shrink(false).show(ui, |ui| {
        for (n, d) in found.iter().enumerate() {
            ui.push_id(n, |ui| {
                ui.separator();
                ui.label(RichText::new(format!("{}: “{}”", d.kind.label(), d.text)).strong());
                ui.weak(format!("in {}", d.place));
                ui.horizontal(|ui| {
                    if ui.button("Edit the text").on_hover_text("Go to the field and change the text").clicked() {
                        action = Some(Action::JumpTo(d.place));
                    }
                    let movable = can_move(&mut doc.review, d);
                    let hover = if movable {
                        "Move the sentence into an exempt appendix (private papers only); undo with Ctrl+Z"
                    } else {
                        "This field cannot be moved: edit it instead"
                    };
                    if ui
                        .add_enabled(movable, egui::Button::new("Move to an exempt appendix"))
                        .on_hover_text(hover)
                        .clicked()
                        && move_to_exempt(&mut doc.review, d, paragraph).is_some()
                    {
                        changed = true;
                    }
                });
                let key = (d.kind, d.text.clone());
                let reason = doc.view.publishing.reasons.entry(key.clone()).or_default();
                let label = ui.label("Reason it may be published:");
                ui.add(
                    egui::TextEdit::singleline(reason)
                        .hint_text("e.g. named in her public role")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                let ready = !reason.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Mark as reviewed"))
                    .on_hover_text("Record your name, today's date and the reason in the file")
                    .clicked()
                {
                    let reason = doc.view.publishing.reasons.remove(&key).unwrap_or_default();
                    mark_reviewed(&mut doc.review, d, &reason, &user_name(), crate::store::today());
                    changed = true;
                }
            });
        }
    });
    (changed, action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::disclosure::scan_review;

    #[test]
    fn the_panel_lists_what_the_check_finds_after_each_edit() {
        let mut review = Review {
            summary: "Mrs Smith met 3 children.".into(),
            conclusion: "Two families agreed.".into(),
            ..Review::default()
        };
        review.disclosure_reviewed.push(ReviewedDisclosure {
            kind: DisclosureKind::SmallNumber,
            text: "Two families".into(),
            reason: "Published survey figure".into(),
            by: "t".into(),
            on: crate::model::Date::ymd(2026, 12, 1).unwrap(),
        });
        let mut doc = Editing::new(review, None, None);
        let expected = crate::model::disclosure::open_findings(&doc.review, &ScanOptions::default());
        assert_eq!(expected.len(), 2);
        assert_eq!(findings(&mut doc), expected.as_slice());
        doc.review.summary = "Nothing here.".into();
        doc.note_change(false);
        assert!(findings(&mut doc).is_empty());
        doc.review.conclusion = "Mr Hughes agreed.".into();
        doc.note_change(false);
        let got: Vec<&str> = findings(&mut doc).iter().map(|d| d.text.as_str()).collect();
        assert_eq!(got, vec!["Mr Hughes"]);
        let expected = crate::model::disclosure::open_findings(&doc.review, &ScanOptions::default());
        assert_eq!(findings(&mut doc), expected.as_slice());
    }

    #[test]
    fn moving_takes_the_sentence_into_one_exempt_appendix_and_leaves_a_pointer() {
        let mut r = Review {
            summary: "The review went well. Child X, aged 12, moved twice. Staff were praised.\n\nSecond paragraph."
                .into(),
            ..Review::default()
        };
        r.findings.push(crate::model::Finding::new(
            crate::model::FindingKind::Strength,
            "Two families moved",
            "vision",
            true,
        ));
        let found = scan_review(&r, &ScanOptions::default());
        assert_eq!(found.len(), 2);
        let p2 = ExemptParagraph::new(2).unwrap();
        assert_eq!(move_to_exempt(&mut r, &found[0], p2), Some(1));
        assert_eq!(
            r.summary,
            "The review went well. (See exempt Appendix 1.) Staff were praised.\n\nSecond paragraph."
        );
        assert_eq!(move_to_exempt(&mut r, &found[1], p2), Some(1));
        assert_eq!(r.findings[0].text, "(See exempt Appendix 1.)");
        assert_eq!(r.appendices.len(), 1);
        assert_eq!(r.appendices[0].exempt, Some(p2));
        assert_eq!(r.appendices[0].body, "Child X, aged 12, moved twice.\n\nTwo families moved");
        assert!(scan_review(&r, &ScanOptions::default()).is_empty());
        // A stale finding (the text is gone) is not moved again.
        assert_eq!(move_to_exempt(&mut r, &found[0], p2), None);
    }
}

//! The review's own theme set and the council's focus questions.
//!
//! Findings refer to a theme by its id. A new id takes effect when its field is left (Enter,
//! Tab, a click elsewhere), not on every keystroke: typing `theme-12` into `theme-13` passes
//! through `theme-1`, and renaming on each key would move theme 1's findings too. An id another
//! theme already has is refused, with the reason under the field.

use egui::{Context, Id, Ui};

use super::{Form, ListSpec, heading};
use crate::app::document::Editing;
use crate::model::{Place, Review, Section, Theme};

/// A theme id being typed, not yet applied. Only one field has focus, so one is enough.
#[derive(Clone, Debug)]
struct PendingId {
    /// The document ([`super::doc_key`]): another tab may well have a theme with the same id.
    doc: usize,
    /// Index of the theme in the review.
    theme: usize,
    /// Its id when the typing began; the edit is dropped if that changed meanwhile (undo, a move).
    original: String,
    buffer: String,
    widget: Id,
}

fn pending_key() -> Id {
    Id::unique("pending_theme_id")
}

fn message_key(doc: usize, theme: usize) -> Id {
    Id::unique(("theme_id_message", doc, theme))
}

/// Page "Themes and focus".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Themes");
    ui.weak("Findings refer to a theme by its id; a new id is applied to every finding when you leave its field.");
    let spec = ListSpec::new("theme", "Add theme", Place::doc("themes"));
    form.list(ui, &mut review.themes, spec, new_theme, |form, ui, i, theme| {
        ui.label(format!("Theme {}", i + 1));
        theme_id(ui, form, i, theme);
        form.text(ui, &format!("Label of theme {}", i + 1), &mut theme.label, Place::new(Section::Theme(i), "label"));
    });

    heading(ui, "Focus questions");
    let spec = ListSpec::new("focus question", "Add focus question", Place::doc("focus_questions"));
    form.list(
        ui,
        &mut review.focus_questions,
        spec,
        |_| String::new(),
        |form, ui, i, question| {
            form.paragraphs(
                ui,
                &format!("Focus question {}", i + 1),
                question,
                Place::new(Section::FocusQuestion(i), ""),
            );
        },
    );
}

/// A new theme with an id no other theme has: `theme-N`.
fn new_theme(themes: &[Theme]) -> Theme {
    let id = (themes.len() + 1..)
        .map(|n| format!("theme-{n}"))
        .find(|id| themes.iter().all(|t| t.id != *id))
        .unwrap_or_default();
    Theme::new(&id, "")
}

/// The id field of theme `i`: typing goes into a buffer, applied by [`commit_pending_theme_id`].
fn theme_id(ui: &mut Ui, form: &mut Form, i: usize, theme: &Theme) {
    let widget = ui.make_persistent_id(("theme_id", i));
    let pending = ui.data(|d| d.get_temp::<PendingId>(pending_key()));
    let mut buffer = match pending {
        Some(p) if p.doc == form.doc && p.theme == i && p.original == theme.id => p.buffer,
        _ => theme.id.clone(),
    };
    let label = ui.label(format!("Id of theme {}", i + 1));
    let r =
        ui.add(egui::TextEdit::singleline(&mut buffer).id(widget).desired_width(f32::INFINITY)).labelled_by(label.id);
    form.target(&r, Place::new(Section::Theme(i), "id"));
    if r.changed() {
        let edit = PendingId { doc: form.doc, theme: i, original: theme.id.clone(), buffer, widget };
        ui.data_mut(|d| {
            d.insert_temp(pending_key(), edit);
            d.remove_temp::<String>(message_key(form.doc, i));
        });
    }
    if let Some(message) = ui.data(|d| d.get_temp::<String>(message_key(form.doc, i))) {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
}

/// Applies a typed theme id once its field has lost focus: renames the theme and every finding's
/// reference to it (and the dashboard's theme filter). Refuses an empty id or one another theme
/// has, saying why under the field. Returns true if the review changed.
///
/// The editor calls this every frame; a view that can be shown instead of the editor (the
/// dashboard) calls it too, so a rename is never left waiting.
pub fn commit_pending_theme_id(ctx: &Context, doc: &mut Editing) -> bool {
    commit(ctx, doc, false)
}

/// Applies a typed theme id now, even while its field still has focus: for the app to call
/// before it saves, closes or quits (Ctrl+S does not take the focus away from the field).
/// Returns true if the review changed.
pub fn apply_pending_edits(ctx: &Context, doc: &mut Editing) -> bool {
    commit(ctx, doc, true)
}

fn commit(ctx: &Context, doc: &mut Editing, even_if_focused: bool) -> bool {
    let Some(edit) = ctx.data(|d| d.get_temp::<PendingId>(pending_key())) else { return false };
    if edit.doc != super::doc_key(doc) {
        // Typed in another tab: applied when that tab is shown again.
        return false;
    }
    if !even_if_focused && ctx.memory(|m| m.has_focus(edit.widget)) {
        return false;
    }
    ctx.data_mut(|d| d.remove::<PendingId>(pending_key()));
    match rename_theme(doc, edit.theme, &edit.original, edit.buffer.trim()) {
        Ok(changed) => changed,
        Err(message) => {
            ctx.data_mut(|d| d.insert_temp(message_key(edit.doc, edit.theme), message));
            ctx.request_repaint();
            false
        }
    }
}

/// Renames theme `i` from `from` to `to`; `Ok(false)` if there is nothing to do.
fn rename_theme(doc: &mut Editing, i: usize, from: &str, to: &str) -> Result<bool, String> {
    let review = &mut doc.review;
    // The theme may have moved while its id was being typed: find it by its old id then.
    let i = match review.themes.get(i) {
        Some(t) if t.id == from => i,
        _ => match review.themes.iter().enumerate().filter(|(_, t)| t.id == from).collect::<Vec<_>>()[..] {
            [(j, _)] => j,
            // Gone, undone, or ambiguous: leave the review alone.
            _ => return Ok(false),
        },
    };
    if from == to {
        return Ok(false);
    }
    if to.is_empty() {
        return Err(format!("A theme needs an id: it stays “{from}”."));
    }
    if let Some(j) = review.themes.iter().position(|t| t.id == to) {
        let other = &review.themes[j];
        let name = if other.label.trim().is_empty() { String::new() } else { format!(", {}", other.label) };
        return Err(format!(
            "“{to}” is already the id of theme {}{name}: this theme's id stays “{from}”, so their findings stay apart.",
            j + 1
        ));
    }
    review.themes[i].id = to.to_owned();
    for finding in &mut review.findings {
        if finding.themes.iter().any(|t| t == from) {
            let mut seen = Vec::with_capacity(finding.themes.len());
            for t in finding.themes.drain(..) {
                let t = if t == from { to.to_owned() } else { t };
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            finding.themes = seen;
        }
    }
    if doc.view.filter.theme.as_deref() == Some(from) {
        doc.view.filter.theme = Some(to.to_owned());
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Finding, FindingKind};

    fn doc() -> Editing {
        let mut review = Review {
            themes: vec![Theme::new("theme-1", "One"), Theme::new("theme-12", "Twelve")],
            ..Review::default()
        };
        review.findings.push(Finding::new(FindingKind::Strength, "A", "theme-1", true));
        review.findings.push(Finding::new(FindingKind::Strength, "B", "theme-12", true));
        Editing::new(review, None, None)
    }

    #[test]
    fn renaming_moves_only_the_theme_s_own_findings() {
        let mut d = doc();
        assert_eq!(rename_theme(&mut d, 1, "theme-12", "theme-13"), Ok(true));
        assert_eq!(d.review.findings[0].themes, ["theme-1"]);
        assert_eq!(d.review.findings[1].themes, ["theme-13"]);
    }

    #[test]
    fn an_id_another_theme_has_is_refused() {
        let mut d = doc();
        let e = rename_theme(&mut d, 1, "theme-12", "theme-1").unwrap_err();
        assert!(e.contains("already the id of theme 1, One"), "{e}");
        assert_eq!(d.review.themes[1].id, "theme-12");
        assert!(rename_theme(&mut d, 1, "theme-12", "").is_err());
        assert_eq!(rename_theme(&mut d, 0, "stale", "x"), Ok(false));
    }

    #[test]
    fn new_themes_get_an_unused_id() {
        let themes = vec![Theme::new("theme-1", ""), Theme::new("theme-3", "")];
        assert_eq!(new_theme(&themes).id, "theme-4");
        let themes = vec![Theme::new("theme-2", ""), Theme::new("x", "")];
        assert_eq!(new_theme(&themes).id, "theme-3");
    }
}

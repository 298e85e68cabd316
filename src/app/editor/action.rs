//! One action of the action plan: what will be done, the officer, due date (with the history of
//! its moves and why), RAG status, dated progress notes, and the findings it answers.

use egui::{RichText, Ui};

use super::{Form, named_button};
use crate::model::{Action, Finding, Place, ProgressNote, RagStatus, Section};
use crate::store::today;

/// The fields of action `a` of outcome `o`.
pub fn show(ui: &mut Ui, form: &mut Form, findings: &[Finding], action: &mut Action, o: usize, a: usize) {
    let n = format!("{}.{}", o + 1, a + 1);
    let s = Section::Action(o, a);
    ui.label(RichText::new(format!("Action {n}")).strong());
    form.paragraphs(ui, &format!("Action {n}: what will be done"), &mut action.text, Place::new(s, "text"));
    form.text(ui, &format!("Action {n}: officer's name"), &mut action.officer.name, Place::new(s, "officer.name"));
    form.text(ui, &format!("Action {n}: officer's role"), &mut action.officer.role, Place::new(s, "officer.role"));
    let statuses: Vec<(RagStatus, String)> = RagStatus::ALL.iter().map(|r| (*r, r.label().to_owned())).collect();
    form.choice(ui, &format!("Action {n}: status"), &mut action.status, &statuses, Place::new(s, "status"));

    let mut due = action.due;
    form.date(ui, &format!("Action {n}: due date"), &mut due, Place::new(s, "due"));
    if due != action.due {
        action.move_due(due, today());
    }
    due_history(ui, form, action, &n, o, a);
    progress_notes(ui, form, action, &n, o, a);
    answers(ui, form, findings, action, &n, s);
}

/// Each move of the due date, with a field for why: a move awaiting its reason asks for one.
fn due_history(ui: &mut Ui, form: &mut Form, action: &mut Action, n: &str, o: usize, a: usize) {
    if action.due_history.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(format!("Due date moves of action {n}"));
    let date = |d: Option<crate::model::Date>| d.map_or_else(|| "no date".to_owned(), |d| d.to_string());
    for (j, change) in action.due_history.iter_mut().enumerate() {
        let on = change.changed_on.map_or_else(String::new, |d| format!(" on {d}"));
        ui.label(format!("{}. Moved from {} to {}{on}", j + 1, date(change.from), date(change.to)));
        let label = format!("Action {n}, due date move {}: reason", j + 1);
        form.text(ui, &label, &mut change.reason, Place::new(Section::DueDateChange(o, a, j), "reason"));
        // After the field, so the field keeps its id (and focus) when the prompt goes.
        if change.reason.trim().is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, "Say why the due date moved: scrutiny members ask.");
        }
    }
}

/// Dated notes of progress, oldest first; a new note is dated today.
fn progress_notes(ui: &mut Ui, form: &mut Form, action: &mut Action, n: &str, o: usize, a: usize) {
    ui.add_space(4.0);
    ui.label(format!("Progress notes of action {n}"));
    let mut remove = None;
    for (k, note) in action.progress.iter_mut().enumerate() {
        let place = |field| Place::new(Section::ProgressNote(o, a, k), field);
        let m = k + 1;
        form.date(ui, &format!("Action {n}, note {m}: date"), &mut note.date, place("date"));
        form.paragraphs(ui, &format!("Action {n}, note {m}: progress"), &mut note.text, place("text"));
        if named_button(ui, true, "Remove note", &format!("Remove note {m} of action {n}")) {
            remove = Some(k);
        }
    }
    if let Some(k) = remove {
        action.progress.remove(k);
        form.changed = true;
    }
    if form.add_button(ui, &format!("Add progress note to action {n}"), Place::new(Section::Action(o, a), "progress")) {
        action.progress.push(ProgressNote { date: Some(today()), text: String::new() });
        form.jump = Some(Place::new(Section::ProgressNote(o, a, action.progress.len() - 1), "text"));
    }
}

/// "A4: Early help is inconsistent…" for lists and menus.
fn finding_line(finding: &Finding) -> String {
    let first = finding.text.lines().next().unwrap_or("").trim();
    let text =
        if first.chars().count() > 80 { first.chars().take(78).collect::<String>() + "…" } else { first.into() };
    let text = if text.is_empty() { "(no text yet)".to_owned() } else { text };
    format!("{}: {} – {text}", finding.id, finding.kind.label())
}

/// The findings this action answers, each with Unlink, and a menu of the others to link.
fn answers(ui: &mut Ui, form: &mut Form, findings: &[Finding], action: &mut Action, n: &str, s: Section) {
    ui.add_space(4.0);
    ui.label(format!("Findings action {n} answers"));
    if action.answers.is_empty() {
        ui.weak("None linked yet.");
    }
    let mut unlink = None;
    for (k, id) in action.answers.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            match findings.iter().find(|f| f.id == *id) {
                Some(f) => ui.label(finding_line(f)),
                None => ui.colored_label(ui.visuals().warn_fg_color, format!("{id}: not a finding of this review")),
            };
            if named_button(ui, true, "Unlink", &format!("Unlink finding {id} from action {n}")) {
                unlink = Some(k);
            }
        });
    }
    if let Some(k) = unlink {
        action.answers.remove(k);
        form.changed = true;
    }
    let place = Place::new(s, "answers");
    let menu = egui::ComboBox::new(
        ui.make_persistent_id(("link_finding", place, form.doc)),
        format!("Action {n}: link a finding"),
    )
    .selected_text("Choose a finding…")
    .width(320.0)
    .show_ui(ui, |ui| {
        let mut chosen = None;
        for f in findings.iter().filter(|f| !f.id.is_empty() && !action.answers.contains(&f.id)) {
            if ui.selectable_label(false, finding_line(f)).clicked() {
                chosen = Some(f.id.clone());
            }
        }
        chosen
    });
    form.target(&menu.response, place);
    if let Some(Some(id)) = menu.inner {
        action.answers.push(id);
        form.changed = true;
    }
}

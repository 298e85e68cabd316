//! Page "Action plan": desired outcomes, their success indicators and the actions towards them,
//! as councils write a priority action plan. Every control is named with the outcome and action
//! numbers people use ("Action 1.2: due date"), so a screen reader says which one it is.

use egui::{RichText, Ui};

use super::{Form, ListOp, heading, named_button};
use crate::model::{Finding, Outcome, Place, Review, Section};

/// The page: every outcome with its indicators and actions, then "Add outcome".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Action plan");
    ui.weak(
        "Each desired outcome says what should be true once the work is done, how success will be \
         measured, and the actions that get there, each allocated to a named officer.",
    );
    let Review { findings, action_plan, .. } = review;
    let len = action_plan.outcomes.len();
    let mut op = None;
    for (o, outcome) in action_plan.outcomes.iter_mut().enumerate() {
        ui.add_space(6.0);
        ui.group(|ui| {
            ui.label(RichText::new(format!("Outcome {}", o + 1)).strong());
            op = row_buttons(ui, form, &format!("outcome {}", o + 1), o, len).or(op);
            outcome_fields(ui, form, findings, outcome, o);
        });
    }
    if let Some(op) = op {
        op.apply(&mut action_plan.outcomes);
    }
    ui.add_space(6.0);
    if form.add_button(ui, "Add outcome", Place::doc("action_plan")) {
        let o = action_plan.add_outcome();
        form.jump = Some(Place::new(Section::Outcome(o), "title"));
    }
}

fn outcome_fields(ui: &mut Ui, form: &mut Form, findings: &[Finding], outcome: &mut Outcome, o: usize) {
    let n = o + 1;
    let s = Section::Outcome(o);
    form.paragraphs(ui, &format!("Outcome {n}: desired outcome"), &mut outcome.title, Place::new(s, "title"));

    ui.add_space(4.0);
    ui.label("Success indicators");
    let len = outcome.success_indicators.len();
    let mut op = None;
    for (k, indicator) in outcome.success_indicators.iter_mut().enumerate() {
        let place = Place::new(Section::SuccessIndicator(o, k), "");
        form.text(ui, &format!("Outcome {n}, success indicator {}", k + 1), indicator, place);
        op = row_buttons(ui, form, &format!("success indicator {n}.{}", k + 1), k, len).or(op);
    }
    if let Some(op) = op {
        op.apply(&mut outcome.success_indicators);
    }
    let add = format!("Add success indicator to outcome {n}");
    if form.add_button(ui, &add, Place::new(s, "success_indicators")) {
        outcome.success_indicators.push(String::new());
        form.jump = Some(Place::new(Section::SuccessIndicator(o, outcome.success_indicators.len() - 1), ""));
    }

    ui.add_space(4.0);
    ui.label(RichText::new("Actions").strong());
    let len = outcome.actions.len();
    let mut op = None;
    for (a, action) in outcome.actions.iter_mut().enumerate() {
        ui.group(|ui| {
            super::action::show(ui, form, findings, action, o, a);
            op = row_buttons(ui, form, &format!("action {n}.{}", a + 1), a, len).or(op);
        });
    }
    if let Some(op) = op {
        op.apply(&mut outcome.actions);
    }
    if form.add_button(ui, &format!("Add action to outcome {n}"), Place::new(s, "actions")) {
        let a = outcome.add_action();
        form.jump = Some(Place::new(Section::Action(o, a), "text"));
    }
}

/// Up / Down / Remove for row `i` of `len`, named in full ("Move action 1.2 up") because the
/// same list appears once per outcome. Removing is undoable, so it does not ask.
fn row_buttons(ui: &mut Ui, form: &mut Form, what: &str, i: usize, len: usize) -> Option<ListOp> {
    let mut op = None;
    ui.horizontal(|ui| {
        if named_button(ui, i > 0, "Up", &format!("Move {what} up")) {
            op = Some(ListOp::Up(i));
        }
        if named_button(ui, i + 1 < len, "Down", &format!("Move {what} down")) {
            op = Some(ListOp::Down(i));
        }
        if named_button(ui, true, "Remove", &format!("Remove {what}")) {
            op = Some(ListOp::Remove(i));
        }
    });
    if op.is_some() {
        form.changed = true;
    }
    op
}

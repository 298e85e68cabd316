//! One outcome of the progress report: its success indicators, then each action as a block of
//! labelled lines (officer, due date, status in words, latest progress note) and every change
//! of its due date with the reason. An overdue action says so in words, not only in colour.

use super::plan::{Action, Outcome};
use super::{heading, lines};
use crate::briefing::compose::{Block, CONTENT_WIDTH, Composer, Line, MARGIN_LEFT, Style, run};
use crate::briefing::fonts::Fonts;
use crate::briefing::page::{Colour, MM};
use crate::briefing::tags::Role;
use crate::model::Date;

/// Where an action's details start: under its title, a little in.
const INDENT: f32 = 6.0 * MM;
/// Width of the labels ("Officer", "Due"...) in the details.
const LABEL: f32 = 36.0 * MM;

pub(super) fn outcome(c: &mut Composer, n: usize, outcome: &Outcome) {
    c.place = format!("Outcome {n}");
    heading(c, &format!("Outcome {n}: {}", outcome.title.text), 0);
    if !outcome.indicators.is_empty() {
        let l = lines(c, "Success indicators", Style::BOLD);
        let l = c.as_role(Role::H3, l);
        c.place(Block { lines: l, keep_first: 3, space_before: 2.0 * MM, ..Block::default() });
        for i in &outcome.indicators {
            bullet(c, &i.text, MARGIN_LEFT);
        }
    }
    for (k, a) in outcome.actions.iter().enumerate() {
        action(c, &format!("{n}.{}", k + 1), a);
    }
}

fn bullet(c: &mut Composer, text: &str, x: f32) {
    let width = MARGIN_LEFT + CONTENT_WIDTH - x;
    let mut l = c.wrap(text, Style::BODY, x, width, 5.0 * MM, 5.0 * MM);
    if let Some(first) = l.first_mut() {
        let baseline = first.runs.first().map_or(0.0, |r| r.y);
        first.runs.insert(0, run("•", Style::BODY, x + 1.0 * MM, baseline));
    }
    let l = c.as_role(Role::P, l);
    c.place(Block { lines: l, keep_first: 2, space_before: 1.0 * MM, ..Block::default() });
}

/// "Label   value that wraps under itself", the label in bold.
fn field(c: &mut Composer, label: &str, value: &str, style: Style) -> Vec<Line> {
    let x = MARGIN_LEFT + INDENT;
    let mut l = c.wrap(value, style, x, CONTENT_WIDTH - INDENT, LABEL, LABEL);
    if l.is_empty() {
        return l;
    }
    let baseline = l[0].runs.first().map_or(0.0, |r| r.y);
    l[0].runs.insert(0, run(label, Style::BOLD.with_colour(Colour::MUTED), x, baseline));
    l
}

fn due_text(due: Option<Date>) -> String {
    due.map_or_else(|| "not set".to_owned(), |d| d.to_string())
}

/// "31 December 2025 → 31 March 2026" (or "to" where the font has no arrow).
fn from_to(from: Option<Date>, to: Option<Date>) -> String {
    let arrow = if Fonts::get().covers('→') { "→" } else { "to" };
    format!("{} {arrow} {}", due_text(from), due_text(to))
}

fn action(c: &mut Composer, number: &str, a: &Action) {
    c.place = format!("Action {number}");
    // The action's title, with everything up to the status kept on one page.
    let block = c.wrap(&format!("Action {number}: {}", a.text.text), Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
    let title_lines = block.len();
    let mut block = c.as_role(Role::H3, block);
    for f in &a.answers {
        let l = field(c, "Responds to", &f.text, Style::ITALIC);
        block.extend(c.as_role(Role::P, l));
    }
    let officer: Vec<&str> =
        a.officer_name.iter().chain(&a.officer_role).map(|p| p.text.as_str()).filter(|t| !t.is_empty()).collect();
    let officer = if officer.is_empty() { "not named".to_owned() } else { officer.join(", ") };
    let l = field(c, "Officer", &officer, Style::BODY);
    block.extend(c.as_role(Role::P, l));
    let mut due = due_text(a.due);
    match a.due_changes.len() {
        0 => {}
        1 => due.push_str(" (changed once; see below)"),
        2 => due.push_str(" (changed twice; see below)"),
        n => due.push_str(&format!(" (changed {n} times; see below)")),
    }
    let l = field(c, "Due", &due, Style::BODY);
    block.extend(c.as_role(Role::P, l));
    let l = field(c, "Status", a.status.label(), Style::BODY);
    block.extend(c.as_role(Role::P, l));
    let keep = block.len();
    if a.overdue {
        let text = format!("Overdue: the due date ({}) has passed and the action is not complete.", due_text(a.due));
        let l = field(c, "", &text, Style::BOLD.with_colour(Colour::STAMP));
        block.extend(c.as_role(Role::P, l));
    }
    let note = match &a.latest_note {
        Some(n) => match n.date {
            Some(d) => format!("{d}: {}", n.text.text),
            None => n.text.text.clone(),
        },
        None => "No progress note yet.".to_owned(),
    };
    let l = field(c, "Latest progress", &note, Style::BODY);
    block.extend(c.as_role(Role::P, l));
    c.place(Block { lines: block, keep_first: keep.max(title_lines + 2), space_before: 4.0 * MM, ..Block::default() });
    if a.due_changes.is_empty() {
        return;
    }
    let header = c.wrap(
        "Due date changes",
        Style::BOLD.with_colour(Colour::MUTED),
        MARGIN_LEFT + INDENT,
        CONTENT_WIDTH,
        0.0,
        0.0,
    );
    let header = c.as_role(Role::H3, header);
    c.place(Block { lines: header, keep_first: 3, space_before: 1.5 * MM, ..Block::default() });
    for change in &a.due_changes {
        let when =
            change.changed_on.map_or_else(|| "date of change not recorded".to_owned(), |d| format!("changed on {d}"));
        let reason = if change.reason.text.is_empty() { "no reason given" } else { change.reason.text.as_str() };
        bullet(c, &format!("{}, {when}: {reason}", from_to(change.from, change.to)), MARGIN_LEFT + INDENT);
    }
}

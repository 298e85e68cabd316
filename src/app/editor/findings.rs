//! Findings (strengths and areas for consideration), their themes and action plans.
//!
//! A list on the left, the chosen finding on the right: a review can hold hundreds of findings,
//! and drawing one editor at a time keeps the window quick.

use egui::{RichText, Ui};

use super::{Form, ListOp, named_button};
use crate::app::document::Editing;
use crate::model::{Finding, FindingKind, Place, Review, Section};

/// Page "Findings and actions".
pub fn show(ui: &mut Ui, form: &mut Form, doc: &mut Editing) {
    egui::Panel::left("finding_list").resizable(true).default_size(300.0).show(ui, |ui| {
        list(ui, form, doc);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("finding_detail").auto_shrink(false).show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(900.0));
            match doc.view.selected_finding {
                Some(i) if i < doc.review.findings.len() => {
                    if let Some(op) = detail(ui, form, &mut doc.review, i) {
                        doc.view.selected_finding = op.apply(&mut doc.review.findings);
                    } else {
                        answered_by(ui, form, &doc.review, i);
                    }
                }
                _ => {
                    ui.label("Choose a finding on the left, or add one.");
                }
            }
        });
    });
}

fn list(ui: &mut Ui, form: &mut Form, doc: &mut Editing) {
    ui.horizontal_wrapped(|ui| {
        for kind in [FindingKind::Strength, FindingKind::AreaForConsideration] {
            let text = format!("Add {}", kind.label().to_lowercase());
            if form.add_button(ui, &text, Place::doc("findings")) {
                let theme = doc.review.themes.first().map(|t| t.id.clone()).unwrap_or_default();
                let mut finding = Finding::new(kind, "", &theme, false);
                if theme.is_empty() {
                    finding.themes.clear();
                }
                let i = doc.review.add_finding(finding);
                doc.view.selected_finding = Some(i);
                form.jump = Some(Place::new(Section::Finding(doc.review.findings.len() - 1), "text"));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().id_salt("finding_list_scroll").auto_shrink(false).show(ui, |ui| {
        for (i, finding) in doc.review.findings.iter().enumerate() {
            let mut text = finding.text.lines().next().unwrap_or("").to_owned();
            if text.chars().count() > 70 {
                text = text.chars().take(68).collect::<String>() + "…";
            }
            if text.trim().is_empty() {
                text = "(no text yet)".into();
            }
            let key = if finding.key { ", key" } else { "" };
            let label = format!("{} {}{key}: {text}", finding.kind.label(), i + 1);
            let r = ui.add(egui::Button::selectable(doc.view.selected_finding == Some(i), label).wrap());
            if r.clicked() {
                doc.view.selected_finding = Some(i);
            }
            if doc.view.selected_finding == Some(i) && form.jump.is_some_and(|j| section_index(j.section) == Some(i)) {
                r.scroll_to_me(None);
            }
        }
    });
}

fn section_index(section: Section) -> Option<usize> {
    match section {
        Section::Finding(i) => Some(i),
        _ => None,
    }
}

/// The editor for finding `i`; returns a list change (move, remove) to apply.
fn detail(ui: &mut Ui, form: &mut Form, review: &mut Review, i: usize) -> Option<ListOp> {
    let n = i + 1;
    let s = Section::Finding(i);
    let len = review.findings.len();
    let themes = review.themes.clone();
    let finding = &mut review.findings[i];
    ui.label(RichText::new(format!("Finding {n} of {len}")).heading());
    let op = form.row_buttons(ui, "finding", i, len);

    let kinds: Vec<(FindingKind, String)> = [FindingKind::Strength, FindingKind::AreaForConsideration]
        .into_iter()
        .map(|k| (k, k.label().to_owned()))
        .collect();
    form.choice(ui, "Kind of finding", &mut finding.kind, &kinds, Place::new(s, "kind"));
    form.checkbox(ui, "Key finding (in the headline lists)", &mut finding.key, Place::new(s, "key"));
    form.paragraphs(ui, "Finding text", &mut finding.text, Place::new(s, "text"));

    ui.add_space(4.0);
    ui.label("Themes of this finding");
    for theme in &themes {
        let mut on = finding.themes.contains(&theme.id);
        let label = if theme.label.trim().is_empty() { theme.id.as_str() } else { theme.label.as_str() };
        let r = ui.checkbox(&mut on, label);
        form.target(&r, Place::new(s, "themes"));
        if r.changed() {
            form.changed = true;
            if on {
                finding.themes.push(theme.id.clone());
            } else {
                finding.themes.retain(|t| *t != theme.id);
            }
        }
    }
    let unknown: Vec<String> =
        finding.themes.iter().filter(|t| !themes.iter().any(|th| th.id == **t)).cloned().collect();
    for id in unknown {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Unknown theme `{id}`"));
            if named_button(ui, true, "Remove", &format!("Remove unknown theme {id}")) {
                finding.themes.retain(|t| *t != id);
                form.changed = true;
            }
        });
    }

    op
}

/// The actions answering finding `i`, each a button opening it on the Action plan page.
fn answered_by(ui: &mut Ui, form: &mut Form, review: &Review, i: usize) {
    let id = review.findings[i].id.as_str();
    ui.add_space(8.0);
    ui.label(RichText::new("Actions answering this finding").strong());
    let mut any = false;
    for at in review.action_plan.answering(id) {
        any = true;
        let n = format!("{}.{}", at.outcome + 1, at.action + 1);
        let text = format!("Action {n}: {} ({})", at.item.text.trim(), at.item.status.label().to_lowercase());
        let r =
            ui.add(egui::Button::new(text).wrap().frame_when_inactive(false)).on_hover_text("Open in the action plan");
        if r.clicked() {
            form.jump = Some(Place::new(Section::Action(at.outcome, at.action), "text"));
        }
    }
    if !any {
        ui.weak("None yet: link actions to this finding on the Action plan page.");
    }
}

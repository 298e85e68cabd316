//! The Agenda page of a pack: the items in order, each a procedural item (title and text) or a
//! report (a review file in the pack's folder), with its exempt paragraph.

use std::path::Path;

use egui::{RichText, Ui};

use super::{PackPreview, PackRequest};
use crate::app::editor::{ListOp, named_button};
use crate::model::{AgendaContent, AgendaItem, CommitteePack};

/// The items most agendas open with.
pub fn opening_items() -> Vec<AgendaItem> {
    let item = |title: &str, text: &str| AgendaItem {
        title: title.to_owned(),
        content: AgendaContent::Standard(text.to_owned()),
        exempt: None,
        to_follow: false,
        own_page: false,
    };
    vec![
        item(
            "Apologies and named substitutes",
            "To receive any apologies for absence and to note any named substitutes.",
        ),
        item(
            "Declarations of interest",
            "Members are invited to declare any disclosable pecuniary interests or other registrable interests in items on this agenda.",
        ),
        item("Minutes of the last meeting", "To confirm the minutes of the last meeting as a correct record."),
    ]
}

/// What is carried while an agenda item is dragged: its place in the list.
struct DraggedItem(usize);

/// Moves item `from` to where item `to` is (the others shift up or down); false if nothing moved.
pub fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
    if from == to || from >= items.len() || to >= items.len() {
        return false;
    }
    let item = items.remove(from);
    items.insert(to, item);
    true
}

/// Draws the agenda; returns (changed, a request for the window).
pub fn show(
    ui: &mut Ui,
    pack: &mut CommitteePack,
    folder: Option<&Path>,
    preview: Option<&PackPreview>,
) -> (bool, Option<PackRequest>) {
    let mut changed = false;
    let mut request = None;
    ui.add_space(6.0);
    ui.label(RichText::new("Items on the agenda").heading());
    if folder.is_none() {
        ui.weak("Save the pack first: its reports are files in the pack's folder.");
    } else if let Some(problem) = preview.and_then(PackPreview::problem) {
        // A paper that cannot be read (damaged, encrypted, not a PDF) or a missing report.
        ui.colored_label(ui.visuals().warn_fg_color, format!("The pack cannot be printed yet: {problem}"));
    }
    let len = pack.items.len();
    let mut op: Option<ListOp> = None;
    let mut dropped: Option<(usize, usize)> = None;
    let dragging = egui::DragAndDrop::has_payload_of_type::<DraggedItem>(ui.ctx());
    // Numbers as printed: the generated exclusion item takes one before the first exempt item.
    let numbers: Vec<usize> = (0..len).map(|i| pack.item_number(i)).collect();
    let exclusion_before = pack.exclusion_item.then(|| pack.items.iter().position(|i| i.exempt.is_some())).flatten();
    let jurisdiction = pack.jurisdiction;
    for (i, item) in pack.items.iter_mut().enumerate() {
        let n = numbers[i];
        if exclusion_before == Some(i) {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                ui.label(format!(
                    "{}. Exclusion of the press and public: added before the first exempt item (switch it off on the Meeting page)",
                    n - 1
                ));
            });
        }
        let group = ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let handle = ui.dnd_drag_source(ui.scope_id().with(("agenda_drag", i)), DraggedItem(i), |ui| {
                    ui.label(RichText::new(format!("{n}.")).strong());
                });
                handle.response.on_hover_text("Drag to move this item (or use Up and Down)");
                let hint = match &item.content {
                    AgendaContent::Review(_) => {
                        preview.and_then(|p| p.report_title(i)).unwrap_or("(the report's own title)").to_owned()
                    }
                    AgendaContent::Document(f) => {
                        Path::new(f).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
                    }
                    AgendaContent::Standard(_) => "Title".to_owned(),
                };
                let name = format!("Title of item {n}");
                let r = ui.add(egui::TextEdit::singleline(&mut item.title).hint_text(hint).desired_width(420.0));
                let label = name.clone();
                r.widget_info(move || egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                changed |= r.changed();
                if let Some(range) = preview.and_then(|p| p.pages_of(i)) {
                    ui.weak(range);
                }
            });
            match &mut item.content {
                AgendaContent::Standard(text) => {
                    let name = format!("Text of item {n}");
                    let r = ui.add(egui::TextEdit::multiline(text).desired_rows(2).desired_width(f32::INFINITY));
                    r.widget_info(move || egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
                    changed |= r.changed();
                }
                AgendaContent::Document(file) => {
                    ui.horizontal(|ui| {
                        ui.label(format!("PDF document: {file}"));
                        if let Some(Err(problem)) = folder.map(|f| crate::store::agenda_file(f, file)) {
                            ui.colored_label(ui.visuals().warn_fg_color, problem);
                        }
                    });
                }
                AgendaContent::Review(file) => {
                    ui.horizontal(|ui| {
                        let label = ui.add(egui::Label::new(format!("Report: {file}")).sense(egui::Sense::click()));
                        if label.double_clicked()
                            && let Some(Ok(full)) = folder.map(|f| crate::store::agenda_file(f, file))
                        {
                            request = Some(PackRequest::OpenReview(full));
                        }
                        match folder.map(|f| crate::store::agenda_file(f, file)) {
                            Some(Ok(full))
                                if named_button(ui, true, "Open", &format!("Open item {n} in its own tab")) =>
                            {
                                request = Some(PackRequest::OpenReview(full));
                            }
                            Some(Ok(_)) => {}
                            Some(Err(problem)) => {
                                ui.colored_label(ui.visuals().warn_fg_color, problem);
                            }
                            None => {}
                        }
                    });
                }
            }
            ui.horizontal(|ui| {
                let current = item
                    .exempt
                    .map_or("Not exempt".to_owned(), |p| format!("Exempt: paragraph {} of {}", p.number(), p.part()));
                let combo = egui::ComboBox::from_id_salt(("exempt", i)).selected_text(current).show_ui(ui, |ui| {
                    changed |= ui.selectable_value(&mut item.exempt, None, "Not exempt").changed();
                    for p in jurisdiction.paragraphs() {
                        let text = format!("Exempt: paragraph {} ({})", p.number(), p.description());
                        changed |= ui.selectable_value(&mut item.exempt, Some(p), text).changed();
                    }
                });
                let name = format!("Exempt paragraph of item {n}");
                combo.response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
                changed |= ui
                    .checkbox(&mut item.to_follow, "To follow")
                    .on_hover_text("A late paper: listed \"to follow\" and printed in the supplementary pack")
                    .changed();
                if matches!(item.content, AgendaContent::Standard(_)) {
                    changed |= ui
                        .checkbox(&mut item.own_page, "Own page")
                        .on_hover_text("Print this item on a page of its own instead of on the agenda")
                        .changed();
                }
                if named_button(ui, i > 0, "Up", &format!("Move item {n} up")) {
                    op = Some(ListOp::Up(i));
                }
                if named_button(ui, i + 1 < len, "Down", &format!("Move item {n} down")) {
                    op = Some(ListOp::Down(i));
                }
                if named_button(ui, true, "Remove", &format!("Remove item {n}")) {
                    op = Some(ListOp::Remove(i));
                }
            });
        });
        if dragging && group.response.dnd_hover_payload::<DraggedItem>().is_some() {
            // Where the item will land.
            let rect = group.response.rect;
            ui.painter().hline(rect.x_range(), rect.top() - 2.0, ui.visuals().selection.stroke);
        }
        if let Some(from) = group.response.dnd_release_payload::<DraggedItem>() {
            dropped = Some((from.0, i));
        }
    }
    if let Some((from, to)) = dropped
        && move_item(&mut pack.items, from, to)
    {
        changed = true;
    }
    if let Some(op) = op {
        op.apply(&mut pack.items);
        changed = true;
    }
    ui.horizontal(|ui| {
        if ui.button("Add procedural item").on_hover_text("A title and a short text, such as apologies").clicked() {
            pack.items.push(AgendaItem {
                title: String::new(),
                content: AgendaContent::Standard(String::new()),
                exempt: None,
                to_follow: false,
                own_page: false,
            });
            changed = true;
        }
        if ui
            .add_enabled(folder.is_some(), egui::Button::new("Add a review…"))
            .on_hover_text("A .peerreview file in the pack's folder")
            .clicked()
        {
            request = Some(PackRequest::AddReview);
        }
        if ui
            .add_enabled(folder.is_some(), egui::Button::new("Add a PDF document…"))
            .on_hover_text("Minutes, another directorate's report, a presentation: a PDF in the pack's folder")
            .clicked()
        {
            request = Some(PackRequest::AddDocument);
        }
    });
    (changed, request)
}

#[cfg(test)]
mod tests {
    use super::move_item;

    #[test]
    fn dragging_an_item_moves_it_and_shifts_the_rest() {
        let mut items = vec!["a", "b", "c", "d"];
        assert!(move_item(&mut items, 0, 2));
        assert_eq!(items, ["b", "c", "a", "d"]);
        assert!(move_item(&mut items, 3, 0));
        assert_eq!(items, ["d", "b", "c", "a"]);
        assert!(!move_item(&mut items, 1, 1));
        assert!(!move_item(&mut items, 9, 0));
    }
}

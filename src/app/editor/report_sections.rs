//! The Report page: the report's sections in printing order — add (from the template or a
//! custom one), remove (asking first when text would go), reorder, rename where the template
//! allows — and each section's blocks (add, reorder, remove, change kind).

use std::sync::Arc;

use egui::{RichText, Ui};

use super::report_blocks::{self, At, Facts};
use super::{Form, ListOp};
use crate::model::{Block, Place, ReportSection, Review, Section, TemplateRef};

/// Why a locked heading cannot be edited, as its tooltip says.
pub const FIXED_HEADING: &str = "The council's template requires this heading: it cannot be renamed";

/// Page "Report sections".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    let facts = Facts::of(review);
    let template = review.template.clone();
    match &template {
        Some(t) => ui.weak(format!(
            "Follows the template {} (version {}). Apply template… in the File menu brings it up to date.",
            t.name, t.version
        )),
        None => {
            ui.weak("Made without a template. Apply template… in the File menu lays it out as a council template says.")
        }
    };
    let sections = &mut review.report.sections;
    let len = sections.len();
    let pending_id = ui.make_persistent_id(("remove_section", form.doc));
    let mut pending: Option<usize> = ui.data(|d| d.get_temp(pending_id)).flatten();
    let mut op = None;
    for (si, section) in sections.iter_mut().enumerate() {
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(o) = section_header(ui, form, section, si, len) {
                match o {
                    // Removing a section with text in it asks first; an empty one just goes.
                    ListOp::Remove(i) if section.has_writing() => pending = Some(i),
                    o => op = Some(o),
                }
            }
            if pending == Some(si) {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("Remove “{}” and everything written in it?", section.heading.trim()),
                    );
                    if ui.button("Remove section").clicked() {
                        op = Some(ListOp::Remove(si));
                        pending = None;
                    }
                    if ui.button("Keep it").clicked() {
                        pending = None;
                    }
                });
            }
            section_blocks(ui, form, section, si, &facts);
        });
    }
    if let Some(op) = op {
        form.changed = true;
        op.apply(sections);
        pending = None;
    }
    ui.data_mut(|d| d.insert_temp(pending_id, pending));
    ui.add_space(8.0);
    add_section_menu(ui, form, sections, template.as_ref());
}

impl ReportSection {
    /// True if removing the section would throw away words the author wrote.
    fn has_writing(&self) -> bool {
        !self.blocks.iter().all(|b| matches!(b, Block::Data(_)) || b.is_empty())
    }
}

/// The heading (a locked label when the template fixes it), what the template asks for, and
/// the section's Up / Down / Remove buttons.
fn section_header(ui: &mut Ui, form: &mut Form, section: &mut ReportSection, si: usize, len: usize) -> Option<ListOp> {
    let place = Place::new(Section::ReportSection(si), "heading");
    let mut op = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{}.", si + 1)).strong());
        if section.fixed {
            let r =
                ui.label(RichText::new(format!("{} (locked)", section.heading)).heading()).on_hover_text(FIXED_HEADING);
            let name = format!("Section {} heading {} (locked: {FIXED_HEADING})", si + 1, section.heading);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            form.target(&r, place);
        } else {
            let width = (ui.available_width() - 200.0).max(160.0);
            let r =
                ui.add(egui::TextEdit::singleline(&mut section.heading).desired_width(width).hint_text("Side heading"));
            let name = format!("Section {} heading", si + 1);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
            form.track(&r, place);
        }
        let before = form.changed;
        op = form.row_buttons(ui, "section", si, len);
        // row_buttons marks the form changed; a removal waiting to be confirmed has not changed it yet.
        if matches!(op, Some(ListOp::Remove(_))) && section.has_writing() {
            form.changed = before;
        }
    });
    if section.required {
        ui.weak("Required by the template: it must not be left empty.");
    }
    // The prompt shows as hint text in an empty text box; said once here when there is none.
    let hinted = section.blocks.iter().any(|b| {
        matches!(b, Block::Paragraphs { .. } | Block::Quotation { .. } | Block::Recommendations(_)) && b.is_empty()
    });
    if !section.prompt.trim().is_empty() && !hinted {
        ui.label(RichText::new(&section.prompt).weak().italics());
    }
    op
}

/// Each block with its kind, its buttons and its editor, then "Add block".
fn section_blocks(ui: &mut Ui, form: &mut Form, section: &mut ReportSection, si: usize, facts: &Facts) {
    let name = section.heading.trim().to_owned();
    let hint = section.prompt.clone();
    let len = section.blocks.len();
    let written = section.blocks.iter().filter(|b| !matches!(b, Block::Data(_))).count();
    let mut op = None;
    let mut replace = None;
    for (bi, block) in section.blocks.iter_mut().enumerate() {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(block.kind_label()).strong());
            if report_blocks::can_convert(block) {
                let combo = egui::ComboBox::from_id_salt(("block_kind", form.doc, si, bi))
                    .selected_text("Change to…")
                    .show_ui(ui, |ui| {
                        // Worked out only while the list is open: each copies the block's text.
                        for option in report_blocks::conversions(block) {
                            if ui.selectable_label(false, option.kind_label()).clicked() {
                                replace = Some((bi, option));
                            }
                        }
                    });
                let kind_name = format!("Change the kind of section {} block {}", si + 1, bi + 1);
                combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &kind_name));
            }
            op = op.or(form.row_buttons(ui, &format!("section {} block", si + 1), bi, len));
        });
        report_blocks::show(ui, form, block, At { section: si, block: bi, alone: written == 1 }, &name, &hint, facts);
    }
    if let Some((bi, block)) = replace {
        section.blocks[bi] = block;
        form.changed = true;
    }
    if let Some(op) = op {
        op.apply(&mut section.blocks);
    }
    ui.add_space(4.0);
    let menu = ui.menu_button("Add block…", |ui| {
        for block in report_blocks::new_blocks() {
            if ui.button(block.kind_label()).clicked() {
                section.blocks.push(block);
                form.changed = true;
                ui.close();
            }
        }
    });
    let add_name = format!("Add a block to section {}", si + 1);
    menu.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &add_name));
}

/// The template's sections, read once per template and kept for the session.
fn template_sections(ctx: &egui::Context, template: &TemplateRef) -> Option<Arc<Vec<ReportSection>>> {
    let id = egui::Id::unique(("template_sections", &template.name));
    if let Some(cached) = ctx.data(|d| d.get_temp::<Option<Arc<Vec<ReportSection>>>>(id)) {
        return cached;
    }
    let found = crate::store::find_template(&template.name).ok().map(|(t, _)| Arc::new(t.sections));
    ctx.data_mut(|d| d.insert_temp(id, found.clone()));
    found
}

/// "Add section": the template's sections this review lacks, or a custom one.
fn add_section_menu(ui: &mut Ui, form: &mut Form, sections: &mut Vec<ReportSection>, template: Option<&TemplateRef>) {
    let all = template.and_then(|t| template_sections(ui.ctx(), t)).unwrap_or_default();
    let missing: Vec<ReportSection> =
        all.iter().filter(|s| !sections.iter().any(|have| have.id == s.id)).cloned().collect();
    let r = ui.menu_button("Add section…", |ui| {
        for spec in &missing {
            if ui.button(&spec.heading).on_hover_text("A section of the template this report does not have").clicked() {
                let at = insert_position(sections, &all, &spec.id);
                sections.insert(at, spec.clone());
                form.changed = true;
                ui.close();
            }
        }
        if !missing.is_empty() {
            ui.separator();
        }
        if ui.button("Custom section").on_hover_text("A section with a heading of your own").clicked() {
            sections.push(custom_section(sections));
            form.changed = true;
            ui.close();
        }
    });
    r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Add section"));
    // "The template requires a section this review lacks" points here.
    form.target(&r.response, Place::doc("report"));
}

/// Where a template section goes back: after the last section present that comes before it in
/// the template (first if none does).
pub fn insert_position(sections: &[ReportSection], template: &[ReportSection], id: &str) -> usize {
    let order = |id: &str| template.iter().position(|t| t.id == id);
    let Some(wanted) = order(id) else { return sections.len() };
    sections.iter().rposition(|s| order(&s.id).is_some_and(|o| o < wanted)).map_or(0, |i| i + 1)
}

/// A new section of the author's own, with a unique id and one numbered paragraphs block.
pub fn custom_section(sections: &[ReportSection]) -> ReportSection {
    let id = (1..)
        .map(|n| if n == 1 { "custom".to_owned() } else { format!("custom-{n}") })
        .find(|id| !sections.iter().any(|s| &s.id == id))
        .unwrap_or_default();
    ReportSection { id, heading: "New section".to_owned(), blocks: vec![Block::paragraphs("")], ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str) -> ReportSection {
        ReportSection { id: id.into(), heading: id.into(), ..Default::default() }
    }

    #[test]
    fn a_template_section_goes_back_in_the_template_order() {
        let template: Vec<ReportSection> = ["a", "b", "c", "d"].map(section).into();
        let have = vec![section("a"), section("x"), section("d")];
        assert_eq!(insert_position(&have, &template, "b"), 1);
        assert_eq!(insert_position(&have, &template, "c"), 1);
        assert_eq!(insert_position(&[section("d")], &template, "a"), 0);
        assert_eq!(insert_position(&have, &template, "zzz"), 3);
    }

    #[test]
    fn custom_sections_get_ids_of_their_own_and_only_text_makes_removal_ask() {
        let mut sections = vec![section("custom")];
        let new = custom_section(&sections);
        assert_eq!(new.id, "custom-2");
        assert!(!new.has_writing());
        sections.push(new);
        sections[1].blocks = vec![Block::paragraphs("Words."), Block::Data(crate::model::DataBlock::ReviewTeam)];
        assert!(sections[1].has_writing());
        sections[1].blocks.remove(0);
        assert!(!sections[1].has_writing(), "data blocks are the review's facts, kept elsewhere");
    }
}

//! The Meeting page of a pack: the facts printed on the cover and in every page footer.

use egui::{RichText, Ui};

use crate::app::editor::{ListOp, named_button};
use crate::model::{CommitteePack, Date, Jurisdiction, ProtectiveMarking};

/// A labelled one-line text field; returns true if it changed.
fn text(ui: &mut Ui, label: &str, value: &mut String, hint: &str) -> bool {
    ui.horizontal(|ui| {
        let l = ui.add_sized([160.0, 20.0], egui::Label::new(label));
        ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(420.0)).labelled_by(l.id).changed()
    })
    .inner
}

/// The meeting date: typed freely, applied once it reads as a date (GOV.UK style shown).
fn date(ui: &mut Ui, value: &mut Date) -> bool {
    let id = ui.make_persistent_id("pack_date");
    let current = value.to_string();
    let (mut buffer, shown) =
        ui.data(|d| d.get_temp::<(String, String)>(id)).unwrap_or_else(|| (current.clone(), current.clone()));
    if shown != current {
        buffer = current.clone();
    }
    let mut changed = false;
    ui.horizontal(|ui| {
        let l = ui.add_sized([160.0, 20.0], egui::Label::new("Meeting date"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut buffer).hint_text("17/03/2026 or 17 March 2026").desired_width(220.0))
            .labelled_by(l.id);
        let parsed = Date::parse_uk(buffer.trim());
        match &parsed {
            Ok(d) if d.day().is_some() => {
                if *d != *value {
                    *value = *d;
                    changed = true;
                }
            }
            Ok(_) => {
                ui.colored_label(ui.visuals().warn_fg_color, "A meeting needs a day as well as a month.");
            }
            Err(e) if r.has_focus() || !buffer.trim().is_empty() => {
                ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
            }
            Err(_) => {}
        }
        if r.lost_focus() && parsed.is_ok() {
            buffer = value.to_string();
        }
    });
    let shown = value.to_string();
    ui.data_mut(|d| d.insert_temp(id, (buffer, shown)));
    changed
}

/// Draws the Meeting page; returns true if the pack changed.
pub fn show(ui: &mut Ui, pack: &mut CommitteePack) -> bool {
    let mut changed = false;
    ui.add_space(6.0);
    ui.label(RichText::new("The meeting").heading());
    changed |= text(ui, "Council", &mut pack.council, "Ambleshire County Council");
    changed |= text(ui, "Committee", &mut pack.committee, "Children and Families Overview and Scrutiny Panel");
    changed |= date(ui, &mut pack.date);
    changed |= text(ui, "Time", &mut pack.time, "10.00 am");
    changed |= text(ui, "Venue", &mut pack.venue, "Council Chamber, County Hall");
    ui.horizontal(|ui| {
        let l = ui.add_sized([160.0, 20.0], egui::Label::new("Protective marking"));
        let combo =
            egui::ComboBox::from_id_salt("pack_marking").selected_text(pack.marking.label()).show_ui(ui, |ui| {
                for m in ProtectiveMarking::ALL {
                    changed |= ui.selectable_value(&mut pack.marking, m, m.label()).changed();
                }
            });
        combo.response.labelled_by(l.id);
        ui.weak("of the cover and agenda; each report keeps its own");
    });
    ui.horizontal(|ui| {
        let l = ui.add_sized([160.0, 20.0], egui::Label::new("Jurisdiction"));
        let combo = egui::ComboBox::from_id_salt("pack_jurisdiction").selected_text(pack.jurisdiction.label()).show_ui(
            ui,
            |ui| {
                for j in Jurisdiction::ALL {
                    changed |= ui.selectable_value(&mut pack.jurisdiction, j, j.label()).changed();
                }
            },
        );
        combo.response.labelled_by(l.id);
        ui.weak(format!("exempt items cite {} of Schedule 12A", pack.jurisdiction.part()));
    });

    ui.add_space(10.0);
    ui.label(RichText::new("Contact officer").heading());
    ui.weak("Printed on the cover: who to ask about the meeting (usually Democratic Services).");
    changed |= text(ui, "Name", &mut pack.contact.name, "Democratic Services Officer");
    changed |= text(ui, "Phone", &mut pack.contact.phone, "01234 567890");
    changed |= text(ui, "Email", &mut pack.contact.email, "democratic.services@example.gov.uk");

    ui.add_space(10.0);
    ui.label(RichText::new("Public participation").heading());
    let l = ui.label("Notice printed on the cover (paragraphs separated by a blank line)");
    changed |= ui
        .add(egui::TextEdit::multiline(&mut pack.public_notice).desired_rows(3).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .changed();
    changed |= ui
        .checkbox(&mut pack.exclusion_item, "Add the exclusion of the press and public item before exempt items")
        .on_hover_text(
            "The resolution under s100A(4) of the Local Government Act 1972, naming the paragraphs of Schedule 12A",
        )
        .changed();

    ui.add_space(10.0);
    ui.label(RichText::new("Members").heading());
    ui.weak("As printed on the cover, e.g. \"Cllr Rhian Ellis (Chair)\".");
    let len = pack.members.len();
    let mut op: Option<ListOp> = None;
    for (i, member) in pack.members.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = format!("Member {}", i + 1);
            changed |= ui
                .add(egui::TextEdit::singleline(member).desired_width(360.0))
                .on_hover_text(&name)
                .widget_info_labeled(&name)
                .changed();
            if named_button(ui, i > 0, "Up", &format!("Move member {} up", i + 1)) {
                op = Some(ListOp::Up(i));
            }
            if named_button(ui, i + 1 < len, "Down", &format!("Move member {} down", i + 1)) {
                op = Some(ListOp::Down(i));
            }
            if named_button(ui, true, "Remove", &format!("Remove member {}", i + 1)) {
                op = Some(ListOp::Remove(i));
            }
        });
    }
    if let Some(op) = op {
        op.apply(&mut pack.members);
        changed = true;
    }
    if ui.button("Add member").clicked() {
        pack.members.push(String::new());
        changed = true;
    }
    changed
}

/// Gives a response an accessible name (for text boxes without a visible label of their own).
trait Labeled {
    fn widget_info_labeled(self, name: &str) -> Self;
}

impl Labeled for egui::Response {
    fn widget_info_labeled(self, name: &str) -> Self {
        let name = name.to_owned();
        self.widget_info(move || egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        self
    }
}

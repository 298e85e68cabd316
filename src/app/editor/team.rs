//! The review team.

use egui::Ui;

use super::{Form, ListSpec, heading};
use crate::model::{Place, Review, Section, TeamMember};

/// Page "Review team".
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review) {
    heading(ui, "Review team");
    let spec = ListSpec::new("team member", "Add team member", Place::doc("team"));
    form.list(
        ui,
        &mut review.team,
        spec,
        |_| TeamMember::default(),
        |form, ui, i, member| {
            let n = i + 1;
            let s = Section::TeamMember(i);
            ui.label(format!("Team member {n}"));
            form.text(ui, &format!("Role of team member {n}"), &mut member.role, Place::new(s, "role"));
            form.optional_text(
                ui,
                &format!("Name of team member {n} (optional)"),
                &mut member.name,
                Place::new(s, "name"),
            );
            form.text(ui, &format!("Position of team member {n}"), &mut member.position, Place::new(s, "position"));
            form.text(
                ui,
                &format!("Organisation of team member {n}"),
                &mut member.organisation,
                Place::new(s, "organisation"),
            );
        },
    );
}

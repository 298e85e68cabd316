//! The report's logo, on the "Report and meeting" page: what is there (kind, size, a small
//! picture as it prints), its alternative text, and "Logo…" / "Remove logo".

use egui::{Color32, Rect, Ui, Vec2};

use super::{Form, heading};
use crate::model::logo::{self, LogoKind, Picture};
use crate::model::{Place, Review};

/// Draws the logo section; `choose` is set when "Logo…" is clicked (the app opens the dialog).
pub fn show(ui: &mut Ui, form: &mut Form, review: &mut Review, choose: &mut bool) {
    heading(ui, "Logo");
    let place = Place::doc("logo");
    match &mut review.house_style.logo {
        None => {
            ui.weak("No logo: the report heading prints the council's name only.");
        }
        Some(current) => {
            let kind = match logo::kind_of(&current.data) {
                Ok(LogoKind::Png) => "PNG picture",
                Ok(LogoKind::Svg) => "SVG drawing",
                Err(_) => "not a picture",
            };
            ui.label(format!("{kind}, {} KB, carried inside the review file", current.data.len().div_ceil(1024)));
            match crate::briefing::decoded_logo(current) {
                Ok(art) => {
                    let height = 48.0;
                    let size = Vec2::new((height * art.aspect()).min(ui.available_width()), height);
                    let (rect, _) = ui.allocate_exact_size(size + Vec2::splat(8.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, Color32::WHITE);
                    let inner = Rect::from_min_size(rect.min + Vec2::splat(4.0), size);
                    crate::briefing::preview::paint_picture(ui.painter(), inner, &art);
                    if let Picture::Vector(v) = &art.picture
                        && !v.left_out.is_empty()
                    {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!("Not drawn from this SVG: {}", v.left_out.join(", ")),
                        );
                    }
                }
                Err(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("This logo cannot be printed: {e}"));
                }
            }
            form.text(ui, "Logo's alternative text (read out in its place)", &mut current.alt, place);
        }
    }
    ui.horizontal(|ui| {
        if ui.button("Logo…").on_hover_text("Choose a PNG or SVG file (at most 4 MB)").clicked() {
            *choose = true;
        }
        if review.house_style.logo.is_some() && ui.button("Remove logo").clicked() {
            review.house_style.logo = None;
            form.changed = true;
        }
    });
}

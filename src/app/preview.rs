//! The Preview view: the panel briefing exactly as it will print. It paints the same layout
//! pages the PDF writer writes (`briefing::preview`), so what you see is what prints.

use egui::{Rect, RichText, Sense, Ui, Vec2};

use crate::briefing::preview::{page_size, paint_caption, paint_page, zoom_to_fit};
use crate::briefing::{BriefingOptions, Layout, PAGE_WIDTH, Visibility, lay_out_briefing};
use crate::model::Review;

/// Zoom steps offered by the − and + buttons.
const ZOOMS: [f32; 9] = [0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0];
const THUMB_WIDTH: f32 = 96.0;

/// The laid-out briefing of one document, kept until the review changes.
#[derive(Debug)]
pub struct PreviewState {
    revision: u64,
    pub layout: Layout,
    /// `None` fits the page width to the view.
    pub zoom: Option<f32>,
    /// Page to scroll to on the next frame (0-based).
    scroll_to: Option<usize>,
}

/// The options the preview and File → Print briefing share, so they never disagree: the full
/// report (exempt appendices printed with their notice), with the action plan when there is one.
pub fn briefing_options(review: &Review) -> BriefingOptions {
    BriefingOptions {
        action_plan: review.findings.iter().any(|f| f.action.is_some()),
        visibility: Visibility::Private,
        ..BriefingOptions::default()
    }
}

impl PreviewState {
    fn new(review: &Review, revision: u64) -> PreviewState {
        PreviewState {
            revision,
            layout: lay_out_briefing(review, &briefing_options(review)),
            zoom: None,
            scroll_to: None,
        }
    }

    /// Lays the briefing out again if the review changed since the last frame (a few ms).
    pub fn refresh<'a>(state: &'a mut Option<PreviewState>, review: &Review, revision: u64) -> &'a mut PreviewState {
        if state.as_ref().is_none_or(|s| s.revision != revision) {
            let zoom = state.as_ref().and_then(|s| s.zoom);
            *state = Some(PreviewState { zoom, ..PreviewState::new(review, revision) });
        }
        state.get_or_insert_with(|| PreviewState::new(review, revision))
    }
}

fn step_zoom(current: f32, up: bool) -> f32 {
    if up {
        ZOOMS.iter().copied().find(|z| *z > current + 0.01).unwrap_or(ZOOMS[ZOOMS.len() - 1])
    } else {
        ZOOMS.iter().rev().copied().find(|z| *z < current - 0.01).unwrap_or(ZOOMS[0])
    }
}

/// Draws the preview: a toolbar (pages, zoom, warnings), a strip of thumbnails, and the pages.
pub fn show(ui: &mut Ui, state: &mut PreviewState) {
    let pages = state.layout.pages.len();
    // Leave room for the thumbnail strip, the page margins and the scroll bar.
    let fit = zoom_to_fit(Vec2::new((ui.available_width() - THUMB_WIDTH - 72.0).max(200.0), f32::INFINITY));
    let zoom = state.zoom.unwrap_or(fit);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Briefing: {pages} pages")).strong());
        ui.separator();
        if ui.button("Zoom out").clicked() {
            state.zoom = Some(step_zoom(zoom, false));
        }
        ui.label(format!("{:.0} %", zoom * 100.0));
        if ui.button("Zoom in").clicked() {
            state.zoom = Some(step_zoom(zoom, true));
        }
        if ui.button("Fit width").on_hover_text("Fit the page to the width of the view").clicked() {
            state.zoom = None;
        }
        ui.separator();
        match state.layout.warnings.len() {
            0 => ui.label("Every character can be printed"),
            n => ui
                .colored_label(ui.visuals().warn_fg_color, format!("{n} printing warnings"))
                .on_hover_text(state.layout.warnings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
        };
    });
    ui.separator();

    egui::Panel::left("preview_thumbnails").resizable(false).exact_size(THUMB_WIDTH + 24.0).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("thumbs").show(ui, |ui| {
            let thumb_zoom = THUMB_WIDTH / PAGE_WIDTH;
            for (i, page) in state.layout.pages.iter().enumerate() {
                let size = page_size(thumb_zoom) + Vec2::new(0.0, 18.0);
                let (rect, response) = ui.allocate_exact_size(size, Sense::click());
                let response = response.on_hover_text(format!("Go to page {}", i + 1));
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Page {} of {pages}", i + 1))
                });
                if ui.is_rect_visible(rect) {
                    paint_page(ui.painter(), rect.min, page, thumb_zoom);
                    paint_caption(ui.painter(), rect.center_bottom() - Vec2::new(0.0, 16.0), i + 1, pages);
                }
                if response.clicked() {
                    state.scroll_to = Some(i);
                }
                ui.add_space(6.0);
            }
        });
    });

    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::both().id_salt("pages").auto_shrink(false).show(ui, |ui| {
            let scroll_to = state.scroll_to.take();
            let mut go_to = None;
            for (i, page) in state.layout.pages.iter().enumerate() {
                let (rect, _) = ui.allocate_exact_size(page_size(zoom) + Vec2::new(16.0, 16.0), Sense::hover());
                let sheet = Rect::from_min_size(rect.min + Vec2::new(8.0, 8.0), page_size(zoom));
                if ui.is_rect_visible(rect) {
                    for link in paint_page(ui.painter(), sheet.min, page, zoom) {
                        let r =
                            ui.interact(link.rect, ui.scope_id().with(("link", i, link.target_page)), Sense::click());
                        if r.on_hover_text(format!("Go to page {}", link.target_page + 1)).clicked() {
                            go_to = Some(link.target_page);
                        }
                    }
                }
                if scroll_to == Some(i) {
                    ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                }
            }
            if go_to.is_some() {
                state.scroll_to = go_to;
                ui.ctx().request_repaint();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_stay_in_range() {
        assert_eq!(step_zoom(1.0, true), 1.25);
        assert_eq!(step_zoom(1.0, false), 0.9);
        assert_eq!(step_zoom(3.0, true), 3.0);
        assert_eq!(step_zoom(0.5, false), 0.5);
        assert_eq!(step_zoom(0.8, true), 0.9);
    }
}

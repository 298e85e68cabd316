//! The Preview view: the panel briefing exactly as it will print. It paints the same layout
//! pages the PDF writer writes (`briefing::preview`), so what you see is what prints.

use egui::{Rect, RichText, Sense, Ui, Vec2};

use super::document::{DocId, Editing};
use super::printing::{Previous, briefing_options};
use crate::briefing::preview::{paint_caption, paint_page, sheet_size, zoom_to_fit};
use crate::briefing::{Layout, PAGE_WIDTH, Visibility, lay_out_briefing};
use crate::model::Review;

/// Zoom steps offered by the − and + buttons.
const ZOOMS: [f32; 9] = [0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0];
const THUMB_WIDTH: f32 = 96.0;

/// The laid-out briefing of one document, kept until the review or the version changes.
#[derive(Debug)]
pub struct PreviewState {
    revision: u64,
    pub visibility: Visibility,
    /// Laid out with the charts ("Include charts").
    charts: bool,
    pub layout: Layout,
    /// `None` fits the page width to the view.
    pub zoom: Option<f32>,
    /// Page to scroll to on the next frame (0-based).
    scroll_to: Option<usize>,
    /// What the pages are, for the toolbar: "briefing" or "committee pack".
    what: &'static str,
}

impl PreviewState {
    fn new(review: &Review, revision: u64, visibility: Visibility, previous: Previous, charts: bool) -> PreviewState {
        PreviewState {
            revision,
            visibility,
            charts,
            layout: lay_out_briefing(review, &briefing_options(review, visibility, previous, charts)),
            zoom: None,
            scroll_to: None,
            what: "briefing",
        }
    }

    /// Pages laid out elsewhere (a committee pack), opening at page 1.
    pub fn from_layout(layout: Layout, revision: u64, visibility: Visibility, what: &'static str) -> PreviewState {
        PreviewState { revision, visibility, charts: false, layout, zoom: None, scroll_to: Some(0), what }
    }

    /// Whether these pages are still those of `revision` in `visibility`.
    pub fn is_current(&self, revision: u64, visibility: Visibility) -> bool {
        self.revision == revision && self.visibility == visibility
    }

    /// Lays the briefing out again if the review, the version or "Include charts" changed since the last frame
    /// (a few ms). A preview opened afresh starts at the page of the selected finding, or page 1
    /// (never at a scroll offset left over from an earlier session). `previous` gives the previous
    /// review for "Since the Last Review", asked for only when the pages are laid out again.
    pub fn refresh<'a>(
        state: &'a mut Option<PreviewState>,
        review: &Review,
        revision: u64,
        (visibility, charts): (Visibility, bool),
        selected_finding: Option<usize>,
        previous: impl FnOnce() -> Previous,
    ) -> &'a mut PreviewState {
        match state {
            Some(s) if s.revision == revision && s.visibility == visibility && s.charts == charts => {}
            Some(s) => {
                let zoom = s.zoom;
                *s = PreviewState { zoom, ..PreviewState::new(review, revision, visibility, previous(), charts) };
            }
            None => {
                let mut fresh = PreviewState::new(review, revision, visibility, previous(), charts);
                let text = selected_finding.and_then(|i| review.findings.get(i)).map(|f| f.text.as_str());
                fresh.scroll_to = Some(text.and_then(|t| page_showing(&fresh.layout, t)).unwrap_or(0));
                *state = Some(fresh);
            }
        }
        state.get_or_insert_with(|| PreviewState::new(review, revision, visibility, None, charts))
    }
}

/// The first page printing the opening words of `text` (a finding), if any.
fn page_showing(layout: &Layout, text: &str) -> Option<usize> {
    let opening: Vec<&str> = text.split_whitespace().take(4).collect();
    if opening.is_empty() {
        return None;
    }
    let opening = opening.join(" ");
    layout.pages.iter().position(|page| page.texts().any(|run| run.text.contains(&opening)))
}

/// "Showing: Public version | Private version", saying what the public one withholds.
pub fn version_switch(ui: &mut Ui, visibility: &mut Visibility, exempt: &str) {
    ui.horizontal(|ui| {
        ui.label("Showing:");
        ui.selectable_value(visibility, Visibility::Public, "Public version")
            .on_hover_text(format!("As published: {exempt} are replaced by a notice"));
        ui.selectable_value(visibility, Visibility::Private, "Private version").on_hover_text(format!(
            "For members and officers: includes {exempt}; every page marked NOT FOR PUBLICATION"
        ));
        match visibility {
            Visibility::Public => ui.weak(format!("{exempt} withheld")),
            Visibility::Private => {
                ui.colored_label(ui.visuals().warn_fg_color, format!("NOT FOR PUBLICATION: includes {exempt}"))
            }
        };
    });
}

/// The Preview view of one document: the version switch, then the pages.
pub fn show_for(ui: &mut Ui, e: &mut Editing, id: DocId) {
    version_switch(ui, &mut e.view.preview_visibility, "exempt appendices");
    ui.checkbox(&mut e.view.charts, "Include charts")
        .on_hover_text("Strengths and areas by theme, and the action plan by status, each with its numbers in words");
    let (revision, visibility, selected) = (e.revision, e.view.preview_visibility, e.view.selected_finding);
    let version = (visibility, e.view.charts);
    let (since_last, path, review) = (&mut e.view.since_last, e.path.as_ref(), &e.review);
    let state = PreviewState::refresh(&mut e.view.preview, review, revision, version, selected, || {
        since_last.for_briefing(path, review)
    });
    ui.push_id(id, |ui| show(ui, state));
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
        let version = match state.visibility {
            Visibility::Public => "Public",
            Visibility::Private => "Private",
        };
        ui.label(RichText::new(format!("{version} {}: {pages} pages", state.what)).strong());
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
                let size = sheet_size(page, thumb_zoom) + Vec2::new(0.0, 18.0);
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
                let size = sheet_size(page, zoom);
                let (rect, _) = ui.allocate_exact_size(size + Vec2::new(16.0, 16.0), Sense::hover());
                let sheet = Rect::from_min_size(rect.min + Vec2::new(8.0, 8.0), size);
                if ui.is_rect_visible(rect) {
                    // A page may link to the same page more than once (a paper's own contents list).
                    for (k, link) in paint_page(ui.painter(), sheet.min, page, zoom).into_iter().enumerate() {
                        let r = ui.interact(link.rect, ui.scope_id().with(("link", i, k)), Sense::click());
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

    fn sample() -> Review {
        let text = include_str!("../../samples/worcestershire-2015.peerreview");
        crate::store::parse_review(text, std::path::Path::new("w.peerreview")).expect("sample").0
    }

    #[test]
    fn a_new_preview_opens_at_page_one_or_at_the_selected_finding() {
        let review = sample();
        let mut state = None;
        let fresh = PreviewState::refresh(&mut state, &review, 0, (Visibility::Public, false), None, || None);
        assert_eq!(fresh.scroll_to, Some(0), "never at an offset left over from an earlier session");
        let last = review.findings.len() - 1;
        let mut state = None;
        let fresh = PreviewState::refresh(&mut state, &review, 0, (Visibility::Public, false), Some(last), || None);
        let page = fresh.scroll_to.expect("a page");
        assert!(page > 0, "the last finding is not on the first page");
        let opening: Vec<&str> = review.findings[last].text.split_whitespace().take(4).collect();
        assert!(fresh.layout.pages[page].texts().any(|t| t.text.contains(&opening.join(" "))));
        // Edits lay the pages out again but leave the scroll where the user put it.
        fresh.scroll_to = None;
        let again = PreviewState::refresh(&mut state, &review, 1, (Visibility::Public, false), Some(last), || None);
        assert_eq!(again.scroll_to, None);
    }

    #[test]
    fn zoom_steps_stay_in_range() {
        assert_eq!(step_zoom(1.0, true), 1.25);
        assert_eq!(step_zoom(1.0, false), 0.9);
        assert_eq!(step_zoom(3.0, true), 3.0);
        assert_eq!(step_zoom(0.5, false), 0.5);
        assert_eq!(step_zoom(0.8, true), 0.9);
    }
}

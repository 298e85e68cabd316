//! Paints laid-out pages with egui, from the same [`Page`]s the PDF writer prints, in the same
//! Liberation Sans faces: what the preview shows is what prints.

use std::sync::Arc;

use eframe::egui::{
    self, Align2, Color32, FontData, FontFamily, FontId, Pos2, Rect, Stroke, Vec2,
    epaint::text::{FontInsert, InsertFontFamily},
};

use super::fonts::{FontStyle, Fonts};
use super::page::{Colour, Item, PAGE_HEIGHT, PAGE_WIDTH, Page};
pub use super::preview_picture::paint_picture;

fn font_name(style: FontStyle) -> &'static str {
    match style {
        FontStyle::Regular => "peerbrief-liberation-sans",
        FontStyle::Bold => "peerbrief-liberation-sans-bold",
        FontStyle::Italic => "peerbrief-liberation-sans-italic",
        FontStyle::BoldItalic => "peerbrief-liberation-sans-bold-italic",
    }
}

/// The egui font family that draws `style`; available after [`install_fonts`].
pub fn family(style: FontStyle) -> FontFamily {
    FontFamily::Name(Arc::from(font_name(style)))
}

/// Registers the four Liberation Sans faces with egui, each as its own family. Call once at
/// start-up (repeated calls are cheap no-ops).
pub fn install_fonts(ctx: &egui::Context) {
    for style in FontStyle::ALL {
        let insert = FontInsert::new(
            font_name(style),
            FontData::from_static(style.ttf()),
            vec![InsertFontFamily { family: family(style), priority: egui::epaint::text::FontPriority::Highest }],
        );
        ctx.add_font(insert);
    }
}

/// The size of a page on screen at `zoom` (1.0 = one PDF point per egui point).
pub fn page_size(zoom: f32) -> Vec2 {
    Vec2::new(PAGE_WIDTH * zoom, PAGE_HEIGHT * zoom)
}

/// The size of `page` on screen at `zoom`: A4, or an imported PDF page's own size.
pub fn sheet_size(page: &Page, zoom: f32) -> Vec2 {
    let (w, h) = page.size();
    Vec2::new(w * zoom, h * zoom)
}

/// The zoom at which a whole page fits `available` (e.g. a thumbnail or the preview panel).
pub fn zoom_to_fit(available: Vec2) -> f32 {
    (available.x / PAGE_WIDTH).min(available.y / PAGE_HEIGHT).max(0.01)
}

/// A clickable area painted on the page: the app turns a click into "go to page".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PreviewLink {
    pub rect: Rect,
    /// 0-based page index.
    pub target_page: usize,
}

fn colour(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

/// Paints `page` with its top-left corner at `origin`, scaled by `zoom`, and returns its links.
///
/// Text is placed on the same baselines as in the PDF and scaled so its width matches the
/// PDF's measured width, so line breaks look identical.
pub fn paint_page(painter: &egui::Painter, origin: Pos2, page: &Page, zoom: f32) -> Vec<PreviewLink> {
    let at = |x: f32, y: f32| Pos2::new(origin.x + x * zoom, origin.y + y * zoom);
    let sheet = Rect::from_min_size(origin, sheet_size(page, zoom));
    painter.rect_filled(sheet, 0.0, Color32::WHITE);
    painter.rect_stroke(sheet, 0.0, Stroke::new(1.0, Color32::from_gray(160)), egui::StrokeKind::Outside);
    if let Some(imported) = &page.imported {
        paint_imported_placeholder(painter, sheet, imported, zoom);
    }
    let mut links = Vec::new();
    for item in &page.items {
        match item {
            Item::Rect { x, y, width, height, fill } => {
                painter.rect_filled(
                    Rect::from_min_size(at(*x, *y), Vec2::new(width * zoom, height * zoom)),
                    0.0,
                    colour(*fill),
                );
            }
            Item::Rule { x1, y1, x2, y2, width, colour: c } => {
                painter.line_segment([at(*x1, *y1), at(*x2, *y2)], Stroke::new((width * zoom).max(0.5), colour(*c)));
            }
            Item::Link { x, y, width, height, target_page } => {
                links.push(PreviewLink {
                    rect: Rect::from_min_size(at(*x, *y), Vec2::new(width * zoom, height * zoom)),
                    target_page: *target_page,
                });
            }
            Item::Image { x, y, width, height, artwork } => {
                let rect = Rect::from_min_size(at(*x, *y), Vec2::new(width * zoom, height * zoom));
                super::preview_picture::paint_picture(painter, rect, artwork);
            }
            Item::Text(_) | Item::Uri { .. } => {}
        }
    }
    for t in page.texts() {
        if t.text.is_empty() {
            continue;
        }
        let font = FontId::new((t.size * zoom).max(1.0), family(t.style));
        let galley = painter.layout_no_wrap(t.text.clone(), font.clone(), colour(t.colour));
        let drawn = galley.size().x;
        let wanted = t.width * zoom;
        // egui and the PDF measure the same font; correct any rounding so widths match exactly.
        let galley = if drawn > 0.0 && (drawn - wanted).abs() > 0.5 {
            let font = FontId::new((t.size * zoom * wanted / drawn).max(1.0), family(t.style));
            painter.layout_no_wrap(t.text.clone(), font, colour(t.colour))
        } else {
            galley
        };
        let baseline = galley.rows.first().and_then(|r| r.glyphs.first().map(|g| r.pos.y + g.pos.y)).unwrap_or(0.0);
        let pos = at(t.x, t.y) - Vec2::new(0.0, baseline);
        painter.galley(pos, galley, colour(t.colour));
    }
    links
}

/// A page of an imported PDF is not rendered in the window: it is shown as a panel naming the
/// page, its size and orientation, under the pack's own stamp (which is painted as usual).
fn paint_imported_placeholder(painter: &egui::Painter, sheet: Rect, imported: &super::ImportedPage, zoom: f32) {
    let panel = sheet.shrink2(Vec2::new(sheet.width() * 0.08, sheet.height() * 0.1));
    painter.rect_filled(panel, 4.0 * zoom, Color32::from_gray(238));
    painter.rect_stroke(panel, 4.0 * zoom, Stroke::new(1.0, Color32::from_gray(200)), egui::StrokeKind::Inside);
    let (w, h) = imported.pdf.page_size(imported.index);
    let mm = |pt: f32| (pt / super::MM).round();
    let orientation = if w > h { "landscape" } else { "portrait" };
    let lines = [
        (format!("PDF paper: {}", imported.file), 14.0, FontStyle::Bold),
        (format!("Page {} of {}", imported.index + 1, imported.pdf.page_count()), 12.0, FontStyle::Regular),
        (format!("{} × {} mm, {orientation}", mm(w), mm(h)), 10.0, FontStyle::Regular),
        ("Printed in full in the PDF; not drawn here".to_owned(), 10.0, FontStyle::Italic),
    ];
    let mut y = panel.center().y - 30.0 * zoom;
    for (text, size, style) in lines {
        let font = FontId::new((size * zoom).max(1.0), family(style));
        painter.text(Pos2::new(panel.center().x, y), Align2::CENTER_TOP, text, font, Color32::from_gray(70));
        y += size * 1.6 * zoom;
    }
}

/// Paints the page number under a thumbnail: a convenience for the preview's page strip.
pub fn paint_caption(painter: &egui::Painter, centre_top: Pos2, number: usize, total: usize) {
    painter.text(
        centre_top,
        Align2::CENTER_TOP,
        format!("{number} / {total}"),
        FontId::new(12.0, family(FontStyle::Regular)),
        Color32::from_gray(90),
    );
}

/// True if every face needed by the preview can draw every character of the page (the layout
/// has already replaced anything the fonts lack).
pub fn page_fully_drawable(page: &Page) -> bool {
    let fonts = Fonts::get();
    page.texts().all(|t| t.text.chars().all(|c| fonts.covers(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{BriefingOptions, lay_out_briefing};
    use crate::store::load_review;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn paints_every_page_of_a_sample_with_the_liberation_fonts() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/afonwen-2025-action-plan.peerreview");
        let review = load_review(&path).expect("sample loads").review;
        let layout = lay_out_briefing(&review, &BriefingOptions { action_plan: true, ..BriefingOptions::default() });
        assert!(layout.pages.iter().all(page_fully_drawable));
        let pages = layout.pages.clone();
        let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(700.0, 900.0)).build_ui(move |ui| {
            install_fonts(ui.ctx());
            let origin = ui.max_rect().min;
            let zoom = zoom_to_fit(ui.available_size());
            assert!(
                (page_size(zoom).y - ui.available_size().y).abs() < 1.0 || page_size(zoom).x <= ui.available_size().x
            );
            let mut links = 0;
            for (i, page) in pages.iter().enumerate() {
                links += paint_page(ui.painter(), origin, page, zoom * (1.0 + i as f32 * 0.1)).len();
                paint_caption(ui.painter(), origin, i + 1, pages.len());
            }
            ui.label(format!("painted {} pages, {links} links", pages.len()));
        });
        harness.run();
        harness.get_by_label(&format!("painted {} pages, 0 links", layout.pages.len()));
    }

    #[test]
    fn pdf_paper_pages_are_shown_at_their_own_size_with_a_panel_naming_them() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/children-and-families-panel.peerpack");
        let loaded = crate::store::load_pack(&path).expect("sample pack loads");
        let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
        let layout = crate::briefing::lay_out_pack_with_documents(
            &loaded.pack,
            &loaded.reviews,
            &docs,
            crate::briefing::Visibility::Private,
            crate::briefing::PackPart::Main,
        )
        .expect("lays out");
        let landscape = layout
            .pages
            .iter()
            .find(|p| p.imported.is_some() && p.size().0 > p.size().1)
            .expect("the sample's landscape appendix");
        let size = sheet_size(landscape, 0.5);
        assert!(size.x > size.y, "shown landscape: {size:?}");
        assert!((size.x - landscape.size().0 * 0.5).abs() < 0.01);
        let page = landscape.clone();
        let mut harness = egui_kittest::Harness::builder().with_size(egui::vec2(900.0, 700.0)).build_ui(move |ui| {
            install_fonts(ui.ctx());
            paint_page(ui.painter(), ui.max_rect().min, &page, 0.8);
            ui.label("painted");
        });
        harness.run();
        harness.get_by_label("painted");
    }

    #[test]
    fn text_lands_where_the_layout_put_it() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut widths = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter();
            for style in FontStyle::ALL {
                let text = "Children’s Tŷ Gwŷn £4.2m";
                let galley = painter.layout_no_wrap(text.into(), FontId::new(100.0, family(style)), Color32::BLACK);
                widths.push((galley.size().x, Fonts::get().width(style, 100.0, text)));
            }
        });
        output.textures_delta.clear();
        for (egui_w, pdf_w) in widths {
            // Same font file: egui's width is within 1 % of the PDF's even before correction.
            assert!((egui_w / pdf_w - 1.0).abs() < 0.01, "egui {egui_w} vs pdf {pdf_w}");
        }
    }
}

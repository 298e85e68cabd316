//! Paints a logo in the window's preview as the PDF prints it: a PNG as a texture (uploaded
//! once per picture and kept in egui's memory), an SVG as the triangles of its filled shapes in
//! their own colours, in the same box the PDF uses.

use eframe::egui::{self, Color32, ColorImage, Id, Mesh, Pos2, Rect, TextureHandle, TextureOptions};

use crate::model::Artwork;
use crate::model::logo::{Picture, Raster, Vector};

/// Paints `artwork` stretched to `rect` (layout already kept its proportions).
pub fn paint_picture(painter: &egui::Painter, rect: Rect, artwork: &Artwork) {
    match &artwork.picture {
        Picture::Raster(r) => {
            let texture = texture(painter.ctx(), artwork.key, r);
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture.id(), rect, uv, Color32::WHITE);
        }
        Picture::Vector(v) => {
            painter.add(egui::Shape::mesh(mesh(v, rect)));
        }
    }
}

fn texture(ctx: &egui::Context, key: u64, r: &Raster) -> TextureHandle {
    let id = Id::unique(("peerbrief-logo", key));
    if let Some(t) = ctx.data(|d| d.get_temp::<TextureHandle>(id)) {
        return t;
    }
    let size = [r.width as usize, r.height as usize];
    let image = ColorImage::from_rgba_unmultiplied(size, &r.rgba);
    let t = ctx.load_texture(format!("logo-{key:016x}"), image, TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, t.clone()));
    t
}

/// The shapes' triangles mapped from the SVG canvas into `rect`.
pub(crate) fn mesh(v: &Vector, rect: Rect) -> Mesh {
    let sx = rect.width() / v.width.max(f32::EPSILON);
    let sy = rect.height() / v.height.max(f32::EPSILON);
    let mut mesh = Mesh::default();
    for shape in &v.shapes {
        let [r, g, b] = shape.colour;
        let colour = Color32::from_rgb(r, g, b);
        for tri in shape.triangles.chunks_exact(3) {
            let base = mesh.vertices.len() as u32;
            for p in tri {
                mesh.colored_vertex(Pos2::new(rect.min.x + p[0] * sx, rect.min.y + p[1] * sy), colour);
            }
            mesh.add_triangle(base, base + 1, base + 2);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Logo;

    fn sample(name: &str) -> std::sync::Arc<Artwork> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/logos").join(name);
        let data = std::fs::read(path).expect("sample logo");
        crate::model::logo::decode(&Logo { alt: "Harbridge".into(), data: data.into() }).expect("decodes")
    }

    #[test]
    fn the_svg_fills_the_box_the_pdf_draws_it_in() {
        let art = sample("harbridge.svg");
        let Picture::Vector(v) = &art.picture else { panic!("vector") };
        let rect = Rect::from_min_size(Pos2::new(100.0, 50.0), egui::vec2(150.0, 50.0));
        let mesh = mesh(v, rect);
        assert!(mesh.vertices.len() > 300, "{} vertices", mesh.vertices.len());
        let bounds = mesh.calc_bounds();
        assert!(rect.expand(0.01).contains_rect(bounds), "{bounds:?} inside {rect:?}");
        // The shield's left edge and top and the lettering's right end reach the box's edges.
        assert!((bounds.left() - rect.left()).abs() < 5.0 && (bounds.top() - rect.top()).abs() < 3.0, "{bounds:?}");
        assert!(bounds.right() > rect.right() - 10.0, "{bounds:?}");
        let navy = Color32::from_rgb(0x1d, 0x35, 0x57);
        assert!(mesh.vertices.iter().any(|v| v.color == navy));
    }

    #[test]
    fn a_png_is_uploaded_once_and_drawn_over_its_box() {
        let art = sample("harbridge.png");
        let ctx = egui::Context::default();
        let rect = Rect::from_min_size(Pos2::new(10.0, 10.0), egui::vec2(120.0, 40.0));
        let mut uploads = Vec::new();
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| paint_picture(ui.painter(), rect, &art));
            // Texture 0 is egui's font atlas; anything else is the logo.
            uploads.push(output.textures_delta.set.iter().filter(|(id, _)| *id != &egui::TextureId::default()).count());
            output.textures_delta.clear();
            let drawn =
                output.shapes.iter().any(|s| matches!(&s.shape, egui::Shape::Mesh(m) if m.calc_bounds() == rect));
            assert!(drawn, "an image mesh over the box");
        }
        assert_eq!(uploads, vec![1, 0], "uploaded in the first frame only");
    }
}

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

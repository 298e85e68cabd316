//! Pictures in the PDF: each distinct logo becomes one XObject in the document — a PNG an image
//! XObject (with a soft mask for its transparency), an SVG a form XObject of path operators —
//! and every page that shows it draws that one object (`Do`, written by content.rs: both kinds
//! fill the unit square), so a 40-page pack carries its logo once.

use std::collections::HashMap;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, PdfDocument, RawImage, RawImageData, RawImageFormat, XObjectId,
};

use super::page::{Item, Page};
use crate::model::logo::{Picture, Segment, Vector};

/// The XObject of each artwork (by its key) used anywhere in `pages`.
pub(super) fn add_pictures(doc: &mut PdfDocument, pages: &[Page]) -> HashMap<u64, XObjectId> {
    let mut ids = HashMap::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        let Item::Image { artwork, .. } = item else { continue };
        ids.entry(artwork.key).or_insert_with(|| match &artwork.picture {
            Picture::Raster(r) => doc.add_image(&RawImage {
                pixels: RawImageData::U8(if r.has_transparency() {
                    r.rgba.clone()
                } else {
                    r.rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect()
                }),
                width: r.width as usize,
                height: r.height as usize,
                data_format: if r.has_transparency() { RawImageFormat::RGBA8 } else { RawImageFormat::RGB8 },
                tag: Vec::new(),
            }),
            Picture::Vector(v) => doc.add_xobject(&form(v)),
        });
    }
    ids
}

/// A form XObject drawing the SVG's shapes in its own units; its matrix maps the canvas (y
/// down) onto the unit square (y up).
fn form(v: &Vector) -> ExternalXObject {
    let (w, h) = (v.width.max(f32::EPSILON), v.height.max(f32::EPSILON));
    let mut content = String::new();
    let num = |n: f32| {
        let s = format!("{n:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".to_owned() } else { s.to_owned() }
    };
    for shape in &v.shapes {
        let [r, g, b] = shape.colour.map(|c| num(f32::from(c) / 255.0));
        content.push_str(&format!("{r} {g} {b} rg\n"));
        for segment in &shape.outline {
            match segment {
                Segment::MoveTo([x, y]) => content.push_str(&format!("{} {} m\n", num(*x), num(*y))),
                Segment::LineTo([x, y]) => content.push_str(&format!("{} {} l\n", num(*x), num(*y))),
                Segment::CubicTo([x1, y1], [x2, y2], [x, y]) => content.push_str(&format!(
                    "{} {} {} {} {} {} c\n",
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2),
                    num(*x),
                    num(*y)
                )),
                Segment::Close => content.push_str("h\n"),
            }
        }
        content.push_str(if shape.even_odd { "f*\n" } else { "f\n" });
    }
    let real = DictItem::Real;
    let dict = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Form".to_vec())),
        ("BBox", DictItem::Array(vec![real(0.0), real(0.0), real(w), real(h)])),
        ("Matrix", DictItem::Array(vec![real(1.0 / w), real(0.0), real(0.0), real(-1.0 / h), real(0.0), real(1.0)])),
        ("Resources", DictItem::Dict { map: Default::default() }),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    ExternalXObject {
        stream: ExternalStream { dict, content: content.into_bytes(), compress: true },
        width: None,
        height: None,
        dpi: None,
    }
}

//! SVG logos, kept vector: `usvg` (built without its text features) reads the SVG and
//! resolves styles, transforms and `<use>`; every filled or stroked path becomes a [`Shape`]
//! filled in one colour. Strokes are turned into the outlines they cover, so the PDF and the
//! window's preview both only ever fill paths and look the same.
//!
//! Not drawn, because a council logo does not need them and the preview could not match the
//! PDF: text (convert it to paths), embedded pictures, filters, masks and clipping. Gradients
//! are filled with the average of their stops; opacity is mixed with the white page.

use usvg::tiny_skia_path::{self, PathSegment};

use super::LogoError;
use super::tessellate::fill_triangles;

/// A point in the SVG's own units, y growing downwards.
pub type Point = [f32; 2];

/// One step of a path outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    MoveTo(Point),
    LineTo(Point),
    CubicTo(Point, Point, Point),
    Close,
}

/// A path filled in one colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// sRGB, already mixed with white by the shape's opacity.
    pub colour: [u8; 3],
    /// The even-odd rule (`fill-rule="evenodd"`); otherwise non-zero winding.
    pub even_odd: bool,
    pub outline: Vec<Segment>,
    /// The same area as triangles (three points each), for the window's preview.
    pub triangles: Vec<Point>,
}

/// An SVG logo: its shapes in drawing order, on a canvas `width` × `height` SVG units.
#[derive(Clone, Debug, PartialEq)]
pub struct Vector {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
    /// Parts of the SVG that were left out, for a layout warning ("text").
    pub left_out: Vec<&'static str>,
}

pub(super) fn decode(bytes: &[u8]) -> Result<Vector, LogoError> {
    // Pictures inside the SVG are not drawn; never read the files or data they point to (the
    // default resolver would open local paths named in the file).
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| LogoError::BadSvg(e.to_string()))?;
    let size = tree.size();
    let mut out = Vector { width: size.width(), height: size.height(), shapes: Vec::new(), left_out: Vec::new() };
    if String::from_utf8_lossy(bytes).contains("<text") {
        out.left_out.push("text (convert it to paths)");
    }
    walk(tree.root(), 1.0, &mut out);
    if out.shapes.is_empty() {
        return Err(LogoError::NothingDrawn);
    }
    Ok(out)
}

fn walk(group: &usvg::Group, opacity: f32, out: &mut Vector) {
    let opacity = opacity * group.opacity().get();
    if group.clip_path().is_some() || group.mask().is_some() || !group.filters().is_empty() {
        note(out, "clipping, masks and filters");
    }
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => walk(g, opacity, out),
            usvg::Node::Path(p) if p.is_visible() => add_path(p, opacity, out),
            usvg::Node::Path(_) => {}
            usvg::Node::Image(_) => note(out, "embedded pictures"),
            usvg::Node::Text(_) => note(out, "text (convert it to paths)"),
        }
    }
}

fn note(out: &mut Vector, what: &'static str) {
    if !out.left_out.contains(&what) {
        out.left_out.push(what);
    }
}

fn add_path(path: &usvg::Path, opacity: f32, out: &mut Vector) {
    let ts = path.abs_transform();
    let fill = path.fill().map(|f| (f.paint(), f.opacity().get(), f.rule() == usvg::FillRule::EvenOdd));
    let stroke = path.stroke().map(|s| (s.paint(), s.opacity().get(), s.to_tiny_skia()));
    let fill_shape = fill.and_then(|(paint, alpha, even_odd)| {
        let outline = path.data().clone().transform(ts)?;
        Some(shape(&outline, paint, alpha * opacity, even_odd))
    });
    let stroke_shape = stroke.and_then(|(paint, alpha, stroke)| {
        // Stroked in the path's own units, then placed: a scaled logo keeps its line weights.
        let outline = path.data().stroke(&stroke, 1.0)?.transform(ts)?;
        Some(shape(&outline, paint, alpha * opacity, false))
    });
    let (first, second) = match path.paint_order() {
        usvg::PaintOrder::FillAndStroke => (fill_shape, stroke_shape),
        usvg::PaintOrder::StrokeAndFill => (stroke_shape, fill_shape),
    };
    out.shapes.extend(first.into_iter().chain(second).filter(|s| !s.triangles.is_empty()));
}

fn shape(path: &tiny_skia_path::Path, paint: &usvg::Paint, alpha: f32, even_odd: bool) -> Shape {
    let mut outline = Vec::new();
    let mut last = [0.0, 0.0];
    for segment in path.segments() {
        let p = |pt: tiny_skia_path::Point| [pt.x, pt.y];
        match segment {
            PathSegment::MoveTo(a) => {
                last = p(a);
                outline.push(Segment::MoveTo(last));
            }
            PathSegment::LineTo(a) => {
                last = p(a);
                outline.push(Segment::LineTo(last));
            }
            PathSegment::QuadTo(c, a) => {
                // The exact cubic of a quadratic Bézier.
                let (c, a) = (p(c), p(a));
                let c1 = [last[0] + 2.0 / 3.0 * (c[0] - last[0]), last[1] + 2.0 / 3.0 * (c[1] - last[1])];
                let c2 = [a[0] + 2.0 / 3.0 * (c[0] - a[0]), a[1] + 2.0 / 3.0 * (c[1] - a[1])];
                outline.push(Segment::CubicTo(c1, c2, a));
                last = a;
            }
            PathSegment::CubicTo(c1, c2, a) => {
                last = p(a);
                outline.push(Segment::CubicTo(p(c1), p(c2), last));
            }
            PathSegment::Close => outline.push(Segment::Close),
        }
    }
    let triangles = fill_triangles(&outline, even_odd);
    Shape { colour: on_white(colour_of(paint), alpha), even_odd, outline, triangles }
}

fn colour_of(paint: &usvg::Paint) -> [u8; 3] {
    let average = |stops: &[usvg::Stop]| {
        if stops.is_empty() {
            return [128, 128, 128];
        }
        let n = stops.len() as u32;
        let sum = stops.iter().fold([0u32; 3], |s, stop| {
            let c = stop.color();
            [s[0] + u32::from(c.red), s[1] + u32::from(c.green), s[2] + u32::from(c.blue)]
        });
        sum.map(|v| u8::try_from(v / n).unwrap_or(u8::MAX))
    };
    match paint {
        usvg::Paint::Color(c) => [c.red, c.green, c.blue],
        usvg::Paint::LinearGradient(g) => average(g.stops()),
        usvg::Paint::RadialGradient(g) => average(g.stops()),
        usvg::Paint::Pattern(_) => [128, 128, 128],
    }
}

/// The colour seen when `colour` is painted at `alpha` on a white page.
fn on_white(colour: [u8; 3], alpha: f32) -> [u8; 3] {
    let a = alpha.clamp(0.0, 1.0);
    colour.map(|c| (f32::from(c) * a + 255.0 * (1.0 - a)).round().clamp(0.0, 255.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_strokes_and_transforms_are_read() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="400" height="200">
            <rect x="10" y="10" width="80" height="80" fill="#1d70b8"/>
            <g transform="translate(100 0)" opacity="0.5">
              <circle cx="50" cy="50" r="40" fill="none" stroke="#000" stroke-width="4"/>
            </g>
            <text x="0" y="90">Council</text>
        </svg>"##;
        let v = decode(svg).expect("decodes");
        assert_eq!((v.width, v.height), (400.0, 200.0));
        assert_eq!(v.shapes.len(), 2, "{:?}", v.shapes);
        assert_eq!(v.shapes[0].colour, [0x1d, 0x70, 0xb8]);
        assert_eq!(v.shapes[1].colour, [128, 128, 128], "black at half opacity on white");
        // The rectangle is scaled by the viewBox: 20..180 in canvas units.
        let xs: Vec<f32> = v.shapes[0]
            .outline
            .iter()
            .filter_map(|s| match s {
                Segment::MoveTo(p) | Segment::LineTo(p) => Some(p[0]),
                _ => None,
            })
            .collect();
        assert!(xs.iter().all(|x| (*x - 20.0).abs() < 0.01 || (*x - 180.0).abs() < 0.01), "{xs:?}");
        assert_eq!(v.left_out, vec!["text (convert it to paths)"]);
    }

    #[test]
    fn pictures_inside_the_svg_are_never_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let png = dir.path().join("secret.png");
        std::fs::write(&png, super::super::tests::tiny_png()).expect("write");
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
            <rect width="10" height="10" fill="red"/><image xlink:href="{}" width="10" height="10"/></svg>"#,
            png.display()
        );
        let v = decode(svg.as_bytes()).expect("decodes");
        assert_eq!(v.shapes.len(), 1, "only the rectangle");
        assert!(v.left_out.is_empty(), "the picture was not even loaded: {:?}", v.left_out);
    }

    #[test]
    fn broken_and_empty_svgs_are_refused() {
        assert!(matches!(decode(b"<svg xmlns='http://www.w3.org/2000/svg'><rect"), Err(LogoError::BadSvg(_))));
        assert_eq!(
            decode(b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"),
            Err(LogoError::NothingDrawn)
        );
    }
}

//! Turns filled outlines into triangles for the window's preview (egui draws triangles; its own
//! path filling handles only convex shapes). Curves are flattened, then the area is cut into
//! horizontal bands at every vertex and crossing, and each band's inside spans (by the
//! non-zero or even-odd rule, as the PDF fills them) become trapezoids of two triangles.

use super::vector::{Point, Segment};

/// Above this many edges, crossings are not searched for (a quadratic search): the fill is
/// then exact only where edges do not cross, which outlines rarely do.
const MAX_EDGES_FOR_CROSSINGS: usize = 20_000;

struct Edge {
    top: Point,
    bottom: Point,
    /// +1 if the outline runs downwards along this edge, −1 upwards.
    winding: i32,
}

impl Edge {
    fn x_at(&self, y: f32) -> f32 {
        let dy = self.bottom[1] - self.top[1];
        if dy.abs() < f32::EPSILON {
            return self.top[0];
        }
        self.top[0] + (self.bottom[0] - self.top[0]) * (y - self.top[1]) / dy
    }
}

/// The area inside `outline` as a list of triangles (three points each).
pub(super) fn fill_triangles(outline: &[Segment], even_odd: bool) -> Vec<Point> {
    let edges = edges(&flatten(outline));
    let mut ys: Vec<f32> = edges.iter().flat_map(|e| [e.top[1], e.bottom[1]]).collect();
    if edges.len() <= MAX_EDGES_FOR_CROSSINGS {
        crossings(&edges, &mut ys);
    }
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1e-4);
    let mut triangles = Vec::new();
    let mut active: Vec<(f32, f32, f32, i32)> = Vec::new();
    for band in ys.windows(2) {
        let (y0, y1) = (band[0], band[1]);
        let mid = (y0 + y1) / 2.0;
        active.clear();
        active.extend(
            edges
                .iter()
                .filter(|e| e.top[1] <= mid && e.bottom[1] > mid)
                .map(|e| (e.x_at(mid), e.x_at(y0), e.x_at(y1), e.winding)),
        );
        active.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut winding = 0;
        for pair in active.windows(2) {
            winding += pair[0].3;
            let inside = if even_odd { winding % 2 != 0 } else { winding != 0 };
            if inside {
                let (a, b) = (pair[0], pair[1]);
                let (tl, tr, br, bl) = ([a.1, y0], [b.1, y0], [b.2, y1], [a.2, y1]);
                triangles.extend([tl, tr, br, tl, br, bl]);
            }
        }
    }
    triangles
}

/// Closed polygons, curves flattened into short lines.
fn flatten(outline: &[Segment]) -> Vec<Vec<Point>> {
    let mut contours: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for segment in outline {
        match *segment {
            Segment::MoveTo(p) => {
                if current.len() > 2 {
                    contours.push(std::mem::take(&mut current));
                }
                current.clear();
                current.push(p);
            }
            Segment::LineTo(p) => current.push(p),
            Segment::CubicTo(c1, c2, p) => {
                let p0 = current.last().copied().unwrap_or(p);
                let hull = dist(p0, c1) + dist(c1, c2) + dist(c2, p);
                let steps = (hull / 2.0).ceil().clamp(4.0, 64.0) as usize;
                for i in 1..=steps {
                    let t = i as f32 / steps as f32;
                    let u = 1.0 - t;
                    let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
                    current.push([
                        w[0] * p0[0] + w[1] * c1[0] + w[2] * c2[0] + w[3] * p[0],
                        w[0] * p0[1] + w[1] * c1[1] + w[2] * c2[1] + w[3] * p[1],
                    ]);
                }
            }
            Segment::Close => {
                if current.len() > 2 {
                    let start = current[0];
                    contours.push(std::mem::take(&mut current));
                    current.push(start);
                } else {
                    current.clear();
                }
            }
        }
    }
    if current.len() > 2 {
        contours.push(current);
    }
    contours
}

fn dist(a: Point, b: Point) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// Every non-horizontal edge of the (implicitly closed) contours.
fn edges(contours: &[Vec<Point>]) -> Vec<Edge> {
    let mut out = Vec::new();
    for contour in contours {
        for (i, &a) in contour.iter().enumerate() {
            let b = contour[(i + 1) % contour.len()];
            if (a[1] - b[1]).abs() < 1e-6 || !a.iter().chain(&b).all(|v| v.is_finite()) {
                continue;
            }
            out.push(if a[1] < b[1] {
                Edge { top: a, bottom: b, winding: 1 }
            } else {
                Edge { top: b, bottom: a, winding: -1 }
            });
        }
    }
    out
}

/// Adds the y of every point where two edges cross, so no band has crossing edges.
fn crossings(edges: &[Edge], ys: &mut Vec<f32>) {
    for (i, a) in edges.iter().enumerate() {
        for b in &edges[i + 1..] {
            let top = a.top[1].max(b.top[1]);
            let bottom = a.bottom[1].min(b.bottom[1]);
            if bottom <= top {
                continue;
            }
            let (d0, d1) = (a.x_at(top) - b.x_at(top), a.x_at(bottom) - b.x_at(bottom));
            if d0 * d1 < 0.0 {
                ys.push(top + (bottom - top) * d0 / (d0 - d1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(triangles: &[Point]) -> f32 {
        triangles
            .chunks_exact(3)
            .map(|t| {
                ((t[1][0] - t[0][0]) * (t[2][1] - t[0][1]) - (t[2][0] - t[0][0]) * (t[1][1] - t[0][1])).abs() / 2.0
            })
            .sum()
    }

    fn square(x: f32, y: f32, side: f32, clockwise: bool) -> Vec<Segment> {
        let mut pts = [[x, y], [x + side, y], [x + side, y + side], [x, y + side]];
        if !clockwise {
            pts.reverse();
        }
        let mut out = vec![Segment::MoveTo(pts[0])];
        out.extend(pts[1..].iter().map(|p| Segment::LineTo(*p)));
        out.push(Segment::Close);
        out
    }

    #[test]
    fn a_square_with_a_hole_by_either_rule() {
        let mut outline = square(0.0, 0.0, 10.0, true);
        outline.extend(square(3.0, 3.0, 4.0, false));
        assert!((area(&fill_triangles(&outline, false)) - 84.0).abs() < 0.01, "non-zero, opposite winding");
        let mut same = square(0.0, 0.0, 10.0, true);
        same.extend(square(3.0, 3.0, 4.0, true));
        assert!((area(&fill_triangles(&same, false)) - 100.0).abs() < 0.01, "non-zero, same winding fills");
        assert!((area(&fill_triangles(&same, true)) - 84.0).abs() < 0.01, "even-odd always cuts the hole");
    }

    #[test]
    fn a_circle_of_curves_and_a_bow_tie() {
        // Four cubic quarter arcs of radius 10: area π r² within the flattening error.
        let k = 0.552_284_8 * 10.0;
        let outline = vec![
            Segment::MoveTo([10.0, 0.0]),
            Segment::CubicTo([10.0, k], [k, 10.0], [0.0, 10.0]),
            Segment::CubicTo([-k, 10.0], [-10.0, k], [-10.0, 0.0]),
            Segment::CubicTo([-10.0, -k], [-k, -10.0], [0.0, -10.0]),
            Segment::CubicTo([k, -10.0], [10.0, -k], [10.0, 0.0]),
            Segment::Close,
        ];
        let a = area(&fill_triangles(&outline, false));
        assert!((a - std::f32::consts::PI * 100.0).abs() < 2.0, "{a}");
        // A bow tie crosses itself at (5, 5): two triangles of 25 each.
        let tie = vec![
            Segment::MoveTo([0.0, 0.0]),
            Segment::LineTo([10.0, 10.0]),
            Segment::LineTo([10.0, 0.0]),
            Segment::LineTo([0.0, 10.0]),
            Segment::Close,
        ];
        assert!((area(&fill_triangles(&tie, false)) - 50.0).abs() < 0.01);
    }
}

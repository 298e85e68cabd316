//! A page's content stream, written as bytes straight from the layout's items.
//!
//! printpdf's own route builds every operator as lopdf objects and formats them one by one
//! (each glyph id a separately written hex digit pair): about a third of a briefing's time. Here
//! the same operators are written into one buffer: shapes first, then text, every run inside
//! its marked-content sequence ([`Plan::begin`]). printpdf still embeds the fonts and pictures
//! and makes the link annotations; the names used here are the resource names it gives them.

use std::collections::HashMap;
use std::io::Write;

use super::fonts::FontStyle;
use super::page::{Colour, Item, Page};
use super::pdf_fonts::PdfFonts;
use super::tagged_pdf::{Pass, Plan};

/// What the pages' resources are called: the fonts (pdf_fonts.rs, with each character's code)
/// and the pictures (printpdf's `XObjectId` strings).
pub(crate) struct Names<'a> {
    pub fonts: &'a PdfFonts,
    pub pictures: &'a HashMap<u64, String>,
}

/// A number as printpdf (through lopdf) writes it: the shortest decimal that reads back as the
/// same `f32`, never `-0`. The same number, so the same rendering to the pixel. zmij (already
/// in the tree through serde_json) finds those digits in a fraction of `{}`'s time, which was a
/// twentieth of a pack's; its exponent form ("1e-7") is not PDF syntax, so such a number, which
/// layout never makes, goes through `{}`.
pub(crate) fn num(out: &mut Vec<u8>, v: f32) {
    if v == 0.0 || !v.is_finite() {
        out.push(b'0');
        return;
    }
    let mut buffer = zmij::Buffer::new();
    let s = buffer.format_finite(v);
    if s.contains('e') {
        let _ = write!(out, "{v}");
    } else {
        out.extend_from_slice(s.strip_suffix(".0").unwrap_or(s).as_bytes());
    }
}

fn nums(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        num(out, *v);
        out.push(b' ');
    }
}

fn colour(out: &mut Vec<u8>, c: Colour, op: &[u8]) {
    nums(out, &[f32::from(c.r) / 255.0, f32::from(c.g) / 255.0, f32::from(c.b) / 255.0]);
    out.extend_from_slice(op);
    out.push(b'\n');
}

/// Closes the open marked-content sequence, if any, and opens segment `s`'s unless it is
/// already open.
fn mark(plan: &mut Plan, open: &mut Option<u32>, s: u32, page: usize, pass: Pass, out: &mut Vec<u8>) {
    if *open == Some(s) {
        return;
    }
    if open.take().is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    if plan.begin(s, page, pass, out) {
        *open = Some(s);
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The content stream of layout page `index`.
pub(crate) fn page_content(page: &Page, index: usize, names: &Names<'_>, plan: &mut Plan) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * page.items.len() + 64);
    let page_height = page.size().1;
    let flip = |y: f32| page_height - y;
    // Shapes first so text is drawn over table shading.
    let mut open: Option<u32> = None;
    for (i, item) in page.items.iter().enumerate() {
        if matches!(item, Item::Rect { .. } | Item::Rule { .. } | Item::Image { .. }) {
            mark(plan, &mut open, plan.segment(index, i), index, Pass::Shapes, &mut out);
        }
        match item {
            Item::Rect { x, y, width, height, fill } => {
                colour(&mut out, *fill, b"rg");
                nums(&mut out, &[*x, flip(*y + *height), *width, *height]);
                out.extend_from_slice(b"re\nf\n");
            }
            Item::Rule { x1, y1, x2, y2, width, colour: c } => {
                colour(&mut out, *c, b"RG");
                nums(&mut out, &[*width]);
                out.extend_from_slice(b"w\n");
                nums(&mut out, &[*x1, flip(*y1)]);
                out.extend_from_slice(b"m\n");
                nums(&mut out, &[*x2, flip(*y2)]);
                out.extend_from_slice(b"l\nS\n");
            }
            Item::Image { x, y, width, height, artwork } => {
                // Both kinds of picture fill the unit square (see pdf_images).
                if let Some(name) = names.pictures.get(&artwork.key) {
                    out.extend_from_slice(b"q\n");
                    nums(&mut out, &[*width, 0.0, 0.0, *height, *x, flip(*y + *height)]);
                    let _ = writeln!(out, "cm\n/{name} Do\nQ");
                }
            }
            Item::Text(_) | Item::Link { .. } | Item::Uri { .. } => {}
        }
    }
    if open.take().is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    out.extend_from_slice(b"BT\n");
    let mut current: Option<(FontStyle, f32)> = None;
    let mut current_colour: Option<Colour> = None;
    for (i, item) in page.items.iter().enumerate() {
        let Item::Text(t) = item else { continue };
        mark(plan, &mut open, plan.segment(index, i), index, Pass::Text, &mut out);
        let face = names.fonts.faces[t.style as usize].as_ref();
        if current != Some((t.style, t.size)) {
            if let Some(face) = face {
                out.push(b'/');
                out.extend_from_slice(face.name.as_bytes());
                out.push(b' ');
                nums(&mut out, &[t.size]);
                out.extend_from_slice(b"Tf\n");
            }
            current = Some((t.style, t.size));
        }
        if current_colour != Some(t.colour) {
            colour(&mut out, t.colour, b"rg");
            current_colour = Some(t.colour);
        }
        out.extend_from_slice(b"1 0 0 1 ");
        nums(&mut out, &[t.x, flip(t.y)]);
        out.extend_from_slice(b"Tm\n<");
        // Identity-H: each character as its two-byte glyph id (0, `.notdef`, when the face
        // lacks it, as printpdf does; layout has already replaced such characters).
        for c in t.text.chars() {
            let gid = face.map_or(0, |f| f.codes.get(c));
            for shift in [12, 8, 4, 0] {
                out.push(HEX[usize::from((gid >> shift) & 0xF)]);
            }
        }
        out.extend_from_slice(b"> Tj\n");
    }
    if open.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    out.extend_from_slice(b"ET\n");
    out
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_read_back_as_the_same_f32_and_never_as_negative_zero() {
        let show = |v: f32| {
            let mut out = Vec::new();
            num(&mut out, v);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(show(56.692917), "56.692917");
        assert_eq!(show(10.0), "10");
        assert_eq!(show(-0.0), "0");
        assert_eq!(show(-12.5), "-12.5");
        assert_eq!(show(1e-7), "0.0000001");
        for v in [743.30054f32, 0.5019608, 841.8898] {
            assert_eq!(show(v).parse::<f32>().unwrap(), v);
        }
        assert_eq!(show(1e20), "100000000000000000000");
    }

    #[test]
    fn numbers_read_back_exactly_in_as_few_digits_as_rust_prints() {
        // Page coordinates, sizes and colour components, and values far outside them.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let bits = next();
            let v = match bits % 4 {
                0 => (bits >> 8) as u32 as f32 / u32::MAX as f32 * 900.0,
                1 => f32::from(((bits >> 8) % 256) as u8) / 255.0,
                2 => ((bits >> 8) % 100_000) as f32 / 1000.0 - 50.0,
                _ => f32::from_bits((bits >> 16) as u32),
            };
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let mut out = Vec::new();
            num(&mut out, v);
            let ours = String::from_utf8(out).unwrap();
            // As short as Rust's, and the same number: where two shortest spellings are equally
            // near (-4057299.25 as "-4057299.2" or "-4057299.3") the two may choose differently.
            assert_eq!(ours.parse::<f32>().ok(), Some(v), "{v:e} written as {ours}");
            assert_eq!(ours.len(), format!("{v}").len(), "{v:e} written as {ours}");
        }
    }
}

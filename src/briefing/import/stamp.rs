//! The pack's stamp on an imported page: its page number where PeerBrief's own pages have it,
//! and the protective marking when above OFFICIAL, each on a white ground. The source's content
//! is scaled down (at most 5 %) when its own text reaches into the band the stamp needs.

use lopdf::content::Content;

use super::{Matrix, apply, then};
use crate::briefing::compose::{MARGIN_LEFT, MARGIN_RIGHT, Style, fit_with_ellipsis, run};
use crate::briefing::fonts::{FontStyle, Fonts};
use crate::briefing::page::{Colour, Item, MM};
use crate::model::ProtectiveMarking;

/// Height of the band at the foot of a page kept for the stamp (the page number's baseline sits
/// 15 mm from the foot, as on PeerBrief's own pages; the marking's at 8 mm).
pub(crate) const FOOT_BAND: f32 = 19.5 * MM;
/// The most the content is shrunk to make room.
const MIN_SCALE: f32 = 0.95;

pub(crate) struct Fit {
    pub scale: f32,
    /// The text needed more than [`MIN_SCALE`]; the stamp may touch it.
    pub clamped: bool,
}

/// How much to scale the page (about its top centre) so that no text falls in the bottom `band`
/// points. `upright` maps the page's user space to the displayed page (bottom-left origin).
pub(crate) fn fit_above_foot_band(content: &[u8], upright: Matrix, height: f32, band: f32) -> Fit {
    let Some(lowest) = lowest_text(content, upright, height) else { return Fit { scale: 1.0, clamped: false } };
    if lowest >= band {
        return Fit { scale: 1.0, clamped: false };
    }
    // y' = s·y + H(1 − s) ≥ band  ⇔  s ≤ (H − band) / (H − y)
    let needed = (height - band) / (height - lowest).max(1.0);
    if needed < MIN_SCALE {
        Fit { scale: MIN_SCALE, clamped: true }
    } else {
        Fit { scale: needed.min(1.0), clamped: false }
    }
}

fn operand(ops: &[lopdf::Object], i: usize) -> f32 {
    ops.get(i).and_then(|o| o.as_float().ok()).filter(|v| v.is_finite()).unwrap_or(0.0)
}

/// The lowest point of any text drawn on the page (baseline less a descent allowance), on the
/// displayed page, ignoring text outside it. Follows `q`/`Q`/`cm` and the text matrices; text
/// inside form XObjects is not seen.
fn lowest_text(content: &[u8], upright: Matrix, height: f32) -> Option<f32> {
    let ops = Content::decode(content).ok()?.operations;
    let identity: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut ctm = identity;
    let mut stack: Vec<Matrix> = Vec::new();
    let (mut tm, mut tlm) = (identity, identity);
    let (mut size, mut leading) = (10.0_f32, 0.0_f32);
    let mut lowest: Option<f32> = None;
    for op in &ops {
        let o = &op.operands;
        match op.operator.as_str() {
            "q" if stack.len() < 64 => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(identity),
            "cm" if o.len() == 6 => {
                let m = [0, 1, 2, 3, 4, 5].map(|i| operand(o, i));
                ctm = then(m, ctm);
            }
            "BT" => {
                tm = identity;
                tlm = identity;
            }
            "Tf" => size = operand(o, 1),
            "TL" => leading = operand(o, 0),
            "Tm" if o.len() == 6 => {
                tm = [0, 1, 2, 3, 4, 5].map(|i| operand(o, i));
                tlm = tm;
            }
            "Td" | "TD" => {
                let (tx, ty) = (operand(o, 0), operand(o, 1));
                if op.operator == "TD" {
                    leading = -ty;
                }
                tlm = then([1.0, 0.0, 0.0, 1.0, tx, ty], tlm);
                tm = tlm;
            }
            "T*" => {
                tlm = then([1.0, 0.0, 0.0, 1.0, 0.0, -leading], tlm);
                tm = tlm;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator == "'" || op.operator == "\"" {
                    tlm = then([1.0, 0.0, 0.0, 1.0, 0.0, -leading], tlm);
                    tm = tlm;
                }
                let full = then(then(tm, ctm), upright);
                let (_, base) = apply(full, 0.0, 0.0);
                let (_, below) = apply(full, 0.0, -0.25 * size);
                let bottom = base.min(below);
                if (0.0..=height).contains(&base) {
                    lowest = Some(lowest.map_or(bottom, |l: f32| l.min(bottom)));
                }
            }
            _ => {}
        }
    }
    lowest
}

/// The stamp's items on an imported page of the displayed size `width` × `height`: "Page N of T"
/// at the foot on the right, `note` (the exempt notice of a private pack) at the foot on the
/// left, and the marking centred at the top and foot when above OFFICIAL.
pub(crate) fn stamp_items(
    width: f32,
    height: f32,
    page_text: &str,
    note: Option<&str>,
    marking: ProtectiveMarking,
) -> Vec<Item> {
    let fonts = Fonts::get();
    let white = Colour { r: 0xff, g: 0xff, b: 0xff };
    let small = Style::BODY.sized(8.5).with_colour(Colour::MUTED);
    let mut items = Vec::new();
    let grounded = |items: &mut Vec<Item>, text: &str, style: Style, x: f32, baseline: f32| {
        let w = fonts.width(style.style, style.size, text);
        items.push(Item::Rect {
            x: x - 1.5 * MM,
            y: baseline - style.size - 1.0 * MM,
            width: w + 3.0 * MM,
            height: style.size * 1.3 + 2.0 * MM,
            fill: white,
        });
        items.push(Item::Text(run(text, style, x, baseline)));
    };
    let nw = fonts.width(small.style, small.size, page_text);
    grounded(&mut items, page_text, small, width - MARGIN_RIGHT - nw, height - 15.0 * MM);
    if let Some(note) = note {
        let style = Style::BOLD.sized(8.5);
        let room = width - MARGIN_RIGHT - nw - 6.0 * MM - MARGIN_LEFT;
        let note = fit_with_ellipsis(note, style, room);
        grounded(&mut items, &note, style, MARGIN_LEFT, height - 15.0 * MM);
    }
    if marking != ProtectiveMarking::Official {
        let bold = Style::BOLD.sized(10.0);
        let label = marking.label();
        let mw = fonts.width(FontStyle::Bold, 10.0, label);
        grounded(&mut items, label, bold, (width - mw) / 2.0, 12.0 * MM);
        grounded(&mut items, label, bold, (width - mw) / 2.0, height - 8.0 * MM);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    const UPRIGHT: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

    #[test]
    fn text_in_the_foot_band_shrinks_the_page_just_enough() {
        let clear = b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET";
        assert_eq!(fit_above_foot_band(clear, UPRIGHT, 842.0, FOOT_BAND).scale, 1.0);
        let footer = b"BT /F1 10 Tf 1 0 0 1 72 40 Tm (Page 3) Tj ET";
        let fit = fit_above_foot_band(footer, UPRIGHT, 842.0, FOOT_BAND);
        assert!(fit.scale < 1.0 && fit.scale >= MIN_SCALE && !fit.clamped, "{}", fit.scale);
        let y = fit.scale * (40.0 - 2.5) + 842.0 * (1.0 - fit.scale);
        assert!((y - FOOT_BAND).abs() < 0.5, "lifted to the band's top: {y}");
        let very_low = b"q 1 0 0 1 0 -30 cm BT /F1 10 Tf 72 35 Td (x) Tj ET Q";
        let fit = fit_above_foot_band(very_low, UPRIGHT, 842.0, FOOT_BAND);
        assert!(fit.clamped && fit.scale == MIN_SCALE);
    }
}

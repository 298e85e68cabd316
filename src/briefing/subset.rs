//! A TrueType subsetter for the bundled faces.
//!
//! printpdf's own subsetting (allsorts) copies the whole 400 kB face onto the heap, parses it,
//! renumbers the glyphs, then parses the subset again: about a third of a briefing's PDF time and
//! most of its page faults. This one copies only the outlines of the glyphs used (and the
//! components of composite glyphs), numbers them in character order and says which id each
//! character got, so nothing needs to parse the subset again (pdf_fonts.rs writes the PDF font
//! from these ids). Tables a PDF font program does not need (layout tables, `kern`, glyph
//! names) are left out.

use std::collections::BTreeSet;

/// Tables kept in the subset, in tag order (the order a table directory lists them).
const KEEP: [&[u8; 4]; 13] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post", b"prep",
];

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    d.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    d.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// The table `tag` of `font` (a single-face sfnt).
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let n = usize::from(u16_at(font, 4)?);
    (0..n).find_map(|i| {
        let rec = 12 + 16 * i;
        if font.get(rec..rec + 4)? != tag {
            return None;
        }
        let (off, len) = (u32_at(font, rec + 8)? as usize, u32_at(font, rec + 12)? as usize);
        font.get(off..off.checked_add(len)?)
    })
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// The components of composite glyph `data`: where each one's glyph id is, and the id (empty
/// for a simple glyph).
fn components(data: &[u8]) -> Vec<(usize, u16)> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut out = Vec::new();
    if u16_at(data, 0).is_none_or(|n| (n as i16) >= 0) {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (u16_at(data, at), u16_at(data, at + 2)) {
        out.push((at + 2, gid));
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            break;
        }
    }
    out
}

/// A `cmap` with one Windows Unicode (3, 1) format 4 subtable mapping `chars` (sorted, BMP).
fn cmap(chars: &[(u16, u16)]) -> Vec<u8> {
    // Segments of consecutive characters with consecutive glyph ids, then the 0xFFFF one.
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // (start, end, first glyph)
    for &(c, g) in chars {
        match segments.last_mut() {
            Some((start, end, first))
                if u32::from(*end) + 1 == u32::from(c) && u32::from(*first) + u32::from(c - *start) == u32::from(g) =>
            {
                *end = c
            }
            _ => segments.push((c, c, g)),
        }
    }
    segments.retain(|&(_, end, _)| end != 0xFFFF);
    segments.push((0xFFFF, 0xFFFF, 0));
    let n = segments.len() as u16;
    let selector = n.ilog2() as u16;
    let search_range = 2u16 << selector;
    let length = 16 + 8 * n;
    let mut t = Vec::with_capacity(12 + usize::from(length));
    for v in [0u16, 1, 3, 1] {
        t.extend_from_slice(&v.to_be_bytes());
    }
    t.extend_from_slice(&12u32.to_be_bytes());
    for v in [4u16, length, 0, 2 * n, search_range, selector, 2 * n - search_range] {
        t.extend_from_slice(&v.to_be_bytes());
    }
    t.extend(segments.iter().flat_map(|s| s.1.to_be_bytes()));
    t.extend_from_slice(&[0, 0]);
    t.extend(segments.iter().flat_map(|s| s.0.to_be_bytes()));
    t.extend(segments.iter().flat_map(|s| if s.0 == 0xFFFF { 1u16 } else { s.2.wrapping_sub(s.0) }.to_be_bytes()));
    t.extend(segments.iter().flat_map(|_| 0u16.to_be_bytes()));
    t
}

/// The face `font` cut down to the glyphs of `chars` (character, glyph id; any order), with
/// `.notdef` first and the components of composite glyphs, renumbered (see below):
/// `glyf`, `loca`, `hmtx` and a new `cmap` cover only those glyphs; metrics, outlines and hinting
/// tables are as they were. `None` if the face is not a TrueType (`glyf`) font this can read.
pub fn subset(font: &[u8], chars: &[(char, u16)]) -> Option<Subset> {
    let head = table(font, b"head")?;
    let hhea = table(font, b"hhea")?;
    let hmtx = table(font, b"hmtx")?;
    let num_glyphs = usize::from(u16_at(table(font, b"maxp")?, 4)?);
    let long_metrics = usize::from(u16_at(hhea, 34)?).max(1);
    let long_loca = u16_at(head, 50)? != 0;
    let (loca, glyf) = (table(font, b"loca")?, table(font, b"glyf")?);
    let offset = |g: usize| -> Option<usize> {
        if long_loca {
            u32_at(loca, 4 * g).map(|o| o as usize)
        } else {
            u16_at(loca, 2 * g).map(|o| 2 * usize::from(o))
        }
    };
    let outline = |g: usize| -> Option<&[u8]> { glyf.get(offset(g)?..offset(g + 1)?) };

    // The glyphs to keep, with the components of composites (which may nest).
    let mut keep = BTreeSet::new();
    let mut todo: Vec<u16> = std::iter::once(0).chain(chars.iter().map(|&(_, g)| g)).collect();
    while let Some(g) = todo.pop() {
        if usize::from(g) < num_glyphs && keep.insert(g) {
            todo.extend(components(outline(usize::from(g))?).into_iter().map(|(_, c)| c));
        }
    }
    // New ids: `.notdef`, then the characters' glyphs in character order (so runs of consecutive
    // characters are runs of consecutive glyphs: few `cmap` segments, quick look-ups), then the
    // components only composites use.
    let mut order: Vec<u16> = vec![0];
    let mut new_id = vec![u16::MAX; num_glyphs];
    new_id[0] = 0;
    let mut by_char: Vec<(char, u16)> = chars.to_vec();
    by_char.sort_unstable();
    for g in by_char.iter().map(|&(_, g)| g).chain(keep.iter().copied()) {
        if let Some(slot) = new_id.get_mut(usize::from(g))
            && *slot == u16::MAX
        {
            *slot = order.len() as u16;
            order.push(g);
        }
    }

    let mut new_glyf = Vec::new();
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut new_hmtx = Vec::with_capacity(4 * order.len());
    for &g in &order {
        let g = usize::from(g);
        offsets.push(new_glyf.len());
        let at = new_glyf.len();
        let data = outline(g)?;
        new_glyf.extend_from_slice(data);
        for (pos, c) in components(data) {
            // A component past the last glyph (a broken font) becomes `.notdef`.
            let id = new_id.get(usize::from(c)).copied().filter(|&i| i != u16::MAX).unwrap_or(0);
            new_glyf[at + pos..at + pos + 2].copy_from_slice(&id.to_be_bytes());
        }
        // Short offsets count words; long ones are kept 4-aligned as recommended.
        new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        let advance = u16_at(hmtx, 4 * g.min(long_metrics - 1))?;
        let lsb = if g < long_metrics {
            u16_at(hmtx, 4 * g + 2)?
        } else {
            u16_at(hmtx, 4 * long_metrics + 2 * (g - long_metrics))?
        };
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    offsets.push(new_glyf.len());
    let count = order.len() as u16;
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let new_loca: Vec<u8> = if short {
        offsets.iter().flat_map(|&o| ((o / 2) as u16).to_be_bytes()).collect()
    } else {
        offsets.iter().flat_map(|&o| (o as u32).to_be_bytes()).collect()
    };
    let mut new_head = head.to_vec();
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
    new_head.get_mut(50..52)?.copy_from_slice(&u16::from(!short).to_be_bytes());
    let mut new_hhea = hhea.to_vec();
    new_hhea.get_mut(34..36)?.copy_from_slice(&count.to_be_bytes());
    let mut new_maxp = table(font, b"maxp")?.to_vec();
    new_maxp.get_mut(4..6)?.copy_from_slice(&count.to_be_bytes());
    // `post` version 3: the same metrics, no glyph names (a PDF never uses them).
    let mut new_post = table(font, b"post")?.get(..32)?.to_vec();
    new_post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mut mapped: Vec<(u16, u16)> = chars
        .iter()
        .filter_map(|&(c, g)| Some((u16::try_from(u32::from(c)).ok()?, *new_id.get(usize::from(g))?)))
        .filter(|&(_, g)| g != 0)
        .collect();
    mapped.sort_unstable();
    mapped.dedup_by_key(|m| m.0);
    let new_cmap = cmap(&mapped);

    let tables: Vec<(&[u8; 4], std::borrow::Cow<'_, [u8]>)> = KEEP
        .iter()
        .filter_map(|&tag| {
            let data = match tag {
                b"cmap" => new_cmap.as_slice().into(),
                b"glyf" => new_glyf.as_slice().into(),
                b"loca" => new_loca.as_slice().into(),
                b"head" => new_head.as_slice().into(),
                b"hhea" => new_hhea.as_slice().into(),
                b"hmtx" => new_hmtx.as_slice().into(),
                b"maxp" => new_maxp.as_slice().into(),
                b"post" => new_post.as_slice().into(),
                _ => table(font, tag)?.into(),
            };
            Some((tag, data))
        })
        .collect();

    let n = tables.len();
    let selector = n.ilog2() as u16;
    let search_range = 16u16 << selector;
    let mut out = Vec::with_capacity(12 + 16 * n + tables.iter().map(|(_, d)| d.len() + 3).sum::<usize>());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n as u16, search_range, selector, (n as u16) * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut at = 12 + 16 * n;
    let mut head_at = 0;
    for (tag, data) in &tables {
        out.extend_from_slice(&tag[..]);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if *tag == b"head" {
            head_at = at;
        }
        at += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    let glyphs = chars
        .iter()
        .map(|&(c, g)| (c, new_id.get(usize::from(g)).copied().filter(|&i| i != u16::MAX).unwrap_or(0)))
        .collect();
    Some(Subset { font: out, glyphs })
}

/// A cut-down face and where its characters went.
pub struct Subset {
    /// The font program (a TrueType sfnt).
    pub font: Vec<u8>,
    /// Each character asked for, with its glyph id in `font` (0 if the face has none).
    pub glyphs: Vec<(char, u16)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::FontStyle;
    use skrifa::instance::{LocationRef, Size};
    use skrifa::{FontRef, MetadataProvider};

    /// The outline bytes of glyph `g`, read through `loca` as a reader would.
    fn outline(font: &[u8], g: u16) -> Vec<u8> {
        let long = u16_at(table(font, b"head").unwrap(), 50).unwrap() != 0;
        let (loca, glyf) = (table(font, b"loca").unwrap(), table(font, b"glyf").unwrap());
        let at = |i: usize| {
            if long { u32_at(loca, 4 * i).unwrap() as usize } else { 2 * usize::from(u16_at(loca, 2 * i).unwrap()) }
        };
        glyf[at(usize::from(g))..at(usize::from(g) + 1)].to_vec()
    }

    /// True if `kept` is `wanted` followed by at most 3 bytes of padding.
    fn same(wanted: &[u8], kept: &[u8]) -> bool {
        kept.starts_with(wanted) && kept.len() < wanted.len() + 4
    }

    #[test]
    fn keeps_the_characters_metrics_and_outlines_used() {
        let text = "Children’s £4.2m café — Tŷ Gwŷn ŵ é Å fi";
        for style in FontStyle::ALL {
            let original = FontRef::new(style.ttf()).unwrap();
            let chars: Vec<(char, u16)> =
                text.chars().filter_map(|c| Some((c, original.charmap().map(c)?.to_u32() as u16))).collect();
            let cut = subset(style.ttf(), &chars).expect("subsets");
            let bytes = cut.font;
            assert!(bytes.len() < style.ttf().len() / 10, "{style:?}: {} bytes", bytes.len());
            let small = FontRef::new(&bytes).expect("the subset parses");
            let (ma, mb) = (
                original.glyph_metrics(Size::unscaled(), LocationRef::default()),
                small.glyph_metrics(Size::unscaled(), LocationRef::default()),
            );
            for &(c, g) in &chars {
                let new = small.charmap().map(c).unwrap_or_else(|| panic!("{style:?}: {c} mapped"));
                let told = cut.glyphs.iter().find(|&&(k, _)| k == c).map(|&(_, g)| u32::from(g));
                assert_eq!(
                    told,
                    Some(new.to_u32()),
                    "{c}: the glyph id the subsetter reports is the one its cmap maps"
                );
                assert_eq!(ma.advance_width(g.into()), mb.advance_width(new), "{c}: same advance");
                assert_eq!(ma.left_side_bearing(g.into()), mb.left_side_bearing(new), "{c}: same bearing");
                let (a, b) = (outline(style.ttf(), g), outline(&bytes, new.to_u32() as u16));
                let (ca, cb) = (components(&a), components(&b));
                assert_eq!(ca.len(), cb.len(), "{c}: components");
                if ca.is_empty() {
                    assert!(same(&a, &b), "{style:?} {c}: same outline");
                }
                for ((_, from), (_, to)) in ca.iter().zip(&cb) {
                    assert!(same(&outline(style.ttf(), *from), &outline(&bytes, *to)), "{c}: component kept");
                }
            }
            assert_eq!(small.charmap().map('Z'), None, "a character not asked for is not mapped");
            assert_eq!(checksum(&bytes), 0xB1B0_AFBA, "whole-font checksum");
        }
    }
}

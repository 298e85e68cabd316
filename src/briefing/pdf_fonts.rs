//! Fonts in the PDF: each face the pages draw text in, cut down to its characters
//! ([`Fonts::embed`]) and written as a Type0 font over a CIDFontType2 (Identity-H: each code is
//! the glyph id in the embedded program), with its `/W` widths and a ToUnicode map so that text
//! copies, searches and reads aloud as it was written.
//!
//! printpdf wrote these from its own parse of the subset (a second read of every glyph for the
//! widths and the map): about a seventh of a briefing's time. The subsetter already knows each
//! character's glyph id and the face its advance, so the dictionaries are written from those.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use super::fonts::{EmbeddedFace, FontStyle, Fonts};
use super::page::Page;

/// The fonts of one PDF: the resource name each face has on every page and the code each of its
/// characters is drawn with.
pub(crate) struct PdfFonts {
    /// By [`FontStyle`] (`style as usize`); `None` for a face no text uses.
    pub faces: [Option<PdfFace>; 4],
    /// The font resource dictionary (name to font object) for the pages to share.
    pub resources: Dictionary,
}

/// One embedded face: its resource name and its characters' codes.
pub(crate) struct PdfFace {
    pub name: String,
    pub codes: Codes,
}

/// Below this code point a character's code is found in a table (Latin, general punctuation,
/// currency, letter-like symbols); the rest in a map. Page contents look up every character.
const TABLE_CHARS: usize = 0x2200;

/// The code (glyph id) of each character a face draws; 0 (`.notdef`) for any other.
pub(crate) struct Codes {
    table: Vec<u16>,
    other: HashMap<char, u16>,
}

impl Codes {
    fn new(glyphs: impl IntoIterator<Item = (char, u16)>) -> Codes {
        let mut codes = Codes { table: Vec::new(), other: HashMap::new() };
        for (c, g) in glyphs {
            let i = c as usize;
            if i < TABLE_CHARS {
                if codes.table.len() <= i {
                    codes.table.resize(i + 1, 0);
                }
                codes.table[i] = g;
            } else {
                codes.other.insert(c, g);
            }
        }
        codes
    }

    pub(crate) fn get(&self, c: char) -> u16 {
        match self.table.get(c as usize) {
            Some(&g) => g,
            None if (c as usize) < TABLE_CHARS => 0,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// Embeds the faces `pages` draw text in (only those: most briefings have no bold italic).
pub(crate) fn add_fonts(doc: &mut lopdf::Document, pages: &[Page]) -> PdfFonts {
    let fonts = Fonts::get();
    let mut out = PdfFonts { faces: [None, None, None, None], resources: Dictionary::new() };
    for style in FontStyle::ALL {
        let mut chars: Vec<char> =
            pages.iter().flat_map(|p| p.texts()).filter(|t| t.style == style).flat_map(|t| t.text.chars()).collect();
        if chars.is_empty() {
            continue;
        }
        chars.sort_unstable();
        chars.dedup();
        let face = fonts.embed(style, chars);
        let name = format!("F{}", style as usize + 1);
        let codes = Codes::new(face.glyphs.iter().map(|&(c, g, _)| (c, g)));
        let id = add_face(doc, face);
        out.resources.set(name.clone(), Object::Reference(id));
        out.faces[style as usize] = Some(PdfFace { name, codes });
    }
    out
}

/// Writes `face` as a Type0 font and returns the font dictionary's id.
fn add_face(doc: &mut lopdf::Document, face: EmbeddedFace) -> ObjectId {
    // Each code once, with the first character drawn with it (a face may draw two characters,
    // such as a space and a no-break space, with one glyph).
    let mut codes: BTreeMap<u16, (char, i64)> = BTreeMap::new();
    for &(c, g, w) in &face.glyphs {
        codes.entry(g).or_insert((c, w));
    }
    let name = || Object::Name(face.name.clone().into_bytes());
    let m = &face.metrics;

    let length = face.program.len() as i64;
    let mut program = Stream::new(Dictionary::new(), face.program.into_owned());
    program.dict.set("Length1", Object::Integer(length));
    let program_id = doc.add_object(program);

    // Flags (ISO 32000-1, table 123): non-symbolic (Latin), and italic when slanted.
    let flags = 1 << 5 | if m.italic_angle != 0 { 1 << 6 } else { 0 };
    // No table gives the stem width; this is the usual estimate from the weight class (88 at
    // 400, 166 at 700).
    let stem_v = if m.weight == 0 { 80 } else { 50 + (f32::from(m.weight) / 65.0).powi(2).round() as i64 };
    let descriptor = Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", name()),
        ("Flags", Object::Integer(flags)),
        ("FontBBox", Object::Array(m.bbox.iter().map(|&v| Object::Integer(v)).collect())),
        ("ItalicAngle", Object::Integer(m.italic_angle)),
        ("Ascent", Object::Integer(m.ascent)),
        ("Descent", Object::Integer(m.descent)),
        ("CapHeight", Object::Integer(m.cap_height)),
        ("StemV", Object::Integer(stem_v)),
        ("FontFile2", Object::Reference(program_id)),
    ]);
    let descriptor_id = doc.add_object(descriptor);

    let cid_font = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", name()),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::String(b"Adobe".to_vec(), StringFormat::Literal)),
                ("Ordering", Object::String(b"Identity".to_vec(), StringFormat::Literal)),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor_id)),
        ("W", Object::Array(widths(&codes))),
        ("DW", Object::Integer(1000)),
        ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
    ]);
    let to_unicode_id = doc.add_object(Stream::new(Dictionary::new(), to_unicode(&codes).into_bytes()));
    doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", name()),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        ("DescendantFonts", Object::Array(vec![Object::Dictionary(cid_font)])),
        ("ToUnicode", Object::Reference(to_unicode_id)),
    ]))
}

/// The `/W` array: each run of consecutive codes as its first code and its widths.
fn widths(codes: &BTreeMap<u16, (char, i64)>) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut next = None;
    for (&code, &(_, width)) in codes {
        if next != Some(code) {
            if !run.is_empty() {
                out.push(Object::Array(std::mem::take(&mut run)));
            }
            out.push(Object::Integer(i64::from(code)));
        }
        run.push(Object::Integer(width));
        next = code.checked_add(1);
    }
    if !run.is_empty() {
        out.push(Object::Array(run));
    }
    out
}

/// The ToUnicode CMap (ISO 32000-1, 9.10.3): each code to its character in UTF-16BE.
fn to_unicode(codes: &BTreeMap<u16, (char, i64)>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &(char, i64))> = codes.iter().collect();
    // At most 100 entries to a block (the limit PostScript CMaps keep to).
    for block in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", block.len());
        for (code, (c, _)) in block {
            let _ = write!(s, "<{code:04X}> <");
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(s, "{unit:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[(u16, char, i64)]) -> BTreeMap<u16, (char, i64)> {
        list.iter().map(|&(g, c, w)| (g, (c, w))).collect()
    }

    #[test]
    fn codes_are_found_for_characters_in_and_beyond_the_table() {
        let codes = Codes::new([('a', 7), ('’', 9), ('\u{2460}', 11), ('\u{1F600}', 12)]);
        assert_eq!([codes.get('a'), codes.get('’'), codes.get('\u{2460}'), codes.get('\u{1F600}')], [7, 9, 11, 12]);
        assert_eq!([codes.get('b'), codes.get('\u{2000}'), codes.get('\u{2461}')], [0, 0, 0], "not drawn: .notdef");
    }

    #[test]
    fn widths_are_written_as_runs_of_consecutive_codes() {
        let w = widths(&codes(&[(1, ' ', 277), (2, 'a', 556), (3, 'b', 556), (7, 'z', 500)]));
        let expect = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(277), Object::Integer(556), Object::Integer(556)]),
            Object::Integer(7),
            Object::Array(vec![Object::Integer(500)]),
        ];
        assert_eq!(format!("{w:?}"), format!("{expect:?}"));
    }

    #[test]
    fn the_unicode_map_spells_characters_outside_the_basic_plane_as_surrogate_pairs() {
        let map = to_unicode(&codes(&[(1, 'ŵ', 0), (2, '\u{1F600}', 0)]));
        assert!(map.contains("2 beginbfchar\n<0001> <0175>\n<0002> <D83DDE00>\nendbfchar"), "{map}");
        let many: Vec<(u16, char, i64)> = (0..150u16).map(|i| (i + 1, char::from(b'!' + (i % 90) as u8), 0)).collect();
        let map = to_unicode(&codes(&many));
        assert_eq!(map.matches("beginbfchar").count(), 2, "blocks of at most 100");
        assert!(map.contains("100 beginbfchar") && map.contains("50 beginbfchar"));
    }
}

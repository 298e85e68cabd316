//! The four Liberation Sans faces, measured from their real advance widths.
//!
//! Layout, the PDF writer and the preview all use these same bytes, so what is measured is what
//! is drawn. Liberation Sans 2.x is metric-compatible with Arial and covers Welsh (ŵ, ŷ).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider, string::StringId};

/// Regular face (SIL OFL 1.1, see `assets/fonts/LICENSE-LiberationSans.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Bold face.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
/// Italic face.
pub const ITALIC_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
/// Bold italic face.
pub const BOLD_ITALIC_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-BoldItalic.ttf");

/// Which face a run of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FontStyle {
    pub const ALL: [FontStyle; 4] = [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic, FontStyle::BoldItalic];

    /// The TrueType bytes of this face.
    pub fn ttf(self) -> &'static [u8] {
        match self {
            FontStyle::Regular => REGULAR_TTF,
            FontStyle::Bold => BOLD_TTF,
            FontStyle::Italic => ITALIC_TTF,
            FontStyle::BoldItalic => BOLD_ITALIC_TTF,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One face, measured from its own tables on demand. skrifa reads the `cmap` and `hmtx` tables
/// in place (no parse step), so a command-line briefing does not pay for parsing four whole
/// fonts before it lays out a line: that parse was ~3 ms of a ~10 ms process (see README,
/// Performance).
struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Advances (in em) for the first 0x250 code points, each filled on first use: Latin text
    /// never locks. `u32::MAX`: not measured yet; `NO_GLYPH`: the face has no glyph.
    latin: Vec<AtomicU32>,
    other: Mutex<HashMap<char, Option<f32>>>,
}

const LATIN_CACHE: u32 = 0x250;
const UNMEASURED: u32 = u32::MAX;
const NO_GLYPH: u32 = u32::MAX - 1;

impl Face {
    fn load(style: FontStyle) -> Face {
        // The bytes are compiled in and tested (`fonts_parse`), so failure here is a build defect.
        let font = FontRef::new(style.ttf()).unwrap_or_else(|e| panic!("bundled font {style:?} does not load: {e}"));
        let units_per_em = font.head().map_or(2048.0, |h| f32::from(h.units_per_em().max(1)));
        Face {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            latin: (0..LATIN_CACHE).map(|_| AtomicU32::new(UNMEASURED)).collect(),
            other: Mutex::new(HashMap::new()),
        }
    }

    fn measure(&self, c: char) -> Option<f32> {
        let gid = self.charmap.map(c)?;
        if gid.to_u32() == 0 {
            return None;
        }
        Some(self.metrics.advance_width(gid)? / self.units_per_em)
    }

    /// Advance in em, or `None` if the face has no glyph for `c`.
    fn advance(&self, c: char) -> Option<f32> {
        if let Some(slot) = self.latin.get(c as usize) {
            return match slot.load(Ordering::Relaxed) {
                UNMEASURED => {
                    let a = self.measure(c);
                    slot.store(a.map_or(NO_GLYPH, f32::to_bits), Ordering::Relaxed);
                    a
                }
                NO_GLYPH => None,
                bits => Some(f32::from_bits(bits)),
            };
        }
        let mut map = self.other.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *map.entry(c).or_insert_with(|| self.measure(c))
    }
}

/// The bundled faces, loaded once per process.
pub struct Fonts {
    faces: [Face; 4],
}

impl Fonts {
    /// The shared set (cheap: nothing is parsed until it is used).
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts { faces: FontStyle::ALL.map(Face::load) })
    }

    /// True if every face can draw `c`, so a character never depends on which style it is set in.
    pub fn covers(&self, c: char) -> bool {
        self.faces.iter().all(|f| f.advance(c).is_some())
    }

    /// The face `style` as one PDF embeds it, drawing `chars`: only their outlines are kept
    /// ([`super::subset`]), and the font's name carries a subset tag (`ABCDEF+LiberationSans`)
    /// made from the glyphs it keeps. A face the subsetter cannot cut is embedded whole.
    pub fn embed(&self, style: FontStyle, chars: impl IntoIterator<Item = char>) -> EmbeddedFace {
        let face = &self.faces[style.index()];
        let mut chars: Vec<(char, u16)> =
            chars.into_iter().filter_map(|c| Some((c, u16::try_from(face.charmap.map(c)?.to_u32()).ok()?))).collect();
        chars.sort_unstable();
        chars.dedup();
        // The bytes are compiled in and tested, as in `Face::load`.
        let font = FontRef::new(style.ttf()).unwrap_or_else(|e| panic!("bundled font {style:?} does not load: {e}"));
        let postscript_name = font
            .localized_strings(StringId::POSTSCRIPT_NAME)
            .english_or_first()
            .map_or_else(|| "LiberationSans".to_owned(), |n| n.to_string());
        let scale = 1000.0 / face.units_per_em;
        // Whole thousandths of an em, truncated (as printpdf wrote them; `pdf_width` agrees).
        let width = |g: u16| (face.metrics.advance_width(GlyphId::new(u32::from(g))).unwrap_or(0.0) * scale) as i64;
        let metrics = FaceMetrics::read(&font, scale);
        match super::subset::subset(style.ttf(), &chars) {
            Some(cut) => {
                // FNV-1a over the glyph ids, spelt as six capital letters (ISO 32000-1, 9.6.4).
                let mut hash = chars
                    .iter()
                    .fold(0xcbf2_9ce4_8422_2325u64, |h, &(_, g)| (h ^ u64::from(g)).wrapping_mul(0x100_0000_01b3));
                let tag: String = (0..6)
                    .map(|_| {
                        let c = char::from(b'A' + (hash % 26) as u8);
                        hash /= 26;
                        c
                    })
                    .collect();
                // `cut.glyphs` lists `chars` in order, with their new ids.
                let glyphs = cut.glyphs.iter().zip(&chars).map(|(&(c, new), &(_, g))| (c, new, width(g))).collect();
                EmbeddedFace {
                    name: format!("{tag}+{postscript_name}"),
                    program: Cow::Owned(cut.font),
                    glyphs,
                    metrics,
                }
            }
            None => {
                let glyphs = chars.iter().map(|&(c, g)| (c, g, width(g))).collect();
                EmbeddedFace { name: postscript_name, program: Cow::Borrowed(style.ttf()), glyphs, metrics }
            }
        }
    }

    /// Width in points of `text` set in `style` at `size` (no kerning: exactly what printpdf draws).
    pub fn width(&self, style: FontStyle, size: f32, text: &str) -> f32 {
        let face = &self.faces[style.index()];
        text.chars().map(|c| face.advance(c).unwrap_or(0.0)).sum::<f32>() * size
    }

    /// Width in points of `text` as a PDF reader advances over it: the font's `/W` widths, which
    /// printpdf writes in whole thousandths of an em (truncated). A run split in two is drawn
    /// exactly where the unsplit run's glyphs were when its second half starts at this offset.
    pub fn pdf_width(&self, style: FontStyle, size: f32, text: &str) -> f32 {
        let face = &self.faces[style.index()];
        text.chars().map(|c| (face.advance(c).unwrap_or(0.0) * 1000.0 + 1e-3).floor()).sum::<f32>() * size / 1000.0
    }

    /// Width in points of one character.
    pub fn char_width(&self, style: FontStyle, size: f32, c: char) -> f32 {
        self.faces[style.index()].advance(c).unwrap_or(0.0) * size
    }
}

/// A face as one PDF embeds it (see [`Fonts::embed`]).
pub struct EmbeddedFace {
    /// The PostScript name, with the subset tag when cut down.
    pub name: String,
    /// The TrueType font program.
    pub program: Cow<'static, [u8]>,
    /// Each character the PDF draws in this face (ascending), its glyph id in `program` (the
    /// code the content streams write) and its advance in thousandths of an em.
    pub glyphs: Vec<(char, u16, i64)>,
    pub metrics: FaceMetrics,
}

/// What a PDF font descriptor says of a face, in thousandths of an em.
pub struct FaceMetrics {
    pub ascent: i64,
    pub descent: i64,
    pub cap_height: i64,
    /// Degrees anticlockwise from upright (negative for an italic).
    pub italic_angle: i64,
    /// `[x_min, y_min, x_max, y_max]` of all glyphs.
    pub bbox: [i64; 4],
    /// The weight class (400 regular, 700 bold; 0 if the face does not say).
    pub weight: u16,
}

impl FaceMetrics {
    fn read(font: &FontRef<'_>, scale: f32) -> FaceMetrics {
        let s = |v: i16| (f32::from(v) * scale).round() as i64;
        let (ascent, descent, rise, run) = font.hhea().map_or((0, 0, 1, 0), |h| {
            (s(h.ascender().to_i16()), s(h.descender().to_i16()), h.caret_slope_rise(), h.caret_slope_run())
        });
        let bbox = font.head().map_or([0; 4], |h| [s(h.x_min()), s(h.y_min()), s(h.x_max()), s(h.y_max())]);
        let os2 = font.os2().ok();
        let italic_angle =
            if rise == 0 { 0 } else { (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64 };
        FaceMetrics {
            ascent,
            descent,
            cap_height: os2.as_ref().and_then(|o| o.s_cap_height()).map_or(ascent, s),
            italic_angle,
            bbox,
            weight: os2.map_or(0, |o| o.us_weight_class()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_parse_and_measure_like_arial() {
        let fonts = Fonts::get();
        // Arial's (and Liberation's) "a" is 1139/2048 em.
        let w = fonts.width(FontStyle::Regular, 2048.0, "a");
        assert!((w - 1139.0).abs() < 0.5, "{w}");
        assert!(fonts.width(FontStyle::Bold, 10.0, "Children’s") > fonts.width(FontStyle::Regular, 10.0, "Children’s"));
        for c in ['ŵ', 'ŷ', '£', 'é', '’', '–', '•'] {
            assert!(fonts.covers(c), "{c}");
        }
        // Composer::clean passes printable ASCII through without asking.
        for c in (0x21u8..0x7F).map(char::from) {
            assert!(fonts.covers(c), "{c}");
        }
        assert!(!fonts.covers('\u{1F600}'));
    }
}

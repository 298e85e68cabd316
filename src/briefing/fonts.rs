//! The four Liberation Sans faces, measured from their real advance widths.
//!
//! Layout, the PDF writer and the preview all use these same bytes, so what is measured is what
//! is drawn. Liberation Sans 2.x is metric-compatible with Arial and covers Welsh (ŵ, ŷ).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use printpdf::ParsedFont;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

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

/// One face: measured from its own tables on demand, parsed for PDF embedding only when a PDF
/// uses it. skrifa reads the `cmap` and `hmtx` tables in place (no parse step), so a command-line
/// briefing does not pay for parsing four whole fonts before it lays out a line: that parse was
/// ~3 ms of a ~10 ms process (see README, Performance).
struct Face {
    style: FontStyle,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Advances (in em) for the first 0x250 code points, each filled on first use: Latin text
    /// never locks. `u32::MAX`: not measured yet; `NO_GLYPH`: the face has no glyph.
    latin: Vec<AtomicU32>,
    other: Mutex<HashMap<char, Option<f32>>>,
    /// printpdf's parse of the face (glyph outlines, for subsetting), made when first embedded.
    parsed: OnceLock<ParsedFont>,
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
            style,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            latin: (0..LATIN_CACHE).map(|_| AtomicU32::new(UNMEASURED)).collect(),
            other: Mutex::new(HashMap::new()),
            parsed: OnceLock::new(),
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

    fn parsed(&self) -> &ParsedFont {
        self.parsed.get_or_init(|| {
            let mut warnings = Vec::new();
            // The shared constructor decodes glyph outlines only for the glyphs a PDF uses.
            let bytes = Arc::new(rust_fontconfig::FontBytes::Owned(Arc::from(self.style.ttf())));
            printpdf::AzulParsedFont::from_bytes_shared(bytes, 0, &mut warnings)
                .map(ParsedFont::from_azul)
                .unwrap_or_else(|| panic!("bundled font {:?} does not parse", self.style))
        })
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

    /// The parsed face, for embedding in a PDF (parsed on first use).
    pub fn parsed(&self, style: FontStyle) -> &ParsedFont {
        self.faces[style.index()].parsed()
    }

    /// True if every face can draw `c`, so a character never depends on which style it is set in.
    pub fn covers(&self, c: char) -> bool {
        self.faces.iter().all(|f| f.advance(c).is_some())
    }

    /// The face `style` for embedding in one PDF: only the outlines of the characters in
    /// `text` are kept ([`super::subset`]), so printpdf embeds it as it is instead of copying,
    /// parsing, subsetting and re-parsing the whole face. Its name carries a
    /// subset tag (`ABCDEF+LiberationSans`) made from the glyphs it keeps. `None` if the face
    /// could not be cut down (then embed [`Fonts::parsed`] and let printpdf subset it).
    pub fn embedded<'a>(&self, style: FontStyle, text: impl IntoIterator<Item = &'a str>) -> Option<ParsedFont> {
        let face = &self.faces[style.index()];
        let mut chars: Vec<(char, u16)> = text
            .into_iter()
            .flat_map(str::chars)
            .filter_map(|c| Some((c, u16::try_from(face.charmap.map(c)?.to_u32()).ok()?)))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let bytes = super::subset::subset(style.ttf(), &chars)?;
        let mut warnings = Vec::new();
        let shared = Arc::new(rust_fontconfig::FontBytes::Owned(Arc::from(bytes)));
        let mut font = printpdf::AzulParsedFont::from_bytes_shared(shared, 0, &mut warnings)?;
        // FNV-1a over the glyph ids, spelt as six capital letters (ISO 32000-1, 9.6.4).
        let mut hash =
            chars.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &(_, g)| (h ^ u64::from(g)).wrapping_mul(0x100_0000_01b3));
        let tag: String = (0..6)
            .map(|_| {
                let c = char::from(b'A' + (hash % 26) as u8);
                hash /= 26;
                c
            })
            .collect();
        let name = font.font_name.clone().unwrap_or_else(|| "LiberationSans".to_owned());
        font.font_name = Some(format!("{tag}+{name}"));
        Some(ParsedFont::from_azul(font))
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
        assert!(!fonts.covers('\u{1F600}'));
    }
}

//! The four Liberation Sans faces, measured from their real advance widths.
//!
//! Layout, the PDF writer and the preview all use these same bytes, so what is measured is what
//! is drawn. Liberation Sans 2.x is metric-compatible with Arial and covers Welsh (ŵ, ŷ).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use printpdf::ParsedFont;

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

/// One parsed face with an advance cache: measuring is the hot path of layout.
struct Face {
    font: ParsedFont,
    units_per_em: f32,
    /// Advances (in em) for the first 0x250 code points, filled at load: Latin text never locks.
    latin: Vec<Option<f32>>,
    other: Mutex<HashMap<char, Option<f32>>>,
}

const LATIN_CACHE: u32 = 0x250;

impl Face {
    fn load(style: FontStyle) -> Face {
        let mut warnings = Vec::new();
        // The bytes are compiled in and tested (`fonts_parse`), so failure here is a build defect.
        let font = ParsedFont::from_bytes(style.ttf(), 0, &mut warnings)
            .unwrap_or_else(|| panic!("bundled font {style:?} does not parse"));
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let mut face = Face { font, units_per_em, latin: Vec::new(), other: Mutex::new(HashMap::new()) };
        face.latin = (0..LATIN_CACHE).map(|cp| char::from_u32(cp).and_then(|c| face.measure(c))).collect();
        face
    }

    fn measure(&self, c: char) -> Option<f32> {
        let gid = self.font.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        Some(f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// Advance in em, or `None` if the face has no glyph for `c`.
    fn advance(&self, c: char) -> Option<f32> {
        if (c as u32) < LATIN_CACHE {
            return self.latin[c as usize];
        }
        let mut map = self.other.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *map.entry(c).or_insert_with(|| self.measure(c))
    }
}

/// The bundled faces, parsed once per process.
pub struct Fonts {
    faces: [Face; 4],
}

impl Fonts {
    /// The shared, lazily parsed set.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts { faces: FontStyle::ALL.map(Face::load) })
    }

    /// The parsed face, for embedding in a PDF.
    pub fn parsed(&self, style: FontStyle) -> &ParsedFont {
        &self.faces[style.index()].font
    }

    /// True if every face can draw `c`, so a character never depends on which style it is set in.
    pub fn covers(&self, c: char) -> bool {
        self.faces.iter().all(|f| f.advance(c).is_some())
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

//! A council's logo, carried inside the review file so an e-mailed file prints the same
//! anywhere. This module holds the data and the checks; reading a file from disk is
//! `store::logo`'s job, printing it the briefing's.
//!
//! PNG logos are decoded to pixels ([`raster`]); SVG logos stay vector ([`vector`]): their
//! paths become PDF path operators and, for the window's preview, triangles.

mod raster;
mod tessellate;
mod vector;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use raster::Raster;
pub use vector::{Point, Segment, Shape, Vector};

/// Logos larger than this are refused: a council crest needs a few hundred kilobytes at most,
/// and the file carries the logo inside it.
pub const MAX_LOGO_BYTES: usize = 4 * 1024 * 1024;

/// A logo as the review file carries it: its bytes (PNG or SVG) and the text read out in its
/// place. In the file the bytes are base64 text: `Logo(alt: "…", data: "iVBORw0KGgo…")`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Alternative text: "Harbridge Borough Council".
    #[serde(default)]
    pub alt: String,
    /// Shared, not copied: every undo step and preview holds the same bytes.
    #[serde(with = "base64_text")]
    pub data: Arc<[u8]>,
}

impl std::fmt::Debug for Logo {
    /// The size, not the bytes: a failed test comparing reviews stays readable.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Logo {{ alt: {:?}, data: {} bytes }}", self.alt, self.data.len())
    }
}

/// Which kind of picture the bytes are, from their first bytes (never from a file name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Svg,
}

/// Why a logo cannot be used. Each message says what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("the logo is empty")]
    Empty,
    #[error("the logo is {} MB; logos may be at most {} MB: save a smaller version of it", mb(*.0), mb(MAX_LOGO_BYTES))]
    TooLarge(usize),
    #[error("the logo is a JPEG picture; use a PNG or SVG version of the logo")]
    Jpeg,
    #[error("the logo is not a PNG or SVG picture")]
    NotAPicture,
    #[error("the PNG logo is damaged or cut short ({0})")]
    BadPng(String),
    #[error("the PNG logo is {0} × {1} pixels; logos may be at most {max} × {max}", max = raster::MAX_SIDE)]
    TooManyPixels(u32, u32),
    #[error("the SVG logo cannot be read ({0})")]
    BadSvg(String),
    #[error("the SVG logo draws nothing PeerBrief can print (it needs filled or stroked shapes)")]
    NothingDrawn,
}

fn mb(bytes: usize) -> String {
    let tenths = (bytes as f64 / (1024.0 * 1024.0) * 10.0).round() / 10.0;
    format!("{tenths}")
}

/// A decoded logo, ready to print and paint. `key` identifies the picture (the same bytes
/// give the same key), so a pack of several reports with one logo embeds it once.
#[derive(Clone, Debug, PartialEq)]
pub struct Artwork {
    pub key: u64,
    pub alt: String,
    pub picture: Picture,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Picture {
    Raster(Raster),
    Vector(Vector),
}

impl Artwork {
    /// Width over height, for placing the logo in a box without stretching it.
    pub fn aspect(&self) -> f32 {
        let (w, h) = match &self.picture {
            Picture::Raster(r) => (r.width as f32, r.height as f32),
            Picture::Vector(v) => (v.width, v.height),
        };
        if w > 0.0 && h > 0.0 { w / h } else { 1.0 }
    }
}

/// PNG or SVG, from the bytes' signature; anything else is refused with a message.
pub fn kind_of(bytes: &[u8]) -> Result<LogoKind, LogoError> {
    if bytes.is_empty() {
        return Err(LogoError::Empty);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(LogoKind::Png);
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Err(LogoError::Jpeg);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let looks_like_xml = head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!--");
    if looks_like_xml && head.contains("<svg") {
        return Ok(LogoKind::Svg);
    }
    Err(LogoError::NotAPicture)
}

/// Checks and decodes a logo. Pure: the bytes are already in memory.
pub fn decode(logo: &Logo) -> Result<Arc<Artwork>, LogoError> {
    if logo.data.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge(logo.data.len()));
    }
    let picture = match kind_of(&logo.data)? {
        LogoKind::Png => Picture::Raster(raster::decode(&logo.data)?),
        LogoKind::Svg => Picture::Vector(vector::decode(&logo.data)?),
    };
    Ok(Arc::new(Artwork { key: key_of(&logo.data), alt: logo.alt.clone(), picture }))
}

/// A stable 64-bit FNV-1a hash of the bytes: the same logo in two reports has one key.
fn key_of(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The bytes of a logo as base64 text in the RON file.
mod base64_text {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::sync::Arc;

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[u8]>, D::Error> {
        let text = String::deserialize(d)?;
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        STANDARD
            .decode(compact.as_bytes())
            .map(Arc::from)
            .map_err(|e| serde::de::Error::custom(format!("the logo's data is not valid base64 text ({e})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 × 1 PNG: one red pixel, one half-transparent blue one.
    pub(crate) fn tiny_png() -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, 2, 1);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&[255, 0, 0, 255, 0, 0, 255, 128]).expect("pixels");
        writer.finish().expect("finish");
        out
    }

    #[test]
    fn a_logo_round_trips_through_ron_as_base64_text() {
        let logo = Logo { alt: "Testshire County Council".into(), data: tiny_png().into() };
        let text = ron::to_string(&logo).expect("serialises");
        assert!(text.contains("data:\"iVBORw0KGgo"), "{text}");
        let back: Logo = ron::from_str(&text).expect("parses");
        assert_eq!(back, logo);
    }

    #[test]
    fn bad_base64_is_a_parse_error_naming_the_logo() {
        let err = ron::from_str::<Logo>("(alt: \"x\", data: \"not base64!\")").expect_err("refused");
        assert!(err.to_string().contains("the logo's data is not valid base64 text"), "{err}");
    }

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(kind_of(&tiny_png()), Ok(LogoKind::Png));
        assert_eq!(kind_of(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), Ok(LogoKind::Svg));
        assert_eq!(kind_of(b"<?xml version='1.0'?>\n<svg/>"), Ok(LogoKind::Svg));
        assert_eq!(kind_of(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Err(LogoError::Jpeg));
        assert_eq!(kind_of(b"Harbridge Borough Council"), Err(LogoError::NotAPicture));
        assert_eq!(kind_of(b""), Err(LogoError::Empty));
    }

    #[test]
    fn oversized_truncated_and_foreign_logos_are_refused_with_a_message() {
        let big = Logo { alt: String::new(), data: vec![b' '; 6 * 1024 * 1024].into() };
        let err = decode(&big).expect_err("too big");
        assert_eq!(err.to_string(), "the logo is 6 MB; logos may be at most 4 MB: save a smaller version of it");
        let mut cut = tiny_png();
        cut.truncate(cut.len() - 20);
        let err = decode(&Logo { alt: String::new(), data: cut.into() }).expect_err("truncated");
        assert!(err.to_string().starts_with("the PNG logo is damaged or cut short"), "{err}");
        let text = decode(&Logo { alt: String::new(), data: b"hello".as_slice().into() }).expect_err("text");
        assert_eq!(text, LogoError::NotAPicture);
    }

    #[test]
    fn the_same_bytes_have_the_same_key() {
        let a = decode(&Logo { alt: "A".into(), data: tiny_png().into() }).expect("decodes");
        let b = decode(&Logo { alt: "B".into(), data: tiny_png().into() }).expect("decodes");
        assert_eq!(a.key, b.key);
        assert!((a.aspect() - 2.0).abs() < 1e-6);
    }
}

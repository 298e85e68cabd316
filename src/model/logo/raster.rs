//! PNG logos: decoded with the `png` crate to straight-alpha RGBA, 8 bits a channel.

use super::LogoError;

/// The longest side a PNG logo may have, in pixels (a 4096 × 4096 RGBA picture is 64 MB in
/// memory; a crest printed 30 mm wide at 600 dpi needs 700 pixels).
pub const MAX_SIDE: u32 = 4096;

/// Pixels, row by row from the top, 4 bytes each (red, green, blue, alpha; not premultiplied).
#[derive(Clone, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Raster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Raster({} × {})", self.width, self.height)
    }
}

impl Raster {
    /// True if any pixel is not fully opaque (the PDF then needs a soft mask).
    pub fn has_transparency(&self) -> bool {
        self.rgba.chunks_exact(4).any(|p| p[3] != 255)
    }
}

pub(super) fn decode(bytes: &[u8]) -> Result<Raster, LogoError> {
    let bad = |e: &dyn std::fmt::Display| LogoError::BadPng(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    decoder.set_limits(png::Limits { bytes: (MAX_SIDE as usize) * (MAX_SIDE as usize) * 4 });
    let header = decoder.read_header_info().map_err(|e| bad(&e))?;
    let (width, height) = (header.width, header.height);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(LogoError::TooManyPixels(width, height));
    }
    let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
    let size = reader.output_buffer_size().ok_or(LogoError::TooManyPixels(width, height))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(|e| bad(&e))?;
    buf.truncate(frame.buffer_size());
    let pixels = (width as usize) * (height as usize);
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::GrayscaleAlpha => buf.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err(LogoError::BadPng("its palette could not be expanded".into())),
    };
    if rgba.len() != pixels * 4 || pixels == 0 {
        return Err(LogoError::BadPng("its pixel data does not match its size".into()));
    }
    Ok(Raster { width, height, rgba })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(colour: png::ColorType, depth: png::BitDepth, w: u32, h: u32, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(colour);
        encoder.set_depth(depth);
        if colour == png::ColorType::Indexed {
            encoder.set_palette(vec![255, 255, 255, 0, 80, 160]);
        }
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(data).expect("data");
        writer.finish().expect("finish");
        out
    }

    #[test]
    fn every_colour_type_becomes_rgba() {
        let grey = decode(&encode(png::ColorType::Grayscale, png::BitDepth::Eight, 2, 1, &[0, 200])).expect("grey");
        assert_eq!(grey.rgba, vec![0, 0, 0, 255, 200, 200, 200, 255]);
        assert!(!grey.has_transparency());
        let rgb = decode(&encode(png::ColorType::Rgb, png::BitDepth::Eight, 1, 1, &[1, 2, 3])).expect("rgb");
        assert_eq!(rgb.rgba, vec![1, 2, 3, 255]);
        let indexed = decode(&encode(png::ColorType::Indexed, png::BitDepth::Eight, 2, 1, &[1, 0])).expect("palette");
        assert_eq!(indexed.rgba, vec![0, 80, 160, 255, 255, 255, 255, 255]);
        let wide = decode(&encode(png::ColorType::Rgba, png::BitDepth::Sixteen, 1, 1, &[255, 0, 0, 0, 0, 0, 128, 0]))
            .expect("16-bit");
        assert_eq!(wide.rgba, vec![255, 0, 0, 128]);
        assert!(wide.has_transparency());
    }

    #[test]
    fn a_canvas_wider_than_the_limit_is_refused() {
        let png = encode(png::ColorType::Grayscale, png::BitDepth::Eight, 5000, 1, &[0; 5000]);
        assert_eq!(decode(&png), Err(LogoError::TooManyPixels(5000, 1)));
    }
}

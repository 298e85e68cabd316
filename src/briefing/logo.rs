//! Where the council's logo goes: the report heading's top right and the pack cover's top
//! left. A logo that cannot be used is left out with a layout warning naming the reason; the
//! briefing prints without it.

use std::sync::{Arc, Mutex};

use super::compose::{Composer, MARGIN_LEFT, MARGIN_RIGHT};
use super::page::{Item, MM, PAGE_WIDTH};
use crate::model::{Artwork, Logo, LogoError, logo};

/// The logo's box in a report heading (it keeps its proportions inside).
pub(crate) const HEADING_HEIGHT: f32 = 20.0 * MM;
pub(crate) const HEADING_MAX_WIDTH: f32 = 50.0 * MM;
/// Gap between the heading's text and the logo beside it.
pub(crate) const HEADING_GAP: f32 = 6.0 * MM;
/// The logo's box on a pack cover.
const COVER_HEIGHT: f32 = 16.0 * MM;
/// Space between the cover's logo and the council's name under it.
const COVER_GAP: f32 = 8.0 * MM;
const COVER_MAX_WIDTH: f32 = 60.0 * MM;

/// Decoded logos, newest last: the preview lays out again on every edit, and decoding a PNG
/// or tessellating an SVG each time would be wasted work.
static DECODED: Mutex<Vec<(Logo, Arc<Artwork>)>> = Mutex::new(Vec::new());
const KEEP_DECODED: usize = 4;

/// The decoded logo, from the cache when the same logo was decoded lately (the editor shows
/// it every frame, the preview lays it out on every edit).
pub fn decoded(logo: &Logo) -> Result<Arc<Artwork>, LogoError> {
    let cached = DECODED.lock().ok().and_then(|d| d.iter().find(|(l, _)| l == logo).map(|(_, a)| Arc::clone(a)));
    if let Some(art) = cached {
        return Ok(art);
    }
    let art = logo::decode(logo)?;
    if let Ok(mut d) = DECODED.lock() {
        if d.len() >= KEEP_DECODED {
            d.remove(0);
        }
        d.push((logo.clone(), Arc::clone(&art)));
    }
    Ok(art)
}

/// The logo ready to place, or `None` with a warning saying why it is left out.
pub(crate) fn artwork(c: &mut Composer, logo: Option<&Logo>) -> Option<Arc<Artwork>> {
    match decoded(logo?) {
        Ok(art) => {
            if let logo::Picture::Vector(v) = &art.picture {
                for what in &v.left_out {
                    c.warn(format!("parts of the SVG logo are not drawn: {what}"));
                }
            }
            Some(art)
        }
        Err(e) => {
            c.warn(format!("The logo is not printed: {e}"));
            None
        }
    }
}

/// Width and height of `art` fitted inside `max_w` × `max_h`, keeping its proportions.
pub(crate) fn fit(art: &Artwork, max_w: f32, max_h: f32) -> (f32, f32) {
    let aspect = art.aspect();
    if max_h * aspect <= max_w { (max_h * aspect, max_h) } else { (max_w, max_w / aspect) }
}

/// Puts the logo at the top right of a report heading whose first line starts at `top`;
/// returns the logo's (width, height) so the heading's text can keep clear of it.
pub(crate) fn place_in_heading(c: &mut Composer, art: Arc<Artwork>, top: f32) -> (f32, f32) {
    let (width, height) = fit(&art, HEADING_MAX_WIDTH, HEADING_HEIGHT);
    let x = PAGE_WIDTH - MARGIN_RIGHT - width;
    let alt = art.alt.clone();
    c.figure(&alt, |c| c.push(Item::Image { x, y: top, width, height, artwork: art }));
    (width, height)
}

/// Puts the logo at the top left of a pack cover, and moves the cover's text below it.
pub(crate) fn place_on_cover(c: &mut Composer, art: Arc<Artwork>, top: f32) {
    let (width, height) = fit(&art, COVER_MAX_WIDTH, COVER_HEIGHT);
    let alt = art.alt.clone();
    c.figure(&alt, |c| c.push(Item::Image { x: MARGIN_LEFT, y: top, width, height, artwork: art }));
    c.y = c.y.max(top + height + COVER_GAP);
}

//! Charts drawn into the page as vectors, from the display list's own `Rect`, `Rule` and `Text`
//! items, each with a text equivalent that says the same numbers in words.
//!
//! - this file: the [`Figure`] (rows of items plus its alt text), the one call that places a
//!   figure on the page ([`Composer::place_figure`]), and the drawing helpers the charts share;
//! - [`themes`]: strengths against areas for consideration per theme (a diverging bar chart);
//! - [`status`]: an action plan's actions by RAG status (a labelled stacked bar).
//!
//! Colour is never the only signal: key findings are solid and other findings pale *and*
//! hatched, every bar has its number written beside it, and every segment its status in words.

mod status;
mod themes;

pub(crate) use status::{status_counts, status_figure, status_words};
pub(crate) use themes::{theme_counts, theme_figure};

use super::compose::Composer;
use super::page::{Colour, Item, TextRun};

/// A chart ready to place: rows of items positioned relative to each row's top-left corner of
/// the text area, and the same content in words.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Figure {
    /// Rows the figure may break between at a page end; the first two stay together.
    pub(crate) rows: Vec<FigureRow>,
    /// The text equivalent: every number the chart shows, in sentences. Printed after the chart
    /// (as a table or a paragraph) and, in tagged PDFs, the Figure's `/Alt`.
    pub(crate) alt: String,
}

/// One row of a figure (a theme's bar, the legend): its height and items, y from its top.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FigureRow {
    pub(crate) height: f32,
    pub(crate) items: Vec<Item>,
}

impl Figure {
    pub(crate) fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.height).sum()
    }

    /// The words drawn in the figure, in drawing order (for tests).
    #[cfg(test)]
    pub(crate) fn texts(&self) -> Vec<String> {
        self.rows
            .iter()
            .flat_map(|r| &r.items)
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.text.clone()),
                _ => None,
            })
            .collect()
    }
}

impl Composer {
    /// Places a figure at the current position, starting a new page if it does not fit (or,
    /// for one taller than a page, if its first two rows do not), and breaking between rows at
    /// page ends. Every chart goes through this one call, so tagged output can wrap it as a
    /// Figure whose `/Alt` is `figure.alt`.
    pub(crate) fn place_figure(&mut self, figure: &Figure) {
        use super::compose::{BODY_BOTTOM, BODY_TOP};
        let whole = figure.height();
        let need =
            if whole <= BODY_BOTTOM - BODY_TOP { whole } else { figure.rows.iter().take(2).map(|r| r.height).sum() };
        if self.y + need > BODY_BOTTOM + 0.01 && !self.at_top() {
            self.new_page();
        }
        // One Figure element; a screen reader reads its alt text (the same numbers in words).
        self.figure(&figure.alt, |c| {
            for row in &figure.rows {
                if c.y + row.height > super::compose::BODY_BOTTOM + 0.01 && !c.at_top() {
                    c.new_page();
                }
                let top = c.y;
                for item in &row.items {
                    c.push(shifted(item, top));
                }
                c.y += row.height;
            }
        });
    }
}

/// An item moved down by `dy`.
fn shifted(item: &Item, dy: f32) -> Item {
    match item {
        Item::Text(t) => Item::Text(TextRun { y: t.y + dy, ..t.clone() }),
        Item::Rule { x1, y1, x2, y2, width, colour } => {
            Item::Rule { x1: *x1, y1: y1 + dy, x2: *x2, y2: y2 + dy, width: *width, colour: *colour }
        }
        Item::Rect { x, y, width, height, fill } => {
            Item::Rect { x: *x, y: y + dy, width: *width, height: *height, fill: *fill }
        }
        Item::Link { x, y, width, height, target_page } => {
            Item::Link { x: *x, y: y + dy, width: *width, height: *height, target_page: *target_page }
        }
        Item::Uri { x, y, width, height, uri } => {
            Item::Uri { x: *x, y: y + dy, width: *width, height: *height, uri: uri.clone() }
        }
        Item::Image { x, y, width, height, artwork } => {
            Item::Image { x: *x, y: y + dy, width: *width, height: *height, artwork: artwork.clone() }
        }
    }
}

/// Strengths: a blue that keeps 7:1 against white text.
pub(crate) const STRENGTH: Colour = Colour { r: 0x1d, g: 0x5e, b: 0xa8 };
/// Areas for consideration: a dark orange, told apart from blue by lightness as well as hue.
pub(crate) const AREA: Colour = Colour { r: 0xb3, g: 0x4a, b: 0x00 };

/// `colour` mixed with white: `amount` 0 is white, 1 the colour itself.
pub(crate) fn pale(colour: Colour, amount: f32) -> Colour {
    let mix = |c: u8| (255.0 - (255.0 - f32::from(c)) * amount).round().clamp(0.0, 255.0) as u8;
    Colour { r: mix(colour.r), g: mix(colour.g), b: mix(colour.b) }
}

/// A solid rectangle (nothing for an empty one).
pub(crate) fn solid(out: &mut Vec<Item>, x: f32, y: f32, width: f32, height: f32, fill: Colour) {
    if width > 0.0 && height > 0.0 {
        out.push(Item::Rect { x, y, width, height, fill });
    }
}

/// A pale rectangle hatched with 45° lines and outlined in `colour`: the "other findings" fill,
/// which reads as different from solid in greyscale and to colour-blind readers.
pub(crate) fn hatched(out: &mut Vec<Item>, x: f32, y: f32, width: f32, height: f32, colour: Colour) {
    if width <= 0.0 || height <= 0.0 {
        return;
    }
    out.push(Item::Rect { x, y, width, height, fill: pale(colour, 0.25) });
    let line = |x1, y1, x2, y2| Item::Rule { x1, y1, x2, y2, width: 0.6, colour };
    // Lines from the bottom edge up to the right, clipped to the rectangle: the point at
    // distance s along a line starting at x + t is (x + t + s, y + height - s).
    let step = 3.5;
    let mut t = -height;
    while t < width {
        let from = (-t).max(0.0);
        let to = height.min(width - t);
        if to > from {
            out.push(line(x + t + from, y + height - from, x + t + to, y + height - to));
        }
        t += step;
    }
    for (x1, y1, x2, y2) in [
        (x, y, x + width, y),
        (x, y + height, x + width, y + height),
        (x, y, x, y + height),
        (x + width, y, x + width, y + height),
    ] {
        out.push(line(x1, y1, x2, y2));
    }
}

/// "1 strength", "3 strengths".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::compose::{BODY_BOTTOM, BODY_TOP, test_composer};

    fn row(height: f32) -> FigureRow {
        FigureRow { height, items: vec![Item::Rect { x: 0.0, y: 0.0, width: 10.0, height, fill: Colour::TEXT }] }
    }

    #[test]
    fn hatch_lines_stay_inside_their_rectangle() {
        let mut items = Vec::new();
        hatched(&mut items, 100.0, 50.0, 37.0, 11.0, AREA);
        assert!(items.len() > 10, "a fill, hatching and an outline");
        for item in &items {
            if let Item::Rule { x1, y1, x2, y2, .. } = item {
                for (x, y) in [(x1, y1), (x2, y2)] {
                    assert!((99.99..=137.01).contains(x) && (49.99..=61.01).contains(y), "{item:?}");
                }
            }
        }
        let mut none = Vec::new();
        hatched(&mut none, 0.0, 0.0, 0.0, 11.0, AREA);
        solid(&mut none, 0.0, 0.0, 0.0, 11.0, AREA);
        assert!(none.is_empty(), "an empty segment draws nothing");
    }

    #[test]
    fn pale_mixes_towards_white() {
        assert_eq!(pale(STRENGTH, 1.0), STRENGTH);
        assert_eq!(pale(STRENGTH, 0.0), Colour::WHITE);
        let p = pale(AREA, 0.25);
        assert!(p.r > AREA.r && p.g > AREA.g && p.b > AREA.b);
    }

    #[test]
    fn a_figure_moves_to_the_next_page_whole_when_its_start_does_not_fit() {
        let mut c = test_composer();
        c.new_page();
        c.y = BODY_BOTTOM - 30.0;
        let figure = Figure { rows: vec![row(20.0), row(20.0), row(20.0)], alt: "x".into() };
        c.place_figure(&figure);
        assert_eq!(c.pages.len(), 2);
        assert!(c.pages[0].items.is_empty());
        assert_eq!(c.pages[1].items.len(), 3);
        assert!((c.y - (BODY_TOP + 60.0)).abs() < 0.01);
        assert!((figure.height() - 60.0).abs() < 0.01);
    }

    #[test]
    fn a_figure_taller_than_a_page_breaks_between_rows() {
        let mut c = test_composer();
        c.new_page();
        let rows = (0..40).map(|_| row(30.0)).collect();
        c.place_figure(&Figure { rows, alt: String::new() });
        assert!(c.pages.len() >= 2);
        for p in &c.pages {
            for item in &p.items {
                if let Item::Rect { y, height, .. } = item {
                    assert!(*y >= BODY_TOP - 0.01 && y + height <= BODY_BOTTOM + 0.01);
                }
            }
        }
        assert_eq!(c.pages.iter().map(|p| p.items.len()).sum::<usize>(), 40, "no row lost");
    }
}

//! Strengths against areas for consideration per theme, as the dashboard draws it: a diverging
//! bar chart with strengths left of a centre line and areas for consideration right, key
//! findings solid and other findings pale and hatched, the counts written at each bar's ends
//! and the theme's name as text above its bar.

use super::{AREA, Figure, FigureRow, STRENGTH, hatched, plural, solid};
use crate::briefing::compose::{CONTENT_WIDTH, Composer, MARGIN_LEFT, Style, run, wrap_clean};
use crate::briefing::fonts::Fonts;
use crate::briefing::page::{Colour, Item};
use crate::model::{FindingKind, Review};

/// One theme's counts, as the dashboard's theme matrix counts them (a finding about several
/// themes counts under each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ThemeCount {
    pub(crate) name: String,
    pub(crate) strengths: usize,
    pub(crate) key_strengths: usize,
    pub(crate) areas: usize,
    pub(crate) key_areas: usize,
}

impl ThemeCount {
    /// "Vision, strategy and leadership: 2 strengths (1 key) and 1 area for consideration (1 key)."
    pub(crate) fn sentence(&self) -> String {
        format!(
            "{}: {} ({} key) and {} ({} key).",
            self.name.trim(),
            plural(self.strengths, "strength", "strengths"),
            self.key_strengths,
            plural(self.areas, "area for consideration", "areas for consideration"),
            self.key_areas
        )
    }
}

/// The counts, one per theme in the review's order.
pub(crate) fn theme_counts(review: &Review) -> Vec<ThemeCount> {
    let count = |kind, id: &str, key_only| {
        review.findings_of(kind, key_only).filter(|(_, f)| f.themes.iter().any(|t| t == id)).count()
    };
    review
        .themes
        .iter()
        .map(|t| ThemeCount {
            name: if t.label.trim().is_empty() { t.id.clone() } else { t.label.clone() },
            strengths: count(FindingKind::Strength, &t.id, false),
            key_strengths: count(FindingKind::Strength, &t.id, true),
            areas: count(FindingKind::AreaForConsideration, &t.id, false),
            key_areas: count(FindingKind::AreaForConsideration, &t.id, true),
        })
        .collect()
}

/// The chart's text equivalent: a sentence per theme with every number on its bars.
pub(crate) fn themes_alt(counts: &[ThemeCount]) -> String {
    let mut out = String::from("Strengths and areas for consideration by theme, with the key findings among them.");
    for t in counts {
        out.push(' ');
        out.push_str(&t.sentence());
    }
    out
}

/// The number written at a side's end: "3 (1 key)".
fn side_text(all: usize, key: usize) -> String {
    format!("{all} ({key} key)")
}

const NAME: Style = Style::BODY.sized(9.0);
const NUMBER: Style = Style::BOLD.sized(8.5);
const BAR: f32 = 11.0;
/// Room kept at each end for the numbers ("12 (12 key)").
const NUMBER_ROOM: f32 = 62.0;

/// Draws the chart across the text area's full width. Names are cleaned through the composer
/// (so unprintable characters are reported at this place).
pub(crate) fn theme_figure(c: &mut Composer, counts: &[ThemeCount]) -> Figure {
    let centre = MARGIN_LEFT + CONTENT_WIDTH / 2.0;
    let half = CONTENT_WIDTH / 2.0 - NUMBER_ROOM;
    let max = counts.iter().map(|t| t.strengths.max(t.areas)).max().unwrap_or(0).max(1);
    let unit = half / max as f32;
    let fonts = Fonts::get();
    let width = |s: Style, t: &str| fonts.width(s.style, s.size, t);
    let mut rows = Vec::new();

    let title = Style::BOLD.sized(10.0);
    rows.push(FigureRow {
        height: 16.0,
        items: vec![Item::Text(run("Strengths and areas for consideration by theme", title, MARGIN_LEFT, 11.0))],
    });
    let axis = Style::BOLD.sized(8.5).with_colour(Colour::MUTED);
    let left = "Strengths";
    let right = "Areas for consideration";
    rows.push(FigureRow {
        height: 13.0,
        items: vec![
            Item::Text(run(left, axis, centre - 4.0 - width(axis, left), 9.0)),
            Item::Text(run(right, axis, centre + 4.0, 9.0)),
        ],
    });

    for t in counts {
        let name = c.clean(&t.name);
        let lines = wrap_clean(&name, NAME, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        let mut items = Vec::new();
        let mut y = 0.0;
        for l in &lines {
            for r in &l.runs {
                items.push(Item::Text(crate::briefing::page::TextRun { y: r.y + y, ..r.clone() }));
            }
            y += l.height;
        }
        let top = y + 1.0;
        let key_s = t.key_strengths as f32 * unit;
        let other_s = t.strengths.saturating_sub(t.key_strengths) as f32 * unit;
        let key_a = t.key_areas as f32 * unit;
        let other_a = t.areas.saturating_sub(t.key_areas) as f32 * unit;
        solid(&mut items, centre - key_s, top, key_s, BAR, STRENGTH);
        hatched(&mut items, centre - key_s - other_s, top, other_s, BAR, STRENGTH);
        solid(&mut items, centre, top, key_a, BAR, AREA);
        hatched(&mut items, centre + key_a, top, other_a, BAR, AREA);
        items.push(Item::Rule {
            x1: centre,
            y1: top - 2.0,
            x2: centre,
            y2: top + BAR + 2.0,
            width: 0.8,
            colour: Colour::TEXT,
        });
        let baseline = top + BAR / 2.0 + 3.0;
        let s = side_text(t.strengths, t.key_strengths);
        items.push(Item::Text(run(&s, NUMBER, centre - key_s - other_s - 4.0 - width(NUMBER, &s), baseline)));
        let a = side_text(t.areas, t.key_areas);
        items.push(Item::Text(run(&a, NUMBER, centre + key_a + other_a + 4.0, baseline)));
        rows.push(FigureRow { height: top + BAR + 6.0, items });
    }

    // The legend, in words beside a sample of each fill.
    let label = Style::BODY.sized(8.5);
    let legend = [
        (STRENGTH, "Key strengths", "Other strengths"),
        (AREA, "Key areas for consideration", "Other areas for consideration"),
    ];
    // The "other" samples line up under each other.
    let second = MARGIN_LEFT + 20.0 + legend.iter().map(|(_, key, _)| width(label, key)).fold(0.0, f32::max) + 14.0;
    for (colour, key, other) in legend {
        let mut items = Vec::new();
        solid(&mut items, MARGIN_LEFT, 2.0, 16.0, 8.0, colour);
        items.push(Item::Text(run(key, label, MARGIN_LEFT + 20.0, 9.0)));
        let x = second;
        hatched(&mut items, x, 2.0, 16.0, 8.0, colour);
        items.push(Item::Text(run(other, label, x + 20.0, 9.0)));
        rows.push(FigureRow { height: 12.0, items });
    }
    let note = "Each side gives all findings, with the key findings among them in brackets.";
    rows.push(FigureRow {
        height: 13.0,
        items: vec![Item::Text(run(note, label.with_colour(Colour::MUTED), MARGIN_LEFT, 9.0))],
    });
    Figure { rows, alt: themes_alt(counts) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::compose::test_composer;
    use crate::model::{Finding, Theme};

    fn review() -> Review {
        let mut r = Review {
            themes: vec![Theme::new("vision", "Vision, strategy and leadership"), Theme::new("voice", "")],
            findings: vec![
                Finding::new(FindingKind::Strength, "a", "vision", true),
                Finding::new(FindingKind::Strength, "b", "vision", false),
                Finding::new(FindingKind::Strength, "c", "vision", false),
                Finding::new(FindingKind::AreaForConsideration, "d", "vision", true),
                Finding::new(FindingKind::AreaForConsideration, "e", "voice", false),
            ],
            ..Review::default()
        };
        r.findings[4].themes.push("vision".into());
        r
    }

    #[test]
    fn counts_follow_the_dashboard_a_finding_under_each_of_its_themes() {
        let counts = theme_counts(&review());
        assert_eq!(
            counts,
            vec![
                ThemeCount {
                    name: "Vision, strategy and leadership".into(),
                    strengths: 3,
                    key_strengths: 1,
                    areas: 2,
                    key_areas: 1
                },
                ThemeCount { name: "voice".into(), strengths: 0, key_strengths: 0, areas: 1, key_areas: 0 },
            ]
        );
        assert_eq!(
            themes_alt(&counts),
            "Strengths and areas for consideration by theme, with the key findings among them. \
             Vision, strategy and leadership: 3 strengths (1 key) and 2 areas for consideration (1 key). \
             voice: 0 strengths (0 key) and 1 area for consideration (0 key)."
        );
    }

    #[test]
    fn every_number_and_name_is_written_and_the_longest_side_fills_half_the_width() {
        let mut c = test_composer();
        let counts = theme_counts(&review());
        let figure = theme_figure(&mut c, &counts);
        let t = figure.texts();
        for want in ["Vision, strategy and leadership", "voice", "3 (1 key)", "2 (1 key)", "0 (0 key)", "1 (0 key)"] {
            assert!(t.iter().any(|s| s == want), "{want} missing from {t:?}");
        }
        assert!(t.iter().any(|s| s == "Key strengths") && t.iter().any(|s| s == "Other areas for consideration"));
        // The theme row with three strengths: its bars reach exactly half the width less the number room.
        let rects: Vec<(f32, f32)> = figure.rows[2]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, width, .. } => Some((*x, *width)),
                _ => None,
            })
            .collect();
        let centre = MARGIN_LEFT + CONTENT_WIDTH / 2.0;
        let leftmost = rects.iter().map(|(x, _)| *x).fold(f32::MAX, f32::min);
        assert!((centre - leftmost - (CONTENT_WIDTH / 2.0 - NUMBER_ROOM)).abs() < 0.01, "{rects:?}");
        // Nothing outside the text area.
        for item in figure.rows.iter().flat_map(|r| &r.items) {
            match item {
                Item::Text(t) => {
                    assert!(t.x >= MARGIN_LEFT - 0.01 && t.x + t.width <= MARGIN_LEFT + CONTENT_WIDTH + 0.01, "{t:?}")
                }
                Item::Rect { x, width, .. } => assert!(*x >= MARGIN_LEFT && x + width <= MARGIN_LEFT + CONTENT_WIDTH),
                _ => {}
            }
        }
        assert_eq!(figure.alt, themes_alt(&counts));
    }

    #[test]
    fn a_long_theme_name_wraps_instead_of_running_off_the_page() {
        let mut c = test_composer();
        let long = ThemeCount {
            name: "Partnership working ".repeat(30),
            strengths: 1,
            key_strengths: 1,
            areas: 0,
            key_areas: 0,
        };
        let figure = theme_figure(&mut c, &[long]);
        let names = figure.rows[2]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Text(t) if t.text.starts_with("Partnership")))
            .count();
        assert!(names > 1, "wrapped over several lines");
    }
}

//! An action plan's actions by RAG status as one stacked bar: each segment as long as its share,
//! its status written inside it in words where it fits (the number alone where it does not),
//! and a key under the bar naming every status with its count.

use super::{Figure, FigureRow, plural, solid};
use crate::briefing::compose::{CONTENT_WIDTH, MARGIN_LEFT, Style, run};
use crate::briefing::fonts::Fonts;
use crate::briefing::page::{Colour, Item};
use crate::model::RagStatus;

/// How many actions have one status.
pub(crate) type StatusCount = (RagStatus, usize);

/// The statuses in the bar's order (most urgent first), with their fills and text colours, as
/// on the dashboard.
const ORDER: [(RagStatus, Colour, Colour); 5] = [
    (RagStatus::Red, Colour { r: 0xb0, g: 0x1e, b: 0x1e }, Colour::WHITE),
    (RagStatus::Amber, Colour { r: 0xf0, g: 0xa0, b: 0x00 }, Colour::TEXT),
    (RagStatus::Green, Colour { r: 0x2e, g: 0x7d, b: 0x32 }, Colour::WHITE),
    (RagStatus::NotStarted, Colour { r: 0x75, g: 0x75, b: 0x75 }, Colour::WHITE),
    (RagStatus::Complete, Colour { r: 0x1d, g: 0x4e, b: 0x89 }, Colour::WHITE),
];

/// Counts by status in the bar's order, statuses with no actions left out.
pub(crate) fn status_counts(statuses: impl IntoIterator<Item = RagStatus>) -> Vec<StatusCount> {
    let all: Vec<RagStatus> = statuses.into_iter().collect();
    ORDER.iter().map(|(s, _, _)| (*s, all.iter().filter(|a| *a == s).count())).filter(|(_, n)| *n > 0).collect()
}

/// "2 red, 1 amber and 3 complete" (the bar in words); "no actions" for none.
pub(crate) fn status_words(counts: &[StatusCount]) -> String {
    let parts: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {}", s.label().to_lowercase())).collect();
    match parts.as_slice() {
        [] => "no actions".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

const BAR: f32 = 20.0;

/// The stacked bar across the text area's width, titled `title`.
pub(crate) fn status_figure(title: &str, counts: &[StatusCount]) -> Figure {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let fonts = Fonts::get();
    let inside = Style::BOLD.sized(9.0);
    let heading = Style::BOLD.sized(10.0);
    let mut rows = vec![FigureRow { height: 16.0, items: vec![Item::Text(run(title, heading, MARGIN_LEFT, 11.0))] }];
    let mut items = Vec::new();
    let mut x = MARGIN_LEFT;
    for &(status, n) in counts {
        let (_, fill, ink) = ORDER.iter().copied().find(|(s, _, _)| *s == status).unwrap_or(ORDER[3]);
        let len = if total == 0 { 0.0 } else { CONTENT_WIDTH * n as f32 / total as f32 };
        solid(&mut items, x, 0.0, len, BAR, fill);
        // A white gap between segments, so neighbours of similar lightness stay apart.
        if x > MARGIN_LEFT {
            items.push(Item::Rule { x1: x, y1: 0.0, x2: x, y2: BAR, width: 1.5, colour: Colour::WHITE });
        }
        let words = format!("{n} {}", status.label().to_lowercase());
        let number = n.to_string();
        let text = [words, number].into_iter().find(|t| fonts.width(inside.style, inside.size, t) + 6.0 <= len);
        if let Some(text) = text {
            let w = fonts.width(inside.style, inside.size, &text);
            items.push(Item::Text(run(&text, inside.with_colour(ink), x + (len - w) / 2.0, BAR / 2.0 + 3.2)));
        }
        x += len;
    }
    rows.push(FigureRow { height: BAR + 5.0, items });
    // The key: every status in words, so a segment too narrow for its label is still named.
    let label = Style::BODY.sized(8.5);
    let mut items = Vec::new();
    let mut x = MARGIN_LEFT;
    let mut y = 0.0;
    for &(status, n) in counts {
        let (_, fill, _) = ORDER.iter().copied().find(|(s, _, _)| *s == status).unwrap_or(ORDER[3]);
        let text = format!("{}: {}", status.label(), plural(n, "action", "actions"));
        let w = 14.0 + fonts.width(label.style, label.size, &text) + 14.0;
        if x + w > MARGIN_LEFT + CONTENT_WIDTH && x > MARGIN_LEFT {
            x = MARGIN_LEFT;
            y += 12.0;
        }
        solid(&mut items, x, y + 2.0, 10.0, 8.0, fill);
        items.push(Item::Text(run(&text, label, x + 14.0, y + 9.0)));
        x += w;
    }
    rows.push(FigureRow { height: y + 14.0, items });
    let alt = format!("{title}: {} in all: {}.", plural(total, "action", "actions"), status_words(counts));
    Figure { rows, alt }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_the_bars_order_and_in_words() {
        use RagStatus::*;
        let counts = status_counts([Complete, Red, Amber, Complete, Green]);
        assert_eq!(counts, vec![(Red, 1), (Amber, 1), (Green, 1), (Complete, 2)]);
        assert_eq!(status_words(&counts), "1 off track (red), 1 at risk (amber), 1 on track (green) and 2 complete");
        assert_eq!(status_words(&counts[..1]), "1 off track (red)");
        assert_eq!(status_words(&[]), "no actions");
    }

    #[test]
    fn segments_split_the_width_by_share_and_are_named_in_words() {
        use RagStatus::*;
        let counts = vec![(Red, 1), (Green, 3)];
        let f = status_figure("Actions by status", &counts);
        let rects: Vec<f32> = f.rows[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { width, .. } => Some(*width),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 2);
        assert!((rects[0] - CONTENT_WIDTH / 4.0).abs() < 0.01 && (rects[1] - CONTENT_WIDTH * 0.75).abs() < 0.01);
        let t = f.texts();
        for want in
            ["1 off track (red)", "3 on track (green)", "Off track (red): 1 action", "On track (green): 3 actions"]
        {
            assert!(t.iter().any(|s| s == want), "{want} missing from {t:?}");
        }
        assert_eq!(f.alt, "Actions by status: 4 actions in all: 1 off track (red) and 3 on track (green).");
    }

    #[test]
    fn a_narrow_segment_shows_its_number_and_the_key_still_names_it() {
        use RagStatus::*;
        let f = status_figure("Actions by status", &[(Red, 1), (Complete, 30)]);
        let t = f.texts();
        assert!(t.iter().any(|s| s == "1"), "{t:?}");
        assert!(t.iter().any(|s| s == "Off track (red): 1 action"));
        assert!(t.iter().any(|s| s == "30 complete"));
    }
}

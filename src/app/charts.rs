//! Dashboard charts: strengths against areas for consideration per theme as a diverging bar
//! chart, and the action plan's RAG status as a stacked bar with the actions that need a look.
//! Painted with egui's `Painter`; every number is also written as text and every bar has an
//! accessible name, so colour is never the only signal.

use egui::{Color32, CornerRadius, FontId, Rect, RichText, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2};

use super::command::Action;
use super::document::Editing;
use crate::model::{ActionAt, Date, FindingKind, Place, RagStatus, Section};

/// What the bars' fills mean, in words.
pub const LEGEND: &str = "Strengths left of the centre line, areas for consideration right. \
Solid: key findings; pale and hatched: other findings.";

/// Height of one bar in points.
const BAR_HEIGHT: f32 = 18.0;
/// Room kept at each end of the chart for the numbers.
const NUMBER_ROOM: f32 = 72.0;

/// One theme's counts, as the theme matrix counts them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeBar {
    pub theme_id: String,
    pub name: String,
    pub strengths: usize,
    pub key_strengths: usize,
    pub areas: usize,
    pub key_areas: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl ThemeBar {
    /// "Vision, strategy and leadership: 2 strengths (1 key), 1 area for consideration (1 key)".
    pub fn accessible_name(&self) -> String {
        format!(
            "{}: {} ({} key), {} ({} key)",
            self.name,
            plural(self.strengths, "strength", "strengths"),
            self.key_strengths,
            plural(self.areas, "area for consideration", "areas for consideration"),
            self.key_areas
        )
    }
}

/// The bars, one per theme in the review's order.
pub fn theme_bars(doc: &Editing) -> Vec<ThemeBar> {
    doc.review
        .themes
        .iter()
        .map(|t| ThemeBar {
            theme_id: t.id.clone(),
            name: if t.label.trim().is_empty() { t.id.clone() } else { t.label.clone() },
            strengths: doc.count(FindingKind::Strength, &t.id, false),
            key_strengths: doc.count(FindingKind::Strength, &t.id, true),
            areas: doc.count(FindingKind::AreaForConsideration, &t.id, false),
            key_areas: doc.count(FindingKind::AreaForConsideration, &t.id, true),
        })
        .collect()
}

/// Lengths in points of a bar's four segments, each measured out from the centre line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segments {
    pub key_strengths: f32,
    pub other_strengths: f32,
    pub key_areas: f32,
    pub other_areas: f32,
}

/// Segment lengths proportional to the counts: `max` findings fill `half_width`.
pub fn segments(bar: &ThemeBar, max: usize, half_width: f32) -> Segments {
    let unit = if max == 0 { 0.0 } else { half_width / max as f32 };
    let len = |n: usize| n as f32 * unit;
    Segments {
        key_strengths: len(bar.key_strengths),
        other_strengths: len(bar.strengths.saturating_sub(bar.key_strengths)),
        key_areas: len(bar.key_areas),
        other_areas: len(bar.areas.saturating_sub(bar.key_areas)),
    }
}

/// The number written at a side's end: "3 (1 key)".
pub fn side_text(all: usize, key: usize) -> String {
    format!("{all} ({key} key)")
}

const STRENGTH: Color32 = Color32::from_rgb(0x1d, 0x5e, 0xa8);
const AREA: Color32 = Color32::from_rgb(0xb3, 0x4a, 0x00);

/// Draws both charts; returns the jump a click on an action asked for. A click on a theme's bar
/// sets the dashboard's theme filter.
pub fn show(ui: &mut Ui, doc: &mut Editing) -> Option<Action> {
    theme_chart(ui, doc);
    let today = crate::store::today();
    doc.review.action_summary(today)?;
    ui.add_space(10.0);
    action_chart(ui, doc, today)
}

fn theme_chart(ui: &mut Ui, doc: &mut Editing) {
    let bars = theme_bars(doc);
    if bars.is_empty() {
        return;
    }
    ui.label(RichText::new("Strengths and areas by theme").strong());
    ui.add(egui::Label::new(LEGEND).wrap());
    ui.weak("Click a bar to show only that theme's findings.");
    let max = bars.iter().map(|b| b.strengths.max(b.areas)).max().unwrap_or(0).max(1);
    let width = (ui.available_width() - 12.0).max(240.0);
    let half = (width / 2.0 - NUMBER_ROOM).max(20.0);
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(13.0);
    for bar in &bars {
        let galley = ui.painter().layout(bar.name.clone(), font.clone(), text_color, width);
        let height = galley.size().y + 2.0 + BAR_HEIGHT;
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
        let name = bar.accessible_name();
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
        let selected = doc.view.filter.theme.as_deref() == Some(bar.theme_id.as_str());
        if response.clicked() {
            doc.view.filter.theme = Some(bar.theme_id.clone());
        }
        if !ui.is_rect_visible(rect) {
            continue;
        }
        let painter = ui.painter_at(rect.expand(1.0));
        if selected || response.hovered() || response.has_focus() {
            let stroke = if selected { Stroke::new(2.0, text_color) } else { ui.visuals().widgets.hovered.bg_stroke };
            painter.rect_stroke(rect, 3.0, stroke, StrokeKind::Inside);
        }
        painter.galley(rect.min + egui::vec2(4.0, 0.0), galley, text_color);
        let top = rect.bottom() - BAR_HEIGHT;
        let centre = rect.center().x;
        let s = segments(bar, max, half);
        let seg =
            |from: f32, to: f32| Rect::from_x_y_ranges(from.min(to)..=from.max(to), top + 2.0..=rect.bottom() - 2.0);
        let pale = |c: Color32| c.gamma_multiply(0.3);
        let solid = |r: Rect, c: Color32| {
            if r.width() > 0.0 {
                painter.rect_filled(r, CornerRadius::ZERO, c);
            }
        };
        let outlined = |r: Rect, c: Color32| {
            if r.width() > 0.0 {
                painter.rect_filled(r, CornerRadius::ZERO, pale(c));
                // Hatched as well as paler, for print-like contrast and colour-blind readers.
                let hatch = painter.with_clip_rect(r);
                let mut x = r.left() - r.height();
                while x < r.right() {
                    hatch.line_segment([pos2(x, r.bottom()), pos2(x + r.height(), r.top())], Stroke::new(1.0, c));
                    x += 6.0;
                }
                painter.rect_stroke(r, CornerRadius::ZERO, Stroke::new(1.0, c), StrokeKind::Inside);
            }
        };
        let key_s = centre - s.key_strengths;
        solid(seg(centre, key_s), STRENGTH);
        outlined(seg(key_s, key_s - s.other_strengths), STRENGTH);
        let key_a = centre + s.key_areas;
        solid(seg(centre, key_a), AREA);
        outlined(seg(key_a, key_a + s.other_areas), AREA);
        painter.line_segment([pos2(centre, top), pos2(centre, rect.bottom())], Stroke::new(1.5, text_color));
        let y = top + BAR_HEIGHT / 2.0;
        let left_end = key_s - s.other_strengths;
        painter.text(
            pos2(left_end - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            side_text(bar.strengths, bar.key_strengths),
            font.clone(),
            text_color,
        );
        painter.text(
            pos2(key_a + s.other_areas + 4.0, y),
            egui::Align2::LEFT_CENTER,
            side_text(bar.areas, bar.key_areas),
            font.clone(),
            text_color,
        );
        ui.add_space(4.0);
    }
}

/// The RAG statuses in the stacked bar's order, with their fills and text colours.
pub const RAG_ORDER: [(RagStatus, Color32, Color32); 5] = [
    (RagStatus::Red, Color32::from_rgb(0xb0, 0x1e, 0x1e), Color32::WHITE),
    (RagStatus::Amber, Color32::from_rgb(0xf0, 0xa0, 0x00), Color32::BLACK),
    (RagStatus::Green, Color32::from_rgb(0x2e, 0x7d, 0x32), Color32::WHITE),
    (RagStatus::NotStarted, Color32::from_rgb(0x75, 0x75, 0x75), Color32::WHITE),
    (RagStatus::Complete, Color32::from_rgb(0x1d, 0x4e, 0x89), Color32::WHITE),
];

/// Counts by status in `RAG_ORDER`, statuses with no actions left out.
pub fn rag_counts(statuses: &[RagStatus]) -> Vec<(RagStatus, usize)> {
    RAG_ORDER
        .iter()
        .map(|(status, _, _)| (*status, statuses.iter().filter(|s| *s == status).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The stacked bar's segments as (status, count, start, end) in points from the bar's left edge.
pub fn rag_segments(counts: &[(RagStatus, usize)], width: f32) -> Vec<(RagStatus, usize, f32, f32)> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let mut x = 0.0;
    counts
        .iter()
        .map(|&(status, n)| {
            let len = if total == 0 { 0.0 } else { width * n as f32 / total as f32 };
            let seg = (status, n, x, x + len);
            x += len;
            seg
        })
        .collect()
}

/// "2 red, 1 amber, 3 complete": the bar in words.
pub fn rag_words(counts: &[(RagStatus, usize)]) -> String {
    counts.iter().map(|(s, n)| format!("{n} {}", s.label().to_lowercase())).collect::<Vec<_>>().join(", ")
}

/// Actions to look at: overdue ones first, then the three whose due dates moved most (most moves
/// first; never moved ones left out).
pub fn overdue_and_moved(doc: &Editing, today: Date) -> (Vec<ActionAt<'_>>, Vec<ActionAt<'_>>) {
    (doc.review.action_plan.overdue(today), doc.review.action_plan.moved_most(3))
}

fn due_text(due: Option<Date>) -> String {
    due.map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"))
}

fn action_chart(ui: &mut Ui, doc: &Editing, today: Date) -> Option<Action> {
    let statuses: Vec<RagStatus> = doc.review.action_plan.actions().map(|a| a.item.status).collect();
    let counts = rag_counts(&statuses);
    let words = rag_words(&counts);
    ui.label(RichText::new("Action plan by status").strong());
    // Clear of the scroll bar, which floats over the panel's right edge.
    let width = (ui.available_width() - 12.0).max(120.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 24.0), Sense::hover());
    let chart_name = format!("Action plan status chart: {words}");
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &chart_name));
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(13.0);
    for (status, n, from, to) in rag_segments(&counts, rect.width()) {
        let (_, fill, ink) = RAG_ORDER.iter().find(|(s, _, _)| *s == status).copied().unwrap_or(RAG_ORDER[3]);
        let seg = Rect::from_x_y_ranges(rect.left() + from..=rect.left() + to, rect.y_range());
        painter.rect_filled(seg, CornerRadius::ZERO, fill);
        painter.rect_stroke(seg, CornerRadius::ZERO, Stroke::new(1.0, ui.visuals().panel_fill), StrokeKind::Inside);
        // The status in words where it fits, the number alone where it does not.
        let words = format!("{n} {}", status.label().to_lowercase());
        let fits = painter.layout_no_wrap(words.clone(), font.clone(), ink).size().x + 6.0 <= seg.width();
        let text = if fits { words } else { n.to_string() };
        painter.text(seg.center(), egui::Align2::CENTER_CENTER, text, font.clone(), ink);
    }
    ui.label(format!("In order: {words}."));
    let (overdue, moved) = overdue_and_moved(doc, today);
    let mut jump = None;
    let mut item = |ui: &mut Ui, at: ActionAt<'_>, text: String| {
        let r = ui.add(egui::Button::new(text).wrap().frame_when_inactive(false)).on_hover_text("Open in the editor");
        if r.clicked() {
            jump = Some(Action::JumpTo(Place::new(Section::Action(at.outcome, at.action), "due")));
        }
    };
    ui.label(RichText::new(format!("Overdue actions ({})", overdue.len())).strong());
    if overdue.is_empty() {
        ui.label("No action is overdue.");
    }
    for at in overdue {
        let a = at.item;
        item(ui, at, format!("Overdue: {} ({}, {})", a.text, due_text(a.due), a.status.label().to_lowercase()));
    }
    if !moved.is_empty() {
        ui.label(RichText::new("Due dates moved most").strong());
    }
    for at in moved {
        let times = plural(at.item.due_history.len(), "time", "times");
        item(ui, at, format!("Moved {times}: {} (now {})", at.item.text, due_text(at.item.due)));
    }
    jump
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(strengths: usize, key_strengths: usize, areas: usize, key_areas: usize) -> ThemeBar {
        ThemeBar {
            theme_id: "vision".into(),
            name: "Vision, strategy and leadership".into(),
            strengths,
            key_strengths,
            areas,
            key_areas,
        }
    }

    #[test]
    fn accessible_names_say_every_count_in_words() {
        assert_eq!(
            bar(2, 1, 1, 1).accessible_name(),
            "Vision, strategy and leadership: 2 strengths (1 key), 1 area for consideration (1 key)"
        );
        assert_eq!(
            bar(1, 0, 0, 0).accessible_name(),
            "Vision, strategy and leadership: 1 strength (0 key), 0 areas for consideration (0 key)"
        );
    }

    #[test]
    fn bar_lengths_are_proportional_to_the_counts() {
        let s = segments(&bar(4, 1, 2, 2), 4, 200.0);
        assert_eq!(s, Segments { key_strengths: 50.0, other_strengths: 150.0, key_areas: 100.0, other_areas: 0.0 });
        // The longest side fills the half width exactly.
        assert_eq!(s.key_strengths + s.other_strengths, 200.0);
        let empty = segments(&bar(0, 0, 0, 0), 0, 200.0);
        assert_eq!(empty.key_strengths + empty.other_strengths + empty.key_areas + empty.other_areas, 0.0);
        assert_eq!(side_text(4, 1), "4 (1 key)");
    }

    #[test]
    fn the_legend_explains_sides_and_fills_in_words() {
        assert!(LEGEND.contains("Strengths left"));
        assert!(LEGEND.contains("areas for consideration right"));
        assert!(LEGEND.contains("Solid: key findings"));
    }

    #[test]
    fn the_stacked_bar_splits_its_width_by_status() {
        let (r, a, c) = (RagStatus::Red, RagStatus::Amber, RagStatus::Complete);
        let counts = rag_counts(&[c, r, a, c]);
        assert_eq!(counts, vec![(RagStatus::Red, 1), (RagStatus::Amber, 1), (RagStatus::Complete, 2)]);
        assert_eq!(rag_words(&counts), "1 off track (red), 1 at risk (amber), 2 complete");
        let segs = rag_segments(&counts, 400.0);
        assert_eq!(
            segs,
            vec![
                (RagStatus::Red, 1, 0.0, 100.0),
                (RagStatus::Amber, 1, 100.0, 200.0),
                (RagStatus::Complete, 2, 200.0, 400.0)
            ]
        );
    }
}

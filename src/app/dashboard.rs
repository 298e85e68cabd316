//! The dashboard: the first thing a Director sees. Key strengths against key areas for
//! consideration side by side, the balance per theme as numbers, and the review's headline facts.

use egui::{Color32, RichText, Ui, WidgetInfo};

use super::command::Action;
use super::document::{DashboardFilter, Editing};
use super::editor::commit_pending_theme_id;
use crate::model::{Finding, FindingKind, Place, ProtectiveMarking, Review, Section, paragraphs};

/// What a click in a findings column asked for.
enum Click {
    /// Open finding N in the editor.
    Open(usize),
    /// Add a finding of this kind (and open it in the editor to write it).
    Add(FindingKind),
}

/// Draws the dashboard; returns the action a click asked for (open a finding in the editor).
pub fn show(ui: &mut Ui, doc: &mut Editing) -> Option<Action> {
    // A theme id typed in the editor just before switching here takes effect now.
    if commit_pending_theme_id(ui.ctx(), doc) {
        doc.note_change(false);
    }
    let mut click = None;
    let mut chart = None;
    // Facts, the theme balance and the reviewers' summary on the right; the findings side by side
    // in the middle, so the headline lists are the first thing on screen.
    egui::Panel::right("dashboard_facts").resizable(true).default_size(520.0).min_size(400.0).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("dashboard_facts_scroll").auto_shrink(false).show(ui, |ui| {
            ui.add_space(4.0);
            facts(ui, &doc.review);
            ui.add_space(10.0);
            theme_matrix(ui, doc);
            ui.add_space(10.0);
            chart = super::charts::show(ui, doc);
            ui.add_space(10.0);
            super::since_last::show(ui, doc);
            ui.add_space(10.0);
            findings_summary(ui, &doc.review);
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let review = &doc.review;
        marking(ui, review.marking);
        let title = if review.title.trim().is_empty() { "Untitled review" } else { review.title.as_str() };
        ui.label(RichText::new(title).heading().strong());
        if !review.subject.is_empty() {
            ui.label(&review.subject);
        }
        if let Some(summary) = review.action_summary(crate::store::today()) {
            let text = RichText::new(summary.to_string()).strong();
            if summary.overdue > 0 {
                ui.colored_label(ui.visuals().warn_fg_color, text);
            } else {
                ui.label(text);
            }
        }
        ui.add_space(4.0);
        filters(ui, &doc.review, &mut doc.view.filter);
        ui.separator();
        let review = &doc.review;
        let filter = &doc.view.filter;
        let needle = filter.search.trim().to_lowercase();
        let revision = doc.revision;
        egui::ScrollArea::vertical().id_salt("dashboard_findings").auto_shrink(false).show_viewport(
            ui,
            |ui, viewport| {
                // The visible part of the content, in screen coordinates.
                let top = ui.max_rect().top();
                let visible = egui::Rangef::new(top + viewport.min.y, top + viewport.max.y);
                ui.columns(2, |cols| {
                    for (col, kind) in cols.iter_mut().zip([FindingKind::Strength, FindingKind::AreaForConsideration]) {
                        let list = Column { review, filter, needle: &needle, kind, revision, visible };
                        if let Some(c) = list.show(col) {
                            click = Some(c);
                        }
                    }
                });
            },
        );
    });
    if chart.is_some() {
        return chart;
    }
    match click? {
        Click::Open(i) => Some(Action::JumpTo(Place::new(Section::Finding(i), "text"))),
        Click::Add(kind) => Some(add_finding(doc, kind)),
    }
}

/// Adds a finding that the dashboard, as filtered, will show: key while only key findings show,
/// in the chosen theme, with the search cleared (a new finding has no words to match yet). Then
/// opens it in the editor to be written.
fn add_finding(doc: &mut Editing, kind: FindingKind) -> Action {
    let filter = &mut doc.view.filter;
    let theme = filter.theme.clone().or_else(|| doc.review.themes.first().map(|t| t.id.clone()));
    let mut finding = Finding::new(kind, "", theme.as_deref().unwrap_or(""), filter.key_only);
    if theme.is_none() {
        finding.themes.clear();
    }
    filter.search.clear();
    let i = doc.review.add_finding(finding);
    doc.note_change(false);
    doc.view.selected_finding = Some(i);
    Action::JumpTo(Place::new(Section::Finding(i), "text"))
}

/// The protective marking: a banner that cannot be missed for OFFICIAL-SENSITIVE, a quiet line
/// for OFFICIAL (the default for council business).
fn marking(ui: &mut Ui, marking: ProtectiveMarking) {
    match marking {
        ProtectiveMarking::OfficialSensitive => {
            // White on dark red: a contrast ratio over 9:1 in light and dark mode alike.
            egui::Frame::new().fill(Color32::from_rgb(0x99, 0x00, 0x00)).inner_margin(8.0).corner_radius(4.0).show(
                ui,
                |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(
                            "OFFICIAL-SENSITIVE: handle with care. Share this review only with people who need to know.",
                        )
                        .color(Color32::WHITE)
                        .strong(),
                    );
                },
            );
            ui.add_space(4.0);
        }
        ProtectiveMarking::Official => {
            ui.weak("Protective marking: OFFICIAL");
        }
    }
}

fn facts(ui: &mut Ui, review: &Review) {
    let or_not_set = |d: Option<crate::model::Date>| d.map_or_else(|| "not set".to_owned(), |d| d.to_string());
    let review_date = match (review.review_start, review.review_end) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.to_string(),
        (None, Some(b)) => b.to_string(),
        (None, None) => "not set".to_owned(),
    };
    let rows: [(&str, String); 7] = [
        ("Council", review.council.clone()),
        ("Facilitated by", review.facilitator.clone()),
        ("Review date", review_date),
        ("Previous review", or_not_set(review.previous_review)),
        ("Review team", format!("{} members", review.team.len())),
        ("Panel", review.meeting.panel.clone()),
        ("Meeting date", or_not_set(review.meeting.date)),
    ];
    egui::Grid::new("headline_facts").num_columns(2).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
        for (name, value) in rows {
            ui.label(RichText::new(name).strong());
            let value = if value.trim().is_empty() { "not set".to_owned() } else { value };
            ui.add(egui::Label::new(value).wrap());
            ui.end_row();
        }
    });
}

/// One row per theme: counts of strengths and areas, key and all, always as text.
fn theme_matrix(ui: &mut Ui, doc: &Editing) {
    ui.label(RichText::new("Findings by theme").strong());
    let review = &doc.review;
    let columns = [
        (FindingKind::Strength, true, "key strengths"),
        (FindingKind::Strength, false, "all strengths"),
        (FindingKind::AreaForConsideration, true, "key areas for consideration"),
        (FindingKind::AreaForConsideration, false, "all areas for consideration"),
    ];
    // Fixed widths that fit the panel, so the grid never pushes the panel wider.
    let number_width = 64.0;
    let spacing = 8.0;
    let theme_width = (ui.available_width() - 4.0 * (number_width + spacing) - 24.0).max(120.0);
    let cell = |ui: &mut Ui, width: f32, add: &mut dyn FnMut(&mut Ui)| {
        ui.vertical(|ui| {
            ui.set_min_width(width);
            ui.set_max_width(width);
            add(ui);
        });
    };
    egui::Grid::new("theme_matrix").num_columns(5).spacing([spacing, 4.0]).striped(true).show(ui, |ui| {
        cell(ui, theme_width, &mut |_| {});
        for group in ["Strengths", "", "Areas", ""] {
            cell(ui, number_width, &mut |ui| {
                ui.label(RichText::new(group).strong());
            });
        }
        ui.end_row();
        cell(ui, theme_width, &mut |ui| {
            ui.label(RichText::new("Theme").strong());
        });
        for header in ["Key", "All", "Key", "All"] {
            cell(ui, number_width, &mut |ui| {
                ui.label(RichText::new(header).strong());
            });
        }
        ui.end_row();
        for theme in &review.themes {
            let name = if theme.label.trim().is_empty() { theme.id.as_str() } else { theme.label.as_str() };
            cell(ui, theme_width, &mut |ui| {
                ui.add(egui::Label::new(name).wrap());
            });
            for (kind, key_only, spoken) in columns {
                let n = doc.count(kind, &theme.id, key_only);
                cell(ui, number_width, &mut |ui| count_cell(ui, n, &format!("{name}, {spoken}")));
            }
            ui.end_row();
        }
        cell(ui, theme_width, &mut |ui| {
            ui.label(RichText::new("All themes").strong());
        });
        for (kind, key_only, spoken) in columns {
            let n = review.findings_of(kind, key_only).count();
            cell(ui, number_width, &mut |ui| count_cell(ui, n, &format!("All themes, {spoken}")));
        }
        ui.end_row();
    });
}

/// A number whose accessible name says what it counts ("Vision…, key strengths: 2"), so a
/// screen reader user gets the table's meaning without its layout.
fn count_cell(ui: &mut Ui, n: usize, what: &str) {
    let r = ui.label(n.to_string());
    let name = format!("{what}: {n}");
    r.widget_info(move || WidgetInfo::labeled(egui::Role::Label, true, &name));
}

fn findings_summary(ui: &mut Ui, review: &Review) {
    let summary = paragraphs(&review.findings_summary);
    if summary.is_empty() {
        return;
    }
    ui.label(RichText::new("Findings summary").strong());
    for p in summary {
        ui.add(egui::Label::new(p).wrap());
    }
}

fn filters(ui: &mut Ui, review: &Review, filter: &mut DashboardFilter) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        ui.radio_value(&mut filter.key_only, true, "Key findings only");
        ui.radio_value(&mut filter.key_only, false, "All findings");
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Theme:");
        let selected = filter.theme.as_deref().map_or("Every theme", |id| review.theme_label(id)).to_owned();
        let combo =
            egui::ComboBox::from_id_salt("theme_filter").selected_text(selected).width(240.0).show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.theme, None, "Every theme");
                for theme in &review.themes {
                    ui.selectable_value(&mut filter.theme, Some(theme.id.clone()), theme.label.as_str());
                }
            });
        let _ = combo.response.labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label("Search findings:");
        ui.add(egui::TextEdit::singleline(&mut filter.search).hint_text("words in a finding").desired_width(200.0))
            .labelled_by(label.id);
        if !filter.search.is_empty() && ui.button("Clear search").clicked() {
            filter.search.clear();
        }
    });
}

fn matches(finding: &Finding, filter: &DashboardFilter, needle: &str) -> bool {
    (!filter.key_only || finding.key)
        && filter.theme.as_ref().is_none_or(|id| finding.themes.iter().any(|t| t == id))
        && (needle.is_empty() || finding.text.to_lowercase().contains(needle))
}

/// Lists longer than this are virtualised: only the cards near the visible part are laid out,
/// the rest take their measured height as empty space. Shorter lists (every real review so far)
/// are laid out whole, so every card stays in the accessibility tree.
const VIRTUALISE_ABOVE: usize = 60;

/// The cards' measured heights (cursor advance, spacing included) for one column, valid while
/// the document revision, the filters and the column width are unchanged.
#[derive(Clone, Default)]
struct CardHeights {
    key: u64,
    heights: Vec<f32>,
}

/// One column of finding cards.
struct Column<'a> {
    review: &'a Review,
    filter: &'a DashboardFilter,
    needle: &'a str,
    kind: FindingKind,
    revision: u64,
    /// The visible part of the scroll area, in screen coordinates.
    visible: egui::Rangef,
}

impl Column<'_> {
    fn show(&self, ui: &mut Ui) -> Option<Click> {
        let (review, filter) = (self.review, self.filter);
        let mut click = None;
        let shown: Vec<(usize, &Finding)> = review
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == self.kind && matches(f, filter, self.needle))
            .collect();
        let heading = match (self.kind, filter.key_only) {
            (k, true) => k.key_heading(),
            (FindingKind::Strength, false) => "Strengths",
            (FindingKind::AreaForConsideration, false) => "Areas for consideration",
        };
        ui.label(RichText::new(format!("{heading} ({})", shown.len())).heading());
        let add = match (self.kind, filter.key_only) {
            (FindingKind::Strength, true) => "Add key strength",
            (FindingKind::Strength, false) => "Add strength",
            (FindingKind::AreaForConsideration, true) => "Add key area for consideration",
            (FindingKind::AreaForConsideration, false) => "Add area for consideration",
        };
        // In a row, so the justified column does not stretch the button to its full width.
        ui.horizontal(|ui| {
            if ui.button(add).on_hover_text("Add one and write it in the editor").clicked() {
                click = Some(Click::Add(self.kind));
            }
        });
        if shown.is_empty() {
            ui.weak("None match the filters.");
        }
        // Both columns share a scope id, so the kind goes into these ids.
        let cache_id = ui.scope_id().with(("card_heights", self.kind));
        let card_ids = ui.scope_id().with(("finding_card", self.kind));
        let key = egui::util::hash((
            self.revision,
            filter.key_only,
            &filter.theme,
            self.needle,
            ui.available_width().to_bits(),
            shown.len(),
        ));
        let mut cache = ui.data_mut(|d| d.remove_temp::<CardHeights>(cache_id)).unwrap_or_default();
        let measured = cache.key == key && cache.heights.len() == shown.len();
        if !measured {
            cache = CardHeights { key, heights: vec![0.0; shown.len()] };
        }
        let virtualise = measured && shown.len() > VIRTUALISE_ABOVE;
        // Lay out one screen above and below the visible part too, so Tab and the arrow keys
        // always find the next card (which then scrolls into view).
        let margin = self.visible.span();
        let near = egui::Rangef::new(self.visible.min - margin, self.visible.max + margin);
        let spacing = ui.spacing().item_spacing.y;
        let mut skipped = 0.0;
        for (n, (i, finding)) in shown.into_iter().enumerate() {
            let top = ui.cursor().top() + skipped;
            if virtualise && !near.intersects(egui::Rangef::new(top, top + cache.heights[n])) {
                skipped += cache.heights[n];
                continue;
            }
            if skipped > 0.0 {
                ui.allocate_space(egui::vec2(0.0, skipped - spacing));
                skipped = 0.0;
            }
            let before = ui.cursor().top();
            // An explicit id per finding: with `push_id` the ids inside would still depend on how
            // many cards before it were skipped, and focus would be lost while scrolling.
            ui.scope_builder(egui::UiBuilder::new().scope_id(card_ids.with(i)), |ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    // Left-aligned, not justified: `columns` lays out justified, which stretches wrapped text.
                    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                        finding_item(ui, review, filter, i, finding, &mut click)
                    });
                });
            });
            cache.heights[n] = ui.cursor().top() - before;
        }
        if skipped > 0.0 {
            ui.allocate_space(egui::vec2(0.0, skipped - spacing));
        }
        ui.data_mut(|d| d.insert_temp(cache_id, cache));
        click
    }
}

/// One finding on the dashboard: its text (a button opening it in the editor) and its themes.
fn finding_item(
    ui: &mut Ui,
    review: &Review,
    filter: &DashboardFilter,
    i: usize,
    finding: &Finding,
    click: &mut Option<Click>,
) {
    let text = if finding.text.trim().is_empty() { "(no text yet)" } else { finding.text.as_str() };
    let r = ui
        .add(egui::Button::new(text).wrap().frame_when_inactive(false))
        .on_hover_text("Open this finding in the editor");
    // Keep the keyboard focus on screen (egui does not scroll to a focused button by itself); in
    // a virtualised list this also brings the next cards near enough to be laid out.
    if r.gained_focus() {
        r.scroll_to_me(None);
    }
    if r.clicked() {
        *click = Some(Click::Open(i));
    }
    let themes: Vec<&str> = finding.themes.iter().map(|id| review.theme_label(id)).collect();
    let mut note = if themes.is_empty() { "Theme: none".to_owned() } else { format!("Theme: {}", themes.join("; ")) };
    if !filter.key_only && finding.key {
        note.push_str(" · key finding");
    }
    let statuses: Vec<String> =
        review.action_plan.answering(&finding.id).map(|a| a.item.status.label().to_lowercase()).collect();
    match statuses.as_slice() {
        [] => {}
        [one] => note.push_str(&format!(" · action: {one}")),
        many => note.push_str(&format!(" · actions: {}", many.join(", "))),
    }
    ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
}

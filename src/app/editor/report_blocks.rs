//! The editor of one report block, one function per kind: paragraphs, lists, recommendations with
//! lettered sub-items, a quotation, implications, and data blocks shown as a summary of what
//! they will print (the data itself is edited on its own page).

use egui::{RichText, Ui};

use super::{Form, named_button};
use crate::app::document::EditorPage;
use crate::model::{Block, DataBlock, FindingKind, Implication, Place, Recommendation, Review, Section};

/// What data blocks summarise, counted before the report is borrowed for editing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    themes: usize,
    questions: usize,
    team: usize,
    strengths: usize,
    areas: usize,
    findings: usize,
    actions: usize,
    appendices: usize,
    contacts: usize,
    papers: usize,
}

impl Facts {
    pub fn of(review: &Review) -> Facts {
        Facts {
            themes: review.themes.len(),
            questions: review.focus_questions.len(),
            team: review.team.len(),
            strengths: review.findings_of(FindingKind::Strength, true).count(),
            areas: review.findings_of(FindingKind::AreaForConsideration, true).count(),
            findings: review.findings.len(),
            actions: review.action_plan.actions().count(),
            appendices: review.appendices.len(),
            contacts: review.contacts.general.len() + review.contacts.officers.len(),
            papers: review.background_papers.len(),
        }
    }
}

/// "6 findings", "1 finding", "no findings".
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// What a data block will print, in words, and the page that edits its data.
pub fn data_summary(data: &DataBlock, facts: &Facts) -> (String, EditorPage) {
    let (what, page) = match data {
        DataBlock::ThemeList { .. } => (count(facts.themes, "theme", "themes"), EditorPage::Themes),
        DataBlock::FocusQuestions => (count(facts.questions, "question", "questions"), EditorPage::Themes),
        DataBlock::ReviewTeam => (count(facts.team, "member", "members"), EditorPage::Team),
        DataBlock::KeyStrengths => (count(facts.strengths, "key finding", "key findings"), EditorPage::Findings),
        DataBlock::KeyAreas => (count(facts.areas, "key finding", "key findings"), EditorPage::Findings),
        DataBlock::FindingsByTheme => (count(facts.findings, "finding", "findings"), EditorPage::Findings),
        DataBlock::ActionPlan => (count(facts.actions, "action", "actions"), EditorPage::Findings),
        DataBlock::Appendices => (count(facts.appendices, "appendix", "appendices"), EditorPage::Closing),
        DataBlock::ContactPoints => (count(facts.contacts, "contact", "contacts"), EditorPage::Closing),
        DataBlock::BackgroundPapers => (count(facts.papers, "paper", "papers"), EditorPage::Closing),
        DataBlock::SinceLastReview => ("compared with the previous review's file".to_owned(), EditorPage::Report),
    };
    (format!("{} — {what}", data.label()), page)
}

/// The kinds a new block can be, in the "Add block" menu's order.
pub fn new_blocks() -> Vec<Block> {
    let mut kinds = vec![
        Block::paragraphs(""),
        Block::Paragraphs { text: String::new(), numbered: false },
        Block::Bullets(vec![String::new()]),
        Block::Lettered(vec![String::new()]),
        Block::Recommendations(vec![Recommendation::default()]),
        Block::Quotation { text: String::new() },
        Block::Implications(Implication::standard()),
    ];
    kinds.extend(
        [
            DataBlock::ThemeList { intro: String::new() },
            DataBlock::FocusQuestions,
            DataBlock::ReviewTeam,
            DataBlock::KeyStrengths,
            DataBlock::KeyAreas,
            DataBlock::FindingsByTheme,
            DataBlock::ActionPlan,
            DataBlock::Appendices,
            DataBlock::ContactPoints,
            DataBlock::BackgroundPapers,
            DataBlock::SinceLastReview,
        ]
        .into_iter()
        .map(Block::Data),
    );
    kinds
}

/// The kinds this block can become without losing a word: text blocks among themselves, lists
/// among themselves (recommendations only while no sub-item has text). Empty: none.
pub fn conversions(block: &Block) -> Vec<Block> {
    match block {
        Block::Paragraphs { text, numbered } => {
            vec![Block::Paragraphs { text: text.clone(), numbered: !numbered }, Block::Quotation { text: text.clone() }]
        }
        Block::Quotation { text } => {
            vec![Block::paragraphs(text), Block::Paragraphs { text: text.clone(), numbered: false }]
        }
        Block::Bullets(items) => vec![Block::Lettered(items.clone()), recommendations(items)],
        Block::Lettered(items) => vec![Block::Bullets(items.clone()), recommendations(items)],
        Block::Recommendations(recs) if recs.iter().all(|r| r.sub_items.iter().all(|s| s.trim().is_empty())) => {
            let items: Vec<String> = recs.iter().map(|r| r.text.clone()).collect();
            vec![Block::Bullets(items.clone()), Block::Lettered(items)]
        }
        _ => Vec::new(),
    }
}

/// Whether [`conversions`] has anything to offer, without copying any text.
pub fn can_convert(block: &Block) -> bool {
    match block {
        Block::Paragraphs { .. } | Block::Quotation { .. } | Block::Bullets(_) | Block::Lettered(_) => true,
        Block::Recommendations(recs) => recs.iter().all(|r| r.sub_items.iter().all(|s| s.trim().is_empty())),
        Block::Implications(_) | Block::Data(_) => false,
    }
}

fn recommendations(items: &[String]) -> Block {
    Block::Recommendations(items.iter().map(|t| Recommendation { text: t.clone(), sub_items: Vec::new() }).collect())
}

/// "(a)", "(b)" … "(z)", "(aa)" …: the letters the sub-items print with.
pub fn letter(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'a' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    format!("({s})")
}

/// Where a block is, for the places its fields report to warnings.
#[derive(Clone, Copy)]
pub struct At {
    pub section: usize,
    pub block: usize,
    /// The section's only written block: its text box is named by the heading alone ("Conclusion").
    pub alone: bool,
}

impl At {
    fn block(self, field: &'static str) -> Place {
        Place::new(Section::ReportBlock(self.section, self.block), field)
    }
    fn item(self, i: usize, field: &'static str) -> Place {
        Place::new(Section::ReportItem(self.section, self.block, i), field)
    }
    fn sub_item(self, i: usize, j: usize) -> Place {
        Place::new(Section::ReportSubItem(self.section, self.block, i, j), "")
    }
}

/// Draws the editor of `block`. `name` is the section's heading (for accessible names), `hint`
/// the template's prompt, shown in empty text boxes.
pub fn show(ui: &mut Ui, form: &mut Form, block: &mut Block, at: At, name: &str, hint: &str, facts: &Facts) {
    match block {
        Block::Paragraphs { text, numbered } => {
            let label = if *numbered { "numbered paragraphs" } else { "paragraphs" };
            let label = if at.alone { name.to_owned() } else { format!("{name}: {label}") };
            text_box(ui, form, &label, text, hint, at.block("text"));
            ui.weak(if *numbered {
                "Each paragraph takes the report's next paragraph number. Leave a blank line between paragraphs."
            } else {
                "Printed without paragraph numbers. Leave a blank line between paragraphs."
            });
        }
        Block::Quotation { text } => {
            let label = if at.alone { name.to_owned() } else { format!("{name}: quotation") };
            text_box(ui, form, &label, text, hint, at.block("text"));
            ui.weak("The reviewers' own words, printed in italics.");
        }
        Block::Bullets(items) => list(ui, form, items, at, &format!("{name}: bullet"), |_| "•".to_owned()),
        Block::Lettered(items) => list(ui, form, items, at, &format!("{name}: item"), letter),
        Block::Recommendations(recs) => recommendation_list(ui, form, recs, at, name, hint),
        Block::Implications(items) => implications(ui, form, items, at, name),
        Block::Data(data) => {
            let (summary, page) = data_summary(data, facts);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Prints: {summary}")).italics());
                let link = ui.link(format!("Edit on “{}”", page.label()));
                let link_name = format!("Edit {} on the page {}", data.label().to_lowercase(), page.label());
                let link = link.on_hover_text(&link_name);
                link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &link_name));
                if link.clicked() {
                    form.go_to = Some(page);
                }
            });
            if let DataBlock::ThemeList { intro } = data {
                text_box(
                    ui,
                    form,
                    &format!("{name}: lead-in to the themes"),
                    intro,
                    "The review looked at these themes:",
                    at.block("intro"),
                );
            }
        }
    }
}

/// A multi-line text box with an accessible label and the template's prompt as hint text.
fn text_box(ui: &mut Ui, form: &mut Form, label: &str, value: &mut String, hint: &str, place: Place) -> egui::Response {
    let r = ui.add(egui::TextEdit::multiline(value).hint_text(hint).desired_rows(3).desired_width(f32::INFINITY));
    let name = label.to_owned();
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &name));
    if !hint.is_empty() {
        // Hint text is painted only; screen readers hear the template's prompt as the description.
        ui.ctx().accesskit_node_builder(r.id, |node| node.set_description(hint.to_owned()));
    }
    form.track(&r, place);
    r
}

/// One line per item, its marker as printed before it, with move/remove buttons and an Add button.
fn list(ui: &mut Ui, form: &mut Form, items: &mut Vec<String>, at: At, noun: &str, marker: impl Fn(usize) -> String) {
    let mut op = None;
    let len = items.len();
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(marker(i));
            let width = (ui.available_width() - 170.0).max(120.0);
            let r = ui.add(egui::TextEdit::multiline(item).desired_rows(1).desired_width(width));
            let name = format!("{noun} {}", i + 1);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &name));
            form.track(&r, at.item(i, ""));
            op = op.or(form.row_buttons(ui, noun, i, len));
        });
    }
    if let Some(op) = op {
        op.apply(items);
    }
    if form.add_button(ui, &format!("Add {}", noun.rsplit(": ").next().unwrap_or(noun)), at.block("")) {
        items.push(String::new());
    }
}

/// Recommendations, each with lettered sub-items (a), (b)… shown as they will print.
fn recommendation_list(ui: &mut Ui, form: &mut Form, recs: &mut Vec<Recommendation>, at: At, name: &str, hint: &str) {
    let mut op = None;
    let len = recs.len();
    for (i, rec) in recs.iter_mut().enumerate() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Recommendation {}", i + 1)).strong());
                op = op.or(form.row_buttons(ui, &format!("{name}: recommendation"), i, len));
            });
            text_box(ui, form, &format!("{name}: recommendation {}", i + 1), &mut rec.text, hint, at.item(i, "text"));
            let mut sub_op = None;
            let sub_len = rec.sub_items.len();
            for (j, sub) in rec.sub_items.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.add_space(24.0);
                    ui.label(letter(j));
                    let width = (ui.available_width() - 170.0).max(120.0);
                    let r = ui.add(egui::TextEdit::multiline(sub).desired_rows(1).desired_width(width));
                    let label = format!("{name}: recommendation {} sub-item {}", i + 1, letter(j));
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &label));
                    form.track(&r, at.sub_item(i, j));
                    sub_op = sub_op.or(form.row_buttons(ui, &format!("sub-item {}", letter(j)), j, sub_len));
                });
            }
            if let Some(op) = sub_op {
                op.apply(&mut rec.sub_items);
            }
            let add = format!("Add sub-item {} to recommendation {}", letter(rec.sub_items.len()), i + 1);
            if named_button(ui, true, "Add sub-item", &add) {
                rec.sub_items.push(String::new());
                form.changed = true;
            }
        });
    }
    if let Some(op) = op {
        op.apply(recs);
    }
    if form.add_button(ui, "Add recommendation", at.block("")) {
        recs.push(Recommendation::default());
    }
}

/// Each standard sub-heading with its text; an empty one says what it will print.
fn implications(ui: &mut Ui, form: &mut Form, items: &mut Vec<Implication>, at: At, name: &str) {
    let mut op = None;
    let len = items.len();
    for (i, imp) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&imp.heading).strong());
            op = op.or(form.row_buttons(ui, "implication", i, len));
        });
        let label = format!("{name}: {} implications", imp.heading);
        let r = text_box(ui, form, &label, &mut imp.text, "", at.item(i, "text"));
        // A warning about the sub-heading itself lands on its text too: the heading is the template's.
        form.target(&r, at.item(i, "heading"));
        if imp.text.trim().is_empty() {
            ui.weak(format!("Empty: will print “{}”", Implication::NONE));
        }
    }
    if let Some(op) = op {
        op.apply(items);
    }
    let id = ui.make_persistent_id(("new_implication", at.section, at.block));
    let mut heading: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let r = ui.add(egui::TextEdit::singleline(&mut heading).hint_text("Another sub-heading, e.g. Procurement"));
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New implication sub-heading"));
        let ok = !heading.trim().is_empty();
        if ui.add_enabled(ok, egui::Button::new("Add implication")).clicked() {
            items.push(Implication { heading: heading.trim().to_owned(), text: String::new() });
            heading.clear();
            form.changed = true;
        }
    });
    ui.data_mut(|d| d.insert_temp(id, heading));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_on_past_z() {
        assert_eq!(letter(0), "(a)");
        assert_eq!(letter(1), "(b)");
        assert_eq!(letter(25), "(z)");
        assert_eq!(letter(26), "(aa)");
        assert_eq!(letter(27), "(ab)");
    }

    #[test]
    fn conversions_keep_every_word() {
        let p = Block::paragraphs("One.\n\nTwo.");
        for c in conversions(&p) {
            assert!(!c.is_empty(), "{c:?}");
            assert_ne!(c.kind_label(), p.kind_label());
        }
        let with_sub = Block::Recommendations(vec![Recommendation { text: "Do".into(), sub_items: vec!["x".into()] }]);
        assert!(conversions(&with_sub).is_empty(), "sub-items would be lost");
        let list = Block::Lettered(vec!["a".into(), "b".into()]);
        assert!(conversions(&list).iter().any(|b| matches!(b, Block::Recommendations(r) if r.len() == 2)));
        assert!(conversions(&Block::Data(DataBlock::KeyAreas)).is_empty());
        for block in new_blocks().iter().chain([&with_sub, &p, &list]) {
            assert_eq!(can_convert(block), !conversions(block).is_empty(), "{block:?}");
        }
    }

    #[test]
    fn data_summaries_count_what_will_print() {
        use crate::model::Finding;
        let mut review = Review::default();
        for (text, key) in [("Strong leadership", true), ("Good partners", true), ("Tidy offices", false)] {
            review.findings.push(Finding::new(FindingKind::Strength, text, "leadership", key));
        }
        let facts = Facts::of(&review);
        let (text, page) = data_summary(&DataBlock::KeyStrengths, &facts);
        assert_eq!(text, "Key strengths — 2 key findings", "only key findings print there");
        assert_eq!(data_summary(&DataBlock::FindingsByTheme, &facts).0, "Findings by theme (table) — 3 findings");
        assert_eq!(page, EditorPage::Findings);
        assert_eq!(data_summary(&DataBlock::ReviewTeam, &Facts::default()).0, "Review team — no members");
        assert_eq!(new_blocks().len(), 7 + 11);
    }
}

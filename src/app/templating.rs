//! Templates in the window: File → New review from a template…, Apply template… (shows what
//! will change, asks, and is one Undo step), and Save as template… (a council's own template,
//! written as readable RON into the user's template folder).

use super::PeerBriefApp;
use super::document::{Document, EditorPage, View};
use super::prompts::{Answer, Offered, Prompt, name_problem};
use crate::model::{Block, HeaderFactSpec, Recommendation, Review, Template};
use crate::store::{TEMPLATE_EXTENSION, list_templates, template_text, user_template_dir, write_atomically};

/// Every template there is, built-ins first, the review's own template first when it has one.
fn offered(review: Option<&Review>) -> (Vec<Offered>, usize) {
    let offered: Vec<Offered> = list_templates()
        .into_iter()
        .map(|(template, source)| {
            let changes = review.map(|r| changes(r, &template)).unwrap_or_default();
            Offered { template, source, changes }
        })
        .collect();
    let current = review.and_then(|r| r.template.as_ref());
    let choice = current.and_then(|t| offered.iter().position(|o| o.template.name == t.name)).unwrap_or(0);
    (offered, choice)
}

/// What applying `template` to `review` would change, worked out on a copy of the parts it
/// touches (a large review's findings are not copied).
pub fn changes(review: &Review, template: &Template) -> Vec<String> {
    let mut copy = Review {
        template: review.template.clone(),
        numbering: review.numbering,
        house_style: review.house_style.clone(),
        header_facts: review.header_facts.clone(),
        ..Review::default()
    };
    copy.report = review.report.clone();
    copy.apply_template(template)
}

/// A template made from a review: its sections, headings, prompts and block kinds with the
/// author's words taken out, its numbering, header fact labels and house style.
pub fn template_from(review: &Review, name: &str, description: &str) -> Template {
    let mut sections = review.report.sections.clone();
    for section in &mut sections {
        for block in &mut section.blocks {
            match block {
                Block::Paragraphs { text, .. } | Block::Quotation { text } => text.clear(),
                Block::Bullets(items) | Block::Lettered(items) => *items = vec![String::new()],
                Block::Recommendations(recs) => *recs = vec![Recommendation::default()],
                Block::Implications(items) => items.iter_mut().for_each(|i| i.text.clear()),
                Block::Data(crate::model::DataBlock::ThemeList { .. }) | Block::Data(_) => {}
            }
        }
    }
    Template {
        name: name.to_owned(),
        version: 1,
        description: description.to_owned(),
        numbering: review.numbering,
        header_facts: review
            .header_facts
            .iter()
            .map(|f| HeaderFactSpec { label: f.label.clone(), required: false })
            .collect(),
        house_style: review.house_style.clone(),
        // The logo's bytes travel in `house_style`; there is no file beside the new template.
        logo: None,
        sections,
    }
}

impl PeerBriefApp {
    pub(super) fn ask_new_from_template(&mut self) {
        let (offered, _) = offered(None);
        let choice = offered.iter().position(|o| o.template.name == "standard-committee-report").unwrap_or(0);
        self.prompt = Some(Prompt::NewFromTemplate { offered, choice });
    }

    pub(super) fn ask_apply_template(&mut self) {
        let Some(doc) = self.current() else { return self.error("Open a review to apply a template to it.") };
        let Some(e) = doc.editing() else { return self.error("Only a review can follow a template.") };
        let id = doc.id;
        let (offered, choice) = offered(Some(&e.review));
        self.prompt = Some(Prompt::ApplyTemplate { doc: id, offered, choice });
    }

    pub(super) fn ask_save_as_template(&mut self) {
        let Some(doc) = self.current() else { return self.error("Open a review to make a template from it.") };
        if doc.editing().is_none() {
            return self.error("Only a review's report can become a template.");
        }
        let id = doc.id;
        self.prompt = Some(Prompt::SaveAsTemplate {
            doc: id,
            name: String::new(),
            description: String::new(),
            problem: String::new(),
        });
    }

    /// Carries out an answer to one of the template questions; gives the prompt back if the
    /// answer was to another question.
    pub(super) fn answer_template(&mut self, prompt: Prompt, answer: Answer) -> Option<Prompt> {
        match (prompt, answer) {
            (Prompt::NewFromTemplate { offered, .. }, Answer::NewFromTemplate(choice)) => {
                match choice.and_then(|i| offered.into_iter().nth(i)) {
                    Some(o) => self.new_review_from(&o.template),
                    None => self.info("Cancelled: no new review."),
                }
                None
            }
            (Prompt::ApplyTemplate { doc, offered, .. }, Answer::ApplyTemplate(choice)) => {
                match choice.and_then(|i| offered.into_iter().nth(i)) {
                    Some(o) => self.apply_template(doc, &o.template),
                    None => self.info("Cancelled: the review is unchanged."),
                }
                None
            }
            (Prompt::SaveAsTemplate { doc, .. }, Answer::SaveAsTemplate(Some((name, description)))) => {
                match self.save_as_template(doc, &name, &description) {
                    Ok(message) => {
                        self.info(message);
                        None
                    }
                    Err(problem) => Some(Prompt::SaveAsTemplate { doc, name, description, problem }),
                }
            }
            (Prompt::SaveAsTemplate { .. }, Answer::SaveAsTemplate(None)) => {
                self.info("Cancelled: no template saved.");
                None
            }
            (prompt, _) => Some(prompt),
        }
    }

    fn new_review_from(&mut self, template: &Template) {
        let id = self.new_id();
        let mut doc = Document::new_review(id, Review::from_template(template));
        if let Some(e) = doc.editing_mut() {
            e.view.current = View::Editor;
            e.view.page = EditorPage::Text;
        }
        self.docs.push(doc);
        self.current = self.docs.len() - 1;
        self.info(format!("New review following the template {}.", template.name));
    }

    fn apply_template(&mut self, id: super::DocId, template: &Template) {
        let Some(e) = self.index_of(id).and_then(|i| self.docs[i].editing_mut()) else {
            return self.error("That review is no longer open: nothing was applied.");
        };
        // Typing still being merged is its own step, so Undo takes back only the template.
        e.settle(false);
        let changes = e.review.apply_template(template);
        e.note_change(false);
        let n = changes.len();
        self.info(match n {
            0 => format!("The review already follows {}: nothing changed.", template.name),
            1 => format!("Applied {}: 1 change (Undo reverses it).", template.name),
            n => format!("Applied {}: {n} changes (Undo reverses them).", template.name),
        });
    }

    /// Writes the template; `Err` is shown in the question so the user can choose another name.
    fn save_as_template(&mut self, id: super::DocId, name: &str, description: &str) -> Result<String, String> {
        if let Some(problem) = name_problem(name) {
            return Err(problem);
        }
        let review = self.index_of(id).and_then(|i| self.docs[i].editing()).map(|e| &e.review);
        let Some(review) = review else { return Err("That review is no longer open.".to_owned()) };
        let Some(dir) = user_template_dir() else {
            return Err("There is no folder for your templates: neither XDG_CONFIG_HOME nor HOME is set.".to_owned());
        };
        let path = dir.join(format!("{name}.{TEMPLATE_EXTENSION}"));
        if path.exists() {
            return Err(format!(
                "You already have a template called {name} ({}); choose another name.",
                path.display()
            ));
        }
        let text = template_text(&template_from(review, name, description))?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("Could not make the folder {}: {}", dir.display(), crate::store::plain_io(&e)))?;
        write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(format!("Saved the template {name} in {}.", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Implication;

    #[test]
    fn a_template_from_a_review_keeps_its_shape_and_none_of_its_words() {
        let mut review = Review::default();
        *review.report.text_mut("summary") = "Our secret findings.".into();
        review.report.sections[0]
            .blocks
            .push(Block::Implications(vec![Implication { heading: "Financial".into(), text: "£4,000".into() }]));
        let t = template_from(&review, "harbridge", "Harbridge's own");
        assert_eq!(t.sections.len(), review.report.sections.len());
        let text = template_text(&t).unwrap();
        assert!(!text.contains("secret") && !text.contains("£4,000"), "{text}");
        assert!(text.contains("Financial"));
        let back = crate::store::parse_template(&text, std::path::Path::new("h.peertemplate")).unwrap();
        assert_eq!(back, t, "readable RON that loads again");
    }

    #[test]
    fn changes_are_worked_out_without_touching_the_review() {
        let review = Review::default();
        let (t, _) = crate::store::find_template("standard-committee-report").unwrap();
        let before = review.clone();
        let changes = changes(&review, &t);
        assert!(changes.iter().any(|c| c.starts_with("Added section")), "{changes:?}");
        assert_eq!(review, before);
    }
}

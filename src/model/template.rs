//! Council templates: the sections a council's committee reports must have, in order, with their
//! default blocks, prompts, numbering style, header facts and house style.
//!
//! A review made from a template carries a copy of all of it (so a file e-mailed to another
//! officer prints the same there) and the template's name and version, so Apply template can
//! bring it up to date later without touching what the author wrote.

use serde::{Deserialize, Serialize};

use super::{HeaderFact, HouseStyle, Numbering, Place, ReportSection, Review, Section, TemplateRef, Warning};

/// A template's section is a report section with empty text: id, heading, whether the heading
/// is fixed, whether it is required, the author's prompt and the default blocks.
pub type TemplateSection = ReportSection;

/// A header fact the template asks for ("Wards affected"), and whether it must be filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderFactSpec {
    pub label: String,
    #[serde(default)]
    pub required: bool,
}

/// A council's report template, as stored in a `.peertemplate` file (RON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PeerTemplate", deny_unknown_fields)]
pub struct Template {
    /// Short stable name, used on the command line and recorded in reviews: "standard-committee-report".
    pub name: String,
    /// Raised by the council when it changes the template.
    pub version: u32,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub numbering: Numbering,
    #[serde(default)]
    pub header_facts: Vec<HeaderFactSpec>,
    #[serde(default)]
    pub house_style: HouseStyle,
    /// The council's logo file (PNG or SVG), relative to the template file. Loading the template
    /// reads it into `house_style.logo`, so reviews made from the template carry the bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    pub sections: Vec<TemplateSection>,
}

impl Template {
    /// What a review records about the template it follows.
    pub fn reference(&self) -> TemplateRef {
        TemplateRef { name: self.name.clone(), version: self.version }
    }
}

impl Review {
    /// A new, blank review laid out by `template` (the LGA five themes, as File → New).
    pub fn from_template(template: &Template) -> Review {
        let mut review = Review {
            template: Some(template.reference()),
            numbering: template.numbering,
            house_style: template.house_style.clone(),
            header_facts: template
                .header_facts
                .iter()
                .map(|f| HeaderFact { label: f.label.clone(), value: String::new() })
                .collect(),
            ..Review::default()
        };
        review.report.sections = template.sections.clone();
        review
    }

    /// Brings the review up to `template`: adds the sections and header facts it lacks (in the
    /// template's order), updates fixed headings, flags, prompts, numbering and house style, and
    /// records the template. Never removes a section or changes a word the author wrote.
    /// Returns what changed, one sentence each, for the status bar or the terminal.
    pub fn apply_template(&mut self, template: &Template) -> Vec<String> {
        let mut changes = Vec::new();
        // Where the next missing section goes: after the last template section already present.
        let mut insert_at = 0;
        for spec in &template.sections {
            match self.report.sections.iter().position(|s| s.id == spec.id) {
                Some(i) => {
                    let section = &mut self.report.sections[i];
                    if spec.fixed && section.heading != spec.heading {
                        changes.push(format!(
                            "Heading “{}” is now “{}” (fixed by the template)",
                            section.heading, spec.heading
                        ));
                        section.heading = spec.heading.clone();
                    }
                    if section.required != spec.required || section.fixed != spec.fixed {
                        changes.push(format!("Section “{}”: required and fixed as the template says", section.heading));
                    }
                    section.fixed = spec.fixed;
                    section.required = spec.required;
                    section.prompt = spec.prompt.clone();
                    insert_at = i + 1;
                }
                None => {
                    changes.push(format!("Added section “{}”", spec.heading));
                    self.report.sections.insert(insert_at, spec.clone());
                    insert_at += 1;
                }
            }
        }
        for spec in &template.header_facts {
            if !self.header_facts.iter().any(|f| f.label == spec.label) {
                changes.push(format!("Added header fact “{}”", spec.label));
                self.header_facts.push(HeaderFact { label: spec.label.clone(), value: String::new() });
            }
        }
        if self.numbering != template.numbering {
            changes.push(format!("Paragraph numbering is now {:?}", template.numbering));
            self.numbering = template.numbering;
        }
        if self.house_style != template.house_style {
            changes.push("House style updated".to_owned());
            self.house_style = template.house_style.clone();
        }
        let reference = Some(template.reference());
        if self.template != reference {
            changes.push(format!("Now follows template {} version {}", template.name, template.version));
            self.template = reference;
        }
        changes
    }

    /// Warnings for what `template` requires and the review lacks: a required section that is
    /// missing, a required header fact with no value. (A warning, never a refusal: the file
    /// may come from an older template or another council.)
    pub fn check_against(&self, template: &Template) -> Vec<Warning> {
        let mut out = Vec::new();
        for spec in template.sections.iter().filter(|s| s.required) {
            if self.report.section(&spec.id).is_none() {
                out.push(Warning {
                    place: Place::doc("report"),
                    message: format!(
                        "Template {} requires the section “{}” (id `{}`), which this review does not have; Apply template adds it",
                        template.name, spec.heading, spec.id
                    ),
                });
            }
        }
        for spec in template.header_facts.iter().filter(|f| f.required) {
            let filled = self.header_facts.iter().any(|f| f.label == spec.label && !f.value.trim().is_empty());
            if !filled {
                out.push(Warning {
                    place: Place::new(Section::Document, "header_facts"),
                    message: format!("Template {} requires the header fact “{}”", template.name, spec.label),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn template() -> Template {
        Template {
            name: "t".into(),
            version: 2,
            description: String::new(),
            numbering: Numbering::BySection,
            header_facts: vec![HeaderFactSpec { label: "Wards affected".into(), required: true }],
            house_style: HouseStyle { footer: "Testshire".into(), logo: None },
            logo: None,
            sections: vec![
                ReportSection {
                    id: "purpose".into(),
                    heading: "Purpose of the report".into(),
                    fixed: true,
                    required: true,
                    blocks: vec![Block::paragraphs("")],
                    ..Default::default()
                },
                ReportSection { id: "next".into(), heading: "Next steps".into(), ..Default::default() },
            ],
        }
    }

    #[test]
    fn applying_adds_and_updates_but_keeps_every_word() {
        let mut r = Review::default();
        let before = r.report.sections.len();
        *r.report.text_mut("purpose") = "To note.".into();
        let changes = r.apply_template(&template());
        assert_eq!(r.report.text("purpose"), "To note.");
        assert_eq!(r.report.section("purpose").map(|s| s.heading.as_str()), Some("Purpose of the report"));
        assert_eq!(r.report.sections.len(), before + 1);
        let purpose = r.report.sections.iter().position(|s| s.id == "purpose");
        assert_eq!(r.report.sections.iter().position(|s| s.id == "next"), purpose.map(|p| p + 1));
        assert_eq!(r.numbering, Numbering::BySection);
        assert_eq!(r.template, Some(TemplateRef { name: "t".into(), version: 2 }));
        assert!(changes.iter().any(|c| c == "Added section “Next steps”"), "{changes:?}");
        assert!(r.apply_template(&template()).is_empty(), "applying twice changes nothing");
    }

    #[test]
    fn a_missing_required_section_is_a_warning() {
        let mut r = Review::from_template(&template());
        assert_eq!(r.check_against(&template()).len(), 1, "the wards are not filled in");
        r.header_facts[0].value = "All".into();
        assert!(r.check_against(&template()).is_empty());
        r.report.sections.remove(0);
        let w = r.check_against(&template());
        assert!(w[0].message.contains("requires the section “Purpose of the report”"), "{w:?}");
    }
}

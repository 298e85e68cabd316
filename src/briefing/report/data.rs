//! Data blocks: the review's facts printed where the author put them in the report.

use super::{BriefingOptions, Writer};
use crate::model::{DataBlock, FindingKind, Review};

impl Writer<'_> {
    pub(super) fn data(&mut self, review: &Review, options: &BriefingOptions, data: &DataBlock, action_plan: bool) {
        match data {
            DataBlock::ThemeList { intro } => self.theme_list(review, intro),
            DataBlock::FocusQuestions => {
                self.c.place = "Focus questions".into();
                self.bullets(&review.focus_questions);
            }
            DataBlock::ReviewTeam => {
                self.c.place = "Review team".into();
                let team: Vec<String> = review.team.iter().map(|m| m.line()).collect();
                self.bullets(&team);
            }
            DataBlock::KeyStrengths => self.key_findings(review, FindingKind::Strength),
            DataBlock::KeyAreas => self.key_findings(review, FindingKind::AreaForConsideration),
            DataBlock::FindingsByTheme => self.findings_table(review, options.charts),
            DataBlock::ActionPlan => self.action_plan_table(&review.action_plan),
            DataBlock::Appendices => self.appendices_list(review, action_plan),
            DataBlock::ContactPoints => self.contacts(review),
            DataBlock::BackgroundPapers => {
                self.c.place = "Background papers".into();
                let papers: Vec<String> = review
                    .background_papers
                    .iter()
                    .map(|p| match &p.url {
                        Some(u) => format!("{} ({u})", p.text),
                        None => p.text.clone(),
                    })
                    .collect();
                self.bullets(&papers);
            }
            DataBlock::SinceLastReview => {
                if let Some(previous) = &options.previous {
                    self.since_last(review, previous);
                }
            }
        }
    }

    /// A numbered lead-in and the themes as bullets; nothing when the review has no themes.
    fn theme_list(&mut self, review: &Review, intro: &str) {
        if review.themes.is_empty() {
            return;
        }
        self.c.place = "Themes".into();
        let intro = if intro.trim().is_empty() { "The review looked at these themes:" } else { intro };
        self.numbered(intro);
        let labels: Vec<String> = review.themes.iter().map(|t| t.label.clone()).collect();
        self.bullets(&labels);
    }

    fn key_findings(&mut self, review: &Review, kind: FindingKind) {
        let key: Vec<String> = review.findings_of(kind, true).map(|(_, f)| f.text.clone()).collect();
        if !key.is_empty() {
            self.c.place = kind.key_heading().to_owned();
            self.subheading_then_bullets(kind.key_heading(), &key);
        }
    }

    /// "The following appendices are attached…" and the list, with the action plan appendix
    /// when it is printed; nothing when there are none.
    fn appendices_list(&mut self, review: &Review, action_plan: bool) {
        if review.appendices.is_empty() && !action_plan {
            return;
        }
        self.c.place = "Supporting information".into();
        let mut list: Vec<String> = review
            .appendices
            .iter()
            .enumerate()
            .map(|(i, a)| match a.exempt {
                Some(p) => format!(
                    "Appendix {} – {} (exempt: not for publication by virtue of paragraph {} of {} of Schedule 12A to the Local Government Act 1972)",
                    i + 1,
                    a.title,
                    p.number(),
                    p.part()
                ),
                None => format!("Appendix {} – {}", i + 1, a.title),
            })
            .collect();
        if action_plan {
            list.push(format!("Appendix {} – Action plan", review.appendices.len() + 1));
        }
        self.numbered("The following appendices are attached to this report:");
        self.bullets(&list);
    }
}

//! The seed report's layout (Worcestershire's 2015 scrutiny panel report) as report sections:
//! what format 1 and 2 files migrate to, what File → New starts from, and the built-in
//! `worcestershire-scrutiny` template's shape (a test checks they agree).

use super::{Block, DataBlock, ReportSection, report::Report};

/// The built-in template the seed layout belongs to.
pub const SEED_TEMPLATE: &str = "worcestershire-scrutiny";

/// The prose fields formats 1 and 2 held, which are really report text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeedText {
    pub summary: String,
    pub background: String,
    pub about_peer_review: String,
    pub themes_intro: String,
    pub focus_intro: String,
    pub team_intro: String,
    pub method: String,
    pub findings_intro: String,
    pub findings_summary: String,
    pub findings_note: String,
    pub conclusion: String,
    pub purpose: String,
    pub recommendations: Vec<String>,
    pub background_papers_statement: String,
}

/// "What is a children's safeguarding peer review?" from the review's subject, as format 2
/// printed it (a subject too long for a side heading gives the general question).
pub fn about_heading(subject: &str) -> String {
    let about = if subject.trim().is_empty() {
        "What is a peer review?".to_owned()
    } else {
        format!("What is a {}?", subject.trim().to_lowercase())
    };
    if about.len() > 60 { "What is a peer review?".to_owned() } else { about }
}

/// "Worcestershire" from "Worcestershire County Council", for the seed's "Worcestershire themes".
pub fn short_council(council: &str) -> String {
    let trimmed = council.trim();
    for suffix in [
        " County Borough Council",
        " Metropolitan Borough Council",
        " County Council",
        " City Council",
        " Borough Council",
        " District Council",
        " Council",
    ] {
        if let Some(s) = trimmed.strip_suffix(suffix) {
            return s.to_owned();
        }
    }
    if trimmed.is_empty() { "Council".to_owned() } else { trimmed.to_owned() }
}

/// "Worcestershire themes"; "Focus of the review" while the council is not yet named.
pub fn focus_heading(council: &str) -> String {
    if council.trim().is_empty() {
        "Focus of the review".to_owned()
    } else {
        format!("{} themes", short_council(council))
    }
}

/// The seed layout holding `text`. Headings are computed as format 2 printed them; `themes` says
/// whether the review has themes (format 2 headed the theme list "Themes" when there was no
/// "What is a … peer review?" text above it).
pub fn seed_report(text: &SeedText, subject: &str, council: &str, themes: bool) -> Report {
    let numbered = |t: &str| Block::paragraphs(t);
    let section = |id: &str, heading: &str, fixed: bool, prompt: &str, blocks: Vec<Block>| ReportSection {
        id: id.to_owned(),
        heading: heading.to_owned(),
        fixed,
        required: false,
        prompt: prompt.to_owned(),
        blocks,
    };
    let about_heading = if themes && super::paragraphs(&text.about_peer_review).is_empty() {
        "Themes".to_owned()
    } else {
        about_heading(subject)
    };
    let sections: Vec<ReportSection> = vec![
        section(
            "summary",
            "Summary",
            true,
            "What the review found, in a few sentences.",
            vec![numbered(&text.summary)],
        ),
        section("background", "Background", true, "Why the review took place.", vec![numbered(&text.background)]),
        section(
            "about",
            &about_heading,
            false,
            "What this kind of peer review is, and the themes it looks at.",
            vec![
                numbered(&text.about_peer_review),
                Block::Data(DataBlock::ThemeList { intro: text.themes_intro.clone() }),
            ],
        ),
        section(
            "focus",
            &focus_heading(council),
            false,
            "What the council asked the reviewers to look at.",
            vec![numbered(&text.focus_intro), Block::Data(DataBlock::FocusQuestions)],
        ),
        section(
            "team",
            "Who conducted the review?",
            true,
            "The review team, and how the review was done.",
            vec![numbered(&text.team_intro), Block::Data(DataBlock::ReviewTeam), numbered(&text.method)],
        ),
        section(
            "findings",
            "Findings",
            true,
            "The reviewers' conclusions and the key findings.",
            vec![
                numbered(&text.findings_intro),
                Block::Quotation { text: text.findings_summary.clone() },
                numbered(&text.findings_note),
                Block::Data(DataBlock::KeyStrengths),
                Block::Data(DataBlock::KeyAreas),
                Block::Data(DataBlock::FindingsByTheme),
            ],
        ),
        section(
            "since_last",
            "Since the Last Review",
            true,
            "Printed when the review names its previous review.",
            vec![Block::Data(DataBlock::SinceLastReview)],
        ),
        section("conclusion", "Conclusion", true, "", vec![numbered(&text.conclusion)]),
        section(
            "purpose",
            "Purpose of the Meeting",
            true,
            "What the panel is asked to do.",
            vec![numbered(&text.purpose), Block::Lettered(text.recommendations.clone())],
        ),
        section("supporting", "Supporting Information", true, "", vec![Block::Data(DataBlock::Appendices)]),
        section("contacts", "Contact Points", true, "", vec![Block::Data(DataBlock::ContactPoints)]),
        section(
            "background_papers",
            "Background Papers",
            true,
            "The proper officer's statement and the papers relied on.",
            vec![
                Block::Paragraphs { text: text.background_papers_statement.clone(), numbered: false },
                Block::Data(DataBlock::BackgroundPapers),
            ],
        ),
    ];
    let mut report = Report { sections };
    for s in &mut report.sections {
        s.required = matches!(s.id.as_str(), "summary" | "findings" | "purpose");
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_computed_as_format_2_printed_them() {
        assert_eq!(
            about_heading("Children's Safeguarding Peer Review"),
            "What is a children's safeguarding peer review?"
        );
        assert_eq!(about_heading(" "), "What is a peer review?");
        assert_eq!(about_heading(&"Very long subject ".repeat(5)), "What is a peer review?");
        assert_eq!(short_council("Worcestershire County Council"), "Worcestershire");
        assert_eq!(short_council(""), "Council");
        let r = seed_report(&SeedText::default(), "", "Afonwen County Borough Council", true);
        assert_eq!(r.section("about").map(|s| s.heading.as_str()), Some("Themes"));
        assert_eq!(r.section("focus").map(|s| s.heading.as_str()), Some("Afonwen themes"));
    }

    #[test]
    fn every_seed_field_lands_in_a_block() {
        let t = SeedText {
            summary: "s".into(),
            findings_summary: "q".into(),
            recommendations: vec!["r".into()],
            background_papers_statement: "bp".into(),
            ..SeedText::default()
        };
        let r = seed_report(&t, "", "", false);
        assert_eq!(r.text("summary"), "s");
        assert_eq!(r.text("background_papers"), "bp");
        assert!(r.find(|b| *b == Block::Quotation { text: "q".into() }).is_some());
        assert!(r.find(|b| *b == Block::Lettered(vec!["r".into()])).is_some());
    }
}

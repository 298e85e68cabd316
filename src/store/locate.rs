//! Where a piece of a field's text is in a review or pack file, as line and column, so the
//! command line can point editors at it. Files are usually in the canonical layout PeerBrief
//! writes, but may have been edited by hand: each step narrows the search when it can and falls
//! back to the first occurrence in the file, else to no position at all.

use crate::model::disclosure::PackPlace;
use crate::model::{Place, Section};

/// Substrings to find one after another (each `count` times) before searching for the text.
pub type Anchors = Vec<(String, usize)>;

/// The anchors leading to a review field's value.
pub fn review_anchors(place: &Place) -> Anchors {
    let top = |key: &str| (format!("\n    {key}:"), 1);
    let nth = |name: &str, i: usize| (format!("{name}("), i + 1);
    let mut a = match place.section {
        Section::Document => match place.field.strip_prefix("contacts.") {
            Some(inner) => vec![top("contacts"), (format!("{inner}:"), 1)],
            None => vec![top(place.field)],
        },
        Section::Meeting => vec![top("meeting")],
        Section::Theme(i) => vec![top("themes"), nth("Theme", i)],
        Section::FocusQuestion(_) => vec![top("focus_questions")],
        Section::TeamMember(i) => vec![top("team"), nth("TeamMember", i)],
        Section::Finding(i) => vec![top("findings"), nth("Finding", i)],
        Section::Outcome(o) | Section::SuccessIndicator(o, _) => vec![top("action_plan"), nth("Outcome", o)],
        Section::Action(o, a) => vec![top("action_plan"), nth("Outcome", o), nth("Action", a)],
        Section::ProgressNote(o, a, n) => {
            vec![top("action_plan"), nth("Outcome", o), nth("Action", a), nth("ProgressNote", n)]
        }
        Section::DueDateChange(o, a, j) => {
            vec![top("action_plan"), nth("Outcome", o), nth("Action", a), nth("DueDateChange", j)]
        }
        Section::Recommendation(_) => vec![top("recommendations")],
        Section::Appendix(i) => vec![top("appendices"), nth("Appendix", i)],
        Section::ContactLine(i) => vec![top("contacts"), nth("ContactLine", i)],
        Section::Officer(i) => vec![top("contacts"), nth("NamedOfficer", i)],
        Section::BackgroundPaper(i) => vec![top("background_papers"), nth("BackgroundPaper", i)],
    };
    if place.section != Section::Document && !place.field.is_empty() {
        // "officer.name" is `name:` inside `officer: Officer(`.
        for part in place.field.split('.') {
            a.push((format!("{part}:"), 1));
        }
    }
    a
}

/// The anchors leading to a pack manifest field (`None` for places inside a report's own file).
pub fn pack_anchors(place: &PackPlace) -> Option<Anchors> {
    let item = |i: usize, field: &str| vec![("AgendaItem(".to_owned(), i + 1), (format!("{field}:"), 1)];
    Some(match place {
        PackPlace::Cover(field) => vec![(format!("\n    {field}:"), 1)],
        PackPlace::Member(_) => vec![("\n    members:".to_owned(), 1)],
        PackPlace::ItemTitle(i) => item(*i, "title"),
        PackPlace::ItemText(i) => item(*i, "content"),
        PackPlace::Report(..) => return None,
    })
}

/// Line and column (1-based, columns in characters) of `needle` in `file_text`: after the
/// anchors if they are all found and the needle follows them, else its first occurrence.
pub fn locate(file_text: &str, anchors: &Anchors, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut from = Some(0);
    for (anchor, count) in anchors {
        for _ in 0..*count {
            from = from.and_then(|f| file_text[f..].find(anchor.as_str()).map(|at| f + at + anchor.len()));
        }
    }
    let at = from.and_then(|f| file_text[f..].find(needle).map(|at| f + at)).or_else(|| file_text.find(needle))?;
    let before = &file_text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_text_in_its_own_field_not_an_earlier_one() {
        let text = "PeerReview(\n    summary: \"Mrs Smith\",\n    findings: [\n        Finding(\n            text: \"a\",\n        ),\n        Finding(\n            text: \"Mrs Smith again\",\n        ),\n    ],\n)\n";
        let place = Place::new(Section::Finding(1), "text");
        assert_eq!(locate(text, &review_anchors(&place), "Mrs Smith"), Some((8, 20)));
        assert_eq!(locate(text, &review_anchors(&Place::doc("summary")), "Mrs Smith"), Some((2, 15)));
        // Anchors that are not there: the first occurrence.
        assert_eq!(
            locate(text, &review_anchors(&Place::new(Section::Appendix(4), "body")), "Mrs Smith"),
            Some((2, 15))
        );
        assert_eq!(locate(text, &vec![], "absent"), None);
    }

    #[test]
    fn finds_an_actions_officer_and_its_latest_note() {
        let text = "PeerReview(\n    action_plan: ActionPlan(\n        outcomes: [\n            Outcome(\n                title: \"Mrs Smith\",\n                actions: [\n                    Action(\n                        text: \"a\",\n                    ),\n                    Action(\n                        text: \"Mrs Smith\",\n                        officer: Officer(\n                            name: \"Mrs Smith\",\n                        ),\n                        progress: [\n                            ProgressNote(\n                                text: \"x\",\n                            ),\n                            ProgressNote(\n                                text: \"Mrs Smith\",\n                            ),\n                        ],\n                    ),\n                ],\n            ),\n        ],\n    ),\n)\n";
        let at = |place| locate(text, &review_anchors(&place), "Mrs Smith");
        assert_eq!(at(Place::new(Section::Outcome(0), "title")), Some((5, 25)));
        assert_eq!(at(Place::new(Section::Action(0, 1), "text")), Some((11, 32)));
        assert_eq!(at(Place::new(Section::Action(0, 1), "officer.name")), Some((13, 36)));
        assert_eq!(at(Place::new(Section::ProgressNote(0, 1, 1), "text")), Some((20, 40)));
    }
}

use super::*;
use crate::model::Theme;

fn review(council: &str, findings: &[(FindingKind, &str, &str)]) -> Review {
    Review {
        council: council.into(),
        themes: vec![Theme::new("practice", "Practice"), Theme::new("partnership", "Partnerships")],
        findings: findings.iter().map(|(k, text, theme)| Finding::new(*k, text, theme, true)).collect(),
        ..Review::default()
    }
}

const A: FindingKind = FindingKind::AreaForConsideration;
const S: FindingKind = FindingKind::Strength;

fn pair() -> (Review, Review) {
    let previous = review(
        "Testshire County Council",
        &[
            (A, "Placement sufficiency is a concern: children are placed far from home.", "partnership"),
            (A, "Supervision of social workers is not recorded.", "practice"),
            (S, "Schools trust the front door.", "partnership"),
        ],
    );
    let current = review(
        "Testshire County Council",
        &[
            (A, "Placements are not sufficient, and too many children live far from home.", "partnership"),
            (A, "Care leavers lack suitable housing.", "partnership"),
            (S, "Schools describe the front door as quick to respond.", "partnership"),
            (A, "Supervision is not always recorded.", "partnership"),
        ],
    );
    (previous, current)
}

#[test]
fn similar_wording_in_the_same_theme_recurs_and_the_rest_is_new_or_not_raised_again() {
    let (previous, current) = pair();
    let c = compare(&previous, &current);
    assert!(c.themes_shared);
    let labels: Vec<(usize, &str)> = c.areas.current.iter().map(|i| (i.index, i.status.label())).collect();
    assert_eq!(labels, [(0, "recurring"), (1, "new"), (3, "new")]);
    match &c.areas.current[0].status {
        Status::Recurring { previous: 0, shared, confirmed: false } => {
            assert_eq!(shared, &["children", "far", "home", "placements"]);
        }
        other => panic!("{other:?}"),
    }
    // "Supervision … recorded" shares the words but not the theme.
    assert_eq!(c.areas.not_raised_again, [1]);
    assert_eq!(c.strengths.current[0].status.label(), "recurring");
    assert!(c.strengths.not_raised_again.is_empty());
}

#[test]
fn a_broken_match_is_new_and_a_confirmed_one_recurs_whatever_the_wording() {
    let (previous, mut current) = pair();
    let text = |i: usize| pair().1.findings[i].text.clone();
    decide(&mut current, &text(0), &previous.findings[0].text, false);
    decide(&mut current, &text(1), &previous.findings[0].text, true);
    let c = compare(&previous, &current);
    assert_eq!(c.areas.current[0].status, Status::New);
    assert_eq!(c.areas.current[0].broken, [0]);
    assert!(matches!(c.areas.current[1].status, Status::Recurring { previous: 0, confirmed: true, .. }));
    // Deciding again replaces the decision; forgetting it brings back the match by wording.
    decide(&mut current, &text(0), &previous.findings[0].text, true);
    assert_eq!(current.comparison.len(), 2);
    undecide(&mut current, &text(1), &previous.findings[0].text);
    let c = compare(&previous, &current);
    assert!(matches!(c.areas.current[0].status, Status::Recurring { previous: 0, confirmed: true, .. }));
    assert_eq!(c.areas.current[1].status, Status::New);
}

#[test]
fn each_previous_finding_matches_at_most_once_the_closest_first() {
    let previous = review("X", &[(A, "Placement sufficiency near home is a pressure.", "partnership")]);
    let current = review(
        "X",
        &[
            (A, "Placement sufficiency is weak.", "partnership"),
            (A, "Placement sufficiency near home is a pressure still.", "partnership"),
        ],
    );
    let c = compare(&previous, &current);
    assert_eq!(c.areas.current[0].status, Status::New);
    assert!(matches!(c.areas.current[1].status, Status::Recurring { previous: 0, .. }));
}

#[test]
fn one_shared_word_is_not_enough() {
    let previous = review("X", &[(A, "Children wait too long for assessments.", "practice")]);
    let current = review("X", &[(A, "Children in care lack dentists.", "practice")]);
    assert_eq!(compare(&previous, &current).areas.current[0].status, Status::New);
}

#[test]
fn reviews_with_no_theme_in_common_are_matched_by_wording_alone() {
    let mut previous = review("X", &[(A, "Placement sufficiency near home is a pressure.", "capacity")]);
    previous.themes = crate::model::ThemeSet::lga_five();
    let mut current = review("X", &[(A, "Placement sufficiency near home is weak.", "core")]);
    current.themes = vec![Theme::new("core", "Core area one")];
    let c = compare(&previous, &current);
    assert!(!c.themes_shared);
    assert_eq!(c.areas.current[0].status.label(), "recurring");
}

#[test]
fn themes_match_by_label_across_theme_sets() {
    let mut previous = review("X", &[(A, "Placement sufficiency near home is a pressure.", "p2")]);
    previous.themes = vec![Theme::new("p2", "partnerships "), Theme::new("practice", "Practice")];
    let current = review("X", &[(A, "Placement sufficiency near home is weak.", "partnership")]);
    assert_eq!(compare(&previous, &current).areas.current[0].status.label(), "recurring");
}

#[test]
fn another_council_is_named() {
    let (previous, mut current) = pair();
    assert_eq!(same_council(&previous, &current), Ok(()));
    current.council = "  testshire   county council".into();
    assert_eq!(same_council(&previous, &current), Ok(()));
    current.council = "Otherby Borough Council".into();
    let err = same_council(&previous, &current).unwrap_err();
    assert!(err.contains("Testshire County Council") && err.contains("Otherby"), "{err}");
}

//! "Since the last review" on the Ambleshire pair (2019 → 2024): the model's labels, the
//! previous review found through the 2024 file, and `peerbrief compare` as a real process.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use peerbrief::model::FindingKind;
use peerbrief::model::compare::{Status, compare, decide};
use peerbrief::store::{load_previous_review, load_review, save_review};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

/// (label, first words of the current text) for each current finding, then the texts not raised again.
fn labels(kind: FindingKind) -> (Vec<(String, String)>, Vec<String>) {
    let path = sample("ambleshire-2024.peerreview");
    let current = load_review(&path).unwrap().review;
    let previous = load_previous_review(Some(&path), &current).expect("names its previous review").unwrap();
    let c = compare(&previous, &current);
    let k = c.of(kind);
    let start = |t: &str| t.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let items =
        k.current.iter().map(|i| (i.status.label().to_owned(), start(&current.findings[i.index].text))).collect();
    let gone = k.not_raised_again.iter().map(|&p| start(&previous.findings[p].text)).collect();
    (items, gone)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn ambleshire_areas_recur_are_new_or_are_not_raised_again() {
    let (items, gone) = labels(FindingKind::AreaForConsideration);
    assert_eq!(
        items,
        pairs(&[
            ("new", "Practice varies between"),
            ("recurring", "Placement sufficiency is"),
            ("recurring", "Quality assurance findings"),
            ("new", "The council and"),
        ])
    );
    assert_eq!(gone, ["The service relies", "Children's wishes and"]);
}

#[test]
fn ambleshire_strengths_recur_are_new_or_are_not_raised_again() {
    let (items, gone) = labels(FindingKind::Strength);
    assert_eq!(
        items,
        pairs(&[
            ("recurring", "Senior leaders are"),
            ("new", "Children's voices are"),
            ("new", "Supervision is regular"),
            ("new", "Schools and the"),
            ("new", "Members receive a"),
        ])
    );
    assert_eq!(gone, ["The multi-agency safeguarding", "Foster carers feel"]);
}

#[test]
fn a_broken_match_is_saved_in_the_file_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample("ambleshire-2024.peerreview");
    let mut current = load_review(&path).unwrap().review;
    let previous = load_previous_review(Some(&path), &current).unwrap().unwrap();
    let placement = current.findings[6].text.clone();
    decide(&mut current, &placement, &previous.findings[3].text, false);
    let copy = dir.path().join("copy.peerreview");
    save_review(&copy, &current).unwrap();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains("comparison: [") && text.contains("keep: false"), "{text}");
    let reread = load_review(&copy).unwrap().review;
    assert_eq!(reread.comparison, current.comparison);
    let c = compare(&previous, &reread);
    let item = c.areas.current.iter().find(|i| i.index == 6).unwrap();
    assert_eq!(item.status, Status::New);
    assert!(c.areas.not_raised_again.contains(&3));
}

#[test]
fn compare_prints_the_labels_as_text() {
    let out = peerbrief(&[
        "compare",
        &sample("ambleshire-2019.peerreview").display().to_string(),
        &sample("ambleshire-2024.peerreview").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Areas for consideration: 2 recurring, 2 new, 2 not raised again"), "{text}");
    assert!(text.contains("Strengths: 1 recurring, 4 new, 2 not raised again"), "{text}");
    assert!(text.contains("recurring         Placement sufficiency is a pressure"), "{text}");
    assert!(text.contains("shared words: children, home, placement, sufficiency"), "{text}");
    assert!(text.contains("not raised again  The service relies heavily on agency social workers"), "{text}");
    assert!(text.contains("new               The council and health partners"), "{text}");
}

#[test]
fn compare_json_has_each_label() {
    let out = peerbrief(&[
        "compare",
        "--json",
        &sample("ambleshire-2019.peerreview").display().to_string(),
        &sample("ambleshire-2024.peerreview").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.starts_with("{\"council\": \"Ambleshire County Council\""), "{json}");
    assert!(json.contains(
        "{\"text\": \"Placement sufficiency is a pressure: too many children live more than 20 miles from home.\", \
         \"status\": \"recurring\", \"previous\": \"Placement sufficiency is a concern"
    ));
    assert!(
        json.contains(
            "\"shared_words\": [\"children\", \"home\", \"placement\", \"sufficiency\"], \"confirmed\": false}"
        )
    );
    assert!(json.contains("\"not_raised_again\": [\"The service relies heavily"));
    assert_eq!(json.matches('{').count(), json.matches('}').count());
    assert_eq!(json.matches("\"status\": \"new\"").count(), 6);
}

#[test]
fn compare_names_a_missing_file_and_another_council() {
    let ambleshire = sample("ambleshire-2024.peerreview").display().to_string();
    let out = peerbrief(&["compare", "no-such.peerreview", &ambleshire]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such.peerreview") && err.contains("does not exist"), "{err}");
    let worcs = sample("worcestershire-2015.peerreview").display().to_string();
    let out = peerbrief(&["compare", &worcs, &ambleshire]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another council (Worcestershire County Council, not Ambleshire County Council)"), "{err}");
    assert!(out.stdout.is_empty());
}

fn briefing_text(previous: Option<Result<Box<peerbrief::model::Review>, String>>) -> String {
    use peerbrief::briefing::{BriefingOptions, lay_out_briefing};
    let path = sample("ambleshire-2024.peerreview");
    let current = load_review(&path).unwrap().review;
    let layout = lay_out_briefing(&current, &BriefingOptions { previous, ..BriefingOptions::default() });
    layout
        .pages
        .iter()
        .flat_map(|p| p.texts().map(|t| t.text.clone()).collect::<Vec<_>>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_briefing_has_a_since_the_last_review_table_only_when_asked_and_names_a_bad_file() {
    let path = sample("ambleshire-2024.peerreview");
    let current = load_review(&path).unwrap().review;
    let previous = load_previous_review(Some(&path), &current).map(|r| r.map(Box::new).map_err(|e| e.to_string()));
    let text = briefing_text(previous);
    assert!(text.contains("Since the Last"), "{text}");
    for words in ["Recurring", "Not raised again", "Shared words: children, home, placement,", "New"] {
        assert!(text.contains(words), "{words} missing");
    }
    assert!(!briefing_text(None).contains("Not raised again"));
    let bad = briefing_text(Some(Err("`gone.peerreview`: the file does not exist".into())));
    assert!(bad.contains("could not be compared"), "{bad}");
    assert!(bad.contains("gone.peerreview"), "{bad}");
}

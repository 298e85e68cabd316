//! Every sample loads, validates cleanly and saves back byte for byte; the Worcestershire sample
//! holds the seed report's content verbatim.

use std::fs;
use std::path::{Path, PathBuf};

use peerbrief::model::{Date, FindingKind, validate};
use peerbrief::store::{load_review, save_review, to_canonical_text};

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "peerreview"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "expected at least three samples, found {files:?}");
    files
}

/// Fixed so the samples' action-plan dates do not start warning as the years pass.
fn today() -> Date {
    Date::ymd(2026, 11, 28).unwrap()
}

#[test]
fn every_sample_loads_validates_and_saves_back_identically() {
    for path in samples() {
        let original = fs::read(&path).unwrap();
        let loaded = load_review(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.migrated_from, None, "{}", path.display());
        let warnings = validate(&loaded.review, today());
        assert!(warnings.is_empty(), "{}: {warnings:#?}", path.display());

        assert_eq!(
            to_canonical_text(&loaded.review).unwrap().as_bytes(),
            &original[..],
            "{} is not canonical",
            path.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join(path.file_name().unwrap());
        fs::write(&copy, &original).unwrap();
        save_review(&copy, &loaded.review).unwrap();
        assert_eq!(fs::read(&copy).unwrap(), original, "{} changed on save", path.display());
    }
}

fn worcestershire() -> peerbrief::model::Review {
    load_review(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview")).unwrap().review
}

#[test]
fn worcestershire_holds_the_seed_key_findings_verbatim() {
    let r = worcestershire();
    let strengths: Vec<&str> = r.findings_of(FindingKind::Strength, true).map(|(_, f)| f.text.as_str()).collect();
    let areas: Vec<&str> =
        r.findings_of(FindingKind::AreaForConsideration, true).map(|(_, f)| f.text.as_str()).collect();
    assert_eq!(
        strengths,
        [
            "We have a committed workforce, who are keen to make a difference to children and families.",
            "We have an overall sound strategy and backing from the whole council to make any necessary changes within our service.",
            "From observations made during their visit, timely decision making at the Access Centre was found and there is good evidence of the rationale of decision making.",
            "There are many examples of how our work is having a good impact. For example, the POD social work model in our schools, our in-house social worker recruitment drive and the Stronger Families Programme.",
            "We have strong and committed partners and tangible examples of partner engagement.",
            "We have prioritised resources and there is a commitment within our financial strategy to address cost pressures within Children's Services.",
        ]
    );
    assert_eq!(
        areas,
        [
            "Our social care practice is open to further improvement to help keep children safe moving forward.",
            "Our Family Front Door needs simplifying and there needs to be a clearer understanding of where the Multi Agency Safeguarding Hub will fit in.",
            "We need to look at the difference between the Worcestershire-wide early help strategy and the council commissioned early help services.",
            "The Health and Well-being Board could do more to add a unique children's focus in their current strategy.",
            "Worcestershire Safeguarding Children Board (WSCB) requires more pace and scrutiny, with some multi-agency areas slow to develop.",
            "We need to further develop consistent financial projections based on forecast demand and complexity.",
        ]
    );
}

#[test]
fn worcestershire_holds_themes_team_questions_and_contacts() {
    let r = worcestershire();
    let themes: Vec<&str> = r.themes.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        themes,
        [
            "Vision, strategy and leadership",
            "Effective practice, service delivery and the voice of the child",
            "Outcomes, impact and performance management",
            "Working together (including LSCB and Health and Wellbeing Board)",
            "Capacity and managing resources",
        ]
    );
    let roles: Vec<&str> = r.team.iter().map(|m| m.role.as_str()).collect();
    assert_eq!(
        roles,
        [
            "Programme Manager",
            "Chair and Review Team Lead",
            "Elected Member Peer",
            "Safeguarding Peer",
            "Safeguarding Peer",
            "Education Peer",
            "Health Peer",
        ]
    );
    assert_eq!(
        r.team[1].line(),
        "Chair and Review Team Lead, Director of Children's Services, Gloucestershire County Council"
    );
    assert_eq!(r.focus_questions.len(), 5);
    assert!(r.focus_questions[2].contains("children’s safeguarding"), "curly apostrophe kept");
    assert_eq!(r.previous_review.map(|d| d.to_string()).as_deref(), Some("October 2011"));
    assert_eq!(r.review_start.map(|d| d.to_string()).as_deref(), Some("November 2015"));
    assert_eq!(r.contacts.general.len(), 3);
    assert_eq!(r.contacts.officers[0].email, "gquinton@worcestershire.gov.uk");
    assert_eq!(
        r.background_papers[0].url.as_deref(),
        Some("http://www.worcestershire.gov.uk/cms/democratic-services/minutes-and-agendas.aspx")
    );
    assert_eq!(peerbrief::model::paragraphs(r.report.text("conclusion")).len(), 2);
    let appendices: Vec<&str> = r.appendices.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(appendices, ["Peer Review letter", "Peer Review detailed findings"]);
}

//! Which texts go public, and the findings in them.

use std::fmt;

use super::{Disclosure, DisclosureKind, ReviewedDisclosure, ScanOptions, scan_text};
use crate::model::{AgendaContent, CommitteePack, Place, Review, Section};

/// Every text a public briefing or pack prints for this review, with its place, and whether it
/// is a field expected to name officers (contact points, the review team, background papers,
/// action officers, who the report is from): there names, phones, e-mails and postcodes are not
/// reported. Left out: exempt appendix bodies (private), theme ids, due-date reasons and all but
/// an action's latest progress note (never printed). The action plan is included: a public
/// briefing can print it.
pub fn public_texts(review: &Review) -> Vec<(Place, &str, bool)> {
    review
        .texts()
        .into_iter()
        .filter(|(place, _)| match place.section {
            Section::Theme(_) => place.field != "id",
            Section::Appendix(i) => {
                place.field != "body" || review.appendices.get(i).is_some_and(|a| a.exempt.is_none())
            }
            Section::DueDateChange(..) => false,
            // The briefing prints only an action's latest note.
            Section::ProgressNote(o, a, n) => review
                .action_plan
                .outcomes
                .get(o)
                .and_then(|outcome| outcome.actions.get(a))
                .is_some_and(|action| action.latest_note_index() == Some(n)),
            _ => true,
        })
        .map(|(place, text)| {
            let relaxed = match place.section {
                Section::TeamMember(_)
                | Section::ContactLine(_)
                | Section::Officer(_)
                | Section::BackgroundPaper(_) => true,
                Section::Action(..) => place.field.starts_with("officer."),
                Section::Document => matches!(
                    place.field,
                    "team_intro" | "report_of" | "contacts.general_heading" | "background_papers_statement"
                ),
                _ => false,
            };
            (place, text, relaxed)
        })
        .collect()
}

fn scan_one<P: Copy>(out: &mut Vec<Disclosure<P>>, place: P, text: &str, relaxed: bool, options: &ScanOptions) {
    for m in scan_text(text, options, relaxed) {
        out.push(Disclosure { kind: m.kind, text: text[m.range.clone()].to_owned(), place, at: m.range.start });
    }
}

/// Every finding in the review's public text, reviewed or not, in document order.
pub fn scan_review(review: &Review, options: &ScanOptions) -> Vec<Disclosure> {
    let mut out = Vec::new();
    for (place, text, relaxed) in public_texts(review) {
        scan_one(&mut out, place, text, relaxed, options);
    }
    out
}

/// Whether a record says this (kind, text) was reviewed.
pub fn is_resolved(records: &[ReviewedDisclosure], kind: DisclosureKind, text: &str) -> bool {
    records.iter().any(|r| r.kind == kind && r.text == text)
}

/// The findings no one has reviewed yet: while there are any, the public version is not printed.
pub fn open_findings(review: &Review, options: &ScanOptions) -> Vec<Disclosure> {
    let mut found = scan_review(review, options);
    found.retain(|d| !is_resolved(&review.disclosure_reviewed, d.kind, &d.text));
    found
}

/// Findings in the previous review's findings, which the public briefing prints in its "Since
/// the Last Review" table. A record in either review resolves one. Places are in the previous
/// review.
pub fn open_previous_findings(current: &Review, previous: &Review, options: &ScanOptions) -> Vec<Disclosure> {
    let mut found: Vec<Disclosure> = scan_review(previous, options)
        .into_iter()
        .filter(|d| matches!(d.place.section, crate::model::Section::Finding(_)))
        .collect();
    found.retain(|d| {
        !is_resolved(&current.disclosure_reviewed, d.kind, &d.text)
            && !is_resolved(&previous.disclosure_reviewed, d.kind, &d.text)
    });
    found
}

/// Where in a committee pack a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PackPlace {
    /// A cover field of the manifest: "council", "committee", "time", "venue".
    Cover(&'static str),
    /// A committee member on the cover (0-based).
    Member(usize),
    /// The title of agenda item N (0-based), printed on the agenda even when the item is exempt.
    ItemTitle(usize),
    /// The text of standard agenda item N.
    ItemText(usize),
    /// A place in the review of agenda item N.
    Report(usize, Place),
}

impl fmt::Display for PackPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackPlace::Cover(field) => f.write_str(field),
            PackPlace::Member(i) => write!(f, "members[{}]", i + 1),
            PackPlace::ItemTitle(i) => write!(f, "items[{}].title", i + 1),
            PackPlace::ItemText(i) => write!(f, "items[{}].content", i + 1),
            PackPlace::Report(i, place) => write!(f, "agenda item {}: {place}", i + 1),
        }
    }
}

/// Every finding in the public pack: the cover, the agenda titles (exempt items' titles are
/// printed too), standard items and reviews that are not exempt. `reviews` has one entry per
/// agenda item, as `store::load_pack` gives them.
pub fn scan_pack(
    pack: &CommitteePack,
    reviews: &[Option<Review>],
    options: &ScanOptions,
) -> Vec<Disclosure<PackPlace>> {
    let mut out = Vec::new();
    scan_one(&mut out, PackPlace::Cover("council"), &pack.council, false, options);
    scan_one(&mut out, PackPlace::Cover("committee"), &pack.committee, false, options);
    scan_one(&mut out, PackPlace::Cover("time"), &pack.time, false, options);
    // The venue is the council's own address: its postcode is public.
    scan_one(&mut out, PackPlace::Cover("venue"), &pack.venue, true, options);
    for (i, m) in pack.members.iter().enumerate() {
        scan_one(&mut out, PackPlace::Member(i), m, true, options);
    }
    // The notice tells the public how to take part: it names Democratic Services' own
    // phone and e-mail, as a contact point does. The contact officer is expected to be named.
    scan_one(&mut out, PackPlace::Cover("public_notice"), &pack.public_notice, true, options);
    for (i, item) in pack.items.iter().enumerate() {
        scan_one(&mut out, PackPlace::ItemTitle(i), &item.title, false, options);
        if item.exempt.is_some() {
            continue;
        }
        match &item.content {
            AgendaContent::Standard(text) => scan_one(&mut out, PackPlace::ItemText(i), text, false, options),
            // A PDF paper's own text is not read here: its author publishes it as it is.
            AgendaContent::Document(_) => {}
            AgendaContent::Review(_) => {
                if let Some(Some(review)) = reviews.get(i) {
                    for d in scan_review(review, options) {
                        out.push(Disclosure {
                            kind: d.kind,
                            text: d.text,
                            place: PackPlace::Report(i, d.place),
                            at: d.at,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The pack's findings not yet reviewed: report findings by the review's own records, the rest
/// by the manifest's.
pub fn open_pack_findings(
    pack: &CommitteePack,
    reviews: &[Option<Review>],
    options: &ScanOptions,
) -> Vec<Disclosure<PackPlace>> {
    let mut found = scan_pack(pack, reviews, options);
    found.retain(|d| {
        let records = match d.place {
            PackPlace::Report(i, _) => {
                reviews.get(i).and_then(Option::as_ref).map_or(&[][..], |r| &r.disclosure_reviewed)
            }
            _ => &pack.disclosure_reviewed,
        };
        !is_resolved(records, d.kind, &d.text)
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Appendix, ExemptParagraph, NamedOfficer};

    #[test]
    fn exempt_appendices_are_private_and_contacts_may_name_officers() {
        let mut r = Review { summary: "Mrs Smith attended.".into(), ..Review::default() };
        r.appendices.push(Appendix {
            title: "Case file audit".into(),
            exempt: ExemptParagraph::new(1),
            body: "Case A (aged 9) moved three times.".into(),
        });
        r.appendices.push(Appendix { title: "Letter".into(), exempt: None, body: "Child B, aged 4, was seen.".into() });
        r.contacts.officers.push(NamedOfficer {
            name: "Dr Jane Smith".into(),
            job_title: "Director".into(),
            phone: "01905 766303".into(),
            email: "jsmith@example.gov.uk".into(),
        });
        let found = scan_review(&r, &ScanOptions::default());
        let got: Vec<(String, DisclosureKind, &str)> =
            found.iter().map(|d| (d.place.to_string(), d.kind, d.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("summary".to_owned(), DisclosureKind::TitledName, "Mrs Smith"),
                ("appendices[2].body".to_owned(), DisclosureKind::Age, "Child B, aged 4"),
            ]
        );
        assert_eq!(found[1].at, 0);
        // Making the second appendix exempt makes its body private.
        r.appendices[1].exempt = ExemptParagraph::new(2);
        assert_eq!(scan_review(&r, &ScanOptions::default()).len(), 1);
    }

    #[test]
    fn the_printed_action_plan_is_scanned_its_officers_may_be_named_and_old_notes_are_not() {
        use crate::model::ProgressNote;
        let mut r = Review::default();
        let o = r.action_plan.add_outcome();
        let outcome = &mut r.action_plan.outcomes[o];
        outcome.title = "Mrs Jones's family is supported".into();
        outcome.success_indicators.push("Child C, aged 7, is back in school".into());
        let a = outcome.add_action();
        let action = &mut outcome.actions[a];
        action.text = "Dr Patel reviews the case.".into();
        action.officer.name = "Mr Sam Patel".into();
        action.officer.role = "Principal Social Worker".into();
        action.progress = vec![
            ProgressNote { date: None, text: "Mrs Brown was told.".into() },
            ProgressNote { date: None, text: "Mr Green agreed.".into() },
        ];
        action.due_history.push(crate::model::DueDateChange {
            from: None,
            to: None,
            changed_on: None,
            reason: "Mrs White was ill.".into(),
        });
        let found = scan_review(&r, &ScanOptions::default());
        let places: Vec<String> = found.iter().map(|d| d.place.to_string()).collect();
        assert_eq!(
            places,
            [
                "action_plan.outcomes[1].title",
                "action_plan.outcomes[1].success_indicators[1]",
                "action_plan.outcomes[1].actions[1].text",
                // Only the latest note prints; the officer's own name and due-date reasons do not count.
                "action_plan.outcomes[1].actions[1].progress[2].text",
            ]
        );
    }

    #[test]
    fn a_reviewed_finding_is_resolved_by_kind_and_text() {
        let mut r = Review { summary: "Two families moved; Mrs Smith agreed.".into(), ..Review::default() };
        assert_eq!(open_findings(&r, &ScanOptions::default()).len(), 2);
        r.disclosure_reviewed.push(ReviewedDisclosure {
            kind: DisclosureKind::TitledName,
            text: "Mrs Smith".into(),
            reason: "Mrs Smith is the Chair, named in her public role.".into(),
            by: "tester".into(),
            on: crate::model::Date::ymd(2026, 12, 1).unwrap(),
        });
        let open = open_findings(&r, &ScanOptions::default());
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].kind, DisclosureKind::SmallNumber);
        // The same text as another kind is not covered by the record.
        assert!(!is_resolved(&r.disclosure_reviewed, DisclosureKind::Age, "Mrs Smith"));
        // A higher threshold reports more, a lower one fewer.
        assert!(open_findings(&r, &ScanOptions { small_number_threshold: 2 }).is_empty());
    }
}

#[cfg(test)]
mod previous_tests {
    use super::*;
    use crate::model::{Finding, FindingKind};

    #[test]
    fn the_previous_reviews_printed_findings_are_checked_too() {
        let current = Review::default();
        let mut previous = Review::default();
        previous.findings.push(Finding::new(
            FindingKind::AreaForConsideration,
            "Child Y, aged 7, waited.",
            "vision",
            true,
        ));
        previous.summary = "Mr Smith's summary is not printed in the table.".into();
        let found = open_previous_findings(&current, &previous, &ScanOptions::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, DisclosureKind::Age);
    }
}

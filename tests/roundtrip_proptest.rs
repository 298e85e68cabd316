//! Property: any review PeerBrief can hold survives save → load unchanged, whatever its text
//! (quotes, backslashes, `"#`, line breaks, CR, control characters, any Unicode).

use peerbrief::model::{
    Action, Appendix, BackgroundPaper, Block, ContactKind, ContactLine, DataBlock, Date, DueDateChange,
    ExemptParagraph, Finding, FindingKind, HeaderFact, HouseStyle, Implication, Jurisdiction, Logo, NamedOfficer,
    Numbering, Officer, Outcome, ProgressNote, ProtectiveMarking, RagStatus, Recommendation, Report, ReportSection,
    Review, TeamMember, TemplateRef, Theme,
};
use peerbrief::store::{load_review, save_review};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Anything at all, control characters included.
        prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        // The characters that stress RON's string forms.
        prop::collection::vec(
            prop::sample::select(vec!['"', '\\', '#', 'r', '\n', '\r', ' ', 'a', '’', 'ŵ', '\t']),
            0..24
        )
        .prop_map(String::from_iter),
    ]
}

fn date(n: u32) -> Option<Date> {
    match n % 3 {
        0 => None,
        1 => Date::ym(1990 + (n % 60) as u16, (n % 12 + 1) as u8),
        _ => Date::ymd(1990 + (n % 60) as u16, (n % 12 + 1) as u8, (n % 28 + 1) as u8),
    }
}

/// Builds a review from a pool of generated strings and numbers, touching every field.
fn review_from(t: Vec<String>, n: Vec<u32>, findings: usize) -> Review {
    let s = |i: usize| t[i % t.len()].clone();
    let k = |i: usize| n[i % n.len()];
    let mut r = Review {
        marking: if k(0) % 2 == 0 { ProtectiveMarking::Official } else { ProtectiveMarking::OfficialSensitive },
        council: s(0),
        title: s(1),
        subject: s(2),
        report_of: s(3),
        facilitator: s(4),
        review_start: date(k(1)),
        review_end: date(k(2)),
        previous_review: date(k(3)),
        themes: (0..k(4) as usize % 6).map(|i| Theme { id: s(9 + i), label: s(10 + i) }).collect(),
        focus_questions: (0..k(5) as usize % 4).map(|i| s(12 + i)).collect(),
        team: (0..k(6) as usize % 4)
            .map(|i| TeamMember {
                role: s(14 + i),
                name: (k(7 + i) % 2 == 0).then(|| s(15 + i)),
                position: s(16 + i),
                organisation: s(17 + i),
            })
            .collect(),
        ..Review::default()
    };
    r.meeting.panel = s(26);
    r.meeting.date = date(k(9));
    r.meeting.agenda_item = s(27);
    r.findings = (0..findings)
        .map(|i| Finding {
            id: format!("F{}", i + 1),
            kind: if k(10 + i) % 2 == 0 { FindingKind::Strength } else { FindingKind::AreaForConsideration },
            text: s(28 + i),
            themes: (0..k(11 + i) as usize % 3).map(|j| s(29 + i + j)).collect(),
            key: k(12 + i) % 2 == 0,
            legacy_action: None,
        })
        .collect();
    r.last_finding_number = findings as u32;
    r.action_plan.outcomes = (0..k(13) as usize % 3)
        .map(|o| Outcome {
            id: format!("O{}", o + 1),
            title: s(30 + o),
            success_indicators: (0..k(14 + o) as usize % 3).map(|j| s(31 + o + j)).collect(),
            actions: (0..k(15 + o) as usize % 3)
                .map(|a| Action {
                    id: format!("O{}.{}", o + 1, a + 1),
                    text: s(32 + a),
                    officer: Officer { name: s(33 + a), role: s(34 + o) },
                    due: date(k(14 + a)),
                    status: RagStatus::ALL[k(15 + a) as usize % RagStatus::ALL.len()],
                    progress: (0..k(16 + a) as usize % 3)
                        .map(|j| ProgressNote { date: date(k(17 + j)), text: s(35 + j) })
                        .collect(),
                    due_history: (0..k(16 + o) as usize % 3)
                        .map(|j| DueDateChange {
                            from: date(k(17 + j)),
                            to: date(k(18 + j)),
                            changed_on: date(k(19 + j)),
                            reason: s(33 + j),
                        })
                        .collect(),
                    answers: (0..findings).filter(|f| k(20 + f) % 2 == 0).map(|f| format!("F{}", f + 1)).collect(),
                })
                .collect(),
        })
        .collect();
    r.appendices = (0..k(20) as usize % 3)
        .map(|i| Appendix { title: s(34 + i), exempt: ExemptParagraph::new((k(21 + i) % 8) as u8), body: s(35 + i) })
        .collect();
    r.contacts.general_heading = s(36);
    r.contacts.general = (0..k(22) as usize % 3)
        .map(|i| ContactLine {
            label: s(37 + i),
            kind: [ContactKind::Phone, ContactKind::Email, ContactKind::Web, ContactKind::Other]
                [k(23 + i) as usize % 4],
            value: s(38 + i),
        })
        .collect();
    r.contacts.officers = (0..k(24) as usize % 2)
        .map(|i| NamedOfficer { name: s(39 + i), job_title: s(40 + i), phone: s(41 + i), email: s(42 + i) })
        .collect();
    r.background_papers = (0..k(25) as usize % 3)
        .map(|i| BackgroundPaper { text: s(43 + i), url: (k(26 + i) % 2 == 0).then(|| s(44 + i)) })
        .collect();
    r.template = (k(27) % 2 == 0).then(|| TemplateRef { name: s(45), version: k(28) });
    r.numbering = if k(29) % 2 == 0 { Numbering::Continuous } else { Numbering::BySection };
    // Any bytes round-trip as base64 text (the logo is checked when printed, not when loaded).
    let logo = (k(31) % 2 == 0).then(|| Logo { alt: s(48), data: s(49).into_bytes().into() });
    r.house_style = HouseStyle { footer: s(46), logo };
    r.jurisdiction = if k(32) % 2 == 0 { Jurisdiction::England } else { Jurisdiction::Wales };
    r.header_facts = (0..k(30) as usize % 3).map(|i| HeaderFact { label: s(47 + i), value: s(5 + i) }).collect();
    r.report = report_from(&s, &k);
    r
}

/// A report touching every block kind and data block, with text from the pool.
fn report_from(s: &dyn Fn(usize) -> String, k: &dyn Fn(usize) -> u32) -> Report {
    let data = [
        DataBlock::ThemeList { intro: s(8) },
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
    ];
    let block = |i: usize| -> Block {
        match k(i) % 7 {
            0 => Block::Paragraphs { text: s(i), numbered: k(i + 1).is_multiple_of(2) },
            1 => Block::Bullets((0..k(i + 1) as usize % 3).map(|j| s(i + j)).collect()),
            2 => Block::Lettered((0..k(i + 1) as usize % 3).map(|j| s(i + j + 1)).collect()),
            3 => Block::Recommendations(
                (0..k(i + 1) as usize % 3)
                    .map(|j| Recommendation { text: s(i + j), sub_items: (0..j).map(|x| s(i + x + 2)).collect() })
                    .collect(),
            ),
            4 => Block::Quotation { text: s(i + 3) },
            5 => Block::Implications(
                Implication::standard()
                    .into_iter()
                    .enumerate()
                    .map(|(j, mut imp)| {
                        if k(i + j).is_multiple_of(2) {
                            imp.text = s(i + j);
                        }
                        imp
                    })
                    .collect(),
            ),
            _ => Block::Data(data[k(i + 2) as usize % data.len()].clone()),
        }
    };
    Report {
        sections: (0..k(31) as usize % 5)
            .map(|i| ReportSection {
                id: s(10 + i),
                heading: s(11 + i),
                fixed: k(i).is_multiple_of(2),
                required: k(i + 1).is_multiple_of(3),
                prompt: s(12 + i),
                blocks: (0..k(i + 2) as usize % 5).map(|b| block(3 * i + b)).collect(),
            })
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_review_survives_save_and_load(
        t in prop::collection::vec(text(), 48),
        n in prop::collection::vec(any::<u32>(), 32),
        findings in 0usize..6,
    ) {
        let review = review_from(t, n, findings);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("generated.peerreview");
        save_review(&path, &review).unwrap();
        let loaded = load_review(&path).map_err(|e| TestCaseError::fail(format!("{e}\n---\n{}", std::fs::read_to_string(&path).unwrap_or_default())))?;
        prop_assert_eq!(&loaded.review, &review);
        // And saving again is byte-identical (canonical form is a fixed point).
        let first = std::fs::read(&path).unwrap();
        save_review(&path, &loaded.review).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first);
    }

    /// Whatever date the editor shows (GOV.UK words) or the file holds (ISO) reads back as the
    /// same date when typed, and so do the numeric UK forms; no text at all ever panics.
    #[test]
    fn shown_and_typed_dates_read_back_unchanged(year in 1000u16..=9999, month in 1u8..=12, day in 1u8..=31, junk in text()) {
        if let Some(date) = Date::ymd(year, month, day) {
            for typed in [date.to_string(), date.iso(), format!("{day}/{month}/{year}"), format!("{day:02}/{month:02}/{year}")] {
                prop_assert_eq!(Date::parse_uk(&typed), Ok(date), "{}", typed);
            }
        } else {
            let e = Date::parse_uk(&format!("{day}/{month}/{year}")).unwrap_err().to_string();
            prop_assert!(e.contains("is not a date"), "{}", e);
        }
        let month_only = Date::ym(year, month).unwrap();
        prop_assert_eq!(Date::parse_uk(&month_only.to_string()), Ok(month_only));
        let _ = Date::parse_uk(&junk);
    }
}

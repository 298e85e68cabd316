//! A briefing from a review full of hostile text — a 10,000-character word, emoji, right-to-left
//! scripts, control characters, zero-width joiners, combining marks, 500 findings, and a review
//! with everything empty — lays out and prints without panicking; no glyph leaves the printable
//! area; every character is either drawn (the fonts have it) or reported and replaced.

mod pdf_support;

use pdf_support::{pdf, tool, words};
use peerbrief::briefing::{BriefingOptions, Fonts, Layout, PAGE_HEIGHT, PAGE_WIDTH, lay_out_briefing};
use peerbrief::model::{Finding, FindingKind, ProgressNote, Review, TeamMember};

const HOSTILE: [&str; 8] = [
    "Emoji: 👩‍👩‍👧‍👦 🎉 ✅ 🇬🇧",
    "Right to left: مرحبا بالعالم and שלום עולם mixed with English",
    "Control: bell\u{7} escape\u{1b}[31m red\u{1b}[0m nul\u{0} tab\tend",
    "Joiners: a\u{200d}b\u{200c}c\u{200b}d\u{2060}e\u{feff}f",
    "Combining: e\u{301} a\u{30a} Cafe\u{301} n\u{303} (should become é å Café ñ)",
    "Welsh and money: Tŷ Gwŷn £4.2m €5 — “quotes” ‘single’ … ellipsis",
    "Maths and arrows: ∑ √ ∞ ≠ → ⇒ ⟨x⟩",
    "CJK: 中文 日本語 한국어",
];

fn hostile_review() -> Review {
    let long_word: String = "Safeguarding".chars().cycle().take(10_000).collect();
    let mut r = Review {
        council: HOSTILE[0].into(),
        title: format!("{} {}", HOSTILE[1], long_word),
        summary: HOSTILE.join("\n\n"),
        background: long_word.clone(),
        findings_summary: HOSTILE[2].into(),
        conclusion: HOSTILE[3].into(),
        purpose: HOSTILE[4].into(),
        ..Review::default()
    };
    r.meeting.panel = HOSTILE[5].into();
    r.focus_questions = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    r.team = vec![TeamMember { role: HOSTILE[6].into(), organisation: HOSTILE[7].into(), ..TeamMember::default() }];
    let outcome = r.action_plan.add_outcome();
    r.action_plan.outcomes[outcome].title = HOSTILE[8 % HOSTILE.len()].into();
    r.action_plan.outcomes[outcome].success_indicators = vec![long_word[..300].into()];
    for i in 0..500 {
        let kind = if i % 2 == 0 { FindingKind::Strength } else { FindingKind::AreaForConsideration };
        let f = Finding::new(kind, &format!("{i}: {}", HOSTILE[i % HOSTILE.len()]), "vision", i < 40);
        let id = r.add_finding(f);
        if kind == FindingKind::AreaForConsideration && i % 5 == 1 {
            let plan = &mut r.action_plan.outcomes[outcome];
            let a = plan.add_action();
            let action = &mut plan.actions[a];
            action.text = HOSTILE[(i + 1) % HOSTILE.len()].into();
            action.officer.role = long_word[..300].into();
            action.progress.push(ProgressNote { date: None, text: HOSTILE[(i + 2) % HOSTILE.len()].into() });
            action.answers.push(r.findings[id].id.clone());
        }
    }
    r
}

/// Layout-level checks: inside the page, and only characters the fonts can draw.
fn check_layout(layout: &Layout, what: &str) {
    let fonts = Fonts::get();
    for (n, page) in layout.pages.iter().enumerate() {
        for t in page.texts() {
            assert!(
                t.x >= 0.0 && t.x + t.width <= PAGE_WIDTH + 0.01,
                "{what} page {}: {:?} off the side",
                n + 1,
                t.text
            );
            assert!(t.y > 0.0 && t.y < PAGE_HEIGHT, "{what} page {}: {:?} off the page", n + 1, t.text);
            for c in t.text.chars() {
                assert!(fonts.covers(c), "{what} page {}: U+{:04X} drawn without a glyph", n + 1, c as u32);
                assert!(!c.is_control(), "{what} page {}: control character U+{:04X} drawn", n + 1, c as u32);
            }
        }
    }
}

#[test]
fn hostile_text_is_drawn_or_reported_and_stays_on_the_page() {
    let review = hostile_review();
    let layout = lay_out_briefing(&review, &BriefingOptions { action_plan: true, ..BriefingOptions::default() });
    check_layout(&layout, "hostile");
    assert!(layout.pages.len() > 20, "500 findings make many pages: {}", layout.pages.len());

    // Characters the fonts lack are reported (and replaced with a visible mark, checked above).
    let warnings: Vec<String> = layout.warnings.iter().map(ToString::to_string).collect();
    let fonts = Fonts::get();
    for missing in ['🎉', '中', 'م'] {
        assert!(!fonts.covers(missing), "test assumes Liberation Sans lacks {missing}");
        let hex = format!("U+{:04X}", missing as u32);
        assert!(
            warnings.iter().any(|w| w.contains(&hex) || w.contains(missing)),
            "{missing} not reported: {warnings:#?}"
        );
    }
    // Characters it has are drawn as themselves, composed (NFC).
    let drawn: String = layout.pages.iter().flat_map(|p| p.texts().map(|t| t.text.clone())).collect();
    for present in ["Tŷ Gwŷn", "£4.2m", "Café", "שלום"] {
        assert!(drawn.contains(present), "{present} not drawn");
    }

    let dir = tempfile::tempdir().unwrap();
    let path = pdf(&layout, dir.path(), "hostile.pdf");
    assert!(tool("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
    for (x0, y0, x1, y1, w) in words(&path) {
        assert!(x0 >= 0.0 && x1 <= PAGE_WIDTH + 0.5 && y0 >= 0.0 && y1 <= PAGE_HEIGHT + 0.5, "{w:?} outside the page");
    }
}

/// Found by the `lay_out_briefing` fuzz target: the council's name becomes the side heading
/// "<name> themes", and a name longer than a page ran that heading off the foot of page 1.
#[test]
fn a_side_heading_longer_than_a_page_is_cut_and_reported_not_drawn_off_the_page() {
    let mut review = Review { council: "Afonwen County Borough Council ".repeat(120), ..Review::default() };
    review.themes_intro = "The themes were:".into();
    review.focus_intro = "We asked about:".into();
    review.focus_questions = vec!["One question?".into()];
    let layout = lay_out_briefing(&review, &BriefingOptions::default());
    check_layout(&layout, "long side heading");
    assert!(layout.warnings.iter().any(|w| w.message.contains("side heading is too long")), "{:?}", layout.warnings);
    let crash = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/fuzz-crash-long-council.bin"),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&crash);
    let review = Review { council: text.split('\u{1e}').next().unwrap_or("").to_owned(), ..Review::default() };
    check_layout(&lay_out_briefing(&review, &BriefingOptions::default()), "fuzz crash");
}

#[test]
fn an_empty_review_prints() {
    let empty = Review { themes: vec![], ..Review::default() };
    let layout = lay_out_briefing(&empty, &BriefingOptions { action_plan: true, ..BriefingOptions::default() });
    check_layout(&layout, "empty");
    assert!(!layout.pages.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = pdf(&layout, dir.path(), "empty.pdf");
    assert!(tool("qpdf", &["--check", &path]).contains("No syntax or stream encoding errors"));
}

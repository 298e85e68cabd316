//! Arbitrary text in every kind of field of a briefing: layout never panics, never places text
//! outside the page, and only emits characters the fonts can draw (the rest are reported).
#![no_main]

use libfuzzer_sys::fuzz_target;
use peerbrief::briefing::{BriefingOptions, Fonts, PAGE_HEIGHT, PAGE_WIDTH, lay_out_briefing};
use peerbrief::model::{Appendix, Finding, FindingKind, Review, TeamMember};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Fields are separated by U+001E (record separator) so the fuzzer can aim at each one.
    let parts: Vec<&str> = text.split('\u{1e}').collect();
    let part = |i: usize| parts.get(i % parts.len().max(1)).copied().unwrap_or("").to_owned();
    let mut review = Review { council: part(0), title: part(1), ..Review::default() };
    *review.report.text_mut("summary") = part(2);
    *review.report.text_mut("background") = part(3);
    *review.report.text_mut("findings") = part(4);
    *review.report.text_mut("conclusion") = part(5);
    // Headings are data: the council's name as a side heading (format 2's "<council> themes").
    if let Some(focus) = review.report.section_mut("focus") {
        focus.heading = format!("{} themes", part(0));
    }
    review.report.list_mut("purpose").push(part(17));
    review.meeting.panel = part(6);
    review.focus_questions = vec![part(7)];
    review.team = vec![TeamMember { role: part(8), organisation: part(9), ..TeamMember::default() }];
    for (i, kind) in [FindingKind::Strength, FindingKind::AreaForConsideration].into_iter().enumerate() {
        review.findings.push(Finding::new(kind, &part(10 + i), "vision", true));
        review.findings.push(Finding::new(kind, &part(12 + i), &part(14), false));
    }
    review.appendices = vec![Appendix { title: part(15), body: part(16), ..Appendix::default() }];

    let layout = lay_out_briefing(&review, &BriefingOptions { action_plan: true, ..BriefingOptions::default() });
    let fonts = Fonts::get();
    for (n, page) in layout.pages.iter().enumerate() {
        for t in page.texts() {
            assert!(t.x >= 0.0 && t.x + t.width <= PAGE_WIDTH + 0.01, "page {n}: {:?} runs off the side", t.text);
            assert!(t.y >= 0.0 && t.y <= PAGE_HEIGHT, "page {n}: {:?} runs off the top or bottom", t.text);
            assert!(t.text.chars().all(|c| fonts.covers(c)), "page {n}: {:?} has a character the fonts lack", t.text);
        }
    }
});

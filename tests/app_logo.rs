//! The editor's logo section and jurisdiction, driving the real window: "Logo…" through the
//! file dialog, a bad file refused with its reason, the preview painting the logo, "Remove
//! logo" as one undo step, and Wales changing the exempt paragraphs offered.

mod app_support;

use app_support::{Scratch, Setup, WORCESTERSHIRE, finish_saving};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{PeerBriefApp, ScriptedDialogs};
use peerbrief::model::Jurisdiction;

fn click(harness: &mut Harness<'_, PeerBriefApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn review_logo_len(harness: &Harness<'_, PeerBriefApp>) -> Option<usize> {
    let doc = harness.state().current().and_then(|d| d.editing()).expect("a review tab");
    doc.review.house_style.logo.as_ref().map(|l| l.data.len())
}

#[test]
fn choose_a_logo_see_it_in_the_preview_save_it_and_remove_it() {
    let scratch = Scratch::new();
    let jpeg = scratch.path("crest.jpg");
    std::fs::write(&jpeg, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0]).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(vec![jpeg]);
    dialogs.answer(vec![scratch.path("logos/harbridge.svg")]);
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.dialogs = dialogs.clone();
    let mut harness = setup.build();
    click(&mut harness, "Editor");
    click(&mut harness, "Report and meeting");
    harness.get_by_label("No logo: the report heading prints the council's name only.");

    // A JPEG is refused with the reason, and nothing changes.
    click(&mut harness, "Logo…");
    assert!(matches!(dialogs.asked().last(), Some(peerbrief::app::DialogPurpose::ChooseLogo { .. })));
    let status = harness.state().status_text().to_owned();
    assert!(status.starts_with("Logo not added: ") && status.contains("the logo is a JPEG picture"), "{status}");
    assert_eq!(review_logo_len(&harness), None);
    assert!(!harness.state().current().unwrap().is_dirty());

    // The SVG is taken: carried in the review, named after the council, shown in the editor.
    click(&mut harness, "Logo…");
    let svg_len = std::fs::metadata(scratch.path("logos/harbridge.svg")).unwrap().len() as usize;
    assert_eq!(review_logo_len(&harness), Some(svg_len));
    assert!(harness.state().status_text().starts_with("Logo added: harbridge.svg"));
    harness.get_by_label_contains("SVG drawing, 10 KB");
    let alt = harness.get_by_label("Logo's alternative text (read out in its place)");
    assert_eq!(alt.value().as_deref(), Some("Worcestershire County Council"));

    // The preview lays out the same pages the PDF prints: the logo is on page 1.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let doc = harness.state().current().and_then(|d| d.editing()).unwrap();
    let layout = doc.view.preview.as_ref().map(|p| p.layout.clone()).expect("preview laid out");
    let images = layout.pages[0].items.iter().filter(|i| matches!(i, peerbrief::briefing::Item::Image { .. })).count();
    assert_eq!(images, 1);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);

    // Saved inside the file; reopened it prints the same.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let saved = peerbrief::store::load_review(&scratch.path(WORCESTERSHIRE)).unwrap().review;
    assert_eq!(saved.house_style.logo.as_ref().map(|l| l.data.len()), Some(svg_len));

    // Remove logo is one step, undone with Ctrl+Z.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    click(&mut harness, "Remove logo");
    assert_eq!(review_logo_len(&harness), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(review_logo_len(&harness), Some(svg_len));
}

#[test]
fn wales_offers_the_paragraphs_of_part_4() {
    let scratch = Scratch::new();
    let mut harness = Setup::new(&scratch, &["ambleshire-2024.peerreview"]).build();
    click(&mut harness, "Editor");
    click(&mut harness, "Report and meeting");
    click(&mut harness, "Jurisdiction");
    click(&mut harness, "Wales (Schedule 12A Part 4)");
    let doc = harness.state().current().and_then(|d| d.editing()).unwrap();
    assert_eq!(doc.review.jurisdiction, Jurisdiction::Wales);
    // Ambleshire's appendix is under English paragraph 1: the warnings panel says what to use.
    harness.get_by_label_contains("use paragraphs 12 to 18 of Part 4");
    click(&mut harness, "Appendices and contacts");
    click(&mut harness, "Exemption of appendix 1");
    harness.get_by_label("Exempt: paragraph 12 of Part 4");
    assert!(harness.query_by_label("Exempt: paragraph 1 of Part 1").is_none());
}

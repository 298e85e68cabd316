//! Documents handled like a real editor: saving, unsaved-changes prompts, error pages, dropped
//! files, the shared-drive guard, open requests from other threads, dialogs and printing.

mod app_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use app_support::{Scratch, Setup, WORCESTERSHIRE, edit_council, finish_saving, open, viewport_commands, wait_for};
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{DialogPurpose, PeerBriefApp, open_request_channel};

type H = Harness<'static, PeerBriefApp>;

fn request_close(harness: &mut H) {
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    harness.step();
}

fn titles(harness: &Harness<'_, PeerBriefApp>) -> Vec<String> {
    viewport_commands(harness)
        .into_iter()
        .filter_map(|c| if let ViewportCommand::Title(t) = c { Some(t) } else { None })
        .collect()
}

#[test]
fn ctrl_s_saves_to_disk_and_the_title_loses_its_dot() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    assert_eq!(harness.state().window_title(), "worcestershire-2015.peerreview — PeerBrief");
    edit_council(&mut harness, " (edited)");
    assert_eq!(harness.state().window_title(), "• worcestershire-2015.peerreview — PeerBrief");
    // Key down alone, so this frame's output is the one that saved.
    let key = |pressed| egui::Event::Key {
        key: Key::S,
        pressed,
        modifiers: Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    };
    harness.event(key(true));
    harness.step();
    assert!(harness.state().is_saving() || !harness.state().current().unwrap().is_dirty());
    harness.event(key(false));
    // Saving runs on its own thread; the window keeps painting meanwhile.
    let mut seen = Vec::new();
    wait_for(&mut harness, "the save", |h| {
        seen.extend(titles(h));
        !h.state().is_saving()
    });
    harness.step();
    seen.extend(titles(&harness));
    assert_eq!(seen, vec!["worcestershire-2015.peerreview — PeerBrief".to_owned()]);
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(on_disk.contains("council: \"Worcestershire County Council (edited)\""), "{on_disk}");
    assert!(!harness.state().current().unwrap().is_dirty());
    assert!(harness.state().status_text().starts_with("Saved "), "{}", harness.state().status_text());
    // The previous version is kept as a backup.
    assert!(Path::new(&format!("{}~", path.display())).exists());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_and_cancel_keeps_it_open() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    edit_council(&mut harness, " (edited)");
    request_close(&mut harness);
    assert!(viewport_commands(&harness).contains(&ViewportCommand::CancelClose), "{:?}", viewport_commands(&harness));
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(!viewport_commands(&harness).contains(&ViewportCommand::Close));
    assert!(harness.state().current().unwrap().is_dirty(), "edits kept");

    // Again, and this time discard: the window is told to close.
    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(viewport_commands(&harness).contains(&ViewportCommand::Close));
}

#[test]
fn quitting_with_save_saves_then_closes() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    edit_council(&mut harness, " (quit)");
    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Save").click();
    wait_for(&mut harness, "the window to close", |h| viewport_commands(h).contains(&ViewportCommand::Close));
    assert!(std::fs::read_to_string(&path).unwrap().contains("(quit)"));
}

#[test]
fn closing_a_dirty_tab_asks_and_save_saves_and_closes() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let mut harness = open(&scratch, &[WORCESTERSHIRE, "ambleshire-2024.peerreview"]);
    harness.get_by_label("worcestershire-2015.peerreview").click();
    harness.run();
    edit_council(&mut harness, " (tab)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    harness.get_by_label("Save your changes before closing?");
    harness.get_by_label("Save").click();
    finish_saving(&mut harness);
    assert_eq!(harness.state().documents().len(), 1);
    assert!(std::fs::read_to_string(&path).unwrap().contains("(tab)"));
}

#[test]
fn a_broken_file_opens_as_an_error_page_with_line_and_column_and_is_never_saved_over() {
    let scratch = Scratch::new();
    let broken = scratch.path("broken.peerreview");
    let text = "PeerReview(\n    format_version: 2,\n    marking: Secret,\n)\n";
    std::fs::write(&broken, text).unwrap();
    let mut harness = open(&scratch, &["broken.peerreview", WORCESTERSHIRE]);
    assert_eq!(harness.state().documents().len(), 2, "the app still starts and opens the good file");
    harness.get_by_label("broken.peerreview").click();
    harness.run();
    harness.get_by_label("This file could not be opened");
    harness.get_by_label("Line 3, column 14");
    harness.get_by_label_contains("`Secret` is not allowed");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);
    assert!(harness.state().status_text().contains("will not save over it"), "{}", harness.state().status_text());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_file_opens_in_a_new_tab() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    let dropped = scratch.path("afonwen-2025-action-plan.peerreview");
    harness.input_mut().dropped_files.push(Arc::new(Dropped(dropped.clone())));
    harness.run();
    let docs = harness.state().documents();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].path(), Some(dropped.as_path()));
    assert_eq!(harness.state().current_index(), 1);
    harness.get_by_label("afonwen-2025-action-plan.peerreview");
}

#[test]
fn the_shared_drive_guard_asks_before_overwriting_a_changed_file() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    edit_council(&mut harness, " (mine)");
    // A colleague saves the file behind our back.
    let theirs = std::fs::read_to_string(&path).unwrap().replace("Worcestershire County Council", "Their Council");
    std::fs::write(&path, &theirs).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    harness.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "not overwritten silently");
    harness.get_by_label("Reload").click();
    harness.run();
    let review = &harness.state().current().unwrap().editing().unwrap().review;
    assert_eq!(review.council, "Their Council");

    // Changed again behind our back, then our edit: this time overwrite.
    std::fs::write(&path, theirs.replace("Their Council", "Another Council")).unwrap();
    edit_council(&mut harness, " (mine)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    harness.get_by_label("Overwrite").click();
    finish_saving(&mut harness);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Their Council (mine)"));
}

#[test]
fn save_as_a_copy_when_the_file_changed_on_disk() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let copy = scratch.path("my-copy");
    let setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.dialogs.answer(vec![copy.clone()]);
    let mut harness = setup.build();
    edit_council(&mut harness, " (mine)");
    std::fs::write(&path, "changed by someone else").unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    harness.get_by_label("Save as a copy…").click();
    finish_saving(&mut harness);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "changed by someone else");
    let saved = scratch.path("my-copy.peerreview");
    assert!(std::fs::read_to_string(&saved).unwrap().contains("(mine)"));
    assert_eq!(harness.state().current().unwrap().path(), Some(saved.as_path()));
}

#[test]
fn open_requests_from_another_thread_open_tabs_and_focus_the_window() {
    let scratch = Scratch::new();
    let (sender, requests) = open_request_channel();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.open_requests = Some(requests);
    let mut harness = setup.build();
    let paths = vec![scratch.path("ambleshire-2024.peerreview"), scratch.path("afonwen-2025-action-plan.peerreview")];
    let thread = std::thread::spawn(move || sender.send(paths));
    assert!(thread.join().unwrap());
    harness.step();
    assert!(viewport_commands(&harness).contains(&ViewportCommand::Focus));
    harness.run();
    assert_eq!(harness.state().documents().len(), 3);
    harness.get_by_label("ambleshire-2024.peerreview");
    harness.get_by_label("afonwen-2025-action-plan.peerreview");
}

#[test]
fn new_review_saved_through_the_save_dialog_and_opened_through_the_open_dialog() {
    let scratch = Scratch::new();
    let target = scratch.path("new.peerreview");
    let setup = Setup::new(&scratch, &[]);
    setup.dialogs.answer(vec![target.clone()]);
    setup.dialogs.answer(vec![scratch.path(WORCESTERSHIRE)]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    edit_council(&mut harness, "Newshire Council");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(matches!(dialogs.asked().first(), Some(DialogPurpose::SaveAs { .. })));
    let loaded = peerbrief::store::load_review(&target).unwrap();
    assert_eq!(loaded.review.council, "Newshire Council");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(dialogs.asked().get(1), Some(&DialogPurpose::Open));
    assert_eq!(harness.state().documents().len(), 2);
    let recent = &harness.state().settings().recent_files;
    assert_eq!(recent.first(), Some(&scratch.path(WORCESTERSHIRE)));
    assert!(recent.contains(&target));
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn recent_files_are_kept_in_eframe_storage() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let stored = storage.0.get(eframe::APP_KEY).expect("settings stored");
    assert!(stored.contains("worcestershire-2015.peerreview"), "{stored}");
}

#[test]
fn file_menu_shows_the_shortcuts() {
    let scratch = Scratch::new();
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    harness.get_by_label("File").click();
    harness.run();
    for label in [
        "New review Ctrl+N",
        "Open… Ctrl+O",
        "Save Ctrl+S",
        "Save as… Ctrl+Shift+S",
        "Close tab Ctrl+W",
        "Print briefing… Ctrl+P",
        "Quit Ctrl+Q",
    ] {
        harness.get_by_label(label);
    }
}

#[test]
fn opening_a_file_whose_tab_has_unsaved_changes_asks_first() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let (sender, requests) = open_request_channel();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.open_requests = Some(requests);
    let mut harness = setup.build();
    edit_council(&mut harness, " (mine)");
    sender.send(vec![path.clone()]);
    harness.run();
    assert_eq!(harness.state().documents().len(), 1, "no second tab for the same file");
    harness.get_by_label_contains("already open with unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().current().unwrap().is_dirty(), "Cancel keeps the edits");
    sender.send(vec![path]);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    let doc = harness.state().current().unwrap();
    assert!(!doc.is_dirty());
    assert_eq!(doc.editing().unwrap().review.council, "Worcestershire County Council", "read again from disk");
}

#[test]
fn reload_after_a_change_on_disk_keeps_the_edits_one_undo_away() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let mut harness = open(&scratch, &[WORCESTERSHIRE]);
    edit_council(&mut harness, " (mine)");
    let theirs = std::fs::read_to_string(&path).unwrap().replace("Worcestershire County Council", "Their Council");
    std::fs::write(&path, &theirs).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    harness.get_by_label("Reload").click();
    harness.run();
    let status = harness.state().status_text().to_owned();
    assert!(status.contains("Reloaded") && status.contains("Undo"), "the status says the edits were kept: {status}");
    let doc = harness.state().current().unwrap();
    assert_eq!(doc.editing().unwrap().review.council, "Their Council");
    assert!(!doc.is_dirty(), "the tab now shows the file as it is on disk");

    // Before the fix Ctrl+Z said "Nothing to undo" and the edits were gone.
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = harness.state().current().unwrap();
    assert_eq!(doc.editing().unwrap().review.council, "Worcestershire County Council (mine)");
    assert!(doc.is_dirty());
    // Saving now is the user's choice to put their version back, without a second warning.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert!(std::fs::read_to_string(&path).unwrap().contains("Worcestershire County Council (mine)"));
}

#[test]
fn save_as_suggests_a_name_from_the_council_and_title() {
    let scratch = Scratch::new();
    let setup = Setup::new(&scratch, &[]);
    setup.dialogs.answer(vec![]);
    let dialogs = setup.dialogs.clone();
    let mut harness = setup.build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    edit_council(&mut harness, "Newshire Council");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(dialogs.suggested().first().map(String::as_str), Some("Newshire Council peer review.peerreview"));
    assert_eq!(harness.state().status_text(), "Not saved: no file name was chosen.");
    assert!(harness.state().current().unwrap().is_dirty());
}

//! Autosave and recovery: unsaved edits reach a recovery file within the autosave delay, a new
//! app instance offers them back, and the file goes once the work is saved or discarded.

mod app_support;

use std::path::PathBuf;
use std::time::Duration;

use app_support::{Scratch, Setup, WORCESTERSHIRE, edit_council, finish_saving, wait_for};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use peerbrief::store::recovery::list_recovery;

fn recovery_files(dir: &std::path::Path) -> Vec<PathBuf> {
    list_recovery(dir).0.into_iter().map(|r| r.file).collect()
}

#[test]
fn unsaved_edits_are_recovered_by_a_new_instance_and_the_file_goes_once_saved() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    edit_council(&mut harness, " (unsaved)");
    // Nothing is written before the delay has passed…
    assert!(recovery_files(&rdir).is_empty());
    // …and soon after it, the recovery copy holds the edit.
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());
    let (found, _) = list_recovery(&rdir);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].entry.original.as_deref(), Some(path.as_path()));
    assert_eq!(found[0].entry.review.council, "Worcestershire County Council (unsaved)");
    // The "crash": the app goes away without saving.
    drop(harness);
    assert!(!std::fs::read_to_string(&path).unwrap().contains("(unsaved)"));

    let mut setup = Setup::new(&scratch, &[]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    harness.get_by_label("Recover unsaved work");
    harness.get_by_label(&format!("Restore {}", path.display())).click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_none());
    let doc = harness.state().current().expect("restored tab");
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(doc.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(doc.editing().unwrap().review.council, "Worcestershire County Council (unsaved)");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(std::fs::read_to_string(&path).unwrap().contains("(unsaved)"));
    wait_for(&mut harness, "the recovery file to go", |_| recovery_files(&rdir).is_empty());
}

#[test]
fn discarding_recovered_work_removes_its_file() {
    let scratch = Scratch::new();
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[]);
    setup.autosave_delay = Duration::ZERO;
    let mut harness = setup.build();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    edit_council(&mut harness, "Newshire");
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());
    drop(harness);

    let mut harness = Setup::new(&scratch, &[]).build();
    harness.get_by_label("Discard Untitled review (never saved)").click();
    harness.run();
    assert!(harness.state().documents().is_empty());
    wait_for(&mut harness, "the recovery file to go", |_| recovery_files(&rdir).is_empty());
}

#[test]
fn undoing_back_to_the_saved_state_or_discarding_a_tab_removes_the_recovery_file() {
    let scratch = Scratch::new();
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.autosave_delay = Duration::ZERO;
    let mut harness = setup.build();
    edit_council(&mut harness, " x");
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());
    harness.get_by_label("Dashboard").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().current().unwrap().is_dirty());
    wait_for(&mut harness, "the recovery file to go", |_| recovery_files(&rdir).is_empty());

    edit_council(&mut harness, " y");
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().documents().is_empty());
    wait_for(&mut harness, "the recovery file to go", |_| recovery_files(&rdir).is_empty());
}

#[test]
fn a_failed_save_keeps_the_edits_in_memory_and_in_the_recovery_file() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    edit_council(&mut harness, " (edited)");
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());

    // The file becomes read-only behind the app's back (refused even for root).
    let original = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    let status = harness.state().status_text().to_owned();
    assert!(status.starts_with("Not saved") && status.contains("read-only"), "{status}");
    assert_eq!(std::fs::read(&path).unwrap(), original, "the file on disk is untouched");
    let doc = harness.state().current().unwrap();
    assert!(doc.is_dirty(), "the edits are still unsaved in the window");
    assert_eq!(doc.editing().unwrap().review.council, "Worcestershire County Council (edited)");
    let (found, _) = list_recovery(&rdir);
    assert_eq!(found.len(), 1, "the recovery copy stays until a save succeeds");
    assert_eq!(found[0].entry.review.council, "Worcestershire County Council (edited)");
}

#[test]
fn restoring_after_a_crash_lands_in_the_tab_of_the_same_file() {
    let scratch = Scratch::new();
    let path = scratch.path(WORCESTERSHIRE);
    let rdir = scratch.recovery_dir();
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    edit_council(&mut harness, " (unsaved)");
    wait_for(&mut harness, "the recovery file", |_| !recovery_files(&rdir).is_empty());
    drop(harness); // the crash

    // Restarted on the same file, as a double-click would.
    let mut setup = Setup::new(&scratch, &[WORCESTERSHIRE]);
    setup.autosave_delay = Duration::from_millis(200);
    let mut harness = setup.build();
    harness.get_by_label(&format!("Restore {}", path.display())).click();
    harness.run();
    assert_eq!(harness.state().documents().len(), 1, "one tab for the file, not a second stale one");
    let doc = harness.state().current().unwrap();
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(doc.is_dirty());
    assert_eq!(doc.editing().unwrap().review.council, "Worcestershire County Council (unsaved)");

    // Saving it is an ordinary save: no "changed by someone else" about our own file.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    finish_saving(&mut harness);
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert!(std::fs::read_to_string(&path).unwrap().contains("(unsaved)"));
    assert!(!harness.state().current().unwrap().is_dirty());
    wait_for(&mut harness, "the recovery file to go", |_| recovery_files(&rdir).is_empty());
}

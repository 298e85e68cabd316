//! Shared set-up for the window tests: the real `PeerBriefApp` in a kittest harness, with
//! scripted file dialogs, a recovery folder in a temp dir and sample files copied there first.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use peerbrief::app::{AppOptions, OpenRequests, PeerBriefApp, ScriptedDialogs};

pub const WORCESTERSHIRE: &str = "worcestershire-2015.peerreview";

/// A temp folder holding copies of the samples (tests never edit `samples/` itself).
/// Copies a folder's files and subfolders (the sample pack's PDF papers live in `samples/papers`).
pub fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("samples folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("sample subfolder");
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy sample");
        }
    }
}

pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        copy_folder(&samples, dir.path());
        Scratch { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.dir.path().join("recovery")
    }
}

pub struct Setup {
    pub files: Vec<PathBuf>,
    pub dialogs: ScriptedDialogs,
    pub recovery_dir: Option<PathBuf>,
    pub autosave_delay: Duration,
    pub open_requests: Option<OpenRequests>,
    /// Window size in points.
    pub size: egui::Vec2,
    /// Stands in for `lp`: the PDF path is added last.
    pub print_command: Vec<String>,
}

impl Setup {
    pub fn new(scratch: &Scratch, files: &[&str]) -> Setup {
        Setup {
            files: files.iter().map(|f| scratch.path(f)).collect(),
            dialogs: ScriptedDialogs::default(),
            recovery_dir: Some(scratch.recovery_dir()),
            autosave_delay: Duration::from_secs(60),
            open_requests: None,
            size: egui::vec2(1280.0, 800.0),
            print_command: vec!["true".to_owned()],
        }
    }

    pub fn build(self) -> Harness<'static, PeerBriefApp> {
        let Setup { files, dialogs, recovery_dir, autosave_delay, open_requests, size, print_command } = self;
        // Work on other threads (saves, dialogs, autosave) wakes the window a few extra frames.
        let mut harness = Harness::builder().with_size(size).with_max_steps(16).build_eframe(move |cc| {
            let options = AppOptions {
                files,
                dialogs: Box::new(dialogs),
                recovery_dir,
                autosave_delay,
                open_requests,
                trace_startup: None,
                print_command,
            };
            PeerBriefApp::new(cc, options)
        });
        harness.run();
        harness
    }
}

/// The harness with these sample copies open.
pub fn open(scratch: &Scratch, files: &[&str]) -> Harness<'static, PeerBriefApp> {
    Setup::new(scratch, files).build()
}

/// Commands the root viewport was sent in the last frame.
pub fn viewport_commands(harness: &Harness<'_, PeerBriefApp>) -> Vec<egui::ViewportCommand> {
    harness.output().viewport_output.get(&egui::ViewportId::ROOT).map(|v| v.commands.clone()).unwrap_or_default()
}

/// Polls `check` for up to five seconds, running frames, for work done on other threads.
pub fn wait_for(
    harness: &mut Harness<'_, PeerBriefApp>,
    what: &str,
    mut check: impl FnMut(&mut Harness<'_, PeerBriefApp>) -> bool,
) {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !check(harness) {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

/// Types into the Council field (the editor's first field) so the document has unsaved changes.
pub fn edit_council(harness: &mut Harness<'static, PeerBriefApp>, text: &str) {
    harness.get_by_label("Editor").click();
    harness.run();
    harness.get_by_label("Report and meeting").click();
    harness.run();
    harness.get_by_label("Council").focus();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.get_by_label("Council").type_text(text);
    harness.run();
    assert!(harness.state().current().unwrap().is_dirty());
}

/// Saving runs on a worker thread: waits until every save has been written and answered.
pub fn finish_saving(harness: &mut Harness<'static, PeerBriefApp>) {
    harness.step();
    wait_for(harness, "the save to finish", |h| !h.state().is_saving() && !h.state().is_dialog_open());
    harness.run();
}

/// Steps frames (the window stays live) until the PDF is made or has failed.
pub fn wait_for_printing(harness: &mut Harness<'static, PeerBriefApp>, what: &str) {
    let started = std::time::Instant::now();
    loop {
        harness.step();
        let status = harness.state().status_text();
        let done = status.starts_with(&format!("Saved the {what}")) || status.starts_with("No PDF made");
        if !harness.state().is_printing() && done {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "printing did not finish: {status}");
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
}

/// Opens the combo box named `label` and picks the entry whose text starts with `entry`.
pub fn choose(harness: &mut Harness<'static, PeerBriefApp>, label: &str, entry: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    harness.get_by_role_and_label(Role::ComboBox, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    let item = harness
        .get_all_by_label_contains(entry)
        .find(|n| {
            n.accesskit_node().role() != Role::Label || n.accesskit_node().label().is_some_and(|l| l.starts_with(entry))
        })
        .expect("the entry in the drop-down list");
    item.click();
    harness.run();
}

//! A committee pack open as a tab: the meeting, the agenda and the pack as it will print. It is
//! saved, undone, autosaved and guarded against colleagues' changes exactly as a review is (the
//! shared [`Tracked`] bookkeeping and the same save and recovery paths in `files.rs`).

mod agenda;
mod meeting;
mod preview;

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::tracked::Tracked;
use crate::briefing::Visibility;
use crate::model::CommitteePack;
use crate::store::Fingerprint;

pub use preview::PackPreview;

/// The pages of a pack tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackPage {
    Meeting,
    Agenda,
    Preview,
}

impl PackPage {
    pub const ALL: [PackPage; 3] = [PackPage::Meeting, PackPage::Agenda, PackPage::Preview];

    pub fn label(self) -> &'static str {
        match self {
            PackPage::Meeting => "Meeting",
            PackPage::Agenda => "Agenda",
            PackPage::Preview => "Preview",
        }
    }
}

/// What a pack tab's views remember.
#[derive(Debug)]
pub struct PackView {
    pub page: PackPage,
    pub preview: Option<PackPreview>,
    /// Public unless the user picks the private version.
    pub preview_visibility: Visibility,
}

/// A committee pack open for editing.
#[derive(Debug)]
pub struct PackEditing {
    pub pack: CommitteePack,
    pub path: Option<PathBuf>,
    pub fingerprint: Option<Fingerprint>,
    tracked: Tracked<CommitteePack>,
    dirty: bool,
    /// Bumped on every change; the preview is laid out again when it moves.
    pub revision: u64,
    /// When the last change happened, for autosave.
    pub unsaved_since: Option<Instant>,
    pub view: PackView,
}

/// What a pack tab asks the window to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackRequest {
    /// Pick a review file to add to the agenda.
    AddReview,
    /// Pick a PDF (minutes, another directorate's report) to add to the agenda.
    AddDocument,
    /// Open this review (an agenda item) in its own tab.
    OpenReview(PathBuf),
}

/// A new pack: today's meeting with the usual opening items.
pub fn blank_pack() -> CommitteePack {
    CommitteePack {
        council: String::new(),
        jurisdiction: Default::default(),
        committee: String::new(),
        date: crate::store::today(),
        time: String::new(),
        venue: String::new(),
        members: Vec::new(),
        marking: Default::default(),
        contact: Default::default(),
        public_notice: String::new(),
        exclusion_item: true,
        items: agenda::opening_items(),
        disclosure_reviewed: Vec::new(),
        logo: None,
        logo_image: None,
    }
}

impl PackEditing {
    pub fn new(pack: CommitteePack, path: Option<PathBuf>, fingerprint: Option<Fingerprint>) -> PackEditing {
        PackEditing {
            tracked: Tracked::new(&pack),
            pack,
            path,
            fingerprint,
            dirty: false,
            revision: 0,
            unsaved_since: None,
            view: PackView { page: PackPage::Agenda, preview: None, preview_visibility: Visibility::Public },
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn can_undo(&self) -> bool {
        self.tracked.can_undo(&self.pack)
    }

    pub fn can_redo(&self) -> bool {
        self.tracked.can_redo()
    }

    pub fn note_change(&mut self, typing: bool) {
        self.tracked.note_change(&self.pack, typing);
        self.after_change();
    }

    pub fn settle(&mut self, typing: bool) {
        self.tracked.settle(&self.pack, typing);
    }

    pub fn is_pending(&self) -> bool {
        self.tracked.is_pending()
    }

    pub fn undo(&mut self) -> bool {
        let done = self.tracked.undo(&mut self.pack);
        if done {
            self.after_change();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.tracked.redo(&mut self.pack);
        if done {
            self.after_change();
        }
        done
    }

    fn after_change(&mut self) {
        self.revision += 1;
        self.dirty = self.tracked.is_dirty(&self.pack);
        self.unsaved_since = self.dirty.then(Instant::now);
    }

    pub fn mark_saved(&mut self, path: PathBuf, fingerprint: Fingerprint, written: CommitteePack) {
        self.tracked.mark_saved(written, &self.pack);
        self.path = Some(path);
        self.fingerprint = Some(fingerprint);
        self.dirty = self.tracked.is_dirty(&self.pack);
        if !self.dirty {
            self.unsaved_since = None;
        }
        // The folder the items are read from may have changed.
        self.revision += 1;
    }

    pub fn mark_restored(&mut self, saved_on_disk: Option<CommitteePack>) {
        self.tracked.mark_restored(saved_on_disk);
        self.dirty = self.tracked.is_dirty(&self.pack);
        self.unsaved_since = None;
        self.revision += 1;
    }

    /// Puts `pack` on screen (read again, or recovered), keeping what was there one Undo away.
    /// Returns true if that kept unsaved edits.
    pub fn replace_keeping_undo(
        &mut self,
        pack: CommitteePack,
        saved: Option<CommitteePack>,
        fingerprint: Option<Fingerprint>,
    ) -> bool {
        let had_edits = self.dirty;
        self.tracked.replace(&mut self.pack, pack, saved);
        self.fingerprint = fingerprint;
        self.after_change();
        had_edits
    }

    /// Reads the manifest again, keeping what was on screen one Undo away; true if that kept edits.
    pub fn reload_from(&mut self, path: &Path) -> Result<bool, crate::store::StoreError> {
        let loaded = crate::store::load_manifest(path)?;
        Ok(self.replace_keeping_undo(loaded.pack.clone(), Some(loaded.pack), Some(loaded.fingerprint)))
    }

    /// The folder agenda items are relative to: the manifest's, once saved.
    pub fn folder(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// Draws a pack tab; returns what it asks of the window. Changes are noted for undo here.
pub fn show(ui: &mut egui::Ui, e: &mut PackEditing, typing: bool) -> Option<PackRequest> {
    let pressed = ui.input(|i| i.pointer.any_pressed());
    e.settle(typing && !pressed);
    let mut changed = false;
    let mut request = None;
    egui::CentralPanel::default().show(ui, |ui| match e.view.page {
        PackPage::Meeting => {
            egui::ScrollArea::vertical().id_salt("pack_meeting").auto_shrink(false).show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                changed = meeting::show(ui, &mut e.pack);
            });
        }
        PackPage::Agenda => {
            // Page ranges and report titles come from the laid-out pack, brought up to date
            // once typing pauses (laying out reads the reports).
            if !e.is_pending() {
                PackPreview::refresh(e);
            }
            let folder = e.folder().map(Path::to_owned);
            egui::ScrollArea::vertical().id_salt("pack_agenda").auto_shrink(false).show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                let (c, r) = agenda::show(ui, &mut e.pack, folder.as_deref(), e.view.preview.as_ref());
                changed = c;
                request = r;
            });
        }
        PackPage::Preview => preview::show(ui, e),
    });
    if changed {
        e.note_change(typing);
    }
    e.settle(typing);
    if e.is_pending() {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(300));
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_edits_undo_and_mark_dirty_like_a_review() {
        let mut e = PackEditing::new(blank_pack(), None, None);
        assert!(!e.is_dirty());
        e.pack.committee = "Scrutiny".into();
        e.note_change(false);
        assert!(e.is_dirty());
        assert!(e.undo());
        assert!(!e.is_dirty());
        assert!(e.redo());
        assert_eq!(e.pack.committee, "Scrutiny");
    }
}

//! One open document (a tab): the review being edited, its file, its undo history and its view
//! state — or, for a file that failed to load, the error page.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::dialogs::FileKind;
use super::pack::PackEditing;
use super::saving::Body;
use super::tracked::Tracked;
pub use super::view_state::{DashboardFilter, EditorPage, View, ViewState};
use crate::model::{CommitteePack, FindingKind, Review, Warning, validate};
use crate::store::{Fingerprint, LoadedManifest, LoadedReview, StoreError};

/// Names a tab for as long as it is open; actions and answers carry it instead of a tab index,
/// so closing or reordering tabs can never send an answer to the wrong document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub u64);

/// A file that could not be opened: shown as a page naming file, line and column.
#[derive(Clone, Debug)]
pub struct LoadFailure {
    pub path: PathBuf,
    pub message: String,
    pub position: Option<(usize, usize)>,
}

/// A review open for editing.
#[derive(Debug)]
pub struct Editing {
    pub review: Review,
    pub path: Option<PathBuf>,
    /// What the file looked like when read or last saved (for the shared-drive guard).
    pub fingerprint: Option<Fingerprint>,
    /// The version on disk and the undo history.
    tracked: Tracked<Review>,
    dirty: bool,
    /// Bumped on every change; views cache derived data (warnings, the preview) by it.
    pub revision: u64,
    /// When the last change happened, for autosave; `None` once the recovery copy is current.
    pub unsaved_since: Option<Instant>,
    warnings: (u64, Vec<Warning>),
    pub view: ViewState,
    /// The old format version, if the file was upgraded when loaded.
    pub migrated_from: Option<u32>,
}

/// The contents of a tab.
#[derive(Debug)]
pub enum Content {
    /// A review.
    Editing(Box<Editing>),
    /// A committee pack manifest.
    Pack(Box<PackEditing>),
    Failed(LoadFailure),
}

/// One tab.
#[derive(Debug)]
pub struct Document {
    pub id: DocId,
    pub content: Content,
    /// Set when this document's recovery file exists (so it is removed once saved or discarded).
    pub recovery_file: Option<PathBuf>,
    /// True while a save of this document is being written on the save thread.
    pub saving: bool,
}

impl Editing {
    /// A review open for editing, as loaded (not dirty, empty history).
    pub fn new(review: Review, path: Option<PathBuf>, fingerprint: Option<Fingerprint>) -> Editing {
        Editing {
            tracked: Tracked::new(&review),
            review,
            path,
            fingerprint,
            dirty: false,
            revision: 0,
            unsaved_since: None,
            warnings: (u64::MAX, Vec::new()),
            view: ViewState::default(),
            migrated_from: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn can_undo(&self) -> bool {
        self.tracked.can_undo(&self.review)
    }

    pub fn can_redo(&self) -> bool {
        self.tracked.can_redo()
    }

    /// Records that the UI changed `review` this frame. While the user types in a text box the
    /// changes merge into one undo step; any other change is its own step.
    pub fn note_change(&mut self, typing: bool) {
        self.tracked.note_change(&self.review, typing);
        self.after_change();
    }

    /// Closes a merged typing step once the user stops typing or leaves the text box.
    pub fn settle(&mut self, typing: bool) {
        self.tracked.settle(&self.review, typing);
    }

    /// Whether a merged typing step is still open (the app repaints later to close it).
    pub fn is_pending(&self) -> bool {
        self.tracked.is_pending()
    }

    pub fn undo(&mut self) -> bool {
        let done = self.tracked.undo(&mut self.review);
        if done {
            self.after_change();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.tracked.redo(&mut self.review);
        if done {
            self.after_change();
        }
        done
    }

    fn after_change(&mut self) {
        self.revision += 1;
        self.dirty = self.tracked.is_dirty(&self.review);
        self.unsaved_since = self.dirty.then(Instant::now);
        if let Some(i) = self.view.selected_finding
            && i >= self.review.findings.len()
        {
            self.view.selected_finding = None;
        }
    }

    /// Records a successful save of `written` (the review as it was when the save began: the
    /// user may have gone on editing while it was written).
    pub fn mark_saved(&mut self, path: PathBuf, fingerprint: Fingerprint, written: Review) {
        self.tracked.mark_saved(written, &self.review);
        self.path = Some(path);
        self.fingerprint = Some(fingerprint);
        self.dirty = self.tracked.is_dirty(&self.review);
        if !self.dirty {
            self.unsaved_since = None;
        }
    }

    /// Marks restored (recovered) work as unsaved against the file as it now is.
    pub fn mark_restored(&mut self, saved_on_disk: Option<Review>) {
        self.tracked.mark_restored(saved_on_disk);
        self.dirty = self.tracked.is_dirty(&self.review);
        self.unsaved_since = None;
        self.revision += 1;
    }

    /// Replaces the review with `review` (the file as read again, or recovered work) while
    /// keeping what was on screen one Ctrl+Z away. Returns true if that kept unsaved edits.
    pub fn replace_keeping_undo(
        &mut self,
        review: Review,
        saved: Option<Review>,
        fingerprint: Option<Fingerprint>,
    ) -> bool {
        let had_edits = self.dirty;
        self.tracked.replace(&mut self.review, review, saved);
        self.fingerprint = fingerprint;
        self.after_change();
        had_edits
    }

    /// Reads the file again, keeping what was on screen one Undo away; true if that kept edits.
    pub fn reload_from(&mut self, path: &Path) -> Result<bool, StoreError> {
        let loaded = crate::store::load_review(path)?;
        let kept = self.replace_keeping_undo(loaded.review.clone(), Some(loaded.review), Some(loaded.fingerprint));
        self.migrated_from = loaded.migrated_from;
        Ok(kept)
    }

    /// Validation warnings, recomputed only when the review changed.
    pub fn warnings(&mut self) -> &[Warning] {
        if self.warnings.0 != self.revision {
            self.warnings = (self.revision, validate(&self.review, crate::store::today()));
        }
        &self.warnings.1
    }

    /// Count of findings of one kind in one theme.
    pub fn count(&self, kind: FindingKind, theme: &str, key_only: bool) -> usize {
        self.review.findings_of(kind, key_only).filter(|(_, f)| f.themes.iter().any(|t| t == theme)).count()
    }

    /// A new blank document nobody has touched can be replaced by an opened file.
    fn is_untouched(&self) -> bool {
        self.path.is_none() && !self.dirty && !self.tracked.has_history() && self.revision == 0
    }
}

impl Document {
    fn with(id: DocId, content: Content) -> Document {
        Document { id, content, recovery_file: None, saving: false }
    }

    /// A blank review (File → New).
    pub fn new_blank(id: DocId) -> Document {
        Document::new_review(id, Review::default())
    }

    /// A new review not yet saved anywhere (File → New review from a template).
    pub fn new_review(id: DocId, review: Review) -> Document {
        Document::with(id, Content::Editing(Box::new(Editing::new(review, None, None))))
    }

    /// A document restored from a recovery file.
    pub fn restored(id: DocId, review: Review, original: Option<PathBuf>, recovery_file: PathBuf) -> Document {
        let (saved, fingerprint) = on_disk(original.as_deref());
        let mut editing = Editing::new(review, original, fingerprint);
        editing.mark_restored(saved);
        Document { recovery_file: Some(recovery_file), ..Document::with(id, Content::Editing(Box::new(editing))) }
    }

    /// A new committee pack (File → New committee pack).
    pub fn new_pack(id: DocId) -> Document {
        Document::with(id, Content::Pack(Box::new(PackEditing::new(super::pack::blank_pack(), None, None))))
    }

    /// A committee pack restored from a recovery file.
    pub fn restored_pack(
        id: DocId,
        pack: CommitteePack,
        original: Option<PathBuf>,
        recovery_file: PathBuf,
    ) -> Document {
        let (saved, fingerprint) = pack_on_disk(original.as_deref());
        let mut editing = PackEditing::new(pack, original, fingerprint);
        editing.mark_restored(saved);
        Document { recovery_file: Some(recovery_file), ..Document::with(id, Content::Pack(Box::new(editing))) }
    }

    /// The review of a review tab.
    pub fn editing(&self) -> Option<&Editing> {
        match &self.content {
            Content::Editing(e) => Some(e),
            _ => None,
        }
    }

    pub fn editing_mut(&mut self) -> Option<&mut Editing> {
        match &mut self.content {
            Content::Editing(e) => Some(e),
            _ => None,
        }
    }

    /// The pack of a pack tab.
    pub fn pack(&self) -> Option<&PackEditing> {
        match &self.content {
            Content::Pack(p) => Some(p),
            _ => None,
        }
    }

    pub fn pack_mut(&mut self) -> Option<&mut PackEditing> {
        match &mut self.content {
            Content::Pack(p) => Some(p),
            _ => None,
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.content {
            Content::Editing(e) => e.path.as_deref(),
            Content::Pack(p) => p.path.as_deref(),
            Content::Failed(f) => Some(&f.path),
        }
    }

    /// What kind of file the tab saves to.
    pub fn kind(&self) -> FileKind {
        match &self.content {
            Content::Pack(_) => FileKind::Pack,
            Content::Failed(f) if crate::store::is_pack_file(&f.path) => FileKind::Pack,
            _ => FileKind::Review,
        }
    }

    pub fn is_dirty(&self) -> bool {
        match &self.content {
            Content::Editing(e) => e.is_dirty(),
            Content::Pack(p) => p.is_dirty(),
            Content::Failed(_) => false,
        }
    }

    /// What a save writes: the document as it is now (`None` for an error page).
    pub fn body(&self) -> Option<Body> {
        match &self.content {
            Content::Editing(e) => Some(Body::Review(Box::new(e.review.clone()))),
            Content::Pack(p) => Some(Body::Pack(Box::new(p.pack.clone()))),
            Content::Failed(_) => None,
        }
    }

    /// What the file looked like when read or last saved.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        match &self.content {
            Content::Editing(e) => e.fingerprint,
            Content::Pack(p) => p.fingerprint,
            Content::Failed(_) => None,
        }
    }

    /// Records a successful save of `written`; false if it does not fit the tab any more.
    pub fn mark_saved(&mut self, path: PathBuf, fingerprint: Fingerprint, written: Body) -> bool {
        match (&mut self.content, written) {
            (Content::Editing(e), Body::Review(r)) => e.mark_saved(path, fingerprint, *r),
            (Content::Pack(p), Body::Pack(pack)) => p.mark_saved(path, fingerprint, *pack),
            _ => return false,
        }
        true
    }

    /// When the unsaved changes began, for autosave (`None` once the recovery copy is current).
    pub fn unsaved_since_mut(&mut self) -> Option<&mut Option<Instant>> {
        match &mut self.content {
            Content::Editing(e) => Some(&mut e.unsaved_since),
            Content::Pack(p) => Some(&mut p.unsaved_since),
            Content::Failed(_) => None,
        }
    }

    pub fn can_undo(&self) -> bool {
        match &self.content {
            Content::Editing(e) => e.can_undo(),
            Content::Pack(p) => p.can_undo(),
            Content::Failed(_) => false,
        }
    }

    pub fn can_redo(&self) -> bool {
        match &self.content {
            Content::Editing(e) => e.can_redo(),
            Content::Pack(p) => p.can_redo(),
            Content::Failed(_) => false,
        }
    }

    /// Undo (or redo); false when there was nothing to do.
    pub fn step_history(&mut self, undo: bool) -> bool {
        match (&mut self.content, undo) {
            (Content::Editing(e), true) => e.undo(),
            (Content::Editing(e), false) => e.redo(),
            (Content::Pack(p), true) => p.undo(),
            (Content::Pack(p), false) => p.redo(),
            (Content::Failed(_), _) => false,
        }
    }

    /// The file name shown on the tab and in the title: `name.peerreview` or "Untitled review".
    pub fn name(&self) -> String {
        let untitled = match self.content {
            Content::Pack(_) => "Untitled committee pack",
            _ => "Untitled review",
        };
        self.path()
            .and_then(|p| p.file_name())
            .map_or_else(|| untitled.to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// Tab text: the name, with `•` when there are unsaved changes.
    pub fn tab_title(&self) -> String {
        if self.is_dirty() { format!("{} •", self.name()) } else { self.name() }
    }

    /// A new blank document nobody has touched can be replaced by an opened file.
    pub fn is_untouched_blank(&self) -> bool {
        self.editing().is_some_and(Editing::is_untouched)
    }
}

/// The review and fingerprint of a file as it is on disk now, if it can be read.
pub fn on_disk(path: Option<&Path>) -> (Option<Review>, Option<Fingerprint>) {
    match path.map(crate::store::load_review) {
        Some(Ok(loaded)) => (Some(loaded.review), Some(loaded.fingerprint)),
        _ => (None, None),
    }
}

/// The pack and fingerprint of a manifest as it is on disk now, if it can be read.
pub fn pack_on_disk(path: Option<&Path>) -> (Option<CommitteePack>, Option<Fingerprint>) {
    match path.map(crate::store::load_manifest) {
        Some(Ok(loaded)) => (Some(loaded.pack), Some(loaded.fingerprint)),
        _ => (None, None),
    }
}

/// A pack tab's content from a load attempt.
pub fn pack_content_from_load(path: &Path, result: Result<LoadedManifest, StoreError>) -> Content {
    match result {
        Ok(loaded) => {
            Content::Pack(Box::new(PackEditing::new(loaded.pack, Some(loaded.path), Some(loaded.fingerprint))))
        }
        Err(e) => {
            Content::Failed(LoadFailure { path: path.to_owned(), message: e.to_string(), position: e.position() })
        }
    }
}

/// A tab's content from a load attempt.
pub fn content_from_load(path: &Path, result: Result<LoadedReview, StoreError>) -> Content {
    match result {
        Ok(loaded) => {
            let mut editing = Editing::new(loaded.review, Some(loaded.path), Some(loaded.fingerprint));
            editing.migrated_from = loaded.migrated_from;
            Content::Editing(Box::new(editing))
        }
        Err(e) => {
            Content::Failed(LoadFailure { path: path.to_owned(), message: e.to_string(), position: e.position() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Finding;

    fn doc() -> Editing {
        Editing::new(Review::default(), None, None)
    }

    #[test]
    fn typing_merges_into_one_undo_step_and_redo_restores_it() {
        let mut e = doc();
        for c in "Worc".chars() {
            e.review.council.push(c);
            e.note_change(true);
            e.settle(true);
        }
        assert!(e.is_dirty());
        e.settle(false);
        e.review.findings.push(Finding::new(FindingKind::Strength, "x", "vision", true));
        e.note_change(false);
        assert!(e.undo());
        assert!(e.review.findings.is_empty());
        assert_eq!(e.review.council, "Worc");
        assert!(e.undo());
        assert_eq!(e.review.council, "");
        assert!(!e.is_dirty(), "back to the saved state");
        assert!(!e.undo());
        assert!(e.redo());
        assert_eq!(e.review.council, "Worc");
        assert!(e.redo());
        assert_eq!(e.review.findings.len(), 1);
        assert!(!e.redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut e = doc();
        e.review.title = "A".into();
        e.note_change(false);
        e.undo();
        e.review.title = "B".into();
        e.note_change(false);
        assert!(!e.can_redo());
    }

    #[test]
    fn edits_made_while_a_save_was_written_stay_unsaved() {
        let mut e = doc();
        e.review.title = "Saved version".into();
        e.note_change(false);
        let written = e.review.clone();
        e.review.title = "Typed during the save".into();
        e.note_change(false);
        e.mark_saved("/tmp/x.peerreview".into(), Fingerprint::of_bytes(b"x", None), written);
        assert!(e.is_dirty());
    }
}

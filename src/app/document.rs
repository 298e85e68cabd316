//! One open document (a tab): the review being edited with its file, undo history and the
//! state of its views — or, for a file that failed to load, the error page.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::{FindingKind, Place, Review, Warning, validate};
use crate::store::{Fingerprint, LoadedReview, StoreError};

/// How long typing into one text box is merged into one undo step.
const TYPING_MERGE: Duration = Duration::from_millis(1000);

/// Which view of a review is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Dashboard,
    Editor,
    /// The briefing as it will print.
    Preview,
}

/// Groups of the editor, each a page of fields (see `editor/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorPage {
    Report,
    Text,
    Themes,
    Team,
    Findings,
    Closing,
}

impl EditorPage {
    pub const ALL: [EditorPage; 6] = [
        EditorPage::Report,
        EditorPage::Text,
        EditorPage::Themes,
        EditorPage::Team,
        EditorPage::Findings,
        EditorPage::Closing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EditorPage::Report => "Report and meeting",
            EditorPage::Text => "Report text",
            EditorPage::Themes => "Themes and focus",
            EditorPage::Team => "Review team",
            EditorPage::Findings => "Findings and actions",
            EditorPage::Closing => "Appendices and contacts",
        }
    }
}

/// Dashboard filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardFilter {
    pub key_only: bool,
    /// A theme id, or `None` for every theme.
    pub theme: Option<String>,
    pub search: String,
}

impl Default for DashboardFilter {
    fn default() -> Self {
        DashboardFilter { key_only: true, theme: None, search: String::new() }
    }
}

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
    /// The review as last saved or loaded; the document is dirty when it differs. `None` for
    /// restored work that was never saved: always dirty.
    saved: Option<Review>,
    /// The last undo checkpoint: `review` differs from it while an edit is being merged.
    committed: Review,
    undo: Vec<Review>,
    redo: Vec<Review>,
    dirty: bool,
    /// Bumped on every change; views cache derived data (warnings) by it.
    pub revision: u64,
    pending_since: Option<Instant>,
    /// When the last change happened, for autosave; `None` once the recovery copy is current.
    pub unsaved_since: Option<Instant>,
    warnings: (u64, Vec<Warning>),
    pub view: View,
    pub page: EditorPage,
    pub selected_finding: Option<usize>,
    pub filter: DashboardFilter,
    /// A field to scroll to and focus on the next frame.
    pub jump: Option<Place>,
    /// The old format version, if the file was upgraded when loaded.
    pub migrated_from: Option<u32>,
    /// The laid-out briefing for the Preview view, redone when `revision` changes.
    pub preview: Option<super::preview::PreviewState>,
}

/// The contents of a tab.
#[derive(Debug)]
pub enum Content {
    Editing(Box<Editing>),
    Failed(LoadFailure),
}

/// One tab.
#[derive(Debug)]
pub struct Document {
    /// Unique in this session; names the recovery file.
    pub id: String,
    pub content: Content,
    /// Set when this document's recovery file exists (so it is removed once saved or discarded).
    pub recovery_file: Option<PathBuf>,
}

impl Editing {
    /// A review open for editing, as loaded (not dirty, empty history).
    pub fn new(review: Review, path: Option<PathBuf>, fingerprint: Option<Fingerprint>) -> Editing {
        Editing {
            saved: Some(review.clone()),
            committed: review.clone(),
            review,
            path,
            fingerprint,
            undo: Vec::new(),
            redo: Vec::new(),
            dirty: false,
            revision: 0,
            pending_since: None,
            unsaved_since: None,
            warnings: (u64::MAX, Vec::new()),
            view: View::Dashboard,
            page: EditorPage::Report,
            selected_finding: None,
            filter: DashboardFilter::default(),
            jump: None,
            migrated_from: None,
            preview: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.review != self.committed
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the UI changed `review` this frame. While the user types in a text box the
    /// changes merge into one undo step; any other change is its own step.
    pub fn note_change(&mut self, typing: bool) {
        let now = Instant::now();
        self.revision += 1;
        self.dirty = self.saved.as_ref() != Some(&self.review);
        self.unsaved_since = self.dirty.then_some(now);
        if typing {
            self.pending_since.get_or_insert(now);
        } else {
            self.checkpoint();
        }
    }

    /// Closes a merged typing step once the user stops typing or leaves the text box.
    pub fn settle(&mut self, typing: bool) {
        if let Some(since) = self.pending_since
            && (!typing || since.elapsed() >= TYPING_MERGE)
        {
            self.checkpoint();
        }
    }

    /// Whether a merged typing step is still open (the app repaints later to close it).
    pub fn is_pending(&self) -> bool {
        self.pending_since.is_some()
    }

    fn checkpoint(&mut self) {
        self.pending_since = None;
        if self.review != self.committed {
            let previous = std::mem::replace(&mut self.committed, self.review.clone());
            self.undo.push(previous);
            self.redo.clear();
        }
    }

    pub fn undo(&mut self) -> bool {
        self.checkpoint();
        let Some(previous) = self.undo.pop() else { return false };
        let current = std::mem::replace(&mut self.review, previous.clone());
        self.redo.push(current);
        self.committed = previous;
        self.after_history_move();
        true
    }

    pub fn redo(&mut self) -> bool {
        self.checkpoint();
        let Some(next) = self.redo.pop() else { return false };
        let current = std::mem::replace(&mut self.review, next.clone());
        self.undo.push(current);
        self.committed = next;
        self.after_history_move();
        true
    }

    fn after_history_move(&mut self) {
        self.revision += 1;
        self.dirty = self.saved.as_ref() != Some(&self.review);
        self.unsaved_since = self.dirty.then(Instant::now);
        if let Some(i) = self.selected_finding
            && i >= self.review.findings.len()
        {
            self.selected_finding = None;
        }
    }

    /// Records a successful save to `path`.
    pub fn mark_saved(&mut self, path: PathBuf, fingerprint: Fingerprint) {
        self.checkpoint();
        self.path = Some(path);
        self.fingerprint = Some(fingerprint);
        self.saved = Some(self.review.clone());
        self.dirty = false;
        self.unsaved_since = None;
    }

    /// Marks restored (recovered) work as unsaved against the file as it now is.
    pub fn mark_restored(&mut self, saved_on_disk: Option<Review>) {
        self.saved = saved_on_disk;
        self.dirty = self.saved.as_ref() != Some(&self.review);
        self.unsaved_since = None;
        self.revision += 1;
    }

    /// Validation warnings, recomputed only when the review changed.
    pub fn warnings(&mut self) -> &[Warning] {
        if self.warnings.0 != self.revision {
            self.warnings = (self.revision, validate(&self.review, crate::model::Date::today()));
        }
        &self.warnings.1
    }

    /// Count of findings of one kind in one theme.
    pub fn count(&self, kind: FindingKind, theme: &str, key_only: bool) -> usize {
        self.review.findings_of(kind, key_only).filter(|(_, f)| f.themes.iter().any(|t| t == theme)).count()
    }
}

impl Document {
    /// A blank review (File → New).
    pub fn new_blank(id: String) -> Document {
        Document {
            id,
            content: Content::Editing(Box::new(Editing::new(Review::default(), None, None))),
            recovery_file: None,
        }
    }

    /// A document from a load attempt: the review, or the error page.
    pub fn from_load(id: String, path: &Path, result: Result<LoadedReview, StoreError>) -> Document {
        let content = match result {
            Ok(loaded) => {
                let mut editing = Editing::new(loaded.review, Some(loaded.path), Some(loaded.fingerprint));
                editing.migrated_from = loaded.migrated_from;
                Content::Editing(Box::new(editing))
            }
            Err(e) => {
                Content::Failed(LoadFailure { path: path.to_owned(), message: e.to_string(), position: e.position() })
            }
        };
        Document { id, content, recovery_file: None }
    }

    /// A document restored from a recovery file.
    pub fn restored(id: String, review: Review, original: Option<PathBuf>, recovery_file: PathBuf) -> Document {
        let on_disk = original.as_deref().and_then(|p| crate::store::load_review(p).ok());
        let fingerprint = on_disk.as_ref().map(|l| l.fingerprint);
        let mut editing = Editing::new(review, original, fingerprint);
        editing.mark_restored(on_disk.map(|l| l.review));
        Document { id, content: Content::Editing(Box::new(editing)), recovery_file: Some(recovery_file) }
    }

    pub fn editing(&self) -> Option<&Editing> {
        match &self.content {
            Content::Editing(e) => Some(e),
            Content::Failed(_) => None,
        }
    }

    pub fn editing_mut(&mut self) -> Option<&mut Editing> {
        match &mut self.content {
            Content::Editing(e) => Some(e),
            Content::Failed(_) => None,
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.content {
            Content::Editing(e) => e.path.as_deref(),
            Content::Failed(f) => Some(&f.path),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.editing().is_some_and(Editing::is_dirty)
    }

    /// The file name shown on the tab and in the title: `name.peerreview` or "Untitled review".
    pub fn name(&self) -> String {
        self.path()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled review".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// Tab text: the name, with `•` when there are unsaved changes.
    pub fn tab_title(&self) -> String {
        if self.is_dirty() { format!("{} •", self.name()) } else { self.name() }
    }

    /// A new blank document nobody has touched can be replaced by an opened file.
    pub fn is_untouched_blank(&self) -> bool {
        self.editing().is_some_and(|e| e.path.is_none() && !e.dirty && e.undo.is_empty() && e.revision == 0)
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
}

//! Documents and their files: open, reload, save, close and quit, and the recovery copies that
//! keep unsaved work safe. Nothing here discards edits without the user having said so.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::ViewportCommand;

use super::PeerBriefApp;
use super::dialogs::{DialogPurpose, SaveAs};
use super::document::{
    Content, DocId, Document, Editing, content_from_load, on_disk, pack_content_from_load, pack_on_disk,
};
use super::pack::PackEditing;
use super::prompts::{CloseReason, Prompt};
use super::saving::{Body, Guard, SaveJob, SaveResult, Saved};
use crate::model::{CommitteePack, Review};
use crate::store::recovery::Recovered;

impl PeerBriefApp {
    pub(super) fn new_id(&mut self) -> DocId {
        self.next_id += 1;
        DocId(self.next_id)
    }

    /// The name of a document's recovery file: `<pid>-<session start>-<n>`.
    pub(super) fn recovery_id(&self, id: DocId) -> String {
        format!("{}-{}", self.session, id.0)
    }

    pub(super) fn index_of(&self, id: DocId) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    pub(super) fn add_document(&mut self, doc: Document) {
        if self.docs.get(self.current).is_some_and(Document::is_untouched_blank) {
            self.docs[self.current] = doc;
        } else {
            self.docs.push(doc);
            self.current = self.docs.len() - 1;
        }
    }

    pub(super) fn new_review(&mut self) {
        let id = self.new_id();
        self.docs.push(Document::new_blank(id));
        self.current = self.docs.len() - 1;
        self.info("New review: it starts with the LGA's five themes.");
    }

    pub(super) fn new_pack(&mut self) {
        let id = self.new_id();
        self.docs.push(Document::new_pack(id));
        self.current = self.docs.len() - 1;
        self.info("New committee pack: fill in the meeting, then save it in the folder that holds its papers.");
    }

    /// Opens a file as a tab (or shows its tab if already open). A file that fails to load
    /// opens as an error page.
    pub fn open_path(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if let Some(i) = self.docs.iter().position(|d| d.path() == Some(path.as_path())) {
            self.current = i;
            if self.docs[i].is_dirty() {
                let id = self.docs[i].id;
                self.prompt = Some(Prompt::Unsaved { docs: vec![id], reason: CloseReason::Reopen });
            } else {
                self.reload(i);
            }
            return;
        }
        let id = self.new_id();
        let doc = Document { id, content: read_content(&path), recovery_file: None, saving: false };
        match &doc.content {
            Content::Pack(_) => {
                self.settings.remember(&path);
                self.info(format!("Opened the committee pack {}", path.display()));
            }
            Content::Editing(e) => {
                self.settings.remember(&path);
                match e.migrated_from {
                    Some(v) => self.info(format!(
                        "Opened {} (written by an older PeerBrief, format {v}; saving updates it)",
                        path.display()
                    )),
                    None => self.info(format!("Opened {}", path.display())),
                }
            }
            Content::Failed(f) => {
                let message = f.message.clone();
                self.error(format!("Could not open the file: {message}"));
            }
        }
        self.add_document(doc);
        eprintln!("peerbrief: opened {} (tabs: {})", path.display(), self.docs.len());
    }

    /// Reads tab `i` again from disk. Unsaved edits are not lost: they stay one Undo away (and
    /// in the recovery file until the next save), and the status bar says so.
    pub(super) fn reload(&mut self, i: usize) {
        let Some(path) = self.docs[i].path().map(Path::to_owned) else { return };
        let doc = &mut self.docs[i];
        let result = match &mut doc.content {
            Content::Editing(e) => Some(e.reload_from(&path)),
            Content::Pack(p) => Some(p.reload_from(&path)),
            Content::Failed(_) => None,
        };
        match result {
            Some(Ok(true)) => self.info(format!(
                "Reloaded {} from disk. Your unsaved changes are one Undo (Ctrl+Z) away.",
                path.display()
            )),
            Some(Ok(false)) => {
                self.discard_recovery(i);
                self.info(format!("Reloaded {} from disk", path.display()));
            }
            Some(Err(err)) if doc.is_dirty() => self.error(format!("Not reloaded (your changes are kept): {err}")),
            _ => {
                doc.content = read_content(&path);
                match &doc.content {
                    Content::Failed(f) => {
                        let message = f.message.clone();
                        self.error(format!("Could not open the file: {message}"));
                    }
                    _ => self.info(format!("Reloaded {} from disk", path.display())),
                }
            }
        }
    }

    /// Reads tab `i` again from disk because the user chose Discard: the edits go.
    pub(super) fn discard_and_reload(&mut self, i: usize) {
        let Some(path) = self.docs[i].path().map(Path::to_owned) else { return };
        self.discard_recovery(i);
        let view = self.docs[i].editing_mut().map(|e| std::mem::take(&mut e.view));
        self.docs[i].content = read_content(&path);
        if let (Some(e), Some(view)) = (self.docs[i].editing_mut(), view) {
            e.view = view;
            e.view.preview = None;
        }
        match &self.docs[i].content {
            Content::Failed(f) => {
                let message = f.message.clone();
                self.error(format!("Could not open the file: {message}"));
            }
            _ => self.info(format!("Discarded your changes and reloaded {}", path.display())),
        }
    }

    pub(super) fn discard_recovery(&mut self, i: usize) {
        if let Some(file) = self.docs[i].recovery_file.take()
            && let Some(autosave) = &self.autosave
        {
            autosave.remove(file);
        }
    }

    pub(super) fn remove_document(&mut self, i: usize) {
        self.discard_recovery(i);
        let name = self.docs[i].name();
        self.docs.remove(i);
        if self.current >= self.docs.len() {
            self.current = self.docs.len().saturating_sub(1);
        } else if self.current > i {
            self.current -= 1;
        }
        self.info(format!("Closed {name}"));
    }

    pub(super) fn close_tab(&mut self, i: usize) {
        if i >= self.docs.len() {
            return;
        }
        if self.docs[i].is_dirty() {
            self.current = i;
            self.prompt = Some(Prompt::Unsaved { docs: vec![self.docs[i].id], reason: CloseReason::CloseTab });
        } else {
            self.remove_document(i);
        }
    }

    // ----- saving -----

    /// Saves tab `i` to its file, asking for a name if it has none. The save thread checks the
    /// file is still as it was read, and the answer comes back as [`super::Event::Saved`].
    pub(super) fn save(&mut self, i: usize, then_close: bool, frame: &eframe::Frame, ctx: &egui::Context) {
        if self.docs[i].saving {
            return self.info("Already saving this review: wait a moment.");
        }
        match &self.docs[i].content {
            Content::Failed(f) => {
                let name = f.path.display().to_string();
                self.quitting = false;
                self.error(format!("{name} could not be read, so PeerBrief will not save over it. Fix or close it."));
            }
            _ => match self.docs[i].path().map(Path::to_owned) {
                None => self.ask_save_path(i, then_close, frame, ctx),
                Some(path) => {
                    let guard = Guard::Unchanged(self.docs[i].fingerprint());
                    self.write(i, &path, then_close, guard);
                }
            },
        }
    }

    pub(super) fn ask_save_path(&mut self, i: usize, then_close: bool, frame: &eframe::Frame, ctx: &egui::Context) {
        if self.dialog_open {
            return;
        }
        let doc = &self.docs[i];
        let suggested = match (doc.path(), doc.pack()) {
            (Some(p), _) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            (None, Some(p)) => suggested_pack_name(&p.pack),
            (None, None) => suggested_file_name(doc.editing().map(|e| &e.review)),
        };
        let purpose = DialogPurpose::SaveAs { id: doc.id, then_close };
        let suggested = SaveAs::beside(suggested, doc.path());
        let kind = doc.kind();
        self.dialog_open = true;
        self.info("Choose where to save…");
        self.dialogs.pick_save_path(ctx, frame, kind, &suggested, purpose, self.inbox.sender());
    }

    /// Sends tab `i` to the save thread, to be written to `path` (atomically, keeping a backup).
    pub(super) fn write(&mut self, i: usize, path: &Path, then_close: bool, guard: Guard) {
        let doc = &mut self.docs[i];
        let Some(body) = doc.body() else { return };
        doc.saving = true;
        self.saver.save(SaveJob { doc: doc.id, path: path.to_owned(), body, guard, then_close });
        self.info(format!("Saving {}…", path.display()));
    }

    /// A save finished on the save thread.
    pub(super) fn on_saved(&mut self, saved: Saved) {
        let Saved { doc, path, body, then_close, result } = saved;
        let Some(i) = self.index_of(doc) else { return };
        self.docs[i].saving = false;
        match result {
            SaveResult::Saved(fingerprint) => {
                if !self.docs[i].mark_saved(path.clone(), fingerprint, body) {
                    return;
                }
                let clean = !self.docs[i].is_dirty();
                if clean {
                    self.discard_recovery(i);
                }
                self.settings.remember(&path);
                if then_close && clean {
                    self.remove_document(i);
                    self.info(format!("Saved and closed {}", path.display()));
                } else {
                    self.info(format!("Saved {}", path.display()));
                }
            }
            SaveResult::ChangedOnDisk => {
                self.current = i;
                self.prompt = Some(Prompt::ExternalChange { doc, then_close });
            }
            SaveResult::Failed(e) => {
                self.quitting = false;
                self.error(format!("Not saved: {e}"));
            }
        }
    }

    // ----- recovery -----

    /// Writes recovery copies of documents with changes older than the autosave delay.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(autosave) = &self.autosave else { return };
        let mut next_wake: Option<Duration> = None;
        let session = self.session.clone();
        for doc in &mut self.docs {
            let id = format!("{session}-{}", doc.id.0);
            if !doc.is_dirty() {
                if let Some(file) = doc.recovery_file.take() {
                    autosave.remove(file);
                }
                continue;
            }
            let Some(Some(since)) = doc.unsaved_since_mut().map(|s| *s) else { continue };
            let waited = since.elapsed();
            if waited >= self.autosave_delay {
                let (Some(body), original) = (doc.body(), doc.path().map(Path::to_owned)) else { continue };
                doc.recovery_file = Some(autosave.write(&id, original, body));
                if let Some(since) = doc.unsaved_since_mut() {
                    *since = None;
                }
            } else {
                let left = self.autosave_delay - waited;
                next_wake = Some(next_wake.map_or(left, |w| w.min(left)));
            }
        }
        if let Some(wait) = next_wake {
            ctx.request_repaint_after(wait);
        }
    }

    /// Restores recovered work: into the tab of its file if that is open (so there is never a
    /// second, stale tab of the same file), else into a new tab.
    pub(super) fn restore(&mut self, r: Recovered) {
        let name = super::prompts::recovered_name(&r);
        let open = r.entry.original.as_deref().and_then(|p| self.docs.iter().position(|d| d.path() == Some(p)));
        let id = match open {
            Some(i) => self.docs[i].id,
            None => self.new_id(),
        };
        // The work moves to a recovery file of this session (written before the old one is
        // removed: the writer runs jobs in order), so another PeerBrief started later does not
        // offer it while it is open here.
        let body = match &r.entry.pack {
            Some(pack) => Body::Pack(Box::new(pack.clone())),
            None => Body::Review(Box::new(r.entry.review.clone())),
        };
        let file = match &self.autosave {
            Some(autosave) => {
                let file = autosave.write(&self.recovery_id(id), r.entry.original.clone(), body);
                autosave.remove(r.file.clone());
                file
            }
            None => r.file.clone(),
        };
        if let Some(pack) = r.entry.pack.clone() {
            self.restore_pack(open, id, pack, r.entry.original.clone(), file);
            return self.info(format!("Restored {name}: save it to keep the changes."));
        }
        match open {
            Some(i) => {
                let (saved, fingerprint) = on_disk(r.entry.original.as_deref());
                let doc = &mut self.docs[i];
                match doc.editing_mut() {
                    Some(e) => {
                        e.replace_keeping_undo(r.entry.review, saved, fingerprint);
                    }
                    None => {
                        let mut e = Editing::new(r.entry.review, r.entry.original.clone(), fingerprint);
                        e.mark_restored(saved);
                        doc.content = Content::Editing(Box::new(e));
                    }
                }
                if let Some(old) = doc.recovery_file.replace(file.clone())
                    && old != file
                    && let Some(autosave) = &self.autosave
                {
                    autosave.remove(old);
                }
                self.current = i;
            }
            None => {
                let doc = Document::restored(id, r.entry.review, r.entry.original.clone(), file);
                self.add_document(doc);
                if let Some(path) = &r.entry.original {
                    eprintln!("peerbrief: opened {} (tabs: {})", path.display(), self.docs.len());
                }
            }
        }
        self.info(format!("Restored {name}: save it to keep the changes."));
    }

    fn restore_pack(
        &mut self,
        open: Option<usize>,
        id: DocId,
        pack: CommitteePack,
        original: Option<PathBuf>,
        file: PathBuf,
    ) {
        match open {
            Some(i) => {
                let (saved, fingerprint) = pack_on_disk(original.as_deref());
                let doc = &mut self.docs[i];
                match doc.pack_mut() {
                    Some(p) => {
                        p.replace_keeping_undo(pack, saved, fingerprint);
                    }
                    None => {
                        let mut p = PackEditing::new(pack, original, fingerprint);
                        p.mark_restored(saved);
                        doc.content = Content::Pack(Box::new(p));
                    }
                }
                if let Some(old) = doc.recovery_file.replace(file.clone())
                    && old != file
                    && let Some(autosave) = &self.autosave
                {
                    autosave.remove(old);
                }
                self.current = i;
            }
            None => self.add_document(Document::restored_pack(id, pack, original, file)),
        }
    }

    pub(super) fn discard_recovered(&mut self, r: Recovered) {
        if let Some(autosave) = &self.autosave {
            autosave.remove(r.file.clone());
        }
        self.info(format!("Discarded the recovered changes to {}", super::prompts::recovered_name(&r)));
    }

    // ----- closing the window -----

    /// Applies edits still held by a focused field (a theme id being typed) to their reviews.
    pub(super) fn apply_pending_edits(&mut self, ctx: &egui::Context) {
        for doc in &mut self.docs {
            if let Some(e) = doc.editing_mut()
                && super::editor::apply_pending_edits(ctx, e)
            {
                e.note_change(false);
            }
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allowed_to_close {
            return;
        }
        self.apply_pending_edits(ctx);
        let dirty: Vec<DocId> = self.docs.iter().filter(|d| d.is_dirty()).map(|d| d.id).collect();
        if dirty.is_empty() {
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.prompt = Some(Prompt::Unsaved { docs: dirty, reason: CloseReason::Quit });
    }

    /// Quitting with Save: saves each dirty document in turn, then closes the window.
    pub(super) fn continue_quit(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if !self.quitting || self.prompt.is_some() || self.dialog_open || self.is_saving() {
            return;
        }
        match self.docs.iter().position(Document::is_dirty) {
            None => {
                self.quitting = false;
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Some(i) => {
                self.current = i;
                self.save(i, false, frame, ctx);
                ctx.request_repaint();
            }
        }
    }

    pub(super) fn quit_discarding(&mut self, ids: &[DocId], ctx: &egui::Context) {
        for id in ids {
            if let Some(i) = self.index_of(*id) {
                self.discard_recovery(i);
            }
        }
        self.allowed_to_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}

/// A tab's content read from `path`: a pack, a review, or the error page.
fn read_content(path: &Path) -> Content {
    if crate::store::is_pack_file(path) {
        pack_content_from_load(path, crate::store::load_manifest(path))
    } else {
        content_from_load(path, crate::store::load_review(path))
    }
}

/// Whether a recovery file (named `<pid>-<session start>-<n>.recovery`) belongs to a PeerBrief
/// that is still running (same process id, named `peerbrief`). Known on Linux (`/proc`);
/// elsewhere every file is offered.
pub(super) fn written_by_running_process(file: &Path) -> bool {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let Some(pid) = stem.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { return false };
    if pid == std::process::id() {
        return false;
    }
    // `/proc/<pid>/stat` is "pid (comm) state …"; a zombie (Z) or dead (X) process is not running.
    let stat = std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("stat")).unwrap_or_default();
    let Some((head, rest)) = stat.rsplit_once(')') else { return false };
    let running = !matches!(rest.trim_start().chars().next(), Some('Z' | 'X') | None);
    head.ends_with("(peerbrief") && running
}

/// A file name for a review never saved, from its council and title:
/// "Worcestershire County Council - Children's Safeguarding Peer Review.peerreview".
pub(super) fn suggested_file_name(review: Option<&Review>) -> String {
    let council = review.map(|r| r.council.trim()).unwrap_or_default();
    let title = review.map(|r| r.title.trim()).unwrap_or_default();
    let name = match (council.is_empty(), title.is_empty()) {
        (true, true) => "Untitled review".to_owned(),
        (false, true) => format!("{council} peer review"),
        (true, false) => title.to_owned(),
        // The title often names the council already ("Worcestershire Safeguarding Peer Review").
        (false, false) if council.split_whitespace().next().is_some_and(|w| title.contains(w)) => title.to_owned(),
        (false, false) => format!("{council} - {title}"),
    };
    let safe: String =
        name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    let safe: String = safe.chars().take(120).collect();
    format!("{}.peerreview", safe.trim())
}

/// A file name for a pack never saved: "Children and Families Panel 2026-03-17.peerpack".
pub(super) fn suggested_pack_name(pack: &CommitteePack) -> String {
    let committee = pack.committee.trim();
    let name = if committee.is_empty() { "Committee pack".to_owned() } else { committee.to_owned() };
    let safe: String =
        name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).take(120).collect();
    format!("{} {}.peerpack", safe.trim(), pack.date.iso())
}

/// Adds `.peerpack` when the chosen name has no extension a pack can have.
pub(super) fn with_pack_extension(path: PathBuf) -> PathBuf {
    let known = path.extension().is_some_and(|e| e == crate::store::PACK_EXTENSION || e == "ron");
    if known { path } else { path.with_extension(crate::store::PACK_EXTENSION) }
}

/// Adds `.peerreview` when the chosen name has no review extension.
pub(super) fn with_review_extension(path: PathBuf) -> PathBuf {
    let known = path.extension().is_some_and(|e| crate::store::REVIEW_EXTENSIONS.iter().any(|k| e == *k));
    if known { path } else { path.with_extension("peerreview") }
}

/// A PDF path always ends in `.pdf`.
pub(super) fn with_pdf_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) { path } else { path.with_extension("pdf") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_come_from_the_council_and_title() {
        let mut r = Review::default();
        assert_eq!(suggested_file_name(Some(&r)), "Untitled review.peerreview");
        r.council = "Ambleshire Council".into();
        assert_eq!(suggested_file_name(Some(&r)), "Ambleshire Council peer review.peerreview");
        r.title = "Children's Safeguarding Peer Review".into();
        assert_eq!(
            suggested_file_name(Some(&r)),
            "Ambleshire Council - Children's Safeguarding Peer Review.peerreview"
        );
        r.title = "Ambleshire A/B review".into();
        assert_eq!(suggested_file_name(Some(&r)), "Ambleshire A-B review.peerreview");
        assert_eq!(with_review_extension("x".into()), PathBuf::from("x.peerreview"));
        assert_eq!(with_review_extension("x.ron".into()), PathBuf::from("x.ron"));
        assert_eq!(with_pdf_extension("x".into()), PathBuf::from("x.pdf"));
    }
}

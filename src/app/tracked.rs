//! What every kind of open document keeps beside its content: the version last saved (to know
//! when it is dirty) and its undo history. Reviews and committee packs share it.

use super::history::History;

#[derive(Debug)]
pub struct Tracked<T> {
    /// As last saved or loaded; `None` for restored work never saved (always dirty).
    saved: Option<T>,
    history: History<T>,
}

impl<T: Clone + PartialEq> Tracked<T> {
    /// A document as loaded: clean, nothing to undo.
    pub fn new(document: &T) -> Tracked<T> {
        Tracked { saved: Some(document.clone()), history: History::new(document) }
    }

    /// Whether `current` differs from what was last saved.
    pub fn is_dirty(&self, current: &T) -> bool {
        self.saved.as_ref() != Some(current)
    }

    pub fn can_undo(&self, current: &T) -> bool {
        self.history.can_undo(current)
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn note_change(&mut self, current: &T, typing: bool) {
        self.history.note_change(current, typing);
    }

    pub fn settle(&mut self, current: &T, typing: bool) {
        self.history.settle(current, typing);
    }

    pub fn is_pending(&self) -> bool {
        self.history.is_pending()
    }

    pub fn undo(&mut self, current: &mut T) -> bool {
        self.history.undo(current)
    }

    pub fn redo(&mut self, current: &mut T) -> bool {
        self.history.redo(current)
    }

    /// Whether any change was ever recorded.
    pub fn has_history(&self) -> bool {
        !self.history.is_empty()
    }

    /// `written` is now what the file holds (the user may have edited on while it was written).
    pub fn mark_saved(&mut self, written: T, current: &T) {
        self.history.checkpoint(current);
        self.saved = Some(written);
    }

    /// Restored work is compared with the file as it is now on disk (if any).
    pub fn mark_restored(&mut self, saved_on_disk: Option<T>) {
        self.saved = saved_on_disk;
    }

    /// Puts `new` on screen, keeping what was there one Undo away.
    pub fn replace(&mut self, current: &mut T, new: T, saved: Option<T>) {
        let previous = std::mem::replace(current, new);
        self.history.replaced(previous, current);
        self.saved = saved;
    }
}

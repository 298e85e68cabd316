//! Undo and redo for one document: whole-document snapshots, typing merged into one step, and a
//! cap on the steps kept (as egui's `Undoer` caps its own) so a long session on a large review
//! does not grow without bound. Generic over the document, so a committee pack's edits undo the
//! same way as a review's.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// How long typing into one text box is merged into one undo step.
const TYPING_MERGE: Duration = Duration::from_millis(1000);

/// Undo steps kept per document; the oldest are dropped first.
pub const MAX_UNDO_STEPS: usize = 100;

/// The undo and redo stacks of one document.
#[derive(Debug)]
pub struct History<T> {
    /// The last checkpoint: the document differs from it while an edit is being merged.
    committed: T,
    undo: VecDeque<T>,
    redo: Vec<T>,
    /// When the typing step now being merged began.
    pending_since: Option<Instant>,
}

impl<T: Clone + PartialEq> History<T> {
    /// A history with nothing to undo, starting at `document`.
    pub fn new(document: &T) -> History<T> {
        History { committed: document.clone(), undo: VecDeque::new(), redo: Vec::new(), pending_since: None }
    }

    pub fn can_undo(&self, current: &T) -> bool {
        !self.undo.is_empty() || *current != self.committed
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether anything was ever recorded (an untouched blank document has no history).
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }

    /// Records a change: while the user types the changes merge into one step; any other change
    /// is a step of its own.
    pub fn note_change(&mut self, current: &T, typing: bool) {
        if typing {
            self.pending_since.get_or_insert_with(Instant::now);
        } else {
            self.checkpoint(current);
        }
    }

    /// Closes a merged typing step once the user stops typing or leaves the text box.
    pub fn settle(&mut self, current: &T, typing: bool) {
        if let Some(since) = self.pending_since
            && (!typing || since.elapsed() >= TYPING_MERGE)
        {
            self.checkpoint(current);
        }
    }

    /// Whether a merged typing step is still open (the app repaints later to close it).
    pub fn is_pending(&self) -> bool {
        self.pending_since.is_some()
    }

    /// Makes what is on screen a step of its own.
    pub fn checkpoint(&mut self, current: &T) {
        self.pending_since = None;
        if *current != self.committed {
            let previous = std::mem::replace(&mut self.committed, current.clone());
            self.push_undo(previous);
            self.redo.clear();
        }
    }

    /// Records `replaced` as the step before `current`, for changes made from outside the
    /// editor (Reload keeps the user's edits this way, so Ctrl+Z brings them back).
    pub fn replaced(&mut self, replaced: T, current: &T) {
        self.checkpoint(&replaced);
        if replaced != *current {
            self.push_undo(replaced);
            self.redo.clear();
        }
        self.committed = current.clone();
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self, current: &mut T) -> bool {
        self.checkpoint(current);
        let Some(previous) = self.undo.pop_back() else { return false };
        let now = std::mem::replace(current, previous.clone());
        self.redo.push(now);
        self.committed = previous;
        true
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self, current: &mut T) -> bool {
        self.checkpoint(current);
        let Some(next) = self.redo.pop() else { return false };
        let now = std::mem::replace(current, next.clone());
        self.push_undo(now);
        self.committed = next;
        true
    }

    fn push_undo(&mut self, item: T) {
        self.undo.push_back(item);
        while self.undo.len() > MAX_UNDO_STEPS {
            self.undo.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Review;

    fn titled(t: &str) -> Review {
        Review { title: t.to_owned(), ..Review::default() }
    }

    #[test]
    fn the_oldest_steps_are_dropped_past_the_cap() {
        let mut current = titled("0");
        let mut h = History::new(&current);
        for i in 1..=(MAX_UNDO_STEPS + 20) {
            current = titled(&i.to_string());
            h.note_change(&current, false);
        }
        let mut undone = 0;
        while h.undo(&mut current) {
            undone += 1;
        }
        assert_eq!(undone, MAX_UNDO_STEPS);
        assert_eq!(current.title, "20", "the first 20 steps were dropped");
    }

    #[test]
    fn a_replaced_review_is_one_undo_step_away() {
        let mut current = titled("edited");
        let mut h = History::new(&titled("saved"));
        h.note_change(&current, true);
        let on_disk = titled("theirs");
        let mine = std::mem::replace(&mut current, on_disk);
        h.replaced(mine, &current);
        assert!(h.undo(&mut current));
        assert_eq!(current.title, "edited");
        assert!(h.redo(&mut current));
        assert_eq!(current.title, "theirs");
    }
}

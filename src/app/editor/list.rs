//! One way to edit every list in the review: each row in a group with Up / Down / Remove, and an
//! "Add …" button below.

use egui::Ui;

use super::{Form, ListOp};
use crate::model::Place;

/// What a list is called, for its buttons and the warnings that point at it.
#[derive(Clone, Copy, Debug)]
pub struct ListSpec<'a> {
    /// One item, for the row buttons' accessible names: "team member" → "Move team member 2 up".
    pub noun: &'a str,
    /// The add button's text: "Add team member".
    pub add: &'a str,
    /// Where warnings about the whole list point (the add button is their target).
    pub place: Place,
}

impl<'a> ListSpec<'a> {
    pub const fn new(noun: &'a str, add: &'a str, place: Place) -> ListSpec<'a> {
        ListSpec { noun, add, place }
    }
}

impl Form {
    /// Draws `items`, one group per row with `row` inside and the row buttons under it, then the
    /// add button, which appends `new(items)`. Moves and removals are applied after the rows are
    /// drawn, so a row never sees the list change under it. Returns the change made, if any.
    pub fn list<T>(
        &mut self,
        ui: &mut Ui,
        items: &mut Vec<T>,
        spec: ListSpec<'_>,
        new: impl FnOnce(&[T]) -> T,
        mut row: impl FnMut(&mut Form, &mut Ui, usize, &mut T),
    ) -> Option<ListChange> {
        let len = items.len();
        let mut op = None;
        for (i, item) in items.iter_mut().enumerate() {
            ui.group(|ui| {
                row(self, ui, i, item);
                op = self.row_buttons(ui, spec.noun, i, len).or(op);
            });
        }
        let mut change = op.map(|op| {
            op.apply(items);
            ListChange::Row(op)
        });
        if self.add_button(ui, spec.add, spec.place) {
            let item = new(items);
            items.push(item);
            change = Some(ListChange::Added);
        }
        change
    }
}

/// What [`Form::list`] changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListChange {
    Row(ListOp),
    Added,
}

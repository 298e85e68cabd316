//! The composer's structure stack: what the items it places are, for tagged PDF.
//!
//! Content goes into the innermost open element (or artifact). Writers either open elements
//! around what they place ([`Composer::tagged`], [`Composer::figure`], [`Composer::artifact`];
//! or [`Composer::begin`] / [`Composer::end`] where a closure cannot borrow the writer), or
//! create an element and give it lines directly ([`Composer::as_role`]), for text that is
//! placed later (a lead-in paragraph held back to stay with its list).

use super::Composer;
use super::text::Line;
use crate::briefing::page::Item;
use crate::briefing::tags::{Artifact, Detail, ElemId, Role, Structure, Tag};

impl Composer {
    /// Where content placed now goes.
    pub(crate) fn current_tag(&self) -> Tag {
        self.stack.last().copied().unwrap_or(Tag::Elem(Structure::ROOT))
    }

    /// The innermost open element: new elements hang from it.
    pub(crate) fn open_element(&self) -> ElemId {
        self.stack
            .iter()
            .rev()
            .find_map(|t| match t {
                Tag::Elem(e) => Some(*e),
                Tag::Artifact(_) => None,
            })
            .unwrap_or(Structure::ROOT)
    }

    /// The innermost open section (or the document): where headings go, even when a quotation
    /// or list is open.
    pub(crate) fn section_element(&self) -> ElemId {
        self.stack
            .iter()
            .rev()
            .find_map(|t| match t {
                Tag::Elem(e) if matches!(self.structure.role(*e), Some(Role::Sect | Role::Document)) => Some(*e),
                _ => None,
            })
            .unwrap_or(Structure::ROOT)
    }

    /// A new element under the innermost open one; it is not opened.
    pub(crate) fn element(&mut self, role: Role) -> ElemId {
        let parent = self.open_element();
        self.structure.add(parent, role, Detail::None)
    }

    /// A new element under `parent`, with attributes.
    pub(crate) fn element_in(&mut self, parent: ElemId, role: Role, detail: Detail) -> ElemId {
        self.structure.add(parent, role, detail)
    }

    /// Opens a new element under the innermost open one; close it with [`Composer::end`].
    pub(crate) fn begin(&mut self, role: Role) -> ElemId {
        let id = self.element(role);
        self.stack.push(Tag::Elem(id));
        id
    }

    /// Closes what [`Composer::begin`] opened.
    pub(crate) fn end(&mut self) {
        self.stack.pop();
    }

    /// Runs `f` inside a new element.
    pub(crate) fn tagged<R>(&mut self, role: Role, f: impl FnOnce(&mut Composer) -> R) -> R {
        self.begin(role);
        let out = f(self);
        self.end();
        out
    }

    /// Runs `f` with everything it places marked as page furniture, outside the structure.
    pub(crate) fn artifact<R>(&mut self, kind: Artifact, f: impl FnOnce(&mut Composer) -> R) -> R {
        self.stack.push(Tag::Artifact(kind));
        let out = f(self);
        self.stack.pop();
        out
    }

    /// A figure (a logo, a chart): everything `f` places is one Figure element whose text
    /// alternative is `alt`, read instead of the figure's own shapes and labels.
    #[allow(dead_code, reason = "the API for the council logo and the briefing's charts")]
    pub(crate) fn figure<R>(&mut self, alt: &str, f: impl FnOnce(&mut Composer) -> R) -> R {
        let alt = self.clean(alt);
        let parent = self.open_element();
        let id = self.structure.add(parent, Role::Figure, Detail::Alt(alt));
        self.stack.push(Tag::Elem(id));
        let out = f(self);
        self.stack.pop();
        out
    }

    /// Gives `lines` to a new element of `role` under the innermost open one.
    pub(crate) fn as_role(&mut self, role: Role, mut lines: Vec<Line>) -> Vec<Line> {
        let id = self.element(role);
        for l in &mut lines {
            l.tag = Some(Tag::Elem(id));
        }
        lines
    }

    /// Places an item with an explicit tag (`None`: the current one).
    pub(crate) fn push_tagged(&mut self, item: Item, tag: Option<Tag>) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let tag = tag.unwrap_or_else(|| self.current_tag());
        if let Some(p) = self.pages.last_mut() {
            p.push(item, tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::briefing::compose::{Style, single_line, test_composer};
    use crate::briefing::page::{Colour, Item};
    use crate::briefing::tags::{Artifact, Role, Structure, Tag};

    #[test]
    fn items_take_the_innermost_open_element_or_artifact() {
        let mut c = test_composer();
        let rule = || Item::Rule { x1: 0.0, y1: 0.0, x2: 1.0, y2: 0.0, width: 1.0, colour: Colour::RULE };
        c.push(rule());
        let sect = c.begin(Role::Sect);
        c.push(rule());
        c.artifact(Artifact::Layout, |c| c.push(rule()));
        let fig = c.figure("Bar chart", |c| {
            c.push(rule());
            c.current_tag()
        });
        c.end();
        let lines = c.as_role(Role::P, vec![single_line("Text", Style::BODY, 0.0)]);
        c.place_together(lines);
        let tags = &c.pages[0].tags;
        assert_eq!(tags[0], Tag::Elem(Structure::ROOT));
        assert_eq!(tags[1], Tag::Elem(sect));
        assert_eq!(tags[2], Tag::Artifact(Artifact::Layout));
        assert_eq!(tags[3], fig);
        let Tag::Elem(f) = fig else { panic!("a figure is an element") };
        assert_eq!(c.structure.get(f).and_then(|e| e.parent), Some(sect));
        let Tag::Elem(p) = tags[4] else { panic!("the paragraph is an element") };
        assert_eq!(c.structure.role(p), Some(Role::P));
        assert_eq!(c.structure.get(p).and_then(|e| e.parent), Some(Structure::ROOT));
    }
}

//! The document's logical structure, recorded during layout for tagged PDF (PDF/UA-1).
//!
//! Layout knows what every item is: the composer keeps a stack of open structure elements, and
//! each item it places records the element it belongs to ([`Tag::Elem`]) or that it is page
//! furniture ([`Tag::Artifact`]: running headers and footers, rules, shading, repeated table
//! headers). The PDF writer turns this into marked content and a structure tree; the preview
//! ignores it, so both still paint the same pages.
//!
//! An element joins its parent's reading order when its first content is placed, so the order
//! a screen reader follows is the order the layout placed things in, whatever order the
//! elements were created in (a side heading is drawn beside its paragraph but read before it).

/// A standard PDF structure type (ISO 32000-1, 14.8.4): no role map is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Document,
    Sect,
    H1,
    H2,
    H3,
    P,
    /// A list, of [`Role::LI`] items each holding a [`Role::Lbl`] (bullet, number) and a
    /// [`Role::LBody`].
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    BlockQuote,
    Link,
    Figure,
    /// A generic block: an imported paper's page.
    Div,
}

impl Role {
    /// The name written as the element's `/S` and the marked-content tag.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::BlockQuote => "BlockQuote",
            Role::Link => "Link",
            Role::Figure => "Figure",
            Role::Div => "Div",
        }
    }

    /// Table cells stay in the tree even when empty, so every row has one per column.
    pub fn kept_when_empty(self) -> bool {
        matches!(self, Role::TH | Role::TD)
    }
}

/// What kind of page furniture an artifact is (its `/Type` and `/Subtype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Artifact {
    /// The running header: protective marking, NOT FOR PUBLICATION.
    Header,
    /// The running footer: marking, meeting, page number, its rule.
    Footer,
    /// A table's header repeated on a continuation page.
    RepeatedHeader,
    /// Rules, cell borders and shading.
    Layout,
    /// The pack's page number and marking stamped on an imported page.
    Stamp,
}

/// How a list's items are marked, for the list's `/ListNumbering` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    Disc,
    LowerAlpha,
    Decimal,
}

/// Extra facts about one element, written as its attributes or `/Alt`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Detail {
    #[default]
    None,
    /// A header cell for the cells below it, spanning `span` columns.
    ColumnHeader {
        span: u16,
    },
    List(Numbering),
    /// A figure's text alternative.
    Alt(String),
    /// A link's description for its annotation's `/Contents` ("Go to page 7", the address).
    Contents(String),
}

/// An element's index in [`Structure::elements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ElemId(pub u32);

/// What an item on a page belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Elem(ElemId),
    Artifact(Artifact),
}

/// One structure element.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub role: Role,
    /// `None` only for the root [`Role::Document`].
    pub parent: Option<ElemId>,
    pub detail: Detail,
}

/// Every element of a document; element 0 is the [`Role::Document`] root.
#[derive(Clone, Debug, PartialEq)]
pub struct Structure {
    pub elements: Vec<Element>,
}

impl Default for Structure {
    fn default() -> Structure {
        Structure { elements: vec![Element { role: Role::Document, parent: None, detail: Detail::None }] }
    }
}

impl Structure {
    pub const ROOT: ElemId = ElemId(0);

    /// Adds an element under `parent`.
    pub fn add(&mut self, parent: ElemId, role: Role, detail: Detail) -> ElemId {
        let id = ElemId(self.elements.len() as u32);
        self.elements.push(Element { role, parent: Some(parent), detail });
        id
    }

    pub fn get(&self, id: ElemId) -> Option<&Element> {
        self.elements.get(id.0 as usize)
    }

    pub fn role(&self, id: ElemId) -> Option<Role> {
        self.get(id).map(|e| e.role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_hang_from_the_document_root() {
        let mut s = Structure::default();
        let sect = s.add(Structure::ROOT, Role::Sect, Detail::None);
        let p = s.add(sect, Role::P, Detail::None);
        assert_eq!(s.role(Structure::ROOT), Some(Role::Document));
        assert_eq!(s.get(p).and_then(|e| e.parent), Some(sect));
        assert_eq!(s.get(sect).and_then(|e| e.parent), Some(Structure::ROOT));
        assert_eq!(s.role(ElemId(99)), None);
    }
}

//! Copying a page's resources into the pack, leaving behind what must never travel.
//!
//! Only objects reachable from a page's `/Resources` (and annotation appearance streams) are
//! copied. On the way, keys that carry metadata, actions or attachments are dropped, and any
//! object that is a page, catalog, action, file specification or embedded file becomes `null`,
//! so a crafted resource cannot drag the rest of the source document after it.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Keys never copied: metadata (XMP, PieceInfo), actions and scripts, attachments, structure
/// back-references, and links up the page tree.
/// Also external content (reference XObjects, OPI proxies), which names files elsewhere.
const DROPPED_KEYS: [&[u8]; 14] = [
    b"Metadata",
    b"PieceInfo",
    b"AA",
    b"A",
    b"JS",
    b"JavaScript",
    b"EmbeddedFiles",
    b"EF",
    b"Parent",
    b"P",
    b"StructParent",
    b"StructParents",
    b"Ref",
    b"OPI",
];

/// Dictionary types replaced by `null`.
const DROPPED_TYPES: [&[u8]; 11] = [
    b"Page",
    b"Pages",
    b"Catalog",
    b"Action",
    b"Filespec",
    b"EmbeddedFile",
    b"Annot",
    b"Outlines",
    b"Sig",
    b"Encrypt",
    b"Metadata",
];

/// Deepest nesting copied (a font program is about 8 deep; nested forms add a few per level).
const MAX_DEPTH: usize = 96;

/// Copies objects from one source document, sharing what several pages use (fonts, images).
pub(crate) struct Copier<'a> {
    src: &'a Document,
    map: HashMap<ObjectId, ObjectId>,
}

impl<'a> Copier<'a> {
    pub fn new(src: &'a Document) -> Copier<'a> {
        Copier { src, map: HashMap::new() }
    }

    /// Copies `object` (and everything it refers to) into `dst`, stripped.
    pub fn copy(&mut self, dst: &mut Document, object: &Object) -> Object {
        self.copy_at(dst, object, 0)
    }

    /// Copies the source object `id` into `dst` and returns its new id.
    pub fn copy_id(&mut self, dst: &mut Document, id: ObjectId) -> Option<ObjectId> {
        match self.copy_at(dst, &Object::Reference(id), 0) {
            Object::Reference(new) => Some(new),
            _ => None,
        }
    }

    fn copy_at(&mut self, dst: &mut Document, object: &Object, depth: usize) -> Object {
        if depth > MAX_DEPTH {
            return Object::Null;
        }
        match object {
            Object::Reference(id) => {
                if let Some(new) = self.map.get(id) {
                    return Object::Reference(*new);
                }
                let Ok(source) = self.src.get_object(*id) else { return Object::Null };
                if forbidden(source) {
                    return Object::Null;
                }
                let new = dst.new_object_id();
                self.map.insert(*id, new);
                let copied = self.copy_at(dst, source, depth + 1);
                dst.objects.insert(new, copied);
                Object::Reference(new)
            }
            Object::Array(a) => Object::Array(a.iter().map(|o| self.copy_at(dst, o, depth + 1)).collect()),
            Object::Dictionary(d) => {
                if forbidden(object) {
                    return Object::Null;
                }
                Object::Dictionary(self.copy_dict(dst, d, depth))
            }
            Object::Stream(s) => {
                if forbidden(object) {
                    return Object::Null;
                }
                let mut dict = self.copy_dict(dst, &s.dict, depth);
                dict.set("Length", Object::Integer(s.content.len() as i64));
                let mut out = Stream::new(dict, s.content.clone());
                out.allows_compression = s.allows_compression;
                Object::Stream(out)
            }
            other => other.clone(),
        }
    }

    fn copy_dict(&mut self, dst: &mut Document, d: &Dictionary, depth: usize) -> Dictionary {
        let mut out = Dictionary::new();
        for (k, v) in d.iter() {
            if DROPPED_KEYS.contains(&k.as_slice()) {
                continue;
            }
            out.set(k.clone(), self.copy_at(dst, v, depth + 1));
        }
        out
    }
}

/// Whether an object must not be copied at all.
fn forbidden(o: &Object) -> bool {
    let d = match o {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return false,
    };
    let typed = |key: &[u8]| d.get(key).and_then(Object::as_name).is_ok_and(|t| DROPPED_TYPES.contains(&t));
    typed(b"Type") || d.get(b"S").and_then(Object::as_name).is_ok_and(|s| s == b"JavaScript") || d.has(b"JS")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn actions_metadata_and_pages_are_left_behind() {
        let mut src = Document::with_version("1.7");
        let page = src.add_object(dictionary! { "Type" => "Page" });
        let js = src.add_object(dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") });
        let xmp = src.add_object(Stream::new(dictionary! { "Type" => "Metadata" }, b"<x:xmpmeta/>".to_vec()));
        let font =
            src.add_object(dictionary! { "Type" => "Font", "BaseFont" => "Helvetica", "P" => Object::Reference(page) });
        let res = dictionary! {
            "Font" => dictionary! { "F1" => Object::Reference(font) },
            "XObject" => dictionary! { "X" => Object::Reference(js) },
            "Metadata" => Object::Reference(xmp),
        };
        let mut dst = Document::with_version("1.7");
        let mut c = Copier::new(&src);
        let copied = c.copy(&mut dst, &Object::Dictionary(res));
        let d = copied.as_dict().unwrap();
        assert!(!d.has(b"Metadata"));
        assert_eq!(d.get(b"XObject").unwrap().as_dict().unwrap().get(b"X").unwrap(), &Object::Null);
        assert_eq!(dst.objects.len(), 1, "only the font: {:?}", dst.objects);
        let f = dst.objects.values().next().unwrap().as_dict().unwrap();
        assert!(!f.has(b"P"));
    }
}

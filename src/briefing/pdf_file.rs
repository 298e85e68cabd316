//! The finished document as the bytes of a PDF file: header, objects, cross-reference table and
//! trailer (ISO 32000-1, 7.5), as lopdf's `save_to` writes them.
//!
//! lopdf writes through `&mut dyn Write` a token at a time (each name byte by byte, every number
//! through `write!`): a seventh of a 215-page pack's time. Here everything goes into one buffer,
//! integers through itoa and reals as the content streams write them ([`num`]).

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::content::num;

/// `doc` as a PDF file (a classic cross-reference table; no object streams), with `raw`: objects
/// already written as bytes (the structure tree's thousands of elements), by id.
pub(crate) fn to_bytes(doc: &Document, raw: &[(ObjectId, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(doc.version.as_bytes());
    out.push(b'\n');
    // The binary mark tells transfer programs the file is not text (four bytes over 127).
    out.push(b'%');
    if doc.binary_mark.len() >= 4 && doc.binary_mark.iter().all(|&b| b >= 128) {
        out.extend_from_slice(&doc.binary_mark);
    } else {
        out.extend_from_slice(&[0xBB, 0xAD, 0xC0, 0xDE]);
    }
    out.push(b'\n');

    let size = doc.max_id as usize + 1;
    let mut offsets: Vec<Option<(usize, u16)>> = vec![None; size];
    let mut ints = itoa::Buffer::new();
    for (&(id, generation), object) in &doc.objects {
        // Object streams and cross-reference streams of a loaded paper describe its old file.
        if object.type_name().is_ok_and(|t| matches!(t, b"ObjStm" | b"XRef" | b"Linearized")) {
            continue;
        }
        if let Some(slot) = offsets.get_mut(id as usize) {
            *slot = Some((out.len(), generation));
        }
        reference_head(&mut out, (id, generation));
        out.extend_from_slice(b" obj\n");
        object_bytes(&mut out, object);
        out.extend_from_slice(b"\nendobj\n");
    }
    for ((id, generation), bytes) in raw {
        if let Some(slot) = offsets.get_mut(*id as usize) {
            *slot = Some((out.len(), *generation));
        }
        reference_head(&mut out, (*id, *generation));
        out.extend_from_slice(b" obj\n");
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\nendobj\n");
    }

    let xref_start = out.len();
    out.extend_from_slice(b"xref\n0 ");
    out.extend_from_slice(ints.format(size).as_bytes());
    out.push(b'\n');
    // Each entry is exactly 20 bytes; ids with no object are free (generation 65535: never reused).
    for (id, entry) in offsets.iter().enumerate() {
        match entry {
            Some((offset, generation)) if id > 0 => {
                push_padded(&mut out, *offset as u64, 10);
                out.push(b' ');
                push_padded(&mut out, u64::from(*generation), 5);
                out.extend_from_slice(b" n \n");
            }
            _ => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    out.extend_from_slice(b"trailer\n<</Size ");
    out.extend_from_slice(ints.format(size).as_bytes());
    for (key, value) in &doc.trailer {
        if key.as_slice() != b"Size" {
            name(&mut out, key);
            separated(&mut out, value);
        }
    }
    out.extend_from_slice(b">>\nstartxref\n");
    out.extend_from_slice(ints.format(xref_start).as_bytes());
    out.extend_from_slice(b"\n%%EOF");
    out
}

/// `id generation`, as an object's header and a reference begin.
fn reference_head(out: &mut Vec<u8>, (id, generation): ObjectId) {
    let mut ints = itoa::Buffer::new();
    out.extend_from_slice(ints.format(id).as_bytes());
    out.push(b' ');
    out.extend_from_slice(ints.format(generation).as_bytes());
}

/// A reference to object `id` (`12 0 R`).
pub(crate) fn reference(out: &mut Vec<u8>, id: ObjectId) {
    reference_head(out, id);
    out.extend_from_slice(b" R");
}

pub(crate) fn integer(out: &mut Vec<u8>, v: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

/// `object` in PDF syntax, with a space before it where the syntax needs one.
pub(crate) fn object(out: &mut Vec<u8>, object: &Object) {
    separated(out, object);
}

/// `value` zero-padded to `width` digits.
fn push_padded(out: &mut Vec<u8>, value: u64, width: usize) {
    let mut ints = itoa::Buffer::new();
    let digits = ints.format(value);
    out.extend(std::iter::repeat_n(b'0', width.saturating_sub(digits.len())));
    out.extend_from_slice(digits.as_bytes());
}

/// True for the objects that need white space before them (the others start with a delimiter).
fn needs_space(object: &Object) -> bool {
    matches!(object, Object::Null | Object::Boolean(_) | Object::Integer(_) | Object::Real(_) | Object::Reference(_))
}

fn separated(out: &mut Vec<u8>, object: &Object) {
    if needs_space(object) {
        out.push(b' ');
    }
    object_bytes(out, object);
}

fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    let mut ints = itoa::Buffer::new();
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(v) => out.extend_from_slice(ints.format(*v).as_bytes()),
        Object::Real(v) => num(out, *v),
        Object::Name(n) => name(out, n),
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &b in text {
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => reference(out, *id),
    }
}

fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        name(out, key);
        separated(out, value);
    }
    out.extend_from_slice(b">>");
}

/// A name, with white space, delimiters, `#` and bytes outside `!`..`~` written as `#XX`.
fn name(out: &mut Vec<u8>, name: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'/');
    for &b in name {
        if (33..=126).contains(&b) && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'#', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
    }
}

/// A literal string: backslashes, both parentheses and carriage returns escaped (always valid,
/// balanced or not).
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'(');
    for &b in text {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    #[test]
    fn a_written_document_reads_back_with_every_kind_of_object() {
        let mut doc = Document::with_version("1.7");
        let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let tricky = doc.add_object(Object::Array(vec![
            Object::Null,
            Object::Boolean(true),
            Object::Integer(-42),
            Object::Real(0.5019608),
            Object::Name(b"A name#with (odd) bytes\xE9".to_vec()),
            Object::String(b"unbalanced ( \\ ) ) \r".to_vec(), StringFormat::Literal),
            Object::String(vec![0, 0xFE, 0x41], StringFormat::Hexadecimal),
            Object::Reference(content),
        ]));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Tricky" => tricky,
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        // A gap in the ids: a free entry keeps the table's entries in step with the ids.
        doc.max_id += 3;

        let bytes = to_bytes(&doc, &[]);
        assert!(bytes.starts_with(b"%PDF-1.7\n%"));
        let back = Document::load_mem(&bytes).expect("reads back");
        assert_eq!(back.get_pages().len(), 1);
        let Ok(Object::Array(items)) = back.get_object(tricky) else { panic!("the array reads back") };
        let expected = doc.get_object(tricky).unwrap();
        assert_eq!(format!("{items:?}"), format!("{:?}", expected.as_array().unwrap()));
        let Ok(Object::Stream(s)) = back.get_object(content) else { panic!("the stream reads back") };
        assert_eq!(s.content, b"BT ET");
        // Every offset in the table points at its object.
        let text = String::from_utf8_lossy(&bytes);
        for (id, _) in doc.objects.keys() {
            let line = text.lines().skip_while(|l| *l != "xref").nth(2 + *id as usize).unwrap();
            let offset: usize = line[..10].parse().unwrap();
            assert!(bytes[offset..].starts_with(format!("{id} 0 obj\n").as_bytes()), "object {id}");
        }
        assert!(text.ends_with("%%EOF"));
    }
}

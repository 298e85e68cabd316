//! Reading a source PDF: load it (lopdf, with decompression limits), refuse what cannot be
//! used, and note per page its displayed size, rotation, content, links and bookmarks.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use super::stamp::{FOOT_BAND, fit_above_foot_band};
use super::{ImportError, ImportedPdf, Matrix, PdfBookmark, PdfLink, apply, then};

/// Most pages a single paper may have.
pub const MAX_PAGES: usize = 2000;

/// Largest decompressed size of one stream (object streams while loading, a page's content).
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Largest decompressed content of all pages together.
const MAX_TOTAL_CONTENT: usize = 512 * 1024 * 1024;
/// Deepest page tree, outline or name tree walked.
const MAX_DEPTH: usize = 32;
/// Most bookmarks kept from one document.
const MAX_BOOKMARKS: usize = 5000;

pub(crate) struct Parsed {
    pub doc: Document,
    pub pages: Vec<PageInfo>,
    pub bookmarks: Vec<PdfBookmark>,
    pub warnings: Vec<String>,
    /// Whether the paper's own structure tree can travel into the pack.
    pub tags: super::graft::SourceTags,
}

pub(crate) struct PageInfo {
    pub id: ObjectId,
    /// The visible area (CropBox within MediaBox) in the page's own user space.
    pub bbox: [f32; 4],
    /// Displayed size, after `/Rotate`.
    pub width: f32,
    pub height: f32,
    /// Content scale to clear the foot band (≤ 1).
    pub scale: f32,
    /// The page's user space to the output page's space: crop offset, rotation, scale.
    pub matrix: Matrix,
    /// The page's content, decompressed.
    pub content: Vec<u8>,
    /// The page's `/Resources`, as written (a reference or a dictionary).
    pub resources: Option<Object>,
    /// Internal links: rectangle on the output page (top-left origin) and target page index.
    pub links: Vec<PdfLink>,
    /// The source annotation of each of `links`, when it is an indirect object (a tagged
    /// paper's Link elements point at it).
    pub link_annots: Vec<Option<ObjectId>>,
    /// Annotations drawn into the page (form fields, comments): their appearance stream and
    /// the matrix from its form space to the page's user space.
    pub appearances: Vec<(ObjectId, Matrix)>,
}

/// Loads and checks a PDF. Encrypted files that open without a password are decrypted (their
/// encryption never reaches the pack); those that need one are refused.
pub fn parse(bytes: &[u8]) -> Result<ImportedPdf, ImportError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ImportError::NotPdf);
    }
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM_BYTES), ..LoadOptions::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| ImportError::Damaged(short(&e)))?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(ImportError::NeedsPassword);
    }
    let mut warnings = Vec::new();
    if !has_eof_marker(bytes) {
        warnings.push("the file looks truncated (no %%EOF at its end); check that every page came through".into());
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if page_ids.is_empty() {
        return Err(ImportError::NoPages);
    }
    if page_ids.len() > MAX_PAGES {
        return Err(ImportError::TooManyPages(doc.page_iter().count()));
    }
    let index: HashMap<ObjectId, usize> = page_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let names = named_destinations(&doc);
    let mut pages: Vec<PageInfo> = Vec::with_capacity(page_ids.len());
    let mut total = 0usize;
    for (n, &id) in page_ids.iter().enumerate() {
        let page = page_info(&doc, id, n, &mut warnings);
        total += page.content.len();
        if total > MAX_TOTAL_CONTENT {
            return Err(ImportError::Damaged(format!(
                "its pages hold more than {} MB of drawing instructions",
                MAX_TOTAL_CONTENT >> 20
            )));
        }
        pages.push(page);
    }
    // Links need every page's matrix, so they come second.
    for n in 0..pages.len() {
        let found = annotations(&doc, &pages, n, &index, &names);
        pages[n].links = found.links;
        pages[n].link_annots = found.link_annots;
        pages[n].appearances = found.appearances;
    }
    let bookmarks = bookmarks(&doc, &pages, &index, &names);
    let contents: Vec<&[u8]> = pages.iter().map(|p| &p.content[..]).collect();
    let tags = super::graft::check(&doc, &page_ids, &contents);
    Ok(ImportedPdf(Arc::new(Parsed { doc, pages, bookmarks, warnings, tags })))
}

fn short(e: &lopdf::Error) -> String {
    let s = e.to_string();
    let s = s.lines().next().unwrap_or_default();
    if s.chars().count() > 120 { s.chars().take(120).collect::<String>() + "…" } else { s.to_owned() }
}

fn has_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// A page attribute, looked up the page tree (MediaBox, CropBox, Rotate and Resources inherit).
fn inherited<'a>(doc: &'a Document, id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dict = doc.get_dictionary(id).ok()?;
    let mut seen = HashSet::new();
    for _ in 0..MAX_DEPTH {
        if let Ok(v) = dict.get(key) {
            return Some(v);
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        if !seen.insert(parent) {
            return None;
        }
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    deref(doc, o).as_float().ok().filter(|v| v.is_finite())
}

fn rect(doc: &Document, o: Option<&Object>) -> Option<[f32; 4]> {
    let a = deref(doc, o?).as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f32> = a.iter().filter_map(|x| number(doc, x)).collect();
    if v.len() != 4 {
        return None;
    }
    Some([v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])])
}

const A4: [f32; 4] = [0.0, 0.0, 595.28, 841.89];

fn page_info(doc: &Document, id: ObjectId, n: usize, warnings: &mut Vec<String>) -> PageInfo {
    let media = rect(doc, inherited(doc, id, b"MediaBox"));
    let mut bbox = media.unwrap_or(A4);
    if let Some(c) = rect(doc, inherited(doc, id, b"CropBox")) {
        let i = [c[0].max(bbox[0]), c[1].max(bbox[1]), c[2].min(bbox[2]), c[3].min(bbox[3])];
        if i[2] - i[0] >= 1.0 && i[3] - i[1] >= 1.0 {
            bbox = i;
        }
    }
    let (w, h) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
    // 14,400 pt is the largest page PDF readers accept (200 inches).
    if media.is_none() || !(1.0..=14400.0).contains(&w) || !(1.0..=14400.0).contains(&h) {
        warnings.push(format!("page {} has no usable page size; it is printed as A4", n + 1));
        bbox = A4;
    }
    let (w, h) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
    let rotate = inherited(doc, id, b"Rotate").and_then(|o| deref(doc, o).as_i64().ok()).unwrap_or(0);
    let rotate = ((rotate % 360) + 360) % 360;
    let (x0, y0) = (bbox[0], bbox[1]);
    // Source user space to the displayed page (origin bottom-left), as a reader shows it.
    let (upright, width, height): (Matrix, f32, f32) = match rotate {
        90 => ([0.0, -1.0, 1.0, 0.0, -y0, x0 + w], h, w),
        180 => ([-1.0, 0.0, 0.0, -1.0, x0 + w, y0 + h], w, h),
        270 => ([0.0, 1.0, -1.0, 0.0, y0 + h, -x0], h, w),
        _ => ([1.0, 0.0, 0.0, 1.0, -x0, -y0], w, h),
    };
    let content = match doc.get_page_content_with_limit(id, MAX_STREAM_BYTES) {
        Ok(c) => c,
        Err(_) => {
            warnings.push(format!("page {}'s content is too large or damaged; it is left blank", n + 1));
            Vec::new()
        }
    };
    let resources = inherited(doc, id, b"Resources").cloned();
    let scale = fit_above_foot_band(&content, upright, height, FOOT_BAND);
    if scale.clamped {
        warnings.push(format!(
            "page {}: the document's own text reaches the foot of the page; the pack's page number may touch it",
            n + 1
        ));
    }
    let s = scale.scale;
    // Shrink about the top centre so the page keeps its top margin.
    let shrink: Matrix = [s, 0.0, 0.0, s, width / 2.0 * (1.0 - s), height * (1.0 - s)];
    PageInfo {
        id,
        bbox,
        width,
        height,
        scale: s,
        matrix: then(upright, shrink),
        content,
        resources,
        links: Vec::new(),
        link_annots: Vec::new(),
        appearances: Vec::new(),
    }
}

/// Named destinations from `/Dests` (PDF 1.1) and the `/Names /Dests` name tree.
fn named_destinations(doc: &Document) -> HashMap<Vec<u8>, Object> {
    let mut out = HashMap::new();
    let Ok(catalog) = doc.catalog() else { return out };
    if let Ok(d) = catalog.get(b"Dests").map(|o| deref(doc, o))
        && let Ok(d) = d.as_dict()
    {
        for (k, v) in d.iter() {
            out.insert(k.clone(), v.clone());
        }
    }
    if let Ok(names) = catalog.get(b"Names").map(|o| deref(doc, o))
        && let Ok(names) = names.as_dict()
        && let Ok(tree) = names.get(b"Dests")
    {
        let mut seen = HashSet::new();
        name_tree(doc, tree, 0, &mut seen, &mut out);
    }
    out
}

fn name_tree(
    doc: &Document,
    node: &Object,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut HashMap<Vec<u8>, Object>,
) {
    if depth > MAX_DEPTH || out.len() > 100_000 {
        return;
    }
    if let Object::Reference(id) = node
        && !seen.insert(*id)
    {
        return;
    }
    let Ok(d) = deref(doc, node).as_dict() else { return };
    if let Ok(a) = d.get(b"Names").map(|o| deref(doc, o)).and_then(Object::as_array) {
        for pair in a.chunks(2) {
            if let [k, v] = pair
                && let Ok(k) = deref(doc, k).as_str()
            {
                out.insert(k.to_vec(), v.clone());
            }
        }
    }
    if let Ok(kids) = d.get(b"Kids").map(|o| deref(doc, o)).and_then(Object::as_array) {
        for k in kids {
            name_tree(doc, k, depth + 1, seen, out);
        }
    }
}

/// A destination (explicit array, name, or dictionary with `/D`) as (page index, top in user space).
fn destination(
    doc: &Document,
    dest: &Object,
    index: &HashMap<ObjectId, usize>,
    names: &HashMap<Vec<u8>, Object>,
    depth: usize,
) -> Option<(usize, Option<f32>)> {
    if depth > 4 {
        return None;
    }
    match deref(doc, dest) {
        Object::Array(a) => {
            let page = match a.first()? {
                Object::Reference(id) => *index.get(id)?,
                // Some producers write a page number for remote-style destinations.
                Object::Integer(n) => usize::try_from(*n).ok().filter(|n| *n < index.len())?,
                _ => return None,
            };
            let top = match a.get(1).and_then(|o| o.as_name().ok()) {
                Some(b"XYZ") => a.get(3).and_then(|o| number(doc, o)),
                Some(b"FitH" | b"FitBH") => a.get(2).and_then(|o| number(doc, o)),
                _ => None,
            };
            Some((page, top))
        }
        Object::Name(n) | Object::String(n, _) => destination(doc, names.get(n)?, index, names, depth + 1),
        Object::Dictionary(d) => destination(doc, d.get(b"D").ok()?, index, names, depth + 1),
        _ => None,
    }
}

/// A link's or bookmark's target: `/Dest`, or a `/GoTo` action's `/D`. Other actions
/// (JavaScript, Launch, URI, SubmitForm…) are dropped.
fn target(
    doc: &Document,
    d: &Dictionary,
    index: &HashMap<ObjectId, usize>,
    names: &HashMap<Vec<u8>, Object>,
) -> Option<(usize, Option<f32>)> {
    if let Ok(dest) = d.get(b"Dest") {
        return destination(doc, dest, index, names, 0);
    }
    let action = deref(doc, d.get(b"A").ok()?).as_dict().ok()?;
    if action.get(b"S").and_then(Object::as_name).ok()? != b"GoTo" {
        return None;
    }
    destination(doc, action.get(b"D").ok()?, index, names, 0)
}

fn annotations(
    doc: &Document,
    pages: &[PageInfo],
    n: usize,
    index: &HashMap<ObjectId, usize>,
    names: &HashMap<Vec<u8>, Object>,
) -> PageAnnotations {
    let page = &pages[n];
    let mut links = Vec::new();
    let mut link_annots = Vec::new();
    let mut appearances = Vec::new();
    let Ok(dict) = doc.get_dictionary(page.id) else { return PageAnnotations::default() };
    let Some(annots) = dict.get(b"Annots").ok().and_then(|o| deref(doc, o).as_array().ok()) else {
        return PageAnnotations::default();
    };
    for a in annots.iter().take(10_000) {
        let id = a.as_reference().ok();
        let Ok(a) = deref(doc, a).as_dict() else { continue };
        let Some(r) = rect(doc, a.get(b"Rect").ok()) else { continue };
        let subtype = a.get(b"Subtype").and_then(Object::as_name).unwrap_or_default();
        match subtype {
            b"Link" => {
                if let Some((target, _)) = target(doc, a, index, names) {
                    let (x1, y1) = apply(page.matrix, r[0], r[1]);
                    let (x2, y2) = apply(page.matrix, r[2], r[3]);
                    let (left, right) = (x1.min(x2), x1.max(x2));
                    let (bottom, top) = (y1.min(y2), y1.max(y2));
                    links.push(PdfLink {
                        x: left,
                        y: page.height - top,
                        width: right - left,
                        height: top - bottom,
                        target,
                    });
                    link_annots.push(id);
                }
            }
            b"Popup" => {}
            _ => {
                // Hidden (2) or NoView (32) annotations are not drawn.
                let flags = a.get(b"F").and_then(Object::as_i64).unwrap_or(0);
                if flags & (2 | 32) != 0 {
                    continue;
                }
                if let Some(ap) = appearance(doc, a) {
                    appearances.push((ap.0, fit_appearance(doc, ap.1, r)));
                }
            }
        }
    }
    PageAnnotations { links, link_annots, appearances }
}

/// A page's links (with their source annotations) and drawn annotations, as [`PageInfo`] keeps them.
#[derive(Default)]
struct PageAnnotations {
    links: Vec<PdfLink>,
    link_annots: Vec<Option<ObjectId>>,
    appearances: Vec<(ObjectId, Matrix)>,
}

/// The normal appearance stream of an annotation (for a field with states, the one `/AS` picks).
fn appearance<'a>(doc: &'a Document, a: &'a Dictionary) -> Option<(ObjectId, &'a Dictionary)> {
    let ap = deref(doc, a.get(b"AP").ok()?).as_dict().ok()?;
    let normal = ap.get(b"N").ok()?;
    let id = match normal {
        Object::Reference(id) => *id,
        _ => return None,
    };
    match doc.get_object(id).ok()? {
        Object::Stream(s) => Some((id, &s.dict)),
        Object::Dictionary(states) => {
            let state = a.get(b"AS").and_then(Object::as_name).ok()?;
            let id = states.get(state).and_then(Object::as_reference).ok()?;
            let s = doc.get_object(id).ok()?.as_stream().ok()?;
            Some((id, &s.dict))
        }
        _ => None,
    }
}

/// Maps an appearance form's bounding box (through its `/Matrix`) onto the annotation's rectangle.
fn fit_appearance(doc: &Document, form: &Dictionary, r: [f32; 4]) -> Matrix {
    let bbox = rect(doc, form.get(b"BBox").ok()).unwrap_or([0.0, 0.0, r[2] - r[0], r[3] - r[1]]);
    let m: Matrix = form
        .get(b"Matrix")
        .ok()
        .and_then(|o| deref(doc, o).as_array().ok())
        .and_then(|a| {
            let v: Vec<f32> = a.iter().filter_map(|x| number(doc, x)).collect();
            <[f32; 6]>::try_from(v).ok()
        })
        .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    let corners =
        [(bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])].map(|(x, y)| apply(m, x, y));
    let min_x = corners.iter().map(|c| c.0).fold(f32::INFINITY, f32::min);
    let max_x = corners.iter().map(|c| c.0).fold(f32::NEG_INFINITY, f32::max);
    let min_y = corners.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
    let max_y = corners.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
    let sx = if max_x - min_x > 0.001 { (r[2] - r[0]) / (max_x - min_x) } else { 1.0 };
    let sy = if max_y - min_y > 0.001 { (r[3] - r[1]) / (max_y - min_y) } else { 1.0 };
    // Form space → its matrix → the annotation rectangle (PDF 32000-1, 12.5.5).
    then(m, [sx, 0.0, 0.0, sy, r[0] - min_x * sx, r[1] - min_y * sy])
}

fn bookmarks(
    doc: &Document,
    pages: &[PageInfo],
    index: &HashMap<ObjectId, usize>,
    names: &HashMap<Vec<u8>, Object>,
) -> Vec<PdfBookmark> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else { return out };
    let Some(root) = catalog.get(b"Outlines").ok().and_then(|o| deref(doc, o).as_dict().ok()) else { return out };
    let mut seen = HashSet::new();
    // Depth-first, iterative: (node, level).
    let mut stack: Vec<(ObjectId, u8)> = Vec::new();
    if let Ok(first) = root.get(b"First").and_then(Object::as_reference) {
        stack.push((first, 0));
    }
    while let Some((id, level)) = stack.pop() {
        if out.len() >= MAX_BOOKMARKS || !seen.insert(id) {
            continue;
        }
        let Ok(d) = doc.get_dictionary(id) else { continue };
        if let Ok(next) = d.get(b"Next").and_then(Object::as_reference) {
            stack.push((next, level));
        }
        if usize::from(level) < MAX_DEPTH
            && let Ok(first) = d.get(b"First").and_then(Object::as_reference)
        {
            stack.push((first, level + 1));
        }
        let title = d.get(b"Title").ok().map(|t| text_string(deref(doc, t))).unwrap_or_default();
        let title: String = title.chars().filter(|c| !c.is_control()).take(300).collect();
        if title.trim().is_empty() {
            continue;
        }
        if let Some((page, top)) = target(doc, d, index, names) {
            let p = &pages[page];
            let y = top.map_or(0.0, |t| {
                let (_, y) = apply(p.matrix, p.bbox[0], t);
                (p.height - y).clamp(0.0, p.height)
            });
            out.push(PdfBookmark { title: title.trim().to_owned(), level, page, y });
        }
    }
    out
}

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), or
/// PDFDocEncoding (read as Latin-1, which it matches for letters).
fn text_string(o: &Object) -> String {
    let Ok(b) = o.as_str() else { return String::new() };
    if let Some(rest) = b.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| char::from(c)).collect()
}

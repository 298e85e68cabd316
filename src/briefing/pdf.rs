//! Writes laid-out pages as a PDF with printpdf's low-level operations, then finishes the
//! document with lopdf: language, title display, page mode and a nested outline, which printpdf
//! 0.12.8 cannot express, and the tags ([`super::tagged_pdf`]) and XMP metadata of PDF/UA-1.

use std::collections::HashMap;

use lopdf::{Dictionary, Object, ObjectId};
use printpdf::{
    Actions, BorderArray, Destination, LinkAnnotation, Mm, Op, PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect,
};

use super::content::{Names, page_content};
use super::page::{Item, Layout, MM, OutlineEntry, PAGE_HEIGHT};
use super::pdf_fonts::add_fonts;
use super::tagged_pdf::Plan;
use super::xmp::Xmp;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the layout has no pages")]
    Empty,
    #[error("could not finish the PDF: {0}")]
    Finish(String),
}

/// Renders the layout to PDF bytes: fonts embedded and subsetted, with ToUnicode maps.
pub fn write_pdf(layout: &Layout) -> Result<Vec<u8>, PdfError> {
    if layout.pages.is_empty() {
        return Err(PdfError::Empty);
    }
    let mut doc = PdfDocument::new(&layout.title);
    let pictures = super::pdf_images::add_pictures(&mut doc, &layout.pages);
    let now = printpdf::OffsetDateTime::now_utc();
    let info = &mut doc.metadata.info;
    info.document_title = layout.title.clone();
    info.author = layout.author.clone();
    info.subject = layout.subject.clone();
    let creator = format!("PeerBrief {}", crate::BUILD_INFO);
    let producer = "PeerBrief (printpdf 0.12.8)";
    info.creator = creator.clone();
    info.producer = producer.into();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;

    // printpdf gets each page's link annotations; the pages' content is then written by
    // content.rs in place of what printpdf made, and the fonts by pdf_fonts.rs.
    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .map(|p| {
            let (w, h) = if p.imported.is_some() { p.size() } else { (210.0 * MM, 297.0 * MM) };
            PdfPage::new(Mm(w / MM), Mm(h / MM), annotation_ops(p))
        })
        .collect();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions::default();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // Its pages are in `lo` now; a 200-page pack should not hold both.
    drop(doc);
    let mut plan = Plan::new(&layout.pages, &layout.structure);
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let fonts = add_fonts(&mut lo, &layout.pages);
    share_font_resources(&mut lo, &page_ids, &fonts.resources)?;
    let picture_names: HashMap<u64, String> = pictures.iter().map(|(k, id)| (*k, id.0.clone())).collect();
    let names = Names { fonts: &fonts, pictures: &picture_names };
    for (i, (page, &page_id)) in layout.pages.iter().zip(&page_ids).enumerate() {
        let content = page_content(page, i, &names, &mut plan);
        let stream = lo.get_dictionary(page_id).ok().and_then(|d| d.get(b"Contents").ok()?.as_reference().ok());
        match stream.and_then(|id| lo.get_object_mut(id).ok()) {
            Some(Object::Stream(s)) => s.set_content(content),
            _ => return Err(PdfError::Finish(format!("page {} has no content stream to write", i + 1))),
        }
    }
    super::import::merge_imported_pages(&mut lo, &layout.pages).map_err(PdfError::Finish)?;
    finish_with_lopdf(&mut lo, &layout.outline, &layout.pages).map_err(|e| PdfError::Finish(e.to_string()))?;
    let xmp = Xmp {
        title: &layout.title,
        author: &layout.author,
        subject: &layout.subject,
        creator_tool: &creator,
        producer,
        unix_time: now.unix_timestamp(),
        pdf_ua: layout.untagged.is_empty(),
    };
    let tree = finish_tags(&mut lo, plan, &xmp).map_err(|e| PdfError::Finish(e.to_string()))?;
    // printpdf compresses only in its own `save`; the lopdf route needs it done here.
    compress_streams(&mut lo);
    Ok(super::pdf_file::to_bytes(&lo, &tree))
}

/// Puts `fonts` in the font resource dictionary printpdf made for all pages to share (empty, as
/// printpdf embedded no fonts).
fn share_font_resources(doc: &mut lopdf::Document, pages: &[ObjectId], fonts: &Dictionary) -> Result<(), PdfError> {
    let shared = pages.first().and_then(|&page| {
        let resources = doc.get_dictionary(page).ok()?.get(b"Resources").ok()?;
        let resources = match resources {
            Object::Reference(id) => doc.get_dictionary(*id).ok()?,
            Object::Dictionary(d) => d,
            _ => return None,
        };
        resources.get(b"Font").ok()?.as_reference().ok()
    });
    match shared.and_then(|id| doc.get_dictionary_mut(id).ok()) {
        Some(dict) => {
            dict.extend(fonts);
            Ok(())
        }
        None => Err(PdfError::Finish("the pages have no shared font resources".into())),
    }
}

/// Deflate level for the PDF's streams (libdeflate's scale). Measured on the streams of the
/// Worcestershire briefing (118.6 kB) and of the 215-page pack (2.31 MB), best of many runs:
///
/// | | briefing | pack |
/// |---|---|---|
/// | zlib-rs level 2 (until issue 13's fourth pass) | 0.74 ms, 52.9 kB | 10.9 ms, 618 kB |
/// | zlib-rs level 1 | 0.32 ms, 65.8 kB | 5.6 ms, 892 kB |
/// | libdeflate level 1 | 0.39 ms, 52.5 kB | 5.7 ms, 617 kB |
/// | libdeflate level 6 | 0.88 ms, 47.9 kB | 16.9 ms, 498 kB |
///
/// libdeflate's level 1 makes files as small as zlib's level 2 in half the time. (Earlier, with
/// zlib: level 9 was lopdf's own choice, and deflate was then ~42 % of a pack's time.)
const PDF_DEFLATE_LEVEL: i32 = 1;

/// Below this many bytes of streams to compress, a second thread costs more than it saves: on
/// the shared 2-core build machine (load ~2.6) the briefing (~120 kB of streams) took 8.2 ms CPU
/// / 14.5 ms wall on one thread and 8.5 / 17.5 ms with a worker (its stack, its malloc arena:
/// +110 page faults, and a wait for a core). A pack has megabytes to compress.
const PARALLEL_DEFLATE_BYTES: usize = 1024 * 1024;

/// Flate-compresses every stream that may be compressed and has no filter yet (as
/// `lopdf::Document::compress`, at [`PDF_DEFLATE_LEVEL`]); keeps a stream as it is when
/// compression does not make it smaller. With two cores and more than
/// [`PARALLEL_DEFLATE_BYTES`], the streams are shared (largest first, each to the lighter side)
/// between this thread and one more.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams = uncompressed(doc);
    let total: usize = streams.iter().map(|s| s.content.len()).sum();
    // Asked only when it matters: finding the cores reads four files under /proc and /sys.
    if total < PARALLEL_DEFLATE_BYTES || std::thread::available_parallelism().map_or(1, usize::from) < 2 {
        compress_all(&mut streams);
        return;
    }
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let (mut here, mut there) = (Vec::new(), Vec::new());
    let (mut here_bytes, mut there_bytes) = (0, 0);
    for s in streams {
        if here_bytes <= there_bytes {
            here_bytes += s.content.len();
            here.push(s);
        } else {
            there_bytes += s.content.len();
            there.push(s);
        }
    }
    let shared = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new().spawn_scoped(scope, move || compress_all(&mut there));
        compress_all(&mut here);
        worker.is_ok_and(|w| w.join().is_ok())
    });
    if !shared {
        // No second thread to be had: what it would have done is done here.
        compress_all(&mut uncompressed(doc));
    }
}

/// The streams that may be compressed and have no filter yet.
fn uncompressed(doc: &mut lopdf::Document) -> Vec<&mut lopdf::Stream> {
    doc.objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect()
}

/// Compresses `streams` in turn with one compressor (see [`compress_streams`]).
fn compress_all(streams: &mut [&mut lopdf::Stream]) {
    let level = libdeflater::CompressionLvl::new(PDF_DEFLATE_LEVEL).unwrap_or_default();
    let mut compressor = libdeflater::Compressor::new(level);
    for stream in streams {
        let mut out = vec![0; compressor.zlib_compress_bound(stream.content.len())];
        // An error means only that the output did not fit, which the bound rules out.
        let Ok(n) = compressor.zlib_compress(&stream.content, &mut out) else { continue };
        if n + 19 < stream.content.len() {
            // Shrinking gives the rest back in place (glibc splits the block; nothing is copied).
            out.truncate(n);
            out.shrink_to_fit();
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(out);
        }
    }
}

/// The page's link annotations (internal and web), for printpdf to write.
fn annotation_ops(page: &super::page::Page) -> Vec<Op> {
    let page_height = page.size().1;
    let mut ops = Vec::new();
    for item in &page.items {
        let (x, y, width, height, action) = match item {
            Item::Link { x, y, width, height, target_page } => {
                let dest = Destination::Xyz { page: target_page + 1, left: None, top: None, zoom: None };
                (x, y, width, height, Actions::go_to(dest))
            }
            Item::Uri { x, y, width, height, uri } => (x, y, width, height, Actions::uri(uri.clone())),
            _ => continue,
        };
        let rect = Rect {
            x: Pt(*x),
            y: Pt(page_height - (*y + *height)),
            width: Pt(*width),
            height: Pt(*height),
            mode: None,
            winding_order: None,
        };
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(rect, action, Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None),
        });
    }
    ops
}

/// Adds what accessibility rules ask for and printpdf cannot write: `/Lang`, DisplayDocTitle,
/// `/PageMode /UseOutlines` (a name) and the nested outline. Also removes printpdf's empty
/// `GTS_PDFXVersion` and `Trapped` keys, which made readers report a PDF/X subtype the file
/// does not conform to.
fn finish_with_lopdf(
    doc: &mut lopdf::Document,
    outline: &[OutlineEntry],
    layout_pages: &[super::page::Page],
) -> lopdf::Result<()> {
    if let Ok(info_id) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = doc.get_dictionary_mut(info_id)
    {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Trapped");
    }
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let heights: Vec<f32> = layout_pages.iter().map(|p| p.size().1).collect();
    let outlines_id = if outline.is_empty() { None } else { Some(build_outline(doc, outline, &pages, &heights)) };
    let catalog = doc.catalog_mut()?;
    catalog.set("Lang", Object::string_literal("en-GB"));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    match outlines_id {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
    Ok(())
}

/// Tagged PDF and PDF/UA-1: the structure tree, `/MarkInfo`, PDF 1.7 and the XMP packet
/// (uncompressed). The document claims PDF/UA only when `xmp.pdf_ua` says everything is tagged.
/// Returns the tree's elements, already written as bytes.
fn finish_tags(doc: &mut lopdf::Document, plan: Plan, xmp: &Xmp) -> lopdf::Result<Vec<(ObjectId, Vec<u8>)>> {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let tree = plan.finish(doc, &pages)?;
    let root = tree.root;
    let mut metadata = lopdf::Stream::new(Dictionary::new(), xmp.packet().into_bytes());
    metadata.dict.set("Type", Object::Name(b"Metadata".to_vec()));
    metadata.dict.set("Subtype", Object::Name(b"XML".to_vec()));
    metadata.allows_compression = false;
    let metadata_id = doc.add_object(metadata);
    doc.version = "1.7".to_owned();
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", Object::Reference(root));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("Metadata", Object::Reference(metadata_id));
    Ok(tree.raw)
}

/// Builds the outline tree (entries are in document order; levels nest).
fn build_outline(doc: &mut lopdf::Document, entries: &[OutlineEntry], pages: &[ObjectId], heights: &[f32]) -> ObjectId {
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry: the nearest earlier entry with a lower level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack.last().is_some_and(|&j| entries[j].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    // Children of each entry (index `n` stands for the root), in document order.
    let n = entries.len();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, p) in parent.iter().enumerate() {
        kids[p.unwrap_or(n)].push(i);
    }
    let mut position = vec![0usize; n];
    for list in &kids {
        for (pos, &i) in list.iter().enumerate() {
            position[i] = pos;
        }
    }
    let has_nesting = entries.iter().any(|x| x.level > 0);
    for (i, e) in entries.iter().enumerate() {
        let siblings = &kids[parent[i].unwrap_or(n)];
        let pos = position[i];
        let mut d = Dictionary::new();
        d.set("Title", lopdf::text_string(&e.title));
        d.set("Parent", Object::Reference(parent[i].map_or(root, |p| ids[p])));
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (kids[i].first(), kids[i].last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            // Negative count: a pack's items start closed, so a 50-item outline stays readable.
            let count = kids[i].len() as i64;
            d.set("Count", Object::Integer(if e.level == 0 && has_nesting { -count } else { count }));
        }
        if let Some(&page) = pages.get(e.page) {
            let height = heights.get(e.page).copied().unwrap_or(PAGE_HEIGHT);
            let top = (height - e.y + 6.0).min(height);
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(top),
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = &kids[n];
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[first]));
        r.set("Last", Object::Reference(ids[last]));
    }
    r.set("Count", Object::Integer(top.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    root
}

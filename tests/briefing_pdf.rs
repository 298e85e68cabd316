//! Briefing and pack PDFs checked with the tools a council's IT team would use: qpdf, pdffonts,
//! pdftotext, pdfinfo. Built through the library so the checks do not depend on a shared binary.

mod pdf_support;

use std::path::{Path, PathBuf};

use pdf_support::{pdf, raw_uncompressed, squash, text, tool, words};

use peerbrief::briefing::{
    BODY_LEFT, BODY_RIGHT, BriefingOptions, Layout, PAGE_HEIGHT, Visibility, lay_out_briefing, lay_out_pack,
};
use peerbrief::model::{Finding, FindingKind, Review};
use peerbrief::store::{load_pack, load_review};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn review(name: &str) -> Review {
    load_review(&sample(name)).expect("sample loads").review
}

fn briefing(r: &Review) -> Layout {
    lay_out_briefing(r, &BriefingOptions { action_plan: true, ..BriefingOptions::default() })
}

#[test]
fn every_sample_briefing_passes_qpdf_with_embedded_subset_unicode_fonts() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["worcestershire-2015.peerreview", "ambleshire-2024.peerreview", "afonwen-2025-action-plan.peerreview"]
    {
        let layout = briefing(&review(name));
        assert!(layout.warnings.is_empty(), "{name}: {:?}", layout.warnings);
        let path = pdf(&layout, dir.path(), "b.pdf");
        let check = tool("qpdf", &["--check", &path]);
        assert!(check.contains("No syntax or stream encoding errors"), "{check}");
        let fonts = tool("pdffonts", &[&path]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type… encoding emb sub uni object ID
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{name}: {row}");
            assert!(row.contains("LiberationSans"), "{row}");
        }
    }
}

#[test]
fn worcestershire_briefing_has_every_key_finding_verbatim_and_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let r = review("worcestershire-2015.peerreview");
    let all = squash(&text(&pdf(&briefing(&r), dir.path(), "w.pdf")));
    let mut from = all.find("Key strengths").expect("Key strengths heading");
    let mut count = 0;
    for kind in [FindingKind::Strength, FindingKind::AreaForConsideration] {
        if kind == FindingKind::AreaForConsideration {
            from = from + all[from..].find("Key areas for consideration").expect("areas heading");
        }
        for (_, f) in r.findings_of(kind, true) {
            let wanted = squash(&f.text);
            let at = all[from..].find(&wanted).unwrap_or_else(|| panic!("missing or out of order: {wanted}"));
            from += at + wanted.len();
            count += 1;
        }
    }
    assert_eq!(count, 12, "the seed has six key strengths and six key areas");
}

#[test]
fn curly_apostrophes_pound_accents_and_welsh_letters_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = review("worcestershire-2015.peerreview");
    r.title = "Children’s Services Peer Review – Tŷ Gwŷn".into();
    *r.report.text_mut("summary") =
        "Children’s services: the council’s £4.2m café fund for Caerdydd and Llanfair Pwllgwyngyll: ŵ ŷ Ŵ Ŷ é.".into();
    r.findings.push(Finding::new(FindingKind::Strength, "Staff at Tŷ Gwŷn know every child’s story.", "vision", true));
    let layout = briefing(&r);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    let path = pdf(&layout, dir.path(), "c.pdf");
    let t = squash(&text(&path));
    for s in ["Children’s", "£4.2m", "café", "ŵ ŷ Ŵ Ŷ é", "every child’s story", "Tŷ Gwŷn"] {
        assert!(t.contains(s), "{s} not in text");
    }
    let afonwen = squash(&text(&pdf(&briefing(&review("afonwen-2025-action-plan.peerreview")), dir.path(), "a.pdf")));
    assert!(afonwen.contains("Tŷ Gwŷn"), "Welsh names from the sample");
    assert!(afonwen.contains('£'));
    let info = tool("pdfinfo", &[&path]);
    assert!(info.contains("Title:           Children’s Services Peer Review – Tŷ Gwŷn"), "{info}");
}

#[test]
fn pdfinfo_shows_title_author_page_count_and_a_real_creation_date() {
    let dir = tempfile::tempdir().unwrap();
    let r = review("worcestershire-2015.peerreview");
    let layout = briefing(&r);
    let path = pdf(&layout, dir.path(), "w.pdf");
    let info = tool("pdfinfo", &[&path]);
    assert!(info.contains(&format!("Title:           {}", r.title)), "{info}");
    assert!(info.contains(&format!("Author:          {}", r.council)), "{info}");
    assert!(info.contains(&format!("Pages:           {}", layout.pages.len())), "{info}");
    assert!(!info.contains("1970"), "{info}");
    // printpdf's empty GTS_PDFXVersion made readers claim PDF/X conformance: removed.
    assert!(!info.contains("PDF/X") && !info.contains("PDF subtype"), "{info}");
    let catalog = tool("qpdf", &["--show-object=trailer", &path]);
    assert!(catalog.contains("/Root"), "{catalog}");
    let raw = raw_uncompressed(&path, dir.path());
    assert!(raw.contains("/Lang (en-GB)"), "no /Lang");
    assert!(raw.contains("/PageMode /UseOutlines"), "PageMode must be a name");
    assert!(raw.contains("/DisplayDocTitle true"), "no DisplayDocTitle");
}

#[test]
fn every_page_has_marking_top_and_bottom_page_x_of_y_and_meeting() {
    let r = review("ambleshire-2024.peerreview");
    let layout = briefing(&r);
    let n = layout.pages.len();
    for (i, page) in layout.pages.iter().enumerate() {
        let texts: Vec<_> = page.texts().collect();
        let markings: Vec<_> = texts.iter().filter(|t| t.text == "OFFICIAL-SENSITIVE").collect();
        assert_eq!(markings.len(), 2, "page {}", i + 1);
        assert!(markings.iter().any(|t| t.y < 50.0) && markings.iter().any(|t| t.y > PAGE_HEIGHT - 50.0));
        assert!(texts.iter().any(|t| t.text == format!("Page {} of {n}", i + 1)));
        assert!(texts.iter().any(|t| t.text.starts_with("Children and Young People Scrutiny Committee")));
    }
}

#[test]
fn characters_the_font_cannot_draw_are_reported_and_replaced_visibly() {
    let mut r = review("worcestershire-2015.peerreview");
    *r.report.text_mut("summary") = "Smile \u{1F600} and bell\u{7} and 文".into();
    let layout = briefing(&r);
    let messages: Vec<String> = layout.warnings.iter().map(ToString::to_string).collect();
    assert!(messages.iter().any(|m| m.contains("U+1F600") && m.starts_with("Summary")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("U+6587")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("U+0007")), "{messages:?}");
    let all: String = layout.pages.iter().flat_map(|p| p.texts().map(|t| t.text.clone())).collect();
    assert!(!all.contains('\u{1F600}') && !all.contains('\u{7}'));
    assert!(all.contains("Smile \u{FFFD} and bell and \u{FFFD}") || all.contains("Smile ? and bell and ?"), "{all}");
}

#[test]
fn no_text_outside_the_margins_even_with_a_huge_word_and_a_huge_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = review("worcestershire-2015.peerreview");
    *r.report.text_mut("background") = "W".repeat(2000);
    *r.report.text_mut("conclusion") = (0..5000)
        .map(|i| ["council", "safeguarding", "children’s", "partnership", "a"][i % 5])
        .collect::<Vec<_>>()
        .join(" ");
    r.findings.push(Finding::new(FindingKind::Strength, &"x".repeat(700), "vision", true));
    r.report.list_mut("purpose").push("Supercalifragilisticexpialidocious".repeat(40));
    let layout = briefing(&r);
    for (i, page) in layout.pages.iter().enumerate() {
        for t in page.texts() {
            assert!(t.x >= BODY_LEFT - 0.01 && t.x + t.width <= BODY_RIGHT + 0.01, "page {}: {:?}", i + 1, t.text);
        }
    }
    let path = pdf(&layout, dir.path(), "big.pdf");
    assert!(tool("qpdf", &["--check", &path]).contains("No syntax"));
    let ws = words(&path);
    assert!(ws.len() > 5000, "{}", ws.len());
    for (x0, y0, x1, y1, w) in &ws {
        assert!(*x0 >= BODY_LEFT - 1.0 && *x1 <= BODY_RIGHT + 1.0, "{w} at {x0}..{x1}");
        assert!(*y0 >= 0.0 && *y1 <= PAGE_HEIGHT, "{w} at {y0}..{y1}");
    }
    // The word is broken across lines (and pages, between header and footer), but all there.
    let w_lines: usize =
        text(&path).lines().map(str::trim).filter(|l| !l.is_empty() && l.chars().all(|c| c == 'W')).map(str::len).sum();
    assert_eq!(w_lines, 2000);
    assert!(layout.pages.len() > 15, "a 5,000-word paragraph spans many pages: {}", layout.pages.len());
}

#[test]
fn body_text_never_overlaps_and_has_no_single_widow_or_orphan_lines() {
    let mut r = review("worcestershire-2015.peerreview");
    *r.report.text_mut("conclusion") = "word ".repeat(3000);
    let layout = briefing(&r);
    for (i, page) in layout.pages.iter().enumerate() {
        let runs: Vec<_> = page.texts().collect();
        for (k, a) in runs.iter().enumerate() {
            for b in &runs[k + 1..] {
                let x_overlap = a.x < b.x + b.width - 0.01 && b.x < a.x + a.width - 0.01;
                if x_overlap {
                    assert!(
                        (a.y - b.y).abs() >= a.size.min(b.size),
                        "page {}: {:?} collides with {:?}",
                        i + 1,
                        a.text,
                        b.text
                    );
                }
            }
        }
    }
    // The long conclusion paragraph: count its lines per page; never a single one at a page edge.
    let per_page: Vec<usize> = layout
        .pages
        .iter()
        .map(|p| p.texts().filter(|t| t.text.starts_with("word") || t.text.starts_with("15.")).count())
        .filter(|&n| n > 0)
        .collect();
    assert!(per_page.len() > 2, "{per_page:?}");
    assert!(per_page.iter().all(|&n| n >= 2), "{per_page:?}");
}

#[test]
fn a_long_findings_table_splits_across_pages_and_repeats_its_header() {
    let mut r = review("worcestershire-2015.peerreview");
    for i in 0..80 {
        r.findings.push(Finding::new(
            FindingKind::AreaForConsideration,
            &format!("Extra area number {i} needs attention."),
            "practice",
            false,
        ));
    }
    let layout = briefing(&r);
    let pages_with_header: Vec<usize> = layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.texts().any(|t| t.text == "Areas for consideration"))
        .map(|(i, _)| i)
        .collect();
    assert!(pages_with_header.len() >= 3, "{pages_with_header:?}");
    let extra: Vec<usize> = layout
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.texts().filter(|t| t.text.contains("Extra area number")).map(move |_| i))
        .collect();
    for i in extra {
        assert!(pages_with_header.contains(&i), "table continues on page {} without a header", i + 1);
    }
}

fn pack_pdfs(dir: &Path) -> (String, String, Layout, Layout) {
    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).expect("sample pack loads");
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    let lay_out = |v| {
        peerbrief::briefing::lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, v, Default::default())
            .expect("sample pack lays out")
    };
    let public = lay_out(Visibility::Public);
    let private = lay_out(Visibility::Private);
    (pdf(&public, dir, "public.pdf"), pdf(&private, dir, "private.pdf"), public, private)
}

fn outline(path: &str) -> Vec<(String, u64, usize)> {
    let json = tool("qpdf", &["--json", "--json-key=outlines", path]);
    let mut out = Vec::new();
    // Minimal walk over qpdf's JSON: collect title, destination page and nesting depth.
    fn walk(v: &serde_json_lite::Value, depth: usize, out: &mut Vec<(String, u64, usize)>) {
        for e in v.array() {
            out.push((e.get("title").string(), e.get("destpageposfrom1").number(), depth));
            walk(e.get("kids"), depth + 1, out);
        }
    }
    walk(serde_json_lite::parse(&json).get("outlines"), 0, &mut out);
    out
}

#[test]
fn pack_contents_page_numbers_and_outline_match_where_items_start() {
    let dir = tempfile::tempdir().unwrap();
    let (public, private, layout, _) = pack_pdfs(dir.path());
    for path in [&public, &private] {
        assert!(tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"));
        // PeerBrief's own fonts; the PDF papers' fonts are as their producers wrote them.
        for row in tool("pdffonts", &[path]).lines().skip(2).filter(|r| r.contains("Liberation")) {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "{row}");
        }
    }
    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).unwrap();
    // Procedural items print on the agenda page; every other item is a paper with its own pages.
    let papers = loaded
        .pack
        .items
        .iter()
        .filter(|i| {
            !matches!(i.content, peerbrief::model::AgendaContent::Standard(_)) || i.own_page || i.exempt.is_some()
        })
        .filter(|i| !i.to_follow)
        .count();
    let contents = tool("pdftotext", &["-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", &public, "-"]);
    let entries = outline(&public);
    let top: Vec<_> = entries.iter().filter(|e| e.2 == 0).collect();
    assert_eq!(top.len(), papers, "one top-level bookmark per paper: {top:?}");
    assert!(entries.iter().any(|e| e.2 == 1 && e.0 == "Key strengths" || e.0 == "Findings"), "nested headings");
    assert!(contents.contains("To receive any apologies"), "procedural items print on the agenda:\n{contents}");
    let total = layout.pages.len();
    let lines: Vec<&str> = contents.lines().collect();
    for (title, page, _) in &top {
        let (number, heading) = title.split_once(". ").unwrap();
        // The agenda entry for this item gives its page range, "(Pages 6 – 10)", under its title.
        let start = lines
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{number}.")))
            .unwrap_or_else(|| panic!("item {number} not on the agenda page:\n{contents}"));
        let next: usize = number.parse::<usize>().unwrap() + 1;
        let range = lines[start..]
            .iter()
            .take_while(|l| !l.trim_start().starts_with(&format!("{next}.")))
            .find_map(|l| l.trim().strip_prefix("(Page").map(str::to_owned))
            .expect("page range under the entry");
        let first: u64 = range.trim_start_matches('s').trim().split([' ', ')']).next().unwrap().parse().unwrap();
        assert_eq!(first, *page, "agenda says {range}, bookmark says {page}");
        let p = page.to_string();
        let on_page = squash(&tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, &public, "-"]));
        assert!(
            on_page.to_lowercase().contains(&squash(heading).to_lowercase()) || on_page.contains("Page"),
            "page {p} does not start item {title}: {on_page}"
        );
        assert!(on_page.contains(&format!("Page {p} of {total}")), "continuous numbering");
    }
    // The papers' agenda entries are links to their first pages.
    let annots = layout.pages[1].items.iter().filter(|i| matches!(i, peerbrief::briefing::Item::Link { .. })).count();
    assert_eq!(annots, papers);
}

#[test]
fn public_pack_has_no_exempt_text_and_the_same_page_numbers_as_the_private_pack() {
    let dir = tempfile::tempdir().unwrap();
    let (public, private, public_layout, private_layout) = pack_pdfs(dir.path());
    assert_eq!(public_layout.pages.len(), private_layout.pages.len());
    let starts = |v: &[(String, u64, usize)]| v.iter().filter(|e| e.2 == 0).map(|e| e.1).collect::<Vec<_>>();
    assert_eq!(starts(&outline(&public)), starts(&outline(&private)), "items start on the same pages");
    let info_pub = tool("pdfinfo", &[&public]);
    let info_priv = tool("pdfinfo", &[&private]);
    let pages = |s: &str| s.lines().find(|l| l.starts_with("Pages:")).unwrap().to_owned();
    assert_eq!(pages(&info_pub), pages(&info_priv));

    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).unwrap();
    let mut secrets: Vec<String> = Vec::new();
    for (item, r) in loaded.pack.items.iter().zip(&loaded.reviews) {
        if item.exempt.is_some()
            && let peerbrief::model::AgendaContent::Standard(t) = &item.content
        {
            secrets.extend(peerbrief::model::paragraphs(t));
        }
        if let Some(r) = r {
            for a in r.appendices.iter().filter(|a| a.exempt.is_some()) {
                secrets.extend(peerbrief::model::paragraphs(&a.body));
            }
        }
    }
    assert!(secrets.len() >= 3, "the sample has exempt text to withhold: {secrets:?}");
    let public_text = squash(&text(&public));
    let private_text = squash(&text(&private));
    let raw = raw_uncompressed(&public, dir.path());
    for s in &secrets {
        let s = squash(s);
        assert!(private_text.contains(&s), "private pack lacks: {s}");
        assert!(!public_text.contains(&s), "PUBLIC PACK LEAKS: {s}");
        for fragment in s.split(['.', ':', ';', ',']).map(str::trim).filter(|f| f.len() > 12) {
            assert!(!public_text.contains(fragment), "public text leaks: {fragment}");
            assert!(!raw.contains(fragment), "public raw PDF leaks: {fragment}");
        }
    }
    for distinctive in ["Case A", "Oakfield", "aged 9", "Child X"] {
        assert!(!public_text.contains(distinctive) && !raw.contains(distinctive), "{distinctive}");
        assert!(private_text.contains(distinctive), "{distinctive}");
    }
    assert!(public_text.contains("not for publication by virtue of paragraph 1 of Part 1 of Schedule 12A"));
    assert!(public_text.contains("not for publication by virtue of paragraph 2 of Part 1 of Schedule 12A"));
}

/// A tiny JSON reader: enough for qpdf's outline output, without adding a dependency.
mod serde_json_lite {
    #[derive(Debug, Clone)]
    pub enum Value {
        Null,
        Bool,
        Num(f64),
        Str(String),
        Arr(Vec<Value>),
        Obj(Vec<(String, Value)>),
    }
    static NULL: Value = Value::Null;
    impl Value {
        pub fn get(&self, key: &str) -> &Value {
            match self {
                Value::Obj(m) => m.iter().find(|(k, _)| k == key).map_or(&NULL, |(_, v)| v),
                _ => &NULL,
            }
        }
        pub fn array(&self) -> &[Value] {
            match self {
                Value::Arr(a) => a,
                _ => &[],
            }
        }
        pub fn string(&self) -> String {
            match self {
                Value::Str(s) => s.clone(),
                _ => String::new(),
            }
        }
        pub fn number(&self) -> u64 {
            match self {
                Value::Num(n) => *n as u64,
                _ => 0,
            }
        }
    }
    pub fn parse(s: &str) -> Value {
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        value(&chars, &mut i)
    }
    fn ws(c: &[char], i: &mut usize) {
        while *i < c.len() && c[*i].is_whitespace() {
            *i += 1;
        }
    }
    fn value(c: &[char], i: &mut usize) -> Value {
        ws(c, i);
        match c[*i] {
            '{' => {
                *i += 1;
                let mut m = Vec::new();
                loop {
                    ws(c, i);
                    if c[*i] == '}' {
                        *i += 1;
                        return Value::Obj(m);
                    }
                    let Value::Str(k) = value(c, i) else { panic!("key") };
                    ws(c, i);
                    *i += 1; // ':'
                    let v = value(c, i);
                    m.push((k, v));
                    ws(c, i);
                    if c[*i] == ',' {
                        *i += 1;
                    }
                }
            }
            '[' => {
                *i += 1;
                let mut a = Vec::new();
                loop {
                    ws(c, i);
                    if c[*i] == ']' {
                        *i += 1;
                        return Value::Arr(a);
                    }
                    a.push(value(c, i));
                    ws(c, i);
                    if c[*i] == ',' {
                        *i += 1;
                    }
                }
            }
            '"' => {
                *i += 1;
                let mut s = String::new();
                while c[*i] != '"' {
                    if c[*i] == '\\' {
                        *i += 1;
                        match c[*i] {
                            'n' => s.push('\n'),
                            'u' => {
                                let hex: String = c[*i + 1..*i + 5].iter().collect();
                                s.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap_or('?'));
                                *i += 4;
                            }
                            other => s.push(other),
                        }
                    } else {
                        s.push(c[*i]);
                    }
                    *i += 1;
                }
                *i += 1;
                Value::Str(s)
            }
            't' => {
                *i += 4;
                Value::Bool
            }
            'f' => {
                *i += 5;
                Value::Bool
            }
            'n' => {
                *i += 4;
                Value::Null
            }
            _ => {
                let start = *i;
                while *i < c.len() && (c[*i].is_ascii_digit() || matches!(c[*i], '-' | '.' | 'e' | 'E' | '+')) {
                    *i += 1;
                }
                Value::Num(c[start..*i].iter().collect::<String>().parse().unwrap())
            }
        }
    }
}

#[test]
fn warnings_inside_a_pack_name_the_agenda_item() {
    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).unwrap();
    let mut reviews = loaded.reviews.clone();
    let Some(Some(r)) = reviews.get_mut(4) else { panic!("item 5 is a review") };
    *r.report.text_mut("conclusion") = "Emoji \u{1F600} here".into();
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    let layout = peerbrief::briefing::lay_out_pack_with_documents(
        &loaded.pack,
        &reviews,
        &docs,
        Visibility::Private,
        Default::default(),
    )
    .unwrap();
    let w: Vec<String> = layout.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("Agenda item 5, Conclusion: "), "{w:?}");
}

#[test]
fn a_blank_review_still_prints_a_valid_one_page_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let layout = briefing(&Review::default());
    assert_eq!(layout.pages.len(), 1);
    let path = pdf(&layout, dir.path(), "blank.pdf");
    assert!(tool("qpdf", &["--check", &path]).contains("No syntax"));
    assert!(text(&path).contains("Page 1 of 1"));
}

/// Top of the body area: the running header (marking, stamp) is above it.
const HEADER_BAND: f32 = 24.0 * 72.0 / 25.4;

fn stamped(page: &peerbrief::briefing::Page) -> bool {
    page.texts().any(|t| t.text == "NOT FOR PUBLICATION" && t.y < HEADER_BAND)
}

#[test]
fn private_briefings_and_packs_are_stamped_on_every_page_and_public_ones_nowhere() {
    let r = review("ambleshire-2024.peerreview");
    let options = |visibility| BriefingOptions { visibility, ..BriefingOptions::default() };
    assert_eq!(BriefingOptions::default().visibility, Visibility::Public, "public unless asked");
    let public = lay_out_briefing(&r, &options(Visibility::Public));
    let private = lay_out_briefing(&r, &options(Visibility::Private));
    assert_eq!(public.pages.len(), private.pages.len());
    for (i, (p, q)) in public.pages.iter().zip(&private.pages).enumerate() {
        assert!(!stamped(p), "public briefing page {} stamped", i + 1);
        assert!(stamped(q), "private briefing page {} not stamped", i + 1);
    }
    assert!(private.title.ends_with("NOT FOR PUBLICATION"), "{}", private.title);
    assert!(private.subject.contains("NOT FOR PUBLICATION"), "{}", private.subject);
    assert!(!public.title.contains("NOT FOR PUBLICATION") && !public.subject.contains("NOT FOR PUBLICATION"));

    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).unwrap();
    let public = lay_out_pack(&loaded.pack, &loaded.reviews, Visibility::Public);
    let private = lay_out_pack(&loaded.pack, &loaded.reviews, Visibility::Private);
    assert_eq!(public.pages.len(), private.pages.len(), "packs numbered alike");
    let starts = |l: &Layout| l.outline.iter().filter(|o| o.level == 0).map(|o| o.page).collect::<Vec<_>>();
    assert_eq!(starts(&public), starts(&private), "items start on the same pages");
    for (i, (p, q)) in public.pages.iter().zip(&private.pages).enumerate() {
        assert!(!stamped(p), "public pack page {} stamped", i + 1);
        assert!(stamped(q), "private pack page {} not stamped", i + 1);
    }
    assert!(private.title.ends_with("NOT FOR PUBLICATION"), "{}", private.title);
}

#[test]
fn the_stamp_sits_in_the_header_band_clear_of_the_marking_and_the_text() {
    let r = review("ambleshire-2024.peerreview");
    let layout =
        lay_out_briefing(&r, &BriefingOptions { visibility: Visibility::Private, ..BriefingOptions::default() });
    for (i, page) in layout.pages.iter().enumerate() {
        let stamp = page.texts().find(|t| t.text == "NOT FOR PUBLICATION" && t.y < HEADER_BAND).expect("stamp");
        let marking = page.texts().find(|t| t.text == "OFFICIAL-SENSITIVE" && t.y < HEADER_BAND).expect("marking");
        assert!(stamp.y - stamp.size > marking.y + 2.0, "page {}: stamp overlaps the marking", i + 1);
        assert!(stamp.x >= BODY_LEFT && stamp.x + stamp.width <= BODY_RIGHT, "page {}", i + 1);
        let body_top = page.texts().filter(|t| t.y > HEADER_BAND).map(|t| t.y - t.size).fold(f32::MAX, f32::min);
        assert!(stamp.y + 4.0 < body_top, "page {}: stamp runs into the text", i + 1);
    }
}

/// The marking printed on one page: the lines that are exactly a marking's words.
fn markings_on_page(path: &str, page: usize) -> Vec<String> {
    let p = page.to_string();
    tool("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, path, "-"])
        .lines()
        .map(str::trim)
        .filter(|l| *l == "OFFICIAL" || *l == "OFFICIAL-SENSITIVE")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_pack_page_carries_the_marking_of_the_report_it_belongs_to() {
    let dir = tempfile::tempdir().unwrap();
    let (public, private, layout, _) = pack_pdfs(dir.path());
    let loaded = load_pack(&sample("children-and-families-panel.peerpack")).unwrap();
    let pack_marking = loaded.pack.marking.label().to_owned();
    let total = layout.pages.len();
    for path in [&public, &private] {
        // Where each agenda item with pages of its own starts, from the PDF's own bookmarks
        // ("N. title", N as printed); procedural items print on the agenda page.
        let starts: Vec<(usize, Option<usize>)> = outline(path)
            .iter()
            .filter(|e| e.2 == 0)
            .map(|e| {
                let number = e.0.split_once(". ").and_then(|(n, _)| n.parse::<usize>().ok());
                let item = number.and_then(|n| (0..loaded.pack.items.len()).find(|&i| loaded.pack.item_number(i) == n));
                (e.1 as usize, item)
            })
            .collect();
        assert!(starts.iter().filter(|s| s.1.is_some()).count() >= 4, "{starts:?}");
        let mut differs = 0;
        for page in 1..=total {
            let item = starts.iter().rev().find(|&&(s, _)| s <= page).and_then(|s| s.1);
            let expected = match item.and_then(|i| loaded.reviews[i].as_ref()) {
                Some(r) => r.marking.label().to_owned(),
                None => pack_marking.clone(),
            };
            if expected != pack_marking {
                differs += 1;
            }
            let found = markings_on_page(path, page);
            let imported = item
                .is_some_and(|i| matches!(loaded.pack.items[i].content, peerbrief::model::AgendaContent::Document(_)))
                && !found.iter().any(|m| *m != expected);
            if imported {
                // A PDF paper's own pages carry the pack's stamp, which adds the marking only
                // above OFFICIAL; its own text may say OFFICIAL too. Never another marking.
                assert!(found.len() <= 2, "{path} page {page}: {found:?}");
                continue;
            }
            assert_eq!(found, [expected.clone(), expected.clone()], "{path} page {page} (item {item:?})");
        }
        assert!(differs >= 2, "the sample holds an OFFICIAL-SENSITIVE report in an OFFICIAL pack");
    }
}

#[test]
fn recommendations_are_lettered_in_print_order_and_go_on_past_z() {
    let mut r = review("ambleshire-2024.peerreview");
    *r.report.list_mut("purpose") = vec!["First recommendation.".into(), "  ".into(), "Second recommendation.".into()];
    r.report.list_mut("purpose").extend((3..=30).map(|i| format!("Recommendation number {i}.")));
    let layout = briefing(&r);
    let mut seen: Vec<(String, String)> = Vec::new();
    for page in &layout.pages {
        let runs: Vec<_> = page.texts().collect();
        for (k, t) in runs.iter().enumerate() {
            let inner = t.text.strip_prefix('(').and_then(|s| s.strip_suffix(')'));
            if inner.is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase())) {
                seen.push((t.text.clone(), runs.get(k + 1).map(|n| n.text.clone()).unwrap_or_default()));
            }
        }
    }
    let letters: Vec<&str> = seen.iter().map(|(l, _)| l.as_str()).collect();
    let mut wanted: Vec<String> = ('a'..='z').map(|c| format!("({c})")).collect();
    wanted.extend(["(aa)", "(ab)", "(ac)", "(ad)"].map(String::from));
    assert_eq!(letters, wanted, "one letter per printed recommendation");
    assert_eq!(seen[0].1, "First recommendation.");
    assert_eq!(seen[1].1, "Second recommendation.", "the empty item takes no letter");
    assert_eq!(seen[29].1, "Recommendation number 30.");
}

/// Texts of the findings-by-theme table's first lines that start with `start`.
fn table_entries(layout: &Layout, start: &str) -> usize {
    layout.pages.iter().flat_map(|p| p.texts()).filter(|t| t.text.starts_with(start) && t.size < 10.0).count()
}

#[test]
fn a_finding_about_several_themes_is_listed_under_each_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let r = review("ambleshire-2024.peerreview");
    let f = r.findings.iter().find(|f| f.themes.len() > 1).expect("the sample has a finding with two themes");
    let start: String = f.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let layout = briefing(&r);
    assert_eq!(table_entries(&layout, &start), f.themes.len(), "{start}: once under each theme");
    let all = squash(&text(&pdf(&layout, dir.path(), "a.pdf")));
    let note = "A finding about more than one theme is listed under each.";
    assert!(all.contains(note), "the table says so");

    // A review whose findings each have one theme prints no note.
    let single = review("afonwen-2025-action-plan.peerreview");
    assert!(single.findings.iter().all(|f| f.themes.len() <= 1));
    let single_text = squash(&text(&pdf(&briefing(&single), dir.path(), "s.pdf")));
    assert!(!single_text.contains(note));
}

//! Randomised packs with exempt items, exempt appendices and exempt PDF papers: the public PDF's
//! text, its raw (uncompressed) streams and its bookmarks hold none of the exempt text, not even
//! an 8-word run of it — nor an exempt PDF's text, font, bookmark or metadata — and the public
//! pack has exactly the private pack's page count.

mod pdf_support;

use std::path::Path;

use pdf_support::{pdf, raw_uncompressed, squash, text};
use peerbrief::briefing::{Layout, PackPart, Visibility, lay_out_pack_with_documents};
use peerbrief::model::{
    AgendaContent, AgendaItem, Appendix, CommitteePack, Date, ExemptParagraph, ProtectiveMarking, Review,
};
use peerbrief::store::load_review;

const PACKS: usize = 12;

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: [&str; 24] = [
    "placement",
    "Oakfield",
    "disclosed",
    "allegation",
    "sibling",
    "Marsh",
    "carer",
    "contact",
    "Tuesday",
    "bruising",
    "school",
    "police",
    "referral",
    "Ravenscroft",
    "meeting",
    "mother",
    "strategy",
    "Lowfield",
    "assessment",
    "emergency",
    "night",
    "Kestrel",
    "court",
    "Wednesday",
];

/// A sentence of secret words with a unique tag, so any leak is unmistakable.
fn secret(rng: &mut Rng, tag: usize) -> String {
    let n = 10 + rng.below(30);
    let words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    format!("Secret{tag} {}.", words.join(" "))
}

fn samples() -> Vec<Review> {
    ["worcestershire-2015", "ambleshire-2024", "afonwen-2025-action-plan"]
        .iter()
        .map(|n| {
            let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(format!("{n}.peerreview"));
            load_review(&p).expect("sample").review
        })
        .collect()
}

/// A PDF paper as another program would make it: `pages` pages showing `line`, in the base font
/// `font`, with a bookmark titled `line` and `line` as its Info author.
fn paper(line: &str, font: &str, pages: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let f = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => font });
    let content = format!("BT /F1 9 Tf 40 700 Td ({line}) Tj ET");
    let content = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let kids: Vec<ObjectIdLike> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => f } },
            })
        })
        .collect();
    let first = kids[0];
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids.iter().map(|k| Object::Reference(*k)).collect::<Vec<_>>(), "Count" => pages as i64,
        }),
    );
    let outlines = doc.new_object_id();
    let entry = doc.add_object(dictionary! {
        "Title" => Object::string_literal(line), "Parent" => outlines,
        "Dest" => vec![first.into(), "XYZ".into(), Object::Null, Object::Null, Object::Null],
    });
    doc.objects.insert(
        outlines,
        Object::Dictionary(dictionary! { "Type" => "Outlines", "First" => entry, "Last" => entry, "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "Outlines" => outlines });
    let info = doc.add_object(dictionary! { "Author" => Object::string_literal(line) });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("paper written");
    out
}

type ObjectIdLike = lopdf::ObjectId;

/// Base fonts for the generated papers: the exempt one's name must not reach the public pack.
const PAPER_FONTS: [&str; 3] = ["Courier-Oblique", "Times-BoldItalic", "Helvetica-Oblique"];

/// One random pack: the manifest, reviews, PDF papers, exempt texts, and the exempt papers'
/// (sentence, font) pairs.
struct RandomPack {
    pack: CommitteePack,
    reviews: Vec<Option<Review>>,
    documents: Vec<Option<Vec<u8>>>,
    secrets: Vec<String>,
    paper_secrets: Vec<(String, &'static str)>,
}

/// A random pack and every exempt text in it.
fn random_pack(rng: &mut Rng, samples: &[Review]) -> RandomPack {
    let mut secrets = Vec::new();
    let mut paper_secrets = Vec::new();
    let mut items = Vec::new();
    let mut reviews = Vec::new();
    let mut documents = Vec::new();
    for i in 0..(3 + rng.below(6)) {
        let paragraph = ExemptParagraph::new(1 + rng.below(7) as u8);
        documents.push(None);
        if rng.below(4) == 0 {
            let exempt = (rng.below(2) == 0).then_some(paragraph).flatten();
            let words: Vec<&str> = (0..6).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            let line = format!("PaperSecret{} {}", secrets.len() + 100 * i, words.join(" "));
            let font = if exempt.is_some() { PAPER_FONTS[0] } else { PAPER_FONTS[1 + rng.below(2)] };
            if let Some(d) = documents.last_mut() {
                *d = Some(paper(&line, font, 1 + rng.below(4)));
            }
            if exempt.is_some() {
                paper_secrets.push((line, font));
            }
            items.push(AgendaItem {
                title: format!("Paper {i}"),
                content: AgendaContent::Document(format!("paper{i}.pdf")),
                exempt,
                to_follow: false,
                own_page: false,
            });
            reviews.push(None);
        } else if rng.below(2) == 0 {
            let exempt = (rng.below(2) == 0).then_some(paragraph).flatten();
            let body =
                (0..1 + rng.below(3)).map(|_| secret(rng, secrets.len() + 100 * i)).collect::<Vec<_>>().join("\n\n");
            if exempt.is_some() {
                secrets.push(body.clone());
            }
            items.push(AgendaItem {
                title: format!("Standard item {i}"),
                content: AgendaContent::Standard(body),
                exempt,
                to_follow: false,
                own_page: rng.below(3) == 0,
            });
            reviews.push(None);
        } else {
            let mut review = samples[rng.below(samples.len())].clone();
            for _ in 0..rng.below(3) {
                let body = secret(rng, secrets.len() + 100 * i);
                secrets.push(body.clone());
                review.appendices.push(Appendix { title: format!("Exempt appendix {i}"), exempt: paragraph, body });
            }
            let whole_item_exempt = rng.below(4) == 0;
            if whole_item_exempt {
                // Unique text: the same sample may also appear, not exempt, as another item.
                *review.report.text_mut("summary") = secret(rng, secrets.len() + 100 * i);
                review.findings[0].text = secret(rng, secrets.len() + 1 + 100 * i);
                secrets.push(review.report.text("summary").to_owned());
                secrets.push(review.findings[0].text.clone());
            }
            items.push(AgendaItem {
                title: String::new(),
                content: AgendaContent::Review(format!("r{i}.peerreview")),
                exempt: whole_item_exempt.then_some(paragraph).flatten(),
                to_follow: false,
                own_page: false,
            });
            reviews.push(Some(review));
        }
    }
    let pack = CommitteePack {
        council: "Leakshire County Council".into(),
        jurisdiction: Default::default(),
        committee: "Children and Families Overview and Scrutiny Panel".into(),
        date: Date::ymd(2026, 3, 17).expect("date"),
        time: "10.00 am".into(),
        venue: "County Hall".into(),
        members: vec!["Cllr A Member (Chair)".into()],
        marking: ProtectiveMarking::Official,
        contact: Default::default(),
        public_notice: String::new(),
        exclusion_item: rng.below(3) != 0,
        items,
        disclosure_reviewed: Vec::new(),
        logo: None,
        logo_image: None,
    };
    RandomPack { pack, reviews, documents, secrets, paper_secrets }
}

fn layout_text(layout: &Layout) -> String {
    let mut all: Vec<&str> = layout.pages.iter().flat_map(|p| p.texts().map(|t| t.text.as_str())).collect();
    all.extend(layout.outline.iter().map(|o| o.title.as_str()));
    squash(&all.join(" "))
}

/// Every run of 8 consecutive words of `secret`.
fn runs_of_eight(secret: &str) -> Vec<String> {
    let words: Vec<&str> = secret.split_whitespace().collect();
    if words.len() < 8 {
        return vec![words.join(" ")];
    }
    words.windows(8).map(|w| w.join(" ")).collect()
}

#[test]
fn public_packs_never_leak_exempt_text_and_keep_the_private_page_numbers() {
    let samples = samples();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut checked_secrets, mut checked_runs, mut checked_papers) = (0, 0, 0);
    for n in 0..PACKS {
        let RandomPack { pack, reviews, documents, secrets, paper_secrets } = random_pack(&mut rng, &samples);
        let docs: Vec<Option<&[u8]>> = documents.iter().map(|d| d.as_deref()).collect();
        let lay_out = |v| lay_out_pack_with_documents(&pack, &reviews, &docs, v, PackPart::Main).expect("pack");
        let public = lay_out(Visibility::Public);
        let private = lay_out(Visibility::Private);
        assert_eq!(public.pages.len(), private.pages.len(), "pack {n}: page counts differ");
        let starts = |l: &Layout| l.outline.iter().filter(|o| o.level == 0).map(|o| o.page).collect::<Vec<_>>();
        assert_eq!(starts(&public), starts(&private), "pack {n}: items start on different pages");

        let public_pdf = pdf(&public, dir.path(), "public.pdf");
        let public_text = squash(&text(&public_pdf));
        let raw = raw_uncompressed(&public_pdf, dir.path());
        let public_layout = layout_text(&public);
        let private_layout = layout_text(&private);
        for s in &secrets {
            for run in runs_of_eight(s) {
                // The test would catch a leak: the private pack does print it.
                assert!(private_layout.contains(&run), "pack {n}: private pack lacks {run:?}");
                assert!(!public_layout.contains(&run), "pack {n}: PUBLIC LAYOUT LEAKS {run:?}");
                assert!(!public_text.contains(&run), "pack {n}: PUBLIC PDF TEXT LEAKS {run:?}");
                assert!(!raw.contains(&run), "pack {n}: PUBLIC PDF STREAMS LEAK {run:?}");
                checked_runs += 1;
            }
            checked_secrets += 1;
        }
        if !paper_secrets.is_empty() {
            let private_pdf = pdf(&private, dir.path(), "private.pdf");
            let private_text = squash(&text(&private_pdf));
            let private_raw = raw_uncompressed(&private_pdf, dir.path());
            for (line, font) in &paper_secrets {
                assert!(private_text.contains(line.as_str()), "pack {n}: private pack lacks the paper {line:?}");
                assert!(private_raw.contains(font), "pack {n}: private pack lacks the paper's font");
                let tag = line.split(' ').next().unwrap_or_default();
                assert!(!public_layout.contains(tag), "pack {n}: PUBLIC LAYOUT LEAKS {tag}");
                assert!(!public_text.contains(tag), "pack {n}: PUBLIC PDF TEXT LEAKS {tag}");
                assert!(!raw.contains(tag), "pack {n}: PUBLIC PDF STREAMS, BOOKMARKS OR METADATA LEAK {tag}");
                assert!(!raw.contains(font), "pack {n}: PUBLIC PDF HAS THE EXEMPT PAPER'S FONT {font}");
                checked_papers += 1;
            }
        }
    }
    assert!(checked_secrets > 20, "too few exempt texts generated: {checked_secrets}");
    assert!(checked_papers >= 3, "too few exempt papers generated: {checked_papers}");
    eprintln!(
        "{PACKS} random packs: {checked_secrets} exempt texts, {checked_runs} 8-word runs, {checked_papers} exempt PDF papers, none in the public PDFs"
    );
}

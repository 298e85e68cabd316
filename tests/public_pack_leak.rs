//! Randomised packs with exempt items and exempt appendices: the public PDF's text, its raw
//! (uncompressed) streams and its bookmarks hold none of the exempt text, not even an 8-word run
//! of it, and the public pack has exactly the private pack's page count.

mod pdf_support;

use std::path::Path;

use pdf_support::{pdf, raw_uncompressed, squash, text};
use peerbrief::briefing::{Layout, Visibility, lay_out_pack};
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

/// A random pack and every exempt text in it.
fn random_pack(rng: &mut Rng, samples: &[Review]) -> (CommitteePack, Vec<Option<Review>>, Vec<String>) {
    let mut secrets = Vec::new();
    let mut items = Vec::new();
    let mut reviews = Vec::new();
    for i in 0..(3 + rng.below(6)) {
        let paragraph = ExemptParagraph::new(1 + rng.below(7) as u8);
        if rng.below(2) == 0 {
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
                review.summary = secret(rng, secrets.len() + 100 * i);
                review.findings[0].text = secret(rng, secrets.len() + 1 + 100 * i);
                secrets.push(review.summary.clone());
                secrets.push(review.findings[0].text.clone());
            }
            items.push(AgendaItem {
                title: String::new(),
                content: AgendaContent::Review(format!("r{i}.peerreview")),
                exempt: whole_item_exempt.then_some(paragraph).flatten(),
            });
            reviews.push(Some(review));
        }
    }
    let pack = CommitteePack {
        council: "Leakshire County Council".into(),
        committee: "Children and Families Overview and Scrutiny Panel".into(),
        date: Date::ymd(2026, 3, 17).expect("date"),
        time: "10.00 am".into(),
        venue: "County Hall".into(),
        members: vec!["Cllr A Member (Chair)".into()],
        marking: ProtectiveMarking::Official,
        items,
        disclosure_reviewed: Vec::new(),
    };
    (pack, reviews, secrets)
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
    let (mut checked_secrets, mut checked_runs) = (0, 0);
    for n in 0..PACKS {
        let (pack, reviews, secrets) = random_pack(&mut rng, &samples);
        let public = lay_out_pack(&pack, &reviews, Visibility::Public);
        let private = lay_out_pack(&pack, &reviews, Visibility::Private);
        assert_eq!(public.pages.len(), private.pages.len(), "pack {n}: page counts differ");

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
    }
    assert!(checked_secrets > 20, "too few exempt texts generated: {checked_secrets}");
    eprintln!(
        "{PACKS} random packs: {checked_secrets} exempt texts, {checked_runs} 8-word runs, none in the public PDFs"
    );
}

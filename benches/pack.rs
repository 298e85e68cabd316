//! The sample's panel briefing, and committee packs of 10, 50 and 100 reports: layout plus PDF
//! writing should grow linearly with pages. Targets (README "Performance"): briefing < 50 ms,
//! a 200-page pack < 300 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peerbrief::briefing::{BriefingOptions, Visibility, lay_out_briefing, lay_out_pack, write_pdf};
use peerbrief::model::{AgendaContent, AgendaItem, CommitteePack, Date, ProtectiveMarking, Review};
use peerbrief::store::load_review;

fn samples() -> Vec<Review> {
    ["worcestershire-2015", "ambleshire-2024", "afonwen-2025-action-plan"]
        .iter()
        .map(|n| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(format!("{n}.peerreview"));
            load_review(&path).expect("sample loads").review
        })
        .collect()
}

fn pack_of(n: usize, samples: &[Review]) -> (CommitteePack, Vec<Option<Review>>) {
    let items = (0..n)
        .map(|i| AgendaItem {
            title: format!("Report {}", i + 1),
            content: AgendaContent::Review(format!("r{i}.peerreview")),
            exempt: None,
            to_follow: false,
            own_page: false,
        })
        .collect();
    let pack = CommitteePack {
        council: "Benchmark Council".into(),
        jurisdiction: Default::default(),
        committee: "Children and Families Overview and Scrutiny Panel".into(),
        date: Date::ymd(2026, 3, 17).expect("valid date"),
        time: "10.00 am".into(),
        venue: "County Hall".into(),
        members: vec!["Cllr A Member".into()],
        marking: ProtectiveMarking::Official,
        contact: Default::default(),
        public_notice: String::new(),
        exclusion_item: true,
        items,
        disclosure_reviewed: Vec::new(),
        logo: None,
        logo_image: None,
    };
    let reviews = (0..n).map(|i| Some(samples[i % samples.len()].clone())).collect();
    (pack, reviews)
}

fn bench(c: &mut Criterion) {
    let samples = samples();
    let worcestershire = &samples[0];
    c.bench_function("briefing of the sample (layout + PDF)", |b| {
        b.iter(|| {
            write_pdf(&lay_out_briefing(black_box(worcestershire), &BriefingOptions::default())).expect("PDF").len()
        })
    });
    let mut group = c.benchmark_group("pack");
    group.sample_size(10);
    for n in [10, 50, 100] {
        let (pack, reviews) = pack_of(n, &samples);
        let pages = lay_out_pack(&pack, &reviews, Visibility::Public).pages.len();
        eprintln!("pack of {n} reports: {pages} pages");
        group.bench_with_input(BenchmarkId::new("layout_and_pdf", n), &n, |b, _| {
            b.iter(|| {
                let layout = lay_out_pack(black_box(&pack), &reviews, Visibility::Public);
                write_pdf(&layout).expect("PDF").len()
            })
        });
        group.bench_with_input(BenchmarkId::new("layout_only", n), &n, |b, _| {
            b.iter(|| lay_out_pack(black_box(&pack), &reviews, Visibility::Public).pages.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

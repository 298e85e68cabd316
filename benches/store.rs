//! Loading, validating and saving review files: the sample and a generated 10 MB review.
//! Target (README "Performance"): load + validate of a 10 MB review < 100 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use peerbrief::model::{Date, Finding, FindingKind, validate};
use peerbrief::store::{load_review, save_review, to_canonical_text};

fn sample_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview")
}

/// About 10 MB: the sample with 20,000 extra findings of ~500 characters.
fn ten_mb_file(dir: &Path) -> std::path::PathBuf {
    let mut review = load_review(&sample_path()).unwrap().review;
    let text = "The reviewers found that practice in the locality teams is improving, with \
                supervision recorded on the child's file and management oversight visible. "
        .repeat(3);
    for i in 0..20_000 {
        let kind = if i % 2 == 0 { FindingKind::Strength } else { FindingKind::AreaForConsideration };
        review.findings.push(Finding::new(kind, &format!("{i}. {text}"), "practice", false));
    }
    let path = dir.join("ten-mb.peerreview");
    save_review(&path, &review).unwrap();
    path
}

fn store(c: &mut Criterion) {
    let today = Date::ymd(2026, 11, 28).unwrap();
    let sample = sample_path();
    c.bench_function("load+validate sample", |b| {
        b.iter(|| {
            let loaded = load_review(black_box(&sample)).unwrap();
            black_box(validate(&loaded.review, today))
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let big = ten_mb_file(dir.path());
    eprintln!("generated review: {:.1} MB", std::fs::metadata(&big).unwrap().len() as f64 / 1e6);
    let mut group = c.benchmark_group("10 MB review");
    group.sample_size(20);
    group.bench_function("load+validate", |b| {
        b.iter(|| {
            let loaded = load_review(black_box(&big)).unwrap();
            black_box(validate(&loaded.review, today))
        })
    });
    let review = load_review(&big).unwrap().review;
    group.bench_function("canonical text", |b| b.iter(|| black_box(to_canonical_text(&review).unwrap())));
    group.bench_function("save (atomic, fsync)", |b| b.iter(|| save_review(&big, &review).unwrap()));
    group.finish();

    let small = load_review(&sample).unwrap().review;
    let out = dir.path().join("sample.peerreview");
    c.bench_function("save sample (atomic, fsync)", |b| b.iter(|| save_review(&out, &small).unwrap()));
}

criterion_group!(benches, store);
criterion_main!(benches);

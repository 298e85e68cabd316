//! The disclosure check is fast enough to run after every edit of a large review.

use std::path::Path;
use std::time::Instant;

use peerbrief::model::ScanOptions;
use peerbrief::model::disclosure::scan_review;
use peerbrief::store::load_review;

#[test]
fn a_review_of_two_thousand_findings_is_scanned_quickly() {
    let mut review = load_review(Path::new("samples/worcestershire-2015.peerreview")).unwrap().review;
    let findings = review.findings.clone();
    while review.findings.len() < 2_000 {
        review.findings.extend(findings.iter().cloned());
    }
    let bytes: usize = review.findings.iter().map(|f| f.text.len()).sum();
    let started = Instant::now();
    let found = scan_review(&review, &ScanOptions::default());
    let took = started.elapsed();
    println!("{} findings, {bytes} bytes of finding text: scanned in {took:?}", review.findings.len());
    assert!(found.is_empty());
    // Debug build; generous so a loaded CI machine passes, tight enough to catch quadratic work.
    assert!(took.as_secs_f64() < 2.0, "{took:?}");
}

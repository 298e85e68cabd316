//! Any bytes as a review file: never a panic; and whatever loads saves back to text that loads
//! to the same review (the canonical form is a fixed point).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use peerbrief::store::{decode_text, parse_review, to_canonical_text};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.peerreview");
    let Ok(text) = decode_text(path, data) else { return };
    let Ok((review, _)) = parse_review(&text, path) else { return };
    let canonical = to_canonical_text(&review).expect("a loaded review can be written");
    let (again, _) = parse_review(&canonical, path).expect("canonical text loads");
    assert_eq!(again, review, "save → load changed the review");
    assert_eq!(to_canonical_text(&again).expect("writes"), canonical, "canonical text is not stable");
});

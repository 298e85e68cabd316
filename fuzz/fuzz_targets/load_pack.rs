//! Any bytes as a committee pack manifest: never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use peerbrief::store::{decode_text, parse_pack};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.peerpack");
    if let Ok(text) = decode_text(path, data) {
        let _ = parse_pack(&text, path);
    }
});

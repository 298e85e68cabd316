//! Malformed review files give errors that name file, line and column, and never panic.

use std::fs;
use std::path::{Path, PathBuf};

use peerbrief::model::FORMAT_VERSION;
use peerbrief::store::{StoreError, load_review};

fn sample_text() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview")).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    fs::write(&p, bytes).unwrap();
    p
}

fn load_err(bytes: &[u8]) -> (StoreError, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "bad.peerreview", bytes);
    let err = load_review(&path).expect_err("should not load");
    let text = err.to_string();
    (err, text)
}

/// The 1-based line and column of the first occurrence of `needle`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    (before.matches('\n').count() + 1, before.rsplit('\n').next().unwrap().chars().count() + 1)
}

#[test]
fn truncated_file_says_it_ends_too_early() {
    let text = sample_text();
    // Cut at a line break near the middle, so the cut is not inside a quoted text.
    let cut = text[..text.len() / 2].rfind('\n').expect("a line break");
    let (err, msg) = load_err(&text.as_bytes()[..cut]);
    assert!(err.position().is_some(), "{msg}");
    assert!(msg.contains("bad.peerreview:"), "{msg}");
    assert!(msg.contains("ends too early") || msg.contains("expected"), "{msg}");
}

#[test]
fn wrong_type_points_at_the_value() {
    let text = sample_text().replace("key: true", "key: \"yes\"");
    let (err, msg) = load_err(text.as_bytes());
    let (line, _) = position_of(&text, "key: \"yes\"");
    assert_eq!(err.position().map(|p| p.0), Some(line), "{msg}");
    assert!(msg.contains("`true` or `false`"), "{msg}");
}

#[test]
fn unknown_field_is_named_with_the_allowed_ones() {
    let text = sample_text().replacen("    title:", "    titel: \"x\",\n    title:", 1);
    let (err, msg) = load_err(text.as_bytes());
    let (line, _) = position_of(&text, "titel");
    assert_eq!(err.position().map(|p| p.0), Some(line), "{msg}");
    assert!(msg.contains("unknown field `titel`"), "{msg}");
    assert!(msg.contains("`title`"), "{msg}");
}

#[test]
fn missing_required_field_is_named() {
    let text = sample_text();
    let start = text.find("    council:").unwrap();
    let end = start + text[start..].find('\n').unwrap() + 1;
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let (_, msg) = load_err(cut.as_bytes());
    assert!(msg.contains("missing field `council`"), "{msg}");
}

#[test]
fn invalid_date_is_explained() {
    let text = sample_text().replace("\"2011-10\"", "\"October 2011\"");
    let (err, msg) = load_err(text.as_bytes());
    assert!(err.position().is_some(), "{msg}");
    assert!(msg.contains("YYYY-MM-DD"), "{msg}");
}

#[test]
fn bad_utf8_gives_line_and_column() {
    let mut bytes = b"PeerReview(\n    format_version: 2,\n    council: \"Caf".to_vec();
    bytes.push(0xE9); // Latin-1 é
    bytes.extend_from_slice(b"\",\n)");
    let (err, msg) = load_err(&bytes);
    assert_eq!(err.position(), Some((3, 18)), "{msg}");
    assert!(msg.contains("not UTF-8"), "{msg}");
}

#[test]
fn empty_and_blank_files() {
    for bytes in [&b""[..], b"   \n\n", b"\xEF\xBB\xBF"] {
        let (err, msg) = load_err(bytes);
        assert!(matches!(err, StoreError::Empty { .. }), "{msg}");
    }
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.peerreview");
    let f = fs::File::create(&path).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap(); // sparse: no 65 MiB written to disk
    let err = load_review(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("65 MiB"), "{err}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = sample_text();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "windows.peerreview", &bytes);
    let loaded = load_review(&path).unwrap();
    assert_eq!(loaded.review.findings.len(), 12);
    assert!(!loaded.review.conclusion.contains('\r'));
}

#[test]
fn ron_extension_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "review.ron", sample_text().as_bytes());
    assert!(load_review(&path).is_ok());
}

#[test]
fn newer_format_is_refused_naming_the_version() {
    let text = sample_text()
        .replace(&format!("format_version: {FORMAT_VERSION},"), "format_version: 7,\n    new_thing: [1, 2],");
    let (err, msg) = load_err(text.as_bytes());
    assert!(matches!(err, StoreError::NewerVersion { found: 7, .. }), "{msg}");
    assert!(msg.contains("format version 7"), "{msg}");
}

#[test]
fn format_one_is_migrated_on_load() {
    // Format 1 had no `key` flag (every finding was a headline) and called the marking `protective_marking`.
    let text = sample_text()
        .replace("format_version: 2,", "format_version: 1,")
        .replace("    marking: Official,", "    protective_marking: Official,")
        .replace("key: false,", "")
        .replace("key: true,", "");
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "old.peerreview", text.as_bytes());
    let loaded = load_review(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.review.format_version, FORMAT_VERSION);
    assert!(loaded.review.findings.iter().all(|f| f.key));
}

#[test]
fn format_zero_is_an_error_not_a_panic() {
    let (err, msg) = load_err(sample_text().replace("format_version: 2,", "format_version: 0,").as_bytes());
    assert!(matches!(err, StoreError::Migration { .. }), "{msg}");
}

#[test]
fn deep_nesting_and_garbage_never_panic() {
    let deep = format!("PeerReview(format_version: 2, council: {}", "[".repeat(100_000));
    let (_, msg) = load_err(deep.as_bytes());
    assert!(msg.contains(':'), "{msg}");
    for junk in [
        &b"\0\0\0"[..],
        b"PeerReview(",
        b")))",
        b"{\"json\": true}",
        b"PeerReview(format_version: 99999999999999999999)",
    ] {
        let (_, msg) = load_err(junk);
        assert!(
            msg.starts_with(&std::env::temp_dir().display().to_string()) || msg.contains("bad.peerreview"),
            "{msg}"
        );
    }
}

#[test]
fn missing_file_and_folder_are_plain_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_review(&dir.path().join("nope.peerreview")).unwrap_err().to_string();
    assert!(err.contains("does not exist"), "{err}");
    let err = load_review(dir.path()).unwrap_err().to_string();
    assert!(err.contains("folder"), "{err}");
}

#[test]
fn an_unclosed_quote_says_so_and_points_where_the_text_starts() {
    // The council's name lost its closing quote; every later quote now pairs the wrong way round
    // and the parser only notices at the end of the file.
    let text = sample_text().replacen("\"Worcestershire County Council\",", "\"Worcestershire County Council,", 1);
    let (err, msg) = load_err(text.as_bytes());
    let (line, col) = position_of(&text, "\"Worcestershire County Council,");
    assert_eq!(err.position(), Some((line, col)), "{msg}");
    assert!(msg.contains("never closed"), "{msg}");
    assert!(
        msg.contains(&format!("starts at line {line}, column {col} with \"Worcestershire County Council,…\"")),
        "{msg}"
    );
    assert!(!msg.contains("expected text in double quotes"), "{msg}");
    // Missing at the very end of the file.
    let (_, msg) = load_err(b"PeerReview(\n    council: \"Open");
    assert!(msg.contains("never closed: it starts at line 2, column 14 with \"Open…\""), "{msg}");
}

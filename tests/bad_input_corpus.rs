//! Every file in `tests/corpus/` (and a few large ones made here) either loads correctly or gives
//! a clear error — with line:col where a position applies — quickly and in bounded memory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use peerbrief::store::{PACK_EXTENSION, StoreError, load_pack, load_review};

enum Expect {
    Loads,
    /// An error with a line:col position whose message contains this text.
    ErrorAt(&'static str),
    /// An error without a position (whole-file problems) containing this text.
    Error(&'static str),
}

const CORPUS: &[(&str, Expect)] = &[
    ("truncated.peerreview", Expect::ErrorAt("")),
    ("wrong_type.peerreview", Expect::ErrorAt("`true` or `false`")),
    ("unknown_field.peerreview", Expect::ErrorAt("unknown field `titel`")),
    ("missing_field.peerreview", Expect::ErrorAt("missing field `council`")),
    ("invalid_utf8.peerreview", Expect::ErrorAt("not UTF-8")),
    ("bom.peerreview", Expect::Loads),
    ("crlf.peerreview", Expect::Loads),
    ("bom_crlf.peerreview", Expect::Loads),
    ("nul_bytes.peerreview", Expect::ErrorAt("expected a field name")),
    ("nul_in_text.peerreview", Expect::Loads),
    ("future_version.peerreview", Expect::Error("format version 9")),
    ("format_zero.peerreview", Expect::Error("format version 0")),
    ("deep_nesting.peerreview", Expect::ErrorAt("")),
    ("empty.peerreview", Expect::Error("the file is empty")),
    ("whitespace_only.peerreview", Expect::Error("the file is empty")),
    ("json.peerreview", Expect::ErrorAt("")),
    ("wrong_struct_name.peerreview", Expect::ErrorAt("expected `PeerReview(`")),
    ("unclosed_string.peerreview", Expect::ErrorAt("is never closed: it starts at line 4, column 14")),
    ("bad_date.peerreview", Expect::ErrorAt("YYYY-MM-DD")),
    ("impossible_date.peerreview", Expect::ErrorAt("`2011-02-30` is not a real date: February 2011 has 28 days")),
    ("exempt_paragraph_9.peerreview", Expect::ErrorAt("1 to 7")),
    ("unknown_enum.peerreview", Expect::ErrorAt("`Weakness` is not allowed")),
    ("duplicate_field.peerreview", Expect::ErrorAt("appears twice")),
    ("trailing_garbage.peerreview", Expect::ErrorAt("")),
    ("integer_overflow.peerreview", Expect::ErrorAt("")),
    ("control_chars.peerreview", Expect::Loads),
    ("old_format_1.peerreview", Expect::Loads),
    // Format 3: the report's sections and blocks.
    ("v3_unknown_block.peerreview", Expect::ErrorAt("`Table` is not allowed")),
    ("v3_unknown_data_block.peerreview", Expect::ErrorAt("`Chart` is not allowed")),
    ("v3_section_without_id.peerreview", Expect::ErrorAt("missing field `id`")),
    ("v3_with_format_2_field.peerreview", Expect::ErrorAt("unknown field `summary`")),
    ("v3_paragraphs_text_not_a_string.peerreview", Expect::ErrorAt("")),
    ("v3_bad_numbering.peerreview", Expect::ErrorAt("`Roman` is not allowed")),
    ("v3_format_4.peerreview", Expect::Error("format version 4")),
    // A format-3 file whose version was edited back to 2: read as format 2, so `report` is unknown.
    ("v3_labelled_2_with_report.peerreview", Expect::ErrorAt("unknown field `template`")),
    ("v3_minimal.peerreview", Expect::Loads),
    // Committee pack manifests.
    ("pack_good.peerpack", Expect::Loads),
    ("pack_outside_folder.peerpack", Expect::Error("no `..`")),
    ("pack_absolute_path.peerpack", Expect::Error("no absolute paths")),
    ("pack_itself.peerpack", Expect::Error("the pack manifest itself")),
    ("pack_missing_item.peerpack", Expect::Error("no-such-review.peerreview")),
    ("pack_broken_item.peerpack", Expect::Error("truncated.peerreview")),
    ("pack_no_items.peerpack", Expect::ErrorAt("no agenda items")),
    ("pack_standard_without_title.peerpack", Expect::Error("needs a `title`")),
    ("pack_truncated.peerpack", Expect::ErrorAt("")),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn check(path: &Path, expect: &Expect) {
    let started = Instant::now();
    let result = if path.extension().is_some_and(|e| e == PACK_EXTENSION) {
        load_pack(path).map(|_| ())
    } else {
        load_review(path).map(|_| ())
    };
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(3), "{}: took {elapsed:?}", path.display());
    match (expect, result) {
        (Expect::Loads, Ok(_)) => {}
        (Expect::ErrorAt(text), Err(e)) => {
            let message = e.to_string();
            let (line, col) = e.position().unwrap_or_else(|| panic!("{}: no line:col in {message}", path.display()));
            assert!(message.starts_with(&format!("{}:{line}:{col}: ", path.display())), "{message}");
            assert!(message.contains(text), "{}: expected {text:?} in {message}", path.display());
        }
        (Expect::Error(text), Err(e)) => {
            let message = e.to_string();
            assert!(message.starts_with(&format!("{}: ", path.display())), "{message}");
            assert!(message.contains(text), "{}: expected {text:?} in {message}", path.display());
        }
        (Expect::Loads, Err(e)) => panic!("{}: should load but: {e}", path.display()),
        (_, Ok(_)) => panic!("{}: loaded but should have failed", path.display()),
    }
}

#[test]
fn every_corpus_file_has_an_expectation_and_meets_it() {
    let mut on_disk: Vec<String> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".peerreview") || n.ends_with(".peerpack"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "corpus files and expectations differ");
    for (name, expect) in CORPUS {
        check(&corpus_dir().join(name), expect);
    }
}

#[test]
fn migrated_and_controlled_files_load_with_what_they_say() {
    let old = load_review(&corpus_dir().join("old_format_1.peerreview")).unwrap();
    assert_eq!(old.migrated_from, Some(1));
    let nul = load_review(&corpus_dir().join("nul_in_text.peerreview")).unwrap();
    assert_eq!(nul.review.title, "Worcestershire\0Safeguarding Peer Review");
    let future = load_review(&corpus_dir().join("future_version.peerreview")).unwrap_err();
    assert!(matches!(future, StoreError::NewerVersion { found: 9, .. }));
}

/// Large inputs made at test time (too big to keep in git), checked through the real binary
/// under a 1 GiB address-space limit so runaway memory use fails the test.
#[test]
fn large_inputs_load_quickly_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview"))
            .unwrap();

    let huge_string = dir.path().join("ten_mb_string.peerreview");
    let word = "safeguarding ".repeat(10 * 1024 * 1024 / 13);
    fs::write(&huge_string, sample.replacen("The Cabinet Member", &word, 1)).unwrap();

    let many_findings = dir.path().join("hundred_thousand_findings.peerreview");
    let finding = "        Finding(\n            kind: Strength,\n            text: \"A finding.\",\n            themes: [\n                \"vision\",\n            ],\n            key: false,\n            action: None,\n        ),\n";
    let at = sample.find("    findings: [\n").unwrap() + "    findings: [\n".len();
    fs::write(&many_findings, format!("{}{}{}", &sample[..at], finding.repeat(100_000), &sample[at..])).unwrap();

    let deep = dir.path().join("deep.peerreview");
    fs::write(&deep, format!("PeerReview(format_version: 2, focus_questions: {}", "[".repeat(1_000_000))).unwrap();

    for (path, should_load) in [(&huge_string, true), (&many_findings, true), (&deep, false)] {
        let started = Instant::now();
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v 1048576; exec '{}' check '{}'", env!("CARGO_BIN_EXE_peerbrief"), path.display()))
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(elapsed < Duration::from_secs(10), "{}: took {elapsed:?}", path.display());
        if should_load {
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {stdout}{}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        } else {
            assert_eq!(out.status.code(), Some(1), "{}: {stdout}", path.display());
            assert!(stdout.contains(":1:"), "{stdout}");
        }
        eprintln!("{}: {} bytes checked in {elapsed:?}", path.display(), fs::metadata(path).unwrap().len());
    }
}

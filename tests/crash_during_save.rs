//! Kill -9 during save, 200 times: the review file is always the old or the new version in full,
//! and the backup is always a whole version too.
//!
//! The test binary re-runs itself as the saving child (`child_save_loop` with
//! `PEERBRIEF_SAVE_LOOP` set), so no extra program is needed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use peerbrief::model::{Finding, FindingKind, Review};
use peerbrief::store::{backup_path, load_review, save_review, to_canonical_text};

const KILLS: usize = 200;

/// A large review (about 2 MB) so each save takes long enough to be interrupted part-way.
fn big_review(version: &str) -> Review {
    let mut r = Review {
        council: "Crashshire County Council".into(),
        title: format!("Version {version}"),
        ..Review::default()
    };
    r.findings = (0..2_000)
        .map(|i| {
            let text = format!("{version}{i}: {}", "A finding long enough to make the file big. ".repeat(20));
            Finding::new(
                if i % 2 == 0 { FindingKind::Strength } else { FindingKind::AreaForConsideration },
                &text,
                "vision",
                i < 12,
            )
        })
        .collect();
    // As PeerBrief holds a review: every finding with its id (a file without them gains them
    // on load, and would then match neither version).
    r.assign_finding_ids();
    r
}

#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os("PEERBRIEF_SAVE_LOOP") else { return };
    let path = PathBuf::from(path);
    let (a, b) = (big_review("A"), big_review("B"));
    loop {
        for r in [&b, &a] {
            save_review(&path, r).expect("child save");
        }
    }
}

/// Which version a file holds, or why it is not a whole version.
fn version_of(path: &Path, a: &str, b: &str) -> Result<char, String> {
    let loaded = load_review(path).map_err(|e| e.to_string())?;
    let text = to_canonical_text(&loaded.review).map_err(|e| e.to_string())?;
    if text == a {
        Ok('A')
    } else if text == b {
        Ok('B')
    } else {
        Err(format!("{} holds neither version", path.display()))
    }
}

#[test]
fn sigkill_during_save_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.peerreview");
    let (a, b) = (to_canonical_text(&big_review("A")).unwrap(), to_canonical_text(&big_review("B")).unwrap());
    save_review(&path, &big_review("A")).unwrap();
    save_review(&path, &big_review("A")).unwrap(); // so a backup exists from the start

    let mut seed: u64 = 0x5eed_1234_abcd_0042;
    let mut random_ms = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % 60
    };
    let started = Instant::now();
    let (mut seen_a, mut seen_b) = (0, 0);
    let mut scale = 1;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_save_loop", "--nocapture", "--test-threads=1"])
            .env("PEERBRIEF_SAVE_LOOP", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // On a busy machine a child may never get past its first save within the window: widen
        // it (up to 16 times) until kills land after both versions, so both are seen.
        if kill > 0 && kill % 20 == 0 && (seen_a == 0 || seen_b == 0) && scale < 16 {
            scale *= 2;
        }
        std::thread::sleep(Duration::from_millis((15 + random_ms()) * scale));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        match version_of(&path, &a, &b) {
            Ok('A') => seen_a += 1,
            Ok(_) => seen_b += 1,
            Err(e) => panic!("after kill {kill}: {e}"),
        }
        if let Err(e) = version_of(&backup_path(&path), &a, &b) {
            panic!("after kill {kill}: backup broken: {e}");
        }
    }
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp")));
    eprintln!(
        "{KILLS}/{KILLS} kills survived in {:.1} s: file held version A {seen_a} times, B {seen_b} times; {} temp files left by killed saves",
        started.elapsed().as_secs_f64(),
        leftovers.count()
    );
    // Both versions seen proves the child really was saving when it was killed.
    assert!(seen_a > 0 && seen_b > 0, "the child never completed a save (A {seen_a}, B {seen_b})");
}

//! Shared helpers for the PDF tests: run poppler/qpdf tools, write a layout as a PDF, read words
//! with their boxes.
#![allow(dead_code)]

pub mod tagged;

use std::fs;
use std::path::Path;
use std::process::Command;

use peerbrief::briefing::{Layout, write_pdf};

/// Runs a tool and returns its standard output; fails the test with its message otherwise.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| panic!("{name} not runnable: {e}"));
    assert!(out.status.success(), "{name} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Writes the layout as a PDF into `dir` and returns its path.
pub fn pdf(layout: &Layout, dir: &Path, name: &str) -> String {
    let bytes = write_pdf(layout).expect("PDF written");
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write PDF");
    path.display().to_string()
}

/// The PDF's text as pdftotext extracts it.
pub fn text(path: &str) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path, "-"])
}

/// Whitespace collapsed to single spaces, so line breaks do not matter when comparing.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF rewritten uncompressed (qpdf QDF mode), as text, for scanning raw streams.
pub fn raw_uncompressed(path: &str, dir: &Path) -> String {
    let qdf = dir.join("raw-qdf.pdf");
    tool("qpdf", &["--qdf", "--object-streams=disable", path, &qdf.display().to_string()]);
    String::from_utf8_lossy(&fs::read(&qdf).expect("qdf written")).into_owned()
}

/// Words from `pdftotext -bbox`: (xMin, yMin, xMax, yMax, word).
pub fn words(path: &str) -> Vec<(f32, f32, f32, f32, String)> {
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8", path, "-"]);
    let num = |line: &str, key: &str| -> f32 {
        let at = line.find(&format!("{key}=\"")).expect(key) + key.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let w = l.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("").to_owned();
            (num(l, "xMin"), num(l, "yMin"), num(l, "xMax"), num(l, "yMax"), w)
        })
        .collect()
}

/// Copies a folder with its subfolders (the sample pack's PDF papers are in `samples/papers`).
pub fn copy_folder(from: &Path, to: &Path) {
    for f in fs::read_dir(from).unwrap() {
        let f = f.unwrap().path();
        let target = to.join(f.file_name().unwrap());
        if f.is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_folder(&f, &target);
        } else {
            fs::copy(&f, &target).unwrap();
        }
    }
}

//! The briefing's opt-in charts (`peerbrief briefing --charts`) on the samples, read back with
//! pdftotext: theme names and every number, the text equivalent, the action plan by status; and
//! the Worcestershire briefing printed without `--charts` exactly as before.

mod pdf_support;

use std::path::Path;
use std::process::{Command, Output};

fn peerbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerbrief")).args(args).output().expect("run peerbrief")
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name).display().to_string()
}

fn briefing(name: &str, extra: &[&str], dir: &Path) -> String {
    let out = dir.join(format!("{name}-{}.pdf", extra.join("")));
    let (file, out_s) = (sample(name), out.display().to_string());
    let mut args = vec!["briefing", file.as_str(), "-o", out_s.as_str()];
    args.extend_from_slice(extra);
    let o = peerbrief(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    pdf_support::text(&out_s)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const CHART_TITLE: &str = "Strengths and areas for consideration by theme";

#[test]
fn ambleshire_with_charts_names_each_theme_and_writes_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&briefing("ambleshire-2024.peerreview", &["--charts"], dir.path()));
    for want in [
        CHART_TITLE,
        "Strengths Areas for consideration",
        "Leadership, governance and culture 2 (1 key) 1 (0 key)",
        "Quality of practice and the voice of the child 2 (1 key) 2 (1 key)",
        "Partnerships, resources and sufficiency 1 (1 key) 2 (2 key)",
        "Key strengths Other strengths",
        "Key areas for consideration Other areas for consideration",
        // The text equivalent gives the same numbers as a table.
        "Theme Strengths (key) Areas for consideration (key)",
        "Partnerships, resources and sufficiency 1 (1 key) 2 (2 key)",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
}

#[test]
fn afonwen_with_charts_and_the_action_plan_adds_the_status_bar_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&briefing("afonwen-2025-action-plan.peerreview", &["--charts", "--action-plan"], dir.path()));
    for want in [
        CHART_TITLE,
        "Vision, strategy and leadership",
        "Actions by status",
        "At risk (amber): 2 actions",
        "Complete: 1 action",
        "Actions by status: 8 actions in all: 1 off track (red), 2 at risk (amber), 2 on track (green), 2 not started and 1 complete.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    // Without the action plan there is no status chart.
    let text = squash(&briefing("afonwen-2025-action-plan.peerreview", &["--charts"], dir.path()));
    assert!(text.contains(CHART_TITLE) && !text.contains("Actions by status"), "{text}");
}

/// The numbered paragraphs' numbers ("12." runs), in order.
fn paragraph_numbers(charts: bool) -> Vec<u32> {
    let review = peerbrief::store::load_review(Path::new(&sample("worcestershire-2015.peerreview"))).unwrap().review;
    let options = peerbrief::briefing::BriefingOptions { charts, ..Default::default() };
    let layout = peerbrief::briefing::lay_out_briefing(&review, &options);
    layout.pages.iter().flat_map(|p| p.texts()).filter_map(|t| t.text.strip_suffix('.')?.parse().ok()).collect()
}

#[test]
fn worcestershire_without_charts_prints_as_before_and_with_them_loses_no_word() {
    let dir = tempfile::tempdir().unwrap();
    let plain = briefing("worcestershire-2015.peerreview", &[], dir.path());
    let default = {
        let review =
            peerbrief::store::load_review(Path::new(&sample("worcestershire-2015.peerreview"))).unwrap().review;
        let layout = peerbrief::briefing::lay_out_briefing(&review, &peerbrief::briefing::BriefingOptions::default());
        pdf_support::text(&pdf_support::pdf(&layout, dir.path(), "default"))
    };
    assert_eq!(plain, default, "no --charts: the default briefing, word for word");
    assert!(!plain.contains(CHART_TITLE) && !plain.contains("The chart below"));

    let charted = briefing("worcestershire-2015.peerreview", &["--charts"], dir.path());
    assert!(charted.contains(CHART_TITLE));
    // Every word of the plain briefing is still there, as often: the charts only add.
    let count = |t: &str| {
        let mut m = std::collections::HashMap::<String, usize>::new();
        for w in t.split_whitespace() {
            *m.entry(w.to_owned()).or_default() += 1;
        }
        m
    };
    let (before, after) = (count(&plain), count(&charted));
    for (w, n) in &before {
        if w.parse::<u32>().is_err() {
            assert!(after.get(w).copied().unwrap_or(0) >= *n, "{w:?} lost with --charts");
        }
    }
    // One more numbered paragraph (the chart's introduction), numbered on continuously.
    let (p, c) = (paragraph_numbers(false), paragraph_numbers(true));
    assert_eq!(c.len(), p.len() + 1, "{p:?} / {c:?}");
    assert!(c.windows(2).all(|w| w[1] == w[0] + 1), "{c:?}");
}

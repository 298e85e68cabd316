//! Frame time of the dashboard with a 1,000-finding review (CPU only: egui layout and
//! tessellation, no GPU), in both filter modes, and of the editor's findings page.

use criterion::{Criterion, criterion_group, criterion_main};
use peerbrief::app::{Editing, EditorPage, View, dashboard, editor};
use peerbrief::model::{Finding, FindingKind, Review};

fn big_review(findings: usize) -> Review {
    let mut review =
        Review { title: "Benchmark review".into(), council: "Anyshire County Council".into(), ..Review::default() };
    let themes: Vec<String> = review.themes.iter().map(|t| t.id.clone()).collect();
    for i in 0..findings {
        let kind = if i % 2 == 0 { FindingKind::Strength } else { FindingKind::AreaForConsideration };
        let text = format!(
            "Finding {i}: partners described a clear line of sight from the strategy to front-line practice, \
             with supervision that is regular and reflective in most teams visited."
        );
        review.findings.push(Finding::new(kind, &text, &themes[i % themes.len()], i % 20 == 0));
    }
    review
}

fn frame(ctx: &egui::Context, doc: &mut Editing) {
    let view = doc.view.current;
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            if view == View::Dashboard {
                let _ = dashboard::show(ui, doc);
            } else {
                let _ = editor::show(ui, doc);
            }
        });
    });
    // Include tessellation, as a real frame does.
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
}

fn bench(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut doc = Editing::new(big_review(1000), None, None);
    for (name, key_only) in [("dashboard_1000_findings_key_only", true), ("dashboard_1000_findings_all", false)] {
        doc.view.filter.key_only = key_only;
        frame(&ctx, &mut doc);
        c.bench_function(name, |b| b.iter(|| frame(&ctx, &mut doc)));
    }
    // The editor's findings page: the list of 1,000 findings and one finding's form.
    doc.view.current = View::Editor;
    doc.view.page = EditorPage::Findings;
    doc.view.selected_finding = Some(500);
    frame(&ctx, &mut doc);
    c.bench_function("editor_findings_page_1000_findings", |b| b.iter(|| frame(&ctx, &mut doc)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

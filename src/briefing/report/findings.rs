//! Findings: the key strengths and areas lists, the findings-by-theme table, and the action
//! plan appendix.

use super::Writer;
use crate::briefing::compose::{CONTENT_WIDTH, CellPara, Column, Row, Style};
use crate::briefing::page::MM;
use crate::model::{FindingKind, Review, paragraphs};

impl Writer<'_> {
    /// `charts`: the findings-by-theme chart follows the key findings.
    pub(super) fn findings(&mut self, review: &Review, charts: bool) {
        let has = !review.findings.is_empty()
            || !review.findings_summary.trim().is_empty()
            || !review.findings_intro.trim().is_empty();
        if !has {
            return;
        }
        self.start_section("Findings");
        self.c.place = "Findings".into();
        for p in paragraphs(&review.findings_intro) {
            self.numbered(&p);
        }
        for p in paragraphs(&review.findings_summary) {
            self.plain_styled(&p, Style::ITALIC, 3.0 * MM);
        }
        for p in paragraphs(&review.findings_note) {
            self.numbered(&p);
        }
        for kind in [FindingKind::Strength, FindingKind::AreaForConsideration] {
            let key: Vec<String> = review.findings_of(kind, true).map(|(_, f)| f.text.clone()).collect();
            if !key.is_empty() {
                self.c.place = kind.key_heading().to_owned();
                self.subheading_then_bullets(kind.key_heading(), &key);
            }
        }
        if review.findings.is_empty() {
            return;
        }
        if charts {
            self.theme_chart(review);
        }
        self.c.place = "Findings by theme".into();
        // A finding about several themes is listed under each of them, as the dashboard counts
        // it; the note says so (and is left out when no finding has more than one theme).
        let several_themes = review.findings.iter().any(|f| f.themes.iter().any(|t| *t != f.themes[0]));
        if several_themes {
            self.numbered(
                "The table below sets out all of the review’s findings by theme. A finding about more than one theme is listed under each.",
            );
        } else {
            self.numbered("The table below sets out all of the review’s findings by theme.");
        }
        self.c.gap(3.0 * MM);
        let half = CONTENT_WIDTH / 2.0;
        let columns = [
            Column { header: "Strengths".into(), width: half },
            Column { header: "Areas for consideration".into(), width: CONTENT_WIDTH - half },
        ];
        let mut rows = Vec::new();
        let mut ids: Vec<&str> = review.themes.iter().map(|t| t.id.as_str()).collect();
        for f in &review.findings {
            for t in &f.themes {
                if !ids.contains(&t.as_str()) {
                    ids.push(t);
                }
            }
        }
        let cell = |kind: FindingKind, id: Option<&str>| -> Vec<CellPara> {
            review
                .findings
                .iter()
                .filter(|f| f.kind == kind)
                .filter(|f| match id {
                    Some(id) => f.themes.iter().any(|t| t == id),
                    None => f.themes.is_empty(),
                })
                .map(|f| CellPara { text: f.text.clone(), bullet: true })
                .collect()
        };
        let mut push_theme = |label: &str, id: Option<&str>| {
            let s = cell(FindingKind::Strength, id);
            let a = cell(FindingKind::AreaForConsideration, id);
            if s.is_empty() && a.is_empty() {
                return;
            }
            rows.push(Row::Band(label.to_owned()));
            rows.push(Row::Cells(vec![s, a]));
        };
        for id in &ids {
            push_theme(review.theme_label(id), Some(id));
        }
        push_theme("No theme given", None);
        self.flush();
        self.c.table(&columns, &rows, "Findings by theme");
        self.c.gap(2.0 * MM);
    }

    /// `charts`: the actions by status as a stacked bar, above the table.
    pub(super) fn action_plan(&mut self, review: &Review, number: usize, charts: bool) {
        self.appendix_heading(&format!("Appendix {number}: Action plan"));
        if charts {
            self.status_chart(review);
        }
        let w = CONTENT_WIDTH;
        let columns = [
            Column { header: "Area for consideration".into(), width: w * 0.30 },
            Column { header: "Action".into(), width: w * 0.30 },
            Column { header: "Owner".into(), width: w * 0.16 },
            Column { header: "Due".into(), width: w * 0.12 },
            Column { header: "Status (RAG)".into(), width: w * 0.12 },
        ];
        let para = |t: &str| vec![CellPara { text: t.to_owned(), bullet: false }];
        let mut rows = Vec::new();
        for id in review.themes.iter().map(|t| Some(t.id.as_str())).chain([None]) {
            let entries: Vec<_> = review
                .findings_of(FindingKind::AreaForConsideration, false)
                .filter(|(_, f)| match id {
                    Some(id) => f.themes.iter().any(|t| t == id),
                    None => f.themes.first().is_none_or(|t| review.theme(t).is_none()),
                })
                .filter_map(|(_, f)| f.action.as_ref().map(|a| (f, a)))
                .collect();
            if entries.is_empty() {
                continue;
            }
            rows.push(Row::Band(id.map_or("Other", |id| review.theme_label(id)).to_owned()));
            for (f, a) in entries {
                let mut action = para(&a.action);
                if !a.progress.trim().is_empty() {
                    action.push(CellPara { text: format!("Progress: {}", a.progress), bullet: false });
                }
                rows.push(Row::Cells(vec![
                    para(&f.text),
                    action,
                    para(&a.owner),
                    para(&a.due.map_or_else(|| "Not set".to_owned(), |d| d.to_string())),
                    para(a.status.label()),
                ]));
            }
        }
        self.c.table(&columns, &rows, "Action plan");
    }
}

//! Findings: the key strengths and areas lists, the findings-by-theme table, and the action
//! plan appendix.

use super::Writer;
use crate::briefing::compose::{Block, CONTENT_WIDTH, CellPara, Column, MARGIN_LEFT, Row, Style, run};
use crate::briefing::page::MM;
use crate::model::{ActionPlan, FindingKind, Officer, Review};

impl Writer<'_> {
    /// All findings by theme in a two-column table (strengths, areas); nothing without findings.
    /// `charts`: the findings-by-theme chart comes first.
    pub(super) fn findings_table(&mut self, review: &Review, charts: bool) {
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

    /// The action plan appendix: each desired outcome, its success indicators, and a table of
    /// its actions with officer, due date, status in words and the latest progress note.
    /// `charts`: the actions by status as a stacked bar, above the outcomes.
    pub(super) fn action_plan(&mut self, plan: &ActionPlan, number: usize, charts: bool) {
        self.appendix_heading(&format!("Appendix {number}: Action plan"));
        if charts {
            self.status_chart(plan);
        }
        self.action_plan_table(plan);
    }

    /// Each desired outcome with its indicators and its actions' table, where a report's
    /// "action plan" data block sits (or in the appendix).
    pub(super) fn action_plan_table(&mut self, plan: &ActionPlan) {
        if plan.is_empty() {
            return;
        }
        self.flush();
        let title = "Action plan".to_owned();
        let w = CONTENT_WIDTH;
        let columns = || {
            [
                Column { header: "Action".into(), width: w * 0.32 },
                Column { header: "Officer".into(), width: w * 0.18 },
                Column { header: "Due".into(), width: w * 0.14 },
                Column { header: "Status".into(), width: w * 0.12 },
                Column { header: "Latest progress".into(), width: w * 0.24 },
            ]
        };
        let para = |t: &str| vec![CellPara { text: t.to_owned(), bullet: false }];
        for (o, outcome) in plan.outcomes.iter().enumerate() {
            self.c.place = title.clone();
            let heading = format!("Outcome {}: {}", o + 1, outcome.title.trim());
            let lines = self.c.wrap(&heading, Style::BOLD, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
            // Kept with the indicators' heading, or with the table's header and first row.
            let keep = lines.len() + 2;
            self.c.place(Block { lines, keep_first: keep, space_before: 4.0 * MM, ..Block::default() });
            let indicators: Vec<&str> =
                outcome.success_indicators.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
            if !indicators.is_empty() {
                let lines = self.c.wrap("Success indicators:", Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
                self.c.place(Block { keep_first: lines.len() + 1, lines, space_before: 2.0 * MM, ..Block::default() });
                for indicator in indicators {
                    let mut lines = self.c.wrap(indicator, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 6.0 * MM, 6.0 * MM);
                    if let Some(first) = lines.first_mut() {
                        let baseline = first.runs.first().map_or(0.0, |r| r.y);
                        first.runs.insert(0, run("•", Style::BODY, MARGIN_LEFT, baseline));
                    }
                    self.c.place(Block { lines, keep_first: 2, space_before: 1.0 * MM, ..Block::default() });
                }
            }
            if outcome.actions.is_empty() {
                continue;
            }
            self.c.gap(2.0 * MM);
            let rows: Vec<Row> = outcome
                .actions
                .iter()
                .enumerate()
                .map(|(a, action)| {
                    let latest = action.latest_note().map_or_else(String::new, |n| match n.date {
                        Some(d) => format!("{d}: {}", n.text.trim()),
                        None => n.text.trim().to_owned(),
                    });
                    Row::Cells(vec![
                        para(&format!("{}.{} {}", o + 1, a + 1, action.text.trim())),
                        officer(&action.officer),
                        para(&action.due.map_or_else(|| "Not set".to_owned(), |d| d.to_string())),
                        para(action.status.label()),
                        para(&latest),
                    ])
                })
                .collect();
            self.c.table(&columns(), &rows, "Action plan");
        }
        self.c.gap(2.0 * MM);
    }
}

/// The officer's name over their role, leaving out what is not given.
fn officer(o: &Officer) -> Vec<CellPara> {
    [o.name.trim(), o.role.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(|t| CellPara { text: t.to_owned(), bullet: false })
        .collect()
}

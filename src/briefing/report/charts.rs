//! The briefing's charts (opt-in, `BriefingOptions.charts`): findings by theme after the key
//! findings, and the action plan by status at the head of its appendix. Each chart is followed
//! by its text equivalent, so a reader who cannot see it (or prints in greyscale) loses nothing.

use super::Writer;
use crate::briefing::chart::{status_counts, status_figure, theme_counts, theme_figure};
use crate::briefing::compose::{Block, CONTENT_WIDTH, CellPara, Column, MARGIN_LEFT, Row, Style};
use crate::briefing::page::MM;
use crate::model::{ActionPlan, Review};

impl Writer<'_> {
    /// Strengths against areas for consideration per theme, then the same numbers as a table.
    /// Nothing when the review has no themes or no findings.
    pub(super) fn theme_chart(&mut self, review: &Review) {
        let counts = theme_counts(review);
        if counts.is_empty() || counts.iter().all(|t| t.strengths + t.areas == 0) {
            return;
        }
        self.c.place = "Findings chart".into();
        self.numbered(
            "The chart below shows, for each theme, how many strengths (left of the centre line) and areas for \
             consideration (right) the review found; the table after it gives the same numbers.",
        );
        self.flush();
        self.c.gap(3.0 * MM);
        let figure = theme_figure(self.c, &counts);
        self.c.place_figure(&figure);
        self.c.gap(1.0 * MM);
        let w = CONTENT_WIDTH;
        let columns = [
            Column { header: "Theme".into(), width: w * 0.46 },
            Column { header: "Strengths (key)".into(), width: w * 0.24 },
            Column { header: "Areas for consideration (key)".into(), width: w * 0.30 },
        ];
        let para = |t: String| vec![CellPara { text: t, bullet: false }];
        let rows: Vec<Row> = counts
            .iter()
            .map(|t| {
                Row::Cells(vec![
                    para(t.name.clone()),
                    para(format!("{} ({} key)", t.strengths, t.key_strengths)),
                    para(format!("{} ({} key)", t.areas, t.key_areas)),
                ])
            })
            .collect();
        self.c.table(&columns, &rows, "Findings chart");
        self.c.gap(2.0 * MM);
    }

    /// The action plan's actions by status as a labelled stacked bar, with a sentence giving the
    /// same counts. Nothing when there are no actions.
    pub(super) fn status_chart(&mut self, plan: &ActionPlan) {
        let counts = status_counts(plan.actions().map(|a| a.item.status));
        if counts.is_empty() {
            return;
        }
        self.c.place = "Action plan chart".into();
        let figure = status_figure("Actions by status", &counts);
        self.c.place_figure(&figure);
        // Full width, as the rest of the appendix.
        let lines = self.c.wrap(&figure.alt, Style::BODY, MARGIN_LEFT, CONTENT_WIDTH, 0.0, 0.0);
        self.c.place(Block { lines, keep_first: 2, space_before: 1.0 * MM, ..Block::default() });
        self.c.gap(3.0 * MM);
    }
}

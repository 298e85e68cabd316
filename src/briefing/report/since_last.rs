//! "Since the Last Review": the current findings against the previous review's, as a table
//! (recurring, new, not raised again), when the review names a previous one.

use super::Writer;
use crate::briefing::compose::{CONTENT_WIDTH, CellPara, Column, Row};
use crate::briefing::page::MM;
use crate::model::compare::{Status, compare};
use crate::model::{FindingKind, Review};

impl Writer<'_> {
    /// The section, from the previous review as loaded (or why it could not be).
    pub(super) fn since_last(&mut self, review: &Review, previous: &Result<Box<Review>, String>) {
        self.c.place = "Since the last review".into();
        let previous = match previous {
            Ok(p) => p,
            Err(reason) => {
                self.numbered(&format!("The previous review could not be compared with this one: {reason}."));
                return;
            }
        };
        let comparison = compare(previous, review);
        self.numbered(&format!(
            "The table below compares this review’s findings with those of the previous review ({}): each is \
             recurring (raised before in similar words under the same theme, or confirmed by officers) or new; \
             the previous review’s findings that were not raised again are listed last.",
            previous.title.trim()
        ));
        self.c.gap(3.0 * MM);
        let w = CONTENT_WIDTH;
        let columns = [
            Column { header: "This review".into(), width: w * 0.40 },
            Column { header: "Since the last review".into(), width: w * 0.18 },
            Column { header: "Previous review".into(), width: w * 0.42 },
        ];
        let para = |t: &str| CellPara { text: t.to_owned(), bullet: false };
        let mut rows = Vec::new();
        for (kind, band) in
            [(FindingKind::AreaForConsideration, "Areas for consideration"), (FindingKind::Strength, "Strengths")]
        {
            let k = comparison.of(kind);
            if k.current.is_empty() && k.not_raised_again.is_empty() {
                continue;
            }
            rows.push(Row::Band(band.to_owned()));
            for item in &k.current {
                let text = &review.findings[item.index].text;
                let (status, before) = match &item.status {
                    Status::Recurring { previous: p, shared, confirmed } => {
                        let mut cell = vec![para(&previous.findings[*p].text)];
                        let why = match (shared.is_empty(), confirmed) {
                            (false, true) => format!("Shared words: {} (confirmed)", shared.join(", ")),
                            (false, false) => format!("Shared words: {}", shared.join(", ")),
                            (true, _) => "Confirmed by officers".to_owned(),
                        };
                        cell.push(para(&why));
                        ("Recurring", cell)
                    }
                    Status::New => ("New", Vec::new()),
                };
                rows.push(Row::Cells(vec![vec![para(text)], vec![para(status)], before]));
            }
            for &p in &k.not_raised_again {
                rows.push(Row::Cells(vec![
                    Vec::new(),
                    vec![para("Not raised again")],
                    vec![para(&previous.findings[p].text)],
                ]));
            }
        }
        self.flush();
        self.c.table(&columns, &rows, "Since the last review");
        self.c.gap(2.0 * MM);
    }
}

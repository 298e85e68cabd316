//! Tables: rows split between lines across pages, the header repeated on every page, shaded
//! theme bands kept with the first lines of their row.

use super::text::{Line, Style, run};
use super::{BODY_BOTTOM, BODY_TOP, Composer, MARGIN_LEFT};
use crate::briefing::page::{Colour, Item, TextRun};
use crate::briefing::tags::{Artifact, Detail, ElemId, Numbering, Role, Tag};

const CELL_PAD: f32 = 4.0;

/// A table column: header text and width in points.
pub(crate) struct Column {
    pub(crate) header: String,
    pub(crate) width: f32,
}

/// A table row: a shaded band across all columns (a theme), or one cell per column.
pub(crate) enum Row {
    Band(String),
    Cells(Vec<Vec<CellPara>>),
}

/// A paragraph inside a cell, optionally bulleted.
pub(crate) struct CellPara {
    pub(crate) text: String,
    pub(crate) bullet: bool,
}

impl Composer {
    /// A table that splits between lines of a row, repeating its header on every page.
    pub(crate) fn table(&mut self, columns: &[Column], rows: &[Row], place: &str) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let x0 = MARGIN_LEFT;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let style = Style::BODY.sized(9.5);
        let lh = style.line_height();
        // Structure: Table → TR → TH (the header, tagged once; repeats are artifacts) and, per
        // row, TR → TD (a theme band: one TH spanning every column).
        let table = self.element(Role::Table);
        let header_row = self.element_in(table, Role::TR, Detail::None);
        let mut header_cells: Vec<Vec<Line>> = Vec::with_capacity(columns.len());
        for c in columns {
            let th = self.element_in(header_row, Role::TH, Detail::ColumnHeader { span: 1 });
            let mut lines = self.wrap(&c.header, Style::BOLD.sized(9.5), 0.0, c.width - 2.0 * CELL_PAD, 0.0, 0.0);
            for l in &mut lines {
                l.tag = Some(Tag::Elem(th));
            }
            header_cells.push(lines);
        }
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(1);
        let header_h = header_lines as f32 * lh + 2.0 * CELL_PAD;
        let mut header_on_page: Option<usize> = None;
        let saved_place = std::mem::replace(&mut self.place, place.to_owned());
        let mut row_index = 0;
        while row_index < rows.len() {
            // Lay out the row and, for a band, the first lines of the row it introduces.
            let tr = self.element_in(table, Role::TR, Detail::None);
            let (cells, band): (Vec<Vec<Line>>, bool) = match &rows[row_index] {
                Row::Band(text) => {
                    let span = u16::try_from(columns.len()).unwrap_or(u16::MAX);
                    let th = self.element_in(tr, Role::TH, Detail::ColumnHeader { span });
                    let mut lines = self.wrap(text, Style::BOLD.sized(9.5), 0.0, total - 2.0 * CELL_PAD, 0.0, 0.0);
                    for l in &mut lines {
                        l.tag = Some(Tag::Elem(th));
                    }
                    (vec![lines], true)
                }
                Row::Cells(cells) => {
                    let mut out = Vec::new();
                    for (col, paras) in columns.iter().zip(cells) {
                        let td = self.element_in(tr, Role::TD, Detail::None);
                        out.push(self.cell_lines(td, paras, col.width - 2.0 * CELL_PAD, style));
                    }
                    (out, false)
                }
            };
            let n = cells.iter().map(Vec::len).max().unwrap_or(1);
            let mut start = 0;
            while start < n {
                let need_header = header_on_page != Some(self.page_index());
                let head = if need_header { header_h } else { 0.0 };
                let room = BODY_BOTTOM - self.y - head - 2.0 * CELL_PAD;
                let fit = ((room + 0.01) / lh).floor().max(0.0) as usize;
                let remaining = n - start;
                // A band must come with two lines of the row after it.
                let band_extra = if band { 2.0 * lh + 2.0 * CELL_PAD } else { 0.0 };
                let mut take = remaining.min(fit);
                if take < remaining && remaining - take < 2 && remaining > 2 {
                    take = remaining - 2;
                }
                let too_small = take < remaining.min(2) || (band && room - (take as f32) * lh < band_extra);
                if too_small && !(self.at_top() || (need_header && self.y <= BODY_TOP + 0.5)) {
                    self.new_page();
                    continue;
                }
                let take = take.max(1);
                if need_header {
                    // The header is read once; on later pages it is a repeat for sighted readers.
                    let repeat = header_on_page.is_some().then_some(Tag::Artifact(Artifact::RepeatedHeader));
                    self.table_row(x0, columns, &header_cells, 0, header_lines, lh, Some(Colour::BAND), repeat);
                    header_on_page = Some(self.page_index());
                }
                if band {
                    let cols = [Column { header: String::new(), width: total }];
                    self.table_row(x0, &cols, &cells, start, take, lh, Some(Colour::SHADE), None);
                } else {
                    self.table_row(x0, columns, &cells, start, take, lh, None, None);
                }
                start += take;
                if start < n {
                    self.new_page();
                }
            }
            row_index += 1;
        }
        self.place = saved_place;
    }

    /// A cell's paragraphs as lines in `td`: bulleted ones as a list (L → LI → Lbl, LBody), the
    /// others as P.
    fn cell_lines(&mut self, td: ElemId, paras: &[CellPara], width: f32, style: Style) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut list: Option<ElemId> = None;
        for p in paras {
            if p.bullet {
                let l = *list.get_or_insert_with(|| self.element_in(td, Role::L, Detail::List(Numbering::Disc)));
                let li = self.element_in(l, Role::LI, Detail::None);
                let lbl = self.element_in(li, Role::Lbl, Detail::None);
                let body = self.element_in(li, Role::LBody, Detail::None);
                let mut ls = self.wrap(&p.text, style, 0.0, width, 9.0, 9.0);
                for l in &mut ls {
                    l.tag = Some(Tag::Elem(body));
                }
                if let Some(first) = ls.first_mut() {
                    first.with_marker(run("•", style, 0.0, style.baseline()), Some(Tag::Elem(lbl)));
                }
                lines.extend(ls);
            } else {
                list = None;
                let para = self.element_in(td, Role::P, Detail::None);
                let mut ls = self.wrap(&p.text, style, 0.0, width, 0.0, 0.0);
                for l in &mut ls {
                    l.tag = Some(Tag::Elem(para));
                }
                lines.extend(ls);
            }
        }
        if lines.is_empty() {
            lines.push(Line::space(style.line_height()));
        }
        lines
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        x0: f32,
        columns: &[Column],
        cells: &[Vec<Line>],
        start: usize,
        count: usize,
        lh: f32,
        fill: Option<Colour>,
        tag: Option<Tag>,
    ) {
        let top = self.y;
        let height = count as f32 * lh + 2.0 * CELL_PAD;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let layout = Some(Tag::Artifact(Artifact::Layout));
        if let Some(fill) = fill {
            self.push_tagged(Item::Rect { x: x0, y: top, width: total, height, fill }, layout);
        }
        let mut x = x0;
        for (col, lines) in columns.iter().zip(cells) {
            let mut y = top + CELL_PAD;
            for l in lines.iter().skip(start).take(count) {
                for (i, run) in l.runs.iter().enumerate() {
                    let item = Item::Text(TextRun { x: run.x + x + CELL_PAD, y: run.y + y, ..run.clone() });
                    self.push_tagged(item, tag.or(l.tag_of(i)));
                }
                y += lh;
            }
            x += col.width;
        }
        let rule = |x1, y1, x2, y2| Item::Rule { x1, y1, x2, y2, width: 0.5, colour: Colour::RULE };
        self.push_tagged(rule(x0, top, x0 + total, top), layout);
        self.push_tagged(rule(x0, top + height, x0 + total, top + height), layout);
        let mut x = x0;
        self.push_tagged(rule(x, top, x, top + height), layout);
        for col in columns {
            x += col.width;
            self.push_tagged(rule(x, top, x, top + height), layout);
        }
        self.y = top + height;
    }
}

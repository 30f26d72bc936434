//! Paragraphs and tables read from a .docx → the report, through the same
//! builder and line classification as the text importer: what a line *is*
//! (agency, Số, place and date, BÁO CÁO, heading, Nơi nhận, signature) is
//! decided once, in `import::classify`. What Word adds is used on top: a
//! centred paragraph goes on the trích yếu, table cells are lines of the
//! header or closing block, numbering labels come from `numbering.xml`, and
//! formatting and footnote markers come from the runs rather than markup.

use super::document::{trim_inlines, Cell, Item, Para, Tbl, VMerge};
use crate::classify::{
    is_authority_line, is_national_motto, is_recipients_label, list_item, numbering,
    place_date_line,
};
use crate::{split_inlines_at, Builder, State};
use baocao_model::{
    Block, CellSpan, Footnote, Heading, Inline, Origin, Report, Table, TableLayout,
};

/// Builds the report from the items of the body and the footnotes' content
/// (in the order of their markers).
pub fn assemble(items: Vec<Item>, notes: Vec<Vec<Inline>>) -> Report {
    assemble_from(Builder::new(1), items, notes)
}

/// The same, for pasted content: body only (header lines are body text),
/// block ids from `first_id`, as `import_fragment` reads pasted text.
pub fn assemble_fragment(items: Vec<Item>, notes: Vec<Vec<Inline>>, first_id: u32) -> Report {
    let mut b = Builder::new(first_id);
    b.state = State::Body;
    assemble_from(b, items, notes)
}

fn assemble_from(b: Builder, items: Vec<Item>, notes: Vec<Vec<Inline>>) -> Report {
    let mut a = Assembler { b, count: 0 };
    for item in items {
        match item {
            Item::Para(p) => a.paragraph(p, false),
            Item::Table(t) => a.table(t),
        }
    }
    let mut report = a.b.finish();
    report.footnotes = notes
        .into_iter()
        .enumerate()
        .map(|(i, content)| Footnote {
            id: baocao_model::FootnoteId(i as u32 + 1),
            content,
            origin: None,
        })
        .collect();
    report
}

struct Assembler {
    b: Builder,
    /// Paragraphs (and table cells' lines) so far: the "line" of an origin.
    count: u32,
}

/// Spaces, tabs and soft line breaks as single spaces, ends trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same for inline content, across runs.
pub(crate) fn squeeze_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    let mut space_before = true;
    for i in inlines {
        match i {
            Inline::Text(mut run) => {
                let mut t = String::with_capacity(run.text.len());
                for c in run.text.chars() {
                    if c.is_whitespace() {
                        if !space_before {
                            t.push(' ');
                        }
                        space_before = true;
                    } else {
                        t.push(c);
                        space_before = false;
                    }
                }
                if !t.is_empty() {
                    run.text = t;
                    out.push(Inline::Text(run));
                }
            }
            note => {
                space_before = false;
                out.push(note);
            }
        }
    }
    trim_inlines(&mut out);
    super::document::merge(out)
}

impl Assembler {
    fn next_line(&mut self) -> u32 {
        self.count += 1;
        self.count
    }

    /// One paragraph of the body or of a header/closing cell.
    fn paragraph(&mut self, p: Para, in_cell: bool) {
        let number = self.next_line();
        let text = squeeze(&p.text());
        // A numbered paragraph with nothing typed in it shows only its label:
        // it is an empty line, as for the text importer.
        if squeeze(&baocao_model::plain_text(&p.inlines)).is_empty() {
            if !self.b.report.title.summary.is_empty() {
                self.b.summary_open = false;
            }
            self.b.open_paragraph = false;
            return;
        }
        // An appendix's label, title and "(Kèm theo …)" line, each line of
        // a paragraph split by soft breaks on its own.
        // Spaces inside a line kept: the "(Kèm theo Báo cáo số      /BC-UBND
        // ngày     tháng …)" line leaves blanks for the number and date.
        let lines: Vec<String> = p
            .text()
            .split('\n')
            .map(|l| l.replace('\t', " ").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines
            .first()
            .is_some_and(|l| self.b.appendix_line(number, l))
        {
            self.b.open_paragraph = false;
            for l in &lines[1..] {
                if !self.b.appendix_line(number, l) {
                    self.b.body_line(number, l, l);
                }
            }
            return;
        }
        if self.b.state == State::Header {
            // The trích yếu goes on over centred lines (or the lines of its
            // cell); a paragraph set otherwise ends it.
            if self.b.summary_open && !p.centered && !in_cell {
                self.b.summary_open = false;
            }
            if self.header(number, &p, &text) {
                return;
            }
            self.b.state = State::Body;
        }
        // The first line, for a paragraph of lines split by soft breaks.
        let first = p
            .text()
            .split('\n')
            .map(squeeze)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        if self.b.state == State::Body && (is_recipients_label(&first) || is_authority_line(&first))
        {
            self.b.flush_table();
            self.b.state = State::Closing;
        }
        if self.b.state == State::Closing && self.closing(number, &p) {
            return;
        }
        self.body(number, p, &text);
    }

    /// A header line (soft line breaks split a cell's paragraph into lines).
    fn header(&mut self, number: u32, p: &Para, text: &str) -> bool {
        let lines: Vec<String> = p
            .text()
            .split('\n')
            .map(squeeze)
            .filter(|l| !l.is_empty())
            .collect();
        if text.starts_with("V/v ") || text.starts_with("V/v:") {
            // A công văn: no tên loại; its trích yếu is the "V/v …" line.
            self.b.report.title.kind = String::new();
            self.b.report.title.summary = text.to_string();
            self.b.report.source.summary = Some(number);
            self.b.summary_open = true;
            return true;
        }
        if text.starts_with("ngày ") {
            // A date with no place before it (a draft's blank "ngày … tháng
            // … năm …"): the classifier wants "Place, ngày …".
            if let Some((_, date)) = place_date_line(&format!(", {text}")) {
                self.b.report.header.date = date;
                self.b.report.source.place_date = Some(number);
                self.b.report.source.place_date_text = Some(text.to_string());
                return true;
            }
        }
        if lines.len() > 1 {
            return lines.iter().all(|l| self.b.header_line(number, l));
        }
        self.b.header_line(number, text)
    }

    /// A line of the closing block; false when it is body text after all.
    fn closing(&mut self, number: u32, p: &Para) -> bool {
        let lines: Vec<String> = p
            .text()
            .split('\n')
            .map(squeeze)
            .filter(|l| !l.is_empty())
            .collect();
        let signature = &self.b.report.signature;
        let belongs = |l: &str| {
            is_recipients_label(l)
                || (list_item(l).is_some() && signature.authority.is_empty())
                || is_authority_line(l)
                || (!signature.authority.is_empty() && signature.signer.is_empty())
        };
        // A signature block is often one paragraph with soft line breaks
        // ("KT. CHỦ TỊCH↵PHÓ CHỦ TỊCH↵↵Nguyễn Văn A"): its first line decides.
        if !lines.first().is_some_and(|l| belongs(l)) {
            return false;
        }
        for l in lines {
            self.b.closing_line(number, &l, &l);
        }
        true
    }

    /// A heading or a paragraph of the body.
    fn body(&mut self, number: u32, p: Para, text: &str) {
        self.b.flush_table();
        let label = p.label.clone().filter(|l| !l.is_empty());
        let mut inlines = squeeze_inlines(p.inlines);
        // An appendix has no parts or items: its numbered lines are its text.
        if let Some(n) = numbering(text).filter(|_| self.b.state != State::Appendix) {
            let mut title = if label.is_some() {
                inlines
            } else {
                split_inlines_at(inlines, n.len).1
            };
            trim_inlines(&mut title);
            let rest = crate::split_run_in_text(&mut title);
            for inline in &mut title {
                if let Inline::Text(run) = inline {
                    run.style.bold = false;
                    run.style.italic = false;
                }
            }
            let title = super::document::merge(title);
            self.b.open_heading(Heading {
                level: n.level,
                number: n.number,
                title,
                origin: Some(Origin::at(number)),
            });
            if let Some(rest) = rest {
                self.b.push_paragraph(number, rest);
            }
            self.b.open_paragraph = false;
            return;
        }
        if let Some(label) = label {
            inlines.insert(0, Inline::text(format!("{label} ")));
        }
        let inlines = super::document::merge(inlines);
        if inlines.is_empty() {
            return;
        }
        self.b.push_paragraph(number, inlines);
        self.b.open_paragraph = false;
    }

    fn table(&mut self, t: Tbl) {
        let cell_lines = |t: &Tbl| -> Vec<String> {
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .flat_map(|c| c.paras.iter())
                .flat_map(|p| {
                    p.text()
                        .split('\n')
                        .map(squeeze)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let lines = cell_lines(&t);
        let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let layout = match self.b.state {
            // Before the body: the two-column agency/Quốc hiệu table, a
            // boxed trích yếu, any table drawn without borders.
            State::Header => {
                !t.bordered
                    || (t.rows.len() == 1 && columns == 1)
                    || lines.iter().any(|l| is_national_motto(l))
            }
            // After it: the Nơi nhận / signature table.
            _ => {
                columns <= 3
                    && lines
                        .iter()
                        .any(|l| is_recipients_label(l) || is_authority_line(l))
            }
        };
        if layout {
            // Row by row, left to right: agency and Quốc hiệu, Số and date,
            // V/v; in the closing table Nơi nhận, then the signature.
            for r in &t.rows {
                for cell in &r.cells {
                    {
                        for p in cell.paras.clone() {
                            self.paragraph(p, true);
                        }
                        // A công văn's "V/v …" is one cell: what follows
                        // ("Kính gửi: …") is not part of it.
                        if self.b.report.title.kind.is_empty() {
                            self.b.summary_open = false;
                        }
                    }
                }
            }
            return;
        }
        if self.b.state == State::Header {
            self.b.state = State::Body;
        }
        let number = self.next_line();
        let table = detail_table(&t, self.b.fresh_id(), number);
        self.b.flush_table();
        self.b.open_paragraph = false;
        self.b.container().push(Block::Table(table));
        // Lines inside the table count as lines too.
        self.count += lines.len() as u32;
    }
}

/// A detail table on its grid: merged cells keep their text in the top-left
/// cell and are listed in `spans`; the cells they cover hold "".
pub fn detail_table(t: &Tbl, id: baocao_model::BlockId, line: u32) -> Table {
    let width = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span as usize).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(t.grid.len().min(64));
    let mut grid: Vec<Vec<String>> = Vec::with_capacity(t.rows.len());
    let mut spans: Vec<CellSpan> = Vec::new();
    // For each column, the span that a vertical merge continues.
    let mut open: Vec<Option<usize>> = vec![None; width];
    for (r, row) in t.rows.iter().enumerate() {
        let mut cells = vec![String::new(); width];
        let mut col = 0usize;
        for cell in &row.cells {
            if col >= width {
                break;
            }
            let span = (cell.span as usize).min(width - col);
            match cell.vmerge {
                VMerge::Continue => {
                    if let Some(i) = open[col] {
                        spans[i].rows += 1;
                    }
                }
                _ => {
                    cells[col] = cell_text(cell);
                    let starts_merge = cell.vmerge == VMerge::Restart;
                    if span > 1 || starts_merge {
                        spans.push(CellSpan {
                            row: r as u32,
                            col: col as u32,
                            cols: span as u32,
                            rows: 1,
                        });
                    }
                    let idx = starts_merge.then(|| spans.len() - 1);
                    for o in open.iter_mut().skip(col).take(span) {
                        *o = idx;
                    }
                }
            }
            col += span;
        }
        for o in open.iter_mut().skip(col) {
            *o = None;
        }
        grid.push(cells);
    }
    // A vertical merge that never went on is no merge.
    spans.retain(|s| s.cols > 1 || s.rows > 1);
    // Header rows: those marked to repeat, else the first row and the rows a
    // merge from the first row reaches down into.
    let marked = t.rows.iter().take_while(|r| r.header).count();
    let header_rows = if marked > 0 {
        marked
    } else {
        spans
            .iter()
            .filter(|s| s.row == 0)
            .map(|s| s.rows as usize)
            .max()
            .unwrap_or(1)
            .max(1)
    }
    .min(grid.len().max(1));
    let widths: Vec<u32> = if t.grid.len() == width && t.grid.iter().all(|w| *w > 0) {
        t.grid.clone()
    } else {
        Vec::new()
    };
    let mut rows = grid.into_iter();
    let columns = rows.next().unwrap_or_default();
    Table {
        id,
        title: String::new(),
        unit: String::new(),
        columns,
        rows: rows.collect(),
        layout: TableLayout {
            more_header_rows: header_rows.saturating_sub(1) as u32,
            spans,
            widths,
        },
        origin: Some(Origin::at(line)),
    }
}

/// A cell's text: its paragraphs and the line breaks inside them
/// (Shift+Enter) are lines of the cell, joined by `'\n'` as the model holds a
/// line break in a cell; empty lines are dropped.
fn cell_text(cell: &Cell) -> String {
    let lines: Vec<String> = cell
        .paras
        .iter()
        .flat_map(|p| p.text().split('\n').map(squeeze).collect::<Vec<_>>())
        .filter(|t| !t.is_empty())
        .collect();
    lines.join("\n")
}

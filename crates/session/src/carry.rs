//! Starting next month's report from this month's: the same header, parts,
//! body and Nơi nhận, moved on one month, with every figure carried over
//! marked as not yet updated ("stale") until the official edits or confirms it.
//!
//! A stale figure is kept by place and byte offset in the editing text of
//! its paragraph, heading, footnote or table cell (see [`super::edit`]).
//! Each edit moves the marks after the changed stretch and drops the marks it
//! touched, so a figure stays marked exactly as long as nobody changed it.

use baocao_model::numbers::{analyse, scan, word_before, NumToken, Role};
use baocao_model::{
    edit_text, Block, BlockId, DocDate, FigurePlace, Inline, Period, Place, Report, Section,
    StaleFigure, TextTarget,
};
use std::ops::Range;

/// Every figure in a text: a number as the checks scan it ("10.595",
/// "32,2"), with numbers joined by "/" read as one figure ("12/03/2025",
/// "202/470"). A list marker "(1)" is not a figure.
pub fn figure_spans(text: &str) -> Vec<Range<usize>> {
    let mut joined: Vec<Range<usize>> = Vec::new();
    for n in scan(text) {
        match joined.last_mut() {
            Some(last) if &text[last.end..n.span.start] == "/" => last.end = n.span.end,
            _ => joined.push(n.span),
        }
    }
    let bytes = text.as_bytes();
    joined
        .into_iter()
        .filter(|r| !(r.start > 0 && bytes[r.start - 1] == b'(' && bytes.get(r.end) == Some(&b')')))
        .collect()
}

/// The figure that starts exactly at `start` in `text`, if any.
fn figure_at(text: &str, start: usize) -> Option<&str> {
    if start > text.len() || !text.is_char_boundary(start) {
        return None;
    }
    // A figure starts after a non-digit; scan from there.
    if start > 0 && text.as_bytes()[start - 1].is_ascii_digit() {
        return None;
    }
    let rest = &text[start..];
    figure_spans(rest)
        .first()
        .filter(|r| r.start == 0)
        .map(|r| &rest[r.clone()])
}

/// The figures of a text that belong to the month reported: amounts, counts,
/// percentages and fractions, and the dates and months in that month or the
/// one before it ("tính đến hết ngày 12/03/2025", "tháng 3/2025"). Years
/// ("giai đoạn 2021-2030"), document numbers ("154/KH-UBND"), map scales,
/// codes and older dates stay the same from one month to the next: marking
/// them would bury the figures that do change. The roles of the numbers come
/// from the checks' analysis, the one place that tells a date from a fraction
/// from a ký hiệu. Without a reported month every date counts.
pub fn month_figures(text: &str, reported: Option<Period>) -> Vec<Range<usize>> {
    use {analyse, Role};
    let numbers = analyse(text);
    let in_month = |month: u32, year: Option<u32>| {
        let Some(p) = reported else { return true };
        [p, p.previous()]
            .iter()
            .any(|q| month == u32::from(q.month) && year.is_none_or(|y| y == u32::from(q.year)))
    };
    figure_spans(text)
        .into_iter()
        .filter(|span| {
            let inside = numbers
                .tokens
                .iter()
                .filter(|t| t.span.start >= span.start && t.span.end <= span.end);
            let mut dated = false;
            for t in inside {
                match t.role {
                    Role::Quantity if names_something(text, t) => {}
                    Role::Quantity => return true,
                    Role::Date | Role::MonthYear => dated = true,
                    Role::Year
                    | Role::Reference
                    | Role::Scale
                    | Role::Code
                    | Role::Name
                    | Role::Label => {}
                }
            }
            dated
                && numbers
                    .dates
                    .iter()
                    .find(|d| d.span.start <= span.start && span.end <= d.span.end)
                    .is_none_or(|d| in_month(d.month, d.year))
        })
        .collect()
}

/// Words after which a number names a thing rather than counts it: "số 4",
/// "Khối 6", "lớp 8", "Ngã 6", "đợt 1", "Quý II".
const LABELS: [&str; 12] = [
    "số", "khối", "lớp", "ngã", "đợt", "quý", "khóa", "khoá", "tổ", "đội", "tuyến", "phòng",
];

/// Whether a number the checks count as a quantity is rather part of a name
/// or a year: "Khối 6", "Chi Lăng 2" (a small number after a capitalised
/// word, counting nothing), "Tết Nguyên đán 2025" (four digits that can only
/// be a year). Such numbers do not change with the month.
fn names_something(text: &str, t: &NumToken) -> bool {
    use word_before;
    let digits_only = t.raw.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || t.percent_end.is_some() {
        return false;
    }
    let before = word_before(text, t.span.start);
    let lower = before.to_lowercase();
    let counts_nothing = t.unit.is_empty();
    let year = t.raw.len() == 4
        && counts_nothing
        && t.raw
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let label = LABELS.contains(&lower.as_str());
    let in_name =
        counts_nothing && t.raw.len() <= 2 && before.chars().next().is_some_and(char::is_uppercase);
    year || label || in_name
}

/// The month's figures of inline content (see [`month_figures`]), in
/// editing-text offsets. Raised text (m², a footnote-style number) is not a
/// figure.
pub fn inline_figures(inlines: &[Inline], reported: Option<Period>) -> Vec<(usize, String)> {
    let mut text = edit_text(inlines);
    // Blank out raised runs in place, so offsets stay those of the editing text.
    let mut pos = 0;
    let mut raised = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(run) => {
                if run.style.sup {
                    raised.push(pos..pos + run.text.len());
                }
                pos += run.text.len();
            }
            Inline::Note(_) => pos += baocao_model::NOTE_CHAR.len_utf8(),
        }
    }
    for r in raised {
        text.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    month_figures(&text, reported)
        .into_iter()
        .map(|r| (r.start, text[r].to_string()))
        .collect()
}

/// The changed stretch between two texts: the length of their common start
/// and of their common end (not overlapping).
fn changed_stretch(old: &str, new: &str) -> (usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// The marks on figures carried over from last month: set, moved with the
/// text, dropped when the figure is edited or confirmed. A trait only because
/// the model's type lives in `baocao-model`.
pub trait StaleMarks {
    /// Marks the month's figures (see [`month_figures`]) of the body, its
    /// tables and footnotes as carried over and not yet updated (replacing
    /// any earlier marks); `reported` is the month they were written for.
    fn mark_all_figures_stale(&mut self, reported: Option<Period>);

    /// The carried-over figures still waiting at a place, in text order.
    fn stale_at(&self, place: FigurePlace) -> Vec<&StaleFigure>;

    /// The text at a place changed from `old` to `new`: marks before the
    /// change stay, marks after it move with the text, marks the change
    /// touched are dropped (the official has updated that figure).
    fn figure_text_changed(&mut self, place: FigurePlace, old: &str, new: &str);

    /// The official confirms that the figures at a place are still right.
    fn confirm_figures(&mut self, place: FigurePlace);

    /// The official confirms one figure, the one starting at byte `start`
    /// of the place's editing text; the others stay marked. False when no
    /// marked figure starts there.
    fn confirm_figure(&mut self, place: FigurePlace, start: usize) -> bool;

    /// Confirms the figures of a block: a paragraph, or every cell of a table.
    fn confirm_block_figures(&mut self, block: BlockId);

    /// Moves the marks of `from` at or after byte `cut` to `to`, at offsets
    /// counted from `cut` (a paragraph split in two).
    fn move_figures_after(&mut self, from: FigurePlace, cut: usize, to: FigurePlace);

    /// Moves every mark of `from` to `into`, `by` bytes further on (a
    /// paragraph joined to the end of another).
    fn shift_figures_into(&mut self, into: FigurePlace, from: FigurePlace, by: usize);

    /// Drops the marks of removed blocks and sections.
    fn forget_places(&mut self, ids: &[BlockId]);

    /// Sets a table cell (row 0 is the header row) to what the official typed.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn set_cell(&mut self, table: BlockId, row: usize, col: usize, text: String) -> bool;
}

impl StaleMarks for Report {
    fn mark_all_figures_stale(&mut self, reported: Option<Period>) {
        let mut marks = Vec::new();
        let mut text = |place: FigurePlace, inlines: &[Inline]| {
            for (start, text) in inline_figures(inlines, reported) {
                marks.push(StaleFigure { place, start, text });
            }
        };
        let mut cells = Vec::new();
        let mut visit_blocks = |blocks: &[Block], text: &mut dyn FnMut(FigurePlace, &[Inline])| {
            for b in blocks {
                match b {
                    Block::Paragraph(p) => {
                        text(TextTarget::Paragraph(p.id).into(), &p.inlines);
                    }
                    Block::Table(t) => {
                        let rows = std::iter::once(&t.columns).chain(&t.rows);
                        for (r, row) in rows.enumerate() {
                            for (c, cell) in row.iter().enumerate() {
                                for span in month_figures(cell, reported) {
                                    cells.push(StaleFigure {
                                        place: FigurePlace::Cell {
                                            table: t.id,
                                            row: r as u32,
                                            col: c as u32,
                                        },
                                        start: span.start,
                                        text: cell[span].to_string(),
                                    });
                                }
                            }
                        }
                    }
                }
            }
        };
        visit_blocks(&self.body.intro, &mut text);
        for s in self.body.sections_flat() {
            visit_blocks(&s.blocks, &mut text);
        }
        for a in &self.body.appendices {
            visit_blocks(&a.blocks, &mut text);
        }
        for f in &self.footnotes {
            text(TextTarget::Footnote(f.id).into(), &f.content);
        }
        marks.extend(cells);
        self.stale = marks;
    }

    fn stale_at(&self, place: FigurePlace) -> Vec<&StaleFigure> {
        let mut v: Vec<&StaleFigure> = self.stale.iter().filter(|s| s.place == place).collect();
        v.sort_by_key(|s| s.start);
        v
    }

    fn figure_text_changed(&mut self, place: FigurePlace, old: &str, new: &str) {
        if !self.stale.iter().any(|s| s.place == place) {
            return;
        }
        let (prefix, suffix) = changed_stretch(old, new);
        let old_changed_end = old.len() - suffix;
        let grow = new.len() as isize - old.len() as isize;
        self.stale.retain_mut(|s| {
            if s.place != place {
                return true;
            }
            let span = s.span();
            let start = if span.end <= prefix {
                span.start
            } else if span.start >= old_changed_end {
                (span.start as isize + grow) as usize
            } else {
                return false;
            };
            // Digits typed right against the figure make it another number.
            if figure_at(new, start) != Some(s.text.as_str()) {
                return false;
            }
            s.start = start;
            true
        });
    }

    fn confirm_figures(&mut self, place: FigurePlace) {
        self.stale.retain(|s| s.place != place);
    }

    fn confirm_figure(&mut self, place: FigurePlace, start: usize) -> bool {
        let before = self.stale.len();
        self.stale
            .retain(|s| !(s.place == place && s.start == start));
        self.stale.len() < before
    }

    fn confirm_block_figures(&mut self, block: BlockId) {
        self.stale.retain(|s| match s.place {
            FigurePlace::Text(TextTarget::Paragraph(id)) => id != block,
            FigurePlace::Cell { table, .. } => table != block,
            _ => true,
        });
    }

    fn move_figures_after(&mut self, from: FigurePlace, cut: usize, to: FigurePlace) {
        for s in &mut self.stale {
            if s.place == from && s.start >= cut {
                s.place = to;
                s.start -= cut;
            }
        }
        self.stale
            .retain(|s| !(s.place == from && s.span().end > cut));
    }

    fn shift_figures_into(&mut self, into: FigurePlace, from: FigurePlace, by: usize) {
        for s in &mut self.stale {
            if s.place == from {
                s.place = into;
                s.start += by;
            }
        }
    }

    fn forget_places(&mut self, ids: &[BlockId]) {
        self.stale.retain(|s| match s.place {
            FigurePlace::Text(TextTarget::Paragraph(id) | TextTarget::Heading(id)) => {
                !ids.contains(&id)
            }
            FigurePlace::Cell { table, .. } => !ids.contains(&table),
            FigurePlace::Text(TextTarget::Footnote(_)) => true,
        });
    }

    fn set_cell(&mut self, table: BlockId, row: usize, col: usize, text: String) -> bool {
        let Some(Block::Table(t)) = self.body.block_mut(table) else {
            return false;
        };
        let cell = if row == 0 {
            t.columns.get_mut(col)
        } else {
            t.rows.get_mut(row - 1).and_then(|r| r.get_mut(col))
        };
        let Some(cell) = cell else {
            return false;
        };
        let old = std::mem::replace(cell, text.clone());
        let place = FigurePlace::Cell {
            table,
            row: row as u32,
            col: col as u32,
        };
        self.figure_text_changed(place, &old, &text);
        true
    }
}

/// Which top-level part holds the tasks for the coming month: the part
/// whose title speaks of "nhiệm vụ" (the seeds' part III), else the last
/// part when there are several.
pub fn tasks_part(report: &Report) -> Option<usize> {
    let parts = &report.body.sections;
    parts
        .iter()
        .rposition(|s| {
            baocao_model::plain_text(&s.heading.title)
                .to_lowercase()
                .contains("nhiệm vụ")
        })
        .or_else(|| (parts.len() > 1).then(|| parts.len() - 1))
}

/// Rewrites every "tháng M/YYYY" (or "tháng M năm YYYY") of a text as the
/// month after, keeping how it was written ("THÁNG", "/" or "năm").
pub fn advance_periods(text: &str) -> String {
    let found = Period::find_all(text);
    let mut out = text.to_string();
    for (period, range) in found.into_iter().rev() {
        let original = &text[range.clone()];
        let word_len = "tháng".len();
        let word = &original[..word_len.min(original.len())];
        let next = period.next();
        let upper = word.chars().any(|c| c.is_uppercase()) && word == word.to_uppercase();
        let replacement = if original.contains('/') {
            format!("{word} {}/{}", next.month, next.year)
        } else if upper {
            format!("{word} {} NĂM {}", next.month, next.year)
        } else {
            format!("{word} {} năm {}", next.month, next.year)
        };
        out.replace_range(range, &replacement);
    }
    out
}

fn advance_inline_periods(inlines: &mut [Inline]) {
    for i in inlines {
        if let Inline::Text(run) = i {
            run.text = advance_periods(&run.text);
        }
    }
}

/// Next month's report, made from this month's.
#[derive(Clone, Debug, PartialEq)]
pub struct NextMonth {
    pub report: Report,
    /// The month the new report covers.
    pub period: Period,
    /// This month's tasks part (what was set for the new month), to show
    /// beside the editor while the official writes what was done.
    pub previous_tasks: Option<Section>,
}

/// Makes next month's report from this one: the same header, parts, body,
/// footnotes and Nơi nhận; the trích yếu and the tasks part moved on one
/// month (tasks for M+2); the date left for the new month with the day and
/// number blank; every figure marked as not yet updated. `fallback` is the
/// month to assume when the report names none.
pub fn next_month(report: &Report, fallback: Period) -> NextMonth {
    let current = report.period().unwrap_or(fallback);
    let period = current.next();
    let mut next = report.clone();
    next.source = Default::default();
    next.schema_version = baocao_model::SCHEMA_VERSION;
    next.header.number = String::new();
    next.header.date = DocDate {
        day: None,
        month: Some(period.month),
        year: Some(period.year),
    };
    next.title.summary = if report.period().is_some() {
        advance_periods(&report.title.summary)
    } else {
        super::template::summary_for(period)
    };
    let tasks = tasks_part(report);
    let previous_tasks = tasks.map(|i| report.body.sections[i].clone());
    if let Some(i) = tasks {
        let part = &mut next.body.sections[i];
        advance_inline_periods(&mut part.heading.title);
    }
    next.mark_all_figures_stale(Some(current));
    NextMonth {
        report: next,
        period,
        previous_tasks,
    }
}

/// The editing text of a place (a cell's text, or inline content's), if it exists.
pub fn place_text(report: &Report, place: FigurePlace) -> Option<String> {
    match place {
        FigurePlace::Text(t) => report.inlines(t).map(|i| edit_text(i)),
        FigurePlace::Cell { table, row, col } => match report.body.block(table)? {
            Block::Table(t) => {
                let (row, col) = (row as usize, col as usize);
                if row == 0 {
                    t.columns.get(col).cloned()
                } else {
                    t.rows.get(row - 1)?.get(col).cloned()
                }
            }
            Block::Paragraph(_) => None,
        },
    }
}

#[cfg(test)]
mod tests;

pub mod walk;

/// "Xác nhận" on a finding about carried-over figures: the official says the
/// figures at `place` are right as they are. A table's place confirms all its
/// cells. Returns the figure place confirmed, None when the place holds no
/// text that carries figures (or is gone).
pub fn confirm_place(report: &mut Report, place: &Place) -> Option<FigurePlace> {
    let figures = match place {
        Place::Footnote(id) => FigurePlace::Text(TextTarget::Footnote(*id)),
        Place::Heading { section, .. } => FigurePlace::Text(TextTarget::Heading(*section)),
        Place::Paragraph { block, .. } => FigurePlace::Text(TextTarget::Paragraph(*block)),
        Place::Table { table, .. } | Place::Cell { table, .. } => {
            report.body.block(*table)?;
            report.confirm_block_figures(*table);
            return Some(FigurePlace::Cell {
                table: *table,
                row: 0,
                col: 0,
            });
        }
        _ => return None,
    };
    report.confirm_figures(figures);
    Some(figures)
}

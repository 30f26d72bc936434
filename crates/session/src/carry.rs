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
    edit_text, marks, Block, BlockId, DocDate, FigurePlace, Inline, MovedMark, Period, Place,
    Report, ReportPeriod, Section, StaleFigure, TextTarget,
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
/// percentages and fractions, and the date the figures are counted up to
/// when it falls in that month or the one before it ("tính đến hết ngày
/// 12/03/2025"; not the dates of events or anniversaries, see `shapes`). Years
/// ("giai đoạn 2021-2030"), document numbers ("154/KH-UBND"), map scales,
/// codes and older dates stay the same from one month to the next: marking
/// them would bury the figures that do change. The roles of the numbers come
/// from the checks' analysis, the one place that tells a date from a fraction
/// from a ký hiệu. Without a reported month every date counts.
pub fn month_figures(text: &str, reported: Option<Period>) -> Vec<Range<usize>> {
    period_figures(text, reported.map(ReportPeriod::month))
}

/// [`month_figures`] for a period of any kind: dates count when they fall in
/// one of its months or the month before it. A date cited with a document
/// ("Kế hoạch 81/KH-UBND ngày 28/02/2025") is the document's, not a figure
/// of the period.
pub fn period_figures(text: &str, reported: Option<ReportPeriod>) -> Vec<Range<usize>> {
    use {analyse, Role};
    let numbers = analyse(text);
    let in_period = |month: u32, year: Option<u32>| {
        let Some(p) = reported else { return true };
        let first = Period::new(*p.months().start(), p.year);
        let before = first.map(Period::previous);
        let in_months =
            p.months().contains(&(month as u8)) && year.is_none_or(|y| y == u32::from(p.year));
        let in_before = before.is_some_and(|q| {
            month == u32::from(q.month) && year.is_none_or(|y| y == u32::from(q.year))
        });
        in_months || in_before
    };
    let cited = |start: usize| {
        numbers.tokens.iter().any(|t| {
            if t.role != Role::Reference || t.span.end > start {
                return false;
            }
            // "81/KH-UBND ngày", "438/ĐA-UBND, ngày ngày" (a typo kept as written).
            let mut between = text[t.span.end..start]
                .trim_start_matches(|c: char| c.is_alphanumeric() || c == '/' || c == '-')
                .trim()
                .trim_start_matches(',')
                .trim();
            let mut days = 0;
            while let Some(rest) = between.strip_prefix("ngày") {
                between = rest.trim();
                days += 1;
            }
            days > 0 && between.is_empty()
        })
    };
    figure_spans(text)
        .into_iter()
        .filter(|span| {
            if shapes::day_and_month(text, span, &numbers) {
                return false;
            }
            let inside = numbers
                .tokens
                .iter()
                .filter(|t| t.span.start >= span.start && t.span.end <= span.end);
            let mut dated = false;
            for t in inside {
                match t.role {
                    Role::Quantity
                        if names_something(text, t) || shapes::not_a_quantity(text, t) => {}
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
            // "trong tháng 3": the period's name, moved on with it, not a figure.
            let month_name = !text[span.clone()].contains('/')
                && baocao_model::case::lower(word_before(text, span.start)) == "tháng";
            dated
                && !month_name
                && !cited(span.start)
                && shapes::cut_off(text, span.start, &numbers, in_period)
                && numbers
                    .dates
                    .iter()
                    .find(|d| d.span.start <= span.start && span.end <= d.span.end)
                    .is_none_or(|d| in_period(d.month, d.year))
        })
        .collect()
}

/// Words after which a number names a thing rather than counts it: "số 4",
/// "Khối 6", "lớp 8", "Ngã 6", "đợt 1", "Quý II", "kỷ niệm 95 năm" (an
/// anniversary, not a count of the month), "tháng 4" (a month's name).
const LABELS: [&str; 14] = [
    "số", "khối", "lớp", "ngã", "đợt", "quý", "khóa", "khoá", "tổ", "đội", "tuyến", "phòng",
    "niệm", "tháng",
];

/// Second words of a programme's or scheme's name, which take a number
/// when the word before them is capitalised: "Chương trình 135", "Đề án 06"
/// (but "đã trình 05 hồ sơ" counts).
const NAME_TAILS: [&str; 2] = ["trình", "án"];

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
    let lower = baocao_model::case::lower(before);
    let counts_nothing = t.unit.is_empty();
    let year = t.raw.len() == 4
        && counts_nothing
        && t.raw
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let label = LABELS.contains(&lower.as_str());
    let named = counts_nothing && NAME_TAILS.contains(&lower.as_str()) && {
        let head_end = text[..t.span.start].trim_end_matches(' ').len() - before.len();
        word_before(text, head_end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let in_name =
        counts_nothing && t.raw.len() <= 2 && before.chars().next().is_some_and(char::is_uppercase);
    year || label || named || in_name
}

/// The month's figures of inline content (see [`month_figures`]), in
/// editing-text offsets. Raised text (m², a footnote-style number) is not a
/// figure.
pub fn inline_figures(inlines: &[Inline], reported: Option<Period>) -> Vec<(usize, String)> {
    inline_period_figures(inlines, reported.map(ReportPeriod::month))
}

/// [`inline_figures`] for a period of any kind.
pub fn inline_period_figures(
    inlines: &[Inline],
    reported: Option<ReportPeriod>,
) -> Vec<(usize, String)> {
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
    period_figures(&text, reported)
        .into_iter()
        .map(|r| (r.start, text[r].to_string()))
        .collect()
}

/// The marks on figures carried over from last month: set, moved with the
/// text, dropped when the figure is edited or confirmed. The methods that
/// follow an edit (a text changed, split, joined, blocks removed) keep the
/// moved mentions of the period (`Report::moved`) in step too, through the
/// same functions of [`baocao_model::marks`]. A trait only because the
/// model's type lives in `baocao-model`.
pub trait StaleMarks {
    /// Marks the month's figures (see [`month_figures`]) of the body, its
    /// tables and footnotes as carried over and not yet updated (replacing
    /// any earlier marks); `reported` is the month they were written for.
    fn mark_all_figures_stale(&mut self, reported: Option<Period>) {
        self.mark_period_figures_stale(reported.map(ReportPeriod::month));
    }

    /// [`StaleMarks::mark_all_figures_stale`] for a period of any kind.
    fn mark_period_figures_stale(&mut self, reported: Option<ReportPeriod>);

    /// The carried-over figures still waiting at a place, in text order.
    fn stale_at(&self, place: FigurePlace) -> Vec<&StaleFigure>;

    /// The text at a place changed from `old` to `new`: marks before the
    /// change stay, marks after it move with the text, marks the change
    /// touched are dropped (the official has updated that figure, or
    /// rewritten that mention of the period).
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
    /// counted from `cut` (a paragraph split in two); stale figures and
    /// moved mentions alike.
    fn move_figures_after(&mut self, from: FigurePlace, cut: usize, to: FigurePlace);

    /// Moves every mark of `from` to `into`, `by` bytes further on (a
    /// paragraph joined to the end of another).
    fn shift_figures_into(&mut self, into: FigurePlace, from: FigurePlace, by: usize);

    /// Drops the marks (stale figures and moved mentions) of removed blocks
    /// and sections.
    fn forget_places(&mut self, ids: &[BlockId]);

    /// Sets a table cell (row 0 is the header row) to what the official typed.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn set_cell(&mut self, table: BlockId, row: usize, col: usize, text: String) -> bool;
}

impl StaleMarks for Report {
    fn mark_period_figures_stale(&mut self, reported: Option<ReportPeriod>) {
        let mut marks = Vec::new();
        let mut text = |place: FigurePlace, inlines: &[Inline]| {
            for (start, text) in inline_period_figures(inlines, reported) {
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
                        for (r, c, cell) in shapes::figure_cells(t) {
                            for span in period_figures(cell, reported) {
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
        // The model's shared stable sort: no sort compiled for this type alone.
        baocao_model::order::sort_stable_by_key(&mut v, |s| s.start);
        v
    }

    fn figure_text_changed(&mut self, place: FigurePlace, old: &str, new: &str) {
        // Digits typed right against a figure make it another number.
        marks::text_changed(&mut self.stale, place, old, new, |s, new, start| {
            figure_at(new, start) == Some(s.text.as_str())
        });
        marks::text_changed(&mut self.moved, place, old, new, MovedMark::holds);
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
        marks::forget_block(&mut self.stale, block);
    }

    fn move_figures_after(&mut self, from: FigurePlace, cut: usize, to: FigurePlace) {
        marks::move_after(&mut self.stale, from, cut, to);
        marks::move_after(&mut self.moved, from, cut, to);
    }

    fn shift_figures_into(&mut self, into: FigurePlace, from: FigurePlace, by: usize) {
        marks::shift_into(&mut self.stale, into, from, by);
        marks::shift_into(&mut self.moved, into, from, by);
    }

    fn forget_places(&mut self, ids: &[BlockId]) {
        marks::forget_blocks(&mut self.stale, ids);
        marks::forget_blocks(&mut self.moved, ids);
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
            baocao_model::case::lower(&baocao_model::plain_text(&s.heading.title))
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
        let replacement = month_written_like(&text[range.clone()], period.next());
        out.replace_range(range, &replacement);
    }
    out
}

/// A month written as `original` was: "THÁNG" or "tháng", "/" or "năm",
/// the month zero-padded or not.
fn month_written_like(original: &str, next: Period) -> String {
    let word_len = "tháng".len();
    let word = &original[..word_len.min(original.len())];
    let upper = word.chars().any(|c| c.is_uppercase()) && word == baocao_model::case::upper(word);
    let padded = original[word_len.min(original.len())..]
        .trim_start()
        .starts_with('0');
    let month = if padded {
        format!("{:02}", next.month)
    } else {
        next.month.to_string()
    };
    if original.contains('/') {
        format!("{word} {month}/{}", next.year)
    } else if upper {
        format!("{word} {month} NĂM {}", next.year)
    } else {
        format!("{word} {month} năm {}", next.year)
    }
}

/// A period written in the case `original` was: all capitals, a capital
/// first letter, or lower case.
fn period_written_like(original: &str, next: ReportPeriod) -> String {
    if let (Some(m), true) = (
        next.as_month(),
        baocao_model::case::lower(original).starts_with("tháng"),
    ) {
        return month_written_like(original, m);
    }
    let mut text = next.to_string();
    // "quý I/2026" keeps its slash.
    if original.contains('/') && text.starts_with("quý ") {
        text = text.replacen(" năm ", "/", 1);
    }
    let letters: String = original.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters == baocao_model::case::upper(&letters) {
        baocao_model::case::upper(&text)
    } else if original.chars().next().is_some_and(char::is_uppercase) {
        let mut c = text.chars();
        c.next()
            .map(|f| baocao_model::case::upper_char(f).to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        text
    }
}

/// A mention of the period moved on: what it said and what it says now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedMention {
    pub from: String,
    pub to: String,
}

/// Whether the words before `start` make the period there part of a date
/// ("ngày 05 tháng 11 năm 2025") or of a cited document's title ("Kế hoạch
/// số 12/KH-UBND ngày 05/11/2025 về … tháng 11/2025"): such mentions stay.
fn cited_or_dated(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    // "ngày 05 tháng 11": the day of a date.
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let before = baocao_model::case::lower(head[..head.len() - digits].trim_end());
        if before.ends_with("ngày") {
            return true;
        }
    }
    // A document number earlier in the same clause.
    let clause_start = head
        .rfind([';', '\n', '('])
        .map_or(0, |i| i + 1)
        .max(head.rfind(". ").map_or(0, |i| i + 2));
    analyse(&text[clause_start..start])
        .tokens
        .iter()
        .any(|t| t.role == Role::Reference)
}

/// Moves the mentions of the reported period and of the one after it (whose
/// tasks the report set) on by one period, in a text: "tháng 11/2025" →
/// "tháng 12/2025", "quý I năm 2026" → "quý II năm 2026", "11 tháng đầu năm"
/// → "cả năm", "quý I" → "quý II" where the period is a quarter, "trong tháng
/// 3" → "trong tháng 4" where it is a month. Other periods (past ones, plan
/// years), dates and citations of documents stay as written.
pub fn advance_mentions(text: &str, current: ReportPeriod) -> (String, Vec<MovedMention>) {
    let (out, moved) = advance_mentions_at(text, current);
    (out, moved.into_iter().map(|(_, m)| m).collect())
}

/// [`advance_mentions`], with the byte offset where each moved mention
/// stands in the new text.
pub fn advance_mentions_at(
    text: &str,
    current: ReportPeriod,
) -> (String, Vec<(usize, MovedMention)>) {
    let targets = [current, current.next()];
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let push = |edits: &mut Vec<(Range<usize>, String)>, r: Range<usize>, to: String| {
        if !edits
            .iter()
            .any(|(e, _)| e.start < r.end && r.start < e.end)
        {
            edits.push((r, to));
        }
    };
    for (p, r) in ReportPeriod::find_all(text) {
        if targets.contains(&p) && !cited_or_dated(text, r.start) {
            let to = period_written_like(&text[r.clone()], p.next());
            push(&mut edits, r, to);
        }
    }
    let lower_same_len = baocao_model::case::lower(text).len() == text.len();
    let hay = if lower_same_len {
        baocao_model::case::lower(text)
    } else {
        text.to_string()
    };
    match current.span {
        baocao_model::Span::Month(m) if m < 12 => {
            // "trong tháng 3" without a year: the month reported.
            for (at, _) in hay.match_indices("tháng ") {
                let num_at = at + "tháng ".len();
                let digits = text[num_at..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                if digits == 0 || digits > 2 {
                    continue;
                }
                let after = &text[num_at + digits..];
                if after.starts_with(['/', '-', '.'])
                    || baocao_model::case::lower(after.trim_start()).starts_with("năm")
                {
                    continue;
                }
                let Ok(said) = text[num_at..num_at + digits].parse::<u8>() else {
                    continue;
                };
                if said == m && !cited_or_dated(text, at) {
                    let word = &text[at..num_at];
                    push(&mut edits, at..num_at + digits, format!("{word}{}", m + 1));
                }
            }
        }
        // "quý I" without a year, where the report is a quarter's.
        baocao_model::Span::Quarter(q) => {
            const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
            for (at, _) in hay.match_indices("quý ") {
                let num_at = at + "quý ".len();
                let word_end = text[num_at..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(text.len(), |i| num_at + i);
                let word = &text[num_at..word_end];
                let Some(said) = ROMAN.iter().position(|r| *r == word).map(|i| i as u8 + 1) else {
                    continue;
                };
                if (said == q || said == q % 4 + 1) && said < 4 && !cited_or_dated(text, at) {
                    let to = format!("{}{}", &text[at..num_at], ROMAN[usize::from(said)]);
                    push(&mut edits, at..word_end, to);
                }
            }
        }
        _ => {}
    }
    // "3 tháng đầu năm", "lũy kế 3 tháng", "vốn năm 2024 chuyển sang năm 2025".
    for (r, to) in shapes::more_mentions(text, &hay, current, |at| cited_or_dated(text, at)) {
        push(&mut edits, r, to);
    }
    baocao_model::order::sort_stable_by_key(&mut edits, |(r, _)| r.start);
    let mut out = text.to_string();
    // Where each mention stands once the ones before it are rewritten.
    let mut grown = 0isize;
    let moved = edits
        .iter()
        .map(|(r, to)| {
            let at = (r.start as isize + grown) as usize;
            grown += to.len() as isize - r.len() as isize;
            let m = MovedMention {
                from: text[r.clone()].to_string(),
                to: to.clone(),
            };
            (at, m)
        })
        .collect();
    for (r, to) in edits.into_iter().rev() {
        out.replace_range(r, &to);
    }
    (out, moved)
}

/// The mentions moved so far, each with its place and where it now stands.
type Moved = Vec<(FigurePlace, usize, MovedMention)>;

/// Moves the mentions of the period on in every text run of inline content
/// at `place`, noting each at its offset in the new editing text.
fn advance_inline_mentions(
    inlines: &mut [Inline],
    place: FigurePlace,
    current: ReportPeriod,
    moved: &mut Moved,
) {
    let mut pos = 0;
    for i in inlines {
        match i {
            Inline::Text(run) => {
                let (text, m) = advance_mentions_at(&run.text, current);
                if !m.is_empty() {
                    run.text = text;
                    moved.extend(m.into_iter().map(|(at, m)| (place, pos + at, m)));
                }
                pos += run.text.len();
            }
            Inline::Note(_) => pos += baocao_model::NOTE_CHAR.len_utf8(),
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

/// The report of the period after this one, made from this one.
#[derive(Clone, Debug, PartialEq)]
pub struct NextPeriod {
    pub report: Report,
    /// The period the new report covers.
    pub period: ReportPeriod,
    /// This period's tasks part (what was set for the new period).
    pub previous_tasks: Option<Section>,
    /// The mentions of the period moved on, in the trích yếu, headings,
    /// body, tables and footnotes, for the official to see.
    pub moved: Vec<MovedMention>,
}

/// Makes next month's report from this one (see [`next_period`]). `fallback`
/// is the month to assume when the report names none.
pub fn next_month(report: &Report, fallback: Period) -> NextMonth {
    let next = next_period(report, ReportPeriod::month(fallback));
    NextMonth {
        period: next.period.as_month().unwrap_or(fallback.next()),
        report: next.report,
        previous_tasks: next.previous_tasks,
    }
}

/// Makes the next period's report from this one: the same header, parts,
/// body, footnotes and Nơi nhận; every mention of this period and of the
/// next one moved on one period (trích yếu, headings, body; not dates or
/// citations of documents); the date left for the new period with the day
/// and number blank; every figure of the period marked as not yet updated.
/// `fallback` is the period to assume when the report names none.
pub fn next_period(report: &Report, fallback: ReportPeriod) -> NextPeriod {
    let current = report.report_period().unwrap_or(fallback);
    let period = current.next();
    let mut next = report.clone();
    next.source = Default::default();
    next.schema_version = baocao_model::SCHEMA_VERSION;
    next.header.number = String::new();
    let dated = super::template::dated_month(period);
    next.header.date = DocDate {
        day: None,
        month: Some(dated.month),
        year: Some(dated.year),
    };
    let mut moved: Moved = Vec::new();
    if report.report_period().is_some() {
        let (summary, m) = advance_mentions_at(&report.title.summary, current);
        next.title.summary = summary;
        moved.extend(m.into_iter().map(|(at, m)| (FigurePlace::Summary, at, m)));
    } else {
        next.title.summary =
            super::template::summary_of(super::template::ReportKind::Socioeconomic, period);
    }
    let tasks = tasks_part(report);
    let previous_tasks = tasks.map(|i| report.body.sections[i].clone());
    fn advance_blocks(blocks: &mut [Block], current: ReportPeriod, moved: &mut Moved) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    let place = TextTarget::Paragraph(p.id).into();
                    advance_inline_mentions(&mut p.inlines, place, current, moved)
                }
                Block::Table(t) => {
                    let id = t.id;
                    let rows = std::iter::once(&mut t.columns).chain(t.rows.iter_mut());
                    for (r, row) in rows.enumerate() {
                        for (c, cell) in row.iter_mut().enumerate() {
                            let (text, m) = advance_mentions_at(cell, current);
                            if !m.is_empty() {
                                *cell = text;
                                let place = FigurePlace::Cell {
                                    table: id,
                                    row: r as u32,
                                    col: c as u32,
                                };
                                moved.extend(m.into_iter().map(|(at, m)| (place, at, m)));
                            }
                        }
                    }
                }
            }
        }
    }
    fn advance_section(s: &mut Section, current: ReportPeriod, moved: &mut Moved) {
        let place = TextTarget::Heading(s.id).into();
        advance_inline_mentions(&mut s.heading.title, place, current, moved);
        advance_blocks(&mut s.blocks, current, moved);
        for c in &mut s.children {
            advance_section(c, current, moved);
        }
    }
    advance_blocks(&mut next.body.intro, current, &mut moved);
    for s in &mut next.body.sections {
        advance_section(s, current, &mut moved);
    }
    for f in &mut next.footnotes {
        let place = TextTarget::Footnote(f.id).into();
        advance_inline_mentions(&mut f.content, place, current, &mut moved);
    }
    // Each moved mention marked where it now stands, for the official to see.
    next.moved = moved
        .iter()
        .map(|(place, start, m)| MovedMark {
            place: *place,
            start: *start,
            text: m.to.clone(),
            was: m.from.clone(),
        })
        .collect();
    let moved = moved.into_iter().map(|(_, _, m)| m).collect();
    next.mark_period_figures_stale(Some(current));
    // This period's lũy kế, for the next one to be compared with.
    next.previous_cumulative = baocao_model::cumulative::carried(report);
    NextPeriod {
        report: next,
        period,
        previous_tasks,
        moved,
    }
}

/// The editing text of a place (a cell's text, or inline content's), if it exists.
pub fn place_text(report: &Report, place: FigurePlace) -> Option<String> {
    match place {
        FigurePlace::Text(t) => report.inlines(t).map(|i| edit_text(i)),
        FigurePlace::Summary => Some(report.title.summary.clone()),
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

mod shapes;
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

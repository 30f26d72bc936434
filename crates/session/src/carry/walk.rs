//! "Cập nhật số liệu": the figures carried over from last month, one at a
//! time, in the order the official reads them (the body from the top, a
//! table row by row, each footnote right after the text that first refers
//! to it). For each, the official keeps it ("vẫn đúng": that figure alone
//! stops being marked), writes this month's value in its place, or passes
//! it by for now. The walk itself holds only how many figures were passed
//! by: the marks are the report's, so an edit made meanwhile elsewhere
//! moves nothing out of step.

use super::{place_text, StaleMarks};
use crate::fix::replace_in;
use baocao_model::{
    nfc, Block, FigurePlace, FootnoteId, Inline, Report, Section, StaleFigure, TextTarget,
    NOTE_CHAR,
};
use std::ops::Range;

/// The carried-over figures still marked, in reading order.
pub fn walk_order(report: &Report) -> Vec<StaleFigure> {
    let mut out = Vec::new();
    let mut notes_done: Vec<FootnoteId> = Vec::new();
    let mut w = Walker {
        report,
        out: &mut out,
        notes_done: &mut notes_done,
    };
    w.blocks(&report.body.intro);
    for s in &report.body.sections {
        w.section(s);
    }
    // The appendices after the body, as printed.
    for a in &report.body.appendices {
        w.blocks(&a.blocks);
    }
    for f in &report.footnotes {
        w.note(f.id);
    }
    out
}

struct Walker<'a> {
    report: &'a Report,
    out: &'a mut Vec<StaleFigure>,
    notes_done: &'a mut Vec<FootnoteId>,
}

impl Walker<'_> {
    fn text(&mut self, target: TextTarget, inlines: &[Inline]) {
        self.place(FigurePlace::Text(target));
        for i in inlines {
            if let Inline::Note(id) = i {
                self.note(*id);
            }
        }
    }

    fn place(&mut self, place: FigurePlace) {
        let figures = self.report.stale_at(place);
        self.out.extend(figures.into_iter().cloned());
    }

    fn note(&mut self, id: FootnoteId) {
        if self.notes_done.contains(&id) {
            return;
        }
        self.notes_done.push(id);
        self.place(FigurePlace::Text(TextTarget::Footnote(id)));
    }

    fn section(&mut self, s: &Section) {
        self.text(TextTarget::Heading(s.id), &s.heading.title);
        self.blocks(&s.blocks);
        for c in &s.children {
            self.section(c);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.text(TextTarget::Paragraph(p.id), &p.inlines),
                Block::Table(t) => {
                    let rows = std::iter::once(&t.columns).chain(&t.rows);
                    for (r, row) in rows.enumerate() {
                        for c in 0..row.len() {
                            self.place(FigurePlace::Cell {
                                table: t.id,
                                row: r as u32,
                                col: c as u32,
                            });
                        }
                    }
                }
            }
        }
    }
}

/// One figure of the walk, as the official sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The figure as carried over: last month's value, and where it stands.
    pub figure: StaleFigure,
    /// Its sentence, as read (a footnote marker left out).
    pub sentence: String,
    /// Where the figure stands in `sentence`.
    pub within: Range<usize>,
    /// Its number in the walk, from 1, and how many figures are marked.
    pub nth: usize,
    pub of: usize,
}

/// Why a value typed for a figure is not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WalkError {
    /// Nothing typed, or no digit in it.
    NotAFigure,
    /// The figure is no longer where the walk saw it (changed meanwhile).
    Gone,
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WalkError::NotAFigure => {
                "Hãy gõ số liệu tháng này (ví dụ 10.595 hoặc 32,2), hoặc bấm Enter để giữ số cũ."
            }
            WalkError::Gone => "Số liệu này vừa được sửa ở chỗ khác; chuyển sang số tiếp theo.",
        })
    }
}

/// Where the official is in the walk: how many figures were passed by
/// (they stay marked, before the current one in the order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureWalk {
    skipped: usize,
}

impl FigureWalk {
    /// A walk from the first marked figure.
    pub fn new() -> Self {
        FigureWalk::default()
    }

    /// The figure to look at now, None when every figure has been seen.
    pub fn current(&self, report: &Report) -> Option<Step> {
        let order = walk_order(report);
        let of = order.len();
        let figure = order.into_iter().nth(self.skipped)?;
        let text = place_text(report, figure.place).unwrap_or_default();
        let (sentence, within) = sentence_around(&text, figure.span());
        Some(Step {
            figure,
            sentence,
            within,
            nth: self.skipped + 1,
            of,
        })
    }

    /// Enter: the figure is still right. Only it stops being marked.
    pub fn keep(&mut self, report: &mut Report) -> Result<(), WalkError> {
        let step = self.current(report).ok_or(WalkError::Gone)?;
        if report.confirm_figure(step.figure.place, step.figure.start) {
            Ok(())
        } else {
            Err(WalkError::Gone)
        }
    }

    /// A new value typed: it replaces the figure, which is no longer marked.
    pub fn replace(&mut self, report: &mut Report, typed: &str) -> Result<(), WalkError> {
        let value = nfc(typed.trim());
        if !value.chars().any(|c| c.is_ascii_digit()) {
            return Err(WalkError::NotAFigure);
        }
        let step = self.current(report).ok_or(WalkError::Gone)?;
        let f = &step.figure;
        if !replace_in(report, f.place, f.span(), &value) {
            return Err(WalkError::Gone);
        }
        // Typing the same value is saying it is still right.
        report.confirm_figure(f.place, f.start);
        Ok(())
    }

    /// Passes the figure by: it stays marked, the walk goes on.
    pub fn skip(&mut self, report: &Report) {
        if self.skipped < walk_order(report).len() {
            self.skipped += 1;
        }
    }
}

/// The sentence of a text around a span: from after the last ". ", ";" or
/// line break before it to the next one (or the text's ends), at most about
/// 240 characters either side. Footnote markers are left out. Returns the
/// sentence and where the span stands in it.
pub fn sentence_around(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    let span = span.start.min(text.len())..span.end.min(text.len());
    let head = &text[..span.start];
    let mut start = head
        .rfind(['.', ';', '\n'])
        .filter(|&k| {
            let next = head[k + 1..].chars().next();
            head.as_bytes()[k] != b'.' || next.is_none_or(|c| c == ' ')
        })
        .map_or(0, |k| k + 1);
    let tail = &text[span.end..];
    let mut end = tail
        .char_indices()
        .find(|&(k, c)| {
            c == ';'
                || c == '\n'
                || (c == '.' && tail[k + 1..].chars().next().is_none_or(|n| n == ' '))
        })
        .map_or(text.len(), |(k, c)| span.end + k + c.len_utf8());
    // Long sentences: a window of whole words around the figure.
    const WIDE: usize = 240;
    if span.start - start > WIDE {
        start = span.start - WIDE;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        start = text[start..span.start]
            .find(' ')
            .map_or(start, |k| start + k + 1);
    }
    if end - span.end > WIDE {
        end = span.end + WIDE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        end = text[span.end..end].rfind(' ').map_or(end, |k| span.end + k);
    }
    let mut out = String::new();
    let mut within = 0..0;
    for (k, c) in text[start..end].char_indices() {
        if start + k == span.start {
            within.start = out.len();
        }
        if start + k == span.end {
            within.end = out.len();
        }
        if c != NOTE_CHAR {
            out.push(c);
        }
    }
    if span.end == end {
        within.end = out.len();
    }
    let trimmed_start = out.len() - out.trim_start().len();
    let sentence = out.trim().to_string();
    let within = within.start - trimmed_start..within.end - trimmed_start;
    (sentence, within)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::carry::next_month;
    use baocao_import::import_text;
    use baocao_model::{edit_text, Period};

    const MONTH: &str = "I. KẾT QUẢ\n\n1. Kinh tế\n\nThu ngân sách được 10.595 triệu đồng¹, đạt 32,2% dự toán. Giải quyết 120 hồ sơ.\n\n| Chỉ tiêu | Số lượng |\n|---|---|\n| Hộ nghèo | 45 |\n\n2. Xã hội\n\nTiếp nhận 18 đơn thư.\n\n¹ Trong đó thu tiền sử dụng đất 2.300 triệu đồng.\n";

    fn april() -> Report {
        let march = import_text(MONTH).unwrap();
        next_month(&march, Period::new(3, 2025).unwrap()).report
    }

    fn texts(walk: &[StaleFigure]) -> Vec<&str> {
        walk.iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn the_walk_reads_the_body_with_each_footnote_after_its_paragraph() {
        let r = april();
        // The paragraph's figures, then its footnote's, the table row by
        // row, the next section.
        assert_eq!(
            texts(&walk_order(&r)),
            ["10.595", "32,2", "120", "2.300", "45", "18"]
        );
    }

    #[test]
    fn each_step_shows_the_figure_in_its_sentence() {
        let r = april();
        let step = FigureWalk::new().current(&r).unwrap();
        assert_eq!(
            step.sentence,
            "Thu ngân sách được 10.595 triệu đồng, đạt 32,2% dự toán."
        );
        assert_eq!(&step.sentence[step.within.clone()], "10.595");
        assert_eq!((step.nth, step.of), (1, 6));
    }

    #[test]
    fn enter_keeps_one_figure_typing_replaces_it_and_skip_leaves_it_marked() {
        let mut r = april();
        let mut walk = FigureWalk::new();
        // Enter: 10.595 stays, only it stops being marked.
        walk.keep(&mut r).unwrap();
        assert_eq!(texts(&walk_order(&r)), ["32,2", "120", "2.300", "45", "18"]);
        // A new value for 32,2.
        walk.replace(&mut r, " 35,8 ").unwrap();
        let p = edit_text(r.inlines(step_target(&r)).unwrap());
        assert_eq!(
            p.replace(NOTE_CHAR, "¹"),
            "Thu ngân sách được 10.595 triệu đồng¹, đạt 35,8% dự toán. Giải quyết 120 hồ sơ."
        );
        assert_eq!(texts(&walk_order(&r)), ["120", "2.300", "45", "18"]);
        // Passed by: 120 stays marked, the walk shows the footnote's 2.300.
        walk.skip(&r);
        let step = walk.current(&r).unwrap();
        assert_eq!(step.figure.text, "2.300");
        assert_eq!(
            step.sentence,
            "Trong đó thu tiền sử dụng đất 2.300 triệu đồng."
        );
        assert_eq!((step.nth, step.of), (2, 4));
        // A cell is replaced in its table.
        walk.keep(&mut r).unwrap();
        walk.replace(&mut r, "41").unwrap();
        let Block::Table(t) = &r.body.sections[0].children[0].blocks[1] else {
            panic!("a table")
        };
        assert_eq!(t.rows[0][1], "41");
        assert_eq!(texts(&walk_order(&r)), ["120", "18"]);
        // Nothing that is not a figure is written.
        let before = r.clone();
        assert_eq!(walk.replace(&mut r, "chưa có"), Err(WalkError::NotAFigure));
        assert_eq!(walk.replace(&mut r, "  "), Err(WalkError::NotAFigure));
        assert_eq!(r, before);
        walk.keep(&mut r).unwrap();
        assert!(walk.current(&r).is_none(), "the skipped figure is behind");
        assert_eq!(texts(&walk_order(&r)), ["120"]);
    }

    fn step_target(r: &Report) -> TextTarget {
        let Block::Paragraph(p) = &r.body.sections[0].children[0].blocks[0] else {
            panic!("a paragraph")
        };
        TextTarget::Paragraph(p.id)
    }

    #[test]
    fn keeping_one_figure_leaves_the_others_of_its_paragraph_marked() {
        let mut r = april();
        let place = FigurePlace::Text(step_target(&r));
        let start = r.stale_at(place)[1].start;
        assert!(r.confirm_figure(place, start));
        let left: Vec<&str> = r.stale_at(place).iter().map(|f| f.text.as_str()).collect();
        assert_eq!(left, ["10.595", "120"]);
        assert!(!r.confirm_figure(place, start), "already confirmed");
    }

    #[test]
    fn the_walk_goes_on_into_the_appendices_but_not_into_table_headers() {
        let r = import_text(
            "BÁO CÁO\n\nTình hình tháng 5/2026\n\nI. KẾT QUẢ\n\nCấp 37 giấy phép.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Thị Hoa\n\nPhụ lục I\nSỐ LIỆU THU CHI\n\nThu phí đạt 418 triệu đồng.\n\n| STT | Chỉ tiêu (6 tháng, năm) | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 2.905 |\n",
        )
        .unwrap();
        let june = next_month(&r, Period::new(5, 2026).unwrap()).report;
        assert_eq!(texts(&walk_order(&june)), ["37", "418", "2.905"]);
    }

    #[test]
    fn a_sentence_is_cut_at_its_stops_and_around_long_text() {
        let t = "Năm 2024 đạt 1.000 tỷ; năm nay đạt 1.200 tỷ đồng. Còn lại.";
        let at = t.find("1.200").unwrap();
        let (s, w) = sentence_around(t, at..at + 5);
        assert_eq!(s, "năm nay đạt 1.200 tỷ đồng.");
        assert_eq!(&s[w], "1.200");
        let long = format!("{} 77 {}", "chữ ".repeat(200), "cuối ".repeat(200));
        let at = long.find("77").unwrap();
        let (s, w) = sentence_around(&long, at..at + 2);
        assert_eq!(&s[w], "77");
        assert!(s.chars().count() < 600);
    }
}

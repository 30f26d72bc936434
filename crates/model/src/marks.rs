//! Marks kept on stretches of a place's editing text: the figures carried
//! over and not yet updated ([`StaleFigure`]) and the mentions of the period
//! that "Tạo báo cáo kỳ sau" moved on ([`MovedMark`]). Every kind of mark
//! goes through the same functions here, so an edit keeps them all in step
//! the same way: a mark before the changed stretch stays, a mark after it
//! moves with the text, a mark the change touched is dropped, and marks
//! follow their text when a paragraph is split or joined, a table reshaped,
//! footnotes renumbered, or a block removed.

use crate::{BlockId, FigurePlace, FootnoteId, StaleFigure, TextTarget};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A mark on a stretch of a place's editing text.
pub trait TextMark {
    /// Where the mark stands.
    fn place_mut(&mut self) -> &mut FigurePlace;
    /// Its byte offset in the place's editing text.
    fn start_mut(&mut self) -> &mut usize;
    /// What it marks, as it reads now.
    fn marked(&self) -> &str;
    fn place(&self) -> FigurePlace;
    fn start(&self) -> usize;
    /// The marked bytes of the place's editing text.
    fn mark_span(&self) -> Range<usize> {
        self.start()..self.start() + self.marked().len()
    }
}

impl TextMark for StaleFigure {
    fn place_mut(&mut self) -> &mut FigurePlace {
        &mut self.place
    }
    fn start_mut(&mut self) -> &mut usize {
        &mut self.start
    }
    fn marked(&self) -> &str {
        &self.text
    }
    fn place(&self) -> FigurePlace {
        self.place
    }
    fn start(&self) -> usize {
        self.start
    }
}

/// A mention of the period that "Tạo báo cáo kỳ sau" moved on ("tháng
/// 3/2025" → "tháng 4/2025"), marked where it now stands until the official
/// edits it or says it has been seen. Stored like a [`StaleFigure`], with
/// what it said before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovedMark {
    pub place: FigurePlace,
    /// Byte offset in the place's editing text.
    pub start: usize,
    /// The mention as it reads now, e.g. "tháng 4/2025".
    pub text: String,
    /// What it said before, e.g. "tháng 3/2025".
    pub was: String,
}

impl MovedMark {
    /// The mention's byte range in its place's editing text.
    pub fn span(&self) -> Range<usize> {
        self.mark_span()
    }

    /// Whether the mention still reads as marked at `start` of `text`: the
    /// same words, with nothing typed right against them ("quý II" followed
    /// by a typed "I" is another quarter).
    pub fn holds(&self, text: &str, start: usize) -> bool {
        let end = start + self.text.len();
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return false;
        }
        if text[start..end] != self.text {
            return false;
        }
        let glued = |a: Option<char>, b: Option<char>| {
            a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric)
        };
        !glued(text[..start].chars().next_back(), self.text.chars().next())
            && !glued(self.text.chars().next_back(), text[end..].chars().next())
    }
}

impl TextMark for MovedMark {
    fn place_mut(&mut self) -> &mut FigurePlace {
        &mut self.place
    }
    fn start_mut(&mut self) -> &mut usize {
        &mut self.start
    }
    fn marked(&self) -> &str {
        &self.text
    }
    fn place(&self) -> FigurePlace {
        self.place
    }
    fn start(&self) -> usize {
        self.start
    }
}

/// The changed stretch between two texts: the length of their common start
/// and of their common end (not overlapping).
pub fn changed_stretch(old: &str, new: &str) -> (usize, usize) {
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

/// The text at `place` changed from `old` to `new`: marks before the change
/// stay, marks after it move with the text, marks the change touched are
/// dropped, and so is a mark for which `holds(mark, new, start)` says the
/// text at its new start no longer reads as marked.
pub fn text_changed<M: TextMark>(
    marks: &mut Vec<M>,
    place: FigurePlace,
    old: &str,
    new: &str,
    holds: impl Fn(&M, &str, usize) -> bool,
) {
    if !marks.iter().any(|m| m.place() == place) {
        return;
    }
    let (prefix, suffix) = changed_stretch(old, new);
    let old_changed_end = old.len() - suffix;
    let grow = new.len() as isize - old.len() as isize;
    marks.retain_mut(|m| {
        if m.place() != place {
            return true;
        }
        let span = m.mark_span();
        let start = if span.end <= prefix {
            span.start
        } else if span.start >= old_changed_end {
            (span.start as isize + grow) as usize
        } else {
            return false;
        };
        if !holds(m, new, start) {
            return false;
        }
        *m.start_mut() = start;
        true
    });
}

/// Moves the marks of `from` at or after byte `cut` to `to`, at offsets
/// counted from `cut` (a paragraph split in two); a mark the cut goes
/// through is dropped.
pub fn move_after<M: TextMark>(marks: &mut Vec<M>, from: FigurePlace, cut: usize, to: FigurePlace) {
    for m in marks.iter_mut() {
        if m.place() == from && m.start() >= cut {
            *m.place_mut() = to;
            *m.start_mut() -= cut;
        }
    }
    marks.retain(|m| !(m.place() == from && m.mark_span().end > cut));
}

/// Moves every mark of `from` to `into`, `by` bytes further on (a paragraph
/// joined to the end of another).
pub fn shift_into<M: TextMark>(marks: &mut [M], into: FigurePlace, from: FigurePlace, by: usize) {
    for m in marks.iter_mut() {
        if m.place() == from {
            *m.place_mut() = into;
            *m.start_mut() += by;
        }
    }
}

/// Drops the marks in removed blocks and sections (their paragraphs,
/// headings and table cells).
pub fn forget_blocks<M: TextMark>(marks: &mut Vec<M>, ids: &[BlockId]) {
    marks.retain(|m| match m.place() {
        FigurePlace::Text(TextTarget::Paragraph(id) | TextTarget::Heading(id)) => {
            !ids.contains(&id)
        }
        FigurePlace::Cell { table, .. } => !ids.contains(&table),
        FigurePlace::Text(TextTarget::Footnote(_)) | FigurePlace::Summary => true,
    });
}

/// Drops the marks of a block: a paragraph's, or every cell's of a table.
pub fn forget_block<M: TextMark>(marks: &mut Vec<M>, block: BlockId) {
    marks.retain(|m| match m.place() {
        FigurePlace::Text(TextTarget::Paragraph(id)) => id != block,
        FigurePlace::Cell { table, .. } => table != block,
        _ => true,
    });
}

/// Drops the marks in deleted footnotes.
pub fn forget_footnotes<M: TextMark>(marks: &mut Vec<M>, gone: &[FootnoteId]) {
    marks.retain(
        |m| !matches!(m.place(), FigurePlace::Text(TextTarget::Footnote(n)) if gone.contains(&n)),
    );
}

/// Footnotes renumbered: marks in footnotes follow their footnote.
pub fn renumber_footnotes<M: TextMark>(marks: &mut [M], lookup: impl Fn(FootnoteId) -> FootnoteId) {
    for m in marks.iter_mut() {
        if let FigurePlace::Text(TextTarget::Footnote(n)) = m.place_mut() {
            *n = lookup(*n);
        }
    }
}

/// A row (`is_row`) or column of `table` inserted (`delta` 1) or removed
/// (`delta` -1) at index `at` (rows counted with the header row as 0): marks
/// in later cells move with them, marks in a removed one go.
pub fn table_changed<M: TextMark>(
    marks: &mut Vec<M>,
    table: BlockId,
    is_row: bool,
    at: usize,
    delta: i64,
) {
    marks.retain_mut(|m| {
        let FigurePlace::Cell { table: t, row, col } = m.place_mut() else {
            return true;
        };
        if *t != table {
            return true;
        }
        let index = if is_row { row } else { col };
        let i = *index as usize;
        if delta < 0 && i == at {
            return false;
        }
        if i >= at {
            *index = (i as i64 + delta) as u32;
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(start: usize, text: &str) -> MovedMark {
        MovedMark {
            place: FigurePlace::Summary,
            start,
            text: text.into(),
            was: String::new(),
        }
    }

    #[test]
    fn a_moved_mention_holds_only_as_whole_words() {
        let at = "Năm ".len();
        let m = moved(at, "quý II");
        assert!(m.holds("Năm quý II năm 2026", at));
        assert!(!m.holds("Năm quý III năm 2026", at));
        assert!(!m.holds("Nămxquý II", at));
        assert!(!m.holds("Năm quý I", at));
        // "tháng 4/2025," is still the mention; "tháng 4/20256" is not.
        let t = moved(0, "tháng 4/2025");
        assert!(t.holds("tháng 4/2025, tăng", 0));
        assert!(!t.holds("tháng 4/20256", 0));
    }

    #[test]
    fn a_moved_mark_is_stored_with_its_place_and_read_back_the_same() {
        let places = [
            FigurePlace::Summary,
            TextTarget::Paragraph(BlockId(3)).into(),
            TextTarget::Heading(BlockId(5)).into(),
            TextTarget::Footnote(FootnoteId(2)).into(),
            FigurePlace::Cell {
                table: BlockId(7),
                row: 1,
                col: 2,
            },
        ];
        for place in places {
            let m = MovedMark {
                place,
                start: 7,
                text: "tháng 4/2025".into(),
                was: "tháng 3/2025".into(),
            };
            let json = serde_json::to_string(&m).unwrap();
            assert!(json.contains(r#""was":"tháng 3/2025""#), "{json}");
            assert_eq!(serde_json::from_str::<MovedMark>(&json).unwrap(), m);
        }
    }

    #[test]
    fn marks_of_both_kinds_move_with_text_before_them() {
        let mut marks = vec![moved(6, "tháng 4")];
        text_changed(
            &mut marks,
            FigurePlace::Summary,
            "Trong tháng 4",
            "Cũng trong tháng 4",
            MovedMark::holds,
        );
        assert_eq!(marks[0].start, "Cũng trong ".len());
        text_changed(
            &mut marks,
            FigurePlace::Summary,
            "Cũng trong tháng 4",
            "Cũng trong tháng 5",
            MovedMark::holds,
        );
        assert!(marks.is_empty());
    }
}

//! The report as the checks read it: a list of text units (the trích yếu, each
//! heading, paragraph, table cell, footnote, Nơi nhận item), each with its
//! plain text, where its footnote markers stand and how to name its place.

use super::numbers::{scan, NumToken};
use super::{Finding, Rule, Severity};
use crate::report::{
    superscript_number, Block, BlockId, FootnoteId, Inline, Level, Origin, Report, Section,
};
use std::ops::Range;

/// What a text unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// The trích yếu.
    Summary,
    Heading(Level),
    Paragraph,
    TableCell,
    Footnote(FootnoteId),
    /// An item of Nơi nhận (its index).
    Recipient(usize),
}

/// A piece of the report's text, as the checks see it.
#[derive(Clone, Debug)]
pub struct Unit {
    pub kind: UnitKind,
    /// Plain text; footnote markers appear as superscript digits.
    pub text: String,
    /// Where each footnote marker stands in `text`.
    pub notes: Vec<(Range<usize>, FootnoteId)>,
    /// Numbers written in the text, found once for all rules.
    pub numbers: Vec<NumToken>,
    /// Source of imported text, to turn offsets into lines.
    pub origin: Option<Origin>,
    pub block: Option<BlockId>,
    /// Human-readable place, e.g. "I › 2 › đoạn 3".
    pub path: String,
}

impl Unit {
    fn new(
        kind: UnitKind,
        inlines: &[Inline],
        origin: Option<&Origin>,
        block: Option<BlockId>,
        path: String,
    ) -> Self {
        let (text, notes) = flatten(inlines);
        Unit::from_text(kind, text, notes, origin.cloned(), block, path)
    }

    fn from_text(
        kind: UnitKind,
        text: String,
        notes: Vec<(Range<usize>, FootnoteId)>,
        origin: Option<Origin>,
        block: Option<BlockId>,
        path: String,
    ) -> Self {
        let numbers = scan(&text);
        Unit {
            kind,
            text,
            notes,
            numbers,
            origin,
            block,
            path,
        }
    }

    /// The source line of a byte offset of the text, for imported reports.
    pub fn line_at(&self, offset: usize) -> Option<u32> {
        self.origin.as_ref().map(|o| o.line_at(offset))
    }

    /// A finding about the bytes `span` of this unit.
    pub fn finding(
        &self,
        rule: Rule,
        severity: Severity,
        span: Range<usize>,
        message: String,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message,
            excerpt: excerpt(&self.text, span.clone()),
            line: self.line_at(span.start),
            path: self.path.clone(),
            block: self.block,
        }
    }

    /// The footnote whose marker starts at or right after `offset`.
    pub fn note_at(&self, offset: usize) -> Option<FootnoteId> {
        self.notes
            .iter()
            .find(|(r, _)| r.start == offset)
            .map(|(_, id)| *id)
    }
}

/// The words around a span: the span itself widened to whole words, at most
/// about 120 characters.
pub fn excerpt(text: &str, span: Range<usize>) -> String {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    let mut s = start;
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end;
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    let core = &text[s..e];
    if core.chars().count() > 160 {
        let cut: String = core.chars().take(157).collect();
        return format!("{}…", cut.trim_end());
    }
    core.trim().to_string()
}

/// Plain text of inline content and where its footnote markers stand.
pub fn flatten(inlines: &[Inline]) -> (String, Vec<(Range<usize>, FootnoteId)>) {
    let mut text = String::new();
    let mut notes = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Note(id) => {
                let start = text.len();
                text.push_str(&superscript_number(id.0));
                notes.push((start..text.len(), *id));
            }
            other => text.push_str(&crate::report::plain_text(std::slice::from_ref(other))),
        }
    }
    (text, notes)
}

/// Every text unit of the report in reading order: trích yếu, body, footnotes,
/// Nơi nhận.
pub fn units(report: &Report) -> Vec<Unit> {
    let mut out = Vec::new();
    let summary_origin = report.source.summary.map(Origin::at);
    out.push(Unit::from_text(
        UnitKind::Summary,
        report.title.summary.clone(),
        Vec::new(),
        summary_origin,
        None,
        "Trích yếu".to_string(),
    ));
    blocks(&report.body.intro, "Phần mở đầu", &mut out);
    for s in &report.body.sections {
        section(s, "", &mut out);
    }
    for f in &report.footnotes {
        out.push(Unit::new(
            UnitKind::Footnote(f.id),
            &f.content,
            f.origin.as_ref(),
            None,
            format!("Chú thích {}", f.id.0),
        ));
    }
    for (i, item) in report.recipients.iter().enumerate() {
        out.push(Unit::from_text(
            UnitKind::Recipient(i),
            item.clone(),
            Vec::new(),
            report.source.recipients.get(i).map(|l| Origin::at(*l)),
            None,
            format!("Nơi nhận › dòng {}", i + 1),
        ));
    }
    out
}

fn section(s: &Section, trail: &str, out: &mut Vec<Unit>) {
    let path = if trail.is_empty() {
        s.heading.number.clone()
    } else {
        format!("{trail} › {}", s.heading.number)
    };
    out.push(Unit::new(
        UnitKind::Heading(s.heading.level),
        &s.heading.title,
        s.heading.origin.as_ref(),
        Some(s.id),
        format!("{path} (đề mục)"),
    ));
    blocks(&s.blocks, &path, out);
    for c in &s.children {
        section(c, &path, out);
    }
}

fn blocks(bs: &[Block], trail: &str, out: &mut Vec<Unit>) {
    let mut paragraph = 0;
    let mut table = 0;
    for b in bs {
        match b {
            Block::Paragraph(p) => {
                paragraph += 1;
                out.push(Unit::new(
                    UnitKind::Paragraph,
                    &p.inlines,
                    p.origin.as_ref(),
                    Some(p.id),
                    format!("{trail} › đoạn {paragraph}"),
                ));
            }
            Block::Table(t) => {
                table += 1;
                let rows = std::iter::once(&t.columns).chain(t.rows.iter());
                for (r, row) in rows.enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        out.push(Unit::from_text(
                            UnitKind::TableCell,
                            cell.clone(),
                            Vec::new(),
                            t.origin
                                .as_ref()
                                .map(|o| Origin::at(o.line + r as u32 + u32::from(r > 0))),
                            Some(t.id),
                            format!("{trail} › bảng {table} › dòng {} cột {}", r + 1, c + 1),
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    #[test]
    fn units_name_their_place_and_line() {
        let r = import_text(crate::seeds::MAR_2025).unwrap();
        let us = units(&r);
        let u = us
            .iter()
            .find(|u| u.text.contains("11 công trình⁷"))
            .unwrap();
        assert_eq!(u.kind, UnitKind::Paragraph);
        assert_eq!(u.path, "I › 2 › đoạn 1");
        assert_eq!(u.line_at(0), Some(35));
        let at = u.text.find('⁷').unwrap();
        assert_eq!(u.note_at(at), Some(FootnoteId(7)));
        assert_eq!(
            us.iter()
                .filter(|u| matches!(u.kind, UnitKind::Footnote(_)))
                .count(),
            27
        );
        assert_eq!(us[0].kind, UnitKind::Summary);
        assert_eq!(us[0].line_at(0), Some(9));
    }

    #[test]
    fn excerpts_stay_on_char_boundaries() {
        let t = "Tỷ lệ đạt 97,1%";
        assert_eq!(excerpt(t, 3..7), "ỷ lệ");
        assert_eq!(excerpt(t, 0..100), t);
    }
}

//! The report as the checks read it: a list of text units (the trích yếu, each
//! heading, paragraph, table cell, footnote, Nơi nhận item), each with its
//! plain text, where its footnote markers stand, how to name its place, and
//! what the shared scanners found in it ([`Scan`]).

use super::numbers::{analyse, DateToken, Fraction, NumToken, Numbers};
use super::words::{capitals, CapWord};
use super::{Finding, Fix, Rule, Severity};
use baocao_model::{
    Block, BlockId, FootnoteId, Inline, Level, Origin, Outline, Place, Report, Section, NOTE_CHAR,
};
use std::ops::Range;
use std::sync::Arc;

/// What the shared scanners find in a unit's text. It depends on the text
/// alone, so the incremental checker keeps it for text that did not change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Numbers, dates, fractions and document numbers.
    pub numbers: Numbers,
    /// Words in capitals that may be abbreviations.
    pub capitals: Vec<CapWord>,
}

impl Scan {
    /// Scans a text once for every rule.
    pub fn new(text: &str) -> Self {
        let numbers = analyse(text);
        let capitals = capitals(text, &numbers.references);
        Scan { numbers, capitals }
    }
}

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
    /// What the shared scanners found in the text.
    pub scan: Arc<Scan>,
    /// Source of imported text, to turn offsets into lines.
    pub origin: Option<Origin>,
    pub block: Option<BlockId>,
    /// Where the unit stands in the report.
    pub place: Place,
}

impl Unit {
    /// A unit of the given text, scanned now (for tests and one-off checks).
    pub fn of_text(kind: UnitKind, text: &str) -> Self {
        Unit {
            kind,
            text: text.to_string(),
            notes: Vec::new(),
            scan: Arc::new(Scan::new(text)),
            origin: None,
            block: None,
            place: Place::Document,
        }
    }

    /// Numbers written in the text.
    pub fn numbers(&self) -> &[NumToken] {
        &self.scan.numbers.tokens
    }

    /// The indices of the numbers lying wholly in `range` of the text.
    pub fn numbers_in(&self, range: Range<usize>) -> Range<usize> {
        let nums = self.numbers();
        let first = nums.partition_point(|t| t.span.start < range.start);
        let end = nums.partition_point(|t| t.span.end <= range.end);
        first..end.max(first)
    }

    /// The index of the last number ending at or before `at`.
    pub fn number_before(&self, at: usize) -> Option<usize> {
        self.numbers()
            .partition_point(|t| t.span.end <= at)
            .checked_sub(1)
    }

    /// Dates and months written in the text.
    pub fn dates(&self) -> &[DateToken] {
        &self.scan.numbers.dates
    }

    /// The "a/b" of the text.
    pub fn fractions(&self) -> &[Fraction] {
        &self.scan.numbers.fractions
    }

    /// Whether the unit is body text: a heading, paragraph, table cell or footnote.
    pub fn is_body(&self) -> bool {
        !matches!(self.kind, UnitKind::Summary | UnitKind::Recipient(_))
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
        self.finding_with(rule, severity, span, message, None)
    }

    /// A finding about the bytes `span` of this unit, with its certain fix
    /// (both in this unit's text's offsets; the finding carries them in its
    /// place's, see [`Unit::place_span`]).
    pub fn finding_with(
        &self,
        rule: Rule,
        severity: Severity,
        span: Range<usize>,
        message: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message,
            excerpt: excerpt(&self.text, span.clone()),
            line: self.line_at(span.start),
            place: self.place.clone(),
            // A fix replacing characters selects them: the wrong number
            // rather than the whole claim.
            span: Some(match &fix {
                Some(f) if !f.span.is_empty() => self.place_span(f.span.clone()),
                _ => self.place_span(span),
            }),
            fix: fix.map(|f| Fix {
                span: self.place_span(f.span),
                ..f
            }),
        }
    }

    /// A byte offset of this unit's text in its place's text: the editing
    /// text of a paragraph, heading or footnote writes a marker as one
    /// `NOTE_CHAR` where this text writes its superscript number. An offset
    /// inside a marker goes to the marker's start.
    pub fn place_offset(&self, offset: usize) -> usize {
        // Superscript digits take two or three bytes, the marker three.
        let mut shift = 0isize;
        for (r, _) in &self.notes {
            if r.end <= offset {
                shift += r.len() as isize - NOTE_CHAR.len_utf8() as isize;
            } else if r.start < offset {
                return (r.start as isize - shift) as usize;
            }
        }
        (offset as isize - shift) as usize
    }

    /// A span of this unit's text in its place's text (see [`Unit::place_offset`]).
    pub fn place_span(&self, span: Range<usize>) -> Range<usize> {
        self.place_offset(span.start)..self.place_offset(span.end)
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
    // One string, sized once, for the runs and the markers.
    let mut text = String::with_capacity(baocao_model::plain_text_len(inlines));
    let mut notes = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Note(id) => {
                let start = text.len();
                baocao_model::push_superscript_number(&mut text, id.0);
                notes.push((start..text.len(), *id));
            }
            Inline::Text(_) => {
                baocao_model::push_plain_text(&mut text, std::slice::from_ref(inline))
            }
        }
    }
    (text, notes)
}

/// The order in which a reader meets the units: the trích yếu, the body with
/// each footnote right after the unit that first refers to it, the footnotes
/// no marker refers to, then Nơi nhận. Returns unit indices.
pub fn reading_order(units: &[Unit]) -> Vec<usize> {
    let footnotes = footnote_units(units);
    let mut order = Vec::with_capacity(units.len());
    let mut placed = vec![false; units.len()];
    for (i, u) in units.iter().enumerate() {
        if matches!(u.kind, UnitKind::Footnote(_) | UnitKind::Recipient(_)) {
            continue;
        }
        order.push(i);
        for (_, id) in &u.notes {
            if let Some(&j) = footnotes.get(id) {
                if !placed[j] {
                    placed[j] = true;
                    order.push(j);
                }
            }
        }
    }
    for (j, u) in units.iter().enumerate() {
        let unreferenced = matches!(u.kind, UnitKind::Footnote(_)) && !placed[j];
        if unreferenced || matches!(u.kind, UnitKind::Recipient(_)) {
            order.push(j);
        }
    }
    order
}

/// The unit of each footnote's text (the first, if defined twice).
pub fn footnote_units(units: &[Unit]) -> FootnoteUnits {
    let mut map = FootnoteUnits::default();
    for (i, u) in units.iter().enumerate() {
        if let UnitKind::Footnote(id) = u.kind {
            map.entry(id).or_insert(i);
        }
    }
    map
}

/// The unit of each footnote, by its id.
pub type FootnoteUnits =
    std::collections::HashMap<FootnoteId, usize, std::hash::BuildHasherDefault<TextHasher>>;

/// A hasher for keys read from the report: the incremental checker's texts
/// (every check hashes all of them) and the footnotes' ids (looked up
/// from every marker). A keyed, DoS-resistant hash (the standard one) costs
/// more than it protects here: the keys are the official's own, and a
/// collision only costs a comparison.
#[derive(Default, Clone, Copy)]
pub struct TextHasher(u64);

impl TextHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
        self.add(bytes.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The rank of each unit in [`reading_order`], indexed by unit.
pub fn reading_ranks(units: &[Unit]) -> Vec<usize> {
    let mut rank = vec![0; units.len()];
    for (r, i) in reading_order(units).into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Every text unit of the report in reading order: trích yếu, body, footnotes,
/// Nơi nhận.
pub fn units(report: &Report) -> Vec<Unit> {
    units_with(report, &mut |_, text| Arc::new(Scan::new(text)))
}

/// The units of the report, with the scan of each text from `scan` (which the
/// incremental checker answers from its cache).
pub fn units_with(report: &Report, scan: &mut dyn FnMut(UnitKind, &str) -> Arc<Scan>) -> Vec<Unit> {
    let mut b = Builder {
        out: Vec::new(),
        scan,
    };
    let summary_origin = report.source.summary.map(Origin::at);
    b.push(
        UnitKind::Summary,
        report.title.summary.clone(),
        Vec::new(),
        summary_origin,
        None,
        Place::Summary,
    );
    b.blocks(&report.body.intro, &Outline::default());
    for s in &report.body.sections {
        b.section(s, &Outline::default());
    }
    // An appendix's paragraphs and tables are named after it ("Phụ lục I ›
    // bảng 2"), and checked as the body's are.
    for a in &report.body.appendices {
        b.blocks(&a.blocks, &Outline::default().child(&a.name()));
    }
    for f in &report.footnotes {
        let (text, notes) = flatten(&f.content);
        b.push(
            UnitKind::Footnote(f.id),
            text,
            notes,
            f.origin.clone(),
            None,
            Place::Footnote(f.id),
        );
    }
    for (i, item) in report.recipients.iter().enumerate() {
        b.push(
            UnitKind::Recipient(i),
            item.clone(),
            Vec::new(),
            report.source.recipients.get(i).map(|l| Origin::at(*l)),
            None,
            Place::Recipient(i),
        );
    }
    b.out
}

struct Builder<'a> {
    out: Vec<Unit>,
    scan: &'a mut dyn FnMut(UnitKind, &str) -> Arc<Scan>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: UnitKind,
        text: String,
        notes: Vec<(Range<usize>, FootnoteId)>,
        origin: Option<Origin>,
        block: Option<BlockId>,
        place: Place,
    ) {
        let scan = (self.scan)(kind, &text);
        self.out.push(Unit {
            kind,
            text,
            notes,
            scan,
            origin,
            block,
            place,
        });
    }

    fn inlines(
        &mut self,
        kind: UnitKind,
        inlines: &[Inline],
        origin: Option<&Origin>,
        block: Option<BlockId>,
        place: Place,
    ) {
        let (text, notes) = flatten(inlines);
        self.push(kind, text, notes, origin.cloned(), block, place);
    }

    fn section(&mut self, s: &Section, trail: &Outline) {
        let outline = trail.child(&s.heading.number);
        self.inlines(
            UnitKind::Heading(s.heading.level),
            &s.heading.title,
            s.heading.origin.as_ref(),
            Some(s.id),
            Place::Heading {
                section: s.id,
                outline: outline.clone(),
            },
        );
        self.blocks(&s.blocks, &outline);
        for c in &s.children {
            self.section(c, &outline);
        }
    }

    fn blocks(&mut self, bs: &[Block], outline: &Outline) {
        let mut paragraph = 0;
        let mut table = 0;
        for b in bs {
            match b {
                Block::Paragraph(p) => {
                    paragraph += 1;
                    self.inlines(
                        UnitKind::Paragraph,
                        &p.inlines,
                        p.origin.as_ref(),
                        Some(p.id),
                        Place::Paragraph {
                            block: p.id,
                            outline: outline.clone(),
                            nth: paragraph,
                        },
                    );
                }
                Block::Table(t) => {
                    table += 1;
                    let rows = std::iter::once(&t.columns).chain(t.rows.iter());
                    for (r, row) in rows.enumerate() {
                        for (c, cell) in row.iter().enumerate() {
                            self.push(
                                UnitKind::TableCell,
                                cell.clone(),
                                Vec::new(),
                                t.origin
                                    .as_ref()
                                    .map(|o| Origin::at(o.line + r as u32 + u32::from(r > 0))),
                                Some(t.id),
                                Place::Cell {
                                    table: t.id,
                                    outline: outline.clone(),
                                    nth: table,
                                    row: r as u32,
                                    col: c as u32,
                                },
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_import::import_text;

    #[test]
    fn units_name_their_place_and_line() {
        let r = import_text(baocao_testdata::MAR_2025).unwrap();
        let us = units(&r);
        let u = us
            .iter()
            .find(|u| u.text.contains("11 công trình⁷"))
            .unwrap();
        assert_eq!(u.kind, UnitKind::Paragraph);
        assert_eq!(u.place.to_string(), "I › 2 › đoạn 1");
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
    fn an_appendix_is_checked_and_named_as_the_reader_names_it() {
        let r = import_text(
            "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu đạt 4.215 triệu đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\nPHỤ LỤC II\nKẾT QUẢ TIÊM CHỦNG\n\nSố người được tiêm: 73.566/75.706 = 92,1%.\n\n| STT | Nội dung | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 3.100 |\n",
        )
        .unwrap();
        assert_eq!(r.body.appendices.len(), 1);
        let us = units(&r);
        let cell = us
            .iter()
            .find(|u| u.text == "3.100")
            .expect("the appendix table's cell");
        assert_eq!(cell.kind, UnitKind::TableCell);
        assert_eq!(cell.place.to_string(), "Phụ lục II › bảng 1 › dòng 2 cột 3");
        // A rule sees the appendix's text: 73.566/75.706 is 97,2%, not 92,1%.
        let findings = crate::run(&r);
        let wrong = findings
            .iter()
            .find(|f| f.excerpt.contains("92,1%"))
            .expect("the percentage in the appendix is checked");
        assert_eq!(wrong.place.to_string(), "Phụ lục II › đoạn 1");
        assert_eq!(
            wrong.place.block(),
            Some(r.body.appendices[0].blocks[0].id())
        );
    }

    #[test]
    fn excerpts_stay_on_char_boundaries() {
        let t = "Tỷ lệ đạt 97,1%";
        assert_eq!(excerpt(t, 3..7), "ỷ lệ");
        assert_eq!(excerpt(t, 0..100), t);
    }
}

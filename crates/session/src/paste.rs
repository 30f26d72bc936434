//! What a paste does to the report. One line pastes into the text at the
//! caret (with its bold, italic, m² and footnote markers as the importer
//! reads them); several lines are read as report text and put at the caret
//! as headings, paragraphs, tables and footnotes. A whole report pasted into
//! a draft (its header lines were found) also fills the header, trích yếu,
//! Nơi nhận and signature fields that are still empty, and never overwrites
//! what the official already wrote there.

use crate::{Caret, Pasted, ReportEdit};
use baocao_import::{import_fragment, import_text, parse_inline};
use baocao_model::{insert_inlines, FootnoteId, Inline, Report, TextTarget};

/// How a pasted text goes in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteKind {
    /// Into the text at the caret, as one line (its line breaks made spaces).
    Line(String),
    /// As blocks, read by the importer.
    Blocks,
}

/// How `text` (already normalised) pastes into `target`: one line, or into
/// a footnote, goes in as a line; anything longer as blocks.
pub fn paste_kind(text: &str, target: TextTarget) -> PasteKind {
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines <= 1 || matches!(target, TextTarget::Footnote(_)) {
        PasteKind::Line(text.lines().map(str::trim).collect::<Vec<_>>().join(" "))
    } else {
        PasteKind::Blocks
    }
}

/// The inline content of a pasted line, as the importer reads it.
pub fn line_inlines(line: &str) -> Vec<Inline> {
    parse_inline(line)
}

/// Puts a pasted line's inline content at the caret. Markers pasted without
/// their footnotes get numbers of their own, then every footnote is numbered
/// by reading order. Returns false when the target is gone.
pub fn paste_line(report: &mut Report, at: Caret, inlines: Vec<Inline>) -> bool {
    let base = report.highest_footnote_number();
    let inlines: Vec<Inline> = inlines
        .into_iter()
        .map(|i| match i {
            Inline::Note(n) => Inline::Note(FootnoteId(n.0 + base)),
            other => other,
        })
        .collect();
    let Some(old) = report.inlines(at.target).cloned() else {
        return false;
    };
    let done = report.set_inlines(at.target, insert_inlines(&old, at.offset, inlines));
    report.renumber_footnotes();
    done
}

/// Puts pasted text of several lines at the caret (see the module
/// documentation).
pub fn paste_blocks(report: &mut Report, at: Caret, text: &str) -> Pasted {
    let fragment = match import_text(text).ok().filter(is_whole_report) {
        Some(whole) => {
            fill_empty_fields(report, &whole);
            let mut body = Report::new();
            body.body = whole.body;
            body.footnotes = whole.footnotes;
            body
        }
        None => {
            let f = import_fragment(text, 1);
            if report.recipients.is_empty() {
                report.recipients = f.recipients.clone();
            }
            if report.signature == Default::default() {
                report.signature = f.signature.clone();
            }
            f
        }
    };
    report.paste(at, fragment)
}

/// Whether pasted text is a whole report (its header lines were found).
fn is_whole_report(r: &Report) -> bool {
    r.source.kind.is_some() || r.source.number.is_some() || r.source.place_date.is_some()
}

/// Copies into `r` the header, title and closing fields that are still empty.
fn fill_empty_fields(r: &mut Report, from: &Report) {
    let h = &mut r.header;
    if h.issuing_agency.trim().is_empty() && h.parent_agency.trim().is_empty() {
        h.issuing_agency = from.header.issuing_agency.clone();
        h.parent_agency = from.header.parent_agency.clone();
    }
    if h.number.trim().is_empty() {
        h.number = from.header.number.clone();
    }
    if h.code.trim().is_empty() {
        h.code = from.header.code.clone();
    }
    if h.place.trim().is_empty() {
        h.place = from.header.place.clone();
    }
    if h.date == Default::default() {
        h.date = from.header.date;
    }
    if r.title.summary.trim().is_empty() {
        r.title.summary = from.title.summary.clone();
    }
    if r.recipients.is_empty() {
        r.recipients = from.recipients.clone();
    }
    if r.signature == Default::default() {
        r.signature = from.signature.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::blank_report;
    use baocao_model::{plain_text, Block, BlockId};

    fn first_paragraph(r: &Report) -> BlockId {
        let mut id = None;
        r.body.visit(&mut |v| {
            if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
                id.get_or_insert(p.id);
            }
        });
        id.expect("a paragraph")
    }

    #[test]
    fn one_line_or_a_footnote_pastes_as_a_line() {
        let p = TextTarget::Paragraph(BlockId(1));
        assert_eq!(
            paste_kind("  tỷ lệ 95%  ", p),
            PasteKind::Line("tỷ lệ 95%".into())
        );
        assert_eq!(
            paste_kind("Dòng một\nDòng hai", TextTarget::Footnote(FootnoteId(1))),
            PasteKind::Line("Dòng một Dòng hai".into())
        );
        assert_eq!(paste_kind("Dòng một\n\nDòng hai", p), PasteKind::Blocks);
    }

    #[test]
    fn a_whole_report_fills_only_the_empty_fields() {
        let mut r = blank_report();
        r.header.place = "Cao Bằng".into();
        let para = first_paragraph(&r);
        let whole = "ỦY BAN NHÂN DÂN\nXÃ HÒA AN\n\nSố: 15/BC-UBND\n\nHòa An, ngày 05 tháng 8 năm 2026\n\nBÁO CÁO\n\nTình hình kinh tế - xã hội tháng 7/2026\n\nI. KẾT QUẢ\n\nThu ngân sách đạt 1.200 triệu đồng¹.\n\n¹ Theo số liệu của Kho bạc.\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT, VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Bình\n";
        let pasted = paste_blocks(
            &mut r,
            Caret {
                target: TextTarget::Paragraph(para),
                offset: 0,
            },
            whole,
        );
        assert_eq!(pasted.footnotes, 1);
        assert_eq!(
            r.header.place, "Cao Bằng",
            "a field already written is kept"
        );
        assert_eq!(r.header.code, "BC-UBND");
        assert_eq!(r.title.summary, "Tình hình kinh tế - xã hội tháng 7/2026");
        assert_eq!(r.recipients.len(), 2);
        assert_eq!(r.signature.signer, "Nguyễn Văn Bình");
        assert_eq!(
            plain_text(&r.footnotes[0].content),
            "Theo số liệu của Kho bạc."
        );
    }

    #[test]
    fn markers_pasted_without_their_notes_get_numbers_of_their_own() {
        let mut r = import_text("I. KẾT QUẢ\n\nĐoạn có chú thích¹.\n\n¹ Chú thích một.\n").unwrap();
        let para = first_paragraph(&r);
        // "²" pasted at the start: it stands before ¹, so it becomes ¹.
        let done = paste_line(
            &mut r,
            Caret {
                target: TextTarget::Paragraph(para),
                offset: 0,
            },
            line_inlines("Mới²"),
        );
        assert!(done);
        let order: Vec<u32> = r.footnote_order().iter().map(|f| f.0).collect();
        assert_eq!(order, [1, 2]);
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(2)).unwrap().content),
            "Chú thích một."
        );
    }
}

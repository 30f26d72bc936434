//! What a paste does to the report. One line pastes into the text at the
//! caret (with its bold, italic, m² and footnote markers as the importer
//! reads them); several lines are read as report text and put at the caret
//! as headings, paragraphs, tables and footnotes. A whole report pasted into
//! a draft (its header lines were found) also fills the header, trích yếu,
//! Nơi nhận and signature fields that are still empty, and never overwrites
//! what the official already wrote there.
//!
//! HTML on the clipboard (Word, LibreOffice, a browser) is read the same
//! way when it holds what the plain text loses (footnotes, bold and italic,
//! tables): one paragraph goes in at the caret with its footnotes, more go
//! in as blocks, under the same whole-report policy.
//!
//! The HTML reader is not in the page's wasm: the document worker reads the
//! clipboard's HTML into a [`ReadHtml`] ([`read_html_paste`]), which crosses
//! to the page as JSON, and the page puts it in ([`put_read_html`]).

use crate::{Caret, Pasted, ReportEdit};
use baocao_import::html::{read_html, HtmlDoc};
use baocao_import::{import_fragment, import_text, parse_inline};
use baocao_model::{edit_text, insert_inlines, Footnote, FootnoteId, Inline, Report, TextTarget};
use serde::{Deserialize, Serialize};

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
    paste_line_with_notes(report, at, inlines, Vec::new())
}

/// [`paste_line`] for a line that brings its footnotes: `notes[n - 1]` is
/// the content of the line's `Inline::Note(n)`. They are numbered with the
/// report's by reading order.
pub fn paste_line_with_notes(
    report: &mut Report,
    at: Caret,
    inlines: Vec<Inline>,
    notes: Vec<Vec<Inline>>,
) -> bool {
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
    if done {
        report
            .footnotes
            .extend(notes.into_iter().enumerate().map(|(i, content)| Footnote {
                id: FootnoteId(base + i as u32 + 1),
                content,
                origin: None,
            }));
    }
    report.renumber_footnotes();
    done
}

/// Puts pasted text of several lines at the caret (see the module
/// documentation).
pub fn paste_blocks(report: &mut Report, at: Caret, text: &str) -> Pasted {
    put_blocks(report, at, import_text(text).ok(), || {
        import_fragment(text, 1)
    })
}

/// Reads pasted text of several lines as [`paste_blocks`] would put it in,
/// for [`put_read_html`]: the document worker does this for the page (the
/// text importer is not needed to type). Always [`ReadHtml::Blocks`].
pub fn read_text_paste(text: &str) -> ReadHtml {
    let (report, whole) = choose_blocks(import_text(text).ok(), || import_fragment(text, 1));
    ReadHtml::Blocks {
        report: Box::new(report),
        whole,
    }
}

/// How pasted HTML goes in.
#[derive(Clone, Debug)]
pub enum HtmlPaste {
    /// Into the text at the caret: one paragraph's inline content, and the
    /// footnotes its markers name (`notes[n - 1]` for `Inline::Note(n)`).
    Line {
        inlines: Vec<Inline>,
        notes: Vec<Vec<Inline>>,
    },
    /// As blocks ([`paste_html_blocks`]).
    Blocks(HtmlDoc),
}

/// How clipboard HTML pastes into `target`; None when it is too large,
/// holds no text, or holds nothing the plain text loses: then paste
/// `text/plain`. Into a footnote only one paragraph goes, without markers
/// (a note holds no notes).
pub fn html_paste(html: &str, target: TextTarget) -> Option<HtmlPaste> {
    html_paste_into(html, matches!(target, TextTarget::Footnote(_)))
}

/// [`html_paste`] into a footnote (`in_note`) or any other text.
fn html_paste_into(html: &str, in_note: bool) -> Option<HtmlPaste> {
    let doc = read_html(html).filter(HtmlDoc::is_rich)?;
    match doc.single_paragraph() {
        Some(mut inlines) => {
            let mut notes = doc.notes().to_vec();
            if in_note {
                inlines.retain(|i| !matches!(i, Inline::Note(_)));
                notes.clear();
            }
            Some(HtmlPaste::Line { inlines, notes })
        }
        None if in_note => None,
        None => Some(HtmlPaste::Blocks(doc)),
    }
}

/// Puts pasted HTML of several paragraphs at the caret, as
/// [`paste_blocks`] does text.
pub fn paste_html_blocks(report: &mut Report, at: Caret, doc: &HtmlDoc) -> Pasted {
    put_blocks(report, at, Some(doc.report()), || doc.fragment(1))
}

/// Puts clipboard HTML at the caret, a line or blocks; None when the plain
/// text should be pasted instead (see [`html_paste`]). What the page does in
/// two steps, [`read_html_paste`] in the worker and [`put_read_html`].
pub fn paste_html(report: &mut Report, at: Caret, html: &str) -> Option<Pasted> {
    let into_note = matches!(at.target, TextTarget::Footnote(_));
    put_read_html(report, at, read_html_paste(html, into_note))
}

/// Clipboard HTML as read, ready to go in: what the document worker sends
/// the page (as JSON) for a paste.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReadHtml {
    /// Nothing the plain text loses, too large, or no text: paste
    /// `text/plain` instead.
    Plain,
    /// Into the text at the caret (see [`HtmlPaste::Line`]).
    Line {
        inlines: Vec<Inline>,
        notes: Vec<Vec<Inline>>,
    },
    /// As blocks: a whole report (its header lines were found, so only the
    /// empty fields are filled from it) or a fragment of body content.
    Blocks { report: Box<Report>, whole: bool },
}

/// Reads clipboard HTML for a paste into a footnote (`into_note`) or any
/// other text (see [`html_paste`]). Its footnotes are told apart here, where
/// the lines they were read from are still known.
pub fn read_html_paste(html: &str, into_note: bool) -> ReadHtml {
    match html_paste_into(html, into_note) {
        None => ReadHtml::Plain,
        Some(HtmlPaste::Line { inlines, notes }) => ReadHtml::Line { inlines, notes },
        Some(HtmlPaste::Blocks(doc)) => {
            let (mut report, whole) = choose_blocks(Some(doc.report()), || doc.fragment(1));
            report.disambiguate_footnotes();
            ReadHtml::Blocks {
                report: Box::new(report),
                whole,
            }
        }
    }
}

/// Puts read clipboard HTML at the caret; None for [`ReadHtml::Plain`] (the
/// plain text goes in instead) or when the target is gone.
pub fn put_read_html(report: &mut Report, at: Caret, read: ReadHtml) -> Option<Pasted> {
    match read {
        ReadHtml::Plain => None,
        ReadHtml::Line { inlines, notes } => {
            let footnotes = notes.len();
            let len = edit_text(&inlines).len();
            paste_line_with_notes(report, at, inlines, notes).then(|| Pasted {
                footnotes,
                caret: Some(Caret {
                    target: at.target,
                    offset: at.offset + len,
                }),
                ..Pasted::default()
            })
        }
        ReadHtml::Blocks {
            report: read,
            whole,
        } => Some(put_chosen(report, at, *read, whole)),
    }
}

/// Puts a pasted fragment at the caret: read as a whole report when its
/// header lines were found (filling only the empty fields), else as body
/// content whose Nơi nhận and signature fill those still empty.
fn put_blocks(
    report: &mut Report,
    at: Caret,
    whole: Option<Report>,
    fragment: impl FnOnce() -> Report,
) -> Pasted {
    let (read, whole) = choose_blocks(whole, fragment);
    put_chosen(report, at, read, whole)
}

/// The whole report when its header lines were found (true), else the
/// fragment (false).
fn choose_blocks(whole: Option<Report>, fragment: impl FnOnce() -> Report) -> (Report, bool) {
    match whole.filter(is_whole_report) {
        Some(whole) => (whole, true),
        None => (fragment(), false),
    }
}

/// [`put_blocks`] once the whole report or the fragment is chosen.
fn put_chosen(report: &mut Report, at: Caret, read: Report, whole: bool) -> Pasted {
    let fragment = if whole {
        fill_empty_fields(report, &read);
        let mut body = Report::new();
        body.body = read.body;
        body.footnotes = read.footnotes;
        body
    } else {
        if report.recipients.is_empty() {
            report.recipients = read.recipients.clone();
        }
        if report.signature == Default::default() {
            report.signature = read.signature.clone();
        }
        read
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
    fn text_read_apart_goes_in_as_paste_blocks_puts_it() {
        // The worker reads the text and sends it as JSON; the page puts it in.
        let whole = "ỦY BAN NHÂN DÂN\nXÃ MINH KHAI\n\nSố: 41/BC-UBND\n\nMinh Khai, ngày 03 tháng 2 năm 2027\n\nBÁO CÁO\n\nTình hình kinh tế - xã hội tháng 1/2027\n\nI. KẾT QUẢ\n\nThu ngân sách đạt 860 triệu đồng¹.\n\n¹ Số ước thực hiện.\n";
        let fragment = "Cấp 37 giấy chứng nhận.\n\nTrồng mới 12,5 ha rừng.\n";
        for (text, is_whole) in [(whole, true), (fragment, false)] {
            let read = read_text_paste(text);
            assert!(matches!(read, ReadHtml::Blocks { whole, .. } if whole == is_whole));
            let json = serde_json::to_string(&read).unwrap();
            let read: ReadHtml = serde_json::from_str(&json).unwrap();
            let mut apart = blank_report();
            let mut here = apart.clone();
            let at = at_start(&apart);
            let pasted = put_read_html(&mut apart, at, read).expect("blocks go in");
            assert_eq!(pasted, paste_blocks(&mut here, at, text));
            // Equal as stored: the lines of the pasted text that blocks were
            // read from (`origin`) are not sent, as a stored draft keeps none.
            assert_eq!(
                serde_json::to_value(&apart).unwrap(),
                serde_json::to_value(&here).unwrap()
            );
        }
        let mut r = blank_report();
        let at = at_start(&r);
        put_read_html(&mut r, at, read_text_paste(whole));
        assert_eq!(r.header.number, "41");
        assert_eq!(r.title.summary, "Tình hình kinh tế - xã hội tháng 1/2027");
        assert_eq!(plain_text(&r.footnotes[0].content), "Số ước thực hiện.");
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
    fn at_start(r: &Report) -> Caret {
        Caret {
            target: TextTarget::Paragraph(first_paragraph(r)),
            offset: 0,
        }
    }

    fn paragraphs(r: &Report) -> Vec<Vec<Inline>> {
        let mut out = Vec::new();
        r.body.visit(&mut |v| {
            if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
                out.push(p.inlines.clone());
            }
        });
        out
    }

    fn styled(text: &str, bold: bool, italic: bool) -> Inline {
        Inline::styled(
            text,
            baocao_model::Style {
                bold,
                italic,
                ..Default::default()
            },
        )
    }

    /// Two paragraphs with two footnotes, bold and italic, as Word writes
    /// them on the clipboard (its style sheet and most attributes trimmed).
    const WORD_TWO_NOTES: &str = r##"<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style><!-- p.MsoNormal {font-size:14.0pt} --></style></head><body lang=VI>
<!--StartFragment-->
<p class=MsoNormal>Giải ngân <b>85%</b> kế hoạch vốn<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:14.0pt'>[1]</span></span><![endif]></span></span></a>.<o:p></o:p></p>
<p class=MsoNormal><i>Tồn tại:</i> một số dự án chậm<a style='mso-footnote-id:ftn2' href="#_ftn2" name="_ftnref2" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[2]<![endif]></span></span></a>.<o:p></o:p></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Đến ngày 30/6/2026.<o:p></o:p></p></div>
<div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText><a style='mso-footnote-id:ftn2' href="#_ftnref2" name="_ftn2" title=""><span class=MsoFootnoteReference>[2]</span></a> Do v&#432;&#7899;ng m&#7863;t b&#7857;ng.<o:p></o:p></p></div>
</div>
<!--EndFragment--></body></html>"##;

    #[test]
    fn word_html_brings_its_footnotes_bold_and_italic() {
        let mut r = blank_report();
        let at = at_start(&r);
        let pasted = paste_html(&mut r, at, WORD_TWO_NOTES).expect("read as HTML");
        assert_eq!(
            (pasted.headings, pasted.blocks, pasted.footnotes),
            (0, 2, 2)
        );
        assert_eq!(
            paragraphs(&r),
            vec![
                vec![
                    Inline::text("Giải ngân "),
                    styled("85%", true, false),
                    Inline::text(" kế hoạch vốn"),
                    Inline::Note(FootnoteId(1)),
                    Inline::text("."),
                ],
                vec![
                    styled("Tồn tại:", false, true),
                    Inline::text(" một số dự án chậm"),
                    Inline::Note(FootnoteId(2)),
                    Inline::text("."),
                ],
            ]
        );
        let notes: Vec<(u32, String)> = r
            .footnotes
            .iter()
            .map(|f| (f.id.0, plain_text(&f.content)))
            .collect();
        assert_eq!(
            notes,
            [
                (1, "Đến ngày 30/6/2026.".to_string()),
                (2, "Do vướng mặt bằng.".to_string())
            ]
        );
    }

    #[test]
    fn libreoffice_html_footnotes_follow_the_reports_own() {
        let mut r = import_text("I. KẾT QUẢ\n\nĐoạn có chú thích¹.\n\n¹ Chú thích cũ.\n").unwrap();
        let para = first_paragraph(&r);
        let html = r##"<html><body><p>Cấp <b>12</b> giấy phép<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>.</p>
<p>Thu hồi 2 giấy phép<a class="sdfootnoteanc" name="sdfootnote2anc" href="#sdfootnote2sym"><sup>2</sup></a>.</p>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Giấy phép xây dựng.</p></div>
<div id="sdfootnote2"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote2sym" href="#sdfootnote2anc">2</a>Quá hạn.</p></div></body></html>"##;
        // At the end of the paragraph that has footnote 1: the new ones are 2 and 3.
        let offset = edit_text(r.inlines(TextTarget::Paragraph(para)).unwrap()).len();
        let at = Caret {
            target: TextTarget::Paragraph(para),
            offset,
        };
        let pasted = paste_html(&mut r, at, html).expect("read as HTML");
        assert_eq!(pasted.footnotes, 2);
        let notes: Vec<String> = r.footnotes.iter().map(|f| plain_text(&f.content)).collect();
        assert_eq!(notes, ["Chú thích cũ.", "Giấy phép xây dựng.", "Quá hạn."]);
        let texts: Vec<String> = paragraphs(&r).iter().map(|p| plain_text(p)).collect();
        assert_eq!(
            texts,
            [
                "Đoạn có chú thích¹.",
                "Cấp 12 giấy phép².",
                "Thu hồi 2 giấy phép³."
            ]
        );
    }

    #[test]
    fn one_paragraph_goes_in_at_the_caret_with_its_footnote() {
        let mut r =
            import_text("I. KẾT QUẢ\n\nThu ngân sách đạt kế hoạch¹.\n\n¹ Chú thích cũ.\n").unwrap();
        let para = first_paragraph(&r);
        let html = "<meta charset='utf-8'><span>tăng <strong>12%</strong></span>\
            <a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a>\
            <div id=ftn1><p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> So với cùng kỳ.</p></div>";
        let at = Caret {
            target: TextTarget::Paragraph(para),
            offset: "Thu ngân sách ".len(),
        };
        let kind = html_paste(html, at.target).expect("rich");
        assert!(matches!(kind, HtmlPaste::Line { .. }), "{kind:?}");
        let pasted = paste_html(&mut r, at, html).expect("read as HTML");
        assert_eq!(pasted.footnotes, 1);
        assert_eq!(
            r.inlines(TextTarget::Paragraph(para)).unwrap(),
            &vec![
                Inline::text("Thu ngân sách tăng "),
                styled("12%", true, false),
                Inline::Note(FootnoteId(1)),
                Inline::text("đạt kế hoạch"),
                Inline::Note(FootnoteId(2)),
                Inline::text("."),
            ]
        );
        let notes: Vec<String> = r.footnotes.iter().map(|f| plain_text(&f.content)).collect();
        assert_eq!(notes, ["So với cùng kỳ.", "Chú thích cũ."]);
    }

    /// The page gets a paste's HTML read by the document worker, as JSON:
    /// what goes in after that crossing is what goes in read on the spot.
    #[test]
    fn html_read_in_the_worker_pastes_the_same_after_its_json_crossing() {
        let whole = "<p align=center><b>ỦY BAN NHÂN DÂN<br>XÃ TÂN LẬP</b></p>\
            <p>Số: 42/BC-UBND</p><p><i>Tân Lập, ngày 03 tháng 9 năm 2027</i></p>\
            <p align=center><b>BÁO CÁO</b></p><p align=center><b>Tình hình tháng 8/2027</b></p>\
            <p><b>I. KẾT QUẢ</b></p><p>Tiêm chủng đạt <b>96,5%</b><a href=\"#_ftn1\" name=\"_ftnref1\">[1]</a>.</p>\
            <p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> Theo Trạm Y tế xã.</p>\
            <p><b><i>Nơi nhận:</i></b><br>- UBND huyện;<br>- Lưu: VT.</p>";
        let table = "<table border=1><tr><td><b>Chỉ tiêu</b></td><td><b>Tháng 8</b></td></tr>\
            <tr><td>Hộ nghèo</td><td>17</td></tr></table>";
        let line = "<p><i>giảm 3 hộ</i> so với tháng trước</p>";
        for html in [WORD_TWO_NOTES, whole, table, line, "<p>chữ thường</p>"] {
            for into_note in [false, true] {
                let read = read_html_paste(html, into_note);
                let json = serde_json::to_string(&read).unwrap();
                let value: serde_json::Value = serde_json::from_str(&json).unwrap();
                let crossed: ReadHtml = serde_json::from_value(value).unwrap();

                let mut direct =
                    import_text("I. KẾT QUẢ\n\nĐoạn có chú thích¹.\n\n¹ Chú thích cũ.\n").unwrap();
                direct.recipients.clear();
                let mut via_worker = direct.clone();
                let target = if into_note {
                    TextTarget::Footnote(FootnoteId(1))
                } else {
                    TextTarget::Paragraph(first_paragraph(&direct))
                };
                let at = Caret { target, offset: 4 };
                let a = paste_html(&mut direct, at, html);
                let b = put_read_html(&mut via_worker, at, crossed);
                assert_eq!(a, b, "{html}");
                assert_eq!(
                    serde_json::to_string(&direct).unwrap(),
                    serde_json::to_string(&via_worker).unwrap(),
                    "{html}"
                );
            }
        }
        assert_eq!(read_html_paste("<p>chữ thường</p>", false), ReadHtml::Plain);
        assert!(matches!(
            read_html_paste(whole, false),
            ReadHtml::Blocks { whole: true, .. }
        ));
        assert!(matches!(
            read_html_paste(line, false),
            ReadHtml::Line { .. }
        ));
    }

    #[test]
    fn a_pasted_html_table_becomes_a_table() {
        let mut r = blank_report();
        let at = at_start(&r);
        let html = "<table class=MsoTableGrid border=1><tr><td><p><b>Chỉ tiêu</b></p></td><td><b>Kết quả</b></td></tr>\
            <tr><td>Thu ngân sách</td><td>1.200</td></tr></table>";
        let pasted = paste_html(&mut r, at, html).expect("a table is rich");
        assert_eq!(pasted.blocks, 1);
        let Block::Table(t) = &r.body.intro[0] else {
            panic!("{:?}", r.body.intro)
        };
        assert_eq!(t.columns, ["Chỉ tiêu", "Kết quả"]);
        assert_eq!(
            t.rows,
            vec![vec!["Thu ngân sách".to_string(), "1.200".into()]]
        );
    }

    #[test]
    fn a_whole_report_in_html_fills_only_the_empty_fields() {
        let mut r = blank_report();
        r.header.place = "Cao Bằng".into();
        let at = at_start(&r);
        let html = "<p align=center><b>ỦY BAN NHÂN DÂN<br>XÃ HÒA AN</b></p>\
            <p>Số: 15/BC-UBND</p><p><i>Hòa An, ngày 05 tháng 8 năm 2026</i></p>\
            <p align=center><b>BÁO CÁO</b></p><p align=center><b>Tình hình tháng 7/2026</b></p>\
            <p><b>I. KẾT QUẢ</b></p><p>Thu ngân sách đạt <b>1.200 triệu đồng</b>.</p>\
            <p><b><i>Nơi nhận:</i></b><br>- UBND tỉnh;<br>- Lưu: VT.</p>\
            <p align=center><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b></p><p align=center><b>Nguyễn Văn Bình</b></p>";
        let pasted = paste_html(&mut r, at, html).expect("rich");
        assert_eq!((pasted.headings, pasted.blocks), (1, 1));
        assert_eq!(
            r.header.place, "Cao Bằng",
            "a field already written is kept"
        );
        assert_eq!(r.header.code, "BC-UBND");
        assert_eq!(r.title.summary, "Tình hình tháng 7/2026");
        assert_eq!(r.recipients, ["UBND tỉnh;", "Lưu: VT."]);
        assert_eq!(r.signature.signer, "Nguyễn Văn Bình");
    }

    #[test]
    fn plain_html_leaves_the_paste_to_the_text() {
        let html = "<meta charset='utf-8'><p>Một đoạn.</p><p>Đoạn **hai**.</p>";
        assert!(html_paste(html, TextTarget::Paragraph(BlockId(1))).is_none());
        assert!(html_paste("", TextTarget::Paragraph(BlockId(1))).is_none());
        let huge = format!("<b>{}</b>", "x".repeat(baocao_import::html::MAX_HTML_SIZE));
        assert!(html_paste(&huge, TextTarget::Paragraph(BlockId(1))).is_none());
    }

    #[test]
    fn hostile_html_pastes_sensible_text_without_panic() {
        let long = "ơ".repeat(100_000);
        let html = format!(
            "<p><b>Mở\u{0}đầu\u{1b}[31m</b><script>alert('x')</script><style>p{{}}</style>\
             <div><i>{long}<p><u>chưa đóng <table><tr><td>ô<td><sup>1</sup>"
        );
        let mut r = blank_report();
        let at = at_start(&r);
        let pasted = paste_html(&mut r, at, &html).expect("rich");
        assert_eq!(pasted.blocks, 4);
        let texts: Vec<String> = paragraphs(&r).iter().map(|p| plain_text(p)).collect();
        assert_eq!(texts[0], "Mởđầu[31m");
        assert_eq!(texts[1].chars().count(), 100_000);
        assert_eq!(texts[2], "chưa đóng");
        let Block::Table(t) = &r.body.intro[3] else {
            panic!("{:?}", r.body.intro[3])
        };
        assert_eq!(t.columns, ["ô", "¹"]);
    }

    #[test]
    fn a_word_report_with_its_header_table_fills_the_header() {
        let mut r = blank_report();
        let para = r.body.intro[0].id();
        let html = "<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\
            <tr><td width=250 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>UBND TỈNH CAO BẰNG</p>\
            <p class=MsoNormal align=center style='text-align:center'><b>ỦY BAN NHÂN DÂN<br>XÃ HÒA AN</b></p>\
            <p class=MsoNormal align=center style='text-align:center'>Số: 15/BC-UBND</p></td>\
            <td width=350 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>\
            <p class=MsoNormal align=center style='text-align:center'><b>Độc lập - Tự do - Hạnh phúc</b></p>\
            <p class=MsoNormal align=right style='text-align:right'><i>Hòa An, ngày 05 tháng 8 năm 2026</i></p></td></tr></table>\
            <p class=MsoNormal align=center style='text-align:center'><b>BÁO CÁO</b></p>\
            <p class=MsoNormal align=center style='text-align:center'><b>Tình hình kinh tế - xã hội tháng 7/2026</b></p>\
            <p class=MsoNormal><b>I. KẾT QUẢ</b></p>\
            <p class=MsoNormal>Thu ngân sách đạt <b>1.200 triệu đồng</b>.</p>";
        let at = Caret {
            target: TextTarget::Paragraph(para),
            offset: 0,
        };
        let pasted = paste_html(&mut r, at, html).expect("rich");
        assert_eq!((pasted.headings, pasted.blocks), (1, 1));
        assert_eq!(r.header.parent_agency, "UBND TỈNH CAO BẰNG");
        assert_eq!(r.header.issuing_agency, "ỦY BAN NHÂN DÂN\nXÃ HÒA AN");
        assert_eq!(r.header.code, "BC-UBND");
        assert_eq!(r.header.place, "Hòa An");
        assert_eq!(r.title.summary, "Tình hình kinh tế - xã hội tháng 7/2026");
    }
}

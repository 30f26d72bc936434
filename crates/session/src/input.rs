//! Reading a report from a file's bytes: a saved draft (.json), report text
//! (.txt, .md) or a Word file (.docx). Shared by the command-line tool and the
//! page's import.

use crate::template::period_draft_name;
use crate::ReportEdit;
use baocao_drafts::{migrate, DraftError};
use baocao_import::docx::{looks_like_word, read_docx, DocxError, Dropped};
use baocao_import::{import_text, ImportError};
use baocao_model::Report;
use std::fmt;

/// What kind of input a report came from; findings name a line in text and a
/// place in the structure for drafts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Text,
    Draft,
    /// A Word file, with what it held that the report does not (images,
    /// text boxes, …); findings name a place in the structure, as for drafts.
    Docx(Dropped),
}

/// Why an input could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// Not UTF-8 text (e.g. a PDF, an .rtf, or a TCVN3/VNI-encoded file;
    /// Word files are told apart before).
    NotUtf8 {
        byte: usize,
    },
    Empty,
    Draft(DraftError),
    Docx(DocxError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotUtf8 { byte } => write!(
                f,
                "Tệp không phải văn bản Unicode (UTF-8): byte thứ {byte} không đọc được. Nếu đây là tệp PDF, hãy mở nó, chọn toàn bộ nội dung rồi dán vào trang; tệp Word thì lưu thành .docx rồi mở tệp .docx đó; nếu là văn bản gõ bằng phông TCVN3/VNI, hãy chuyển mã sang Unicode trước."
            ),
            InputError::Empty => ImportError::Empty.fmt(f),
            InputError::Draft(e) => e.fmt(f),
            InputError::Docx(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads a report from a file's name and bytes. A Word file (named .docx, or
/// a zip or Word 97–2003 file by its first bytes, whatever its name) is read
/// as one; a name ending in ".json" (or bytes starting with "{") as a draft;
/// anything else as text.
pub fn read_report(name: &str, bytes: &[u8]) -> Result<(Report, Source), InputError> {
    if is_word_file(name, bytes) {
        let read = read_docx(bytes).map_err(InputError::Docx)?;
        return Ok((read.report, Source::Docx(read.dropped)));
    }
    read_plain(name, bytes)
}

/// Whether [`read_report`] reads a file as a Word file: named .docx or
/// .docm, or a zip or Word 97–2003 file by its first bytes. The page hands
/// those to its document worker, which carries the .docx reader.
pub fn is_word_file(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".docx") || lower.ends_with(".docm") || looks_like_word(bytes)
}

/// A file that is not a Word file: a draft (.json) or text.
fn read_plain(name: &str, bytes: &[u8]) -> Result<(Report, Source), InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        byte: e.valid_up_to() + 1,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    if looks_like_json(name, text) {
        let report = migrate::read_report(text).map_err(InputError::Draft)?;
        Ok((report, Source::Draft))
    } else {
        let report = import_text(text).map_err(|_| InputError::Empty)?;
        Ok((report, Source::Text))
    }
}

/// Whether a file that is not a Word file is read as a stored draft
/// (.json), not as text.
fn looks_like_json(name: &str, text: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{')
}

/// Whether [`open_draft_file`] opens this file: not a Word file, and a
/// stored draft (.json) rather than text. The page opens those itself and
/// hands text to its document worker, which carries the text importer.
pub fn is_draft_file(name: &str, bytes: &[u8]) -> bool {
    !is_word_file(name, bytes)
        && std::str::from_utf8(bytes)
            .is_ok_and(|t| looks_like_json(name, t.strip_prefix('\u{feff}').unwrap_or(t)))
}

/// [`open_as_draft`] for a file [`is_draft_file`] accepts: a stored draft,
/// read without the text importer.
pub fn open_draft_file(file_name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        byte: e.valid_up_to() + 1,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let report = migrate::read_report(text).map_err(InputError::Draft)?;
    Ok(opened(report, Source::Draft, file_name))
}

/// A report opened to become a draft: what was read, the name the draft
/// list shows for it, and what a Word file held that a report does not.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub report: Report,
    pub name: String,
    /// "Đã bỏ 2 hình ảnh và 1 hộp văn bản.", when something was left out.
    pub left_out: Option<String>,
}

/// Opens a file the official chose in the page as a new draft: read as
/// [`read_report`] does, its footnotes paired with their own definitions and
/// numbered by reading order (as the editor keeps them), and named after its
/// period ("Báo cáo tháng 3/2025"), else after the file.
pub fn open_as_draft(file_name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let (report, source) = read_report(file_name, bytes)?;
    Ok(opened(report, source, file_name))
}

/// [`open_as_draft`] for a file that is not a Word file ([`is_word_file`]
/// is false): the page's own wasm opens drafts and text without the .docx
/// reader, which lives in its document worker.
pub fn open_plain_as_draft(file_name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let (report, source) = read_plain(file_name, bytes)?;
    Ok(opened(report, source, file_name))
}

fn opened(mut report: Report, source: Source, file_name: &str) -> Opened {
    report.disambiguate_footnotes();
    report.renumber_footnotes();
    let name = draft_name(&report, file_name);
    let left_out = match source {
        Source::Docx(dropped) => dropped.message_vi(),
        Source::Text | Source::Draft => None,
    };
    Opened {
        report,
        name,
        left_out,
    }
}

/// The name of a draft made from a file: the report's period if its trích
/// yếu names one, else the file's name without its extension, else a
/// generic name.
pub fn draft_name(report: &Report, file_name: &str) -> String {
    if let Some(p) = report.period() {
        return period_draft_name(p);
    }
    let stem = match file_name.rfind('.') {
        Some(dot) => &file_name[..dot],
        None => file_name,
    };
    if stem.trim().is_empty() {
        "Báo cáo nhập từ tệp".to_string()
    } else {
        stem.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_drafts_are_told_apart() {
        let (r, s) =
            read_report("a.txt", "BÁO CÁO\n\nTình hình tháng 3/2025\n".as_bytes()).unwrap();
        assert_eq!(s, Source::Text);
        assert_eq!(r.title.summary, "Tình hình tháng 3/2025");
        let json = serde_json::to_string(&r).unwrap();
        let (back, s) = read_report("a.json", json.as_bytes()).unwrap();
        assert_eq!(s, Source::Draft);
        assert_eq!(back.title.summary, r.title.summary);
    }

    #[test]
    fn bad_inputs_have_vietnamese_messages() {
        let e = read_report("a.txt", &[b'a', 0xff, b'b']).unwrap_err();
        assert_eq!(e, InputError::NotUtf8 { byte: 2 });
        assert!(e.to_string().contains("UTF-8"));
        assert_eq!(
            read_report("a.txt", b"  \n").unwrap_err(),
            InputError::Empty
        );
        let e = read_report("a.json", br#"{"schema_version": 99}"#).unwrap_err();
        assert!(e.to_string().contains("phiên bản baocao mới hơn"), "{e}");
    }

    #[test]
    fn a_draft_is_named_after_its_period_else_its_file() {
        let text =
            "BÁO CÁO\n\nTình hình kinh tế - xã hội tháng 7/2026\n\nI. KẾT QUẢ\n\nNội dung.\n";
        let opened = open_as_draft("bc-thang-7.txt", text.as_bytes()).unwrap();
        assert_eq!(opened.name, "Báo cáo tháng 7/2026");
        let r = Report::new();
        assert_eq!(draft_name(&r, "BC tổng kết.final.md"), "BC tổng kết.final");
        assert_eq!(draft_name(&r, ".txt"), "Báo cáo nhập từ tệp");
        assert_eq!(draft_name(&r, ""), "Báo cáo nhập từ tệp");
        assert_eq!(draft_name(&r, "ghi-chu"), "ghi-chu");
    }

    #[test]
    fn an_opened_report_has_its_footnotes_in_reading_order() {
        // Two pieces whose numbering restarts at ¹ (a report pasted together).
        let text = "I. KẾT QUẢ\n\nĐoạn một¹.\n\n¹ Chú thích của đoạn một.\n\nĐoạn hai¹.\n\n¹ Chú thích của đoạn hai.\n";
        let opened = open_as_draft("x.txt", text.as_bytes()).unwrap();
        let r = &opened.report;
        let order: Vec<u32> = r.footnote_order().iter().map(|f| f.0).collect();
        assert_eq!(order, [1, 2]);
        let texts: Vec<String> = r
            .footnotes
            .iter()
            .map(|f| baocao_model::plain_text(&f.content))
            .collect();
        assert_eq!(
            texts,
            ["Chú thích của đoạn một.", "Chú thích của đoạn hai."]
        );
    }

    #[test]
    fn the_page_opens_stored_drafts_and_leaves_text_to_the_worker() {
        let text = "BÁO CÁO\n\nTình hình tháng 9/2027\n\nI. KẾT QUẢ\n\nCấp 14 giấy phép¹.\n\n¹ Tính đến ngày 25.\n";
        let report = open_as_draft("bc.txt", text.as_bytes()).unwrap().report;
        let json = serde_json::to_string(&report).unwrap();
        for name in ["bc.json", "ban-sao.JSON", "bc.txt"] {
            assert!(is_draft_file(name, json.as_bytes()), "{name}");
            let opened = open_draft_file(name, json.as_bytes()).unwrap();
            assert_eq!(opened, open_as_draft(name, json.as_bytes()).unwrap());
            assert_eq!(opened.name, "Báo cáo tháng 9/2027");
        }
        let marked = format!("\u{feff}{json}");
        assert!(is_draft_file("bc", marked.as_bytes()));
        assert_eq!(
            open_draft_file("bc", marked.as_bytes()).unwrap(),
            open_draft_file("bc", json.as_bytes()).unwrap()
        );
        // Text, Word files and bytes that are not UTF-8 go to the worker.
        assert!(!is_draft_file("bc.txt", text.as_bytes()));
        assert!(!is_draft_file("bc.docx", json.as_bytes()));
        assert!(!is_draft_file("bc.json", b"PK\x03\x04rest"));
        assert!(!is_draft_file("bc.json", b"{\xff}"));
    }

    #[test]
    fn word_files_are_told_by_name_or_first_bytes_and_plain_files_open_alike() {
        assert!(is_word_file("Báo cáo.DOCX", b""));
        assert!(is_word_file("bc.docm", b""));
        assert!(is_word_file("tai-ve", b"PK\x03\x04rest"));
        // Word 97-2003 (an OLE compound file) is told by its signature too.
        assert!(is_word_file(
            "bc.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"
        ));
        assert!(!is_word_file("bc.txt", "BÁO CÁO".as_bytes()));
        assert!(!is_word_file("bc.json", b"{}"));
        // The page's opener for other files gives what the full one gives.
        let text =
            "BÁO CÁO\n\nTình hình tháng 4/2027\n\nI. KẾT QUẢ\n\nThu 12,5 tỷ đồng¹.\n\n¹ Số ước.\n";
        let plain = open_plain_as_draft("bc.txt", text.as_bytes()).unwrap();
        assert_eq!(plain, open_as_draft("bc.txt", text.as_bytes()).unwrap());
        assert_eq!(plain.name, "Báo cáo tháng 4/2027");
        assert_eq!(plain.report.footnotes.len(), 1);
        assert_eq!(plain.left_out, None);
    }
}

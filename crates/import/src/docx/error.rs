//! Why a .docx could not be read, said the way an official can act on it.

use std::fmt;

/// The largest file the reader takes: a report with photos stays far below.
pub const MAX_FILE_SIZE: usize = 40 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// A Word 97–2003 document (.doc), an OLE compound file.
    OldWord,
    /// A password-protected document: Word stores it as an encrypted OLE file.
    Encrypted,
    /// Not a zip package at all.
    NotZip,
    /// A zip package cut short or damaged.
    Truncated,
    /// A package that inflates beyond the limits (or lies about its sizes).
    ZipBomb,
    /// A zip package without `word/document.xml` (an .xlsx, .pptx, .odt, …).
    NoDocument,
    /// XML with a DOCTYPE or entity declarations, never expanded.
    Dtd,
    /// XML that does not parse.
    BadXml { part: String, detail: String },
    /// A file over [`MAX_FILE_SIZE`].
    TooLarge { bytes: usize },
    /// Something valid but outside what the reader supports.
    Unsupported(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::OldWord => f.write_str(
                "Đây là tệp Word 97–2003 (.doc), định dạng cũ mà baocao không đọc được. Hãy mở tệp trong Word, chọn Tệp → Lưu thành (File → Save As), chọn kiểu «Tài liệu Word (*.docx)» rồi mở lại tệp .docx đó.",
            ),
            DocxError::Encrypted => f.write_str(
                "Tệp Word này có mật khẩu nên không đọc được nội dung. Hãy mở tệp trong Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi mở lại.",
            ),
            DocxError::NotZip => f.write_str(
                "Tệp này không phải tệp Word .docx (nội dung không đúng định dạng). Hãy kiểm tra lại tệp, hoặc mở nó trong Word và lưu thành .docx.",
            ),
            DocxError::Truncated => f.write_str(
                "Tệp .docx bị hỏng hoặc chưa tải về hết (thiếu phần cuối tệp). Hãy tải lại hoặc sao chép lại tệp rồi mở lại.",
            ),
            DocxError::ZipBomb => f.write_str(
                "Tệp .docx có nội dung giải nén quá lớn hoặc quá nhiều thành phần so với một báo cáo, nên baocao không mở để bảo vệ máy. Hãy kiểm tra nguồn gốc tệp.",
            ),
            DocxError::NoDocument => f.write_str(
                "Tệp nén này không chứa văn bản Word (thiếu word/document.xml): có thể là tệp Excel, PowerPoint hay một tệp nén khác. Hãy chọn đúng tệp báo cáo .docx.",
            ),
            DocxError::Dtd => f.write_str(
                "Tệp .docx chứa khai báo DTD hoặc thực thể XML, điều mà Word không bao giờ ghi; baocao không đọc để tránh mã độc. Hãy mở tệp trong Word và lưu lại thành .docx.",
            ),
            DocxError::BadXml { part, detail } => write!(
                f,
                "Tệp .docx bị hỏng: phần {part} không đọc được ({detail}). Hãy mở tệp trong Word và lưu lại thành .docx."
            ),
            DocxError::TooLarge { bytes } => write!(
                f,
                "Tệp quá lớn ({:.1} MB, tối đa {} MB). Báo cáo thường chỉ vài trăm KB: hãy xóa hoặc nén bớt hình ảnh trong Word rồi lưu lại.",
                *bytes as f64 / (1u64 << 20) as f64,
                MAX_FILE_SIZE >> 20
            ),
            DocxError::Unsupported(what) => write!(
                f,
                "Tệp .docx dùng tính năng baocao chưa đọc được ({what}). Hãy mở tệp trong Word và lưu lại thành .docx."
            ),
        }
    }
}

impl std::error::Error for DocxError {}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What an OLE compound file is: a password-protected Office file keeps its
/// package in a stream named "EncryptedPackage" (with an "EncryptionInfo"
/// stream); anything else is taken as a Word 97–2003 document.
pub fn sniff_ole(bytes: &[u8]) -> Option<DocxError> {
    if !bytes.starts_with(&OLE_MAGIC) {
        return None;
    }
    // Directory entry names are UTF-16LE; look for them anywhere in the file
    // rather than walk the sector chains.
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let encrypted = bytes.windows(needle.len()).any(|w| w == needle.as_slice());
    Some(if encrypted {
        DocxError::Encrypted
    } else {
        DocxError::OldWord
    })
}

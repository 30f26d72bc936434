//! Typed places: where in a report a thing stands (a finding, a field to
//! fix). The page matches on them to lead the official there; the Vietnamese
//! name a reader sees ("I › 2 › đoạn 3", "Nơi nhận › dòng 2") is made from
//! them by `Display` and never parsed back.

use crate::{BlockId, FootnoteId};
use std::fmt;
use std::sync::Arc;

/// A field of the header block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeaderField {
    /// Cơ quan chủ quản.
    ParentAgency,
    /// Cơ quan ban hành.
    IssuingAgency,
    /// Số and ký hiệu.
    NumberCode,
    /// Địa danh and the date.
    PlaceDate,
    /// Quốc hiệu.
    NationalName,
    /// Tiêu ngữ.
    Motto,
}

/// A field of the signature block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignatureField {
    /// Quyền hạn ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    Authority,
    /// Chức vụ.
    Position,
    /// Họ tên of the signer.
    Signer,
}

/// The heading numbers from the part down to a section ("I", "2", "2.1"),
/// as the reader sees them; empty for the text before the first heading.
/// Shared, not copied: every paragraph and cell of a section carries its
/// section's outline, and the checks place each of them on every keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Outline(Arc<[String]>);

impl Outline {
    /// The outline one section deeper.
    pub fn child(&self, number: &str) -> Outline {
        let mut v = self.0.to_vec();
        v.push(number.to_string());
        Outline(v.into())
    }

    /// The heading numbers, from the part down.
    pub fn numbers(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Display for Outline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((first, rest)) = self.0.split_first() else {
            return f.write_str("Phần mở đầu");
        };
        f.write_str(first)?;
        for n in rest {
            write!(f, " › {n}")?;
        }
        Ok(())
    }
}

/// Where in a report something stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The report as a whole, when nothing narrower applies.
    Document,
    /// A field of the header block.
    Header(HeaderField),
    /// Tên loại ("BÁO CÁO").
    Kind,
    /// The trích yếu.
    Summary,
    /// A section's heading.
    Heading { section: BlockId, outline: Outline },
    /// The `nth` paragraph (from 1) of the section at `outline`.
    Paragraph {
        block: BlockId,
        outline: Outline,
        nth: u32,
    },
    /// The `nth` table (from 1) of the section at `outline`, as a whole.
    Table {
        table: BlockId,
        outline: Outline,
        nth: u32,
    },
    /// A cell of the `nth` table (from 1) of the section at `outline`;
    /// `row` 0 is the header row.
    Cell {
        table: BlockId,
        outline: Outline,
        nth: u32,
        row: u32,
        col: u32,
    },
    /// A footnote's text.
    Footnote(FootnoteId),
    /// Nơi nhận as a whole.
    Recipients,
    /// One item of Nơi nhận (its index, from 0).
    Recipient(usize),
    /// A field of the signature block.
    Signature(SignatureField),
}

impl Place {
    /// The heading, paragraph or table the place is in, if it is in the body.
    pub fn block(&self) -> Option<BlockId> {
        match self {
            Place::Heading { section, .. } => Some(*section),
            Place::Paragraph { block, .. } => Some(*block),
            Place::Table { table, .. } | Place::Cell { table, .. } => Some(*table),
            _ => None,
        }
    }
}

impl fmt::Display for HeaderField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeaderField::ParentAgency => "Cơ quan chủ quản",
            HeaderField::IssuingAgency => "Cơ quan ban hành",
            HeaderField::NumberCode => "Số, ký hiệu",
            HeaderField::PlaceDate => "Địa danh, ngày tháng",
            HeaderField::NationalName => "Quốc hiệu",
            HeaderField::Motto => "Tiêu ngữ",
        })
    }
}

impl fmt::Display for SignatureField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SignatureField::Authority => "Quyền hạn",
            SignatureField::Position => "Chức vụ",
            SignatureField::Signer => "Họ tên",
        })
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Document => f.write_str("Toàn văn bản"),
            Place::Header(field) => write!(f, "Phần đầu › {field}"),
            Place::Kind => f.write_str("Tên loại văn bản"),
            Place::Summary => f.write_str("Trích yếu"),
            Place::Heading { outline, .. } => write!(f, "{outline} (đề mục)"),
            Place::Paragraph { outline, nth, .. } => write!(f, "{outline} › đoạn {nth}"),
            Place::Table { outline, nth, .. } => write!(f, "{outline} › bảng {nth}"),
            Place::Cell {
                outline,
                nth,
                row,
                col,
                ..
            } => write!(
                f,
                "{outline} › bảng {nth} › dòng {} cột {}",
                row + 1,
                col + 1
            ),
            Place::Footnote(id) => write!(f, "Chú thích {}", id.0),
            Place::Recipients => f.write_str("Nơi nhận"),
            Place::Recipient(i) => write!(f, "Nơi nhận › dòng {}", i + 1),
            Place::Signature(SignatureField::Authority) => f.write_str("Chữ ký"),
            Place::Signature(field) => write!(f, "Chữ ký › {field}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_the_reader_names_them() {
        let outline = Outline::default().child("I").child("2");
        let cases = [
            (
                Place::Paragraph {
                    block: BlockId(7),
                    outline: outline.clone(),
                    nth: 3,
                },
                "I › 2 › đoạn 3",
            ),
            (
                Place::Heading {
                    section: BlockId(5),
                    outline: outline.clone(),
                },
                "I › 2 (đề mục)",
            ),
            (
                Place::Cell {
                    table: BlockId(9),
                    outline: Outline::default(),
                    nth: 1,
                    row: 0,
                    col: 2,
                },
                "Phần mở đầu › bảng 1 › dòng 1 cột 3",
            ),
            (Place::Footnote(FootnoteId(4)), "Chú thích 4"),
            (Place::Recipient(1), "Nơi nhận › dòng 2"),
            (
                Place::Header(HeaderField::NumberCode),
                "Phần đầu › Số, ký hiệu",
            ),
            (Place::Signature(SignatureField::Signer), "Chữ ký › Họ tên"),
            (Place::Signature(SignatureField::Authority), "Chữ ký"),
        ];
        for (place, name) in cases {
            assert_eq!(place.to_string(), name);
        }
    }
}

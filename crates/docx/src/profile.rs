//! The layout values of Nghị định 30/2020/NĐ-CP, Phụ lục I, as the builders use
//! them: the default profile "14" of nd30.md §14, in one place. Lengths are in
//! twips (1/20 pt; 1 mm ≈ 56.7), font sizes in half-points (as `w:sz` counts).

use baocao_model::Density;

/// A font size in half-points: 28 is 14 pt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct HalfPoints(pub u32);

impl HalfPoints {
    /// The value docx-rs takes for `w:sz`.
    pub fn val(self) -> usize {
        self.0 as usize
    }
}

/// Times New Roman on all four font slots (ascii, hAnsi, cs, eastAsia). [M] §2.1
pub const FONT: &str = "Times New Roman";
/// The language of every run. §2.1
pub const LANGUAGE: &str = "vi-VN";
/// Black text. [M] §1.12
pub const COLOR: &str = "000000";

/// A4 portrait. [M] §1.1
pub const PAGE_WIDTH: u32 = 11906;
/// A4 portrait height.
pub const PAGE_HEIGHT: u32 = 16838;
/// Top margin 20 mm (decree: 20–25). §1.3
pub const MARGIN_TOP: u32 = 1134;
/// Bottom margin 20 mm (decree: 20–25). §1.4
pub const MARGIN_BOTTOM: u32 = 1134;
/// Left margin 30 mm (decree: 30–35). §1.5
pub const MARGIN_LEFT: u32 = 1701;
/// Right margin 20 mm (decree: 15–20), as offices set it (their files all
/// use 1134). §1.6
pub const MARGIN_RIGHT: u32 = 1134;
/// Distance of the page number (header) from the page edge, 10 mm. §1.8
pub const HEADER_DISTANCE: u32 = 567;
/// Distance of the (empty) footer from the page edge.
pub const FOOTER_DISTANCE: u32 = 567;
/// Text width of a portrait page: 160 mm. §1.7
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Text width of a landscape page (same margins, §10.7).
pub const LANDSCAPE_TEXT_WIDTH: u32 = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT;

/// Font sizes of each element (profile "14", §2.3 and §14).
pub mod size {
    use super::HalfPoints;

    /// Quốc hiệu, 13 pt.
    pub const QUOC_HIEU: HalfPoints = HalfPoints(26);
    /// Tiêu ngữ, 14 pt.
    pub const TIEU_NGU: HalfPoints = HalfPoints(28);
    /// Cơ quan chủ quản and cơ quan ban hành, 13 pt.
    pub const AGENCY: HalfPoints = HalfPoints(26);
    /// "Số: …/BC-…", 13 pt (fixed by the decree).
    pub const NUMBER: HalfPoints = HalfPoints(26);
    /// Place and date, 14 pt.
    pub const PLACE_DATE: HalfPoints = HalfPoints(28);
    /// Tên loại "BÁO CÁO", 14 pt.
    pub const KIND: HalfPoints = HalfPoints(28);
    /// Trích yếu, 14 pt.
    pub const SUMMARY: HalfPoints = HalfPoints(28);
    /// Body text and headings, 14 pt.
    pub const BODY: HalfPoints = HalfPoints(28);
    /// Footnote text, 11 pt (§6: 10–12; offices use 10–11).
    pub const FOOTNOTE: HalfPoints = HalfPoints(22);
    /// Detail table text, 12 pt (§10.8: 11–13).
    pub const TABLE: HalfPoints = HalfPoints(24);
    /// Signature block: authority, position, name, 14 pt.
    pub const SIGNATURE: HalfPoints = HalfPoints(28);
    /// "Nơi nhận:", 12 pt (fixed).
    pub const RECIPIENTS_LABEL: HalfPoints = HalfPoints(24);
    /// Each recipient, 11 pt (fixed).
    pub const RECIPIENT: HalfPoints = HalfPoints(22);
    /// Page number, 14 pt (§1.10: 13–14, as the body).
    pub const PAGE_NUMBER: HalfPoints = HalfPoints(28);
}

/// Quốc hiệu, exactly. [M] §2.4
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ, exactly, with ASCII hyphens. [M] §2.4
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// Header block: the right column (Quốc hiệu, Tiêu ngữ, place and date) is
/// 100 mm as in offices' files (5670) unless a long agency name needs the
/// room; the left column takes the rest of the text width or what the agency
/// name needs (`header_block::header_layout`). Cell margins 0. §3.1
pub const HEADER_RIGHT: u32 = 5669;
/// Room added to a measured line so that rounding in a renderer cannot make
/// it wrap (2 mm).
pub const HEADER_SLACK: u32 = 113;
/// How far the header table may reach into the left and right margins when
/// a long agency name needs it (10 mm each: the table stays 20 mm from the
/// left edge and 10 mm from the right; the decree's own Phụ lục III file
/// reaches 6 mm into the left margin, the offices' files up to 5 mm).
pub const HEADER_MAX_OVERHANG: [u32; 2] = [567, 567];
/// Closing block columns: Nơi nhận | signature, the text width. §9
pub const CLOSING_COLUMNS: [u32; 2] = [TEXT_WIDTH - 5669, 5669];

/// The short solid lines: 0.75 pt (`w:sz` in eighths of a point). §3.2
pub const RULE_BORDER_SIZE: usize = 6;
/// Line under the issuing agency: 0.4 of its longest line, kept in [1/3, 1/2]. §3.2
pub const AGENCY_RULE_RATIO: f64 = 0.4;
/// Shortest line the decree allows under the agency and the trích yếu.
pub const RULE_RATIO_MIN: f64 = 1.0 / 3.0;
/// Longest line the decree allows under the agency and the trích yếu.
pub const RULE_RATIO_MAX: f64 = 0.5;
/// Line under the trích yếu: 1/3 of its longest line. §4
pub const SUMMARY_RULE_RATIO: f64 = 1.0 / 3.0;
/// Height of the paragraph that carries a short line (exact, 2 pt)…
pub const RULE_PARAGRAPH_HEIGHT: u32 = 40;
/// …and the line's distance below it (points), so the line sits about 3 pt
/// under the text above instead of touching its descenders.
pub const RULE_SPACE: usize = 1;

/// Single line spacing (`w:line`, 240ths of a line).
pub const SINGLE_LINE: i32 = 240;
/// Space before "Số:" and the place-and-date line, 6 pt. §3.2
pub const NUMBER_BEFORE: u32 = 120;
/// Blank room for the number in a draft's "Số:      /BC-UBND". §3.3
pub const BLANK_NUMBER: &str = "        ";
/// Space before "BÁO CÁO" after the header table, 18 pt. §4
pub const KIND_BEFORE: u32 = 360;
/// Space between the line under the trích yếu and the body's first line,
/// 12 pt whatever the density (the body's own space before counts in it). §4
pub const SUMMARY_RULE_GAP: u32 = 240;
/// A trích yếu stays on one line when it fits in nine tenths of the text
/// width (offices' files set lines of up to that); longer ones are broken by
/// hand between phrases into even lines. §4
pub const SUMMARY_MAX_LINE: u32 = TEXT_WIDTH * 9 / 10;

/// 6 pt: the least space the decree allows between body paragraphs, and
/// the space around the blocks that sit between them. §5.5
pub const BODY_BEFORE: u32 = 120;

/// How the body paragraphs are set: first-line indent, space before and
/// after (twips), line spacing (240ths of a line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodySpacing {
    pub first_line: i32,
    pub before: u32,
    pub after: u32,
    pub line: i32,
}

/// The body's spacing for a density, each within the decree: indent 1 cm
/// or 1.27 cm [M] §5.4, at least 6 pt between paragraphs [M] §5.5, lines
/// single to 1.5 [M] §5.6.
pub fn body_spacing(density: Density) -> BodySpacing {
    match density {
        // As the offices' files: 1.27 cm (they write 709–720; nd30.md allows
        // 567 or 720 only), `w:line` 264 (1.1), 6 pt after.
        Density::Office => BodySpacing {
            first_line: 720,
            before: 0,
            after: 120,
            line: 264,
        },
        // "Thoáng", the spacing baocao used before: 1 cm, 1.15, 6 pt before.
        Density::Airy => BodySpacing {
            first_line: 567,
            before: 120,
            after: 0,
            line: 276,
        },
        // "Gọn": 1.27 cm, single lines, 6 pt after.
        Density::Compact => BodySpacing {
            first_line: 720,
            before: 0,
            after: 120,
            line: 240,
        },
    }
}

/// Space between the end of the body and the closing block, 12 pt. §8.2
pub const CLOSING_BEFORE: u32 = 240;
/// Room for the signature and the seal between the position and the name,
/// 30 mm (≥ 4 empty lines at 14 pt). §8.2
pub const SIGNATURE_SPACE: u32 = 1701;

/// Detail tables: single 0.5 pt borders. §10.8
pub const TABLE_BORDER_SIZE: usize = 4;
/// Detail tables: left and right cell padding (Word's default, 0.19 cm).
pub const TABLE_CELL_PADDING: u32 = 108;
/// Detail tables: space above and below the text in a cell, 2 pt.
pub const TABLE_CELL_SPACING: u32 = 40;
/// A detail table with more columns than this is printed landscape.
pub const PORTRAIT_MAX_COLUMNS: usize = 7;

/// Character style of footnote marks (superscript), defined in styles.xml.
pub const FOOTNOTE_REFERENCE_STYLE: &str = "FootnoteReference";
/// Paragraph style of footnote text, defined in styles.xml.
pub const FOOTNOTE_TEXT_STYLE: &str = "FootnoteText";

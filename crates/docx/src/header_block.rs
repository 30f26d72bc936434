//! The header block (ô 1–4): a borderless two-column table with zero cell
//! margins. Left: cơ quan chủ quản (caps, regular), cơ quan ban hành (caps,
//! bold) with its short line, then "Số: …/BC-…". Right: Quốc hiệu, Tiêu ngữ
//! with a line as long as its text, then place and date in italic, on the same
//! row as "Số" (nd30.md §3).

use super::metrics::{balanced_lines, text_width, Face};
use super::paragraphs::centred_line;
use super::profile::{
    size, AGENCY_RULE_RATIO, BLANK_NUMBER, HEADER_MAX_OVERHANG, HEADER_RIGHT, HEADER_SLACK,
    NUMBER_BEFORE, QUOC_HIEU, TEXT_WIDTH, TIEU_NGU,
};
use super::rule::{ratio_length, rule};
use super::runs::text_run;
use super::tables::borderless_table;
use baocao_model::Report;
use docx_rs::{Paragraph, Table};

/// The printed lines of an agency name: the lines as the official broke them,
/// each broken again, as a văn thư would, if it is wider than `width`.
fn agency_lines(name: &str, face: Face, width: u32) -> Vec<String> {
    name.lines()
        .flat_map(|line| {
            balanced_lines(&baocao_model::case::upper(line), face, size::AGENCY, width)
        })
        .collect()
}

/// The header table's shape: its two columns, how far it reaches into the
/// left margin, and the agency lines that decided it.
#[derive(Debug, PartialEq, Eq)]
pub struct HeaderLayout {
    pub columns: [u32; 2],
    /// `w:tblInd`: 0, or negative when a long agency name needs the room.
    pub indent: i32,
    pub parent: Vec<String>,
    pub issuer: Vec<String>,
}

/// The widest line of `lines` in `face`.
fn widest(lines: &[String], face: Face) -> u32 {
    lines
        .iter()
        .map(|l| text_width(l, face, size::AGENCY))
        .max()
        .unwrap_or(0)
}

/// Sizes the header's columns from what they hold. The right column is
/// the offices' 100 mm, or as narrow as the Quốc hiệu, the Tiêu ngữ and the
/// place and date allow when the agency needs room; the left column is as
/// wide as the agency name needs to take as few lines as it can within the
/// page: first within the text width, then reaching into the margins (as the
/// decree's own Phụ lục III and offices' files do) when that saves a line.
pub fn header_layout(report: &Report) -> HeaderLayout {
    let h = &report.header;
    let right_need = [
        text_width(QUOC_HIEU, Face::Bold, size::QUOC_HIEU),
        text_width(TIEU_NGU, Face::Bold, size::TIEU_NGU),
        text_width(&place_date_text(report), Face::Italic, size::PLACE_DATE),
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
        + HEADER_SLACK;
    let number_need = text_width(&number_text(report), Face::Regular, size::NUMBER) + HEADER_SLACK;
    // The lines of the agencies in a column `width` wide, and the width they need.
    let lay = |width: u32| {
        let room = width.saturating_sub(HEADER_SLACK);
        let parent = agency_lines(&h.parent_agency, Face::Regular, room);
        let issuer = agency_lines(&h.issuing_agency, Face::Bold, room);
        let need = widest(&parent, Face::Regular)
            .max(widest(&issuer, Face::Bold))
            .saturating_add(HEADER_SLACK);
        (parent, issuer, need)
    };
    let plain_max = TEXT_WIDTH.saturating_sub(right_need);
    let outer_max = plain_max + HEADER_MAX_OVERHANG[0] + HEADER_MAX_OVERHANG[1];
    let plain = lay(plain_max);
    let outer = lay(outer_max);
    let (parent, issuer, need) = if outer.0.len() + outer.1.len() < plain.0.len() + plain.1.len() {
        outer
    } else {
        plain
    };
    // A single word wider than the column is wrapped by the renderer.
    let left = need
        .min(outer_max)
        .max(number_need)
        .max(TEXT_WIDTH.saturating_sub(HEADER_RIGHT));
    let total = (left + right_need).max(TEXT_WIDTH);
    let overhang = total - TEXT_WIDTH;
    let into_left = overhang.min(HEADER_MAX_OVERHANG[0]);
    HeaderLayout {
        columns: [left, total - left],
        indent: -i32::try_from(into_left).unwrap_or(0),
        parent,
        issuer,
    }
}

/// The left cell of the first row: the agencies and the line under the issuer.
fn agencies(layout: &HeaderLayout) -> Vec<Paragraph> {
    let mut cell = Vec::new();
    for line in &layout.parent {
        cell.push(centred_line(text_run(line, size::AGENCY), 0));
    }
    for line in &layout.issuer {
        cell.push(centred_line(text_run(line, size::AGENCY).bold(), 0));
    }
    let longest = widest(&layout.issuer, Face::Bold);
    if longest > 0 {
        cell.push(rule(
            layout.columns[0],
            ratio_length(longest, AGENCY_RULE_RATIO),
        ));
    }
    if cell.is_empty() {
        cell.push(centred_line(text_run("", size::AGENCY), 0));
    }
    cell
}

/// The right cell of the first row: Quốc hiệu, Tiêu ngữ and its line.
fn national_title(layout: &HeaderLayout) -> Vec<Paragraph> {
    vec![
        centred_line(text_run(QUOC_HIEU, size::QUOC_HIEU).bold(), 0),
        centred_line(text_run(TIEU_NGU, size::TIEU_NGU).bold(), 0),
        rule(
            layout.columns[1],
            text_width(TIEU_NGU, Face::Bold, size::TIEU_NGU),
        ),
    ]
}

/// "Số: 05/BC-UBND"; a blank number keeps room to write it in.
fn number_text(report: &Report) -> String {
    let h = &report.header;
    let number = if h.number.trim().is_empty() {
        BLANK_NUMBER
    } else {
        h.number.trim()
    };
    format!("Số: {number}/{}", h.code.trim())
}

fn number_line(report: &Report) -> Paragraph {
    centred_line(text_run(&number_text(report), size::NUMBER), NUMBER_BEFORE)
}

/// "Lạng Sơn, ngày 05 tháng 3 năm 2025"; blank parts keep their room.
fn place_date_text(report: &Report) -> String {
    let h = &report.header;
    let date = h.date.decree_text();
    if h.place.trim().is_empty() {
        date
    } else {
        format!("{}, {date}", h.place.trim())
    }
}

fn place_date_line(report: &Report) -> Paragraph {
    centred_line(
        text_run(&place_date_text(report), size::PLACE_DATE).italic(),
        NUMBER_BEFORE,
    )
}

/// The header block of a report.
pub fn header_block(report: &Report) -> Table {
    let layout = header_layout(report);
    let table = borderless_table(
        &layout.columns,
        vec![
            vec![agencies(&layout), national_title(&layout)],
            vec![vec![number_line(report)], vec![place_date_line(report)]],
        ],
    );
    if layout.indent == 0 {
        table
    } else {
        table.indent(layout.indent)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn layout(parent: &str, issuer: &str) -> HeaderLayout {
        let mut r = Report::new();
        r.header.parent_agency = parent.into();
        r.header.issuing_agency = issuer.into();
        r.header.code = "BC-UBND".into();
        header_layout(&r)
    }

    #[test]
    fn a_short_name_leaves_the_offices_100_mm_on_the_right() {
        // 9071 twips of text: 5669 (100 mm) right, the 3402 left is more
        // than "ỦY BAN NHÂN DÂN" (2448) needs.
        let l = layout("", "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG");
        assert_eq!(l.columns, [3402, 5669]);
        assert_eq!(l.indent, 0);
        assert_eq!(l.issuer, ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]);
        // Typed on one line, it is broken before the unit.
        let l = layout("", "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN");
        assert_eq!(l.columns, [3402, 5669]);
        assert_eq!(l.issuer, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LẠNG SƠN"]);
        let l = layout("UBND TỈNH LÂM ĐỒNG", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP");
        assert_eq!(l.columns, [3402, 5669]);
        assert_eq!(l.parent, ["UBND TỈNH LÂM ĐỒNG"]);
        assert_eq!(l.issuer, ["BAN QUẢN LÝ", "CÁC KHU CÔNG NGHIỆP"]);
    }

    #[test]
    fn a_long_name_widens_the_left_column_to_take_three_lines() {
        // The right column must hold the Quốc hiệu (5424 at 13 pt bold)
        // and 113 to spare: 5537, which leaves 3534 of the text width, where
        // the name takes four lines or more. Reaching 10 mm into each margin
        // gives 4668 (4555 of text), where it takes three, as in the
        // office's own file; the widest, "KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI",
        // is 4427, so the column is 4540 and the table 4540 + 5537 = 10077,
        // 1006 wider than the text: 567 into the left margin, 439 into the
        // right.
        let l = layout(
            "",
            "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ",
        );
        assert_eq!(
            l.issuer,
            [
                "BAN CHỈ ĐẠO PHÁT TRIỂN",
                "KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI",
                "SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"
            ]
        );
        assert_eq!(l.columns, [4540, 5537]);
        assert_eq!(l.indent, -567);
    }

    #[test]
    fn the_lines_under_the_agency_and_the_tieu_ngu_follow_the_columns() {
        use docx_rs::BuildXML;
        let mut r = Report::new();
        r.header.issuing_agency =
            "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ".into();
        let xml = String::from_utf8(header_block(&r).build()).unwrap();
        assert!(
            xml.contains(r#"<w:tblInd w:w="-567" w:type="dxa" />"#),
            "{xml}"
        );
        assert!(
            xml.contains(
                r#"<w:gridCol w:w="4540" w:type="dxa" /><w:gridCol w:w="5537" w:type="dxa" />"#
            ),
            "{xml}"
        );
        // Under the agency: 0.4 of 4427 = 1771, centred in 4540: (4540 - 1771) / 2 = 1384 each side.
        assert!(
            xml.contains(r#"<w:ind w:left="1384" w:right="1384" />"#),
            "{xml}"
        );
        // Under the Tiêu ngữ: its 3428, centred in 5537: 1054 each side.
        assert!(
            xml.contains(r#"<w:ind w:left="1054" w:right="1054" />"#),
            "{xml}"
        );
    }
}

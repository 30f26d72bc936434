//! The header block (ô 1–4): a borderless two-column table with zero cell
//! margins. Left: cơ quan chủ quản (caps, regular), cơ quan ban hành (caps,
//! bold) with its short line, then "Số: …/BC-…". Right: Quốc hiệu, Tiêu ngữ
//! with a line as long as its text, then place and date in italic, on the same
//! row as "Số" (nd30.md §3).

use super::metrics::{balanced_lines, text_width, Face};
use super::paragraphs::centred_line;
use super::profile::{
    size, AGENCY_RULE_RATIO, BLANK_NUMBER, HEADER_COLUMNS, NUMBER_BEFORE, QUOC_HIEU, TIEU_NGU,
};
use super::rule::{ratio_length, rule};
use super::runs::text_run;
use super::tables::borderless_table;
use baocao_model::Report;
use docx_rs::{Paragraph, Table};

/// The printed lines of an agency name: the lines as the official broke them,
/// each broken again (evenly) if it is wider than the column.
fn agency_lines(name: &str, face: Face) -> Vec<String> {
    name.lines()
        .flat_map(|line| {
            balanced_lines(&line.to_uppercase(), face, size::AGENCY, HEADER_COLUMNS[0])
        })
        .collect()
}

/// The left cell of the first row: the agencies and the line under the issuer.
fn agencies(report: &Report) -> Vec<Paragraph> {
    let h = &report.header;
    let mut cell = Vec::new();
    for line in agency_lines(&h.parent_agency, Face::Regular) {
        cell.push(centred_line(text_run(&line, size::AGENCY), 0));
    }
    let issuer = agency_lines(&h.issuing_agency, Face::Bold);
    for line in &issuer {
        cell.push(centred_line(text_run(line, size::AGENCY).bold(), 0));
    }
    let longest = issuer
        .iter()
        .map(|l| text_width(l, Face::Bold, size::AGENCY))
        .max()
        .unwrap_or(0);
    if longest > 0 {
        cell.push(rule(
            HEADER_COLUMNS[0],
            ratio_length(longest, AGENCY_RULE_RATIO),
        ));
    }
    if cell.is_empty() {
        cell.push(centred_line(text_run("", size::AGENCY), 0));
    }
    cell
}

/// The right cell of the first row: Quốc hiệu, Tiêu ngữ and its line.
fn national_title() -> Vec<Paragraph> {
    vec![
        centred_line(text_run(QUOC_HIEU, size::QUOC_HIEU).bold(), 0),
        centred_line(text_run(TIEU_NGU, size::TIEU_NGU).bold(), 0),
        rule(
            HEADER_COLUMNS[1],
            text_width(TIEU_NGU, Face::Bold, size::TIEU_NGU),
        ),
    ]
}

/// "Số: 05/BC-UBND"; a blank number keeps room to write it in.
fn number_line(report: &Report) -> Paragraph {
    let h = &report.header;
    let number = if h.number.trim().is_empty() {
        BLANK_NUMBER
    } else {
        h.number.trim()
    };
    centred_line(
        text_run(&format!("Số: {number}/{}", h.code.trim()), size::NUMBER),
        NUMBER_BEFORE,
    )
}

/// "Lạng Sơn, ngày 05 tháng 3 năm 2025"; blank parts keep their room.
fn place_date_line(report: &Report) -> Paragraph {
    let h = &report.header;
    let date = h.date.decree_text();
    let text = if h.place.trim().is_empty() {
        date
    } else {
        format!("{}, {date}", h.place.trim())
    };
    centred_line(text_run(&text, size::PLACE_DATE).italic(), NUMBER_BEFORE)
}

/// The header block of a report.
pub fn header_block(report: &Report) -> Table {
    borderless_table(
        &HEADER_COLUMNS,
        vec![
            vec![agencies(report), national_title()],
            vec![vec![number_line(report)], vec![place_date_line(report)]],
        ],
    )
}

//! The closing block: "Nơi nhận" (ô 9b) and the signature (ô 7, 8) side by
//! side in a borderless table whose row does not split across pages. Left:
//! "Nơi nhận:" bold italic 12 pt, each recipient 11 pt after its "- ", with a
//! hanging indent so wrapped lines start under the text. Right: the authority
//! lines and the position in bold capitals, room for the signature and the
//! seal, and the signer's name in bold (nd30.md §8–9).

use super::metrics::{balanced_lines, text_width, Face};
use super::paragraphs::{centred_line, single};
use super::profile::{size, CLOSING_BEFORE, CLOSING_COLUMNS, HEADER_SLACK, SIGNATURE_SPACE};
use super::runs::text_run;
use super::tables::borderless_table;
use baocao_model::Report;
use docx_rs::{AlignmentType, Paragraph, SpecialIndentType, Table};

/// What comes before each recipient.
const DASH: &str = "- ";

fn left_line(before: u32) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Left)
        .line_spacing(single(before, 0))
}

/// "Nơi nhận:" and its items, as written (their ";" and "." are the
/// official's, and the checks look at them).
fn recipients(report: &Report) -> Vec<Paragraph> {
    if report.recipients.is_empty() {
        return vec![left_line(0)];
    }
    let hang = text_width(DASH, Face::Regular, size::RECIPIENT) as i32;
    let mut cell = vec![left_line(CLOSING_BEFORE).add_run(
        text_run("Nơi nhận:", size::RECIPIENTS_LABEL)
            .bold()
            .italic(),
    )];
    for item in &report.recipients {
        cell.push(
            left_line(0)
                .indent(
                    Some(hang),
                    Some(SpecialIndentType::Hanging(hang)),
                    None,
                    None,
                )
                .add_run(text_run(&format!("{DASH}{}", item.trim()), size::RECIPIENT)),
        );
    }
    cell
}

/// Authority, position, the room to sign and seal, and the name.
fn signature(report: &Report) -> Vec<Paragraph> {
    let s = &report.signature;
    let mut lines: Vec<&str> = s.authority.iter().map(|l| l.trim()).collect();
    lines.push(s.position.trim());
    lines.retain(|l| !l.is_empty());
    if lines.is_empty() && s.signer.trim().is_empty() {
        return vec![centred_line(text_run("", size::SIGNATURE), 0)];
    }
    // A long title ("PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN TỈNH") is
    // broken as a văn thư would, not wherever the column ends.
    let lines: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            let room = CLOSING_COLUMNS[1] - HEADER_SLACK;
            balanced_lines(l, Face::Bold, size::SIGNATURE, room)
        })
        .collect();
    let mut cell: Vec<Paragraph> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let before = if i == 0 { CLOSING_BEFORE } else { 0 };
            centred_line(text_run(line, size::SIGNATURE).bold(), before)
        })
        .collect();
    cell.push(centred_line(
        text_run(s.signer.trim(), size::SIGNATURE).bold(),
        SIGNATURE_SPACE,
    ));
    cell
}

/// The closing block, or None when the report has neither recipients nor a
/// signature yet.
pub fn closing_block(report: &Report) -> Option<Table> {
    let s = &report.signature;
    let empty = report.recipients.is_empty()
        && s.authority.iter().all(|l| l.trim().is_empty())
        && s.position.trim().is_empty()
        && s.signer.trim().is_empty();
    if empty {
        return None;
    }
    Some(borderless_table(
        &CLOSING_COLUMNS,
        vec![vec![recipients(report), signature(report)]],
    ))
}

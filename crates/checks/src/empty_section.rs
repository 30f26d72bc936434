//! `empty-section` (warning): a heading with nothing under it, neither text
//! nor a sub-item. A template's headings left unfilled ("2. Văn hóa - xã
//! hội" with no sentence after it) would otherwise go out as an empty
//! section of the .docx.
//!
//! Precision first: a heading with sub-items is not empty (its content is
//! in them, and each of them is checked on its own); any non-blank
//! paragraph, or a table with a filled data cell, is content. Only a
//! heading with no block of either kind and no sub-item is reported.

use super::text::{Unit, UnitKind};
use super::{Placed, Report, Rule, Severity};
use baocao_model::{edit_text, Block, Section};

/// Checks the report for headings with nothing under them.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<super::Finding>) {
    super::check_rule(Rule::EmptySection, units, report, out);
}

/// Whether a block says anything: a paragraph with a visible character, a
/// table with a filled data cell (a header row alone is a form still to fill).
pub fn block_has_content(block: &Block) -> bool {
    match block {
        Block::Paragraph(p) => !edit_text(&p.inlines).trim().is_empty(),
        Block::Table(t) => t
            .rows
            .iter()
            .skip(t.layout.more_header_rows as usize)
            .flatten()
            .any(|c| !c.trim().is_empty()),
    }
}

/// Whether a heading's title is itself the content, as in the task lists
/// and the short answers of real reports: a sentence ending in a full stop
/// ("1. Tập trung thu ngân sách, phấn đấu hoàn thành dự toán."), or a label
/// with its value after a colon ("b) Số hội thành lập mới: Không có").
pub fn title_says_something(title: &str) -> bool {
    let t = title.trim();
    if t.ends_with(['.', ';', '!', '?', '…']) {
        return true;
    }
    t.split_once(':')
        .is_some_and(|(_, after)| after.chars().any(char::is_alphanumeric))
}

/// Whether a section has nothing under its heading: no sub-item, no block
/// with content, and a title that is a name, not a sentence.
pub fn is_empty(section: &Section) -> bool {
    section.children.is_empty()
        && !section.blocks.iter().any(block_has_content)
        && !title_says_something(&edit_text(&section.heading.title))
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    for s in report.body.sections_flat() {
        if !is_empty(s) {
            continue;
        }
        let Some(at) = units
            .iter()
            .position(|u| matches!(u.kind, UnitKind::Heading(_)) && u.block == Some(s.id))
        else {
            continue;
        };
        let unit = &units[at];
        let title = unit.text.trim();
        let name = if title.is_empty() {
            s.heading.label()
        } else {
            format!("{} {title}", s.heading.label())
        };
        let mut finding = unit.finding(
            Rule::EmptySection,
            Severity::Warning,
            0..unit.text.len(),
            format!(
                "Mục «{name}» chưa có nội dung: viết nội dung của mục, hoặc xoá mục nếu kỳ này không có gì để báo cáo."
            ),
        );
        finding.excerpt = name;
        out.push(Placed { at, finding });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings_of;
    use crate::Finding;

    fn found(text: &str) -> Vec<Finding> {
        findings_of(check, text)
    }

    #[test]
    fn a_heading_followed_by_the_next_heading_is_empty() {
        let f = found(
            "I. TÌNH HÌNH KINH TẾ\n\n1. Nông nghiệp\n\nGieo trồng được 1.250 ha lúa.\n\n2. Công nghiệp\n\n3. Thương mại\n\nDoanh thu 52 tỷ đồng.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("«2. Công nghiệp» chưa có nội dung"));
        assert_eq!(f[0].line, Some(7));
    }

    #[test]
    fn a_heading_with_sub_items_is_not_empty() {
        let f = found(
            "I. KẾT QUẢ THỰC HIỆN\n\n1. Kinh tế\n\n1.1. Nông nghiệp\n\nThu hoạch 830 tấn ngô.\n\n1.2. Dịch vụ\n\nCó 14 chợ hoạt động.\n",
        );
        assert_eq!(f, vec![]);
    }

    #[test]
    fn the_last_heading_with_nothing_after_it_is_empty() {
        let f =
            found("I. KẾT QUẢ\n\nTrong tháng tiếp 27 lượt công dân.\n\nII. NHIỆM VỤ THÁNG TỚI\n");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("«II. NHIỆM VỤ THÁNG TỚI»"));
    }

    #[test]
    fn a_title_that_is_a_sentence_or_a_label_with_its_value_is_content() {
        let f = found(
            "II. NHIỆM VỤ THÁNG TỚI\n\n1. Tập trung thu ngân sách, phấn đấu hoàn thành dự toán năm 2026.\n\n2. Duy trì trật tự, an toàn xã hội trên địa bàn./.\n\n3. Số hợp tác xã giải thể trong tháng: Không có\n\n4. Số hộ được hỗ trợ: 37 hộ (đạt kế hoạch)\n",
        );
        assert_eq!(f, vec![]);
        // A colon with nothing after it announces content still to come.
        let f = found(
            "I. KẾT QUẢ\n\n1. Các chỉ tiêu chủ yếu:\n\n2. Thu ngân sách\n\nThu 420 triệu đồng.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("«1. Các chỉ tiêu chủ yếu:»"));
    }

    #[test]
    fn every_section_of_a_report_with_text_is_kept_quiet() {
        let f = found(
            "I. KẾT QUẢ\n\na) Thu ngân sách\n\nThu được 9.860 triệu đồng.\n\nb) Chi ngân sách\n\nChi 8.730 triệu đồng.\n\nII. NHIỆM VỤ\n\nTiếp tục thu ngân sách.\n",
        );
        assert_eq!(f, vec![]);
    }

    #[test]
    fn blank_paragraphs_and_an_unfilled_table_are_not_content() {
        use baocao_model::{Block, BlockId, Inline, Paragraph, Run, Table};
        let mut report = baocao_import::import_text(
            "I. KẾT QUẢ\n\nCó 4 xã đạt chuẩn.\n\nII. NHIỆM VỤ\n\nLàm tiếp.\n",
        )
        .unwrap();
        let part = &mut report.body.sections[1];
        let id = part.blocks[0].id();
        part.blocks = vec![
            Block::Paragraph(Paragraph {
                id,
                inlines: vec![Inline::Text(Run {
                    text: "   ".into(),
                    style: Default::default(),
                })],
                origin: None,
            }),
            Block::Table(Table {
                id: BlockId(9_001),
                title: String::new(),
                unit: String::new(),
                columns: vec!["STT".into(), "Nội dung".into()],
                rows: vec![vec![String::new(), " ".into()]],
                layout: Default::default(),
                origin: None,
            }),
        ];
        let mut out = Vec::new();
        check(&crate::units(&report), &report, &mut out);
        assert_eq!(out.len(), 1, "{out:#?}");
        assert!(out[0].message.contains("«II. NHIỆM VỤ»"));
        // One filled cell is content.
        if let Block::Table(t) = &mut report.body.sections[1].blocks[1] {
            t.rows[0][1] = "Rà soát 12 hồ sơ".into();
        }
        let mut out = Vec::new();
        check(&crate::units(&report), &report, &mut out);
        assert_eq!(out, vec![]);
    }
}

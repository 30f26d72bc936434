//! The template "Báo cáo KT-XH, QP-AN tháng": the parts and items the city's
//! monthly reports always have (taken from the seeds), with the header,
//! signature block and Nơi nhận they usually carry, for a given month.

use baocao_model::{
    empty_paragraph, BlockId, DocDate, Header, Heading, Inline, Level, Period, Report, Section,
    Signature, Title,
};

/// The template's name as the page lists it.
pub const MONTHLY_TEMPLATE_NAME: &str = "Báo cáo KT-XH, QP-AN tháng";

/// The name a draft of the report for `period` takes in the draft list.
pub fn period_draft_name(period: Period) -> String {
    format!("Báo cáo tháng {period}")
}

/// The trích yếu of the monthly report for `period` (tasks for the month after).
pub fn summary_for(period: Period) -> String {
    format!(
        "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng {period}, nhiệm vụ công tác tháng {}",
        period.next()
    )
}

/// The fields of part I and part III, in the seeds' order (report of 3/2025).
const FIELDS: [&str; 8] = [
    "Kinh tế, hạ tầng và đô thị",
    "Đầu tư xây dựng cơ bản",
    "Nông nghiệp và Môi trường, đất đai, giải phóng mặt bằng",
    "Văn hoá – Xã hội – Y tế",
    "Công tác chuyển đổi số",
    "Công tác an ninh, quốc phòng, đối ngoại",
    "Công tác Nội vụ, Thanh tra, Tư pháp",
    "Công tác Dân tộc – Tôn giáo",
];

/// The points under "Văn hoá – Xã hội – Y tế" in part I.
const SOCIAL_POINTS: [&str; 3] = [
    "Giáo dục - Đào tạo",
    "Hoạt động văn hoá - thông tin và thể thao",
    "Công tác y tế, các chính sách xã hội",
];

/// Nơi nhận as the seeds write it, but for the last line: the decree wants
/// the drafting unit after "VT" (Phụ lục I, ô 9b; the seeds' "Lưu: VT." draws a
/// warning), and "TH" (tổng hợp) is the usual one for this report.
pub const USUAL_RECIPIENTS: [&str; 10] = [
    "UBND tỉnh (b/c);",
    "Sở Kế hoạch và Đầu tư (b/c);",
    "Cục Thống kê tỉnh (b/c);",
    "TT Thành ủy (b/c);",
    "TT HĐND TP;",
    "CT, PCT UBND TP;",
    "Các phòng ban, đơn vị, Đảng, đoàn thể TP;",
    "CPVP, CVVP;",
    "Trang TTĐT TP;",
    "Lưu: VT, TH.",
];

/// Hands out block ids in order.
struct Ids(u32);

impl Ids {
    fn next(&mut self) -> BlockId {
        self.0 += 1;
        BlockId(self.0)
    }
}

fn section(ids: &mut Ids, level: Level, title: &str, children: Vec<Section>) -> Section {
    let id = ids.next();
    // Items with sub-items start with their sub-items; the others with a
    // paragraph ready for typing.
    let blocks = if children.is_empty() {
        vec![empty_paragraph(ids.next())]
    } else {
        Vec::new()
    };
    Section {
        id,
        heading: Heading {
            level,
            number: String::new(),
            title: vec![Inline::text(title)],
            origin: None,
        },
        blocks,
        children,
    }
}

/// The monthly report template for `period`: parts I–III with their items,
/// the header of UBND thành phố Lạng Sơn (number and day left blank for the
/// clerk), the usual Nơi nhận and signature block (name left to fill in).
pub fn monthly_report(period: Period) -> Report {
    let mut ids = Ids(0);
    let mut results = Vec::new();
    for (i, field) in FIELDS.iter().enumerate() {
        let children = if i == 3 {
            SOCIAL_POINTS
                .iter()
                .map(|p| section(&mut ids, Level::Point, p, Vec::new()))
                .collect()
        } else {
            Vec::new()
        };
        results.push(section(&mut ids, Level::Item, field, children));
    }
    let part_one = section(&mut ids, Level::Part, "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", results);
    let assessment = vec![
        section(&mut ids, Level::Item, "Ưu điểm", Vec::new()),
        section(&mut ids, Level::Item, "Hạn chế", Vec::new()),
    ];
    let part_two = section(&mut ids, Level::Part, "ĐÁNH GIÁ CHUNG", assessment);
    let tasks = FIELDS
        .iter()
        .map(|f| section(&mut ids, Level::Item, f, Vec::new()))
        .collect();
    let next = period.next();
    let part_three = section(
        &mut ids,
        Level::Part,
        &format!(
            "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG {}/{}",
            next.month, next.year
        ),
        tasks,
    );
    let mut report = Report {
        header: Header {
            parent_agency: String::new(),
            issuing_agency: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LẠNG SƠN".to_string(),
            number: String::new(),
            code: "BC-UBND".to_string(),
            place: "Lạng Sơn".to_string(),
            date: DocDate {
                day: None,
                month: Some(period.month),
                year: Some(period.year),
            },
        },
        title: Title {
            kind: "BÁO CÁO".to_string(),
            summary: summary_for(period),
        },
        recipients: USUAL_RECIPIENTS.iter().map(|s| s.to_string()).collect(),
        signature: Signature {
            authority: vec!["TM. ỦY BAN NHÂN DÂN".to_string()],
            position: "CHỦ TỊCH".to_string(),
            signer: String::new(),
        },
        ..Report::new()
    };
    report.body.sections = vec![part_one, part_two, part_three];
    report.body.renumber_headings();
    report
}

/// A blank report: an empty header and one empty paragraph to type in.
pub fn blank_report() -> Report {
    let mut r = Report::new();
    r.body.intro.push(empty_paragraph(BlockId(1)));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::plain_text;

    #[test]
    fn template_has_the_seeds_parts_and_items() {
        let r = monthly_report(Period::new(3, 2025).unwrap());
        let labels: Vec<String> = r
            .body
            .sections_flat()
            .iter()
            .map(|s| format!("{} {}", s.heading.label(), plain_text(&s.heading.title)))
            .collect();
        assert_eq!(labels[0], "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC");
        assert_eq!(labels[1], "1. Kinh tế, hạ tầng và đô thị");
        assert_eq!(labels[5], "a) Giáo dục - Đào tạo");
        assert_eq!(labels[8], "5. Công tác chuyển đổi số");
        assert!(labels.contains(&"II. ĐÁNH GIÁ CHUNG".to_string()));
        assert!(labels.contains(&"2. Hạn chế".to_string()));
        assert!(labels.contains(&"III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025".to_string()));
        assert_eq!(labels.last().unwrap(), "8. Công tác Dân tộc – Tôn giáo");
        assert_eq!(r.period(), Period::new(3, 2025));
        assert_eq!(
            r.title.summary,
            "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
        );
        assert_eq!(r.header.date.decree_text(), "ngày      tháng 3 năm 2025");
        assert_eq!(r.recipients.last().unwrap(), "Lưu: VT, TH.");
        assert_eq!(r.recipients.len(), 10);
        assert_eq!(r.signature.authority, ["TM. ỦY BAN NHÂN DÂN"]);
    }

    #[test]
    fn template_ids_are_unique_and_december_rolls_over() {
        let r = monthly_report(Period::new(12, 2025).unwrap());
        let mut ids = Vec::new();
        r.body.visit(&mut |v| {
            if let baocao_model::Visit::Block(_, b) = v {
                ids.push(b.id());
            }
        });
        for s in r.body.sections_flat() {
            ids.push(s.id);
        }
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
        assert!(r
            .title
            .summary
            .ends_with("tháng 12/2025, nhiệm vụ công tác tháng 1/2026"));
        let last_part = r.body.sections.last().unwrap();
        assert_eq!(
            plain_text(&last_part.heading.title),
            "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 1/2026"
        );
    }
}

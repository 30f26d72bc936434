//! The moved mentions of the period after "Tạo báo cáo kỳ sau": marked where
//! they stand and kept in step with every edit, as stale figures are.

use super::*;
use crate::carry::{next_period, place_text};
use baocao_import::import_text;
use baocao_model::{plain_text, MovedMark, Period, ReportPeriod, Span, Table};

/// An invented report of tháng 11/2025, its mentions of the period counted
/// by reading it: the trích yếu (2), part I's heading (1), the intro's
/// "tháng 11" and "11 tháng đầu năm" (2), part II's heading (1), the tasks
/// paragraph (1), a table header cell (1). "ngày 05 tháng 11 năm 2025" and
/// the cited plan stay.
const NOVEMBER: &str = "\
Số: /BC-UBND

An Phú, ngày 20 tháng 11 năm 2025

BÁO CÁO

Tình hình kinh tế - xã hội tháng 11/2025, nhiệm vụ tháng 12/2025

I. KẾT QUẢ THÁNG 11/2025

Trong tháng 11, thu ngân sách 1.250 triệu đồng; 11 tháng đầu năm đạt 95% dự toán.

Thực hiện Kế hoạch số 12/KH-UBND ngày 05/11/2025 về tháng 11/2025, tổ chức 3 hội nghị.

II. NHIỆM VỤ THÁNG 12/2025

Tiếp tục triển khai các nhiệm vụ tháng 12/2025.
";

fn november() -> Report {
    import_text(NOVEMBER).unwrap()
}

fn next() -> Report {
    let fallback = ReportPeriod::month(Period::new(1, 2000).unwrap());
    next_period(&november(), fallback).report
}

fn pairs(r: &Report) -> Vec<(&str, &str)> {
    r.moved
        .iter()
        .map(|m| (m.was.as_str(), m.text.as_str()))
        .collect()
}

/// Every mark reads, in its place's text, what it says it marks.
fn assert_in_place(r: &Report) {
    for m in &r.moved {
        let text = place_text(r, m.place).unwrap_or_else(|| panic!("{m:?}: place gone"));
        assert_eq!(&text[m.span()], m.text, "{m:?} in «{text}»");
    }
}

fn para_with(r: &Report, words: &str) -> BlockId {
    let mut found = None;
    r.body.visit(&mut |v| {
        if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
            if found.is_none() && plain_text(&p.inlines).contains(words) {
                found = Some(p.id);
            }
        }
    });
    found.unwrap()
}

#[test]
fn next_period_marks_each_moved_mention_where_it_stands() {
    let r = next();
    assert_eq!(
        pairs(&r),
        [
            ("tháng 11/2025", "tháng 12/2025"),
            ("tháng 12/2025", "tháng 1/2026"),
            ("THÁNG 11/2025", "THÁNG 12/2025"),
            ("tháng 11", "tháng 12"),
            ("11 tháng đầu năm", "cả năm"),
            ("THÁNG 12/2025", "THÁNG 1/2026"),
            ("tháng 12/2025", "tháng 1/2026"),
        ]
    );
    assert_in_place(&r);
    assert_eq!(r.moved[0].place, FigurePlace::Summary);
    assert!(matches!(
        r.moved[2].place,
        FigurePlace::Text(TextTarget::Heading(_))
    ));
    // The second mention in a text stands after the first one's new length.
    let intro = para_with(&r, "cả năm");
    assert_eq!(
        place_text(&r, TextTarget::Paragraph(intro).into()).unwrap(),
        "Trong tháng 12, thu ngân sách 1.250 triệu đồng; cả năm đạt 95% dự toán."
    );
    // The cited plan's month is not a moved mention.
    let cited = para_with(&r, "Kế hoạch");
    assert!(r
        .moved
        .iter()
        .all(|m| m.place != TextTarget::Paragraph(cited).into()));
    // Stale figures are marked as before, beside the moved mentions.
    assert!(r.stale.iter().any(|s| s.text == "1.250"));
}

#[test]
fn a_quarter_s_mentions_are_marked_in_cells_too() {
    let mut r = november();
    r.title.summary = "Kết quả công tác quý I năm 2026".into();
    let t = r.fresh_block_id();
    let table = Table {
        id: t,
        title: String::new(),
        unit: String::new(),
        columns: vec!["Chỉ tiêu".into(), "Quý I".into()],
        rows: vec![vec!["Thu".into(), "12".into()]],
        layout: Default::default(),
        origin: None,
    };
    r.body.sections[0].blocks.push(Block::Table(table));
    let q = next_period(&r, ReportPeriod::month(Period::new(1, 2000).unwrap())).report;
    let cell = FigurePlace::Cell {
        table: t,
        row: 0,
        col: 1,
    };
    let m = q.moved.iter().find(|m| m.place == cell).unwrap();
    assert_eq!(
        (m.was.as_str(), m.text.as_str(), m.start),
        ("Quý I", "Quý II", 0)
    );
    assert_in_place(&q);
    assert_eq!(q.report_period().map(|p| p.span), Some(Span::Quarter(2)));
}

#[test]
fn typing_before_a_mention_moves_its_mark_and_typing_in_it_drops_it() {
    let mut r = next();
    let intro = para_with(&r, "cả năm");
    let target = TextTarget::Paragraph(intro);
    let before = r.moved.len();
    assert!(r.set_inlines(
        target,
        vec![Inline::text(
            "Nhìn chung, trong tháng 12, thu ngân sách 1.250 triệu đồng; cả năm đạt 95% dự toán."
        )]
    ));
    assert_eq!(r.moved.len(), before, "the mentions stay marked");
    assert_in_place(&r);
    // Rewriting "cả năm" drops that mark only.
    assert!(r.set_inlines(
        target,
        vec![Inline::text(
            "Nhìn chung, trong tháng 12, thu ngân sách 1.250 triệu đồng; lũy kế năm đạt 95% dự toán."
        )]
    ));
    assert_eq!(r.moved.len(), before - 1);
    assert!(!pairs(&r).contains(&("11 tháng đầu năm", "cả năm")));
    assert_in_place(&r);
}

#[test]
fn a_letter_typed_against_a_quarter_drops_its_mark() {
    let mut r = Report::new();
    r.title.summary = "Kết quả quý II".into();
    r.moved = vec![MovedMark {
        place: FigurePlace::Summary,
        start: "Kết quả ".len(),
        text: "quý II".into(),
        was: "quý I".into(),
    }];
    r.set_summary("Kết quả năm 2026, quý II");
    assert_eq!(r.moved[0].start, "Kết quả năm 2026, ".len());
    r.set_summary("Kết quả năm 2026, quý III");
    assert!(r.moved.is_empty());
}

#[test]
fn editing_the_trich_yeu_keeps_its_marks_in_step() {
    let mut r = next();
    let in_summary = |r: &Report| {
        r.moved
            .iter()
            .filter(|m| m.place == FigurePlace::Summary)
            .count()
    };
    assert_eq!(in_summary(&r), 2);
    let s = format!("Báo cáo {}", r.title.summary);
    r.set_summary(&s);
    assert_eq!(in_summary(&r), 2);
    assert_in_place(&r);
    let s = r.title.summary.replace("tháng 1/2026", "tháng 01/2026");
    r.set_summary(&s);
    assert_eq!(in_summary(&r), 1);
    assert_in_place(&r);
}

#[test]
fn split_join_and_removal_carry_the_marks_with_their_text() {
    let mut r = next();
    let intro = para_with(&r, "cả năm");
    let cut = "Trong tháng 12, thu ngân sách 1.250 triệu đồng; ".len();
    let tail = r.split_paragraph(intro, cut).unwrap();
    let in_tail: Vec<&MovedMark> = r
        .moved
        .iter()
        .filter(|m| m.place == TextTarget::Paragraph(tail).into())
        .collect();
    assert_eq!(in_tail.len(), 1);
    assert_eq!((in_tail[0].start, in_tail[0].text.as_str()), (0, "cả năm"));
    assert_in_place(&r);
    let (back, at) = r.merge_with_previous(tail).unwrap();
    assert_eq!((back, at), (intro, cut));
    assert_in_place(&r);
    assert!(pairs(&r).contains(&("11 tháng đầu năm", "cả năm")));
    // A split through a mention drops its mark.
    let through = "Trong thá".len();
    let before = r.moved.len();
    let _ = r.split_paragraph(intro, through).unwrap();
    assert_eq!(r.moved.len(), before - 1);
    assert_in_place(&r);
    // Removing part II drops the marks of its heading and paragraph.
    let part_two = r.body.sections[1].id;
    let before = r.moved.len();
    r.remove_section(part_two);
    assert_eq!(r.moved.len(), before - 2);
    assert_in_place(&r);
}

#[test]
fn seen_clears_every_mark_and_the_stale_ones_stay() {
    let mut r = next();
    let stale = r.stale.clone();
    assert_eq!(r.clear_moved(), 7);
    assert!(r.moved.is_empty());
    assert_eq!(r.stale, stale);
}

#[test]
fn a_report_without_moved_marks_stores_as_before() {
    let r = november();
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\"moved\""));
    let n = next();
    let json = serde_json::to_value(&n).unwrap();
    let back: Report = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back.moved, n.moved);
    let at = n.title.summary.find("tháng 12/2025").unwrap();
    assert_eq!(
        json["moved"][0],
        serde_json::json!({
            "place": "summary",
            "start": at,
            "text": "tháng 12/2025",
            "was": "tháng 11/2025",
        })
    );
}

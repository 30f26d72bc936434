//! Lũy kế across periods: a report made from last period's compares its
//! cumulative figures with last period's (invented figures, several phrasings).

use baocao_checks::{run, Rule};
use baocao_model::{Inline, Period, Report, ReportPeriod, TextTarget};
use baocao_session::carry::next_period;
use baocao_session::profile::{UnitKind, UnitProfile};
use baocao_session::template::{report_from, ReportKind, Template};
use baocao_session::{ReportEdit, StaleMarks};

/// A commune's monthly report for `month`/2025 with `text` in its first item.
fn report(month: u8, text: &str) -> (Report, baocao_model::BlockId) {
    let mut r = report_from(
        Template {
            unit: UnitKind::Commune,
            kind: ReportKind::Socioeconomic,
            period: ReportPeriod::month(Period::new(month, 2025).unwrap()),
        },
        &UnitProfile::new(UnitKind::Commune),
    );
    let id = r.body.sections[0].children[0].blocks[0].id();
    assert!(r.set_inlines(TextTarget::Paragraph(id), vec![Inline::text(text)]));
    (r, id)
}

/// Next month's report with the paragraph rewritten as the official would.
fn next_with(previous: &Report, id: baocao_model::BlockId, text: &str) -> Report {
    let mut next = next_period(previous, ReportPeriod::month(Period::new(1, 2000).unwrap())).report;
    assert!(next.set_inlines(TextTarget::Paragraph(id), vec![Inline::text(text)]));
    next.confirm_figures(TextTarget::Paragraph(id).into());
    next
}

fn cumulative_findings(r: &Report) -> Vec<String> {
    run(r)
        .into_iter()
        .filter(|f| f.rule == Rule::Sum && f.message.contains("lũy kế"))
        .map(|f| f.message)
        .collect()
}

#[test]
fn a_cumulative_figure_may_not_fall_and_adds_up() {
    let phrasings = [
        (
            "Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế từ đầu năm đạt 120,3 tỷ đồng.",
            "Thu ngân sách trong tháng đạt 13 tỷ đồng, lũy kế từ đầu năm đạt 133,3 tỷ đồng.",
            "Thu ngân sách trong tháng đạt 13 tỷ đồng, lũy kế từ đầu năm đạt 135 tỷ đồng.",
            "Thu ngân sách trong tháng đạt 2 tỷ đồng, lũy kế từ đầu năm đạt 110 tỷ đồng.",
            "120,3",
        ),
        (
            "Cấp mới 342 thẻ CCCD, tính đến nay đã cấp 3.120 thẻ CCCD",
            "Cấp mới 300 thẻ CCCD, tính đến nay đã cấp 3.420 thẻ CCCD",
            "Cấp mới 300 thẻ CCCD, tính đến nay đã cấp 3.500 thẻ CCCD",
            "Cấp mới 300 thẻ CCCD, tính đến nay đã cấp 3.100 thẻ CCCD",
            "3.120",
        ),
        (
            "Giải quyết 41 hồ sơ đất đai, luỹ kế 1.204 hồ sơ",
            "Giải quyết 38 hồ sơ đất đai, luỹ kế 1.242 hồ sơ",
            "Giải quyết 38 hồ sơ đất đai, luỹ kế 1.250 hồ sơ",
            "Giải quyết 38 hồ sơ đất đai, luỹ kế 1.200 hồ sơ",
            "1.204",
        ),
    ];
    for (nov, right, wrong_sum, fell, before) in phrasings {
        let (november, id) = report(11, nov);
        // Carried over unchanged: not compared until updated.
        let carried = next_period(
            &november,
            ReportPeriod::month(Period::new(1, 2000).unwrap()),
        )
        .report;
        assert!(cumulative_findings(&carried).is_empty(), "{nov}");
        assert!(
            cumulative_findings(&next_with(&november, id, right)).is_empty(),
            "{right}"
        );
        let f = cumulative_findings(&next_with(&november, id, wrong_sum));
        assert_eq!(f.len(), 1, "{wrong_sum}: {f:?}");
        assert!(
            f[0].starts_with(&format!("Lũy kế kỳ trước {before} + kỳ này")),
            "{}",
            f[0]
        );
        assert!(f[0].contains("tháng 11/2025"), "{}", f[0]);
        let f = cumulative_findings(&next_with(&november, id, fell));
        assert_eq!(f.len(), 1, "{fell}: {f:?}");
        assert!(f[0].contains("nhỏ hơn số lũy kế kỳ trước"), "{}", f[0]);
        assert!(f[0].contains(before), "{}", f[0]);
    }
}

#[test]
fn a_new_year_starts_from_zero_and_other_indicators_are_not_compared() {
    let (december, id) = report(
        12,
        "Thu ngân sách trong tháng đạt 12 tỷ đồng, lũy kế từ đầu năm đạt 150 tỷ đồng.",
    );
    let january = next_with(
        &december,
        id,
        "Thu ngân sách trong tháng đạt 9 tỷ đồng, lũy kế từ đầu năm đạt 9 tỷ đồng.",
    );
    assert!(cumulative_findings(&january).is_empty());
    // Other words: another indicator, not compared.
    let (november, id) = report(
        11,
        "Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế từ đầu năm đạt 120,3 tỷ đồng.",
    );
    let other = next_with(
        &november,
        id,
        "Chi ngân sách trong tháng đạt 5 tỷ đồng, lũy kế từ đầu năm đạt 60 tỷ đồng.",
    );
    assert!(cumulative_findings(&other).is_empty());
    // Another unit: not compared.
    let other = next_with(
        &november,
        id,
        "Thu ngân sách trong tháng đạt 12,5 triệu đồng, lũy kế từ đầu năm đạt 120 triệu đồng.",
    );
    assert!(cumulative_findings(&other).is_empty());
}

#[test]
fn the_period_named_with_the_lũy_kế_moves_on_and_the_figure_is_still_compared() {
    let (november, id) = report(
        11,
        "Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế 11 tháng đầu năm đạt 120,3 tỷ đồng.",
    );
    let next = next_period(
        &november,
        ReportPeriod::month(Period::new(1, 2000).unwrap()),
    )
    .report;
    let text = baocao_model::plain_text(next.inlines(TextTarget::Paragraph(id)).unwrap());
    assert_eq!(
        text,
        "Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế cả năm đạt 120,3 tỷ đồng."
    );
    let f = cumulative_findings(&next_with(
        &november,
        id,
        "Thu ngân sách trong tháng đạt 13 tỷ đồng, lũy kế cả năm đạt 130 tỷ đồng.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with(
            "Lũy kế kỳ trước 120,3 + kỳ này 13 = 133,3 tỷ đồng, không phải 130 tỷ đồng"
        ),
        "{}",
        f[0]
    );
}

/// A monthly report of `month`/2025 read from text, with `rest` as its body.
fn imported(month: u8, rest: &str) -> Report {
    baocao_import::import_text(&format!(
        "BÁO CÁO\n\nTình hình kinh tế - xã hội tháng {month}/2025, nhiệm vụ tháng {}/2025\n\nI. KẾT QUẢ\n\n{rest}",
        month + 1
    ))
    .unwrap()
}

/// The first table of the body and its id.
fn first_table(r: &Report) -> baocao_model::Table {
    let mut found = None;
    r.body.visit(&mut |v| {
        if let baocao_model::Visit::Block(_, baocao_model::Block::Table(t)) = v {
            found.get_or_insert_with(|| t.clone());
        }
    });
    found.expect("a table")
}

/// Next month's report from `previous` with cells (row, col, text) typed in.
fn next_with_cells(previous: &Report, cells: &[(usize, usize, &str)]) -> Report {
    let mut next = next_period(previous, ReportPeriod::month(Period::new(1, 2000).unwrap())).report;
    let table = first_table(&next).id;
    for (row, col, text) in cells {
        assert!(next.set_cell(table, *row, *col, (*text).to_string()));
    }
    next
}

#[test]
fn a_table_s_lũy_kế_column_is_compared_with_last_month_s_same_row() {
    // A month's column and a lũy kế column, a unit column, a STT column.
    let layout = "| STT | Chỉ tiêu | ĐVT | Thực hiện tháng 11/2025 | Lũy kế từ đầu năm |\n|---|---|---|---|---|\n| 1 | Thu ngân sách | tỷ đồng | 12,5 | 120,3 |\n| 2 | Cấp giấy phép xây dựng | giấy phép | 14 | 150 |\n";
    let november = imported(11, layout);
    // Carried over unchanged: nothing compared.
    let carried = next_period(
        &november,
        ReportPeriod::month(Period::new(1, 2000).unwrap()),
    )
    .report;
    assert!(cumulative_findings(&carried).is_empty());
    assert_eq!(
        first_table(&carried).columns[3],
        "Thực hiện tháng 12/2025",
        "the month's column moves on"
    );
    // Right: 120,3 + 13 = 133,3; 150 + 9 = 159.
    let right = next_with_cells(
        &november,
        &[(1, 3, "13"), (1, 4, "133,3"), (2, 3, "9"), (2, 4, "159")],
    );
    assert!(cumulative_findings(&right).is_empty());
    // The sum does not add up, in one row.
    let f = cumulative_findings(&next_with_cells(
        &november,
        &[(1, 3, "13"), (1, 4, "135"), (2, 3, "9"), (2, 4, "159")],
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with(
            "Lũy kế kỳ trước 120,3 + kỳ này 13 = 133,3 tỷ đồng, không phải 135 tỷ đồng"
        ),
        "{}",
        f[0]
    );
    assert!(f[0].contains("tháng 11/2025"), "{}", f[0]);
    assert!(f[0].contains("Thu ngân sách"), "{}", f[0]);
    // Fell: 140 < 150, whether or not the month's figure was updated.
    let f = cumulative_findings(&next_with_cells(&november, &[(2, 4, "140")]));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with("Số lũy kế 140 giấy phép nhỏ hơn số lũy kế kỳ trước 150 giấy phép"),
        "{}",
        f[0]
    );
    // The month's figure still carried over: only the fall is looked at.
    assert!(cumulative_findings(&next_with_cells(&november, &[(2, 4, "170")])).is_empty());
}

#[test]
fn other_table_layouts_a_row_s_label_and_a_column_without_unit() {
    // No unit column; the period's own column "Kỳ này"; last year's lũy kế
    // and a rate beside it are not compared.
    let layout = "| Nội dung | Kế hoạch năm | Kỳ này | Luỹ kế đến nay | Lũy kế cùng kỳ năm trước | Tỷ lệ (%) |\n|---|---|---|---|---|---|\n| Hồ sơ tiếp nhận | 5.000 | 410 | 3.900 | 3.100 | 78 |\n";
    let november = imported(11, layout);
    let f = cumulative_findings(&next_with_cells(
        &november,
        &[
            (1, 2, "380"),
            (1, 3, "4.300"),
            (1, 4, "2.000"),
            (1, 5, "60"),
        ],
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with("Lũy kế kỳ trước 3.900 + kỳ này 380 = 4.280, không phải 4.300"),
        "{}",
        f[0]
    );
    // A statistical form: the row's label says "(Lũy kế từ đầu năm)".
    let form = "| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |\n|---|---|---|---|---|\n| 1 | Số văn bản chỉ đạo đã ban hành | Văn bản | 82 | |\n| 2 | Số lãnh đạo được bổ nhiệm qua thi tuyển (Lũy kế từ đầu năm) | Người | 4 | |\n| 3 | Tỷ lệ hoàn thành kế hoạch (Lũy kế đến thời điểm báo cáo) | % | 90 | |\n";
    let november = imported(11, form);
    let f = cumulative_findings(&next_with_cells(
        &november,
        &[(1, 3, "60"), (2, 3, "3"), (3, 3, "85")],
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with("Số lũy kế 3 người nhỏ hơn số lũy kế kỳ trước 4 người"),
        "{}",
        f[0]
    );
    assert!(cumulative_findings(&next_with_cells(&november, &[(2, 3, "6")])).is_empty());
}

#[test]
fn a_table_starts_from_zero_in_a_new_year_and_needs_a_certain_pairing() {
    let layout = "| Chỉ tiêu | ĐVT | Trong tháng | Lũy kế từ đầu năm |\n|---|---|---|---|\n| Thu ngân sách | tỷ đồng | 12 | 150 |\n| Chi ngân sách | tỷ đồng | 10 | 140 |\n";
    // December → January: the lũy kế starts again.
    let december = imported(12, layout);
    assert!(
        cumulative_findings(&next_with_cells(&december, &[(1, 2, "9"), (1, 3, "9")])).is_empty()
    );
    // A row's label changed: another indicator, not compared.
    let november = imported(11, layout);
    let f = cumulative_findings(&next_with_cells(
        &november,
        &[(1, 0, "Thu ngân sách xã"), (1, 3, "100")],
    ));
    assert!(f.is_empty(), "{f:?}");
    // Another unit: not compared.
    let f = cumulative_findings(&next_with_cells(
        &november,
        &[(2, 1, "triệu đồng"), (2, 3, "100")],
    ));
    assert!(f.is_empty(), "{f:?}");
    // The same label twice: which row is which is unsure.
    let twice = "| Chỉ tiêu | ĐVT | Trong tháng | Lũy kế từ đầu năm |\n|---|---|---|---|\n| Thu ngân sách | tỷ đồng | 12 | 150 |\n| Thu ngân sách | tỷ đồng | 10 | 140 |\n";
    let november = imported(11, twice);
    assert!(cumulative_findings(&next_with_cells(&november, &[(1, 3, "100")])).is_empty());
}

#[test]
fn a_footnote_s_lũy_kế_is_compared_too() {
    let november = imported(
        11,
        "Cấp giấy phép xây dựng theo quy định¹.\n\n¹ Trong tháng cấp 12 giấy phép, lũy kế từ đầu năm cấp 140 giấy phép.\n",
    );
    let note = november.footnotes[0].id;
    let with = |text: &str| {
        let mut next = next_period(
            &november,
            ReportPeriod::month(Period::new(1, 2000).unwrap()),
        )
        .report;
        assert!(next.set_inlines(TextTarget::Footnote(note), vec![Inline::text(text)]));
        next.confirm_figures(TextTarget::Footnote(note).into());
        next
    };
    assert!(cumulative_findings(&with(
        "Trong tháng cấp 9 giấy phép, lũy kế từ đầu năm cấp 149 giấy phép."
    ))
    .is_empty());
    let f = cumulative_findings(&with(
        "Trong tháng cấp 9 giấy phép, lũy kế từ đầu năm cấp 150 giấy phép.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].starts_with(
            "Lũy kế kỳ trước 140 + kỳ này 9 = 149 giấy phép, không phải 150 giấy phép"
        ),
        "{}",
        f[0]
    );
    let f = cumulative_findings(&with(
        "Trong tháng cấp 9 giấy phép, lũy kế từ đầu năm cấp 130 giấy phép.",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].contains("nhỏ hơn số lũy kế kỳ trước 140"), "{}", f[0]);
}

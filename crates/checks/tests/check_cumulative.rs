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

//! `period`: the months a report names must agree. The trích yếu's month M/YYYY
//! is followed by "nhiệm vụ … tháng M'/YYYY'" with M' the month after M
//! (12/2021 is followed by 01/2022); the part of tasks ("III. NHIỆM VỤ …
//! THÁNG M'") names the same M', another part naming a month names M; and a
//! figure counted "tính đến (hết) ngày d/m/y" is counted up to a day of the
//! reported month or of the month before it.

use super::text::{Unit, UnitKind};
use super::{Finding, Placed, Report, Rule, Severity};
use baocao_model::{Level, Period, ReportPeriod};
use std::ops::Range;

/// Checks the months named in the report against its period.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Period, units, report, out);
}

/// Whether words name the tasks ahead ("nhiệm vụ trọng tâm công tác",
/// "phương hướng, nhiệm vụ") rather than the results of the month ("kết
/// quả thực hiện nhiệm vụ", "tình hình"), in lower case.
fn names_tasks(lower: &str) -> bool {
    let results = ["kết quả", "tình hình", "thực hiện nhiệm vụ", "đã đạt"];
    let tasks = ["nhiệm vụ", "phương hướng", "kế hoạch công tác"];
    tasks.iter().any(|w| lower.contains(w)) && !results.iter().any(|w| lower.contains(w))
}

/// A month named in a text, with where it stands.
type Named = (Period, Range<usize>);

/// A period of any kind named in a text, with where it stands.
type NamedPeriod = (ReportPeriod, Range<usize>);

/// The reported month (the first named) and, if named, the month of tasks:
/// a later month with "nhiệm vụ" or "phương hướng" between the two.
fn title_periods(summary: &str) -> Option<(Period, Option<Named>)> {
    // A quarter, half-year or year named first is the period, even if a
    // month is named after it.
    if ReportPeriod::find_in(summary).is_some_and(|(p, _)| p.as_month().is_none()) {
        return None;
    }
    let all = Period::find_all(summary);
    let (reported, first) = all.first()?.clone();
    let tasks = all.into_iter().skip(1).find(|(_, r)| {
        let between = baocao_model::case::lower(&summary[first.end..r.start]);
        between.contains("nhiệm vụ") || between.contains("phương hướng")
    });
    Some((reported, tasks))
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], _report: &Report, out: &mut Vec<Placed>) {
    let Some(si) = units.iter().position(|u| u.kind == UnitKind::Summary) else {
        return;
    };
    let summary = &units[si];
    let Some((month, tasks)) = title_periods(&summary.text) else {
        if let Some((reported, tasks)) = other_periods(&summary.text) {
            other_period_findings(units, si, reported, tasks, out);
            return;
        }
        if !summary.text.trim().is_empty() {
            out.push(Placed {
                at: si,
                finding: summary.finding(
                    Rule::Period,
                    Severity::Warning,
                    0..summary.text.len(),
                    "Trích yếu không nêu kỳ báo cáo: ghi «… tháng M/YYYY, nhiệm vụ công tác tháng M+1/YYYY» (hoặc «quý I năm YYYY», «6 tháng đầu năm YYYY», «năm YYYY») để người đọc và các kiểm tra biết kỳ báo cáo.".to_string(),
                ),
            });
        }
        return;
    };
    let next = month.next();
    if let Some((said, range)) = tasks {
        if said != next {
            out.push(Placed {
                at: si,
                finding: summary.finding(
                    Rule::Period,
                    Severity::Error,
                    range,
                    format!(
                        "Báo cáo tháng {month} thì nhiệm vụ là của tháng {next}, không phải tháng {said}: sửa thành «tháng {next}»."
                    ),
                ),
            });
        }
    }
    for (i, unit) in units.iter().enumerate() {
        if unit.kind == UnitKind::Heading(Level::Part) {
            for (said, range) in Period::find_all(&unit.text) {
                let tasks = names_tasks(&baocao_model::case::lower(&unit.text[..range.start]));
                let (expected, what) = if tasks {
                    (next, "phần nhiệm vụ nêu tháng tới")
                } else {
                    (month, "phần kết quả nêu tháng báo cáo")
                };
                if said != expected {
                    out.push(Placed {
                        at: i,
                        finding: unit.finding(
                            Rule::Period,
                            Severity::Error,
                            range,
                            format!(
                                "Trích yếu ghi báo cáo tháng {month}, nên {what} là {expected}, không phải {said}: sửa thành «tháng {expected}»."
                            ),
                        ),
                    });
                }
            }
        }
        if !unit.is_body() {
            continue;
        }
        for d in unit.dates().iter().filter(|d| d.as_of) {
            let Ok(m) = u8::try_from(d.month) else {
                continue;
            };
            if !(1..=12).contains(&m) {
                continue;
            }
            let year = d.year.and_then(|y| u16::try_from(y).ok());
            let inside = |p: Period| m == p.month && year.is_none_or(|y| y == p.year);
            if inside(month) || inside(month.previous()) {
                continue;
            }
            let written = &unit.text[d.span.clone()];
            out.push(Placed {
                at: i,
                finding: unit.finding(
                    Rule::Period,
                    Severity::Error,
                    d.span.clone(),
                    format!(
                        "Số liệu «tính đến {written}» nằm ngoài kỳ báo cáo: báo cáo tháng {month} tính số liệu đến một ngày của tháng {month} (hoặc tháng {}). Kiểm tra lại ngày này.",
                        month.previous()
                    ),
                ),
            });
        }
    }
}

/// A period of another kind than a month named first in the trích yếu
/// ("quý I năm 2026", "6 tháng đầu năm 2026", "năm 2025") and, if named, the
/// period of tasks after "nhiệm vụ" or "phương hướng".
fn other_periods(summary: &str) -> Option<(ReportPeriod, Option<NamedPeriod>)> {
    let all = ReportPeriod::find_all(summary);
    let (reported, first) = all.first()?.clone();
    if reported.as_month().is_some() {
        return None;
    }
    let tasks = all.into_iter().skip(1).find(|(_, r)| {
        let between = baocao_model::case::lower(&summary[first.end..r.start]);
        between.contains("nhiệm vụ") || between.contains("phương hướng")
    });
    Some((reported, tasks))
}

/// Whether two periods are of the same kind (both quarters, both years, …),
/// so that one can be said to be the other's wrong number.
fn same_kind(a: ReportPeriod, b: ReportPeriod) -> bool {
    std::mem::discriminant(&a.span) == std::mem::discriminant(&b.span)
}

/// The checks of a quarterly, half-yearly or yearly report: its tasks are of
/// the period after it. The conventions of these reports vary more than a
/// month's ("9 tháng … nhiệm vụ quý IV" or "… những tháng cuối năm"), so a
/// mismatch is a warning, and only between periods of one kind.
fn other_period_findings(
    units: &[Unit],
    si: usize,
    reported: ReportPeriod,
    tasks: Option<NamedPeriod>,
    out: &mut Vec<Placed>,
) {
    let next = reported.next();
    let summary = &units[si];
    if let Some((said, range)) = tasks {
        if said != next && same_kind(said, next) {
            out.push(Placed {
                at: si,
                finding: summary.finding(
                    Rule::Period,
                    Severity::Warning,
                    range,
                    format!(
                        "Báo cáo {reported} thì nhiệm vụ thường là của {next}, không phải {said}: kiểm tra lại, nếu đúng là nhiệm vụ {next} thì sửa thành «{next}»."
                    ),
                ),
            });
        }
    }
    for (i, unit) in units.iter().enumerate() {
        if unit.kind != UnitKind::Heading(Level::Part) {
            continue;
        }
        for (said, range) in ReportPeriod::find_all(&unit.text) {
            let is_tasks = names_tasks(&baocao_model::case::lower(&unit.text[..range.start]));
            let expected = if is_tasks { next } else { reported };
            if said != expected && same_kind(said, expected) {
                out.push(Placed {
                    at: i,
                    finding: unit.finding(
                        Rule::Period,
                        Severity::Warning,
                        range,
                        format!(
                            "Trích yếu ghi báo cáo {reported}, nên phần này thường nêu {expected}, không phải {said}: kiểm tra lại."
                        ),
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    const TITLE: &str = "BÁO CÁO\n\nTình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 12/2021, nhiệm vụ công tác tháng 01/2022\n\n";

    #[test]
    fn seeds_name_their_months_consistently() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn the_year_turns_after_december() {
        let ok = format!("{TITLE}I. KẾT QUẢ\n\nThu tính đến hết ngày 18/12/2021 đạt 82%.\n\nII. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 01/2022\n\n1. Kinh tế");
        assert_eq!(findings(&ok), vec![]);
        let wrong = ok.replace("tháng 01/2022", "tháng 01/2021");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.starts_with(
            "Báo cáo tháng 12/2021 thì nhiệm vụ là của tháng 1/2022, không phải tháng 1/2021"
        ));
        assert_eq!(f[0].line, Some(3));
    }

    #[test]
    fn the_tasks_part_names_the_next_month() {
        let t = format!("{TITLE}I. KẾT QUẢ\n\nA.\n\nIII. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 12/2021\n\n1. Kinh tế");
        let f = findings(&t);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .contains("phần nhiệm vụ nêu tháng tới là 1/2022, không phải 12/2021"));
        assert_eq!(f[0].line, Some(9));
    }

    #[test]
    fn results_and_tasks_are_told_apart_by_their_words() {
        let t = "BÁO CÁO\n\nKết quả thực hiện nhiệm vụ tháng 11/2024 và phương hướng, nhiệm vụ tháng 12/2024\n\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2024\n\nA.\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12/2024\n\nB.";
        assert_eq!(findings(t), vec![]);
        let f = findings(&t.replace("NHIỆM VỤ THÁNG 11/2024", "NHIỆM VỤ THÁNG 12/2024"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0]
            .message
            .contains("phần kết quả nêu tháng báo cáo là 11/2024, không phải 12/2024"));
    }

    #[test]
    fn as_of_dates_fall_in_the_period() {
        let t = format!("{TITLE}I. KẾT QUẢ\n\nTính đến 16h00 ngày 21/11/2021 lũy tích có 06F0; tính đến ngày 14/10/2021 đã thu thập được; lũy kế giải ngân đến ngày 30/9/2021.");
        let f = findings(&t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0]
            .message
            .starts_with("Số liệu «tính đến 14/10/2021» nằm ngoài kỳ báo cáo"));
        assert_eq!(f[0].excerpt, "14/10/2021");
    }

    #[test]
    fn a_title_without_month_is_a_warning() {
        let f = findings("BÁO CÁO\n\nTình hình phát triển kinh tế - xã hội\n\nI. KẾT QUẢ");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn yearly_quarterly_and_half_year_reports_name_their_period() {
        let right = [
            "BÁO CÁO\n\nCông tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026\n\nI. KẾT QUẢ NĂM 2025\n\nA.\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n\nB.",
            "BÁO CÁO\n\nKết quả công tác quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026\n\nI. KẾT QUẢ\n\nA.",
            "BÁO CÁO\n\nTình hình kinh tế - xã hội 6 tháng đầu năm 2026, nhiệm vụ 6 tháng cuối năm 2026\n\nI. KẾT QUẢ\n\nA.",
            "BÁO CÁO\n\nKết quả thực hiện nhiệm vụ 9 tháng năm 2026, phương hướng nhiệm vụ quý IV năm 2026\n\nI. KẾT QUẢ\n\nA.",
            // The tasks named another way ("những tháng cuối năm"): nothing to compare.
            "BÁO CÁO\n\nKết quả 9 tháng đầu năm 2026, nhiệm vụ những tháng cuối năm 2026\n\nI. KẾT QUẢ\n\nA.",
        ];
        for text in right {
            assert_eq!(findings(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_period_of_tasks_that_does_not_follow_is_a_warning() {
        let f = findings("BÁO CÁO\n\nKết quả công tác quý I năm 2026 và phương hướng, nhiệm vụ quý III năm 2026\n\nI. KẾT QUẢ\n\nA.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.starts_with(
            "Báo cáo quý I năm 2026 thì nhiệm vụ thường là của quý II năm 2026, không phải quý III năm 2026"
        ));
        assert_eq!(f[0].excerpt, "quý III năm 2026");
        let f = findings("BÁO CÁO\n\nCông tác năm 2025 và nhiệm vụ năm 2026\n\nI. KẾT QUẢ\n\nA.\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027\n\nB.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0]
            .message
            .contains("phần này thường nêu năm 2026, không phải năm 2027"));
    }

    #[test]
    fn a_summary_without_any_period_says_which_to_write() {
        let f = findings("BÁO CÁO\n\nCông tác phòng, chống thiên tai\n\nI. KẾT QUẢ\n\nA.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("Trích yếu không nêu kỳ báo cáo"));
        assert!(f[0].message.contains("«quý I năm YYYY»"));
    }
}

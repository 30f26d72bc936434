//! `date`: a date that cannot exist (31/11, 29/02/2025, 15/13/2024), wherever
//! it stands: in the text in any written form the scanner knows ("18/11/2021",
//! "ngày 05 tháng 3 năm 2020", "ngày 31/11", "(8/3)", "tháng 13/2025"), and in
//! the date line of the header.

use super::text::Unit;
use super::{Finding, Local, Placed, Report, Rule, Severity};
use baocao_model::{days_in_month, HeaderField, Place};

/// Checks every date of the report.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Date, units, report, out);
}

/// Why a day/month/year cannot be a date, if it cannot.
fn impossible(day: Option<u32>, month: u32, year: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return Some(format!("không có tháng {month}"));
    }
    let day = day?;
    if day == 0 {
        return Some("không có ngày 0".to_string());
    }
    // An unknown year may be a leap year: 29/2 alone is possible.
    let days = days_in_month(month, year.map(i64::from).unwrap_or(2000));
    if day <= days {
        return None;
    }
    Some(match (month, year) {
        (2, Some(y)) if days == 28 => {
            format!("năm {y} không nhuận, tháng 2 chỉ có 28 ngày")
        }
        _ => format!("tháng {month} chỉ có {days} ngày"),
    })
}

/// The unit-local part: the impossible dates written in the unit.
pub fn local(unit: &Unit, out: &mut Vec<Local>) {
    for d in unit.dates() {
        if let Some(why) = impossible(d.day, d.month, d.year) {
            let written = &unit.text[d.span.clone()];
            out.push(Local {
                fix: None,
                rule: Rule::Date,
                severity: Severity::Error,
                span: d.span.clone(),
                message: format!("Ngày «{written}» không có thật: {why}. Kiểm tra lại ngày tháng."),
            });
        }
    }
}

/// The document-level part: the date line of the header.
pub fn document(_units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    let d = report.header.date;
    let Some(month) = d.month else {
        return;
    };
    if let Some(why) = impossible(
        d.day.map(u32::from),
        u32::from(month),
        d.year.map(u32::from),
    ) {
        out.push(Placed {
            at: 0,
            finding: Finding::at(
                Rule::Date,
                Severity::Error,
                report.source.place_date,
                Place::Header(HeaderField::PlaceDate),
                &d.decree_text(),
                format!("Ngày ban hành «{}» không có thật: {why}.", d.decree_text()),
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn seeds_dates_all_exist() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn impossible_dates_in_every_form() {
        for (t, excerpt, why) in [
            ("họp ngày 31/11 tại", "31/11", "tháng 11 chỉ có 30 ngày"),
            (
                "Quyết định ký ngày 29/02/2025 của",
                "29/02/2025",
                "năm 2025 không nhuận, tháng 2 chỉ có 28 ngày",
            ),
            ("đến 15/13/2024 đã", "15/13/2024", "không có tháng 13"),
            (
                "ngày 31 tháng 4 năm 2025",
                "ngày 31 tháng 4 năm 2025",
                "tháng 4 chỉ có 30 ngày",
            ),
            ("Ngày Quốc tế (31/9)", "31/9", "tháng 9 chỉ có 30 ngày"),
            (
                "trong tháng 13/2025 đã",
                "tháng 13/2025",
                "không có tháng 13",
            ),
        ] {
            let f = findings(t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!(f[0].excerpt, excerpt);
            assert!(f[0].message.contains(why), "{}", f[0].message);
        }
    }

    #[test]
    fn possible_dates_and_fractions_are_left_alone() {
        for t in [
            "ngày 29/02/2024",
            "tiếp được 15 lượt/18 công dân",
            "Kết quả: 14/17 đạt loại Giỏi",
            "quá hạn 11/470 chiếm 2,34%",
            "trực 24/7",
            "Ngày hội Quốc phòng toàn dân 22-12",
        ] {
            assert_eq!(findings(t), vec![], "{t}");
        }
    }

    #[test]
    fn the_header_date_is_checked() {
        let f = findings("Số: 05/BC-UBND\n\nLạng Sơn, ngày 31 tháng 4 năm 2025\n\nBÁO CÁO\n\nTình hình tháng 4/2025");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(3));
        assert!(f[0].message.contains("tháng 4 chỉ có 30 ngày"));
    }
}

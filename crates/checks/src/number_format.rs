//! `number-format`: numbers in Vietnamese notation ("." between thousands,
//! "," before decimals). An error for a grouping that is wrong ("1.2345",
//! "12.34.567", "1,234,567"), with the two ways it may have been meant; a
//! warning for a comma that looks like a thousands separator in an amount
//! ("350,295 triệu đồng" where the report writes "22.961 triệu đồng").
//!
//! Not numbers to check: dates written with dots ("18.11.2021"), numbers of
//! sections ("mục 2.1"), telephone numbers, codes ("F0", "mã số TTHC
//! 1.012345", "mã hồ sơ 2.000123"), names ("4.0"), and labels: the STT of a
//! table row or an item ("2.1", "3.3.1.") opening a cell or a source line.

use super::numbers::{word_before_is, NumToken, Role};
use super::text::Unit;
use super::{Finding, Local, Placed, Report, Rule, Severity};
use baocao_model::{format_grouped, Decimal};
use std::collections::HashMap;

/// Checks how every number is written.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::NumberFormat, units, report, out);
}

/// Words after which dotted numbers are not amounts: sections, forms and
/// document numbers ("Biểu số 1.1"), versions, times ("lúc 7.30"),
/// telephone numbers.
const NOT_AMOUNTS: [&str; 18] = [
    "mục", "khoản", "điểm", "điều", "phần", "chương", "lục", "biểu", "mẫu", "bản", "số", "version",
    "lúc", "thoại", "đt", "sđt", "fax", "hotline",
];

/// How a malformed number may have been meant, in Vietnamese notation.
fn readings(raw: &str) -> Vec<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let dots = raw.matches('.').count();
    let commas = raw.matches(',').count();
    let grouped = |int: &str| {
        int.trim_start_matches('0')
            .parse::<u128>()
            .map(format_grouped)
            .unwrap_or_else(|_| int.to_string())
    };
    let mut out = Vec::new();
    match (dots, commas) {
        (_, 0) => {
            out.push(format!("nếu là số nguyên, viết {}", grouped(&digits)));
            if dots == 1 {
                out.push(format!(
                    "nếu là số thập phân, dùng dấu phẩy: {}",
                    raw.replace('.', ",")
                ));
            }
        }
        (0, _) => out.push(format!("nếu là số nguyên, viết {}", grouped(&digits))),
        _ => {
            // "1,234.5" (English) or "12.34,5": the last mark is the decimal one.
            let last = raw.rfind(['.', ',']).unwrap_or(raw.len());
            let int: String = raw[..last].chars().filter(char::is_ascii_digit).collect();
            out.push(format!("viết {},{}", grouped(&int), &raw[last + 1..]));
        }
    }
    out
}

/// Whether a malformed token is a number meant as an amount.
fn is_amount(unit: &Unit, t: &NumToken) -> bool {
    if !matches!(t.role, Role::Quantity) || t.value.is_some() {
        return false;
    }
    // "4.0", "2.0": names of versions ("công nghiệp 4.0").
    if t.raw.len() == 3 && t.raw.ends_with(".0") {
        return false;
    }
    !word_before_is(&unit.text, t.span.start, &NOT_AMOUNTS) && !numbers_a_line(unit, t)
}

/// "2.1.", "3.3.1" opening a line of the source: the STT of a table row or
/// the number of an item, whose lines a text export joins into one
/// paragraph ("% 100 2.1."). Groups of one or two digits only: "1.2345" at
/// the start of a line is still a malformed amount.
fn numbers_a_line(unit: &Unit, t: &NumToken) -> bool {
    let opens = t.span.start == 0
        || unit
            .origin
            .as_ref()
            .is_some_and(|o| o.breaks.iter().any(|&(at, _)| at == t.span.start));
    let label_shaped = t.raw.contains('.')
        && !t.raw.contains(',')
        && t.raw.split('.').all(|g| (1..=2).contains(&g.len()));
    let rest = &unit.text[t.span.end..];
    let ends = rest.is_empty() || rest.starts_with(['.', ')', ' ', '\n', '\t']);
    opens && label_shaped && ends
}

/// The unit-local part: every malformed grouping.
pub fn local(unit: &Unit, out: &mut Vec<Local>) {
    for t in unit.numbers().iter().filter(|t| is_amount(unit, t)) {
        let why = Decimal::grouping_error(&t.raw).unwrap_or("cách viết không đúng");
        out.push(Local {
            fix: None,
            rule: Rule::NumberFormat,
            severity: Severity::Error,
            span: t.span.clone(),
            message: format!(
                "Số «{}» viết sai ({why}): trong tiếng Việt dấu chấm ngăn nhóm ba chữ số, dấu phẩy đứng trước phần thập phân. {}.",
                t.raw,
                capitalise(&readings(&t.raw).join("; "))
            ),
        });
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(baocao_model::case::upper_char(f))
            .chain(c)
            .collect(),
        None => String::new(),
    }
}

/// "350,295": a comma before exactly three digits, in a whole number part
/// that is not 0.
fn looks_grouped_with_comma(t: &NumToken) -> bool {
    // The cheap tests first: every number of the report comes here.
    if t.value.is_none() || !t.is_quantity() || t.percent_end.is_some() || t.unit.is_empty() {
        return false;
    }
    let Some((int, frac)) = t.raw.split_once(',') else {
        return false;
    };
    !int.contains('.') && int != "0" && frac.len() == 3
}

/// The document-level part: amounts whose comma looks like the thousands
/// mark that the same unit is written with elsewhere.
pub fn document(units: &[Unit], _report: &Report, out: &mut Vec<Placed>) {
    let mut grouped: HashMap<&str, (usize, &NumToken)> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        for t in u.numbers() {
            // The cheap tests first: most numbers have no unit.
            if t.is_quantity() && !t.unit.is_empty() && t.is_grouped() && !t.raw.contains(',') {
                grouped.entry(t.unit.as_str()).or_insert((i, t));
            }
        }
    }
    for (i, u) in units.iter().enumerate() {
        for t in u.numbers().iter().filter(|t| looks_grouped_with_comma(t)) {
            let Some((j, example)) = grouped.get(t.unit.as_str()) else {
                continue;
            };
            let at = match units[*j].line_at(example.span.start) {
                Some(line) => format!(" ở dòng {line}"),
                None => String::new(),
            };
            let dotted = t.raw.replace(',', ".");
            out.push(Placed {
                at: i,
                finding: u.finding(
                    Rule::NumberFormat,
                    Severity::Warning,
                    t.span.start..t.end_with_unit(),
                    format!(
                        "«{} {}» đọc là {} {} (dấu phẩy là dấu thập phân). Nếu ý là {dotted} {}, viết dấu chấm như «{} {}»{at}.",
                        t.raw, t.unit, t.raw, t.unit, t.unit, example.raw, example.unit
                    ),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn wrong_groupings_are_errors_with_both_readings() {
        let f = findings("thu được 1.2345 triệu đồng");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message.ends_with(
                "Nếu là số nguyên, viết 12.345; nếu là số thập phân, dùng dấu phẩy: 1,2345."
            ),
            "{}",
            f[0].message
        );
        let f = findings("tổng 12.34.567 đồng");
        assert!(
            f[0].message.contains("Nếu là số nguyên, viết 1.234.567."),
            "{}",
            f[0].message
        );
        let f = findings("tổng 1,234,567 đồng");
        assert!(f[0].message.contains("viết 1.234.567"), "{}", f[0].message);
        let f = findings("diện tích 2.5 ha");
        assert!(
            f[0].message.contains("dùng dấu phẩy: 2,5"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn what_is_not_an_amount_is_left_alone() {
        for t in [
            "theo mục 2.1 của Kế hoạch",
            "theo Biểu số 1.1 kèm theo",
            "họp lúc 7.30 sáng",
            "ngày 18.11.2021",
            "cách mạng công nghiệp 4.0",
            "số điện thoại 0205.3812.345",
            "06F0, 345F1, 3.341 F2",
            "thu 0,224 gam heroin; 14,804 gam Methamphetamine",
        ] {
            assert_eq!(findings(t), vec![], "{t}");
        }
    }

    #[test]
    fn a_comma_like_a_thousands_mark_is_a_warning() {
        let t = "thu được 22.961 triệu đồng đạt 82%.\n\nhỗ trợ 131 người lao động/350,295 triệu đồng, đồng thời";
        let f = findings(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].line, Some(3));
        assert_eq!(
            f[0].message,
            "«350,295 triệu đồng» đọc là 350,295 triệu đồng (dấu phẩy là dấu thập phân). Nếu ý là 350.295 triệu đồng, viết dấu chấm như «22.961 triệu đồng» ở dòng 1."
        );
        // Alone, a decimal amount is just that.
        assert_eq!(findings("hỗ trợ 350,295 triệu đồng"), vec![]);
    }

    #[test]
    fn seeds_have_no_number_format_error() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert!(findings(seed).iter().all(|f| f.severity != Severity::Error));
        }
    }
}

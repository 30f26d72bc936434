//! `percent`: a stated percentage must be what its fraction computes:
//! "73.566/75.706 = 97,17%", "69.974/79.896 TH (đạt 87,6%)", "11/470 chiếm
//! 2,34%", "43.406 triệu đồng/323.927 triệu đồng, tỷ lệ giải ngân … đạt
//! 13,4%". A value truncated or rounded to the decimals it shows is right (the
//! seeds round down: 97,1% for 97,17…%).
//!
//! Not a claim: a fraction with no percentage right after it ("08/08 phường",
//! "14/17 đạt loại Giỏi", "15 lượt/18 công dân"), and what the scanner knows is
//! no fraction (dates, document numbers, map scales, months).

use super::numbers::{Fraction, NumToken};
use super::text::Unit;
use super::{Finding, Local, Report, Rule, Severity};
use baocao_model::{format_decimal, Decimal};

/// Checks every percentage claimed for a fraction in the units.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Percent, units, report, out);
}

/// Words that state the fraction's percentage: "= c%", "(đạt c%)", "chiếm c%".
const CLAIMS: [&str; 6] = ["=", "đạt", "chiếm", "bằng", "tương đương", "tương ứng"];

/// The percentage claimed for a fraction: after it, or right before it with
/// the fraction in brackets ("đạt 87,6% (69.974/79.896)").
fn claimed<'a>(unit: &'a Unit, f: &Fraction) -> Option<&'a NumToken> {
    let nums = unit.numbers();
    let (a, b) = (&nums[f.a], &nums[f.b]);
    if let Some(c) = f.a.checked_sub(1).map(|i| &nums[i]) {
        let text = unit.text.as_str();
        let bracketed = c
            .percent_end
            .is_some_and(|end| end <= a.span.start && text[end..a.span.start].trim() == "(")
            && text[b.end_with_unit()..].trim_start().starts_with(')');
        if bracketed {
            return Some(c);
        }
    }
    let c = nums.get(f.b + 1)?;
    c.percent_end?;
    let text = unit.text.as_str();
    let between = text[b.end_with_unit()..c.span.start].trim();
    // "a/b = c%" is a claim whatever a and b count.
    if between == "=" {
        return Some(c);
    }
    // The looser forms name what the percentage is of in the same clause:
    // "(đạt c%)", "chiếm c%", ", tỷ lệ giải ngân vốn đầu tư đạt c%".
    let clause_ok = between.len() <= 90
        && between
            .chars()
            .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | ',' | '(' | ':' | '='));
    let lower = between.to_lowercase();
    let states = CLAIMS.iter().any(|w| lower.ends_with(w))
        || lower.ends_with("tỷ lệ")
        || lower.ends_with("tỷ lệ:");
    if !clause_ok || !states {
        return None;
    }
    // Two different things ("13 GCNQSD/13 thửa") make no ratio to claim.
    if !a.unit.is_empty() && !b.unit.is_empty() && a.unit != b.unit {
        return None;
    }
    // "… đạt 95% so với cùng kỳ": a percentage of something else.
    let after = text[c.percent_end?..].trim_start().to_lowercase();
    if after.starts_with("so với") || after.starts_with("cùng kỳ") {
        return None;
    }
    Some(c)
}

/// The unit-local part: every claimed percentage of the unit's fractions.
pub fn local(unit: &Unit, out: &mut Vec<Local>) {
    let nums = unit.numbers();
    for f in unit.fractions() {
        let Some(c) = claimed(unit, f) else {
            continue;
        };
        let (a, b) = (&nums[f.a], &nums[f.b]);
        let (Some(av), Some(bv), Some(cv)) = (a.value, b.value, c.value) else {
            continue;
        };
        if let Some(message) = verdict(&a.raw, av, &b.raw, bv, &c.raw, cv) {
            let start = a.span.start.min(c.span.start);
            let end = c.percent_end.unwrap_or(c.span.end).max(b.end_with_unit());
            out.push(Local {
                rule: Rule::Percent,
                severity: Severity::Error,
                span: start..end,
                message,
            });
        }
    }
}

/// The message when `c` is not a/b×100 at the decimals `c` shows, truncated
/// or rounded; None when it is.
pub(crate) fn verdict(
    a_raw: &str,
    a: Decimal,
    b_raw: &str,
    b: Decimal,
    c_raw: &str,
    c: Decimal,
) -> Option<String> {
    let (truncated, rounded) = a.percent_of(b, c.scale)?;
    if c == truncated || c == rounded {
        return None;
    }
    let (_, precise) = a.percent_of(b, c.scale.max(2))?;
    let suggestion = if rounded == precise {
        String::new()
    } else {
        format!(
            " (làm tròn {} chữ số thập phân: {}%)",
            c.scale,
            format_decimal(rounded)
        )
    };
    Some(format!(
        "{a_raw}/{b_raw} = {}%, không phải {c_raw}%: sửa tỷ lệ thành {}%{suggestion}, hoặc kiểm tra lại hai số {a_raw} và {b_raw}.",
        format_decimal(precise),
        format_decimal(precise),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn wrong_percentage_gives_the_computed_value() {
        let f =
            findings("Tỷ lệ người dân trên 18 tuổi được tiêm: 73.566/75.706 = 92,1%; tiếp tục.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, Rule::Percent);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message
                .starts_with("73.566/75.706 = 97,17%, không phải 92,1%"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].message
                .contains("(làm tròn 1 chữ số thập phân: 97,2%)"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].excerpt, "73.566/75.706 = 92,1%");
        assert_eq!(f[0].line, Some(1));
    }

    #[test]
    fn truncated_and_rounded_values_are_accepted() {
        assert!(findings("73.566/75.706 = 97,1%").is_empty());
        assert!(findings("73.566/75.706 = 97,2%").is_empty());
        assert!(findings("73.566/75.706 = 97,17%").is_empty());
        assert!(findings("58.453/75.706 = 77,21%").is_empty());
        assert!(findings("202/470 = 42,98%").is_empty());
    }

    #[test]
    fn every_written_form_is_checked() {
        // The seeds' own sentences, as written (right) and with a wrong figure.
        for (right, wrong, value) in [
            (
                "đã thu thập được 69.974/79.896 TH (đạt 87,6%).",
                "đã thu thập được 69.974/79.896 TH (đạt 86,6%).",
                "69.974/79.896 = 87,58%, không phải 86,6%",
            ),
            (
                "quá hạn 11/470 chiếm 2,34%; số hồ sơ",
                "quá hạn 11/470 chiếm 3,34%; số hồ sơ",
                "11/470 = 2,34%, không phải 3,34%",
            ),
            (
                "đạt 43.406 triệu đồng/323.927 triệu đồng, tỷ lệ giải ngân vốn đầu tư đạt 13,4%.",
                "đạt 43.406 triệu đồng/323.927 triệu đồng, tỷ lệ giải ngân vốn đầu tư đạt 31,4%.",
                "43.406/323.927 = 13,40%, không phải 31,4%",
            ),
            (
                "tiêm ít nhất 01 mũi đạt 97,1% (73.566/75.706 người); tiếp tục",
                "tiêm ít nhất 01 mũi đạt 96,1% (73.566/75.706 người); tiếp tục",
                "73.566/75.706 = 97,17%, không phải 96,1%",
            ),
            (
                "được 31 việc/133 = 23,30%, lũy kế từ đầu năm được 36 việc/532 = 6,76%",
                "được 31 việc/133 = 23,30%, lũy kế từ đầu năm được 36 việc/532 = 7,76%",
                "36/532 = 6,77%, không phải 7,76%",
            ),
        ] {
            assert!(findings(right).is_empty(), "{right}");
            let f = findings(wrong);
            assert_eq!(f.len(), 1, "{wrong}");
            assert!(f[0].message.starts_with(value), "{}", f[0].message);
        }
    }

    #[test]
    fn fractions_without_a_claim_are_left_alone() {
        for t in [
            "Kết quả: 14/17 đạt loại Giỏi, trong đó có 02 giáo viên đạt loại Xuất sắc;",
            "với 09 điểm cầu (gồm 01 điểm cầu tại UBND thành phố và 08/08 phường, xã).",
            "tiếp được 15 lượt/18 công dân; đơn thư",
            "theo Kế hoạch 81/KH-UBND ngày 28/02/2025 đạt 100%",
            "Quyết định số 19/2021/QĐ-UBND ngày 13/7/2021 đạt 90%",
            "quy hoạch chi tiết, tỷ lệ 1/500 đạt 100% diện tích",
            "tính đến ngày 20/11 đạt 85,39% kế hoạch vốn",
            "đến hết tháng 3/2025 đạt 95% kế hoạch",
            "Cấp 13 GCNQSD/13 thửa, đạt 95% kế hoạch",
            "thu 500/1.000 triệu đồng, đạt 120% so với cùng kỳ",
            "Quốc khánh 2/9 đạt 100%",
        ] {
            assert!(findings(t).is_empty(), "{t}: {:?}", findings(t));
        }
    }

    #[test]
    fn seeds_as_written_have_no_percent_error() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert!(findings(seed).is_empty());
        }
    }

    #[test]
    fn zero_denominator_is_not_a_claim() {
        assert!(findings("0/0 = 0%").is_empty());
    }
}

//! `percent`: a stated percentage must be what its fraction computes,
//! "73.566/75.706 = 97,17%". A value truncated or rounded to the decimals it
//! shows is right (the seeds round down: 97,1% for 97,17…%).

use super::text::Unit;
use super::{Finding, Rule, Severity};
use crate::report::{format_decimal, Decimal};

/// Checks every "a/b = c%" of the text units.
pub fn check(units: &[Unit], out: &mut Vec<Finding>) {
    for unit in units {
        check_unit(unit, out);
    }
}

fn check_unit(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text.as_str();
    let nums = &unit.numbers;
    for w in 0..nums.len().saturating_sub(2) {
        let (a, b, c) = (&nums[w], &nums[w + 1], &nums[w + 2]);
        // "a/b": the slash right between the two numbers.
        if &text[a.span.end..b.span.start] != "/" {
            continue;
        }
        // " = c%": an equals sign, then the percentage.
        let between = text[b.span.end..c.span.start].trim();
        if between != "=" {
            continue;
        }
        let after = text[c.span.end..].trim_start();
        if !after.starts_with('%') {
            continue;
        }
        let (Some(av), Some(bv), Some(cv)) = (a.value, b.value, c.value) else {
            continue;
        };
        let percent_end = c.span.end + (text[c.span.end..].len() - after.len()) + 1;
        if let Some(message) = verdict(&a.raw, av, &b.raw, bv, &c.raw, cv) {
            out.push(unit.finding(
                Rule::Percent,
                Severity::Error,
                a.span.start..percent_end,
                message,
            ));
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
    use crate::checks::text::units;
    use crate::import::import_text;

    fn findings(text: &str) -> Vec<Finding> {
        let r = import_text(text).unwrap();
        let mut out = Vec::new();
        check(&units(&r), &mut out);
        out
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
    fn seeds_as_written_have_no_percent_error() {
        for seed in [crate::seeds::NOV_2021, crate::seeds::MAR_2025] {
            assert!(findings(seed).is_empty());
        }
    }

    #[test]
    fn zero_denominator_is_not_a_claim() {
        assert!(findings("0/0 = 0%").is_empty());
    }
}

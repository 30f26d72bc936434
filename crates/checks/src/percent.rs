//! `percent`: a stated percentage must be what its fraction computes:
//! "73.566/75.706 = 97,17%", "69.974/79.896 TH (đạt 87,6%)", "11/470 chiếm
//! 2,34%", "43.406 triệu đồng/323.927 triệu đồng, tỷ lệ giải ngân … đạt
//! 13,4%". A value truncated or rounded to the decimals it shows is right (the
//! seeds round down: 97,1% for 97,17…%).
//!
//! A claim may stand far from its fraction in the same clause when it names
//! the ratio: "1.250/1.600 hộ kinh doanh trên địa bàn … đăng ký tài khoản,
//! đạt tỷ lệ 79,13%" (an error: 78,13%). A ratio announced and not written,
//! "400/2.000 trường hợp, đạt tỷ lệ.", is a warning with the value to write.
//!
//! Shares of a total given before its breakdown are of that total:
//! "tiếp nhận 4.000 hồ sơ; trong đó: 3.010 hồ sơ trực tuyến (chiếm tỷ lệ
//! 75%), 990 hồ sơ trực tiếp (chiếm tỷ lệ 25,1%)" (990/4.000 = 24,75%),
//! "giải quyết 1.000 hồ sơ (đúng hạn 950 hồ sơ, đạt 95%, quá hạn 49 hồ sơ,
//! chiếm 4,9%)" (49/1.000 = 4,9%, right). Claimed by "chiếm"/"tỷ lệ" a wrong
//! share is an error; by "đạt" or "bằng" only a warning (it may be progress
//! against a plan); followed by words ("đạt 95% kế hoạch") it is a
//! percentage of something else and left alone.
//!
//! Not a claim: a fraction with no percentage right after it ("08/08 phường",
//! "14/17 đạt loại Giỏi", "15 lượt/18 công dân"), and what the scanner knows is
//! no fraction (dates, document numbers, map scales, months).

use super::numbers::{word_before_is, Fraction, NumToken};
use super::text::Unit;
use super::{Finding, Fix, Local, Report, Rule, Severity};
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
    let words_only = between
        .chars()
        .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | ',' | '(' | ':' | '='));
    let lower = baocao_model::case::lower(between);
    let names_ratio = lower.ends_with("tỷ lệ") || lower.ends_with("tỷ lệ:");
    let states = CLAIMS.iter().any(|w| lower.ends_with(w)) || names_ratio;
    // Far from its fraction, in the same clause, a percentage is claimed for
    // it only by "(đạt/chiếm) tỷ lệ": "1.250/1.600 hộ kinh doanh trên địa
    // bàn … đăng ký tài khoản, đạt tỷ lệ c%".
    let near = between.len() <= 90;
    let far = between.chars().count() <= 160
        && names_ratio
        && !between.contains('(')
        && lower.matches("tỷ lệ").count() == 1
        && between.matches(',').count() <= 1;
    // "…, tỷ lệ hộ nghèo giảm, đạt tỷ lệ c%": a ratio of something else.
    let one_ratio = lower.matches("tỷ lệ").count() <= 1;
    if !words_only || !states || !(near || far) || !one_ratio {
        return None;
    }
    // Two different things ("13 GCNQSD/13 thửa") make no ratio to claim.
    if !a.unit.is_empty() && !b.unit.is_empty() && a.unit != b.unit {
        return None;
    }
    // "… đạt 95% so với cùng kỳ": a percentage of something else.
    let after = baocao_model::case::lower(text[c.percent_end?..].trim_start());
    if after.starts_with("so với") || after.starts_with("cùng kỳ") {
        return None;
    }
    Some(c)
}

/// The unit-local part: every claimed percentage of the unit's fractions,
/// a promised percentage that is missing, and the shares of a total.
pub fn local(unit: &Unit, out: &mut Vec<Local>) {
    let nums = unit.numbers();
    if !nums.iter().any(|t| t.percent_end.is_some()) && unit.fractions().is_empty() {
        return;
    }
    for f in unit.fractions() {
        let Some(c) = claimed(unit, f) else {
            missing(unit, f, out);
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
                fix: fix(av, bv, c),
                rule: Rule::Percent,
                severity: Severity::Error,
                span: start..end,
                message,
            });
        }
    }
    shares(unit, out);
}

/// "… 400/2.000 trường hợp, đạt tỷ lệ.": the percentage announced right
/// after a fraction and not written (a warning with the value to write).
fn missing(unit: &Unit, f: &Fraction, out: &mut Vec<Local>) {
    let nums = unit.numbers();
    let (a, b) = (&nums[f.a], &nums[f.b]);
    let text = unit.text.as_str();
    let from = b.end_with_unit();
    let next_number = nums.get(f.b + 1).map_or(text.len(), |t| t.span.start);
    let rest = &text[from..next_number];
    let end = rest
        .char_indices()
        .find(|&(k, ch)| {
            ch == ';'
                || ch == '\n'
                || (ch == '.' && rest[k + 1..].chars().next().is_none_or(|n| n == ' '))
        })
        .map(|(k, _)| k);
    let Some(end) = end.or((next_number == text.len()).then_some(rest.len())) else {
        return;
    };
    let clause = rest[..end].trim_end();
    let lower = baocao_model::case::lower(clause);
    let promised = lower.ends_with("tỷ lệ") || lower.ends_with("tỷ lệ:");
    let words_only = clause
        .chars()
        .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | ','));
    if !promised || !words_only || clause.chars().count() > 160 {
        return;
    }
    let (Some(av), Some(bv)) = (a.value, b.value) else {
        return;
    };
    let Some((_, precise)) = av.percent_of(bv, 2) else {
        return;
    };
    let value = format_decimal(precise);
    let value = if value.contains(',') {
        value
            .trim_end_matches('0')
            .trim_end_matches(',')
            .to_string()
    } else {
        value
    };
    out.push(Local {
        fix: None,
        rule: Rule::Percent,
        severity: Severity::Warning,
        span: a.span.start..from + clause.len(),
        message: format!(
            "Câu ghi «{}» nhưng thiếu con số tỷ lệ: {}/{} = {value}%. Bổ sung «{} {value}%».",
            clause.trim_start_matches([',', ' ']),
            a.raw,
            b.raw,
            clause.trim_start_matches([',', ' ']),
        ),
    });
}

/// Words that claim a part's share of its total right after the part:
/// "(chiếm tỷ lệ 75%)", ", chiếm 4,9%", "(tỷ lệ 99,1%)", ", đạt 95%".
/// "đạt" may also be progress against a plan, so a share it claims that does
/// not compute is only a warning.
const SHARE_CLAIMS: [(&str, bool); 6] = [
    ("chiếm tỷ lệ", true),
    ("đạt tỷ lệ", true),
    ("chiếm", true),
    ("tỷ lệ", true),
    ("bằng", false),
    ("đạt", false),
];

/// Shares of a total given before its breakdown: "tiếp nhận 4.000 hồ sơ;
/// trong đó: 3.010 hồ sơ trực tuyến (chiếm tỷ lệ 75%), 990 hồ sơ trực tiếp
/// (chiếm tỷ lệ 25,1%)", "giải quyết 1.000 hồ sơ (đúng hạn 950 hồ sơ, đạt
/// 95%, quá hạn 49 hồ sơ, chiếm 4,9%)". Each share is of the total.
fn shares(unit: &Unit, out: &mut Vec<Local>) {
    let nums = unit.numbers();
    let text = unit.text.as_str();
    for (ci, c) in nums.iter().enumerate() {
        let Some(c_end) = c.percent_end else {
            continue;
        };
        let Some(pi) = ci.checked_sub(1) else {
            continue;
        };
        let p = &nums[pi];
        let in_fraction = unit
            .fractions()
            .iter()
            .any(|f| f.a == pi || f.b == pi || f.b + 1 == ci);
        if in_fraction || !p.is_quantity() || p.percent_end.is_some() {
            continue;
        }
        // Nothing but punctuation after the percentage: "đạt 95% kế hoạch"
        // is a percentage of something else.
        let after = text[c_end..].trim_start_matches(' ');
        if !(after.is_empty() || after.starts_with([')', ',', ';', '.'])) {
            continue;
        }
        let Some(certain) = share_claim(&text[p.end_with_unit()..c.span.start]) else {
            continue;
        };
        let Some((ti, label)) = parent_total(unit, pi) else {
            continue;
        };
        let t = &nums[ti];
        let unit_ok = if p.unit.is_empty() {
            label_names(&text[label..p.span.start], &t.unit)
        } else {
            same_first_syllables(&p.unit, &t.unit)
        };
        if !unit_ok {
            continue;
        }
        let (Some(pv), Some(tv), Some(cv)) = (p.value, t.value, c.value) else {
            continue;
        };
        // A part larger than its total: the total was misread.
        if pv
            .percent_of(tv, 0)
            .is_none_or(|(whole, _)| whole.mantissa > 100)
        {
            continue;
        }
        if let Some(message) = verdict(&p.raw, pv, &t.raw, tv, &c.raw, cv) {
            out.push(Local {
                fix: fix(pv, tv, c).filter(|_| certain),
                rule: Rule::Percent,
                severity: if certain {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                span: p.span.start..c_end,
                message: format!("Tỷ lệ trên tổng {} {}: {message}", t.raw, t.unit),
            });
        }
    }
}

/// Whether `between` (what stands between a part's unit and a percentage)
/// claims the part's share; whether the claim is certain.
fn share_claim(between: &str) -> Option<bool> {
    let lower = baocao_model::case::lower(between.trim());
    let lower = lower.trim_end_matches(':').trim_end();
    for (w, certain) in SHARE_CLAIMS {
        let Some(head) = lower.strip_suffix(w) else {
            continue;
        };
        let head = head.trim_end();
        let head = head
            .strip_suffix('(')
            .or_else(|| head.strip_suffix(','))
            .unwrap_or(head)
            .trim_end();
        // A few words describing the part may stand before: "trực tuyến (".
        let ok = head.chars().all(|ch| ch.is_alphabetic() || ch == ' ')
            && head.split_whitespace().count() <= 4
            && (head.is_empty() || between.contains(['(', ',']));
        return ok.then_some(certain);
    }
    None
}

/// The total a part at `pi` is a share of: the quantity right before the
/// bracket or the "trong đó" that opens the part's breakdown, in the same
/// sentence. Returns it and where the part's own segment starts.
fn parent_total(unit: &Unit, pi: usize) -> Option<(usize, usize)> {
    let nums = unit.numbers();
    let text = unit.text.as_str();
    let p = &nums[pi];
    let mut depth = 0i32;
    let mut label = None;
    let head = &text[..p.span.start];
    let mut opener = None;
    for (k, ch) in head.char_indices().rev() {
        match ch {
            ')' => depth += 1,
            '(' if depth == 0 => {
                opener = Some((k, k + 1));
                break;
            }
            '(' => depth -= 1,
            ',' | ';' | ':' if depth == 0 && label.is_none() => label = Some(k + 1),
            '.' if head[k + 1..].starts_with(' ') && depth == 0 => return None,
            _ => {}
        }
        let before = &head[..k];
        if depth == 0 && (before.ends_with("trong đó") || before.ends_with("Trong đó")) {
            let start = k - "trong đó".len();
            opener = Some((start, k));
            break;
        }
        if head.len() - k > 400 {
            return None;
        }
    }
    let (start, end) = opener?;
    let mut ti = unit.number_before(start)?;
    // "là 9.860 triệu đồng, bằng 78,25% dự toán năm; trong đó: …": the
    // percentages of the total itself stand between it and its breakdown.
    let mut skipped = 0;
    while nums[ti].percent_end.is_some() && skipped < 2 {
        ti = ti.checked_sub(1)?;
        skipped += 1;
    }
    let t = &nums[ti];
    let raw_gap = &text[t.end_with_unit().min(start)..start];
    let gap = raw_gap.trim_matches([' ', ';', ',', ':', '(']);
    let gap_ok = if skipped == 0 {
        gap.is_empty()
    } else {
        raw_gap.trim_start().starts_with(',')
            && !gap.contains(';')
            && !gap.contains(". ")
            && !gap.contains('(')
    };
    // "tăng 500 triệu đồng; trong đó …": a change, not the total.
    let change = word_before_is(text, t.span.start, &["tăng", "giảm", "vượt", "hơn", "thêm"]);
    let ok = gap_ok && !change && t.is_quantity() && t.percent_end.is_none() && !t.unit.is_empty();
    ok.then_some((ti, label.unwrap_or(end).max(end)))
}

/// Whether the words before a part with no unit name the total's unit:
/// "số hồ sơ giải quyết trễ hạn là 898" of "468.463 hồ sơ".
fn label_names(label: &str, unit: &str) -> bool {
    !unit.is_empty()
        && baocao_model::case::lower(label).contains(unit)
        && label.chars().count() <= 120
}

/// "hồ sơ" and "hồ sơ": units naming the same thing, syllable by syllable.
fn same_first_syllables(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && a.split(' ').zip(b.split(' ')).all(|(x, y)| x == y)
}

/// The correction of a wrong percentage `c` claimed for `a`/`b`: the value
/// at the decimals `c` shows, offered only when truncating and rounding agree
/// (else two values are right and the official chooses).
fn fix(a: Decimal, b: Decimal, c: &NumToken) -> Option<Fix> {
    let (truncated, rounded) = a.percent_of(b, c.value?.scale)?;
    if truncated != rounded {
        return None;
    }
    let value = format_decimal(rounded);
    Some(Fix {
        label: format!("Sửa thành {value}%"),
        span: c.span.clone(),
        with: value,
    })
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

    #[test]
    fn a_claim_far_from_its_fraction_in_the_same_clause() {
        let t = "Đến nay, đã có 1.250/1.600 hộ kinh doanh trên địa bàn các xã vùng cao đăng ký tài khoản, đạt tỷ lệ 79,13%.";
        let f = findings(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message
                .starts_with("1.250/1.600 = 78,13%, không phải 79,13%"),
            "{}",
            f[0].message
        );
        assert!(findings(&t.replace("79,13%", "78,13%")).is_empty());
        // After a right pair in the same sentence.
        let t = "Hoàn thành 45/45 nhiệm vụ (đạt 100%), đã có 1.250/1.600 hộ kinh doanh trên địa bàn các xã vùng cao đăng ký tài khoản, đạt tỷ lệ 79,13%.";
        assert_eq!(findings(t).len(), 1);
        // Another ratio named in between is not this fraction's.
        let t = "có 1.250/1.600 hộ đăng ký, tỷ lệ hộ nghèo giảm, đạt tỷ lệ 3,5%.";
        assert!(findings(t).is_empty());
    }

    #[test]
    fn a_promised_percentage_missing_is_a_warning() {
        let f = findings("Đã xác minh 400/2.000 trường hợp, đạt tỷ lệ.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "Câu ghi «đạt tỷ lệ» nhưng thiếu con số tỷ lệ: 400/2.000 = 20%. Bổ sung «đạt tỷ lệ 20%»."
        );
        assert!(findings("Đã xác minh 400/2.000 trường hợp.").is_empty());
    }

    #[test]
    fn shares_are_of_the_total_before_the_breakdown() {
        let t = "Bộ phận Một cửa tiếp nhận 4.000 hồ sơ; trong đó: 3.010 hồ sơ trực tuyến (chiếm tỷ lệ 75%), 990 hồ sơ trực tiếp (chiếm tỷ lệ 25,1%).";
        let f = findings(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message
                .starts_with("Tỷ lệ trên tổng 4.000 hồ sơ: 990/4.000 = 24,75%, không phải 25,1%"),
            "{}",
            f[0].message
        );
        assert!(findings(&t.replace("25,1%", "24,75%")).is_empty());
        // 49/1.000 = 4,9%: right, though 950 + 49 is 999.
        let t = "Đã giải quyết 1.000 hồ sơ (đúng hạn 950 hồ sơ, đạt 95%, quá hạn 49 hồ sơ, chiếm 4,9%).";
        assert!(findings(t).is_empty());
        let f = findings(&t.replace("đạt 95%", "đạt 96%"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning, "«đạt» may be of a plan");
        // The total's own percentage may stand before its breakdown.
        let t = "là 9.860 triệu đồng, bằng 78,25% dự toán năm; trong đó: thu thuế 6.412 triệu đồng (chiếm 65,03%), thu khác 3.448 triệu đồng (chiếm 35,97%).";
        let f = findings(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message
                .contains("3.448/9.860 = 34,97%, không phải 35,97%"),
            "{}",
            f[0].message
        );
        // A change before the breakdown is no total; nor is a figure smaller
        // than its part.
        let t = "thu 9.860 triệu đồng, tăng 500 triệu đồng; trong đó: thu thuế 6.412 triệu đồng (chiếm 65,03%).";
        assert!(findings(t).is_empty());
        let t = "xử lý 12 hồ sơ; trong đó: 300 hồ sơ trực tuyến (chiếm 65%).";
        assert!(findings(t).is_empty());
        // Followed by what it is of, a percentage is not a share.
        let t = "thu 28.611 tỷ đồng; trong đó: thu nội địa 20.000 tỷ đồng, đạt 95% dự toán.";
        assert!(findings(t).is_empty());
    }
}

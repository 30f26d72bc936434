//! `count`: "N <danh từ>ⁿ" whose footnote lists the items ("11 công trình⁷"
//! with "⁷ (1) … (2) … (11) …", or "03 dự án⁶" with items separated by ";"):
//! N must be the number of items.
//!
//! Counts coordinated before one marker share it: "ban hành 03 Quyết định,
//! 05 văn bản⁴" is right when the footnote lists 8 items (3 + 5) as well as
//! 5; a list that matches neither is then a warning, since which counts the
//! footnote lists is a reading. A footnote may break the count down by
//! sub-counts: "10 đơn vị⁵" with "⁵ 06 đơn vị thuộc Sở A (…; …); 02 đơn vị
//! thuộc Sở B (…); 02 đơn vị thuộc Sở C (…)" is right (6 + 2 + 2); the ";"
//! inside brackets never separate items. Numbers that name ("Chương trình
//! 135³", "Khối 6") count nothing and are never compared.
//!
//! Not a list: a footnote that breaks a figure down ("18 công dân¹⁵" with
//! "¹⁵ Trong đó đất đai: 10 lượt; …", which is the `sum` rule's), an amount
//! ("10.595 triệu đồng²"), and a footnote of one item with no ";" when N is
//! not 1 (its commas may or may not separate items).

use super::text::{footnote_units, Unit, UnitKind};
use super::words::starts_with_ci;
use super::{Finding, Placed, Report, Rule, Severity};
use baocao_model::superscript_number;

/// Checks every counted list in a footnote.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Count, units, report, out);
}

/// Units of measure and time: what they count is never a list of items.
const MEASURES: [&str; 22] = [
    "đồng", "đ", "triệu", "tỷ", "nghìn", "ngàn", "usd", "m", "km", "ha", "kg", "tấn", "gam", "g",
    "lít", "năm", "tháng", "ngày", "giờ", "phút", "lần", "kv",
];

/// How a footnote lists its items.
#[derive(Debug, PartialEq, Eq)]
enum Items {
    /// "(1) … (2) … (3) …": the numbers written, in order.
    Numbered(Vec<usize>),
    /// Items separated by ";".
    Separated(usize),
    /// Items that each open with a count of the same thing: "06 đơn vị …; 02
    /// đơn vị …" (the counts as written, their values, their unit).
    SubCounts(Vec<(String, u64)>, String),
    /// A breakdown of a figure, or no list.
    NotAList,
}

fn items(text: &str) -> Items {
    // "(1)", "(2)", … as written.
    let bytes = text.as_bytes();
    let numbers: Vec<usize> = text
        .match_indices('(')
        .filter_map(|(k, _)| {
            let digits = bytes[k + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 || digits > 3 || bytes.get(k + 1 + digits) != Some(&b')') {
                return None;
            }
            text[k + 1..k + 1 + digits].parse().ok()
        })
        .collect();
    if numbers.first() == Some(&1) {
        return Items::Numbered(numbers);
    }
    let trimmed = text.trim_start();
    if ["trong đó", "tổng"]
        .iter()
        .any(|w| starts_with_ci(trimmed, w))
    {
        return Items::NotAList;
    }
    // "Gồm: A; B; C" lists A, B and C.
    let text = ["bao gồm", "gồm"]
        .iter()
        .find(|w| starts_with_ci(trimmed, w))
        .map(|w| trimmed[w.len()..].trim_start_matches([':', ' ']))
        .unwrap_or(text);
    let mut depth = 0i32;
    let mut pieces = Vec::new();
    let mut start = 0;
    for (k, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => {
                pieces.push(&text[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    let pieces: Vec<&str> = pieces
        .into_iter()
        .map(|p| p.trim().trim_end_matches('.').trim())
        .filter(|p| !p.is_empty())
        .collect();
    // "đất đai: 10 lượt": quantities, not named items.
    let quantity = |p: &&str| {
        p.rsplit_once(':')
            .is_some_and(|(_, after)| after.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    };
    if pieces.iter().any(quantity) {
        return Items::NotAList;
    }
    // "06 đơn vị thuộc Sở A (…); 02 đơn vị thuộc Sở B": sub-counts.
    let opens_with_count = |p: &&str| p.starts_with(|c: char| c.is_ascii_digit());
    if pieces.len() >= 2 && pieces.iter().any(opens_with_count) {
        if !pieces.iter().all(opens_with_count) {
            return Items::NotAList;
        }
        let mut counts = Vec::new();
        let mut unit: Option<String> = None;
        for p in &pieces {
            let n = super::numbers::analyse(p);
            let Some(t) = n.tokens.first().filter(|t| t.span.start == 0) else {
                return Items::NotAList;
            };
            let value = t.value.filter(|v| v.scale == 0 && t.is_quantity());
            let first = t.unit.split(' ').next().unwrap_or("");
            let (Some(v), false) = (value, first.is_empty()) else {
                return Items::NotAList;
            };
            match &unit {
                Some(u) if u.split(' ').next() != Some(first) => return Items::NotAList,
                Some(_) => {}
                None => unit = Some(t.unit.to_string()),
            }
            counts.push((t.raw.to_string(), v.mantissa as u64));
        }
        return Items::SubCounts(counts, unit.unwrap_or_default());
    }
    Items::Separated(pieces.len())
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], _report: &Report, out: &mut Vec<Placed>) {
    let notes = footnote_units(units);
    for (i, unit) in units.iter().enumerate() {
        if matches!(unit.kind, UnitKind::Footnote(_)) {
            continue;
        }
        for (range, id) in &unit.notes {
            let nums = unit.numbers();
            let Some(k) = unit.number_before(range.start) else {
                continue;
            };
            let t = &nums[k];
            let between = &unit.text[t.span.end..range.start];
            let noun_only = between.starts_with(' ')
                && between.chars().all(|c| c.is_alphabetic() || c == ' ')
                && between.split_whitespace().count() <= 4;
            let first_word = t.unit.split(' ').next().unwrap_or("");
            if !t.is_quantity()
                || t.percent_end.is_some()
                || !noun_only
                || t.unit.is_empty()
                || MEASURES.contains(&first_word)
            {
                continue;
            }
            let Some(n) = t
                .value
                .filter(|v| v.scale == 0 && v.mantissa <= 1000)
                .map(|v| v.mantissa as usize)
            else {
                continue;
            };
            let Some(note) = notes.get(id).map(|&j| &units[j]) else {
                continue;
            };
            let line = match note.line_at(0) {
                Some(l) => format!(" (dòng {l})"),
                None => String::new(),
            };
            let noun = between.trim();
            let marker = superscript_number(id.0);
            // "137 Quyết định QPPL⁴" with "⁴ … ban hành 40 quyết định; …
            // 23 quyết định; …": a footnote that counts the same thing is a
            // breakdown by figures, whatever its ";" separate (items that
            // each open with such a count are read as sub-counts below). Its counts
            // adding up is all there is to check, and they may leave some
            // out on purpose ("trong đó"), so a gap is only a warning.
            let listing = items(&note.text);
            let sub_counts = matches!(listing, Items::SubCounts(..) | Items::Numbered(_));
            if let Some(parts) = same_thing_counts(note, &t.unit).filter(|_| !sub_counts) {
                let total: u64 = parts.iter().map(|(_, v)| v).sum();
                if total != n as u64 && parts.len() >= 2 {
                    let written: Vec<&str> = parts.iter().map(|(r, _)| r.as_str()).collect();
                    out.push(Placed {
                        at: i,
                        finding: unit.finding(
                            Rule::Count,
                            Severity::Warning,
                            t.span.start..range.end,
                            format!(
                                "Ghi {} {noun} nhưng các số trong chú thích {marker}{line} cộng lại {} = {}. Kiểm tra lại số lượng hoặc chú thích.",
                                t.raw,
                                written.join(" + "),
                                pad(total as usize, &t.raw),
                            ),
                        ),
                    });
                }
                continue;
            }
            let (listed, how) = match listing {
                Items::Numbered(ks) => {
                    let c = ks.len();
                    let how = if ks.iter().copied().eq(1..=c) {
                        format!("đánh số (1) đến ({c})")
                    } else {
                        let written: Vec<String> = ks.iter().map(|k| format!("({k})")).collect();
                        format!("đánh số không liên tục: {}", written.join(", "))
                    };
                    (c, how)
                }
                Items::Separated(c) if c >= 2 || n == 1 => {
                    (c, "ngăn cách bằng dấu «;»".to_string())
                }
                Items::SubCounts(counts, sub_unit) => {
                    let total: u64 = counts.iter().map(|(_, v)| v).sum();
                    let first = |u: &str| u.split(' ').next().unwrap_or("").to_string();
                    if total == n as u64 || first(&sub_unit) != first(&t.unit) {
                        continue;
                    }
                    let written: Vec<&str> = counts.iter().map(|(r, _)| r.as_str()).collect();
                    let sum = pad(total as usize, &t.raw);
                    out.push(Placed {
                        at: i,
                        finding: unit.finding(
                            Rule::Count,
                            Severity::Error,
                            t.span.start..range.end,
                            format!(
                                "Ghi {} {noun} nhưng chú thích {marker}{line} kê {} = {sum} {noun}. Sửa thành {sum} {noun}, hoặc kiểm tra lại các số trong chú thích.",
                                t.raw,
                                written.join(" + "),
                            ),
                        ),
                    });
                    continue;
                }
                _ => continue,
            };
            if listed == n {
                continue;
            }
            // "03 Quyết định, 05 văn bản⁴": the counts coordinated before
            // the marker may share its footnote.
            let shared = coordinated(unit, k);
            if shared.len() > 1 {
                let sum: usize = shared.iter().map(|&(_, v)| v).sum();
                if listed == sum {
                    continue;
                }
                let written: Vec<&str> =
                    shared.iter().map(|&(j, _)| nums[j].raw.as_str()).collect();
                let first = nums[shared[0].0].span.start;
                out.push(Placed {
                    at: i,
                    finding: unit.finding(
                        Rule::Count,
                        Severity::Warning,
                        first..range.end,
                        format!(
                            "Chú thích {marker}{line} liệt kê {listed} mục ({how}), không khớp với {} {noun} cũng không khớp với tổng {} = {sum}. Kiểm tra lại số lượng hoặc danh sách trong chú thích.",
                            t.raw,
                            written.join(" + "),
                        ),
                    ),
                });
                continue;
            }
            out.push(Placed {
                at: i,
                finding: unit.finding(
                    Rule::Count,
                    Severity::Error,
                    t.span.start..range.end,
                    format!(
                        "Ghi {} {noun} nhưng chú thích {marker}{line} liệt kê {listed} mục ({how}). Sửa thành {} {noun}, hoặc bổ sung/bớt mục trong chú thích cho đủ {}.",
                        t.raw,
                        pad(listed, &t.raw),
                        t.raw,
                    ),
                ),
            });
        }
    }
}

/// The counts in a footnote of the same thing as the count it explains
/// (the first word of their units alike: "quyết định" for "Quyết định
/// QPPL"), as written and as values; None when it counts nothing of it.
fn same_thing_counts(note: &Unit, counted: &str) -> Option<Vec<(String, u64)>> {
    let first = |u: &str| baocao_model::case::lower(u.split(' ').next().unwrap_or(""));
    let want = first(counted);
    if want.is_empty() {
        return None;
    }
    let parts: Vec<(String, u64)> = note
        .numbers()
        .iter()
        .filter(|t| t.is_quantity() && t.percent_end.is_none() && first(&t.unit) == want)
        .filter_map(|t| {
            let v = t.value.filter(|v| v.scale == 0)?;
            Some((t.raw.to_string(), v.mantissa as u64))
        })
        .collect();
    (!parts.is_empty()).then_some(parts)
}

/// The counts coordinated with the count `k` and ending with it, each "N
/// <danh từ>" joined to the next by ", " or " và ": "03 Quyết định, 05 văn
/// bản" gives both (index, value); a lone count gives itself.
fn coordinated(unit: &Unit, k: usize) -> Vec<(usize, usize)> {
    let nums = unit.numbers();
    let count_of = |j: usize| {
        let t = &nums[j];
        let first = t.unit.split(' ').next().unwrap_or("");
        (t.is_quantity()
            && t.percent_end.is_none()
            && !t.unit.is_empty()
            && !MEASURES.contains(&first))
        .then_some(())
        .and(t.value)
        .filter(|v| v.scale == 0 && v.mantissa <= 1000)
        .map(|v| v.mantissa as usize)
    };
    let mut out = Vec::new();
    let Some(v) = count_of(k) else {
        return out;
    };
    out.push((k, v));
    let mut j = k;
    while j > 0 {
        let (prev, next) = (&nums[j - 1], &nums[j]);
        let gap = &unit.text[prev.span.end..next.span.start];
        let words = gap
            .strip_suffix(", ")
            .or_else(|| gap.strip_suffix(" và "))
            .or_else(|| gap.strip_suffix(", và "));
        let joined = words.is_some_and(|w| {
            w.starts_with(' ')
                && w.chars().all(|c| c.is_alphabetic() || c == ' ')
                && w.split_whitespace().count() <= 4
        });
        let Some(v) = count_of(j - 1).filter(|_| joined) else {
            break;
        };
        out.push((j - 1, v));
        j -= 1;
    }
    out.reverse();
    out
}

/// A count written like the original: "05" stays two digits.
fn pad(n: usize, like: &str) -> String {
    if like.len() == 2 && like.starts_with('0') && n < 10 {
        format!("{n:02}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn footnote_lists_are_counted() {
        assert_eq!(
            items("(1) A; (2) B (Khu IV) ; (3) C"),
            Items::Numbered(vec![1, 2, 3])
        );
        assert_eq!(
            items("(1) Công viên (Đoạn từ cầu A); (4) Chỉnh trang (5) Cải tạo"),
            Items::Numbered(vec![1, 4, 5])
        );
        assert_eq!(
            items("Đường Lương Văn Tri (đoạn Bắc Sơn - Bà Triệu);"),
            Items::Separated(1)
        );
        assert_eq!(
            items("Mở rộng đường Tô Sơn, phường Chi Lăng"),
            Items::Separated(1)
        );
        assert_eq!(items("A; B (x; y); C."), Items::Separated(3));
        assert_eq!(
            items("Trong đó đất đai: 10 lượt; GPMB: 03 lượt; khác: 02 lượt."),
            Items::NotAList
        );
        assert_eq!(
            items("Gồm: Dự án A; Dự án B (giai đoạn 2); Dự án C."),
            Items::Separated(3)
        );
    }

    #[test]
    fn seeds_counts_match_their_footnotes() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn a_wrong_count_names_the_listed_number() {
        let t = "chỉ đạo thi công 12 công trình⁷;\n\n⁷ (1) A; (2) B; (3) C; (4) D; (5) E; (6) F; (7) G; (8) H; (9) I (10) K; (11) L";
        let f = findings(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, Some(1));
        assert!(
            f[0].message
                .starts_with("Ghi 12 công trình nhưng chú thích ⁷ (dòng 3) liệt kê 11 mục (đánh số (1) đến (11)). Sửa thành 11 công trình"),
            "{}",
            f[0].message
        );
        let f = findings("Tạm dừng 02 dự án⁶ chuẩn bị đầu tư;\n\n⁶ Xây mới trụ sở A; Nhà văn hóa thôn B; Sân thể thao C");
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .contains("liệt kê 3 mục (ngăn cách bằng dấu «;»). Sửa thành 03 dự án"));
    }

    #[test]
    fn what_is_no_list_is_not_counted() {
        for t in [
            // A breakdown, for the sum rule.
            "tiếp được 15 lượt/18 công dân¹;\n\n¹ Trong đó đất đai: 10 lượt; GPMB: 03 lượt; khác: 02 lượt.",
            // An amount explained.
            "thu được 10.595 triệu đồng¹.\n\n¹ Tổng số thu từ ngày 16/11/2024 đến ngày 10/3/2025",
            // One item with commas: maybe several, maybe one.
            "thông qua 02 dự án¹;\n\n¹ Cải tạo, chỉnh trang nút giao thông ngã tư",
            // A year before the marker.
            "các dự án năm 2025¹ và\n\n¹ A; B; C",
        ] {
            assert_eq!(findings(t), vec![], "{t}");
        }
    }

    #[test]
    fn sub_counts_and_coordinated_counts() {
        assert_eq!(
            items("06 đơn vị thuộc Sở A (Trồng trọt; Chăn nuôi; Thú y); 02 đơn vị thuộc Sở B (X; Y); 02 đơn vị thuộc Sở C (Z)"),
            Items::SubCounts(
                vec![
                    ("06".to_string(), 6),
                    ("02".to_string(), 2),
                    ("02".to_string(), 2)
                ],
                "đơn vị".to_string()
            )
        );
        let subs = "rà soát 10 đơn vị⁵ trực thuộc;\n\n⁵ 06 đơn vị thuộc Sở A (Trồng trọt; Chăn nuôi; Thú y); 02 đơn vị thuộc Sở B (X; Y); 02 đơn vị thuộc Sở C (Z; W)";
        assert_eq!(findings(subs), vec![]);
        let f = findings(&subs.replace("10 đơn vị", "11 đơn vị"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message.starts_with("Ghi 11 đơn vị nhưng chú thích ⁵ (dòng 3) kê 06 + 02 + 02 = 10 đơn vị. Sửa thành 10 đơn vị"),
            "{}",
            f[0].message
        );
        let shared = "ban hành 03 Quyết định, 05 văn bản⁴ chỉ đạo;\n\n⁴ A; B; C; D; E; F; G; H";
        assert_eq!(findings(shared), vec![]);
        // Five items: the footnote lists the second count alone.
        assert_eq!(findings(&shared.replace("; F; G; H", "")), vec![]);
        // Seven: neither 5 nor 3 + 5, but which count is listed is a reading.
        let f = findings(&shared.replace("; H", ""));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("liệt kê 7 mục (ngăn cách bằng dấu «;»), không khớp với 05 văn bản cũng không khớp với tổng 03 + 05 = 8"),
            "{}",
            f[0].message
        );
        // A programme's name before the marker is no count.
        let named = "hỗ trợ theo Chương trình 135 giai đoạn³ và\n\n³ A; B";
        assert_eq!(findings(named), vec![]);
    }

    #[test]
    fn a_footnote_counting_the_same_thing_is_a_breakdown_not_a_list() {
        // Its ";" separate places, not the documents counted.
        let right = "UBND xã ban hành 45 Quyết định QPPL¹ đúng quy định.\n\n¹ Trước sáp nhập: xã Tân An ban hành 20 quyết định; xã Tân Bình ban hành 15 quyết định. Sau sáp nhập: UBND xã ban hành 10 quyết định.";
        assert_eq!(findings(right), vec![]);
        let also_right = "Bộ phận một cửa tiếp nhận 30 hồ sơ² trong tháng.\n\n² Lĩnh vực đất đai 12 hồ sơ; lĩnh vực xây dựng 18 hồ sơ.";
        assert_eq!(findings(also_right), vec![]);
        let f = findings(&right.replace("45 Quyết định", "46 Quyết định"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("cộng lại 20 + 15 + 10 = 45"),
            "{}",
            f[0].message
        );
    }
}

//! `sum`: a total and its parts in the same unit must add up.
//!
//! The forms of the reports: "56 giấy phép (trong đó: 40 giấy phép …; 06 giấy
//! phép …)", "103 công trình … trong đó: 61 công trình …; 41 công trình …",
//! "28 cơ sở (22 cơ sở …, 06 cơ sở …)", "03 nhân viên (02 nhân viên … và 01
//! nhân viên …)", "09 điểm cầu (gồm 01 điểm cầu … và 08 điểm cầu …)", a total
//! ending a line whose parts are the next list lines ("…: 12 nội dung" then
//! "+ …: 02 nội dung"), a total whose breakdown opens the next paragraph
//! ("…: 68.448 người." then "Trong đó: …: 39.078 người; …"), and a total whose
//! breakdown is its footnote ("15 lượt/18 công dân¹⁵" with "¹⁵ Trong đó đất
//! đai: 10 lượt; …").
//!
//! In a bracket, parts may be named by words before their number: "giải
//! quyết 1.000 hồ sơ (đúng hạn 950 hồ sơ, đạt 95%, quá hạn 49 hồ sơ, chiếm
//! 4,9%)" (the shares are the `percent` rule's). A mismatch of parts so
//! named is a warning: a group may be left unnamed, or one named group may
//! hold another ("trực tuyến", "toàn trình"). A label comparing with another
//! period ("cùng kỳ 950 hồ sơ", "tháng trước …") is no part at all. A total given as the first of sibling lines ("+ Tổng số kiến
//! nghị: 900 triệu đồng." then "+ Đã thực hiện: …", "+ Chưa thực hiện: …")
//! is a warning when they do not add up. Amounts that are usually rounded
//! (tỷ, triệu, nghìn đồng; ha, km, tấn…) missing by no more than their
//! rounding are a warning ("22.143 tỷ đồng" of 19.596 + 2.548).
//!
//! Silent when the parts are of another unit ("0,998 gam (trong đó có 91 viên
//! nén)"), are a subset ("36 vụ, trong đó có 26 vụ vi phạm"), are no quantity
//! ("02 kỳ (ngày 21/02/2025 và ngày 03/3/2025)"), or hold a fraction or a
//! percentage ("09 điểm cầu (gồm 01 điểm cầu … và 08/08 phường, xã)").

use super::numbers::NumToken;
use super::text::{footnote_units, FootnoteUnits, Unit, UnitKind};
use super::words::{is_letter, starts_with_ci};
use super::{Finding, Local, Placed, Report, Rule, Severity};
use baocao_model::letters::find_either;
use baocao_model::{format_decimal, Decimal};
use std::ops::Range;

/// Checks every total with its parts in the units.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Sum, units, report, out);
}

/// Whether two units name the same thing: "giấy phép" and "giấy phép", "vụ"
/// and "vụ vi" (one is the start of the other, syllable by syllable).
fn same_unit(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a.split(' ').zip(b.split(' ')).all(|(x, y)| x == y)
}

/// Byte length of the start of `s` that matches `prefix` ignoring case.
fn ci_len(s: &str, prefix: &str) -> usize {
    let n = prefix.chars().count();
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

/// The words that open a breakdown; the byte length of the opener at the
/// start of `s` (with a colon and spaces after it), or None.
fn opener_len(s: &str) -> Option<usize> {
    for w in ["trong đó", "bao gồm", "gồm"] {
        if starts_with_ci(s, w) {
            let mut len = ci_len(s, w);
            let rest = &s[len..];
            // "trong đó có 26 vụ": a subset, not a breakdown.
            if starts_with_ci(rest.trim_start(), "có ") {
                return None;
            }
            let after = rest.trim_start_matches([' ', ':']);
            len += rest.len() - after.len();
            return Some(len);
        }
    }
    None
}

/// A part of a breakdown: the index of its number in the unit.
#[derive(Clone, Copy, Debug)]
enum Segment {
    /// "40 giấy phép xây dựng", "đất đai: 10 lượt".
    Part(usize),
    /// Words with no number: "cải chính" in "11 hồ sơ thay đổi, cải chính và …".
    Words,
    /// A number that is no part: "xử lý 03 công trình …", "202/470 = 42,98%".
    Other,
    /// A part named by words before it: "đúng hạn 950 hồ sơ", "vốn năm 2024
    /// chuyển sang là 2.548 tỷ đồng" (in a closed list only).
    Labelled(usize),
    /// The share claimed for the part before: "đạt 95%", "chiếm 4,9%".
    Share,
}

/// What one segment of text is, as a part of a breakdown.
fn segment(unit: &Unit, seg: Range<usize>) -> Segment {
    let text = &unit.text[seg.clone()];
    let trimmed = text.trim_start_matches([' ', '-', '+', '*', '•']);
    let lead = seg.start + (text.len() - trimmed.len());
    let lead = lead + opener_len(trimmed).unwrap_or(0);
    let nums = unit.numbers();
    // The indices of the numbers of the segment, in order.
    let inside = unit.numbers_in(seg.clone());
    if inside.is_empty() {
        return Segment::Words;
    }
    let in_fraction = |i: usize| unit.fractions().iter().any(|f| f.a == i || f.b == i);
    if inside.len() == 1 && nums[inside.start].percent_end.is_some() {
        let claim =
            baocao_model::case::lower(unit.text[lead..nums[inside.start].span.start].trim());
        let after = unit.text[nums[inside.start].percent_end.unwrap_or(seg.end)..seg.end].trim();
        if after.is_empty()
            && ["chiếm", "đạt", "tỷ lệ", "chiếm tỷ lệ", "đạt tỷ lệ", "bằng"]
                .contains(&claim.as_str())
        {
            return Segment::Share;
        }
    }
    if inside
        .clone()
        .any(|i| nums[i].percent_end.is_some() || in_fraction(i))
    {
        return Segment::Other;
    }
    let is_part = |i: usize| nums[i].is_quantity() && !nums[i].unit.is_empty();
    let first = inside.start;
    if nums[first].span.start == lead && is_part(first) {
        return Segment::Part(first);
    }
    // "đất đai: 10 lượt": the number right after the last colon.
    if let Some(colon) = unit.text[lead..seg.end].rfind(':') {
        let after = lead + colon + 1;
        let start = after + (unit.text[after..].len() - unit.text[after..].trim_start().len());
        if let Some(i) = inside.clone().find(|&i| nums[i].span.start == start) {
            if is_part(i) {
                return Segment::Part(i);
            }
        }
    }
    // "đúng hạn 950 hồ sơ": words, then the one quantity of the segment.
    let mut quantities = inside.clone().filter(|&i| nums[i].is_quantity());
    if let (Some(q), None) = (quantities.next(), quantities.next()) {
        let label = &unit.text[lead..nums[q].span.start];
        let words = label.trim_end().trim_end_matches(':');
        let named = is_part(q)
            && !words.trim().is_empty()
            && words
                .chars()
                .all(|c| is_letter(c) || c == ' ' || c.is_ascii_digit())
            && words.split_whitespace().count() <= 8;
        // "cùng kỳ 950 hồ sơ", "tháng trước 980 hồ sơ", "tăng 50 hồ sơ": a
        // figure of another period or a change, not a part.
        let compares = || {
            let lower = baocao_model::case::lower(words);
            [
                "cùng kỳ",
                "tháng trước",
                "quý trước",
                "năm trước",
                "kỳ trước",
                "so với",
                "tăng",
                "giảm",
            ]
            .iter()
            .any(|w| lower.contains(w))
        };
        if named && !compares() {
            return Segment::Labelled(q);
        }
    }
    Segment::Other
}

/// Splits `range` of the text at ";", ", " and " và " outside brackets.
fn segments(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = range.start;
    let s = &text[range.clone()];
    let mut skip_to = 0;
    // The marks are ASCII: bytes are enough (no byte of another character
    // is one of them).
    let bytes = s.as_bytes();
    for (k, &c) in bytes.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b';' if depth == 0 => {
                out.push(start..range.start + k);
                start = range.start + k + 1;
            }
            b',' if depth == 0 && bytes.get(k + 1) == Some(&b' ') => {
                out.push(start..range.start + k);
                start = range.start + k + 1;
            }
            b' ' if depth == 0 && s[k..].starts_with(" và ") => {
                out.push(start..range.start + k);
                start = range.start + k + " và".len();
                skip_to = k + " và".len();
            }
            _ => {}
        }
    }
    out.push(start..range.end);
    out
}

/// The parts found in a breakdown, and the numbers of the same unit that
/// follow them in the sentence without being clearly parts.
struct Breakdown {
    parts: Vec<usize>,
    /// What the parts count: the syllables their units share ("trường" of
    /// "05 trường mầm non, 05 trường tiểu học").
    counted: String,
    /// Whether some part is named by words before its number ("đúng hạn 950
    /// hồ sơ"): such a list may leave a group out, so parts short of the
    /// total are a warning.
    labelled: bool,
    /// Same-unit numbers after the parts ("…; xử lý 03 công trình …"): the
    /// total may count them too, so a mismatch is only certain if it matches
    /// no running sum with them.
    trailing: Vec<usize>,
}

/// Whether two numbers are equal in value ("10,5" and "10,50"); true when
/// they are too large to compare, since a finding must be certain.
fn same_value(a: Decimal, b: Decimal) -> bool {
    let zero = Decimal {
        mantissa: 0,
        scale: a.scale.max(b.scale),
    };
    match (a.checked_add(zero), b.checked_add(zero)) {
        (Some(x), Some(y)) => x.mantissa == y.mantissa,
        _ => true,
    }
}

impl Breakdown {
    fn unit(&self, _unit: &Unit) -> &str {
        &self.counted
    }

    fn sum(&self, unit: &Unit) -> Option<Decimal> {
        let nums = unit.numbers();
        let mut total = Decimal::int(0);
        for &p in &self.parts {
            total = total.checked_add(nums[p].value?)?;
        }
        Some(total)
    }

    /// Whether `total` is the sum of the parts, or of the parts and some of
    /// the trailing numbers.
    fn adds_up_to(&self, unit: &Unit, total: Decimal) -> bool {
        let Some(mut running) = self.sum(unit) else {
            return true;
        };
        if same_value(running, total) {
            return true;
        }
        for &t in &self.trailing {
            let Some(v) = unit.numbers()[t].value else {
                return true;
            };
            let Some(next) = running.checked_add(v) else {
                return true;
            };
            running = next;
            if same_value(running, total) {
                return true;
            }
        }
        false
    }

    fn written(&self, unit: &Unit) -> String {
        let nums = unit.numbers();
        self.parts
            .iter()
            .map(|&p| nums[p].raw.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// The parts of a closed list (a bracket, a footnote, a paragraph): every
/// numbered segment must be a part of one unit, at least two of them.
fn closed_parts(unit: &Unit, range: Range<usize>) -> Option<Breakdown> {
    let mut parts = Vec::new();
    let mut labelled = false;
    for seg in segments(&unit.text, range) {
        match segment(unit, seg) {
            Segment::Part(i) => parts.push(i),
            Segment::Labelled(i) => {
                parts.push(i);
                labelled = true;
            }
            Segment::Words | Segment::Share => {}
            Segment::Other => return None,
        }
    }
    let nums = unit.numbers();
    let first = nums[*parts.first()?].unit.as_str();
    // "05 trường mầm non, 05 trường tiểu học": what all parts count.
    let mut shared = first.split(' ').count();
    for &p in &parts[1..] {
        let same = first
            .split(' ')
            .zip(nums[p].unit.split(' '))
            .take_while(|(a, b)| a == b)
            .count();
        shared = shared.min(same);
    }
    if parts.len() < 2 || shared == 0 {
        return None;
    }
    let counted = first.split(' ').take(shared).collect::<Vec<_>>().join(" ");
    Some(Breakdown {
        parts,
        counted,
        labelled,
        trailing: Vec::new(),
    })
}

/// The parts of an open list running to the end of the sentence ("trong
/// đó: 61 công trình …; 41 công trình …; xử lý 03 công trình …").
fn open_parts(unit: &Unit, range: Range<usize>) -> Option<Breakdown> {
    let nums = unit.numbers();
    let mut parts: Vec<usize> = Vec::new();
    let mut trailing = Vec::new();
    let mut open = true;
    for seg in segments(&unit.text, range) {
        let kind = segment(unit, seg.clone());
        if open {
            match kind {
                Segment::Part(i)
                    if parts.is_empty() || same_unit(&nums[i].unit, &nums[parts[0]].unit) =>
                {
                    parts.push(i);
                    continue;
                }
                Segment::Words => continue,
                _ => open = false,
            }
        }
        if let Some(&first) = parts.first() {
            let later = unit
                .numbers_in(seg.clone())
                .find(|&i| nums[i].is_quantity() && same_unit(&nums[i].unit, &nums[first].unit));
            trailing.extend(later);
        }
    }
    let first = *parts.first()?;
    (parts.len() >= 2).then(|| Breakdown {
        counted: nums[first].unit.to_string(),
        parts,
        labelled: false,
        trailing,
    })
}

/// The end of the sentence that goes on at `from`: a "." before a capital or
/// at the end, or the ")" closing a bracket opened before `from`.
fn sentence_end(text: &str, from: usize) -> usize {
    let mut depth = 0i32;
    // No breakdown runs on for pages: stop looking after a few lines.
    let mut limit = (from + 4000).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let s = &text[from..limit];
    // The marks are ASCII: bytes are enough.
    for (k, &c) in s.as_bytes().iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth < 0 {
                    return from + k;
                }
            }
            b'.' => {
                let rest = &s[k + 1..];
                let next = rest.trim_start_matches(' ');
                if rest.is_empty()
                    || (rest.starts_with(' ')
                        && next.chars().next().is_some_and(char::is_uppercase))
                {
                    return from + k;
                }
            }
            _ => {}
        }
    }
    limit
}

/// The total a breakdown at `at` is of: the nearest quantity before it in the
/// same clause, of the parts' unit; in "15 lượt/18 công dân", the numerator
/// when the parts count what it counts.
fn total_before(unit: &Unit, at: usize, parts_unit: &str) -> Option<usize> {
    let nums = unit.numbers();
    let last = unit.number_before(at)?;
    // Dates, years and codes between are passed over, a few at most.
    let i = (0..=last).rev().take(8).find(|&i| nums[i].is_quantity())?;
    let t = &nums[i];
    let gap = &unit.text[t.end_with_unit().min(at)..at];
    if gap.contains(';') || gap.contains(". ") || gap.len() > 120 || t.percent_end.is_some() {
        return None;
    }
    if same_unit(&t.unit, parts_unit) {
        return Some(i);
    }
    let f = unit.fractions().iter().find(|f| f.b == i)?;
    same_unit(&nums[f.a].unit, parts_unit).then_some(f.a)
}

/// A total whose number ends the text ("…: 12 nội dung", "…: 68.448 người.").
fn ending_total(unit: &Unit) -> Option<usize> {
    let nums = unit.numbers();
    let i = nums.len().checked_sub(1)?;
    let t = &nums[i];
    let rest = unit.text[t.end_with_unit()..].trim();
    let ends = rest.is_empty() || rest == "." || rest == ":";
    (ends && t.is_quantity() && !t.unit.is_empty() && t.percent_end.is_none()).then_some(i)
}

/// A sum written as the report writes its total: "03" when the total is
/// written "04", "68.449" with grouping.
fn written_like(sum: Decimal, total: &str) -> String {
    let text = format_decimal(sum);
    if total.len() == 2 && total.starts_with('0') && text.len() == 1 {
        format!("0{text}")
    } else {
        text
    }
}

/// Units whose figures are usually rounded: amounts in thousands, millions
/// or billions, areas, lengths, weights. Counts of things never are.
const ROUNDED_UNITS: [&str; 11] = [
    "tỷ", "triệu", "nghìn", "ngàn", "ha", "km", "m", "tấn", "kg", "lít", "usd",
];

/// How serious a total that its parts miss by `total − sum` is, and what to
/// add to the message. Error when the arithmetic fails whatever the rounding;
/// a warning when rounded parts may explain it ("22.143 tỷ đồng" of 19.596 +
/// 2.548), or when labelled parts fall short of the total (a group may be
/// left unnamed).
fn severity(
    sum: Decimal,
    total: Decimal,
    parts: usize,
    unit: &str,
    labelled: bool,
) -> (Severity, &'static str) {
    let scale = sum.scale.max(total.scale);
    let zero = Decimal { mantissa: 0, scale };
    let (Some(s), Some(t)) = (sum.checked_add(zero), total.checked_add(zero)) else {
        return (Severity::Warning, "");
    };
    let diff = s.mantissa.abs_diff(t.mantissa);
    let first = unit.split(' ').next().unwrap_or("");
    // Each rounded figure is off by at most half its last digit.
    if ROUNDED_UNITS.contains(&first) && diff * 2 <= (parts as u128 + 1) {
        return (
            Severity::Warning,
            " Chênh lệch nhỏ, có thể do làm tròn từng số: nếu vậy, ghi rõ số đã làm tròn.",
        );
    }
    // Parts named by words may leave a group out ("trước hạn" when only
    // "đúng hạn" and "quá hạn" are written) or one may hold another
    // ("trực tuyến", "toàn trình"): which reading is meant is not certain.
    if labelled {
        let note = if s.mantissa < t.mantissa {
            " Nếu còn nhóm khác chưa nêu, bổ sung nhóm đó cho đủ tổng."
        } else {
            " Nếu có nhóm nằm trong nhóm khác, ghi rõ «trong đó»."
        };
        return (Severity::Warning, note);
    }
    (Severity::Error, "")
}

/// The finding for a total that its parts do not add up to: its severity and
/// message.
fn message(
    total: &NumToken,
    parts: &Breakdown,
    unit: &Unit,
    place: &str,
) -> Option<(Severity, String)> {
    let sum = parts.sum(unit)?;
    let total_value = total.value?;
    if parts.adds_up_to(unit, total_value) {
        return None;
    }
    let sum_text = written_like(sum, &total.raw);
    let (severity, note) = severity(
        sum,
        total_value,
        parts.parts.len(),
        &total.unit,
        parts.labelled,
    );
    Some((
        severity,
        format!(
            "Tổng {} {} không khớp với các thành phần{place}: {} = {sum_text} {}. Sửa tổng thành {sum_text} {} hoặc kiểm tra lại các thành phần.{note}",
            total.raw,
            total.unit,
            parts.written(unit),
            parts.unit(unit),
            total.unit,
        ),
    ))
}

/// Byte ranges of the top-level brackets of a text: "(" … ")".
fn brackets(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0;
    // "(" and ")" are ASCII: bytes are enough, found eight at a time.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = find_either(bytes, from, b'(', b')') {
        from = k + 1;
        match bytes[k] {
            b'(' => {
                if depth == 0 {
                    open = Some(k);
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push(o..k + 1);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The unit-local part: breakdowns in brackets and after "trong đó"/"gồm"
/// in the same sentence as their total.
pub fn local(unit: &Unit, out: &mut Vec<Local>) {
    if unit.numbers().len() < 3 {
        return;
    }
    let text = unit.text.as_str();
    let groups = brackets(text);
    // "(trong đó: 40 giấy phép …; 06 …)", "(22 cơ sở …, 06 cơ sở …)".
    for g in &groups {
        let inner = g.start + 1..g.end - 1;
        let body = &text[inner.clone()];
        let trimmed = body.trim_start();
        let lead = inner.start + (body.len() - trimmed.len());
        let from = match opener_len(trimmed) {
            Some(len) => lead + len,
            None if starts_with_ci(trimmed, "trong đó") => continue,
            None => lead,
        };
        let Some(parts) = closed_parts(unit, from..inner.end) else {
            continue;
        };
        report_total(unit, g.start, g.end, &parts, out);
    }
    // "103 công trình xây dựng trong đó: 61 công trình …; 41 …".
    let mut done = 0;
    for pos in openers(text) {
        if pos < done || groups.iter().any(|g| g.contains(&pos)) {
            continue;
        }
        let Some(len) = opener_len(&text[pos..]) else {
            continue;
        };
        let start = pos + len;
        let end = sentence_end(text, start);
        let Some(parts) = open_parts(unit, start..end) else {
            continue;
        };
        report_total(unit, pos, end, &parts, out);
        done = end;
    }
}

/// Pushes the finding for the total before `at`, if its parts disagree.
fn report_total(unit: &Unit, at: usize, end: usize, parts: &Breakdown, out: &mut Vec<Local>) {
    let Some(t) = total_before(unit, at, parts.unit(unit)) else {
        return;
    };
    let total = &unit.numbers()[t];
    if let Some((severity, message)) = message(total, parts, unit, "") {
        out.push(Local {
            fix: None,
            rule: Rule::Sum,
            severity,
            span: total.span.start..end,
            message,
        });
    }
}

/// Where a breakdown opens outside brackets: "trong đó", "bao gồm",
/// "gồm:" starting a word ("Trong đó" too), in order.
fn openers(text: &str) -> Vec<usize> {
    let mut at = Vec::new();
    // In the lower case these openers are written in inside a sentence.
    // "đó" (C4 91 C3 B3) and "gồm" (67 E1 BB 93 6D) both have at their
    // fourth byte one rare in a report: that byte is looked for, eight
    // bytes at a time, and the word read around it.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(key) = find_either(bytes, from, 0xB3, 0x93) {
        from = key + 1;
        let (tail, phrases) = if bytes[key] == 0xB3 {
            ("đó", &["trong đó"][..])
        } else {
            ("gồm", &["bao gồm", "gồm:"][..])
        };
        let Some(k) = key.checked_sub(3) else {
            continue;
        };
        if !bytes[k..].starts_with(tail.as_bytes()) {
            continue;
        }
        for phrase in phrases {
            let head = phrase.split(':').next().unwrap_or("");
            let Some(start) = (k + tail.len()).checked_sub(head.len()) else {
                continue;
            };
            let starts_word = text.is_char_boundary(start)
                && text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_letter(c));
            if starts_word && starts_with_ci(&text[start..], phrase) {
                at.push(start);
                break;
            }
        }
    }
    at.sort_unstable();
    at.dedup();
    at
}

/// The list mark a paragraph starts with: '-', '+', '•' or none.
fn list_mark(text: &str) -> Option<char> {
    let t = text.trim_start_matches('*').trim_start();
    let c = t.chars().next()?;
    (matches!(c, '-' | '+' | '•') && t[c.len_utf8()..].starts_with(' ')).then_some(c)
}

/// The document-level part: breakdowns in a footnote, in the paragraph
/// after the total, and in the list lines after it.
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    super::cumulative::document(units, report, out);
    let notes = footnote_units(units);
    for (i, unit) in units.iter().enumerate() {
        if !matches!(
            unit.kind,
            UnitKind::Paragraph | UnitKind::Heading(_) | UnitKind::TableCell
        ) {
            continue;
        }
        footnote_breakdowns(units, &notes, i, out);
        if unit.kind == UnitKind::Paragraph {
            next_paragraph_breakdown(units, i, out);
            list_breakdown(units, i, out);
        }
    }
}

/// Where the parts stand, for the message: "(dòng 113–129)", or their place
/// in a draft.
fn place(first: &Unit, last: &Unit) -> String {
    match (first.line_at(0), last.line_at(last.text.len())) {
        (Some(a), Some(b)) if a == b => format!(" (dòng {a})"),
        (Some(a), Some(b)) => format!(" (dòng {a}–{b})"),
        _ => format!(" ({})", first.place),
    }
}

/// "15 lượt/18 công dân¹⁵" with "¹⁵ Trong đó đất đai: 10 lượt; GPMB: 03 lượt; …".
fn footnote_breakdowns(units: &[Unit], notes: &FootnoteUnits, i: usize, out: &mut Vec<Placed>) {
    let unit = &units[i];
    for (range, id) in &unit.notes {
        let Some(note) = notes.get(id).map(|&j| &units[j]) else {
            continue;
        };
        let trimmed = note.text.trim_start();
        let lead = note.text.len() - trimmed.len();
        let Some(len) = opener_len(trimmed) else {
            continue;
        };
        let start = lead + len;
        let Some(parts) = open_parts(note, start..sentence_end(&note.text, start)) else {
            continue;
        };
        let Some(t) = total_before(unit, range.start, parts.unit(note)) else {
            continue;
        };
        let total = &unit.numbers()[t];
        let where_ = format!(" trong chú thích {}{}", id.0, place(note, note));
        if let Some((severity, message)) = message(total, &parts, note, &where_) {
            out.push(Placed {
                at: i,
                finding: unit.finding(Rule::Sum, severity, total.span.start..range.end, message),
            });
        }
    }
}

/// "…: 68.448 người." then a paragraph "Trong đó: …: 39.078 người; …".
fn next_paragraph_breakdown(units: &[Unit], i: usize, out: &mut Vec<Placed>) {
    let Some(next) = units.get(i + 1).filter(|u| u.kind == UnitKind::Paragraph) else {
        return;
    };
    let text = next.text.trim_start_matches(['-', '+', '*', '•', ' ']);
    let lead = next.text.len() - text.len();
    let Some(len) = opener_len(text) else {
        return;
    };
    let unit = &units[i];
    let Some(t) = ending_total(unit) else {
        return;
    };
    let start = lead + len;
    let Some(parts) = open_parts(next, start..sentence_end(&next.text, start)) else {
        return;
    };
    let total = &unit.numbers()[t];
    if !same_unit(&total.unit, parts.unit(next)) {
        return;
    }
    if let Some((severity, message)) = message(total, &parts, next, &place(next, next)) {
        out.push(Placed {
            at: i,
            finding: unit.finding(
                Rule::Sum,
                severity,
                total.span.start..total.end_with_unit(),
                message,
            ),
        });
    }
}

/// "- …: 12 nội dung" then the lines "+ …: 02 nội dung" that break it down.
fn list_breakdown(units: &[Unit], i: usize, out: &mut Vec<Placed>) {
    let unit = &units[i];
    let Some(t) = ending_total(unit) else {
        return;
    };
    let own = list_mark(&unit.text);
    let total = &unit.numbers()[t];
    // A line with no mark is a total only in the form "…: N đơn vị".
    let labelled = unit.text[..total.span.start].trim_end().ends_with(':');
    if own.is_none() && !labelled {
        return;
    }
    // "+ Tổng số kiến nghị: 900 triệu đồng." then "+ Đã thực hiện: …" on
    // lines of the same mark: the total's parts are its siblings.
    let head = unit.text.trim_start_matches(['*', ' ']);
    let head = head
        .get(own.map_or(0, char::len_utf8)..)
        .unwrap_or("")
        .trim_start();
    let siblings = own.is_some() && starts_with_ci(head, "tổng");
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut item_mark = if siblings { own } else { None };
    for (j, next) in units.iter().enumerate().skip(i + 1) {
        if next.kind != UnitKind::Paragraph {
            break;
        }
        let Some(m) = list_mark(&next.text) else {
            break;
        };
        let expected = match (own, item_mark) {
            (_, Some(m)) => m,
            (Some('-'), None) => '+',
            (Some(_), None) => break,
            (None, None) => m,
        };
        if m != expected {
            break;
        }
        item_mark = Some(m);
        match segment(next, 0..next.text.len()) {
            Segment::Part(p) if same_unit(&next.numbers()[p].unit, &total.unit) => {
                items.push((j, p))
            }
            _ => return,
        }
    }
    if items.len() < 2 {
        return;
    }
    let mut sum = Decimal::int(0);
    for &(j, p) in &items {
        let Some(v) = units[j].numbers()[p].value else {
            return;
        };
        let Some(next) = sum.checked_add(v) else {
            return;
        };
        sum = next;
    }
    let Some(total_value) = total.value else {
        return;
    };
    if same_value(sum, total_value) {
        return;
    }
    let written: Vec<&str> = items
        .iter()
        .map(|&(j, p)| units[j].numbers()[p].raw.as_str())
        .collect();
    let (first, last) = (&units[items[0].0], &units[items[items.len() - 1].0]);
    let sum_text = written_like(sum, &total.raw);
    let (severity, note) = if siblings {
        (
            Severity::Warning,
            " Nếu còn nhóm khác chưa liệt kê, bổ sung dòng đó cho đủ tổng.",
        )
    } else {
        severity(sum, total_value, items.len(), &total.unit, false)
    };
    let message = format!(
        "Tổng {} {} không khớp với các dòng liệt kê bên dưới{}: {} = {sum_text} {}. Sửa tổng thành {sum_text} {} hoặc kiểm tra lại các dòng.{note}",
        total.raw,
        total.unit,
        place(first, last),
        written.join(" + "),
        total.unit,
        total.unit,
    );
    out.push(Placed {
        at: i,
        finding: unit.finding(
            Rule::Sum,
            severity,
            total.span.start..total.end_with_unit(),
            message,
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn seed_breakdowns_add_up() {
        for t in [
            "cấp 56 giấy phép xây dựng (trong đó: 40 giấy phép xây dựng; 06 giấy phép có thời hạn; 08 giấy phép điều chỉnh; 02 giấy phép cải tạo); trả lại 06 hồ sơ chưa đủ điều kiện.",
            "UBND các phường, xã kiểm tra 103 công trình xây dựng trong đó: 61 công trình có Giấy phép xây dựng; 41 công trình miễn Giấy phép xây dựng; 01 công trình không có giấy phép xây dựng; xử lý 03 công trình xây dựng sai nội dung giấy phép xây dựng.",
            "Tổ chức kiểm tra vệ sinh an toàn thực phẩm được 28 cơ sở (22 cơ sở dịch vụ ăn uống, 06 cơ sở thức ăn đường phố).",
            "giải quyết 19 hồ sơ xin thay đổi, cải chính hộ tịch, xác định lại dân tộc (trong đó 11 hồ sơ thay đổi, cải chính và 08 hồ sơ xác định lại dân tộc); 01 hồ sơ cấp bản sao",
            "Xử lý vi phạm hành chính 14 hồ sơ (trong đó: 03 hồ sơ xử phạt vi phạm hành chính lĩnh vực giao thông đường bộ; 09 hồ sơ xử phạt trong lĩnh vực đất đai; 01 hồ sơ xử phạt trong lĩnh vực Hóa chất, thương mại; 01 hồ sơ xử phạt vi phạm hành chính trong lĩnh vực ANTT);",
            "đối với 02 nhân viên y tế, 03 nhân viên các trường mầm non công lập (02 nhân viên nấu ăn Trường Mầm non Liên cơ và 01 nhân viên bảo vệ Trường Mầm non Hoa Hướng Dương).",
        ] {
            assert!(findings(t).is_empty(), "{t}: {:?}", findings(t));
        }
    }

    #[test]
    fn wrong_totals_are_found_with_the_right_sum() {
        for (t, expected) in [
            (
                "cấp 57 giấy phép xây dựng (trong đó: 40 giấy phép xây dựng; 06 giấy phép có thời hạn; 08 giấy phép điều chỉnh; 02 giấy phép cải tạo); trả lại 06 hồ sơ.",
                "Tổng 57 giấy phép không khớp với các thành phần: 40 + 06 + 08 + 02 = 56 giấy phép. Sửa tổng thành 56 giấy phép",
            ),
            (
                "kiểm tra 103 công trình xây dựng trong đó: 62 công trình có Giấy phép xây dựng; 41 công trình miễn Giấy phép xây dựng; 01 công trình không có giấy phép xây dựng; xử lý 03 công trình xây dựng sai nội dung.",
                "62 + 41 + 01 = 104 công trình",
            ),
            (
                "được 28 cơ sở (23 cơ sở dịch vụ ăn uống, 06 cơ sở thức ăn đường phố).",
                "23 + 06 = 29 cơ sở",
            ),
            (
                "với 09 điểm cầu (gồm 01 điểm cầu tại UBND thành phố và 07 điểm cầu tại các phường, xã).",
                "01 + 07 = 08 điểm cầu",
            ),
        ] {
            let f = findings(t);
            assert_eq!(f.len(), 1, "{t}");
            assert_eq!(f[0].severity, Severity::Error);
            assert!(f[0].message.contains(expected), "{}", f[0].message);
        }
    }

    #[test]
    fn decimals_add_up_whatever_their_decimals() {
        let t = "thu hồi 10,5 ha (5,25 ha đất ở và 5,25 ha đất nông nghiệp).";
        assert_eq!(findings(t), vec![]);
        let f = findings("thu hồi 10,6 ha (5,25 ha đất ở và 5,25 ha đất nông nghiệp).");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("5,25 + 5,25 = 10,50 ha"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn not_a_breakdown_stays_silent() {
        for t in [
            // A subset, one part.
            "đã kiểm tra 36 vụ buôn bán, trong đó có 26 vụ vi phạm, xử phạt VPHC 26 vụ với số tiền 54.000.000 đồng.",
            // Parts of another unit.
            "thu 0,224 gam heroin; 0,998 gam Ketamine (trong đó có 91 viên nén); đã khởi tố 06 vụ 08 bị can.",
            // A part that is a fraction of another unit.
            "với 09 điểm cầu (gồm 01 điểm cầu tại UBND thành phố và 08/08 phường, xã).",
            // Dates in the bracket.
            "tổ chức Tiếp công dân được 02 kỳ (ngày 21/02/2025 và ngày 03/3/2025), tiếp được 15 lượt/18 công dân.",
            // Names with numbers.
            "hoàn thành 02 khu dân cư (Khối 8, Khối 9).",
            // Labels without units.
            "lập biên bản 181 TH vi phạm Luật GTĐB (ô tô 79, mô tô 102).",
            // A carry-over, not a part.
            "thụ lý 76 hồ sơ xin cấp phép xây dựng (tồn từ tháng trước 26 hồ sơ); cấp 56 giấy phép",
            // Parts that are percentages.
            "là 586 hồ sơ, trong đó số hồ sơ đã giải quyết trước hạn 202/470 = 42,98%; đúng hạn là 257/470 = 54,68%, quá hạn 11/470 chiếm 2,34%; số hồ sơ đang trong hạn giải quyết: 116 hồ sơ; hồ sơ hủy: 01; Hồ sơ không đủ điều kiện: 45",
        ] {
            assert!(findings(t).is_empty(), "{t}: {:?}", findings(t));
        }
    }

    #[test]
    fn breakdowns_across_lines_and_footnotes() {
        let list = "I. KẾT QUẢ\n\n1. Kinh tế\n\n- Các đơn vị đã tham mưu nhưng quá hạn: 12 nội dung\n\n+ Trung tâm Phát triển quỹ đất: 02 nội dung.\n\n+ Phòng Quản lý đô thị: 02 nội dung.\n\n+ Phòng Lao động, Thương binh và Xã hội: 07 nội dung.\n\n- Dòng khác.";
        let f = findings(list);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(5));
        assert!(
            f[0].message
                .contains("(dòng 7–11): 02 + 02 + 07 = 11 nội dung"),
            "{}",
            f[0].message
        );
        assert!(findings(&list.replace("07 nội dung", "08 nội dung")).is_empty());

        let note = "I. KẾT QUẢ\n\n1. Tư pháp\n\nTiếp được 16 lượt/18 công dân¹; đơn thư.\n\n¹ Trong đó đất đai: 10 lượt; GPMB: 03 lượt; khác: 02 lượt.";
        let f = findings(note);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(5));
        assert!(
            f[0].message
                .contains("Tổng 16 lượt không khớp với các thành phần trong chú thích 1 (dòng 7): 10 + 03 + 02 = 15 lượt"),
            "{}",
            f[0].message
        );
        assert!(findings(&note.replace("16 lượt", "15 lượt")).is_empty());

        let next = "I. KẾT QUẢ\n\n1. Y tế\n\nTổng số người đã tiêm ít nhất 01 mũi: 68.448 người.\n\nTrong đó: tiêm Vắc xin Verocell: 39.078 người; tiêm ít nhất 1 mũi Astrazeneca: 29.370 người. Tỷ lệ tiêm cao.";
        assert!(findings(next).is_empty());
        let f = findings(&next.replace("29.370", "29.371"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, Some(5));
        assert!(
            f[0].message
                .contains("(dòng 7): 39.078 + 29.371 = 68.449 người. Sửa tổng thành 68.449 người"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn seeds_as_written_have_no_sum_error() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn labelled_parts_and_sibling_lines() {
        let t = "phát sinh 5.000 hồ sơ (3.100 hồ sơ loại A và 1.800 hồ sơ loại B).";
        let f = findings(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            f[0].message.contains("3.100 + 1.800 = 4.900 hồ sơ"),
            "{}",
            f[0].message
        );
        // Named parts short of the total: a group may be left out.
        let t = "đã giải quyết 1.000 hồ sơ (đúng hạn 950 hồ sơ, đạt 95%, quá hạn 49 hồ sơ, chiếm 4,9%).";
        let f = findings(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("950 + 49 = 999 hồ sơ"),
            "{}",
            f[0].message
        );
        assert!(findings(&t.replace("49 hồ sơ", "50 hồ sơ")).is_empty());
        // Over the total: one named group may hold another, still a warning.
        let f = findings(&t.replace("49 hồ sơ", "51 hồ sơ"));
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("950 + 51 = 1.001 hồ sơ"),
            "{}",
            f[0].message
        );
        // Figures of another period in the bracket are no parts.
        let t = "đã giải quyết 1.000 hồ sơ (tháng trước 980 hồ sơ, cùng kỳ năm 2024 là 950 hồ sơ).";
        assert!(findings(t).is_empty());
        // Rounded amounts off by their rounding: a warning.
        let t = "là 22.143 tỷ đồng (gồm kế hoạch năm 2025 là 19.596 tỷ đồng; vốn năm 2024 chuyển sang là 2.548 tỷ đồng), đã giải ngân.";
        let f = findings(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("có thể do làm tròn"),
            "{}",
            f[0].message
        );
        // Parts that share the noun they count.
        let t = "toàn xã có 14 trường (05 trường mầm non, 05 trường tiểu học, 03 trường trung học cơ sở và 01 trường trung học phổ thông).";
        assert!(findings(t).is_empty());
        assert_eq!(findings(&t.replace("14 trường", "15 trường")).len(), 1);

        let lines = "I. KẾT QUẢ\n\n1. Thanh tra\n\n+ Tổng số kiến nghị: 900 triệu đồng.\n\n+ Đã thực hiện: 700 triệu đồng.\n\n+ Chưa thực hiện: 150 triệu đồng.";
        let f = findings(lines);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message
                .contains("(dòng 7–9): 700 + 150 = 850 triệu đồng"),
            "{}",
            f[0].message
        );
        assert!(findings(&lines.replace("150 triệu", "200 triệu")).is_empty());
    }
}

//! Finds the numbers written in a text, once, for every rule: their value in
//! Vietnamese notation, the words after them that say what they count, and
//! what they are part of — a date ("18/11/2021", "ngày 05 tháng 3 năm 2025"),
//! a month ("tháng 3/2025"), a document number ("81/KH-UBND"), a map scale
//! ("tỷ lệ 1/500"), a code ("F0", "16h00") or a fraction ("73.566/75.706").
//! Rules read these facts instead of re-parsing the text, so a number is never
//! taken for a fraction by one rule and for a date by another.

use crate::case::is_upper;
use crate::letters::{eq_ci, find_digit, is_letter, letters_len, letters_start};
use crate::{Decimal, ShortText};
use std::ops::Range;

/// What a number written in the text is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An amount or a count: "56 giấy phép", "97,1%", "22.961 triệu đồng".
    Quantity,
    /// Part of a date: "18/11/2021", "ngày 05 tháng 3", "(8/3)".
    Date,
    /// Part of a month: "tháng 3/2025", "12/2021", "tháng 3".
    MonthYear,
    /// A year: "năm 2025", "giai đoạn 2021-2030".
    Year,
    /// Part of a document number: "81/KH-UBND", "19/2021/QĐ-UBND", "188-NQ/TU".
    Reference,
    /// Part of a map scale: "tỷ lệ 1/500".
    Scale,
    /// Part of a code or a time: "F0", "WB8", "16h00", "mã số TTHC 1.012345".
    Code,
    /// Part of a name: "Đề án 06", "Khối 6", "Tổ công tác 1", "nguyên tắc
    /// 5-4-3-2-1", "Nhà ở xã hội 2", version "4.0". It counts nothing.
    Name,
    /// The number of an item of a list or a table row: "2.1", "3.3.1." at the
    /// start of a text (a STT column), "(1)".
    Label,
}

/// A number as written: "73.566", "97,17", "05", "1.2345" (the last one
/// malformed, so without a value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumToken {
    /// Byte range in the unit's text.
    pub span: Range<usize>,
    /// The characters as written (kept inline: no allocation per number).
    pub raw: ShortText,
    /// The value in Vietnamese notation, if the grouping is well formed.
    pub value: Option<Decimal>,
    /// What the number is part of.
    pub role: Role,
    /// The words right after it, lower case, at most two syllables: "công
    /// trình", "triệu đồng", "m" (of "230m²"); empty when none follow.
    pub unit: ShortText,
    /// Where those words stand (empty, at the end of the number, when none).
    pub unit_span: Range<usize>,
    /// The end of "%" when the number is a percentage ("97,1%", "97,1 %").
    pub percent_end: Option<usize>,
}

impl NumToken {
    /// Whether the number is an amount or a count (not a date, code, …).
    pub fn is_quantity(&self) -> bool {
        self.role == Role::Quantity
    }

    /// Whether it is written with a "." between thousands ("22.961").
    pub fn is_grouped(&self) -> bool {
        self.value.is_some()
            && self
                .raw
                .bytes()
                .take_while(|&b| b != b',')
                .any(|b| b == b'.')
    }

    /// The end of the number together with the words that follow it.
    pub fn end_with_unit(&self) -> usize {
        self.unit_span.end.max(self.span.end)
    }
}

/// A date or a month written in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateToken {
    /// The date as written: "18/11/2021", "ngày 05 tháng 3 năm 2020", "tháng 3/2025".
    pub span: Range<usize>,
    /// The day, when written (not in "tháng 3/2025").
    pub day: Option<u32>,
    /// The month as written, possibly impossible (13).
    pub month: u32,
    /// The year, when written (not in "(8/3)").
    pub year: Option<u32>,
    /// Whether it is the "tính đến (hết) ngày …" of a figure: the date the
    /// figures are counted up to.
    pub as_of: bool,
}

/// "a/b": two numbers with a slash between, the first possibly followed by
/// the words it counts ("43.406 triệu đồng/323.927 triệu đồng").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fraction {
    /// Index of the numerator in the token list.
    pub a: usize,
    /// Index of the denominator in the token list.
    pub b: usize,
}

/// Everything [`analyse`] finds in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Numbers {
    /// Every number, in the order written.
    pub tokens: Vec<NumToken>,
    /// The dates and months, in the order written.
    pub dates: Vec<DateToken>,
    /// The fractions "a/b", in the order written.
    pub fractions: Vec<Fraction>,
    /// Byte ranges of document numbers with their ký hiệu ("81/KH-UBND").
    pub references: Vec<Range<usize>>,
}

/// Every number in `text`: a run of digits, with single "." or "," between
/// digits. A "." or "," at the end belongs to the sentence, not the number.
/// The role is left as a quantity and no unit is read; see [`analyse`].
pub fn scan(text: &str) -> Vec<NumToken> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Straight to the next digit: most bytes of a report are not.
    while let Some(start) = find_digit(bytes, i) {
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            let separator_between_digits = (b == b'.' || b == b',')
                && end + 1 < bytes.len()
                && bytes[end + 1].is_ascii_digit()
                && end > start
                && bytes[end - 1].is_ascii_digit();
            if b.is_ascii_digit() || separator_between_digits {
                end += 1;
            } else {
                break;
            }
        }
        let raw = &text[start..end];
        // Most numbers are plain digits ("05", "2025"): read them directly.
        // (24 digits at most always fit.)
        let value = if raw.len() <= 24 && raw.bytes().all(|b| b.is_ascii_digit()) {
            Some(Decimal::int(
                raw.bytes()
                    .fold(0u128, |v, b| v * 10 + u128::from(b - b'0')),
            ))
        } else {
            Decimal::parse_vn(raw)
        };
        out.push(NumToken {
            span: start..end,
            raw: ShortText::from(raw),
            value,
            role: Role::Quantity,
            unit: ShortText::new(),
            unit_span: end..end,
            percent_end: None,
        });
        i = end;
    }
    out
}

/// Finds the numbers of `text` and what each is part of.
pub fn analyse(text: &str) -> Numbers {
    let mut tokens = scan(text);
    for t in &mut tokens {
        read_surroundings(text, t);
    }
    let mut n = Numbers {
        tokens,
        ..Numbers::default()
    };
    find_references(text, &mut n);
    find_dates(text, &mut n);
    find_years(text, &mut n);
    find_scales(text, &mut n);
    find_names(text, &mut n);
    find_fractions(text, &mut n);
    n
}

/// Words that are never part of a unit: a count is "hộ" in "13 hộ bị ảnh
/// hưởng", not "hộ bị"; "470 chiếm 2,34%" counts nothing named.
const NOT_IN_UNIT: [&str; 35] = [
    "và", "của", "với", "trong", "tại", "để", "đã", "được", "là", "bị", "có", "không", "cho", "từ",
    "đến", "theo", "thuộc", "trên", "dưới", "về", "do", "mới", "các", "những", "này", "đó", "khác",
    "ở", "đạt", "chiếm", "bằng", "so", "tương", "gồm", "còn",
];

/// Reads what stands right around a number: a letter glued before it (a code),
/// "%" after it, or the unit words after it.
fn read_surroundings(text: &str, t: &mut NumToken) {
    let mut back = text[..t.span.start].chars().rev();
    let before = back.next();
    // "F0", "WB8", and "COVID-19": a code, not a quantity.
    let glued = before.is_some_and(is_letter)
        || (before == Some('-') && back.next().is_some_and(is_letter));
    if glued {
        t.role = Role::Code;
        return;
    }
    let rest = &text[t.span.end..];
    let after = rest.as_bytes();
    // "97,1%", "97,1 %" (spaces and "%" are single bytes).
    let space = usize::from(after.first() == Some(&b' '));
    if after.get(space) == Some(&b'%') {
        t.percent_end = Some(t.span.end + space + 1);
        return;
    }
    // Letters glued to the number: a unit symbol ("4.830m", "96.833.000đ",
    // "35KV"), or a code when digits follow ("16h00", "06F0").
    let glued = letters_len(rest);
    if glued > 0 {
        if rest[glued..].starts_with(|c: char| c.is_ascii_digit()) {
            t.role = Role::Code;
            return;
        }
        t.unit = lower(&rest[..glued]);
        t.unit_span = t.span.end..t.span.end + glued;
        return;
    }
    let mut pos = 0;
    let mut words: [&str; 2] = [""; 2];
    let mut count = 0;
    let mut first_spaces = 0;
    while count < 2 {
        let spaces = after[pos..].iter().take_while(|&&b| b == b' ').count();
        if spaces == 0 {
            break;
        }
        let word_len = letters_len(&rest[pos + spaces..]);
        if word_len == 0 {
            break;
        }
        let word = &rest[pos + spaces..pos + spaces + word_len];
        // A word glued to digits or marks ("F2", "Nút3") is not a unit.
        if after
            .get(pos + spaces + word_len)
            .is_some_and(u8::is_ascii_digit)
        {
            break;
        }
        let capitalised = word.chars().next().is_some_and(is_upper);
        if is_not_in_unit(word) || (capitalised && NOT_IN_UNIT.iter().any(|w| eq_ci(word, w))) {
            break;
        }
        if count == 0 {
            first_spaces = spaces;
        }
        words[count] = word;
        count += 1;
        pos += spaces + word_len;
    }
    if count > 0 {
        let start = t.span.end + first_spaces;
        let mut unit = ShortText::new();
        for (k, w) in words[..count].iter().enumerate() {
            if k > 0 {
                unit.push(' ');
            }
            if w.chars().any(is_upper) {
                unit.extend(w.chars().map(crate::case::lower_char));
            } else {
                unit.push_str(w);
            }
        }
        t.unit = unit;
        t.unit_span = start..t.span.end + pos;
    }
}

/// `s` in lower case ([`crate::case::lower`]); without an
/// allocation when it is in ASCII lower case already ("m", "ha", "kw").
fn lower(s: &str) -> ShortText {
    if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        ShortText::from(crate::case::lower(s).as_str())
    } else {
        ShortText::from(s)
    }
}

/// Whether a word as written is one of [`NOT_IN_UNIT`] (a `match` compiles
/// to a test of the length, then of the bytes).
fn is_not_in_unit(w: &str) -> bool {
    matches!(
        w,
        "và" | "của"
            | "với"
            | "trong"
            | "tại"
            | "để"
            | "đã"
            | "được"
            | "là"
            | "bị"
            | "có"
            | "không"
            | "cho"
            | "từ"
            | "đến"
            | "theo"
            | "thuộc"
            | "trên"
            | "dưới"
            | "về"
            | "do"
            | "mới"
            | "các"
            | "những"
            | "này"
            | "đó"
            | "khác"
            | "ở"
            | "đạt"
            | "chiếm"
            | "bằng"
            | "so"
            | "tương"
            | "gồm"
            | "còn"
    )
}

/// Whether a number is written with digits only ("05", "2021").
fn plain_digits(t: &NumToken) -> bool {
    t.raw.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a number written with digits only, if small enough.
fn small(t: &NumToken) -> Option<u32> {
    if plain_digits(t) && !t.raw.is_empty() && t.raw.len() <= 4 {
        Some(t.raw.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
    } else {
        None
    }
}

/// The word that ends right before `pos` (spaces skipped), as written.
pub fn word_before(text: &str, pos: usize) -> &str {
    let bytes = text.as_bytes();
    let mut end = pos;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let head = &text[..end];
    &head[letters_start(head)..]
}

/// Whether the word before `pos` is one of `words` (written in lower case).
pub fn word_before_is(text: &str, pos: usize, words: &[&str]) -> bool {
    // Asked of most numbers: first a look at the last letter alone. An ASCII
    // letter that ends none of the words (in either case) rules them out.
    let bytes = text.as_bytes();
    let mut end = pos;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let Some(&last) = end.checked_sub(1).and_then(|k| bytes.get(k)) else {
        return false;
    };
    if last < 0x80 {
        let last = last.to_ascii_lowercase();
        let may_end = |w: &&str| w.as_bytes().last().is_some_and(|&b| b == last || b >= 0x80);
        if !words.iter().any(may_end) {
            return false;
        }
    }
    let w = word_before(text, pos);
    !w.is_empty() && words.iter().any(|x| eq_ci(w, x))
}

/// Document numbers: "81/KH-UBND", "188-NQ/TU", "19/2021/QĐ-UBND".
fn find_references(text: &str, n: &mut Numbers) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < n.tokens.len() {
        let t = &n.tokens[i];
        if t.role != Role::Quantity || !plain_digits(t) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut pos = t.span.end;
        // "19/2021/QĐ-UBND": number, year, then the ký hiệu.
        if bytes.get(pos) == Some(&b'/') {
            if let Some(next) = n.tokens.get(i + 1) {
                if next.span.start == pos + 1
                    && next.raw.len() == 4
                    && plain_digits(next)
                    && bytes.get(next.span.end) == Some(&b'/')
                    && starts_with_capital(&text[next.span.end + 1..])
                {
                    last = i + 1;
                    pos = next.span.end;
                }
            }
        }
        let is_reference = matches!(bytes.get(pos), Some(b'/') | Some(b'-'))
            && starts_with_capital(&text[pos + 1..]);
        if !is_reference {
            i += 1;
            continue;
        }
        let mut end = pos;
        for (k, c) in text[pos..].char_indices() {
            let ok = is_letter(c) || c.is_ascii_digit() || matches!(c, '/' | '-' | '&');
            if !ok {
                break;
            }
            end = pos + k + c.len_utf8();
        }
        let end = text[..end].trim_end_matches(['/', '-', '&']).len();
        for t in &mut n.tokens[i..=last] {
            t.role = Role::Reference;
        }
        // Numbers inside the ký hiệu ("QĐ-UBND1") are part of it too.
        let mut j = last + 1;
        while let Some(t) = n.tokens.get_mut(j) {
            if t.span.start >= end {
                break;
            }
            t.role = Role::Reference;
            j += 1;
        }
        n.references.push(n.tokens[i].span.start..end);
        i = j;
    }
}

fn starts_with_capital(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Words after which "d/m" is a day and month ("đến 20/11", "Quốc khánh 2/9").
const DATE_CUES: [&str; 12] = [
    "ngày", "từ", "đến", "tới", "hết", "trước", "sau", "khánh", "dịp", "sáng", "chiều", "tối",
];

fn find_dates(text: &str, n: &mut Numbers) {
    let bytes = text.as_bytes();
    let between = |n: &Numbers, i: usize| -> &str {
        let (a, b) = (&n.tokens[i], &n.tokens[i + 1]);
        &text[a.span.end..b.span.start]
    };
    let free = |n: &Numbers, i: usize| {
        n.tokens
            .get(i)
            .is_some_and(|t| t.role == Role::Quantity && t.percent_end.is_none())
    };
    let mut found: Vec<(usize, usize, DateToken)> = Vec::new();
    let mut i = 0;
    while i < n.tokens.len() {
        if !free(n, i) {
            i += 1;
            continue;
        }
        let t = &n.tokens[i];
        // "18.11.2021": a date written with dots, read as one malformed number.
        if t.value.is_none() {
            let parts: Vec<&str> = t.raw.split('.').collect();
            if parts.len() == 3
                && parts[0].len() <= 2
                && parts[1].len() <= 2
                && parts[2].len() == 4
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
            {
                let day = parts[0].parse().ok();
                let year = parts[2].parse().ok();
                if let Ok(month) = parts[1].parse() {
                    found.push((i, i, date(t.span.clone(), day, month, year)));
                }
                i += 1;
                continue;
            }
        }
        // "18/11/2021", "17-10-2021": day, month and a four-digit year.
        if free(n, i + 1) && free(n, i + 2) && plain_digits(t) && t.raw.len() <= 2 {
            let sep = between(n, i);
            let (m, y) = (&n.tokens[i + 1], &n.tokens[i + 2]);
            if (sep == "/" || sep == "-" || sep == ".")
                && between(n, i + 1) == sep
                && plain_digits(m)
                && m.raw.len() <= 2
                && plain_digits(y)
                && y.raw.len() == 4
            {
                if let (Some(d), Some(mo), Some(yy)) = (small(t), small(m), small(y)) {
                    found.push((
                        i,
                        i + 2,
                        date(t.span.start..y.span.end, Some(d), mo, Some(yy)),
                    ));
                    i += 3;
                    continue;
                }
            }
        }
        // "tháng 3/2025", "tháng 3 năm 2025", "ngày 05 tháng 3 năm 2020".
        if plain_digits(t) && t.raw.len() <= 2 && word_before_is(text, t.span.start, &["tháng"]) {
            let Some(month) = small(t) else {
                i += 1;
                continue;
            };
            let mut first = i;
            let mut last = i;
            let mut start = text[..t.span.start].trim_end_matches(' ').len() - "tháng".len();
            let mut end = t.span.end;
            let mut day = None;
            let mut year = None;
            if let Some(y) = n.tokens.get(i + 1).filter(|_| free(n, i + 1)) {
                let sep = between(n, i);
                let is_year = plain_digits(y) && y.raw.len() == 4;
                if is_year && (sep == "/" || sep.trim().eq_ignore_ascii_case("năm")) {
                    year = small(y);
                    last = i + 1;
                    end = y.span.end;
                }
            }
            if i > 0 && free(n, i - 1) {
                let d = &n.tokens[i - 1];
                let gap = text[d.span.end..start].trim();
                if gap.is_empty()
                    && plain_digits(d)
                    && d.raw.len() <= 2
                    && word_before_is(text, d.span.start, &["ngày"])
                {
                    day = small(d);
                    first = i - 1;
                    start = text[..d.span.start].trim_end_matches(' ').len() - "ngày".len();
                }
            }
            if year.is_some() || day.is_some() {
                found.push((first, last, date(start..end, day, month, year)));
            } else {
                // A month alone ("trong tháng 3") is no date to check, nor a count.
                n.tokens[i].role = Role::MonthYear;
            }
            i = last + 1;
            continue;
        }
        // "d/m": a day and month after a date word or alone in brackets.
        if free(n, i + 1) && between(n, i) == "/" && plain_digits(t) && t.raw.len() <= 2 {
            let m = &n.tokens[i + 1];
            let chained = bytes.get(m.span.end) == Some(&b'/')
                || (t.span.start > 0 && bytes[t.span.start - 1] == b'/');
            if !chained && plain_digits(m) {
                let (d, mo) = (small(t).unwrap_or(0), small(m).unwrap_or(0));
                let after_day = word_before_is(text, t.span.start, &["ngày"]);
                let cued = word_before_is(text, t.span.start, &DATE_CUES);
                let bracketed =
                    text[..t.span.start].ends_with('(') && text[m.span.end..].starts_with(')');
                let plausible = (1..=31).contains(&d) && (1..=12).contains(&mo);
                if m.raw.len() <= 2 && (after_day || (plausible && (bracketed || cued))) {
                    found.push((i, i + 1, date(t.span.start..m.span.end, Some(d), mo, None)));
                    i += 2;
                    continue;
                }
                // "3/2025" without "tháng": a month, if it can be one.
                if m.raw.len() == 4
                    && (1..=12).contains(&d)
                    && (1900..=2100).contains(&small(m).unwrap_or(0))
                {
                    found.push((i, i + 1, date(t.span.start..m.span.end, None, d, small(m))));
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    for (first, last, mut d) in found {
        let role = if d.day.is_none() {
            Role::MonthYear
        } else {
            Role::Date
        };
        for t in &mut n.tokens[first..=last] {
            t.role = role;
            t.unit.clear();
            t.unit_span = t.span.end..t.span.end;
        }
        d.as_of = is_as_of(text, d.span.start);
        n.dates.push(d);
    }
    crate::order::sort_stable_by_key(&mut n.dates, |d| d.span.start);
}

fn date(span: Range<usize>, day: Option<u32>, month: u32, year: Option<u32>) -> DateToken {
    DateToken {
        span,
        day,
        month,
        year,
        as_of: false,
    }
}

/// Whether the date starting at `start` follows "tính đến (hết) (16h00) ngày".
fn is_as_of(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Lower-casing Vietnamese costs a table search per letter: first make
    // sure "tính" is there at all ("tính", "Tính", "TÍNH").
    let window = &text[from..start];
    if !(window.contains("ính") || window.contains("ÍNH")) {
        return false;
    }
    let mut head = crate::case::lower(window);
    let strip = |h: &mut String, word: &str| {
        let trimmed = h.trim_end().len();
        h.truncate(trimmed);
        if h.ends_with(word) {
            let cut = h.len() - word.len();
            h.truncate(cut);
            let trimmed = h.trim_end().len();
            h.truncate(trimmed);
        }
    };
    strip(&mut head, "ngày");
    strip(&mut head, "tháng");
    // A time of day: "16h00", "16 giờ".
    let trimmed = head.trim_end().len();
    head.truncate(trimmed);
    let time_len = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == 'h' || *c == ':'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    if head[time_len..].bytes().any(|b| b.is_ascii_digit()) {
        head.truncate(time_len);
    }
    strip(&mut head, "giờ");
    strip(&mut head, "hết");
    head.ends_with("tính đến") || head.ends_with("tính tới")
}

/// Words after which a four-digit number is a year ("năm 2025", "giai đoạn
/// 2021-2030", "năm học 2024-2025", "khóa 2021").
const YEAR_CUES: [&str; 5] = ["năm", "đoạn", "học", "khóa", "khoá"];

/// Years: after a year word, or either end of a span of years ("2021-2030").
fn find_years(text: &str, n: &mut Numbers) {
    let is_year = |t: &NumToken| {
        t.role == Role::Quantity
            && t.raw.len() == 4
            && plain_digits(t)
            && (1900..=2100).contains(&small(t).unwrap_or(0))
    };
    let candidates: Vec<bool> = n.tokens.iter().map(is_year).collect();
    let joined = |i: usize, j: usize| {
        let (a, b) = (&n.tokens[i], &n.tokens[j]);
        candidates[i] && candidates[j] && matches!(text[a.span.end..b.span.start].trim(), "-" | "–")
    };
    let mut years = Vec::new();
    for (i, t) in n.tokens.iter().enumerate() {
        if !candidates[i] {
            continue;
        }
        let cued = word_before_is(text, t.span.start, &YEAR_CUES);
        let ranged = (i + 1 < n.tokens.len() && joined(i, i + 1)) || (i > 0 && joined(i - 1, i));
        if cued || ranged {
            years.push(i);
        }
    }
    for i in years {
        let t = &mut n.tokens[i];
        t.role = Role::Year;
        t.unit.clear();
        t.unit_span = t.span.end..t.span.end;
    }
}

/// Whether `text` ends with `lower` (written in lower case), ignoring case;
/// only the end is looked at, however long the text before it.
fn ends_with_ci(text: &str, lower: &str) -> bool {
    text.len()
        .checked_sub(lower.len())
        .filter(|&cut| text.is_char_boundary(cut))
        .is_some_and(|cut| eq_ci(&text[cut..], lower))
}

/// "tỷ lệ 1/500": a map scale, not a fraction.
fn find_scales(text: &str, n: &mut Numbers) {
    for i in 0..n.tokens.len().saturating_sub(1) {
        let (a, b) = (&n.tokens[i], &n.tokens[i + 1]);
        if a.raw == "1"
            && a.role == Role::Quantity
            && b.role == Role::Quantity
            && &text[a.span.end..b.span.start] == "/"
            && ends_with_ci(text[..a.span.start].trim_end(), "tỷ lệ")
        {
            n.tokens[i].role = Role::Scale;
            n.tokens[i + 1].role = Role::Scale;
        }
    }
}

/// Nouns after which a number names one of its kind instead of counting:
/// groups, places and rounds ("Tổ 5", "Khối 6", "đợt 2", "giai đoạn 2"),
/// ordinals ("lần thứ 2"), rules and versions ("nguyên tắc 5-4-3-2-1").
/// Matched against the words right before the number, in lower case.
const NAMING_NOUNS: [&str; 20] = [
    "khối",
    "tổ",
    "đội",
    "nhóm",
    "khu",
    "lớp",
    "đợt",
    "tuyến",
    "phòng",
    "thứ",
    "cụm",
    "thôn",
    "ấp",
    "xóm",
    "giai đoạn",
    "nguyên tắc",
    "tổ công tác",
    "tổ dân phố",
    "phiên bản",
    "version",
];

/// Kinds of documents and programmes that are named by a number when written
/// with a capital and no "số": "Đề án 06", "Chỉ thị 24", "Chương trình 135".
const NAMED_DOCUMENTS: [&str; 10] = [
    "đề án",
    "chỉ thị",
    "chương trình",
    "nghị quyết",
    "kế hoạch",
    "quyết định",
    "thông tư",
    "nghị định",
    "dự án",
    "hội nghị",
];

/// The last words of [`NAMING_NOUNS`] and [`NAMED_DOCUMENTS`]: a number
/// after any other word is no name of theirs (a quick test for every number).
const NAME_ENDINGS: [&str; 28] = [
    "khối", "tổ", "đội", "nhóm", "khu", "lớp", "đợt", "tuyến", "phòng", "thứ", "cụm", "thôn", "ấp",
    "xóm", "đoạn", "tắc", "tác", "phố", "bản", "version", "án", "thị", "trình", "quyết", "hoạch",
    "định", "tư", "nghị",
];

/// Whether a word in lower case is one of [`NAME_ENDINGS`] (a `match`
/// compiles to a test of the length, then of the bytes).
fn is_name_ending(w: &str) -> bool {
    matches!(
        w,
        "khối"
            | "tổ"
            | "đội"
            | "nhóm"
            | "khu"
            | "lớp"
            | "đợt"
            | "tuyến"
            | "phòng"
            | "thứ"
            | "cụm"
            | "thôn"
            | "ấp"
            | "xóm"
            | "đoạn"
            | "tắc"
            | "tác"
            | "phố"
            | "bản"
            | "version"
            | "án"
            | "thị"
            | "trình"
            | "quyết"
            | "hoạch"
            | "định"
            | "tư"
            | "nghị"
    )
}

/// Words that lead to a quantity, never to a name: "là 123", "tổng 45"
/// (folded into [`STOPS`]).
#[cfg(test)]
const LEADS_TO_QUANTITY: [&str; 18] = [
    "là", "tổng", "số", "được", "đạt", "có", "gồm", "còn", "thêm", "tăng", "giảm", "khoảng", "gần",
    "hơn", "cả", "mỗi", "với", "trên",
];

/// The words that never stand inside a name before its number, in byte
/// order: those that lead to a quantity ("là 123", "tổng 45") and those of
/// [`NOT_IN_UNIT`] but "ở" ("Nhà ở xã hội 2"). Checked against both lists
/// by a test.
const STOPS: [&str; 44] = [
    "bằng", "bị", "chiếm", "cho", "các", "còn", "có", "cả", "của", "do", "dưới", "giảm", "gần",
    "gồm", "hơn", "khoảng", "khác", "không", "là", "mỗi", "mới", "những", "này", "so", "số",
    "theo", "thuộc", "thêm", "trong", "trên", "tăng", "tương", "tại", "tổng", "từ", "và", "về",
    "với", "đã", "đó", "được", "đạt", "đến", "để",
];

/// The word before `pos` (spaces skipped), read by bytes: ASCII letters and
/// any non-ASCII character. Quicker than [`word_before`] and enough to test
/// the word against a list of words (a mark glued to it only makes it match
/// nothing).
fn last_word_bytes(text: &str, pos: usize) -> &str {
    let bytes = text.as_bytes();
    let mut end = pos;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] >= 0x80) {
        start -= 1;
    }
    // An ASCII byte or the start: always a char boundary.
    &text[start..end]
}

/// The last four words before `pos` (spaces between), as written, each with
/// the byte offset where it starts, nearest first; fewer when an ASCII mark
/// or a digit comes first. Read by bytes ([`last_word_bytes`]): a word with
/// a typographic mark glued to it matches no list, which only leaves a
/// number a quantity or a name, never makes a finding.
fn words_back(text: &str, pos: usize) -> Back<'_> {
    let mut out = Back {
        words: [(0, ""); 4],
        len: 0,
    };
    let mut end = pos;
    while out.len < out.words.len() {
        let head = &text[..end];
        let trimmed = head.trim_end_matches(' ');
        if trimmed.len() == head.len() && end != pos {
            break;
        }
        let w = last_word_bytes(text, end);
        if w.is_empty() {
            break;
        }
        let start = trimmed.len() - w.len();
        out.words[out.len] = (start, w);
        out.len += 1;
        end = start;
    }
    out
}

/// Up to four words before a number, nearest first (no allocation: this is
/// asked of every number of a report).
struct Back<'a> {
    words: [(usize, &'a str); 4],
    len: usize,
}

impl<'a> Back<'a> {
    fn as_slice(&self) -> &[(usize, &'a str)] {
        &self.words[..self.len]
    }
}

/// Whether the words before a number end with `phrase` (lower case, words
/// separated by one space); the first word of the phrase as written when
/// they do.
fn phrase_before<'a>(back: &[(usize, &'a str)], phrase: &str) -> Option<&'a str> {
    let mut n = 0;
    for p in phrase.rsplit(' ') {
        let (_, w) = back.get(n)?;
        if !eq_ci(w, p) {
            return None;
        }
        n += 1;
    }
    back.get(n.checked_sub(1)?).map(|(_, w)| *w)
}

/// Names, codes and labels: numbers that count nothing though nothing in
/// their form says so. Read from the words before them: a naming noun ("Khối
/// 6", "Tổ công tác 1"), a document named with a capital ("Đề án 06"), a
/// proper name in title case ("Nhà ở xã hội 2"), "mã"/"số hiệu" ("mã số TTHC
/// 1.012345"); and from where they stand: "2.1", "3.3.1." opening a text (a
/// STT cell, an item), "(1)".
fn find_names(text: &str, n: &mut Numbers) {
    let bytes = text.as_bytes();
    let count = n.tokens.len();
    let mut k = 0;
    while k < count {
        let t = &n.tokens[k];
        if t.role != Role::Quantity || t.percent_end.is_some() {
            k += 1;
            continue;
        }
        let in_slash = bytes.get(t.span.end) == Some(&b'/')
            || (t.span.start > 0 && bytes[t.span.start - 1] == b'/');
        let role = if in_slash {
            None
        } else {
            name_role(text, t, k == 0)
        };
        let Some(role) = role else {
            k += 1;
            continue;
        };
        n.tokens[k].role = role;
        n.tokens[k].unit.clear();
        let end = n.tokens[k].span.end;
        n.tokens[k].unit_span = end..end;
        // "5-4-3-2-1": the numbers joined to a name by "-" belong to it.
        let mut j = k + 1;
        while j < count
            && role == Role::Name
            && n.tokens[j].role == Role::Quantity
            && &text[n.tokens[j - 1].span.end..n.tokens[j].span.start] == "-"
        {
            n.tokens[j].role = Role::Name;
            n.tokens[j].unit.clear();
            let end = n.tokens[j].span.end;
            n.tokens[j].unit_span = end..end;
            j += 1;
        }
        k = j;
    }
}

/// The role of a number read as a quantity so far, if its place says it is
/// a name, a code or a label (see [`find_names`]).
fn name_role(text: &str, t: &NumToken, first: bool) -> Option<Role> {
    let bytes = text.as_bytes();
    // "2.1", "3.3.1.", "1." opening a text: the number of a row or an item.
    if first
        && text[..t.span.start]
            .trim_matches([' ', '\t', '(', '*'])
            .is_empty()
    {
        let groups_ok =
            t.raw.split('.').all(|g| (1..=2).contains(&g.len())) && !t.raw.contains(',');
        let dotted = t.raw.contains('.');
        let rest = &text[t.span.end..];
        let closes = rest.starts_with('.') || rest.starts_with(')');
        let after = rest.trim_start_matches(['.', ')']);
        let then = after.trim_start();
        let next_ok = then.is_empty()
            || then.starts_with(|c: char| c.is_uppercase())
            || (closes && after.starts_with(char::is_whitespace));
        if groups_ok && (dotted || closes) && next_ok {
            return Some(Role::Label);
        }
    }
    // "(1)": an item's number.
    if t.span.start > 0
        && bytes[t.span.start - 1] == b'('
        && bytes.get(t.span.end) == Some(&b')')
        && t.raw.len() <= 2
        && t.raw.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(Role::Label);
    }
    // Most numbers are counts after a verb: the word right before decides
    // cheaply whether the words before are worth reading (this is asked of
    // every number of a report).
    let w0 = last_word_bytes(text, t.span.start);
    if w0.is_empty() {
        return None;
    }
    // "mã 1.012345", "mã số TTHC 1.012345", "mã hồ sơ 2.000123", "số hiệu 12":
    // a code's digits read as a malformed amount, or follow the code word.
    let may_be_code = t.value.is_none()
        || ["mã", "hiệu", "danh"]
            .iter()
            .any(|c| c.len() == w0.len() && eq_ci(w0, c));
    let plain = t.raw.bytes().all(|b| b.is_ascii_digit());
    // "4.0", "2.0": versions ("chuyển đổi số 4.0").
    let version = t.raw.len() == 3 && t.raw.ends_with(".0");
    let short = plain && t.raw.len() <= 3;
    if !may_be_code && !short {
        return None;
    }
    // Words are compared as written when in lower case (most are); eq_ci
    // only for a capital.
    let lower0 = !w0.chars().next().is_some_and(is_upper);
    let is_w0 = |l: &str| {
        if lower0 {
            w0 == l
        } else {
            l.len() == w0.len() && eq_ci(w0, l)
        }
    };
    let mut after_noun = if lower0 {
        is_name_ending(w0)
    } else {
        NAME_ENDINGS.iter().any(|l| is_w0(l))
    };
    // "dự án 5", "quyết định 3" name nothing: a document is named with a
    // capital ("Đề án 06"), so the word before must have one (no naming
    // noun ends with these words; a test checks it).
    if after_noun
        && lower0
        && matches!(
            w0,
            "án" | "thị" | "trình" | "quyết" | "hoạch" | "định" | "tư" | "nghị"
        )
    {
        let w0_start = w0.as_ptr() as usize - text.as_ptr() as usize;
        let w1 = last_word_bytes(text, w0_start);
        after_noun = w1.chars().next().is_some_and(is_upper);
    }
    // A count with its unit after no naming noun: "cấp 56 giấy phép".
    if !may_be_code && !version && !after_noun && !t.unit.is_empty() {
        return None;
    }
    // The four words before, read only for a code or a naming noun.
    let read = if may_be_code || after_noun {
        words_back(text, t.span.start)
    } else {
        Back {
            words: [(0, ""); 4],
            len: 0,
        }
    };
    let back = read.as_slice();
    if may_be_code {
        for (i, (_, w)) in back.iter().enumerate().take(3) {
            if eq_ci(w, "mã") {
                return Some(Role::Code);
            }
            if (eq_ci(w, "hiệu") || eq_ci(w, "danh"))
                && back
                    .get(i + 1)
                    .is_some_and(|(_, p)| eq_ci(p, "số") || eq_ci(p, "định"))
            {
                return Some(Role::Code);
            }
        }
    }
    if version {
        return Some(Role::Name);
    }
    if !short {
        return None;
    }
    // Whether the phrase ends with the word before the number; by bytes
    // when that word is in lower case.
    let last_word = |p: &str| {
        if lower0 {
            let cut = p.len().wrapping_sub(w0.len());
            p.ends_with(w0) && (cut == 0 || p.as_bytes().get(cut.wrapping_sub(1)) == Some(&b' '))
        } else {
            p.rsplit(' ').next().is_some_and(is_w0)
        }
    };
    if after_noun
        && NAMING_NOUNS
            .iter()
            .filter(|p| last_word(p))
            .any(|p| phrase_before(back, p).is_some())
    {
        return Some(Role::Name);
    }
    let capital = |w: &str| w.chars().next().is_some_and(is_upper);
    if after_noun
        && NAMED_DOCUMENTS
            .iter()
            .filter(|p| last_word(p))
            .any(|p| phrase_before(back, p).is_some_and(capital))
    {
        return Some(Role::Name);
    }
    // "Nhà ở xã hội 2": a phrase in title case right before, counting nothing.
    if !t.unit.is_empty() {
        return None;
    }
    // The nearest word in title case, with no verb or preposition between,
    // read word by word from the number (most stop at the first word).
    let mut end = t.span.start;
    for _ in 0..4 {
        let w = last_word_bytes(text, end);
        let first = w.chars().next()?;
        let upper = is_upper(first);
        // "ở" may be part of the name ("Nhà ở xã hội 2"); verbs and the
        // other prepositions are not.
        let stop = if upper {
            STOPS.iter().any(|q| eq_ci(w, q))
        } else {
            STOPS.binary_search(&w).is_ok()
        };
        if stop {
            return None;
        }
        if upper {
            // A word all in capitals is an abbreviation ("TTHC 12"): not a name.
            let named = w.chars().skip(1).any(char::is_lowercase) || w.chars().count() == 1;
            return named.then_some(Role::Name);
        }
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        if start == 0 || text.as_bytes()[start - 1] != b' ' {
            return None;
        }
        end = start;
    }
    None
}

/// "a/b" and "a unit/b unit"; not chains like "155 con/21 hộ/6 xã".
fn find_fractions(text: &str, n: &mut Numbers) {
    let bytes = text.as_bytes();
    for i in 0..n.tokens.len().saturating_sub(1) {
        let (a, b) = (&n.tokens[i], &n.tokens[i + 1]);
        if a.role != Role::Quantity || b.role != Role::Quantity || a.percent_end.is_some() {
            continue;
        }
        let gap = &text[a.span.end..b.span.start];
        let Some(slash) = gap.rfind('/') else {
            continue;
        };
        let words = &gap[..slash];
        let after = &gap[slash + 1..];
        let words_ok = words.chars().all(|c| is_letter(c) || c == ' ')
            && words.split_whitespace().count() <= 4
            && (words.is_empty() || words.starts_with(' ') || a.unit_span.start == a.span.end);
        if !words_ok || !(after.is_empty() || after == " ") || words.ends_with(' ') {
            continue;
        }
        // Part of a chain: "…/13 thửa/13 hộ", "155 con/21 hộ/6 xã".
        let chained_before = text[..a.span.start].ends_with('/');
        let tail = &text[b.end_with_unit()..];
        let chained_after = tail.starts_with('/')
            && tail[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if chained_before || chained_after || bytes.get(b.span.end) == Some(&b'/') {
            continue;
        }
        n.fractions.push(Fraction { a: i, b: i + 1 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_before_is_found_in_either_case() {
        let t = "Ngày 05 THÁNG 3, từ 2021 đến  2025, Năm 2024, x9, (7";
        let at = |s: &str| t.find(s).unwrap();
        assert!(word_before_is(t, at("05"), &["ngày"]));
        assert!(word_before_is(t, at("3,"), &["tháng"]));
        assert!(word_before_is(t, at("2021"), &DATE_CUES));
        assert!(word_before_is(t, at("2025"), &["đến"]));
        assert!(word_before_is(t, at("2024"), &YEAR_CUES));
        assert!(!word_before_is(t, at("2024"), &["ngày", "tháng"]));
        assert!(word_before_is(t, at("9,"), &["x"]));
        assert!(!word_before_is(t, at("7"), &["("]));
        assert!(!word_before_is(t, 0, &["ngày"]));
    }

    #[test]
    fn the_words_never_in_a_unit_are_matched_as_listed() {
        for w in NOT_IN_UNIT {
            assert!(is_not_in_unit(w), "{w}");
        }
        for w in ["Và", "vàng", "công", "trình", "hộ", "ha", "", "ởi", "đạt."] {
            assert!(!is_not_in_unit(w), "{w}");
        }
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        analyse(text)
            .tokens
            .into_iter()
            .map(|t| (t.raw.to_string(), t.role))
            .collect()
    }

    #[test]
    fn map_scales_in_any_case_are_not_fractions() {
        let scales = |text: &str| {
            roles(text)
                .into_iter()
                .filter(|(_, r)| *r == Role::Scale)
                .count()
        };
        assert_eq!(scales("Lập bản đồ địa chính tỷ lệ 1/500 cho 3 xã"), 2);
        assert_eq!(scales("BẢN ĐỒ TỶ LỆ 1/500"), 2);
        assert_eq!(scales("Bản đồ Tỷ lệ  1/10.000"), 2);
        assert_eq!(scales("đạt 1/500 hộ"), 0);
    }

    #[test]
    fn finds_numbers_in_vietnamese_notation() {
        let t = "thu được 10.595 triệu đồng đạt 32,2% dự toán; 73.566/75.706 = 97,1%.";
        let found = scan(t);
        let raws: Vec<&str> = found.iter().map(|n| n.raw.as_str()).collect();
        assert_eq!(raws, ["10.595", "32,2", "73.566", "75.706", "97,1"]);
        let bad = scan("mã 1.2345 và 12.34.567");
        assert_eq!(bad[0].raw, "1.2345");
        assert_eq!(bad[0].value, None);
        assert_eq!(bad[1].raw, "12.34.567");
    }

    #[test]
    fn reads_units_and_percentages() {
        let n = analyse("cấp 56 giấy phép xây dựng; 13 hộ bị ảnh hưởng; 6.686,4m²; đạt 97,1 %.");
        let units: Vec<&str> = n.tokens.iter().map(|t| t.unit.as_str()).collect();
        assert_eq!(units, ["giấy phép", "hộ", "m", ""]);
        assert_eq!(n.tokens[3].percent_end, Some(n.tokens[3].span.end + 2));
        assert!(n.tokens[0].is_quantity());
        let n = analyse("15 lượt/18 công dân¹⁵");
        assert_eq!(n.tokens[0].unit, "lượt");
        assert_eq!(n.tokens[1].unit, "công dân");
        assert_eq!(n.fractions, [Fraction { a: 0, b: 1 }]);
    }

    #[test]
    fn document_numbers_are_not_fractions() {
        for t in [
            "Kế hoạch 81/KH-UBND ngày 28/02/2025",
            "Quyết định số 19/2021/QĐ-UBND ngày 13/7/2021",
            "Nghị quyết số 188-NQ/TU",
            "Đề án 438/ĐA-UBND",
            "Công văn số 331/UBND-KTCN",
        ] {
            let n = analyse(t);
            assert!(n.fractions.is_empty(), "{t}");
            assert_eq!(n.tokens[0].role, Role::Reference, "{t}");
            assert_eq!(n.references.len(), 1, "{t}");
        }
        let n = analyse("Đề án 438/ĐA-UBND ngày");
        assert_eq!(
            &"Đề án 438/ĐA-UBND ngày"[n.references[0].clone()],
            "438/ĐA-UBND"
        );
    }

    #[test]
    fn dates_in_every_written_form() {
        let t = "ngày 18/11/2021; (03/3/1959 -03/3/2025); Ngày Quốc tế Phụ nữ (8/3); Quốc khánh 2/9; ngày 05 tháng 3 năm 2020; tháng 3/2025; đến 20/11; 18.11.2021";
        let n = analyse(t);
        let found: Vec<(Option<u32>, u32, Option<u32>)> =
            n.dates.iter().map(|d| (d.day, d.month, d.year)).collect();
        assert_eq!(
            found,
            [
                (Some(18), 11, Some(2021)),
                (Some(3), 3, Some(1959)),
                (Some(3), 3, Some(2025)),
                (Some(8), 3, None),
                (Some(2), 9, None),
                (Some(5), 3, Some(2020)),
                (None, 3, Some(2025)),
                (Some(20), 11, None),
                (Some(18), 11, Some(2021)),
            ]
        );
        assert_eq!(&t[n.dates[5].span.clone()], "ngày 05 tháng 3 năm 2020");
        assert!(n.fractions.is_empty());
        assert!(n.tokens.iter().all(|t| !t.is_quantity()));
    }

    #[test]
    fn fractions_that_are_not_dates() {
        for (t, fraction) in [
            ("14/17 đạt loại Giỏi", true),
            ("08/08 phường, xã", true),
            ("tỷ lệ 1/500", false),
            ("155 con/21 hộ/6 xã", false),
            ("Cấp 13 GCNQSD đất lần đầu/13 thửa/13 hộ gia đình", false),
            (
                "đến hết tháng 3/2025 đạt 43.406 triệu đồng/323.927 triệu đồng",
                true,
            ),
            ("Quý II/2025", false),
        ] {
            assert_eq!(!analyse(t).fractions.is_empty(), fraction, "{t}");
        }
        let n = analyse("đến hết tháng 3/2025 đạt 43.406 triệu đồng/323.927 triệu đồng");
        assert_eq!(n.fractions, [Fraction { a: 2, b: 3 }]);
    }

    #[test]
    fn codes_and_times_are_not_quantities() {
        assert_eq!(
            roles("06F0, 345F1, lúc 16h00, đập WB8"),
            [
                ("06".to_string(), Role::Code),
                ("0".to_string(), Role::Code),
                ("345".to_string(), Role::Code),
                ("1".to_string(), Role::Code),
                ("16".to_string(), Role::Code),
                ("00".to_string(), Role::Code),
                ("8".to_string(), Role::Code),
            ]
        );
    }

    #[test]
    fn as_of_dates_are_marked() {
        for t in [
            "tính đến hết ngày 18/11/2021 thu được",
            "Tính đến 16h00 ngày 21/11/2021 lũy tích",
            "tính đến ngày 14/11/2021 đã thu thập",
            "Tính đến hết tháng 11/2021, lũy kế",
        ] {
            let n = analyse(t);
            assert!(n.dates[0].as_of, "{t}");
        }
        assert!(!analyse("lũy kế giải ngân đến ngày 30/11/2021").dates[0].as_of);
    }

    #[test]
    fn capitals_of_vietnamese_letters() {
        for c in "AĐÊÔƠƯÁẠẢÃÀẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ".chars()
        {
            assert!(is_upper(c), "{c}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c}");
        }
        for c in "ađêôơưáạảãàấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ×⁵“".chars()
        {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c}");
        }
    }

    #[test]
    fn stops_are_sorted_and_complete() {
        assert!(STOPS.windows(2).all(|w| w[0] < w[1]));
        for w in LEADS_TO_QUANTITY.iter().chain(&NOT_IN_UNIT) {
            assert_eq!(STOPS.contains(w), *w != "ở", "{w}");
        }
    }

    #[test]
    fn name_endings_cover_every_naming_phrase() {
        for p in NAMING_NOUNS.iter().chain(&NAMED_DOCUMENTS) {
            let last = p.rsplit(' ').next().unwrap();
            assert!(NAME_ENDINGS.contains(&last), "{p}");
        }
        for e in NAME_ENDINGS {
            assert!(is_name_ending(e), "{e}");
        }
        for p in NAMING_NOUNS {
            let last = p.rsplit(' ').next().unwrap();
            let documents = ["án", "thị", "trình", "quyết", "hoạch", "định", "tư", "nghị"];
            assert!(!documents.contains(&last), "{p}");
        }
    }

    #[test]
    fn names_codes_and_labels_count_nothing() {
        let role_of = |text: &str, raw: &str| {
            analyse(text)
                .tokens
                .into_iter()
                .find(|t| t.raw == raw)
                .map(|t| t.role)
        };
        for (text, raw) in [
            ("triển khai Đề án 06 tiếp tục hiệu quả", "06"),
            ("thực hiện Chỉ thị 24 của Thủ tướng", "24"),
            ("Tổ công tác 1 đã kiểm tra", "1"),
            ("tại Khối 6 và khu dân cư", "6"),
            ("theo Chương trình 135 giai đoạn", "135"),
            ("dự án Nhà ở xã hội 2 đã khởi công", "2"),
            ("theo nguyên tắc 5-4-3-2-1 của tỉnh", "3"),
            ("chuyển đổi số 4.0", "4.0"),
            ("kỳ họp thứ 10 của HĐND", "10"),
        ] {
            assert_eq!(role_of(text, raw), Some(Role::Name), "{text}");
        }
        for (text, raw) in [
            ("thủ tục mã số TTHC 1.012345 thực hiện", "1.012345"),
            ("hồ sơ mã hồ sơ 2.000123 đã trả", "2.000123"),
            ("văn bản số hiệu 12 ngày", "12"),
        ] {
            assert_eq!(role_of(text, raw), Some(Role::Code), "{text}");
        }
        for (text, raw) in [
            ("2.1", "2.1"),
            ("3.3.1. Số vấn đề phát hiện", "3.3.1"),
            ("4.1 Tổng số nhiệm vụ", "4.1"),
            ("(1) Đường giao thông; (2) Cầu", "2"),
        ] {
            assert_eq!(role_of(text, raw), Some(Role::Label), "{text}");
        }
        // What counts stays a quantity.
        for (text, raw) in [
            ("Tổng số nhiệm vụ được giao là 123", "123"),
            ("cấp 56 giấy phép xây dựng", "56"),
            ("thành lập 05 tổ công tác", "05"),
            ("2.5 ha đất nông nghiệp", "2.5"),
            ("tăng 2.1 lần", "2.1"),
            ("Sở Nội vụ kiểm tra 42 cơ quan", "42"),
            ("TTHC 12", "12"),
        ] {
            assert_eq!(role_of(text, raw), Some(Role::Quantity), "{text}");
        }
    }
}

//! Finds the words written in capitals that may be abbreviations ("GPMB",
//! "GD-ĐT", "BT, HT&TĐC"), once, for the abbreviation rule: not Roman numerals
//! ("khóa XIII"), not words of a title in capitals ("ĐÁNH GIÁ CHUNG"), not the
//! ký hiệu of a document number ("81/KH-UBND").

use baocao_model::letters::find_capital_start;
pub use baocao_model::letters::{eq_ci, is_letter};
use baocao_model::{parse_roman, ShortText};
use std::ops::Range;

/// A word in capitals that may be an abbreviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapWord {
    /// Byte range in the unit's text.
    pub span: Range<usize>,
    /// The abbreviation without its separators, to compare "GD-ĐT", "GD&ĐT"
    /// and "GDĐT" as one: "GDĐT" (kept inline: no allocation per word).
    pub key: ShortText,
    /// Whether this occurrence spells it out: "giải phóng mặt bằng (GPMB)",
    /// "NTM (nông thôn mới)", "… gọi tắt là GPMB".
    pub defines: bool,
}

/// Whether `s` starts with `prefix` (written in lower case), ignoring case.
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    if s.starts_with(prefix) {
        return true;
    }
    let first = prefix.as_bytes().first().copied();
    if first.is_some_and(|b| {
        b.is_ascii() && s.as_bytes().first().map(u8::to_ascii_lowercase) != Some(b)
    }) {
        return false;
    }
    let mut chars = s.chars().map(baocao_model::case::lower_char);
    prefix.chars().all(|p| chars.next() == Some(p))
}

/// Whether `c` belongs to a word: a letter, a digit, "&" or "-".
fn in_word(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || c == '&' || c == '-'
}

/// The word around byte `at` (a character boundary inside a word), with the
/// separators at its edges trimmed: "ANTT" of "ANTT- TTATGT".
fn word_at(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !in_word(*c))
        .map(|(k, c)| k + c.len_utf8())
        .unwrap_or(0);
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !in_word(*c))
        .map(|(k, _)| at + k)
        .unwrap_or(text.len());
    // "-" and "&" are single bytes.
    let w = &text.as_bytes()[start..end];
    let sep = |b: &&u8| matches!(b, b'-' | b'&');
    let lead = w.iter().take_while(sep).count();
    let trail = w.iter().rev().take_while(sep).count();
    let (s, e) = (start + lead, end - trail.min(w.len() - lead));
    s..e.max(s)
}

/// The words right before and after `span`, if any.
fn neighbours(text: &str, span: &std::ops::Range<usize>) -> [Option<std::ops::Range<usize>>; 2] {
    let before = text[..span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| in_word(*c))
        .map(|(k, _)| word_at(text, k));
    let after = text[span.end..]
        .char_indices()
        .find(|(_, c)| in_word(*c))
        .map(|(k, _)| word_at(text, span.end + k));
    [before, after]
}

/// Whether a piece of a word is an abbreviation: capitals only (A–Z and Đ,
/// with "&" inside), at least two of them, not a Roman numeral.
fn is_abbreviation(s: &str) -> bool {
    // One pass over the bytes: A–Z, "Đ" (C4 90) and "&" only.
    let bytes = s.as_bytes();
    let mut letters = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'A'..=b'Z' => letters += 1,
            b'&' => {}
            0xC4 if bytes.get(i + 1) == Some(&0x90) => {
                letters += 1;
                i += 1;
            }
            _ => return false,
        }
        i += 1;
    }
    letters >= 2
        && bytes.first() != Some(&b'&')
        && bytes.last() != Some(&b'&')
        && parse_roman(s).is_none()
}

/// A word of a title in capitals ("THÁNG", "CÔNG"): capitals with a
/// Vietnamese vowel, which abbreviations never have.
fn is_capitalised_word(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        && s.chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii() && c != 'Đ')
}

/// Every abbreviation-like word of `text`, outside the `skip` ranges (the
/// document numbers).
pub fn capitals(text: &str, skip: &[Range<usize>]) -> Vec<CapWord> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // An abbreviation holds two capitals (A–Z or Đ) in a row: "GPMB", "ĐTXD",
    // "HT&TĐC"; "Tổ" or "Công" is passed over at once.
    let capital_len = |k: usize| match bytes.get(k) {
        Some(b) if b.is_ascii_uppercase() => 1,
        Some(0xC4) if bytes.get(k + 1) == Some(&0x90) => 2,
        _ => 0,
    };
    while i < bytes.len() {
        // Straight to the next byte that may start a capital: most bytes
        // of a report are not.
        match find_capital_start(bytes, i) {
            Some(k) => i = k,
            None => break,
        }
        let len = capital_len(i);
        if len == 0 {
            i += 1;
            continue;
        }
        if capital_len(i + len) == 0 && bytes.get(i + len) != Some(&b'&') {
            i += len;
            continue;
        }
        let w = word_at(text, i);
        i = w.end.max(i + 1);
        if w.is_empty() || skip.iter().any(|r| r.start < w.end && w.start < r.end) {
            continue;
        }
        let word = &text[w.clone()];
        let pieces = || word.split('-');
        let whole = word.contains('-') && pieces().all(is_abbreviation);
        if !whole && !pieces().any(is_abbreviation) {
            continue;
        }
        let in_title = neighbours(text, &w)
            .into_iter()
            .flatten()
            .any(|n| is_capitalised_word(&text[n]));
        if in_title {
            continue;
        }
        if whole {
            out.push(cap_word(text, w));
            continue;
        }
        let mut offset = w.start;
        for p in pieces() {
            if is_abbreviation(p) {
                out.push(cap_word(text, offset..offset + p.len()));
            }
            offset += p.len() + 1;
        }
    }
    mark_bracketed_lists(text, &mut out);
    out
}

fn cap_word(text: &str, span: Range<usize>) -> CapWord {
    let word = &text[span.clone()];
    let mut key = ShortText::new();
    // "-" and "&" are single bytes: the pieces between them are whole characters.
    let mut from = 0;
    for (k, &b) in word.as_bytes().iter().enumerate() {
        if b == b'-' || b == b'&' {
            key.push_str(&word[from..k]);
            from = k + 1;
        }
    }
    key.push_str(&word[from..]);
    let before = text[..span.start].trim_end();
    let after = &text[span.end..];
    let spelled_after = after.as_bytes().starts_with(b" (")
        && after[2..].chars().next().is_some_and(|c| c.is_lowercase());
    let bracketed = before.as_bytes().last() == Some(&b'(')
        && after.as_bytes().first() == Some(&b')')
        && before.len() > 1;
    let named = before.ends_with("gọi tắt là") || before.ends_with("viết tắt là");
    CapWord {
        span,
        key,
        defines: spelled_after || bracketed || named,
    }
}

/// "bồi thường, hỗ trợ, tái định cư (BT, HT&TĐC)": every abbreviation of a
/// bracket holding nothing else is spelled out by the words before it.
fn mark_bracketed_lists(text: &str, words: &mut [CapWord]) {
    let mut i = 0;
    while i < words.len() {
        let open = text[..words[i].span.start].trim_end();
        if open.as_bytes().last() != Some(&b'(') || open.len() <= 1 {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut end = words[i].span.end;
        while j + 1 < words.len() {
            let gap = &text[end..words[j + 1].span.start];
            if gap.chars().all(|c| c == ',' || c == ' ' || c == '&') && !gap.is_empty() {
                j += 1;
                end = words[j].span.end;
            } else {
                break;
            }
        }
        if text[end..].starts_with(')') {
            for w in &mut words[i..=j] {
                w.defines = true;
            }
        }
        i = j + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, bool)> {
        capitals(text, &[])
            .into_iter()
            .map(|w| (w.key.to_string(), w.defines))
            .collect()
    }

    #[test]
    fn finds_abbreviations_not_capitalised_words() {
        assert_eq!(
            keys("công tác GPMB; Phòng GD-ĐT thành phố; VNPT-Ioffice; ANTT- TTATGT; COVID-19"),
            [
                ("GPMB".to_string(), false),
                ("GDĐT".to_string(), false),
                ("VNPT".to_string(), false),
                ("ANTT".to_string(), false),
                ("TTATGT".to_string(), false),
                ("COVID".to_string(), false),
            ]
        );
        assert!(keys("II. ĐÁNH GIÁ CHUNG").is_empty());
        assert!(keys("NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025").is_empty());
        assert!(keys("học kỳ II, khóa XIII, Phú Lộc IV, đập WB8, 06F0").is_empty());
    }

    #[test]
    fn abbreviations_are_read_by_bytes_as_by_characters() {
        let by_chars = |s: &str| {
            s.chars().filter(|c| *c != '&').count() >= 2
                && !s.starts_with('&')
                && !s.ends_with('&')
                && s.chars()
                    .all(|c| c.is_ascii_uppercase() || c == 'Đ' || c == '&')
                && parse_roman(s).is_none()
        };
        for s in [
            "", "A", "AB", "ĐT", "Đ", "ĐĐ", "HT&TĐC", "&AB", "AB&", "A&B", "XIII", "IV", "CV",
            "Ab", "ĐÁ", "Ď", "GD-ĐT", "UBND1", "ĐTXD", "TTATGT", "ĐH&", "Ā", "&", "&&", "Đ&Đ",
        ] {
            assert_eq!(is_abbreviation(s), by_chars(s), "{s}");
        }
    }

    #[test]
    fn sees_where_an_abbreviation_is_spelled_out() {
        assert_eq!(
            keys("Korea Food for the Hungry International (KFHI)/Hàn Quốc"),
            [("KFHI".to_string(), true)]
        );
        assert_eq!(
            keys("phương án bồi thường, hỗ trợ, tái định cư (BT, HT&TĐC)"),
            [("BT".to_string(), true), ("HTTĐC".to_string(), true)]
        );
        assert_eq!(keys("NTM (nông thôn mới)"), [("NTM".to_string(), true)]);
        assert_eq!(keys("(GPMB) ở đầu"), [("GPMB".to_string(), false)]);
    }

    #[test]
    fn skips_document_numbers() {
        let t = "Kế hoạch số 81/KH-UBND của UBND";
        let start = t.find("81").unwrap();
        let end = start + "81/KH-UBND".len();
        let skip: [Range<usize>; 1] = [Range { start, end }];
        let found = capitals(t, &skip);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "UBND");
    }
}

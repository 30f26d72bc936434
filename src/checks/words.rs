//! Finds the words written in capitals that may be abbreviations ("GPMB",
//! "GD-ĐT", "BT, HT&TĐC"), once, for the abbreviation rule: not Roman numerals
//! ("khóa XIII"), not words of a title in capitals ("ĐÁNH GIÁ CHUNG"), not the
//! ký hiệu of a document number ("81/KH-UBND").

use crate::report::parse_roman;
use std::ops::Range;

/// A word in capitals that may be an abbreviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapWord {
    /// Byte range in the unit's text.
    pub span: Range<usize>,
    /// The abbreviation without its separators, to compare "GD-ĐT", "GD&ĐT"
    /// and "GDĐT" as one: "GDĐT".
    pub key: String,
    /// Whether this occurrence spells it out: "giải phóng mặt bằng (GPMB)",
    /// "NTM (nông thôn mới)", "… gọi tắt là GPMB".
    pub defines: bool,
}

/// A word of the text: a run of letters, digits, "&" and "-".
struct Word {
    span: Range<usize>,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '&' || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { span: s..i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            span: s..text.len(),
        });
    }
    // Trim separators at the edges: "ANTT-" of "ANTT- TTATGT".
    for w in &mut out {
        let s = &text[w.span.clone()];
        let lead = s.len() - s.trim_start_matches(['-', '&']).len();
        let trail = s.len() - s.trim_end_matches(['-', '&']).len();
        w.span = (w.span.start + lead)..(w.span.end - trail).max(w.span.start + lead);
    }
    out.retain(|w| !w.span.is_empty());
    out
}

/// Whether a piece of a word is an abbreviation: capitals only (A–Z and Đ,
/// with "&" inside), at least two of them, not a Roman numeral.
fn is_abbreviation(s: &str) -> bool {
    let letters = s.chars().filter(|c| *c != '&').count();
    letters >= 2
        && !s.starts_with('&')
        && !s.ends_with('&')
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c == 'Đ' || c == '&')
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
    let ws = words(text);
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        if skip
            .iter()
            .any(|r| r.start < w.span.end && w.span.start < r.end)
        {
            continue;
        }
        let neighbours_capitalised = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| ws.get(j))
            .any(|o| is_capitalised_word(&text[o.span.clone()]));
        if neighbours_capitalised {
            continue;
        }
        let word = &text[w.span.clone()];
        let pieces: Vec<&str> = word.split('-').collect();
        if pieces.len() > 1 && pieces.iter().all(|p| is_abbreviation(p)) {
            out.push(cap_word(text, w.span.clone()));
            continue;
        }
        let mut offset = w.span.start;
        for p in pieces {
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
    let key: String = text[span.clone()]
        .chars()
        .filter(|c| *c != '-' && *c != '&')
        .collect();
    let before = text[..span.start].trim_end();
    let after = &text[span.end..];
    let spelled_after = after
        .strip_prefix(" (")
        .and_then(|a| a.chars().next())
        .is_some_and(|c| c.is_lowercase());
    let bracketed = before.ends_with('(') && after.starts_with(')') && before.len() > 1;
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
        if !open.ends_with('(') || open.len() <= 1 {
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
            .map(|w| (w.key, w.defines))
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
        let found = capitals(t, &[start..end]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "UBND");
    }
}

//! Finds the numbers written in a text, once, for every rule.

use crate::report::Decimal;
use std::ops::Range;

/// A number as written: "73.566", "97,17", "05", "1.2345" (the last one
/// malformed, so without a value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumToken {
    /// Byte range in the unit's text.
    pub span: Range<usize>,
    /// The characters as written.
    pub raw: String,
    /// The value in Vietnamese notation, if the grouping is well formed.
    pub value: Option<Decimal>,
}

/// Every number in `text`: a run of digits, with single "." or "," between
/// digits. A "." or "," at the end belongs to the sentence, not the number.
pub fn scan(text: &str) -> Vec<NumToken> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            let b = bytes[end];
            let separator_between_digits = (b == b'.' || b == b',')
                && end + 1 < bytes.len()
                && bytes[end + 1].is_ascii_digit();
            if b.is_ascii_digit() || separator_between_digits {
                end += 1;
            } else {
                break;
            }
        }
        let raw = &text[start..end];
        out.push(NumToken {
            span: start..end,
            raw: raw.to_string(),
            value: Decimal::parse_vn(raw),
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

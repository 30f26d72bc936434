//! Stage 1 of the import: make the text uniform before it is read.

use baocao_model::nfc;
use baocao_model::nfc::surely_nfc;

/// NFC-composes the text, unifies line ends, and drops characters that have
/// no place in a report: control characters other than tab and newline, the
/// BOM, and zero-width marks.
pub fn normalize(text: &str) -> String {
    // Most text is already clean NFC: copy it rather than re-compose it.
    if is_clean(text) {
        return text.to_string();
    }
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    nfc(&unified)
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(' '),
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => None,
            c if c.is_control() => None,
            // Unpaired surrogates cannot occur in a Rust string; noncharacters can.
            '\u{fffe}' | '\u{ffff}' => None,
            c => Some(c),
        })
        .collect()
}

/// Whether `text` is already what [`normalize`] makes of it: no character to
/// drop or replace, and NFC. Decided from the bytes for ASCII and from a
/// short list for the precomposed letters of Vietnamese; anything else goes
/// to the general quick check.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut others = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (b < 0x20 && b != b'\n') || b == 0x7F {
                return false;
            }
            i += 1;
            continue;
        }
        // The letters of Vietnamese, straight from their bytes: U+00C0–U+017F
        // (C3–C5 xx) and U+1EA0–U+1EF9 (E1 BA A0 … E1 BB B9).
        if (0xC3..=0xC5).contains(&b) {
            i += 2;
            continue;
        }
        if b == 0xE1 {
            match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBA), Some(0xA0..=0xBF)) | (Some(0xBB), Some(0x80..=0xB9)) => {
                    i += 3;
                    continue;
                }
                _ => {}
            }
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if !keeps(c) || c.is_control() {
            return false;
        }
        others |= !composed_vietnamese(c);
        i += c.len_utf8();
    }
    !others || surely_nfc(text)
}

/// Characters that are NFC and starters in any context: ASCII, the
/// precomposed Latin letters of Vietnamese, and the punctuation of these
/// reports. A text of these alone is NFC.
fn composed_vietnamese(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00..=0x7F
            | 0xAB | 0xB2 | 0xB3 | 0xB9 | 0xBB
            | 0xC0..=0x17F
            | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0
            | 0x1EA0..=0x1EF9
            | 0x2013 | 0x2014 | 0x2018 | 0x2019 | 0x201C | 0x201D | 0x2026
            | 0x2070..=0x2079
    )
}

/// Whether a character passes through [`normalize`] unchanged (outside
/// composition).
fn keeps(c: char) -> bool {
    !matches!(
        c,
        '\r' | '\t'
            | '\u{a0}'
            | '\u{2007}'
            | '\u{202f}'
            | '\u{feff}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{fffe}'
            | '\u{ffff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_vietnamese_letters() {
        // "ệ" written as e + combining circumflex + combining dot below.
        let decomposed = "Vi\u{65}\u{302}\u{323}t";
        assert_eq!(normalize(decomposed), "Việt");
        // A combining mark after a precomposed letter still composes or stays
        // in canonical order: the fast path must not wave it through.
        assert_eq!(normalize("Tiê\u{301}n"), "Tiến");
        assert_eq!(normalize("Ơ\u{301}"), "Ớ");
        let clean = "Tình hình tháng 3/2025 – «đạt 97,1%»¹…";
        assert_eq!(normalize(clean), clean);
    }

    #[test]
    fn drops_control_characters_and_unifies_line_ends() {
        assert_eq!(normalize("a\u{1}b\r\nc\u{feff}\u{b}"), "ab\nc");
    }
}

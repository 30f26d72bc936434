//! Stage 1 of the import: make the text uniform before it is read.

/// Unicode NFC composition: Vietnamese letters as one code point each
/// ("ệ" rather than e + ̂ + ̣), as TCVN 6909 and Word expect.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// Unicode NFC composition. In the page the browser's own `normalize` does it,
/// which spares the wasm bundle the Unicode composition tables.
#[cfg(target_arch = "wasm32")]
pub fn nfc(text: &str) -> String {
    String::from(js_sys::JsString::from(text).normalize("NFC"))
}

/// NFC-composes the text, unifies line ends, and drops characters that have
/// no place in a report: control characters other than tab and newline, the
/// BOM, and zero-width marks.
pub fn normalize(text: &str) -> String {
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

/// Strips control characters that XML 1.0 forbids (everything below U+0020
/// except tab, newline and carriage return, plus U+FFFE/U+FFFF), so any text
/// can be written into a .docx.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < '\u{20}' && c != '\t' && c != '\n' && c != '\r') || c == '\u{fffe}' || c == '\u{ffff}'
    };
    if text.chars().any(bad) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !bad(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_vietnamese_letters() {
        // "ệ" written as e + combining circumflex + combining dot below.
        let decomposed = "Vi\u{65}\u{302}\u{323}t";
        assert_eq!(normalize(decomposed), "Việt");
    }

    #[test]
    fn drops_control_characters_and_unifies_line_ends() {
        assert_eq!(normalize("a\u{1}b\r\nc\u{feff}\u{b}"), "ab\nc");
        assert_eq!(xml_safe("x\u{8}y"), "xy");
        assert!(matches!(xml_safe("plain"), std::borrow::Cow::Borrowed(_)));
    }
}

//! Unicode NFC, the one normal form of every text in a report.

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

/// Whether the quick check of Unicode says `text` is NFC for certain.
#[cfg(not(target_arch = "wasm32"))]
pub fn surely_nfc(text: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// In the page there is no table to decide it: let the browser normalize.
#[cfg(target_arch = "wasm32")]
pub fn surely_nfc(_text: &str) -> bool {
    false
}

//! Letters and words of Vietnamese text, asked of every character of a long
//! report by the figure scanner and the checks.

/// Whether `c` is a letter. Vietnamese letters are answered from their
/// Unicode blocks without the general table (the checks ask this of every
/// character of a long report).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match u32::from(c) {
        0xC0..=0xFF => c != '×' && c != '÷',
        0x100..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF => true,
        0x2000..=0x2BFF => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `word` is `lower` (written in lower case), ignoring case. The
/// letters of Vietnamese keep their length in UTF-8 across case.
pub fn eq_ci(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    if word == lower {
        return true;
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

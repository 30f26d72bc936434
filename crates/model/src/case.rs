//! Lower and upper case of the Latin script, every Vietnamese letter among
//! them, computed from the layout of its Unicode blocks.
//!
//! Why not `str::to_lowercase`: its tables cover every script and cost the
//! page about 25 KB of wasm (11.7 KB gzipped), to fold the case of words
//! that a Vietnamese report writes in Latin letters. A letter of another
//! script (Greek, Cyrillic) keeps its case here, so at worst a match that
//! ignores case misses a word in that script. `clippy.toml` keeps the std
//! methods out of the workspace; the tests compare every covered letter
//! with them.

/// `c` in lower case: the letters of Basic Latin, Latin-1, Latin
/// Extended-A, Ơ and Ư, and Latin Extended Additional (all of Vietnamese).
/// Any other character, and a letter whose lower case is two characters
/// (İ), is returned as it is.
pub fn lower_char(c: char) -> char {
    let u = u32::from(c);
    let lowered = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1A0 | 0x1AF => u + 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        0x1E9E => 0xDF,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `c` in upper case, for the letters [`lower_char`] covers; any other
/// character, and a letter whose upper case is two characters (ß, ŉ), is
/// returned as it is.
pub fn upper_char(c: char) -> char {
    let u = u32::from(c);
    let raised = match u {
        0x61..=0x7A => u - 0x20,
        0xB5 => 0x39C,
        0xE0..=0xFE if u != 0xF7 => u - 0x20,
        0xFF => 0x178,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 0 => u - 1,
        0x131 => 0x49,
        0x17F => 0x53,
        0x1A1 | 0x1B0 => u - 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 1 => u - 1,
        0x1E9B => 0x1E60,
        _ => u,
    };
    char::from_u32(raised).unwrap_or(c)
}

/// Whether `c` is a capital, answered for Vietnamese letters from their
/// code point (capitals and small letters alternate in Latin Extended-A and
/// Additional) without std's property table, which every word before a
/// number would otherwise search.
pub fn is_upper(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_uppercase(),
        0xC0..=0xDE => c != '×',
        0xDF..=0xFF => false,
        // Capitals are even in most runs of Latin Extended-A, odd in two
        // (Ĺ…Ň, Ź…Ž); a few letters have no pair.
        n @ 0x100..=0x17F => match n {
            0x130 | 0x178 => true,
            0x131 | 0x138 | 0x149 | 0x17F => false,
            0x139..=0x148 | 0x179..=0x17E => n % 2 == 1,
            _ => n % 2 == 0,
        },
        0x1A0 | 0x1AF => true,
        0x1A1 | 0x1B0 => false,
        n @ 0x1EA0..=0x1EFF => n % 2 == 0,
        _ => c.is_uppercase(),
    }
}

/// `s` in lower case (see [`lower_char`]).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower_char).collect()
}

/// `s` in upper case (see [`upper_char`]).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().map(upper_char).collect()
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the std methods it replaces
mod tests {
    use super::*;

    /// The blocks [`lower_char`] and [`upper_char`] answer for.
    fn covered() -> impl Iterator<Item = char> {
        (0u32..=0x17F)
            .chain([0x1A0, 0x1A1, 0x1AF, 0x1B0])
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
    }

    /// What std gives when it is one character; None when it is two.
    fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
        let first = it.next();
        if it.next().is_some() {
            return None;
        }
        first
    }

    #[test]
    fn every_covered_letter_lowers_as_std_does() {
        for c in covered() {
            let expected = single(c.to_lowercase()).unwrap_or(c);
            assert_eq!(lower_char(c), expected, "U+{:04X} {c}", u32::from(c));
        }
    }

    #[test]
    fn every_covered_letter_rises_as_std_does() {
        for c in covered() {
            let expected = single(c.to_uppercase()).unwrap_or(c);
            assert_eq!(upper_char(c), expected, "U+{:04X} {c}", u32::from(c));
        }
    }

    #[test]
    fn every_covered_letter_is_a_capital_as_std_says() {
        for c in covered().chain(['Ω', 'ω', 'Д', 'д', '×', '1']) {
            assert_eq!(is_upper(c), c.is_uppercase(), "U+{:04X} {c}", u32::from(c));
        }
    }

    #[test]
    fn other_scripts_and_signs_keep_their_case() {
        for c in ['Ω', 'ω', 'Д', 'д', '×', '÷', '₫', '%', '\u{301}', '\u{0}'] {
            assert_eq!(lower_char(c), c);
            assert_eq!(upper_char(c), c);
        }
        // Vietnamese in decomposed form: the marks stay, the letters fold.
        assert_eq!(lower("THA\u{300}NH"), "tha\u{300}nh");
    }

    #[test]
    fn vietnamese_words_fold_both_ways() {
        let pairs = [
            ("ỦY BAN NHÂN DÂN", "ủy ban nhân dân"),
            ("THÀNH PHỐ LẠNG SƠN", "thành phố lạng sơn"),
            ("ĐƯỜNG GIAO THÔNG", "đường giao thông"),
            (
                "TĂNG TRƯỞNG, ỔN ĐỊNH, PHÁT TRIỂN",
                "tăng trưởng, ổn định, phát triển",
            ),
            ("ƠN Ữ Ỹ Ỵ Ỷ Ĩ Ũ", "ơn ữ ỹ ỵ ỷ ĩ ũ"),
        ];
        for (up, low) in pairs {
            assert_eq!(lower(up), low);
            assert_eq!(upper(low), up);
            assert_eq!(lower(up), up.to_lowercase());
            assert_eq!(upper(low), low.to_uppercase());
        }
    }

    #[test]
    fn ascii_text_takes_the_ascii_path_with_the_same_result() {
        assert_eq!(lower("Tong So 12 HA"), "tong so 12 ha");
        assert_eq!(upper("km2, ha"), "KM2, HA");
    }
}

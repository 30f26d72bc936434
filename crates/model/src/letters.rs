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
    word.chars().map(crate::case::lower_char).eq(lower.chars())
}

/// A byte repeated in every byte of a word.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Whether some byte of the word `w` is ASCII and lies strictly between `m`
/// and `n` (`n` at most 128): the exact form of the well-known bit trick,
/// which tests the eight bytes at once without a carry between them.
fn has_between(w: u64, m: u8, n: u8) -> bool {
    let low = w & splat(0x7F);
    (splat(127 + n).wrapping_sub(low) & !w & low.wrapping_add(splat(127 - m)) & splat(0x80)) != 0
}

/// Whether some byte of `w` is `b` (a zero byte after the xor; the lowest
/// one is always seen, which is all a filter needs).
fn has_byte(w: u64, b: u8) -> bool {
    let x = w ^ splat(b);
    (x.wrapping_sub(splat(1)) & !x & splat(0x80)) != 0
}

/// The first index from `from` on whose byte `pick` takes, eight bytes at a
/// time: `may` tells from a word of eight bytes whether any may be taken
/// (it must never miss one). Every character of a long report goes through
/// these searches.
fn find_byte(
    bytes: &[u8],
    from: usize,
    may: impl Fn(u64) -> bool,
    pick: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if may(u64::from_le_bytes(chunk.try_into().expect("8 bytes"))) {
            if let Some(k) = chunk.iter().position(|&b| pick(b)) {
                return Some(i + k);
            }
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| pick(b)).map(|k| i + k)
}

/// The index of the first ASCII digit at or after `from`.
pub fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
    find_byte(
        bytes,
        from,
        |w| has_between(w, b'0' - 1, b'9' + 1),
        |b| b.is_ascii_digit(),
    )
}

/// The index of the first byte `a` or `b` at or after `from`.
pub fn find_either(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    find_byte(
        bytes,
        from,
        |w| has_byte(w, a) || has_byte(w, b),
        |x| x == a || x == b,
    )
}

/// The index of the first byte at or after `from` that may start a capital
/// of an abbreviation: A–Z, or the first byte of "Đ" (0xC4).
pub fn find_capital_start(bytes: &[u8], from: usize) -> Option<usize> {
    find_byte(
        bytes,
        from,
        |w| has_between(w, b'A' - 1, b'Z' + 1) || has_byte(w, 0xC4),
        |b| b.is_ascii_uppercase() || b == 0xC4,
    )
}

/// The length in bytes of the character starting at byte `i` of `s` if it
/// is a letter ([`is_letter`]), read from its first bytes for ASCII and the
/// Vietnamese letters (Latin-1, Latin Extended-A and -B, Latin Extended
/// Additional), decoded otherwise.
fn letter_at(s: &str, i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let b = bytes[i];
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        0..=0x7F => b.is_ascii_alphabetic().then_some(1),
        // U+00C0–U+00FF: letters but × (C3 97) and ÷ (C3 B7).
        0xC3 => (next != 0x97 && next != 0xB7).then_some(2),
        // U+0100–U+023F.
        0xC4..=0xC8 => Some(2),
        // U+1E00–U+1EFF.
        0xE1 if (0xB8..=0xBB).contains(&next) => Some(3),
        _ => {
            let c = s[i..].chars().next().expect("a character starts here");
            is_letter(c).then_some(c.len_utf8())
        }
    }
}

/// Byte length of the run of letters ([`is_letter`]) at the start of `s`.
pub fn letters_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII here, the function call for the other characters only.
        let len = if b < 0x80 {
            usize::from(b.is_ascii_alphabetic())
        } else {
            letter_at(s, i).unwrap_or(0)
        };
        if len == 0 {
            break;
        }
        i += len;
    }
    i
}

/// Where the run of letters ([`is_letter`]) that ends `s` starts.
pub fn letters_start(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = s.len();
    while end > 0 {
        let b = bytes[end - 1];
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                return end;
            }
            end -= 1;
            continue;
        }
        // Back to the first byte of the character before `end`.
        let mut start = end - 1;
        while start > 0 && (0x80..0xC0).contains(&bytes[start]) {
            start -= 1;
        }
        if letter_at(s, start).is_none() {
            return end;
        }
        end = start;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_searches_find_what_a_byte_by_byte_search_finds() {
        // Every byte value at every place of a word, and across the tail.
        for len in [1usize, 7, 8, 9, 16, 21] {
            for at in 0..len {
                for v in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = v;
                    for from in [0, at, at.saturating_sub(3)] {
                        let digit = bytes[from..]
                            .iter()
                            .position(u8::is_ascii_digit)
                            .map(|k| from + k);
                        assert_eq!(find_digit(&bytes, from), digit, "{v:#x} at {at} of {len}");
                        let capital = bytes[from..]
                            .iter()
                            .position(|b| b.is_ascii_uppercase() || *b == 0xC4)
                            .map(|k| from + k);
                        assert_eq!(find_capital_start(&bytes, from), capital);
                        let bracket = bytes[from..]
                            .iter()
                            .position(|b| *b == b'(' || *b == b')')
                            .map(|k| from + k);
                        assert_eq!(find_either(&bytes, from, b'(', b')'), bracket);
                    }
                }
            }
        }
        assert_eq!(find_digit(b"abc", 3), None);
        assert_eq!(find_digit(b"abc", 9), None);
    }

    #[test]
    fn a_letter_is_read_from_its_first_bytes_as_is_letter_answers() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let s = format!("{c}x");
            assert_eq!(
                letter_at(&s, 0),
                is_letter(c).then_some(c.len_utf8()),
                "{:#x}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn runs_of_letters_at_either_end() {
        for s in [
            "", "abc", "tháng 3", "Đồng", "x́y", "ĐT-2", "m²", "3 ngày", "đ×", "ÁÀ1",
        ] {
            let len = s
                .char_indices()
                .find(|(_, c)| !is_letter(*c))
                .map(|(i, _)| i)
                .unwrap_or(s.len());
            assert_eq!(letters_len(s), len, "{s}");
            let start = s
                .char_indices()
                .rev()
                .find(|(_, c)| !is_letter(*c))
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0);
            assert_eq!(letters_start(s), start, "{s}");
        }
    }
}

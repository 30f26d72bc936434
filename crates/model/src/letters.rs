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

/// Byte length of the run of letters ([`is_letter`]) at the start of `s`:
/// ASCII read byte by byte, other characters decoded.
pub fn letters_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                return i;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if !is_letter(c) {
                return i;
            }
            i += c.len_utf8();
        }
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
        } else {
            let c = s[..end].chars().next_back().expect("a character ends here");
            if !is_letter(c) {
                return end;
            }
            end -= c.len_utf8();
        }
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
                    }
                }
            }
        }
        assert_eq!(find_digit(b"abc", 3), None);
        assert_eq!(find_digit(b"abc", 9), None);
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

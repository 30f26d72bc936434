//! A short text kept inside its owner: the numbers of a report as written
//! ("73.566", "97,1") and the words after them ("giấy phép", "triệu đồng")
//! are read for every paragraph on every check, and almost all fit in 22
//! bytes, so keeping them without an allocation of their own saves the
//! checks an allocation and a free per number.

use std::fmt;
use std::ops::Deref;

/// The longest text kept inline.
const INLINE: usize = 22;

/// A text of any length, kept inline up to 22 bytes and on the heap beyond.
/// It reads as a `&str` (`Deref`), and compares with strings as one.
#[derive(Clone)]
pub struct ShortText(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl ShortText {
    /// The empty text.
    pub const fn new() -> Self {
        ShortText(Repr::Inline {
            len: 0,
            bytes: [0; INLINE],
        })
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: the inline bytes are only ever written by
                // `push_str`, which copies whole `&str`s one after the other
                // from the start, and `len` ends the last one: they are
                // UTF-8. (Checking it on every read cost the checks more
                // than the allocations this type saves.)
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => s,
        }
    }

    /// Adds `s` at the end.
    pub fn push_str(&mut self, s: &str) {
        match &mut self.0 {
            Repr::Inline { len, bytes } => {
                let at = usize::from(*len);
                if at + s.len() <= INLINE {
                    bytes[at..at + s.len()].copy_from_slice(s.as_bytes());
                    *len = u8::try_from(at + s.len()).expect("at most 22");
                } else {
                    let mut long = String::with_capacity(at + s.len());
                    long.push_str(self.as_str());
                    long.push_str(s);
                    self.0 = Repr::Heap(long.into_boxed_str());
                }
            }
            Repr::Heap(h) => {
                let mut long = String::from(std::mem::take(h));
                long.push_str(s);
                *h = long.into_boxed_str();
            }
        }
    }

    /// Adds the character `c` at the end.
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    /// Empties the text.
    pub fn clear(&mut self) {
        *self = ShortText::new();
    }
}

impl Default for ShortText {
    fn default() -> Self {
        ShortText::new()
    }
}

impl From<&str> for ShortText {
    fn from(s: &str) -> Self {
        let mut t = ShortText::new();
        t.push_str(s);
        t
    }
}

impl Extend<char> for ShortText {
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I) {
        for c in iter {
            self.push(c);
        }
    }
}

impl Deref for ShortText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ShortText {}

impl PartialEq<str> for ShortText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ShortText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<ShortText> for &str {
    fn eq(&self, other: &ShortText) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for ShortText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_and_long_texts_alike() {
        let mut t = ShortText::from("triệu");
        t.push(' ');
        t.push_str("đồng");
        assert_eq!(t, "triệu đồng");
        assert_eq!(t.len(), "triệu đồng".len());
        // Past 22 bytes it moves to the heap and keeps growing.
        t.push_str(" một hai ba bốn");
        assert_eq!(t, "triệu đồng một hai ba bốn");
        t.push_str(" năm");
        assert_eq!(t.as_str(), "triệu đồng một hai ba bốn năm");
        assert_eq!(format!("{t:?}"), "\"triệu đồng một hai ba bốn năm\"");
        t.clear();
        assert_eq!(t, "");
        assert!(t.is_empty());
        // Exactly 22 bytes stays inline and reads back whole.
        let edge = "1234567890123456789012";
        assert_eq!(ShortText::from(edge), edge);
        assert_eq!(ShortText::from("73.566").to_string(), "73.566");
    }

    #[test]
    fn is_no_larger_than_a_string() {
        assert_eq!(
            std::mem::size_of::<ShortText>(),
            std::mem::size_of::<String>()
        );
    }
}

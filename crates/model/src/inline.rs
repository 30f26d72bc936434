//! Inline content of paragraphs, headings and footnotes: styled runs of text and
//! footnote markers.

use super::FootnoteId;
use serde::{Deserialize, Serialize};

/// Character formatting of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Style {
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    /// Superscript, as in m² written with a raised 2.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sup: bool,
    /// Underlined (read from .docx files; the writer keeps it).
    #[serde(default, skip_serializing_if = "is_false")]
    pub underline: bool,
    /// Subscript, as in CO₂ written with a lowered 2 (read from .docx files).
    #[serde(default, skip_serializing_if = "is_false")]
    pub sub: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    #[serde(flatten)]
    pub style: Style,
}

/// A piece of inline content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredInline", into = "InlineRepr")]
pub enum Inline {
    Text(Run),
    /// The marker of footnote n, standing where it was written.
    Note(FootnoteId),
}

/// The stored shape of [`Inline`]: `{"note": 7}` or `{"text": "…", "bold": true}`.
#[derive(Serialize)]
#[serde(untagged)]
enum InlineRepr {
    Note { note: FootnoteId },
    Text(Run),
}

/// Every field a stored [`Inline`] may have, read in one pass: a marker when
/// it has `note`, else a run, which must have `text`. (Read as the untagged
/// [`InlineRepr`] with its flattened style, each inline was first copied
/// into a buffer, and the page's wasm carried serde's buffering code.)
#[derive(Deserialize)]
struct StoredInline {
    #[serde(default)]
    note: Option<FootnoteId>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    sup: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    sub: bool,
}

impl TryFrom<StoredInline> for Inline {
    type Error = &'static str;

    fn try_from(s: StoredInline) -> Result<Self, Self::Error> {
        match (s.note, s.text) {
            (Some(note), _) => Ok(Inline::Note(note)),
            (None, Some(text)) => Ok(Inline::Text(Run {
                text,
                style: Style {
                    bold: s.bold,
                    italic: s.italic,
                    sup: s.sup,
                    underline: s.underline,
                    sub: s.sub,
                },
            })),
            (None, None) => Err("một đoạn chữ thiếu cả «text» lẫn «note»"),
        }
    }
}

impl From<Inline> for InlineRepr {
    fn from(i: Inline) -> Self {
        match i {
            Inline::Note(note) => InlineRepr::Note { note },
            Inline::Text(run) => InlineRepr::Text(run),
        }
    }
}

impl Inline {
    /// Plain text with no formatting.
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text(Run {
            text: s.into(),
            style: Style::default(),
        })
    }

    /// Text with the given style.
    pub fn styled(s: impl Into<String>, style: Style) -> Self {
        Inline::Text(Run {
            text: s.into(),
            style,
        })
    }
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The superscript form of a number: 15 → "¹⁵".
pub fn superscript_number(n: u32) -> String {
    let mut out = String::with_capacity(9);
    push_superscript_number(&mut out, n);
    out
}

/// Writes the superscript form of `n` at the end of `out`, with no string
/// of its own: 15 → "¹⁵".
pub fn push_superscript_number(out: &mut String, n: u32) {
    // The decimal digits, last first (a u32 has at most ten).
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(SUPERSCRIPT_DIGITS[usize::from(d)]);
    }
}

/// The digit value of a Unicode superscript digit.
pub fn superscript_digit_value(c: char) -> Option<u32> {
    // Asked of every character the importer reads: decide by code point.
    match c {
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁰' => Some(0),
        '⁴'..='⁹' => Some(u32::from(c) - u32::from('⁰')),
        _ => None,
    }
}

/// The text of inline content as a reader sees it: footnote markers and raised
/// digits become Unicode superscript digits ("15 lượt¹⁵", "230m²").
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::with_capacity(plain_text_len(inlines));
    push_plain_text(&mut out, inlines);
    out
}

/// About the length of [`plain_text`] of `inlines` (exact when no run is a
/// superscript number), to size its string once.
pub fn plain_text_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(run) => run.text.len(),
            // Up to three digits of two or three bytes.
            Inline::Note(_) => 9,
        })
        .sum()
}

/// Writes [`plain_text`] of `inlines` at the end of `out`.
pub fn push_plain_text(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(run) if run.style.sup && run.text.chars().all(|c| c.is_ascii_digit()) => {
                out.extend(
                    run.text
                        .chars()
                        .map(|c| SUPERSCRIPT_DIGITS[c.to_digit(10).unwrap_or(0) as usize]),
                );
            }
            Inline::Text(run) => out.push_str(&run.text),
            Inline::Note(id) => push_superscript_number(out, id.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_json_shape_is_readable() {
        let inlines = vec![
            Inline::styled(
                "05 dự án",
                Style {
                    bold: true,
                    ..Style::default()
                },
            ),
            Inline::Note(FootnoteId(3)),
        ];
        let json = serde_json::to_string(&inlines).unwrap();
        assert_eq!(json, r#"[{"text":"05 dự án","bold":true},{"note":3}]"#);
        let back: Vec<Inline> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, inlines);
    }

    #[test]
    fn plain_text_shows_markers_and_units_as_superscript() {
        let inlines = vec![
            Inline::text("230m"),
            Inline::styled(
                "2",
                Style {
                    sup: true,
                    ..Style::default()
                },
            ),
            Inline::text("; 15 lượt"),
            Inline::Note(FootnoteId(15)),
        ];
        assert_eq!(plain_text(&inlines), "230m²; 15 lượt¹⁵");
    }

    /// Stored inlines as drafts hold them, read from text and from a JSON
    /// value (how the page reads stored drafts).
    #[test]
    fn stored_inlines_read_back_as_markers_and_runs() {
        let stored = r#"[{"note":7},{"text":"Thu "},{"text":"1.200","bold":true,"italic":true},
            {"text":"2","sup":true},{"text":"CO","underline":true},{"text":"x","sub":true},
            {"note":3,"text":"ignored"}]"#;
        let expected = vec![
            Inline::Note(FootnoteId(7)),
            Inline::text("Thu "),
            Inline::styled(
                "1.200",
                Style {
                    bold: true,
                    italic: true,
                    ..Style::default()
                },
            ),
            Inline::styled(
                "2",
                Style {
                    sup: true,
                    ..Style::default()
                },
            ),
            Inline::styled(
                "CO",
                Style {
                    underline: true,
                    ..Style::default()
                },
            ),
            Inline::styled(
                "x",
                Style {
                    sub: true,
                    ..Style::default()
                },
            ),
            Inline::Note(FootnoteId(3)),
        ];
        let from_text: Vec<Inline> = serde_json::from_str(stored).unwrap();
        assert_eq!(from_text, expected);
        let value: serde_json::Value = serde_json::from_str(stored).unwrap();
        let from_value: Vec<Inline> = serde_json::from_value(value).unwrap();
        assert_eq!(from_value, expected);
        // Written back in the same shape.
        let again: Vec<Inline> =
            serde_json::from_str(&serde_json::to_string(&expected).unwrap()).unwrap();
        assert_eq!(again, expected);
        assert!(serde_json::from_str::<Inline>(r#"{"bold":true}"#).is_err());
    }
}

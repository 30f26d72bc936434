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
#[serde(from = "InlineRepr", into = "InlineRepr")]
pub enum Inline {
    Text(Run),
    /// The marker of footnote n, standing where it was written.
    Note(FootnoteId),
}

/// The stored shape of [`Inline`]: `{"note": 7}` or `{"text": "…", "bold": true}`.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum InlineRepr {
    Note { note: FootnoteId },
    Text(Run),
}

impl From<InlineRepr> for Inline {
    fn from(r: InlineRepr) -> Self {
        match r {
            InlineRepr::Note { note } => Inline::Note(note),
            InlineRepr::Text(run) => Inline::Text(run),
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
    n.to_string()
        .chars()
        .map(|c| SUPERSCRIPT_DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
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
    let mut out = String::new();
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
            Inline::Note(id) => out.push_str(&superscript_number(id.0)),
        }
    }
    out
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
}

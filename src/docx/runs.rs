//! Runs as every block writes them: Times New Roman on all four font slots and
//! an explicit size on each run (so no viewer falls back to its own defaults),
//! and text that XML can hold.

use super::profile::{HalfPoints, FONT};
use crate::report::{Inline, Style};
use docx_rs::{Run, RunFonts, VertAlignType};
use std::borrow::Cow;

/// Times New Roman for ASCII, high ANSI (Vietnamese letters), complex script
/// and East Asian text alike.
pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// Whether XML 1.0 can hold the character at all (it cannot hold most
/// control characters, U+FFFE and U+FFFF).
fn xml_char(c: char) -> bool {
    !((c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// The text as a run can hold it: characters XML forbids are dropped, and
/// tabs and line ends (which a `w:t` would not show) become spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    let changes = |c: char| !xml_char(c) || matches!(c, '\t' | '\n' | '\r');
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| xml_char(*c))
            .map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A run of plain text at a size.
pub fn text_run(text: &str, size: HalfPoints) -> Run {
    Run::new()
        .add_text(clean(text))
        .size(size.val())
        .fonts(fonts())
}

/// Emphasis a block adds to all its runs (a heading's bold, for instance).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Emphasis {
    pub bold: bool,
    pub italic: bool,
}

impl Emphasis {
    /// Bold.
    pub const BOLD: Emphasis = Emphasis {
        bold: true,
        italic: false,
    };
    /// Italic.
    pub const ITALIC: Emphasis = Emphasis {
        bold: false,
        italic: true,
    };
    /// Bold and italic.
    pub const BOLD_ITALIC: Emphasis = Emphasis {
        bold: true,
        italic: true,
    };
}

/// A run of text with its own style plus the block's emphasis.
pub fn styled_run(text: &str, style: Style, size: HalfPoints, emphasis: Emphasis) -> Run {
    let mut run = text_run(text, size);
    if style.bold || emphasis.bold {
        run = run.bold();
    }
    if style.italic || emphasis.italic {
        run = run.italic();
    }
    if style.sup {
        run.run_property = run.run_property.vert_align(VertAlignType::SuperScript);
    }
    run
}

/// The runs of inline text, with footnote markers left to `note`.
pub fn inline_runs(
    inlines: &[Inline],
    size: HalfPoints,
    emphasis: Emphasis,
    note: &mut dyn FnMut(crate::report::FootnoteId) -> Option<Run>,
) -> Vec<Run> {
    inlines
        .iter()
        .filter_map(|inline| match inline {
            Inline::Text(r) if r.text.is_empty() => None,
            Inline::Text(r) => Some(styled_run(&r.text, r.style, size, emphasis)),
            Inline::Note(id) => note(*id),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{8}c\u{1f}d\u{fffe}e\u{ffff}"), "abcde");
        assert_eq!(clean("tab\there\nline\r"), "tab here line ");
        assert!(matches!(clean("Việt Nam ²"), Cow::Borrowed(_)));
    }
}

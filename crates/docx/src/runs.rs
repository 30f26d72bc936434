//! Runs as every block writes them: Times New Roman on all four font slots and
//! an explicit size on each run (so no viewer falls back to its own defaults),
//! and text that XML can hold.

use super::profile::{HalfPoints, FONT};
use baocao_model::{Inline, Style};
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

/// Whether a character stays in a run: XML 1.0 cannot hold most control
/// characters, U+FFFE or U+FFFF, and the ones it can (DEL, the C1 controls)
/// show as boxes or nothing in Word, so none of them is kept.
fn kept(c: char) -> bool {
    !(c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// The text as a run can hold it: tabs and line ends (which a `w:t` would
/// not show) become spaces, every other control character is dropped.
pub fn clean(text: &str) -> Cow<'_, str> {
    let white = |c: char| matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(|c| kept(c) && !white(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                c if white(c) => Some(' '),
                c if kept(c) => Some(c),
                _ => None,
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
    } else if style.sub {
        run.run_property = run.run_property.vert_align(VertAlignType::SubScript);
    }
    if style.underline {
        run = run.underline("single");
    }
    run
}

/// The runs of inline text, with footnote markers left to `note`.
pub fn inline_runs(
    inlines: &[Inline],
    size: HalfPoints,
    emphasis: Emphasis,
    note: &mut dyn FnMut(baocao_model::FootnoteId) -> Option<Run>,
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
        assert_eq!(
            clean("a\u{0}b\u{8}c\u{1f}d\u{fffe}e\u{ffff}f\u{7f}g\u{85}h"),
            "abcdefgh"
        );
        assert_eq!(clean("tab\there\nline\r"), "tab here line ");
        assert!(matches!(clean("Việt Nam ²"), Cow::Borrowed(_)));
        // What import::xml_safe asserted before the writer took this job over.
        assert_eq!(clean("x\u{8}y"), "xy");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }
}

//! Paragraph shapes the blocks share: line spacing with the space around a
//! paragraph, and the centred single-spaced lines of the header and closing
//! blocks.

use super::profile::SINGLE_LINE;
use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph, ParagraphChild, Run};

/// Lines `line` 240ths of a line apart (240 is single spacing), with
/// `before` and `after` twips of space around the paragraph.
pub fn spaced(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

/// Single line spacing with space around the paragraph.
pub fn single(before: u32, after: u32) -> LineSpacing {
    spaced(before, after, SINGLE_LINE)
}

/// Lines exactly `height` twips high, with space around the paragraph.
pub fn exact(before: u32, after: u32, height: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(i32::try_from(height).unwrap_or(i32::MAX))
        .line_rule(LineSpacingType::Exact)
}

/// A centred line of the header or closing block, single spaced with
/// `before` twips above it (the decree's "dòng đơn").
pub fn centred_line(run: Run, before: u32) -> Paragraph {
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .line_spacing(single(before, 0))
}

/// The paragraph with `runs` added at its end, as `Paragraph::add_run` adds
/// them one by one, but without moving the whole paragraph (a large value)
/// in and out of each call.
pub fn with_runs(mut p: Paragraph, runs: impl IntoIterator<Item = Run>) -> Paragraph {
    p.children
        .extend(runs.into_iter().map(|r| ParagraphChild::Run(Box::new(r))));
    p
}

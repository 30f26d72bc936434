//! Places in a report that the editor writes into, and offsets in them.
//!
//! Offsets inside inline content are byte offsets of its *editing text*
//! ([`edit_text`]): the runs' text as typed, with one [`NOTE_CHAR`] for each
//! footnote marker. The editor computes the caret in the same space, so a
//! split, an inserted marker or a carried-over figure lands where it is seen.

use crate::{Block, BlockId, FootnoteId, Inline, Report};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Stands for a footnote marker in the editing text of inline content.
pub const NOTE_CHAR: char = '\u{FFFC}';

/// Which inline content is edited: a paragraph, a section's heading title,
/// or a footnote's text.
/// Stored as `{"kind": "paragraph", "id": 3}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    content = "id",
    rename_all = "snake_case",
    from = "StoredTarget"
)]
pub enum TextTarget {
    Paragraph(BlockId),
    Heading(BlockId),
    Footnote(FootnoteId),
}

/// A stored [`TextTarget`], read in one pass whatever the order of its two
/// fields (read as the adjacently tagged enum, `id` before `kind` was first
/// copied into a buffer, and the page's wasm carried serde's buffering code).
#[derive(Deserialize)]
struct StoredTarget {
    kind: TargetKind,
    id: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TargetKind {
    Paragraph,
    Heading,
    Footnote,
}

impl From<StoredTarget> for TextTarget {
    fn from(s: StoredTarget) -> Self {
        match s.kind {
            TargetKind::Paragraph => TextTarget::Paragraph(BlockId(s.id)),
            TargetKind::Heading => TextTarget::Heading(BlockId(s.id)),
            TargetKind::Footnote => TextTarget::Footnote(FootnoteId(s.id)),
        }
    }
}

/// The editing text of inline content (see the module documentation).
pub fn edit_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(run) => out.push_str(&run.text),
            Inline::Note(_) => out.push(NOTE_CHAR),
        }
    }
    out
}

/// Drops empty runs and joins neighbouring runs of the same style.
pub fn tidy_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(run) if run.text.is_empty() => {}
            Inline::Text(run) => match out.last_mut() {
                Some(Inline::Text(prev)) if prev.style == run.style => {
                    prev.text.push_str(&run.text)
                }
                _ => out.push(Inline::Text(run)),
            },
            note => out.push(note),
        }
    }
    out
}

/// Splits inline content at a byte offset of its editing text; an offset
/// inside a character moves back to the character's start.
pub fn split_inlines(inlines: &[Inline], offset: usize) -> (Vec<Inline>, Vec<Inline>) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut pos = 0;
    for inline in inlines {
        let len = match inline {
            Inline::Text(run) => run.text.len(),
            Inline::Note(_) => NOTE_CHAR.len_utf8(),
        };
        if pos >= offset {
            tail.push(inline.clone());
        } else if pos + len <= offset {
            head.push(inline.clone());
        } else if let Inline::Text(run) = inline {
            let mut cut = offset - pos;
            while !run.text.is_char_boundary(cut) {
                cut -= 1;
            }
            head.push(Inline::styled(&run.text[..cut], run.style));
            tail.push(Inline::styled(&run.text[cut..], run.style));
        } else {
            head.push(inline.clone());
        }
        pos += len;
    }
    (tidy_inlines(head), tidy_inlines(tail))
}

/// Inline content with `more` inserted at a byte offset of its editing text.
pub fn insert_inlines(inlines: &[Inline], offset: usize, more: Vec<Inline>) -> Vec<Inline> {
    let (mut head, tail) = split_inlines(inlines, offset);
    head.extend(more);
    head.extend(tail);
    tidy_inlines(head)
}

/// Where a carried-over figure or a moved mention of the period stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigurePlace {
    /// In a paragraph, a heading title or a footnote.
    Text(TextTarget),
    /// In a cell of a detail table; row 0 is the header row.
    Cell { table: BlockId, row: u32, col: u32 },
    /// In the trích yếu (a plain text, as a cell's is).
    Summary,
}

impl From<TextTarget> for FigurePlace {
    fn from(t: TextTarget) -> Self {
        FigurePlace::Text(t)
    }
}

/// A figure copied from last month's report that nobody has updated or
/// confirmed yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleFigure {
    pub place: FigurePlace,
    /// Byte offset in the place's editing text.
    pub start: usize,
    /// The figure as it was written last month, e.g. "10.595".
    pub text: String,
}

impl StaleFigure {
    /// The figure's byte range in its place's editing text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

impl Report {
    /// A block id no block or section uses yet.
    pub fn fresh_block_id(&self) -> BlockId {
        BlockId(self.body.max_id().0 + 1)
    }

    /// The inline content of a target.
    pub fn inlines(&self, target: TextTarget) -> Option<&Vec<Inline>> {
        match target {
            TextTarget::Paragraph(id) => match self.body.block(id)? {
                Block::Paragraph(p) => Some(&p.inlines),
                Block::Table(_) => None,
            },
            TextTarget::Heading(id) => self.body.section(id).map(|s| &s.heading.title),
            TextTarget::Footnote(id) => self
                .footnotes
                .iter()
                .find(|f| f.id == id)
                .map(|f| &f.content),
        }
    }

    /// The inline content of a target, to change it (the editing layer keeps
    /// stale marks and footnotes in step; see `baocao_session::ReportEdit`).
    pub fn inlines_mut(&mut self, target: TextTarget) -> Option<&mut Vec<Inline>> {
        match target {
            TextTarget::Paragraph(id) => match self.body.block_mut(id)? {
                Block::Paragraph(p) => Some(&mut p.inlines),
                Block::Table(_) => None,
            },
            TextTarget::Heading(id) => self.body.section_mut(id).map(|s| &mut s.heading.title),
            TextTarget::Footnote(id) => self
                .footnotes
                .iter_mut()
                .find(|f| f.id == id)
                .map(|f| &mut f.content),
        }
    }
}

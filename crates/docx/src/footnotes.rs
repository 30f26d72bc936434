//! Real Word footnotes: the mark in the text is a `w:footnoteReference` run in
//! the FootnoteReference style (superscript), the note a paragraph in the
//! FootnoteText style at 12 pt. Word numbers them, moves them with the text
//! and keeps them at the foot of the page. What docx-rs cannot write (the
//! separator notes, the `w:footnoteRef` number in front of each note) is added
//! by `conform`; the two styles are defined here.

use super::paragraphs::{single, with_runs};
use super::profile::{size, HalfPoints, FOOTNOTE_REFERENCE_STYLE, FOOTNOTE_TEXT_STYLE};
use super::runs::{fonts, inline_runs, text_run, Emphasis};
use baocao_model::{superscript_number, FootnoteId, Report};
use docx_rs::{
    AlignmentType, Footnote, Paragraph, Run, RunProperty, Style, StyleType, VertAlignType,
};

/// Hands out the document's footnotes in reading order, numbered from 1 in
/// every document. docx-rs's `Footnote::new` takes ids from a process-wide
/// counter, so a second export in the same page would start elsewhere; the
/// notes here are built with their id set explicitly.
pub struct Notes<'a> {
    report: &'a Report,
    written: usize,
}

impl<'a> Notes<'a> {
    /// No footnote written yet.
    pub fn new(report: &'a Report) -> Self {
        Notes { report, written: 0 }
    }

    /// How many footnotes the document holds so far.
    pub fn count(&self) -> usize {
        self.written
    }

    /// The mark of footnote `id` where it stands in the text, carrying the
    /// note itself. Each mark gets its own note (Word has no shared notes);
    /// a mark with no definition gets an empty note rather than vanishing.
    pub fn reference(&mut self, id: FootnoteId, text_size: HalfPoints) -> Run {
        self.written += 1;
        let note = Footnote {
            id: self.written,
            content: vec![self.note_paragraph(id)],
        };
        let mut run = Run::new().add_footnote_reference(note);
        // add_footnote_reference replaces the run's properties with the bare
        // style; set them whole, so the mark has its font and size too.
        run.run_property = RunProperty::new()
            .style(FOOTNOTE_REFERENCE_STYLE)
            .fonts(fonts())
            .size(text_size.val())
            .vert_align(VertAlignType::SuperScript);
        run
    }

    /// The note's paragraph: a space after the number `conform` puts first,
    /// then the text at footnote size.
    fn note_paragraph(&self, id: FootnoteId) -> Paragraph {
        let content = self
            .report
            .footnote(id)
            .map(|f| f.content.as_slice())
            .unwrap_or(&[]);
        // A note cannot hold another note; a marker inside one stays as the
        // raised number it was written as.
        let mut nested =
            |inner: FootnoteId| Some(text_run(&superscript_number(inner.0), size::FOOTNOTE));
        let runs = inline_runs(content, size::FOOTNOTE, Emphasis::default(), &mut nested);
        with_runs(
            note_text_paragraph(),
            std::iter::once(text_run(" ", size::FOOTNOTE)).chain(runs),
        )
    }
}

/// An empty paragraph in the FootnoteText style.
fn note_text_paragraph() -> Paragraph {
    Paragraph::new()
        .style(FOOTNOTE_TEXT_STYLE)
        .align(AlignmentType::Both)
        .line_spacing(single(0, 0))
}

/// The FootnoteText and FootnoteReference styles Word itself defines for
/// footnotes; docx-rs refers to the second without defining it.
pub fn styles() -> Vec<Style> {
    let mut reference = Style::new(FOOTNOTE_REFERENCE_STYLE, StyleType::Character)
        .name("footnote reference")
        .q_format(false)
        .ui_priority(99)
        .unhide_when_used();
    reference.run_property = reference
        .run_property
        .vert_align(VertAlignType::SuperScript);
    let text = Style::new(FOOTNOTE_TEXT_STYLE, StyleType::Paragraph)
        .name("footnote text")
        .q_format(false)
        .based_on("Normal")
        .ui_priority(99)
        .unhide_when_used()
        .fonts(fonts())
        .size(size::FOOTNOTE.val())
        .align(AlignmentType::Both)
        .line_spacing(single(0, 0));
    vec![reference, text]
}

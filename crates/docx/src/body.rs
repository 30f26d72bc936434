//! The body (ô 6): paragraphs justified with a 1 cm first-line indent, 6 pt
//! between them and 1.15 line spacing; headings by level as Phụ lục I, table
//! 6b, lays them out (nd30.md §5.10), their numbers typed as text, not Word
//! list numbering; bullets "-" and "+" stay the text they are; bold, italic
//! and superscript runs; footnote marks; detail tables.

use super::footnotes::Notes;
use super::metrics::{text_width, Face};
use super::paragraphs::spaced;
use super::profile::{size, BODY_AFTER, BODY_BEFORE, BODY_FIRST_LINE, BODY_LINE, TEXT_WIDTH};
use super::runs::{inline_runs, text_run, Emphasis};
use super::tables::{detail_table, DetailTable};
use baocao_model::{plain_text, Block, Heading, Level, Report, Section};
use docx_rs::{AlignmentType, Paragraph, SpecialIndentType};

/// A piece of the body, in reading order.
pub enum Piece {
    Paragraph(Box<Paragraph>),
    Table(Box<DetailTable>),
}

/// A body paragraph with no content yet.
pub fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(BODY_FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(spaced(BODY_BEFORE, BODY_AFTER, BODY_LINE))
        .widow_control(true)
}

/// Whether a điểm's text is a title ("a) Trồng trọt") rather than running
/// text: short enough for one line and not ending a sentence. Titled điểm are
/// italic, as agencies usually set them (nd30.md §5.10).
fn is_point_title(heading: &Heading) -> bool {
    let text = plain_text(&heading.title);
    let text = text.trim_end();
    let line = format!("{} {text}", heading.label());
    !text.ends_with(['.', ';', ':'])
        && text_width(&line, Face::Italic, size::BODY) <= TEXT_WIDTH - BODY_FIRST_LINE as u32
}

/// The emphasis of a heading by level: parts and items bold, sub-items bold
/// italic, titled points italic.
fn heading_emphasis(heading: &Heading) -> Emphasis {
    match heading.level {
        Level::Part | Level::Item => Emphasis::BOLD,
        Level::SubItem => Emphasis::BOLD_ITALIC,
        Level::Point if is_point_title(heading) => Emphasis::ITALIC,
        Level::Point => Emphasis::default(),
    }
}

fn heading_paragraph(heading: &Heading, notes: &mut Notes) -> Paragraph {
    let emphasis = heading_emphasis(heading);
    let mut label = text_run(&heading.label(), size::BODY);
    if emphasis.bold {
        label = label.bold();
    }
    if emphasis.italic {
        label = label.italic();
    }
    let mut p = body_paragraph().keep_next(true).add_run(label);
    if !heading.title.is_empty() {
        p = p.add_run(text_run(" ", size::BODY));
    }
    let mut note = |id| Some(notes.reference(id, size::BODY));
    inline_runs(&heading.title, size::BODY, emphasis, &mut note)
        .into_iter()
        .fold(p, Paragraph::add_run)
}

fn block(b: &Block, notes: &mut Notes, out: &mut Vec<Piece>) {
    match b {
        Block::Paragraph(p) => {
            let mut note = |id| Some(notes.reference(id, size::BODY));
            let runs = inline_runs(&p.inlines, size::BODY, Emphasis::default(), &mut note);
            let p = runs.into_iter().fold(body_paragraph(), Paragraph::add_run);
            out.push(Piece::Paragraph(Box::new(p)));
        }
        Block::Table(t) => {
            if let Some(table) = detail_table(t) {
                out.push(Piece::Table(Box::new(table)));
            }
        }
    }
}

fn section(s: &Section, notes: &mut Notes, out: &mut Vec<Piece>) {
    out.push(Piece::Paragraph(Box::new(heading_paragraph(
        &s.heading, notes,
    ))));
    for b in &s.blocks {
        block(b, notes, out);
    }
    for child in &s.children {
        section(child, notes, out);
    }
}

/// The body of a report, in reading order.
pub fn body(report: &Report, notes: &mut Notes) -> Vec<Piece> {
    let mut out = Vec::new();
    for b in &report.body.intro {
        block(b, notes, &mut out);
    }
    for s in &report.body.sections {
        section(s, notes, &mut out);
    }
    out
}

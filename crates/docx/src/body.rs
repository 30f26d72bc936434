//! The body (ô 6): paragraphs justified with a first-line indent, 6 pt
//! between them and the line spacing of the report's density (offices':
//! 1.27 cm and 1.1; see `profile::body_spacing`); headings by level as Phụ lục I, table
//! 6b, lays them out (nd30.md §5.10), their numbers typed as text, not Word
//! list numbering; bullets "-" and "+" stay the text they are; bold, italic
//! and superscript runs; footnote marks; detail tables.

use super::footnotes::Notes;
use super::metrics::{text_width, Face};
use super::paragraphs::{spaced, with_runs};
use super::profile::{body_spacing, size, BodySpacing, TEXT_WIDTH};
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
pub fn body_paragraph(s: &BodySpacing) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(s.first_line)),
            None,
            None,
        )
        .line_spacing(spaced(s.before, s.after, s.line))
        .widow_control(true)
}

/// Whether a điểm's text is a title ("a) Trồng trọt") rather than running
/// text: short enough for one line and not ending a sentence. Titled điểm are
/// italic, as agencies usually set them (nd30.md §5.10).
fn is_point_title(heading: &Heading, s: &BodySpacing) -> bool {
    let text = plain_text(&heading.title);
    let text = text.trim_end();
    let line = format!("{} {text}", heading.label());
    !text.ends_with(['.', ';', ':'])
        && text_width(&line, Face::Italic, size::BODY) <= TEXT_WIDTH - s.first_line.unsigned_abs()
}

/// The emphasis of a heading by level: parts and items bold, sub-items bold
/// italic, titled points italic.
fn heading_emphasis(heading: &Heading, s: &BodySpacing) -> Emphasis {
    match heading.level {
        Level::Part | Level::Item => Emphasis::BOLD,
        Level::SubItem => Emphasis::BOLD_ITALIC,
        Level::Point if is_point_title(heading, s) => Emphasis::ITALIC,
        Level::Point => Emphasis::default(),
    }
}

fn heading_paragraph(heading: &Heading, s: &BodySpacing, notes: &mut Notes) -> Paragraph {
    let emphasis = heading_emphasis(heading, s);
    let mut label = text_run(&heading.label(), size::BODY);
    if emphasis.bold {
        label = label.bold();
    }
    if emphasis.italic {
        label = label.italic();
    }
    let mut p = body_paragraph(s).keep_next(true).add_run(label);
    if !heading.title.is_empty() {
        p = p.add_run(text_run(" ", size::BODY));
    }
    let mut note = |id| Some(notes.reference(id, size::BODY));
    with_runs(
        p,
        inline_runs(&heading.title, size::BODY, emphasis, &mut note),
    )
}

pub fn block(b: &Block, s: &BodySpacing, notes: &mut Notes, out: &mut Vec<Piece>) {
    match b {
        Block::Paragraph(p) => {
            let mut note = |id| Some(notes.reference(id, size::BODY));
            let runs = inline_runs(&p.inlines, size::BODY, Emphasis::default(), &mut note);
            let p = with_runs(body_paragraph(s), runs);
            out.push(Piece::Paragraph(Box::new(p)));
        }
        Block::Table(t) => {
            if let Some(table) = detail_table(t) {
                out.push(Piece::Table(Box::new(table)));
            }
        }
    }
}

fn section(sec: &Section, s: &BodySpacing, notes: &mut Notes, out: &mut Vec<Piece>) {
    out.push(Piece::Paragraph(Box::new(heading_paragraph(
        &sec.heading,
        s,
        notes,
    ))));
    for b in &sec.blocks {
        block(b, s, notes, out);
    }
    for child in &sec.children {
        section(child, s, notes, out);
    }
}

/// The body of a report, in reading order.
pub fn body(report: &Report, notes: &mut Notes) -> Vec<Piece> {
    let mut out = Vec::new();
    let s = body_spacing(report.density);
    for b in &report.body.intro {
        block(b, &s, notes, &mut out);
    }
    for sec in &report.body.sections {
        section(sec, &s, notes, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::Density;
    use docx_rs::BuildXML;

    /// The paragraph properties docx-rs writes for a body paragraph (the
    /// conform pass puts them in schema order later).
    fn properties(density: Density) -> String {
        let xml = String::from_utf8(body_paragraph(&body_spacing(density)).build()).unwrap();
        let start = xml.find("<w:pPr>").unwrap();
        let end = xml.find("</w:pPr>").unwrap() + "</w:pPr>".len();
        xml[start..end].to_string()
    }

    #[test]
    fn each_density_sets_its_indent_and_spacing() {
        let expected = |first_line: u32, before: u32, after: u32, line: u32| {
            format!(
                r#"<w:pPr><w:rPr /><w:jc w:val="both" /><w:ind w:left="0" w:right="0" w:firstLine="{first_line}" /><w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto" /><w:widowControl w:val="1" /></w:pPr>"#
            )
        };
        // Offices: 1.27 cm, lines 1.1 apart, 6 pt after.
        assert_eq!(properties(Density::Office), expected(720, 0, 120, 264));
        // Thoáng: 1 cm, lines 1.15 apart, 6 pt before (baocao's old default).
        assert_eq!(properties(Density::Airy), expected(567, 120, 0, 276));
        // Gọn: 1.27 cm, single lines, 6 pt after.
        assert_eq!(properties(Density::Compact), expected(720, 0, 120, 240));
    }

    #[test]
    fn every_density_is_within_the_decree() {
        for d in Density::ALL {
            let s = body_spacing(d);
            assert!([567, 720].contains(&s.first_line), "{d:?}: 1 cm or 1.27 cm");
            assert!(s.before + s.after >= 120, "{d:?}: at least 6 pt between");
            assert!((240..=360).contains(&s.line), "{d:?}: single to 1.5 lines");
        }
    }
}

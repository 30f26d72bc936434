//! Appendices (nd30.md §10): each after the signature, in a section of its
//! own that starts a new page, landscape when one of its tables is too wide
//! for a portrait page (§10.7), its page numbers starting again at 1 (§10.5,
//! the number hidden on its first page as on the report's, §1 notes). On
//! top: "Phụ lục I" (14 pt, bold, centred, §10.2), the title (14 pt,
//! bold, centred, §10.3), the "(Kèm theo …)" line (14 pt, italic, centred)
//! with a short solid line under it (§10.4); then its paragraphs and tables
//! as the body sets them.

use super::body::{block, Piece};
use super::footnotes::Notes;
use super::metrics::{balanced_lines, text_width, Face};
use super::paragraphs::{exact, single};
use super::profile::{
    body_spacing, size, LANDSCAPE_TEXT_WIDTH, RULE_PARAGRAPH_HEIGHT, SUMMARY_RULE_GAP,
    SUMMARY_RULE_RATIO, TEXT_WIDTH,
};
use super::rule::{ratio_length, rule};
use super::runs::text_run;
use baocao_model::{Appendix, Density};
use docx_rs::{AlignmentType, BreakType, Paragraph, Run};

/// An appendix laid out: its heading paragraphs, its blocks, and whether
/// its pages are landscape.
pub struct AppendixPages {
    pub heading: Vec<Paragraph>,
    pub pieces: Vec<Piece>,
    pub landscape: bool,
}

fn centred(before: u32, after: u32) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .line_spacing(single(before, after))
}

/// One centred paragraph of lines (the official's own line breaks kept, a
/// line too long for the page broken evenly), each run made by `run`.
fn lines_paragraph(
    text: &str,
    face: Face,
    width: u32,
    before: u32,
    run: impl Fn(&str) -> Run,
) -> (Paragraph, u32) {
    let lines: Vec<String> = text
        .lines()
        .flat_map(|l| balanced_lines(l.trim(), face, size::BODY, width * 9 / 10))
        .collect();
    let mut p = centred(before, 0);
    let mut longest = 0;
    for (i, line) in lines.iter().enumerate() {
        longest = longest.max(text_width(line, face, size::BODY));
        let mut r = run(line);
        if i + 1 < lines.len() {
            r = r.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(r);
    }
    (p, longest)
}

/// The blanks left for the number and date ("số      /BC-UBND ngày     tháng")
/// kept as wide as typed: a run of two or more spaces becomes no-break
/// spaces, which the line breaker neither squeezes nor breaks at.
fn keep_blanks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut spaces = 0;
    let flush = |out: &mut String, spaces: usize| {
        let c = if spaces >= 2 { '\u{a0}' } else { ' ' };
        out.extend(std::iter::repeat_n(c, spaces));
    };
    for c in text.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        flush(&mut out, spaces);
        spaces = 0;
        out.push(c);
    }
    flush(&mut out, spaces);
    out
}

/// The paragraphs at the top of an appendix, for a text area `width` twips wide.
pub fn appendix_heading(a: &Appendix, width: u32) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let label = a.label.trim();
    if !label.is_empty() {
        out.push(centred(0, 0).add_run(text_run(label, size::BODY).bold()));
    }
    if !a.title.trim().is_empty() {
        let (p, _) = lines_paragraph(&a.title, Face::Bold, width, 0, |l| {
            text_run(l, size::BODY).bold()
        });
        out.push(p);
    }
    if !a.reference.trim().is_empty() {
        let (p, longest) =
            lines_paragraph(&keep_blanks(&a.reference), Face::Italic, width, 0, |l| {
                text_run(l, size::BODY).italic()
            });
        out.push(p);
        let line = rule(width, ratio_length(longest, SUMMARY_RULE_RATIO)).keep_next(true);
        out.push(line.line_spacing(exact(0, SUMMARY_RULE_GAP, RULE_PARAGRAPH_HEIGHT)));
    } else if let Some(last) = out.pop() {
        // Space between the heading and what follows.
        out.push(last.line_spacing(single(0, SUMMARY_RULE_GAP)));
    }
    out
}

/// An appendix ready for its pages.
pub fn appendix(a: &Appendix, density: Density, notes: &mut Notes) -> AppendixPages {
    let s = body_spacing(density);
    let mut pieces = Vec::new();
    for b in &a.blocks {
        block(b, &s, notes, &mut pieces);
    }
    let landscape = pieces
        .iter()
        .any(|p| matches!(p, Piece::Table(t) if t.landscape));
    let width = if landscape {
        LANDSCAPE_TEXT_WIDTH
    } else {
        TEXT_WIDTH
    };
    AppendixPages {
        heading: appendix_heading(a, width),
        pieces,
        landscape,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::BlockId;
    use docx_rs::BuildXML;

    fn xml(p: &Paragraph) -> String {
        String::from_utf8(p.build()).unwrap()
    }

    /// The paragraphs of "Phụ lục I", its title and its reference line, as
    /// docx-rs writes them (the conform pass orders the properties later;
    /// `tests/docx_layout.rs` reads them in the written file).
    #[test]
    fn label_and_title_bold_centred_reference_italic_with_a_line_under_it() {
        let a = Appendix {
            id: BlockId(1),
            label: "Phụ lục I".into(),
            title: "KẾT QUẢ THU NGÂN SÁCH".into(),
            reference: "(Kèm theo Báo cáo số /BC-UBND)".into(),
            blocks: vec![],
            origin: None,
        };
        let ps = appendix_heading(&a, TEXT_WIDTH);
        assert_eq!(ps.len(), 4);
        let run = |text: &str, emphasis: &str| {
            format!(
                r#"<w:r><w:rPr><w:sz w:val="28" /><w:szCs w:val="28" />{emphasis}<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" /></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
            )
        };
        let centred = r#"<w:pPr><w:rPr /><w:jc w:val="center" /><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" /><w:keepNext /></w:pPr>"#;
        let bold = r#"<w:b /><w:bCs />"#;
        let italic = r#"<w:i /><w:iCs />"#;
        assert_eq!(
            xml(&ps[0]),
            format!(
                r#"<w:p w14:paraId="{}">{centred}{}</w:p>"#,
                para_id(&ps[0]),
                run("Phụ lục I", bold)
            )
        );
        assert_eq!(
            xml(&ps[1]),
            format!(
                r#"<w:p w14:paraId="{}">{centred}{}</w:p>"#,
                para_id(&ps[1]),
                run("KẾT QUẢ THU NGÂN SÁCH", bold)
            )
        );
        assert_eq!(
            xml(&ps[2]),
            format!(
                r#"<w:p w14:paraId="{}">{centred}{}</w:p>"#,
                para_id(&ps[2]),
                run("(Kèm theo Báo cáo số /BC-UBND)", italic)
            )
        );
        // The short line: a third of the reference line, centred by equal
        // indents, 12 pt before the content.
        let line = xml(&ps[3]);
        let length = ratio_length(
            text_width("(Kèm theo Báo cáo số /BC-UBND)", Face::Italic, size::BODY),
            1.0 / 3.0,
        );
        let side = (TEXT_WIDTH - length) / 2;
        assert!(
            line.contains(&format!(r#"<w:ind w:left="{side}" w:right="{side}" />"#)),
            "{line}"
        );
        assert!(line.contains(r#"<w:pBdr><w:bottom w:val="single" w:space="1" w:sz="6" w:color="000000" /></w:pBdr>"#), "{line}");
        assert!(
            line.contains(
                r#"<w:spacing w:before="0" w:after="240" w:line="40" w:lineRule="exact" />"#
            ),
            "{line}"
        );
    }

    fn para_id(p: &Paragraph) -> String {
        let x = xml(p);
        let start = x.find("w14:paraId=\"").unwrap() + "w14:paraId=\"".len();
        x[start..start + x[start..].find('"').unwrap()].to_string()
    }

    #[test]
    fn blanks_for_number_and_date_are_kept() {
        assert_eq!(
            keep_blanks("số   /BC-UBND ngày  tháng 3"),
            "số\u{a0}\u{a0}\u{a0}/BC-UBND ngày\u{a0}\u{a0}tháng 3"
        );
        assert_eq!(keep_blanks("(Kèm theo Báo cáo)"), "(Kèm theo Báo cáo)");
    }

    #[test]
    fn an_appendix_with_a_wide_table_is_landscape() {
        let table = |cols: usize| {
            baocao_model::Block::Table(baocao_model::Table {
                id: BlockId(2),
                title: String::new(),
                unit: String::new(),
                columns: (0..cols).map(|i| format!("Cột {i}")).collect(),
                rows: vec![(0..cols).map(|i| i.to_string()).collect()],
                layout: Default::default(),
                origin: None,
            })
        };
        let mut a = Appendix {
            id: BlockId(1),
            label: "Phụ lục II".into(),
            title: String::new(),
            reference: String::new(),
            blocks: vec![table(3)],
            origin: None,
        };
        let report = baocao_model::Report::new();
        let mut notes = Notes::new(&report);
        assert!(!appendix(&a, Density::Office, &mut notes).landscape);
        a.blocks.push(table(12));
        let pages = appendix(&a, Density::Office, &mut notes);
        assert!(pages.landscape);
        // Only the label, with the space under it.
        assert_eq!(pages.heading.len(), 1);
    }
}

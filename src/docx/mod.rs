//! The .docx writer: a [`Report`] laid out as Nghị định 30/2020/NĐ-CP,
//! Phụ lục I says (see `nd30.md`).

use crate::import::xml_safe;
use crate::report::{Block, Inline, Level, Report, Section};
use docx_rs::{
    AlignmentType, Docx, Footnote, LineSpacing, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, VertAlignType, WidthType,
};

const FONT: &str = "Times New Roman";
/// Body size in half-points (14 pt).
const BODY_SIZE: usize = 28;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(xml_safe(text))
        .size(size)
        .fonts(fonts())
}

fn centered(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0).line(240))
}

/// Builds the .docx of a report.
pub fn write(report: &Report) -> Vec<u8> {
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1701)
                .right(850)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts())
        .default_size(BODY_SIZE);
    docx = docx.add_table(header_block(report));
    docx = docx.add_paragraph(
        centered(run(&report.title.kind, BODY_SIZE).bold())
            .line_spacing(LineSpacing::new().before(360).after(0)),
    );
    for line in report.title.summary.lines() {
        docx = docx.add_paragraph(centered(run(line, BODY_SIZE).bold()));
    }
    let mut notes = Notes { report, next_id: 1 };
    for b in &report.body.intro {
        docx = add_block(docx, b, &mut notes);
    }
    for s in &report.body.sections {
        docx = add_section(docx, s, &mut notes);
    }
    docx = docx.add_table(closing_block(report));
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buf)
        .expect("writing a zip into memory cannot fail");
    buf.into_inner()
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .clear_all_border();
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn header_block(report: &Report) -> Table {
    let h = &report.header;
    let mut left = Vec::new();
    if !h.parent_agency.trim().is_empty() {
        left.push(centered(run(&h.parent_agency.to_uppercase(), 26)));
    }
    for line in h.issuing_agency.lines() {
        left.push(centered(run(&line.to_uppercase(), 26).bold()));
    }
    if left.is_empty() {
        left.push(centered(run("", 26)));
    }
    let number = if h.number.trim().is_empty() {
        "      ".to_string()
    } else {
        h.number.clone()
    };
    let right = vec![
        centered(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26).bold()),
        centered(run("Độc lập - Tự do - Hạnh phúc", 28).bold()),
    ];
    let so = centered(run(&format!("Số: {number}/{}", h.code), 26))
        .line_spacing(LineSpacing::new().before(120));
    let date = centered(run(&format!("{}, {}", h.place, h.date.decree_text()), 28).italic())
        .line_spacing(LineSpacing::new().before(120));
    Table::without_borders(vec![
        TableRow::new(vec![cell(left, 3686), cell(right, 5669)]),
        TableRow::new(vec![cell(vec![so], 3686), cell(vec![date], 5669)]),
    ])
    .set_grid(vec![3686, 5669])
}

fn closing_block(report: &Report) -> Table {
    let mut left = vec![Paragraph::new().add_run(run("Nơi nhận:", 24).bold().italic())];
    for item in &report.recipients {
        left.push(Paragraph::new().add_run(run(&format!("- {item}"), 22)));
    }
    let mut right = Vec::new();
    for line in &report.signature.authority {
        right.push(centered(run(line, BODY_SIZE).bold()));
    }
    right.push(centered(run(&report.signature.position, BODY_SIZE).bold()));
    for _ in 0..4 {
        right.push(centered(run("", BODY_SIZE)));
    }
    right.push(centered(run(&report.signature.signer, BODY_SIZE).bold()));
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, 3686),
        cell(right, 5669),
    ])])
    .set_grid(vec![3686, 5669])
}

struct Notes<'a> {
    report: &'a Report,
    next_id: usize,
}

fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(LineSpacing::new().before(120).after(0).line(276))
}

fn add_inlines(
    mut p: Paragraph,
    inlines: &[Inline],
    notes: &mut Notes,
    heading: Option<Level>,
) -> Paragraph {
    for inline in inlines {
        match inline {
            Inline::Text(r) => {
                let mut rr = run(&r.text, BODY_SIZE);
                if r.style.bold
                    || matches!(heading, Some(Level::Part | Level::Item | Level::SubItem))
                {
                    rr = rr.bold();
                }
                if r.style.italic || heading == Some(Level::SubItem) {
                    rr = rr.italic();
                }
                if r.style.sup {
                    rr.run_property = rr.run_property.vert_align(VertAlignType::SuperScript);
                }
                p = p.add_run(rr);
            }
            Inline::Note(id) => {
                let content = notes
                    .report
                    .footnote(*id)
                    .map(|f| f.content.clone())
                    .unwrap_or_default();
                let mut np = Paragraph::new();
                for i in &content {
                    if let Inline::Text(r) = i {
                        np = np.add_run(run(&r.text, 20));
                    }
                }
                // docx-rs numbers footnotes from a process-wide counter; the ids
                // are set here so every document starts at 1.
                let footnote = Footnote {
                    id: notes.next_id,
                    content: vec![np],
                };
                notes.next_id += 1;
                let mut r = Run::new().add_footnote_reference(footnote);
                r.run_property = r
                    .run_property
                    .vert_align(VertAlignType::SuperScript)
                    .fonts(fonts())
                    .size(BODY_SIZE);
                p = p.add_run(r);
            }
        }
    }
    p
}

fn add_block(docx: Docx, block: &Block, notes: &mut Notes) -> Docx {
    match block {
        Block::Paragraph(p) => {
            docx.add_paragraph(add_inlines(body_paragraph(), &p.inlines, notes, None))
        }
        Block::Table(t) => {
            let mut rows = vec![TableRow::new(
                t.columns
                    .iter()
                    .map(|c| {
                        TableCell::new().add_paragraph(Paragraph::new().add_run(run(c, 24).bold()))
                    })
                    .collect(),
            )];
            for r in &t.rows {
                rows.push(TableRow::new(
                    r.iter()
                        .map(|c| {
                            TableCell::new().add_paragraph(Paragraph::new().add_run(run(c, 24)))
                        })
                        .collect(),
                ));
            }
            docx.add_table(Table::new(rows))
        }
    }
}

fn add_section(mut docx: Docx, s: &Section, notes: &mut Notes) -> Docx {
    let label = run(&format!("{} ", s.heading.label()), BODY_SIZE);
    let label = match s.heading.level {
        Level::Part | Level::Item => label.bold(),
        Level::SubItem => label.bold().italic(),
        Level::Point => label,
    };
    let p = body_paragraph().add_run(label);
    docx = docx.add_paragraph(add_inlines(
        p,
        &s.heading.title,
        notes,
        Some(s.heading.level),
    ));
    for b in &s.blocks {
        docx = add_block(docx, b, notes);
    }
    for c in &s.children {
        docx = add_section(docx, c, notes);
    }
    docx
}

/// The file name for a report's .docx: "BC-KTXH-thang-03-2025.docx" from its
/// period (ASCII only, so any mail or document system takes it).
pub fn file_name(report: &Report) -> String {
    match report.period() {
        Some(p) => format!("BC-KTXH-thang-{:02}-{}.docx", p.month, p.year),
        None => "BC-KTXH.docx".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_follows_the_period() {
        let mut r = Report::new();
        assert_eq!(file_name(&r), "BC-KTXH.docx");
        r.title.summary = "Tình hình tháng 3/2025, nhiệm vụ tháng 4/2025".into();
        assert_eq!(file_name(&r), "BC-KTXH-thang-03-2025.docx");
    }
}

//! The .docx writer: a [`Report`] laid out as Nghị định 30/2020/NĐ-CP,
//! Phụ lục I, prescribes (nd30.md), one builder per block of the page:
//! `header_block` (ô 1–4), `title` (ô 5), `body` with `footnotes` and
//! `tables` (ô 6), `closing` (ô 7–9), on the pages of `page`. docx-rs builds
//! the parts; `conform` corrects what docx-rs writes out of schema order or
//! cannot express (`stream` makes its corrections in one pass over the text
//! of the large parts); `pack` zips them deterministically. All values come from
//! `profile`; the short lines are measured with `metrics`.

mod appendix;
mod body;
mod breaks;
mod closing;
mod conform;
mod footnotes;
mod header_block;
mod metrics;
mod pack;
mod page;
mod paragraphs;
mod profile;
mod rule;
mod runs;
mod stream;
mod tables;
mod title;
mod xml;

use baocao_model::Report;
use body::Piece;
use docx_rs::{Docx, Paragraph};
use page::{Content, Part};
use profile::size;

/// What the corrections need to know about the document being written.
struct Facts {
    /// Trích yếu, for the document's title property.
    title: String,
    /// Cơ quan ban hành, for the document's creator property.
    creator: String,
    /// Positions (among the body's tables) of the detail tables, with how
    /// many rows at their top repeat on every page.
    detail_tables: Vec<(usize, usize)>,
    has_footnotes: bool,
}

/// One line of text from the lines of a field.
fn one_line(text: &str) -> String {
    runs::clean(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Appends content to a page. Word and LibreOffice merge two tables with
/// nothing between them into one (the second takes the first one's borders
/// and columns), so a 6 pt empty paragraph goes between a table and a table
/// right after it.
fn append(page: &mut Vec<Content>, more: Vec<Content>) {
    let touching = matches!(page.last(), Some(Content::Table(_)))
        && matches!(more.first(), Some(Content::Table(_)));
    if touching {
        page.push(Content::paragraph(
            Paragraph::new()
                .keep_next(true)
                .line_spacing(paragraphs::exact(0, 0, profile::BODY_BEFORE)),
        ));
    }
    page.extend(more);
}

/// Lays the report out with docx-rs; returns the document and the facts the
/// corrections need.
fn build(report: &Report) -> (Docx, Facts) {
    let mut docx = Docx::new()
        .default_fonts(runs::fonts())
        .default_size(size::BODY.val());
    for style in footnotes::styles() {
        docx = docx.add_style(style);
    }
    let mut notes = footnotes::Notes::new(report);
    let mut tables = 0usize;
    let mut detail_tables = Vec::new();

    let mut portrait: Vec<Content> = vec![Content::table(header_block::header_block(report))];
    tables += 1;
    portrait.extend(title::title(report).into_iter().map(Content::paragraph));

    let mut parts: Vec<Part> = Vec::new();
    for piece in body::body(report, &mut notes) {
        match piece {
            Piece::Paragraph(p) => portrait.push(Content::Paragraph(p)),
            Piece::Table(t) => {
                let t = *t;
                detail_tables.push((tables, t.header_rows));
                tables += 1;
                let mut content: Vec<Content> =
                    t.before.into_iter().map(Content::paragraph).collect();
                content.push(Content::table(t.table));
                if t.landscape {
                    match parts.last_mut() {
                        // Landscape tables one after another share their pages.
                        Some(last) if last.landscape && portrait.is_empty() => {
                            append(&mut last.content, content)
                        }
                        _ => {
                            parts.push(Part {
                                landscape: false,
                                restart: false,
                                content: std::mem::take(&mut portrait),
                            });
                            parts.push(Part {
                                landscape: true,
                                restart: false,
                                content,
                            });
                        }
                    }
                } else {
                    append(&mut portrait, content);
                }
            }
        }
    }
    if let Some(closing) = closing::closing_block(report) {
        // The end of the body stays on the page of the closing block.
        if let Some(Content::Paragraph(last)) = portrait.last_mut() {
            let p = std::mem::replace(last.as_mut(), Paragraph::new());
            **last = p.keep_next(true);
        }
        append(&mut portrait, vec![Content::table(closing)]);
        tables += 1;
    }
    if portrait.is_empty() {
        portrait.push(Content::paragraph(Paragraph::new()));
    }
    parts.push(Part {
        landscape: false,
        restart: false,
        content: portrait,
    });
    // Each appendix on pages of its own after the signature (nd30.md §10).
    for a in &report.body.appendices {
        let pages = appendix::appendix(a, report.density, &mut notes);
        let mut content: Vec<Content> = pages.heading.into_iter().map(Content::paragraph).collect();
        for piece in pages.pieces {
            match piece {
                Piece::Paragraph(p) => content.push(Content::Paragraph(p)),
                Piece::Table(t) => {
                    detail_tables.push((tables, t.header_rows));
                    tables += 1;
                    let mut more: Vec<Content> =
                        t.before.into_iter().map(Content::paragraph).collect();
                    more.push(Content::table(t.table));
                    append(&mut content, more);
                }
            }
        }
        parts.push(Part {
            landscape: pages.landscape,
            restart: true,
            content,
        });
    }
    let docx = page::lay_out(docx, parts);
    let facts = Facts {
        title: one_line(&report.title.summary),
        creator: one_line(&report.header.issuing_agency),
        detail_tables,
        has_footnotes: notes.count() > 0,
    };
    (docx, facts)
}

/// Builds the .docx of a report. Every report gives a valid file (an empty
/// one gives the header skeleton), and the same report always gives the same
/// bytes.
pub fn write(report: &Report) -> Vec<u8> {
    let (docx, facts) = build(report);
    let mut parts = pack::parts(docx.build());
    conform::correct(&mut parts, &facts);
    let parts = pack::referenced(parts);
    let parts = conform::declare_only_present_parts(parts);
    pack::zip(&parts)
}

/// Whether the .docx lays the detail table `t` on landscape pages (too
/// wide for a portrait page); the preview's pages follow it.
pub fn table_is_landscape(t: &baocao_model::Table) -> bool {
    tables::is_landscape(t)
}

/// The file name for a report's .docx: "BC-KTXH-thang-03-2025.docx" from its
/// kind and period (ASCII only, so any mail or document system takes it): a
/// report on cải cách hành chính is "BC-CCHC-…", one on kinh tế - xã hội
/// "BC-KTXH-…", another (a sector's report of its work) takes the ký hiệu
/// when it is plain ASCII ("BC-SNV-quy-I-2026.docx").
pub fn file_name(report: &Report) -> String {
    let summary = baocao_model::case::lower(&report.title.summary);
    let code = report.header.code.trim();
    let kind = if summary.contains("cải cách hành chính") {
        "BC-CCHC"
    } else if summary.contains("kinh tế") || summary.is_empty() {
        "BC-KTXH"
    } else if code.starts_with("BC-")
        && code.len() > 3
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        code
    } else {
        "BC-KTXH"
    };
    match report.report_period() {
        Some(p) => format!("{kind}-{}.docx", p.slug()),
        None => format!("{kind}.docx"),
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
        r.title.summary = "Kết quả công tác quý I năm 2026, nhiệm vụ quý II năm 2026".into();
        assert_eq!(file_name(&r), "BC-KTXH-quy-I-2026.docx");
        r.title.summary = "Công tác cải cách hành chính năm 2025 và phương hướng năm 2026".into();
        assert_eq!(file_name(&r), "BC-CCHC-nam-2025.docx");
        r.title.summary = "Công tác Cải cách hành chính quý I năm 2026".into();
        assert_eq!(file_name(&r), "BC-CCHC-quy-I-2026.docx");
        // A sector's report of its work takes the unit's ký hiệu.
        r.title.summary =
            "Kết quả thực hiện nhiệm vụ quý I năm 2026, nhiệm vụ trọng tâm quý II năm 2026".into();
        r.header.code = "BC-SNV".into();
        assert_eq!(file_name(&r), "BC-SNV-quy-I-2026.docx");
        r.header.code = "BC-SGDĐT".into();
        assert_eq!(file_name(&r), "BC-KTXH-quy-I-2026.docx");
    }
}

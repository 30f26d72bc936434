//! The report as HTML, for the page: inline content for the editor's text
//! fields (with carried-over figures and moved mentions of the period marked) and the whole report laid out as
//! an A4 page of Nghị định 30 for the preview and for printing.
//!
//! Only markup and classes are written here; how it looks lives in the
//! page's stylesheet, so the preview and the print use one set of rules.

use crate::table::{self, CellShape};
use baocao_model::{Block, Density, Inline, Level, MovedMark, Report, Section, Style, NOTE_CHAR};
use std::fmt::Write;
use std::ops::Range;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            NOTE_CHAR => {}
            c => out.push(c),
        }
    }
    out
}

fn styled(out: &mut String, text: &str, style: Style) {
    if text.is_empty() {
        return;
    }
    let tags: Vec<&str> = [
        (style.bold, "b"),
        (style.italic, "i"),
        (style.underline, "u"),
        (style.sup, "sup"),
        (style.sub && !style.sup, "sub"),
    ]
    .into_iter()
    .filter_map(|(on, tag)| on.then_some(tag))
    .collect();
    for t in &tags {
        let _ = write!(out, "<{t}>");
    }
    out.push_str(&escape(text));
    for t in tags.iter().rev() {
        let _ = write!(out, "</{t}>");
    }
}

/// Inline content as the editor shows it: bold, italic and raised runs,
/// footnote markers as non-editable numbers, and each carried-over figure
/// (a byte range of the editing text) in a `mark.stale`.
pub fn inlines_html(inlines: &[Inline], stale: &[Range<usize>]) -> String {
    let marks: Vec<HtmlMark> = stale.iter().cloned().map(HtmlMark::stale).collect();
    inlines_html_marked(inlines, &marks)
}

/// A stretch of the editing text the editor marks: a carried-over figure
/// (`mark.stale`) or a mention of the period moved on (`span.moved`), with
/// the tooltip its first piece carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlMark {
    pub span: Range<usize>,
    /// "mark" for a stale figure; "span" for a moved mention, so that a
    /// bare `mark` never stands for anything but a figure.
    pub tag: &'static str,
    pub class: &'static str,
    pub title: String,
}

impl HtmlMark {
    /// A figure copied from last month, not yet updated.
    pub fn stale(span: Range<usize>) -> Self {
        HtmlMark {
            span,
            tag: "mark",
            class: "stale",
            title: "Số liệu chép từ tháng trước, chưa cập nhật".to_string(),
        }
    }

    /// A mention of the period moved on by "Tạo báo cáo kỳ sau".
    pub fn moved(m: &MovedMark) -> Self {
        HtmlMark {
            span: m.span(),
            tag: "span",
            class: "moved",
            title: moved_title(m),
        }
    }
}

/// The tooltip of a moved mention: "Đã chuyển kỳ: «tháng 3/2025» → «tháng 4/2025»".
pub fn moved_title(m: &MovedMark) -> String {
    format!("Đã chuyển kỳ: «{}» → «{}»", m.was, m.text)
}

/// [`inlines_html`] with marks of any kind. Where marks overlap, the one
/// listed first shows.
pub fn inlines_html_marked(inlines: &[Inline], marks: &[HtmlMark]) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for inline in inlines {
        match inline {
            Inline::Note(id) => {
                let _ = write!(
                    out,
                    "<sup class=\"note\" contenteditable=\"false\" data-note=\"{0}\">{0}</sup>",
                    id.0
                );
                pos += NOTE_CHAR.len_utf8();
            }
            Inline::Text(run) => {
                let start = pos;
                let end = pos + run.text.len();
                // Cut the run where marks begin and end.
                let mut cuts = vec![0, run.text.len()];
                for m in marks {
                    for edge in [m.span.start, m.span.end] {
                        if edge > start && edge < end && run.text.is_char_boundary(edge - start) {
                            cuts.push(edge - start);
                        }
                    }
                }
                cuts.sort_unstable();
                cuts.dedup();
                for w in cuts.windows(2) {
                    let piece = &run.text[w[0]..w[1]];
                    let at = start + w[0];
                    let marked = marks.iter().find(|m| m.span.start <= at && at < m.span.end);
                    match marked {
                        Some(m) if m.span.start == at => {
                            let _ = write!(
                                out,
                                "<{} class=\"{}\" title=\"{}\">",
                                m.tag,
                                m.class,
                                escape(&m.title)
                            );
                            styled(&mut out, piece, run.style);
                            let _ = write!(out, "</{}>", m.tag);
                        }
                        Some(m) => {
                            let _ = write!(out, "<{} class=\"{}\">", m.tag, m.class);
                            styled(&mut out, piece, run.style);
                            let _ = write!(out, "</{}>", m.tag);
                        }
                        None => styled(&mut out, piece, run.style),
                    }
                }
                pos = end;
            }
        }
    }
    out
}

/// A section with everything under it, as on the printed page (for the
/// reference beside the editor).
pub fn section_html_string(s: &Section) -> String {
    let mut out = String::new();
    section_html(&mut out, s);
    out
}

/// Inline content for the printed page: footnote markers as raised numbers.
fn print_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Note(id) => {
                let _ = write!(out, "<sup class=\"fn-ref\">{}</sup>", id.0);
            }
            Inline::Text(run) => styled(&mut out, &run.text, run.style),
        }
    }
    out
}

fn lines_html(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>")
}

fn section_html(out: &mut String, s: &Section) {
    let class = match s.heading.level {
        Level::Part => "h-part",
        Level::Item => "h-item",
        Level::SubItem => "h-subitem",
        Level::Point => "h-point",
    };
    let _ = write!(
        out,
        "<p class=\"{class}\" data-block=\"{}\">{} {}</p>",
        s.id.0,
        escape(&s.heading.label()),
        print_inlines(&s.heading.title)
    );
    blocks_html(out, &s.blocks);
    for c in &s.children {
        section_html(out, c);
    }
}

fn blocks_html(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let _ = write!(
                    out,
                    "<p class=\"para\" data-block=\"{}\">{}</p>",
                    p.id.0,
                    print_inlines(&p.inlines)
                );
            }
            Block::Table(t) => {
                out.push_str("<div class=\"detail\">");
                if !t.title.trim().is_empty() {
                    let _ = write!(out, "<p class=\"table-title\">{}</p>", escape(&t.title));
                }
                if !t.unit.trim().is_empty() {
                    let _ = write!(out, "<p class=\"table-unit\">{}</p>", escape(&t.unit));
                }
                let _ = write!(
                    out,
                    "<table class=\"detail-table\" data-block=\"{}\"><thead>",
                    t.id.0
                );
                detail_rows(out, t);
                out.push_str("</tbody></table></div>");
            }
        }
    }
}

/// The rows of a detail table, from inside `<thead>` to inside `<tbody>`:
/// header rows (one, or more for a table read from a .docx), merged cells
/// as colspan/rowspan, figures right-aligned, an STT column centred.
fn detail_rows(out: &mut String, t: &baocao_model::Table) {
    let header_rows = table::header_rows(t);
    let width = table::width(t);
    let stt = t
        .columns
        .first()
        .is_some_and(|h| matches!(h.trim(), "STT" | "TT" | "Stt" | "Số TT"));
    let grid = std::iter::once(&t.columns).chain(t.rows.iter());
    for (r, row) in grid.enumerate() {
        if r == header_rows {
            out.push_str("</thead><tbody>");
        }
        out.push_str("<tr>");
        for c in 0..width {
            let cell = row.get(c).map(String::as_str).unwrap_or("");
            let mut attrs = String::new();
            match table::shape(t, r, c) {
                CellShape::Drawn { cols, rows } => {
                    if cols > 1 {
                        let _ = write!(attrs, " colspan=\"{cols}\"");
                    }
                    if rows > 1 {
                        let _ = write!(attrs, " rowspan=\"{rows}\"");
                    }
                }
                // Covered by a merged cell.
                CellShape::Covered => continue,
            }
            if r < header_rows {
                let _ = write!(out, "<th{attrs}>{}</th>", lines_html(cell));
                continue;
            }
            let numeric = !cell.trim().is_empty()
                && cell
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,%-+ ".contains(c));
            let class = if c == 0 && stt {
                " class=\"stt\""
            } else if numeric {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}{attrs}>{}</td>", lines_html(cell));
        }
        out.push_str("</tr>");
    }
    if t.rows.len() < header_rows {
        out.push_str("</thead><tbody>");
    }
}

/// The whole report as one A4 page of Nghị định 30: the header block as a
/// two-column table, tên loại and trích yếu, the body, Nơi nhận beside the
/// signature block, and the footnotes at the bottom.
pub fn report_html(report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let h = &report.header;
    // The density the .docx uses, for the page's rules (style/main.css).
    let density = match report.density {
        Density::Office => "density-office",
        Density::Airy => "density-airy",
        Density::Compact => "density-compact",
    };
    let _ = write!(out, "<article class=\"a4 {density}\" lang=\"vi\">");
    // Header block: agencies and Số on the left, Quốc hiệu and date on the right.
    out.push_str("<table class=\"doc-head\"><tr><td class=\"head-left\"><div class=\"agency\">");
    if !h.parent_agency.trim().is_empty() {
        let _ = write!(
            out,
            "<p class=\"parent\">{}</p>",
            lines_html(&baocao_model::case::upper(&h.parent_agency))
        );
    }
    let _ = write!(
        out,
        "<p class=\"issuer\">{}</p><span class=\"rule rule-agency\"></span></div></td>",
        lines_html(&baocao_model::case::upper(&h.issuing_agency))
    );
    out.push_str(
        "<td class=\"head-right\"><p class=\"qh\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\
         <p class=\"tn\"><span>Độc lập - Tự do - Hạnh phúc</span></p></td></tr>",
    );
    let number = if h.number.trim().is_empty() {
        "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}".to_string()
    } else {
        escape(h.number.trim())
    };
    let _ = write!(
        out,
        "<tr><td class=\"head-left\"><p class=\"number\">Số: {number}/{}</p></td>",
        escape(&h.code)
    );
    let place = if h.place.trim().is_empty() {
        String::new()
    } else {
        format!("{}, ", escape(h.place.trim()))
    };
    let _ = write!(
        out,
        "<td class=\"head-right\"><p class=\"place-date\">{place}{}</p></td></tr></table>",
        escape(&h.date.decree_text()).replace("  ", "\u{a0}\u{a0}")
    );
    // Tên loại and trích yếu with the short line under it.
    let _ = write!(
        out,
        "<div class=\"title\"><p class=\"kind\">{}</p><p class=\"summary\"><span>{}</span></p><span class=\"rule rule-summary\"></span></div>",
        escape(&report.title.kind),
        lines_html(&report.title.summary)
    );
    out.push_str("<div class=\"doc-body\">");
    blocks_html(&mut out, &report.body.intro);
    for s in &report.body.sections {
        section_html(&mut out, s);
    }
    out.push_str("</div>");
    // Nơi nhận beside the signature block.
    out.push_str("<table class=\"closing\"><tr><td class=\"recipients\">");
    if !report.recipients.is_empty() {
        out.push_str("<p class=\"recipients-label\">Nơi nhận:</p>");
        for r in &report.recipients {
            let _ = write!(out, "<p class=\"recipient\">- {}</p>", escape(r));
        }
    }
    out.push_str("</td><td class=\"signature\">");
    let sig = &report.signature;
    for a in &sig.authority {
        let _ = write!(out, "<p class=\"authority\">{}</p>", escape(a));
    }
    if !sig.position.trim().is_empty() {
        let _ = write!(out, "<p class=\"position\">{}</p>", escape(&sig.position));
    }
    out.push_str("<div class=\"sign-space\"></div>");
    if !sig.signer.trim().is_empty() {
        let _ = write!(out, "<p class=\"signer\">{}</p>", escape(&sig.signer));
    }
    out.push_str("</td></tr></table>");
    if !report.footnotes.is_empty() {
        out.push_str("<section class=\"footnotes\" aria-label=\"Chú thích\"><hr>");
        for f in &report.footnotes {
            let _ = write!(
                out,
                "<p class=\"footnote\"><sup>{}</sup> {}</p>",
                f.id.0,
                print_inlines(&f.content)
            );
        }
        out.push_str("</section>");
    }
    // Each appendix after the signature, on a page of its own (nd30.md §10).
    for a in &report.body.appendices {
        appendix_html(&mut out, a);
    }
    out.push_str("</article>");
    out
}

/// An appendix: "Phụ lục I" and its title bold and centred, the "(Kèm
/// theo …)" line in italics with a short line under it, then its blocks.
fn appendix_html(out: &mut String, a: &baocao_model::Appendix) {
    let _ = write!(
        out,
        "<section class=\"appendix\" data-block=\"{}\" aria-label=\"{}\"><p class=\"appendix-label\">{}</p>",
        a.id.0,
        escape(&a.name()),
        escape(&a.label)
    );
    if !a.title.trim().is_empty() {
        let _ = write!(
            out,
            "<p class=\"appendix-title\">{}</p>",
            lines_html(&a.title)
        );
    }
    if !a.reference.trim().is_empty() {
        let _ = write!(
            out,
            "<p class=\"appendix-ref\"><span>{}</span></p><span class=\"rule rule-summary\"></span>",
            escape(&a.reference)
        );
    }
    blocks_html(out, &a.blocks);
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::{FootnoteId, Style};

    #[test]
    fn the_page_carries_the_reports_density() {
        let mut r = Report::new();
        assert!(report_html(&r).starts_with(r#"<article class="a4 density-office" lang="vi">"#));
        r.density = Density::Airy;
        assert!(report_html(&r).starts_with(r#"<article class="a4 density-airy" lang="vi">"#));
        r.density = Density::Compact;
        assert!(report_html(&r).starts_with(r#"<article class="a4 density-compact" lang="vi">"#));
    }

    #[test]
    fn editor_html_marks_moved_mentions_apart_from_stale_figures() {
        let inlines = vec![Inline::text("Trong tháng 4/2025 thu 10.595 triệu")];
        let moved = MovedMark {
            place: baocao_model::FigurePlace::Summary,
            start: "Trong ".len(),
            text: "tháng 4/2025".into(),
            was: "tháng 3/2025".into(),
        };
        let at = "Trong tháng 4/2025 thu ".len();
        let marks = [
            HtmlMark::stale(at..at + "10.595".len()),
            HtmlMark::moved(&moved),
        ];
        assert_eq!(
            inlines_html_marked(&inlines, &marks),
            "Trong <span class=\"moved\" title=\"Đã chuyển kỳ: «tháng 3/2025» → «tháng 4/2025»\">tháng 4/2025</span> thu \
             <mark class=\"stale\" title=\"Số liệu chép từ tháng trước, chưa cập nhật\">10.595</mark> triệu"
        );
    }

    #[test]
    fn editor_html_marks_stale_figures_inside_runs() {
        let inlines = vec![
            Inline::text("thu 10.595 triệu, "),
            Inline::styled(
                "đạt 32,2%",
                Style {
                    bold: true,
                    ..Style::default()
                },
            ),
            Inline::Note(FootnoteId(3)),
        ];
        let text = baocao_model::edit_text(&inlines);
        let at = text.find("32,2").unwrap();
        let html = inlines_html(&inlines, &[4..10, at..at + 4]);
        assert_eq!(
            html,
            "thu <mark class=\"stale\" title=\"Số liệu chép từ tháng trước, chưa cập nhật\">10.595</mark> triệu, \
             <b>đạt </b><mark class=\"stale\" title=\"Số liệu chép từ tháng trước, chưa cập nhật\"><b>32,2</b></mark><b>%</b>\
             <sup class=\"note\" contenteditable=\"false\" data-note=\"3\">3</sup>"
        );
    }

    #[test]
    fn preview_tables_keep_merged_cells_and_header_rows() {
        use baocao_model::{BlockId, CellSpan, Table, TableLayout};
        let t = Table {
            id: BlockId(1),
            title: String::new(),
            unit: String::new(),
            columns: ["STT", "Chỉ tiêu", "Kết quả", ""]
                .map(String::from)
                .to_vec(),
            rows: vec![
                ["", "", "Kế hoạch", "Thực hiện"].map(String::from).to_vec(),
                ["1", "Thu", "32.900", "10.595"].map(String::from).to_vec(),
            ],
            layout: TableLayout {
                more_header_rows: 1,
                spans: vec![
                    CellSpan {
                        row: 0,
                        col: 0,
                        cols: 1,
                        rows: 2,
                    },
                    CellSpan {
                        row: 0,
                        col: 1,
                        cols: 1,
                        rows: 2,
                    },
                    CellSpan {
                        row: 0,
                        col: 2,
                        cols: 2,
                        rows: 1,
                    },
                ],
                widths: Vec::new(),
            },
            origin: None,
        };
        let mut out = String::new();
        detail_rows(&mut out, &t);
        assert_eq!(
            out,
            "<tr><th rowspan=\"2\">STT</th><th rowspan=\"2\">Chỉ tiêu</th><th colspan=\"2\">Kết quả</th></tr>\
             <tr><th>Kế hoạch</th><th>Thực hiện</th></tr></thead><tbody>\
             <tr><td class=\"stt\">1</td><td>Thu</td><td class=\"num\">32.900</td><td class=\"num\">10.595</td></tr>"
        );
    }

    #[test]
    fn appendices_follow_the_signature_each_on_a_page_of_its_own() {
        let r = baocao_import::import_text(
            "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu đạt 4.215 triệu đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\nPhụ lục I\nKẾT QUẢ THU <NGÂN SÁCH>\n(Kèm theo Báo cáo số      /BC-UBND)\n\n| STT | Nội dung | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 3.100 |\n",
        )
        .unwrap();
        let html = report_html(&r);
        let signer = html.find("Trần Văn Bình").unwrap();
        let id = r.body.appendices[0].id.0;
        let table = r.body.appendices[0].blocks[0].id().0;
        let expected = format!(
            "<section class=\"appendix\" data-block=\"{id}\" aria-label=\"Phụ lục I\"><p class=\"appendix-label\">Phụ lục I</p><p class=\"appendix-title\">KẾT QUẢ THU &lt;NGÂN SÁCH&gt;</p><p class=\"appendix-ref\"><span>(Kèm theo Báo cáo số      /BC-UBND)</span></p><span class=\"rule rule-summary\"></span><div class=\"detail\"><table class=\"detail-table\" data-block=\"{table}\">"
        );
        let at = html.find(&expected).expect(&html);
        assert!(signer < at, "after the signature");
        assert!(html[at..].contains("<td class=\"num\">3.100</td>"));
        assert!(html.ends_with("</section></article>"));
    }

    #[test]
    fn a_line_break_in_a_cell_is_a_line_break_in_the_preview() {
        let mut t = crate::outline::new_table(baocao_model::BlockId(1));
        t.columns[2] = "Kết quả\n(tỷ đồng)".into();
        t.rows[0] = ["1", "Thu ngân sách\nnhà <nước>", "12"]
            .map(String::from)
            .to_vec();
        let mut out = String::new();
        detail_rows(&mut out, &t);
        assert_eq!(
            out,
            "<tr><th>STT</th><th>Chỉ tiêu</th><th>Kết quả<br>(tỷ đồng)</th></tr></thead><tbody>\
             <tr><td class=\"stt\">1</td><td>Thu ngân sách<br>nhà &lt;nước&gt;</td><td class=\"num\">12</td></tr>"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            inlines_html(&[Inline::text("a < b & \"c\"")], &[]),
            "a &lt; b &amp; &quot;c&quot;"
        );
    }

    #[test]
    fn preview_lays_out_the_seed() {
        let r = baocao_import::import_text(baocao_testdata::MAR_2025).unwrap();
        let html = report_html(&r);
        assert!(html.contains("<p class=\"qh\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"));
        assert!(html.contains("Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-UBND"));
        assert!(html.contains("<p class=\"h-part\" data-block="));
        assert_eq!(html.matches("<p class=\"footnote\">").count(), 27);
        assert_eq!(html.matches("class=\"fn-ref\"").count(), 27);
        assert!(html.contains("<p class=\"recipient\">- Lưu: VT.</p>"));
        assert!(html.contains("<p class=\"authority\">TM. ỦY BAN NHÂN DÂN</p>"));
        // The closing block comes before the footnotes, at the bottom.
        assert!(html.find("class=\"closing\"") < html.find("class=\"footnotes\""));
    }
}

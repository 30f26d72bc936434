//! The reader on the four real reports in `tests/samples/` (see its README).
//! Every expected value here was read from the files themselves (their XML
//! through Python's zipfile, and the text LibreOffice extracts), not from
//! this reader's output.

use super::*;
use baocao_model::{plain_text, Block, CellSpan, Level, Section, Table, Visit};

fn sample(name: &str) -> DocxImport {
    let path = format!("{}/{name}.docx", baocao_testdata::SAMPLES_DIR);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_docx(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// How many headings of each level: (parts, items, sub-items, points).
fn levels(r: &Report) -> (usize, usize, usize, usize) {
    let flat = r.body.sections_flat();
    let count = |l: Level| flat.iter().filter(|s| s.heading.level == l).count();
    (
        count(Level::Part),
        count(Level::Item),
        count(Level::SubItem),
        count(Level::Point),
    )
}

fn tables(r: &Report) -> Vec<&Table> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
        for b in blocks {
            if let Block::Table(t) = b {
                out.push(t);
            }
        }
    }
    fn sections<'a>(s: &'a Section, out: &mut Vec<&'a Table>) {
        walk(&s.blocks, out);
        for c in &s.children {
            sections(c, out);
        }
    }
    let mut found = Vec::new();
    walk(&r.body.intro, &mut found);
    for s in &r.body.sections {
        sections(s, &mut found);
    }
    for a in &r.body.appendices {
        walk(&a.blocks, &mut found);
    }
    found
}

/// The paragraphs of an appendix, as text.
fn appendix_paragraphs(a: &baocao_model::Appendix) -> Vec<String> {
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(plain_text(&p.inlines)),
            Block::Table(_) => None,
        })
        .collect()
}

/// Rows (header rows included) of each table of an appendix, in order.
fn appendix_table_rows(a: &baocao_model::Appendix) -> Vec<(usize, usize)> {
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some((1 + t.rows.len(), t.columns.len())),
            Block::Paragraph(_) => None,
        })
        .collect()
}

/// The appendix both CCHC files hold: "PHỤ LỤC", a title over two
/// paragraphs, the "(Kèm theo …)" line, then Biểu mẫu 1–7, each a label
/// paragraph, a caption and its table (Biểu mẫu 3 and 7 have two tables);
/// 9 tables of 5 grid columns with 21, 15, 19, 6, 21, 15, 15, 17 and 12
/// rows (counted in the XML).
fn assert_cchc_appendix(a: &baocao_model::Appendix) {
    assert_eq!(a.label, "PHỤ LỤC");
    assert_eq!(a.name(), "Phụ lục");
    assert_eq!(
        a.title,
        "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025\nCỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    );
    assert!(
        a.reference
            .starts_with("(Kèm theo Báo cáo số        /BC-UBND ngày       tháng 12"),
        "{}",
        a.reference
    );
    assert!(
        a.reference
            .ends_with("tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)"),
        "{}",
        a.reference
    );
    let paragraphs = appendix_paragraphs(a);
    assert_eq!(paragraphs.len(), 14, "{paragraphs:?}");
    assert_eq!(paragraphs[0], "Biểu mẫu 1");
    assert_eq!(paragraphs[1], "Công tác chỉ đạo điều hành CCHC");
    assert_eq!(paragraphs[12], "Biểu mẫu 7");
    assert_eq!(
        paragraphs[13],
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"
    );
    let rows: Vec<usize> = appendix_table_rows(a).iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [21, 15, 19, 6, 21, 15, 15, 17, 12]);
    assert!(appendix_table_rows(a).iter().all(|(_, c)| *c == 5));
}

#[test]
fn the_cchc_reports_appendix_is_its_own_part_after_the_signature() {
    let d = sample("bao-cao-cchc-nam-2025");
    let r = &d.report;
    assert_eq!(r.body.appendices.len(), 1);
    assert_cchc_appendix(&r.body.appendices[0]);
    // The body keeps none of the appendix: no table, no "Biểu mẫu" line.
    let mut in_body = Vec::new();
    for s in r.body.sections_flat() {
        for b in &s.blocks {
            match b {
                Block::Table(_) => in_body.push("a table".to_string()),
                Block::Paragraph(p) if plain_text(&p.inlines).starts_with("Biểu mẫu") => {
                    in_body.push(plain_text(&p.inlines))
                }
                Block::Paragraph(_) => {}
            }
        }
    }
    assert!(in_body.is_empty(), "{in_body:?}");
    // The signature block before it is whole.
    assert_eq!(r.signature.signer, "Nguyễn Ngọc Phúc");
    assert_eq!(r.signature.position, "PHÓ CHỦ TỊCH");
}

#[test]
fn an_appendix_on_its_own_is_one_appendix_and_no_header() {
    let d = sample("phu-luc-bao-cao-cchc-nam-2025");
    let r = &d.report;
    assert_eq!(r.body.appendices.len(), 1);
    assert_cchc_appendix(&r.body.appendices[0]);
    assert!(r.body.intro.is_empty() && r.body.sections.is_empty());
}

#[test]
fn reports_without_an_appendix_have_none() {
    for name in [
        "bao-cao-quan-ly-hoi-nam-2025",
        "van-ban-chi-dao-chi-so-cchc-2025",
    ] {
        assert!(sample(name).report.body.appendices.is_empty(), "{name}");
    }
}

fn heading_titles(r: &Report, level: Level) -> Vec<String> {
    r.body
        .sections_flat()
        .iter()
        .filter(|s| s.heading.level == level)
        .map(|s| format!("{} {}", s.heading.label(), plain_text(&s.heading.title)))
        .collect()
}

#[test]
fn cchc_report_header_title_and_closing() {
    let d = sample("bao-cao-cchc-nam-2025");
    let r = &d.report;
    assert_eq!(r.header.parent_agency, "");
    assert_eq!(r.header.issuing_agency, "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG");
    assert_eq!(r.header.number, "");
    assert_eq!(r.header.code, "BC-UBND");
    assert_eq!(r.header.place, "Lâm Đồng");
    assert_eq!(
        (r.header.date.day, r.header.date.month, r.header.date.year),
        (None, Some(12), Some(2025))
    );
    // The Quốc hiệu and Tiêu ngữ are recognised, not copied into the body.
    assert_eq!(r.source.motto.len(), 2);
    assert_eq!(r.title.kind, "BÁO CÁO");
    // The trích yếu is two centred lines in the file: read whole.
    assert_eq!(
        r.title.summary,
        "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng"
    );
    assert_eq!(
        r.recipients,
        [
            "Bộ Nội vụ;",
            "Thường trực Tỉnh ủy;",
            "Thường trực HĐND tỉnh;",
            "Chủ tịch, PCT UBND tỉnh (Đ/c Phúc);",
            "Các sở, ban, ngành tỉnh;",
            "UBND các xã, phường, đặc khu;",
            "Chánh, các PCVP UBND tỉnh;",
            "Lưu: VT, NC.Châu",
        ]
    );
    assert_eq!(r.signature.authority, ["KT. CHỦ TỊCH"]);
    assert_eq!(r.signature.position, "PHÓ CHỦ TỊCH");
    assert_eq!(r.signature.signer, "Nguyễn Ngọc Phúc");
    let mut body_text = String::new();
    r.body.visit(&mut |v| {
        if let Visit::Block(_, Block::Paragraph(p)) = v {
            body_text.push_str(&plain_text(&p.inlines));
        }
    });
    assert!(!body_text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA"));
    assert!(!body_text.contains("Độc lập - Tự do"));
}

#[test]
fn cchc_report_structure_footnotes_and_tables() {
    let d = sample("bao-cao-cchc-nam-2025");
    let r = &d.report;
    assert_eq!(
        d.stats,
        Stats {
            sections: 9,
            tables: 11,
            footnotes: 17
        }
    );
    // 4 parts (I–IV), 21 items, 26 points; no "2.1." sub-items in the body.
    assert_eq!(levels(r), (4, 21, 0, 26));
    assert_eq!(
        heading_titles(r, Level::Part),
        [
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
            "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
            "III. ĐÁNH GIÁ CHUNG",
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2026",
        ]
    );
    // 17 real footnotes, numbered in the order of their markers.
    assert_eq!(r.footnotes.len(), 17);
    let order: Vec<u32> = r.footnote_order().iter().map(|f| f.0).collect();
    assert_eq!(order, (1..=17).collect::<Vec<_>>());
    let first = plain_text(&r.footnotes[0].content);
    assert!(
        first.starts_with(
            "Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác"
        ),
        "{first}"
    );
    // Footnote 17 is three paragraphs in the file: "Trong đó:" and two dashes.
    let last = plain_text(&r.footnotes[16].content);
    assert!(
        last.starts_with("Trong đó: - Chi đầu tư phát triển (không bao gồm"),
        "{last}"
    );
    assert!(
        last.ends_with("bằng 93,34% dự toán HĐND tỉnh giao."),
        "{last}"
    );
    // Footnote 5 stands after "268 dự thảo văn bản QPPL".
    let mut before_5 = String::new();
    r.body.visit(&mut |v| {
        if let Visit::Block(_, Block::Paragraph(p)) = v {
            for (i, inline) in p.inlines.iter().enumerate() {
                if *inline == Inline::Note(baocao_model::FootnoteId(5)) {
                    before_5 = plain_text(&p.inlines[..i]);
                }
            }
        }
    });
    assert!(
        before_5.ends_with("thẩm định 268 dự thảo văn bản QPPL"),
        "{before_5}"
    );
    assert!(plain_text(&r.footnotes[4].content)
        .starts_with("Trước sáp nhập tỉnh: Sở Tư pháp tỉnh Lâm Đồng đã thẩm định 74"));
    // Its 9 detail tables (the appendix after the signature; the header and
    // closing tables are layout, not content).
    let t = tables(r);
    assert_eq!(t.len(), 9);
    assert_eq!(t[0].columns[0], "STT");
    // Two paragraphs in the cell of the .docx: two lines of the cell.
    assert_eq!(
        t[0].columns[1],
        "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)"
    );
    // An italic run keeps its formatting.
    let mut italic = false;
    r.body.visit(&mut |v| {
        if let Visit::Block(_, Block::Paragraph(p)) = v {
            if plain_text(&p.inlines).starts_with("(Số liệu cụ thể ở các nội dung") {
                italic = p
                    .inlines
                    .iter()
                    .all(|i| matches!(i, Inline::Text(run) if run.style.italic));
            }
        }
    });
    assert!(italic);
    // Three drawn lines (under the agency name, the Tiêu ngữ and the
    // trích yếu): counted as shapes, not named in the message.
    assert_eq!(d.dropped.shapes, 3);
    assert_eq!(d.dropped.message_vi(), None);
}

#[test]
fn appendix_tables_keep_their_merged_cells() {
    let d = sample("phu-luc-bao-cao-cchc-nam-2025");
    let r = &d.report;
    assert_eq!(
        d.stats,
        Stats {
            sections: 8,
            tables: 9,
            footnotes: 0
        }
    );
    // No header block: "PHỤ LỤC" is not taken for an agency name.
    assert_eq!(r.header.issuing_agency, "");
    let t = tables(r);
    assert_eq!(t.len(), 9);
    let b1 = t[0];
    // Biểu mẫu 1: 21 rows, a header over two rows; grid of 5 columns.
    assert_eq!(
        b1.columns,
        [
            "STT",
            "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
            "Kết quả thống kê",
            "",
            "Ghi chú"
        ]
    );
    assert_eq!(b1.rows.len(), 20);
    assert_eq!(b1.rows[0], ["", "", "Đơn vị tính", "Số liệu", ""]);
    assert_eq!(b1.layout.more_header_rows, 1);
    assert_eq!(b1.layout.widths, [1134, 7068, 2288, 1392, 1443]);
    let span = |row, col, cols, rows| CellSpan {
        row,
        col,
        cols,
        rows,
    };
    assert_eq!(
        b1.layout.spans,
        [
            span(0, 0, 1, 2),
            span(0, 1, 1, 2),
            span(0, 2, 2, 1),
            span(0, 4, 1, 2),
            // "Ghi chú" of rows 4.1.–4.1.3. is one merged cell.
            span(13, 4, 1, 4),
        ]
    );
    // STT numbered 1., 2.1., 3.3.1. with the units and figures in cells.
    assert_eq!(
        b1.rows[1][..4],
        [
            "1.",
            "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)",
            "Văn bản",
            "82"
        ]
    );
    assert_eq!(b1.rows[9][0], "3.3.1.");
    assert_eq!(b1.rows[17][3], "25.898");
    // 67 vertical merges in the file: every merged run of cells is one span.
    let covered: u32 = t
        .iter()
        .flat_map(|t| &t.layout.spans)
        .filter(|s| s.rows > 1)
        .map(|s| s.rows)
        .sum();
    assert_eq!(covered, 67);
}

#[test]
fn short_yearly_report_with_header_table_and_no_footnotes() {
    let d = sample("bao-cao-quan-ly-hoi-nam-2025");
    let r = &d.report;
    assert_eq!(
        d.stats,
        Stats {
            sections: 1,
            tables: 3,
            footnotes: 0
        }
    );
    assert_eq!(r.header.issuing_agency, "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG");
    assert_eq!(r.header.code, "BC-UBND");
    assert_eq!(r.header.place, "Lâm Đồng");
    assert_eq!(
        (r.header.date.day, r.header.date.month, r.header.date.year),
        (None, Some(1), Some(2026))
    );
    // The trích yếu sits in a one-cell table under "BÁO CÁO".
    assert_eq!(r.title.kind, "BÁO CÁO");
    assert_eq!(
        r.title.summary,
        "Tổ chức, hoạt động và quản lý hội năm 2025"
    );
    assert_eq!(levels(r), (4, 6, 0, 6));
    assert!(r.footnotes.is_empty());
    assert!(tables(r).is_empty());
    assert_eq!(
        r.recipients,
        [
            "Bộ Nội vụ;",
            "Chủ tịch, PCT. UBND tỉnh (Đ/c Tuấn);",
            "Sở Nội vụ;",
            "Lưu: VT, NC.Châu"
        ]
    );
    assert_eq!(r.signature.authority, ["KT. CHỦ TỊCH"]);
    assert_eq!(r.signature.position, "PHÓ CHỦ TỊCH");
    assert_eq!(r.signature.signer, "Đinh Văn Tuấn");
    // "4. Về kinh phí: Kinh phí hỗ trợ …" is a heading with run-in text.
    let item4 = r.body.sections[0].children[3].clone();
    assert_eq!(plain_text(&item4.heading.title), "Về kinh phí:");
}

#[test]
fn cong_van_has_its_v_v_line_and_one_footnote() {
    let d = sample("van-ban-chi-dao-chi-so-cchc-2025");
    let r = &d.report;
    assert_eq!(
        d.stats,
        Stats {
            sections: 1,
            tables: 2,
            footnotes: 1
        }
    );
    assert_eq!(r.header.issuing_agency, "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG");
    assert_eq!(r.header.code, "UBND-NC");
    assert_eq!(
        (r.header.date.day, r.header.date.month, r.header.date.year),
        (None, Some(12), Some(2025))
    );
    // A công văn: no tên loại, the "V/v …" line is its trích yếu.
    assert_eq!(r.title.kind, "");
    assert_eq!(
        r.title.summary,
        "V/v tập trung thực hiện các giải pháp khắc phục, cải thiện các chỉ số PAR Index, SIPAS, PAPI, PCI và Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công của tỉnh Lâm Đồng"
    );
    assert_eq!(levels(r), (2, 6, 0, 21));
    assert_eq!(r.footnotes.len(), 1);
    assert!(plain_text(&r.footnotes[0].content)
        .starts_with("Sở Công Thương, huyện Tuy Phong cũ, Công ty Xổ số kiến thiết Lâm Đồng (cũ)"));
    assert_eq!(r.recipients.len(), 8);
    assert_eq!(r.recipients[7], "Lưu: VT, HCQT, KTTH, NC.Châu");
    assert_eq!(r.signature.signer, "Nguyễn Ngọc Phúc");
    // "Kính gửi:" has no field in the model: it stays, as body text.
    let first = match &r.body.intro[0] {
        Block::Paragraph(p) => plain_text(&p.inlines),
        Block::Table(_) => String::new(),
    };
    assert_eq!(first, "Kính gửi:");
}

// ---- hand-written WordprocessingML for what the samples do not show ----

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn package(document_body: &str, extra: &[(&str, String)]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{document_body}</w:body></w:document>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
    for (name, xml) in extra {
        parts.push((name, xml.as_bytes()));
    }
    super::zip::tests::make_zip(&parts, true)
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn read(document_body: &str, extra: &[(&str, String)]) -> DocxImport {
    read_docx(&package(document_body, extra)).unwrap()
}

#[test]
fn a_signature_in_one_paragraph_with_soft_breaks() {
    let body = [
        para("I. KẾT QUẢ"),
        para("Thu ngân sách đạt kế hoạch."),
        para("Nơi nhận:"),
        para("- Như trên;"),
        para("- Lưu: VT."),
        r#"<w:p><w:r><w:t>KT. CHỦ TỊCH</w:t><w:br/><w:t>PHÓ CHỦ TỊCH</w:t><w:br/><w:br/><w:t>Nguyễn Văn A</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let r = read(&body, &[]).report;
    assert_eq!(r.recipients, ["Như trên;", "Lưu: VT."]);
    assert_eq!(r.signature.authority, ["KT. CHỦ TỊCH"]);
    assert_eq!(r.signature.position, "PHÓ CHỦ TỊCH");
    assert_eq!(r.signature.signer, "Nguyễn Văn A");
    assert_eq!(r.body.sections[0].blocks.len(), 1);
}

#[test]
fn footnotes_endnotes_and_custom_marks_in_reading_order() {
    let body = format!(
        r#"{}<w:p><w:r><w:t>Thu</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> chi</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> dư</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r></w:p>"#,
        para("I. KẾT QUẢ")
    );
    let note = |kind: &str, id: &str, text: &str| {
        format!(
            r#"<w:{kind} w:id="{id}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>"#
        )
    };
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{}{}</w:footnotes>"#,
        note("footnote", "3", "Ghi chú có dấu sao."),
        note("footnote", "2", "Ghi chú thứ nhất.")
    );
    let endnotes = format!(
        r#"<w:endnotes {W}>{}</w:endnotes>"#,
        note("endnote", "1", "Chú thích cuối.")
    );
    let d = read(
        &body,
        &[
            ("word/footnotes.xml", footnotes),
            ("word/endnotes.xml", endnotes),
        ],
    );
    let r = &d.report;
    let texts: Vec<String> = r.footnotes.iter().map(|f| plain_text(&f.content)).collect();
    assert_eq!(
        texts,
        [
            "Ghi chú thứ nhất.",
            "Chú thích cuối.",
            "* Ghi chú có dấu sao."
        ]
    );
    let Block::Paragraph(p) = &r.body.sections[0].blocks[0] else {
        panic!()
    };
    assert_eq!(plain_text(&p.inlines), "Thu¹ chi² dư³");
    assert_eq!(d.stats.footnotes, 3);
}

#[test]
fn numbering_given_by_a_paragraph_style() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let styled = |text: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="Muc"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    };
    let body = [
        para("I. KẾT QUẢ"),
        styled("Kinh tế"),
        para("Tăng trưởng khá."),
        styled("Xã hội"),
        // Numbering switched off on one paragraph of the style.
        r#"<w:p><w:pPr><w:pStyle w:val="Muc"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Ghi chú không đánh số.</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let r = read(
        &body,
        &[
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering),
        ],
    )
    .report;
    let items: Vec<String> = r.body.sections[0]
        .children
        .iter()
        .map(|s| format!("{} {}", s.heading.label(), plain_text(&s.heading.title)))
        .collect();
    assert_eq!(items, ["1. Kinh tế", "2. Xã hội"]);
    let Block::Paragraph(p) = &r.body.sections[0].children[1].blocks[0] else {
        panic!()
    };
    // Bold from the style reaches the runs.
    assert!(matches!(&p.inlines[0], Inline::Text(run) if run.style.bold));
    assert_eq!(plain_text(&p.inlines), "Ghi chú không đánh số.");
}

#[test]
fn fields_links_content_controls_and_hidden_text() {
    let body = [
        para("I. KẾT QUẢ"),
        r#"<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink><w:r><w:t>cổng thông tin</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> trang </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:smartTag><w:r><w:t>.</w:t></w:r></w:smartTag></w:p>"#.to_string(),
        format!(r#"<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>"#, para("Trong ô nội dung.")),
        r#"<w:p><w:r><w:t xml:space="preserve">A</w:t><w:tab/><w:t>B</w:t><w:sym w:font="Symbol" w:char="F02D"/><w:t>C</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let r = read(&body, &[]).report;
    let texts: Vec<String> = r.body.sections[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => plain_text(&p.inlines),
            Block::Table(_) => String::new(),
        })
        .collect();
    assert_eq!(
        texts,
        ["Xem cổng thông tin trang 3.", "Trong ô nội dung.", "A B-C"]
    );
}

#[test]
fn a_package_that_names_its_document_elsewhere() {
    let document = format!(
        r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
        para("I. KẾT QUẢ")
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let zip = super::zip::tests::make_zip(
        &[
            ("_rels/.rels", rels.as_bytes()),
            ("word/document2.xml", document.as_bytes()),
        ],
        true,
    );
    let r = read_docx(&zip).unwrap().report;
    assert_eq!(r.body.sections.len(), 1);
}

#[test]
fn text_comes_out_nfc() {
    // "Việt Nam" typed with combining marks (e + circumflex + dot below).
    let body = [para("I. KẾT QUẢ"), para("Vi\u{65}\u{302}\u{323}t Nam")].concat();
    let r = read(&body, &[]).report;
    let Block::Paragraph(p) = &r.body.sections[0].blocks[0] else {
        panic!()
    };
    assert_eq!(plain_text(&p.inlines), "Việt Nam");
}

#[test]
fn empty_numbered_paragraphs_and_rows_in_content_controls() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let numbered = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let row = |a: &str, b: &str| {
        format!(
            r#"<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"#,
            para(a),
            para(b)
        )
    };
    let body = [
        para("I. KẾT QUẢ"),
        numbered("Kinh tế"),
        // Word shows "2." on an empty numbered line; nothing is typed there.
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>"#.to_string(),
        numbered("Xã hội"),
        format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/></w:tblGrid>{}<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt></w:tbl>"#,
            row("STT", "Chỉ tiêu"),
            row("1", "Thu ngân sách")
        ),
    ]
    .concat();
    let r = read(&body, &[("word/numbering.xml", numbering)]).report;
    let part = &r.body.sections[0];
    let items: Vec<String> = part.children.iter().map(|s| s.heading.label()).collect();
    assert_eq!(items, ["1.", "3."]);
    let Block::Table(t) = &part.children[1].blocks[0] else {
        panic!("{:?}", part.children[1].blocks)
    };
    assert_eq!(t.rows, [["1", "Thu ngân sách"]]);
    assert_eq!(t.layout.widths, [1000, 3000]);
}

//! Round trip: seed text → import → .docx → read back with an XML reader
//! (docx-rs's own reader drops footnotes) → the same paragraphs, footnotes,
//! header fields and closing block as the model holds.
#![cfg(not(target_arch = "wasm32"))]

mod docx_support;

use docx_support::*;

#[test]
fn both_seeds_read_back_as_their_model() {
    for n in [0, 1] {
        let report = seed(n);
        let doc = write(&report);
        let body = doc.body();

        let (expected, note_order) = model_body(&report);
        let got: Vec<String> = body_paragraphs(&body).iter().map(El::text).collect();
        assert_eq!(got.len(), expected.len(), "seed {n}: paragraph count");
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(g, e, "seed {n}, paragraph {i}");
        }

        // Footnotes: one note per marker, in reading order, with its text.
        let notes: Vec<String> = match doc.parts.get("word/footnotes.xml") {
            Some(xml) => parse(xml)
                .kids("w:footnote")
                .filter(|f| f.attr("w:type").is_none())
                .map(|f| f.text().trim().to_string())
                .collect(),
            None => Vec::new(),
        };
        let expected_notes: Vec<String> = note_order
            .iter()
            .map(|id| {
                let f = report.footnote(*id).expect("every marker is defined");
                inline_text(&f.content).trim().to_string()
            })
            .collect();
        assert_eq!(notes, expected_notes, "seed {n}: footnotes");
        assert_eq!(notes.len(), if n == 1 { 27 } else { 0 });

        // The fields around the body.
        let tables: Vec<&El> = body.kids("w:tbl").collect();
        let header = tables[0];
        let header_text: Vec<String> = header.all("w:p").iter().map(|p| p.text()).collect();
        let date = report.header.date.decree_text();
        assert!(
            header_text.iter().any(|t| t.ends_with(&date)),
            "seed {n}: {date}"
        );
        let code = format!("/{}", report.header.code);
        assert!(header_text
            .iter()
            .any(|t| t.starts_with("Số: ") && t.ends_with(&code)));
        let title: Vec<String> = body.kids("w:p").take(2).map(|p| p.text()).collect();
        assert_eq!(
            title,
            [report.title.kind.clone(), report.title.summary.clone()]
        );
        let closing = tables[tables.len() - 1];
        let cells: Vec<&El> = closing.first("w:tr").expect("row").kids("w:tc").collect();
        let recipients: Vec<String> = cells[0]
            .kids("w:p")
            .skip(1)
            .map(|p| p.text().trim_start_matches("- ").to_string())
            .collect();
        assert_eq!(recipients, report.recipients, "seed {n}");
        let signature: Vec<String> = cells[1].kids("w:p").map(|p| p.text()).collect();
        let mut expected_signature = report.signature.authority.clone();
        expected_signature.push(report.signature.position.clone());
        expected_signature.push(report.signature.signer.clone());
        assert_eq!(signature, expected_signature, "seed {n}");
    }
}

/// A line break typed in a cell (and a header cell of two lines) goes out as
/// a break of the cell's paragraph and comes back as the same line break.
#[test]
fn a_line_break_in_a_table_cell_survives_the_docx() {
    let mut report = baocao_import::import_text(
        "I. KẾT QUẢ\n\n| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Thu | 12 |\n",
    )
    .unwrap();
    let mut cells = Vec::new();
    for s in &mut report.body.sections {
        for b in &mut s.blocks {
            if let baocao_model::Block::Table(t) = b {
                t.columns[2] = "Kết quả\n(tỷ đồng)".into();
                t.rows[0][1] = "Thu ngân sách\nnhà nước".into();
                cells.push(t.clone());
            }
        }
    }
    assert_eq!(cells.len(), 1);
    let bytes = baocao_docx::write(&report);
    let back = baocao_import::docx::read_docx(&bytes).unwrap().report;
    let mut got = Vec::new();
    for s in &back.body.sections {
        for b in &s.blocks {
            if let baocao_model::Block::Table(t) = b {
                got.push((t.columns.clone(), t.rows.clone()));
            }
        }
    }
    assert_eq!(
        got,
        [(
            vec![
                "STT".to_string(),
                "Chỉ tiêu".into(),
                "Kết quả\n(tỷ đồng)".into()
            ],
            vec![vec![
                "1".to_string(),
                "Thu ngân sách\nnhà nước".into(),
                "12".into()
            ]]
        )]
    );
}

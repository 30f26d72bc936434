//! The .docx is valid for every input: control characters, a 100,000-character
//! paragraph, 1,000 footnotes, an empty report. Each case is checked here and
//! written to `target/tmp/docx-check/` with both seeds and a report with
//! detail tables, for `scripts/check-docx.py` (openxml-audit, LibreOffice) to
//! check outside Rust. Write times are printed, not asserted; for real
//! figures run `cargo test --release --test docx_files -- --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

mod docx_support;

use baocao_model::{
    Block, BlockId, FootnoteId, Heading, Inline, Level, Report, Section, Style, Table,
};
use docx_support::*;
use std::path::PathBuf;
use std::time::Instant;

/// Every kind of character XML 1.0 cannot hold, and control characters it
/// can but that have no place in a report (DEL, a C1 control).
const CONTROL: &str = "\u{0}\u{1}\u{8}\u{b}\u{c}\u{e}\u{1f}\u{7f}\u{85}\u{fffe}\u{ffff}";

fn with_controls(s: &str) -> String {
    format!("{CONTROL}{s}{CONTROL}")
}

fn control_characters() -> Report {
    let mut r = report_with(
        vec![vec![
            Inline::text(with_controls("Thu ngân sách")),
            Inline::Note(FootnoteId(1)),
            Inline::styled(
                with_controls("đạt 97,1%"),
                Style {
                    bold: true,
                    ..Style::default()
                },
            ),
        ]],
        vec![(1, &with_controls("Chú thích có ký tự điều khiển"))],
    );
    r.header.issuing_agency = with_controls("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LẠNG SƠN");
    r.header.parent_agency = with_controls("UBND TỈNH");
    r.header.number = with_controls("05");
    r.header.code = with_controls("BC-UBND");
    r.header.place = with_controls("Lạng Sơn");
    r.title.kind = with_controls("BÁO CÁO");
    r.title.summary = with_controls("Tình hình tháng 3/2025");
    r.body.sections.push(Section {
        id: BlockId(50),
        heading: Heading {
            level: Level::Part,
            number: "I".into(),
            title: vec![Inline::text(with_controls("KẾT QUẢ"))],
            origin: None,
        },
        blocks: vec![Block::Table(Table {
            id: BlockId(51),
            title: with_controls("Biểu"),
            unit: with_controls("ĐVT: triệu đồng"),
            columns: vec![with_controls("Chỉ tiêu"), with_controls("Số liệu")],
            rows: vec![vec![with_controls("Thu"), with_controls("1.234")]],
            layout: Default::default(),
            origin: None,
        })],
        children: vec![],
    });
    r.recipients = vec![with_controls("UBND tỉnh (b/c);"), with_controls("Lưu: VT.")];
    r.signature.authority = vec![with_controls("TM. ỦY BAN NHÂN DÂN")];
    r.signature.position = with_controls("CHỦ TỊCH");
    r.signature.signer = with_controls("Nguyễn Văn A");
    r
}

fn long_paragraph() -> Report {
    let words = [
        "Tiếp", "tục", "triển", "khai", "thực", "hiện", "đề", "án", "06;",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < 100_000 {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(words[i % words.len()]);
        i += 1;
    }
    let text: String = text.chars().take(100_000).collect();
    let mut r = report_with(vec![vec![Inline::text(text.clone())]], vec![]);
    // A trích yếu of some twenty lines, far longer than any real one.
    r.title.summary = text.chars().take(1_500).collect();
    r
}

fn thousand_footnotes() -> Report {
    let paragraphs = (1..=1000)
        .map(|i| {
            vec![
                Inline::text(format!("Đoạn {i}")),
                Inline::Note(FootnoteId(i)),
            ]
        })
        .collect();
    let texts: Vec<String> = (1..=1000).map(|i| format!("Chú thích số {i}")).collect();
    report_with(
        paragraphs,
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u32 + 1, t.as_str()))
            .collect(),
    )
}

fn with_tables() -> Report {
    let mut r = seed(1);
    let cell = |s: &str| s.to_string();
    r.body.sections[0].blocks.push(Block::Table(Table {
        id: BlockId(900),
        title: "Kết quả thu ngân sách".into(),
        unit: "ĐVT: triệu đồng".into(),
        columns: ["STT", "Chỉ tiêu", "Dự toán năm", "Ước thực hiện", "Tỷ lệ"]
            .map(cell)
            .to_vec(),
        rows: (1..=60)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Chỉ tiêu thu số {i}"),
                    "32.900".into(),
                    "10.595".into(),
                    "32,2%".into(),
                ]
            })
            .collect(),
        layout: Default::default(),
        origin: None,
    }));
    let mut columns = vec![cell("Đơn vị")];
    columns.extend((1..=12).map(|m| format!("T{m}")));
    r.body.sections[1].blocks.push(Block::Table(Table {
        id: BlockId(901),
        title: String::new(),
        unit: String::new(),
        columns,
        rows: vec![std::iter::once(cell("Phường Chi Lăng"))
            .chain((1..=12).map(|m| m.to_string()))
            .collect()],
        layout: Default::default(),
        origin: None,
    }));
    r
}

/// Seed 1 with two appendices after its signature: Phụ lục I with a table
/// of 60 rows (over two pages), Phụ lục II with a table of 13 columns.
fn with_appendices() -> Report {
    let mut r = seed(1);
    let cell = |s: &str| s.to_string();
    let long = Table {
        id: BlockId(910),
        title: String::new(),
        unit: "ĐVT: triệu đồng".into(),
        columns: ["STT", "Xã, phường", "Dự toán", "Thực hiện"]
            .map(cell)
            .to_vec(),
        rows: (1..=60)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Đơn vị số {i}"),
                    "1.250".into(),
                    "987,5".into(),
                ]
            })
            .collect(),
        layout: Default::default(),
        origin: None,
    };
    let mut columns = vec![cell("Đơn vị")];
    columns.extend((1..=12).map(|m| format!("T{m}")));
    let wide = Table {
        id: BlockId(911),
        title: String::new(),
        unit: String::new(),
        columns,
        rows: vec![std::iter::once(cell("Phường Chi Lăng"))
            .chain((1..=12).map(|m| m.to_string()))
            .collect()],
        layout: Default::default(),
        origin: None,
    };
    r.body.appendices = vec![
        baocao_model::Appendix {
            id: BlockId(920),
            label: "Phụ lục I".into(),
            title: "KẾT QUẢ THU NGÂN SÁCH THEO XÃ, PHƯỜNG".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 3 năm 2025 của Ủy ban nhân dân thành phố Lạng Sơn)".into(),
            blocks: vec![Block::Table(long)],
            origin: None,
        },
        baocao_model::Appendix {
            id: BlockId(921),
            label: "Phụ lục II".into(),
            title: "THU NGÂN SÁCH THEO THÁNG".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 3 năm 2025 của Ủy ban nhân dân thành phố Lạng Sơn)".into(),
            blocks: vec![Block::Table(wide)],
            origin: None,
        },
    ];
    r
}

fn cases() -> Vec<(&'static str, Report)> {
    vec![
        ("seed-000", seed(0)),
        ("seed-001", seed(1)),
        ("control-characters", control_characters()),
        ("long-paragraph", long_paragraph()),
        ("thousand-footnotes", thousand_footnotes()),
        ("empty", Report::new()),
        ("tables", with_tables()),
        ("appendices", with_appendices()),
    ]
}

/// No character XML 1.0 forbids, anywhere in any part.
fn assert_xml_chars(doc: &Package) {
    for (name, xml) in &doc.parts {
        let bad = xml.chars().find(|c| {
            (*c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')
        });
        assert_eq!(bad, None, "{name}");
        parse(xml);
    }
}

#[test]
fn control_characters_are_dropped_and_the_text_kept() {
    let doc = write(&control_characters());
    assert_xml_chars(&doc);
    let body = doc.body();
    let text: Vec<String> = body.all("w:p").iter().map(|p| p.text()).collect();
    for expected in [
        "Thu ngân sáchđạt 97,1%",
        "I. KẾT QUẢ",
        "Tình hình tháng 3/2025",
        "Số: 05/BC-UBND",
        "- UBND tỉnh (b/c);",
        "Nguyễn Văn A",
        "Chỉ tiêu",
        "1.234",
        "ĐVT: triệu đồng",
    ] {
        assert!(text.iter().any(|t| t == expected), "{expected} in {text:?}");
    }
    let notes = doc.xml("word/footnotes.xml");
    let note = notes
        .kids("w:footnote")
        .find(|f| f.attr("w:id") == Some("1"))
        .expect("note 1");
    assert_eq!(note.text().trim(), "Chú thích có ký tự điều khiển");
    let all: String = doc.parts.values().map(String::as_str).collect();
    assert!(!all.contains('\u{7f}'), "DEL shows as a box in Word");
}

#[test]
fn a_100000_character_paragraph_is_written_whole() {
    let doc = write(&long_paragraph());
    assert_xml_chars(&doc);
    let body = doc.body();
    let longest = body_paragraphs(&body)
        .iter()
        .map(|p| p.text().chars().count())
        .max();
    assert_eq!(longest, Some(100_000));
}

#[test]
fn a_thousand_footnotes_are_numbered_1_to_1000() {
    let doc = write(&thousand_footnotes());
    let ids: Vec<i64> = doc
        .document()
        .all("w:footnoteReference")
        .iter()
        .map(|r| r.num("w:id"))
        .collect();
    assert_eq!(ids, (1..=1000).collect::<Vec<i64>>());
    let notes = doc.xml("word/footnotes.xml");
    let texts: Vec<String> = notes
        .kids("w:footnote")
        .filter(|f| f.attr("w:type").is_none())
        .map(|f| f.text().trim().to_string())
        .collect();
    assert_eq!(texts.len(), 1000);
    assert_eq!(texts[999], "Chú thích số 1000");
    assert_eq!(notes.kids("w:footnote").count(), 1002);
}

#[test]
fn an_empty_report_gives_the_header_skeleton() {
    let doc = write(&Report::new());
    assert_xml_chars(&doc);
    let body = doc.body();
    let tables: Vec<&El> = body.kids("w:tbl").collect();
    assert_eq!(tables.len(), 1, "the header block only");
    let header: Vec<String> = tables[0].all("w:p").iter().map(|p| p.text()).collect();
    assert!(header.contains(&"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_string()));
    assert!(header.contains(&"Độc lập - Tự do - Hạnh phúc".to_string()));
    assert!(header.iter().any(|t| t.starts_with("Số:")));
    assert!(header.iter().any(|t| t.starts_with("ngày ")));
    assert_eq!(
        body.kid("w:p").map(|p| p.text()).as_deref(),
        Some("BÁO CÁO")
    );
    assert!(!doc.parts.contains_key("word/footnotes.xml"));
    let sect = body.kid("w:sectPr").expect("sectPr");
    assert!(sect.kid("w:titlePg").is_some());
    // Every part the content types name is in the package, and back.
    let types = doc.xml("[Content_Types].xml");
    for o in types.kids("Override") {
        let name = o.attr("PartName").unwrap_or("").trim_start_matches('/');
        assert!(doc.parts.contains_key(name), "{name} declared but absent");
    }
}

/// Where the files for the checks outside Rust go.
fn check_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docx-check")
}

#[test]
fn writes_the_files_for_the_external_checks() {
    let dir = check_dir();
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for (name, report) in cases() {
        // Five writes: all give the same bytes; the median time is shown.
        let mut times = Vec::new();
        let mut outputs = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            outputs.push(baocao_docx::write(&report));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let bytes = &outputs[0];
        assert!(outputs.iter().all(|o| o == bytes), "{name}: same bytes");
        times.sort_by(f64::total_cmp);
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!(
            "docx {name}: {} bytes, written in {:.1} ms (median of 5)",
            bytes.len(),
            times[2]
        );
    }
}

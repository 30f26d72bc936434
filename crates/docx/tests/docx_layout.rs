//! The .docx of both seeds opened as Word would read it (zip + XML), and its
//! layout checked against Nghị định 30/2020/NĐ-CP, Phụ lục I (nd30.md):
//! page, fonts and sizes, the header block, the title, the body, footnotes,
//! the closing block, page numbers, properties; then detail tables and
//! determinism.
#![cfg(not(target_arch = "wasm32"))]

mod docx_support;

use baocao_model::{Block, BlockId, FootnoteId, Inline, Level, Report, Section, Table};
use docx_support::*;

/// 210 mm less the 30 mm and 20 mm margins offices use.
const TEXT_WIDTH: i64 = 9071;
const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

fn seeds() -> [(u32, Report); 2] {
    [(0, seed(0)), (1, seed(1))]
}

#[test]
fn pages_are_a4_with_the_decree_margins_and_numbered_from_page_two() {
    for (n, report) in seeds() {
        let doc = write(&report);
        let body = doc.body();
        let sect = body.kid("w:sectPr").expect("final sectPr");
        let page = sect.kid("w:pgSz").expect("pgSz");
        assert_eq!(
            (page.num("w:w"), page.num("w:h")),
            (11906, 16838),
            "seed {n}"
        );
        let m = sect.kid("w:pgMar").expect("pgMar");
        assert_eq!(
            [
                m.num("w:top"),
                m.num("w:bottom"),
                m.num("w:left"),
                m.num("w:right"),
                m.num("w:header")
            ],
            [1134, 1134, 1701, 1134, 567],
            "seed {n}"
        );
        // A different first page: its header is empty, the others hold PAGE.
        assert!(sect.kid("w:titlePg").is_some(), "seed {n}: titlePg");
        let first = doc.header(sect, "first");
        assert!(!first.has("w:fldChar") && !first.has("w:instrText"));
        assert_eq!(first.text(), "");
        let header = doc.header(sect, "default");
        let p = header.kid("w:p").expect("header paragraph");
        assert_eq!(
            p.pprop("w:jc").and_then(|j| j.attr("w:val")),
            Some("center")
        );
        let runs: Vec<&El> = p.kids("w:r").collect();
        let kinds: Vec<String> = runs
            .iter()
            .map(|r| {
                if let Some(f) = r.kid("w:fldChar") {
                    f.attr("w:fldCharType").unwrap_or("").to_string()
                } else if let Some(i) = r.kid("w:instrText") {
                    format!("instr:{}", i.text_content().trim())
                } else {
                    format!("text:{}", r.text())
                }
            })
            .collect();
        assert_eq!(
            kinds,
            ["begin", "instr:PAGE", "separate", "text:1", "end"],
            "seed {n}"
        );
        for r in runs {
            assert_times_new_roman(r, "page number");
            assert_eq!(size(r), 28, "page number 14 pt");
        }
    }
}

trait TextContent {
    fn text_content(&self) -> String;
}

impl TextContent for El {
    fn text_content(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Node::Text(t) => Some(t.as_str()),
                Node::El(_) => None,
            })
            .collect()
    }
}

#[test]
fn every_run_is_times_new_roman_with_its_own_size() {
    for (n, report) in seeds() {
        let doc = write(&report);
        let mut parts = vec!["word/document.xml", "word/footnotes.xml"];
        parts.extend(
            doc.parts
                .keys()
                .filter(|k| k.starts_with("word/header"))
                .map(String::as_str),
        );
        for part in parts {
            let Some(xml) = doc.parts.get(part) else {
                assert_eq!(n, 0, "seed {n} lacks {part}");
                continue;
            };
            for r in parse(xml).all("w:r") {
                if r.has("w:separator") || r.has("w:continuationSeparator") {
                    continue;
                }
                assert_times_new_roman(r, part);
                size(r);
            }
        }
        let styles = doc.xml("word/styles.xml");
        let defaults = styles.first("w:rPrDefault").expect("rPrDefault");
        let fonts = defaults.first("w:rFonts").expect("default fonts");
        for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
            assert_eq!(fonts.attr(slot), Some("Times New Roman"));
        }
        assert_eq!(
            defaults.first("w:lang").and_then(|l| l.attr("w:val")),
            Some("vi-VN")
        );
        assert_eq!(defaults.first("w:sz").map(|s| s.num("w:val")), Some(28));
    }
}

#[test]
fn header_block_follows_the_decree() {
    for (n, report) in seeds() {
        let body = write(&report).body();
        let table = body.kid("w:tbl").expect("header table");
        let props = table.kid("w:tblPr").expect("tblPr");
        for side in props.kid("w:tblCellMar").expect("cell margins").elements() {
            assert_eq!(side.num("w:w"), 0, "seed {n}: cell margin {}", side.name);
        }
        for side in props.kid("w:tblBorders").expect("borders").elements() {
            assert_eq!(side.attr("w:val"), Some("none"), "seed {n}: border");
        }
        let grid: Vec<i64> = table
            .all("w:gridCol")
            .iter()
            .map(|c| c.num("w:w"))
            .collect();
        // The offices' 100 mm on the right, the rest of the text width on
        // the left (a short agency name needs no more).
        assert_eq!(grid, [3402, 5669]);
        let rows: Vec<&El> = table.kids("w:tr").collect();
        assert_eq!(rows.len(), 2);
        let cells = |row: &El| row.kids("w:tc").cloned().collect::<Vec<El>>();

        // Right of row 1: Quốc hiệu, Tiêu ngữ, the line as long as the Tiêu ngữ.
        let right: Vec<El> = cells(rows[0])[1].kids("w:p").cloned().collect();
        assert_eq!(right[0].text(), QUOC_HIEU);
        for r in right[0].text_runs() {
            assert!(is_on(r, "w:b"));
            assert_eq!(size(r), 26, "Quốc hiệu 13 pt");
        }
        assert_eq!(right[1].text(), TIEU_NGU);
        for r in right[1].text_runs() {
            assert!(is_on(r, "w:b"));
            assert_eq!(size(r), 28, "Tiêu ngữ 14 pt");
        }
        // nd30.md §13: the Tiêu ngữ at 14 pt bold measures 3428 twips; the
        // cell's odd remainder (5669 − 3428) leaves the line one twip longer.
        assert_eq!(rule_length(&right[2], 5669), 3428 + 1, "seed {n}");

        // Row 2: "Số" 13 pt upright, place and date 14 pt italic.
        let number = cells(rows[1])[0].kid("w:p").cloned().expect("Số");
        // A blank number keeps room for it: "Số:        /BC-UBND".
        let code = if n == 0 { "" } else { "BC-UBND" };
        assert_eq!(number.text(), format!("Số: {}/{code}", " ".repeat(8)));
        for r in number.text_runs() {
            assert_eq!(size(r), 26);
            assert!(!is_on(r, "w:b") && !is_on(r, "w:i"));
        }
        let date = cells(rows[1])[1].kid("w:p").cloned().expect("date");
        for r in date.text_runs() {
            assert_eq!(size(r), 28);
            assert!(is_on(r, "w:i") && !is_on(r, "w:b"));
        }
        if n == 1 {
            // The blank day keeps its room, as the seed has it.
            assert_eq!(date.text(), "TP. Lạng Sơn, ngày      tháng 3 năm 2025");
        }
    }
}

#[test]
fn agencies_are_in_capitals_the_issuer_bold_with_a_line_of_two_fifths() {
    let mut report = seed(1);
    report.header.parent_agency = "UBND tỉnh Lạng Sơn".into();
    report.header.issuing_agency = "Ủy ban nhân dân\nthành phố Lạng Sơn".into();
    let doc = write(&report);
    let body = doc.body();
    let table = body.kid("w:tbl").expect("header table");
    let left: Vec<El> = table
        .kid("w:tr")
        .and_then(|r| r.kid("w:tc"))
        .expect("left cell")
        .kids("w:p")
        .cloned()
        .collect();
    let texts: Vec<String> = left.iter().map(El::text).collect();
    assert_eq!(
        texts,
        [
            "UBND TỈNH LẠNG SƠN",
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ LẠNG SƠN",
            ""
        ]
    );
    for r in left[0].text_runs() {
        assert!(!is_on(r, "w:b"), "cơ quan chủ quản is not bold");
        assert_eq!(size(r), 26);
    }
    for p in &left[1..3] {
        for r in p.text_runs() {
            assert!(is_on(r, "w:b"), "cơ quan ban hành is bold");
            assert_eq!(size(r), 26);
        }
    }
    // nd30.md §3.2: "THÀNH PHỐ LẠNG SƠN" at 13 pt bold is 2997 twips; the
    // line is 0.4 of it (within the decree's 1/3–1/2).
    let line = rule_length(&left[3], 3402);
    assert!((1198..=1200).contains(&line), "{line}");
    // The creator of the file is the issuing agency.
    let core = doc.xml("docProps/core.xml");
    assert_eq!(
        core.kid("dc:creator").map(|c| c.text_content()),
        Some("Ủy ban nhân dân thành phố Lạng Sơn".to_string())
    );
}

#[test]
fn title_is_centred_bold_with_a_short_line() {
    for (n, report) in seeds() {
        let doc = write(&report);
        let body = doc.body();
        let paragraphs: Vec<&El> = body.kids("w:p").collect();
        let (kind, summary, line) = (paragraphs[0], paragraphs[1], paragraphs[2]);
        assert_eq!(kind.text(), "BÁO CÁO");
        assert_eq!(summary.text(), report.title.summary, "seed {n}");
        for p in [kind, summary] {
            assert_eq!(
                p.pprop("w:jc").and_then(|j| j.attr("w:val")),
                Some("center")
            );
            for r in p.text_runs() {
                assert!(is_on(r, "w:b"));
                assert_eq!(size(r), 28);
            }
        }
        // Broken by hand before "tháng 3/2025" into two lines; the longest,
        // "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh",
        // measures 6987 twips at 14 pt bold (Liberation Serif), and the line
        // is a third of it.
        assert_eq!(summary.all("w:br").len(), 1, "seed {n}");
        let length = rule_length(line, TEXT_WIDTH);
        assert!((2328..=2330).contains(&length), "seed {n}: {length}");
        assert!(length * 3 >= 6987 - 3 && length * 2 <= 6987);
        // The title property of the file is the trích yếu.
        let core = doc.xml("docProps/core.xml");
        assert_eq!(
            core.kid("dc:title").map(|t| t.text_content()),
            Some(report.title.summary.clone())
        );
        // A report with no agency has no creator rather than "unknown".
        assert!(core.kid("dc:creator").is_none());
    }
}

#[test]
fn body_paragraphs_are_justified_indented_and_spaced() {
    for (n, report) in seeds() {
        let body = write(&report).body();
        let paragraphs = body_paragraphs(&body);
        let (texts, _) = model_body(&report);
        assert_eq!(paragraphs.len(), texts.len(), "seed {n}");
        for p in &paragraphs {
            assert_eq!(p.pprop("w:jc").and_then(|j| j.attr("w:val")), Some("both"));
            let ind = p.pprop("w:ind").expect("indent");
            assert_eq!(ind.attr("w:firstLine"), Some("720"), "1.27 cm");
            let spacing = p.pprop("w:spacing").expect("spacing");
            assert!(
                spacing.num("w:before") + spacing.num("w:after") >= 120,
                "≥ 6 pt"
            );
            let line = spacing.num("w:line");
            assert!((240..=360).contains(&line), "line spacing {line}");
            assert_eq!(spacing.attr("w:lineRule"), Some("auto"));
            for r in p.text_runs() {
                assert!(size(r) == 28, "body 14 pt");
            }
        }
        // Headings by level: parts and items bold, sub-items bold italic,
        // titled points italic.
        for s in sections(&report) {
            let label = s.heading.label();
            let p = paragraphs
                .iter()
                .find(|p| p.text().starts_with(&format!("{label} ")))
                .unwrap_or_else(|| panic!("seed {n}: heading {label}"));
            let run = p.text_runs()[0];
            let (bold, italic) = (is_on(run, "w:b"), is_on(run, "w:i"));
            match s.heading.level {
                Level::Part | Level::Item => assert!(bold && !italic, "{label}"),
                Level::SubItem => assert!(bold && italic, "{label}"),
                Level::Point => assert!(!bold && italic, "{label}"),
            }
            assert!(
                p.pprop("w:keepNext").is_some(),
                "{label} stays with its text"
            );
        }
    }
}

#[test]
fn bold_italic_and_superscript_runs_are_kept() {
    let bold = baocao_model::Style {
        bold: true,
        ..Default::default()
    };
    let sup = baocao_model::Style {
        sup: true,
        ..Default::default()
    };
    let italic = baocao_model::Style {
        italic: true,
        ..Default::default()
    };
    let report = report_with(
        vec![vec![
            Inline::text("Diện tích 230m"),
            Inline::styled("2", sup),
            Inline::text(", tổng số tiền "),
            Inline::styled("75.013.100 đồng", bold),
            Inline::text(" ("),
            Inline::styled("giảm 01 vụ", italic),
            Inline::text(")."),
        ]],
        vec![],
    );
    let body = write(&report).body();
    let runs: Vec<El> = body
        .kids("w:p")
        .find(|p| p.text().starts_with("Diện tích"))
        .expect("paragraph")
        .text_runs()
        .into_iter()
        .cloned()
        .collect();
    let find = |t: &str| runs.iter().find(|r| r.text() == t).expect(t);
    assert_eq!(
        find("2").prop("w:vertAlign").and_then(|v| v.attr("w:val")),
        Some("superscript")
    );
    assert!(is_on(find("75.013.100 đồng"), "w:b"));
    assert!(is_on(find("giảm 01 vụ"), "w:i"));
    assert!(!is_on(find("Diện tích 230m"), "w:b"));
}

#[test]
fn seed_001_has_27_real_footnotes_each_referenced_once() {
    let report = seed(1);
    let doc = write(&report);
    let document = doc.document();
    let refs: Vec<&El> = document.all("w:footnoteReference");
    let ids: Vec<i64> = refs.iter().map(|r| r.num("w:id")).collect();
    assert_eq!(ids, (1..=27).collect::<Vec<i64>>());
    for run in document.all("w:r") {
        if run.kid("w:footnoteReference").is_some() {
            assert_eq!(
                run.prop("w:rStyle").and_then(|s| s.attr("w:val")),
                Some("FootnoteReference")
            );
            assert_eq!(
                run.prop("w:vertAlign").and_then(|v| v.attr("w:val")),
                Some("superscript")
            );
        }
    }
    let notes = doc.xml("word/footnotes.xml");
    let all: Vec<&El> = notes.kids("w:footnote").collect();
    assert_eq!(all.len(), 29);
    assert_eq!(all[0].attr("w:type"), Some("separator"));
    assert_eq!(all[0].attr("w:id"), Some("-1"));
    assert!(all[0].has("w:separator"));
    assert_eq!(all[1].attr("w:type"), Some("continuationSeparator"));
    assert_eq!(all[1].attr("w:id"), Some("0"));
    assert!(all[1].has("w:continuationSeparator"));
    for (i, note) in all[2..].iter().enumerate() {
        assert_eq!(note.num("w:id"), i as i64 + 1);
        let p = note.kid("w:p").expect("note paragraph");
        assert_eq!(
            p.pprop("w:pStyle").and_then(|s| s.attr("w:val")),
            Some("FootnoteText")
        );
        let first = p.kid("w:r").expect("first run");
        assert!(
            first.kid("w:footnoteRef").is_some(),
            "note {} number",
            i + 1
        );
        assert_eq!(
            first.prop("w:rStyle").and_then(|s| s.attr("w:val")),
            Some("FootnoteReference")
        );
        for r in p.text_runs() {
            assert_eq!(size(r), 22, "footnote text 11 pt");
        }
    }
    let styles = doc.xml("word/styles.xml");
    let style = |id: &str| {
        styles
            .kids("w:style")
            .find(|s| s.attr("w:styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id} not defined"))
            .clone()
    };
    let reference = style("FootnoteReference");
    assert_eq!(reference.attr("w:type"), Some("character"));
    assert_eq!(
        reference.first("w:vertAlign").and_then(|v| v.attr("w:val")),
        Some("superscript")
    );
    let text = style("FootnoteText");
    assert_eq!(text.attr("w:type"), Some("paragraph"));
    assert_eq!(text.first("w:sz").map(|s| s.num("w:val")), Some(22));
    let settings = doc.xml("word/settings.xml");
    let pr = settings.kid("w:footnotePr").expect("footnotePr");
    let sep: Vec<&str> = pr
        .kids("w:footnote")
        .filter_map(|f| f.attr("w:id"))
        .collect();
    assert_eq!(sep, ["-1", "0"]);
}

#[test]
fn closing_block_has_nơi_nhận_and_the_signature_side_by_side() {
    let report = seed(1);
    let body = write(&report).body();
    let table = body.kids("w:tbl").last().expect("closing table").clone();
    let row = table.kid("w:tr").expect("row");
    assert!(
        row.first("w:cantSplit").is_some(),
        "the block stays on one page"
    );
    let cells: Vec<&El> = row.kids("w:tc").collect();
    let left: Vec<&El> = cells[0].kids("w:p").collect();
    assert_eq!(left[0].text(), "Nơi nhận:");
    for r in left[0].text_runs() {
        assert!(is_on(r, "w:b") && is_on(r, "w:i"));
        assert_eq!(size(r), 24, "Nơi nhận 12 pt");
    }
    let items: Vec<String> = left[1..].iter().map(|p| p.text()).collect();
    let expected: Vec<String> = report.recipients.iter().map(|r| format!("- {r}")).collect();
    assert_eq!(items, expected);
    assert_eq!(items.last().map(String::as_str), Some("- Lưu: VT."));
    for (p, item) in left[1..].iter().zip(&items) {
        assert!(item.ends_with(';') || item.ends_with('.'), "{item}");
        for r in p.text_runs() {
            assert_eq!(size(r), 22, "recipients 11 pt");
            assert!(!is_on(r, "w:b") && !is_on(r, "w:i"));
        }
        let ind = p.pprop("w:ind").expect("hanging indent");
        assert_eq!(ind.attr("w:hanging"), ind.attr("w:left"));
    }
    let right: Vec<&El> = cells[1].kids("w:p").collect();
    let lines: Vec<String> = right.iter().map(|p| p.text()).collect();
    assert_eq!(
        lines,
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hạnh"]
    );
    for p in &right {
        assert_eq!(
            p.pprop("w:jc").and_then(|j| j.attr("w:val")),
            Some("center")
        );
        for r in p.text_runs() {
            assert!(is_on(r, "w:b"));
            assert_eq!(size(r), 28);
        }
    }
    // Room for the signature and the seal above the name: 30 mm.
    let room = right[2]
        .pprop("w:spacing")
        .expect("spacing")
        .num("w:before");
    assert!(room >= 1300, "{room}");
}

fn table(columns: &[&str], rows: &[&[&str]]) -> Block {
    Block::Table(Table {
        id: BlockId(100),
        title: String::new(),
        unit: "ĐVT: triệu đồng".into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        layout: Default::default(),
        origin: None,
    })
}

#[test]
fn detail_tables_repeat_their_header_and_wide_ones_go_landscape() {
    let mut report = seed(1);
    let narrow = table(
        &["STT", "Chỉ tiêu", "Dự toán", "Thực hiện", "Tỷ lệ"],
        &[
            &["1", "Thu ngân sách", "32.900", "10.595", "32,2%"],
            &["2", "Thu tiền sử dụng đất", "150.000", "12.345,5", "8,2%"],
        ],
    );
    let wide_columns: Vec<String> = (1..=12).map(|m| format!("T{m}")).collect();
    let mut columns: Vec<&str> = vec!["Đơn vị"];
    columns.extend(wide_columns.iter().map(String::as_str));
    let wide = table(
        &columns,
        &[&[
            "Phường Chi Lăng",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
        ]],
    );
    let first = &mut report.body.sections[0];
    first.blocks.push(narrow);
    first.blocks.push(wide);
    let body = write(&report).body();
    let tables: Vec<&El> = body.all("w:tbl");
    // header block, narrow, wide, closing block
    assert_eq!(tables.len(), 4);
    for (t, columns) in [(tables[1], 5), (tables[2], 13)] {
        let borders = t.first("w:tblBorders").expect("borders");
        for side in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            let b = borders.kid(side).expect(side);
            assert_eq!(b.attr("w:val"), Some("single"));
            assert_eq!(b.attr("w:sz"), Some("4"));
        }
        let rows: Vec<&El> = t.kids("w:tr").collect();
        assert!(rows[0].first("w:tblHeader").is_some(), "header row repeats");
        assert!(rows[1..].iter().all(|r| r.first("w:tblHeader").is_none()));
        assert!(rows.iter().all(|r| r.first("w:cantSplit").is_some()));
        for c in rows[0].kids("w:tc") {
            let p = c.kid("w:p").expect("cell paragraph");
            assert_eq!(
                p.pprop("w:jc").and_then(|j| j.attr("w:val")),
                Some("center")
            );
            assert!(p.text_runs().iter().all(|r| is_on(r, "w:b")));
        }
        assert_eq!(rows[0].kids("w:tc").count(), columns);
    }
    let align = |t: &El, row: usize, col: usize| {
        t.kids("w:tr")
            .nth(row)
            .and_then(|r| r.kids("w:tc").nth(col))
            .and_then(|c| c.first("w:jc"))
            .and_then(|j| j.attr("w:val"))
            .map(String::from)
    };
    assert_eq!(align(tables[1], 1, 2).as_deref(), Some("right"), "32.900");
    assert_eq!(align(tables[1], 1, 4).as_deref(), Some("right"), "32,2%");
    assert_eq!(align(tables[1], 1, 1).as_deref(), Some("left"), "text");

    // The wide table sits in a landscape section of its own; page 1 keeps
    // its title page, later sections number every page.
    let sections: Vec<&El> = body.all("w:sectPr");
    assert_eq!(sections.len(), 3);
    let orient: Vec<(i64, i64)> = sections
        .iter()
        .map(|s| {
            let size = s.kid("w:pgSz").expect("pgSz");
            (size.num("w:w"), size.num("w:h"))
        })
        .collect();
    assert_eq!(orient, [(11906, 16838), (16838, 11906), (11906, 16838)]);
    assert_eq!(
        sections[1].kid("w:pgSz").and_then(|s| s.attr("w:orient")),
        Some("landscape")
    );
    assert!(sections[0].kid("w:titlePg").is_some());
    assert!(sections[1].kid("w:titlePg").is_none());
    assert!(sections[2].kid("w:titlePg").is_none());
    let refs: Vec<&str> = sections[0]
        .kids("w:headerReference")
        .filter_map(|h| h.attr("w:type"))
        .collect();
    assert_eq!(refs, ["default", "first"]);
    let children: Vec<&El> = body.elements().collect();
    let wide_at = children.iter().position(|e| std::ptr::eq(*e, tables[2]));
    let landscape_end = children.iter().position(|e| {
        e.pprop("w:sectPr").is_some_and(|s| {
            s.first("w:pgSz")
                .is_some_and(|p| p.attr("w:orient") == Some("landscape"))
        })
    });
    let portrait_end = children.iter().position(|e| e.pprop("w:sectPr").is_some());
    assert!(portrait_end < wide_at && wide_at < landscape_end);
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let a = seed(1);
    let b = seed(0);
    let first = baocao_docx::write(&a);
    let other = baocao_docx::write(&b);
    assert_ne!(first, other);
    assert_eq!(baocao_docx::write(&a), first);
    assert_eq!(baocao_docx::write(&b), other);
    // From another thread (as a second export in the page would be).
    let again = std::thread::spawn(move || baocao_docx::write(&a))
        .join()
        .expect("thread");
    assert_eq!(again, first);
}

#[test]
fn footnote_ids_start_at_1_in_every_document() {
    let report = seed(1);
    let ids = |bytes: &[u8]| -> Vec<i64> {
        Package::open(bytes)
            .document()
            .all("w:footnoteReference")
            .iter()
            .map(|r| r.num("w:id"))
            .collect()
    };
    let expected: Vec<i64> = (1..=27).collect();
    assert_eq!(ids(&baocao_docx::write(&report)), expected);
    // docx-rs's process-wide footnote counter moves on whenever anything
    // makes a Footnote with Footnote::new; the next document still starts at 1.
    for _ in 0..5 {
        let _ = docx_rs_footnote();
    }
    assert_eq!(ids(&baocao_docx::write(&report)), expected);
    let small = report_with(
        vec![vec![Inline::text("Một"), Inline::Note(FootnoteId(1))]],
        vec![(1, "Chú thích")],
    );
    assert_eq!(ids(&baocao_docx::write(&small)), [1]);
}

/// Advances docx-rs's global footnote counter as any other user of the
/// crate in the same process would.
fn docx_rs_footnote() -> usize {
    docx_rs::Footnote::new().id()
}

#[test]
fn tables_never_touch_so_no_viewer_merges_them() {
    let mut report = seed(1);
    let narrow = || table(&["Chỉ tiêu", "Số liệu"], &[&["Thu", "1.234"]]);
    // Two tables one after the other, the last right before the closing block.
    fn deepest(s: &mut Section) -> &mut Section {
        match s.children.len() {
            0 => s,
            n => deepest(&mut s.children[n - 1]),
        }
    }
    let last = deepest(report.body.sections.last_mut().expect("a part"));
    last.blocks.push(narrow());
    last.blocks.push(narrow());
    let body = write(&report).body();
    let children: Vec<&El> = body.elements().collect();
    assert_eq!(children.iter().filter(|e| e.name == "w:tbl").count(), 4);
    for pair in children.windows(2) {
        assert!(
            !(pair[0].name == "w:tbl" && pair[1].name == "w:tbl"),
            "two tables touch"
        );
    }
}

#[test]
fn wide_tables_one_after_another_share_a_landscape_section_apart() {
    let mut report = seed(1);
    let columns: Vec<String> = (1..=10).map(|m| format!("Cột {m}")).collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let row: Vec<&str> = vec!["1"; 10];
    for _ in 0..2 {
        let mut wide = table(&columns, &[&row]);
        if let Block::Table(t) = &mut wide {
            t.unit.clear(); // nothing above the table to keep them apart
        }
        report.body.sections[0].blocks.push(wide);
    }
    let body = write(&report).body();
    let sections: Vec<&El> = body.all("w:sectPr");
    let landscape = sections
        .iter()
        .filter(|s| s.first("w:pgSz").and_then(|p| p.attr("w:orient")) == Some("landscape"))
        .count();
    assert_eq!(landscape, 1, "both wide tables in one landscape section");
    let children: Vec<&El> = body.elements().collect();
    for pair in children.windows(2) {
        assert!(
            !(pair[0].name == "w:tbl" && pair[1].name == "w:tbl"),
            "two tables touch"
        );
    }
}

#[test]
fn the_reports_density_reaches_every_body_paragraph() {
    use baocao_model::Density;
    for (density, first_line, before, after, line) in [
        (Density::Office, "720", 0, 120, 264),
        (Density::Airy, "567", 120, 0, 276),
        (Density::Compact, "720", 0, 120, 240),
    ] {
        let mut report = seed(0);
        report.density = density;
        let body = write(&report).body();
        // 12 pt between the line under the trích yếu and the body, the
        // body's own space before included.
        let rule_p = body.kids("w:p").nth(2).expect("line under the trích yếu");
        let gap = rule_p.pprop("w:spacing").expect("spacing").num("w:after");
        assert_eq!(gap + before, 240, "{density:?}");
        let paragraphs = body_paragraphs(&body);
        assert!(!paragraphs.is_empty());
        for p in &paragraphs {
            let ind = p.pprop("w:ind").expect("indent");
            assert_eq!(ind.attr("w:firstLine"), Some(first_line), "{density:?}");
            let spacing = p.pprop("w:spacing").expect("spacing");
            assert_eq!(
                [
                    spacing.num("w:before"),
                    spacing.num("w:after"),
                    spacing.num("w:line")
                ],
                [before, after, line],
                "{density:?}"
            );
        }
    }
}

/// Keep-with-next chains push whole runs of paragraphs to the next page and
/// leave a page with a line or two: only a heading keeps with what follows
/// (and, in the body, the last paragraph before the closing block, which
/// keeps the signature from standing alone on a page).
#[test]
fn only_headings_keep_with_the_next_paragraph() {
    use baocao_model::Visit;
    for (n, report) in seeds() {
        let body = write(&report).body();
        let paragraphs = body_paragraphs(&body);
        let mut headings = Vec::new();
        report.body.visit(&mut |v| match v {
            Visit::Heading(..) => headings.push(true),
            Visit::Block(_, Block::Paragraph(_)) => headings.push(false),
            Visit::Block(_, Block::Table(_)) => {}
        });
        assert_eq!(paragraphs.len(), headings.len(), "seed {n}");
        let last = paragraphs.len() - 1;
        for (i, (p, heading)) in paragraphs.iter().zip(&headings).enumerate() {
            let keep = p.pprop("w:keepNext").is_some();
            assert_eq!(keep, *heading || i == last, "seed {n}: paragraph {i}");
        }
    }
}

#[test]
fn a_long_signature_title_is_broken_before_the_agency() {
    let mut report = seed(0);
    report.signature.authority = vec!["KT. CHỦ TỊCH".into()];
    report.signature.position = "PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN TỈNH".into();
    let body = write(&report).body();
    let closing = body.kids("w:tbl").last().expect("closing table");
    let right = closing
        .kid("w:tr")
        .and_then(|r| r.kids("w:tc").nth(1))
        .expect("signature cell");
    let lines: Vec<String> = right.kids("w:p").map(El::text).collect();
    // 14 pt bold, 5669 - 113 of room: the whole title does not fit on one
    // line; "PHÓ CHỦ TỊCH THƯỜNG TRỰC" | "ỦY BAN NHÂN DÂN TỈNH" keeps
    // "thường trực" and the agency whole.
    assert_eq!(
        lines[..3],
        [
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
            "ỦY BAN NHÂN DÂN TỈNH"
        ]
    );
}

/// Seed 1 with two appendices after its signature: Phụ lục I with a table
/// of 3 columns, Phụ lục II with a table of 12.
fn report_with_appendices() -> Report {
    let mut report = seed(1);
    let narrow = table(
        &["STT", "Nội dung", "Số liệu"],
        &[&["1", "Thu thuế", "3.100"]],
    );
    let wide_columns: Vec<String> = (1..=12).map(|m| format!("T{m}")).collect();
    let wide_columns: Vec<&str> = wide_columns.iter().map(String::as_str).collect();
    let wide_row: Vec<&str> = vec!["1.234"; 12];
    let mut wide = table(&wide_columns, &[&wide_row]);
    if let Block::Table(t) = &mut wide {
        t.id = BlockId(101);
    }
    let mut narrow_id = narrow;
    if let Block::Table(t) = &mut narrow_id {
        t.id = BlockId(102);
    }
    report.body.appendices = vec![
        baocao_model::Appendix {
            id: BlockId(200),
            label: "Phụ lục I".into(),
            title: "KẾT QUẢ THU NGÂN SÁCH".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 3 năm 2025 của Ủy ban nhân dân thành phố)".into(),
            blocks: vec![narrow_id],
            origin: None,
        },
        baocao_model::Appendix {
            id: BlockId(201),
            label: "Phụ lục II".into(),
            title: "THU NGÂN SÁCH THEO THÁNG".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND)".into(),
            blocks: vec![wide],
            origin: None,
        },
    ];
    report
}

/// The `w:sectPr` elements of a document, as written.
fn section_xml(document: &str) -> Vec<&str> {
    document
        .match_indices("<w:sectPr>")
        .map(|(k, _)| {
            let end = k + document[k..].find("</w:sectPr>").expect("closed") + "</w:sectPr>".len();
            &document[k..end]
        })
        .collect()
}

#[test]
fn each_appendix_gets_a_section_of_its_own_numbered_from_1() {
    let bytes = baocao_docx::write(&report_with_appendices());
    let package = Package::open(&bytes);
    let document = &package.parts["word/document.xml"];
    let sections = section_xml(document);
    assert_eq!(sections.len(), 3, "the report, Phụ lục I, Phụ lục II");
    let headers = r#"<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>"#;
    let margins = r#"<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>"#;
    let cols = r#"<w:cols w:space="425" w:num="1"/>"#;
    // The report: A4 portrait, its page numbers running on, page 1 bare.
    assert_eq!(
        sections[0],
        format!(
            r#"<w:sectPr>{headers}<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>{margins}{cols}<w:titlePg/></w:sectPr>"#
        )
    );
    // Phụ lục I (3 columns): portrait, numbered again from 1, its first
    // page bare as the report's is.
    assert_eq!(
        sections[1],
        format!(
            r#"<w:sectPr>{headers}<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>{margins}<w:pgNumType w:start="1"/>{cols}<w:titlePg/></w:sectPr>"#
        )
    );
    // Phụ lục II (12 columns): landscape, the same margins, from 1 again.
    assert_eq!(
        sections[2],
        format!(
            r#"<w:sectPr>{headers}<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>{margins}<w:pgNumType w:start="1"/>{cols}<w:titlePg/></w:sectPr>"#
        )
    );
    // The first-page header is the empty one, the other holds PAGE.
    let first_section = package.body();
    let sect = first_section.all("w:sectPr")[0].clone();
    assert_eq!(package.header(&sect, "first").text(), "");
    assert!(package.parts["word/header1.xml"].contains("PAGE"));

    // "Phụ lục I" comes right after the section break that ends the
    // report's signature, bold, 14 pt, centred; its title the same; the
    // reference line italic, its blanks kept.
    let run = |text: &str, emphasis: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>{emphasis}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
        )
    };
    let centred = r#"<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/><w:rPr/></w:pPr>"#;
    let bold = "<w:b/><w:bCs/>";
    let italic = "<w:i/><w:iCs/>";
    let after_break = format!(
        "{}</w:sectPr></w:pPr></w:p><w:p>{centred}{}</w:p><w:p>{centred}{}</w:p><w:p>{centred}{}",
        &sections[0][sections[0].len() - 30..sections[0].len() - "</w:sectPr>".len()],
        run("Phụ lục I", bold),
        run("KẾT QUẢ THU NGÂN SÁCH", bold),
        // Too long for one line: broken in two, by a line break in the run.
        run("(Kèm theo Báo cáo số\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-UBND ngày\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}tháng 3", italic)
            .replace("</w:t></w:r>", r#"</w:t><w:br w:type="textWrapping"/></w:r>"#),
    );
    let at = document.find("Phụ lục I<").expect("label");
    let shown: String = document[at - 600..].chars().take(1600).collect();
    assert!(
        document.contains(&after_break),
        "{shown}\n---\n{after_break}"
    );
    // Phụ lục II opens the third section: its label follows the second break.
    let second_break = document.find(sections[1]).expect("second section");
    let label_ii = document.find(">Phụ lục II<").expect("Phụ lục II");
    let third_break = document.find(sections[2]).expect("third section");
    assert!(second_break < label_ii && label_ii < third_break);
    // The appendices' tables repeat their header row on every page.
    let body = package.body();
    let tables: Vec<&El> = body.kids("w:tbl").collect();
    assert_eq!(tables.len(), 4, "header, closing, two appendix tables");
    for t in &tables[2..] {
        let first_row = t.kids("w:tr").next().expect("a row");
        assert!(first_row.first("w:tblHeader").is_some());
    }
}

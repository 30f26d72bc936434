use super::*;
use baocao_model::{Level, Visit};
use baocao_testdata as seeds;

/// Headings of a report as "label title" lines, indented by depth.
fn outline(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    r.body.visit(&mut |v| {
        if let Visit::Heading(trail, h) = v {
            out.push(format!(
                "{}{} {}",
                "  ".repeat(trail.len()),
                h.label(),
                plain_text(&h.title)
            ));
        }
    });
    out
}

/// The paragraph whose text starts with `prefix`.
fn paragraph_starting<'a>(r: &'a Report, prefix: &str) -> Option<&'a Paragraph> {
    let mut found = None;
    fn search<'a>(blocks: &'a [Block], prefix: &str, found: &mut Option<&'a Paragraph>) {
        for b in blocks {
            if let Block::Paragraph(p) = b {
                if found.is_none() && plain_text(&p.inlines).starts_with(prefix) {
                    *found = Some(p);
                }
            }
        }
    }
    search(&r.body.intro, prefix, &mut found);
    for s in r.body.sections_flat() {
        search(&s.blocks, prefix, &mut found);
    }
    found
}

#[test]
fn seed_2025_header_fields_are_in_place() {
    let r = import_text(seeds::MAR_2025).unwrap();
    assert_eq!(r.header.number, "");
    assert_eq!(r.header.code, "BC-UBND");
    assert_eq!(r.header.place, "TP. Lạng Sơn");
    assert_eq!(r.header.date.day, None);
    assert_eq!(r.header.date.month, Some(3));
    assert_eq!(r.header.date.year, Some(2025));
    assert_eq!(r.title.kind, "BÁO CÁO");
    assert_eq!(
        r.title.summary,
        "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
    );
}

#[test]
fn seed_2025_has_27_footnotes_each_where_its_marker_stood() {
    let r = import_text(seeds::MAR_2025).unwrap();
    assert_eq!(r.footnotes.len(), 27);
    let ids: Vec<u32> = r.footnotes.iter().map(|f| f.id.0).collect();
    assert_eq!(ids, (1..=27).collect::<Vec<_>>());
    assert_eq!(
        r.footnote_order(),
        (1..=27).map(FootnoteId).collect::<Vec<_>>()
    );
    // Marker 7 follows "11 công trình"; its note lists the 11 works.
    let p = paragraph_starting(&r, "Phê duyệt chủ trương đầu tư 01 dự án").unwrap();
    assert!(plain_text(&p.inlines).contains("11 công trình⁷"));
    assert!(
        plain_text(&r.footnote(FootnoteId(7)).unwrap().content).contains("(11) Cải tạo mặt đường")
    );
    // Marker 15 follows "15 lượt/18 công dân".
    let p = paragraph_starting(
        &r,
        "Trong tháng 3/2025, UBND thành phố tổ chức Tiếp công dân",
    )
    .unwrap();
    assert!(plain_text(&p.inlines).contains("18 công dân¹⁵"));
    assert_eq!(
        plain_text(&r.footnote(FootnoteId(15)).unwrap().content),
        "Trong đó đất đai: 10 lượt; GPMB: 03 lượt; khác: 02 lượt."
    );
}

#[test]
fn units_keep_their_superscripts() {
    let r = import_text(seeds::MAR_2025).unwrap();
    let p = paragraph_starting(&r, "Ban hành 14 Quyết định chuyển mục đích").unwrap();
    assert!(plain_text(&p.inlines).contains("6.686,4m²;"));
    assert!(!p.inlines.iter().any(|i| matches!(i, Inline::Note(_))));
}

#[test]
fn seed_2025_outline_follows_the_numbering() {
    let r = import_text(seeds::MAR_2025).unwrap();
    let o = outline(&r);
    assert_eq!(o[0], "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC");
    assert_eq!(o[1], "  1. Kinh tế, hạ tầng và đô thị");
    assert!(o.contains(&"    a) Giáo dục - Đào tạo".to_string()));
    assert!(o.contains(&"II. ĐÁNH GIÁ CHUNG".to_string()));
    assert!(o.contains(&"  2. Hạn chế:".to_string()));
    assert!(o.contains(&"III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025".to_string()));
    let parts: Vec<&str> = r
        .body
        .sections
        .iter()
        .map(|s| s.heading.number.as_str())
        .collect();
    assert_eq!(parts, ["I", "II", "III"]);
    assert_eq!(r.body.sections[0].children.len(), 8);
    assert_eq!(r.body.sections[2].children.len(), 8);
    // The text after "2. Hạn chế:" becomes the item's first paragraph.
    let hc = &r.body.sections[1].children[1];
    let Block::Paragraph(p) = &hc.blocks[0] else {
        panic!("expected a paragraph")
    };
    assert!(plain_text(&p.inlines).starts_with("Công tác giải phóng mặt bằng"));
}

#[test]
fn seed_2021_outline_ignores_markdown_heading_marks() {
    let r = import_text(seeds::NOV_2021).unwrap();
    let o = outline(&r);
    assert_eq!(
        &o[..5],
        [
            "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC",
            "  1. Kinh tế",
            "  2. Quản lý đô thị và đầu tư xây dựng cơ bản",
            "    2.1. Quản lý đô thị",
            "    2.2. Đầu tư xây dựng cơ bản",
        ]
    );
    let levels: Vec<Level> = r.body.sections.iter().map(|s| s.heading.level).collect();
    assert_eq!(levels, [Level::Part, Level::Part, Level::Part]);
    assert_eq!(r.title.summary, "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 11/2021, nhiệm vụ công tác tháng 12/2021");
}

#[test]
fn page_breaks_are_rejoined_with_their_source_lines() {
    let r = import_text(seeds::NOV_2021).unwrap();
    let p = paragraph_starting(&r, "Thực hiện tốt công tác quản lý quy hoạch xây dựng").unwrap();
    let text = plain_text(&p.inlines);
    assert!(
        text.contains("công bố nội dung điều chỉnh cục bộ quy hoạch chi tiết phường Hoàng Văn Thụ")
    );
    let origin = p.origin.as_ref().unwrap();
    assert_eq!(origin.line, 25);
    let at = text.find("chi tiết phường Hoàng Văn Thụ").unwrap();
    assert_eq!(origin.line_at(at), 27);
    // A continuation that starts with a number ("35KV") is joined too.
    let p = paragraph_starting(&r, "Báo cáo khó khăn vướng mắc").unwrap();
    assert!(plain_text(&p.inlines).contains("đường dây điện 35KV và đường dây 0,4KV"));
    // Across footnote definitions (seed 2025, lines 139 → 149).
    let r = import_text(seeds::MAR_2025).unwrap();
    let p = paragraph_starting(&r, "Công khai thủ tục hành chính").unwrap();
    assert!(plain_text(&p.inlines).contains("số hồ sơ đã giải quyết trước hạn 202/470 = 42,98%"));
}

#[test]
fn recipients_and_signature_leave_the_body() {
    for text in [seeds::NOV_2021, seeds::MAR_2025] {
        let r = import_text(text).unwrap();
        assert_eq!(
            r.recipients.first().map(String::as_str),
            Some("UBND tỉnh (b/c);")
        );
        assert_eq!(r.recipients.last().map(String::as_str), Some("Lưu: VT."));
        assert_eq!(r.signature.authority, ["TM. ỦY BAN NHÂN DÂN"]);
        assert_eq!(r.signature.position, "CHỦ TỊCH");
        assert_eq!(r.signature.signer, "Nguyễn Văn Hạnh");
        assert!(paragraph_starting(&r, "TM.").is_none());
        assert!(paragraph_starting(&r, "Nguyễn Văn Hạnh").is_none());
    }
}

#[test]
fn seed_2021_has_no_footnotes_and_keeps_square_metres() {
    let r = import_text(seeds::NOV_2021).unwrap();
    assert!(r.footnotes.is_empty());
    assert!(r.footnote_order().is_empty());
    let p = paragraph_starting(&r, "Ban hành 39 Thông báo thu hồi đất").unwrap();
    assert!(plain_text(&p.inlines).contains("11.466,5m²"));
}

#[test]
fn agency_lines_and_parent_agency_are_read() {
    let text = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ LẠNG SƠN Độc lập - Tự do - Hạnh phúc\n\nSố: 05/BC-UBND Lạng Sơn, ngày 05 tháng 3 năm 2025\n\nBÁO CÁO\n\nTình hình tháng 3/2025\n\nI. KẾT QUẢ\n";
    let r = import_text(text).unwrap();
    assert_eq!(
        r.header.issuing_agency,
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LẠNG SƠN"
    );
    assert_eq!(r.header.parent_agency, "");
    assert_eq!(r.header.number, "05");
    assert_eq!(r.header.place, "Lạng Sơn");
    assert_eq!(r.header.date.day, Some(5));
    let text = "UBND THÀNH PHỐ LẠNG SƠN\nPHÒNG TÀI CHÍNH - KẾ HOẠCH\nSố: 12/BC-TCKH\n";
    let r = import_text(text).unwrap();
    assert_eq!(r.header.parent_agency, "UBND THÀNH PHỐ LẠNG SƠN");
    assert_eq!(r.header.issuing_agency, "PHÒNG TÀI CHÍNH - KẾ HOẠCH");
}

#[test]
fn kt_signature_has_two_authority_lines() {
    let text = "I. KẾT QUẢ\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, TH.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn B\n";
    let r = import_text(text).unwrap();
    assert_eq!(
        r.signature.authority,
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    );
    assert_eq!(r.signature.position, "PHÓ CHỦ TỊCH");
    assert_eq!(r.signature.signer, "Trần Văn B");
    assert_eq!(r.recipients, ["Như trên;", "Lưu: VT, TH."]);
}

#[test]
fn markdown_tables_become_tables() {
    let text = "I. KẾT QUẢ\n\n| STT | Nội dung | Số lượng |\n|---|---|---:|\n| 1 | Hồ sơ | 12 |\n| 2 | Đơn | 3 |\n\nSau bảng.\n";
    let r = import_text(text).unwrap();
    let Block::Table(t) = &r.body.sections[0].blocks[0] else {
        panic!("expected a table")
    };
    assert_eq!(t.columns, ["STT", "Nội dung", "Số lượng"]);
    assert_eq!(t.rows, [["1", "Hồ sơ", "12"], ["2", "Đơn", "3"]]);
}

#[test]
fn empty_text_is_refused_with_a_message() {
    let err = import_text("  \n\n \u{feff}").unwrap_err();
    assert_eq!(err, ImportError::Empty);
    assert!(err.to_string().contains("trống"));
}

#[test]
fn hostile_text_is_read_without_panic() {
    let long = "Một đoạn rất dài ".repeat(6_000);
    let r = import_text(&long).unwrap();
    assert_eq!(r.body.intro.len(), 1);
    let weird = "I. \u{1}\u{2}PHẦN\n\n**\n\n***\n\n¹\n\n<sup>\n\n$\n\n| a |\n\n1.\n\na)\n\nNơi nhận:\n\nTM. \n";
    let r = import_text(weird).unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains('\u{1}'));
}

#[test]
fn fragment_import_reads_body_only() {
    let r = import_fragment(
        "BÁO CÁO\n\n1. Kinh tế\n\nThu 10 triệu đồng¹.\n\n¹ Ghi chú.\n",
        100,
    );
    assert_eq!(r.title.summary, "");
    assert_eq!(r.body.intro.len(), 1);
    assert_eq!(r.body.sections[0].heading.number, "1");
    assert!(r.body.sections[0].id.0 >= 100);
    assert_eq!(r.footnotes.len(), 1);
}

/// A short report with what follows its signature.
fn report_with_tail(tail: &str) -> Report {
    let text = format!(
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: /BC-UBND\n\nAn Bình, ngày 28 tháng 02 năm 2026\n\nBÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\n1. Kinh tế\n\nThu ngân sách đạt 4.215 triệu đồng (số liệu tại Phụ lục I kèm theo).\n\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\n{tail}"
    );
    import_text(&text).unwrap()
}

#[test]
fn appendices_after_the_signature_are_their_own_part() {
    let r = report_with_tail(
        "Phụ lục I\nKẾT QUẢ THU NGÂN SÁCH THÁNG 2/2026\n(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 02 năm 2026 của UBND xã An Bình)\n\n| STT | Nội dung | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 3.100 |\n| 2 | Thu phí | 1.115 |\n\nPHỤ LỤC II: DANH SÁCH HỘ NGHÈO\n(Kèm theo Báo cáo số /BC-UBND ngày 28/02/2026\ncủa UBND xã An Bình)\n\n1. Thôn 1: 12 hộ.\n2. Thôn 2: 9 hộ.\n",
    );
    assert_eq!(r.signature.signer, "Trần Văn Bình");
    let a = &r.body.appendices;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].label, "Phụ lục I");
    assert_eq!(a[0].title, "KẾT QUẢ THU NGÂN SÁCH THÁNG 2/2026");
    assert!(a[0].reference.starts_with("(Kèm theo Báo cáo số"));
    let Block::Table(t) = &a[0].blocks[0] else {
        panic!("{:?}", a[0].blocks)
    };
    assert_eq!(t.columns, ["STT", "Nội dung", "Số liệu"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(a[1].label, "PHỤ LỤC II");
    assert_eq!(a[1].name(), "Phụ lục II");
    assert_eq!(a[1].title, "DANH SÁCH HỘ NGHÈO");
    assert_eq!(
        a[1].reference,
        "(Kèm theo Báo cáo số /BC-UBND ngày 28/02/2026 của UBND xã An Bình)"
    );
    // Numbered lines of an appendix are its text, not parts of the body.
    let texts: Vec<String> = a[1]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => plain_text(&p.inlines),
            Block::Table(_) => "table".into(),
        })
        .collect();
    assert_eq!(texts, ["1. Thôn 1: 12 hộ.", "2. Thôn 2: 9 hộ."]);
    // The body ends where it ended: one part, one item, one paragraph.
    assert_eq!(outline(&r), ["I. KẾT QUẢ", "  1. Kinh tế"]);
    assert_eq!(r.body.sections[0].children[0].blocks.len(), 1);
}

#[test]
fn forms_after_the_signature_each_open_an_appendix() {
    let r = report_with_tail(
        "BIỂU MẪU SỐ 01\nTổng hợp thu ngân sách\n\nThu thuế: 3.100 triệu đồng.\n\nBiểu mẫu số 02\nTổng hợp chi ngân sách\n\nChi thường xuyên: 2.800 triệu đồng.\n",
    );
    let a = &r.body.appendices;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].label, "BIỂU MẪU SỐ 01");
    assert_eq!(a[0].name(), "Biểu mẫu số 01");
    assert_eq!(a[0].title, "Tổng hợp thu ngân sách");
    assert_eq!(a[1].label, "Biểu mẫu số 02");
    assert_eq!(a[1].title, "Tổng hợp chi ngân sách");
    assert_eq!(a[1].blocks.len(), 1);
}

#[test]
fn a_sentence_about_an_appendix_stays_in_the_body() {
    for line in [
        "Phụ lục kèm theo báo cáo này gồm 3 biểu.",
        "Phụ lục I: Kết quả thu ngân sách (xem bảng dưới).",
        "Biểu mẫu 1",
    ] {
        let text = format!(
            "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu ngân sách đạt 4.215 triệu đồng.\n\n{line}\n\nChi ngân sách đạt 2.800 triệu đồng.\n"
        );
        let r = import_text(&text).unwrap();
        assert!(r.body.appendices.is_empty(), "{line}");
        assert_eq!(r.body.sections[0].blocks.len(), 3, "{line}");
    }
    // A line that is only the label, in the body of a report without a
    // signature, opens one.
    let r = import_text(
        "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu đạt 4.215 triệu đồng.\n\nPHỤ LỤC\n\nBẢNG SỐ LIỆU\n\nThu thuế 3.100 triệu đồng.\n",
    )
    .unwrap();
    assert_eq!(r.body.appendices.len(), 1);
    assert_eq!(r.body.appendices[0].title, "BẢNG SỐ LIỆU");
    assert_eq!(r.body.sections[0].blocks.len(), 1);
}

#[test]
fn the_cchc_text_has_its_appendix_after_the_signature() {
    let r = import_text(include_str!(
        "../../../tests/corpus/bao-cao-cchc-nam-2025.txt"
    ))
    .unwrap();
    assert_eq!(r.signature.signer, "Nguyễn Ngọc Phúc");
    assert_eq!(r.body.appendices.len(), 1);
    let a = &r.body.appendices[0];
    assert_eq!(a.label, "PHỤ LỤC");
    assert_eq!(
        a.title,
        "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025\nCỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    );
    assert!(a.reference.starts_with("(Kèm theo Báo cáo số"));
    // Its seven forms are text of it, not appendices of their own.
    let forms = a
        .blocks
        .iter()
        .filter(
            |b| matches!(b, Block::Paragraph(p) if plain_text(&p.inlines).starts_with("Biểu mẫu ")),
        )
        .count();
    assert_eq!(forms, 7);
}

/// The paragraphs and item headings of the last part, as text.
fn last_part(r: &Report) -> (Vec<String>, Vec<String>) {
    let part = r.body.sections.last().unwrap();
    let paragraphs = part
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => plain_text(&p.inlines),
            Block::Table(_) => "table".into(),
        })
        .collect();
    let items = part
        .children
        .iter()
        .map(|c| format!("{} {}", c.heading.label(), plain_text(&c.heading.title)))
        .collect();
    (paragraphs, items)
}

fn tasks(items: &str) -> Report {
    import_text(&format!(
        "BÁO CÁO\n\nTình hình tháng 9/2025\n\nI. KẾT QUẢ\n\n1. Kinh tế\n\nThu ngân sách đạt 4.215 triệu đồng.\n\nII. NHIỆM VỤ THÁNG 10/2025\n\n{items}\n\nNơi nhận:\n- Lưu: VT, TH.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình"
    ))
    .unwrap()
}

#[test]
fn a_series_of_numbered_sentences_is_numbered_paragraphs() {
    for items in [
        "1. Tập trung các giải pháp thu ngân sách, phấn đấu đạt dự toán năm 2025.\n\n2. Đẩy nhanh giải ngân vốn đầu tư công theo Chỉ thị 24 của Chủ tịch UBND tỉnh.",
        "1. Tổ chức thành công Hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026.\n2. Tiếp tục triển khai các nhiệm vụ chuyển đổi số, bảo đảm hoàn thành chỉ tiêu được giao.\n3. Chỉ đạo các xã rà soát, cập nhật hồ sơ địa chính và giải quyết dứt điểm đơn thư tồn đọng.",
    ] {
        let r = tasks(items);
        let (paragraphs, headings) = last_part(&r);
        assert!(headings.is_empty(), "{headings:?}");
        assert_eq!(paragraphs.len(), items.lines().filter(|l| !l.is_empty()).count());
        assert!(paragraphs[0].starts_with("1. T"), "{paragraphs:?}");
        assert!(paragraphs[1].starts_with("2. "), "{paragraphs:?}");
        // Part I keeps its heading "1. Kinh tế".
        assert_eq!(outline(&r), ["I. KẾT QUẢ", "  1. Kinh tế", "II. NHIỆM VỤ THÁNG 10/2025"]);
    }
}

#[test]
fn a_series_with_one_heading_or_content_under_an_item_stays_headings() {
    for items in [
        // One title among the sentences: the series is of headings.
        "1. Tập trung các giải pháp thu ngân sách, phấn đấu đạt dự toán năm 2025.\n\n2. Đầu tư công\n\n3. Chỉ đạo các xã rà soát, cập nhật hồ sơ địa chính và giải quyết đơn thư tồn đọng.",
        // Text under an item: it heads that text.
        "1. Tập trung các giải pháp thu ngân sách, phấn đấu đạt dự toán năm 2025.\n\nGiao Phòng Tài chính chủ trì.\n\n2. Đẩy nhanh giải ngân vốn đầu tư công theo Chỉ thị 24 của Chủ tịch UBND tỉnh.",
        // Short sentences are not enough to tell.
        "1. Thu ngân sách đạt dự toán.\n\n2. Giải ngân vốn đầu tư công.",
        // A single item is no series.
        "1. Tập trung các giải pháp thu ngân sách, phấn đấu đạt dự toán năm 2025.",
    ] {
        let (_, headings) = last_part(&tasks(items));
        assert!(!headings.is_empty(), "{items}");
        assert!(headings[0].starts_with("1. "), "{headings:?}");
    }
}

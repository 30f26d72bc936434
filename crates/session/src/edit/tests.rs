use super::*;
use crate::template::monthly_report;
use baocao_import::{import_fragment, import_text};
use baocao_model::OutlineError;
use baocao_model::{plain_text, Period, StaleFigure, Style, Table};

fn para(id: u32, inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        id: BlockId(id),
        inlines,
        origin: None,
    })
}

fn labels(r: &Report) -> Vec<String> {
    r.body
        .sections_flat()
        .iter()
        .map(|s| format!("{} {}", s.heading.label(), plain_text(&s.heading.title)))
        .collect()
}

fn text_of(r: &Report, id: u32) -> String {
    plain_text(r.inlines(TextTarget::Paragraph(BlockId(id))).unwrap())
}

#[test]
fn split_keeps_styles_and_markers() {
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    let inlines = vec![
        Inline::text("Thu "),
        Inline::styled("10.595 triệu", bold),
        Inline::Note(FootnoteId(1)),
        Inline::text(" đồng"),
    ];
    assert_eq!(edit_text(&inlines), "Thu 10.595 triệu\u{FFFC} đồng");
    let (head, tail) = split_inlines(&inlines, "Thu 10.5".len());
    assert_eq!(
        head,
        vec![Inline::text("Thu "), Inline::styled("10.5", bold)]
    );
    assert_eq!(tail[0], Inline::styled("95 triệu", bold));
    assert_eq!(tail[1], Inline::Note(FootnoteId(1)));
    // An offset inside "ệ" moves back to the start of the letter.
    let (head, _) = split_inlines(&[Inline::text("triệu")], 4);
    assert_eq!(head, vec![Inline::text("tri")]);
    let joined = insert_inlines(&inlines, 4, vec![Inline::text("được ")]);
    assert_eq!(plain_text(&joined), "Thu được 10.595 triệu¹ đồng");
}

#[test]
fn enter_and_backspace_split_and_join_paragraphs_with_their_marks() {
    let mut r = Report::new();
    r.body.intro = vec![para(
        1,
        vec![Inline::text("Thu 10.595 triệu. Chi 26.217 triệu.")],
    )];
    r.mark_all_figures_stale(None);
    assert_eq!(r.stale.len(), 2);
    let new = r
        .split_paragraph(BlockId(1), "Thu 10.595 triệu. ".len())
        .unwrap();
    assert_eq!(text_of(&r, 1), "Thu 10.595 triệu. ");
    assert_eq!(text_of(&r, new.0), "Chi 26.217 triệu.");
    let moved = r.stale_at(FigurePlace::Text(TextTarget::Paragraph(new)));
    assert_eq!((moved[0].start, moved[0].text.as_str()), (4, "26.217"));
    let (back, at) = r.merge_with_previous(new).unwrap();
    assert_eq!((back, at), (BlockId(1), "Thu 10.595 triệu. ".len()));
    assert_eq!(text_of(&r, 1), "Thu 10.595 triệu. Chi 26.217 triệu.");
    let marks: Vec<(usize, &str)> = r
        .stale_at(FigurePlace::Text(TextTarget::Paragraph(BlockId(1))))
        .iter()
        .map(|s| (s.start, s.text.as_str()))
        .collect();
    let joined = "Thu 10.595 triệu. Chi 26.217 triệu.";
    assert_eq!(
        marks,
        [(4, "10.595"), (joined.find("26.217").unwrap(), "26.217")]
    );
}

#[test]
fn tab_and_shift_tab_change_levels_and_renumber() {
    let mut r = monthly_report(Period::new(3, 2025).unwrap());
    let part_one = r.body.sections[0].id;
    let item_two = r.body.sections[0].children[1].id;
    r.body.indent_section(item_two).unwrap();
    let l = labels(&r);
    assert_eq!(l[1], "1. Kinh tế, hạ tầng và đô thị");
    assert_eq!(l[2], "1.1. Đầu tư xây dựng cơ bản");
    assert_eq!(
        l[3],
        "2. Nông nghiệp và Môi trường, đất đai, giải phóng mặt bằng"
    );
    // Shift+Tab puts it back, in the same reading order.
    r.body.outdent_section(item_two).unwrap();
    assert_eq!(
        labels(&r),
        labels(&monthly_report(Period::new(3, 2025).unwrap()))
    );
    // The first item has nothing above it to go under; a part cannot go higher.
    let first = r.body.sections[0].children[0].id;
    assert_eq!(r.body.indent_section(first), Err(OutlineError::NoPrevious));
    assert_eq!(
        r.body.outdent_section(part_one),
        Err(OutlineError::AlreadyTop)
    );
    // Points are the deepest level.
    let point_b = r.body.sections[0].children[3].children[1].id;
    assert_eq!(r.body.indent_section(point_b), Err(OutlineError::TooDeep));
}

#[test]
fn shift_tab_adopts_the_following_siblings() {
    let mut r = monthly_report(Period::new(3, 2025).unwrap());
    // Promote point a) of item 4: b) and c) follow it, so they become its children.
    let social = r.body.sections[0].children[3].id;
    let point_a = r.body.sections[0].children[3].children[0].id;
    r.body.outdent_section(point_a).unwrap();
    let l = labels(&r);
    assert_eq!(l[4], "4. Văn hoá – Xã hội – Y tế");
    assert_eq!(l[5], "5. Giáo dục - Đào tạo");
    assert_eq!(l[6], "a) Hoạt động văn hoá - thông tin và thể thao");
    assert_eq!(l[7], "b) Công tác y tế, các chính sách xã hội");
    assert_eq!(l[8], "6. Công tác chuyển đổi số");
    assert!(r.body.section(social).unwrap().children.is_empty());
}

#[test]
fn moving_and_deleting_renumber() {
    let mut r = monthly_report(Period::new(3, 2025).unwrap());
    let item_two = r.body.sections[0].children[1].id;
    assert!(r.body.move_section(item_two, true));
    assert_eq!(labels(&r)[1], "1. Đầu tư xây dựng cơ bản");
    assert!(!r.body.move_section(item_two, true), "already first");
    let part_two = r.body.sections[1].id;
    r.remove_section(part_two).unwrap();
    assert!(labels(&r).contains(&"II. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025".to_string()));
}

#[test]
fn a_footnote_inserted_at_the_cursor_is_numbered_by_order() {
    let mut r = Report::new();
    r.body.intro = vec![
        para(1, vec![Inline::text("a"), Inline::Note(FootnoteId(1))]),
        para(2, vec![Inline::text("bb")]),
        para(3, vec![Inline::text("c"), Inline::Note(FootnoteId(2))]),
    ];
    for (n, t) in [(1, "một"), (2, "hai")] {
        r.footnotes.push(Footnote {
            id: FootnoteId(n),
            content: vec![Inline::text(t)],
            origin: None,
        });
    }
    r.mark_all_figures_stale(None);
    let new = r
        .insert_footnote(TextTarget::Paragraph(BlockId(2)), 1)
        .unwrap();
    assert_eq!(new, FootnoteId(2));
    assert_eq!(text_of(&r, 2), "b²b");
    assert_eq!(text_of(&r, 3), "c³");
    assert_eq!(
        plain_text(&r.footnote(FootnoteId(3)).unwrap().content),
        "hai"
    );
    assert!(r.footnote(FootnoteId(2)).unwrap().content.is_empty());
    // Deleting it brings the numbers back.
    r.delete_footnote(FootnoteId(2));
    assert_eq!(text_of(&r, 2), "bb");
    assert_eq!(text_of(&r, 3), "c²");
    assert_eq!(
        plain_text(&r.footnote(FootnoteId(2)).unwrap().content),
        "hai"
    );
}

#[test]
fn deleting_a_paragraph_takes_its_own_footnotes_along() {
    let mut r = import_fragment(
        "Một¹ hai.\n\n¹ Chú thích một\n\nBa² bốn.\n\n² Chú thích hai",
        1,
    );
    assert_eq!(r.footnotes.len(), 2);
    let first = r.body.intro[0].id();
    r.remove_block(first).unwrap();
    assert_eq!(r.footnotes.len(), 1);
    assert_eq!(plain_text(&r.footnotes[0].content), "Chú thích hai");
    assert_eq!(r.footnotes[0].id, FootnoteId(1));
    assert_eq!(
        plain_text(
            r.inlines(TextTarget::Paragraph(r.body.intro[0].id()))
                .unwrap()
        ),
        "Ba¹ bốn."
    );
}

#[test]
fn pasting_seed_001_into_an_empty_line_gives_its_structure_and_27_footnotes() {
    let mut r = crate::template::blank_report();
    let seed = import_text(baocao_testdata::MAR_2025).unwrap();
    let fragment = import_fragment(&seed.body_text(), 1);
    let pasted = r.paste(
        Caret {
            target: TextTarget::Paragraph(BlockId(1)),
            offset: 0,
        },
        fragment,
    );
    assert_eq!(pasted.footnotes, 27);
    assert_eq!(r.footnotes.len(), 27);
    assert_eq!(r.footnote_order().len(), 27);
    assert_eq!(r.body.sections.len(), 3);
    assert!(r.body.intro.is_empty(), "the empty line was replaced");
    let l = labels(&r);
    assert_eq!(l[0], "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC");
    assert!(l.contains(&"III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025".to_string()));
    // m² stays a unit, not a footnote.
    let all = r.body_text();
    assert!(all.contains("diện tích 6.686,4m²;"));
}

#[test]
fn pasting_in_the_middle_splits_the_paragraph_and_renumbers_notes() {
    let mut r = Report::new();
    r.body.intro = vec![para(
        1,
        vec![Inline::text("Đầu cuối"), Inline::Note(FootnoteId(1))],
    )];
    r.footnotes.push(Footnote {
        id: FootnoteId(1),
        content: vec![Inline::text("cũ")],
        origin: None,
    });
    let fragment = import_fragment("giữa¹ một\n\n¹ mới\n\n1. Mục dán\n\nnội dung", 1);
    let pasted = r.paste(
        Caret {
            target: TextTarget::Paragraph(BlockId(1)),
            offset: "Đầu ".len(),
        },
        fragment,
    );
    assert_eq!(pasted.headings, 1);
    assert_eq!(text_of(&r, 1), "Đầu ");
    assert_eq!(
        plain_text(&r.footnote(FootnoteId(1)).unwrap().content),
        "mới"
    );
    assert_eq!(
        plain_text(&r.footnote(FootnoteId(2)).unwrap().content),
        "cũ"
    );
    // The tail of the split paragraph follows the pasted heading.
    let section = &r.body.sections[0];
    assert_eq!(section.heading.label(), "1.");
    let tail = pasted.caret.unwrap();
    assert_eq!(tail.offset, 0);
    assert_eq!(plain_text(r.inlines(tail.target).unwrap()), "cuối²");
    assert_eq!(
        section.blocks.last().unwrap().id(),
        match tail.target {
            TextTarget::Paragraph(id) => id,
            _ => BlockId(0),
        }
    );
}

#[test]
fn table_rows_and_columns_move_their_marks() {
    let mut r = Report::new();
    r.body.intro = vec![Block::Table(Table {
        id: BlockId(1),
        title: String::new(),
        unit: String::new(),
        columns: vec!["Chỉ tiêu".into(), "Tháng 3/2025".into()],
        rows: vec![
            vec!["Thu".into(), "10.595".into()],
            vec!["Chi".into(), "26.217".into()],
        ],
        layout: Default::default(),
        origin: None,
    })];
    r.mark_all_figures_stale(None);
    let cells = |r: &Report| -> Vec<(u32, u32, String)> {
        let mut v: Vec<(u32, u32, String)> = r
            .stale
            .iter()
            .filter_map(|s: &StaleFigure| match s.place {
                FigurePlace::Cell { row, col, .. } => Some((row, col, s.text.clone())),
                _ => None,
            })
            .collect();
        v.sort();
        v
    };
    // The header row names the columns: nothing marked there.
    assert_eq!(
        cells(&r),
        [(1, 1, "10.595".into()), (2, 1, "26.217".into())]
    );
    assert!(r.change_table(BlockId(1), TableChange::InsertRow(0)));
    assert!(r.change_table(BlockId(1), TableChange::InsertColumn(1)));
    assert_eq!(
        cells(&r),
        [(2, 2, "10.595".into()), (3, 2, "26.217".into())]
    );
    assert!(r.change_table(BlockId(1), TableChange::RemoveRow(1)));
    assert_eq!(cells(&r), [(2, 2, "26.217".into())]);
    assert!(r.set_cell(BlockId(1), 2, 2, "27.000".into()));
    assert!(cells(&r).is_empty());
    assert!(r.change_table(BlockId(1), TableChange::RemoveColumn(0)));
    assert!(r.change_table(BlockId(1), TableChange::RemoveColumn(0)));
    assert!(
        !r.change_table(BlockId(1), TableChange::RemoveColumn(0)),
        "the last column stays"
    );
    let Some(Block::Table(t)) = r.body.block(BlockId(1)) else {
        panic!("table gone")
    };
    assert_eq!(t.columns, ["Tháng 3/2025"]);
    assert!(t.rows.iter().all(|row| row.len() == 1));
}

#[test]
fn restarted_footnote_numbers_keep_every_footnote_with_its_marker() {
    // Three pieces, each numbering its notes from ¹.
    let piece = |n: u32| {
        format!("Đoạn {n} có chú thích¹ và thêm².\n\n¹ Một của phần {n}\n\n² Hai của phần {n}\n\n")
    };
    let text: String = (1..=3).map(piece).collect();
    let mut r = crate::template::blank_report();
    r.paste(
        Caret {
            target: TextTarget::Paragraph(BlockId(1)),
            offset: 0,
        },
        import_fragment(&text, 1),
    );
    assert_eq!(r.footnotes.len(), 6, "no footnote is lost");
    assert_eq!(r.footnote_order().len(), 6);
    let texts: Vec<String> = (1..=6)
        .map(|n| plain_text(&r.footnote(FootnoteId(n)).unwrap().content))
        .collect();
    assert_eq!(
        texts,
        [
            "Một của phần 1",
            "Hai của phần 1",
            "Một của phần 2",
            "Hai của phần 2",
            "Một của phần 3",
            "Hai của phần 3"
        ]
    );
    let third = r.body.intro[2].id();
    assert_eq!(text_of(&r, third.0), "Đoạn 3 có chú thích⁵ và thêm⁶.");
}

/// A short report with Phụ lục I (a paragraph and a table) after its signature.
fn report_with_appendix() -> Report {
    import_text(
        "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu đạt 4.215 triệu đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\nPhụ lục I\nKẾT QUẢ THU NGÂN SÁCH\n\nSố liệu đến ngày 25/02/2026.\n\n| STT | Nội dung | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 3.100 |\n",
    )
    .unwrap()
}

#[test]
fn an_appendix_is_edited_as_the_body_is() {
    let mut r = report_with_appendix();
    let a = r.body.appendices[0].clone();
    let para_id = a.blocks[0].id();
    let table_id = a.blocks[1].id();
    // Its paragraph takes typing, its table rows and cells.
    assert!(r.set_inlines(
        TextTarget::Paragraph(para_id),
        vec![Inline::text("Số liệu đến ngày 28/02/2026.")]
    ));
    assert!(r.change_table(table_id, TableChange::InsertRow(1)));
    assert!(r.set_cell(table_id, 2, 2, "2.950".into()));
    let Block::Table(t) = &r.body.appendices[0].blocks[1] else {
        panic!()
    };
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1][2], "2.950");
    assert_eq!(
        plain_text(r.inlines(TextTarget::Paragraph(para_id)).unwrap()),
        "Số liệu đến ngày 28/02/2026."
    );
    // Removing the table takes it out of the appendix.
    assert!(r.remove_block(table_id).is_some());
    assert_eq!(r.body.appendices[0].blocks.len(), 1);
}

#[test]
fn a_paste_into_the_body_keeps_the_appendices() {
    let mut r = report_with_appendix();
    let before = r.body.appendices.clone();
    let body_para = r.body.sections[0].blocks[0].id();
    r.paste(
        Caret {
            target: TextTarget::Paragraph(body_para),
            offset: 0,
        },
        import_fragment("Đoạn dán.\n\n2. Mục mới\n\nNội dung mục mới.", 1),
    );
    assert_eq!(r.body.appendices, before);
    assert_eq!(labels(&r), ["I. KẾT QUẢ", "1. Mục mới"]);
    // A pasted appendix comes after the report's own, with fresh ids.
    let end = r.body.sections[0].children[0].blocks[0].id();
    r.paste(
        Caret {
            target: TextTarget::Paragraph(end),
            offset: 0,
        },
        import_fragment("PHỤ LỤC II\n\nBẢNG DÁN\n\nThu phí 1.115 triệu đồng.", 1),
    );
    assert_eq!(r.body.appendices.len(), 2);
    assert_eq!(r.body.appendices[1].label, "PHỤ LỤC II");
    let mut ids: Vec<BlockId> = Vec::new();
    r.body.visit(&mut |v| {
        if let baocao_model::Visit::Block(_, b) = v {
            ids.push(b.id());
        }
    });
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "every block id is unique");
}

use super::*;
use crate::edit::ReportEdit;
use baocao_import::{import_fragment, import_text};
use baocao_model::TextTarget;
use baocao_model::{plain_text, Period, ReportPeriod, Span};

fn spans(text: &str) -> Vec<&str> {
    figure_spans(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn figures_are_numbers_dates_and_fractions_but_not_list_markers() {
    assert_eq!(
        spans("tính đến hết ngày 12/03/2025 thu được 10.595 triệu đồng đạt 32,2% dự toán"),
        ["12/03/2025", "10.595", "32,2"]
    );
    assert_eq!(spans("(1) Công viên; (2) Hạ tầng 03 vụ."), ["03"]);
    let seed = import_fragment(
        "Ban hành 14 Quyết định, diện tích 6.686,4m²; 07 trường hợp",
        1,
    );
    let Block::Paragraph(p) = &seed.body.intro[0] else {
        panic!("not a paragraph")
    };
    let figures: Vec<String> = inline_figures(&p.inlines, None)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        figures,
        ["14", "6.686,4", "07"],
        "the ² of m² is not a figure"
    );
}

#[test]
fn next_month_moves_the_report_on_and_marks_every_figure() {
    let march = import_text(baocao_testdata::MAR_2025).unwrap();
    let next = next_month(&march, Period::new(1, 2000).unwrap());
    assert_eq!(next.period, Period::new(4, 2025).unwrap());
    let r = &next.report;
    assert_eq!(
        r.title.summary,
        "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 4/2025, nhiệm vụ công tác tháng 5/2025"
    );
    assert_eq!(r.period(), Period::new(4, 2025));
    assert_eq!(r.header.date.month, Some(4));
    assert_eq!(r.header.date.day, None);
    assert_eq!(r.recipients, march.recipients);
    assert_eq!(r.signature, march.signature);
    assert_eq!(r.footnotes.len(), 27);
    let part_three = &r.body.sections[2];
    assert_eq!(
        plain_text(&part_three.heading.title),
        "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 5/2025"
    );
    let tasks = next.previous_tasks.as_ref().unwrap();
    assert_eq!(
        plain_text(&tasks.heading.title),
        "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025"
    );
    assert_eq!(tasks.children.len(), 8);
    // Every figure of the body and the footnotes waits for an update.
    let first_money = r
        .stale
        .iter()
        .find(|s| s.text == "10.595")
        .expect("the revenue figure is marked");
    let text = place_text(r, first_money.place).unwrap();
    assert_eq!(&text[first_money.span()], "10.595");
    assert!(r
        .stale
        .iter()
        .any(|s| matches!(s.place, FigurePlace::Text(TextTarget::Footnote(_)))));
    // Names ("giai đoạn 1", "Khối 6") are not figures of the month.
    assert!(r.stale.len() > 120, "{}", r.stale.len());
    for s in &r.stale {
        let text = place_text(r, s.place).unwrap();
        assert_eq!(&text[s.span()], s.text, "{s:?}");
    }
}

#[test]
fn december_is_followed_by_january_of_the_next_year() {
    let nov = import_text(baocao_testdata::NOV_2021).unwrap();
    let dec = next_month(&nov, Period::new(1, 2000).unwrap());
    assert!(
        dec.report
            .title
            .summary
            .ends_with("tháng 12/2021, nhiệm vụ công tác tháng 01/2022")
            || dec
                .report
                .title
                .summary
                .ends_with("tháng 12/2021, nhiệm vụ công tác tháng 1/2022")
    );
    let jan = next_month(&dec.report, Period::new(1, 2000).unwrap());
    assert_eq!(jan.period, Period::new(1, 2022).unwrap());
    assert!(jan.report.title.summary.contains("tháng 1/2022"));
    assert!(jan.report.title.summary.contains("tháng 2/2022"));
    assert_eq!(jan.report.header.date.year, Some(2022));
}

#[test]
fn periods_keep_how_they_were_written() {
    assert_eq!(advance_periods("THÁNG 4/2025"), "THÁNG 5/2025");
    assert_eq!(advance_periods("tháng 12 năm 2024"), "tháng 1 năm 2025");
    assert_eq!(
        advance_periods("tháng 3/2025, nhiệm vụ tháng 4/2025"),
        "tháng 4/2025, nhiệm vụ tháng 5/2025"
    );
    assert_eq!(advance_periods("không có kỳ"), "không có kỳ");
}

fn marked(text: &str) -> Report {
    let mut r = import_fragment(text, 1);
    r.mark_all_figures_stale(None);
    r
}

fn left(r: &Report) -> Vec<(usize, String)> {
    let place = FigurePlace::Text(TextTarget::Paragraph(r.body.intro[0].id()));
    r.stale_at(place)
        .iter()
        .map(|s| (s.start, s.text.clone()))
        .collect()
}

#[test]
fn an_edited_figure_is_no_longer_stale_and_the_others_move_along() {
    let mut r = marked("Thu 10.595 triệu, đạt 32,2% dự toán.");
    let place = FigurePlace::Text(TextTarget::Paragraph(r.body.intro[0].id()));
    let old = "Thu 10.595 triệu, đạt 32,2% dự toán.";
    // Words typed before the figures move them.
    let new = "Tổng thu 10.595 triệu, đạt 32,2% dự toán.";
    r.figure_text_changed(place, old, new);
    assert_eq!(
        left(&r),
        [
            (new.find("10.595").unwrap(), "10.595".into()),
            (new.find("32,2").unwrap(), "32,2".into())
        ]
    );
    // Changing the figure itself updates it.
    let newer = "Tổng thu 12.000 triệu, đạt 32,2% dự toán.";
    r.figure_text_changed(place, new, newer);
    assert_eq!(left(&r), [(newer.find("32,2").unwrap(), "32,2".into())]);
    // A digit typed right after a figure makes it another number.
    let more = "Tổng thu 12.000 triệu, đạt 32,25% dự toán.";
    r.figure_text_changed(place, newer, more);
    assert!(left(&r).is_empty());
}

#[test]
fn a_space_after_a_figure_leaves_it_stale_and_confirming_clears_it() {
    let mut r = marked("Đạt 97,1% kế hoạch");
    let place = FigurePlace::Text(TextTarget::Paragraph(r.body.intro[0].id()));
    r.figure_text_changed(place, "Đạt 97,1% kế hoạch", "Đạt 97,1 % kế hoạch");
    assert_eq!(left(&r), [("Đạt ".len(), "97,1".into())]);
    r.confirm_figures(place);
    assert!(r.stale.is_empty());
}

#[test]
fn footnote_marks_follow_their_footnote_when_renumbered() {
    let mut r = marked("Một¹ hai.\n\n¹ Gồm 05 dự án\n\nBa² bốn.\n\n² Gồm 11 công trình");
    // A new footnote before both renumbers them: marks move with the text.
    let first = r.body.intro[0].id();
    r.insert_footnote(TextTarget::Paragraph(first), 0).unwrap();
    let by_note: Vec<(u32, String)> = {
        let mut v: Vec<(u32, String)> = r
            .stale
            .iter()
            .filter_map(|s| match s.place {
                FigurePlace::Text(TextTarget::Footnote(n)) => Some((n.0, s.text.clone())),
                _ => None,
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(by_note, [(2, "05".into()), (3, "11".into())]);
    assert_eq!(
        plain_text(&r.footnote(baocao_model::FootnoteId(2)).unwrap().content),
        "Gồm 05 dự án"
    );
}

#[test]
fn only_the_months_figures_are_marked() {
    let march = Period::new(3, 2025);
    let text = "Tính đến hết ngày 12/03/2025 thu được 10.595 triệu đồng đạt 32,2% dự toán; \
                theo Kế hoạch số 154/KH-UBND ngày 11/7/2021, giai đoạn 2021-2030, tỷ lệ 1/500, \
                lúc 16h00 ngày 28/02/2025 cấp 65 giấy phép, năm 2025; trong tháng 3/2025: 202/470 = 42,98%; \
                Tết Nguyên đán 2025, Khối 6, nút giao thông số 4, lớp 8 cấp thành phố, 100% cơ sở";
    let marked: Vec<&str> = month_figures(text, march)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    // "lúc 16h00 ngày 28/02/2025" is when something happened and "tháng
    // 3/2025" names the month (it moves on): neither is a quantity. The
    // date the figures are counted up to is.
    assert_eq!(
        marked,
        [
            "12/03/2025",
            "10.595",
            "32,2",
            "65",
            "202/470",
            "42,98",
            "100"
        ]
    );
    // Without a reported month, every cut-off date is the month's.
    let text = "tính đến ngày 11/7/2021 cấp 65 giấy phép";
    let all: Vec<&str> = month_figures(text, None)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(all, ["11/7/2021", "65"]);
}

#[test]
fn next_month_marks_the_figures_an_official_must_update_not_years_or_references() {
    let march = import_text(baocao_testdata::MAR_2025).unwrap();
    let mut every = 0;
    march.body.visit(&mut |v| {
        if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
            every += figure_spans(&plain_text(&p.inlines)).len();
        }
    });
    let next = next_month(&march, Period::new(1, 2000).unwrap()).report;
    let texts: Vec<&str> = next.stale.iter().map(|s| s.text.as_str()).collect();
    println!(
        "seed 001: {} figures marked for the month, {} numbers in all",
        texts.len(),
        every
    );
    assert!(texts.len() < every);
    for kept in ["10.595", "32,2", "12/03/2025", "43.406", "11", "202/470"] {
        assert!(texts.contains(&kept), "{kept} should be marked");
    }
    for left in ["2021-2030", "1/500", "154", "2050"] {
        assert!(!texts.contains(&left), "{left} should not be marked");
    }
}

#[test]
fn next_month_marks_the_figures_of_an_appendix_too() {
    let r = baocao_import::import_text(
        "BÁO CÁO\n\nTình hình tháng 2/2026\n\nI. KẾT QUẢ\n\nThu đạt 4.215 triệu đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\nPhụ lục I\nKẾT QUẢ THU NGÂN SÁCH\n\nThu phí đạt 1.115 triệu đồng.\n\n| STT | Nội dung | Số liệu |\n|---|---|---|\n| 1 | Thu thuế | 3.100 |\n",
    )
    .unwrap();
    let next = next_month(&r, Period::new(2, 2026).unwrap()).report;
    let a = &next.body.appendices[0];
    let texts: Vec<&str> = next.stale.iter().map(|s| s.text.as_str()).collect();
    assert!(texts.contains(&"4.215"), "{texts:?}");
    assert!(texts.contains(&"1.115"), "{texts:?}");
    assert!(
        next.stale.iter().any(|s| s.text == "3.100"
            && s.place
                == FigurePlace::Cell {
                    table: a.blocks[1].id(),
                    row: 1,
                    col: 2
                }),
        "{:?}",
        next.stale
    );
}

fn moved(text: &str, current: ReportPeriod) -> String {
    advance_mentions(text, current).0
}

#[test]
fn mentions_of_the_period_move_on_but_dates_and_citations_stay() {
    let nov = ReportPeriod::month(Period::new(11, 2025).unwrap());
    // Trích yếu, headings and body, in several phrasings.
    assert_eq!(
        moved(
            "Tình hình KT-XH tháng 11/2025, nhiệm vụ công tác tháng 12/2025",
            nov
        ),
        "Tình hình KT-XH tháng 12/2025, nhiệm vụ công tác tháng 1/2026"
    );
    assert_eq!(
        moved("NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 12/2025", nov),
        "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 1/2026"
    );
    assert_eq!(
        moved(
            "Lũy kế 11 tháng đầu năm 2025 thu 120 tỷ đồng; trong tháng 11 thu 9 tỷ đồng",
            nov
        ),
        "Lũy kế cả năm 2025 thu 120 tỷ đồng; trong tháng 12 thu 9 tỷ đồng"
    );
    let oct = ReportPeriod::month(Period::new(10, 2025).unwrap());
    assert_eq!(
        moved(
            "10 tháng đầu năm đạt 80%; chi trả trợ cấp tháng 10/2025",
            oct
        ),
        "11 tháng đầu năm đạt 80%; chi trả trợ cấp tháng 11/2025"
    );
    // Zero-padded months stay padded.
    assert_eq!(
        moved(
            "trợ cấp tháng 03/2025",
            ReportPeriod::month(Period::new(3, 2025).unwrap())
        ),
        "trợ cấp tháng 04/2025"
    );
    // Not moved: a date, a cited document and its title, a past month, a plan year.
    for same in [
        "Kế hoạch số 12/KH-UBND ngày 05/11/2025 của UBND tỉnh",
        "Thực hiện Kế hoạch số 12/KH-UBND về rà soát hộ nghèo tháng 11/2025",
        "ngày 05 tháng 11 năm 2025, UBND xã tổ chức hội nghị",
        "So với tháng 10/2025 tăng 5%",
        "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        "Từ ngày 15 tháng 11 đến nay",
        "Kỳ họp thứ 11 tháng trước",
    ] {
        assert_eq!(moved(same, nov), same);
    }
    // A quarter: with and without its year; a half-year; a year.
    let q1 = ReportPeriod {
        span: Span::Quarter(1),
        year: 2026,
    };
    assert_eq!(
        moved(
            "Kết quả quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026",
            q1
        ),
        "Kết quả quý II năm 2026 và phương hướng, nhiệm vụ quý III năm 2026"
    );
    assert_eq!(
        moved("Trong quý I, Sở đã tổ chức 3 hội nghị", q1),
        "Trong quý II, Sở đã tổ chức 3 hội nghị"
    );
    assert_eq!(moved("QUÝ II NĂM 2026", q1), "QUÝ III NĂM 2026");
    assert_eq!(
        moved("so với quý IV năm 2025", q1),
        "so với quý IV năm 2025"
    );
    let h1 = ReportPeriod {
        span: Span::FirstHalf,
        year: 2026,
    };
    assert_eq!(
        moved("6 tháng đầu năm 2026, nhiệm vụ 6 tháng cuối năm 2026", h1),
        "6 tháng cuối năm 2026, nhiệm vụ 6 tháng đầu năm 2027"
    );
    let y = ReportPeriod {
        span: Span::Year,
        year: 2025,
    };
    assert_eq!(
        moved("Công tác CCHC năm 2025 và phương hướng, nhiệm vụ năm 2026; Nghị quyết số 76/NQ-CP về chương trình năm 2025", y),
        "Công tác CCHC năm 2026 và phương hướng, nhiệm vụ năm 2027; Nghị quyết số 76/NQ-CP về chương trình năm 2025"
    );
    let (_, list) = advance_mentions("tháng 11/2025, nhiệm vụ tháng 12/2025", nov);
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[0],
        MovedMention {
            from: "tháng 11/2025".into(),
            to: "tháng 12/2025".into()
        }
    );
}

#[test]
fn only_quantities_of_the_period_are_marked() {
    let march = ReportPeriod::month(Period::new(3, 2025).unwrap());
    let marked = |text: &str| -> Vec<String> {
        period_figures(text, Some(march))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    };
    assert_eq!(marked("Thực hiện Đề án 06 đã cấp 342 CCCD"), ["342"]);
    assert_eq!(
        marked("Chương trình 135 giải ngân 1.250 triệu đồng"),
        ["1.250"]
    );
    assert_eq!(marked("đã trình 05 hồ sơ"), ["05"]);
    assert_eq!(
        marked("Kế hoạch 81/KH-UBND ngày 28/02/2025 của UBND; tính đến ngày 12/03/2025 thu 10 tỷ"),
        ["12/03/2025", "10"]
    );
    assert_eq!(
        marked(
            "Đề án 438/ĐA-UBND ngày ngày 14/02/2025; kỷ niệm 95 năm; trong tháng 3 tổ chức 4 buổi"
        ),
        ["4"]
    );
    // A quarter's dates: its months and the month before.
    let q1 = ReportPeriod {
        span: Span::Quarter(1),
        year: 2026,
    };
    let text = "tính đến ngày 14/3/2026; đến hết ngày 20/12/2025; tính đến ngày 02/11/2025";
    let got: Vec<&str> = period_figures(text, Some(q1))
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["14/3/2026", "20/12/2025"]);
}

#[test]
fn a_quarter_s_report_makes_the_next_quarter_s() {
    use crate::profile::{UnitKind, UnitProfile};
    use crate::template::{report_from, ReportKind, Template};
    let q1 = ReportPeriod {
        span: Span::Quarter(1),
        year: 2026,
    };
    let mut r = report_from(
        Template {
            unit: UnitKind::Department,
            kind: ReportKind::Sector,
            period: q1,
        },
        &UnitProfile::new(UnitKind::Department),
    );
    let first = r.body.sections[0].children[0].blocks[0].id();
    assert!(r.set_inlines(
        TextTarget::Paragraph(first),
        vec![Inline::text("Trong quý I năm 2026, Sở tổ chức 12 hội nghị theo Kế hoạch số 05/KH-SNV ngày 10/01/2026.")],
    ));
    let next = next_period(
        &r,
        ReportPeriod {
            span: Span::Month(1),
            year: 2000,
        },
    );
    assert_eq!(
        next.period,
        ReportPeriod {
            span: Span::Quarter(2),
            year: 2026
        }
    );
    assert_eq!(
        next.report.title.summary,
        "Kết quả thực hiện nhiệm vụ quý II năm 2026, nhiệm vụ trọng tâm quý III năm 2026"
    );
    assert_eq!(next.report.header.date.month, Some(6));
    let tasks = &next.report.body.sections[2];
    assert_eq!(
        plain_text(&tasks.heading.title),
        "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ III NĂM 2026"
    );
    assert_eq!(
        plain_text(&next.previous_tasks.unwrap().heading.title),
        "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026"
    );
    let body = place_text(&next.report, TextTarget::Paragraph(first).into()).unwrap();
    assert_eq!(
        body,
        "Trong quý II năm 2026, Sở tổ chức 12 hội nghị theo Kế hoạch số 05/KH-SNV ngày 10/01/2026."
    );
    let stale: Vec<&str> = next.report.stale.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(stale, ["12"]);
    // trích yếu, tasks heading, body.
    assert_eq!(next.moved.len(), 4, "{:?}", next.moved);
    // Quarter IV is followed by quarter I of the next year.
    let q4 = next_period(&next_period(&next.report, q1).report, q1);
    assert_eq!(
        q4.period,
        ReportPeriod {
            span: Span::Quarter(4),
            year: 2026
        }
    );
    let q1_next = next_period(&q4.report, q1);
    assert_eq!(
        q1_next.period,
        ReportPeriod {
            span: Span::Quarter(1),
            year: 2027
        }
    );
    assert!(q1_next
        .report
        .title
        .summary
        .contains("quý I năm 2027, nhiệm vụ trọng tâm quý II năm 2027"));
}

#[test]
fn the_seed_and_the_sample_move_their_period_not_their_citations() {
    // Seed 001 (tháng 3/2025) → tháng 4/2025.
    let march = import_text(baocao_testdata::MAR_2025).unwrap();
    let n = next_period(&march, ReportPeriod::month(Period::new(1, 2000).unwrap()));
    let pairs: Vec<(&str, &str)> = n
        .moved
        .iter()
        .map(|m| (m.from.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(
        pairs
            .iter()
            .filter(|p| **p == ("tháng 3/2025", "tháng 4/2025"))
            .count(),
        11
    );
    for moved in [
        ("THÁNG 4/2025", "THÁNG 5/2025"),
        ("tháng 03/2025", "tháng 04/2025"),
        ("tháng 3", "tháng 4"),
    ] {
        assert!(pairs.contains(&moved), "{moved:?} in {pairs:?}");
    }
    let all = |r: &Report| {
        let mut t = String::new();
        r.body.visit(&mut |v| {
            if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
                t.push_str(&plain_text(&p.inlines));
                t.push('\n');
            }
        });
        for f in &r.footnotes {
            t.push_str(&plain_text(&f.content));
            t.push('\n');
        }
        t
    };
    let text = all(&n.report);
    // Cited documents keep their dates; past months stay.
    for kept in [
        "331/UBND-KTCN ngày 07/3/2025",
        "Kế hoạch 81/KH-UBND ngày 28/02/2025",
        "438/ĐA-UBND ngày ngày 14/02/2025",
        "(03/02/1930-03/02/2025)",
    ] {
        assert!(text.contains(kept), "{kept}");
    }
    let stale: Vec<&str> = n.report.stale.iter().map(|s| s.text.as_str()).collect();
    // Dates of cited documents, of anniversaries ("(03/3/1959 - 03/3/2025)"),
    // of events and start dates, an anniversary's years: not quantities.
    for not_marked in [
        "07/3/2025",
        "28/02/2025",
        "14/02/2025",
        "3/2025",
        "4/2025",
        "03/02/2025",
        "03/3/2025",
        "01/3/2025",
        "21/02/2025",
        "66",
        "17/10",
    ] {
        assert!(!stale.contains(&not_marked), "{not_marked} is marked");
    }
    for marked in ["10.595", "12/03/2025", "43.406", "202/470", "342"] {
        assert!(stale.contains(&marked), "{marked} is not marked");
    }
    assert_eq!(n.report.stale.len(), 124);

    // The province's CCHC report of 2025 (a year) → 2026.
    let path = format!(
        "{}/bao-cao-cchc-nam-2025.docx",
        baocao_testdata::SAMPLES_DIR
    );
    let (r, _) = crate::input::read_report("x.docx", &std::fs::read(path).unwrap()).unwrap();
    let n = next_period(&r, ReportPeriod::month(Period::new(1, 2000).unwrap()));
    assert_eq!(
        n.period,
        ReportPeriod {
            span: Span::Year,
            year: 2026
        }
    );
    assert!(
        n.report.title.summary.starts_with(
            "Công tác cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027"
        ),
        "{}",
        n.report.title.summary
    );
    let text = all(&n.report);
    assert!(text.contains("Trong năm 2026, trước và sau khi"));
    for kept in [
        "Công văn số 4625/BNV-CCHC ngày 02/7/2025",
        "Kế hoạch số 213/KH-UBND ngày 15/7/2025 về CCHC nhà nước năm 2025",
        "Quyết định số 117/QĐ-UBND ngày 17/01/2025 về việc ban hành kế hoạch hoạt động kiểm soát TTHC năm 2025",
    ] {
        assert!(text.contains(kept), "{kept}");
    }
    let heading = n
        .report
        .body
        .sections_flat()
        .iter()
        .map(|s| plain_text(&s.heading.title))
        .find(|t| t.starts_with("PHƯƠNG HƯỚNG, NHIỆM VỤ"))
        .unwrap();
    assert_eq!(
        heading,
        "PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2027"
    );
}

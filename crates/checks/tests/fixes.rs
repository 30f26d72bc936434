//! The certain fixes: each offered only when exactly one value is right,
//! and applied (through the session's edit) it leaves a report with no such
//! finding and nothing else changed. The findings land on their characters:
//! the span of a finding is the wrong number in its place's own text.

use baocao_checks::{in_reading_order, run, Finding, Fix, Rule, Severity};
use baocao_import::import_text;
use baocao_model::{edit_text, HeaderField, Place, Report, SignatureField};
use baocao_session::fix::{replace_at, text_target};

/// The text of a place, in the offsets of `Finding::span`.
fn place_text(r: &Report, place: &Place) -> String {
    if let Some(t) = text_target(place) {
        return edit_text(r.inlines(t).expect("the place exists"));
    }
    match place {
        Place::Header(HeaderField::PlaceDate) => r.header.place.clone(),
        Place::Recipient(i) => r.recipients[*i].clone(),
        Place::Signature(SignatureField::Signer) => r.signature.signer.clone(),
        other => panic!("no text for {other}"),
    }
}

/// What findings say, without their spans (which move with an edit).
fn said(findings: &[Finding]) -> Vec<(Rule, String, String)> {
    let mut v: Vec<_> = findings
        .iter()
        .map(|f| (f.rule, f.place.to_string(), f.message.clone()))
        .collect();
    v.sort();
    v
}

/// Applies the fix of the one finding of `rule` that has one, checks what
/// it changed, and returns the fix.
fn fix_and_check(mut report: Report, rule: Rule) -> Fix {
    let before = run(&report);
    let fixable: Vec<&Finding> = before
        .iter()
        .filter(|f| f.rule == rule && f.fix.is_some())
        .collect();
    assert_eq!(fixable.len(), 1, "{before:#?}");
    let finding = fixable[0].clone();
    let fix = finding.fix.clone().unwrap();
    let text_before = place_text(&report, &finding.place);
    assert!(replace_at(
        &mut report,
        &finding.place,
        fix.span.clone(),
        &fix.with
    ));
    // The place's text changed exactly there.
    let mut expected = text_before.clone();
    expected.replace_range(fix.span.clone(), &fix.with);
    assert_eq!(place_text(&report, &finding.place), expected);
    // The finding is gone, and every other finding is still there.
    let after = run(&report);
    assert!(
        !after
            .iter()
            .any(|f| f.rule == rule && f.place == finding.place && f.fix.is_some()),
        "{after:#?}"
    );
    let mut others = before.clone();
    others.retain(|f| *f != finding);
    assert_eq!(said(&after), said(&others));
    fix
}

fn body(paragraph: &str) -> Report {
    import_text(&format!(
        "I. KẾT QUẢ THỰC HIỆN\n\n1. Cải cách hành chính\n\n{paragraph}\n\nII. NHIỆM VỤ THÁNG TỚI\n\nTiếp tục thực hiện các nhiệm vụ theo kế hoạch./.\n"
    ))
    .unwrap()
}

#[test]
fn a_wrong_percentage_is_fixed_to_the_one_value_at_the_precision_written() {
    let cases = [
        (
            "Tiếp nhận 618/1.000 hồ sơ = 60,8%, giải quyết đúng hạn.",
            "61,8",
        ),
        ("Giải ngân 1.234/2.000 tỷ đồng (đạt 60,2%).", "61,7"),
        ("Hoàn thành 45/60 nhiệm vụ, chiếm 70%.", "75"),
        (
            "Chứng thực điện tử 31 việc/50 = 60,20% trong tháng.",
            "62,00",
        ),
    ];
    for (paragraph, value) in cases {
        let report = body(paragraph);
        let found = run(&report);
        let f = found.iter().find(|f| f.rule == Rule::Percent).unwrap();
        assert_eq!(f.severity, Severity::Error);
        // The finding selects the wrong number, in the paragraph's text.
        let text = place_text(&report, &f.place);
        let wrong = &text[f.span.clone().unwrap()];
        assert!(paragraph.contains(&format!("{wrong}%")), "{wrong}");
        let fix = fix_and_check(report, Rule::Percent);
        assert_eq!(fix.label, format!("Sửa thành {value}%"));
        assert_eq!(fix.with, value);
    }
}

#[test]
fn a_share_of_a_total_given_before_is_fixed() {
    let report = body(
        "Tiếp nhận 2.000 hồ sơ; trong đó: 1.500 hồ sơ trực tuyến (chiếm tỷ lệ 75%), 500 hồ sơ trực tiếp (chiếm tỷ lệ 20%).",
    );
    let fix = fix_and_check(report, Rule::Percent);
    assert_eq!(fix.label, "Sửa thành 25%");
}

#[test]
fn no_fix_when_two_values_are_right_or_the_claim_is_uncertain() {
    // 73.566/75.706 = 97,17…%: 97,1% and 97,2% are both right.
    let r = body("Tỷ lệ tiêm chủng: 73.566/75.706 = 92,1%.");
    let f: Vec<Finding> = run(&r)
        .into_iter()
        .filter(|f| f.rule == Rule::Percent)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].fix, None);
    // "đạt" a share may be progress against a plan: a warning, no fix.
    let r = body("Giải quyết 1.000 hồ sơ (đúng hạn 900 hồ sơ, đạt 95%).");
    let f: Vec<Finding> = run(&r)
        .into_iter()
        .filter(|f| f.rule == Rule::Percent)
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].fix, None);
}

#[test]
fn a_percentage_in_a_footnote_is_found_and_fixed_in_the_footnote() {
    let report = import_text(
        "I. KẾT QUẢ\n\nThực hiện chứng thực¹ theo quy định, bảo đảm đúng hạn.\n\n¹ Trong tháng, chứng thực 12 việc/40 = 32,5%; lũy kế 50 việc.\n\nII. NHIỆM VỤ\n\nTiếp tục thực hiện./.\n",
    )
    .unwrap();
    let found = run(&report);
    let f = found.iter().find(|f| f.rule == Rule::Percent).unwrap();
    assert_eq!(f.place.to_string(), "Chú thích 1");
    let text = place_text(&report, &f.place);
    assert_eq!(&text[f.span.clone().unwrap()], "32,5");
    let fix = fix_and_check(report, Rule::Percent);
    assert_eq!(fix.label, "Sửa thành 30,0%");
}

#[test]
fn the_span_counts_a_footnote_marker_as_the_editor_does() {
    // "²" is two bytes in the checks' text, the marker three in the editor's.
    let report = import_text(
        "I. KẾT QUẢ\n\nTiếp nhận¹ hồ sơ² trực tuyến 618/1.000 = 60,8% trong tháng./.\n\n¹ Hồ sơ.\n\n² Cấp tỉnh.\n",
    )
    .unwrap();
    let found = run(&report);
    let f = found.iter().find(|f| f.rule == Rule::Percent).unwrap();
    let text = place_text(&report, &f.place);
    assert_eq!(&text[f.span.clone().unwrap()], "60,8");
    fix_and_check(report, Rule::Percent);
}

#[test]
fn the_end_mark_is_added_after_a_full_stop_or_a_word() {
    for (last, with) in [
        ("Tiếp tục thực hiện các nhiệm vụ theo kế hoạch.", "/."),
        ("Tiếp tục thực hiện các nhiệm vụ theo kế hoạch", "./."),
        (
            "Hoàn thành 100% chỉ tiêu (theo Kế hoạch số 12/KH-UBND)",
            "./.",
        ),
    ] {
        let report = import_text(&format!(
            "I. KẾT QUẢ\n\nĐã thực hiện tốt.\n\nII. NHIỆM VỤ\n\n{last}\n"
        ))
        .unwrap();
        let fix = fix_and_check(report, Rule::Structure);
        assert_eq!(fix.label, "Thêm ./.");
        assert_eq!(fix.with, with);
    }
    // Ending in a colon: where the mark goes is not certain.
    let report = import_text("I. KẾT QUẢ\n\nĐã thực hiện các việc sau:\n").unwrap();
    let end = run(&report)
        .into_iter()
        .find(|f| f.message.contains("./."))
        .unwrap();
    assert_eq!(end.fix, None);
}

#[test]
fn an_abbreviated_place_name_is_written_in_full() {
    for (written, fixed) in [("TP. Lạng Sơn", "Lạng Sơn"), ("TX. Hồng Lĩnh", "Hồng Lĩnh")]
    {
        let mut report = body("Đã thực hiện tốt.");
        report.header.place = written.to_string();
        let fix = fix_and_check(report, Rule::Structure);
        assert_eq!(fix.label, format!("Sửa thành {fixed}"));
    }
}

#[test]
fn findings_read_errors_then_warnings_then_hints_each_in_reading_order() {
    let mut report = import_text(
        "I. KẾT QUẢ\n\nCác phòng của UBND thành phố đã triển khai.\n\nGiải ngân 1.234/2.000 tỷ đồng (đạt 60,2%).\n\n¹ Trong tháng, chứng thực 12 việc/40 = 32,5%.\n\nII. NHIỆM VỤ\n\nTiếp nhận 618/1.000 hồ sơ = 60,8%, tiếp tục thực hiện\n",
    )
    .unwrap();
    report.header.place = "TP. Lạng Sơn".to_string();
    let ordered = in_reading_order(&report, &run(&report));
    let severities: Vec<Severity> = ordered.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    let errors: Vec<(String, Rule)> = ordered
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.place.to_string(), f.rule))
        .collect();
    // The body's paragraph, then the last part's; the footnote no marker
    // refers to after the body: its missing marker (about the note from its
    // first character), then its percentage further on.
    let errors: Vec<(&str, Rule)> = errors.iter().map(|(p, r)| (p.as_str(), *r)).collect();
    assert_eq!(
        errors,
        [
            ("I › đoạn 2", Rule::Percent),
            ("II › đoạn 1", Rule::Percent),
            ("Chú thích 1", Rule::Footnote),
            ("Chú thích 1", Rule::Percent),
        ]
    );
    let warnings: Vec<String> = ordered
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.place.to_string())
        .collect();
    // The header before the body, the end mark in the last paragraph.
    let place = warnings
        .iter()
        .position(|p| p == "Phần đầu › Địa danh, ngày tháng");
    let end = warnings.iter().position(|p| p == "II › đoạn 1");
    assert!(
        place.is_some() && end.is_some() && place < end,
        "{warnings:?}"
    );
    assert_eq!(ordered.len(), run(&report).len());
}

#[test]
fn an_item_of_noi_nhan_ends_with_a_semicolon() {
    for (written, fixed) in [
        ("Thường trực Thành ủy (b/c).", "Thường trực Thành ủy (b/c);"),
        (
            "Các phòng, ban thuộc UBND thành phố,",
            "Các phòng, ban thuộc UBND thành phố;",
        ),
        ("Lãnh đạo UBND thành phố", "Lãnh đạo UBND thành phố;"),
    ] {
        let mut report = body("Đã thực hiện tốt.");
        report.recipients = vec![
            "UBND tỉnh (b/c);".to_string(),
            written.to_string(),
            "Lưu: VT, TH.".to_string(),
        ];
        let fix = fix_and_check(report.clone(), Rule::Structure);
        assert_eq!(fix.label, "Thêm dấu ;");
        let mut r = report;
        assert!(replace_at(
            &mut r,
            &Place::Recipient(1),
            fix.span,
            &fix.with
        ));
        assert_eq!(r.recipients[1], fixed);
    }
}

#[test]
fn a_title_before_the_signer_is_taken_away() {
    for (written, title, fixed) in [
        ("Ông Nguyễn Văn Hạnh", "Ông", "Nguyễn Văn Hạnh"),
        ("TS. Trần Thị Lan", "TS.", "Trần Thị Lan"),
        ("ThS.Lê Văn Bình", "ThS.", "Lê Văn Bình"),
    ] {
        let mut report = body("Đã thực hiện tốt.");
        report.signature.position = "CHỦ TỊCH".to_string();
        report.signature.signer = written.to_string();
        let fix = fix_and_check(report.clone(), Rule::Structure);
        assert_eq!(fix.label, format!("Bỏ «{title}»"));
        let mut r = report;
        let place = Place::Signature(SignatureField::Signer);
        assert!(replace_at(&mut r, &place, fix.span, &fix.with));
        assert_eq!(r.signature.signer, fixed);
    }
}

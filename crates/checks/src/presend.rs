//! "Kiểm tra trước khi gửi": what stands between a draft and the .docx the
//! official sends, listed once before the download. Four kinds, in the order
//! they hurt: errors of any rule, figures carried over from last month still
//! neither updated nor confirmed, sections left empty, and the fields of the
//! header and signature a report cannot go out without (with the "./." that
//! closes the body). Each item keeps its [`Place`], so the page leads to it,
//! and the finding it comes from, so the page can offer that finding's fix.
//!
//! Only what is certain to be missing is listed: the số stays blank in a
//! draft (the document system gives it), the day may wait for the signing,
//! and the cơ quan chủ quản exists only for some agencies.

use super::text::UnitKind;
use super::{units, Finding, Rule, Severity};
use baocao_model::{HeaderField, Place, Report, SignatureField};

/// The kinds of items, in the order the list shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A finding of severity error.
    Error,
    /// Figures carried over from last month, still waiting.
    Stale,
    /// A heading with nothing under it.
    EmptySection,
    /// A field of the header or signature, or the closing "./.".
    Missing,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 4] = [Kind::Error, Kind::Stale, Kind::EmptySection, Kind::Missing];

    /// The group's heading in the list.
    pub fn title_vi(self) -> &'static str {
        match self {
            Kind::Error => "Lỗi cần sửa",
            Kind::Stale => "Số liệu tháng trước chưa cập nhật",
            Kind::EmptySection => "Mục chưa có nội dung",
            Kind::Missing => "Thiếu thông tin bắt buộc",
        }
    }

    /// A short id (for the page's attributes and tests).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Stale => "stale",
            Kind::EmptySection => "empty-section",
            Kind::Missing => "missing",
        }
    }
}

/// One thing to see to before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    /// What is wrong and how to fix it, in Vietnamese.
    pub message: String,
    /// Where it is fixed.
    pub place: Place,
    /// The finding it comes from (errors, carried-over figures, empty
    /// sections); None for a missing field.
    pub finding: Option<Finding>,
}

/// The whole list, in display order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreSend {
    pub items: Vec<Item>,
    /// How many carried-over figures wait (a finding may list several).
    pub stale_figures: usize,
}

impl PreSend {
    /// Nothing to see to: the download may go straight on.
    pub fn is_clear(&self) -> bool {
        self.items.is_empty()
    }

    /// The items of one kind.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.kind == kind)
    }

    /// How many items of one kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.of(kind).count()
    }
}

/// The list for a report whose findings (from [`crate::run`] or a
/// [`crate::Checker`]) are `findings`.
pub fn before_sending(report: &Report, findings: &[Finding]) -> PreSend {
    let mut items = Vec::new();
    let from = |kind: Kind, f: &Finding| Item {
        kind,
        message: f.message.clone(),
        place: f.place.clone(),
        finding: Some(f.clone()),
    };
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        items.push(from(Kind::Error, f));
    }
    for f in findings.iter().filter(|f| f.rule == Rule::Stale) {
        items.push(from(Kind::Stale, f));
    }
    for f in findings.iter().filter(|f| f.rule == Rule::EmptySection) {
        items.push(from(Kind::EmptySection, f));
    }
    missing(report, &mut items);
    PreSend {
        items,
        stale_figures: report.stale.len(),
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The fields a report cannot be sent without.
fn missing(report: &Report, out: &mut Vec<Item>) {
    let mut add = |place: Place, message: &str| {
        out.push(Item {
            kind: Kind::Missing,
            message: message.to_string(),
            place,
            finding: None,
        })
    };
    let h = &report.header;
    if blank(&h.issuing_agency) {
        add(
            Place::Header(HeaderField::IssuingAgency),
            "Chưa ghi tên cơ quan ban hành (góc trên bên trái), ví dụ «ỦY BAN NHÂN DÂN / XÃ TÂN HÀ».",
        );
    }
    if blank(&h.code) {
        add(
            Place::Header(HeaderField::NumberCode),
            "Chưa ghi ký hiệu văn bản, ví dụ «BC-UBND» (số để trống khi còn là dự thảo).",
        );
    }
    if blank(&h.place) {
        add(
            Place::Header(HeaderField::PlaceDate),
            "Chưa ghi địa danh (nơi ban hành) trước ngày tháng, ví dụ «Tân Hà».",
        );
    }
    if h.date.month.is_none() || h.date.year.is_none() {
        add(
            Place::Header(HeaderField::PlaceDate),
            "Chưa ghi tháng và năm ban hành (ngày có thể để trống đến khi ký).",
        );
    }
    if blank(&report.title.summary) {
        add(
            Place::Summary,
            "Chưa ghi trích yếu (dòng dưới chữ BÁO CÁO), ví dụ «Tình hình kinh tế - xã hội tháng 3/2026, nhiệm vụ tháng 4/2026».",
        );
    }
    let s = &report.signature;
    let collective = {
        let agency = baocao_model::case::upper(&h.issuing_agency);
        agency.starts_with("ỦY BAN NHÂN DÂN")
            || agency.starts_with("UỶ BAN NHÂN DÂN")
            || agency.starts_with("HỘI ĐỒNG NHÂN DÂN")
    };
    // An Ủy ban or Hội đồng signs for the collective ("TM.") or in the
    // head's stead ("KT."): the quyền hạn line is certain to be needed.
    if collective && s.authority.iter().all(|a| blank(a)) {
        add(
            Place::Signature(SignatureField::Authority),
            "Chưa ghi quyền hạn ký, ví dụ «TM. ỦY BAN NHÂN DÂN» (hoặc «KT. CHỦ TỊCH» khi cấp phó ký thay).",
        );
    }
    if blank(&s.position) {
        add(
            Place::Signature(SignatureField::Position),
            "Chưa ghi chức vụ người ký, ví dụ «CHỦ TỊCH».",
        );
    }
    if blank(&s.signer) {
        add(
            Place::Signature(SignatureField::Signer),
            "Chưa ghi họ tên người ký.",
        );
    }
    if report.recipients.iter().all(|r| blank(r)) {
        add(
            Place::Recipients,
            "Chưa ghi Nơi nhận (góc dưới bên trái), dòng cuối «- Lưu: VT, …».",
        );
    }
    end_mark(report, out);
}

/// The body ends with "./.": at its last paragraph or cell with text.
fn end_mark(report: &Report, out: &mut Vec<Item>) {
    let units = units(report);
    let last = units
        .iter()
        .rfind(|u| matches!(u.kind, UnitKind::Paragraph | UnitKind::TableCell) && !blank(&u.text));
    match last {
        Some(u) if u.text.trim_end().ends_with("./.") => {}
        Some(u) => out.push(Item {
            kind: Kind::Missing,
            message: "Thiếu dấu «./.» ở cuối phần nội dung: thêm «./.» vào cuối đoạn cuối cùng."
                .to_string(),
            place: u.place.clone(),
            finding: None,
        }),
        None => out.push(Item {
            kind: Kind::Missing,
            message: "Phần nội dung còn trống: chưa có đoạn văn nào để gửi.".to_string(),
            place: Place::Document,
            finding: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::{Period, StaleFigure};
    use baocao_session::template::{blank_report, monthly_report};

    fn list(report: &Report) -> PreSend {
        before_sending(report, &crate::run(report))
    }

    fn places(p: &PreSend, kind: Kind) -> Vec<String> {
        p.of(kind).map(|i| i.place.to_string()).collect()
    }

    /// The template as a new report opens: every field of parts I–III is
    /// still to write (20 items without sub-items: 7 + 3 points of part I,
    /// 2 of part II, 8 of part III), the signer's name is blank, and nothing
    /// ends with "./.".
    #[test]
    fn an_empty_template_lists_its_empty_sections_and_missing_fields() {
        let mut r = monthly_report(Period::new(3, 2026).unwrap());
        // As a template without a unit profile gives it: no agency values.
        r.header.issuing_agency.clear();
        r.header.code.clear();
        r.header.place.clear();
        r.signature.authority.clear();
        r.signature.position.clear();
        let p = list(&r);
        assert!(!p.is_clear());
        assert_eq!(p.count(Kind::Error), 0);
        assert_eq!(p.count(Kind::Stale), 0);
        assert_eq!(p.count(Kind::EmptySection), 20);
        let empty = places(&p, Kind::EmptySection);
        assert_eq!(empty[0], "I › 1 (đề mục)");
        assert!(empty.contains(&"I › 4 › a (đề mục)".to_string()));
        assert!(
            !empty.contains(&"I › 4 (đề mục)".to_string()),
            "item 4 has points"
        );
        assert!(
            !empty.contains(&"I (đề mục)".to_string()),
            "a part has items"
        );
        let missing: Vec<Place> = p.of(Kind::Missing).map(|i| i.place.clone()).collect();
        assert_eq!(
            missing,
            vec![
                Place::Header(HeaderField::IssuingAgency),
                Place::Header(HeaderField::NumberCode),
                Place::Header(HeaderField::PlaceDate),
                Place::Signature(SignatureField::Position),
                Place::Signature(SignatureField::Signer),
                Place::Document,
            ]
        );
        assert!(p
            .of(Kind::Missing)
            .last()
            .unwrap()
            .message
            .contains("còn trống"));
    }

    #[test]
    fn a_blank_report_misses_everything_and_a_filled_one_nothing() {
        let p = list(&blank_report());
        assert_eq!(p.count(Kind::EmptySection), 0);
        let kinds: Vec<Place> = p.of(Kind::Missing).map(|i| i.place.clone()).collect();
        assert!(kinds.contains(&Place::Summary));
        assert!(kinds.contains(&Place::Recipients));
        assert!(
            !kinds.contains(&Place::Signature(SignatureField::Authority)),
            "no agency: whether a quyền hạn is needed is not known"
        );
        let text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HÀ\n\nSố: /BC-UBND\n\nTân Hà, ngày 05 tháng 4 năm 2026\n\nBÁO CÁO\n\nTình hình tháng 3/2026, nhiệm vụ tháng 4/2026\n\nI. KẾT QUẢ\n\nThu ngân sách được 4.210 triệu đồng./.\n\nNơi nhận:\n- UBND huyện (b/c);\n- Lưu: VT, VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLò Văn Tâm\n";
        let r = baocao_import::import_text(text).unwrap();
        let p = list(&r);
        assert!(p.is_clear(), "{:#?}", p.items);
    }

    /// Read from the seeds: both have Nơi nhận and the signature ("TM. ỦY
    /// BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn Hạnh"). 11/2021 starts at
    /// "BÁO CÁO", with no header at all, and ends its body with "./.";
    /// 3/2025 has "Số: /BC-UBND" and "TP. Lạng Sơn, ngày tháng 3 năm 2025"
    /// but no agency's name above them, and ends "… đã được Nhà nước công
    /// nhận." without "./.".
    #[test]
    fn the_seeds_list_what_they_truly_miss() {
        let nov = list(&baocao_import::import_text(baocao_testdata::NOV_2021).unwrap());
        let missing: Vec<Place> = nov.items.iter().map(|i| i.place.clone()).collect();
        assert_eq!(
            missing,
            vec![
                Place::Header(HeaderField::IssuingAgency),
                Place::Header(HeaderField::NumberCode),
                Place::Header(HeaderField::PlaceDate),
                Place::Header(HeaderField::PlaceDate),
            ],
            "{:#?}",
            nov.items
        );
        let r = baocao_import::import_text(baocao_testdata::MAR_2025).unwrap();
        let mar = list(&r);
        assert_eq!(mar.items.len(), 2, "{:#?}", mar.items);
        assert_eq!(
            mar.items[0].place,
            Place::Header(HeaderField::IssuingAgency)
        );
        let end = &mar.items[1];
        assert_eq!(end.kind, Kind::Missing);
        assert!(end.message.contains("./."));
        assert_eq!(end.place.to_string(), "III › 8 › đoạn 2");
    }

    #[test]
    fn errors_and_carried_over_figures_come_first_with_their_findings() {
        let text = baocao_testdata::MAR_2025.replacen("chiếm 2,34%", "chiếm 2,43%", 1);
        let mut r = baocao_import::import_text(&text).unwrap();
        let (id, start) = r
            .body
            .sections_flat()
            .iter()
            .flat_map(|s| s.blocks.iter())
            .find_map(|b| match b {
                baocao_model::Block::Paragraph(p) => {
                    let text = baocao_model::edit_text(&p.inlines);
                    text.find("11/470").map(|k| (p.id, k))
                }
                _ => None,
            })
            .expect("the seed writes 11/470");
        r.stale.push(StaleFigure {
            place: baocao_model::FigurePlace::Text(baocao_model::TextTarget::Paragraph(id)),
            start,
            text: "11".to_string(),
        });
        let p = list(&r);
        assert_eq!(p.items[0].kind, Kind::Error);
        assert!(p.items[0]
            .message
            .contains("11/470 = 2,34%, không phải 2,43%"));
        assert_eq!(p.count(Kind::Stale), 1);
        assert_eq!(p.stale_figures, 1);
        let stale = p.of(Kind::Stale).next().unwrap();
        assert_eq!(stale.finding.as_ref().unwrap().rule, Rule::Stale);
        let order: Vec<Kind> = p.items.iter().map(|i| i.kind).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    }
}

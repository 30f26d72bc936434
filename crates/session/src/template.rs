//! The templates: the report kinds a unit writes most (KT-XH và QP-AN; cải
//! cách hành chính; a sector's report of its work), for each kind of unit
//! (UBND tỉnh, a sở under "UBND TỈNH …", UBND xã, UBND phường) and each
//! period (a month, a quarter, six or nine months, a year). The parts are
//! the usual ones of such reports (the seeds' monthly KT-XH report, the
//! province's CCHC report among the samples); the header, signature block and
//! Nơi nhận come from the unit profile, or from the unit kind's conventions
//! where the profile says nothing. Names (cơ quan, địa danh, người ký) are
//! never invented: until the profile is set they are left empty.

use crate::profile::{conventions, UnitKind, UnitProfile};
use baocao_model::{
    empty_paragraph, BlockId, DocDate, Header, Heading, Inline, Level, Period, Report,
    ReportPeriod, Section, Signature, Title,
};

/// The report kinds a unit writes most.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// Tình hình kinh tế - xã hội, quốc phòng - an ninh (an UBND's report).
    #[default]
    Socioeconomic,
    /// Công tác cải cách hành chính.
    AdminReform,
    /// Kết quả thực hiện nhiệm vụ of a sector (a sở's report of its work).
    Sector,
}

impl ReportKind {
    pub const ALL: [ReportKind; 3] = [
        ReportKind::Socioeconomic,
        ReportKind::AdminReform,
        ReportKind::Sector,
    ];

    /// The name the page shows.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Socioeconomic => "Báo cáo KT-XH, QP-AN",
            ReportKind::AdminReform => "Báo cáo công tác cải cách hành chính",
            ReportKind::Sector => "Báo cáo kết quả công tác của ngành",
        }
    }

    /// The name in a narrow list.
    pub fn short_label(self) -> &'static str {
        match self {
            ReportKind::Socioeconomic => "KT-XH, QP-AN",
            ReportKind::AdminReform => "Cải cách hành chính",
            ReportKind::Sector => "Kết quả công tác của ngành",
        }
    }

    /// A short ASCII key (form values).
    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Socioeconomic => "ktxh",
            ReportKind::AdminReform => "cchc",
            ReportKind::Sector => "nganh",
        }
    }

    pub fn from_key(key: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind a unit most often writes.
    pub fn usual_for(unit: UnitKind) -> ReportKind {
        match unit {
            UnitKind::Department => ReportKind::Sector,
            _ => ReportKind::Socioeconomic,
        }
    }
}

/// A template: which unit writes which report for which period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    pub unit: UnitKind,
    pub kind: ReportKind,
    pub period: ReportPeriod,
}

/// The template's name as the page lists it.
pub const MONTHLY_TEMPLATE_NAME: &str = "Báo cáo KT-XH, QP-AN tháng";

/// The name a draft of the monthly report for `period` takes in the draft list.
pub fn period_draft_name(period: Period) -> String {
    format!("Báo cáo tháng {period}")
}

/// The name a draft of a report takes in the draft list: "Báo cáo tháng
/// 3/2026" for the monthly KT-XH report, else the kind and the period
/// ("Báo cáo công tác cải cách hành chính quý I năm 2026").
pub fn draft_name(kind: ReportKind, period: ReportPeriod) -> String {
    match (kind, period.as_month()) {
        (ReportKind::Socioeconomic, Some(m)) => period_draft_name(m),
        _ => format!("{} {period}", kind.label()),
    }
}

/// The trích yếu of the monthly KT-XH report for `period` (tasks for the month after).
pub fn summary_for(period: Period) -> String {
    summary_of(ReportKind::Socioeconomic, ReportPeriod::month(period))
}

/// The trích yếu of a report of `kind` for `period`, with the tasks for the
/// period after it, as such reports phrase it: "… tháng 3/2026, nhiệm vụ
/// công tác tháng 4/2026", "… quý I năm 2026; phương hướng, nhiệm vụ quý II
/// năm 2026", "Công tác cải cách hành chính năm 2025 và phương hướng,
/// nhiệm vụ năm 2026".
pub fn summary_of(kind: ReportKind, period: ReportPeriod) -> String {
    let next = period.next();
    let monthly = period.as_month().is_some();
    match kind {
        ReportKind::Socioeconomic if monthly => format!(
            "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh {period}, nhiệm vụ công tác {next}"
        ),
        ReportKind::Socioeconomic => format!(
            "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh {period}; phương hướng, nhiệm vụ {next}"
        ),
        ReportKind::AdminReform => format!(
            "Công tác cải cách hành chính {period} và phương hướng, nhiệm vụ {next}"
        ),
        ReportKind::Sector => format!(
            "Kết quả thực hiện nhiệm vụ {period}, nhiệm vụ trọng tâm {next}"
        ),
    }
}

/// The title of the part of tasks: "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG
/// 4/2025" after a month, "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026"
/// after a longer period.
pub fn tasks_title(period: ReportPeriod) -> String {
    let next = baocao_model::case::upper(&period.next().to_string());
    if period.as_month().is_some() {
        format!("NHIỆM VỤ TRỌNG TÂM CÔNG TÁC {next}")
    } else {
        format!("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {next}")
    }
}

/// The day the report is dated in: the last month of its period (a
/// quarterly report in the quarter's last month, a yearly one in December).
pub fn dated_month(period: ReportPeriod) -> Period {
    let month = *period.months().end();
    Period::new(month, period.year).unwrap_or(Period {
        month: 12,
        year: period.year,
    })
}

/// The dates an official sees when setting the period, as information:
/// the month the report is dated in and the data cut-off many provinces
/// use (from the 15th of the month before the period to the 14th of its
/// last month). Nothing enforces them.
pub fn deadline_note(period: ReportPeriod) -> String {
    let last = dated_month(period);
    let first = Period::new(*period.months().start(), period.year).unwrap_or(last);
    let before = first.previous();
    format!(
        "Báo cáo ghi ngày trong tháng {last}. Số liệu thường tính từ ngày 15/{}/{} đến ngày 14/{}/{} (mốc nhiều tỉnh dùng; kiểm tra theo văn bản của tỉnh).",
        before.month, before.year, last.month, last.year
    )
}

/// The fields of part I and of the tasks, for an UBND's KT-XH report (a
/// province's follow the seeds' city report of 3/2025; a commune's and a
/// ward's the fields the commune level manages since 1 July 2025).
fn socioeconomic_fields(unit: UnitKind) -> &'static [&'static str] {
    match unit {
        UnitKind::Province | UnitKind::Department => &[
            "Kinh tế, hạ tầng và đô thị",
            "Đầu tư xây dựng cơ bản",
            "Nông nghiệp và Môi trường, đất đai, giải phóng mặt bằng",
            "Văn hoá – Xã hội – Y tế",
            "Công tác chuyển đổi số",
            "Công tác an ninh, quốc phòng, đối ngoại",
            "Công tác Nội vụ, Thanh tra, Tư pháp",
            "Công tác Dân tộc – Tôn giáo",
        ],
        UnitKind::Commune => &[
            "Kinh tế: nông nghiệp, công nghiệp, thương mại, dịch vụ",
            "Tài chính – ngân sách, đầu tư xây dựng",
            "Tài nguyên, môi trường, đất đai",
            "Văn hoá – Xã hội – Y tế",
            "Chuyển đổi số, cải cách hành chính",
            "Quốc phòng, an ninh, trật tự an toàn xã hội",
            "Xây dựng chính quyền, nội vụ, tư pháp, thanh tra",
        ],
        UnitKind::Ward => &[
            "Kinh tế: thương mại, dịch vụ, công nghiệp",
            "Tài chính – ngân sách, đầu tư xây dựng",
            "Quản lý đô thị, trật tự xây dựng, môi trường, đất đai",
            "Văn hoá – Xã hội – Y tế",
            "Chuyển đổi số, cải cách hành chính",
            "Quốc phòng, an ninh, trật tự an toàn xã hội",
            "Xây dựng chính quyền, nội vụ, tư pháp, thanh tra",
        ],
    }
}

/// The points under "Văn hoá – Xã hội – Y tế" in part I.
const SOCIAL_POINTS: [&str; 3] = [
    "Giáo dục - Đào tạo",
    "Hoạt động văn hoá - thông tin và thể thao",
    "Công tác y tế, các chính sách xã hội",
];

/// The contents of a CCHC report (the province's report of 2025 among the
/// samples, after the Bộ Nội vụ's outline).
const REFORM_FIELDS: [&str; 6] = [
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
];

const REFORM_DIRECTION: [&str; 3] = [
    "Công tác ban hành kế hoạch, văn bản chỉ đạo, điều hành",
    "Công tác kiểm tra cải cách hành chính",
    "Công tác thông tin, tuyên truyền cải cách hành chính",
];

/// The items of a sector's report of its work.
const SECTOR_FIELDS: [&str; 4] = [
    "Công tác chỉ đạo, điều hành",
    "Kết quả thực hiện nhiệm vụ chuyên môn",
    "Công tác cải cách hành chính, chuyển đổi số",
    "Công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo",
];
/// Hands out block ids in order.
struct Ids(u32);

impl Ids {
    fn next(&mut self) -> BlockId {
        self.0 += 1;
        BlockId(self.0)
    }
}

fn section(ids: &mut Ids, level: Level, title: &str, children: Vec<Section>) -> Section {
    let id = ids.next();
    // Items with sub-items start with their sub-items; the others with a
    // paragraph ready for typing.
    let blocks = if children.is_empty() {
        vec![empty_paragraph(ids.next())]
    } else {
        Vec::new()
    };
    Section {
        id,
        heading: Heading {
            level,
            number: String::new(),
            title: vec![Inline::text(title)],
            origin: None,
        },
        blocks,
        children,
    }
}

/// Items with the same children: a leaf item per title.
fn items(ids: &mut Ids, titles: &[&str]) -> Vec<Section> {
    titles
        .iter()
        .map(|t| section(ids, Level::Item, t, Vec::new()))
        .collect()
}

/// The parts of a report of `kind` by `unit` for `period`.
fn parts(ids: &mut Ids, t: Template) -> Vec<Section> {
    let tasks_title = tasks_title(t.period);
    let assessment = |ids: &mut Ids| {
        let children = items(ids, &["Ưu điểm", "Tồn tại, hạn chế và nguyên nhân"]);
        section(ids, Level::Part, "ĐÁNH GIÁ CHUNG", children)
    };
    match t.kind {
        ReportKind::Socioeconomic => {
            let fields = socioeconomic_fields(t.unit);
            let mut results = Vec::new();
            for field in fields {
                let children = if field.starts_with("Văn hoá – Xã hội") {
                    SOCIAL_POINTS
                        .iter()
                        .map(|p| section(ids, Level::Point, p, Vec::new()))
                        .collect()
                } else {
                    Vec::new()
                };
                results.push(section(ids, Level::Item, field, children));
            }
            let one = section(ids, Level::Part, "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", results);
            let two = assessment(ids);
            let tasks = items(ids, fields);
            let three = section(ids, Level::Part, &tasks_title, tasks);
            vec![one, two, three]
        }
        ReportKind::AdminReform => {
            let direction = items(ids, &REFORM_DIRECTION);
            let one = section(
                ids,
                Level::Part,
                "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
                direction,
            );
            let results = items(ids, &REFORM_FIELDS);
            let two = section(
                ids,
                Level::Part,
                "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
                results,
            );
            let three = assessment(ids);
            let tasks = items(ids, &REFORM_FIELDS);
            let four = section(ids, Level::Part, &tasks_title, tasks);
            let five = section(ids, Level::Part, "ĐỀ XUẤT, KIẾN NGHỊ", Vec::new());
            vec![one, two, three, four, five]
        }
        ReportKind::Sector => {
            let results = items(ids, &SECTOR_FIELDS);
            let one = section(ids, Level::Part, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", results);
            let two = assessment(ids);
            let tasks = items(ids, &SECTOR_FIELDS);
            let three = section(ids, Level::Part, &tasks_title, tasks);
            let four = section(ids, Level::Part, "ĐỀ XUẤT, KIẾN NGHỊ", Vec::new());
            vec![one, two, three, four]
        }
    }
}

/// A report from a template: its parts and items, the trích yếu for the
/// period, the date in the period's last month (day and number left blank
/// for the clerk), and the header, Nơi nhận and signature block from the
/// profile when it is the profile of this unit kind, else the unit kind's
/// conventions with every name left empty.
pub fn report_from(t: Template, profile: &UnitProfile) -> Report {
    let own = profile.unit == t.unit;
    let profile = if own {
        profile.with_conventions()
    } else {
        UnitProfile::new(t.unit).with_conventions()
    };
    let mut ids = Ids(0);
    let sections = parts(&mut ids, t);
    let dated = dated_month(t.period);
    let mut report = Report {
        header: Header {
            parent_agency: profile.parent_agency.clone(),
            issuing_agency: profile.issuing_agency.clone(),
            number: String::new(),
            code: profile.code.clone(),
            place: profile.place.clone(),
            date: DocDate {
                day: None,
                month: Some(dated.month),
                year: Some(dated.year),
            },
        },
        title: Title {
            kind: "BÁO CÁO".to_string(),
            summary: summary_of(t.kind, t.period),
        },
        recipients: profile.recipients.clone(),
        signature: Signature {
            authority: profile.authority.clone(),
            position: profile.position.clone(),
            signer: profile.signer.clone(),
        },
        ..Report::new()
    };
    report.body.sections = sections;
    report.body.renumber_headings();
    report
}

/// The monthly KT-XH report of an UBND tỉnh for `period` (the seeds'
/// fields), with no profile: the unit kind's conventions and every name empty.
pub fn monthly_report(period: Period) -> Report {
    report_from(
        Template {
            unit: UnitKind::Province,
            kind: ReportKind::Socioeconomic,
            period: ReportPeriod::month(period),
        },
        &UnitProfile::new(UnitKind::Province),
    )
}

/// The unit kinds' conventions, re-exported for the page's placeholders.
pub fn usual_code(unit: UnitKind) -> String {
    conventions(unit).code
}

/// A blank report: an empty header and one empty paragraph to type in.
pub fn blank_report() -> Report {
    let mut r = Report::new();
    r.body.intro.push(empty_paragraph(BlockId(1)));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::{plain_text, Span};

    fn labels(r: &Report) -> Vec<String> {
        r.body
            .sections_flat()
            .iter()
            .map(|s| format!("{} {}", s.heading.label(), plain_text(&s.heading.title)))
            .collect()
    }

    fn period(span: Span, year: u16) -> ReportPeriod {
        ReportPeriod { span, year }
    }

    fn department_profile() -> UnitProfile {
        UnitProfile {
            unit: UnitKind::Department,
            parent_agency: "UBND TỈNH LÂM ĐỒNG".into(),
            issuing_agency: "SỞ NỘI VỤ".into(),
            place: "Lâm Đồng".into(),
            code: "BC-SNV".into(),
            signer: "Trần Thị B".into(),
            ..UnitProfile::new(UnitKind::Department)
        }
    }

    #[test]
    fn the_monthly_template_has_the_seeds_parts_and_no_other_unit_s_names() {
        let r = monthly_report(Period::new(3, 2025).unwrap());
        let labels = labels(&r);
        assert_eq!(labels[0], "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC");
        assert_eq!(labels[1], "1. Kinh tế, hạ tầng và đô thị");
        assert_eq!(labels[8], "5. Công tác chuyển đổi số");
        assert_eq!(labels[5], "a) Giáo dục - Đào tạo");
        assert!(labels.contains(&"II. ĐÁNH GIÁ CHUNG".to_string()));
        assert!(labels.contains(&"2. Tồn tại, hạn chế và nguyên nhân".to_string()));
        assert!(labels.contains(&"III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025".to_string()));
        assert_eq!(r.period(), Period::new(3, 2025));
        assert_eq!(
            r.title.summary,
            "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
        );
        assert_eq!(r.header.date.decree_text(), "ngày      tháng 3 năm 2025");
        // No city's values written as if they were the user's.
        assert_eq!(r.header.issuing_agency, "");
        assert_eq!(r.header.place, "");
        assert_eq!(r.signature.signer, "");
        assert_eq!(r.header.code, "BC-UBND");
        assert_eq!(r.recipients.last().unwrap(), "Lưu: VT, TH.");
        assert_eq!(r.signature.authority, ["TM. ỦY BAN NHÂN DÂN"]);
        assert_eq!(r.signature.position, "CHỦ TỊCH");
    }

    #[test]
    fn template_ids_are_unique_and_december_rolls_over() {
        for kind in ReportKind::ALL {
            let r = report_from(
                Template {
                    unit: UnitKind::Province,
                    kind,
                    period: period(Span::Month(12), 2025),
                },
                &UnitProfile::default(),
            );
            let mut ids = Vec::new();
            r.body.visit(&mut |v| {
                if let baocao_model::Visit::Block(_, b) = v {
                    ids.push(b.id());
                }
            });
            for s in r.body.sections_flat() {
                ids.push(s.id);
            }
            let count = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), count, "{kind:?}");
            assert!(
                r.title.summary.contains("tháng 12/2025"),
                "{}",
                r.title.summary
            );
            assert!(
                r.title.summary.ends_with("tháng 1/2026"),
                "{}",
                r.title.summary
            );
            assert!(labels(&r)
                .iter()
                .any(|l| l.ends_with("NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 1/2026")));
        }
    }

    /// Each unit kind: header fields, signature and ký hiệu.
    #[test]
    fn each_unit_kind_has_its_header_and_signature() {
        let t = |unit| Template {
            unit,
            kind: ReportKind::usual_for(unit),
            period: period(Span::Quarter(1), 2026),
        };
        // A sở with its profile: cơ quan chủ quản above it, KT. GIÁM ĐỐC.
        let r = report_from(t(UnitKind::Department), &department_profile());
        assert_eq!(r.header.parent_agency, "UBND TỈNH LÂM ĐỒNG");
        assert_eq!(r.header.issuing_agency, "SỞ NỘI VỤ");
        assert_eq!(r.header.code, "BC-SNV");
        assert_eq!(r.header.place, "Lâm Đồng");
        assert_eq!(r.signature.authority, ["KT. GIÁM ĐỐC"]);
        assert_eq!(r.signature.position, "PHÓ GIÁM ĐỐC");
        assert_eq!(r.signature.signer, "Trần Thị B");
        assert_eq!(r.recipients.first().unwrap(), "UBND tỉnh (b/c);");
        // A sở without a profile: conventions only, no letters invented.
        let r = report_from(t(UnitKind::Department), &UnitProfile::default());
        assert_eq!(r.header.parent_agency, "");
        assert_eq!(r.header.code, "");
        assert_eq!(r.signature.authority, ["KT. GIÁM ĐỐC"]);
        // The profile of another unit kind is not used.
        let r = report_from(t(UnitKind::Ward), &department_profile());
        assert_eq!(r.header.issuing_agency, "");
        assert_eq!(r.header.code, "BC-UBND");
        assert_eq!(r.signature.authority, ["TM. ỦY BAN NHÂN DÂN"]);
        assert!(r
            .recipients
            .contains(&"CT, các PCT UBND phường;".to_string()));
        assert!(labels(&r)
            .iter()
            .any(|l| l == "3. Quản lý đô thị, trật tự xây dựng, môi trường, đất đai"));
        let r = report_from(t(UnitKind::Province), &UnitProfile::default());
        assert_eq!(r.header.parent_agency, "");
        assert_eq!(r.signature.position, "CHỦ TỊCH");
        assert!(r
            .recipients
            .contains(&"UBND các xã, phường, đặc khu;".to_string()));
        let r = report_from(t(UnitKind::Commune), &UnitProfile::default());
        assert!(r.recipients.contains(&"Thường trực HĐND xã;".to_string()));
    }

    /// Each period kind: trích yếu, tasks part, date, draft name, next period.
    #[test]
    fn each_period_kind_has_its_phrasing() {
        let cases = [
            (
                ReportKind::Socioeconomic,
                period(Span::Quarter(1), 2026),
                "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh quý I năm 2026; phương hướng, nhiệm vụ quý II năm 2026",
                "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026",
                3,
            ),
            (
                ReportKind::Socioeconomic,
                period(Span::FirstHalf, 2026),
                "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh 6 tháng đầu năm 2026; phương hướng, nhiệm vụ 6 tháng cuối năm 2026",
                "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
                6,
            ),
            (
                ReportKind::AdminReform,
                period(Span::Year, 2025),
                "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026",
                "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2026",
                12,
            ),
            (
                ReportKind::Sector,
                period(Span::NineMonths, 2026),
                "Kết quả thực hiện nhiệm vụ 9 tháng năm 2026, nhiệm vụ trọng tâm quý IV năm 2026",
                "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026",
                9,
            ),
            (
                ReportKind::Sector,
                period(Span::Month(3), 2026),
                "Kết quả thực hiện nhiệm vụ tháng 3/2026, nhiệm vụ trọng tâm tháng 4/2026",
                "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2026",
                3,
            ),
        ];
        for (kind, p, summary, tasks, month) in cases {
            let r = report_from(
                Template {
                    unit: UnitKind::Department,
                    kind,
                    period: p,
                },
                &UnitProfile::default(),
            );
            assert_eq!(r.title.summary, summary);
            assert_eq!(r.report_period(), Some(p));
            assert!(
                labels(&r).iter().any(|l| l.ends_with(tasks)),
                "{:?}",
                labels(&r)
            );
            assert_eq!(r.header.date.month, Some(month));
            assert_eq!(r.header.date.year, Some(p.year));
        }
        assert_eq!(
            draft_name(ReportKind::AdminReform, period(Span::Quarter(2), 2026)),
            "Báo cáo công tác cải cách hành chính quý II năm 2026"
        );
        assert_eq!(
            draft_name(ReportKind::Socioeconomic, period(Span::Month(3), 2026)),
            "Báo cáo tháng 3/2026"
        );
        // The CCHC report's parts, as the province's report of 2025 has them.
        let r = report_from(
            Template {
                unit: UnitKind::Province,
                kind: ReportKind::AdminReform,
                period: period(Span::Year, 2025),
            },
            &UnitProfile::default(),
        );
        let l = labels(&r);
        assert_eq!(l[0], "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
        assert!(l.contains(&"2. Cải cách thủ tục hành chính".to_string()));
        assert!(l.contains(&"V. ĐỀ XUẤT, KIẾN NGHỊ".to_string()));
    }

    #[test]
    fn the_deadlines_are_told_for_each_period() {
        assert_eq!(
            deadline_note(period(Span::Month(3), 2026)),
            "Báo cáo ghi ngày trong tháng 3/2026. Số liệu thường tính từ ngày 15/2/2026 đến ngày 14/3/2026 (mốc nhiều tỉnh dùng; kiểm tra theo văn bản của tỉnh)."
        );
        assert!(deadline_note(period(Span::Month(1), 2026))
            .contains("từ ngày 15/12/2025 đến ngày 14/1/2026"));
        assert!(deadline_note(period(Span::Quarter(2), 2026))
            .contains("tháng 6/2026. Số liệu thường tính từ ngày 15/3/2026 đến ngày 14/6/2026"));
        assert!(deadline_note(period(Span::Year, 2025))
            .contains("tháng 12/2025. Số liệu thường tính từ ngày 15/12/2024 đến ngày 14/12/2025"));
    }
}

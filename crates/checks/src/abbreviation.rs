//! `abbreviation` (info): an abbreviation (two capitals or more, e.g. GPMB,
//! VPHC) used before the report ever spells it out ("giải phóng mặt bằng
//! (GPMB)"), except those everyone knows (UBND, HĐND, COVID-19, …). The
//! message proposes the expansion when it is a usual one of these reports
//! (`nd30.md` §7). This is house style, not the decree (which has no such
//! rule), hence info.
//!
//! Only the body is read, in reading order (a footnote after the paragraph
//! that first refers to it); the header, the ký hiệu of document numbers,
//! the Nơi nhận list, the titles in capitals ("ĐÁNH GIÁ CHUNG") and a
//! table's header cell that is only a standard column name ("STT") are not.

use super::text::{reading_order, Unit, UnitKind};
use super::{Finding, Placed, Report, Rule, Severity};
use baocao_model::{Block, Level, Place};
use std::collections::HashMap;
use std::ops::Range;

/// Checks that abbreviations are spelled out before they are used.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Abbreviation, units, report, out);
}

/// Abbreviations every reader of these reports knows.
const WELL_KNOWN: [&str; 16] = [
    "UBND", "HĐND", "MTTQ", "COVID", "TNHH", "TM", "KT", "TL", "TUQ", "VT", "ASEAN", "WTO", "WHO",
    "GDP", "GRDP", "ODA",
];

/// Column names that are the standard heading of a detail table's column
/// ("STT" for số thứ tự, "ĐVT" for đơn vị tính): silent as the whole text of
/// a header cell, read as abbreviations anywhere else.
const COLUMN_NAMES: [&str; 3] = ["STT", "TT", "ĐVT"];

/// Whether a unit is a header cell holding only a standard column name.
fn is_column_name(unit: &Unit, report: &Report) -> bool {
    let Place::Cell { table, row, .. } = &unit.place else {
        return false;
    };
    let header_rows = match report.body.block(*table) {
        Some(Block::Table(t)) => 1 + t.layout.more_header_rows,
        _ => 1,
    };
    *row < header_rows && COLUMN_NAMES.contains(&unit.text.trim())
}

/// The usual abbreviations of KT-XH monthly reports (`nd30.md` §7), keyed
/// without separators.
const EXPANSIONS: [(&str, &str); 66] = [
    ("TP", "thành phố"),
    ("KTXH", "kinh tế - xã hội"),
    ("QPAN", "quốc phòng - an ninh"),
    ("NSNN", "ngân sách nhà nước"),
    ("XDCB", "xây dựng cơ bản"),
    ("GPMB", "giải phóng mặt bằng"),
    ("BT", "bồi thường"),
    ("HT", "hỗ trợ"),
    ("TĐC", "tái định cư"),
    ("HTTĐC", "hỗ trợ và tái định cư"),
    ("BTHTTĐC", "bồi thường, hỗ trợ, tái định cư"),
    ("GCNQSD", "giấy chứng nhận quyền sử dụng"),
    ("GCNQSDĐ", "giấy chứng nhận quyền sử dụng đất"),
    ("QSDĐ", "quyền sử dụng đất"),
    ("VPHC", "vi phạm hành chính"),
    ("ATTP", "an toàn thực phẩm"),
    ("ATVSTP", "an toàn vệ sinh thực phẩm"),
    ("VSATTP", "vệ sinh an toàn thực phẩm"),
    ("TTATGT", "trật tự an toàn giao thông"),
    ("ATGT", "an toàn giao thông"),
    ("TNGT", "tai nạn giao thông"),
    ("ANTT", "an ninh trật tự"),
    ("TTHC", "thủ tục hành chính"),
    ("CCHC", "cải cách hành chính"),
    ("CCCD", "căn cước công dân"),
    ("LCNT", "lựa chọn nhà thầu"),
    ("BCNC", "báo cáo nghiên cứu"),
    ("BCNCKT", "báo cáo nghiên cứu khả thi"),
    ("KTKT", "kinh tế - kỹ thuật"),
    ("ĐTXD", "đầu tư xây dựng"),
    ("BQLDA", "Ban Quản lý dự án"),
    ("NTM", "nông thôn mới"),
    ("BTXH", "bảo trợ xã hội"),
    ("LĐTBXH", "lao động - thương binh và xã hội"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("CNTT", "công nghệ thông tin"),
    ("CĐS", "chuyển đổi số"),
    ("GDĐT", "giáo dục và đào tạo"),
    ("VHTT", "văn hóa - thông tin"),
    ("TDTT", "thể dục thể thao"),
    ("PCCC", "phòng cháy, chữa cháy"),
    ("PCCCR", "phòng cháy, chữa cháy rừng"),
    ("PCTTTKCN", "phòng, chống thiên tai và tìm kiếm cứu nạn"),
    ("TNMT", "tài nguyên và môi trường"),
    ("GPXD", "giấy phép xây dựng"),
    ("CNTTCN", "công nghiệp - tiểu thủ công nghiệp"),
    ("TMDV", "thương mại - dịch vụ"),
    ("XNK", "xuất nhập khẩu"),
    ("HTX", "hợp tác xã"),
    ("DN", "doanh nghiệp"),
    ("SXKD", "sản xuất, kinh doanh"),
    ("KBNN", "Kho bạc Nhà nước"),
    ("CTMTQG", "chương trình mục tiêu quốc gia"),
    ("DTTS", "dân tộc thiểu số"),
    ("CBCCVC", "cán bộ, công chức, viên chức"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("ĐVHC", "đơn vị hành chính"),
    ("KKT", "khu kinh tế"),
    ("KCN", "khu công nghiệp"),
    ("CCN", "cụm công nghiệp"),
    ("QLTT", "quản lý thị trường"),
    ("THCS", "trung học cơ sở"),
    ("THPT", "trung học phổ thông"),
    ("KHCN", "khoa học và công nghệ"),
];

/// The usual expansion of an abbreviation, if it has one.
pub fn expansion(key: &str) -> Option<&'static str> {
    EXPANSIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, e)| *e)
        .or(match key {
            "TW" => Some("Trung ương"),
            "MN" => Some("mầm non"),
            _ => None,
        })
}

struct Seen<'a> {
    key: &'a str,
    unit: usize,
    span: Range<usize>,
    defined_first: bool,
    defined_at: Option<usize>,
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    let mut seen: HashMap<&str, Seen<'_>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for i in reading_order(units) {
        let unit = &units[i];
        if unit.kind == UnitKind::Heading(Level::Part)
            || !unit.is_body()
            || is_column_name(unit, report)
        {
            continue;
        }
        for w in &unit.scan.capitals {
            if WELL_KNOWN.contains(&w.key.as_str()) {
                continue;
            }
            match seen.get_mut(w.key.as_str()) {
                None => {
                    order.push(w.key.as_str());
                    seen.insert(
                        w.key.as_str(),
                        Seen {
                            key: w.key.as_str(),
                            unit: i,
                            span: w.span.clone(),
                            defined_first: w.defines,
                            defined_at: None,
                        },
                    );
                }
                Some(s) if w.defines && s.defined_at.is_none() => s.defined_at = Some(i),
                Some(_) => {}
            }
        }
    }
    // Abbreviations first used side by side ("BT, HT") make one finding.
    let mut groups: Vec<Vec<&Seen>> = Vec::new();
    for key in &order {
        let s = &seen[key];
        if s.defined_first {
            continue;
        }
        if let Some(last) = groups.last_mut().and_then(|g| g.last().copied()) {
            let gap = (last.unit == s.unit && last.span.end <= s.span.start)
                .then(|| &units[s.unit].text[last.span.end..s.span.start]);
            let adjacent = gap.is_some_and(|g| matches!(g.trim(), "," | "&"));
            if adjacent && last.defined_at.is_none() && s.defined_at.is_none() {
                if let Some(g) = groups.last_mut() {
                    g.push(s);
                }
                continue;
            }
        }
        groups.push(vec![s]);
    }
    for group in groups {
        let (first, last) = (group[0], group[group.len() - 1]);
        let unit = &units[first.unit];
        let span = first.span.start..last.span.end;
        let written = &unit.text[span.clone()];
        let keys: Vec<&str> = group.iter().map(|s| s.key).collect();
        let message = match first.defined_at {
            Some(j) => {
                let place = match units[j].line_at(0) {
                    Some(line) => format!("dòng {line}"),
                    None => units[j].place.to_string(),
                };
                format!(
                    "«{written}» được dùng ở đây trước khi được viết đầy đủ ({place}): chuyển phần viết đầy đủ lên lần dùng đầu tiên này."
                )
            }
            None => {
                let full: Option<Vec<&str>> = keys.iter().map(|k| expansion(k)).collect();
                match full {
                    Some(full) => format!(
                        "«{written}» được dùng mà chưa viết đầy đủ lần nào trong báo cáo. Lần đầu nên viết: {} ({written}).",
                        full.join(", ")
                    ),
                    None => format!(
                        "«{written}» được dùng mà chưa viết đầy đủ lần nào trong báo cáo: lần đầu hãy viết cụm từ đầy đủ, rồi ghi ({written}) ngay sau."
                    ),
                }
            }
        };
        out.push(Placed {
            at: first.unit,
            finding: unit.finding(Rule::Abbreviation, Severity::Info, span, message),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn first_use_before_definition_is_info_with_the_expansion() {
        let f = findings("I. KẾT QUẢ\n\nCông tác GPMB còn chậm; thu NSNN đạt 82%.\n\nĐẩy nhanh giải phóng mặt bằng (GPMB) các dự án; công tác GPMB.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Info));
        assert_eq!(f[0].excerpt, "GPMB");
        assert_eq!(f[0].line, Some(3));
        assert!(
            f[0].message.contains("trước khi được viết đầy đủ (dòng 5)"),
            "{}",
            f[0].message
        );
        assert_eq!(
            f[1].message,
            "«NSNN» được dùng mà chưa viết đầy đủ lần nào trong báo cáo. Lần đầu nên viết: ngân sách nhà nước (NSNN)."
        );
    }

    #[test]
    fn defined_well_known_and_not_abbreviations_are_silent() {
        for t in [
            "I. ĐÁNH GIÁ CHUNG\n\nĐẩy nhanh giải phóng mặt bằng (GPMB); công tác GPMB.",
            "I. KẾT QUẢ\n\nUBND thành phố, HĐND, phòng chống COVID-19, Công ty TNHH Huy Hoàng.",
            "I. KẾT QUẢ\n\nKế hoạch số 81/KH-UBND; Nghị quyết số 188-NQ/TU; học kỳ II, khóa XIII.",
            "I. KẾT QUẢ\n\nTổ chức Korea Food for the Hungry International (KFHI); KFHI tài trợ.",
        ] {
            assert_eq!(findings(t), vec![], "{t}");
        }
    }

    #[test]
    fn nơi_nhận_and_header_are_exempt() {
        let t = "Số: 05/BC-UBND\n\nBÁO CÁO\n\nTình hình KT-XH tháng 3/2025\n\nI. KẾT QUẢ\n\nA.\n\nNơi nhận:\n- TT HĐND TP;\n- CPVP, CVVP;\n- Lưu: VT, TH.";
        assert_eq!(findings(t), vec![]);
    }

    #[test]
    fn abbreviations_side_by_side_make_one_finding() {
        let f = findings("I. KẾT QUẢ\n\nChi trả tiền BT, HT cho 01 trường hợp.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].excerpt, "BT, HT");
        assert!(
            f[0].message
                .ends_with("Lần đầu nên viết: bồi thường, hỗ trợ (BT, HT)."),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_footnote_is_read_after_its_paragraph() {
        let t = "I. KẾT QUẢ\n\nTiếp 15 lượt¹.\n\nĐẩy nhanh giải phóng mặt bằng (GPMB).\n\n¹ Trong đó GPMB: 03 lượt.";
        let f = findings(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(7));
        assert!(f[0].message.contains("(dòng 5)"), "{}", f[0].message);
    }
}

#[cfg(test)]
mod column_names {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn standard_column_names_in_a_header_are_silent() {
        for header in [
            "| STT | Chỉ tiêu | Kết quả |",
            "| TT | Nội dung | ĐVT | Số lượng |",
            "| Stt | Tên công trình | Giá trị |",
        ] {
            let cols = header.matches('|').count() - 1;
            let rule = format!("|{}", "---|".repeat(cols));
            let row = format!("|{}", " 1 |".repeat(cols));
            let text = format!("I. KẾT QUẢ\n\n{header}\n{rule}\n{row}\n");
            let f = findings(&text);
            assert!(f.is_empty(), "{header}: {f:?}");
        }
    }

    #[test]
    fn the_same_letters_elsewhere_still_count() {
        // In a sentence "STT" is an abbreviation like any other; in a data
        // cell too; and a header cell that says more than the name is read.
        let f = findings("I. KẾT QUẢ\n\nGhi rõ STT của hồ sơ.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].excerpt, "STT");
        let f = findings("I. KẾT QUẢ\n\n| Mã | Nội dung |\n|---|---|\n| STT | Hồ sơ |\n");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = findings("I. KẾT QUẢ\n\n| STT | Công tác GPMB |\n|---|---|\n| 1 | Hồ sơ |\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].excerpt, "GPMB");
    }
}

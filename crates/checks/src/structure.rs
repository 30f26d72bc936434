//! `structure` (warning): the parts the decree requires and its text
//! conventions (`nd30.md` §3–§9). Missing: cơ quan ban hành, số/ký hiệu,
//! địa danh and date, tên loại, trích yếu, Nơi nhận, the signer. Form: the
//! ký hiệu "BC-…", a số below 10 written "05", the date line's padding (a day
//! below 10 as "05", only months 1 and 2 padded), no abbreviation in the
//! địa danh ("TP. Lạng Sơn" → "Lạng Sơn"), the Quốc hiệu and Tiêu ngữ exactly
//! as the decree writes them, Nơi nhận items ending in ";" with a last line
//! "Lưu: VT, …." and the body ending in "./.".
//!
//! Warnings, not errors: real reports break some of these (both seeds do),
//! and the .docx writer lays the header out itself.

use super::text::{Unit, UnitKind};
use super::{Finding, Fix, Placed, Report, Rule, Severity};
use baocao_model::{HeaderField, Place, SignatureField, SourceLines};

/// Checks the required parts and the decree's conventions.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Structure, units, report, out);
}

const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

struct Out<'a> {
    placed: &'a mut Vec<Placed>,
    at: usize,
}

impl Out<'_> {
    fn warn(&mut self, line: Option<u32>, place: Place, excerpt: &str, message: String) {
        self.placed.push(Placed {
            at: self.at,
            finding: Finding::at(
                Rule::Structure,
                Severity::Warning,
                line,
                place,
                excerpt,
                message,
            ),
        });
    }
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    // An appendix in a file of its own ("PHỤ LỤC …" and its tables, as
    // offices send them beside the report) has no header block, title,
    // Nơi nhận or signature of its own (nd30.md §10.6): nothing is missing.
    let b = &report.body;
    let appendix_alone = b.intro.is_empty()
        && b.sections.is_empty()
        && !b.appendices.is_empty()
        && report.title.summary.trim().is_empty()
        && report.recipients.is_empty()
        && report.signature == Default::default();
    if appendix_alone {
        return;
    }
    let from_text =
        report.source != SourceLines::default() || units.iter().any(|u| u.origin.is_some());
    let src = &report.source;
    let h = &report.header;
    let mut o = Out {
        placed: &mut *out,
        at: 0,
    };
    // ô 1: the Quốc hiệu and Tiêu ngữ, when the text has them.
    for (line, written) in &src.motto {
        motto(&mut o, *line, written);
    }
    // ô 2: the issuing agency, never abbreviated.
    if h.issuing_agency.trim().is_empty() {
        o.warn(
            None,
            Place::Header(HeaderField::IssuingAgency),
            "",
            "Thiếu tên cơ quan ban hành (góc trên bên trái): ghi đầy đủ, ví dụ «ỦY BAN NHÂN DÂN / XÃ …» hoặc «SỞ NỘI VỤ».".to_string(),
        );
    } else if h
        .issuing_agency
        .split_whitespace()
        .any(|w| w == "UBND" || w == "HĐND")
    {
        o.warn(
            src.agency,
            Place::Header(HeaderField::IssuingAgency),
            &h.issuing_agency.replace('\n', " "),
            "Tên cơ quan ban hành không được viết tắt: ghi «ỦY BAN NHÂN DÂN», không ghi «UBND»."
                .to_string(),
        );
    }
    // ô 3: Số and ký hiệu.
    if h.code.trim().is_empty() {
        o.warn(
            None,
            Place::Header(HeaderField::NumberCode),
            "",
            "Thiếu số và ký hiệu (dưới tên cơ quan): ghi «Số: …/BC-UBND» (hoặc ký hiệu của cơ quan, như «BC-SNV»); số để trống khi còn là dự thảo.".to_string(),
        );
    } else {
        let written = format!("Số: {}/{}", h.number, h.code);
        if !is_report_code(&h.code) {
            o.warn(
                src.number,
                Place::Header(HeaderField::NumberCode),
                &written,
                format!(
                    "Ký hiệu «{}» không đúng dạng của báo cáo: viết «BC-» rồi tên cơ quan viết tắt, không cách, ví dụ «BC-UBND».",
                    h.code
                ),
            );
        }
        let number = h.number.trim();
        if number.len() == 1 && number.bytes().all(|b| b.is_ascii_digit()) {
            o.warn(
                src.number,
                Place::Header(HeaderField::NumberCode),
                &written,
                format!(
                    "Số dưới 10 viết thêm số 0 đằng trước: «0{number}», không phải «{number}»."
                ),
            );
        }
    }
    // ô 4: place and date.
    if h.place.trim().is_empty() || h.date.month.is_none() || h.date.year.is_none() {
        o.warn(
            src.place_date,
            Place::Header(HeaderField::PlaceDate),
            "",
            "Thiếu địa danh và ngày tháng: ghi «[địa danh], ngày … tháng … năm …» bên phải, ngang dòng số và ký hiệu.".to_string(),
        );
    }
    if let Some(fixed) = place_without_abbreviation(&h.place) {
        o.warn(
            src.place_date,
            Place::Header(HeaderField::PlaceDate),
            &h.place,
            format!(
                "Địa danh không viết tắt: ghi «{fixed}», không ghi «{}».",
                h.place
            ),
        );
        if let Some(last) = o.placed.last_mut() {
            last.finding.span = Some(0..h.place.len());
            if !fixed.is_empty() {
                last.finding.fix = Some(Fix {
                    label: format!("Sửa thành {fixed}"),
                    span: 0..h.place.len(),
                    with: fixed,
                });
            }
        }
    }
    if let Some(written) = &src.place_date_text {
        date_padding(&mut o, src.place_date, written);
    }
    // ô 5a: tên loại and trích yếu.
    if report.title.kind.trim().is_empty() || (from_text && src.kind.is_none()) {
        o.warn(
            None,
            Place::Kind,
            "",
            "Thiếu tên loại văn bản: ghi «BÁO CÁO» (chữ in hoa, đậm, căn giữa) trên trích yếu."
                .to_string(),
        );
    }
    if report.title.summary.trim().is_empty() {
        o.warn(
            None,
            Place::Summary,
            "",
            "Thiếu trích yếu: ghi «Tình hình … tháng M/YYYY, nhiệm vụ công tác tháng M+1/YYYY» dưới chữ BÁO CÁO.".to_string(),
        );
    }
    // The body ends with "./." (its appendices, after the signature, do not).
    let in_appendix: Vec<baocao_model::BlockId> = b
        .appendices
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.id()))
        .collect();
    let last_body = units.iter().rposition(|u| {
        matches!(u.kind, UnitKind::Paragraph | UnitKind::TableCell)
            && !u.block.is_some_and(|id| in_appendix.contains(&id))
    });
    o.at = last_body.unwrap_or(0);
    if let Some(i) = last_body {
        let u = &units[i];
        let end = u.text.trim_end();
        if !end.ends_with("./.") {
            let tail_start = end
                .char_indices()
                .rev()
                .nth(40)
                .map(|(k, _)| k)
                .unwrap_or(0);
            o.warn(
                u.line_at(end.len()),
                u.place.clone(),
                &end[tail_start..],
                "Phần nội dung kết thúc bằng dấu «./.» (như mọi mẫu của Nghị định 30): thêm «./.» vào cuối đoạn cuối cùng.".to_string(),
            );
            let at = u.place_offset(end.len());
            if let Some(last) = o.placed.last_mut() {
                last.finding.span = Some(u.place_span(tail_start..end.len()));
                last.finding.fix = end_mark(u, end).map(|with| Fix {
                    label: "Thêm ./.".to_string(),
                    span: at..at,
                    with,
                });
            }
        }
    }
    // ô 9b: Nơi nhận.
    let first_recipient = units
        .iter()
        .position(|u| matches!(u.kind, UnitKind::Recipient(_)));
    o.at = first_recipient.unwrap_or(units.len());
    if report.recipients.is_empty() {
        o.warn(
            src.signature,
            Place::Recipients,
            "",
            "Thiếu «Nơi nhận:» (góc dưới bên trái): liệt kê nơi nhận, mỗi dòng bắt đầu bằng «-», dòng cuối «- Lưu: VT, …».".to_string(),
        );
    }
    let n = report.recipients.len();
    for (k, item) in report.recipients.iter().enumerate() {
        let line = src.recipients.get(k).copied();
        let place = Place::Recipient(k);
        o.at = first_recipient.map(|f| f + k).unwrap_or(units.len());
        let item = item.trim();
        if k + 1 < n {
            if !item.ends_with(';') {
                o.warn(
                    line,
                    place.clone(),
                    item,
                    format!(
                        "Mỗi nơi nhận kết thúc bằng dấu «;»: «{};».",
                        item.trim_end_matches(['.', ','])
                    ),
                );
                // The item's end as written: its "." or "," becomes ";".
                let raw = &report.recipients[k];
                let end = raw.trim_end().len();
                let core = raw.trim_end().trim_end_matches(['.', ',']).trim_end().len();
                if let (Some(last), false) = (o.placed.last_mut(), item.is_empty()) {
                    last.finding.span = Some(core..end);
                    last.finding.fix = Some(Fix {
                        label: "Thêm dấu ;".to_string(),
                        span: core..end,
                        with: ";".to_string(),
                    });
                }
            }
            continue;
        }
        lưu_line(&mut o, line, place, item);
    }
    // ô 7: the signature.
    o.at = units.len();
    let s = &report.signature;
    if s.position.trim().is_empty() || s.signer.trim().is_empty() {
        let missing = match (s.position.trim().is_empty(), s.signer.trim().is_empty()) {
            (true, true) => "chức vụ và họ tên người ký",
            (true, false) => "chức vụ người ký",
            _ => "họ tên người ký",
        };
        let field = if s.position.trim().is_empty() {
            Place::Signature(SignatureField::Position)
        } else {
            Place::Signature(SignatureField::Signer)
        };
        o.warn(
            src.signature,
            field,
            "",
            format!("Thiếu {missing} (góc dưới bên phải, phần ký): ví dụ «TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH» hoặc «KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC», rồi họ tên."),
        );
    }
    let title = ["Ông ", "Bà ", "TS.", "ThS.", "PGS", "GS.", "KS.", "CN."]
        .iter()
        .find(|t| s.signer.trim_start().starts_with(**t));
    if let Some(t) = title {
        o.warn(
            src.signature,
            Place::Signature(SignatureField::Signer),
            &s.signer,
            format!(
                "Trước họ tên người ký không ghi học hàm, học vị hay danh xưng: bỏ «{}».",
                t.trim()
            ),
        );
        // The title and the spaces after it go; a name must be left.
        let start = s.signer.len() - s.signer.trim_start().len();
        let after = start + t.len();
        let name = s.signer[after..].trim_start();
        let end = s.signer.len() - name.len();
        if let (Some(last), false) = (o.placed.last_mut(), name.trim().is_empty()) {
            last.finding.span = Some(start..end);
            last.finding.fix = Some(Fix {
                label: format!("Bỏ «{}»", t.trim()),
                span: start..end,
                with: String::new(),
            });
        }
    }
}

/// What to write at the end of the body's last paragraph so that it ends
/// with "./.": "/." after a full stop, "./." after a word, a number or a
/// closing bracket; nothing when it ends otherwise (a colon, a footnote
/// marker, a table cell), where the mark goes is the official's call.
fn end_mark(u: &Unit, end: &str) -> Option<String> {
    if u.kind != UnitKind::Paragraph || u.notes.iter().any(|(r, _)| r.end == end.len()) {
        return None;
    }
    let last = end.chars().last()?;
    if last == '.' && !end.ends_with("..") {
        Some("/.".to_string())
    } else if last.is_alphabetic()
        || last.is_ascii_digit()
        || matches!(last, ')' | '%' | '»' | '"' | '\u{201d}')
    {
        Some("./.".to_string())
    } else {
        None
    }
}

/// "BC-UBND": the type "BC", then the agency's abbreviation, no spaces.
fn is_report_code(code: &str) -> bool {
    let Some(rest) = code.strip_prefix("BC-") else {
        return false;
    };
    !rest.is_empty()
        && rest.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ' || c == '&')
        })
}

/// The place without its abbreviated generic noun, when it has one:
/// "TP. Lạng Sơn" → "Lạng Sơn".
fn place_without_abbreviation(place: &str) -> Option<String> {
    let words: Vec<&str> = place.split_whitespace().collect();
    let abbreviated = |w: &str| {
        let letters = w.trim_end_matches('.');
        (w.ends_with('.')
            && letters.chars().next().is_some_and(char::is_uppercase)
            && letters.len() <= 4)
            || (letters.chars().filter(|c| c.is_uppercase()).count() >= 2
                && letters.chars().all(|c| c.is_uppercase()))
    };
    if !words.iter().any(|w| abbreviated(w)) {
        return None;
    }
    let kept: Vec<&str> = words.into_iter().filter(|w| !abbreviated(w)).collect();
    Some(kept.join(" "))
}

/// The Quốc hiệu and Tiêu ngữ, exactly as the decree writes them.
fn motto(o: &mut Out<'_>, line: u32, written: &str) {
    let clean = written.trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace());
    let upper = baocao_model::case::upper(clean);
    let (qh, tn) = match upper.find("ĐỘC LẬP") {
        Some(k) if clean.is_char_boundary(k) => (clean[..k].trim(), clean[k..].trim()),
        _ => (clean, ""),
    };
    if !qh.is_empty() && qh != QUOC_HIEU && qh != "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" {
        o.warn(
            Some(line),
            Place::Header(HeaderField::NationalName),
            qh,
            format!("Quốc hiệu ghi đúng như Nghị định 30: «{QUOC_HIEU}» (chữ in hoa), không phải «{qh}»."),
        );
    }
    if !tn.is_empty() && tn != TIEU_NGU {
        let why = if tn.contains(['–', '—']) {
            " (dùng dấu gạch nối «-» có cách hai bên, không dùng «–» hay «—»)"
        } else {
            ""
        };
        o.warn(
            Some(line),
            Place::Header(HeaderField::Motto),
            tn,
            format!("Tiêu ngữ ghi đúng như Nghị định 30: «{TIEU_NGU}»{why}, không phải «{tn}»."),
        );
    }
}

/// "ngày 05 tháng 3 năm 2025": a day below 10 as "05", months 1 and 2 as
/// "01", "02", other months unpadded.
fn date_padding(o: &mut Out<'_>, line: Option<u32>, written: &str) {
    let value_after = |word: &str| -> Option<&str> {
        let start = written.find(word)? + word.len();
        let rest = written[start..].trim_start();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        (len > 0).then(|| &rest[..len])
    };
    let mut problems = Vec::new();
    if let Some(day) = value_after("ngày") {
        if day.len() == 1 {
            problems.push(format!("ngày dưới 10 viết «0{day}», không phải «{day}»"));
        }
    }
    if let Some(month) = value_after("tháng") {
        let value: u32 = month.parse().unwrap_or(0);
        if value <= 2 && month.len() == 1 {
            problems.push(format!("tháng {value} viết «0{value}»"));
        } else if value >= 3 && month.starts_with('0') {
            problems.push(format!(
                "tháng {value} viết «{value}», không phải «{month}» (chỉ tháng 1 và 2 có số 0 đằng trước)"
            ));
        }
    }
    if !problems.is_empty() {
        o.warn(
            line,
            Place::Header(HeaderField::PlaceDate),
            written,
            format!("Ngày tháng ban hành: {}.", problems.join("; ")),
        );
    }
}

/// The last line of Nơi nhận: "Lưu: VT, TH." (the drafting unit after VT).
fn lưu_line(o: &mut Out<'_>, line: Option<u32>, place: Place, item: &str) {
    let Some(rest) = item.strip_prefix("Lưu") else {
        o.warn(
            line,
            place.clone(),
            item,
            "Dòng cuối của Nơi nhận là nơi lưu: «- Lưu: VT, <viết tắt đơn vị soạn thảo>.» (ví dụ «- Lưu: VT, TH.»).".to_string(),
        );
        return;
    };
    let body = rest.trim_start_matches([':', ' ']).trim();
    let parts: Vec<&str> = body
        .trim_end_matches(['.', ';'])
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "NC.Châu": the drafting unit's full stop, then the drafter's name or
    // initials, which offices set in subscript right after it.
    let drafter_after_unit = parts.len() >= 2 && parts.last().is_some_and(|p| unit_then_drafter(p));
    let mut problems = Vec::new();
    if parts.first() != Some(&"VT") {
        problems.push("bắt đầu bằng «VT» (văn thư)".to_string());
    }
    if parts.len() < 2 {
        problems.push("ghi viết tắt của đơn vị soạn thảo sau «VT,»".to_string());
    }
    if !body.ends_with('.') && !drafter_after_unit {
        problems.push("kết thúc bằng dấu «.»".to_string());
    }
    if !problems.is_empty() {
        o.warn(
            line,
            place,
            item,
            format!(
                "Dòng lưu của Nơi nhận phải {}: ví dụ «Lưu: VT, TH.».",
                problems.join(", ")
            ),
        );
    }
}

/// The last part of a "Lưu" line when the drafter is named after the
/// drafting unit: "NC.Châu", "TH.ntl", "VP.Hùng3b", "KTTH. Lan" (the
/// unit's abbreviation in capitals, its full stop, then a name or initials
/// with a lower-case letter, which a unit's own abbreviation such as
/// "P.TCKH" has not).
fn unit_then_drafter(part: &str) -> bool {
    let Some((unit, drafter)) = part.split_once('.') else {
        return false;
    };
    let unit_ok = unit.chars().next().is_some_and(char::is_uppercase)
        && unit
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-'));
    let drafter = drafter.trim_start().trim_end_matches('.');
    let drafter_ok = drafter.chars().next().is_some_and(char::is_alphabetic)
        && drafter.chars().count() <= 24
        && drafter.chars().any(char::is_lowercase)
        && drafter
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '(' | ')' | ' '));
    unit_ok && drafter_ok && !drafter.contains("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    const GOOD: &str = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ LẠNG SƠN Độc lập - Tự do - Hạnh phúc

Số: 05/BC-UBND Lạng Sơn, ngày 05 tháng 3 năm 2025

BÁO CÁO

Tình hình phát triển kinh tế - xã hội tháng 3/2025, nhiệm vụ công tác tháng 4/2025

I. KẾT QUẢ

Thu ngân sách đạt 82%./.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, TH.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Hạnh";

    #[test]
    fn a_complete_report_in_form_has_no_warning() {
        assert_eq!(findings(GOOD), vec![]);
    }

    #[test]
    fn each_convention_broken_is_a_warning() {
        for (from, to, line, expected) in [
            ("Số: 05/", "Số: 5/", Some(4), "«05», không phải «5»"),
            (
                "/BC-UBND",
                "/UBND-BC",
                Some(4),
                "Ký hiệu «UBND-BC» không đúng dạng",
            ),
            (
                "Lạng Sơn, ngày",
                "TP. Lạng Sơn, ngày",
                Some(4),
                "ghi «Lạng Sơn», không ghi «TP. Lạng Sơn»",
            ),
            (
                "ngày 05 tháng 3",
                "ngày 5 tháng 03",
                Some(4),
                "ngày dưới 10 viết «05», không phải «5»; tháng 3 viết «3», không phải «03»",
            ),
            (
                "Độc lập - Tự do - Hạnh phúc",
                "Độc lập – Tự do – Hạnh phúc",
                Some(2),
                "không dùng «–»",
            ),
            ("VIỆT NAM", "Việt Nam", Some(1), "Quốc hiệu ghi đúng"),
            ("(b/c);", "(b/c)", Some(15), "kết thúc bằng dấu «;»"),
            (
                "Lưu: VT, TH.",
                "Lưu: VT.",
                Some(16),
                "ghi viết tắt của đơn vị soạn thảo sau «VT,»",
            ),
            ("82%./.", "82%.", Some(12), "kết thúc bằng dấu «./.»"),
            (
                "Nguyễn Văn Hạnh",
                "TS. Nguyễn Văn Hạnh",
                Some(18),
                "bỏ «TS.»",
            ),
        ] {
            let text = GOOD.replace(from, to);
            let f = findings(&text);
            assert_eq!(f.len(), 1, "{to}: {f:?}");
            assert_eq!(f[0].severity, Severity::Warning);
            assert_eq!(f[0].line, line, "{to}");
            assert!(f[0].message.contains(expected), "{}", f[0].message);
        }
    }

    #[test]
    fn the_drafter_after_the_unit_in_the_luu_line_is_no_missing_full_stop() {
        // As offices write it: the drafter's name or initials, set in
        // subscript, glued to the unit's full stop.
        for good in [
            "Lưu: VT, NC.Châu",
            "Lưu: VT, NC.Châu.",
            "Lưu: VT, HCQT, KTTH, NC.Châu",
            "Lưu: VT, TH.ntl",
            "Lưu: VT, VP.Hùng3b",
            "Lưu: VT, KT. Lan",
            "Lưu VT, TCKH.Nguyễn Hà",
        ] {
            let text = GOOD.replace("Lưu: VT, TH.", good);
            assert_eq!(findings(&text), vec![], "{good}");
        }
        // Still told: no full stop after the unit, a unit with a dot of its
        // own and none at the end, no unit at all.
        for (bad, expected) in [
            ("Lưu: VT, TH", "kết thúc bằng dấu «.»"),
            ("Lưu: VT, P.TCKH", "kết thúc bằng dấu «.»"),
            ("Lưu: VT, NC Châu", "kết thúc bằng dấu «.»"),
            ("Lưu: NC.Châu", "bắt đầu bằng «VT»"),
        ] {
            let text = GOOD.replace("Lưu: VT, TH.", bad);
            let f = findings(&text);
            assert_eq!(f.len(), 1, "{bad}: {f:?}");
            assert!(f[0].message.contains(expected), "{bad}: {}", f[0].message);
        }
    }

    #[test]
    fn an_appendix_neither_ends_the_body_nor_stands_for_a_report() {
        // After the signature, an appendix's last cell needs no "./.".
        let with = format!(
            "{GOOD}\n\nPhụ lục I\nKẾT QUẢ THU\n\n| STT | Nội dung |\n|---|---|\n| 1 | Thu thuế |"
        );
        assert_eq!(findings(&with), vec![]);
        // Without "./." at the end of the body, the body is still told.
        let f = findings(&with.replace("82%./.", "82%."));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(12));
        // An appendix in a file of its own misses no header or signature.
        let alone = "PHỤ LỤC\nBIỂU MẪU THỐNG KÊ\n(Kèm theo Báo cáo số /BC-UBND)\n\nBiểu mẫu 1\n\n| STT | Chỉ tiêu |\n|---|---|\n| 1 | Số văn bản |";
        assert_eq!(findings(alone), vec![]);
    }

    #[test]
    fn missing_parts_are_named() {
        let f = findings("I. KẾT QUẢ\n\nThu ngân sách đạt 82%./.");
        let messages: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        for part in [
            "Thiếu tên cơ quan ban hành",
            "Thiếu số và ký hiệu",
            "Thiếu địa danh và ngày tháng",
            "Thiếu tên loại văn bản",
            "Thiếu trích yếu",
            "Thiếu «Nơi nhận:»",
            "Thiếu chức vụ và họ tên người ký",
        ] {
            assert!(
                messages.iter().any(|m| m.starts_with(part)),
                "{part}: {messages:?}"
            );
        }
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn seeds_break_some_conventions_as_warnings_only() {
        let f = findings(baocao_testdata::MAR_2025);
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        let messages: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("ghi «Lạng Sơn», không ghi «TP. Lạng Sơn»")),
            "{messages:?}"
        );
        assert!(messages
            .iter()
            .any(|m| m.starts_with("Thiếu tên cơ quan ban hành")));
    }
}

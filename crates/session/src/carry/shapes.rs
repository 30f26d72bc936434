//! Shapes of administrative writing that decide what moves with the period
//! and what is marked as carried over: a figure is marked only when it is a
//! quantity of the period (a count, an amount, a rate) or the date the
//! figures are counted up to; the period's name and length move on with it.
//!
//! Not quantities: an anniversary ("66 năm Ngày truyền thống", "kỷ niệm 95
//! năm"), an ordinal ("lần thứ 3", "mũi 2"), the length of the period
//! ("trong 6 tháng cuối năm"), the name of the two-tier government
//! ("chính quyền địa phương 02 cấp"), who is counted ("trên 18 tuổi", "ít
//! nhất 01 mũi"), a line's voltage ("22kV"), opening hours ("24/24 giờ"),
//! the bounds of a class ("từ 70% - dưới 100%"), a day and month written
//! like a fraction ("cầu 17/10"), and the
//! dates of events ("ngày 21/02/2025", "từ 01/3/2025", "(03/02/1930-03/02/2025)"):
//! a date says when something happened, it counts nothing, and a new month
//! brings new events rather than new values of the old dates. The one date
//! that is marked is the cut-off of the figures ("tính đến hết ngày
//! 12/03/2025", "thực hiện đến ngày 10/12/2025 là …", "từ ngày 16/11/2024
//! đến ngày 10/3/2025"): it is the time stamp of a quantity and changes with it.

use baocao_model::numbers::{word_before, NumToken, Numbers};
use baocao_model::{ReportPeriod, Span, Table};
use std::ops::Range;

/// The words after a number and "năm" that make it an anniversary: a named
/// day or event in capitals ("66 năm Ngày truyền thống", "50 năm Giải phóng
/// miền Nam"), or one of these.
const ANNIVERSARY_AFTER: [&str; 7] = [
    "ngày",
    "thành lập",
    "truyền thống",
    "tuổi đảng",
    "chiến thắng",
    "giải phóng",
    "thống nhất",
];

/// The text right after byte `at`, lower case, its leading spaces dropped.
fn lower_after(text: &str, at: usize) -> String {
    let rest = &text[at.min(text.len())..];
    let cut = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
    baocao_model::case::lower(rest[..cut].trim_start())
}

/// The text right before byte `at`, lower case, its trailing spaces dropped.
fn lower_before(text: &str, at: usize) -> String {
    let head = &text[..at.min(text.len())];
    let mut from = at.saturating_sub(60);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    baocao_model::case::lower(head[from..].trim_end())
}

/// The cells of a table that may hold figures, with their grid place (row
/// 0 is the `columns` row): not the header, which names the columns ("Chỉ
/// tiêu (6 tháng, năm)"), nor a column of row numbers ("STT", "TT").
pub(super) fn figure_cells(t: &Table) -> Vec<(usize, usize, &str)> {
    let header = crate::table::header_rows(t);
    let numbering: Vec<bool> = (0..crate::table::width(t))
        .map(|c| {
            std::iter::once(&t.columns)
                .chain(&t.rows)
                .take(header)
                .any(|row| {
                    let name = row.get(c).map_or(String::new(), |h| {
                        baocao_model::case::lower(
                            &h.split_whitespace().collect::<Vec<_>>().join(" "),
                        )
                    });
                    ["stt", "tt", "số tt", "số thứ tự", "thứ tự"].contains(&name.as_str())
                })
        })
        .collect();
    std::iter::once(&t.columns)
        .chain(&t.rows)
        .enumerate()
        .skip(header)
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(c, _)| !numbering[*c])
                .map(move |(c, cell)| (r, c, cell.as_str()))
        })
        .collect()
}

/// Whether a number the scanner counts as a quantity is rather an
/// anniversary, an ordinal, the period's length or a name (see the module
/// documentation). Such numbers do not change with the period.
pub(super) fn not_a_quantity(text: &str, t: &NumToken) -> bool {
    if let Some(end) = t.percent_end {
        return category_bound(text, t.span.start, end);
    }
    // "đường dây 22kV", "0,4kV": a line's voltage.
    if t.unit == "kv" || t.unit.starts_with("kv ") {
        return true;
    }
    if !t.raw.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = lower_before(text, t.span.start);
    let after = lower_after(text, t.span.end);
    // "lần thứ 3", "kỳ họp thứ 11", "tiêm đủ mũi 2".
    let ordinal = ["thứ", "mũi"]
        .contains(&baocao_model::case::lower(word_before(text, t.span.start)).as_str());
    // "trên 18 tuổi", "trẻ từ đủ 12 đến 17 tuổi", "tiêm ít nhất 01 mũi":
    // who is counted, not how many.
    let age = after.starts_with("tuổi")
        || after.starts_with("tháng tuổi")
        || (before.ends_with("từ") || before.ends_with("từ đủ"))
            && after
                .strip_prefix("đến")
                .or_else(|| after.strip_prefix('-'))
                .map(str::trim_start)
                .is_some_and(|r| {
                    let r = r.trim_start_matches(|c: char| c.is_ascii_digit());
                    r.trim_start().starts_with("tuổi")
                });
    let criterion = before.ends_with("ít nhất") || before.ends_with("tối thiểu");
    // "kỷ niệm 95 năm", "66 năm Ngày truyền thống", "30 năm tuổi Đảng".
    let anniversary = after.strip_prefix("năm ").is_some_and(|rest| {
        let named = text[t.span.end..]
            .trim_start()
            .get("năm ".len()..)
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
        named
            || ANNIVERSARY_AFTER.iter().any(|w| rest.starts_with(w))
            || before.ends_with("kỷ niệm")
            || before.ends_with("chào mừng")
    });
    // "trong 6 tháng cuối năm", "9 tháng đầu năm": the length of a period.
    let length = [
        "tháng đầu năm",
        "tháng cuối năm",
        "tháng năm 2",
        "quý đầu năm",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    // "chính quyền địa phương 02 cấp", "chính quyền 2 cấp": a model's name.
    let tiers = after.starts_with("cấp")
        && !after["cấp".len()..].starts_with(|c: char| c.is_alphabetic())
        && (before.ends_with("chính quyền") || before.ends_with("chính quyền địa phương"));
    // "07 ngày trong tuần", "24 giờ trong ngày": opening hours.
    let schedule = ["ngày trong tuần", "giờ trong ngày", "ngày/tuần", "giờ/ngày"]
        .iter()
        .any(|w| after.starts_with(w));
    ordinal || anniversary || length || tiers || schedule || age || criterion
}

/// Whether a percentage from `start` to `end` is a bound of a category
/// ("tự bảo đảm từ 70% - dưới 100% chi thường xuyên", "từ 30% đến dưới
/// 70%"): a range whose upper end says "dưới" defines a class, it counts
/// nothing of the period.
fn category_bound(text: &str, start: usize, end: usize) -> bool {
    const JOINS: [&str; 3] = ["-", "–", "đến"];
    let low = |before: &str, after: &str| {
        before.ends_with("từ")
            && JOINS.iter().any(|j| {
                after
                    .strip_prefix(j)
                    .is_some_and(|r| r.trim_start().starts_with("dưới"))
            })
    };
    let before = lower_before(text, start);
    let after = lower_after(text, end);
    if low(&before, &after) {
        return true;
    }
    // The upper end: "từ 70% - dưới [100]%".
    let Some(head) = before.strip_suffix("dưới") else {
        return false;
    };
    let head = head.trim_end();
    let Some(head) = JOINS.iter().find_map(|j| head.strip_suffix(j)) else {
        return false;
    };
    let head = head.trim_end();
    let Some(head) = head.strip_suffix('%') else {
        return false;
    };
    let head = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    head.trim_end().ends_with("từ")
}

/// Whether a bare "a/b" (no unit, no percent) is rather a day and month:
/// "cầu 17/10", "Ngày 27/7" (a day above 12 over a month; a share of a
/// whole is never more than the whole); or opening hours, "24/24 giờ".
pub(super) fn day_and_month(text: &str, span: &Range<usize>, numbers: &Numbers) -> bool {
    let inside: Vec<&NumToken> = numbers
        .tokens
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .collect();
    let [a, b] = inside.as_slice() else {
        return false;
    };
    let bare = |t: &NumToken| {
        t.unit.is_empty()
            && t.percent_end.is_none()
            && t.raw.len() <= 2
            && t.raw.bytes().all(|c| c.is_ascii_digit())
    };
    let (Ok(day), Ok(month)) = (a.raw.parse::<u32>(), b.raw.parse::<u32>()) else {
        return false;
    };
    // "thông suốt 24/24 giờ": opening hours, not a share.
    let hours = day == 24
        && month == 24
        && lower_after(text, b.span.end).starts_with("giờ")
        && a.unit.is_empty();
    hours
        || bare(a)
            && bare(b)
            && &text[a.span.end..b.span.start] == "/"
            && (13..=31).contains(&day)
            && (1..=12).contains(&month)
}

/// Whether the date at `start` is the cut-off of the figures: it follows
/// "đến" ("tính đến hết ngày", "thực hiện đến ngày", "đến thời điểm ngày"),
/// but is not the end of an event's stretch inside the period ("diễn ra từ
/// ngày 12/11/2025 đến ngày 25/12/2025"). `in_period` tells whether a date
/// (month, year) falls in the period or the month before it.
pub(super) fn cut_off(
    text: &str,
    start: usize,
    numbers: &Numbers,
    in_period: impl Fn(u32, Option<u32>) -> bool,
) -> bool {
    let mut head = lower_before(text, start);
    for word in ["ngày", "thời điểm", "hết"] {
        if head.ends_with(word) {
            head.truncate(head.len() - word.len());
            head.truncate(head.trim_end().len());
        }
    }
    if !(head.ends_with(" đến") || head == "đến" || head.ends_with(" tới")) {
        return false;
    }
    // "từ ngày A đến ngày B": the stretch of an event when A is in the period.
    const BETWEEN: [&str; 6] = ["đến", "tới", "hết", "ngày", "thời", "điểm"];
    let range_start = numbers.dates.iter().rev().find(|d| {
        if d.span.end > start {
            return false;
        }
        let between = baocao_model::case::lower(&text[d.span.end..start]);
        let words: Vec<&str> = between.split_whitespace().collect();
        let joined = matches!(words.first(), Some(&"đến" | &"tới"))
            && words.iter().all(|w| BETWEEN.contains(w));
        let from = lower_before(text, d.span.start);
        joined && (from.ends_with("từ") || from.ends_with("từ ngày"))
    });
    range_start.is_none_or(|d| !in_period(d.month, d.year))
}

/// The period's length as the report counts it in months from January: a
/// month's number, or three months a quarter. None for other periods.
fn months_elapsed(current: ReportPeriod) -> Option<u8> {
    match current.span {
        Span::Month(m) if m < 12 => Some(m),
        Span::Quarter(q) if q < 4 => Some(3 * q),
        _ => None,
    }
}

/// Mentions of the period that are not a "tháng M/YYYY" or "quý I năm
/// YYYY": the months elapsed since January ("3 tháng đầu năm", "lũy kế 3
/// tháng", "03 tháng năm 2025") and, in a year's report, the budget carried
/// over from the year before into it ("vốn năm 2024 chuyển sang năm 2025",
/// both years move). `hay` is the text lower-cased (same byte offsets) or
/// the text itself; `cited` tells whether a mention at a byte is part of a
/// date or of a cited document. Returns the replacements.
pub(super) fn more_mentions(
    text: &str,
    hay: &str,
    current: ReportPeriod,
    cited: impl Fn(usize) -> bool,
) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    if let Some(n) = months_elapsed(current) {
        for (at, _) in hay.match_indices(" tháng") {
            let digits_start = text[..at]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits_start == 0 || digits_start > 2 {
                continue;
            }
            let num_at = at - digits_start;
            if num_at > 0 && !text[..num_at].ends_with([' ', '(', '\n']) {
                continue;
            }
            let Ok(said) = text[num_at..at].parse::<u8>() else {
                continue;
            };
            if said != n {
                continue;
            }
            let word_end = at + " tháng".len();
            let after = hay[word_end..].trim_start();
            let before = lower_before(text, num_at);
            let year_ok = |rest: &str| {
                let y = rest.get(..4).and_then(|d| d.parse::<u16>().ok());
                let whole = !rest[4.min(rest.len())..].starts_with(|c: char| c.is_ascii_digit());
                whole && y.is_some_and(|y| y == current.year || y + 1 == current.year)
            };
            // "3 tháng đầu năm", "3 tháng năm 2025", "lũy kế 3 tháng".
            let early = after.starts_with("đầu năm");
            let of_year = after.strip_prefix("năm ").is_some_and(year_ok);
            let cumulative = (before.ends_with("lũy kế") || before.ends_with("luỹ kế"))
                && !after.starts_with(['/', '('])
                && !after.starts_with("tuổi")
                && !after.starts_with("tới");
            if !(early || of_year || cumulative) || before.ends_with("ngày") || cited(num_at) {
                continue;
            }
            let next = n
                + 3 * u8::from(matches!(current.span, Span::Quarter(_)))
                + u8::from(matches!(current.span, Span::Month(_)));
            if next == 12 && (early || of_year) {
                // "11 tháng đầu năm" → "cả năm"; "11 tháng năm 2025" → "cả năm 2025".
                let words = if early { "đầu năm" } else { "năm" };
                let end = word_end + (hay[word_end..].len() - after.len()) + words.len();
                out.push((num_at..end, "cả năm".to_string()));
            } else {
                let padded = text[num_at..at].starts_with('0');
                let to = if padded {
                    format!("{next:02}")
                } else {
                    next.to_string()
                };
                out.push((num_at..at, to));
            }
        }
    }
    if current.span == Span::Year {
        // "vốn năm 2024 chuyển sang (năm 2025)", "từ năm 2024 sang năm 2025".
        let last = (current.year - 1).to_string();
        let this = current.year.to_string();
        for (at, _) in hay.match_indices("năm ") {
            let num_at = at + "năm ".len();
            if text.get(num_at..num_at + 4) != Some(last.as_str())
                || text[num_at + 4..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let after = hay[num_at + 4..].trim_start();
            let carried = ["chuyển sang", "kéo dài sang", "chuyển nguồn sang"]
                .iter()
                .any(|w| after.starts_with(w))
                || after
                    .strip_prefix("sang năm ")
                    .is_some_and(|r| r.starts_with(&this));
            if carried && !cited(at) {
                out.push((num_at..num_at + 4, this.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{advance_mentions, period_figures};
    use baocao_model::{Period, ReportPeriod, Span};

    fn month(m: u8, y: u16) -> ReportPeriod {
        ReportPeriod::month(Period::new(m, y).unwrap())
    }

    fn marked(text: &str, period: ReportPeriod) -> Vec<&str> {
        period_figures(text, Some(period))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn moved(text: &str, current: ReportPeriod) -> String {
        advance_mentions(text, current).0
    }

    #[test]
    fn anniversaries_and_ordinals_are_not_quantities_but_counts_of_years_are() {
        let june = month(6, 2026);
        for text in [
            "Tổ chức kỷ niệm 80 năm Ngày thành lập Công an nhân dân",
            "tuyên truyền 51 năm Giải phóng miền Nam",
            "Chào mừng 70 năm ngày truyền thống ngành",
            "trao Huy hiệu 40 năm tuổi Đảng",
            "Hội nghị lần thứ 7 Ban Chấp hành",
            "kỳ họp thứ 12 HĐND xã",
        ] {
            assert!(
                marked(text, june).is_empty(),
                "{text}: {:?}",
                marked(text, june)
            );
        }
        // Counts stay marked, years among them.
        assert_eq!(
            marked("trao Huy hiệu 40 năm tuổi Đảng cho 09 đảng viên", june),
            ["09"]
        );
        assert_eq!(marked("hỗ trợ 14 năm học sinh nghèo", june), ["14"]);
        assert_eq!(marked("có 27 năm liên tục đạt chuẩn", june), ["27"]);
        assert_eq!(marked("kiểm tra 66 hộ kinh doanh", june), ["66"]);
        assert_eq!(marked("tổ chức 3 lần kiểm tra", june), ["3"]);
    }

    #[test]
    fn dates_are_marked_only_as_the_cut_off_of_the_figures() {
        let june = month(6, 2026);
        // Events, starts and anniversaries: when something happened.
        for text in [
            "Ngày 12/6/2026, UBND xã tổ chức hội nghị",
            "tiếp công dân 02 kỳ (ngày 08/6/2026 và ngày 22/6/2026)",
            "đi vào hoạt động từ 01/6/2026",
            "Ngày Quốc tế thiếu nhi (01/6/1950 - 01/6/2026)",
            "Cuộc thi diễn ra từ ngày 02/6/2026 đến ngày 20/6/2026",
            "cầu 27/7 được sửa chữa",
        ] {
            let got = marked(text, june);
            assert!(got.iter().all(|f| !f.contains('/')), "{text}: {got:?}");
        }
        // The date the figures are counted up to.
        assert_eq!(
            marked(
                "Tính đến hết ngày 14/6/2026 thu được 5.210 triệu đồng",
                june
            ),
            ["14/6/2026", "5.210"]
        );
        assert_eq!(
            marked(
                "thu ngân sách thực hiện đến ngày 15/6/2026 là 812 tỷ đồng",
                june
            ),
            ["15/6/2026", "812"]
        );
        assert_eq!(
            marked(
                "Đến thời điểm ngày 20/6/2026, phân bổ 96% kế hoạch vốn",
                june
            ),
            ["20/6/2026", "96"]
        );
        // A running total from before the period up to a day in it.
        assert_eq!(
            marked("(Từ ngày 01/10/2025 đến ngày 18/6/2026): 204 hộ", june),
            ["18/6/2026", "204"]
        );
        // A share of a whole is still a figure.
        assert_eq!(marked("tiếp được 9/12 công dân", june), ["9/12"]);
        assert_eq!(marked("hoàn thành 14/17 chỉ tiêu", june), ["14/17"]);
    }

    #[test]
    fn the_period_s_length_and_the_two_tier_government_are_not_quantities() {
        let year = ReportPeriod {
            span: Span::Year,
            year: 2026,
        };
        for text in [
            "nhiệm vụ trong 6 tháng cuối năm 2026",
            "trong 05 tháng cuối năm",
            "kết quả 9 tháng đầu năm",
            "mô hình chính quyền địa phương 02 cấp",
            "sau khi chính quyền 2 cấp đi vào hoạt động",
        ] {
            assert!(
                marked(text, year).is_empty(),
                "{text}: {:?}",
                marked(text, year)
            );
        }
        assert_eq!(marked("cấp 12 giấy phép cấp xã", year), ["12"]);
        // Who is counted and what a line carries, beside what is counted.
        assert_eq!(
            marked(
                "người dân trên 18 tuổi tiêm ít nhất 01 mũi: 68.448 người",
                year
            ),
            ["68.448"]
        );
        assert_eq!(
            marked(
                "tiêm cho trẻ từ đủ 12 đến 17 tuổi được 5.295 liều; tiêm đủ mũi 2: 4.100 trẻ",
                year
            ),
            ["5.295", "4.100"]
        );
        assert_eq!(
            marked(
                "kéo 3,5 km đường dây 22 kV và 0,4kV, lắp 12 trạm 35KV",
                year
            ),
            ["3,5", "12"]
        );
        assert_eq!(
            marked("chúc thọ 45 cụ tròn 90 tuổi; tăng từ 12 đến 17 hộ", year),
            ["45", "12", "17"]
        );
        // Opening hours and the bounds of a class are not counts either.
        for text in [
            "hoạt động thông suốt 24/24 giờ trong ngày và 07 ngày trong tuần",
            "trực 24/24 giờ",
            "mở cửa 06 ngày/tuần",
            "đơn vị tự bảo đảm từ 70% - dưới 100% chi thường xuyên",
            "tự bảo đảm từ 30% đến dưới 70% chi thường xuyên",
        ] {
            assert!(
                marked(text, year).is_empty(),
                "{text}: {:?}",
                marked(text, year)
            );
        }
        assert_eq!(
            marked("giải quyết 24/24 hồ sơ, làm việc 5 ngày liên tục", year),
            ["24/24", "5"]
        );
        assert_eq!(
            marked(
                "tự bảo đảm từ 70% - dưới 100% chi thường xuyên là 36 đơn vị",
                year
            ),
            ["36"]
        );
        assert_eq!(
            marked(
                "tỷ lệ tăng từ 70% lên 85%; đạt từ 40% đến 60% kế hoạch",
                year
            ),
            ["70", "85", "40", "60"]
        );
        assert_eq!(
            marked("trẻ em dưới 6 tháng tuổi được tiêm 120 liều", year),
            ["120"]
        );
    }

    #[test]
    fn the_months_elapsed_move_with_the_period_but_look_alikes_stay() {
        let march = month(3, 2026);
        assert_eq!(
            moved("Trong 3 tháng đầu năm, thu 45 tỷ đồng", march),
            "Trong 4 tháng đầu năm, thu 45 tỷ đồng"
        );
        assert_eq!(
            moved("Kết quả 03 tháng năm 2026: lũy kế 3 tháng đạt 45 tỷ", march),
            "Kết quả 04 tháng năm 2026: lũy kế 4 tháng đạt 45 tỷ"
        );
        // The same stretch of last year, the comparison moves with it.
        assert_eq!(
            moved("tăng 5% so với 3 tháng năm 2025", march),
            "tăng 5% so với 4 tháng năm 2025"
        );
        let nov = month(11, 2026);
        assert_eq!(
            moved("Kết quả 11 tháng năm 2026; lũy kế 11 tháng", nov),
            "Kết quả cả năm 2026; lũy kế 12 tháng"
        );
        let q1 = ReportPeriod {
            span: Span::Quarter(1),
            year: 2026,
        };
        assert_eq!(
            moved("quý I/2026 (3 tháng đầu năm 2026)", q1),
            "quý II/2026 (6 tháng đầu năm 2026)"
        );
        // Not the period: ages, intervals, a term, another count of months.
        for same in [
            "tiêm chủng cho trẻ dưới 3 tháng tuổi",
            "kiểm tra định kỳ 3 tháng/lần",
            "trong 3 tháng tới tập trung thu ngân sách",
            "thời hạn 3 tháng kể từ ngày ký",
            "lũy kế 3 tháng tuổi",
            "Kế hoạch số 3/KH-UBND về 3 tháng đầu năm 2026",
            "3 tháng năm 2019",
            "ngày 3 tháng năm 2026",
            "13 tháng đầu năm",
        ] {
            assert_eq!(moved(same, march), same);
            assert_eq!(moved(same, q1), same);
        }
    }

    #[test]
    fn the_carried_over_budget_moves_both_its_years_in_a_year_s_report() {
        let y = ReportPeriod {
            span: Span::Year,
            year: 2025,
        };
        assert_eq!(
            moved("vốn năm 2024 chuyển sang năm 2025 là 582 tỷ đồng", y),
            "vốn năm 2025 chuyển sang năm 2026 là 582 tỷ đồng"
        );
        assert_eq!(
            moved(
                "kế hoạch năm 2025 là 1.273 tỷ đồng; vốn năm 2024 chuyển sang là 90 tỷ",
                y
            ),
            "kế hoạch năm 2026 là 1.273 tỷ đồng; vốn năm 2025 chuyển sang là 90 tỷ"
        );
        assert_eq!(
            moved("vốn kéo dài từ năm 2024 sang năm 2025", y),
            "vốn kéo dài từ năm 2025 sang năm 2026"
        );
        // A comparison with last year, and an older year, stay.
        for (from, to) in [
            ("tăng 12% so với năm 2024", "tăng 12% so với năm 2024"),
            (
                "vốn năm 2023 chuyển sang năm 2025",
                "vốn năm 2023 chuyển sang năm 2026",
            ),
            ("năm 2024 sang năm 2030", "năm 2024 sang năm 2030"),
        ] {
            assert_eq!(moved(from, y), to);
        }
        // A month's report leaves the years alone.
        assert_eq!(
            moved("vốn năm 2024 chuyển sang năm 2025", month(5, 2025)),
            "vốn năm 2024 chuyển sang năm 2025"
        );
    }

    #[test]
    fn a_title_line_in_capitals_moves_on() {
        let dec = month(12, 2025);
        assert_eq!(
            moved("NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2025", dec),
            "NHIỆM VỤ TRỌNG TÂM THÁNG 1 NĂM 2026"
        );
        assert_eq!(
            moved("KẾT QUẢ THÁNG 11 NĂM 2025", month(11, 2025)),
            "KẾT QUẢ THÁNG 12 NĂM 2025"
        );
        let q1 = ReportPeriod {
            span: Span::Quarter(1),
            year: 2026,
        };
        assert_eq!(moved("KẾT QUẢ QUÝ I/2026", q1), "KẾT QUẢ QUÝ II/2026");
        // Not the period: another month, a date in capitals.
        assert_eq!(
            moved("SO VỚI THÁNG 10 NĂM 2025", dec),
            "SO VỚI THÁNG 10 NĂM 2025"
        );
        assert_eq!(
            moved("NGÀY 05 THÁNG 12 NĂM 2025", dec),
            "NGÀY 05 THÁNG 12 NĂM 2025"
        );
    }
}

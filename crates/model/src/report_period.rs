//! The period a report covers, of any kind offices report on: a month, a
//! quarter, the first or last six months, nine months, or a year ("tháng
//! 3/2026", "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026",
//! "năm 2025"), each with the period after it, which the part of tasks names.

use crate::Period;
use std::fmt;
use std::ops::{Range, RangeInclusive};

/// How long a reporting period is, and which one of the year it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// A month, 1–12.
    Month(u8),
    /// A quarter, 1–4 (quý I–IV).
    Quarter(u8),
    /// "6 tháng đầu năm".
    FirstHalf,
    /// "6 tháng cuối năm".
    LastHalf,
    /// "9 tháng" (đầu năm).
    NineMonths,
    /// The whole year ("năm 2025").
    Year,
}

/// A reporting period: its span and its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReportPeriod {
    pub span: Span,
    pub year: u16,
}

const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

impl ReportPeriod {
    /// A month's period.
    pub fn month(p: Period) -> Self {
        ReportPeriod {
            span: Span::Month(p.month),
            year: p.year,
        }
    }

    /// The month, when the period is one.
    pub fn as_month(self) -> Option<Period> {
        match self.span {
            Span::Month(m) => Period::new(m, self.year),
            _ => None,
        }
    }

    /// The period after this one, whose tasks a report of this one sets:
    /// tháng 12 → tháng 1 năm sau, quý IV → quý I năm sau, 6 tháng đầu năm
    /// → 6 tháng cuối năm, 9 tháng → quý IV, năm → năm sau.
    pub fn next(self) -> Self {
        let (span, year) = match self.span {
            Span::Month(12) => (Span::Month(1), self.year + 1),
            Span::Month(m) => (Span::Month(m + 1), self.year),
            Span::Quarter(4) => (Span::Quarter(1), self.year + 1),
            Span::Quarter(q) => (Span::Quarter(q + 1), self.year),
            Span::FirstHalf => (Span::LastHalf, self.year),
            Span::LastHalf => (Span::FirstHalf, self.year + 1),
            Span::NineMonths => (Span::Quarter(4), self.year),
            Span::Year => (Span::Year, self.year + 1),
        };
        ReportPeriod { span, year }
    }

    /// The months the period covers.
    pub fn months(self) -> RangeInclusive<u8> {
        match self.span {
            Span::Month(m) => m..=m,
            Span::Quarter(q) => (q * 3 - 2)..=(q * 3),
            Span::FirstHalf => 1..=6,
            Span::LastHalf => 7..=12,
            Span::NineMonths => 1..=9,
            Span::Year => 1..=12,
        }
    }

    /// The period in a file name, without diacritics: "thang-03-2026",
    /// "quy-I-2026", "6-thang-dau-nam-2026", "9-thang-2026", "nam-2026".
    pub fn slug(self) -> String {
        let y = self.year;
        match self.span {
            Span::Month(m) => format!("thang-{m:02}-{y}"),
            Span::Quarter(q) => format!("quy-{}-{y}", QUARTERS[usize::from(q - 1)]),
            Span::FirstHalf => format!("6-thang-dau-nam-{y}"),
            Span::LastHalf => format!("6-thang-cuoi-nam-{y}"),
            Span::NineMonths => format!("9-thang-{y}"),
            Span::Year => format!("nam-{y}"),
        }
    }

    /// Every period named in `text`, in the order written, with its bytes.
    /// "năm 2025" counts only where it is not part of a longer period
    /// ("tháng 11 năm 2025", "6 tháng đầu năm 2025").
    pub fn find_all(text: &str) -> Vec<(ReportPeriod, Range<usize>)> {
        let lower = crate::case::lower(text);
        // Lowercasing changes byte lengths only for a few letters outside
        // these words; fall back to the text as written when it does.
        let hay = if lower.len() == text.len() {
            lower.as_str()
        } else {
            text
        };
        let mut found: Vec<(ReportPeriod, Range<usize>)> = Period::find_all(text)
            .into_iter()
            .map(|(p, r)| (ReportPeriod::month(p), r))
            .collect();
        let phrases: [(&str, Span); 4] = [
            ("6 tháng đầu năm", Span::FirstHalf),
            ("6 tháng cuối năm", Span::LastHalf),
            ("9 tháng đầu năm", Span::NineMonths),
            ("9 tháng năm", Span::NineMonths),
        ];
        for (phrase, span) in phrases {
            for (start, _) in hay.match_indices(phrase) {
                let after = start + phrase.len();
                if let Some((year, used)) = year_after(&text[after..], true) {
                    push_new(&mut found, ReportPeriod { span, year }, start..after + used);
                }
            }
        }
        for (start, _) in hay.match_indices("quý ") {
            let after = start + "quý ".len();
            if let Some((q, used)) = quarter_number(&text[after..]) {
                if let Some((year, more)) = year_after(&text[after + used..], false) {
                    push_new(
                        &mut found,
                        ReportPeriod {
                            span: Span::Quarter(q),
                            year,
                        },
                        start..after + used + more,
                    );
                }
            }
        }
        for (start, _) in hay.match_indices("năm ") {
            let after = start + "năm ".len();
            if let Some((year, used)) = four_digits(&text[after..]) {
                push_new(
                    &mut found,
                    ReportPeriod {
                        span: Span::Year,
                        year,
                    },
                    start..after + used,
                );
            }
        }
        crate::order::sort_stable_by_key(&mut found, |(_, r)| r.start);
        found
    }

    /// The first period named in `text`.
    pub fn find_in(text: &str) -> Option<(ReportPeriod, Range<usize>)> {
        ReportPeriod::find_all(text).into_iter().next()
    }
}

/// Adds a period unless its bytes overlap one already found.
fn push_new(found: &mut Vec<(ReportPeriod, Range<usize>)>, p: ReportPeriod, r: Range<usize>) {
    if !found
        .iter()
        .any(|(_, f)| f.start < r.end && r.start < f.end)
    {
        found.push((p, r));
    }
}

/// Four digits of a year at the start of `s`, not followed by another digit.
fn four_digits(s: &str) -> Option<(u16, usize)> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((s[..4].parse().ok()?, 4))
}

/// " 2026" after "năm" (when `after_year_word`), or " năm 2026" / "/2026"
/// after a quarter's number.
fn year_after(s: &str, after_year_word: bool) -> Option<(u16, usize)> {
    let prefixes: &[&str] = if after_year_word {
        &[" "]
    } else {
        &[" năm ", " NĂM ", " Năm ", "/", " - "]
    };
    prefixes.iter().find_map(|p| {
        let rest = s.strip_prefix(p)?;
        four_digits(rest).map(|(y, n)| (y, p.len() + n))
    })
}

/// The quarter's number at the start of `s`: "I", "II", "III", "IV" (in any
/// case) or "1"–"4", as a whole word.
fn quarter_number(s: &str) -> Option<(u8, usize)> {
    let word_end = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    let word = &s[..word_end];
    let q = match word.to_ascii_uppercase().as_str() {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        "IV" | "4" => 4,
        _ => return None,
    };
    Some((q, word_end))
}

impl fmt::Display for ReportPeriod {
    /// As the trích yếu writes it: "tháng 3/2026", "quý I năm 2026", …
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year;
        match self.span {
            Span::Month(m) => write!(f, "tháng {m}/{y}"),
            Span::Quarter(q) => write!(f, "quý {} năm {y}", QUARTERS[usize::from(q - 1)]),
            Span::FirstHalf => write!(f, "6 tháng đầu năm {y}"),
            Span::LastHalf => write!(f, "6 tháng cuối năm {y}"),
            Span::NineMonths => write!(f, "9 tháng năm {y}"),
            Span::Year => write!(f, "năm {y}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        ReportPeriod::find_all(text)
            .into_iter()
            .map(|(p, r)| format!("{p} «{}»", &text[r]))
            .collect()
    }

    #[test]
    fn every_kind_of_period_is_read_from_a_summary() {
        assert_eq!(
            names("Tình hình kinh tế - xã hội tháng 11/2025, nhiệm vụ tháng 12/2025"),
            [
                "tháng 11/2025 «tháng 11/2025»",
                "tháng 12/2025 «tháng 12/2025»"
            ]
        );
        assert_eq!(
            names("Kết quả công tác quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026"),
            [
                "quý I năm 2026 «quý I năm 2026»",
                "quý II năm 2026 «quý II năm 2026»"
            ]
        );
        assert_eq!(
            names(
                "Tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2026, nhiệm vụ 6 tháng cuối năm 2026"
            ),
            [
                "6 tháng đầu năm 2026 «6 tháng đầu năm 2026»",
                "6 tháng cuối năm 2026 «6 tháng cuối năm 2026»"
            ]
        );
        assert_eq!(
            names("Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026"),
            ["năm 2025 «năm 2025»", "năm 2026 «năm 2026»"]
        );
        assert_eq!(
            names("BÁO CÁO KẾT QUẢ 9 THÁNG ĐẦU NĂM 2026"),
            ["9 tháng năm 2026 «9 THÁNG ĐẦU NĂM 2026»"]
        );
        assert_eq!(
            names("tình hình quý 3/2026"),
            ["quý III năm 2026 «quý 3/2026»"]
        );
        // A month written with "năm" is a month, not a year.
        assert_eq!(
            names("ngày 05 tháng 3 năm 2025"),
            ["tháng 3/2025 «tháng 3 năm 2025»"]
        );
        // Not periods: "quý khách", a year of five digits, "năm" without a year.
        assert!(names("Kính gửi quý khách; mã 12025; năm nay").is_empty());
    }

    #[test]
    fn each_period_has_the_next_one() {
        let p = |span, year| ReportPeriod { span, year };
        let cases = [
            (p(Span::Month(12), 2025), "tháng 1/2026"),
            (p(Span::Month(3), 2026), "tháng 4/2026"),
            (p(Span::Quarter(4), 2025), "quý I năm 2026"),
            (p(Span::Quarter(1), 2026), "quý II năm 2026"),
            (p(Span::FirstHalf, 2026), "6 tháng cuối năm 2026"),
            (p(Span::LastHalf, 2026), "6 tháng đầu năm 2027"),
            (p(Span::NineMonths, 2026), "quý IV năm 2026"),
            (p(Span::Year, 2025), "năm 2026"),
        ];
        for (period, next) in cases {
            assert_eq!(period.next().to_string(), next, "after {period}");
        }
    }

    #[test]
    fn periods_name_files_and_cover_their_months() {
        let p = |span, year| ReportPeriod { span, year };
        assert_eq!(p(Span::Month(3), 2026).slug(), "thang-03-2026");
        assert_eq!(p(Span::Quarter(1), 2026).slug(), "quy-I-2026");
        assert_eq!(p(Span::FirstHalf, 2026).slug(), "6-thang-dau-nam-2026");
        assert_eq!(p(Span::NineMonths, 2026).slug(), "9-thang-2026");
        assert_eq!(p(Span::Year, 2025).slug(), "nam-2025");
        assert_eq!(p(Span::Quarter(3), 2026).months(), 7..=9);
        assert_eq!(p(Span::LastHalf, 2026).months(), 7..=12);
    }
}

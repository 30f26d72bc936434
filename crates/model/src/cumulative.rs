//! Cumulative figures ("lũy kế từ đầu năm", "tính đến nay", "từ đầu năm đến
//! nay", "lũy kế"): read from a text with the period's own figure of the same
//! unit when the clause gives exactly one, and kept from the previous
//! period's report so the next one can be compared with it.
//!
//! An indicator is the same from one report to the next only when it is
//! certain: the same paragraph (a report made from the previous one keeps
//! its paragraphs), the same words around the figures, the same unit.

use crate::numbers::{analyse, Role};
use crate::{Decimal, TextTarget};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A cumulative figure in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cumulative {
    /// The cumulative figure's bytes.
    pub span: Range<usize>,
    pub value: Decimal,
    /// Its unit, lower case ("tỷ đồng", "hồ sơ").
    pub unit: String,
    /// The words of its clause, numbers left out, lower case: what names
    /// the indicator.
    pub key: String,
    /// The period's own figure of the same unit in the same clause, when
    /// there is exactly one before the cumulative words.
    pub own: Option<(Range<usize>, Decimal)>,
    /// The clause's bytes.
    pub clause: Range<usize>,
}

/// The words that make a figure cumulative, lower case.
const MARKERS: [&str; 5] = [
    "lũy kế",
    "luỹ kế",
    "tính đến nay",
    "từ đầu năm đến nay",
    "từ đầu năm",
];

/// The clauses of a text: split at ";", ". " and line breaks.
fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_here =
            c == ';' || c == '\n' || (c == '.' && bytes.get(i + 1).is_none_or(|b| *b == b' '));
        if end_here {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out.into_iter().filter(|r| !r.is_empty()).collect()
}

/// Words that name the period rather than the indicator: they change from
/// one report to the next ("11 tháng đầu năm" → "cả năm").
const PERIOD_WORDS: [&str; 10] = [
    "tháng", "quý", "năm", "đầu", "cuối", "cả", "i", "ii", "iii", "iv",
];

/// The indicator's words: a stretch of the clause without its numbers and
/// the words of the period, lower case.
fn key_of(words: &str) -> String {
    words
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !PERIOD_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a number names the length of the period ("11 tháng đầu năm",
/// "2 quý") or is a date or year, not the cumulative amount.
fn names_period(t: &crate::numbers::NumToken) -> bool {
    matches!(t.role, Role::Year | Role::Date | Role::MonthYear)
        || ["tháng", "quý", "năm", "ngày"]
            .iter()
            .any(|w| t.unit.split(' ').next() == Some(w))
}

/// The cumulative figures of a text: in a clause with cumulative words, the
/// first amount or count after them (not a percentage, not part of "a/b",
/// with a unit). Silent when unsure.
pub fn cumulative_figures(text: &str) -> Vec<Cumulative> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() || !MARKERS.iter().any(|m| lower.contains(m)) {
        return Vec::new();
    }
    let numbers = analyse(text);
    let in_fraction = |i: usize| numbers.fractions.iter().any(|f| f.a == i || f.b == i);
    let usable = |i: usize| {
        let t = &numbers.tokens[i];
        t.role == Role::Quantity
            && t.percent_end.is_none()
            && !t.unit.is_empty()
            && t.value.is_some()
            && !in_fraction(i)
    };
    let mut out = Vec::new();
    for clause in clauses(text) {
        let here = &lower[clause.clone()];
        let Some(marker_at) = MARKERS
            .iter()
            .filter_map(|m| here.find(m).map(|i| (i, m.len())))
            .min_by_key(|(i, _)| *i)
        else {
            continue;
        };
        let marker_start = clause.start + marker_at.0;
        let marker_end = marker_start + marker_at.1;
        let inside: Vec<usize> = (0..numbers.tokens.len())
            .filter(|&i| {
                let s = &numbers.tokens[i].span;
                s.start >= clause.start && s.end <= clause.end
            })
            .collect();
        // The first number after the words (past the period's length) must
        // be the cumulative figure.
        let Some(&c) = inside.iter().find(|&&i| {
            numbers.tokens[i].span.start >= marker_end && !names_period(&numbers.tokens[i])
        }) else {
            continue;
        };
        if !usable(c) {
            continue;
        }
        let cum = &numbers.tokens[c];
        let before: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|&i| {
                numbers.tokens[i].span.end <= marker_start
                    && usable(i)
                    && numbers.tokens[i].unit == cum.unit
            })
            .collect();
        let own = match before.as_slice() {
            [one] => {
                let t = &numbers.tokens[*one];
                t.value.map(|v| (t.span.clone(), v))
            }
            _ => None,
        };
        let Some(value) = cum.value else { continue };
        // The indicator is named before the cumulative words ("Thu ngân
        // sách … lũy kế"), or after the figure when they open the clause.
        let mut key = key_of(&text[clause.start..marker_start]);
        if key.is_empty() {
            key = key_of(&text[cum.end_with_unit()..clause.end]);
        }
        out.push(Cumulative {
            span: cum.span.clone(),
            value,
            unit: cum.unit.clone(),
            key,
            own,
            clause,
        });
    }
    out
}

/// A cumulative figure of the previous period's report, kept in the report
/// made from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedCumulative {
    /// The paragraph, heading, footnote it stood in (the same one in the new report).
    pub target: TextTarget,
    /// The indicator's words ([`Cumulative::key`]).
    pub key: String,
    pub unit: String,
    /// The figure as written.
    pub raw: String,
    /// The year of the period it was counted for: a new year starts from zero.
    pub year: u16,
    /// That period as written ("tháng 11/2025").
    pub period: String,
    /// Its clause, as written, to show where it stands.
    pub clause: String,
}

/// The cumulative figures of a report's paragraphs, to keep in the report
/// made from it (see [`crate::Report::previous_cumulative`]).
pub fn carried(report: &crate::Report) -> Vec<CarriedCumulative> {
    let Some(period) = report.report_period() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    report.body.visit(&mut |v| {
        if let crate::Visit::Block(_, crate::Block::Paragraph(p)) = v {
            let text = crate::plain_text(&p.inlines);
            for c in cumulative_figures(&text) {
                out.push(CarriedCumulative {
                    target: TextTarget::Paragraph(p.id),
                    key: c.key,
                    unit: c.unit,
                    raw: text[c.span].to_string(),
                    year: period.year,
                    period: period.to_string(),
                    clause: text[c.clause].to_string(),
                });
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String, Option<String>)> {
        cumulative_figures(text)
            .into_iter()
            .map(|c| {
                (
                    text[c.span.clone()].to_string(),
                    c.unit,
                    c.own.map(|(r, _)| text[r].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn cumulative_figures_in_several_phrasings() {
        assert_eq!(
            read(
                "Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế từ đầu năm đạt 120,3 tỷ đồng."
            ),
            [("120,3".into(), "tỷ đồng".into(), Some("12,5".into()))]
        );
        assert_eq!(
            read("Cấp mới 342 thẻ CCCD, tính đến nay đã cấp 3.120 thẻ CCCD"),
            [("3.120".into(), "thẻ cccd".into(), Some("342".into()))]
        );
        assert_eq!(
            read("Từ đầu năm đến nay tiếp nhận 1.204 hồ sơ; trong tháng tiếp nhận 98 hồ sơ"),
            [("1.204".into(), "hồ sơ".into(), None)]
        );
        // Two figures of the unit before the words: which is the month's is unsure.
        assert_eq!(
            read("Tiếp nhận 586 hồ sơ, giải quyết 202 hồ sơ, luỹ kế 1.900 hồ sơ"),
            [("1.900".into(), "hồ sơ".into(), None)]
        );
        // Not cumulative figures: a percentage, a fraction, no cumulative words.
        assert!(read("lũy kế từ đầu năm được 36 việc/532 = 6,76%").is_empty());
        assert!(read("lũy kế đạt 45,2%").is_empty());
        assert!(read("Trong tháng cấp 65 giấy phép xây dựng").is_empty());
        // The length of the period is not the figure.
        assert_eq!(
            read("Thu trong tháng 12,5 tỷ đồng, lũy kế 11 tháng đầu năm đạt 120,3 tỷ đồng"),
            [("120,3".into(), "tỷ đồng".into(), Some("12,5".into()))]
        );
        let a = cumulative_figures("Thu 12,5 tỷ đồng, lũy kế 11 tháng đầu năm 120,3 tỷ đồng");
        let b = cumulative_figures("Thu 13 tỷ đồng, lũy kế cả năm 133,3 tỷ đồng");
        assert_eq!(
            a[0].key, b[0].key,
            "the same indicator with new figures and period"
        );
        assert_eq!(a[0].key, "thu tỷ đồng");
        let c = cumulative_figures("Từ đầu năm đến nay tiếp nhận 1.204 hồ sơ đất đai");
        assert_eq!(c[0].key, "đất đai");
    }
}

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
    crate::case::lower(words)
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
    let lower = crate::case::lower(text);
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
            unit: cum.unit.to_string(),
            key,
            own,
            clause,
        });
    }
    out
}

/// A cumulative figure in a table: a cell of a column whose header says
/// "Lũy kế" / "Từ đầu năm" ("Chỉ tiêu | Tháng này | Lũy kế từ đầu năm"), or
/// the one figure of a row whose label says so ("Số lãnh đạo được bổ nhiệm
/// (Lũy kế từ đầu năm) | Người | 0").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellCumulative {
    /// Its grid place (row 0 is the `columns` row).
    pub row: usize,
    pub col: usize,
    pub value: Decimal,
    /// The cell as written, trimmed.
    pub raw: String,
    /// The row's label as written, and its words as in [`Cumulative::key`].
    pub label: String,
    pub key: String,
    /// The column's header as written, and its words the same way.
    pub header: String,
    pub column: String,
    /// The row's unit (its "ĐVT" cell, else the table's unit line), lower case.
    pub unit: String,
    /// The period's own figure of the row, from the one column whose header
    /// says so ("Tháng này", "Thực hiện trong tháng", "Kỳ này"): its column
    /// and value.
    pub own: Option<(usize, Decimal)>,
}

/// Words of a column header that say its figures are the period's own.
const OWN_WORDS: [&str; 8] = [
    "tháng này",
    "trong tháng",
    "thực hiện tháng",
    "kỳ này",
    "trong kỳ",
    "quý này",
    "trong quý",
    "thực hiện quý",
];

/// Words of a header that make a column neither the period's own figure nor
/// its lũy kế: last year's, the plan, a comparison, a rate, a note.
const OTHER_WORDS: [&str; 10] = [
    "cùng kỳ",
    "kế hoạch",
    "so với",
    "so sánh",
    "tỷ lệ",
    "%",
    "ghi chú",
    "năm trước",
    "kỳ trước",
    "tháng trước",
];

/// A header or label as one line of single spaces, lower case.
fn flat(text: &str) -> String {
    crate::case::lower(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The cumulative figures of a table (see [`CellCumulative`]). Silent when
/// unsure: a figure must fill its cell alone, the column's meaning must be
/// one of a kind, the row's label must be there, rates are left out.
pub fn table_cumulative(t: &crate::Table) -> Vec<CellCumulative> {
    let grid: Vec<&Vec<String>> = std::iter::once(&t.columns).chain(&t.rows).collect();
    let header_rows = 1 + (t.layout.more_header_rows as usize).min(t.rows.len());
    let width = grid.iter().map(|r| r.len()).max().unwrap_or(0);
    let headers: Vec<String> = (0..width)
        .map(|c| {
            grid[..header_rows]
                .iter()
                .filter_map(|r| r.get(c))
                .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|h| !h.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let lower: Vec<String> = headers.iter().map(|h| flat(h)).collect();
    let has = |h: &str, words: &[&str]| words.iter().any(|w| h.contains(w));
    let numbering = |h: &str| ["stt", "tt", "số tt", "số thứ tự", "thứ tự"].contains(&h);
    // "ĐVT", "Đơn vị tính", also under a merged "Kết quả thống kê".
    let unit_col = lower.iter().position(|h| {
        h == "đvt" || h.ends_with(" đvt") || h.ends_with("đơn vị tính") || h == "đơn vị"
    });
    let cumulative_cols: Vec<usize> = (0..width)
        .filter(|&c| has(&lower[c], &MARKERS) && !has(&lower[c], &OTHER_WORDS))
        .collect();
    let own_cols: Vec<usize> = (0..width)
        .filter(|&c| {
            has(&lower[c], &OWN_WORDS) && !has(&lower[c], &MARKERS) && !has(&lower[c], &OTHER_WORDS)
        })
        .collect();
    let table_unit = flat(&t.unit)
        .trim_start_matches("đvt")
        .trim_start_matches("đơn vị tính")
        .trim_start_matches(':')
        .trim()
        .to_string();
    let number = |cell: &str| {
        let raw = cell.trim();
        Decimal::parse_vn(raw).map(|v| (raw.to_string(), v))
    };
    let mut out = Vec::new();
    for (r, row) in grid.iter().enumerate().skip(header_rows) {
        let cell = |c: usize| row.get(c).map_or("", String::as_str);
        let Some(label_col) = (0..row.len()).find(|&c| {
            Some(c) != unit_col && !numbering(&lower[c]) && cell(c).chars().any(char::is_alphabetic)
        }) else {
            continue;
        };
        let label = cell(label_col)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let label_lower = flat(&label);
        let unit = unit_col
            .map(|c| flat(cell(c)))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| table_unit.clone());
        if unit.contains('%') || label_lower.contains("tỷ lệ") || label_lower.contains('%') {
            continue;
        }
        let key = key_of(&label);
        if key.is_empty() {
            continue;
        }
        let own = match own_cols.as_slice() {
            [c] => number(cell(*c)).map(|(_, v)| (*c, v)),
            _ => None,
        };
        let mut push = |c: usize, own: Option<(usize, Decimal)>| {
            if let Some((raw, value)) = number(cell(c)) {
                out.push(CellCumulative {
                    row: r,
                    col: c,
                    value,
                    raw,
                    label: label.clone(),
                    key: key.clone(),
                    header: headers[c].clone(),
                    column: key_of(&headers[c]),
                    unit: unit.clone(),
                    own,
                });
            }
        };
        if let [c] = cumulative_cols.as_slice() {
            push(*c, own);
        } else if cumulative_cols.is_empty() && has(&label_lower, &MARKERS) {
            // "(Lũy kế từ đầu năm)" in the label: the row's one figure.
            let figures: Vec<usize> = (0..row.len())
                .filter(|&c| {
                    c != label_col
                        && Some(c) != unit_col
                        && !numbering(&lower[c])
                        && !has(&lower[c], &OTHER_WORDS)
                        && number(cell(c)).is_some()
                })
                .collect();
            if let [c] = figures.as_slice() {
                push(*c, None);
            }
        }
    }
    // The same row label twice in a table: which is which is unsure.
    let keys: Vec<String> = out.iter().map(|c| c.key.clone()).collect();
    out.retain(|c| keys.iter().filter(|k| **k == c.key).count() == 1);
    out
}

/// A cumulative figure of the previous period's report, kept in the report
/// made from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedCumulative {
    /// The paragraph, heading, footnote it stood in (the same one in the new
    /// report); for a table's cell, the table's block as a paragraph target,
    /// with `column` saying which column.
    pub target: TextTarget,
    /// For a figure in a table: its column's words
    /// ([`CellCumulative::column`]); empty for text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub column: String,
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
    let mut text_figures = |target: TextTarget, inlines: &[crate::Inline]| {
        let text = crate::plain_text(inlines);
        for c in cumulative_figures(&text) {
            out.push(CarriedCumulative {
                target,
                column: String::new(),
                key: c.key,
                unit: c.unit,
                raw: text[c.span].to_string(),
                year: period.year,
                period: period.to_string(),
                clause: text[c.clause].to_string(),
            });
        }
    };
    let mut tables = Vec::new();
    report.body.visit(&mut |v| match v {
        crate::Visit::Block(_, crate::Block::Paragraph(p)) => {
            text_figures(TextTarget::Paragraph(p.id), &p.inlines);
        }
        crate::Visit::Block(_, crate::Block::Table(t)) => tables.push(t.clone()),
        crate::Visit::Heading(..) => {}
    });
    for f in &report.footnotes {
        text_figures(TextTarget::Footnote(f.id), &f.content);
    }
    for t in &tables {
        for c in table_cumulative(t) {
            out.push(CarriedCumulative {
                target: TextTarget::Paragraph(t.id),
                column: c.column,
                key: c.key,
                unit: c.unit,
                raw: c.raw.clone(),
                year: period.year,
                period: period.to_string(),
                clause: format!("{} — {}: {}", c.label, c.header, c.raw),
            });
        }
    }
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

    fn table(columns: &[&str], rows: &[&[&str]], more_header_rows: u32) -> crate::Table {
        crate::Table {
            id: crate::BlockId(7),
            title: String::new(),
            unit: "ĐVT: triệu đồng".into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            layout: crate::TableLayout {
                more_header_rows,
                ..Default::default()
            },
            origin: None,
        }
    }

    #[test]
    fn a_table_s_cumulative_cells_under_a_header_of_two_rows() {
        // "Kết quả" merged over "Tháng này" and "Lũy kế"; the unit from the
        // table's unit line; a figure with words beside it is not read.
        let t = table(
            &["TT", "Chỉ tiêu", "Kết quả", ""],
            &[
                &["", "", "Tháng này", "Lũy kế"],
                &["1", "Thu thuế", "1.250", "11.900"],
                &["2", "Thu phí", "310", "2.100 (ước)"],
                &["3", "Thu khác (lũy kế)", "", "95"],
            ],
            1,
        );
        let found = table_cumulative(&t);
        let got: Vec<String> = found
            .iter()
            .map(|c| {
                format!(
                    "{},{} {} «{}» {} {:?}",
                    c.row,
                    c.col,
                    c.raw,
                    c.key,
                    c.unit,
                    c.own.map(|o| o.0)
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "2,3 11.900 «thu thuế» triệu đồng Some(2)",
                "4,3 95 «thu khác lũy kế» triệu đồng None",
            ]
        );
        // A merged cell's text stands in its first column only.
        assert_eq!(found[0].header, "Lũy kế");
        // A statistical form: "Kết quả thống kê" merged over "Đơn vị tính"
        // and "Số liệu"; the row's label says it is a lũy kế.
        let form = table(
            &[
                "STT",
                "Chỉ tiêu thống kê",
                "Kết quả thống kê",
                "",
                "Ghi chú",
            ],
            &[
                &["", "", "Đơn vị tính", "Số liệu", ""],
                &["1", "Số cuộc kiểm tra", "Cuộc", "7", ""],
                &[
                    "2",
                    "Số hồ sơ số hóa (Lũy kế từ đầu năm)",
                    "Hồ sơ",
                    "1.310",
                    "12",
                ],
            ],
            1,
        );
        // A figure in the notes column is not the row's.
        let found = table_cumulative(&form);
        assert_eq!(
            (
                found[0].raw.as_str(),
                found[0].unit.as_str(),
                found[0].row,
                found[0].col
            ),
            ("1.310", "hồ sơ", 3, 3)
        );
        assert_eq!(found.len(), 1);
        // Two figures the row could mean: unsure, nothing.
        let mut form = form;
        form.columns[4] = "Ước thực hiện".into();
        assert!(table_cumulative(&form).is_empty());
        // No lũy kế column or label: nothing.
        let plain = table(&["Chỉ tiêu", "Tháng này"], &[&["Thu thuế", "1.250"]], 0);
        assert!(table_cumulative(&plain).is_empty());
    }
}

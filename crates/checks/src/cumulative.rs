//! Part of `sum` (warning): a cumulative figure ("lũy kế từ đầu năm", "tính
//! đến nay", "từ đầu năm đến nay") against the same figure in the report of
//! the previous period this one was made from. In the same year it may not
//! fall, and where the period's own figure is given, last period's lũy kế +
//! this period's figure = this lũy kế. A new year starts from zero.
//!
//! Precision first: the indicator must be the same with certainty (the same
//! paragraph, the same words, the same unit, one such figure), and a figure
//! still carried over unchanged ("stale") is not compared until the official
//! has updated it.

use super::text::{Unit, UnitKind};
use super::{Placed, Rule, Severity};
use baocao_model::cumulative::{cumulative_figures, table_cumulative, CarriedCumulative};
use baocao_model::{
    format_decimal, Block, Decimal, FigurePlace, Place, Report, Section, Table, TextTarget,
};

/// The value of a figure as written.
fn value(raw: &str) -> Option<Decimal> {
    Decimal::parse_vn(raw)
}

/// Whether `a` and `b` are equal at the precision of the less precise one
/// (12,5 + 107,8 = 120,3; 1.204 + 98 = 1.302).
fn same_at_precision(a: Decimal, b: Decimal) -> bool {
    let scale = a.scale.min(b.scale);
    let round = |d: Decimal| {
        let drop = 10u128.pow(u32::from(d.scale - scale));
        (d.mantissa + drop / 2) / drop
    };
    round(a) == round(b)
}

/// The message comparing a cumulative figure `raw` (`value`) with last
/// period's, given this period's own figure when it was updated; None when
/// they agree or cannot be compared.
fn compare(
    raw: &str,
    value: Decimal,
    unit_words: &str,
    prev: &CarriedCumulative,
    own: Option<(&str, Decimal)>,
) -> Option<String> {
    let before = self::value(&prev.raw)?;
    let where_before = format!("{}: «{}»", prev.period, prev.clause.trim());
    let unit_words = if unit_words.is_empty() {
        String::new()
    } else {
        format!(" {unit_words}")
    };
    if value.to_f64() < before.to_f64() {
        return Some(format!(
            "Số lũy kế {raw}{unit_words} nhỏ hơn số lũy kế kỳ trước {}{unit_words} (báo cáo {where_before}). Số lũy kế trong năm không giảm: kiểm tra lại số này hoặc số kỳ trước.",
            prev.raw
        ));
    }
    let (own_raw, own) = own?;
    let sum = before.checked_add(own)?;
    if same_at_precision(sum, value) {
        return None;
    }
    Some(format!(
        "Lũy kế kỳ trước {} + kỳ này {own_raw} = {}{unit_words}, không phải {raw}{unit_words} (lũy kế kỳ trước ở báo cáo {where_before}).",
        prev.raw,
        format_decimal(sum)
    ))
}

/// Compares the cumulative figures of each paragraph, footnote and table
/// with last period's.
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    if report.previous_cumulative.is_empty() {
        return;
    }
    let Some(year) = report.report_period().map(|p| p.year) else {
        return;
    };
    tables(units, report, year, out);
    for (i, unit) in units.iter().enumerate() {
        let target = match (unit.kind, unit.block) {
            (UnitKind::Paragraph, Some(block)) => TextTarget::Paragraph(block),
            (UnitKind::Footnote(id), _) => TextTarget::Footnote(id),
            _ => continue,
        };
        let stale: Vec<&str> = report
            .stale
            .iter()
            .filter(|s| s.place == FigurePlace::Text(target))
            .map(|s| s.text.as_str())
            .collect();
        let figures = cumulative_figures(&unit.text);
        for c in &figures {
            let raw = &unit.text[c.span.clone()];
            let own_raw = c.own.as_ref().map(|(r, _)| &unit.text[r.clone()]);
            if stale.contains(&raw) || c.key.is_empty() {
                continue;
            }
            let own_updated = own_raw.is_some_and(|o| !stale.contains(&o));
            // The same indicator, once in this paragraph and once before.
            if figures
                .iter()
                .filter(|o| o.key == c.key && o.unit == c.unit)
                .count()
                != 1
            {
                continue;
            }
            let previous: Vec<&CarriedCumulative> = report
                .previous_cumulative
                .iter()
                .filter(|p| {
                    p.column.is_empty() && p.target == target && p.key == c.key && p.unit == c.unit
                })
                .collect();
            let [prev] = previous.as_slice() else {
                continue;
            };
            if prev.year != year {
                continue;
            }
            let own = match (&c.own, own_raw) {
                (Some((_, v)), Some(o)) if own_updated => Some((o, *v)),
                _ => None,
            };
            let Some(message) = compare(raw, c.value, &c.unit, prev, own) else {
                continue;
            };
            out.push(Placed {
                at: i,
                finding: unit.finding(Rule::Sum, Severity::Warning, c.span.clone(), message),
            });
        }
    }
}

/// Compares the cumulative figures of each table (see
/// [`table_cumulative`]) with last period's: the same table, the same row
/// label, the same column meaning and unit, each once.
fn tables(units: &[Unit], report: &Report, year: u16, out: &mut Vec<Placed>) {
    let mut found: Vec<&Table> = Vec::new();
    for_each_table(report, &mut |t| found.push(t));
    for t in found {
        let figures = table_cumulative(t);
        let stale = |row: usize, col: usize, raw: &str| {
            report.stale.iter().any(|s| {
                s.place
                    == FigurePlace::Cell {
                        table: t.id,
                        row: row as u32,
                        col: col as u32,
                    }
                    && s.text == raw
            })
        };
        for c in &figures {
            if stale(c.row, c.col, &c.raw) {
                continue;
            }
            let previous: Vec<&CarriedCumulative> = report
                .previous_cumulative
                .iter()
                .filter(|p| {
                    !p.column.is_empty()
                        && p.target == TextTarget::Paragraph(t.id)
                        && p.column == c.column
                        && p.key == c.key
                        && p.unit == c.unit
                })
                .collect();
            let [prev] = previous.as_slice() else {
                continue;
            };
            if prev.year != year {
                continue;
            }
            let own_cell = c.own.and_then(|(col, v)| {
                let raw = t.rows.get(c.row - 1)?.get(col)?.trim();
                (!stale(c.row, col, raw)).then_some((raw, v))
            });
            let Some(message) = compare(&c.raw, c.value, &c.unit, prev, own_cell) else {
                continue;
            };
            let Some(at) = units.iter().position(|u| {
                matches!(u.place, Place::Cell { table, row, col, .. }
                    if table == t.id && row as usize == c.row && col as usize == c.col)
            }) else {
                continue;
            };
            let unit = &units[at];
            let start = unit.text.find(c.raw.as_str()).unwrap_or(0);
            out.push(Placed {
                at,
                finding: unit.finding(
                    Rule::Sum,
                    Severity::Warning,
                    start..start + c.raw.len(),
                    message,
                ),
            });
        }
    }
}

/// Every table of the body and its appendices.
fn for_each_table<'a>(report: &'a Report, f: &mut dyn FnMut(&'a Table)) {
    fn blocks<'a>(bs: &'a [Block], f: &mut dyn FnMut(&'a Table)) {
        for b in bs {
            if let Block::Table(t) = b {
                f(t);
            }
        }
    }
    fn section<'a>(s: &'a Section, f: &mut dyn FnMut(&'a Table)) {
        blocks(&s.blocks, f);
        for c in &s.children {
            section(c, f);
        }
    }
    blocks(&report.body.intro, f);
    for s in &report.body.sections {
        section(s, f);
    }
    for a in &report.body.appendices {
        blocks(&a.blocks, f);
    }
}

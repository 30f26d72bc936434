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
use baocao_model::cumulative::{cumulative_figures, CarriedCumulative};
use baocao_model::{format_decimal, Decimal, FigurePlace, Report, TextTarget};

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

/// Compares the cumulative figures of each paragraph with last period's.
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    if report.previous_cumulative.is_empty() {
        return;
    }
    let Some(year) = report.report_period().map(|p| p.year) else {
        return;
    };
    for (i, unit) in units.iter().enumerate() {
        if unit.kind != UnitKind::Paragraph {
            continue;
        }
        let Some(block) = unit.block else { continue };
        let target = TextTarget::Paragraph(block);
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
                .filter(|p| p.target == target && p.key == c.key && p.unit == c.unit)
                .collect();
            let [prev] = previous.as_slice() else {
                continue;
            };
            if prev.year != year {
                continue;
            }
            let Some(before) = value(&prev.raw) else {
                continue;
            };
            let unit_words = &c.unit;
            let where_before = format!("{}: «{}»", prev.period, prev.clause.trim());
            let message = if c.value.to_f64() < before.to_f64() {
                format!(
                    "Số lũy kế {raw} {unit_words} nhỏ hơn số lũy kế kỳ trước {} {unit_words} (báo cáo {where_before}). Số lũy kế trong năm không giảm: kiểm tra lại số này hoặc số kỳ trước.",
                    prev.raw
                )
            } else if let (Some((_, own)), true) = (c.own.clone(), own_updated) {
                let Some(sum) = before.checked_add(own) else {
                    continue;
                };
                if same_at_precision(sum, c.value) {
                    continue;
                }
                format!(
                    "Lũy kế kỳ trước {} + kỳ này {} = {} {unit_words}, không phải {raw} {unit_words} (lũy kế kỳ trước ở báo cáo {where_before}).",
                    prev.raw,
                    own_raw.unwrap_or_default(),
                    format_decimal(sum)
                )
            } else {
                continue;
            };
            out.push(Placed {
                at: i,
                finding: unit.finding(Rule::Sum, Severity::Warning, c.span.clone(), message),
            });
        }
    }
}

//! `footnote`: markers are numbered 1..n in the order they first appear, with
//! no gap and no number repeated out of order; each marker has exactly one
//! definition and each definition a marker. A raised digit after a unit
//! ("m²", "km²", "m³") is no marker: the importer keeps it as text, so it
//! never reaches this rule.

use super::text::{Unit, UnitKind};
use super::{Finding, Placed, Report, Rule, Severity};
use baocao_model::{superscript_number, FootnoteId};
use std::collections::{HashMap, HashSet};

/// Checks the numbering and definitions of the footnotes.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Footnote, units, report, out);
}

fn mark(id: FootnoteId) -> String {
    superscript_number(id.0)
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], _report: &Report, out: &mut Vec<Placed>) {
    let definitions: Vec<(usize, FootnoteId)> = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match u.kind {
            UnitKind::Footnote(id) => Some((i, id)),
            _ => None,
        })
        .collect();
    let mut defined: HashMap<FootnoteId, usize> = HashMap::new();
    for (_, id) in &definitions {
        *defined.entry(*id).or_default() += 1;
    }
    let markers: HashSet<FootnoteId> = units
        .iter()
        .filter(|u| !matches!(u.kind, UnitKind::Footnote(_)))
        .flat_map(|u| u.notes.iter().map(|(_, id)| *id))
        .collect();
    let mut seen: HashSet<FootnoteId> = HashSet::new();
    let mut highest = 0u32;
    for (i, unit) in units.iter().enumerate() {
        if matches!(unit.kind, UnitKind::Footnote(_)) {
            continue;
        }
        for (range, id) in &unit.notes {
            let at = |message: String| Placed {
                at: i,
                finding: unit.finding(Rule::Footnote, Severity::Error, range.clone(), message),
            };
            if seen.contains(id) {
                // A marker used again after later ones: "³ … ⁵ … ³".
                if id.0 < highest {
                    out.push(at(format!(
                        "Chú thích {} được đánh dấu lại sau chú thích {}: mỗi chú thích chỉ đánh số một lần, theo thứ tự xuất hiện. Nếu cần dẫn lại, hãy viết «xem chú thích {}».",
                        mark(*id),
                        mark(FootnoteId(highest)),
                        id.0
                    )));
                }
                continue;
            }
            let expected = seen.len() as u32 + 1;
            seen.insert(*id);
            if id.0 != expected {
                let why = if id.0 > expected && !markers.contains(&FootnoteId(expected)) {
                    format!("thiếu chú thích số {expected} trước nó")
                } else {
                    "các chú thích phải đánh số theo thứ tự xuất hiện".to_string()
                };
                out.push(at(format!(
                    "Chú thích {} đứng ở vị trí thứ {expected}: {why}. Đánh số lại thành {} (và các chú thích sau theo thứ tự).",
                    mark(*id),
                    mark(FootnoteId(expected)),
                )));
            }
            highest = highest.max(id.0);
            match defined.get(id).copied().unwrap_or(0) {
                0 => out.push(at(format!(
                    "Chú thích {} không có nội dung: thêm dòng chú thích «{} …» hoặc bỏ dấu chú thích.",
                    mark(*id),
                    mark(*id)
                ))),
                1 => {}
                n => out.push(at(format!(
                    "Chú thích {} có {n} nội dung khác nhau: chỉ giữ một.",
                    mark(*id)
                ))),
            }
        }
    }
    for (i, id) in &definitions {
        if !seen.contains(id) {
            let unit = &units[*i];
            out.push(Placed {
                at: *i,
                finding: unit.finding(
                    Rule::Footnote,
                    Severity::Error,
                    0..unit.text.len(),
                    format!(
                        "Chú thích {} không được dẫn ở đâu trong báo cáo: đặt dấu {} sau chỗ cần chú thích, hoặc bỏ chú thích này.",
                        mark(*id),
                        mark(*id)
                    ),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn seeds_footnotes_are_in_order() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn units_with_a_raised_digit_are_not_markers() {
        let t = "Ban hành 14 Quyết định, diện tích 6.686,4m²; bàn giao 3.871,7 m² và 26.354,7m² của 14 trường hợp¹.\n\n¹ Dự án A.";
        assert_eq!(findings(t), vec![]);
    }

    #[test]
    fn gaps_order_and_definitions() {
        let f = findings("Một¹. Hai³.\n\n¹ A.\n\n³ C.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0]
            .message
            .starts_with("Chú thích ³ đứng ở vị trí thứ 2: thiếu chú thích số 2"));
        assert_eq!(f[0].line, Some(1));

        let f = findings("Một². Hai¹.\n\n¹ A.\n\n² B.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].message.contains("Đánh số lại thành ¹"));

        let f = findings("Một¹. Hai². Lại¹.\n\n¹ A.\n\n² B.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("được đánh dấu lại sau chú thích ²"));

        let f = findings("Một¹. Hai².\n\n¹ A.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("Chú thích ² không có nội dung"));

        let f = findings("Một¹.\n\n¹ A.\n\n² B.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("Chú thích ² không được dẫn"));
        assert_eq!(f[0].line, Some(5));

        let f = findings("Một¹.\n\n¹ A.\n\n¹ B.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("có 2 nội dung"));
    }
}

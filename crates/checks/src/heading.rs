//! `heading`: numbering per level without gaps or repeats: parts I, II, III;
//! items 1, 2, 3 restarting under each part; sub-items 2.1, 2.2 under item 2;
//! points a), b), c) in the Vietnamese alphabet (… d, đ, e, g …, no f, j, w, z).

use super::text::Unit;
use super::{Finding, Placed, Report, Rule, Severity};
use baocao_model::{parse_roman, roman, Level, Section, POINT_LETTERS};

/// Checks the numbering of the headings.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Heading, units, report, out);
}

/// The number a heading should carry as the `n`-th of its level under `parent`.
fn expected(level: Level, n: usize, parent: Option<&Section>) -> String {
    match level {
        Level::Part => roman(n as u32),
        Level::Item => n.to_string(),
        Level::SubItem => match parent.filter(|p| p.heading.level == Level::Item) {
            Some(p) => format!("{}.{n}", p.heading.number),
            None => format!("?.{n}"),
        },
        Level::Point => n
            .checked_sub(1)
            .and_then(|i| POINT_LETTERS.get(i))
            .copied()
            .unwrap_or("?")
            .to_string(),
    }
}

/// The position a written number stands for (1 for "I", "1", "2.1", "a").
fn position(level: Level, number: &str) -> Option<usize> {
    match level {
        Level::Part => parse_roman(number).map(|n| n as usize),
        Level::Item => number.parse().ok(),
        Level::SubItem => number.rsplit('.').next()?.parse().ok(),
        Level::Point => POINT_LETTERS
            .iter()
            .position(|l| *l == number)
            .map(|p| p + 1),
    }
}

/// The document-level part (all of this rule).
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    let mut problems: Vec<(baocao_model::BlockId, String)> = Vec::new();
    siblings(&report.body.sections, None, &mut problems);
    for (id, message) in problems {
        if let Some(i) = units.iter().position(|u| u.block == Some(id)) {
            let unit = &units[i];
            let mut finding =
                unit.finding(Rule::Heading, Severity::Error, 0..unit.text.len(), message);
            finding.excerpt = format!("{} {}", heading_label(report, id), finding.excerpt);
            out.push(Placed { at: i, finding });
        }
    }
}

fn heading_label(report: &Report, id: baocao_model::BlockId) -> String {
    report
        .body
        .sections_flat()
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| s.heading.label())
        .unwrap_or_default()
}

/// "3." for items, parts and sub-items, "c)" for points.
fn label(level: Level, number: &str) -> String {
    match level {
        Level::Point => format!("«{number})»"),
        _ => format!("«{number}.»"),
    }
}

/// Checks each heading against the one before it of the same level, so one
/// gap gives one finding, not one for every heading after it.
fn siblings(
    sections: &[Section],
    parent: Option<&Section>,
    problems: &mut Vec<(baocao_model::BlockId, String)>,
) {
    let mut last: [Option<&Section>; 4] = [None; 4];
    for s in sections {
        let level = s.heading.level;
        let idx = usize::from(level.depth() - 1);
        let previous = last[idx]
            .and_then(|p| position(level, &p.heading.number))
            .unwrap_or(0);
        let previous_written = last[idx].map(|p| p.heading.number.as_str());
        let want = expected(level, previous + 1, parent);
        let written = &s.heading.number;
        last[idx] = Some(s);
        let parent_prefix = parent
            .filter(|p| p.heading.level == Level::Item)
            .map(|p| format!("{}.", p.heading.number));
        let wrong_parent = level == Level::SubItem
            && parent_prefix
                .as_ref()
                .is_some_and(|prefix| !written.starts_with(prefix.as_str()));
        let fine = position(level, written) == Some(previous + 1) && !wrong_parent;
        if !fine {
            let name = level.name_vi();
            let after = match previous_written {
                None => match parent {
                    Some(p) => format!(
                        "đầu tiên dưới {} {}",
                        p.heading.level.name_vi(),
                        label(p.heading.level, &p.heading.number)
                    ),
                    None => format!("là {name} đầu tiên"),
                },
                Some(p) => format!("sau {name} {}", label(level, p)),
            };
            let why = match position(level, written) {
                _ if wrong_parent => format!(
                    "{name} phải mang số của mục chứa nó ({})",
                    parent_prefix.unwrap_or_default()
                ),
                Some(w) if w == previous => "số bị lặp".to_string(),
                Some(w) if w > previous + 1 => {
                    let missing: Vec<String> = (previous + 1..w.min(previous + 4))
                        .map(|k| label(level, &expected(level, k, parent)))
                        .collect();
                    format!("thiếu {name} {}", missing.join(", "))
                }
                Some(_) => "số lùi lại".to_string(),
                None => "số không đúng cách đánh số của cấp này".to_string(),
            };
            problems.push((
                s.id,
                format!(
                    "Đề mục {} đứng {after}: {why}. Đánh số lại thành {} (và các {name} sau theo thứ tự).",
                    label(level, written),
                    label(level, &want)
                ),
            ));
        }
        siblings(&s.children, Some(s), problems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        crate::findings_of(check, text)
    }

    #[test]
    fn seeds_are_numbered_in_order() {
        for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
            assert_eq!(findings(seed), vec![]);
        }
    }

    #[test]
    fn gaps_repeats_and_wrong_parents() {
        let f = findings("I. KẾT QUẢ\n\n1. Kinh tế\n\n3. Xã hội\n\nII. HẠN CHẾ\n\n1. Chung");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(5));
        assert!(
            f[0].message.starts_with(
                "Đề mục «3.» đứng sau mục «1.»: thiếu mục «2.». Đánh số lại thành «2.»"
            ),
            "{}",
            f[0].message
        );

        let f = findings("I. KẾT QUẢ\n\nII. HẠN CHẾ\n\nII. NHIỆM VỤ");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("số bị lặp. Đánh số lại thành «III.»"),
            "{}",
            f[0].message
        );

        let f = findings("I. KẾT QUẢ\n\n2. Đầu tư\n\n2.1. Đô thị\n\n3.2. Xây dựng");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f[1].message.contains("phải mang số của mục chứa nó (2.)"),
            "{}",
            f[1].message
        );
        assert!(
            f[1].message.contains("Đánh số lại thành «2.2.»"),
            "{}",
            f[1].message
        );

        let f = findings(
            "I. KẾT QUẢ\n\n1. Văn hoá\n\na) Giáo dục\n\nb) Y tế\n\nd) Thể thao\n\nđ) Du lịch",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("thiếu điểm «c)»"), "{}", f[0].message);
    }

    #[test]
    fn points_follow_the_vietnamese_alphabet() {
        let ok = "I. A\n\n1. B\n\na) a\n\nb) b\n\nc) c\n\nd) d\n\nđ) đ\n\ne) e\n\ng) g";
        assert_eq!(findings(ok), vec![]);
        let f = findings("I. A\n\n1. B\n\na) a\n\nb) b\n\nc) c\n\nd) d\n\ne) e");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("Đánh số lại thành «đ)»"),
            "{}",
            f[0].message
        );
    }
}

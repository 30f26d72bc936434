//! `stale` (warning): figures carried over from last month's report by
//! "Tạo báo cáo tháng sau" that the official has neither edited nor
//! confirmed. Copying last month's report and forgetting to update a figure
//! is the mistake no other check can see: the old figure is consistent with
//! itself. One finding per paragraph, table or footnote lists its figures.

use super::text::Unit;
use super::{Finding, Placed, Rule, Severity};
use crate::report::{
    Block, BlockId, FigurePlace, FootnoteId, Report, Section, StaleFigure, TextTarget,
};

/// Checks the figures carried over from last month.
pub fn check(units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    super::check_rule(Rule::Stale, units, report, out);
}

/// The document-level part (all of this rule): each finding is placed at the
/// unit of its block, or after the body for a footnote's figures.
pub fn document(units: &[Unit], report: &Report, out: &mut Vec<Placed>) {
    let mut findings = Vec::new();
    findings_in(report, &mut findings);
    for finding in findings {
        let at = units
            .iter()
            .position(|u| u.path == finding.path || (u.block.is_some() && u.block == finding.block))
            .unwrap_or(units.len());
        out.push(Placed { at, finding });
    }
}

/// Lists the carried-over figures still waiting, in reading order.
fn findings_in(report: &Report, out: &mut Vec<Finding>) {
    if report.stale.is_empty() {
        return;
    }
    let mut places: Places = Vec::new();
    blocks(report, &report.body.intro, "Phần mở đầu", &mut places);
    for s in &report.body.sections {
        section(report, s, "", &mut places);
    }
    for f in &report.footnotes {
        let figures = sorted(report, |p| {
            p == FigurePlace::Text(TextTarget::Footnote(f.id))
        });
        add(
            &mut places,
            format!("Chú thích {}", f.id.0),
            marker_block(report, f.id),
            figures,
        );
    }
    for (path, block, figures) in places {
        let list: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
        let message = if list.len() == 1 {
            format!(
                "Số liệu {} chép từ tháng trước, chưa cập nhật: sửa theo số liệu tháng này, hoặc bấm \u{201c}Xác nhận\u{201d} nếu vẫn đúng.",
                list[0]
            )
        } else {
            format!(
                "{} số liệu chép từ tháng trước, chưa cập nhật: {}. Sửa theo số liệu tháng này, hoặc bấm \u{201c}Xác nhận\u{201d} nếu vẫn đúng.",
                list.len(),
                list.join("; ")
            )
        };
        out.push(Finding {
            rule: Rule::Stale,
            severity: Severity::Warning,
            message,
            excerpt: list.join("; "),
            line: None,
            path,
            block,
        });
    }
}

/// The official confirms the figures a `stale` finding lists ("Xác nhận"):
/// they are right as they are. Returns the place confirmed.
pub fn confirm(report: &mut Report, finding: &Finding) -> Option<FigurePlace> {
    if finding.rule != Rule::Stale {
        return None;
    }
    let place = if let Some(n) = finding.path.strip_prefix("Chú thích ") {
        FigurePlace::Text(TextTarget::Footnote(FootnoteId(n.trim().parse().ok()?)))
    } else {
        let block = finding.block?;
        if report.body.section(block).is_some() {
            FigurePlace::Text(TextTarget::Heading(block))
        } else {
            match report.body.block(block)? {
                Block::Paragraph(_) => FigurePlace::Text(TextTarget::Paragraph(block)),
                Block::Table(_) => {
                    report.confirm_block_figures(block);
                    return Some(FigurePlace::Cell {
                        table: block,
                        row: 0,
                        col: 0,
                    });
                }
            }
        }
    };
    report.confirm_figures(place);
    Some(place)
}

/// The figures whose place passes `keep`, in text order.
fn sorted(report: &Report, keep: impl Fn(FigurePlace) -> bool) -> Vec<&StaleFigure> {
    let mut v: Vec<&StaleFigure> = report.stale.iter().filter(|s| keep(s.place)).collect();
    v.sort_by_key(|s| match s.place {
        FigurePlace::Cell { row, col, .. } => (row, col, s.start),
        FigurePlace::Text(_) => (0, 0, s.start),
    });
    v
}

/// The paragraph or heading where a footnote's marker stands, to scroll to.
fn marker_block(report: &Report, id: FootnoteId) -> Option<BlockId> {
    report.note_targets(id).first().map(|t| match t {
        TextTarget::Paragraph(b) | TextTarget::Heading(b) => *b,
        TextTarget::Footnote(_) => BlockId(0),
    })
}

/// Each place with figures left: its path, its block, its figures.
type Places<'r> = Vec<(String, Option<BlockId>, Vec<&'r StaleFigure>)>;

fn add<'r>(
    places: &mut Places<'r>,
    path: String,
    block: Option<BlockId>,
    figures: Vec<&'r StaleFigure>,
) {
    if !figures.is_empty() {
        places.push((path, block, figures));
    }
}

fn section<'r>(report: &'r Report, s: &Section, trail: &str, places: &mut Places<'r>) {
    let path = if trail.is_empty() {
        s.heading.number.clone()
    } else {
        format!("{trail} › {}", s.heading.number)
    };
    let heading = sorted(report, |p| {
        p == FigurePlace::Text(TextTarget::Heading(s.id))
    });
    add(places, format!("{path} (đề mục)"), Some(s.id), heading);
    blocks(report, &s.blocks, &path, places);
    for c in &s.children {
        section(report, c, &path, places);
    }
}

fn blocks<'r>(report: &'r Report, bs: &[Block], trail: &str, places: &mut Places<'r>) {
    let (mut paragraph, mut table) = (0, 0);
    for b in bs {
        match b {
            Block::Paragraph(p) => {
                paragraph += 1;
                let figures = sorted(report, |place| {
                    place == FigurePlace::Text(TextTarget::Paragraph(p.id))
                });
                add(
                    places,
                    format!("{trail} › đoạn {paragraph}"),
                    Some(p.id),
                    figures,
                );
            }
            Block::Table(t) => {
                table += 1;
                let figures = sorted(
                    report,
                    |place| matches!(place, FigurePlace::Cell { table, .. } if table == t.id),
                );
                add(
                    places,
                    format!("{trail} › bảng {table}"),
                    Some(t.id),
                    figures,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;
    use crate::report::carry::next_month;
    use crate::report::Period;

    fn stale_findings(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(&crate::checks::units(r), r, &mut out);
        out
    }

    #[test]
    fn a_report_not_carried_over_has_no_stale_figures() {
        let r = import_text(crate::seeds::MAR_2025).unwrap();
        assert!(stale_findings(&r).is_empty());
        assert!(crate::checks::run(&r).iter().all(|f| f.rule != Rule::Stale));
    }

    #[test]
    fn next_month_lists_each_figure_left_where_it_stands() {
        let march = import_text(crate::seeds::MAR_2025).unwrap();
        let april = next_month(&march, Period::new(1, 2000).unwrap()).report;
        let found = stale_findings(&april);
        let revenue = found
            .iter()
            .find(|f| f.message.contains("10.595"))
            .expect("the revenue paragraph is listed");
        assert_eq!(revenue.severity, Severity::Warning);
        assert_eq!(revenue.path, "I › 1 › đoạn 3");
        assert!(
            revenue
                .message
                .starts_with("5 số liệu chép từ tháng trước, chưa cập nhật"),
            "{}",
            revenue.message
        );
        assert!(
            revenue
                .message
                .contains("12/03/2025; 10.595; 32,2; 29,2; 122,7"),
            "{}",
            revenue.message
        );
        assert!(revenue.block.is_some());
        assert!(found.iter().any(|f| f.path.starts_with("Chú thích")));
        // Every stale figure is listed exactly once.
        let listed: usize = found.iter().map(|f| f.excerpt.split("; ").count()).sum();
        assert_eq!(listed, april.stale.len());
        assert!(crate::checks::run(&april)
            .iter()
            .any(|f| f.rule == Rule::Stale));
    }

    #[test]
    fn edited_and_confirmed_figures_leave_the_list() {
        let march = import_text(crate::seeds::MAR_2025).unwrap();
        let mut april = next_month(&march, Period::new(1, 2000).unwrap()).report;
        let before = stale_findings(&april).len();
        let block = stale_findings(&april)
            .iter()
            .find(|f| f.message.contains("10.595"))
            .and_then(|f| f.block)
            .unwrap();
        april.confirm_block_figures(block);
        let after = stale_findings(&april);
        assert_eq!(after.len(), before - 1);
        assert!(after.iter().all(|f| !f.message.contains("10.595")));
        // "Xác nhận" on a footnote's finding clears that footnote only.
        let note = after
            .iter()
            .find(|f| f.path.starts_with("Chú thích"))
            .cloned()
            .unwrap();
        let place = confirm(&mut april, &note).unwrap();
        assert!(matches!(place, FigurePlace::Text(TextTarget::Footnote(_))));
        assert_eq!(stale_findings(&april).len(), before - 2);
    }

    #[test]
    fn names_codes_and_labels_are_not_carried_figures() {
        let october = import_text(include_str!(
            "../../tests/corpus/tu-viet-xa-tan-ha-thang-10-2025.txt"
        ))
        .unwrap();
        let november = next_month(&october, Period::new(1, 2000).unwrap()).report;
        let listed: Vec<String> = stale_findings(&november)
            .iter()
            .flat_map(|f| {
                f.excerpt
                    .split("; ")
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        // The month's figures are listed…
        for figure in ["18.640", "12.480", "4.126", "1.184/1.210"] {
            assert!(listed.iter().any(|l| l == figure), "{figure}: {listed:?}");
        }
        // …names ("Chương trình 135", "Khu 4", "Tổ công tác 1", "Thôn 3",
        // "Nhà ở xã hội 2", "phiên bản 4.0", "5-4-3-2-1"), codes and item
        // numbers ("(1)") are not.
        for name in ["135", "1.012345", "2.000123", "4.0", "4", "1", "3", "2"] {
            assert!(!listed.iter().any(|l| l == name), "{name}: {listed:?}");
        }
    }
}

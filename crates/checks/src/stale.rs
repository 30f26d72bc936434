//! `stale` (warning): figures carried over from last month's report by
//! "Tạo báo cáo tháng sau" that the official has neither edited nor
//! confirmed. Copying last month's report and forgetting to update a figure
//! is the mistake no other check can see: the old figure is consistent with
//! itself. One finding per paragraph, table or footnote lists its figures.

use super::text::Unit;
use super::{Finding, Placed, Rule, Severity};
use baocao_model::{Block, FigurePlace, Outline, Place, Report, Section, StaleFigure, TextTarget};

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
            .position(|u| {
                u.place == finding.place || (u.block.is_some() && u.block == finding.place.block())
            })
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
    blocks(report, &report.body.intro, &Outline::default(), &mut places);
    for s in &report.body.sections {
        section(report, s, &Outline::default(), &mut places);
    }
    for f in &report.footnotes {
        let figures = sorted(report, |p| {
            p == FigurePlace::Text(TextTarget::Footnote(f.id))
        });
        add(&mut places, Place::Footnote(f.id), figures);
    }
    for (place, figures) in places {
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
            // The first figure, where the text holds them (a table's cells
            // are each their own text).
            span: (!matches!(place, Place::Table { .. })).then(|| figures[0].span()),
            fix: None,
            place,
        });
    }
}

/// The figures whose place passes `keep`, in text order.
fn sorted(report: &Report, keep: impl Fn(FigurePlace) -> bool) -> Vec<&StaleFigure> {
    let mut v: Vec<&StaleFigure> = report.stale.iter().filter(|s| keep(s.place)).collect();
    baocao_model::order::sort_stable_by_key(&mut v, |s| match s.place {
        FigurePlace::Cell { row, col, .. } => (row, col, s.start),
        FigurePlace::Text(_) | FigurePlace::Summary => (0, 0, s.start),
    });
    v
}

/// Each place with figures left, and its figures.
type Places<'r> = Vec<(Place, Vec<&'r StaleFigure>)>;

fn add<'r>(places: &mut Places<'r>, place: Place, figures: Vec<&'r StaleFigure>) {
    if !figures.is_empty() {
        places.push((place, figures));
    }
}

fn section<'r>(report: &'r Report, s: &Section, trail: &Outline, places: &mut Places<'r>) {
    let outline = trail.child(&s.heading.number);
    let heading = sorted(report, |p| {
        p == FigurePlace::Text(TextTarget::Heading(s.id))
    });
    add(
        places,
        Place::Heading {
            section: s.id,
            outline: outline.clone(),
        },
        heading,
    );
    blocks(report, &s.blocks, &outline, places);
    for c in &s.children {
        section(report, c, &outline, places);
    }
}

fn blocks<'r>(report: &'r Report, bs: &[Block], outline: &Outline, places: &mut Places<'r>) {
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
                    Place::Paragraph {
                        block: p.id,
                        outline: outline.clone(),
                        nth: paragraph,
                    },
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
                    Place::Table {
                        table: t.id,
                        outline: outline.clone(),
                        nth: table,
                    },
                    figures,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_import::import_text;
    use baocao_model::Period;
    use baocao_session::carry::{confirm_place, next_month};
    use baocao_session::StaleMarks;

    fn stale_findings(r: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        check(&crate::units(r), r, &mut out);
        out
    }

    #[test]
    fn a_report_not_carried_over_has_no_stale_figures() {
        let r = import_text(baocao_testdata::MAR_2025).unwrap();
        assert!(stale_findings(&r).is_empty());
        assert!(crate::run(&r).iter().all(|f| f.rule != Rule::Stale));
    }

    #[test]
    fn next_month_lists_each_figure_left_where_it_stands() {
        let march = import_text(baocao_testdata::MAR_2025).unwrap();
        let april = next_month(&march, Period::new(1, 2000).unwrap()).report;
        let found = stale_findings(&april);
        let revenue = found
            .iter()
            .find(|f| f.message.contains("10.595"))
            .expect("the revenue paragraph is listed");
        assert_eq!(revenue.severity, Severity::Warning);
        assert_eq!(revenue.place.to_string(), "I › 1 › đoạn 3");
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
        assert!(revenue.place.block().is_some());
        assert!(found.iter().any(|f| matches!(f.place, Place::Footnote(_))));
        // Every stale figure is listed exactly once.
        let listed: usize = found.iter().map(|f| f.excerpt.split("; ").count()).sum();
        assert_eq!(listed, april.stale.len());
        assert!(crate::run(&april).iter().any(|f| f.rule == Rule::Stale));
    }

    #[test]
    fn edited_and_confirmed_figures_leave_the_list() {
        let march = import_text(baocao_testdata::MAR_2025).unwrap();
        let mut april = next_month(&march, Period::new(1, 2000).unwrap()).report;
        let before = stale_findings(&april).len();
        let block = stale_findings(&april)
            .iter()
            .find(|f| f.message.contains("10.595"))
            .and_then(|f| f.place.block())
            .unwrap();
        april.confirm_block_figures(block);
        let after = stale_findings(&april);
        assert_eq!(after.len(), before - 1);
        assert!(after.iter().all(|f| !f.message.contains("10.595")));
        // "Xác nhận" on a footnote's finding clears that footnote only.
        let note = after
            .iter()
            .find(|f| matches!(f.place, Place::Footnote(_)))
            .cloned()
            .unwrap();
        let place = confirm_place(&mut april, &note.place).unwrap();
        assert!(matches!(place, FigurePlace::Text(TextTarget::Footnote(_))));
        assert_eq!(stale_findings(&april).len(), before - 2);
    }

    #[test]
    fn names_codes_and_labels_are_not_carried_figures() {
        let october = import_text(include_str!(
            "../../../tests/corpus/tu-viet-xa-tan-ha-thang-10-2025.txt"
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

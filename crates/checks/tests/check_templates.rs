//! Every template, for every unit kind and period kind, is a report the
//! checks accept as to its periods and headings: the trích yếu, the part of
//! tasks and the date agree, so an official starting from a template meets
//! no finding about what the template wrote.

use baocao_checks::{run, Rule, Severity};
use baocao_model::{ReportPeriod, Span};
use baocao_session::profile::{UnitKind, UnitProfile};
use baocao_session::template::{report_from, ReportKind, Template};

#[test]
fn no_template_draws_a_period_or_heading_finding() {
    let spans = [
        Span::Month(1),
        Span::Month(12),
        Span::Quarter(1),
        Span::Quarter(4),
        Span::FirstHalf,
        Span::LastHalf,
        Span::NineMonths,
        Span::Year,
    ];
    let mut seen = 0;
    for unit in UnitKind::ALL {
        for kind in ReportKind::ALL {
            for span in spans {
                let period = ReportPeriod { span, year: 2026 };
                let r = report_from(Template { unit, kind, period }, &UnitProfile::new(unit));
                let found: Vec<String> = run(&r)
                    .into_iter()
                    .filter(|f| {
                        matches!(f.rule, Rule::Period | Rule::Heading | Rule::Date)
                            || (f.rule == Rule::Structure && f.severity == Severity::Error)
                    })
                    .map(|f| format!("{:?} {}", f.rule, f.message))
                    .collect();
                assert!(found.is_empty(), "{unit:?} {kind:?} {period}: {found:#?}");
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 4 * 3 * 8);
}

//! The incremental checker's cache: texts met more than once in a report,
//! texts that come back after an edit, and texts that disappear, all give
//! what a full run gives, and the cache keeps only the texts of the last
//! report checked.

use baocao_checks::{run, Checker};
use baocao_import::import_text;
use baocao_model::{Block, Inline, Report};
use baocao_testdata::{MAR_2025, NOV_2021};

/// The seed with its body (from "I. NHỮNG KẾT QUẢ" up to Nơi nhận) written
/// twice: every paragraph, cell and heading text of the body is met twice.
fn body_twice(seed: &str) -> String {
    let lines: Vec<&str> = seed.lines().collect();
    let bare = |l: &str| l.trim_start_matches(['#', '*', ' ']).to_string();
    let start = lines
        .iter()
        .position(|l| bare(l).starts_with("I. NHỮNG KẾT QUẢ"))
        .expect("the body's first heading");
    let end = lines
        .iter()
        .position(|l| bare(l).starts_with("Nơi nhận"))
        .expect("Nơi nhận");
    let mut out: Vec<&str> = lines[..end].to_vec();
    out.extend_from_slice(&lines[start..end]);
    out.extend_from_slice(&lines[end..]);
    out.join("\n")
}

/// The `n`-th paragraph of the body (in document order) with `extra` added.
fn with_paragraph_changed(report: &Report, n: usize, extra: &str) -> Report {
    let mut r = report.clone();
    let mut seen = 0;
    r.body.for_each_inlines_mut(&mut |inlines| {
        seen += 1;
        if seen == n {
            inlines.push(Inline::text(extra));
        }
    });
    r
}

fn paragraphs(report: &Report) -> usize {
    report
        .body
        .sections_flat()
        .iter()
        .map(|s| {
            s.blocks
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count()
        })
        .sum()
}

#[test]
fn texts_met_twice_and_edited_one_copy_at_a_time_agree_with_a_full_run() {
    for seed in [MAR_2025, NOV_2021] {
        let report = import_text(&body_twice(seed)).expect("the doubled seed imports");
        let mut checker = Checker::new();
        assert_eq!(checker.check(&report), run(&report));
        let kept = checker.kept();
        let n = paragraphs(&report);
        // A wrong percentage typed into paragraphs spread over both copies,
        // then the paragraph put back as it was.
        for k in [1, n / 3, n / 2, n / 2 + 1, n - 1] {
            let edited = with_paragraph_changed(&report, k, " Tỷ lệ 11/470 = 3,2%.");
            let found = checker.check(&edited);
            assert_eq!(found, run(&edited), "paragraph {k} edited");
            assert!(
                found
                    .iter()
                    .any(|f| f.message.starts_with("11/470 = 2,34%")),
                "paragraph {k}: the typed percentage is checked"
            );
            assert_eq!(checker.check(&report), run(&report), "paragraph {k} back");
            // The edited text is dropped once no paragraph holds it.
            assert_eq!(checker.kept(), kept, "paragraph {k} back");
        }
    }
}

#[test]
fn one_checker_moves_between_reports_and_keeps_only_the_last() {
    let mut checker = Checker::new();
    let a = import_text(MAR_2025).unwrap();
    let b = import_text(NOV_2021).unwrap();
    assert_eq!(checker.check(&a), run(&a));
    let kept_a = checker.kept();
    assert_eq!(checker.check(&b), run(&b));
    let kept_b = checker.kept();
    assert_eq!(checker.check(&a), run(&a));
    assert_eq!(checker.kept(), kept_a);
    assert_eq!(checker.check(&Report::new()), run(&Report::new()));
    assert_eq!(checker.check(&b), run(&b));
    assert_eq!(checker.kept(), kept_b);
}

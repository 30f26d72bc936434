//! A fixed amount of checking work on the bench's ~100-page report, for
//! instruction counts that repeat on a loaded machine:
//! `valgrind --tool=callgrind target/release/examples/profile_checks [full|checker] [rounds]`.
//! `full` runs every rule (no import) `rounds` times; `checker` edits one
//! paragraph and re-checks with the incremental checker `rounds` times;
//! `unchanged` re-checks the same report with the checker `rounds` times.
//! Built with `cargo build --release -p baocao-checks --example
//! profile_checks` it is optimised as the page's code is (opt-level "z");
//! with `--profile bench` instead, as the bench is (opt-level 3). Count
//! once with 1 round and once with 11: the difference over 10 is one pass.

#[path = "../benches/support/long_report.rs"]
mod long_report;

use baocao_checks::{run, Checker};
use baocao_import::import_text;
use baocao_model::Inline;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "full".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let report = import_text(&long_report::long_report(100)).expect("the long report imports");
    let mut edited = report.clone();
    let mut seen = 0;
    edited.body.for_each_inlines_mut(&mut |inlines| {
        seen += 1;
        if seen == 286 {
            inlines.push(Inline::text(" Tỷ lệ 11/470 = 3,2%."));
        }
    });
    let mut findings = 0;
    match mode.as_str() {
        "full" => {
            for _ in 0..rounds {
                findings = run(black_box(&report)).len();
            }
        }
        "checker" => {
            let mut checker = Checker::new();
            checker.check(&report);
            for i in 0..rounds {
                let r = if i % 2 == 0 { &edited } else { &report };
                findings = checker.check(black_box(r)).len();
            }
        }
        "unchanged" => {
            let mut checker = Checker::new();
            checker.check(&report);
            for _ in 0..rounds {
                findings = checker.check(black_box(&report)).len();
            }
        }
        other => panic!("unknown mode {other}: full, checker or unchanged"),
    }
    eprintln!("{mode} × {rounds}: {findings} findings");
}

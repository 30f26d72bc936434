//! Every finding of every rule over every input the repository holds, one
//! line each, to prove that a change meant to make the checks faster changes
//! none of them: run it before and after and compare the two files byte for
//! byte. `cargo run --release -p baocao-checks --example dump_findings > f`.
//!
//! The inputs: the seeds, the corpus texts, every .docx under tests/samples,
//! the bench's ~100-page report, and of each text a copy with every digit
//! moved by one (so the totals, percentages and dates go wrong in many
//! ways). Each is checked by `run` and by an incremental `Checker` fed the
//! inputs in turn and, for each text, again after one paragraph in three
//! was changed; the checker's findings must equal `run`'s.

#[path = "../benches/support/long_report.rs"]
mod long_report;

use baocao_checks::{run, Checker, Finding};
use baocao_import::import_text;
use baocao_model::{Inline, Report};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the folder reads")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// Every digit moved by one: "2025" becomes "3136".
fn digits_moved(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + 1) % 10, 10).expect("a digit"),
            None => c,
        })
        .collect()
}

/// A copy with one paragraph in three given a sentence with figures.
fn edited(report: &Report) -> Report {
    let mut r = report.clone();
    let mut seen = 0;
    r.body.for_each_inlines_mut(&mut |inlines| {
        seen += 1;
        if seen % 3 == 0 {
            inlines.push(Inline::text(" Tỷ lệ 11/470 = 3,2%, gồm 5 xã và 7 phường."));
        }
    });
    r
}

fn dump(name: &str, findings: &[Finding], out: &mut String, count: &mut usize) {
    writeln!(out, "== {name}: {} findings", findings.len()).expect("a string");
    for f in findings {
        writeln!(out, "{} | {f:?}", f.place).expect("a string");
    }
    *count += findings.len();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut paths = Vec::new();
    files_under(&root.join("tests/seeds"), "txt", &mut paths);
    files_under(&root.join("tests/corpus"), "txt", &mut paths);
    for p in &paths {
        let name = p
            .strip_prefix(&root)
            .expect("under the root")
            .display()
            .to_string();
        texts.push((name, std::fs::read_to_string(p).expect("the text reads")));
    }
    texts.push(("long_report(100)".into(), long_report::long_report(100)));
    let mut reports: Vec<(String, Report)> = Vec::new();
    for (name, text) in &texts {
        reports.push((name.clone(), import_text(text).expect("imports")));
        reports.push((
            format!("{name} (digits moved)"),
            import_text(&digits_moved(text)).expect("imports"),
        ));
    }
    let mut docx = Vec::new();
    files_under(&root.join("tests/samples"), "docx", &mut docx);
    for p in &docx {
        let name = p
            .strip_prefix(&root)
            .expect("under the root")
            .display()
            .to_string();
        let bytes = std::fs::read(p).expect("the file reads");
        match baocao_session::input::read_report(&name, &bytes) {
            Ok((report, _)) => reports.push((name, report)),
            Err(e) => eprintln!("{name}: not read ({e:?})"),
        }
    }
    let mut out = String::new();
    let mut count = 0;
    let mut checker = Checker::new();
    for (name, report) in &reports {
        let all = run(report);
        dump(name, &all, &mut out, &mut count);
        let changed = edited(report);
        let all_changed = run(&changed);
        dump(
            &format!("{name} (edited)"),
            &all_changed,
            &mut out,
            &mut count,
        );
        // The checker, fed each report, its edit, the report again and the
        // same report twice, must say what `run` says.
        for (r, expected) in [
            (report, &all),
            (&changed, &all_changed),
            (report, &all),
            (report, &all),
        ] {
            assert!(
                checker.check(r) == *expected,
                "{name}: the checker differs from run"
            );
        }
    }
    print!("{out}");
    eprintln!("{} reports, {count} findings", reports.len());
}

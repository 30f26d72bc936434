//! How long the checks take on a long report, as the page re-checks it while
//! the official types: a full pass (import + every rule), and the incremental
//! checker after one paragraph changed; and reading the largest real .docx
//! sample as the page opens it. `cargo bench --bench checks`.
//!
//! Timings on a shared, loaded machine vary by tens of per cent from run to
//! run; for figures that repeat, count instructions with callgrind on the
//! same report (`examples/profile_checks.rs`). Benches build with the
//! root Cargo.toml's `[profile.bench]` (opt-level 3), natively; the page's
//! wasm is built for size (opt-level "z") and runs these checks slower.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/long_report.rs"]
mod long_report;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use baocao_checks::{run, Checker};
    use baocao_import::import_text;
    use baocao_model::{Block, Inline, Report};
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;

    use super::long_report::{long_report, WORDS_PER_PAGE};

    /// A copy of the report with the text of its `n`-th paragraph changed.
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

    fn checks(c: &mut Criterion) {
        let text = long_report(100);
        let report = import_text(&text).expect("the long report imports");
        let paragraphs = report
            .body
            .sections_flat()
            .iter()
            .map(|s| {
                s.blocks
                    .iter()
                    .filter(|b| matches!(b, Block::Paragraph(_)))
                    .count()
            })
            .sum::<usize>();
        eprintln!(
            "long report: {} KB, {} words (~{} pages), {} paragraphs, {} footnotes, {} findings",
            text.len() / 1024,
            text.split_whitespace().count(),
            text.split_whitespace().count() / WORDS_PER_PAGE,
            paragraphs,
            report.footnotes.len(),
            run(&report).len()
        );

        let mut group = c.benchmark_group("checks_100_pages");
        group.sample_size(30);
        group.bench_function("full_pass_import_and_all_checks", |b| {
            b.iter(|| run(&import_text(black_box(&text)).expect("imports")))
        });
        group.bench_function("all_checks_without_import", |b| {
            b.iter(|| run(black_box(&report)))
        });

        // The page keeps a Checker; each keystroke changes one paragraph.
        let edited = with_paragraph_changed(&report, paragraphs / 2, " Tỷ lệ 11/470 = 3,2%.");
        let mut checker = Checker::new();
        assert_eq!(checker.check(&edited), run(&edited));
        let mut flip = false;
        group.bench_function("checker_one_paragraph_changed", |b| {
            b.iter(|| {
                flip = !flip;
                checker.check(black_box(if flip { &report } else { &edited }))
            })
        });
        group.bench_function("checker_nothing_changed", |b| {
            b.iter(|| checker.check(black_box(&report)))
        });
        group.finish();
    }

    /// Opening the largest real sample (bao-cao-cchc-nam-2025.docx, 124 kB,
    /// about 80,000 characters, 17 footnotes, 11 tables) as the page opens
    /// a file, then checking it as the page does next.
    fn largest_sample(c: &mut Criterion) {
        let path = format!(
            "{}/bao-cao-cchc-nam-2025.docx",
            baocao_testdata::SAMPLES_DIR
        );
        let bytes = std::fs::read(&path).expect("the sample");
        let open = |bytes: &[u8]| {
            baocao_session::input::read_report("bao-cao-cchc-nam-2025.docx", bytes)
                .expect("the sample reads")
                .0
        };
        let report = open(&bytes);
        eprintln!(
            "largest sample: {} KB, {} footnotes, {} appendix, {} findings",
            bytes.len() / 1024,
            report.footnotes.len(),
            report.body.appendices.len(),
            run(&report).len()
        );
        let mut group = c.benchmark_group("largest_sample_docx");
        group.sample_size(20);
        group.bench_function("read", |b| b.iter(|| open(black_box(&bytes))));
        group.bench_function("read_and_all_checks", |b| {
            b.iter(|| run(&open(black_box(&bytes))))
        });
        group.finish();
    }

    criterion_group!(benches, checks, largest_sample);

    pub fn main() {
        benches();
        Criterion::default().configure_from_args().final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

// Benchmarks run natively only; the wasm build of the page has none.
#[cfg(target_arch = "wasm32")]
fn main() {}

//! How long the checks take on a long report, as the page re-checks it while
//! the official types: a full pass (import + every rule), and the incremental
//! checker after one paragraph changed; and reading the largest real .docx
//! sample as the page opens it. `cargo bench --bench checks`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use baocao_checks::{run, Checker};
    use baocao_import::import_text;
    use baocao_model::{superscript_digit_value, superscript_number, Block, Inline, Report};
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;

    use baocao_testdata::MAR_2025;
    use baocao_testdata::NOV_2021;

    /// Words on a printed page of the report (Times New Roman 14, A4, 1.15).
    const WORDS_PER_PAGE: usize = 500;

    /// The lines of `text` from the one starting with `from` up to (not
    /// including) the one starting with `to`.
    fn lines_between<'a>(text: &'a str, from: &str, to: &str) -> Vec<&'a str> {
        text.lines()
            .skip_while(|l| !l.trim_start_matches(['#', '*', ' ']).starts_with(from))
            .take_while(|l| !l.trim_start_matches(['#', '*', ' ']).starts_with(to))
            .collect()
    }

    /// Footnote markers and definitions renumbered by `offset`, so each copy
    /// of a body keeps its own footnotes.
    fn shift_footnotes(line: &str, offset: u32) -> String {
        let mut out = String::with_capacity(line.len());
        let mut digits = 0u32;
        let mut in_number = false;
        for c in line.chars() {
            match superscript_digit_value(c) {
                Some(d) => {
                    digits = digits * 10 + d;
                    in_number = true;
                }
                None => {
                    if in_number {
                        out.push_str(&superscript_number(digits + offset));
                        digits = 0;
                        in_number = false;
                    }
                    out.push(c);
                }
            }
        }
        if in_number {
            out.push_str(&superscript_number(digits + offset));
        }
        out
    }

    /// A report of at least `pages` pages: seed 001's header, the bodies of
    /// both seeds again and again, seed 001's closing.
    pub fn long_report(pages: usize) -> String {
        let header = lines_between(MAR_2025, "", "I. NHỮNG KẾT QUẢ");
        let body_2025 = lines_between(MAR_2025, "I. NHỮNG KẾT QUẢ", "Nơi nhận");
        let body_2021 = lines_between(NOV_2021, "I. NHỮNG KẾT QUẢ", "Nơi nhận");
        let closing: Vec<&str> = MAR_2025
            .lines()
            .skip_while(|l| !l.starts_with("Nơi nhận"))
            .collect();
        let mut text = header.join("\n");
        text.push('\n');
        let mut offset = 0;
        while text.split_whitespace().count() < pages * WORDS_PER_PAGE {
            for line in &body_2025 {
                text.push_str(&shift_footnotes(line, offset));
                text.push('\n');
            }
            offset += 27;
            text.push_str(&body_2021.join("\n"));
            text.push('\n');
        }
        text.push_str(&closing.join("\n"));
        text
    }

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

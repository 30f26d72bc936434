//! How long the .docx of a ~100-page report takes to write: seed 001's
//! header, its body eight times (each copy with its own footnotes, numbered
//! on from the copy before), its closing. The figure the page's "Tải .docx"
//! waits for, natively. `cargo bench -p baocao-docx --bench write`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use baocao_import::import_text;
    use baocao_model::{superscript_digit_value, superscript_number};
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use std::time::Instant;

    use baocao_testdata::MAR_2025;

    /// How many times the body of seed 001 stands in the long report.
    const COPIES: u32 = 8;

    /// The lines of `text` from the one starting with `from` up to (not
    /// including) the one starting with `to`.
    fn lines_between<'a>(text: &'a str, from: &str, to: &str) -> Vec<&'a str> {
        text.lines()
            .skip_while(|l| !l.trim_start_matches(['#', '*', ' ']).starts_with(from))
            .take_while(|l| !l.trim_start_matches(['#', '*', ' ']).starts_with(to))
            .collect()
    }

    /// Footnote markers and definitions renumbered by `offset`, so each copy
    /// of the body keeps its own footnotes.
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

    /// The highest footnote number in `lines`.
    fn last_footnote(lines: &[&str]) -> u32 {
        let mut last = 0;
        for line in lines {
            let mut digits = 0u32;
            for c in line.chars().chain([' ']) {
                match superscript_digit_value(c) {
                    Some(d) => digits = digits * 10 + d,
                    None => {
                        last = last.max(digits);
                        digits = 0;
                    }
                }
            }
        }
        last
    }

    /// Seed 001 with its body `copies` times.
    pub fn long_report(copies: u32) -> String {
        let header = lines_between(MAR_2025, "", "I. NHỮNG KẾT QUẢ");
        let body = lines_between(MAR_2025, "I. NHỮNG KẾT QUẢ", "Nơi nhận");
        let closing: Vec<&str> = MAR_2025
            .lines()
            .skip_while(|l| !l.starts_with("Nơi nhận"))
            .collect();
        let step = last_footnote(&body);
        let mut text = header.join("\n");
        text.push('\n');
        for copy in 0..copies {
            for line in &body {
                text.push_str(&shift_footnotes(line, copy * step));
                text.push('\n');
            }
        }
        text.push_str(&closing.join("\n"));
        text
    }

    fn write(c: &mut Criterion) {
        let text = long_report(COPIES);
        let report = import_text(&text).expect("the long report imports");
        let docx = baocao_docx::write(&report);
        eprintln!(
            "long report: seed 001's body {COPIES} times, {} words, {} footnotes; .docx {} bytes",
            text.split_whitespace().count(),
            report.footnotes.len(),
            docx.len()
        );
        // To look at the file (openxml-audit, LibreOffice):
        // BAOCAO_DOCX_OUT=/tmp/100-trang.docx cargo bench -p baocao-docx --bench write
        if let Some(path) = std::env::var_os("BAOCAO_DOCX_OUT") {
            std::fs::write(&path, &docx).expect("the .docx is written");
        }
        let mut group = c.benchmark_group("docx_100_pages");
        group.sample_size(30);
        group.bench_function("write", |b| {
            b.iter(|| baocao_docx::write(black_box(&report)))
        });
        group.finish();
        // Criterion's summary gives a mean; the issue compares medians.
        // (Not under `--test`, which runs each benchmark once: that is how
        // callgrind counts the instructions of a write, with
        // `--toggle-collect='baocao_docx::write*'`, over the two writes above.)
        if std::env::args().any(|a| a == "--test") {
            return;
        }
        let mut times: Vec<f64> = (0..31)
            .map(|_| {
                let start = Instant::now();
                black_box(baocao_docx::write(black_box(&report)));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        eprintln!(
            "docx_100_pages/write: median {:.1} ms of {} writes (fastest {:.1} ms)",
            times[times.len() / 2],
            times.len(),
            times[0]
        );
    }

    criterion_group!(benches, write);

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

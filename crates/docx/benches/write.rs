//! How long the .docx of a ~100-page report takes to write: seed 001's
//! header, its body eight times (each copy with its own footnotes, numbered
//! on from the copy before), its closing. The figure the page's "Tải .docx"
//! waits for, natively. `cargo bench -p baocao-docx --bench write`.

// The same long reports as the checks' bench.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../checks/benches/support/long_report.rs"]
mod long_report;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::long_report::seed_001_copies;
    use baocao_import::import_text;
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;
    use std::time::Instant;

    /// How many times the body of seed 001 stands in the long report.
    const COPIES: u32 = 8;

    fn write(c: &mut Criterion) {
        let text = seed_001_copies(COPIES);
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

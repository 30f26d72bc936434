//! Long reports built from the seeds, for the checks' bench, the profiling
//! example and the .docx writer's bench (included by each with `#[path]`;
//! each uses what it needs).
#![allow(dead_code)]

use baocao_model::{superscript_digit_value, superscript_number};
use baocao_testdata::{MAR_2025, NOV_2021};

/// Words on a printed page of the report (Times New Roman 14, A4, 1.15).
pub const WORDS_PER_PAGE: usize = 500;

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

/// Seed 001 with its body `copies` times, each copy's footnotes numbered on
/// from the copy before.
pub fn seed_001_copies(copies: u32) -> String {
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

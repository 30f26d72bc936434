//! The checks on input no report should hold but a user can type or paste: a
//! 100,000-character paragraph, control characters, stray brackets, slashes
//! and raised digits, cut-up sentences, absurd numbers and footnote numbers.
//! They must finish, never panic, and the incremental checker must agree.

use baocao_checks::{run, Checker, Severity};
use baocao_import::import_text;
use baocao_model::{Block, FootnoteId, Inline, Paragraph, Report};

use baocao_testdata::MAR_2025;
use baocao_testdata::NOV_2021;

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn check_both(text: &str) {
    let Ok(report) = import_text(text) else {
        return;
    };
    let full = run(&report);
    let mut checker = Checker::new();
    assert_eq!(checker.check(&report), full);
    for f in &full {
        assert!(!f.message.is_empty());
    }
}

#[test]
fn a_paragraph_of_100000_characters() {
    let sentence = "UBND các phường kiểm tra 103 công trình xây dựng trong đó: 61 công trình có GPXD; 41 công trình miễn phép; 01 công trình (02 lượt/18 công dân¹, ngày 31/11, 73.566/75.706 = 92,1%) gồm: 1.2345 đồng, 350,295 triệu đồng; ";
    let mut text = String::from("I. KẾT QUẢ\n\n1. Kinh tế\n\n");
    while text.len() < 100_000 {
        text.push_str(sentence);
    }
    text.push_str("\n\n¹ Trong đó đất đai: 10 lượt; khác: 02 lượt.");
    let report = import_text(&text).unwrap();
    let findings = run(&report);
    assert!(findings.iter().any(|f| f.severity == Severity::Error));
    assert_eq!(Checker::new().check(&report), findings);
}

#[test]
fn cut_up_and_salted_seeds_never_panic() {
    let mut rng = Lcg(20250331);
    let salt = [
        "\u{0}",
        "(",
        ")",
        "/",
        "%",
        "²",
        "¹⁵",
        "Đ",
        "trong đó:",
        "gồm ",
        ";",
        ". ",
        "ngày ",
        "tháng ",
        "31/",
        "/2025",
        "99999999999999999999999999999999",
        ",",
        ".",
        "\u{301}",
        "  ",
        "*",
        "**",
        "\\",
        "$",
        "<sup>",
        "</sup>",
        "&amp;",
        "–",
        "\r\n",
        "\t",
        "\u{feff}",
        "III. ",
        "a) ",
    ];
    for seed in [NOV_2021, MAR_2025] {
        let chars: Vec<char> = seed.chars().collect();
        for _ in 0..60 {
            let start = rng.next(chars.len());
            let len = 200 + rng.next(3000);
            let mut piece: String = chars[start..(start + len).min(chars.len())]
                .iter()
                .collect();
            for _ in 0..20 {
                let at = rng.next(piece.chars().count() + 1);
                let byte = piece
                    .char_indices()
                    .nth(at)
                    .map(|(i, _)| i)
                    .unwrap_or(piece.len());
                piece.insert_str(byte, salt[rng.next(salt.len())]);
            }
            check_both(&piece);
        }
    }
}

#[test]
fn absurd_drafts_never_panic() {
    let mut r = import_text(MAR_2025).unwrap();
    let weird = Paragraph {
        id: r.body.max_id(),
        inlines: vec![
            Inline::text("Tổng 340282366920938463463374607431768211455 hồ sơ (trong đó 999999999999999999999999,999999999999 hồ sơ; 999999999999999999999999,999999999999 hồ sơ) "),
            Inline::Note(FootnoteId(u32::MAX)),
            Inline::text(" 0/0 = 0%; 1/3 = 33,333333333333%; ngày 0/0; tháng 0/2025"),
            Inline::Note(FootnoteId(0)),
        ],
        origin: None,
    };
    r.body.sections[0].blocks.push(Block::Paragraph(weird));
    r.header.number = "\u{0}".into();
    r.header.code = "/".into();
    r.header.place = "TP.".into();
    r.recipients.push(String::new());
    let full = run(&r);
    assert_eq!(Checker::new().check(&r), full);
    assert_eq!(run(&Report::new()), Checker::new().check(&Report::new()));
}

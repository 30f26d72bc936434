//! Advance widths of Times New Roman, to measure the short lines the decree
//! draws under the agency name, the Tiêu ngữ and the trích yếu, and to break
//! those texts into balanced lines. Liberation Serif has the same metrics as
//! Times New Roman (nd30.md S11); its widths are compiled in as a table
//! (`metrics/widths.rs`), so nothing loads a font at run time.

mod widths;

use super::profile::HalfPoints;
use baocao_model::nfc;

/// Combining marks take no width of their own. After NFC only marks with no
/// precomposed letter remain; the blocks of combining diacritics cover them
/// (the full Unicode table is not worth its size in the page).
fn is_combining_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// The font face a text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

/// Width given to a character outside the table: a full em, so a text with
/// unusual characters is measured too long rather than too short (a line that
/// is too long only wraps earlier).
const UNKNOWN_ADVANCE: u32 = widths::UNITS_PER_EM;

/// The advance width of one character, in font units.
fn advance(c: char, face: Face) -> u32 {
    if c.is_control() || is_combining_mark(c) {
        return 0;
    }
    let Ok(code) = u16::try_from(u32::from(c)) else {
        return UNKNOWN_ADVANCE;
    };
    match widths::CHARS.binary_search(&code) {
        Ok(i) => u32::from(match face {
            Face::Regular => widths::REGULAR[i],
            Face::Bold => widths::BOLD[i],
            Face::Italic => widths::ITALIC[i],
        }),
        Err(_) => UNKNOWN_ADVANCE,
    }
}

/// The width of `text` on one line, in twips (no kerning, no letter-spacing,
/// as Word sets Times New Roman by default).
pub fn text_width(text: &str, face: Face, size: HalfPoints) -> u32 {
    let units: u64 = nfc(text).chars().map(|c| u64::from(advance(c, face))).sum();
    // units / em × (half-points / 2) pt × 20 twips/pt
    let em = u64::from(widths::UNITS_PER_EM);
    u32::try_from((units * u64::from(size.0) * 10 + em / 2) / em).unwrap_or(u32::MAX)
}

/// Breaks `text` into lines no wider than `max_width` twips as a văn thư
/// breaks a title by hand (see `breaks`): as few lines as fit, then the
/// breaks between phrases, the lines even. A single word (or words joined by
/// a dash) wider than `max_width` gets a line of its own (the renderer wraps
/// it further).
pub fn balanced_lines(text: &str, face: Face, size: HalfPoints, max_width: u32) -> Vec<String> {
    super::breaks::break_lines(text, max_width, |t| text_width(t, face, size))
}

#[cfg(test)]
mod font_check;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::size;

    /// The measurements nd30.md §13 gives (S11), to the twip.
    #[test]
    fn widths_match_the_reference_measurements() {
        let cases: [(&str, Face, HalfPoints, u32); 12] = [
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                Face::Bold,
                HalfPoints(24),
                5007,
            ),
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                Face::Bold,
                HalfPoints(26),
                5424,
            ),
            (
                "Độc lập - Tự do - Hạnh phúc",
                Face::Bold,
                HalfPoints(26),
                3183,
            ),
            (
                "Độc lập - Tự do - Hạnh phúc",
                Face::Bold,
                HalfPoints(28),
                3428,
            ),
            ("ỦY BAN NHÂN DÂN", Face::Bold, HalfPoints(26), 2448),
            ("THÀNH PHỐ LẠNG SƠN", Face::Bold, HalfPoints(26), 2997),
            ("THÀNH PHỐ LẠNG SƠN", Face::Bold, HalfPoints(24), 2767),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN",
                Face::Bold,
                HalfPoints(26),
                5511,
            ),
            (
                "Lạng Sơn, ngày 25 tháng 12 năm 2024",
                Face::Italic,
                HalfPoints(28),
                4349,
            ),
            ("BÁO CÁO", Face::Bold, HalfPoints(28), 1299),
            ("TM. ỦY BAN NHÂN DÂN", Face::Bold, HalfPoints(28), 3228),
            ("PHÓ CHỦ TỊCH", Face::Bold, HalfPoints(28), 2085),
        ];
        for (text, face, sz, expected) in cases {
            let got = text_width(text, face, sz);
            assert!(
                got.abs_diff(expected) <= 1,
                "{text} {face:?} {sz:?}: {got} twips, expected {expected}"
            );
        }
    }

    #[test]
    fn decomposed_text_measures_as_composed() {
        let composed = "Việt Nam";
        let decomposed = "Vi\u{65}\u{302}\u{323}t Nam";
        assert_eq!(
            text_width(composed, Face::Bold, size::BODY),
            text_width(decomposed, Face::Bold, size::BODY)
        );
    }

    #[test]
    fn unknown_characters_count_as_a_full_em() {
        // 14 pt = 280 twips per em.
        assert_eq!(text_width("中", Face::Regular, HalfPoints(28)), 280);
        assert_eq!(text_width("\u{1}", Face::Regular, HalfPoints(28)), 0);
    }

    #[test]
    fn long_title_breaks_after_its_commas() {
        let summary = "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025";
        let lines = balanced_lines(summary, Face::Bold, size::SUMMARY, 6237);
        assert_eq!(
            lines,
            vec![
                "Tình hình phát triển kinh tế - xã hội,",
                "quốc phòng - an ninh tháng 3/2025,",
                "nhiệm vụ công tác tháng 4/2025"
            ]
        );
    }

    #[test]
    fn text_without_commas_breaks_into_even_lines() {
        let summary = "Tình hình phát triển kinh tế xã hội quốc phòng an ninh tháng 3 năm 2025 và nhiệm vụ công tác tháng 4 năm 2025";
        let lines = balanced_lines(summary, Face::Bold, size::SUMMARY, 8900);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), summary);
        let widths: Vec<u32> = lines
            .iter()
            .map(|l| text_width(l, Face::Bold, size::SUMMARY))
            .collect();
        assert!(widths.iter().all(|w| *w <= 8900));
        assert!(widths[0].abs_diff(widths[1]) < 800, "{lines:?} {widths:?}");
        // No line starts or ends with a dash standing alone.
        let dashed = balanced_lines(
            "kinh tế - xã hội - quốc phòng - an ninh - đối ngoại - văn hóa",
            Face::Bold,
            size::SUMMARY,
            3000,
        );
        for l in &dashed {
            assert!(!l.starts_with("- ") && !l.ends_with(" -"), "{l}");
        }
    }

    #[test]
    fn short_text_stays_on_one_line_and_blank_gives_nothing() {
        assert_eq!(
            balanced_lines("BÁO CÁO", Face::Bold, size::BODY, 9000),
            vec!["BÁO CÁO"]
        );
        assert!(balanced_lines("   ", Face::Bold, size::BODY, 9000).is_empty());
        let agency = balanced_lines(
            "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN",
            Face::Bold,
            size::AGENCY,
            3686,
        );
        assert_eq!(agency, vec!["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LẠNG SƠN"]);
    }

    #[test]
    fn a_word_wider_than_the_line_gets_its_own_line() {
        let long = "x".repeat(200);
        let text = format!("a {long} b");
        let lines = balanced_lines(&text, Face::Regular, size::BODY, 1000);
        assert!(lines.contains(&long), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }
}

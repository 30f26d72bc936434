//! Tên loại ("BÁO CÁO") and the trích yếu: centred, bold, 14 pt; the trích
//! yếu broken by hand into balanced lines, with a short line under it a third
//! as long as its longest line (nd30.md §4).

use super::metrics::{balanced_lines, text_width, Face};
use super::paragraphs::{exact, single};
use super::profile::{
    body_spacing, size, KIND_BEFORE, RULE_PARAGRAPH_HEIGHT, SUMMARY_MAX_LINE, SUMMARY_RULE_GAP,
    SUMMARY_RULE_RATIO, TEXT_WIDTH,
};
use super::rule::{ratio_length, rule};
use super::runs::text_run;
use baocao_model::Report;
use docx_rs::{AlignmentType, BreakType, Paragraph};

/// The printed lines of the trích yếu: the official's own line breaks kept,
/// and any line too long for the page broken evenly.
pub fn summary_lines(summary: &str) -> Vec<String> {
    summary
        .lines()
        .flat_map(|line| balanced_lines(line.trim(), Face::Bold, size::SUMMARY, SUMMARY_MAX_LINE))
        .collect()
}

/// A trích yếu longer than this many lines is not kept on one page with
/// the tên loại and the body's first line: a chain of kept paragraphs
/// longer than a page is pushed to the next page whole, leaving page 1 bare.
const KEPT_SUMMARY_LINES: usize = 5;

fn centred(before: u32, after: u32, keep: bool) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(keep)
        .line_spacing(single(before, after))
}

/// The title paragraphs: tên loại, trích yếu (one paragraph, lines broken
/// with `w:br`), and the short line.
pub fn title(report: &Report) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let lines = summary_lines(&report.title.summary);
    let keep = lines.len() <= KEPT_SUMMARY_LINES;
    let kind = report.title.kind.trim();
    if !kind.is_empty() {
        out.push(centred(KIND_BEFORE, 0, keep).add_run(text_run(kind, size::KIND).bold()));
    }
    if lines.is_empty() {
        return out;
    }
    let before = if out.is_empty() { KIND_BEFORE } else { 0 };
    let mut p = centred(before, 0, keep);
    for (i, line) in lines.iter().enumerate() {
        let mut run = text_run(line, size::SUMMARY).bold();
        if i + 1 < lines.len() {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(run);
    }
    out.push(p);
    let longest = lines
        .iter()
        .map(|l| text_width(l, Face::Bold, size::SUMMARY))
        .max()
        .unwrap_or(0);
    let line = rule(TEXT_WIDTH, ratio_length(longest, SUMMARY_RULE_RATIO)).keep_next(keep);
    let after = SUMMARY_RULE_GAP.saturating_sub(body_spacing(report.density).before);
    out.push(line.line_spacing(exact(0, after, RULE_PARAGRAPH_HEIGHT)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_breaks_are_kept_and_long_lines_balanced() {
        assert_eq!(
            summary_lines("Tình hình tháng 3/2025\nnhiệm vụ tháng 4/2025"),
            vec!["Tình hình tháng 3/2025", "nhiệm vụ tháng 4/2025"]
        );
        let long = "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025";
        assert_eq!(
            summary_lines(long),
            [
                "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh",
                "tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
            ]
        );
        // One that fits stays whole, "địa bàn" and all.
        let short = "Tình hình an ninh trật tự trên địa bàn thành phố tháng 3/2025";
        assert_eq!(summary_lines(short), [short]);
        assert!(summary_lines("  ").is_empty());
    }
}

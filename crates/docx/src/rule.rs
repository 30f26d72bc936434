//! The short solid lines of the decree (under the issuing agency, the Tiêu
//! ngữ and the trích yếu): the bottom border of a paragraph one point high,
//! placed right under the text, with symmetric indents that leave exactly the
//! line's length. Unlike a border on the text paragraph itself, it can be
//! shorter than the text without making the text wrap; unlike underscores or a
//! drawn shape, it has an exact length and cannot drift (nd30.md §12).

use super::paragraphs::exact;
use super::profile::{
    HalfPoints, COLOR, RULE_BORDER_SIZE, RULE_PARAGRAPH_HEIGHT, RULE_RATIO_MAX, RULE_RATIO_MIN,
    RULE_SPACE,
};
use docx_rs::{
    AlignmentType, BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders,
};

/// A line `length` twips long, centred in a box (table cell or text area)
/// `box_width` twips wide.
pub fn rule(box_width: u32, length: u32) -> Paragraph {
    let side = box_width.saturating_sub(length) / 2;
    let side = i32::try_from(side).unwrap_or(0);
    Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(exact(0, 0, RULE_PARAGRAPH_HEIGHT))
        // The paragraph mark's own size, so it cannot push the height up.
        .size(HalfPoints(2).val())
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(RULE_BORDER_SIZE)
                    .space(RULE_SPACE)
                    .color(COLOR),
            ),
        )
}

/// The length of a line that is `ratio` of a text `text_width` twips long,
/// kept within the 1/3–1/2 the decree allows.
pub fn ratio_length(text_width: u32, ratio: f64) -> u32 {
    let ratio = ratio.clamp(RULE_RATIO_MIN, RULE_RATIO_MAX);
    (f64::from(text_width) * ratio).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_is_kept_within_the_decree() {
        assert_eq!(ratio_length(2997, 0.4), 1199);
        assert_eq!(ratio_length(3000, 0.1), 1000);
        assert_eq!(ratio_length(3000, 0.9), 1500);
    }
}

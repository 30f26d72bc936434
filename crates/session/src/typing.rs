//! Typing in a field: the text replaced, and what Word does when a footnote
//! marker goes with the deleted text (the footnotes are numbered again at
//! once; the orphaned note's text is kept, listed as having no marker, until
//! the official deletes it).

use crate::ReportEdit;
use baocao_model::{Inline, Report, TextTarget};

/// What typing changed beyond the field's own text, for the page to redraw.
#[must_use]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// The field still exists (it may have been deleted meanwhile).
    pub found: bool,
    /// The number of footnote markers in the field changed.
    pub markers_changed: bool,
    /// Footnotes were numbered again, so other fields show other numbers.
    pub renumbered: bool,
}

fn markers(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .filter(|i| matches!(i, Inline::Note(_)))
        .count()
}

/// Puts what the official typed into `target` and keeps the footnotes
/// numbered in reading order.
pub fn type_text(report: &mut Report, target: TextTarget, inlines: Vec<Inline>) -> Typed {
    let before = report.inlines(target).map(|v| markers(v));
    if !report.set_inlines(target, inlines) {
        return Typed::default();
    }
    let after = report.inlines(target).map(|v| markers(v));
    let mut typed = Typed {
        found: true,
        ..Typed::default()
    };
    if before != after {
        typed.markers_changed = true;
        let in_order = report
            .footnote_order()
            .iter()
            .enumerate()
            .all(|(i, n)| n.0 == i as u32 + 1);
        if !in_order {
            report.renumber_footnotes();
            typed.renumbered = true;
        }
    }
    typed
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_import::import_text;
    use baocao_model::{plain_text, Block, FootnoteId};

    fn report() -> Report {
        import_text(
            "I. KẾT QUẢ\n\nThu ngân sách đạt 120 tỷ đồng¹, chi 80 tỷ đồng².\n\nGiải ngân 45%³.\n\n¹ Số liệu của Chi cục Thuế.\n\n² Gồm chi thường xuyên.\n\n³ Tính đến ngày 25.\n",
        )
        .unwrap()
    }

    fn first_paragraph(r: &Report) -> TextTarget {
        match &r.body.sections[0].blocks[0] {
            Block::Paragraph(p) => TextTarget::Paragraph(p.id),
            Block::Table(_) => unreachable!(),
        }
    }

    #[test]
    fn deleting_a_marker_renumbers_the_footnotes_after_it() {
        let mut r = report();
        let target = first_paragraph(&r);
        // The official deletes "¹" with the words around it.
        let typed = type_text(
            &mut r,
            target,
            vec![
                Inline::text("Thu ngân sách, chi 80 tỷ đồng"),
                Inline::Note(FootnoteId(2)),
                Inline::text("."),
            ],
        );
        assert!(typed.found && typed.markers_changed && typed.renumbered);
        let order: Vec<u32> = r.footnote_order().iter().map(|f| f.0).collect();
        assert_eq!(order, [1, 2]);
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(1)).unwrap().content),
            "Gồm chi thường xuyên."
        );
        // The orphaned note is kept, after the others, until it is deleted.
        assert_eq!(r.footnotes.len(), 3);
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(3)).unwrap().content),
            "Số liệu của Chi cục Thuế."
        );
    }

    #[test]
    fn typing_words_leaves_the_footnotes_alone() {
        let mut r = report();
        let target = first_paragraph(&r);
        let mut inlines = r.inlines(target).unwrap().clone();
        inlines.push(Inline::text(" Thêm một câu."));
        let typed = type_text(&mut r, target, inlines);
        assert_eq!(
            typed,
            Typed {
                found: true,
                markers_changed: false,
                renumbered: false
            }
        );
    }

    #[test]
    fn typing_into_a_deleted_field_changes_nothing() {
        let mut r = report();
        let before = r.clone();
        let typed = type_text(
            &mut r,
            TextTarget::Paragraph(baocao_model::BlockId(999)),
            vec![Inline::text("x")],
        );
        assert!(!typed.found);
        assert_eq!(r, before);
    }
}

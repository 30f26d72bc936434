//! A certain correction applied: write a text in place of a span of a
//! place's text (a paragraph, heading or footnote's editing text, a cell,
//! the trích yếu, an item of Nơi nhận, a field of the header or signature).
//! The checks say what to write (`baocao_checks::Fix`); this writes it
//! through the same edits as typing, so footnotes and the marks of
//! carried-over figures stay in step.

use crate::{ReportEdit, StaleMarks};
use baocao_model::{
    split_inlines, Block, FigurePlace, HeaderField, Inline, Place, Report, SignatureField, Style,
    TextTarget,
};
use std::ops::Range;

/// The text target of a place that holds inline content.
pub fn text_target(place: &Place) -> Option<TextTarget> {
    match place {
        Place::Paragraph { block, .. } => Some(TextTarget::Paragraph(*block)),
        Place::Heading { section, .. } => Some(TextTarget::Heading(*section)),
        Place::Footnote(id) => Some(TextTarget::Footnote(*id)),
        _ => None,
    }
}

/// `text` with `with` in place of the bytes `span`, if the span is in it.
fn replaced(text: &str, span: &Range<usize>, with: &str) -> Option<String> {
    let ok = span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    ok.then(|| {
        let mut out = text.to_string();
        out.replace_range(span.clone(), with);
        out
    })
}

/// Writes `with` in place of the bytes `span` of the place's text. The new
/// text takes the style of the text it replaces (or of what stands before
/// an insertion). Returns false, changing nothing, when the place is gone,
/// is not a text, or the span is not in it.
pub fn replace_at(report: &mut Report, place: &Place, span: Range<usize>, with: &str) -> bool {
    if let Some(target) = text_target(place) {
        return replace_in(report, FigurePlace::Text(target), span, with);
    }
    match place {
        Place::Cell {
            table, row, col, ..
        } => {
            let cell = FigurePlace::Cell {
                table: *table,
                row: *row,
                col: *col,
            };
            replace_in(report, cell, span, with)
        }
        Place::Summary => replace_in(report, FigurePlace::Summary, span, with),
        other => {
            let Some(field) = field_mut(report, other) else {
                return false;
            };
            let Some(new) = replaced(field, &span, with) else {
                return false;
            };
            *field = new;
            true
        }
    }
}

/// Writes `with` in place of the bytes `span` of the editing text of a
/// paragraph, heading or footnote, or of a cell's text (see [`replace_at`]).
pub fn replace_in(report: &mut Report, place: FigurePlace, span: Range<usize>, with: &str) -> bool {
    match place {
        FigurePlace::Text(target) => {
            let Some(inlines) = report.inlines(target) else {
                return false;
            };
            let text = baocao_model::edit_text(inlines);
            if replaced(&text, &span, with).is_none() {
                return false;
            }
            let (head, rest) = split_inlines(inlines, span.start);
            let (gone, tail) = split_inlines(&rest, span.end - span.start);
            let style = style_of(gone.first())
                .or_else(|| style_of(head.last()))
                .unwrap_or_default();
            let mut new = head;
            new.push(Inline::styled(with, style));
            new.extend(tail);
            report.set_inlines(target, new)
        }
        FigurePlace::Summary => {
            let Some(new) = replaced(&report.title.summary, &span, with) else {
                return false;
            };
            report.set_summary(&new);
            true
        }
        FigurePlace::Cell { table, row, col } => {
            let Some(Block::Table(t)) = report.body.block(table) else {
                return false;
            };
            let (r, c) = (row as usize, col as usize);
            let cell = if r == 0 {
                t.columns.get(c)
            } else {
                t.rows.get(r - 1).and_then(|cells| cells.get(c))
            };
            let Some(new) = cell.and_then(|text| replaced(text, &span, with)) else {
                return false;
            };
            report.set_cell(table, r, c, new)
        }
    }
}

fn style_of(inline: Option<&Inline>) -> Option<Style> {
    match inline? {
        Inline::Text(run) => Some(run.style),
        Inline::Note(_) => None,
    }
}

/// The plain-text field of a place outside the body.
fn field_mut<'r>(report: &'r mut Report, place: &Place) -> Option<&'r mut String> {
    Some(match place {
        Place::Summary => &mut report.title.summary,
        Place::Kind => &mut report.title.kind,
        Place::Recipient(i) => report.recipients.get_mut(*i)?,
        Place::Header(HeaderField::ParentAgency) => &mut report.header.parent_agency,
        Place::Header(HeaderField::IssuingAgency) => &mut report.header.issuing_agency,
        Place::Header(HeaderField::PlaceDate) => &mut report.header.place,
        Place::Signature(SignatureField::Position) => &mut report.signature.position,
        Place::Signature(SignatureField::Signer) => &mut report.signature.signer,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_import::import_text;
    use baocao_model::{edit_text, FootnoteId, Outline};

    fn report() -> Report {
        import_text(
            "I. KẾT QUẢ\n\nTiếp nhận 4.000 hồ sơ¹, **đạt 25,1%** kế hoạch.\n\n¹ Trong đó 10 hồ sơ.\n",
        )
        .unwrap()
    }

    fn first_paragraph(r: &Report) -> (Place, TextTarget) {
        let s = &r.body.sections[0];
        let Block::Paragraph(p) = &s.blocks[0] else {
            panic!("a paragraph")
        };
        (
            Place::Paragraph {
                block: p.id,
                outline: Outline::default().child("I"),
                nth: 1,
            },
            TextTarget::Paragraph(p.id),
        )
    }

    #[test]
    fn a_span_of_a_paragraph_is_replaced_in_the_style_it_had() {
        let mut r = report();
        let (place, target) = first_paragraph(&r);
        let text = edit_text(r.inlines(target).unwrap());
        let at = text.find("25,1").unwrap();
        assert!(replace_at(&mut r, &place, at..at + 4, "24,8"));
        let inlines = r.inlines(target).unwrap();
        assert!(edit_text(inlines).contains("đạt 24,8%"));
        let bold: String = inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Text(run) if run.style.bold => Some(run.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(bold, "đạt 24,8%");
        // The footnote marker stays.
        assert!(inlines.contains(&Inline::Note(FootnoteId(1))));
    }

    #[test]
    fn a_span_outside_the_text_changes_nothing() {
        let mut r = report();
        let before = r.clone();
        let (place, target) = first_paragraph(&r);
        let len = edit_text(r.inlines(target).unwrap()).len();
        assert!(!replace_at(&mut r, &place, len..len + 1, "x"));
        // Inside "đ" (two bytes).
        let text = edit_text(r.inlines(target).unwrap());
        let d = text.find('đ').unwrap();
        assert!(!replace_at(&mut r, &place, d + 1..d + 1, "x"));
        assert!(!replace_at(&mut r, &Place::Document, 0..0, "x"));
        assert_eq!(r, before);
    }

    #[test]
    fn form_fields_and_footnotes_are_replaced() {
        let mut r = report();
        r.header.place = "TP. Hải Dương".to_string();
        let n = r.header.place.len();
        assert!(replace_at(
            &mut r,
            &Place::Header(HeaderField::PlaceDate),
            0..n,
            "Hải Dương"
        ));
        assert_eq!(r.header.place, "Hải Dương");
        assert!(replace_at(
            &mut r,
            &Place::Footnote(FootnoteId(1)),
            0..0,
            "(*) "
        ));
        let note = edit_text(r.inlines(TextTarget::Footnote(FootnoteId(1))).unwrap());
        assert_eq!(note, "(*) Trong đó 10 hồ sơ.");
    }
}

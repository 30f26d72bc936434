//! The mentions of the period that "Tạo báo cáo kỳ sau" moved on
//! (`Report::moved`), listed for the official in reading order with the
//! place each stands in, so the page can lead to each one. The marks are set
//! by [`crate::carry::next_period`] and kept in step with edits by the same
//! functions as the stale figures' ([`baocao_model::marks`]).

use crate::html::escape;
use baocao_model::{Block, FigurePlace, MovedMark, Outline, Place, Report, Section, TextTarget};
use std::fmt::Write;

/// One moved mention and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedEntry {
    /// The place as the reader names it ("Trích yếu", "I (đề mục)").
    pub place: Place,
    pub mark: MovedMark,
}

/// Lists the marks of a place that pass a test of their place.
type Add<'a> = dyn FnMut(Place, &dyn Fn(FigurePlace) -> bool) + 'a;

/// Every moved mention still marked, in reading order: the trích yếu, the
/// body (headings before their paragraphs, cells row by row), the
/// appendices, the footnotes.
pub fn in_reading_order(report: &Report) -> Vec<MovedEntry> {
    let mut out = Vec::new();
    if report.moved.is_empty() {
        return out;
    }
    let mut add = |place: Place, at: &dyn Fn(FigurePlace) -> bool| {
        // The marks are kept in text order (set so, and every edit keeps
        // their order), so a place's are listed as they stand.
        for m in report.moved.iter().filter(|m| at(m.place)) {
            let place = match (&place, m.place) {
                (
                    Place::Table {
                        table,
                        outline,
                        nth,
                    },
                    FigurePlace::Cell { row, col, .. },
                ) => Place::Cell {
                    table: *table,
                    outline: outline.clone(),
                    nth: *nth,
                    row,
                    col,
                },
                (p, _) => p.clone(),
            };
            out.push(MovedEntry {
                place,
                mark: m.clone(),
            });
        }
    };
    add(Place::Summary, &|p| p == FigurePlace::Summary);
    fn blocks(bs: &[Block], outline: &Outline, add: &mut Add) {
        let (mut paragraph, mut table) = (0, 0);
        for b in bs {
            match b {
                Block::Paragraph(p) => {
                    paragraph += 1;
                    let id = p.id;
                    add(
                        Place::Paragraph {
                            block: id,
                            outline: outline.clone(),
                            nth: paragraph,
                        },
                        &|place| place == TextTarget::Paragraph(id).into(),
                    );
                }
                Block::Table(t) => {
                    table += 1;
                    let id = t.id;
                    add(
                        Place::Table {
                            table: id,
                            outline: outline.clone(),
                            nth: table,
                        },
                        &|place| matches!(place, FigurePlace::Cell { table, .. } if table == id),
                    );
                }
            }
        }
    }
    fn section(s: &Section, trail: &Outline, add: &mut Add) {
        let outline = trail.child(&s.heading.number);
        let id = s.id;
        add(
            Place::Heading {
                section: id,
                outline: outline.clone(),
            },
            &|place| place == TextTarget::Heading(id).into(),
        );
        blocks(&s.blocks, &outline, add);
        for c in &s.children {
            section(c, &outline, add);
        }
    }
    blocks(&report.body.intro, &Outline::default(), &mut add);
    for s in &report.body.sections {
        section(s, &Outline::default(), &mut add);
    }
    for a in &report.body.appendices {
        blocks(&a.blocks, &Outline::default().child(&a.label), &mut add);
    }
    for f in &report.footnotes {
        let id = f.id;
        add(Place::Footnote(id), &|place| {
            place == TextTarget::Footnote(id).into()
        });
    }
    out
}

/// The list beside the editor, as HTML (the page sets it as it is and
/// reads clicks by their `data-i`, the entry's index in
/// [`in_reading_order`], or `data-seen`): "Đã chuyển sang kỳ mới (n)", one
/// button per mention, and "Đã xem, bỏ đánh dấu". Empty when nothing is
/// marked.
pub fn list_html(entries: &[MovedEntry]) -> String {
    if entries.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<details class=\"moved-list\" open data-testid=\"moved-list\"><summary>Đã chuyển sang kỳ mới ({})</summary>\
         <p class=\"hint\">Chỗ ghi kỳ báo cáo đã được chuyển sang kỳ mới, gạch chân xanh trong bài. Xem lại cho đúng, rồi bỏ đánh dấu.</p><ul>",
        entries.len()
    );
    for (i, e) in entries.iter().enumerate() {
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"moved-go\" data-testid=\"moved-go\" data-i=\"{i}\" title=\"Đến chỗ này trong báo cáo\">\
             <span class=\"moved-words\">«{}» → «{}»</span><span class=\"finding-place\">{}</span></button></li>",
            escape(&e.mark.was),
            escape(&e.mark.text),
            escape(&e.place.to_string())
        );
    }
    out.push_str("</ul><button type=\"button\" class=\"moved-seen\" data-testid=\"moved-seen\" data-seen=\"1\">Đã xem, bỏ đánh dấu</button></details>");
    out
}

/// The moved mentions of the trích yếu, as HTML to show under its field (a
/// text area cannot colour its words). Empty when none is marked.
pub fn summary_html(report: &Report) -> String {
    let mut items = String::new();
    for m in report
        .moved
        .iter()
        .filter(|m| m.place == FigurePlace::Summary)
    {
        let _ = write!(
            items,
            "<li title=\"{}\">«{}» → <span class=\"moved\">{}</span></li>",
            escape(&crate::html::moved_title(m)),
            escape(&m.was),
            escape(&m.text)
        );
    }
    if items.is_empty() {
        return items;
    }
    format!("<div class=\"moved-note\" data-testid=\"summary-moved\"><span>Đã chuyển kỳ trong trích yếu:</span><ul>{items}</ul></div>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::carry::next_period;
    use baocao_import::import_text;
    use baocao_model::{Period, ReportPeriod};

    #[test]
    fn the_seed_s_moved_mentions_are_listed_in_reading_order() {
        let march = import_text(baocao_testdata::MAR_2025).unwrap();
        let fallback = ReportPeriod::month(Period::new(1, 2000).unwrap());
        let next = next_period(&march, fallback);
        let list = in_reading_order(&next.report);
        // Every mark is listed once.
        assert_eq!(list.len(), next.report.moved.len());
        assert_eq!(list.len(), next.moved.len());
        // The trích yếu comes first: "tháng 4/2025" and "tháng 5/2025".
        assert_eq!(list[0].place, Place::Summary);
        assert_eq!(list[0].mark.text, "tháng 4/2025");
        assert_eq!(list[1].place, Place::Summary);
        assert_eq!(list[1].mark.text, "tháng 5/2025");
        // Part III's heading "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 5/2025"
        // comes after every mention of parts I and II.
        let tasks = list
            .iter()
            .position(|e| e.mark.text == "THÁNG 5/2025")
            .unwrap();
        assert_eq!(list[tasks].place.to_string(), "III (đề mục)");
        let html = list_html(&list);
        assert!(html.starts_with(&format!(
            "<details class=\"moved-list\" open data-testid=\"moved-list\"><summary>Đã chuyển sang kỳ mới ({})</summary>",
            list.len()
        )));
        assert!(html.contains("data-i=\"0\" title=\"Đến chỗ này trong báo cáo\"><span class=\"moved-words\">«tháng 3/2025» → «tháng 4/2025»</span><span class=\"finding-place\">Trích yếu</span>"));
        assert_eq!(html.matches("class=\"moved-go\"").count(), list.len());
        assert_eq!(list_html(&[]), "");
        assert!(summary_html(&next.report).contains(
            "<li title=\"Đã chuyển kỳ: «tháng 4/2025» → «tháng 5/2025»\">«tháng 4/2025» → <span class=\"moved\">tháng 5/2025</span></li>"
        ));
        assert!(list[2..tasks]
            .iter()
            .all(|e| e.place.to_string().starts_with("I ")
                || e.place.to_string().starts_with("II ")
                || e.place.to_string().starts_with("Phần mở đầu")));
    }
}

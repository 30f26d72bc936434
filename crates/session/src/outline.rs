//! Adding to the outline: a part, an item, a paragraph, a table, each with
//! fresh ids (a new section comes with its first paragraph, so the official
//! can type under its heading at once) and the default table shape.

use crate::edit::{ReportEdit, TableChange};
use baocao_model::{
    empty_paragraph, new_section, roman, Appendix, Block, BlockId, Container, OutlineError, Report,
    Section, Table, TextTarget,
};

/// A new detail table: the columns most detail tables of these reports start
/// with, and one empty row.
pub fn new_table(id: BlockId) -> Table {
    Table {
        id,
        title: String::new(),
        unit: String::new(),
        columns: vec!["STT".into(), "Chỉ tiêu".into(), "Kết quả".into()],
        rows: vec![vec![String::new(); 3]],
        layout: Default::default(),
        origin: None,
    }
}

/// Tab in a table's last cell: an empty row at the end (merges and stale
/// marks kept in step by `TableChange`). Returns the new row's grid index
/// (0 being the header row), None if there is no such table.
pub fn append_row(report: &mut Report, table: BlockId) -> Option<usize> {
    let rows = match report.body.block(table) {
        Some(Block::Table(t)) => t.rows.len(),
        _ => return None,
    };
    report
        .change_table(table, TableChange::InsertRow(rows))
        .then_some(rows + 1)
}

/// A new section with an empty title and one empty paragraph under it, with
/// ids that no block of `report` uses.
fn fresh_section(report: &Report) -> Section {
    let id = report.fresh_block_id();
    let mut s = new_section(id, "");
    s.blocks.push(empty_paragraph(BlockId(id.0 + 1)));
    s
}

/// Adds a new part (I, II, …) at the end of the body; returns its id.
pub fn add_part(report: &mut Report) -> Result<BlockId, OutlineError> {
    let s = fresh_section(report);
    let id = s.id;
    report.body.add_child_section(None, s)?;
    Ok(id)
}

/// Adds a section as the last child of `parent`; returns its id.
pub fn add_subsection(report: &mut Report, parent: BlockId) -> Result<BlockId, OutlineError> {
    let s = fresh_section(report);
    let id = s.id;
    report.body.add_child_section(Some(parent), s)?;
    Ok(id)
}

/// Adds a section at the level of `after`, right after it; returns its id.
pub fn add_section_after(report: &mut Report, after: BlockId) -> Result<BlockId, OutlineError> {
    let s = fresh_section(report);
    let id = s.id;
    if report.body.insert_section_after(after, s) {
        Ok(id)
    } else {
        Err(OutlineError::Missing)
    }
}

/// Adds an empty paragraph at the end of a section's own blocks.
pub fn add_paragraph(report: &mut Report, section: BlockId) -> Result<BlockId, OutlineError> {
    let id = report.fresh_block_id();
    add_block(report, section, empty_paragraph(id))?;
    Ok(id)
}

/// Adds a detail table of the default shape at the end of a section's blocks.
pub fn add_table(report: &mut Report, section: BlockId) -> Result<BlockId, OutlineError> {
    let id = report.fresh_block_id();
    add_block(report, section, Block::Table(new_table(id)))?;
    Ok(id)
}

/// "Thêm bảng" at the caret: a table of the default shape right after the
/// paragraph the caret is in, first under a heading the caret is in, or at
/// the end of the text before the first heading. Returns its id.
pub fn add_table_at(report: &mut Report, caret: Option<TextTarget>) -> BlockId {
    let id = report.fresh_block_id();
    let table = Block::Table(new_table(id));
    let placed = match caret {
        Some(TextTarget::Paragraph(p)) => report.body.insert_block_after(p, table.clone()),
        Some(TextTarget::Heading(s)) => {
            report
                .body
                .insert_block(Container::Section(s), 0, table.clone())
        }
        _ => false,
    };
    if !placed {
        report.body.intro.push(table);
    }
    id
}

/// Enter at the end of a heading: the first paragraph under it, made if the
/// section starts with none. Returns the paragraph's id.
pub fn paragraph_under(report: &mut Report, section: BlockId) -> Result<BlockId, OutlineError> {
    let s = report.body.section(section).ok_or(OutlineError::Missing)?;
    if let Some(Block::Paragraph(p)) = s.blocks.first() {
        return Ok(p.id);
    }
    let id = report.fresh_block_id();
    if report
        .body
        .insert_block(Container::Section(section), 0, empty_paragraph(id))
    {
        Ok(id)
    } else {
        Err(OutlineError::Missing)
    }
}

fn add_block(report: &mut Report, section: BlockId, block: Block) -> Result<(), OutlineError> {
    let end = report
        .body
        .section(section)
        .ok_or(OutlineError::Missing)?
        .blocks
        .len();
    if report
        .body
        .insert_block(Container::Section(section), end, block)
    {
        Ok(())
    } else {
        Err(OutlineError::Missing)
    }
}

/// The issuing agency as it reads inside a sentence: "ỦY BAN NHÂN DÂN" /
/// "XÃ AN BÌNH" → "Ủy ban nhân dân xã An Bình" (the kind of unit in lower
/// case, the place name with capitals, nd30.md Phụ lục II).
fn agency_in_words(agency: &str) -> String {
    const UNIT_WORDS: [&str; 10] = [
        "xã",
        "phường",
        "thị",
        "trấn",
        "huyện",
        "quận",
        "thành",
        "phố",
        "tỉnh",
        "khu",
    ];
    let mut out: Vec<String> = Vec::new();
    for (i, line) in agency.lines().enumerate() {
        let words: Vec<String> = line
            .split_whitespace()
            .map(baocao_model::case::lower)
            .collect();
        // Past the first line, the words before the place name say which
        // unit it is ("xã", "thành phố", "đặc khu"); the rest is its name.
        let unit_end = if i == 0 {
            words.len()
        } else {
            words
                .iter()
                .position(|w| !UNIT_WORDS.contains(&w.as_str()) && w != "đặc")
                .unwrap_or(words.len())
        };
        for (j, w) in words.into_iter().enumerate() {
            let capital = (i == 0 && j == 0 && out.is_empty()) || j >= unit_end;
            if capital {
                let mut cs = w.chars();
                let first: String = cs
                    .next()
                    .map(|c| baocao_model::case::upper_char(c).to_string())
                    .unwrap_or_default();
                out.push(first + cs.as_str());
            } else {
                out.push(w);
            }
        }
    }
    out.join(" ")
}

/// The "(Kèm theo …)" line of a new appendix, from the report's header: the
/// number and the day left blank for the clerk (nd30.md §10.4).
pub fn appendix_reference(report: &Report) -> String {
    let h = &report.header;
    let code = if h.code.trim().is_empty() {
        "BC-UBND"
    } else {
        h.code.trim()
    };
    let mut out = format!("(Kèm theo Báo cáo số      /{code} {}", h.date.decree_text());
    let agency = agency_in_words(&h.issuing_agency);
    if !agency.is_empty() {
        out.push_str(" của ");
        out.push_str(&agency);
    }
    out.push(')');
    out
}

/// Adds an appendix after the others: "Phụ lục I", "Phụ lục II" … (an
/// appendix alone labelled "Phụ lục" becomes "Phụ lục I" once there are
/// two, nd30.md §10.1), its reference line made from the header, and one
/// empty paragraph to type in. Returns its id.
pub fn add_appendix(report: &mut Report) -> BlockId {
    let id = report.fresh_block_id();
    if let [only] = report.body.appendices.as_mut_slice() {
        if only.label.trim().eq_ignore_ascii_case("phụ lục") || only.label.trim() == "PHỤ LỤC"
        {
            only.label = format!("{} I", only.label.trim());
        }
    }
    let n = report.body.appendices.len() as u32 + 1;
    let reference = appendix_reference(report);
    report.body.appendices.push(Appendix {
        id,
        label: format!("Phụ lục {}", roman(n)),
        title: String::new(),
        reference,
        blocks: vec![empty_paragraph(BlockId(id.0 + 1))],
        origin: None,
    });
    id
}

/// Adds an empty paragraph, or a detail table of the default shape, at the
/// end of an appendix. Returns its id.
pub fn add_to_appendix(
    report: &mut Report,
    appendix: BlockId,
    table: bool,
) -> Result<BlockId, OutlineError> {
    let id = report.fresh_block_id();
    let block = if table {
        Block::Table(new_table(id))
    } else {
        empty_paragraph(id)
    };
    let a = report
        .body
        .appendix_mut(appendix)
        .ok_or(OutlineError::Missing)?;
    a.blocks.push(block);
    Ok(id)
}

/// Removes an appendix with its blocks (their footnotes and carried-over
/// marks go as a removed block's do).
pub fn remove_appendix(report: &mut Report, appendix: BlockId) -> Option<Appendix> {
    let ids: Vec<BlockId> = report
        .body
        .appendix(appendix)?
        .blocks
        .iter()
        .map(Block::id)
        .collect();
    for id in ids {
        let _ = report.remove_block(id);
    }
    let at = report
        .body
        .appendices
        .iter()
        .position(|a| a.id == appendix)?;
    Some(report.body.appendices.remove(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every section and block id, in reading order.
    fn ids(r: &Report) -> Vec<u32> {
        fn walk(s: &Section, out: &mut Vec<u32>) {
            out.push(s.id.0);
            out.extend(s.blocks.iter().map(|b| b.id().0));
            s.children.iter().for_each(|c| walk(c, out));
        }
        let mut out = Vec::new();
        r.body.sections.iter().for_each(|s| walk(s, &mut out));
        out
    }

    #[test]
    fn a_new_part_comes_with_its_first_paragraph_and_fresh_ids() {
        let mut r = Report::new();
        let one = add_part(&mut r).unwrap();
        let two = add_part(&mut r).unwrap();
        assert_eq!(r.body.sections.len(), 2);
        assert_eq!(r.body.sections[1].heading.number, "II");
        assert_eq!(r.body.sections[1].heading.level, baocao_model::Level::Part);
        assert_eq!(r.body.sections[1].blocks.len(), 1);
        let all = ids(&r);
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), 4);
        assert_eq!(unique.len(), 4, "no id is used twice: {all:?}");
        assert_ne!(one, two);
        assert!(r.inlines(TextTarget::Heading(two)).is_some());
    }

    #[test]
    fn subsections_and_siblings_take_their_numbers_from_their_place() {
        let mut r = Report::new();
        let part = add_part(&mut r).unwrap();
        let first = add_subsection(&mut r, part).unwrap();
        let second = add_section_after(&mut r, first).unwrap();
        let numbers: Vec<String> = r.body.sections[0]
            .children
            .iter()
            .map(|c| c.heading.label())
            .collect();
        assert_eq!(numbers, ["1.", "2."]);
        assert_eq!(r.body.section(second).unwrap().heading.label(), "2.");
        assert_eq!(
            add_section_after(&mut r, BlockId(999)),
            Err(OutlineError::Missing)
        );
    }

    #[test]
    fn tab_in_the_last_cell_adds_a_row_that_undo_takes_back() {
        let mut r = Report::new();
        let part = add_part(&mut r).unwrap();
        let t = add_table(&mut r, part).unwrap();
        if let Some(Block::Table(table)) = r.body.block_mut(t) {
            table.rows[0] = vec!["1".into(), "Thu ngân sách".into(), "12".into()];
        }
        let before = r.clone();
        let mut history = crate::History::new();
        let added = history.apply(&mut r, "Thêm dòng", |r| append_row(r, t));
        assert!(added.changed);
        assert_eq!(added.value, Some(2));
        let Some(Block::Table(table)) = r.body.block(t) else {
            panic!("the table is there");
        };
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1], ["", "", ""]);
        assert_eq!(history.undo(&mut r).as_deref(), Some("Thêm dòng"));
        assert_eq!(r, before);
        assert_eq!(append_row(&mut r, BlockId(999)), None);
    }

    #[test]
    fn a_new_table_has_the_usual_columns_and_one_row() {
        let mut r = Report::new();
        let part = add_part(&mut r).unwrap();
        let t = add_table(&mut r, part).unwrap();
        let Some(Block::Table(table)) = r.body.block(t) else {
            panic!("a table was added");
        };
        assert_eq!(table.columns, ["STT", "Chỉ tiêu", "Kết quả"]);
        assert_eq!(table.rows, [vec![String::new(); 3]]);
        let p = add_paragraph(&mut r, part).unwrap();
        assert!(p.0 > t.0);
        assert_eq!(add_table(&mut r, BlockId(999)), Err(OutlineError::Missing));
    }

    #[test]
    fn a_table_goes_where_the_caret_is() {
        let mut r = Report::new();
        let part = add_part(&mut r).unwrap();
        let para = r.body.section(part).unwrap().blocks[0].id();
        let after_para = add_table_at(&mut r, Some(TextTarget::Paragraph(para)));
        let under_heading = add_table_at(&mut r, Some(TextTarget::Heading(part)));
        let nowhere = add_table_at(&mut r, None);
        let blocks: Vec<BlockId> = r
            .body
            .section(part)
            .unwrap()
            .blocks
            .iter()
            .map(Block::id)
            .collect();
        assert_eq!(blocks, [under_heading, para, after_para]);
        assert_eq!(
            r.body.intro.iter().map(Block::id).collect::<Vec<_>>(),
            [nowhere]
        );
        // A caret in a paragraph deleted meanwhile: the table still goes in.
        let lost = add_table_at(&mut r, Some(TextTarget::Paragraph(BlockId(999))));
        assert_eq!(r.body.intro.last().map(Block::id), Some(lost));
    }

    #[test]
    fn enter_in_a_heading_leads_to_its_first_paragraph() {
        let mut r = Report::new();
        let part = add_part(&mut r).unwrap();
        let first = r.body.section(part).unwrap().blocks[0].id();
        assert_eq!(paragraph_under(&mut r, part), Ok(first));
        let t = add_table_at(&mut r, Some(TextTarget::Heading(part)));
        let made = paragraph_under(&mut r, part).unwrap();
        assert_ne!(made, first);
        assert_eq!(r.body.section(part).unwrap().blocks[0].id(), made);
        assert_eq!(r.body.section(part).unwrap().blocks[1].id(), t);
        assert_eq!(
            paragraph_under(&mut r, BlockId(999)),
            Err(OutlineError::Missing)
        );
    }

    #[test]
    fn appendices_are_added_numbered_with_their_reference_and_removed() {
        let mut r = Report::new();
        r.header.issuing_agency = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH".into();
        r.header.code = "BC-UBND".into();
        r.header.date = baocao_model::DocDate {
            day: None,
            month: Some(3),
            year: Some(2026),
        };
        add_part(&mut r).unwrap();
        let one = add_appendix(&mut r);
        let a = r.body.appendix(one).unwrap();
        assert_eq!(a.label, "Phụ lục I");
        assert_eq!(
            a.reference,
            "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 3 năm 2026 của Ủy ban nhân dân xã An Bình)"
        );
        assert_eq!(a.blocks.len(), 1);
        let two = add_appendix(&mut r);
        assert_eq!(r.body.appendix(two).unwrap().label, "Phụ lục II");
        let t = add_to_appendix(&mut r, two, true).unwrap();
        let p = add_to_appendix(&mut r, two, false).unwrap();
        let kinds: Vec<bool> = r
            .body
            .appendix(two)
            .unwrap()
            .blocks
            .iter()
            .map(|b| matches!(b, Block::Table(_)))
            .collect();
        assert_eq!(kinds, [false, true, false]);
        assert_eq!(r.body.locate_block(t), Some((Container::Appendix(two), 1)));
        assert_eq!(r.body.locate_block(p), Some((Container::Appendix(two), 2)));
        assert_eq!(
            add_to_appendix(&mut r, BlockId(999), true),
            Err(OutlineError::Missing)
        );
        assert!(remove_appendix(&mut r, one).is_some());
        assert_eq!(r.body.appendices.len(), 1);
        assert!(remove_appendix(&mut r, one).is_none());
        // A lone "PHỤ LỤC" read in becomes "PHỤ LỤC I" when a second comes.
        r.header.issuing_agency = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LẠNG SƠN".into();
        assert!(appendix_reference(&r).ends_with("của Ủy ban nhân dân thành phố Lạng Sơn)"));
        r.body.appendices[0].label = "PHỤ LỤC".into();
        add_appendix(&mut r);
        assert_eq!(r.body.appendices[0].label, "PHỤ LỤC I");
        assert_eq!(r.body.appendices[1].label, "Phụ lục II");
    }
}

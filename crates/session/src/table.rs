//! A detail table as the official edits it: which cells are drawn (a merged
//! cell once, at its top-left place), where Tab and Shift+Tab go from a cell
//! (the next drawn cell; past the last one a new row, as in Word), and how
//! wide each column is drawn (the widths a .docx gave, else by its content).
//!
//! Rows are counted as in `FigurePlace::Cell`: 0 is the `columns` row, 1 the
//! first of `rows`. A line break inside a cell is a `'\n'` in its text.

use baocao_model::Table;

/// How a place of the table's grid is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellShape {
    /// A cell of its own, or the top-left of a merge over `cols` × `rows`.
    Drawn { cols: usize, rows: usize },
    /// Covered by a merge that starts elsewhere: not drawn.
    Covered,
}

/// The grid's width: its widest row.
pub fn width(t: &Table) -> usize {
    t.rows
        .iter()
        .map(Vec::len)
        .chain([t.columns.len()])
        .max()
        .unwrap_or(0)
}

/// The rows of the header (the `columns` row and any more a .docx gave).
pub fn header_rows(t: &Table) -> usize {
    1 + (t.layout.more_header_rows as usize).min(t.rows.len())
}

/// How the grid place (`row`, `col`) is drawn.
pub fn shape(t: &Table, row: usize, col: usize) -> CellShape {
    let merge = t.layout.spans.iter().find(|s| {
        (s.row as usize..(s.row + s.rows) as usize).contains(&row)
            && (s.col as usize..(s.col + s.cols) as usize).contains(&col)
    });
    match merge {
        None => CellShape::Drawn { cols: 1, rows: 1 },
        Some(s) if s.row as usize == row && s.col as usize == col => {
            // A merge reaching past the grid is drawn as far as the grid goes.
            let cols = (s.cols as usize).min(width(t).saturating_sub(col)).max(1);
            let rows = (s.rows as usize).min(t.rows.len() + 1 - row).max(1);
            CellShape::Drawn { cols, rows }
        }
        Some(_) => CellShape::Covered,
    }
}

/// Where Tab (or Shift+Tab, `back`) goes from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellStep {
    /// To this drawn cell.
    To { row: usize, col: usize },
    /// Tab in the last cell: a new row goes at the end and the caret into
    /// its first cell.
    NewRow,
    /// Out of the table: Shift+Tab in the first cell, or Tab in the last
    /// cell while the last row is still empty (one empty row is enough, and
    /// the keyboard is never held in the table).
    Leave,
}

/// Where Tab or Shift+Tab goes from the drawn cell (`row`, `col`): the next
/// (previous) drawn cell in reading order, a new row after the last cell
/// (out of the table if the last row is empty), out of the table before the
/// first.
pub fn tab_from(t: &Table, row: usize, col: usize, back: bool) -> CellStep {
    let w = width(t);
    let past_the_end = || {
        let last_is_empty = t
            .rows
            .last()
            .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()));
        if last_is_empty {
            CellStep::Leave
        } else {
            CellStep::NewRow
        }
    };
    if w == 0 {
        return if back {
            CellStep::Leave
        } else {
            past_the_end()
        };
    }
    let last = (t.rows.len() + 1) * w;
    let mut i = (row * w + col.min(w - 1)) as isize;
    loop {
        i += if back { -1 } else { 1 };
        if i < 0 {
            return CellStep::Leave;
        }
        if i as usize >= last {
            return past_the_end();
        }
        let (r, c) = (i as usize / w, i as usize % w);
        if matches!(shape(t, r, c), CellShape::Drawn { .. }) {
            return CellStep::To { row: r, col: c };
        }
    }
}

/// Whether a column is a short one by its name: the STT or the unit.
fn is_narrow(name: &str) -> bool {
    matches!(
        baocao_model::case::lower(name.trim()).as_str(),
        "stt" | "tt" | "số tt" | "số thứ tự" | "đvt" | "đơn vị tính" | "đơn vị"
    )
}

/// The share of the table's width (in percent, summing to 100) each column
/// is drawn with: the proportions of the widths read from a .docx when it
/// gave one for every column; else by content, each column as wide as its
/// longest line (counted in letters, a long one capped so that a paragraph
/// in a cell wraps), at least room for a few letters in an STT or unit
/// column and for a phrase in the others.
pub fn column_shares(t: &Table) -> Vec<u32> {
    let w = width(t);
    if w == 0 {
        return Vec::new();
    }
    let read = &t.layout.widths;
    let weights: Vec<u64> = if read.len() == w && read.iter().all(|x| *x > 0) {
        read.iter().map(|x| u64::from(*x)).collect()
    } else {
        (0..w)
            .map(|c| {
                let name = t.columns.get(c).map(String::as_str).unwrap_or("");
                let floor = if is_narrow(name) { 4 } else { 12 };
                let longest = std::iter::once(&t.columns)
                    .chain(&t.rows)
                    .enumerate()
                    // A merge across columns does not widen its first one.
                    .filter(|(r, _)| shape(t, *r, c) == CellShape::Drawn { cols: 1, rows: 1 })
                    .filter_map(|(_, row)| row.get(c))
                    .flat_map(|cell| cell.lines())
                    .map(|line| line.trim().chars().count())
                    .max()
                    .unwrap_or(0);
                longest.clamp(floor, 48) as u64
            })
            .collect()
    };
    let total: u64 = weights.iter().sum::<u64>().max(1);
    let mut shares: Vec<u32> = weights
        .iter()
        .map(|x| (x * 100 / total).max(1) as u32)
        .collect();
    // Rounding: the (first) widest column takes what is left.
    let used: u32 = shares.iter().sum();
    if let Some(widest) = (0..w).rev().max_by_key(|c| shares[*c]) {
        shares[widest] = (shares[widest] + 100).saturating_sub(used).max(1);
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::new_table;
    use baocao_model::{BlockId, CellSpan, TableLayout};

    fn table(columns: &[&str], rows: &[&[&str]]) -> Table {
        let mut t = new_table(BlockId(1));
        t.columns = columns.iter().map(|s| s.to_string()).collect();
        t.rows = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        t
    }

    #[test]
    fn tab_walks_the_cells_in_reading_order_and_adds_a_row_after_the_last() {
        let t = table(&["STT", "Chỉ tiêu", "Kết quả"], &[&["1", "Thu", "12"]]);
        assert_eq!(tab_from(&t, 0, 0, false), CellStep::To { row: 0, col: 1 });
        assert_eq!(tab_from(&t, 0, 2, false), CellStep::To { row: 1, col: 0 });
        assert_eq!(tab_from(&t, 1, 1, false), CellStep::To { row: 1, col: 2 });
        assert_eq!(tab_from(&t, 1, 2, false), CellStep::NewRow);
        // Shift+Tab goes back, across rows, and out before the first cell.
        assert_eq!(tab_from(&t, 1, 0, true), CellStep::To { row: 0, col: 2 });
        assert_eq!(tab_from(&t, 1, 2, true), CellStep::To { row: 1, col: 1 });
        assert_eq!(tab_from(&t, 0, 0, true), CellStep::Leave);
        // A table with only its header row: Tab in its last cell adds the
        // first data row.
        let t = table(&["TT", "Nội dung"], &[]);
        assert_eq!(tab_from(&t, 0, 1, false), CellStep::NewRow);
    }

    #[test]
    fn tab_past_an_empty_last_row_leaves_the_table() {
        // A new table's one empty row: Tab in its last cell goes on out of
        // the table instead of piling up empty rows.
        let t = new_table(BlockId(1));
        assert_eq!(tab_from(&t, 1, 1, false), CellStep::To { row: 1, col: 2 });
        assert_eq!(tab_from(&t, 1, 2, false), CellStep::Leave);
        // Spaces only are still empty; one figure in any cell is not.
        let t = table(&["STT", "Chỉ tiêu"], &[&["1", "Thu"], &[" ", ""]]);
        assert_eq!(tab_from(&t, 2, 1, false), CellStep::Leave);
        let t = table(&["STT", "Chỉ tiêu"], &[&["1", "Thu"], &["2", ""]]);
        assert_eq!(tab_from(&t, 2, 1, false), CellStep::NewRow);
        // An empty row in the middle does not stop Tab there.
        let t = table(&["STT", "Chỉ tiêu"], &[&["", ""], &["2", "Chi"]]);
        assert_eq!(tab_from(&t, 1, 1, false), CellStep::To { row: 2, col: 0 });
        assert_eq!(tab_from(&t, 2, 1, false), CellStep::NewRow);
    }

    #[test]
    fn tab_skips_the_places_a_merged_cell_covers() {
        // | STT (2 rows) | Chỉ tiêu (2 rows) | Kết quả (2 columns) |
        // |              |                   | Kế hoạch | Thực hiện |
        // | 1            | Thu ngân sách     | 100      | 90        |
        let mut t = table(
            &["STT", "Chỉ tiêu", "Kết quả", ""],
            &[
                &["", "", "Kế hoạch", "Thực hiện"],
                &["1", "Thu ngân sách", "100", "90"],
            ],
        );
        t.layout = TableLayout {
            more_header_rows: 1,
            spans: vec![
                CellSpan {
                    row: 0,
                    col: 0,
                    cols: 1,
                    rows: 2,
                },
                CellSpan {
                    row: 0,
                    col: 1,
                    cols: 1,
                    rows: 2,
                },
                CellSpan {
                    row: 0,
                    col: 2,
                    cols: 2,
                    rows: 1,
                },
            ],
            widths: Vec::new(),
        };
        assert_eq!(shape(&t, 0, 2), CellShape::Drawn { cols: 2, rows: 1 });
        assert_eq!(shape(&t, 0, 0), CellShape::Drawn { cols: 1, rows: 2 });
        assert_eq!(shape(&t, 0, 3), CellShape::Covered);
        assert_eq!(shape(&t, 1, 1), CellShape::Covered);
        assert_eq!(header_rows(&t), 2);
        assert_eq!(tab_from(&t, 0, 2, false), CellStep::To { row: 1, col: 2 });
        assert_eq!(tab_from(&t, 1, 3, false), CellStep::To { row: 2, col: 0 });
        assert_eq!(tab_from(&t, 1, 2, true), CellStep::To { row: 0, col: 2 });
        assert_eq!(tab_from(&t, 2, 3, false), CellStep::NewRow);
    }

    #[test]
    fn columns_take_the_widths_a_docx_gave() {
        let mut t = table(&["TT", "Nội dung", "Số lượng"], &[&["1", "Hồ sơ", "12"]]);
        t.layout.widths = vec![700, 4900, 1400];
        assert_eq!(column_shares(&t), [10, 70, 20]);
        // Widths for fewer columns than the grid has (a column added since):
        // sized by content instead.
        t.layout.widths = vec![700, 4900];
        assert_eq!(column_shares(&t).len(), 3);
    }

    #[test]
    fn columns_are_sized_by_their_longest_line() {
        // An empty new table: a narrow STT, the two others alike.
        let t = new_table(BlockId(1));
        let shares = column_shares(&t);
        assert_eq!(shares.iter().sum::<u32>(), 100);
        // Weights 4, 12, 12 (the floors): 14, 42, 42, and the two left over
        // to the first widest.
        assert_eq!(shares, [14, 44, 42]);
        // "Thu ngân sách nhà nước" (22 letters) against "12.345" and "STT":
        // weights 4, 22 and 12 (the floor of a text column) of 38.
        let t = table(
            &["STT", "Chỉ tiêu", "Kết quả"],
            &[&["1", "Thu ngân sách nhà nước", "12.345"]],
        );
        assert_eq!(column_shares(&t), [10, 59, 31]);
        // A cell of two lines counts its longer line, not both together.
        let t = table(
            &["STT", "Chỉ tiêu", "Ghi chú"],
            &[&["1", "Thu ngân sách\nnhà nước", "Đạt"]],
        );
        // Weights 4, 13 ("Thu ngân sách"), 12 of 29.
        assert_eq!(column_shares(&t), [13, 46, 41]);
        // A paragraph in a cell is capped, so it wraps rather than squeezing
        // the other columns to nothing.
        let long =
            "Tiếp tục đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm của thành phố";
        let t = table(&["STT", "Nhiệm vụ", "Kết quả"], &[&["1", long, "Đang làm"]]);
        // Weights 4, 48, 12 of 64.
        assert_eq!(column_shares(&t), [6, 76, 18]);
    }
}

//! Tables: the borderless layout tables of the header and closing blocks, and
//! the detail tables ("biểu chi tiết") of the body: single 0.5 pt borders, a
//! bold centred header row repeated on every page, rows that do not split,
//! numbers right-aligned, and landscape when the table is too wide for a
//! portrait page (nd30.md §10.7–10.8).

use super::metrics::{text_width, Face};
use super::paragraphs::single;
use super::profile::{
    size, BODY_BEFORE, COLOR, LANDSCAPE_TEXT_WIDTH, PORTRAIT_MAX_COLUMNS, TABLE_BORDER_SIZE,
    TABLE_CELL_PADDING, TABLE_CELL_SPACING, TEXT_WIDTH,
};
use super::runs::{clean, text_run};
use baocao_model::Decimal;
use docx_rs::{
    AlignmentType, BorderType, BreakType, Paragraph, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType,
    WidthType,
};

const ALL_SIDES: [TableBorderPosition; 6] = [
    TableBorderPosition::Top,
    TableBorderPosition::Left,
    TableBorderPosition::Bottom,
    TableBorderPosition::Right,
    TableBorderPosition::InsideH,
    TableBorderPosition::InsideV,
];

/// A table of fixed columns with no borders and no cell margins, whose rows
/// do not split across pages: the frame of the header and closing blocks.
pub fn borderless_table(columns: &[u32], rows: Vec<Vec<Vec<Paragraph>>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            let cells = cells
                .into_iter()
                .zip(columns)
                .map(|(paragraphs, width)| {
                    paragraphs.into_iter().fold(
                        TableCell::new()
                            .width(*width as usize, WidthType::Dxa)
                            .vertical_align(VAlignType::Top),
                        TableCell::add_paragraph,
                    )
                })
                .collect();
            TableRow::new(cells).cant_split()
        })
        .collect();
    let no_borders = ALL_SIDES
        .into_iter()
        .fold(TableBorders::with_empty(), |b, side| {
            b.set(TableBorder::new(side).border_type(BorderType::None).size(0))
        });
    Table::new(rows)
        .set_grid(columns.iter().map(|w| *w as usize).collect())
        .width(columns.iter().sum::<u32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .set_borders(no_borders)
}

/// A detail table ready for the page: what goes above it, the table, and
/// whether it needs a landscape page.
pub struct DetailTable {
    /// Caption and unit line.
    pub before: Vec<Paragraph>,
    pub table: Table,
    pub landscape: bool,
    /// Rows at the top that repeat on every page (2 for a header over two
    /// rows read from a .docx).
    pub header_rows: usize,
}

/// Whether a cell holds a number (or a percentage) in Vietnamese notation,
/// which reads best right-aligned.
fn is_number(cell: &str) -> bool {
    let cell = clean(cell);
    let s = cell.trim();
    let s = s.strip_suffix('%').unwrap_or(s).trim_end();
    let s = s.strip_prefix(['-', '+', '−']).unwrap_or(s);
    Decimal::parse_vn(s).is_some()
}

/// How a column's cells sit: an STT or unit column centred, a column of
/// figures to the right, text to the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColumnKind {
    Ordinal,
    Unit,
    Figures,
    Text,
}

/// What kind of column `c` is, from its header and its cells.
fn column_kind(header: &[String], rows: &[Vec<String>], c: usize) -> ColumnKind {
    let head = header
        .get(c)
        .map(|h| baocao_model::case::lower(clean(h).trim()));
    let head = head.as_deref().unwrap_or("");
    if matches!(head, "stt" | "tt" | "số tt" | "số thứ tự") {
        return ColumnKind::Ordinal;
    }
    if matches!(head, "đvt" | "đơn vị tính" | "đơn vị") {
        return ColumnKind::Unit;
    }
    let cells: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(c).map(String::as_str))
        .filter(|t| !t.trim().is_empty())
        .collect();
    if !cells.is_empty() && cells.iter().all(|t| is_number(t)) {
        ColumnKind::Figures
    } else {
        ColumnKind::Text
    }
}

/// The widest unbreakable word of a text.
fn longest_word(text: &str, face: Face) -> u32 {
    text.split_whitespace()
        .map(|w| text_width(w, face, size::TABLE))
        .max()
        .unwrap_or(0)
}

/// The widest line of a text (a cell's lines are set one under another).
fn longest_line(text: &str, face: Face) -> u32 {
    text.lines()
        .map(|l| text_width(l, face, size::TABLE))
        .max()
        .unwrap_or(0)
}

/// Column widths: each column gets at least its longest word, the rest of
/// the text width is shared in proportion to how much text each column holds.
/// Returns the widths and whether the table must go landscape.
/// Room a column keeps beyond its text and cell margins: LibreOffice breaks
/// a line that fills its cell to the twip ("Kết quả" over "12.345" came out
/// as "Kết / quả"), the cell's borders taking their width from it.
const FIT_SLACK: u32 = 40;

fn column_widths(header: &[String], rows: &[Vec<String>], count: usize) -> (Vec<u32>, bool) {
    let padding = 2 * TABLE_CELL_PADDING + FIT_SLACK;
    fn cell(r: &[String], c: usize) -> &str {
        r.get(c).map(String::as_str).unwrap_or("")
    }
    let mut minimum = vec![0u32; count];
    let mut natural = vec![0u32; count];
    for c in 0..count {
        let head = header.get(c).map(String::as_str).unwrap_or("");
        minimum[c] = longest_word(head, Face::Bold);
        natural[c] = longest_line(head, Face::Bold);
        for r in rows {
            minimum[c] = minimum[c].max(longest_word(cell(r, c), Face::Regular));
            natural[c] = natural[c].max(longest_line(cell(r, c), Face::Regular));
        }
        minimum[c] += padding;
        natural[c] = natural[c].max(minimum[c] - padding) + padding;
    }
    let total_min: u32 = minimum.iter().sum();
    let landscape = count > PORTRAIT_MAX_COLUMNS || total_min > TEXT_WIDTH;
    let available = if landscape {
        LANDSCAPE_TEXT_WIDTH
    } else {
        TEXT_WIDTH
    };
    let sum = |v: &[u32]| v.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    let total_natural = sum(&natural);
    // Text columns take the room left over; STT, unit and figure columns
    // stay as narrow as their content when there are text columns to widen.
    let text: Vec<bool> = (0..count)
        .map(|c| column_kind(header, rows, c) == ColumnKind::Text)
        .collect();
    let text_natural: u64 = (0..count)
        .filter(|c| text[*c])
        .map(|c| u64::from(natural[c]))
        .sum();
    let mut widths: Vec<u32> = if total_natural <= u64::from(available) && text_natural > 0 {
        // Everything fits on one line per cell: the text columns share the
        // spare room by how much text they hold.
        let spare = u64::from(available) - total_natural;
        (0..count)
            .map(|c| {
                let extra = if text[c] {
                    u64::from(natural[c]) * spare / text_natural
                } else {
                    0
                };
                natural[c] + extra as u32
            })
            .collect()
    } else if total_natural <= u64::from(available) {
        // Everything fits and nothing is text: widen each column alike.
        natural
            .iter()
            .map(|n| (u64::from(*n) * u64::from(available) / total_natural) as u32)
            .collect()
    } else if total_min >= available {
        minimum
            .iter()
            .map(|m| (u64::from(*m) * u64::from(available) / sum(&minimum)) as u32)
            .collect()
    } else {
        // Each column its longest word, the rest shared by how much more
        // room each would take to set its text on one line.
        let spare = u64::from(available - total_min);
        let wanted = (total_natural - u64::from(total_min)).max(1);
        natural
            .iter()
            .zip(&minimum)
            .map(|(n, m)| m + (u64::from(n - m) * spare / wanted) as u32)
            .collect()
    };
    // Rounding leaves a few twips over; give them to the widest column.
    let used: u32 = widths.iter().sum();
    if let Some(widest) = (0..count).max_by_key(|c| widths[*c]) {
        widths[widest] += available.saturating_sub(used);
    }
    (widths, landscape)
}

/// One cell's paragraph: 12 pt, single spacing, 2 pt above and below.
/// A line break typed in a cell (`'\n'`) is a line break of the paragraph
/// (Word's Shift+Enter), so the cell keeps one paragraph's spacing.
fn cell_paragraph(text: &str, bold: bool, align: AlignmentType) -> Paragraph {
    let lines: Vec<&str> = text.lines().collect();
    let mut p = Paragraph::new()
        .align(align)
        .line_spacing(single(TABLE_CELL_SPACING, TABLE_CELL_SPACING));
    if lines.is_empty() {
        return p.add_run(text_run("", size::TABLE));
    }
    for (i, line) in lines.iter().enumerate() {
        let mut run = text_run(line, size::TABLE);
        if bold {
            run = run.bold();
        }
        if i + 1 < lines.len() {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(run);
    }
    p
}

/// The columns of a table: the widest of its header and rows.
fn column_count(t: &baocao_model::Table) -> usize {
    t.rows
        .iter()
        .map(Vec::len)
        .chain([t.columns.len()])
        .max()
        .unwrap_or(0)
}

/// The widths of a table's columns from their text, and whether it goes
/// on a landscape page: too wide for a portrait one, or read from a .docx
/// that was (its widths keep their proportions).
fn layout(t: &baocao_model::Table, count: usize) -> (Vec<u32>, bool) {
    let (widths, landscape) = column_widths(&t.columns, &t.rows, count);
    let read_width: u64 = t.layout.widths.iter().map(|w| u64::from(*w)).sum();
    (
        widths,
        landscape || read_width * 10 > u64::from(TEXT_WIDTH) * 11,
    )
}

/// Whether the detail table `t` goes on a landscape page. Text metrics
/// only, no XML: the page's preview asks it without the writer.
pub fn is_landscape(t: &baocao_model::Table) -> bool {
    let count = column_count(t);
    count > 0 && layout(t, count).1
}

/// Lays out a detail table of the body; None if it has no cell at all.
pub fn detail_table(t: &baocao_model::Table) -> Option<DetailTable> {
    let count = column_count(t);
    if count == 0 {
        return None;
    }
    let (widths, landscape) = layout(t, count);
    let widths = match &t.layout.widths {
        w if w.len() == count && w.iter().all(|x| *x > 0) => {
            let available = if landscape {
                LANDSCAPE_TEXT_WIDTH
            } else {
                TEXT_WIDTH
            };
            let total: u64 = w.iter().map(|x| u64::from(*x)).sum();
            let mut scaled: Vec<u32> = w
                .iter()
                .map(|x| (u64::from(*x) * u64::from(available) / total) as u32)
                .collect();
            let used: u32 = scaled.iter().sum();
            if let Some(widest) = (0..count).max_by_key(|c| scaled[*c]) {
                scaled[widest] += available.saturating_sub(used);
            }
            scaled
        }
        _ => widths,
    };
    let header_rows = 1 + (t.layout.more_header_rows as usize).min(t.rows.len());
    // STT and unit columns are centred, whatever their numbers look like;
    // figures are right-aligned, text left.
    let kinds: Vec<ColumnKind> = (0..count)
        .map(|c| column_kind(&t.columns, &t.rows, c))
        .collect();
    let row = |cells: Vec<TableCell>| TableRow::new(cells).cant_split();
    let grid: Vec<&[String]> = std::iter::once(t.columns.as_slice())
        .chain(t.rows.iter().map(Vec::as_slice))
        .collect();
    let mut rows = Vec::with_capacity(grid.len());
    for (r, cells) in grid.iter().enumerate() {
        let header = r < header_rows;
        let mut out = Vec::with_capacity(count);
        let mut c = 0;
        while c < count {
            let text = cells.get(c).map(String::as_str).unwrap_or("");
            let span = span_at(&t.layout.spans, r, c);
            let (cols, merge) = match span {
                Some(s) if s.row as usize == r => {
                    (s.cols as usize, (s.rows > 1).then_some(VMergeType::Restart))
                }
                // Below the top of a vertical merge: an empty cell that
                // continues it, as wide as the merge.
                Some(s) if s.col as usize == c => (s.cols as usize, Some(VMergeType::Continue)),
                // Covered by a merge across: the grid span stands for it.
                Some(_) => {
                    c += 1;
                    continue;
                }
                None => (1, None),
            };
            let cols = cols.clamp(1, count - c);
            let width: u32 = widths[c..c + cols].iter().sum();
            let align = match kinds[c] {
                _ if header => AlignmentType::Center,
                ColumnKind::Ordinal | ColumnKind::Unit => AlignmentType::Center,
                _ if is_number(text) => AlignmentType::Right,
                _ => AlignmentType::Left,
            };
            let shown = if merge == Some(VMergeType::Continue) {
                ""
            } else {
                text
            };
            let mut cell = TableCell::new()
                .width(width as usize, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(cell_paragraph(shown, header, align));
            if cols > 1 {
                cell = cell.grid_span(cols);
            }
            if let Some(m) = merge {
                cell = cell.vertical_merge(m);
            }
            out.push(cell);
            c += cols;
        }
        rows.push(row(out));
    }
    let borders = ALL_SIDES
        .into_iter()
        .fold(TableBorders::with_empty(), |b, side| {
            b.set(
                TableBorder::new(side)
                    .border_type(BorderType::Single)
                    .size(TABLE_BORDER_SIZE)
                    .color(COLOR),
            )
        });
    let table = Table::new(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .width(widths.iter().sum::<u32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(
            0,
            TABLE_CELL_PADDING as usize,
            0,
            TABLE_CELL_PADDING as usize,
        ))
        .set_borders(borders);
    let mut before = Vec::new();
    if !t.title.trim().is_empty() {
        before.push(
            Paragraph::new()
                .add_run(text_run(t.title.trim(), size::BODY).bold())
                .align(AlignmentType::Center)
                .keep_next(true)
                .line_spacing(single(BODY_BEFORE, 0)),
        );
    }
    if !t.unit.trim().is_empty() {
        before.push(
            Paragraph::new()
                .add_run(text_run(t.unit.trim(), size::TABLE).italic())
                .align(AlignmentType::Right)
                .keep_next(true)
                .line_spacing(single(BODY_BEFORE, 0)),
        );
    }
    Some(DetailTable {
        before,
        table,
        landscape,
        header_rows,
    })
}

/// The merge that covers grid place (row, col), if any.
fn span_at(
    spans: &[baocao_model::CellSpan],
    row: usize,
    col: usize,
) -> Option<&baocao_model::CellSpan> {
    spans.iter().find(|s| {
        let (r0, c0) = (s.row as usize, s.col as usize);
        (r0..r0 + s.rows.max(1) as usize).contains(&row)
            && (c0..c0 + s.cols.max(1) as usize).contains(&col)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_in_a_cell_is_a_break_in_its_paragraph() {
        use docx_rs::BuildXML;
        let xml = String::from_utf8(
            cell_paragraph("Thu ngân sách\nnhà nước", false, AlignmentType::Left).build(),
        )
        .unwrap();
        // One paragraph, two runs, the first ending in a text-wrapping break.
        assert_eq!(
            xml.matches("<w:p>").count() + xml.matches("<w:p ").count(),
            1,
            "{xml}"
        );
        let first = xml.find(">Thu ngân sách</w:t>").expect(&xml);
        let br = xml.find("<w:br w:type=\"textWrapping\" />").expect(&xml);
        let second = xml.find(">nhà nước</w:t>").expect(&xml);
        assert!(first < br && br < second, "{xml}");
        assert_eq!(xml.matches("<w:br ").count(), 1, "{xml}");
        // A header cell's lines are all bold.
        let xml = String::from_utf8(
            cell_paragraph("Kết quả\n(tỷ đồng)", true, AlignmentType::Center).build(),
        )
        .unwrap();
        assert_eq!(xml.matches("<w:b />").count(), 2, "{xml}");
        // The width a column needs is its longest line's, not the lines end
        // to end.
        assert_eq!(
            longest_line("Thu ngân sách\nnhà nước", Face::Regular),
            text_width("Thu ngân sách", Face::Regular, size::TABLE)
        );
    }

    #[test]
    fn numbers_are_recognised_in_vietnamese_notation() {
        for n in [
            "1.234",
            "1.234,5",
            "97,17%",
            "-3",
            "05",
            " 12 ",
            "\u{1}1.234\u{0}",
        ] {
            assert!(is_number(n), "{n}");
        }
        for t in ["Phường Chi Lăng", "", "1,2,3", "x%"] {
            assert!(!is_number(t), "{t}");
        }
    }

    #[test]
    fn columns_are_told_apart_by_header_and_content() {
        let header: Vec<String> = ["STT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú"]
            .map(String::from)
            .to_vec();
        let rows: Vec<Vec<String>> = vec![
            ["1", "Thu ngân sách", "Tỷ đồng", "1.234,5", ""]
                .map(String::from)
                .to_vec(),
            ["2.1", "Chi ngân sách", "%", "97,1", "Đạt"]
                .map(String::from)
                .to_vec(),
        ];
        let kinds: Vec<ColumnKind> = (0..5).map(|c| column_kind(&header, &rows, c)).collect();
        assert_eq!(
            kinds,
            [
                ColumnKind::Ordinal,
                ColumnKind::Text,
                ColumnKind::Unit,
                ColumnKind::Figures,
                ColumnKind::Text
            ]
        );
    }

    #[test]
    fn the_preview_is_told_the_orientation_the_writer_uses() {
        let table = |columns: Vec<String>, row: Vec<String>| baocao_model::Table {
            id: baocao_model::BlockId(1),
            title: String::new(),
            unit: String::new(),
            columns,
            rows: vec![row],
            layout: Default::default(),
            origin: None,
        };
        let strings = |v: [&str; 3]| v.map(String::from).to_vec();
        let narrow = table(
            strings(["STT", "Chỉ tiêu", "Kết quả"]),
            strings(["1", "Thu", "12"]),
        );
        assert!(!is_landscape(&narrow));
        assert!(!detail_table(&narrow).unwrap().landscape);
        // Twelve columns of months do not fit a portrait page.
        let wide = table(
            (1..=12).map(|m| format!("Tháng {m}")).collect(),
            (1..=12).map(|m| format!("{}", m * 1000)).collect(),
        );
        assert!(is_landscape(&wide));
        assert!(detail_table(&wide).unwrap().landscape);
        // An empty table is no table at all.
        assert!(!is_landscape(&table(Vec::new(), Vec::new())));
    }

    #[test]
    fn widths_fill_the_text_width_and_wide_tables_go_landscape() {
        let header: Vec<String> = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]
            .map(String::from)
            .to_vec();
        let rows = vec![vec![
            "1".into(),
            "Thu ngân sách".into(),
            "100".into(),
            "97,1".into(),
        ]];
        let (w, landscape) = column_widths(&header, &rows, 4);
        assert!(!landscape);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(w[1] > w[0], "{w:?}");
        // STT and the figures keep their natural width (the header in bold
        // 12 pt plus 2 × 108 of padding and 40 to spare); the text column
        // takes the rest.
        let natural =
            |h: &str| text_width(h, Face::Bold, size::TABLE) + 2 * TABLE_CELL_PADDING + FIT_SLACK;
        assert_eq!(w[0], natural("STT"));
        assert_eq!(w[2], natural("Kế hoạch"));
        assert_eq!(w[3], natural("Thực hiện"));
        assert_eq!(w[1], TEXT_WIDTH - w[0] - w[2] - w[3]);

        let many: Vec<String> = (1..=10).map(|i| format!("Cột {i}")).collect();
        let (w, landscape) = column_widths(&many, &[], 10);
        assert!(landscape);
        assert_eq!(w.iter().sum::<u32>(), LANDSCAPE_TEXT_WIDTH);
    }
}

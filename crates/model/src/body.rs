//! The body of a report: a tree of numbered sections holding paragraphs and tables.

use super::inline::Inline;
use serde::{Deserialize, Serialize};

/// A stable identity for a section or block, so the editor can key its lists
/// and a finding can point at the place it is about.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct BlockId(pub u32);

/// Where a block came from in imported text: its first source line and, for a
/// paragraph rejoined across a page break, where each later line starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// 1-based line of the input text.
    pub line: u32,
    /// (byte offset in the block's plain text, 1-based source line) for each
    /// continuation line joined onto the block.
    pub breaks: Vec<(usize, u32)>,
}

impl Origin {
    /// An origin on one line.
    pub fn at(line: u32) -> Self {
        Origin {
            line,
            breaks: Vec::new(),
        }
    }

    /// The source line of the byte at `offset` of the block's plain text.
    pub fn line_at(&self, offset: usize) -> u32 {
        self.breaks
            .iter()
            .take_while(|(start, _)| *start <= offset)
            .last()
            .map(|(_, line)| *line)
            .unwrap_or(self.line)
    }
}

/// The numbering levels of a report (Phụ lục I, table 6b: phần, mục, khoản, điểm).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// "I.", "II.": the parts of the report, title in capitals.
    Part,
    /// "1.", "2.": items of a part.
    Item,
    /// "2.1.", "2.2.": sub-items of an item.
    SubItem,
    /// "a)", "b)": points (Vietnamese letters, no f, j, w, z; đ after d).
    Point,
}

impl Level {
    /// 1 for parts down to 4 for points.
    pub fn depth(self) -> u8 {
        match self {
            Level::Part => 1,
            Level::Item => 2,
            Level::SubItem => 3,
            Level::Point => 4,
        }
    }

    /// The level one step deeper, if any.
    pub fn deeper(self) -> Option<Level> {
        match self {
            Level::Part => Some(Level::Item),
            Level::Item => Some(Level::SubItem),
            Level::SubItem => Some(Level::Point),
            Level::Point => None,
        }
    }

    /// The level one step higher, if any.
    pub fn higher(self) -> Option<Level> {
        match self {
            Level::Part => None,
            Level::Item => Some(Level::Part),
            Level::SubItem => Some(Level::Item),
            Level::Point => Some(Level::SubItem),
        }
    }

    /// The Vietnamese name of the level, for messages.
    pub fn name_vi(self) -> &'static str {
        match self {
            Level::Part => "phần",
            Level::Item => "mục",
            Level::SubItem => "tiểu mục",
            Level::Point => "điểm",
        }
    }
}

/// The Vietnamese letters used for points, in order.
pub const POINT_LETTERS: [&str; 25] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y", "aa", "bb",
];

/// Roman numeral for 1..=39 (parts never go beyond a handful).
pub fn roman(n: u32) -> String {
    let mut out = String::new();
    let mut n = n;
    for (value, digits) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The value of a Roman numeral made of I, V, X, L, C (None if it is not one).
pub fn parse_roman(s: &str) -> Option<u32> {
    // Letters other than these make no numeral (asked of every word in
    // capitals of a report: no allocation for them).
    if s.is_empty()
        || s.len() > 8
        || !s
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
    {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    (roman(total) == s).then_some(total)
}

/// A numbered heading: its level, its number as written ("I", "2", "2.1", "a")
/// and its title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    pub level: Level,
    /// The number without its closing "." or ")", e.g. "II", "3", "2.1", "b".
    pub number: String,
    pub title: Vec<Inline>,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Heading {
    /// The number as printed: "I.", "2.", "2.1.", "a)".
    pub fn label(&self) -> String {
        match self.level {
            Level::Point => format!("{})", self.number),
            _ => format!("{}.", self.number),
        }
    }
}

/// A section of the body: a heading, the blocks under it, and its sub-sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: BlockId,
    pub heading: Heading,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub children: Vec<Section>,
}

/// A paragraph of body text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: BlockId,
    pub inlines: Vec<Inline>,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A detail table ("biểu chi tiết"): one header row and data rows of text cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: BlockId,
    /// Optional caption printed above the table.
    #[serde(default)]
    pub title: String,
    /// Unit line, e.g. "ĐVT: triệu đồng".
    #[serde(default)]
    pub unit: String,
    /// The header row's cells. In every cell a line break (Enter in the
    /// page, Shift+Enter or a second paragraph in Word) is a `'\n'`.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Merged cells, header rows and column widths, for a table read from a
    /// .docx; plain (and not stored) for a table typed in.
    #[serde(default, skip_serializing_if = "TableLayout::is_plain")]
    pub layout: TableLayout,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// The shape of a table beyond its text (all empty for an even grid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableLayout {
    /// Rows of `rows` that belong to the header with the `columns` row (a
    /// header over two lines with merged cells); 0 for one header row.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_header_rows: u32,
    /// Merged cells, each by the grid place of its top-left cell; the cells
    /// it covers hold "".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
    /// Relative column widths (any unit; a .docx read in gives twips), empty
    /// when the writer chooses the widths itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub widths: Vec<u32>,
}

impl TableLayout {
    /// Whether the table is an even grid with one header row.
    pub fn is_plain(&self) -> bool {
        *self == TableLayout::default()
    }

    /// Follows a row (`is_row`) or column inserted (`delta` 1) or removed
    /// (-1) at grid index `at` (rows counted with the `columns` row as 0):
    /// merges after it move, merges across it grow or shrink, widths and
    /// header rows follow.
    pub fn shift(&mut self, is_row: bool, at: usize, delta: i64) {
        let at = at as u32;
        for s in &mut self.spans {
            let (start, len) = if is_row {
                (&mut s.row, &mut s.rows)
            } else {
                (&mut s.col, &mut s.cols)
            };
            if delta > 0 {
                if *start >= at {
                    *start += 1;
                } else if at < *start + *len {
                    *len += 1;
                }
            } else if *start > at {
                *start -= 1;
            } else if at < *start + *len {
                // The merge loses the removed row or column (and its text
                // with it if that was its first).
                *len = len.saturating_sub(1);
            }
        }
        self.spans
            .retain(|s| s.cols >= 1 && s.rows >= 1 && (s.cols > 1 || s.rows > 1));
        if is_row {
            // A row put in or taken out among the header rows.
            if (1..=self.more_header_rows).contains(&at) {
                if delta > 0 {
                    self.more_header_rows += 1;
                } else {
                    self.more_header_rows -= 1;
                }
            }
        } else if !self.widths.is_empty() {
            let at = at as usize;
            if delta > 0 {
                let mean = self.widths.iter().sum::<u32>() / self.widths.len() as u32;
                self.widths.insert(at.min(self.widths.len()), mean.max(1));
            } else if at < self.widths.len() {
                self.widths.remove(at);
            }
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A cell merged over more than one column or row of a table's grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellSpan {
    /// Row of the top-left cell: 0 is the `columns` row, 1 the first of `rows`.
    pub row: u32,
    pub col: u32,
    /// Columns covered (1 or more).
    pub cols: u32,
    /// Rows covered (1 or more).
    pub rows: u32,
}

/// A block of body content, stored as `{"kind": "paragraph", "id": 3,
/// "inlines": […]}` or `{"kind": "table", "id": 4, "columns": […], …}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "StoredBlock")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// Every field a stored [`Block`] may have, read in one pass and then told
/// apart by `kind`. (Read as the internally tagged enum, each block was
/// first copied into a buffer, and the page's wasm carried serde's
/// buffering code, as for [`Inline`].)
#[derive(Deserialize)]
struct StoredBlock {
    kind: BlockKind,
    id: BlockId,
    #[serde(default)]
    inlines: Option<Vec<Inline>>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    columns: Option<Vec<String>>,
    #[serde(default)]
    rows: Option<Vec<Vec<String>>>,
    #[serde(default)]
    layout: TableLayout,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Paragraph,
    Table,
}

impl TryFrom<StoredBlock> for Block {
    type Error = &'static str;

    fn try_from(s: StoredBlock) -> Result<Self, Self::Error> {
        match s.kind {
            BlockKind::Paragraph => Ok(Block::Paragraph(Paragraph {
                id: s.id,
                inlines: s.inlines.ok_or("một đoạn văn thiếu «inlines»")?,
                origin: None,
            })),
            BlockKind::Table => Ok(Block::Table(Table {
                id: s.id,
                title: s.title,
                unit: s.unit,
                columns: s.columns.ok_or("một bảng thiếu «columns»")?,
                rows: s.rows.ok_or("một bảng thiếu «rows»")?,
                layout: s.layout,
                origin: None,
            })),
        }
    }
}

impl Block {
    /// The block's identity.
    pub fn id(&self) -> BlockId {
        match self {
            Block::Paragraph(p) => p.id,
            Block::Table(t) => t.id,
        }
    }

    /// Where the block came from in imported text.
    pub fn origin(&self) -> Option<&Origin> {
        match self {
            Block::Paragraph(p) => p.origin.as_ref(),
            Block::Table(t) => t.origin.as_ref(),
        }
    }
}

/// The body: blocks before the first heading, then the top-level sections,
/// then the appendices printed after the signature (kept here, beside the
/// body's blocks, so that editing, finding a block by id and the walks that
/// the checks and next month's carry-over make reach their tables too).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    #[serde(default)]
    pub intro: Vec<Block>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Phụ lục, in order; drafts stored before them load with none, and
    /// none is not stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
}

/// An appendix ("Phụ lục I", "PHỤ LỤC", "Biểu mẫu 1"): on its own pages
/// after the signature, its label and title centred and bold, the "(Kèm
/// theo Báo cáo số …)" line in italics, then its paragraphs and tables
/// (nd30.md §10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appendix {
    pub id: BlockId,
    /// As written: "Phụ lục I", "PHỤ LỤC", "Biểu mẫu 1".
    pub label: String,
    /// The title in capitals; a line break ('\n') separates its printed lines.
    #[serde(default)]
    pub title: String,
    /// "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)", brackets included.
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Appendix {
    /// The name a reader gives it in a place: "Phụ lục I", "Biểu mẫu 1"
    /// (an appendix labelled in capitals is named in lower case).
    pub fn name(&self) -> String {
        let label = self.label.split(':').next().unwrap_or("").trim();
        let mut out = String::new();
        for (i, w) in label.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            // "PHỤ LỤC SỐ" → "Phụ lục số"; numbers ("II", "01") stay.
            let number = w.chars().all(|c| c.is_ascii_digit()) || parse_roman(w).is_some();
            let lower = if number {
                w.to_string()
            } else {
                crate::case::lower(w)
            };
            if i == 0 {
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    out.push(crate::case::upper_char(c));
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(&lower);
            }
        }
        if out.is_empty() {
            "Phụ lục".to_string()
        } else {
            out
        }
    }
}

/// One step of a walk through the body in reading order. The slice holds the
/// headings of the enclosing sections, outermost first.
pub enum Visit<'a> {
    Heading(&'a [&'a Heading], &'a Heading),
    Block(&'a [&'a Heading], &'a Block),
}

impl Body {
    /// Whether the body has no content at all.
    pub fn is_empty(&self) -> bool {
        self.intro.is_empty() && self.sections.is_empty() && self.appendices.is_empty()
    }

    /// Walks headings and blocks in reading order.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(Visit<'_>)) {
        let mut trail: Vec<&'a Heading> = Vec::new();
        for b in &self.intro {
            f(Visit::Block(&trail, b));
        }
        fn walk<'a>(s: &'a Section, trail: &mut Vec<&'a Heading>, f: &mut dyn FnMut(Visit<'_>)) {
            f(Visit::Heading(trail, &s.heading));
            trail.push(&s.heading);
            for b in &s.blocks {
                f(Visit::Block(trail, b));
            }
            for c in &s.children {
                walk(c, trail, f);
            }
            trail.pop();
        }
        for s in &self.sections {
            walk(s, &mut trail, f);
        }
        // An appendix's blocks come after the body, outside every section.
        for a in &self.appendices {
            for b in &a.blocks {
                f(Visit::Block(&[], b));
            }
        }
    }

    /// Calls `f` on the inline content of every heading and paragraph.
    pub fn for_each_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
            for b in bs {
                if let Block::Paragraph(p) = b {
                    f(&mut p.inlines);
                }
            }
        }
        fn walk(s: &mut Section, f: &mut dyn FnMut(&mut Vec<Inline>)) {
            f(&mut s.heading.title);
            blocks(&mut s.blocks, f);
            for c in &mut s.children {
                walk(c, f);
            }
        }
        blocks(&mut self.intro, f);
        for s in &mut self.sections {
            walk(s, f);
        }
        for a in &mut self.appendices {
            blocks(&mut a.blocks, f);
        }
    }

    /// The largest id in use, so new blocks get fresh ones.
    pub fn max_id(&self) -> BlockId {
        fn walk(s: &Section, max: &mut u32) {
            *max = (*max).max(s.id.0);
            for b in &s.blocks {
                *max = (*max).max(b.id().0);
            }
            for c in &s.children {
                walk(c, max);
            }
        }
        let mut max = 0;
        for b in &self.intro {
            max = max.max(b.id().0);
        }
        for s in &self.sections {
            walk(s, &mut max);
        }
        for a in &self.appendices {
            max = max.max(a.id.0);
            for b in &a.blocks {
                max = max.max(b.id().0);
            }
        }
        BlockId(max)
    }

    /// Every section in reading order, flattened.
    pub fn sections_flat(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in &s.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// Rewrites every heading number from its place in the tree: I, II under
    /// the body; 1, 2 under each part; 2.1, 2.2 under item 2; a), b) under any
    /// item. This is what the editor does after a move, insert or delete.
    pub fn renumber_headings(&mut self) {
        fn number_children(children: &mut [Section], parent: Option<(&Level, &str)>) {
            let mut counts = [0u32; 4];
            for s in children.iter_mut() {
                let idx = (s.heading.level.depth() - 1) as usize;
                counts[idx] += 1;
                let n = counts[idx];
                s.heading.number = match s.heading.level {
                    Level::Part => roman(n),
                    Level::Item => n.to_string(),
                    Level::SubItem => match parent {
                        Some((Level::Item, num)) => format!("{num}.{n}"),
                        _ => format!("{n}.{n}"),
                    },
                    Level::Point => POINT_LETTERS
                        .get(n as usize - 1)
                        .copied()
                        .unwrap_or("z")
                        .to_string(),
                };
                let level = s.heading.level;
                let number = s.heading.number.clone();
                number_children(&mut s.children, Some((&level, &number)));
            }
        }
        number_children(&mut self.sections, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: u32, level: Level, number: &str, children: Vec<Section>) -> Section {
        Section {
            id: BlockId(id),
            heading: Heading {
                level,
                number: number.into(),
                title: vec![],
                origin: None,
            },
            blocks: vec![],
            children,
        }
    }

    #[test]
    fn blocks_are_stored_and_read_in_the_same_shape() {
        let para = Block::Paragraph(Paragraph {
            id: BlockId(3),
            inlines: vec![Inline::text("Thu 1.250 triệu đồng")],
            origin: None,
        });
        let table = Block::Table(Table {
            id: BlockId(4),
            title: "Kết quả thu".into(),
            unit: "ĐVT: triệu đồng".into(),
            columns: vec!["Chỉ tiêu".into(), "Số".into()],
            rows: vec![vec!["Thu ngân sách".into(), "1.250".into()]],
            layout: TableLayout {
                more_header_rows: 0,
                spans: vec![],
                widths: vec![60, 40],
            },
            origin: None,
        });
        let stored = serde_json::to_value([&para, &table]).unwrap();
        assert_eq!(
            stored,
            serde_json::json!([
                {"kind": "paragraph", "id": 3, "inlines": [{"text": "Thu 1.250 triệu đồng"}]},
                {"kind": "table", "id": 4, "title": "Kết quả thu", "unit": "ĐVT: triệu đồng",
                 "columns": ["Chỉ tiêu", "Số"], "rows": [["Thu ngân sách", "1.250"]],
                 "layout": {"widths": [60, 40]}}
            ])
        );
        let read: Vec<Block> = serde_json::from_value(stored.clone()).unwrap();
        assert_eq!(read, [para.clone(), table]);
        let read: Vec<Block> = serde_json::from_str(&stored.to_string()).unwrap();
        assert_eq!(read[0], para);
        // The kind may come last; a table without title, unit or layout
        // (older drafts) reads with them empty.
        let read: Block =
            serde_json::from_str(r#"{"id": 9, "columns": ["A"], "rows": [], "kind": "table"}"#)
                .unwrap();
        assert_eq!(
            read,
            Block::Table(Table {
                id: BlockId(9),
                title: String::new(),
                unit: String::new(),
                columns: vec!["A".into()],
                rows: vec![],
                layout: TableLayout::default(),
                origin: None,
            })
        );
        // What a kind needs must be there; an unknown kind is an error.
        assert!(serde_json::from_str::<Block>(r#"{"kind": "paragraph", "id": 1}"#).is_err());
        assert!(
            serde_json::from_str::<Block>(r#"{"kind": "table", "id": 1, "rows": []}"#).is_err()
        );
        assert!(
            serde_json::from_str::<Block>(r#"{"kind": "image", "id": 1, "inlines": []}"#).is_err()
        );
    }

    #[test]
    fn text_targets_are_stored_as_kind_and_id_and_read_in_either_order() {
        use crate::{FootnoteId, TextTarget};
        let targets = [
            TextTarget::Paragraph(BlockId(3)),
            TextTarget::Heading(BlockId(5)),
            TextTarget::Footnote(FootnoteId(2)),
        ];
        let stored = serde_json::to_value(targets).unwrap();
        assert_eq!(
            stored,
            serde_json::json!([
                {"kind": "paragraph", "id": 3},
                {"kind": "heading", "id": 5},
                {"kind": "footnote", "id": 2}
            ])
        );
        let read: Vec<TextTarget> = serde_json::from_value(stored).unwrap();
        assert_eq!(read, targets);
        let read: TextTarget = serde_json::from_str(r#"{"id": 7, "kind": "footnote"}"#).unwrap();
        assert_eq!(read, TextTarget::Footnote(FootnoteId(7)));
        assert!(serde_json::from_str::<TextTarget>(r#"{"kind": "cell", "id": 1}"#).is_err());
    }

    #[test]
    fn roman_numerals_round_trip() {
        for n in 1..40 {
            assert_eq!(parse_roman(&roman(n)), Some(n));
        }
        assert_eq!(roman(4), "IV");
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("IC"), None);
        assert_eq!(parse_roman("A"), None);
    }

    #[test]
    fn renumbering_follows_place_in_tree() {
        let mut body = Body {
            appendices: vec![],
            intro: vec![],
            sections: vec![
                section(
                    1,
                    Level::Part,
                    "V",
                    vec![
                        section(2, Level::Item, "7", vec![]),
                        section(
                            3,
                            Level::Item,
                            "7",
                            vec![
                                section(4, Level::SubItem, "1.1", vec![]),
                                section(5, Level::SubItem, "9.9", vec![]),
                                section(6, Level::Point, "x", vec![]),
                            ],
                        ),
                    ],
                ),
                section(7, Level::Part, "I", vec![]),
            ],
        };
        body.renumber_headings();
        let numbers: Vec<String> = body
            .sections_flat()
            .iter()
            .map(|s| s.heading.label())
            .collect();
        assert_eq!(numbers, ["I.", "1.", "2.", "2.1.", "2.2.", "a)", "II."]);
        assert_eq!(body.max_id(), BlockId(7));
    }

    #[test]
    fn merged_cells_follow_rows_and_columns_inserted_and_removed() {
        let span = |row, col, cols, rows| CellSpan {
            row,
            col,
            cols,
            rows,
        };
        let mut l = TableLayout {
            more_header_rows: 1,
            spans: vec![span(0, 0, 1, 2), span(0, 2, 2, 1), span(3, 1, 1, 2)],
            widths: vec![10, 40, 20, 20],
        };
        // A data row inserted before grid row 3: the merge below moves down.
        l.shift(true, 3, 1);
        assert_eq!(l.spans[2], span(4, 1, 1, 2));
        // A row inserted inside a merge makes it one row taller.
        l.shift(true, 5, 1);
        assert_eq!(l.spans[2], span(4, 1, 1, 3));
        assert_eq!(l.more_header_rows, 1);
        // A column inside "Kết quả" widens it; widths follow.
        l.shift(false, 3, 1);
        assert_eq!(l.spans[1], span(0, 2, 3, 1));
        assert_eq!(l.widths.len(), 5);
        // Removing the second header row leaves the STT cell one row high:
        // no merge any more; the merge below moves up.
        l.shift(true, 1, -1);
        assert_eq!(l.more_header_rows, 0);
        assert_eq!(l.spans, [span(0, 2, 3, 1), span(3, 1, 1, 3)]);
        l.shift(false, 0, -1);
        assert_eq!(l.widths.len(), 4);
    }

    #[test]
    fn origin_maps_offsets_to_lines() {
        let o = Origin {
            line: 25,
            breaks: vec![(100, 27)],
        };
        assert_eq!(o.line_at(0), 25);
        assert_eq!(o.line_at(99), 25);
        assert_eq!(o.line_at(100), 27);
        assert_eq!(o.line_at(500), 27);
    }
}

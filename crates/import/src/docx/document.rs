//! `document.xml` (and the footnote parts) → paragraphs and tables in reading
//! order, with the labels of automatic numbering, run formatting, footnote
//! markers, field results and tracked insertions; what the report model does
//! not hold (images, text boxes, shapes, comments, deletions) is counted.

use super::dom::Node;
use super::legacy::Legacy;
use super::numbering::Numbering;
use super::styles::{RunProps, Styles};
use baocao_model::{FootnoteId, Inline, Style};

/// What was left out of the report, for the one-line message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub images: u32,
    pub text_boxes: u32,
    /// Drawn shapes and lines (the rule under the agency name, arrows, …).
    pub shapes: u32,
    pub comments: u32,
    /// Tracked deletions not taken (their text is not in the report).
    pub deletions: u32,
    /// Embedded objects (an Excel sheet, an equation object).
    pub objects: u32,
}

impl Dropped {
    /// "Đã bỏ 2 hình ảnh và 1 hộp văn bản." — or None when nothing was left out.
    /// Shapes are counted but not named: a drawn line under the agency name is
    /// part of the layout the writer draws itself.
    pub fn message_vi(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.images, "hình ảnh"),
            (self.text_boxes, "hộp văn bản"),
            (self.objects, "đối tượng nhúng"),
            (self.comments, "chú thích (comment)"),
            (self.deletions, "đoạn đã xóa khi theo dõi thay đổi"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let list = match parts.len() {
            0 => return None,
            1 => parts[0].clone(),
            n => format!("{} và {}", parts[..n - 1].join(", "), parts[n - 1]),
        };
        Some(format!("Đã bỏ {list}."))
    }
}

/// A paragraph as the reader sees it.
#[derive(Clone, Debug, Default)]
pub struct Para {
    /// The label of automatic numbering ("1.", "a)", "-"), if any.
    pub label: Option<String>,
    pub inlines: Vec<Inline>,
    pub centered: bool,
}

impl Para {
    /// The text with its label, as one line.
    pub fn text(&self) -> String {
        let body = baocao_model::plain_text(&self.inlines);
        match &self.label {
            Some(l) if !l.is_empty() => format!("{l} {}", body.trim_start()),
            _ => body,
        }
    }
}

/// How a cell takes part in a vertical merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VMerge {
    None,
    Restart,
    Continue,
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub paras: Vec<Para>,
    pub span: u32,
    pub vmerge: VMerge,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Repeated as a header row on every page (`w:tblHeader`).
    pub header: bool,
}

#[derive(Clone, Debug)]
pub struct Tbl {
    pub grid: Vec<u32>,
    pub rows: Vec<Row>,
    /// Whether any side or inside border is drawn (a layout table has none).
    pub bordered: bool,
}

#[derive(Clone, Debug)]
pub enum Item {
    Para(Para),
    Table(Tbl),
}

/// A footnote reference met in the body: which part and id it names, and the
/// custom mark it shows instead of a number, if any.
#[derive(Clone, Debug)]
pub struct NoteRef {
    pub endnote: bool,
    pub id: String,
    pub custom_mark: Option<String>,
}

/// The walk over the parts.
pub struct Reader<'a> {
    pub styles: &'a Styles,
    pub numbering: Numbering,
    pub dropped: Dropped,
    /// Footnote references in reading order; `Inline::Note(n)` is the n-th.
    pub notes: Vec<NoteRef>,
    /// Sections (`w:sectPr`) met.
    pub sections: u32,
    /// Open complex fields: whether each is past its instruction (showing
    /// its result).
    fields: Vec<bool>,
    /// Whether the walk is inside a footnote (its own references are marks).
    in_note: bool,
}

/// Whether a table's borders draw anything.
fn has_borders(tbl: &Node, styles_bordered: bool) -> bool {
    let borders = tbl.child("tblPr").and_then(|p| p.child("tblBorders"));
    match borders {
        Some(b) => b
            .elements()
            .any(|side| !matches!(side.attr("val"), Some("nil") | Some("none") | None)),
        None => styles_bordered,
    }
}

impl<'a> Reader<'a> {
    pub fn new(styles: &'a Styles, numbering: Numbering) -> Self {
        Reader {
            styles,
            numbering,
            dropped: Dropped::default(),
            notes: Vec::new(),
            sections: 0,
            fields: Vec::new(),
            in_note: false,
        }
    }

    /// The blocks of a container (the body, a cell, a content control).
    pub fn blocks(&mut self, container: &Node, out: &mut Vec<Item>) {
        for n in container.elements() {
            match n.name.as_str() {
                "p" => {
                    let p = self.paragraph(n);
                    out.push(Item::Para(p));
                }
                "tbl" => out.push(Item::Table(self.table(n))),
                "sectPr" => self.sections += 1,
                "sdt" => {
                    if let Some(c) = n.child("sdtContent") {
                        self.blocks(c, out);
                    }
                }
                "customXml" | "ins" | "moveTo" | "smartTag" => self.blocks(n, out),
                "del" | "moveFrom" => self.dropped.deletions += 1,
                "AlternateContent" => {
                    if let Some(c) = n.child("Choice") {
                        self.blocks(c, out);
                    }
                }
                // Content kept in another format (HTML, RTF) inside the package.
                "altChunk" => self.dropped.objects += 1,
                _ => {}
            }
        }
    }

    fn table(&mut self, tbl: &Node) -> Tbl {
        // A table style ("TableGrid") draws borders unless the table says none.
        let styled = tbl
            .child("tblPr")
            .and_then(|p| p.child_val("tblStyle"))
            .is_some_and(|s| s != "TableNormal");
        let grid = tbl
            .child("tblGrid")
            .map(|g| {
                g.elements()
                    .filter(|c| c.name == "gridCol")
                    .map(|c| c.attr("w").and_then(|w| w.parse().ok()).unwrap_or(0))
                    .collect()
            })
            .unwrap_or_default();
        // Rows, also those inside a content control or custom XML.
        fn collect<'n>(node: &'n Node, out: &mut Vec<&'n Node>) {
            for e in node.elements() {
                match e.name.as_str() {
                    "tr" => out.push(e),
                    "sdt" => {
                        if let Some(c) = e.child("sdtContent") {
                            collect(c, out);
                        }
                    }
                    "customXml" => collect(e, out),
                    _ => {}
                }
            }
        }
        let mut trs = Vec::new();
        collect(tbl, &mut trs);
        let mut rows = Vec::new();
        for tr in trs {
            let header = tr
                .child("trPr")
                .and_then(|p| p.child("tblHeader"))
                .is_some_and(|h| !matches!(h.attr("val"), Some("0") | Some("false")));
            let mut cells = Vec::new();
            self.cells(tr, &mut cells);
            rows.push(Row { cells, header });
        }
        Tbl {
            grid,
            rows,
            bordered: has_borders(tbl, styled),
        }
    }

    fn cells(&mut self, container: &Node, cells: &mut Vec<Cell>) {
        for tc in container.elements() {
            match tc.name.as_str() {
                "tc" => {}
                "sdt" => {
                    if let Some(c) = tc.child("sdtContent") {
                        self.cells(c, cells);
                    }
                    continue;
                }
                "customXml" => {
                    self.cells(tc, cells);
                    continue;
                }
                _ => continue,
            }
            let pr = tc.child("tcPr");
            let span = pr
                .and_then(|p| p.child_val("gridSpan"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(1u32)
                .clamp(1, 64);
            let vmerge = match pr.and_then(|p| p.child("vMerge")) {
                None => VMerge::None,
                Some(v) if v.attr("val") == Some("restart") => VMerge::Restart,
                Some(_) => VMerge::Continue,
            };
            let mut items = Vec::new();
            self.blocks(tc, &mut items);
            // A table inside a cell: its cells' paragraphs, in order.
            let mut paras = Vec::new();
            fn flatten(items: Vec<Item>, out: &mut Vec<Para>) {
                for i in items {
                    match i {
                        Item::Para(p) => out.push(p),
                        Item::Table(t) => {
                            for r in t.rows {
                                for c in r.cells {
                                    out.extend(c.paras);
                                }
                            }
                        }
                    }
                }
            }
            flatten(items, &mut paras);
            cells.push(Cell {
                paras,
                span,
                vmerge,
            });
        }
    }

    /// A paragraph: its numbering label, runs and alignment.
    pub fn paragraph(&mut self, p: &Node) -> Para {
        let ppr = p.child("pPr");
        if ppr.and_then(|p| p.child("sectPr")).is_some() {
            self.sections += 1;
        }
        let style_id = ppr.and_then(|p| p.child_val("pStyle"));
        let style = self.styles.paragraph(style_id);
        let jc = ppr
            .and_then(|p| p.child_val("jc"))
            .map(str::to_string)
            .or(style.jc.clone());
        // Numbering: the paragraph's own numPr over its style's.
        let own = ppr.and_then(|p| p.child("numPr"));
        let num_id = own
            .and_then(|n| n.child_val("numId"))
            .map(str::to_string)
            .or(style.num.num_id.clone());
        let level = own
            .and_then(|n| n.child_val("ilvl"))
            .and_then(|v| v.parse().ok())
            .or(style.num.level)
            .unwrap_or(0);
        let mut inlines = Vec::new();
        self.inline_children(p, &style.run, &mut inlines);
        let label = match num_id.as_deref() {
            // numId 0: numbering switched off for this paragraph.
            Some("0") | None => None,
            Some(id) => self.numbering.next_label(id, level),
        };
        Para {
            label,
            inlines: merge(inlines),
            centered: matches!(jc.as_deref(), Some("center")),
        }
    }

    fn inline_children(&mut self, node: &Node, para_run: &RunProps, out: &mut Vec<Inline>) {
        for n in node.elements() {
            match n.name.as_str() {
                "r" => self.run(n, para_run, out),
                "hyperlink" | "smartTag" | "customXml" | "ins" | "moveTo" | "fldSimple" | "bdo"
                | "dir" | "sdtContent" => self.inline_children(n, para_run, out),
                "sdt" => {
                    if let Some(c) = n.child("sdtContent") {
                        self.inline_children(c, para_run, out);
                    }
                }
                "del" | "moveFrom" => self.dropped.deletions += 1,
                "AlternateContent" => {
                    if let Some(c) = n.child("Choice") {
                        self.inline_children(c, para_run, out);
                    }
                }
                "oMath" | "oMathPara" => {
                    // An equation: keep its text.
                    let mut ts = Vec::new();
                    n.descendants("t", &mut ts);
                    let text: String = ts.iter().map(|t| t.text()).collect();
                    out.push(Inline::text(text));
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Node, para_run: &RunProps, out: &mut Vec<Inline>) {
        let own = r.child("rPr").map(RunProps::read).unwrap_or_default();
        let char_style = r
            .child("rPr")
            .and_then(|p| p.child_val("rStyle"))
            .map(|id| self.styles.character(id))
            .unwrap_or_default();
        let props = para_run.with(&char_style).with(&own);
        if props.hidden == Some(true) {
            return;
        }
        let style = Style {
            bold: props.bold.unwrap_or(false),
            italic: props.italic.unwrap_or(false),
            sup: props.vert.as_deref() == Some("superscript"),
            sub: props.vert.as_deref() == Some("subscript"),
            underline: props.underline.unwrap_or(false),
        };
        let legacy = props.font.as_deref().and_then(Legacy::of_font);
        let caps = props.caps == Some(true);
        let mut text = String::new();
        let flush = |text: &mut String, out: &mut Vec<Inline>| {
            if text.is_empty() {
                return;
            }
            let mut t = std::mem::take(text);
            if let Some(l) = legacy {
                t = l.decode(&t);
            }
            t = crate::normalize(&t);
            if caps {
                t = baocao_model::case::upper(&t);
            }
            out.push(Inline::styled(t, style));
        };
        // After a reference with a custom mark, the run's text is that mark.
        let mut custom_mark = false;
        for n in r.elements() {
            let in_instruction = self.fields.last() == Some(&false);
            match n.name.as_str() {
                "fldChar" => match n.attr("fldCharType") {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut() {
                            *f = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                _ if in_instruction => {}
                "t" if custom_mark => {
                    if let Some(last) = self.notes.last_mut() {
                        last.custom_mark
                            .get_or_insert_with(String::new)
                            .push_str(&n.text());
                    }
                }
                "t" => text.push_str(&n.text()),
                "tab" | "ptab" => text.push('\t'),
                // A page or column break is layout, not text.
                "br" | "cr" if n.attr("type").is_none_or(|t| t == "textWrapping") => {
                    text.push('\n');
                }
                "noBreakHyphen" => text.push('-'),
                "sym" => {
                    // A symbol-font character: keep the common ones as text.
                    if let Some(c) = n
                        .attr("char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .map(|v| if v >= 0xF000 { v - 0xF000 } else { v })
                        .and_then(char::from_u32)
                        .filter(|c| c.is_ascii_graphic())
                    {
                        text.push(c);
                    }
                }
                "footnoteReference" | "endnoteReference" if !self.in_note => {
                    flush(&mut text, out);
                    self.notes.push(NoteRef {
                        endnote: n.name == "endnoteReference",
                        id: n.attr("id").unwrap_or("").to_string(),
                        custom_mark: None,
                    });
                    out.push(Inline::Note(FootnoteId(self.notes.len() as u32)));
                    custom_mark = matches!(n.attr("customMarkFollows"), Some("1" | "true" | "on"));
                }
                "commentReference" => self.dropped.comments += 1,
                "drawing" => self.drawing(n),
                "pict" => self.vml(n),
                "object" => self.dropped.objects += 1,
                "AlternateContent" => {
                    if let Some(c) = n.child("Choice") {
                        for d in c.elements() {
                            match d.name.as_str() {
                                "drawing" => self.drawing(d),
                                "pict" => self.vml(d),
                                "object" => self.dropped.objects += 1,
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        flush(&mut text, out);
    }

    fn drawing(&mut self, d: &Node) {
        if d.contains("txbx") || d.contains("txbxContent") {
            self.dropped.text_boxes += 1;
        } else if d.contains("pic") || d.contains("blip") {
            self.dropped.images += 1;
        } else if d.contains("chart") || d.contains("relIds") {
            self.dropped.objects += 1;
        } else {
            self.dropped.shapes += 1;
        }
    }

    fn vml(&mut self, p: &Node) {
        if p.contains("textbox") {
            self.dropped.text_boxes += 1;
        } else if p.contains("imagedata") {
            self.dropped.images += 1;
        } else {
            self.dropped.shapes += 1;
        }
    }

    /// The content of one footnote or endnote: its paragraphs, one space
    /// between, without the reference mark Word puts first.
    pub fn note(&mut self, note: &Node) -> Vec<Inline> {
        self.in_note = true;
        let mut items = Vec::new();
        self.blocks(note, &mut items);
        self.in_note = false;
        let mut out: Vec<Inline> = Vec::new();
        for item in items {
            let paras = match item {
                Item::Para(p) => vec![p],
                Item::Table(t) => t
                    .rows
                    .into_iter()
                    .flat_map(|r| r.cells.into_iter().flat_map(|c| c.paras))
                    .collect(),
            };
            for p in paras {
                let mut inlines = p.inlines;
                if let Some(label) = p.label.filter(|l| !l.is_empty()) {
                    inlines.insert(0, Inline::text(format!("{label} ")));
                }
                trim_inlines(&mut inlines);
                if inlines.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push(Inline::text(" "));
                }
                out.extend(inlines);
            }
        }
        merge(out)
    }
}

/// Joins neighbouring runs of one style.
pub fn merge(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(prev)), Inline::Text(run)) if prev.style == run.style => {
                prev.text.push_str(&run.text)
            }
            (_, Inline::Text(run)) if run.text.is_empty() => {}
            (_, i) => out.push(i),
        }
    }
    out
}

/// Trims spaces and tabs at both ends of inline content.
pub fn trim_inlines(inlines: &mut Vec<Inline>) {
    while let Some(Inline::Text(run)) = inlines.first_mut() {
        let t = run.text.trim_start().to_string();
        if t.is_empty() {
            inlines.remove(0);
        } else {
            run.text = t;
            break;
        }
    }
    while let Some(Inline::Text(run)) = inlines.last_mut() {
        let t = run.text.trim_end().to_string();
        if t.is_empty() {
            inlines.pop();
        } else {
            run.text = t;
            break;
        }
    }
}

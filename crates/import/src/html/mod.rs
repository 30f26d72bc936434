//! HTML (what Word, LibreOffice and browsers put on the clipboard as
//! `text/html`) → [`Report`], through the same assembly as the .docx reader
//! and so the same line classification as the text importer: this module
//! only turns markup into paragraphs, tables and footnotes.
//!
//! Read: paragraphs and headings (`<p>`, `<div>`, `<h1>`…, `<li>` with the
//! label of its list, Word's `mso-list:Ignore` labels), bold, italic,
//! underline, superscript and subscript from tags and inline styles, `<br>`,
//! tables (with `colspan`/`rowspan`), and footnotes: Word's (`#_ftn1` /
//! `<div id=ftn1>`), LibreOffice's (`sdfootnote1anc` / `<div
//! id="sdfootnote1">`), Google Docs' (`#ftnt1` / `#ftnt_ref1`), and a plain
//! page's paragraphs that open with a raised number. Left out: `<style>`,
//! `<script>`, `<head>`, comments, hidden text, `<o:p>`, images. Nothing is
//! fetched; input over [`MAX_HTML_SIZE`] is not read.

mod scan;
#[cfg(test)]
mod tests;

use crate::docx::assemble::{assemble, assemble_fragment, squeeze_inlines};
use crate::docx::document::{merge, trim_inlines, Cell, Item, Para, Row, Tbl, VMerge};
use baocao_model::{plain_text, FootnoteId, Inline, Style};
use baocao_model::{superscript_digit_value, Report};
use scan::{decode, Scanner, Token};

/// Larger clipboard HTML is not read (the caller pastes `text/plain`).
pub const MAX_HTML_SIZE: usize = 5 * 1024 * 1024;

/// How deep elements nest before further ones are read as mere content.
const MAX_DEPTH: usize = 256;

/// Pasted HTML, read: paragraphs and tables in reading order, and the
/// footnotes' content, the n-th for `Inline::Note(n)`.
#[derive(Clone, Debug)]
pub struct HtmlDoc {
    items: Vec<Item>,
    notes: Vec<Vec<Inline>>,
}

impl HtmlDoc {
    /// As a whole report (header lines, Nơi nhận and signature in their
    /// places), as `import_text` reads text.
    pub fn report(&self) -> Report {
        assemble(self.items.clone(), self.notes.clone())
    }

    /// As body content, block ids from `first_id`, as `import_fragment`
    /// reads pasted text.
    pub fn fragment(&self, first_id: u32) -> Report {
        assemble_fragment(self.items.clone(), self.notes.clone(), first_id)
    }

    /// The inline content of the one paragraph the HTML holds (its list
    /// label first), or None when it holds more (or a table).
    pub fn single_paragraph(&self) -> Option<Vec<Inline>> {
        match self.items.as_slice() {
            [Item::Para(p)] => {
                let mut inlines = squeeze_inlines(p.inlines.clone());
                if let Some(label) = p.label.as_deref().filter(|l| !l.is_empty()) {
                    inlines.insert(0, Inline::text(format!("{label} ")));
                }
                Some(merge(inlines))
            }
            _ => None,
        }
    }

    /// Whether it holds what `text/plain` loses: a footnote, a table, or
    /// bold, italic, underlined, raised or lowered text. When it does not,
    /// the plain text reads as well (and its markdown and raised digits are
    /// read as the text importer reads them).
    pub fn is_rich(&self) -> bool {
        let styled = |p: &Para| {
            p.inlines.iter().any(|i| match i {
                Inline::Text(run) => run.style != Style::default() && !run.text.trim().is_empty(),
                Inline::Note(_) => true,
            })
        };
        !self.notes.is_empty()
            || self.items.iter().any(|i| match i {
                Item::Para(p) => styled(p),
                Item::Table(_) => true,
            })
    }

    /// The footnotes' content, the n-th for `Inline::Note(n)`.
    pub fn notes(&self) -> &[Vec<Inline>] {
        &self.notes
    }
}

/// Reads clipboard HTML; None when it is too large or holds no text.
pub fn read_html(html: &str) -> Option<HtmlDoc> {
    if html.len() > MAX_HTML_SIZE {
        return None;
    }
    // Windows' "HTML Format" as written to the clipboard starts with a
    // header of offsets ("Version:0.9\r\nStartHTML:…"); browsers strip it,
    // other programs may not.
    let html = match html.find('<') {
        Some(i) if html.starts_with("Version:") && html[..i].contains("StartHTML:") => &html[i..],
        _ => html,
    };
    let mut r = Reader::default();
    for token in Scanner::new(html) {
        match token {
            Token::Start {
                name,
                attrs,
                closed,
            } => r.start(name, &attrs, closed),
            Token::End(name) => r.end(&name),
            Token::Text(raw) => r.text(raw),
        }
    }
    r.finish()
}

/// What closing an element does.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Plain,
    /// A block: the paragraph ends with it.
    Block,
    List,
    Table,
    Row,
    Cell,
    /// A nested table and its parts: block boundaries in the outer cell.
    Nested,
    /// A footnote's container (`<div id=ftn1>`): the note's key.
    Note(String),
}

#[derive(Clone, Debug)]
struct Open {
    name: String,
    kind: Kind,
    style: Style,
    /// Its content is not read (hidden, `<o:p>`, a marker's own number).
    skip: bool,
    centered: bool,
    /// Inside Word's `mso-list:Ignore`: the list label, not text.
    label: bool,
    pre: bool,
    /// Inside `<thead>`.
    head: bool,
}

impl Open {
    fn root() -> Self {
        Open {
            name: String::new(),
            kind: Kind::Plain,
            style: Style::default(),
            skip: false,
            centered: false,
            label: false,
            pre: false,
            head: false,
        }
    }
}

#[derive(Default)]
struct CellBuild {
    paras: Vec<Para>,
    colspan: u32,
    rowspan: u32,
}

#[derive(Default)]
struct RowBuild {
    cells: Vec<CellBuild>,
    header: bool,
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<RowBuild>,
    bordered: bool,
    cell_open: bool,
}

struct ListBuild {
    ordered: bool,
    kind: char,
    next: u32,
}

#[derive(Default)]
struct Reader {
    stack: Vec<Open>,
    items: Vec<Item>,
    /// The paragraph being read.
    inlines: Vec<Inline>,
    label_text: String,
    /// The label of the list item being read, for its first paragraph.
    item_label: Option<String>,
    /// A footnote's key, when this paragraph is one (Google Docs' notes).
    para_note: Option<String>,
    tables: Vec<TableBuild>,
    /// Tables open inside a table's cell.
    nested: u32,
    lists: Vec<ListBuild>,
    /// Footnote markers in reading order, by the key of their note.
    markers: Vec<String>,
    /// The notes' paragraphs, by key, in the order met.
    bodies: Vec<(String, Vec<Vec<Inline>>)>,
}

const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "frame",
];

const BLOCKS: [&str; 32] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "address",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "center",
    "main",
    "nav",
    "aside",
    "form",
    "fieldset",
    "legend",
    "caption",
    "body",
    "html",
    "thead",
];

/// Elements whose content is never text of the report.
const SKIPPED: [&str; 12] = [
    "head", "o:p", "xml", "svg", "object", "iframe", "select", "button", "template", "canvas",
    "video", "audio",
];

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `style="font-weight:bold; …"` as (property, value) pairs in lower case.
fn declarations(style: &str) -> impl Iterator<Item = (String, String)> + '_ {
    style.split(';').filter_map(|d| {
        let (p, v) = d.split_once(':')?;
        let v = v.trim().to_ascii_lowercase();
        let v = v.trim_end_matches("!important").trim().to_string();
        Some((p.trim().to_ascii_lowercase(), v))
    })
}

/// The key of the note an in-page link names: "#_ftn1" → "ftn1",
/// "#sdfootnote1sym" → "sdfootnote1", "#ftnt1" → "ftnt1".
enum Anchor {
    /// A footnote marker in the text, naming its note.
    Marker(String),
    /// The link back from a note to its marker, naming the note.
    Back(String),
    Other,
}

fn numbered(s: &str, prefix: &str) -> Option<String> {
    let digits = s.strip_prefix(prefix)?;
    (!digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.to_string())
}

fn classify_anchor(href: &str) -> Anchor {
    let Some(h) = href.trim().strip_prefix('#') else {
        return Anchor::Other;
    };
    let h = h.trim_start_matches('_').to_ascii_lowercase();
    for kind in ["sdfootnote", "sdendnote"] {
        if let Some(core) = h.strip_suffix("sym") {
            if let Some(n) = numbered(core, kind) {
                return Anchor::Marker(format!("{kind}{n}"));
            }
        }
        if let Some(core) = h.strip_suffix("anc") {
            if let Some(n) = numbered(core, kind) {
                return Anchor::Back(format!("{kind}{n}"));
            }
        }
    }
    for (back, key) in [("ftnref", "ftn"), ("ednref", "edn"), ("ftnt_ref", "ftnt")] {
        if let Some(n) = numbered(&h, back) {
            return Anchor::Back(format!("{key}{n}"));
        }
    }
    for key in ["ftnt", "ftn", "edn"] {
        if let Some(n) = numbered(&h, key) {
            return Anchor::Marker(format!("{key}{n}"));
        }
    }
    Anchor::Other
}

/// The key of a note's container: `<div id=ftn1>`, `<div id="sdfootnote1">`.
fn note_container(id: &str) -> Option<String> {
    let id = id.trim_start_matches('_').to_ascii_lowercase();
    ["sdfootnote", "sdendnote", "ftn", "edn"]
        .iter()
        .find_map(|k| numbered(&id, k).map(|n| format!("{k}{n}")))
}

/// A list label read from Word's `mso-list:Ignore` span: numbering stays,
/// a bullet of any font becomes "-".
fn tidy_label(raw: &str) -> Option<String> {
    let label = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        return None;
    }
    let numbered = (label.ends_with('.') || label.ends_with(')'))
        && label.chars().any(|c| c.is_alphanumeric());
    Some(if numbered { label } else { "-".into() })
}

impl ListBuild {
    /// The label of the next item: "1.", "a)", "II.", "-".
    fn next_label(&mut self) -> String {
        if !self.ordered {
            return "-".into();
        }
        let n = self.next;
        self.next = self.next.saturating_add(1);
        match self.kind {
            'a' | 'A' if (1..=26).contains(&n) => {
                let c = char::from(b'a' + (n - 1) as u8);
                if self.kind == 'a' {
                    format!("{c})")
                } else {
                    format!("{}.", c.to_ascii_uppercase())
                }
            }
            'i' | 'I' if (1..4000).contains(&n) => format!("{}.", baocao_model::roman(n)),
            _ => format!("{n}."),
        }
    }
}

impl Reader {
    fn top(&self) -> Open {
        self.stack.last().cloned().unwrap_or_else(Open::root)
    }

    fn in_note(&self) -> bool {
        self.para_note.is_some() || self.stack.iter().any(|o| matches!(o.kind, Kind::Note(_)))
    }

    fn start(&mut self, name: String, attrs: &[(String, String)], closed: bool) {
        // Implied ends: a new paragraph, item, cell or row closes the open one.
        match name.as_str() {
            "p" => self.close_open("p", &["div", "td", "th", "li", "table", "body"]),
            "li" => self.close_open("li", &["ol", "ul", "table"]),
            "td" | "th" => self.close_open_any(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_open("tr", &["table"]),
            "body" => self.close_open("head", &[]),
            _ => {}
        }
        let parent = self.top();
        if name == "br" {
            if !parent.skip {
                self.line_break();
            }
            return;
        }
        let is_block = BLOCKS.contains(&name.as_str())
            || matches!(
                name.as_str(),
                "table" | "tr" | "td" | "th" | "ol" | "ul" | "hr"
            );
        if is_block {
            self.flush();
        }
        if VOID.contains(&name.as_str()) || closed {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let mut open = Open {
            name: name.clone(),
            kind: if is_block { Kind::Block } else { Kind::Plain },
            ..parent.clone()
        };
        if SKIPPED.contains(&name.as_str()) || attr(attrs, "hidden").is_some() {
            open.skip = true;
        }
        let style = &mut open.style;
        match name.as_str() {
            "b" | "strong" => style.bold = true,
            "i" | "em" | "cite" | "dfn" => style.italic = true,
            "u" | "ins" => style.underline = true,
            "sup" => (style.sup, style.sub) = (true, false),
            "sub" => (style.sub, style.sup) = (true, false),
            "center" => open.centered = true,
            "pre" => open.pre = true,
            "thead" => open.head = true,
            _ => {}
        }
        if attr(attrs, "align").is_some_and(|a| a.eq_ignore_ascii_case("center")) {
            open.centered = true;
        }
        if let Some(css) = attr(attrs, "style") {
            for (p, v) in declarations(css) {
                let style = &mut open.style;
                match p.as_str() {
                    "font-weight" => {
                        style.bold = match v.as_str() {
                            "bold" | "bolder" => true,
                            "normal" | "lighter" => false,
                            n => n.parse::<u32>().map_or(style.bold, |w| w >= 600),
                        }
                    }
                    "font-style" => style.italic = v == "italic" || v == "oblique",
                    "text-decoration" | "text-decoration-line" => {
                        style.underline = v.contains("underline")
                    }
                    "text-underline" => style.underline = v != "none",
                    "vertical-align" => match v.as_str() {
                        "super" => (style.sup, style.sub) = (true, false),
                        "sub" => (style.sub, style.sup) = (true, false),
                        "baseline" => (style.sub, style.sup) = (false, false),
                        _ => {}
                    },
                    "display" if v == "none" => open.skip = true,
                    "visibility" if v == "hidden" => open.skip = true,
                    "mso-hide" if v == "all" => open.skip = true,
                    "mso-list" if v == "ignore" => open.label = true,
                    "text-align" => open.centered = v == "center",
                    _ => {}
                }
            }
        }
        match name.as_str() {
            "a" => match classify_anchor(attr(attrs, "href").unwrap_or("")) {
                Anchor::Marker(key) => {
                    if !parent.skip && !self.in_note() {
                        self.inlines
                            .push(Inline::Note(FootnoteId(self.markers.len() as u32 + 1)));
                        self.markers.push(key);
                    }
                    open.skip = true;
                }
                Anchor::Back(key) => {
                    if !self.stack.iter().any(|o| matches!(o.kind, Kind::Note(_))) {
                        self.para_note = Some(key);
                    }
                    open.skip = true;
                }
                Anchor::Other => {}
            },
            "table" => {
                if self.tables.is_empty() {
                    let border = attr(attrs, "border")
                        .and_then(|b| b.trim().parse::<u32>().ok())
                        .is_some_and(|b| b > 0);
                    let solid = attr(attrs, "style").is_some_and(|s| s.contains("solid"));
                    self.tables.push(TableBuild {
                        bordered: border || solid,
                        ..TableBuild::default()
                    });
                    open.kind = Kind::Table;
                } else {
                    self.nested += 1;
                    open.kind = Kind::Nested;
                }
            }
            "tr" if self.nested == 0 && !self.tables.is_empty() => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell_open = false;
                    t.rows.push(RowBuild {
                        cells: Vec::new(),
                        header: open.head,
                    });
                }
                open.kind = Kind::Row;
            }
            "td" | "th" if self.nested == 0 && !self.tables.is_empty() => {
                let span = |a: &str, cap: u32| {
                    attr(attrs, a)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(1)
                        .clamp(1, cap)
                };
                let cell = CellBuild {
                    paras: Vec::new(),
                    colspan: span("colspan", 64),
                    rowspan: span("rowspan", 1000),
                };
                let solid = attr(attrs, "style").is_some_and(|s| s.contains("solid"));
                if let Some(t) = self.tables.last_mut() {
                    if t.rows.is_empty() {
                        t.rows.push(RowBuild::default());
                    }
                    if let Some(row) = t.rows.last_mut() {
                        if name == "td" {
                            row.header = false;
                        } else if row.cells.is_empty() {
                            row.header = true;
                        }
                        row.cells.push(cell);
                    }
                    t.cell_open = true;
                    t.bordered |= solid;
                }
                open.kind = Kind::Cell;
            }
            "ol" | "ul" => {
                let kind = attr(attrs, "type")
                    .and_then(|t| t.chars().next())
                    .unwrap_or('1');
                let start = attr(attrs, "start")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.lists.push(ListBuild {
                    ordered: name == "ol",
                    kind,
                    next: start,
                });
                open.kind = Kind::List;
            }
            "li" => {
                self.item_label = self.lists.last_mut().map(ListBuild::next_label);
            }
            _ => {}
        }
        if let Some(key) = attr(attrs, "id").and_then(note_container) {
            open.kind = Kind::Note(key);
        }
        self.stack.push(open);
    }

    /// Closes an open `name` when it is above the nearest of `scope`.
    fn close_open(&mut self, name: &str, scope: &[&str]) {
        self.close_open_any(&[name], scope);
    }

    fn close_open_any(&mut self, names: &[&str], scope: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i].name.as_str();
            if names.contains(&n) {
                self.pop_to(i);
                return;
            }
            if scope.contains(&n) {
                return;
            }
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            // "</br>" is read as "<br>" by browsers.
            if !self.top().skip {
                self.line_break();
            }
            return;
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == name) {
            self.pop_to(i);
        } else if name == "p" {
            // "</p>" with no "<p>": browsers read an empty paragraph.
            self.flush();
        }
    }

    /// Closes the elements from `i` up.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let kind = self.stack.last().map(|o| o.kind.clone());
            if kind != Some(Kind::Plain) {
                self.flush();
            }
            self.stack.pop();
            match kind {
                Some(Kind::List) => {
                    self.lists.pop();
                }
                Some(Kind::Table) => self.finish_table(),
                Some(Kind::Nested) => self.nested = self.nested.saturating_sub(1),
                Some(Kind::Cell) => {
                    if let Some(t) = self.tables.last_mut() {
                        t.cell_open = false;
                    }
                }
                Some(Kind::Block) if self.stack.iter().all(|o| o.name != "li") => {
                    self.item_label = None;
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, raw: &str) {
        let top = self.top();
        if top.skip {
            return;
        }
        let decoded = decode(raw);
        let text: String = decoded
            .chars()
            .map(|c| match c {
                '\n' if top.pre => '\n',
                ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}' => ' ',
                c => c,
            })
            .collect();
        if top.label {
            self.label_text.push_str(&text);
            return;
        }
        if text.is_empty() {
            return;
        }
        match self.inlines.last_mut() {
            Some(Inline::Text(run)) if run.style == top.style => run.text.push_str(&text),
            _ => self.inlines.push(Inline::styled(text, top.style)),
        }
    }

    /// `<br>`: a soft line break; a second one in a row ends the paragraph.
    fn line_break(&mut self) {
        let ends_in_break = match self.inlines.last() {
            Some(Inline::Text(run)) => run.text.trim_end_matches(' ').ends_with('\n'),
            _ => false,
        };
        if ends_in_break {
            self.flush();
            return;
        }
        let style = self.top().style;
        self.inlines.push(Inline::styled("\n", style));
    }

    /// Ends the paragraph being read and puts it where it belongs.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.inlines);
        let label_text = std::mem::take(&mut self.label_text);
        let note = self.para_note.take();
        let inlines: Vec<Inline> = raw
            .into_iter()
            .filter_map(|i| match i {
                Inline::Text(run) => {
                    let text = crate::normalize(&run.text);
                    (!text.is_empty()).then(|| Inline::styled(text, run.style))
                }
                note => Some(note),
            })
            .collect();
        let has_content = inlines.iter().any(|i| match i {
            Inline::Text(run) => !run.text.trim().is_empty(),
            Inline::Note(_) => true,
        });
        if !has_content {
            return;
        }
        let inlines = merge(inlines);
        let label = tidy_label(&crate::normalize(&label_text)).or_else(|| self.item_label.take());
        let centered = self.top().centered;
        let container = self.stack.iter().rev().find_map(|o| match &o.kind {
            Kind::Note(key) => Some(key.clone()),
            _ => None,
        });
        if let Some(key) = note.or(container) {
            let mut inlines = squeeze_inlines(inlines);
            if let Some(l) = label {
                inlines.insert(0, Inline::text(format!("{l} ")));
            }
            match self.bodies.iter_mut().find(|(k, _)| *k == key) {
                Some((_, paras)) => paras.push(inlines),
                None => self.bodies.push((key, vec![inlines])),
            }
            return;
        }
        let para = Para {
            label,
            inlines,
            centered,
        };
        let table = self.tables.last_mut().filter(|t| t.cell_open);
        match table
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.cells.last_mut())
        {
            Some(cell) => cell.paras.push(para),
            None => self.items.push(Item::Para(para)),
        }
    }

    /// A table read: its cells on the grid (a cell that `rowspan` covers is a
    /// continued vertical merge, as in a .docx). A table of one cell is the
    /// frame of a page layout: its paragraphs are read as paragraphs.
    fn finish_table(&mut self) {
        let Some(t) = self.tables.pop() else {
            return;
        };
        let cells: usize = t.rows.iter().map(|r| r.cells.len()).sum();
        if cells <= 1 {
            for row in t.rows {
                for cell in row.cells {
                    self.items.extend(cell.paras.into_iter().map(Item::Para));
                }
            }
            return;
        }
        // Columns a rowspan still covers: (column, rows left, columns).
        let mut pending: Vec<(u32, u32, u32)> = Vec::new();
        let mut rows = Vec::with_capacity(t.rows.len());
        for row in t.rows {
            let mut out: Vec<Cell> = Vec::with_capacity(row.cells.len());
            let mut col = 0u32;
            let cover = |col: &mut u32, out: &mut Vec<Cell>, pending: &mut Vec<(u32, u32, u32)>| {
                while let Some(p) = pending.iter_mut().find(|p| p.0 == *col && p.1 > 0) {
                    p.1 -= 1;
                    out.push(Cell {
                        paras: Vec::new(),
                        span: p.2,
                        vmerge: VMerge::Continue,
                    });
                    *col += p.2;
                }
            };
            for cell in row.cells {
                cover(&mut col, &mut out, &mut pending);
                let vmerge = if cell.rowspan > 1 {
                    pending.retain(|p| p.0 != col);
                    pending.push((col, cell.rowspan - 1, cell.colspan));
                    VMerge::Restart
                } else {
                    VMerge::None
                };
                out.push(Cell {
                    paras: cell.paras,
                    span: cell.colspan,
                    vmerge,
                });
                col += cell.colspan;
            }
            // Merges running down past the row's last cell.
            let mut rest: Vec<u32> = pending
                .iter()
                .filter(|p| p.0 >= col && p.1 > 0)
                .map(|p| p.0)
                .collect();
            rest.sort_unstable();
            for c in rest {
                if c >= col {
                    col = c;
                    cover(&mut col, &mut out, &mut pending);
                }
            }
            pending.retain(|p| p.1 > 0);
            rows.push(Row {
                cells: out,
                header: row.header,
            });
        }
        self.items.push(Item::Table(Tbl {
            grid: Vec::new(),
            rows,
            bordered: t.bordered,
        }));
    }

    fn finish(mut self) -> Option<HtmlDoc> {
        self.pop_to(0);
        self.flush();
        while !self.tables.is_empty() {
            self.finish_table();
        }
        let mut notes: Vec<Vec<Inline>> = Vec::with_capacity(self.markers.len());
        for key in &self.markers {
            let content = self
                .bodies
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, paras)| join_paragraphs(paras))
                .unwrap_or_default();
            notes.push(content);
        }
        // Notes whose marker was not copied are kept, after the others.
        for (key, paras) in &self.bodies {
            if !self.markers.contains(key) {
                notes.push(join_paragraphs(paras));
            }
        }
        if self.markers.is_empty() && self.bodies.is_empty() {
            notes = raised_number_notes(&mut self.items);
        }
        let has_text = !notes.is_empty()
            || self.items.iter().any(|i| match i {
                Item::Para(p) => !p.text().trim().is_empty(),
                Item::Table(_) => true,
            });
        has_text.then_some(HtmlDoc {
            items: self.items,
            notes,
        })
    }
}

/// A note's paragraphs as one text, a space between.
fn join_paragraphs(paras: &[Vec<Inline>]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for p in paras {
        let mut p = p.clone();
        trim_inlines(&mut p);
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Inline::text(" "));
        }
        out.extend(p);
    }
    merge(out)
}

/// The number a raised run of digits shows ("12", or "¹²").
fn raised_number(run: &baocao_model::Run) -> Option<u32> {
    let t = run.text.trim();
    if t.is_empty() || t.len() > 8 {
        return None;
    }
    if run.style.sup && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    t.chars().try_fold(0u32, |n, c| {
        Some(n.saturating_mul(10) + superscript_digit_value(c)?)
    })
}

/// A plain page's footnotes, as the text importer reads them: a paragraph
/// that opens with a raised number is the note of that number, and a raised
/// number in the text that names one of them is its marker. The notes go
/// out of `items`; the markers become `Inline::Note` in reading order.
fn raised_number_notes(items: &mut Vec<Item>) -> Vec<Vec<Inline>> {
    let mut defs: Vec<(u32, Vec<Inline>)> = Vec::new();
    items.retain(|item| {
        let Item::Para(p) = item else { return true };
        if p.label.is_some() {
            return true;
        }
        let inlines = squeeze_inlines(p.inlines.clone());
        let Some((Inline::Text(first), rest)) = inlines.split_first() else {
            return true;
        };
        let Some(n) = raised_number(first) else {
            return true;
        };
        let mut rest = rest.to_vec();
        trim_inlines(&mut rest);
        if plain_text(&rest).trim().is_empty() {
            return true;
        }
        defs.push((n, merge(rest)));
        false
    });
    if defs.is_empty() {
        return Vec::new();
    }
    let mut notes: Vec<Vec<Inline>> = Vec::new();
    let mut used = vec![false; defs.len()];
    let mut mark = |inlines: &mut Vec<Inline>| {
        let mut out = Vec::with_capacity(inlines.len());
        for i in inlines.drain(..) {
            let n = match &i {
                Inline::Text(run) => raised_number(run).filter(|n| {
                    // "m²" is a unit, as the text importer reads it.
                    let before = match out.last() {
                        Some(Inline::Text(prev)) => prev.text.as_str(),
                        _ => "",
                    };
                    !(matches!(n, 2 | 3) && crate::inline::ends_with_unit(before))
                }),
                _ => None,
            };
            let def = n.and_then(|n| (0..defs.len()).find(|j| defs[*j].0 == n && !used[*j]));
            match def {
                Some(j) => {
                    used[j] = true;
                    notes.push(defs[j].1.clone());
                    out.push(Inline::Note(FootnoteId(notes.len() as u32)));
                }
                None => out.push(i),
            }
        }
        *inlines = out;
    };
    for item in items.iter_mut() {
        match item {
            Item::Para(p) => mark(&mut p.inlines),
            Item::Table(_) => {}
        }
    }
    for (j, (_, content)) in defs.iter().enumerate() {
        if !used[j] {
            notes.push(content.clone());
        }
    }
    notes
}

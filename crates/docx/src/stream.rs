//! The corrections of `conform` made in one pass over the text of the large
//! parts (the document, the footnotes, headers and footers), without the
//! element tree of `xml`: parsing a 100-page document into that tree,
//! walking it and writing it back took about 40% of the whole .docx (two
//! allocations per element and attribute). Each tag is read with the same
//! quick-xml parsers as `xml::parse` and written at once the way `xml::write`
//! writes it, so the bytes are exactly those of the tree path (`conform`'s
//! tests and the tests below hold the two to it); only what a correction
//! concerns is held back:
//!
//! - the children of the property elements whose order `conform` corrects
//!   are written as they come, their places noted, and moved into schema
//!   order when the element ends (most need no move);
//! - the section properties, few and small, are read into the tree and
//!   corrected there by `conform`'s own functions;
//! - a header row's `w:tblHeader` and a note's number run are put in when
//!   their row or paragraph ends, where the tree path puts them.
//!
//! Anything this pass does not expect (a part that does not parse, a section
//! where docx-rs never writes one) gives `None`, and `conform` takes the tree
//! path, which decides as before.

use super::conform::{self, Order};
use super::xml::{self, local, Element, Node};
use quick_xml::escape::{escape, unescape};
use quick_xml::events::BytesStart;
use quick_xml::parser::{ElementParser, Parser, PiParser};

/// Which part is corrected, with what it needs beyond the corrections of
/// every WordprocessingML part.
#[derive(Clone, Copy)]
pub enum Kind<'f> {
    /// A header or footer.
    Plain,
    /// word/document.xml, with the detail tables (their place among the
    /// body's tables, and how many rows repeat).
    Document(&'f [(usize, usize)]),
    /// word/footnotes.xml.
    Footnotes,
}

/// The part corrected, or `None` when the tree path must decide.
pub fn correct(part: &[u8], kind: Kind) -> Option<Vec<u8>> {
    let src = std::str::from_utf8(part).ok()?;
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let sections = match kind {
        Kind::Document(_) => sections(src)?,
        _ => Vec::new(),
    };
    let mut w = Writer {
        src,
        kind,
        out: Vec::with_capacity(src.len() + 4096),
        stack: Vec::with_capacity(32),
        spans: Vec::with_capacity(64),
        keys: Vec::with_capacity(8),
        scratch: Vec::new(),
        order: Vec::new(),
        sections,
        next_section: 0,
        tables: 0,
        bodies: 0,
        note_paragraph: None,
        root_done: false,
        number_run: Vec::new(),
    };
    if let Kind::Footnotes = kind {
        xml::write_element(&mut w.number_run, &conform::footnote_number_run());
    }
    w.run()?;
    (w.next_section == w.sections.len()).then_some(w.out)
}

/// What an open element is to the corrections.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Other,
    /// The document's body.
    Body,
    /// A table of the body; `header` rows at its top repeat (0: none).
    Table {
        header: usize,
        rows: usize,
    },
    /// A row that repeats: has its `w:trPr` come yet?
    HeaderRow {
        properties: bool,
    },
    /// The properties of a row that repeats: has its `w:tblHeader` come?
    HeaderRowProperties {
        marked: bool,
    },
    /// A note (not a separator): has its first paragraph come?
    Note {
        paragraph: bool,
    },
    /// A note's first paragraph: does it hold its number already, and where
    /// does the number go (after the leading `w:pPr`)?
    NoteParagraph {
        numbered: bool,
        leading: bool,
        at: usize,
    },
    /// Dropped with everything in it (a separator note, written anew).
    Dropped,
}

struct Frame<'a> {
    name: &'a str,
    /// The start tag is written up to its `>` (or `/>` if nothing follows).
    pending: bool,
    /// Where the children begin in the output, once the tag is closed.
    content: usize,
    /// The order the children take (a property element), and where their
    /// places begin among `spans`.
    order: Option<Order>,
    spans_from: usize,
    role: Role,
    /// This `w:pPr` holds a section already.
    section: bool,
}

struct Writer<'a, 'f> {
    src: &'a str,
    kind: Kind<'f>,
    out: Vec<u8>,
    stack: Vec<Frame<'a>>,
    /// (rank, start in the output) of the children of the open property
    /// elements, innermost last.
    spans: Vec<(usize, usize)>,
    /// The attribute names of the tag being read (no name twice).
    keys: Vec<&'a str>,
    scratch: Vec<u8>,
    order: Vec<usize>,
    /// The document's sections: where each stands in the text, and what
    /// it becomes.
    sections: Vec<(usize, usize, Element)>,
    next_section: usize,
    /// The body's tables so far.
    tables: usize,
    bodies: usize,
    /// The stack index of the note paragraph open, if any.
    note_paragraph: Option<usize>,
    root_done: bool,
    /// A note's number run, as written.
    number_run: Vec<u8>,
}

/// `raw` (text or an attribute value as it stands in the part) as
/// `xml::write` writes it after `xml::parse` read it: references resolved,
/// then quick-xml's escaping. Most text has nothing to escape either way.
fn put_escaped(out: &mut Vec<u8>, raw: &str) -> Option<()> {
    if raw
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        let text = unescape(raw).ok()?;
        out.extend_from_slice(escape(text.as_ref()).as_bytes());
    } else {
        out.extend_from_slice(raw.as_bytes());
    }
    Some(())
}

impl<'a> Writer<'a, '_> {
    fn run(&mut self) -> Option<()> {
        let src = self.src;
        let bytes = src.as_bytes();
        self.out.extend_from_slice(xml::DECLARATION);
        let mut pos = 0;
        while pos < bytes.len() {
            let lt = memchr_lt(&bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            if lt > pos {
                self.text(&src[pos..lt], false)?;
            }
            pos = lt;
            if pos >= bytes.len() {
                break;
            }
            let rest = &bytes[pos..];
            if rest.starts_with(b"<?") {
                let end = PiParser::default().feed(&rest[2..])?;
                pos += 2 + end + 1;
            } else if rest.starts_with(b"<!--") {
                pos += 4 + src[pos + 4..].find("-->")? + 3;
            } else if rest.starts_with(b"<![CDATA[") {
                let end = src[pos + 9..].find("]]>")?;
                self.text(&src[pos + 9..pos + 9 + end], true)?;
                pos += 9 + end + 3;
            } else if rest.starts_with(b"<!") {
                return None;
            } else if rest.starts_with(b"</") {
                let end = src[pos..].find('>')?;
                let name = src[pos + 2..pos + end].trim_end();
                self.end(name)?;
                pos += end + 1;
            } else {
                let end = ElementParser::default().feed(&rest[1..])?;
                let inner = &src[pos + 1..pos + 1 + end];
                pos += 1 + end + 1;
                match inner.strip_suffix('/') {
                    Some(inner) => {
                        if let Some(after) = self.start(inner.trim_end(), lt)? {
                            pos = after;
                        } else {
                            let name = self.stack.last()?.name;
                            self.end(name)?;
                        }
                    }
                    None => {
                        if let Some(after) = self.start(inner.trim_end(), lt)? {
                            pos = after;
                        }
                    }
                }
            }
        }
        (self.stack.is_empty() && self.root_done).then_some(())
    }

    /// Writes the `>` of the innermost start tag if it is still open, and
    /// notes the place of a child (of `rank`) about to be written.
    fn child(&mut self, rank: impl FnOnce(Order) -> usize) {
        if let Some(parent) = self.stack.last_mut() {
            if parent.pending {
                self.out.push(b'>');
                parent.pending = false;
                parent.content = self.out.len();
            }
            if let Some(order) = parent.order {
                self.spans.push((rank(order), self.out.len()));
            }
        }
    }

    fn text(&mut self, raw: &'a str, cdata: bool) -> Option<()> {
        let Some(parent) = self.stack.last_mut() else {
            // Outside the root only blank text may stand.
            return (!cdata && raw.trim().is_empty()).then_some(());
        };
        if parent.role == Role::Dropped {
            return Some(());
        }
        if let Role::NoteParagraph { leading, .. } = &mut parent.role {
            *leading = false;
        }
        self.child(|_| usize::MAX);
        if cdata {
            self.out.extend_from_slice(escape(raw).as_bytes());
            Some(())
        } else {
            put_escaped(&mut self.out, raw)
        }
    }

    /// A start tag (`inner`, between `<` and `>`, at `at` in the text): its
    /// element is opened, or, for a section, written whole; then the
    /// position after it is returned.
    fn start(&mut self, inner: &'a str, at: usize) -> Option<Option<usize>> {
        let name_len = inner
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(inner.len());
        if name_len == 0 {
            return None;
        }
        let name = &inner[..name_len];
        let depth = self.stack.len();
        if depth == 0 {
            if self.root_done {
                return None; // a second root element
            }
            self.root_done = true;
        }
        let parent_role = self.stack.last().map_or(Role::Other, |p| p.role);
        if parent_role == Role::Dropped {
            self.read_attributes(inner, name_len, &[], false)?;
            self.push(name, Role::Dropped, None);
            return Some(None);
        }
        if name == "w:sectPr" && matches!(self.kind, Kind::Document(_)) {
            return self.section(at).map(Some);
        }
        // A note of a given type (a separator) is dropped: new ones come
        // first (`conform::add_separator_footnotes`).
        if matches!(self.kind, Kind::Footnotes)
            && depth == 1
            && self.read_attributes(inner, name_len, &[], false)?
        {
            self.push(name, Role::Dropped, None);
            return Some(None);
        }
        if let Some(Frame {
            role: Role::NoteParagraph { leading, .. },
            ..
        }) = self.stack.last_mut()
        {
            if name != "w:pPr" {
                *leading = false;
            }
        }
        if name == "w:footnoteRef" {
            if let Some(i) = self.note_paragraph {
                if let Role::NoteParagraph { numbered, .. } = &mut self.stack[i].role {
                    *numbered = true;
                }
            }
        }
        let order = conform::order_of(name);
        self.child(|o| o.rank(local(name)));
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        self.read_attributes(inner, name_len, conform::dropped_attributes(name), true)?;
        let role = self.role(name, parent_role, depth)?;
        self.push(name, role, order);
        if let Role::NoteParagraph { .. } = role {
            self.note_paragraph = Some(self.stack.len() - 1);
        }
        if depth == 0 && matches!(self.kind, Kind::Footnotes) {
            self.child(|_| usize::MAX);
            for note in conform::separator_notes() {
                xml::write_element(&mut self.out, &note);
            }
        }
        Some(None)
    }

    /// What the element starting here is to the corrections.
    fn role(&mut self, name: &str, parent: Role, depth: usize) -> Option<Role> {
        Some(match (self.kind, parent) {
            (Kind::Document(_), _) if depth == 1 && name == "w:body" => {
                self.bodies += 1;
                if self.bodies > 1 {
                    return None;
                }
                Role::Body
            }
            (Kind::Document(tables), Role::Body) if name == "w:tbl" => {
                let i = self.tables;
                self.tables += 1;
                let header = tables
                    .iter()
                    .find(|(t, _)| *t == i)
                    .map_or(0, |&(_, count)| count.max(1));
                Role::Table { header, rows: 0 }
            }
            (Kind::Document(_), Role::Table { header, rows }) if name == "w:tr" => {
                if let Some(Frame {
                    role: Role::Table { rows: r, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    *r += 1;
                }
                if rows < header {
                    Role::HeaderRow { properties: false }
                } else {
                    Role::Other
                }
            }
            (Kind::Document(_), Role::HeaderRow { properties: false }) if name == "w:trPr" => {
                if let Some(Frame {
                    role: Role::HeaderRow { properties },
                    ..
                }) = self.stack.last_mut()
                {
                    *properties = true;
                }
                Role::HeaderRowProperties { marked: false }
            }
            (Kind::Document(_), Role::HeaderRowProperties { .. }) if name == "w:tblHeader" => {
                if let Some(Frame {
                    role: Role::HeaderRowProperties { marked },
                    ..
                }) = self.stack.last_mut()
                {
                    *marked = true;
                }
                Role::Other
            }
            (Kind::Footnotes, _) if depth == 1 && name == "w:footnote" => {
                // (A note with a type was dropped above.)
                Role::Note { paragraph: false }
            }
            (Kind::Footnotes, Role::Note { paragraph: false }) if name == "w:p" => {
                if let Some(Frame {
                    role: Role::Note { paragraph },
                    ..
                }) = self.stack.last_mut()
                {
                    *paragraph = true;
                }
                Role::NoteParagraph {
                    numbered: false,
                    leading: true,
                    at: 0,
                }
            }
            _ => Role::Other,
        })
    }

    fn push(&mut self, name: &'a str, role: Role, order: Option<Order>) {
        self.stack.push(Frame {
            name,
            pending: true,
            content: 0,
            order,
            spans_from: self.spans.len(),
            role,
            section: false,
        });
    }

    /// Reads the attributes of a tag; writes them (`write`) but those in
    /// `drop`. Says whether the tag has a `w:type` (a note's type).
    fn read_attributes(
        &mut self,
        inner: &'a str,
        name_len: usize,
        drop: &[&str],
        write: bool,
    ) -> Option<bool> {
        let tag = BytesStart::from_content(inner, name_len);
        let mut typed = false;
        self.keys.clear();
        let mut all = tag.attributes();
        for a in all.with_checks(false) {
            let a = a.ok()?;
            let key = within(inner, a.key.as_ref())?;
            if self.keys.contains(&key) {
                return None;
            }
            self.keys.push(key);
            typed |= key == "w:type";
            let value = within(inner, &a.value)?;
            if !write {
                unescape(value).ok()?;
                continue;
            }
            if drop.contains(&key) {
                unescape(value).ok()?;
                continue;
            }
            self.out.push(b' ');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(b"=\"");
            put_escaped(&mut self.out, value)?;
            self.out.push(b'"');
        }
        Some(typed)
    }

    /// The section starting at `at`: written as `conform` corrected it;
    /// returns the position after it.
    fn section(&mut self, at: usize) -> Option<usize> {
        let k = self.next_section;
        let &(start, end, _) = self.sections.get(k)?;
        if start != at {
            return None;
        }
        let last = k + 1 == self.sections.len();
        let parent = self.stack.last_mut()?;
        // The sections stand where the tree path expects them: one in the
        // properties of a paragraph ending each section, the last in the body.
        match (last, parent.role) {
            (true, Role::Body) => {}
            (false, _) if parent.name == "w:pPr" && !parent.section => parent.section = true,
            _ => return None,
        }
        self.child(|o| o.rank("sectPr"));
        xml::write_element(&mut self.out, &self.sections[k].2);
        self.next_section += 1;
        Some(end)
    }

    fn end(&mut self, name: &str) -> Option<()> {
        let frame = self.stack.pop()?;
        if frame.name != name {
            return None;
        }
        if frame.role == Role::Dropped {
            return Some(());
        }
        let mut frame = frame;
        let flush = |out: &mut Vec<u8>, frame: &mut Frame| {
            if frame.pending {
                out.push(b'>');
                frame.pending = false;
                frame.content = out.len();
            }
        };
        match frame.role {
            Role::HeaderRowProperties { marked: false } => {
                flush(&mut self.out, &mut frame);
                self.out.extend_from_slice(b"<w:tblHeader/>");
            }
            Role::HeaderRow { properties: false } => {
                flush(&mut self.out, &mut frame);
                let at = frame.content;
                self.out
                    .splice(at..at, b"<w:trPr><w:tblHeader/></w:trPr>".iter().copied());
            }
            Role::NoteParagraph { numbered, at, .. } => {
                self.note_paragraph = None;
                if !numbered {
                    // After the leading properties, or first of all.
                    let at = match at {
                        0 => {
                            flush(&mut self.out, &mut frame);
                            frame.content
                        }
                        at => at,
                    };
                    self.out.splice(at..at, self.number_run.iter().copied());
                }
            }
            _ => {}
        }
        if frame.order.is_some() {
            self.reorder(&frame);
            self.spans.truncate(frame.spans_from);
        }
        if frame.pending {
            self.out.extend_from_slice(b"/>");
        } else {
            self.out.extend_from_slice(b"</");
            self.out.extend_from_slice(frame.name.as_bytes());
            self.out.push(b'>');
        }
        // The number goes after a note paragraph's leading properties.
        if let Some(Frame {
            role: Role::NoteParagraph {
                leading: true, at, ..
            },
            ..
        }) = self.stack.last_mut()
        {
            if frame.name == "w:pPr" {
                *at = self.out.len();
            }
        }
        Some(())
    }

    /// Moves the children of a property element into its schema order
    /// (a stable sort by rank, as `conform` sorts them).
    fn reorder(&mut self, frame: &Frame) {
        let spans = &self.spans[frame.spans_from..];
        if spans.windows(2).all(|w| w[0].0 <= w[1].0) {
            return;
        }
        let end = self.out.len();
        let base = frame.content;
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.out[base..end]);
        self.order.clear();
        self.order.extend(0..spans.len());
        self.order.sort_by_key(|&i| spans[i].0);
        self.out.truncate(base);
        for &i in &self.order {
            let from = spans[i].1 - base;
            let to = spans.get(i + 1).map_or(end, |s| s.1) - base;
            self.out.extend_from_slice(&self.scratch[from..to]);
        }
    }
}

/// Where the next `<` is.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| *b == b'<')
}

/// `part` as a slice of `inner`, as quick-xml's attribute names and values
/// of a borrowed tag are (else `None`).
fn within<'a>(inner: &'a str, part: &[u8]) -> Option<&'a str> {
    let start = (part.as_ptr() as usize).wrapping_sub(inner.as_ptr() as usize);
    let end = start.checked_add(part.len())?;
    inner
        .get(start..end)
        .filter(|s| s.as_ptr() == part.as_ptr())
}

/// The document's sections (`w:sectPr`, never nested): where each stands
/// in the text, and what `conform` makes of it, read into the tree and
/// corrected as in the whole document: a miniature document whose
/// paragraphs hold all sections but the last, which ends its body.
fn sections(src: &str) -> Option<Vec<(usize, usize, Element)>> {
    let mut found: Vec<(usize, usize, Element)> = Vec::new();
    let mut from = 0;
    while let Some(i) = src[from..].find("<w:sectPr") {
        let start = from + i;
        let after = src.as_bytes().get(start + 9).copied();
        if !matches!(after, Some(b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r')) {
            from = start + 9;
            continue;
        }
        let tag_end = start + 1 + ElementParser::default().feed(&src.as_bytes()[start + 1..])? + 1;
        let end = if src[..tag_end].ends_with("/>") {
            tag_end
        } else {
            let close = tag_end + src[tag_end..].find("</w:sectPr")?;
            if src[tag_end..close].contains("<w:sectPr") {
                return None;
            }
            close + src[close..].find('>')? + 1
        };
        let mut section = xml::parse(&src.as_bytes()[start..end]).ok()?;
        conform::wordprocessing(&mut section);
        found.push((start, end, section));
        from = end;
    }
    let Some((_, _, last)) = found.last() else {
        return Some(found);
    };
    let mut body = Element::new("w:body");
    for (_, _, s) in &found[..found.len() - 1] {
        body.children.push(Node::Element(
            Element::new("w:p").with_child(Element::new("w:pPr").with_child(s.clone())),
        ));
    }
    body.children.push(Node::Element(last.clone()));
    let mut document = Element::new("w:document").with_child(body);
    conform::title_page_on_first_section(&mut document);
    conform::appendix_sections_hide_their_first_number(&mut document);
    let mut corrected = Vec::with_capacity(found.len());
    document.walk(&mut |e| {
        if e.name == "w:sectPr" {
            corrected.push(e.clone());
        }
    });
    if corrected.len() != found.len() {
        return None;
    }
    for (f, c) in found.iter_mut().zip(corrected) {
        f.2 = c;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree path, as `conform` takes it without this pass.
    fn tree(part: &str, kind: Kind) -> String {
        let mut root = xml::parse(part.as_bytes()).unwrap();
        conform::wordprocessing(&mut root);
        match kind {
            Kind::Plain => {}
            Kind::Document(tables) => {
                conform::title_page_on_first_section(&mut root);
                conform::appendix_sections_hide_their_first_number(&mut root);
                conform::repeat_header_rows(&mut root, tables);
            }
            Kind::Footnotes => {
                conform::add_separator_footnotes(&mut root);
                conform::number_footnotes(&mut root);
            }
        }
        String::from_utf8(xml::write(&root)).unwrap()
    }

    fn stream(part: &str, kind: Kind) -> String {
        String::from_utf8(correct(part.as_bytes(), kind).expect("the pass takes the part")).unwrap()
    }

    #[test]
    fn properties_are_ordered_and_tags_written_as_the_tree_writes_them() {
        let part = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr a="x &amp; y" b='1 &gt; 0'><w:p w14:paraId="0000002A" w14:textId="7"><w:pPr><w:rPr /><w:jc w:val="both" /><w:pBdr><w:left /><w:top /></w:pBdr><w:spacing w:before="120"></w:spacing></w:pPr><w:r><w:rPr><w:sz w:val="28" /><w:rFonts w:ascii="T" /><w:b /></w:rPr><w:t xml:space="preserve">A &lt; B &quot;c&quot; 'd' &#x1EA1;</w:t><w:t><![CDATA[<x>]]></w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol w:w="3686" w:type="dxa" /></w:tblGrid><w:tr><w:tc><w:tcPr><w:vAlign w:val="center" /><w:tcW w:w="1" /></w:tcPr></w:tc></w:tr></w:tbl></w:hdr>"#;
        let ours = stream(part, Kind::Plain);
        assert_eq!(ours, tree(part, Kind::Plain));
        assert!(ours.contains(r#"<w:p><w:pPr><w:pBdr><w:top/><w:left/></w:pBdr><w:spacing w:before="120"/><w:jc w:val="both"/><w:rPr/></w:pPr>"#), "{ours}");
    }

    #[test]
    fn sections_and_header_rows_as_the_tree_path_gives_them() {
        let part = r#"<w:document><w:body><w:tbl><w:tr><w:tc/></w:tr></w:tbl><w:p><w:pPr><w:jc/><w:sectPr><w:pgSz w:orient="portrait" /><w:cols /></w:sectPr></w:pPr></w:p><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:p /><w:tbl><w:tr></w:tr></w:tbl><w:p><w:pPr><w:sectPr><w:pgSz w:orient="portrait" /><w:pgNumType w:start="1" /></w:sectPr></w:pPr></w:p><w:sectPr><w:pgSz /><w:headerReference w:type="default" r:id="h1" /><w:headerReference w:type="first" r:id="h2" /><w:titlePg /></w:sectPr></w:body></w:document>"#;
        for tables in [&[(1, 2), (2, 1)][..], &[(0, 0)], &[]] {
            assert_eq!(
                stream(part, Kind::Document(tables)),
                tree(part, Kind::Document(tables))
            );
        }
        let ours = stream(part, Kind::Document(&[(1, 2), (2, 1)]));
        assert_eq!(ours.matches("<w:tblHeader/>").count(), 3, "{ours}");
        assert_eq!(ours.matches("<w:titlePg/>").count(), 2, "{ours}");
    }

    #[test]
    fn notes_get_their_separators_and_numbers_as_the_tree_path_gives_them() {
        let part = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator /></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText" /></w:pPr><w:pPr /><w:r><w:t> a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p /></w:footnote><w:footnote w:id="3"><w:p><w:r><w:footnoteRef /></w:r></w:p></w:footnote><w:footnote w:id="4"><w:p><w:pPr /></w:p></w:footnote><w:footnote w:id="5"><w:p>x<w:pPr /></w:p></w:footnote></w:footnotes>"#;
        let ours = stream(part, Kind::Footnotes);
        assert_eq!(ours, tree(part, Kind::Footnotes));
        assert_eq!(ours.matches("<w:footnoteRef/>").count(), 5, "{ours}");
    }

    /// A table of `columns` columns and `rows` rows of invented figures.
    fn table(id: u32, columns: usize, rows: usize) -> baocao_model::Table {
        baocao_model::Table {
            id: baocao_model::BlockId(id),
            title: String::new(),
            unit: "ĐVT: triệu đồng".into(),
            columns: (1..=columns).map(|c| format!("Cột {c}")).collect(),
            rows: (1..=rows)
                .map(|r| (1..=columns).map(|c| format!("{}", r * 10 + c)).collect())
                .collect(),
            layout: Default::default(),
            origin: None,
        }
    }

    /// The parts docx-rs writes for the seeds, and for seed 001 with a
    /// wide table in its body (a landscape section) and an appendix (its
    /// own numbering): every one takes this pass, with the tree path's bytes.
    #[test]
    fn the_parts_of_real_reports_take_the_pass() {
        use baocao_model::Block;
        let mut reports: Vec<baocao_model::Report> =
            [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025]
                .iter()
                .map(|t| baocao_import::import_text(t).unwrap())
                .collect();
        let mut r = reports[1].clone();
        r.body.sections[0]
            .blocks
            .push(Block::Table(table(900, 14, 3)));
        r.body.sections[1]
            .blocks
            .push(Block::Table(table(901, 4, 40)));
        r.body.appendices = vec![baocao_model::Appendix {
            id: baocao_model::BlockId(920),
            label: "Phụ lục I".into(),
            title: "KẾT QUẢ THEO XÃ, PHƯỜNG".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND)".into(),
            blocks: vec![Block::Table(table(910, 5, 30))],
            origin: None,
        }];
        reports.push(r);
        let mut sections = Vec::new();
        let mut header_rows = Vec::new();
        for report in &reports {
            let (docx, facts) = crate::build(report);
            let mut taken = 0;
            for part in crate::pack::parts(docx.build()) {
                let kind = match part.name.as_str() {
                    "word/document.xml" => Kind::Document(&facts.detail_tables),
                    "word/footnotes.xml" if facts.has_footnotes => Kind::Footnotes,
                    n if n.starts_with("word/header") || n.starts_with("word/footer") => {
                        Kind::Plain
                    }
                    _ => continue,
                };
                let xml = std::str::from_utf8(&part.bytes).unwrap();
                let ours = stream(xml, kind);
                assert_eq!(ours, tree(xml, kind), "{}", part.name);
                taken += 1;
                if let Kind::Document(_) = kind {
                    sections.push(ours.matches("<w:sectPr>").count());
                    header_rows.push(ours.matches("<w:tblHeader/>").count());
                }
            }
            assert!(taken >= 3, "{taken} parts");
        }
        // The seeds have one section; the third report a landscape one
        // around its wide table, portrait again, and the appendix's.
        assert_eq!(sections, [1, 1, 4]);
        assert_eq!(header_rows[..2], [0, 0]);
        assert!(header_rows[2] >= 3, "{header_rows:?}");
    }

    #[test]
    fn what_the_pass_does_not_expect_is_left_to_the_tree_path() {
        for part in [
            "<a><b></a>",
            "<a/><b/>",
            "text<a/>",
            r#"<a x="1" x="2"/>"#,
            "<a>&nope;</a>",
            // A section outside a paragraph's properties and the body.
            "<w:document><w:body><w:tbl><w:sectPr/></w:tbl><w:sectPr/></w:body></w:document>",
        ] {
            assert!(
                correct(part.as_bytes(), Kind::Document(&[])).is_none(),
                "{part}"
            );
        }
    }
}

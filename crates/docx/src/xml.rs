//! A small element tree over quick-xml, for `conform` to correct the parts
//! docx-rs writes: parse a part, change elements, write it back. Text and
//! attribute values are held unescaped and escaped again on writing, so no
//! correction ever edits XML as a string.

use quick_xml::escape::{escape, unescape};
use quick_xml::events::BytesStart;
use quick_xml::parser::{ElementParser, Parser, PiParser};
use std::fmt;

/// An element with its attributes and children, names as written ("w:p").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// Why a part could not be read as XML.
#[derive(Debug)]
pub struct XmlError(String);

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XmlError {}

fn err(e: impl fmt::Display) -> XmlError {
    XmlError(e.to_string())
}

/// The name without its namespace prefix: "w:pPr" → "pPr".
pub fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

impl Element {
    /// An element with no attribute and no child.
    pub fn new(name: &str) -> Self {
        Element {
            name: name.to_string(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// With an attribute added.
    pub fn with_attr(mut self, key: &str, value: &str) -> Self {
        self.set_attr(key, value);
        self
    }

    /// With a child element added at the end.
    pub fn with_child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// With a text child added at the end.
    pub fn with_text(mut self, text: &str) -> Self {
        self.children.push(Node::Text(text.to_string()));
        self
    }

    /// The value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets an attribute, replacing its old value.
    pub fn set_attr(&mut self, key: &str, value: &str) {
        match self.attrs.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.to_string(),
            None => self.attrs.push((key.to_string(), value.to_string())),
        }
    }

    /// Removes an attribute if present.
    pub fn remove_attr(&mut self, key: &str) {
        self.attrs.retain(|(k, _)| k != key);
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first child element with this name, mutably.
    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// Calls `f` on this element and every element below it, parents first.
    pub fn walk_mut(&mut self, f: &mut dyn FnMut(&mut Element)) {
        f(self);
        for child in self.elements_mut() {
            child.walk_mut(f);
        }
    }

    /// Calls `f` on this element and every element below it, parents first.
    pub fn walk(&self, f: &mut dyn FnMut(&Element)) {
        f(self);
        for child in self.elements() {
            child.walk(f);
        }
    }
}

/// UTF-8 text of a piece of the part.
fn utf8(bytes: &[u8]) -> Result<&str, XmlError> {
    std::str::from_utf8(bytes).map_err(err)
}

/// Text as it stands between tags, with its references resolved.
fn text(raw: &str) -> Result<String, XmlError> {
    Ok(unescape(raw).map_err(err)?.into_owned())
}

/// `part` as text: a slice of `inner` (already UTF-8, so not checked again)
/// when it is one, as quick-xml's attribute names and values are.
fn within<'a>(inner: &'a str, part: &'a [u8]) -> Result<&'a str, XmlError> {
    let start = (part.as_ptr() as usize).wrapping_sub(inner.as_ptr() as usize);
    match start
        .checked_add(part.len())
        .and_then(|end| inner.get(start..end))
    {
        Some(s) if s.as_ptr() == part.as_ptr() => Ok(s),
        _ => utf8(part),
    }
}

/// The element a start tag opens: `inner` is what stands between `<` and
/// `>` (without a closing `/`). quick-xml reads the attributes.
fn open_tag(inner: &str) -> Result<Element, XmlError> {
    let name_len = inner
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inner.len());
    if name_len == 0 {
        return Err(err("a tag without a name"));
    }
    let tag = BytesStart::from_content(inner, name_len);
    let mut attrs: Vec<(String, String)> = Vec::new();
    // quick-xml's own duplicate check keeps a list of the names it has seen,
    // one allocation per tag; the names collected here serve the same end.
    let mut all = tag.attributes();
    for a in all.with_checks(false) {
        let a = a.map_err(err)?;
        let key = within(inner, a.key.as_ref())?;
        if attrs.iter().any(|(k, _)| k == key) {
            return Err(err(format!("the attribute {key} given twice")));
        }
        attrs.push((key.to_string(), text(within(inner, &a.value)?)?));
    }
    Ok(Element {
        name: inner[..name_len].to_string(),
        attrs,
        children: Vec::new(),
    })
}

/// Reads a part into its root element (the declaration, processing
/// instructions and comments are dropped; `write` puts a standard
/// declaration back).
///
/// The markup is scanned with quick-xml's parsers (tag ends outside quoted
/// values, processing instructions, attributes, references) rather than its
/// `Reader`: with the `encoding` feature docx-rs turns on, the `Reader` links
/// encoding_rs's decoders and tables, some 190 KB of the page, for text that
/// is always UTF-8 here.
pub fn parse(xml: &[u8]) -> Result<Element, XmlError> {
    let xml = utf8(xml)?;
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let bytes = xml.as_bytes();
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut pos = 0;
    let attach = |stack: &mut Vec<Element>, root: &mut Option<Element>, el: Element| match stack
        .last_mut()
    {
        Some(parent) => {
            parent.children.push(Node::Element(el));
            Ok(())
        }
        None if root.is_none() => {
            *root = Some(el);
            Ok(())
        }
        None => Err(err("a second root element")),
    };
    while pos < bytes.len() {
        let lt = bytes[pos..]
            .iter()
            .position(|b| *b == b'<')
            .map_or(bytes.len(), |i| pos + i);
        if lt > pos {
            let raw = &xml[pos..lt];
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Text(text(raw)?)),
                None if raw.trim().is_empty() => {}
                None => return Err(err("text outside the root element")),
            }
        }
        pos = lt;
        if pos >= bytes.len() {
            break;
        }
        let rest = &bytes[pos..];
        if rest.starts_with(b"<?") {
            let end = PiParser::default()
                .feed(&rest[2..])
                .ok_or_else(|| err("unclosed processing instruction"))?;
            pos += 2 + end + 1;
        } else if rest.starts_with(b"<!--") {
            let end = xml[pos + 4..]
                .find("-->")
                .ok_or_else(|| err("unclosed comment"))?;
            pos += 4 + end + 3;
        } else if rest.starts_with(b"<![CDATA[") {
            let end = xml[pos + 9..]
                .find("]]>")
                .ok_or_else(|| err("unclosed CDATA section"))?;
            let data = &xml[pos + 9..pos + 9 + end];
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Text(data.to_string())),
                None => return Err(err("CDATA outside the root element")),
            }
            pos += 9 + end + 3;
        } else if rest.starts_with(b"<!") {
            return Err(err("a document type declaration, which no part may hold"));
        } else if rest.starts_with(b"</") {
            let end = xml[pos..]
                .find('>')
                .ok_or_else(|| err("unclosed end tag"))?;
            let name = xml[pos + 2..pos + end].trim_end();
            let el = stack.pop().ok_or_else(|| err("an end tag with no start"))?;
            if el.name != name {
                return Err(err(format!("<{}> closed by </{name}>", el.name)));
            }
            attach(&mut stack, &mut root, el)?;
            pos += end + 1;
        } else {
            let end = ElementParser::default()
                .feed(&rest[1..])
                .ok_or_else(|| err("unclosed tag"))?;
            let inner = &xml[pos + 1..pos + 1 + end];
            match inner.strip_suffix('/') {
                Some(inner) => {
                    let el = open_tag(inner.trim_end())?;
                    attach(&mut stack, &mut root, el)?;
                }
                None => stack.push(open_tag(inner.trim_end())?),
            }
            pos += 1 + end + 1;
        }
    }
    if let Some(open) = stack.last() {
        return Err(err(format!("<{}> is not closed", open.name)));
    }
    root.ok_or_else(|| err("no root element"))
}

/// Writes an element as quick-xml's `Writer` would (`<name a="v"/>`, or the
/// start tag, the children and the end tag), with quick-xml's escaping,
/// straight into the part's bytes: no tag buffer of its own per element.
pub(crate) fn write_element(out: &mut Vec<u8>, e: &Element) {
    out.push(b'<');
    out.extend_from_slice(e.name.as_bytes());
    for (k, v) in &e.attrs {
        out.push(b' ');
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"=\"");
        out.extend_from_slice(escape(v).as_bytes());
        out.push(b'"');
    }
    if e.children.is_empty() {
        out.extend_from_slice(b"/>");
        return;
    }
    out.push(b'>');
    for child in &e.children {
        match child {
            Node::Element(c) => write_element(out, c),
            Node::Text(t) => out.extend_from_slice(escape(t).as_bytes()),
        }
    }
    out.extend_from_slice(b"</");
    out.extend_from_slice(e.name.as_bytes());
    out.push(b'>');
}

/// The declaration every part written starts with.
pub(crate) const DECLARATION: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Writes a part: the standard declaration, then the root element.
pub fn write(root: &Element) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(DECLARATION);
    write_element(&mut out, root);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_attributes_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:p a="x &amp; &quot;y&quot;"><w:t xml:space="preserve"> A &lt; B &#x1EA1; </w:t><w:br/></w:p>"#;
        let root = parse(xml.as_bytes()).unwrap();
        assert_eq!(root.attr("a"), Some(r#"x & "y""#));
        let t = root.child("w:t").unwrap();
        assert_eq!(t.children, vec![Node::Text(" A < B ạ ".into())]);
        let back = String::from_utf8(write(&root)).unwrap();
        assert_eq!(
            back,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p a="x &amp; &quot;y&quot;"><w:t xml:space="preserve"> A &lt; B ạ </w:t><w:br/></w:p>"#
        );
        assert_eq!(parse(back.as_bytes()).unwrap(), root);
    }

    #[test]
    fn quoted_markup_comments_and_cdata_are_read_as_xml_says() {
        let root = parse(
            "\u{feff}<?xml version=\"1.0\"?><!-- a > b --><r x='1 > 0' y=\"a/b\"><![CDATA[<raw> & ]]><e/><f z=\"&#65;\" /></r>"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(root.attr("x"), Some("1 > 0"));
        assert_eq!(root.attr("y"), Some("a/b"));
        assert_eq!(root.children[0], Node::Text("<raw> & ".into()));
        assert_eq!(root.child("f").and_then(|f| f.attr("z")), Some("A"));
        assert!(root.child("e").is_some_and(|e| e.children.is_empty()));
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        for broken in [
            &b"<a><b></a>"[..],
            b"<a>",
            b"",
            &[0xff, 0xfe],
            b"<a></a><b/>",
            b"text<a/>",
            b"<a x='1/>",
            b"<a x=\"1\" x=\"2\"/>",
            b"<a>&nope;</a>",
            b"<a><!-- open</a>",
            b"<?xml version",
            b"<!DOCTYPE a><a/>",
            b"</a>",
            b"<>",
        ] {
            assert!(
                parse(broken).is_err(),
                "{}",
                String::from_utf8_lossy(broken)
            );
        }
    }
}

//! A small element tree over quick-xml: enough to walk WordprocessingML.
//! DOCTYPE declarations and entities other than XML's five are refused, never
//! expanded.

use super::error::DocxError;
use quick_xml::events::BytesStart;
use quick_xml::parser::{ElementParser, Parser, PiParser};

/// How deep elements may nest (Word stays far below; a crafted file may not).
const MAX_DEPTH: usize = 256;

#[derive(Debug, Default)]
pub struct Node {
    /// The local name ("p" for "w:p").
    pub name: String,
    /// Attributes by local name, values unescaped.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug)]
pub enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    /// The value of an attribute by its local name ("val" for "w:val").
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element of this local name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// The `val` attribute of the named child ("<w:jc w:val="center"/>").
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|n| n.attr("val"))
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            if let Child::Text(t) = c {
                s.push_str(t);
            }
        }
        s
    }

    /// Whether any descendant has this local name.
    pub fn contains(&self, name: &str) -> bool {
        self.elements().any(|n| n.name == name || n.contains(name))
    }

    /// Every descendant of this local name, in document order.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for n in self.elements() {
            if n.name == name {
                out.push(n);
            }
            n.descendants(name, out);
        }
    }
}

/// The local name of a qualified name ("p" of "w:p").
fn local_name(name: &str) -> String {
    name.rsplit_once(':').map_or(name, |(_, l)| l).to_string()
}

fn bad(part: &str, err: impl std::fmt::Display) -> DocxError {
    DocxError::BadXml {
        part: part.to_string(),
        detail: err.to_string(),
    }
}

fn utf8<'b>(bytes: &'b [u8], part: &str) -> Result<&'b str, DocxError> {
    std::str::from_utf8(bytes).map_err(|e| bad(part, e))
}

/// Text with XML's five entities and character references resolved; any
/// other entity would need a DTD and is refused. Line ends as XML 1.0 says.
fn text(raw: &str, part: &str) -> Result<String, DocxError> {
    let s = quick_xml::escape::unescape(raw).map_err(|e| match e {
        quick_xml::escape::EscapeError::UnrecognizedEntity(..) => DocxError::Dtd,
        other => bad(part, other),
    })?;
    Ok(if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.into_owned()
    })
}

/// The element a start tag opens: `inner` is what stands between `<` and
/// `>` (without a closing `/`).
fn open_tag(inner: &str, part: &str) -> Result<Node, DocxError> {
    let name_len = inner
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inner.len());
    if name_len == 0 {
        return Err(bad(part, "thẻ không có tên"));
    }
    let tag = BytesStart::from_content(inner, name_len);
    let mut attrs = Vec::new();
    for a in tag.attributes() {
        let a = a.map_err(|e| bad(part, e))?;
        let key = local_name(utf8(a.key.as_ref(), part)?);
        attrs.push((key, text(utf8(&a.value, part)?, part)?));
    }
    Ok(Node {
        name: local_name(&inner[..name_len]),
        attrs,
        children: Vec::new(),
    })
}

/// Parses an XML part into its root element.
///
/// The markup is scanned with quick-xml's small parsers (a tag's end outside
/// quoted values, processing instructions, attributes) rather than its
/// `Reader`, as `docx::xml` does: with the `encoding` feature docx-rs turns
/// on, the `Reader` links encoding_rs's decoders and tables (~170 KB of the
/// page) for text that is always UTF-8 here.
pub fn parse(bytes: &[u8], part: &str) -> Result<Node, DocxError> {
    let xml = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| DocxError::Unsupported(format!("{part} không mã hóa UTF-8")))?;
    let b = xml.as_bytes();
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut pos = 0;
    let attach = |stack: &mut Vec<Node>, root: &mut Option<Node>, n: Node| match stack.last_mut() {
        Some(parent) => {
            parent.children.push(Child::Node(n));
            Ok(())
        }
        None if root.is_none() => {
            *root = Some(n);
            Ok(())
        }
        None => Err(bad(part, "hai phần tử gốc")),
    };
    while pos < b.len() {
        let lt = b[pos..]
            .iter()
            .position(|c| *c == b'<')
            .map_or(b.len(), |i| pos + i);
        if lt > pos {
            let raw = &xml[pos..lt];
            match stack.last_mut() {
                Some(_) => push_text(&mut stack, &text(raw, part)?),
                None if raw.trim().is_empty() => {}
                None => return Err(bad(part, "chữ nằm ngoài phần tử gốc")),
            }
        }
        pos = lt;
        if pos >= b.len() {
            break;
        }
        let rest = &b[pos..];
        if rest.starts_with(b"<?") {
            let end = PiParser::default()
                .feed(&rest[2..])
                .ok_or_else(|| bad(part, "chỉ thị xử lý không đóng"))?;
            pos += 2 + end + 1;
        } else if rest.starts_with(b"<!--") {
            let end = xml[pos + 4..]
                .find("-->")
                .ok_or_else(|| bad(part, "chú thích XML không đóng"))?;
            pos += 4 + end + 3;
        } else if rest.starts_with(b"<![CDATA[") {
            let end = xml[pos + 9..]
                .find("]]>")
                .ok_or_else(|| bad(part, "CDATA không đóng"))?;
            let data = xml[pos + 9..pos + 9 + end].to_string();
            if stack.is_empty() {
                return Err(bad(part, "CDATA nằm ngoài phần tử gốc"));
            }
            push_text(&mut stack, &data);
            pos += 9 + end + 3;
        } else if rest.starts_with(b"<!") {
            // <!DOCTYPE …> and its entity declarations: never read.
            return Err(DocxError::Dtd);
        } else if rest.starts_with(b"</") {
            let end = xml[pos..]
                .find('>')
                .ok_or_else(|| bad(part, "thẻ đóng không kết thúc"))?;
            let name = local_name(xml[pos + 2..pos + end].trim_end());
            let node = stack.pop().ok_or_else(|| bad(part, "thẻ đóng thừa"))?;
            if node.name != name {
                return Err(bad(part, format!("<{}> đóng bằng </{name}>", node.name)));
            }
            attach(&mut stack, &mut root, node)?;
            pos += end + 1;
        } else {
            let end = ElementParser::default()
                .feed(&rest[1..])
                .ok_or_else(|| bad(part, "thẻ không đóng"))?;
            let inner = &xml[pos + 1..pos + 1 + end];
            match inner.strip_suffix('/') {
                Some(inner) => {
                    let node = open_tag(inner.trim_end(), part)?;
                    attach(&mut stack, &mut root, node)?;
                }
                None => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(bad(part, "các thẻ lồng nhau quá sâu"));
                    }
                    stack.push(open_tag(inner.trim_end(), part)?);
                }
            }
            pos += 1 + end + 1;
        }
    }
    if let Some(open) = stack.last() {
        return Err(bad(
            part,
            format!("<{}> không đóng: tệp XML kết thúc giữa chừng", open.name),
        ));
    }
    root.ok_or_else(|| bad(part, "không có phần tử gốc"))
}

fn push_text(stack: &mut [Node], s: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Child::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Child::Text(s.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_elements_text_and_entities() {
        let root = parse(
            br#"<?xml version="1.0"?><w:p a:x="1 &amp; 2"><w:t>A &lt; B &#x1EC7;</w:t><w:br/></w:p>"#,
            "t",
        )
        .unwrap();
        assert_eq!(root.name, "p");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        assert_eq!(root.child("t").unwrap().text(), "A < B ệ");
        assert!(root.child("br").is_some());
    }

    #[test]
    fn refuses_doctype_and_entities() {
        let billion =
            br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:t>&lol;</w:t>"#;
        assert_eq!(parse(billion, "t").err(), Some(DocxError::Dtd));
        assert_eq!(parse(b"<w:t>&lol;</w:t>", "t").err(), Some(DocxError::Dtd));
        assert_eq!(
            parse(br#"<w:t a="&lol;"/>"#, "t").err(),
            Some(DocxError::Dtd)
        );
        assert!(matches!(
            parse(b"<w:t><w:p>", "t"),
            Err(DocxError::BadXml { .. })
        ));
    }
}

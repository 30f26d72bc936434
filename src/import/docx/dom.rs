//! A small element tree over quick-xml: enough to walk WordprocessingML.
//! DOCTYPE declarations and entities other than XML's five are refused, never
//! expanded.

use super::error::DocxError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

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
fn local_name(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    match s.split_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.to_string(),
    }
}

/// Text of the part: the reader is over a `&str`, so every slice it gives is
/// UTF-8. quick-xml's own decoding is not used: with its `encoding` feature
/// (which docx-rs turns on) it links encoding_rs and its tables, ~170 KB of
/// the page, for nothing a .docx needs.
fn utf8<'b>(bytes: &'b [u8], part: &str) -> Result<&'b str, DocxError> {
    std::str::from_utf8(bytes).map_err(|e| bad(part, e))
}

/// XML 1.0 line ends: "\r\n" and a lone "\r" are "\n".
fn line_ends(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        s.into()
    }
}

/// The character of a reference "#x1EC7" or "#7879".
fn char_ref(name: &str) -> Option<char> {
    let n = name.strip_prefix('#')?;
    let value = match n.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => n.parse().ok()?,
    };
    char::from_u32(value).filter(|c| *c != '\0')
}

fn element(e: &BytesStart, part: &str) -> Result<Node, DocxError> {
    let name = local_name(e.name().as_ref());
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| bad(part, err))?;
        let key = local_name(a.key.as_ref());
        let raw = utf8(&a.value, part)?;
        // Only XML's five entities and character references: anything else
        // would need a DTD.
        let value = quick_xml::escape::unescape(raw).map_err(|err| match err {
            quick_xml::escape::EscapeError::UnrecognizedEntity(..) => DocxError::Dtd,
            other => bad(part, other),
        })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Node {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn bad(part: &str, err: impl std::fmt::Display) -> DocxError {
    DocxError::BadXml {
        part: part.to_string(),
        detail: err.to_string(),
    }
}

/// Parses an XML part into its root element.
pub fn parse(bytes: &[u8], part: &str) -> Result<Node, DocxError> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| DocxError::Unsupported(format!("{part} không mã hóa UTF-8")))?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let event = reader.read_event().map_err(|e| bad(part, e))?;
        match event {
            Event::DocType(_) => return Err(DocxError::Dtd),
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(bad(part, "các thẻ lồng nhau quá sâu"));
                }
                stack.push(element(&e, part)?);
            }
            Event::Empty(e) => {
                let node = element(&e, part)?;
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Node(node));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(bad(part, "thẻ đóng thừa"));
                }
                let node = stack.pop().unwrap_or_default();
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Node(node));
                }
            }
            Event::Text(t) => {
                let s = line_ends(utf8(&t, part)?);
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = line_ends(utf8(&t, part)?);
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = utf8(&r, part)?;
                let s = if name.starts_with('#') {
                    match char_ref(name) {
                        Some(c) => c.to_string(),
                        None => return Err(bad(part, "tham chiếu ký tự sai")),
                    }
                } else {
                    match name {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "apos" => "'".into(),
                        "quot" => "\"".into(),
                        // Any other entity needs a DTD: refuse, never expand.
                        _ => return Err(DocxError::Dtd),
                    }
                };
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(bad(part, "tệp XML kết thúc giữa chừng"));
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| bad(part, "không có phần tử gốc"))
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

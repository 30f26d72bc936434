//! A small element tree over quick-xml, for `conform` to correct the parts
//! docx-rs writes: parse a part, change elements, write it back. Text and
//! attribute values are held unescaped and escaped again on writing, so no
//! correction ever edits XML as a string.

use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer, XmlVersion};
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

/// Reads a part into its root element (the declaration is dropped; `write`
/// puts a standard one back).
pub fn parse(xml: &[u8]) -> Result<Element, XmlError> {
    let text = std::str::from_utf8(xml).map_err(err)?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let decoder = reader.decoder();
    let start = |e: &BytesStart| -> Result<Element, XmlError> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(err)?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a
                .decoded_and_normalized_value(XmlVersion::Implicit1_0, decoder)
                .map_err(err)?
                .into_owned();
            attrs.push((key, value));
        }
        Ok(Element {
            name,
            attrs,
            children: Vec::new(),
        })
    };
    let push_text = |stack: &mut Vec<Element>, s: &str| {
        if let Some(parent) = stack.last_mut() {
            match parent.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(s),
                _ => parent.children.push(Node::Text(s.to_string())),
            }
        }
    };
    loop {
        match reader.read_event().map_err(err)? {
            Event::Start(e) => stack.push(start(&e)?),
            Event::Empty(e) => {
                let el = start(&e)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| err("unbalanced end tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.decode().map_err(err)?),
            Event::CData(t) => push_text(&mut stack, &t.decode().map_err(err)?),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(err)? {
                    Some(c) => c,
                    None => match r.decode().map_err(err)?.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(err(format!("unknown entity &{other};"))),
                    },
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(err("unclosed element"));
    }
    root.ok_or_else(|| err("no root element"))
}

fn write_element(w: &mut Writer<Vec<u8>>, e: &Element) -> std::io::Result<()> {
    let start = BytesStart::new(e.name.as_str())
        .with_attributes(e.attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if e.children.is_empty() {
        return w.write_event(Event::Empty(start));
    }
    w.write_event(Event::Start(start))?;
    for child in &e.children {
        match child {
            Node::Element(c) => write_element(w, c)?,
            Node::Text(t) => w.write_event(Event::Text(BytesText::new(t)))?,
        }
    }
    w.write_event(Event::End(quick_xml::events::BytesEnd::new(
        e.name.as_str(),
    )))
}

/// Writes a part: the standard declaration, then the root element.
pub fn write(root: &Element) -> Vec<u8> {
    let mut w = Writer::new(Vec::new());
    // Writing into a Vec<u8> has no failure path.
    let _ = w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )));
    let _ = write_element(&mut w, root);
    w.into_inner()
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
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
        assert!(parse(b"").is_err());
        assert!(parse(&[0xff, 0xfe]).is_err());
    }
}

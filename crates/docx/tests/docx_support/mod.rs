//! Reading back the .docx files the writer produces, independently of the
//! writer's own XML code: unzip, parse each part with quick-xml into a small
//! tree, and look things up by element name.

#![allow(dead_code)]

use baocao_model::{
    Block, BlockId, Footnote, FootnoteId, Inline, Paragraph, Report, Section, Visit,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// The two seeds, imported as the page and the CLI import them.
pub fn seed(number: u32) -> Report {
    let file = match number {
        0 => "000_28b43714a13a73f1.txt",
        _ => "001_1a00eb9240ccd3d2.txt",
    };
    let path = format!("{}/{file}", baocao_testdata::SEEDS_DIR);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    baocao_import::import_text(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// An element of a part.
#[derive(Clone, Debug, PartialEq)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
}

impl El {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// An attribute read as a number.
    pub fn num(&self, key: &str) -> i64 {
        self.attr(key)
            .unwrap_or_else(|| panic!("{} has no {key}", self.name))
            .parse()
            .unwrap_or_else(|e| panic!("{} {key}: {e}", self.name))
    }

    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The direct children with this name.
    pub fn kids<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first direct child with this name.
    pub fn kid(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every element below this one with this name, in document order.
    pub fn all<'a>(&'a self, name: &str) -> Vec<&'a El> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a El, name: &str, out: &mut Vec<&'a El>) {
            for c in e.elements() {
                if c.name == name {
                    out.push(c);
                }
                walk(c, name, out);
            }
        }
        walk(self, name, &mut out);
        out
    }

    /// The first element below this one with this name.
    pub fn first(&self, name: &str) -> Option<&El> {
        self.all(name).into_iter().next()
    }

    /// Whether an element with this name is anywhere below.
    pub fn has(&self, name: &str) -> bool {
        self.first(name).is_some()
    }

    /// The text of the `w:t` elements below, with a space for each `w:br`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        fn walk(e: &El, out: &mut String) {
            for c in &e.children {
                match c {
                    Node::El(c) if c.name == "w:t" => {
                        for t in &c.children {
                            if let Node::Text(s) = t {
                                out.push_str(s);
                            }
                        }
                    }
                    Node::El(c) if c.name == "w:br" => out.push(' '),
                    Node::El(c) => walk(c, out),
                    Node::Text(_) => {}
                }
            }
        }
        walk(self, &mut out);
        out
    }

    /// The run property `name` of a run (`w:r`), e.g. "w:b".
    pub fn prop(&self, name: &str) -> Option<&El> {
        self.kid("w:rPr").and_then(|p| p.kid(name))
    }

    /// The paragraph property `name` of a paragraph (`w:p`).
    pub fn pprop(&self, name: &str) -> Option<&El> {
        self.kid("w:pPr").and_then(|p| p.kid(name))
    }

    /// The runs of a paragraph that hold text.
    pub fn text_runs(&self) -> Vec<&El> {
        self.all("w:r")
            .into_iter()
            .filter(|r| r.kid("w:t").is_some())
            .collect()
    }
}

fn start(e: &BytesStart, decoder: quick_xml::Decoder) -> El {
    El {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, decoder)
                        .expect("attribute value")
                        .into_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    }
}

/// Parses a part (panics on XML that is not well-formed: that is a failure).
pub fn parse(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    let decoder = reader.decoder();
    let mut stack: Vec<El> = Vec::new();
    let mut root = None;
    let text = |stack: &mut Vec<El>, s: &str| {
        if let Some(top) = stack.last_mut() {
            match top.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(s),
                _ => top.children.push(Node::Text(s.to_string())),
            }
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e, decoder)),
            Event::Empty(e) => {
                let el = start(&e, decoder);
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::El(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::El(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => text(&mut stack, &t.decode().expect("utf-8")),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("char ref") {
                    Some(c) => c.to_string(),
                    None => match r.decode().expect("utf-8").as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("entity {other}"),
                    },
                };
                text(&mut stack, &c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    root.expect("a root element")
}

/// A .docx opened: its parts by name.
pub struct Package {
    pub parts: BTreeMap<String, String>,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).expect("entry");
            let mut s = String::new();
            f.read_to_string(&mut s).expect("UTF-8 part");
            parts.insert(f.name().to_string(), s);
        }
        Package { parts }
    }

    /// A part, parsed.
    pub fn xml(&self, name: &str) -> El {
        parse(
            self.parts
                .get(name)
                .unwrap_or_else(|| panic!("no part {name}")),
        )
    }

    pub fn document(&self) -> El {
        self.xml("word/document.xml")
    }

    pub fn body(&self) -> El {
        self.document().kid("w:body").expect("w:body").clone()
    }

    /// The header part a section refers to for `kind` ("default", "first").
    pub fn header(&self, sect: &El, kind: &str) -> El {
        let rid = sect
            .kids("w:headerReference")
            .find(|h| h.attr("w:type") == Some(kind))
            .and_then(|h| h.attr("r:id"))
            .unwrap_or_else(|| panic!("no {kind} header reference"));
        let rels = self.xml("word/_rels/document.xml.rels");
        let target = rels
            .kids("Relationship")
            .find(|r| r.attr("Id") == Some(rid))
            .and_then(|r| r.attr("Target"))
            .expect("header relationship");
        self.xml(&format!("word/{target}"))
    }
}

/// Writes a report and opens the result.
pub fn write(report: &Report) -> Package {
    Package::open(&baocao_docx::write(report))
}

/// The font slots every run must carry.
pub fn assert_times_new_roman(run: &El, what: &str) {
    let fonts = run
        .prop("w:rFonts")
        .unwrap_or_else(|| panic!("{what}: run without rFonts: {run:?}"));
    for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
        assert_eq!(
            fonts.attr(slot),
            Some("Times New Roman"),
            "{what}: {slot} of {run:?}"
        );
    }
}

/// A run's size in half-points.
pub fn size(run: &El) -> i64 {
    run.prop("w:sz")
        .unwrap_or_else(|| panic!("run without size: {run:?}"))
        .num("w:val")
}

/// Whether a run is bold / italic (a `w:b` or `w:i` not switched off).
pub fn is_on(run: &El, prop: &str) -> bool {
    run.prop(prop)
        .is_some_and(|p| !matches!(p.attr("w:val"), Some("0" | "false")))
}

/// The length of a short line: the paragraph's bottom border spans the box
/// minus the two indents.
pub fn rule_length(p: &El, box_width: i64) -> i64 {
    let border = p
        .pprop("w:pBdr")
        .and_then(|b| b.kid("w:bottom"))
        .unwrap_or_else(|| panic!("no bottom border: {p:?}"));
    assert_eq!(border.attr("w:val"), Some("single"));
    assert_eq!(border.attr("w:sz"), Some("6"));
    let ind = p.pprop("w:ind").expect("indents");
    let left = ind.attr("w:left").or(ind.attr("w:start")).unwrap_or("0");
    let right = ind.attr("w:right").or(ind.attr("w:end")).unwrap_or("0");
    box_width - left.parse::<i64>().unwrap_or(0) - right.parse::<i64>().unwrap_or(0)
}

/// The body's top-level paragraphs between the line under the trích yếu
/// and the closing table (or the end of the body).
pub fn body_paragraphs(body: &El) -> Vec<El> {
    let children: Vec<&El> = body.elements().collect();
    let rule = children
        .iter()
        .position(|e| e.name == "w:p" && e.pprop("w:pBdr").is_some())
        .expect("the line under the trích yếu");
    let end = children
        .iter()
        .rposition(|e| e.name == "w:tbl")
        .filter(|t| *t > rule)
        .unwrap_or(children.len());
    children[rule + 1..end]
        .iter()
        .filter(|e| e.name == "w:p" && e.pprop("w:sectPr").is_none())
        .map(|e| (*e).clone())
        .collect()
}

/// The text the writer must put in the document for inline content: runs as
/// written, footnote markers left out (they become footnote references).
pub fn inline_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Text(r) => Some(r.text.as_str()),
            Inline::Note(_) => None,
        })
        .collect()
}

/// The body's paragraphs (headings as "label title") in reading order, and
/// the footnote numbers in the order their markers appear.
pub fn model_body(report: &Report) -> (Vec<String>, Vec<FootnoteId>) {
    let mut texts = Vec::new();
    let mut notes = Vec::new();
    let mut note_ids = |inlines: &[Inline]| {
        for i in inlines {
            if let Inline::Note(id) = i {
                notes.push(*id);
            }
        }
    };
    report.body.visit(&mut |v| match v {
        Visit::Heading(_, h) => {
            let title = inline_text(&h.title);
            texts.push(if title.is_empty() {
                h.label()
            } else {
                format!("{} {title}", h.label())
            });
            note_ids(&h.title);
        }
        Visit::Block(_, Block::Paragraph(p)) => {
            texts.push(inline_text(&p.inlines));
            note_ids(&p.inlines);
        }
        Visit::Block(_, Block::Table(_)) => {}
    });
    (texts, notes)
}

/// A report with the given body paragraphs and footnotes, nothing else.
pub fn report_with(paragraphs: Vec<Vec<Inline>>, footnotes: Vec<(u32, &str)>) -> Report {
    let mut r = Report::new();
    r.body.intro = paragraphs
        .into_iter()
        .enumerate()
        .map(|(i, inlines)| {
            Block::Paragraph(Paragraph {
                id: BlockId(i as u32 + 1),
                inlines,
                origin: None,
            })
        })
        .collect();
    r.footnotes = footnotes
        .into_iter()
        .map(|(id, text)| Footnote {
            id: FootnoteId(id),
            content: vec![Inline::text(text)],
            origin: None,
        })
        .collect();
    r
}

/// Every section of a report, flattened (used to find headings by level).
pub fn sections(report: &Report) -> Vec<&Section> {
    report.body.sections_flat()
}

//! .docx → [`Report`]: reads Office Open XML documents as Word, LibreOffice,
//! WPS and Google Docs write them.
//!
//! Stages: `zip` (the package, with limits against zip bombs) → `dom` (each
//! XML part as a small tree; no DTD, no entity is ever expanded) → `styles`
//! and `numbering` (what a paragraph's style and list give it) → `document`
//! (paragraphs and tables in reading order, runs with their formatting,
//! footnote markers, field results and tracked insertions; images, text
//! boxes, comments and deletions counted, not kept) → `assemble` (the same
//! line classification and builder as the text importer).

pub(crate) mod assemble;
pub(crate) mod document;
mod dom;
mod error;
mod legacy;
mod numbering;
mod styles;
mod zip;

#[cfg(test)]
mod tests;

pub use document::Dropped;
pub use error::{DocxError, MAX_FILE_SIZE};
pub use legacy::Legacy;

use baocao_model::{Inline, Report};
use document::{Item, Reader};
use dom::Node;
use zip::Archive;

/// What reading a .docx gives: the report, what was left out of it, and a few
/// figures about the file.
#[derive(Clone, Debug)]
pub struct DocxImport {
    pub report: Report,
    pub dropped: Dropped,
    pub stats: Stats,
}

/// Figures about the document read, for the caller and the tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Sections (`w:sectPr`): page layouts, e.g. a landscape appendix.
    pub sections: u32,
    /// Every table in the body, layout tables of the header and closing included.
    pub tables: u32,
    /// Footnote (and endnote) markers in the body.
    pub footnotes: u32,
}

/// Whether bytes look like a .docx (a zip) or a Word 97–2003 / encrypted file:
/// the input layer sends them here whatever the file is named.
pub fn looks_like_word(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || error::sniff_ole(bytes).is_some()
}

/// The package's parts by relationship: the main document and the parts it
/// names (styles, numbering, footnotes, endnotes).
struct Parts {
    document: String,
    styles: Option<String>,
    numbering: Option<String>,
    footnotes: Option<String>,
    endnotes: Option<String>,
}

fn read_xml(archive: &Archive, name: &str) -> Result<Option<Node>, DocxError> {
    match archive.read(name)? {
        Some(bytes) => dom::parse(&bytes, name).map(Some),
        None => Ok(None),
    }
}

/// "word/document.xml" + "footnotes.xml" → "word/footnotes.xml"; handles
/// absolute targets ("/word/footnotes.xml") and "../".
fn resolve(base: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn relationships(archive: &Archive, part: &str) -> Result<Vec<(String, String)>, DocxError> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(root) = read_xml(archive, &rels_name)? else {
        return Ok(Vec::new());
    };
    Ok(root
        .elements()
        .filter(|r| r.name == "Relationship" && r.attr("TargetMode") != Some("External"))
        .filter_map(|r| {
            let kind = r.attr("Type")?.rsplit('/').next()?.to_string();
            Some((kind, resolve(part, r.attr("Target")?)))
        })
        .collect())
}

fn parts(archive: &Archive) -> Result<Parts, DocxError> {
    let document = relationships(archive, "")?
        .into_iter()
        .find(|(k, _)| k == "officeDocument")
        .map(|(_, t)| t)
        .filter(|t| archive.has(t))
        .unwrap_or_else(|| "word/document.xml".to_string());
    if !archive.has(&document) {
        return Err(DocxError::NoDocument);
    }
    let rels = relationships(archive, &document)?;
    let find = |kind: &str, fallback: &str| {
        rels.iter()
            .find(|(k, _)| k == kind)
            .map(|(_, t)| t.clone())
            .or_else(|| archive.has(fallback).then(|| fallback.to_string()))
    };
    Ok(Parts {
        styles: find("styles", "word/styles.xml"),
        numbering: find("numbering", "word/numbering.xml"),
        footnotes: find("footnotes", "word/footnotes.xml"),
        endnotes: find("endnotes", "word/endnotes.xml"),
        document,
    })
}

/// The notes of a footnotes or endnotes part by id (separators left out).
fn notes_by_id<'n>(root: Option<&'n Node>, element: &str) -> Vec<(String, &'n Node)> {
    root.map(|r| {
        r.elements()
            .filter(|n| n.name == element)
            .filter(|n| n.attr("type").is_none_or(|t| t == "normal"))
            .filter_map(|n| Some((n.attr("id")?.to_string(), n)))
            .collect()
    })
    .unwrap_or_default()
}

/// Reads a .docx file's bytes into a report.
pub fn read_docx(bytes: &[u8]) -> Result<DocxImport, DocxError> {
    if bytes.len() > MAX_FILE_SIZE {
        return Err(DocxError::TooLarge { bytes: bytes.len() });
    }
    if let Some(e) = error::sniff_ole(bytes) {
        return Err(e);
    }
    let archive = Archive::open(bytes)?;
    let parts = parts(&archive)?;
    let document = read_xml(&archive, &parts.document)?.ok_or(DocxError::NoDocument)?;
    let load = |name: &Option<String>| -> Result<Option<Node>, DocxError> {
        match name {
            Some(n) => read_xml(&archive, n),
            None => Ok(None),
        }
    };
    let styles = styles::Styles::read(load(&parts.styles)?.as_ref());
    let numbering =
        numbering::Numbering::read(load(&parts.numbering)?.as_ref(), &|s| styles.num_id(s));
    let footnotes_root = load(&parts.footnotes)?;
    let endnotes_root = load(&parts.endnotes)?;
    let footnotes = notes_by_id(footnotes_root.as_ref(), "footnote");
    let endnotes = notes_by_id(endnotes_root.as_ref(), "endnote");

    let mut reader = Reader::new(&styles, numbering);
    let body = document.child("body").ok_or_else(|| DocxError::BadXml {
        part: parts.document.clone(),
        detail: "thiếu phần thân (w:body)".into(),
    })?;
    let mut items = Vec::new();
    reader.blocks(body, &mut items);

    // The notes' content, in the order of their markers.
    let refs = std::mem::take(&mut reader.notes);
    let mut contents: Vec<Vec<Inline>> = Vec::with_capacity(refs.len());
    for r in &refs {
        let pool = if r.endnote { &endnotes } else { &footnotes };
        let mut content = pool
            .iter()
            .find(|(id, _)| *id == r.id)
            .map(|(_, n)| reader.note(n))
            .unwrap_or_default();
        if let Some(mark) = r
            .custom_mark
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
        {
            // A custom mark ("*") has no place in the model's numbered
            // marker: keep it at the head of the note's text.
            content.insert(0, Inline::text(format!("{mark} ")));
            content = document::merge(content);
        }
        contents.push(content);
    }
    let tables = count_tables(&items);
    let stats = Stats {
        sections: reader.sections,
        tables,
        footnotes: refs.len() as u32,
    };
    let dropped = reader.dropped;
    let report = assemble::assemble(items, contents);
    Ok(DocxImport {
        report,
        dropped,
        stats,
    })
}

fn count_tables(items: &[Item]) -> u32 {
    items.iter().filter(|i| matches!(i, Item::Table(_))).count() as u32
}

//! The package: docx-rs's parts, the ones the document actually refers to,
//! in a zip whose entries come in a fixed order with a fixed timestamp and
//! deflate compression. docx-rs's own packing stores the parts uncompressed
//! (several times larger) and writes parts nothing refers to.

use super::xml;
use docx_rs::XMLDocx;

/// One part of the package: its name in the zip and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn part(name: impl Into<String>, bytes: Vec<u8>) -> Part {
    Part {
        name: name.into(),
        bytes,
    }
}

/// Every part docx-rs built, in the order they go into the zip.
pub fn parts(x: XMLDocx) -> Vec<Part> {
    let mut out = vec![
        part("[Content_Types].xml", x.content_type),
        part("_rels/.rels", x.rels),
        part("docProps/app.xml", x.doc_props.app),
        part("docProps/core.xml", x.doc_props.core),
        part("docProps/custom.xml", x.doc_props.custom),
        part("word/_rels/document.xml.rels", x.document_rels),
        part("word/document.xml", x.document),
        part("word/styles.xml", x.styles),
        part("word/settings.xml", x.settings),
        part("word/fontTable.xml", x.font_table),
        part("word/footnotes.xml", x.footnotes),
        part("word/numbering.xml", x.numberings),
        part("word/comments.xml", x.comments),
        part("word/commentsExtended.xml", x.comments_extended),
    ];
    for (i, h) in x.headers.into_iter().enumerate() {
        out.push(part(format!("word/header{}.xml", i + 1), h));
    }
    for (i, r) in x.header_rels.into_iter().enumerate() {
        out.push(part(format!("word/_rels/header{}.xml.rels", i + 1), r));
    }
    for (i, f) in x.footers.into_iter().enumerate() {
        out.push(part(format!("word/footer{}.xml", i + 1), f));
    }
    for (i, r) in x.footer_rels.into_iter().enumerate() {
        out.push(part(format!("word/_rels/footer{}.xml.rels", i + 1), r));
    }
    out
}

/// The relationships part of a part: "word/document.xml" →
/// "word/_rels/document.xml.rels".
fn rels_of(name: &str) -> String {
    match name.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{name}.rels"),
    }
}

/// The internal targets of a relationships part, as part names.
fn targets(rels_name: &str, rels: &[u8]) -> Vec<String> {
    let Ok(root) = xml::parse(rels) else {
        return Vec::new();
    };
    // Targets are relative to the folder of the part the .rels belongs to.
    let base = rels_name
        .strip_suffix(".rels")
        .and_then(|n| n.rsplit_once("_rels/"))
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_default();
    root.elements()
        .filter(|r| r.attr("TargetMode") != Some("External"))
        .filter_map(|r| r.attr("Target"))
        .map(|t| match t.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("{base}{t}"),
        })
        .collect()
}

/// The parts reachable from the package root through relationships (plus
/// the content types and the relationships parts of the parts kept), in
/// their original order.
pub fn referenced(all: Vec<Part>) -> Vec<Part> {
    let mut keep: Vec<String> = vec!["[Content_Types].xml".into(), "_rels/.rels".into()];
    let mut queue: Vec<String> = vec!["_rels/.rels".into()];
    while let Some(rels_name) = queue.pop() {
        let Some(rels) = all.iter().find(|p| p.name == rels_name) else {
            continue;
        };
        for target in targets(&rels_name, &rels.bytes) {
            if keep.contains(&target) || !all.iter().any(|p| p.name == target) {
                continue;
            }
            let its_rels = rels_of(&target);
            keep.push(target);
            if all.iter().any(|p| p.name == its_rels) && !keep.contains(&its_rels) {
                keep.push(its_rels.clone());
                queue.push(its_rels);
            }
        }
    }
    all.into_iter().filter(|p| keep.contains(&p.name)).collect()
}

/// The zip of the parts: deflated, dated 1980-01-01 00:00 (the zip epoch),
/// so the same parts always give the same bytes. Written here rather than
/// with the zip crate, whose writer brings zopfli and zlib-rs (about 70 KB of
/// code) into the page for what is a few headers around deflated data.
pub fn zip(parts: &[Part]) -> Vec<u8> {
    /// The MS-DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1).
    const DOS_DATE: u16 = (1 << 5) | 1;
    /// Version 2.0: deflate.
    const VERSION: u16 = 20;
    const DEFLATE: u16 = 8;
    /// miniz's level 3 (greedy matching, 32 probes): on the .docx of a
    /// 100-page report (1.16 MB of XML) it takes about 40% fewer
    /// instructions than level 6 for a file 6% larger (123 KB against 116 KB);
    /// levels 1 and 2 save little more time for files 58% and 27% larger.
    const LEVEL: u8 = 3;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let compressed = miniz_oxide::deflate::compress_to_vec(&p.bytes, LEVEL);
        let crc = crc32fast::hash(&p.bytes);
        let name = p.name.as_bytes();
        // Part names are ASCII; flag bit 11 says UTF-8 should one not be.
        let flags: u16 = if p.name.is_ascii() { 0 } else { 1 << 11 };
        let offset = out.len() as u32;
        let sizes = |buf: &mut Vec<u8>| {
            put32(buf, crc);
            put32(buf, compressed.len() as u32);
            put32(buf, p.bytes.len() as u32);
            put16(buf, name.len() as u16);
            put16(buf, 0); // no extra field
        };
        // Local file header, then the data.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, VERSION);
        put16(&mut out, flags);
        put16(&mut out, DEFLATE);
        put16(&mut out, 0); // time 00:00:00
        put16(&mut out, DOS_DATE);
        sizes(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&compressed);
        // Its entry in the central directory.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, VERSION); // made by: MS-DOS attributes
        put16(&mut central, VERSION);
        put16(&mut central, flags);
        put16(&mut central, DEFLATE);
        put16(&mut central, 0);
        put16(&mut central, DOS_DATE);
        sizes(&mut central);
        put16(&mut central, 0); // no comment
        put16(&mut central, 0); // disk 0
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_offset = out.len() as u32;
    let central_len = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, parts.len() as u16);
    put16(&mut out, parts.len() as u16);
    put32(&mut out, central_len);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

fn put16(buf: &mut Vec<u8>, v: u16) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn put32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(targets: &[&str]) -> Vec<u8> {
        let mut s = String::from("<Relationships>");
        for (i, t) in targets.iter().enumerate() {
            s.push_str(&format!(r#"<Relationship Id="rId{i}" Target="{t}"/>"#));
        }
        s.push_str("</Relationships>");
        s.into_bytes()
    }

    #[test]
    fn only_referenced_parts_are_kept() {
        let all = vec![
            part("[Content_Types].xml", vec![]),
            part(
                "_rels/.rels",
                rels(&["word/document.xml", "docProps/core.xml"]),
            ),
            part("docProps/core.xml", vec![]),
            part(
                "word/_rels/document.xml.rels",
                rels(&["styles.xml", "header1.xml"]),
            ),
            part("word/document.xml", vec![]),
            part("word/styles.xml", vec![]),
            part("word/numbering.xml", vec![]),
            part("word/header1.xml", vec![]),
            part("word/_rels/header1.xml.rels", rels(&[])),
        ];
        let kept: Vec<String> = referenced(all).into_iter().map(|p| p.name).collect();
        assert_eq!(
            kept,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/styles.xml",
                "word/header1.xml",
                "word/_rels/header1.xml.rels",
            ]
        );
    }

    // Read back with the zip crate, a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_zip_is_deflated_and_dated_at_the_epoch() {
        use ::zip::{CompressionMethod, DateTime, ZipArchive};
        use std::io::Read;
        let parts = vec![
            part("a.xml", "x".repeat(10_000).into_bytes()),
            part("word/b.xml", "Tình hình tháng 3/2025".as_bytes().to_vec()),
            part("empty.xml", Vec::new()),
        ];
        let bytes = zip(&parts);
        assert!(bytes.len() < 1_000, "{} bytes", bytes.len());
        assert_eq!(bytes, zip(&parts));
        // A standard reader (the zip crate) reads back every part.
        let mut archive = ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for p in &parts {
            let mut file = archive.by_name(&p.name).unwrap();
            assert_eq!(file.compression(), CompressionMethod::Deflated);
            assert_eq!(file.last_modified(), Some(DateTime::default()));
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            assert_eq!(content, p.bytes);
        }
    }
}

//! The package: docx-rs's parts, the ones the document actually refers to,
//! in a zip whose entries come in a fixed order with a fixed timestamp and
//! deflate compression. docx-rs's own packing stores the parts uncompressed
//! (several times larger) and writes parts nothing refers to.

use super::xml;
use docx_rs::XMLDocx;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

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

/// The zip of the parts: deflated, dated 1980-01-01 (the zip epoch), so the
/// same parts always give the same bytes.
pub fn zip(parts: &[Part]) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for p in parts {
        zip.start_file(p.name.as_str(), options)?;
        zip.write_all(&p.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
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

    #[test]
    fn the_zip_is_deflated_and_dated_at_the_epoch() {
        let parts = vec![part("a.xml", "x".repeat(10_000).into_bytes())];
        let bytes = zip(&parts).unwrap();
        assert!(bytes.len() < 1_000, "{} bytes", bytes.len());
        assert_eq!(bytes, zip(&parts).unwrap());
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let file = archive.by_index(0).unwrap();
        assert_eq!(file.compression(), CompressionMethod::Deflated);
        assert_eq!(file.last_modified(), Some(DateTime::default()));
    }
}

//! Part-level corrections of what docx-rs 0.4.22 writes, applied between
//! `Docx::build()` and packing. docx-rs writes several elements out of the
//! order ECMA-376 prescribes, and cannot express a few things a proper Word
//! file has (separator footnotes, the note number, repeated header rows, the
//! title and creator). Each correction below is one function, names the
//! docx-rs behaviour it corrects, and has its own test; all of them work on
//! the element tree of `xml`, never on the XML text.

use super::pack::Part;
use super::profile::{size, COLOR, FONT, FOOTNOTE_REFERENCE_STYLE, LANGUAGE, SINGLE_LINE};
use super::stream::{self, Kind};
use super::xml::{self, local, Element, Node};
use super::Facts;

/// Sorts an element's children by `rank` of their local name, keeping the
/// relative order of children of equal rank. Each child is ranked once, and
/// children already in order (most of them) are left as they are.
fn order_children_by(e: &mut Element, rank: &dyn Fn(&str) -> usize) {
    let key = |n: &Node| match n {
        Node::Element(c) => rank(local(&c.name)),
        Node::Text(_) => usize::MAX,
    };
    let mut last = 0;
    let mut sorted = true;
    for n in &e.children {
        let k = key(n);
        if k < last {
            sorted = false;
            break;
        }
        last = k;
    }
    if !sorted {
        e.children.sort_by_cached_key(key);
    }
}

/// The place of `name` in a schema sequence; names it does not list go last.
fn rank_in(sequence: &[&str], name: &str) -> usize {
    sequence
        .iter()
        .position(|s| *s == name)
        .unwrap_or(sequence.len())
}

/// Sorts an element's children into a schema sequence.
fn order_children(e: &mut Element, sequence: &[&str]) {
    order_children_by(e, &|name| rank_in(sequence, name));
}

/// Applies `order_children` to every element named `name` in the tree.
fn order_all(root: &mut Element, name: &str, sequence: &[&str]) {
    order_all_by(root, name, &|n| rank_in(sequence, n));
}

/// Applies `order_children_by` to every element named `name` in the tree.
fn order_all_by(root: &mut Element, name: &str, rank: &dyn Fn(&str) -> usize) {
    root.walk_mut(&mut |e| {
        if e.name == name {
            order_children_by(e, rank);
        }
    });
}

/// CT_PPr (with CT_PPrBase first).
const PARAGRAPH_PROPERTIES: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// docx-rs's `ParagraphProperty` writes `rPr` first and `jc` before
/// `spacing`/`ind`, `keepNext` and `widowControl` late; CT_PPr wants them in
/// its sequence.
#[cfg(test)]
pub fn order_paragraph_properties(root: &mut Element) {
    order_all(root, "w:pPr", PARAGRAPH_PROPERTIES);
}

/// CT_ParaRPr / CT_RPr: revision marks, then EG_RPrBase, then rPrChange.
const RUN_PROPERTIES: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

/// docx-rs's `RunProperty` writes `sz` first and `rFonts` after `b`/`i`, and
/// `rStyle` near the end; CT_RPr wants `rStyle`, `rFonts`, `b`, `i` … `sz`.
#[cfg(test)]
pub fn order_run_properties(root: &mut Element) {
    order_all(root, "w:rPr", RUN_PROPERTIES);
}

/// CT_SectPr (header and footer references share the first place).
const SECTION_PROPERTIES: &[&str] = &[
    "headerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// docx-rs's `SectionProperty` writes `headerReference` after `pgSz`,
/// `pgMar`, `cols` and `docGrid`; CT_SectPr wants the references first.
pub fn order_section_properties(root: &mut Element) {
    order_all_by(root, "w:sectPr", &section_rank);
}

/// The place of `name` in CT_SectPr: header and footer references may come
/// in any order among themselves.
fn section_rank(name: &str) -> usize {
    match name {
        "footerReference" => 0,
        other => rank_in(SECTION_PROPERTIES, other),
    }
}

/// docx-rs can give both headers (page number, empty first page) only to the
/// document's last section: its `Docx::add_section` keeps one header per
/// section. When the report has several sections (a landscape table), moves
/// the first-page header and `titlePg` from the last section to the first,
/// and gives the first section the page-number header too, so page 1 has no
/// number and every later page (of every section) has one.
pub fn title_page_on_first_section(document: &mut Element) {
    let Some(body) = document.child_mut("w:body") else {
        return;
    };
    let Some(last) = body.child("w:sectPr") else {
        return;
    };
    let references: Vec<Element> = last
        .elements()
        .filter(|e| e.name == "w:headerReference")
        .cloned()
        .collect();
    let mut moved = false;
    body.walk_mut(&mut |e| {
        if moved || e.name != "w:pPr" {
            return;
        }
        if let Some(first) = e.child_mut("w:sectPr") {
            first
                .children
                .retain(|n| !matches!(n, Node::Element(c) if c.name == "w:headerReference" || c.name == "w:titlePg"));
            for r in references.iter().rev() {
                first.children.insert(0, Node::Element(r.clone()));
            }
            first.children.push(Node::Element(Element::new("w:titlePg")));
            moved = true;
        }
    });
    if !moved {
        return;
    }
    if let Some(last) = body.child_mut("w:sectPr") {
        last.children.retain(|n| match n {
            Node::Element(c) => {
                c.name != "w:titlePg"
                    && !(c.name == "w:headerReference" && c.attr("w:type") == Some("first"))
            }
            Node::Text(_) => true,
        });
    }
    order_section_properties(document);
}

/// An appendix's section starts its page numbers again at 1
/// (`w:pgNumType w:start="1"`) and, like the report's first page, shows no
/// number on its first page: it gets `w:titlePg` and both header references
/// of the first section (the empty first-page header and the page number),
/// given outright rather than inherited, which not every reader follows.
pub fn appendix_sections_hide_their_first_number(document: &mut Element) {
    let Some(body) = document.child_mut("w:body") else {
        return;
    };
    let mut references: Vec<Element> = Vec::new();
    body.walk_mut(&mut |e| {
        if references.is_empty() && e.name == "w:sectPr" {
            references = e
                .elements()
                .filter(|c| c.name == "w:headerReference")
                .cloned()
                .collect();
        }
    });
    if references.is_empty() {
        return;
    }
    body.walk_mut(&mut |e| {
        if e.name != "w:sectPr" || e.child("w:pgNumType").is_none() {
            return;
        }
        e.children
            .retain(|n| !matches!(n, Node::Element(c) if c.name == "w:headerReference" || c.name == "w:titlePg"));
        for r in references.iter().rev() {
            e.children.insert(0, Node::Element(r.clone()));
        }
        e.children.push(Node::Element(Element::new("w:titlePg")));
    });
    order_section_properties(document);
}

/// CT_TblPr.
const TABLE_PROPERTIES: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// docx-rs's `TableProperty` writes `tblStyle` after `tblW`, `jc` and
/// `tblBorders`, and `tblCellMar` before `tblInd` and `tblLayout`; CT_TblPr
/// wants `tblStyle` first and `tblInd`, `tblBorders`, `tblLayout`,
/// `tblCellMar` in that order.
#[cfg(test)]
pub fn order_table_properties(root: &mut Element) {
    order_all(root, "w:tblPr", TABLE_PROPERTIES);
}

/// CT_TcPr.
const CELL_PROPERTIES: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

/// docx-rs's `TableCellProperty` writes `tcBorders` before `gridSpan` and
/// `vMerge`, and `vAlign` before `textDirection`, `shd` and `tcMar`; CT_TcPr
/// wants the opposite in both cases.
#[cfg(test)]
pub fn order_cell_properties(root: &mut Element) {
    order_all(root, "w:tcPr", CELL_PROPERTIES);
}

/// The order of border sides (CT_PBdr; CT_TblBorders and CT_TcBorders
/// follow it too).
const BORDERS: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];

/// docx-rs's `ParagraphBorders` writes left, right, top, bottom; CT_PBdr
/// wants top, left, bottom, right, then between and bar. (Its table and cell
/// borders already come in order.)
#[cfg(test)]
pub fn order_paragraph_borders(root: &mut Element) {
    order_all(root, "w:pBdr", BORDERS);
}

/// docx-rs writes `<w:gridCol w:w="…" w:type="dxa"/>`; CT_TblGridCol has no
/// `type` attribute (its width is always in twips).
#[cfg(test)]
pub fn drop_grid_column_types(root: &mut Element) {
    root.walk_mut(&mut |e| {
        if e.name == "w:gridCol" {
            drop_grid_column_type(e);
        }
    });
}

#[cfg(test)]
fn drop_grid_column_type(grid_column: &mut Element) {
    grid_column.remove_attr("w:type");
}

/// docx-rs numbers paragraphs (`w14:paraId`) from a thread-local counter
/// that runs on from one document to the next, so the same report would give
/// different bytes on a second export. The ids are optional (Word makes its
/// own), so they are dropped.
#[cfg(test)]
pub fn drop_paragraph_ids(root: &mut Element) {
    root.walk_mut(&mut |e| {
        if e.name == "w:p" {
            drop_paragraph_id(e);
        }
    });
}

#[cfg(test)]
fn drop_paragraph_id(paragraph: &mut Element) {
    paragraph.remove_attr("w14:paraId");
    paragraph.remove_attr("w14:textId");
}

/// docx-rs has no `w:tblHeader`: marks the first rows of the body's tables
/// at `tables` (their order among the body's tables, with how many rows) as
/// header rows that Word and LibreOffice repeat on every page.
pub fn repeat_header_rows(document: &mut Element, tables: &[(usize, usize)]) {
    let Some(body) = document.child_mut("w:body") else {
        return;
    };
    for (i, table) in body
        .elements_mut()
        .filter(|e| e.name == "w:tbl")
        .enumerate()
    {
        let Some(&(_, count)) = tables.iter().find(|(t, _)| *t == i) else {
            continue;
        };
        for row in table
            .elements_mut()
            .filter(|e| e.name == "w:tr")
            .take(count.max(1))
        {
            if row.child("w:trPr").is_none() {
                row.children
                    .insert(0, Node::Element(Element::new("w:trPr")));
            }
            if let Some(props) = row.child_mut("w:trPr") {
                if props.child("w:tblHeader").is_none() {
                    props
                        .children
                        .push(Node::Element(Element::new("w:tblHeader")));
                }
            }
        }
    }
}

/// CT_Style.
const STYLE_ELEMENTS: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// docx-rs's `Style` writes `rPr` before `pPr`, and `next`, `link`,
/// `qFormat`, `uiPriority` and the like after both; CT_Style wants those
/// first, then `pPr`, then `rPr`.
pub fn order_style_elements(styles: &mut Element) {
    order_all(styles, "w:style", STYLE_ELEMENTS);
}

/// docx-rs writes an (empty) `rPr` inside the `pPr` of styles and of the
/// default paragraph properties; there the schema's CT_PPrGeneral has no
/// `rPr` at all.
pub fn drop_run_properties_from_style_paragraphs(styles: &mut Element) {
    styles.walk_mut(&mut |e| {
        if e.name == "w:style" || e.name == "w:pPrDefault" {
            for p in e.elements_mut().filter(|c| c.name == "w:pPr") {
                p.children
                    .retain(|n| !matches!(n, Node::Element(c) if c.name == "w:rPr"));
            }
        }
    });
}

/// docx-rs's default run properties cannot carry a language or a colour:
/// adds `w:lang` vi-VN (so spelling and hyphenation know the text is
/// Vietnamese) and black text to docDefaults.
pub fn complete_default_run_properties(styles: &mut Element) {
    let Some(defaults) = styles.child_mut("w:docDefaults") else {
        return;
    };
    let Some(run_default) = defaults.child_mut("w:rPrDefault") else {
        return;
    };
    if run_default.child("w:rPr").is_none() {
        run_default
            .children
            .push(Node::Element(Element::new("w:rPr")));
    }
    let Some(props) = run_default.child_mut("w:rPr") else {
        return;
    };
    props
        .children
        .retain(|n| !matches!(n, Node::Element(c) if c.name == "w:lang" || c.name == "w:color"));
    props.children.push(Node::Element(
        Element::new("w:color").with_attr("w:val", COLOR),
    ));
    props.children.push(Node::Element(
        Element::new("w:lang")
            .with_attr("w:val", LANGUAGE)
            .with_attr("w:eastAsia", LANGUAGE)
            .with_attr("w:bidi", "ar-SA"),
    ));
    order_children(props, RUN_PROPERTIES);
}

/// A separator note as Word writes it: one paragraph holding the mark.
fn separator_note(kind: &str, id: &str) -> Element {
    Element::new("w:footnote")
        .with_attr("w:type", kind)
        .with_attr("w:id", id)
        .with_child(
            Element::new("w:p")
                .with_child(
                    Element::new("w:pPr").with_child(
                        Element::new("w:spacing")
                            .with_attr("w:after", "0")
                            .with_attr("w:line", &SINGLE_LINE.to_string())
                            .with_attr("w:lineRule", "auto"),
                    ),
                )
                .with_child(Element::new("w:r").with_child(Element::new(&format!("w:{kind}")))),
        )
}

/// docx-rs writes no separator footnotes: without them Word draws no line
/// between the text and the notes. Adds the separator (id -1) and the
/// continuation separator (id 0) Word itself writes, so real notes keep
/// their ids from 1.
pub fn add_separator_footnotes(footnotes: &mut Element) {
    footnotes
        .children
        .retain(|n| !matches!(n, Node::Element(c) if c.attr("w:type").is_some()));
    let notes = separator_notes().map(Node::Element);
    footnotes.children.splice(0..0, notes);
}

/// The separator note and the continuation separator note, in this order.
pub(super) fn separator_notes() -> [Element; 2] {
    [
        separator_note("separator", "-1"),
        separator_note("continuationSeparator", "0"),
    ]
}

/// The run that puts a note's number at the start of the note: in the
/// FootnoteReference style, with font and size like every run.
pub(super) fn footnote_number_run() -> Element {
    Element::new("w:r")
        .with_child(
            Element::new("w:rPr")
                .with_child(Element::new("w:rStyle").with_attr("w:val", FOOTNOTE_REFERENCE_STYLE))
                .with_child(
                    Element::new("w:rFonts")
                        .with_attr("w:ascii", FONT)
                        .with_attr("w:hAnsi", FONT)
                        .with_attr("w:cs", FONT)
                        .with_attr("w:eastAsia", FONT),
                )
                .with_child(Element::new("w:sz").with_attr("w:val", &size::FOOTNOTE.0.to_string()))
                .with_child(
                    Element::new("w:szCs").with_attr("w:val", &size::FOOTNOTE.0.to_string()),
                ),
        )
        .with_child(Element::new("w:footnoteRef"))
}

/// docx-rs writes no `w:footnoteRef` in the note, so the note's own number
/// is missing at the foot of the page. Puts the number run (in the
/// FootnoteReference style, with font and size like every run) at the start
/// of each note's first paragraph.
pub fn number_footnotes(footnotes: &mut Element) {
    for note in footnotes
        .elements_mut()
        .filter(|e| e.name == "w:footnote" && e.attr("w:type").is_none())
    {
        let Some(p) = note.child_mut("w:p") else {
            continue;
        };
        let mut has_ref = false;
        p.walk(&mut |e| has_ref |= e.name == "w:footnoteRef");
        if has_ref {
            continue;
        }
        let at = p
            .children
            .iter()
            .position(|n| !matches!(n, Node::Element(c) if c.name == "w:pPr"))
            .unwrap_or(p.children.len());
        p.children.insert(at, Node::Element(footnote_number_run()));
    }
}

/// CT_Settings, the part of its long sequence a document can hold here.
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];

/// docx-rs's `Settings` writes `zoom` after `defaultTabStop`; CT_Settings
/// wants it before (and the rest in its long sequence).
pub fn order_settings(settings: &mut Element) {
    order_children(settings, SETTINGS);
}

/// docx-rs writes no `w:footnotePr` in the settings: adds the one Word
/// writes, naming the two separator notes.
pub fn point_to_separator_footnotes(settings: &mut Element) {
    settings
        .children
        .retain(|n| !matches!(n, Node::Element(c) if c.name == "w:footnotePr"));
    settings.children.push(Node::Element(
        Element::new("w:footnotePr")
            .with_child(Element::new("w:footnote").with_attr("w:id", "-1"))
            .with_child(Element::new("w:footnote").with_attr("w:id", "0")),
    ));
    order_children(settings, SETTINGS);
}

/// docx-rs's `CorePropsConfig` has no setter for the title or the creator:
/// it writes creator and last-modified-by "unknown" and dates of 1970. Sets
/// the title and creator (left out when blank) and drops the meaningless
/// dates and "unknown" editor.
pub fn set_core_properties(core: &mut Element, title: &str, creator: &str) {
    core.children.retain(|n| match n {
        Node::Element(c) => !matches!(
            c.name.as_str(),
            "dc:title"
                | "dc:creator"
                | "cp:lastModifiedBy"
                | "dcterms:created"
                | "dcterms:modified"
        ),
        Node::Text(_) => false,
    });
    if !creator.is_empty() {
        core.children
            .push(Node::Element(Element::new("dc:creator").with_text(creator)));
    }
    if !title.is_empty() {
        core.children
            .push(Node::Element(Element::new("dc:title").with_text(title)));
    }
}

/// docx-rs declares content types for parts it writes but nothing refers to
/// (numbering.xml, comments.xml, footnotes.xml with no notes), which the
/// packing leaves out; drops the overrides of parts not in the package.
pub fn drop_overrides_of_absent_parts(content_types: &mut Element, present: &[String]) {
    content_types.children.retain(|n| match n {
        Node::Element(c) if c.name == "Override" => c
            .attr("PartName")
            .is_some_and(|p| present.iter().any(|q| p.trim_start_matches('/') == q)),
        _ => true,
    });
}

/// Reads a part, applies `f`, writes it back. A part that does not parse
/// (docx-rs never writes one) is left as it is rather than lost.
fn edit(part: &mut Part, f: impl FnOnce(&mut Element)) {
    if let Ok(mut root) = xml::parse(&part.bytes) {
        f(&mut root);
        part.bytes = xml::write(&root);
    }
}

/// The schema order of the children of an element whose children docx-rs
/// writes out of order.
#[derive(Clone, Copy)]
pub(super) enum Order {
    Sequence(&'static [&'static str]),
    Section,
}

impl Order {
    /// The place of a child (its local name) in the order.
    pub(super) fn rank(self, name: &str) -> usize {
        match self {
            Order::Sequence(sequence) => rank_in(sequence, name),
            Order::Section => section_rank(name),
        }
    }
}

/// The order `order_paragraph_properties` … `order_paragraph_borders` above
/// give the children of an element named `name`, if they order them.
pub(super) fn order_of(name: &str) -> Option<Order> {
    Some(match name {
        "w:pPr" => Order::Sequence(PARAGRAPH_PROPERTIES),
        "w:rPr" => Order::Sequence(RUN_PROPERTIES),
        "w:sectPr" => Order::Section,
        "w:tblPr" => Order::Sequence(TABLE_PROPERTIES),
        "w:tcPr" => Order::Sequence(CELL_PROPERTIES),
        "w:pBdr" => Order::Sequence(BORDERS),
        _ => return None,
    })
}

/// The attributes `drop_grid_column_types` and `drop_paragraph_ids` take
/// from an element named `name`.
pub(super) fn dropped_attributes(name: &str) -> &'static [&'static str] {
    match name {
        "w:gridCol" => &["w:type"],
        "w:p" => &["w14:paraId", "w14:textId"],
        _ => &[],
    }
}

/// The corrections every WordprocessingML part needs (each of
/// `order_paragraph_properties` … `drop_paragraph_ids` above), made to each
/// element in one walk of the part: they concern different elements.
/// (`stream` makes the same in one pass over the text of the large parts.)
pub(super) fn wordprocessing(root: &mut Element) {
    root.walk_mut(&mut |e| {
        if let Some(order) = order_of(&e.name) {
            order_children_by(e, &|name| order.rank(name));
        }
        for key in dropped_attributes(&e.name) {
            e.remove_attr(key);
        }
    });
}

/// Applies every correction to the parts it concerns.
pub(super) fn correct(parts: &mut [Part], facts: &Facts) {
    for part in parts.iter_mut() {
        match part.name.as_str() {
            "word/document.xml" => {
                match stream::correct(&part.bytes, Kind::Document(&facts.detail_tables)) {
                    Some(bytes) => part.bytes = bytes,
                    None => edit(part, |d| {
                        wordprocessing(d);
                        title_page_on_first_section(d);
                        appendix_sections_hide_their_first_number(d);
                        repeat_header_rows(d, &facts.detail_tables);
                    }),
                }
            }
            "word/footnotes.xml" if facts.has_footnotes => {
                match stream::correct(&part.bytes, Kind::Footnotes) {
                    Some(bytes) => part.bytes = bytes,
                    None => edit(part, |f| {
                        wordprocessing(f);
                        add_separator_footnotes(f);
                        number_footnotes(f);
                    }),
                }
            }
            "word/styles.xml" => edit(part, |s| {
                order_style_elements(s);
                drop_run_properties_from_style_paragraphs(s);
                wordprocessing(s);
                complete_default_run_properties(s);
            }),
            "word/settings.xml" => edit(part, |s| {
                order_settings(s);
                if facts.has_footnotes {
                    point_to_separator_footnotes(s);
                }
            }),
            "docProps/core.xml" => edit(part, |c| {
                set_core_properties(c, &facts.title, &facts.creator)
            }),
            name if name.starts_with("word/header") || name.starts_with("word/footer") => {
                match stream::correct(&part.bytes, Kind::Plain) {
                    Some(bytes) => part.bytes = bytes,
                    None => edit(part, wordprocessing),
                }
            }
            _ => {}
        }
    }
}

/// Declares content types only for the parts the package holds.
pub(super) fn declare_only_present_parts(mut parts: Vec<Part>) -> Vec<Part> {
    let names: Vec<String> = parts.iter().map(|p| p.name.clone()).collect();
    if let Some(types) = parts.iter_mut().find(|p| p.name == "[Content_Types].xml") {
        edit(types, |t| drop_overrides_of_absent_parts(t, &names));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::{parse, write};

    fn tree(xml: &str) -> Element {
        parse(xml.as_bytes()).unwrap()
    }

    fn text(e: &Element) -> String {
        let xml = String::from_utf8(write(e)).unwrap();
        xml.split_once("?>")
            .map(|(_, b)| b.to_string())
            .unwrap_or(xml)
    }

    #[test]
    fn paragraph_properties_follow_ct_ppr() {
        let mut p = tree(
            r#"<w:p><w:pPr><w:rPr/><w:jc w:val="both"/><w:ind w:firstLine="567"/><w:spacing w:before="120"/><w:keepNext/><w:widowControl/><w:pBdr/><w:pStyle w:val="X"/></w:pPr></w:p>"#,
        );
        order_paragraph_properties(&mut p);
        assert_eq!(
            text(&p),
            r#"<w:p><w:pPr><w:pStyle w:val="X"/><w:keepNext/><w:widowControl/><w:pBdr/><w:spacing w:before="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/><w:rPr/></w:pPr></w:p>"#
        );
    }

    #[test]
    fn run_properties_follow_ct_rpr() {
        let mut r = tree(
            r#"<w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/><w:b/><w:bCs/><w:i/><w:iCs/><w:rFonts w:ascii="T"/><w:vertAlign w:val="superscript"/><w:rStyle w:val="S"/></w:rPr><w:t>x</w:t></w:r>"#,
        );
        order_run_properties(&mut r);
        assert_eq!(
            text(&r),
            r#"<w:r><w:rPr><w:rStyle w:val="S"/><w:rFonts w:ascii="T"/><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/><w:vertAlign w:val="superscript"/></w:rPr><w:t>x</w:t></w:r>"#
        );
    }

    #[test]
    fn section_references_come_first() {
        let mut s = tree(
            r#"<w:sectPr><w:pgSz/><w:pgMar/><w:cols/><w:footerReference w:id="f"/><w:headerReference w:id="a"/><w:headerReference w:id="b"/><w:titlePg/><w:pgNumType/></w:sectPr>"#,
        );
        order_section_properties(&mut s);
        assert_eq!(
            text(&s),
            r#"<w:sectPr><w:footerReference w:id="f"/><w:headerReference w:id="a"/><w:headerReference w:id="b"/><w:pgSz/><w:pgMar/><w:pgNumType/><w:cols/><w:titlePg/></w:sectPr>"#
        );
    }

    #[test]
    fn the_first_of_several_sections_gets_the_title_page() {
        let mut d = tree(
            r#"<w:document><w:body><w:p><w:pPr><w:sectPr><w:pgSz w:orient="portrait"/></w:sectPr></w:pPr></w:p><w:p><w:pPr><w:sectPr><w:pgSz w:orient="landscape"/></w:sectPr></w:pPr></w:p><w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/><w:pgSz/><w:titlePg/></w:sectPr></w:body></w:document>"#,
        );
        title_page_on_first_section(&mut d);
        assert_eq!(
            text(&d),
            r#"<w:document><w:body><w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/><w:pgSz w:orient="portrait"/><w:titlePg/></w:sectPr></w:pPr></w:p><w:p><w:pPr><w:sectPr><w:pgSz w:orient="landscape"/></w:sectPr></w:pPr></w:p><w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:pgSz/></w:sectPr></w:body></w:document>"#
        );
        // One section: nothing to move.
        let single = r#"<w:document><w:body><w:p/><w:sectPr><w:headerReference w:type="first" r:id="h2"/><w:titlePg/></w:sectPr></w:body></w:document>"#;
        let mut d = tree(single);
        title_page_on_first_section(&mut d);
        assert_eq!(text(&d), single);
    }

    #[test]
    fn table_properties_follow_ct_tblpr() {
        let mut t = tree(
            r#"<w:tbl><w:tblPr><w:tblW/><w:jc/><w:tblBorders/><w:tblCellMar/><w:tblInd/><w:tblLayout/></w:tblPr></w:tbl>"#,
        );
        order_table_properties(&mut t);
        assert_eq!(
            text(&t),
            r#"<w:tbl><w:tblPr><w:tblW/><w:jc/><w:tblInd/><w:tblBorders/><w:tblLayout/><w:tblCellMar/></w:tblPr></w:tbl>"#
        );
    }

    #[test]
    fn cell_properties_follow_ct_tcpr() {
        let mut c =
            tree(r#"<w:tc><w:tcPr><w:vAlign/><w:shd/><w:tcBorders/><w:tcW/></w:tcPr></w:tc>"#);
        order_cell_properties(&mut c);
        assert_eq!(
            text(&c),
            r#"<w:tc><w:tcPr><w:tcW/><w:tcBorders/><w:shd/><w:vAlign/></w:tcPr></w:tc>"#
        );
    }

    #[test]
    fn paragraph_borders_go_top_left_bottom_right() {
        let mut b = tree(
            r#"<w:pPr><w:pBdr><w:bar/><w:left/><w:right/><w:top/><w:bottom/></w:pBdr></w:pPr>"#,
        );
        order_paragraph_borders(&mut b);
        assert_eq!(
            text(&b),
            r#"<w:pPr><w:pBdr><w:top/><w:left/><w:bottom/><w:right/><w:bar/></w:pBdr></w:pPr>"#
        );
    }

    #[test]
    fn grid_columns_lose_their_type() {
        let mut g = tree(r#"<w:tblGrid><w:gridCol w:w="3686" w:type="dxa"/></w:tblGrid>"#);
        drop_grid_column_types(&mut g);
        assert_eq!(
            text(&g),
            r#"<w:tblGrid><w:gridCol w:w="3686"/></w:tblGrid>"#
        );
    }

    #[test]
    fn paragraph_ids_are_dropped() {
        let mut b =
            tree(r#"<w:body><w:p w14:paraId="0000002A" w14:textId="1"><w:r/></w:p></w:body>"#);
        drop_paragraph_ids(&mut b);
        assert_eq!(text(&b), r#"<w:body><w:p><w:r/></w:p></w:body>"#);
    }

    #[test]
    fn only_the_named_tables_get_a_header_row() {
        let mut d = tree(
            r#"<w:document><w:body><w:tbl><w:tr><w:trPr/></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr/></w:tbl><w:tbl><w:tr><w:tc/></w:tr></w:tbl></w:body></w:document>"#,
        );
        repeat_header_rows(&mut d, &[(1, 1), (2, 1)]);
        assert_eq!(
            text(&d),
            r#"<w:document><w:body><w:tbl><w:tr><w:trPr/></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr><w:tr/></w:tbl><w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr></w:tbl></w:body></w:document>"#
        );
    }

    #[test]
    fn style_elements_follow_ct_style() {
        let mut s = tree(
            r#"<w:styles><w:style w:styleId="N"><w:name w:val="Normal"/><w:rPr><w:sz/></w:rPr><w:pPr><w:jc/></w:pPr><w:qFormat/><w:basedOn/></w:style></w:styles>"#,
        );
        order_style_elements(&mut s);
        assert_eq!(
            text(&s),
            r#"<w:styles><w:style w:styleId="N"><w:name w:val="Normal"/><w:basedOn/><w:qFormat/><w:pPr><w:jc/></w:pPr><w:rPr><w:sz/></w:rPr></w:style></w:styles>"#
        );
    }

    #[test]
    fn style_paragraph_properties_hold_no_run_properties() {
        let mut s = tree(
            r#"<w:styles><w:docDefaults><w:pPrDefault><w:pPr><w:rPr/></w:pPr></w:pPrDefault></w:docDefaults><w:style><w:pPr><w:rPr/><w:jc/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>"#,
        );
        drop_run_properties_from_style_paragraphs(&mut s);
        assert_eq!(
            text(&s),
            r#"<w:styles><w:docDefaults><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults><w:style><w:pPr><w:jc/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>"#
        );
    }

    #[test]
    fn default_run_properties_get_language_and_colour() {
        let mut s = tree(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/><w:rFonts w:ascii="T"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#,
        );
        complete_default_run_properties(&mut s);
        assert_eq!(
            text(&s),
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="T"/><w:color w:val="000000"/><w:sz w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
    }

    const NOTES: &str = r#"<w:footnotes><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t> a</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p/></w:footnote></w:footnotes>"#;

    #[test]
    fn separator_notes_come_first() {
        let mut f = tree(NOTES);
        add_separator_footnotes(&mut f);
        add_separator_footnotes(&mut f); // a second pass adds nothing
        let notes: Vec<(Option<&str>, Option<&str>)> = f
            .elements()
            .map(|n| (n.attr("w:type"), n.attr("w:id")))
            .collect();
        assert_eq!(
            notes,
            vec![
                (Some("separator"), Some("-1")),
                (Some("continuationSeparator"), Some("0")),
                (None, Some("1")),
                (None, Some("2")),
            ]
        );
        let xml = text(&f);
        assert!(xml.contains(r#"<w:r><w:separator/></w:r>"#));
        assert!(xml.contains(r#"<w:r><w:continuationSeparator/></w:r>"#));
    }

    #[test]
    fn every_note_starts_with_its_number() {
        let mut f = tree(NOTES);
        number_footnotes(&mut f);
        number_footnotes(&mut f); // a second pass adds nothing
        let xml = text(&f);
        assert!(xml.contains(r#"<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t> a</w:t></w:r>"#), "{xml}");
        assert_eq!(xml.matches("<w:footnoteRef/>").count(), 2);
    }

    #[test]
    fn settings_follow_ct_settings() {
        let mut s = tree(
            r#"<w:settings><w:defaultTabStop w:val="840"/><w:compat/><w:zoom w:percent="100"/></w:settings>"#,
        );
        order_settings(&mut s);
        assert_eq!(
            text(&s),
            r#"<w:settings><w:zoom w:percent="100"/><w:defaultTabStop w:val="840"/><w:compat/></w:settings>"#
        );
    }

    #[test]
    fn settings_name_the_separator_notes() {
        let mut s = tree(r#"<w:settings><w:defaultTabStop w:val="840"/><w:compat/></w:settings>"#);
        point_to_separator_footnotes(&mut s);
        point_to_separator_footnotes(&mut s); // a second pass adds nothing
        assert_eq!(
            text(&s),
            r#"<w:settings><w:defaultTabStop w:val="840"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat/></w:settings>"#
        );
    }

    #[test]
    fn core_properties_carry_title_and_creator() {
        let mut c = tree(
            r#"<cp:coreProperties><dcterms:created>1970-01-01T00:00:00Z</dcterms:created><dc:creator>unknown</dc:creator><cp:lastModifiedBy>unknown</cp:lastModifiedBy><dcterms:modified>1970</dcterms:modified><cp:revision>1</cp:revision></cp:coreProperties>"#,
        );
        set_core_properties(
            &mut c,
            "Tình hình & nhiệm vụ",
            "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN",
        );
        assert_eq!(
            text(&c),
            r#"<cp:coreProperties><cp:revision>1</cp:revision><dc:creator>ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN</dc:creator><dc:title>Tình hình &amp; nhiệm vụ</dc:title></cp:coreProperties>"#
        );
        set_core_properties(&mut c, "", "");
        assert_eq!(
            text(&c),
            r#"<cp:coreProperties><cp:revision>1</cp:revision></cp:coreProperties>"#
        );
    }

    #[test]
    fn overrides_of_absent_parts_are_dropped() {
        let mut t = tree(
            r#"<Types><Default Extension="xml"/><Override PartName="/word/document.xml"/><Override PartName="/word/numbering.xml"/></Types>"#,
        );
        drop_overrides_of_absent_parts(&mut t, &["word/document.xml".to_string()]);
        assert_eq!(
            text(&t),
            r#"<Types><Default Extension="xml"/><Override PartName="/word/document.xml"/></Types>"#
        );
    }
}

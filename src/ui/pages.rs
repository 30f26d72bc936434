//! The A4 preview cut into pages: the report's page (one long sheet from
//! `report_html`) is measured block by block in the browser, with the
//! printed page's fonts and sizes; `baocao_session::pages` decides the
//! pages from those heights; the blocks are then dealt onto A4 sheets, a
//! block cut between pages shown as two windows onto the same block.

use super::dom;
use baocao_model::BlockId;
use baocao_session::pages::{paginate, FlowBox, NoteMark, Page, PageRoom};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// CSS pixels in a millimetre (96 per inch).
const PX_PER_MM: f64 = 96.0 / 25.4;
/// The text area's height: A4's 297 mm less the 20 mm margins above and
/// below (nd30.md §1).
const BODY_HEIGHT_MM: f64 = 297.0 - 20.0 - 20.0;
/// The same on a landscape page (210 mm high).
const LANDSCAPE_BODY_HEIGHT_MM: f64 = 210.0 - 20.0 - 20.0;

/// What the .docx lays on landscape pages, by block id: detail tables too
/// wide for a portrait page, and appendices holding one.
#[derive(Default)]
pub struct Landscape {
    pub tables: Vec<BlockId>,
    pub appendices: Vec<BlockId>,
}

/// Marks the landscape blocks of the long sheet, so that they are measured
/// at a landscape page's width.
fn mark_landscape(article: &Element, landscape: &Landscape) {
    for id in &landscape.tables {
        if let Ok(Some(t)) =
            article.query_selector(&format!(".detail-table[data-block=\"{}\"]", id.0))
        {
            if let Some(detail) = t.parent_element() {
                let _ = detail.class_list().add_1("landscape");
            }
        }
    }
    for id in &landscape.appendices {
        if let Ok(Some(a)) =
            article.query_selector(&format!("section.appendix[data-block=\"{}\"]", id.0))
        {
            let _ = a.class_list().add_1("landscape");
        }
    }
}

/// A block of the long sheet, and what the paginator needs of it.
struct Measured {
    el: Element,
    flow: FlowBox,
    /// Inside an appendix (its pieces keep the appendix's look).
    appendix: bool,
    /// The number of each note of `flow.notes`, in the same order.
    note_numbers: Vec<String>,
}

fn has_class(el: &Element, class: &str) -> bool {
    el.class_list().contains(class)
}

fn children(el: &Element) -> Vec<Element> {
    let list = el.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// The blocks of the sheet in reading order: the header block, the title,
/// every paragraph, heading and table of the body, the closing block, then
/// each appendix's (the first marked as a new section). Footnotes aside.
struct Flowing {
    el: Element,
    starts_section: bool,
    appendix: bool,
    landscape: bool,
}

fn flow_elements(article: &Element) -> Vec<Flowing> {
    let mut out = Vec::new();
    let flowing = |el: Element, starts_section, appendix, landscape| Flowing {
        landscape: landscape || has_class(&el, "landscape"),
        el,
        starts_section,
        appendix,
    };
    for child in children(article) {
        if has_class(&child, "doc-body") {
            out.extend(
                children(&child)
                    .into_iter()
                    .map(|c| flowing(c, false, false, false)),
            );
        } else if has_class(&child, "appendix") {
            let landscape = has_class(&child, "landscape");
            for (k, c) in children(&child).into_iter().enumerate() {
                out.push(flowing(c, k == 0, true, landscape));
            }
        } else if !has_class(&child, "footnotes") {
            out.push(flowing(child, false, false, false));
        }
    }
    out
}

fn margin_bottom(el: &Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value("margin-bottom").ok())
        .and_then(|v| dom::parse_number(&v))
        .unwrap_or(0.0)
}

/// The bottoms of the lines of a paragraph, from its top.
fn line_bottoms(doc: &Document, el: &Element, top: f64) -> Vec<f64> {
    let Ok(range) = doc.create_range() else {
        return Vec::new();
    };
    if range.select_node_contents(el).is_err() {
        return Vec::new();
    }
    let Some(rects) = range.get_client_rects() else {
        return Vec::new();
    };
    let mut bottoms: Vec<f64> = (0..rects.length())
        .filter_map(|i| rects.get(i))
        .filter(|r| r.height() > 0.0)
        .map(|r| r.bottom() - top)
        .collect();
    baocao_model::order::sort_stable_by(&mut bottoms, f64::total_cmp);
    // Runs of one line end within a few pixels of each other.
    let mut lines: Vec<f64> = Vec::new();
    for b in bottoms {
        match lines.last_mut() {
            Some(last) if b - *last < 4.0 => *last = last.max(b),
            _ => lines.push(b),
        }
    }
    lines
}

/// The bottoms of a table's body rows, from the block's top.
fn row_bottoms(el: &Element, top: f64) -> Vec<f64> {
    let Ok(rows) = el.query_selector_all("tbody tr") else {
        return Vec::new();
    };
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .map(|r| r.get_bounding_client_rect().bottom() - top)
        .collect()
}

/// Measures the long sheet `article`: its blocks, and each footnote's
/// height by its number.
fn measure(doc: &Document, article: &Element) -> (Vec<Measured>, Vec<(String, Element, f64)>) {
    let notes: Vec<(String, Element, f64)> = article
        .query_selector_all(".footnotes .footnote")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
                .map(|p| {
                    let number = p
                        .query_selector("sup")
                        .ok()
                        .flatten()
                        .and_then(|s| s.text_content())
                        .unwrap_or_default();
                    let height = p.get_bounding_client_rect().height() + 3.0;
                    (number, p, height)
                })
                .collect()
        })
        .unwrap_or_default();
    let elements = flow_elements(article);
    let tops: Vec<f64> = elements
        .iter()
        .map(|f| f.el.get_bounding_client_rect().top())
        .collect();
    let mut out = Vec::with_capacity(elements.len());
    for (i, f) in elements.iter().enumerate() {
        let el = &f.el;
        let top = tops[i];
        let rect = el.get_bounding_client_rect();
        // To the next block's top, its spacing included, unless the next
        // block starts a page of its own or this is the last one.
        let height = match elements.get(i + 1) {
            Some(next)
                if !next.starts_section && next.landscape == f.landscape && tops[i + 1] >= top =>
            {
                tops[i + 1] - top
            }
            _ => rect.height() + margin_bottom(el),
        };
        let heading = [
            "h-part",
            "h-item",
            "h-subitem",
            "h-point",
            "appendix-label",
            "appendix-title",
            "appendix-ref",
            "table-title",
        ]
        .iter()
        .any(|c| has_class(el, c));
        let paragraph = el.tag_name() == "P";
        let (mut breaks, keep_lines) = if paragraph {
            (line_bottoms(doc, el, top), 2)
        } else if has_class(el, "detail") {
            (row_bottoms(el, top), 1)
        } else {
            (Vec::new(), 1)
        };
        // The last line or row ends the block: no cut there.
        breaks.retain(|&b| b > 0.5 && b < rect.height() - 0.5);
        let mut marks = Vec::new();
        let mut note_numbers = Vec::new();
        if let Ok(list) = el.query_selector_all("sup.fn-ref") {
            for sup in (0..list.length()).filter_map(|k| list.item(k)?.dyn_into::<Element>().ok()) {
                let number = sup.text_content().unwrap_or_default();
                let Some(&(_, _, height)) = notes.iter().find(|(n, _, _)| *n == number) else {
                    continue;
                };
                // The bottom of the marker's line.
                let bottom = sup.get_bounding_client_rect().bottom() - top;
                let at = breaks
                    .iter()
                    .copied()
                    .find(|&b| b + 0.5 >= bottom)
                    .unwrap_or(rect.height());
                marks.push(NoteMark {
                    at: at.max(1.0),
                    height,
                });
                note_numbers.push(number);
            }
        }
        out.push(Measured {
            el: el.clone(),
            flow: FlowBox {
                height,
                breaks,
                keep_lines,
                keep_with_next: heading,
                starts_section: f.starts_section,
                landscape: f.landscape,
                notes: marks,
            },
            appendix: f.appendix,
            note_numbers,
        });
    }
    (out, notes)
}

/// One A4 sheet of `page`, built from clones of the measured blocks.
fn sheet(
    doc: &Document,
    class: &str,
    page: &Page,
    blocks: &[Measured],
    notes: &[(String, Element, f64)],
) -> Option<Element> {
    let sheet = doc.create_element("article").ok()?;
    let orientation = if page.landscape { " landscape" } else { "" };
    sheet.set_class_name(&format!("{class} page{orientation}"));
    let _ = sheet.set_attribute("lang", "vi");
    if let Some(n) = page.number {
        let number = doc.create_element("div").ok()?;
        number.set_class_name("page-number");
        number.set_text_content(Some(&n.to_string()));
        let _ = sheet.append_child(&number);
    }
    for s in &page.slices {
        let b = &blocks[s.block];
        let window = doc.create_element("div").ok()?;
        window.set_class_name(if b.appendix {
            "piece in-appendix"
        } else {
            "piece"
        });
        let _ = window.set_attribute(
            "style",
            &format!("height:{}px", dom::fixed(s.to - s.from, 2)),
        );
        let inner = doc.create_element("div").ok()?;
        if s.from > 0.0 {
            let _ =
                inner.set_attribute("style", &format!("margin-top:-{}px", dom::fixed(s.from, 2)));
        }
        let _ = inner.append_child(&b.el.clone_node_with_deep(true).ok()?);
        let _ = window.append_child(&inner);
        let _ = sheet.append_child(&window);
    }
    if !page.notes.is_empty() {
        let foot = doc.create_element("section").ok()?;
        foot.set_class_name("footnotes");
        let rule: web_sys::Node = doc.create_element("hr").ok()?.into();
        let _ = foot.append_child(&rule);
        for part in &page.notes {
            let number = blocks[part.block].note_numbers.get(part.note);
            let Some((_, p, height)) = number.and_then(|n| notes.iter().find(|(m, _, _)| m == n))
            else {
                continue;
            };
            let clone = p.clone_node_with_deep(true).ok()?;
            if part.from <= 0.0 && part.to + 0.5 >= *height {
                let _ = foot.append_child(&clone);
                continue;
            }
            // A note cut between pages: a window onto the part of it here.
            let window = doc.create_element("div").ok()?;
            window.set_class_name(if part.from > 0.0 {
                "note-part continued"
            } else {
                "note-part"
            });
            let _ = window.set_attribute(
                "style",
                &format!("height:{}px", dom::fixed(part.to - part.from, 2)),
            );
            let inner = doc.create_element("div").ok()?;
            if part.from > 0.0 {
                let _ = inner.set_attribute(
                    "style",
                    &format!("margin-top:-{}px", dom::fixed(part.from, 2)),
                );
            }
            let _ = inner.append_child(&clone);
            let _ = window.append_child(&inner);
            let _ = foot.append_child(&window);
        }
        let _ = sheet.append_child(&foot);
    }
    Some(sheet)
}

/// Cuts the long sheet inside `container` into A4 pages; returns how many.
pub fn paginate_sheet(container: &Element, landscape: &Landscape) -> usize {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Some(article) = container.first_element_child() else {
        return 0;
    };
    if has_class(&article, "page") {
        // Already cut (a resize, not a new report).
        return container.child_element_count() as usize;
    }
    let _ = article
        .dyn_ref::<HtmlElement>()
        .map(|a| a.style().remove_property("zoom"));
    mark_landscape(&article, landscape);
    let (blocks, notes) = measure(&doc, &article);
    let separator = article
        .query_selector(".footnotes")
        .ok()
        .flatten()
        .map(|f| {
            let total: f64 = notes.iter().map(|n| n.2).sum();
            (f.get_bounding_client_rect().height() - total).clamp(8.0, 40.0)
        })
        .unwrap_or(24.0);
    let room = PageRoom {
        body: BODY_HEIGHT_MM * PX_PER_MM,
        landscape_body: LANDSCAPE_BODY_HEIGHT_MM * PX_PER_MM,
        note_separator: separator,
    };
    let flows: Vec<FlowBox> = blocks.iter().map(|b| b.flow.clone()).collect();
    let pages = paginate(&flows, room);
    let class = article.class_name();
    let sheets: Vec<Element> = pages
        .iter()
        .filter_map(|p| sheet(&doc, &class, p, &blocks, &notes))
        .collect();
    container.set_inner_html("");
    for s in &sheets {
        let _ = container.append_child(s);
    }
    let _ = container.set_attribute("data-pages", &sheets.len().to_string());
    sheets.len()
}

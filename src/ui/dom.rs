//! The browser side of the text fields: reading what the official typed in
//! a contenteditable back into inline content, and finding or placing the
//! caret, in the editing-text offsets of `baocao_model::edit_text`.

use baocao_model::NOTE_CHAR;
use baocao_model::{BlockId, FootnoteId, Inline, Style, TextTarget};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// The DOM id of a text field.
pub fn editor_id(target: TextTarget) -> String {
    match target {
        TextTarget::Paragraph(id) => format!("t-p-{}", id.0),
        TextTarget::Heading(id) => format!("t-h-{}", id.0),
        TextTarget::Footnote(id) => format!("t-f-{}", id.0),
    }
}

/// The DOM id of a block or section's wrapper, which findings scroll to.
pub fn block_dom_id(id: BlockId) -> String {
    format!("b-{}", id.0)
}

/// The text field of a target, if it is on the page.
pub fn editor_element(target: TextTarget) -> Option<HtmlElement> {
    leptos::prelude::document()
        .get_element_by_id(&editor_id(target))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Which target a text field edits, from its data attributes.
pub fn target_of(el: &Element) -> Option<TextTarget> {
    let kind = el.get_attribute("data-kind")?;
    let id: u32 = el.get_attribute("data-id")?.parse().ok()?;
    match kind.as_str() {
        "p" => Some(TextTarget::Paragraph(BlockId(id))),
        "h" => Some(TextTarget::Heading(BlockId(id))),
        "f" => Some(TextTarget::Footnote(FootnoteId(id))),
        _ => None,
    }
}

/// What a text field holds: its inline content, where the caret is (if it
/// is inside), and each `mark.stale` or `span.moved` with its offset and
/// text and whether it is a moved mention.
pub struct Reading {
    pub inlines: Vec<Inline>,
    pub caret: Option<usize>,
    /// Where the selection starts, when it is in the field.
    pub anchor: Option<usize>,
    pub marks: Vec<(Element, usize, String, bool)>,
}

/// Cleans typed text: no-break spaces and line breaks become spaces, and
/// the marker placeholder cannot be typed.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| *c != NOTE_CHAR)
        .map(|c| match c {
            '\u{a0}' | '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect()
}

/// UTF-16 offset within `text` → byte offset within `clean(text)`.
fn cleaned_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    let mut prefix = String::new();
    for c in text.chars() {
        if units >= utf16 {
            break;
        }
        units += c.len_utf16() as u32;
        prefix.push(c);
    }
    clean(&prefix).len()
}

fn push_text(out: &mut Vec<Inline>, text: &str, style: Style) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(run)) if run.style == style => run.text.push_str(text),
        _ => out.push(Inline::styled(text, style)),
    }
}

/// A point of the selection (a DOM node and offset) being looked for, and
/// its offset in the editing text once found.
struct Point {
    node: Option<Node>,
    offset: u32,
    found: Option<usize>,
}

struct Walker {
    inlines: Vec<Inline>,
    pos: usize,
    points: [Point; 2],
    marks: Vec<(Element, usize, String, bool)>,
}

impl Walker {
    fn walk(&mut self, node: &Node, style: Style) {
        let children = node.child_nodes();
        for i in 0..children.length() {
            for p in &mut self.points {
                if p.found.is_none() && p.node.as_ref() == Some(node) && p.offset == i {
                    p.found = Some(self.pos);
                }
            }
            let Some(child) = children.item(i) else {
                continue;
            };
            self.node(&child, style);
        }
        for p in &mut self.points {
            if p.found.is_none() && p.node.as_ref() == Some(node) && p.offset >= children.length() {
                p.found = Some(self.pos);
            }
        }
    }

    fn node(&mut self, node: &Node, style: Style) {
        match node.node_type() {
            Node::TEXT_NODE => {
                let raw = node.text_content().unwrap_or_default();
                for p in &mut self.points {
                    if p.found.is_none() && p.node.as_ref() == Some(node) {
                        p.found = Some(self.pos + cleaned_offset(&raw, p.offset));
                    }
                }
                let text = clean(&raw);
                self.pos += text.len();
                push_text(&mut self.inlines, &text, style);
            }
            Node::ELEMENT_NODE => {
                let Some(el) = node.dyn_ref::<Element>() else {
                    return;
                };
                let tag = el.tag_name().to_ascii_uppercase();
                if tag == "SUP" && el.class_list().contains("note") {
                    if let Some(n) = el
                        .get_attribute("data-note")
                        .and_then(|n| n.parse::<u32>().ok())
                    {
                        self.inlines.push(Inline::Note(FootnoteId(n)));
                        self.pos += NOTE_CHAR.len_utf8();
                    }
                    return;
                }
                if tag == "BR" {
                    return;
                }
                if matches!(tag.as_str(), "DIV" | "P") && self.pos > 0 {
                    // A line the browser made on its own: keep words apart.
                    push_text(&mut self.inlines, " ", style);
                    self.pos += 1;
                }
                let mut inner = style;
                match tag.as_str() {
                    "B" | "STRONG" => inner.bold = true,
                    "I" | "EM" => inner.italic = true,
                    "SUP" => inner.sup = true,
                    "U" => inner.underline = true,
                    "SUB" => inner.sub = true,
                    _ => {}
                }
                if let Some(css) = el.get_attribute("style") {
                    let css = css.to_ascii_lowercase().replace(' ', "");
                    if css.contains("font-weight:bold") || css.contains("font-weight:700") {
                        inner.bold = true;
                    }
                    if css.contains("font-weight:normal") || css.contains("font-weight:400") {
                        inner.bold = false;
                    }
                    if css.contains("font-style:italic") {
                        inner.italic = true;
                    }
                    if css.contains("vertical-align:super") {
                        inner.sup = true;
                    }
                }
                let start = self.pos;
                self.walk(node, inner);
                let moved = tag == "SPAN" && el.class_list().contains("moved");
                if moved || (tag == "MARK" && el.class_list().contains("stale")) {
                    let text = el.text_content().map(|t| clean(&t)).unwrap_or_default();
                    self.marks.push((el.clone(), start, text, moved));
                }
            }
            _ => {}
        }
    }
}

/// Reads a text field back into inline content (with the caret, if the
/// selection is inside it).
pub fn read(el: &HtmlElement) -> Reading {
    let selection = leptos::prelude::window().get_selection().ok().flatten();
    let point = |node: Option<Node>, offset: u32| Point {
        node,
        offset,
        found: None,
    };
    let points = match &selection {
        Some(s) => [
            point(s.focus_node(), s.focus_offset()),
            point(s.anchor_node(), s.anchor_offset()),
        ],
        None => [point(None, 0), point(None, 0)],
    };
    let mut w = Walker {
        inlines: Vec::new(),
        pos: 0,
        points,
        marks: Vec::new(),
    };
    w.walk(el, Style::default());
    let [focus, anchor] = w.points;
    Reading {
        inlines: w.inlines,
        caret: focus.found,
        anchor: anchor.found,
        marks: w.marks,
    }
}

/// Whether the selection is collapsed (no text selected).
pub fn selection_collapsed() -> bool {
    leptos::prelude::window()
        .get_selection()
        .ok()
        .flatten()
        .is_none_or(|s| s.is_collapsed())
}

/// The caret's offset in a text field, if the caret is in it.
pub fn caret_in(el: &HtmlElement) -> Option<usize> {
    read(el).caret
}

/// Puts the caret at a byte offset of a text field's editing text.
pub fn set_caret(el: &HtmlElement, offset: usize) {
    set_selection(el, offset, offset);
}

/// Selects from `anchor` to `focus` (byte offsets of the editing text).
pub fn set_selection(el: &HtmlElement, anchor: usize, focus: usize) {
    let document = leptos::prelude::document();
    let spot = |offset: usize| -> Option<web_sys::Range> {
        let range = document.create_range().ok()?;
        let mut pos = 0usize;
        if !place(el, offset, &mut pos, &range) {
            let _ = range.select_node_contents(el);
            range.collapse_with_to_start(false);
        }
        Some(range)
    };
    let (Some(start), Some(end)) = (spot(anchor.min(focus)), spot(anchor.max(focus))) else {
        return;
    };
    if let (Ok(node), Ok(offset)) = (end.start_container(), end.start_offset()) {
        let _ = start.set_end(&node, offset);
    }
    if let Ok(Some(selection)) = leptos::prelude::window().get_selection() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&start);
    }
}

fn place(node: &Node, offset: usize, pos: &mut usize, range: &web_sys::Range) -> bool {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let raw = child.text_content().unwrap_or_default();
                let len = clean(&raw).len();
                if offset <= *pos + len {
                    // Byte offset in the cleaned text → UTF-16 offset in the raw text.
                    let mut bytes = 0usize;
                    let mut units = 0u32;
                    for c in raw.chars() {
                        if *pos + bytes >= offset {
                            break;
                        }
                        bytes += clean(c.encode_utf8(&mut [0; 4])).len();
                        units += c.len_utf16() as u32;
                    }
                    let _ = range.set_start(&child, units);
                    range.collapse_with_to_start(true);
                    return true;
                }
                *pos += len;
            }
            Node::ELEMENT_NODE => {
                let is_note = child
                    .dyn_ref::<Element>()
                    .is_some_and(|e| e.class_list().contains("note"));
                if is_note {
                    if *pos >= offset {
                        let _ = range.set_start(node, i);
                        range.collapse_with_to_start(true);
                        return true;
                    }
                    *pos += NOTE_CHAR.len_utf8();
                    if *pos == offset {
                        let _ = range.set_start(node, i + 1);
                        range.collapse_with_to_start(true);
                        return true;
                    }
                } else if place(&child, offset, pos, range) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Focuses a text field and puts the caret at `offset` (None: the end).
pub fn focus_at(target: TextTarget, offset: Option<usize>) -> bool {
    let Some(el) = editor_element(target) else {
        return false;
    };
    let _ = el.focus();
    match offset {
        Some(o) => set_caret(&el, o),
        None => set_caret(&el, usize::MAX),
    }
    true
}

/// Whether the caret stands on the first (or last) line of a text field, so
/// the arrow keys should leave it.
pub fn caret_on_edge_line(el: &HtmlElement, first: bool) -> bool {
    let Some(selection) = leptos::prelude::window().get_selection().ok().flatten() else {
        return false;
    };
    let Ok(range) = selection.get_range_at(0) else {
        return false;
    };
    let caret = range.get_bounding_client_rect();
    let field = el.get_bounding_client_rect();
    if caret.height() == 0.0 && caret.top() == 0.0 {
        // An empty line has no caret box: it is both the first and the last.
        return true;
    }
    let line = caret.height().max(16.0);
    if first {
        caret.top() - field.top() < line * 0.9
    } else {
        field.bottom() - caret.bottom() < line * 0.9
    }
}

/// Every text field of the body, in reading order.
pub fn body_fields() -> Vec<HtmlElement> {
    let Ok(list) = leptos::prelude::document().query_selector_all(".doc-editor .rich") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Scrolls a block into view and highlights it for a moment.
pub fn reveal(dom_id: &str) -> bool {
    let Some(el) = leptos::prelude::document().get_element_by_id(dom_id) else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.class_list().remove_1("flash");
    // Restart the animation even if it just ran.
    let _ = el.get_bounding_client_rect();
    let _ = el.class_list().add_1("flash");
    let el2 = el.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = el2.class_list().remove_1("flash");
        },
        std::time::Duration::from_millis(2600),
    );
    true
}

/// Puts the keyboard in a form field (input or text area) with this id, so a
/// finding about the header or the signature leads straight to the fix.
pub fn focus_field(dom_id: &str) {
    let Some(el) = leptos::prelude::document().get_element_by_id(dom_id) else {
        return;
    };
    if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
        if let Ok(field) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}

/// Puts the keyboard on the element with this id (a table cell, a button);
/// false if there is none.
pub fn focus_element(dom_id: &str) -> bool {
    let Some(el) = leptos::prelude::document().get_element_by_id(dom_id) else {
        return false;
    };
    match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(el) => el.focus().is_ok(),
        Err(_) => false,
    }
}

/// The same for an element a change just asked for: once the page has
/// redrawn (a microtask), else on the next frames.
pub fn focus_element_later(dom_id: String) {
    leptos::task::spawn_local(async move {
        if !focus_element(&dom_id) {
            leptos::prelude::request_animation_frame(move || {
                if !focus_element(&dom_id) {
                    leptos::prelude::request_animation_frame(move || {
                        focus_element(&dom_id);
                    });
                }
            });
        }
    });
}

/// Runs a document editing command on the selection (bold, italic,
/// superscript, insertText): the browser keeps its own undo history.
pub fn exec(command: &str, value: Option<&str>) -> bool {
    let Ok(doc) = leptos::prelude::document().dyn_into::<web_sys::HtmlDocument>() else {
        return false;
    };
    match value {
        Some(v) => doc
            .exec_command_with_show_ui_and_value(command, false, v)
            .unwrap_or(false),
        None => doc.exec_command(command).unwrap_or(false),
    }
}

/// Milliseconds from the page's high-resolution clock.
pub fn now() -> f64 {
    leptos::prelude::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// `x` with `digits` decimals ("12.50"), for CSS and data attributes: by the
/// browser's `toFixed`, so the page's wasm carries no float formatting.
pub fn fixed(x: f64, digits: u8) -> String {
    js_sys::Number::from(x)
        .to_fixed(digits)
        .map(String::from)
        .unwrap_or_else(|_| "0".to_string())
}

/// A number written in CSS or an attribute ("12.5px" reads 12.5), by the
/// browser's `parseFloat`; None when it is not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    Some(js_sys::parse_float(text)).filter(|x| x.is_finite())
}

/// Records a timing on the root element (`data-<name>-ms`) for the browser
/// tests to read; the page itself never shows it.
pub fn record_timing(name: &str, ms: f64) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute(&format!("data-{name}-ms"), &fixed(ms, 2));
    }
}

/// Focuses a field (a text field, an input, a text area) and selects the
/// bytes `span` of its text, so the official lands on the characters a
/// finding is about. Byte offsets become the browser's UTF-16 offsets here.
pub fn select_in(dom_id: &str, span: std::ops::Range<usize>) {
    let Some(el) = leptos::prelude::document().get_element_by_id(dom_id) else {
        return;
    };
    let utf16 = |text: &str, byte: usize| -> u32 {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].encode_utf16().count() as u32
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let v = input.value();
        let _ = input.set_selection_range(utf16(&v, span.start), utf16(&v, span.end));
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let v = area.value();
        let _ = area.set_selection_range(utf16(&v, span.start), utf16(&v, span.end));
    } else if let Some(field) = el.dyn_ref::<HtmlElement>() {
        let _ = field.focus();
        set_selection(field, span.start, span.end);
    }
}

/// Takes an element out of the page and keeps what it holds in its place
/// (a figure's mark, once the figure is updated).
pub fn unwrap(el: &Element) {
    let Some(parent) = el.parent_node() else {
        return;
    };
    while let Some(child) = el.first_child() {
        let _ = parent.insert_before(&child, Some(el));
    }
    let _ = parent.remove_child(el);
}

/// Runs `f` in the browser's next idle moment (after a frame, when no input
/// waits), or after `within` at the latest. Where the browser has no idle
/// callbacks, it runs in a task of its own.
pub fn when_idle(f: Box<dyn FnOnce()>, within: std::time::Duration) {
    let window = leptos::prelude::window();
    // Boxed: one instance of the closure's glue for every caller.
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(within.as_millis() as u32);
    if window
        .request_idle_callback_with_options(f.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(f.unchecked_ref());
    }
}
